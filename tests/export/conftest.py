"""Invented merged events for the export tests, built from invented articles.

Evidence offsets are computed from the article texts below, never typed by hand. The events
cover the cases each format must handle: a two-source battle with competing claims, a
region-level massacre of civilians over a week, an unplaced air strike with one actor, a
peaceful protest, and an event full of text that breaks naive writers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from strife.models import Claim, Event, Report, Source, Span

REUTERS_TEXT = (
    "Jihadists attacked the army camp at Boulkessi in central Mali on Sunday, security sources "
    "said. JNIM said it killed 40 soldiers. Two security sources said over 30 soldiers died."
)
TAMANI_TEXT = (
    "Le camp de Boulkessi a été attaqué dimanche. L'armée affirme avoir tué 30 terroristes."
)
BURKINA_TEXT = "Gunmen killed 12 civilians in the Sahel region last week, a local official said."
HOSTILE_TEXT = (
    'Gunmen, "armed", attacked Kidal\n<script>alert(1)</script>; 3 killed, said the mayor, "ok".'
)


def sentence(text: str, fragment: str, field: str = "sentence") -> Span:
    start = text.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment, field=field)  # type: ignore[arg-type]


def _battle() -> Event:
    reuters = Report(
        id="a-reuters-1",
        article_id="a-reuters",
        event_date=date(2025, 6, 1),
        time_precision=1,
        date_text="Sunday",
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="JNIM: Group for Support of Islam and Muslims",
        inter1=2,
        actor2="Military Forces of Mali",
        inter2=1,
        interaction=12,
        country="Mali",
        location="Boulkessi",
        claims=[
            Claim(
                claimant="JNIM",
                kind="perpetrator",
                says="it killed 40 soldiers",
                killed=40,
                victims="soldiers",
            ),
            Claim(
                claimant="two security sources",
                kind="security_source",
                says="over 30 soldiers died",
                killed=30,
                victims="soldiers",
            ),
        ],
        evidence=[
            sentence(REUTERS_TEXT, "Jihadists attacked the army camp at Boulkessi in central Mali"),
            sentence(REUTERS_TEXT, "Boulkessi", "location"),
            sentence(REUTERS_TEXT, "JNIM said it killed 40 soldiers."),
        ],
    )
    tamani = Report(
        id="a-tamani-1",
        article_id="a-tamani",
        event_date=date(2025, 6, 1),
        time_precision=1,
        date_text="dimanche",
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="JNIM: Group for Support of Islam and Muslims",
        inter1=2,
        actor2="Military Forces of Mali",
        inter2=1,
        interaction=12,
        country="Mali",
        location="Boulkessi",
        claims=[
            Claim(
                claimant="l'armée",
                kind="government",
                says="avoir tué 30 terroristes",
                killed=30,
                victims="attackers",
            )
        ],
        evidence=[sentence(TAMANI_TEXT, "L'armée affirme avoir tué 30 terroristes.")],
    )
    return Event(
        event_id="ev-boulkessi",
        event_date=date(2025, 6, 1),
        date_start=date(2025, 6, 1),
        date_end=date(2025, 6, 1),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="JNIM: Group for Support of Islam and Muslims",
        inter1=2,
        actor2="Military Forces of Mali",
        inter2=1,
        interaction=12,
        country="Mali",
        iso=466,
        region="Western Africa",
        admin1="Mopti",
        admin2="Djenne",
        location="Boulkessi",
        latitude=14.6512345,
        longitude=-1.3500049,
        geo_precision=1,
        fatalities=30,
        fatalities_low=30,
        fatalities_best=35,
        fatalities_high=40,
        disputed=True,
        contradictions=["JNIM claims 40 soldiers killed; the army says 30 attackers died"],
        reports=[reuters, tamani],
        sources=[
            Source(
                article_id="a-reuters",
                url="https://www.reuters.com/world/africa/mali-boulkessi-2025-06-02/",
                title="Jihadists attack Mali army camp",
                published=date(2025, 6, 2),
                language="en",
            ),
            Source(
                article_id="a-tamani",
                outlet="Studio Tamani",
                url="https://www.studiotamani.org/2025/06/02/boulkessi",
                title="Attaque du camp de Boulkessi",
                published=date(2025, 6, 2),
                language="fr",
            ),
        ],
    )


def _massacre() -> Event:
    report = Report(
        id="a-burkina-1",
        article_id="a-burkina",
        disorder_type="Political violence",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Burkina Faso)",
        inter1=3,
        actor2="Civilians (Burkina Faso)",
        inter2=7,
        interaction=37,
        civilian_targeting=True,
        reported_date=date(2025, 6, 2),
        claims=[
            Claim(
                claimant="a local official",
                kind="local_official",
                says="killed 12 civilians",
                killed=12,
                victims="civilians",
            )
        ],
        evidence=[sentence(BURKINA_TEXT, BURKINA_TEXT)],
    )
    return Event(
        event_id="ev-sahel",
        event_date=date(2025, 5, 29),
        date_start=date(2025, 5, 26),
        date_end=date(2025, 6, 1),
        time_precision=2,
        disorder_type="Political violence",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Burkina Faso)",
        inter1=3,
        actor2="Civilians (Burkina Faso)",
        inter2=7,
        interaction=37,
        civilian_targeting=True,
        country="Burkina Faso",
        admin1="Sahel",
        location="Sahel",
        latitude=14.0354,
        longitude=-0.0345,
        geo_precision=3,
        fatalities=12,
        fatalities_low=12,
        fatalities_best=12,
        fatalities_high=12,
        reports=[report],
        sources=[
            Source(article_id="a-burkina", url="https://burkina24.com/2025/06/02/sahel"),
            Source(article_id="a-burkina-rfi", outlet="RFI", url="https://www.rfi.fr/fr/afrique/x"),
        ],
    )


def _unplaced() -> Event:
    return Event(
        event_id="ev-niger-strike",
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Niger",
        inter1=1,
        interaction=10,
        country="Niger",
        fatalities=5,
        fatalities_low=5,
        fatalities_best=5,
        fatalities_high=5,
        sources=[Source(article_id="a-air", outlet="Air Info")],
        flags=["unplaced", "unresolved_date"],
    )


def _protest() -> Event:
    return Event(
        event_id="ev-protest",
        event_date=date(2025, 6, 3),
        date_start=date(2025, 6, 3),
        date_end=date(2025, 6, 3),
        time_precision=1,
        disorder_type="Demonstrations",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Mali)",
        inter1=6,
        interaction=60,
        country="Mali",
        admin1="Bamako",
        location="Bamako",
        latitude=12.65,
        longitude=-8.0,
        geo_precision=1,
        sources=[Source(article_id="a-maliweb", url="https://www.maliweb.net/x")],
    )


HOSTILE = "Kidal, \"north\"\n<script>alert(1)</script>; 'x'"


def _hostile() -> Event:
    report = Report(
        id="a-hostile-1",
        article_id="a-hostile",
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=f"Rebels {HOSTILE}",
        inter1=2,
        actor2="Military Forces of Mali",
        inter2=1,
        interaction=12,
        claims=[Claim(claimant=HOSTILE, kind="local_official", says=HOSTILE, killed=3)],
        evidence=[sentence(HOSTILE_TEXT, HOSTILE_TEXT)],
    )
    return Event(
        event_id="ev-hostile",
        event_date=date(2025, 6, 4),
        date_start=date(2025, 6, 4),
        date_end=date(2025, 6, 4),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=f"Rebels {HOSTILE}",
        inter1=2,
        actor2="Military Forces of Mali",
        inter2=1,
        interaction=12,
        country="Mali",
        admin1=HOSTILE,
        location=HOSTILE,
        latitude=18.44,
        longitude=1.41,
        geo_precision=1,
        fatalities=3,
        contradictions=[HOSTILE],
        reports=[report],
        sources=[
            Source(article_id="a-hostile", outlet=HOSTILE, title=HOSTILE, url="https://x.example/a")
        ],
    )


@pytest.fixture
def battle() -> Event:
    """JNIM against the Malian army at Boulkessi: Reuters (by URL) and Studio Tamani."""
    return _battle()


@pytest.fixture
def massacre() -> Event:
    """Civilians killed in Burkina Faso's Sahel region over a week: Burkina24 and RFI."""
    return _massacre()


@pytest.fixture
def unplaced() -> Event:
    """A Nigerien air strike known only to the country, with no target and no report."""
    return _unplaced()


@pytest.fixture
def protest() -> Event:
    """A peaceful protest in Bamako: no violence, no deaths."""
    return _protest()


@pytest.fixture
def hostile() -> Event:
    """Commas, quotes, a newline, a semicolon and a <script> tag in names, places and claims."""
    return _hostile()


@pytest.fixture
def events() -> list[Event]:
    return [_battle(), _massacre(), _unplaced(), _protest(), _hostile()]


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """The Boulkessi battle with fields replaced: ``make_event(inter2=7, actor2="Civilians")``."""

    def build(**updates: Any) -> Event:
        return _battle().model_copy(update=updates)

    return build
