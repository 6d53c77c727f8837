"""``strife explain EVENT_ID``: the reports of an event, their sources and why they were merged."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from strife.cli import app
from strife.cli.options import DbOption
from strife.errors import InputError
from strife.models import Event


@app.command()
def explain(
    event_id: Annotated[str, typer.Argument(metavar="EVENT_ID", show_default=False)],
    db: DbOption = None,
) -> None:
    """Show an event's resolved fields, its reports with their sources, the claims and the
    reason each pair of reports was merged."""
    from strife.store import open_store

    with open_store(db) as store:
        event = store.event(event_id)
    if event is None:
        raise InputError(f"no event {event_id} in the database")
    render(event, Console())


def render(event: Event, console: Console) -> None:
    where = ", ".join(x for x in (event.location, event.admin2, event.admin1, event.country) if x)
    actors = event.actor1 + (f" vs {event.actor2}" if event.actor2 else "")
    toll = f"{event.fatalities} (low {event.fatalities_low}, best {event.fatalities_best}, high {event.fatalities_high})"
    console.print(
        f"[bold]{event.event_id}[/]  {event.event_date} (time precision {event.time_precision})"
    )
    console.print(f"  {event.event_type} / {event.sub_event_type}: {actors}")
    console.print(f"  {where} (geo precision {event.geo_precision})")
    console.print(f"  fatalities {toll}" + ("  [red]DISPUTED[/]" if event.disputed else ""))
    for line in event.contradictions:
        console.print(f"  [yellow]contradiction:[/] {line}")
    outlets = {s.article_id: s for s in event.sources}
    reports = Table(title=f"{len(event.reports)} reports from {len(event.sources)} articles")
    for column in ("report", "outlet", "published", "date", "place", "type", "actors", "deaths"):
        reports.add_column(column)
    for r in event.reports:
        source = outlets.get(r.article_id)
        reports.add_row(
            r.id,
            (source.outlet or source.url or "") if source else "",
            str(source.published or "") if source else "",
            f"{r.event_date} ({r.time_precision})",
            f"{r.location or r.admin1 or r.country} ({r.geo_precision})",
            r.sub_event_type,
            r.actor1 + (f" / {r.actor2}" if r.actor2 else ""),
            f"{r.fatalities_low}-{r.fatalities_high}" if r.fatalities_low is not None else "",
        )
    console.print(reports)
    claims = Table(title="claims")
    for column in ("report", "claimant", "kind", "killed", "says"):
        claims.add_column(column)
    for r in event.reports:
        for c in r.claims:
            killed = "" if c.killed is None else str(c.killed)
            if c.killed_high and c.killed_high != c.killed:
                killed += f"-{c.killed_high}"
            claims.add_row(r.id, c.claimant, c.kind, killed, c.says)
    console.print(claims)
    if event.links:
        console.print("[bold]why these reports were merged[/]")
        for link in event.links:
            console.print(f"  {link.report_a} = {link.report_b}: {link.reason}")
    else:
        console.print("a single report: nothing was merged")
