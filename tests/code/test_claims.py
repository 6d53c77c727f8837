from __future__ import annotations

import pytest

from strife.code.claims import claim_finder, inside_quote


@pytest.mark.parametrize(
    ("language", "text", "claimant", "kind"),
    [
        (
            "en",
            "According to two security sources, 30 soldiers were killed.",
            "two security sources",
            "security_source",
        ),
        (
            "en",
            "A municipal official from nearby Mondoro said the camp fell.",
            "A municipal official from nearby Mondoro",
            "local_official",
        ),
        (
            "en",
            "14 soldiers died, the country's defence minister said in a statement.",
            "the country's defence minister",
            "government",
        ),
        ("en", "Residents said 12 people died.", "Residents", "witness"),
        ("en", "Ten were killed, Human Rights Watch said.", "Human Rights Watch", "humanitarian"),
        (
            "fr",
            "selon des sources sécuritaires, dix soldats ont été tués.",
            "des sources sécuritaires",
            "security_source",
        ),
        (
            "fr",
            "Dix soldats ont été tués, a déclaré à l'AFP un élu local.",
            "un élu local",
            "local_official",
        ),
        (
            "fr",
            "Le ministère de la Défense a annoncé la mort de deux soldats.",
            "Le ministère de la Défense",
            "government",
        ),
    ],
)
def test_claimants_and_kinds(language: str, text: str, claimant: str, kind: str) -> None:
    found = claim_finder(language).claimants(text, 0)
    assert (found[0].text, found[0].kind) == (claimant, kind)


def test_claim_after_a_verb_must_close_the_clause() -> None:
    found = claim_finder("en").claimants("The mayor said the insurgents overran the camp.", 0)
    assert [c.text for c in found] == ["The mayor"]


def test_pronoun_claimants_are_marked_for_resolution() -> None:
    (claimant,) = claim_finder("en").claimants(
        "Last Friday, it claimed to have captured a base.", 0
    )
    assert claimant.pronoun


@pytest.mark.parametrize(
    ("language", "text", "responsibility", "denial"),
    [
        ("en", "JNIM claimed responsibility for the attack.", True, False),
        ("en", "The army said it had repelled the assault.", False, True),
        ("fr", "L'attaque a été revendiquée par le JNIM.", True, False),
        ("fr", "L'armée a démenti la prise du camp.", False, True),
        ("en", "Soldiers patrolled the town.", False, False),
    ],
)
def test_responsibility_and_denial(
    language: str, text: str, responsibility: bool, denial: bool
) -> None:
    finder = claim_finder(language)
    assert (finder.claims_responsibility(text), finder.denies(text)) == (responsibility, denial)


@pytest.mark.parametrize(
    ("language", "text", "claimant", "kind"),
    [
        ("en", "Village elders have also reported that six died.", "Village elders", "unknown"),
        (
            "en",
            "The raid, which a village chief said left four dead.",
            "a village chief",
            "local_official",
        ),
        ("en", "Four died, according to nurses who spoke to reporters.", "nurses", "witness"),
        (
            "en",
            "Ukrainian military bloggers said 40 were killed.",
            "Ukrainian military bloggers",
            "media",
        ),
        ("en", "A Kenyan army officer said nine died.", "A Kenyan army officer", "security_source"),
        (
            "en",
            "A spokesman for the police said two died.",
            "A spokesman for the police",
            "government",
        ),
        ("fr", "Six morts, a indiqué un habitant.", "un habitant", "witness"),
        ("fr", "Six morts, selon l'ONU.", "l'ONU", "humanitarian"),
        ("fr", "Six morts, précise encore le maire.", "le maire", "local_official"),
        (
            "fr",
            "Six morts, a-t-on appris jeudi de sources hospitalières.",
            "sources hospitalières",
            "witness",
        ),
    ],
)
def test_claimant_phrases_are_trimmed_and_kinded(
    language: str, text: str, claimant: str, kind: str
) -> None:
    (found,) = claim_finder(language).claimants(text, 0)
    assert (found.text, found.kind) == (claimant, kind)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The death toll was confirmed by a nurse."),
        ("fr", "Un premier bilan fait état de six morts."),
    ],
)
def test_a_count_is_not_a_claimant(language: str, text: str) -> None:
    assert all(
        "toll" not in c.text and "bilan" not in c.text
        for c in claim_finder(language).claimants(text, 0)
    )


