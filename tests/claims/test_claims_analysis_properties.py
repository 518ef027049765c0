"""Properties of the whole analysis (morphology included) on every corpus sentence and on
random mixes of scripts, digits, currencies, dates and clock times."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract_claims
from claims.numbers import find_numbers
from claims.segment import split_sentences
from flows.steps import glossary_for
from satyapan.apertium import morphology

ROOT = Path(__file__).resolve().parents[2]
CORPUS_FILES = sorted(
    [
        *(ROOT / "tests" / "data").glob("*/*.txt"),
        *(ROOT / "tests").glob("eval*/*/article.txt"),
        ROOT / "examples" / "sco-qingdao-2025.hi.txt",
    ]
)
SENTENCES = [
    s.text for path in CORPUS_FILES for s in split_sentences(path.read_text(encoding="utf-8"))
]
GLOSSARY = glossary_for(None)
MORPHOLOGY = morphology()

# Pieces of hostile real-world text: money in every currency and scale, dates in every
# order, clock times in both languages, invisible and right-to-left marks, emoji, Urdu,
# HTML entities and broken markup.
PIECES = [
    "USD 5.43 billion",
    "US$ 3 mn",
    "€4bn",
    "£200 million",
    "¥500",
    "INR 450 crore",
    "Rs. 12 lakh",
    "₹2.5 करोड़",
    "2.1 बिलियन डॉलर",
    "40 मिलियन यूरो",
    "26/06/2025",
    "2025-06-26",
    "June 26th",
    "२६ जून",
    "दोपहर तीन बजे",
    "शाम साढ़े चार बजे",
    "रात 11:45 बजे",
    "5.40 am",
    "ढाई",
    "सवा दो",
    "one and a half",
    "8-10 घंटे",
    "\u200d",
    "\u200c",
    "\u00a0",
    "\u200f",
    "\u202e",
    "😀",
    "پاکستان میں ۲۶ افراد",
    "&amp; &#x926;",
    "<b>broken",
    "[x] ^$ / @ {y}",
    "\\",
    "?",
    "।",
    " ",
    "राजनाथ सिंह",
    "Jane Morris",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
def test_every_corpus_sentence_gives_spans_that_slice_the_text(picked: list[str]) -> None:
    text = " ".join(picked)
    for claim in extract_claims(text, glossary=GLOSSARY, morphology=MORPHOLOGY, include_all=True):
        start, end = claim.span
        assert text[start:end] == claim.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + SENTENCES[:40]), min_size=1, max_size=12))
def test_random_mixes_never_raise_and_spans_hold(picked: list[str]) -> None:
    text = " ".join(picked)
    if not text.strip():
        return
    try:
        found = extract_claims(text, glossary=GLOSSARY, morphology=MORPHOLOGY, include_all=True)
    except Exception as exc:  # only the documented one-line input errors are allowed
        from satyapan.errors import InputError

        assert isinstance(exc, InputError), exc
        return
    for claim in found:
        assert text[claim.span[0] : claim.span[1]] == claim.text
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text


def test_the_corpora_are_all_read() -> None:
    assert len(CORPUS_FILES) >= 30
    assert len(SENTENCES) > 400


# Text around a number that must not change it: invisible marks, other scripts, markup.
NOISE = ["\u200d", "\u200c", "\u00a0", "\u200f", "\u202e", "😀", "پاکستان میں", "&amp;",
         "<b>", "राजनाथ सिंह", "Jane Morris", "मारेक नोवाक", "—", "(", ")"]  # fmt: skip
AMOUNTS = [
    ("USD 5.43 billion", 5.43e9),
    ("€4bn", 4e9),
    ("£200 million", 2e8),
    ("¥500", 500.0),
    ("INR 450 crore", 4.5e9),
    ("Rs. 12 lakh", 1.2e6),
    ("₹2.5 करोड़", 2.5e7),
    ("2.1 बिलियन डॉलर", 2.1e9),
    ("ढाई लाख", 2.5e5),
    ("साढ़े तीन करोड़", 3.5e7),
    ("one and a half million", 1.5e6),
    ("२६", 26.0),
    ("1,240", 1240.0),
    ("12,40,000", 1.24e6),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(NOISE), max_size=3),
    st.sampled_from(AMOUNTS),
    st.lists(st.sampled_from(NOISE), max_size=3),
)
def test_every_number_round_trips_to_its_value_whatever_surrounds_it(
    before: list[str], amount: tuple[str, float], after: list[str]
) -> None:
    written, value = amount
    text = " ".join([*before, "कुल", written, "के", *after])
    found = find_numbers(text)
    assert any(abs(n.value - value) <= 1e-9 * value for n in found), (text, found)
    for n in found:
        assert text[n.start : n.end] == n.text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES + SENTENCES[:60]), max_size=10), max_size=6))
def test_coverage_preparation_never_raises_on_hostile_pages(pages: list[list[str]]) -> None:
    from claims.coverage import prepare_coverage
    from claims.model import CoverageText

    docs = [CoverageText(f"http://p.example/{i}", " ".join(p)) for i, p in enumerate(pages)]
    prepared = prepare_coverage(docs, glossary=GLOSSARY)
    assert prepared.failed == ()
    for unit in prepared.units:
        assert 0 <= unit.start <= unit.end <= len(docs[unit.doc].text)
    # each unit's term ids are the sorted distinct ids of its terms (read sentence by
    # sentence, a repeated sentence once)
    assert list(prepared.vocab) == sorted({k for u in prepared.units for k in u.keys})
    index = {t: i for i, t in enumerate(prepared.vocab)}
    assert len(prepared.indptr) == len(prepared.units) + 1
    for at, unit in enumerate(prepared.units):
        ids = prepared.term_ids[prepared.indptr[at] : prepared.indptr[at + 1]].tolist()
        assert ids == sorted({index[k] for k in unit.keys})
