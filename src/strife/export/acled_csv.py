"""Reports and merged events as ACLED's CSV export: the 31 columns of the current API/CSV.

The point of this format is that tools written for ACLED downloads (acledR, analysts' pandas
notebooks, dashboards) read Strife's output unchanged; so the columns, their order and their
value conventions follow ACLED (research/anchors.md §1.1, §1.5; ACLED codebook), and what ACLED
has no column for goes into ``notes`` as text. One row builder serves both a single article's
:class:`~strife.models.Report` (``strife extract``) and a merged :class:`~strife.models.Event`
(``strife export``); they differ only in where the id, the sources and the notes come from.

Choices where ACLED's own values cannot be reproduced:

- ``event_id_cnty`` is ``ISO3 + 8 hex digits``, e.g. ``MLI3F2A9C01``: the country's ISO 3166
  alpha-3 code (``XXX`` when the country is unknown) and the start of a SHA-1. For a report it is
  the hash of ``"{article_id}#{index}"``, where ``index`` is the report's position among its
  article's reports; for an event, the hash of its ``event_id``, which the merge keeps stable.
  The hex suffix cannot be mistaken for one of ACLED's own numeric ids.
- ``inter1``/``inter2``/``interaction`` are ACLED's current text labels, read from
  ``data/taxonomy.yaml``; ``interaction`` puts the lower Inter code first except that Civilians
  always come second, as in the codebook's Table 3 ("External/Other forces-Civilians" is 78).
- ``source`` is the outlet of each article, else the outlet its web host belongs to
  (``data/outlets.yaml``), else that host; an event's distinct sources are joined by "; ".
  ``source_scale`` is ACLED's scale of the listed outlets, combined as ACLED does
  ("National-International"), blank when no source is a listed outlet (outlets.py).
- ``assoc_actor_*``, ``admin3`` and ``tags`` are left blank (Strife does not code them).
- ``notes`` are written from the evidence: the sentences behind the event (for an event, those of
  its first report), then one sentence per claim ("JNIM (perpetrator) claimed 40 killed."), for
  an event with the outlet that carried it ("According to Reuters, …").
- ``fatalities`` is ACLED's conservative figure (the lowest credible), for reports and events.
- ``timestamp`` is the Unix time of the export, the same for every row of one export.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO

from strife.errors import DataError
from strife.export.countries import country_record
from strife.models import Article, Claim, Event, Report
from strife.outlets import outlet_by_article, source_name, source_names, source_scale
from strife.resources import load_yaml

#: ACLED's export columns, in ACLED's order (research/anchors.md §1.1).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

_CIVILIANS = 7  # Inter code of civilians: always the second half of an interaction label


@functools.cache
def _inter_labels() -> dict[int, str]:
    raw = load_yaml("taxonomy.yaml").get("inter_labels")
    if not isinstance(raw, dict) or not raw:
        raise DataError("data/taxonomy.yaml needs an inter_labels mapping (1: State forces, …)")
    try:
        return {int(code): str(label) for code, label in raw.items()}
    except (TypeError, ValueError) as exc:
        raise DataError(f"data/taxonomy.yaml: inter_labels keys must be numbers ({exc})") from exc


def inter_label(code: int | None) -> str:
    """ACLED's text label of an Inter code (1 → "State forces"); "" for None or 0.

    RAISES (DataError): the code is not one of ACLED's eight.
    """
    if not code:
        return ""
    labels = _inter_labels()
    if code not in labels:
        raise DataError(f"unknown Inter code {code}: ACLED's codes are 1 to {max(labels)}")
    return labels[code]


def interaction_label(inter1: int, inter2: int | None) -> str:
    """ACLED's text interaction for two Inter codes, independent of actor order.

    >>> interaction_label(2, 1)
    'State forces-Rebel group'
    >>> interaction_label(2, None)
    'Rebel group only'
    >>> interaction_label(7, 8)
    'External/Other forces-Civilians'
    """
    if not inter2:
        return f"{inter_label(inter1)} only"
    first, second = sorted((inter1, inter2), key=lambda code: (code == _CIVILIANS, code))
    return f"{inter_label(first)}-{inter_label(second)}"


def _cnty_id(item: Report | Event, key: str) -> str:
    country = country_record(item.iso, item.country)
    prefix = str(country["iso3"]) if country else "XXX"
    return f"{prefix}{hashlib.sha1(key.encode()).hexdigest()[:8].upper()}"


def event_id(report: Report, index: int) -> str:
    """A deterministic ACLED-style id: country ISO3 + 8 hex digits of hash(article id, index).

    ``index`` is the report's position among the reports of its article (0 for the first).
    """
    return _cnty_id(report, f"{report.article_id}#{index}")


def event_id_cnty(event: Event) -> str:
    """A merged event's ACLED-style id: country ISO3 + 8 hex digits of hash(event id)."""
    return _cnty_id(event, event.event_id)


