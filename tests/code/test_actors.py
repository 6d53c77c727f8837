from __future__ import annotations

import pytest

from strife.code.actors import actor_finder


@pytest.mark.parametrize(
    ("language", "text", "name", "target"),
    [
        ("en", "An ambush targeting MNLA fighters near the well.", "MNLA", True),
        ("en", "MNLA fighters were attacked at the market.", "MNLA", True),
        ("en", "A trader was ambushed by JNIM men on the road.", "JNIM", False),
        ("en", "JNIM fighters attacked the village.", "JNIM", False),
        ("fr", "Une embuscade contre le MNLA a fait trois morts.", "MNLA", True),
        ("fr", "Des éléments du MNLA ont été attaqués près du puits.", "MNLA", True),
    ],
)
def test_an_armed_group_named_as_what_was_attacked(
    language: str, text: str, name: str, target: bool
) -> None:
    (found,) = [a for a in actor_finder(language).find(text, 0) if a.text == name]
    assert found.target is target


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "L’armée burkinabée est accusée d'avoir tué des civils.",
            "Military Forces of Burkina Faso",
        ),
        ("l'armée malienne a riposté", "Military Forces of Mali"),
        (
            "d'après l'état-major, l'armée nigérienne a repoussé l'attaque",
            "Military Forces of Niger",
        ),
    ],
)
def test_french_elision_before_a_named_actor(text: str, name: str) -> None:
    assert name in {a.name for a in actor_finder("fr").find(text, 0)}


@pytest.mark.parametrize(
    ("language", "text", "country", "name"),
    [
        # a name two actors share is the one of the event's country
        ("en", "The NAF shelled positions near the village.", "UA", "NAF: United Armed Forces"),
        ("en", "The NAF shelled positions near the village.", "NG", "Military Forces of Nigeria"),
        # a movement's name is its branch in the country
        ("en", "Islamic State fighters raided the town.", "NG", "Islamic State West Africa"),
        ("fr", "Des jihadistes d'Al-Qaïda ont attaqué le poste.", "ML", "JNIM"),
        # militias told as the state's side are its pro-government militia
        ("en", "Militias allied with the army killed nine herders.", "BF", "VDP"),
        ("en", "Government-backed militias burned the houses.", "AF", "Militia (Pro-Government)"),
        ("fr", "Des milices alliées à la junte ont tué six bergers.", "BF", "VDP"),
    ],
)
def test_a_named_actor_is_the_one_of_the_event_country(
    language: str, text: str, country: str, name: str
) -> None:
    finder = actor_finder(language)
    names = [finder.localise(a, country).name for a in finder.find(text, 0)]
    assert any(n and n.startswith(name) for n in names), names


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists linked to al-Qaeda and the Islamic State raided the market.",
        "Fighters affiliated with Al Qaeda raided the market.",
    ],
)
def test_the_movement_a_group_belongs_to_is_no_actor_of_the_event(text: str) -> None:
    assert [a.role for a in actor_finder("en").find(text, 0)] == ["unidentified_armed_group"]


@pytest.mark.parametrize(
    ("language", "text", "country", "names"),
    [
        ("en", "Turkana raiders stole 300 goats.", "KE", ["Turkana Ethnic Militia (Kenya)"]),
        (
            "en",
            "Fighting between Bozo and Bambara left four dead.",
            "ML",
            ["Bozo Ethnic Militia (Mali)", "Bambara Ethnic Militia (Mali)"],
        ),
        (
            "en",
            "Armed Marakwet youths and Pokot gunmen exchanged fire.",
            "KE",
            ["Marakwet Ethnic Militia (Kenya)", "Pokot Ethnic Militia (Kenya)"],
        ),
        (
            "fr",
            "Des miliciens songhaïs ont incendié le hameau.",
            "ML",
            ["Songhai Ethnic Militia (Mali)"],
        ),
        # people of a community are not its militia, nor are a jihadist group's men
        ("en", "Two Bozo youths were found dead near the river.", "ML", []),
        ("en", "Fulani jihadists executed a trader.", "ML", []),
    ],
)
def test_armed_men_named_by_their_community_are_its_ethnic_militia(
    language: str, text: str, country: str, names: list[str]
) -> None:
    finder = actor_finder(language)
    found = [finder.localise(a, country) for a in finder.find(text, 0)]
    assert [a.name for a in found if a.community] == names


def test_a_group_compounded_with_a_doer_word_did_it() -> None:
    text = "Two policemen died when a Taliban-planted mine hit their car near Ghazni."
    (group,) = [a for a in actor_finder("en").find(text, 0) if a.role == "named"]
    assert (group.name, group.text, group.agent) == ("Taliban", "Taliban", True)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Jihadists who claim allegiance to the leader of the Islamist group Ansar Dine raid farms.",
        ),
        (
            "fr",
            "Des jihadistes qui se réclament du chef du groupe islamiste Ansar Dine pillent les champs.",
        ),
    ],
)
def test_a_group_named_to_describe_a_leader_is_no_actor(language: str, text: str) -> None:
    assert all(a.role != "named" for a in actor_finder(language).find(text, 0))
