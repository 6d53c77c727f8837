"""Measure the pipeline against gold codings (DESIGN.md §7): ``strife evaluate``.

>>> from strife.evaluate import evaluate                   # doctest: +SKIP
>>> card = evaluate(["eval/dev/news_dev.jsonl"], limit=10)  # doctest: +SKIP
>>> card.overall.f1, card.overall.accuracies["event_type"].value  # doctest: +SKIP
"""

from __future__ import annotations

from strife.evaluate.gold import (
    GoldArticle,
    GoldClaim,
    GoldEvent,
    GoldSet,
    load_gold,
    load_gold_sets,
    strip_actor_suffix,
)
from strife.evaluate.match import ArticleMatch, MatchedPair, check_pair, match_article
from strife.evaluate.report import mismatches, scorecard_json, scorecard_table, write_mismatches
from strife.evaluate.score import (
    Accuracy,
    Predictor,
    Scorecard,
    SetScore,
    default_predictor,
    evaluate,
    evaluate_sets,
)

__all__ = [
    "Accuracy",
    "ArticleMatch",
    "GoldArticle",
    "GoldClaim",
    "GoldEvent",
    "GoldSet",
    "MatchedPair",
    "Predictor",
    "Scorecard",
    "SetScore",
    "check_pair",
    "default_predictor",
    "evaluate",
    "evaluate_sets",
    "load_gold",
    "load_gold_sets",
    "match_article",
    "mismatches",
    "scorecard_json",
    "scorecard_table",
    "strip_actor_suffix",
    "write_mismatches",
]
