"""Opening the database: a path or URL in, a migrated SQLAlchemy engine out.

SQLite is the default (one file, WAL so readers such as ``strife serve`` never wait for the
ingest writing); PostgreSQL is used by URL (``postgresql+psycopg://…``). Either way the schema
is brought to the newest Alembic revision on open, so a database made by an older Strife keeps
working.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from strife.errors import StoreError

DEFAULT_DB = "strife.db"
ENV_VAR = "STRIFE_DB"


def database_url(db: str | Path | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, else ``$STRIFE_DB``, else ``./strife.db``.

    >>> database_url("events.db")
    'sqlite:///events.db'
    >>> database_url("postgresql+psycopg://u@localhost/strife")
    'postgresql+psycopg://u@localhost/strife'
    """
    value = str(db) if db is not None else os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        if value.startswith("postgresql://"):
            # psycopg 3 is the driver Strife installs; plain postgresql:// would ask for psycopg2
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        return value
    return f"sqlite:///{value}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # synchronous=NORMAL is durable across process kills in WAL mode (only power loss can
    # drop the last transactions), and makes each article's commit much cheaper
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(engine: sa.Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["engine"] = engine
    return config


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url``, migrated to the newest schema.

    RAISES (StoreError): the database cannot be reached, is not a Strife database, or is newer
        than this Strife.
    """
    try:
        if url.startswith("sqlite"):
            path = sa.engine.make_url(url).database
            if path and path != ":memory:" and not Path(path).parent.exists():
                raise StoreError(f"cannot create the database {path}: its folder does not exist")
            engine = sa.create_engine(url)
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
        _migrate(engine)
        # connections made before the caller's event listeners exist must not be reused
        engine.dispose()
    except StoreError:
        raise
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a database URL: {url} ({exc})") from exc
    except ModuleNotFoundError as exc:
        raise StoreError(f"no driver for {url}: {exc}") from exc
    except sa.exc.DatabaseError as exc:
        raise StoreError(f"cannot open the database {_safe(url)}: {exc.orig}") from exc
    return engine


def _safe(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


# Any constant would do: the key of the session lock PostgreSQL migrations take.
_PG_MIGRATION_LOCK = 0x57121FE


@contextmanager
def _migration_lock(engine: sa.Engine) -> Iterator[None]:
    """One process at a time checks and upgrades the schema.

    Two processes opening a new database at once (an ingest and a reader, two workers) would
    otherwise both create the tables and one would fail. The lock on a SQLite file is a
    ``flock``, which does not interact with SQLite's own (POSIX) locks.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_MIGRATION_LOCK})")
            try:
                yield
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_MIGRATION_LOCK})")
                conn.commit()
        return
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        yield
        return
    with open(path, "ab") as fp:
        fcntl.flock(fp, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fp, fcntl.LOCK_UN)


def _migrate(engine: sa.Engine) -> None:
    with _migration_lock(engine):
        _upgrade(engine)


def _upgrade(engine: sa.Engine) -> None:
    config = alembic_config(engine)
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current is None and sa.inspect(connection).get_table_names():
            tables = sa.inspect(connection).get_table_names()
            if "articles" not in tables:
                raise StoreError(
                    f"{_safe(str(engine.url))} holds other tables and is not a Strife database"
                )
    if current == head:
        return
    scripts = ScriptDirectory.from_config(config)
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreError(
            f"the database is at schema revision {current}, which this Strife does not know "
            "(made by a newer version?)"
        )
    command.upgrade(config, "head")
