"""A deterministic synthetic news corpus for the extraction benchmark (``bench/extract.py``).

Articles are built from hand-written templates, never from real or evaluation text. Two kinds:

- ``conflict``: ~600-word reports of attacks, ambushes, airstrikes, IEDs, abductions and clashes
  in the Sahel and north-east Nigeria, with dates, tolls, actors and claimants, mixed with
  background paragraphs (politics, humanitarian situation, history of the insurgency);
- ``other``: ~600-word articles on the economy, sport, culture, weather, agriculture and health
  of the same countries, with no violence words at all (no Strife trigger should fire).

Half the articles of each kind are English, half French. Article ``i`` of a kind depends only on
``(seed, kind, i)``, so any slice of the corpus is reproducible on its own.

>>> corpus = make_corpus(2, 2)
>>> [a.language for a in corpus.conflict], len(corpus.other)
(['en', 'fr'], 2)
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from strife.models import Article

__all__ = ["SEED", "Corpus", "Kind", "article", "make_corpus", "mixed_stream", "word_count"]

SEED = 20250524
Kind = Literal["conflict", "other"]
#: Each article stops growing once it passes a word count drawn from this range.
TARGET_WORDS = (575, 635)

# --------------------------------------------------------------------------------------------
# Places, countries, armed groups
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    en: str
    fr: str
    region_en: str  # "the Sahel region"
    region_fr: str  # "la région du Sahel"
    part_en: str  # "northern"
    part_fr: str  # "le nord"


@dataclass(frozen=True)
class Group:
    short: str
    en: str
    fighters_en: str
    fr: str
    fr_short: str
    fr_de: str
    fighters_fr: str


@dataclass(frozen=True)
class Country:
    key: str
    en: str
    fr: str
    fr_de: str  # "du Mali"
    adj_en: str
    adj_fr: str  # feminine: "malienne"
    capital: str
    army_en: str
    army_fr: str
    leader_en: str
    leader_fr: str
    militia_en: str
    militia_fr: str
    groups: tuple[str, ...]
    borders_en: tuple[str, ...]
    borders_fr: tuple[str, ...]
    partners_en: str
    partners_fr: str
    coup_year: int | None
    places: tuple[Place, ...]
    villages: tuple[str, ...]


def _places(
    region_en: str, region_fr: str, part_en: str, part_fr: str, names: str
) -> tuple[Place, ...]:
    """Places of a region, from "Name, Name|French name, ..."."""
    out = []
    for name in names.split(", "):
        en, _, fr = name.partition("|")
        out.append(Place(en, fr or en, region_en, region_fr, part_en, part_fr))
    return tuple(out)


def _names(names: str) -> tuple[str, ...]:
    return tuple(names.split(", "))


GROUPS = {
    "jnim": Group(
        "JNIM",
        "the al-Qaeda-linked Group to Support Islam and Muslims (JNIM)",
        "JNIM fighters",
        "le Groupe de soutien à l'islam et aux musulmans (GSIM, JNIM en arabe)",
        "le JNIM",
        "du JNIM",
        "des combattants du JNIM",
    ),
    "iss": Group(
        "IS Sahel",
        "the Islamic State Sahel Province",
        "Islamic State Sahel militants",
        "l'État islamique au Sahel (EIS)",
        "l'EIS",
        "de l'EIS",
        "des combattants de l'État islamique au Sahel",
    ),
    "iswap": Group(
        "ISWAP",
        "the Islamic State West Africa Province (ISWAP)",
        "ISWAP insurgents",
        "l'État islamique en Afrique de l'Ouest (Iswap)",
        "l'Iswap",
        "de l'Iswap",
        "des combattants de l'Iswap",
    ),
    "jas": Group(
        "Boko Haram",
        "the Boko Haram faction led by Abubakar Shekau's successors",
        "Boko Haram fighters",
        "la faction de Boko Haram issue du groupe d'Abubakar Shekau",
        "Boko Haram",
        "de Boko Haram",
        "des combattants de Boko Haram",
    ),
}

COUNTRIES = (
    Country(
        "bf",
        "Burkina Faso",
        "Burkina Faso",
        "du Burkina Faso",
        "Burkinabe",
        "burkinabè",
        "Ouagadougou",
        "the Burkinabe army",
        "l'armée burkinabè",
        "Captain Ibrahim Traoré",
        "le capitaine Ibrahim Traoré",
        "members of the Volunteers for the Defence of the Homeland (VDP)",
        "Volontaires pour la défense de la patrie (VDP)",
        _names("jnim, jnim, iss"),
        _names("Malian, Nigerien"),
        _names("malienne, nigérienne"),
        "Mali and Niger",
        "le Mali et le Niger",
        2022,
        _places(
            "the Sahel region",
            "la région du Sahel",
            "northern",
            "le nord",
            "Djibo, Arbinda, Gorom-Gorom, Dori, Sebba",
        )
        + _places(
            "the Centre-North region",
            "la région du Centre-Nord",
            "north-central",
            "le centre-nord",
            "Kaya, Kongoussi, Barsalogho",
        )
        + _places(
            "the East region", "la région de l'Est", "eastern", "l'est", "Fada N'Gourma, Diapaga"
        )
        + _places(
            "the North region", "la région du Nord", "northern", "le nord", "Ouahigouya, Titao"
        ),
        _names(
            "Tawori, Seytenga, Namssiguia, Partiaga, Nagraogo, Kodyel, "
            "Mansila, Tin-Akoff, Bourzanga, Tongomayel, Solhan, Foubé"
        ),
    ),
    Country(
        "ml",
        "Mali",
        "Mali",
        "du Mali",
        "Malian",
        "malienne",
        "Bamako",
        "the Malian armed forces (FAMa)",
        "l'armée malienne",
        "General Assimi Goïta",
        "le général Assimi Goïta",
        "Dozo hunters",
        "milices de chasseurs dozos",
        _names("jnim, jnim, iss"),
        _names("Burkinabe, Nigerien, Mauritanian"),
        _names("burkinabè, nigérienne, mauritanienne"),
        "Burkina Faso and Niger",
        "le Burkina Faso et le Niger",
        2020,
        _places(
            "the Gao region",
            "la région de Gao",
            "northern",
            "le nord",
            "Gao, Ansongo, Tessit, Bourem",
        )
        + _places(
            "the Mopti region",
            "la région de Mopti",
            "central",
            "le centre",
            "Mopti, Douentza, Bandiagara, Konna, Boni, Boulkessi",
        )
        + _places(
            "the Ménaka region",
            "la région de Ménaka",
            "north-eastern",
            "le nord-est",
            "Ménaka, Anderamboukane",
        )
        + _places(
            "the Timbuktu region",
            "la région de Tombouctou",
            "northern",
            "le nord",
            "Timbuktu|Tombouctou, Léré",
        )
        + _places(
            "the Ségou region", "la région de Ségou", "central", "le centre", "Niono, Macina"
        ),
        _names(
            "Diallassagou, Ogossagou, Dioura, Intahaka, Hombori, Sofara, "
            "Tarkint, Mondoro, Djenné, Ténenkou, Sokolo, Farabougou"
        ),
    ),
    Country(
        "ne",
        "Niger",
        "Niger",
        "du Niger",
        "Nigerien",
        "nigérienne",
        "Niamey",
        "the Nigerien army",
        "l'armée nigérienne",
        "General Abdourahamane Tiani",
        "le général Abdourahamane Tiani",
        "members of local vigilance committees",
        "membres de comités de vigilance locaux",
        _names("iss, iss, jnim"),
        _names("Malian, Burkinabe, Nigerian"),
        _names("malienne, burkinabè, nigériane"),
        "Mali and Burkina Faso",
        "le Mali et le Burkina Faso",
        2023,
        _places(
            "the Tillabéri region",
            "la région de Tillabéri",
            "western",
            "l'ouest",
            "Tillabéri, Ayorou, Ouallam, Téra, Banibangou, Abala, Makalondi",
        )
        + _places(
            "the Diffa region",
            "la région de Diffa",
            "south-eastern",
            "le sud-est",
            "Diffa, Bosso, N'Guigmi",
        )
        + _places(
            "the Tahoua region", "la région de Tahoua", "western", "l'ouest", "Tahoua, Tillia"
        ),
        _names(
            "Tassia, Anzourou, Inates, Tchoma Bangou, Zaroumdareye, Darey-Daye, "
            "Sanam, Toumour, Chétima Wangou, Intazayene, Tchombangou, Mogodyougou"
        ),
    ),
    Country(
        "ng",
        "Nigeria",
        "Nigeria",
        "du Nigeria",
        "Nigerian",
        "nigériane",
        "Abuja",
        "the Nigerian army",
        "l'armée nigériane",
        "President Bola Tinubu",
        "le président Bola Tinubu",
        "Civilian Joint Task Force (CJTF) vigilantes",
        "miliciens de la Force civile conjointe (CJTF)",
        _names("iswap, iswap, jas"),
        _names("Cameroonian, Nigerien, Chadian"),
        _names("camerounaise, nigérienne, tchadienne"),
        "Chad and Cameroon",
        "le Tchad et le Cameroun",
        None,
        _places(
            "Borno State",
            "l'État de Borno",
            "north-eastern",
            "le nord-est",
            "Maiduguri, Monguno, Gwoza, Bama, Baga, Damboa, Konduga, Dikwa",
        )
        + _places(
            "Yobe State",
            "l'État de Yobe",
            "north-eastern",
            "le nord-est",
            "Damaturu, Geidam, Gujba",
        ),
        _names(
            "Kukawa, Rann, Malam Fatori, Mafa, Gajiram, Ngala, "
            "Marte, Kawuri, Mainok, Jakana, Auno, Kirawa"
        ),
    ),
)

PEOPLE = (
    "Aminata Ouédraogo",
    "Moussa Sawadogo",
    "Fatoumata Diallo",
    "Ibrahim Maïga",
    "Hadiza Abdou",
    "Abdoulaye Kaboré",
    "Mariam Cissé",
    "Oumarou Hamani",
    "Aïssata Touré",
    "Souleymane Zongo",
    "Halima Bello",
    "Boubacar Coulibaly",
    "Ramatou Issoufou",
    "Salif Compaoré",
    "Adama Koné",
    "Kadidiatou Sidibé",
    "Issa Dicko",
    "Zeinabou Moussa",
    "Amadou Sangaré",
    "Nafissatou Idrissa",
    "Yacouba Ouattara",
    "Rakiatou Garba",
    "Seydou Traoré",
    "Hauwa Ibrahim",
    "Oumou Keïta",
)

PLAYERS = (
    "Bertrand Traoré",
    "Issoufou Dayo",
    "Hervé Koffi",
    "Amadou Haidara",
    "Yves Bissouma",
    "Victor Osimhen",
    "Ademola Lookman",
    "Youssouf Oumarou",
    "Daniel Sosah",
    "Moussa Djenepo",
    "Steeve Yago",
    "Lassina Traoré",
    "Ousmane Diawara",
    "Abdoul Tapsoba",
)

OPPONENTS = (  # (en, fr, fr "à")
    ("Ghana", "le Ghana", "au Ghana"),
    ("Senegal", "le Sénégal", "au Sénégal"),
    ("Guinea", "la Guinée", "à la Guinée"),
    ("Togo", "le Togo", "au Togo"),
    ("Benin", "le Bénin", "au Bénin"),
    ("Côte d'Ivoire", "la Côte d'Ivoire", "à la Côte d'Ivoire"),
    ("Cameroon", "le Cameroun", "au Cameroun"),
    ("Gabon", "le Gabon", "au Gabon"),
    ("Mauritania", "la Mauritanie", "à la Mauritanie"),
    ("Gambia", "la Gambie", "à la Gambie"),
)

TEAMS = {  # country key -> (en, fr: singular feminine "la sélection ...")
    "bf": ("Burkina Faso's Stallions", "la sélection burkinabè"),
    "ml": ("Mali's Eagles", "la sélection malienne"),
    "ne": ("Niger's Menas", "la sélection nigérienne"),
    "ng": ("Nigeria's Super Eagles", "la sélection nigériane"),
}

CLUBS = (
    "AS Douanes",
    "Rahimo FC",
    "Djoliba AC",
    "Stade Malien",
    "AS SONIDEP",
    "US Gendarmerie",
    "Enyimba",
    "Kano Pillars",
    "Salitas FC",
    "Real Bamako",
    "Olympic de Niamey",
    "AS Police",
)

EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FR_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
# "March" is an English trigger word ("they marched"): non-conflict articles never name it.
EN_SAFE_MONTHS = tuple(m for m in EN_MONTHS if m != "March")
EN_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
FR_SMALL = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")
FR_APPROX = {
    10: "dizaine",
    20: "vingtaine",
    30: "trentaine",
    40: "quarantaine",
    50: "cinquantaine",
    60: "soixantaine",
}

# --------------------------------------------------------------------------------------------
# Slots: values drawn on demand while a template is filled
# --------------------------------------------------------------------------------------------

Gen = Callable[[random.Random, "Slots"], str]


class Slots(dict[str, str]):
    """Template values; a missing key is drawn from its generator (and kept for the sentence)."""

    def __init__(self, base: dict[str, str], rng: random.Random, lang: str) -> None:
        super().__init__(base)
        self.rng = rng
        self.lang = lang

    def __missing__(self, key: str) -> str:
        gens = EN_GEN if self.lang == "en" else FR_GEN
        gen = gens.get(key) or COMMON_GEN.get(key)
        if gen is None:
            raise KeyError(key)
        value = gen(self.rng, self)
        self[key] = value
        return value


def _fr_de(noun: str) -> str:
    return f"d'{noun}" if noun[:1].lower() in "aeéèêiîouh" else f"de {noun}"


def _en_count(rng: random.Random, n: int, noun: str) -> str:
    forms = [
        f"at least {n} {noun}",
        f"{n} {noun}",
        f"more than {n} {noun}",
        f"some {n} {noun}",
        f"about {n} {noun}",
        f"between {n} and {n + rng.randint(4, 15)} {noun}",
    ]
    if n <= 10:
        forms += [f"{EN_SMALL[n]} {noun}", f"at least {EN_SMALL[n]} {noun}"]
    if 10 <= n <= 14:
        forms.append(f"a dozen {noun}")
    if n >= 24:
        forms += [f"dozens of {noun}", f"several dozen {noun}"]
    return rng.choice(forms)


def _fr_count(rng: random.Random, n: int, noun: str) -> str:
    forms = [
        f"au moins {n} {noun}",
        f"{n} {noun}",
        f"plus de {n} {noun}",
        f"près de {n} {noun}",
        f"entre {n} et {n + rng.randint(4, 15)} {noun}",
    ]
    if n <= 10:
        forms += [f"{FR_SMALL[n]} {noun}", f"au moins {FR_SMALL[n]} {noun}"]
    approx = FR_APPROX.get(round(n, -1))
    if approx and n >= 10:
        forms += [f"une {approx} {_fr_de(noun)}", f"plus d'une {approx} {_fr_de(noun)}"]
    if n >= 24:
        forms.append(f"plusieurs dizaines {_fr_de(noun)}")
    return rng.choice(forms)


def _en_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _killed(rng: random.Random) -> int:
    return rng.choice((rng.randint(2, 9), rng.randint(10, 35), rng.randint(10, 60)))


def _choice(*options: str) -> Gen:
    return lambda rng, s: rng.choice(options).format_map(s)


def _int(lo: int, hi: int, fmt: str = "{}") -> Gen:
    return lambda rng, s: fmt.format(rng.randint(lo, hi))


def _en_thousands(lo: int, hi: int, step: int) -> Gen:
    return lambda rng, s: f"{rng.randrange(lo, hi, step):,}"


def _fr_thousands(lo: int, hi: int, step: int) -> Gen:
    return lambda rng, s: f"{rng.randrange(lo, hi, step):,}".replace(",", " ")


def _en_decimal(lo: float, hi: float) -> Gen:
    return lambda rng, s: f"{rng.uniform(lo, hi):.1f}"


def _fr_decimal(lo: float, hi: float) -> Gen:
    return lambda rng, s: f"{rng.uniform(lo, hi):.1f}".replace(".", ",")


COMMON_GEN: dict[str, Gen] = {
    "n": lambda rng, s: str(_killed(rng)),
    "n2": _int(3, 25),
    "m": _int(3, 30),
    "person": lambda rng, s: rng.choice(PEOPLE),
    "person2": lambda rng, s: rng.choice(PEOPLE),
    "player": lambda rng, s: rng.choice(PLAYERS),
    "coach": _choice("Brama Traoré", "Tom Saintfiet", "Badou Zaki", "Eric Chelle", "Hubert Velud"),
    "club": lambda rng, s: rng.choice(CLUBS),
    "club2": lambda rng, s: rng.choice([c for c in CLUBS if c != s["club"]]),
    "s1": _int(2, 3),
    "s2": _int(0, 1),
    "pts": _int(7, 13),
    "n_films": _int(150, 240),
    "n_countries": _int(30, 55),
    "n_cities": _int(6, 15),
    "hum": _int(60, 85),
    "wind": _int(50, 90),
    "temp": _int(43, 47),
    "temp2": _int(30, 34),
    "mm": _int(80, 260),
    "mm2": _int(90, 200),
    "mw": _int(20, 60),
    "n_thousand": _int(40, 900),
    "n_tonnes": lambda rng, s: str(rng.randrange(500, 9000, 100)),
    "n_hectares": lambda rng, s: str(rng.randrange(2000, 30000, 500)),
    "n_districts": _int(4, 30),
    "year": _int(2026, 2030),
}

EN_GEN: dict[str, Gen] = {
    "toll": lambda rng, s: _en_count(rng, _killed(rng), s["victims"]),
    "toll_soldiers": lambda rng, s: _en_count(rng, rng.randint(3, 25), "soldiers"),
    "wounded": lambda rng, s: _en_count(rng, rng.randint(3, 30), "others"),
    "abducted": lambda rng, s: rng.choice(
        (
            _en_count(rng, rng.randint(10, 60), "people") + ", including women and children",
            _en_count(rng, rng.randint(5, 30), "women"),
            _en_count(rng, rng.randint(3, 20), "travellers"),
            _en_count(rng, rng.randint(10, 40), "passengers of a bus"),
        )
    ),
    "km": _int(15, 90),
    "hour": _choice("5 a.m.", "6 a.m.", "10 p.m.", "midnight", "dawn", "noon", "4 p.m."),
    "weeks": _choice("two", "three", "four", "six"),
    "displaced": _choice(
        "two million", "two and a half million", "400,000", "a million", "3.5 million"
    ),
    "rate": _choice("3.25", "3.5"),
    "n_hundred": _en_thousands(200, 1500, 50),
    "nth_edition": lambda rng, s: _en_ordinal(rng.randint(18, 31)),
    "minute": lambda rng, s: _en_ordinal(rng.randint(52, 89)),
    "minute2": lambda rng, s: _en_ordinal(rng.randint(60, 88)),
    "month": lambda rng, s: rng.choice(EN_SAFE_MONTHS),
    "month2": lambda rng, s: rng.choice(EN_SAFE_MONTHS),
    "pct": _en_decimal(2.0, 6.5),
    "pct2": _en_decimal(30.0, 60.0),
    "price": _en_thousands(15000, 20000, 500),
    "price2": _en_thousands(21000, 28000, 500),
    "price_small": _int(280, 350),
    "amount": _int(50, 300),
    "n_million": _en_decimal(2.0, 12.0),
    "pos": _choice("second", "third", "top"),
    "gap": _choice("two", "three", "one"),
    "team2": lambda rng, s: rng.choice(OPPONENTS)[0],
    "season": _choice("rainy", "coming rainy", "June to September"),
    "target": _choice(
        "a military post",
        "a gendarmerie post",
        "an army detachment",
        "a police station",
        "a camp for displaced people",
        "a village",
        "a VDP position",
        "a mining site",
        "a group of worshippers at a mosque",
    ),
    "convoy": _choice(
        "an army convoy",
        "a supply convoy escorted by soldiers",
        "a military patrol",
        "a convoy of trucks carrying food",
        "a group of gendarmes on patrol",
    ),
    "venue": _choice(
        "market",
        "mosque",
        "bus station",
        "camp for displaced people",
        "checkpoint",
        "wedding ceremony",
    ),
    "site": _choice("gold-mining site", "hamlet", "village", "cattle camp", "water point"),
    "claimant": _choice(
        "security sources said",
        "a local official told AFP",
        "residents told Reuters",
        "a security source said on condition of anonymity",
        "according to a local elected official",
        "the regional governor said in a statement",
        "a humanitarian worker in the area said",
        "two security sources told AFP",
        "local sources said",
        "a resident told AFP by phone",
        "according to a statement from the army's general staff",
        "a local councillor said",
    ),
    "claimant_np": _choice(
        "security sources",
        "a local official",
        "residents reached by phone",
        "a humanitarian source",
        "a statement from the army's general staff",
        "a local elected official",
        "two security sources",
        "a member of a local militia",
    ),
    "hq": _choice("the army's general staff", "the defence ministry", "the government"),
}

FR_GEN: dict[str, Gen] = {
    "toll": lambda rng, s: _fr_count(rng, _killed(rng), s["victims"]),
    "toll_soldiers": lambda rng, s: _fr_count(rng, rng.randint(3, 25), "soldats"),
    "toll_morts": lambda rng, s: _fr_count(rng, _killed(rng), "morts"),
    "n_w": _int(3, 30),
    "abducted": lambda rng, s: rng.choice(
        (
            _fr_count(rng, rng.randint(10, 60), "personnes") + ", dont des femmes et des enfants",
            _fr_count(rng, rng.randint(5, 30), "femmes"),
            _fr_count(rng, rng.randint(3, 20), "voyageurs"),
            _fr_count(rng, rng.randint(10, 40), "passagers d'un car"),
        )
    ),
    "km": _choice("une vingtaine", "une trentaine", "une quarantaine", "une cinquantaine"),
    "hour": _choice("5 heures", "6 heures", "22 heures", "minuit", "l'aube", "midi", "16 heures"),
    "weeks": _choice("deux", "trois", "quatre", "six"),
    "displaced": _choice(
        "deux millions de",
        "deux millions et demi de",
        "400 000",
        "un million de",
        "3,5 millions de",
    ),
    "rate": _choice("3,25", "3,5"),
    "n_hundred": _fr_thousands(200, 1500, 50),
    "nth_edition": lambda rng, s: f"{rng.randint(18, 31)}e",
    "minute": lambda rng, s: f"{rng.randint(52, 89)}e",
    "minute2": lambda rng, s: f"{rng.randint(60, 88)}e",
    "month": lambda rng, s: rng.choice(FR_MONTHS),
    "month2": lambda rng, s: rng.choice(FR_MONTHS),
    "pct": _fr_decimal(2.0, 6.5),
    "pct2": _fr_decimal(30.0, 60.0),
    "price": _fr_thousands(15000, 20000, 500),
    "price2": _fr_thousands(21000, 28000, 500),
    "price_small": _int(280, 350),
    "amount": _int(50, 300),
    "n_million": _fr_decimal(2.0, 12.0),
    "pos": _choice("deuxième", "troisième", "première"),
    "gap": _choice("deux", "trois", "un"),
    "team2": lambda rng, s: rng.choice(OPPONENTS)[1],
    "team2_a": lambda rng, s: rng.choice(OPPONENTS)[2],
    "season": _choice("la saison des pluies", "l'hivernage", "la saison de juin à septembre"),
    "target": _choice(
        "un poste militaire",
        "une brigade de gendarmerie",
        "un détachement de l'armée",
        "un commissariat",
        "un site de déplacés",
        "un village",
        "une position de VDP",
        "un site d'orpaillage",
        "des fidèles dans une mosquée",
    ),
    "convoy": _choice(
        "un convoi de l'armée",
        "un convoi de ravitaillement escorté par des militaires",
        "une patrouille militaire",
        "un convoi de camions de vivres",
        "une patrouille de gendarmes",
    ),
    "venue": _choice(
        "un marché bondé",
        "une mosquée pleine de fidèles",
        "une gare routière",
        "un camp de déplacés",
        "un poste de contrôle",
        "une cérémonie de mariage",
    ),
    "site": _choice(
        "site d'orpaillage", "hameau", "village", "campement d'éleveurs", "point d'eau"
    ),
    "claimant": _choice(
        "selon des sources sécuritaires",
        "a indiqué un élu local à l'AFP",
        "ont rapporté des habitants joints par téléphone",
        "selon une source sécuritaire sous couvert d'anonymat",
        "selon un élu local",
        "a déclaré le gouverneur de la région dans un communiqué",
        "selon un humanitaire présent dans la zone",
        "ont affirmé deux sources sécuritaires à l'AFP",
        "selon des sources locales",
        "a confié un habitant à l'AFP",
        "selon un communiqué de l'état-major des armées",
        "a indiqué un conseiller municipal",
    ),
    "claimant_np": _choice(
        "des sources sécuritaires",
        "un élu local",
        "des habitants joints par téléphone",
        "une source humanitaire",
        "un communiqué de l'état-major",
        "un responsable local",
        "deux sources sécuritaires",
        "un membre d'une milice locale",
    ),
    "hq": _choice(
        "l'état-major général des armées", "le ministère de la Défense", "le gouvernement"
    ),
}

# --------------------------------------------------------------------------------------------
# Conflict templates
# --------------------------------------------------------------------------------------------

EN_CONFLICT_HEADLINES = (
    "{country}: {n} {victims} killed in attack near {place}",
    "Gunmen kill dozens of {victims} in {part} {country}",
    "{group_short} claims deadly ambush on army convoy in {country}",
    "Dozens abducted in {adj} village near {place}, officials say",
    "{adj} army says airstrikes hit militant positions near {place}",
    "Attack on {place} leaves many dead as violence spreads in {region}",
    "Roadside bomb kills soldiers on {place} road",
)

FR_CONFLICT_HEADLINES = (
    "{country} : au moins {n} {victims} tués dans une attaque près de {place}",
    "{country} : une embuscade contre un convoi de l'armée fait plusieurs morts",
    "{country} : des dizaines de personnes enlevées près de {place}",
    "Attaque meurtrière à {place}, dans {region}",
    "{country} : l'armée affirme avoir mené des frappes aériennes près de {place}",
    "{country} : un engin explosif tue des soldats sur l'axe {place}-{place2}",
    "Nouvelle attaque jihadiste dans {part} {country_de}",
)

EN_LEADS = (
    "{actor} attacked {target} in {place}, {region}, {day}, killing {toll}, {claimant}.",
    "{toll} were killed {day} when {actor} ambushed {convoy} near {place} in {part} {country}, "
    "{claimant}.",
    "{day}, {actor} on motorbikes stormed the village of {village}, about {km} kilometres from "
    "{place}, and opened fire on residents, killing {toll}, {claimant}.",
    "An improvised explosive device hit a military vehicle on the road linking {place} and "
    "{place2} {day}, killing {toll_soldiers} and wounding {wounded}, {claimant}.",
    "{army} said it had carried out airstrikes against {group_short} positions near {place} "
    '{day}, "neutralising dozens of terrorists" and destroying motorbikes and a fuel depot.',
    "{actor} abducted {abducted} from {village}, a village near {place}, {day}, {claimant}.",
    "Heavy clashes broke out {day} between {army} and {actor} near {place}, leaving {toll} dead, "
    "{claimant}.",
    "A suicide bomber blew himself up at a crowded {venue} in {place} {day}, killing {toll} and "
    "wounding {wounded}, {claimant}.",
    "{actor} raided a {site} outside {place} {day}, shooting dead {toll} and setting fire to "
    "homes and granaries before withdrawing, {claimant}.",
    "At least {n} people were killed and {m} others injured {day} in an attack on the weekly "
    "market in {village}, near {place}, {claimant}.",
    "Suspected {group_short} fighters overran an army post in {place} {day}, killing {toll} and "
    "seizing weapons and vehicles, according to {claimant_np}.",
    "{army} repelled an attack on its base in {place} {day}, killing {n} assailants, while "
    "{n2} soldiers lost their lives, according to {claimant_np}.",
    "According to {claimant_np}, {toll} died {day} when their vehicle struck a landmine between "
    "{village} and {place}.",
    "Militants believed to belong to {group} attacked {target} in {village}, in {region}, {day}, "
    "and killed {toll} before fleeing towards the border, {claimant}.",
)

FR_LEADS = (
    "{actor} ont attaqué {target} à {place}, dans {region}, {day}, tuant {toll}, {claimant}.",
    "{toll} ont été tués {day} dans une embuscade tendue par {actor} contre {convoy} près de "
    "{place}, dans {part} {country_de}, {claimant}.",
    "{day}, {actor} à moto ont fait irruption dans le village de {village}, à {km} de kilomètres "
    "de {place}, et ont ouvert le feu sur les habitants, tuant {toll}, {claimant}.",
    "Un engin explosif improvisé a touché un véhicule militaire sur l'axe {place}-{place2} {day}, "
    "tuant {toll_soldiers} et en blessant {n_w} autres, {claimant}.",
    "{army} a annoncé avoir mené des frappes aériennes contre des positions {group_de} près de "
    "{place} {day}, « neutralisant plusieurs dizaines de terroristes » et détruisant des motos.",
    "{actor} ont enlevé {abducted} à {village}, un village proche de {place}, {day}, {claimant}.",
    "De violents affrontements ont opposé {day} {army} à {actor} près de {place}, faisant "
    "{toll_morts}, {claimant}.",
    "Un kamikaze s'est fait exploser {day} dans {venue} à {place}, tuant {toll} et en blessant "
    "{n_w} autres, {claimant}.",
    "{actor} ont attaqué un {site} en périphérie de {place} {day}, abattant {toll} et incendiant "
    "des maisons et des greniers avant de se retirer, {claimant}.",
    "Au moins {n} personnes ont été tuées et {m} autres blessées {day} lors d'une attaque contre "
    "le marché hebdomadaire de {village}, près de {place}, {claimant}.",
    "Des jihadistes présumés {group_de} se sont emparés d'un poste militaire à {place} {day}, "
    "tuant {toll} et emportant armes et véhicules, selon {claimant_np}.",
    "{army} a repoussé une attaque contre sa base de {place} {day}, neutralisant {n} assaillants, "
    "mais {n2} soldats ont perdu la vie, selon {claimant_np}.",
    "Selon {claimant_np}, {toll} ont péri {day} lorsque leur véhicule a sauté sur une mine entre "
    "{village} et {place}.",
    "Des hommes armés se réclamant {group_de} ont pris pour cible {target} à {village}, dans "
    "{region}, {day}, tuant {toll} avant de prendre la fuite, {claimant}.",
)

EN_DETAILS = (
    "The assailants arrived at around {hour} on dozens of motorbikes, according to a resident.",
    '"They came out of the bush and started shooting at everyone they saw," said a resident of '
    "{place} who asked not to be named for fear of reprisals.",
    "Several houses and shops were burnt down and livestock was taken, a local source said.",
    "The wounded were evacuated to the regional hospital in {place2}, a medical source said.",
    "The attack came {weeks} weeks after a similar assault in the same area that left more than "
    "{n} dead.",
    "Reinforcements were sent from {place2} and an aerial operation was launched to track down "
    "the attackers, the source added.",
    "Telephone networks in the area have been cut for several days, making it difficult to "
    "verify the information independently.",
    "Residents said the attackers headed towards the {border} border after the raid.",
    "Many families have since fled to {place2}, where they are staying with relatives or in "
    "makeshift shelters.",
    "The victims were buried {weekday_after} in {place}, according to a relative of one of them.",
    "The army has not commented on the toll, and the authorities rarely communicate about losses.",
    "A local official said the toll could rise because several people were still missing.",
    "Among the dead were {militia}, who had been deployed in the area to support the army.",
    "Witnesses said the gunmen went from house to house, asking for men and boys by name.",
    '"We have buried our people and we are afraid they will come back tonight," a community '
    "leader from {village} said by telephone.",
    "The road between {place} and {place2} has been closed to traffic since the ambush.",
)

FR_DETAILS = (
    "Les assaillants sont arrivés vers {hour} à bord de dizaines de motos, selon un habitant.",
    "« Ils sont sortis de la brousse et ont tiré sur tout ce qui bougeait », a raconté un "
    "habitant de {place} qui a requis l'anonymat par peur des représailles.",
    "Plusieurs maisons et boutiques ont été incendiées et du bétail a été emporté, selon une "
    "source locale.",
    "Les blessés ont été évacués vers l'hôpital régional de {place2}, a précisé une source "
    "médicale.",
    "Cette attaque intervient {weeks} semaines après un assaut similaire dans la même zone, qui "
    "avait fait plus de {n} morts.",
    "Des renforts ont été dépêchés depuis {place2} et une opération aérienne a été lancée pour "
    "traquer les assaillants, a ajouté la source.",
    "Les réseaux téléphoniques sont coupés depuis plusieurs jours dans la zone, ce qui rend "
    "difficile toute vérification indépendante.",
    "Selon des habitants, les assaillants se sont repliés en direction de la frontière {border} "
    "après l'attaque.",
    "De nombreuses familles ont depuis fui vers {place2}, où elles sont hébergées par des proches "
    "ou dans des abris de fortune.",
    "Les victimes ont été inhumées {weekday_after} à {place}, selon un parent de l'une d'elles.",
    "L'armée n'a pas communiqué sur le bilan, et les autorités s'expriment rarement sur les "
    "pertes.",
    "Un responsable local a indiqué que le bilan pourrait s'alourdir, plusieurs personnes étant "
    "toujours portées disparues.",
    "Parmi les morts figurent des {militia}, déployés dans la zone en appui à l'armée.",
    "Selon des témoins, les hommes armés sont allés de maison en maison en demandant les hommes "
    "et les garçons par leur nom.",
    "« Nous avons enterré les nôtres et nous avons peur qu'ils reviennent cette nuit », a confié "
    "par téléphone un notable de {village}.",
    "L'axe {place}-{place2} est fermé à la circulation depuis l'embuscade.",
)

EN_CLAIMS = (
    "{group} claimed responsibility for the attack in a statement released on its propaganda "
    "channels, saying its fighters had killed {n} soldiers.",
    "No group had claimed responsibility by {weekday_after}, but the area is a stronghold of "
    "{group_short}.",
    'In a statement, {hq} said the army had "neutralised" {n} terrorists during a '
    "counter-offensive and recovered weapons and ammunition.",
    "The army rejected the toll given by {group_short}, calling it propaganda, and said its "
    "losses were limited.",
    "A spokesman for the regional governor said the attackers had suffered heavy losses but gave "
    "no figures.",
)

FR_CLAIMS = (
    "{group} a revendiqué l'attaque dans un communiqué diffusé sur ses canaux de propagande, "
    "affirmant que ses combattants avaient tué {n} soldats.",
    "L'attaque n'avait pas été revendiquée {weekday_after}, mais la zone est un fief {group_de}.",
    "Dans un communiqué, {hq} a affirmé que l'armée avait « neutralisé » {n} terroristes lors "
    "d'une contre-offensive et récupéré des armes et des munitions.",
    "L'armée a démenti le bilan avancé par {group_fr_short}, le qualifiant de propagande, et "
    "assuré que ses pertes étaient limitées.",
    "Un porte-parole du gouverneur a affirmé que les assaillants avaient subi de lourdes pertes, "
    "sans donner de chiffres.",
)

EN_POLITICS_JUNTA = (
    "{country} has been ruled by a military junta since {coup_year}, when officers seized power "
    "promising to restore security.",
    "The authorities in {capital} have broken with former colonial power France and turned to "
    "Russia for military support.",
    "Together with {partners}, {country} has formed the Alliance of Sahel States (AES), a "
    "confederation that left the Economic Community of West African States in January 2025.",
    "The transitional government has postponed elections several times, arguing that the "
    "security situation does not allow a vote to be held across the whole territory.",
    "{leader} has made the recapture of territory his priority and called for a general "
    "mobilisation of the population.",
    "Critics of the junta say freedom of the press has been sharply curtailed, with several "
    "journalists drafted into the army or expelled.",
    "Foreign media including RFI and France 24 have been suspended in {country}, making "
    "independent reporting from conflict areas increasingly difficult.",
    "Political parties were dissolved earlier this year, and the charter of the transition now "
    "allows {leader} to remain in office for five more years.",
)

EN_POLITICS_NG = (
    "{leader} has promised to end the insurgency and ordered the military to step up operations "
    "in the north-east.",
    "Borno State governor Babagana Zulum has called for more troops and for the resettlement of "
    "displaced people in their home towns.",
    "The Nigerian military says thousands of fighters and their families have surrendered in "
    "recent years, but attacks on remote garrisons continue.",
    "Lawmakers from the north-east have urged the federal government to equip the army with more "
    "drones and armoured vehicles.",
    "The government is also facing kidnappings for ransom in the north-west and clashes between "
    "herders and farmers in the central states.",
    "A regional force made up of troops from Nigeria, Niger, Chad and Cameroon operates around "
    "Lake Chad, although Niger has reduced its participation.",
)

EN_HUMANITARIAN = (
    "According to the United Nations, more than {displaced} people have been displaced by the "
    "violence in {country}.",
    "In {region}, hundreds of schools and health centres have closed, depriving tens of "
    "thousands of children of education.",
    "Aid agencies say access to towns such as {place} is often only possible by air, and food "
    "prices have soared.",
    "The World Food Programme warned in {month} that nearly {n_million} million people face "
    "acute food insecurity in the region.",
    "Humanitarian convoys are escorted by the army, and some roads have been closed for months.",
    "Médecins Sans Frontières has called on all parties to respect health facilities and to "
    "allow patients to travel safely.",
    "Displaced families in {place2} say they receive food rations irregularly and that water "
    "points are overcrowded.",
    "The UN refugee agency says thousands of people have crossed into neighbouring countries "
    "since the start of the year.",
)

EN_HISTORY = (
    "The jihadist insurgency began in northern Mali in 2012 and spread to neighbouring Burkina "
    "Faso and Niger three years later.",
    "Violence blamed on groups linked to al-Qaeda and the Islamic State has killed tens of "
    "thousands of people across the region, according to ACLED, a conflict monitoring group.",
    "{region}, bordering {partners}, is one of the areas most affected by the violence.",
    "Army units and allied militias have themselves been accused by rights groups of abuses "
    "against civilians suspected of collaborating with jihadists.",
    "Human Rights Watch has documented several massacres of civilians in the area over the past "
    "two years.",
    "The Boko Haram insurgency began in 2009 in Borno State and has killed more than 40,000 "
    "people, according to the United Nations.",
    "Analysts say the armed groups have extended their control over rural areas, imposing taxes "
    "and blockades on several towns.",
)

FR_POLITICS_JUNTA = (
    "Le {country} est dirigé par une junte militaire depuis {coup_year}, lorsque des officiers "
    "ont pris le pouvoir en promettant de restaurer la sécurité.",
    "Les autorités de {capital} ont rompu avec l'ancienne puissance coloniale française et se "
    "sont tournées vers la Russie pour leur soutien militaire.",
    "Avec {partners}, le {country} a formé l'Alliance des États du Sahel (AES), une "
    "confédération qui a quitté la Communauté économique des États de l'Afrique de l'Ouest en "
    "janvier 2025.",
    "Le gouvernement de transition a reporté les élections à plusieurs reprises, estimant que la "
    "situation sécuritaire ne permet pas d'organiser un scrutin sur tout le territoire.",
    "{leader} a fait de la reconquête du territoire sa priorité et appelé à une mobilisation "
    "générale de la population.",
    "Les détracteurs de la junte dénoncent de fortes restrictions de la liberté de la presse, "
    "plusieurs journalistes ayant été réquisitionnés ou expulsés.",
    "Des médias étrangers comme RFI et France 24 ont été suspendus, ce qui rend de plus en plus "
    "difficile une couverture indépendante des zones de conflit.",
    "Les partis politiques ont été dissous cette année, et la charte de la transition permet "
    "désormais à {leader} de rester au pouvoir cinq ans de plus.",
)

FR_POLITICS_NG = (
    "{leader} a promis de mettre fin à l'insurrection et ordonné à l'armée d'intensifier ses "
    "opérations dans le nord-est.",
    "Le gouverneur de l'État de Borno, Babagana Zulum, a réclamé davantage de troupes et la "
    "réinstallation des déplacés dans leurs localités d'origine.",
    "L'armée nigériane affirme que des milliers de combattants et leurs familles se sont rendus "
    "ces dernières années, mais les attaques contre des garnisons isolées se poursuivent.",
    "Des parlementaires du nord-est ont exhorté le gouvernement fédéral à doter l'armée de "
    "davantage de drones et de véhicules blindés.",
    "Le gouvernement fait aussi face aux enlèvements contre rançon dans le nord-ouest et aux "
    "violences entre éleveurs et agriculteurs dans le centre du pays.",
    "Une force régionale composée de soldats du Nigeria, du Niger, du Tchad et du Cameroun opère "
    "autour du lac Tchad, même si le Niger a réduit sa participation.",
)

FR_HUMANITARIAN = (
    "Selon les Nations unies, plus de {displaced} personnes ont été déplacées par les "
    "violences {country_in}.",
    "Dans {region}, des centaines d'écoles et de centres de santé ont fermé, privant des "
    "dizaines de milliers d'enfants d'éducation.",
    "Selon les organisations humanitaires, des localités comme {place} ne sont souvent "
    "accessibles que par les airs, et les prix des denrées ont flambé.",
    "Le Programme alimentaire mondial a averti en {month} que près de {n_million} millions de "
    "personnes font face à une insécurité alimentaire aiguë dans la région.",
    "Les convois humanitaires sont escortés par l'armée, et certaines routes sont fermées depuis "
    "des mois.",
    "Médecins sans frontières a appelé toutes les parties à respecter les structures de santé et "
    "à laisser les patients circuler en sécurité.",
    "Les familles déplacées à {place2} disent recevoir des rations alimentaires de manière "
    "irrégulière et que les points d'eau sont saturés.",
    "Selon le Haut-Commissariat des Nations unies pour les réfugiés, des milliers de personnes "
    "ont franchi la frontière depuis le début de l'année.",
)

FR_HISTORY = (
    "L'insurrection jihadiste a débuté dans le nord du Mali en 2012 avant de s'étendre au "
    "Burkina Faso et au Niger voisins trois ans plus tard.",
    "Les violences attribuées aux groupes liés à Al-Qaïda et à l'État islamique ont fait des "
    "dizaines de milliers de morts dans la région, selon l'ONG ACLED, qui recense les victimes "
    "des conflits.",
    "{region}, frontalière avec {partners}, est l'une des zones les plus touchées par les "
    "violences.",
    "Des unités de l'armée et des milices alliées sont elles-mêmes accusées par des ONG "
    "d'exactions contre des civils soupçonnés de collaborer avec les jihadistes.",
    "Human Rights Watch a documenté plusieurs massacres de civils dans la zone au cours des deux "
    "dernières années.",
    "L'insurrection de Boko Haram a débuté en 2009 dans l'État de Borno et a fait plus de 40 000 "
    "morts, selon les Nations unies.",
    "Selon des analystes, les groupes armés ont étendu leur contrôle sur les zones rurales, "
    "imposant des taxes et des blocus à plusieurs villes.",
)

SEPARATE_EN = (
    "In a separate incident, ",
    "Elsewhere, ",
    "Earlier in the week, ",
    "In another attack, ",
    "The same day, ",
)
SEPARATE_FR = (
    "Dans un autre incident, ",
    "Par ailleurs, ",
    "En début de semaine, ",
    "Lors d'une autre attaque, ",
    "Le même jour, ",
)

EN_VICTIMS = (
    "soldiers",
    "civilians",
    "villagers",
    "gendarmes",
    "traders",
    "worshippers",
    "herders",
    "VDP auxiliaries",
    "gold miners",
    "displaced people",
)
FR_VICTIMS = (
    "soldats",
    "civils",
    "villageois",
    "gendarmes",
    "commerçants",
    "fidèles",
    "éleveurs",
    "supplétifs VDP",
    "orpailleurs",
    "déplacés",
)
EN_ACTORS = (
    "gunmen",
    "suspected jihadists",
    "unidentified armed men",
    "armed assailants",
    "militants",
    "heavily armed men",
    "suspected jihadist fighters",
)
FR_ACTORS = (
    "des hommes armés",
    "des jihadistes présumés",
    "des individus armés non identifiés",
    "des assaillants",
    "des terroristes",
    "des hommes lourdement armés",
    "des hommes armés non identifiés",
)

# --------------------------------------------------------------------------------------------
# Non-conflict templates (no word of data/<lang>/triggers.yaml may appear here)
# --------------------------------------------------------------------------------------------

TOPICS = ("economy", "sport", "culture", "weather", "agriculture", "health")
NEIGHBOUR_TOPIC = {
    "economy": "agriculture",
    "sport": "culture",
    "culture": "sport",
    "weather": "agriculture",
    "agriculture": "weather",
    "health": "weather",
}

EN_OTHER_HEADLINES = {
    "economy": (
        "{country}: growth holds up as gold exports rise",
        "Central bank keeps rates on hold as inflation eases in {country}",
        "Traders in {place} adapt to rising fuel costs",
        "{country} plans new bond issue to finance roads and schools",
    ),
    "sport": (
        "Football: {team} win World Cup qualifier against {team2}",
        "{person} wins the Tour du Faso stage into {place}",
        "{club} keep title hopes alive with home win",
    ),
    "culture": (
        "FESPACO opens with record number of films",
        "In {place}, griots keep old songs alive",
        "Book fair in {capital} puts children's literature in the spotlight",
    ),
    "weather": (
        "Heatwave grips {country} as temperatures pass {temp} degrees",
        "First rains bring relief to {place}",
        "Forecasters expect above-normal rainy season in {country}",
    ),
    "agriculture": (
        "Onion growers near {place} count on new warehouse",
        "{country} distributes improved seeds ahead of sowing season",
        "Rice output expected to rise in the Office du Niger",
    ),
    "health": (
        "Vaccination campaign reaches children in {place}",
        "New equipment for the regional hospital in {place}",
        "{country} recruits midwives for rural health centres",
    ),
}

FR_OTHER_HEADLINES = {
    "economy": (
        "{country} : la croissance résiste grâce à l'or",
        "La BCEAO maintient son taux directeur, l'inflation ralentit",
        "À {place}, les commerçants face à la hausse du prix du carburant",
        "Le {country} prépare un nouvel emprunt pour financer routes et écoles",
    ),
    "sport": (
        "Football : {team} s'impose face {team2_a} en éliminatoires du Mondial",
        "{person} remporte l'étape du Tour du Faso à {place}",
        "{club} relance la course au titre",
    ),
    "culture": (
        "Le FESPACO s'ouvre avec un nombre record de films",
        "À {place}, les griots font vivre les chants d'autrefois",
        "La foire du livre de {capital} met la littérature jeunesse à l'honneur",
    ),
    "weather": (
        "Vague de chaleur {country_in} : plus de {temp} degrés",
        "Les premières pluies soulagent {place}",
        "Les prévisionnistes annoncent une saison des pluies excédentaire",
    ),
    "agriculture": (
        "Près de {place}, les producteurs d'oignons misent sur un nouvel entrepôt",
        "Distribution de semences améliorées avant les semis",
        "La production de riz en hausse dans la zone de l'Office du Niger",
    ),
    "health": (
        "Campagne de vaccination des enfants à {place}",
        "Nouveaux équipements pour l'hôpital régional de {place}",
        "Le {country} recrute des sages-femmes pour les centres de santé ruraux",
    ),
}

EN_OTHER = {
    "economy": (
        "{country}'s economy grew by {pct} percent last year, driven by gold exports and a good "
        "cotton harvest, according to figures published by the finance ministry in {capital}.",
        "The Central Bank of West African States (BCEAO) kept its main policy rate unchanged at "
        "{rate} percent at its quarterly meeting in Dakar.",
        "Inflation in the West African Economic and Monetary Union eased to {pct} percent in "
        "{month}, down from a higher level a year earlier.",
        "Traders in {place} say the price of a 50-kilogram bag of rice has risen from {price} to "
        "{price2} CFA francs in a year.",
        '"Customers are buying less, and we have to give credit to people we know," said '
        "{person}, who sells cloth and household goods near the bus station in {place}.",
        "The government plans to raise {amount} billion CFA francs on the regional bond market "
        "to finance roads, schools and water projects.",
        "Gold accounts for most of {country}'s export earnings, and the state has increased its "
        "stake in several industrial sites under a new mining code.",
        "Analysts at the International Monetary Fund expect growth to remain above {pct} percent "
        "next year if rainfall is normal and fuel supplies improve.",
        "The cost of transport between {capital} and {place} has doubled in two years, adding to "
        "the price of vegetables, cereals and cooking oil.",
        "Mobile money transfers continue to grow quickly, with operators reporting more than "
        "{n_million} million active accounts in the country.",
        "Small businesses complain about frequent power cuts, which force many workshops to rely "
        "on expensive diesel generators.",
        "The chamber of commerce in {capital} has launched a training programme for young "
        "entrepreneurs in accounting, packaging and online sales.",
        "{person}, an economist at the University of {capital}, said the budget depends heavily "
        "on customs revenue and on the price of gold on world markets.",
        "A new solar power plant of {mw} megawatts near {place} is expected to supply about "
        "{n_thousand} thousand households when it comes online next year.",
        "Customs officials reported a {pct} percent increase in revenue in the first quarter, "
        "helped by better controls at the border posts.",
        "The finance minister told parliament that public debt remained sustainable at around "
        "{pct2} percent of gross domestic product.",
        "Cotton farmers will be paid {price_small} CFA francs per kilogram this season, the "
        "national cotton company announced after talks with producers' unions.",
        "Banks have increased lending to farmers' cooperatives, although interest rates remain "
        "high for small borrowers.",
        "The price of a litre of petrol at the pump has been set at {price_small} CFA francs "
        "higher than last year, a decision the government says reflects import costs.",
        "Women who process and sell shea butter in {place} say a new microcredit scheme has "
        "allowed them to buy presses and grow their businesses.",
        "Construction of a new highway between {capital} and {place2} is due to be completed in "
        "{year}, the public works ministry said.",
    ),
    "sport": (
        "{team} defeated {team2} {s1}-{s2} on {weekday} in a World Cup qualifier played in front "
        "of a packed stadium in {capital}.",
        "The winning goal came in the {minute} minute, when {player} headed home a corner from "
        "the right.",
        "Coach {coach} praised his players' discipline and said the team had worked hard on set "
        "pieces during the week.",
        '"We knew it would be a difficult game, but the boys showed character," {coach} told '
        "reporters after the final whistle.",
        "The result leaves {team} {pos} in the group with {pts} points, with three games to play.",
        "Thousands of supporters celebrated in the streets of {capital} late into the night, "
        "waving flags and singing.",
        "The national league resumes next weekend after a two-week break, with the title race "
        "between {club} and {club2} still wide open.",
        "The {nth_edition} edition of the Tour du Faso will start in {place} and cover more than "
        "1,200 kilometres over ten stages.",
        "{player}, who plays for a club in the French second division, was named man of the "
        "match for his tireless work in midfield.",
        "The federation has announced plans to renovate the municipal stadium in {place}, which "
        "has not hosted an international match for years.",
        "In basketball, the women's national team qualified for the African championship after "
        "winning all three of its games in the preliminary round.",
        "Young athletes from {place} and {place2} will take part in a national schools "
        "competition in {capital} next month, the sports ministry said.",
        "Traditional wrestling draws large crowds in Niger, where the national championship is "
        "one of the most watched sporting events of the year.",
        "The goalkeeper made several important saves in the second half, including a fine "
        "reflex stop from close range in the {minute2} minute.",
        "Ticket prices were kept low to encourage families to come, and the organisers said the "
        "stadium was full an hour before kick-off.",
        "The visitors' coach regretted the missed chances and said his side would learn from "
        "the defeat before the return leg.",
        "{club} confirmed that their young striker {player} will join a Belgian club at the end "
        "of the season.",
        "The cycling federation hopes that the race will attract more sponsors and encourage "
        "young riders from the regions.",
        "Handball, volleyball and athletics clubs say they lack equipment and suitable venues for "
        "training.",
        "The under-17 team will travel to Morocco next month for the African Cup of Nations, "
        "with a squad that includes {n2} players from the national academy.",
    ),
    "culture": (
        "The {nth_edition} edition of FESPACO, the Pan-African Film and Television Festival of "
        "Ouagadougou, opened on {weekday} with a colourful ceremony.",
        "More than {n_films} films from {n_countries} countries are competing for the Golden "
        "Stallion of Yennenga, the festival's top prize.",
        "The director {person} presented her first feature film, a family drama set in a small "
        "town near {place}.",
        "Musicians from {place} performed traditional songs accompanied by the kora, the "
        "balafon and the djembe.",
        "The national museum in {capital} has opened an exhibition of bronze sculptures, masks "
        "and textiles, some of which had never been shown to the public.",
        '"Culture is what holds us together," said {person}, a griot who has been singing at '
        "weddings and baptisms for more than thirty years.",
        "A book fair in {capital} brought together about {n2} publishers and dozens of authors, "
        "with a focus on children's literature in national languages.",
        "Organisers said attendance was higher than last year, despite the heat and the cost of "
        "transport.",
        "Young designers showed collections made with Faso Dan Fani, the hand-woven cotton cloth "
        "that has become a symbol of national pride.",
        "The ministry of culture has announced grants for artists' collectives to restore "
        "cultural centres and train young people in sound and lighting.",
        "In {place}, a radio programme broadcasts tales and proverbs in Fulfulde, Songhai and "
        "Tamasheq every evening.",
        "The singer {person} will go on a tour of {n_cities} cities in West Africa after the "
        "release of her new album in {month}.",
        "The Nigerian film industry, known as Nollywood, produces more than two thousand films a "
        "year, many of them distributed online.",
        "UNESCO experts visited the mud-brick mosques of the region to assess restoration work "
        "carried out by local masons.",
        "Every year the plastering of the great mosque of Djenné brings together thousands of "
        "volunteers in a festive atmosphere.",
        "A theatre company from {place} has adapted a classic play into Mooré and will perform "
        "it in schools across the country.",
        "Photographers from {n2} countries are exhibiting portraits of everyday life at the "
        "French-speaking photography biennial.",
        "The prize for the best screenplay went to a young author from {capital} for a comedy "
        "about a family wedding.",
        "Libraries in {place} and {place2} have received new books in French and in national "
        "languages, thanks to a partnership with a publishing house.",
        "The festival closed on {weekday} with a concert that drew thousands of people to the "
        "banks of the river.",
    ),
    "weather": (
        "The national meteorological agency has forecast above-normal rainfall for the {season} "
        "season in most of the country, with an early start in the south.",
        "Temperatures reached {temp} degrees Celsius in {place} on {weekday}, one of the highest "
        "readings recorded this year.",
        "Health authorities advised residents to drink plenty of water, avoid going out during "
        "the hottest hours and keep children and the elderly in the shade.",
        "The first rains of the season fell on {place} and the surrounding villages on {weekday}, "
        "bringing relief after weeks of intense heat.",
        "Forecasters expect dusty harmattan winds to reduce visibility in the north over the "
        "coming days.",
        "Farmers welcome the rain but fear dry spells in {month2}, which in some years have "
        "damaged young millet and sorghum plants.",
        "Rainfall in {place} totalled {mm} millimetres in {month}, compared with an average of "
        "{mm2} millimetres over the past thirty years.",
        "The Niger River rose steadily during the season, and the authorities reminded residents "
        "of low-lying neighbourhoods in {place} to stay alert.",
        "According to the regional climate centre AGRHYMET in Niamey, the Sahel has become both "
        "hotter and wetter over the past two decades.",
        "Power cuts have become more common during the hot season, as demand for fans and air "
        "conditioning rises sharply.",
        "Weather forecasts are now sent by text message to more than {n_thousand} thousand "
        "farmers, who use them to decide when to sow.",
        "Night-time temperatures remained above {temp2} degrees in {capital}, and many residents "
        "slept outside in their courtyards.",
        "The agency said the rainy season should end in the first half of October in the south "
        "and in late September in the north.",
        "Schools in {place} adjusted their timetables so that pupils can go home before the "
        "hottest part of the afternoon.",
        "Flood-prone neighbourhoods in {capital} have been cleaned and drainage channels cleared "
        "ahead of the heaviest rains.",
        "Climate experts say better forecasts could help herders plan their seasonal movements "
        "and reduce losses of animals during dry years.",
        "The relative humidity rose above {hum} percent in the south, a sign that the monsoon is "
        "moving north.",
        "Wind speeds of up to {wind} kilometres per hour are possible ahead of the first rains, "
        "the agency said, urging residents to secure roofs and sheds.",
        "Water levels in reservoirs around {place2} are lower than usual, and the water company "
        "has announced rationing in several districts.",
        "A new network of automatic weather stations will be installed in {n_districts} "
        "districts by {year}, with support from the World Meteorological Organization.",
    ),
    "agriculture": (
        "Farmers in {region} are preparing their fields ahead of the rainy season, clearing land "
        "and repairing small dikes.",
        "The ministry of agriculture has distributed {n_tonnes} tonnes of improved seeds and "
        "fertiliser to producers at subsidised prices.",
        "Onion growers around {place} say yields have improved since a cooperative built a "
        "storage warehouse that keeps the harvest fresh for several months.",
        "Rice production in the Office du Niger area is expected to reach {n_thousand} thousand "
        "tonnes this season, according to the irrigation authority.",
        "Herders are moving their animals south in search of pasture and water, a seasonal "
        "movement known as transhumance.",
        '"With the new well we can grow vegetables even in the dry season," said {person}, who '
        "heads a women's gardening group in a village near {place}.",
        "The price of millet in {place} has eased slightly since the harvest, although it "
        "remains well above the five-year average.",
        "Agricultural extension officers are training farmers to use compost and zai pits, a "
        "traditional technique that conserves water in degraded soils.",
        "Cashew and sesame exports have grown rapidly, offering farmers an alternative to cotton.",
        "A programme funded by the World Bank aims to irrigate {n_hectares} hectares of land along "
        "the Niger and Sourou rivers by {year}.",
        "Vaccination of cattle, sheep and goats against common livestock diseases began this "
        "month in {n_districts} districts.",
        "Researchers at the national agricultural research institute have developed a sorghum "
        "variety that matures in ninety days and tolerates drought.",
        "Shea butter producers, most of them women, say better packaging has helped them sell to "
        "buyers in {capital} and abroad.",
        "Tomato growers near {place2} have formed a union to negotiate prices with processing "
        "plants and wholesalers.",
        "The cereal balance sheet published by the ministry shows a surplus in the south and a "
        "deficit in several northern districts.",
        "Young graduates are being offered plots of irrigated land and training under a "
        "national programme to encourage careers in farming.",
        "Fish farming is expanding around the dams near {place}, where cooperatives raise tilapia "
        "and catfish in floating cages.",
        "Mango exporters hope to ship more than {n_tonnes} tonnes to Europe this year after "
        "investing in a new packing station.",
        "The national cotton company expects output of about {n_thousand} thousand tonnes, "
        "thanks to better rainfall and timely delivery of inputs.",
        "Poultry farmers around {capital} say the price of feed has nearly doubled, squeezing "
        "their margins.",
    ),
    "health": (
        "A vaccination campaign against measles and polio began on {weekday} in {place} and is "
        "expected to reach more than {n_thousand} thousand children under five.",
        "Health workers will go door to door and set up temporary vaccination posts in schools, "
        "mosques and community centres.",
        "Malaria remains the leading cause of consultation in health centres in {country}, "
        "especially during the rainy season.",
        "Seasonal malaria chemoprevention, in which children receive monthly doses of medicine "
        "from July to October, has sharply reduced severe cases, the health ministry said.",
        "The regional hospital in {place} has received new equipment, including an X-ray machine, "
        "an ultrasound scanner and {n2} beds.",
        '"Mothers now come earlier, and we can treat children before the illness becomes '
        'serious," said {person}, a nurse at a rural health centre near {place}.',
        "The government has recruited {n_hundred} additional midwives and nurses to work in rural "
        "areas, where many health posts lack qualified staff.",
        "Dengue cases have been reported in {capital}, and the authorities are removing stagnant "
        "water and handing out mosquito nets.",
        "Community health workers are trained to recognise signs of malnutrition and refer "
        "children to nutrition centres.",
        "According to the World Health Organization, the country has made progress in reducing "
        "maternal mortality over the past decade.",
        "A new dialysis unit opened in {capital}, sparing patients long and costly journeys "
        "abroad for treatment.",
        "Pharmacists warned against buying medicines from street vendors, saying many of the "
        "products sold are counterfeit or expired.",
        "Health insurance for children under five and pregnant women has been extended to "
        "{n_districts} more districts this year.",
        "Medical students from {capital} will spend six months in district hospitals as part of "
        "a new training programme.",
        "A mobile clinic now visits villages around {place2} every week, offering consultations, "
        "prenatal care and basic laboratory tests.",
        "The ministry plans to build {n2} new health centres by {year}, most of them powered by "
        "solar panels.",
        "Doctors at the university hospital said the number of diabetes and hypertension cases "
        "has risen steadily, especially in cities.",
        "A campaign to screen women for cervical cancer will run for two weeks in {place} and "
        "{place2}, the regional health director said.",
        "Blood donations are needed ahead of the rainy season, when demand rises at the national "
        "blood transfusion centre.",
        "Sanitation projects have brought latrines and hand-washing stations to more than "
        "{n_hundred} schools in the region.",
    ),
}

EN_OTHER_GENERIC = (
    "The minister is expected to visit {place} next week to meet local officials and community "
    "leaders.",
    "Further details will be announced at a press conference in {capital} on {weekday}.",
    "More than half of {country}'s population is under twenty, and creating jobs for young "
    "people is one of the government's stated priorities.",
    "Local radio stations have played an important role in spreading information, especially "
    "in areas where few people read newspapers.",
    "Officials in {place} said they hoped the project would be extended to neighbouring "
    "districts next year.",
    "The initiative is supported by the European Union, the African Development Bank and "
    "several non-governmental organisations.",
)

FR_OTHER = {
    "economy": (
        "L'économie du {country} a progressé de {pct} % l'an dernier, portée par les exportations "
        "d'or et une bonne récolte de coton, selon les chiffres publiés par le ministère des "
        "Finances à {capital}.",
        "La Banque centrale des États de l'Afrique de l'Ouest (BCEAO) a maintenu son principal "
        "taux directeur à {rate} % lors de sa réunion trimestrielle à Dakar.",
        "L'inflation dans l'Union économique et monétaire ouest-africaine a ralenti à {pct} % en "
        "{month}, contre un niveau plus élevé un an plus tôt.",
        "À {place}, les commerçants affirment que le sac de riz de 50 kilos est passé de {price} "
        "à {price2} francs CFA en un an.",
        "« Les clients achètent moins, et nous devons faire crédit aux gens que nous "
        "connaissons », explique {person}, qui vend des pagnes et des ustensiles près de la "
        "gare routière de {place}.",
        "Le gouvernement prévoit de lever {amount} milliards de francs CFA sur le compartiment "
        "obligataire régional pour financer des routes, des écoles et des adductions d'eau.",
        "L'or représente l'essentiel des recettes d'exportation du {country}, et l'État a accru "
        "sa participation dans plusieurs sites industriels grâce à un nouveau code minier.",
        "Les analystes du Fonds monétaire international prévoient une croissance supérieure à "
        "{pct} % l'an prochain si la pluviométrie est normale et l'approvisionnement en carburant "
        "s'améliore.",
        "Le coût du transport entre {capital} et {place} a doublé en deux ans, ce qui renchérit "
        "les légumes, les céréales et l'huile de cuisine.",
        "Les transferts d'argent par téléphone continuent de croître rapidement, les opérateurs "
        "revendiquant plus de {n_million} millions de comptes actifs dans le pays.",
        "Les petites entreprises se plaignent des coupures d'électricité fréquentes, qui "
        "obligent de nombreux ateliers à recourir à des groupes électrogènes coûteux.",
        "La chambre de commerce de {capital} a lancé un programme de formation des jeunes "
        "entrepreneurs à la comptabilité, à l'emballage et à la vente en ligne.",
        "Pour {person}, économiste à l'université de {capital}, le budget dépend fortement des "
        "recettes douanières et du cours de l'or.",
        "Une nouvelle centrale solaire de {mw} mégawatts près de {place} devrait alimenter "
        "environ {n_thousand} 000 foyers lors de sa mise en service l'an prochain.",
        "Les douanes ont annoncé une hausse de {pct} % de leurs recettes au premier trimestre, "
        "grâce à de meilleurs contrôles aux postes frontaliers.",
        "Le ministre des Finances a assuré devant l'Assemblée que la dette publique restait "
        "soutenable, à environ {pct2} % du produit intérieur brut.",
        "Les cotonculteurs seront payés {price_small} francs CFA le kilo cette saison, a annoncé "
        "la société cotonnière nationale après des discussions avec les syndicats de producteurs.",
        "Les banques ont accru leurs prêts aux coopératives agricoles, même si les taux d'intérêt "
        "restent élevés pour les petits emprunteurs.",
        "Le prix du litre d'essence à la pompe a été relevé, une décision que le gouvernement "
        "justifie par le coût des importations.",
        "Les femmes qui transforment et vendent le beurre de karité à {place} affirment qu'un "
        "nouveau dispositif de microcrédit leur a permis d'acheter des presses.",
        "La construction d'une nouvelle autoroute entre {capital} et {place2} doit s'achever en "
        "{year}, selon le ministère des Infrastructures.",
    ),
    "sport": (
        "{team} s'est imposée {s1}-{s2} face {team2_a} {weekday} en éliminatoires de la Coupe du "
        "monde, devant un stade comble à {capital}.",
        "Le but de la victoire est venu à la {minute} minute, sur une tête de {player} à la "
        "réception d'un corner venu de la droite.",
        "Le sélectionneur {coach} a salué la discipline de ses joueurs et expliqué que l'équipe "
        "avait beaucoup travaillé les coups francs et les corners pendant la semaine.",
        "« Nous savions que ce serait un match difficile, mais les garçons ont montré du "
        "caractère », a déclaré {coach} à la presse après le coup de sifflet final.",
        "Avec ce résultat, {team} occupe la {pos} place du groupe avec {pts} points, à trois "
        "journées de la fin.",
        "Des milliers de supporters ont fêté la victoire dans les rues de {capital} jusque tard "
        "dans la nuit, en agitant des drapeaux et en chantant.",
        "Le championnat national reprendra le week-end prochain après une pause de deux "
        "semaines, avec une course au titre toujours ouverte entre {club} et {club2}.",
        "La {nth_edition} édition du Tour du Faso partira de {place} et couvrira plus de 1 200 "
        "kilomètres en dix étapes.",
        "{player}, qui évolue dans un club de Ligue 2 en France, a été désigné homme du match "
        "pour son travail inlassable au milieu de terrain.",
        "La fédération a annoncé la rénovation du stade municipal de {place}, qui n'a plus "
        "accueilli de rencontre internationale depuis des années.",
        "En basket-ball, l'équipe nationale féminine s'est qualifiée pour le championnat "
        "d'Afrique après avoir remporté ses trois rencontres du tour préliminaire.",
        "De jeunes athlètes de {place} et de {place2} participeront le mois prochain à une "
        "compétition scolaire nationale à {capital}, a indiqué le ministère des Sports.",
        "La lutte traditionnelle attire les foules au Niger, où le championnat national est l'un "
        "des événements sportifs les plus suivis de l'année.",
        "Le gardien a réalisé plusieurs parades décisives en seconde période, dont un superbe "
        "réflexe à bout portant à la {minute2} minute.",
        "Le prix des billets a été maintenu bas pour encourager les familles à venir, et les "
        "organisateurs ont indiqué que le stade était plein une heure avant le coup d'envoi.",
        "L'entraîneur des visiteurs a regretté les occasions manquées et assuré que son équipe "
        "tirerait les leçons de la défaite avant le match retour.",
        "{club} a confirmé que son jeune avant-centre {player} rejoindra un club belge à la fin "
        "de la saison.",
        "La fédération de cyclisme espère que la course attirera davantage de sponsors et "
        "encouragera les jeunes coureurs des régions.",
        "Les clubs de handball, de volley-ball et d'athlétisme disent manquer d'équipements et "
        "d'infrastructures adaptées pour s'entraîner.",
        "L'équipe des moins de 17 ans se rendra au Maroc le mois prochain pour la Coupe "
        "d'Afrique des nations, avec un groupe comptant {n2} joueurs issus du centre national.",
    ),
    "culture": (
        "La {nth_edition} édition du FESPACO, le Festival panafricain du cinéma et de la "
        "télévision de Ouagadougou, s'est ouverte {weekday} par une cérémonie haute en couleur.",
        "Plus de {n_films} films venus de {n_countries} pays sont en compétition pour l'Étalon "
        "d'or de Yennenga, la plus haute distinction du festival.",
        "La réalisatrice {person} a présenté son premier long métrage, un drame familial qui se "
        "déroule dans une petite ville près de {place}.",
        "Des musiciens de {place} ont interprété des chants traditionnels accompagnés de la "
        "kora, du balafon et du djembé.",
        "Le musée national de {capital} accueille une exposition de sculptures en bronze, de "
        "masques et de textiles, dont certains n'avaient jamais été montrés au public.",
        "« La culture est ce qui nous rassemble », confie {person}, griotte qui chante lors des "
        "mariages et des baptêmes depuis plus de trente ans.",
        "Une foire du livre à {capital} a réuni une quarantaine d'éditeurs et des dizaines "
        "d'auteurs, avec un accent sur la littérature jeunesse en langues nationales.",
        "Les organisateurs se félicitent d'une fréquentation en hausse par rapport à l'an "
        "dernier, malgré la chaleur et le coût du transport.",
        "De jeunes stylistes ont présenté des collections en Faso Dan Fani, le pagne de coton "
        "tissé à la main devenu un symbole de fierté nationale.",
        "Le ministère de la Culture a annoncé des subventions pour des collectifs d'artistes afin "
        "de rénover des centres culturels et de former des jeunes au son et à la lumière.",
        "À {place}, une émission de radio diffuse chaque soir des contes et des proverbes en "
        "fulfulde, en songhaï et en tamasheq.",
        "La chanteuse {person} entamera une tournée dans {n_cities} villes d'Afrique de l'Ouest "
        "après la sortie de son nouvel album en {month}.",
        "L'industrie cinématographique nigériane, surnommée Nollywood, produit plus de deux mille "
        "films par an, dont beaucoup sont diffusés en ligne.",
        "Des experts de l'Unesco ont visité les mosquées en terre de la région pour évaluer les "
        "travaux de restauration réalisés par des maçons locaux.",
        "Chaque année, le crépissage de la grande mosquée de Djenné rassemble des milliers de "
        "bénévoles dans une ambiance festive.",
        "Une troupe de théâtre de {place} a adapté une pièce classique en mooré et la jouera "
        "dans des écoles à travers le pays.",
        "Des photographes venus de {n2} pays exposent des portraits de la vie quotidienne à la "
        "biennale de la photographie francophone.",
        "Le prix du meilleur scénario est revenu à un jeune auteur de {capital} pour une comédie "
        "sur un mariage en famille.",
        "Les bibliothèques de {place} et de {place2} ont reçu de nouveaux ouvrages en français et "
        "en langues nationales, grâce à un partenariat avec une maison d'édition.",
        "Le festival s'est achevé {weekday} par un concert qui a attiré des milliers de "
        "spectateurs sur les berges du fleuve.",
    ),
    "weather": (
        "L'agence nationale de la météorologie prévoit des pluies supérieures à la normale "
        "pendant {season} dans la plupart du pays, avec une installation précoce dans le sud.",
        "Le thermomètre a atteint {temp} degrés Celsius à {place} {weekday}, l'un des relevés "
        "les plus élevés de l'année.",
        "Les autorités sanitaires conseillent de boire beaucoup d'eau, d'éviter de sortir aux "
        "heures les plus chaudes et de garder les enfants et les personnes âgées à l'ombre.",
        "Les premières pluies de la saison sont tombées {weekday} sur {place} et les villages "
        "environnants, apportant un soulagement après des semaines de forte chaleur.",
        "Les prévisionnistes s'attendent à ce que l'harmattan chargé de poussière réduise la "
        "visibilité dans le nord au cours des prochains jours.",
        "Les agriculteurs se réjouissent de la pluie mais redoutent des poches de sécheresse en "
        "{month2}, qui certaines années ont abîmé les jeunes plants de mil et de sorgho.",
        "Il est tombé {mm} millimètres de pluie à {place} en {month}, contre une moyenne de {mm2} "
        "millimètres sur les trente dernières années.",
        "Le fleuve Niger a monté régulièrement pendant la saison, et les autorités ont appelé les "
        "habitants des quartiers bas de {place} à rester vigilants.",
        "Selon le centre régional AGRHYMET de Niamey, le Sahel est devenu à la fois plus chaud "
        "et plus humide au cours des deux dernières décennies.",
        "Les coupures d'électricité se multiplient pendant la saison chaude, la demande en "
        "ventilateurs et en climatisation augmentant fortement.",
        "Les prévisions météorologiques sont désormais envoyées par SMS à plus de {n_thousand} "
        "000 agriculteurs, qui s'en servent pour décider de la date des semis.",
        "Les températures nocturnes sont restées au-dessus de {temp2} degrés à {capital}, et de "
        "nombreux habitants ont dormi dehors dans leur cour.",
        "La saison des pluies devrait s'achever dans la première quinzaine d'octobre dans le sud "
        "et fin septembre dans le nord, selon l'agence.",
        "Les écoles de {place} ont adapté leurs horaires pour que les élèves rentrent chez eux "
        "avant les heures les plus chaudes de l'après-midi.",
        "Les quartiers inondables de {capital} ont été nettoyés et les caniveaux curés avant les "
        "plus fortes pluies.",
        "Selon des climatologues, de meilleures prévisions aideraient les éleveurs à planifier "
        "la transhumance et à réduire les pertes d'animaux les années sèches.",
        "L'humidité relative a dépassé {hum} % dans le sud, signe que la mousson remonte vers le "
        "nord.",
        "Des vents pouvant atteindre {wind} kilomètres à l'heure sont possibles avant les "
        "premières pluies, prévient l'agence, qui invite les habitants à bien fixer les toitures.",
        "Le niveau des retenues d'eau autour de {place2} est plus bas que d'habitude, et la "
        "société des eaux a annoncé un rationnement dans plusieurs quartiers.",
        "Un nouveau réseau de stations météorologiques automatiques sera installé dans "
        "{n_districts} départements d'ici {year}, avec l'appui de l'Organisation météorologique "
        "mondiale.",
    ),
    "agriculture": (
        "Dans {region}, les agriculteurs préparent leurs champs avant la saison des pluies, en "
        "défrichant et en réparant les petites diguettes.",
        "Le ministère de l'Agriculture a distribué {n_tonnes} tonnes de semences améliorées et "
        "d'engrais aux producteurs à prix subventionné.",
        "Les producteurs d'oignons des environs de {place} constatent de meilleurs rendements "
        "depuis qu'une coopérative a construit un entrepôt qui conserve la récolte plusieurs mois.",
        "La production de riz dans la zone de l'Office du Niger devrait atteindre {n_thousand} "
        "000 tonnes cette saison, selon l'office d'irrigation.",
        "Les éleveurs descendent vers le sud avec leurs troupeaux à la recherche de pâturages et "
        "d'eau, un déplacement saisonnier appelé transhumance.",
        "« Avec le nouveau puits, nous pouvons cultiver des légumes même en saison sèche », "
        "explique {person}, qui dirige un groupement de maraîchères dans un village proche de "
        "{place}.",
        "Le prix du mil à {place} a légèrement baissé depuis la récolte, même s'il reste bien "
        "au-dessus de la moyenne des cinq dernières années.",
        "Des agents de vulgarisation forment les agriculteurs au compost et au zaï, une technique "
        "traditionnelle qui retient l'eau dans les sols dégradés.",
        "Les exportations de noix de cajou et de sésame ont fortement augmenté, offrant aux "
        "agriculteurs une alternative au coton.",
        "Un programme financé par la Banque mondiale vise à irriguer {n_hectares} hectares le "
        "long du Niger et du Sourou d'ici {year}.",
        "La vaccination des bovins, des moutons et des chèvres contre les maladies courantes du "
        "bétail a commencé ce mois-ci dans {n_districts} départements.",
        "Des chercheurs de l'institut national de recherche agricole ont mis au point une variété "
        "de sorgho qui arrive à maturité en quatre-vingt-dix jours et résiste à la sécheresse.",
        "Les productrices de beurre de karité, pour la plupart des femmes, estiment qu'un "
        "meilleur emballage les aide à vendre à des acheteurs de {capital} et de l'étranger.",
        "Les producteurs de tomates des environs de {place2} ont créé un syndicat pour négocier "
        "les prix avec les usines de transformation et les grossistes.",
        "Les estimations céréalières publiées par le ministère font apparaître un excédent dans "
        "le sud et un déficit dans plusieurs départements du nord.",
        "De jeunes diplômés se voient proposer des parcelles irriguées et une formation dans le "
        "cadre d'un programme national pour encourager les carrières agricoles.",
        "La pisciculture se développe autour des barrages près de {place}, où des coopératives "
        "élèvent des tilapias et des silures dans des cages flottantes.",
        "Les exportateurs de mangues espèrent expédier plus de {n_tonnes} tonnes vers l'Europe "
        "cette année après avoir investi dans une nouvelle station de conditionnement.",
        "La société cotonnière nationale table sur une production d'environ {n_thousand} 000 "
        "tonnes, grâce à une meilleure pluviométrie et à la livraison à temps des intrants.",
        "Les aviculteurs des environs de {capital} affirment que le prix des aliments pour "
        "volaille a presque doublé, ce qui réduit leurs revenus.",
    ),
    "health": (
        "Une campagne de vaccination contre la rougeole et la poliomyélite a commencé {weekday} "
        "à {place} et devrait toucher plus de {n_thousand} 000 enfants de moins de cinq ans.",
        "Les agents de santé iront de porte en porte et installeront des postes de vaccination "
        "temporaires dans les écoles, les mosquées et les centres communautaires.",
        "Le paludisme reste le premier motif de consultation dans les centres de santé du "
        "{country}, en particulier pendant la saison des pluies.",
        "La chimioprévention du paludisme saisonnier, qui consiste à donner chaque mois un "
        "traitement aux enfants de juillet à octobre, a fortement réduit les cas graves, selon "
        "le ministère de la Santé.",
        "L'hôpital régional de {place} a reçu de nouveaux équipements, dont un appareil de "
        "radiographie, un échographe et {n2} lits.",
        "« Les mères viennent plus tôt, et nous pouvons soigner les enfants avant que la maladie "
        "ne s'aggrave », explique {person}, infirmière dans un centre de santé rural près de "
        "{place}.",
        "Le gouvernement a recruté {n_hundred} sages-femmes et infirmiers supplémentaires pour "
        "les zones rurales, où de nombreux postes de santé manquent de personnel qualifié.",
        "Des cas de dengue ont été signalés à {capital}, et les autorités font évacuer les eaux "
        "stagnantes et distribuent des moustiquaires.",
        "Les agents de santé communautaires apprennent à reconnaître les signes de malnutrition "
        "et à orienter les enfants vers les centres de nutrition.",
        "Selon l'Organisation mondiale de la santé, le pays a progressé dans la réduction de la "
        "mortalité maternelle au cours de la dernière décennie.",
        "Un nouveau service de dialyse a ouvert à {capital}, évitant aux patients de longs et "
        "coûteux voyages à l'étranger pour se faire soigner.",
        "Les pharmaciens mettent en garde contre l'achat de médicaments auprès de vendeurs "
        "ambulants, dont beaucoup sont contrefaits ou périmés.",
        "L'assurance maladie des enfants de moins de cinq ans et des femmes enceintes a été "
        "étendue à {n_districts} nouveaux districts cette année.",
        "Des étudiants en médecine de {capital} passeront six mois dans des hôpitaux de district "
        "dans le cadre d'un nouveau programme de formation.",
        "Une clinique mobile sillonne désormais chaque semaine les villages autour de {place2}, "
        "proposant consultations, suivi prénatal et analyses de base.",
        "Le ministère prévoit de construire {n2} nouveaux centres de santé d'ici {year}, pour la "
        "plupart alimentés par des panneaux solaires.",
        "Les médecins du centre hospitalier universitaire constatent une hausse régulière des cas "
        "de diabète et d'hypertension, surtout en ville.",
        "Une campagne de dépistage du cancer du col de l'utérus se tiendra pendant deux semaines "
        "à {place} et à {place2}, a indiqué le directeur régional de la santé.",
        "Les dons de sang sont attendus avant la saison des pluies, période où la demande "
        "augmente au centre national de transfusion sanguine.",
        "Des projets d'assainissement ont permis d'équiper plus de {n_hundred} écoles de la "
        "région en latrines et en dispositifs de lavage des mains.",
    ),
}

FR_OTHER_GENERIC = (
    "Le ministre est attendu à {place} la semaine prochaine pour rencontrer les autorités "
    "locales et les responsables communautaires.",
    "De plus amples détails seront donnés lors d'une conférence de presse à {capital} {weekday}.",
    "Plus de la moitié de la population du {country} a moins de vingt ans, et l'emploi des jeunes "
    "figure parmi les priorités affichées du gouvernement.",
    "Les radios locales jouent un rôle important dans la diffusion de l'information, surtout "
    "dans les zones où peu de gens lisent les journaux.",
    "Les responsables de {place} espèrent que le projet sera étendu aux communes voisines l'an "
    "prochain.",
    "L'initiative est soutenue par l'Union européenne, la Banque africaine de développement et "
    "plusieurs organisations non gouvernementales.",
)

# --------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def word_count(text: str) -> int:
    """Words as a reader counts them ("l'armée" and "north-east" are one word each)."""
    return len(_WORD.findall(text))


def _cap(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _decap(text: str) -> str:
    """Lower-case the first letter unless the word is an acronym or a name ("JNIM", "Gunmen")."""
    first = text.split(" ", 1)[0]
    if first.isupper() or (first[:1].isupper() and first.lower() not in _LOWERABLE):
        return text
    return text[:1].lower() + text[1:]


_LOWERABLE = frozenset(
    {
        "an",
        "a",
        "at",
        "according",
        "heavy",
        "suspected",
        "militants",
        "gunmen",
        "unidentified",
        "armed",
        "heavily",
        "on",
        "late",
        "early",
        "overnight",
        "des",
        "de",
        "un",
        "une",
        "au",
        "selon",
        "dans",
        "le",
        "la",
        "l'armée",
        "plus",
        "près",
        "entre",
        "tôt",
        "plusieurs",
        "dozens",
        "some",
        "about",
        "more",
        "between",
        "several",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "sept",
        "huit",
        "neuf",
        "dix",
        "the",
    }
)


class _Picker:
    """Draws templates from pools without repeating one within an article."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def take(self, *pools: Sequence[str]) -> str | None:
        for pool in pools:
            fresh = [t for t in pool if t not in self.used]
            if fresh:
                template = self.rng.choice(fresh)
                self.used.add(template)
                return template
        return None


