"""Casualty figures: numbers in digits and words, qualifiers, vague quantities, who died.

ACLED's rules (research/anchors.md §1.6): the lowest credible figure ("over 30" → 30,
"dozens" → 12, "several" → 3, "une trentaine" → 30); injuries, "casualties", captives and the
missing are not deaths. Word lists are ``data/<lang>/quantities.yaml``.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from strife.resources import language_yaml

_WORD = re.compile(r"\d[\d,.\u202f\u00a0]*\d|\d+|[^\W\d_]+(?:-[^\W\d_]+)*['’]?", re.UNICODE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Toll:
    """A death figure in the text. ``low`` is ACLED's conservative reading."""

    start: int
    end: int
    text: str
    low: int
    high: int | None
    victims: str | None
    weak: bool  # "several", "many": used only when no other figure is given
    stated: bool = False  # the text states the figure retained: "fatalities coded as 0"
    hedged: bool = False  # told as a guess ("is believed to be 115"): only without a firmer one
    listed: bool = False  # listed with the figure before: "50 mercenaries and 10 soldiers"


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    gap: str  # the text between the previous token and this one


class _Phrases:
    """Word sequences indexed by their first word, longest first, for fast lookups."""

    def __init__(self, words: list[str]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted((tuple(w.lower().split()) for w in words), key=len, reverse=True):
            self.by_first.setdefault(phrase[0], []).append(phrase)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (p for phrases in self.by_first.values() for p in phrases)


class TollFinder:
    """Finds death figures in sentences of one language."""

    def __init__(self, language: str) -> None:
        data = language_yaml(language, "quantities")
        self.numbers: dict[str, int] = {k.lower(): int(v) for k, v in data["numbers"].items()}
        self.multipliers: dict[str, int] = data["multipliers"]
        self.vague = {tuple(k.lower().split()): v for k, v in data["vague"].items()}
        self._vague_by_first: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}
        for phrase, rule in sorted(self.vague.items(), key=lambda kv: -len(kv[0])):
            self._vague_by_first.setdefault(phrase[0], []).append((phrase, rule))
        self.qualifiers = {
            tuple(k.lower().replace("'", "' ").split()): v for k, v in data["qualifiers"].items()
        }
        self.death_after = _Phrases(data["death_words"])
        self.units = frozenset(data["units"])
        self.things = frozenset(data.get("things", ()))
        self.not_death = _Phrases(data["not_death_words"])
        self.not_death_after = frozenset(data.get("not_death_after", []))
        self.count_nouns = _Phrases(data.get("count_nouns", []))
        self._toll_cue = re.compile(
            r"(?:" + "|".join(data.get("toll_cues", [])) + r")\s*$", re.IGNORECASE
        )
        self._hedge = re.compile(
            r"\b(?:" + "|".join(data.get("hedges", [])) + r")\b", re.IGNORECASE
        )
        self.death_before = _Phrases(data["death_before"])
        self.victim_words = {group: _Phrases(words) for group, words in data["victims"].items()}
        self._one_death = re.compile(
            r"\b(?:" + "|".join(data["singular_death"]) + r")\b", re.IGNORECASE
        )
        self._nobody = re.compile(
            r"(?<!\w)(?:" + "|".join(data.get("nobody", [])) + r")", re.IGNORECASE
        )
        self._cause_before = re.compile(
            r"\b(?:" + ("|".join(data.get("cause_before", [])) or r"(?!)") + r")\b[^,.;]{0,30}$",
            re.IGNORECASE,
        )
        self.range_words = frozenset(data["range_words"])
        self.between = frozenset(data["between"])
        self.one_words = frozenset(data["one_words"])
        self.and_words = frozenset(data["and_words"])
        self.clause_breaks = frozenset(data["clause_breaks"])
        self.gerund_joins = frozenset(data.get("gerund_joins", ()))
        self.auxiliaries = frozenset(data["auxiliaries"])
        self.weak_words = {phrase for phrase, rule in self.vague.items() if rule.get("weak")}
        self._stated = [re.compile(p, re.IGNORECASE) for p in data.get("stated_total", [])]
        self.breakdown_words = frozenset(w for w in data["breakdown"] if " " not in w)
        # a breakdown ends where a new group is joined on: "40 people, including 6 soldiers
        # and 34 militiamen, and 50 attackers"
        joined = r",\s*(?:" + "|".join(data["and_words"]) + r")\b"
        self._breakdown = re.compile(
            r"(?:\b(?:" + "|".join(data["breakdown"]) + rf")\b(?:(?!{joined})[^.;:])*)$",
            re.IGNORECASE,
        )

    def find(self, text: str, offset: int, *, skip: list[tuple[int, int]] = ()) -> list[Toll]:  # type: ignore[assignment]
        """Death figures in ``text`` (a sentence at ``offset``); ``skip`` = spans of dates."""
        toks: list[_Tok] = []
        previous_end = 0
        dated = False
        for m in _WORD.finditer(text):
            if any(a <= offset + m.start() < b for a, b in skip):
                dated = True  # dates are not figures, and not words between a verb and one
                continue
            lowered = m.group().lower().replace("’", "'")
            gap = text[previous_end : m.start()]
            if dated:
                # "ont tué, lundi 21 octobre, cinq civils": a date told in between
                stripped = gap
                for a, b in skip:
                    if previous_end <= a - offset and b - offset <= m.start():
                        stripped = stripped.replace(text[a - offset : b - offset], " ")
                gap = " " if re.fullmatch(r"[\s,]*", stripped) else stripped
                dated = False
            toks.append(_Tok(m.start(), m.end(), m.group(), lowered, gap))
            previous_end = m.end()
        tolls: list[Toll] = []
        parts: dict[int, list[tuple[int, str | None]]] = {}  # a toll's breakdown: figure, who
        i = last_end = told_end = 0  # told_end: after the last figure told, breakdowns too
        while i < len(toks):
            if any(a <= offset + toks[i].start < b for a, b in skip):
                i += 1
                continue
            parsed = self._number_at(toks, i)
            if parsed is None:
                i += 1
                continue
            j, low, high, weak = parsed
            # qualifier before the number ("over", "plus de", "au moins")
            q_start = i
            for phrase, rule in self.qualifiers.items():
                n = len(phrase)
                if i - n >= 0 and tuple(t.low for t in toks[i - n : i]) == phrase:
                    q_start = i - n
                    if rule.get("high") is None and not weak:
                        high = None
                    break
            # a range "between 100 and several hundred", "20 to 30"
            if j < len(toks) and toks[j].low in self.range_words:
                nxt = self._number_at(toks, j + 1)
                if nxt is not None and (
                    (i > 0 and toks[i - 1].low in self.between) or nxt[1] > low
                ):
                    j, high = nxt[0], max(nxt[2] or nxt[1], nxt[1])
            if i > 0 and toks[i - 1].low in self.between:
                q_start = i - 1
            if q_start > 0 and self._breakdown.search(
                text[max(0, toks[q_start].start - 40) : toks[q_start].start]
            ):
                # "13 people, including 10 gendarmes": a breakdown, not a new toll
                if tolls:
                    after = _outside_brackets(toks, j, 3)  # "une dizaine de gendarmes"
                    who = self._victims_at(after, 0) or self._victims_at(after, 1)
                    parts.setdefault(len(tolls) - 1, []).append((low, who))
                i = told_end = j
                continue
            death, victims = self._death_context(toks, q_start, j)
            before = text[max(0, toks[q_start].start - 160) : toks[q_start].start]
            if death is None and self._toll_cue.search(before):
                death = True  # "put the number of dead at 15", "le bilan s'élève à 23"
            if death is None:
                # "the deaths of 50 mercenaries and 10 soldiers": a figure joined to the last one
                between = [t.low for t in toks[last_end:q_start]] if tolls else []
                death = (
                    len(between) <= 4
                    and bool(self.and_words & set(between))
                    and not any(_starts(between, k, self.not_death) for k in range(len(between)))
                )
            if death:
                listed = bool(tolls) and not weak and not tolls[-1].weak
                listed = listed and self._listed(toks[told_end:q_start], toks[q_start])
                last_end = told_end = j
                tolls.append(
                    Toll(
                        offset + toks[q_start].start,
                        offset + toks[j - 1].end,
                        text[toks[q_start].start : toks[j - 1].end],
                        low,
                        high,
                        victims,
                        weak,
                        hedged=self._hedged(before, offset + toks[q_start].start, skip),
                        listed=listed,
                    )
                )
            i = j
        for k, breakdown in parts.items():
            tolls[k] = _named_by_breakdown(tolls[k], breakdown)
        if not tolls:
            tolls.extend(self._singular(text, offset))
        tolls.extend(self._stated_totals(text, offset))
        return tolls

    def _listed(self, between: list[_Tok], figure: _Tok) -> bool:
        """Whether a figure is listed with the one before ("50 mercenaries and 10 soldiers",
        "40 people, including …, and 50 attackers"): an "and" right before it, within a
        clause."""
        return (
            0 < len(between) <= 10
            and between[-1].low in self.and_words
            and not any(c in t.gap for t in [*between[1:], figure] for c in ".;:")
            and not any(t.low in self.clause_breaks for t in between[:-1])
        )

    def names_count(self, text: str) -> bool:
        """Whether ``text`` starts with a count of the dead ("death toll", "bilan")."""
        return _starts([w.group().lower() for w in _WORD.finditer(text[:40])], 0, self.count_nouns)

    def _hedged(self, before: str, at: int, skip: list[tuple[int, int]]) -> bool:
        """Whether the clause before a figure tells it as a guess ("is believed to be")."""
        start = at - len(before)
        for a, b in skip:  # "May 24" is a date, not "may"
            if a < at and b > start:
                lo, hi = max(a, start) - start, min(b, at) - start
                before = before[:lo] + " " * (hi - lo) + before[hi:]
        clause = re.split(r"[,;:.()«»“”\"]", before)[-1]
        return self._hedge.search(clause) is not None

    def _stated_totals(self, text: str, offset: int) -> list[Toll]:
        """The figure a text says it retains ("Fatalities coded as 0 (VoJ reported 2)"): it
        settles the count whatever other figures the text gives."""
        out = []
        for pattern in self._stated:
            for m in pattern.finditer(text):
                value = int(m.group("n"))
                out.append(
                    Toll(
                        offset + m.start(),
                        offset + m.end(),
                        m.group(),
                        value,
                        value,
                        None,
                        False,
                        True,
                    )
                )
        return out

    def _singular(self, text: str, offset: int) -> list[Toll]:
        """One death told without a number: "a trader was shot dead", "l'imam a été assassiné"."""
        m = self._one_death.search(text)
        if m is None:
            return []
        clause = re.split(r"[,;:]", text[max(0, m.start() - 30) : m.start()])[-1]
        if self._nobody.search(clause + m.group()):
            return []  # "No one was killed", "personne n'a été tué"
        if self._cause_before.search(clause):
            return []  # "protested after the body of a boy was found": the protest's cause
        # who died: "killing one militant", "un soldat tué"
        words = [w.group().lower() for w in _WORD.finditer(m.group() + " " + text[m.end() :])]
        victims = next(
            (v for k in range(min(len(words), 6)) if (v := self._victims_at(words, k))), None
        )
        return [Toll(offset + m.start(), offset + m.end(), m.group(), 1, 1, victims, False)]

    def _number_at(self, toks: list[_Tok], i: int) -> tuple[int, int, int | None, bool] | None:
        """(end index, low, high, weak) of a number expression starting at token i."""
        for phrase, rule in self._vague_by_first.get(toks[i].low, ()):
            n = len(phrase)
            if tuple(t.low for t in toks[i : i + n]) == phrase:
                weak = phrase in self.weak_words
                # "several hundred", "plus d'une centaine": a vague word before a multiplier
                return i + n, int(rule["low"]), rule.get("high"), weak
        tok = toks[i]
        if tok.low[0].isdigit() and i > 0 and tok.gap == "":
            return None  # glued to a word: "G5 Sahel", "M23"
        if tok.low[0].isdigit():
            digits = re.sub(r"[,.\u202f\u00a0 ]", "", tok.low)
            if not digits.isdigit() or _YEAR.match(digits):
                return None
            value = int(digits)
            j = i + 1
            if j < len(toks) and toks[j].low in self.multipliers:
                value *= self.multipliers[toks[j].low]
                j += 1
            return j, value, value, False
        value_opt = self._word_number(toks, i)
        if value_opt is None:
            return None
        j, value = value_opt
        return j, value, value, False

    def _word_number(self, toks: list[_Tok], i: int) -> tuple[int, int] | None:
        total, j = 0, i
        current: int | None = None
        while j < len(toks):
            word = toks[j].low
            parts = word.split("-")
            if word in self.numbers:
                value = self.numbers[word]
            elif len(parts) > 1 and all(p in self.numbers for p in parts):
                value = sum(self.numbers[p] for p in parts)
            elif word in self.multipliers and current is not None:
                current *= self.multipliers[word]
                j += 1
                continue
            elif (
                word in self.and_words
                and current is not None
                and j + 1 < len(toks)
                and toks[j + 1].low in self.numbers
            ):
                j += 1
                continue
            else:
                break
            current = (current or 0) + value
            j += 1
        if current is None:
            return None
        total += current
        return j, total

    def _death_context(
        self, toks: list[_Tok], start: int, end: int
    ) -> tuple[bool | None, str | None]:
        """Whether the figure counts deaths (None: the text does not say), and who died."""
        victims = None
        small = end - start == 1 and toks[start].low in self.one_words
        window = _outside_brackets(toks, end, 10)
        if any(w in self.breakdown_words for w in window[:2]):
            # "quarante personnes, dont 6 soldats et 34 VDP, sont morts": the death word comes
            # after the breakdown
            window = _outside_brackets(toks, end, 20)
        if small and not (
            window
            and (
                self._victims_at(window, 0)
                or _passive_death(window, self)
                or _starts(window, 0, self.death_after)  # "one dead", "un mort"
            )
        ):
            return False, None
        if small and len(window) > 1 and window[1] in self.things:
            return False, None  # "an army base", "un poste militaire": a thing, not a person
        if small:
            window = window[:8]  # "a/one …" counts a death only when the death word is close
        if window and window[0] in self.units:
            return False, None
        aside = False
        people = False  # "seven people, police said": the figure's noun leaves who died unsaid
        for k in range(len(window)):
            if _starts(window, k, self.count_nouns) and not aside:
                return False, None  # "two sources put the death toll at 30": the toll is later
            if (
                k
                and (window[k][0].isdigit() or window[k] in self.numbers)
                and victims is None
                and not aside
                and window[k - 1] not in self.breakdown_words
            ):
                break  # another figure starts: "two security sources, over 30 soldiers killed"
            if (window[k] in self.clause_breaks or window[k] in self.gerund_joins) and _starts(
                window, k + 1, self.not_death
            ):
                break  # "killing ten and wounding several others": the wounded are another clause
            if window[k] in self.breakdown_words:
                aside = True  # "six personnes dont un gendarme": the figure's people stay mixed
            if victims is None and not aside and not people:
                victims = self._victims_at(window, k)
                people = victims is None and window[k] in _PEOPLE
            if _starts(window, k, self.not_death) and not any(
                w in self.not_death_after for w in window[max(0, k - 2) : k]
            ):
                return False, victims
            if _starts(window, k, self.death_after):
                return True, victims
            if window[k] in self.clause_breaks and victims is not None and not aside:
                # ("35 civils dont des femmes et des enfants ont été tués": the breakdown's
                # "et" joins its own words)
                coordinated = k + 1 < len(window) and (
                    window[k + 1][0].isdigit() or window[k + 1] in self.numbers
                )
                if not coordinated:  # "one assailant and one officer killed" reads on
                    break
        before = [t.low for t in toks[max(0, start - 4) : start]]
        # "killing five militiamen": a death verb right before the figure
        joined = start > 0 and not re.search(r"[,;:.()]", toks[start].gap)
        if joined and before and any(before[-len(p) :] == list(p) for p in self.death_before):
            return True, victims
        # "the toll rose to 25.": further back, the figure must name people or end the clause
        # (not "tués, selon deux sources")
        if not (victims is not None or end == len(toks) or (window and self._is_person(window[0]))):
            return None, victims
        for k in range(len(before)):
            for phrase in self.death_before:
                if (
                    tuple(before[k : k + len(phrase)]) == phrase
                    and len(before) - (k + len(phrase)) <= 2
                ):
                    return True, victims
        return None, victims

    def _is_person(self, word: str) -> bool:
        return any(_starts([word], 0, phrases) for phrases in self.victim_words.values())

    def _victims_at(self, words: list[str], k: int) -> str | None:
        for group, phrases in self.victim_words.items():
            if _starts(words, k, phrases):
                return None if group == "civilians" and words[k] in _PEOPLE else group
        return None


