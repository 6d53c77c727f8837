"""Reports and merged events as JSON Lines: one per line, ACLED's names first, then extras.

The key order is fixed (:data:`JSONL_FIELDS`, :data:`EVENT_JSONL_FIELDS`) so that files diff
cleanly across runs and a reader who knows ACLED finds the familiar columns first; the extras
carry what ACLED's format cannot: the toll's range, the claims with their claimants, and the
evidence offsets.

An event's line has a report line's keys plus its own, so a reader of ``strife extract`` output
reads ``strife export`` output too. What a merged event gives those keys:

- ``article_id``: the article of the event's first report (the one its notes quote);
  ``article_ids`` lists them all.
- ``claims``: every claim of every report, each with ``report_id``, ``article_id`` and
  ``outlet`` (the name of the source that carried it) added to the claim's own keys.
- ``evidence``: every span of every report, each with ``report_id`` and ``article_id``, since
  its offsets point into that article's text.
- ``date_text``: the words of the first report dated the event's date; ``reported_date``: the
  earliest date a report kept as "reported on".
- ``sources``: one dict per article (``article_id, outlet, url, title, published, language``)
  plus ``name``, the name the ACLED export gives it; dicts rather than names so that the line
  keeps the URLs and titles a reader checks the event against.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from strife.models import Event, Report
from strife.outlets import outlet_by_article, source_name

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


#: Keys of each line of the events JSONL: the event's id, a report line's keys, then the event's.
EVENT_JSONL_FIELDS: tuple[str, ...] = (
    "event_id",
    *JSONL_FIELDS,
    "article_ids",
    "sources",
    "number_of_reports",
    "date_start",
    "date_end",
    "contradictions",
)


def report_record(report: Report) -> dict[str, Any]:
    """One report as a JSON-ready dict with the keys of :data:`JSONL_FIELDS`, in that order.

    Dates are ISO strings; ``claims`` are dicts of :class:`~strife.models.Claim` and
    ``evidence`` dicts ``{start, end, text, field}`` with offsets into the article text.
    """
    data = report.model_dump(mode="json")
    return {key: data[key] for key in JSONL_FIELDS}


def _write_lines(records: Iterable[dict[str, Any]], fp: TextIO) -> int:
    count = 0
    for record in records:
        fp.write(json.dumps(record, ensure_ascii=False))
        fp.write("\n")
        count += 1
    return count


def write_jsonl(reports: Iterable[Report], fp: TextIO) -> int:
    """Write one JSON object per report to ``fp``; returns the number of lines written.

    >>> import io
    >>> write_jsonl([], io.StringIO())
    0
    """
    return _write_lines(map(report_record, reports), fp)


def claim_records(event: Event) -> list[dict[str, Any]]:
    """Every claim of the event's reports as a dict, with the report, article and outlet added."""
    outlets = outlet_by_article(event)
    return [
        {
            "report_id": report.id,
            "article_id": report.article_id,
            "outlet": outlets.get(report.article_id),
            **claim.model_dump(mode="json"),
        }
        for report in event.reports
        for claim in report.claims
    ]


def event_record(event: Event) -> dict[str, Any]:
    """One merged event as a JSON-ready dict with the keys of :data:`EVENT_JSONL_FIELDS`."""
    data = event.model_dump(mode="json", exclude={"reports", "links", "sources"})
    reports = event.reports
    dated = [r.date_text for r in reports if r.event_date == event.event_date and r.date_text]
    reported = [r.reported_date for r in reports if r.reported_date is not None]
    data.update(
        article_id=reports[0].article_id if reports else None,
        claims=claim_records(event),
        evidence=[
            {"report_id": r.id, "article_id": r.article_id, **span.model_dump(mode="json")}
            for r in reports
            for span in r.evidence
        ],
        date_text=dated[0] if event.event_date is not None and dated else None,
        reported_date=min(reported).isoformat() if reported else None,
        article_ids=event.article_ids,
        sources=[{**s.model_dump(mode="json"), "name": source_name(s)} for s in event.sources],
        number_of_reports=len(reports),
    )
    return {key: data[key] for key in EVENT_JSONL_FIELDS}


def write_events_jsonl(events: Iterable[Event], fp: TextIO) -> int:
    """Write one JSON object per merged event to ``fp``; returns the number of lines written."""
    return _write_lines(map(event_record, events), fp)
