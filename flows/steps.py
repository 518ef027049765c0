"""The pipeline's stages as plain functions: what each Prefect task runs, testable alone."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from claims.extract import extract_claims
from claims.glossary import Glossary, default_glossary
from claims.match import MatchOptions, find_evidence
from claims.model import Claim, CoverageText, EvidenceMatch
from claims.text import detect_language
from claims.verdict import decide_status, outside_window, parse_date
from db import repo
from db.engine import ensure_schema, make_engine, session_scope
from satyapan.errors import ExtractError, InputError
from sources.dedupe import group_syndicated
from sources.extract import Page, TooLittleTextError, extract_page
from sources.fetch import FetchOptions, FetchOutcome, FetchResult, fetch_many
from sources.inputs import load_corpus

log = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per database URL per process, upgraded to the current schema."""
    engine = make_engine(url)
    ensure_schema(engine)
    return engine


@dataclass(frozen=True)
class PageOutcome:
    """A coverage page after fetching and extraction: the page, or why there is none."""

    result: FetchResult
    page: Page | None
    outcome: str
    error: str | None = None


@dataclass
class Counts:
    claims: int = 0
    documents: int = 0
    documents_ok: int = 0
    evidence: int = 0
    changed: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "documents": self.documents,
            "documents_ok": self.documents_ok,
            "evidence": self.evidence,
            "status_changes": self.changed,
            "statuses": dict(sorted(self.statuses.items())),
        }


def start(
    database_url: str,
    *,
    source: str,
    text: str,
    title: str | None,
    flow_run_id: str | None,
    published: str | None = None,
) -> tuple[int, int]:
    """Store the article (once per text) and open a Run; returns (article id, run id)."""
    with session_scope(engine_for(database_url)) as s:
        article = repo.save_article(
            s,
            source=source,
            text=text,
            language=detect_language(text),
            title=title,
            published=published,
        )
        run = repo.start_run(s, article_id=article.id, flow_run_id=flow_run_id)
        return article.id, run.id


def store_claims(
    database_url: str, article_id: int, run_id: int, claims: Sequence[Claim]
) -> list[int]:
    with session_scope(engine_for(database_url)) as s:
        return [row.id for row in repo.save_claims(s, article_id, claims, run_id=run_id)]


def corpus_results(folder: str) -> list[FetchResult]:
    """Saved pages of a local corpus, shaped like fetches so one path handles both."""
    now = datetime.now(UTC)
    return [
        FetchResult(
            url=url,
            final_url=url,
            outcome=FetchOutcome.OK,
            status_code=None,
            content_type="text/html",
            body=body,
            error=None,
            fetched_at=now,
            elapsed=0.0,
        )
        for url, body in load_corpus(folder)
    ]


