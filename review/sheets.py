"""Verified-fact sheets: the JSON export rendered as Markdown, CSV, HTML or ClaimReview."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any
from urllib.parse import quote, urlsplit

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


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md(text: object) -> str:
    """Text safe inside Markdown: markup characters escaped, HTML inert (< and & as
    entities), one line."""
    plain = " ".join(str(text or "").split())
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", plain)


def _md_url(url: str) -> str:
    """A link target: only http(s), with the characters that end a Markdown link encoded."""
    if not url.startswith(("http://", "https://")):
        return "#"
    return quote(url, safe=":/?&=%#@!$'*+,;~-._")


def headline(article: dict[str, Any]) -> str:
    """What to call an article: its title, else its URL, else its file's name (never the
    path of a file on the server)."""
    if article.get("title"):
        return str(article["title"])
    source = str(article.get("source") or "")
    if source.startswith(("http://", "https://")):
        return source
    return PurePath(source).name or f"article {article.get('id')}"


def _decision(c: dict[str, Any]) -> dict[str, Any] | None:
    """The reviewer decision that holds the claim's status, if a person decided it."""
    if not c.get("reviewer"):
        return None
    notes = [h for h in c.get("history", []) if h.get("kind") == "reviewer"]
    return notes[-1] if notes else None


def _summary(data: dict[str, Any]) -> str:
    counts: dict[str, int] = {}
    for c in data["claims"]:
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    return ", ".join(
        f"{n} {label(s).lower()}"
        for s, n in sorted(
            counts.items(), key=lambda kv: ORDER.index(kv[0]) if kv[0] in ORDER else 99
        )
    )


def to_markdown(data: dict[str, Any]) -> str:
    """A sheet an editor can read or paste: each claim, its status, who decided and why, and
    its sources. Every inserted text is escaped: a note or a quote cannot add markup."""
    article = data["article"]
    lines = [
        f"# Fact sheet: {md(headline(article))}",
        "",
        f"Article {article['id']} · language {md(article['language'])}"
        + (f" · event date {md(article['published'])}" if article.get("published") else ""),
        "",
        f"{len(data['claims'])} claims: {md(_summary(data))}.",
        "",
    ]
    for c in _sorted_claims(data):
        lines += [
            f"## {md(label(c['status']))} — claim {c['id']}",
            "",
            f"> {md(c['text'])}",
            "",
            f"- Status: **{md(c['status'])}**"
            + (
                f" (pipeline: {md(c['pipeline_status'])}, confidence {c['confidence']:.2f})"
                if c.get("reviewer")
                else f" (confidence {c['confidence']:.2f})"
            ),
        ]
        decision = _decision(c)
        if decision:
            lines.append(
                f"- Decided by {md(decision['by'])} on {md(decision['at'][:10])}: "
                f"{md(decision.get('note'))}"
            )
        if c.get("reason"):
            lines.append(f"- Pipeline: {md(c['reason'])}")
        for e in c["evidence"]:
            differs = "; ".join(e.get("conflicting_facts") or [])
            lines.append(
                f"- {md(e['stance'])}: [{md(e.get('publisher') or e['url'])}]({_md_url(e['url'])})"
                + (f" · {md(e['published'])}" if e.get("published") else "")
                + (f" · differs: {md(differs)}" if differs else "")
                + f" — “{md(e['quote'])}”"
            )
        lines.append("")
    return "\n".join(lines)


CSV_COLUMNS = [
    "article",
    "article_title",
    "claim_id",
    "claim",
    "status",
    "pipeline_status",
    "confidence",
    "reviewer",
    "reviewer_note",
    "decided_at",
    "reason",
    "supporting_sources",
    "contradicting_sources",
]


