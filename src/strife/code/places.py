"""Place and country mentions in a sentence, and how each relates to the event.

A place name is a run of capitalised words found in the gazetteer (or tagged GPE/LOC by the
parser). The words before it say how it relates to the event (DESIGN.md §3 Places, ACLED
geo_precision in research/anchors.md §1.7): "in X" precision 1, "near X" precision 2,
"the X region" precision 3, "an official from X" only a source's origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from strife.resources import load_yaml

if TYPE_CHECKING:
    from strife.geo.gazetteer import Gazetteer, Place

Relation = Literal["in", "near", "region", "origin", "other"]

_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*"
# an Arabic article written in lower case starts a name too: "el-Fasher", "al-Atareb"
_ARTICLE = r"(?:(?:el|al|ad|ar|as|ash|at|az|an)-|(?:el|al) (?=[A-Z]))?"
# the second and later names of a list: "in Djibo, Dori and Kaya"
_LIST_BEFORE = re.compile(
    r"(?:\b(?:in|at|à|dans)\s+[A-ZÀ-Ö][\w'’-]*(?:\s*,\s*[A-ZÀ-Ö][\w'’-]*)*\s*(?:,|and|et|&)\s*)$"
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\([A-Z][\w .]*\)\s*)?[—–-]{1,2}\s")
_NAME = r"[A-ZÀ-Þ][\w’'.-]*(?:\s+[A-ZÀ-Þ][\w’'.-]*){0,3}"
_CAPS = r"[A-ZÀ-Þ][A-ZÀ-Þ’'.-]{2,}(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ’'.-]+){0,2}"
_DAY = r"(?:[A-Z][a-zé]{2,8}\.?\s+\d{1,2}|\d{1,2}(?:er)?\s+[a-zé]{3,9}\.?)"
# a wire dateline says where and when the story was filed, not where or when the event was:
# "KADUNA, Nigeria, July 21 (Reuters) - ", "Niamey, 2 mars (AFP) - ", "MOGADISHU Oct 30 "
_DATELINE = re.compile(
    rf"^\s*{_NAME}(?:\s*,\s*{_NAME})?(?:\s*,?\s+{_DAY})?\s*\([A-Z][^()\n]{{1,40}}\)\s*[—–-]{{1,2}}\s"
    rf"|^\s*{_CAPS}(?:\s*,\s*{_NAME})?(?:\s*,?\s+{_DAY}(?:\s*[—–-]{{1,2}})?|\s*[—–-]{{1,2}})\s"
)


def dateline_end(text: str) -> int:
    """Where a wire dateline opening ``text`` ends, 0 without one."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


_REGION_PAIR_AFTER = re.compile(
    r"^\s*(?:and|et|,)\s*" + _CAP_WORD + r"\s+(?:regions|provinces|states)\b"
)
# the province after a district the gazetteer may not know: "in Ishkamish district, Takhar",
# "in Kapasia upazila (Gazipur, Dhaka)"
_ADMIN_TAIL = re.compile(r"\b(?:in|at|near|à|dans)\s+[^.;:]{0,60}[,(]\s*$", re.IGNORECASE)
# an ACLED note saying where it codes the event: "(coded as Hombori at geoprecision 2)",
# "coded to Bogra", "coded as Mbita with GP2"
_CODED_BEFORE = re.compile(r"\bcoded\s+(?:as|to|at)\s+(?:the\s+)?$", re.IGNORECASE)
_CODED_PRECISION = re.compile(
    r"^[^.;()\[\]]{0,25}?\b(?:geo-?precision|GP)\s*(?:of\s+)?([123])\b", re.IGNORECASE
)


def _coded_precision(after: str) -> int | None:
    m = _CODED_PRECISION.match(after)
    return int(m.group(1)) if m else None


_MEDIA = (
    r"(?:presse|médias?|media|press|journalists?|journalistes?|newspapers?|journal|agency|agence|"
    r"radio|television|télévision|bloggers?|diplomats?|diplomatic|diplomatique|authorities|"
    r"autorités|government|gouvernement|ministry|ministère|embassy|ambassade|court|tribunal|justice)"
)
_MEDIA_BEFORE = re.compile(_MEDIA + r"\s+$", re.IGNORECASE)
_MEDIA_AFTER = re.compile(r"^\s+(?:military\s+)?" + _MEDIA + r"\b", re.IGNORECASE)


def names_the_city(after: str) -> bool:
    """Whether the words after a name say it is the city itself ("Kandahar city", "X town")."""
    return _cues().city_after.match(after) is not None


