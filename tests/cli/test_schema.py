from __future__ import annotations

import json

from typer.testing import CliRunner

import strife
from strife.cli import _register, app


def test_schema_prints_the_data_model() -> None:
    _register()
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    defs = schema["$defs"]
    assert {"Article", "Report", "Claim", "Span"} <= set(defs)
    assert {"event_date", "fatalities_low", "claims", "evidence"} <= set(
        defs["Report"]["properties"]
    )


def test_every_command_has_help() -> None:
    _register()
    runner = CliRunner()
    for command in ("extract", "evaluate", "schema", "gazetteer"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Example" in result.output or command == "gazetteer"


def test_public_api_is_exported() -> None:
    exported = {name for name in dir(strife) if not name.startswith("_")}
    assert set(strife.__all__) - {"__version__"} <= exported
    for name in strife.__all__:
        assert getattr(strife, name) is not None
