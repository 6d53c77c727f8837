"""``strife watch``: poll RSS/Atom feeds and store the articles of new entries."""

from strife.watch.config import FeedConfig, WatchConfig, load_config, parse_config
from strife.watch.poller import FeedState, FeedStatus, Sink, Watcher

__all__ = [
    "FeedConfig",
    "FeedState",
    "FeedStatus",
    "Sink",
    "WatchConfig",
    "Watcher",
    "load_config",
    "parse_config",
]