def _media_demonym(text: str, a: int, b: int) -> bool:
    """A nationality that says who speaks, not where: "la presse française", "Russian
    military bloggers", "the French government"."""
    return bool(
        _MEDIA_BEFORE.search(text[max(0, a - 20) : a]) or _MEDIA_AFTER.match(text[b : b + 30])
    )


_GAP = re.compile(r"^[^.;:!?]{0,60}$")


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class _Cues:
    """The patterns built from ``data/places.yaml``."""

    name_run: re.Pattern[str]
    near: re.Pattern[str]
    origin: re.Pattern[str]
    locative: re.Pattern[str]
    place_after: re.Pattern[str]
    event_after: re.Pattern[str]
    reported_from: re.Pattern[str]
    elsewhere: re.Pattern[str]
    region_before: re.Pattern[str]
    region_after: re.Pattern[str]
    district_after: re.Pattern[str]
    district_before: re.Pattern[str]
    settlement_before: re.Pattern[str]
    settlement_after: re.Pattern[str]
    city_after: re.Pattern[str]
    inside_before: re.Pattern[str]
    locating_after: re.Pattern[str]
    place_words: frozenset[str]
    connectors: frozenset[str]
    not_place_heads: frozenset[str]


@cache
def _cues() -> _Cues:
    d = load_yaml("places.yaml")
    i = re.IGNORECASE
    connect = rf"(?:\s+{_alt([re.escape(w) for w in d['connectors']])}\s+|\s+|-)"
    nouns = _alt(d["place_nouns"])
    return _Cues(
        # a name starts a word, or follows French elision: "près d'Arbinda", "de l'Ituri"
        name_run=re.compile(
            rf"(?:(?<![\w’'-])|(?<=(?<![\w’'-])[dlDL]['’])){_ARTICLE}{_CAP_WORD}"
            rf"(?:{connect}{_CAP_WORD}){{0,4}}"
        ),
        near=re.compile(rf"{_alt(d['near'])}\W*(?:\w+\W+){{0,2}}$", i),
        origin=re.compile(
            rf"(?:{_alt(d['origin_nouns'])}\s+(?:from|of|in|de|à|du)"
            rf"|{_alt(d['dweller_nouns'])}\s+(?:from|of|de|du))\s+(?:nearby\s+|the\s+)?$",
            i,
        ),
        # A place is where the event happened only when the words before it say so ("in Djibo",
        # "attacked Djibo", "le village de X"): elsewhere a capitalised word that is also a
        # place name ("Police", "University", "Alice") is not a location.
        locative=re.compile(
            rf"(?:\b{_alt(d['locative'])}\s*(?:the\s+|la\s+|le\s+|l'|les\s+)?"
            rf"(?:{nouns}\s+(?:of\s+|de\s+|d'|du\s+)?)?$"
            # "le poste de la gendarmerie de X": a noun of the place's between
            rf"|\b{nouns}(?:\s+(?:de\s+|of\s+)?(?:la\s+|l'|the\s+)?[^\W\d_]+)?"
            rf"\s+(?:of|de|du|d')\s*$)",
            i,
        ),
        place_after=re.compile(rf"^\s+(?:military\s+)?{_alt(d['place_after'])}\b", i),
        event_after=re.compile(rf"^\s+{_alt(d['event_after'])}\b", i),
        reported_from=re.compile(
            rf"\b{_alt(d['reporting'])}\b"
            r"(?:\s+(?!(?:it|they|that|he|she|il|ils|elle|elles|que|qu)\b)[\w’'-]+){0,5}?"
            r"\s+(?:in|at|à|from|depuis)\s+$",
            i,
        ),
        elsewhere=re.compile(
            rf"\b{_alt(d['elsewhere'])}\b(?:\s+[\w’'-]+){{0,3}}?\s+(?:to|in|at|à|vers|sur)\s+"
            r"(?:the\s+|la\s+|l')?$",
            i,
        ),
        region_before=re.compile(
            rf"{_alt(d['region_before'])}\s+(?:de\s+|du\s+|d'|of\s+(?:the\s+)?)?(?:la\s+|l')?$", i
        ),
        region_after=re.compile(rf"^\s*{_alt(d['region_after'])}\b", i),
        district_after=re.compile(rf"^\s*{_alt(d['district_after'])}\b", i),
        district_before=re.compile(
            rf"\b{_alt(d['district_before'])}\s+(?:de\s+|du\s+|d'|of\s+(?:the\s+)?)?(?:la\s+|l')?$",
            i,
        ),
        settlement_before=re.compile(
            rf"\b{_alt(d['settlement_before'])}\s+(?:of\s+(?:the\s+)?|de\s+|d'|du\s+)?$"
            # "a nearby town, Garandi,": not "Garoua town, Kalbiri subdivision"
            rf"|\b(?:an?|the|one|un|une|la|le)\s+(?:[^\W\d_]+\s+)?{_alt(d['settlement_before'])},\s*$",
            i,
        ),
        settlement_after=re.compile(rf"^\s+{_alt(d['settlement_after'])}\b", i),
        city_after=re.compile(rf"\s+{_alt(d['city_after'])}\b", i),
        inside_before=re.compile(rf"\b{_alt(d['inside_before'])}\s+$", i),
        locating_after=_locating_after(d),
        place_words=frozenset(str(w).lower() for w in d["place_words"]),
        connectors=frozenset(str(w).lower() for w in d["connectors"]),
        not_place_heads=frozenset(str(w).lower() for w in d["not_place_heads"]),
    )


