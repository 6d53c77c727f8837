"""Country records of ``data/countries.yaml`` (ISO codes, ACLED region) for the exports."""

from __future__ import annotations

import functools
from typing import Any

from strife.resources import load_yaml


@functools.cache
def _countries() -> tuple[dict[int, dict[str, Any]], dict[str, dict[str, Any]], dict[str, Any]]:
    entries = load_yaml("countries.yaml").get("countries") or []
    by_iso = {int(e["iso_numeric"]): e for e in entries if e.get("iso_numeric")}
    by_name = {str(e["name"]).casefold(): e for e in entries}
    by_iso3 = {str(e["iso3"]): e for e in entries if e.get("iso3")}
    return by_iso, by_name, by_iso3


def country_record(iso: int | None, name: str | None) -> dict[str, Any] | None:
    """The country of a report or event: by ISO numeric code first, else by ACLED name."""
    by_iso, by_name, _ = _countries()
    if iso and iso in by_iso:
        return by_iso[iso]
    if name:
        return by_name.get(name.casefold())
    return None


def country_by_iso3(iso3: str) -> dict[str, Any] | None:
    return _countries()[2].get(iso3)
