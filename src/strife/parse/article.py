"""Read articles from a file or stdin: plain text, HTML, JSONL, or JSON.

This is the one door through which user input enters Strife, so it is defensive: it checks the
size before reading, refuses binary and wrongly encoded files with a sentence saying what to do,
and never lets hostile HTML (scripts, event handlers, deep nesting, entity bombs) hang the
process or leak script text into an article.

Two kinds of failure are kept apart on purpose:

- a problem with the **whole input** (missing file, directory, empty, binary, not UTF-8, too
  big, unparseable JSON) is *raised* as :class:`~strife.errors.InputError` when
  :func:`read_articles` is called, before any article is produced;
- a problem with **one record** of a batch (a bad JSONL line, an array item without text) is
  *yielded* as an ``InputError`` naming the line or item, so a caller processing an archive
  counts and skips it instead of losing the whole batch to one bad line.

>>> for item in read_articles("examples/boulkessi-en.txt"):  # doctest: +SKIP
...     print(item.id if isinstance(item, Article) else f"skipped: {item}")
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import shlex
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from strife.errors import ConfigError, InputError
from strife.models import Article

logger = logging.getLogger(__name__)

#: Inputs above this size are refused: one article is a few kB, and a 20 MB JSONL file already
#: holds thousands; bigger archives belong to the batch job.
DEFAULT_MAX_BYTES = 20_000_000

InputKind = Literal["text", "html", "jsonl", "json"]

_KIND_BY_SUFFIX: dict[str, InputKind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}

_TEXT_ONLY = "Strife reads plain text, HTML, JSON or JSONL articles"

# Signatures of binary formats users are likely to pass by mistake: (magic, what, what to do).
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", "extract its text first (e.g. pdftotext FILE FILE.txt)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)", "extract the text first"),
    (b"\x1f\x8b", "a gzip file", "decompress it first (gunzip FILE)"),
    (b"\xfd7zXZ\x00", "an xz file", "decompress it first (unxz FILE)"),
    (b"PAR1", "a Parquet file", "Parquet archives are read by the batch job, not here"),
    (b"\x89PNG", "a PNG image", _TEXT_ONLY),
    (b"\xff\xd8\xff", "a JPEG image", _TEXT_ONLY),
    (b"GIF8", "a GIF image", _TEXT_ONLY),
)

# Bytes that never occur in text: C0 controls except tab, LF, FF, CR (and ESC, which terminal
# logs carry), plus DEL. Deleting all *other* bytes leaves the controls to count, at C speed.
_CONTROL = {*range(0, 9), 11, *range(14, 27), *range(28, 32), 127}
_NON_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL)
# More controls than this in the first 64 kB means binary, NUL or not.
_MAX_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 65_536


@dataclass(frozen=True)
class _Overrides:
    """Values the caller asserts for every article of the input; they win over the input's own."""

    published: date | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


