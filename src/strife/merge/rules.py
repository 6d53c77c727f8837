"""When two reports tell the same event (DESIGN.md §5), and why.

The decision looks at the two reports only, never at the events they already belong to, so the
events (the connected components of "same event" links) do not depend on the order in which
articles arrive: an incremental merge and a merge from scratch give the same events.
The thresholds live in ``data/merge.yaml``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from strife.errors import DataError
from strife.geo.distance import distance_km
from strife.models import Report
from strife.resources import load_yaml

#: Grid size of the place cells used for blocking, in degrees (about 55 km at the equator).
CELL_DEGREES = 0.5


@dataclass(frozen=True, slots=True)
class MergeRules:
    date_tolerance: dict[int, int]
    distance: dict[int, float]
    type_group: dict[str, int]
    generic_prefixes: tuple[str, ...]

    @property
    def widest_date_window(self) -> int:
        return max(self.date_tolerance.values())

    @property
    def widest_distance(self) -> float:
        return max(self.distance.values())


@cache
def merge_rules() -> MergeRules:
    """The thresholds of ``data/merge.yaml``."""
    data = load_yaml("merge.yaml")
    try:
        groups = {
            str(name): number
            for number, group in enumerate(data["compatible_event_types"])
            for name in group
        }
        return MergeRules(
            date_tolerance={int(k): int(v) for k, v in data["date_tolerance_days"].items()},
            distance={int(k): float(v) for k, v in data["distance_km"].items()},
            type_group=groups,
            generic_prefixes=tuple(data["generic_actor_prefixes"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"data/merge.yaml is malformed: {exc!r}") from exc


@dataclass(frozen=True, slots=True)
class ReportKey:
    """The fields of a report the merge decision reads."""

    id: str
    article_id: str
    country: str | None
    event_date: date | None
    time_precision: int | None
    event_type: str
    actor1: str
    actor2: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None

    @property
    def mergeable(self) -> bool:
        """A report without a country or a resolved date stays an event of its own."""
        return self.country is not None and self.event_date is not None


def report_key(report: Report) -> ReportKey:
    """The fields of ``report`` the merge decision reads."""
    return ReportKey(**{name: getattr(report, name) for name in ReportKey.__dataclass_fields__})


def place_cell(latitude: float | None, longitude: float | None) -> tuple[int, int] | None:
    """The blocking cell of a point: integer grid coordinates of :data:`CELL_DEGREES`."""
    if latitude is None or longitude is None:
        return None
    return math.floor(longitude / CELL_DEGREES), math.floor(latitude / CELL_DEGREES)


def date_window(key: ReportKey) -> tuple[date, date] | None:
    """The dates a candidate may have: the widest tolerance either side of the report's date."""
    if key.event_date is None:
        return None
    days = timedelta(days=merge_rules().widest_date_window)
    return key.event_date - days, key.event_date + days


def same_event(a: ReportKey, b: ReportKey) -> str | None:
    """Why ``a`` and ``b`` are the same event, or None when they are not.

    Symmetric: ``same_event(a, b)`` and ``same_event(b, a)`` agree.
    """
    if a.article_id == b.article_id or not (a.mergeable and b.mergeable):
        # an article's own reports were split on purpose by the coder
        return None
    if a.country != b.country:
        return None
    rules = merge_rules()
    reasons = [f"same country ({a.country})"]
    for check in (_dates, _types, _actors, _places):
        reason = check(a, b, rules)
        if reason is None:
            return None
        reasons.append(reason)
    return "; ".join(reasons)


def _dates(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    assert a.event_date is not None and b.event_date is not None
    precision = a.time_precision or 3
    if (b.time_precision or 3) != precision:
        return None
    tolerance = rules.date_tolerance.get(precision, rules.widest_date_window)
    gap = abs((a.event_date - b.event_date).days)
    if gap > tolerance:
        return None
    if gap == 0:
        return f"same date ({a.event_date.isoformat()})"
    return f"dates {gap} day(s) apart, within {tolerance} at time precision {precision}"


def _types(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    if a.event_type == b.event_type:
        return f"same event type ({a.event_type})"
    group_a, group_b = rules.type_group.get(a.event_type), rules.type_group.get(b.event_type)
    if group_a is None or group_a != group_b:
        return None
    return f"compatible event types ({a.event_type} / {b.event_type})"


def _generic(actor: str, rules: MergeRules) -> bool:
    return actor.startswith(rules.generic_prefixes)


def _actor_match(x: str | None, y: str | None, rules: MergeRules) -> bool:
    if x is None or y is None or x == y:
        return True
    # a placeholder stands for an armed actor, never for civilians
    if x.startswith("Civilians") or y.startswith("Civilians"):
        return False
    return _generic(x, rules) or _generic(y, rules)


def _actors(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    straight = _actor_match(a.actor1, b.actor1, rules) and _actor_match(a.actor2, b.actor2, rules)
    crossed = _actor_match(a.actor1, b.actor2, rules) and _actor_match(a.actor2, b.actor1, rules)
    if not (straight or crossed):
        return None
    if {a.actor1, a.actor2} == {b.actor1, b.actor2}:
        return "same actors"
    return "compatible actors (one report names who the other leaves unnamed)"


def _places(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    placed_a, placed_b = a.geo_precision is not None, b.geo_precision is not None
    if not (placed_a and placed_b):
        # a report with only a country may join one with a place if everything else agrees
        same_actors = {a.actor1, a.actor2} == {b.actor1, b.actor2}
        return "one report has no place; same actors" if same_actors else None
    assert a.geo_precision is not None and b.geo_precision is not None
    if max(a.geo_precision, b.geo_precision) >= 3:
        if a.admin1 and a.admin1 == b.admin1:
            return f"same region ({a.admin1}), one report placed at region level"
        return None
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    limit = rules.distance[max(a.geo_precision, b.geo_precision)]
    if km > limit:
        return None
    return f"places {km:.0f} km apart (within {limit:.0f} km)"