def _day_phrases(rng: random.Random, day: date, lang: str) -> tuple[str, str]:
    """A phrase for the event day ("on Sunday night", "dans la nuit de samedi à dimanche") and
    one for a day after it (the burial, a later statement)."""
    wd = day.weekday()
    after = (wd + rng.randint(1, 2)) % 7
    if lang == "en":
        name, prev, month = EN_WEEKDAYS[wd], EN_WEEKDAYS[wd - 1], EN_MONTHS[day.month - 1]
        phrase = rng.choice(
            (
                f"on {name}",
                f"late on {name}",
                f"on {name} night",
                f"early on {name}",
                f"on {name} morning",
                f"on {month} {day.day}",
                f"on {day.day} {month}",
                f"on {name} afternoon",
                f"overnight from {prev} to {name}",
                f"on {name}",
            )
        )
        return phrase, f"on {EN_WEEKDAYS[after]}"
    name, prev, month = FR_WEEKDAYS[wd], FR_WEEKDAYS[wd - 1], FR_MONTHS[day.month - 1]
    num = "1er" if day.day == 1 else str(day.day)
    phrase = rng.choice(
        (
            name,
            f"{name} soir",
            f"dans la nuit de {prev} à {name}",
            f"le {num} {month}",
            f"{name} {num} {month}",
            f"tôt {name} matin",
            f"{name} après-midi",
            name,
        )
    )
    return phrase, FR_WEEKDAYS[after]