def read_articles(
    source: str | Path,
    *,
    published: date | None = None,
    language: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Read the articles in ``source`` (a path, or "-" for stdin).

    The kind of input comes from the file extension (``.txt``, ``.html``/``.htm``,
    ``.jsonl``/``.ndjson``, ``.json``) or, for stdin and other names, from the content: HTML when
    it starts with ``<!doctype html``/``<html``, JSON or JSONL when its first non-blank character
    is ``{`` or ``[``, plain text otherwise.

    - **Plain text** gives one article whose text is the file's text, unchanged (so character
      offsets computed against the file stay valid).
    - **HTML** gives one article: the main text extracted with trafilatura (navigation, footers,
      ads, comments, scripts and styles dropped); title, outlet and published date are taken from
      the page's metadata unless given here.
    - **JSONL** gives one article per non-blank line with keys ``text`` (required), ``id``,
      ``published`` (ISO date or datetime, or null), ``language``, ``url``, ``title``,
      ``outlet``; other keys (such as gold ``events``) are ignored.
    - **JSON** is a single article object or an array of them.

    Whole-input problems are raised now (the function reads and checks the input before
    returning); problems with single JSONL lines or array items are yielded as
    :class:`InputError` ("line 4: invalid JSON …") in their place, so callers can count and skip
    them.

    source (str | Path): a file path, or "-" to read stdin.
    published (date | None): the publication date of every article, overriding the input's.
    language (str | None): ISO 639-1 code of every article ("auto" or None: leave to detection).
    title, url, outlet (str | None): title, URL and outlet of every article, overriding the
        input's.
    max_bytes (int): inputs larger than this are refused before being read.
    RETURNS (Iterator[Article | InputError]): the articles, in input order.
    RAISES (InputError): the input as a whole cannot be read; the message says what to do.
    RAISES (ConfigError): ``max_bytes`` is not positive.
    """
    if max_bytes < 1:
        raise ConfigError(f"max_bytes must be a positive number of bytes, not {max_bytes}")
    if language is not None:
        language = language.strip().lower()
        if language in ("", "auto"):
            language = None
    overrides = _Overrides(
        published=published, language=language, title=title, url=url, outlet=outlet
    )

    data, name, suffix = _read_bytes(source, max_bytes)
    text = _decode(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty; give it an article's text (plain text, HTML or JSONL)")

    kind = _KIND_BY_SUFFIX.get(suffix or "") or _sniff(text)
    if kind == "text":
        return iter([_with_overrides(Article(text=text), overrides)])
    if kind == "html":
        return iter([_article_from_html(text, name, overrides)])
    if kind == "jsonl":
        return _read_jsonl(text, overrides)
    return _read_json(text, name, overrides)


def article_from_html(html: str, *, name: str, url: str | None = None) -> Article:
    """The article of an HTML page (main text, title, outlet, date), as ``read_articles`` reads it.

    RAISES (InputError): the page holds no article text; the message starts with ``name``.
    """
    return _article_from_html(html, name, _Overrides(url=url))


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment (scripts, styles and comments dropped), linear time."""
    return _scan_text(html)[0]


def parse_date(value: str) -> date:
    """Parse a published date: an ISO date ("2025-06-02") or ISO datetime ("2025-06-02T08:30Z").

    A datetime keeps its own calendar day, not the UTC one: "Sunday" and "yesterday" in the
    article are relative to the day the outlet printed, in its time zone.

    >>> parse_date("2025-06-02T23:30:00-05:00")
    datetime.date(2025, 6, 2)

    RAISES (InputError): the value is not an ISO date or datetime.
    """
    if not isinstance(value, str):
        raise InputError(f"{value!r} is not a date; write it as YYYY-MM-DD")
    cleaned = value.strip()
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        raise InputError(
            f"{value!r} is not a date; write it as YYYY-MM-DD "
            "(an ISO datetime such as 2025-06-02T08:30:00Z also works)"
        ) from None


# --- reading and decoding -------------------------------------------------------------------


def _size(n: int) -> str:
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"


def _too_big(name: str, size: int | None, max_bytes: int) -> InputError:
    """``size`` is None when only reading found out (stdin, pipes): the true size is unknown."""
    limit = _size(max_bytes)
    what = (
        f"is {_size(size)}, over the {limit} limit"
        if size is not None
        else f"holds more than the {limit} limit"
    )
    return InputError(
        f"{name} {what} for one input; "
        "split it into smaller files (for JSONL: split -l 10000 FILE part-)"
    )


def _read_bytes(source: str | Path, max_bytes: int) -> tuple[bytes, str, str | None]:
    """The raw bytes (never more than max_bytes), a name for messages, and the file suffix."""
    if str(source) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            data = stream.read(max_bytes + 1)
        else:  # a text-only stdin (some embedding environments): read characters instead
            data = sys.stdin.read(max_bytes + 1).encode("utf-8")
        if len(data) > max_bytes:
            raise _too_big("stdin", None, max_bytes)
        return data, "stdin", None

    path = Path(source).expanduser()
    name = str(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(
            f"file not found: {name} (check the path, or pass - to read stdin)"
        ) from None
    except PermissionError:
        raise InputError(f"{name} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            f"{name} is a directory; pass one file (.txt, .html, .jsonl) or - to read stdin"
        )
    # Check the size before reading: a 50 MB file must be refused without loading it.
    if info.st_size > max_bytes:
        raise _too_big(name, info.st_size, max_bytes)
    try:
        with path.open("rb") as fp:
            # Read at most one byte more than allowed: pipes and special files report size 0.
            data = fp.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{name} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _too_big(name, None, max_bytes)
    return data, name, path.suffix.lower() or None


def _binary_error(name: str, what: str, advice: str = _TEXT_ONLY) -> InputError:
    return InputError(f"{name} looks like {what}, not text; {advice}")


def _decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16/32; refuse binary with a reason."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                label = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
                raise InputError(
                    f"{name} starts with a {label} byte-order mark but is not valid {label} "
                    f"(offset {exc.start}); re-save it as UTF-8"
                ) from None
            if "\x00" in text:
                raise _binary_error(name, "a binary file (it contains NUL characters)")
            return text

    sample = data[:_SNIFF_BYTES]
    for magic, what, advice in _MAGIC:
        if sample.startswith(magic):
            raise _binary_error(name, what, advice)
    if b"\x00" in data:
        half = max(len(sample) // 2, 1)
        odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
        if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
            enc = "UTF-16LE"
        elif even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
            enc = "UTF-16BE"
        else:
            enc = ""
        if enc:
            raise InputError(
                f"{name} looks like {enc} text without a byte-order mark; convert it to UTF-8, "
                f"e.g. iconv -f {enc} -t UTF-8 {_shell_name(name)} > converted.txt"
            )
        raise _binary_error(name, "a binary file (it contains NUL bytes)")
    controls = len(sample.translate(None, _NON_CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise _binary_error(name, "a binary file (it is mostly control bytes)")

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise InputError(
            f"{name} is not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start}); it is probably "
            "Latin-1 or Windows-1252: convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 "
            f"{_shell_name(name)} > converted.txt"
        ) from None


def _shell_name(name: str) -> str:
    """How to refer to the input in a suggested shell command."""
    return "INPUT" if name == "stdin" else shlex.quote(name)


def _sniff(text: str) -> InputKind:
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("<") and any(tag in head for tag in ("<html", "<body", "<head", "<article")):
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        # A whole-file JSON object (maybe pretty-printed) or one object per line.
        return "json"
    return "text"


# --- articles from records ------------------------------------------------------------------


def _with_overrides(article: Article, overrides: _Overrides) -> Article:
    updates: dict[str, Any] = {
        key: value
        for key, value in (
            ("published", overrides.published),
            ("language", overrides.language),
            ("title", overrides.title),
            ("url", overrides.url),
            ("outlet", overrides.outlet),
        )
        if value is not None
    }
    return article.model_copy(update=updates) if updates else article


def _type_name(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


def article_from_record(
    record: object, where: str, overrides: _Overrides | None = None
) -> Article | InputError:
    """One JSON article record (the keys of a JSONL line) → Article, or an InputError prefixed
    with ``where``; public so that `strife batch` reads archive rows exactly as ingest does."""
    overrides = overrides or _Overrides()
    if not isinstance(record, dict):
        return InputError(
            f'{where}: expected a JSON object with a "text" key, got {_type_name(record)}'
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(f'{where}: no "text" (each article needs a non-empty "text" string)')

    fields: dict[str, Any] = {"text": text}
    raw_id = record.get("id")
    if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id).strip():
        fields["id"] = str(raw_id).strip()
    elif raw_id is not None:
        return InputError(f'{where}: "id" must be a string or a number, got {_type_name(raw_id)}')

    for key in ("language", "url", "title", "outlet"):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return InputError(f'{where}: "{key}" must be a string or null, got {_type_name(value)}')
        value = value.strip()
        if key == "language":
            value = "" if value.lower() == "auto" else value.lower()
        if value:
            fields[key] = value

    raw_published = record.get("published")
    if overrides.published is None and raw_published not in (None, ""):
        try:
            fields["published"] = parse_date(raw_published)
        except InputError:
            return InputError(
                f'{where}: "published" is not a date ({raw_published!r}); write it as YYYY-MM-DD'
            )
    return _with_overrides(Article(**fields), overrides)


def _read_jsonl(text: str, overrides: _Overrides) -> Iterator[Article | InputError]:
    # Split on "\n" only: str.splitlines() would also split on U+2028 and U+0085, which JSON
    # allows unescaped inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield InputError(f"line {number}: invalid JSON (nested too deeply)")
            continue
        yield article_from_record(record, f"line {number}", overrides)


def _looks_like_jsonl(text: str, error: json.JSONDecodeError) -> bool:
    """Whether text that is not one JSON document is JSON Lines (a bad line does not count)."""
    if error.msg == "Extra data":  # a complete first value, then more: one object per line
        return True
    lines = (line.strip() for line in text.split("\n"))
    for line in [line for line in lines if line][:5]:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (json.JSONDecodeError, RecursionError):
            continue
    return False


def _read_json(text: str, name: str, overrides: _Overrides) -> Iterator[Article | InputError]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        # "{...}\n{...}" is JSONL however the file is named: read it line by line.
        if _looks_like_jsonl(text, exc):
            return _read_jsonl(text, overrides)
        raise InputError(
            f"{name} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            "give one article object, an array of them, or JSONL (one object per line)"
        ) from None
    except RecursionError:
        raise InputError(f"{name} is not usable JSON: it is nested too deeply") from None

    if isinstance(document, dict):
        article = article_from_record(document, name, overrides)
        if isinstance(article, InputError):
            raise article
        return iter([article])
    if isinstance(document, list):
        if not document:
            raise InputError(f"{name} holds an empty JSON array; there are no articles to read")
        return (
            article_from_record(item, f"item {index}", overrides)
            for index, item in enumerate(document, start=1)
        )
    raise InputError(
        f"{name} holds {_type_name(document)}, not articles; give one article object "
        '(with a "text" key), an array of them, or JSONL'
    )


# --- HTML -------------------------------------------------------------------------------------
#
# Hostile pages are defused by bounding the work, not by trusting the parsers:
# - trafilatura's fallback extractors (readability, jusText) are quadratic in the number of
#   elements (10,000 "<li>x</li>" take 30 s), so they run only on pages of ordinary size; larger
#   pages get trafilatura's fast mode, and pages with more tags than any article page get only
#   the linear scanner below;
# - libxml2 is quadratic in the attributes of one tag, so attribute bombs are cut first;
# - libxml2 gives up on very deep nesting (trafilatura then finds nothing): the linear scanner
#   takes over, as it does for any page trafilatura finds no text in;
# - neither lxml's HTML parser nor the scanner expands DTD entities, so entity bombs stay text.
# Python's html.parser is not used: before 3.13 it is quadratic on inputs such as "<a " repeated.

#: Up to this many tags, trafilatura runs with its fallback extractors (best recall).
_FULL_EXTRACTION_TAGS = 2_000
#: Up to this many tags, trafilatura runs in fast mode (linear); beyond, the scanner alone.
_FAST_EXTRACTION_TAGS = 50_000
#: A tag with more "=" than this before the next "<" is an attribute bomb.
_MAX_ATTRIBUTES = 256
# Possessive quantifiers: the scan cannot backtrack, so it stays linear whatever the input.
_ATTRIBUTE_BOMB = re.compile(rf"<([a-zA-Z][\w:.-]{{0,64}}+)(?:[^<=]*+=){{{_MAX_ATTRIBUTES}}}[^<]*+")


def _defuse(html: str) -> str:
    """The page with attribute bombs reduced to bare tags (a no-op for ordinary pages)."""
    if html.count("=") <= _MAX_ATTRIBUTES:
        return html
    return _ATTRIBUTE_BOMB.sub(r"<\1>", html)


# A page whose main text is shorter than this is a menu, a cookie wall or an error page, not an
# article; the shortest one-sentence brief is longer.
_MIN_PAGE_WORDS = 8


def _article_from_html(html: str, name: str, overrides: _Overrides) -> Article:
    """Main text and metadata of a page, by trafilatura or, failing that, the linear scanner."""
    html = _defuse(html)
    tags = html.count("<")
    text, meta_title, meta_date, outlet, page_url = "", None, None, None, None
    if tags <= _FAST_EXTRACTION_TAGS and not _exceeds_parser_limits(html):
        text, meta_title, meta_date, outlet, page_url = _extract_with_trafilatura(
            html, overrides.url, fast=tags > _FULL_EXTRACTION_TAGS
        )
    if len(text.split()) < _MIN_PAGE_WORDS:
        scanned, scanned_title = _scan_text(html)
        if len(scanned.split()) > len(text.split()):
            text = scanned
        meta_title = meta_title or scanned_title
    if len(text.split()) < _MIN_PAGE_WORDS:
        raise InputError(
            f"{name}: no article text found in the HTML; save the page's text as .txt instead"
        )
    published = None
    if meta_date:
        try:
            published = parse_date(meta_date)
        except InputError:
            logger.debug("ignoring unparseable HTML date %r in %s", meta_date, name)
    article = Article(
        text=text,
        title=meta_title or None,
        outlet=outlet or None,
        url=page_url or None,
        published=published,
    )
    return _with_overrides(article, overrides)


def _exceeds_parser_limits(html: str) -> bool:
    """Whether libxml2 stops early on this page (nesting deeper than 256 elements).

    It then drops the rest of the page silently and trafilatura extracts whatever came before,
    typically the navigation; such pages go to the linear scanner instead.
    """
    import lxml.html

    parser = lxml.html.HTMLParser(
        collect_ids=False, remove_comments=True, remove_pis=True, encoding="utf-8"
    )
    try:
        lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except Exception:  # lxml raises on empty or unparseable documents: trafilatura decides
        return False
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


def _extract_with_trafilatura(
    html: str, url: str | None, *, fast: bool
) -> tuple[str, str | None, str | None, str | None, str | None]:
    import trafilatura  # heavy (lxml, htmldate…): only loaded when an HTML page is read

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            fast=fast,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            # Only dates from the page's markup (meta tags, <time>): guessing from the body
            # text would invent published dates, and relative dates are resolved against them.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    # trafilatura does not document its failure modes on hostile markup; any failure there
    # means "no main text found", and the linear scanner takes over.
    except Exception as exc:
        logger.debug("trafilatura failed (%s); falling back to the linear HTML scanner", exc)
        return "", None, None, None, None
    if document is None or isinstance(document, dict):
        return "", None, None, None, None
    return (
        (document.text or "").strip(),
        document.title,
        document.date,
        document.sitename,
        document.url,
    )


_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]{0,64}+)")
# Elements whose content is never text: skipped with their content up to the closing tag.
_RAW = frozenset(["script", "style", "noscript", "template", "iframe", "textarea", "xmp", "title"])
# Boilerplate containers: their text is dropped (they nest, so a depth is kept).
_SKIP = frozenset(["nav", "footer", "header", "aside", "form", "svg", "math", "select", "button"])
_BLOCK = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"}
    | {"article", "section", "blockquote", "pre", "dd", "dt"}
)
# Case-insensitive end tags of the raw elements (html.lower() could change the text's length).
_RAW_END = {name: re.compile(f"</{name}", re.IGNORECASE) for name in _RAW}


def _scan_text(html: str) -> tuple[str, str | None]:
    """Visible text and <title> of a page by a linear scan (no tree, no recursion, no DTD).

    Every step moves forward to a position found with ``str.find``, so the work is linear in
    the page length whatever the markup: unclosed tags, comments or quotes end the scan instead
    of being searched for again from every "<".
    """
    from html import unescape

    n = len(html)
    parts: list[str] = []
    title: str | None = None
    skip_depth = 0
    i = 0
    while i < n:
        lt = html.find("<", i)
        if lt < 0:
            lt = n
        if skip_depth == 0 and lt > i:
            parts.append(html[i:lt])
        if lt >= n:
            break
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            i = n if end < 0 else end + 3
            continue
        tag = _TAG_NAME.match(html, lt)
        if tag is None:
            if html.startswith(("<!", "<?"), lt):  # doctype, CDATA, processing instruction
                end = html.find(">", lt)
                i = n if end < 0 else end + 1
            else:  # a stray "<" in text
                if skip_depth == 0:
                    parts.append("<")
                i = lt + 1
            continue
        end = html.find(">", tag.end())
        if end < 0:
            break
        i = end + 1
        name = tag.group(1).lower()
        closing = html[lt + 1] == "/"
        if name in _RAW and not closing:
            found = _RAW_END[name].search(html, i)
            close = found.start() if found else -1
            if name == "title" and title is None:
                title = " ".join(unescape(html[i : n if close < 0 else close]).split()) or None
            if close < 0:
                break
            end = html.find(">", close)
            i = n if end < 0 else end + 1
        elif name in _SKIP and html[end - 1] != "/":
            skip_depth = max(0, skip_depth - 1) if closing else skip_depth + 1
        elif name in _BLOCK and skip_depth == 0:
            parts.append("\n")
    lines = (" ".join(unescape(line).split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line), title
