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
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from flows.server import prefect_command, server_env, start_server, stop
from tests.conftest import ROOT
from tests.support.httpserver import LoopbackServer, Reply, Request, html_reply

pytestmark = pytest.mark.server

HOSTS = ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"]
ARTICLES = 20
PER_HOST = 1  # the limit under test: one request in flight per host, across both workers
REPLY_SECONDS = 0.25  # each page takes this long, so overlapping requests would show
TOWNS = [
    "Ambala", "Bhiwani", "Chiplun", "Dewas", "Etawah", "Faridkot", "Gadag", "Hapur", "Itarsi",
    "Jalna", "Kaithal", "Latur", "Mandya", "Nagaur", "Ongole", "Palghar", "Rewari", "Sangli",
    "Tumkur", "Unnao",
]  # fmt: skip


class CountingHosts:
    """Four loopback hosts serving coverage; each counts its requests in flight."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = dict.fromkeys(HOSTS, 0)
        self.peak = dict.fromkeys(HOSTS, 0)
        self.requests = dict.fromkeys(HOSTS, 0)
        self.servers = [LoopbackServer(host=host) for host in HOSTS]

    def reset(self) -> None:
        with self.lock:
            self.peak = dict.fromkeys(HOSTS, 0)
            self.requests = dict.fromkeys(HOSTS, 0)

    def page(self, host: str, body: str) -> Any:
        def handler(_request: Request) -> Reply:
            with self.lock:
                self.in_flight[host] += 1
                self.requests[host] += 1
                self.peak[host] = max(self.peak[host], self.in_flight[host])
            try:
                time.sleep(REPLY_SECONDS)
                return html_reply(body)
            finally:
                with self.lock:
                    self.in_flight[host] -= 1

        return handler


def article_text(i: int) -> str:
    town = TOWNS[i]
    return (
        f"The {town} municipal council approved {40 + i} new electric buses on 12 March 2025. "
        f"The buses will cost {120 + i} crore rupees, council chairman Ravi Kumar said. "
        f"{town} will also open {3 + i % 5} charging depots by December 2025."
    )


def coverage_page(i: int, copy: int) -> str:
    town = TOWNS[i]
    lead = [
        f"On 12 March 2025 the {town} municipal council approved {40 + i} new electric buses.",
        f"{town}'s municipal council cleared the purchase of {40 + i} electric buses on "
        "12 March 2025.",
    ][copy]
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{town} council approves electric buses</title>"
        f"<meta property='og:site_name' content='Daily {copy} {town}'>"
        "<meta property='article:published_time' content='2025-03-12T18:00:00+05:30'>"
        f"</head><body><article><h1>{town} gets electric buses</h1>"
        f"<p>{lead} The order is the largest in the district's history.</p>"
        f"<p>The buses will cost {120 + i} crore rupees, said council chairman Ravi Kumar, "
        "adding that the first buses would arrive within a year.</p>"
        f"<p>Residents of {town} have long asked for cleaner public transport, and "
        "officials said routes would be announced after a survey of commuters.</p>"
        "</article></body></html>"
    )


@dataclass
class Newsroom:
    url: str
    home: Path
    env: dict[str, str]
    database_url: str
    hosts: CountingHosts
    workers: list[subprocess.Popen[bytes]]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    base = tmp_path_factory.mktemp("newsroom")
    server, url = start_server(
        base / "server",
        env={"PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5"},
    )
    started: list[subprocess.Popen[bytes]] = []
    hosts = CountingHosts()
    try:
        for s in hosts.servers:
            s.start()
        database_url = f"sqlite:///{base / 'satyapan.db'}"
        env = {
            "PREFECT_API_URL": url,
            "SATYAPAN_HOME": str(base / "satyapan"),
            "SATYAPAN_DATABASE_URL": database_url,
            "SATYAPAN_ALLOW_PRIVATE_HOSTS": "true",
            "SATYAPAN_FETCH_PER_HOST_CONCURRENCY": str(PER_HOST),
            "SATYAPAN_FETCH_PER_HOST_DELAY": "0.1",
            "SATYAPAN_FETCH_CACHE_TTL": "0",
            "SATYAPAN_REVERIFY_MAX_IN_FLIGHT": "4",
        }
        for i in range(2):
            home = base / f"worker-{i}"
            home.mkdir()
            log = (home / "worker.log").open("ab")
            started.append(
                subprocess.Popen(
                    [
                        *prefect_command(),
                        "worker",
                        "start",
                        "--pool",
                        "satyapan",
                        "--type",
                        "process",
                        "--name",
                        f"worker-{i}",
                    ],  # fmt: skip
                    env=server_env(home, {**env, "PREFECT_WORKER_QUERY_SECONDS": "1"}),
                    cwd=ROOT,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            log.close()
        yield Newsroom(url, base, env, database_url, hosts, started)
    finally:
        for process in started:
            stop(process.pid)
        stop(server.pid)
        for s in hosts.servers:
            s.stop()


def _cli(newsroom: Newsroom, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **newsroom.env}
    satyapan = Path(sys.executable).with_name("satyapan")
    return subprocess.run(
        [str(satyapan), *args], env=env, capture_output=True, text=True, timeout=300
    )


def _seed(newsroom: Newsroom) -> list[int]:
    """Twenty articles, each verified once (in this process) against two pages on two hosts."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.verify import verify_article
    from review.cli import _flow_settings
    from satyapan.settings import Settings

    for i, s in enumerate(newsroom.hosts.servers):
        for j in range(ARTICLES):
            for copy in (0, 1):
                if HOSTS[(j + copy) % len(HOSTS)] == s.host:
                    s.add(f"/{j}/{copy}", newsroom.hosts.page(s.host, coverage_page(j, copy)))
        assert i < len(HOSTS)
    cfg = Settings(
        home=newsroom.home / "satyapan",
        database_url=newsroom.database_url,
        allow_private_hosts=True,
        fetch_cache_ttl=0,
    )
    ids = []
    with temporary_settings({PREFECT_API_URL: newsroom.url}):
        for j in range(ARTICLES):
            urls = [
                newsroom.hosts.servers[(j + copy) % len(HOSTS)].url(f"/{j}/{copy}")
                for copy in (0, 1)
            ]
            summary = verify_article(
                text=article_text(j),
                source=f"article-{j}.txt",
                database_url=newsroom.database_url,
                title=f"Buses for {TOWNS[j]}",
                urls=urls,
                event_date="2025-03-12",
                **_flow_settings(cfg, False),
            )
            assert summary["evidence"] > 0, summary
            ids.append(summary["article_id"])
    return ids


