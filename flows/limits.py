"""Per-host politeness that holds across every worker: Prefect global concurrency limits.

One process keeps its per-host limits with ``sources.politeness.HostLimiter``. Several
workers, on one machine or many, share two limits per host on the Prefect server:

- ``satyapan-host:<host>``: at most ``per_host_concurrency`` requests in flight, held for
  the length of each request (with a lease, so a killed worker's slot comes back);
- ``satyapan-pace:<host>``: one slot that decays at ``1 / delay`` per second, so request
  starts to the host are at least ``delay`` seconds apart, whichever worker makes them.

The limits are created on first use and follow the settings (a larger robots.txt
Crawl-delay slows the pace limit down for everyone).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import (
    GlobalConcurrencyLimitCreate,
    GlobalConcurrencyLimitUpdate,
)
from prefect.concurrency.sync import concurrency, rate_limit
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

from sources.fetch import HostGate

HOST_PREFIX = "satyapan-host:"
PACE_PREFIX = "satyapan-pace:"
LEASE_SECONDS = 120.0  # a worker killed mid-request frees its slot after this long


def host_limit_name(host: str) -> str:
    return f"{HOST_PREFIX}{host}"


def pace_limit_name(host: str) -> str:
    return f"{PACE_PREFIX}{host}"


def ensure_limit(name: str, limit: int, decay: float = 0.0) -> None:
    """Create the global concurrency limit ``name``, or bring its size and decay up to date."""
    with get_client(sync_client=True) as client:
        try:
            current = client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            try:
                client.create_global_concurrency_limit(
                    GlobalConcurrencyLimitCreate(
                        name=name, limit=limit, active=True, slot_decay_per_second=decay
                    )
                )
                return
            except ObjectAlreadyExists:  # another worker made it first
                current = client.read_global_concurrency_limit_by_name(name)
        if (
            current.limit != limit
            or abs((current.slot_decay_per_second or 0.0) - decay) > 1e-9
            or not current.active
        ):
            client.update_global_concurrency_limit(
                name,
                GlobalConcurrencyLimitUpdate(limit=limit, active=True, slot_decay_per_second=decay),
            )


class SharedHostGate:
    """A ``HostGate`` on Prefect's server: ``with gate(host, delay): request()``."""

    def __init__(self, per_host_concurrency: int) -> None:
        self.per_host = max(1, per_host_concurrency)
        self._lock = threading.Lock()
        self._ready: dict[str, float] = {}  # host -> the delay its limits were set up for

    def _prepare(self, host: str, delay: float) -> None:
        with self._lock:
            known = self._ready.get(host)
            if known is not None and known >= delay:
                return
            ensure_limit(host_limit_name(host), self.per_host)
            if delay > 0:
                ensure_limit(pace_limit_name(host), 1, decay=1.0 / delay)
            self._ready[host] = delay

    @contextmanager
    def __call__(self, host: str, delay: float) -> Iterator[None]:
        self._prepare(host, delay)
        with concurrency(
            host_limit_name(host), occupy=1, strict=True, lease_duration=LEASE_SECONDS
        ):
            if delay > 0:
                rate_limit(pace_limit_name(host), occupy=1, strict=True)
            yield


def shared_gate(per_host_concurrency: int) -> HostGate:
    return SharedHostGate(per_host_concurrency)
