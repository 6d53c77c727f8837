"""How an article's mentions become separate events: days of a span, other attacks told in
passing (fixture sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from strife import Article, Pipeline, Report


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    pipe = Pipeline()
    pipe.initialize()
    return pipe


def _placed(pipeline: Pipeline, text: str, published: date | None) -> list[Report]:
    reports = pipeline.extract(Article(text=text, published=published)).reports
    return [r for r in reports if r.geo_precision is not None]


def _days(reports: list[Report]) -> list[tuple[str, int | None, int | None]]:
    return sorted((str(r.event_date), r.time_precision, r.fatalities) for r in reports)


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("The May 3-4 incident", [("2024-05-03", 1, 16), ("2024-05-04", 1, 15)]),
        ("The May 3 incident", [("2024-05-03", 1, 31)]),
        ("Les événements des 3 et 4 mai", [("2024-05-03", 1, 16), ("2024-05-04", 1, 15)]),
    ],
)
def test_a_later_sentence_naming_the_days_of_the_event_dates_it(
    pipeline: Pipeline, told: str, expected: list[tuple[str, int, int]]
) -> None:
    if told.startswith("Les"):
        text = (
            "Des hommes armés ont attaqué des villageois à Kaya, au Burkina Faso, tuant 31 "
            f"personnes, selon un élu local. {told} à Kaya ont suscité une vive émotion."
        )
    else:
        text = (
            "Armed men attacked villagers in Kaya, in Burkina Faso, killing 31 people, a local "
            f"official said. {told} in and around Kaya drew wide condemnation."
        )
    assert _days(_placed(pipeline, text, date(2024, 5, 8))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen killed nine civilians in Kaya, Burkina Faso, between 2 and 4 May.",
            [("2024-05-02", 1, 3), ("2024-05-03", 1, 3), ("2024-05-04", 1, 3)],
        ),
        (
            "Gunmen killed nine civilians in Kaya, Burkina Faso, between 2 and 7 May.",
            [("2024-05-04", 2, 9)],
        ),
        (
            "Des hommes armés ont tué sept civils à Kaya, au Burkina Faso, du 3 au 4 mai.",
            [("2024-05-03", 1, 4), ("2024-05-04", 1, 3)],
        ),
        (
            "Des hommes armés ont tué sept civils à Kaya, au Burkina Faso, entre le 28 avril "
            "et le 3 mai.",
            [("2024-04-30", 2, 7)],
        ),
    ],
)
def test_a_span_of_up_to_three_days_is_an_event_a_day_a_longer_one_its_middle(
    pipeline: Pipeline, text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert _days(_placed(pipeline, text, date(2024, 5, 8))) == expected


def test_a_toll_told_after_the_days_is_shared_between_them(pipeline: Pipeline) -> None:
    text = (
        "Clashes broke out on May 3 and 4 in Kaya, Burkina Faso, between two militias. "
        "Five people were killed in the fighting."
    )
    reports = _placed(pipeline, text, date(2024, 5, 8))
    assert _days(reports) == [("2024-05-03", 1, 3), ("2024-05-04", 1, 2)]


def test_the_week_a_span_names_and_last_week_are_one_event(pipeline: Pipeline) -> None:
    text = (
        "At least 40 people were killed last week in Kaya, Burkina Faso, by soldiers. "
        "According to rights groups, at least 40 civilians were killed between 28 April and "
        "3 May by the army in Kaya."
    )
    (report,) = _placed(pipeline, text, date(2024, 5, 8))
    assert (report.event_date, report.time_precision) == (date(2024, 4, 30), 2)
