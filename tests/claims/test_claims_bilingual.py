"""The bilingual lexicon: FreeDict's format read and inverted, lookups by lemma and stem, and
what it does for matching across scripts."""

from __future__ import annotations

import pytest

from claims.bilingual import Bilingual, parse_freedict
from claims.match import find_evidence
from claims.model import Claim, CoverageText
from flows.steps import glossary_for
from satyapan.apertium import morphology
from satyapan.lexicon import FREEDICT, bilingual

SAMPLE = """
00-database-info
coast /kˈəʊst/ <N>
1. समुद्र~तट
      "There is a port in the east coast."
sink /sˈɪŋk/ <V>
1. डूबना
      "Titanic sank in the Atlantic ocean."
2. धँसना
gift /ɡˈɪft/ <VT>
1. भेंट~देना
abject /ˈabdʒɛkt/ <Adj>
1. अति, बहुत~ज्यादा
abet /ɐbˈɛt/ <VT>
1. उकसाना{बुरे~काम~के~लिये}
"""


def test_parse_reads_headwords_senses_and_inverts_them() -> None:
    lex = parse_freedict(SAMPLE)
    assert lex.hindi["coast"] == frozenset({"समुद्र तट", "तट"})
    assert lex.hindi["sink"] == frozenset({"डूबना", "डूब", "धंसना", "धंस"})  # ँ folded to ं
    assert lex.hindi["gift"] == frozenset({"भेंट"})  # the noun of a light-verb compound
    assert lex.hindi["abet"] == frozenset({"उकसाना", "उकसा"})  # notes in braces dropped
    assert lex.english["तट"] == frozenset({"coast"})
    assert "abject" not in lex.hindi  # adjectives and adverbs frame facts: not read
    assert "अति" not in lex.english


def test_lookups_go_through_lemmas_and_stems() -> None:
    lex = parse_freedict(SAMPLE)
    assert lex.keys_for("sank") == frozenset({"dubna", "dub", "dhansana", "dhans"})  # sink
    assert lex.keys_for("coasts") == frozenset({"tat"})  # multiword forms are not keys
    assert lex.keys_for("डूबा") == frozenset({"sink"})  # डूबा -> डूब
    assert lex.keys_for("तटों") == frozenset({"coast"})
    assert lex.keys_for("unknownword") == frozenset()
    assert lex.base_keys("sank") == frozenset({"sank", "sink"})
    assert "navik" in lex.base_keys("नाविकों")


def test_an_empty_lexicon_is_false_and_finds_nothing() -> None:
    lex = Bilingual()
    assert not lex
    assert lex.keys_for("coast") == frozenset()


installed = pytest.mark.skipif(not FREEDICT.exists(), reason="dict-freedict-eng-hin missing")


@installed
def test_the_installed_dictionary_is_read() -> None:
    lex = bilingual()
    assert len(lex.hindi) > 10_000
    assert "coast" in lex.keys_for("तट")


@installed
def test_a_hindi_claim_without_names_or_numbers_finds_english_support() -> None:
    """Issue 8, case 5: "गुजरात तट के पास अरब सागर में" and "in the Arabian Sea off the
    Gujarat coast" share no spelling but the place name."""
    from claims.extract import extract_claims

    gloss = glossary_for(None)
    (claim,) = extract_claims(
        "मालवाहक जहाज गुरुवार सुबह गुजरात तट के पास समुद्र में डूब गया।",
        glossary=gloss,
        morphology=morphology(),
    )
    docs = [
        CoverageText(
            "http://a.example/1",
            "A cargo ship sank in the sea off the Gujarat coast on Thursday morning.",
            language="en",
        ),
        CoverageText(
            "http://b.example/2",
            "Gujarat will host a kite festival on Thursday morning by the sea.",
            language="en",
        ),
    ]
    found = find_evidence([claim], docs, glossary=gloss, anchors=[])
    assert [(e.doc_key, e.stance.value) for e in found] == [("http://a.example/1", "supports")]
    # The lexicon's links are what the quote's highlight reaches: coast, sank.
    quote = found[0].quote
    assert "coast" in quote[found[0].highlight[0] : found[0].highlight[1]]


def test_claims_carry_their_counted_words_in_both_languages() -> None:
    from claims.extract import extract_claims

    if not FREEDICT.exists():
        pytest.skip("dict-freedict-eng-hin missing")
    gloss = glossary_for(None)
    (claim,) = extract_claims("जहाज पर चालक दल के 22 सदस्य सवार थे।", glossary=gloss)
    (number,) = claim.key_facts.numbers
    assert "member" in number.counts_keys
    assert isinstance(claim, Claim)


@installed
def test_another_count_of_the_same_thing_across_languages_contradicts() -> None:
    from claims.extract import extract_claims
    from claims.model import Stance

    gloss = glossary_for(None)
    (claim,) = extract_claims(
        "जहाज पर चालक दल के 22 सदस्य सवार थे।", glossary=gloss, morphology=morphology()
    )
    page = CoverageText(
        "http://k.example/1", "The ship had 24 crew members on board.", language="en"
    )
    (found,) = find_evidence([claim], [page], glossary=gloss, anchors=[])
    assert found.stance is Stance.CONTRADICTS
    assert found.conflicting_facts == ("22 सदस्य vs 24 crew",)


@installed
def test_a_member_adjective_counts_the_same_thing_as_members() -> None:
    from claims.extract import extract_claims
    from claims.model import Stance

    gloss = glossary_for(None)
    (claim,) = extract_claims(
        "The Centre has sent a three-member team of doctors to Dibrugarh.", glossary=gloss
    )
    page = CoverageText(
        "http://m.example/1",
        "केंद्र सरकार ने डॉक्टरों की पांच सदस्यीय टीम डिब्रूगढ़ भेजी है।",
        language="hi",
    )
    (found,) = find_evidence([claim], [page], glossary=gloss, anchors=[])
    assert found.stance is Stance.CONTRADICTS


@installed
def test_a_hindi_compound_counts_its_head_and_english_counts_by_lemma() -> None:
    # "आठ समझौता ज्ञापनों": the head of the compound is ज्ञापन (memorandum), the noun that
    # takes the plural; "seven memorandums" counts a memorandum, by its lemma.
    from claims.extract import extract_claims
    from claims.model import Stance

    gloss = glossary_for(None)
    (claim,) = extract_claims(
        "India and Sri Lanka signed seven memorandums of understanding in Colombo.",
        glossary=gloss,
    )
    page = CoverageText(
        "http://c.example/1",
        "कोलंबो में भारत और श्रीलंका ने कुल आठ समझौता ज्ञापनों पर हस्ताक्षर किए।",
        language="hi",
    )
    (found,) = find_evidence([claim], [page], glossary=gloss, anchors=[])
    assert found.stance is Stance.CONTRADICTS
    assert found.conflicting_facts == ("7 memorandums vs 8 समझौता",)


@installed
def test_a_word_with_a_glossary_concept_still_carries_its_translations() -> None:
    from claims.coverage import terms_of

    gloss = glossary_for(None)
    assert gloss.concepts("water") and not gloss.concepts("पानी")  # the glossary knows जल
    keys = {t.key for t in terms_of("Water flooded the engine room.", gloss)}
    assert "@water" in keys  # the concept, for the glossary's own forms
    assert "~pani" in keys  # and the dictionary's, for a claim that says पानी
