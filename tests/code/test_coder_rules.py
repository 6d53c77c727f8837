"""Coding rules end to end: who did what to whom, and which of the places named is the place."""

from __future__ import annotations

from datetime import date

import pytest

from strife import Article, Pipeline
from tests.test_pipeline import pipeline

__all__ = ["pipeline"]

JNIM_NAME = "JNIM: Group for Support of Islam and Muslims"


def _one(pipeline: Pipeline, text: str) -> tuple[str, str, str | None]:
    reports = [
        r
        for r in pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
        if r.geo_precision is not None
    ]
    assert len(reports) == 1, reports
    r = reports[0]
    return r.sub_event_type, r.actor1, r.actor2


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        (
            "On 10 March, locals assaulted and killed a man in Kisumu on suspicion of being a thief.",
            "Civilians (Kenya)",
        ),
        (
            "On 10 March, supporters of a local candidate beat up two journalists in Nakuru.",
            "Civilians (Kenya)",
        ),
        (
            "Le 10 mars, des habitants ont lynché un voleur présumé à Ségou.",
            "Civilians (Mali)",
        ),
    ],
)
def test_violence_by_an_unarmed_crowd_is_mob_violence(
    pipeline: Pipeline, text: str, actor2: str
) -> None:
    sub, actor1, target = _one(pipeline, text)
    assert (sub, actor1.split(" (")[0], target) == ("Mob violence", "Rioters", actor2)


def test_a_crowd_hit_by_gunmen_stays_violence_against_civilians(pipeline: Pipeline) -> None:
    text = "On 10 March, gunmen attacked villagers in Kisumu, killing three."
    sub, actor1, _ = _one(pipeline, text)
    assert (sub, actor1) == ("Attack", "Unidentified Armed Group (Kenya)")


@pytest.mark.parametrize(
    "text",
    [
        "On 10 March, GATIA's commander was killed in Gao by unidentified assailants.",
        "On 10 March, two GATIA militiamen were abducted in Gao by unknown gunmen.",
    ],
)
def test_a_group_whose_members_were_hit_fought_the_attackers(pipeline: Pipeline, text: str) -> None:
    _, actor1, actor2 = _one(pipeline, text)
    assert (actor1, actor2) == (
        "Unidentified Armed Group (Mali)",
        "GATIA: Imghad Tuareg and Allies Self-Defense Group",
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "On 10 March, shells fired by government forces hit a clinic in Misrata, "
            "killing two civilians.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 10 March, four Malian soldiers were killed when their truck hit a roadside "
            "explosive near Douentza.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 10 March, a bus was struck by a mine near Djibo, killing six passengers.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_remote_weapons_make_remote_violence_whoever_fired_them(
    pipeline: Pipeline, text: str, sub_event_type: str
) -> None:
    assert _one(pipeline, text)[0] == sub_event_type


def test_afghan_pro_government_militia_fought_the_taliban(pipeline: Pipeline) -> None:
    text = "On 10 March, Taliban militants ambushed and killed three Arbakis in Khost district."
    assert _one(pipeline, text) == ("Armed clash", "Taliban", "Militia (Pro-Government)")


@pytest.mark.parametrize(
    "text",
    [
        "On 10 March, gunmen attacked a nomad camp near Gao, killing four herders.",
        "Le 10 mars, des hommes armés ont attaqué un camp de déplacés près de Gao, tuant quatre "
        "personnes.",
    ],
)
def test_a_camp_of_nomads_or_displaced_people_is_civilian(pipeline: Pipeline, text: str) -> None:
    assert _one(pipeline, text)[0] == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "On 10 March, six civilians were killed by Malian soldiers and Wagner mercenaries in "
        "Niono.",
        "On 10 March, six civilians were killed by the Malian army and mercenaries from the "
        "Wagner group in Niono.",
    ],
)
def test_foreign_forces_acting_with_the_army_leave_it_the_doer(
    pipeline: Pipeline, text: str
) -> None:
    assert _one(pipeline, text) == ("Attack", "Military Forces of Mali", "Civilians (Mali)")


def test_an_ally_named_with_the_attackers_is_not_the_other_side(pipeline: Pipeline) -> None:
    text = (
        "Lundi, le M23, épaulé par l'armée rwandaise, a pris le contrôle de la ville de Kiwanja, "
        "au nord de Goma."
    )
    assert _one(pipeline, text) == (
        "Non-state actor overtakes territory",
        "M23: March 23 Movement",
        "Military Forces of the Democratic Republic of Congo",
    )


def test_a_quarter_named_after_its_city_places_the_event(pipeline: Pipeline) -> None:
    # Pallabi is a thana of Dhaka, about 10 km from the city's centre in the gazetteer
    text = "On 10 March, rioters set fire to a bus in Dhaka - Mirpur (Pallabi), during a strike."
    (report,) = pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
    assert report.location == "Pallabi"


def test_the_district_town_after_a_village_does_not_replace_it(pipeline: Pipeline) -> None:
    text = "On 10 March, gunmen attacked the gendarmerie post in Kabara (Tombouctou, Tombouctou)."
    (report,) = pipeline.extract(Article(text=text, published=date(2024, 3, 12))).reports
    assert report.location == "Kabara"


