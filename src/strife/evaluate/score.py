"""Score predictions against gold: event precision/recall/F1 and per-field accuracy (DESIGN.md §7).

Event-level scores say whether Strife finds the right events; field accuracies, computed only on
matched pairs, say whether it codes them right. Each accuracy carries its ``n`` (the pairs where
the gold has that field), because a 100 % on three pairs and a 100 % on three hundred are different
claims. Fields the gold does not code (an undated event's date, ACLED's missing ``disputed``) are
left out of ``n`` rather than counted as right or wrong.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife.errors import ConfigError, InputError, StrifeError
from strife.evaluate.gold import GoldEvent, GoldSet, actor_key, fold, load_gold_sets
from strife.evaluate.match import ArticleMatch, event_distance_km, match_article
from strife.models import Article, Claim, Extraction, Report

logger = logging.getLogger(__name__)

#: Turns articles into extractions; ``Pipeline().extract_many`` or any stand-in with that shape.
Predictor = Callable[[Iterable[Article]], Iterable[Extraction]]
#: Called as articles are predicted: (set name, articles done, articles in the set).
ProgressCallback = Callable[[str, int, int], None]

#: A location within this distance of the gold place counts as right.
LOCATION_KM = 10.0
#: Relative tolerance of the "fatalities within ±20 %" score.
FATALITIES_TOLERANCE = 0.2
#: Articles sent to the predictor at once: big enough for spaCy's batching, small enough that
#: one unreadable article only costs re-running its chunk one article at a time.
CHUNK_SIZE = 32


@dataclass
class Accuracy:
    """``correct`` out of ``n``; ``value`` is None when nothing was scored."""

    correct: int = 0
    n: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.n if self.n else None

    def add(self, ok: bool | None) -> None:
        """Count one outcome; None (not applicable) is not counted."""
        if ok is None:
            return
        self.n += 1
        self.correct += int(ok)

    def __iadd__(self, other: Accuracy) -> Accuracy:
        self.correct += other.correct
        self.n += other.n
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "correct": self.correct, "n": self.n}


# --------------------------------------------------------------------------- field comparisons

FieldCheck = Callable[[GoldEvent, Report], "bool | None"]


def _same(a: str | None, b: str | None) -> bool:
    return fold(a) == fold(b)


def _check_actor_pair(g: GoldEvent, r: Report) -> bool:
    # Order-insensitive: ACLED's actor1 is "not necessarily the aggressor" (codebook).
    return sorted([actor_key(g.actor1), actor_key(g.actor2)]) == sorted(
        [actor_key(r.actor1), actor_key(r.actor2)]
    )


def _check_location(g: GoldEvent, r: Report) -> bool | None:
    distance = event_distance_km(g, r)
    if distance is not None:
        return distance <= LOCATION_KM
    if g.latitude is not None and g.longitude is not None:
        return False  # the gold is placed, the prediction has no coordinates
    # A gold place no gazetteer has: the name is all there is to compare.
    return _same(g.location, r.location) if g.location else None


def _check_fatalities_close(g: GoldEvent, r: Report) -> bool | None:
    if g.fatalities is None:
        return None
    return abs(r.fatalities - g.fatalities) <= FATALITIES_TOLERANCE * g.fatalities


def _if_gold(value: object, ok: bool) -> bool | None:
    return None if value is None else ok


#: The field accuracies, in scorecard order: key -> (label, check). A check returns None when the
#: gold does not code the field for that event.
FIELD_CHECKS: dict[str, tuple[str, FieldCheck]] = {
    "event_type": ("event_type", lambda g, r: _same(g.event_type, r.event_type)),
    "sub_event_type": ("sub_event_type", lambda g, r: _same(g.sub_event_type, r.sub_event_type)),
    "actor1": ("actor1", lambda g, r: actor_key(g.actor1) == actor_key(r.actor1)),
    "actor2": ("actor2", lambda g, r: actor_key(g.actor2) == actor_key(r.actor2)),
    "actor_pair": ("actor pair (any order)", _check_actor_pair),
    "location": ("location ≤10 km", _check_location),
    "admin1": ("admin1", lambda g, r: _if_gold(g.admin1, _same(g.admin1, r.admin1))),
    "event_date": ("event_date", lambda g, r: _if_gold(g.event_date, g.event_date == r.event_date)),
    "fatalities": (
        "fatalities exact",
        lambda g, r: _if_gold(g.fatalities, g.fatalities == r.fatalities),
    ),
    "fatalities_20pct": ("fatalities ±20 %", _check_fatalities_close),
    "geo_precision": (
        "geo_precision",
        lambda g, r: _if_gold(g.geo_precision, g.geo_precision == r.geo_precision),
    ),
    "time_precision": (
        "time_precision",
        lambda g, r: _if_gold(g.time_precision, g.time_precision == r.time_precision),
    ),
    "disputed": ("disputed", lambda g, r: _if_gold(g.disputed, g.disputed == r.disputed)),
}

#: Keys and labels of every accuracy line, field checks first.
ACCURACY_LABELS: dict[str, str] = {
    **{key: label for key, (label, _) in FIELD_CHECKS.items()},
    "claims_found": "claims found",
    "no_event_articles": "no-event articles correct",
}

#: The Report attribute each field check compares, for the differences in the mismatches file.
_REPORT_ATTRS: dict[str, tuple[str, ...]] = {
    "actor_pair": ("actor1", "actor2"),
    "location": ("location", "latitude", "longitude"),
    "fatalities_20pct": ("fatalities",),
}


def compare_fields(gold: GoldEvent, report: Report) -> dict[str, bool | None]:
    """Every field check on one matched pair: True, False, or None (not coded in the gold)."""
    return {key: check(gold, report) for key, (_, check) in FIELD_CHECKS.items()}


def field_differences(gold: GoldEvent, report: Report) -> dict[str, dict[str, Any]]:
    """The fields of a matched pair that are scored wrong, with both values (JSON-ready)."""
    diffs: dict[str, dict[str, Any]] = {}
    for key, ok in compare_fields(gold, report).items():
        if ok is not False:
            continue
        attrs = _REPORT_ATTRS.get(key, (key,))
        gold_values = {a: _jsonable(getattr(gold, a)) for a in attrs}
        pred_values = {a: _jsonable(getattr(report, a)) for a in attrs}
        if len(attrs) == 1:
            diffs[key] = {"gold": gold_values[attrs[0]], "predicted": pred_values[attrs[0]]}
        else:
            diffs[key] = {"gold": gold_values, "predicted": pred_values}
    return diffs


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def claims_found(gold: GoldEvent, predicted: Sequence[Claim]) -> Accuracy:
    """How many gold claims have a predicted claim of the same kind (and figure, when coded).

    Each predicted claim answers one gold claim at most; gold claims with a figure are served
    first, since they are the harder ones to satisfy.
    """
    result = Accuracy()
    available = list(predicted)
    for claim in sorted(gold.claims, key=lambda c: c.killed is None):
        hit = next(
            (
                p
                for p in available
                if p.kind == claim.kind and (claim.killed is None or p.killed == claim.killed)
            ),
            None,
        )
        if hit is not None:
            available.remove(hit)
        result.add(hit is not None)
    return result


# --------------------------------------------------------------------------- scorecards


def _new_accuracies() -> dict[str, Accuracy]:
    return {key: Accuracy() for key in ACCURACY_LABELS}


@dataclass
class SetScore:
    """The scores of one gold set (or of all sets together, for the overall line).

    ``results`` keeps every article's matching so the mismatches file can be written from it.
    """

    name: str
    path: str = ""
    articles: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    unplaced_predictions: int = 0
    gold_unplaced: int = 0
    seconds: float = 0.0
    accuracies: dict[str, Accuracy] = field(default_factory=_new_accuracies)
    results: list[ArticleMatch] = field(default_factory=list, repr=False)

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted_events if self.predicted_events else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold_events if self.gold_events else None

    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) written on counts, so it is 0 (not undefined) when nothing was predicted.
        total = self.gold_events + self.predicted_events
        return 2 * self.matched / total if total else None

    def add_article(self, result: ArticleMatch) -> None:
        """Count one matched article into the set."""
        self.results.append(result)
        self.articles += 1
        self.gold_events += result.gold_scored
        self.predicted_events += result.predicted_scored
        self.matched += len(result.pairs)
        self.unplaced_predictions += len(result.unplaced)
        self.gold_unplaced += len(result.gold_unplaced)
        for pair in result.pairs:
            gold = result.gold.events[pair.gold_index]
            report = result.reports[pair.predicted_index]
            for key, ok in compare_fields(gold, report).items():
                self.accuracies[key].add(ok)
            if gold.claims:
                self.accuracies["claims_found"] += claims_found(gold, report.claims)
        if not result.gold.events:
            self.accuracies["no_event_articles"].add(result.predicted_scored == 0)

    def merge(self, other: SetScore) -> None:
        """Add another set's counts (micro-averaging: every event weighs the same)."""
        self.articles += other.articles
        self.gold_events += other.gold_events
        self.predicted_events += other.predicted_events
        self.matched += other.matched
        self.unplaced_predictions += other.unplaced_predictions
        self.gold_unplaced += other.gold_unplaced
        self.seconds += other.seconds
        for key, acc in other.accuracies.items():
            self.accuracies[key] += acc
        self.results.extend(other.results)

    def to_dict(self) -> dict[str, Any]:
        """The scores as JSON-ready data (no per-article detail)."""
        return {
            "name": self.name,
            "path": self.path,
            "articles": self.articles,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "matched": self.matched,
            "unplaced_predictions": self.unplaced_predictions,
            "gold_unplaced": self.gold_unplaced,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "seconds": round(self.seconds, 3),
            "accuracy": {key: acc.to_dict() for key, acc in self.accuracies.items()},
        }


