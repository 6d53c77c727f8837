"""FEEDS.yaml: which feeds ``strife watch`` polls, and how often.

::

    interval: 900            # seconds between polls of a feed (default 900)
    feeds:
      - url: https://example.org/world/rss.xml
        outlet: Sahel Wire   # optional; otherwise the page's site name or the feed's title
        language: fr         # optional, en or fr; otherwise the feed's or detection
        interval: 300        # optional; this feed's own interval

Every mistake is reported with the file, the line and the field (``feeds[2].language``), and
unknown keys are mistakes too: a misspelt ``intervall`` silently ignored would poll at the
wrong rate for months.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from strife.errors import ConfigError

DEFAULT_INTERVAL = 900
LANGUAGES = ("en", "fr")

_TOP_KEYS = ("interval", "feeds")
_FEED_KEYS = ("url", "outlet", "language", "interval")


@dataclass(frozen=True)
class FeedConfig:
    """One feed to poll; ``interval`` is already resolved against the file's default."""

    url: str
    interval: int
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class WatchConfig:
    interval: int
    feeds: tuple[FeedConfig, ...]


def load_config(path: str | Path) -> WatchConfig:
    """Read and check a FEEDS.yaml file.

    RAISES (ConfigError): the file cannot be read or is invalid; the message names the line.
    """
    name = str(path)
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{name} not found; write a FEEDS.yaml listing the feeds to watch"
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{name} is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{name} cannot be read: {exc.strerror or exc}") from None
    return parse_config(text, name=name)


def parse_config(text: str, *, name: str = "FEEDS.yaml") -> WatchConfig:
    """Check the text of a FEEDS.yaml file (see the module docstring for its keys).

    RAISES (ConfigError): the text is invalid; the message names the line and field.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{name}{where}: not valid YAML ({problem})") from None
    if root is None:
        raise ConfigError(f"{name} is empty; it needs a 'feeds:' list of feeds to watch")
    reader = _Reader(name)
    top = reader.mapping(root, "the file", _TOP_KEYS)
    interval = DEFAULT_INTERVAL
    if "interval" in top:
        interval = reader.interval(top["interval"], "interval")
    if "feeds" not in top:
        raise ConfigError(f"{name}: no 'feeds:' list; add the feeds to watch")
    feeds_node = top["feeds"]
    if not isinstance(feeds_node, yaml.SequenceNode) or not feeds_node.value:
        raise reader.error(feeds_node, "feeds must be a list of feeds (each with a url:)")

    feeds: list[FeedConfig] = []
    lines: dict[str, int] = {}
    for index, node in enumerate(feeds_node.value, start=1):
        field = f"feeds[{index}]"
        keys = reader.mapping(node, field, _FEED_KEYS)
        if "url" not in keys:
            raise reader.error(node, f"{field} has no url")
        url = reader.url(keys["url"], f"{field}.url")
        if url in lines:
            raise reader.error(
                keys["url"], f"{field}.url repeats the feed of line {lines[url]} ({url})"
            )
        lines[url] = keys["url"].start_mark.line + 1
        language = None
        if "language" in keys:
            language = reader.string(keys["language"], f"{field}.language").lower()
            if language not in LANGUAGES:
                raise reader.error(
                    keys["language"], f"{field}.language must be en or fr, not {language!r}"
                )
        feeds.append(
            FeedConfig(
                url=url,
                interval=(
                    reader.interval(keys["interval"], f"{field}.interval")
                    if "interval" in keys
                    else interval
                ),
                outlet=reader.string(keys["outlet"], f"{field}.outlet")
                if "outlet" in keys
                else None,
                language=language,
            )
        )
    return WatchConfig(interval=interval, feeds=tuple(feeds))


class _Reader:
    """Typed values out of YAML nodes, with errors that point at the node's line."""

    def __init__(self, name: str) -> None:
        self.name = name

    def error(self, node: yaml.Node, message: str) -> ConfigError:
        return ConfigError(f"{self.name}, line {node.start_mark.line + 1}: {message}")

    def mapping(
        self, node: yaml.Node, field: str, allowed: tuple[str, ...]
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{field} must be a mapping of {', '.join(allowed)}")
        values: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in allowed:
                raise self.error(
                    key_node, f"unknown key {key!r} {_where(field)} (known: {', '.join(allowed)})"
                )
            if key in values:
                raise self.error(key_node, f"{key!r} is given twice {_where(field)}")
            values[key] = value_node
        return values

    def string(self, node: yaml.Node, field: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            raise self.error(node, f"{field} must be a text value")
        if not node.value.strip():
            raise self.error(node, f"{field} is empty")
        return str(node.value).strip()

    def interval(self, node: yaml.Node, field: str) -> int:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        if node.tag != "tag:yaml.org,2002:int" or not isinstance(value, str):
            raise self.error(node, f"{field} must be a whole number of seconds, not {value!r}")
        # The YAML 1.1 forms (0x1f, 0o17, 1_000) as the loader reads them.
        seconds = int(yaml.safe_load(value))
        if seconds < 1:
            raise self.error(node, f"{field} must be at least 1 second, not {seconds}")
        return seconds

    def url(self, node: yaml.Node, field: str) -> str:
        url = self.string(node, field)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise self.error(node, f"{field} must be an http:// or https:// URL, not {url!r}")
        return url


def _where(field: str) -> str:
    return "at the top" if field == "the file" else f"in {field}"
