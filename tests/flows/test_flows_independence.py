"""Which pages are independent of each other: wire copies count once, a publisher's pages
count once, and the two join."""

from __future__ import annotations

from datetime import UTC, datetime

from claims.model import EvidenceMatch, Stance, Status
from claims.verdict import decide_status
from sources.extract import Page
from sources.fetch import FetchOutcome, FetchResult


def _outcome(url: str, site: str, text: str) -> object:
    from flows import steps

    result = FetchResult(
        url=url,
        final_url=url,
        outcome=FetchOutcome.OK,
        status_code=200,
        content_type="text/html",
        body=b"",
        error=None,
        fetched_at=datetime.now(UTC),
        elapsed=0.0,
    )
    page = Page(url, url, None, text, "2025-06-26", site, None, "en", "0" * 64)
    return steps.PageOutcome(result, page, "ok")


WIRE = (
    "NEW DELHI, June 26 (IWS) - The dam's eight gates were opened on Thursday, releasing "
    "45,000 cusecs of water into the river, officials said. Twenty-two villages downstream "
    "were evacuated and 3,800 people moved to relief camps, the district collector said. "
)


def test_a_publisher_carrying_the_wire_and_its_own_report_is_one_source_with_the_wire() -> None:
    from flows import steps

    outcomes = [
        _outcome("https://a.example/wire", "A Times", WIRE),
        _outcome("https://b.example/wire", "B Post", WIRE + "(With inputs from IWS)"),
        _outcome(
            "https://b.example/own",
            "B Post",
            "Our reporter in the district found the eight gates open and villagers leaving "
            "for higher ground as the water rose through the afternoon on Thursday.",
        ),
        _outcome(
            "https://c.example/own",
            "C Herald",
            "The eight gates of the dam were opened on Thursday as the river rose, and the "
            "administration moved people out of low-lying villages through the day.",
        ),
    ]
    coverage = steps.coverage_of(outcomes)  # type: ignore[arg-type]
    group = {c.key: c.group or c.key for c in coverage}
    assert group["https://a.example/wire"] == group["https://b.example/wire"]
    assert group["https://b.example/own"] == group["https://a.example/wire"]
    assert group["https://c.example/own"] != group["https://a.example/wire"]
    assert group["https://a.example/wire"] == "A Times / B Post"

    def support(url: str) -> EvidenceMatch:
        return EvidenceMatch(0, url, "q", (0, 1), (0, 1), 80.0, Stance.SUPPORTS)

    # The wire (on two sites) and B Post's own report: one source, not two.
    verdict = decide_status(
        [support("https://a.example/wire"), support("https://b.example/own")], groups=group
    )
    assert verdict.status is Status.SINGLE_SOURCE
    verdict = decide_status(
        [support("https://b.example/own"), support("https://c.example/own")], groups=group
    )
    assert verdict.status is Status.CORROBORATED
