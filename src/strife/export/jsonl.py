"""Reports as JSON Lines: one report per line, ACLED's field names first, then Strife's extras.

The key order is fixed (:data:`JSONL_FIELDS`) so that files diff cleanly across runs and a
reader who knows ACLED finds the familiar columns first; the extras carry what ACLED's format
cannot: the toll's range, the claims with their claimants, and the evidence offsets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from strife.models import Report

#: Keys of each line, in order: ACLED fields, then uncertainty, claims and evidence.
JSONL_FIELDS: tuple[str, ...] = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "article_id",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "disputed",
    "claims",
    "evidence",
    "date_text",
    "reported_date",
    "flags",
)


def report_record(report: Report) -> dict[str, Any]:
    """One report as a JSON-ready dict with the keys of :data:`JSONL_FIELDS`, in that order.

    Dates are ISO strings; ``claims`` are dicts of :class:`~strife.models.Claim` and
    ``evidence`` dicts ``{start, end, text, field}`` with offsets into the article text.
    """
    data = report.model_dump(mode="json")
    return {key: data[key] for key in JSONL_FIELDS}


def write_jsonl(reports: Iterable[Report], fp: TextIO) -> int:
    """Write one JSON object per report to ``fp``; returns the number of lines written.

    >>> import io
    >>> write_jsonl([], io.StringIO())
    0
    """
    count = 0
    for report in reports:
        fp.write(json.dumps(report_record(report), ensure_ascii=False))
        fp.write("\n")
        count += 1
    return count
