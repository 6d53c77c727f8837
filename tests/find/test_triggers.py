from __future__ import annotations

from itertools import pairwise

import pytest

from strife.find.triggers import trigger_finder


@pytest.mark.parametrize(
    ("language", "text", "tactic"),
    [
        ("en", "Gunmen ambushed a patrol", "attack"),
        ("en", "a drone strike hit the market", "airstrike"),
        ("en", "an IED exploded under the vehicle", "ied"),
        ("en", "a suicide bomber blew himself up", "suicide"),
        ("en", "militants abducted 20 women", "abduct"),
        ("en", "protesters marched on parliament", "protest"),
        ("en", "rioters torched the police station", "riot"),
        ("en", "the group captured the town", "capture"),
        ("en", "troops recaptured the town", "retake"),
        ("fr", "une embuscade contre une patrouille", "attack"),
        ("fr", "une frappe de drone a visé le marché", "airstrike"),
        ("fr", "un engin explosif improvisé a explosé", "ied"),
        ("fr", "des hommes armés ont enlevé trois enseignants", "abduct"),
        ("fr", "des manifestants ont marché", "protest"),
        ("fr", "dix soldats ont été tués", "kill"),
        ("fr", "les jihadistes ont pris le contrôle de la ville", "capture"),
        ("en", "gunmen seized a vehicle belonging to an NGO", "loot"),
        ("en", "a shoot-out broke out in the neighbourhood", "firefight"),
        ("fr", "une fusillade a éclaté près du marché", "firefight"),
        ("en", "the protest turned violent in the afternoon", "riot"),
        ("fr", "la manifestation a dégénéré en fin de journée", "riot"),
        ("en", "troops seized weapons and ammunition from the group", "disrupted"),
        ("fr", "des hommes armés ont emporté deux motos", "loot"),
        ("fr", "les militaires ont saisi des armes et des munitions", "disrupted"),
    ],
)
def test_triggers(language: str, text: str, tactic: str) -> None:
    found = trigger_finder(language).find(text)
    assert tactic in {t.tactic for t in found}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The central bank raised interest rates."),
        ("fr", "Le match de football s'est terminé."),
    ],
)
def test_prefilter_drops_sentences_without_triggers(language: str, text: str) -> None:
    assert not trigger_finder(language).has_trigger(text)


def test_modality() -> None:
    en = trigger_finder("en")
    assert en.is_hypothetical("the group threatened to attack the town")
    assert en.is_negated("the army denied that any attack took place")
    assert not en.is_negated("no one was killed in the attack")  # the attack still happened
    assert en.is_background("thousands of people have been killed since 2012")
    assert en.is_background("over 400 soldiers have been killed since the start of last month")
    fr = trigger_finder("fr")
    assert fr.is_background("plus de 400 soldats ont été tués depuis le début du mois")
    assert not en.is_hypothetical("gunmen attacked the town on Sunday")
    fr = trigger_finder("fr")
    assert fr.is_hypothetical("le groupe menace de attaquer la ville")
    assert fr.is_negated("l'armée a démenti toute attaque contre le camp")


def test_offsets() -> None:
    (t,) = trigger_finder("en").find("Gunmen ambushed a patrol", 10)
    assert (t.start, t.end, t.text) == (17, 25, "ambushed")


def test_people_captured_during_an_attack_are_not_a_captured_town() -> None:
    found = trigger_finder("en").find("two soldiers who were captured during the Inates attack")
    assert "capture" not in {t.tactic for t in found}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the army discovered and neutralized an IED on the road"),
        ("fr", "les militaires ont neutralisé un engin explosif sur la route"),
    ],
)
def test_a_neutralised_bomb_is_no_death(language: str, text: str) -> None:
    tactics = {t.tactic for t in trigger_finder(language).find(text)}
    assert "kill" not in tactics
    assert "disrupted" in tactics


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "GUNMEN AMBUSHED a patrol; troops killed-and-wounded, anti-attack drills, re-attacked",
        ),
        (
            "en",
            "Militants attacked, abducted and killed: an ambush-style raid, then a drone strike.",
        ),
        ("en", "skilled reattacking overkill killers killed two"),
        ("fr", "L'attaque d'hier : des hommes armés ont tué, enlevé puis incendié l'école."),
        ("fr", "une contre-attaque, l’embuscade et l'attentat-suicide ont fait dix morts"),
    ],
)
def test_find_gives_every_match_of_the_pattern(language: str, text: str) -> None:
    # find() tries the pattern only where a trigger's first word starts: it must find what
    # scanning every character finds
    finder = trigger_finder(language)
    found = [(t.start, t.end, t.text) for t in finder.find(text)]
    assert found == [(m.start(), m.end(), m.group()) for m in finder._pattern.finditer(text)]
    assert found


