"""RSS and Atom feeds: entries, articles from saved feeds, sniffing, and errors for non-feeds.

The feeds are invented (tests/fixtures/feeds): an English RSS 2.0 feed and a French Atom feed.
"""

from __future__ import annotations

import codecs
import time
from datetime import date
from pathlib import Path

import pytest

from strife.errors import InputError
from strife.parse.feeds import MIN_ARTICLE_CHARS, articles_from_feed, is_feed, parse_feed

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
RSS = (FEEDS / "sahel-wire.rss").read_bytes()
ATOM = (FEEDS / "le-fil.atom").read_bytes()

RSS_091 = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old Wire</title><link>http://old.test/</link>
<description>d</description><language>fr</language>
<item><title>Attaque \xe0 Dori</title><link>http://old.test/dori</link>
<description>Des hommes arm\xe9s ont attaqu\xe9 Dori.</description></item>
</channel></rss>"""

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://rdf.test/"><title>RDF Wire</title><link>http://rdf.test/</link>
<description>d</description></channel>
<item rdf:about="http://rdf.test/1"><title>Raid on Djibo</title><link>http://rdf.test/1</link>
<description>Gunmen raided Djibo.</description><dc:date>2025-05-30T18:00:00-04:00</dc:date></item>
</rdf:RDF>"""


def test_rss_entries() -> None:
    feed = parse_feed(RSS, url="https://sahelwire.test/rss.xml")
    assert (feed.title, feed.language) == ("Sahel Wire - World", "en")
    dioura, menaka, gao = feed.entries
    assert dioura.url == "https://sahelwire.test/news/dioura-attack"
    assert dioura.id == "sahelwire-1001"
    assert dioura.key == dioura.url
    assert dioura.title == "Gunmen kill 12 civilians in central Mali village"
    # 22:30 at UTC-5 on 1 June is 2 June in UTC; the outlet's day is the one that counts.
    assert dioura.published == date(2025, 6, 1)
    # content:encoded, longer than the description, is the text; paragraphs stay lines.
    assert dioura.text.startswith("Unidentified gunmen attacked the village of Dioura")
    assert dioura.text.count("\n") == 2
    assert menaka.text == "Soldiers clashed with militants near Menaka on Friday, the army said."
    assert gao.title == "Convoy ambushed on the Gao road"  # HTML in a title is stripped too


def test_hostile_html_in_entries_is_stripped() -> None:
    gao = parse_feed(RSS).entries[2]
    assert gao.text.startswith("A supply convoy was ambushed")
    assert gao.text.endswith("set up by armed groups along the road.")
    for hostile in ("SCRIPT-IN-FEED", "document.cookie", "alert", "steal", "IFRAME-TEXT"):
        assert hostile not in gao.text
    for markup in ("COMMENT-TEXT", "color:red", "<", ">", "onerror"):
        assert markup not in gao.text


def test_atom_entries() -> None:
    feed = parse_feed(ATOM, url="https://lefil.test/atom.xml")
    assert (feed.title, feed.language) == ("Le Fil Sahel", "fr")
    tessit, niamey = feed.entries
    assert tessit.url == "https://lefil.test/actualites/tessit-embuscade"  # relative link resolved
    assert tessit.id == "urn:uuid:5c2e1f9a-0000-4000-8000-000000000101"
    assert tessit.published == date(2025, 6, 2)  # published wins over updated
    assert tessit.language == "fr"
    assert "tuant au moins neuf soldats" in tessit.text
    assert "&lt;" not in tessit.text and "<p>" not in tessit.text
    assert niamey.published == date(2025, 6, 3)  # only <updated>: used
    assert niamey.text == "Des centaines de personnes ont manifesté à Niamey."


def test_rss_091_and_rss_10() -> None:
    old = parse_feed(RSS_091)
    assert old.language == "fr"
    assert [(e.title, e.text) for e in old.entries] == [
        ("Attaque à Dori", "Des hommes armés ont attaqué Dori.")  # Latin-1 declared and honoured
    ]
    rdf = parse_feed(RSS_10)
    (entry,) = rdf.entries
    assert (entry.url, entry.title, entry.published) == (
        "http://rdf.test/1",
        "Raid on Djibo",
        date(2025, 5, 30),
    )


