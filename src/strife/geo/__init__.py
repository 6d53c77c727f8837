"""Geocoding: the gazetteer (build, lookup, user additions) and place-name normalisation.

Nothing is loaded at import; :meth:`Gazetteer.open` opens (and if needed builds) the SQLite file.
"""

from __future__ import annotations

from strife.geo.build import GazetteerSources, build_gazetteer
from strife.geo.data import PlaceEntry, default_gazetteer_path, default_user_places_path
from strife.geo.gazetteer import Gazetteer, GazetteerStats, Place
from strife.geo.names import normalise

__all__ = [
    "Gazetteer",
    "GazetteerSources",
    "GazetteerStats",
    "Place",
    "PlaceEntry",
    "build_gazetteer",
    "default_gazetteer_path",
    "default_user_places_path",
    "normalise",
]
