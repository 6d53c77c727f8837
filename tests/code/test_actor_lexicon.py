"""The actor dictionary (data/actors.jsonl) and generic lexicon (data/actors_generic.yaml)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from strife.code.actor_lexicon import (
    KINDS,
    LANGUAGES,
    Actor,
    actor_by_name,
    country_code,
    load_actors,
    load_aliases,
    load_generic,
    resolve_alias,
    state_forces,
    strip_year_suffix,
)
from strife.errors import DataError


def _records() -> list[dict[str, Any]]:
    text = files("strife").joinpath("data", "actors.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _line(**fields: Any) -> str:
    record: dict[str, Any] = {
        "name": "Test Group",
        "inter": 2,
        "kind": "armed_group",
        "countries": ["ML"],
        "aliases_en": ["TG"],
        "aliases_fr": [],
        "source": "test",
    }
    record.update(fields)
    return json.dumps(record)


# ---- the packaged files ----------------------------------------------------------------------


def test_packaged_dictionary_validates_and_is_large() -> None:
    actors = load_actors()
    assert len(actors) > 300
    assert len({a.name for a in actors}) == len(actors)
    states = [a for a in actors if a.is_state]
    countries = {a.countries[0] for a in states if a.kind == "state_military"}
    assert len(countries) >= 60
    assert {a.countries[0] for a in states if a.kind == "state_police"} >= countries - {
        "PS",
        "YE",
        "LY",
        "AF",
    }


def test_every_inter_is_1_to_8_and_fits_the_kind() -> None:
    for actor in load_actors():
        assert 1 <= actor.inter <= 8, actor
        assert actor.kind in KINDS, actor
        if actor.kind in ("state_military", "state_police"):
            assert actor.inter == 1, actor
        if actor.kind in ("un_mission", "foreign_force"):
            assert actor.inter == 8, actor
        if actor.kind == "armed_group":
            assert actor.inter in (2, 3), actor
        if actor.kind == "militia":
            assert actor.inter in (3, 4), actor


def test_names_carry_no_year_suffix_and_countries_are_iso2() -> None:
    for actor in load_actors():
        assert strip_year_suffix(actor.name) == actor.name
        assert actor.countries and all(len(c) == 2 and c.isupper() for c in actor.countries)


def test_every_entry_has_a_source_and_aliases() -> None:
    for record in _records():
        assert record["source"].strip()
        assert record.get("aliases_en") or record.get("aliases_fr"), record["name"]


def test_parents_are_actors() -> None:
    names = {a.name for a in load_actors()}
    for actor in load_actors():
        assert actor.parent is None or actor.parent in names


def test_shared_aliases_are_deliberate() -> None:
    """A form shared by several actors needs disjoint countries and a note saying so."""
    owners: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in _records():
        forms = {
            a.replace("\u2019", "'").casefold()
            for a in record.get("aliases_en", []) + record.get("aliases_fr", [])
        }
        for form in forms:
            owners[form].append(record)
    shared = {form: recs for form, recs in owners.items() if len(recs) > 1}
    assert shared, "the file documents a few shared forms (SNA, ADF, VDP...)"
    for form, recs in shared.items():
        for i, first in enumerate(recs):
            for second in recs[i + 1 :]:
                assert not set(first["countries"]) & set(second["countries"]), form
        notes = " ".join(r.get("note", "") for r in recs).lower()
        assert "shared" in notes or "same aliases" in notes or "shares" in notes, form


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_alias_maps_to_one_actor_longest_first(language: str) -> None:
    aliases = load_aliases(language)
    keys = [a.alias.casefold() for a in aliases]
    assert len(keys) == len(set(keys))
    lengths = [len(a.alias) for a in aliases]
    assert lengths == sorted(lengths, reverse=True)
    assert all(a.language in (None, language) for a in aliases)


def test_aliases_given_in_both_languages_have_no_language() -> None:
    en = {a.alias: a for a in load_aliases("en")}
    assert en["JNIM"].language is None
    assert en["Malian army"].language == "en"
    fr = {a.alias: a for a in load_aliases("fr")}
    assert fr["armée malienne"].language == "fr"


@pytest.mark.parametrize(
    ("alias", "language", "name"),
    [
        ("JNIM", "en", "JNIM: Group for Support of Islam and Muslims"),
        ("JNIM", "fr", "JNIM: Group for Support of Islam and Muslims"),
        ("GSIM", "en", "JNIM: Group for Support of Islam and Muslims"),
        ("GSIM", "fr", "JNIM: Group for Support of Islam and Muslims"),
        (
            "Jama'a Nusrat ul-Islam wa al-Muslimin",
            "en",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "Jama\u2019a Nusrat ul-Islam wa al-Muslimin",
            "en",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "Groupe de soutien à l'islam et aux musulmans",
            "fr",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        ("EIGS", "fr", "Islamic State Sahel Province"),
        ("ISGS", "en", "Islamic State Sahel Province"),
        ("État islamique au Grand Sahara", "fr", "Islamic State Sahel Province"),
        ("ISWAP", "en", "Islamic State West Africa Province"),
        ("ISWAP", "fr", "Islamic State West Africa Province"),
        ("EIAO", "fr", "Islamic State West Africa Province"),
        ("Boko Haram", "en", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
        ("Boko Haram", "fr", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
        ("FAMa", "en", "Military Forces of Mali"),
        ("FAMa", "fr", "Military Forces of Mali"),
        ("Malian army", "en", "Military Forces of Mali"),
        ("armée malienne", "fr", "Military Forces of Mali"),
        ("soldats maliens", "fr", "Military Forces of Mali"),
        ("FAN", "fr", "Military Forces of Niger"),
        ("Nigerian Army", "en", "Military Forces of Nigeria"),
        ("armée tchadienne", "fr", "Military Forces of Chad"),
        ("gendarmerie burkinabè", "fr", "Police Forces of Burkina Faso"),
        ("al-Shabab", "en", "Al Shabaab"),
        ("al-Shabaab", "en", "Al Shabaab"),
        ("shebab", "fr", "Al Shabaab"),
        ("SNA", "en", "Military Forces of Somalia"),
        ("RSF", "en", "Rapid Support Forces"),
        ("FSR", "fr", "Rapid Support Forces"),
        ("Forces de soutien rapide", "fr", "Rapid Support Forces"),
        ("SAF", "en", "Military Forces of Sudan"),
        ("AQMI", "fr", "AQIM: Al Qaeda in the Islamic Maghreb"),
        ("Katiba Macina", "fr", "JNIM: Group for Support of Islam and Muslims"),
        ("Dan Na Ambassagou", "en", "Dan Na Ambassagou"),
        ("VDP", "fr", "VDP: Volunteers for the Defense of the Homeland"),
        ("Wagner", "en", "Wagner Group"),
        ("mercenaires russes", "fr", "Wagner Group"),
        ("Africa Corps", "fr", "Africa Corps"),
        (
            "MINUSMA",
            "fr",
            "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
        ),
        ("Barkhane", "fr", "Military Forces of France"),
        ("CSP-DPA", "fr", "CSP-DPA: Strategic Framework for the Defense of the People of Azawad"),
        ("M23", "fr", "M23: March 23 Movement"),
        ("ADF", "en", "ADF: Allied Democratic Forces"),
        ("FARDC", "fr", "Military Forces of the Democratic Republic of Congo"),
        ("Houthis", "en", "Military Forces of Yemen Supreme Political Council"),
        ("pro-Hadi forces", "en", "Military Forces of Yemen Presidential Leadership Council"),
        ("MSA", "fr", "MSA: Movement for Azawad Salvation"),
        ("BGB", "en", "Police Forces of Bangladesh"),
        ("CMA", "en", "CMA: Coordination of Movements of the Azawad"),
        ("Hamas", "fr", "Hamas Movement"),
        ("Tsahal", "fr", "Military Forces of Israel"),
        ("Taliban", "en", "Taliban"),
        ("TTP", "en", "TTP: Tehreek-i-Taliban Pakistan"),
        ("ISKP", "en", "Islamic State Khorasan Province (ISKP)"),
        ("Tatmadaw", "en", "Military Forces of Myanmar"),
        ("ELN", "en", "ELN: National Liberation Army"),
        ("CJNG", "en", "CJNG: Jalisco New Generation Cartel"),
        ("Viv Ansanm", "fr", "Viv Ansanm"),
        ("Russian forces", "en", "Military Forces of Russia"),
    ],
)
def test_key_aliases_resolve(alias: str, language: str, name: str) -> None:
    actor = resolve_alias(alias, language)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    ("alias", "language", "country", "name"),
    [
        ("SNA", "en", "SY", "SNA: Syrian National Army"),
        ("SNA", "en", "Somalia", "Military Forces of Somalia"),
        ("al-Shabaab", "en", "MZ", "Islamic State Mozambique Province"),
        ("VDP", "fr", "Democratic Republic of Congo", "Wazalendo"),
        ("VDP", "fr", "BF", "VDP: Volunteers for the Defense of the Homeland"),
        ("ADF", "en", "CM", "ADF: Ambazonia Defence Forces"),
        ("dozos", "fr", "Ivory Coast", "Dozo Communal Militia (Ivory Coast)"),
        ("Islamic State", "en", "NG", "Islamic State West Africa Province"),
        ("Islamic State", "en", "Mali", "Islamic State Sahel Province"),
        ("ISIS", "en", "Syria", "Islamic State in Iraq and the Levant (ISIL)"),
        ("État islamique", "fr", "MZ", "Islamic State Mozambique Province"),
        ("Daech", "fr", None, "Islamic State in Iraq and the Levant (ISIL)"),
        ("Al Qaeda", "en", "ML", "JNIM: Group for Support of Islam and Muslims"),
        ("Al-Qaïda", "fr", "Somalia", "Al Shabaab"),
    ],
)
def test_shared_and_franchise_names_resolve_by_country(
    alias: str, language: str, country: str | None, name: str
) -> None:
    actor = resolve_alias(alias, language, country=country)
    assert actor is not None and actor.name == name


def test_acronyms_match_case_and_unknown_words_do_not_resolve() -> None:
    assert resolve_alias("fan", "fr") is None
    assert resolve_alias("Fama", "fr") is None
    assert resolve_alias("boko haram", "en") is not None
    assert resolve_alias("the weather", "en") is None
    assert {a.alias: a for a in load_aliases("en")}["FAMa"].case_sensitive


def test_generic_words_are_not_named_aliases() -> None:
    lexicon = load_generic()
    for language in LANGUAGES:
        named = {a.alias.casefold() for a in load_aliases(language)}
        for role, words in lexicon.words[language].items():
            for word in words:
                assert word.casefold() not in named, (language, role, word)


# ---- lookups ---------------------------------------------------------------------------------


def test_actor_by_name_ignores_year_suffixes() -> None:
    assert actor_by_name("Military Forces of Mali (2021-)") == actor_by_name(
        "Military Forces of Mali"
    )
    houthi = actor_by_name("Military Forces of Yemen (2016-) Supreme Political Council")
    assert houthi is not None and houthi.inter == 1
    assert actor_by_name("No Such Group") is None


def test_state_forces_by_name_or_code_and_synthesised() -> None:
    assert state_forces("Mali") == Actor("Military Forces of Mali", 1, "state_military", ("ML",))
    assert state_forces("ML", "police").name == "Police Forces of Mali"
    assert (
        state_forces("Central African Republic").name
        == "Military Forces of the Central African Republic"
    )
    assert state_forces("Libya").name == "Military Forces of Libya Government of National Unity"
    assert state_forces("Afghanistan").name == "Military Forces of Afghanistan"
    iceland = state_forces("Iceland")
    assert (iceland.name, iceland.inter, iceland.countries) == (
        "Military Forces of Iceland",
        1,
        ("IS",),
    )
    assert state_forces("IS", "police").name == "Police Forces of Iceland"
    with pytest.raises(ValueError):
        state_forces("Mali", "navy")


def test_state_forces_abroad_are_external_forces() -> None:
    france = state_forces("France")
    assert france.inter_in("ML") == 8
    assert france.inter_in("France") == 1
    assert france.inter_in(None) == 1
    assert state_forces("Mali").inter_in("Mali") == 1
    jnim = resolve_alias("JNIM", "en")
    assert jnim is not None and jnim.inter_in("TG") == 2


def test_country_code() -> None:
    assert country_code("Ivory Coast") == "CI"
    assert country_code("democratic republic of congo") == "CD"
    assert country_code("NE") == "NE"
    assert country_code("Atlantis") is None


# ---- generic lexicon -------------------------------------------------------------------------


def test_generic_lexicon_roles_and_words() -> None:
    lexicon = load_generic()
    for role in (
        "unidentified_armed_group",
        "military",
        "police",
        "civilians",
        "protesters",
        "rioters",
        "communal_militia",
    ):
        assert role in lexicon.roles
        for language in LANGUAGES:
            assert lexicon.words[language].get(role), (language, role)
    assert (
        lexicon.roles["unidentified_armed_group"].name_for("Niger")
        == "Unidentified Armed Group (Niger)"
    )
    assert lexicon.roles["civilians"].inter == 7
    assert lexicon.role_of("hommes armés non identifiés", "fr") == "unidentified_armed_group"
    assert lexicon.role_of("HANI", "fr") == "unidentified_armed_group"
    assert lexicon.role_of("Gunmen", "en") == "unidentified_armed_group"
    assert lexicon.role_of("villageois", "fr") == "civilians"
    assert lexicon.role_of("gendarmes", "fr") == "police"
    assert lexicon.role_of("FDS", "fr") == "military"
    assert lexicon.role_of("militants", "fr") is None  # French "militants" are activists
    assert lexicon.role_actor("military", "Niger").name == "Military Forces of Niger"
    civilians = lexicon.role_actor("civilians", "Burkina Faso")
    assert (civilians.name, civilians.inter, civilians.countries) == (
        "Civilians (Burkina Faso)",
        7,
        ("BF",),
    )


def test_victim_groups() -> None:
    lexicon = load_generic()
    for language in LANGUAGES:
        assert {"soldiers", "civilians", "attackers", "police"} <= set(lexicon.victims[language])
    assert lexicon.victim_group("soldats", "fr") == "soldiers"
    assert lexicon.victim_group("terroristes neutralisés", "fr") == "attackers"
    assert lexicon.victim_group("villagers", "en") == "civilians"
    assert lexicon.victim_group("policemen", "en") == "police"


def test_franchises_name_actors_of_the_dictionary() -> None:
    lexicon = load_generic()
    names = {a.name for a in load_actors()}
    for franchise in lexicon.franchises.values():
        assert franchise.default in names
        assert set(franchise.by_country.values()) <= names
    assert (
        lexicon.franchises["islamic_state"].actor_name("Mozambique")
        == "Islamic State Mozambique Province"
    )


# ---- malformed files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"name": "Broken",', "line 2: not valid JSON"),
        (_line(name="Other", inter=9), "line 2: inter must be an integer from 1 to 8"),
        (_line(name="Other", inter=True), "line 2: inter must be"),
        (
            json.dumps({"name": "Other", "inter": 2, "kind": "armed_group", "countries": ["ML"]}),
            "line 2: missing key(s) source",
        ),
        (_line(), "line 2: duplicate actor name 'Test Group' (first on line 1)"),
        (
            _line(name="Military Forces of Mali (2021-)"),
            "line 2: name 'Military Forces of Mali (2021-)' carries",
        ),
        (_line(name="Other", kind="gang"), "line 2: kind 'gang'"),
        (_line(name="Other", countries=["Mali"]), "line 2: countries must be"),
        (_line(name="Other", colour="red"), "line 2: unknown key(s) colour"),
        (_line(name="Other", parent="Nobody"), "line 2: parent 'Nobody'"),
        (
            _line(name="Other", aliases_en=["TG"]),
            "line 2: alias 'TG' also names 'Test Group' (line 1) in ML",
        ),
        (_line(name="Other", aliases_en=["X", "x"]), "line 2: aliases_en lists 'x' twice"),
    ],
)
def test_malformed_dictionary_raises_data_error_naming_the_line(bad: str, message: str) -> None:
    text = _line() + "\n" + bad + "\n"
    with pytest.raises(DataError) as excinfo:
        load_actors(text=text)
    assert message in str(excinfo.value)


def test_shared_alias_across_countries_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "actors.jsonl"
    path.write_text(
        _line() + "\n\n" + _line(name="Other", countries=["NE"]) + "\n", encoding="utf-8"
    )
    assert [a.name for a in load_actors(path)] == ["Test Group", "Other"]
    aliases = load_aliases("en", path=path)
    assert [(a.alias, a.actor.name) for a in aliases] == [("TG", "Test Group")]


def test_unreadable_dictionary_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read actor dictionary"):
        load_actors(tmp_path / "missing.jsonl")


_GENERIC = """
roles:
  military: {name: "Military Forces of {country}", inter: 1}
