"""An API on a small store of hand-built events, on SQLite and on PostgreSQL.

The events are built field by field (tests/merge/factory.py), so these tests do not depend on
the coder: six events in four countries, one merged from two outlets, one without a date, one
located only to its region, and one from an article full of hostile HTML.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from fastapi import FastAPI

from strife.api import create_app
from strife.api.tokens import create_token
from strife.models import Article, Extraction, Report, Span
from strife.store import Store
from tests.merge.factory import claim, report, with_toll
from tests.store.conftest import make_db_url  # noqa: F401  (the fixture, on both databases)

with warnings.catch_warnings():
    # Starlette's TestClient warns, once on import, that it would rather have httpx2
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SCRIPT = '<script>alert("x")</script><img src=x onerror="alert(1)"> & </p>'


def sentence(text: str) -> list[Span]:
    return [Span(start=0, end=len(text), text=text, field="sentence")]


def stored(article_id: str, r: Report, outlet: str) -> Extraction:
    """An article whose text is exactly the report's evidence sentence."""
    text = r.evidence[0].text
    article = Article(id=article_id, text=text, outlet=outlet, published=date(2025, 6, 2))
    return Extraction(article=article, reports=[r], language="en")


def _hombori(article_id: str, killed: int) -> Report:
    text = f"Suspected jihadists attacked an army post in Hombori, killing {killed} soldiers."
    r = report(article_id, evidence=sentence(text))
    return with_toll(r, claim("security_source", killed))


REPORTS: list[tuple[str, Report, str]] = [
    ("a-wire", _hombori("a-wire", 12), "Wire"),
    ("a-afp", _hombori("a-afp", 20), "AFP"),
    (
        "a-djibo",
        with_toll(
            report(
                "a-djibo",
                event_date=date(2025, 3, 9),
                event_type="Violence against civilians",
                sub_event_type="Attack",
                actor1="Islamic State Sahel Province",
                actor2="Civilians (Burkina Faso)",
                inter2=7,
                interaction=27,
                country="Burkina Faso",
                iso=854,
                admin1="Sahel",
                admin2="Soum",
                location="Djibo",
                latitude=14.1,
                longitude=-1.63,
                evidence=sentence("Gunmen killed thirty villagers near Djibo on Sunday."),
            ),
            claim("local_official", 30),
        ),
        "Radio",
    ),
    (
        "a-niger",
        with_toll(
            report(
                "a-niger",
                event_date=date(2024, 11, 20),
                event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED",
                actor1="Unidentified Armed Group (Niger)",
                inter1=3,
                actor2=None,
                inter2=None,
                interaction=30,
                country="Niger",
                iso=562,
                admin1="Tillaberi",
                admin2="Ouallam",
                location="Banibangou",
                latitude=15.04,
                longitude=2.7,
                evidence=sentence("A roadside bomb killed three people near Banibangou."),
            ),
            claim("government", 3),
        ),
        "Wire",
    ),
    (
        "a-kidal",
        report(
            "a-kidal",
            event_date=date(2025, 6, 20),
            actor1="Wagner Group",
            inter1=8,
            admin1="Kidal",
            admin2=None,
            location=None,
            latitude=19.5,
            longitude=1.0,
            geo_precision=3,
            evidence=sentence("Fighting was reported in the Kidal region."),
        ),
        "Monitor",
    ),
    (
        "a-undated",
        report(
            "a-undated",
            event_date=None,
            time_precision=None,
            country="Nigeria",
            iso=566,
            admin1="Borno",
            admin2=None,
            location=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
            actor1="Boko Haram - JAS",
            evidence=sentence("Boko Haram fighters clashed with troops in Borno at some point."),
        ),
        "Wire",
    ),
    (
        "a-script",
        report(
            "a-script",
            event_date=date(2025, 1, 5),
            country="Chad",
            iso=148,
            admin1="Lac",
            admin2=None,
            location="Bol",
            latitude=13.46,
            longitude=14.71,
            evidence=sentence(f"Soldiers clashed near Bol {SCRIPT} yesterday."),
        ),
        "Evil",
    ),
]


@dataclass
class Api:
    client: TestClient
    store: Store
    token: str
    events: dict[str, str]  # article id → event id


def _fill(store: Store) -> dict[str, str]:
    events = {}
    for article_id, r, outlet in REPORTS:
        result = store.add(stored(article_id, r, outlet))
        events[article_id] = result.events[0]
    # the Hombori event was rebuilt when the second report merged into it
    events["a-wire"] = events["a-afp"]
    return events


@pytest.fixture
def make_api(make_db_url: Callable[[], str]) -> Iterator[Callable[..., Api]]:  # noqa: F811
    """Make an API (``create_app`` keywords) on a fresh store holding :data:`REPORTS`."""
    stores: list[Store] = []

    def make(**options: object) -> Api:
        store = Store.open(make_db_url())
        stores.append(store)
        events = _fill(store)
        token = create_token(store, "tests")
        app: FastAPI = create_app(store=store, **options)  # type: ignore[arg-type]
        return Api(TestClient(app, raise_server_exceptions=False), store, token, events)

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def api(make_api: Callable[..., Api]) -> Api:
    return make_api()
