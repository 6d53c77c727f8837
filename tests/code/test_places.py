from __future__ import annotations

from typing import TYPE_CHECKING, cast

import pytest

from strife.code.places import PlaceFinder

if TYPE_CHECKING:
    from strife.geo.gazetteer import Gazetteer


def _relation(text: str, name: str) -> str:
    finder = PlaceFinder(None, [])  # type: ignore[arg-type]  # _relation reads only the cues
    a = text.index(name)
    return finder._relation(text, a, a + len(name))


@pytest.mark.parametrize(
    ("text", "name", "relation"),
    [
        ("Two soldiers were captured during the Inates attack last year.", "Inates", "in"),
        ("Survivors of the Solhan massacre spoke to reporters.", "Solhan", "in"),
        ("Orma attack Pokomo herders at dawn.", "Orma", "other"),
    ],
)
def test_an_event_named_after_its_place(text: str, name: str, relation: str) -> None:
    assert _relation(text, name) == relation


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("C'est le détachement militaire de Tongomayel qui a été visé.", "Tongomayel"),
        ("L'attaque a visé le camp de déplacés de Mora.", "Mora"),
        ("Gunmen overran the army outpost of Diapaga at dawn.", "Diapaga"),
    ],
)
def test_military_sites_and_camps_of_a_place(text: str, name: str) -> None:
    assert _relation(text, name) == "in"


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "A demonstration took place in the town of Atareb in the province.", "Atareb"),
        ("en", "Gunmen attacked Kassoumbo village at dawn.", "Kassoumbo"),
        ("fr", "Des hommes armés ont attaqué le village de Kassoumbo à l'aube.", "Kassoumbo"),
    ],
)
def test_a_settlement_named_as_such_is_a_place_whatever_its_spelling(
    language: str, text: str, name: str
) -> None:
    class _NoNames:
        def is_name(self, _: str) -> bool:
            return False

        def country_by_demonym(self, _: str) -> None:
            return None

        def country(self, _: str) -> None:
            return None

    finder = PlaceFinder(_NoNames(), [])  # type: ignore[arg-type]
    places, _ = finder.find(text, 0, exclude=[])
    assert [p.text for p in places] == [name]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "Two people died in clashes in the Kakuma Refugee Camp on Sunday.", "Kakuma"),
        ("en", "A bomb exploded at the Gao Airport checkpoint.", "Gao"),
        ("fr", "Une bombe a explosé au Kidal Market hier.", "Kidal"),
    ],
)
def test_a_site_named_after_its_place(language: str, text: str, name: str) -> None:
    class _Names:
        def is_name(self, key: str) -> bool:
            return key == name.lower()

        def country_by_demonym(self, _: str) -> None:
            return None

        def country(self, _: str) -> None:
            return None

    finder = PlaceFinder(_Names(), [])  # type: ignore[arg-type]
    places, _ = finder.find(text, 0, exclude=[])
    assert [p.text for p in places] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("22 men of the patrol rejoined the base in Ouallam with three vehicles.", "Ouallam"),
        ("22 hommes ont rejoint la base à Ouallam avec trois véhicules.", "Ouallam"),
    ],
)
def test_where_survivors_went_is_not_the_place(text: str, name: str) -> None:
    assert _relation(text, name) == "other"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebels shelled regime positions on the Tafas front overnight.", "Tafas"),
        ("Savar Cantonment was placed under curfew on Monday.", "Savar"),
        ("Rival factions clashed in the bazaar, Bogra Sadar (Rajshahi), on Friday.", "Bogra"),
        ("Locals beat a man to death (coded as Narsingdi, Dhaka).", "Narsingdi"),
    ],
)
def test_a_front_a_cantonment_a_sadar_town_and_the_place_a_note_codes(text: str, name: str) -> None:
    assert _relation(text, name) == "in"


@pytest.mark.parametrize(
    "text",
    [
        "L’attaque a eu lieu dans la région de Dosso, à l’est de Birni.",
        "L'attaque a eu lieu dans la région de Dosso, à l'est de Birni.",
    ],
)
def test_a_direction_from_a_town_is_near_it_whatever_the_apostrophe(text: str) -> None:
    assert _relation(text, "Birni") == "near"


@pytest.mark.parametrize(
    ("text", "name", "relation"),
    [
        ("L’embuscade a visé une patrouille au nord-ouest d’Arbinda.", "Arbinda", "near"),
        ("Les assaillants ont pris le contrôle de l’Inata.", "Inata", "in"),
    ],
)
def test_typographic_apostrophes_read_as_straight_ones(text: str, name: str, relation: str) -> None:
    assert _relation(text, name) == relation


class _Gazetteer:
    """Knows only the names given; no countries."""

    def __init__(self, *names: str) -> None:
        self.names = {n.lower() for n in names}

    def is_name(self, key: str) -> bool:
        return key in self.names

    def country_by_demonym(self, _: str) -> None:
        return None

    def country(self, _: str) -> None:
        return None


def _fake(*names: str) -> Gazetteer:
    return cast("Gazetteer", _Gazetteer(*names))


def _localities(text: str, *known: str) -> list[tuple[str, str]]:
    places, _ = PlaceFinder(_fake(*known), ["the", "and"]).find(text, 0, exclude=[])
    return [(p.text, p.relation) for p in places if p.settlement and p.relation != "region"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the gazetteer lacks, called a locality by the words around it
        ("Soldiers were ambushed at Kwara Tondi near Ouallam.", [("Kwara Tondi", "in")]),
        ("Des soldats ont été tués à Tindoubali, région de Mopti.", [("Tindoubali", "in")]),
        (
            "Gunmen stormed the village of Sanbekoro, located in the Bankass circle.",
            [("Sanbekoro", "in")],
        ),
        (
            "Les assaillants ont frappé dans la zone de Wendou Kaya dans la commune rurale de Diona.",
            [("Wendou Kaya", "in"), ("Diona", "in")],
        ),
        ("They took a nearby town, Garandi, south of the capital.", [("Garandi", "near")]),
        ("The attack took place in Kalbiri town on Sunday.", [("Kalbiri", "in")]),
        # not localities: an operation, an acronym, a common word, a bare name
        ("Twenty militants were killed in Operation Sahel Shield near Ouallam.", []),
        ("The minister spoke in RTN near Ouallam.", []),
        ("Drone strikes in Drone near Ouallam hit the drone base.", []),
        ("Gunmen killed two people in Kalbiri on Sunday.", []),
        # "Garoua town, Kalbiri subdivision": Kalbiri is no town of its own
        ("Youths rioted in Garoua town, Kalbiri subdivision (Port Loko).", [("Garoua", "in")]),
    ],
)
def test_localities_the_gazetteer_lacks(text: str, expected: list[tuple[str, str]]) -> None:
    assert _localities(text, "Ouallam", "Garoua", "Port Loko", "Mopti", "Bankass") == expected


def test_a_name_may_start_with_a_lower_case_article() -> None:
    places, _ = PlaceFinder(_fake("el fasher"), []).find(
        "A drone hit a shelter in the city of el-Fasher on Sunday.", 0, exclude=[]
    )
    assert [p.text for p in places] == ["el-Fasher"]
