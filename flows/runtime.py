"""Prefect's environment for a newsroom machine: quiet, offline-safe, patient on slow disks.

Imported before prefect itself: Prefect reads these variables once, at import.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULTS = {
    # No internet on newsroom and CI machines: analytics would log an ERROR on every start.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    # A fresh PREFECT_HOME takes 18-23 s to start the temporary API; 20 s is the default.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Users see Satyapan's output, not Prefect's run chatter or its services' tracebacks.
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_SERVER_LEVEL": "CRITICAL",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_INTERNAL_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
}


def configure() -> None:
    """Set Prefect defaults without overriding anything the operator set."""
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)


def api_configured() -> bool:
    """Whether Prefect has an API server to talk to (PREFECT_API_URL, from the environment
    or the active Prefect profile)."""
    configure()
    from prefect.settings import PREFECT_API_URL

    return bool(PREFECT_API_URL.value())


@contextmanager
def runs_here() -> Iterator[None]:
    """Flows called in this block run in this process (against PREFECT_API_URL, or Prefect's
    temporary server), without a heartbeat thread: the end of every run waited for its
    1-second sleeps, and a run this process leaves "running" is marked interrupted by the
    next one anyway."""
    configure()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
