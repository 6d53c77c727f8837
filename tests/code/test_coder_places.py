"""Which place a note's chain of names ("X district, Y", "X upazila (Y, Z)") stands for."""

from __future__ import annotations

from datetime import date

from strife import Article, Pipeline, Report
from tests.test_pipeline import pipeline

__all__ = ["pipeline"]


def _report(pipeline: Pipeline, text: str) -> Report:
    reports = pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
    assert len(reports) == 1, reports
    return reports[0]


def test_a_region_of_another_country_does_not_steer_the_place(pipeline: Pipeline) -> None:
    # "Santa Cruz" is also a province of Bolivia and Argentina: no guide to which Cadereyta
    text = (
        "On 10 March, in Cadereyta, Nuevo Leon, police clashed with gunmen in Colonia Jardines "
        "de Santa Cruz."
    )
    report = _report(pipeline, text)
    assert (report.location, report.admin1) == ("Cadereyta", "Nuevo León")


def test_a_district_is_looked_for_in_the_province_named_with_it(pipeline: Pipeline) -> None:
    # the gazetteer has a Qarah Bagh in Herat and one in Ghazni
    report = _report(
        pipeline, "On 10 March, gunmen killed two farmers in Qarah Bagh district, Ghazni."
    )
    assert report.admin1 == "Ghazni"
    assert report.geo_precision == 2


def test_the_seat_named_after_a_district_stands_for_its_province(pipeline: Pipeline) -> None:
    # the gazetteer spells the province Khowst; the city of Khost is not where the event was
    text = "On 10 March, Taliban militants attacked a checkpoint in Mandozai district, Khost."
    report = _report(pipeline, text)
    assert (report.admin1, report.geo_precision) == ("Khowst", 3)


def test_a_namesake_far_outside_the_named_division_is_not_the_place(pipeline: Pipeline) -> None:
    # the only Kalia the gazetteer has is in Khulna division, 150 km away
    text = "On 10 March, rival groups clashed in Kalia union (Gazipur, Dhaka) over a market."
    report = _report(pipeline, text)
    assert report.admin1 == "Dhaka"
    assert report.location != "Kālia"


def test_a_province_named_after_its_capital_follows_a_town_in_it(pipeline: Pipeline) -> None:
    report = _report(pipeline, "On 10 March, an IED exploded near Hajin town in Deir-ez-Zor.")
    assert report.location == "Hajīn"


def test_a_road_in_a_town_is_in_the_town(pipeline: Pipeline) -> None:
    report = _report(pipeline, "On 10 March, protesters blocked a road in Tangail demanding wages.")
    assert (report.location, report.geo_precision) == ("Tangail", 1)


def test_a_district_spelled_otherwise_is_found_in_its_province(pipeline: Pipeline) -> None:
    # the gazetteer writes its seat Mūsá Qal‘ah
    text = "On 10 March, Taliban militants attacked a police post in Mosa Qala district, Helmand."
    report = _report(pipeline, text)
    assert (report.location, report.geo_precision) == ("Mūsá Qal‘ah", 2)


def test_a_town_named_after_a_community_is_no_province(pipeline: Pipeline) -> None:
    # "Arab" is a place name somewhere; "Gao" after it is the town the text says, not the region
    text = (
        "On 10 March, unknown gunmen shot dead a member of the Arab community in the town of Gao."
    )
    report = _report(pipeline, text)
    assert (report.location, report.geo_precision) == ("Gao", 1)


def test_a_country_not_far_off_is_not_where_the_event_is(pipeline: Pipeline) -> None:
    text = (
        "On 10 March, militiamen clashed on the outskirts of Mondoro, Mopti, not far from the "
        "Burkina Faso border."
    )
    report = _report(pipeline, text)
    assert (report.location, report.country) == ("Mondoro", "Mali")


def test_a_province_named_for_the_event_names_its_country(pipeline: Pipeline) -> None:
    text = (
        "On 10 March, an IED struck a truck that carried civilians, mainly Burkinabes travelling "
        "to the market, between Kona and Bore (Mopti Region)."
    )
    report = _report(pipeline, text)
    assert report.country == "Mali"
    assert report.location in ("Kona", "Boré")


def test_residents_in_a_town_are_there(pipeline: Pipeline) -> None:
    report = _report(pipeline, "On 10 March, residents in Bankass protested against insecurity.")
    assert (report.location, report.geo_precision) == ("Bankass", 1)


def test_the_place_a_note_says_it_codes_is_the_place(pipeline: Pipeline) -> None:
    text = (
        "On 10 March, unknown gunmen shot dead two traders travelling toward Mondoro in the Douentza "
        "area (coded as Mondoro at geoprecision 2)."
    )
    report = _report(pipeline, text)
    assert (report.location, report.geo_precision) == ("Mondoro", 2)


def test_the_market_or_forest_of_a_place_is_at_it(pipeline: Pipeline) -> None:
    text = "On 10 March, gunmen shot dead two traders at the market of Mondoro, near Douentza."
    assert _report(pipeline, text).location == "Mondoro"


def test_an_area_spelled_otherwise_is_found_in_its_region(pipeline: Pipeline) -> None:
    text = "On 10 March, gunmen attacked herders in the Sirakarola area, Koulikoro Region."
    assert _report(pipeline, text).location == "Sirakorola"


def test_an_area_of_a_city_named_like_its_province_is_in_the_city(pipeline: Pipeline) -> None:
    text = "On 10 March, gunmen killed a shopkeeper in the Loya Wala area of Kandahar city."
    report = _report(pipeline, text)
    assert (report.location, report.geo_precision) == ("Kandahār", 1)
