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
