"""The event database: articles and their reports in, merged events out (DESIGN.md §5, §6).

:meth:`Store.add` stores one article's extraction and merges its reports into events in one
transaction, so an ingest killed at any moment leaves whole articles or nothing, and a re-run
picks up where it stopped. Merging is incremental and order-independent: each new report is
compared with the stored reports its blocking keys select (same country, dates within the widest
window, nearby place cell or same region), a pair judged the same event is stored as a link with
its reason, and the events are the connected components of these links. An event's id comes
from its reports, so the same reports give the same events and ids in any arrival order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from strife.errors import StoreError
from strife.merge.resolve import resolve
from strife.merge.rules import ReportKey, date_window, place_cell, report_key, same_event
from strife.merge.sources import source_of
from strife.models import Article, Claim, Event, Extraction, MergeLink, Report, Source, Span
from strife.store import schema as t
from strife.store.db import create_engine, database_url

# Report fields stored as columns of the same name (everything but the nested lists).
_REPORT_FIELDS = tuple(
    name for name in Report.model_fields if name not in {"id", "claims", "evidence"}
)
_EVENT_FIELDS = tuple(
    name
    for name in Event.model_fields
    if name not in {"event_id", "reports", "sources", "links", "contradictions"}
)
_BATCH = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the exports and the API select events by; None means no condition."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None  # words that must all occur in the evidence sentences of a report

    def where(
        self, *, postgis: bool = False, dialect: str = "sqlite"
    ) -> list[sa.ColumnElement[bool]]:
        """SQL conditions; with ``postgis`` the bounding box uses the spatial index, and
        ``dialect`` picks the full-text index ``q`` searches (see migration 0003)."""
        e = t.events.c
        conditions: list[sa.ColumnElement[bool]] = []
        if self.date_from:
            conditions.append(e.event_date >= self.date_from)
        if self.date_to:
            conditions.append(e.event_date <= self.date_to)
        if self.country:
            conditions.append(sa.func.lower(e.country) == self.country.lower())
        if self.admin1:
            conditions.append(sa.func.lower(e.admin1) == self.admin1.lower())
        if self.event_type:
            conditions.append(e.event_type == self.event_type)
        if self.sub_event_type:
            conditions.append(e.sub_event_type == self.sub_event_type)
        if self.actor:
            # the substring is looked for in the distinct names (migration 0004), and the
            # events with a matching name are then found through the actor1/actor2 indexes
            pattern = f"%{_escape_like(self.actor.lower())}%"
            names = t.actor_names.c.name
            matching = sa.select(names).where(sa.func.lower(names).like(pattern, escape="\\"))
            conditions.append(sa.or_(e.actor1.in_(matching), e.actor2.in_(matching)))
        if self.min_fatalities is not None:
            conditions.append(e.fatalities >= self.min_fatalities)
        if self.bbox and postgis:
            envelope = sa.func.ST_MakeEnvelope(*self.bbox, 4326)
            conditions.append(sa.literal_column("events.geom").op("&&")(envelope))
        elif self.bbox:
            west, south, east, north = self.bbox
            conditions += [
                e.latitude.between(south, north),
                e.longitude.between(west, east),
            ]
        if self.q is not None:
            conditions.append(_text_search(self.q, dialect))
        return conditions


def search_words(text: str) -> list[str]:
    """The words of a search: runs of letters and digits; everything else separates them."""
    return re.findall(r"[^\W_]+", text)


def _text_search(text: str, dialect: str) -> sa.ColumnElement[bool]:
    """Events with a report whose evidence has every word of ``text``.

    The words are passed as a bound parameter, each quoted for FTS5, so no search text is ever
    read as query syntax. A search without any word matches nothing rather than everything.
    """
    words = search_words(text)
    if not words:
        return sa.false()
    rt = t.report_text.c
    if dialect == "postgresql":
        config: sa.ColumnElement[Any] = sa.literal_column("'simple'::regconfig")
        vector = sa.func.to_tsvector(config, rt.body)
        query = sa.func.plainto_tsquery(config, sa.bindparam("q_words", " ".join(words)))
        matching = sa.select(rt.report_id).where(vector.op("@@")(query))
    else:
        match = " ".join(f'"{word}"' for word in words)
        fts = sa.table("report_text_fts", sa.column("rowid"))
        hits = sa.select(fts.c.rowid).where(
            sa.literal_column("report_text_fts").op("MATCH")(sa.bindparam("q_words", match))
        )
        matching = sa.select(rt.report_id).where(rt.id.in_(hits))
    events = sa.select(t.reports.c.event_id).where(t.reports.c.id.in_(matching))
    return t.events.c.id.in_(events)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(slots=True)
class AddResult:
    """What storing one article did."""

    article_id: str
    new: bool
    reports: int = 0
    events: list[str] = field(default_factory=list)  # ids of the events its reports are in now


class Store:
    """A Strife database (SQLite file or PostgreSQL), migrated on open."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        #: events have a PostGIS ``geom`` column (migration 0002 on a PostgreSQL with PostGIS)
        self.postgis = engine.dialect.name == "postgresql" and _has_geom(engine)

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        """Open (creating and migrating) the database at a path or URL; see :func:`database_url`."""
        engine = create_engine(database_url(db))
        if engine.dialect.name == "sqlite":
            _immediate_writes(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def known_articles(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored already."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(wanted):
                found.update(
                    conn.scalars(sa.select(t.articles.c.id).where(t.articles.c.id.in_(chunk)))
                )
        return found

    def add(self, extraction: Extraction) -> AddResult:
        """Store an article and its reports, and merge them into events, in one transaction.

        An article already stored (same normalised text) changes nothing.
        """
        article = extraction.article
        try:
            with (
                self.engine.connect().execution_options(strife_write=True) as conn,
                conn.begin(),
            ):
                if conn.scalar(_ARTICLE_EXISTS, {"aid": article.id}):
                    return AddResult(article.id, new=False)
                source = source_of(extraction)
                self._insert_article(conn, extraction, source)
                if not extraction.reports:  # most news: nothing to merge
                    return AddResult(article.id, new=True)
                reports = [
                    self._insert_report(conn, i, r) for i, r in enumerate(extraction.reports)
                ]
                events = self._merge(conn, reports, source)
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot store article {article.id}: {exc.orig}") from exc
        return AddResult(article.id, new=True, reports=len(reports), events=events)

    def _insert_article(self, conn: sa.Connection, extraction: Extraction, source: Source) -> None:
        article = extraction.article
        outlet_id = self._outlet_id(conn, source.outlet) if source.outlet else None
        # constant statements with parameters (never .values(...) with literals) are compiled
        # once and cached; per-article statements would dominate the cost of an ingest
        conn.execute(
            t.articles.insert(),
            {
                "id": article.id,
                "outlet_id": outlet_id,
                "url": source.url,
                "title": source.title,
                "published": source.published,
                "language": source.language,
                "text": article.text,
                "warnings": extraction.warnings,
                "ingested_at": datetime.now(UTC),
            },
        )

    def _outlet_id(self, conn: sa.Connection, name: str) -> int:
        query = sa.select(t.outlets.c.id).where(t.outlets.c.name == name)
        found = conn.scalar(query)
        if found is None:
            conn.execute(t.outlets.insert(), {"name": name})
            found = conn.scalar(query)
        assert found is not None
        return int(found)

    def _insert_report(self, conn: sa.Connection, position: int, report: Report) -> Report:
        """Insert a report with its claims and evidence; the report as stored (with its id)."""
        if not report.id:
            report = report.model_copy(update={"id": f"{report.article_id}-{position + 1}"})
        cell = place_cell(report.latitude, report.longitude)
        values = {name: getattr(report, name) for name in _REPORT_FIELDS}
        conn.execute(
            t.reports.insert(),
            {
                "id": report.id,
                "position": position,
                "cell_x": cell[0] if cell else None,
                "cell_y": cell[1] if cell else None,
                **values,
            },
        )
        spans = [_span_row(report.id, None, s) for s in report.evidence]
        if report.claims:
            # one executemany returning the ids in parameter order, not a statement per claim
            claim_ids = conn.scalars(
                _INSERT_CLAIMS,
                [
                    {
                        "report_id": report.id,
                        "position": number,
                        **claim.model_dump(exclude={"evidence"}),
                    }
                    for number, claim in enumerate(report.claims)
                ],
            ).all()
            for claim, claim_id in zip(report.claims, claim_ids, strict=True):
                spans += [_span_row(report.id, claim_id, s) for s in claim.evidence]
        if spans:
            conn.execute(t.evidence.insert(), spans)
        # only the words: PostgreSQL's parser would otherwise skip what looks like HTML tags,
        # and a search must find the same words on either database
        words = " ".join(search_words(report.evidence_text))
        if words:
            conn.execute(t.report_text.insert(), {"report_id": report.id, "body": words})
        return report

    # -- merging ---------------------------------------------------------------------------

    def _merge(self, conn: sa.Connection, reports: Sequence[Report], source: Source) -> list[str]:
        """Link the new ``reports`` (of the article ``source``) to stored ones; rebuild the
        events they touch."""
        keys = [report_key(r) for r in reports]
        links: list[MergeLink] = []
        for key in keys:
            for candidate in self._candidates(conn, key):
                reason = same_event(key, candidate)
                if reason:
                    a, b = sorted((key.id, candidate.id))
                    links.append(MergeLink(report_a=a, report_b=b, reason=reason))
        if links:
            conn.execute(t.report_links.insert(), [link.model_dump() for link in links])
        new_ids = [k.id for k in keys]
        linked = {link.report_a for link in links} | {link.report_b for link in links}
        old_events = (
            set(
                conn.scalars(
                    sa.select(t.reports.c.event_id)
                    .where(t.reports.c.id.in_(linked - set(new_ids)))
                    .distinct()
                )
            )
            if linked
            else set()
        )
        members = set(new_ids)
        for chunk in _chunks(sorted(old_events)):
            members.update(
                conn.scalars(sa.select(t.reports.c.id).where(t.reports.c.event_id.in_(chunk)))
            )
        # without a link to a stored report, the new reports are events of their own: no
        # stored link can join them (links are only made to other articles' reports)
        among = self._links_among(conn, members) if links else []
        components = _components(members, among)
        if old_events:
            conn.execute(
                t.reports.update().where(t.reports.c.event_id.in_(old_events)).values(event_id=None)
            )
            conn.execute(t.events.delete().where(t.events.c.id.in_(old_events)))
        event_ids = []
        fresh = {r.id: r for r in reports}
        for component in components:
            if len(component) == 1 and component[0] in fresh:
                # a new report that joins no stored one (the usual case) is resolved from
                # memory, as it was just written, rather than read back
                event = resolve([fresh[component[0]]], [source], [])
            else:
                event = self._resolve(conn, component)
            conn.execute(t.events.insert(), _event_row(event))
            if self.postgis:
                conn.execute(_SET_GEOM, {"eid": event.event_id})
            conn.execute(_SET_EVENT, [{"rid": rid, "eid": event.event_id} for rid in component])
            event_ids.append(event.event_id)
        return sorted(event_ids)

    def _candidates(self, conn: sa.Connection, key: ReportKey) -> list[ReportKey]:
        """Stored reports the blocking keys pair with ``key``: never all pairs."""
        window = date_window(key)
        if window is None or key.country is None:
            return []
        params: dict[str, Any] = {
            "country": key.country,
            "date_from": window[0],
            "date_to": window[1],
            "article_id": key.article_id,
            "admin1": key.admin1,
        }
        cell = place_cell(key.latitude, key.longitude)
        if key.geo_precision is None:
            query = _CANDIDATES_IN_COUNTRY  # a report with only a country may match any place
        elif key.geo_precision >= 3 or cell is None:
            query = _CANDIDATES_IN_REGION
        else:
            query = _CANDIDATES_NEAR
            params.update(x_lo=cell[0] - 1, x_hi=cell[0] + 1, y_lo=cell[1] - 1, y_hi=cell[1] + 1)
        rows = conn.execute(query, params).all()
        return [ReportKey(**row._mapping) for row in rows]

    def _links_among(self, conn: sa.Connection, members: set[str]) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for chunk in _chunks(sorted(members)):
            rows = conn.execute(
                sa.select(t.report_links.c.report_a, t.report_links.c.report_b).where(
                    t.report_links.c.report_a.in_(chunk)
                )
            )
            pairs += [(a, b) for a, b in rows if b in members]
        return pairs

    def _resolve(self, conn: sa.Connection, report_ids: Sequence[str]) -> Event:
        reports = self._reports(conn, report_ids)
        sources = self._sources(conn, {r.article_id for r in reports})
        members = set(report_ids)
        links = [
            MergeLink(report_a=row.report_a, report_b=row.report_b, reason=row.reason)
            for chunk in _chunks(sorted(members))
            for row in conn.execute(
                sa.select(t.report_links).where(t.report_links.c.report_a.in_(chunk))
            )
            if row.report_b in members
        ]
        return resolve(reports, sources, links)

    # -- reading ---------------------------------------------------------------------------

    def _reports(self, conn: sa.Connection, report_ids: Iterable[str]) -> list[Report]:
        ids = sorted(set(report_ids))
        rows: dict[str, Any] = {}
        claims: dict[str, list[Any]] = {}
        spans: dict[str, list[Any]] = {}
        for chunk in _chunks(ids):
            for row in conn.execute(sa.select(t.reports).where(t.reports.c.id.in_(chunk))):
                rows[row.id] = row
            for row in conn.execute(
                sa.select(t.claims)
                .where(t.claims.c.report_id.in_(chunk))
                .order_by(t.claims.c.position)
            ):
                claims.setdefault(row.report_id, []).append(row)
            for row in conn.execute(
                sa.select(t.evidence)
                .where(t.evidence.c.report_id.in_(chunk))
                .order_by(t.evidence.c.id)
            ):
                spans.setdefault(row.report_id, []).append(row)
        out = []
        for rid in ids:
            row = rows[rid]
            report_spans = spans.get(rid, [])
            report = Report(
                id=rid,
                **{name: getattr(row, name) for name in _REPORT_FIELDS},
                claims=[
                    Claim(
                        claimant=c.claimant,
                        kind=c.kind,
                        says=c.says,
                        killed=c.killed,
                        killed_high=c.killed_high,
                        victims=c.victims,
                        split=c.split,
                        evidence=[_span(s) for s in report_spans if s.claim_id == c.id],
                    )
                    for c in claims.get(rid, [])
                ],
                evidence=[_span(s) for s in report_spans if s.claim_id is None],
            )
            out.append(report)
        return out

    def _sources(self, conn: sa.Connection, article_ids: Iterable[str]) -> list[Source]:
        a, o = t.articles.c, t.outlets.c
        out = []
        for chunk in _chunks(sorted(set(article_ids))):
            query = (
                sa.select(a.id, o.name, a.url, a.title, a.published, a.language)
                .select_from(t.articles.outerjoin(t.outlets, a.outlet_id == o.id))
                .where(a.id.in_(chunk))
            )
            out += [
                Source(
                    article_id=row.id,
                    outlet=row.name,
                    url=row.url,
                    title=row.title,
                    published=row.published,
                    language=row.language,
                )
                for row in conn.execute(query)
            ]
        return out

    def event(self, event_id: str) -> Event | None:
        """One event with its reports, claims, evidence, sources and merge links."""
        with self.engine.connect() as conn:
            ids = list(
                conn.scalars(sa.select(t.reports.c.id).where(t.reports.c.event_id == event_id))
            )
            if not ids:
                return None
            return self._resolve(conn, ids)

    def conditions(self, where: EventFilter) -> list[sa.ColumnElement[bool]]:
        """``where`` as SQL conditions on the ``events`` table of this database."""
        return where.where(postgis=self.postgis, dialect=self.engine.dialect.name)

    def events(
        self, where: EventFilter | None = None, *, limit: int | None = None
    ) -> Iterator[Event]:
        """Events matching ``where``, ordered by date then id, with their reports loaded."""
        query = (
            sa.select(t.events.c.id)
            .where(*self.conditions(where or EventFilter()))
            .order_by(t.events.c.event_date, t.events.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            ids = list(conn.scalars(query))
            for chunk in _chunks(ids):
                members: dict[str, list[str]] = {}
                for rid, eid in conn.execute(
                    sa.select(t.reports.c.id, t.reports.c.event_id).where(
                        t.reports.c.event_id.in_(chunk)
                    )
                ):
                    members.setdefault(eid, []).append(rid)
                for eid in chunk:
                    yield self._resolve(conn, members[eid])

    def article(self, article_id: str) -> tuple[Article, list[Report]] | None:
        """A stored article with its reports (each with ``event_id`` reachable via the store)."""
        a, o = t.articles.c, t.outlets.c
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(t.articles, o.name.label("outlet"))
                .select_from(t.articles.outerjoin(t.outlets, a.outlet_id == o.id))
                .where(a.id == article_id)
            ).first()
            if row is None:
                return None
            article = Article(
                id=row.id,
                text=row.text,
                url=row.url,
                title=row.title,
                outlet=row.outlet,
                published=row.published,
                language=row.language,
            )
            ids = conn.scalars(
                sa.select(t.reports.c.id).where(t.reports.c.article_id == article_id)
            )
            return article, self._reports(conn, ids)

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries."""
        with self.engine.connect() as conn:
            return {
                table.name: int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
                for table in (t.articles, t.reports, t.claims, t.events, t.report_links)
            }


_SET_EVENT = (
    t.reports.update()
    .where(t.reports.c.id == sa.bindparam("rid"))
    .values(event_id=sa.bindparam("eid"))
)


def _has_geom(engine: sa.Engine) -> bool:
    # information_schema rather than SQLAlchemy's reflection, which does not know PostGIS types
    query = (
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'events' AND column_name = 'geom'"
    )
    with engine.connect() as conn:
        return conn.exec_driver_sql(query).scalar() is not None


_SET_GEOM = sa.text(
    "UPDATE events SET geom = ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) "
    "WHERE id = :eid AND latitude IS NOT NULL AND longitude IS NOT NULL"
)

_KEY_COLUMNS = [
    getattr(t.reports.c, name)
    for name in (
        "id",
        "article_id",
        "country",
        "event_date",
        "time_precision",
        "event_type",
        "actor1",
        "actor2",
        "admin1",
        "latitude",
        "longitude",
        "geo_precision",
    )
]


# Constant statements with parameters: built and compiled once, not per article.
_ARTICLE_EXISTS = sa.select(t.articles.c.id).where(t.articles.c.id == sa.bindparam("aid"))
_INSERT_CLAIMS = t.claims.insert().returning(t.claims.c.id, sort_by_parameter_order=True)


def _candidates_query(*place: sa.ColumnElement[bool]) -> sa.Select[Any]:
    """Stored reports of the same country, in the date window, of another article, ``place``."""
    r = t.reports.c
    return sa.select(*_KEY_COLUMNS).where(
        r.country == sa.bindparam("country"),
        r.event_date.between(sa.bindparam("date_from"), sa.bindparam("date_to")),
        r.article_id != sa.bindparam("article_id"),
        *place,
    )


# a report without admin1 selects no candidate by region: same_event only pairs two reports
# at region level when they name the same one
_SAME_ADMIN1 = t.reports.c.admin1 == sa.bindparam("admin1")
_CANDIDATES_IN_COUNTRY = _candidates_query()
_CANDIDATES_IN_REGION = _candidates_query(sa.or_(_SAME_ADMIN1, t.reports.c.geo_precision.is_(None)))
_CANDIDATES_NEAR = _candidates_query(
    sa.or_(
        sa.and_(
            t.reports.c.cell_x.between(sa.bindparam("x_lo"), sa.bindparam("x_hi")),
            t.reports.c.cell_y.between(sa.bindparam("y_lo"), sa.bindparam("y_hi")),
        ),
        sa.and_(t.reports.c.geo_precision >= 3, _SAME_ADMIN1),
        t.reports.c.geo_precision.is_(None),
    )
)


def _components(members: set[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of the link graph, each sorted, in order of their first id."""
    parent = {m: m for m in members}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for m in sorted(members):
        groups.setdefault(find(m), []).append(m)
    return sorted(groups.values())


def _event_row(event: Event) -> dict[str, Any]:
    row = {name: getattr(event, name) for name in _EVENT_FIELDS if name in t.events.c}
    row.update(
        id=event.event_id,
        contradictions=event.contradictions,
        number_of_reports=len(event.reports),
        number_of_sources=len(event.sources),
    )
    return row


def _span_row(report_id: str, claim_id: int | None, span: Span) -> dict[str, Any]:
    return {"report_id": report_id, "claim_id": claim_id, **span.model_dump()}


def _span(row: Any) -> Span:
    return Span(start=row.start, end=row.end, text=row.text, field=row.field)


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    items = list(items)
    for i in range(0, len(items), _BATCH):
        yield items[i : i + _BATCH]


def _immediate_writes(engine: sa.Engine) -> None:
    """SQLite: writing transactions take the write lock at BEGIN.

    Merging reads candidates and then writes; with a deferred BEGIN, two writers (an ingest
    and a watch) could both read, and the second would fail on its write. ``BEGIN IMMEDIATE``
    makes the second wait (busy_timeout) before it reads.
    """

    @sa.event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get("strife_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
