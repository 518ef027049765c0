"""Quality gate: extraction against the labelled articles must stay above pinned floors."""

from __future__ import annotations

import pytest

from satyapan.apertium import ApertiumMorphology
from tests.support.extraction_eval import BLIND, evaluate

RECALL_FLOOR = 0.92
PRECISION_FLOOR = 0.75


@pytest.fixture(autouse=True, scope="module")
def _needs_apertium() -> None:
    # dev.py installs the analysers; a machine without them measures text rules alone.
    if ApertiumMorphology().languages != {"hi", "en"}:
        pytest.fail("Apertium (lt-proc, apertium-hin, apertium-eng-spa) is not installed")


def test_extraction_meets_the_floors() -> None:
    report = evaluate()
    print("\n".join(report.lines()))  # shown with -s; the closing notes quote these figures
    for name, tally in (
        ("check-worthy sentences", report.checkworthy),
        ("numbers", report.numbers),
        ("entities", report.entities),
    ):
        assert tally.recall >= RECALL_FLOOR, (name, tally.recall, tally.misses)
        assert tally.precision >= PRECISION_FLOOR, (name, tally.precision, tally.extras)


def test_extraction_on_the_blind_corpus_meets_the_floors() -> None:
    """The frozen corpus written without sight of the code (tests/data/blind)."""
    report = evaluate(BLIND)
    print("\n".join(report.lines()))
    assert report.checkworthy.recall >= RECALL_FLOOR, report.checkworthy.misses
    assert report.checkworthy.precision >= 0.8, report.checkworthy.extras
    assert report.numbers.recall >= 0.95, report.numbers.misses
    assert report.numbers.precision >= 0.95, report.numbers.extras
    assert report.opinions >= 20
    assert report.opinions_taken == [], report.opinions_taken


def test_the_labelled_set_is_big_enough() -> None:
    from tests.support.extraction_eval import labelled_articles

    articles = labelled_articles()
    assert len(articles) >= 5
    languages = {path.name.split("-")[0] for _, path, _ in articles[1:]}
    assert languages == {"hi", "en"}
    blind = labelled_articles(BLIND)
    assert len(blind) >= 12
    assert {path.name.split("-")[0] for _, path, _ in blind} == {"hi", "en"}


def test_extraction_on_the_unseen_corpus_meets_the_floors() -> None:
    """tests/data/unseen (written blind, tuned on since): a quoted view with nothing concrete
    in it is no claim ("This is a landmark moment," said …), nor a characterisation (X ने
    इसे ‘…’ करार दिया)."""
    report = evaluate(BLIND.parent / "unseen")
    assert report.checkworthy.recall >= 0.95, report.checkworthy.misses
    assert report.checkworthy.precision >= 0.84, report.checkworthy.extras
    assert report.opinions >= 20
    assert report.opinions_taken == [], report.opinions_taken


def test_extraction_on_the_views_corpus_meets_the_floors() -> None:
    """tests/data/views (written blind for views against facts, tuned on since): beliefs,
    forecasts, hedges, labels, reported recommendations, slogans and questions are no claims;
    orders, negated facts, dated plans and quoted figures are. One demand ("… ने मांग की कि
    मंत्री इस्तीफा दें") is still taken: the labelled sets disagree on demands."""
    _meets_view_floors("views", recall=0.98, precision=0.78, numbers=0.98, views=30, taken=1)


def test_extraction_on_the_editorials_corpus_meets_the_floors() -> None:
    """tests/data/editorials (a second blind set on views against facts, measured before any
    change: 13 of 40 views taken, check-worthy recall 0.818 and precision 0.692): a quote
    with nothing concrete whose speaker is named after it, a prediction from a condition and
    a label in quotes are no claims; लगना in its concrete senses, "would" after any verb of
    saying, phrasal verbs and acknowledging (ने … माना है कि) no longer cost facts; praise,
    blame or regret with nothing concrete is a view, and so is an inference (इससे साफ है
    कि …) with no figure or date. Still taken: idioms (ऊंट के मुंह में जीरा), comparisons of
    value, and quotes that name a place."""
    _meets_view_floors("editorials", recall=0.9, precision=0.78, numbers=0.97, views=40, taken=7)


