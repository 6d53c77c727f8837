"""Export merged events: the one entry point of ``strife export`` and the API.

:func:`write_events` picks the writer of a format and opens the output: a path, or a stream
the caller owns (left open). Text formats stream event by event and take a text stream;
Parquet is binary and takes a binary stream. Writers are imported only when used, so exporting
a CSV does not load pyarrow.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, TextIO

from strife.errors import ConfigError
from strife.models import Event

#: The formats :func:`write_events` writes.
EVENT_FORMATS: tuple[str, ...] = ("acled-csv", "ged-csv", "geojson", "parquet", "jsonl")


def _write_text(events: Iterable[Event], fmt: str, fp: TextIO, stamp: int) -> int:
    if fmt == "acled-csv":
        from strife.export.acled_csv import write_events_acled_csv

        return write_events_acled_csv(events, fp, timestamp=stamp)
    if fmt == "ged-csv":
        from strife.export.ged_csv import write_ged_csv

        return write_ged_csv(events, fp)
    if fmt == "geojson":
        from strife.export.geojson import write_geojson

        return write_geojson(events, fp)
    from strife.export.jsonl import write_events_jsonl

    return write_events_jsonl(events, fp)


def write_events(
    events: Iterable[Event],
    fmt: str,
    out: Path | TextIO | BinaryIO,
    *,
    timestamp: int | None = None,
) -> int:
    """Write ``events`` in format ``fmt`` to ``out``; returns the number of rows written.

    events (Iterable[Event]): written in the order given; consumed once.
    fmt (str): one of :data:`EVENT_FORMATS`.
    out (Path | TextIO | BinaryIO): a file path (created or overwritten, UTF-8), a text stream
        for the text formats (open files with ``newline=""``: CSV rows end with "\\n"), or a
        binary stream for ``parquet``.
    timestamp (int | None): the Unix time stamped on ACLED rows (``acled-csv``, ``parquet``);
        default now. Everything else depends only on the events.

    Rows: one per event, except ``ged-csv``, which writes only the events UCDP would record
    (organised violence with at least one death; see export/ged_csv.py).

    RAISES (ConfigError): unknown format, or a stream of the wrong kind for it.
    """
    if fmt not in EVENT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(EVENT_FORMATS)}")
    stamp = int(time.time()) if timestamp is None else timestamp
    if fmt == "parquet":
        if not isinstance(out, Path | io.RawIOBase | io.BufferedIOBase):
            raise ConfigError("parquet is binary: give a file path or a binary stream, not text")
        from strife.export.parquet import write_parquet

        return write_parquet(events, out, timestamp=stamp)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fp:
            return _write_text(events, fmt, fp, stamp)
    if isinstance(out, io.TextIOBase):
        return _write_text(events, fmt, out, stamp)
    raise ConfigError(f"{fmt} is text: give a file path or a text stream, not a binary one")
