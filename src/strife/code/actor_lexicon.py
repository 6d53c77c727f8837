"""The actor dictionary and the generic-noun lexicon, read from packaged data and validated.

Two reviewed data files hold what Strife knows about actors (DESIGN.md §3 Actors,
research/anchors.md §1.4-1.5, §1.11):

- ``data/actors.jsonl``: one named actor a line, with its ACLED-style canonical name (no year
  suffix), Inter code (1-8), kind, countries (ISO 3166-1 alpha-2) and surface forms in English
  and French news ("JNIM", "GSIM", "Groupe de soutien à l'islam et aux musulmans"; "FAMa",
  "Malian army", "armée malienne").
- ``data/actors_generic.yaml``: the words used when no actor is named ("gunmen", "hommes armés",
  "villageois"), by role, with the ACLED name template of each role ("Unidentified Armed Group
  ({country})"); the words that say who died (``victims``); and the franchise names ("Islamic
  State", "al-Qaeda") whose meaning depends on the country.

An alias may be shared by several actors only when their countries do not overlap ("SNA" is the
Somali National Army in Somalia and the Syrian National Army in Syria); the first actor in the
file is the default. :func:`load_aliases` lists every surface form once, with its default actor;
:func:`resolve_alias` uses the event's country to pick among the others.

>>> actor_by_name("JNIM: Group for Support of Islam and Muslims").inter
2
>>> state_forces("Mali").name
'Military Forces of Mali'
>>> resolve_alias("SNA", "en", country="SY").name
'SNA: Syrian National Army'
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import yaml

from strife.errors import DataError
from strife.resources import parse_yaml

LANGUAGES: Final = ("en", "fr")
KINDS: Final = frozenset(
    {
        "armed_group",
        "state_military",
        "state_police",
        "foreign_force",
        "militia",
        "un_mission",
        "other",
    }
)
STATE_KINDS: Final = frozenset({"state_military", "state_police"})
STATE_ROLES: Final = {"military": "state_military", "police": "state_police"}

_REQUIRED: Final = ("name", "inter", "kind", "countries", "source")
_OPTIONAL: Final = (
    "aliases_en",
    "aliases_fr",
    "parent",
    "acled_country",
    "state_role",
    "former_names",
    "note",
)
_ISO2 = re.compile(r"[A-Z]{2}")
# ACLED's regime years: "(2021-)", "(2013-2020)", "(2017–)"; Strife names carry none.
_YEAR_SUFFIX = re.compile(r"\s*\(\d{4}\s*[-–]\s*(?:\d{4})?\)")
_PLACEHOLDER = re.compile(r"{([^{}]*)}")
# ACLED writes "the" before these in state forces' names ("Military Forces of the Central African
# Republic"): for names synthesised here and for the generic roles of code/actors.py.
WITH_THE: Final = frozenset(
    {
        "Bahamas",
        "Central African Republic",
        "Czech Republic",
        "Democratic Republic of Congo",
        "Dominican Republic",
        "Marshall Islands",
        "Netherlands",
        "Philippines",
        "Republic of Congo",
        "Solomon Islands",
        "United Arab Emirates",
        "United Kingdom",
        "United States",
    }
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A named actor: ACLED-style canonical name, Inter code, kind and countries (ISO2).

    ``inter`` is the code at home; :meth:`inter_in` gives the code for an event in a given
    country (state forces abroad are External/Other forces, Inter 8).
    """

    name: str
    inter: int
    kind: str
    countries: tuple[str, ...]
    parent: str | None = None
    #: (name, until): ACLED's name for the actor's events before ``until`` ("Islamic State
    #: (Greater Sahara)" before the group became Islamic State Sahel Province), oldest first
    former_names: tuple[tuple[str, date], ...] = ()

    def name_on(self, when: date | None) -> str:
        """ACLED's name for the actor's events on ``when`` (the current name when unknown)."""
        if when is not None:
            for name, until in self.former_names:
                if when < until:
                    return name
        return self.name

    @property
    def is_state(self) -> bool:
        """Military or police of a state (or of a de facto authority)."""
        return self.kind in STATE_KINDS

    def inter_in(self, country: str | None) -> int:
        """The Inter code for an event in ``country`` (ISO2 or ACLED name; None: unknown).

        ACLED codes state forces operating outside their own country as External/Other forces
        (research/anchors.md §1.4): French forces in Mali are Inter 8.

        >>> state_forces("France").inter_in("ML")
        8
        """
        if self.inter != 1 or not self.is_state or country is None or not self.countries:
            return self.inter
        iso = country_code(country)
        if iso is None or iso in self.countries:
            return self.inter
        return 8


