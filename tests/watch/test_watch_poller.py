"""The watcher against a real local web site: conditional GETs, new entries, failures, restarts."""

from __future__ import annotations

import json
import socket
import threading
from datetime import date
from pathlib import Path

import pytest

from strife.errors import ConfigError
from strife.models import Article
from strife.watch.config import FeedConfig, WatchConfig
from strife.watch.poller import MAX_SEEN, Watcher, _remember

from .watch_support import Route, Site

T0 = 1_750_000_000.0
INTERVAL = 900
TIMEOUT = 0.5

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><title>{title}</title>
<meta property="og:site_name" content="{site}">
<script>var tracker = 'SCRIPT-IN-PAGE';</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Navigation menu links</nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright 2025 {site}. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""

DIOURA = [
    "Unidentified gunmen attacked the village of Dioura in central Mali on Sunday, killing at "
    "least 12 civilians, local officials said.",
    "The attackers arrived on motorcycles in the late afternoon and set fire to houses and "
    "granaries before withdrawing toward the border, according to residents.",
    "Residents said the attackers also drove away several hundred head of cattle.",
]
MENAKA = [
    "Soldiers clashed with militants near Menaka on Friday, the army said in a statement "
    "released on Saturday evening.",
    "Several vehicles were destroyed during the fighting, which lasted for hours, according to "
    "local sources contacted by telephone.",
]
TESSIT = [
    "Des hommes armés ont tendu dimanche une embuscade à une patrouille de l'armée malienne "
    "près de Tessit, dans la région de Gao, tuant au moins neuf soldats.",
    "L'attaque a été revendiquée lundi par le Groupe de soutien à l'islam et aux musulmans, "
    "selon un communiqué diffusé sur les réseaux sociaux.",
    "Plusieurs blessés ont été évacués vers Gao, a indiqué un élu local joint par téléphone.",
]
NEW_ENTRY = """<item>
<title>Drone strike hits wedding near Kidal</title>
<link>https://sahelwire.test/news/kidal-strike</link>
<guid>sahelwire-1004</guid>
<pubDate>Tue, 03 Jun 2025 07:00:00 +0000</pubDate>
<description>A drone strike hit a wedding near Kidal on Monday, residents said.</description>
</item>
"""
KIDAL = [
    "A drone strike hit a wedding party near Kidal on Monday, killing at least seven people, "
    "residents and a local official said.",
    "The army said it had targeted a gathering of terrorists in the area.",
]


def page(title: str, paragraphs: list[str], *, lang: str = "en", site: str = "Sahel Wire") -> Route:
    body = PAGE.format(
        lang=lang, title=title, site=site, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs)
    )
    return Route(body=body.encode(), content_type="text/html; charset=utf-8")


class Sink:
    """Stands in for the store: keeps every batch, or fails when told to."""

    def __init__(self) -> None:
        self.batches: list[list[Article]] = []
        self.fail = False

    def __call__(self, articles: list[Article]) -> int:
        if self.fail:
            raise RuntimeError("database is locked")
        self.batches.append(articles)
        return len(articles)

    @property
    def articles(self) -> list[Article]:
        return [article for batch in self.batches for article in batch]


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def news(site: Site) -> Site:
    """Two working feeds (English RSS with a Last-Modified too, French Atom) and their pages;
    the Gao page is missing and the Niamey one empty: they fall back to the feed's text."""
    site.serve_fixture(
        "/sahel.rss", "sahel-wire.rss", last_modified="Mon, 02 Jun 2025 12:00:00 GMT"
    )
    site.serve_fixture("/lefil.atom", "le-fil.atom", content_type="application/atom+xml")
    site.routes["/news/dioura-attack"] = page("Gunmen kill 12 civilians in Dioura", DIOURA)
    site.routes["/news/menaka-clash"] = page("Clash near Menaka", MENAKA)
    site.routes["/actualites/tessit-embuscade"] = page(
        "Embuscade près de Tessit", TESSIT, lang="fr", site="Le Fil Sahel"
    )
    # A page drawn by JavaScript: no text in its HTML.
    site.routes["/actualites/niamey-manifestation"] = Route(
        body=b'<!DOCTYPE html><html><head><script src="/app.js"></script></head>'
        b'<body><div id="root"></div></body></html>',
        content_type="text/html",
    )
    return site


