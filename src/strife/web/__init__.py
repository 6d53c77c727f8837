"""The browser UI: static files that ``strife.api`` serves at ``/`` and under ``/static/``.

Plain ES modules and CSS, with Leaflet and leaflet.markercluster vendored from npm (built by
``web/build.mjs``) and a simplified Natural Earth / Who's On First base map (``web/basemap.py``),
so that the UI works with no network at all.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR: Path = Path(__file__).parent / "static"
INDEX_HTML: Path = STATIC_DIR / "index.html"

__all__ = ["INDEX_HTML", "STATIC_DIR"]
