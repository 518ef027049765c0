"""Fact sheets rendered from the JSON export: Markdown, CSV, HTML, ClaimReview."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from review.sheets import RENDERERS, to_claimreview, to_csv, to_html, to_markdown


def sheet() -> dict[str, Any]:
    return {
        "version": 1,
        "article": {
            "id": 3,
            "source": "https://news.example/a",
            "title": "Dam gates opened",
            "language": "en",
            "published": "2025-08-21",
            "content_hash": "x",
        },
        "claims": [
            {
                "id": 9,
                "text": "Eight gates were opened.",
                "sentence": "Eight gates were opened.",
                "span": [40, 64],
                "type": "quantity",
                "class": "checkworthy_factual",
                "checkworthiness": 0.9,
                "status": "disputed",
                "pipeline_status": "disputed",
                "confidence": 0.7,
                "reason": "2 independent publishers report 8 gate; 1 reports 6 gate (B)",
                "evidence": [
                    {
                        "url": "https://b.example/1",
                        "publisher": "B",
                        "language": "en",
                        "published": "2025-08-22",
                        "score": 80.0,
                        "quote": "Six gates <of> the dam were opened.",
                        "highlight": [0, 9],
                        "stance": "contradicts",
                        "matched_facts": [],
                        "conflicting_facts": ["8 gate vs 6 gate"],
                    },
                ],
                "history": [
                    {
                        "at": "2025-08-22T00:00:00",
                        "from": "disputed",
                        "to": "verified",
                        "by": "asha",
                        "kind": "reviewer",
                        "note": "Checked with the collector",
                    }
                ],
            },
            {
                "id": 2,
                "text": "The minister visited.",
                "sentence": "The minister visited.",
                "span": [0, 21],
                "type": "event",
                "class": "checkworthy_factual",
                "checkworthiness": 0.6,
                "status": "verified",
                "pipeline_status": "corroborated",
                "confidence": 0.9,
                "reason": "2 independent publishers support it: A, B",
                "evidence": [],
                "history": [],
            },
        ],
    }


def test_markdown_lists_claims_in_article_order_with_reasons_and_notes() -> None:
    md = to_markdown(sheet())
    lines = md.splitlines()
    assert lines[0] == "# Fact sheet: Dam gates opened"
    assert "2 claims: 1 verified by a reviewer, 1 disputed." in md
    assert md.index("claim 2") < md.index("claim 9")  # by position in the article
    assert "- Why: 2 independent publishers report 8 gate; 1 reports 6 gate (B)" in md
    assert "- Reviewer asha: Checked with the collector" in md
    assert "- contradicts: [B](https://b.example/1) · 2025-08-22" in md


def test_csv_has_one_row_per_claim() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(sheet()))))
    assert [r["id"] for r in rows] == ["2", "9"]
    assert rows[1]["contradicts"] == "1" and rows[1]["sources"] == "https://b.example/1"


def test_html_escapes_and_highlights() -> None:
    page = to_html(sheet())
    assert page.startswith("<!doctype html>")
    assert "<mark>Six gates</mark> &lt;of&gt; the dam" in page
    assert "<script" not in page


def test_claimreview_is_schema_org_json_ld() -> None:
    reviews = json.loads(to_claimreview(sheet()))
    assert [r["@type"] for r in reviews] == ["ClaimReview", "ClaimReview"]
    verified, disputed = reviews
    assert verified["reviewRating"]["ratingValue"] == 5
    assert disputed["reviewRating"]["alternateName"] == "Disputed"
    assert disputed["itemReviewed"]["appearance"]["url"] == "https://news.example/a"
    assert set(RENDERERS) == {"json", "md", "csv", "html", "claimreview"}