def feeds(site: Site, *paths: str, **options: object) -> WatchConfig:
    return WatchConfig(
        interval=INTERVAL,
        feeds=tuple(
            FeedConfig(url=site.url(path), interval=INTERVAL, **options)  # type: ignore[arg-type]
            for path in paths
        ),
    )


def watcher(config: WatchConfig, sink: Sink, tmp_path: Path, clock: Clock | None = None) -> Watcher:
    return Watcher(
        config,
        sink,
        state_path=tmp_path / "state" / "watch.json",
        timeout=TIMEOUT,
        clock=clock or Clock(),
    )


def by_url(articles: list[Article], site: Site) -> dict[str, Article]:
    return {(a.url or "").removeprefix(site.base): a for a in articles}


def test_first_poll_ingests_every_entry_with_its_metadata(news: Site, tmp_path: Path) -> None:
    sink = Sink()
    statuses = watcher(feeds(news, "/sahel.rss", "/lefil.atom"), sink, tmp_path).poll_once(T0)

    assert [(s.outcome, s.new, s.stored) for s in statuses] == [("ok", 3, 3), ("ok", 2, 2)]
    assert len(sink.batches) == 2  # one batch per feed
    articles = by_url(sink.articles, news)
    assert set(articles) == {
        "/news/dioura-attack",
        "/news/menaka-clash",
        "/news/gao-ambush",
        "/actualites/tessit-embuscade",
        "/actualites/niamey-manifestation",
    }

    dioura = articles["/news/dioura-attack"]
    assert "several hundred head of cattle" in dioura.text  # read from the page, not the feed
    assert "Navigation menu" not in dioura.text and "SCRIPT-IN-PAGE" not in dioura.text
    assert dioura.title == "Gunmen kill 12 civilians in central Mali village"  # the feed's title
    assert (
        dioura.outlet == "Sahel Wire"
    )  # the page's site name beats the feed's "Sahel Wire - World"
    assert dioura.published == date(2025, 6, 1)  # the outlet's day (22:30 -0500), not UTC's
    assert dioura.language == "en"
    # A teaser-only entry gets the full text of its page.
    assert "lasted for hours" in articles["/news/menaka-clash"].text

    # The Gao page is missing: the feed's own text stands in, its hostile markup gone.
    gao = articles["/news/gao-ambush"].text
    assert gao.startswith("A supply convoy was ambushed on the road between Gao and Ansongo")
    for hostile in (
        "SCRIPT-IN-FEED",
        "alert",
        "steal",
        "IFRAME-TEXT",
        "COMMENT-TEXT",
        "<",
        "color:red",
    ):
        assert hostile not in gao

    tessit = articles["/actualites/tessit-embuscade"]  # a relative Atom link, resolved
    assert "évacués vers Gao" in tessit.text
    assert tessit.language == "fr"
    assert tessit.published == date(2025, 6, 2)
    niamey = articles["/actualites/niamey-manifestation"]
    assert niamey.text == "Des centaines de personnes ont manifesté à Niamey."
    assert niamey.outlet == "Le Fil Sahel"

    for headers in news.headers_of("/sahel.rss") + news.headers_of("/news/dioura-attack"):
        assert headers["user-agent"].startswith("Strife/")


