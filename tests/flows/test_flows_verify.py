"""The verify-article flow end to end: real HTTP on 127.0.0.1, real trafilatura, real Prefect."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import models
from db.engine import make_engine, session_scope
from tests.conftest import EXAMPLES
from tests.support.databases import BACKENDS, empty_database
from tests.support.httpserver import LoopbackServer, Reply, html_reply, sequence

SEED = (EXAMPLES / "sco-qingdao-2025.hi.txt").read_text(encoding="utf-8")
CORPUS = EXAMPLES / "coverage"
FETCH = {
    "allow_loopback": True,
    "timeout": 3.0,
    "connect_timeout": 2.0,
    "retries": 2,
    "backoff_factor": 0.05,
    "per_host_delay": 0.0,
}


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def coverage_server() -> Iterator[tuple[LoopbackServer, list[str]]]:
    """Every demo coverage page at its own path, plus pages that fail in each way."""
    with LoopbackServer() as server:
        urls = []
        for page in sorted(CORPUS.glob("*.html")):
            urls.append(server.add(f"/news/{page.name}", html_reply(page.read_bytes())))
        urls.append(server.add("/gone", Reply(status=404, body=b"not here")))
        urls.append(
            server.add(
                "/flaky", sequence(Reply(status=503), html_reply(_read("en-wire-copy-1.html")))
            )
        )
        urls.append(
            server.add(
                "/report.pdf", Reply(headers={"Content-Type": "application/pdf"}, body=b"%PDF-1.4")
            )
        )
        yield server, urls


def _read(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def _status_of(url: str, needle: str) -> str:
    with session_scope(make_engine(url)) as s:
        claim = s.scalars(select(models.Claim).where(models.Claim.text.contains(needle))).one()
        return claim.status


def _count(url: str, model: type[models.Base]) -> int:
    with session_scope(make_engine(url)) as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.usefixtures("prefect_harness")
def test_verify_article_over_http_stores_statuses_and_failures(
    database_url: str, coverage_server: tuple[LoopbackServer, list[str]]
) -> None:
    from flows.verify import verify_article

    server, urls = coverage_server
    summary = verify_article(
        text=SEED, source="seed.txt", database_url=database_url, urls=urls, fetch=FETCH
    )

    assert summary["documents"] == len(urls)
    assert summary["documents_ok"] == len(urls) - 2  # the 404 and the PDF
    assert server.hits("/flaky") == 2  # one 503, retried once by the fetch session
    assert server.hits("/gone") == 1  # a 404 is not retried
    # The three facts the newsroom named, with the statuses the coverage supports.
    assert _status_of(database_url, "26 लोगों") == "disputed"  # one page says 28
    assert _status_of(database_url, "चार विकल्प") == "disputed"  # one page says five
    assert _status_of(database_url, "मधुबनी पेंटिंग") == "corroborated"

    with session_scope(make_engine(database_url)) as s:
        outcomes = dict(s.execute(select(models.Document.url, models.Document.outcome)).all())
        run = s.scalars(select(models.Run)).one()
    assert outcomes[server.url("/gone")] == "http_error"
    assert outcomes[server.url("/report.pdf")] == "unsupported_type"
    assert run.outcome == "ok" and run.flow_run_id and run.finished_at is not None


@pytest.mark.usefixtures("prefect_harness")
def test_rerun_adds_no_duplicates(sqlite_url: str) -> None:
    from flows.verify import verify_article

    for _ in range(2):
        verify_article(text=SEED, source="seed.txt", database_url=sqlite_url, corpus=str(CORPUS))
    claims = _count(sqlite_url, models.Claim)
    assert _count(sqlite_url, models.Article) == 1
    assert _count(sqlite_url, models.Document) == len(list(CORPUS.glob("*.html")))
    assert _count(sqlite_url, models.Run) == 2
    # Each claim: one "pending" and one verdict; the second run changed nothing.
    assert _count(sqlite_url, models.StatusChange) == 2 * claims
    with session_scope(make_engine(sqlite_url)) as s:
        pairs = s.execute(select(models.Evidence.claim_id, models.Evidence.document_id)).all()
    assert len(pairs) == len(set(pairs))


@pytest.mark.usefixtures("prefect_harness")
def test_failed_run_keeps_what_was_stored(sqlite_url: str, tmp_path: Path) -> None:
    from flows.verify import verify_article
    from satyapan.errors import SatyapanError

    with pytest.raises(SatyapanError, match="corpus"):
        verify_article(
            text=SEED, source="seed.txt", database_url=sqlite_url, corpus=str(tmp_path / "missing")
        )
    with session_scope(make_engine(sqlite_url)) as s:
        run = s.scalars(select(models.Run)).one()
        assert run.outcome == "failed" and run.error
    assert _count(sqlite_url, models.Article) == 1
    assert _count(sqlite_url, models.Claim) > 0


def _statuses(url: str) -> dict[str, str]:
    with session_scope(make_engine(url)) as s:
        return dict(s.execute(select(models.Claim.text, models.Claim.status)).all())


@pytest.mark.usefixtures("prefect_harness")
def test_second_run_within_the_ttl_fetches_nothing(
    sqlite_url: str, coverage_server: tuple[LoopbackServer, list[str]]
) -> None:
    from flows.verify import verify_article

    server, urls = coverage_server
    pages = [u for u in urls if "/news/" in u]
    verify_article(text=SEED, source="seed.txt", database_url=sqlite_url, urls=pages, fetch=FETCH)
    first = _statuses(sqlite_url)
    hits = {u: server.hits(u.split(str(server.port))[1]) for u in pages}
    verify_article(text=SEED, source="seed.txt", database_url=sqlite_url, urls=pages, fetch=FETCH)
    assert {u: server.hits(u.split(str(server.port))[1]) for u in pages} == hits
    assert _statuses(sqlite_url) == first


@pytest.mark.usefixtures("prefect_harness")
def test_a_site_that_is_down_keeps_its_evidence(sqlite_url: str) -> None:
    from flows.verify import verify_article

    with LoopbackServer() as server:
        pages = [
            server.add(f"/news/{p.name}", html_reply(p.read_bytes()))
            for p in sorted(CORPUS.glob("*.html"))
        ]
        verify_article(
            text=SEED, source="seed.txt", database_url=sqlite_url, urls=pages, fetch=FETCH
        )
        first = _statuses(sqlite_url)
        for url in pages:  # every site now fails with a 503
            server.add(url.split(str(server.port))[1], Reply(status=503))
        stale = {**FETCH, "cache_ttl": 0, "retries": 0}
        verify_article(
            text=SEED, source="seed.txt", database_url=sqlite_url, urls=pages, fetch=stale
        )
    assert _statuses(sqlite_url) == first
    with session_scope(make_engine(sqlite_url)) as s:
        docs = s.scalars(select(models.Document)).all()
    assert {d.outcome for d in docs} == {"http_error"}
    assert all(d.text for d in docs)  # the last good copy is kept


@pytest.mark.usefixtures("prefect_harness")
def test_discovery_finds_coverage_through_a_news_search_feed(sqlite_url: str) -> None:
    from flows.verify import verify_article

    with LoopbackServer() as server:
        pages = [
            server.add(f"/news/{p.name}", html_reply(p.read_bytes()))
            for p in sorted(CORPUS.glob("*.html"))
        ]
        items = "".join(
            f"<item><title>story {i}</title><link>{u}</link>"
            f"<pubDate>Thu, 26 Jun 2025 10:00:00 GMT</pubDate></item>"
            for i, u in enumerate(pages)
        )
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
        endpoint = server.add(
            "/rss/search", Reply(headers={"Content-Type": "application/rss+xml"}, body=rss.encode())
        )
        broken = server.add("/gdelt", Reply(status=200, body=b"{not json"))
        summary = verify_article(
            text=SEED,
            source="seed.txt",
            database_url=sqlite_url,
            fetch=FETCH,
            discovery={
                "discovery_providers": ["news_rss", "gdelt"],
                "news_rss_endpoint": endpoint,
                "gdelt_endpoint": broken,
                "gdelt_min_interval": 0,
                "discovery_max_queries": 3,
            },
        )
        assert server.hits("/rss/search") >= 1 and server.hits("/gdelt") >= 1
    assert summary["documents_ok"] == len(pages)
    # The provider that answered garbage cost only its own results, and the run says so.
    assert summary["discovery_warnings"] and all(
        w.startswith("gdelt") for w in summary["discovery_warnings"]
    )
    assert _status_of(sqlite_url, "मधुबनी पेंटिंग") == "corroborated"


@pytest.mark.usefixtures("prefect_harness")
def test_reverify_runs_articles_with_open_claims_and_keeps_reviewer_decisions(
    sqlite_url: str,
) -> None:
    from db import repo
    from flows.reverify import reverify_open_claims
    from flows.verify import verify_article

    verify_article(text=SEED, source="seed.txt", database_url=sqlite_url, corpus=str(CORPUS))
    with session_scope(make_engine(sqlite_url)) as s:
        claim = s.scalars(select(models.Claim).where(models.Claim.text.contains("26 लोगों"))).one()
        repo.review_claim(s, claim.id, "verified", note="Toll confirmed", reviewer="asha")
    summaries = reverify_open_claims(database_url=sqlite_url, statuses=["disputed"])
    assert [s["article_id"] for s in summaries] == [1]
    assert _status_of(sqlite_url, "26 लोगों") == "verified"
    assert _count(sqlite_url, models.Run) == 2
