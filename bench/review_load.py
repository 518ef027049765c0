"""Load on the reviewer app over loopback: 20 reviewers at once for 60 s while a verify runs.

    .venv/bin/python bench/review_load.py [--reviewers 20] [--seconds 60] [--db URL]

Seeds a SQLite database with the demo article (a real `satyapan verify`), adds the
reviewers, serves the app with uvicorn on 127.0.0.1, and has every reviewer log in and then
loop: the claim list, the needs-review queue, a search, a claim page, and every fifth round a
decision through the form (CSRF token included). Meanwhile `satyapan verify` runs the demo
article again and again against the same database. Prints requests, errors, p50 / p99
latency per kind of request and overall, and how many verify runs finished.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

import requests
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db import repo  # noqa: E402
from db.engine import make_engine, session_scope  # noqa: E402
from review.auth import hash_password  # noqa: E402
from review.webapp import create_app  # noqa: E402

SEED = ROOT / "examples" / "sco-qingdao-2025.hi.txt"
CORPUS = ROOT / "examples" / "coverage"
PASSWORD = "load test password"
SATYAPAN = [sys.executable, "-c", "from review.cli import main; main()"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'load.db'}"
        env = {**os.environ, "SATYAPAN_HOME": str(Path(tmp) / "home"), "PYTHONPATH": str(ROOT)}
        verify = [*SATYAPAN, "verify", str(SEED), "--corpus", str(CORPUS), "--db", db]
        subprocess.run(verify, env=env, check=True, capture_output=True)
        digest = hash_password(PASSWORD)
        with session_scope(make_engine(db)) as s:
            for i in range(args.reviewers):
                repo.add_user(s, name=f"r{i}", role="reviewer", password_hash=digest)
            claim_ids = [c.id for c in repo.list_claims(s)]

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        app = create_app(db, secret_key="load", allowed_hosts=["127.0.0.1"])
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", workers=1)
        )
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"

        latencies: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def timed(kind: str, call: object) -> requests.Response | None:
            started = time.perf_counter()
            try:
                response = call()  # type: ignore[operator]
            except requests.RequestException as exc:
                with lock:
                    errors.append(f"{kind}: {exc!r}")
                return None
            elapsed = time.perf_counter() - started
            with lock:
                latencies[kind].append(elapsed)
                if response.status_code >= 400:
                    errors.append(f"{kind}: HTTP {response.status_code}")
            return response

        def reviewer(i: int) -> None:
            rng = random.Random(i)
            web = requests.Session()
            form = web.get(f"{base}/login", timeout=30).text
            token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
            web.post(
                f"{base}/login",
                data={"name": f"r{i}", "password": PASSWORD, "csrf": token},
                timeout=30,
            )
            rounds = 0
            while time.monotonic() < stop:
                rounds += 1
                timed("list", lambda: web.get(f"{base}/", timeout=30))
                timed("queue", lambda: web.get(f"{base}/?queue=1", timeout=30))
                timed("search", lambda: web.get(f"{base}/?q=SCO", timeout=30))
                cid = rng.choice(claim_ids)
                page = timed("claim", partial(web.get, f"{base}/claims/{cid}", timeout=30))
                if page is not None and rounds % 5 == 0:
                    m = re.search(r'name="csrf" value="([^"]+)"', page.text)
                    if m:
                        form = {
                            "status": rng.choice(["verified", "needs_evidence"]),
                            "note": f"load round {rounds}",
                            "csrf": m.group(1),
                        }
                        timed(
                            "decide",
                            partial(web.post, f"{base}/claims/{cid}/review", data=form, timeout=30),
                        )

        verify_runs = 0

        def verifier() -> None:
            nonlocal verify_runs
            while time.monotonic() < stop:
                done = subprocess.run(verify, env=env, capture_output=True, text=True)
                if done.returncode == 0:
                    verify_runs += 1
                else:
                    with lock:
                        errors.append(f"verify: {done.stderr.strip().splitlines()[-1:]}")

        threads = [threading.Thread(target=reviewer, args=(i,)) for i in range(args.reviewers)]
        threads.append(threading.Thread(target=verifier))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        server.should_exit = True

    every = [x for values in latencies.values() for x in values]
    print(f"{args.reviewers} reviewers for {args.seconds:.0f} s while verify ran "
          f"{verify_runs} times: {len(every)} requests, {len(errors)} errors")  # fmt: skip
    for kind, values in sorted(latencies.items()):
        print(f"  {kind:7} {len(values):6d} requests  p50 {_pct(values, 50):7.1f} ms  "
              f"p99 {_pct(values, 99):7.1f} ms")  # fmt: skip
    print(f"  all     {len(every):6d} requests  p50 {_pct(every, 50):7.1f} ms  "
          f"p99 {_pct(every, 99):7.1f} ms")  # fmt: skip
    for error in errors[:10]:
        print("  error:", error)


def _pct(values: list[float], pct: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100)[pct - 1] * 1000 if pct < 100 else max(values) * 1000


if __name__ == "__main__":
    main()
