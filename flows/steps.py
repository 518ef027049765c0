"""The pipeline's stages as plain functions: what each Prefect task runs, testable alone."""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from claims.extract import extract_claims
from claims.glossary import Glossary, default_glossary
from claims.match import MatchOptions, find_evidence, prepare_coverage
from claims.model import Claim, CoverageText, EvidenceMatch
from claims.text import detect_language
from claims.verdict import decide_status, outside_window, parse_date
from db import repo
from db.engine import ensure_schema, make_engine, session_scope
from db.models import Document
from satyapan.apertium import morphology
from satyapan.errors import ExtractError, InputError
from satyapan.lexicon import bilingual
from satyapan.places import towns
from satyapan.valence import valence
from satyapan.wordnet import antonyms, persons, phrasal_verbs
from sources.dedupe import group_syndicated
from sources.extract import Page, TooLittleTextError, extract_page, host_name
from sources.fetch import (
    FetchOptions,
    FetchOutcome,
    FetchResult,
    HostGate,
    Validators,
    fetch_many,
)
from sources.inputs import load_corpus

log = logging.getLogger(__name__)


# The engines of the databases used last, one per URL: a long-lived process (the
# background server) that is handed many databases keeps only these, and closes the rest.
ENGINES_KEPT = 4
_engines: OrderedDict[str, Engine] = OrderedDict()
_engines_lock = threading.Lock()

# Stages in progress that have the cyclic garbage collector paused (a count: runs of one
# background process overlap, and the collector comes back when the last one ends), and
# whether it was on when the first of them began.
_gc_pauses = 0
_gc_was_on = True
_gc_lock = threading.Lock()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a stage makes and drops hundreds of thousands
    of small objects with no cycles among them (coverage terms, candidate quotes): it would
    otherwise walk them, and everything loaded before, many times over — a quarter of
    matching's time at 1,000 pages. Reference counting still frees each one; what cycles
    there are wait for the collector's next pass."""
    global _gc_pauses, _gc_was_on
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_on = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_on:
                gc.enable()


def engine_for(url: str) -> Engine:
    """One engine per database URL per process, upgraded to the current schema."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = make_engine(url)
            ensure_schema(engine)
            _engines[url] = engine
        _engines.move_to_end(url)
        while len(_engines) > ENGINES_KEPT:
            _engines.popitem(last=False)[1].dispose()
    return engine


def close_connections() -> None:
    """Close the pooled connections of every engine (each keeps a page cache, or a server
    session): a process waiting for its next run holds none. They open again on use."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()


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
    # Each claim's status after the run, and the changes it made (for artifacts, webhooks).
    claim_rows: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "documents": self.documents,
            "documents_ok": self.documents_ok,
            "evidence": self.evidence,
            "status_changes": self.changed,
            "statuses": dict(sorted(self.statuses.items())),
            "changes": self.changes[:200],
            "claim_rows": self.claim_rows,  # for the run's artifact; not kept in the Run
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
    validators: Mapping[str, Validators] | None = None,
    gate: HostGate | None = None,
) -> list[FetchResult]:
    """Fetch coverage politely; ``validators`` (from a FetchPlan) make requests conditional;
    ``gate`` shares the per-host limits with other workers."""
    return fetch_many(urls, options=options, progress=progress, validators=validators, gate=gate)


# PageOutcome.outcome of a stored page used again: reused within the TTL without a
# request, or confirmed by a 304. store_documents touches these instead of saving them.
CACHED = "cached"
NOT_MODIFIED = FetchOutcome.NOT_MODIFIED.value


