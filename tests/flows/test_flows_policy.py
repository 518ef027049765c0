"""Re-verification by need, the run's artifacts in Prefect, and the newsroom's webhook."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from claims.model import Claim, ClaimClass, ClaimType, KeyFacts, Status, Verdict
from db import models, repo
from db.engine import ensure_schema, make_engine, session_scope
from db.models import utcnow
from tests.conftest import EXAMPLES

SEED = (EXAMPLES / "sco-qingdao-2025.hi.txt").read_text(encoding="utf-8")
CORPUS = EXAMPLES / "coverage"


def _article(s: object, n: int, status: Status, age_hours: int) -> int:
    text = f"Article {n}: the council approved {n} new buses on Monday."
    article = repo.save_article(s, source=f"a{n}.txt", text=text, language="en")  # type: ignore[arg-type]
    claim = Claim(
        text, text, (0, len(text)), 0, ClaimType.QUANTITY, ClaimClass.CHECKWORTHY, 0.8,
        KeyFacts(), "en",
    )  # fmt: skip
    (row,) = repo.save_claims(s, article.id, [claim])  # type: ignore[arg-type]
    repo.apply_verdict(s, row.id, Verdict(status, 0.5, "r"), run_id=None)  # type: ignore[arg-type]
    row.updated_at = utcnow() - timedelta(hours=age_hours)
    return article.id


def test_open_articles_come_by_need_then_by_age(sqlite_url: str) -> None:
    from flows import steps

    engine = make_engine(sqlite_url)
    ensure_schema(engine)
    with session_scope(engine) as s:
        old_unverified = _article(s, 1, Status.UNVERIFIED, 50)
        new_disputed = _article(s, 2, Status.DISPUTED, 1)
        old_single = _article(s, 3, Status.SINGLE_SOURCE, 40)
        new_single = _article(s, 4, Status.SINGLE_SOURCE, 2)
        old_disputed = _article(s, 5, Status.DISPUTED, 30)
        held = _article(s, 6, Status.DISPUTED, 99)
        claim = repo.list_claims(s, article_id=held)[0]
        repo.review_claim(s, claim.id, Status.VERIFIED, note="checked", reviewer="asha")
    order = [a["id"] for a in steps.open_articles(sqlite_url, ["disputed", "single_source",
                                                                "unverified"], 10)]  # fmt: skip
    assert order == [old_disputed, new_disputed, old_single, new_single, old_unverified]


class _Hook(BaseHTTPRequestHandler):
    bodies: list[dict[str, object]] = []
    answers: list[int] = []

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        type(self).bodies.append(json.loads(self.rfile.read(length)))
        code = type(self).answers.pop(0) if type(self).answers else 200
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    _Hook.bodies, _Hook.answers = [], [503]  # the endpoint fails once, then accepts
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/satyapan"
    server.shutdown()


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_posts_its_changes_to_the_webhook_and_publishes_artifacts(
    sqlite_url: str, hook: str, tmp_path: Path
) -> None:
    from prefect.artifacts import Artifact

    from flows.verify import verify_article

    summary = verify_article(
        text=SEED, source="seed.txt", database_url=sqlite_url, corpus=str(CORPUS), webhook=hook
    )
    assert summary["webhook"] == "sent"
    assert len(_Hook.bodies) == 2  # one 503, retried once
    body = _Hook.bodies[-1]
    assert body["article_id"] == summary["article_id"] and body["run_id"] == summary["run_id"]
    changes = body["changes"]
    assert isinstance(changes, list) and len(changes) == summary["claims"]
    with session_scope(make_engine(sqlite_url)) as s:
        stored = {c.id: c.status for c in s.scalars(select(models.Claim))}
    assert all(stored[c["claim_id"]] == c["to"] for c in changes)

    table: Any = Artifact.get(f"article-{summary['article_id']}-claims")
    sheet: Any = Artifact.get(f"article-{summary['article_id']}-fact-sheet")
    assert table is not None and sheet is not None
    rows: list[dict[str, Any]] = (
        json.loads(table.data) if isinstance(table.data, str) else table.data
    )
    assert len(rows) == summary["claims"]
    assert {"claim", "status", "pipeline", "confidence", "changed", "text"} <= set(rows[0])
    assert isinstance(sheet.data, str) and sheet.data.startswith("# Fact sheet:")

    # A second run changes nothing: nothing is posted.
    again = verify_article(
        text=SEED, source="seed.txt", database_url=sqlite_url, corpus=str(CORPUS), webhook=hook
    )
    assert "webhook" not in again and len(_Hook.bodies) == 2


@pytest.mark.usefixtures("prefect_harness")
def test_a_webhook_that_keeps_failing_costs_the_run_nothing(sqlite_url: str, hook: str) -> None:
    from flows.verify import verify_article

    _Hook.answers = [503] * 10
    summary = verify_article(
        text=SEED, source="seed.txt", database_url=sqlite_url, corpus=str(CORPUS), webhook=hook
    )
    assert len(_Hook.bodies) == 4  # the first try and three retries
    assert str(summary["webhook"]).startswith("failed: ")
    with session_scope(make_engine(sqlite_url)) as s:
        run = s.scalars(select(models.Run)).one()
    assert run.outcome == "ok" and run.counts["webhook"].startswith("failed: ")


def test_scheduled_runs_take_only_due_articles_and_back_off_when_nothing_changes(
    sqlite_url: str,
) -> None:
    from flows import steps

    engine = make_engine(sqlite_url)
    ensure_schema(engine)
    now = utcnow()

    def runs(s: object, article_id: int, changes: list[int], hours_ago: float) -> None:
        for n in changes:  # oldest first; the last one finished ``hours_ago``
            run = repo.start_run(s, article_id=article_id, flow_run_id=None)  # type: ignore[arg-type]
            repo.finish_run(s, run.id, outcome="ok", counts={"status_changes": n})  # type: ignore[arg-type]
            run.finished_at = now - timedelta(hours=hours_ago)

    with session_scope(engine) as s:
        changed_recently = _article(s, 1, Status.UNVERIFIED, 1)
        runs(s, changed_recently, [2], 5)  # changed 5 h ago: waits 6 h
        changed_long_ago = _article(s, 2, Status.UNVERIFIED, 1)
        runs(s, changed_long_ago, [2], 7)  # due
        quiet_twice = _article(s, 3, Status.UNVERIFIED, 1)
        runs(s, quiet_twice, [2, 0, 0], 20)  # two quiet runs: waits 24 h
        quiet_long = _article(s, 4, Status.UNVERIFIED, 1)
        runs(s, quiet_long, [0, 0, 0, 0, 0], 47)  # waits at most 8 x 6 = 48 h
        quiet_longer = _article(s, 5, Status.UNVERIFIED, 1)
        runs(s, quiet_longer, [0, 0, 0, 0, 0], 49)  # due
        never = _article(s, 6, Status.UNVERIFIED, 1)  # never run: due
    due = steps.open_articles(sqlite_url, ["unverified"], 10, every_hours=6, max_backoff=8, now=now)
    assert sorted(a["id"] for a in due) == sorted([changed_long_ago, quiet_longer, never])
    everything = steps.open_articles(sqlite_url, ["unverified"], 10)  # by hand: all open
    assert len(everything) == 6
    assert changed_recently and quiet_twice and quiet_long


def test_a_process_keeps_the_engines_of_its_last_databases_only(tmp_path: Path) -> None:
    """A long-lived process handed many databases keeps an engine for the last few (one per
    URL), and closes the older ones' connections."""
    from sqlalchemy.engine import Engine
    from sqlalchemy.pool import QueuePool

    from flows import steps

    def pooled(engine: Engine) -> int:
        """Connections open in the engine's pool, waiting to be used again."""
        assert isinstance(engine.pool, QueuePool)  # (SQLite files: a queue of connections)
        return engine.pool.checkedin()

    urls = [f"sqlite:///{tmp_path / f'db{i}.db'}" for i in range(steps.ENGINES_KEPT + 1)]
    first = steps.engine_for(urls[0])
    assert steps.engine_for(urls[0]) is first  # one per URL
    with first.connect():
        pass
    assert pooled(first) == 1  # a pooled connection, open
    for url in urls[1:]:
        steps.engine_for(url)
    assert pooled(first) == 0  # closed when it fell out
    again = steps.engine_for(urls[0])
    assert again is not first
    with session_scope(again, write=False) as s:  # (a new engine: the schema is there)
        assert list(s.scalars(select(models.Article.id))) == []
    steps.close_connections()
    assert pooled(again) == 0
