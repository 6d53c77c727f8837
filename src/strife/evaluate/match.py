"""Match predicted reports to gold events within one article (DESIGN.md §7).

A prediction can only match a gold event of the same article, and only when the two could be the
same event under ACLED's unit rule (one actor pair × one place × one day):

* **country**: equal (case- and accent-insensitive);
* **date**: within ±1 day, widened to ±7 when either side has week precision (2) and ±15 when
  either has month precision (3), because those dates are midpoints of a window. A gold event
  without a date (the text gives no day) puts no condition on the date. A prediction without a
  date matches a dated gold event only when its ``reported_date`` is within a day of it (ACLED
  notes are written on the event date, so "reported on" is then as good as the date);
* **place**: within 50 km, or in the same admin1 when either side is region-level
  (geo_precision 3, placed at the region's capital by convention). Where a side has no
  coordinates (a gold village no gazetteer has), the place names or the admin1 must agree.

Predictions with ``geo_precision`` null (only a country or "northern X" named) are not scored:
the gold leaves such mentions out too. They are kept apart and counted as "unplaced".

Among the feasible pairs, an optimal one-to-one assignment (Hungarian method) first maximises the
number of matches and then minimises a cost made of distance, date gap, type disagreement and actor
disagreement, so that two events in one article reported at nearby places are not crossed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from strife.evaluate.gold import GoldArticle, GoldEvent, actor_key, fold
from strife.geo.distance import distance_km
from strife.models import Report

#: Distance under which two places can be the same event's place.
MATCH_KM = 50.0
#: Half-width of the date window, in days, by time_precision (1 day, 2 week, 3 month).
DATE_WINDOW_DAYS = {1: 1, 2: 7, 3: 15}
#: Window around a gold date within which a dateless prediction's reported_date is accepted.
REPORTED_DATE_DAYS = 1

# Any infeasible pair costs more than the sum of all feasible costs in an article, so the
# assignment never trades a match for a lower total cost.
_INFEASIBLE = 1e9


def is_placed(report: Report) -> bool:
    """Whether a prediction is scored: unplaceable reports (geo_precision null) are not."""
    return report.geo_precision is not None


def event_distance_km(gold: GoldEvent, report: Report) -> float | None:
    """Distance between the gold and predicted places, or None when either lacks coordinates."""
    if (
        gold.latitude is None
        or gold.longitude is None
        or report.latitude is None
        or report.longitude is None
    ):
        return None
    return distance_km(gold.latitude, gold.longitude, report.latitude, report.longitude)


def date_window_days(gold: GoldEvent, report: Report) -> int:
    """The ± window for a pair: the wider of the two sides' precision windows."""
    return max(
        DATE_WINDOW_DAYS.get(gold.time_precision or 1, 1),
        DATE_WINDOW_DAYS.get(report.time_precision or 1, 1),
    )


@dataclass(frozen=True)
class PairCheck:
    """Whether a gold event and a prediction can be the same event, and at what cost.

    ``reason`` names the first criterion that failed (country, date, place) and ``detail`` says
    by how much, for the mismatches
    file; ``cost`` orders the feasible pairs (lower is a closer match).
    """

    ok: bool
    reason: str | None = None
    detail: str | None = None
    cost: float = 0.0
    distance_km: float | None = None
    date_gap_days: int | None = None


def _days(a: date, b: date) -> int:
    return abs((a - b).days)


def check_pair(gold: GoldEvent, report: Report) -> PairCheck:
    """Apply the matching criteria of DESIGN.md §7 to one gold event and one prediction."""
    if not fold(report.country) or fold(report.country) != fold(gold.country):
        return PairCheck(False, "country", f"{report.country!r} vs gold {gold.country!r}")

    # Date.
    gap: int | None = None
    date_cost = 0.0
    if gold.event_date is not None:
        if report.event_date is not None:
            gap = _days(report.event_date, gold.event_date)
            window = date_window_days(gold, report)
            if gap > window:
                detail = f"{gap} days apart, window ±{window}"
                return PairCheck(False, "date", detail, date_gap_days=gap)
            date_cost = gap / (window + 1)
        elif (
            report.reported_date is not None
            and _days(report.reported_date, gold.event_date) <= REPORTED_DATE_DAYS
        ):
            date_cost = 1.0  # accepted, but any dated candidate is preferred
        else:
            detail = f"no event_date; reported_date {report.reported_date} vs {gold.event_date}"
            return PairCheck(False, "date", detail)

    # Place.
    distance = event_distance_km(gold, report)
    same_admin1 = bool(fold(gold.admin1)) and fold(gold.admin1) == fold(report.admin1)
    same_name = bool(fold(gold.location)) and fold(gold.location) == fold(report.location)
    region_level = gold.geo_precision == 3 or report.geo_precision == 3
    if distance is not None and distance <= MATCH_KM:
        place_cost = distance / MATCH_KM
    elif region_level and same_admin1:
        place_cost = 1.0
    elif distance is None and (same_name or same_admin1):
        place_cost = 0.0 if same_name else 0.5
    else:
        if distance is not None:
            detail = f"{distance:.0f} km apart"
        else:
            detail = (
                f"{report.location!r}, {report.admin1!r} vs gold {gold.location!r}, {gold.admin1!r}"
            )
        return PairCheck(False, "place", detail, distance_km=distance, date_gap_days=gap)

    # Type and actors only order the feasible pairs; they never prevent a match.
    if fold(gold.event_type) != fold(report.event_type):
        type_cost = 1.0
    elif fold(gold.sub_event_type) != fold(report.sub_event_type):
        type_cost = 0.5
    else:
        type_cost = 0.0
    gold_actors = {actor_key(gold.actor1), actor_key(gold.actor2)} - {""}
    pred_actors = {actor_key(report.actor1), actor_key(report.actor2)} - {""}
    union = gold_actors | pred_actors
    actor_cost = 0.5 * (1 - len(gold_actors & pred_actors) / len(union)) if union else 0.0

    return PairCheck(
        True,
        cost=place_cost + date_cost + type_cost + actor_cost,
        distance_km=distance,
        date_gap_days=gap,
    )


