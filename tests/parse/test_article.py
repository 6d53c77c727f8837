"""Reading articles: every input kind, and a clear error for every input that cannot be read.

All fixtures are invented here and written to ``tmp_path``; nothing is read from outside.
"""

from __future__ import annotations

import io
import json
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from strife.errors import ConfigError, InputError
from strife.models import Article, article_id_for
from strife.parse.article import parse_date, read_articles

EN_TEXT = (
    "Gunmen attacked the village of Dioura in central Mali on Sunday, killing at least 12 "
    "civilians, local officials said.\nThe attackers arrived on motorcycles and burned houses."
)
FR_TEXT = (
    "Des hommes armés ont attaqué dimanche le village de Dioura, dans le centre du Mali, tuant "
    "au moins douze civils, selon des élus locaux."
)

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Gunmen attack village in central Mali</title>
<meta property="og:site_name" content="Sahel Wire">
<meta property="article:published_time" content="2025-05-26T08:00:00Z">
<script>document.write('SCRIPT IN HEAD')</script>
<style>body { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Navigation menu links</nav>
<article>
<h1>Gunmen attack village in central Mali</h1>
<p>Unidentified gunmen attacked the village of Dioura in central Mali on Sunday, killing at least
12 civilians, local officials said.</p>
<p>The attackers arrived on motorcycles and set fire to houses before withdrawing toward the
border, according to residents reached by telephone.</p>
<p>No group has claimed responsibility for the attack, which follows a series of raids in the
region over the past month.</p>
</article>
<div class="comments"><p>Reader comment: this is terrible news.</p></div>
<footer>Copyright 2025 Sahel Wire. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""

ARTICLE_BODY = (
    "<article><p>Soldiers clashed with militants near Menaka on Friday, the army said in a "
    "statement released on Saturday evening.</p><p>Several vehicles were destroyed during the "
    "fighting, which lasted for hours, according to local sources.</p></article>"
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_article(source: str | Path, **kwargs: object) -> Article:
    items = list(read_articles(source, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1
    assert isinstance(items[0], Article)
    return items[0]


def read_error(source: str | Path, **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        read_articles(source, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message  # one line for the CLI
    return message


# --- plain text ---------------------------------------------------------------------------


def test_plain_text_is_one_article_with_text_unchanged(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "dioura.txt", EN_TEXT + "\n"))
    assert article.text == EN_TEXT + "\n"  # offsets computed against the file stay valid
    assert article.id == article_id_for(EN_TEXT)
    assert article.published is None
    assert article.language is None


def test_overrides_set_published_language_title_url(tmp_path: Path) -> None:
    article = only_article(
        write(tmp_path, "dioura.txt", FR_TEXT),
        published=date(2025, 6, 2),
        language="FR",
        title="Attaque à Dioura",
        url="https://example.org/dioura",
    )
    assert article.published == date(2025, 6, 2)
    assert article.language == "fr"
    assert article.title == "Attaque à Dioura"
    assert article.url == "https://example.org/dioura"


def test_language_auto_means_detect(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "a.txt", EN_TEXT), language="auto")
    assert article.language is None


def test_txt_extension_wins_over_json_looking_content(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "note.txt", '{"text": "not parsed"}'))
    assert article.text == '{"text": "not parsed"}'


def test_file_without_extension_is_sniffed_as_text(tmp_path: Path) -> None:
    assert only_article(write(tmp_path, "ARTICLE", EN_TEXT)).text == EN_TEXT


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + FR_TEXT.encode()))
    assert article.text == FR_TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    data = FR_TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert only_article(write(tmp_path, "wide.txt", data)).text == FR_TEXT


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EN_TEXT.encode())))
    assert only_article("-").text == EN_TEXT


def test_stdin_is_sniffed_as_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = '{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    items = list(read_articles("-"))
    assert [item.id for item in items if isinstance(item, Article)] == ["a", "b"]


def test_stdin_is_sniffed_as_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NEWS_PAGE.encode())))
    article = only_article("-")
    assert "Dioura" in article.text
    assert "<p>" not in article.text


def test_stdin_reads_at_most_max_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    message = read_error("-", max_bytes=1000)
    assert "stdin holds more than" in message
    assert message.startswith("stdin holds more than the 1.0 kB limit for one input; split")


# --- HTML ---------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "page.html", NEWS_PAGE))
    assert "Unidentified gunmen attacked the village of Dioura" in article.text
    assert "No group has claimed responsibility" in article.text
    for boilerplate in ("Navigation menu", "Copyright", "Reader comment", "SCRIPT", "color: red"):
        assert boilerplate not in article.text
    assert article.title == "Gunmen attack village in central Mali"
    assert article.published == date(2025, 5, 26)
    assert article.outlet == "Sahel Wire"


