"""Reading articles in bulk into the store: files, directories, dumps and feeds (``strife ingest``)."""

from __future__ import annotations

from strife.ingest.runner import IngestStats, default_workers, ingest_articles, ingest_paths
from strife.ingest.sources import Overrides

__all__ = ["IngestStats", "Overrides", "default_workers", "ingest_articles", "ingest_paths"]