@dataclass(frozen=True, slots=True)
class ActorAlias:
    """A surface form of an actor in news text. ``language`` None: the form serves both."""

    alias: str
    actor: Actor
    language: str | None

    @property
    def case_sensitive(self) -> bool:
        """True for acronyms ("FAMa", "ISWAP", "M23"): "fan" is not "FAN"."""
        return _is_acronym(self.alias)


@dataclass(frozen=True, slots=True)
class Role:
    """A generic role ("military", "civilians") and its ACLED name template."""

    key: str
    template: str
    inter: int
    kind: str

    def name_for(self, country: str | None) -> str:
        """The ACLED name in ``country`` (an ACLED country name; None gives "International")."""
        return self.template.format(country=country or "International")


@dataclass(frozen=True, slots=True)
class Franchise:
    """A name shared by a movement's branches ("Islamic State"), resolved by country."""

    key: str
    words: Mapping[str, tuple[str, ...]]
    by_country: Mapping[str, str]
    default: str

    def actor_name(self, country: str | None) -> str:
        """The branch active in ``country`` (ISO2 or ACLED name), else the default actor."""
        iso = country_code(country) if country else None
        return self.by_country.get(iso or "", self.default)


@dataclass(frozen=True, slots=True)
class GenericLexicon:
    """Roles, their words per language, the words that say who died, and franchise names.

    ``words[language][role]`` and ``victims[language][group]`` are the word lists as written;
    the lookups below are accent-sensitive and case-insensitive.
    """

    roles: Mapping[str, Role]
    words: Mapping[str, Mapping[str, tuple[str, ...]]]
    victims: Mapping[str, Mapping[str, tuple[str, ...]]]
    franchises: Mapping[str, Franchise]
    _roles_of: Mapping[str, Mapping[str, str]] = field(repr=False, compare=False)
    _victims_of: Mapping[str, Mapping[str, str]] = field(repr=False, compare=False)
    _franchise_of: Mapping[str, Mapping[str, str]] = field(repr=False, compare=False)

    def role_of(self, word: str, language: str) -> str | None:
        """The role a generic word names ("gunmen" → "unidentified_armed_group"), or None."""
        return self._roles_of[_check_language(language)].get(_key(word))

    def victim_group(self, word: str, language: str) -> str | None:
        """The group a casualty word names ("soldats" → "soldiers"), or None."""
        return self._victims_of[_check_language(language)].get(_key(word))

    def franchise_of(self, word: str, language: str) -> Franchise | None:
        """The franchise a name belongs to ("Daech" → the islamic_state franchise), or None."""
        key = self._franchise_of[_check_language(language)].get(_key(word))
        return None if key is None else self.franchises[key]

    def role_actor(self, role: str, country: str | None) -> Actor:
        """The actor a role stands for in ``country`` (ACLED name), e.g. Civilians (Niger)."""
        spec = self.roles[role]
        if spec.key in STATE_ROLES and country:
            return state_forces(country, spec.key)
        iso = country_code(country) if country else None
        return Actor(spec.name_for(country), spec.inter, spec.kind, (iso,) if iso else ())


