"""``strife extract``: code the events in articles and print them as a table, JSON, JSONL or CSV.

A thin wrapper: :func:`strife.parse.article.read_articles` reads the input, the pipeline codes
it, :mod:`strife.export` formats it. Data goes to stdout (or ``--output``); progress, warnings
and the count of skipped lines go to stderr so that the output stays pipeable.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer
from rich.console import Console

from strife.cli import app
from strife.cli.options import OutputOption
from strife.errors import ConfigError, InputError, StrifeError
from strife.models import Article, Extraction

# How many skipped lines are quoted in the end-of-run summary; the rest are counted.
_QUOTED_SKIPS = 5


class OutputFormat(StrEnum):
    """What ``--format`` accepts."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    acled_csv = "acled-csv"


class LanguageChoice(StrEnum):
    """What ``--lang`` accepts: detection, or one of the coded languages forced."""

    auto = "auto"
    en = "en"
    fr = "fr"


@app.command()
def extract(
    source: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="A .txt, .html, .jsonl/.ndjson or .json file of articles, or - for stdin.",
            show_default=False,
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date of the input's articles (relative dates such as 'Sunday' "
            "are resolved against it); overrides dates found in the input.",
        ),
    ] = None,
    lang: Annotated[
        LanguageChoice,
        typer.Option(
            "--lang", help="Language of the articles; auto detects it per article.", metavar="LANG"
        ),
    ] = LanguageChoice.auto,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="Output format.", metavar="FORMAT"),
    ] = OutputFormat.table,
    output: OutputOption = None,
) -> None:
    """Extract ACLED-style events from news articles (English or French).

    INPUT is plain text, an HTML page, JSONL (one article per line: text, id, published…) or
    JSON. Malformed JSONL lines are skipped and counted on stderr.

    Example: strife extract article.txt --published 2025-06-02 --format acled-csv -o events.csv
    """
    published_date = None
    if published is not None:
        from strife.parse.article import parse_date

        try:
            published_date = parse_date(published)
        except InputError as exc:
            _fail(f"Invalid value for '--published': {exc}", code=2)

    try:
        _run(source, published_date, lang, output_format, output)
    except StrifeError as exc:
        _fail(str(exc))


def _fail(message: str, *, code: int = 1) -> NoReturn:
    """Print one ``Error:`` line and exit.

    Done here rather than by raising: Typer 0.29 vendors its own click, so neither a
    ``click.ClickException`` nor a ``typer.Exit`` reaches ``strife.cli.main`` and a CliRunner
    alike as "one line, non-zero exit"; a SystemExit does.
    """
    typer.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _run(
    source: str,
    published: date | None,
    lang: LanguageChoice,
    output_format: OutputFormat,
    output: Path | None,
) -> None:
    from strife.parse.article import read_articles

    # trafilatura and htmldate log a WARNING for every page they find no main text in; the
    # fallback extractor handles those pages, so the messages are noise for a CLI user.
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)

    items = list(
        read_articles(
            source,
            published=published,
            language=None if lang is LanguageChoice.auto else lang.value,
        )
    )
    articles = [item for item in items if isinstance(item, Article)]
    skipped = [item for item in items if isinstance(item, InputError)]
    if not articles:
        name = "stdin" if source == "-" else source
        raise InputError(f"no article could be read from {name}: {_skip_summary(skipped)}")

    extractions = _extract_all(articles)
    _check_language(articles, extractions)

    several = len(articles) > 1
    for extraction in extractions:
        for warning in extraction.warnings:
            prefix = f"{extraction.article.id}: " if several else ""
            typer.echo(f"Warning: {prefix}{warning}", err=True)

    with _open_output(output) as fp:
        _write(extractions, output_format, fp, to_terminal=output is None)

    if skipped:
        typer.echo(_skip_summary(skipped), err=True)


def _extract_all(articles: list[Article]) -> list[Extraction]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from strife.pipeline import Pipeline  # imported here so `strife --help` stays fast

    pipe = Pipeline()
    if len(articles) == 1:
        return list(pipe.extract_many(articles))
    err = Console(stderr=True)
    extractions: list[Extraction] = []
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("extracting", total=len(articles))
        for extraction in pipe.extract_many(articles):
            extractions.append(extraction)
            bar.advance(task)
    return extractions


def _check_language(articles: list[Article], extractions: list[Extraction]) -> None:
    """A single article in a language Strife does not code is an error, not an empty result.

    For a batch the pipeline's per-article warnings are enough: the other articles still count.
    """
    if len(articles) != 1 or len(extractions) != 1:
        return
    from strife.parse.language import SUPPORTED_LANGUAGES, language_name

    extraction = extractions[0]
    code = extraction.language
    if extraction.reports or not code or code in SUPPORTED_LANGUAGES:
        return
    from strife.errors import UnsupportedLanguage

    raise UnsupportedLanguage(
        f"the text looks like {language_name(code)} ({code}); Strife codes English and French. "
        "Use --lang en|fr to force one."
    )


def _skip_summary(skipped: list[InputError]) -> str:
    if not skipped:
        return "it holds no articles"
    messages = [str(error) for error in skipped]
    unit = "item" if all(m.startswith("item ") for m in messages) else "line"
    count = len(messages)
    summary = f"{count} {unit}{'s' if count != 1 else ''} skipped: " + "; ".join(
        messages[:_QUOTED_SKIPS]
    )
    if count > _QUOTED_SKIPS:
        summary += f"; and {count - _QUOTED_SKIPS} more"
    return summary


@contextmanager
def _open_output(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    try:
        # newline="": the CSV writer ends rows itself; nothing is translated on any platform.
        fp = output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError(f"cannot write {output}: {exc.strerror or exc}") from None
    with fp:
        yield fp


def _write(
    extractions: list[Extraction], output_format: OutputFormat, fp: TextIO, *, to_terminal: bool
) -> None:
    reports = [report for extraction in extractions for report in extraction.reports]
    if output_format is OutputFormat.table:
        from strife.export.table import render_table

        console = Console() if to_terminal else Console(file=fp, width=160, no_color=True)
        console.print(render_table(extractions))
    elif output_format is OutputFormat.json:
        payload = [extraction.model_dump(mode="json") for extraction in extractions]
        fp.write(json.dumps(payload, indent=2, ensure_ascii=False))
        fp.write("\n")
    elif output_format is OutputFormat.jsonl:
        from strife.export.jsonl import write_jsonl

        write_jsonl(reports, fp)
    else:
        from strife.export.acled_csv import write_acled_csv

        articles = {extraction.article.id: extraction.article for extraction in extractions}
        write_acled_csv(reports, fp, articles=articles)
