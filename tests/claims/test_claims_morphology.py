"""Morphology: the Apertium stream read into words with offsets, and the grammar it gives
check-worthiness (finite verbs, hedges, names the dictionary lacks)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract_claims, score_text
from claims.model import ClaimClass
from claims.morphology import NoMorphology, Reading, align, escape, parse_stream
from satyapan.apertium import ApertiumMorphology

APERTIUM = ApertiumMorphology()
needs_apertium = pytest.mark.skipif(
    APERTIUM.languages != {"hi", "en"}, reason="Apertium is not installed"
)


def test_parse_stream_reads_units_readings_and_unknown_words() -> None:
    stream = "^कहा/कह<vblex><tv><perf><m><sg>$ ^राजनाथ/*राजनाथ$ ^मुलाकात की/मुलाकात कर<vblex><perf>$"
    units = parse_stream(stream)
    assert units == [
        ("कहा", (Reading("कह", ("vblex", "tv", "perf", "m", "sg")),)),
        ("राजनाथ", ()),
        ("मुलाकात की", (Reading("मुलाकात कर", ("vblex", "perf")),)),
    ]


def test_a_multiwords_particle_after_its_tags_belongs_to_the_lemma() -> None:
    # Apertium writes "take on" as take<vblex><pres># on: the tags stay tags (a finite verb).
    assert parse_stream("^take on/take<vblex><pres># on$") == [
        ("take on", (Reading("take on", ("vblex", "pres")),)),
    ]


@needs_apertium
def test_a_phrasal_verb_is_read_as_a_finite_verb() -> None:
    words = APERTIUM.analyse(["Karnataka take on Saurashtra"], "en")[0]
    assert [w.text for w in words if w.is_finite_verb] == ["take on"]


def test_parse_stream_unescapes_reserved_characters() -> None:
    assert parse_stream(r"^a\/b/a\/b<n>$ ^\$/\$<mon>$") == [
        ("a/b", (Reading("a/b", ("n",)),)),
        ("$", (Reading("$", ("mon",)),)),
    ]


def test_escape_protects_every_reserved_character_and_drops_nul() -> None:
    assert escape("a^b$c/d\\e@f<g>h{i}j[k]l\0m") == (
        "a\\^b\\$c\\/d\\\\e\\@f\\<g\\>h\\{i\\}j\\[k\\]l m"
    )


def test_align_gives_offsets_into_the_text_and_skips_what_it_cannot_find() -> None:
    text = "Peru was  admitted."
    words = align(text, [("Peru", ()), ("was", ()), ("nowhere", ()), ("admitted", ())])
    assert [(w.text, w.start, w.end) for w in words] == [
        ("Peru", 0, 4),
        ("was", 5, 8),
        ("admitted", 10, 18),
    ]
    assert all(text[w.start : w.end] == w.text for w in words)


def test_no_morphology_reads_nothing() -> None:
    assert NoMorphology().analyse(["a", "b"], "en") == [(), ()]


@needs_apertium
def test_apertium_analyses_a_batch_of_hindi_and_english() -> None:
    hi = APERTIUM.analyse(["दल बेस से निकला।", "जहाज का नाम 'सागर' रखा गया।"], "hi")
    assert len(hi) == 2
    assert [w.text for w in hi[0] if w.is_finite_verb] == ["निकला"]
    en = APERTIUM.analyse(["Peru was admitted.", "Prices could rise."], "en")
    assert [w.text for w in en[0] if w.is_finite_verb] == ["was"]
    assert [w.text for w in en[1] if w.is_hedge] == ["could"]
    assert APERTIUM.analyse(["x"], "fr") == [()]


HOSTILE = 'अबकमलन रा।ि्ं$^/\\@<>[]{}\0\n 12.,?"“”'


@needs_apertium
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('अबकमलन रा।ि्ं$^/\\@<>[]{}\0\n 12.,?"“”')), max_size=80))
def test_apertium_never_raises_and_offsets_slice_the_text(text: str) -> None:
    for words in APERTIUM.analyse([text, text], "hi") + APERTIUM.analyse([text], "en"):
        for w in words:
            assert text[w.start : w.end] == w.text


# Sentences of the kinds a glossary-gated scorer dropped (issue 8): concrete facts whose verb
# no word list names, and views, hedges and questions that are not claims.
FACTS = [
    "The rover touched down near the Shiva Shakti crater at 6:04 pm on Wednesday.",
    "Peru was admitted as a full member of the grouping.",
    "President Alvarez did not attend the summit in Lima.",
    "Chile took over the chair of the forum for next year.",
    "जहाज का नाम 'सागर' रखा गया और उसे विशाखापत्तनम में उतारा गया।",
    "दल सुबह 9:10 बजे बेस से निकला।",
    "उनकी टीम में अमेरिका की जेन मॉरिस, पोलैंड के मारेक नोवाक और हंगरी के पीटर साबो शामिल थे।",
]
VIEWS = [
    "Analysts expect the grouping to grow to ten members within five years.",
    "Could this be the start of a permanent Indian presence on the Moon?",
    "क्या सरकार इस हादसे से कोई सबक लेगी?",
    "विशेषज्ञों का मानना है कि 2030 तक यह संख्या दोगुनी हो सकती है।",
    "It could take years to rebuild trust between the two sides.",
]


@needs_apertium
@pytest.mark.parametrize("sentence", FACTS)
def test_a_finite_verb_with_an_anchor_is_a_claim(sentence: str) -> None:
    assert extract_claims(sentence, morphology=APERTIUM), sentence


@needs_apertium
@pytest.mark.parametrize("sentence", VIEWS)
def test_views_hedges_and_questions_are_not_claims(sentence: str) -> None:
    scored = score_text(sentence, morphology=APERTIUM)
    assert all(s.cls is not ClaimClass.CHECKWORTHY for s in scored), sentence


@needs_apertium
def test_a_named_speaker_reported_with_a_modal_is_still_a_claim() -> None:
    text = "BBMP commissioner Shashank Murthy said the civic body would challenge the order."
    assert extract_claims(text, morphology=APERTIUM)


@needs_apertium
def test_two_facts_joined_by_saath_hi_are_two_claims() -> None:
    text = "हादसे में 12 यात्रियों की मौत हो गई, साथ ही बस स्टॉप पर खड़े 3 लोग घायल हुए।"
    found = extract_claims(text, morphology=APERTIUM)
    assert [[n.value for n in c.key_facts.numbers] for c in found] == [[12.0], [3.0]]


@needs_apertium
def test_foreign_names_in_devanagari_are_found_by_the_dictionarys_gaps() -> None:
    text = "उनकी टीम में अमेरिका की जेन मॉरिस, पोलैंड के मारेक नोवाक और हंगरी के पीटर साबो शामिल थे।"
    (claim,) = [c for c in extract_claims(text, morphology=APERTIUM) if "जेन" in c.text][:1]
    names = {e.latin: e.kind for e in claim.key_facts.entities}
    assert {k: v for k, v in names.items() if v == "candidate"} == {
        "jen moris": "candidate",
        "marek novak": "candidate",
        "pitar sabo": "candidate",
    }
    assert names["usa"] == "place"


@needs_apertium
def test_a_later_clause_reads_its_own_quotes_and_hedges() -> None:
    """Words are read with offsets into their clause, as its quotation marks are: a modal
    inside a named speaker's quoted words in the second clause makes that clause the
    speaker's guess (a view), and leaves the first clause's fact a claim."""
    text = (
        "The council approved the Rs 40 crore plan on Monday, but Mayor Rekha Sharma told "
        "reporters that “prices could fall by 12 per cent next year”."
    )
    scored = score_text(text, morphology=APERTIUM)
    assert [s.clause.text[:8] for s in scored] == ["The coun", "but Mayo"]
    assert [s.cls for s in scored] == [ClaimClass.CHECKWORTHY, ClaimClass.NON_FACTUAL]


@needs_apertium
def test_the_nasal_in_either_spelling_is_known_and_a_future_verb_ends_a_clause() -> None:
    (words,) = APERTIUM.analyse(["वे बाहर नहीं जाएंगे और वे बाहर नहीं जाएँगे।"], "hi")
    assert [w.text for w in words if w.is_finite_verb] == ["जाएंगे", "जाएँगे"]
    text = (
        "अदालत ने शर्त लगाई कि वह अपना पासपोर्ट ट्रायल कोर्ट में जमा करेंगे और बिना अनुमति "
        "अलीगढ़ जिले से बाहर नहीं जाएंगे।"
    )
    found = extract_claims(text, morphology=APERTIUM, include_all=True)
    assert [c.text for c in found] == [
        "अदालत ने शर्त लगाई कि वह अपना पासपोर्ट ट्रायल कोर्ट में जमा करेंगे",
        "और बिना अनुमति अलीगढ़ जिले से बाहर नहीं जाएंगे।",
    ]


@needs_apertium
def test_a_date_marked_with_ko_is_when_not_whom() -> None:
    (claim,) = extract_claims(
        "सक्सेना को आर्थिक अपराध शाखा (ईओडब्ल्यू) ने 14 फरवरी को गिरफ्तार किया था।",
        morphology=APERTIUM,
    )
    assert claim.key_facts.part("recipient") == "सक्सेना"
    assert claim.key_facts.part("object") is None
