"""Poll RSS/Atom feeds and hand the articles of new entries to a sink.

One round (:meth:`Watcher.poll_once`) visits every feed that is due:

1. a conditional GET of the feed (If-None-Match / If-Modified-Since from the last answer); a 304
   means nothing changed;
2. the entries whose URL was not seen before are new; each one's page is fetched and its main
   text read by the HTML reader of :mod:`strife.parse.article`; when the page fails or holds no
   article, the entry's own text stands in;
3. the feed's new articles go to the sink in one batch; only once the sink has accepted them are
   their URLs marked seen and the feed's ETag / Last-Modified kept. If the sink fails, the next
   round fetches the whole feed again and retries them: nothing is lost, and the store's
   idempotent ingest makes a retry harmless.

A feed that fails (timeout, refused connection, HTTP error, a body that is no feed) is retried
after its interval, then after twice that, four times… up to ``max_backoff``; the other feeds
are polled as usual. Everything a restart needs (validators, seen URLs, failures, next poll
times) is in a JSON state file, rewritten atomically after each feed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, Field, ValidationError

from strife.errors import ConfigError, InputError
from strife.models import Article

# The project's one HTML reader (trafilatura with a linear fallback for hostile pages);
# article.py does not export it under a public name yet.
from strife.parse.article import article_from_html
from strife.parse.feeds import MIN_ARTICLE_CHARS, FeedEntry, parse_feed
from strife.version import __version__
from strife.watch.config import FeedConfig, WatchConfig

logger = logging.getLogger(__name__)

#: Takes a batch of articles, stores them, and returns how many events/articles it stored.
Sink = Callable[[list[Article]], int]

USER_AGENT = f"Strife/{__version__} (conflict news feed watcher; python-httpx)"
DEFAULT_TIMEOUT = 20.0
#: Longest wait before retrying a failing feed, in seconds.
MAX_BACKOFF = 6 * 3600
# Bodies beyond these sizes are no feed or article page a newsroom serves; reading them would
# only cost memory.
MAX_FEED_BYTES = 10_000_000
MAX_PAGE_BYTES = 5_000_000
#: Seen URLs kept per feed: many times the length of any feed, so an entry still listed is never
#: forgotten (entries still in the feed are kept first in any case).
MAX_SEEN = 2000
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class FeedState(BaseModel):
    """What is remembered about one feed between polls and across restarts."""

    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = Field(default_factory=list, description="entry keys, oldest first")
    failures: int = 0
    next_poll: float = 0.0
    last_error: str | None = None


class _StateFile(BaseModel):
    version: Literal[1] = 1
    feeds: dict[str, FeedState] = Field(default_factory=dict)


Outcome = Literal["ok", "not modified", "failed"]


@dataclass(frozen=True)
class FeedStatus:
    """How one feed's poll went, for the CLI to print."""

    url: str
    outcome: Outcome
    next_poll: float
    new: int = 0
    stored: int = 0
    skipped: int = 0
    error: str | None = None
    failures: int = 0

    def describe(self, now: float) -> str:
        """One line: ``ok: 3 new articles, 5 stored; next poll in 15 min``."""
        wait = _duration(self.next_poll - now)
        if self.outcome == "failed":
            times = "" if self.failures < 2 else f" ({self.failures} failures in a row)"
            return f"failed: {self.error}{times}; next try in {wait}"
        if self.outcome == "not modified":
            return f"not modified; next poll in {wait}"
        text = f"ok: {self.new} new article{'' if self.new == 1 else 's'}"
        if self.new:
            text += f", {self.stored} stored"
        if self.skipped:
            text += f", {self.skipped} without text (retried when the feed changes)"
        return f"{text}; next poll in {wait}"


class _FetchError(Exception):
    """A request that brought back no usable response; the message is the reason."""