@dataclass
class Scorecard:
    """Scores per gold set, plus ``overall`` summed over all sets."""

    sets: list[SetScore]

    @property
    def overall(self) -> SetScore:
        total = SetScore(name="overall")
        for s in self.sets:
            total.merge(s)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "sets": [s.to_dict() for s in self.sets],
            "overall": self.overall.to_dict(),
        }


# --------------------------------------------------------------------------- running


def default_predictor() -> Predictor:
    """The real pipeline, built once and reused for every set (building it loads nothing)."""
    try:
        from strife.pipeline import Pipeline
    except ImportError as exc:  # pragma: no cover - only while the pipeline is being written
        raise StrifeError(f"the extraction pipeline is not available ({exc})") from exc
    pipe = Pipeline()
    predict: Predictor = pipe.extract_many
    return predict


def evaluate(
    gold_paths: str | Path | Iterable[str | Path],
    *,
    predict: Predictor | None = None,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
) -> Scorecard:
    """Run the pipeline (or ``predict``) on gold files and score it.

    gold_paths: gold files or directories (JSONL/JSON gold articles, ACLED CSV with notes); each
        file is one set.
    predict: turns articles into extractions; defaults to ``Pipeline().extract_many``.
    limit: evaluate only the first ``limit`` articles of each set.
    progress: called as articles are predicted, with (set name, done, total).
    RETURNS (Scorecard): per-set scores, ``overall``, and per-article matches in ``results``.

    >>> card = evaluate(["eval/dev"], limit=20)          # doctest: +SKIP
    >>> card.overall.f1                                  # doctest: +SKIP
    """
    paths = [gold_paths] if isinstance(gold_paths, str | Path) else list(gold_paths)
    sets = load_gold_sets(paths)
    return evaluate_sets(sets, predict=predict, limit=limit, progress=progress)


