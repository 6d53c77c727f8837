"""Ingest and merge benchmark (a benchmark, not a test).

    .venv/bin/python -m bench.ingest              # 300 conflict articles; merge of 10k and 100k reports
    .venv/bin/python -m bench.ingest --quick      # 100 articles; merge of 2k and 20k reports

- ``ingest``: ``strife ingest`` (``ingest_paths``) of the same synthetic articles (bench/corpus.py,
  all about violence, ~600 words) into a fresh SQLite database with 1 and then 2 workers;
  articles/s of each and the speed-up.
- ``merge``: ``Store.add`` of synthetic reports (no extraction) into a fresh SQLite database,
  N and 10×N reports spread over 15 countries and a few hundred places at 10,000 reports a
  year (N reports cover N / 10,000 years, as an archive that grows covers more years), so that
  many reports meet others in their blocking cell and a share of them merge. Prints the time
  per report for both sizes and the ratio of total times: near 10 means the merge grows
  linearly with the size of the store, which blocking (country × date window × place cell) is
  there to guarantee. (Ten times the reports in the same year would be ten times as many per
  block, and so more work per report whatever the store.)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import make_corpus
from strife.ingest import Overrides, ingest_paths
from strife.models import Article, Claim, Extraction, Report
from strife.store import Store

COUNTRIES = [
    ("Mali", 17.0, -4.0),
    ("Burkina Faso", 12.3, -1.6),
    ("Niger", 15.5, 8.0),
    ("Nigeria", 10.0, 8.0),
    ("Chad", 14.0, 18.0),
    ("Sudan", 14.0, 30.0),
    ("Somalia", 5.0, 46.0),
    ("Cameroon", 6.0, 12.0),
    ("Benin", 9.5, 2.3),
    ("Togo", 8.6, 1.0),
    ("Ghana", 8.0, -1.0),
    ("Mauritania", 19.0, -10.0),
    ("Senegal", 14.5, -14.5),
    ("Guinea", 10.5, -10.5),
    ("Ethiopia", 9.0, 39.0),
]
ACTORS = [
    ("JNIM: Group for Support of Islam and Muslims", 2),
    ("Islamic State Sahel Province", 2),
    ("Unidentified Armed Group ({})", 3),
    ("Military Forces of {}", 1),
]


def _ingest_rate(articles: list[Article], workers: int, folder: Path) -> tuple[float, int]:
    dump = folder / "articles.jsonl"
    if not dump.exists():
        with dump.open("w", encoding="utf-8") as fp:
            for a in articles:
                record = {"text": a.text, "published": str(a.published), "language": a.language}
                fp.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = folder / f"ingest-{workers}.db"
    with Store.open(str(db)) as store:
        started = time.perf_counter()
        stats = ingest_paths(store, [dump], overrides=Overrides(), workers=workers)
        seconds = time.perf_counter() - started
        events = store.counts()["events"]
    assert stats.stored == len(articles), stats.error_messages
    return len(articles) / seconds, events


REPORTS_PER_YEAR = 10_000


def synthetic_reports(n: int, seed: int = 1) -> list[Extraction]:
    """``n`` one-report articles about violence in 15 countries, ``REPORTS_PER_YEAR`` a year."""
    rng = random.Random(seed)
    days = max(1, round(366 * n / REPORTS_PER_YEAR))
    places = [
        (country, lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3), f"Place {i}")
        for i in range(300)
        for country, lat, lon in [rng.choice(COUNTRIES)]
    ]
    out = []
    for i in range(n):
        country, lat, lon, name = rng.choice(places)
        actor, inter = rng.choice(ACTORS[:3])
        killed = rng.randint(0, 40)
        article_id = f"a-{i:08d}"
        report = Report(
            id=f"{article_id}-1",
            article_id=article_id,
            event_date=date(2024, 1, 1) + timedelta(days=rng.randrange(days)),
            time_precision=rng.choice([1, 1, 1, 2]),
            disorder_type="Political violence",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1=actor.format(country),
            inter1=inter,
            actor2=f"Military Forces of {country}",
            inter2=1,
            interaction=10 + inter,
            country=country,
            admin1=f"{name} region",
            location=name,
            latitude=lat,
            longitude=lon,
            geo_precision=1,
            fatalities=killed,
            fatalities_low=killed,
            fatalities_best=killed,
            fatalities_high=killed,
            claims=[
                Claim(claimant="security sources", kind="security_source", says="…", killed=killed)
            ],
        )
        article = Article(id=article_id, text=f"synthetic article {i}", published=date(2025, 1, 1))
        out.append(Extraction(article=article, reports=[report], language="en"))
    return out


def _merge_time(n: int, folder: Path) -> tuple[float, int]:
    extractions = synthetic_reports(n)
    with Store.open(str(folder / f"merge-{n}.db")) as store:
        started = time.perf_counter()
        for extraction in extractions:
            store.add(extraction)
        seconds = time.perf_counter() - started
        events = store.counts()["events"]
    return seconds, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a fast look")
    args = parser.parse_args()
    n_articles, n_merge = (100, 2_000) if args.quick else (300, 10_000)
    articles = make_corpus(n_articles, 0, seed=5).conflict
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"ingest of {n_articles} conflict articles (SQLite)")
        one, events = _ingest_rate(articles, 1, folder)
        two, _ = _ingest_rate(articles, 2, folder)
        print(f"  1 worker : {one:7.1f} articles/s  ({events} events)")
        print(f"  2 workers: {two:7.1f} articles/s  speed-up ×{two / one:.2f}")
        print(f"merge (Store.add of one-report articles, {REPORTS_PER_YEAR:,} a year, SQLite)")
        small, small_events = _merge_time(n_merge, folder)
        large, large_events = _merge_time(n_merge * 10, folder)
        for n, seconds, events in (
            (n_merge, small, small_events),
            (n_merge * 10, large, large_events),
        ):
            print(
                f"  {n:>7,} reports: {seconds:7.1f} s  {1000 * seconds / n:6.2f} ms/report"
                f"  → {events:,} events"
            )
        print(f"  growth for 10× the reports: ×{large / small:.1f} the time (10 = linear)")


if __name__ == "__main__":
    main()