def test_a_phrase_ending_on_and_is_not_the_subject() -> None:
    text = "Former rebels said they hit the camp on Friday and announced that six soldiers died."
    found = claim_finder("en").claimants(text, 0)
    assert [(c.text, c.kind) for c in found] == [("Former rebels", "perpetrator")]


def test_claimants_of_other_sentences_are_marked() -> None:
    (back,) = claim_finder("fr").claimants("C’est ce qu’a annoncé jeudi le gouverneur.", 0)
    assert (back.text, back.refers_back) == ("le gouverneur", True)
    (he,) = claim_finder("en").claimants("Four were killed, he said.", 0)
    assert he.pronoun and he.person
    (they,) = claim_finder("en").claimants("Four were killed, they said.", 0)
    assert they.pronoun and not they.person


def test_a_quote_of_several_sentences_is_from_who_closes_it() -> None:
    text = "“Gunmen came at night. Four farmers were killed. We fled,” a village chief said.\nNext."
    end = text.index("killed.") + len("killed.")
    assert inside_quote(text, text.index("Four"), end)
    (chief,) = claim_finder("en").after_quote(text, end)
    assert (chief.text, chief.kind) == ("a village chief", "local_official")
    assert not inside_quote(text, text.index("Next"), len(text))


@pytest.mark.parametrize(
    ("language", "text", "claimant", "kind"),
    [
        # an apposition says what a named claimant is, before or after the verb
        (
            "en",
            "“We counted nine bodies,” said Musa Bello, a nurse at the district clinic.",
            "Musa Bello, a nurse at the district clinic",
            "witness",
        ),
        (
            "en",
            "Hassan Idris, the deputy governor of the region, confirmed the raid.",
            "Hassan Idris, the deputy governor of the region",
            "local_official",
        ),
        (
            "fr",
            "« Six morts », a indiqué le colonel Issa Maïga, gouverneur de la région.",
            "le colonel Issa Maïga, gouverneur de la région",
            "local_official",
        ),
        # a rank names an officer; "general staff" is still the army's
        (
            "en",
            "“It was fierce,” Captain Bala Umar told reporters.",
            "Captain Bala Umar",
            "security_source",
        ),
        ("en", "The Army General Staff said nine died.", "The Army General Staff", "government"),
        ("fr", "Selon l'état-major général, neuf morts.", "l'état-major général", "government"),
        # a phrase saying it is a source is one, of unknown kind
        ("en", "According to several sources, nine died.", "several sources", "unknown"),
        ("fr", "Selon plusieurs sources, neuf morts.", "plusieurs sources", "unknown"),
        ("en", "Early reports suggest that nine died.", "Early reports", "unknown"),
        (
            "en",
            "Resistance committees in the town said nine died.",
            "Resistance committees in the town",
            "witness",
        ),
    ],
)
def test_what_a_claimant_is(language: str, text: str, claimant: str, kind: str) -> None:
    (found,) = claim_finder(language).claimants(text, 0)
    assert (found.text, found.kind) == (claimant, kind)


def test_an_apposition_does_not_override_a_kinded_claimant() -> None:
    (found,) = claim_finder("en").claimants("According to residents, the army killed 9.", 0)
    assert (found.text, found.kind) == ("residents", "witness")
    first = claim_finder("en").claimants(
        "Nine died, according to Reuters, though officials have not confirmed it.", 0
    )[0]
    assert (first.text, first.kind) == ("Reuters", "media")


def test_first_person_speakers_are_named_outside_the_quote() -> None:
    found = claim_finder("en").claimants("“We have counted six dead,” said a nurse.", 0)
    assert [c.text for c in found] == ["a nurse"]


def test_an_adjective_is_no_claim_verb() -> None:
    text = "The drones targeted alleged rebel positions near the river."
    assert claim_finder("en").claimants(text, 0) == []


def test_the_same_source_is_the_one_named_before() -> None:
    (same,) = claim_finder("fr").claimants("Selon la même source, six soldats sont morts.", 0)
    assert same.person and not same.pronoun


