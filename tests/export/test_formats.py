"""Output formats: JSONL key order, ACLED's 31 CSV columns and conventions, the terminal table."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from rich.console import Console
from rich.table import Table

from strife.errors import DataError
from strife.export.acled_csv import (
    ACLED_COLUMNS,
    claim_note,
    event_id,
    inter_label,
    interaction_label,
    notes_for,
    source_name,
    write_acled_csv,
)
from strife.export.jsonl import JSONL_FIELDS, report_record, write_jsonl
from strife.export.table import render_table
from strife.models import Article, Claim, Extraction, Report, Span

# An invented article; offsets below are computed from it, never typed by hand.
TEXT = (
    "Militants attacked the army camp at Boulkessi on Sunday, the army said. "
    "JNIM claimed it killed 40 soldiers, while the army said 30 attackers died. "
    'In a separate raid, gunmen abducted 5 villagers near Dioura, "a local official" said.'
)
ARTICLE = Article(
    id="art-1",
    text=TEXT,
    url="https://www.sahelwire.example/2025/06/02/boulkessi",
    published=date(2025, 6, 2),
    language="en",
)


def span(fragment: str, field: str = "trigger") -> Span:
    start = TEXT.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment, field=field)  # type: ignore[arg-type]


def battle() -> Report:
    return Report(
        article_id="art-1",
        event_date=date(2025, 6, 1),
        time_precision=1,
        date_text="Sunday",
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="JNIM: Group for Support of Islam and Muslims",
        inter1=2,
        actor2="Military Forces of Mali",
        inter2=1,
        interaction=12,
        country="Mali",
        admin1="Mopti",
        admin2="Djenne",
        location="Boulkessi",
        latitude=14.6512345,
        longitude=-1.35,
        geo_precision=1,
        fatalities=30,
        fatalities_low=30,
        fatalities_best=35,
        fatalities_high=40,
        disputed=True,
        claims=[
            Claim(
                claimant="JNIM",
                kind="perpetrator",
                says="killed 40 soldiers",
                killed=40,
                victims="soldiers",
                evidence=[span("JNIM claimed it killed 40 soldiers", "claim")],
            ),
            Claim(
                claimant="Malian army",
                kind="government",
                says="30 attackers died",
                killed=30,
                victims="attackers",
                evidence=[span("the army said 30 attackers died", "claim")],
            ),
        ],
        evidence=[
            span("attacked", "trigger"),
            span("Boulkessi", "location"),
            span("JNIM claimed it killed 40 soldiers", "fatalities"),
        ],
    )


def abduction() -> Report:
    return Report(
        article_id="art-1",
        reported_date=date(2025, 6, 2),
        disorder_type="Political violence",
        event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance",
        actor1="Unidentified Armed Group (Mali)",
        inter1=3,
        actor2="Civilians (Mali)",
        inter2=7,
        interaction=37,
        civilian_targeting=True,
        country="Mali",
        location="Dioura",
        latitude=14.83,
        longitude=-5.25,
        geo_precision=2,
        claims=[Claim(claimant="a local official", kind="local_official", says="5 abducted, 'a'")],
        evidence=[span('gunmen abducted 5 villagers near Dioura, "a local official" said.')],
        flags=["unresolved_date"],
    )


def unplaced() -> Report:
    return Report(
        article_id="art-2",
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Niger",
        inter1=1,
        interaction=10,
        country=None,
        flags=["unplaced", "unresolved_date"],
    )


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_keys_in_order_and_values() -> None:
    out = io.StringIO()
    assert write_jsonl([battle(), abduction()], out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first) == list(JSONL_FIELDS)
    assert list(JSONL_FIELDS[:17]) == [
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "inter1",
        "actor2",
        "inter2",
        "interaction",
        "country",
        "admin1",
        "admin2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
    ]
    assert first["event_date"] == "2025-06-01"
    assert (first["fatalities_low"], first["fatalities_best"], first["fatalities_high"]) == (
        30,
        35,
        40,
    )
    assert first["claims"][0]["claimant"] == "JNIM"
    assert first["claims"][0]["killed"] == 40
    evidence = first["evidence"][1]
    assert set(evidence) == {"start", "end", "text", "field"}
    assert TEXT[evidence["start"] : evidence["end"]] == evidence["text"] == "Boulkessi"
    second = json.loads(lines[1])
    assert second["event_date"] is None
    assert second["reported_date"] == "2025-06-02"
    assert second["flags"] == ["unresolved_date"]


def test_jsonl_keeps_non_ascii() -> None:
    report = battle().model_copy(update={"location": "Ségou"})
    assert '"location": "Ségou"' in json.dumps(report_record(report), ensure_ascii=False)
    out = io.StringIO()
    write_jsonl([report], out)
    assert "Ségou" in out.getvalue()


def test_jsonl_empty() -> None:
    out = io.StringIO()
    assert write_jsonl([], out) == 0
    assert out.getvalue() == ""


# --- ACLED CSV ----------------------------------------------------------------------------

EXPECTED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def export(reports: list[Report], **kwargs: object) -> list[list[str]]:
    out = io.StringIO()
    count = write_acled_csv(reports, out, timestamp=1_750_000_000, **kwargs)  # type: ignore[arg-type]
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert count == len(rows) - 1
    return rows


def as_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_acled_csv_has_31_columns_in_acled_order() -> None:
    rows = export([battle(), abduction(), unplaced()], articles={"art-1": ARTICLE})
    assert tuple(rows[0]) == ACLED_COLUMNS == tuple(EXPECTED_COLUMNS)
    assert len(ACLED_COLUMNS) == 31
    assert all(len(row) == 31 for row in rows)
    assert len(rows) == 4


def test_acled_csv_values() -> None:
    row = as_dicts(export([battle()], articles={"art-1": ARTICLE}))[0]
    assert row["event_id_cnty"].startswith("MLI")
    assert row["event_date"] == "2025-06-01"
    assert row["year"] == "2025"
    assert row["time_precision"] == "1"
    assert row["inter1"] == "Rebel group"
    assert row["inter2"] == "State forces"
    assert row["interaction"] == "State forces-Rebel group"
    assert row["civilian_targeting"] == ""
    assert row["iso"] == "466"
    assert row["region"] == "Western Africa"
    assert (row["latitude"], row["longitude"]) == ("14.6512", "-1.3500")
    assert row["geo_precision"] == "1"
    assert row["source"] == "sahelwire.example"
    assert row["source_scale"] == "" and row["assoc_actor_1"] == "" and row["admin3"] == ""
    assert row["fatalities"] == "30"
    assert row["timestamp"] == "1750000000"


def test_acled_csv_blank_values_for_unknowns() -> None:
    row = as_dicts(export([unplaced()]))[0]
    assert row["event_id_cnty"].startswith("XXX")
    for column in ("event_date", "year", "time_precision", "actor2", "inter2", "iso", "region"):
        assert row[column] == "", column
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("", "", "")
    assert row["interaction"] == "State forces only"
    assert row["source"] == ""
    assert row["fatalities"] == "0"


def test_acled_csv_civilian_targeting_and_interaction() -> None:
    row = as_dicts(export([abduction()]))[0]
    assert row["civilian_targeting"] == "Civilians targeted"
    assert row["inter2"] == "Civilians"
    assert row["interaction"] == "Political militia-Civilians"


def test_event_ids_are_deterministic_and_distinct() -> None:
    first = as_dicts(export([battle(), abduction(), unplaced()]))
    again = as_dicts(export([battle(), abduction(), unplaced()]))
    ids = [row["event_id_cnty"] for row in first]
    assert ids == [row["event_id_cnty"] for row in again]
    assert len(set(ids)) == 3
    assert ids[0] == event_id(battle(), 0)
    assert ids[1] == event_id(abduction(), 1)
    assert ids[2] == event_id(unplaced(), 0)  # counted per article
    assert len(ids[0]) == 3 + 8


def test_notes_are_the_evidence_sentences_then_the_claims() -> None:
    notes = notes_for(battle(), ARTICLE)
    assert notes == (
        "Militants attacked the army camp at Boulkessi on Sunday, the army said. "
        "JNIM claimed it killed 40 soldiers, while the army said 30 attackers died. "
        "JNIM (perpetrator) claimed 40 soldiers killed. "
        "Malian army (government) claimed 30 attackers killed. "
        "The accounts of this event are disputed."
    )


def test_notes_without_the_article_use_the_spans() -> None:
    notes = notes_for(battle())
    assert notes.startswith("attacked Boulkessi JNIM claimed it killed 40 soldiers JNIM (perp")


def test_notes_ignore_spans_that_do_not_match_the_article() -> None:
    other = ARTICLE.model_copy(update={"text": "Something else entirely."})
    assert notes_for(battle(), other).startswith("attacked Boulkessi")


@pytest.mark.parametrize(
    ("claim", "note"),
    [
        (
            Claim(claimant="JNIM", kind="perpetrator", says="40", killed=40),
            "JNIM (perpetrator) claimed 40 killed.",
        ),
        (
            Claim(claimant="Army", kind="government", says="20 to 30", killed=20, killed_high=30),
            "Army (government) claimed 20-30 killed.",
        ),
        (
            Claim(claimant="MSF", kind="humanitarian", says="x", killed=12, split=2),
            "MSF (humanitarian) claimed 12 killed (a toll shared by 2 events).",
        ),
        (
            Claim(claimant="A source", kind="security_source", says="the camp fell."),
            "A source (security source): the camp fell.",
        ),
    ],
)
def test_claim_note(claim: Claim, note: str) -> None:
    assert claim_note(claim) == note


def test_notes_with_quotes_and_commas_round_trip_through_csv() -> None:
    rows = as_dicts(export([abduction()], articles={"art-1": ARTICLE}))
    assert rows[0]["notes"] == (
        'In a separate raid, gunmen abducted 5 villagers near Dioura, "a local official" said. '
        "A local official (local official): 5 abducted, 'a'."
    )


@pytest.mark.parametrize(
    ("inter1", "inter2", "label"),
    [
        (1, 2, "State forces-Rebel group"),
        (2, 1, "State forces-Rebel group"),
        (2, None, "Rebel group only"),
        (3, 3, "Political militia-Political militia"),
        (4, 1, "State forces-Identity militia"),
        (6, 5, "Rioters-Protesters"),
        (7, 2, "Rebel group-Civilians"),
        (8, 7, "External/Other forces-Civilians"),  # codebook Table 3: code 78
        (7, 8, "External/Other forces-Civilians"),
        (7, None, "Civilians only"),
        (8, 1, "State forces-External/Other forces"),
    ],
)
def test_interaction_label(inter1: int, inter2: int | None, label: str) -> None:
    assert interaction_label(inter1, inter2) == label


def test_inter_labels() -> None:
    assert [inter_label(code) for code in range(1, 9)] == [
        "State forces",
        "Rebel group",
        "Political militia",
        "Identity militia",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other forces",
    ]
    assert inter_label(None) == ""
    with pytest.raises(DataError, match="unknown Inter code 9"):
        inter_label(9)


def test_source_name() -> None:
    assert source_name(None) == ""
    assert source_name(ARTICLE) == "sahelwire.example"
    assert source_name(ARTICLE.model_copy(update={"outlet": "Sahel Wire"})) == "Sahel Wire"
    assert source_name(Article(text="x")) == ""


def test_acled_csv_empty_is_header_only() -> None:
    rows = export([])
    assert rows == [list(ACLED_COLUMNS)]


def test_acled_csv_default_timestamp_is_now() -> None:
    out = io.StringIO()
    write_acled_csv([battle()], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert int(row["timestamp"]) > 1_700_000_000


# --- table --------------------------------------------------------------------------------


def rendered(table: Table) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(table)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_table_rows_and_columns() -> None:
    extraction = Extraction(article=ARTICLE, reports=[battle(), abduction()], language="en")
    table = render_table([extraction])
    assert isinstance(table, Table)
    assert table.row_count == 2
    assert [column.header for column in table.columns] == [
        "Date",
        "Event",
        "Actors",
        "Location",
        "Killed",
        "Claims",
        "Flags",
    ]
    text = rendered(table)
    for expected in (
        "2 events from 1 article",
        "2025-06-01",
        "Armed clash",
        "Military Forces of Mali",
        "Boulkessi, Mopti, Mali",
        "place (p1)",
        "30–40",
        "best 35",
        "disputed",
        "reported",
        "near place (p2)",
        "unresolved_date",
    ):
        assert expected in text, expected


def test_table_with_several_articles_shows_the_article() -> None:
    first = Extraction(article=ARTICLE, reports=[battle()])
    second = Extraction(article=Article(id="art-2", text="..."), reports=[unplaced()])
    table = render_table([first, second])
    assert table.columns[0].header == "Article"
    text = rendered(table)
    assert "art-2" in text
    assert "not placed" in text
    assert "unknown" in text


def test_table_without_reports() -> None:
    table = render_table([Extraction(article=ARTICLE)])
    assert table.row_count == 0
    assert "No events found." in rendered(table)


def test_table_does_not_interpret_markup_in_names() -> None:
    report = battle().model_copy(update={"actor1": "[bold]Group[/bold]"})
    assert "[bold]Group[/bold]" in rendered(
        render_table([Extraction(article=ARTICLE, reports=[report])])
    )


def test_claim_note_opens_with_a_capital() -> None:
    claim = Claim(claimant="deux sources sécuritaires", kind="security_source", says="x", killed=30)
    assert claim_note(claim) == "Deux sources sécuritaires (security source) claimed 30 killed."


def test_notes_do_not_repeat_a_figureless_claim_already_in_the_evidence() -> None:
    sentence = "JNIM claimed it killed 40 soldiers, while the army said 30 attackers died."
    report = battle().model_copy(
        update={
            "claims": [Claim(claimant="JNIM", kind="perpetrator", says=sentence)],
            "disputed": False,
        }
    )
    notes = notes_for(report, ARTICLE)
    assert notes.count("JNIM claimed it killed 40 soldiers") == 1
    assert "(perpetrator)" not in notes


def test_notes_end_a_headline_with_a_full_stop() -> None:
    text = "Camp falls to jihadists\nMilitants attacked the camp on Sunday."
    article = Article(id="h", text=text)
    report = battle().model_copy(
        update={
            "article_id": "h",
            "claims": [],
            "disputed": False,
            "evidence": [
                Span(start=0, end=4, text="Camp", field="location"),
                Span(start=24, end=33, text="Militants", field="actor1"),
            ],
        }
    )
    assert notes_for(report, article) == (
        "Camp falls to jihadists. Militants attacked the camp on Sunday."
    )
