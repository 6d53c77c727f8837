"""Guess an article's language from its function words (and, for other alphabets, its script).

Strife codes English and French only (its lexicons and spaCy models exist for those two), so the
question this module answers is mostly "en, fr, or something we must refuse?". A full language
identifier (fastText, CLD3) would be a heavy dependency for that; counting stopwords in the first
~2,000 characters tells news prose apart in well under a millisecond and is easy to audit.

Data files (read once through :mod:`importlib.resources`, then cached):

- ``data/en/stopwords.txt`` and ``data/fr/stopwords.txt``: the full lists of the coded languages;
- ``data/languages.yaml``: language names, short lists for other Latin-script languages (so a
  Spanish article is named as Spanish instead of being scored as poor French), and the Unicode
  ranges of scripts that identify a language by themselves (Arabic → "ar", Cyrillic → "ru"…).

>>> detect_language("Des hommes armés ont attaqué le village dans la nuit de dimanche à lundi.")
'fr'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from strife.errors import DataError
from strife.resources import SUPPORTED_LANGUAGES, data_text, load_yaml

__all__ = ["SAMPLE_CHARS", "SUPPORTED_LANGUAGES", "detect_language", "language_name"]

#: Only the head of the text is read: a news lead is in the article's language, and reading a
#: fixed amount keeps detection O(1) whatever the article length.
SAMPLE_CHARS = 2000

# Below these the evidence is too thin to name a language (a headline, a dateline, a caption).
_MIN_WORDS = 5
_MIN_SCORE = 2.0
# The winner must clearly beat the runner-up; close scores mean mixed or unclear text.
_MIN_MARGIN = 1.5
# A script decides when it holds most letters of the sample and at least this many.
_MIN_SCRIPT_LETTERS = 10

# Words are runs of letters; apostrophes split them so that French elisions ("l'armée",
# "qu'ils") give the stopwords "l" and "qu".
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Profiles:
    """Everything detection needs, built once from the data files."""

    #: word → {language: weight}; a word shared by k languages weighs 1/k in each.
    weights: dict[str, dict[str, float]]
    names: dict[str, str]
    #: (language code, regex matching one letter of the script), in data-file order.
    scripts: tuple[tuple[str, re.Pattern[str]], ...]
    #: any letter of any listed script: a cheap first test before counting script by script.
    any_script: re.Pattern[str] | None


def _read_wordlist(language: str) -> set[str]:
    words: set[str] = set()
    for line in data_text(language, "stopwords.txt").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
    return words


def _char_class(ranges: list[Any], code: str) -> str:
    """A regex character class from "0600-06FF"-style ranges of the data file."""
    parts = []
    for item in ranges:
        lo, sep, hi = str(item).partition("-")
        try:
            start, end = int(lo, 16), int(hi if sep else lo, 16)
        except ValueError as exc:
            raise DataError(
                f"strife/data/languages.yaml: script {code!r} has a bad range {item!r}; "
                "write it as hex code points like 0600-06FF"
            ) from exc
        parts.append(f"{re.escape(chr(start))}-{re.escape(chr(end))}")
    return "[" + "".join(parts) + "]"


@functools.cache
def _profiles() -> _Profiles:
    config = load_yaml("languages.yaml")
    lists: dict[str, set[str]] = {code: _read_wordlist(code) for code in SUPPORTED_LANGUAGES}
    for code, words in (config.get("stopwords") or {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            # YAML 1.1 reads a bare `no` or `on` as a boolean: quote such words in the file.
            raise DataError(
                f"strife/data/languages.yaml: stopwords of {code!r} must be a list of strings "
                '(quote words such as "no" and "on")'
            )
        lists[str(code)] = {w.lower() for w in words}

    owners: dict[str, list[str]] = {}
    for code, words in lists.items():
        for word in words:
            owners.setdefault(word, []).append(code)
    weights = {w: {c: 1.0 / len(codes) for c in codes} for w, codes in owners.items()}

    scripts = []
    for entry in config.get("scripts") or []:
        code = str(entry["code"])
        scripts.append((code, re.compile(_char_class(list(entry["ranges"]), code))))
    any_script = re.compile("|".join(p.pattern for _, p in scripts)) if scripts else None
    names = {str(k): str(v) for k, v in (config.get("names") or {}).items()}
    return _Profiles(weights=weights, names=names, scripts=tuple(scripts), any_script=any_script)


def language_name(code: str) -> str:
    """The English name of a language code ("es" → "Spanish"); the code itself if unknown."""
    return _profiles().names.get(code, code)


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    # Do not cut the last word in two: a cut word could read as a stopword of another language.
    cut = text.rfind(" ", 0, SAMPLE_CHARS)
    return text[: cut if cut > 0 else SAMPLE_CHARS]


def _by_script(sample: str, profiles: _Profiles) -> str | None:
    if sample.isascii() or profiles.any_script is None:
        return None
    if len(profiles.any_script.findall(sample)) < _MIN_SCRIPT_LETTERS:
        return None
    letters = len(_LETTER.findall(sample))
    counts = {code: len(pattern.findall(sample)) for code, pattern in profiles.scripts}
    code, count = max(counts.items(), key=lambda kv: kv[1])
    # Japanese mixes Han characters with kana; any real share of kana means Japanese, not Chinese.
    if code == "zh" and counts.get("ja", 0) >= 0.1 * letters:
        code, count = "ja", count + counts["ja"]
    if count >= _MIN_SCRIPT_LETTERS and count > 0.5 * letters:
        return code
    return None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when unsure.

    Reads only the first ~2,000 characters. Returns "en" or "fr" for the languages Strife codes,
    the code of another language it recognises ("es", "pt", "de", "it", "nl", "ar" for Arabic
    script, "ru" for Cyrillic…), and None for text too short or too mixed to call: callers
    decide what None means (the pipeline may fall back to a default or ask for ``--lang``).

    >>> detect_language("The army said the attackers were killed during the assault on the camp.")
    'en'
    >>> detect_language("Mali") is None
    True
    """
    profiles = _profiles()
    sample = _sample(text)
    script = _by_script(sample, profiles)
    if script is not None:
        return script

    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        return None
    scores: dict[str, float] = {}
    for word in words:
        for code, weight in profiles.weights.get(word, {}).items():
            scores[code] = scores.get(code, 0.0) + weight
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best_code, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best < _MIN_SCORE or best < _MIN_MARGIN * runner_up:
        return None
    return best_code


def likely_language(text: str) -> str:
    """The language a text's words lean to, without :func:`detect_language`'s thresholds: for
    texts too short to call (a one-line ACLED note). English when no word is known."""
    weights = _profiles().weights
    scores: dict[str, float] = {}
    for word in _WORD.findall(_sample(text).lower()):
        for code, weight in weights.get(word, {}).items():
            scores[code] = scores.get(code, 0.0) + weight
    if not scores:
        return "en"
    return max(sorted(scores), key=lambda code: (scores[code], code == "en"))
