"""Where an event was reported: outlet names and ACLED's ``source_scale``.

Outlets, their web hosts and their scales are reviewed data (``data/outlets.yaml``); this module
only looks them up and combines the scales of an event's sources the way ACLED writes them
("National-International").
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlparse

from strife.errors import DataError
from strife.export.countries import country_by_iso3
from strife.models import Event
from strife.resources import load_yaml

# Scales that belong to one country: the same outlet is farther from an event abroad.
_DOMESTIC = ("Subnational", "National")


class Published(Protocol):
    """What names a source: an :class:`~strife.models.Article` or a :class:`~strife.models.Source`."""

    @property
    def outlet(self) -> str | None: ...

    @property
    def url(self) -> str | None: ...


@dataclass(frozen=True)
class Outlet:
    name: str
    scale: str
    country: str | None  # ISO3 of the country a Subnational or National outlet serves


@dataclass(frozen=True)
class _Outlets:
    scales: tuple[str, ...]
    by_name: dict[str, Outlet]
    by_domain: dict[str, Outlet]


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@functools.cache
def _outlets() -> _Outlets:
    data = load_yaml("outlets.yaml")
    scales = tuple(str(s) for s in data.get("scales") or ())
    entries = data.get("outlets")
    if not scales or not isinstance(entries, list):
        raise DataError("data/outlets.yaml needs a scales list and an outlets list")
    by_name: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("name") or entry.get("scale") not in scales:
            raise DataError(f"data/outlets.yaml: each outlet needs a name and a scale of {scales}")
        outlet = Outlet(str(entry["name"]), str(entry["scale"]), entry.get("country"))
        if outlet.country is not None and country_by_iso3(outlet.country) is None:
            raise DataError(f"data/outlets.yaml: {outlet.name}: unknown country {outlet.country}")
        for name in (outlet.name, *(entry.get("aliases") or ())):
            if by_name.setdefault(_key(str(name)), outlet) is not outlet:
                raise DataError(f"data/outlets.yaml: {name!r} names two outlets")
        for domain in entry.get("domains") or ():
            if by_domain.setdefault(str(domain).casefold(), outlet) is not outlet:
                raise DataError(f"data/outlets.yaml: {domain!r} belongs to two outlets")
    return _Outlets(scales, by_name, by_domain)


def url_host(url: str | None) -> str:
    """The host of ``url`` without "www." ("" without a URL)."""
    if not url:
        return ""
    return (urlparse(url).hostname or "").removeprefix("www.")


def known_outlet(source: Published) -> Outlet | None:
    """The outlet of ``data/outlets.yaml`` a source is from, by its name, else its web host."""
    outlets = _outlets()
    if source.outlet:
        found = outlets.by_name.get(_key(source.outlet))
        if found is not None:
            return found
    labels = url_host(source.url).casefold().split(".")
    # "fr.allafrica.com" is allafrica.com's: try the host, then each parent domain
    for start in range(len(labels) - 1):
        found = outlets.by_domain.get(".".join(labels[start:]))
        if found is not None:
            return found
    return None


def source_name(source: Published | None) -> str:
    """ACLED's ``source``: the outlet, else the listed outlet of its URL, else the URL's host.

    The outlet's own name is kept when the metadata gives one, so a reader sees the name the
    article was published under.
    """
    if source is None:
        return ""
    if source.outlet:
        return source.outlet
    outlet = known_outlet(source)
    return outlet.name if outlet is not None else url_host(source.url)


def source_names(sources: Iterable[Published]) -> list[str]:
    """The distinct names of ``sources``, in order of first appearance."""
    names: dict[str, str] = {}
    for source in sources:
        name = source_name(source)
        if name:
            names.setdefault(_key(name), name)
    return list(names.values())


def outlet_by_article(event: Event) -> dict[str, str]:
    """The source name of each of the event's articles, by article id."""
    return {source.article_id: source_name(source) for source in event.sources}


def _scale(outlet: Outlet, event_country: str | None) -> str:
    if outlet.scale not in _DOMESTIC or event_country is None or outlet.country is None:
        return outlet.scale
    if outlet.country == event_country:
        return outlet.scale
    home, there = country_by_iso3(outlet.country), country_by_iso3(event_country)
    same_region = home is not None and there is not None and home["region"] == there["region"]
    return "Regional" if same_region else "International"


def source_scale(sources: Iterable[Published], event_country: str | None) -> str:
    """ACLED's ``source_scale`` of an event's sources ("" when no source is a listed outlet).

    event_country (str | None): the event's ISO3 code, to tell a national outlet at home from
        the same outlet reporting on a neighbour.
    """
    outlets = _outlets()
    found = {
        _scale(outlet, event_country)
        for outlet in (known_outlet(s) for s in sources)
        if outlet is not None
    }
    ordered = [scale for scale in outlets.scales if scale in found]
    if len(ordered) > 2:
        ordered = [ordered[0], ordered[-1]]
    return "-".join(ordered)
