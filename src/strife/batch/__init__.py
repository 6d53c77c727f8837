"""`strife batch`: extraction and merging of article archives on Apache Spark (DESIGN.md §6).

The job runs the ordinary pipeline and merge rules inside Spark tasks; see :mod:`.job`. pyspark
is an optional dependency (``pip install strife[spark]``), imported only when a job starts.
"""

from __future__ import annotations

from strife.batch.job import BatchStats, input_format, run_batch, spark_session

__all__ = ["BatchStats", "input_format", "run_batch", "spark_session"]
