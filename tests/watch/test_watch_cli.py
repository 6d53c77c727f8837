"""``strife watch --once`` end to end: local feeds in, articles in a SQLite store out.

The pipeline is replaced by a fake that codes nothing (the watcher's job ends at handing over
articles); the store and the ingest are the real ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

import strife.cli.schema  # a second command keeps `watch` a subcommand
import strife.cli.watch
import strife.pipeline
from strife.cli import app
from strife.models import Article, Extraction
from strife.store import open_store

from .watch_support import Route, Site

runner = CliRunner()


class FakePipeline:
    seen: ClassVar[list[Article]] = []

    def extract(self, article: Article) -> Extraction:
        FakePipeline.seen.append(article)
        return Extraction(article=article, language=article.language)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    FakePipeline.seen = []
    monkeypatch.setattr(strife.pipeline, "Pipeline", FakePipeline)


def _feeds_file(tmp_path: Path, site: Site, *paths: str) -> Path:
    path = tmp_path / "FEEDS.yaml"
    path.write_text(
        "interval: 600\nfeeds:\n"
        + "".join(f"  - url: {site.url(p)}\n    outlet: Wire {i}\n" for i, p in enumerate(paths)),
        encoding="utf-8",
    )
    return path


def test_watch_once_stores_new_articles_then_nothing(site: Site, tmp_path: Path) -> None:
    site.serve_fixture("/sahel.rss", "sahel-wire.rss")
    site.serve_fixture("/lefil.atom", "le-fil.atom", content_type="application/atom+xml")
    feeds = _feeds_file(tmp_path, site, "/sahel.rss", "/lefil.atom")
    db = str(tmp_path / "events.db")

    first = runner.invoke(app, ["watch", str(feeds), "--db", db, "--once"])

    assert first.exit_code == 0, first.output
    assert (
        f"{site.url('/sahel.rss')}: ok: 3 new articles, 3 stored; next poll in 10 min"
        in first.output
    )
    assert f"{site.url('/lefil.atom')}: ok: 2 new articles, 2 stored" in first.output
    assert {a.outlet for a in FakePipeline.seen} == {"Wire 0", "Wire 1"}
    assert (tmp_path / "FEEDS.state.json").is_file()
    with open_store(db) as store:
        assert store.counts()["articles"] == 5

    second = runner.invoke(app, ["watch", str(feeds), "--db", db, "--once", "--interval", "60"])

    assert second.exit_code == 0, second.output
    assert f"{site.url('/sahel.rss')}: not modified; next poll in 60 s" in second.output
    assert len(FakePipeline.seen) == 5
    with open_store(db) as store:
        assert store.counts()["articles"] == 5


def test_watch_once_fails_when_a_feed_fails(site: Site, tmp_path: Path) -> None:
    site.routes["/down.rss"] = Route(body=b"", status=503)
    site.serve_fixture("/lefil.atom", "le-fil.atom", content_type="application/atom+xml")
    feeds = _feeds_file(tmp_path, site, "/down.rss", "/lefil.atom")
    state = tmp_path / "state" / "watch.json"

    result = runner.invoke(
        app, ["watch", str(feeds), "--db", str(tmp_path / "e.db"), "--state", str(state), "--once"]
    )

    assert result.exit_code == 1
    assert "/down.rss: failed: HTTP 503 Service Unavailable; next try in 10 min" in result.output
    assert "/lefil.atom: ok: 2 new articles" in result.output
    assert state.is_file()


def test_a_bad_feeds_file_is_one_line(tmp_path: Path) -> None:
    feeds = tmp_path / "FEEDS.yaml"
    feeds.write_text("feeds:\n  - url: http://a.test/f\n    language: de\n", encoding="utf-8")
    result = runner.invoke(app, ["watch", str(feeds), "--once"])
    assert result.exit_code != 0
    assert "line 3: feeds[1].language must be en or fr, not 'de'" in str(
        result.exception or result.output
    )
