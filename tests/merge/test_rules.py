from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from strife.merge.rules import ReportKey, place_cell, same_event

BASE = ReportKey(
    id="a-1-1",
    article_id="a-1",
    country="Mali",
    event_date=date(2025, 6, 1),
    time_precision=1,
    event_type="Battles",
    actor1="JNIM: Group for Support of Islam and Muslims",
    actor2="Military Forces of Mali",
    admin1="Mopti",
    latitude=15.279,
    longitude=-1.7004,
    geo_precision=1,
)


def other(**changes: object) -> ReportKey:
    return replace(BASE, id="a-2-1", article_id="a-2", **changes)  # type: ignore[arg-type]


def test_same_place_day_and_actors_merge_with_a_reason() -> None:
    reason = same_event(BASE, other())
    assert reason is not None
    assert "same date" in reason and "same actors" in reason and "0 km" in reason


@pytest.mark.parametrize(
    "changes",
    [
        {"country": "Burkina Faso"},
        {"event_date": date(2025, 6, 2)},  # a day apart at day precision: no chaining of days
        {"event_date": date(2025, 6, 1), "time_precision": 2},  # a vague date never bridges
        {"latitude": 15.5, "longitude": -1.2},  # about 60 km away
        {"event_type": "Protests"},
        {"actor1": "Islamic State Sahel Province"},
        {"actor2": "Civilians (Mali)"},
        {"admin1": "Tombouctou", "geo_precision": 3},
        {"event_date": None},
    ],
)
def test_reports_that_disagree_stay_apart(changes: dict[str, object]) -> None:
    assert same_event(BASE, other(**changes)) is None


def test_the_same_article_never_merges_with_itself() -> None:
    assert same_event(BASE, replace(BASE, id="a-1-2")) is None


@pytest.mark.parametrize(
    "changes",
    [
        {"actor1": "Unidentified Armed Group (Mali)"},  # one outlet does not name the group
        {
            "actor1": "Military Forces of Mali",
            "actor2": "JNIM: Group for Support of Islam and Muslims",
        },
        {"actor2": None},
        {"event_type": "Violence against civilians"},
        {"latitude": 15.35, "longitude": -1.75},  # a neighbouring village, under 15 km
        {"latitude": 14.35, "longitude": -3.6, "geo_precision": 3},  # region level, same admin1
    ],
)
def test_compatible_reports_merge(changes: dict[str, object]) -> None:
    assert same_event(BASE, other(**changes)) is not None


def test_equally_vague_dates_merge_within_their_window() -> None:
    a = replace(BASE, time_precision=2)
    assert same_event(a, other(event_date=date(2025, 6, 6), time_precision=2)) is not None
    assert same_event(a, other(event_date=date(2025, 6, 12), time_precision=2)) is None


def test_the_decision_is_symmetric() -> None:
    variants = [other(), other(actor1="Unidentified Armed Group (Mali)"), other(geo_precision=3)]
    for b in variants:
        assert same_event(BASE, b) == same_event(b, BASE)


def test_place_cells_are_half_degree_squares() -> None:
    assert place_cell(15.279, -1.7004) == (-4, 30)
    assert place_cell(None, 3.0) is None
