from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from bench.corpus import make_corpus, mixed_stream
from strife.ingest import Overrides, ingest_paths
from strife.models import Article, Extraction
from strife.pipeline import Pipeline
from strife.store import Store

MERGE = Path(__file__).parent.parent / "fixtures" / "merge"


def _jsonl(path: Path, records: list[dict[str, object]], *, broken: int = 0) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    for n in range(broken):
        lines.insert(1 + n * 2, '{"text": "unterminated')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_directory_with_bad_files_ingests_the_good_ones(db_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "fr").mkdir(parents=True)
    (inbox / "wire.txt").write_text((MERGE / "en-wire.txt").read_text())
    (inbox / "fr" / "afp.txt").write_text((MERGE / "fr-afp.txt").read_text())
    (inbox / "empty.html").write_text("<html><body><nav>Home | About</nav></body></html>")
    (inbox / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inbox / ".hidden.txt").write_text("not an article")
    _jsonl(
        inbox / "dump.jsonl",
        [{"id": "d1", "text": (MERGE / "en-army.txt").read_text(), "published": "2025-06-02"}],
        broken=1,
    )
    with Store.open(db_url) as store:
        june_2 = Overrides(published=date(2025, 6, 2))
        stats = ingest_paths(store, [inbox], overrides=june_2, workers=1)
        assert (stats.stored, stats.errors) == (3, 3)
        assert any("empty.html" in m and "no article text" in m for m in stats.error_messages)
        assert any("line 2" in m for m in stats.error_messages)
        assert store.counts()["articles"] == 3
        events = list(store.events())
        assert len(events) == 1 and len(events[0].sources) == 3

        again = ingest_paths(store, [inbox], overrides=june_2, workers=2)
        assert (again.stored, again.unchanged) == (0, 3)
        assert store.counts()["articles"] == 3


def test_a_failing_article_fails_alone_in_a_workers_task(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # workers extract articles in tasks of several: one that breaks the pipeline is counted
    # as an error and the others of its task are still stored
    extract_many = Pipeline.extract_many

    def breaks_on_boom(self: Pipeline, articles: Iterable[Article]) -> Iterator[Extraction]:
        articles = list(articles)
        if any("BOOM" in a.text for a in articles):
            raise RuntimeError("boom")
        return extract_many(self, articles)

    monkeypatch.setattr(Pipeline, "extract_many", breaks_on_boom)  # before the workers fork
    texts = [(MERGE / "en-army.txt").read_text(), "BOOM went the market.", "Rain in Bamako."]
    texts += [f"Article {i} about the harvest." for i in range(5)]
    dump = _jsonl(tmp_path / "dump.jsonl", [{"text": t, "published": "2025-06-02"} for t in texts])
    with Store.open(db_url) as store:
        stats = ingest_paths(store, [dump], workers=2)
        assert (stats.stored, stats.errors) == (7, 1)
        assert "extraction failed: boom" in stats.error_messages[0]
        assert store.counts()["articles"] == 7 and store.counts()["events"] == 1


def _strife(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "strife", *args],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _export(db: str) -> str:
    run = _strife("export", "--format", "jsonl", "--db", db, env={})
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    return out


def _articles(db: str) -> int:
    with Store.open(db) as store:
        return store.counts()["articles"]


@pytest.mark.slow
def test_an_ingest_killed_with_sigkill_resumes_to_the_same_database(
    make_db_url: Callable[[], str], tmp_path: Path
) -> None:
    corpus = make_corpus(400, 1600, seed=11)
    stream = mixed_stream(corpus, share_other=0.8, seed=11)
    assert len(stream) == 2000
    dump = _jsonl(
        tmp_path / "archive.jsonl",
        [{"text": a.text, "published": str(a.published), "language": a.language} for a in stream],
    )
    clean, killed = make_db_url(), make_db_url()

    run = _strife("ingest", str(dump), "--db", clean, "--workers", "2", env={})
    _, err = run.communicate(timeout=900)
    assert run.returncode == 0, err

    run = _strife("ingest", str(dump), "--db", killed, "--workers", "2", env={})
    try:
        deadline = time.monotonic() + 600
        # reading the database while the ingest writes it, as a user's `strife serve` would
        while time.monotonic() < deadline and run.poll() is None and _articles(killed) < 500:
            time.sleep(0.2)
        assert run.poll() is None, "the ingest ended before it could be killed"
        os.killpg(run.pid, signal.SIGKILL)  # kill -9 of the ingest and its workers
    finally:
        _, err = run.communicate(timeout=60)
    assert run.returncode == -signal.SIGKILL, err
    partial = _articles(killed)
    assert 0 < partial < 2000

    rerun = _strife("ingest", str(dump), "--db", killed, "--workers", "2", env={})
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    assert f"({partial} already stored)" in err

    assert _articles(killed) == _articles(clean) == 2000
    assert _export(killed) == _export(clean)