# words for people of any kind: a toll of "30 people" mixes soldiers, attackers and civilians
_PEOPLE = frozenset({"people", "persons", "personnes", "men", "hommes"})


def _named_by_breakdown(toll: Toll, breakdown: list[tuple[int, str | None]]) -> Toll:
    """A total whose breakdown names one group for most of it is that group's: "quarante
    personnes, dont 6 soldats et 34 VDP" are soldiers (and add to "50 terroristes")."""
    groups = {who for _, who in breakdown}
    (who,) = groups if len(groups) == 1 else (None,)
    if who is None or toll.victims is not None or 2 * sum(n for n, _ in breakdown) < toll.low:
        return toll
    return dataclasses.replace(toll, victims=who)


def _outside_brackets(toks: list[_Tok], start: int, size: int) -> list[str]:
    """Up to ``size`` words from ``start`` in the same clause, skipping asides in brackets:
    "Deux membres de la garde nationale (une composante de l'armée) ont été tués"."""
    words: list[str] = []
    depth = 0
    for t in toks[start:]:
        if depth <= 0 and ";" in t.gap:
            break  # "15; the militants said 21": another statement
        depth += t.gap.count("(") - t.gap.count(")")
        if depth <= 0:
            depth = 0
            words.append(t.low)
            if len(words) == size:
                break
    return words


