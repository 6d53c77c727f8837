"""Merged events as a UCDP GED-style CSV, for users who work with UCDP's georeferenced data.

Columns are GED's names, in GED's order, for the GED fields Strife can fill (research/anchors.md
§2.2), followed by Strife's ``event_type`` and ``sub_event_type`` for reference. Conventions:

- Only events UCDP would record are written: organised violence (``type_of_violence`` 1
  state-based, 2 non-state, 3 one-sided, derived from the two actors' Inter codes through
  ``data/ucdp.yaml``) with at least one death in the low, best or high estimate (UCDP's event
  definition). Strategic developments, peaceful protests, riots, one-actor events and events
  without deaths are skipped rather than written with a blank type, so that GED tools can read
  ``type_of_violence`` as a number; the writer returns how many rows it wrote.
- ``id`` is Strife's ``event_id`` (GED's ids are numbers of UCDP's own).
- ``side_a`` is the government in state-based violence and the perpetrator in one-sided
  violence, where ``side_b`` is "Civilians"; in non-state violence the sides keep ACLED's order.
  Names are ACLED-style actor names, not UCDP's ("Military Forces of Mali", not "Government of
  Mali").
- ``best``/``low``/``high`` are the event's toll range. ``best`` is split into ``deaths_a``,
  ``deaths_b``, ``deaths_civilians`` and ``deaths_unknown`` from the claims' victims: each
  group's figure is the median over kinds of source (a source's figures for different groups
  add up, as in the coder); figures that fit within ``best`` are kept and the rest of ``best``
  is unknown, figures that exceed it are scaled down to it. The four always sum to ``best``.
- ``where_prec``: geo_precision 1 → 1, 2 → 2, a region-level place → 4 (admin1) or 3 (when the
  place is the admin2 unit), placed at the country only or not placed → 6 (no coordinates).
- ``date_prec``: from the days ``date_start``-``date_end`` span (1 day → 1, 2-6 → 2, 7 → 3,
  up to a month → 4, more → 5), and at least what ``time_precision`` says (week → 3, month → 4).
- ``source_article``: one entry per article, "title (url)", entries joined by ";" (";" inside a
  title becomes ","); ``source_office`` and ``source_date`` list the outlets and dates the same
  way.
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from strife.errors import DataError
from strife.export.acled_csv import write_csv_rows
from strife.models import Event, Source
from strife.outlets import source_name
from strife.resources import load_yaml

#: GED's columns that Strife fills, in GED's order, then Strife's event type for reference.
GED_COLUMNS: tuple[str, ...] = (
    "id",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "event_type",
    "sub_event_type",
)

STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
_STATE, _NON_STATE, _CIVILIANS = "state", "non_state", "civilians"
# GED's name for the target side of one-sided violence
_CIVILIANS_SIDE = "Civilians"
_DEATH_COLUMNS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")


@functools.cache
def _ucdp() -> tuple[dict[int, str], dict[str, str], frozenset[str]]:
    data = load_yaml("ucdp.yaml")
    try:
        inter_kinds = {int(k): str(v) for k, v in data["inter_kinds"].items()}
        victim_kinds = {str(k): str(v) for k, v in data["victim_kinds"].items()}
        disorders = frozenset(str(d) for d in data["violent_disorders"])
    except (KeyError, AttributeError, TypeError, ValueError) as exc:
        raise DataError(
            f"data/ucdp.yaml needs inter_kinds, victim_kinds and violent_disorders ({exc})"
        ) from exc
    return inter_kinds, victim_kinds, disorders


def _kind(inter: int | None) -> str | None:
    return _ucdp()[0].get(inter) if inter else None


def sides(event: Event) -> tuple[int, str, str, str | None, str | None] | None:
    """``(type_of_violence, side_a, side_b, kind_a, kind_b)``, or None for what UCDP ignores.

    ``kind_b`` is None for the civilians of one-sided violence, whose dead are counted apart.
    """
    _, _, disorders = _ucdp()
    if not {d.strip() for d in event.disorder_type.split(";")} & disorders:
        return None
    if not event.actor2:
        return None
    one, two = (event.actor1, _kind(event.inter1)), (event.actor2, _kind(event.inter2))
    kinds = {one[1], two[1]}
    armed = {_STATE, _NON_STATE}
    if kinds <= armed:
        if _STATE in kinds:
            (a, kind_a), (b, kind_b) = (one, two) if one[1] == _STATE else (two, one)
            return STATE_BASED, a, b, kind_a, kind_b
        return NON_STATE, one[0], two[0], _NON_STATE, _NON_STATE
    if _CIVILIANS in kinds and len(kinds & armed) == 1:
        perpetrator, kind = one if one[1] in armed else two
        return ONE_SIDED, perpetrator, _CIVILIANS_SIDE, kind, None
    return None


def _tolls(event: Event) -> tuple[int, int, int]:
    best = event.fatalities_best if event.fatalities_best is not None else event.fatalities
    low = event.fatalities_low if event.fatalities_low is not None else event.fatalities
    high = event.fatalities_high if event.fatalities_high is not None else best
    return min(low, best), best, max(high, best)


def _column(victims: str | None, kind_a: str | None, kind_b: str | None) -> str:
    kind = _ucdp()[1].get(victims or "")
    if kind == _CIVILIANS:
        return "deaths_civilians"
    if kind is not None and kind == kind_a and kind != kind_b:
        return "deaths_a"
    if kind is not None and kind == kind_b and kind != kind_a:
        return "deaths_b"
    return "deaths_unknown"


def deaths_by_side(
    event: Event, best: int, kind_a: str | None, kind_b: str | None
) -> dict[str, int]:
    """``best`` split into GED's four death columns from the claims' victims (sums to ``best``)."""
    # per kind of source: per group of victims its highest figure, summed per column
    per_source: dict[str, dict[str | None, int]] = {}
    for claim in event.claims:
        if claim.killed is None or claim.victims is None:
            continue  # a figure without victims is a total: what is left of best is unknown
        groups = per_source.setdefault(claim.kind, {})
        groups[claim.victims] = max(groups.get(claim.victims, 0), claim.killed // claim.split)
    figures: dict[str, list[int]] = {}
    for groups in per_source.values():
        columns: dict[str, int] = {}
        for victims, killed in groups.items():
            column = _column(victims, kind_a, kind_b)
            columns[column] = columns.get(column, 0) + killed
        for column, killed in columns.items():
            figures.setdefault(column, []).append(killed)
    known = {c: int(statistics.median(figures[c])) if c in figures else 0 for c in _DEATH_COLUMNS}
    total = sum(known.values())
    if total <= best:
        known["deaths_unknown"] += best - total
        return known
    # scale down to best by largest remainder; ties go to the earlier column
    scaled = {c: known[c] * best // total for c in _DEATH_COLUMNS}
    remainders = sorted(
        _DEATH_COLUMNS, key=lambda c: (-(known[c] * best % total), _DEATH_COLUMNS.index(c))
    )
    for column in remainders[: best - sum(scaled.values())]:
        scaled[column] += 1
    return scaled


def where_prec(event: Event) -> int:
    """GED's where_prec (1-7) from the event's geo_precision and the kind of place it names."""
    if event.geo_precision is None or event.latitude is None or event.longitude is None:
        return 6
    if event.geo_precision in (1, 2):
        return event.geo_precision
    place = (event.location or "").casefold()
    if event.country and place == event.country.casefold():
        return 6
    if (
        event.admin2
        and place == event.admin2.casefold()
        and place != (event.admin1 or "").casefold()
    ):
        return 3
    return 4


_TIME_TO_DATE_PREC = {1: 1, 2: 3, 3: 4}


def date_span(event: Event) -> tuple[date | None, date | None]:
    start = event.date_start or event.event_date
    end = event.date_end or event.event_date or start
    return start, end


def date_prec(event: Event) -> int | None:
    """GED's date_prec (1-5) from the span of dates the event allows and its time precision."""
    start, end = date_span(event)
    if start is None or end is None:
        return None
    days = (end - start).days + 1
    span = 1 if days <= 1 else 2 if days <= 6 else 3 if days == 7 else 4 if days <= 31 else 5
    return max(span, _TIME_TO_DATE_PREC.get(event.time_precision or 1, 1))


