from __future__ import annotations

from datetime import date

import pytest

from strife.code.dates import date_finder

PUBLISHED = date(2025, 6, 2)  # a Monday


@pytest.mark.parametrize(
    ("language", "text", "expected", "precision"),
    [
        ("en", "during the assault on Sunday.", date(2025, 6, 1), 1),
        ("en", "Last Friday, it claimed", date(2025, 5, 30), 1),
        ("en", "On May 24, the group", date(2025, 5, 24), 1),
        ("en", "on 24 May 2024 they", date(2024, 5, 24), 1),
        ("en", "in mid-May on positions", date(2025, 5, 15), 2),
        ("en", "in early June", date(2025, 6, 1), 3),
        ("en", "in late May", date(2025, 5, 31), 3),
        ("en", "overnight Saturday to Sunday", date(2025, 5, 31), 1),
        ("en", "yesterday", date(2025, 6, 1), 1),
        ("en", "last week", date(2025, 5, 28), 2),
        ("fr", "dimanche", date(2025, 6, 1), 1),
        ("fr", "vendredi dernier", date(2025, 5, 30), 1),
        ("fr", "le 24 mai", date(2025, 5, 24), 1),
        ("fr", "le 1er juin", date(2025, 6, 1), 1),
        ("fr", "à la mi-mai", date(2025, 5, 15), 2),
        ("fr", "fin mai", date(2025, 5, 31), 3),
        ("fr", "dans la nuit de samedi à dimanche", date(2025, 5, 31), 1),
        ("fr", "hier", date(2025, 6, 1), 1),
        ("fr", "en mars 2025", date(2025, 3, 15), 3),
    ],
)
def test_dates_resolve_against_published(
    language: str, text: str, expected: date, precision: int
) -> None:
    found = date_finder(language).find(text, 0, PUBLISHED)
    assert [(d.value, d.precision) for d in found] == [(expected, precision)]


def test_weekday_on_the_published_day_is_that_day_but_last_is_a_week_before() -> None:
    sunday = date(2025, 6, 1)
    en = date_finder("en")
    assert en.find("on Sunday", 0, sunday)[0].value == sunday
    assert en.find("last Sunday", 0, sunday)[0].value == date(2025, 5, 25)


def test_two_days_in_one_expression_give_two_mentions() -> None:
    found = date_finder("en").find("on May 24 and May 26", 0, PUBLISHED)
    assert [d.value for d in found] == [date(2025, 5, 24), date(2025, 5, 26)]
    found = date_finder("en").find("The March 10-11 incident", 0, PUBLISHED)
    assert [d.value for d in found] == [date(2025, 3, 10), date(2025, 3, 11)]


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        # lists: each day told
        ("en", "on 14 and 16 April", [(4, 14), (4, 16)]),
        ("en", "on April 14 and 16 near", [(4, 14), (4, 16)]),
        ("fr", "les 14 et 16 avril", [(4, 14), (4, 16)]),
        # short ranges: every day of them
        ("en", "the April 14-15 raids", [(4, 14), (4, 15)]),
        ("en", "from 14 to 16 April", [(4, 14), (4, 15), (4, 16)]),
        ("en", "between April 30 and May 1", [(4, 30), (5, 1)]),
        ("fr", "du 14 au 16 avril", [(4, 14), (4, 15), (4, 16)]),
        ("fr", "entre le 30 avril et le 1er mai", [(4, 30), (5, 1)]),
        # a night across two days is its first day
        ("fr", "dans la nuit du 14 au 15 avril", [(4, 14)]),
        ("en", "on the night of April 14 to 15", [(4, 14)]),
    ],
)
def test_days_told_together_give_one_mention_a_day(
    language: str, text: str, days: list[tuple[int, int]]
) -> None:
    found = date_finder(language).find(text, 0, PUBLISHED)
    assert [(d.value, d.precision) for d in found] == [(date(2025, m, d), 1) for m, d in days]
    assert len({(d.start, d.end) for d in found}) == 1  # one expression


@pytest.mark.parametrize(
    ("language", "text", "middle", "precision"),
    [
        ("en", "between 28 April and 3 May", date(2025, 4, 30), 2),  # six days: a week
        ("fr", "entre le 28 avril et le 3 mai", date(2025, 4, 30), 2),
        ("en", "from 6 to 19 April", date(2025, 4, 12), 3),  # two weeks: a month
        ("fr", "du 6 au 19 avril", date(2025, 4, 12), 3),
        ("en", "between March and April", date(2025, 3, 31), 3),
        ("fr", "entre mars et avril", date(2025, 3, 31), 3),
    ],
)
def test_a_longer_span_is_its_midpoint(
    language: str, text: str, middle: date, precision: int
) -> None:
    (mention,) = date_finder(language).find(text, 0, PUBLISHED)
    assert (mention.value, mention.precision) == (middle, precision)