def _passive_death(window: list[str], finder: TollFinder) -> bool:
    """ "An ICRC official was killed": one person, named by a few words, then a passive death."""
    for k in range(1, min(len(window), 5)):
        if window[k] in finder.auxiliaries:
            rest = window[k + 1 : k + 4]
            return any(_starts(rest, i, finder.death_after) for i in range(len(rest)))
    return False


def _starts(words: list[str], k: int, phrases: _Phrases) -> bool:
    if k >= len(words):
        return False
    return any(tuple(words[k : k + len(p)]) == p for p in phrases.by_first.get(words[k], ()))


@cache
def toll_finder(language: str) -> TollFinder:
    """The (cached) finder for a language."""
    return TollFinder(language)


class Figure(NamedTuple):
    """One claimed death toll, already reduced to this event's share of a shared toll."""

    kind: str
    victims: str | None
    low: int
    high: int
    #: the article the figure was read in, when figures of several articles are pooled
    source: str = ""


def share(total: int, parts: int, first: bool) -> int:
    """An event's share of a toll told for ``parts`` events; the first takes the remainder."""
    return total // parts + (total % parts if first else 0)


def event_toll(figures: Iterable[Figure]) -> tuple[int | None, int | None, int | None]:
    """low / best / high of an event from the figures its sources claim (DESIGN.md §3, §5).

    A kind of source's figures for different victims add up ("50 mercenaries and 10 soldiers");
    repeated figures of one kind in one article (headline and body) count once, at their
    highest. Across kinds of source, and across articles, figures for the same victims give
    their lowest (ACLED's conservative figure) and figures for different victims add up ("JNIM
    says 60 soldiers", "residents say 12 civilians"). ``best`` is the median of the
    non-perpetrator totals (a figure repeated by several outlets counted once), else the
    perpetrator's.
    """
    # per kind of source (in each article), per group of victims: the highest figure given
    by_kind: dict[tuple[str, str], dict[str | None, tuple[int, int]]] = {}
    for f in figures:
        groups = by_kind.setdefault((f.kind, f.source), {})
        low0, high0 = groups.get(f.victims, (0, 0))
        groups[f.victims] = (max(low0, f.low), max(high0, f.high))
    if not by_kind:
        return None, None, None
    totals = []
    for kind, groups in by_kind.items():
        # an unattributed figure ("30 people") is a total of its own
        named = [v for k, v in groups.items() if k is not None]
        low, high = sum(v[0] for v in named), sum(v[1] for v in named)
        if None in groups:
            low, high = max(low, groups[None][0]), max(high, groups[None][1])
        totals.append((kind, low, high))
    lows = [t[1] for t in totals]
    # the same figure from the same kind of source in several outlets is one witness, not more
    independent = [
        low for kind, low in sorted({(t[0][0], t[1]) for t in totals}) if kind != "perpetrator"
    ]
    best = int(statistics.median(independent)) if independent else max(lows)
    by_group: dict[str | None, int] = {}
    for groups in by_kind.values():
        for victims, (low, _high) in groups.items():
            by_group[victims] = min(by_group.get(victims, low), low)
    named_sum = sum(v for k, v in by_group.items() if k is not None)
    low = max(named_sum, by_group.get(None, 0))
    if len(by_kind) == 1:
        low = min(lows)
    return low, max(best, low), max(max(t[2] for t in totals), low)
