"""FEEDS.yaml: defaults, per-feed settings, and errors that name the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.errors import ConfigError
from strife.watch.config import DEFAULT_INTERVAL, FeedConfig, load_config, parse_config


def test_defaults_and_per_feed_settings(tmp_path: Path) -> None:
    path = tmp_path / "FEEDS.yaml"
    path.write_text(
        "feeds:\n"
        "  - url: https://sahelwire.test/rss.xml\n"
        "  - url: https://lefil.test/atom.xml\n"
        "    outlet: Le Fil Sahel\n"
        "    language: FR\n"
        "    interval: 300\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.interval == DEFAULT_INTERVAL == 900
    assert config.feeds == (
        FeedConfig(url="https://sahelwire.test/rss.xml", interval=900),
        FeedConfig(
            url="https://lefil.test/atom.xml", interval=300, outlet="Le Fil Sahel", language="fr"
        ),
    )


def test_the_file_interval_is_every_feed_default() -> None:
    config = parse_config("interval: 1_200\nfeeds:\n  - url: http://a.test/f\n")
    assert config.interval == 1200
    assert config.feeds[0].interval == 1200


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "FEEDS.yaml is empty"),
        ("interval: 60\n", "no 'feeds:' list"),
        ("feeds: []\n", "line 1: feeds must be a list"),
        (
            "feeds:\n  - url: http://a.test/f\n    intervall: 60\n",
            "line 3: unknown key 'intervall' in feeds[1]",
        ),
        ("feeds:\n  - outlet: X\n", "line 2: feeds[1] has no url"),
        (
            "feeds:\n  - url: ftp://a.test/f\n",
            "line 2: feeds[1].url must be an http:// or https:// URL",
        ),
        (
            "feeds:\n  - url: http://a.test/f\n  - url: http://b.test/f\n    language: de\n",
            "line 4: feeds[2].language must be en or fr, not 'de'",
        ),
        (
            "feeds:\n  - url: http://a.test/f\n    interval: soon\n",
            "line 3: feeds[1].interval must be a whole number of seconds",
        ),
        (
            "interval: 0\nfeeds:\n  - url: http://a.test/f\n",
            "line 1: interval must be at least 1 second",
        ),
        (
            "interval: '60'\nfeeds:\n  - url: http://a.test/f\n",
            "line 1: interval must be a whole number",
        ),
        (
            "feeds:\n  - url: http://a.test/f\n  - url: http://a.test/f\n",
            "line 3: feeds[2].url repeats the feed of line 2",
        ),
        ("feeds:\n  - http://a.test/f\n", "line 2: feeds[1] must be a mapping"),
        ("feeds:\n  - url: [1, 2]\n", "line 2: feeds[1].url must be a text value"),
        ("feeds:\n  - url: http://a.test/f\n    outlet: ''\n", "line 3: feeds[1].outlet is empty"),
        ("feeds:\n  - url: http://a.test/f\n url: x\n", "line 3: not valid YAML"),
        ("- a\n- b\n", "line 1: the file must be a mapping"),
        (
            "feeds:\n  - url: http://a.test/f\n    url: http://b.test/f\n",
            "line 3: 'url' is given twice in feeds[1]",
        ),
    ],
)
def test_errors_name_the_line_and_field(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"FEEDS\.yaml not found; write a FEEDS\.yaml"):
        load_config(tmp_path / "FEEDS.yaml")
