"""Errors raised by Strife.

Every error a user can act on is a ``StrifeError``; the CLI turns it into a one-line message
and a non-zero exit, the library never prints or exits.

    StrifeError
    ├── InputError            an article or input file cannot be read (empty, binary, too big, bad JSON)
    │   └── UnsupportedLanguage   the text is not in a language Strife codes (English, French)
    ├── ConfigError           a bad option or setting
    ├── DataError             a packaged data file (lexicon, actor dictionary) is malformed
    ├── GazetteerError        the gazetteer is missing, corrupt or cannot be built
    └── StoreError            the database cannot be opened, migrated or written
"""

from __future__ import annotations


class StrifeError(Exception):
    """Base class of every error Strife raises on purpose."""


class InputError(StrifeError):
    """An article or input file cannot be read."""


class UnsupportedLanguage(InputError):
    """The article is in a language Strife does not code."""


class ConfigError(StrifeError):
    """An option or setting is invalid."""


class DataError(StrifeError):
    """A packaged or user data file is malformed."""


class GazetteerError(StrifeError):
    """The gazetteer is missing, corrupt or cannot be built."""


class StoreError(StrifeError):
    """The event database cannot be opened, migrated or written."""
