"""Repository: every read and write of the store, as functions taking a Session first."""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import case, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager

from claims import model
from claims.model import DateFact, Entity, KeyFacts, NumberFact, Status
from db.models import (
    Article,
    Base,
    Claim,
    Document,
    Evidence,
    Run,
    StatusChange,
    User,
    utcnow,
)
from satyapan.errors import InputError, NotFoundError

PIPELINE = "pipeline"
REVIEWER = "reviewer"
# Every sources.fetch.FetchOutcome but not_modified (see touch_document), and the
# extraction failures; tests/db checks this list against FetchOutcome.
DOCUMENT_OUTCOMES = frozenset(
    {
        "ok",
        "http_error",
        "timeout",
        "connection_error",
        "too_large",
        "unsupported_type",
        "blocked",
        "redirect_loop",
        "robots_disallowed",
        "too_little_text",
        "extract_error",
        "failed",  # reading the page raised: Document.failed says what
    }
)
RUN_OUTCOMES = frozenset({"ok", "failed", "interrupted"})
# A Run still "running" whose process is gone (killed, machine restarted) is marked so.
INTERRUPTED = "interrupted"

RowT = TypeVar("RowT", bound=Base)


# -- conversions --------------------------------------------------------------------------


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def key_facts_to_json(facts: KeyFacts) -> dict[str, Any]:
    """KeyFacts as plain JSON data (offsets of numbers included, so it round-trips)."""
    return {
        "numbers": [
            {"value": n.value, "text": n.text, "counts": n.counts, "start": n.start, "end": n.end}
            for n in facts.numbers
        ],
        "entities": [{"text": e.text, "latin": e.latin, "kind": e.kind} for e in facts.entities],
        "predicates": list(facts.predicates),
        "dates": [{"text": d.text, "value": d.value, "kind": d.kind} for d in facts.dates],
        "parts": dict(facts.parts),
    }


def key_facts_from_json(data: Mapping[str, Any] | None) -> KeyFacts:
    """The inverse of key_facts_to_json; missing keys get the dataclass defaults."""
    data = data or {}
    return KeyFacts(
        numbers=tuple(
            NumberFact(
                value=float(n["value"]),
                text=n["text"],
                counts=n.get("counts"),
                start=int(n.get("start", 0)),
                end=int(n.get("end", 0)),
            )
            for n in data.get("numbers", ())
        ),
        entities=tuple(
            Entity(text=e["text"], latin=e["latin"], kind=e.get("kind", "name"))
            for e in data.get("entities", ())
        ),
        predicates=tuple(data.get("predicates", ())),
        dates=tuple(
            DateFact(text=d["text"], value=d["value"], kind=d.get("kind", "date"))
            for d in data.get("dates", ())
        ),
        parts=tuple((str(k), str(v)) for k, v in (data.get("parts") or {}).items()),
    )