def _country_base(rng: random.Random, lang: str, country: Country) -> dict[str, str]:
    place, place2 = rng.sample(country.places, 2)
    en = lang == "en"
    return {
        "country": country.en if en else country.fr,
        "country_de": country.fr_de,
        "country_in": f"au {country.fr}",
        "adj": country.adj_en,
        "capital": country.capital,
        "place": place.en if en else place.fr,
        "place2": place2.en if en else place2.fr,
        "region": place.region_en if en else place.region_fr,
        "part": place.part_en if en else place.part_fr,
        "village": rng.choice(country.villages),
        "army": country.army_en if en else country.army_fr,
        "leader": country.leader_en if en else country.leader_fr,
        "militia": country.militia_en if en else country.militia_fr,
        "partners": country.partners_en if en else country.partners_fr,
        "border": rng.choice(country.borders_en if en else country.borders_fr),
        "coup_year": str(country.coup_year or ""),
        "weekday": rng.choice(EN_WEEKDAYS if en else FR_WEEKDAYS),
        "team": TEAMS[country.key][0 if en else 1],
    }


def _event_base(rng: random.Random, lang: str, country: Country, published: date) -> dict[str, str]:
    base = _country_base(rng, lang, country)
    group = GROUPS[rng.choice(country.groups)]
    en = lang == "en"
    fighters = group.fighters_en if en else group.fighters_fr
    generic = EN_ACTORS if en else FR_ACTORS
    day, after = _day_phrases(rng, published - timedelta(days=rng.randint(1, 6)), lang)
    base.update(
        group=group.en if en else group.fr,
        group_short=group.short,
        group_fr_short=group.fr_short,
        group_de=group.fr_de,
        actor=rng.choice((*generic, fighters)),
        victims=rng.choice(EN_VICTIMS if en else FR_VICTIMS),
        day=day,
        weekday_after=after,
    )
    return base


