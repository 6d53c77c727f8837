"""Every store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``$STRIFE_TEST_POSTGRES`` (a URL to a server where databases may be
created; ``make test`` starts one with ``scripts/postgres.sh``). Without it the PostgreSQL runs
are skipped, unless ``$STRIFE_REQUIRE_POSTGRES`` is set (as in CI), where that is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from strife.pipeline import Pipeline
from strife.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _postgres_server() -> str | None:
    url = os.environ.get("STRIFE_TEST_POSTGRES")
    if not url:
        if os.environ.get("STRIFE_REQUIRE_POSTGRES"):
            pytest.fail("STRIFE_REQUIRE_POSTGRES is set but STRIFE_TEST_POSTGRES is not")
        pytest.skip("no PostgreSQL server ($STRIFE_TEST_POSTGRES)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def make_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A factory of URLs to fresh, empty databases of each kind."""
    made: list[str] = []
    server = _postgres_server() if request.param == "postgresql" else None
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT") if server else None

    def make() -> str:
        name = f"strife_test_{uuid.uuid4().hex[:12]}"
        if admin is None:
            return f"sqlite:///{tmp_path / name}.db"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        made.append(name)
        return admin.url.set(database=name).render_as_string(hide_password=False)

    yield make
    if admin is not None:
        with admin.connect() as conn:
            for name in made:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def db_url(make_db_url: Callable[[], str]) -> str:
    return make_db_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()
