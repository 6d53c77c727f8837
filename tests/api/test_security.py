"""Tokens, closed reads, body limits, CORS, hostile filter values and error bodies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from strife.api import app as api_module
from strife.api.tokens import create_token, list_tokens, revoke_token, valid_token
from strife.errors import ConfigError
from tests.api.conftest import Api

READS = [
    "/api/events",
    "/api/events.geojson",
    "/api/stats",
    "/api/export?format=jsonl",
]


def test_writing_needs_a_valid_token(api: Api) -> None:
    body = {"text": ""}  # refused after the token check, so no pipeline is loaded
    assert api.client.post("/api/articles", json=body).status_code == 401
    wrong = {"Authorization": "Bearer strife_not-a-token"}
    response = api.client.post("/api/articles", json=body, headers=wrong)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    good = {"Authorization": f"Bearer {api.token}"}
    assert api.client.post("/api/articles", json=body, headers=good).status_code == 400
    revoke_token(api.store, "tests")
    assert api.client.post("/api/articles", json=body, headers=good).status_code == 401


def test_reads_are_open_by_default(api: Api) -> None:
    for path in READS:
        assert api.client.get(path).status_code == 200, path


def test_read_token_closes_reads(make_api: Callable[..., Api]) -> None:
    api = make_api(read_token=True)
    event = f"/api/events/{api.events['a-djibo']}"
    for path in [*READS, event, "/api/articles/a-djibo"]:
        assert api.client.get(path).status_code == 401, path
        headers = {"Authorization": f"Bearer {api.token}"}
        assert api.client.get(path, headers=headers).status_code == 200, path
    assert api.client.post("/api/extract", json={"text": ""}).status_code == 401


def test_tokens_are_stored_as_hashes(api: Api) -> None:
    token = create_token(api.store, "second")
    with api.store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT name, token_hash FROM api_tokens").all()
    assert all(token not in h and api.token not in h for _, h in stored)
    assert valid_token(api.store, token) and not valid_token(api.store, token + "x")
    with pytest.raises(ConfigError):
        create_token(api.store, "second")  # an active name is not reused
    revoke_token(api.store, "second")
    assert not valid_token(api.store, token)
    renewed = create_token(api.store, "second")  # a revoked one is
    assert valid_token(api.store, renewed) and not valid_token(api.store, token)
    assert [(t.name, t.revoked) for t in list_tokens(api.store)] == [
        ("second", False),
        ("tests", False),
    ]
    with pytest.raises(ConfigError):
        revoke_token(api.store, "nobody")


def test_bodies_over_2_mb_are_413(api: Api) -> None:
    big = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    headers = {"Content-Type": "application/json"}
    response = api.client.post("/api/extract", content=big, headers=headers)
    assert response.status_code == 413 and response.json()["detail"]

    def chunks() -> Any:  # no Content-Length: the limit counts what arrives
        for _ in range(3):
            yield b"a" * (1024 * 1024)

    response = api.client.post("/api/extract", content=chunks(), headers=headers)
    assert response.status_code == 413


def test_cors_is_off_unless_asked(make_api: Callable[..., Api]) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    closed = make_api().client.get("/api/events", headers=origin)
    assert "access-control-allow-origin" not in closed.headers
    opened = make_api(cors=["https://elsewhere.example"]).client.get("/api/events", headers=origin)
    assert opened.headers["access-control-allow-origin"] == "https://elsewhere.example"


HOSTILE = [
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "%",
    "_",
    "%%%_\\",
    "Mali%",
    "M_li",
    "*",
    'NEAR("a" "b")',
    "soldiers OR villagers",
    "NOT soldiers",
    "Mopti\u0301",
    "💥🔥",
    "\u202emali",
    "ﷺ" * 50,
    "a" * 200,
]
STRING_FILTERS = ["country", "admin1", "actor", "event_type", "sub_event_type", "q"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_values_never_fail_nor_match_wrongly(api: Api, value: str) -> None:
    for name in STRING_FILTERS:
        for path in ("/api/events", "/api/events.geojson", "/api/stats", "/api/export"):
            response = api.client.get(path, params={name: value})
            assert response.status_code == 200, (path, name, value, response.text)
        body = api.client.get("/api/events", params={name: value}).json()
        assert body["total"] == 0 and body["events"] == [], (name, value)
    assert api.client.get("/api/events").json()["total"] == 6  # nothing was dropped


@pytest.mark.parametrize(
    "params",
    [
        {"min_fatalities": 10**30},
        {"min_fatalities": "1e3"},
        {"limit": 10**30},
        {"bbox": "nan,0,1,1"},
        {"bbox": "-inf,0,inf,1"},
        {"bbox": "1e309,0,1,1"},
        {"bbox": "0,0,1,1,2"},
        {"bbox": "-181,0,1,1"},
        {"date_from": "99999-01-01"},
        {"date_to": "2025-02-30"},
        {"country": "x" * 201},
        {"country": "Mali\x00"},
        {"q": "\x00"},
        {"cursor": "x" * 2000},
    ],
)
def test_out_of_range_values_are_422(api: Api, params: dict[str, Any]) -> None:
    response = api.client.get("/api/events", params=params)
    assert response.status_code == 422, response.text
    assert "Traceback" not in response.text


def test_server_errors_are_json_without_details(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_event_id: str) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api.store, "event", broken)
    response = api.client.get("/api/events/e-any")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error"}


def test_web_ui_is_served_when_built(
    make_api: Callable[..., Api], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>Strife</title>")
    (tmp_path / "app.js").write_text("console.log('strife')")
    monkeypatch.setattr(api_module, "STATIC_DIR", tmp_path)
    client = make_api().client
    assert "<title>Strife</title>" in client.get("/").text
    assert client.get("/static/app.js").text == "console.log('strife')"
    assert client.get("/static/../conftest.py").status_code == 404
    monkeypatch.setattr(api_module, "STATIC_DIR", tmp_path / "missing")
    assert make_api().client.get("/").status_code == 404


def test_openapi_docs(api: Api) -> None:
    assert api.client.get("/docs").status_code == 200
    schema = api.client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/events.geojson",
        "/api/articles/{article_id}",
        "/api/stats",
        "/api/export",
        "/api/extract",
        "/api/articles",
    } <= paths
    summary = schema["components"]["schemas"]["EventSummary"]["properties"]
    assert summary["event_date"]["anyOf"][0] == {"type": "string", "format": "date"}
