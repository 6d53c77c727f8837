"""Batch and throughput benchmark (a benchmark, not a test): every figure of issue 5 in one run.

    .venv/bin/python -m bench.batch            # 100k-article archive; 400-article comparisons
    .venv/bin/python -m bench.batch --quick    # 10k-article archive; 200-article comparisons
    .venv/bin/python -m bench.batch --baseline /tmp/old/src   # also: Strife before, same run


1. ``profile``: cProfile of the single-process pipeline on conflict articles; the functions
   with the most time of their own, to see what is not the parser.
2. ``single``: ``Pipeline.extract_many`` on conflict articles in one process, articles/s; with
   ``--baseline SRC`` the same in a subprocess importing Strife from ``SRC`` (a checkout of the
   code before the speed work, e.g. ``git worktree add /tmp/old <commit>``), and the ratio.
3. ``ingest``: ``strife ingest --workers 2`` of a mixed stream (90 % not about violence) into a
   fresh SQLite database, articles/s (target ≥ 300).
4. ``spark``: ``strife batch`` with ``local[1]`` and ``local[2]`` on the same mixed stream
   (target local[2]/local[1] ≥ 1.7), against ``strife ingest --workers 2`` + ``strife export``;
   peak resident memory of the Python workers (target < 1 GB).
5. ``archive``: a synthetic archive (:func:`write_archive`, 90 % not about violence) through
   ``strife batch --master local[2]``, with time, articles/s and peak worker memory, then
   through ``local[1]`` for the scaling at a size where Spark's fixed costs no longer dominate.

Commands run as subprocesses, as a user runs them, so start-up (JVM, models) is included.
Worker memory is the highest ``VmHWM`` of the PySpark Python processes, sampled while they run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import SEED, Kind, article, make_corpus, mixed_stream
from strife.pipeline import Pipeline

STRIFE = [sys.executable, "-m", "strife"]


def write_archive(path: Path, n: int, *, share_other: float = 0.9, seed: int = SEED) -> Path:
    """A JSONL archive of ``n`` synthetic articles, ``share_other`` of them not about violence,
    interleaved as in a news stream; line ``i`` depends only on ``(seed, i)``."""
    every = round(1 / (1 - share_other))  # one conflict article in every `every`
    with path.open("w", encoding="utf-8") as fp:
        for i in range(n):
            kind: Kind = "conflict" if i % every == 0 else "other"
            a = article(kind, i // every if kind == "conflict" else i, seed=seed)
            record = {"text": a.text, "published": str(a.published), "language": a.language}
            fp.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


class WorkerMemory:
    """Highest VmHWM (peak RSS) of the PySpark Python worker processes seen while running."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.wait(0.2):
            for proc in Path("/proc").iterdir():
                if proc.name.isdigit():
                    self.peak_mb = max(self.peak_mb, _worker_hwm_mb(proc))


def _worker_hwm_mb(proc: Path) -> float:
    try:
        cmdline = (proc / "cmdline").read_bytes()
        if b"pyspark.daemon" not in cmdline and b"pyspark.worker" not in cmdline:
            return 0.0
        for line in (proc / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024
    except OSError:  # the process ended while being read
        pass
    return 0.0


def _run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def _batch(archive: Path, out: Path, master: str) -> tuple[float, float]:
    """Seconds and peak worker MB of ``strife batch`` on ``archive``."""
    with WorkerMemory() as memory:
        seconds = _run(
            [*STRIFE, "batch", "--input", str(archive), "--output", str(out), "--master", master]
        )
    return seconds, memory.peak_mb


def profile(n: int) -> None:
    articles = make_corpus(n, 0, seed=7).conflict
    pipe = Pipeline()
    pipe.initialize()
    list(pipe.extract_many(make_corpus(4, 0, seed=8).conflict))  # warm-up
    profiler = cProfile.Profile()
    profiler.enable()
    list(pipe.extract_many(articles))
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:8]  # type: ignore[attr-defined]
    print(f"profile: {n} conflict articles, {total:.1f} s of own time; largest shares:")
    for (file, line, name), (_, _, own, _, _) in rows:
        where = "/".join(Path(file).parts[-2:])
        print(f"  {100 * own / total:5.1f} %  {name} ({where}:{line})")


