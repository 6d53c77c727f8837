"""``strife evaluate``: run the pipeline on gold files and print a scorecard."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from strife.cli import app


@app.command()
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold files or directories: JSONL/JSON gold articles, ACLED CSV with notes.",
            metavar="GOLD",
            show_default=False,
        ),
    ],
    mismatches: Annotated[
        Path | None,
        typer.Option(
            "--mismatches",
            metavar="PATH",
            help="Write every article's gold, predictions, matches and differences here (JSON).",
            dir_okay=False,
            writable=True,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scorecard as JSON instead of a table.")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, metavar="N", help="Evaluate only the first N articles of each set."
        ),
    ] = None,
) -> None:
    """Score the pipeline against gold codings: event precision/recall/F1 and field accuracy.

    Each gold file is one set (a directory contributes all its .jsonl, .json and .csv files);
    an ACLED CSV is read note by note, each note an article published on its event date.

    Example: strife evaluate eval/dev seed/boulkessi.gold.json --mismatches eval-out/dev.json
    """
    # Imported here so `strife --help` stays fast.
    from strife.evaluate import evaluate as run_evaluation
    from strife.evaluate import scorecard_json, scorecard_table, write_mismatches

    err = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(set_name: str, done: int, total: int) -> None:
            if set_name not in tasks:
                tasks[set_name] = bar.add_task(set_name, total=total)
            bar.update(tasks[set_name], completed=done)

        card = run_evaluation(gold, limit=limit, progress=progress)

    if mismatches is not None:
        write_mismatches(card, mismatches)
    if as_json:
        typer.echo(scorecard_json(card))
    else:
        Console().print(scorecard_table(card))
        if mismatches is not None:
            err.print(f"Mismatches written to {mismatches}")
