"""The event database (SQLite or PostgreSQL via SQLAlchemy, migrated with Alembic)."""

from __future__ import annotations

from strife.merge.sources import outlet_name
from strife.store.db import database_url
from strife.store.store import AddResult, EventFilter, Store


def open_store(db: str | None = None) -> Store:
    """Open the database at a path or URL (default ``$STRIFE_DB``, else ``./strife.db``)."""
    return Store.open(db)


__all__ = ["AddResult", "EventFilter", "Store", "database_url", "open_store", "outlet_name"]