@dataclass(frozen=True, slots=True)
class _Entry:
    """One validated line of actors.jsonl."""

    line: int
    actor: Actor
    aliases_en: tuple[str, ...]
    aliases_fr: tuple[str, ...]
    acled_country: str | None
    state_role: str | None


@dataclass(frozen=True, slots=True)
class _Dictionary:
    """The parsed actor file with its indexes."""

    entries: tuple[_Entry, ...]
    by_name: Mapping[str, Actor]
    # normalised alias -> [(surface form, actor)] in file order, per language
    candidates: Mapping[str, Mapping[str, tuple[tuple[str, Actor], ...]]]
    state_index: Mapping[tuple[str, str], Actor]


# ---- actors.jsonl ----------------------------------------------------------------------------


def load_actors(path: str | Path | None = None, *, text: str | None = None) -> tuple[Actor, ...]:
    """Every actor of the dictionary, in file order.

    path (str | Path | None): another actors file; None reads the packaged ``data/actors.jsonl``
        (cached).
    text (str | None): the file's content, for tests and user dictionaries held in memory.
    RETURNS (tuple[Actor, ...]): the actors. Raises DataError naming the line of a bad entry
        (bad JSON, missing or unknown key, Inter not 1-8, unknown kind, duplicate name,
        an alias shared by actors of the same country...).
    """
    return tuple(e.actor for e in _dictionary(path, text).entries)


def load_aliases(
    language: str, *, path: str | Path | None = None, text: str | None = None
) -> tuple[ActorAlias, ...]:
    """The surface forms usable in ``language`` ("en" or "fr"), longest first.

    Forms listed for both languages have ``language`` None. Each form appears once, with its
    default actor (the first in the file); :func:`resolve_alias` picks by country among actors
    sharing a form.
    """
    if path is None and text is None:
        return _packaged_aliases(_check_language(language))
    return _aliases(_dictionary(path, text), _check_language(language))


def actor_by_name(name: str) -> Actor | None:
    """The packaged actor with this canonical name; ACLED year suffixes are ignored.

    >>> actor_by_name("Military Forces of Mali (2021-)").name
    'Military Forces of Mali'
    """
    by_name = _packaged().by_name
    return by_name.get(name) or by_name.get(strip_year_suffix(name))


def state_forces(country: str, role: str = "military") -> Actor:
    """The military (or police) of ``country``: an ACLED country name or an ISO2 code.

    Countries missing from the dictionary get a synthesised "Military Forces of <Country>"
    (Inter 1). Competing or de facto authorities have one default entry per role: Libya's
    Government of National Unity, Yemen's Presidential Leadership Council, Afghanistan's Taliban.

    >>> state_forces("BF", "police").name
    'Police Forces of Burkina Faso'
    >>> state_forces("Iceland").name
    'Military Forces of Iceland'
    """
    if role not in STATE_ROLES:
        raise ValueError(f"role must be 'military' or 'police', not {role!r}")
    country = country.strip()
    iso = country_code(country)
    index = _packaged().state_index
    found = index.get((role, country)) or (index.get((role, iso)) if iso else None)
    if found is not None:
        return found
    name = _country_names().get(country, country) if _ISO2.fullmatch(country) else country
    the = "the " if name in WITH_THE else ""
    label = "Military" if role == "military" else "Police"
    return Actor(f"{label} Forces of {the}{name}", 1, STATE_ROLES[role], (iso,) if iso else ())


