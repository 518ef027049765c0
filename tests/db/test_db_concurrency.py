"""Concurrent writers: no lost updates, no duplicates, reviewer decisions never clobbered."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from claims.model import Claim, Status, Verdict
from db import repo
from db.engine import ensure_schema, make_engine, session_scope
from db.models import Claim as ClaimRow
from db.models import Document, Run, StatusChange

MakeClaim = Callable[..., Claim]


def _in_threads(work: Callable[[int], None], n: int = 2) -> None:
    """Run work(i) in n threads started together; re-raise the first failure."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(n)

    def run(i: int) -> None:
        try:
            barrier.wait()
            work(i)
        except BaseException as exc:  # handed to the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'concurrent.db'}")
    ensure_schema(engine)
    yield engine
    engine.dispose()


def test_sqlite_read_modify_write_loses_no_update(sqlite_engine: Engine) -> None:
    with session_scope(sqlite_engine) as s:
        article = repo.save_article(s, source="a", text="लेख।", language="hi")
        run_id = repo.start_run(s, article_id=article.id, flow_run_id=None).id
        repo.get_run(s, run_id).counts = {"n": 0}

    def increment(_: int) -> None:
        for _ in range(50):
            # A plain read then write, separate sessions: BEGIN IMMEDIATE serialises them.
            with session_scope(sqlite_engine) as s:
                run = s.get(Run, run_id)
                assert run is not None
                run.counts = {"n": run.counts["n"] + 1}

    _in_threads(increment)
    with session_scope(sqlite_engine) as s:
        assert repo.get_run(s, run_id).counts == {"n": 100}


def test_a_pipeline_verdict_waits_for_a_reviewer_mid_decision(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    with session_scope(fresh_engine) as s:
        article = repo.save_article(s, source="a", text="लेख।", language="hi")
        claim_id = repo.save_claims(s, article.id, [make_claim(0)])[0].id
    reviewing = threading.Event()

    def reviewer() -> None:
        with session_scope(fresh_engine) as s:
            repo.review_claim(s, claim_id, Status.FALSE, note="wrong count", reviewer="asha")
            reviewing.set()
            time.sleep(0.5)  # the pipeline arrives while this transaction is open

    def pipeline() -> None:
        assert reviewing.wait(10)
        with session_scope(fresh_engine) as s:
            verdict = Verdict(Status.CORROBORATED, 0.9, "two publishers")
            repo.apply_verdict(s, claim_id, verdict, run_id=None)

    _in_threads(lambda i: [reviewer, pipeline][i]())
    with session_scope(fresh_engine) as s:
        claim = repo.get_claim(s, claim_id)
        assert (claim.status, claim.pipeline_status) == ("false", "corroborated")
        assert [(h.new_status, h.applied) for h in repo.history_for(s, claim_id)] == [
            ("pending", True),
            ("false", True),
            ("corroborated", False),
        ]


def test_two_workers_saving_the_same_claims_make_no_duplicates(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    with session_scope(fresh_engine) as s:
        article_id = repo.save_article(s, source="a", text="लेख।", language="hi").id
    claims = [make_claim(i) for i in range(20)]
    results: dict[int, list[int]] = {}

    def work(i: int) -> None:
        for _ in range(3):
            with session_scope(fresh_engine) as s:
                results[i] = [r.id for r in repo.save_claims(s, article_id, claims)]

    _in_threads(work)
    assert results[0] == results[1]
    with session_scope(fresh_engine) as s:
        assert s.scalar(select(func.count()).select_from(ClaimRow)) == 20
        assert s.scalar(select(func.count()).select_from(StatusChange)) == 20


def test_two_workers_fetching_the_same_urls_share_one_row_each(fresh_engine: Engine) -> None:
    urls = [f"http://news.example/{i}" for i in range(30)]

    def work(i: int) -> None:
        for url in urls:
            with session_scope(fresh_engine) as s:
                repo.save_document(s, url=url, outcome="ok", text=f"worker {i}")

    _in_threads(work)
    with session_scope(fresh_engine) as s:
        assert s.scalar(select(func.count()).select_from(Document)) == len(urls)
        assert s.scalar(select(func.count(func.distinct(Document.url)))) == len(urls)
