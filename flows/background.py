"""Satyapan's background process: the Prefect API and a warm flow runner, started on first use.

Without ``PREFECT_API_URL``, Prefect would start and stop a temporary API server inside
every command, and every command would import Prefect and load the language data again
(together 5.6x the pipeline's own work on the 12-page demo). Instead the first command
starts one background process per SATYAPAN_HOME, which

- serves Prefect's API and UI (``prefect.server.api.server.create_app``, the app
  ``prefect server start`` serves, under uvicorn in a thread) on 127.0.0.1 and a port the
  OS chooses, with its own PREFECT_HOME (``SATYAPAN_HOME/prefect``);
- runs the flows commands hand it (``verify-article``, ``reverify-open-claims``) as real
  Prefect flow runs against that API, in its own threads, with Prefect, the models and the
  lexicons already loaded; commands reach it over a Unix socket with a per-start key, and
  get their fetch progress and the run's summary back.

Later commands find it through ``server.json``. It stops after ``idle`` seconds in which no
command used it (a command holds a shared lock on ``in-use.lock`` while it does, so a long
run is never cut off). ``satyapan server status|start|stop`` show, start and stop it.

    python -m flows.background --home DIR --idle SECONDS   # the process (started for you)
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gc
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Any

from flows.server import alive, api_url, free_port, healthy, server_env, stop
from satyapan.errors import SatyapanError

STATE = "server.json"
KEY = "jobs.key"
IN_USE = "in-use.lock"
START_LOCK = "start.lock"
STARTUP_SECONDS = 180.0
CHECK_SECONDS = 5.0
FLOWS = ("verify-article", "reverify-open-claims")
# The background process runs without docstrings and asserts (-OO): Prefect's server and
# client, FastAPI, SQLAlchemy and pydantic keep about 13 MB of docstrings in memory, and
# nothing the process runs reads them (``dev.py setup`` compiles its modules so ahead).
BACKGROUND_PYTHON = (sys.executable, "-OO")
# Blocks of at least this many bytes (numpy's arrays in matching and syndication) are
# mapped on their own and go back to the system when freed. glibc otherwise raises the
# threshold after the first such block is freed, and a run's arrays then stay in the heap.
MMAP_THRESHOLD = 128 * 1024


def state(home: Path) -> dict[str, Any] | None:
    """The running process's state (pid, API url, job socket), or None."""
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
    """The API URL of the background process of ``home``, started when none answers."""
    home.mkdir(parents=True, exist_ok=True)
    url = running_url(home)
    if url:
        return url
    with _locked(home / START_LOCK, fcntl.LOCK_EX):  # one starter at a time
        url = running_url(home)
        if url:
            return url
        log = (home / "server.log").open("ab")
        process = subprocess.Popen(
            [*BACKGROUND_PYTHON, "-m", "flows.background", "--home", str(home)]
            + ["--idle", str(idle)],
            env=server_env(home),
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
            if process.poll() is not None:
                break
            time.sleep(0.1)
    raise SatyapanError(f"the background Prefect server did not start: see {home / 'server.log'}")


def submit(
    home: Path,
    flow: str,
    params: dict[str, Any],
    *,
    progress: Callable[[], None] | None = None,
) -> Any:
    """Run ``flow`` with ``params`` in the background process; its return value. Errors come
    back as SatyapanError with the run's one-line message."""
    return _request(home, {"flow": flow, "params": params}, progress)


def claims_of_article(home: Path, database_url: str, article_id: int) -> list[dict[str, Any]]:
    """An article's claims as listing rows (``db.repo.claim_rows``), read by the background
    process: a command that only reports a run needs no database driver of its own."""
    rows: list[dict[str, Any]] = _request(
        home, {"query": "claims", "database_url": database_url, "article_id": article_id}
    )
    return rows


def _request(
    home: Path, message: dict[str, Any], progress: Callable[[], None] | None = None
) -> Any:
    data = state(home)
    if data is None:
        raise SatyapanError("the background Prefect server is not running")
    try:
        key = (home / KEY).read_bytes()
        conn = Client(data["socket"], family="AF_UNIX", authkey=key)
    except (OSError, KeyError, EOFError) as exc:
        raise SatyapanError(f"cannot reach the background Prefect server: {exc}") from None
    with conn:
        conn.send(message)
        while True:
            try:
                kind, *rest = conn.recv()
            except (EOFError, OSError):
                raise SatyapanError(
                    f"the background Prefect server stopped during the run: see "
                    f"{home / 'server.log'}"
                ) from None
            if kind == "progress":
                if progress is not None:
                    progress()
            elif kind == "done":
                return rest[0]
            else:
                raise SatyapanError(rest[0])


@contextlib.contextmanager
def in_use(home: Path) -> Iterator[None]:
    """Held by a command while it uses the server: the process does not stop then."""
    home.mkdir(parents=True, exist_ok=True)
    (home / IN_USE).touch()
    with _locked(home / IN_USE, fcntl.LOCK_SH):
        try:
            yield
        finally:
            os.utime(home / IN_USE)  # the idle time counts from the end of the last use


def code_version() -> str:
    """A fingerprint of the code and data this installation runs (each source and data file's
    path, size and modification time): a background process started from other code is
    stale after an upgrade or an edit."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in _CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in _CODE_SUFFIXES and path.is_file():
                st = path.stat()
                digest.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


_CODE_FOLDERS = ("claims", "sources", "flows", "db", "review", "satyapan")
_CODE_SUFFIXES = frozenset({".py", ".tsv", ".txt", ".json", ".ini"})


def retire_stale(home: Path) -> bool:
    """Stop the background process of ``home`` when it runs other code than this command
    (after an upgrade it would go on answering with the old code until it idled out) and no
    command is using it; the next command starts a fresh one. True when it was stopped."""
    data = state(home)
    if data is None or data.get("code") == code_version():
        return False
    (home / IN_USE).touch()
    with (home / IN_USE).open("rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a command is running on it: it serves the old code till then
        try:
            return stop_server(home)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def stop_server(home: Path) -> bool:
    """Stop the background process of ``home``; False when none was running."""
    data = state(home)
    if data is None:
        return False
    stop(int(data["pid"]), timeout=30)
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


def _socket_address(home: Path) -> str:
    path = str(home / "jobs.sock")
    if len(path) < 100:  # AF_UNIX paths are limited to 108 bytes
        return path
    digest = hashlib.sha256(path.encode()).hexdigest()[:16]
    return f"\0satyapan-{digest}"  # Linux's abstract namespace: no file at all


# -- the background process ------------------------------------------------------------


class _Stop(Exception):
    pass


def _on_term(_signum: int, _frame: Any) -> None:
    raise _Stop


def supervise(home: Path, idle: float) -> None:
    """Serve the API and run jobs until idle for ``idle`` seconds (or SIGTERM)."""
    from flows import prefectdb
    from flows.runtime import configure

    configure()
    seeded = prefectdb.seed(home)  # a migrated database, instead of migrating a new one
    import uvicorn
    from prefect.server.api.server import create_app

    signal.signal(signal.SIGTERM, _on_term)
    (home / IN_USE).touch()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(final=True),
            host="127.0.0.1",
            port=port,
            log_level="error",
            timeout_keep_alive=5,
        )
    )
    api = threading.Thread(target=server.run, name="prefect-api", daemon=True)
    api.start()
    url = api_url(port)
    deadline = time.monotonic() + STARTUP_SECONDS
    while not healthy(url):
        if not api.is_alive() or time.monotonic() > deadline:
            raise SystemExit(f"the Prefect API did not start on {url}")
        time.sleep(0.1)
    if not seeded:
        prefectdb.keep(home)  # the next new home starts from this migrated database

    key = os.urandom(32)
    key_file = home / KEY
    key_file.touch(mode=0o600)
    key_file.write_bytes(key)
    address = _socket_address(home)
    with contextlib.suppress(OSError):
        if not address.startswith("\0"):
            os.unlink(address)
    listener = Listener(address, family="AF_UNIX", authkey=key)
    runner = _Runner(url)
    threading.Thread(target=runner.accept, args=(listener,), name="jobs", daemon=True).start()
    runner.warm_up()
    # What is loaded by now (the API's app and models, the lexicons) lives as long as the
    # process: out of the collector's way, so that a run's garbage collections do not walk
    # it again and again.
    gc.freeze()
    os.utime(home / IN_USE)  # the idle time counts from when it answers
    (home / STATE).write_text(
        json.dumps(
            {
                "pid": os.getpid(),
                "server_pid": os.getpid(),
                "url": url,
                "socket": address,
                "started": time.time(),
                "idle": idle,
                "code": code_version(),
            }
        ),
        encoding="utf-8",
    )
    try:
        while api.is_alive() and (runner.busy or _idle_for(home) < idle):
            time.sleep(CHECK_SECONDS if idle > 4 * CHECK_SECONDS else 0.5)
    except _Stop:
        pass
    finally:
        with contextlib.suppress(OSError, ValueError):
            data = json.loads((home / STATE).read_text(encoding="utf-8"))
            if data.get("pid") == os.getpid():
                (home / STATE).unlink()
        with contextlib.suppress(OSError):
            listener.close()
        server.should_exit = True
        api.join(timeout=10)


class _Runner:
    """Runs the flows commands hand over, one thread per command."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._active = 0

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._active > 0

    def warm_up(self) -> None:
        """Load what every run needs before the first command waits for it."""
        import flows.reverify  # noqa: F401 - imports the verify flow and Prefect's engine
        from flows import steps

        steps.glossary_for(None)
        steps.morphology()

    def accept(self, listener: Listener) -> None:
        while True:
            try:
                conn = listener.accept()
            except (OSError, EOFError):
                return
            except Exception:  # noqa: BLE001 - a client with a wrong key: refuse it, go on
                continue
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn: Connection) -> None:
        send_lock = threading.Lock()

        def send(message: tuple[Any, ...]) -> None:
            with send_lock, contextlib.suppress(OSError, ValueError):
                conn.send(message)

        with self._lock:
            self._active += 1
        try:
            with conn:
                try:
                    job = conn.recv()
                    if "query" in job:
                        result = self.query(job)
                    else:
                        result = self.run(job["flow"], job["params"], lambda: send(("progress",)))
                except SatyapanError as exc:
                    send(("error", _line(str(exc))))
                except Exception as exc:  # noqa: BLE001 - the command shows it in one line
                    send(("error", f"unexpected {type(exc).__name__}: {_line(str(exc))}"))
                else:
                    send(("done", result))
        finally:
            with self._lock:
                self._active -= 1
                idle = self._active == 0
            if idle:
                _release_memory()

    def query(self, job: dict[str, Any]) -> Any:
        """A read for a command: ``claims``, an article's claims as listing rows."""
        from db import repo
        from db.engine import session_scope
        from flows.steps import engine_for

        if job["query"] != "claims":
            raise SatyapanError(f"unknown query {job['query']!r}")
        with session_scope(engine_for(job["database_url"]), write=False) as s:
            return repo.claim_rows(repo.list_claims(s, article_id=job["article_id"]))

    def run(self, flow: str, params: dict[str, Any], progress: Callable[[], None]) -> Any:
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
            temporary_settings,
        )

        from flows import verify
        from flows.reverify import reverify_open_claims

        if flow not in FLOWS:
            raise SatyapanError(f"unknown flow {flow!r}")
        if "database_url" in params:  # a bad or unreachable database fails before any run
            from flows.steps import engine_for

            engine_for(params["database_url"])  # (and a new one gets its schema)
        settings: dict[Any, Any] = {
            PREFECT_API_URL: self.url,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None,
        }
        with temporary_settings(settings):
            token = verify.FETCH_PROGRESS.set(lambda _result: progress())
            try:
                if flow == "verify-article":
                    return verify.verify_article(**params)
                return reverify_open_claims(**params)
            finally:
                verify.FETCH_PROGRESS.reset(token)