def _entry(text: str) -> str:
    return " ".join(text.replace(";", ",").split())


def _article(source: Source) -> str:
    if source.title and source.url:
        return _entry(f"{source.title} ({source.url})")
    return _entry(source.title or source.url or source_name(source))


def _num(value: float | int | None, fmt: str = "") -> str:
    return "" if value is None else format(value, fmt)


def ged_row(event: Event) -> dict[str, str] | None:
    """One event as a row of :data:`GED_COLUMNS`, or None when UCDP would not record it."""
    coded = sides(event)
    low, best, high = _tolls(event)
    if coded is None or max(low, best, high) < 1:
        return None
    violence, side_a, side_b, kind_a, kind_b = coded
    start, end = date_span(event)
    precision = where_prec(event)
    placed = precision != 6
    deaths = deaths_by_side(event, best, kind_a, kind_b)
    return {
        "id": event.event_id,
        "year": str(start.year) if start else "",
        "type_of_violence": str(violence),
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": str(len(event.sources) or len(event.article_ids)),
        "source_article": ";".join(_article(s) for s in event.sources),
        "source_office": ";".join(_entry(source_name(s)) for s in event.sources),
        "source_date": ";".join(
            s.published.isoformat() if s.published else "" for s in event.sources
        ),
        "where_prec": str(precision),
        "where_coordinates": event.location or "",
        "adm_1": event.admin1 or "",
        "adm_2": event.admin2 or "",
        "latitude": _num(event.latitude, ".4f") if placed else "",
        "longitude": _num(event.longitude, ".4f") if placed else "",
        "country": event.country or "",
        "date_prec": _num(date_prec(event)),
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        **{column: str(value) for column, value in deaths.items()},
        "best": str(best),
        "high": str(high),
        "low": str(low),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
    }


def write_ged_csv(events: Iterable[Event], fp: TextIO) -> int:
    """Write a header and one GED row per event UCDP would record; returns the rows written."""
    rows = (row for row in map(ged_row, events) if row is not None)
    return write_csv_rows(rows, GED_COLUMNS, fp)
