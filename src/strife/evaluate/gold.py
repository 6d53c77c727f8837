"""Read gold codings: hand-coded JSONL articles and ACLED exports with ``notes``.

Two kinds of gold feed ``strife evaluate`` (DESIGN.md §7, ``eval/dev/README.md``):

* **Gold articles** (``.jsonl``, one article a line, or ``.json`` holding one article or a list):
  the text with its hand-coded events, claims and evidence.
* **ACLED notes** (``.csv`` in ACLED's export columns): ACLED does not publish the articles behind
  an event, but each row's ``notes`` is the coder's short summary of them. Each distinct note is
  read as one article published on its event date, and the rows carrying that note are its gold
  events. That gives thousands of small, independently coded test cases for free.

Both are turned into the same :class:`GoldArticle` / :class:`GoldEvent` dataclasses, so matching
and scoring never need to know where the gold came from.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from strife.errors import InputError
from strife.models import Article

logger = logging.getLogger(__name__)

#: File types read from a directory given as gold, in the order they are listed.
GOLD_SUFFIXES = (".jsonl", ".json", ".csv")

# ACLED dates state actors with the regime's years, sometimes followed by a unit:
# "Military Forces of Mali (2013-2020)", "Police Forces of Mali (2013-2020) Gendarmerie",
# "Military Forces of France (2017-)". Strife's canonical names have neither (DESIGN.md §3).
_YEAR_SUFFIX = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)(?:\s.*)?$")
_WS = re.compile(r"\s+")

# ACLED's export date formats over the years: ISO (current API), "01 January 2017" (older CSV
# downloads), "01-01-2017" / "01/01/2017" (old codebook).
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d")

# Short function words that tell French from English in a one-paragraph ACLED note.
# fmt: off
_FR_WORDS = frozenset({
    "le", "la", "les", "des", "du", "un", "une", "et", "est", "sont", "à", "au", "aux",
    "dans", "par", "pour", "sur", "avec", "ont", "été", "qui", "selon", "lors", "près",
    "entre"
})
_EN_WORDS = frozenset({
    "the", "of", "and", "in", "on", "at", "by", "for", "with", "was", "were", "from",
    "that", "which", "near", "between", "during"
})
# fmt: on
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def strip_actor_suffix(name: str) -> str:
    """An ACLED actor name without its regime years and any unit after them.

    >>> strip_actor_suffix("Police Forces of Mali (2013-2020) Gendarmerie")
    'Police Forces of Mali'
    """
    return _WS.sub(" ", _YEAR_SUFFIX.sub("", name)).strip()


def fold(text: str | None) -> str:
    """Case-, accent- and whitespace-insensitive form used for every name comparison.

    Gold and predictions spell places and actors from different sources ("Ségou"/"Segou",
    "Tombouctou "/"tombouctou"); such differences are not coding errors.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WS.sub(" ", stripped.casefold()).strip()


def actor_key(name: str | None) -> str:
    """The comparable form of an actor name: no year suffix, folded."""
    return fold(strip_actor_suffix(name)) if name else ""


def looks_french(text: str) -> bool:
    """Whether a short text reads as French rather than English (ACLED notes carry no language)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    fr = sum(w in _FR_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    return fr > en


@dataclass(frozen=True)
class GoldClaim:
    """A coded statement about an event: who said it, what kind of source, the figure killed."""

    claimant: str
    kind: str
    says: str = ""
    killed: int | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One coded event in ACLED's field names, plus Strife's fatalities_high, claims, disputed.

    ``disputed`` and ``time_precision`` may be ``None`` where the source does not code them (ACLED
    has no ``disputed`` column); such fields are left out of the accuracy they would feed.
    """

    event_type: str
    sub_event_type: str
    actor1: str
    country: str
    event_date: date | None = None
    time_precision: int | None = None
    actor2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_high: int | None = None
    claims: tuple[GoldClaim, ...] = ()
    disputed: bool | None = None
    date_text: str | None = None
    evidence: str | None = None
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings), for the mismatches file."""
        data = asdict(self)
        data["event_date"] = self.event_date.isoformat() if self.event_date else None
        data["claims"] = [asdict(c) for c in self.claims]
        return data


@dataclass(frozen=True)
class GoldArticle:
    """An article with its gold events; ``source`` is the file it came from, ``line`` its line."""

    id: str
    text: str
    events: tuple[GoldEvent, ...] = ()
    published: date | None = None
    published_partial: str | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    source: str = ""
    line: int | None = None

    def to_article(self) -> Article:
        """The :class:`~strife.models.Article` the pipeline is given: the text and metadata only."""
        return Article(
            id=self.id,
            text=self.text,
            url=self.url,
            title=self.title,
            published=self.published,
            language=self.language,
        )


@dataclass(frozen=True)
class GoldSet:
    """The articles of one gold file, scored together under ``name`` (the file stem)."""

    name: str
    path: str
    articles: tuple[GoldArticle, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- public entry points


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read gold articles from a JSONL, JSON or ACLED CSV file, or every such file in a directory.

    path (str | Path): the gold file or directory.
    RETURNS (list[GoldArticle]): the articles in file order.
    Raises :class:`~strife.errors.InputError` naming the file (and line) when it cannot be read.
    """
    return [article for gold_set in load_gold_sets([path]) for article in gold_set.articles]


