"""Code an article into reports: sentences → mentions → event frames → ACLED fields.

How an article becomes events (DESIGN.md §2–3):

1. Only sentences with a trigger are analysed; negated, hypothetical and background statements
   do not start events.
2. Sentences are read in order into *frames*. A sentence joins the open frame unless it names a
   different place (more than ``SAME_PLACE_KM`` away), a different day or another country; then
   it opens a new frame. A sentence naming several places with several days ("in the Tahoua and
   Dosso regions on May 24 and May 26") opens one frame per place (actor pair × place × day).
3. Each frame becomes a :class:`~strife.models.Report`: actors from the dictionary or generic
   nouns, type from the tactics and who was hit, place and date from the most precise mention,
   fatalities from the claims (every figure keeps its claimant).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from strife.code.actor_lexicon import actor_by_name
from strife.code.actors import ActorMention, actor_finder
from strife.code.claims import Claimant, claim_finder, inside_quote
from strife.code.dates import DateMention, date_finder
from strife.code.fatalities import Figure, Toll, event_toll, share, toll_finder
from strife.code.places import (
    CountryMention,
    PlaceFinder,
    PlaceMention,
    dateline_end,
    names_the_city,
)
from strife.code.types import Decision, auxiliary, classify
from strife.find.triggers import Trigger, trigger_finder
from strife.geo.data import Country, load_countries
from strife.geo.distance import distance_km
from strife.geo.names import compact, normalise
from strife.models import Article, Claim, ClaimantKind, Report, Span
from strife.parse.sentences import Sentence, split_sentences
from strife.resources import compile_alternation, language_yaml

if TYPE_CHECKING:
    from strife.geo.gazetteer import Gazetteer, Place

SAME_PLACE_KM = 30.0
_UNARMED_INTER = (6, 7)  # protesters and civilians: named in a report, they hurt no one
# An article of this many trigger sentences (and their neighbours) opens with a lede that can set
# the scene; a short note's first sentence that tells no event does not.
_LEDE_MIN_SENTENCES = 5
_ABROAD_KM = 300.0  # a village abroad is kept only this close to the article's other places
_OTHER_REGION_KM = 200.0  # a village this far from the region the sentence names is not in it
# a namesake outside the province a note names after a place, this far from its seat and from
# the district towns named with it, is not the place (see _outside)
_CONTEXT_SEAT_KM = 100.0
_CONTEXT_TOWN_KM = 50.0
_CONTEXT_BORDER_KM = 25.0  # ... nor this close to one of that province's settlements
_LOCATING_GAP = 100  # characters from a locality's name to the place after it that locates it
# a distance of 100 km or more told between two places: the one is not "near" the other
_FAR = re.compile(r"\b\d{3,}\s*(?:km|kilom|miles)", re.IGNORECASE)


@dataclass(slots=True)
class SentenceInfo:
    """What one trigger sentence says."""

    sentence: Sentence
    triggers: list[Trigger]
    dates: list[DateMention]
    tolls: list[Toll]
    actors: list[ActorMention]
    claimants: list[Claimant]
    places: list[PlaceMention]
    countries: list[CountryMention]
    responsibility: bool
    denial: bool
    eventive: bool  # a real, past event is told here (not negated, hypothetical or background)
    anaphoric: bool = False  # "the attack took place in…": more about the event just told
    standalone: bool = False  # would be eventive were it not anaphoric (an article's first words)
    refers_back: bool = False  # its first trigger refers back: "That attack … claimed nine lives"
    leads_back: bool = False  # its first trigger refers back: "In that assault, … killed"
    # "…, after the one that targeted a UN contingent on 2 July, killing six": the clause telling
    # an earlier event, analysed on its own; ``earlier`` marks that clause
    other: SentenceInfo | None = None
    earlier: bool = False
    nonviolent: bool = False  # deaths from nature, accident or disease: "floods killed 16"
    unarmed_outcome: bool = False  # only an outcome, no armed actor: "300 homes destroyed"


@dataclass(slots=True)
class Frame:
    """One event being assembled from the sentences that tell it."""

    infos: list[SentenceInfo] = field(default_factory=list)
    place: PlaceMention | None = None
    date: DateMention | None = None
    country: str | None = None
    split: int = 1
    tolls: list[tuple[Toll, SentenceInfo]] = field(default_factory=list)
    split_index: int = 0
    told: DateMention | None = None  # when the news came out, if the text gives no event day


class ArticleCoder:
    """Codes articles of one language. Heavy resources are passed in, not loaded here."""

    def __init__(self, language: str, gazetteer: Gazetteer, stopwords: Sequence[str] = ()) -> None:
        self.language = language
        self.gazetteer = gazetteer
        _countries_by_name()  # read the country table now, not while coding the first article
        self.triggers = trigger_finder(language)
        self.dates = date_finder(language)
        self.tolls = toll_finder(language)
        self.actors = actor_finder(language)
        self.claims = claim_finder(language)
        self.places = PlaceFinder(gazetteer, stopwords)
        discourse = language_yaml(language, "discourse")
        self._split_cues = compile_alternation(discourse["split_cues"], name="split_cues")
        self._anaphora = re.compile(
            r"\b(?:" + "|".join(discourse["anaphora"]) + r")\s*$", re.IGNORECASE
        )
        self._group_pronouns = compile_alternation(
            discourse["group_pronouns"], name="group_pronouns"
        )
        self._report_date = re.compile(
            r"\b(?:"
            + "|".join(discourse["report_verbs"])
            # "said in a statement on Tuesday", "a indiqué dans un communiqué le 3 mai"
            + r")(?:\s+(?:in|dans|via)\s+(?:a|an|its|their|un|une|son|leur)\s+\w+)?"
            + r"(?:\s+\w+){0,2}?\s+(?:on\s+|le\s+|ce\s+)?$",
            re.IGNORECASE,
        )
        self._attribution = compile_alternation(discourse["attribution"], name="attribution")
        self._earlier_event = compile_alternation(discourse["earlier_event"], name="earlier_event")
        self._event_verbs = compile_alternation(discourse["event_verbs"], name="event_verbs")
        after = discourse["event_after_date"]
        self._event_after_date = (
            re.compile(r"^\s*(?:" + "|".join(after) + r")\b", re.IGNORECASE) if after else None
        )
        self._event_before_date = re.compile(
            r"\b(?:" + "|".join(discourse["event_before_date"]) + r")\s*$", re.IGNORECASE
        )
        targets = language_yaml(language, "targets")
        self._military_target = compile_alternation(targets["military"], name="military targets")
        self._civilian_target = compile_alternation(targets["civilian"], name="civilian targets")
        self._crowd = compile_alternation(targets["crowd"], name="crowd doers")
        self._passive = compile_alternation(discourse["passive"], name="passive")
        self._policing = frozenset(w.casefold() for w in targets["policing"])

    # -- stage 1: sentences ------------------------------------------------------------------
    def candidate_sentences(self, text: str) -> list[Sentence]:
        """Sentences holding a trigger and their neighbours in the same paragraph, which often
        say where or when ("His body was found in Nairobi.", "On Sunday a video circulated…"):
        the only ones worth analysing."""
        if not self.triggers.has_trigger(text):
            return []  # most news: one cheap test and done
        sentences = split_sentences(text)
        hits = [self.triggers.has_trigger(s.text) for s in sentences]
        keep = []
        for k, s in enumerate(sentences):
            follows = k > 0 and hits[k - 1] and sentences[k - 1].paragraph == s.paragraph
            precedes = (
                k + 1 < len(sentences) and hits[k + 1] and sentences[k + 1].paragraph == s.paragraph
            )
            if hits[k] or follows or precedes:
                keep.append(s)
            elif keep and keep[-1] is sentences[k - 1] and self.claims.claimants(s.text, s.start):
                # a source speaking right after the event is told, even of nothing: "The
                # military command has not yet provided any details."
                keep.append(s)
        return keep

    def analyse(
        self,
        sentence: Sentence,
        published: date | None,
        extra_names: list[tuple[int, int]] = (),  # type: ignore[assignment]
        *,
        year: int | None = None,
    ) -> SentenceInfo:
        """Mentions of one sentence: triggers, dates, tolls, actors, claimants, places.

        A clause telling an earlier event ("This attack is the deadliest in a month, after the
        one that targeted a UN contingent on 2 July, killing six") is analysed on its own and
        kept as the sentence's ``other``, so that its day, place and toll stay its own.

        year (int | None): the year dates without one belong to when the article has no
            published date but names a year (:func:`year_in_text`).
        """
        cue = self._earlier_event.search(sentence.text)
        if cue is not None and self.triggers.has_trigger(sentence.text[cue.end() :]):
            cut = sentence.start + cue.start()
            tail = self._analyse(
                Sentence(cut, sentence.end, sentence.text[cue.start() :], sentence.paragraph),
                published,
                [n for n in extra_names if n[0] >= cut],
                year,
            )
            tail.earlier = True
            comma = sentence.text.find(",", cue.end())
            if not sentence.text[: cue.start()].strip() and comma > 0:
                # "A week after the massacre in Solenzo, soldiers killed 18 militants near
                # Dédougou": the clause up to the comma tells the earlier event
                cut = sentence.start + comma + 1
                earlier = self._analyse(
                    Sentence(sentence.start, cut, sentence.text[: comma + 1], sentence.paragraph),
                    published,
                    [n for n in extra_names if n[1] <= cut],
                    year,
                )
                earlier.earlier = True
                main = self._analyse(
                    Sentence(cut, sentence.end, sentence.text[comma + 1 :], sentence.paragraph),
                    published,
                    [n for n in extra_names if n[0] >= cut],
                    year,
                )
                main.other = earlier
                return main
            if not sentence.text[: cue.start()].strip():
                return tail
            head = self._analyse(
                Sentence(sentence.start, cut, sentence.text[: cue.start()], sentence.paragraph),
                published,
                [n for n in extra_names if n[1] <= cut],
                year,
            )
            head.other = tail
            return head
        return self._analyse(sentence, published, list(extra_names), year)

    def _analyse(
        self,
        sentence: Sentence,
        published: date | None,
        extra_names: list[tuple[int, int]],
        year: int | None,
    ) -> SentenceInfo:
        text, off = sentence.text, sentence.start
        dates = self.dates.find(text, off, published, year=year)
        date_spans = [(d.start, d.end) for d in dates]
        # Modal words and triggers are looked for with dates blanked out: "May 24" is not
        # "may", "2 March" is not a march.
        plain = text
        for a, b in date_spans:
            plain = plain[: a - off] + " " * (b - a) + plain[b - off :]
        triggers = self.triggers.find(plain, off)
        tolls = self.tolls.find(text, off, skip=date_spans)
        actors = self.actors.find(text, off)
        outcome = bool(triggers) and all(self.triggers.is_outcome(t) for t in triggers)
        nonviolent = outcome and self.triggers.names_nonviolent_cause(plain)
        if nonviolent:
            triggers = []  # "floods that have killed 16 people": no political violence
        unarmed = outcome and not any(a.inter not in _UNARMED_INTER for a in actors)
        claimants = self.claims.claimants(text, off)
        taken = date_spans + [(a.start, a.end) for a in actors if a.role == "named"]
        places, countries = self.places.find(text, off, exclude=taken, extra_names=extra_names)
        negated = self.triggers.is_negated(plain)
        first = min((t.start for t in triggers), default=off) - off
        hypothetical = self.triggers.is_hypothetical(plain[max(0, first - 60) : first + 40])

        def refers_back(t: Trigger) -> bool:
            return bool(
                self._anaphora.search(plain[max(0, t.start - off - 12) : t.start - off])
                or _NAMED_EVENT.search(plain[max(0, t.start - off - 40) : t.start - off])
            )

        def past(t: Trigger) -> bool:
            """ "the 2015 Paris terror attacks": an event of an earlier year, named."""
            m = _YEAR_BEFORE.search(plain[max(0, t.start - off - 40) : t.start - off])
            return bool(m and published is not None and int(m.group(1)) < published.year)

        dated_now = any(d.precision == 1 and d.value for d in dates)
        background = (
            (self.triggers.is_background(text) and not dated_now)
            or self.triggers.is_ongoing(plain)
            or _older_year(plain, published, dates)
            or (bool(triggers) and all(past(t) for t in triggers))
        )
        # "arrested four months after the massacre": the massacre told before is no new event
        minor = {"intervention", "arrest"}
        if any(t.tactic == "arrest" for t in triggers):
            substantive = any(
                t.tactic not in minor and not (refers_back(t) or past(t)) for t in triggers
            )
        else:
            substantive = any(t.tactic not in minor for t in triggers)

        # "The assault took place in X, an area where jihadists have escalated attacks": more
        # about the event told, unless another kind of violence is told too ("This ambush
        # coincides with … fighting near Tinzaouaten")
        lead = min(triggers, key=lambda t: t.start) if triggers else None
        back = (
            lead is not None
            and refers_back(lead)
            and all(t.tactic == lead.tactic or refers_back(t) for t in triggers)
        )
        # "the death toll rose to 31", "le bilan s'élève à 23": a figure for the event told
        update = bool(tolls and triggers) and all(
            self.tolls.names_count(plain[t.start - off :]) for t in triggers
        )
        anaphoric = (back and not tolls) or update
        standalone = (
            bool(triggers)
            and substantive
            and not (negated and not tolls)
            and not hypothetical
            and not background
        )
        eventive = standalone and not anaphoric
        return SentenceInfo(
            sentence,
            triggers,
            dates,
            tolls,
            actors,
            claimants,
            places,
            countries,
            self.claims.claims_responsibility(text),
            self.claims.denies(text),
            eventive,
            anaphoric,
            standalone,
            back,
            lead is not None and refers_back(lead),
            nonviolent=nonviolent,
            unarmed_outcome=unarmed,
        )

    # -- stage 2: frames ---------------------------------------------------------------------
    def code(
        self,
        article: Article,
        infos: list[SentenceInfo],
        *,
        published: date | None,
    ) -> list[Report]:
        """Reports for an article from its analysed trigger sentences (in text order)."""
        infos = [part for info in infos for part in (info, info.other) if part is not None]
        _anchor_relative_days(infos, self._told)
        self._attribute(article.text, infos)
        opening = next((i for i in infos if i.triggers or i.nonviolent), None)
        if opening is not None and opening.nonviolent:
            # a report on floods or an epidemic: its other deaths and damage are theirs too,
            # unless an armed actor is named
            for info in infos:
                if info.unarmed_outcome:
                    info.triggers, info.eventive, info.standalone = [], False, False
        if infos and self.triggers.is_sport(article.text):  # only where violence words are
            # "Nigeria's attack overwhelmed Mali": play, unless other violence is told
            for info in infos:
                info.triggers = [t for t in info.triggers if not self.triggers.has_sport_sense(t)]
                if not info.triggers:
                    info.eventive = info.standalone = info.anaphoric = False
        article_countries = self._article_countries(infos)
        resolved: list[tuple[float, float]] = []
        regions: list[str] = []  # admin1 regions the article has named so far
        named: list[PlaceMention] = []  # the places the article has named for events so far
        frames: list[Frame] = []
        current: Frame | None = None
        told_before = False  # an earlier sentence told of violence
        lead: list[PlaceMention] = []  # places of the opening sentences before any event
        aside: Frame | None = None  # an earlier attack elsewhere, told in passing
        days: list[Frame] = []  # the one-day events of a span told at one place ("March 10-11")
        for info in infos:
            self._resolve_places(info, article_countries, resolved, regions)
            _place_localities(info, named)
            if current is None and info.anaphoric and info.standalone and not told_before:
                # "The explosion of a vehicle on an IED…" opening a report: nothing to refer to
                info.eventive, info.anaphoric = True, False
            told_before = told_before or bool(info.triggers)
            if not info.eventive:
                if current is None and not frames and len(infos) >= _LEDE_MIN_SENTENCES:
                    # the lede sets the scene: "In Barsalogho, civilians had no time to finish
                    # the trench…" places the attack told next
                    lead.extend(
                        p
                        for p in info.places
                        if p.place is not None and p.relation in ("in", "near", "region")
                    )
                if current is not None and info.triggers:
                    # "This attack comes weeks after the group stormed a base in Damboa": an
                    # earlier attack elsewhere, which "In that assault, …" then tells about
                    aside = next(
                        (
                            m
                            for m in self._mentions(info)
                            if m.place is not None and not self._compatible(current, m)
                        ),
                        None,
                    )
                if current is not None:
                    stated = [t for t in info.tolls if t.stated or info.anaphoric]
                    for target in days or [current]:
                        if stated:
                            target.tolls.extend((t, info) for t in stated)
                        if (
                            info.denial
                            or info.responsibility
                            or info.claimants
                            or stated
                            or _intervention(info)
                            # "Police blamed Boko Haram for that attack": who did it
                            or (info.refers_back and self._attribution.search(info.sentence.text))
                        ):
                            target.infos.append(info)
                        if not info.triggers or info.anaphoric:
                            self._fill(target, info)
                    told_days = [] if info.triggers else self._dated_event(info)
                    if current.date is None and not days and told_days:
                        # "The March 10-11 incident in and around Solenzo…": the days of the
                        # event just told, one event each
                        days = _by_day(current, told_days)
                        if days:
                            frames[frames.index(current) :] = days
                            current = days[-1]
                continue
            if aside is not None and info.leads_back:
                mentions = self._mentions(info)
                if all(m.place is None and m.split == 1 for m in mentions):
                    for mention in mentions:
                        self._merge(aside, mention)
                    frames.append(aside)
                    current, aside, days = aside, None, []
                    continue
            aside = None
            mentions = self._mentions(info)
            if info.earlier:
                # an earlier event told in passing is never the one being told
                current, days = None, []
            if days and all(
                m.split == 1 and m.date is None and self._compatible(days[0], m, of_day=True)
                for m in mentions
            ):
                # "Two people were killed in the clashes": more about the days just told; a
                # toll told for them all is shared between them
                for mention in mentions:
                    for frame in days:
                        self._merge(frame, mention)
                continue
            if (
                current is not None
                and current.date is None
                and current is frames[-1]
                and len(mentions) > 1
                and all(m.date is not None and m.split == len(mentions) for m in mentions)
                and all(self._compatible(m, current, of_day=True) for m in mentions)
            ):
                # "Women abducted near X" then "abducted on Thursday and Friday near X": the
                # undated telling is of those days
                frames.pop()
                for mention in mentions:
                    mention.infos[:0] = [i for i in current.infos if i not in mention.infos]
                    mention.place = mention.place or current.place
                    mention.country = mention.country or current.country
                current = None
            for mention in mentions:
                if current is not None and (
                    self._compatible(current, mention)
                    or (info.refers_back and mention.place is None and mention.split == 1)
                ):
                    self._merge(current, mention)
                else:
                    if not frames and mention.place is None and lead:
                        mention.place = _best_place(lead)
                        mention.country = _country_of(mention.place) or mention.country
                    current = mention
                    frames.append(current)
            by_day = len(mentions) > 1 and len({id(m.place) for m in mentions}) == 1
            days = mentions if by_day and mentions[-1] is current else []
        # a claim told with one event is that event's ("The operation had then been claimed by
        # AQIM" after an earlier attack told in passing), not the article's
        told_with = {id(i) for f in frames for i in f.infos}
        last_group = self._claimed_group([i for i in infos if id(i) not in told_with])
        reports = []
        for frame in frames:
            report, last_group = self._report(
                article, frame, published, article_countries, last_group
            )
            if report is not None:
                reports.append(report)
        return reports

    def _attribute(self, text: str, infos: list[SentenceInfo]) -> None:
        """Claimants told outside the sentence they speak for: after a quote of several
        sentences ("… were killed. … withdrawn,” a military source said."), in the sentence after
        ("C'est ce qu'a annoncé l'état-major"), or as "he" for the one who spoke last."""
        last: Claimant | None = None
        named_before: list[Claimant] = []
        for k, info in enumerate(infos):
            sentence = info.sentence
            if not info.claimants and inside_quote(text, sentence.start, sentence.end):
                info.claimants = self.claims.after_quote(text, sentence.end)
            back = [c for c in info.claimants if c.refers_back]
            previous = infos[k - 1] if k else None
            if (
                back
                and previous is not None
                and not previous.claimants
                and previous.sentence.paragraph == sentence.paragraph
                and not text[previous.sentence.end : sentence.start].strip()
            ):
                previous.claimants = back
            speakers = []
            for c in info.claimants:
                earlier = _named_before(c, named_before)
                if earlier is not None:
                    # "Captain Osman Ali told Reuters … Ali added": the one named in full before
                    c = last = dataclasses.replace(earlier, start=c.start, end=c.end)
                elif c.person and last is not None:
                    c = dataclasses.replace(last, start=c.start, end=c.end, refers_back=False)
                elif not c.pronoun:
                    named_before.append(c)
                    named = [
                        a for a in info.actors if a.role == "named" and c.start <= a.start < c.end
                    ]
                    last = c
                    if named and named[0].is_armed_non_state:
                        # "Al Shabaab's spokesman": whoever repeats him speaks for the group
                        last = dataclasses.replace(
                            c, text=_short_name(named[0]), kind="perpetrator"
                        )
                speakers.append(c)
            info.claimants = speakers

    def _claimed_group(self, infos: list[SentenceInfo]) -> ActorMention | None:
        """The one armed group the article says carried out or claimed the attack ("attributed
        to Nusrat al-Islam", "JNIM claimed responsibility"), if there is exactly one."""
        found: dict[str, ActorMention] = {}
        for info in infos:
            if not (info.responsibility or self._attribution.search(info.sentence.text)):
                continue
            for a in info.actors:
                if a.role == "named" and a.inter in (2, 3, 4) and a.name:
                    found.setdefault(a.name, a)
        if len(found) != 1:
            return None
        return dataclasses.replace(next(iter(found.values())), claimed=True)

    def _article_countries(self, infos: list[SentenceInfo]) -> list[str]:
        """The article's countries, most likely first: those it names (by name, demonym or a
        one-country actor), then those where most of its place names exist (a note that says
        "in Hermosillo, Sonora" is in Mexico though it never says so)."""
        counts: dict[str, int] = {}
        for info in infos:
            for c in info.countries:
                counts[c.country] = counts.get(c.country, 0) + 2
            for a in info.actors:
                # an actor's home country (the first listed) hints where the event is; not so
                # for foreign forces and peacekeepers (Inter 8), named after where they come from
                if a.countries and a.inter != 8:
                    name = self.gazetteer.country_name(a.countries[0])
                    if name is not None:
                        counts[name] = counts.get(name, 0) + (2 if len(a.countries) == 1 else 1)
        # votes by distinct names: "Moura" told four times is one name, and places called
        # Moura in Australia or Portugal do not make the article Australian
        names: dict[str, set[str]] = {}
        for info in infos:
            for pm in info.places:
                if pm.relation == "other":
                    continue
                found = {p.country for p in self.gazetteer.candidates(pm.text, limit=15)}
                for country in found:
                    names.setdefault(country, set()).add(_key(pm.text))
        votes = {country: len(keys) for country, keys in names.items()}
        named = sorted(
            counts, key=lambda c: (-counts[c], c)
        )  # ties by name: same input, same output
        voted = sorted(
            (c for c in votes if c not in counts and votes[c] > 1), key=lambda c: (-votes[c], c)
        )
        return named + voted

    def _resolve_places(
        self,
        info: SentenceInfo,
        article_countries: list[str],
        resolved: list[tuple[float, float]],
        regions: list[str],
    ) -> None:
        local = [c.country for c in info.countries]
        context = list(dict.fromkeys(local + article_countries))
        codes = [self._code(c) for c in context]
        country_codes = [c for c in codes if c]
        local_codes = [
            c for c in (self._code(x.country) for x in info.countries if not x.nearby) if c
        ]
        # the sentence's regions first: "Kofa village … in Borno State" looks in Borno,
        # "Koutougou, province du Soum" in Soum
        own: list[str] = []
        own_at: list[tuple[float, float]] = []  # where each of ``own`` is
        later: list[tuple[float, float]] = []
        found = [
            (pm, None if pm.district else self._region(pm.text, country_codes))
            for pm in info.places
        ]
        # a province named for the event names its country too: "between Boni and Bebi (Mopti
        # Region)" is in Mali, whatever Burkinabè travellers the sentence tells of
        local_codes += [
            r.country_code
            for pm, r in found
            if r is not None
            and pm.relation not in ("other", "origin")
            and r.country_code not in local_codes
        ]
        within = self._admin_context(info, {id(pm): r for pm, r in found})
        for pm, region in sorted(found, key=lambda f: (f[1] is None, f[0].relation != "region")):
            place: Place | None = None
            tail = within.get(id(pm))
            outer = tail[0] if tail is not None else None
            if outer is not None and region is not None and region.id != outer.id:
                region = None  # "Raipura upazila (Narsingdi, Dhaka)" is no province
            if pm.relation == "region":
                place = region
            if place is None:
                hints = [outer.name] if outer is not None else own or regions
                # a district is looked for in the province named with it ("in Dawlat Abad
                # district, Faryab"), not a province in another one
                hint = hints[-1] if hints and (pm.relation != "region" or pm.district) else None
                place = self.gazetteer.resolve(
                    pm.text, countries=country_codes, near=resolved, admin1=hint
                )
            if (
                place is not None
                and tail is not None
                and place.kind not in ("admin1", "country")
                and place.admin1 != tail[0].name
                and self._outside(place, *tail, country_codes)
            ):
                # "Sherpur upazila (Bogra, Rajshahi)": not the Sherpur of another division;
                # the gazetteer lacks the one meant, and the places named after it stand for it
                place = None
            if (
                region is None
                and place is not None
                and place.kind == "capital"
                and place.admin1
                and _admin_tail(info, pm)
            ):
                # "in Spera district, Khost": the province of that seat, which the gazetteer
                # may spell otherwise (Khowst)
                region = self._region(place.admin1, country_codes)
            if (
                region is not None
                and place is not None
                and place.kind != "admin1"
                and (
                    (_key(place.name) != _key(pm.text) and _key(region.name) == _key(pm.text))
                    # "in Chimtal district, Balkh": Balkh province, whatever the spelling the
                    # gazetteer gives it ("Khost" for Khowst)
                    or _admin_tail(info, pm)
                )
            ):
                # "(Al Jawf)" names the province, not a village that has it as another name
                place = region
            if (
                place is not None
                and own
                and pm.relation != "region"
                and region is None
                and place.kind not in ("admin1", "admin2", "country")
                and place.population < 100000
                and _key(own[-1]) not in {_key(place.admin1 or ""), _key(place.admin2 or "")}
                and own_at
                and distance_km(place.latitude, place.longitude, *own_at[-1]) > _OTHER_REGION_KM
            ):
                # "Kofa village, Jere area, Borno State": a Kofa of another region is not it;
                # the gazetteer lacks the local village, and the region named stands for it
                place = None
            if (
                place is not None
                and pm.relation == "region"
                and place.kind != "admin1"
                and own
                and not {place.admin1, place.admin2} & set(own)
            ):
                # "in Baharak district, Takhar": not the Baharak of another province
                place = None
            if place is None and region is None and pm.relation != "other":
                place = self._spelled_like(pm, outer, own if pm.district else [], country_codes)
            if region is not None:
                own.append(region.name)
                own_at.append((region.latitude, region.longitude))
            elif pm.relation == "region" and place is not None and place.kind == "admin2":
                own.append(place.name)
                own_at.append((place.latitude, place.longitude))
            if (
                place is not None
                and local_codes
                and place.country_code not in local_codes
                and place.population < 100000
            ):
                # the sentence names its country: a village of that name abroad is less likely
                # than a local place the gazetteer lacks
                place = None
            if (
                place is not None
                and country_codes
                and place.country_code not in country_codes
                and place.population < 100000
                and _region_of(place.country_code) not in {_region_of(c) for c in country_codes}
                and not any(
                    distance_km(place.latitude, place.longitude, lat, lon) < _ABROAD_KM
                    for lat, lon in resolved
                )
            ):
                # a village in another part of the world, away from every other place of the
                # article: the gazetteer lacks the local one ("Molai" in Borno is not Melay in
                # France)
                place = None
            pm.place = place
            if place is not None:
                if region is None and place.kind != "admin1":
                    # a region (or its namesake town) is no guide to which village is meant
                    resolved.append((place.latitude, place.longitude))
                else:
                    later.append((place.latitude, place.longitude))
                if pm.relation == "region" or place.kind == "admin1":
                    regions.append(place.name if place.kind == "admin1" else place.admin1 or "")
        resolved.extend(later)

    @staticmethod
    def _admin_context(
        info: SentenceInfo, regions: dict[int, Place | None]
    ) -> dict[int, tuple[Place, list[PlaceMention]]]:
        """The province each place is said to lie in by the names right after it: "Kolofata
        subdivision (Mayo-Sava, Extreme-Nord)", "Nahri Saraj district, Helmand", "Badah town
        (Larkana, Sindh)"; with the names of that chain. Both keyed by id() of the mention. Not
        for a list of peers ("in Gao, Mopti and Ségou"): a place that is itself a province, or a
        chain that goes on with "and"."""
        s = info.sentence
        places = info.places
        out: dict[int, tuple[Place, list[PlaceMention]]] = {}
        for i, pm in enumerate(places):
            if regions.get(id(pm)) is not None:
                continue
            outer: Place | None = None
            chain: list[PlaceMention] = []
            for q in places[i + 1 :]:
                if not _tails(info, chain[-1] if chain else pm, q):
                    break
                chain.append(q)
                outer = regions.get(id(q)) or outer
            if outer is None or _LIST_GOES_ON.match(s.text[chain[-1].end - s.start :]):
                continue
            out[id(pm)] = (outer, chain)
        return out

    def _outside(
        self, place: Place, outer: Place, chain: list[PlaceMention], codes: list[str]
    ) -> bool:
        """Whether a place lies away from the province named after it and from the towns of that
        province named with it: the gazetteer's provinces are not always the note's (Bangladesh's
        newer divisions, Libya's districts), so a namesake close by is taken to be the place."""
        border = self.gazetteer.km_to_province(
            place.latitude, place.longitude, country=outer.country_code, admin1=outer.name
        )
        if border < _CONTEXT_BORDER_KM:
            return False  # "Buni Yadi (Gujiba LGA, Borno)": in Yobe, by the border
        refs = [(outer.latitude, outer.longitude, _CONTEXT_SEAT_KM)]
        for q in chain:
            town = self.gazetteer.resolve(q.text, countries=codes, admin1=outer.name)
            if town is not None and town.kind != "admin1" and town.admin1 == outer.name:
                refs.append((town.latitude, town.longitude, _CONTEXT_TOWN_KM))
        return all(distance_km(place.latitude, place.longitude, la, lo) > km for la, lo, km in refs)

    def _spelled_like(
        self, pm: PlaceMention, outer: Place | None, own: list[str], codes: list[str]
    ) -> Place | None:
        """A place the gazetteer spells otherwise, looked for in the province named for it
        ("Khogyani district, Nangarhar" is Kazhah, whose other names include Khowgiani)."""
        if outer is not None:
            country, province = outer.country_code, outer.name
        elif own and codes:
            country, province = codes[0], own[-1]
        else:
            return None
        found = self.gazetteer.spelled_like(pm.text, country=country, admin1=province)
        return found[0] if found else None

    def _region(self, name: str, codes: list[str]) -> Place | None:
        """The admin1 region a name may be, in the article's countries when it has any: "in
        Colonia Lomas de San Martin" in a Mexican note is no region of Peru, and so says nothing
        about which Pesquería is meant."""
        region = self.gazetteer.admin1_region(name, countries=codes)
        if region is not None and codes and region.country_code not in codes:
            return None
        return region

    def _code(self, country: str) -> str | None:
        place = self.gazetteer.country(country)
        return place.country_code if place is not None else None

    def _mentions(self, info: SentenceInfo) -> list[Frame]:
        """One frame per place named for the event (and per day, for multi-day spans)."""
        frames = self._split(info)
        told = [d for d in info.dates if d.value is not None and self._told(info, d)]
        for frame in frames:
            frame.told = told[0] if told else None
        return frames

    def _split(self, info: SentenceInfo) -> list[Frame]:
        event_places = [
            p for p in info.places if p.place is not None and p.relation not in ("origin", "other")
        ]
        # "clashed around Sake in North Kivu province, despite a ceasefire agreed in Doha": the
        # province named for the event says which country its places are in
        provinces = {_country_of(p) for p in event_places if p.place and p.place.kind == "admin1"}
        if len(provinces) == 1 and any(
            _country_of(p) in provinces and p.place and p.place.kind != "admin1"
            for p in event_places
        ):
            event_places = [p for p in event_places if _country_of(p) in provinces]
        # "in Macomia district, in the province of Cabo Delgado", "à Markoye, dans la province
        # de l'Oudalan": the province holding another place named for the event is no second place
        event_places = [
            p
            for p in event_places
            if not (
                p.place is not None
                and p.place.kind in ("admin1", "admin2")
                and any(
                    q is not p
                    and q.place is not None
                    and q.place.kind not in ("admin1", "admin2")
                    and p.place.name
                    in ((q.place.admin1,) if p.place.kind == "admin1" else (q.place.admin2,))
                    for q in event_places
                )
            )
        ]
        distinct: list[PlaceMention] = []
        # the most precise of places close together stands for them ("the governorate of
        # Baalbek-Hermel in Baalbek city" is Baalbek), in text order
        for p in sorted(event_places, key=_rank):
            near = [q for q in distinct if _km(p, q) < SAME_PLACE_KM]
            if not near:
                distinct.append(p)
            elif _part_of(info, p, near[0]):
                distinct[distinct.index(near[0])] = p
        distinct.sort(key=lambda p: p.start)
        dated = [d for d in info.dates if d.value is not None or d.unresolved]
        # "the ministry reported on Saturday that … the attack on Friday": the day news came out
        # is not the day of the event
        told = [d for d in dated if self._told(info, d)]
        dated = [d for d in dated if d not in told and not self._anchored_to_event(info, d)]
        located = [c for c in info.countries if not c.nearby]
        country = located[0].country if located else None
        text = info.sentence.text
        if len(distinct) > 1 and (len(dated) == len(distinct) or self._split_cues.search(text)):
            n = len(distinct)
            frames = []
            for k, p in enumerate(distinct):
                d = dated[k] if len(dated) == n else (dated[0] if dated else None)
                frames.append(
                    Frame(
                        [info],
                        p,
                        d,
                        _country_of(p) or country,
                        n,
                        [(t, info) for t in info.tolls],
                        k,
                    )
                )
            return frames
        place = _best_place(distinct) if distinct else _origin_place(info.places)
        days = _first_expression(dated)
        if len({d.value for d in days}) > 1:
            return [
                Frame(
                    [info],
                    place,
                    d,
                    _country_of(place) or country,
                    len(days),
                    [(t, info) for t in info.tolls],
                    k,
                )
                for k, d in enumerate(days)
            ]
        d0 = dated[0] if dated else None
        return [
            Frame(
                [info], place, d0, _country_of(place) or country, 1, [(t, info) for t in info.tolls]
            )
        ]

    def _told(self, info: SentenceInfo, d: DateMention) -> bool:
        """The day the news came out: after a reporting verb or in the wire dateline."""
        s = info.sentence
        return d.start < s.start + dateline_end(s.text) or bool(
            self._report_date.search(text_before(info, d.start))
        )

    def _anchored_to_event(self, info: SentenceInfo, d: DateMention) -> bool:
        """ "This patrol comes the day after an attack on Monday…": a day counted from an event
        it names is not that event's day when no violence is told before it (it is when it is:
        "the army killed 15 militants the day after the attack")."""
        if d.after_previous is None:
            return False
        s = info.sentence
        if not _OF_EVENT.match(s.text[d.end - s.start :]):
            return False
        return not any(t.start < d.start for t in info.triggers)

    def _dated_event(self, info: SentenceInfo) -> list[DateMention]:
        """The days of a date that names an event ("the March 10-11 incident", "l'attaque du 2
        juillet"), if the sentence has one."""
        text, off = info.sentence.text, info.sentence.start
        for d in info.dates:
            if d.value is None:
                continue
            after = self._event_after_date
            if (after is not None and after.match(text[d.end - off :])) or (
                self._event_before_date.search(text[max(0, d.start - off - 40) : d.start - off])
            ):
                return [e for e in info.dates if e.start == d.start]
        return []

    def _fill(self, frame: Frame, info: SentenceInfo) -> None:
        """Complete the open event from a sentence that only says more about it."""
        places = [
            p
            for p in info.places
            if p.place is not None
            and p.relation in ("in", "near", "region")
            and (frame.country is None or _country_of(p) == frame.country)
        ]
        used = False
        best = _best_place(places) if places else None
        if best is not None and (
            frame.place is None
            or frame.place.relation == "origin"
            or _finer_within(best, frame.place)
        ):
            frame.place = best
            frame.country = _country_of(frame.place) or frame.country
            used = True
        precise = [d for d in info.dates if d.value is not None and d.precision == 1]
        current = frame.date
        # "The strike took place Tuesday near X": a day for the event just told
        telling = info.anaphoric or (
            not info.triggers and bool(self._event_verbs.search(info.sentence.text))
        )
        if (
            telling
            and precise
            and (
                current is None
                or (
                    current.value is not None
                    and precise[0].value is not None
                    and current.precision > 1
                    and abs((precise[0].value - current.value).days) <= 7
                )
            )
        ):
            frame.date = precise[0]
            used = True
        if used and info not in frame.infos:
            frame.infos.append(info)

    def _compatible(self, frame: Frame, mention: Frame, *, of_day: bool = False) -> bool:
        """Whether a mention can tell the same event as the frame; ``of_day``: the frame is one
        day of a span and the mention may tell of them all."""
        if mention.split > 1 or (frame.split > 1 and not of_day):
            return False
        if (
            frame.date is None
            and mention.date is not None
            and mention.date.precision == 1
            and _other_victims(frame, mention)
        ):
            # "Two soldiers killed in an attack … On 5 September, 35 civilians were killed": a
            # dated death toll of other people is another event than the undated one told
            return False
        if mention.country and frame.country and mention.country != frame.country:
            return False
        where = frame.country or mention.country
        code = self._code(where) if where else None
        ours, theirs = _groups(frame, code), _groups(mention, code)
        if ours and theirs and not ours & theirs:
            # "Fighting flares as ADF kills civilians" then "M23 rebels and troops clashed":
            # events of different armed groups
            return False
        if mention.date and frame.date and not _same_day(frame.date, mention.date):
            return False
        if mention.place and frame.place:
            if _km(mention.place, frame.place) < SAME_PLACE_KM:
                return True
            fp, mp = frame.place.place, mention.place.place
            same_admin1 = getattr(fp, "admin1", None) == getattr(mp, "admin1", None)
            regional = frame.place.relation in ("region", "origin") or (
                getattr(fp, "kind", None) == "admin1"  # "in Borno State"
            )
            if regional and same_admin1:
                return True
            return mention.place.relation == "origin"
        return True

    def _merge(self, frame: Frame, mention: Frame) -> None:
        frame.infos.extend(i for i in mention.infos if i not in frame.infos)
        frame.tolls.extend(t for t in mention.tolls if t not in frame.tolls)
        if mention.place and (frame.place is None or _rank(mention.place) < _rank(frame.place)):
            frame.place = mention.place
        if mention.date and (
            frame.date is None
            or (frame.date.value is None and mention.date.value)
            or (mention.date.value and mention.date.width < frame.date.width)
        ):
            frame.date = mention.date
        frame.country = frame.country or mention.country
        frame.told = frame.told or mention.told
        if frame.place is not None:
            frame.country = _country_of(frame.place) or frame.country

    # -- stage 3: report ---------------------------------------------------------------------
    def _report(
        self,
        article: Article,
        frame: Frame,
        published: date | None,
        article_countries: list[str],
        last_group: ActorMention | None,
    ) -> tuple[Report | None, ActorMention | None]:
        country = (
            frame.country
            or _actor_country(frame, self.gazetteer)
            or (article_countries[0] if article_countries else None)
        )
        code = self._code(country) if country else None
        # a sentence kept only for who said it ("…, travaillent ensemble pour attaquer des
        # localités", a ajouté la source) names no one who took part
        owners = {id(owner) for _, owner in frame.tolls}
        actors = [
            a
            for i in frame.infos
            if i.eventive or i.anaphoric or i.responsibility or id(i) in owners or not i.claimants
            for a in (self.actors.localise(m, code) for m in i.actors)
            # an acronym naming another country's forces is another actor's ("NAF" rebels in
            # Donbas are not the Nigerian Air Force)
            if not (
                a.role == "named"
                and a.is_state
                and a.text.isupper()
                and code
                and code not in a.countries
            )
        ]
        named_groups = [a for a in actors if a.role == "named" and a.is_armed_non_state]
        if last_group is not None:
            last_group = self.actors.localise(last_group, code)
        if named_groups:
            last_group = named_groups[0]
        elif last_group is not None and (
            any(
                self._group_pronouns.search(i.sentence.text) and (i.responsibility or i.claimants)
                for i in frame.infos
            )
            or (
                last_group.claimed
                and code in last_group.countries
                # the state forces or peacekeepers hit do not make it another group's attack
                and not any(a.role == "named" and a.inter not in (1, 8) for a in actors)
            )
        ):
            # "the group said it…", or the one group the article says the attack is attributed to
            named_groups = [last_group]
        frame_text = " ".join(i.sentence.text for i in frame.infos)
        tactics = {t.tactic for i in frame.infos if i.eventive for t in i.triggers}
        if not tactics:
            return None, last_group
        if "airstrike" in tactics:
            # "une frappe de drone a tué huit civils, selon le FLA": the group told as the source
            # of the news flew no drone
            sources = {a.start for i in frame.infos for a in i.actors if _source_after(i, a)}
            named_groups = [a for a in named_groups if a.start not in sources]
        if any(_intervention(i) for i in frame.infos):
            tactics.add("intervention")
        victims = {t.victims for t, _ in frame.tolls if t.victims}
        disputed = (
            any(i.denial for i in frame.infos)
            and any(i.responsibility for i in frame.infos)
            and "capture" in tactics
        )
        decision = classify(
            tactics=tactics,
            actors=actors,
            named_groups=named_groups,
            victims=victims,
            # "a nomad camp", "un camp de déplacés": civilian places, not military camps
            military_target=bool(
                self._military_target.search(self._civilian_target.sub(" ", frame_text))
            ),
            civilian_target=bool(self._civilian_target.search(frame_text)),
            disputed=disputed,
            state_subject=_state_subject(frame),
            crowd_subject=self._crowd_subject(frame),
            policing=self._policing,
        )
        if decision is None:
            return None, last_group
        actor1, inter1 = self._actor_name(decision.actor1, country)
        actor2, inter2 = (
            (None, None) if decision.actor2 is None else self._actor_name(decision.actor2, country)
        )
        claims = self._claims(frame, named_groups, article)
        low, best, high = _fatalities(claims, first=frame.split_index == 0)
        stated = [t for t, _ in frame.tolls if t.stated]
        if stated:
            # the text names the figure it retains: that is the count
            low = best = high = share(stated[-1].low, frame.split, frame.split_index == 0)
        evidence = self._evidence(frame, decision)
        flags: list[str] = []
        report: dict[str, Any] = {
            "article_id": article.id,
            "disorder_type": decision.type.disorder,
            "event_type": decision.type.event_type,
            "sub_event_type": decision.type.sub_event_type,
            "actor1": actor1,
            "inter1": inter1,
            "actor2": actor2,
            "inter2": inter2,
            "interaction": _interaction(inter1, inter2),
            "civilian_targeting": inter2 == 7,
            "country": country,
            "fatalities": low or 0,
            "fatalities_low": low,
            "fatalities_best": best,
            "fatalities_high": high,
            "disputed": disputed,
            "claims": claims,
            "evidence": evidence,
        }
        self._place_fields(report, frame, country, flags)
        _date_fields(report, frame, published, flags)
        when = report.get("event_date") or report.get("reported_date") or published
        for key in ("actor1", "actor2"):
            known = actor_by_name(report[key]) if report[key] else None
            if known is not None:
                report[key] = known.name_on(when)  # a group renamed since keeps its old name
        report["flags"] = flags
        return Report(**report), last_group

    def _actor_name(self, actor: ActorMention | str, country: str | None) -> tuple[str, int]:
        if isinstance(actor, str):
            return self.actors.role_name(actor, country)
        if actor.role == "named" and actor.name:
            known = actor_by_name(actor.name)
            # state forces fighting abroad are External/Other forces (ACLED Inter 8)
            inter = known.inter_in(country) if known is not None and country else actor.inter
            return actor.name, inter
        return self.actors.role_name(actor.role, country)

    def _claims(self, frame: Frame, groups: list[ActorMention], article: Article) -> list[Claim]:
        claims: list[Claim] = []
        seen: set[tuple[str, str, int | None, str | None]] = set()
        key: tuple[str, str, int | None, str | None]
        group = groups[0] if groups else None
        # "over 100 civilians … the final toll is believed to be 115": a guess counts only when
        # the text gives no firmer figure
        firm = any(not t.hedged for t, _ in frame.tolls)
        for info in frame.infos:
            sentence = info.sentence
            told: list[Claim] = []  # this sentence's claims, figures listed together summed
            prior: list[Claim] = []  # the claims of the figure before
            for toll, owner in frame.tolls:
                if owner is not info:
                    continue
                guess = toll.hedged and firm
                span = Span(start=toll.start, end=toll.end, text=toll.text, field="fatalities")
                previous, prior = prior, []
                for claimant, kind in self._speakers(info, group, article, at=toll.start):
                    # the claim of the same speaker for the figure just before
                    last = next(
                        (c for c in previous if (c.claimant, c.kind) == (claimant, kind)), None
                    )
                    if (
                        toll.listed
                        and last is not None
                        and last.killed is not None
                        and not guess
                        and last.victims == toll.victims
                    ):
                        # "50 mercenaries and 10 soldiers": one statement of 60 soldiers' deaths
                        # (figures of different victims stay apart, and add up as such)
                        high = (last.killed_high or last.killed) + (toll.high or toll.low)
                        last.killed += toll.low
                        last.killed_high = high if high != last.killed else None
                        last.evidence.append(span)
                        prior.append(last)
                        continue
                    prior.append(
                        Claim(
                            claimant=claimant,
                            kind=kind,
                            says=sentence.text[:300],
                            killed=None if guess else toll.low,
                            killed_high=(toll.high or toll.low)
                            if guess
                            else (toll.high if toll.high != toll.low else None),
                            victims=toll.victims,
                            split=frame.split,
                            evidence=[span],
                        )
                    )
                    told.append(prior[-1])
            for claim in told:
                # "one assailant and one officer killed": two figures, though both are 1
                key = (claim.claimant.lower(), claim.kind, claim.killed, claim.victims)
                if key not in seen:
                    seen.add(key)
                    claims.append(claim)
            if not any(owner is info for _, owner in frame.tolls):
                # every source speaking in the sentence: "No word from the army, but residents
                # denounce the strike"
                wheres: list[Claimant | Sentence] = [*info.claimants] or [sentence]
                for where in wheres:
                    speaker = where if isinstance(where, Claimant) else None
                    claimant, kind = self._speaker(info, group, article, speaker)
                    key = (claimant.lower(), kind, None, None)
                    if key in seen or kind == "media":
                        continue
                    seen.add(key)
                    claims.append(
                        Claim(
                            claimant=claimant,
                            kind=kind,
                            says=sentence.text[:300],
                            evidence=[
                                Span(
                                    start=where.start, end=where.end, text=where.text, field="claim"
                                )
                            ],
                        )
                    )
        weak = [c for c in claims if c.killed is not None and c.killed <= 3]
        strong = [c for c in claims if c.killed is not None and c not in weak]
        if strong and weak:
            # "numerous fatalities" next to a figure adds no number of its own; "many
            # assailants were killed" next to "ten soldiers" does (ACLED: several → 3)
            for c in weak:
                other_victims = c.victims is not None and all(
                    s.victims != c.victims for s in strong
                )
                if not other_victims and any(t.weak and t.low == c.killed for t, _ in frame.tolls):
                    c.killed = None
        return claims

    def _speakers(
        self,
        info: SentenceInfo,
        group: ActorMention | None,
        article: Article,
        at: int | None = None,
    ) -> list[tuple[str, ClaimantKind]]:
        """Who says what a sentence reports (at offset ``at``): its claimant, with those named
        together with it ("a military source and a local official"), else the outlet.

        Of several claimants, a figure is the last one's before it ("a journalist said 12 were
        killed, while activists said 60"), else the first one's after it ("12 were killed, the
        army said"). An armed group speaking of its attack is the perpetrator, however the
        sentence names it ("the group", "it", "a rebel group affiliated with al-Qaeda", or "JNIM").
        """
        claimants = info.claimants
        before = [k for k, c in enumerate(claimants) if at is not None and c.end <= at]
        if not claimants:
            return [self._speaker(info, group, article, None)]
        first = last = before[-1] if before else 0
        while first > 0 and claimants[first].joint:
            first -= 1
        while last + 1 < len(claimants) and claimants[last + 1].joint:
            last += 1
        return [self._speaker(info, group, article, c) for c in claimants[first : last + 1]]

    def _speaker(
        self,
        info: SentenceInfo,
        group: ActorMention | None,
        article: Article,
        claimant: Claimant | None,
    ) -> tuple[str, ClaimantKind]:
        """Who ``claimant`` speaks for; without one, the group claiming the attack or the
        outlet."""
        if claimant is not None:
            c = claimant
            named = [a for a in info.actors if a.role == "named" and c.start <= a.start < c.end]
            if named and named[0].is_armed_non_state:
                return _short_name(named[0]), "perpetrator"
            if named and named[0].is_state and c.kind == "unknown":
                # "the Malian army" speaks for the state; "Russian military bloggers" and "a
                # Somali army officer" keep the kind their head noun gives
                return c.text, "government"
            speaks_for_group = (
                c.pronoun
                or c.kind == "perpetrator"
                or (c.kind == "unknown" and info.responsibility)
            )
            if speaks_for_group and group is not None:
                return _short_name(group), "perpetrator"
            return c.text, c.kind
        if info.responsibility and group is not None:
            return _short_name(group), "perpetrator"
        return article.outlet or "the article", "media"

    def _place_fields(
        self, report: dict[str, Any], frame: Frame, country: str | None, flags: list[str]
    ) -> None:
        pm = frame.place
        unresolved = [
            p.text for i in frame.infos for p in i.places if p.place is None or p.via is not None
        ]
        flags.extend(f"unresolved_place:{name}" for name in dict.fromkeys(unresolved))
        if pm is None or pm.place is None:
            # "Kwandagu, 400 km north of Bamako": the country of the places told around it
            country = country or next(
                (_country_of(p) for i in frame.infos for p in i.places if p.place is not None),
                None,
            )
            if country:
                meta = self.gazetteer.country(country)
                if meta is not None:
                    report.update(_country_meta(self.gazetteer, meta.country))
            locality = next(
                (
                    p
                    for i in frame.infos
                    if i.eventive
                    for p in i.places
                    if p.place is None and p.settlement and p.relation in ("in", "near")
                ),
                None,
            )
            flags.append("unplaced")
            report["geo_precision"] = None
            if locality is None:
                return
            # a locality no gazetteer has and nothing else places: its name, and no coordinates
            # rather than invented ones
            report["location"] = locality.text
            report["evidence"].append(
                Span(start=locality.start, end=locality.end, text=locality.text, field="location")
            )
            return
        place = pm.place
        report.update(
            country=place.country,
            admin1=place.admin1 if place.kind != "admin1" else place.name,
            admin2=place.admin2,
            # a locality the gazetteer lacks keeps its name, at the place that locates it
            location=place.name if pm.via is None else pm.text,
            latitude=round(place.latitude, 4),
            longitude=round(place.longitude, 4),
            place_id=place.id if pm.via is None else None,
            geo_precision=_precision(pm),
        )
        report.update(_country_meta(self.gazetteer, place.country))

    def _evidence(self, frame: Frame, decision: Decision) -> list[Span]:
        spans: list[Span] = []
        for info in frame.infos:
            s = info.sentence
            spans.append(Span(start=s.start, end=s.end, text=s.text, field="sentence"))
            for t in info.triggers:
                spans.append(Span(start=t.start, end=t.end, text=t.text, field="trigger"))
        if isinstance(decision.actor1, ActorMention):
            a = decision.actor1
            spans.append(Span(start=a.start, end=a.end, text=a.text, field="actor1"))
        if isinstance(decision.actor2, ActorMention):
            a = decision.actor2
            spans.append(Span(start=a.start, end=a.end, text=a.text, field="actor2"))
        if frame.place is not None:
            p = frame.place
            spans.append(Span(start=p.start, end=p.end, text=p.text, field="location"))
        if frame.date is not None:
            d = frame.date
            spans.append(Span(start=d.start, end=d.end, text=d.text, field="event_date"))
        return spans

    def _crowd_subject(self, frame: Frame) -> bool:
        """Unarmed people told as the doers, right before a sentence's first trigger ("locals
        assaulted and killed two men", "des habitants ont lynché"), with no armed actor before
        it; not "villagers were attacked"."""
        for info in frame.infos:
            if not info.eventive or not info.triggers:
                continue
            first = min(t.start for t in info.triggers)
            s = info.sentence
            doers = list(self._crowd.finditer(s.text[: first - s.start]))
            if not doers:
                continue
            gap = s.text[doers[-1].end() : first - s.start]
            armed = any(
                a.start < first and a.role not in ("civilians", "rioters") for a in info.actors
            )
            if not armed and len(gap.split()) <= 8 and not self._passive.search(gap):
                return True
        return False


# "The army is accused by HRW of having perpetrated the massacre": the accused are the doers
_ACCUSED = re.compile(
    r"^[^.;]{0,20}\b(?:accused|blamed|suspected|accusée?s?|soupçonnée?s?|mise?s? en cause)\b"
    r"[^.;]{0,80}$",
    re.IGNORECASE,
)
_PASSIVE_OR_THING = re.compile(
    r"\b(?:was|were|been|being|is|are|été|checkpoints?|vehicles?|convoys?|posts?|positions?|"
    r"bases?|camps?|patrols?|units?|trucks?|poste|véhicule|convoi|patrouille|camp|base)\b",
    re.IGNORECASE,
)


def _state_subject(frame: Frame) -> ActorMention | None:
    """State forces told as the doers: named first in a sentence, right before its first
    trigger ("The army killed three men near X", "soldiers arrested and tortured three
    traders"); not "an army vehicle was struck", "FAMa checkpoint attacked"."""
    for info in frame.infos:
        if not info.eventive or not info.triggers:
            continue
        first = min(t.start for t in info.triggers)
        before = [a for a in info.actors if a.start < first]
        if not before or not before[0].is_state or before[0].target:
            continue
        s = info.sentence
        # "des soldats et des supplétifs de l'armée ont tué": the forces with their auxiliaries
        last = before[0]
        for a in before[1:]:
            if not (a.is_state or auxiliary(a)):
                break
            last = a
        gap = s.text[last.end - s.start : first - s.start]
        # "Gendarmerie post attacked": a place of the forces named, not the forces acting
        told = s.text[before[0].start - s.start : first - s.start]
        if _ACCUSED.match(gap) or (len(gap.split()) <= 5 and not _PASSIVE_OR_THING.search(told)):
            return before[0]
    return None


def _source_after(info: SentenceInfo, actor: ActorMention) -> bool:
    """An armed group told as the source after the violence ("…, the FLA said", "…, selon le
    FLA") that does not claim it."""
    if info.responsibility or not info.triggers or not actor.is_armed_non_state or actor.target:
        return False
    first = min(t.start for t in info.triggers)
    return any(first < c.start <= actor.start < c.end for c in info.claimants)


def _intervention(info: SentenceInfo) -> bool:
    """Forces stepping in, told after the event ("Police dispersed the crowd and arrested
    five"): the intervening forces are the event's other side. (Arrests alone are not: "He was
    arrested in connection with…" tells the protest's cause.)"""
    tactics = {t.tactic for t in info.triggers}
    return not info.eventive and "intervention" in tactics and tactics <= {"intervention", "arrest"}


def text_before(info: SentenceInfo, start: int) -> str:
    """Up to 40 characters of the sentence before an article offset."""
    s = info.sentence
    return s.text[max(0, start - s.start - 40) : start - s.start]


_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
# "the day after the attack", "au lendemain de l'attaque": a day counted from a named event
_OF_EVENT = re.compile(r"\s*(?:of|de|d'|d’|du|des)\b", re.IGNORECASE)
# "the Paris attacks", "the Solhan massacre": an event already known, named by its place
_NAMED_EVENT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[A-Z][\w’'-]*\s+){1,3}$")
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)(?:\s+[^\W\d_][\w’'-]*){0,3}\s*$")


def _older_year(plain: str, published: date | None, dates: list[DateMention]) -> bool:
    """History: the sentence names an earlier year and no date of the article's year."""
    if published is None:
        return False
    years = [int(y) for y in _YEAR.findall(plain)]
    if not years or max(years) >= published.year:
        return False
    return not any(d.value is not None and d.value.year == published.year for d in dates)


def year_in_text(text: str) -> int | None:
    """The latest year an undated article names ("Weekly snapshot (27 September – 4 October
    2023)"): dates without a year are read in it rather than left unresolved."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def _anchor_relative_days(
    infos: list[SentenceInfo], told: Callable[[SentenceInfo, DateMention], bool]
) -> None:
    """Resolve "the previous morning", "le lendemain" against the day the sentence before gave
    ("On Sunday a video circulated … The previous morning gunmen …"); with no such day they
    stay relative to publication. A day the news came out ("the group said in a statement on
    Tuesday") is no anchor: "on the same day" after it is the event's day."""
    last: tuple[int, date] | None = None
    for info in infos:
        for k, d in enumerate(info.dates):
            if d.after_previous is not None:
                # "…the previous day, in the town of X on October 29": the sentence's own day first
                later = [
                    e
                    for e in info.dates[k + 1 :]
                    if e.value and e.precision == 1 and e.after_previous is None
                ]
                anchor = later[0].value if later else None
                if anchor is None and last is not None and info.sentence.start - last[0] < 400:
                    anchor = last[1]
                if anchor is not None:
                    value = anchor + timedelta(days=d.after_previous)
                    info.dates[k] = dataclasses.replace(d, value=value, unresolved=False)
            elif d.value is not None and d.precision == 1 and not told(info, d):
                last = (d.end, d.value)


def _named_before(c: Claimant, earlier: list[Claimant]) -> Claimant | None:
    """The claimant named in full before whom a lone surname stands for ("Ali" after "Captain
    Osman Ali"), if any."""
    if c.pronoun or c.kind != "unknown" or " " in c.text or not c.text[:1].isupper():
        return None
    return next(
        (
            e
            for e in reversed(earlier)
            if e.text != c.text and c.text in re.findall(r"[\w'’-]+", e.text)
        ),
        None,
    )


def _short_name(actor: ActorMention) -> str:
    """How to name a claimant that is a dictionary actor: its acronym when it has one."""
    if actor.name and ":" in actor.name:
        return actor.name.split(":", 1)[0]
    return actor.name or actor.text


_UNIT_TAIL = re.compile(
    r"\b(?:district|county|division|sub-?division|upazila|township|woreda|LGA|cercle|commune|"
    r"département)\s*[,(]\s*$",
    re.IGNORECASE,
)
_LIST_GOES_ON = re.compile(r"^\s*,?\s*(?:and|et|&)\s", re.IGNORECASE)
_TAIL_GAP = re.compile(r"^[^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s*[,(]\s*$|^\s*[,(]\s*$")
# a province told after a place it holds: "Basira town in Deir-ez-Zor", "Durayhimi district in
# western Yemen (Al Hudaydah)"; not a list
_TAIL_WORDS = re.compile(
    r"^(?!.*\b(?:and|et|or|ou)\b)[^\W\d_]*(?:\s+[^\W\d_]+){0,4}?(?:\s*[,(]|\s+(?:in|of))\s*$",
    re.IGNORECASE,
)


def _admin_tail(info: SentenceInfo, pm: PlaceMention) -> bool:
    """A name right after another place, set off by a comma or a bracket ("Chimtal district,
    Balkh", "Nabiganj (Habiganj, Sylhet)"): the province the place is in."""
    s = info.sentence
    if _UNIT_TAIL.search(s.text[: pm.start - s.start]):
        return True  # "in Zari district, Balkh", whether or not Zari is known
    before = [p for p in info.places if p.end <= pm.start]
    if not before or pm.settlement or names_the_city(s.text[pm.end - s.start :]):
        return False  # "the Khowajak Baba area of Kandahar city": the city
    return _tails(info, before[-1], pm)


def _tails(info: SentenceInfo, place: PlaceMention, after: PlaceMention) -> bool:
    """Whether ``after`` follows ``place`` as the area holding it: "X, Y", "X (Y", "X district,
    Y"; or, after a place of the event, "X town in Y" ("the Arab community in the town of
    Menaka" names no place before Menaka)."""
    s = info.sentence
    gap = s.text[place.end - s.start : after.start - s.start]
    if _TAIL_GAP.match(gap):
        return True
    return place.relation in ("in", "near", "region") and bool(_TAIL_WORDS.match(gap))


def _key(name: str) -> str:
    """A place name compared without case, accents or word breaks."""
    return compact(normalise(name))


def _other_victims(frame: Frame, mention: Frame) -> bool:
    """Whether both tell deaths, each of named victims, and none the same."""
    before = {t.victims for t, _ in frame.tolls}
    now = {t.victims for t, _ in mention.tolls}
    return bool(before and now) and None not in before | now and not before & now


def _km(a: PlaceMention, b: PlaceMention) -> float:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return 0.0 if a.text == b.text else math.inf
    return distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)


def _precision(pm: PlaceMention) -> int:
    if pm.coded and pm.coded_precision is not None and pm.place is not None:
        return pm.coded_precision
    if pm.via is not None:
        # placed by another place: at best "near" it (ACLED's precision 2), a region's 3
        return max(2, _precision(pm.via))
    kind = getattr(pm.place, "kind", None)
    if kind in ("admin1", "country"):
        return 3
    if pm.relation == "region":
        # "in Aqcha district": a district found as its chief town, ACLED's precision 2
        return 3 if kind is None else 2
    if pm.relation in ("near", "origin") or kind == "admin2":
        return 2
    return 1


# "Dhaka - Mirpur (Pallabi)", "Kabul's Dasht-e Barchi": a part of the town named before it
_PART_OF_GAP = re.compile(r"^(?:\s+-\s+[^,;.]*?\(|\s*\(|['’]s\s+)$")


def _part_of(info: SentenceInfo, inner: PlaceMention, town: PlaceMention) -> bool:
    """Whether ``inner``, close to ``town``, names a part of it just after it."""
    if inner.start < town.end or inner.relation != "in" or _rank(inner) != _rank(town):
        return False
    if inner.place is None or town.place is None or inner.place.population >= town.place.population:
        return False  # "Belenitieni (San, Segou)": the district town after a village
    s = info.sentence
    return bool(_PART_OF_GAP.match(s.text[town.end - s.start : inner.start - s.start]))


def _rank(pm: PlaceMention) -> tuple[int, int]:
    """How well a mention places the event, for choosing among places: a locality placed by
    another place comes before the places as precise as it ("à X près de Y" is X), not before
    a town named for the event ("in Garoua town, Kalbiri subdivision" is Garoua)."""
    if pm.coded:
        return (0, 0)  # "(coded as Fafa at geoprecision 2)": the note says which place it is
    return (_precision(pm), 0 if pm.via is not None else 1)


def _best_place(places: list[PlaceMention]) -> PlaceMention:
    """The most precise place; but a town merely "near" the event loses to the region named
    for it when it lies outside that region ("in the Tillabéri region, west of Niamey")."""
    best = min(places, key=lambda p: (_rank(p), 0 if p.relation == "in" else 1))
    regions = [p for p in places if p.relation == "region" and p.place is not None]
    if best.relation == "near" and best.place is not None and regions:
        region = regions[0].place
        if region is not None and best.place.admin1 != (region.admin1 or region.name):
            return regions[0]
    return best


def _finer_within(pm: PlaceMention, region: PlaceMention) -> bool:
    """ "The attack took place in X town, Y district": a place inside the region an event was
    placed in only, or the locality that a place stood for, says more precisely where."""
    inner, outer = pm.place, region.place
    if inner is None or outer is None or _rank(pm) >= _rank(region):
        return False
    if pm.via is not None and pm.via.place == outer:
        return True
    return _precision(region) == 3 and outer.kind == "admin1" and inner.admin1 == outer.name


def _place_localities(info: SentenceInfo, named: list[PlaceMention]) -> None:
    """Place the localities the gazetteer lacks by another place of the text ("à X près de
    Y", "X, région de Y", "the village of X, located in the Y circle"): the nearest named
    after it in the sentence, else before it, else the last the article named for an event.
    Never a country: a locality with nothing else named stays unplaced, with its name."""
    anchors = [
        p
        for p in info.places
        if p.place is not None
        and p.via is None
        and p.relation in ("in", "near", "region")
        and p.place.kind != "country"
    ]
    text, off = info.sentence.text, info.sentence.start
    for pm in info.places:
        if pm.place is not None or not pm.settlement or pm.relation not in ("in", "near"):
            continue
        # "Kwandagu, about 400 km north of Bamako": too far from it to be placed there
        far = [
            p
            for p in anchors
            if _FAR.search(text[min(p.end, pm.end) - off : max(p.start, pm.start) - off])
        ]
        for p in far:
            p.relation = "other"  # a landmark the distance is told from, not the event's place
        close = [p for p in anchors if p not in far]
        after = [p for p in close if 0 <= p.start - pm.end <= _LOCATING_GAP]
        before = [p for p in close if p.end <= pm.start]
        via = after[0] if after else before[-1] if before else named[-1] if named else None
        if via is not None:
            pm.place, pm.via = via.place, via
    named.extend(anchors)


def _origin_place(places: list[PlaceMention]) -> PlaceMention | None:
    origins = [p for p in places if p.place is not None and p.relation == "origin"]
    return origins[0] if origins else None


def _groups(frame: Frame, country: str | None) -> set[str]:
    """The armed groups (not state forces) of the event's country that a frame's sentences
    name; a movement named from abroad ("Daech" in Mali) stands for a local branch."""
    return {
        a.name
        for info in frame.infos
        for a in info.actors
        if a.role == "named" and a.name and a.inter in (2, 3, 4) and country in a.countries
    }


def _country_of(pm: PlaceMention | None) -> str | None:
    if pm is None or pm.place is None:
        return None
    return getattr(pm.place, "country", None)


def _actor_country(frame: Frame, gazetteer: Gazetteer) -> str | None:
    for info in frame.infos:
        for a in info.actors:
            if len(a.countries) == 1:
                place = gazetteer.country(a.countries[0])
                if place is not None:
                    return place.country
    return None


def _same_day(a: DateMention, b: DateMention) -> bool:
    """Two dates that can tell the same day: equal, or a week ("over the weekend", "between 27
    March and 1 April") that covers the other ("on Saturday", "last week")."""
    if a.value is None and b.value is None:
        # unresolved (no published date): "2 juillet" and "10 juillet" are not one day;
        # "hier", "lundi" and "25 mai" may be
        numbered = any(c.isdigit() for c in a.text) and any(c.isdigit() for c in b.text)
        return not numbered or a.text.lower() == b.text.lower()
    if a.value == b.value:
        return True
    if a.value is None or b.value is None or a.precision == b.precision == 1:
        return False
    return max(a.precision, b.precision) == 2 and abs((a.value - b.value).days) <= 3


def _by_day(frame: Frame, dates: list[DateMention]) -> list[Frame]:
    """The frame as one event per day told (a toll of it shared between them); no list for
    a single day, which is only the frame's date."""
    if len(dates) == 1:
        frame.date = dates[0]
        return []
    return [
        dataclasses.replace(
            frame,
            infos=list(frame.infos),
            tolls=list(frame.tolls),
            date=d,
            split=len(dates),
            split_index=k,
        )
        for k, d in enumerate(dates)
    ]


def _first_expression(dates: list[DateMention]) -> list[DateMention]:
    """The days of the first date expression: several when it tells several days together
    ("May 24 and May 26", "March 10-11"), one event each; not the other dates of the sentence
    ("on March 10-11, after a herder was killed on March 4")."""
    return [d for d in dates if d.start == dates[0].start]


@cache
def _countries_by_name() -> dict[str, Country]:
    return {c.name: c for c in load_countries()}


@cache
def _regions_by_code() -> dict[str, str]:
    return {c.iso2: c.region for c in load_countries()}


def _region_of(code: str) -> str | None:
    """ACLED's world region of a country code ("Western Africa")."""
    return _regions_by_code().get(code)


def _country_meta(gazetteer: Gazetteer, country: str) -> dict[str, Any]:
    meta = _countries_by_name().get(country)
    if meta is None:
        return {"country": country}
    return {"country": country, "iso": meta.iso_numeric, "region": meta.region}


def _date_fields(
    report: dict[str, Any], frame: Frame, published: date | None, flags: list[str]
) -> None:
    d = frame.date
    report["reported_date"] = published
    if d is None and frame.told is not None and frame.told.value is not None:
        # ACLED's "around <date> (as reported)": the day the news came out, a week's precision
        report.update(event_date=frame.told.value, time_precision=2, date_text=frame.told.text)
        flags.append("dated_as_reported")
        return
    if d is None:
        flags.append("no_event_date")
        return
    report["date_text"] = d.text
    if d.value is None:
        flags.append(f"unresolved_date:{d.text}")
        return
    report["event_date"] = d.value
    report["time_precision"] = d.precision


def _fatalities(claims: list[Claim], *, first: bool) -> tuple[int | None, int | None, int | None]:
    """low / best / high over the claims of one event (see :func:`~strife.code.fatalities.event_toll`).

    A toll shared by several events is split evenly, the remainder going to the first (ACLED).
    """
    return event_toll(
        Figure(
            c.kind,
            c.victims,
            share(c.killed, c.split, first),
            share(c.killed_high or c.killed, c.split, first),
        )
        for c in claims
        if c.killed is not None
    )


def _interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's numeric interaction: the two Inter codes, lowest first; ``x0`` for one actor."""
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
