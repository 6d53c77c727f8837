"""Split an article into sentences with character offsets.

A rule-based splitter instead of the parser: it runs on every article, including the majority
that the trigger filter then drops, so it must cost far less than spaCy (DESIGN.md §2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that end with a period but do not end a sentence (en and fr news usage).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "pte",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "sen",
        "rep",
        "prof",
        "m",
        "mme",
        "mlle",
        "cdt",
        "cne",
        "lieut",
        "env",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "u.s",
        "u.n",
        "e.g",
        "i.e",
        "art",
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+|\n\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, never empty, offsets into ``text``.

    >>> [s.text for s in split_sentences("Gen. Diallo spoke. Ten died.\\nNext")]
    ['Gen. Diallo spoke.', 'Ten died.', 'Next']
    """
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        chunk = text[start : match.start()]
        is_newline = "\n" in match.group()
        if not is_newline:
            before = chunk.rsplit(None, 1)[-1].lower().rstrip(".") if chunk.strip() else ""
            following = text[end : end + 1]
            if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
                continue
            if following and not (
                following.isupper() or following.isdigit() or following in "\"'«“‘("
            ):
                continue
        _append(sentences, text, start, match.start() + len(match.group().rstrip()), paragraph)
        if is_newline:
            paragraph += 1
        start = end
    _append(sentences, text, start, len(text), paragraph)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))
