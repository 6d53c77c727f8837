"""articles, outlets, reports, claims, evidence, events and merge links

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.SmallInteger(), nullable=True),
        sa.Column("disorder_type", sa.String(length=80), nullable=False),
        sa.Column("event_type", sa.String(length=80), nullable=False),
        sa.Column("sub_event_type", sa.String(length=80), nullable=False),
        sa.Column("actor1", sa.String(length=200), nullable=False),
        sa.Column("inter1", sa.SmallInteger(), nullable=False),
        sa.Column("actor2", sa.String(length=200), nullable=True),
        sa.Column("inter2", sa.SmallInteger(), nullable=True),
        sa.Column("interaction", sa.SmallInteger(), nullable=False),
        sa.Column("civilian_targeting", sa.Boolean(), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column("iso", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("admin1", sa.String(length=200), nullable=True),
        sa.Column("admin2", sa.String(length=200), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.SmallInteger(), nullable=True),
        sa.Column("place_id", sa.String(length=40), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("disputed", sa.Boolean(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("contradictions", sa.JSON(), nullable=False),
        sa.Column("number_of_reports", sa.Integer(), nullable=False),
        sa.Column("number_of_sources", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_actor1"), ["actor1"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_actor2"), ["actor2"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_country_admin1_event_date"),
            ["country", "admin1", "event_date"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_events_event_date"), ["event_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_event_type_sub_event_type"),
            ["event_type", "sub_event_type"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_events_fatalities"), ["fatalities"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_latitude_longitude"), ["latitude", "longitude"], unique=False
        )

    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlets")),
        sa.UniqueConstraint("name", name=op.f("uq_outlets_name")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name=op.f("fk_articles_outlet_id_outlets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)

    op.create_table(
        "reports",
        sa.Column("id", sa.String(length=60), nullable=False),
        sa.Column("article_id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("reported_date", sa.Date(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.SmallInteger(), nullable=True),
        sa.Column("disorder_type", sa.String(length=80), nullable=False),
        sa.Column("event_type", sa.String(length=80), nullable=False),
        sa.Column("sub_event_type", sa.String(length=80), nullable=False),
        sa.Column("actor1", sa.String(length=200), nullable=False),
        sa.Column("inter1", sa.SmallInteger(), nullable=False),
        sa.Column("actor2", sa.String(length=200), nullable=True),
        sa.Column("inter2", sa.SmallInteger(), nullable=True),
        sa.Column("interaction", sa.SmallInteger(), nullable=False),
        sa.Column("civilian_targeting", sa.Boolean(), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column("iso", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("admin1", sa.String(length=200), nullable=True),
        sa.Column("admin2", sa.String(length=200), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.SmallInteger(), nullable=True),
        sa.Column("place_id", sa.String(length=40), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("disputed", sa.Boolean(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("cell_x", sa.Integer(), nullable=True),
        sa.Column("cell_y", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_reports_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_reports_event_id_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reports_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_reports_country_event_date"), ["country", "event_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_reports_event_id"), ["event_id"], unique=False)

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("says", sa.Text(), nullable=False),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("killed_high", sa.Integer(), nullable=True),
        sa.Column("victims", sa.String(length=100), nullable=True),
        sa.Column("split", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_claims_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_report_id"), ["report_id"], unique=False)

    op.create_table(
        "report_links",
        sa.Column("report_a", sa.String(length=60), nullable=False),
        sa.Column("report_b", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_a"], ["reports.id"], name=op.f("fk_report_links_report_a_reports")
        ),
        sa.ForeignKeyConstraint(
            ["report_b"], ["reports.id"], name=op.f("fk_report_links_report_b_reports")
        ),
        sa.PrimaryKeyConstraint("report_a", "report_b", name=op.f("pk_report_links")),
    )
    with op.batch_alter_table("report_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_links_report_b"), ["report_b"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(length=60), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_evidence_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_evidence_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_report_id"), ["report_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_report_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("report_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_links_report_b"))

    op.drop_table("report_links")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_report_id"))

    op.drop_table("claims")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_event_id"))
        batch_op.drop_index(batch_op.f("ix_reports_country_event_date"))
        batch_op.drop_index(batch_op.f("ix_reports_article_id"))

    op.drop_table("reports")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published"))

    op.drop_table("articles")
    op.drop_table("outlets")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_latitude_longitude"))
        batch_op.drop_index(batch_op.f("ix_events_fatalities"))
        batch_op.drop_index(batch_op.f("ix_events_event_type_sub_event_type"))
        batch_op.drop_index(batch_op.f("ix_events_event_date"))
        batch_op.drop_index(batch_op.f("ix_events_country_admin1_event_date"))
        batch_op.drop_index(batch_op.f("ix_events_actor2"))
        batch_op.drop_index(batch_op.f("ix_events_actor1"))

    op.drop_table("events")