def _clean(text: str) -> str:
    return " ".join(text.split())


_SENTENCE_END = (".", "!", "?", "…", '"', "»", "”", "'", "’", ")")


def _as_sentence(text: str) -> str:
    # A headline or a line without a full stop would run into the next sentence once joined.
    cleaned = _clean(text)
    return cleaned if not cleaned or cleaned.endswith(_SENTENCE_END) else cleaned + "."


def _evidence_sentences(report: Report, article: Article | None) -> list[str]:
    """The sentences behind the report, in article order, each once.

    With the article's text at hand, each evidence span grows to its whole sentence (spans may
    be just "JNIM" or "41 soldiers"); without it, spans are used as they are, minus spans inside
    other spans.
    """
    spans = sorted({(s.start, s.end): s for s in report.evidence}.values(), key=lambda s: s.start)
    if not spans:
        return []
    text = article.text if article is not None else None
    if text is not None and all(text[s.start : s.end] == s.text for s in spans):
        from strife.parse.sentences import split_sentences

        sentences = split_sentences(text)
        chosen: dict[int, str] = {}
        for span in spans:
            for sentence in sentences:
                if sentence.start < max(span.end, span.start + 1) and span.start < sentence.end:
                    chosen[sentence.start] = sentence.text
        return [_as_sentence(chosen[start]) for start in sorted(chosen)]
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if any(start <= span.start and span.end <= end for start, end, _ in kept):
            continue
        kept.append((span.start, span.end, _clean(span.text)))
    return [text for _, _, text in kept if text]


def claim_note(claim: Claim, outlet: str | None = None) -> str:
    """One claim as a sentence of the notes: "JNIM (perpetrator) claimed 40 soldiers killed.".

    With ``outlet`` the sentence says who carried the claim: "According to Reuters, JNIM …".
    """
    who = f"{_clean(claim.claimant)} ({claim.kind.replace('_', ' ')})"
    if claim.killed is None:
        note = f"{who}: {_clean(claim.says).rstrip('.')}."
    else:
        figure = str(claim.killed)
        if claim.killed_high is not None and claim.killed_high > claim.killed:
            figure = f"{claim.killed}-{claim.killed_high}"
        victims = f" {claim.victims}" if claim.victims else ""
        shared = f" (a toll shared by {claim.split} events)" if claim.split > 1 else ""
        note = f"{who} claimed {figure}{victims} killed{shared}."
    if outlet:
        return f"According to {_clean(outlet)}, {note}"
    return note[:1].upper() + note[1:]  # "deux sources…" opens a sentence of the notes


def _notes(
    sentences: list[str], claims: Iterable[tuple[Claim, str | None]], *, disputed: bool
) -> str:
    """The evidence sentences, then one line per claim, each line once.

    A claim without a figure whose words are already among the evidence sentences is not
    repeated: it would only copy a sentence the notes already hold.
    """
    evidence = " ".join(sentences)
    parts = list(sentences)
    for claim, outlet in claims:
        if claim.killed is None and _clean(claim.says).rstrip(".") in evidence:
            continue
        parts.append(claim_note(claim, outlet))
    if disputed:
        parts.append("The accounts of this event are disputed.")
    return " ".join(dict.fromkeys(parts))


def notes_for(report: Report, article: Article | None = None) -> str:
    """ACLED's ``notes`` of a report: its evidence sentences, then one line per claim."""
    sentences = _evidence_sentences(report, article)
    return _notes(sentences, ((c, None) for c in report.claims), disputed=report.disputed)


def event_notes(event: Event) -> str:
    """ACLED's ``notes`` of a merged event.

    The first report's evidence sentences tell what happened (the articles' texts are not at
    hand, so the sentence spans are used as they are); every claim of every report follows with
    the outlet that carried it, since a toll's credibility depends on who reported whose figure.
    """
    outlets = outlet_by_article(event)
    sentences = (
        [_as_sentence(s) for s in _evidence_sentences(event.reports[0], None)]
        if event.reports
        else []
    )
    claims = (
        (claim, outlets.get(report.article_id))
        for report in event.reports
        for claim in report.claims
    )
    return _notes(sentences, claims, disputed=event.disputed)


