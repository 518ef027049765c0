"""One sentence or one page that makes the analysis raise is skipped and recorded; the rest
of the article and of the coverage is read (fault injected where no real input raises)."""

from __future__ import annotations

from typing import Any

import pytest

import claims.coverage
import claims.extract
from claims.coverage import prepare_coverage
from claims.extract import extract_claims
from claims.match import find_evidence
from claims.model import CoverageText

ARTICLE = (
    "The tribunal fined the company Rs 2 crore on Monday. BOOM was here at 9 am. "
    "The company deposited Rs 2 crore with the board on Friday."
)


def test_a_sentence_that_raises_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    real = claims.extract._score_clause

    def flaky(sentence: Any, clause: Any, *args: Any, **kwargs: Any) -> Any:
        if "BOOM" in clause.text:
            raise KeyError("d")
        return real(sentence, clause, *args, **kwargs)

    monkeypatch.setattr(claims.extract, "_score_clause", flaky)
    found = extract_claims(ARTICLE)
    assert [c.text for c in found] == [
        "The tribunal fined the company Rs 2 crore on Monday.",
        "The company deposited Rs 2 crore with the board on Friday.",
    ]


def test_a_page_that_raises_is_recorded_and_the_others_are_matched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = claims.coverage._sentence_facts  # what reads each sentence of a page

    def flaky(text: str, *args: Any) -> Any:
        if "BOOM" in text:
            raise ValueError("broken page")
        return real(text, *args)

    monkeypatch.setattr(claims.coverage, "_sentence_facts", flaky)
    docs = [
        CoverageText("http://a.example/1", "BOOM. The tribunal fined the company Rs 2 crore."),
        CoverageText("http://b.example/2", "The tribunal fined the company Rs 2 crore on Monday."),
    ]
    prepared = prepare_coverage(docs)
    assert prepared.failed == ((0, "ValueError: broken page"),)
    claim = extract_claims(ARTICLE)[0]
    evidence = find_evidence([claim], prepared, anchors=[])
    assert [e.doc_key for e in evidence] == ["http://b.example/2"]


def test_a_quote_whose_sentences_cannot_be_read_is_still_matched_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Reading a quote's sentences one by one raises: the claim is matched as a whole quote.
    import claims.match

    def broken(claim: Any) -> Any:
        raise KeyError("d")

    monkeypatch.setattr(claims.match, "_quote_parts", broken)
    article = (
        'The mayor said on Monday, "The new bridge will open in March. Work on the ring road '
        'starts next year."'
    )
    page = CoverageText(
        "https://bridge.example/1",
        'The mayor said on Monday, "The new bridge will open in March. Work on the ring road '
        'starts next year."',
        language="en",
    )
    claims_ = extract_claims(article, include_all=True)
    found = find_evidence(claims_, [page])
    assert found and all(e.doc_key == "https://bridge.example/1" for e in found)
