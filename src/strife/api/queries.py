"""The API's reads, in SQL on the ``events`` table: pages, map features and statistics.

Nothing here loads reports: an event's resolved columns are enough for lists, maps and charts,
which is what keeps ``/api/events`` within its 50 ms at 100k events.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.sql import visitors
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

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
    matches: int,
) -> Page:
    """One page of events in ``sort`` order (ties by id), after ``after``; ``matches`` is how
    many events the conditions select (the page's total).

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
        order = [column, e.id]
        if _in_sort_order(conn, _query(keyed, order, descending, wanted), matches, wanted):
            keyed = [_not_indexed(c, column) for c in keyed]
        rows = _select(conn, keyed, order, descending, wanted)
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
    return list(conn.execute(_query(conditions, order, descending, limit)))


def _query(
    conditions: Sequence[sa.ColumnElement[bool]],
    order: Sequence[sa.ColumnElement[Any]],
    descending: bool,
    limit: int,
) -> sa.Select[Any]:
    return (
        sa.select(*SUMMARY_COLUMNS)
        .where(*conditions)
        .order_by(*(c.desc() if descending else c.asc() for c in order))
        .limit(limit)
    )


def _in_sort_order(conn: sa.Connection, query: sa.Select[Any], matches: int, wanted: int) -> bool:
    """SQLite: whether to read the events in sort order, skipping those that do not match,
    rather than as SQLite plans ``query``: every match through a filter's index, then sorted.

    In sort order, ``wanted`` rows take about ``wanted * events / matches`` reads. SQLite's
    planner cannot tell: it prefers any index a filter can use, even one selecting a quarter
    of the table (an actor substring: 25k events read and sorted for a page of 100, 20 ms at
    100k events, where the sort order reads 400 rows). A plan that reads the matches already
    in order (a country's events by date) is kept. PostgreSQL's planner weighs this itself
    from its statistics.
    """
    if conn.dialect.name != "sqlite" or matches == 0:
        return False
    events = int(conn.scalar(sa.select(sa.func.count()).select_from(t.events)) or 0)
    if wanted * events > matches * matches:
        return False
    compiled = query.compile(conn, compile_kwargs={"render_postcompile": True})
    parameters = tuple(compiled.params[name] for name in compiled.positiontup or ())
    plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", parameters)
    return any(step == "USE TEMP B-TREE FOR ORDER BY" for *_, step in plan)


def _not_indexed(
    condition: sa.ColumnElement[bool], sort_key: sa.ColumnElement[Any]
) -> sa.ColumnElement[bool]:
    """``condition`` as SQLite's planner may not answer from an index (a unary +, SQLite's
    documented way), unless it bounds the sort key: that bound is a range of the sort index."""
    if any(node is sort_key for node in visitors.iterate(condition)):
        return condition
    return UnaryExpression(condition.self_group(), operator=custom_op("+"), type_=sa.Boolean())


def count(conn: sa.Connection, conditions: Sequence[sa.ColumnElement[bool]]) -> int:
    return int(
        conn.scalar(sa.select(sa.func.count()).select_from(t.events).where(*conditions)) or 0
    )


def summary(row: sa.Row[Any]) -> dict[str, Any]:
    return dict(row._mapping)


def geojson(conn: sa.Connection, conditions: Sequence[sa.ColumnElement[bool]]) -> str:
    """A FeatureCollection of the matching events, by date then id, as JSON text.

    The database writes each feature's JSON (SQLite ``json_object``, PostgreSQL
    ``json_build_object``) and Python only joins them: a country-year is thousands of features,
    the map's one big request, and building them as Python objects held the GIL for most of
    the request, so that two concurrent maps took twice as long. Like the GeoJSON export, an
    event located only to a country (no geo_precision) has a null geometry.
    """
    feature = _feature(conn.dialect.name)
    query = sa.select(feature).where(*conditions).order_by(e.event_date, e.id)
    return '{"type":"FeatureCollection","features":[' + ",".join(conn.scalars(query)) + "]}"


@functools.cache  # one expression per dialect, built once
def _feature(dialect: str) -> sa.ColumnElement[str]:
    """One event as the JSON text of a GeoJSON Feature whose properties are an EventSummary."""
    postgres = dialect == "postgresql"

    def obj(*pairs: tuple[str, sa.ColumnElement[Any]]) -> sa.ColumnElement[Any]:
        # keys are literal SQL, not parameters: PostgreSQL cannot type a parameter passed to
        # json_build_object's variadic "any" arguments
        args = [x for key, value in pairs for x in (sa.literal_column(f"'{key}'"), value)]
        return sa.func.json_build_object(*args) if postgres else sa.func.json_object(*args)

    def rounded(column: sa.ColumnElement[float]) -> sa.ColumnElement[Any]:
        if postgres:
            return sa.func.round(sa.cast(column, sa.Numeric), _DECIMALS)
        return sa.func.round(column, _DECIMALS)

    def exact(column: sa.ColumnElement[float]) -> sa.ColumnElement[Any]:
        # SQLite's JSON writes reals with 15 significant digits, which changes some stored
        # coordinates; 17 digits read back as the same double. PostgreSQL writes the shortest
        # exact form.
        if postgres:
            return column
        return sa.case(
            (column.is_(None), None), else_=sa.func.json(sa.func.printf("%!.17g", column))
        )

    def boolean(column: sa.ColumnElement[bool]) -> sa.ColumnElement[Any]:
        # SQLite keeps booleans as 0/1; json('true') is the JSON literal
        if postgres:
            return column
        return sa.case((column, sa.func.json("true")), else_=sa.func.json("false"))

    properties = []
    for column in SUMMARY_COLUMNS:
        name = column.name
        value: sa.ColumnElement[Any] = e.id if name == "event_id" else column
        if name in {"latitude", "longitude"}:
            value = exact(value)
        elif name == "disputed":
            value = boolean(value)
        properties.append((name, value))
    located = sa.and_(
        e.latitude.is_not(None), e.longitude.is_not(None), e.geo_precision.is_not(None)
    )
    array = sa.func.json_build_array if postgres else sa.func.json_array
    point = obj(
        ("type", sa.literal_column("'Point'")),
        ("coordinates", array(rounded(e.longitude), rounded(e.latitude))),
    )
    feature = obj(
        ("type", sa.literal_column("'Feature'")),
        ("id", e.id),
        ("geometry", sa.case((located, point))),
        ("properties", obj(*properties)),
    )
    return sa.cast(feature, sa.Text) if postgres else feature


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
