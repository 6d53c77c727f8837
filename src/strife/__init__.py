"""Strife: conflict news in, geocoded, source-attributed ACLED-style events out.

>>> import strife
>>> extraction = strife.extract("Gunmen killed 12 villagers in Djibo on Sunday.", published="2025-06-02")
"""

from __future__ import annotations

from strife.errors import (
    ConfigError,
    DataError,
    GazetteerError,
    InputError,
    StrifeError,
    UnsupportedLanguage,
)
from strife.models import Article, Claim, Extraction, Report, Span
from strife.pipeline import Pipeline, extract
from strife.version import __version__

__all__ = [
    "Article",
    "Claim",
    "ConfigError",
    "DataError",
    "Extraction",
    "GazetteerError",
    "InputError",
    "Pipeline",
    "Report",
    "Span",
    "StrifeError",
    "UnsupportedLanguage",
    "__version__",
    "extract",
]
