from __future__ import annotations

from strife.merge.sources import outlet_name
from strife.models import Article


def test_a_listed_outlet_is_named_from_its_url() -> None:
    article = Article(text="x", url="https://www.reuters.com/world/africa/x")
    assert outlet_name(article) == "Reuters"


def test_an_unlisted_host_names_itself_and_the_metadata_wins() -> None:
    assert outlet_name(Article(text="x", url="https://www.example-news.ml/a")) == "example-news.ml"
    assert outlet_name(Article(text="x", url="https://www.reuters.com/a", outlet="Wire")) == "Wire"
    assert outlet_name(Article(text="x")) is None