@dataclass(frozen=True)
class FetchPlan:
    """Which coverage URLs to fetch, how, and which stored pages stand in for a fetch.

    ``to_fetch``: the URLs to request, in order; ``validators``: for those with a stored
    copy, its (ETag, Last-Modified); ``stored``: the stored page of every URL with a
    readable copy (fresh ones are reused as they are, the others if the site answers 304).
    """

    urls: tuple[str, ...]
    to_fetch: tuple[str, ...]
    validators: dict[str, Validators] = field(default_factory=dict)
    stored: dict[str, PageOutcome] = field(default_factory=dict)

    @property
    def reused(self) -> tuple[str, ...]:
        """URLs answered from the store without a request."""
        asked = set(self.to_fetch)
        return tuple(url for url in self.urls if url not in asked and url in self.stored)

    def complete(self, outcomes: Sequence[PageOutcome]) -> list[PageOutcome]:
        """``outcomes`` (of fetching ``to_fetch``, after read_page) with every 304 given its
        stored page and the fresh stored pages added, in the order of ``urls``; outcomes of
        other URLs (a local corpus) come first, as they were."""
        position = {url: i for i, url in enumerate(self.urls)}
        others: list[PageOutcome] = []
        planned: dict[str, PageOutcome] = {}
        for o in outcomes:
            url = o.result.url
            if url not in position:
                others.append(o)
                continue
            stored = self.stored.get(url)
            if o.outcome == NOT_MODIFIED and stored is not None:
                o = PageOutcome(o.result, stored.page, NOT_MODIFIED)
            elif o.page is None and stored is not None and _transient(o.result):
                # The site is down for now: the copy read before still speaks for the page
                # (the failure is recorded on the Document; its text is kept).
                o = PageOutcome(o.result, stored.page, o.outcome, o.error)
            planned[url] = o
        for url in self.reused:
            planned.setdefault(url, self.stored[url])
        return others + [planned[url] for url in self.urls if url in planned]


def _transient(result: FetchResult) -> bool:
    """A failure that says nothing about the page: timeouts, refused connections, 5xx."""
    if result.outcome in (FetchOutcome.TIMEOUT, FetchOutcome.CONNECTION_ERROR):
        return True
    return result.outcome is FetchOutcome.HTTP_ERROR and (result.status_code or 0) >= 500


def plan_fetches(
    database_url: str, urls: Sequence[str], ttl_seconds: float, *, now: datetime | None = None
) -> FetchPlan:
    """Plan a run's fetches against the store: a page read within ``ttl_seconds`` is
    reused without a request; an older readable one is revalidated with its ETag /
    Last-Modified; the rest (new URLs, failed fetches) are fetched plainly."""
    wanted = tuple(dict.fromkeys(urls))
    cutoff = (now or datetime.now(UTC)) - timedelta(seconds=max(0.0, ttl_seconds))
    with session_scope(engine_for(database_url)) as s:
        documents = repo.documents_by_url(s, wanted)
    to_fetch: list[str] = []
    validators: dict[str, Validators] = {}
    stored: dict[str, PageOutcome] = {}
    for url in wanted:
        doc = documents.get(url)
        if doc is None or doc.text is None:
            to_fetch.append(url)
            continue
        # A copy kept through a failed re-fetch stands in if the next fetch fails too.
        fresh = ttl_seconds > 0 and doc.fetched_at > cutoff and doc.outcome == "ok"
        stored[url] = _stored_page(doc, CACHED if fresh else NOT_MODIFIED)
        if fresh:
            continue
        to_fetch.append(url)
        if doc.etag or doc.last_modified:
            validators[url] = (doc.etag, doc.last_modified)
    return FetchPlan(wanted, tuple(to_fetch), validators, stored)


def _stored_page(doc: Document, outcome: str) -> PageOutcome:
    """A stored Document as a readable page, shaped like a fetch that brought nothing new."""
    final_url = doc.final_url or doc.url
    result = FetchResult(
        url=doc.url,
        final_url=final_url,
        outcome=FetchOutcome.NOT_MODIFIED,
        status_code=None,  # no request was made
        content_type=doc.content_type,
        body=None,
        error=None,
        fetched_at=doc.fetched_at,
        elapsed=0.0,
        etag=doc.etag,
        last_modified=doc.last_modified,
    )
    page = Page(
        url=doc.url,
        final_url=final_url,
        title=doc.title,
        text=doc.text or "",
        published=doc.published,
        site_name=doc.publisher,
        author=None,
        language=doc.language,
        content_hash=doc.content_hash or repo.sha256(doc.text or ""),
    )
    return PageOutcome(result, page, outcome)


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
    except Exception as exc:  # noqa: BLE001 - one page's fault never sinks a run
        log.warning("page %s could not be read: %r", result.url, exc)
        return PageOutcome(result, None, FAILED, fault(exc))
    return PageOutcome(result, page, "ok")


# PageOutcome.outcome of a page whose reading raised: recorded on its Document as ``failed``.
FAILED = "failed"


