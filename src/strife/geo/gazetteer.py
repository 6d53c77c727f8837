"""Look places up in the built gazetteer: candidates, best match in context, countries.

    >>> gaz = Gazetteer.open()                      # builds it on first use (about a minute)
    >>> gaz.resolve("Dioura", countries=["ML"], near=[(14.49, -4.19)]).admin1
    'Mopti'
    >>> gaz.admin1_region("Tahoua", countries=["NE"]).latitude      # at the region's capital
    14.8888
    >>> gaz.country("Tchad").name, gaz.country_by_demonym("maliens")
    ('Chad', 'Mali')

Matching is on the keys of :mod:`strife.geo.names`: accents, case, punctuation and word breaks
never matter ("Ségou" = "segou", "Bani Bangou" = "Banibangou"), and transliteration variants
("Tinzaouaten" for "Ti-n-Zaouâtene") match at a lower rank.

Ranking (:meth:`Gazetteer.candidates`): places in the given countries first, in the order given;
then exact before loose matches; then Strife's curated places (extra/user) before the big
gazetteers, since they exist because news names them; then kind (country, capital, admin1,
populated place, admin2, admin3, camp, site); then population. :meth:`Gazetteer.resolve` scores
candidates on the same signals plus an admin1 hint and the distance to other places named in
the article, so "Dioura" next to Mopti resolves to the Mopti-region village, not the one in Kayes.

A Gazetteer holds one SQLite connection (usable from several threads) and small in-memory
indexes built on first use; it pickles as its path, so Spark tasks reopen it on each worker.
"""

from __future__ import annotations

import json
import logging
import math
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from strife.errors import GazetteerError, InputError
from strife.geo.build import build_gazetteer, index_keys
from strife.geo.data import (
    KINDS,
    SCHEMA_VERSION,
    PlaceEntry,
    append_place_entry,
    default_gazetteer_path,
    default_user_places_path,
)
from strife.geo.distance import distance_km
from strife.geo.names import clean_admin_name, compact, normalise, skeleton

__all__ = ["Gazetteer", "GazetteerStats", "Place", "normalise"]

logger = logging.getLogger(__name__)

_KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}
_SOURCE_RANK = {"user": 0, "extra": 1}
# resolve() weights: a country match outweighs everything but an explicit admin1 hint plus
# proximity; an exact name beats a transliteration variant unless context says otherwise.
_KIND_SCORE = {
    "capital": 15.0,
    "admin1": 12.0,
    "populated": 9.0,
    "admin2": 7.0,
    "camp": 7.0,
    "admin3": 5.0,
    "site": 2.0,
    "country": 0.0,
}
_PLACE_COLUMNS = (
    "rowid, id, name, country_code, admin1, admin2, latitude, longitude, kind, population, source"
)
# Words around a region name in news: "the Tahoua region", "région de Mopti", "Borno State".
_REGION_WORDS = re.compile(
    r"^(?:the|la|le|l|les)\s+|\s+(?:region|regions|state|province|governorate|district)$|"
    r"^(?:region|etat|province)\s+(?:de la|de l|des|du|de|d|of)\s+"
)


_VOWELS = re.compile(r"[aeiou]")


def _loose(norm: str) -> str:
    """A name's skeleton, or its compact key when too short for one."""
    return skeleton(norm) or compact(norm)


def _consonants(loose: str) -> str:
    """A loose key without its vowels but the first: "nahri saraj" and "nahr e saraj" give
    "nhrsrj", "khogyani" and "khowgiani" "kgn"."""
    return loose[:1] + _VOWELS.sub("", loose[1:])


@dataclass(frozen=True, slots=True)
class Place:
    """A place from the gazetteer.

    id: stable id, ``"geonames:2458636"``, ``"wof:421168165"``, ``"extra:boulkessi"``,
        ``"user:..."``, ``"admin1:ML.04"`` or ``"country:ML"``.
    name: the preferred name (ACLED's for countries and admin1 regions).
    country / country_code: ACLED country name ("Mali") and ISO 3166 alpha-2 code.
    admin1 / admin2: names of the first- and second-level divisions, when known.
    latitude / longitude: WGS84 degrees; admin1 regions and countries sit at their capital.
    kind: "country", "capital" (national or admin1 seat), "admin1", "populated", "admin2",
        "admin3" (communes), "camp" (military camps and posts) or "site" (wells, mines,
        airports, markets, forests...).
    population: from GeoNames; 0 when unknown, as for most Sahel villages.
    source: "geonames", "wof", "extra" (Strife's supplement) or "user".
    """

    id: str
    name: str
    country: str
    country_code: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    kind: str
    population: int
    source: str


