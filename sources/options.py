"""How to fetch, as one value: light enough for a command that only hands it on (the
fetching itself, and its HTTP libraries, are in ``sources.fetch``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from satyapan.settings import Settings

DEFAULT_USER_AGENT = "Satyapan/0.1 (+fact-claim verification; newsroom tool)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch: one object handed down instead of a dozen keyword arguments.

    ``allow_loopback`` opens 127.0.0.0/8 and ::1 (tests, the offline demo);
    ``allow_private`` opens RFC 1918, unique-local and other non-global ranges.
    Link-local, multicast, reserved, unspecified and cloud-metadata addresses
    are refused whatever these say.

    Politeness: at most ``per_host_concurrency`` requests in flight to one host name and
    at least ``per_host_delay`` seconds between their starts (or the robots.txt
    Crawl-delay when larger, capped at ``max_crawl_delay``); ``concurrency`` is the limit
    over all hosts. ``cache_ttl`` is not used here: ``flows.steps.plan_fetches`` reads it
    (a page fetched within that many seconds is reused, not fetched again).
    """

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 10.0  # seconds between bytes while reading
    connect_timeout: float = 5.0
    max_seconds: float = 60.0  # one fetch, redirects and download included (slow-drip guard)
    max_bytes: int = 5_000_000  # decompressed body
    retries: int = 2
    backoff_factor: float = 0.5
    allow_loopback: bool = False
    allow_private: bool = False
    content_types: frozenset[str] = HTML_TYPES
    max_redirects: int = 5
    concurrency: int = 8
    per_host_concurrency: int = 2
    per_host_delay: float = 0.5  # seconds between request starts to one host
    respect_robots: bool = True
    robots_ttl: float = 3600.0  # seconds a fetched robots.txt is trusted
    max_crawl_delay: float = 10.0  # a larger robots.txt Crawl-delay is capped to this
    cache_ttl: float = 6 * 3600.0

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchOptions:
        return cls(
            user_agent=settings.user_agent,
            timeout=settings.fetch_timeout,
            connect_timeout=settings.fetch_connect_timeout,
            max_bytes=settings.fetch_max_bytes,
            retries=settings.fetch_retries,
            allow_loopback=settings.allow_private_hosts,
            allow_private=settings.allow_private_hosts,
            concurrency=settings.fetch_concurrency,
            per_host_concurrency=settings.fetch_per_host_concurrency,
            per_host_delay=settings.fetch_per_host_delay,
            cache_ttl=settings.fetch_cache_ttl,
        )