def load_gold_sets(paths: Iterable[str | Path]) -> list[GoldSet]:
    """Read each gold file as its own set; a directory contributes one set per gold file inside.

    Sets are named by file stem ("news_dev"); when two files share a stem the parent folder is
    prefixed so the scorecard columns stay distinct.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and _suffix(p) in GOLD_SUFFIXES)
            if not found:
                raise InputError(
                    f"{path}: no gold files (*.jsonl, *.json, *.csv) in this directory"
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")

    sets: list[GoldSet] = []
    used: set[str] = set()
    for path in files:
        name = path.stem
        if name in used:
            name = f"{path.parent.name}/{path.stem}"
        used.add(name)
        sets.append(GoldSet(name=name, path=str(path), articles=tuple(_read_file(path))))
    return sets


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def _read_file(path: Path) -> list[GoldArticle]:
    suffix = _suffix(path)
    if suffix == ".jsonl":
        return list(_read_jsonl(path))
    if suffix == ".json":
        return _read_json(path)
    if suffix == ".csv":
        return _read_acled_csv(path)
    raise InputError(f"{path}: not a gold file (expected .jsonl, .json or .csv)")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


# --------------------------------------------------------------------------- JSON / JSONL


def _read_jsonl(path: Path) -> Iterator[GoldArticle]:
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: invalid JSON ({exc.msg}, column {exc.colno})") from exc
        yield _article_from_json(obj, where=where, source=str(path), line=number)


def _read_json(path: Path) -> list[GoldArticle]:
    try:
        obj = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg})") from exc
    items = obj if isinstance(obj, list) else [obj]
    return [
        _article_from_json(item, where=f"{path} (article {i + 1})", source=str(path), line=None)
        for i, item in enumerate(items)
    ]


def _article_from_json(obj: Any, *, where: str, source: str, line: int | None) -> GoldArticle:
    if not isinstance(obj, Mapping):
        raise InputError(f"{where}: expected a JSON object for a gold article")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: a gold article needs a non-empty 'text'")
    events_raw = obj.get("events", [])
    if not isinstance(events_raw, list):
        raise InputError(f"{where}: 'events' must be a list")
    events = tuple(
        _event_from_json(e, where=f"{where} event {i + 1}") for i, e in enumerate(events_raw)
    )
    article_id = _opt_str(obj.get("id"))
    return GoldArticle(
        id=article_id or Article(text=text).id,
        text=text,
        events=events,
        published=_parse_date(obj.get("published"), where=f"{where} 'published'"),
        published_partial=_opt_str(obj.get("published_partial")),
        language=_opt_str(obj.get("language")),
        title=_opt_str(obj.get("title")),
        url=_opt_str(obj.get("url")),
        source=source,
        line=line,
    )


def _event_from_json(obj: Any, *, where: str) -> GoldEvent:
    if not isinstance(obj, Mapping):
        raise InputError(f"{where}: expected a JSON object for a gold event")
    for key in ("event_type", "sub_event_type", "actor1", "country"):
        if not _opt_str(obj.get(key)):
            raise InputError(f"{where}: missing '{key}'")
    claims_raw = obj.get("claims") or []
    if not isinstance(claims_raw, list):
        raise InputError(f"{where}: 'claims' must be a list")
    claims = tuple(
        _claim_from_json(c, where=f"{where} claim {i + 1}") for i, c in enumerate(claims_raw)
    )
    disputed = obj.get("disputed")
    return GoldEvent(
        event_type=str(obj["event_type"]),
        sub_event_type=str(obj["sub_event_type"]),
        actor1=strip_actor_suffix(str(obj["actor1"])),
        actor2=_actor(obj.get("actor2")),
        country=str(obj["country"]),
        event_date=_parse_date(obj.get("event_date"), where=f"{where} 'event_date'"),
        time_precision=_int(obj.get("time_precision"), where=f"{where} 'time_precision'"),
        admin1=_opt_str(obj.get("admin1")),
        admin2=_opt_str(obj.get("admin2")),
        location=_opt_str(obj.get("location")),
        latitude=_float(obj.get("latitude"), where=f"{where} 'latitude'"),
        longitude=_float(obj.get("longitude"), where=f"{where} 'longitude'"),
        geo_precision=_int(obj.get("geo_precision"), where=f"{where} 'geo_precision'"),
        fatalities=_int(obj.get("fatalities"), where=f"{where} 'fatalities'"),
        fatalities_high=_int(obj.get("fatalities_high"), where=f"{where} 'fatalities_high'"),
        claims=claims,
        disputed=None if disputed is None else bool(disputed),
        date_text=_opt_str(obj.get("date_text")),
        evidence=_opt_str(obj.get("evidence")),
        event_id=_opt_str(obj.get("event_id") or obj.get("event_id_cnty")),
    )


def _claim_from_json(obj: Any, *, where: str) -> GoldClaim:
    if not isinstance(obj, Mapping):
        raise InputError(f"{where}: expected a JSON object for a claim")
    return GoldClaim(
        claimant=str(obj.get("claimant") or ""),
        kind=str(obj.get("kind") or "unknown"),
        says=str(obj.get("says") or ""),
        killed=_int(obj.get("killed"), where=f"{where} 'killed'"),
    )


# --------------------------------------------------------------------------- ACLED CSV


def _read_acled_csv(path: Path) -> list[GoldArticle]:
    """Each distinct note becomes one article; its rows, in file order, are the gold events.

    The article is dated with the latest event date among its rows: ACLED notes are written on
    the event date, and for the rare note covering several days the latest keeps every date the
    note mentions in the past, as it is for a real article.
    """
    text = _read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = set(reader.fieldnames or ())
    if "notes" not in columns:
        raise InputError(
            f"{path}: no 'notes' column; an ACLED CSV gold file needs the coders' notes "
            "(export with all columns)"
        )
    for required in ("event_date", "event_type", "sub_event_type", "actor1", "country"):
        if required not in columns:
            raise InputError(f"{path}: no '{required}' column (not an ACLED export?)")

    by_note: dict[str, list[tuple[int, GoldEvent]]] = {}
    first_id: dict[str, str] = {}
    for row in reader:
        line = reader.line_num
        note = _WS.sub(" ", (row.get("notes") or "")).strip()
        if not note:
            logger.debug("%s:%d: row without notes skipped", path, line)
            continue
        event = _event_from_acled_row(row, where=f"{path}:{line}")
        by_note.setdefault(note, []).append((line, event))
        if note not in first_id:
            first_id[note] = _opt_str(row.get("event_id_cnty")) or f"{path.stem}-{line}"

    articles: list[GoldArticle] = []
    for note, rows in by_note.items():
        dates = [e.event_date for _, e in rows if e.event_date is not None]
        articles.append(
            GoldArticle(
                id=first_id[note],
                text=note,
                events=tuple(e for _, e in rows),
                published=max(dates) if dates else None,
                language="fr" if looks_french(note) else "en",
                source=str(path),
                line=rows[0][0],
            )
        )
    return articles


def _event_from_acled_row(row: Mapping[str, str | None], *, where: str) -> GoldEvent:
    def cell(key: str) -> str | None:
        return _opt_str(row.get(key))

    return GoldEvent(
        event_type=cell("event_type") or "",
        sub_event_type=cell("sub_event_type") or "",
        actor1=strip_actor_suffix(cell("actor1") or ""),
        actor2=_actor(cell("actor2")),
        country=cell("country") or "",
        event_date=_parse_date(cell("event_date"), where=f"{where} 'event_date'"),
        time_precision=_int(cell("time_precision"), where=f"{where} 'time_precision'"),
        admin1=cell("admin1"),
        admin2=cell("admin2"),
        location=cell("location"),
        latitude=_float(cell("latitude"), where=f"{where} 'latitude'"),
        longitude=_float(cell("longitude"), where=f"{where} 'longitude'"),
        geo_precision=_int(cell("geo_precision"), where=f"{where} 'geo_precision'"),
        # ACLED codes "no information" as 0.
        fatalities=_int(cell("fatalities"), where=f"{where} 'fatalities'") or 0,
        fatalities_high=None,
        claims=(),
        disputed=None,
        event_id=cell("event_id_cnty"),
    )


# --------------------------------------------------------------------------- value parsing


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _actor(value: Any) -> str | None:
    name = _opt_str(value)
    return strip_actor_suffix(name) if name else None


def _parse_date(value: Any, *, where: str) -> date | None:
    text = _opt_str(value)
    if text is None:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError(f"{where}: not a date: {text!r} (expected YYYY-MM-DD)")


def _int(value: Any, *, where: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}: expected a number, got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: expected a number, got {value!r}") from exc
    if not number.is_integer():
        raise InputError(f"{where}: expected a whole number, got {value!r}")
    return int(number)


def _float(value: Any, *, where: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}: expected a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: expected a number, got {value!r}") from exc
