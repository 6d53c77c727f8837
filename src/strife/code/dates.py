"""Find date expressions and resolve them against the article's published date.

Rules (DESIGN.md §3 Dates, ACLED time precision in research/anchors.md §1.8):
a weekday is the last such day on or before the published date ("last Friday" strictly before);
"on May 24" is the last May 24 on or before it; "mid-May" is the 15th with precision 2; "early"
and "late" a month are its first and last day with precision 3; a night "from Saturday to Sunday"
is coded to its first day. Days told together are one mention each ("May 24 and 26", "March
10-11", "du 10 au 12 mars": ACLED's one event per day) for a span of up to three days; a longer
span ("between 27 March and 1 April") is one mention at its middle, with a week's precision up to
seven days and a month's beyond. Without a published date relative expressions stay unresolved
(``value is None``, ``unresolved`` set); a year is never guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from strife.resources import language_yaml


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence, with offsets into the article text."""

    start: int
    end: int
    text: str
    value: date | None
    precision: int
    unresolved: bool = False
    after_previous: int | None = None  # "the previous day": days from the last date told
    days: int | None = None  # how many days a span told by its ends covers

    @property
    def width(self) -> int:
        """How many days the date may stand for: the span told, else a day, week or month."""
        return self.days or _WIDTH[self.precision]


_WIDTH = {1: 1, 2: 7, 3: 31}
_SATURDAY = 5
# A range this long or shorter is one event per day (ACLED: a three-day battle is three events).
_DAYS_EACH = 3
# A longer span is no date ACLED would code (anchors §1.8: nothing vaguer than a month).
_LONGEST = 62


