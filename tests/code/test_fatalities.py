from __future__ import annotations

import pytest

from strife.code.fatalities import toll_finder


@pytest.mark.parametrize(
    ("language", "text", "low", "high", "victims"),
    [
        ("en", "over 30 Malian soldiers were killed", 30, None, "soldiers"),
        ("en", "attacked a base, killing 40 soldiers.", 40, 40, "soldiers"),
        ("en", "claiming the lives of 200 soldiers.", 200, 200, "soldiers"),
        ("en", "at least twelve civilians were killed", 12, None, "civilians"),
        ("en", "twenty-five villagers were killed", 25, 25, "civilians"),
        ("en", "dozens of people were killed", 12, None, None),
        ("en", "the death toll varies between 100 and several hundred", 100, 300, None),
        ("en", "a soldier was killed", 1, 1, "soldiers"),
        ("fr", "Dix soldats maliens ont été tués", 10, 10, "soldiers"),
        ("fr", "plus d'une trentaine de soldats ont été tués", 30, None, "soldiers"),
        ("fr", "une dizaine de civils ont été tués", 10, None, "civilians"),
        ("fr", "des dizaines de morts", 10, None, None),
        ("fr", "au moins 15 personnes ont été tuées", 15, None, None),
        ("fr", "trente-deux soldats tués", 32, 32, "soldiers"),
    ],
)
def test_death_figures(
    language: str, text: str, low: int, high: int | None, victims: str | None
) -> None:
    (toll,) = toll_finder(language).find(text, 0)
    assert (toll.low, toll.high, toll.victims) == (low, high, victims)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "12 people were wounded in the attack"),
        ("en", "30 casualties were reported"),
        ("en", "two soldiers were abducted"),
        ("en", "dozens of militants overwhelmed the base"),
        ("en", "killed in two separate attacks"),
        ("en", "the attack 20 km from Gao"),
        ("fr", "cinq blessés ont été évacués"),
        ("fr", "trois enseignants ont été enlevés"),
    ],
)
def test_injuries_captives_and_other_numbers_are_not_deaths(language: str, text: str) -> None:
    assert toll_finder(language).find(text, 0) == []


def test_deaths_and_injuries_in_one_sentence_are_told_apart() -> None:
    tolls = toll_finder("en").find("30 soldiers were killed and 20 wounded", 0)
    assert [t.low for t in tolls] == [30]
    tolls = toll_finder("fr").find("Deux soldats ont été tués et un blessé", 0)
    assert [t.low for t in tolls] == [2]


def test_figures_joined_by_and_share_the_death_verb() -> None:
    text = "the deaths of 50 Russian Wagner mercenaries and 10 Malian soldiers"
    assert [t.low for t in toll_finder("en").find(text, 0)] == [50, 10]


def test_vague_words_are_weak() -> None:
    (toll,) = toll_finder("en").find("causing numerous fatalities", 0)
    assert toll.weak and toll.low == 3


def test_skip_spans_hide_dates() -> None:
    text = "On 24 killed"
    assert toll_finder("en").find(text, 0, skip=[(3, 5)]) == []


def test_a_count_of_sources_is_not_a_toll() -> None:
    text = "According to two security sources, over 30 Malian soldiers were killed."
    assert [t.low for t in toll_finder("en").find(text, 0)] == [30]
    text = "Plus de trente soldats ont été tués, selon deux sources sécuritaires."
    assert [t.low for t in toll_finder("fr").find(text, 0)] == [30]


def test_numbers_glued_to_words_are_names() -> None:
    assert toll_finder("fr").find("Neuf soldats du G5 Sahel tués", 0)[0].low == 9
    assert [t.low for t in toll_finder("fr").find("Neuf soldats du G5 Sahel tués", 0)] == [9]


def test_asides_in_brackets_are_skipped() -> None:
    text = "Deux membres de la garde nationale (une composante de l'armée malienne) ont été tués."
    assert [t.low for t in toll_finder("fr").find(text, 0)] == [2]


@pytest.mark.parametrize(
    ("language", "text", "victims"),
    [
        ("en", "Gunmen killed a shopkeeper near the market.", "civilians"),
        ("en", "The patrol clashed with militants, killing one militant.", "attackers"),
        ("en", "Unknown gunmen shot dead a Malian soldier at his post.", "soldiers"),
        ("en", "A herder succumbed to his wounds on the way to hospital.", None),
        ("en", "One policeman killed, two others wounded.", "police"),
        ("fr", "Des hommes armés ont tué un berger près du puits.", "civilians"),
        ("fr", "Un gendarme tué par des inconnus.", "soldiers"),
        ("fr", "Le blessé a succombé à ses blessures.", None),
    ],
)
def test_one_death_told_without_a_figure(language: str, text: str, victims: str | None) -> None:
    (toll,) = toll_finder(language).find(text, 0)
    assert (toll.low, toll.victims) == (1, victims)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The group said it executed a complex attack on the camp."),
        ("en", "An IED killed soldiers on the road."),
        ("fr", "Le groupe a exécuté une attaque complexe contre le camp."),
    ],
)
def test_an_attack_carried_out_is_not_one_death(language: str, text: str) -> None:
    assert toll_finder(language).find(text, 0) == []


