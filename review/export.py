"""Fact-sheet exports: the stable JSON shape that newsrooms script against."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models, repo
from satyapan.errors import NotFoundError

EXPORT_VERSION = 1


def latest_article_id(s: Session) -> int:
    article_id = s.scalar(select(models.Article.id).order_by(models.Article.id.desc()).limit(1))
    if article_id is None:
        raise NotFoundError("no articles stored yet: run `satyapan verify ARTICLE` first")
    return article_id


def claim_json(s: Session, claim: models.Claim, *, history: bool = False) -> dict[str, Any]:
    facts = claim.key_facts or {}
    out: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "sentence": claim.sentence,
        "span": [claim.span_start, claim.span_end],
        "type": claim.type,
        "class": claim.cls,
        "checkworthiness": claim.checkworthiness,
        "status": claim.status,
        "pipeline_status": claim.pipeline_status,
        "confidence": claim.confidence if claim.confidence is not None else 0.0,
        "reason": claim.reason,
        "reviewer": claim.held_by,  # the person whose decision holds the status, if any
        "assigned_to": claim.assigned_to,
        "updated_at": claim.updated_at.isoformat(),
        "key_facts": {k: facts.get(k, []) for k in ("numbers", "entities", "predicates", "dates")},
        "parts": facts.get("parts", {}),
        "evidence": [evidence_json(e) for e in repo.evidence_for(s, claim.id)],
    }
    if history:
        out["history"] = [
            {
                "at": c.created_at.isoformat(),
                "from": c.old_status,
                "to": c.new_status,
                "by": c.actor,
                "kind": c.kind,
                "note": c.note,
            }
            for c in repo.history_for(s, claim.id)
        ]
    return out


def evidence_json(e: models.Evidence) -> dict[str, Any]:
    doc = e.document
    return {
        "url": doc.url,
        "publisher": doc.publisher,
        "language": doc.language,
        "published": doc.published,
        "score": e.score,
        "quote": e.quote,
        "highlight": [e.highlight_start, e.highlight_end],
        "stance": e.stance,
        "matched_facts": list(e.matched_facts or []),
        "conflicting_facts": list(e.conflicting_facts or []),
        "syndication_group": doc.syndication_group,
    }


def article_json(s: Session, article_id: int | None = None) -> dict[str, Any]:
    """``{"article": {...}, "claims": [...]}`` for one article (the latest by default)."""
    aid = article_id if article_id is not None else latest_article_id(s)
    article = repo.get_article(s, aid)
    claims = repo.list_claims(s, article_id=aid)
    return {
        "version": EXPORT_VERSION,
        "article": {
            "id": article.id,
            "source": article.source,
            "title": article.title,
            "language": article.language,
            "published": article.published,
            "content_hash": article.content_hash,
        },
        "claims": [claim_json(s, c, history=True) for c in claims],
    }


def run_json(run: models.Run) -> dict[str, Any]:
    """One Run as plain data (the CLI's JSON, the reviewer app)."""
    counts = dict(run.counts or {})
    return {
        "id": run.id,
        "article": run.article_id,
        "flow_run_id": run.flow_run_id,
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        # A run whose process is gone reads as interrupted even before the next run says so.
        "outcome": "interrupted" if repo.interrupted(run) else run.outcome,
        "error": run.error,
        "claims": counts.get("claims"),
        "pages": counts.get("documents"),
        "pages_read": counts.get("documents_ok"),
        "pages_failed": counts.get("pages_failed", 0),
        "status_changes": counts.get("status_changes"),
        "statuses": counts.get("statuses", {}),
        "failed_pages": counts.get("failed_pages", []),
        "discovery_warnings": counts.get("discovery_warnings", []),
    }
