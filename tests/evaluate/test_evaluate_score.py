"""Scores: event P/R/F1 and every field accuracy, with perfect, wrong and over-eager predictors."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from evaluate_support import Change, predictor_from_gold, report_from_gold

from strife.errors import ConfigError, InputError
from strife.evaluate import GoldArticle, GoldEvent, evaluate, load_gold, mismatches
from strife.evaluate import score as score_module
from strife.evaluate.score import ACCURACY_LABELS, SetScore
from strife.models import Article, Claim, Extraction, Report


def score_of(gold_path: Path, change: Change | None = None, **kwargs: Any) -> SetScore:
    predict = predictor_from_gold(load_gold(gold_path), change)
    card = evaluate([gold_path], predict=predict, **kwargs)
    assert len(card.sets) == 1
    return card.sets[0]


def change_first(**changes: Any) -> Change:
    """Alter the first event of the first article (t-001, the clash at Alpha) only."""

    def change(article: Article, event: GoldEvent, index: int) -> list[Report]:
        if article.id == "t-001" and index == 0:
            return [report_from_gold(article, event, **changes)]
        return [report_from_gold(article, event)]

    return change


def test_perfect_predictor(gold_jsonl: Path) -> None:
    s = score_of(gold_jsonl)
    assert (s.articles, s.gold_events, s.predicted_events, s.matched) == (3, 3, 3, 3)
    assert s.precision == s.recall == s.f1 == 1.0
    expected_n = {
        "event_date": 2,  # t-002 is undated
        "time_precision": 2,
        "claims_found": 3,  # 2 + 1 gold claims
        "no_event_articles": 1,
    }
    for key in ACCURACY_LABELS:
        acc = s.accuracies[key]
        assert acc.n == expected_n.get(key, 3), key
        assert acc.value == 1.0, key


def test_perfect_predictor_on_acled_notes(acled_csv: Path) -> None:
    s = score_of(acled_csv)
    assert (s.articles, s.gold_events, s.predicted_events, s.matched) == (3, 4, 4, 4)
    assert s.f1 == 1.0
    # ACLED codes neither disputes nor claims, and every note has an event.
    assert s.accuracies["disputed"].n == 0
    assert s.accuracies["claims_found"].n == 0
    assert s.accuracies["no_event_articles"].n == 0
    assert s.accuracies["event_date"].value == 1.0


@pytest.mark.parametrize(
    ("changes", "wrong"),
    [
        ({"event_type": "Violence against civilians"}, {"event_type"}),
        ({"sub_event_type": "Non-state actor overtakes territory"}, {"sub_event_type"}),
        ({"actor1": "Military Forces of Niger"}, {"actor1", "actor_pair"}),
        ({"actor2": "Civilians (Mali)"}, {"actor2", "actor_pair"}),
        ({"latitude": 14.0 + 20 / 111.195}, {"location"}),
        ({"admin1": "Ségou"}, {"admin1"}),
        ({"event_date": None}, {"event_date"}),  # still matched through reported_date
        ({"fatalities": 11}, {"fatalities"}),
        ({"fatalities": 20}, {"fatalities", "fatalities_20pct"}),
        ({"geo_precision": 2}, {"geo_precision"}),
        ({"time_precision": 2}, {"time_precision"}),
        ({"disputed": True}, {"disputed"}),
        (
            {
                "claims": [
                    Claim(claimant="JNIM", kind="perpetrator", says="12 killed", killed=12),
                    Claim(claimant="the army", kind="government", says="no toll"),
                ]
            },
            {"claims_found"},
        ),
    ],
    ids=lambda v: ",".join(sorted(v)) if isinstance(v, set) else None,
)
def test_one_wrong_field(gold_jsonl: Path, changes: dict[str, Any], wrong: set[str]) -> None:
    s = score_of(gold_jsonl, change_first(**changes))
    assert s.matched == 3, "a wrong field must not lose the match"
    for key in ACCURACY_LABELS:
        acc = s.accuracies[key]
        if key in wrong:
            assert acc.correct == acc.n - 1, key
        else:
            assert acc.correct == acc.n, key


def test_date_off_by_one_day_matches_but_is_wrong(gold_jsonl: Path) -> None:
    def change(article: Article, event: GoldEvent, index: int) -> list[Report]:
        if event.event_date is None:
            return [report_from_gold(article, event)]
        return [report_from_gold(article, event, event_date=event.event_date + timedelta(1))]

    s = score_of(gold_jsonl, change)
    assert s.matched == 3
    assert (s.accuracies["event_date"].correct, s.accuracies["event_date"].n) == (0, 2)


def test_swapped_actors_keep_the_pair(gold_jsonl: Path) -> None:
    def change(article: Article, event: GoldEvent, index: int) -> list[Report]:
        return [report_from_gold(article, event, actor1=event.actor2, actor2=event.actor1)]

    s = score_of(gold_jsonl, change)
    assert s.accuracies["actor1"].value == 0.0
    assert s.accuracies["actor2"].value == 0.0
    assert s.accuracies["actor_pair"].value == 1.0


def test_names_compared_without_year_suffix_case_or_accents(gold_jsonl: Path) -> None:
    def change(article: Article, event: GoldEvent, index: int) -> list[Report]:
        actor2 = f"{event.actor2} (2021-) Special Unit" if event.actor2 else None
        admin1 = (event.admin1 or "").upper().replace("É", "E")
        return [report_from_gold(article, event, actor2=actor2, admin1=admin1)]

    s = score_of(gold_jsonl, change)
    assert s.accuracies["actor2"].value == 1.0
    assert s.accuracies["admin1"].value == 1.0


def test_extra_event_lowers_precision_only(gold_jsonl: Path) -> None:
    def change(article: Article, event: GoldEvent, index: int) -> list[Report]:
        reports = [report_from_gold(article, event)]
        if article.id == "t-001" and index == 0:
            # The same clash told again at a place 300 km away: a false positive.
            reports.append(report_from_gold(article, event, latitude=(event.latitude or 0) + 3))
        return reports

    s = score_of(gold_jsonl, change)
    assert (s.gold_events, s.predicted_events, s.matched) == (3, 4, 3)
    assert s.precision == 0.75
    assert s.recall == 1.0
    assert s.f1 == pytest.approx(6 / 7)
    assert s.accuracies["event_type"].value == 1.0


def test_missed_event_lowers_recall_only(gold_jsonl: Path) -> None:
    def change(article: Article, event: GoldEvent, index: int) -> list[Report]:
        return [] if article.id == "t-001" and index == 1 else [report_from_gold(article, event)]

    s = score_of(gold_jsonl, change)
    assert (s.gold_events, s.predicted_events, s.matched) == (3, 2, 2)
    assert s.precision == 1.0
    assert s.recall == pytest.approx(2 / 3)


def _with_extra_in_no_event_article(placed: bool) -> Any:
    def predictor(gold: list[GoldArticle]) -> Any:
        base = predictor_from_gold(gold)

        def predict(articles: Iterable[Article]) -> Iterator[Extraction]:
            for extraction in base(articles):
                if extraction.article.id == "t-003":
                    event = gold[0].events[0]
                    extra = report_from_gold(extraction.article, event)
                    if not placed:
                        extra = extra.model_copy(
                            update={"geo_precision": None, "latitude": None, "longitude": None}
                        )
                    extraction = extraction.model_copy(update={"reports": [extra]})
                yield extraction

        return predict

    return predictor


@pytest.mark.parametrize("placed", [True, False])
def test_no_event_article(gold_jsonl: Path, placed: bool) -> None:
    gold = load_gold(gold_jsonl)
    predict = _with_extra_in_no_event_article(placed)(gold)
    (s,) = evaluate([gold_jsonl], predict=predict).sets
    acc = s.accuracies["no_event_articles"]
    assert acc.n == 1
    if placed:
        assert acc.correct == 0
        assert s.predicted_events == 4 and s.precision == 0.75
    else:
        # An unplaced report is not an event claim: the article still counts as right.
        assert acc.correct == 1
        assert s.predicted_events == 3 and s.unplaced_predictions == 1 and s.precision == 1.0


def test_limit_per_set(gold_dir: Path) -> None:
    card = evaluate([gold_dir], predict=predictor_from_gold(load_gold(gold_dir)), limit=1)
    assert [s.articles for s in card.sets] == [1, 1]
    assert card.overall.articles == 2
    with pytest.raises(ConfigError):
        evaluate([gold_dir], predict=predictor_from_gold([]), limit=-1)


def test_overall_sums_the_sets(gold_dir: Path) -> None:
    card = evaluate([gold_dir], predict=predictor_from_gold(load_gold(gold_dir)))
    assert [s.name for s in card.sets] == ["acled_tiny", "news_tiny"]
    overall = card.overall
    assert (overall.articles, overall.gold_events, overall.matched) == (6, 7, 7)
    assert overall.accuracies["event_type"].n == 7
    data = json.loads(json.dumps(card.to_dict()))
    assert data["overall"]["f1"] == 1.0
    assert data["sets"][1]["accuracy"]["event_date"] == {"value": 1.0, "correct": 2, "n": 2}


def test_an_unreadable_article_scores_as_nothing_predicted(gold_jsonl: Path) -> None:
    base = predictor_from_gold(load_gold(gold_jsonl))

    def predict(articles: Iterable[Article]) -> Iterator[Extraction]:
        articles = list(articles)
        if any(a.id == "t-002" for a in articles):
            raise InputError("unsupported language")
        yield from base(articles)

    (s,) = evaluate([gold_jsonl], predict=predict).sets
    assert s.articles == 3
    assert s.matched == 2 and s.recall == pytest.approx(2 / 3)
    failed = next(r for r in s.results if r.gold.id == "t-002")
    assert failed.warnings == ["error: unsupported language"]


def test_extractions_are_aligned_by_article_id(gold_jsonl: Path) -> None:
    base = predictor_from_gold(load_gold(gold_jsonl))

    def reversed_predict(articles: Iterable[Article]) -> Iterator[Extraction]:
        yield from reversed(list(base(articles)))

    (s,) = evaluate([gold_jsonl], predict=reversed_predict).sets
    assert s.f1 == 1.0


def test_default_predictor_is_used_when_none_given(
    gold_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    predict = predictor_from_gold(load_gold(gold_jsonl))
    monkeypatch.setattr(score_module, "default_predictor", lambda: predict)
    (s,) = evaluate(gold_jsonl).sets
    assert s.f1 == 1.0


def test_progress_is_reported(gold_jsonl: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    evaluate(
        [gold_jsonl],
        predict=predictor_from_gold(load_gold(gold_jsonl)),
        progress=lambda name, done, total: calls.append((name, done, total)),
    )
    assert calls == [("news_tiny", done, 3) for done in range(4)]


def test_mismatches_list_differences_misses_and_extras(gold_jsonl: Path) -> None:
    def change(article: Article, event: GoldEvent, index: int) -> list[Report]:
        if article.id != "t-001":
            return [report_from_gold(article, event)]
        if index == 0:
            return [report_from_gold(article, event, fatalities=20)]
        # The attack at Beta is placed in another country: a miss and an extra.
        return [report_from_gold(article, event, country="Niger")]

    card = evaluate([gold_jsonl], predict=predictor_from_gold(load_gold(gold_jsonl), change))
    data = json.loads(json.dumps(mismatches(card)))
    first = next(a for a in data["articles"] if a["id"] == "t-001")
    assert first["correct"] is False
    assert len(first["gold_events"]) == 2 and len(first["predicted_reports"]) == 2
    (pair,) = first["matched"]
    assert pair["gold"] == 0 and pair["predicted"] == 0
    assert pair["differences"] == {
        "fatalities": {"gold": 10, "predicted": 20},
        "fatalities_20pct": {"gold": 10, "predicted": 20},
    }
    (missed,) = first["false_negatives"]
    assert missed["gold"] == 1 and missed["event"]["location"] == "Beta"
    assert missed["why_not"]["1"] == "country: 'Niger' vs gold 'Mali'"
    (extra,) = first["false_positives"]
    assert extra["predicted"] == 1 and extra["report"]["country"] == "Niger"
    others = [a for a in data["articles"] if a["id"] != "t-001"]
    assert all(a["correct"] for a in others)


def test_errors_that_concern_every_article_stop_the_run(gold_jsonl: Path) -> None:
    from strife.errors import DataError

    def predict(articles: Iterable[Article]) -> Iterator[Extraction]:
        raise DataError("packaged data file data/actors.jsonl is missing")
        yield  # a generator, like the pipeline's

    with pytest.raises(DataError, match=r"actors\.jsonl"):
        evaluate([gold_jsonl], predict=predict)
