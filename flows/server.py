"""A Prefect API server as a child process: loopback, its own PREFECT_HOME, a chosen port.

Used by the integration tests and by ``satyapan server``. The server is Prefect's own
(``prefect server start``); this module only starts it, waits until it answers, and stops
it by PID.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from flows.runtime import DEFAULTS
from satyapan.errors import SatyapanError

STARTUP_SECONDS = 120.0  # a fresh PREFECT_HOME migrates its database first


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def api_url(port: int, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{port}/api"


def server_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a Prefect process that belongs to ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update(DEFAULTS)
    env["PREFECT_HOME"] = str(home)
    env["PREFECT_UI_ENABLED"] = env.get("PREFECT_UI_ENABLED", "true")
    env.update(extra or {})
    return env


def prefect_command() -> list[str]:
    """The ``prefect`` CLI of this interpreter's environment."""
    script = Path(sys.executable).with_name("prefect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prefect"]


def start_server(
    home: Path,
    *,
    port: int | None = None,
    log: Path | None = None,
    env: Mapping[str, str] | None = None,
    detach: bool = False,
) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``prefect server start`` on 127.0.0.1; returns the process and its API URL once
    it answers. With ``detach``, the server gets its own session (it outlives the caller)."""
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    log = log or home / "server.log"
    out = log.open("ab")
    process = subprocess.Popen(
        [*prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=server_env(home, env),
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=detach,
    )
    out.close()
    url = api_url(port)
    try:
        wait_ready(url, process=process, log=log)
    except BaseException:
        stop(process.pid)
        raise
    return process, url


# The API is on this machine: asked directly, whatever proxy the environment names. (The
# standard library's client: a command that only hands a run to the background process
# loads no HTTP library of its own.)
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with _LOCAL.open(f"{url}/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):  # URLError and HTTPError are OSErrors
        return False


def wait_ready(
    url: str,
    *,
    process: subprocess.Popen[bytes] | None = None,
    log: Path | None = None,
    timeout: float = STARTUP_SECONDS,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if healthy(url):
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.25)
    tail = ""
    if log is not None and log.exists():
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        tail = f": {lines[-1]}" if lines else ""
    raise SatyapanError(f"the Prefect server at {url} did not start{tail}")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop(pid: int, *, timeout: float = 15.0) -> None:
    """Stop a process (SIGTERM, then SIGKILL) and reap it when it is our child."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _reaped(pid) or not alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    _reaped(pid)


def _reaped(pid: int) -> bool:
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return done == pid
