"""The source an article gives an event: its outlet, URL, title, date and language.

The store (from its articles table) and `strife batch` (from the extraction in a Spark task)
build an event's sources with the same function, so both name the same outlets.
"""

from __future__ import annotations

from urllib.parse import urlparse

from strife.models import Article, Extraction, Source


def outlet_name(article: Article) -> str | None:
    """The outlet an article came from: its own, else its URL's host without "www."."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def source_of(extraction: Extraction) -> Source:
    """The source of an extracted article; the language is the one the pipeline read it in."""
    article = extraction.article
    return Source(
        article_id=article.id,
        outlet=outlet_name(article),
        url=article.url,
        title=article.title,
        published=article.published,
        language=extraction.language or article.language,
    )
