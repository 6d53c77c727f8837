"""Read RSS (0.9x, 1.0, 2.0) and Atom feeds: their entries, and articles from saved feed files.

feedparser does the parsing, but it is only ever given bytes wrapped in a stream: handed a
``str`` or ``bytes`` it may treat them as a URL to fetch or a file name to open, and Strife
fetches nothing it was not asked to (the watcher does its own HTTP).

Entry HTML becomes plain text through the linear scanner of :mod:`strife.parse.article`, the
same one that reads hostile pages: scripts, styles and iframes are dropped with their content,
and no markup of any shape can make it slow. feedparser's own sanitizer is switched off because
only text leaves this module, never HTML.
"""

from __future__ import annotations

import codecs
import email.utils
import io
import re
import time
import xml.sax
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import feedparser

from strife.errors import InputError
from strife.models import Article, article_id_for

# The one HTML-to-text scanner of the project; article.py does not export it under a public
# name yet.
from strife.parse.article import html_to_text

#: Entry text shorter than this is a teaser (a lead sentence or two), not an article: wire
#: stories a feed carries in full run to several paragraphs.
MIN_ARTICLE_CHARS = 400

# How far into the bytes is_feed looks for the root element: XML declarations, stylesheets,
# comments and doctypes before it fit in a few hundred bytes.
_SNIFF_CHARS = 4096
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_LANGUAGE = re.compile(r"[a-z]{2}(?=$|[-_])")
_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, its text already plain (HTML stripped)."""

    id: str | None
    url: str | None
    title: str | None
    published: date | None
    text: str
    language: str | None

    @property
    def key(self) -> str:
        """What identifies the entry across polls: its URL, else its guid, else its words."""
        return self.url or self.id or article_id_for(f"{self.title or ''}\n{self.text}")


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title and language (ISO 639-1) and its entries in feed order."""

    title: str | None
    language: str | None
    entries: tuple[FeedEntry, ...]


class FeedArticles(list[Article]):
    """The articles of a saved feed, with the number of teaser-only entries left out."""

    def __init__(self, articles: list[Article], skipped: int) -> None:
        super().__init__(articles)
        self.skipped = skipped


def is_feed(data: bytes) -> bool:
    """Whether ``data`` looks like an RSS or Atom feed, judged from its root element only.

    Cheap enough for a directory walker to call on every .xml file: it looks at the first few
    kilobytes and never parses.

    >>> is_feed(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    True
    >>> is_feed(b"<!DOCTYPE html><html><body>news</body></html>")
    False
    """
    head = _decode_head(data[: _SNIFF_CHARS * 4])[:_SNIFF_CHARS]
    i = 0
    n = len(head)
    # Skip what may precede the root element; every step moves forward, so this is linear.
    while i < n:
        if head[i].isspace():
            i += 1
        elif head.startswith(("<?", "<!--", "<!"), i):
            closing = (
                "?>" if head.startswith("<?", i) else "-->" if head.startswith("<!--", i) else ">"
            )
            end = head.find(closing, i + 2)
            if end < 0:
                return False
            i = end + len(closing)
        else:
            break
    root = _ROOT.match(head, i)
    if root is None:
        return False
    name = root.group(1).lower()
    lowered = head.lower()
    if name == "rss":
        return True
    if name == "rdf":  # RSS 0.90 and 1.0; other RDF documents are not feeds
        return "purl.org/rss/" in lowered or "my.netscape.com/rdf/simple" in lowered
    if name == "feed":  # Atom 1.0 and the pre-standard 0.3
        return "www.w3.org/2005/atom" in lowered or "purl.org/atom/" in lowered
    return False


def parse_feed(data: bytes, *, url: str | None = None, content_type: str | None = None) -> Feed:
    """Parse the bytes of an RSS or Atom feed.

    data (bytes): the feed document as served or saved.
    url (str | None): where the feed came from; relative entry links are resolved against it,
        and error messages name it.
    content_type (str | None): the HTTP Content-Type, whose charset feedparser honours.
    RETURNS (Feed): the feed's title, language and entries (a well-formed feed may have none).
    RAISES (InputError): the bytes are not a feed, or so broken that no entry could be read.
    """
    name = url or "the input"
    if not data.strip():
        raise InputError(f"{name} is empty, not an RSS or Atom feed")
    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.get("version"):
        raise InputError(f"{name} is not an RSS or Atom feed (it starts with {_preview(data)})")
    raw_entries: list[Any] = parsed.get("entries") or []
    channel: dict[str, Any] = parsed.get("feed") or {}
    feed_language = _language(dict.get(channel, "language"))
    # An entry with neither a link nor text (a truncated feed's last item) has nothing to read.
    entries = tuple(
        entry
        for entry in (_entry(raw, feed_language) for raw in raw_entries)
        if entry.url or entry.text
    )
    problem = parsed.get("bozo_exception")
    if not entries and isinstance(problem, xml.sax.SAXException):
        raise InputError(f"{name} is a malformed feed with no readable entry ({problem})")
    return Feed(
        title=_text(dict.get(channel, "title_detail")) or None,
        language=feed_language,
        entries=entries,
    )


