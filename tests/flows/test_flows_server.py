"""Against the real thing: `prefect server start`, a process work pool, two workers.

A Prefect server is started on 127.0.0.1 with its own PREFECT_HOME; `satyapan deploy`
registers the deployments; two `prefect worker start --pool` processes (each its own
PREFECT_HOME, as on two machines) take the runs. Twenty stored articles are re-verified by
one reverify-open-claims run fanned out to one verify-article run per article, against
40 coverage pages on four loopback hosts that count the requests in flight to each.
Everything started here is stopped by PID.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.support.newsroom import ARTICLES, PER_HOST, Newsroom, cli, open_newsroom, seed

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    with open_newsroom(tmp_path_factory.mktemp("newsroom")) as room:
        yield room


EVERY_STATUS = ["pending", "unverified", "single_source", "disputed", "corroborated"]


def _deployed_and_seeded(newsroom: Newsroom) -> tuple[Any, set[int]]:
    """Deploy, store the articles unless an earlier test did; (engine, ids of the Runs so far)."""
    from db import models
    from db.engine import session_scope
    from flows.steps import engine_for

    assert cli(newsroom, "deploy", "--no-schedule").returncode == 0
    engine = engine_for(newsroom.database_url)
    with session_scope(engine, write=False) as s:
        seeded = bool(list(s.scalars(select(models.Article.id))))
    if not seeded:  # this test alone
        seed(newsroom)
    with session_scope(engine, write=False) as s:
        return engine, set(s.scalars(select(models.Run.id)))


def _reverify(newsroom: Newsroom, **params: Any) -> tuple[Any, list[Any]]:
    """One deployed reverify-open-claims run over every status, waited for; (it, its
    children)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: newsroom.url}):
        parent: Any = run_deployment(
            "reverify-open-claims/satyapan",
            parameters={
                "statuses": EVERY_STATUS,
                "every_hours": 0.0,
                "poll_seconds": 1.0,
                **params,
            },  # fmt: skip
            timeout=600,
            poll_interval=2,
        )
        with get_client(sync_client=True) as client:
            children = client.read_flow_runs(
                flow_run_filter=FlowRunFilter(
                    parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent.id])
                )
            )
    return parent, children


