"""Merged events as Parquet, one row per event, with a fixed schema (:data:`EVENT_SCHEMA`).

The schema is spelled out here rather than inferred from the rows, because the Spark batch jobs
(DESIGN.md §6) write the same files: both sides must agree on every name and type, and an
inferred schema would change with the data (a column of nulls has no type). Change it only
together with the batch writer; add columns at the end.

Columns: ``event_id``, then ACLED's 31 export columns in ACLED's order with typed values (dates
as date32, Inter and interaction codes as ACLED's numbers rather than its text labels, since a
typed file is for computing; ``timestamp`` as int64 Unix seconds), then Strife's: the toll range,
``disputed``, the date span, ``number_of_reports``, ``article_ids``, ``sources`` (source names,
as in ACLED's ``source``), ``contradictions`` and ``claims`` (one struct per claim of every
report, with the report, article and outlet it came from).

:data:`REPORT_SCHEMA` and :data:`CLAIM_SCHEMA` are the ``reports/`` and ``claims/`` tables
`strife batch` writes next to ``events/``: one row per report (with its event and source) and
one per claim (with its report, event and source), evidence spans as lists of structs.

Rows are written in the order given, in row groups of :data:`ROW_GROUP_SIZE` events, so the same
events give the same file and an export never holds more than one row group in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from strife.export.acled_csv import event_acled_row
from strife.export.jsonl import claim_records
from strife.models import Event, Report, Source, Span
from strife.outlets import source_names

#: Events per row group: large enough for column compression, small enough to stream.
ROW_GROUP_SIZE = 10_000

CLAIM_TYPE = pa.struct(
    [
        pa.field("report_id", pa.string()),
        pa.field("article_id", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("claimant", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("killed", pa.int32()),
        pa.field("killed_high", pa.int32()),
        pa.field("victims", pa.string()),
        pa.field("says", pa.string()),
    ]
)

EVENT_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string(), nullable=False),
        # ACLED's export columns, in ACLED's order
        pa.field("event_id_cnty", pa.string(), nullable=False),
        pa.field("event_date", pa.date32()),
        pa.field("year", pa.int32()),
        pa.field("time_precision", pa.int32()),
        pa.field("disorder_type", pa.string()),
        pa.field("event_type", pa.string()),
        pa.field("sub_event_type", pa.string()),
        pa.field("actor1", pa.string()),
        pa.field("assoc_actor_1", pa.string()),
        pa.field("inter1", pa.int32()),
        pa.field("actor2", pa.string()),
        pa.field("assoc_actor_2", pa.string()),
        pa.field("inter2", pa.int32()),
        pa.field("interaction", pa.int32()),
        pa.field("civilian_targeting", pa.bool_()),
        pa.field("iso", pa.int32()),
        pa.field("region", pa.string()),
        pa.field("country", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin2", pa.string()),
        pa.field("admin3", pa.string()),
        pa.field("location", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geo_precision", pa.int32()),
        pa.field("source", pa.string()),
        pa.field("source_scale", pa.string()),
        pa.field("notes", pa.string()),
        pa.field("fatalities", pa.int32()),
        pa.field("tags", pa.string()),
        pa.field("timestamp", pa.int64()),
        # Strife's
        pa.field("fatalities_low", pa.int32()),
        pa.field("fatalities_best", pa.int32()),
        pa.field("fatalities_high", pa.int32()),
        pa.field("disputed", pa.bool_()),
        pa.field("date_start", pa.date32()),
        pa.field("date_end", pa.date32()),
        pa.field("number_of_reports", pa.int32()),
        pa.field("article_ids", pa.list_(pa.string())),
        pa.field("sources", pa.list_(pa.string())),
        pa.field("contradictions", pa.list_(pa.string())),
        pa.field("claims", pa.list_(CLAIM_TYPE)),
    ]
)


SPAN_TYPE = pa.struct(
    [
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("text", pa.string()),
        pa.field("field", pa.string()),
    ]
)

# The article a report or claim came from, as its event's sources name it.
_SOURCE_FIELDS = [
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("outlet", pa.string()),
    pa.field("url", pa.string()),
    pa.field("title", pa.string()),
    pa.field("published", pa.date32()),
    pa.field("language", pa.string()),
]

REPORT_SCHEMA = pa.schema(
    [
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("event_id", pa.string(), nullable=False),
        *_SOURCE_FIELDS,
        pa.field("event_date", pa.date32()),
        pa.field("time_precision", pa.int32()),
        pa.field("date_text", pa.string()),
        pa.field("reported_date", pa.date32()),
        pa.field("disorder_type", pa.string()),
        pa.field("event_type", pa.string()),
        pa.field("sub_event_type", pa.string()),
        pa.field("actor1", pa.string()),
        pa.field("inter1", pa.int32()),
        pa.field("actor2", pa.string()),
        pa.field("inter2", pa.int32()),
        pa.field("interaction", pa.int32()),
        pa.field("civilian_targeting", pa.bool_()),
        pa.field("country", pa.string()),
        pa.field("iso", pa.int32()),
        pa.field("region", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin2", pa.string()),
        pa.field("location", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geo_precision", pa.int32()),
        pa.field("place_id", pa.string()),
        pa.field("fatalities", pa.int32()),
        pa.field("fatalities_low", pa.int32()),
        pa.field("fatalities_best", pa.int32()),
        pa.field("fatalities_high", pa.int32()),
        pa.field("disputed", pa.bool_()),
        pa.field("flags", pa.list_(pa.string())),
        pa.field("evidence", pa.list_(SPAN_TYPE)),
    ]
)

CLAIM_SCHEMA = pa.schema(
    [
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("position", pa.int32(), nullable=False),  # the claim's place in its report
        pa.field("event_id", pa.string(), nullable=False),
        *_SOURCE_FIELDS,
        pa.field("claimant", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("says", pa.string()),
        pa.field("killed", pa.int32()),
        pa.field("killed_high", pa.int32()),
        pa.field("victims", pa.string()),
        pa.field("split", pa.int32()),
        pa.field("evidence", pa.list_(SPAN_TYPE)),
    ]
)


def _spans(spans: list[Span]) -> list[dict[str, Any]]:
    return [span.model_dump() for span in spans]


def report_row(report: Report, event_id: str, source: Source) -> dict[str, Any]:
    """One report as a dict of :data:`REPORT_SCHEMA`'s columns."""
    row: dict[str, Any] = {"report_id": report.id, "event_id": event_id}
    row.update(source.model_dump())
    row.update(report.model_dump(exclude={"id", "article_id", "claims", "evidence"}))
    row["evidence"] = _spans(report.evidence)
    return {name: row[name] for name in REPORT_SCHEMA.names}


