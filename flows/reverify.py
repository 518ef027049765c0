"""The reverify-open-claims flow: run verification again for every article with open claims.

Run on a schedule (`satyapan serve`, a Prefect server and its scheduler), it keeps open
claims moving as coverage appears: each article is verified again against the pages that
gave evidence before and, when discovery is configured, against what the providers find now.
Reviewer decisions are never overwritten (the repository keeps them).
"""

from __future__ import annotations

from typing import Any

from flows.runtime import configure

configure()

from prefect import flow, get_run_logger  # noqa: E402

from flows import steps  # noqa: E402
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
    for article in due:
        summary = verify_article(
            text=article["text"],
            source=article["source"],
            database_url=database_url,
            title=article["title"],
            urls=article["urls"] or None,
            fetch=fetch,
            glossary=glossary,
            match=match,
            event_date=article["published"],
            window_days=window_days,
            discovery=discovery,
            webhook=webhook,
        )
        summaries.append(summary)
        logger.info("article %s re-verified: %s", article["id"], summary["statuses"])
    return summaries
