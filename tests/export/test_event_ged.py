"""Merged events as UCDP GED-style CSV: which events, sides, deaths by side, precisions."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from strife.export import write_events
from strife.export.ged_csv import (
    GED_COLUMNS,
    date_prec,
    deaths_by_side,
    ged_row,
    sides,
    where_prec,
)
from strife.models import Claim, Event, Report

DEATHS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")


def ged(events: list[Event]) -> list[dict[str, str]]:
    out = io.StringIO()
    count = write_events(events, "ged-csv", out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == GED_COLUMNS
    table = list(reader)
    assert count == len(table)
    return table


def with_claims(make_event: Callable[..., Event], best: int, *claims: Claim) -> Event:
    report = Report(
        article_id="a",
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="x",
        inter1=2,
        interaction=20,
        claims=list(claims),
    )
    return make_event(fatalities_best=best, reports=[report])


def claim(kind: str, killed: int, victims: str | None, split: int = 1) -> Claim:
    return Claim(claimant=kind, kind=kind, says="", killed=killed, victims=victims, split=split)  # type: ignore[arg-type]


def test_only_what_ucdp_records_is_written(events: list[Event]) -> None:
    table = ged(events)
    # the one-actor air strike and the peaceful protest are not UCDP events
    assert [row["id"] for row in table] == ["ev-boulkessi", "ev-sahel", "ev-hostile"]


def test_battle_row(battle: Event) -> None:
    row = ged([battle])[0]
    assert row["type_of_violence"] == "1"
    assert row["side_a"] == "Military Forces of Mali"  # the government is side_a
    assert row["side_b"] == "JNIM: Group for Support of Islam and Muslims"
    assert (row["best"], row["low"], row["high"]) == ("35", "30", "40")
    # medians per side: soldiers (JNIM 40, security sources 30) 35, attackers (army) 30;
    # 65 is more than best, so both are scaled down to 35 in all
    assert (row["deaths_a"], row["deaths_b"]) == ("19", "16")
    assert (row["deaths_civilians"], row["deaths_unknown"]) == ("0", "0")
    assert (row["where_prec"], row["where_coordinates"]) == ("1", "Boulkessi")
    assert (row["latitude"], row["longitude"]) == ("14.6512", "-1.3500")
    assert (row["adm_1"], row["adm_2"], row["country"]) == ("Mopti", "Djenne", "Mali")
    assert (row["date_start"], row["date_end"], row["date_prec"]) == ("2025-06-01",) * 2 + ("1",)
    assert row["year"] == "2025"
    assert row["number_of_sources"] == "2"
    assert row["source_office"] == "Reuters;Studio Tamani"
    assert row["source_article"] == (
        "Jihadists attack Mali army camp "
        "(https://www.reuters.com/world/africa/mali-boulkessi-2025-06-02/);"
        "Attaque du camp de Boulkessi (https://www.studiotamani.org/2025/06/02/boulkessi)"
    )
    assert row["source_date"] == "2025-06-02;2025-06-02"
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")


def test_one_sided_row(massacre: Event) -> None:
    row = ged([massacre])[0]
    assert row["type_of_violence"] == "3"
    assert (row["side_a"], row["side_b"]) == (
        "Unidentified Armed Group (Burkina Faso)",
        "Civilians",
    )
    assert [row[c] for c in DEATHS] == ["0", "0", "12", "0"]
    assert row["where_prec"] == "4"  # the admin1 region, placed at its capital
    assert (row["date_start"], row["date_end"], row["date_prec"]) == (
        "2025-05-26",
        "2025-06-01",
        "3",
    )


@pytest.mark.parametrize(
    ("inter1", "inter2", "disorder", "expected"),
    [
        (2, 1, "Political violence", (1, "Military Forces of Mali", "A")),
        (1, 2, "Political violence", (1, "A", "Military Forces of Mali")),
        (1, 8, "Political violence", (1, "A", "Military Forces of Mali")),
        (3, 4, "Political violence", (2, "A", "Military Forces of Mali")),
        (7, 1, "Political violence", (3, "Military Forces of Mali", "Civilians")),
        (1, 6, "Political violence; Demonstrations", (3, "A", "Civilians")),
        (5, 1, "Political violence", None),  # rioters are not an organised actor
        (5, 7, "Political violence", None),
        (7, 7, "Political violence", None),
        (2, 1, "Strategic developments", None),
        (6, 1, "Demonstrations", None),
    ],
)
def test_type_of_violence(
    make_event: Callable[..., Event],
    inter1: int,
    inter2: int,
    disorder: str,
    expected: tuple[int, str, str] | None,
) -> None:
    event = make_event(actor1="A", inter1=inter1, inter2=inter2, disorder_type=disorder)
    coded = sides(event)
    assert (coded[:3] if coded else None) == expected


def test_one_actor_and_no_death_events_are_skipped(make_event: Callable[..., Event]) -> None:
    assert ged_row(make_event(actor2=None, inter2=None)) is None
    no_deaths = make_event(fatalities=0, fatalities_low=0, fatalities_best=0, fatalities_high=0)
    assert ged_row(no_deaths) is None
    # a death in the high estimate only is enough (UCDP's definition)
    assert ged_row(make_event(fatalities=0, fatalities_low=0, fatalities_best=0)) is not None


@pytest.mark.parametrize(
    ("best", "claims", "deaths"),
    [
        # figures that fit within best are kept; the rest is unknown
        (20, [("government", 5, "soldiers")], [5, 0, 0, 15]),
        # a source's figures for different victims add up
        (
            30,
            [("government", 10, "soldiers"), ("government", 18, "attackers")],
            [10, 18, 0, 2],
        ),
        # the same group told twice by one kind of source counts once, at its highest
        (12, [("media", 8, "soldiers"), ("media", 12, "soldiers")], [12, 0, 0, 0]),
        # civilians killed in a battle, and militiamen whose side is not known
        (9, [("witness", 4, "civilians"), ("witness", 5, "militia")], [0, 0, 4, 5]),
        # a figure without victims is a total: it is what is left of best
        (7, [("media", 7, None)], [0, 0, 0, 7]),
        # a toll shared by two events: each has half
        (10, [("government", 20, "soldiers", 2)], [10, 0, 0, 0]),
        # more than best: scaled down, the largest remainders get the leftover deaths
        (10, [("security_source", 20, "soldiers"), ("government", 10, "attackers")], [7, 3, 0, 0]),
        (0, [("perpetrator", 40, "soldiers")], [0, 0, 0, 0]),
    ],
)
def test_deaths_by_side_sum_to_best(
    make_event: Callable[..., Event],
    best: int,
    claims: list[tuple[str, int, str | None] | tuple[str, int, str | None, int]],
    deaths: list[int],
) -> None:
    event = with_claims(make_event, best, *(claim(*c) for c in claims))
    # JNIM (non-state) against the army (state, side_a)
    split = deaths_by_side(event, best, "state", "non_state")
    assert [split[c] for c in DEATHS] == deaths
    assert sum(split.values()) == best


def test_soldiers_of_two_state_sides_are_unknown(make_event: Callable[..., Event]) -> None:
    event = with_claims(make_event, 6, claim("media", 6, "soldiers"))
    assert deaths_by_side(event, 6, "state", "state")["deaths_unknown"] == 6


def test_every_written_row_sums_to_best(events: list[Event]) -> None:
    for row in ged(events):
        assert sum(int(row[c]) for c in DEATHS) == int(row["best"]), row["id"]
        assert int(row["low"]) <= int(row["best"]) <= int(row["high"])


@pytest.mark.parametrize(
    ("updates", "expected"),
    [
        ({"geo_precision": 1}, 1),
        ({"geo_precision": 2}, 2),
        ({"geo_precision": 3, "location": "Mopti", "admin1": "Mopti"}, 4),
        ({"geo_precision": 3, "location": "Djenne", "admin2": "Djenne"}, 3),
        ({"geo_precision": 3, "location": "Mali"}, 6),  # the country itself
        ({"geo_precision": None}, 6),
        ({"latitude": None, "longitude": None}, 6),
    ],
)
def test_where_prec(
    make_event: Callable[..., Event], updates: dict[str, object], expected: int
) -> None:
    assert where_prec(make_event(**updates)) == expected


def test_unplaced_rows_have_no_coordinates(make_event: Callable[..., Event]) -> None:
    row = ged_row(make_event(geo_precision=None))
    assert row is not None
    assert (row["where_prec"], row["latitude"], row["longitude"]) == ("6", "", "")


@pytest.mark.parametrize(
    ("start", "end", "time_precision", "expected"),
    [
        (date(2025, 6, 1), date(2025, 6, 1), 1, 1),
        (date(2025, 6, 1), date(2025, 6, 3), 1, 2),
        (date(2025, 6, 1), date(2025, 6, 6), 1, 2),
        (date(2025, 6, 1), date(2025, 6, 7), 1, 3),
        (date(2025, 6, 1), date(2025, 6, 20), 1, 4),
        (date(2025, 6, 1), date(2025, 6, 30), 3, 4),
        (date(2025, 5, 1), date(2025, 7, 15), 1, 5),
        (date(2025, 6, 15), date(2025, 6, 15), 2, 3),  # a week's midpoint
        (date(2025, 6, 15), date(2025, 6, 15), 3, 4),  # a month's middle
        (None, None, None, None),
    ],
)
def test_date_prec(
    make_event: Callable[..., Event],
    start: date | None,
    end: date | None,
    time_precision: int | None,
    expected: int | None,
) -> None:
    event = make_event(
        date_start=start, date_end=end, event_date=start, time_precision=time_precision
    )
    assert date_prec(event) == expected


def test_loads_in_pandas(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    assert write_events(events, "ged-csv", path) == 3
    frame = pd.read_csv(path)
    assert tuple(frame.columns) == GED_COLUMNS
    assert frame["type_of_violence"].tolist() == [1, 3, 1]
    assert (frame[list(DEATHS)].sum(axis=1) == frame["best"]).all()
    assert str(frame["best"].dtype) == "int64"