def _locating_after(d: dict[str, list[str]]) -> re.Pattern[str]:
    """What may follow a locality's name to say where it lies: "in the Bankass circle", "near
    Y", ", région de Y", ", Kisumu County", " (Y)"."""
    cap = rf"(?-i:{_CAP_WORD})"
    units = _alt(d["region_before"] + d["place_nouns"])
    unit_after = _alt(d["region_after"] + d["district_after"])
    the = r"(?:the\s+|la\s+|le\s+|l'|les\s+)?"
    return re.compile(
        rf"^\s*(?:,\s*)?(?:{_alt(d['located'])}\s+)?(?:"
        rf"(?:in|dans|à)\s+{the}(?:{units}\b|{cap})"
        rf"|{_alt(d['near_after'])}\b"
        rf"|{the}{_alt(d['region_before'])}\b"
        rf"|{cap}(?:\s+{cap}){{0,2}}\s+{unit_after}\b"
        r"|\(\s*" + cap + ")",
        re.IGNORECASE,
    )


def _continue_locatives(text: str, offset: int, places: list[PlaceMention]) -> None:
    """Names that follow a located place in the same phrase are located too:
    "in Bala Duri area of Pul-e Khumri district, Baghlan", "in Nabiganj (Habiganj, Sylhet)"."""
    last: PlaceMention | None = None
    for pm in places:
        if pm.relation == "other" and last is not None:
            gap = text[last.end - offset : pm.start - offset]
            # "in Tillia and Abala", "à Tillia et Abala": a list of the event's places (not the
            # ends of a road or of a span between two places)
            listed = last.relation == "in" and re.search(r"^\s*(?:and|et)\s*$", gap)
            if _GAP.match(gap) and (listed or re.search(r"[,(]|\b(?:of|de|du)\s*$", gap)):
                pm.relation = "in"
        if pm.relation != "other":
            last = pm