def test_two_workers_reverify_twenty_articles_once_each_within_host_limits(
    newsroom: Newsroom,
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from db import models
    from db.engine import session_scope
    from flows.steps import engine_for

    deployed = _cli(newsroom, "deploy", "--no-schedule")
    assert deployed.returncode == 0, deployed.stderr
    assert "Deployed verify-article/satyapan and reverify-open-claims/satyapan" in deployed.stdout

    article_ids = _seed(newsroom)
    newsroom.hosts.reset()
    with session_scope(engine_for(newsroom.database_url), write=False) as s:
        before = set(s.scalars(select(models.Run.id)))

    every_status = ["pending", "unverified", "single_source", "disputed", "corroborated"]
    with temporary_settings({PREFECT_API_URL: newsroom.url}):
        parent: Any = run_deployment(
            "reverify-open-claims/satyapan",
            parameters={"statuses": every_status, "every_hours": 0.0, "poll_seconds": 1.0},
            timeout=600,
            poll_interval=2,
        )
        assert parent.state is not None and parent.state.is_completed(), parent.state
        with get_client(sync_client=True) as client:
            children = client.read_flow_runs(
                flow_run_filter=FlowRunFilter(
                    parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent.id])
                )
            )
            child_ids = {str(c.id) for c in children}
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


def test_the_cron_schedule_runs_reverification_on_a_worker(newsroom: Newsroom) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.settings import PREFECT_API_URL, temporary_settings

    deployed = _cli(newsroom, "deploy", "--cron", "* * * * *")
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
    _cli(newsroom, "deploy", "--no-schedule")
    assert completed, "no scheduled run completed within 4 minutes"
