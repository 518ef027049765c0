"""A newsroom on one machine for tests and benchmarks: a real `prefect server start`, process
workers (each its own PREFECT_HOME, as on separate machines), and four loopback coverage
hosts (127.0.0.2-5) that count the requests in flight to each.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.server import prefect_command, server_env, start_server, stop
from tests.support.httpserver import LoopbackServer, Reply, Request, html_reply

ROOT = Path(__file__).resolve().parents[2]
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
        self.slow = 0.0  # extra seconds per reply, to catch a run in the middle

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
                time.sleep(REPLY_SECONDS + self.slow)
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
    server: subprocess.Popen[bytes]

    def restart_server(self, down_seconds: float = 2.0) -> None:
        """Stop the Prefect server and start it again on the same port and home."""
        port = int(self.url.rsplit(":", 1)[1].split("/")[0])
        stop(self.server.pid)
        time.sleep(down_seconds)
        self.server, _ = start_server(self.home / "server", port=port, env=SERVER_ENV)


SERVER_ENV = {"PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5"}


@contextmanager
def open_newsroom(base: Path, *, workers: int = 2, per_host: int = PER_HOST) -> Iterator[Newsroom]:
    """A Prefect server, ``workers`` process workers and four counting loopback hosts;
    everything is stopped by PID on the way out."""
    server, url = start_server(base / "server", env=SERVER_ENV)
    room: Newsroom | None = None
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
            "SATYAPAN_FETCH_PER_HOST_CONCURRENCY": str(per_host),
            "SATYAPAN_FETCH_PER_HOST_DELAY": "0.1",
            "SATYAPAN_FETCH_CACHE_TTL": "0",
            "SATYAPAN_REVERIFY_MAX_IN_FLIGHT": "4",
            # Runs beat every 30 s (Prefect's shortest); 60 s of silence crashes a run.
            "PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "30",
            "SATYAPAN_DEAD_RUN_SECONDS": "60",
        }
        for i in range(workers):
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
        room = Newsroom(url, base, env, database_url, hosts, started, server)
        yield room
    finally:
        for process in started:
            stop(process.pid)
        stop((room.server if room is not None else server).pid)
        for s in hosts.servers:
            s.stop()


def cli(newsroom: Newsroom, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **newsroom.env}
    satyapan = Path(sys.executable).with_name("satyapan")
    return subprocess.run(
        [str(satyapan), *args], env=env, capture_output=True, text=True, timeout=300
    )


def seed(newsroom: Newsroom, articles: int = ARTICLES) -> list[int]:
    """Twenty articles, each verified once (in this process) against two pages on two hosts."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.verify import verify_article
    from review.cli import _flow_settings
    from satyapan.settings import Settings

    for i, s in enumerate(newsroom.hosts.servers):
        for j in range(articles):
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
        for j in range(articles):
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