def test_an_entry_without_link_is_keyed_by_guid_then_by_its_words() -> None:
    feed = parse_feed(
        b'<rss version="2.0"><channel><title>T</title>'
        b'<item><guid isPermaLink="false">g-1</guid><description>One.</description></item>'
        b"<item><description>Two.</description></item>"
        b"<item><description>Three.</description></item></channel></rss>"
    )
    first, second, third = feed.entries
    assert (first.url, first.key) == (None, "g-1")
    assert second.key.startswith("a-") and second.key != third.key


def test_articles_from_a_saved_feed_skip_and_count_teasers() -> None:
    articles = articles_from_feed(RSS, outlet=None)
    assert [a.url for a in articles] == [
        "https://sahelwire.test/news/dioura-attack",
        "https://sahelwire.test/news/gao-ambush",
    ]
    assert articles.skipped == 1  # Menaka: a one-line teaser
    dioura = articles[0]
    assert dioura.outlet == "Sahel Wire - World"
    assert dioura.title == "Gunmen kill 12 civilians in central Mali village"
    assert dioura.published == date(2025, 6, 1)
    assert dioura.language == "en"
    assert dioura.id.startswith("a-")
    assert all(len(a.text) >= MIN_ARTICLE_CHARS for a in articles)

    french = articles_from_feed(ATOM, outlet="Le Fil")
    assert ([a.outlet for a in french], [a.language for a in french], french.skipped) == (
        ["Le Fil"],
        ["fr"],
        1,
    )


def test_is_feed() -> None:
    assert is_feed(RSS) and is_feed(ATOM) and is_feed(RSS_091) and is_feed(RSS_10)
    assert is_feed(codecs.BOM_UTF8 + b"\n  <rss version='2.0'/>")
    assert is_feed(
        "<?xml version='1.0' encoding='utf-16'?><feed xmlns='http://www.w3.org/2005/Atom'/>".encode(
            "utf-16"
        )
    )
    assert is_feed(b"<?xml-stylesheet href='s.xsl'?><!-- c --><rss version='2.0'/>")
    for data in (
        b"",
        b"<!DOCTYPE html><html><head><title>RSS</title></head><body><rss></rss></body></html>",
        b"<feed><entry/></feed>",  # no Atom namespace
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',  # RDF, not RSS
        b"<?xml version='1.0'?><sitemap/>",
        b"<!-- never closed",
        b"plain text about an rss feed",
        b"%PDF-1.7 <rss>",
    ):
        assert not is_feed(data), data


def test_is_feed_is_cheap_on_huge_inputs() -> None:
    start = time.perf_counter()
    assert not is_feed(b" " * 5_000_000 + b"<rss/>")
    assert not is_feed(b"<!--" * 1_000_000)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the input is empty, not an RSS or Atom feed"),
        (b"  \n", "the input is empty"),
        (b"\x00\x01\x02garbage\xff", "the input is not an RSS or Atom feed (it starts with"),
        (b"<!DOCTYPE html><html><body><p>News</p></body></html>", "not an RSS or Atom feed"),
        (b'{"items": []}', "not an RSS or Atom feed"),
        (b'<rss version="2.0"><channel><item><title>cut', "malformed feed with no readable entry"),
    ],
)
def test_what_is_not_a_feed_is_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_feed(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bytes_are_never_taken_for_a_file_name(tmp_path: Path) -> None:
    # Handed bytes or str, feedparser opens a file of that name; the feed in it must stay unread.
    saved = tmp_path / "saved.rss"
    saved.write_bytes(RSS)
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        parse_feed(str(saved).encode())
    assert not is_feed(str(saved).encode())


def test_errors_name_the_feed() -> None:
    with pytest.raises(InputError, match=r"^https://x\.test/feed is not an RSS or Atom feed"):
        articles_from_feed(b"<html></html>", outlet=None, url="https://x.test/feed")


def test_a_well_formed_empty_feed_has_no_entries() -> None:
    feed = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert feed.entries == ()
    assert articles_from_feed(b'<rss version="2.0"><channel/></rss>', outlet=None) == []
