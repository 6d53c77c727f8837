"""Trigger words: the cheap filter every sentence passes before it is coded.

The lexicons are ``data/<lang>/triggers.yaml``; statements that are negated, hypothetical,
future or background (``data/<lang>/modality.yaml``) are marked so the coder can skip them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
        modality = language_yaml(language, "modality")
        self._negation = compile_alternation(modality["negation"], name="negation")
        self._hypothetical = compile_alternation(
            modality["hypothetical"] + modality["future"], name="hypothetical"
        )
        self._background = compile_alternation(modality["background"], name="background")

    def has_trigger(self, text: str) -> bool:
        """True when ``text`` holds any trigger (the prefilter)."""
        return self._pattern.search(text) is not None

    def find(self, text: str, offset: int = 0) -> list[Trigger]:
        """Every trigger in ``text`` (a sentence starting at ``offset`` in the article)."""
        found = []
        for m in self._pattern.finditer(text):
            group = m.lastgroup
            if group is None:
                continue
            tactic = self._tactic_of[int(group[1:])]
            found.append(Trigger(offset + m.start(), offset + m.end(), m.group(), tactic))
        return found

    def is_negated(self, text: str) -> bool:
        """The sentence denies that violence happened ("no one was killed")."""
        return self._negation.search(text) is not None

    def is_hypothetical(self, clause: str) -> bool:
        """The clause is a threat, plan, possibility or future."""
        return self._hypothetical.search(clause) is not None

    def is_background(self, text: str) -> bool:
        """The sentence is history or aggregate statistics, not a dated event."""
        return self._background.search(text) is not None


@cache
def trigger_finder(language: str) -> TriggerFinder:
    """The (cached) finder for a language."""
    return TriggerFinder(language)