def to_csv(data: dict[str, Any]) -> str:
    """One row per claim, for spreadsheets: UTF-8 with a BOM (so Excel reads Devanagari),
    the decision and its note, and the sources of each stance in their own column."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    article = data["article"]
    for c in _sorted_claims(data):
        decision = _decision(c) or {}
        by_stance = {
            stance: " ; ".join(
                f"{e.get('publisher') or ''} <{e['url']}>".strip()
                for e in c["evidence"]
                if e["stance"] == stance
            )
            for stance in ("supports", "contradicts")
        }
        writer.writerow(
            [
                _cell(article["id"]),
                _cell(headline(article)),
                _cell(c["id"]),
                _cell(c["text"]),
                _cell(c["status"]),
                _cell(c["pipeline_status"]),
                f"{c['confidence']:.2f}",
                _cell(c.get("reviewer") or ""),
                _cell(decision.get("note") or ""),
                _cell(decision.get("at") or ""),
                _cell(c.get("reason") or ""),
                _cell(by_stance["supports"]),
                _cell(by_stance["contradicts"]),
            ]
        )
    return "\ufeff" + buf.getvalue()


def _cell(value: object) -> str:
    """A spreadsheet cell that cannot become a formula (=, +, -, @ lead it: CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_html(data: dict[str, Any]) -> str:
    """A self-contained page (no scripts, no outside assets) that can be filed or published:
    each claim with its status, the reviewer's decision, note and date, and its sources with
    what differs."""
    article = data["article"]
    title = html.escape(headline(article))
    parts = [
        "<!doctype html>",
        f'<html lang="{html.escape(article["language"])}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Fact sheet: {title}</title>",
        '<style>body{font-family:"Noto Sans","Noto Sans Devanagari",sans-serif;'
        "max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        ".status{font-weight:bold}.supports{color:#176b2c}.contradicts{color:#a11}"
        "mark{background:#fff3a8}blockquote{margin:.5rem 0;padding-left:1rem;"
        "border-left:3px solid #ccc}.decision{background:#f4f8ff;padding:.3rem .6rem}</style>"
        "</head><body>",
        f"<h1>Fact sheet: {title}</h1>",
        f"<p>{len(data['claims'])} claims: {html.escape(_summary(data))}."
        + (f" Event date {html.escape(article['published'])}." if article.get("published") else "")
        + "</p>",
    ]
    for c in _sorted_claims(data):
        decision = _decision(c)
        parts += [
            f'<section id="claim-{c["id"]}">',
            f'<h2><span class="status">{html.escape(label(c["status"]))}</span>'
            f" — claim {c['id']}</h2>",
            f"<blockquote>{html.escape(c['text'])}</blockquote>",
        ]
        if decision:
            parts.append(
                f'<p class="decision">Decided by {html.escape(decision["by"])} on '
                f'<time datetime="{html.escape(decision["at"])}">'
                f"{html.escape(decision['at'][:10])}</time>: "
                f"{html.escape(decision.get('note') or '')}</p>"
            )
        parts.append(
            f"<p>Pipeline: {html.escape(label(c['pipeline_status']))}, confidence "
            f"{c['confidence']:.2f}. {html.escape(c.get('reason') or '')}</p>"
        )
        parts.append("<ul>")
        for e in c["evidence"]:
            start, end = e.get("highlight") or (0, 0)
            quote_text = e["quote"]
            marked = (
                html.escape(quote_text[:start])
                + "<mark>"
                + html.escape(quote_text[start:end])
                + "</mark>"
                + html.escape(quote_text[end:])
                if 0 <= start < end <= len(quote_text)
                else html.escape(quote_text)
            )
            href = e["url"] if e["url"].startswith(("http://", "https://")) else "#"
            differs = "; ".join(e.get("conflicting_facts") or [])
            parts.append(
                f'<li class="{html.escape(e["stance"])}">{html.escape(e["stance"])}: '
                f'<a href="{html.escape(href)}" rel="nofollow noopener">'
                f"{html.escape(e.get('publisher') or e['url'])}</a>"
                + (f" · {html.escape(e['published'])}" if e.get("published") else "")
                + (f" · differs: {html.escape(differs)}" if differs else "")
                + f" — “{marked}”</li>"
            )
        parts += ["</ul>", "</section>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_claimreview(
    data: dict[str, Any], org: dict[str, str] | None = None, *, reviewed_only: bool = True
) -> str:
    """schema.org ClaimReview JSON-LD for the claims a person decided (``reviewed_only``):
    what search engines and fact-check aggregators read. ``org``: the publishing
    organisation's ``name`` and ``url``, and ``base``, where each review is published
    (its url is base + claim id)."""
    org = org or {}
    name = org.get("name") or "Satyapan fact desk"
    home = org.get("url") or "https://factcheck.example"
    base = org.get("base") or home.rstrip("/") + "/claims/"
    article = data["article"]
    source = str(article["source"])
    appearance: dict[str, Any] = (
        {"@type": "CreativeWork", "url": source}
        if source.startswith(("http://", "https://"))
        else {"@type": "CreativeWork", "name": article.get("title") or "the article"}
    )
    if article.get("title"):
        appearance["headline"] = article["title"]
    reviews = []
    for c in _sorted_claims(data):
        decision = _decision(c)
        if reviewed_only and decision is None:
            continue  # the pipeline's view is not a published fact check
        text_label, rating = LABELS.get(c["status"], (c["status"], 2))
        item: dict[str, Any] = {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": _claim_author(article)},
            "appearance": appearance,
        }
        if article.get("published"):
            item["datePublished"] = article["published"]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}{c['id']}",
            "claimReviewed": c["text"],
            "datePublished": (decision or {}).get("at", c.get("updated_at", ""))[:10],
            "author": {"@type": "Organization", "name": name, "url": home},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": text_label,
            },
            "itemReviewed": item,
        }
        reviews.append(review)
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


def _claim_author(article: dict[str, Any]) -> str:
    """Who made the claim: the publication the article came from (its host), or its title."""
    source = str(article.get("source") or "")
    if source.startswith(("http://", "https://")):
        return urlsplit(source).hostname or source
    return article.get("title") or "the article's publisher"


RENDERERS: dict[str, Callable[..., str]] = {
    "json": lambda data: json.dumps(data, ensure_ascii=False, indent=2) + "\n",
    "md": to_markdown,
    "csv": to_csv,
    "html": to_html,
    "claimreview": to_claimreview,
}
