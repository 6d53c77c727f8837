"""write_events: the formats, outputs, determinism; events as JSON Lines; hostile text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from strife.errors import ConfigError
from strife.export import EVENT_FORMATS, write_events
from strife.export.jsonl import EVENT_JSONL_FIELDS, JSONL_FIELDS
from strife.models import Event

STAMP = 1_750_000_000
TEXT_FORMATS = [f for f in EVENT_FORMATS if f != "parquet"]
# the hostile event's place name (tests/export/conftest.py): commas, quotes, a newline, a
# semicolon and a script tag
HOSTILE = "Kidal, \"north\"\n<script>alert(1)</script>; 'x'"


def text(events: list[Event], fmt: str) -> str:
    out = io.StringIO()
    write_events(events, fmt, out, timestamp=STAMP)
    return out.getvalue()


def test_formats() -> None:
    assert EVENT_FORMATS == ("acled-csv", "ged-csv", "geojson", "parquet", "jsonl")


def test_unknown_format() -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xml'"):
        write_events([], "xml", io.StringIO())


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_text_formats_refuse_binary_streams(fmt: str) -> None:
    with pytest.raises(ConfigError, match="is text"):
        write_events([], fmt, io.BytesIO())


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_path_and_stream_give_the_same_text(events: list[Event], fmt: str, tmp_path: Path) -> None:
    path = tmp_path / "out"
    write_events(events, fmt, path, timestamp=STAMP)
    assert path.read_bytes() == text(events, fmt).encode("utf-8")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_deterministic(events: list[Event], fmt: str) -> None:
    assert text(events, fmt) == text(events, fmt)


def test_events_are_consumed_once(events: list[Event]) -> None:
    # a generator, as the store yields them: nothing may iterate it twice
    assert write_events((e for e in events), "acled-csv", io.StringIO(), timestamp=STAMP) == 5


def test_timestamp_defaults_to_now(battle: Event) -> None:
    out = io.StringIO()
    write_events([battle], "acled-csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert int(row["timestamp"]) > STAMP


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_keys(events: list[Event]) -> None:
    lines = [json.loads(line) for line in text(events, "jsonl").splitlines()]
    assert len(lines) == len(events)
    assert all(list(line) == list(EVENT_JSONL_FIELDS) for line in lines)
    assert set(JSONL_FIELDS) < set(EVENT_JSONL_FIELDS)
    assert EVENT_JSONL_FIELDS[0] == "event_id"


def test_jsonl_values(battle: Event, massacre: Event) -> None:
    first, second = (json.loads(line) for line in text([battle, massacre], "jsonl").splitlines())
    assert first["event_id"] == "ev-boulkessi"
    assert first["article_id"] == "a-reuters"
    assert first["article_ids"] == ["a-reuters", "a-tamani"]
    assert first["number_of_reports"] == 2
    assert (first["date_start"], first["date_end"]) == ("2025-06-01", "2025-06-01")
    assert first["date_text"] == "Sunday"
    assert first["contradictions"] == [
        "JNIM claims 40 soldiers killed; the army says 30 attackers died"
    ]
    assert first["sources"][0] == {
        "article_id": "a-reuters",
        "outlet": None,
        "url": "https://www.reuters.com/world/africa/mali-boulkessi-2025-06-02/",
        "title": "Jihadists attack Mali army camp",
        "published": "2025-06-02",
        "language": "en",
        "name": "Reuters",
    }
    assert [c["outlet"] for c in first["claims"]] == ["Reuters", "Reuters", "Studio Tamani"]
    assert first["claims"][2]["report_id"] == "a-tamani-1"
    span = first["evidence"][-1]
    assert (span["article_id"], span["text"]) == (
        "a-tamani",
        "L'armée affirme avoir tué 30 terroristes.",
    )
    assert "L'armée" in text([battle], "jsonl")  # not escaped to \\u
    assert second["date_text"] is None and second["reported_date"] == "2025-06-02"


# --- hostile text -----------------------------------------------------------------------------


def _hostile_values(record: dict[str, Any]) -> None:
    assert record["location"] == HOSTILE
    assert record["admin1"] == HOSTILE
    assert record["actor1"] == f"Rebels {HOSTILE}"


def test_the_hostile_event_is_hostile(hostile: Event) -> None:
    assert hostile.location == HOSTILE
    assert all(part in HOSTILE for part in (",", '"', "'", "\n", ";", "<script>"))


def test_hostile_text_round_trips_acled_csv(hostile: Event, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    write_events([hostile], "acled-csv", path, timestamp=STAMP)
    row = pd.read_csv(path, keep_default_na=False).iloc[0].to_dict()
    _hostile_values(row)
    assert row["source"] == HOSTILE
    # notes are one paragraph, as ACLED's: line breaks become spaces
    assert "\n" not in row["notes"]
    assert row["notes"].startswith('Gunmen, "armed", attacked Kidal <script>alert(1)</script>;')
    assert " ".join(HOSTILE.split()) in row["notes"]
    assert len(pd.read_csv(path)) == 1


def test_hostile_text_round_trips_ged_csv(hostile: Event, tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    write_events([hostile], "ged-csv", path)
    row = pd.read_csv(path, keep_default_na=False).iloc[0].to_dict()
    assert row["where_coordinates"] == HOSTILE == row["adm_1"]
    assert row["side_b"] == f"Rebels {HOSTILE}"
    # entries are joined by ";", so a ";" inside one becomes ","
    assert row["source_article"] == " ".join(HOSTILE.replace(";", ",").split()) + (
        " (https://x.example/a)"
    )


@pytest.mark.parametrize("fmt", ["jsonl", "geojson"])
def test_hostile_text_round_trips_json(hostile: Event, fmt: str) -> None:
    output = text([hostile], fmt)
    data = json.loads(output)
    record = data["features"][0]["properties"] if fmt == "geojson" else data
    _hostile_values(record)
    assert record["claims"][0]["says"] == HOSTILE
    assert record["sources"][0]["title"] == HOSTILE
    assert record["contradictions"] == [HOSTILE]
    assert "<script>" in output  # kept as text: escaping is the job of whoever renders HTML


def test_hostile_text_round_trips_parquet(hostile: Event, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    write_events([hostile], "parquet", path, timestamp=STAMP)
    row = pq.read_table(path).to_pylist()[0]
    _hostile_values(row)
    assert row["claims"][0]["claimant"] == HOSTILE
    assert row["sources"] == [HOSTILE]
