"""Verified-fact sheets: the JSON export rendered as Markdown, CSV, HTML or ClaimReview."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from typing import Any

# How each status reads to an editor, and as a ClaimReview rating (1 = false … 5 = true).
LABELS = {
    "verified": ("Verified by a reviewer", 5),
    "corroborated": ("Corroborated by independent sources", 4),
    "single_source": ("Reported by one source only", 3),
    "needs_evidence": ("Needs evidence", 3),
    "unverified": ("Not verified", 2),
    "pending": ("Not yet checked", 2),
    "disputed": ("Disputed", 2),
    "false": ("False", 1),
}
ORDER = list(LABELS)


def label(status: str) -> str:
    return LABELS.get(status, (status, 2))[0]


def _sorted_claims(data: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(data["claims"], key=lambda c: (c["span"][0], c["id"]))


def to_markdown(data: dict[str, Any]) -> str:
    """A sheet an editor can read or paste: each claim, its status, why, and its sources."""
    article = data["article"]
    counts: dict[str, int] = {}
    for c in data["claims"]:
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    summary = ", ".join(
        f"{n} {label(s).lower()}"
        for s, n in sorted(
            counts.items(), key=lambda kv: ORDER.index(kv[0]) if kv[0] in ORDER else 99
        )
    )
    lines = [
        f"# Fact sheet: {article.get('title') or article['source']}",
        "",
        f"Article {article['id']} · language {article['language']}"
        + (f" · event date {article['published']}" if article.get("published") else ""),
        "",
        f"{len(data['claims'])} claims: {summary}.",
        "",
    ]
    for c in _sorted_claims(data):
        lines += [
            f"## {label(c['status'])} — claim {c['id']}",
            "",
            f"> {c['text']}",
            "",
            f"- Status: **{c['status']}** (confidence {c['confidence']:.2f})",
        ]
        if c.get("reason"):
            lines.append(f"- Why: {c['reason']}")
        notes = [h for h in c.get("history", []) if h.get("kind") == "reviewer" and h.get("note")]
        if notes:
            last = notes[-1]
            lines.append(f"- Reviewer {last['by']}: {last['note']}")
        for e in c["evidence"]:
            quote = e["quote"].replace("\n", " ")
            lines.append(
                f"- {e['stance']}: [{e.get('publisher') or e['url']}]({e['url']})"
                f"{' · ' + e['published'] if e.get('published') else ''} — “{quote}”"
            )
        lines.append("")
    return "\n".join(lines)


def to_csv(data: dict[str, Any]) -> str:
    """One row per claim, for spreadsheets."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(
        [
            "id",
            "status",
            "confidence",
            "type",
            "claim",
            "reason",
            "supports",
            "contradicts",
            "sources",
        ]
    )
    for c in _sorted_claims(data):
        stances = [e["stance"] for e in c["evidence"]]
        writer.writerow(
            [
                c["id"],
                c["status"],
                f"{c['confidence']:.2f}",
                c["type"],
                c["text"],
                c.get("reason") or "",
                stances.count("supports"),
                stances.count("contradicts"),
                " ".join(e["url"] for e in c["evidence"]),
            ]
        )
    return buf.getvalue()


def to_html(data: dict[str, Any]) -> str:
    """A self-contained page (no scripts, no outside assets) that can be filed or published."""
    article = data["article"]
    title = html.escape(article.get("title") or article["source"])
    parts = [
        "<!doctype html>",
        f'<html lang="{html.escape(article["language"])}"><head><meta charset="utf-8">',
        f"<title>Fact sheet: {title}</title>",
        "<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}"
        ".status{font-weight:bold}.supports{color:#176b2c}.contradicts{color:#a11}"
        "mark{background:#fff3a8}blockquote{margin:.5rem 0;padding-left:1rem;"
        "border-left:3px solid #ccc}</style></head><body>",
        f"<h1>Fact sheet: {title}</h1>",
    ]
    for c in _sorted_claims(data):
        parts += [
            f'<section id="claim-{c["id"]}">',
            f'<h2><span class="status">{html.escape(label(c["status"]))}</span>'
            f" — claim {c['id']}</h2>",
            f"<blockquote>{html.escape(c['text'])}</blockquote>",
            f"<p>Status <b>{html.escape(c['status'])}</b>, confidence "
            f"{c['confidence']:.2f}. {html.escape(c.get('reason') or '')}</p>",
            "<ul>",
        ]
        for e in c["evidence"]:
            start, end = e.get("highlight") or (0, 0)
            quote = e["quote"]
            marked = (
                html.escape(quote[:start])
                + "<mark>"
                + html.escape(quote[start:end])
                + "</mark>"
                + html.escape(quote[end:])
                if 0 <= start < end <= len(quote)
                else html.escape(quote)
            )
            parts.append(
                f'<li class="{html.escape(e["stance"])}">{html.escape(e["stance"])}: '
                f'<a href="{html.escape(e["url"])}">'
                f"{html.escape(e.get('publisher') or e['url'])}</a> — “{marked}”</li>"
            )
        parts += ["</ul>", "</section>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_claimreview(data: dict[str, Any], *, publisher: str = "Satyapan") -> str:
    """schema.org ClaimReview JSON-LD, one review per claim, for search engines and
    fact-check aggregators."""
    article = data["article"]
    reviews = []
    for c in _sorted_claims(data):
        label, rating = LABELS.get(c["status"], (c["status"], 2))
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": c["text"],
            "author": {"@type": "Organization", "name": publisher},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": label,
            },
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "url": article["source"]}
                if str(article["source"]).startswith(("http://", "https://"))
                else {"@type": "CreativeWork", "name": article.get("title") or article["source"]},
            },
        }
        if article.get("published"):
            review["itemReviewed"]["datePublished"] = article["published"]
        reviews.append(review)
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": lambda data: json.dumps(data, ensure_ascii=False, indent=2) + "\n",
    "md": to_markdown,
    "csv": to_csv,
    "html": to_html,
    "claimreview": to_claimreview,
}
