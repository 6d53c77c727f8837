"""``strife export``: the stored events, filtered, as ACLED CSV, UCDP GED CSV, GeoJSON, Parquet
or JSONL."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from strife.cli import app
from strife.cli.options import DbOption, OutputOption
from strife.errors import ConfigError


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    ged_csv = "ged-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    from strife.parse.article import parse_date

    try:
        return parse_date(value)
    except Exception as exc:
        raise ConfigError(f"{option}: {exc}") from None


@app.command()
def export(
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.", metavar="FORMAT")
    ] = ExportFormat.acled_csv,
    output: OutputOption = None,
    db: DbOption = None,
    date_from: Annotated[
        str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="First event date.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Last event date.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Country name, e.g. Mali.")
    ] = None,
    admin1: Annotated[
        str | None, typer.Option("--admin1", help="First-level region, e.g. Mopti.")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="ACLED event type, e.g. Battles.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Part of an actor's name, e.g. JNIM.")
    ] = None,
) -> None:
    """Export stored events; filters combine (AND).

    Example: strife export --format ged-csv --country Mali --from 2025-01-01 -o mali.csv
    """
    from strife.export import write_events
    from strife.store import EventFilter, open_store

    where = EventFilter(
        date_from=_date(date_from, "--from"),
        date_to=_date(date_to, "--to"),
        country=country,
        admin1=admin1,
        event_type=event_type,
        actor=actor,
    )
    if output_format is ExportFormat.parquet and output is None and sys.stdout.isatty():
        raise ConfigError("Parquet is binary: give --output FILE or redirect stdout")
    with open_store(db) as store:
        events = store.events(where)
        if output is not None:
            count = write_events(events, output_format.value, output)
        elif output_format is ExportFormat.parquet:
            count = write_events(events, output_format.value, sys.stdout.buffer)
        else:
            count = write_events(events, output_format.value, sys.stdout)
    typer.echo(f"{count} events exported", err=True)
