"""The background Prefect server: started by the first command, reused, stopped when idle.

Real processes: `satyapan` subprocesses with their own SATYAPAN_HOME and no
PREFECT_API_URL, a real `prefect server start` under Satyapan's supervisor.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.background import running_url, state
from flows.server import alive

pytestmark = pytest.mark.server


def _env(home: Path, idle_minutes: float = 30) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update(
        SATYAPAN_HOME=str(home),
        SATYAPAN_PREFECT_SERVER="background",
        SATYAPAN_SERVER_IDLE_MINUTES=str(idle_minutes),
        PREFECT_HOME=str(home / "client-prefect"),
    )
    env.pop("SATYAPAN_DATABASE_URL", None)
    return env


def _satyapan(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("satyapan")
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=400)


def test_first_command_starts_it_the_next_reuses_it_and_stop_stops_it(tmp_path: Path) -> None:
    env = _env(tmp_path)
    home = tmp_path / "prefect"
    try:
        first = _satyapan(env, "demo")
        assert first.returncode == 0, first.stderr
        assert "Verified sco-qingdao-2025.hi.txt" in first.stdout
        assert "Prefect UI: http://127.0.0.1:" in first.stdout
        data = state(home)
        assert data is not None and alive(int(data["server_pid"]))
        # It runs without docstrings (-OO: flows/background.py says why).
        cmdline = Path(f"/proc/{data['pid']}/cmdline").read_bytes().split(b"\0")
        assert b"-OO" in cmdline
        url = running_url(home)
        assert url is not None and url.startswith("http://127.0.0.1:")

        status = _satyapan(env, "server", "status")
        assert status.returncode == 0 and "Running at http://127.0.0.1:" in status.stdout

        second = _satyapan(env, "demo")
        assert second.returncode == 0, second.stderr
        again = state(home)
        assert again is not None and again["server_pid"] == data["server_pid"]  # reused

        again_all = _satyapan(env, "reverify")
        assert again_all.returncode == 0, again_all.stderr
        assert "Re-verified 1 article." in again_all.stdout

        # The three runs (demo, demo, reverify and its subflow) are flow runs on that server.
        from prefect.client.orchestration import get_client
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings({PREFECT_API_URL: url}), get_client(sync_client=True) as client:
            runs = client.read_flow_runs()
        done = [r for r in runs if r.state is not None and r.state.is_completed()]
        assert len(done) == 4  # verify, verify, reverify-open-claims and its verify-article
    finally:
        stopped = _satyapan(env, "server", "stop")
    assert stopped.returncode == 0 and "Stopped." in stopped.stdout
    assert not alive(int(data["server_pid"])) and not alive(int(data["pid"]))
    assert state(home) is None
    down = _satyapan(env, "server", "status")
    assert down.returncode == 3 and "Not running" in down.stdout


def test_it_stops_itself_after_the_idle_time(tmp_path: Path) -> None:
    env = _env(tmp_path, idle_minutes=0.05)  # 3 seconds
    home = tmp_path / "prefect"
    started = _satyapan(env, "server", "start")
    assert started.returncode == 0, started.stderr
    data = json.loads((home / "server.json").read_text(encoding="utf-8"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (alive(data["pid"]) or alive(data["server_pid"])):
        time.sleep(0.5)
    assert not alive(data["server_pid"]), "the idle server is still running"
    assert not alive(data["pid"])
    assert state(home) is None


def test_runs_relay_fetch_progress_and_errors_in_one_line(tmp_path: Path) -> None:
    """A run handed to the background process reports each fetched page back, and a run
    that fails comes back as one SatyapanError line; the process keeps serving."""
    from flows.background import ensure, stop_server, submit
    from satyapan.errors import SatyapanError
    from tests.support.httpserver import LoopbackServer, html_reply

    home = tmp_path / "prefect"
    page = "<html><body><article><p>" + "The council met on Monday. " * 20 + "</p></article>"
    with LoopbackServer({f"/{i}": html_reply(page) for i in range(3)}) as site:
        try:
            ensure(home, idle=600)
            ticks: list[int] = []
            summary = submit(
                home,
                "verify-article",
                {
                    "text": "The council approved 40 buses on Monday, the mayor said.",
                    "source": "article.txt",
                    "database_url": f"sqlite:///{tmp_path / 'db.sqlite'}",
                    "urls": [site.url(f"/{i}") for i in range(3)],
                    "fetch": {"allow_loopback": True, "per_host_delay": 0.0},
                },
                progress=lambda: ticks.append(1),
            )
            assert summary["documents"] == 3 and len(ticks) == 3
            with pytest.raises(SatyapanError) as failed:
                submit(home, "verify-article", {"source": "no text"})
            assert "\n" not in str(failed.value) and "text" in str(failed.value)
            with pytest.raises(SatyapanError, match="unknown flow"):
                submit(home, "drop-tables", {})
            assert running_url(home) is not None  # still serving
        finally:
            stop_server(home)


def test_relative_paths_mean_the_callers_folder_not_the_background_process(
    tmp_path: Path,
) -> None:
    """`--corpus cov` and `--db sqlite:///mine.db` are read where the user typed them, even
    though the flow runs in the background process, whose folder is another."""
    env = _env(tmp_path)
    work = tmp_path / "newsroom"
    (work / "cov").mkdir(parents=True)
    root = Path(__file__).resolve().parents[2]
    for page in sorted((root / "examples" / "coverage").glob("*.html"))[:3]:
        (work / "cov" / page.name).write_bytes(page.read_bytes())
    article = root / "examples" / "sco-qingdao-2025.hi.txt"
    exe = Path(sys.executable).with_name("satyapan")
    try:
        args = [str(exe), "verify", str(article), "--corpus", "cov", "--db", "sqlite:///mine.db"]
        done = subprocess.run(args, env=env, cwd=work, capture_output=True, text=True, timeout=400)
        assert done.returncode == 0, done.stderr
        assert "3 of 3 coverage pages read" in done.stdout
        listed = subprocess.run(
            [str(exe), "claims", "list", "--db", "sqlite:///mine.db"],
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert listed.returncode == 0, listed.stderr
        assert "corroborated" in listed.stdout  # the rows the flow stored, read back here
        assert (work / "mine.db").exists()
    finally:
        _satyapan(env, "server", "stop")


def test_a_verify_handed_to_it_needs_no_database_driver_in_the_command(tmp_path: Path) -> None:
    """The command hands the run and the listing of its claims to the background process,
    which also opens (and creates) the database first: a bad one fails before any run."""
    env = _env(tmp_path)
    home = tmp_path / "prefect"
    root = Path(__file__).resolve().parents[2]
    article = root / "examples" / "sco-qingdao-2025.hi.txt"
    probe = (
        "import sys\n"
        "from review.cli import main\n"
        "code = None\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "print('sqlalchemy loaded:', 'sqlalchemy' in sys.modules, 'exit:', code)\n"
        "print('HTTP library loaded:', 'requests' in sys.modules or 'urllib3' in sys.modules)\n"
    )
    try:
        args = ["verify", str(article), "--corpus", str(root / "examples" / "coverage")]
        run = subprocess.run(
            [sys.executable, "-c", probe, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=400,
        )
        assert run.returncode == 0, run.stderr
        assert "sqlalchemy loaded: False exit: None" in run.stdout
        assert "HTTP library loaded: False" in run.stdout  # (a local article and corpus)
        assert state(home) is not None  # it did go to the background process
        listed = _satyapan(env, "claims", "list", "--article", "1", "--format", "json")
        rows = json.loads(listed.stdout)
        assert len(rows) >= 10
        for row in rows:  # the table the command printed is the stored claims'
            assert f"│ {row['id']:>3} │" in run.stdout
            assert row["status"] in run.stdout

        bad = _satyapan(env, *args, "--db", "postgresql://postgres@127.0.0.1:1/none")
        assert bad.returncode == 1 and bad.stderr.startswith("Error: cannot connect")
        assert len(bad.stderr.strip().splitlines()) == 1
        from prefect.client.orchestration import get_client
        from prefect.settings import PREFECT_API_URL, temporary_settings

        url = running_url(home)
        with temporary_settings({PREFECT_API_URL: url}), get_client(sync_client=True) as client:
            assert len(client.read_flow_runs()) == 1  # the good run only
    finally:
        _satyapan(env, "server", "stop")


def test_between_runs_it_holds_no_database_connection(tmp_path: Path) -> None:
    """A background process waiting for its next run keeps no connection open (each holds a
    PostgreSQL session, or a SQLite page cache, and it may be handed many databases): they
    open again for the next run."""
    from sqlalchemy import create_engine, make_url, text

    from tests.support.databases import ADMIN_URL, postgres_database

    env = _env(tmp_path)
    root = Path(__file__).resolve().parents[2]
    article = root / "examples" / "sco-qingdao-2025.hi.txt"
    admin = create_engine(ADMIN_URL)

    def sessions(database: str) -> int:
        with admin.connect() as conn:
            count = conn.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE datname = :name"),
                {"name": database},
            ).scalar_one()
        return int(count)

    try:
        with postgres_database() as url:
            database = str(make_url(url).database)
            for _ in range(2):  # the second run opens its connections again
                run = _satyapan(
                    env, "verify", str(article), "--corpus", str(root / "examples" / "coverage"),
                    "--db", url,
                )  # fmt: skip
                assert run.returncode == 0, run.stderr
                assert "corroborated" in run.stdout
                deadline = time.monotonic() + 20  # closed just after the command's answer
                while sessions(database) and time.monotonic() < deadline:
                    time.sleep(0.2)
                assert sessions(database) == 0
    finally:
        _satyapan(env, "server", "stop")
        admin.dispose()