def _alt(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class DateFinder:
    """Date expressions of one language (en, fr), from ``data/<lang>/dates.yaml``."""

    def __init__(self, language: str) -> None:
        data = language_yaml(language, "dates")
        self.language = language
        self.weekdays: dict[str, int] = data["weekdays"]
        self.months: dict[str, int] = data["months"]
        self.relative_days: dict[str, int] = data["relative_days"]
        self.relative_to_context: dict[str, int] = data["relative_to_context"]
        self.relative_weeks: dict[str, int] = data["relative_weeks"]
        self.weekend = frozenset(w.lower() for w in data.get("weekend", []))
        self.month_parts: dict[str, dict[str, object]] = data["month_parts"]
        wd, mo = _alt(self.weekdays), _alt(self.months)
        last = _alt(data["last"])
        night = _alt(data["night"])
        part = _alt(self.month_parts)
        spans = data["spans"]
        self._list_words = {w.lower() for w in spans["list"]}
        self._between_words = {w.lower() for w in spans["between"]}
        lead = _alt(spans["from"] + spans["between"])
        joint = _alt(spans["to"] + spans["list"])
        article = _alt(spans["article"]) if spans["article"] else None

        def day(n: str) -> str:
            return rf"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th|er)?"

        def year(n: str) -> str:
            return rf"(?:,?\s+(?P<{n}>(?:19|20)\d\d))?"

        def full(n: str) -> str:
            """A day of a month in either order ("24 May", "May 24")."""
            day_month = rf"{day('sd' + n)}\s+(?P<sm{n}>{mo})\.?"
            if language == "fr":
                return rf"(?:{day_month}){year('sy' + n)}"
            month_day = rf"(?P<sn{n}>{mo})\.?\s+{day('se' + n)}"
            return rf"(?:{day_month}|{month_day}){year('sy' + n)}"

        the = rf"(?:(?:{article})\s+)?" if article else ""
        # "between 27 March and 1 April", "du 10 au 12 mars", "March 10-11", "les 10 et 11 mars":
        # two days of one expression, a range or a list
        lead_rx = rf"(?:(?P<lead>{lead})\s+{the})?"

        def glue(n: str) -> str:
            return rf"\s*(?P<{n}>{joint}|[-–—])\s*{the}"

        # a second day alone ("March 10-11") only where the month comes first
        # and, after "and"/"to", not before a word that is no preposition ("on March 10 and 11
        # soldiers were…" counts people)
        after = rf"\s*(?:$|[^\w\s]|(?:19|20)\d\d|(?:{_alt(spans['after_day'])})\b)"
        dashed = r"(?:(?<=[-–—])|(?<=[-–—]\s))"
        raw = r"[0-3]?\d(?:st|nd|rd|th)?"
        alone = rf"|(?:{dashed}|(?={raw}{after})){day('sd3')}" if language == "en" else ""
        span = rf"{lead_rx}(?:{full('1')}{glue('j1')}(?:{full('2')}{alone})|{day('sd4')}{glue('j4')}{full('5')})"
        # "between June and July 2017", "de juin à août": two months, the middle of them
        months_span = (
            rf"(?:{lead})\s+(?P<ma>{mo})\.?\s+(?:{joint})\s+(?P<mb>{mo})\.?"
            rf"(?:,?\s+(?P<my>(?:19|20)\d\d))?"
        )
        if language == "fr":
            # "le 24 mai 2025", "(le) dimanche 1er juin"
            absolute = rf"(?:(?P<wdabs>{wd})\s+)?{day('day')}\s+(?P<month>{mo})\.?{year('year')}"
            weekday = rf"(?P<weekday>{wd})(?:\s+(?P<last>{last}))?"
            night_rx = rf"(?:{night})\s+(?P<n1>{wd})\s+(?:au|à)\s+(?P<n2>{wd})"
        else:
            # "May 24", "24 May 2025", "Sunday, June 1"
            absolute = (
                rf"(?:(?P<wdabs>{wd}),?\s+)?(?:(?P<month>{mo})\.?\s+{day('day')}"
                rf"|{day('dayb')}\s+(?P<monthb>{mo})){year('year')}"
            )
            weekday = rf"(?:(?P<last>{last})\s+)?(?P<weekday>{wd})"
            night_rx = rf"(?:{night})\s+(?:of\s+)?(?P<n1>{wd})\s+(?:to|into|and)\s+(?P<n2>{wd})"
        month_only = rf"(?:(?P<part>{part})\s*(?:-\s*)?(?:de\s+|d')?)?(?P<monthonly>{mo})(?:\s+(?P<yearonly>(?:19|20)\d\d))?"
        relative = (
            rf"(?P<relctx>{_alt(self.relative_to_context)})"
            rf"|(?P<relday>{_alt(self.relative_days)})|(?P<relweek>{_alt(self.relative_weeks)})"
        )
        # "jeudi et vendredi", "on Saturday and Sunday": two days told together, one event each
        listed = _alt(spans["list"])
        weekdays = rf"(?P<wa>{wd})\s+(?:{listed})\s+(?P<wb>{wd})"
        self._between_before = re.compile(rf"\b(?:{_alt(spans['between'])})\s+$", re.IGNORECASE)
        self._night_before = re.compile(rf"(?:{night})\s+$", re.IGNORECASE)
        self._pattern = re.compile(
            rf"(?<!\w)(?:(?P<night>{night_rx})|(?P<span>{span})|(?P<months>{months_span})|(?P<abs>{absolute})|(?P<rel>{relative})|(?P<wdlist>{weekdays})"
            rf"|(?P<wd>{weekday})|(?P<mon>{month_only}))(?!\w)",
            re.IGNORECASE,
        )

    def find(
        self, text: str, offset: int, published: date | None, *, year: int | None = None
    ) -> list[DateMention]:
        """Date mentions in ``text`` (a sentence starting at ``offset`` in the article).

        An expression naming several days ("on May 24 and May 26", "March 10-11") yields a
        mention per day, all with its offsets, so that ACLED's one-event-per-day rule can apply.
        """
        found: list[DateMention] = []
        for m in self._pattern.finditer(text):
            start, end = offset + m.start(), offset + m.end()
            surface = m.group()
            if m.group("night"):
                first = self.weekdays[m.group("n1").lower()]
                found.append(self._weekday(start, end, surface, first, False, published))
            elif m.group("span"):
                found.extend(self._span(m, text, offset, published, year))
            elif m.group("months"):
                found.append(self._months(m, start, end, surface, published, year))
            elif m.group("abs"):
                found.extend(self._absolute(m, start, end, surface, published, year))
            elif m.group("rel"):
                found.append(self._relative(m, start, end, surface, published))
            elif m.group("wdlist") and not self._between_before.search(text[: m.start()]):
                for name in (m.group("wa"), m.group("wb")):
                    wd = self.weekdays[name.lower()]
                    found.append(self._weekday(start, end, surface, wd, False, published))
            elif m.group("wdlist"):
                wd = self.weekdays[m.group("wa").lower()]  # "between Saturday and Sunday"
                found.append(self._weekday(start, end, surface, wd, False, published))
            elif m.group("wd"):
                last = bool(m.group("last"))
                wd = self.weekdays[m.group("weekday").lower()]
                found.append(self._weekday(start, end, surface, wd, last, published))
            elif m.group("mon"):
                mention = self._month(m, start, end, surface, published, year)
                if mention is not None:
                    found.append(mention)
        return found

    def _weekday(
        self, start: int, end: int, surface: str, wd: int, last: bool, published: date | None
    ) -> DateMention:
        if published is None:
            return DateMention(start, end, surface, None, 1, unresolved=True)
        back = (published.weekday() - wd) % 7
        if last and back == 0:
            back = 7
        return DateMention(start, end, surface, published - timedelta(days=back), 1)

    def _absolute(
        self,
        m: re.Match[str],
        start: int,
        end: int,
        surface: str,
        published: date | None,
        year: int | None,
    ) -> list[DateMention]:
        month_word = (m.group("month") or m.group("monthb") or "").lower().rstrip(".")
        month = self.months.get(month_word)
        day_text = m.group("day") or (m.groupdict().get("dayb"))
        if month is None or day_text is None:
            return []
        days = [int(day_text)]
        year_text = m.group("year") or (str(year) if year and published is None else None)
        weekday_text = m.groupdict().get("wdabs")
        if year_text and not m.group("year") and weekday_text:
            # "mercredi 17 août" in an undated article naming 2021 and 2022: the year in which
            # the 17th of August is a Wednesday
            wanted = self.weekdays[weekday_text.lower()]
            for shift in (0, 1, -1, 2, -2):
                try:
                    if date(int(year_text) + shift, month, days[0]).weekday() == wanted:
                        year_text = str(int(year_text) + shift)
                        break
                except ValueError:
                    break
        out = []
        for day in days:
            value = _make_date(year_text, month, day, published)
            out.append(DateMention(start, end, surface, value, 1, unresolved=value is None))
        return out

    def _span(
        self,
        m: re.Match[str],
        text: str,
        offset: int,
        published: date | None,
        year: int | None,
    ) -> list[DateMention]:
        """Two days told as one expression: a list ("May 24 and 26") gives each day; a range
        gives each day when it is at most ``_DAYS_EACH`` days long ("March 10-11"), else one
        mention at its midpoint with a week's precision, or a month's beyond a week (ACLED
        codes the middle of a span it cannot narrow down)."""
        start, end, surface = offset + m.start(), offset + m.end(), m.group()
        g = m.groupdict()
        if g["sd4"]:
            first_day, first_month, first_year = g["sd4"], None, None
            last_day, last_month, last_year = (
                g["sd5"] or g.get("se5"),
                g["sm5"] or g.get("sn5"),
                g["sy5"],
            )
            first_at = m.start("sd4")
        else:
            first_day, first_month, first_year = (
                g["sd1"] or g["se1"],
                g["sm1"] or g["sn1"],
                g["sy1"],
            )
            first_at = min(m.start(k) for k in ("sd1", "sn1") if g.get(k))
            last_day = g["sd2"] or g.get("se2") or g.get("sd3")
            last_month, last_year = g["sm2"] or g.get("sn2"), g["sy2"]
        months = [self.months.get((w or "").lower().rstrip(".")) for w in (first_month, last_month)]
        month_to, month_from = months[1] or months[0], months[0] or months[1]
        assert month_to is not None and month_from is not None and last_day is not None
        joint = (g["j1"] or g["j4"]).lower()
        hint = str(year) if year and published is None else None
        if last_year and not first_year:
            # "27 September – 4 October 2023"; "28 December – 2 January 2024" began in 2023
            first_year = str(int(last_year) - (month_from > month_to))
        first = _make_date(first_year or hint, month_from, int(first_day), published)
        if first is not None and not last_year:
            # the year of the first day (publication may fall inside the range)
            last_year = str(first.year + (month_from > month_to))
        last = _make_date(last_year or hint, month_to, int(last_day), published)
        if self._night_before.search(text[:first_at]):
            # "la nuit du 10 au 11 mars": a night is coded to its first day
            return [DateMention(start, end, surface, first, 1, unresolved=first is None)]
        lead = (g["lead"] or "").lower()
        if joint in self._list_words and lead not in self._between_words:
            return [
                DateMention(start, end, surface, d, 1, unresolved=d is None) for d in (first, last)
            ]
        if first is not None and last is not None:
            length = (last - first).days + 1
        else:
            # unresolved: the length still decides how many days there are, in any (leap) year
            a = _make_date("2000", month_from, int(first_day), None)
            b = _make_date("2000", month_to, int(last_day), None)
            length = 1 + (b - a).days % 366 if a and b else 0
        if not 1 <= length <= _LONGEST:
            # "on March 27 - 4 soldiers…": no range, a date and a number
            cut = max(m.end(k) for k in ("sd1", "sm1", "sn1", "se1", "sy1", "sd4") if g.get(k))
            return [
                DateMention(start, offset + cut, text[m.start() : cut], first, 1, first is None)
            ]
        if first is None:
            if length <= _DAYS_EACH:
                return [DateMention(start, end, surface, None, 1, True)] * length
            precision = 2 if length <= 7 else 3
            return [DateMention(start, end, surface, None, precision, True, days=length)]
        if length <= _DAYS_EACH:
            return [
                DateMention(start, end, surface, first + timedelta(days=k), 1)
                for k in range(length)
            ]
        middle = first + timedelta(days=(length - 1) // 2)
        return [DateMention(start, end, surface, middle, 2 if length <= 7 else 3, days=length)]

    def _months(
        self,
        m: re.Match[str],
        start: int,
        end: int,
        surface: str,
        published: date | None,
        year: int | None,
    ) -> DateMention:
        """ "between June and July 2017": the middle of the two months, a month's precision."""
        a, b = (self.months[m.group(k).lower().rstrip(".")] for k in ("ma", "mb"))
        told = m.group("my")
        hint = str(year) if year and published is None else None
        if told:
            hint = str(int(told) - (a > b))  # "between December and January 2024"
        first = _make_date(hint, a, 1, published)
        if first is None:
            return DateMention(start, end, surface, None, 3, unresolved=True)
        last_year = first.year + (a > b)
        last = date(last_year, b, calendar.monthrange(last_year, b)[1])
        middle = first + timedelta(days=(last - first).days // 2)
        return DateMention(start, end, surface, middle, 3)

    def _relative(
        self, m: re.Match[str], start: int, end: int, surface: str, published: date | None
    ) -> DateMention:
        key = surface.lower()
        if m.group("relctx"):
            shift = self.relative_to_context[key]
            value = None if published is None else published + timedelta(days=shift)
            return DateMention(start, end, surface, value, 1, value is None, after_previous=shift)
        if m.group("relday"):
            shift, precision = self.relative_days[key], 1
        else:
            shift, precision = self.relative_weeks[key], 2
        if published is None:
            return DateMention(start, end, surface, None, precision, unresolved=True)
        if key in self.weekend:
            # "le week-end dernier" in a Thursday paper: the Saturday just gone (a weekend
            # paper's weekend is its own)
            saturday = published - timedelta(days=(published.weekday() - _SATURDAY) % 7)
            return DateMention(start, end, surface, saturday, 2)
        if precision == 2 and shift <= -7:
            # ACLED: "last week" is coded to the middle of that week (Wednesday/Thursday).
            monday = published - timedelta(days=published.weekday() + 7)
            return DateMention(start, end, surface, monday + timedelta(days=2), 2)
        return DateMention(start, end, surface, published + timedelta(days=shift), precision)

    def _month(
        self,
        m: re.Match[str],
        start: int,
        end: int,
        surface: str,
        published: date | None,
        year: int | None,
    ) -> DateMention | None:
        month = self.months.get(m.group("monthonly").lower())
        if month is None:
            return None
        # "may" and "mars"/"mai" are also common words; only a capitalised month, a month with a
        # part ("mid-May") or a year ("May 2025") counts on its own.
        part_key = (m.group("part") or "").lower()
        if not part_key and not m.group("yearonly") and not m.group("monthonly")[0].isupper():
            return None
        if (
            self.language == "en"
            and m.group("monthonly").lower() == "may"
            and not (part_key or m.group("yearonly"))
        ):
            return None
        part = self.month_parts.get(part_key) or self.month_parts.get(part_key.rstrip("- ")) or {}
        precision = int(part.get("precision", 3))  # type: ignore[call-overload]
        year_text = m.group("yearonly") or (str(year) if year and published is None else None)
        anchor = _make_date(year_text, month, 1, published)
        if anchor is None:
            return DateMention(start, end, surface, None, precision, unresolved=True)
        day_spec = part.get("day", 15)
        last_day = calendar.monthrange(anchor.year, month)[1]
        day = last_day if day_spec == "last" else int(day_spec)  # type: ignore[call-overload]
        return DateMention(start, end, surface, anchor.replace(day=day), precision)


def _make_date(year_text: str | None, month: int, day: int, published: date | None) -> date | None:
    """The date, with the year from the text or else the last such day not after publication."""
    try:
        if year_text:
            return date(int(year_text), month, day)
        if published is None:
            return None
        candidate = date(published.year, month, day)
        # Allow a few days' slack for time zones and datelines; beyond that it is last year.
        if candidate > published + timedelta(days=3):
            candidate = date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None


@cache
def date_finder(language: str) -> DateFinder:
    """The (cached) finder for a language."""
    return DateFinder(language)
