from __future__ import annotations

from datetime import date

from strife import Article, Pipeline
from strife.code.coder import _fatalities
from strife.models import Claim, ClaimantKind
from tests.test_pipeline import pipeline

__all__ = ["pipeline"]


def _claim(kind: ClaimantKind, killed: int, victims: str | None) -> Claim:
    return Claim(claimant=kind, kind=kind, says="", killed=killed, victims=victims)


def test_sources_speaking_of_different_victims_add_up() -> None:
    claims = [
        _claim("perpetrator", 200, "soldiers"),
        _claim("unknown", 60, "soldiers"),
        _claim("witness", 12, "civilians"),
    ]
    low, _best, _high = _fatalities(claims, first=True)
    assert low == 72  # the lowest figure for the soldiers, plus the civilians


def test_for_the_same_victims_the_lowest_figure_counts() -> None:
    claims = [_claim("government", 10, "soldiers"), _claim("security_source", 30, "soldiers")]
    assert _fatalities(claims, first=True)[0] == 10


def test_a_surname_or_the_same_source_stands_for_the_claimant_named_before(
    pipeline: Pipeline,
) -> None:
    text = (
        "Gunmen killed six soldiers in an attack on an army post in Kidal on Monday, said "
        "Colonel Amadou Keita, a spokesman for the army.\n"
        "“They came at dawn,” Keita added. Nine attackers were also killed, according to the "
        "same source."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
    assert {(c.claimant, c.kind) for c in report.claims} == {
        ("Colonel Amadou Keita, a spokesman for the army", "government")
    }


def test_a_source_saying_nothing_right_after_the_event_is_a_claim_without_a_figure(
    pipeline: Pipeline,
) -> None:
    text = (
        "Gunmen killed nine villagers in Gorom-Gorom on Sunday, residents said.\n"
        "The defence ministry has not yet commented."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
    claims = {(c.kind, c.killed) for c in report.claims}
    assert claims == {("witness", 9), ("government", None)}
    assert report.fatalities == 9


def test_a_figure_given_by_two_sources_together_is_each_ones(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed four soldiers in an attack on an army post in Djibo on Sunday, a "
        "security source and a local official said."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
    assert {(c.kind, c.killed) for c in report.claims} == {
        ("security_source", 4),
        ("local_official", 4),
    }
    assert report.fatalities == 4


def test_every_source_of_a_sentence_without_figure_is_a_claim(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed four soldiers in an attack on an army post in Djibo on Sunday.\n"
        "The government has not commented, but residents said the attackers came from Mali."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
    assert {(c.kind, c.killed) for c in report.claims} >= {
        ("government", None),
        ("witness", None),
    }