def resolve_alias(text: str, language: str, country: str | None = None) -> Actor | None:
    """The actor a surface form names, using the event's country when the form is shared.

    text (str): the words as found ("GSIM", "al-Shabaab", "Islamic State").
    language (str): "en" or "fr".
    country (str | None): the event's country, ISO2 or ACLED name.
    RETURNS (Actor | None): the actor of that country among those sharing the form, else the
        default one; franchise names ("Islamic State", "al-Qaeda") resolve to the country's
        branch (actors_generic.yaml); None when the words name no actor. Acronyms must match
        case ("FAN", not "fan").

    >>> resolve_alias("al-Shabaab", "en", country="MZ").name
    'Islamic State Mozambique Province'
    >>> resolve_alias("Islamic State", "en", country="NG").name
    'Islamic State West Africa Province'
    """
    language = _check_language(language)
    dictionary = _packaged()
    norm = _normalise(text.strip())
    found = [
        actor
        for surface, actor in dictionary.candidates[language].get(_key(norm), ())
        if not _is_acronym(surface) or surface == norm
    ]
    if not found:
        franchise = load_generic().franchise_of(norm, language)
        return None if franchise is None else dictionary.by_name[franchise.actor_name(country)]
    iso = country_code(country) if country else None
    if iso is not None:
        for actor in found:
            if iso in actor.countries:
                return actor
    return found[0]


def alias_actors(text: str, language: str) -> tuple[Actor, ...]:
    """Every actor a surface form names, the default first ("NAF": Nigeria's air force, then
    Donbas's separatist forces); empty when the form is no alias."""
    norm = _normalise(text.strip())
    return tuple(
        actor
        for surface, actor in _packaged().candidates[_check_language(language)].get(_key(norm), ())
        if not _is_acronym(surface) or surface == norm
    )


def franchise_words(language: str) -> dict[str, Actor]:
    """The franchise names of a language ("Islamic State", "al-Qaeda") with their default actor;
    :func:`resolve_alias` gives the branch of an event's country."""
    lexicon = load_generic()
    by_name = _packaged().by_name
    return {
        word: by_name[f.default]
        for f in lexicon.franchises.values()
        for word in f.words[_check_language(language)]
    }


def strip_year_suffix(name: str) -> str:
    """An ACLED actor name without its regime years: "Military Forces of Mali (2021-)" → "... Mali".

    Also works on suffixes inside the name: "Military Forces of Yemen (2017-) Houthi" → "Military
    Forces of Yemen Houthi".
    """
    return " ".join(_YEAR_SUFFIX.sub(" ", name).split())


def country_code(country: str) -> str | None:
    """ISO2 code of an ISO2 code or ACLED country name ("Ivory Coast" → "CI"), or None."""
    country = country.strip()
    if _ISO2.fullmatch(country):
        return country
    return _country_codes().get(country.casefold())


@cache
def _packaged() -> _Dictionary:
    resource = files("strife").joinpath("data", "actors.jsonl")
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError("packaged data file data/actors.jsonl is missing") from exc
    return _parse_actors(text, "data/actors.jsonl")


@cache
def _packaged_aliases(language: str) -> tuple[ActorAlias, ...]:
    return _aliases(_packaged(), language)


def _dictionary(path: str | Path | None, text: str | None) -> _Dictionary:
    if text is not None:
        return _parse_actors(text, str(path) if path is not None else "<actors text>")
    if path is not None:
        try:
            content = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise DataError(f"cannot read actor dictionary {path}: {exc.strerror or exc}") from exc
        return _parse_actors(content, str(path))
    return _packaged()


def _parse_actors(text: str, origin: str) -> _Dictionary:
    entries: list[_Entry] = []
    lines_of: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        entry = _parse_line(raw, f"{origin} line {number}", number)
        name = entry.actor.name
        if name in lines_of:
            raise DataError(
                f"{origin} line {number}: duplicate actor name {name!r} "
                f"(first on line {lines_of[name]})"
            )
        lines_of[name] = number
        entries.append(entry)
    if not entries:
        raise DataError(f"{origin} holds no actors")
    for entry in entries:
        parent = entry.actor.parent
        if parent is not None and (parent not in lines_of or parent == entry.actor.name):
            raise DataError(
                f"{origin} line {entry.line}: parent {parent!r} is not another actor of the file"
            )
    return _Dictionary(
        entries=tuple(entries),
        by_name=MappingProxyType({e.actor.name: e.actor for e in entries}),
        candidates=MappingProxyType(
            {lang: _alias_index(entries, lang, origin) for lang in LANGUAGES}
        ),
        state_index=_state_index(entries, origin),
    )


