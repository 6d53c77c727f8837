"""POST /api/extract and POST /api/articles, through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.conftest import Api

SEED = Path(__file__).parent.parent / "fixtures" / "merge" / "en-wire.txt"

pytestmark = pytest.mark.slow


def test_extract_returns_events_and_stores_nothing(api: Api) -> None:
    body = {"text": SEED.read_text(), "published": "2025-06-02"}
    response = api.client.post("/api/extract", json=body)
    assert response.status_code == 200, response.text
    extraction = response.json()
    assert extraction["reports"] and extraction["reports"][0]["location"] == "Hombori"
    assert api.client.get("/api/events").json()["total"] == 6


@pytest.mark.parametrize(
    "body",
    [
        {"text": "   "},
        {
            "text": "Die Regierung hat heute im Parlament einen neuen Haushalt vorgestellt, "
            "der höhere Ausgaben für Schulen und Krankenhäuser vorsieht."
        },
        {"text": "a\x00b"},
    ],
)
def test_refused_texts_are_400(api: Api, body: dict[str, str]) -> None:
    response = api.client.post("/api/extract", json=body)
    assert response.status_code == 400
    assert isinstance(response.json()["detail"], str)


def test_invalid_bodies_are_422(api: Api) -> None:
    for body in ({}, {"text": 3}, {"text": "x", "language": "de"}, {"text": "x", "extra": 1}):
        assert api.client.post("/api/extract", json=body).status_code == 422, body


def test_storing_an_article_merges_it(api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.token}"}
    body = {"text": SEED.read_text(), "published": "2025-06-02", "outlet": "New outlet"}
    response = api.client.post("/api/articles", json=body, headers=headers)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["new"] and stored["events"]
    event = api.client.get(f"/api/events/{stored['events'][0]}").json()
    assert "New outlet" in {s["outlet"] for s in event["sources"]}
    again = api.client.post("/api/articles", json=body, headers=headers)
    assert again.status_code == 200 and again.json()["new"] is False
