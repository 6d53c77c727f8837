"""Read the packaged data files (``strife/data``), validated and cached.

Domain knowledge lives in these files, not in code (DESIGN.md; STYLE.md "Language and domain
data as reviewed files"). Loading is lazy: nothing is read at import time.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from strife.errors import DataError

SUPPORTED_LANGUAGES = ("en", "fr")


def data_text(*parts: str) -> str:
    """The text of a packaged data file, e.g. ``data_text("en", "triggers.yaml")``."""
    resource = files("strife").joinpath("data", *parts)
    try:
        return resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"packaged data file data/{'/'.join(parts)} is missing") from exc


def parse_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's C parser when PyYAML has it: the data files (the country
    list above all) take a tenth of the time to read."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_yaml(*parts: str) -> dict[str, Any]:
    """A packaged YAML mapping; raises DataError naming the file when it is malformed."""
    name = "/".join(parts)
    try:
        value = parse_yaml(data_text(*parts))
    except yaml.YAMLError as exc:
        raise DataError(f"data/{name} is not valid YAML: {exc}") from exc
    if not isinstance(value, dict):
        raise DataError(f"data/{name} must hold a mapping at the top level")
    return value


def language_yaml(language: str, name: str) -> dict[str, Any]:
    """One of the per-language files (``data/<lang>/<name>.yaml``)."""
    if language not in SUPPORTED_LANGUAGES:
        raise DataError(f"no {name} data for language {language!r}")
    return load_yaml(language, f"{name}.yaml")


def compile_alternation(patterns: list[str], *, name: str) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``patterns`` as whole words.

    Longest patterns go first so "suicide car bomb" wins over "car bomb".
    """
    ordered = sorted(patterns, key=len, reverse=True)
    try:
        return re.compile(
            r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?![\w])",
            re.IGNORECASE,
        )
    except re.error as exc:
        raise DataError(f"bad pattern in {name}: {exc}") from exc