def fault(exc: BaseException) -> str:
    """An exception as one line for the record: "KeyError: 'd'"."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}"[:500] if message else type(exc).__name__


def syndication_groups(outcomes: Sequence[PageOutcome]) -> dict[str, str]:
    """URL -> the URL of the first copy of its story (copies of one wire story share it)."""
    with gc_paused():
        return group_syndicated([(o.result.url, o.page.text) for o in outcomes if o.page])


def store_documents(
    database_url: str,
    outcomes: Sequence[PageOutcome],
    groups: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Store every page, readable or not, with its syndication group; url -> document id."""
    groups = syndication_groups(outcomes) if groups is None else groups
    ids: dict[str, int] = {}
    with session_scope(engine_for(database_url)) as s:
        fetched: list[dict[str, Any]] = []
        for o in outcomes:
            page, r = o.page, o.result
            if o.outcome in (CACHED, NOT_MODIFIED):  # the stored copy is still current
                row = repo.touch_document(
                    s,
                    r.url,
                    fetched_at=r.fetched_at if o.outcome == NOT_MODIFIED else None,
                    etag=r.etag,
                    last_modified=r.last_modified,
                    syndication_group=groups.get(r.url) if page else None,
                )
                ids[r.url] = row.id
                continue
            fetched.append(
                {
                    "url": r.url,
                    "final_url": r.final_url,
                    "outcome": o.outcome,
                    "error": o.error,
                    "http_status": r.status_code,
                    "content_type": r.content_type,
                    "publisher": page.site_name if page else None,
                    "language": page.language if page else None,
                    "title": page.title if page else None,
                    "published": page.published if page else None,
                    "text": page.text if page else None,
                    "content_hash": page.content_hash if page else None,
                    "syndication_group": groups.get(r.url) if page else None,
                    "fetched_at": r.fetched_at,
                    "etag": r.etag if page else None,
                    "last_modified": r.last_modified if page else None,
                    "failed": o.error if o.outcome == FAILED else None,
                }
            )
        rows = repo.save_documents(s, fetched)
        s.flush()
        ids.update((url, row.id) for url, row in rows.items())
    return ids


def record_failures(database_url: str, run_id: int, failures: Mapping[str, str]) -> None:
    """Pages whose analysis or matching raised: each Document says why (``failed``)."""
    if not failures:
        return
    with session_scope(engine_for(database_url)) as s:
        for url, error in failures.items():
            repo.mark_document_failed(s, url, error)


def coverage_of(
    outcomes: Sequence[PageOutcome], groups: Mapping[str, str] | None = None
) -> list[CoverageText]:
    """What matching sees of each readable page, with the group that makes it independent:
    syndicated copies share one, a publisher's pages share one, and the two join: a
    publisher that carries a wire story and its own report of it is one source with the wire
    (its other copies included), not two."""
    readable = [o for o in outcomes if o.page is not None]
    groups = syndication_groups(readable) if groups is None else groups
    publisher = {
        o.result.url: (o.page.site_name if o.page else None) or host_name(o.result.final_url)
        for o in readable
    }
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for o in readable:
        url = o.result.url
        join(f"page:{url}", f"copy:{groups.get(url, url)}")
        if publisher[url]:
            join(f"page:{url}", f"site:{publisher[url]}")
    names: dict[str, list[str]] = {}
    for o in readable:
        named = names.setdefault(root(f"page:{o.result.url}"), [])
        if (name := publisher[o.result.url] or o.result.url) not in named:
            named.append(name)
    out: list[CoverageText] = []
    for o in readable:
        assert o.page is not None
        out.append(
            CoverageText(
                key=o.result.url,
                text=o.page.text,
                language=o.page.language,
                publisher=o.page.site_name,
                group=" / ".join(names[root(f"page:{o.result.url}")]),
                published=o.page.published,
            )
        )
    return out


def match(
    claims: Sequence[Claim],
    coverage: Sequence[CoverageText],
    glossary: str | None = None,
    options: dict[str, Any] | None = None,
    window: tuple[str, str] | None = None,
    event_date: str | None = None,
) -> list[EvidenceMatch]:
    return match_pages(claims, coverage, glossary, options, window, event_date)[0]