def evaluate_sets(
    sets: Sequence[GoldSet],
    *,
    predict: Predictor | None = None,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
) -> Scorecard:
    """Score already loaded gold sets; see :func:`evaluate`."""
    if limit is not None and limit < 0:
        raise ConfigError(f"limit must be 0 or more, got {limit}")
    predictor = predict if predict is not None else default_predictor()
    scores: list[SetScore] = []
    for gold_set in sets:
        articles = list(gold_set.articles if limit is None else gold_set.articles[:limit])
        score = SetScore(name=gold_set.name, path=gold_set.path)
        started = time.perf_counter()
        extractions = _predict_all(
            predictor, [a.to_article() for a in articles], gold_set.name, progress
        )
        score.seconds = time.perf_counter() - started
        for gold, extraction in zip(articles, extractions, strict=True):
            reports = extraction.reports if extraction is not None else []
            warnings = extraction.warnings if extraction is not None else ["no extraction returned"]
            score.add_article(match_article(gold, reports, warnings=warnings))
        scores.append(score)
    return Scorecard(sets=scores)


def _predict_all(
    predict: Predictor,
    articles: Sequence[Article],
    set_name: str,
    progress: ProgressCallback | None,
) -> list[Extraction | None]:
    """Predict every article, returning extractions aligned with ``articles``.

    Articles go in chunks so the predictor can batch; a chunk that raises an InputError (one
    unreadable article, an unsupported language) is redone article by article, and the failing
    article is scored as predicting nothing, with the error kept as a warning, instead of ending
    the whole run. Other errors (missing data, no gazetteer) concern every article and propagate.
    """
    out: list[Extraction | None] = [None] * len(articles)
    total = len(articles)
    shown = 0

    def tick(done: int) -> None:
        # Never step back when a failed chunk is redone article by article.
        nonlocal shown
        if progress and done > shown:
            shown = done
            progress(set_name, done, total)

    if progress:
        progress(set_name, 0, total)
    for start in range(0, total, CHUNK_SIZE):
        chunk = articles[start : start + CHUNK_SIZE]

        def received(count: int, offset: int = start) -> None:
            tick(offset + count)

        try:
            results = _aligned(chunk, predict(chunk), received)
        except InputError:
            results = []
            for k, article in enumerate(chunk):
                try:
                    results.extend(_aligned([article], predict([article])))
                except InputError as exc:
                    logger.warning("article %s: %s", article.id, exc)
                    results.append(Extraction(article=article, warnings=[f"error: {exc}"]))
                tick(start + k + 1)
        out[start : start + len(chunk)] = results
        tick(start + len(chunk))
    return out


def _aligned(
    articles: Sequence[Article],
    extractions: Iterable[Extraction],
    received: Callable[[int], None] | None = None,
) -> list[Extraction | None]:
    """Put extractions in article order: by article id, else in the order they come.

    ``received`` is told how many extractions have arrived, so progress moves per article even
    when the predictor takes a whole chunk at a time.
    """
    slots: list[Extraction | None] = [None] * len(articles)
    index = {a.id: i for i, a in reversed(list(enumerate(articles)))}
    for count, extraction in enumerate(extractions, start=1):
        if received:
            received(count)
        i = index.get(extraction.article.id)
        if i is None or slots[i] is not None:
            i = next((k for k, s in enumerate(slots) if s is None), None)
            if i is None:
                logger.warning("predictor returned more extractions than articles; extra ignored")
                continue
        slots[i] = extraction
    return slots
