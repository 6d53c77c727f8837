"""Output formats: reports as JSON Lines, ACLED's 31-column CSV and a terminal table; merged
events as ACLED CSV, UCDP GED-style CSV, GeoJSON, Parquet and JSON Lines.

Each writer is its own module so that ``strife extract --format jsonl`` does not import Rich
and the CSV export does not import the table code or pyarrow. Events are exported through
:func:`write_events`.
"""

from strife.export.events import EVENT_FORMATS, write_events

__all__ = ["EVENT_FORMATS", "write_events"]