def test_html_metadata_is_overridden_by_arguments(tmp_path: Path) -> None:
    article = only_article(
        write(tmp_path, "page.htm", NEWS_PAGE), published=date(2025, 5, 27), title="Mine"
    )
    assert article.published == date(2025, 5, 27)
    assert article.title == "Mine"


def test_html_without_date_metadata_has_no_published_date(tmp_path: Path) -> None:
    # A date in the body text is not the publication date: it must not be guessed.
    page = "<html><body><article><p>On 3 March 2024 " + ARTICLE_BODY[12:]
    article = only_article(write(tmp_path, "nodate.html", page))
    assert article.published is None


HOSTILE_PAGES = {
    "scripts_and_handlers": (
        "<html><head><script>alert('HEAD-SCRIPT')</script></head><body>"
        "<img src=x onerror=\"alert('ONERROR-PAYLOAD')\">"
        "<a href=\"javascript:alert('JS-URL')\">click</a>"
        "<script>document.write('BODY-SCRIPT')</script>"
        "<svg onload=\"alert('SVG-PAYLOAD')\"><script>alert('SVG-SCRIPT')</script></svg>"
        "<iframe src=\"javascript:alert('IFRAME')\"></iframe>"
        "<noscript>NOSCRIPT-TEXT</noscript>"
        + ARTICLE_BODY
        + "<script>var s = '</scr' + 'ipt>'; alert('TAIL-SCRIPT')</script></body></html>"
    ),
    "deep_nesting": (
        "<html><body>"
        + "<div>" * 100_000
        + "<p>Soldiers clashed with militants near Menaka on Friday, the army said.</p>"
        + "</div>" * 100_000
        + "</body></html>"
    ),
    "unclosed_nesting": "<html><body>" + "<div><span><b>" * 30_000 + ARTICLE_BODY,
    "entity_bomb": (
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
        '<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
        "<html><body>" + ARTICLE_BODY.replace("statement", "statement &g;&g;&g;") + "</body></html>"
    ),
    "xml_entity_bomb": (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + ARTICLE_BODY.replace("Friday", "Friday &lol3;")
        + "</body></html>"
    ),
    "unclosed_comment": "<html><body>" + ARTICLE_BODY + "<!-- " + "x" * 100_000,
    # libxml2 is quadratic in the attributes of one tag, also when values hide ">".
    "attribute_bomb": (
        "<html><body><p "
        + " ".join(f'a{i}="{i}"' for i in range(40_000))
        + ">x</p>"
        + ARTICLE_BODY
        + "</body></html>"
    ),
    "quoted_attribute_bomb": (
        "<html><body>"
        + ARTICLE_BODY
        + "<p "
        + " ".join(f'a{i}=">"' for i in range(40_000))
        + ">x</p></body></html>"
    ),
    # trafilatura's fallback extractors are quadratic in elements; Python's html.parser (before
    # 3.13) is quadratic on floods of unclosed tags and comments.
    "element_flood": "<html><body>" + ARTICLE_BODY + "<li>x</li>" * 20_000 + "</body></html>",
    "unclosed_tag_flood": "<html><body>" + ARTICLE_BODY + "<a " * 50_000,
    "comment_flood": "<html><body>" + ARTICLE_BODY + "<!--" * 50_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_hostile_html_neither_crashes_nor_hangs_nor_leaks_scripts(
    tmp_path: Path, name: str
) -> None:
    path = write(tmp_path, f"{name}.html", HOSTILE_PAGES[name])
    started = time.monotonic()
    article = only_article(path)
    assert time.monotonic() - started < 20
    assert "militants near Menaka" in article.text
    for leak in ("alert(", "SCRIPT", "ONERROR", "PAYLOAD", "javascript:", "NOSCRIPT", "document."):
        assert leak not in article.text
    # Entities are never expanded: the text stays about the size of the page.
    assert len(article.text) < 5_000


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    page = "<html><head><title>x</title><script>alert(1)</script></head><body></body></html>"
    message = read_error(write(tmp_path, "empty.html", page))
    assert "no article text found in the HTML" in message


# --- JSONL and JSON -----------------------------------------------------------------------

GOOD_RECORD = {
    "id": "dioura-1",
    "text": EN_TEXT,
    "published": "2025-05-26",
    "language": "EN",
    "url": "https://example.org/a",
    "title": "Attack in Dioura",
    "outlet": "Sahel Wire",
    "events": [{"event_type": "Violence against civilians"}],  # gold keys are ignored
}


def jsonl(*lines: object) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"


def test_jsonl_language_auto_means_detect(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "a.jsonl", jsonl({"text": EN_TEXT, "language": "auto"})))
    assert article.language is None