class Watcher:
    """Polls the feeds of a :class:`WatchConfig` and passes new articles to ``sink``.

    config (WatchConfig): the feeds and their intervals.
    sink (Sink): stores a batch of articles and returns how many events/articles it stored.
    state_path (Path): the JSON state file; created on the first poll.
    timeout (float): seconds allowed for connecting to and reading from a server.
    max_backoff (float): the longest wait before retrying a failing feed, in seconds.
    clock (Callable[[], float]): the time now, in seconds since the epoch.
    sleep (Callable[[float], object] | None): how :meth:`run` waits between rounds; None waits
        on the stop event, so that setting it ends the wait at once.
    RAISES (ConfigError): the state file exists but cannot be read.
    """

    def __init__(
        self,
        config: WatchConfig,
        sink: Sink,
        *,
        state_path: Path,
        timeout: float = DEFAULT_TIMEOUT,
        max_backoff: float = MAX_BACKOFF,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        self.config = config
        self._sink = sink
        self._state_path = state_path
        self._timeout = timeout
        self._max_backoff = max_backoff
        self._clock = clock
        self._sleep = sleep
        self._states = _load_state(state_path)

    def state(self, url: str) -> FeedState:
        """The remembered state of a feed (a fresh one for a feed never polled)."""
        return self._states.setdefault(url, FeedState())

    def next_due(self) -> float:
        """When the next feed is due, in seconds since the epoch."""
        return min(self.state(feed.url).next_poll for feed in self.config.feeds)

    def poll_once(self, now: float | None = None, *, force: bool = False) -> list[FeedStatus]:
        """Poll every feed that is due at ``now`` (every feed when ``force``), one after another.

        RETURNS (list[FeedStatus]): one status per feed polled, in config order.
        RAISES (ConfigError): the state file cannot be written.
        """
        now = self._clock() if now is None else now
        due = [feed for feed in self.config.feeds if force or self.state(feed.url).next_poll <= now]
        if not due:
            return []
        statuses = []
        with httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=self._timeout,
            follow_redirects=True,
            max_redirects=5,
        ) as client:
            for feed in due:
                status = self._poll_feed(client, feed, now)
                logger.info("%s: %s", feed.url, status.describe(now))
                statuses.append(status)
                self._save_state()
        return statuses

    def run(
        self,
        stop: threading.Event,
        *,
        on_round: Callable[[list[FeedStatus]], object] | None = None,
    ) -> None:
        """Poll rounds until ``stop`` is set, waiting in between until the next feed is due.

        on_round: called with the statuses of each round that polled at least one feed.
        """
        wait = self._sleep or stop.wait
        while not stop.is_set():
            statuses = self.poll_once(self._clock())
            if statuses and on_round is not None:
                on_round(statuses)
            if stop.is_set():
                break
            wait(max(0.0, self.next_due() - self._clock()))

    # --- one feed -----------------------------------------------------------------------------

    def _poll_feed(self, client: httpx.Client, feed: FeedConfig, now: float) -> FeedStatus:
        state = self.state(feed.url)
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            response, body = _get(client, feed.url, headers, MAX_FEED_BYTES)
        except _FetchError as exc:
            return self._failed(feed, now, str(exc))
        if response.status_code == 304:
            self._succeeded(feed, now)
            return FeedStatus(feed.url, "not modified", state.next_poll)
        if response.status_code != 200:
            return self._failed(feed, now, f"HTTP {response.status_code} {response.reason_phrase}")
        try:
            parsed = parse_feed(
                body, url=str(response.url), content_type=response.headers.get("content-type")
            )
        except InputError as exc:
            return self._failed(feed, now, str(exc))

        seen = set(state.seen)
        new: dict[str, FeedEntry] = {}
        for entry in parsed.entries:
            if entry.key not in seen:
                new.setdefault(entry.key, entry)
        articles: dict[str, Article] = {}
        for key, entry in new.items():
            article = self._article(client, feed, entry, parsed.title)
            if article is not None:
                articles[key] = article

        stored = 0
        if articles:
            try:
                stored = self._sink(list(articles.values()))
            # The sink is the caller's storage: whatever it raises, this feed's articles stay
            # unseen for the next round and the other feeds are still polled.
            except Exception as exc:
                logger.warning("%s: storing failed", feed.url, exc_info=True)
                return self._failed(feed, now, f"storing failed: {exc}")
        state.seen = _remember(state.seen, [entry.key for entry in parsed.entries], articles.keys())
        # Kept only now: had the sink failed, a 304 next time would hide the unstored entries.
        state.etag = response.headers.get("etag")
        state.last_modified = response.headers.get("last-modified")
        self._succeeded(feed, now)
        return FeedStatus(
            feed.url,
            "ok",
            state.next_poll,
            new=len(articles),
            stored=stored,
            skipped=len(new) - len(articles),
        )

    def _article(
        self, client: httpx.Client, feed: FeedConfig, entry: FeedEntry, feed_title: str | None
    ) -> Article | None:
        """The article of an entry: its page's main text, else the entry's own text."""
        page = _page_article(client, entry.url) if entry.url else None
        text = entry.text
        # A paywall or consent page yields a few words: a page shorter than an article and than
        # the entry's own text holds no article.
        if page is not None and len(page.text) >= min(len(entry.text), MIN_ARTICLE_CHARS):
            text = page.text
        if not text.strip():
            return None
        return Article(
            text=text,
            url=entry.url,
            title=entry.title or (page.title if page else None),
            outlet=feed.outlet or (page.outlet if page else None) or feed_title,
            published=entry.published or (page.published if page else None),
            language=feed.language or entry.language,
        )

    def _succeeded(self, feed: FeedConfig, now: float) -> None:
        state = self.state(feed.url)
        state.failures = 0
        state.last_error = None
        state.next_poll = now + feed.interval

    def _failed(self, feed: FeedConfig, now: float, reason: str) -> FeedStatus:
        state = self.state(feed.url)
        state.failures += 1
        state.last_error = reason
        backoff = feed.interval * 2 ** min(state.failures - 1, 32)
        state.next_poll = now + min(backoff, max(self._max_backoff, feed.interval))
        logger.warning("%s: %s (failure %d)", feed.url, reason, state.failures)
        return FeedStatus(
            feed.url, "failed", state.next_poll, error=reason, failures=state.failures
        )

    # --- state file ---------------------------------------------------------------------------

    def _save_state(self) -> None:
        """Write the state to a temporary file and rename it over the old one, so that a crash
        leaves either the old state or the new, never half of one."""
        path = self._state_path
        payload = _StateFile(feeds=self._states).model_dump_json(indent=1)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
        except OSError as exc:
            raise ConfigError(
                f"cannot write the state file {path}: {exc.strerror or exc}"
            ) from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fp:
                fp.write(payload)
                fp.flush()
                os.fsync(fp.fileno())
            os.replace(temporary, path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise ConfigError(
                f"cannot write the state file {path}: {exc.strerror or exc}"
            ) from None


def _load_state(path: Path) -> dict[str, FeedState]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the state file {path}: {exc}") from None
    try:
        return _StateFile.model_validate_json(text).feeds
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(
            f"the state file {path} is damaged ({where}: {first['msg']}); move it away to "
            "start afresh (articles already stored are not stored twice)"
        ) from None


def _remember(seen: list[str], listed: list[str], stored: Iterable[str]) -> list[str]:
    """The seen keys after a poll: the new ones added, the oldest dropped beyond MAX_SEEN.

    Keys still listed in the feed move to the end, so they are the last to be dropped: a key
    forgotten while its entry is listed would be fetched and stored again.
    """
    known = set(seen).union(stored)
    listed_known = [key for key in dict.fromkeys(listed) if key in known]
    still_listed = set(listed_known)
    kept = [key for key in seen if key not in still_listed] + listed_known
    return kept[-MAX_SEEN:]


# --- HTTP ---------------------------------------------------------------------------------------


def _get(
    client: httpx.Client, url: str, headers: dict[str, str], limit: int
) -> tuple[httpx.Response, bytes]:
    """GET ``url``: the response and at most ``limit`` bytes of its body."""
    try:
        with client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _FetchError(
                    f"the response is {int(declared):,} bytes, over the {limit:,} limit"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise _FetchError(f"the response is over the {limit:,} byte limit")
                chunks.append(chunk)
            return response, b"".join(chunks)
    except httpx.TimeoutException:
        raise _FetchError(f"timed out ({client.timeout.read:g} s)") from None
    except httpx.ConnectError as exc:
        raise _FetchError(f"cannot connect: {exc}") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise _FetchError(str(exc) or type(exc).__name__) from None


def _page_article(client: httpx.Client, url: str) -> Article | None:
    """The main text and metadata of an article page, or None when it cannot be had."""
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    try:
        response, body = _get(client, url, {}, MAX_PAGE_BYTES)
    except _FetchError as exc:
        logger.info("%s: page not fetched (%s); using the feed's text", url, exc)
        return None
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if response.status_code != 200 or (content_type and content_type not in _HTML_TYPES):
        logger.info("%s: no HTML page (HTTP %d, %s)", url, response.status_code, content_type)
        return None
    try:
        html = body.decode(response.charset_encoding or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know: most such pages are UTF-8 anyway
        html = body.decode("utf-8", errors="replace")
    try:
        return article_from_html(html, name=url, url=url)
    except InputError as exc:
        logger.info("%s: %s; using the feed's text", url, exc)
        return None


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"
