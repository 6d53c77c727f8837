"""Place and country mentions in a sentence, and how each relates to the event.

A place name is a run of capitalised words found in the gazetteer (or tagged GPE/LOC by the
parser). The words before it say how it relates to the event (DESIGN.md §3 Places, ACLED
geo_precision in research/anchors.md §1.7): "in X" precision 1, "near X" precision 2,
"the X region" precision 3, "an official from X" only a source's origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from strife.geo.gazetteer import Gazetteer, Place

Relation = Literal["in", "near", "region", "origin", "other"]

_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*"
_CONNECT = (
    r"(?:\s+(?:de|du|des|la|le|el|al|al-|N'|n'|ag|ould|of|Sa|do|da|dos|das|di|del|della|van|von|"
    r"der|den|bin|ibn|abu|e|y|en|sur|sous|am|im)\s+|\s+|-)"
)
_NAME_RUN = re.compile(rf"(?<![\w’'-]){_CAP_WORD}(?:{_CONNECT}{_CAP_WORD}){{0,4}}")

_NEAR = re.compile(
    r"(?:near(?:by)?|close to|outside|outskirts of|around|vicinity of|environs of|km (?:from|of)|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west) of|"
    r"(?:au |à l')(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest) de|"
    r"kilometres (?:from|of)|kilometers (?:from|of)|between|près de|non loin de|proche de|aux environs de|"
    r"à la périphérie de|dans les environs de|km de|kilomètres de|entre|autour de|vers|axe|"
    r"road|route|border|frontière)\W*(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_ORIGIN = re.compile(
    r"(?:official|officials|mayor|resident|residents|source|sources|chief|leader|élu|maire|habitant|"
    r"habitants|notable|responsable)\s+(?:from|of|in|de|à|du)\s+(?:nearby\s+|the\s+)?$",
    re.IGNORECASE,
)
# A place is where the event happened only when the words before it say so: "in Djibo",
# "attacked Djibo", "à Djibo", "village of X". Elsewhere a capitalised word that is also a
# place name ("Police", "University", "Alice") is not a location.
_PLACE_NOUNS = (
    r"(?:town|city|village|villages|locality|area|district|commune|hamlet|camp|base|region|province|"
    r"state|county|municipality|upazila|ville|localité|hameau|région|cercle|département|secteur|zone|"
    r"quartier|axe|axis|route|road|streets|rues)"
)
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|nearby|around|outside|inside|across|between|"
    r"within|along|en|à|au|aux|dans|sur|entre|près|pres|proche|chez|"
    r"attacked|stormed|raided|captured|seized|overran|shelled|struck|bombed|hit|targeted|entered|"
    r"control of|contrôle de|contrôle du|"
    r"(?:attack|attacks|assault|raid|ambush|strike) on|attaqué|attaquée|visé|pris|investi|frappé|"
    r"(?:attaque|attaques|assaut|embuscade|prise) d[eu]|d')\s*(?:the\s+|la\s+|le\s+|l'|les\s+)?"
    rf"(?:{_PLACE_NOUNS}\s+(?:of\s+|de\s+|d'|du\s+)?)?$"
    rf"|\b{_PLACE_NOUNS}(?:\s+[^\W\d_]+)?\s+(?:of|de|du|d')\s*$)",
    re.IGNORECASE,
)
# the second and later names of a list: "in Djibo, Dori and Kaya"
_LIST_BEFORE = re.compile(
    r"(?:\b(?:in|at|à|dans)\s+[A-ZÀ-Ö][\w'’-]*(?:\s*,\s*[A-ZÀ-Ö][\w'’-]*)*\s*(?:,|and|et|&)\s*)$"
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\([A-Z][\w .]*\)\s*)?[—–-]{1,2}\s")

# where news was told, not where it happened: "a-t-on appris à Niamey", "told reporters in Abuja"
_REPORTED_FROM = re.compile(
    r"\b(?:appris|annoncé|déclaré|indiqué|publié|affirmé|précisé|said|told|announced|reported|"
    r"stated|statement|communiqué|briefing|conference|interview)\b"
    r"(?:\s+(?!(?:it|they|that|he|she|il|ils|elle|elles|que|qu)\b)[\w’'-]+){0,5}?"
    r"\s+(?:in|at|à|from|depuis)\s+$",
    re.IGNORECASE,
)
# where the wounded or the dead were taken, not where the event was
_ELSEWHERE = re.compile(
    r"\b(?:evacuated|airlifted|transported|taken|transferred|rushed|admitted|hospitali[sz]ed|"
    r"évacué|évacués|évacuées|transporté|transportés|transféré|transférés|admis|hospitalisé|hospitalisés)"
    r"\b(?:\s+[\w’'-]+){0,3}?\s+(?:to|in|at|à|vers|sur)\s+(?:the\s+|la\s+|l')?$",
    re.IGNORECASE,
)
_REGION_BEFORE = re.compile(
    r"(?:région|province|préfecture|cercle|département|state|region|province|governorate|district|"
    r"county|upazila|division)\s+(?:de\s+|du\s+|d'|of\s+(?:the\s+)?)?(?:la\s+|l')?$",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(
    r"^\s*(?:regions?|provinces?|states?|governorates?|districts?|counties?|divisions?)\b",
    re.IGNORECASE,
)
_REGION_PAIR_AFTER = re.compile(
    r"^\s*(?:and|et|,)\s*" + _CAP_WORD + r"\s+(?:regions|provinces|states)\b"
)


_PLACE_WORDS = frozenset(
    [
        "region",
        "regions",
        "province",
        "provinces",
        "state",
        "states",
        "district",
        "county",
        "city",
        "town",
        "village",
        "camp",
        "base",
        "area",
        "municipality",
        "governorate",
        "division",
        "sector",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "grand",
        "new",
        "old",
        "la",
        "le",
        "les",
        "de",
        "du",
        "des",
        "el",
        "al",
        "région",
        "cercle",
        "commune",
        "département",
        "ville",
        "village",
        "localité",
        "nord",
        "sud",
        "est",
        "ouest",
        "centre",
        "-",
        "—",
        "and",
        "et",
    ]
)


# "the Boulkessi camp", "Djibo town" ("le camp de X" is _LOCATIVE's)
_PLACE_AFTER = re.compile(
    r"^\s+(?:military\s+)?(?:camp|base|town|village|city|area|district|locality|outpost|garrison|"
    r"market|commune)\b",
    re.IGNORECASE,
)
# the province after a district the gazetteer may not know: "in Ishkamish district, Takhar",
# "in Kapasia upazila (Gazipur, Dhaka)"
_ADMIN_TAIL = re.compile(r"\b(?:in|at|near|à|dans)\s+[^.;:]{0,60}[,(]\s*$", re.IGNORECASE)
_GAP = re.compile(r"^[^.;:!?]{0,60}$")


def _continue_locatives(text: str, offset: int, places: list[PlaceMention]) -> None:
    """Names that follow a located place in the same phrase are located too:
    "in Bala Duri area of Pul-e Khumri district, Baghlan", "in Nabiganj (Habiganj, Sylhet)"."""
    last_end: int | None = None
    for pm in places:
        if pm.relation == "other" and last_end is not None:
            gap = text[last_end - offset : pm.start - offset]
            if _GAP.match(gap) and re.search(r"[,(]|\b(?:of|de|du)\s*$", gap):
                pm.relation = "in"
        if pm.relation != "other":
            last_end = pm.end


@dataclass(slots=True)
class PlaceMention:
    """A place named in a sentence; ``place`` is filled once resolved in the gazetteer."""

    start: int
    end: int
    text: str
    relation: Relation
    place: Place | None = None
    candidates_country: tuple[str, ...] = field(default_factory=tuple)


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
        spans = [(m.start(), m.end()) for m in _NAME_RUN.finditer(text)]
        spans += [(a - offset, b - offset) for a, b in extra_names]
        for run_start, run_end in spans:
            self._scan_run(text, offset, run_start, run_end, taken, places, countries)
        self._demonyms(text, offset, taken, countries)
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
                if demonym is not None:  # "the northern Malian city of Kidal"
                    countries.append(CountryMention(offset + a, offset + b, surface, demonym))
                    taken.append((offset + a, offset + b))
                    i, matched = j, True
                    break
                country = self.gazetteer.country(surface)
                if country is not None:
                    nearby = bool(_NEAR.search(text[max(0, a - 60) : a]))
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
                if self.gazetteer.is_name(self.normalise(surface)):
                    relation = self._relation(text, a, b)
                    places.append(PlaceMention(offset + a, offset + b, surface, relation))
                    taken.append((offset + a, offset + b))
                    i, matched = j, True
                    break
            if not matched:
                i += 1

    def _whole_or_place_words(
        self, text: str, words: list[tuple[int, int]], i: int, j: int
    ) -> bool:
        """A name matched inside a longer run of capitalised words stands on its own only when
        the other words are place words ("Tahoua Region", "North Darfur") or other names."""
        rest = [
            text[a:b].strip(",;:()").lower() for k, (a, b) in enumerate(words) if not i <= k < j
        ]
        return all(w in _PLACE_WORDS or w in self.stopwords for w in rest)

    def _relation(self, text: str, a: int, b: int) -> Relation:
        before = text[max(0, a - 60) : a]
        after = text[b : b + 30]
        if a < 3 and _DATELINE_AFTER.match(after):
            return "other"  # a dateline ("MAPUTO — …") says where the story was filed
        if _ORIGIN.search(before) or _REPORTED_FROM.search(before):
            return "origin"
        if _ELSEWHERE.search(before):
            return "other"
        if (
            _REGION_BEFORE.search(before)
            or _REGION_AFTER.match(after)
            or _REGION_PAIR_AFTER.match(after)
        ):
            return "region"
        if _NEAR.search(before):
            return "near"
        if (
            _LOCATIVE.search(before)
            or _LIST_BEFORE.search(before)
            or _PLACE_AFTER.match(after)
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
            if country is not None:
                countries.append(CountryMention(a, b, m.group(), country))