def test_a_war_going_on_since_a_date_is_background() -> None:
    from strife.find.triggers import trigger_finder

    assert trigger_finder("en").is_ongoing("Fighting has been ongoing since May 10, 2024.")
    assert trigger_finder("fr").is_ongoing("Les combats se poursuivent depuis le 10 mai 2024.")
    assert not trigger_finder("en").is_ongoing("Gunmen killed five people on May 10.")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Nurses staged a rally in Kano against the killings of two colleagues."),
        ("en", "Students held a protest demanding the arrest of men who set fire to a school."),
        ("fr", "Des habitants ont manifesté à Kayes pour dénoncer les tueries de la semaine."),
    ],
)
def test_the_violence_a_protest_is_about_is_not_a_tactic(language: str, text: str) -> None:
    assert {t.tactic for t in trigger_finder(language).find(text)} == {"protest"}


def test_violence_by_the_protesters_in_another_clause_still_counts() -> None:
    text = "Traders protested against new taxes; the protesters burned tires in the market."
    tactics = {t.tactic for t in trigger_finder("en").find(text)}
    assert tactics > {"protest"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The army said it thwarted an attack by jihadists on its post in Tessit."),
        ("en", "The attack was foiled by soldiers on Sunday near the camp."),
        ("fr", "L'armée a déjoué une attaque terroriste contre le camp de Tessit."),
    ],
)
def test_a_foiled_attack_was_fought_off(language: str, text: str) -> None:
    finder = trigger_finder(language)
    assert "clash" in {t.tactic for t in finder.find(text)}
    assert not finder.is_negated(text)


def test_a_foiled_plot_is_not_a_clash() -> None:
    found = trigger_finder("en").find("Police foiled a plan to smuggle weapons into the city.")
    assert "clash" not in {t.tactic for t in found}


def test_outcomes_and_nonviolent_causes() -> None:
    finder = trigger_finder("en")
    (killed,) = finder.find("Floods killed 12 people.")
    assert finder.is_outcome(killed) and finder.names_nonviolent_cause("Floods killed 12 people.")
    (attack,) = finder.find("Gunmen attacked the village.")
    assert not finder.is_outcome(attack)
    assert not finder.names_nonviolent_cause("After the talks collapsed, gunmen killed 12.")
    assert trigger_finder("fr").names_nonviolent_cause("Trois morts dans l'effondrement d'un mur.")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "She went on a trip by a river and sat on an old bench by the school."),
        ("fr", "Elle a vu la ville de loin et a parlé de la région sur une route avec sa sœur."),
    ],
)
def test_no_pattern_keys_the_prefilter_on_everyday_words(language: str, text: str) -> None:
    # the prefilter is what makes news without violence cheap: it must not pass plain prose
    words = text.lower().split()
    finder = trigger_finder(language)
    assert not finder._word_pairs & {f"{a} {b}" for a, b in pairwise(words)}
    assert not finder.has_trigger(text)


@pytest.mark.parametrize(
    ("language", "text", "sport"),
    [
        ("en", "Ghana's striker scored twice in the Africa Cup of Nations qualifier.", True),
        ("fr", "Le sélectionneur a retenu un ailier pour les éliminatoires.", True),
        ("en", "A coach carrying traders was attacked near Mopti.", False),
        ("fr", "Les attaquants ont tué quatre gendarmes et blessé un défenseur des droits.", False),
    ],
)
def test_two_sport_words_make_a_sports_story(language: str, text: str, sport: bool) -> None:
    assert trigger_finder(language).is_sport(text) is sport


@pytest.mark.parametrize(
    ("language", "text", "tactic", "found"),
    [
        ("en", "Nobody was killed in the raid, the mayor said.", "kill", False),
        ("en", "No one was hurt but two guards were killed.", "kill", True),
        ("fr", "Personne n'a été tué lors du pillage, selon le maire.", "kill", False),
        ("en", "The gunmen marched the hostages into the forest.", "protest", False),
        ("en", "Hundreds marched through Zinder on Friday.", "protest", True),
    ],
)
def test_violence_said_not_to_have_happened_is_no_trigger(
    language: str, text: str, tactic: str, found: bool
) -> None:
    assert (tactic in {t.tactic for t in trigger_finder(language).find(text)}) is found


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Une attaque a visé le marché de Djibo mercredi.", False),
        ("Des milliers de personnes ont marché dans les rues de Niamey.", True),
        ("Une marche pacifique a eu lieu à Bamako.", True),
    ],
)
def test_a_market_is_no_march(text: str, protest: bool) -> None:
    assert ("protest" in {t.tactic for t in trigger_finder("fr").find(text)}) is protest
