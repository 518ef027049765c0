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
                "status": "false",
                "pipeline_status": "disputed",
                "confidence": 0.7,
                "reviewer": "asha",
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
                        "to": "false",
                        "by": "asha",
                        "kind": "reviewer",
                        "note": "Checked with the <b>collector</b> = [x](javascript:y)",
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
                "status": "corroborated",
                "pipeline_status": "corroborated",
                "confidence": 0.9,
                "reviewer": None,
                "reason": "2 independent publishers support it: A, B",
                "evidence": [],
                "history": [],
            },
        ],
    }


def test_markdown_lists_claims_in_article_order_with_decisions_and_escapes_all() -> None:
    md = to_markdown(sheet())
    lines = md.splitlines()
    assert lines[0] == "# Fact sheet: Dam gates opened"
    assert "2 claims: 1 corroborated by independent sources, 1 false." in md
    assert md.index("claim 2") < md.index("claim 9")  # by position in the article
    assert "- Pipeline: 2 independent publishers report 8 gate; 1 reports 6 gate \\(B\\)" in md
    assert (
        "- Decided by asha on 2025\\-08\\-22: Checked with the &lt;b&gt;collector&lt;/b&gt; = "
        "\\[x\\]\\(javascript:y\\)" in md
    )
    assert (
        "- contradicts: [B](https://b.example/1) · 2025\\-08\\-22 · differs: 8 gate vs 6 gate" in md
    )
    assert "<b>" not in md and "](javascript" not in md


def test_csv_has_a_bom_and_one_row_per_claim_with_the_decision() -> None:
    text = to_csv(sheet())
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["claim_id"] for r in rows] == ["2", "9"]
    decided = rows[1]
    assert (decided["status"], decided["pipeline_status"], decided["reviewer"]) == (
        "false",
        "disputed",
        "asha",
    )
    assert decided["reviewer_note"].startswith("Checked with the <b>collector</b>")
    assert decided["contradicting_sources"] == "B <https://b.example/1>"
    assert decided["supporting_sources"] == "" and decided["article"] == "3"


def test_csv_cells_cannot_start_a_formula() -> None:
    data = sheet()
    data["claims"][1]["text"] = '=HYPERLINK("http://evil.example")'
    rows = list(csv.DictReader(io.StringIO(to_csv(data).removeprefix("\ufeff"))))
    assert rows[0]["claim"].startswith("'=")


def test_html_escapes_and_highlights() -> None:
    page = to_html(sheet())
    assert page.startswith("<!doctype html>")
    assert "<mark>Six gates</mark> &lt;of&gt; the dam" in page
    assert "<script" not in page and "<b>collector" not in page
    assert "Decided by asha on" in page and "differs: 8 gate vs 6 gate" in page


def test_claimreview_is_schema_org_json_ld_for_decided_claims_only() -> None:
    org = {"name": "Desk", "url": "https://desk.example", "base": "https://desk.example/c/"}
    (review,) = json.loads(to_claimreview(sheet(), org))
    assert review["@type"] == "ClaimReview" and review["url"] == "https://desk.example/c/9"
    assert review["datePublished"] == "2025-08-22"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Desk",
        "url": "https://desk.example",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "news.example"
    assert item["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://news.example/a",
        "headline": "Dam gates opened",
    }
    assert item["datePublished"] == "2025-08-21"
    both = json.loads(to_claimreview(sheet(), org, reviewed_only=False))
    assert len(both) == 2
    assert set(RENDERERS) == {"json", "md", "csv", "html", "claimreview"}


def test_a_sheet_never_shows_a_servers_file_path() -> None:
    data = sheet()
    data["article"]["title"] = None
    data["article"]["source"] = "/srv/newsroom/inbox/sco-qingdao.hi.txt"
    for render in (to_markdown, to_html, to_csv):
        text = render(data)
        assert "/srv/newsroom" not in text and "sco" in text
