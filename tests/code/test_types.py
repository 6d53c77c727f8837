from __future__ import annotations

import pytest

from strife.code.actors import ActorMention
from strife.code.types import classify, taxonomy


def _actor(role: str, inter: int, name: str | None = None) -> ActorMention:
    return ActorMention(0, 1, name or role, role, name, inter, ("ML",))


JNIM = _actor("named", 2, "JNIM: Group for Support of Islam and Muslims")
ARMY = _actor("military", 1)
GUNMEN = _actor("unidentified_armed_group", 3)
VILLAGERS = _actor("civilians", 7)


def _sub(
    tactics: set[str], actors: list[ActorMention], victims: set[str] | None = None, **kw: bool
) -> str | None:
    named = [a for a in actors if a.role == "named" and a.inter != 1]
    decision = classify(
        tactics=tactics,
        actors=actors,
        named_groups=named,
        victims=set(victims or ()),
        military_target=kw.get("military", False),
        civilian_target=kw.get("civilian", False),
        disputed=kw.get("disputed", False),
    )
    return None if decision is None else decision.type.sub_event_type


def test_taxonomy_has_25_sub_event_types_in_6_types() -> None:
    types = taxonomy()
    assert len(types) == 25
    assert len({t.event_type for t in types.values()}) == 6


@pytest.mark.parametrize(
    ("tactics", "actors", "victims", "flags", "expected"),
    [
        ({"attack", "kill"}, [JNIM, ARMY], {"soldiers"}, {}, "Armed clash"),
        (
            {"capture"},
            [JNIM, ARMY],
            set(),
            {"military": True},
            "Non-state actor overtakes territory",
        ),
        (
            {"capture", "clash"},
            [JNIM, ARMY],
            set(),
            {"military": True, "disputed": True},
            "Armed clash",
        ),
        ({"retake"}, [ARMY, JNIM], set(), {}, "Government regains territory"),
        ({"attack", "kill"}, [GUNMEN, VILLAGERS], {"civilians"}, {}, "Attack"),
        ({"abduct"}, [GUNMEN, VILLAGERS], set(), {}, "Abduction/forced disappearance"),
        ({"abduct", "kill"}, [GUNMEN], {"civilians"}, {}, "Attack"),
        ({"airstrike", "kill"}, [ARMY], {"civilians"}, {}, "Air/drone strike"),
        ({"ied", "kill"}, [GUNMEN], {"soldiers"}, {}, "Remote explosive/landmine/IED"),
        ({"ied", "clash"}, [GUNMEN, ARMY], set(), {"military": True}, "Armed clash"),
        ({"suicide", "kill"}, [GUNMEN], {"civilians"}, {}, "Suicide bomb"),
        ({"protest"}, [], set(), {}, "Peaceful protest"),
        (
            {"protest", "intervention"},
            [_actor("police", 1)],
            set(),
            {},
            "Protest with intervention",
        ),
        ({"protest", "riot"}, [], set(), {}, "Violent demonstration"),
        ({"riot"}, [], set(), {}, "Violent demonstration"),
        ({"mob", "kill"}, [], set(), {}, "Mob violence"),
        ({"clash"}, [VILLAGERS], set(), {}, "Mob violence"),
        ({"attack"}, [_actor("police", 1), VILLAGERS], set(), {}, "Attack"),
        ({"destroy"}, [GUNMEN], set(), {}, "Looting/property destruction"),
        ({"disrupted", "ied"}, [ARMY], set(), {}, "Disrupted weapons use"),
        # a shoot-out between unnamed sides, or soldiers in a clash: a battle, not a riot
        ({"firefight"}, [], set(), {}, "Armed clash"),
        ({"attack", "firefight"}, [GUNMEN], set(), {"civilian": True}, "Armed clash"),
        ({"clash"}, [ARMY], set(), {}, "Armed clash"),
        ({"attack", "kill", "destroy"}, [ARMY], {"soldiers"}, {}, "Armed clash"),
        ({"clash"}, [_actor("police", 1), VILLAGERS], set(), {}, "Mob violence"),
        # weapons picked up after a fight: the fight is the event
        ({"clash", "disrupted"}, [ARMY, GUNMEN], set(), {}, "Armed clash"),
    ],
)
def test_sub_event_type(
    tactics: set[str],
    actors: list[ActorMention],
    victims: set[str],
    flags: dict[str, bool],
    expected: str,
) -> None:
    assert _sub(tactics, actors, victims, **flags) == expected


def test_soldiers_killing_militants_puts_the_state_first() -> None:
    decision = classify(
        tactics={"kill"},
        actors=[ARMY, JNIM],
        named_groups=[JNIM],
        victims={"attackers"},
        military_target=False,
        civilian_target=False,
        disputed=False,
    )
    assert decision is not None
    assert (decision.actor1, decision.actor2) == (ARMY, JNIM)


def test_nothing_codeable() -> None:
    assert _sub({"arrest"}, [], set()) is None


def test_an_armed_group_attacked_by_gunmen_fought_them() -> None:
    gatia = ActorMention(30, 35, "GATIA", "named", "GATIA", 3, ("ML",), target=True)
    decision = classify(
        tactics={"attack"},
        actors=[GUNMEN, gatia],
        named_groups=[gatia],
        victims=set(),
        military_target=False,
        civilian_target=True,
        disputed=False,
    )
    assert decision is not None
    assert (decision.type.sub_event_type, decision.actor1, decision.actor2) == (
        "Armed clash",
        GUNMEN,
        gatia,
    )


def test_peacekeepers_attacked_by_a_group_come_second() -> None:
    minusma = ActorMention(0, 7, "MINUSMA", "named", "MINUSMA", 8, ("ML",))
    aqim = ActorMention(40, 44, "AQIM", "named", "AQIM", 2, ("ML",), agent=True)
    decision = classify(
        tactics={"attack"},
        actors=[minusma, aqim],
        named_groups=[minusma, aqim],
        victims=set(),
        military_target=True,
        civilian_target=False,
        disputed=False,
    )
    assert decision is not None
    assert (decision.actor1, decision.actor2) == (aqim, minusma)
