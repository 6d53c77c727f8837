"""Actor mentions: named actors from the dictionary and generic nouns ("gunmen", "l'armée").

Named actors come from ``data/actors.jsonl`` (aliases in English and French); generic nouns
from ``data/actors_generic.yaml``, whose roles become ACLED names once the event's country is
known ("Unidentified Armed Group (Niger)", "Military Forces of Mali", DESIGN.md §3 Actors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from strife.code.actor_lexicon import load_aliases
from strife.resources import load_yaml


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a sentence. ``name`` is canonical for named actors, None for roles."""

    start: int
    end: int
    text: str
    role: str  # "named" or a generic role: military, police, civilians, unidentified_armed_group…
    name: str | None
    inter: int
    countries: tuple[str, ...]

    @property
    def is_state(self) -> bool:
        """State forces (Inter 1)."""
        return self.inter == 1

    @property
    def is_armed_non_state(self) -> bool:
        """Rebels, militias and external forces: the usual perpetrators."""
        return self.inter in (2, 3, 4, 8)


class ActorFinder:
    """Finds named and generic actor mentions in sentences of one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        aliases = load_aliases(language)
        self._named: dict[str, tuple[str, int, tuple[str, ...]]] = {}
        exact: dict[str, tuple[str, int, tuple[str, ...]]] = {}
        patterns = []
        for alias in aliases:
            value = (alias.actor.name, alias.actor.inter, alias.actor.countries)
            if alias.alias.isupper() and len(alias.alias) <= 6:
                exact[alias.alias] = value  # acronyms: case-sensitive ("FAN" is not "fan")
            else:
                self._named[alias.alias.lower().replace("’", "'")] = value
            patterns.append(re.escape(alias.alias.replace("’", "'")))
        self._exact = exact
        self._named_rx = re.compile(
            r"(?<![\w-])(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + r")(?![\w-])",
            re.IGNORECASE,
        )
        generic = load_yaml("actors_generic.yaml")
        self.roles: dict[str, dict[str, object]] = generic["roles"]
        words: dict[str, str] = {}
        for role, items in generic[language].items():
            for w in items:
                words[str(w).lower()] = role
        self._generic = words
        self._generic_rx = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")(?![\w-])",
            re.IGNORECASE,
        )

    def find(self, text: str, offset: int) -> list[ActorMention]:
        """Actor mentions in ``text`` (a sentence at ``offset``), named ones first on overlap."""
        norm = text.replace("’", "'")
        found: list[ActorMention] = []
        taken: list[tuple[int, int]] = []
        for m in self._named_rx.finditer(norm):
            surface = m.group()
            value = self._exact.get(surface) or self._named.get(surface.lower())
            if value is None:
                continue  # an acronym in the wrong case
            name, inter, countries = value
            found.append(
                ActorMention(
                    offset + m.start(),
                    offset + m.end(),
                    text[m.start() : m.end()],
                    "named",
                    name,
                    inter,
                    countries,
                )
            )
            taken.append((m.start(), m.end()))
        for m in self._generic_rx.finditer(norm):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            role = self._generic[m.group().lower()]
            inter = int(self.roles[role]["inter"])  # type: ignore[call-overload]
            found.append(
                ActorMention(
                    offset + m.start(),
                    offset + m.end(),
                    text[m.start() : m.end()],
                    role,
                    None,
                    inter,
                    (),
                )
            )
        found.sort(key=lambda a: a.start)
        return found

    def role_name(self, role: str, country: str | None) -> tuple[str, int]:
        """The ACLED name and Inter code of a generic role in a country."""
        spec = self.roles[role]
        template = str(spec["name"])
        return template.format(country=country or "International"), int(spec["inter"])  # type: ignore[call-overload]


@cache
def actor_finder(language: str) -> ActorFinder:
    """The (cached) finder for a language."""
    return ActorFinder(language)