_FR_ELISION = re.compile(r"\b([Dd])e (?=[AEÉIU]|O(?!u))")
_FR_CONTRACTION = re.compile(r"\b([àÀ]|[Dd]e) le ")


def _sentence(template: str, base: dict[str, str], rng: random.Random, lang: str) -> str:
    text = template.format_map(Slots(base, rng, lang))
    if lang == "fr":  # "de Ayorou" → "d'Ayorou", "à le général" → "au général"
        text = _FR_ELISION.sub(r"\1'", text)
        text = _FR_CONTRACTION.sub(lambda m: "au " if m[1] in "àÀ" else m[1][0] + "u ", text)
    return _cap(text)


def _conflict(rng: random.Random, lang: str, published: date, target: int) -> tuple[str, str]:
    country = rng.choice(COUNTRIES)
    base = _event_base(rng, lang, country, published)
    en = lang == "en"
    pick = _Picker(rng)
    leads = EN_LEADS if en else FR_LEADS
    details = EN_DETAILS if en else FR_DETAILS
    claims = EN_CLAIMS if en else FR_CLAIMS
    politics: Sequence[str]
    if country.key == "ng":
        politics = EN_POLITICS_NG if en else FR_POLITICS_NG
    else:
        politics = EN_POLITICS_JUNTA if en else FR_POLITICS_JUNTA
    humanitarian = EN_HUMANITARIAN if en else FR_HUMANITARIAN
    history = EN_HISTORY if en else FR_HISTORY
    separate = SEPARATE_EN if en else SEPARATE_FR

    def para(*pools: Sequence[str], k: int, ctx: dict[str, str] | None = None) -> str:
        out = []
        for _ in range(k):
            template = pick.take(*pools)
            if template is not None:
                out.append(_sentence(template, ctx or base, rng, lang))
        return " ".join(out)

    headline = _sentence(
        rng.choice(EN_CONFLICT_HEADLINES if en else FR_CONFLICT_HEADLINES), base, rng, lang
    )
    paragraphs = [para(leads, k=1) + " " + para(details, k=1), para(details, k=rng.randint(2, 3))]
    kinds = [
        "claim",
        "politics",
        "humanitarian",
        "history",
        "details",
        "second",
        "details",
        "humanitarian",
        "politics",
        "history",
        "second",
        "details",
    ]
    rng.shuffle(kinds)
    for kind in kinds:
        if word_count(headline) + sum(map(word_count, paragraphs)) >= target:
            break
        if kind == "claim":
            paragraphs.insert(2, para(claims, k=rng.randint(1, 2)))
        elif kind == "second":
            other = _event_base(rng, lang, country, published)
            lead = pick.take(leads)
            if lead is None:
                continue
            text = _sentence(lead, other, rng, lang)
            first = rng.choice(separate) + _decap(text)
            paragraphs.append(" ".join([first, para(details, k=rng.randint(0, 2), ctx=other)]))
        else:
            pools = {
                "politics": politics,
                "humanitarian": humanitarian,
                "history": history,
                "details": details,
            }[kind]
            paragraphs.append(para(pools, history, humanitarian, k=rng.randint(2, 4)))
    return headline, "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _other(rng: random.Random, lang: str, target: int) -> tuple[str, str]:
    country = rng.choice(COUNTRIES)
    base = _country_base(rng, lang, country)
    topic = rng.choice(TOPICS)
    en = lang == "en"
    pools = EN_OTHER if en else FR_OTHER
    own, near = pools[topic], pools[NEIGHBOUR_TOPIC[topic]]
    generic = EN_OTHER_GENERIC if en else FR_OTHER_GENERIC
    headlines = (EN_OTHER_HEADLINES if en else FR_OTHER_HEADLINES)[topic]
    headline = _sentence(rng.choice(headlines), base, rng, lang)
    pick = _Picker(rng)
    paragraphs: list[str] = []
    words = word_count(headline)
    while words < target:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            pools_order: tuple[Sequence[str], ...]
            pools_order = (own, generic, near) if roll < 0.8 else (generic, own, near)
            if roll > 0.93:
                pools_order = (near, own, generic)
            template = pick.take(*pools_order)
            if template is None:
                break
            sentences.append(_sentence(template, base, rng, lang))
        if not sentences:
            break
        paragraphs.append(" ".join(sentences))
        words += word_count(paragraphs[-1])
    return headline, "\n\n".join(paragraphs)


