"""``strife batch``: extract and merge an article archive on Apache Spark, write Parquet."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from strife.cli import app


class InputFormat(StrEnum):
    auto = "auto"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def batch(
    input_path: Annotated[
        str,
        typer.Option(
            "--input",
            "-i",
            metavar="PATH|URI",
            help="JSONL file(s) or Parquet archive: a local path, a glob or any Hadoop URI "
            "(hdfs://, s3a://, abfss://…) the cluster can read.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR|URI",
            help="Where events/, reports/ and claims/ Parquet folders go (replaced).",
            show_default=False,
        ),
    ],
    master: Annotated[
        str | None,
        typer.Option(
            "--master",
            metavar="URL",
            help="Spark master: local[N], spark://host:7077, yarn… "
            "[default: spark-submit's, else local[*]].",
            show_default=False,
        ),
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(
            "--partitions", min=1, help="Extraction tasks [default: 2 per core of the cluster]."
        ),
    ] = None,
    input_format: Annotated[
        InputFormat, typer.Option("--format", help="Input format; auto: by the path's name.")
    ] = InputFormat.auto,
    timestamp: Annotated[
        int | None,
        typer.Option(
            "--timestamp",
            metavar="UNIX_SECONDS",
            help="ACLED 'timestamp' of the event rows [default: now]; fix it to get "
            "identical files from identical input.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract and merge an archive of articles on Spark; write events, reports and claims.

    Example: strife batch --input archive.jsonl --output out/ --master local[4]
    """
    from strife.batch import run_batch, spark_session

    spark = spark_session(master)
    try:
        fmt = None if input_format is InputFormat.auto else input_format.value
        stats = run_batch(
            spark, input_path, output, fmt=fmt, partitions=partitions, timestamp=timestamp
        )
    finally:
        spark.stop()
    for message in stats.error_messages:
        typer.echo(f"  {message}", err=True)
    typer.echo(
        f"{stats.articles} articles ({stats.bad_records} bad records, "
        f"{stats.duplicates} duplicates, {stats.failed} failed) → {stats.reports} reports, "
        f"{stats.links} links → {stats.events} events, {stats.claims} claims "
        f"in {stats.seconds:.1f} s; written to {output}",
        err=True,
    )