@dataclass(frozen=True, slots=True)
class GazetteerStats:
    """What ``strife gazetteer info`` shows."""

    path: Path
    data_version: str
    built_at: str
    places: int
    names: int
    by_source: dict[str, int]
    by_kind: dict[str, int]
    by_country: dict[str, int]


def _reopen(path: str) -> Gazetteer:
    return Gazetteer.open(Path(path), build_if_missing=False)


class Gazetteer:
    """Read access (and user additions) to a built gazetteer file. Use :meth:`open`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        """Wrap an open, validated connection; prefer :meth:`open`."""
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._countries: dict[str, dict[str, Any]] = {}
        self._country_keys: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._names: frozenset[str] | None = None
        self._name_population: dict[str, int] | None = None
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)
        # the coder asks about the same words in every article; countries and demonyms never
        # change once open (add() creates no country), so these caches need no clearing
        self._demonym = lru_cache(maxsize=65536)(self._demonym_uncached)
        self._country_key = lru_cache(maxsize=65536)(self._country_key_uncached)
        self._country_place = lru_cache(maxsize=1024)(self._country_place_uncached)
        self._province_keys = lru_cache(maxsize=256)(self._province_keys_uncached)
        self._province_points = lru_cache(maxsize=256)(self._province_points_uncached)
        self._load_countries()

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, *, build_if_missing: bool = True) -> Gazetteer:
        """Open the gazetteer at ``path`` (default: ``$STRIFE_GAZETTEER`` or the data home).

        build_if_missing (bool): build it first when the file does not exist (about a minute);
            when False a missing file raises GazetteerError.
        Raises GazetteerError when the file is missing, not a Strife gazetteer, damaged, or
        from another version of Strife, with the command that fixes it.
        """
        path = Path(path) if path is not None else default_gazetteer_path()
        if not path.exists():
            if not build_if_missing:
                raise GazetteerError(
                    f"no gazetteer at {path}. Build it with `strife gazetteer build"
                    f"{'' if path == default_gazetteer_path() else f' --path {path}'}`."
                )
            logger.info("no gazetteer at %s; building it (about a minute)", path)
            build_gazetteer(path)
        if path.is_dir():
            raise GazetteerError(f"{path} is a folder, not a gazetteer file.")
        try:
            conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer {path}: {exc}") from exc
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            conn.execute("SELECT 1 FROM names LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            conn.close()
            raise GazetteerError(
                f"{path} is not a Strife gazetteer or is damaged ({exc}). Delete it and run "
                "`strife gazetteer build`."
            ) from exc
        if meta.get("schema") != str(SCHEMA_VERSION):
            conn.close()
            raise GazetteerError(
                f"{path} was built by another version of Strife (schema {meta.get('schema')}, "
                f"expected {SCHEMA_VERSION}). Rebuild it with `strife gazetteer build`."
            )
        return cls(conn, path)

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # Connections do not pickle; a worker reopens the same file instead.
        return (_reopen, (str(self.path),))

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    # -- countries -------------------------------------------------------------------------
    def _load_countries(self) -> None:
        rows = self._conn.execute(
            "SELECT iso2, name, iso3, iso_numeric, region, capital, latitude, longitude, names, "
            "demonyms FROM countries"
        ).fetchall()
        for iso2, name, iso3, numeric, region, capital, lat, lon, names, demonyms in rows:
            self._countries[iso2] = {
                "name": name,
                "iso3": iso3,
                "iso_numeric": numeric,
                "region": region,
                "capital": capital,
                "latitude": lat,
                "longitude": lon,
            }
            for n in json.loads(names):
                self._country_keys.setdefault(compact(normalise(n)), iso2)
            for d in json.loads(demonyms):
                self._demonyms.setdefault(compact(normalise(d)), iso2)

    def country_name(self, code: str) -> str | None:
        """ACLED name of an ISO2 code (``"ML"`` → ``"Mali"``)."""
        entry = self._countries.get(code.upper())
        return entry["name"] if entry else None

    def country_region(self, code: str) -> str | None:
        """ACLED region of an ISO2 code (``"ML"`` → ``"Western Africa"``)."""
        entry = self._countries.get(code.upper())
        return entry["region"] if entry else None

    def country_code(self, name: str) -> str | None:
        """ISO2 code for a country name, alias (English or French), ISO2 or ISO3 code.

        For the ``countries=`` arguments; :meth:`country`, which sees raw text, takes no ISO3
        codes since many are capitalised words ("AND", "CAN", "ARM").
        """
        text = name.strip()
        if len(text) == 3 and text.isupper():
            for iso2, entry in self._countries.items():
                if entry["iso3"] == text:
                    return iso2
        return self._country_key(text)

    def _country_key_uncached(self, text: str) -> str | None:
        if len(text) == 2 and text.isupper() and text in self._countries:
            return text
        return self._country_keys.get(compact(normalise(text)))

    def country(self, name: str) -> Place | None:
        """The country a name refers to: ``"Mali"``, ``"Tchad"``, ``"RDC"``, ``"Ivory Coast"``.

        Accepts ACLED names, English and French aliases, and ISO2 codes written in capitals
        ("ML"); demonyms are :meth:`country_by_demonym`'s job. The place sits at the country's
        capital. RETURNS None for unknown names and for territories without any place.
        """
        iso2 = self._country_key(name.strip())
        return None if iso2 is None else self._country_place(iso2)

    def _country_place_uncached(self, iso2: str) -> Place | None:
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", (f"country:{iso2}",)
        )
        return self._place(rows[0]) if rows else None

    def country_by_demonym(self, word: str) -> str | None:
        """ACLED country name for a demonym: ``"Malian"``, ``"maliennes"``, ``"Burkinabè"``.

        English plurals ("Malians", "Nigeriens") are accepted too. RETURNS None if unknown.
        """
        return self._demonym(word)

    def _demonym_uncached(self, word: str) -> str | None:
        key = compact(normalise(word))
        iso2 = self._demonyms.get(key)
        if iso2 is None and key.endswith("s"):
            iso2 = self._demonyms.get(key[:-1])
        return self._countries[iso2]["name"] if iso2 else None

    # -- names -----------------------------------------------------------------------------
    def is_name(self, normalised: str, *, min_population: int = 0) -> bool:
        """Fast test: is this normalised n-gram the name of a place (not a mere site)?

        normalised (str): output of :func:`normalise` ("bani bangou"); word breaks are ignored.
        min_population (int): only count places at least this populous (admin regions,
            capitals and curated places count whatever their population).
        Covers countries, admin areas, populated places, camps and curated places, with their
        alternate names; wells, mines and other sites are left out as they make poor anchors.
        The first call loads the index (a second or two for the full gazetteer).
        """
        key = normalised.replace(" ", "")
        if min_population <= 0:
            if self._names is None:
                with self._lock:
                    rows = self._conn.execute("SELECT key FROM name_index").fetchall()
                self._names = frozenset(r[0] for r in rows)
            return key in self._names
        if self._name_population is None:
            with self._lock:
                rows = self._conn.execute("SELECT key, population FROM name_index").fetchall()
            self._name_population = dict(rows)
        return self._name_population.get(key, -1) >= min_population

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.ProgrammingError as exc:
                raise GazetteerError(f"the gazetteer {self.path} is closed") from exc
            except sqlite3.DatabaseError as exc:
                raise GazetteerError(
                    f"cannot read the gazetteer {self.path} ({exc}); rebuild it with "
                    "`strife gazetteer build`."
                ) from exc

    def _place(self, row: tuple[Any, ...]) -> Place:
        _rowid, pid, name, cc, admin1, admin2, lat, lon, kind, population, source = row
        return Place(
            id=pid,
            name=name,
            country=self.country_name(cc) or cc,
            country_code=cc,
            admin1=admin1,
            admin2=admin2,
            latitude=lat,
            longitude=lon,
            kind=kind,
            population=population,
            source=source,
        )

    def _lookup_uncached(self, norm: str) -> tuple[tuple[Place, int], ...]:
        """All places with a name matching ``norm``: (place, 0 exact/compact or 1 skeleton)."""
        key, skel = compact(norm), skeleton(norm)
        if not key:
            return ()
        quality: dict[int, int] = {
            r[0]: 0 for r in self._query("SELECT place FROM names WHERE key = ?", (key,))
        }
        if skel:
            for (rowid,) in self._query("SELECT place FROM names WHERE skel = ?", (skel,)):
                quality.setdefault(rowid, 1)
        if not quality:
            return ()
        ids = list(quality)
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows += self._query(
                f"SELECT {_PLACE_COLUMNS} FROM places "
                f"WHERE rowid IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        return tuple((self._place(row), quality[row[0]]) for row in rows)

    def _codes(self, countries: Sequence[str]) -> list[str]:
        codes: list[str] = []
        for c in countries:
            code = self.country_code(c)
            if code is None:
                logger.debug("unknown country %r ignored", c)
            elif code not in codes:
                codes.append(code)
        return codes

    def _matches(
        self, name: str, countries: Sequence[str], kinds: Sequence[str] | None
    ) -> list[tuple[Place, int]]:
        codes = self._codes(countries)
        order = {code: i for i, code in enumerate(codes)}
        found = [
            (place, q)
            for place, q in self._lookup(normalise(name))
            if kinds is None or place.kind in kinds
        ]
        found.sort(
            key=lambda pq: (
                order.get(pq[0].country_code, len(order)),
                pq[1],
                _SOURCE_RANK.get(pq[0].source, 2),
                _KIND_RANK.get(pq[0].kind, len(_KIND_RANK)),
                -pq[0].population,
                pq[0].id,
            )
        )
        return found

    def candidates(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        limit: int = 20,
        kinds: Sequence[str] | None = None,
    ) -> list[Place]:
        """Places that a name may refer to, best first.

        name (str): as written in the text, any case and accents ("Ségou", "BARSALOGHO").
        countries (Sequence[str]): countries of the article, most likely first, as ISO2 codes,
            ISO3 codes or names ("ML", "Mali", "Tchad"); their places come first, in this order.
        limit (int): at most this many places.
        kinds (Sequence[str] | None): keep only these kinds (see :class:`Place`).
        RETURNS (list[Place]): ranked as the module docstring says; empty if nothing matches.
        """
        return [place for place, _q in self._matches(name, countries, kinds)[: max(0, limit)]]

    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        admin1: str | None = None,
        near: Sequence[tuple[float, float]] = (),
        kinds: Sequence[str] | None = None,
    ) -> Place | None:
        """The place a name most likely refers to in this article, or None.

        name (str): the place name as written.
        countries (Sequence[str]): the article's countries, most likely first (codes or names).
        admin1 (str | None): a region the text ties the place to ("Dioura, in the Mopti
            region"); matching places get a strong bonus.
        near (Sequence[tuple[float, float]]): (lat, lon) of other places in the article; the
            closer a candidate to the nearest of them, the better.
        kinds (Sequence[str] | None): allowed kinds; default every kind except "country"
            (use :meth:`country` for countries).
        RETURNS (Place | None): the best-scoring candidate: country context, then the admin1
            hint and proximity, then kind and population, exact names before loose ones.
        """
        allowed = list(kinds) if kinds is not None else [k for k in KINDS if k != "country"]
        found = self._matches(name, countries, allowed)
        codes = self._codes(countries)
        # Loose (skeleton) spellings only help inside the article's countries: worldwide they
        # turn "Jubo" into Juba and "Egerton" into Edgerton.
        exact = [pq for pq in found if pq[1] == 0]
        loose_home = [pq for pq in found if pq[1] and pq[0].country_code in codes]
        if (
            loose_home
            and exact
            and all(pq[0].country_code not in codes and pq[0].population < 100000 for pq in exact)
        ):
            # "Sayyad" in an Afghan article: the Afghan Şayād, not a Libyan village of that
            # exact name
            exact = []
        found = exact or loose_home
        if not found:
            return None
        hint = compact(normalise(clean_admin_name(admin1))) if admin1 else ""
        wanted = compact(normalise(name))

        def score(pq: tuple[Place, int]) -> float:
            place, quality = pq
            s = 0.0
            if place.country_code in codes:
                s += 100.0 - 10.0 * codes.index(place.country_code)
            if hint:
                if place.admin1 and compact(normalise(place.admin1)) == hint:
                    s += 50.0
                elif place.admin2 and compact(normalise(place.admin2)) == hint:
                    s += 30.0
            if near:
                d = min(distance_km(place.latitude, place.longitude, lat, lon) for lat, lon in near)
                s += 40.0 * math.exp(-d / 300.0)
            s += _KIND_SCORE.get(place.kind, 0.0)
            if place.kind not in ("admin1", "country"):
                # A region's population says nothing about which place the text means.
                s += 3.0 * math.log10(place.population + 1)
            if place.source in _SOURCE_RANK:
                s += 10.0
            if quality:
                s -= 25.0
            elif compact(normalise(place.name)) == wanted:
                # its own name, not one of its other names: "Oleksandrivka" is the village,
                # not Donetsk, which once bore that name
                s += 12.0
            return s

        # max() keeps the first of equal scores, i.e. the candidates() order.
        return max(found, key=score)[0]

    def spelled_like(self, name: str, *, country: str, admin1: str) -> list[Place]:
        """Places of one province with a name spelled like ``name`` but for its vowels.

        For a district or village a note places in a province ("in Nahri Saraj district,
        Helmand", "Ab Kamari district, Badghis"): transliterations of Dari, Pashto or Bengali
        differ mostly in vowels and word breaks ("Nahr-e Saraj", "Āb-e Kamarī"), and GeoNames
        often lists a district's name among its seat's alternate names. Too loose to use
        without the province, which keeps collisions rare.

        name (str): as written. country (str): ISO2 code. admin1 (str): the province's name,
            as the gazetteer gives it (:attr:`Place.admin1`).
        RETURNS (list[Place]): settlements, admin areas and camps, most populous first; empty
            for names of fewer than three consonants.
        """
        loose = _loose(normalise(name))
        key = _consonants(loose)
        if len(key) < 3:
            return []
        # a vowel more or less, not a word: "Buni Yadi" is no "Bindi"
        rowids = [
            rowid
            for rowid, size in self._province_keys(country.upper(), admin1).get(key, ())
            if abs(size - len(loose)) <= 2
        ]
        if not rowids:
            return []
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE rowid IN ({','.join('?' * len(rowids))})",
            rowids,
        )
        places = [self._place(row) for row in rows]
        return sorted(places, key=lambda p: (-p.population, _KIND_RANK.get(p.kind, 99), p.id))

    def km_to_province(
        self, latitude: float, longitude: float, *, country: str, admin1: str
    ) -> float:
        """Distance from a point to the nearest settlement of a province (inf if it has none):
        how far outside the province a place lies, as the gazetteer draws no borders."""
        return min(
            (
                distance_km(latitude, longitude, la, lo)
                for la, lo in self._province_points(country.upper(), admin1)
            ),
            default=math.inf,
        )

    def _province_points_uncached(
        self, country: str, admin1: str
    ) -> tuple[tuple[float, float], ...]:
        return tuple(
            (la, lo)
            for la, lo in self._query(
                "SELECT latitude, longitude FROM places WHERE country_code = ? AND admin1 = ? "
                "AND kind IN ('capital', 'populated')",
                (country, admin1),
            )
        )

    def _province_keys_uncached(
        self, country: str, admin1: str
    ) -> dict[str, tuple[tuple[int, int], ...]]:
        ids = [
            r[0]
            for r in self._query(
                "SELECT rowid FROM places WHERE country_code = ? AND admin1 = ? AND kind IN "
                "('capital', 'populated', 'admin2', 'admin3', 'camp')",
                (country, admin1),
            )
        ]
        keys: dict[str, set[tuple[int, int]]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for key, skel, rowid in self._query(
                f"SELECT key, skel, place FROM names WHERE place IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                loose = skel or key
                keys.setdefault(_consonants(loose), set()).add((rowid, len(loose)))
        return {k: tuple(sorted(v)) for k, v in keys.items()}

    def admin1_region(self, name: str, *, countries: Sequence[str] = ()) -> Place | None:
        """The admin1 region a name refers to, located at its capital.

        name (str): "Tahoua", "the Tahoua region", "région de Mopti", "Borno State".
        countries (Sequence[str]): the article's countries, most likely first.
        RETURNS (Place | None): kind "admin1"; latitude/longitude are those of the region's
            capital (ACLED places region-only events there).
        """
        norm = normalise(name)
        bare = _REGION_WORDS.sub("", norm).strip()
        for query in dict.fromkeys((norm, bare)):
            found = self._matches(query, countries, ("admin1",))
            if found:
                return found[0][0]
        return None

    # -- additions -------------------------------------------------------------------------
    def add(
        self, entry: PlaceEntry, *, persist: bool = True, user_file: Path | None = None
    ) -> Place:
        """Add a user place to this gazetteer and (by default) to the user places file.

        entry (PlaceEntry): the place; a ``source`` of ``geonames:<id>`` adds the names as
            aliases of that existing place instead.
        persist (bool): also append it to the user places CSV so rebuilds keep it.
        user_file (Path | None): that CSV; default ``$STRIFE_USER_PLACES`` or the data home.
        RETURNS (Place): the added (or aliased) place.
        Raises InputError for an invalid entry or unknown country.
        """
        entry = PlaceEntry(
            name=entry.name.strip(),
            country_code=entry.country_code.strip().upper(),
            latitude=entry.latitude,
            longitude=entry.longitude,
            kind=entry.kind,
            alternate_names=entry.alternate_names,
            admin1=entry.admin1,
            admin2=entry.admin2,
            source=entry.source,
            note=entry.note,
        ).validate()
        if entry.country_code not in self._countries:
            raise InputError(
                f"unknown country code {entry.country_code!r}; use an ISO 3166 alpha-2 code "
                "such as ML, BF or NE."
            )
        alias = re.fullmatch(r"geonames:(\d+)", entry.source)
        with self._lock:
            if alias:
                rows = self._query(
                    f"SELECT {_PLACE_COLUMNS} FROM places WHERE geonameid = ?",
                    (int(alias.group(1)),),
                )
                if not rows:
                    raise InputError(f"no place with GeoNames id {alias.group(1)} to alias")
                rowid, place = rows[0][0], self._place(rows[0])
            else:
                rowid, place = self._insert_entry(entry)
            keys = index_keys([entry.name, *entry.alternate_names])
            try:
                self._conn.executemany(
                    "INSERT INTO names VALUES (?, ?, ?)",
                    [(key, skel or None, rowid) for key, skel in keys],
                )
                if place.kind != "site":
                    self._conn.executemany(
                        "INSERT OR IGNORE INTO name_index VALUES (?, ?)",
                        [(key, place.population) for key, _skel in keys],
                    )
                self._conn.commit()
            except sqlite3.Error as exc:
                self._conn.rollback()
                raise GazetteerError(f"cannot add to the gazetteer {self.path}: {exc}") from exc
            if persist:
                append_place_entry(user_file or default_user_places_path(), entry)
            self._lookup.cache_clear()
            self._province_keys.cache_clear()
            self._province_points.cache_clear()
            self._names = None
            self._name_population = None
        return place

    def _insert_entry(self, entry: PlaceEntry) -> tuple[int, Place]:
        admin1_code, admin1_name = "", entry.admin1
        if entry.admin1:
            region = self.admin1_region(entry.admin1, countries=[entry.country_code])
            if region is not None and region.country_code == entry.country_code:
                admin1_code = region.id.partition(".")[2]
                admin1_name = region.name
        base = f"user:{normalise(entry.name).replace(' ', '-')}"
        rec_id, n = base, 2
        while self._query("SELECT 1 FROM places WHERE id = ?", (rec_id,)):
            rec_id, n = f"{base}-{n}", n + 1
        note = "; ".join(x for x in (entry.source, entry.note) if x)
        try:
            cur = self._conn.execute(
                "INSERT INTO places (id, name, country_code, admin1_code, admin1, admin2, "
                "latitude, longitude, kind, feature_code, population, source, geonameid, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, 'user', NULL, ?)",
                (
                    rec_id,
                    entry.name,
                    entry.country_code,
                    admin1_code,
                    admin1_name,
                    entry.admin2,
                    round(entry.latitude, 5),
                    round(entry.longitude, 5),
                    entry.kind,
                    note,
                ),
            )
        except sqlite3.Error as exc:
            self._conn.rollback()
            raise GazetteerError(f"cannot add to the gazetteer {self.path}: {exc}") from exc
        rowid = int(cur.lastrowid or 0)
        place = Place(
            id=rec_id,
            name=entry.name,
            country=self.country_name(entry.country_code) or entry.country_code,
            country_code=entry.country_code,
            admin1=admin1_name,
            admin2=entry.admin2,
            latitude=round(entry.latitude, 5),
            longitude=round(entry.longitude, 5),
            kind=entry.kind,
            population=0,
            source="user",
        )
        return rowid, place

    # -- information -----------------------------------------------------------------------
    def stats(self) -> GazetteerStats:
        """Counts by source, kind and country, with the build's version and date."""
        meta = dict(self._query("SELECT key, value FROM meta"))

        def counts(column: str) -> dict[str, int]:
            rows = self._query(
                f"SELECT {column}, COUNT(*) FROM places GROUP BY {column} ORDER BY 2 DESC"
            )
            return dict(Counter({str(k): int(n) for k, n in rows}).most_common())

        by_source = counts("source")
        return GazetteerStats(
            path=self.path,
            data_version=meta.get("data_version", "?"),
            built_at=meta.get("built_at", "?"),
            places=sum(by_source.values()),
            names=int(self._query("SELECT COUNT(*) FROM names")[0][0]),
            by_source=by_source,
            by_kind=counts("kind"),
            by_country=counts("country_code"),
        )
