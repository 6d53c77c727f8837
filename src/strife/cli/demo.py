"""``strife demo``: a demo database from the articles shipped with Strife, to serve at once."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from strife.cli import app
from strife.models import Article

#: Synthetic and hand-written English and French articles (scripts/make_demo_corpus.py).
DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "demo" / "articles.jsonl.gz"


def demo_articles() -> Iterator[Article]:
    with gzip.open(DEMO_ARTICLES, "rt", encoding="utf-8") as fp:
        for line in fp:
            yield Article.model_validate_json(line)


@app.command()
def demo(
    db: Annotated[
        str,
        typer.Option("--db", metavar="PATH|URL", help="The database to fill."),
    ] = "strife-demo.db",
) -> None:
    """Build a demo database from the articles shipped with Strife (about 200, English and
    French, several outlets per attack); articles stored already are skipped, so it is safe to
    re-run. Then: strife serve --db strife-demo.db
    """
    from strife.ingest import ingest_articles
    from strife.store import open_store

    with open_store(db) as store:
        stats = ingest_articles(store, demo_articles())
        counts = store.counts()
    typer.echo(
        f"{stats.stored} articles stored, {stats.unchanged} already there; "
        f"{counts['events']} events in {db}",
        err=True,
    )