def _num(value: float | int | None, fmt: str = "") -> str:
    return "" if value is None else format(value, fmt)


def _row(
    item: Report | Event,
    *,
    event_id_cnty: str,
    source: str,
    source_scale: str,
    notes: str,
    timestamp: int,
) -> dict[str, str]:
    country = country_record(item.iso, item.country)
    iso = item.iso if item.iso is not None else (country or {}).get("iso_numeric")
    region = item.region or (country or {}).get("region") or ""
    return {
        "event_id_cnty": event_id_cnty,
        "event_date": item.event_date.isoformat() if item.event_date else "",
        "year": str(item.event_date.year) if item.event_date else "",
        "time_precision": _num(item.time_precision),
        "disorder_type": item.disorder_type,
        "event_type": item.event_type,
        "sub_event_type": item.sub_event_type,
        "actor1": item.actor1,
        "assoc_actor_1": "",
        "inter1": inter_label(item.inter1),
        "actor2": item.actor2 or "",
        "assoc_actor_2": "",
        "inter2": inter_label(item.inter2),
        "interaction": interaction_label(item.inter1, item.inter2),
        "civilian_targeting": "Civilians targeted" if item.civilian_targeting else "",
        "iso": _num(iso),
        "region": str(region),
        "country": item.country or "",
        "admin1": item.admin1 or "",
        "admin2": item.admin2 or "",
        "admin3": "",
        "location": item.location or "",
        "latitude": _num(item.latitude, ".4f"),
        "longitude": _num(item.longitude, ".4f"),
        "geo_precision": _num(item.geo_precision),
        "source": source,
        "source_scale": source_scale,
        "notes": notes,
        "fatalities": str(item.fatalities),
        "tags": "",
        "timestamp": str(timestamp),
    }


def _iso3(item: Report | Event) -> str | None:
    country = country_record(item.iso, item.country)
    return str(country["iso3"]) if country else None


def acled_row(
    report: Report, *, index: int, article: Article | None = None, timestamp: int
) -> dict[str, str]:
    """One report as a row of :data:`ACLED_COLUMNS` (all values as the CSV strings)."""
    return _row(
        report,
        event_id_cnty=event_id(report, index),
        source=source_name(article),
        source_scale=source_scale([article], _iso3(report)) if article is not None else "",
        notes=notes_for(report, article),
        timestamp=timestamp,
    )


def event_acled_row(event: Event, *, timestamp: int) -> dict[str, str]:
    """One merged event as a row of :data:`ACLED_COLUMNS` (all values as the CSV strings)."""
    return _row(
        event,
        event_id_cnty=event_id_cnty(event),
        source="; ".join(source_names(event.sources)),
        source_scale=source_scale(event.sources, _iso3(event)),
        notes=event_notes(event),
        timestamp=timestamp,
    )


def write_csv_rows(rows: Iterable[dict[str, str]], columns: Iterable[str], fp: TextIO) -> int:
    """Write a header and ``rows`` (dicts keyed by ``columns``) to ``fp``; returns the rows."""
    writer = csv.DictWriter(fp, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_acled_csv(
    reports: Iterable[Report],
    fp: TextIO,
    *,
    articles: Mapping[str, Article] | None = None,
    timestamp: int | None = None,
) -> int:
    """Write a header and one ACLED row per report to ``fp``; returns the number of rows.

    reports (Iterable[Report]): in article order; ids count reports per article in this order.
    fp (TextIO): opened with ``newline=""`` when it is a file (rows end with "\\n").
    articles (Mapping[str, Article] | None): articles by id, for ``source`` and for growing
        evidence spans to whole sentences in ``notes``.
    timestamp (int | None): the Unix time to stamp rows with; default now.
    """
    stamp = int(time.time()) if timestamp is None else timestamp

    def rows() -> Iterator[dict[str, str]]:
        per_article: dict[str, int] = {}
        for report in reports:
            index = per_article.get(report.article_id, 0)
            per_article[report.article_id] = index + 1
            article = articles.get(report.article_id) if articles is not None else None
            yield acled_row(report, index=index, article=article, timestamp=stamp)

    return write_csv_rows(rows(), ACLED_COLUMNS, fp)


def write_events_acled_csv(events: Iterable[Event], fp: TextIO, *, timestamp: int) -> int:
    """Write a header and one ACLED row per merged event to ``fp``; returns the number of rows."""
    rows = (event_acled_row(event, timestamp=timestamp) for event in events)
    return write_csv_rows(rows, ACLED_COLUMNS, fp)
