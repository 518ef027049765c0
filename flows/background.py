"""Satyapan's own Prefect server, started on first use and stopped when idle.

Without ``PREFECT_API_URL``, Prefect would start and stop a temporary API server inside
every command (2.8 s of a 7.7 s demo run, and its imports). Instead the first command starts
``prefect server start`` in the background — loopback only, a port the OS chooses, its own
PREFECT_HOME under ``SATYAPAN_HOME/prefect`` — under a small supervisor process; later
commands find it through ``server.json`` and use it. The supervisor stops the server after
``idle`` seconds in which no command used it (a command in progress holds a shared lock on
``in-use.lock``, so a long run is never cut off). ``satyapan server status|stop`` show and
stop it. Every run stays a real Prefect flow run, and the UI shows them at the printed URL.

    python -m flows.background --home DIR --idle SECONDS   # the supervisor (started for you)
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flows.server import alive, healthy, start_server, stop
from satyapan.errors import SatyapanError

STATE = "server.json"
IN_USE = "in-use.lock"
START_LOCK = "start.lock"
STARTUP_SECONDS = 180.0
CHECK_SECONDS = 5.0


def state(home: Path) -> dict[str, Any] | None:
    """The running server's state (pid of the supervisor, server pid, url), or None."""
    try:
        data = json.loads((home / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not alive(int(data.get("pid", 0) or 0)):
        return None
    return data


def running_url(home: Path) -> str | None:
    data = state(home)
    if data is None:
        return None
    url = str(data.get("url", ""))
    return url if url and healthy(url) else None


def ensure(home: Path, *, idle: float) -> str:
    """The URL of the background server of ``home``, started when none answers."""
    home.mkdir(parents=True, exist_ok=True)
    url = running_url(home)
    if url:
        return url
    with _locked(home / START_LOCK, fcntl.LOCK_EX):  # one starter at a time
        url = running_url(home)
        if url:
            return url
        log = (home / "supervisor.log").open("ab")
        supervisor = subprocess.Popen(
            [sys.executable, "-m", "flows.background", "--home", str(home), "--idle", str(idle)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # outlives this command
            cwd=str(Path(__file__).resolve().parent.parent),
        )
        log.close()
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            url = running_url(home)
            if url:
                return url
            if supervisor.poll() is not None:
                break
            time.sleep(0.2)
    raise SatyapanError(f"the background Prefect server did not start: see {home / 'server.log'}")


@contextlib.contextmanager
def in_use(home: Path) -> Iterator[None]:
    """Held by a command while it uses the server: the supervisor does not stop it then."""
    home.mkdir(parents=True, exist_ok=True)
    (home / IN_USE).touch()
    with _locked(home / IN_USE, fcntl.LOCK_SH):
        try:
            yield
        finally:
            os.utime(home / IN_USE)  # the idle time counts from the end of the last use


def stop_server(home: Path) -> bool:
    """Stop the background server of ``home``; False when none was running."""
    data = state(home)
    if data is None:
        return False
    stop(int(data["pid"]), timeout=30)
    server_pid = int(data.get("server_pid", 0) or 0)
    if server_pid and alive(server_pid):  # the supervisor could not stop it
        stop(server_pid)
    with contextlib.suppress(OSError):
        (home / STATE).unlink()
    return True


@contextlib.contextmanager
def _locked(path: Path, mode: int) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, mode)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _idle_for(home: Path) -> float:
    """Seconds since a command last used the server; 0 while one is using it."""
    path = home / IN_USE
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return 0.0
        fcntl.flock(handle, fcntl.LOCK_UN)
    return time.time() - path.stat().st_mtime


class _Stop(Exception):
    pass


def _on_term(_signum: int, _frame: Any) -> None:
    raise _Stop


def supervise(home: Path, idle: float) -> None:
    """Run the server until it has been idle for ``idle`` seconds (or it dies, or SIGTERM)."""
    (home / IN_USE).touch()
    signal.signal(signal.SIGTERM, _on_term)
    process, url = start_server(home, log=home / "server.log")
    os.utime(home / IN_USE)  # the idle time counts from when it answers
    (home / STATE).write_text(
        json.dumps(
            {
                "pid": os.getpid(),
                "server_pid": process.pid,
                "url": url,
                "started": time.time(),
                "idle": idle,
            }
        ),  # fmt: skip
        encoding="utf-8",
    )
    try:
        while process.poll() is None and _idle_for(home) < idle:
            time.sleep(CHECK_SECONDS if idle > 4 * CHECK_SECONDS else 0.5)
    except _Stop:
        pass
    finally:
        with contextlib.suppress(OSError):
            data = json.loads((home / STATE).read_text(encoding="utf-8"))
            if data.get("pid") == os.getpid():
                (home / STATE).unlink()
        stop(process.pid)


def main() -> None:
    parser = argparse.ArgumentParser(description="Satyapan's background Prefect server")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--idle", type=float, default=1800.0)
    args = parser.parse_args()
    supervise(args.home, args.idle)


if __name__ == "__main__":
    main()