def test_jsonl_reads_every_key_and_ignores_extras(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "one.jsonl", jsonl(GOOD_RECORD)))
    assert article.id == "dioura-1"
    assert article.text == EN_TEXT
    assert article.published == date(2025, 5, 26)
    assert article.language == "en"
    assert (article.url, article.title, article.outlet) == (
        "https://example.org/a",
        "Attack in Dioura",
        "Sahel Wire",
    )


def test_jsonl_malformed_lines_are_yielded_as_errors_in_place(tmp_path: Path) -> None:
    content = jsonl(
        {"id": 7, "text": FR_TEXT, "published": "2025-06-02T09:15:00+01:00"},
        "{not json",
        "",
        [1, 2],
        {"id": "no-text"},
        {"text": "   "},
        {"text": EN_TEXT, "published": "2025-13-45"},
        {"text": EN_TEXT, "published": None, "title": 5},
        {"id": "last", "text": EN_TEXT, "published": None},
    )
    items = list(read_articles(write(tmp_path, "batch.ndjson", content)))
    assert len(items) == 8  # the blank line 3 is not a record
    first, last = items[0], items[-1]
    assert isinstance(first, Article) and first.id == "7"
    assert first.published == date(2025, 6, 2)
    assert isinstance(last, Article) and last.id == "last" and last.published is None
    errors = [str(item) for item in items[1:-1]]
    assert errors[0].startswith("line 2: invalid JSON")
    assert errors[1] == 'line 4: expected a JSON object with a "text" key, got an array'
    assert errors[2].startswith('line 5: no "text"')
    assert errors[3].startswith('line 6: no "text"')
    assert errors[4].startswith('line 7: "published" is not a date')
    assert "YYYY-MM-DD" in errors[4]
    assert errors[5] == 'line 8: "title" must be a string or null, got a number'
    assert all(isinstance(item, InputError) for item in items[1:-1])


def test_jsonl_with_crlf_and_unicode_line_separators(tmp_path: Path) -> None:
    text_with_separator = "Line one\u2028still the same article."
    content = json.dumps({"text": text_with_separator}, ensure_ascii=False) + "\r\n"
    content += json.dumps({"text": "second"}) + "\r\n"
    items = list(read_articles(write(tmp_path, "crlf.jsonl", content)))
    assert [item.text for item in items if isinstance(item, Article)] == [
        text_with_separator,
        "second",
    ]


def test_published_override_wins_over_records(tmp_path: Path) -> None:
    content = jsonl({"text": EN_TEXT, "published": "not a date"}, {"text": FR_TEXT})
    items = list(read_articles(write(tmp_path, "b.jsonl", content), published=date(2025, 1, 2)))
    assert [item.published for item in items if isinstance(item, Article)] == [date(2025, 1, 2)] * 2


def test_json_single_object_pretty_printed(tmp_path: Path) -> None:
    path = write(tmp_path, "one.json", json.dumps(GOOD_RECORD, indent=2))
    assert only_article(path).id == "dioura-1"


def test_json_single_object_sniffed_without_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "one", json.dumps(GOOD_RECORD, indent=2))
    assert only_article(path).id == "dioura-1"


def test_json_array_items_are_yielded_with_their_index(tmp_path: Path) -> None:
    content = json.dumps([GOOD_RECORD, {"title": "no text"}, "just a string"])
    items = list(read_articles(write(tmp_path, "many.json", content)))
    assert isinstance(items[0], Article)
    assert str(items[1]).startswith('item 2: no "text"')
    assert str(items[2]) == 'item 3: expected a JSON object with a "text" key, got a string'


def test_json_extension_holding_jsonl_is_read_as_jsonl(tmp_path: Path) -> None:
    content = jsonl({"text": "one"}, {"text": "two"})
    items = list(read_articles(write(tmp_path, "really-lines.json", content)))
    assert len(items) == 2