def test_the_figure_a_note_says_it_retains_is_stated() -> None:
    text = "2 policemen were killed. Fatalities coded as 0 (the agency reported 2)."
    tolls = toll_finder("en").find(text, 0)
    assert [(t.low, t.stated) for t in tolls if t.stated] == [(0, True)]


@pytest.mark.parametrize(
    ("language", "text", "low"),
    [
        (
            "en",
            "In the attack on an army base near the border, they killed over 200 soldiers.",
            200,
        ),
        ("en", "Gunmen ambushed a police patrol, killing a policeman.", 1),
        ("fr", "Ils ont attaqué un poste militaire, tuant deux gendarmes.", 2),
    ],
)
def test_a_thing_named_after_its_owners_is_not_a_death(language: str, text: str, low: int) -> None:
    assert [t.low for t in toll_finder(language).find(text, 0)] == [low]


def test_a_date_between_the_verb_and_the_figure() -> None:
    text = "des frappes de drones ont tué, lundi 21 octobre, cinq civils, dont quatre enfants."
    start = text.index("lundi")
    end = text.index(", cinq")
    tolls = toll_finder("fr").find(text, 0, skip=[(start, end)])
    assert [(t.low, t.victims) for t in tolls] == [(5, "civilians")]


@pytest.mark.parametrize(
    ("language", "text", "low"),
    [
        ("fr", "Au moins six personnes dont un gendarme ont trouvé la mort.", 6),
        ("en", "At least six people, including a policeman, lost their lives.", 6),
    ],
)
def test_a_breakdown_leaves_the_total_mixed(language: str, text: str, low: int) -> None:
    (toll,) = toll_finder(language).find(text, 0)
    assert (toll.low, toll.victims) == (low, None)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Un membre du groupe a été aussi neutralisé."),
        ("en", "One of the attackers was neutralized."),
    ],
)
def test_one_attacker_neutralised(language: str, text: str) -> None:
    assert [t.low for t in toll_finder(language).find(text, 0)] == [1]


@pytest.mark.parametrize(
    ("language", "text", "lows"),
    [
        (
            "en",
            "an IED struck the vehicle, killing at least four soldiers and wounding two others",
            [4],
        ),
        (
            "en",
            "militiamen attacked the village, killing more than ten and wounding several others",
            [10],
        ),
        ("fr", "les assaillants ont tué quatre soldats en blessant deux autres", [4]),
    ],
)
def test_the_wounded_after_the_dead_are_not_dead(language: str, text: str, lows: list[int]) -> None:
    assert [t.low for t in toll_finder(language).find(text, 0)] == lows


@pytest.mark.parametrize(
    ("language", "text", "total"),
    [
        ("en", "one Staff Sergeant and two private soldiers were killed", 3),
        ("fr", "un sergent et deux soldats ont été tués", 3),
    ],
)
def test_ranks_are_soldiers(language: str, text: str, total: int) -> None:
    tolls = toll_finder(language).find(text, 0)
    assert sum(t.low for t in tolls) == total
    assert {t.victims for t in tolls} == {"soldiers"}


@pytest.mark.parametrize(
    ("language", "text", "low"),
    [
        ("en", "No fewer than twelve herders were reportedly beheaded near the river.", 12),
        ("en", "Nine villagers were slaughtered in their homes.", 9),
        ("fr", "Six bergers ont été décapités près du puits.", 6),
        ("fr", "Quatre élus locaux ont été assassinés la semaine dernière.", 4),
    ],
)
def test_beheaded_slaughtered_and_assassinated_are_deaths(
    language: str, text: str, low: int
) -> None:
    (toll,) = toll_finder(language).find(text, 0)
    assert toll.low == low


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "au moins 20 villageois dont des femmes et des enfants ont été tués par les assaillants",
        ),
        ("en", "at least 20 villagers including women and children were killed by the assailants"),
    ],
)
def test_and_inside_a_breakdown_does_not_end_the_figure(language: str, text: str) -> None:
    (toll,) = toll_finder(language).find(text, 0)
    assert toll.low == 20


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Vingt personnes, dont 4 gendarmes et 16 volontaires de la défense civile du "
            "secteur, sont mortes dans l'attaque.",
        ),
        (
            "en",
            "Twenty people, including 4 gendarmes and 16 members of the local civil defence "
            "militia of the area, died in the attack.",
        ),
    ],
)
def test_the_death_word_after_a_long_breakdown_still_counts(language: str, text: str) -> None:
    tolls = toll_finder(language).find(text, 0)
    assert [t.low for t in tolls] == [20]


