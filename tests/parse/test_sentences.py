from __future__ import annotations

from strife.parse.sentences import split_sentences


def test_offsets_point_into_the_text() -> None:
    text = "Gen. Diallo said ten soldiers died. Gunmen fled.\nNew paragraph here"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. Diallo said ten soldiers died.",
        "Gunmen fled.",
        "New paragraph here",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_french_quotes_and_lowercase_continuations() -> None:
    text = "« Ils sont venus à moto », a dit un témoin. Le bilan est lourd."
    assert len(split_sentences(text)) == 2


def test_empty_text() -> None:
    assert split_sentences("   \n ") == []
