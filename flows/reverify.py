"""The reverify-open-claims flow: run verification again for every article with open claims.

Run on a schedule (`satyapan serve`, a Prefect server and its scheduler), it keeps open
claims moving as coverage appears: each article is verified again against the pages that
gave evidence before and, when discovery is configured, against what the providers find now.
Reviewer decisions are never overwritten (the repository keeps them).

Given a ``deployment`` (``satyapan deploy`` passes ``verify-article/satyapan``), each article
is verified by its own ``verify-article`` flow run submitted through that deployment, so
any worker of the pool may take it: at most ``max_in_flight`` at once, the most needed
first; a run whose worker died (CRASHED) is submitted again. Without one (``satyapan
reverify``, ``satyapan serve``), the articles are verified here, one after another, as
subflows.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flows.runtime import configure

configure()

from prefect import flow, get_run_logger  # noqa: E402
from prefect.client.orchestration import get_client  # noqa: E402
from prefect.deployments import run_deployment  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402

from flows import steps  # noqa: E402
from flows.fanout import fan_out  # noqa: E402
from flows.verify import verify_article  # noqa: E402

OPEN_STATUSES = ("pending", "unverified", "single_source", "disputed")


@flow(name="reverify-open-claims", log_prints=False)
def reverify_open_claims(
    database_url: str,
    statuses: list[str] | None = None,
    discovery: dict[str, Any] | None = None,
    fetch: dict[str, Any] | None = None,
    glossary: str | None = None,
    match: dict[str, Any] | None = None,
    window_days: tuple[int, int] = (3, 7),
    limit: int = 50,
    webhook: str | None = None,
    every_hours: float = 0.0,
    max_backoff: int = 8,
    deployment: str | None = None,
    max_in_flight: int = 4,
    attempts: int = 2,
    shared_limits: bool = False,
    poll_seconds: float = 2.0,
) -> list[dict[str, Any]]:
    """Verify again the articles (at most ``limit``) that have claims in ``statuses``, those
    that need it most first (a disputed claim, then a single-source one, then the longest
    unchecked). With ``every_hours`` (scheduled runs), only the articles that are due: see
    ``steps.open_articles``."""
    logger = get_run_logger()
    summaries = []
    wanted = statuses or list(OPEN_STATUSES)
    due = steps.open_articles(
        database_url, wanted, limit, every_hours=every_hours, max_backoff=max_backoff
    )

    def params(article: dict[str, Any]) -> dict[str, Any]:
        return {
            "text": article["text"],
            "source": article["source"],
            "database_url": database_url,
            "title": article["title"],
            "urls": article["urls"] or None,
            "fetch": fetch,
            "glossary": glossary,
            "match": match,
            "event_date": article["published"],
            "window_days": window_days,
            "discovery": discovery,
            "webhook": webhook,
            "shared_limits": shared_limits,
        }

    if deployment:
        return _fan_out(
            due, params, database_url, deployment, max_in_flight, attempts, poll_seconds
        )
    for article in due:
        summary = verify_article(**params(article))
        summaries.append(summary)
        logger.info("article %s re-verified: %s", article["id"], summary["statuses"])
    return summaries


def _fan_out(
    due: list[dict[str, Any]],
    params: Any,
    database_url: str,
    deployment: str,
    max_in_flight: int,
    attempts: int,
    poll_seconds: float,
) -> list[dict[str, Any]]:
    """One ``verify-article`` run per article through ``deployment``; their summaries, as
    their Runs in Satyapan's database recorded them (the children may run on any machine)."""
    logger = get_run_logger()
    parent = flow_run.get_id() or "local"

    def submit(article: dict[str, Any], attempt: int) -> str:
        child: Any = run_deployment(
            deployment,
            parameters=params(article),
            timeout=0,  # submit only: fan_out waits for the states
            as_subflow=True,
            idempotency_key=f"{parent}:article-{article['id']}:attempt-{attempt}",
            flow_run_name=f"article-{article['id']}-attempt-{attempt}",
        )
        return str(child.id)

    with get_client(sync_client=True) as client:

        def state_of(run_id: str) -> str:
            state = client.read_flow_run(UUID(run_id)).state
            return state.type.value if state is not None else "PENDING"

        def crashed(article: dict[str, Any], run_id: str) -> None:
            steps.interrupt_flow_run(database_url, run_id, f"flow run {run_id} crashed")
            logger.warning("article %s: flow run %s crashed", article["id"], run_id)

        outcomes = fan_out(
            due,
            submit=submit,
            state_of=state_of,
            max_in_flight=max_in_flight,
            attempts=attempts,
            poll_seconds=poll_seconds,
            on_crash=crashed,
            interrupted=lambda run_id: steps.run_outcome(database_url, run_id) == "interrupted",
        )
    summaries = []
    for outcome in outcomes:
        article = outcome.job
        summary = steps.run_summary(database_url, outcome.run_id) if outcome.ok else None
        if summary is None:
            summary = {
                "article_id": article["id"],
                "statuses": {},
                "error": f"flow run {outcome.run_id} ended {outcome.state}",
            }
            logger.warning("article %s: %s", article["id"], summary["error"])
        summary["flow_runs"] = outcome.runs
        summaries.append(summary)
    return summaries
