"""The request and response bodies of the HTTP API (/work/api-contract.md), as pydantic models.

They give the OpenAPI document its precise schemas; the UI and Schemathesis read them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from strife.models import Article, Event, Report


class EventSummary(BaseModel):
    """An event's resolved fields as the ``events`` table holds them (no reports)."""

    event_id: str
    event_date: date | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    disputed: bool
    number_of_reports: int
    number_of_sources: int


class EventsPage(BaseModel):
    events: list[EventSummary]
    next_cursor: str | None = Field(
        description="pass as `cursor` for the next page; null at the end"
    )
    total: int = Field(description="events matching the filters, over all pages")


class EventDetail(Event):
    explanation: list[str] = Field(description="one readable line per merge link")


class ArticleDetail(BaseModel):
    article: Article
    reports: list[Report]
    event_ids: dict[str, str | None] = Field(description="report id → id of its event")


class Point(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: list[float] = Field(min_length=2, max_length=2, description="[lon, lat]")


class Feature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: Point | None = Field(description="null for events not placed below country level")
    properties: EventSummary


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Feature]


class Total(BaseModel):
    events: int
    fatalities: int


class DayCount(BaseModel):
    date: date
    events: int
    fatalities: int


class WeekCount(BaseModel):
    week: date = Field(description="the Monday the ISO week starts on")
    events: int
    fatalities: int


class TypeCount(BaseModel):
    event_type: str
    events: int
    fatalities: int


class CountryCount(BaseModel):
    country: str | None
    events: int
    fatalities: int


class ActorCount(BaseModel):
    actor: str
    events: int
    fatalities: int


class Stats(BaseModel):
    total: Total
    by_day: list[DayCount]
    by_week: list[WeekCount]
    by_type: list[TypeCount]
    by_country: list[CountryCount]
    by_actor: list[ActorCount] = Field(description="the 20 actors in most events")


class ArticleIn(BaseModel):
    """An article to extract: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    published: date | None = None
    language: Literal["en", "fr"] | None = None
    title: str | None = None
    url: str | None = None


class ArticleStoreIn(ArticleIn):
    outlet: str | None = None


class Stored(BaseModel):
    article_id: str
    new: bool = Field(description="false when the same text was stored before")
    events: list[str] = Field(description="ids of the events the article's reports are in")
