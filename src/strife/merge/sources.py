"""The source an article gives an event: its outlet, URL, title, date and language.

The store (from its articles table) and `strife batch` (from the extraction in a Spark task)
build an event's sources with the same function, so both name the same outlets.
"""

from __future__ import annotations

from strife.models import Article, Extraction, Source
from strife.outlets import source_name


def outlet_name(article: Article) -> str | None:
    """The outlet an article came from: its own, else the listed outlet of its URL
    (``data/outlets.yaml``: reuters.com is Reuters), else its URL's host."""
    return source_name(article) or None


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
