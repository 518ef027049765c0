"""Sentence segmentation of Hindi and English news, with exact spans into the original text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.model import Sentence
from claims.segment import split_sentences

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def texts(text: str, **options: bool) -> list[str]:
    return [s.text for s in split_sentences(text, **options)]


def check_spans(text: str, sentences: list[Sentence]) -> None:
    end = 0
    for k, s in enumerate(sentences):
        assert s.index == k
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= end
        end = s.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("भारत ने कहा। चीन ने माना।", ["भारत ने कहा।", "चीन ने माना।"]),
        ("भारत ने कहा।चीन ने माना।", ["भारत ने कहा।", "चीन ने माना।"]),  # no space after ।
        ("पहला वाक्य॥ दूसरा वाक्य॥", ["पहला वाक्य॥", "दूसरा वाक्य॥"]),
        ("क्या यह सच है? हां! बिल्कुल।", ["क्या यह सच है?", "हां!", "बिल्कुल।"]),
        ("Is it true? Yes! Quite.", ["Is it true?", "Yes!", "Quite."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("बैठक हुई.भारत ने कहा.", ["बैठक हुई.", "भारत ने कहा."]),  # a point for a danda
    ],
)
def test_sentence_enders(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met Mr. Jones in the U.S. on Monday. He left.",
            ["Dr. Smith met Mr. Jones in the U.S. on Monday.", "He left."],
        ),
        (
            "The S-400 and Su-30 MKI were discussed. No. 5 squadron flew.",
            ["The S-400 and Su-30 MKI were discussed.", "No. 5 squadron flew."],
        ),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        (
            "Finance Minister R. Venkatesh Rao spoke. K. Prakash Reddy replied.",
            ["Finance Minister R. Venkatesh Rao spoke.", "K. Prakash Reddy replied."],
        ),
        (
            "Investment came from the U.S. and Japan, the minister said.",
            ["Investment came from the U.S. and Japan, the minister said."],
        ),
        (
            "Prices rose in the U.S. The next day they fell.",
            ["Prices rose in the U.S.", "The next day they fell."],
        ),
        ("Growth was 7.5 per cent. It rose.", ["Growth was 7.5 per cent.", "It rose."]),
        (
            "Commitments of $5.43bn came in. More followed.",
            ["Commitments of $5.43bn came in.", "More followed."],
        ),
        ("See e.g. this one. And i.e. that.", ["See e.g. this one.", "And i.e. that."]),
        ("U.S.-China talks ended. Next.", ["U.S.-China talks ended.", "Next."]),
        ("Visit example.com today. Now.", ["Visit example.com today.", "Now."]),
        ("Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]),
        ("Rs. 500 was paid. Done.", ["Rs. 500 was paid.", "Done."]),
    ],
)
def test_english_abbreviations_designations_decimals(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "इसरो अध्यक्ष डॉ. एस. रघुनाथन ने कहा कि यह सफल रहा। फिर वे गए।",
            ["इसरो अध्यक्ष डॉ. एस. रघुनाथन ने कहा कि यह सफल रहा।", "फिर वे गए।"],
        ),
        ("डॉ.एस.रघुनाथन ने कहा।", ["डॉ.एस.रघुनाथन ने कहा।"]),
        ("श्री. मोदी ने कहा। ठीक है।", ["श्री. मोदी ने कहा।", "ठीक है।"]),
        ("रॉकेट 44.4 मीटर ऊंचा है। यह उड़ा।", ["रॉकेट 44.4 मीटर ऊंचा है।", "यह उड़ा।"]),
        ("एक्स (पूर्व में ट्विटर) पर लिखा। फिर गए।", ["एक्स (पूर्व में ट्विटर) पर लिखा।", "फिर गए।"]),
    ],
)
def test_hindi_abbreviations_and_parentheses(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


SEED_QUOTE = "राजनाथ सिंह ने लिखा, “किंगदाओ में खुशी हुई। हमने विचार-विमर्श किया।” उन्होंने यह भी स्पष्ट किया।"


def test_two_sentence_quotation_stays_whole_with_its_speaker() -> None:
    assert texts(SEED_QUOTE) == [
        "राजनाथ सिंह ने लिखा, “किंगदाओ में खुशी हुई। हमने विचार-विमर्श किया।”",
        "उन्होंने यह भी स्पष्ट किया।",
    ]
    english = "“We have waited long enough. We will not go back,” he said. Talks failed."
    assert texts(english) == [
        "“We have waited long enough. We will not go back,” he said.",
        "Talks failed.",
    ]
    assert texts('He said "Hi there. Bye." Then left.') == [
        'He said "Hi there. Bye."',
        "Then left.",
    ]


def test_quotation_split_on_request() -> None:
    # The labelled test articles split quotations at their own sentence ends.
    assert texts(SEED_QUOTE, keep_quotes=False) == [
        "राजनाथ सिंह ने लिखा, “किंगदाओ में खुशी हुई।",
        "हमने विचार-विमर्श किया।”",
        "उन्होंने यह भी स्पष्ट किया।",
    ]


def test_quote_followed_by_lower_case_goes_on() -> None:
    assert texts("“Yes.” he said. “No.”") == ["“Yes.” he said.", "“No.”"]


def test_unbalanced_quote_does_not_swallow_the_text() -> None:
    text = "He said “this is open. And this goes on. Forever. More text here"
    assert texts(text) == [
        "He said “this is open.",
        "And this goes on.",
        "Forever.",
        "More text here",
    ]
    long_quote = "उन्होंने कहा, “" + "यह एक लंबा वाक्य है। " * 60
    assert len(split_sentences(long_quote)) == 60


def test_quote_does_not_cross_a_line_break() -> None:
    text = "उन्होंने कहा, “हम तैयार हैं।\nदूसरा पैराग्राफ। तीसरा वाक्य।”"
    assert texts(text) == ["उन्होंने कहा, “हम तैयार हैं।", "दूसरा पैराग्राफ।", "तीसरा वाक्य।”"]


def test_newlines_end_sentences() -> None:
    assert texts("line one\nline two\n\nline three") == ["line one", "line two", "line three"]
    assert texts("शीर्षक\r\nपहला वाक्य। दूसरा") == ["शीर्षक", "पहला वाक्य।", "दूसरा"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n", "।।", "... ? !", "“ ”"])
def test_empty_or_punctuation_only_text_gives_nothing(text: str) -> None:
    assert split_sentences(text) == []


def test_seed_article() -> None:
    text = (EXAMPLES / "sco-qingdao-2025.hi.txt").read_text("utf-8")
    sentences = split_sentences(text)
    check_spans(text, sentences)
    assert len(sentences) == 16  # 17 labelled sentences, one two-sentence quote kept whole
    assert sentences[0].text.startswith("चीन के किंगदाओ में")
    assert any("जिसमें 26 लोगों की जान गई थी।" in s.text for s in sentences)


def _labelled() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(ARTICLES.glob("*.labels.json")):
        name = path.name.removesuffix(".labels.json")
        source = ARTICLES / f"{name}.txt"
        out.append((name, source if source.exists() else EXAMPLES / f"{name}.txt"))
    return out


@pytest.mark.parametrize(("name", "source"), _labelled())
def test_labelled_articles_split_as_labelled(name: str, source: Path) -> None:
    text = source.read_text("utf-8")
    labels = json.loads((ARTICLES / f"{name}.labels.json").read_text("utf-8"))
    assert texts(text, keep_quotes=False) == [s["text"] for s in labels["sentences"]]
    check_spans(text, split_sentences(text))


# --- properties

SEGMENT_ALPHABET = st.sampled_from(
    list("abc XYZ 0123 डॉ एस भारत कहा ") + list("।॥?!.…\n\r“”‘’«»\"'()-,") + ["Dr.", "U.S.", " "]
)
SEGMENT_TEXT = st.lists(SEGMENT_ALPHABET, max_size=120).map("".join) | st.text(max_size=120)


@settings(max_examples=500, deadline=None)
@given(SEGMENT_TEXT, st.booleans())
def test_spans_are_exact_ordered_and_disjoint(text: str, keep_quotes: bool) -> None:
    check_spans(text, split_sentences(text, keep_quotes=keep_quotes))


@settings(max_examples=300, deadline=None)
@given(SEGMENT_TEXT)
def test_sentences_cover_every_word(text: str) -> None:
    covered = "".join(text[s.start : s.end] for s in split_sentences(text))
    assert sum(c.isalnum() for c in covered) == sum(c.isalnum() for c in text)


def test_a_megabyte_of_text_finishes() -> None:
    # Not a timing assertion: a quadratic scan over unbalanced quotes would never finish.
    rng = random.Random(7)
    pieces = ["भारत", "ने", "कहा।", "Dr.", "U.S.", "“", "”", '"', "5.43", "...", "?", "\n", "एस."]
    text = " ".join(rng.choice(pieces) for _ in range(300_000))
    assert len(text) > 1_000_000
    sentences = split_sentences(text)
    assert sentences and sentences[-1].end <= len(text)
    assert len(split_sentences("“" * 1_000_000)) == 0


def test_a_unit_of_measure_ends_a_sentence_before_a_capitalised_word() -> None:
    text = "The epicentre was at a depth of 10 km. Most of the dead were in Gunji."
    assert [s.text for s in split_sentences(text)] == [
        "The epicentre was at a depth of 10 km.",
        "Most of the dead were in Gunji.",
    ]
    assert len(split_sentences("Dr. Rao walked 5 km. to the camp.")) == 1


def test_a_straight_quote_after_a_line_break_opens_the_next_sentence() -> None:
    text = 'It ended.\n\n"The ocean must remain calm," Sahni told the session.'
    assert [s.text for s in split_sentences(text)] == [
        "It ended.",
        '"The ocean must remain calm," Sahni told the session.',
    ]
