"""``strife watch``: poll the RSS/Atom feeds of a FEEDS.yaml file and store new articles.

A thin wrapper: :mod:`strife.watch` polls and remembers, :func:`strife.ingest.ingest_articles`
extracts, stores and merges. One line per feed and poll goes to stderr.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from strife.cli import app
from strife.cli.options import DbOption
from strife.models import Article
from strife.watch.config import WatchConfig, load_config
from strife.watch.poller import FeedStatus, Watcher


@app.command()
def watch(
    feeds: Annotated[
        Path,
        typer.Argument(
            metavar="FEEDS.yaml",
            help="The feeds to poll: 'interval:' (seconds) and 'feeds:', a list of "
            "{url, outlet, language, interval}.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    state: Annotated[
        Path | None,
        typer.Option(
            "--state",
            metavar="PATH",
            help="Where the watcher remembers seen entries and feed validators, so that a "
            "restart fetches nothing twice (default: FEEDS.state.json beside FEEDS.yaml).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    once: Annotated[
        bool,
        typer.Option(
            "--once", help="Poll every feed once and exit (for cron); exit 1 if one failed."
        ),
    ] = False,
    interval: Annotated[
        int | None,
        typer.Option(
            "--interval",
            min=1,
            metavar="SECONDS",
            help="Poll every feed this often, overriding the intervals in FEEDS.yaml.",
        ),
    ] = None,
) -> None:
    """Poll RSS/Atom feeds and store the events of new articles, until interrupted.

    Each new entry's page is fetched and its main text extracted (the feed's own text when the
    page fails). Feeds are fetched conditionally (ETag, Last-Modified); a failing feed is
    retried later and later, and never stops the others.

    Example: strife watch FEEDS.yaml --db events.db
    """
    config = _with_interval(load_config(feeds), interval)
    state_path = state if state is not None else feeds.with_suffix(".state.json")
    # trafilatura and htmldate log a WARNING for every page without main text; the watcher
    # falls back to the feed's text and says so in its own log.
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)

    from strife.ingest import ingest_articles
    from strife.pipeline import Pipeline
    from strife.store import open_store

    pipeline = Pipeline()  # one for the whole run: the models load once
    with open_store(db) as store:

        def sink(articles: list[Article]) -> int:
            stats = ingest_articles(store, articles, pipeline=pipeline)
            for message in stats.error_messages:
                typer.echo(f"skipped: {message}", err=True)
            return stats.stored

        watcher = Watcher(config, sink, state_path=state_path)
        if once:
            statuses = watcher.poll_once(force=True)
            _print(statuses)
            if any(status.outcome == "failed" for status in statuses):
                raise typer.Exit(1)
            return

        stop = threading.Event()
        # SIGTERM (systemd, docker stop) ends the wait between rounds; the state is saved after
        # every feed, so stopping at any point loses nothing.
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        typer.echo(
            f"watching {len(config.feeds)} feed{'s' if len(config.feeds) != 1 else ''}; "
            f"state in {state_path}; Ctrl-C to stop",
            err=True,
        )
        watcher.run(stop, on_round=_print)


def _with_interval(config: WatchConfig, interval: int | None) -> WatchConfig:
    if interval is None:
        return config
    return replace(
        config, interval=interval, feeds=tuple(replace(f, interval=interval) for f in config.feeds)
    )


def _print(statuses: list[FeedStatus]) -> None:
    now = time.time()
    stamp = time.strftime("%H:%M:%S", time.localtime(now))
    for status in statuses:
        typer.echo(f"{stamp} {status.url}: {status.describe(now)}", err=True)
