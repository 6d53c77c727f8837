"""events.geom: a PostGIS point with a GiST index, where PostGIS is installed

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

SQLite and a PostgreSQL without PostGIS keep filtering by latitude/longitude columns; with
PostGIS, bounding-box queries of the map use the spatial index. Installing PostGIS later and
re-running this migration is not automatic: ``alembic downgrade 0001 && upgrade head`` does it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _postgis_available(bind: sa.Connection) -> bool:
    if bind.dialect.name != "postgresql":
        return False
    query = "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
    return bind.exec_driver_sql(query).scalar() is not None


def upgrade() -> None:
    bind = op.get_bind()
    if not _postgis_available(bind):
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.execute("ALTER TABLE events ADD COLUMN geom geometry(Point, 4326)")
    op.execute("CREATE INDEX ix_events_geom ON events USING gist (geom)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_geom")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS geom")
