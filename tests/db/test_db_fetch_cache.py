"""The fetch cache in the store, on both backends: change tracking, 304s, TTL reuse."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from claims.model import Claim, EvidenceMatch, Stance
from db import repo
from db.engine import session_scope
from db.models import Document, Evidence
from flows import steps
from satyapan.errors import NotFoundError
from sources.fetch import FetchOptions, FetchOutcome
from tests.conftest import EXAMPLES
from tests.support.httpserver import LoopbackServer, Reply, Request, html_reply

MakeClaim = Callable[..., Claim]
T0 = datetime(2025, 6, 26, 9, 0, tzinfo=UTC)
URL = "http://news.example/qingdao"
PAGES = sorted((EXAMPLES / "coverage").glob("en-*.html"))
OPTIONS = FetchOptions(
    allow_loopback=True, timeout=3.0, connect_timeout=2.0, retries=0, per_host_delay=0.0
)


def _save(engine: Engine, text: str | None, *, at: datetime, outcome: str = "ok") -> Document:
    with session_scope(engine) as s:
        return repo.save_document(
            s,
            url=URL,
            outcome=outcome,
            text=text,
            title="Qingdao" if text else None,
            http_status=200 if text else 503,
            error=None if text else "HTTP 503",
            etag=f'"{text}"' if text else None,
            fetched_at=at,
        )


# -- repository --------------------------------------------------------------------------


def test_first_content_is_its_first_change(fresh_engine: Engine) -> None:
    row = _save(fresh_engine, "v1", at=T0)
    assert (row.changed_at, row.previous_hash) == (T0, None)
    assert (row.etag, row.content_hash) == ('"v1"', repo.sha256("v1"))


def test_the_same_content_again_is_no_change(fresh_engine: Engine) -> None:
    _save(fresh_engine, "v1", at=T0)
    row = _save(fresh_engine, "v1", at=T0 + timedelta(hours=1))
    assert row.fetched_at == T0 + timedelta(hours=1)
    assert (row.changed_at, row.previous_hash) == (T0, None)


def test_changed_content_records_the_previous_hash_and_when(fresh_engine: Engine) -> None:
    _save(fresh_engine, "v1", at=T0)
    later = T0 + timedelta(days=1)
    row = _save(fresh_engine, "v2", at=later)
    assert row.content_hash == repo.sha256("v2")
    assert (row.previous_hash, row.changed_at) == (repo.sha256("v1"), later)
    assert (row.text, row.etag) == ("v2", '"v2"')


def test_a_failed_refetch_keeps_the_last_good_content(fresh_engine: Engine) -> None:
    _save(fresh_engine, "v1", at=T0)
    down = _save(fresh_engine, None, at=T0 + timedelta(hours=1), outcome="http_error")
    assert (down.outcome, down.error, down.http_status) == ("http_error", "HTTP 503", 503)
    assert (down.text, down.title, down.etag) == ("v1", "Qingdao", '"v1"')
    back = _save(fresh_engine, "v1", at=T0 + timedelta(hours=2))
    assert back.outcome == "ok" and back.error is None
    assert (back.changed_at, back.previous_hash) == (T0, None)  # the same text: no change


def test_touch_document_keeps_the_content_and_moves_fetched_at(fresh_engine: Engine) -> None:
    _save(fresh_engine, "v1", at=T0)
    later = T0 + timedelta(days=2)
    with session_scope(fresh_engine) as s:
        row = repo.touch_document(s, URL, fetched_at=later, last_modified="Thu, 26 Jun 2025")
    assert (row.fetched_at, row.last_modified, row.etag) == (later, "Thu, 26 Jun 2025", '"v1"')
    assert (row.text, row.content_hash, row.changed_at) == ("v1", repo.sha256("v1"), T0)
    with session_scope(fresh_engine) as s:
        same = repo.touch_document(s, URL)  # a reuse within the TTL: nothing to record
    assert same.fetched_at == later
    with pytest.raises(NotFoundError), session_scope(fresh_engine) as s:
        repo.touch_document(s, "http://never.example/")


def test_not_modified_goes_through_touch_document(fresh_engine: Engine) -> None:
    with pytest.raises(ValueError, match="touch_document"), session_scope(fresh_engine) as s:
        repo.save_document(s, url=URL, outcome="not_modified")


def test_every_fetch_outcome_can_be_stored_except_not_modified() -> None:
    stored = {str(o) for o in FetchOutcome} - {"not_modified"}
    assert stored <= repo.DOCUMENT_OUTCOMES
    assert "not_modified" not in repo.DOCUMENT_OUTCOMES


def test_robots_disallowed_is_stored(fresh_engine: Engine) -> None:
    with session_scope(fresh_engine) as s:
        row = repo.save_document(s, url=URL, outcome="robots_disallowed", error="disallowed")
    assert (row.outcome, row.text, row.changed_at) == ("robots_disallowed", None, None)


def _match(score: float) -> EvidenceMatch:
    return EvidenceMatch(
        claim_index=0,
        doc_key=URL,
        quote="v1",
        quote_span=(0, 2),
        highlight=(0, 2),
        score=score,
        stance=Stance.SUPPORTS,
    )


def test_evidence_records_the_version_of_the_document_it_quotes(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    with session_scope(fresh_engine) as s:
        article = repo.save_article(s, source="a.txt", text="खबर " * 20, language="hi")
        (claim,) = repo.save_claims(s, article.id, [make_claim(0)])
        claim_id = claim.id
    doc_id = _save(fresh_engine, "v1", at=T0).id
    with session_scope(fresh_engine) as s:
        (row,) = repo.replace_evidence(s, claim_id, [(doc_id, _match(70))], run_id=None)
        assert row.document_hash == repo.sha256("v1")
    _save(fresh_engine, "v2", at=T0 + timedelta(days=1))
    with session_scope(fresh_engine) as s:
        kept = s.scalars(select(Evidence)).one()
        # Until matched again, the evidence says which version it was found in.
        assert kept.document_hash == repo.sha256("v1") != kept.document.content_hash
        (again,) = repo.replace_evidence(s, claim_id, [(doc_id, _match(75))], run_id=None)
        assert again.document_hash == repo.sha256("v2")


# -- planning fetches against the store (flows.steps) ---------------------------------------


class Site:
    """Coverage pages with ETags that a test can change, on a loopback server."""

    def __init__(self, server: LoopbackServer) -> None:
        self.server = server
        self.bodies = {f"/news/{i}": page.read_bytes() for i, page in enumerate(PAGES[:3])}
        self.versions = dict.fromkeys(self.bodies, 1)
        self.urls = [server.add(path, self.reply) for path in self.bodies]

    def reply(self, request: Request) -> Reply:
        etag = f'"{self.versions[request.path]}"'
        if request.headers.get("if-none-match") == etag:
            return Reply(304, {"ETag": etag})
        body = self.bodies[request.path]
        if self.versions[request.path] > 1:
            body = body.replace(b"</p>", b" Updated.</p>", 1)
        return html_reply(body, headers={"ETag": etag})

    def hits(self) -> int:
        return sum(self.server.hits(path) for path in self.bodies)


@pytest.fixture
def site() -> Iterator[Site]:
    with LoopbackServer() as server:
        yield Site(server)


def _run(
    db_url: str, urls: list[str], ttl: float
) -> tuple[steps.FetchPlan, list[steps.PageOutcome]]:
    """What the flow does: plan, fetch what the plan says, read, complete, store."""
    plan = steps.plan_fetches(db_url, urls, ttl)
    results = steps.fetch_urls(plan.to_fetch, OPTIONS, validators=plan.validators)
    outcomes = plan.complete([steps.read_page(r) for r in results])
    steps.store_documents(db_url, outcomes)
    return plan, outcomes


def _documents(db_url: str) -> dict[str, Document]:
    with session_scope(steps.engine_for(db_url)) as s:
        return {d.url: d for d in s.scalars(select(Document))}


@pytest.mark.usefixtures("fresh_engine")
def test_pages_fetched_within_the_ttl_are_not_requested_again(db_url: str, site: Site) -> None:
    plan, first = _run(db_url, site.urls, ttl=3600)
    assert plan.to_fetch == tuple(site.urls) and plan.validators == {}
    assert [o.outcome for o in first] == ["ok"] * 3
    assert site.hits() == 3
    stored = _documents(db_url)

    plan, again = _run(db_url, site.urls, ttl=3600)
    assert plan.to_fetch == () and plan.reused == tuple(site.urls)
    assert site.hits() == 3  # no request at all
    assert [o.outcome for o in again] == ["cached"] * 3
    assert [o.page.text if o.page else None for o in again] == [
        o.page.text for o in first if o.page
    ]
    assert [o.result.url for o in again] == site.urls  # the order asked for
    assert {u: d.fetched_at for u, d in _documents(db_url).items()} == {
        u: d.fetched_at for u, d in stored.items()
    }
    coverage = steps.coverage_of(again)
    assert [c.key for c in coverage] == site.urls


@pytest.mark.usefixtures("fresh_engine")
def test_older_pages_are_revalidated_and_a_304_reuses_the_stored_text(
    db_url: str, site: Site
) -> None:
    _, first = _run(db_url, site.urls, ttl=3600)
    before = _documents(db_url)
    site.versions["/news/2"] = 2  # one page changes; the others answer 304

    plan, again = _run(db_url, site.urls, ttl=0)
    assert plan.to_fetch == tuple(site.urls)
    assert plan.validators == {url: ('"1"', None) for url in site.urls}
    assert site.hits() == 6
    sent = [x.request.headers.get("if-none-match") for x in site.server.exchanges]
    assert sent.count('"1"') == 3
    assert [o.outcome for o in again] == ["not_modified", "not_modified", "ok"]
    assert all(o.page is not None for o in again)
    assert again[0].page and first[0].page and again[0].page.text == first[0].page.text

    after = _documents(db_url)
    for url in site.urls[:2]:  # 304: same text and hash, newer fetched_at, no change
        assert after[url].content_hash == before[url].content_hash
        assert after[url].fetched_at > before[url].fetched_at
        assert after[url].changed_at == before[url].changed_at
        assert after[url].outcome == "ok" and after[url].previous_hash is None
    changed = after[site.urls[2]]
    assert changed.previous_hash == before[site.urls[2]].content_hash != changed.content_hash
    assert changed.changed_at == changed.fetched_at > before[site.urls[2]].fetched_at
    assert changed.etag == '"2"' and "Updated." in (changed.text or "")


@pytest.mark.usefixtures("fresh_engine")
def test_failed_documents_are_fetched_again_without_validators(db_url: str, site: Site) -> None:
    missing = site.server.url("/gone")
    plan, outcomes = _run(db_url, [missing, site.urls[0]], ttl=3600)
    assert [o.outcome for o in outcomes] == ["http_error", "ok"]
    plan = steps.plan_fetches(db_url, [missing, site.urls[0]], 3600)
    assert plan.to_fetch == (missing,) and plan.validators == {}


def test_complete_puts_other_outcomes_first_and_planned_ones_in_order() -> None:
    corpus = [steps.read_page(r) for r in steps.corpus_results(str(EXAMPLES / "coverage"))]
    a, b, c = corpus[:3]
    urls = (b.result.url, c.result.url)
    plan = steps.FetchPlan(urls=urls, to_fetch=urls)
    # a is not planned (a local corpus page); c finished before b.
    assert plan.complete([c, a, b]) == [a, b, c]
