"""Present a :class:`~strife.evaluate.score.Scorecard`: a Rich table, JSON, and a mismatches file.

The table is for reading at a terminal (one column per gold set, so sets compare side by side);
the JSON is for scripts and the bench; the mismatches file is for finding classes of failure:
every article with its gold events, the predicted reports, what matched, which fields differ,
and why each missed gold event was not matched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.table import Table

from strife.errors import StrifeError
from strife.evaluate.match import ArticleMatch, why_unmatched
from strife.evaluate.score import ACCURACY_LABELS, Accuracy, Scorecard, SetScore, field_differences


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _acc(acc: Accuracy) -> str:
    return "–" if not acc.n else f"{_pct(acc.value)} ({acc.correct}/{acc.n})"


def scorecard_table(card: Scorecard) -> Table:
    """The scorecard as a Rich table: metrics as rows, one column per set (+ overall)."""
    columns: list[SetScore] = list(card.sets)
    if len(columns) > 1:
        columns.append(card.overall)
    table = Table(title="Strife evaluation", title_justify="left")
    table.add_column("metric", style="bold")
    for s in columns:
        table.add_column(s.name, justify="right")

    def row(label: str, cells: list[str], *, end_section: bool = False) -> None:
        table.add_row(label, *cells, end_section=end_section)

    row("articles", [str(s.articles) for s in columns])
    row("gold events", [str(s.gold_events) for s in columns])
    row("predicted events", [str(s.predicted_events) for s in columns])
    row("unplaced predictions", [str(s.unplaced_predictions) for s in columns])
    if any(s.gold_unplaced for s in columns):
        row("unplaced gold", [str(s.gold_unplaced) for s in columns])
    row("matched", [str(s.matched) for s in columns], end_section=True)
    row("event precision", [_pct(s.precision) for s in columns])
    row("event recall", [_pct(s.recall) for s in columns])
    row("event F1", [_pct(s.f1) for s in columns], end_section=True)
    for key, label in ACCURACY_LABELS.items():
        row(label, [_acc(s.accuracies[key]) for s in columns], end_section=key == "disputed")
    row("seconds per article", [_per_article(s) for s in columns])
    return table


def _per_article(score: SetScore) -> str:
    return f"{score.seconds / score.articles:.3f}" if score.articles else "–"


def scorecard_json(card: Scorecard) -> str:
    """The scorecard as indented JSON (no per-article detail)."""
    return json.dumps(card.to_dict(), indent=2, ensure_ascii=False)


def article_mismatches(set_name: str, result: ArticleMatch) -> dict[str, Any]:
    """One article's matching, JSON-ready: gold, predictions, pairs with their differences."""
    gold = result.gold
    reports = result.reports
    matched = []
    for pair in result.pairs:
        differences = field_differences(gold.events[pair.gold_index], reports[pair.predicted_index])
        matched.append(
            {
                "gold": pair.gold_index,
                "predicted": pair.predicted_index,
                "distance_km": None if pair.distance_km is None else round(pair.distance_km, 1),
                "date_gap_days": pair.date_gap_days,
                "differences": differences,
            }
        )
    false_negatives = [
        {
            "gold": i,
            "event": gold.events[i].to_dict(),
            "why_not": {str(j): why for j, why in why_unmatched(gold.events[i], reports).items()},
        }
        for i in result.false_negatives
    ]
    false_positives = [
        {"predicted": j, "report": reports[j].model_dump(mode="json")}
        for j in result.false_positives
    ]
    return {
        "set": set_name,
        "id": gold.id,
        "source": gold.source,
        "line": gold.line,
        "title": gold.title,
        "published": gold.published.isoformat() if gold.published else None,
        "language": gold.language,
        "correct": not (
            result.false_negatives
            or result.false_positives
            or any(m["differences"] for m in matched)
        ),
        "text": gold.text,
        "gold_events": [e.to_dict() for e in gold.events],
        "predicted_reports": [r.model_dump(mode="json") for r in reports],
        "matched": matched,
        "false_negatives": false_negatives,
        "false_positives": false_positives,
        "unplaced": result.unplaced,
        "warnings": result.warnings,
    }


def mismatches(card: Scorecard) -> dict[str, Any]:
    """Every evaluated article's matching, per set, with the scorecard for context."""
    return {
        "scorecard": card.to_dict(),
        "articles": [article_mismatches(s.name, result) for s in card.sets for result in s.results],
    }


def write_mismatches(card: Scorecard, path: str | Path) -> None:
    """Write :func:`mismatches` as JSON to ``path``."""
    target = Path(path)
    try:
        target.write_text(
            json.dumps(mismatches(card), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise StrifeError(f"{target}: cannot write the mismatches file ({exc.strerror})") from exc
