"""Merged events as GeoJSON: RFC 7946 structure, [lon, lat] points, null geometry, geopandas."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import geopandas
import pytest

from strife.errors import DataError
from strife.export import write_events
from strife.export.geojson import geometry
from strife.export.jsonl import EVENT_JSONL_FIELDS
from strife.models import Event


def collection(events: list[Event]) -> dict[str, Any]:
    out = io.StringIO()
    assert write_events(events, "geojson", out) == len(events)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def assert_rfc7946(data: dict[str, Any]) -> None:
    """The parts of RFC 7946 a writer can get wrong (§3.1.1, §3.2, §3.3, §4)."""
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # removed by RFC 7946 §4
    assert isinstance(data["features"], list)
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert isinstance(feature["id"], str)
        assert isinstance(feature["properties"], dict)
        geom = feature["geometry"]
        if geom is None:
            continue
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]
        assert all(isinstance(v, float | int) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_structure_and_points(events: list[Event]) -> None:
    data = collection(events)
    assert_rfc7946(data)
    features = {f["id"]: f for f in data["features"]}
    assert list(features) == [e.event_id for e in events]
    # longitude first, rounded to ACLED's 4 decimals
    assert features["ev-boulkessi"]["geometry"]["coordinates"] == [-1.35, 14.6512]
    assert features["ev-sahel"]["geometry"]["coordinates"] == [-0.0345, 14.0354]


def test_unplaced_event_has_null_geometry(events: list[Event]) -> None:
    features = {f["id"]: f for f in collection(events)["features"]}
    assert features["ev-niger-strike"]["geometry"] is None
    assert features["ev-niger-strike"]["properties"]["flags"] == ["unplaced", "unresolved_date"]


def test_a_country_level_point_is_not_drawn(battle: Event) -> None:
    assert geometry(battle.model_copy(update={"geo_precision": None})) is None


def test_properties_are_the_jsonl_record(battle: Event) -> None:
    props = collection([battle])["features"][0]["properties"]
    assert list(props) == list(EVENT_JSONL_FIELDS)
    assert props["event_id"] == "ev-boulkessi"
    assert props["fatalities_best"] == 35
    assert props["claims"][0]["outlet"] == "Reuters"


def test_empty_collection() -> None:
    data = collection([])
    assert data == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (0.0, -181.0), (math.nan, 0.0)])
def test_out_of_range_coordinates_are_refused(battle: Event, lat: float, lon: float) -> None:
    with pytest.raises(DataError, match="out of range"):
        geometry(battle.model_copy(update={"latitude": lat, "longitude": lon}))


def test_geopandas_reads_the_file(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    write_events(events, "geojson", path)
    frame = geopandas.read_file(path)
    assert len(frame) == len(events)
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    by_id = frame.set_index("event_id")
    point = by_id.loc["ev-boulkessi", "geometry"]
    assert (point.x, point.y) == (-1.35, 14.6512)
    unplaced = by_id.loc["ev-niger-strike", "geometry"]
    assert unplaced is None or unplaced.is_empty
    assert by_id.loc["ev-sahel", "fatalities"] == 12
    assert by_id.loc["ev-hostile", "location"] == events[-1].location