@dataclass(slots=True)
class PlaceMention:
    """A place named in a sentence; ``place`` is filled once resolved in the gazetteer."""

    start: int
    end: int
    text: str
    relation: Relation
    place: Place | None = None
    district: bool = False  # named as a district or county ("Balkh district"), not a province
    settlement: bool = False  # the text calls it a locality ("the village of X", "X town")
    # the note says how the event is coded: "(coded as Fafa at geoprecision 2)" gives True and 2
    coded: bool = False
    coded_precision: int | None = None
    # a locality the gazetteer lacks, placed by another place of the text ("X near Y", "X,
    # région de Y"): ``place`` is that other place's, the name stays this mention's
    via: PlaceMention | None = None


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named in a sentence (by name or demonym)."""

    start: int
    end: int
    text: str
    country: str
    nearby: bool = False  # "near the border with Burkina Faso": not where the event is


class PlaceFinder:
    """Finds place and country mentions, using the gazetteer's name index."""

    def __init__(self, gazetteer: Gazetteer, stopwords: Iterable[str]) -> None:
        from strife.geo.gazetteer import normalise

        self.gazetteer = gazetteer
        self.normalise = normalise
        self.stopwords = frozenset(w.lower() for w in stopwords)

    def find(
        self,
        text: str,
        offset: int,
        *,
        exclude: list[tuple[int, int]],
        extra_names: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> tuple[list[PlaceMention], list[CountryMention]]:
        """Places and countries in a sentence; ``exclude`` = spans already taken (actors, dates)."""
        places: list[PlaceMention] = []
        countries: list[CountryMention] = []
        taken: list[tuple[int, int]] = list(exclude)
        spans = [(m.start(), m.end()) for m in _cues().name_run.finditer(text)]
        spans += [(a - offset, b - offset) for a, b in extra_names]
        for run_start, run_end in spans:
            self._scan_run(text, offset, run_start, run_end, taken, places, countries)
        self._demonyms(text, offset, taken, countries)
        filed = offset + dateline_end(text)
        if filed > offset:
            places = [p for p in places if p.start >= filed]
            countries = [c for c in countries if c.start >= filed]
        places.sort(key=lambda p: p.start)
        _continue_locatives(text, offset, places)
        countries.sort(key=lambda c: c.start)
        return places, countries

    def _scan_run(
        self,
        text: str,
        offset: int,
        run_start: int,
        run_end: int,
        taken: list[tuple[int, int]],
        places: list[PlaceMention],
        countries: list[CountryMention],
    ) -> None:
        # hyphens split words too ("axis Boni-Hombori"); spans keep them ("Ti-n-Zaouâtene")
        words = [
            (m.start() + run_start, m.end() + run_start)
            for m in re.finditer(r"[^\s\-–]+", text[run_start:run_end])
        ]
        i = 0
        while i < len(words):
            matched = False
            for j in range(min(len(words), i + 5), i, -1):
                a, b = words[i][0], words[j - 1][1]
                surface = text[a:b].rstrip("’'-")
                b = a + len(surface)
                if any(x < offset + b and offset + a < y for x, y in taken):
                    continue
                if j - i == 1 and (surface.lower() in self.stopwords or len(surface) < 3):
                    continue
                if surface.endswith(("’s", "'s")):
                    surface = surface[:-2]  # "Mali's army", "Burkina Faso's government"
                    b = a + len(surface)
                demonym = self.gazetteer.country_by_demonym(surface) if j - i == 1 else None
                if demonym is not None and _media_demonym(text, a, b):
                    taken.append((offset + a, offset + b))  # "la presse française"
                    i, matched = j, True
                    break
                if demonym is not None:  # "the northern Malian city of Kidal"
                    nearby = bool(_cues().near.search(text[max(0, a - 60) : a]))
                    countries.append(
                        CountryMention(offset + a, offset + b, surface, demonym, nearby)
                    )
                    taken.append((offset + a, offset + b))
                    i, matched = j, True
                    break
                country = self.gazetteer.country(surface)
                if country is not None and _cues().region_after.match(text[b : b + 30]):
                    country = None  # "Niger State" is Nigeria's, not the country Niger
                if country is not None:
                    nearby = bool(_cues().near.search(text[max(0, a - 60) : a]))
                    countries.append(
                        CountryMention(offset + a, offset + b, surface, country.country, nearby)
                    )
                    taken.append((offset + a, offset + b))
                    i, matched = j, True
                    break
                if surface.endswith(("’s", "'s")):
                    surface = surface[:-2]
                    b = a + len(surface)
                if len(words) > 1 and not self._whole_or_place_words(text, words, i, j):
                    continue  # "Osman Nur Farah", "Robin Hood", "Left Democratic Alliance"
                before, after = text[max(0, a - 40) : a], text[b : b + 60]
                settled = self._settled(before, after)
                known = self.gazetteer.is_name(self.normalise(surface))
                if (
                    not known
                    and (j - i == 1 or (i == 0 and j == len(words)))
                    and _cues().district_after.match(after)
                    and self._may_be_place(text, surface)
                ):
                    # "in Dihdadi district", "in Nahri Saraj district": a district whatever its
                    # spelling
                    known = True
                guessed = (
                    not known
                    and settled
                    and j - i == len(words)
                    and self._may_be_place(text, surface)
                )
                relation = self._relation(text, a, b) if known or guessed else "other"
                if known or (guessed and relation in ("in", "near")):
                    # "the town of Atareb", "à Kwara Tondi près de Ouallam": a place the
                    # gazetteer may lack, kept under the name the text gives it
                    district = relation == "region" and bool(
                        _cues().district_after.match(after)
                        or _cues().district_before.search(before)
                    )
                    places.append(
                        PlaceMention(
                            offset + a,
                            offset + b,
                            surface,
                            relation,
                            district=district,
                            settlement=settled,
                            coded=bool(_CODED_BEFORE.search(before)),
                            coded_precision=_coded_precision(after),
                        )
                    )
                    taken.append((offset + a, offset + b))
                    i, matched = j, True
                    break
            if not matched:
                i += 1

    @staticmethod
    def _settled(before: str, after: str) -> bool:
        """Whether the words around a name call it a locality: "the village of X", "X town",
        "à X près de Y", "in X, Y County"."""
        before = before.replace("’", "'")
        return bool(
            _cues().settlement_before.search(before)
            or _cues().settlement_after.match(after)
            or (
                _cues().locative.search(before)
                and _cues().locating_after.match(after.replace("’", "'"))
            )
        )

    def _may_be_place(self, text: str, name: str) -> bool:
        """Guards on a name no gazetteer knows: no function word, acronym, title or
        institution ("in Operation Sahel Shield", "à ORTM"), nor a word the sentence also writes in
        lower case ("Drone strikes in the town…")."""
        words = re.findall(r"[^\W\d_]+", name)
        if not words or name.isupper() or len(name) < 3:
            return False
        if words[0].lower() in _cues().not_place_heads:
            return False
        for w in words:
            low = w.lower()
            if low in self.stopwords or (
                low in _cues().place_words and low not in _cues().connectors
            ):
                return False  # "Mopti Region" is Mopti, a known name; "Sabuwa LGA" is Sabuwa
            if len(w) > 3 and re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text):
                return False
        return True

    def _whole_or_place_words(
        self, text: str, words: list[tuple[int, int]], i: int, j: int
    ) -> bool:
        """A name matched inside a longer run of capitalised words stands on its own only when
        the other words are place words ("Tahoua Region", "North Darfur") or other names."""
        # only the words of the same name count: a possessive country or "of" ends a name
        # ("Enarj Enawga Woreda of Ethiopia's Amhara")
        lowered = [text[a:b].strip(",;:()").lower() for a, b in words]

        def boundary(k: int) -> bool:
            return lowered[k] in ("of", "de", "du", "d'") or self._possessive_country(lowered[k])

        lo = i
        while lo > 0 and not boundary(lo - 1):
            lo -= 1
        hi = j
        while hi < len(words) and not boundary(hi):
            hi += 1
        rest = [lowered[k] for k in range(lo, hi) if not i <= k < j]
        return all(
            w in _cues().place_words or w in self.stopwords or self._possessive_country(w)
            for w in rest
        )

    def _possessive_country(self, word: str) -> bool:
        """ "Ethiopia's" in "Ethiopia's Amhara region": a country, not part of a person's name."""
        if not word.endswith(("’s", "'s")):
            return False
        return self.gazetteer.country(word[:-2]) is not None

    def _relation(self, text: str, a: int, b: int) -> Relation:
        # the cues are written with straight apostrophes: "à l’ouest de" reads as "à l'ouest de"
        before = text[max(0, a - 60) : a].replace("’", "'")
        after = text[b : b + 30].replace("’", "'")
        if a < 3 and _DATELINE_AFTER.match(after):
            return "other"  # a dateline ("MAPUTO — …") says where the story was filed
        if _cues().origin.search(before) or _cues().reported_from.search(before):
            return "origin"
        if _cues().elsewhere.search(before):
            return "other"
        if (
            _cues().region_before.search(before)
            or _cues().region_after.match(after)
            or _REGION_PAIR_AFTER.match(after)
        ):
            return "region"
        if _cues().near.search(before) and not _cues().inside_before.search(before):
            # "on a road in X", "clashes between the army and gunmen in X": the event is in X
            return "near"
        if (
            _cues().locative.search(before)
            or _LIST_BEFORE.search(before)
            or _cues().place_after.match(after)
            or (_cues().event_after.match(after) and re.search(r"\bthe\s+$", before))
            or _ADMIN_TAIL.search(before)
        ):
            return "in"
        return "other"

    def _demonyms(
        self, text: str, offset: int, taken: list[tuple[int, int]], countries: list[CountryMention]
    ) -> None:
        for m in re.finditer(r"[^\W\d_][\w’'-]+", text):
            a, b = offset + m.start(), offset + m.end()
            if any(x < b and a < y for x, y in taken):
                continue
            country = self.gazetteer.country_by_demonym(m.group())
            if country is not None and not _media_demonym(text, m.start(), m.end()):
                # "près de la frontière malienne": a neighbour, not where the event is
                nearby = bool(_cues().near.search(text[max(0, m.start() - 60) : m.start()]))
                countries.append(CountryMention(a, b, m.group(), country, nearby))
