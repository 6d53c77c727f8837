from __future__ import annotations

import itertools
from datetime import date

from strife.merge.resolve import event_id_for, resolve
from strife.models import Source
from tests.merge.factory import claim, report, with_toll


def sources(*ids: str) -> list[Source]:
    return [Source(article_id=i, outlet=f"outlet {i}") for i in ids]


def test_toll_range_comes_from_every_claimant() -> None:
    reports = [
        with_toll(report("a-1"), claim("government", 8)),
        with_toll(report("a-2"), claim("perpetrator", 30, "JNIM")),
        with_toll(report("a-3"), claim("security_source", 12)),
        with_toll(report("a-4"), claim("local_official", 15)),
        # the same security-source figure in a second outlet is not a new witness
        with_toll(report("a-5"), claim("security_source", 12)),
    ]
    event = resolve(reports, sources("a-1", "a-2", "a-3", "a-4", "a-5"), [])
    assert (event.fatalities_low, event.fatalities_high) == (8, 30)
    assert event.fatalities_best == 12  # median of 8, 12, 15: the perpetrator's 30 is left out
    assert event.fatalities == 8
    assert len(event.claims) == 5
    assert any(line.startswith("fatalities: 8 (government") for line in event.contradictions)


def test_perpetrator_figure_is_best_when_alone() -> None:
    event = resolve(
        [with_toll(report("a-1"), claim("perpetrator", 40, "JNIM"))], sources("a-1"), []
    )
    assert (event.fatalities_low, event.fatalities_best, event.fatalities_high) == (40, 40, 40)


def test_most_precise_place_and_date_win() -> None:
    vague = report(
        "a-1",
        event_date=date(2025, 6, 5),
        time_precision=2,
        geo_precision=3,
        location="Mopti",
        latitude=14.49,
        longitude=-4.19,
    )
    precise = report("a-2", event_date=date(2025, 6, 1))
    event = resolve([vague, precise], sources("a-1", "a-2"), [])
    assert (event.location, event.geo_precision) == ("Hombori", 1)
    assert (event.event_date, event.time_precision) == (date(2025, 6, 1), 1)
    assert (event.date_start, event.date_end) == (date(2025, 6, 1), date(2025, 6, 1))


def test_named_actor_beats_a_placeholder() -> None:
    unnamed = report("a-1", actor1="Unidentified Armed Group (Mali)", inter1=3, interaction=13)
    event = resolve([unnamed, report("a-2")], sources("a-1", "a-2"), [])
    assert event.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert event.inter1 == 2


def test_same_reports_give_the_same_event_in_any_order() -> None:
    reports = [
        with_toll(report("a-1"), claim("government", 8)),
        with_toll(
            report("a-2", event_type="Violence against civilians", sub_event_type="Attack"),
            claim("witness", 11),
        ),
        report("a-3", actor1="Unidentified Armed Group (Mali)", inter1=3),
    ]
    events = {
        resolve(list(order), sources("a-1", "a-2", "a-3"), []).model_dump_json()
        for order in itertools.permutations(reports)
    }
    assert len(events) == 1
    assert event_id_for(["a-3-1", "a-1-1"]) == event_id_for(["a-1-1", "a-3-1"])


def test_disputed_reports_make_a_disputed_event() -> None:
    event = resolve([report("a-1", disputed=True), report("a-2")], sources("a-1", "a-2"), [])
    assert event.disputed
    assert "disputed" in " ".join(event.contradictions)