def single(n: int) -> float:
    articles = make_corpus(n, 0, seed=9).conflict
    pipe = Pipeline()
    pipe.initialize()
    list(pipe.extract_many(make_corpus(4, 0, seed=8).conflict))
    started = time.perf_counter()
    list(pipe.extract_many(articles))
    return n / (time.perf_counter() - started)


def _single_with(src: Path, n: int) -> float:
    """:func:`single` in a subprocess that imports Strife from ``src`` (bench from here)."""
    code = f"from bench.batch import single; print(single({n}))"
    path = os.pathsep.join([str(src.resolve()), str(Path(__file__).resolve().parents[1])])
    run = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": path},
        check=True,
        capture_output=True,
        text=True,
    )
    return float(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a fast look")
    parser.add_argument(
        "--baseline", type=Path, help="the src folder of an older Strife to compare `single` with"
    )
    args = parser.parse_args()
    n_conflict, n_mixed, n_archive = (40, 2_000, 10_000) if args.quick else (100, 4_000, 100_000)
    profile(n_conflict)
    rate = single(n_conflict)
    print(f"single process: {rate:.1f} conflict articles/s")
    if args.baseline:
        before = _single_with(args.baseline, n_conflict)
        print(f"  before (Strife from {args.baseline}): {before:.1f} conflict articles/s")
        print(f"  speed-up: ×{rate / before:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = make_corpus(n_mixed // 10, n_mixed - n_mixed // 10, seed=10)
        mixed = folder / "mixed.jsonl"
        with mixed.open("w", encoding="utf-8") as fp:
            for a in mixed_stream(corpus):
                record = {"text": a.text, "published": str(a.published), "language": a.language}
                fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        db = folder / "mixed.db"
        ingest = _run([*STRIFE, "ingest", str(mixed), "--db", str(db), "--workers", "2"])
        export = _run(
            [*STRIFE, "export", "--db", str(db), "--format", "parquet", "-o", str(folder / "e.pq")]
        )
        print(
            f"ingest --workers 2, mixed stream of {n_mixed}: {n_mixed / ingest:.0f} articles/s "
            f"(target ≥ 300); + export {export:.1f} s"
        )
        one, mem1 = _batch(mixed, folder / "out1", "local[1]")
        two, mem2 = _batch(mixed, folder / "out2", "local[2]")
        print(f"strife batch, same {n_mixed} articles (start-up included):")
        print(
            f"  local[1]: {one:6.1f} s  {n_mixed / one:5.0f} articles/s  worker peak {mem1:.0f} MB"
        )
        print(
            f"  local[2]: {two:6.1f} s  {n_mixed / two:5.0f} articles/s  worker peak {mem2:.0f} MB"
        )
        print(f"  scaling local[2] / local[1]: ×{one / two:.2f} (target ≥ 1.7)")
        print(
            f"  vs ingest --workers 2 + export ({ingest + export:.1f} s): ×{(ingest + export) / two:.2f}"
        )
        started = time.perf_counter()
        archive = write_archive(folder / "archive.jsonl", n_archive)
        print(f"archive of {n_archive:,} articles written in {time.perf_counter() - started:.0f} s")
        seconds, memory = _batch(archive, folder / "archive-out", "local[2]")
        events = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, pyarrow.parquet as pq; print(pq.read_table(sys.argv[1]).num_rows)",
                str(folder / "archive-out" / "events"),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(
            f"  strife batch local[2]: {seconds:.0f} s, {n_archive / seconds:.0f} articles/s, "
            f"{events} events, worker peak {memory:.0f} MB (target < 1024)"
        )
        # On a few thousand articles Spark's fixed costs (JVM, workers, jobs) hide the scaling;
        # the archive shows what a second core buys on real work.
        alone, _ = _batch(archive, folder / "archive-out-1", "local[1]")
        print(
            f"  strife batch local[1]: {alone:.0f} s; scaling local[2] / local[1]: "
            f"×{alone / seconds:.2f} (target ≥ 1.7)"
        )


if __name__ == "__main__":
    main()
