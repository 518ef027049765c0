"""Text normalisation: idempotent forms, Devanagari folding, tokens with offsets, language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.text import (
    ascii_digits,
    detect_language,
    fold_devanagari,
    is_devanagari,
    normalise,
    tokenize,
)

# Devanagari block (letters, signs, digits, danda), Latin, digits and punctuation, mixed.
DEVANAGARI_BLOCK = [chr(c) for c in range(0x0900, 0x0980)]
MIXED = st.text(
    alphabet=st.sampled_from(
        DEVANAGARI_BLOCK
        + list("abcxyzABCXYZ0123456789")
        + list(" \t\n.,;:-–—'’\"“”‘!?()%$₹/।॥")
        + ["\u093c", "\u0901", "\u0902", "\u094d", "\u200c", "\u200d", "ß", "İ", "é"]
    ),
    max_size=80,
)
ANY_TEXT = MIXED | st.text(max_size=80)


@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_fold_devanagari_is_idempotent(text: str) -> None:
    once = fold_devanagari(text)
    assert fold_devanagari(once) == once
    assert "\u093c" not in once and "\u0901" not in once


@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_tokens_slice_the_text(text: str) -> None:
    tokens = tokenize(text)
    for tok in tokens:
        assert tok.text and text[tok.start : tok.end] == tok.text
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_normalised_text_has_no_danda_or_double_space(text: str) -> None:
    out = normalise(text)
    assert "।" not in out and "॥" not in out
    assert "  " not in out and out == out.strip()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ज़िक्र", "जिक्र"),  # precomposed ज़ (U+095B)
        ("ज\u093cिक्र", "जिक्र"),  # ज + combining nukta
        ("पाँच", "पांच"),  # chandrabindu -> anusvara
        ("हज़ार", "हजार"),
        ("करोड़", "करोड"),
        ("फ़ीसदी", "फीसदी"),
    ],
)
def test_fold_devanagari_joins_spelling_variants(a: str, b: str) -> None:
    assert fold_devanagari(a) == fold_devanagari(b)
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello, World!", "hello world"),
        ("भारत ने कहा।चीन ने माना॥", "भारत ने कहा चीन ने माना"),
        ("S-400 और एसयू-30 एमकेआई", "s-400 और एसयू-30 एमकेआई"),
        ("$5.43bn, 12%.", "$5.43bn 12%"),
        ("1,50,000 और 150,000", "150000 और 150000"),
        ("२६ लोग", "26 लोग"),
        ("“कायराना और भयावह”", "कायराना और भयावह"),
        ("-- end. ...", "end"),
        ("U.S.-China", "u.s china"),
    ],
)
def test_normalise_examples(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("राजनाथ सिंह ने कहा", ["राजनाथ", "सिंह", "ने", "कहा"]),
        ("एस-400 और एसयू-30 एमकेआई", ["एस-400", "और", "एसयू-30", "एमकेआई"]),
        ("२६-वर्षीय युवक", ["२६-वर्षीय", "युवक"]),  # digits glued to a Devanagari word
        ("भारत,चीन और रूस", ["भारत", "चीन", "और", "रूस"]),
        ("पहलगाम।भारत", ["पहलगाम", "भारत"]),
        ("$5.43bn, 12%.", ["$5.43bn", "12%"]),
        ("1,50,000 people", ["1,50,000", "people"]),
        ("don't stop the U.S. now", ["don't", "stop", "the", "U.S", "now"]),
        ("26-year-old", ["26-year-old"]),
        ("Rs. 5,000", ["Rs", "5,000"]),
    ],
)
def test_tokenize_examples(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "चीन के किंगदाओ में रक्षा मंत्रियों की बैठक हुई।",
        "राजनाथ सिंह ने SCO बैठक में एस-400 की डिलीवरी पर बात की।",
        "असम में बाढ़ से 38 लोगों की मौत हो गई है।",
        "इसरो ने PSLV-C61 से नौ उपग्रह भेजे।",
    ],
)
def test_detect_language_hindi(text: str) -> None:
    assert detect_language(text) == "hi"
    assert is_devanagari(text)


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Rajnath Singh met his Russian counterpart in Qingdao.",
        "The state budget of Rs 3.2 lakh crore was presented on Wednesday.",
        "Twenty-six ships were waiting at anchor outside the harbour.",
        "He said: “नमस्ते” and left the hall after the meeting ended.",
        "12,345 67.8%",
        "",
    ],
)
def test_detect_language_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_ascii_digits() -> None:
    assert ascii_digits("२०२५ में १२ लोग") == "2025 में 12 लोग"
