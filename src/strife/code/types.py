"""ACLED event type, sub-event type and actor pair from an event's tactics and participants.

The taxonomy and its precedence are ``data/taxonomy.yaml`` (ACLED codebook, research/anchors.md
§1.2–1.3). The rules here decide, for one event, *who did what to whom*:

- two organised armed sides (state, rebels, militias, external forces) → Battles, unless only
  remote weapons were used → Explosions/Remote violence;
- an armed side against unarmed people → Violence against civilians (civilians are actor2);
- crowds → Protests or Riots; looting, arrests, defusals alone → Strategic developments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from strife.code.actor_lexicon import actor_by_name
from strife.code.actors import ActorMention
from strife.resources import load_yaml

# Remote-violence tactics in ACLED's precedence order.
_VIOLENT = {"attack", "kill", "clash", "capture", "retake", "abduct", "sexual"}


@dataclass(frozen=True, slots=True)
class EventType:
    """An ACLED (disorder type, event type, sub-event type) triple."""

    disorder: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Decision:
    """The coded type and actor pair; an actor is a mention or a generic role name."""

    type: EventType
    actor1: ActorMention | str
    actor2: ActorMention | str | None


@cache
def remote_tactics() -> dict[str, str]:
    """Remote-violence tactic → sub-event type, in precedence order (``data/taxonomy.yaml``)."""
    return dict(load_yaml("taxonomy.yaml")["remote_tactics"])


@cache
def taxonomy() -> dict[str, EventType]:
    """Sub-event type → its full triple, from ``data/taxonomy.yaml``."""
    data = load_yaml("taxonomy.yaml")
    overrides = data.get("disorder_overrides", {})
    out = {}
    for et in data["event_types"]:
        for sub in et["sub_event_types"]:
            out[sub] = EventType(overrides.get(sub, et["disorder"]), et["name"], sub)
    return out


def event_type(sub_event_type: str) -> EventType:
    """The triple of a sub-event type name."""
    return taxonomy()[sub_event_type]


_ARMED_ROLES = ("unidentified_armed_group", "communal_militia", "clan_militia", "unidentified_gang")


def classify(
    *,
    tactics: set[str],
    actors: Sequence[ActorMention],
    named_groups: Sequence[ActorMention],
    victims: set[str],
    military_target: bool,
    civilian_target: bool,
    disputed: bool,
    state_subject: ActorMention | None = None,
    crowd_subject: bool = False,
    policing: frozenset[str] = frozenset(),
) -> Decision | None:
    """Type and actors of one event, or None when nothing codeable happened.

    state_subject: state forces told as the doers ("the army killed three men"); with no armed
        group in the event, what they did was done to civilians.
    crowd_subject: unarmed people told as the doers ("villagers lynched a thief").
    policing: words for forces that are the police when they face a crowd ("security
        forces"), casefolded.
    """
    firearms = "firefight" in tactics
    if firearms:
        tactics = (tactics - {"firefight"}) | {"clash"}
    roles = {a.role for a in actors}
    # soldiers (not police) in a fight make it a battle, not a riot
    military = any(
        a.role == "military" or (a.role == "named" and a.is_state and _is_military(a))
        for a in actors
    )
    # the forces told as hit are the state side: "killed 63 Kenyan troops" in a raid on a
    # Somali base (not the forces a protest is against)
    hit_first = not ({"protest", "riot", "mob"} & tactics)
    state = next(
        (
            a
            for a in sorted(actors, key=lambda a: hit_first and not a.target)
            if a.role == "named" and a.is_state
        ),
        None,
    )
    state_side: ActorMention | str | None = state
    if state_side is None:
        if "police" in roles and "military" not in roles:
            state_side = next(a for a in actors if a.role == "police")
        elif "military" in roles:
            state_side = next(a for a in actors if a.role == "military")
    if state_side is not None:
        # "des soldats et des supplétifs de l'armée": the army's auxiliaries named with it
        # fight on its side; the army is the actor (ACLED keeps them associated)
        named_groups = [a for a in named_groups if not auxiliary(a)]
    # "GATIA militiamen were abducted by gunmen": the gunmen, not the men hit, are the doers
    armed_generic = next(
        (a for a in sorted(actors, key=lambda a: a.target) if a.role in _ARMED_ROLES), None
    )
    # Peacekeepers and foreign forces (Inter 8) are the usual targets of the groups named with
    # them ("a mortar attack on the MINUSMA camp"), rebels and militias the usual attackers.
    attackers = sorted((a for a in named_groups if a.inter != 8), key=lambda a: a.inter != 2)
    external = next((a for a in named_groups if a.inter == 8), None)
    perpetrator: ActorMention | str = (
        attackers[0] if attackers else armed_generic or "unidentified_armed_group"
    )
    if external is not None and state_side is None:
        state_side = external
    if (
        armed_generic is not None
        and attackers
        and all(a.inter in (3, 4) for a in attackers)
        and any(a.start > armed_generic.start for a in attackers)
    ):
        # "terrorists attacked a VDP post": the militia named after the attackers is the target
        perpetrator = armed_generic
        if state_side is None:
            state_side = attackers[0]
    armed = bool(named_groups) or armed_generic is not None
    deaths = bool(victims) or "kill" in tactics
    violent = (_VIOLENT | set(remote_tactics())) & tactics
    # who was hit: the dead named by a figure first, then the words for what was attacked
    # "gunmen abducted a police officer": the forces named as what was hit
    state_hit = isinstance(state_side, ActorMention) and state_side.target
    hits_soldiers = bool({"soldiers", "police"} & victims) or (
        (military_target or state_hit) and "civilians" not in victims
    )
    hits_civilians = (
        "civilians" in victims
        or "civilians" in roles
        # an exchange of fire has two armed sides, whatever place was attacked
        or (civilian_target and not military_target and not firearms)
    )
    hits_attackers = "attackers" in victims and not ({"soldiers", "police"} & victims)

    # Crowds: demonstrators and rioters (ACLED Protests, Riots)
    # Crowds: demonstrators, rioters and mobs (ACLED Protests, Riots). Without an armed group
    # a fight ("supporters clashed", "students set fire to") is a riot, not a battle.
    unarmed_fight = (
        not armed
        and not firearms
        and not military
        and bool({"clash", "destroy"} & tactics)
        and not (state_side is not None and {"kill", "attack"} & tactics and hits_civilians)
    )
    crowd = (
        "protest" in tactics
        or ({"riot", "mob"} & tactics and not named_groups)
        or ("rioters" in roles and not armed)
        or (unarmed_fight and not remote_used(tactics))
    )
    if crowd and not (named_groups and violent):
        if isinstance(state_side, ActorMention) and state_side.text.casefold() in policing:
            state_side = "police"  # "security forces fired tear gas at the protesters"
        # the crowd is often named with civilians' words ("residents burned tyres"): only
        # people told as hurt or attacked were its victims
        people_hit = "civilians" in victims or any(
            a.role == "civilians" and a.target for a in actors
        )
        return _crowd(tactics, state_side, deaths, people_hit)

    if (
        crowd_subject
        and not armed
        and not firearms
        and not remote_used(tactics)
        and not any(a.agent for a in actors if a.role not in ("civilians", "rioters"))
        and {"attack", "kill", "mob", "riot"} & tactics
    ):
        # ACLED: violence by an unorganised crowd is Mob violence, whoever it hits
        hit = state_side if {"soldiers", "police"} & victims or state_side is not None else None
        return Decision(event_type("Mob violence"), "rioters", hit or "civilians")

    targets = [a for a in named_groups if a.target and a.inter in (2, 3, 4)]
    for a in named_groups:
        # "attacked MAA & GATIA posts": groups listed with the target are targets too
        if targets and a not in targets and 0 < a.start - targets[-1].end <= 6:
            targets.append(a)
    civilians_hit = "civilians" in victims or "civilians" in roles
    if targets and (state_side is None or state_side in targets) and violent and not civilians_hit:
        # "an ambush targeting GATIA", "MNLA fighters were attacked by gunmen": the armed group
        # named as the target fought whoever attacked it
        hit = targets[0]
        # "Dogon militiamen attacked …, Fulani militiamen killed one Dogon militiaman": the
        # group hit is not also its attacker
        others = [a for a in named_groups if a not in targets]
        others = [a for a in others if a.name != hit.name] or others
        attacker: ActorMention | str = (
            others[0] if others else armed_generic or "unidentified_armed_group"
        )
        remote_hit = next((t for t in remote_tactics() if t in tactics), None)
        if remote_hit is not None and not ({"clash", "capture", "retake"} & tactics):
            return Decision(event_type(remote_tactics()[remote_hit]), attacker, hit)
        return Decision(event_type("Armed clash"), attacker, hit)

    first = named_groups[0] if named_groups else None
    second = next(
        (
            a
            for a in named_groups
            if first is not None
            and a.name != first.name
            # two communities named together are two sides: "between Bozo and Bambara"
            and (abs(a.start - first.end) > 5 or a.community is not None)
        ),
        None,
    )
    if first and second and violent and "civilians" not in victims and not remote_used(tactics):
        # two named armed groups fighting: "a CMA attack on GATIA fighters" (but not one group
        # under two names: "Boko Haram/ISWAP fighters"); the peacekeepers or the group named
        # as the target come second ("MINUSMA convoy attacked by AQIM")
        if (first.inter == 8 and second.inter != 8) or (first.target and not second.target):
            first, second = second, first
        return Decision(event_type("Armed clash"), first, second)

    state_agent = next((a for a in actors if a.agent and a.is_state), None)
    if (
        state_agent is None
        and not ({"soldiers", "police"} & victims)
        and "clash" not in tactics
        and not remote_used(tactics)
    ):
        state_agent = state_subject
    # foreign forces named as doers with the state's are on its side ("by the army and Wagner")
    allies = [a for a in named_groups if a.inter == 8 and a.agent]
    if (
        state_agent is not None
        and not any(a not in allies for a in named_groups)
        and armed_generic is None
        and "attackers" not in victims
        and violent
        and not remote_used(tactics)  # shells fired by forces: remote violence, below
    ):
        # "beaten by Malian soldiers": forces against people
        return Decision(event_type(_civilian_sub(tactics)), state_agent, "civilians")

    target: ActorMention | str | None
    if "abduct" in tactics and not ({"kill", "clash"} & tactics):
        target = state_side if hits_soldiers and state_side is not None else "civilians"
        return Decision(event_type("Abduction/forced disappearance"), perpetrator, target)

    if "disrupted" in tactics and not deaths and "clash" not in tactics:
        return Decision(event_type("Disrupted weapons use"), state_side or "military", None)

    remote = next((t for t in remote_tactics() if t in tactics), None)
    if remote == "airstrike":
        actor1: ActorMention | str = state_side or "military"
        # the forces named, by name or as "the army's air force"
        flyer = state or (state_side if isinstance(state_side, ActorMention) else None)
        if named_groups and (not flyer or named_groups[0].start < flyer.start):
            # drones are flown by armed groups too: "JNIM drone attack on the camp", "an attack
            # by the RSF …, according to the army"
            actor1 = named_groups[0] if not hits_attackers else actor1
        target = None
        # "FAMa and Africa Corps forces struck JNIM positions": foreign forces named with the
        # state's fly with it; the group is the one hit
        hit = next((a for a in named_groups if a.inter != 8), None) or (
            named_groups[0] if named_groups else None
        )
        if hits_civilians and not hits_attackers:
            target = "civilians"
        elif hit is not None and actor1 is not hit:
            target = hit
        elif actor1 is not state_side and state_side is not None:
            target = state_side
        return Decision(event_type("Air/drone strike"), actor1, target)

    armed_clash = bool({"clash", "capture", "retake"} & tactics)
    if remote and not armed_clash:
        if hits_soldiers:
            target = state_side or "military"
        elif hits_civilians:
            target = "civilians"
        else:
            target = state_side
        return Decision(event_type(remote_tactics()[remote]), perpetrator, target)

    if hits_attackers and state_side is not None:
        return Decision(event_type("Armed clash"), state_side, perpetrator)

    if hits_soldiers or (state_side is not None and armed and not hits_civilians):
        target = state_side or "military"
        if "retake" in tactics:
            return Decision(event_type("Government regains territory"), target, perpetrator)
        if "capture" in tactics and not disputed:
            return Decision(event_type("Non-state actor overtakes territory"), perpetrator, target)
        return Decision(event_type("Armed clash"), perpetrator, target)

    if "clash" in tactics and not hits_civilians:
        # two armed groups, or communities, fighting each other
        other: ActorMention | str = named_groups[1] if len(named_groups) > 1 else "communal_militia"
        if other is perpetrator:
            other = "communal_militia"
        return Decision(event_type("Armed clash"), perpetrator, other)

    if {"destroy", "loot"} & tactics and not deaths and not ({"sexual", "abduct"} & tactics):
        return Decision(event_type("Looting/property destruction"), perpetrator, "civilians")

    if violent or "destroy" in tactics:
        actor1 = perpetrator
        if not armed and state_side is not None:
            actor1 = state_side  # forces accused of killing civilians
        return Decision(event_type(_civilian_sub(tactics)), actor1, "civilians")

    if "disrupted" in tactics:
        return Decision(event_type("Disrupted weapons use"), state_side or "military", None)
    if "arrest" in tactics and state_side is not None:
        return Decision(event_type("Arrests"), state_side, None)
    return None


def auxiliary(actor: ActorMention) -> bool:
    """A militia attached to state forces (its parent in the actor file is one)."""
    known = actor_by_name(actor.name) if actor.name else None
    parent = actor_by_name(known.parent) if known is not None and known.parent else None
    return parent is not None and parent.kind in ("state_military", "state_police")


def _is_military(actor: ActorMention) -> bool:
    known = actor_by_name(actor.name) if actor.name else None
    return known is None or known.kind != "state_police"


def _civilian_sub(tactics: set[str]) -> str:
    if "sexual" in tactics:
        return "Sexual violence"
    if "abduct" in tactics and "kill" not in tactics:
        return "Abduction/forced disappearance"
    return "Attack"


def remote_used(tactics: set[str]) -> bool:
    """Bombs, shells or air power were used (never a crowd's doing)."""
    return any(t in tactics for t in remote_tactics())


def _crowd(
    tactics: set[str],
    state_side: ActorMention | str | None,
    deaths: bool,
    people_hit: bool = False,
) -> Decision:
    if "mob" in tactics and "protest" not in tactics:
        return Decision(event_type("Mob violence"), "rioters", state_side or "civilians")
    if {"riot", "destroy", "clash"} & tactics:
        # who the crowd fought: the forces, another crowd ("members of X clashed with members
        # of Y"), the people it hurt; property alone ("vandalised the office") is no one
        hit = state_side or (
            "rioters" if "clash" in tactics else "civilians" if people_hit else None
        )
        if {"protest", "riot"} & tactics:
            return Decision(event_type("Violent demonstration"), "rioters", hit)
        return Decision(event_type("Mob violence"), "rioters", hit)
    if deaths and state_side is not None:
        return Decision(event_type("Excessive force against protesters"), state_side, "protesters")
    if "intervention" in tactics:
        return Decision(
            event_type("Protest with intervention"), "protesters", state_side or "police"
        )
    return Decision(event_type("Peaceful protest"), "protesters", None)
