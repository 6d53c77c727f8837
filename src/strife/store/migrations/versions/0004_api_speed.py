"""actor_names for the API's actor search, a covering index for its bounding box

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

An actor filter is a substring search, which no B-tree index can answer: it read every event
(about 70 ms at 100k events, twice per request with the page's total). ``actor_names`` holds
each actor name once, so the search reads the few distinct names and then looks the matches up
in the actor1/actor2 indexes. Triggers fill it on every write of ``events`` (the store's
merges, and any tool writing the table directly); names are never removed, since a name no
event uses any more only costs a lookup that finds nothing, while removing it would need a
check on every event deleted.

The (latitude, longitude, fatalities) index, declared in the metadata since 0003 but never
created, lets a bounding box with a minimum toll be filtered and counted from the index; it
replaces the (latitude, longitude) index, its prefix.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SQLITE_NAMES = (
    "INSERT OR IGNORE INTO actor_names (name) VALUES (new.actor1); "
    "INSERT OR IGNORE INTO actor_names (name) SELECT new.actor2 WHERE new.actor2 IS NOT NULL;"
)
_SQLITE = [
    f"CREATE TRIGGER events_actor_names_ai AFTER INSERT ON events BEGIN {_SQLITE_NAMES} END",
    "CREATE TRIGGER events_actor_names_au AFTER UPDATE OF actor1, actor2 ON events "
    f"BEGIN {_SQLITE_NAMES} END",
]
_POSTGRES = [
    "CREATE FUNCTION events_actor_names() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO actor_names (name) VALUES (NEW.actor1) ON CONFLICT DO NOTHING; "
    "IF NEW.actor2 IS NOT NULL THEN "
    "INSERT INTO actor_names (name) VALUES (NEW.actor2) ON CONFLICT DO NOTHING; "
    "END IF; RETURN NULL; END $$",
    "CREATE TRIGGER events_actor_names AFTER INSERT OR UPDATE OF actor1, actor2 ON events "
    "FOR EACH ROW EXECUTE FUNCTION events_actor_names()",
]


def upgrade() -> None:
    op.create_table(
        "actor_names",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_actor_names")),
    )
    op.execute(
        "INSERT INTO actor_names (name) SELECT actor1 FROM events "
        "UNION SELECT actor2 FROM events WHERE actor2 IS NOT NULL"
    )
    for statement in _SQLITE if op.get_bind().dialect.name == "sqlite" else _POSTGRES:
        op.execute(statement)
    # if_not_exists: a database downgraded from here keeps this index (see downgrade)
    op.create_index(
        "ix_events_latitude_longitude_fatalities",
        "events",
        ["latitude", "longitude", "fatalities"],
        if_not_exists=True,
    )
    op.drop_index("ix_events_latitude_longitude", "events")


def downgrade() -> None:
    op.create_index("ix_events_latitude_longitude", "events", ["latitude", "longitude"])
    # ix_events_latitude_longitude_fatalities stays: the downgrade of 0003 drops it, and
    # fails if it is missing
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER events_actor_names_au")
        op.execute("DROP TRIGGER events_actor_names_ai")
    else:
        op.execute("DROP TRIGGER events_actor_names ON events")
        op.execute("DROP FUNCTION events_actor_names()")
    op.drop_table("actor_names")
