"""Reports as a Rich table for the terminal: what an analyst checks at a glance.

One row per report with the fields a reader verifies first (when, what, who, where, how many),
the uncertainty next to each (date and place precision, the toll's low–high range, how many
claims back it) and the coder's flags, so that an imprecise or unresolved event is visible as
such instead of looking as solid as the others.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from strife.models import Extraction, Report

_TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
_GEO_PRECISION = {1: "place", 2: "near place", 3: "region"}


def _date_cell(report: Report) -> Text:
    if report.event_date is not None:
        cell = Text(report.event_date.isoformat())
        precision = _TIME_PRECISION.get(report.time_precision or 0)
        if precision:
            cell.append(f"\n{precision}", style="dim")
        return cell
    if report.reported_date is not None:
        return Text(f"reported\n{report.reported_date.isoformat()}", style="yellow")
    return Text("unknown", style="yellow")


def _event_cell(report: Report) -> Text:
    cell = Text(report.event_type)
    cell.append(f"\n{report.sub_event_type}", style="dim")
    return cell


def _actors_cell(report: Report) -> Text:
    cell = Text(report.actor1)
    if report.actor2:
        cell.append("\nvs ", style="dim")
        cell.append(report.actor2)
    return cell


def _location_cell(report: Report) -> Text:
    names = [n for n in (report.location, report.admin1, report.country) if n]
    # Keep the country once even when the location is the country itself.
    unique = list(dict.fromkeys(names))
    cell = Text(", ".join(unique) if unique else "unknown")
    precision = _GEO_PRECISION.get(report.geo_precision or 0)
    if precision:
        cell.append(f"\n{precision} (p{report.geo_precision})", style="dim")
    else:
        cell.append("\nnot placed", style="yellow")
    return cell


def _fatalities_cell(report: Report) -> Text:
    low = report.fatalities_low if report.fatalities_low is not None else report.fatalities
    high = report.fatalities_high if report.fatalities_high is not None else low
    cell = Text(f"{low}–{high}" if high > low else str(low))
    if report.fatalities_best is not None and low < report.fatalities_best < high:
        cell.append(f"\nbest {report.fatalities_best}", style="dim")
    return cell


def _flags_cell(report: Report) -> Text:
    flags = list(report.flags)
    if report.disputed:
        flags.insert(0, "disputed")
    return Text("\n".join(flags), style="yellow")


def render_table(extractions: Iterable[Extraction]) -> Table:
    """A Rich table of every report of ``extractions``, in article order.

    An "Article" column appears when the reports come from more than one article. Print it with
    ``rich.console.Console().print(table)``.
    """
    items = list(extractions)
    rows = [(ex.article.id, report) for ex in items for report in ex.reports]
    several = len(items) > 1
    events = "event" if len(rows) == 1 else "events"
    articles = "article" if len(items) == 1 else "articles"
    table = Table(
        title=f"{len(rows)} {events} from {len(items)} {articles}",
        caption=None if rows else "No events found.",
        show_lines=True,
    )
    if several:
        table.add_column("Article", overflow="fold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Event")
    table.add_column("Actors")
    table.add_column("Location")
    table.add_column("Killed", justify="right", no_wrap=True)
    table.add_column("Claims", justify="right")
    table.add_column("Flags")
    for article_id, report in rows:
        cells = [
            _date_cell(report),
            _event_cell(report),
            _actors_cell(report),
            _location_cell(report),
            _fatalities_cell(report),
            Text(str(len(report.claims))),
            _flags_cell(report),
        ]
        if several:
            cells.insert(0, Text(article_id))
        table.add_row(*cells)
    return table
