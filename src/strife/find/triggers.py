"""Trigger words: the cheap filter every sentence passes before it is coded.

The lexicons are ``data/<lang>/triggers.yaml``; statements that are negated, hypothetical,
future or background (``data/<lang>/modality.yaml``) are marked so the coder can skip them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice, pairwise

from strife.errors import DataError
from strife.resources import compile_alternation, language_yaml


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word or phrase; offsets into the article text."""

    start: int
    end: int
    text: str
    tactic: str


class TriggerFinder:
    """Finds triggers of one language and tells whether a sentence is a real, past event."""

    def __init__(self, language: str) -> None:
        data = language_yaml(language, "triggers")
        self.language = language
        self._tactic_of: list[str] = []
        parts = []
        for tactic, patterns in data["tactics"].items():
            for pattern in patterns:
                if not isinstance(pattern, str):
                    # YAML reads an unquoted "(?: x)" as a mapping: say which entry to quote
                    raise DataError(
                        f"data/{language}/triggers.yaml, tactic {tactic}: quote {pattern!r}"
                    )
                parts.append(f"(?P<t{len(self._tactic_of)}>{pattern})")
                self._tactic_of.append(tactic)
        first: set[str] = set()
        for pattern in data_patterns(data):
            words = first_words(pattern)
            if words is None or "" in words:
                raise DataError(
                    f"data/{language}/triggers.yaml: {pattern!r} has no finite first word"
                )
            first |= words
        # the prefilter's word sets: one-word starts, two-word starts, and the first word of
        # either (a text without any of these has no trigger)
        self._single_words = frozenset(w for w in first if " " not in w)
        self._word_pairs = frozenset(w for w in first if " " in w)
        self._heads = frozenset(w.split(" ")[0] for w in first)
        # find() tries the pattern only where one of these words starts, when every match
        # must start with a whole word (no pattern begins with punctuation or a space)
        self._match_at_heads = all(_WORD.fullmatch(h) for h in self._heads) and all(
            _starts_with_word(p) for p in data_patterns(data)
        )
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
        self._protest_topic = compile_alternation(data["protest_topic"], name="protest_topic")
        nonviolent = data.get("nonviolent", {})
        self._causes = compile_alternation(nonviolent.get("causes", []), name="nonviolent causes")
        self._outcome = re.compile(
            "|".join(f"(?:{p})" for p in nonviolent.get("outcomes", [])), re.IGNORECASE
        )
        modality = language_yaml(language, "modality")
        self._negation = compile_alternation(modality["negation"], name="negation")
        self._hypothetical = compile_alternation(
            modality["hypothetical"] + modality["future"], name="hypothetical"
        )
        self._background = compile_alternation(modality["background"], name="background")
        self._ongoing = compile_alternation(modality["ongoing"], name="ongoing")
        self._nobody_before = re.compile(
            r"(?:" + ("|".join(modality.get("nobody_before", [])) or r"(?!)") + r")\s*$",
            re.IGNORECASE,
        )
        sport = modality.get("sport", {})
        self._sport_cues = [
            re.compile(rf"\b(?:{p})\b", re.IGNORECASE) for p in sport.get("cues", [])
        ]
        self._sport_senses = re.compile(
            "|".join(f"(?:{p})" for p in sport.get("senses", [])) or r"(?!)", re.IGNORECASE
        )

    def has_trigger(self, text: str) -> bool:
        """True when ``text`` holds any trigger (the prefilter).

        Most news is not about violence, so a word-set test runs first: a match must start
        with one of the lexicon's first words (or word pairs), and set lookups cost a fraction
        of the regex. Pairs are only formed after a word that starts one.
        """
        tokens = words_of(text)
        heads = self._heads.intersection(tokens)
        if not heads:
            return False
        if self._single_words.isdisjoint(heads) and not any(
            f"{a} {b}" in self._word_pairs for a, b in pairwise(tokens) if a in heads
        ):
            return False
        return self._pattern.search(text) is not None

    def find(self, text: str, offset: int = 0) -> list[Trigger]:
        """Every trigger in ``text`` (a sentence starting at ``offset`` in the article).

        The matches of ``finditer``, found faster: the alternation of every pattern is only
        tried where a word that starts one of them starts, not at every character.
        """
        found = []
        protest_end: int | None = None
        for m in self._matches(text):
            group = m.lastgroup
            if group is None:
                continue
            tactic = self._tactic_of[int(group[1:])]
            if tactic == "protest":
                protest_end = protest_end if protest_end is not None else m.end()
            elif protest_end is not None and self._is_topic(text, protest_end, m.start()):
                continue  # "a rally against the killings": the cause of the protest
            if self._nobody_before.search(text, max(0, m.start() - 40), m.start()):
                continue  # "no one was killed": no violence of that kind
            found.append(Trigger(offset + m.start(), offset + m.end(), m.group(), tactic))
        return found

    def _is_topic(self, text: str, protest_end: int, start: int) -> bool:
        """Whether a trigger after a protest word is what the protest is about: a topic word
        comes between them, in the same clause, close before the trigger."""
        if re.search(r"[;:]", text[protest_end:start]):
            return False
        cues = list(self._protest_topic.finditer(text, max(protest_end, start - 60), start))
        return bool(cues) and not re.search(r"[,;:]", text[cues[-1].end() : start])

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        if not self._match_at_heads:
            yield from self._pattern.finditer(text)
            return
        end = 0
        for word in _WORD.finditer(text):
            if word.start() < end or word.group().lower() not in self._heads:
                continue
            m = self._pattern.match(text, word.start())  # the lookbehind still sees before
            if m is not None:
                end = m.end()
                yield m

    def names_nonviolent_cause(self, text: str) -> bool:
        """The sentence names a death or damage from nature, accident or disease ("floods that
        have killed 16", "when a wall collapsed")."""
        return self._causes.search(text) is not None

    def is_outcome(self, trigger: Trigger) -> bool:
        """The trigger only tells what happened to people or things (killed, wounded,
        destroyed), not how: any cause, violent or not, may have done it."""
        return self._outcome.fullmatch(trigger.text) is not None

    def is_negated(self, text: str) -> bool:
        """The sentence denies that violence happened ("no one was killed")."""
        return self._negation.search(text) is not None

    def is_hypothetical(self, clause: str) -> bool:
        """The clause is a threat, plan, possibility or future."""
        return self._hypothetical.search(clause) is not None

    def is_background(self, text: str) -> bool:
        """The sentence is history or aggregate statistics, not a dated event."""
        return self._background.search(text) is not None

    def is_sport(self, text: str) -> bool:
        """The article is about sport: it uses two or more of its words ("qualifier", "scored")."""
        hits = (cue for cue in self._sport_cues if cue.search(text))
        return next(islice(hits, _SPORT_CUES - 1, None), None) is not None

    def has_sport_sense(self, trigger: Trigger) -> bool:
        """The trigger also names play ("their attack", "a strike from 20 metres")."""
        return self._sport_senses.fullmatch(trigger.text) is not None

    def is_ongoing(self, text: str) -> bool:
        """The sentence tells of a war going on since a date ("fighting has been ongoing since
        May 10"): background whatever date it gives."""
        return self._ongoing.search(text) is not None


