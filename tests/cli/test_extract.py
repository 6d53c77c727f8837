"""``strife extract`` through the CLI, with the pipeline replaced by a small fake.

The fake codes one report per article in English or French and, like the real pipeline, returns
an extraction with a warning and no reports for any other language; these tests check the
command's own work: reading, options, formats, errors, warnings and skipped lines.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import types
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

import strife.cli.extract
import strife.cli.schema  # a second command keeps `extract` a subcommand
from strife import cli
from strife.cli import app
from strife.export.acled_csv import ACLED_COLUMNS
from strife.export.jsonl import JSONL_FIELDS
from strife.models import Article, Extraction, Report
from strife.parse.language import SUPPORTED_LANGUAGES, detect_language

runner = CliRunner()

EN_TEXT = (
    "Gunmen attacked the village of Dioura in central Mali on Sunday, killing at least 12 "
    "civilians, local officials said. The attackers arrived on motorcycles and burned houses."
)
FR_TEXT = (
    "Des hommes armés ont attaqué dimanche le village de Dioura, dans le centre du Mali, tuant "
    "au moins douze civils, selon des élus locaux. Les assaillants sont arrivés à moto."
)
ES_TEXT = (
    "Hombres armados atacaron el domingo la aldea de Dioura, en el centro de Malí, y mataron "
    "al menos a doce civiles, según las autoridades locales. Los atacantes llegaron en motos."
)


class FakePipeline:
    """Codes one Violence-against-civilians report per en/fr article; refuses other languages."""

    seen: ClassVar[list[Article]] = []

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            FakePipeline.seen.append(article)
            language = article.language or detect_language(article.text)
            if language not in SUPPORTED_LANGUAGES:
                yield Extraction(
                    article=article,
                    language=language,
                    warnings=[f"language {language} is not supported; no events coded"],
                )
                continue
            report = Report(
                article_id=article.id,
                event_date=article.published,
                time_precision=1 if article.published else None,
                reported_date=article.published,
                disorder_type="Political violence",
                event_type="Violence against civilians",
                sub_event_type="Attack",
                actor1="Unidentified Armed Group (Mali)",
                inter1=3,
                actor2="Civilians (Mali)",
                inter2=7,
                interaction=37,
                civilian_targeting=True,
                country="Mali",
                iso=466,
                admin1="Mopti",
                location="Dioura",
                latitude=14.83,
                longitude=-5.25,
                geo_precision=1,
                fatalities=12,
            )
            yield Extraction(article=article, reports=[report], language=language)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("strife.pipeline")
    module.Pipeline = FakePipeline  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "strife.pipeline", module)
    FakePipeline.seen = []


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def assert_clean_failure(output: str, message: str) -> None:
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines == [f"Error: {message}"] or lines[-1] == f"Error: {message}", output


# --- formats ------------------------------------------------------------------------------


def test_table_is_the_default(tmp_path: Path) -> None:
    path = write(tmp_path, "dioura.txt", EN_TEXT)
    args = ["extract", str(path), "--published", "2025-06-02"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})  # stdout is not a terminal here
    assert result.exit_code == 0, result.output
    for expected in (
        "1 event from 1 article",
        "2025-06-02",
        "Violence against civilians",
        "Dioura",
    ):
        assert expected in result.stdout
    assert result.stderr == ""
    assert FakePipeline.seen[0].published == date(2025, 6, 2)


def test_json_is_the_full_model(tmp_path: Path) -> None:
    path = write(tmp_path, "dioura.txt", FR_TEXT)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert isinstance(payload, list) and len(payload) == 1
    extraction = Extraction.model_validate(payload[0])
    assert extraction.article.text == FR_TEXT
    assert extraction.language == "fr"
    assert extraction.reports[0].location == "Dioura"


def test_jsonl_one_report_per_line(tmp_path: Path) -> None:
    content = jsonl({"id": "a", "text": EN_TEXT}, {"id": "b", "text": FR_TEXT})
    path = write(tmp_path, "batch.jsonl", content)
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article_id"] for line in lines] == ["a", "b"]
    assert list(lines[0]) == list(JSONL_FIELDS)


def test_acled_csv(tmp_path: Path) -> None:
    content = jsonl(
        {"id": "a", "text": EN_TEXT, "published": "2025-06-01", "url": "https://x.example/a"},
        {"id": "b", "text": FR_TEXT, "published": "2025-06-02", "outlet": "Studio Tamani"},
    )
    path = write(tmp_path, "batch.jsonl", content)
    result = runner.invoke(app, ["extract", str(path), "--format", "acled-csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert all(len(row) == 31 for row in rows)
    records = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["source"] for r in records] == ["x.example", "Studio Tamani"]
    assert [r["event_date"] for r in records] == ["2025-06-01", "2025-06-02"]
    assert records[0]["interaction"] == "Political militia-Civilians"


def test_output_file(tmp_path: Path) -> None:
    path = write(tmp_path, "dioura.txt", EN_TEXT)
    target = tmp_path / "events.csv"
    result = runner.invoke(app, ["extract", str(path), "-f", "acled-csv", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    with target.open(encoding="utf-8", newline="") as fp:
        rows = list(csv.reader(fp))
    assert len(rows) == 2 and len(rows[1]) == 31


def test_table_to_a_file_has_no_colour_codes(tmp_path: Path) -> None:
    path = write(tmp_path, "dioura.txt", EN_TEXT)
    target = tmp_path / "events.txt"
    result = runner.invoke(app, ["extract", str(path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Dioura" in text
    assert "\x1b[" not in text


def test_unwritable_output(tmp_path: Path) -> None:
    path = write(tmp_path, "dioura.txt", EN_TEXT)
    target = tmp_path / "missing-dir" / "out.csv"
    result = runner.invoke(app, ["extract", str(path), "-o", str(target)])
    assert result.exit_code == 1
    assert "Error: cannot write" in result.output
    assert "Traceback" not in result.output


def test_stdin(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=EN_TEXT)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["location"] == "Dioura"


def test_html_input(tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><title>Dioura</title>"
        '<meta property="article:published_time" content="2025-06-02">'
        "<script>alert('x')</script></head><body><article><p>"
        + EN_TEXT
        + "</p></article></body></html>"
    )
    path = write(tmp_path, "page.html", page)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)[0]["article"]
    assert article["title"] == "Dioura"
    assert article["published"] == "2025-06-02"
    assert "alert" not in article["text"]


# --- options ------------------------------------------------------------------------------


def test_lang_forces_the_language(tmp_path: Path) -> None:
    path = write(tmp_path, "es.txt", ES_TEXT)
    result = runner.invoke(app, ["extract", str(path), "--lang", "fr", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert FakePipeline.seen[0].language == "fr"


def test_lang_auto_leaves_detection_to_the_pipeline(tmp_path: Path) -> None:
    path = write(tmp_path, "en.txt", EN_TEXT)
    result = runner.invoke(app, ["extract", str(path), "--lang", "auto"])
    assert result.exit_code == 0, result.output
    assert FakePipeline.seen[0].language is None


def test_bad_lang_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "en.txt", EN_TEXT)
    result = runner.invoke(app, ["extract", str(path), "--lang", "es"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_bad_published_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "en.txt", EN_TEXT)
    result = runner.invoke(app, ["extract", str(path), "--published", "02/06/2025"])
    assert result.exit_code == 2
    assert "'02/06/2025' is not a date" in result.output
    assert "Traceback" not in result.output


def test_published_accepts_a_datetime(tmp_path: Path) -> None:
    path = write(tmp_path, "en.txt", EN_TEXT)
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-06-02T08:00:00Z"])
    assert result.exit_code == 0, result.output
    assert FakePipeline.seen[0].published == date(2025, 6, 2)


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    for option in ("--published", "--lang", "--format", "--output"):
        assert option in result.stdout


# --- languages ----------------------------------------------------------------------------


def test_single_article_in_an_unsupported_language_fails_with_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "es.txt", ES_TEXT)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert_clean_failure(
        result.output,
        "the text looks like Spanish (es); Strife codes English and French. "
        "Use --lang en|fr to force one.",
    )
    assert result.stdout == ""


def test_batch_with_an_unsupported_language_warns_and_goes_on(tmp_path: Path) -> None:
    content = jsonl({"id": "en-1", "text": EN_TEXT}, {"id": "es-1", "text": ES_TEXT})
    path = write(tmp_path, "batch.jsonl", content)
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    assert "Warning: es-1: language es is not supported" in result.stderr


# --- skipped lines and unreadable input ---------------------------------------------------


def test_malformed_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    content = jsonl(
        {"id": "a", "text": EN_TEXT},
        "{oops",
        {"id": "b", "text": FR_TEXT},
        {"id": "c", "text": EN_TEXT, "published": "yesterday"},
    )
    path = write(tmp_path, "batch.jsonl", content)
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["a", "b"]
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("2 lines skipped: line 2: invalid JSON")
    assert 'line 4: "published" is not a date' in summary


def test_many_skipped_lines_are_summarised(tmp_path: Path) -> None:
    content = jsonl({"text": EN_TEXT}, *["not json"] * 8)
    result = runner.invoke(app, ["extract", str(write(tmp_path, "b.jsonl", content))])
    assert result.exit_code == 0, result.output
    assert "8 lines skipped:" in result.stderr
    assert "; and 3 more" in result.stderr


def test_no_readable_article_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.jsonl", jsonl("not json", {"id": "x"}))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "Error: no article could be read from" in result.output
    assert "2 lines skipped: line 1: invalid JSON" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blob.bin", bytes(range(256)) * 8, "looks like a binary file"),
        ("latin1.txt", "Des hommes armés".encode("latin-1"), "is not valid UTF-8"),
        ("broken.json", b'{"text": ', "is not valid JSON"),
    ],
)
def test_unreadable_inputs_fail_with_one_line(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    result = runner.invoke(app, ["extract", str(write(tmp_path, name, content))])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: ")
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert_clean_failure(
        result.output,
        f"file not found: {tmp_path / 'nope.txt'} (check the path, or pass - to read stdin)",
    )


def test_main_entry_point_prints_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_register", lambda: None)  # the commands are imported above
    monkeypatch.setattr(sys, "argv", ["strife", "extract", str(tmp_path)])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        f"Error: {tmp_path} is a directory; pass one file (.txt, .html, .jsonl) or - to read stdin"
    )


def test_module_is_registered() -> None:
    assert strife.cli.extract.extract.__doc__


def test_progress_bar_on_stderr_for_a_batch_on_a_terminal(tmp_path: Path) -> None:
    path = write(tmp_path, "b.jsonl", jsonl({"text": EN_TEXT}, {"text": FR_TEXT}))
    # FORCE_COLOR makes Rich treat stderr as a terminal; piped runs get no progress bar.
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"], env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "2/2" in result.stderr
    assert len(result.stdout.splitlines()) == 2  # stdout stays clean data
    piped = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert piped.stderr == ""
