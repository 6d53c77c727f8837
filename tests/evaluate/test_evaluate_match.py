"""Matching predicted reports to gold events: country, date windows, 50 km / admin1, assignment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from evaluate_support import report_from_gold

from strife.evaluate import GoldArticle, GoldEvent, check_pair, match_article
from strife.evaluate.match import assign
from strife.geo.distance import distance_km
from strife.models import Article, Report

ARTICLE = Article(id="m-1", text="invented", published=date(2024, 3, 10))
GOLD = GoldEvent(
    event_type="Battles",
    sub_event_type="Armed clash",
    actor1="JNIM: Group for Support of Islam and Muslims",
    actor2="Military Forces of Mali",
    country="Mali",
    event_date=date(2024, 3, 9),
    time_precision=1,
    admin1="Mopti",
    location="Alpha",
    latitude=14.0,
    longitude=-3.0,
    geo_precision=1,
    fatalities=10,
)
KM_PER_DEGREE_LAT = 111.195


def predicted(gold: GoldEvent = GOLD, **changes: Any) -> Report:
    return report_from_gold(ARTICLE, gold, **changes)


def north_of(gold: GoldEvent, km: float) -> dict[str, Any]:
    assert gold.latitude is not None
    return {"latitude": gold.latitude + km / KM_PER_DEGREE_LAT, "longitude": gold.longitude or 0.0}


def test_haversine_one_degree_of_latitude() -> None:
    assert distance_km(14.0, -3.0, 15.0, -3.0) == pytest.approx(KM_PER_DEGREE_LAT, rel=1e-3)
    assert distance_km(14.0, -3.0, 14.0, -3.0) == 0.0


def test_identical_event_matches() -> None:
    check = check_pair(GOLD, predicted())
    assert check.ok and check.cost == 0.0 and check.distance_km == 0.0


def test_country_must_be_equal() -> None:
    assert check_pair(GOLD, predicted(country="Niger")).reason == "country"
    assert check_pair(GOLD, predicted(country=None)).reason == "country"
    assert check_pair(GOLD, predicted(country="MALI")).ok


@pytest.mark.parametrize(
    ("gold_precision", "pred_precision", "days", "ok"),
    [
        (1, 1, 1, True),
        (1, 1, -1, True),
        (1, 1, 2, False),
        (2, 1, 7, True),
        (2, 1, -7, True),
        (2, 1, 8, False),
        (1, 2, 7, True),  # either side's week precision widens the window
        (3, 1, 15, True),
        (3, 1, 16, False),
        (1, 3, -15, True),
    ],
)
def test_date_windows(gold_precision: int, pred_precision: int, days: int, ok: bool) -> None:
    gold = replace(GOLD, time_precision=gold_precision)
    assert GOLD.event_date is not None
    report = predicted(
        gold, event_date=GOLD.event_date + timedelta(days=days), time_precision=pred_precision
    )
    check = check_pair(gold, report)
    assert check.ok is ok
    if not ok:
        assert check.reason == "date"


def test_undated_gold_skips_the_date() -> None:
    gold = replace(GOLD, event_date=None, time_precision=None)
    assert check_pair(gold, predicted(gold, event_date=date(2020, 1, 1))).ok


@pytest.mark.parametrize(
    ("reported", "ok"),
    [(date(2024, 3, 10), True), (date(2024, 3, 8), True), (date(2024, 3, 11), False)],
)
def test_undated_prediction_matches_through_reported_date(reported: date, ok: bool) -> None:
    report = predicted(event_date=None, time_precision=None, reported_date=reported)
    assert check_pair(GOLD, report).ok is ok


def test_undated_prediction_without_reported_date_does_not_match_dated_gold() -> None:
    assert check_pair(GOLD, predicted(event_date=None, reported_date=None)).reason == "date"


@pytest.mark.parametrize(("km", "ok"), [(10, True), (49, True), (51, False), (200, False)])
def test_places_within_50_km(km: float, ok: bool) -> None:
    check = check_pair(GOLD, predicted(**north_of(GOLD, km)))
    assert check.ok is ok
    assert check.distance_km == pytest.approx(km, rel=1e-3)


@pytest.mark.parametrize("side", ["gold", "predicted"])
def test_region_level_matches_on_admin1(side: str) -> None:
    gold = replace(GOLD, geo_precision=3) if side == "gold" else GOLD
    precision = 3 if side == "predicted" else 1
    far = predicted(gold, geo_precision=precision, **north_of(GOLD, 150))
    assert check_pair(gold, far).ok
    other_region = predicted(gold, geo_precision=precision, admin1="Gao", **north_of(GOLD, 150))
    assert check_pair(gold, other_region).reason == "place"


def test_admin1_does_not_excuse_distance_at_town_precision() -> None:
    assert check_pair(GOLD, predicted(**north_of(GOLD, 150))).reason == "place"


def test_gold_without_coordinates_compares_names_and_admin1() -> None:
    gold = replace(GOLD, latitude=None, longitude=None)
    assert check_pair(gold, predicted(gold, latitude=14.0, longitude=-3.0)).ok
    assert check_pair(gold, predicted(gold, location="Elsewhere", latitude=14.0, longitude=-3.0)).ok
    wrong = predicted(gold, location="Elsewhere", admin1="Gao", latitude=14.0, longitude=-3.0)
    assert check_pair(gold, wrong).reason == "place"


def test_assign_maximises_matches_before_cost() -> None:
    # Greedy-by-best-score would take (0, 0) at cost 0.1 and leave row 1 unmatched.
    inf = 1e9
    assert assign([[0.1, 0.2], [0.5, inf]]) == [(0, 1), (1, 0)]


def test_assign_rectangular() -> None:
    assert assign([[3.0, 1.0, 2.0]]) == [(0, 1)]
    assert assign([[3.0], [1.0], [2.0]]) == [(1, 0)]
    assert assign([]) == []


def test_match_article_pairs_each_event_with_its_prediction() -> None:
    other = replace(
        GOLD,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Civilians (Mali)",
        **north_of(GOLD, 20),
    )
    gold = GoldArticle(id="m-1", text="invented", events=(GOLD, other))
    # Both predictions are within 50 km of both gold events: type and actors decide.
    reports = [predicted(other), predicted(GOLD)]
    result = match_article(gold, reports)
    assert {(p.gold_index, p.predicted_index) for p in result.pairs} == {(0, 1), (1, 0)}
    assert result.false_negatives == [] and result.false_positives == []


def test_unplaced_predictions_are_excluded_and_counted() -> None:
    gold = GoldArticle(id="m-1", text="invented", events=(GOLD,))
    unplaced = predicted(geo_precision=None, latitude=None, longitude=None, location=None)
    result = match_article(gold, [unplaced, predicted()])
    assert result.unplaced == [0]
    assert [(p.gold_index, p.predicted_index) for p in result.pairs] == [(0, 1)]
    assert result.predicted_scored == 1
    # Alone, an unplaced prediction is neither a match nor a false positive.
    alone = match_article(gold, [unplaced])
    assert alone.pairs == [] and alone.false_positives == [] and alone.false_negatives == [0]


def test_extra_and_missed_events() -> None:
    gold = GoldArticle(id="m-1", text="invented", events=(GOLD,))
    far = predicted(**north_of(GOLD, 300))
    result = match_article(gold, [far])
    assert result.false_negatives == [0]
    assert result.false_positives == [0]


def test_assign_is_optimal_on_random_matrices() -> None:
    import itertools
    import random

    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        cost = [[rng.choice([rng.random() * 3, 1e9]) for _ in range(cols)] for _ in range(rows)]
        got = sum(cost[r][c] for r, c in assign(cost))
        if rows <= cols:
            best = min(
                sum(cost[r][c] for r, c in enumerate(perm))
                for perm in itertools.permutations(range(cols), rows)
            )
        else:
            best = min(
                sum(cost[r][c] for c, r in enumerate(perm))
                for perm in itertools.permutations(range(rows), cols)
            )
        assert got == pytest.approx(best)