def _parse_line(raw: str, where: str, number: int) -> _Entry:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise DataError(f"{where}: expected a JSON object, got {type(record).__name__}")
    missing = [k for k in _REQUIRED if k not in record]
    if missing:
        raise DataError(f"{where}: missing key(s) {', '.join(missing)}")
    unknown = sorted(set(record) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise DataError(
            f"{where}: unknown key(s) {', '.join(unknown)} "
            f"(allowed: {', '.join(_REQUIRED + _OPTIONAL)})"
        )
    name = _text_field(record, "name", where)
    if strip_year_suffix(name) != name:
        raise DataError(
            f"{where}: name {name!r} carries an ACLED year suffix; "
            f"write {strip_year_suffix(name)!r}"
        )
    inter = record["inter"]
    if isinstance(inter, bool) or not isinstance(inter, int) or not 1 <= inter <= 8:
        raise DataError(f"{where}: inter must be an integer from 1 to 8, not {inter!r}")
    kind = record["kind"]
    if kind not in KINDS:
        raise DataError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    countries = record["countries"]
    if (
        not isinstance(countries, list)
        or not countries
        or not all(isinstance(c, str) and _ISO2.fullmatch(c) for c in countries)
    ):
        raise DataError(
            f'{where}: countries must be a non-empty list of ISO2 codes such as "ML", '
            f"not {countries!r}"
        )
    if len(set(countries)) != len(countries):
        raise DataError(f"{where}: countries lists a code twice")
    _text_field(record, "source", where)
    if "note" in record:
        _text_field(record, "note", where)
    parent = _text_field(record, "parent", where) if "parent" in record else None
    acled_country = (
        _text_field(record, "acled_country", where) if "acled_country" in record else None
    )
    state_role = record.get("state_role")
    if (acled_country is None) != (state_role is None):
        raise DataError(f"{where}: acled_country and state_role go together")
    if state_role is not None and STATE_ROLES.get(state_role) != kind:
        raise DataError(f"{where}: state_role {state_role!r} does not fit kind {kind!r}")
    return _Entry(
        line=number,
        actor=Actor(name, inter, kind, tuple(countries), parent, _former_names(record, where)),
        aliases_en=_alias_list(record, "aliases_en", where),
        aliases_fr=_alias_list(record, "aliases_fr", where),
        acled_country=acled_country,
        state_role=state_role,
    )


def _former_names(record: Mapping[str, Any], where: str) -> tuple[tuple[str, date], ...]:
    raw = record.get("former_names", [])
    out: list[tuple[str, date]] = []
    for item in raw if isinstance(raw, list) else [raw]:
        try:
            out.append((str(item["name"]), date.fromisoformat(str(item["until"]))))
        except (TypeError, KeyError, ValueError):
            raise DataError(
                f'{where}: former_names holds {{"name": ..., "until": "YYYY-MM-DD"}} objects, '
                f"not {item!r}"
            ) from None
    return tuple(sorted(out, key=lambda x: x[1]))


def _text_field(record: Mapping[str, Any], key: str, where: str) -> str:
    value = record[key]
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise DataError(
            f"{where}: {key} must be a non-empty string without surrounding spaces, not {value!r}"
        )
    return value


def _alias_list(record: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = record.get(key, [])
    if not isinstance(values, list):
        raise DataError(f"{where}: {key} must be a list of strings")
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise DataError(f"{where}: {key} holds an empty or padded alias {value!r}")
        norm = _normalise(value)
        if _key(norm) in seen:
            raise DataError(f"{where}: {key} lists {value!r} twice")
        seen.add(_key(norm))
        out.append(norm)
    return tuple(out)


def _alias_index(
    entries: Iterable[_Entry], language: str, origin: str
) -> Mapping[str, tuple[tuple[str, Actor], ...]]:
    """Normalised alias -> its (surface, actor) pairs in file order.

    A form shared by several actors needs actors of disjoint countries.
    """
    index: dict[str, list[tuple[str, Actor, int]]] = {}
    for entry in entries:
        forms = entry.aliases_en if language == "en" else entry.aliases_fr
        for surface in forms:
            pairs = index.setdefault(_key(surface), [])
            if any(actor is entry.actor for _, actor, _ in pairs):
                continue
            for _, other, line in pairs:
                shared = set(other.countries) & set(entry.actor.countries)
                if shared:
                    raise DataError(
                        f"{origin} line {entry.line}: alias {surface!r} also names "
                        f"{other.name!r} (line {line}) in {', '.join(sorted(shared))}; "
                        "a shared alias needs actors of different countries"
                    )
            pairs.append((surface, entry.actor, entry.line))
    return MappingProxyType({k: tuple((s, a) for s, a, _ in v) for k, v in index.items()})


def _state_index(entries: Iterable[_Entry], origin: str) -> Mapping[tuple[str, str], Actor]:
    """(role, ACLED country name or ISO2) -> the default state actor."""
    index: dict[tuple[str, str], Actor] = {}
    for entry in entries:
        if entry.acled_country is None or entry.state_role is None:
            continue
        key = (entry.state_role, entry.acled_country)
        if key in index:
            raise DataError(
                f"{origin} line {entry.line}: a second {entry.state_role} for {entry.acled_country}"
            )
        index[key] = entry.actor
        if len(entry.actor.countries) == 1:
            index[(entry.state_role, entry.actor.countries[0])] = entry.actor
    return MappingProxyType(index)


def _aliases(dictionary: _Dictionary, language: str) -> tuple[ActorAlias, ...]:
    other = "fr" if language == "en" else "en"
    out: list[ActorAlias] = []
    for pairs in dictionary.candidates[language].values():
        surface, actor = pairs[0]
        both = any(a is actor for _, a in dictionary.candidates[other].get(_key(surface), ()))
        out.append(ActorAlias(surface, actor, None if both else language))
    out.sort(key=lambda a: (-len(a.alias), a.alias.casefold(), a.alias))
    return tuple(out)


# ---- actors_generic.yaml ---------------------------------------------------------------------


def load_generic(path: str | Path | None = None, *, text: str | None = None) -> GenericLexicon:
    """The generic-noun lexicon: roles, words per language, victim words, franchise names.

    path / text: another lexicon file or its content (tests); None reads the packaged
        ``data/actors_generic.yaml`` (cached). Franchise targets are checked against the
        packaged actor dictionary.
    RETURNS (GenericLexicon): the validated lexicon. Raises DataError naming the key at fault.
    """
    if text is not None:
        return _parse_generic(text, str(path) if path is not None else "<generic lexicon text>")
    if path is None:
        return _packaged_generic()
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read generic lexicon {path}: {exc.strerror or exc}") from exc
    return _parse_generic(content, str(path))


@cache
def _packaged_generic() -> GenericLexicon:
    resource = files("strife").joinpath("data", "actors_generic.yaml")
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError("packaged data file data/actors_generic.yaml is missing") from exc
    return _parse_generic(text, "data/actors_generic.yaml")


def _parse_generic(text: str, origin: str) -> GenericLexicon:
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise DataError(f"{origin} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{origin} must hold a mapping at the top level")
    expected = {"roles", "victims", "franchises", *LANGUAGES}
    if set(data) != expected:
        raise DataError(
            f"{origin}: top-level keys must be {', '.join(sorted(expected))}, "
            f"not {', '.join(sorted(map(str, data)))}"
        )
    roles = _parse_roles(data["roles"], origin)
    words = {
        lang: _word_lists(data[lang], f"{origin}: {lang}", allowed=roles) for lang in LANGUAGES
    }
    victims_raw = data["victims"]
    if not isinstance(victims_raw, dict) or set(victims_raw) != set(LANGUAGES):
        raise DataError(f"{origin}: victims must map each of {', '.join(LANGUAGES)} to its groups")
    victims = {
        lang: _word_lists(victims_raw[lang], f"{origin}: victims.{lang}", allowed=None)
        for lang in LANGUAGES
    }
    franchises = _parse_franchises(data["franchises"], origin)
    franchise_words = {
        lang: {f.key: f.words[lang] for f in franchises.values()} for lang in LANGUAGES
    }
    return GenericLexicon(
        roles=MappingProxyType(roles),
        words=MappingProxyType({k: MappingProxyType(v) for k, v in words.items()}),
        victims=MappingProxyType({k: MappingProxyType(v) for k, v in victims.items()}),
        franchises=MappingProxyType(franchises),
        _roles_of=_index(words),
        _victims_of=_index(victims),
        _franchise_of=_index(franchise_words),
    )


def _parse_roles(raw: Any, origin: str) -> dict[str, Role]:
    if not isinstance(raw, dict) or not raw:
        raise DataError(f"{origin}: roles must be a non-empty mapping")
    roles: dict[str, Role] = {}
    for key, spec in raw.items():
        where = f"{origin}: roles.{key}"
        if (
            not isinstance(spec, dict)
            or set(spec) - {"name", "inter", "kind"}
            or not {"name", "inter"} <= set(spec)
        ):
            raise DataError(f"{where} must have name and inter (and optionally kind)")
        template, inter, kind = spec["name"], spec["inter"], spec.get("kind", "other")
        if not isinstance(template, str) or set(_PLACEHOLDER.findall(template)) - {"country"}:
            raise DataError(f"{where}: name must be a string whose only placeholder is {{country}}")
        if isinstance(inter, bool) or not isinstance(inter, int) or not 1 <= inter <= 8:
            raise DataError(f"{where}: inter must be an integer from 1 to 8, not {inter!r}")
        if kind not in KINDS:
            raise DataError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        roles[str(key)] = Role(str(key), template, inter, kind)
    return roles


def _word_lists(
    raw: Any, where: str, *, allowed: Mapping[str, Role] | None
) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict) or not raw:
        raise DataError(f"{where} must map names to word lists")
    owner: dict[str, str] = {}
    out: dict[str, tuple[str, ...]] = {}
    for group, items in raw.items():
        if allowed is not None and group not in allowed:
            raise DataError(f"{where}.{group}: no such role in roles")
        if not isinstance(items, list) or not items:
            raise DataError(f"{where}.{group} must be a non-empty list of words")
        words: list[str] = []
        for item in items:
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                raise DataError(
                    f"{where}.{group}: {item!r} is not a word "
                    "(YAML may have read it as a number or boolean)"
                )
            norm = _normalise(item)
            if _key(norm) in owner:
                raise DataError(
                    f"{where}.{group}: {item!r} is already listed under {owner[_key(norm)]}"
                )
            owner[_key(norm)] = str(group)
            words.append(norm)
        out[str(group)] = tuple(words)
    return out


def _parse_franchises(raw: Any, origin: str) -> dict[str, Franchise]:
    if not isinstance(raw, dict):
        raise DataError(f"{origin}: franchises must be a mapping")
    dictionary = _packaged()
    seen: dict[str, str] = {}
    out: dict[str, Franchise] = {}
    for key, spec in raw.items():
        where = f"{origin}: franchises.{key}"
        if not isinstance(spec, dict) or set(spec) != {"by_country", "default", *LANGUAGES}:
            raise DataError(f"{where} must have {', '.join(LANGUAGES)}, by_country and default")
        words = {
            lang: _word_lists({lang: spec[lang]}, where, allowed=None)[lang] for lang in LANGUAGES
        }
        for lang, items in words.items():
            for word in items:
                k = f"{lang}:{_key(word)}"
                if k in seen:
                    raise DataError(
                        f"{where}.{lang}: {word!r} is already a word of franchises.{seen[k]}"
                    )
                seen[k] = str(key)
                if _key(word) in dictionary.candidates[lang]:
                    raise DataError(
                        f"{where}.{lang}: {word!r} is an alias in the actor dictionary; "
                        "franchise words must not be"
                    )
        by_country = spec["by_country"]
        if not isinstance(by_country, dict) or not all(
            isinstance(c, str) and _ISO2.fullmatch(c) for c in by_country
        ):
            raise DataError(f"{where}.by_country must map ISO2 codes to actor names")
        for name in [*by_country.values(), spec["default"]]:
            if name not in dictionary.by_name:
                raise DataError(f"{where}: {name!r} is not an actor of data/actors.jsonl")
        out[str(key)] = Franchise(
            str(key),
            MappingProxyType(words),
            MappingProxyType(dict(by_country)),
            str(spec["default"]),
        )
    return out


def _index(lists: Mapping[str, Mapping[str, tuple[str, ...]]]) -> Mapping[str, Mapping[str, str]]:
    """language -> normalised word -> the group (role, victim group, franchise) listing it."""
    return MappingProxyType(
        {
            lang: MappingProxyType(
                {_key(w): group for group, words in by_group.items() for w in words}
            )
            for lang, by_group in lists.items()
        }
    )


# ---- helpers ---------------------------------------------------------------------------------


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise DataError(
            f"no actor lexicon for language {language!r} (available: {', '.join(LANGUAGES)})"
        )
    return language


def _normalise(text: str) -> str:
    """NFC with typographic apostrophes made plain, as the finders match them."""
    return unicodedata.normalize("NFC", text).replace("\u2019", "'")


def _key(text: str) -> str:
    return _normalise(text).casefold()


def _is_acronym(alias: str) -> bool:
    if any(ch.isspace() for ch in alias):
        return False
    return alias.isupper() or sum(ch.isupper() for ch in alias) >= 2


def country_name(iso: str) -> str | None:
    """ACLED country name of an ISO2 code ("ML" → "Mali"), or None."""
    return _country_names().get(iso)


@cache
def _country_codes() -> Mapping[str, str]:
    """ACLED country name (casefolded) -> ISO2, from the dictionary and data/countries.yaml."""
    codes: dict[str, str] = {}
    for entry in _packaged().entries:
        if entry.acled_country is not None and len(entry.actor.countries) == 1:
            codes.setdefault(entry.acled_country.casefold(), entry.actor.countries[0])
    for name, iso in _countries_table().items():
        codes.setdefault(name.casefold(), iso)
    return MappingProxyType(codes)


@cache
def _country_names() -> Mapping[str, str]:
    """ISO2 -> ACLED country name."""
    names = {iso: name for name, iso in _countries_table().items()}
    for entry in _packaged().entries:
        if entry.acled_country is not None and len(entry.actor.countries) == 1:
            names[entry.actor.countries[0]] = entry.acled_country
    return MappingProxyType(names)


@cache
def _countries_table() -> Mapping[str, str]:
    """ACLED country name -> ISO2 from the packaged country list (data/countries.yaml)."""
    resource = files("strife").joinpath("data", "countries.yaml")
    if not resource.is_file():
        return MappingProxyType({})
    data = parse_yaml(resource.read_text(encoding="utf-8")) or {}
    table: dict[str, str] = {}
    for row in data.get("countries", []):
        if (
            isinstance(row, dict)
            and isinstance(row.get("name"), str)
            and isinstance(row.get("iso2"), str)
        ):
            table[row["name"]] = row["iso2"]
    return MappingProxyType(table)
