"""One event from the reports that tell it: fields resolved, claims pooled (DESIGN.md §3, §5).

Every choice is a pure function of the set of reports (sorted by id first), so the same
reports always give the same event: the most precise date and place win, the majority type
and the most specific actor pair win, and the toll comes from every claim of every report.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from strife.code.fatalities import Figure, event_toll, share
from strife.code.types import taxonomy
from strife.merge.rules import merge_rules
from strife.models import Event, MergeLink, Report, Source

# Half-widths of the date range a report's date stands for, by time precision (UCDP's
# date_start/date_end): a day, "mid-May" (about a week), a month.
_HALF_RANGE = {1: 0, 2: 3, 3: 15}


def event_id_for(report_ids: Sequence[str]) -> str:
    """The id of the event made of these reports: stable for the same set, whatever the order."""
    digest = hashlib.sha256(min(report_ids).encode("utf-8")).hexdigest()
    return f"e-{digest[:16]}"


def resolve(
    reports: Sequence[Report], sources: Sequence[Source], links: Sequence[MergeLink]
) -> Event:
    """The event told by ``reports`` (at least one); ``sources`` are their articles."""
    if not reports:
        raise ValueError("an event needs at least one report")
    ordered = sorted(reports, key=lambda r: r.id)
    dated = _most_precise_date(ordered)
    placed = _most_precise_place(ordered)
    event_type, sub_event_type = _majority_type(ordered)
    typed = next(r for r in ordered if r.sub_event_type == sub_event_type)
    actors = _most_specific_actors(ordered)
    low, best, high = _toll(ordered)
    start, end = _date_range(ordered, dated)
    return Event(
        event_id=event_id_for([r.id for r in ordered]),
        event_date=dated.event_date,
        date_start=start,
        date_end=end,
        time_precision=dated.time_precision,
        disorder_type=typed.disorder_type,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actors.actor1,
        inter1=actors.inter1,
        actor2=actors.actor2,
        inter2=actors.inter2,
        interaction=actors.interaction,
        civilian_targeting=actors.civilian_targeting,
        country=placed.country,
        iso=placed.iso,
        region=placed.region,
        admin1=placed.admin1,
        admin2=placed.admin2,
        location=placed.location,
        latitude=placed.latitude,
        longitude=placed.longitude,
        geo_precision=placed.geo_precision,
        place_id=placed.place_id,
        fatalities=low or 0,
        fatalities_low=low,
        fatalities_best=best,
        fatalities_high=high,
        disputed=any(r.disputed for r in ordered),
        contradictions=_contradictions(ordered, sources),
        reports=ordered,
        sources=sorted(sources, key=lambda s: s.article_id),
        links=sorted(links, key=lambda link: (link.report_a, link.report_b)),
        flags=sorted({f for r in ordered for f in r.flags if f != "unplaced"} | _unplaced(placed)),
    )


def _unplaced(report: Report) -> set[str]:
    return {"unplaced"} if report.geo_precision is None else set()


def _most_precise_date(reports: list[Report]) -> Report:
    dated = [r for r in reports if r.event_date is not None]
    if not dated:
        return reports[0]
    best = min(r.time_precision or 3 for r in dated)
    candidates = [r for r in dated if (r.time_precision or 3) == best]
    counts = Counter(r.event_date for r in candidates)
    # the date most reports give; between equally common dates the earliest
    chosen = min(counts, key=lambda d: (-counts[d], d))
    return next(r for r in candidates if r.event_date == chosen)


def _date_range(reports: list[Report], dated: Report) -> tuple[date | None, date | None]:
    if dated.event_date is None:
        return None, None
    precision = dated.time_precision or 3
    same = [r.event_date for r in reports if r.event_date and (r.time_precision or 3) == precision]
    half = timedelta(days=_HALF_RANGE.get(precision, 15))
    return min(same) - half, max(same) + half


def _most_precise_place(reports: list[Report]) -> Report:
    def rank(r: Report) -> int:
        return r.geo_precision if r.geo_precision is not None else 9

    best = min(rank(r) for r in reports)
    candidates = [r for r in reports if rank(r) == best]
    counts = Counter((r.location, r.latitude, r.longitude) for r in candidates)
    top = max(counts.values())
    return next(r for r in candidates if counts[(r.location, r.latitude, r.longitude)] == top)


def _majority_type(reports: list[Report]) -> tuple[str, str]:
    order = list(taxonomy())

    def precedence(sub: str) -> int:
        return order.index(sub) if sub in order else len(order)

    types = Counter(r.event_type for r in reports)
    top = max(types.values())
    tied = {t for t, n in types.items() if n == top}
    # between equally common types, ACLED's precedence decides
    subs = Counter(r.sub_event_type for r in reports if r.event_type in tied)
    top_sub = max(subs.values())
    sub = min((s for s, n in subs.items() if n == top_sub), key=precedence)
    return next(r.event_type for r in reports if r.sub_event_type == sub), sub


def _most_specific_actors(reports: list[Report]) -> Report:
    prefixes = merge_rules().generic_prefixes

    def named(r: Report) -> int:
        return sum(1 for a in (r.actor1, r.actor2) if a and not a.startswith(prefixes))

    pairs = Counter((r.actor1, r.actor2) for r in reports)
    return max(reports, key=lambda r: (named(r), pairs[(r.actor1, r.actor2)]))


def _figures(report: Report) -> list[Figure]:
    """The report's claimed tolls, each reduced to this event's share of a shared toll."""

    def read(first: bool) -> list[Figure]:
        return [
            Figure(
                c.kind,
                c.victims,
                share(c.killed, c.split, first),
                share(c.killed_high or c.killed, c.split, first),
                source=report.article_id,
            )
            for c in report.claims
            if c.killed is not None
        ]

    # The coder gives the remainder of a toll shared by several events to the article's first
    # event; the report's own conservative figure tells whether this report was that one.
    figures = read(first=True)
    if figures and event_toll(figures)[0] != report.fatalities_low:
        return read(first=False)
    return figures


def _toll(reports: list[Report]) -> tuple[int | None, int | None, int | None]:
    """The event's low / best / high: the coder's rule over the claims of every report."""
    if len(reports) == 1:
        # the coder's own reading, which may rest on a figure no claim carries
        only = reports[0]
        return only.fatalities_low, only.fatalities_best, only.fatalities_high
    figures = [f for r in reports for f in _figures(r)]
    if figures:
        return event_toll(figures)
    lows = [r.fatalities_low for r in reports if r.fatalities_low is not None]
    highs = [r.fatalities_high for r in reports if r.fatalities_high is not None]
    bests = [r.fatalities_best for r in reports if r.fatalities_best is not None]
    if not lows:
        return None, None, None
    return min(lows), int(statistics.median(bests)) if bests else min(lows), max(highs or lows)


def _contradictions(reports: list[Report], sources: Sequence[Source]) -> list[str]:
    outlet = {s.article_id: s.outlet or s.url or s.article_id for s in sources}
    out = []
    types = sorted({r.event_type for r in reports})
    if len(types) > 1:
        out.append("event type: " + " / ".join(types))
    by_figure: dict[int, set[str]] = {}
    for r in reports:
        for figure in _figures(r):
            by_figure.setdefault(figure.low, set()).add(
                f"{figure.kind.replace('_', ' ')}, {outlet.get(r.article_id, r.article_id)}"
            )
    if len(by_figure) > 1 and max(by_figure) > 1.5 * max(1, min(by_figure)):
        out.append(
            "fatalities: "
            + " vs ".join(f"{n} ({'; '.join(sorted(w))})" for n, w in sorted(by_figure.items()))
        )
    if any(r.disputed for r in reports):
        out.append("the outcome is disputed between the parties")
    return out
