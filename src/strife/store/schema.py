"""The tables of the store (DESIGN.md §6), as SQLAlchemy Core metadata.

Reports keep every coded field as a column so that merging (blocking by country, date and place
cell) and the API's filters run in SQL; claims and evidence spans are rows of their own so that
the UI can list and highlight them. Events repeat the resolved ACLED fields of their reports,
indexed for the web UI's queries (date, country/admin1, type, actor, bounding box).

Alembic migrations in ``store/migrations`` create exactly these tables; a change here needs a
new migration (``alembic revision --autogenerate`` against a database at head).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _coded_columns() -> list[sa.Column]:
    """The ACLED fields shared by reports and events."""
    return [
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.SmallInteger),
        sa.Column("disorder_type", sa.String(80), nullable=False),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("sub_event_type", sa.String(80), nullable=False),
        sa.Column("actor1", sa.String(200), nullable=False),
        sa.Column("inter1", sa.SmallInteger, nullable=False),
        sa.Column("actor2", sa.String(200)),
        sa.Column("inter2", sa.SmallInteger),
        sa.Column("interaction", sa.SmallInteger, nullable=False),
        sa.Column("civilian_targeting", sa.Boolean, nullable=False),
        sa.Column("country", sa.String(100)),
        sa.Column("iso", sa.Integer),
        sa.Column("region", sa.String(100)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("location", sa.String(200)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.SmallInteger),
        sa.Column("place_id", sa.String(40)),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("disputed", sa.Boolean, nullable=False),
        sa.Column("flags", sa.JSON, nullable=False),
    ]


outlets = sa.Table(
    "outlets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("outlet_id", sa.ForeignKey("outlets.id")),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("warnings", sa.JSON, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index(None, "published"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    *_coded_columns(),
    sa.Column("contradictions", sa.JSON, nullable=False),
    sa.Column("number_of_reports", sa.Integer, nullable=False),
    sa.Column("number_of_sources", sa.Integer, nullable=False),
    sa.Index(None, "event_date"),
    sa.Index(None, "country", "admin1", "event_date"),
    sa.Index(None, "event_type", "sub_event_type"),
    sa.Index(None, "actor1"),
    sa.Index(None, "actor2"),
    sa.Index(None, "fatalities"),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String(60), primary_key=True),
    sa.Column("article_id", sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("event_id", sa.ForeignKey("events.id")),
    sa.Column("date_text", sa.Text),
    sa.Column("reported_date", sa.Date),
    *_coded_columns(),
    # blocking keys for the merge: a grid cell of about 50 km (half a degree)
    sa.Column("cell_x", sa.Integer),
    sa.Column("cell_y", sa.Integer),
    sa.Index(None, "article_id"),
    sa.Index(None, "event_id"),
    sa.Index(None, "country", "event_date"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("report_id", sa.ForeignKey("reports.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("claimant", sa.Text, nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("says", sa.Text, nullable=False),
    sa.Column("killed", sa.Integer),
    sa.Column("killed_high", sa.Integer),
    sa.Column("victims", sa.String(100)),
    sa.Column("split", sa.Integer, nullable=False),
    sa.Index(None, "report_id"),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("report_id", sa.ForeignKey("reports.id"), nullable=False),
    # set for the spans of a claim, null for the spans of the report's fields
    sa.Column("claim_id", sa.ForeignKey("claims.id")),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("field", sa.String(20), nullable=False),
    sa.Index(None, "report_id"),
)

# Why two reports are one event; both directions are found by blocking, stored once (a < b).
report_links = sa.Table(
    "report_links",
    metadata,
    sa.Column("report_a", sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("report_b", sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Index(None, "report_b"),
)

# Every actor name in events, once, for the API's substring search on actors: filled by
# triggers on events (migration 0004), so it is right however the events are written.
actor_names = sa.Table(
    "actor_names",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
)

# Keyset pagination of the API orders by (date, id) and (fatalities, id): with the id in the
# index the database reads a page straight off it instead of sorting every match. Country
# filters are case-insensitive, so their index is on lower(country). The map's bounding box
# with a minimum toll is answered from one index without reading the rows.
sa.Index("ix_events_event_date_id", events.c.event_date, events.c.id)
sa.Index("ix_events_fatalities_id", events.c.fatalities, events.c.id)
sa.Index("ix_events_lower_country", sa.func.lower(events.c.country), events.c.event_date)
sa.Index(
    "ix_events_latitude_longitude_fatalities",
    events.c.latitude,
    events.c.longitude,
    events.c.fatalities,
)

# The words a report's text search (the API's ``q``) looks in: its evidence sentences. Kept
# in a table of its own because reports never change while events are rebuilt on every merge.
# Migration 0003 indexes it: an FTS5 table kept in step by triggers on SQLite, a GIN index on
# to_tsvector('simple', body) on PostgreSQL (neither is expressible as portable metadata).
report_text = sa.Table(
    "report_text",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("report_id", sa.ForeignKey("reports.id"), nullable=False, unique=True),
    sa.Column("body", sa.Text, nullable=False),
)

# Write access to the API: only a SHA-256 hash of each token is kept (``strife token``).
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False),
)
