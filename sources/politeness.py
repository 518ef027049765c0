"""Politeness toward the sites we fetch: robots.txt rules per origin, limits per host.

No HTTP here: sources.fetch reads robots.txt and waits its turn through these.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

# The product token robots.txt groups are matched against. Fixed, not derived from the
# configurable User-Agent header: a site's rules for Satyapan must not depend on it.
ROBOTS_TOKEN = "Satyapan"
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB
ROBOTS_RETRY_SECONDS = 300.0  # an unreadable robots.txt is asked for again after this


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt says to Satyapan; no parser means everything is allowed."""

    robots_url: str
    parser: Protego | None = None
    note: str | None = None  # why everything is allowed although robots.txt was not read
    expires: float = math.inf  # time.monotonic() after which robots.txt is read again

    @classmethod
    def parse(cls, robots_url: str, body: bytes, *, expires: float) -> RobotsRules:
        """The rules of a robots.txt body (UTF-8, as RFC 9309 says; bad bytes replaced)."""
        text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
        return cls(robots_url, Protego.parse(text), None, expires)

    def allows(self, url: str) -> bool:
        return self.parser is None or self.parser.can_fetch(url, ROBOTS_TOKEN)

    @property
    def crawl_delay(self) -> float | None:
        return None if self.parser is None else self.parser.crawl_delay(ROBOTS_TOKEN)


def host_key(url: str) -> str | None:
    """The host name per-host limits are kept for; None for URLs that cannot be fetched."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower()


def robots_url(url: str) -> str | None:
    """'https://example.com:8443/robots.txt' for any URL on that origin; None if not http(s)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in ("http", "https") or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != (443 if scheme == "https" else 80):
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, "/robots.txt", "", ""))


@dataclass
class _HostState:
    in_flight: int = 0
    next_start: float = 0.0  # time.monotonic() before which no request may start


class HostLimiter:
    """Requests in flight and the time between request starts, per host name.

    A host's limits are passed on each call, so fetchers with different options can share
    one limiter. ``HOST_LIMITER`` is shared by every Fetcher in the process: Prefect's
    mapped fetch tasks run side by side, and together they must still be polite.
    """

    def __init__(self) -> None:
        self.cond = threading.Condition()  # re-entrant: the fetch scheduler holds it too
        self._hosts: dict[str, _HostState] = {}

    def try_start(self, host: str, *, limit: int, delay: float, now: float | None = None) -> float:
        """Take a slot and a start time for ``host`` now and return 0, or return how long
        to wait before asking again (math.inf: until a slot is released)."""
        with self.cond:
            now = time.monotonic() if now is None else now
            state = self._hosts.setdefault(host, _HostState())
            if state.in_flight >= max(1, limit):
                return math.inf
            if now < state.next_start:
                return state.next_start - now
            state.in_flight += 1
            state.next_start = now + max(0.0, delay)
            return 0.0

    def acquire(self, host: str, *, limit: int, delay: float) -> None:
        """Wait for a slot and a start time for ``host``; pair with ``release``."""
        with self.cond:
            while (wait := self.try_start(host, limit=limit, delay=delay)) > 0:
                self.cond.wait(timeout=min(wait, 1.0))

    def defer(self, host: str, until: float) -> None:
        """No request to ``host`` starts before ``until`` (a Crawl-delay learnt late)."""
        with self.cond:
            state = self._hosts.setdefault(host, _HostState())
            state.next_start = max(state.next_start, until)

    def release(self, host: str) -> None:
        with self.cond:
            state = self._hosts.get(host)
            if state is not None:
                state.in_flight = max(0, state.in_flight - 1)
                if state.in_flight == 0 and state.next_start <= time.monotonic():
                    del self._hosts[host]  # nothing left to remember
            self.cond.notify_all()


HOST_LIMITER = HostLimiter()


@dataclass(frozen=True)
class Job:
    """One piece of work a HostSchedule hands out."""

    kind: str  # "page", "robots" (read the robots.txt of this URL's origin) or "refused"
    index: int  # position of the URL in the list
    host: str | None = None  # the host whose slot this job holds (release it when done)
    started: float = 0.0
    rules: RobotsRules | None = None  # the robots.txt rules that apply, when known


class HostSchedule:
    """The URLs of one batch, queued per host and handed out as their hosts become ready.

    A host is ready when the limiter gives it a slot and a start time now. Hosts take
    turns, so a slow or Crawl-delayed site does not hold workers another site could use.
    With ``robots`` (cached rules for a robots URL, None while unread), an origin's
    robots.txt is read first, by a "robots" job, before any of its pages; a URL the
    rules disallow comes out as a "refused" job that holds no slot.
    """

    def __init__(
        self,
        urls: list[str],
        *,
        limiter: HostLimiter,
        limit: int,
        delay_for: Callable[[RobotsRules | None], float],
        robots: Callable[[str, float], RobotsRules | None] | None,
    ) -> None:
        self.urls = urls
        self.limiter = limiter
        self.limit = limit
        self.delay_for = delay_for
        self.robots = robots
        self.queues: OrderedDict[str | None, deque[int]] = OrderedDict()
        for index, url in enumerate(urls):
            self.queues.setdefault(host_key(url), deque()).append(index)
        self.reading: set[str] = set()  # robots URLs a worker is reading now
        self.cancelled = False

    def cancel(self) -> None:
        with self.limiter.cond:
            self.cancelled = True
            self.limiter.cond.notify_all()

    def robots_read(self, where: str) -> None:
        """A "robots" job is done (its rules are cached now, or it failed)."""
        with self.limiter.cond:
            self.reading.discard(where)
            self.limiter.cond.notify_all()

    def take(self) -> Job | None:
        """The next job, waiting until one is ready; None when every URL is handed out."""
        cond = self.limiter.cond
        with cond:
            while True:
                if self.cancelled or not self.queues:
                    return None
                now = time.monotonic()
                soonest = math.inf
                for host, waiting in self.queues.items():
                    job = self._ready(host, waiting[0], now)
                    if isinstance(job, Job):
                        if job.kind != "robots":
                            waiting.popleft()
                        if not waiting:
                            del self.queues[host]
                        else:
                            self.queues.move_to_end(host)  # hosts take turns
                        return job
                    soonest = min(soonest, job)
                cond.wait(timeout=min(soonest, 1.0))

    def _ready(self, host: str | None, index: int, now: float) -> Job | float:
        """A job for this URL if its host is ready now, else seconds to wait."""
        if host is None:
            return Job("page", index)  # not http(s): the guard refuses it without a request
        url = self.urls[index]
        rules: RobotsRules | None = None
        if self.robots is not None:
            where = robots_url(url)
            assert where is not None  # host_key and robots_url accept the same URLs
            rules = self.robots(where, now)
            if rules is None:
                if where in self.reading:
                    return math.inf  # its pages wait for the worker reading it
                wait = self.limiter.try_start(
                    host, limit=self.limit, delay=self.delay_for(None), now=now
                )
                if wait:
                    return wait
                self.reading.add(where)
                return Job("robots", index, host, now)
            if not rules.allows(url):
                return Job("refused", index, rules=rules)
        wait = self.limiter.try_start(host, limit=self.limit, delay=self.delay_for(rules), now=now)
        return wait or Job("page", index, host, now, rules)
