"""Deployed re-verification: 20 articles with 1 worker vs 2 workers, and one article's cost.

    .venv/bin/python bench/workers.py [--articles 20]

For 1 and then 2 process workers, a real `prefect server start` (its own PREFECT_HOME),
`satyapan deploy`, the articles stored and verified once, then one reverify-open-claims run
fanned out over all of them (two pages each on four loopback hosts, one request in flight
per host across workers): its wall time and articles per minute. Then one article three
ways: a deployed verify-article run (submitted to completed, worker process start included),
a cold `satyapan verify` (its own temporary Prefect API), and `satyapan verify` with
PREFECT_API_URL at the running server. Ratios are from this one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows.runtime import configure  # noqa: E402

configure()  # quiet Prefect, before anything imports it

from tests.support.newsroom import (  # noqa: E402
    HOSTS,
    Newsroom,
    article_text,
    cli,
    open_newsroom,
    seed,
)

ALL = ["pending", "unverified", "single_source", "disputed", "corroborated"]


def reverify(room: Newsroom, articles: int) -> tuple[float, list[Any]]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: room.url}):
        started = time.perf_counter()
        parent: Any = run_deployment(
            "reverify-open-claims/satyapan",
            parameters={
                "statuses": ALL,
                "every_hours": 0.0,
                "poll_seconds": 0.5,
                "limit": articles,
            },  # fmt: skip
            timeout=1800,
            poll_interval=0.5,
        )
        seconds = time.perf_counter() - started
        assert parent.state is not None and parent.state.is_completed(), parent.state
        with get_client(sync_client=True) as client:
            children = client.read_flow_runs(
                flow_run_filter=FlowRunFilter(
                    parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent.id])
                )
            )
    return seconds, children


def one_deployed(room: Newsroom, j: int) -> float:
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    urls = [room.hosts.servers[(j + c) % len(HOSTS)].url(f"/{j}/{c}") for c in (0, 1)]
    with temporary_settings({PREFECT_API_URL: room.url}):
        started = time.perf_counter()
        run: Any = run_deployment(
            "verify-article/satyapan",
            parameters={
                "text": article_text(j),
                "source": f"article-{j}.txt",
                "urls": urls,
                "event_date": "2025-03-12",
            },  # fmt: skip
            timeout=600,
            poll_interval=0.2,
        )
        seconds = time.perf_counter() - started
        assert run.state is not None and run.state.is_completed(), run.state
    return seconds


def one_cli(room: Newsroom, j: int, base: Path, *, warm: bool) -> float:
    article = base / f"cli-{j}.txt"
    article.write_text(article_text(j), encoding="utf-8")
    urls = base / f"cli-{j}.urls"
    urls.write_text(
        "\n".join(room.hosts.servers[(j + c) % len(HOSTS)].url(f"/{j}/{c}") for c in (0, 1)),
        encoding="utf-8",
    )
    env = {**os.environ, **room.env}
    if not warm:
        env.pop("PREFECT_API_URL")
        env["PREFECT_HOME"] = str(base / f"cold-home-{j}")
    satyapan = Path(sys.executable).with_name("satyapan")
    started = time.perf_counter()
    done = subprocess.run(
        [str(satyapan), "verify", str(article), "--urls", str(urls), "--date", "2025-03-12"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    n = args.articles
    walls: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (1, 2):
            base = Path(tmp) / f"w{workers}"
            base.mkdir()
            with open_newsroom(base, workers=workers) as room:
                assert cli(room, "deploy", "--no-schedule").returncode == 0
                seed(room, n)
                room.hosts.reset()
                seconds, children = reverify(room, n)
                walls[workers] = seconds
                ok = sum(1 for c in children if c.state is not None and c.state.is_completed())
                print(
                    f"{workers} worker{'s' if workers > 1 else ' '}: {n} articles in "
                    f"{seconds:6.1f} s = {60 * n / seconds:5.1f} articles/min "
                    f"({ok} runs completed, peak requests per host "
                    f"{max(room.hosts.peak.values())})"
                )
                if workers == 2:
                    deployed = [one_deployed(room, j % n) for j in range(3)]
                    cold = [one_cli(room, j % n, base, warm=False) for j in range(3)]
                    warm = [one_cli(room, j % n, base, warm=True) for j in range(3)]
        print(f"2 workers ÷ 1 worker, throughput: {walls[1] / walls[2]:.2f}×")
        d, c, w = (statistics.median(x) for x in (deployed, cold, warm))
        print(f"one article, deployed run on a worker (submit → completed): {d:5.2f} s")
        print(f"one article, cold `satyapan verify` (temporary API):      {c:5.2f} s")
        print(f"one article, `satyapan verify` against the server:        {w:5.2f} s")
        print(f"cold CLI ÷ deployed run: {c / d:.2f}×; server CLI ÷ deployed run: {w / d:.2f}×")


if __name__ == "__main__":
    main()
