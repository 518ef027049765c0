"""A background process started from other code is retired before the next command uses it.

Real processes and real file locks; the "server" is a plain child process, since what is
tested is the decision to stop it, not Prefect.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.background import STATE, code_version, in_use, retire_stale, state
from flows.server import alive


@pytest.fixture
def server(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def _write_state(home: Path, pid: int, code: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / STATE).write_text(json.dumps({"pid": pid, "url": "", "code": code}))


def test_a_process_running_other_code_is_stopped(
    tmp_path: Path, server: subprocess.Popen[bytes]
) -> None:
    _write_state(tmp_path, server.pid, "older-code")
    assert retire_stale(tmp_path) is True
    assert server.wait(timeout=30) is not None
    assert not alive(server.pid)
    assert state(tmp_path) is None


def test_a_process_running_this_code_is_kept(
    tmp_path: Path, server: subprocess.Popen[bytes]
) -> None:
    _write_state(tmp_path, server.pid, code_version())
    assert retire_stale(tmp_path) is False
    assert alive(server.pid)


def test_a_stale_process_in_use_by_a_command_is_kept_until_that_command_ends(
    tmp_path: Path, server: subprocess.Popen[bytes]
) -> None:
    _write_state(tmp_path, server.pid, "older-code")
    with in_use(tmp_path):
        assert retire_stale(tmp_path) is False
        assert alive(server.pid)
    assert retire_stale(tmp_path) is True


def test_the_fingerprint_changes_when_a_source_file_changes(tmp_path: Path) -> None:
    before = code_version()
    assert before == code_version()
    source = Path(__file__).resolve().parents[2] / "claims" / "lexicon.py"
    stat = source.stat()
    try:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert code_version() != before
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert code_version() == before


def test_compile_prepares_the_modules_the_background_process_runs_without_docstrings() -> None:
    import importlib.util

    import flows.steps

    compiled = Path(importlib.util.cache_from_source(flows.steps.__file__, optimization=2))
    compiled.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-OO", "-m", "flows.background", "--compile"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},  # as on machines that set it
    )
    assert done.returncode == 0, done.stderr
    assert compiled.exists()
    assert "compiled" in done.stdout
