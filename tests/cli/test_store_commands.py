"""``strife ingest``, ``export`` and ``explain`` together, through the CLI, on a SQLite file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from strife.cli import _register, app

runner = CliRunner()
MERGE = Path(__file__).parent.parent / "fixtures" / "merge"


def _ingest(db: Path, *paths: Path) -> str:
    _register()
    result = runner.invoke(
        app,
        ["ingest", *map(str, paths), "--db", str(db), "--published", "2025-06-02", "-w", "1"],
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_export_and_explain(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    said = _ingest(db, MERGE)
    assert "6 new articles" in said
    assert "nothing new: all 6 articles were already stored" in _ingest(db, MERGE)

    lines = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).stdout
    events = [json.loads(line) for line in lines.splitlines() if line.startswith("{")]
    by_place = {e["location"]: e for e in events}
    assert by_place["Hombori"]["number_of_reports"] == 5
    assert by_place["Dianwely"]["number_of_reports"] == 1

    rows = list(
        csv.DictReader(
            io.StringIO(runner.invoke(app, ["export", "--db", str(db), "--country", "Mali"]).stdout)
        )
    )
    assert {r["location"] for r in rows} == {"Hombori", "Dianwely"}
    battles = runner.invoke(
        app, ["export", "--db", str(db), "--type", "Battles", "--actor", "jnim"]
    )
    assert "Dianwely" not in battles.stdout and "Hombori" in battles.stdout

    out = tmp_path / "events.parquet"
    runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "-o", str(out)])
    assert pq.read_table(out).num_rows == len(events)

    shown = runner.invoke(app, ["explain", by_place["Hombori"]["event_id"], "--db", str(db)])
    assert shown.exit_code == 0
    assert "5 reports from 5 articles" in shown.stdout
    assert "why these reports were merged" in shown.stdout

    missing = runner.invoke(app, ["explain", "e-0000", "--db", str(db)])
    assert missing.exit_code != 0
