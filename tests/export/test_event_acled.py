"""Merged events as ACLED CSV: columns, ids, sources and their scale, notes, fatalities."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from strife.export import write_events
from strife.export.acled_csv import ACLED_COLUMNS, event_id_cnty, event_notes
from strife.models import Event, Source
from strife.outlets import known_outlet, source_name, source_scale

STAMP = 1_750_000_000


def rows(events: list[Event]) -> list[dict[str, str]]:
    out = io.StringIO()
    assert write_events(events, "acled-csv", out, timestamp=STAMP) == len(events)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    return list(reader)


def test_columns_are_acleds_31_in_order(events: list[Event]) -> None:
    out = io.StringIO()
    write_events(events, "acled-csv", out, timestamp=STAMP)
    table = list(csv.reader(io.StringIO(out.getvalue())))
    assert table[0][:3] == ["event_id_cnty", "event_date", "year"]
    assert table[0][-4:] == ["notes", "fatalities", "tags", "timestamp"]
    assert len(table[0]) == 31 and all(len(row) == 31 for row in table)
    assert len(table) == len(events) + 1


def test_battle_values(battle: Event) -> None:
    row = rows([battle])[0]
    assert re.fullmatch(r"MLI[0-9A-F]{8}", row["event_id_cnty"])
    assert row["event_id_cnty"] == event_id_cnty(battle)
    assert row["event_date"] == "2025-06-01" and row["year"] == "2025"
    assert (row["time_precision"], row["geo_precision"]) == ("1", "1")
    assert (row["inter1"], row["inter2"]) == ("Rebel group", "State forces")
    assert row["interaction"] == "State forces-Rebel group"
    assert (row["iso"], row["region"], row["country"]) == ("466", "Western Africa", "Mali")
    assert (row["latitude"], row["longitude"]) == ("14.6512", "-1.3500")
    # Reuters is named from its URL; Studio Tamani from the metadata
    assert row["source"] == "Reuters; Studio Tamani"
    assert row["source_scale"] == "National-International"
    assert row["fatalities"] == "30"  # the conservative figure, not best (35) or high (40)
    assert row["timestamp"] == str(STAMP)
    assert row["assoc_actor_1"] == row["admin3"] == row["tags"] == ""


def test_ids_are_stable_distinct_and_follow_the_event_id(
    battle: Event, make_event: Callable[..., Event]
) -> None:
    assert event_id_cnty(battle) == event_id_cnty(battle.model_copy())
    other = make_event(event_id="ev-other")
    assert event_id_cnty(other) != event_id_cnty(battle)
    assert event_id_cnty(other)[:3] == "MLI"
    assert event_id_cnty(make_event(country=None, iso=None)).startswith("XXX")


def test_notes_quote_the_first_report_then_every_claim_with_its_outlet(battle: Event) -> None:
    assert event_notes(battle) == (
        "Jihadists attacked the army camp at Boulkessi in central Mali. "
        "JNIM said it killed 40 soldiers. "
        "According to Reuters, JNIM (perpetrator) claimed 40 soldiers killed. "
        "According to Reuters, two security sources (security source) claimed 30 soldiers killed. "
        "According to Studio Tamani, l'armée (government) claimed 30 attackers killed. "
        "The accounts of this event are disputed."
    )


def test_region_level_event_and_civilians(massacre: Event) -> None:
    row = rows([massacre])[0]
    assert row["interaction"] == "Political militia-Civilians"
    assert row["civilian_targeting"] == "Civilians targeted"
    assert (row["iso"], row["region"]) == ("854", "Western Africa")  # from data/countries.yaml
    assert row["source"] == "Burkina24; RFI"
    assert row["time_precision"] == "2" and row["geo_precision"] == "3"


def test_unplaced_event_has_blank_place_and_subnational_source(unplaced: Event) -> None:
    row = rows([unplaced])[0]
    assert row["event_id_cnty"].startswith("NER")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("", "", "")
    assert row["event_date"] == row["year"] == ""
    assert row["interaction"] == "State forces only"
    assert (row["source"], row["source_scale"]) == ("Air Info", "Subnational")
    assert row["notes"] == ""  # no report, no claim: nothing to say rather than invented text


def test_loads_in_pandas(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_events(events, "acled-csv", path, timestamp=STAMP) == 5
    frame = pd.read_csv(path, keep_default_na=False)
    assert tuple(frame.columns) == ACLED_COLUMNS
    assert len(frame) == 5
    assert frame["fatalities"].tolist() == [30, 12, 5, 0, 3]
    assert frame["timestamp"].unique().tolist() == [STAMP]


# --- sources and source_scale (data/outlets.yaml) ------------------------------------------


@pytest.mark.parametrize(
    ("outlet", "url", "name"),
    [
        (None, "https://www.reuters.com/world/x", "Reuters"),
        (None, "https://fr.africanews.com/x", "Africanews"),  # subdomain of a listed domain
        ("AFP", None, "AFP"),
        (None, "https://www.sahelwire.example/x", "sahelwire.example"),
        (None, None, ""),
    ],
)
def test_source_name(outlet: str | None, url: str | None, name: str) -> None:
    assert source_name(Source(article_id="a", outlet=outlet, url=url)) == name


def test_outlets_match_aliases_without_accents_or_case() -> None:
    found = known_outlet(Source(article_id="a", outlet="air info"))
    assert found is not None and found.name == "Aïr Info" and found.scale == "Subnational"
    assert known_outlet(Source(article_id="a", outlet="Agence France-Presse")) is not None
    assert known_outlet(Source(article_id="a", outlet="Sahel Wire")) is None


def _scale(country: str | None, *outlets: str) -> str:
    return source_scale([Source(article_id="a", outlet=o) for o in outlets], country)


@pytest.mark.parametrize(
    ("country", "outlets", "scale"),
    [
        ("MLI", ("Reuters",), "International"),
        ("MLI", ("Studio Tamani", "Reuters", "AFP"), "National-International"),
        ("NER", ("Aïr Info", "ActuNiger"), "Subnational-National"),
        ("NER", ("Premium Times",), "Regional"),  # a Nigerian paper on a neighbour
        ("SOM", ("Premium Times",), "International"),  # and on another region
        ("NGA", ("Premium Times", "Jeune Afrique"), "National-Regional"),
        ("SDN", ("Radio Dabanga", "UN OCHA"), "Other-National"),
        # three scales: ACLED's values name two, the narrowest and the widest
        ("SDN", ("Darfur24", "Sudan Tribune", "Reuters"), "Subnational-International"),
        ("MLI", ("Sahel Wire",), ""),  # not listed: no scale rather than a guess
        (None, ("Studio Tamani",), "National"),
    ],
)
def test_source_scale(country: str | None, outlets: tuple[str, ...], scale: str) -> None:
    assert _scale(country, *outlets) == scale


def test_report_rows_get_the_scale_of_their_outlet() -> None:
    from strife.export.acled_csv import acled_row
    from strife.models import Article, Report

    report = Report(
        article_id="a",
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="X",
        inter1=2,
        interaction=20,
        country="Mali",
    )
    article = Article(text="x", url="https://www.rfi.fr/fr/afrique/x")
    row = acled_row(report, index=0, article=article, timestamp=STAMP)
    assert (row["source"], row["source_scale"]) == ("RFI", "International")
