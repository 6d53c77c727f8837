"""strife token, strife demo and strife serve's options."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from strife.api.tokens import valid_token
from strife.cli import _register, app
from strife.store import Store


def test_token_commands(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    created = runner.invoke(app, ["token", "create", "ui", "--db", db])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip().splitlines()[0]
    with Store.open(db) as store:
        assert valid_token(store, token)
    listed = runner.invoke(app, ["token", "list", "--db", db])
    assert "ui" in listed.stdout and "active" in listed.stdout and token not in listed.stdout
    assert runner.invoke(app, ["token", "revoke", "ui", "--db", db]).exit_code == 0
    assert "revoked" in runner.invoke(app, ["token", "list", "--db", db]).stdout
    with Store.open(db) as store:
        assert not valid_token(store, token)


def test_serve_and_demo_have_help() -> None:
    _register()
    for command in ("serve", "demo", "token"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
    assert "--read-token" in CliRunner().invoke(app, ["serve", "--help"]).stdout


@pytest.mark.slow
def test_demo_database_is_built_once(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "demo.db")
    first = CliRunner().invoke(app, ["demo", "--db", db])
    assert first.exit_code == 0, first.output
    with Store.open(db) as store:
        counts = store.counts()
        with store.engine.connect() as conn:
            sources = conn.exec_driver_sql("SELECT max(number_of_sources) FROM events").scalar()
            languages = {
                row[0] for row in conn.exec_driver_sql("SELECT DISTINCT language FROM articles")
            }
    assert counts["articles"] > 150 and counts["events"] > 100
    assert sources is not None and sources >= 3  # the same attack from several outlets
    assert languages == {"en", "fr"}
    again = CliRunner().invoke(app, ["demo", "--db", db])
    assert again.exit_code == 0
    with Store.open(db) as store:
        assert store.counts() == counts
