"""``strife evaluate`` through the CLI, with the pipeline replaced by a predictor from the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evaluate_support import predictor_from_gold
from typer.testing import CliRunner

import strife.cli.evaluate
import strife.cli.schema  # a second command keeps `evaluate` a subcommand
from strife.cli import app
from strife.errors import InputError
from strife.evaluate import load_gold
from strife.evaluate import score as score_module

runner = CliRunner()


@pytest.fixture
def perfect_pipeline(gold_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand in for the real pipeline: answers every gold article with its gold events."""
    predict = predictor_from_gold(load_gold(gold_dir))
    monkeypatch.setattr(score_module, "default_predictor", lambda: predict)


@pytest.mark.usefixtures("perfect_pipeline")
def test_table(gold_dir: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_dir)])
    assert result.exit_code == 0, result.output
    for text in ("Strife evaluation", "acled_tiny", "news_tiny", "overall", "event F1", "100.0 %"):
        assert text in result.stdout


@pytest.mark.usefixtures("perfect_pipeline")
def test_json(gold_dir: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_dir), "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["name"] for s in data["sets"]] == ["acled_tiny", "news_tiny"]
    assert [s["articles"] for s in data["sets"]] == [2, 2]
    assert data["overall"]["f1"] == 1.0
    assert data["overall"]["accuracy"]["event_type"]["n"] == data["overall"]["matched"]


@pytest.mark.usefixtures("perfect_pipeline")
def test_mismatches_file(gold_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "mismatches.json"
    gold = str(gold_dir / "news_tiny.jsonl")
    result = runner.invoke(app, ["evaluate", gold, "--mismatches", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["t-001", "t-002", "t-003"]
    assert all(a["correct"] for a in data["articles"])
    assert data["scorecard"]["sets"][0]["matched"] == 3


def test_limit_must_be_positive(gold_dir: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_dir), "--limit", "0"])
    assert result.exit_code == 2


def test_missing_gold_file_is_an_input_error(tmp_path: Path) -> None:
    # The entry point (strife.cli.main) turns this into a one-line "Error: ..." message.
    result = runner.invoke(app, ["evaluate", str(tmp_path / "missing.jsonl")])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "missing.jsonl" in str(result.exception)


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert strife.cli.evaluate.evaluate.__doc__ is not None
