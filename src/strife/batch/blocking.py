"""Blocking keys of the batch merge: which reports are compared, never all pairs.

Each report is put in *home* blocks (where others find it) and looks into *probe* blocks (where
it finds others); a candidate pair is a probe entry and a home entry of the same block. A block
is (country, week, place key) with three kinds of place key, one per branch of
:func:`strife.merge.rules.same_event`'s place test:

- ``cell x y``: a report placed at a point (geo_precision 1 or 2) is at home in its half-degree
  cell and probes the 3 × 3 cells around it, which cover the widest distance of
  ``data/merge.yaml`` (30 km, under a cell's 55 km north–south and, below 57° of latitude,
  east–west) — the same cells the store's incremental merge searches;
- ``admin1 NAME``: every placed report is at home in its admin1 region, and a report placed at
  region level (geo_precision 3 or more) probes it, since "same region" is its place test;
- ``any``: every report is at home here, and a report without a place probes it, because such
  a report may join any place of its country when the actors agree.

Weeks are counted from 1970-01-05 (a Monday); a report is at home in its date's week and
probes every week its ±widest-window (``date_window``) touches, so two reports whose dates are
close enough to merge always share a block. The tests check this against a brute-force
comparison of all pairs.
"""

from __future__ import annotations

from datetime import date

from strife.merge.rules import ReportKey, date_window, place_cell

#: A block: country, week number, place key.
Block = tuple[str, int, str]

_MONDAY_EPOCH = date(1970, 1, 5).toordinal()


def week(day: date) -> int:
    """The week number of a date (weeks start on Monday)."""
    return (day.toordinal() - _MONDAY_EPOCH) // 7


def _places(key: ReportKey) -> tuple[list[str], list[str]]:
    """The place keys a report is at home in, and those it probes."""
    if key.geo_precision is None:
        return ["any"], ["any"]
    homes, probes = ["any"], []
    if key.admin1:
        homes.append(f"admin1 {key.admin1}")
    cell = place_cell(key.latitude, key.longitude)
    if key.geo_precision >= 3:
        if key.admin1:
            probes.append(f"admin1 {key.admin1}")
    elif cell is not None:
        x, y = cell
        homes.append(f"cell {x} {y}")
        probes += [f"cell {x + dx} {y + dy}" for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    return homes, probes


def blocks(key: ReportKey) -> tuple[list[Block], list[Block]]:
    """The home and probe blocks of a report; none for a report that never merges."""
    window = date_window(key)
    if not key.mergeable or window is None or key.country is None or key.event_date is None:
        return [], []
    home_places, probe_places = _places(key)
    home_week = week(key.event_date)
    weeks = range(week(window[0]), week(window[1]) + 1)
    homes = [(key.country, home_week, place) for place in home_places]
    probes = [(key.country, w, place) for w in weeks for place in probe_places]
    return homes, probes