def test_second_poll_is_not_modified_and_ingests_nothing(news: Site, tmp_path: Path) -> None:
    sink = Sink()
    watch = watcher(feeds(news, "/sahel.rss", "/lefil.atom"), sink, tmp_path)
    watch.poll_once(T0)
    pages_before = news.count("/news/dioura-attack")

    assert watch.poll_once(T0 + INTERVAL / 2) == []  # nothing is due yet
    statuses = watch.poll_once(T0 + INTERVAL)

    assert [s.outcome for s in statuses] == ["not modified", "not modified"]
    assert [s.next_poll for s in statuses] == [T0 + 2 * INTERVAL] * 2
    assert len(sink.batches) == 2
    assert news.count("/news/dioura-attack") == pages_before
    rss_headers = news.headers_of("/sahel.rss")
    assert len(rss_headers) == 2
    assert "if-none-match" not in rss_headers[0]
    assert rss_headers[1]["if-none-match"].startswith('"')
    assert rss_headers[1]["if-modified-since"] == "Mon, 02 Jun 2025 12:00:00 GMT"
    assert statuses[0].describe(T0 + INTERVAL) == "not modified; next poll in 15 min"


def test_last_modified_alone_gives_a_conditional_get(news: Site, tmp_path: Path) -> None:
    news.serve_fixture(
        "/sahel.rss", "sahel-wire.rss", etag=False, last_modified="Mon, 02 Jun 2025 12:00:00 GMT"
    )
    sink = Sink()
    watch = watcher(feeds(news, "/sahel.rss"), sink, tmp_path)
    watch.poll_once(T0)
    assert [s.outcome for s in watch.poll_once(T0 + INTERVAL)] == ["not modified"]
    assert "if-none-match" not in news.headers_of("/sahel.rss")[1]


def test_a_new_entry_is_picked_up_alone(news: Site, tmp_path: Path) -> None:
    sink = Sink()
    watch = watcher(feeds(news, "/sahel.rss"), sink, tmp_path)
    watch.poll_once(T0)
    news.routes["/news/kidal-strike"] = page("Drone strike near Kidal", KIDAL)
    feed = news.routes["/sahel.rss"]
    feed.body = feed.body.replace(b"<item>", news.localise(NEW_ENTRY.encode()) + b"<item>", 1)
    feed.last_modified = "Tue, 03 Jun 2025 08:00:00 GMT"
    fetched_before = {
        path: news.count(path) for path in ("/news/dioura-attack", "/news/gao-ambush")
    }

    (status,) = watch.poll_once(T0 + INTERVAL)

    assert (status.outcome, status.new) == ("ok", 1)
    assert len(sink.batches) == 2
    (kidal,) = sink.batches[1]
    assert kidal.url == news.url("/news/kidal-strike")
    assert "killing at least seven people" in kidal.text
    assert kidal.published == date(2025, 6, 3)
    assert {path: news.count(path) for path in fetched_before} == fetched_before


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(body=b"", delay=5.0), "timed out"),
        (Route(body=b"<h1>Internal error</h1>", status=500), "HTTP 500 Internal Server Error"),
        (Route(body=b"\x00\x17garbage\xff not a feed at all"), "is not an RSS or Atom feed"),
        (
            Route(body=b"<!DOCTYPE html><html><body>Moved</body></html>"),
            "is not an RSS or Atom feed",
        ),
    ],
    ids=["timeout", "http-500", "garbage", "html-page"],
)
def test_a_failing_feed_backs_off_while_the_other_is_ingested(
    news: Site, tmp_path: Path, route: Route, reason: str
) -> None:
    news.routes["/broken.rss"] = route
    sink = Sink()
    watch = watcher(feeds(news, "/broken.rss", "/lefil.atom"), sink, tmp_path)

    broken, good = watch.poll_once(T0)

    assert broken.outcome == "failed" and reason in (broken.error or "")
    assert broken.next_poll == T0 + INTERVAL
    assert broken.describe(T0).startswith("failed: ")
    assert broken.describe(T0).endswith("next try in 15 min")
    assert (good.outcome, good.new) == ("ok", 2)
    assert [a.url for a in sink.articles] == [
        news.url("/actualites/tessit-embuscade"),
        news.url("/actualites/niamey-manifestation"),
    ]

    # Each further failure doubles the wait; the working feed keeps its own rhythm.
    (broken,) = [s for s in watch.poll_once(T0 + INTERVAL) if s.url.endswith("/broken.rss")]
    assert (broken.failures, broken.next_poll) == (2, T0 + 3 * INTERVAL)
    assert "2 failures in a row" in broken.describe(T0 + INTERVAL)
    statuses = watch.poll_once(T0 + 2 * INTERVAL)
    assert [s.url for s in statuses] == [news.url("/lefil.atom")]
    assert news.count("/broken.rss") == 2
    (broken, _) = watch.poll_once(T0 + 3 * INTERVAL)
    assert (broken.failures, broken.next_poll) == (3, T0 + 7 * INTERVAL)


