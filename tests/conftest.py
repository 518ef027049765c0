"""Session-wide test set-up: a private Prefect home and one Prefect test harness, on demand."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports prefect: a private PREFECT_HOME, and Satyapan's quiet defaults.
_PREFECT_HOME = tempfile.mkdtemp(prefix="satyapan-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.pop("PREFECT_API_URL", None)
# `satyapan` subprocesses in tests use Prefect's temporary server rather than starting a
# background one each; tests/flows/test_flows_background.py tests the background server.
os.environ["SATYAPAN_PREFECT_SERVER"] = "temporary"

from flows.runtime import configure  # noqa: E402

configure()

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API for every flow test (each harness costs ~15 s to start)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield
        # Undrained logs and events keep pytest waiting at exit (DESIGN.md: 84 s).
        APILogWorker.drain_all(timeout=10)
        EventsWorker.drain_all(timeout=10)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'satyapan.db'}"
