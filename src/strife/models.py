"""The data model of DESIGN.md §2: Article → Report (with Claims and Evidence spans).

These are the typed objects every stage passes on and every output format is written from.
Offsets in :class:`Span` are character offsets into ``Article.text``, so a UI can highlight
the exact words behind a field.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ClaimantKind = Literal[
    "perpetrator",
    "government",
    "security_source",
    "local_official",
    "witness",
    "humanitarian",
    "media",
    "unknown",
]

#: The fields of a report an evidence span can support.
EvidenceField = Literal[
    "sentence",
    "trigger",
    "event_type",
    "actor1",
    "actor2",
    "location",
    "event_date",
    "fatalities",
    "claim",
    "disputed",
]

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The text as used for identity: NFC, whitespace runs collapsed, stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id_for(text: str) -> str:
    """A stable id from the normalised text, so re-ingesting an article changes nothing."""
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return f"a-{digest[:16]}"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Article(Model):
    """A news article: text plus metadata. ``id`` defaults to a hash of the normalised text."""

    id: str = ""
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code, or None to detect")

    def model_post_init(self, __context: Any) -> None:
        if not self.id:
            self.id = article_id_for(self.text)


class Span(Model):
    """Words in the article that support a field: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    field: EvidenceField


class Claim(Model):
    """One statement about an event, kept with who made it.

    ``killed`` is the conservative (lowest credible) reading of the figure, ``killed_high`` the
    highest where the wording gives a range ("between 20 and 30", "up to 40").
    """

    claimant: str
    kind: ClaimantKind
    says: str
    killed: int | None = None
    killed_high: int | None = None
    victims: str | None = Field(
        default=None, description="who died where the text says: soldiers, civilians, attackers…"
    )
    split: int = Field(default=1, description="number of events a shared toll was split across")
    evidence: list[Span] = Field(default_factory=list)


class Coded(Model):
    """The ACLED fields a report and an event share: type, actors, place and toll."""

    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int
    actor2: str | None = None
    inter2: int | None = None
    interaction: int
    civilian_targeting: bool = False
    country: str | None = None
    iso: int | None = None
    region: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    place_id: str | None = Field(default=None, description="gazetteer id of the location")
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None


class Report(Coded):
    """One event as one article tells it, in ACLED's field names plus evidence and claims."""

    id: str = Field(
        default="", description="``<article id>-<n>``, n counting the article's reports from 1"
    )
    article_id: str
    event_date: date | None = None
    time_precision: int | None = None
    date_text: str | None = None
    reported_date: date | None = Field(
        default=None, description="the article's published date, kept when the text gives no day"
    )
    disputed: bool = False
    claims: list[Claim] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    flags: list[str] = Field(
        default_factory=list,
        description="what the coder could not settle: unresolved_date, unplaced, unresolved_place:X…",
    )

    @property
    def evidence_text(self) -> str:
        """The sentences behind the event, in article order."""
        spans = sorted((s for s in self.evidence if s.field == "sentence"), key=lambda s: s.start)
        return " ".join(s.text for s in spans)


class Source(Model):
    """An article an event was reported in, as an export or the UI names it."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None


class MergeLink(Model):
    """Why two reports were judged to tell the same event (DESIGN.md §5)."""

    report_a: str
    report_b: str
    reason: str


class Event(Coded):
    """One real event: reports merged across articles and languages, fields resolved.

    The ACLED fields are those of the most precise report (place and date) and of the majority
    (type, actors); the toll range comes from every claim of every report (DESIGN.md §3, §5).
    ``date_start``/``date_end`` span the dates the reports allow, for UCDP-style exports.
    """

    event_id: str
    event_date: date | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int | None = None
    disputed: bool = False
    contradictions: list[str] = Field(
        default_factory=list, description="where the reports disagree, one line each"
    )
    reports: list[Report] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    links: list[MergeLink] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return sorted({r.article_id for r in self.reports})

    @property
    def claims(self) -> list[Claim]:
        """Every claim of every report, in report order."""
        return [claim for report in self.reports for claim in report.claims]


class Extraction(Model):
    """What ``strife extract`` returns for one article."""

    article: Article
    reports: list[Report] = Field(default_factory=list)
    language: str | None = None
    warnings: list[str] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Extraction` (and so of Article, Report, Claim and Span)."""
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Strife extraction"
    return schema
