"""The verify-article flow: the pipeline of DESIGN.md as Prefect tasks over plain functions."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from flows.runtime import configure

configure()

from prefect import flow, get_run_logger, task, unmapped  # noqa: E402
from prefect.artifacts import create_markdown_artifact, create_table_artifact  # noqa: E402
from prefect.cache_policies import NONE as NO_CACHE  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from claims.model import Claim, CoverageText, EvidenceMatch  # noqa: E402
from claims.text import detect_language  # noqa: E402
from flows import steps  # noqa: E402
from satyapan.errors import SatyapanError  # noqa: E402
from sources.fetch import FetchOptions, FetchResult  # noqa: E402

# The caller's progress bar (or the background server's relay to it): a callable cannot
# travel as a flow parameter. A context variable, so that runs in threads keep their own;
# Prefect copies the context into the threads its tasks run in.
FETCH_PROGRESS: ContextVar[Callable[[FetchResult], None] | None] = ContextVar(
    "fetch_progress", default=None
)

FETCH_BATCH = 50  # URLs per fetch task: tasks are coarse (DESIGN.md: ~20 KB of state each)
# Tasks are not cached (NO_CACHE: no hashing of their inputs), and large inputs (pages,
# coverage, evidence) are handed over quote()d, so Prefect does not walk thousands of
# objects looking for futures to resolve.
MAX_LISTED = 200  # failed pages listed in a run's counts (all are counted)


@task(name="extract-claims", cache_policy=NO_CACHE)
def extract_claims_task(text: str, glossary: str | None) -> list[Claim]:
    return steps.claims_of(text, glossary)


@task(name="store-claims", cache_policy=NO_CACHE)
def store_claims_task(
    database_url: str, article_id: int, run_id: int, claims: list[Claim]
) -> list[int]:
    return steps.store_claims(database_url, article_id, run_id, claims)


# Transient failures (timeouts, connection errors, 5xx) are retried inside the fetch session
# with backoff; a Prefect retry on top would multiply them, so this task does not retry.
@task(name="fetch-coverage", cache_policy=NO_CACHE)
def fetch_task(
    urls: list[str],
    fetch: dict[str, Any],
    validators: dict[str, tuple[str | None, str | None]] | None = None,
    shared_limits: bool = False,
) -> list[FetchResult]:
    options = FetchOptions(**fetch)
    gate = None
    if shared_limits:
        from flows.limits import shared_gate

        gate = shared_gate(options.per_host_concurrency)
    return steps.fetch_urls(
        urls, options, progress=FETCH_PROGRESS.get(), validators=validators, gate=gate
    )


@task(name="discover-coverage", cache_policy=NO_CACHE)
def discover_task(
    claims: list[Claim],
    language: str,
    discovery: dict[str, Any],
    fetch: dict[str, Any],
    event_date: str | None,
    window_days: tuple[int, int],
) -> tuple[list[str], list[str]]:
    return steps.discover_urls(
        claims,
        language=language,
        discovery=discovery,
        fetch=fetch,
        event_date=event_date,
        window_days=window_days,
    )


@task(name="read-corpus", cache_policy=NO_CACHE)
def corpus_task(folder: str) -> list[FetchResult]:
    return steps.corpus_results(folder)


@task(name="extract-pages", cache_policy=NO_CACHE)
def extract_pages_task(results: list[FetchResult]) -> list[steps.PageOutcome]:
    return [steps.read_page(r) for r in results]


@task(name="store-documents", cache_policy=NO_CACHE)
def store_documents_task(
    database_url: str, outcomes: list[steps.PageOutcome], groups: dict[str, str]
) -> dict[str, int]:
    return steps.store_documents(database_url, outcomes, groups)


@task(name="match-evidence", cache_policy=NO_CACHE)
def match_task(
    claims: list[Claim],
    coverage: list[CoverageText],
    glossary: str | None,
    options: dict[str, Any] | None,
    window: tuple[str, str] | None = None,
    event_date: str | None = None,
) -> tuple[list[EvidenceMatch], dict[str, str]]:
    return steps.match_pages(claims, coverage, glossary, options, window, event_date)


@task(name="store-verdicts", cache_policy=NO_CACHE)
def store_verdicts_task(
    database_url: str,
    run_id: int,
    claim_ids: list[int],
    evidence: list[EvidenceMatch],
    coverage: list[CoverageText],
    document_ids: dict[str, int],
    window: tuple[str, str] | None,
) -> dict[str, Any]:
    counts = steps.store_verdicts(database_url, run_id, claim_ids, evidence, coverage, document_ids)
    return counts.as_dict()


# A webhook that fails is tried again a few times, then the run goes on without it.
@task(name="notify-webhook", retries=3, retry_delay_seconds=[1, 2, 4], cache_policy=NO_CACHE)
def notify_task(url: str, payload: dict[str, Any]) -> None:
    steps.notify(url, payload)


@flow(name="verify-article", log_prints=False)
def verify_article(
    text: str,
    source: str,
    database_url: str,
    title: str | None = None,
    urls: list[str] | None = None,
    corpus: str | None = None,
    fetch: dict[str, Any] | None = None,
    glossary: str | None = None,
    match: dict[str, Any] | None = None,
    event_date: str | None = None,
    window_days: tuple[int, int] = (3, 7),
    discovery: dict[str, Any] | None = None,
    webhook: str | None = None,
    shared_limits: bool = False,
) -> dict[str, Any]:
    """Claims -> coverage -> evidence -> verdicts for one article, stored as one Run.

    With ``shared_limits``, the per-host request limits and delays are Prefect global
    concurrency limits, held across every worker (``flows.limits``); without, they hold
    within this process.

    With ``webhook`` (a URL), the claims whose status changed are POSTed there as JSON
    (``{"article_id", "run_id", "changes": [...]}``), retried on failure.

    With ``event_date`` (ISO), coverage published more than ``window_days`` (before, after)
    away from it is stored but does not count as evidence. With ``discovery`` (the discovery
    settings as plain values), coverage is also searched for with the configured providers.
    """
    logger = get_run_logger()
    article_id, run_id = steps.start(
        database_url,
        source=source,
        text=text,
        title=title,
        flow_run_id=_flow_run_id(),
        published=event_date,
    )
    window = steps.date_window(event_date, *window_days)
    try:
        claims = extract_claims_task(text, glossary)
        claim_ids = store_claims_task(database_url, article_id, run_id, claims)
        results: list[FetchResult] = []
        warnings: list[str] = []
        if corpus:
            results.extend(corpus_task(corpus))
        if discovery is not None:
            found, warnings = discover_task(
                claims, detect_language(text), discovery, fetch or {}, event_date, window_days
            )
            for warning in warnings:  # a provider that failed: the others' pages still count
                logger.warning("discovery: %s", warning)
            urls = list(dict.fromkeys([*(urls or []), *found]))
        plan = None
        if urls:
            # Pages read within the cache TTL are not fetched again; older ones are
            # revalidated with their ETag / Last-Modified.
            plan = steps.plan_fetches(database_url, urls, FetchOptions(**(fetch or {})).cache_ttl)
            todo = list(plan.to_fetch)
            batches = [todo[i : i + FETCH_BATCH] for i in range(0, len(todo), FETCH_BATCH)]
            if batches:
                futures = fetch_task.map(
                    batches,
                    fetch=unmapped(fetch or {}),
                    validators=unmapped(plan.validators),
                    shared_limits=unmapped(shared_limits),
                )
                for batch in futures.result():
                    results.extend(batch)
        outcomes = extract_pages_task(_quoted(results))
        if plan is not None:
            outcomes = plan.complete(outcomes)
        groups = steps.syndication_groups(outcomes)
        document_ids = store_documents_task(database_url, _quoted(outcomes), groups)
        coverage = steps.coverage_of(outcomes, groups)
        evidence, failures = match_task(
            _quoted(claims), _quoted(coverage), glossary, match, window, event_date
        )
        # A page that could not be read or analysed is recorded on its Document and in the
        # run's counts; the run goes on with every other page.
        steps.record_failures(database_url, run_id, failures)
        failed = {o.result.url: o.error or "" for o in outcomes if o.outcome == steps.FAILED}
        failed.update(failures)
        counts = store_verdicts_task(
            database_url,
            run_id,
            claim_ids,
            _quoted(evidence),
            _quoted(coverage),
            document_ids,
            window,
        )
        counts["discovery_warnings"] = warnings[:MAX_LISTED]
        counts["pages_failed"] = len(failed)
        counts["failed_pages"] = [
            {"url": url, "error": error} for url, error in list(failed.items())[:MAX_LISTED]
        ]
        for url, error in failed.items():
            logger.warning("page %s failed: %s", url, error)
    except Exception as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if _api_unreachable(exc):
            # Not the article's fault: the Run is interrupted, and a re-verification
            # submits the article again (flows.reverify).
            steps.finish(database_url, run_id, counts=None, error=message, interrupted=True)
            raise SatyapanError(f"the Prefect API went away during the run: {message}") from exc
        steps.finish(database_url, run_id, counts=None, error=message)
        if isinstance(exc, SatyapanError):
            raise
        raise SatyapanError(f"verification failed: {message}") from exc
    rows = counts.pop("claim_rows", [])
    applied = [c for c in counts["changes"] if c["applied"]]
    if webhook and applied:
        try:
            notify_task(webhook, {"article_id": article_id, "run_id": run_id, "changes": applied})
            counts["webhook"] = "sent"
        except Exception as exc:  # noqa: BLE001 - the newsroom's endpoint never sinks a run
            counts["webhook"] = f"failed: {steps.fault(exc)}"
            logger.warning("webhook %s failed after retries: %s", webhook, exc)
    steps.finish(database_url, run_id, counts=counts)
    logger.info("article %s: %s", article_id, counts["statuses"])
    _report(article_id, run_id, database_url, rows, counts)
    return {"article_id": article_id, "run_id": run_id, **counts}


T = TypeVar("T")


def _quoted(value: T) -> T:
    """``value`` for a task, not inspected by Prefect (the task receives it unwrapped)."""
    return cast(T, quote(value))


def _api_unreachable(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) is the Prefect API not answering: connection
    refused or dropped, or a 5xx from a server that is going away or coming back."""
    import httpx
    from prefect.exceptions import PrefectHTTPStatusError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, httpx.TransportError):
            return True
        if isinstance(current, PrefectHTTPStatusError) and current.response.status_code >= 500:
            return True
        current = current.__cause__ or current.__context__
    return False


def _flow_run_id() -> str | None:
    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


def _report(
    article_id: int,
    run_id: int,
    database_url: str,
    rows: list[dict[str, Any]],
    counts: dict[str, Any],
) -> None:
    """What the run found, in the Prefect UI: a table of the claims (status, confidence,
    changed) and the article's fact sheet as Markdown."""
    create_table_artifact(
        key=f"article-{article_id}-claims",
        table=rows or [{"claim": "-", "status": "no claims"}],
        description=(
            f"Run {run_id}: {counts['claims']} claims, {counts['documents_ok']} of "
            f"{counts['documents']} pages read, {counts['status_changes']} status changes, "
            f"{counts.get('pages_failed', 0)} pages failed"
        ),
    )
    create_markdown_artifact(
        key=f"article-{article_id}-fact-sheet",
        markdown=steps.fact_sheet(database_url, article_id),
        description=f"Fact sheet after run {run_id}",
    )