def match_pages(
    claims: Sequence[Claim],
    coverage: Sequence[CoverageText],
    glossary: str | None = None,
    options: dict[str, Any] | None = None,
    window: tuple[str, str] | None = None,
    event_date: str | None = None,
) -> tuple[list[EvidenceMatch], dict[str, str]]:
    """Evidence for the claims, and the pages whose analysis failed (url -> error): such a
    page gives no evidence, every other page still does."""
    span = (parse_date(window[0]), parse_date(window[1])) if window else None
    gloss = glossary_for(glossary)
    with gc_paused():
        prepared = prepare_coverage(coverage, glossary=gloss)
        failures = {prepared.docs[i].key: error for i, error in prepared.failed}
        evidence = find_evidence(
            claims,
            prepared,
            glossary=gloss,
            options=MatchOptions(**(options or {})),
            window=(span[0], span[1]) if span and span[0] and span[1] else None,
            event_day=parse_date(event_date),
        )
    return evidence, failures


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
            change = repo.apply_verdict(s, claim_id, verdict, run_id=run_id)
            claim = repo.get_claim(s, claim_id)
            if change is not None:
                counts.changed += 1
                counts.changes.append(
                    {
                        "claim_id": claim_id,
                        "claim": claim.text,
                        "from": change.old_status,
                        "to": change.new_status,
                        "applied": change.applied,  # False: a reviewer's decision holds
                        "reason": verdict.reason,
                    }
                )
            counts.statuses[claim.status] = counts.statuses.get(claim.status, 0) + 1
            counts.claim_rows.append(
                {
                    "claim": claim_id,
                    "status": claim.status,
                    "pipeline": claim.pipeline_status,
                    "confidence": round(claim.confidence or 0.0, 2),
                    "changed": "yes" if change is not None else "",
                    "text": claim.text[:120],
                }
            )
    return counts


def finish(
    database_url: str,
    run_id: int,
    *,
    counts: dict[str, Any] | None,
    error: str | None = None,
    interrupted: bool = False,
) -> None:
    """Close a Run: ok, failed (``error``), or interrupted (``interrupted``: the run could
    not go on for a reason outside the article, such as the Prefect API going away; a
    re-verification submits the article again)."""
    outcome = "interrupted" if interrupted else "failed" if error else "ok"
    with session_scope(engine_for(database_url)) as s:
        repo.finish_run(s, run_id, outcome=outcome, counts=counts or {}, error=error)


def run_outcome(database_url: str, flow_run_id: str) -> str | None:
    """The outcome of the last Run a Prefect flow run made, or None when it made none."""
    with session_scope(engine_for(database_url), write=False) as s:
        runs = repo.runs_of_flow_run(s, flow_run_id)
        return runs[-1].outcome if runs else None


def run_summary(database_url: str, flow_run_id: str) -> dict[str, Any] | None:
    """What the finished Run of a Prefect flow run counted (as ``verify_article`` returns
    it), or None when it made no finished Run."""
    with session_scope(engine_for(database_url), write=False) as s:
        for run in reversed(repo.runs_of_flow_run(s, flow_run_id)):
            if run.outcome == "ok":
                return {"article_id": run.article_id, "run_id": run.id, **(run.counts or {})}
    return None


def interrupt_flow_run(database_url: str, flow_run_id: str, reason: str) -> int:
    with session_scope(engine_for(database_url)) as s:
        return len(repo.interrupt_flow_run(s, flow_run_id, reason))


@lru_cache(maxsize=8)
def glossary_for(path: str | None) -> Glossary:
    """The built-in glossary, merged with a newsroom's own file when one is configured, over
    the installed bilingual lexicon (built once per process)."""
    from satyapan.cache import prime_lemminflect

    prime_lemminflect()
    base = (
        default_glossary()
        .with_bilingual(bilingual())
        .with_antonyms(antonyms())
        .with_towns(towns())
        .with_phrasal(phrasal_verbs())
        .with_valence(valence())
        .with_persons(persons())
    )
    if not path:
        return base
    try:
        extra = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read glossary {path}: {exc.strerror}") from None
    try:
        return (
            base.merge(Glossary.parse(extra))
            .with_antonyms(antonyms())
            .with_phrasal(phrasal_verbs())
        )
    except ValueError as exc:
        raise InputError(f"glossary {path}: {exc}") from None


def claims_of(text: str, glossary: str | None = None) -> list[Claim]:
    return extract_claims(text, glossary=glossary_for(glossary), morphology=morphology())


DISCOVERY_SETTINGS = (
    "discovery_providers",
    "news_rss_endpoint",
    "gdelt_endpoint",
    "gdelt_min_interval",
    "feeds",
    "discovery_max_queries",
)


def discovery_params(settings: Any) -> dict[str, Any]:
    """The discovery settings as plain values, to travel as a flow parameter."""
    return {name: getattr(settings, name) for name in DISCOVERY_SETTINGS}