def test_jsonl_sniffed_even_when_its_first_line_is_bad(tmp_path: Path) -> None:
    content = jsonl("{broken", {"text": "two"})
    items = list(read_articles(write(tmp_path, "lines", content)))
    assert str(items[0]).startswith("line 1: invalid JSON")
    assert isinstance(items[1], Article)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.json", '{\n  "text": "abc",\n  "published": 2025\n', "is not valid JSON"),
        ("scalar.json", "42", "holds a number, not articles"),
        ("empty.json", "[]", "empty JSON array"),
        ("no-text.json", '{"title": "only a title"}', 'no-text.json: no "text"'),
    ],
)
def test_json_whole_input_errors(tmp_path: Path, name: str, content: str, expected: str) -> None:
    assert expected in read_error(write(tmp_path, name, content))


# --- whole-input errors -------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    message = read_error(tmp_path / "nope.txt")
    assert message.startswith("file not found:")
    assert "nope.txt" in message


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in read_error(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", "\ufeff  \n".encode()])
def test_empty_or_whitespace_only(tmp_path: Path, content: bytes) -> None:
    assert "is empty" in read_error(write(tmp_path, "blank.txt", content))


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    message = read_error(write(tmp_path, "blob.bin", bytes(range(256)) * 40))
    assert "looks like a binary file" in message


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    message = read_error(write(tmp_path, "blob.txt", bytes(range(1, 32)) * 200 + b"text"))
    assert "mostly control bytes" in message


@pytest.mark.parametrize(
    ("magic", "what"),
    [(b"\x1f\x8b\x08\x00", "gzip"), (b"%PDF-1.7\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG")],
)
def test_known_binary_formats_are_named(tmp_path: Path, magic: bytes, what: str) -> None:
    assert what in read_error(write(tmp_path, "file.txt", magic + b"rest of file"))


def test_latin1_bytes_name_the_offset_and_suggest_iconv(tmp_path: Path) -> None:
    data = "Des hommes armés ont attaqué".encode("latin-1")
    message = read_error(write(tmp_path, "latin1.txt", data))
    assert "not valid UTF-8" in message
    assert "byte 0xe9 at offset 14" in message
    assert "iconv" in message


def test_utf16_without_bom_is_named(tmp_path: Path) -> None:
    message = read_error(write(tmp_path, "u16.txt", EN_TEXT.encode("utf-16-le")))
    assert "UTF-16LE text without a byte-order mark" in message
    assert "iconv -f UTF-16LE" in message


def test_50_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fp:  # sparse: 50 MB on paper, nothing on disk
        fp.seek(50_000_000 - 1)
        fp.write(b"\n")
    started = time.monotonic()
    message = read_error(path)
    assert time.monotonic() - started < 1
    assert "is 50.0 MB, over the 20.0 MB limit" in message
    assert "split" in message


def test_limit_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", EN_TEXT)
    assert "over the 100 bytes limit" in read_error(path, max_bytes=100)
    assert only_article(path, max_bytes=len(EN_TEXT.encode())).text == EN_TEXT


def test_nonsense_limit(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="max_bytes must be a positive number"):
        read_articles(write(tmp_path, "a.txt", EN_TEXT), max_bytes=0)


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-02", date(2025, 6, 2)),
        (" 2025-06-02 ", date(2025, 6, 2)),
        ("2025-06-02T08:30:00", date(2025, 6, 2)),
        ("2025-06-02T08:30:00Z", date(2025, 6, 2)),
        ("2025-06-02T23:30:00-05:00", date(2025, 6, 2)),  # the outlet's day, not UTC's
        ("2025-06-02 08:30", date(2025, 6, 2)),
    ],
)
def test_parse_date(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "02/06/2025", "June 2, 2025", "2025-02-30", "yesterday"])
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date(value)


def test_fallback_scanner_keeps_title_and_drops_boilerplate(tmp_path: Path) -> None:
    # Too deep for lxml, so the linear scanner reads it; it must still drop what trafilatura would.
    page = (
        "<html><head><TITLE>Clash near Menaka &amp; Gao</TITLE>"
        "<SCRIPT>alert('x')</SCRIPT></head><body>"
        "<nav>Home | World | NAVIGATION</nav><header>SITE HEADER</header>"
        + "<div>" * 5_000
        + ARTICLE_BODY
        + "</div>" * 5_000
        + "<aside>RELATED STORIES</aside><footer>COPYRIGHT <b>2025</b></footer></body></html>"
    )
    article = only_article(write(tmp_path, "deep.html", page))
    assert article.title == "Clash near Menaka & Gao"
    assert article.text.startswith("Soldiers clashed with militants near Menaka on Friday")
    assert "Several vehicles were destroyed" in article.text
    for boilerplate in ("NAVIGATION", "SITE HEADER", "RELATED", "COPYRIGHT", "alert"):
        assert boilerplate not in article.text
