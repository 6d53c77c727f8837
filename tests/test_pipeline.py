"""End-to-end extraction on fixture articles written for these tests (English and French)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from strife import Article, Pipeline, Report

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    pipe = Pipeline()
    pipe.initialize()
    return pipe


def _extract(
    pipeline: Pipeline, name: str, published: date | None, language: str | None = None
) -> list[Report]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return pipeline.extract(Article(text=text, published=published, language=language)).reports


def _placed(reports: list[Report]) -> list[Report]:
    return [r for r in reports if r.geo_precision is not None]


def test_roundup_gives_one_event_per_actor_pair_place_and_day(pipeline: Pipeline) -> None:
    reports = _placed(_extract(pipeline, "sahel-roundup-en.txt", date(2025, 6, 2)))
    got = {(r.location, str(r.event_date)): r for r in reports}
    assert set(got) == {
        ("Boulkessi", "2025-06-01"),
        ("Dioura", "2025-05-24"),
        ("Sirakorola", "2025-05-30"),
        ("Djibo", "2025-05-15"),
        ("Tahoua", "2025-05-24"),
        ("Dosso", "2025-05-26"),
    }
    boulkessi = got[("Boulkessi", "2025-06-01")]
    assert boulkessi.sub_event_type == "Non-state actor overtakes territory"
    assert (boulkessi.actor1, boulkessi.actor2) == (
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Mali",
    )
    assert boulkessi.fatalities == 30
    assert boulkessi.interaction == 12
    assert (boulkessi.geo_precision, boulkessi.admin1) == (1, "Mopti")
    assert {c.kind for c in boulkessi.claims} >= {"security_source", "perpetrator", "government"}
    dioura = got[("Dioura", "2025-05-24")]
    assert dioura.admin1 == "Mopti"  # central Mali's Dioura, not the one in Kayes
    assert dioura.geo_precision == 1
    assert [(c.kind, c.killed) for c in dioura.claims] == [("perpetrator", 40)]
    sirakorola = got[("Sirakorola", "2025-05-30")]
    assert sirakorola.disputed and sirakorola.sub_event_type == "Armed clash"
    assert sirakorola.fatalities == 0
    djibo = got[("Djibo", "2025-05-15")]
    assert (djibo.time_precision, djibo.fatalities, djibo.country) == (2, 200, "Burkina Faso")
    for region in ("Tahoua", "Dosso"):
        event = next(r for (loc, _), r in got.items() if loc == region)
        assert event.geo_precision == 3
        assert event.actor1 == "Unidentified Armed Group (Niger)"
        assert event.fatalities == 50  # 100 split over two attacks
        assert event.claims[0].split == 2


def test_nothing_is_coded_from_the_context_paragraph(pipeline: Pipeline) -> None:
    reports = _extract(pipeline, "sahel-roundup-en.txt", date(2025, 6, 2))
    text = (FIXTURES / "sahel-roundup-en.txt").read_text(encoding="utf-8")
    context_start = text.index("Mali, Burkina Faso and Niger are ruled")
    for report in reports:
        assert all(span.start < context_start for span in report.evidence)


def test_evidence_spans_point_into_the_article(pipeline: Pipeline) -> None:
    text = (FIXTURES / "sahel-roundup-en.txt").read_text(encoding="utf-8")
    for report in _extract(pipeline, "sahel-roundup-en.txt", date(2025, 6, 2)):
        fields = {span.field for span in report.evidence}
        assert {"sentence", "trigger"} <= fields
        for span in report.evidence:
            assert text[span.start : span.end] == span.text
        for claim in report.claims:
            for span in claim.evidence:
                assert text[span.start : span.end] == span.text


def test_french_report_gives_the_same_boulkessi_event(pipeline: Pipeline) -> None:
    (event,) = _placed(_extract(pipeline, "boulkessi-fr.txt", date(2025, 6, 2)))
    assert (event.location, str(event.event_date), event.time_precision) == (
        "Boulkessi",
        "2025-06-01",
        1,
    )
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1, event.actor2) == (
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Mali",
    )
    assert event.fatalities == 30
    assert any(c.kind == "security_source" and c.killed == 30 for c in event.claims)


def test_articles_without_violence_give_nothing(pipeline: Pipeline) -> None:
    assert _extract(pipeline, "economy-en.txt", date(2025, 6, 2)) == []


def test_threats_and_denials_are_not_events(pipeline: Pipeline) -> None:
    assert _placed(_extract(pipeline, "threat-en.txt", date(2025, 6, 2))) == []


def test_without_published_date_relative_dates_stay_unresolved(pipeline: Pipeline) -> None:
    reports = _placed(_extract(pipeline, "boulkessi-fr.txt", None))
    assert reports and all(r.event_date is None for r in reports)
    assert any(flag.startswith("unresolved_date:") for flag in reports[0].flags)


def test_other_languages_get_a_warning_and_no_events(pipeline: Pipeline) -> None:
    text = (
        "Hombres armados atacaron una base militar en el centro de Malí el domingo y mataron "
        "a más de treinta soldados, según fuentes de seguridad que pidieron el anonimato."
    )
    extraction = pipeline.extract(Article(text=text, published=date(2025, 6, 2)))
    assert extraction.reports == []
    assert extraction.language == "es"
    assert "Spanish" in extraction.warnings[0]


def test_same_text_same_article_id(pipeline: Pipeline) -> None:
    a = Article(text="Gunmen  killed 12 villagers in Djibo on Sunday.")
    b = Article(text="Gunmen killed 12 villagers in Djibo on Sunday.\n")
    assert a.id == b.id


def test_the_day_news_came_out_is_not_the_event_day(pipeline: Pipeline) -> None:
    text = (
        "The defence ministry said on Saturday that at least ten soldiers were killed in an ambush "
        "near Tillaberi. The attack took place on Friday, the statement said."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2023, 2, 12))).reports
    assert report.event_date == date(2023, 2, 10)
    assert report.fatalities == 10


def test_the_previous_morning_counts_from_the_day_just_told(pipeline: Pipeline) -> None:
    text = (
        "On Sunday, August 25, a video of the victims circulated on social media. "
        "The previous morning, gunmen on motorcycles killed dozens of civilians in Barsalogho."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2024, 8, 27))).reports
    assert report.event_date == date(2024, 8, 24)
    assert report.fatalities == 12


def test_an_undated_article_reads_its_dates_in_the_year_it_names(pipeline: Pipeline) -> None:
    text = (
        "Weekly security update (25 September - 1 October 2023)\n"
        "Gunmen attacked the army camp in Dioura on 28 September, killing three soldiers."
    )
    (report,) = pipeline.extract(Article(text=text)).reports
    assert report.event_date == date(2023, 9, 28)


def test_a_stated_coded_figure_overrides_the_reported_ones(pipeline: Pipeline) -> None:
    text = (
        "On 4 March 2020, 2 soldiers were killed in an attack by gunmen on a checkpoint in Gao. "
        "Fatalities coded as 0 (a local radio reported 2 fatalities)."
    )
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 3, 4))).reports)
    assert report.fatalities == 0


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Gunmen attacked Malari village in Borno State on Monday, killing five farmers.", "Borno"),
        (
            "Gunmen attacked Bulabulin village in Yobe State on Monday, killing five farmers.",
            "Yobe",
        ),
        (
            "Des hommes armés ont attaqué le village de Malari, dans l'État de Borno, lundi.",
            "Borno",
        ),
    ],
)
def test_a_village_is_looked_for_in_the_region_the_text_names(
    pipeline: Pipeline, text: str, admin1: str
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2023, 6, 20))).reports)
    assert (report.admin1, report.geo_precision) == (admin1, 1)


def test_a_village_in_another_part_of_the_world_is_not_the_place(pipeline: Pipeline) -> None:
    # "Melay" is only a small French village in the gazetteer
    text = "Boko Haram fighters killed five farmers near Melay on Monday in Borno State, Nigeria."
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2023, 6, 20))).reports)
    assert (report.country, report.location) == ("Nigeria", "Borno")


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor2"),
    [
        (
            "On Monday, Malian soldiers arrested and tortured three traders in Mopti.",
            "Attack",
            "Civilians (Mali)",
        ),
        (
            "Lundi, l'armée malienne a tué trois bergers près de Mopti.",
            "Attack",
            "Civilians (Mali)",
        ),
        (
            "On Monday, a Malian army vehicle was struck by an IED near Mopti.",
            "Remote explosive/landmine/IED",
            "Military Forces of Mali",
        ),
    ],
)
def test_state_forces_told_as_the_doers_with_no_armed_group(
    pipeline: Pipeline, text: str, sub_event_type: str, actor2: str
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2018, 6, 6))).reports)
    assert (report.sub_event_type, report.actor2) == (sub_event_type, actor2)


def test_a_district_is_placed_at_its_chief_town(pipeline: Pipeline) -> None:
    text = "On 16 March 2020, an airstrike destroyed a mosque in Aqcha district, Jowzjan."
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 3, 16))).reports)
    assert (report.location, report.geo_precision) == ("Aqcha", 2)


def test_a_district_of_another_province_is_not_the_place(pipeline: Pipeline) -> None:
    # the gazetteer's only Baharak is in Badakhshan, not in Takhar
    text = "On 6 May 2020, an airstrike killed 2 militants in Baharak district, Takhar."
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 5, 6))).reports)
    assert (report.admin1, report.geo_precision) == ("Takhar", 3)


def test_a_province_in_brackets_is_the_province(pipeline: Pipeline) -> None:
    text = "On 29 April 2020, air raids were reported on Hazm Ghaffa in northern Yemen (Al Jawf)."
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 4, 29))).reports)
    assert (report.location, report.geo_precision) == ("Al Jawf", 3)


def test_a_name_told_many_times_does_not_make_its_namesakes_countries(pipeline: Pipeline) -> None:
    # Moura is also a town in Australia and in Portugal; the gazetteer lacks the Malian one
    text = (
        "Soldiers killed dozens of villagers in Moura, in central Mali, on Monday. "
        "Residents of Moura said the attack on Moura lasted hours. "
        "The army said the Moura operation targeted terrorists."
    )
    reports = pipeline.extract(Article(text=text, published=date(2022, 4, 6))).reports
    assert {r.country for r in reports} == {"Mali"}


def test_the_sentence_saying_where_the_assault_was_places_it(pipeline: Pipeline) -> None:
    text = (
        "Several people were killed in an attack by Islamist militants on a convoy in northern "
        "Burkina Faso on Monday, the army said. The assault took place near Gaskindé in Soum "
        "province, an area where jihadists have escalated attacks since 2015."
    )
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2022, 9, 27))).reports)
    assert report.location == "Gaskindé"


@pytest.mark.parametrize(
    "text",
    [
        "The explosion of a vehicle on an IED near Kidal was reported by residents.",
        "L'explosion d'un véhicule sur un engin explosif près de Kidal a été signalée.",
    ],
)
def test_an_opening_sentence_has_nothing_to_refer_back_to(pipeline: Pipeline, text: str) -> None:
    reports = _placed(pipeline.extract(Article(text=text, published=date(2017, 6, 1))).reports)
    assert [r.sub_event_type for r in reports] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        (
            "Ten soldiers were killed in an ambush by gunmen near Bani Bangou on Friday. "
            "The statement said many assailants were also killed.",
            13,
        ),
        (
            "Une dizaine de soldats ont été tués vendredi dans une attaque près de Djibo. "
            "La riposte a permis de neutraliser de nombreux assaillants.",
            13,
        ),
    ],
)
def test_many_attackers_killed_add_to_the_soldiers(
    pipeline: Pipeline, text: str, fatalities: int
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2023, 2, 12))).reports)
    assert report.fatalities == fatalities


def test_that_attack_claimed_lives_counts_for_the_attack_just_told(pipeline: Pipeline) -> None:
    text = (
        "Last week, gunmen raided a camp sheltering refugees in the Tahoua region. "
        "That attack, which a local official said was carried out by terrorists who escaped "
        "back into Mali, claimed nine lives."
    )
    reports = pipeline.extract(Article(text=text, published=date(2023, 2, 12))).reports
    assert [(r.admin1, r.fatalities) for r in reports] == [("Tahoua", 9)]


@pytest.mark.parametrize(
    "text",
    [
        "Drone strikes in a town in Enarj Enawga Woreda of Ethiopia's Amhara region killed 30 "
        "civilians on Monday.",
        "Drone strikes killed 30 civilians on Monday in Lalibela Woreda Kebele of Ethiopia’s "
        "Amhara region.",
    ],
)
def test_a_region_after_a_possessive_country(pipeline: Pipeline, text: str) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2025, 4, 23))).reports)
    assert (report.admin1, report.geo_precision) == ("Amhara", 3)


@pytest.mark.parametrize(
    ("text", "location", "kind_precision"),
    [
        ("On 8 March 2020, a sniper shot dead a soldier in Balkh district.", "Balkh", 2),
        ("Lundi, des hommes armés ont tué un berger dans le cercle de Bankass.", "Bankass", 2),
        ("On 8 March 2020, gunmen shot dead a soldier in Balkh province.", "Balkh", 3),
    ],
)
def test_a_district_named_like_its_province_is_the_district(
    pipeline: Pipeline, text: str, location: str, kind_precision: int
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 3, 9))).reports)
    assert (report.location, report.geo_precision) == (location, kind_precision)


@pytest.mark.parametrize(
    ("text", "admin1", "precision"),
    [
        # the province after a district is not its namesake capital town
        (
            "On 6 March 2020, a soldier was killed by militants in Chimtal district, Balkh.",
            "Balkh",
            2,
        ),
        (
            "On 6 March 2020, a soldier was killed by militants in Zzyzx district, Balkh.",
            "Balkh",
            3,
        ),
        # a town inside its region, both named: the town
        (
            "On 28 April 2020, protesters gathered outside the governorate of Baalbek-Hermel in "
            "Baalbek city and rioted.",
            "Baalbek-Hermel",
            1,
        ),
    ],
)
def test_the_most_precise_of_nearby_places_and_admin_tails(
    pipeline: Pipeline, text: str, admin1: str, precision: int
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 5, 1))).reports)
    assert (report.admin1, report.geo_precision) == (admin1, precision)


@pytest.mark.parametrize(
    ("text", "country", "admin1", "precision"),
    [
        # spelled otherwise in the gazetteer (Dehdādī)
        (
            "On 10 March 2020, a Taliban bomb injured 2 soldiers in Dihdadi district, Balkh.",
            "Afghanistan",
            "Balkh",
            2,
        ),
        # a home spelling (Şayād) before a village abroad with the exact name (Libya)
        (
            "On 6 March 2020, Taliban militants killed 3 policemen in Sayyad district, Sar-e Pol.",
            "Afghanistan",
            "Sar-e Pol",
            2,
        ),
        (
            "On 6 May 2020, gunmen attacked a village in Sabuwa LGA (Katsina), killing 5 residents.",
            "Nigeria",
            "Katsina",
            2,  # an LGA is a district, placed at its chief town
        ),
    ],
)
def test_districts_whatever_their_spelling(
    pipeline: Pipeline, text: str, country: str, admin1: str, precision: int
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 5, 7))).reports)
    assert (report.country, report.admin1, report.geo_precision) == (country, admin1, precision)


@pytest.mark.parametrize(
    "text",
    [
        "The only surviving gunman of the 2015 Brussels bombings was last night found guilty and "
        "sentenced to life in prison. He was arrested by police four months after the massacre. "
        "The judge said his involvement had begun well before the Brussels bombings.",
        "Le seul survivant du commando des attentats de 2015 a été reconnu coupable hier soir et "
        "condamné à la perpétuité à l'issue du procès.",
    ],
)
def test_a_trial_for_a_past_attack_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert pipeline.extract(Article(text=text, published=date(2022, 6, 30))).reports == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Au moins 18 civils ont été tués hier par des hommes armés près de Diallassagou, ont "
            "précisé à la presse française des habitants.",
            "Mali",
        ),
        (
            "Gunmen killed 18 villagers near Diallassagou on Sunday, residents told French media.",
            "Mali",
        ),
    ],
)
def test_the_nationality_of_the_press_is_not_the_place(
    pipeline: Pipeline, text: str, country: str
) -> None:
    reports = pipeline.extract(Article(text=text, published=date(2022, 6, 20))).reports
    assert {r.country for r in reports} == {country}


@pytest.mark.parametrize(
    "text",
    [
        "L’armée burkinabée est accusée par une ONG d’avoir perpétré le massacre de plus de 130 "
        "civils lors d’une attaque survenue le 10 mars 2025 à Solenzo.",
        "The Burkinabe army is accused by a rights group of having carried out the massacre of "
        "more than 130 civilians in Solenzo on March 10, 2025.",
    ],
)
def test_forces_accused_of_a_massacre_are_its_perpetrators(pipeline: Pipeline, text: str) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2025, 3, 15))).reports)
    assert (report.actor1, report.actor2) == (
        "Military Forces of Burkina Faso",
        "Civilians (Burkina Faso)",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Une patrouille de l'armée nigérienne est tombée mardi dans une embuscade près de Tongo "
        "Tongo, dans la région de Tillabéri, à quelques kilomètres de la frontière malienne.",
        "A Nigerien army patrol was ambushed on Tuesday near Tongo Tongo in the Tillaberi region, "
        "a few kilometres from the Malian border.",
    ],
)
def test_a_neighbour_named_by_its_border_is_not_the_country(pipeline: Pipeline, text: str) -> None:
    reports = pipeline.extract(Article(text=text, published=date(2017, 10, 5))).reports
    assert {r.country for r in reports} == {"Niger"}


def test_the_weekend_and_the_saturday_of_it_are_one_event(pipeline: Pipeline) -> None:
    text = (
        "The army base in Gwoza was attacked over the weekend. So far, we have recovered over "
        "seven bodies, a security source said. The terrorists struck the base in Gwoza at "
        "around 4 a.m. on Saturday, engaging the military in intense gunfire."
    )
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2025, 2, 17))).reports)
    assert (report.fatalities, str(report.event_date)) == (7, "2025-02-15")


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents beheaded five people on Tuesday in Macomia district, in the northern province "
        "of Cabo Delgado, according to Wednesday's issue of a local newssheet.",
        "Des insurgés ont tué cinq personnes mardi dans le district de Macomia, dans la "
        "province de Cabo Delgado, selon l'édition de mercredi d'un journal local.",
    ],
)
def test_a_province_holding_the_district_is_no_second_place(pipeline: Pipeline, text: str) -> None:
    reports = _placed(pipeline.extract(Article(text=text, published=date(2019, 8, 28))).reports)
    assert [(r.location, str(r.event_date)) for r in reports] == [("Macomia", "2019-08-27")]


@pytest.mark.parametrize(
    "text",
    [
        "In Barsalogho, villagers did not have time to finish the trench meant to protect them "
        "from recurring jihadist attacks. On Sunday a video showing dozens of corpses circulated. "
        "It showed bodies in civilian clothes. The previous morning, dozens of men on motorcycles "
        "machine-gunned these civilians. The death toll varies between 100 and several hundred, "
        "sources said.",
        "À Barsalogho, les villageois n'ont pas eu le temps de finir la tranchée censée les "
        "protéger des attaques jihadistes récurrentes. Dimanche, une vidéo montrant des dizaines "
        "de corps a circulé. On y voit des corps en habits civils. La veille au matin, des "
        "dizaines d'hommes à moto ont mitraillé ces civils. Le bilan varie entre 100 et plusieurs "
        "centaines de morts, selon des sources.",
    ],
)
def test_the_lede_places_the_attack_told_next(pipeline: Pipeline, text: str) -> None:
    reports = _placed(pipeline.extract(Article(text=text, published=date(2024, 8, 27))).reports)
    assert [(r.admin1, str(r.event_date)) for r in reports] == [("Centre-Nord", "2024-08-24")]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen on motorcycles killed 40 villagers in Barsalogho on Saturday. The attack was "
        "attributed to JNIM, which did not claim it.",
        "Des hommes armés à moto ont tué 40 villageois samedi à Barsalogho. L'attaque a été "
        "attribuée au JNIM, qui ne l'a pas revendiquée.",
    ],
)
def test_the_group_an_attack_is_attributed_to_is_its_perpetrator(
    pipeline: Pipeline, text: str
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2024, 8, 27))).reports)
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"


def test_a_protest_that_turns_violent_is_a_riot(pipeline: Pipeline) -> None:
    text = (
        "On Friday, a mass protest in Bamako turned violent as demonstrators attacked the "
        "parliament while police fired tear gas to disperse them. One person was killed."
    )
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2020, 7, 11))).reports)
    assert (report.sub_event_type, report.actor1) == ("Violent demonstration", "Rioters (Mali)")


def test_a_village_of_another_region_is_not_the_one_the_sentence_places(
    pipeline: Pipeline,
) -> None:
    # the gazetteer's only "Nyaung Kone" lies in Yangon, far from the Sagaing Region named
    text = (
        "At least six civilians were killed on Tuesday when junta jets bombed Nyaung Kone "
        "village in Pale Township, Sagaing Region."
    )
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2025, 3, 5))).reports)
    assert (report.admin1, report.geo_precision) == ("Sagaing", 3)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "On 3 March 2024, locals beat a man to death in Narsingdi Sadar upazila (coded as "
            "Narsingdi, Dhaka), on suspicion of theft.",
            "Narsingdi",
        ),
        (
            "On 7 June 2024, relatives of a murdered student staged a human chain protest in "
            "front of the Press Club, Brahmanbaria Sadar (Chittagong), demanding justice.",
            "Brāhmanbāria",
        ),
    ],
)
def test_the_place_a_note_codes_and_a_sadar_town(
    pipeline: Pipeline, text: str, location: str
) -> None:
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2024, 6, 8))).reports)
    assert (report.location, report.geo_precision) == (location, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed four soldiers in an attack on an army post in Gwoza on Sunday, a military "
        "source said. The attack comes just weeks after the group stormed a military base in "
        "Damboa. In that assault, at least nine soldiers were killed.",
        "Des hommes armés ont tué quatre soldats dimanche lors d'une attaque contre un poste de "
        "l'armée à Gwoza. Cette attaque intervient quelques semaines après l'assaut qui a visé "
        "une base militaire à Damboa. Cette attaque avait coûté la vie à neuf soldats.",
    ],
)
def test_that_assault_is_the_earlier_attack_told_in_passing(pipeline: Pipeline, text: str) -> None:
    reports = _placed(pipeline.extract(Article(text=text, published=date(2025, 3, 5))).reports)
    assert sorted((r.location, r.fatalities) for r in reports) == [("Damboa", 9), ("Gwoza", 4)]


def test_a_dated_toll_of_other_victims_is_another_event(pipeline: Pipeline) -> None:
    text = (
        "Three soldiers killed in an ambush in the north. The attack adds to a deadly month. "
        "On 4 October, at least 20 civilians were killed when their bus hit an explosive device "
        "near Djibo."
    )
    reports = pipeline.extract(Article(text=text, published=date(2024, 10, 9))).reports
    (placed,) = _placed(reports)
    assert (placed.location, placed.fatalities, placed.actor2) == (
        "Djibo",
        20,
        "Civilians (Burkina Faso)",
    )
    assert sorted(r.fatalities or 0 for r in reports) == [3, 20]


def test_a_drone_barrage_by_a_group_and_a_war_ongoing_since_a_date(pipeline: Pipeline) -> None:
    text = (
        "At least 20 civilians were killed on Monday in an attack by the paramilitary Rapid "
        "Support Forces in El Fasher, according to the Sudanese army. The RSF launched a barrage "
        "of suicide drones on the city. Fierce fighting between the army and the RSF has been "
        "ongoing since May 10, 2024."
    )
    (report,) = _placed(pipeline.extract(Article(text=text, published=date(2025, 4, 9))).reports)
    assert (report.sub_event_type, report.actor1, report.event_date) == (
        "Air/drone strike",
        "Rapid Support Forces",
        date(2025, 4, 7),
    )


@pytest.mark.parametrize(
    ("text", "location", "admin2", "precision"),
    [
        # named after the article, placed at the town it is near
        (
            "Une patrouille est tombée mardi dans une embuscade tendue par des hommes armés à "
            "Kwara Tondi près de Ouallam, faisant sept morts parmi les soldats.",
            "Kwara Tondi",
            "Ouallam",
            2,
        ),
        # at the capital of the region named for it
        (
            "Des hommes armés ont tué douze civils lundi à Tindoubali, région de Mopti.",
            "Tindoubali",
            None,
            3,
        ),
        # at the chief town of its circle, not named after it
        (
            "Gunmen killed 14 civilians on Monday in the village of Sanbekoro, located in the "
            "Bankass circle in central Mali.",
            "Sanbekoro",
            "Bankass",
            2,
        ),
        # the sentence after the event says where it was
        (
            "Gunmen killed five soldiers in Mali's Mopti region on Sunday. The attack took place "
            "in Garandi town, Bankass circle, a local official said.",
            "Garandi",
            "Bankass",
            2,
        ),
    ],
)
def test_a_locality_no_gazetteer_has_keeps_its_name(
    pipeline: Pipeline, text: str, location: str, admin2: str | None, precision: int
) -> None:
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 3))).reports
    assert (report.location, report.admin2, report.geo_precision) == (location, admin2, precision)
    assert report.place_id is None and f"unresolved_place:{location}" in report.flags
    assert [e.text for e in report.evidence if e.field == "location"] == [location]


def test_a_locality_far_from_the_only_place_named_is_not_placed_there(pipeline: Pipeline) -> None:
    text = "Jihadists killed nine soldiers on Sunday in Kwandagu, about 400 km north of Bamako."
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 3))).reports
    assert (report.location, report.latitude, report.geo_precision) == ("Kwandagu", None, None)
    assert report.country == "Mali"


def test_a_toll_update_neither_dates_nor_opens_an_event(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed 12 villagers near Tera in western Niger on Monday, residents said. "
        "On Thursday officials revised the death toll to 19."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 7))).reports
    assert (report.event_date, report.fatalities) == (date(2025, 6, 2), 19)


def test_a_guessed_toll_gives_way_to_a_firm_one(pipeline: Pipeline) -> None:
    text = (
        "A drone strike on the market in Kidal killed over 40 civilians on Sunday, residents "
        "said. The final death toll is believed to be between 55 and 60."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 7))).reports
    assert report.fatalities == 40
    assert any(c.killed is None and c.killed_high == 60 for c in report.claims)


def test_two_speakers_in_one_sentence_each_keep_their_figure(pipeline: Pipeline) -> None:
    text = (
        "A drone strike hit a market in Mopti on Sunday. A local journalist told AFP that at "
        "least 9 people had been killed in the strike, while activists said nearly 40 people "
        "were killed."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 7))).reports
    said = {(c.claimant, c.kind, c.killed) for c in report.claims if c.killed}
    assert said == {("A local journalist", "media", 9), ("activists", "witness", 40)}
    assert report.fatalities == 9


def test_figures_listed_together_are_one_claim(pipeline: Pipeline) -> None:
    text = (
        "Gunmen ambushed a convoy near Gao on Sunday, killing one lieutenant and four soldiers "
        "and one driver, the army said."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 7))).reports
    figures = sorted((c.killed, c.victims) for c in report.claims if c.killed)
    assert figures == [(1, "civilians"), (5, "soldiers")]
    assert report.fatalities == 6


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Torrential rains lashed Maradi on Sunday, after floods that have killed 23 people in "
            "the region since July. Three children died on Saturday when the roof of their house "
            "collapsed. In a nearby village, 120 homes were destroyed and eight people injured.",
        ),
        (
            "fr",
            "Les inondations ont fait 23 morts dans la région de Maradi depuis juillet. Trois "
            "enfants sont morts samedi dans l'effondrement d'une maison. Dans un village voisin, "
            "120 habitations ont été détruites et huit personnes blessées.",
        ),
    ],
)
def test_deaths_from_floods_and_collapses_are_no_events(
    pipeline: Pipeline, language: str, text: str
) -> None:
    article = Article(text=text, published=date(2025, 8, 25), language=language)
    assert pipeline.extract(article).reports == []


def test_an_armed_attack_in_a_flood_report_is_still_an_event(pipeline: Pipeline) -> None:
    text = (
        "Floods have killed 23 people in the Maradi region since July. On Sunday gunmen killed "
        "four villagers in Guidan Roumdji."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 8, 25))).reports
    assert (report.actor2, report.fatalities) == ("Civilians (Niger)", 4)


def test_claimants_told_outside_the_sentence_with_the_figure(pipeline: Pipeline) -> None:
    text = (
        "Gunmen attacked an army post near Menaka on Sunday. “Three soldiers were killed. The "
        "attackers fled on motorbikes,” a military source told AFP. An army spokesman said the "
        "post was retaken. Nine attackers were killed, he said."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 7))).reports
    said = {(c.kind, c.killed, c.victims) for c in report.claims if c.killed}
    assert said == {("security_source", 3, "soldiers"), ("government", 9, "attackers")}
    assert report.fatalities == 12


def test_a_claimant_in_the_next_sentence(pipeline: Pipeline) -> None:
    text = (
        "Au moins neuf soldats ont été tués par des terroristes près de Dori. C’est ce qu’a "
        "annoncé lundi l’état-major."
    )
    article = Article(text=text, published=date(2025, 6, 7), language="fr")
    (report,) = pipeline.extract(article).reports
    assert [(c.kind, c.killed) for c in report.claims if c.killed] == [("government", 9)]


def test_a_state_named_in_a_claimant_does_not_make_it_the_government(pipeline: Pipeline) -> None:
    text = (
        "Rebels ambushed a convoy near Kidal on Sunday. Russian military bloggers said at least "
        "20 soldiers were killed."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 7))).reports
    assert [(c.kind, c.killed) for c in report.claims if c.killed] == [("media", 20)]