def test_a_span_takes_the_year_of_its_end_or_of_its_first_day() -> None:
    en = date_finder("en")
    (mention,) = en.find("from 30 December to 8 January 2024", 0, None)
    assert mention.value == date(2024, 1, 3)
    # published inside the span: it began this year
    (mention,) = en.find("fighting on 1-6 June", 0, PUBLISHED)
    assert mention.value == date(2025, 6, 3)


def test_a_number_after_a_date_is_no_second_day() -> None:
    found = date_finder("en").find("on April 14 and 16 soldiers were hurt", 0, PUBLISHED)
    assert [d.value for d in found] == [date(2025, 4, 14)]
    assert found[0].text == "April 14"
    found = date_finder("en").find("On April 14 - 3 soldiers died", 0, PUBLISHED)
    assert [(d.value, d.text) for d in found] == [(date(2025, 4, 14), "April 14")]


def test_without_published_date_relative_dates_stay_unresolved() -> None:
    for language, text in (("en", "on Sunday"), ("en", "on May 24"), ("fr", "vendredi dernier")):
        (mention,) = date_finder(language).find(text, 0, None)
        assert mention.value is None
        assert mention.unresolved


def test_a_date_with_its_year_needs_no_published_date() -> None:
    (mention,) = date_finder("en").find("On July 30, 2024, an ambush", 0, None)
    assert mention.value == date(2024, 7, 30)


def test_a_future_looking_day_is_last_year() -> None:
    (mention,) = date_finder("en").find("on December 20", 0, date(2025, 1, 5))
    assert mention.value == date(2024, 12, 20)


def test_offsets_point_into_the_article() -> None:
    text = "Gunmen attacked Djibo on Sunday."
    (mention,) = date_finder("en").find(text, 100, PUBLISHED)
    assert (mention.start - 100, mention.end - 100) == (25, 31)


def test_may_the_modal_verb_is_not_a_month() -> None:
    assert date_finder("en").find("the toll may rise", 0, PUBLISHED) == []


def test_context_relative_days_are_marked() -> None:
    (mention,) = date_finder("en").find("the previous morning", 0, PUBLISHED)
    assert mention.after_previous == -1
    (mention,) = date_finder("fr").find("le lendemain", 0, PUBLISHED)
    assert mention.after_previous == 1


def test_a_year_hint_dates_day_and_month_without_publication() -> None:
    (mention,) = date_finder("en").find("on 28 September", 0, None, year=2023)
    assert mention.value == date(2023, 9, 28)
    (mention,) = date_finder("en").find("on Sunday", 0, None, year=2023)
    assert mention.value is None  # a weekday needs the publication date


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "des manifestations ont eu lieu mercredi 17 août à Conakry"),
        ("en", "protests took place on Wednesday, August 17 in Conakry"),
    ],
)
def test_a_weekday_picks_the_year_when_the_article_has_no_date(language: str, text: str) -> None:
    # the article names 2021; 17 August was a Wednesday in 2022
    (mention,) = date_finder(language).find(text, 0, None, year=2021)
    assert mention.value == date(2022, 8, 17)


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        ("fr", "enlevées mardi et mercredi près de Djibo", ["2025-06-03", "2025-06-04"]),
        ("en", "clashes on Saturday and Sunday near Djibo", ["2025-05-31", "2025-06-01"]),
        ("en", "clashes between Saturday and Sunday near Djibo", ["2025-05-31"]),
    ],
)
def test_two_weekdays_told_together_are_two_days(language: str, text: str, days: list[str]) -> None:
    found = date_finder(language).find(text, 0, date(2025, 6, 5))
    assert [str(d.value) for d in found] == days
    assert len({d.start for d in found}) == 1  # one expression: one event per day it names


@pytest.mark.parametrize(
    ("language", "text", "published", "day"),
    [
        ("fr", "Le week-end dernier, l'armée a repoussé une attaque", "2025-06-05", "2025-05-31"),
        ("en", "over the weekend", "2025-06-09", "2025-06-07"),
        ("en", "at the weekend", "2025-06-08", "2025-06-07"),
    ],
)
def test_a_weekend_is_its_saturday(language: str, text: str, published: str, day: str) -> None:
    (found,) = date_finder(language).find(text, 0, date.fromisoformat(published))
    assert (str(found.value), found.precision) == (day, 2)


@pytest.mark.parametrize(
    ("language", "text", "shift"),
    [("en", "Two days later, insurgents raided", 2), ("fr", "Trois jours plus tard, des", 3)],
)
def test_days_later_count_from_the_day_told_before(language: str, text: str, shift: int) -> None:
    (found,) = date_finder(language).find(text, 0, date(2025, 6, 5))
    assert found.after_previous == shift