def test_militias_accused_of_a_massacre_are_its_perpetrators(pipeline: Pipeline) -> None:
    text = (
        "Militias allied with the army have been accused of a massacre in eastern Burkina Faso, "
        "a rights group said. On 9 March, 31 villagers were killed in Gayeri."
    )
    assert _one(pipeline, text)[1] == "VDP: Volunteers for the Defense of the Homeland"


def test_the_group_claiming_the_attack_is_its_perpetrator_though_the_army_is_named(
    pipeline: Pipeline,
) -> None:
    text = (
        "On 3 March, a Malian army convoy hit a landmine near Douentza, killing two soldiers. "
        "Claimed by JNIM on 5 March."
    )
    assert _one(pipeline, text)[1:] == (
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Mali",
    )


def test_a_claim_told_with_an_earlier_attack_is_not_the_new_one(pipeline: Pipeline) -> None:
    text = (
        "Sept soldats maliens ont été tués lundi dans une attaque contre leur camp près de Léré. "
        "Cette attaque est la plus meurtrière depuis celle ayant visé le 4 juin un convoi de la "
        "Minusma près de Goundam, faisant trois tués. L'opération avait alors été revendiquée "
        "par Al-Qaïda au Maghreb islamique (Aqmi)."
    )
    reports = pipeline.extract(Article(text=text, published=date(2024, 7, 10))).reports
    first = next(r for r in reports if r.location == "Léré")
    assert first.actor1 == "Unidentified Armed Group (Mali)"


def test_two_communities_clashing_are_two_ethnic_militias(pipeline: Pipeline) -> None:
    text = "On 4 March, clashes between Tiv and Jukun militias in Wukari killed six people."
    sub, actor1, actor2 = _one(pipeline, text)
    assert (sub, {actor1, actor2}) == (
        "Armed clash",
        {"Tiv Ethnic Militia (Nigeria)", "Jukun Ethnic Militia (Nigeria)"},
    )


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("On 6 March, gunmen kidnapped a police officer in Ilorin.", "Police Forces of Nigeria"),
        ("On 6 March, gunmen shot dead an off-duty policeman in Ilorin.", "Civilians (Nigeria)"),
    ],
)
def test_forces_named_as_the_ones_hit_are_the_other_side_unless_off_duty(
    pipeline: Pipeline, text: str, actor2: str
) -> None:
    assert _one(pipeline, text)[1:] == ("Unidentified Armed Group (Nigeria)", actor2)


def test_forces_dispersing_a_protest_told_after_it_are_its_other_side(pipeline: Pipeline) -> None:
    text = (
        "On 7 March, about 60 teachers demonstrated outside the county offices in Eldoret, "
        "demanding unpaid salaries. Police dispersed the crowd with tear gas."
    )
    assert _one(pipeline, text) == (
        "Protest with intervention",
        "Protesters (Kenya)",
        "Police Forces of Kenya",
    )


def test_foreign_troops_killed_are_the_side_attacked(pipeline: Pipeline) -> None:
    text = (
        "On 9 March, Al Shabaab fighters overran a Somali army base in Buulobarde, Somalia, "
        "and killed 21 Ugandan troops."
    )
    assert _one(pipeline, text)[1:] == ("Al Shabaab", "Military Forces of Uganda")


def test_a_group_named_by_a_source_in_an_aside_is_not_the_perpetrator(pipeline: Pipeline) -> None:
    text = (
        "On 9 March, two soldiers were killed by gunmen near Tenenkou, a local official said. "
        "JNIM fighters could attack other villages soon, a security source told AFP."
    )
    assert _one(pipeline, text)[1] == "Unidentified Armed Group (Mali)"


def test_security_forces_facing_rioters_are_the_police(pipeline: Pipeline) -> None:
    text = (
        "On 7 March, youths burned tyres and stoned vehicles in Kayes to protest against power "
        "cuts; security forces fired tear gas to disperse them."
    )
    assert _one(pipeline, text) == (
        "Violent demonstration",
        "Rioters (Mali)",
        "Police Forces of Mali",
    )


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        (
            "On 7 March, supporters of two rival candidates clashed with sticks during a rally in "
            "Kisumu. At least 8 people were injured.",
            "Rioters (Kenya)",
        ),
        (
            "On 7 March, angry youths vandalised the offices of the water company in Kisumu to "
            "protest against shortages.",
            None,
        ),
    ],
)
def test_a_crowd_fights_another_crowd_or_only_property(
    pipeline: Pipeline, text: str, actor2: str | None
) -> None:
    assert _one(pipeline, text)[1:] == ("Rioters (Kenya)", actor2)


@pytest.mark.parametrize(
    "text",
    [
        "On 7 March, gunmen attacked the customs post in Kadiolo, wounding a customs officer.",
        "On 7 March, a gendarmerie post was attacked in Kadiolo, one gendarme wounded.",
    ],
)
def test_a_police_post_attacked_is_a_battle_with_the_police(pipeline: Pipeline, text: str) -> None:
    assert _one(pipeline, text)[1:] == ("Unidentified Armed Group (Mali)", "Police Forces of Mali")


