"""Test data for ``strife evaluate``: tiny invented gold files and predictors built from them.

Nothing here is real reporting: places ("Alpha", "Beta", "Gamma") and texts are made up, so
the suite never depends on the dev gold in ../shared (which must not be copied into the repo).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from strife.evaluate import GoldArticle, GoldEvent, Predictor
from strife.export.acled_csv import ACLED_COLUMNS as ACLED_EXPORT_COLUMNS
from strife.models import Article, Claim, Extraction, Report

GOLD_ARTICLES: list[dict[str, Any]] = [
    {
        "id": "t-001",
        "url": None,
        "title": "Clash and attack in central Mali",
        "published": "2024-03-10",
        "published_partial": None,
        "language": "en",
        "text": "Militants attacked an army post in Alpha on Saturday, killing ten soldiers. "
        "On Friday gunmen killed five villagers near Beta.",
        "truncated": False,
        "events": [
            {
                "event_date": "2024-03-09",
                "date_text": "on Saturday",
                "time_precision": 1,
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "actor1": "JNIM: Group for Support of Islam and Muslims",
                "actor2": "Military Forces of Mali",
                "country": "Mali",
                "admin1": "Mopti",
                "location": "Alpha",
                "latitude": 14.0,
                "longitude": -3.0,
                "geo_precision": 1,
                "fatalities": 10,
                "fatalities_high": 15,
                "claims": [
                    {"claimant": "JNIM", "kind": "perpetrator", "says": "10 killed", "killed": 10},
                    {"claimant": "army", "kind": "government", "says": "no toll", "killed": None},
                ],
                "disputed": False,
                "evidence": "Militants attacked an army post in Alpha on Saturday.",
            },
            {
                "event_date": "2024-03-08",
                "date_text": "On Friday",
                "time_precision": 1,
                "event_type": "Violence against civilians",
                "sub_event_type": "Attack",
                "actor1": "Unidentified Armed Group (Mali)",
                "actor2": "Civilians (Mali)",
                "country": "Mali",
                "admin1": "Ségou",
                "location": "Beta",
                "latitude": 13.4,
                "longitude": -6.2,
                "geo_precision": 2,
                "fatalities": 5,
                "fatalities_high": None,
                "claims": [
                    {"claimant": "mayor", "kind": "local_official", "says": "five", "killed": 5}
                ],
                "disputed": False,
                "evidence": "On Friday gunmen killed five villagers near Beta.",
            },
        ],
        "coder_notes": "invented",
    },
    {
        "id": "t-002",
        "url": "https://example.org/t-002",
        "title": None,
        "published": None,
        "published_partial": "2023-05",
        "language": "fr",
        "text": "Trois soldats ont été tués par un engin explosif dans la région du Sahel.",
        "truncated": False,
        "events": [
            {
                "event_date": None,
                "date_text": None,
                "time_precision": None,
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Remote explosive/landmine/IED",
                "actor1": "Unidentified Armed Group (Burkina Faso)",
                "actor2": "Military Forces of Burkina Faso",
                "country": "Burkina Faso",
                "admin1": "Sahel",
                "location": "Gamma",
                "latitude": None,
                "longitude": None,
                "geo_precision": 3,
                "fatalities": 3,
                "fatalities_high": None,
                "claims": [],
                "disputed": True,
                "evidence": "Trois soldats ont été tués par un engin explosif.",
            }
        ],
    },
    {
        "id": "t-003",
        "url": None,
        "title": "Cotton prices",
        "published": "2024-01-02",
        "language": "en",
        "text": "Cotton prices rose again this season, traders in the capital said.",
        "truncated": False,
        "events": [],
    },
]

ACLED_COLUMNS = list(ACLED_EXPORT_COLUMNS)

NOTE_A = "Unidentified gunmen attacked a Malian army patrol near Delta. Two soldiers were killed."
NOTE_B = (
    "Over two days, unknown assailants attacked the gendarmerie in Epsilon and then in Zeta. "
    "No casualties reported."
)
NOTE_C = "Des hommes armés ont attaqué le poste de la gendarmerie à Eta selon des sources locales."


def _acled_row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        inter1="1",
        inter2="3",
        interaction="13",
        iso="466",
        region="Western Africa",
        country="Mali",
        time_precision="1",
        geo_precision="1",
        fatalities="0",
        source="Invented",
    )
    row.update(values)
    return row


ACLED_ROWS = [
    _acled_row(
        event_id_cnty="MLI9001",
        event_date="2017-01-05",
        actor1="Military Forces of Mali (2013-2020)",
        actor2="Unidentified Armed Group (Mali)",
        admin1="Mopti",
        location="Delta",
        latitude="14.5000",
        longitude="-4.0000",
        notes=NOTE_A,
        fatalities="2",
    ),
    _acled_row(
        event_id_cnty="MLI9002",
        event_date="2017-01-07",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Police Forces of Mali (2013-2020) Gendarmerie",
        inter1="3",
        inter2="1",
        admin1="Gao",
        location="Epsilon",
        latitude="16.0000",
        longitude="0.0000",
        notes=NOTE_B,
    ),
    _acled_row(
        event_id_cnty="MLI9003",
        event_date="2017-01-08",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Police Forces of Mali (2013-2020) Gendarmerie",
        inter1="3",
        inter2="1",
        admin1="Gao",
        location="Zeta",
        latitude="16.3000",
        longitude="0.4000",
        geo_precision="2",
        time_precision="2",
        notes=NOTE_B,
    ),
    _acled_row(
        event_id_cnty="MLI9004",
        event_date="2017-01-09",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Police Forces of Mali (2013-2020)",
        admin1="Tombouctou",
        location="Eta",
        latitude="16.7000",
        longitude="-3.0000",
        notes=NOTE_C,
    ),
    _acled_row(event_id_cnty="MLI9005", event_date="2017-01-10", notes=""),
]


def write_jsonl(path: Path, articles: Iterable[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
    )
    return path


def write_acled_csv(
    path: Path, rows: Iterable[dict[str, Any]], columns: list[str] | None = None
) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns or ACLED_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def report_from_gold(article: Article, event: GoldEvent, **changes: Any) -> Report:
    """The report a perfect extractor would give for ``event``, with ``changes`` applied."""
    fields: dict[str, Any] = {
        "article_id": article.id,
        "event_date": event.event_date,
        "time_precision": event.time_precision,
        "reported_date": article.published,
        "disorder_type": "Political violence",
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "inter1": 1,
        "actor2": event.actor2,
        "inter2": 3,
        "interaction": 13,
        "country": event.country,
        "admin1": event.admin1,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "fatalities": event.fatalities or 0,
        "fatalities_high": event.fatalities_high,
        "disputed": bool(event.disputed),
        "claims": [
            Claim(claimant=c.claimant, kind=c.kind, says=c.says, killed=c.killed)  # type: ignore[arg-type]
            for c in event.claims
        ],
    }
    fields.update(changes)
    return Report(**fields)


Change = Callable[[Article, GoldEvent, int], list[Report]]


def predictor_from_gold(gold: Iterable[GoldArticle], change: Change | None = None) -> Predictor:
    """A predictor answering from the gold; ``change(article, event, index)`` may alter, drop or
    add reports for each gold event."""
    by_id = {a.id: a for a in gold}

    def predict(articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            reports: list[Report] = []
            for i, event in enumerate(by_id[article.id].events):
                if change is None:
                    reports.append(report_from_gold(article, event))
                else:
                    reports.extend(change(article, event, i))
            yield Extraction(article=article, reports=reports)

    return predict