def test_back_off_is_capped(news: Site, tmp_path: Path) -> None:
    news.routes["/broken.rss"] = Route(body=b"", status=503)
    watch = Watcher(
        feeds(news, "/broken.rss"),
        Sink(),
        state_path=tmp_path / "watch.json",
        timeout=TIMEOUT,
        max_backoff=2 * INTERVAL,
    )
    now = T0
    waits = []
    for _ in range(4):
        (status,) = watch.poll_once(now)
        waits.append(status.next_poll - now)
        now = status.next_poll
    assert waits == [INTERVAL, 2 * INTERVAL, 2 * INTERVAL, 2 * INTERVAL]


def test_a_refused_connection_is_a_failure(news: Site, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = WatchConfig(
        interval=INTERVAL,
        feeds=(
            FeedConfig(url=f"http://127.0.0.1:{port}/feed.rss", interval=INTERVAL),
            FeedConfig(url=news.url("/sahel.rss"), interval=INTERVAL),
        ),
    )
    sink = Sink()
    refused, good = watcher(config, sink, tmp_path).poll_once(T0)
    assert refused.outcome == "failed" and "cannot connect" in (refused.error or "")
    assert (good.outcome, good.new) == ("ok", 3)


def test_recovery_resets_the_back_off(news: Site, tmp_path: Path) -> None:
    news.routes["/flaky.rss"] = Route(body=b"", status=502)
    watch = watcher(feeds(news, "/flaky.rss"), Sink(), tmp_path)
    watch.poll_once(T0)
    (failed,) = watch.poll_once(T0 + INTERVAL)
    assert failed.failures == 2
    news.serve_fixture("/flaky.rss", "sahel-wire.rss")
    (ok,) = watch.poll_once(failed.next_poll)
    assert ok.outcome == "ok" and ok.next_poll == failed.next_poll + INTERVAL
    assert watch.state(news.url("/flaky.rss")).failures == 0


def test_state_survives_a_restart(news: Site, tmp_path: Path) -> None:
    sink = Sink()
    config = feeds(news, "/sahel.rss", "/lefil.atom")
    watcher(config, sink, tmp_path).poll_once(T0)
    requests_before = len(news.requests)

    restarted = watcher(config, sink, tmp_path)
    assert restarted.poll_once(T0 + 10) == []  # the schedule survived too
    statuses = restarted.poll_once(T0 + 10, force=True)

    assert [s.outcome for s in statuses] == ["not modified", "not modified"]
    assert len(sink.batches) == 2
    assert len(news.requests) == requests_before + 2  # the two feeds, no page
    state_dir = tmp_path / "state"
    assert [p.name for p in state_dir.iterdir()] == ["watch.json"]  # no temporary file left
    saved = json.loads((state_dir / "watch.json").read_text(encoding="utf-8"))
    assert news.url("/news/gao-ambush") in saved["feeds"][news.url("/sahel.rss")]["seen"]


def test_without_validators_a_restart_still_fetches_no_page(news: Site, tmp_path: Path) -> None:
    news.serve_fixture("/sahel.rss", "sahel-wire.rss", etag=False)
    sink = Sink()
    config = feeds(news, "/sahel.rss")
    watcher(config, sink, tmp_path).poll_once(T0)
    pages = news.count("/news/dioura-attack")

    (status,) = watcher(config, sink, tmp_path).poll_once(T0 + INTERVAL)

    assert (status.outcome, status.new) == ("ok", 0)
    assert news.count("/news/dioura-attack") == pages
    assert len(sink.batches) == 1


def test_entries_are_seen_only_once_the_sink_accepted_them(news: Site, tmp_path: Path) -> None:
    sink = Sink()
    sink.fail = True
    watch = watcher(feeds(news, "/sahel.rss"), sink, tmp_path)
    (failed,) = watch.poll_once(T0)
    assert failed.outcome == "failed" and failed.error == "storing failed: database is locked"
    assert watch.state(news.url("/sahel.rss")).seen == []

    sink.fail = False
    (retried,) = watch.poll_once(failed.next_poll)

    # No ETag was kept, so the feed came back whole (not a 304) and every entry was stored.
    assert (retried.outcome, retried.new) == ("ok", 3)
    assert {a.url for a in sink.batches[-1]} == {
        news.url(p) for p in ("/news/dioura-attack", "/news/menaka-clash", "/news/gao-ambush")
    }


def test_an_entry_without_any_text_stays_unseen(news: Site, tmp_path: Path) -> None:
    news.routes["/bare.rss"] = Route(
        body=news.localise(
            b'<rss version="2.0"><channel><title>Bare</title><item><title>Video</title>'
            b"<link>https://sahelwire.test/video/1</link></item></channel></rss>"
        )
    )
    sink = Sink()
    watch = watcher(feeds(news, "/bare.rss"), sink, tmp_path)
    (status,) = watch.poll_once(T0)
    assert (status.outcome, status.new, status.skipped) == ("ok", 0, 1)
    assert sink.batches == []
    assert watch.state(news.url("/bare.rss")).seen == []
    assert "1 without text" in status.describe(T0)


def test_config_language_and_outlet_win(news: Site, tmp_path: Path) -> None:
    sink = Sink()
    watcher(feeds(news, "/sahel.rss", outlet="SW", language="fr"), sink, tmp_path).poll_once(T0)
    assert {(a.outlet, a.language) for a in sink.articles} == {("SW", "fr")}


def test_run_polls_until_stopped(news: Site, tmp_path: Path) -> None:
    clock = Clock()
    stop = threading.Event()
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.now += seconds
        if len(waits) == 2:
            stop.set()

    sink = Sink()
    rounds: list[list[str]] = []
    watch = Watcher(
        feeds(news, "/sahel.rss"),
        sink,
        state_path=tmp_path / "watch.json",
        timeout=TIMEOUT,
        clock=clock,
        sleep=sleep,
    )
    watch.run(stop, on_round=lambda statuses: rounds.append([s.outcome for s in statuses]))

    assert waits == [INTERVAL, INTERVAL]
    assert rounds == [["ok"], ["not modified"]]
    assert news.count("/sahel.rss") == 2


def test_a_damaged_state_file_is_refused(news: Site, tmp_path: Path) -> None:
    state = tmp_path / "state" / "watch.json"
    state.parent.mkdir()
    state.write_text('{"version": 1, "feeds": {"x": {"seen": "oops"}}}', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"damaged \(feeds\.x\.seen: .*move it away"):
        watcher(feeds(news, "/sahel.rss"), Sink(), tmp_path)
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="damaged"):
        watcher(feeds(news, "/sahel.rss"), Sink(), tmp_path)


def test_seen_urls_are_bounded_but_listed_ones_are_kept() -> None:
    old = [f"u{i}" for i in range(MAX_SEEN)]
    listed = ["u0", "new"]
    seen = _remember(old, listed, ["new"])
    assert len(seen) == MAX_SEEN
    assert seen[-2:] == ["u0", "new"]  # still in the feed: kept, and last to go
    assert "u1" not in seen  # the oldest that left the feed is dropped
