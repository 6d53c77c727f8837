"""GET /api/events, /api/events/{id}, /api/events.geojson, /api/stats, /api/export."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
import sqlalchemy as sa

from strife.store import schema as t
from tests.api.conftest import Api

ALL = {"a-wire", "a-djibo", "a-niger", "a-kidal", "a-undated", "a-script"}


def ids(api: Api, articles: set[str]) -> set[str]:
    return {api.events[a] for a in articles}


def listed(api: Api, **params: Any) -> list[dict[str, Any]]:
    response = api.client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["events"])


def test_events_are_summaries_newest_first_undated_last(api: Api) -> None:
    body = api.client.get("/api/events").json()
    events = body["events"]
    assert body["total"] == 6 and body["next_cursor"] is None
    assert [e["event_date"] for e in events] == [
        "2025-06-20",
        "2025-06-01",
        "2025-03-09",
        "2025-01-05",
        "2024-11-20",
        None,
    ]
    hombori = events[1]
    assert hombori["event_id"] == api.events["a-wire"]
    assert (hombori["number_of_reports"], hombori["number_of_sources"]) == (2, 2)
    assert (hombori["fatalities_low"], hombori["fatalities_high"]) == (12, 20)
    assert "reports" not in hombori


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"date_from": "2025-03-09"}, {"a-wire", "a-djibo", "a-kidal"}),
        ({"date_to": "2025-01-05"}, {"a-niger", "a-script"}),
        ({"country": "mali"}, {"a-wire", "a-kidal"}),
        ({"admin1": "KIDAL"}, {"a-kidal"}),
        ({"actor": "islamic state"}, {"a-djibo"}),
        ({"actor": "burkina"}, {"a-djibo"}),  # actor2
        ({"event_type": "Violence against civilians"}, {"a-djibo"}),
        ({"sub_event_type": "Remote explosive/landmine/IED"}, {"a-niger"}),
        ({"min_fatalities": 12}, {"a-wire", "a-djibo"}),
        ({"bbox": "-2,14,0,16"}, {"a-wire", "a-djibo"}),
        ({"q": "soldiers"}, {"a-wire", "a-script"}),
        ({"q": "army post"}, {"a-wire"}),
        ({"q": "VILLAGERS djibo"}, {"a-djibo"}),
        ({"q": "villagers hombori"}, set()),  # every word, in one report
        ({"q": "script alert"}, {"a-script"}),
        ({"country": "Mali", "min_fatalities": 1}, {"a-wire"}),
    ],
)
def test_each_filter_selects(api: Api, params: dict[str, Any], expected: set[str]) -> None:
    for path in ("/api/events", "/api/events.geojson", "/api/stats"):
        response = api.client.get(path, params=params)
        assert response.status_code == 200, (path, response.text)
    got = {e["event_id"] for e in listed(api, **params)}
    assert got == ids(api, expected)
    features = api.client.get("/api/events.geojson", params=params).json()["features"]
    assert {f["id"] for f in features} == got
    assert api.client.get("/api/stats", params=params).json()["total"]["events"] == len(got)


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities"])
@pytest.mark.parametrize("limit", [1, 2, 4])
def test_pages_cover_every_event_once_in_order(api: Api, sort: str, limit: int) -> None:
    everything = listed(api, sort=sort, limit=1000)
    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"sort": sort, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        body = api.client.get("/api/events", params=params).json()
        assert body["total"] == 6
        assert len(body["events"]) <= limit
        seen += body["events"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything
    assert len({e["event_id"] for e in seen}) == 6


def test_sort_orders(api: Api) -> None:
    tolls = [e["fatalities"] for e in listed(api, sort="-fatalities")]
    assert tolls == sorted(tolls, reverse=True) and tolls[0] == 30
    assert [e["fatalities"] for e in listed(api, sort="fatalities")] == sorted(tolls)
    dates = [e["event_date"] for e in listed(api, sort="date")]
    assert dates[0] == "2024-11-20" and dates[-1] is None


def test_filtered_pages(api: Api) -> None:
    first = api.client.get("/api/events", params={"country": "Mali", "limit": 1}).json()
    assert first["total"] == 2 and first["next_cursor"]
    second = api.client.get(
        "/api/events", params={"country": "Mali", "limit": 1, "cursor": first["next_cursor"]}
    ).json()
    assert second["next_cursor"] is None
    assert {first["events"][0]["event_id"], second["events"][0]["event_id"]} == ids(
        api, {"a-wire", "a-kidal"}
    )


def test_invalid_cursors_are_422(api: Api) -> None:
    cursor = api.client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    body, mac = cursor.split(".")
    forged = body[:-2] + ("AA" if body[-2:] != "AA" else "BB") + "." + mac
    for bad in ("nonsense", "a.b.c", "....", forged, cursor + "x", "é.é"):
        response = api.client.get("/api/events", params={"limit": 2, "cursor": bad})
        assert response.status_code == 422, bad
        assert response.json()["detail"]
    # a cursor belongs to the query it was made for
    for other in ({"sort": "fatalities"}, {"country": "Mali"}):
        response = api.client.get("/api/events", params={"limit": 2, "cursor": cursor, **other})
        assert response.status_code == 422
    ok = api.client.get("/api/events", params={"limit": 2, "cursor": cursor})
    assert ok.status_code == 200


def test_bad_parameters_are_422(api: Api) -> None:
    for params in (
        {"limit": 0},
        {"limit": 1001},
        {"sort": "id"},
        {"date_from": "yesterday"},
        {"min_fatalities": -1},
        {"bbox": "1,2,3"},
        {"bbox": "10,0,-10,5"},  # west > east
    ):
        assert api.client.get("/api/events", params=params).status_code == 422, params


def test_event_detail(api: Api) -> None:
    event_id = api.events["a-wire"]
    body = api.client.get(f"/api/events/{event_id}").json()
    assert body["event_id"] == event_id
    assert {r["article_id"] for r in body["reports"]} == {"a-wire", "a-afp"}
    assert {s["outlet"] for s in body["sources"]} == {"Wire", "AFP"}
    span = body["reports"][0]["evidence"][0]
    assert (span["start"], span["end"]) == (0, len(span["text"]))
    assert {c["killed"] for r in body["reports"] for c in r["claims"]} == {12, 20}
    assert len(body["links"]) == 1
    assert body["explanation"][0].startswith("a-afp-1 = a-wire-1: ")
    single = api.client.get(f"/api/events/{api.events['a-djibo']}").json()
    assert single["explanation"] == ["a single report: nothing was merged"]


def test_unknown_ids_are_404_json(api: Api) -> None:
    for path in ("/api/events/e-nope", "/api/articles/a-nope", "/api/nothing"):
        response = api.client.get(path)
        assert response.status_code == 404
        assert response.json()["detail"]


def test_article_with_its_events(api: Api) -> None:
    body = api.client.get("/api/articles/a-afp").json()
    assert body["article"]["outlet"] == "AFP"
    assert body["event_ids"] == {"a-afp-1": api.events["a-afp"]}
    assert body["reports"][0]["id"] == "a-afp-1"


def test_hostile_html_is_returned_verbatim_as_json(api: Api) -> None:
    response = api.client.get("/api/articles/a-script")
    assert response.headers["content-type"] == "application/json"
    body = json.loads(response.text)
    assert SCRIPT_TEXT in body["article"]["text"]
    assert SCRIPT_TEXT in body["reports"][0]["evidence"][0]["text"]
    event = api.client.get(f"/api/events/{api.events['a-script']}").json()
    assert SCRIPT_TEXT in event["reports"][0]["evidence"][0]["text"]


SCRIPT_TEXT = '<script>alert("x")</script><img src=x onerror="alert(1)"> & </p>'


def test_geojson(api: Api) -> None:
    response = api.client.get("/api/events.geojson")
    assert response.headers["content-type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    assert len(features) == 6
    hombori = features[api.events["a-wire"]]
    assert hombori["geometry"] == {"type": "Point", "coordinates": [-1.7004, 15.279]}
    assert hombori["properties"]["number_of_sources"] == 2
    assert features[api.events["a-undated"]]["geometry"] is None  # located to a country only
    kidal = features[api.events["a-kidal"]]
    assert kidal["properties"]["geo_precision"] == 3  # the UI draws the region, not a point


def test_stats(api: Api) -> None:
    stats = api.client.get("/api/stats").json()
    assert stats["total"] == {"events": 6, "fatalities": 12 + 30 + 3}
    assert sum(d["events"] for d in stats["by_day"]) == 5  # the undated event has no day
    weeks = {w["week"]: w for w in stats["by_week"]}
    # 2025-06-01 is a Sunday: its ISO week starts on Monday 2025-05-26
    assert weeks["2025-05-26"] == {"week": "2025-05-26", "events": 1, "fatalities": 12}
    assert "2025-06-16" in weeks  # Friday 2025-06-20
    assert stats["by_type"][0] == {"event_type": "Battles", "events": 4, "fatalities": 12}
    countries = {c["country"]: c["events"] for c in stats["by_country"]}
    assert countries == {"Mali": 2, "Burkina Faso": 1, "Niger": 1, "Nigeria": 1, "Chad": 1}
    actors = {a["actor"]: a for a in stats["by_actor"]}
    assert actors["Military Forces of Mali"]["events"] == 4  # as actor2 of four battles
    assert actors["Islamic State Sahel Province"]["fatalities"] == 30
    only_mali = api.client.get("/api/stats", params={"country": "Mali"}).json()
    assert {a["actor"] for a in only_mali["by_actor"]} == {
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Mali",
        "Wagner Group",
    }


@pytest.mark.parametrize(
    ("fmt", "extension"),
    [
        ("acled-csv", "csv"),
        ("ged-csv", "csv"),
        ("geojson", "geojson"),
        ("parquet", "parquet"),
        ("jsonl", "jsonl"),
    ],
)
def test_export(api: Api, fmt: str, extension: str) -> None:
    response = api.client.get("/api/export", params={"format": fmt, "country": "Mali"})
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="strife-events.{extension}"'
    if fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert {r["country"] for r in rows} == {"Mali"} and len(rows) == 2
    if fmt == "jsonl":
        lines = [json.loads(line) for line in response.text.splitlines()]
        assert {line["event_id"] for line in lines} == ids(api, {"a-wire", "a-kidal"})
    if fmt == "parquet":
        assert response.content[:4] == b"PAR1"


def test_export_format_is_checked(api: Api) -> None:
    assert api.client.get("/api/export", params={"format": "xlsx"}).status_code == 422


def test_geojson_properties_are_the_summaries(api: Api) -> None:
    # the database writes the features (queries.geojson): every value, types and all, must be
    # the one /api/events gives, down to the last digit of the coordinates
    with api.store.engine.begin() as conn:
        # a latitude whose 15-digit form (SQLite's JSON default) is another double
        conn.execute(
            sa.update(t.events)
            .where(t.events.c.id == api.events["a-wire"])
            .values(latitude=15.279000000000003)
        )
    summaries = api.client.get("/api/events", params={"limit": 1000}).json()["events"]
    features = api.client.get("/api/events.geojson").json()["features"]
    assert {f["id"]: f["properties"] for f in features} == {s["event_id"]: s for s in summaries}
    assert len(features) == len(summaries)
    hombori = next(f for f in features if f["id"] == api.events["a-wire"])
    assert hombori["properties"]["latitude"] == 15.279000000000003
    assert hombori["geometry"]["coordinates"] == [-1.7004, 15.279]
    assert {type(f["properties"]["disputed"]) for f in features} == {bool}


def test_a_page_of_a_common_actor_is_read_in_sort_order(api: Api) -> None:
    # most events match: reading the sort index and skipping the others beats sorting every
    # match (queries._in_sort_order), which SQLite's planner does not see by itself
    if api.store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's planner weighs this itself")
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    sa.event.listen(api.store.engine, "before_cursor_execute", record)
    try:
        page = listed(api, actor="a", sort="-fatalities", limit=1)
    finally:
        sa.event.remove(api.store.engine, "before_cursor_execute", record)
    assert len(page) == 1
    statement, parameters = next(
        s for s in statements if "ORDER BY" in s[0] and not s[0].startswith("EXPLAIN")
    )
    with api.store.engine.connect() as conn:
        plan = [r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    assert plan[0] == "SCAN events USING INDEX ix_events_fatalities_id", plan
    assert not any("actor" in step for step in plan if "events" in step), plan