_WORD = re.compile(r"\w+")
# one sport word may be chance ("a coach carrying passengers"); two make a sports story
_SPORT_CUES = 2
_SEP = re.compile(r"[’'\-\s]+")
_META = re.compile(r"[\\()\[\]?*+{}|.^$ '’-]")


def data_patterns(data: dict[str, dict[str, list[str]]]) -> list[str]:
    """Every pattern of a triggers.yaml mapping."""
    return [p for patterns in data["tactics"].values() for p in patterns]


def first_words(pattern: str, words: int = 2) -> set[str] | None:
    """The first ``words`` words a pattern's matches start with, or None if not finite.

    Handles the regex subset the lexicons use: literals, ``(?:a|b)``, ``?``, ``[sz]`` and
    lookarounds (ignored). Apostrophes and hyphens separate words, as in :func:`words_of`.
    "set (?:ablaze|on fire)" → {"set ablaze", "set on"}; "kill(?:s|ed)?" → {"kill", "kills", "killed"}.
    """
    try:
        found = _expand(pattern, 0, len(pattern), words)
    except ValueError:
        return first_words(pattern, words - 1) if words > 1 else None
    units = {" ".join(_SEP.sub(" ", w.lower()).split()[:words]) for w in found}
    return {u for u in units if u}


def words_of(text: str) -> list[str]:
    """The words of a text in order, as :func:`first_words` spells them."""
    return _WORD.findall(_SEP.sub(" ", text.lower()))


def _expand(p: str, i: int, end: int, words: int) -> set[str]:
    """Strings ``p[i:end]`` can match, each cut after ``words`` words."""
    out, done = {""}, set()
    while i < end and out:
        c = p[i]
        if c == "(":
            close = _closing(p, i)
            if p.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?-i"), i):
                i = close + 1
                continue
            start = i + 3 if p.startswith("(?:", i) else i + 1
            piece: set[str] = set()
            for a, b in _alternatives(p, start, close):
                piece |= _expand(p, a, b, words)
            i = close + 1
        elif c == "[":
            close = p.index("]", i)
            piece, i = set(p[i + 1 : close]), close + 1
        elif c == "\\":
            if p[i + 1] == "s":
                piece = {" "}
                if p[i + 2 : i + 3] == "+":
                    i += 1  # "\s+" is one space for listing words
            elif p[i + 1] in "-'.’":
                piece = {p[i + 1]}
            else:
                raise ValueError(pattern_error(p))
            i += 2
        elif c in "*+{|.^$":
            raise ValueError(pattern_error(p))
        else:
            piece, i = {c}, i + 1
        if i < end and p[i] == "?":
            piece = piece | {""}
            i += 1
        grown = {w + x for w in out for x in piece}
        done |= {w for w in grown if len(_SEP.sub(" ", w).split(" ")) > words}
        out = {w for w in grown if len(_SEP.sub(" ", w).split(" ")) <= words}
    return out | done


def _starts_with_word(pattern: str) -> bool:
    """Every match of ``pattern`` starts with a word character (as far as :func:`_expand` can
    tell; False when it cannot)."""
    try:
        starts = _expand(pattern, 0, len(pattern), 1)
    except ValueError:
        return False
    return all(_WORD.match(start) for start in starts)


def pattern_error(p: str) -> str:
    return f"cannot list the first words of {p!r}"


def _closing(p: str, i: int) -> int:
    depth = 0
    for k in range(i, len(p)):
        if p[k] == "\\":
            continue
        if p[k] == "(" and (k == 0 or p[k - 1] != "\\"):
            depth += 1
        elif p[k] == ")" and p[k - 1] != "\\":
            depth -= 1
            if depth == 0:
                return k
    raise ValueError(pattern_error(p))


def _alternatives(p: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, depth, a = [], 0, start
    for k in range(start, end):
        if p[k] == "(":
            depth += 1
        elif p[k] == ")":
            depth -= 1
        elif p[k] == "|" and depth == 0:
            parts.append((a, k))
            a = k + 1
    parts.append((a, end))
    return parts


@cache
def trigger_finder(language: str) -> TriggerFinder:
    """The (cached) finder for a language."""
    return TriggerFinder(language)
