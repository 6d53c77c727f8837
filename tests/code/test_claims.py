from __future__ import annotations

import pytest

from strife.code.claims import claim_finder


@pytest.mark.parametrize(
    ("language", "text", "claimant", "kind"),
    [
        (
            "en",
            "According to two security sources, 30 soldiers were killed.",
            "two security sources",
            "security_source",
        ),
        (
            "en",
            "A municipal official from nearby Mondoro said the camp fell.",
            "A municipal official from nearby Mondoro",
            "local_official",
        ),
        (
            "en",
            "14 soldiers died, the country's defence minister said in a statement.",
            "the country's defence minister",
            "government",
        ),
        ("en", "Residents said 12 people died.", "Residents", "witness"),
        ("en", "Ten were killed, Human Rights Watch said.", "Human Rights Watch", "humanitarian"),
        (
            "fr",
            "selon des sources sécuritaires, dix soldats ont été tués.",
            "des sources sécuritaires",
            "security_source",
        ),
        (
            "fr",
            "Dix soldats ont été tués, a déclaré à l'AFP un élu local.",
            "à l'AFP un élu local",
            "local_official",
        ),
        (
            "fr",
            "Le ministère de la Défense a annoncé la mort de deux soldats.",
            "Le ministère de la Défense",
            "government",
        ),
    ],
)
def test_claimants_and_kinds(language: str, text: str, claimant: str, kind: str) -> None:
    found = claim_finder(language).claimants(text, 0)
    assert (found[0].text, found[0].kind) == (claimant, kind)


def test_claim_after_a_verb_must_close_the_clause() -> None:
    found = claim_finder("en").claimants("The mayor said the insurgents overran the camp.", 0)
    assert [c.text for c in found] == ["The mayor"]


def test_pronoun_claimants_are_marked_for_resolution() -> None:
    (claimant,) = claim_finder("en").claimants(
        "Last Friday, it claimed to have captured a base.", 0
    )
    assert claimant.pronoun


@pytest.mark.parametrize(
    ("language", "text", "responsibility", "denial"),
    [
        ("en", "JNIM claimed responsibility for the attack.", True, False),
        ("en", "The army said it had repelled the assault.", False, True),
        ("fr", "L'attaque a été revendiquée par le JNIM.", True, False),
        ("fr", "L'armée a démenti la prise du camp.", False, True),
        ("en", "Soldiers patrolled the town.", False, False),
    ],
)
def test_responsibility_and_denial(
    language: str, text: str, responsibility: bool, denial: bool
) -> None:
    finder = claim_finder(language)
    assert (finder.claims_responsibility(text), finder.denies(text)) == (responsibility, denial)
