"""``strife ingest``: extract articles from files, directories, dumps and feeds into the store."""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from rich.console import Console

from strife.cli import app
from strife.cli.options import DbOption
from strife.errors import ConfigError


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Files (.txt, .html, .jsonl, .json, saved .rss/.atom/.xml feeds), "
            "directories (read recursively) or - for stdin.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date of the articles (for single files without one).",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="OUTLET", help="The outlet the articles come from."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=1, help="Extraction processes [default: one per core]."
        ),
    ] = None,
) -> None:
    """Extract, store and merge articles; already stored articles are skipped.

    Example: strife ingest news/ dump.jsonl --db events.db
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from strife.ingest import IngestStats, Overrides, default_workers, ingest_paths
    from strife.parse.article import parse_date
    from strife.store import open_store

    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if published is not None:
        try:
            published_date = parse_date(published)
        except Exception as exc:
            raise ConfigError(f"--published: {exc}") from None
    else:
        published_date = None
    overrides = Overrides(published=published_date, outlet=source)
    n_workers = workers or default_workers()
    err = Console(stderr=True)
    with open_store(db) as store:
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/]"),
            TextColumn(
                "{task.fields[done]} articles · {task.fields[rate]:.1f}/s · "
                "{task.fields[new]} new · {task.fields[events]} events · "
                "[red]{task.fields[errors]} errors[/]"
            ),
            TimeElapsedColumn(),
            console=err,
            transient=False,
            disable=not err.is_terminal,
        ) as bar:
            task = bar.add_task("ingest", done=0, rate=0.0, new=0, events=0, errors=0)

            def update(stats: IngestStats) -> None:
                bar.update(
                    task,
                    done=stats.stored + stats.unchanged + stats.errors,
                    rate=stats.rate,
                    new=stats.stored,
                    events=len(stats.events),
                    errors=stats.errors,
                )

            stats = ingest_paths(
                store, paths, overrides=overrides, workers=n_workers, progress=update
            )
            update(stats)
        counts = store.counts()
    for message in stats.error_messages:
        typer.echo(f"skipped: {message}", err=True)
    if stats.errors > len(stats.error_messages):
        typer.echo(f"… and {stats.errors - len(stats.error_messages)} more", err=True)
    if stats.stored == 0 and stats.unchanged:
        summary = f"nothing new: all {stats.unchanged} articles were already stored"
    else:
        summary = (
            f"{stats.stored} new articles ({stats.unchanged} already stored), "
            f"{stats.reports} reports, {len(stats.events)} events created or updated"
        )
    typer.echo(
        f"{summary}; {stats.errors} errors; {stats.seconds:.1f} s with {n_workers} workers. "
        f"Database: {counts['articles']} articles, {counts['events']} events.",
        err=True,
    )
    if stats.errors and not stats.stored and not stats.unchanged:
        raise typer.Exit(1)
