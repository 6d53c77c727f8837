"""`strife batch` on Spark gives the events `strife ingest` + `strife export` give."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from bench.corpus import make_corpus
from strife.export.parquet import CLAIM_SCHEMA, EVENT_SCHEMA, REPORT_SCHEMA

MERGE = Path(__file__).parent.parent / "fixtures" / "merge"
STAMP = "1750000000"


def _strife(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    done = subprocess.run(
        [sys.executable, "-m", "strife", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _archive(path: Path) -> Path:
    """~200 JSONL lines: synthetic news (mostly not about violence), six outlets' reports of
    one attack, an article sent twice by two outlets, and two broken lines."""
    corpus = make_corpus(40, 150, seed=11)
    records: list[dict[str, Any]] = [
        {"text": a.text, "published": str(a.published), "language": a.language}
        for a in corpus.conflict + corpus.other
    ]
    for number, fixture in enumerate(sorted(MERGE.glob("*.txt"))):
        records.append(
            {
                "text": fixture.read_text(encoding="utf-8"),
                "published": "2025-06-02",
                "outlet": fixture.stem,
                "url": f"https://news{number}.example/{fixture.stem}",
            }
        )
    # the same text from a second outlet: both tools keep the first one read
    records.append({**records[-1], "outlet": "copycat", "url": None})
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(10, '{"text": "unterminated')
    lines.insert(100, "not json at all")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(path: Path, key: list[str], drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    table = pq.read_table(path)
    return sorted(
        ({k: v for k, v in row.items() if k not in drop} for row in table.to_pylist()),
        key=lambda row: [row[k] for k in key],
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("batch")
    archive = _archive(folder / "archive.jsonl")
    db = folder / "events.db"
    _strife("ingest", str(archive), "--db", str(db), "--workers", "2", cwd=folder)
    _strife("export", "--db", str(db), "--format", "parquet", "-o", "export.parquet", cwd=folder)
    first = _strife(
        "batch", "--input", str(archive), "--output", "out1", "--master", "local[2]",
        "--timestamp", STAMP, cwd=folder,
    )  # fmt: skip
    assert "2 bad records, 1 duplicates, 0 failed" in first.stderr
    assert "line 11: invalid JSON" in first.stderr
    _strife(
        "batch", "--input", str(archive), "--output", "out2", "--master", "local[1]",
        "--partitions", "3", "--timestamp", STAMP, cwd=folder,
    )  # fmt: skip
    return {"export": folder / "export.parquet", "out1": folder / "out1", "out2": folder / "out2"}


@pytest.mark.slow
def test_batch_gives_the_events_of_ingest_and_export(runs: dict[str, Path]) -> None:
    batch = pq.read_table(runs["out1"] / "events")
    assert batch.schema.remove_metadata().equals(EVENT_SCHEMA)
    assert set(batch.column("timestamp").to_pylist()) == {int(STAMP)}
    expected = _rows(runs["export"], ["event_id"], drop=("timestamp",))
    got = _rows(runs["out1"] / "events", ["event_id"], drop=("timestamp",))
    assert len(expected) > 20
    assert [r["event_id"] for r in got] == [r["event_id"] for r in expected]
    for row, want in zip(got, expected, strict=True):
        assert row == want
    # the attack told by several outlets is one event with all their sources
    merged = max(got, key=lambda r: r["number_of_reports"])
    assert merged["number_of_reports"] >= 4
    assert "copycat" not in merged["sources"]


@pytest.mark.slow
def test_batch_reports_and_claims_belong_to_the_events(runs: dict[str, Path]) -> None:
    events = pq.read_table(runs["out1"] / "events")
    reports = pq.read_table(runs["out1"] / "reports")
    claims = pq.read_table(runs["out1"] / "claims")
    assert reports.schema.remove_metadata().equals(REPORT_SCHEMA)
    assert claims.schema.remove_metadata().equals(CLAIM_SCHEMA)
    assert sum(events.column("number_of_reports").to_pylist()) == reports.num_rows
    assert set(reports.column("event_id").to_pylist()) == set(events.column("event_id").to_pylist())
    n_claims = sum(len(c) for c in events.column("claims").to_pylist())
    assert claims.num_rows == n_claims


@pytest.mark.slow
def test_batch_output_does_not_depend_on_partitioning(runs: dict[str, Path]) -> None:
    for name, key in (
        ("events", ["event_id"]),
        ("reports", ["event_id", "report_id"]),
        ("claims", ["event_id", "report_id", "position"]),
    ):
        first = pq.read_table(runs["out1"] / name)
        second = pq.read_table(runs["out2"] / name)
        # written sorted: the same rows in the same order, not only the same set
        assert first.to_pylist() == second.to_pylist(), name
        assert first.to_pylist() == _rows(runs["out1"] / name, key), name
