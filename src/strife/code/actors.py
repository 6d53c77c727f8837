"""Actor mentions: named actors from the dictionary and generic nouns ("gunmen", "l'armée").

Named actors come from ``data/actors.jsonl`` (aliases in English and French); generic nouns
from ``data/actors_generic.yaml``, whose roles become ACLED names once the event's country is
known ("Unidentified Armed Group (Niger)", "Military Forces of Mali", DESIGN.md §3 Actors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from strife.code.actor_lexicon import (
    WITH_THE,
    actor_by_name,
    alias_actors,
    country_name,
    franchise_words,
    load_aliases,
    load_generic,
    resolve_alias,
)
from strife.resources import language_yaml, load_yaml


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
    agent: bool = False  # named as the doer of a passive verb: "killed by soldiers"
    target: bool = False  # named as what was attacked: "an ambush targeting GATIA"
    claimed: bool = False  # the article attributes the attack to it ("attributed to JNIM")
    alias: str | None = None  # the name to resolve by country when the text is a description
    community: str | None = None  # "Pokot raiders": the community whose militia it is

    @property
    def is_state(self) -> bool:
        """State forces (Inter 1)."""
        return self.inter == 1

    @property
    def is_armed_non_state(self) -> bool:
        """Rebels, militias and external forces: the usual perpetrators."""
        return self.inter in (2, 3, 4, 8)


# French elision is its own token, so "l'armée malienne" holds the alias "armée malienne"; so is
# the English possessive, so "GATIA's commander" holds "GATIA"
_TOKEN = re.compile(
    r"(?<!\w)(?:[ldjmnstcLDJMNSTC]|[qQ]u)['’](?=[^\W\d_])|[^\W_]+(?:['’\-](?!s\b)[^\W_]+)*|[^\w\s]",
    re.UNICODE,
)
_MAX_WORDS = 12
# what may join two doers of one passive verb: "by soldiers and (mercenaries from) Wagner"
_CO_AGENT = re.compile(r"^\s*(?:,|and|et|&)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


_ALLY_LIST = re.compile(r"^\s*(?:,|and|or|et|ou)\s+(?:the\s+|l['’]|les?\s+|la\s+)?$", re.IGNORECASE)


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in words)


class ActorFinder:
    """Finds named and generic actor mentions in sentences of one language.

    Aliases are looked up as word n-grams in a dictionary (longest first) rather than with one
    regex of thousands of alternatives: this runs on every trigger sentence.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._named: dict[tuple[str, ...], tuple[str, int, tuple[str, ...], bool]] = {}
        for alias in load_aliases(language):
            words = [m.group() for m in _tokens(alias.alias)]
            key = _key(words)
            if key and len(key) <= _MAX_WORDS and key not in self._named:
                # acronyms are case-sensitive: "FAN" is not "fan"
                acronym = alias.alias.isupper() and len(alias.alias) <= 6
                a = alias.actor
                # a name several actors share ("NAF", "VDP") hints at each one's country;
                # localise() picks the actor once the event's country is known
                shared = alias_actors(alias.alias, language)
                countries = tuple(dict.fromkeys(c for x in shared for c in x.countries))
                self._named[key] = (a.name, a.inter, countries or a.countries, acronym)
        # "Islamic State", "al-Qaeda": the branch depends on the country, which the name does
        # not hint at
        for word, actor in franchise_words(language).items():
            key = _key([m.group() for m in _tokens(word)])
            if key and len(key) <= _MAX_WORDS and key not in self._named:
                acronym = word.isupper() and len(word) <= 6
                self._named[key] = (actor.name, actor.inter, (), acronym)
        discourse = language_yaml(language, "discourse")
        self._agent = re.compile(
            rf"\b(?:{'|'.join(discourse['agent'])})\s+(?:the\s+|des\s+|les\s+|l'|d'|de\s+)?"
            rf"(?:(?:{'|'.join(discourse['agent_modifiers'])})\s+)*$",
            re.IGNORECASE,
        )
        self._target_before = re.compile(
            rf"\b(?:{'|'.join(discourse['target_before'])})\s+"
            rf"(?:the\s+|an?\s+|its\s+|des\s+|les\s+|la\s+|le\s+|l'|d'|de\s+|du\s+)?"
            rf"(?:[\w’'-]+\s+)?$",
            re.IGNORECASE,
        )
        self._target_after = re.compile(
            # "GATIA's commander Ag X was killed": the group's member was the one hit
            rf"^(?:['’]s)?(?:\s+[\w’'-]+){{0,4}}?\s+(?:{'|'.join(discourse['target_after'])})\b",
            re.IGNORECASE,
        )
        self._ally_before = re.compile(
            rf"\b(?:{'|'.join(discourse['ally_before'])})\s+"
            rf"(?:the\s+|des\s+|les\s+|la\s+|le\s+|l'|l’|d'|de\s+|du\s+)?$",
            re.IGNORECASE,
        )
        compound = discourse.get("compound_doer") or []
        self._compound = (
            re.compile(rf"^(.+)-(?:{'|'.join(compound)})$", re.IGNORECASE) if compound else None
        )
        self._pro_state = re.compile(
            rf"^\s*,?\s*(?:{'|'.join(discourse['pro_state_after'])})", re.IGNORECASE
        )
        pro_government = load_generic().franchises["pro_government_militia"]
        self._pro_government = (
            pro_government.words[language][0],
            actor_by_name(pro_government.default),
        )
        data = load_yaml("communities.yaml")
        self._community_of = {
            w.casefold(): name for name, spec in data["communities"].items() for w in spec[language]
        }
        self._communities, self._between, self._community_word = _community_patterns(language, data)
        generic = load_yaml("actors_generic.yaml")
        self.roles: dict[str, dict[str, object]] = generic["roles"]
        self._generic: dict[tuple[str, ...], str] = {}
        for role, items in generic[language].items():
            for w in items:
                self._generic.setdefault(_key([m.group() for m in _tokens(str(w))]), role)
        # per first word, the lengths of the names starting with it, longest first: find()
        # tries only these instead of every length at every word
        lengths: dict[str, set[int]] = {}
        for k in [*self._named, *self._generic]:
            if k:
                lengths.setdefault(k[0], set()).add(len(k))
        self._lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    def find(self, text: str, offset: int) -> list[ActorMention]:
        """Actor mentions in ``text`` (a sentence at ``offset``), named ones first on overlap."""
        toks = _tokens(text)
        keys = _key([t.group() for t in toks])
        found: list[ActorMention] = []
        i = 0
        while i < len(toks):
            for n in (n for n in self._lengths.get(keys[i], ()) if n <= len(toks) - i):
                key = keys[i : i + n]
                named = self._named.get(key)
                if named is not None:
                    surface = text[toks[i].start() : toks[i + n - 1].end()]
                    if named[3] and not surface.isupper():
                        continue
                    name, inter, countries, _ = named
                    found.append(
                        ActorMention(
                            offset + toks[i].start(),
                            offset + toks[i + n - 1].end(),
                            surface,
                            "named",
                            name,
                            inter,
                            countries,
                            bool(
                                self._agent.search(
                                    text[max(0, toks[i].start() - 40) : toks[i].start()]
                                )
                            ),
                            self._is_target(text, toks[i].start(), toks[i + n - 1].end()),
                        )
                    )
                    i += n
                    break
                role = self._generic.get(key)
                if role is not None:
                    surface = text[toks[i].start() : toks[i + n - 1].end()]
                    inter = int(self.roles[role]["inter"])  # type: ignore[call-overload]
                    found.append(
                        ActorMention(
                            offset + toks[i].start(),
                            offset + toks[i + n - 1].end(),
                            surface,
                            role,
                            None,
                            inter,
                            (),
                            bool(
                                self._agent.search(
                                    text[max(0, toks[i].start() - 40) : toks[i].start()]
                                )
                            ),
                            self._is_target(text, toks[i].start(), toks[i + n - 1].end()),
                        )
                    )
                    i += n
                    break
            else:
                compound = self._compound.match(toks[i].group()) if self._compound else None
                named = self._named.get(_key([compound.group(1)])) if compound else None
                if named is not None and compound and (compound.group(1).isupper() or not named[3]):
                    # "a Taliban-planted IED", "Houthi-claimed attack": the group did it
                    name, inter, countries, _ = named
                    start = offset + toks[i].start()
                    found.append(
                        ActorMention(
                            start,
                            start + len(compound.group(1)),
                            compound.group(1),
                            "named",
                            name,
                            inter,
                            countries,
                            True,
                        )
                    )
                i += 1
        # "M23, backed by the Rwandan army": an ally, neither the target nor the other side
        found = self._community_militias(text, offset, found)
        word, actor = self._pro_government
        for k, a in enumerate(found):
            after = text[a.end - offset : a.end - offset + 80]
            if a.role == "communal_militia" and actor is not None and self._pro_state.match(after):
                # "militias allied with the junta": the government's own militia
                found[k] = replace(
                    a, role="named", name=actor.name, inter=actor.inter, countries=(), alias=word
                )
        kept: list[ActorMention] = []
        ally: ActorMention | None = None
        for a in found:
            if self._ally_before.search(text[max(0, a.start - offset - 40) : a.start - offset]) or (
                # "jihadists linked to al-Qaeda and the Islamic State": both are the allies
                ally is not None and _ALLY_LIST.match(text[ally.end - offset : a.start - offset])
            ):
                ally = a
            else:
                kept.append(a)
                ally = None
        found = kept
        for k in range(1, len(found)):
            prev, cur = found[k - 1], found[k]
            gap = text[prev.end - offset : cur.start - offset]
            if prev.agent and not cur.agent and _CO_AGENT.match(gap):
                # "killed by the army and mercenaries from the Wagner group": both did it
                found[k] = replace(cur, agent=True, target=False)
        return found

    def _community_militias(
        self, text: str, offset: int, found: list[ActorMention]
    ) -> list[ActorMention]:
        """Armed men named by their community ("Pokot raiders", "des miliciens songhaïs",
        "clashes between Bozo and Bambara"): each community's ethnic militia, unless the
        dictionary names them ("Fulani militiamen")."""
        built: list[ActorMention] = []
        spans: list[tuple[int, int]] = []
        for pattern in (self._communities, self._between):
            for m in pattern.finditer(text):
                lo, hi = offset + m.start(), offset + m.end()
                if any(a.role == "named" and a.start < hi and lo < a.end for a in found):
                    continue
                group = "list" if m.group("list") is not None else "armed"
                names = [
                    (k.start(), k.end(), k.group())
                    for k in self._community_word.finditer(m.group(group))
                ]
                base = m.start(group)
                before = text[max(0, m.start() - 40) : m.start()]
                for k, (a, b, word) in enumerate(names):
                    start = offset + base + a
                    # each community's mention runs to the noun: "Tiv and Jukun militias" are two
                    end = hi if pattern is self._communities else offset + base + b
                    built.append(
                        ActorMention(
                            start,
                            end,
                            text[base + a : end - offset],
                            "named",
                            f"{self._community_of[word.casefold()]} Ethnic Militia",
                            4,
                            (),
                            bool(self._agent.search(before)) and k == 0,
                            self._is_target(text, m.start(), m.end()),
                            community=self._community_of[word.casefold()],
                        )
                    )
                spans.append((lo, hi))
        if not built:
            return found
        kept = [a for a in found if not any(a.start < hi and lo < a.end for lo, hi in spans)]
        return sorted(kept + built, key=lambda a: a.start)

    def _is_target(self, text: str, start: int, end: int) -> bool:
        """Whether the actor is what was attacked: "attack on X", "X posts were attacked"."""
        before = text[max(0, start - 40) : start]
        if self._agent.search(before):
            return False  # "ambushed by JNIM men": the doer
        return bool(
            self._target_before.search(before) or self._target_after.match(text[end : end + 50])
        )

    def localise(self, mention: ActorMention, country: str | None) -> ActorMention:
        """A named mention as the actor it names in the event's country (ISO2): "NAF" in
        Ukraine is the Donbas separatists, "Islamic State" in Nigeria its West Africa Province."""
        if mention.role != "named" or country is None:
            return mention
        if mention.community is not None:
            name = f"{mention.community} Ethnic Militia ({country_name(country) or country})"
            return replace(mention, name=name, countries=(country,))
        actor = resolve_alias(mention.alias or mention.text, self.language, country=country)
        if actor is None or actor.name == mention.name or country not in actor.countries:
            return mention
        return replace(mention, name=actor.name, inter=actor.inter, countries=actor.countries)

    def role_name(self, role: str, country: str | None) -> tuple[str, int]:
        """The ACLED name and Inter code of a generic role in a country."""
        spec = self.roles[role]
        template = str(spec["name"])
        if country in WITH_THE:
            template = template.replace("of {country}", "of the {country}")
        return template.format(country=country or "International"), int(spec["inter"])  # type: ignore[call-overload]