def claim_rows(report: Report, event_id: str, source: Source) -> list[dict[str, Any]]:
    """The claims of a report as dicts of :data:`CLAIM_SCHEMA`'s columns."""
    rows = []
    for position, claim in enumerate(report.claims):
        row: dict[str, Any] = {"report_id": report.id, "position": position, "event_id": event_id}
        row.update(source.model_dump())
        row.update(claim.model_dump(exclude={"evidence"}))
        row["evidence"] = _spans(claim.evidence)
        rows.append({name: row[name] for name in CLAIM_SCHEMA.names})
    return rows


def _blank_to_none(value: str) -> str | None:
    return value or None


def event_row(event: Event, *, timestamp: int) -> dict[str, Any]:
    """One event as a dict of :data:`EVENT_SCHEMA`'s columns (Python values, None for nulls)."""
    acled = event_acled_row(event, timestamp=timestamp)
    claim_fields = CLAIM_TYPE.names
    return {
        "event_id": event.event_id,
        "event_id_cnty": acled["event_id_cnty"],
        "event_date": event.event_date,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": None,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": None,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting,
        "iso": int(acled["iso"]) if acled["iso"] else None,
        "region": _blank_to_none(acled["region"]),
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": None,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": _blank_to_none(acled["source"]),
        "source_scale": _blank_to_none(acled["source_scale"]),
        "notes": acled["notes"],
        "fatalities": event.fatalities,
        "tags": None,
        "timestamp": timestamp,
        "fatalities_low": event.fatalities_low,
        "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high,
        "disputed": event.disputed,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "number_of_reports": len(event.reports),
        "article_ids": event.article_ids,
        "sources": source_names(event.sources),
        "contradictions": list(event.contradictions),
        "claims": [{k: c[k] for k in claim_fields} for c in claim_records(event)],
    }


def _batches(events: Iterable[Event], timestamp: int) -> Iterator[pa.RecordBatch]:
    rows = (event_row(event, timestamp=timestamp) for event in events)
    while chunk := list(islice(rows, ROW_GROUP_SIZE)):
        yield pa.RecordBatch.from_pylist(chunk, schema=EVENT_SCHEMA)


def write_parquet(events: Iterable[Event], out: Path | BinaryIO, *, timestamp: int) -> int:
    """Write ``events`` to ``out`` (a path or a binary stream); returns the number of rows.

    An empty export still writes a valid file with the schema and no rows.
    """
    count = 0
    with pq.ParquetWriter(out, EVENT_SCHEMA) as writer:
        for batch in _batches(events, timestamp):
            writer.write_batch(batch, row_group_size=ROW_GROUP_SIZE)
            count += batch.num_rows
    return count