en:
  military: [army]
fr:
  military: [armée]
victims:
  en: {soldiers: [soldiers]}
  fr: {soldiers: [soldats]}
franchises: {}
"""


def test_minimal_generic_lexicon_loads() -> None:
    lexicon = load_generic(text=_GENERIC)
    assert lexicon.role_of("Army", "en") == "military"
    assert lexicon.victim_group("soldats", "fr") == "soldiers"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  military: [army]", "  military: [army]\n  police: [police]", "en.police: no such role"),
        (
            "  military: [armée]",
            "  military: [armée, Armée]",
            "'Armée' is already listed under military",
        ),
        ("{country}", "{pays}", "only placeholder is {country}"),
        ("inter: 1}", "inter: 0}", "inter must be an integer from 1 to 8"),
        ("franchises: {}", "", "top-level keys must be"),
        ("  military: [army]", "  military: [army, 12]", "12 is not a word"),
        (
            "franchises: {}",
            "franchises:\n  x: {en: [ISIS], fr: [EI], by_country: {ML: Nobody}, default: Nobody}",
            "'Nobody' is not an actor",
        ),
    ],
)
def test_malformed_generic_lexicon_raises_data_error(old: str, new: str, message: str) -> None:
    with pytest.raises(DataError) as excinfo:
        load_generic(text=_GENERIC.replace(old, new))
    assert message in str(excinfo.value)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(DataError, match="no actor lexicon for language 'de'"):
        load_aliases("de")


def test_a_renamed_group_keeps_its_old_name_for_earlier_events() -> None:
    actor = resolve_alias("EIGS", "fr", "ML")
    assert actor is not None
    assert actor.name_on(date(2018, 5, 1)) == "Islamic State (Greater Sahara)"
    assert actor.name_on(date(2023, 5, 1)) == "Islamic State Sahel Province"
    assert actor.name_on(None) == "Islamic State Sahel Province"
    # Yemen's government forces before the Presidential Leadership Council (April 2022)
    yemen = resolve_alias("Yemeni troops", "en")
    assert yemen is not None
    assert yemen.name_on(date(2019, 3, 2)) == "Military Forces of Yemen"
    assert yemen.name_on(date(2023, 3, 2)) == yemen.name
    khorasan = resolve_alias("ISKP", "en")
    assert (
        khorasan is not None and khorasan.name_on(date(2019, 6, 1)) == "Islamic State (Afghanistan)"
    )


def test_former_names_must_have_a_date() -> None:
    line = (
        '{"name": "A", "inter": 2, "kind": "armed_group", "countries": ["ML"], "source": "x", '
        '"former_names": [{"name": "B"}]}'
    )
    with pytest.raises(DataError, match="former_names"):
        load_actors(text=line)