def _published(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _status(value: Status | str) -> Status:
    try:
        return Status(value)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InputError(f"unknown status {value!r}: choose one of {choices}") from None


def _assign(row: Base, values: Mapping[str, Any]) -> bool:
    """Set the attributes that differ; True when anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _insert_or_existing(s: Session, row: RowT, find: Callable[[], RowT | None]) -> RowT:
    # Another process may insert the same unique key between our lookup and our insert
    # (PostgreSQL, several workers): the savepoint lets us fall back to its row.
    try:
        with s.begin_nested():
            s.add(row)
    except IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing
    return row


# -- articles -----------------------------------------------------------------------------


def save_article(
    s: Session,
    *,
    source: str,
    text: str,
    language: str,
    title: str | None = None,
    published: str | date | None = None,
) -> Article:
    """Store an article once per distinct text; a repeat returns the stored row."""
    if not text.strip():
        raise InputError(f"article from {source} is empty")
    digest = sha256(text)

    def find() -> Article | None:
        return s.scalar(select(Article).where(Article.content_hash == digest))

    existing = find()
    if existing is None:
        row = Article(
            source=source,
            text=text,
            language=language,
            title=title,
            published=_published(published),
            content_hash=digest,
        )
        existing = _insert_or_existing(s, row, find)
    # A repeat may know what the first run did not.
    if existing.title is None and title is not None:
        existing.title = title
    if existing.published is None and published is not None:
        existing.published = _published(published)
    return existing


def get_article(s: Session, article_id: int) -> Article:
    article = s.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"article {article_id} not found")
    return article


def list_articles(s: Session) -> list[Article]:
    return list(s.scalars(select(Article).order_by(Article.id)))


# -- claims -------------------------------------------------------------------------------


def _claim_values(claim: model.Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "sentence": claim.sentence,
        "span_start": claim.span[0],
        "span_end": claim.span[1],
        "sentence_index": claim.sentence_index,
        "type": str(claim.type),
        "cls": str(claim.cls),
        "checkworthiness": float(claim.checkworthiness),
        "key_facts": key_facts_to_json(claim.key_facts),
        "language": claim.language,
    }


def _save_claims_once(
    s: Session, article_id: int, claims: Sequence[model.Claim], run_id: int | None
) -> list[Claim]:
    known = {
        (c.span_start, c.span_end, c.text_hash): c
        for c in s.scalars(select(Claim).where(Claim.article_id == article_id))
    }
    now = utcnow()
    rows: list[Claim] = []
    new: list[Claim] = []
    for claim in claims:
        digest = sha256(claim.text)
        key = (claim.span[0], claim.span[1], digest)
        values = _claim_values(claim)
        row = known.get(key)
        if row is None:
            row = Claim(
                article_id=article_id,
                text_hash=digest,
                status=Status.PENDING.value,
                pipeline_status=Status.PENDING.value,
                created_at=now,
                updated_at=now,
                **values,
            )
            s.add(row)
            new.append(row)
            known[key] = row
        elif _assign(row, values):
            row.updated_at = now
        rows.append(row)
    s.flush()
    s.add_all(
        StatusChange(
            claim_id=row.id,
            old_status=None,
            new_status=Status.PENDING.value,
            applied=True,
            actor=PIPELINE,
            kind=PIPELINE,
            note="claim extracted",
            run_id=run_id,
            created_at=now,
        )
        for row in new
    )
    s.flush()
    return rows


def save_claims(
    s: Session, article_id: int, claims: Sequence[model.Claim], *, run_id: int | None = None
) -> list[Claim]:
    """Store an article's claims idempotently; rows come back in the order given.

    A claim already stored (same article, span and text) is refreshed in place and keeps
    its status; a new one starts "pending" with a StatusChange saying so.
    """
    get_article(s, article_id)
    for attempt in range(3):
        try:
            with s.begin_nested():
                return _save_claims_once(s, article_id, claims, run_id)
        except IntegrityError:
            if attempt == 2:  # a concurrent run kept inserting the same claims
                raise
    raise AssertionError("unreachable")


def get_claim(s: Session, claim_id: int) -> Claim:
    claim = s.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"claim {claim_id} not found")
    return claim


def _lock_claim(s: Session, claim_id: int) -> Claim:
    # FOR UPDATE on PostgreSQL (SQLite's BEGIN IMMEDIATE already holds the write lock):
    # a reviewer and a pipeline run touching one claim take turns instead of racing.
    claim = s.get(Claim, claim_id, with_for_update=True, populate_existing=True)
    if claim is None:
        raise NotFoundError(f"claim {claim_id} not found")
    return claim


def list_claims(
    s: Session, *, status: Status | str | None = None, article_id: int | None = None
) -> list[Claim]:
    query = select(Claim).order_by(Claim.article_id, Claim.sentence_index, Claim.id)
    if status is not None:
        query = query.where(Claim.status == _status(status).value)
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    return list(s.scalars(query))


def claim_rows(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """One plain row per claim for a listing (a table, JSON, CSV; or across processes)."""
    return [
        {
            "id": c.id,
            "article": c.article_id,
            "status": c.status,
            "confidence": round(c.confidence, 2) if c.confidence is not None else None,
            "type": c.type,
            "text": c.text,
        }
        for c in claims
    ]


def search_claims(
    s: Session,
    *,
    status: Status | str | None = None,
    article_id: int | None = None,
    reviewer: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    text: str | None = None,
    queue: bool = False,
    limit: int = 500,
) -> list[Claim]:
    """Claims for the reviewer's list. ``reviewer``: decided by or assigned to that person;
    ``since``/``until``: last changed in that span; ``text``: in the claim or its article's
    title or source. ``queue``: the claims that need a person — not decided by one yet,
    disputed first, then single source, then the rest, the longest waiting first."""
    query = select(Claim).join(Article, Claim.article_id == Article.id)
    if status is not None:
        query = query.where(Claim.status == _status(status).value)
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    if reviewer:
        query = query.where((Claim.held_by == reviewer) | (Claim.assigned_to == reviewer))
    if since is not None:
        query = query.where(Claim.updated_at >= since)
    if until is not None:
        query = query.where(Claim.updated_at < until)
    if text and text.strip():
        needle = text.strip()
        query = query.where(
            Claim.text.icontains(needle, autoescape=True)
            | Article.title.icontains(needle, autoescape=True)
            | Article.source.icontains(needle, autoescape=True)
        )
    if queue:
        urgency = case(
            (Claim.status == Status.DISPUTED.value, 0),
            (Claim.status == Status.SINGLE_SOURCE.value, 1),
            else_=2,
        )
        query = query.where(Claim.held_by.is_(None)).order_by(urgency, Claim.updated_at, Claim.id)
    else:
        query = query.order_by(Claim.article_id.desc(), Claim.sentence_index, Claim.id)
    return list(s.scalars(query.limit(limit)))


def last_decision_at(s: Session, claim_ids: Sequence[int]) -> dict[int, datetime]:
    """When a person last decided each claim (those a person decided)."""
    if not claim_ids:
        return {}
    rows = s.execute(
        select(StatusChange.claim_id, func.max(StatusChange.created_at))
        .where(StatusChange.kind == REVIEWER, StatusChange.claim_id.in_(list(claim_ids)))
        .group_by(StatusChange.claim_id)
    )
    return {cid: when for cid, when in rows}


def newest_evidence_at(s: Session, claim_ids: Sequence[int]) -> dict[int, datetime]:
    """When each claim's evidence last arrived or changed."""
    if not claim_ids:
        return {}
    rows = s.execute(
        select(Evidence.claim_id, func.max(Evidence.updated_at))
        .where(Evidence.claim_id.in_(list(claim_ids)))
        .group_by(Evidence.claim_id)
    )
    return {cid: when for cid, when in rows}


# -- documents and evidence ---------------------------------------------------------------


def save_document(
    s: Session,
    *,
    url: str,
    outcome: str,
    final_url: str | None = None,
    error: str | None = None,
    http_status: int | None = None,
    content_type: str | None = None,
    publisher: str | None = None,
    language: str | None = None,
    title: str | None = None,
    published: str | date | None = None,
    text: str | None = None,
    content_hash: str | None = None,
    syndication_group: str | None = None,
    fetched_at: datetime | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    failed: str | None = None,
) -> Document:
    """Insert or update the document fetched from ``url``.

    The fetch facts (outcome, error, status, final URL, content type, fetched_at) always
    describe this fetch. The content (text, hash, metadata, validators, syndication group)
    is replaced only by a fetch that brings text: a failed re-fetch keeps the last good
    content, so a page that is down for an hour is not forgotten and a later change is
    still noticed. A new content hash sets ``previous_hash`` (the one it replaces) and
    ``changed_at`` (this fetch's time; also set when content first arrives).

    A 304 (outcome not_modified) is not stored here: use ``touch_document``.
    """
    fields = _DocumentFields.of(
        {
            "url": url,
            "outcome": outcome,
            "final_url": final_url,
            "error": error,
            "http_status": http_status,
            "content_type": content_type,
            "publisher": publisher,
            "language": language,
            "title": title,
            "published": published,
            "text": text,
            "content_hash": content_hash,
            "syndication_group": syndication_group,
            "fetched_at": fetched_at,
            "etag": etag,
            "last_modified": last_modified,
            "failed": failed,
        }
    )

    def find() -> Document | None:
        return s.scalar(select(Document).where(Document.url == url))

    row = find()
    if row is None:
        inserted = fields.new_row()
        row = _insert_or_existing(s, inserted, find)
        if row is inserted:
            return row
    fields.update(row)
    return row


def save_documents(s: Session, pages: Sequence[Mapping[str, Any]]) -> dict[str, Document]:
    """``save_document`` for many pages (each a mapping of its keyword arguments); url ->
    row. One query per 500 URLs finds the stored rows, and the new ones are inserted
    together under one savepoint; if another process inserted one of them meanwhile, each
    new page is saved on its own, as ``save_document`` does."""
    out: dict[str, Document] = {}
    fields = [_DocumentFields.of(page) for page in pages]  # bad input fails before writing
    stored = _stored_documents(s, [f.url for f in fields])
    new: list[tuple[Mapping[str, Any], Document]] = []
    again: list[Mapping[str, Any]] = []
    for page, f in zip(pages, fields, strict=True):
        if f.url in out:
            again.append(page)  # the same URL twice: the later fetch is saved after
            continue
        row = stored.get(f.url)
        if row is None:
            row = f.new_row()
            new.append((page, row))
        else:
            f.update(row)
        out[f.url] = row
    if new:
        try:
            with s.begin_nested():
                s.add_all(row for _, row in new)
        except IntegrityError:
            for page, _ in new:  # another process inserted one: one by one, as save_document
                out[page["url"]] = save_document(s, **page)
    for page in again:
        out[page["url"]] = save_document(s, **page)
    return out


def _stored_documents(s: Session, urls: Sequence[str]) -> dict[str, Document]:
    found: dict[str, Document] = {}
    unique = list(dict.fromkeys(urls))
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        found.update((d.url, d) for d in s.scalars(select(Document).where(Document.url.in_(chunk))))
    return found


@dataclass(frozen=True)
class _DocumentFields:
    """One fetch of a page as a Document's columns: the fetch facts, always written, and
    the content, written only when the fetch brought text."""

    url: str
    when: datetime
    digest: str | None
    facts: dict[str, Any]
    content: dict[str, Any]

    @classmethod
    def of(cls, page: Mapping[str, Any]) -> _DocumentFields:
        outcome = page["outcome"]
        if outcome not in DOCUMENT_OUTCOMES:
            hint = ": use touch_document" if outcome == "not_modified" else ""
            raise ValueError(f"unknown fetch outcome {outcome!r}{hint}")
        when = page.get("fetched_at") or utcnow()
        text = page.get("text")
        digest = page.get("content_hash") or (sha256(text) if text is not None else None)
        facts = {
            "final_url": page.get("final_url"),
            "outcome": outcome,
            "error": page.get("error"),
            "http_status": page.get("http_status"),
            "content_type": page.get("content_type"),
            "fetched_at": when,
            "failed": page.get("failed"),
        }
        content = {
            "publisher": page.get("publisher"),
            "language": page.get("language"),
            "title": page.get("title"),
            "published": _published(page.get("published")),
            "text": text,
            "content_hash": digest,
            "syndication_group": page.get("syndication_group"),
            "etag": page.get("etag"),
            "last_modified": page.get("last_modified"),
        }
        return cls(page["url"], when, digest, facts, content)

    def new_row(self) -> Document:
        changed = self.when if self.digest is not None else None
        return Document(url=self.url, **self.facts, **self.content, changed_at=changed)

    def update(self, row: Document) -> None:
        _assign(row, self.facts)
        if self.digest is None:
            return  # a failure: the last good content stays
        if row.content_hash != self.digest:
            if row.content_hash is not None:
                row.previous_hash = row.content_hash
            row.changed_at = self.when
        _assign(row, self.content)


def mark_document_failed(s: Session, url: str, error: str) -> Document | None:
    """Record that analysing or matching the stored page raised ``error``."""
    row = s.scalar(select(Document).where(Document.url == url))
    if row is not None:
        row.failed = error[:2000]
    return row


def touch_document(
    s: Session,
    url: str,
    *,
    fetched_at: datetime | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    syndication_group: str | None = None,
) -> Document:
    """The stored copy of ``url`` is still current: after a 304, or reused within the
    cache TTL without asking. Text, hash, outcome and changed_at stay as they are.

    ``fetched_at`` (when the site confirmed it; None for a reuse without a request),
    ``etag``/``last_modified`` (when the 304 sent new ones) and ``syndication_group``
    (this run's grouping) are set when given.
    """
    row = s.scalar(select(Document).where(Document.url == url))
    if row is None:
        raise NotFoundError(f"no stored document for {url}")
    values: dict[str, Any] = {
        "fetched_at": fetched_at,
        "etag": etag,
        "last_modified": last_modified,
        "syndication_group": syndication_group,
    }
    _assign(row, {name: value for name, value in values.items() if value is not None})
    return row


def documents_by_url(s: Session, urls: Sequence[str]) -> dict[str, Document]:
    """The stored documents of ``urls`` (those there are), by URL."""
    found: dict[str, Document] = {}
    wanted = list(dict.fromkeys(urls))
    for start in range(0, len(wanted), 500):  # keep IN lists to a sane size
        chunk = wanted[start : start + 500]
        for row in s.scalars(select(Document).where(Document.url.in_(chunk))):
            found[row.url] = row
    return found


def get_document(s: Session, document_id: int) -> Document:
    document = s.get(Document, document_id)
    if document is None:
        raise NotFoundError(f"document {document_id} not found")
    return document


def _evidence_values(match: model.EvidenceMatch) -> dict[str, Any]:
    if not 0 <= match.score <= 100:
        raise ValueError(f"evidence score {match.score} is outside 0..100")
    return {
        "quote": match.quote,
        "quote_start": match.quote_span[0],
        "quote_end": match.quote_span[1],
        "highlight_start": match.highlight[0],
        "highlight_end": match.highlight[1],
        "score": float(match.score),
        "stance": str(match.stance),
        "matched_facts": list(match.matched_facts),
        "conflicting_facts": list(match.conflicting_facts),
    }


def replace_evidence(
    s: Session,
    claim_id: int,
    items: Sequence[tuple[int, model.EvidenceMatch]],
    *,
    run_id: int | None,
) -> list[Evidence]:
    """Make ``items`` (document id, match) the claim's whole evidence, without duplicates.

    Rows for documents still present are updated, new ones inserted, the rest deleted.
    Should one document appear twice, its higher-scoring match wins. Rows come back in
    the order their documents first appear in ``items``.
    """
    _lock_claim(s, claim_id)
    best: dict[int, model.EvidenceMatch] = {}
    for document_id, match in items:
        if document_id not in best or match.score > best[document_id].score:
            best[document_id] = match
    # Each row records the version of the document it quotes, so that evidence can be
    # shown as it was (and flagged) after the page changes.
    hashes: dict[int, str | None] = {}
    if best:
        query = select(Document.id, Document.content_hash).where(Document.id.in_(list(best)))
        hashes = {doc_id: digest for doc_id, digest in s.execute(query)}
    current = {
        e.document_id: e for e in s.scalars(select(Evidence).where(Evidence.claim_id == claim_id))
    }
    for document_id, stale in current.items():
        if document_id not in best:
            s.delete(stale)
    now = utcnow()
    new: list[dict[str, Any]] = []
    for document_id, match in best.items():
        values = {**_evidence_values(match), "document_hash": hashes.get(document_id)}
        row = current.get(document_id)
        if row is None:
            new.append(
                {
                    "claim_id": claim_id,
                    "document_id": document_id,
                    "run_id": run_id,
                    "created_at": now,
                    "updated_at": now,
                    **values,
                }
            )
        elif _assign(row, {**values, "run_id": run_id}):
            row.updated_at = now
    s.flush()
    # New rows in one INSERT … RETURNING (a run adds thousands: the unit of work's
    # per-object bookkeeping was most of storing them).
    added = (
        {e.document_id: e for e in s.scalars(insert(Evidence).returning(Evidence), new)}
        if new
        else {}
    )
    return [current.get(document_id) or added[document_id] for document_id in best]


def evidence_for(s: Session, claim_id: int) -> list[Evidence]:
    """The claim's evidence with each document loaded, best score first."""
    get_claim(s, claim_id)
    query = (
        select(Evidence)
        .join(Evidence.document)
        .options(contains_eager(Evidence.document))
        .where(Evidence.claim_id == claim_id)
        .order_by(Evidence.score.desc(), Evidence.id)
    )
    return list(s.scalars(query))


# -- statuses -----------------------------------------------------------------------------


def _held(claim: Claim) -> bool:
    return claim.held_by is not None or Status(claim.status).is_reviewer


def apply_verdict(
    s: Session, claim_id: int, verdict: model.Verdict, *, run_id: int | None
) -> StatusChange | None:
    """Record the pipeline's verdict; returns the StatusChange, or None if nothing changed.

    While a reviewer's decision holds the claim, the effective status stays; a changed
    pipeline status is still recorded (``applied=False``, with a note saying so).
    """
    status = Status(verdict.status)
    if status.is_reviewer:
        raise ValueError(f"{status.value!r} is a reviewer's status: the pipeline cannot set it")
    if not 0 <= verdict.confidence <= 1:
        raise ValueError(f"confidence {verdict.confidence} is outside 0..1")
    claim = _lock_claim(s, claim_id)
    previous = claim.pipeline_status
    now = utcnow()
    values = {
        "pipeline_status": status.value,
        "confidence": float(verdict.confidence),
        "reason": verdict.reason,
    }
    if _assign(claim, values):
        claim.updated_at = now
    change: StatusChange | None = None
    if _held(claim):
        if previous != status.value:
            who = f" by {claim.held_by}" if claim.held_by else ""
            change = StatusChange(
                old_status=previous,
                new_status=status.value,
                applied=False,
                note=f"reviewer decision {claim.status!r}{who} kept; pipeline: {verdict.reason}",
            )
    elif claim.status != status.value:
        change = StatusChange(
            old_status=claim.status, new_status=status.value, applied=True, note=verdict.reason
        )
        claim.status = status.value
    if change is None:
        return None
    change.claim_id = claim.id
    change.actor = PIPELINE
    change.kind = PIPELINE
    change.run_id = run_id
    change.created_at = now
    s.add(change)
    s.flush()
    return change


def _reviewer_input(note: str, reviewer: str) -> tuple[str, str]:
    if not note or not note.strip():
        raise InputError("a review needs a note saying why")
    if not reviewer or not reviewer.strip():
        raise InputError("a review needs the reviewer's name")
    return note.strip(), reviewer.strip()


def _reviewer_change(
    s: Session, claim: Claim, status: str, note: str, reviewer: str
) -> StatusChange:
    now = utcnow()
    change = StatusChange(
        claim_id=claim.id,
        old_status=claim.status,
        new_status=status,
        applied=True,
        actor=reviewer,
        kind=REVIEWER,
        note=note,
        created_at=now,
    )
    claim.status = status
    claim.updated_at = now
    s.add(change)
    s.flush()
    return change


def review_claim(
    s: Session, claim_id: int, status: Status | str, *, note: str, reviewer: str
) -> StatusChange:
    """A person's decision (verified, false, needs_evidence), with a note; pipeline runs
    keep it until released. The pipeline's statuses are the pipeline's to give."""
    note, reviewer = _reviewer_input(note, reviewer)
    chosen = _status(status)
    if chosen not in model.REVIEWER_STATUSES:
        choices = ", ".join(sorted(st.value for st in model.REVIEWER_STATUSES))
        raise InputError(
            f"{chosen.value!r} is the pipeline's status, not a reviewer's decision; choose "
            f"one of: {choices} (or release the claim to the pipeline)"
        )
    claim = _lock_claim(s, claim_id)
    claim.held_by = reviewer
    return _reviewer_change(s, claim, chosen.value, note, reviewer)


def release_claim(s: Session, claim_id: int, *, note: str, reviewer: str) -> StatusChange:
    """Hand a reviewed claim back to the pipeline: its status becomes the pipeline's."""
    note, reviewer = _reviewer_input(note, reviewer)
    claim = _lock_claim(s, claim_id)
    if not _held(claim):
        raise InputError(f"claim {claim_id} is not held by a reviewer: nothing to release")
    claim.held_by = None
    return _reviewer_change(s, claim, claim.pipeline_status, note, reviewer)


def assign_claim(s: Session, claim_id: int, reviewer: str | None) -> Claim:
    """Give a claim to a reviewer (None: to anyone)."""
    claim = _lock_claim(s, claim_id)
    claim.assigned_to = reviewer.strip() if reviewer and reviewer.strip() else None
    return claim


def history_for(s: Session, claim_id: int) -> list[StatusChange]:
    """Every status change of the claim, oldest first."""
    get_claim(s, claim_id)
    query = select(StatusChange).where(StatusChange.claim_id == claim_id)
    return list(s.scalars(query.order_by(StatusChange.id)))


# -- runs ---------------------------------------------------------------------------------


def start_run(s: Session, *, article_id: int, flow_run_id: str | None) -> Run:
    get_article(s, article_id)
    mark_interrupted(s)
    run = Run(
        article_id=article_id,
        flow_run_id=flow_run_id,
        outcome="running",
        counts={},
        host=_HOST,
        pid=os.getpid(),
    )
    s.add(run)
    s.flush()
    return run


_HOST = socket.gethostname()[:255]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def interrupted(run: Run) -> bool:
    """Is ``run`` left "running" by a process of this machine that is gone?"""
    return (
        run.outcome == "running"
        and run.host == _HOST
        and run.pid is not None
        and run.pid != os.getpid()
        and not _alive(run.pid)
    )


def mark_interrupted(s: Session) -> list[Run]:
    """Runs left "running" by a process of this machine that is gone: marked interrupted.

    (A run of another machine cannot be checked from here; it stays as it is.)
    """
    running = select(Run).where(Run.outcome == "running", Run.host == _HOST)
    stale = [run for run in s.scalars(running) if interrupted(run)]
    for run in stale:
        run.outcome = INTERRUPTED
        run.finished_at = utcnow()
        run.error = f"interrupted: its process (pid {run.pid} on {run.host}) stopped"
    s.flush()
    return stale


def runs_of_flow_run(s: Session, flow_run_id: str) -> list[Run]:
    """The Runs a Prefect flow run made (one, unless it was retried in place)."""
    return list(s.scalars(select(Run).where(Run.flow_run_id == flow_run_id).order_by(Run.id)))


def interrupt_flow_run(s: Session, flow_run_id: str, reason: str) -> list[Run]:
    """Mark the Runs a crashed Prefect flow run left "running" as interrupted (its worker
    may have been on another machine, where ``mark_interrupted`` cannot look)."""
    stale = [run for run in runs_of_flow_run(s, flow_run_id) if run.outcome == "running"]
    for run in stale:
        run.outcome = INTERRUPTED
        run.finished_at = utcnow()
        run.error = f"interrupted: {reason}"
    s.flush()
    return stale


def list_runs(s: Session, *, article_id: int | None = None, limit: int = 50) -> list[Run]:
    """The newest runs first."""
    query = select(Run).order_by(Run.id.desc()).limit(limit)
    if article_id is not None:
        query = query.where(Run.article_id == article_id)
    return list(s.scalars(query))


def get_run(s: Session, run_id: int) -> Run:
    run = s.get(Run, run_id)
    if run is None:
        raise NotFoundError(f"run {run_id} not found")
    return run


def finish_run(
    s: Session,
    run_id: int,
    *,
    outcome: str,
    counts: Mapping[str, Any],
    error: str | None = None,
) -> Run:
    if outcome not in RUN_OUTCOMES:
        raise ValueError(f"a run finishes 'ok', 'failed' or 'interrupted', not {outcome!r}")
    run = s.get(Run, run_id, with_for_update=True, populate_existing=True)
    if run is None:
        raise NotFoundError(f"run {run_id} not found")
    run.outcome = outcome
    run.counts = dict(counts)
    run.error = error
    run.finished_at = utcnow()
    s.flush()
    return run


# -- users --------------------------------------------------------------------------------

ROLES = ("viewer", "reviewer", "editor")  # each may do what the one before may, and more


def add_user(s: Session, *, name: str, role: str, password_hash: str) -> User:
    name = name.strip()
    if not name or len(name) > 200 or any(c.isspace() for c in name):
        raise InputError("a user name is 1-200 characters without spaces")
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    if s.scalar(select(User).where(User.name == name)) is not None:
        raise InputError(f"user {name!r} exists already")
    user = User(name=name, role=role, password_hash=password_hash, disabled=False)
    s.add(user)
    s.flush()
    return user


def user_named(s: Session, name: str) -> User | None:
    return s.scalar(select(User).where(User.name == name.strip()))


def get_user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id} not found")
    return user


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.name)))