@pytest.mark.parametrize(
    "text",
    [
        "Cameroon's attack sank Gabon 2-0 in a World Cup qualifier in Yaounde on Sunday, the "
        "striker scoring twice before half-time.",
        "Le sélectionneur du Niger a salué dimanche à Niamey son attaque, auteur de trois buts en "
        "deux matches lors des éliminatoires.",
    ],
)
def test_a_team_s_attack_is_play_in_a_sports_story(pipeline: Pipeline, text: str) -> None:
    assert pipeline.extract(Article(text=text, published=date(2025, 6, 10))).reports == []


def test_a_place_after_french_elision_is_named(pipeline: Pipeline) -> None:
    text = "Des hommes armés ont enlevé lundi douze commerçants près d'Arbinda, selon un élu."
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 10))).reports
    assert [(r.location, r.geo_precision) for r in reports] == [("Aribinda", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "La province du Soum est le théâtre depuis mars 2016 d'attaques jihadistes près de Djibo.",
        "The Soum province has seen jihadist attacks near Djibo since March 2016.",
    ],
)
def test_violence_since_a_month_of_a_past_year_is_background(pipeline: Pipeline, text: str) -> None:
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 10))).reports
    assert [r for r in reports if r.geo_precision is not None] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Des soldats burkinabè et des supplétifs de l'armée ont tué lundi 40 civils à Dori, "
            "les accusant de collaborer avec les jihadistes.",
            ("Military Forces of Burkina Faso", "Civilians (Burkina Faso)"),
        ),
        (
            "Soldiers and Civilian JTF members killed 12 villagers in Konduga on Monday, accusing "
            "them of collaborating with the insurgents.",
            ("Military Forces of Nigeria", "Civilians (Nigeria)"),
        ),
        (
            "Des supplétifs de l'armée ont tué lundi 40 civils à Dori.",
            ("VDP: Volunteers for the Defense of the Homeland", "Civilians (Burkina Faso)"),
        ),
    ],
)
def test_the_army_s_auxiliaries_named_with_it_fight_on_its_side(
    pipeline: Pipeline, text: str, pair: tuple[str, str]
) -> None:
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 10))).reports
    assert [(r.actor1, r.actor2) for r in reports] == [pair]


def test_the_gendarmerie_post_of_a_town_is_at_the_town(pipeline: Pipeline) -> None:
    text = (
        "Mardi, le poste de la gendarmerie de Ténenkou, dans la région de Mopti, a été attaqué "
        "par des hommes armés."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 12))).reports
    assert [(r.location, r.geo_precision) for r in reports] == [("Ténenkou", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Mercredi, un camion a été incendié par des hommes armés près de Niono, sans faire de "
        "victimes.",
        "On Wednesday, gunmen torched a truck near Niono without causing casualties.",
    ],
)
def test_property_burnt_without_victims_is_property_destruction(
    pipeline: Pipeline, text: str
) -> None:
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 12))).reports
    assert [(r.sub_event_type, r.fatalities) for r in reports] == [
        ("Looting/property destruction", 0)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people marched peacefully through Niamey on Saturday, chanting slogans "
        "against France.",
        "Des milliers de personnes ont marché samedi dans les rues de Niamey contre la France.",
    ],
)
def test_a_march_through_a_city_is_there(pipeline: Pipeline, text: str) -> None:
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 10))).reports
    assert [(r.location, r.actor1) for r in reports] == [("Niamey", "Protesters (Niger)")]


def test_niger_state_is_nigeria_s(pipeline: Pipeline) -> None:
    text = (
        "Earlier this week, gunmen kidnapped a priest in Niger state's Rafi local government "
        "area, police said."
    )
    reports = pipeline.extract(Article(text=text, published=date(2025, 6, 13))).reports
    assert [(r.country, r.actor1) for r in reports] == [
        ("Nigeria", "Unidentified Armed Group (Nigeria)")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 June 2025, FAMa and Africa Corps forces conducted airstrikes on JNIM positions "
            "near Diafarabe.",
            ("Air/drone strike", "Military Forces of Mali", JNIM_NAME, 0),
        ),
        (
            "On 9 June 2025, RSF drones struck Kassala airport. No casualties were reported.",
            ("Air/drone strike", "Rapid Support Forces", None, 0),
        ),
        (
            "On 10 June 2025, the body of a trader abducted by ISWAP was found near Monguno.",
            ("Attack", "Islamic State West Africa Province", "Civilians (Nigeria)", 1),
        ),
    ],
)
def test_drones_bodies_and_allies_in_notes(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str | None, int]
) -> None:
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 6, 10))).reports
    assert (report.sub_event_type, report.actor1, report.actor2, report.fatalities) == expected


def test_a_death_that_caused_a_riot_is_not_the_riot_s(pipeline: Pipeline) -> None:
    text = (
        "On 8 May 2025, about 300 residents set fire to a police post in Mopti after the body "
        "of a young man was found near the river."
    )
    (report,) = pipeline.extract(Article(text=text, published=date(2025, 5, 8))).reports
    assert (report.event_type, report.fatalities) == ("Riots", 0)
