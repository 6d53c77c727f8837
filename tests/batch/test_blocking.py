"""The batch merge's blocks find every pair of reports `same_event` links."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations

from strife.batch.blocking import blocks, week
from strife.batch.job import _block_entries, _block_links
from strife.merge.rules import ReportKey, same_event

ACTORS = ["JNIM", "Islamic State Sahel Province", "Unidentified Armed Group (Mali)"]
TYPES = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Protests"]


def _keys(n: int, seed: int) -> list[ReportKey]:
    """Reports crowded into two countries, ten weeks and a 2° square, so that many pairs are
    close calls: dates near the tolerances, places near the distance limits and cell edges."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        precision = rng.choice([None, 1, 1, 2, 2, 3])
        out.append(
            ReportKey(
                id=f"r{i:04d}",
                article_id=f"a{i // 2:04d}",  # pairs of reports from one article never merge
                country=rng.choice(["Mali", "Mali", "Niger", None]),
                event_date=date(2025, 1, 1) + timedelta(days=rng.randrange(70)),
                time_precision=rng.choice([None, 1, 1, 2, 3]),
                event_type=rng.choice(TYPES),
                actor1=rng.choice(ACTORS),
                actor2=rng.choice([None, "Military Forces of Mali", "Civilians (Mali)"]),
                admin1=rng.choice([None, "Mopti", "Gao"]),
                latitude=None if precision is None else 14.0 + rng.uniform(0, 2),
                longitude=None if precision is None else -2.0 + rng.uniform(0, 2),
                geo_precision=precision,
            )
        )
    return out


def _blocked_links(keys: list[ReportKey]) -> set[tuple[str, str, str]]:
    grouped: dict[tuple[str, int, str], list[tuple[bool, ReportKey]]] = {}
    for key in keys:
        for block, entry in _block_entries(key):
            grouped.setdefault(block, []).append(entry)
    return {link for block in grouped.items() for link in _block_links(block)}


def test_blocks_find_every_pair_same_event_links() -> None:
    keys = _keys(600, seed=3)
    brute = set()
    for a, b in combinations(keys, 2):
        reason = same_event(a, b)
        if reason:
            brute.add((a.id, b.id, reason))
    assert len(brute) > 200  # the test is only as good as its close calls
    assert _blocked_links(keys) == brute


def test_blocks_are_not_all_pairs() -> None:
    keys = _keys(600, seed=4)
    candidates = 0
    grouped: dict[tuple[str, int, str], list[bool]] = {}
    for key in keys:
        for block, (probe, _) in _block_entries(key):
            grouped.setdefault(block, []).append(probe)
    for entries in grouped.values():
        candidates += entries.count(True) * entries.count(False)
    assert candidates < len(keys) ** 2 / 2


def test_a_report_without_a_country_or_date_has_no_block() -> None:
    key = _keys(1, seed=1)[0]
    assert blocks(replace(key, country=None)) == ([], [])
    assert blocks(replace(key, event_date=None)) == ([], [])


def test_weeks_start_on_monday() -> None:
    monday = date(2025, 6, 2)
    assert week(monday) == week(monday + timedelta(days=6)) == week(monday - timedelta(days=1)) + 1
