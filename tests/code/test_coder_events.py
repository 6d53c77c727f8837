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


@pytest.mark.parametrize(
    "text",
    [
        "Eight soldiers were killed on Tuesday in an attack on their post in the Mopti region. "
        "The attack comes weeks after gunmen killed five traders in Sévaré.",
        "Huit soldats ont été tués mardi dans une attaque contre leur poste dans la région de "
        "Mopti. Cette attaque intervient trois semaines après celle qui a visé des commerçants "
        "à Sévaré, faisant cinq morts.",
    ],
)
def test_an_earlier_attack_told_in_passing_keeps_its_own_toll_and_place(
    pipeline: Pipeline, text: str
) -> None:
    reports = _placed(pipeline, text, date(2024, 8, 30))
    assert sorted((r.location, r.fatalities, str(r.event_date)) for r in reports) == [
        ("Mopti", 8, "2024-08-27"),
        ("Sévaré", 5, "None"),
    ]


def test_without_a_published_date_two_different_days_are_two_events(pipeline: Pipeline) -> None:
    text = (
        "Dix soldats ont été tués le 12 juillet dans une attaque contre leur camp dans la région "
        "de Mopti. Le 3 juillet, une autre attaque avait tué six soldats près de Sévaré."
    )
    reports = _placed(pipeline, text, None)
    assert sorted((r.location, r.fatalities) for r in reports) == [("Mopti", 10), ("Sévaré", 6)]


def test_an_event_told_in_a_region_takes_the_town_of_that_region_told_next(
    pipeline: Pipeline,
) -> None:
    text = (
        "Insurgents attacked an army base in Borno State on Saturday, killing four soldiers. "
        "The insurgents struck the base in Konduga at dawn on Saturday."
    )
    (report,) = _placed(pipeline, text, date(2025, 2, 17))
    assert (report.location, report.geo_precision, report.fatalities) == ("Konduga", 1, 4)


def test_the_same_day_is_the_day_told_before(pipeline: Pipeline) -> None:
    text = (
        "On 14 March, gunmen attacked an army camp in Mopti, Mali. The same day, another "
        "attack targeted army positions in Gao."
    )
    reports = _placed(pipeline, text, date(2024, 3, 20))
    assert sorted((r.location, str(r.event_date)) for r in reports) == [
        ("Gao", "2024-03-14"),
        ("Mopti", "2024-03-14"),
    ]


def test_the_day_after_an_attack_dates_what_was_done_then_not_the_attack(
    pipeline: Pipeline,
) -> None:
    text = (
        "Quinze civils ont été tués dimanche dans une attaque contre le village de Barsalogho, "
        "au Burkina Faso. Le gouverneur s'est rendu hier dans la commune. Cette visite intervient "
        "au lendemain d'une attaque lancée dimanche contre le village. L'armée affirme avoir "
        "neutralisé douze assaillants au lendemain de l'attaque."
    )
    reports = pipeline.extract(Article(text=text, published=date(2024, 6, 5))).reports
    assert sorted((str(r.event_date), r.fatalities) for r in reports) == [
        ("2024-06-02", 15),
        ("2024-06-03", 12),
    ]
