"""Place-name keys: how two spellings of one place are made to meet.

News writes the same Sahel village half a dozen ways (Ti-n-Zaouâtene, Tin Zaouatene,
Tinzaouaten; Barsalogho, Barsalogo; Bani Bangou, Banibangou), and GeoNames stores whichever
spelling a mapping agency used. Three keys, each looser than the last, let those spellings meet:

- :func:`normalise` — lowercase, accents stripped (Unicode NFKD), punctuation, hyphens and
  apostrophes turned into spaces, spaces collapsed: ``"Ti-n-Zaouâtene"`` → ``"ti n zaouatene"``.
- :func:`compact` — the normalised form without spaces, so word breaks stop mattering:
  ``"ti n zaouatene"`` and ``"tin zaouatene"`` both give ``"tinzaouatene"``.
- :func:`skeleton` — a rough phonetic key for French/English transliterations of African and
  Arabic names (``ou``/``w``/``u``, ``dj``/``j``, ``gh``/``g``, ``sh``/``ch``, doubled letters, a
  final mute ``e``, a leading Arabic article): ``"tinzaouaten"`` and ``"tinzaouatene"`` both give
  ``"tinzauaten"``. Matches on this key rank below exact and compact ones.

The gazetteer stores the compact and skeleton keys of every name and alternate name; lookups
compute the same keys from the query. :func:`clean_admin_name` turns GeoNames' official admin
names ("Tahoua Region", "Cercle de Ménaka", "Borno State") into the short names ACLED uses.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_admin_name", "compact", "is_latin_key", "normalise", "skeleton"]

# Letters that NFKD does not decompose into ASCII plus a combining mark.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "ŀ": "l",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "ʻ": " ",
        "ʼ": " ",
        "ʿ": "",  # ayn / hamza marks in transliterated Arabic: "Shaʿb" → "shab"
        "ʾ": "",
        "’": " ",
        "‘": " ",
        "`": " ",
        "´": " ",
    }
)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")


def normalise(name: str) -> str:
    """Return the matching form of a name: lowercase, no accents, words separated by one space.

    name (str): a place, country or admin name in any spelling.
    RETURNS (str): e.g. ``normalise("Ségou")`` → ``"segou"``, ``normalise("N'Djaména")`` →
        ``"n djamena"``, ``normalise("Ti-n-Zaouâtene")`` → ``"ti n zaouatene"``.

    Non-Latin letters are kept (lowercased); :func:`is_latin_key` tells them apart.
    """
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_SPECIAL).casefold()
    return _NON_WORD.sub(" ", text).strip()


def compact(normalised: str) -> str:
    """Return the normalised name without spaces (``"bani bangou"`` → ``"banibangou"``)."""
    return normalised.replace(" ", "")


def is_latin_key(normalised: str) -> bool:
    """True when a normalised name is plain ASCII letters, digits and spaces.

    The build keeps only such alternate names: Strife codes English and French text, and the
    Arabic, Cyrillic or CJK forms in GeoNames would multiply the index without ever matching.
    """
    return bool(_LATIN_KEY.match(normalised)) and not normalised.replace(" ", "").isdigit()


# A leading Arabic article, written apart in transliterations: "El Fasher", "Ad Damazin".
_ARTICLES = frozenset(
    {"al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at", "et", "az", "ez", "an"}
    | {"en", "adh", "ath", "dh", "ul", "il"}
)
# Ordered rewrites; longer clusters first so "tch" is not seen as "t" + "ch".
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("tch", "ch"),
    ("dj", "j"),
    ("sh", "ch"),
    ("kh", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("q", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("w", "u"),
    ("y", "i"),
    ("ee", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(normalised: str) -> str:
    """Return a loose phonetic key of a normalised name, for transliteration variants.

    normalised (str): output of :func:`normalise`.
    RETURNS (str): e.g. ``"barsalogho"`` and ``"barsalogo"`` → ``"barsalogo"``;
        ``"tinzaouaten"`` and ``"ti n zaouatene"`` → ``"tinzauaten"``; ``"el fasher"`` →
        ``"facher"``. Empty for keys too short to be safe (under five letters).
    """
    words = normalised.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    key = "".join(words)
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    key = _DOUBLE.sub(r"\1", key)
    if len(key) > 4 and key.endswith("e"):
        key = key[:-1]
    return key if len(key) >= 5 else ""


# Official admin names carry the unit type; ACLED writes the bare name ("Tahoua", "Borno").
_ADMIN_PREFIX = re.compile(
    r"^(?:municipality of|governorate of|state of|"
    r"(?:cercle|province|r[ée]gion|d[ée]partement|pr[ée]fecture|wilaya|commune|provincia|"
    r"departamento|estado|muhafazat)"
    r"(?:\s+(?:de\s+la|de\s+l['’]|des|du|de|del|do|da|d['’]))?)\s*",
    re.IGNORECASE,
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:autonomous\s+district|autonomous\s+region|regional\s+state|region|province|state|"
    r"district|governorate|department|d[ée]partement|prefecture|pr[ée]fecture|cercle|county|"
    r"oblast|division|municipality)$",
    re.IGNORECASE,
)


def clean_admin_name(name: str) -> str:
    """Strip the unit type from an official admin name, ACLED-style.

    name (str): e.g. ``"Tahoua Region"``, ``"Cercle d’ Abeïbara"``, ``"Province du Soum"``,
        ``"Borno State"``, ``"Abidjan Autonomous District"``.
    RETURNS (str): ``"Tahoua"``, ``"Abeïbara"``, ``"Soum"``, ``"Borno"``, ``"Abidjan"``. A name
        that would become empty is returned unchanged ("Region" stays "Region").
    """
    cleaned = name.strip()
    for _ in range(2):
        stripped = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", cleaned)).strip(" -,")
        if not stripped or stripped == cleaned:
            break
        cleaned = stripped
    return cleaned or name.strip()
