"""The Spark job of `strife batch`: articles in, reports, claims and events out, as Parquet.

Stages (DESIGN.md §6), all on the cluster:

1. read JSONL lines (``textFile``) or Parquet rows, turn each record into an
   :class:`~strife.models.Article` with the reader `strife ingest` uses; a bad record is
   counted, and of two records with the same text the first one in the input is kept, as ingest
   keeps the article it stored first;
2. extract reports in ``mapPartitions`` with the ordinary :class:`~strife.pipeline.Pipeline`,
   one per Python worker process, created by its first task and reused by the next ones;
3. pair reports through the blocks of :mod:`strife.batch.blocking` and keep the pairs
   :func:`~strife.merge.rules.same_event` links;
4. connected components of the links by min-label propagation (each report ends with the
   smallest report id of its component, so the result does not depend on partitioning);
5. :func:`~strife.merge.resolve.resolve` per component, rows built by
   :mod:`strife.export.parquet`, written sorted by id in a number of files that depends only on
   the number of rows.

The same articles give the same rows in the same files (only the Spark file names differ).
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from strife.batch.blocking import Block, blocks
from strife.errors import ConfigError, InputError
from strife.export.parquet import (
    CLAIM_SCHEMA,
    EVENT_SCHEMA,
    REPORT_SCHEMA,
    claim_rows,
    event_row,
    report_row,
)
from strife.merge.resolve import resolve
from strife.merge.rules import ReportKey, report_key, same_event
from strife.merge.sources import source_of
from strife.models import Article, Extraction, MergeLink, Report, Source
from strife.parse.article import article_from_record
from strife.pipeline import Pipeline

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

logger = logging.getLogger(__name__)

#: Keys of an article record (JSONL line or Parquet row); other columns are ignored.
ARTICLE_KEYS = ("id", "text", "published", "language", "url", "title", "outlet")
#: Rows per output file: files of tens of MB, one per task when written.
ROWS_PER_FILE = 200_000
#: Error messages kept for the summary; the rest are only counted.
KEPT_ERRORS = 20

# (index in the input, Article or error message)
Record = tuple[int, Article | str]
# (article id, source JSON, report JSONs) or an error message
Extracted = tuple[str, str, list[str]] | str
# what extraction tells of a record, with the number of input records it stands for:
# ("ok", records, (article id, source, reports)), ("failed", records, message) or
# ("bad", 1, (index, message))
Outcome = tuple[str, int, Any]
# an Outcome keyed for deduplication: ((0, article id) or (1, index of a bad record),
# (index in the input, Outcome))
Keyed = tuple[tuple[int, str | int], tuple[int, Outcome]]
# (report a, report b, why they are the same event), a < b
Link = tuple[str, str, str]


@dataclass(slots=True)
class BatchStats:
    """What a batch run read, extracted and wrote."""

    records: int = 0
    bad_records: int = 0
    duplicates: int = 0
    articles: int = 0
    failed: int = 0
    reports: int = 0
    links: int = 0
    events: int = 0
    claims: int = 0
    seconds: float = 0.0
    error_messages: list[str] = field(default_factory=list)


def spark_session(master: str | None = None, *, app_name: str = "strife batch") -> SparkSession:
    """A Spark session for ``master``; the one spark-submit set up when None.

    In local mode the driver binds to 127.0.0.1 (the host name may resolve to an address that
    is not this machine) and Python workers run the interpreter running this job, so that they
    import the same Strife.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("strife batch needs pyspark: pip install 'strife[spark]'") from None

    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = "local[*]"  # not under spark-submit: this machine
    builder = SparkSession.builder.appName(app_name).config("spark.sql.session.timeZone", "UTC")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (
            builder.config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def input_format(path: str) -> str:
    """ "parquet" for a path ending in .parquet or a local folder of Parquet files, else "jsonl"."""
    bare = path.rstrip("/")
    if bare.endswith((".parquet", ".pq")):
        return "parquet"
    if os.path.isdir(bare):
        names = os.listdir(bare)
        if any(n.endswith((".parquet", ".pq")) for n in names):
            return "parquet"
    return "jsonl"


def run_batch(
    spark: SparkSession,
    source: str,
    output: str,
    *,
    fmt: str | None = None,
    partitions: int | None = None,
    timestamp: int | None = None,
) -> BatchStats:
    """Extract and merge the articles at ``source``; write ``events/``, ``reports/`` and
    ``claims/`` Parquet under ``output`` (replaced if present).

    fmt (str | None): "jsonl", "parquet", or None to tell from the path (:func:`input_format`).
    partitions (int | None): extraction tasks; default 2 per core of the cluster.
    timestamp (int | None): ACLED's ``timestamp`` of every event row; default now.
    """
    from pyspark import StorageLevel

    started = time.monotonic()
    fmt = fmt or input_format(source)
    if fmt not in ("jsonl", "parquet"):
        raise ConfigError(f"unknown input format {fmt!r}: use jsonl or parquet")
    sc = spark.sparkContext
    # two tasks per core: enough for a slow task not to leave a core idle, few enough that
    # per-task costs stay small
    tasks = partitions or 2 * sc.defaultParallelism
    # Reports are a small fraction of the articles' volume: the merge needs fewer tasks, and
    # every task costs a round trip to a Python worker.
    merge_tasks = sc.defaultParallelism
    stamp = int(time.time()) if timestamp is None else timestamp
    stats = BatchStats()

    # Articles are extracted in the partitions they are read in: only the (small) outcomes
    # are shuffled, to keep the first copy of an article given twice, never the texts; every
    # count comes from the outcomes in one job.
    outcomes = (
        _read(spark, source, fmt, tasks)
        .mapPartitions(_extract_partition)
        .reduceByKey(_first_copy, merge_tasks)
        .map(lambda kv: kv[1][1])
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    counts = dict(
        outcomes.map(lambda o: (o[0], (1, o[1])))
        .reduceByKey(lambda x, y: (x[0] + y[0], x[1] + y[1]))
        .collect()
    )
    ok, failed, bad = (counts.get(kind, (0, 0)) for kind in ("ok", "failed", "bad"))
    stats.records = ok[1] + failed[1] + bad[1]
    stats.bad_records, stats.articles, stats.failed = bad[0], ok[0] + failed[0], failed[0]
    stats.duplicates = stats.records - stats.bad_records - stats.articles
    if stats.bad_records:
        first_bad = outcomes.filter(lambda o: o[0] == "bad").map(lambda o: o[2])
        stats.error_messages += [f"{source}: {m}" for _, m in first_bad.takeOrdered(KEPT_ERRORS)]
    if stats.failed:
        messages = outcomes.filter(lambda o: o[0] == "failed").map(lambda o: str(o[2]))
        stats.error_messages += messages.takeOrdered(KEPT_ERRORS)
    good: RDD[Extracted] = outcomes.filter(lambda o: o[0] == "ok").map(lambda o: o[2])

    reports = good.flatMap(_reports_of).persist(StorageLevel.MEMORY_AND_DISK)
    links = (
        reports.map(lambda r: report_key(Report.model_validate_json(r[1][0])))
        .flatMap(_block_entries)
        .groupByKey(merge_tasks)
        .flatMap(_block_links)
        .distinct(merge_tasks)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    stats.links = links.count()
    labels = _components(links, merge_tasks)
    # every shuffle of the merge gets merge_tasks partitions: without a number, PySpark's joins
    # take the sum of their inputs' partitions, and each task costs a Python round trip
    component_links = (
        links.map(lambda link: (link[0], link))
        .join(labels, merge_tasks)
        .map(lambda kv: kv[1][::-1])
    )
    by_component = (
        reports.leftOuterJoin(labels, merge_tasks)
        .map(lambda kv: (kv[1][1] or kv[0], kv[1][0]))
        .cogroup(component_links, merge_tasks)
    )
    rows = by_component.map(lambda kv: _resolve_component(kv[1][0], kv[1][1], stamp)).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    out = output.rstrip("/")
    events, report_rows = rows.map(lambda r: r[0]), rows.flatMap(lambda r: r[1])
    stats.events, stats.reports, stats.claims = rows.map(lambda r: (1, len(r[1]), len(r[2]))).fold(
        (0, 0, 0), lambda x, y: (x[0] + y[0], x[1] + y[1], x[2] + y[2])
    )
    _write(spark, events, stats.events, EVENT_SCHEMA, f"{out}/events", ["event_id"])
    _write(
        spark,
        report_rows,
        stats.reports,
        REPORT_SCHEMA,
        f"{out}/reports",
        ["event_id", "report_id"],
    )
    _write(
        spark,
        rows.flatMap(lambda r: r[2]),
        stats.claims,
        CLAIM_SCHEMA,
        f"{out}/claims",
        ["event_id", "report_id", "position"],
    )
    for rdd in (rows, links, reports, outcomes):
        rdd.unpersist()
    stats.seconds = time.monotonic() - started
    return stats


# -- reading ---------------------------------------------------------------------------------


def _read(spark: SparkSession, source: str, fmt: str, tasks: int) -> RDD[Record]:
    """The records of ``source``, in at least ``tasks`` partitions."""
    if fmt == "jsonl":
        lines = spark.sparkContext.textFile(source, minPartitions=tasks).zipWithIndex()
        records = lines.filter(lambda li: li[0].strip() != "").map(_parse_line)
    else:
        records = _parquet_records(spark, source)
    # an unsplittable input (one .gz file, one small Parquet file) is spread over the tasks
    return records if records.getNumPartitions() >= tasks else records.repartition(tasks)


def _parquet_records(spark: SparkSession, source: str) -> RDD[Record]:
    frame = spark.read.parquet(source)
    present = [k for k in ARTICLE_KEYS if k in frame.columns]
    if "text" not in present:
        raise InputError(f"{source} has no 'text' column; its columns: {', '.join(frame.columns)}")
    # dates and timestamps become the ISO strings the JSONL reader takes
    columns = [frame[k].cast("string").alias(k) for k in present]
    return frame.select(*columns).rdd.zipWithIndex().map(_parse_row)


def _parse_line(item: tuple[str, int]) -> Record:
    line, index = item
    where = f"line {index + 1}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return index, f"{where}: invalid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return index, f"{where}: invalid JSON (nested too deeply)"
    return index, _article(record, where)


def _parse_row(item: tuple[Any, int]) -> Record:
    row, index = item
    record = {k: v for k, v in row.asDict().items() if v is not None}
    return index, _article(record, f"row {index + 1}")


def _article(record: object, where: str) -> Article | str:
    article = article_from_record(record, where)
    return str(article) if isinstance(article, InputError) else article


# -- extraction ------------------------------------------------------------------------------

# One pipeline per Python worker process: Spark reuses workers across tasks
# (spark.python.worker.reuse), so the models and the gazetteer load once per process.
_PIPELINE: list[Pipeline] = []


def _pipeline() -> Pipeline:
    if not _PIPELINE:
        _PIPELINE.append(Pipeline())
    return _PIPELINE[0]


def _first_copy(a: tuple[int, Outcome], b: tuple[int, Outcome]) -> tuple[int, Outcome]:
    """The outcome of the copy of an article that comes first in the input, standing for the
    records of both."""
    index, (kind, _, payload) = a if a[0] < b[0] else b
    return index, (kind, a[1][1] + b[1][1], payload)


def _extract_partition(records: Iterable[Record]) -> Iterator[Keyed]:
    pipeline = _pipeline()
    iterator = iter(records)
    while chunk := list(islice(iterator, pipeline.batch_size)):
        articles: list[tuple[int, Article]] = []
        for index, item in chunk:
            if isinstance(item, str):
                yield (1, index), (index, ("bad", 1, (index, item)))
            else:
                articles.append((index, item))
        batch = [article for _, article in articles]
        try:
            results = [_extracted(e) for e in pipeline.extract_many(batch)]
        except Exception:  # one bad article must not fail the batch: find it, keep the others
            results = [_extract_one(pipeline, article) for article in batch]
        for (index, article), result in zip(articles, results, strict=True):
            kind = "failed" if isinstance(result, str) else "ok"
            yield (0, article.id), (index, (kind, 1, result))


def _extract_one(pipeline: Pipeline, article: Article) -> Extracted:
    try:
        extraction = pipeline.extract(article)
    except Exception as exc:
        logger.exception("extraction failed for article %s", article.id)
        return f"article {article.id}: extraction failed: {exc}"
    return _extracted(extraction)


def _extracted(extraction: Extraction) -> Extracted:
    return (
        extraction.article.id,
        source_of(extraction).model_dump_json(),
        [r.model_dump_json() for r in extraction.reports],
    )


def _reports_of(extracted: Extracted) -> list[tuple[str, tuple[str, str]]]:
    """(report id, (report JSON, source JSON)) of each report of an article."""
    assert not isinstance(extracted, str)
    _, source, reports = extracted
    return [(json.loads(r)["id"], (r, source)) for r in reports]


# -- merging ---------------------------------------------------------------------------------


def _block_entries(key: ReportKey) -> list[tuple[Block, tuple[bool, ReportKey]]]:
    """(block, (is a probe, key)) for each block the report is at home in or probes."""
    homes, probes = blocks(key)
    return [(b, (False, key)) for b in homes] + [(b, (True, key)) for b in probes]


def _block_links(block: tuple[Block, Iterable[tuple[bool, ReportKey]]]) -> list[Link]:
    """(report a, report b, reason) for each linked pair of a block, a < b."""
    homes: dict[str, ReportKey] = {}
    probes: dict[str, ReportKey] = {}
    for probe, key in block[1]:
        (probes if probe else homes)[key.id] = key
    keys = homes | probes
    pairs = {tuple(sorted((p, h))) for p in probes for h in homes if p != h}
    out = []
    for a, b in sorted(pairs):
        reason = same_event(keys[a], keys[b])
        if reason:
            out.append((a, b, reason))
    return out


def _components(links: RDD[Link], tasks: int) -> RDD[tuple[str, str]]:
    """(report id, smallest report id of its component) for every linked report.

    Min-label propagation: each report starts with the smallest id among itself and its
    neighbours and takes its neighbours' labels until no label changes, which takes as many
    rounds as the longest shortest path in a component (events have a handful of reports).
    """
    from pyspark import StorageLevel

    edges = (
        links.flatMap(lambda link: [(link[0], link[1]), (link[1], link[0])])
        .partitionBy(tasks)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    labels = edges.map(lambda e: (e[0], min(e))).reduceByKey(min, tasks).persist()
    while True:
        proposals = edges.join(labels, tasks).map(lambda kv: kv[1])  # (neighbour, label)
        updated = labels.union(proposals).reduceByKey(min, tasks).persist()
        changed = updated.join(labels, tasks).filter(lambda kv: kv[1][0] < kv[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            edges.unpersist()
            return labels


def _resolve_component(
    items: Iterable[tuple[str, str]], links: Iterable[Link], timestamp: int
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The event row of a component, and the rows of its reports and claims."""
    items = list(items)
    reports = [Report.model_validate_json(r) for r, _ in items]
    sources = {s.article_id: s for s in (Source.model_validate_json(s) for _, s in items)}
    merge_links = [MergeLink(report_a=a, report_b=b, reason=why) for a, b, why in links]
    event = resolve(reports, list(sources.values()), merge_links)
    report_rows, claims = [], []
    for report in event.reports:
        source = sources[report.article_id]
        report_rows.append(report_row(report, event.event_id, source))
        claims += claim_rows(report, event.event_id, source)
    return event_row(event, timestamp=timestamp), report_rows, claims


# -- writing ---------------------------------------------------------------------------------


def _write(
    spark: SparkSession,
    rows: RDD[dict[str, Any]],
    count: int,
    schema: pa.Schema,
    path: str,
    keys: list[str],
) -> None:
    """Write the ``count`` rows of ``schema`` to the folder ``path``, sorted by ``keys``
    (which identify a row)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    spark_schema = from_arrow_schema(schema)
    names = schema.names
    # the rows come from strife.export.parquet's functions for this schema: checking every
    # value again would cost a Python pass over all rows
    frame: DataFrame = spark.createDataFrame(
        rows.map(lambda row: tuple(row[n] for n in names)), spark_schema, verifySchema=False
    )
    files = max(1, math.ceil(count / ROWS_PER_FILE))
    (
        frame.repartition(files, keys[0])
        .sortWithinPartitions(*keys)
        .write.mode("overwrite")
        .parquet(path)
    )
