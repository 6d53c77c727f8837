"""Gold readers: JSONL/JSON gold articles, ACLED CSV notes, directories, and their errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from evaluate_support import ACLED_COLUMNS, ACLED_ROWS, GOLD_ARTICLES, NOTE_B, write_acled_csv

from strife.errors import InputError
from strife.evaluate import load_gold, load_gold_sets, strip_actor_suffix
from strife.evaluate.gold import actor_key, looks_french


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Military Forces of Mali (2013-2020)", "Military Forces of Mali"),
        ("Military Forces of France (2017-)", "Military Forces of France"),
        ("Police Forces of Mali (2013-2020) Gendarmerie", "Police Forces of Mali"),
        ("Military Forces of Libya (2014-) Haftar Faction", "Military Forces of Libya"),
        ("Unidentified Armed Group (Mali)", "Unidentified Armed Group (Mali)"),
        ("Civilians (Burkina Faso)", "Civilians (Burkina Faso)"),
        ("JNIM: Group for Support of Islam and Muslims",) * 2,
    ],
)
def test_strip_actor_suffix(name: str, expected: str) -> None:
    assert strip_actor_suffix(name) == expected


def test_actor_key_ignores_suffix_case_and_spacing() -> None:
    suffixed = "Military Forces of Mali (2013-2020)"
    assert actor_key(suffixed) == actor_key(" military  forces of MALI")


def test_jsonl_articles(gold_jsonl: Path) -> None:
    articles = load_gold(gold_jsonl)
    assert [a.id for a in articles] == ["t-001", "t-002", "t-003"]
    first, second, third = articles
    assert first.published == date(2024, 3, 10)
    assert first.language == "en"
    assert first.line == 1
    assert len(first.events) == 2
    clash = first.events[0]
    assert clash.event_date == date(2024, 3, 9)
    assert clash.latitude == 14.0 and clash.geo_precision == 1
    assert clash.fatalities == 10 and clash.fatalities_high == 15
    assert [(c.kind, c.killed) for c in clash.claims] == [("perpetrator", 10), ("government", None)]
    assert clash.disputed is False
    # Undated, unpublished article keeps its partial date.
    assert second.published is None and second.published_partial == "2023-05"
    assert second.events[0].event_date is None and second.events[0].time_precision is None
    assert second.events[0].latitude is None
    assert third.events == ()


def test_article_passed_to_pipeline_has_text_and_metadata_only(gold_jsonl: Path) -> None:
    article = load_gold(gold_jsonl)[0].to_article()
    assert article.id == "t-001"
    assert article.published == date(2024, 3, 10)
    assert article.language == "en"
    assert "Alpha" in article.text


@pytest.mark.parametrize("as_list", [False, True])
def test_json_file_with_one_article_or_a_list(tmp_path: Path, as_list: bool) -> None:
    path = tmp_path / "seed.gold.json"
    payload = GOLD_ARTICLES[:2] if as_list else GOLD_ARTICLES[0]
    path.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    articles = load_gold(path)
    assert [a.id for a in articles] == (["t-001", "t-002"] if as_list else ["t-001"])


def test_acled_csv_distinct_notes_are_articles(acled_csv: Path) -> None:
    articles = load_gold(acled_csv)
    # Three distinct notes; the row without a note is skipped.
    assert len(articles) == 3
    a, b, _ = articles
    assert a.text.startswith("Unidentified gunmen")
    assert a.id == "MLI9001"
    assert len(a.events) == 1
    assert b.text == NOTE_B
    assert len(b.events) == 2
    assert [e.location for e in b.events] == ["Epsilon", "Zeta"]


def test_acled_csv_published_is_event_date(acled_csv: Path) -> None:
    a, b, _ = load_gold(acled_csv)
    assert a.published == date(2017, 1, 5)
    # A note covering two days is published on the later one.
    assert b.published == date(2017, 1, 8)


def test_acled_csv_fields(acled_csv: Path) -> None:
    a, b, c = load_gold(acled_csv)
    event = a.events[0]
    assert event.actor1 == "Military Forces of Mali"
    assert event.actor2 == "Unidentified Armed Group (Mali)"
    assert event.latitude == 14.5 and event.longitude == -4.0
    assert event.fatalities == 2
    assert event.time_precision == 1 and event.geo_precision == 1
    assert event.fatalities_high is None and event.claims == () and event.disputed is None
    assert event.event_id == "MLI9001"
    assert b.events[0].actor2 == "Police Forces of Mali"
    assert b.events[1].time_precision == 2 and b.events[1].geo_precision == 2
    assert c.events[0].actor2 == "Police Forces of Mali"


def test_acled_csv_language(acled_csv: Path) -> None:
    assert [a.language for a in load_gold(acled_csv)] == ["en", "en", "fr"]
    assert looks_french("Des hommes armés ont attaqué le camp de Eta.")
    assert not looks_french("Gunmen attacked the camp of Eta on Sunday.")


def test_acled_csv_old_date_format_and_blank_actor2(tmp_path: Path) -> None:
    row = dict(ACLED_ROWS[0], event_date="05 January 2017", actor2="", fatalities="")
    (article,) = load_gold(write_acled_csv(tmp_path / "old.csv", [row]))
    assert article.published == date(2017, 1, 5)
    assert article.events[0].actor2 is None
    assert article.events[0].fatalities == 0  # ACLED: no information = 0


def test_directory_is_one_set_per_file(gold_dir: Path) -> None:
    sets = load_gold_sets([gold_dir])
    assert [s.name for s in sets] == ["acled_tiny", "news_tiny"]
    assert [len(s.articles) for s in sets] == [3, 3]
    assert len(load_gold(gold_dir)) == 6


def test_same_stem_in_two_folders_gets_distinct_names(tmp_path: Path, gold_dir: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    write_acled_csv(other / "acled_tiny.csv", ACLED_ROWS)
    names = [s.name for s in load_gold_sets([gold_dir, other])]
    assert names == ["acled_tiny", "news_tiny", "other/acled_tiny"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "nope.jsonl")


def test_malformed_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOLD_ARTICLES[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: invalid JSON"):
        load_gold(path)


def test_jsonl_article_without_text(tmp_path: Path) -> None:
    path = tmp_path / "notext.jsonl"
    path.write_text(json.dumps({"id": "x", "events": []}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notext\.jsonl:1: .*'text'"):
        load_gold(path)


def test_jsonl_bad_event_date(tmp_path: Path) -> None:
    article = json.loads(json.dumps(GOLD_ARTICLES[0]))
    article["events"][1]["event_date"] = "last week"
    path = tmp_path / "baddate.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"baddate\.jsonl:1 event 2 'event_date': not a date"):
        load_gold(path)


def test_csv_without_notes(tmp_path: Path) -> None:
    columns = [c for c in ACLED_COLUMNS if c != "notes"]
    path = write_acled_csv(tmp_path / "nonotes.csv", ACLED_ROWS, columns)
    with pytest.raises(InputError, match=r"nonotes\.csv: no 'notes' column"):
        load_gold(path)


def test_csv_bad_number_names_line(tmp_path: Path) -> None:
    rows = [ACLED_ROWS[0], dict(ACLED_ROWS[1], latitude="north")]
    path = write_acled_csv(tmp_path / "badnum.csv", rows)
    with pytest.raises(InputError, match=r"badnum\.csv:3 'latitude': expected a number"):
        load_gold(path)


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold files"):
        load_gold(tmp_path)
