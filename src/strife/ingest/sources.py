"""What ``strife ingest`` reads: files, directories (recursively), JSONL dumps, HTML pages and
saved RSS/Atom feeds, as a stream of articles and per-input errors.

A problem with one input (an HTML page with no article, a binary file, a broken JSONL line) is
yielded as an :class:`~strife.errors.InputError` naming it, so the runner counts it and goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from strife.errors import InputError
from strife.models import Article
from strife.parse.article import read_articles

#: Suffixes ingested from directories; other files there (images, .DS_Store…) are not articles.
ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json"}
)
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

#: A JSONL dump can hold thousands of articles; one file above this belongs to `strife batch`.
MAX_INPUT_BYTES = 1_000_000_000


@dataclass(frozen=True, slots=True)
class Overrides:
    """Values given on the command line for single files (``--published``, ``--source``)."""

    published: date | None = None
    outlet: str | None = None
    language: str | None = None


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """The files to read: each path, or each article file under a directory, in sorted order.

    RAISES (InputError): a path does not exist.
    """
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in ARTICLE_SUFFIXES | FEED_SUFFIXES
            )
        elif path.exists():
            yield path
        else:
            raise InputError(f"not found: {raw}")


def read_input(source: Path | str, overrides: Overrides) -> Iterator[Article | InputError]:
    """The articles of one file, with an error in place of each unreadable one."""
    name = str(source)
    try:
        if isinstance(source, Path) and source.suffix.lower() in FEED_SUFFIXES:
            yield from _read_feed(source, overrides)
            return
        items = read_articles(
            source,
            published=overrides.published,
            language=overrides.language,
            outlet=overrides.outlet,
            max_bytes=MAX_INPUT_BYTES,
        )
        for item in items:
            yield _named(item, name) if isinstance(item, InputError) else item
    except InputError as exc:
        yield _named(exc, name)


def _named(error: InputError, name: str) -> InputError:
    """The error with the input's name in front, for a summary of many files."""
    message = str(error)
    return error if name in message else InputError(f"{name}: {message}")


def _read_feed(path: Path, overrides: Overrides) -> Iterator[Article | InputError]:
    from strife.parse.feeds import articles_from_feed, is_feed

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if not is_feed(data):
        # an .xml file that is not a feed may still be an XHTML page
        yield from read_articles(path, published=overrides.published, outlet=overrides.outlet)
        return
    for article in articles_from_feed(data, outlet=overrides.outlet):
        updates = {
            k: v
            for k, v in (("published", overrides.published), ("language", overrides.language))
            if v is not None
        }
        yield article.model_copy(update=updates) if updates else article
