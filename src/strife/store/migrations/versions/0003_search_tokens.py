"""report_text with a full-text index, API tokens, indexes for keyset pagination

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

The text index is the one part that differs by database: SQLite gets an external-content FTS5
table (``report_text_fts``) filled by triggers, PostgreSQL a GIN index on the tsvector of the
body. Neither stems, so a search finds the same words on either, except that SQLite also ignores
accents ("tues" finds "tués"; PostgreSQL would need the unaccent extension). Reports stored before this revision get their text from their evidence sentences.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE report_text_fts USING fts5("
    "body, content='report_text', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER report_text_ai AFTER INSERT ON report_text BEGIN "
    "INSERT INTO report_text_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER report_text_ad AFTER DELETE ON report_text BEGIN "
    "INSERT INTO report_text_fts(report_text_fts, rowid, body) "
    "VALUES ('delete', old.id, old.body); END",
]


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "report_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(length=60), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_report_text_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_text")),
        sa.UniqueConstraint("report_id", name=op.f("uq_report_text_report_id")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("name", name=op.f("uq_api_tokens_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_index("ix_events_event_date_id", "events", ["event_date", "id"])
    op.create_index("ix_events_fatalities_id", "events", ["fatalities", "id"])
    op.create_index("ix_events_lower_country", "events", [sa.text("lower(country)"), "event_date"])
    if bind.dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            op.execute(statement)
        concat = "group_concat(text, ' ')"
    else:
        op.execute(
            "CREATE INDEX ix_report_text_tsv ON report_text "
            "USING gin (to_tsvector('simple'::regconfig, body))"
        )
        concat = "string_agg(text, ' ' ORDER BY start)"
    op.execute(
        f"INSERT INTO report_text (report_id, body) SELECT report_id, {concat} "
        "FROM evidence WHERE field = 'sentence' AND claim_id IS NULL GROUP BY report_id"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE report_text_fts")
    op.drop_index("ix_events_lower_country", "events")
    op.drop_index("ix_events_latitude_longitude_fatalities", "events")
    op.drop_index("ix_events_fatalities_id", "events")
    op.drop_index("ix_events_event_date_id", "events")
    op.drop_table("api_tokens")
    op.drop_table("report_text")