def article(kind: Kind, index: int, *, seed: int = SEED) -> Article:
    """Article ``index`` of a kind: even indices are English, odd ones French."""
    rng = random.Random(f"{seed}:{kind}:{index}")
    lang = "en" if index % 2 == 0 else "fr"
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(640))
    target = rng.randint(*TARGET_WORDS)
    if kind == "conflict":
        headline, body = _conflict(rng, lang, published, target)
    else:
        headline, body = _other(rng, lang, target)
    return Article(text=f"{headline}\n\n{body}\n", published=published, language=lang)


@dataclass(frozen=True)
class Corpus:
    conflict: list[Article]
    other: list[Article]


def make_corpus(n_conflict: int, n_other: int, *, seed: int = SEED, start: int = 0) -> Corpus:
    """``n_conflict`` conflict and ``n_other`` non-conflict articles (indices from ``start``)."""
    return Corpus(
        [article("conflict", i, seed=seed) for i in range(start, start + n_conflict)],
        [article("other", i, seed=seed) for i in range(start, start + n_other)],
    )


def mixed_stream(corpus: Corpus, *, share_other: float = 0.9, seed: int = SEED) -> list[Article]:
    """A shuffled stream with ``share_other`` non-conflict articles, as large as the corpus
    allows (200 conflict + 1800 other → all 2,000)."""
    ratio = share_other / (1 - share_other)
    n_conflict = min(len(corpus.conflict), int(len(corpus.other) / ratio + 1e-9))
    n_other = round(n_conflict * ratio)
    stream = corpus.conflict[:n_conflict] + corpus.other[:n_other]
    random.Random(f"{seed}:mixed").shuffle(stream)
    return stream
