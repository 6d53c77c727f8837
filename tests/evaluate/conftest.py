"""Fixtures for ``strife evaluate``: the invented gold of evaluate_support.py written to files."""

from __future__ import annotations

from pathlib import Path

import pytest
from evaluate_support import ACLED_ROWS, GOLD_ARTICLES, write_acled_csv, write_jsonl

from strife.evaluate import GoldArticle, load_gold


@pytest.fixture
def gold_jsonl(tmp_path: Path) -> Path:
    """Three gold articles: two events, one undated region-level event, one with no event."""
    return write_jsonl(tmp_path / "news_tiny.jsonl", GOLD_ARTICLES)


@pytest.fixture
def acled_csv(tmp_path: Path) -> Path:
    """An ACLED export with three distinct notes (one of them on two rows) and a blank note."""
    return write_acled_csv(tmp_path / "acled_tiny.csv", ACLED_ROWS)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """A directory holding both fixtures and a file that is not gold."""
    folder = tmp_path / "gold"
    folder.mkdir()
    write_jsonl(folder / "news_tiny.jsonl", GOLD_ARTICLES)
    write_acled_csv(folder / "acled_tiny.csv", ACLED_ROWS)
    (folder / "README.md").write_text("not gold", encoding="utf-8")
    return folder


@pytest.fixture
def news_gold(gold_jsonl: Path) -> list[GoldArticle]:
    return load_gold(gold_jsonl)
