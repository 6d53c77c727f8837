"""The browser tests' database: hand-built extractions, so no spaCy model is needed to fill it.

Placed events are at least ~150 km apart (the map's cluster radius at the first zoom is about
100 km) except the two Boucle du Mouhoun ones, which must form a cluster.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from strife.models import Article, Claim, ClaimantKind, Extraction, Report, Span
from tests.merge.factory import report

#: The hostile strings: if any of them is ever parsed as HTML, ``window.__pwned`` gets set.
SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src="x" onerror="window.__pwned = 1">'

WIRE_TEXT = (
    "Gunmen kill soldiers in attack on army post in central Mali\n\n"
    "Suspected jihadists attacked an army post in Hombori in central Mali on Sunday, "
    "killing 12 soldiers, two security sources said."
)
AFP_TEXT = (
    "Mali : une attaque jihadiste contre un poste de l'armée à Hombori\n\n"
    "Des jihadistes du JNIM ont attaqué dimanche un poste de l'armée malienne à Hombori, "
    "dans le centre du Mali, tuant au moins 15 soldats, selon un élu local."
)
# The emoji is one code point in Python but two UTF-16 units in JS: offsets must not drift.
HOSTILE_TEXT = (
    f"\N{FIRE} Attack in Ménaka {SCRIPT}\n\n"
    f"Gunmen {IMG} killed seven civilians in Ménaka on Wednesday, residents said. "
    f"{SCRIPT} The army {IMG} did not comment."
)


def spans(text: str, sentence: str, **phrases: str) -> list[Span]:
    """A sentence span and, for each field, the first occurrence of its phrase in that sentence."""
    start = text.index(sentence)
    found = [Span(start=start, end=start + len(sentence), text=sentence, field="sentence")]
    for field, phrase in phrases.items():
        at = text.index(phrase, start, start + len(sentence))
        found.append(Span(start=at, end=at + len(phrase), text=phrase, field=field))  # type: ignore[arg-type]
    return found


def claim(text: str, says: str, claimant: str, kind: ClaimantKind, killed: int | None) -> Claim:
    start = text.index(says)
    span = Span(start=start, end=start + len(says), text=says, field="claim")
    return Claim(claimant=claimant, kind=kind, says=says, killed=killed, evidence=[span])


def tolled(claims: list[Claim]) -> dict[str, Any]:
    figures = [c.killed for c in claims if c.killed is not None]
    low = min(figures, default=0)
    return {
        "claims": claims,
        "fatalities": low,
        "fatalities_low": low,
        "fatalities_best": low,
        "fatalities_high": max(figures, default=0),
    }


def _extraction(article: Article, *reports: Report, language: str = "en") -> Extraction:
    return Extraction(article=article, reports=list(reports), language=language)


def _wire() -> Extraction:
    sentence = WIRE_TEXT.split("\n\n")[1]
    evidence = spans(
        WIRE_TEXT,
        sentence,
        actor1="Suspected jihadists",
        trigger="attacked",
        location="Hombori",
        event_date="on Sunday",
        fatalities="12 soldiers",
    )
    claims = [
        claim(WIRE_TEXT, "killing 12 soldiers", "two security sources", "security_source", 12)
    ]
    article = Article(
        id="a-wire",
        text=WIRE_TEXT,
        url="https://wire.example/mali-hombori",
        title="Gunmen kill soldiers in attack on army post in central Mali",
        outlet="Wire Service",
        published=date(2025, 6, 2),
        language="en",
    )
    return _extraction(article, report("a-wire", evidence=evidence, **tolled(claims)))


def _afp() -> Extraction:
    sentence = AFP_TEXT.split("\n\n")[1]
    evidence = spans(
        AFP_TEXT,
        sentence,
        actor1="JNIM",
        trigger="ont attaqué",
        event_date="dimanche",
        location="Hombori",
        fatalities="15 soldats",
    )
    claims = [claim(AFP_TEXT, "tuant au moins 15 soldats", "un élu local", "local_official", 15)]
    article = Article(
        id="a-afp",
        text=AFP_TEXT,
        url="https://afp.example/mali",
        outlet="AFP",
        published=date(2025, 6, 2),
        language="fr",
    )
    return _extraction(article, report("a-afp", evidence=evidence, **tolled(claims)), language="fr")


def _simple(
    article_id: str, text: str, sentence: str, phrases: dict[str, str], **fields: Any
) -> Extraction:
    """One article with one report coded from one sentence."""
    article = Article(
        id=article_id,
        text=text,
        outlet="Local Radio",
        published=fields["event_date"],
        language="en",
    )
    return _extraction(
        article, report(article_id, evidence=spans(text, sentence, **phrases), **fields)
    )


def _kaya() -> Extraction:
    text = (
        "Gunmen killed 30 villagers near Kaya on Tuesday, a local official said. "
        "The government denied any deaths."
    )
    sentence = text.split(". ")[0] + "."
    claims = [
        claim(text, "killed 30 villagers", "a local official", "local_official", 30),
        claim(text, "The government denied any deaths", "the government", "government", None),
    ]
    return _simple(
        "a-kaya",
        text,
        sentence,
        {"actor1": "Gunmen", "fatalities": "30 villagers", "location": "Kaya"},
        event_date=date(2025, 5, 20),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Burkina Faso)",
        inter1=3,
        actor2="Civilians (Burkina Faso)",
        inter2=7,
        interaction=37,
        country="Burkina Faso",
        iso=854,
        admin1="Centre-Nord",
        admin2="Sanmatenga",
        location="Kaya",
        latitude=13.0917,
        longitude=-1.0844,
        disputed=True,
        **tolled(claims),
    )


def _mouhoun(
    article_id: str, place: str, lat: float, lon: float, day: date, killed: int
) -> Extraction:
    text = f"Soldiers and militants clashed in {place}, killing {killed} people, the army said."
    claims = [claim(text, f"killing {killed} people", "the army", "government", killed)]
    return _simple(
        article_id,
        text,
        text,
        {"trigger": "clashed", "location": place},
        event_date=day,
        actor2="Military Forces of Burkina Faso",
        country="Burkina Faso",
        iso=854,
        admin1="Boucle du Mouhoun",
        admin2="Banwa",
        location=place,
        latitude=lat,
        longitude=lon,
        **tolled(claims),
    )


def _tillaberi() -> Extraction:
    text = "A drone strike in the Tillabéri region killed eight militants on 10 May, the army said."
    claims = [claim(text, "killed eight militants", "the army", "government", 8)]
    return _simple(
        "a-tillaberi",
        text,
        text,
        {"trigger": "drone strike", "location": "Tillabéri region", "event_date": "10 May"},
        event_date=date(2025, 5, 10),
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Niger",
        inter1=1,
        actor2="Islamic State Sahel Province",
        inter2=2,
        interaction=12,
        country="Niger",
        iso=562,
        admin1="Tillabéri",
        admin2=None,
        location="Tillabéri",
        latitude=14.2117,
        longitude=1.4531,
        geo_precision=3,
        **tolled(claims),
    )


def _agreement() -> Extraction:
    text = "Armed groups and the government signed a ceasefire agreement on 25 May, officials said."
    return _simple(
        "a-agreement",
        text,
        text,
        {"trigger": "signed a ceasefire agreement"},
        event_date=date(2025, 5, 25),
        event_type="Strategic developments",
        sub_event_type="Agreement",
        disorder_type="Strategic developments",
        actor1="Government of Mali",
        inter1=1,
        actor2=None,
        inter2=None,
        interaction=10,
        admin1=None,
        admin2=None,
        location=None,
        latitude=None,
        longitude=None,
        geo_precision=None,
    )


def _bamako() -> Extraction:
    text = "Hundreds of people marched peacefully in Bamako on 15 April against fuel prices."
    return _simple(
        "a-bamako",
        text,
        text,
        {"trigger": "marched peacefully", "location": "Bamako"},
        event_date=date(2025, 4, 15),
        disorder_type="Demonstrations",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Mali)",
        inter1=6,
        actor2=None,
        inter2=None,
        interaction=60,
        admin1="Bamako",
        admin2="Bamako",
        location="Bamako",
        latitude=12.65,
        longitude=-8.0,
    )


def _hostile() -> Extraction:
    sentence = f"Gunmen {IMG} killed seven civilians in Ménaka on Wednesday, residents said."
    claims = [claim(HOSTILE_TEXT, "killed seven civilians", SCRIPT, "witness", 7)]
    article = Article(
        id="a-hostile",
        text=HOSTILE_TEXT,
        url="javascript:window.__pwned = 1",
        title=f"Ménaka {IMG}",
        outlet=f"{SCRIPT} Radio",
        published=date(2025, 5, 29),
        language="en",
    )
    evidence = spans(
        HOSTILE_TEXT,
        sentence,
        actor1=f"Gunmen {IMG}",
        fatalities="seven civilians",
        location="Ménaka",
    )
    hostile = report(
        "a-hostile",
        evidence=evidence,
        event_date=date(2025, 5, 28),
        event_type="Violence against civilians",
        sub_event_type=f"Attack {IMG}",
        actor1=f"Gunmen {IMG}",
        inter1=3,
        actor2="Civilians (Mali)",
        inter2=7,
        interaction=37,
        admin1="Ménaka",
        admin2=None,
        location=f"Ménaka {SCRIPT}",
        latitude=15.9182,
        longitude=2.4022,
        **tolled(claims),
    )
    return _extraction(article, hostile)


def extractions() -> list[Extraction]:
    """Eight events; the two Hombori reports (English wire, French AFP) merge into one."""
    return [
        _wire(),
        _afp(),
        _kaya(),
        _mouhoun("a-solenzo", "Solenzo", 12.1742, -4.0848, date(2025, 3, 10), 50),
        _mouhoun("a-sanaba", "Sanaba", 12.4300, -3.7800, date(2025, 3, 12), 6),
        _tillaberi(),
        _agreement(),
        _bamako(),
        _hostile(),
    ]
