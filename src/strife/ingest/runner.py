"""Ingest: read articles, extract their reports in worker processes, store and merge them.

Extraction (the expensive part) runs in ``workers`` processes, one pipeline each; storing and
merging run in this process only, one transaction per article, so the database has one writer
and an ingest killed at any moment leaves whole articles. Articles already stored are skipped
before extraction, which makes a re-run cheap and idempotent. A bad input or a failing article
is logged and counted; it never stops the batch.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from strife.errors import InputError, StrifeError
from strife.ingest.sources import Overrides, input_files, read_input
from strife.models import Article, Extraction, Report
from strife.pipeline import Pipeline
from strife.store import Store

logger = logging.getLogger(__name__)

# Articles checked against the store at once; articles sent to a worker in one task (a task
# per article costs more in messages than a non-violent article costs to extract); tasks in
# flight per worker: enough to keep the workers busy while this process writes, without
# reading a whole archive into memory.
_LOOKUP_BATCH = 64
_TASK_ARTICLES = 8
_IN_FLIGHT_PER_WORKER = 4
# Error messages kept for the summary; the rest are counted (and logged).
_KEPT_ERRORS = 20


@dataclass(slots=True)
class IngestStats:
    """What an ingest did; updated as it goes, for the progress bar."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    reports: int = 0
    errors: int = 0
    events: set[str] = field(default_factory=set)
    error_messages: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Articles handled (stored, unchanged or failed) per second."""
        done = self.stored + self.unchanged + self.errors
        return done / self.seconds if self.seconds > 0 else 0.0

    def error(self, message: str) -> None:
        self.errors += 1
        logger.warning("%s", message)
        if len(self.error_messages) < _KEPT_ERRORS:
            self.error_messages.append(message)


Progress = Callable[[IngestStats], None]


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    overrides: Overrides | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> IngestStats:
    """Ingest every article of ``paths`` (files, directories, "-" for stdin)."""
    stats = IngestStats()
    items = _read_all(list(paths), overrides or Overrides(), stats)
    return _ingest(store, items, stats, workers or default_workers(), progress)


def ingest_articles(
    store: Store,
    articles: Iterable[Article],
    *,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> IngestStats:
    """Ingest articles already in memory, extracting in this process (for ``watch`` and the API)."""
    stats = IngestStats()
    return _ingest(store, iter(articles), stats, 1, progress, pipeline=pipeline)


def _read_all(
    paths: list[str | Path], overrides: Overrides, stats: IngestStats
) -> Iterator[Article | InputError]:
    for source in input_files(paths):
        yield from read_input(source, overrides)


def _ingest(
    store: Store,
    items: Iterator[Article | InputError],
    stats: IngestStats,
    workers: int,
    progress: Progress | None,
    *,
    pipeline: Pipeline | None = None,
) -> IngestStats:
    def handle(result: Extraction | str) -> None:
        if isinstance(result, str):
            stats.error(result)
        else:
            _store(store, result, stats)
        if progress:
            progress(stats)

    if workers <= 1:
        local = pipeline or Pipeline()
        for article in _new_articles(store, items, stats, progress):
            handle(_extract_with(local, article))
        return stats

    def handle_task(articles: list[Article], task: AsyncResult[list[Extracted | str]]) -> None:
        for article, result in zip(articles, task.get(), strict=True):
            handle(result if isinstance(result, str) else _extraction(article, result))

    context = multiprocessing.get_context("fork")
    pending: deque[tuple[list[Article], AsyncResult[list[Extracted | str]]]] = deque()
    fresh = _new_articles(store, items, stats, progress)
    with context.Pool(workers, initializer=_start_worker) as pool:
        while chunk := list(islice(fresh, _TASK_ARTICLES)):
            # the worker gets the articles and sends back only what it found: the texts
            # cross between processes once
            pending.append((chunk, pool.apply_async(_extract_in_worker, (chunk,))))
            while len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                handle_task(*pending.popleft())
        while pending:
            handle_task(*pending.popleft())
        _close(pool)
    return stats


def _close(pool: Pool) -> None:
    pool.close()
    pool.join()


def _new_articles(
    store: Store,
    items: Iterator[Article | InputError],
    stats: IngestStats,
    progress: Progress | None,
) -> Iterator[Article]:
    """Articles not stored yet; errors and already stored ones are counted on the way."""
    while batch := list(islice(items, _LOOKUP_BATCH)):
        articles = [a for a in batch if isinstance(a, Article)]
        for item in batch:
            if isinstance(item, InputError):
                stats.error(str(item))
        stats.read += len(articles)
        known = store.known_articles(a.id for a in articles)
        fresh = []
        for article in articles:
            if article.id in known:
                stats.unchanged += 1
            else:
                fresh.append(article)
        if progress and len(fresh) < len(batch):
            progress(stats)
        yield from fresh


def _store(store: Store, extraction: Extraction, stats: IngestStats) -> None:
    try:
        result = store.add(extraction)
    except StrifeError as exc:
        stats.error(str(exc))
        return
    if result.new:
        stats.stored += 1
        stats.reports += result.reports
        stats.events.update(result.events)
    else:
        stats.unchanged += 1


def _extract_with(pipeline: Pipeline, article: Article) -> Extraction | str:
    try:
        return pipeline.extract(article)
    except Exception as exc:  # one article's failure must not stop the batch
        logger.exception("extraction failed for article %s", article.id)
        return f"article {article.id}: extraction failed: {exc}"


# What a worker sends back for an article: its reports, language and warnings.
Extracted = tuple[list[Report], str | None, list[str]]

_worker_pipeline: Pipeline | None = None


def _start_worker() -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline()


def _extract_in_worker(articles: list[Article]) -> list[Extracted | str]:
    assert _worker_pipeline is not None
    try:
        extractions: list[Extraction | str] = list(_worker_pipeline.extract_many(articles))
    except Exception:  # find the failing article, keep the others
        extractions = [_extract_with(_worker_pipeline, article) for article in articles]
    return [e if isinstance(e, str) else (e.reports, e.language, e.warnings) for e in extractions]


def _extraction(article: Article, extracted: Extracted) -> Extraction:
    reports, language, warnings = extracted
    return Extraction(article=article, reports=reports, language=language, warnings=warnings)
