"""Reports as ACLED's CSV export: the 31 columns of the current API/CSV, in ACLED's order.

The point of this format is that tools written for ACLED downloads (acledR, analysts' pandas
notebooks, dashboards) read Strife's output unchanged; so the columns, their order and their
value conventions follow ACLED (research/anchors.md §1.1, §1.5; ACLED codebook), and what ACLED
has no column for goes into ``notes`` as text.

Choices where ACLED's own values cannot be reproduced:

- ``event_id_cnty`` is ``ISO3 + 8 hex digits``, e.g. ``MLI3F2A9C01``: the country's ISO 3166
  alpha-3 code (``XXX`` when the country is unknown) and the start of the SHA-1 of
  ``"{article_id}#{index}"``, where ``index`` is the report's position among its article's
  reports. The same article coded the same way always gets the same ids, and the hex suffix
  cannot be mistaken for one of ACLED's own numeric ids.
- ``inter1``/``inter2``/``interaction`` are ACLED's current text labels, read from
  ``data/taxonomy.yaml``; ``interaction`` puts the lower Inter code first except that Civilians
  always come second, as in the codebook's Table 3 ("External/Other forces-Civilians" is 78).
- ``source`` is the article's outlet, else its URL's host; ``source_scale``, ``assoc_actor_*``,
  ``admin3`` and ``tags`` are left blank (Strife does not code them).
- ``notes`` are written from the evidence: the sentences behind the event in article order,
  then one sentence per claim ("JNIM (perpetrator) claimed 40 killed.").
- ``timestamp`` is the Unix time of the export, the same for every row of one export.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import time
from collections.abc import Iterable, Mapping
from typing import Any, TextIO
from urllib.parse import urlparse

from strife.errors import DataError
from strife.models import Article, Claim, Report
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


@functools.cache
def _countries() -> tuple[dict[int, dict[str, Any]], dict[str, dict[str, Any]]]:
    entries = load_yaml("countries.yaml").get("countries") or []
    by_iso = {int(e["iso_numeric"]): e for e in entries if e.get("iso_numeric")}
    by_name = {str(e["name"]).casefold(): e for e in entries}
    return by_iso, by_name


def _country(report: Report) -> dict[str, Any] | None:
    by_iso, by_name = _countries()
    if report.iso and report.iso in by_iso:
        return by_iso[report.iso]
    if report.country:
        return by_name.get(report.country.casefold())
    return None


def event_id(report: Report, index: int) -> str:
    """A deterministic ACLED-style id: country ISO3 + 8 hex digits of hash(article id, index).

    ``index`` is the report's position among the reports of its article (0 for the first).
    """
    country = _country(report)
    prefix = str(country["iso3"]) if country else "XXX"
    digest = hashlib.sha1(f"{report.article_id}#{index}".encode()).hexdigest()
    return f"{prefix}{digest[:8].upper()}"


def source_name(article: Article | None) -> str:
    """ACLED's ``source``: the outlet, else the URL's host without "www.", else ""."""
    if article is None:
        return ""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.")
    return ""


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


def claim_note(claim: Claim) -> str:
    """One claim as a sentence of the notes: "JNIM (perpetrator) claimed 40 soldiers killed."."""
    who = f"{claim.claimant} ({claim.kind.replace('_', ' ')})"
    if claim.killed is None:
        note = f"{who}: {_clean(claim.says).rstrip('.')}."
        return note[:1].upper() + note[1:]
    figure = str(claim.killed)
    if claim.killed_high is not None and claim.killed_high > claim.killed:
        figure = f"{claim.killed}-{claim.killed_high}"
    victims = f" {claim.victims}" if claim.victims else ""
    shared = f" (a toll shared by {claim.split} events)" if claim.split > 1 else ""
    note = f"{who} claimed {figure}{victims} killed{shared}."
    return note[:1].upper() + note[1:]  # "deux sources…" opens a sentence of the notes


def notes_for(report: Report, article: Article | None = None) -> str:
    """ACLED's ``notes`` from the evidence: the evidence sentences, then one line per claim.

    A claim without a figure whose words are already among the evidence sentences is not
    repeated: it would only copy a sentence the notes already hold.
    """
    parts = _evidence_sentences(report, article)
    evidence = " ".join(parts)
    for claim in report.claims:
        if claim.killed is None and _clean(claim.says).rstrip(".") in evidence:
            continue
        parts.append(claim_note(claim))
    if report.disputed:
        parts.append("The accounts of this event are disputed.")
    return " ".join(parts)


def _num(value: float | int | None, fmt: str = "") -> str:
    return "" if value is None else format(value, fmt)


def acled_row(
    report: Report, *, index: int, article: Article | None = None, timestamp: int
) -> dict[str, str]:
    """One report as a row of :data:`ACLED_COLUMNS` (all values as the CSV strings)."""
    country = _country(report)
    iso = report.iso if report.iso is not None else (country or {}).get("iso_numeric")
    region = report.region or (country or {}).get("region") or ""
    row = {
        "event_id_cnty": event_id(report, index),
        "event_date": report.event_date.isoformat() if report.event_date else "",
        "year": str(report.event_date.year) if report.event_date else "",
        "time_precision": _num(report.time_precision),
        "disorder_type": report.disorder_type,
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        "actor1": report.actor1,
        "assoc_actor_1": "",
        "inter1": inter_label(report.inter1),
        "actor2": report.actor2 or "",
        "assoc_actor_2": "",
        "inter2": inter_label(report.inter2),
        "interaction": interaction_label(report.inter1, report.inter2),
        "civilian_targeting": "Civilians targeted" if report.civilian_targeting else "",
        "iso": _num(iso),
        "region": str(region),
        "country": report.country or "",
        "admin1": report.admin1 or "",
        "admin2": report.admin2 or "",
        "admin3": "",
        "location": report.location or "",
        "latitude": _num(report.latitude, ".4f"),
        "longitude": _num(report.longitude, ".4f"),
        "geo_precision": _num(report.geo_precision),
        "source": source_name(article),
        "source_scale": "",
        "notes": notes_for(report, article),
        "fatalities": str(report.fatalities),
        "tags": "",
        "timestamp": str(timestamp),
    }
    return row


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
    writer = csv.DictWriter(fp, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    per_article: dict[str, int] = {}
    count = 0
    for report in reports:
        index = per_article.get(report.article_id, 0)
        per_article[report.article_id] = index + 1
        article = articles.get(report.article_id) if articles is not None else None
        writer.writerow(acled_row(report, index=index, article=article, timestamp=stamp))
        count += 1
    return count
