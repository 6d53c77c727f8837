"""Reports built field by field, for merge and store tests that must not depend on the coder."""

from __future__ import annotations

from datetime import date
from typing import Any

from strife.models import Article, Claim, Extraction, Report, Span


def report(article_id: str = "a-1", number: int = 1, **fields: Any) -> Report:
    """A Battles report in Hombori (Mali) on 2025-06-01; ``fields`` override any field."""
    values: dict[str, Any] = {
        "id": f"{article_id}-{number}",
        "article_id": article_id,
        "event_date": date(2025, 6, 1),
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "JNIM: Group for Support of Islam and Muslims",
        "inter1": 2,
        "actor2": "Military Forces of Mali",
        "inter2": 1,
        "interaction": 12,
        "country": "Mali",
        "iso": 466,
        "admin1": "Mopti",
        "admin2": "Douentza",
        "location": "Hombori",
        "latitude": 15.279,
        "longitude": -1.7004,
        "geo_precision": 1,
    }
    values.update(fields)
    return Report(**values)


def claim(kind: str, killed: int | None, claimant: str = "", **fields: Any) -> Claim:
    says = f"{killed} soldiers were killed" if killed is not None else "the army denied it"
    return Claim(
        claimant=claimant or kind,
        kind=kind,  # type: ignore[arg-type]
        says=says,
        killed=killed,
        evidence=[Span(start=0, end=len(says), text=says, field="claim")],
        **fields,
    )


def with_toll(r: Report, *claims: Claim) -> Report:
    """``r`` with these claims and the coder's low/best/high for them (one kind each)."""
    figures = [c.killed for c in claims if c.killed is not None]
    low = min(figures) if figures else None
    return r.model_copy(
        update={
            "claims": list(claims),
            "fatalities": low or 0,
            "fatalities_low": low,
            "fatalities_best": low,
            "fatalities_high": max(figures) if figures else None,
        }
    )


def extraction(article_id: str, *reports: Report, outlet: str | None = None) -> Extraction:
    text = " ".join(s.text for r in reports for s in r.evidence) or f"article {article_id}"
    article = Article(id=article_id, text=text, outlet=outlet, published=date(2025, 6, 2))
    return Extraction(article=article, reports=list(reports), language="en")
