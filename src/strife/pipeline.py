"""The pipeline: Article → sentences → mentions → reports (DESIGN.md §2).

>>> from strife import Pipeline, Article
>>> pipe = Pipeline()                      # cheap: nothing is loaded yet
>>> extraction = pipe.extract(Article(text="...", published="2025-06-02"))

Models and the gazetteer load on first use (or by calling :meth:`Pipeline.initialize`), once
per process, so a Spark task or worker pays for them once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from strife.models import Article, Extraction
from strife.parse.language import detect_language, language_name, likely_language
from strife.resources import SUPPORTED_LANGUAGES, data_text

if TYPE_CHECKING:
    from strife.code.coder import ArticleCoder, SentenceInfo
    from strife.geo.gazetteer import Gazetteer

logger = logging.getLogger(__name__)


class Pipeline:
    """Extracts reports from articles.

    gazetteer (Path | None): gazetteer file; the default location when None.
    use_ner (bool): also run spaCy's NER on trigger sentences, so that place names it tags
        are tried in the gazetteer too. Off by default: on the dev evaluation it changed event
        F1 by less than half a point while costing 40 % of the run time (bench/extract.py).
    batch_size (int): articles per ``nlp.pipe`` batch in :meth:`extract_many`.
    """

    def __init__(
        self, *, gazetteer: Path | None = None, use_ner: bool = False, batch_size: int = 32
    ) -> None:
        self.gazetteer_path = gazetteer
        self.use_ner = use_ner
        self.batch_size = batch_size
        self._gazetteer: Gazetteer | None = None
        self._coders: dict[str, ArticleCoder] = {}

    def initialize(self) -> None:
        """Open the gazetteer and load the coders (and models) of both languages."""
        for language in SUPPORTED_LANGUAGES:
            self._coder(language)

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, opened (and built if missing) on first use."""
        if self._gazetteer is None:
            from strife.geo.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.open(self.gazetteer_path)
        return self._gazetteer

    def _coder(self, language: str) -> ArticleCoder:
        coder = self._coders.get(language)
        if coder is None:
            from strife.code.coder import ArticleCoder

            stopwords = data_text(language, "stopwords.txt").split()
            coder = ArticleCoder(language, self.gazetteer, stopwords)
            if self.use_ner:
                from strife.parse.nlp import load_model

                load_model(language)
            self._coders[language] = coder
        return coder

    def extract(self, article: Article) -> Extraction:
        """Reports of one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Reports of many articles, in order; trigger sentences are parsed in batches."""
        iterator = iter(articles)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._batch(batch)

    def _batch(self, articles: list[Article]) -> list[Extraction]:
        from strife.code.coder import year_in_text

        results: list[Extraction] = []
        work: list[tuple[Extraction, ArticleCoder, list]] = []
        for article in articles:
            extraction, coder = self._prepare(article)
            results.append(extraction)
            if coder is not None:
                work.append((extraction, coder, coder.candidate_sentences(article.text)))
        names = self._ner_names(work)
        for (extraction, coder, sentences), extra in zip(work, names, strict=True):
            article = extraction.article
            published = article.published
            year = year_in_text(article.text) if published is None else None
            infos: list[SentenceInfo] = [
                coder.analyse(s, published, e, year=year)
                for s, e in zip(sentences, extra, strict=True)
            ]
            extraction.reports = coder.code(article, infos, published=published)
            for number, report in enumerate(extraction.reports, start=1):
                report.id = f"{article.id}-{number}"
            if published is None and extraction.reports:
                extraction.warnings.append(
                    "no published date: relative dates are left unresolved (use --published)"
                )
        return results

    def _prepare(self, article: Article) -> tuple[Extraction, ArticleCoder | None]:
        language = (
            article.language or detect_language(article.text) or likely_language(article.text)
        )
        extraction = Extraction(article=article, language=language)
        if language not in SUPPORTED_LANGUAGES:
            name = language_name(language)
            extraction.warnings.append(
                f"the text looks like {name} ({language}); Strife codes English and French"
            )
            return extraction, None
        return extraction, self._coder(language)

    def _ner_names(self, work: list) -> list[list[list[tuple[int, int]]]]:
        """Per article, per trigger sentence: spans of places spaCy's NER found."""
        if not self.use_ner:
            return [[[] for _ in sentences] for _, _, sentences in work]
        from strife.parse.nlp import PLACE_LABELS, load_model

        out: list[list[list[tuple[int, int]]]] = [[] for _ in work]
        for language in SUPPORTED_LANGUAGES:
            idx = [i for i, (_, coder, _) in enumerate(work) if coder.language == language]
            texts = [s.text for i in idx for s in work[i][2]]
            if not texts:
                continue
            docs = iter(load_model(language).pipe(texts, batch_size=64))
            for i in idx:
                for sentence in work[i][2]:
                    doc = next(docs)
                    out[i].append(
                        [
                            (sentence.start + e.start_char, sentence.start + e.end_char)
                            for e in doc.ents
                            if e.label_ in PLACE_LABELS
                        ]
                    )
        return out


def extract(
    text: str, *, published: date | str | None = None, language: str | None = None
) -> Extraction:
    """Extract the events of one text with a default pipeline (models load on first call)."""
    article = Article(text=text, published=published, language=language)  # type: ignore[arg-type]
    return _default().extract(article)


_DEFAULT: list[Pipeline] = []


def _default() -> Pipeline:
    if not _DEFAULT:
        _DEFAULT.append(Pipeline())
    return _DEFAULT[0]