def articles_from_feed(data: bytes, *, outlet: str | None, url: str | None = None) -> FeedArticles:
    """The articles a saved feed carries in full (RSS content:encoded, Atom content, or a long
    summary); entries with only a teaser are skipped and counted in ``.skipped``.

    data (bytes): the feed file's bytes.
    outlet (str | None): the outlet of every article; None takes the feed's title.
    url (str | None): where the feed came from, to resolve relative links and name it in errors.
    RETURNS (FeedArticles): a list of articles in feed order, with ``.skipped``.
    RAISES (InputError): the bytes are not a feed.
    """
    feed = parse_feed(data, url=url)
    articles = [
        Article(
            text=entry.text,
            url=entry.url,
            title=entry.title,
            outlet=outlet or feed.title,
            published=entry.published,
            language=entry.language,
        )
        for entry in feed.entries
        if len(entry.text) >= MIN_ARTICLE_CHARS
    ]
    return FeedArticles(articles, skipped=len(feed.entries) - len(articles))


# --- entries ----------------------------------------------------------------------------------


def _entry(raw: dict[str, Any], feed_language: str | None) -> FeedEntry:
    # dict.get, not raw.get: feedparser's mapping warns (DeprecationWarning) when some keys are
    # missing and quietly substitutes others.
    details = [*(dict.get(raw, "content") or []), dict.get(raw, "summary_detail")]
    texts = [(_text(detail), detail) for detail in details if detail]
    text, detail = max(texts, key=lambda pair: len(pair[0]), default=("", None))
    language = _language(dict.get(detail, "language") if detail else None) or feed_language
    link = dict.get(raw, "link")
    guid = dict.get(raw, "id")
    return FeedEntry(
        id=guid.strip() if isinstance(guid, str) and guid.strip() else None,
        url=link.strip() if isinstance(link, str) and link.strip() else None,
        title=_text(dict.get(raw, "title_detail")) or None,
        published=_entry_date(raw),
        text=text,
        language=language,
    )


def _text(detail: dict[str, Any] | None) -> str:
    """Plain text of a feedparser text construct (HTML or plain), whitespace tidied."""
    if not detail:
        return ""
    value = dict.get(detail, "value") or ""
    if dict.get(detail, "type") in _HTML_TYPES:
        return html_to_text(value)
    lines = (" ".join(line.split()) for line in value.splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(raw: dict[str, Any]) -> date | None:
    """The entry's publication day as the outlet wrote it, in the outlet's time zone.

    feedparser's ``*_parsed`` values are converted to UTC, which moves a late-evening story in
    Bamako or New York to the next day; the day of the raw string is the one relative dates in
    the text ("on Sunday") are counted from.
    """
    for key in ("published", "updated"):
        value = dict.get(raw, key)
        if isinstance(value, str) and value.strip():
            parsed = _parse_timestamp(value.strip())
            if parsed is not None:
                return parsed
        struct = dict.get(raw, f"{key}_parsed")
        if isinstance(struct, time.struct_time):
            return date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    return None


def _parse_timestamp(value: str) -> date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value).date()  # Atom: RFC 3339
    except ValueError:
        return None


def _language(value: object) -> str | None:
    """ISO 639-1 code of a feed language tag ("fr-FR" → "fr"), or None."""
    if not isinstance(value, str):
        return None
    match = _LANGUAGE.match(value.strip().lower())
    return match.group(0) if match else None


def _decode_head(data: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "ignore")
    # Latin-1 decodes any byte; the markup that matters here is ASCII in every other encoding.
    return data.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _preview(data: bytes) -> str:
    head = " ".join(data[:40].decode("utf-8", "replace").split())
    return repr(head + ("…" if len(data) > 40 else ""))