@pytest.mark.parametrize(
    ("language", "text", "claimant", "kind"),
    [
        # saying nothing of the event is a statement too
        (
            "en",
            "The defence ministry has not yet provided any details about the casualties.",
            "The defence ministry",
            "government",
        ),
        (
            "en",
            "The junta, which seized power in 2021, has refrained from commenting.",
            "The junta, which seized power in 2021",
            "government",
        ),
        ("fr", "Le gouvernement n'a pas communiqué de bilan.", "Le gouvernement", "government"),
        ("fr", "Aucune réaction de la part de la présidence.", "la présidence", "government"),
        (
            "en",
            "The National Human Rights Commission said it was investigating.",
            "The National Human Rights Commission",
            "humanitarian",
        ),
    ],
)
def test_statements_without_figures(language: str, text: str, claimant: str, kind: str) -> None:
    (found,) = claim_finder(language).claimants(text, 0)
    assert (found.text, found.kind) == (claimant, kind)


@pytest.mark.parametrize(
    ("language", "text", "responsibility"),
    [
        ("en", "No group has yet claimed responsibility for the raid.", False),
        ("en", "The raid was blamed on ISWAP, which never claimed responsibility.", False),
        ("fr", "L'embuscade n'a pas été revendiquée.", False),
        ("fr", "Le groupe, qui n'a jamais revendiqué l'embuscade, est soupçonné.", False),
        ("fr", "L'embuscade a été revendiquée jeudi par l'EIGS.", True),
    ],
)
def test_a_denied_claim_of_responsibility_is_none(
    language: str, text: str, responsibility: bool
) -> None:
    assert claim_finder(language).claims_responsibility(text) is responsibility


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The police have never been accused of such abuses."),
        ("en", "The ambush claimed by ISWAP left nine dead."),
        ("fr", "L'embuscade revendiquée par l'EIGS a fait neuf morts."),
    ],
)
def test_a_passive_verb_has_no_claimant_before_it(language: str, text: str) -> None:
    assert claim_finder(language).claimants(text, 0) == []


def test_an_active_verb_followed_by_by_keeps_its_claimant() -> None:
    (found,) = claim_finder("en").claimants("The police responded by saying nine died.", 0)
    assert found.text == "The police"


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        ("en", "The police were accused by Amnesty of having shot 40 protesters.", "Amnesty"),
        (
            "fr",
            "La milice est accusée par l'ONG Amnesty International d'avoir tué 40 civils.",
            "l'ONG Amnesty International",
        ),
    ],
)
def test_who_accuses_is_the_claimant(language: str, text: str, claimant: str) -> None:
    (found,) = claim_finder(language).claimants(text, 0)
    assert (found.text, found.kind) == (claimant, "humanitarian")


@pytest.mark.parametrize(
    ("language", "text", "claimants"),
    [
        (
            "fr",
            "Trois soldats ont été tués, a-t-on appris de source militaire et auprès d’un élu local.",
            [("source militaire", "security_source"), ("élu local", "local_official")],
        ),
        (
            "en",
            "According to security and medical sources, nine died.",
            [("security", "security_source"), ("medical sources", "witness")],
        ),
        # one kind named twice is one source
        (
            "en",
            "According to NGOs and UN sources, nine died.",
            [("NGOs and UN sources", "humanitarian")],
        ),
    ],
)
def test_sources_named_together_keep_their_kinds(
    language: str, text: str, claimants: list[tuple[str, str]]
) -> None:
    found = claim_finder(language).claimants(text, 0)
    assert [(c.text, c.kind) for c in found] == claimants
    assert [c.joint for c in found] == [False] + [True] * (len(found) - 1)


def test_a_long_source_phrase_after_according_to_keeps_its_kinds() -> None:
    text = (
        "According to security and medical sources in the Tillabéri region and Niamey "
        "contacted by reporters, 40 died."
    )
    found = claim_finder("en").claimants(text, 0)
    assert [c.kind for c in found] == ["security_source", "witness"]


def test_an_accuser_ends_before_what_is_alleged() -> None:
    text = "The herders, often accused by officials of backing the insurgents, fled."
    (found,) = claim_finder("en").claimants(text, 0)
    assert (found.text, found.kind) == ("officials", "government")
