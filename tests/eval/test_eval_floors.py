"""Quality gate for matching and verdicts on the labelled corpus in this folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.cli import main
from review.evaluate import evaluate

EVAL = Path(__file__).resolve().parent


def test_matching_meets_the_floors() -> None:
    report = evaluate(EVAL)
    print("\n".join(report.lines()))  # shown with -s; the closing notes quote these figures
    assert len(report.cases) == 3
    assert sum(len(c.statuses) for c in report.cases) >= 30
    assert report.status_accuracy >= 0.9
    assert report.evidence_precision >= 0.9
    assert report.evidence_recall >= 0.85


# Corpora tuned on, each with its floors: today's figures, pinned so that they cannot slip
# back (issue 8's targets, 0.85 / 0.9 / 0.75, are not reached yet — see the README).
#   blind: written without sight of the code (6 cases, 69 pages);
#   fresh: only reported until issue 8's second round, which tuned on it (4 cases, 42 pages);
#   unseen: written blind for that round, measured before any change, tuned on after two
#   interim measurements (4 cases, 44 pages);
#   winter: real-looking pages written blind for the ninth round, measured before any change
#   (0.400; 0.924 / 0.508; 5 of 20), then tuned on (2 cases, 29 pages);
#   spring: real-looking pages written blind for the eleventh round, mostly contradictions
#   that are no number, measured before any change (0.433; 0.837 / 0.578; 2 of 18), then
#   tuned on (3 cases, 40 pages);
#   summer: real-looking pages written blind for the twelfth round (two-fact sentences,
#   numbers in words, counts of other things, contradictions of both kinds), measured before
#   any change (0.633; 0.860 / 0.613; 2 of 17), then tuned on (3 cases, 46 pages);
#   autumn: real-looking pages written blind for the thirteenth round (a bail order, a
#   factory blast, a municipal budget; decisions and chairs that differ), measured before any
#   change (0.500; 0.872 / 0.699; 6 of 18), then tuned on (3 cases, 46 pages).
# (Blind's and unseen's precision floors were lowered once, by 0.005, in the eleventh round:
# a quote in the other language is asked only the words that language has, which gained
# statuses on nine corpora and cited one more wrong page on each of those two.)
# (Spring's precision floor was lowered by 0.005 in the thirteenth round: a decision the
# other way — "प्रस्ताव … टाल दिया गया" for "approved" — gained it two statuses and a
# contradiction, and the same quote is counted once more as wrong for the claim's weekday
# label, which it supports while it disputes the approval in the same clause.)
# (Summer's accuracy floor was lowered to 0.765 in the same round: a disputed claim now gives
# each fact its own status, and its "शनिवार रात" label, disputed in the labels by a page with
# another day that the matcher does not read as one, had been counted right only because
# another page disputes the same claim's figure.)
#   ember: real-looking pages written blind at the end of the thirteenth round, read as totals
#   only then (0.600; 0.810 / 0.663; 6 of 18), tuned on from the fourteenth (3 cases, 46
#   pages).
#   noon: real-looking pages written blind for the sixteenth round, read as totals only then,
#   tuned on from the seventeenth (3 cases, 48 pages).
# (Blind's accuracy and contradiction floors and autumn's accuracy floor were lowered in the
# fourteenth round: people are counted by what befell them, and a value the article gives to
# a like count elsewhere is no rival. Blind's "छह सदस्य अब भी लापता" had been disputed by "24
# crew members on board" and autumn's "₹4.25 crore" by a ₹50,000 bail bond the article
# itself states; both were right for a wrong reason.)
# tests/eval-final, -sealed, -locked, -vault, -frost, -thaw and -eve have no floors: floors
# are a way of tuning.
# (corpus, cases, statuses, status accuracy, precision, recall, contradictions found,
#  most support from pages that are evidence for nothing)
TUNED_FLOORS = [
    ("eval-blind", 6, 60, 0.8, 0.97, 0.765, 9, 0),
    ("eval-fresh", 4, 40, 0.825, 0.95, 0.87, 5, 0),
    ("eval-unseen", 4, 40, 0.85, 0.95, 0.855, 6, 0),
    ("eval-winter", 2, 20, 0.8, 0.975, 0.78, 12, 0),
    ("eval-spring", 3, 30, 0.76, 0.88, 0.665, 9, 0),
    ("eval-summer", 3, 30, 0.83, 0.89, 0.72, 6, 0),
    ("eval-autumn", 3, 30, 0.7, 0.925, 0.745, 10, 0),
    ("eval-ember", 3, 30, 0.7, 0.875, 0.765, 10, 0),
    # tuned on from the fifteenth round (0.600; 0.848 / 0.775; 7 of 18 when it was first opened;
    # in the sixteenth, a label that names two facts of one status takes their status, and "9.42
    # am on Wednesday", both corroborated, stopped counting right: it had, only through the
    # claim's status, disputed by a false rival; facts labelled as written won a status back)
    ("eval-dusk", 3, 30, 0.76, 0.9, 0.78, 11, 0),
    # tuned on from the sixteenth round (0.533; 0.910 / 0.752; 7 of 19 when it was first opened)
    ("eval-dawn", 3, 30, 0.66, 0.93, 0.755, 10, 0),
    # tuned on from the seventeenth round (0.433; 0.908 / 0.634; 3 of 18 when it was opened)
    ("eval-noon", 3, 30, 0.56, 0.93, 0.7, 5, 0),
]


@pytest.mark.parametrize(
    ("corpus", "cases", "statuses", "accuracy", "precision", "recall", "found", "silent"),
    TUNED_FLOORS,
)
def test_matching_on_a_tuned_corpus_meets_its_floors(
    corpus: str,
    cases: int,
    statuses: int,
    accuracy: float,
    precision: float,
    recall: float,
    found: int,
    silent: int,
) -> None:
    report = evaluate(EVAL.parent / corpus)
    print("\n".join(report.lines()))
    assert len(report.cases) == cases
    assert sum(len(c.statuses) for c in report.cases) == statuses
    assert report.status_accuracy >= accuracy
    assert report.evidence_precision >= precision
    assert report.evidence_recall >= recall
    assert report.contradictions[0] >= found
    assert report.support_from_silent_pages <= silent


def test_eval_command_prints_the_scores(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        main(["eval", str(EVAL / "sco-qingdao")])
    except SystemExit as exc:
        assert not exc.code
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("status accuracy     ")
    assert out[1].startswith("evidence precision  ")
    assert out[2].startswith("evidence recall     ")
    assert "confusion (rows: expected, columns: got)" in out


def test_eval_of_a_missing_folder_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["eval", "/no/such/corpus"])
    assert exc.value.code == 1
    assert capsys.readouterr().err == "Error: evaluation folder /no/such/corpus not found\n"


def test_a_quote_is_read_on_the_one_fact_a_label_names() -> None:
    from claims.model import EvidenceMatch, Stance
    from review.evaluate import _stance_of

    town = EvidenceMatch(
        0,
        "page",
        "quote",
        (0, 5),
        (0, 5),
        60.0,
        Stance.CONTRADICTS,
        conflicting_facts=("place: Sattur vs Kovilpatti",),
        claim_facts=("19 others injured",),
        disputed_facts=("Sattur",),
    )
    assert _stance_of("19 others injured", town) is Stance.SUPPORTS  # it states the figure
    assert _stance_of("near Sattur", town) is Stance.CONTRADICTS
    # A conflict about the whole claim contradicts every label of it.
    actor = EvidenceMatch(
        0, "page", "quote", (0, 5), (0, 5), 60.0, Stance.CONTRADICTS, claim_facts=("19 others",)
    )
    assert _stance_of("19 others", actor) is Stance.CONTRADICTS


def test_a_label_of_several_facts_of_one_status_takes_that_status() -> None:
    from claims.model import Status, Verdict
    from review.evaluate import _status_of

    verdict = Verdict(
        Status.DISPUTED,
        0.8,
        "reason",
        (
            ("44 balls", Status.CORROBORATED),
            ("63 runs", Status.CORROBORATED),
            ("man of the match", Status.DISPUTED),
        ),
    )
    assert _status_of("63 runs off 44 balls", verdict) is Status.CORROBORATED
    assert _status_of("man of the match", verdict) is Status.DISPUTED
    # facts of different statuses, or none named: the claim's own status
    assert _status_of("63 runs, man of the match", verdict) is Status.DISPUTED
    assert _status_of("the final", verdict) is Status.DISPUTED


def test_a_label_names_a_fact_by_its_figure() -> None:
    from review.evaluate import _names

    assert _names("magnitude 5.6", "5.6 earthquake")
    assert _names("1,485-kg satellite", "1,485-kg")
    assert not _names("magnitude 5.6", "56 houses")
    assert not _names("the final", "5.6 earthquake")