def discover_urls(
    claims: Sequence[Claim],
    *,
    language: str,
    discovery: dict[str, Any],
    fetch: dict[str, Any],
    event_date: str | None,
    window_days: tuple[int, int],
) -> tuple[list[str], list[str]]:
    """Candidate coverage URLs from the configured providers, and their warnings."""
    from satyapan.settings import Settings
    from sources.discover import DateWindow, discover, providers_from_settings

    cfg = Settings.model_construct(**discovery)
    providers = providers_from_settings(cfg, options=FetchOptions(**fetch))
    day = parse_date(event_date)
    window = DateWindow.around(day, *window_days) if day else None
    result = discover(
        claims,
        language=language,
        providers=providers,
        window=window,
        max_queries=int(discovery.get("discovery_max_queries", 12)),
    )
    return [c.url for c in result.candidates], list(result.warnings)


def open_articles(
    database_url: str,
    statuses: Sequence[str],
    limit: int,
    *,
    every_hours: float = 0.0,
    max_backoff: int = 8,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """Articles with claims in ``statuses`` that no reviewer holds, by need — those with a
    disputed claim first, then single source, then the rest, the longest unchecked first —
    with the URLs of the pages that gave their claims evidence before.

    With ``every_hours``, only the articles that are due: checked at least that long ago,
    the wait doubling for each run in a row that changed nothing (at most ``max_backoff``
    times), so a settled article is not fetched every few hours for ever."""
    from sqlalchemy import case, func, select

    from db import models

    urgency = case(
        (models.Claim.status == "disputed", 0),
        (models.Claim.status == "single_source", 1),
        else_=2,
    )
    with session_scope(engine_for(database_url)) as s:
        rows = s.execute(
            select(
                models.Claim.article_id,
                func.min(urgency).label("need"),
                func.max(models.Claim.updated_at).label("checked"),
            )
            .where(models.Claim.status.in_(list(statuses)), models.Claim.held_by.is_(None))
            .group_by(models.Claim.article_id)
            .order_by("need", "checked", models.Claim.article_id)
        ).all()
        out: list[dict[str, Any]] = []
        for article_id, _, _ in rows:
            if len(out) >= limit:
                break
            if every_hours > 0 and not _due(s, article_id, every_hours, max_backoff, now):
                continue
            article = repo.get_article(s, article_id)
            urls = s.scalars(
                select(models.Document.url)
                .join(models.Evidence, models.Evidence.document_id == models.Document.id)
                .join(models.Claim, models.Claim.id == models.Evidence.claim_id)
                .where(models.Claim.article_id == article_id)
                .distinct()
            ).all()
            out.append(
                {
                    "id": article.id,
                    "text": article.text,
                    "source": article.source,
                    "title": article.title,
                    "published": article.published,
                    "urls": sorted(u for u in urls if u.startswith(("http://", "https://"))),
                }
            )
        return out


def notify(url: str, payload: dict[str, Any], *, timeout: float = 10.0) -> None:
    """POST ``payload`` as JSON to the newsroom's webhook; raises on failure (the flow's
    task retries it)."""
    import requests

    response = requests.post(url, json=payload, timeout=timeout)
    response.raise_for_status()


def fact_sheet(database_url: str, article_id: int) -> str:
    """The article's fact sheet in Markdown (for the run's artifact)."""
    from review.export import article_json
    from review.sheets import to_markdown

    with session_scope(engine_for(database_url), write=False) as s:
        return to_markdown(article_json(s, article_id))


def _due(
    s: Any, article_id: int, every_hours: float, max_backoff: int, now: datetime | None
) -> bool:
    """Is the article due for another check (see open_articles)?"""
    from sqlalchemy import select

    from db import models

    runs = s.scalars(
        select(models.Run)
        .where(models.Run.article_id == article_id, models.Run.outcome == "ok")
        .order_by(models.Run.id.desc())
        .limit(max(1, max_backoff.bit_length() + 1))
    ).all()
    if not runs or runs[0].finished_at is None:
        return True
    quiet = 0
    for run in runs:
        if (run.counts or {}).get("status_changes", 1) != 0:
            break
        quiet += 1
    wait = timedelta(hours=every_hours * min(2**quiet, max_backoff))
    return (now or datetime.now(UTC)) - runs[0].finished_at >= wait