def _community_patterns(
    language: str, data: dict[str, Any]
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns of armed men named by their community (``data/communities.yaml``): a list of
    communities with a noun for armed men, "between X and Y" (the communities are group "list"),
    and one community's name."""
    words = sorted(
        (w for spec in data["communities"].values() for w in spec[language]), key=len, reverse=True
    )
    # English names are capitalised ("Luo", not "luo"); French adjectives are not
    names = "|".join(map(re.escape, words))
    names = names if language == "en" else f"(?i:{names})"
    one = rf"(?<![\w-])(?:{names})(?![\w-])"
    many = rf"{one}(?:\s*(?:,|and|&|et)\s*{one})*"
    nouns = "|".join(map(re.escape, sorted(data["nouns"][language], key=len, reverse=True)))
    if language == "en":
        militia = rf"(?P<list>{many})\s+(?i:{nouns})\b"
    else:
        militia = rf"(?i:\b(?:{nouns}))\s+(?P<list>{many})"
    armed = "|".join(map(re.escape, data["armed_nouns"][language]))
    if armed:
        militia = rf"{militia}|(?i:\barmed)\s+(?P<armed>{many})\s+(?i:{armed})\b"
    between = str(data["between"][language]).format(a=f"(?P<list>{one}", b=f"{one})")
    return re.compile(militia), re.compile(between), re.compile(one)


@cache
def actor_finder(language: str) -> ActorFinder:
    """The (cached) finder for a language."""
    return ActorFinder(language)
