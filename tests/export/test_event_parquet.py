"""Merged events as Parquet: the fixed schema, typed values, claims, determinism."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from strife.errors import ConfigError
from strife.export import write_events
from strife.export.acled_csv import ACLED_COLUMNS
from strife.export.parquet import EVENT_SCHEMA
from strife.models import Event

STAMP = 1_750_000_000

# The contract with the Spark batch writer, spelled out so that a change to EVENT_SCHEMA is
# a change to this test too.
EXPECTED_TYPES = [
    ("event_id", "string"),
    ("event_id_cnty", "string"),
    ("event_date", "date32[day]"),
    ("year", "int32"),
    ("time_precision", "int32"),
    ("disorder_type", "string"),
    ("event_type", "string"),
    ("sub_event_type", "string"),
    ("actor1", "string"),
    ("assoc_actor_1", "string"),
    ("inter1", "int32"),
    ("actor2", "string"),
    ("assoc_actor_2", "string"),
    ("inter2", "int32"),
    ("interaction", "int32"),
    ("civilian_targeting", "bool"),
    ("iso", "int32"),
    ("region", "string"),
    ("country", "string"),
    ("admin1", "string"),
    ("admin2", "string"),
    ("admin3", "string"),
    ("location", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("geo_precision", "int32"),
    ("source", "string"),
    ("source_scale", "string"),
    ("notes", "string"),
    ("fatalities", "int32"),
    ("tags", "string"),
    ("timestamp", "int64"),
    ("fatalities_low", "int32"),
    ("fatalities_best", "int32"),
    ("fatalities_high", "int32"),
    ("disputed", "bool"),
    ("date_start", "date32[day]"),
    ("date_end", "date32[day]"),
    ("number_of_reports", "int32"),
    ("article_ids", "list<item: string>"),
    ("sources", "list<item: string>"),
    ("contradictions", "list<item: string>"),
    (
        "claims",
        "list<item: struct<report_id: string, article_id: string, outlet: string, claimant: string, kind: string, killed: int32, killed_high: int32, victims: string, says: string>>",
    ),
]


def write(events: list[Event], path: Path) -> pa.Table:
    assert write_events(events, "parquet", path, timestamp=STAMP) == len(events)
    return pq.read_table(path)


def test_schema_is_event_schema(events: list[Event], tmp_path: Path) -> None:
    table = write(events, tmp_path / "events.parquet")
    assert table.schema.equals(EVENT_SCHEMA)
    assert table.schema.names[0] == "event_id"
    assert tuple(table.schema.names[1:32]) == ACLED_COLUMNS
    assert table.num_rows == len(events)


def test_schema_is_stable() -> None:
    assert [(f.name, str(f.type)) for f in EVENT_SCHEMA] == EXPECTED_TYPES
    assert not EVENT_SCHEMA.field("event_id").nullable
    assert EVENT_SCHEMA.metadata is None


def test_empty_export_has_the_schema(tmp_path: Path) -> None:
    table = write([], tmp_path / "empty.parquet")
    assert table.num_rows == 0 and table.schema.equals(EVENT_SCHEMA)


def test_values(events: list[Event], tmp_path: Path) -> None:
    rows = write(events, tmp_path / "events.parquet").to_pylist()
    assert [r["event_id"] for r in rows] == [e.event_id for e in events]  # order as given
    battle = rows[0]
    assert battle["event_date"] == date(2025, 6, 1) and battle["year"] == 2025
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == (2, 1, 12)
    assert (battle["fatalities"], battle["fatalities_low"]) == (30, 30)
    assert (battle["fatalities_best"], battle["fatalities_high"]) == (35, 40)
    assert battle["disputed"] is True and battle["number_of_reports"] == 2
    assert battle["article_ids"] == ["a-reuters", "a-tamani"]
    assert battle["sources"] == ["Reuters", "Studio Tamani"]
    assert battle["source"] == "Reuters; Studio Tamani"
    assert battle["source_scale"] == "National-International"
    assert battle["latitude"] == pytest.approx(14.6512345)
    assert battle["timestamp"] == STAMP
    assert battle["claims"][0] == {
        "report_id": "a-reuters-1",
        "article_id": "a-reuters",
        "outlet": "Reuters",
        "claimant": "JNIM",
        "kind": "perpetrator",
        "killed": 40,
        "killed_high": None,
        "victims": "soldiers",
        "says": "it killed 40 soldiers",
    }
    assert battle["claims"][2]["outlet"] == "Studio Tamani"
    unplaced = rows[2]
    assert unplaced["event_date"] is None and unplaced["latitude"] is None
    assert unplaced["inter2"] is None and unplaced["claims"] == []
    assert unplaced["iso"] == 562  # from data/countries.yaml


def test_pandas_reads_it(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    write(events, path)
    frame = pd.read_parquet(path)
    assert list(frame.columns) == EVENT_SCHEMA.names
    assert frame["fatalities"].tolist() == [30, 12, 5, 0, 3]
    assert len(frame.loc[0, "claims"]) == 3


def test_output_is_deterministic(events: list[Event], tmp_path: Path) -> None:
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    write(events, first)
    write(events, second)
    assert first.read_bytes() == second.read_bytes()


def test_binary_stream(events: list[Event]) -> None:
    buffer = io.BytesIO()
    assert write_events(events, "parquet", buffer, timestamp=STAMP) == len(events)
    assert pq.read_table(io.BytesIO(buffer.getvalue())).num_rows == len(events)


def test_text_stream_is_refused(events: list[Event]) -> None:
    with pytest.raises(ConfigError, match="parquet is binary"):
        write_events(events, "parquet", io.StringIO())
