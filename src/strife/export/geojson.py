"""Merged events as an RFC 7946 GeoJSON FeatureCollection, for maps and GIS tools.

One Feature per event, in the order given: ``id`` is the event's id, ``geometry`` a Point
``[longitude, latitude]`` (RFC 7946 §3.1.1: longitude first) rounded to 4 decimals as ACLED
publishes them (about 11 m, finer than any gazetteer centroid), and ``properties`` the event's
JSON Lines record (export/jsonl.py). An event that is not placed (no coordinates, or no
geo_precision: located only to a country) has a null geometry (RFC 7946 §3.2) instead of a point
that would look precise. There is no ``crs`` member: RFC 7946 coordinates are WGS 84.

The collection is written feature by feature, so an export never holds all events in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from strife.errors import DataError
from strife.export.jsonl import event_record
from strife.models import Event

_DECIMALS = 4


def geometry(event: Event) -> dict[str, Any] | None:
    """The event's Point, or None when it is not placed.

    RAISES (DataError): the coordinates are outside WGS 84's range.
    """
    lat, lon = event.latitude, event.longitude
    if lat is None or lon is None or event.geo_precision is None:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(f"event {event.event_id}: coordinates ({lat}, {lon}) are out of range")
    return {"type": "Point", "coordinates": [round(lon, _DECIMALS), round(lat, _DECIMALS)]}


def feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature."""
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": geometry(event),
        "properties": event_record(event),
    }


def write_geojson(events: Iterable[Event], fp: TextIO) -> int:
    """Write a FeatureCollection of ``events`` to ``fp``; returns the number of features."""
    fp.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event in events:
        fp.write(",\n" if count else "\n")
        fp.write(json.dumps(feature(event), ensure_ascii=False))
        count += 1
    fp.write("\n]}\n")
    return count