@pytest.mark.parametrize(
    ("language", "text", "lows"),
    [
        ("en", "Police put the number of dead at 9; the rebels said 14 were killed.", [9, 14]),
        ("en", "The toll climbed to 23 on Friday.", [23]),
        ("en", "The number of dead reached 31 after a search of the wells.", [31]),
        ("fr", "Le bilan s'élève à 17.", [17]),
        ("fr", "Le nombre de morts est passé à 40 vendredi.", [40]),
        ("fr", "Un bilan officiel fait état de plus d'une vingtaine de gardes tombés.", [20]),
    ],
)
def test_a_figure_after_a_toll_cue_is_a_toll(language: str, text: str, lows: list[int]) -> None:
    tolls = toll_finder(language).find(text, 0)
    assert [t.low for t in tolls] == lows
    assert all(t.victims != "attackers" for t in tolls[:1])  # "9; the rebels": another clause


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Three witnesses put the death toll at 26."),
        ("en", "One doctor put the number of dead at 26."),
        ("fr", "Deux sources portent le bilan à 26."),
    ],
)
def test_who_gives_a_toll_is_not_counted_in_it(language: str, text: str) -> None:
    assert [t.low for t in toll_finder(language).find(text, 0)] == [26]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Officials said 2,140 livestock died and 310 houses were lost to the raiders."),
        ("en", "The raiders killed 75 cattle near the river."),
        ("fr", "Les assaillants ont emporté 80 têtes de bétail et abattu 40 bovins."),
    ],
)
def test_animals_and_houses_are_not_deaths(language: str, text: str) -> None:
    assert toll_finder(language).find(text, 0) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Trente personnes, dont 5 gendarmes et 25 volontaires, et 12 assaillants ont été tués "
            "dans les combats.",
        ),
        (
            "en",
            "Thirty people, including 5 gendarmes and 25 guards, and 12 assailants were killed "
            "in the fighting.",
        ),
    ],
)
def test_a_total_named_by_its_breakdown_and_another_group(language: str, text: str) -> None:
    tolls = toll_finder(language).find(text, 0)
    assert [(t.low, t.victims) for t in tolls] == [(30, "soldiers"), (12, "attackers")]


def test_a_guessed_figure_is_hedged_but_a_date_is_no_guess() -> None:
    finder = toll_finder("en")
    (guess,) = finder.find("The final toll is believed to be 80.", 0)
    assert guess.hedged
    text = "On May 3, 7 people were killed."
    (firm,) = finder.find(text, 0, skip=[(3, 8)])
    assert (firm.low, firm.hedged) == (7, False)


def test_a_count_noun_is_told_apart_from_a_death() -> None:
    assert toll_finder("en").names_count("death toll rose to 30")
    assert toll_finder("fr").names_count("bilan s'élève à 30")
    assert not toll_finder("en").names_count("deaths of 30 soldiers")


@pytest.mark.parametrize(
    ("language", "text", "listed"),
    [
        ("en", "the deaths of 30 militiamen and 4 soldiers", [False, True]),
        ("en", "5 were killed, while residents said 9 people were killed", [False, False]),
        ("fr", "trente personnes, dont 5 gendarmes, et 12 assaillants ont été tués", [False, True]),
        ("en", "killing 12 soldiers and several others", [False, False]),
    ],
)
def test_figures_listed_together(language: str, text: str, listed: list[bool]) -> None:
    assert [t.listed for t in toll_finder(language).find(text, 0)] == listed


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "No one was killed, a police spokesman said."),
        ("fr", "Personne n'a été tué, selon un élu local."),
    ],
)
def test_no_one_killed_is_no_death(language: str, text: str) -> None:
    assert toll_finder(language).find(text, 0) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The blast killed at least nine people, police said."),
        ("fr", "L'explosion a tué neuf personnes, selon la police."),
    ],
)
def test_a_toll_of_people_is_not_the_source_s(language: str, text: str) -> None:
    (toll,) = toll_finder(language).find(text, 0)
    assert (toll.low, toll.victims) == (9, None)


def test_bodies_found_are_deaths_in_french() -> None:
    (toll,) = toll_finder("fr").find("Au moins 23 corps ont été retrouvés près du puits.", 0)
    assert toll.low == 23


@pytest.mark.parametrize(
    ("language", "text", "low"),
    [
        ("en", "Gunmen ambushed a lorry near Bunia, killing its driver.", 1),
        ("fr", "Des hommes armés ont attaqué un camion près de Bunia, tuant son chauffeur.", 1),
        ("en", "The army said it killed its targets near Bunia.", None),
    ],
)
def test_killing_one_person_named_by_a_possessive(
    language: str, text: str, low: int | None
) -> None:
    assert [t.low for t in toll_finder(language).find(text, 0)] == ([low] if low else [])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Gunmen killed nine people in attacks on two villages."),
        ("fr", "Des hommes armés ont tué neuf personnes dans des attaques contre deux villages."),
    ],
)
def test_a_toll_told_with_the_attacks_it_came_from(language: str, text: str) -> None:
    assert [t.low for t in toll_finder(language).find(text, 0)] == [9]
