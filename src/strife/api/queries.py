"""The API's reads, in SQL on the ``events`` table: pages, map features and statistics.

Nothing here loads reports: an event's resolved columns are enough for lists, maps and charts,
which is what keeps ``/api/events`` within its 50 ms at 100k events.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa

from strife.api.cursor import Position
from strife.store import schema as t

Sort = Literal["date", "-date", "fatalities", "-fatalities"]

e = t.events.c

#: The columns of an EventSummary, named as it names them.
SUMMARY_COLUMNS: list[sa.ColumnElement[Any]] = [
    e.id.label("event_id"),
    e.event_date,
    e.time_precision,
    e.event_type,
    e.sub_event_type,
    e.actor1,
    e.actor2,
    e.country,
    e.admin1,
    e.admin2,
    e.location,
    e.latitude,
    e.longitude,
    e.geo_precision,
    e.fatalities,
    e.fatalities_low,
    e.fatalities_best,
    e.fatalities_high,
    e.disputed,
    e.number_of_reports,
    e.number_of_sources,
]

_ACTOR_TOP = 20
_DECIMALS = 4  # as the GeoJSON export rounds (about 11 m)


@dataclass(slots=True)
class Page:
    rows: list[sa.Row[Any]]
    more: bool


def events_page(
    conn: sa.Connection,
    conditions: Sequence[sa.ColumnElement[bool]],
    sort: Sort,
    limit: int,
    after: Position | None,
) -> Page:
    """One page of events in ``sort`` order (ties by id), after ``after``.

    Keyset pagination: each page starts where the last ended, so pages never repeat or skip
    events however deep they go, and each is one index range scan. Events without a date come
    last in both date orders; they are read as a second range, since NULLs sort at different
    ends on SQLite and PostgreSQL.
    """
    column = e.event_date if sort.endswith("date") else e.fatalities
    descending = sort.startswith("-")
    wanted = limit + 1
    rows: list[sa.Row[Any]] = []
    if after is None or after.value is not None:
        keyed = [*conditions, column.is_not(None)]
        if after is not None:
            keyed.append(_after(column, after, descending))
        rows = _select(conn, keyed, [column, e.id], descending, wanted)
    if column is e.event_date and len(rows) < wanted:
        undated = [*conditions, column.is_(None)]
        if after is not None and after.value is None:
            undated.append(e.id < after.event_id if descending else e.id > after.event_id)
        rows += _select(conn, undated, [e.id], descending, wanted - len(rows))
    return Page(rows[:limit], more=len(rows) > limit)


def _after(column: sa.ColumnElement[Any], at: Position, descending: bool) -> sa.ColumnElement[bool]:
    # The redundant first bound lets the database seek into the (column, id) index instead of
    # scanning it from the start.
    if descending:
        return sa.and_(column <= at.value, sa.or_(column < at.value, e.id < at.event_id))
    return sa.and_(column >= at.value, sa.or_(column > at.value, e.id > at.event_id))


def _select(
    conn: sa.Connection,
    conditions: Sequence[sa.ColumnElement[bool]],
    order: Sequence[sa.ColumnElement[Any]],
    descending: bool,
    limit: int,
) -> list[sa.Row[Any]]:
    query = (
        sa.select(*SUMMARY_COLUMNS)
        .where(*conditions)
        .order_by(*(c.desc() if descending else c.asc() for c in order))
        .limit(limit)
    )
    return list(conn.execute(query))


def count(conn: sa.Connection, conditions: Sequence[sa.ColumnElement[bool]]) -> int:
    return int(
        conn.scalar(sa.select(sa.func.count()).select_from(t.events).where(*conditions)) or 0
    )


def summary(row: sa.Row[Any]) -> dict[str, Any]:
    return dict(row._mapping)


def geojson(conn: sa.Connection, conditions: Sequence[sa.ColumnElement[bool]]) -> str:
    """A FeatureCollection of the matching events, by date then id, as JSON text.

    Written as text directly rather than through response models: a country-year is thousands
    of features, and this is the map's one big request. Like the GeoJSON export, an event
    located only to a country (no geo_precision) has a null geometry.
    """
    query = sa.select(*SUMMARY_COLUMNS).where(*conditions).order_by(e.event_date, e.id)
    features = []
    for row in conn.execute(query):
        props = dict(row._mapping)
        lat, lon = props["latitude"], props["longitude"]
        geometry = None
        if lat is not None and lon is not None and props["geo_precision"] is not None:
            geometry = {
                "type": "Point",
                "coordinates": [round(lon, _DECIMALS), round(lat, _DECIMALS)],
            }
        if props["event_date"] is not None:
            props["event_date"] = props["event_date"].isoformat()
        features.append(
            {"type": "Feature", "id": props["event_id"], "geometry": geometry, "properties": props}
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def stats(
    conn: sa.Connection, conditions: Sequence[sa.ColumnElement[bool]], dialect: str
) -> dict[str, Any]:
    """Counts and fatalities of the matching events: in total, by day, ISO week, type,
    country, and for the 20 actors in most events (an event counts for both its actors)."""
    events = sa.func.count().label("events")
    deaths = sa.func.coalesce(sa.func.sum(e.fatalities), 0).label("fatalities")

    def grouped(key: sa.ColumnElement[Any], *where: sa.ColumnElement[bool]) -> list[Any]:
        query = sa.select(key, events, deaths).where(*conditions, *where).group_by(key)
        return list(conn.execute(query))

    total = conn.execute(sa.select(events, deaths).where(*conditions)).one()
    by_day = grouped(e.event_date.label("date"), e.event_date.is_not(None))
    by_week = grouped(_week(dialect).label("week"), e.event_date.is_not(None))
    by_type = grouped(e.event_type)
    by_country = grouped(e.country)

    matching = sa.select(e.actor1, e.actor2, e.fatalities).where(*conditions).subquery()
    actors = sa.union_all(
        sa.select(matching.c.actor1.label("actor"), matching.c.fatalities),
        sa.select(matching.c.actor2, matching.c.fatalities).where(matching.c.actor2.is_not(None)),
    ).subquery()
    by_actor = conn.execute(
        sa.select(
            actors.c.actor,
            sa.func.count().label("events"),
            sa.func.coalesce(sa.func.sum(actors.c.fatalities), 0).label("fatalities"),
        )
        .group_by(actors.c.actor)
        .order_by(sa.desc("events"), actors.c.actor)
        .limit(_ACTOR_TOP)
    )

    def by_size(rows: list[Any]) -> list[dict[str, Any]]:
        return [dict(r._mapping) for r in sorted(rows, key=lambda r: (-r.events, str(r[0])))]

    return {
        "total": {"events": total.events, "fatalities": total.fatalities},
        "by_day": [dict(r._mapping) for r in sorted(by_day, key=lambda r: r.date)],
        "by_week": [dict(r._mapping) for r in sorted(by_week, key=lambda r: r.week)],
        "by_type": by_size(by_type),
        "by_country": by_size(by_country),
        "by_actor": [dict(r._mapping) for r in by_actor],
    }


def _week(dialect: str) -> sa.ColumnElement[Any]:
    """The Monday of the event's ISO week. Constants are literal SQL, not parameters, so that
    the SELECT and GROUP BY expressions are identical (PostgreSQL requires it)."""
    if dialect == "postgresql":
        return sa.cast(sa.func.date_trunc(sa.literal_column("'week'"), e.event_date), sa.Date)
    # SQLite: forward to the week's Sunday (or stay on it), back six days
    return sa.func.date(
        e.event_date,
        sa.literal_column("'weekday 0'"),
        sa.literal_column("'-6 days'"),
        type_=sa.Date,
    )


def report_events(conn: sa.Connection, article_id: str) -> dict[str, str | None]:
    """Report id → event id, for an article's reports."""
    r = t.reports.c
    rows = conn.execute(sa.select(r.id, r.event_id).where(r.article_id == article_id))
    return {rid: eid for rid, eid in rows}