def fetch_urls(
    urls: Sequence[str],
    options: FetchOptions,
    progress: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    return fetch_many(urls, options=options, progress=progress)


def read_page(result: FetchResult, *, min_chars: int = 200) -> PageOutcome:
    """Extract one fetched page; failures become an outcome to store, never an exception."""
    if not result.ok or result.body is None:
        return PageOutcome(result, None, str(result.outcome), result.error)
    try:
        page = extract_page(
            result.body,
            url=result.url,
            final_url=result.final_url,
            charset=result.charset,
            min_chars=min_chars,
        )
    except TooLittleTextError as exc:
        return PageOutcome(result, None, "too_little_text", str(exc))
    except ExtractError as exc:
        return PageOutcome(result, None, "extract_error", str(exc))
    return PageOutcome(result, page, "ok")


def store_documents(database_url: str, outcomes: Sequence[PageOutcome]) -> dict[str, int]:
    """Store every page, readable or not, with its syndication group; url -> document id."""
    groups = group_syndicated([(o.result.url, o.page.text) for o in outcomes if o.page])
    ids: dict[str, int] = {}
    with session_scope(engine_for(database_url)) as s:
        for o in outcomes:
            page, r = o.page, o.result
            row = repo.save_document(
                s,
                url=r.url,
                final_url=r.final_url,
                outcome=o.outcome,
                error=o.error,
                http_status=r.status_code,
                content_type=r.content_type,
                publisher=page.site_name if page else None,
                language=page.language if page else None,
                title=page.title if page else None,
                published=page.published if page else None,
                text=page.text if page else None,
                content_hash=page.content_hash if page else None,
                syndication_group=groups.get(r.url) if page else None,
                fetched_at=r.fetched_at,
            )
            ids[r.url] = row.id
    return ids


def coverage_of(outcomes: Sequence[PageOutcome]) -> list[CoverageText]:
    """What matching sees of each readable page, with the group that makes it independent:
    syndicated copies share their first copy's group, a publisher's pages share one."""
    readable = [o for o in outcomes if o.page is not None]
    groups = group_syndicated([(o.result.url, o.page.text) for o in readable if o.page])
    out: list[CoverageText] = []
    for o in readable:
        assert o.page is not None
        lead = groups.get(o.result.url, o.result.url)
        lead_page = next((p.page for p in readable if p.result.url == lead), o.page)
        publisher = (lead_page.site_name if lead_page else None) or o.page.site_name
        out.append(
            CoverageText(
                key=o.result.url,
                text=o.page.text,
                language=o.page.language,
                publisher=o.page.site_name,
                group=f"{publisher or lead}",
                published=o.page.published,
            )
        )
    return out


def match(
    claims: Sequence[Claim],
    coverage: Sequence[CoverageText],
    glossary: str | None = None,
    options: dict[str, Any] | None = None,
) -> list[EvidenceMatch]:
    return find_evidence(
        claims, coverage, glossary=glossary_for(glossary), options=MatchOptions(**(options or {}))
    )


def date_window(event_date: str | None, before: int, after: int) -> tuple[str, str] | None:
    """The ISO dates [event - before, event + after], or None without an event date."""
    day = parse_date(event_date)
    if day is None:
        return None
    return (
        (day - timedelta(days=before)).isoformat(),
        (day + timedelta(days=after)).isoformat(),
    )


def store_verdicts(
    database_url: str,
    run_id: int,
    claim_ids: Sequence[int],
    evidence: Sequence[EvidenceMatch],
    coverage: Sequence[CoverageText],
    document_ids: dict[str, int],
    window: tuple[str, str] | None = None,
) -> Counts:
    """Evidence and a verdict for every claim, with a StatusChange for every change.

    Evidence from pages published outside ``window`` (ISO dates) is stored but not counted.
    """
    groups = {c.key: c.group or c.key for c in coverage}
    publishers = {g: g for g in groups.values()}  # a group is named by its lead publisher
    start, end = (parse_date(window[0]), parse_date(window[1])) if window else (None, None)
    outside = outside_window(coverage, start, end)
    counts = Counts(
        claims=len(claim_ids),
        documents=len(document_ids),
        documents_ok=len(coverage),
        evidence=len(evidence),
    )
    with session_scope(engine_for(database_url)) as s:
        for ci, claim_id in enumerate(claim_ids):
            mine = [e for e in evidence if e.claim_index == ci]
            repo.replace_evidence(
                s, claim_id, [(document_ids[e.doc_key], e) for e in mine], run_id=run_id
            )
            verdict = decide_status(
                mine,
                groups=groups,
                publishers=publishers,
                searched=len(coverage) - len(outside),
                outside=outside,
            )
            if repo.apply_verdict(s, claim_id, verdict, run_id=run_id) is not None:
                counts.changed += 1
            status = repo.get_claim(s, claim_id).status
            counts.statuses[status] = counts.statuses.get(status, 0) + 1
    return counts


def finish(
    database_url: str, run_id: int, *, counts: dict[str, Any] | None, error: str | None = None
) -> None:
    with session_scope(engine_for(database_url)) as s:
        repo.finish_run(
            s, run_id, outcome="failed" if error else "ok", counts=counts or {}, error=error
        )


@lru_cache(maxsize=8)
def glossary_for(path: str | None) -> Glossary:
    """The built-in glossary, merged with a newsroom's own file when one is configured."""
    base = default_glossary()
    if not path:
        return base
    try:
        extra = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read glossary {path}: {exc.strerror}") from None
    try:
        return base.merge(Glossary.parse(extra))
    except ValueError as exc:
        raise InputError(f"glossary {path}: {exc}") from None


def claims_of(text: str, glossary: str | None = None) -> list[Claim]:
    return extract_claims(text, glossary=glossary_for(glossary))
