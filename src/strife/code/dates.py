"""Find date expressions and resolve them against the article's published date.

Rules (DESIGN.md §3 Dates, ACLED time precision in research/anchors.md §1.8):
a weekday is the last such day on or before the published date ("last Friday" strictly before);
"on May 24" is the last May 24 on or before it; "mid-May" is the 15th with precision 2; "early"
and "late" a month are its first and last day with precision 3; a night "from Saturday to Sunday"
is coded to its first day. Without a published date relative expressions stay unresolved
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
        self.month_parts: dict[str, dict[str, object]] = data["month_parts"]
        wd, mo = _alt(self.weekdays), _alt(self.months)
        last = _alt(data["last"])
        night = _alt(data["night"])
        part = _alt(self.month_parts)
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
        year = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
        if language == "fr":
            # "le 24 mai 2025", "24 et 26 mai", "(le) dimanche 1er juin"
            absolute = rf"(?:(?P<wdabs>{wd})\s+)?{day}(?:\s*(?:et|-|au)\s*(?P<day2>[0-3]?\d)(?:er)?)?\s+(?P<month>{mo})\.?{year}"
            weekday = rf"(?P<weekday>{wd})(?:\s+(?P<last>{last}))?"
            night_rx = rf"(?:{night})\s+(?P<n1>{wd})\s+(?:au|à)\s+(?P<n2>{wd})"
        else:
            # "May 24", "May 24 and 26", "24 May 2025", "Sunday, June 1"
            absolute = (
                rf"(?:(?P<wdabs>{wd}),?\s+)?(?:(?P<month>{mo})\.?\s+{day}(?:\s*(?:and|-|to)\s*(?P<day2>[0-3]?\d)\b)?"
                rf"|{day.replace('day>', 'dayb>')}\s+(?P<monthb>{mo})){year}"
            )
            weekday = rf"(?:(?P<last>{last})\s+)?(?P<weekday>{wd})"
            night_rx = rf"(?:{night})\s+(?:of\s+)?(?P<n1>{wd})\s+(?:to|into|and)\s+(?P<n2>{wd})"
        month_only = rf"(?:(?P<part>{part})\s*(?:-\s*)?(?:de\s+|d')?)?(?P<monthonly>{mo})(?:\s+(?P<yearonly>(?:19|20)\d\d))?"
        relative = (
            rf"(?P<relctx>{_alt(self.relative_to_context)})"
            rf"|(?P<relday>{_alt(self.relative_days)})|(?P<relweek>{_alt(self.relative_weeks)})"
        )
        self._pattern = re.compile(
            rf"(?<!\w)(?:(?P<night>{night_rx})|(?P<abs>{absolute})|(?P<rel>{relative})"
            rf"|(?P<wd>{weekday})|(?P<mon>{month_only}))(?!\w)",
            re.IGNORECASE,
        )

    def find(
        self, text: str, offset: int, published: date | None, *, year: int | None = None
    ) -> list[DateMention]:
        """Date mentions in ``text`` (a sentence starting at ``offset`` in the article).

        An expression naming two days ("on May 24 and May 26", "March 10-11") yields two
        mentions, so that ACLED's one-event-per-day rule can apply.
        """
        found: list[DateMention] = []
        for m in self._pattern.finditer(text):
            start, end = offset + m.start(), offset + m.end()
            surface = m.group()
            if m.group("night"):
                first = self.weekdays[m.group("n1").lower()]
                found.append(self._weekday(start, end, surface, first, False, published))
            elif m.group("abs"):
                found.extend(self._absolute(m, start, end, surface, published, year))
            elif m.group("rel"):
                found.append(self._relative(m, start, end, surface, published))
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
        if m.group("day2"):
            days.append(int(m.group("day2")))
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