def _libc() -> Any:
    import ctypes

    return ctypes.CDLL("libc.so.6")


def _fix_mmap_threshold() -> None:
    """Keep glibc's mmap threshold at MMAP_THRESHOLD (M_MMAP_THRESHOLD is -3)."""
    with contextlib.suppress(OSError, AttributeError):  # glibc only; elsewhere a no-op
        _libc().mallopt(-3, MMAP_THRESHOLD)


def _release_memory() -> None:
    """Hand what a finished run freed back to the system: without it the process keeps the
    run's high-water mark (1,000 pages: 270 MB idle, 400-450 MB after the run), and the
    next run starts from there. Its database connections close too (each SQLite connection
    keeps its own page cache)."""
    from flows.steps import close_connections

    close_connections()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # glibc only; elsewhere a no-op
        _libc().malloc_trim(0)


def _line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "failed"


def compile_modules() -> int:
    """Compile, for -OO, every module the background process imports to serve and run a
    flow (with PYTHONDONTWRITEBYTECODE set, as on some machines, Python would otherwise
    compile them again at every start); how many were compiled."""
    import compileall

    import prefect.server.api.server  # noqa: F401
    import uvicorn  # noqa: F401

    import flows.reverify  # noqa: F401 - the flows, Prefect's engine and the pipeline

    done = 0
    for module in list(sys.modules.values()):
        source = getattr(module, "__file__", None) or ""
        if source.endswith(".py"):
            done += bool(compileall.compile_file(source, quiet=2, optimize=2))
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description="Satyapan's background Prefect server")
    parser.add_argument("--home", type=Path)
    parser.add_argument("--idle", type=float, default=1800.0)
    parser.add_argument(
        "--compile", action="store_true", help="compile its modules for -OO (dev.py setup)"
    )
    args = parser.parse_args()
    if args.compile:
        print(f"compiled {compile_modules()} modules for the background process")
        return
    if args.home is None:
        parser.error("--home is required")
    _fix_mmap_threshold()
    supervise(args.home, args.idle)


if __name__ == "__main__":
    main()