def test_two_workers_reverify_twenty_articles_once_each_within_host_limits(
    newsroom: Newsroom,
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from db import models
    from db.engine import session_scope
    from flows.steps import engine_for

    deployed = cli(newsroom, "deploy", "--no-schedule")
    assert deployed.returncode == 0, deployed.stderr
    assert "Deployed verify-article/satyapan and reverify-open-claims/satyapan" in deployed.stdout

    article_ids = seed(newsroom)
    newsroom.hosts.reset()
    with session_scope(engine_for(newsroom.database_url), write=False) as s:
        before = set(s.scalars(select(models.Run.id)))

    parent, children = _reverify(newsroom)
    assert parent.state is not None and parent.state.is_completed(), parent.state
    child_ids = {str(c.id) for c in children}
    with (
        temporary_settings({PREFECT_API_URL: newsroom.url}),
        get_client(sync_client=True) as client,
    ):
        artifacts = client.read_artifacts()

    # One verify-article flow run per article, all completed, none retried.
    assert len(children) == ARTICLES
    assert all(c.state is not None and c.state.is_completed() for c in children)
    # Each article verified exactly once more, by one of those runs.
    with session_scope(engine_for(newsroom.database_url), write=False) as s:
        runs = [r for r in s.scalars(select(models.Run)) if r.id not in before]
        assert sorted(r.article_id for r in runs) == sorted(article_ids)
        assert all(r.outcome == "ok" for r in runs)
        assert {r.flow_run_id for r in runs} == child_ids
    # Both pages of every article were fetched again, never two at once on one host.
    assert sum(newsroom.hosts.requests.values()) >= 2 * ARTICLES
    assert max(newsroom.hosts.peak.values()) <= PER_HOST, newsroom.hosts.peak
    # Each child published its claims table and its fact sheet.
    published = {(str(a.flow_run_id), a.type) for a in artifacts}
    for child in child_ids:
        assert (child, "table") in published
        assert (child, "markdown") in published


def test_a_run_killed_mid_way_is_crashed_and_its_article_verified_again_once(
    newsroom: Newsroom,
) -> None:
    """kill -9 of a verify-article run's process: the worker reports the run CRASHED, the
    re-verification marks its Run interrupted and submits the article again; the article
    ends with one interrupted Run and one finished one, nothing duplicated."""

    from db import models
    from db.engine import session_scope

    engine, before = _deployed_and_seeded(newsroom)
    with session_scope(engine, write=False) as s:
        claims_before = s.query(models.Claim).count()
        evidence_before = s.query(models.Evidence).count()
    newsroom.hosts.slow = 3.0
    killed: list[int] = []

    def kill_first_run() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            with session_scope(engine, write=False) as s:
                running = [
                    r
                    for r in s.scalars(select(models.Run).where(models.Run.outcome == "running"))
                    if r.id not in before and r.pid
                ]
            if running:
                os.kill(running[0].pid or 0, signal.SIGKILL)
                killed.append(running[0].article_id)
            time.sleep(0.2)

    killer = threading.Thread(target=kill_first_run)
    killer.start()
    try:
        parent, children = _reverify(newsroom, limit=2)
    finally:
        killer.join()
        newsroom.hosts.slow = 0.0
    assert killed, "no run was caught running"
    assert parent.state is not None and parent.state.is_completed(), parent.state
    states = sorted(c.state.type.value for c in children if c.state is not None)
    assert states == ["COMPLETED", "COMPLETED", "CRASHED"], states
    with session_scope(engine, write=False) as s:
        runs = [r for r in s.scalars(select(models.Run)) if r.id not in before]
        of_killed = sorted(r.outcome for r in runs if r.article_id == killed[0])
        assert of_killed == ["interrupted", "ok"]
        assert sorted(r.outcome for r in runs if r.article_id != killed[0]) == ["ok"]
        # Nothing duplicated: the same claims, and no new evidence rows for the same pages.
        assert s.query(models.Claim).count() == claims_before
        assert s.query(models.Evidence).count() == evidence_before


def test_the_prefect_server_restarted_mid_run_and_the_runs_finish(newsroom: Newsroom) -> None:
    """The Prefect server stops while verify-article runs are fetching and comes back on the
    same port: the workers and the runs reconnect (Prefect's client retries), every run
    completes, and each article is verified once."""

    from db import models
    from db.engine import session_scope

    engine, before = _deployed_and_seeded(newsroom)
    newsroom.hosts.slow = 2.0
    restarted = threading.Event()

    def restart_when_running() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with session_scope(engine, write=False) as s:
                running = s.scalars(
                    select(models.Run.id).where(models.Run.outcome == "running")
                ).all()
            if [r for r in running if r not in before]:
                newsroom.restart_server()
                restarted.set()
                return
            time.sleep(0.2)

    restarter = threading.Thread(target=restart_when_running)
    restarter.start()
    try:
        parent, children = _reverify(newsroom, limit=3)
    finally:
        restarter.join()
        newsroom.hosts.slow = 0.0
    assert restarted.is_set(), "no run was caught running"
    assert parent.state is not None and parent.state.is_completed(), parent.state
    # Runs the outage broke (CRASHED, or FAILED on the API's connection) were submitted
    # again; each article has one completed run and one finished Run, nothing else ok.
    last: dict[str, Any] = {}
    for child in sorted(children, key=lambda c: c.name):
        last[child.name.rsplit("-attempt-", 1)[0]] = child
    assert len(last) == 3
    assert all(c.state is not None and c.state.is_completed() for c in last.values())
    with session_scope(engine, write=False) as s:
        runs = [r for r in s.scalars(select(models.Run)) if r.id not in before]
    ok = [r for r in runs if r.outcome == "ok"]
    assert len(ok) == 3 and len({r.article_id for r in ok}) == 3
    assert {r.outcome for r in runs} <= {"ok", "interrupted"}, [(r.outcome, r.error) for r in runs]


def test_a_run_whose_machine_went_silent_is_crashed_by_its_heartbeats_and_redone(
    newsroom: Newsroom,
) -> None:
    """A machine that dies takes its worker with it, so no one reports the run: here the
    worker is frozen (SIGSTOP) and the run's process killed. Its heartbeats stop; the
    automation `satyapan deploy` made marks it CRASHED after 60 s of silence; the
    re-verification submits the article again and the other worker verifies it."""

    from db import models
    from db.engine import session_scope

    engine, before = _deployed_and_seeded(newsroom)
    newsroom.hosts.slow = 60.0  # the first run hangs on its pages
    frozen: list[int] = []

    def freeze_the_machine() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not frozen:
            with session_scope(engine, write=False) as s:
                running = [
                    r
                    for r in s.scalars(select(models.Run).where(models.Run.outcome == "running"))
                    if r.id not in before and r.pid
                ]
            if running:
                pid = running[0].pid or 0
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                worker = int(stat[1])  # the run's process is its worker's child
                os.kill(worker, signal.SIGSTOP)
                frozen.append(worker)
                os.kill(pid, signal.SIGKILL)
                newsroom.hosts.slow = 0.0
            time.sleep(0.2)

    freezer = threading.Thread(target=freeze_the_machine)
    freezer.start()
    try:
        parent, children = _reverify(newsroom, limit=1)
    finally:
        freezer.join()
        newsroom.hosts.slow = 0.0
        for worker in frozen:
            os.kill(worker, signal.SIGCONT)
    assert frozen, "no run was caught running"
    assert parent.state is not None and parent.state.is_completed(), parent.state
    states = sorted((c.name, c.state.type.value) for c in children if c.state is not None)
    assert [state for _, state in states] == ["CRASHED", "COMPLETED"], states
    crashed = next(c for c in children if c.state is not None and c.state.is_crashed())
    assert crashed.state is not None and "no heartbeat" in (crashed.state.message or "")
    with session_scope(engine, write=False) as s:
        runs = [r for r in s.scalars(select(models.Run)) if r.id not in before]
    assert sorted(r.outcome for r in runs) == ["interrupted", "ok"]


def test_the_cron_schedule_runs_reverification_on_a_worker(newsroom: Newsroom) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.settings import PREFECT_API_URL, temporary_settings

    deployed = cli(newsroom, "deploy", "--cron", "* * * * *")
    assert deployed.returncode == 0, deployed.stderr
    assert "Schedule: '* * * * *'" in deployed.stdout
    deadline = time.monotonic() + 240
    completed: list[Any] = []
    with (
        temporary_settings({PREFECT_API_URL: newsroom.url}),
        get_client(sync_client=True) as client,
    ):
        while time.monotonic() < deadline and not completed:
            runs = client.read_flow_runs(
                deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=["satyapan"]))
            )
            completed = [
                r
                for r in runs
                if r.auto_scheduled and r.state is not None and r.state.is_completed()
            ]
            time.sleep(2)
    # Stop scheduling before the fixture stops the workers.
    cli(newsroom, "deploy", "--no-schedule")
    assert completed, "no scheduled run completed within 4 minutes"
