"""Quality gate: extraction against the labelled articles must stay above pinned floors."""

from __future__ import annotations

from tests.support.extraction_eval import evaluate

RECALL_FLOOR = 0.9
PRECISION_FLOOR = 0.8


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


def test_the_labelled_set_is_big_enough() -> None:
    from tests.support.extraction_eval import labelled_articles

    articles = labelled_articles()
    assert len(articles) >= 5
    languages = {path.name.split("-")[0] for _, path, _ in articles[1:]}
    assert languages == {"hi", "en"}
