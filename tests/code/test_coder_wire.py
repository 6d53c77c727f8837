"""Wire copy: the dateline, places of other countries told in passing, headlines of another
group's violence."""

from __future__ import annotations

from datetime import date

import pytest

from strife import Article, Pipeline
from strife.code.places import dateline_end
from tests.test_pipeline import pipeline

__all__ = ["pipeline"]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("GAO, Mali, Oct 7 (Reuters) - Gunmen attacked", "GAO, Mali, Oct 7 (Reuters) - "),
        ("Dori, 3 avril (AFP) - Des hommes armés", "Dori, 3 avril (AFP) - "),
        ("JOWHAR (AP) — A bomb", "JOWHAR (AP) — "),
        ("KISMAYO Jan 4 The militants", "KISMAYO Jan 4 "),
        ("JNIM fighters attacked a post", ""),
        ("Boko Haram (JAS) fighters raided", ""),
    ],
)
def test_a_wire_dateline_is_found(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


def test_the_dateline_day_is_when_the_story_was_filed(pipeline: Pipeline) -> None:
    text = (
        "DORI, Burkina Faso, April 9 (Reuters) - Gunmen killed six traders near Sebba on "
        "Monday, a local official said."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 4, 9))).reports
    assert str(report.event_date) == "2025-04-07"
    assert report.location == "Sebba"


def test_the_dateline_country_is_not_where_the_event_was(pipeline: Pipeline) -> None:
    text = (
        "ADDIS ABABA, Ethiopia (AP) — Soldiers clashed with al-Shabaab fighters on Tuesday in "
        "Beledweyne, officials said."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 4, 10))).reports
    assert (report.country, report.location) == ("Somalia", "Beledweyne")


def test_a_place_abroad_told_in_passing_is_not_the_event_s(pipeline: Pipeline) -> None:
    text = (
        "Rebels and soldiers clashed on Sunday near Mangina in North Kivu province, weeks after "
        "talks held in Nairobi."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 4, 10))).reports
    assert (report.location, report.admin1) == ("Mangina", "North Kivu")


def test_a_headline_of_another_group_s_violence_is_another_event(pipeline: Pipeline) -> None:
    text = (
        "Violence spreads as ADF kills villagers\n\n"
        "M23 rebels and Congolese troops clashed on Sunday near Sake in North Kivu, residents "
        "said."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 4, 10))).reports
    placed = [r for r in reports if r.location == "Sake"]
    assert len(placed) == 1
    assert placed[0].actor1 == "M23: March 23 Movement"


def test_the_same_day_is_the_event_s_not_the_statement_s(pipeline: Pipeline) -> None:
    text = (
        "Shelling killed nine civilians in Kadugli on Saturday, a rescue group said in a "
        "statement on Sunday.\n\n"
        "On the same day, the army's air force bombed positions near Dilling, residents said."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 3))).reports
    assert [(r.location, str(r.event_date)) for r in reports] == [
        ("Kadugli", "2025-05-31"),
        ("Dilling", "2025-05-31"),
    ]


def test_the_army_s_aircraft_named_before_the_group_hit_struck(pipeline: Pipeline) -> None:
    text = "The army's air force bombed RSF positions near Dilling on Saturday, residents said."
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 3))).reports
    assert (report.sub_event_type, report.actor1) == (
        "Air/drone strike",
        "Military Forces of Sudan",
    )


def test_a_day_told_by_took_place_dates_the_event(pipeline: Pipeline) -> None:
    text = (
        "The U.S. military said Thursday it carried out an airstrike against al-Shabaab in "
        "southern Somalia, killing two fighters. The strike took place Monday near Bu'aale, in "
        "the Middle Juba region, the statement said."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 10, 2))).reports
    assert str(report.event_date) == "2025-09-29"


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab has fought for more than 15 years to topple the government in Mogadishu.",
        "Boko Haram combat depuis plus de quinze ans l'armée à Maiduguri.",
        "Officials said troops are preparing a new offensive near Jilib.",
    ],
)
def test_years_of_war_and_planned_offensives_are_no_events(pipeline: Pipeline, text: str) -> None:
    reports = pipeline.extract(Article(text=text, published=date(2025, 10, 2))).reports
    assert [r for r in reports if r.geo_precision is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, a suicide bomber blew herself up at a market in Konduga, killing three "
        "civilians, residents said. Police blamed Boko Haram for that attack.",
        "Vendredi, une kamikaze s'est fait exploser sur un marché de Konduga, tuant trois civils, "
        "selon des habitants. La police a imputé l'attaque à Boko Haram.",
    ],
)
def test_the_group_blamed_for_the_attack_just_told_did_it(pipeline: Pipeline, text: str) -> None:
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 8, 4))).reports
    assert report.actor1 == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def test_an_undated_headline_tells_of_the_days_the_lead_gives(pipeline: Pipeline) -> None:
    text = (
        "Burkina : des femmes enlevées près de Djibo\n\n"
        "Une trentaine de femmes ont été enlevées mardi et mercredi par des hommes armés près de "
        "Djibo, ont indiqué des sources locales."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 5))).reports
    assert [(str(r.event_date), r.location) for r in reports] == [
        ("2025-06-03", "Djibo"),
        ("2025-06-04", "Djibo"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Une frappe de drone a tué lundi six civils près de Kidal, a affirmé le FLA.",
        "A drone strike killed six civilians near Kidal on Monday, the FLA said.",
    ],
)
def test_a_group_telling_of_a_drone_strike_did_not_fly_the_drone(
    pipeline: Pipeline, text: str
) -> None:
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 3))).reports
    assert (report.actor1, report.actor2) == ("Military Forces of Mali", "Civilians (Mali)")


def test_a_toll_in_two_listed_villages_is_split_between_them(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed nine people in attacks on two villages, Tillia and Abala, in western "
        "Niger on Sunday, local officials said."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 10))).reports
    assert [(r.location, r.fatalities) for r in reports] == [("Tillia", 5), ("Abala", 4)]


def test_a_fronted_clause_of_an_earlier_event_keeps_its_place(pipeline: Pipeline) -> None:
    text = (
        "A week after the massacre in Solenzo, soldiers killed 18 suspected militants in an "
        "ambush near Dédougou on Tuesday, the army said."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 5))).reports
    assert [(r.location, str(r.event_date), r.fatalities) for r in reports] == [
        ("Dédougou", "2025-06-03", 18)
    ]


def test_localities_listed_in_a_province_are_the_events_places(pipeline: Pipeline) -> None:
    text = (
        "Dans la nuit du 1er au 2 juin, des hommes armés ont attaqué les localités de Tin-Akoff "
        "et de Markoye, dans la province de l'Oudalan, tuant au moins dix civils."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 5))).reports
    assert [(r.location, r.geo_precision) for r in reports] == [("Tin-Akoff", 1), ("Markoye", 1)]