def _meets_view_floors(
    corpus: str, *, recall: float, precision: float, numbers: float, views: int, taken: int
) -> None:
    """A set on the view/fact boundary: check-worthy recall and precision, numbers recall,
    at least ``views`` labelled views, at most ``taken`` of them taken as claims."""
    report = evaluate(BLIND.parent / corpus)
    assert report.checkworthy.recall >= recall, report.checkworthy.misses
    assert report.checkworthy.precision >= precision, report.checkworthy.extras
    assert report.numbers.recall >= numbers, report.numbers.misses
    assert report.opinions >= views
    assert len(report.opinions_taken) <= taken, report.opinions_taken


def test_extraction_on_the_summer_corpus_meets_the_floors() -> None:
    """tests/data/summer (written blind, measured before any change: 8 of 18 views taken,
    check-worthy recall 0.985 and precision 0.722; tuned on since): a quote whose own words
    are a belief or a guess ("I think …", "मेरा मानना है कि …", "it will probably …"), a
    quoted question and a passive of judging ("is widely regarded as") are no claims; a
    quoted plan with a date ("we expect to close by March") and a past "thought" stay
    claims. Still taken: a quoted "can" of prediction, an unattributed comparison of value,
    a collective's complaint with nothing concrete (… का कहना है कि …)."""
    _meets_view_floors("summer", recall=0.98, precision=0.76, numbers=0.97, views=18, taken=3)


def test_extraction_on_the_dusk_corpus_meets_the_floors() -> None:
    """tests/data/dusk (written blind, read as totals only in the fourteenth round: 5 of 22
    views taken, check-worthy recall 0.968 and precision 0.750; tuned on from the
    fifteenth): a quote that only puts a word of praise or blame on someone ("X is the real
    hero of the night", "X has the calmest hands"; a sentiment lexicon's ratings), an active
    verb of judging with "as" ("Analysts see the deal as …") and what an unnamed many hold
    ("जानकारों का कहना है कि …") are no claims. Still taken: an idiom with a figure in it
    (ऊंट के मुंह में जीरा)."""
    _meets_view_floors("dusk", recall=0.96, precision=0.78, numbers=0.97, views=22, taken=1)


def test_extraction_on_the_dawn_corpus_meets_the_floors() -> None:
    """tests/data/dawn (written blind, read as totals only in the fifteenth round: 4 of 23
    views taken, check-worthy recall 1.000 and precision 0.790; tuned on from the
    sixteenth): a main clause that only praises what its relative clause tells ("जिस तरह …,
    वह काबिले-तारीफ़ है") is no claim. Still taken: a quoted metaphor with a year in it, a
    party's prediction framed by "का कहना है कि" with a fact after "क्योंकि", a quoted "the
    worst is over" after a weekday."""
    _meets_view_floors("dawn", recall=1.0, precision=0.8, numbers=0.97, views=23, taken=3)


def test_extraction_on_the_noon_corpus_meets_the_floors() -> None:
    """tests/data/noon (written blind, read as totals only in the sixteenth round: 8 of 23
    views taken, check-worthy recall 0.969 and precision 0.750; tuned on from the
    seventeenth): words a speaker gives as a prediction ("…,” X predicted) are no claim.
    Still taken: quoted praise of a deed ("did a textbook job"), quoted labels in Hindi
    ("… पर बोझ है", "… लापरवाही का नतीजा है"), a party's insistence that a result is a
    rejection, an unattributed tribute, a correlative of praise."""
    _meets_view_floors("noon", recall=0.96, precision=0.75, numbers=0.96, views=23, taken=7)
