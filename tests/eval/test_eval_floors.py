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


BLIND = EVAL.parent / "eval-blind"


def test_matching_on_the_blind_corpus_meets_its_floors() -> None:
    """The frozen corpus written without sight of the code (6 cases, 69 pages). Its floors
    are what the matcher reaches today, pinned so that it cannot slip back; issue 8's
    targets (0.85 / 0.9 / 0.75) are not reached yet — see the README."""
    report = evaluate(BLIND)
    print("\n".join(report.lines()))
    assert len(report.cases) == 6
    assert sum(len(c.statuses) for c in report.cases) == 60
    assert report.status_accuracy >= 0.73
    assert report.evidence_precision >= 0.93
    assert report.evidence_recall >= 0.675
    assert report.contradictions[0] >= 8
    assert report.support_from_silent_pages <= 5


FRESH = EVAL.parent / "eval-fresh"


def test_matching_on_the_fresh_corpus_meets_its_floors() -> None:
    """The fresh corpus (4 cases, 42 pages) was only reported until issue 8's second round,
    which tuned on it (tests/eval-unseen and tests/eval-final took its place as the sets
    never tuned on). Floors: today's figures, so that they cannot slip back."""
    report = evaluate(FRESH)
    print("\n".join(report.lines()))
    assert len(report.cases) == 4
    assert sum(len(c.statuses) for c in report.cases) == 40
    assert report.status_accuracy >= 0.72
    assert report.evidence_precision >= 0.93
    assert report.evidence_recall >= 0.80
    assert report.contradictions[0] >= 4
    assert report.support_from_silent_pages == 0


UNSEEN = EVAL.parent / "eval-unseen"


def test_matching_on_the_unseen_corpus_meets_its_floors() -> None:
    """Written blind for issue 8's second round and measured before any change; tuned on
    after two interim measurements (the README says so). tests/eval-final stays untouched
    and has no floors: floors are a way of tuning."""
    report = evaluate(UNSEEN)
    print("\n".join(report.lines()))
    assert len(report.cases) == 4
    assert sum(len(c.statuses) for c in report.cases) == 40
    assert report.status_accuracy >= 0.5
    assert report.evidence_precision >= 0.85
    assert report.evidence_recall >= 0.65
    assert report.contradictions[0] >= 2
    assert report.support_from_silent_pages <= 5


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
