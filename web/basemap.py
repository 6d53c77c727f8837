"""Rebuild the UI's base map (static/data/*.geojson) from the boundaries in ../shared.

The built files are committed, so neither the package nor its tests need ../shared; run this only
to change the extent or the level of detail:

    ../.venv/bin/python basemap.py [--boundaries ../../shared/data/geo/boundaries]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "strife" / "web" / "static" / "data"
# Africa and the Middle East: the area Strife's gazetteer and languages are meant for.
EXTENT = box(-26.0, -36.0, 64.0, 43.0)
# Degrees; about 2 km and 1 km at the equator, finer than the map shows at country zoom.
COUNTRY_TOLERANCE = 0.02
ADMIN1_TOLERANCE = 0.01
DECIMALS = 3


def _rounded(coords: Any) -> Any:
    if isinstance(coords[0], float | int):
        return [round(c, DECIMALS) for c in coords]
    return [_rounded(c) for c in coords]


def _feature(geometry: BaseGeometry, properties: dict[str, Any]) -> dict[str, Any] | None:
    # buffer(0) repairs the few invalid NE/WOF rings (see SOURCES.md) before clipping.
    clipped = geometry.buffer(0).intersection(EXTENT)
    if clipped.is_empty:
        return None
    geo = mapping(clipped)
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geo["type"], "coordinates": _rounded(geo["coordinates"])},
    }


def countries(boundaries: Path) -> dict[str, Any]:
    source = json.loads((boundaries / "ne_50m_admin_0_countries.geojson").read_text())
    features = []
    for f in source["features"]:
        p = f["properties"]
        geometry = shape(f["geometry"]).simplify(COUNTRY_TOLERANCE, preserve_topology=True)
        feature = _feature(geometry, {"name": p["ADMIN"], "iso_a2": p["ISO_A2"]})
        if feature:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def admin1(boundaries: Path) -> dict[str, Any]:
    source = json.loads((boundaries / "wof_admin1_regions.geojson").read_text())
    features = []
    for f in source["features"]:
        p = f["properties"]
        # WOF keeps former provinces as regions (BF has 45 beside its 13 current ones).
        if not p["is_current"] or p["deprecated"]:
            continue
        geometry = shape(f["geometry"]).simplify(ADMIN1_TOLERANCE, preserve_topology=True)
        feature = _feature(geometry, {"name": p["name"], "country": p["country"]})
        if feature:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--boundaries",
        type=Path,
        default=HERE.parent.parent / "shared" / "data" / "geo" / "boundaries",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, collection in (("countries", countries), ("admin1", admin1)):
        path = OUT / f"{name}.geojson"
        data = collection(args.boundaries)
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"{path}: {len(data['features'])} features, {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