def assign(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment of rows to columns (Hungarian method, O(n²m)).

    cost: a rectangular matrix; rows and columns may differ in number.
    RETURNS: the (row, column) pairs of an optimal assignment, one per row or column, whichever
    is fewer. Written out here because articles hold a handful of events and a dependency on
    scipy for one function is not worth it.
    """
    n_rows = len(cost)
    n_cols = len(cost[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    if n_rows > n_cols:
        return [(r, c) for c, r in assign([list(col) for col in zip(*cost, strict=True)])]

    # Potentials u (rows) and v (columns); p[j] is the row assigned to column j (1-based, 0=none).
    inf = math.inf
    u = [0.0] * (n_rows + 1)
    v = [0.0] * (n_cols + 1)
    p = [0] * (n_cols + 1)
    way = [0] * (n_cols + 1)
    for i in range(1, n_rows + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n_cols + 1)
        used = [False] * (n_cols + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n_cols + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(n_cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sorted((p[j] - 1, j - 1) for j in range(1, n_cols + 1) if p[j])


@dataclass(frozen=True)
class MatchedPair:
    """A gold event (index into the article's gold events) matched to a prediction (index into
    the article's predicted reports)."""

    gold_index: int
    predicted_index: int
    cost: float
    distance_km: float | None
    date_gap_days: int | None


@dataclass
class ArticleMatch:
    """The outcome of matching one article: pairs, misses, extras and unplaced predictions.

    Indices refer to ``gold.events`` and ``reports`` (all predicted reports, placed or not).
    Gold events with geo_precision null are set aside like unplaced predictions (``gold_unplaced``)
    so both sides follow the same rule.
    """

    gold: GoldArticle
    reports: list[Report]
    pairs: list[MatchedPair] = field(default_factory=list)
    false_negatives: list[int] = field(default_factory=list)
    false_positives: list[int] = field(default_factory=list)
    unplaced: list[int] = field(default_factory=list)
    gold_unplaced: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def gold_scored(self) -> int:
        """Gold events that count for recall."""
        return len(self.gold.events) - len(self.gold_unplaced)

    @property
    def predicted_scored(self) -> int:
        """Predictions that count for precision."""
        return len(self.reports) - len(self.unplaced)


def match_article(
    gold: GoldArticle, reports: Sequence[Report], *, warnings: Sequence[str] = ()
) -> ArticleMatch:
    """Match the predicted reports of one article to its gold events, one to one."""
    result = ArticleMatch(gold=gold, reports=list(reports), warnings=list(warnings))
    placed = [j for j, r in enumerate(reports) if is_placed(r)]
    result.unplaced = [j for j, r in enumerate(reports) if not is_placed(r)]
    gold_rows = [i for i, e in enumerate(gold.events) if e.geo_precision is not None]
    result.gold_unplaced = [i for i, e in enumerate(gold.events) if e.geo_precision is None]

    checks = {(i, j): check_pair(gold.events[i], reports[j]) for i in gold_rows for j in placed}
    matrix = [
        [checks[i, j].cost if checks[i, j].ok else _INFEASIBLE for j in placed] for i in gold_rows
    ]
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for r, c in assign(matrix):
        i, j = gold_rows[r], placed[c]
        check = checks[i, j]
        if not check.ok:
            continue
        result.pairs.append(MatchedPair(i, j, check.cost, check.distance_km, check.date_gap_days))
        matched_gold.add(i)
        matched_pred.add(j)
    result.false_negatives = [i for i in gold_rows if i not in matched_gold]
    result.false_positives = [j for j in placed if j not in matched_pred]
    return result


def why_unmatched(gold: GoldEvent, reports: Sequence[Report]) -> dict[int, str]:
    """For a missed gold event, why each placed prediction of its article could not match it."""
    reasons: dict[int, str] = {}
    for j, report in enumerate(reports):
        if is_placed(report):
            check = check_pair(gold, report)
            reasons[j] = (
                f"{check.reason}: {check.detail}" if check.reason else "matched another gold event"
            )
    return reasons
