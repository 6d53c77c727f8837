"""Who says so: claimant phrases, their kind, and claims of responsibility or denials.

Lexicons are ``data/<lang>/claimants.yaml``. The kind of a claimant that names an actor from
the dictionary (an armed group speaking of its own attack) is decided by the caller, which
knows the actors.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from strife.models import ClaimantKind
from strife.resources import compile_alternation, language_yaml

# A claimant phrase: up to eight words, no clause punctuation. Before the verb the shortest
# phrase wins (leftmost match decides the start); after a cue ("according to") the longest.
_LEADING = r"(?P<c>[^\W\d_][\w’'\-]*(?:\s+[\w’'\-]+){0,7}?)"
_TRAILING = r"(?P<c>[^\W\d_][\w’'\-]*(?:\s+[\w’'\-]+){0,13})"


@dataclass(frozen=True, slots=True)
class Claimant:
    """A claimant phrase in a sentence; offsets into the article text."""

    start: int
    end: int
    text: str
    kind: ClaimantKind
    pronoun: bool
    person: bool = False  # "he said": the person who spoke last, not an armed group
    refers_back: bool = False  # "C'est ce qu'a annoncé l'état-major": of the sentence before
    joint: bool = False  # "a military source and a local official": says it with the one before


class ClaimFinder:
    """Finds claimants, responsibility claims and denials in sentences of one language."""

    def __init__(self, language: str) -> None:
        data = language_yaml(language, "claimants")
        self.language = language
        cues = []
        self._literals: list[str] = []
        self._back: list[bool] = []  # the cue speaks of the sentence before
        back = [(c, False, True) for c in data.get("back", [])]
        self._leading: list[bool] = []  # the claimant comes before the cue's words
        # words between a claimant and its verb, part of neither: "Local sources have
        # reported", "affirme encore l'état-major", "a déclaré à l'AFP un élu local"
        between = r"(?:\s+(?:" + "|".join(data.get("between", [])) + r"))*"
        # an apposition saying what a named claimant is: "Ali Nur, the deputy governor, said",
        # "said Yamadou Diallo, a doctor at the hospital."; or a relative clause: "The
        # government, which came to power in 2022, has refrained from commenting"
        starts = data.get("articles", []) + [rf"{w}\s" for w in data.get("openers", [])]
        body = r"(?:(?:" + "|".join(starts) + r")|(?-i:[A-Z]))[^,.;:!?«»“”\"()\n]{1,80}"
        apposition = rf"(?:,\s+(?P<a>{body}),)?"
        # (not a clause going on: "…, according to Reuters, though officials have not…")
        clause = "|".join(data["lead_words"] + data.get("openers", []))
        self._apposition_after = re.compile(
            rf",\s+(?!(?:{clause})\b)(?P<a>[^,.;:!?«»“”\"()\n]{{1,80}}?)(?=\s*(?:[,.;:!?»”\"]|$))",
            re.IGNORECASE,
        )
        # words that close a claimant phrase as a comma would: "accused by HRW of having…"
        closers = "".join(rf"|\s+{w}(?![\w])" for w in data.get("closers", []))
        inverted = [(c, True, False) for c in data.get("inverted", [])]
        plain = [(c, False, False) for c in data["cues"]["before"]]
        for cue, after_comma, refers_back in plain + inverted + back:
            self._back.append(refers_back)
            # the cue's longest literal part: a cheap substring test before the regex runs
            self._literals.append(max(cue.lower().split("{c}"), key=len).strip())
            escaped = re.escape(cue).replace(re.escape("{C}"), "{C}").replace("'", "['’]")
            escaped = escaped.replace("{C}\\ ", "{C}" + apposition + between + r"\s+")
            escaped = escaped.replace("\\ {C}", between + r"\s+{C}")
            self._leading.append(escaped.startswith("{C}"))
            if escaped.startswith("{C}"):
                cues.append(escaped.replace("{C}", _LEADING, 1))
            else:
                # after the cue the phrase must close the clause: "said the group." but not
                # "said the insurgents overran the camp"
                closing = r"(?=\s*(?:[,.;:!?»”\"(]|$)" + closers + ")"
                lead = r"(?<=[,»”\"])\s*" if after_comma else ""
                cues.append(lead + escaped.replace("{C}", _TRAILING, 1) + closing)
        self._cues = [re.compile(rf"(?<![\w-]){c}(?![\w])", re.IGNORECASE) for c in cues]
        self._lead_words = re.compile(
            r"^(?:(?:" + "|".join(data["lead_words"]).replace("'", "['’]") + r")\s+)+",
            re.IGNORECASE,
        )
        # a clause opened inside the phrase: the claimant is after it when the phrase comes
        # before the verb ("That attack, which a local official claimed"), before it otherwise
        # ("according to sources who spoke to AFP")
        self._opener = re.compile(  # in lower case: "WHO officials" is no clause
            r"(?<![\w'’-])(?:"
            + "|".join(data.get("openers", []) + data.get("closers", []))
            + r")(?![\w'’-])"
        )
        self._not_claimant = compile_alternation(
            data.get("not_claimants", []), name="not_claimants"
        )
        self._conjunction = re.compile(
            r"\s+(?:" + "|".join(data.get("conjunctions", [])) + r")\s+", re.IGNORECASE
        )
        self._auxiliaries = frozenset(data.get("auxiliaries", []))
        self._passive = re.compile(
            r"\s+(?:" + "|".join(data.get("agents", [])) + r")(?![\w])", re.IGNORECASE
        )
        self._sources = compile_alternation(data.get("sources", []), name="sources")
        self._not_speakers = frozenset(data.get("not_speakers", []))
        self._pronouns = frozenset(data["pronouns"])
        self._persons = frozenset(data.get("person_pronouns", []))
        self._same_source = frozenset(data.get("same_source", []))
        self._responsibility = compile_alternation(data["responsibility"], name="responsibility")
        self._denial = compile_alternation(data["denial"], name="denial")
        # the words before a claim of responsibility that deny it: "no group has claimed"
        self._negation = re.compile(
            r"(?:"
            + compile_alternation(data.get("negations", []), name="negations").pattern
            + r")(?:\s+[\w'’-]+){0,3}\s*$",
            re.IGNORECASE,
        )
        self._kinds = [
            (kind, _kind_pattern(words, name=f"claimant kind {kind}"))
            for kind, words in data["kinds"].items()
        ]
        # the head of a phrase: before its first preposition ("a spokesman for the army")
        self._head_end = re.compile(
            r"\s(?:" + "|".join(data.get("prepositions", [])) + r")\s", re.IGNORECASE
        )

    def claimants(self, text: str, offset: int) -> list[Claimant]:
        """Claimant phrases in a sentence, in text order, without overlaps."""
        found: dict[int, Claimant] = {}
        lowered = text.lower().replace("’", "'")
        cues = zip(self._literals, self._cues, self._leading, self._back, strict=True)
        for literal, cue, leading, refers_back in cues:
            if literal not in lowered:
                continue
            for m in cue.finditer(text):
                raw = m.group("c")
                lead = self._lead_words.match(raw)
                cut = lead.end() if lead else 0
                end = len(raw)
                openers = list(self._opener.finditer(raw, cut))
                if openers and leading:
                    cut = openers[-1].end()
                elif openers:
                    end = openers[0].start()
                phrase = raw[cut:end].strip()
                start = m.start("c") + cut + (len(raw[cut:end]) - len(raw[cut:end].lstrip()))
                # Keep only the part after a leading subordinate word: "In Burkina Faso, JNIM".
                words = phrase.split()
                if not words or self._not_claimant.search(phrase):
                    continue  # "the death toll was confirmed": a count, not who gives it
                if leading and self._lead_words.match(words[-1] + " "):
                    continue  # "… camp on Sunday and announced": the subject is further back
                if leading and (
                    words[-1].lower() in self._auxiliaries or self._passive.match(text, m.end())
                ):
                    continue  # "the army has never been accused", "the attack claimed by JNIM"
                pronoun = words[-1].lower() in self._pronouns and len(words) <= 2
                kind = self.kind_of(phrase)
                described = self._described(m, text, leading=leading, cut=end < len(raw))
                if described is not None:
                    role = self.kind_of(described.group("a"))
                    # a name, or a title before a name: the apposition gives the role the
                    # claimant speaks in ("the general X, governor of the province")
                    named = kind == "unknown" or words[-1][:1].isupper()
                    kind = role if role != "unknown" and named else kind
                    if leading or (role != "unknown" and named):
                        # "Abdiasis Abu Musab, al Shabaab's spokesman": who he speaks for
                        phrase = text[m.start("c") + cut : described.end("a")].strip()
                stray = kind == "unknown" and not pronoun and phrase.islower()
                if stray and not self._sources.search(phrase):
                    continue  # a stray word caught by a loose cue, not a source
                if phrase.lower() in self._not_speakers:
                    continue  # "“We counted ten bodies,” a nurse said": "we" is in the quote
                claimant = Claimant(
                    offset + start,
                    offset + start + len(phrase),
                    phrase,
                    kind,
                    pronoun,
                    person=(pronoun and words[-1].lower() in self._persons)
                    or phrase.lower() in self._same_source,
                    refers_back=refers_back,
                )
                current = found.get(claimant.start)
                if current is None or len(current.text) > len(claimant.text):
                    found[claimant.start] = claimant
        ordered = sorted(found.values(), key=lambda c: c.start)
        result: list[Claimant] = []
        for c in ordered:
            if result and c.start < result[-1].end:
                continue
            result.extend(self._coordinated(c))
        return result

    def _coordinated(self, c: Claimant) -> list[Claimant]:
        """Two sources of different kinds named together, each with its kind ("a military
        source and a local official", "security and humanitarian sources"); else ``c``."""
        joined = self._conjunction.search(c.text)
        # the first is a bare noun phrase: "sources in Mali and Niger" name one source
        if joined is None or c.pronoun or c.person or self._head_end.search(c.text[: joined.end()]):
            return [c]
        first, second = c.text[: joined.start()], c.text[joined.end() :]
        lead = self._lead_words.match(second)
        cut = lead.end() if lead else 0
        kinds = [self.kind_of(first), self.kind_of(second[cut:])]
        tail = self._head_end.search(second)
        noun = (second[: tail.start()] if tail else second).split()[-1:]
        if kinds[0] == "unknown" and noun:
            # "security and humanitarian sources": the first shares the second's noun
            kinds[0] = self.kind_of(f"{first} {noun[0]}")
        if "unknown" in kinds or kinds[0] == kinds[1]:
            return [c]
        at = c.end - len(second) + cut
        return [
            dataclasses.replace(c, end=c.start + len(first), text=first, kind=kinds[0]),
            dataclasses.replace(c, start=at, text=second[cut:], kind=kinds[1], joint=True),
        ]

    def _described(
        self, m: re.Match[str], text: str, *, leading: bool, cut: bool
    ) -> re.Match[str] | None:
        """The apposition after a claimant phrase (its group ``a``), if any."""
        if leading:
            return m if "a" in m.re.groupindex and m.group("a") else None
        if cut:
            return None  # the phrase stops at a clause of its own: nothing follows it
        return self._apposition_after.match(text, m.end("c"))

    def after_quote(self, text: str, start: int) -> list[Claimant]:
        """Who a quote still open at ``start`` in ``text`` is from: the claimant right after it
        closes, in the same paragraph ("… were killed. … withdrawn,” a military source said.")."""
        paragraph_end = text.find("\n", start)
        rest = text[start : paragraph_end if paragraph_end >= 0 else len(text)]
        close = _QUOTE_CLOSE.search(rest)
        if close is None:
            return []
        at = start + close.start()
        stop = _SENTENCE_END.search(text, close.end() + start)
        segment = text[at : stop.end() if stop else at + 200]
        return [c for c in self.claimants(segment, at) if c.start - at < 40]

    def kind_of(self, phrase: str) -> ClaimantKind:
        """The claimant kind a phrase's words suggest, "unknown" if none.

        In the phrase's head the word nearest its end decides ("Russian military bloggers" are
        media, "a Somali military officer" a security source); else the first kind matching.
        """
        cut = self._head_end.search(phrase)
        head = phrase[: cut.start()] if cut else phrase
        ends = [
            (m.end(), -rank, kind)
            for rank, (kind, pattern) in enumerate(self._kinds)
            for m in pattern.finditer(head)
        ]
        if ends:
            return max(ends)[2]
        for kind, pattern in self._kinds:
            if pattern.search(phrase):
                return kind
        return "unknown"

    def claims_responsibility(self, text: str) -> bool:
        """The sentence reports an actor claiming an attack ("claimed responsibility"), not
        that no one did ("which never officially claimed responsibility")."""
        return any(
            not self._negation.search(text[max(0, m.start() - 30) : m.start()])
            for m in self._responsibility.finditer(text)
        )

    def denies(self, text: str) -> bool:
        """The sentence reports a denial or a repelled attack."""
        return self._denial.search(text) is not None


_QUOTE_CLOSE = re.compile(r"[”»\"]")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def inside_quote(text: str, start: int, end: int) -> bool:
    """Whether a quote opened in the paragraph is still open at ``end`` (a sentence from
    ``start`` to ``end`` inside a quote of several sentences)."""
    before = text[text.rfind("\n", 0, start) + 1 : end]
    opened = before.count("“") + before.count("«")
    closed = before.count("”") + before.count("»")
    return opened > closed or before.count('"') % 2 == 1


def _kind_pattern(words: list[str], *, name: str) -> re.Pattern[str]:
    """Words of a claimant kind, acronyms matched in capitals only ("UN" is not "un", "WHO"
    not "who")."""
    acronyms = [w for w in words if re.sub(r"\\[bs]|[^\w]", "", w).isupper()]
    others = [w for w in words if w not in acronyms]
    parts = [compile_alternation(others, name=name).pattern] if others else []
    if acronyms:
        parts.append(r"(?-i:(?<![\w-])(?:" + "|".join(acronyms) + r")(?![\w]))")
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def claim_finder(language: str) -> ClaimFinder:
    """The (cached) finder for a language."""
    return ClaimFinder(language)
