"""Polite, capped, SSRF-guarded HTTP fetching that returns bytes plus facts, never raising.

Polite: robots.txt is read once per origin and obeyed (matched as "Satyapan"), requests to
one host are limited in number and spaced in time (Crawl-delay honoured, capped), and a
stored copy is revalidated with If-None-Match / If-Modified-Since instead of fetched again.
"""

from __future__ import annotations

import ipaddress
import logging
import queue
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NameResolutionError, ReadTimeoutError
from urllib3.util.retry import Retry

from sources.options import DEFAULT_USER_AGENT as DEFAULT_USER_AGENT
from sources.options import HTML_TYPES as HTML_TYPES
from sources.options import FetchOptions as FetchOptions
from sources.politeness import (
    HOST_LIMITER,
    ROBOTS_MAX_BYTES,
    ROBOTS_RETRY_SECONDS,
    ROBOTS_TOKEN,
    HostLimiter,
    HostSchedule,
    Job,
    RobotsRules,
    host_key,
    robots_url,
)

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({500, 502, 503, 504})
CHUNK_SIZE = 64 * 1024


# (ETag, Last-Modified) of a stored copy, sent back as If-None-Match / If-Modified-Since.
Validators = tuple[str | None, str | None]
# A slot for one request to a host, shared with other processes (for example Prefect global
# concurrency limits): called with the host name and the seconds its requests must be apart,
# held while the request runs. The in-process limiter still applies inside it.
HostGate = Callable[[str, float], AbstractContextManager[Any]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints: never fetched, whatever the options say.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, DigitalOcean
        ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
        ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
    }
)
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")  # connecting to 0.x reaches this host
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchOutcome(StrEnum):
    OK = "ok"
    HTTP_ERROR = "http_error"
    TIMEOUT = "timeout"
    CONNECTION_ERROR = "connection_error"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    BLOCKED = "blocked"
    REDIRECT_LOOP = "redirect_loop"
    ROBOTS_DISALLOWED = "robots_disallowed"  # robots.txt forbids it: never requested
    NOT_MODIFIED = "not_modified"  # 304 to a conditional request: the stored copy holds


@dataclass(frozen=True)
class FetchResult:
    """What happened when one URL was fetched; ``body`` is set only when outcome is ok.

    ``etag`` and ``last_modified`` are the response's validators (for a 304, those of the
    copy that is still current); ``robots_note`` says when robots.txt could not be read
    and the fetch went ahead as if it allowed everything.
    """

    url: str
    final_url: str
    outcome: FetchOutcome
    status_code: int | None
    content_type: str | None  # bare media type, lower case, e.g. "text/html"
    body: bytes | None
    error: str | None  # one readable line
    fetched_at: datetime
    elapsed: float  # seconds
    charset: str | None = None  # from the Content-Type header, if any
    redirects: tuple[str, ...] = field(default=())  # every hop after ``url``, in order
    etag: str | None = None
    last_modified: str | None = None  # the Last-Modified header, as sent
    robots_note: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is FetchOutcome.OK


class BlockedAddressError(Exception):
    """A connection reached an address the options forbid (raised below requests)."""


# --- the private-address guard -------------------------------------------------------


def address_problem(address: IPAddress, options: FetchOptions) -> str | None:
    """Why ``address`` may not be fetched under ``options`` ("loopback", ...), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        elif address in _NAT64:
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in METADATA_ADDRESSES:
        return "cloud metadata"
    if address.is_loopback:
        return None if options.allow_loopback else "loopback"
    if address.is_unspecified or (
        isinstance(address, ipaddress.IPv4Address) and address in _THIS_NETWORK
    ):
        return "unspecified"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_reserved:
        return "reserved"
    if address.is_private or not address.is_global:
        return None if options.allow_private else "private"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (raises socket.gaierror / UnicodeError)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _parse_address(text: str) -> IPAddress:
    return ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone id


def check_url(url: str, options: FetchOptions) -> tuple[FetchOutcome, str] | None:
    """Refuse non-http(s) URLs and hosts that resolve to forbidden addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return FetchOutcome.BLOCKED, f"invalid URL: {exc}"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return FetchOutcome.BLOCKED, f"scheme {scheme or '(none)'!r} is not allowed (http/https)"
    host = parts.hostname
    if not host:
        return FetchOutcome.BLOCKED, "URL has no host"
    try:
        addresses = resolve(host, port or (443 if scheme == "https" else 80))
    except (socket.gaierror, UnicodeError):
        return FetchOutcome.CONNECTION_ERROR, f"could not resolve host {host}"
    for text in addresses:
        problem = address_problem(_parse_address(text), options)
        if problem:
            where = text if text == host.strip("[]") else f"{host} resolves to {text}, which"
            return FetchOutcome.BLOCKED, f"{where} is a {problem} address"
    return None


def _check_peer(sock: socket.socket, options: FetchOptions) -> None:
    # Checked again on the connected socket: a host that resolved to a public address
    # for check_url and to a private one now (DNS rebinding) is caught here.
    peer = str(sock.getpeername()[0])
    problem = address_problem(_parse_address(peer), options)
    if problem:
        sock.close()
        raise BlockedAddressError(f"connected address {peer} is a {problem} address")


def _guarded_pool_classes(options: FetchOptions) -> dict[str, type[HTTPConnectionPool]]:
    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            _check_peer(sock, options)
            return sock

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            _check_peer(sock, options)
            return sock

    class GuardedHTTPConnectionPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    return {"http": GuardedHTTPConnectionPool, "https": GuardedHTTPSConnectionPool}


class _GuardedAdapter(HTTPAdapter):
    def __init__(self, options: FetchOptions, **kwargs: Any) -> None:
        self._options = options  # set first: HTTPAdapter.__init__ calls init_poolmanager
        super().__init__(**kwargs)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = _guarded_pool_classes(self._options)


# --- sessions and fetching ----------------------------------------------------------


def make_session(options: FetchOptions) -> requests.Session:
    """A pooled session whose adapters retry connect/read errors and 5xx, with backoff."""
    retry = Retry(
        total=options.retries,
        connect=options.retries,
        read=options.retries,
        status=options.retries,
        other=0,
        redirect=False,  # redirects are followed by hand so every hop meets the guard
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD"}),
        backoff_factor=options.backoff_factor,
        backoff_max=10.0,
        raise_on_status=False,
        respect_retry_after_header=False,  # a hostile Retry-After must not park a worker
    )
    session = requests.Session()
    session.trust_env = False  # no proxies or .netrc from the environment: the guard sees all
    session.headers["User-Agent"] = options.user_agent
    session.headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
    pool_size = max(options.concurrency, 10)
    for prefix in ("http://", "https://"):
        session.mount(
            prefix,
            _GuardedAdapter(
                options, pool_connections=pool_size, pool_maxsize=pool_size, max_retries=retry
            ),
        )
    return session


def fetch_url(
    url: str,
    *,
    options: FetchOptions,
    session: requests.Session | None = None,
    validators: Validators | None = None,
) -> FetchResult:
    """Fetch one page; network failures come back as an outcome, never as an exception.

    robots.txt is read first (one extra request) and the shared per-host limits apply. With
    ``validators`` (ETag, Last-Modified) of a stored copy the request is conditional: a 304
    comes back as outcome not_modified, without a body.

    A handed-in ``session`` should come from ``make_session`` with the same options (its
    adapters re-check every connected address); it is left open. Without one, a session is
    made for this call and closed after it. To fetch many pages of one site, use
    ``fetch_many`` or one ``Fetcher``: they read each robots.txt once.
    """
    with Fetcher(options, session=session) as fetcher:
        return fetcher.fetch(url, validators=validators)


def fetch_many(
    urls: Iterable[str],
    *,
    options: FetchOptions,
    concurrency: int | None = None,
    progress: Callable[[FetchResult], None] | None = None,
    validators: Mapping[str, Validators] | None = None,
    gate: HostGate | None = None,
) -> list[FetchResult]:
    """Fetch many pages at once over one session; results in input order.

    ``concurrency`` defaults to ``options.concurrency``. ``progress`` is called in the
    calling thread with each result as it finishes. ``validators`` maps a URL to the
    (ETag, Last-Modified) of its stored copy, making that request conditional. ``gate``
    keeps per-host limits shared with other processes (see ``HostGate``).
    """
    todo = list(urls)
    if not todo:
        return []
    workers = max(1, min(concurrency or options.concurrency, len(todo)))
    options = replace(options, concurrency=max(options.concurrency, workers))
    with Fetcher(options, gate=gate) as fetcher:
        return fetcher.fetch_many(
            todo, concurrency=workers, progress=progress, validators=validators
        )


# --- politeness: robots.txt and per-host limits (rules in sources.politeness) ----------


class Fetcher:
    """Fetches pages politely over one guarded session: robots.txt per origin, cached for
    ``options.robots_ttl`` seconds, and per-host limits kept by ``limiter``.

    robots.txt is fetched through the same session, so the private-address guard, size
    cap and timeouts apply to it. Its status decides:

    - 2xx: its rules for "Satyapan" (or the ``*`` group) are obeyed, Crawl-delay included.
    - 4xx (404, but also 401/403): everything is allowed, as RFC 9309 says.
    - 5xx, timeout, connection error, redirect loop, oversized or refused address:
      everything is allowed, the result's ``robots_note`` says so, a warning is logged,
      and robots.txt is asked for again after ``ROBOTS_RETRY_SECONDS``. RFC 9309 would
      have a crawler assume "disallow all" here; we fetch a handful of named pages, not
      a site, and a robots.txt that is briefly down should not silently drop evidence.
      (When the whole host is down, the page fetch fails the same way anyway.)

    Redirect hops are checked against their own origin's robots.txt; the per-host
    limits apply to the host of the URL asked for.
    """

    def __init__(
        self,
        options: FetchOptions,
        *,
        session: requests.Session | None = None,
        limiter: HostLimiter | None = None,
        gate: HostGate | None = None,
    ) -> None:
        self.options = options
        self.gate = gate
        self._own_session = session is None
        self.session = session if session is not None else make_session(options)
        self.limiter = limiter if limiter is not None else HOST_LIMITER
        self._robots: dict[str, RobotsRules] = {}
        self._robots_lock = threading.Lock()  # held only to read or write _robots
        self._loading: dict[str, threading.Lock] = {}  # one per robots URL being read

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._own_session:
            self.session.close()

    # -- one page --

    def fetch(self, url: str, *, validators: Validators | None = None) -> FetchResult:
        """Fetch one page, waiting for its host's turn; see ``fetch_url``."""
        host = host_key(url)
        refused = check_url(url, self.options)
        if host is None or refused is not None:
            # The guard refuses it before any request: no robots.txt, no turn to wait for.
            return self._run(url, validators, None)
        rules = self.robots(url) if self.options.respect_robots else None
        if rules is not None and not rules.allows(url):
            return _disallowed(url, rules)
        limit = self.options.per_host_concurrency
        self.limiter.acquire(host, limit=limit, delay=self.delay_for(rules))
        try:
            return self._run(url, validators, rules)
        finally:
            self.limiter.release(host)

    def robots(self, url: str) -> RobotsRules | None:
        """The robots.txt rules for ``url``'s origin, read (within the host's limits) when
        not cached or expired; None for a URL that is not http(s)."""
        return self._rules_for(url, gated=True)

    def delay_for(self, rules: RobotsRules | None) -> float:
        """Seconds between request starts to a host: ours, or its Crawl-delay (capped)."""
        delay = self.options.per_host_delay
        crawl_delay = rules.crawl_delay if rules is not None else None
        if crawl_delay:
            delay = max(delay, min(crawl_delay, self.options.max_crawl_delay))
        return delay

    def cached_robots(self, robots: str, now: float | None = None) -> RobotsRules | None:
        with self._robots_lock:
            rules = self._robots.get(robots)
        now = time.monotonic() if now is None else now
        return rules if rules is not None and rules.expires > now else None

    def _rules_for(self, url: str, *, gated: bool) -> RobotsRules | None:
        where = robots_url(url)
        if where is None:
            return None
        cached = self.cached_robots(where)
        if cached is not None:
            return cached
        with self._robots_lock:
            lock = self._loading.setdefault(where, threading.Lock())
        with lock:  # one reader per robots.txt; the others wait and use its result
            cached = self.cached_robots(where)
            if cached is not None:
                return cached
            host = host_key(url)
            if not gated or host is None:
                return self._load_robots(where)
            self.limiter.acquire(
                host, limit=self.options.per_host_concurrency, delay=self.options.per_host_delay
            )
            started = time.monotonic()
            try:
                rules = self._load_robots(where)
                self._defer_for(host, rules, started)
            finally:
                self.limiter.release(host)
            return rules

    def _defer_for(self, host: str, rules: RobotsRules, started: float) -> None:
        # The robots.txt request itself was spaced by our own delay; a larger Crawl-delay
        # now known applies from that request on.
        delay = self.delay_for(rules)
        if delay > self.options.per_host_delay:
            self.limiter.defer(host, started + delay)

    def _load_robots(self, where: str) -> RobotsRules:
        options = replace(self.options, max_bytes=ROBOTS_MAX_BYTES)
        now = time.monotonic()
        try:
            with self._gated(where, self.options.per_host_delay):
                result = _Fetch(where, options, self.session, any_type=True).run()
            rules = _robots_from(where, result, now, self.options.robots_ttl)
        except Exception as exc:  # noqa: BLE001 - a robots.txt must never fail the page fetch
            note = f"robots.txt unreadable ({describe_error(exc, where)}): treated as allowed"
            rules = RobotsRules(where, None, note, now + ROBOTS_RETRY_SECONDS)
        if rules.note:
            log.warning("%s: %s", where, rules.note)
        with self._robots_lock:
            self._robots[where] = rules
        return rules

    def _run(
        self, url: str, validators: Validators | None, rules: RobotsRules | None
    ) -> FetchResult:
        hop_rules = self._hop_rules if self.options.respect_robots else None
        result = _Fetch(url, self.options, self.session, validators=validators, robots=hop_rules)
        with self._gated(url, self.delay_for(rules)):
            fetched = result.run()
        if rules is not None and rules.note:
            fetched = replace(fetched, robots_note=rules.note)
        return fetched

    def _gated(self, url: str, delay: float) -> AbstractContextManager[Any]:
        host = host_key(url)
        if self.gate is None or host is None:
            return nullcontext()
        return self.gate(host, delay)

    def _hop_rules(self, url: str) -> RobotsRules | None:
        # Not gated: the thread already holds a slot for the first host, and waiting for
        # another host's slot while holding one could deadlock two such redirects.
        return self._rules_for(url, gated=False)

    # -- many pages --

    def fetch_many(
        self,
        urls: Iterable[str],
        *,
        concurrency: int | None = None,
        progress: Callable[[FetchResult], None] | None = None,
        validators: Mapping[str, Validators] | None = None,
    ) -> list[FetchResult]:
        """Fetch many pages, at most ``concurrency`` at once; results in input order.

        A scheduler hands each worker the next URL whose host is ready (a free slot and
        its start time reached), taking hosts in turn, so a slow or Crawl-delayed site
        does not hold workers that another site could use. A host's robots.txt is read
        before any of its pages; a URL it disallows is answered without a request.
        """
        todo = list(urls)
        if not todo:
            return []
        workers = max(1, min(concurrency or self.options.concurrency, len(todo)))
        known = dict(validators or {})
        schedule = HostSchedule(
            todo,
            limiter=self.limiter,
            limit=self.options.per_host_concurrency,
            delay_for=self.delay_for,
            robots=self.cached_robots if self.options.respect_robots else None,
        )
        finished: queue.SimpleQueue[tuple[int, FetchResult | BaseException]] = queue.SimpleQueue()

        def work() -> None:
            try:
                while (job := schedule.take()) is not None:
                    result = self._do(job, todo[job.index], known, schedule)
                    if result is not None:
                        finished.put((job.index, result))
            except BaseException as exc:  # a bug, not a network failure: hand it over
                finished.put((-1, exc))

        results: list[FetchResult | None] = [None] * len(todo)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="satyapan-fetch") as pool:
            for _ in range(workers):
                pool.submit(work)
            try:
                for _ in range(len(todo)):
                    index, item = finished.get()
                    if isinstance(item, BaseException):
                        raise item
                    results[index] = item
                    if progress is not None:
                        progress(item)
            finally:
                schedule.cancel()
        return [result for result in results if result is not None]

    def _do(
        self,
        job: Job,
        url: str,
        validators: Mapping[str, Validators],
        schedule: HostSchedule,
    ) -> FetchResult | None:
        try:
            if job.kind == "refused":
                assert job.rules is not None
                return _disallowed(url, job.rules)
            if job.kind == "robots":
                where = robots_url(url)
                assert where is not None and job.host is not None
                try:
                    rules = self._rules_for(url, gated=False)  # the job holds the slot
                    if rules is not None:
                        self._defer_for(job.host, rules, job.started)
                finally:
                    schedule.robots_read(where)
                return None
            return self._run(url, validators.get(url), job.rules)
        finally:
            if job.host is not None:
                self.limiter.release(job.host)


def _robots_from(where: str, result: FetchResult, now: float, ttl: float) -> RobotsRules:
    if result.ok and result.body is not None:
        return RobotsRules.parse(where, result.body, expires=now + ttl)
    status = result.status_code
    if result.outcome is FetchOutcome.HTTP_ERROR and status is not None and status < 500:
        return RobotsRules(where, None, None, now + ttl)  # 4xx: no rules for anyone
    why = result.error or str(result.outcome)
    note = f"robots.txt unavailable ({why}): treated as allowed"
    return RobotsRules(where, None, note, now + min(ttl, ROBOTS_RETRY_SECONDS))


def _disallowed(url: str, rules: RobotsRules) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=url,
        outcome=FetchOutcome.ROBOTS_DISALLOWED,
        status_code=None,
        content_type=None,
        body=None,
        error=f"disallowed for {ROBOTS_TOKEN} by {rules.robots_url}",
        fetched_at=datetime.now(UTC),
        elapsed=0.0,
    )


class _Fetch:
    """One fetch in progress: follows redirects by hand and builds the result."""

    def __init__(
        self,
        url: str,
        options: FetchOptions,
        session: requests.Session,
        *,
        validators: Validators | None = None,
        robots: Callable[[str], RobotsRules | None] | None = None,
        any_type: bool = False,
    ) -> None:
        self.url = url
        self.options = options
        self.session = session
        self.validators = validators if validators and any(validators) else None
        self.robots = robots  # rules for redirect hops (the first URL is checked before)
        self.any_type = any_type  # robots.txt comes as text/plain, or anything at all
        self.fetched_at = datetime.now(UTC)
        self.started = time.monotonic()
        self.deadline = self.started + options.max_seconds
        self.current = url
        self.hops: list[str] = []
        self.headers: dict[str, str] = {}
        if self.validators is not None:
            etag, last_modified = self.validators
            if etag:
                self.headers["If-None-Match"] = etag
            if last_modified:
                self.headers["If-Modified-Since"] = last_modified

    def result(
        self,
        outcome: FetchOutcome,
        error: str | None = None,
        *,
        status: int | None = None,
        content_type: str | None = None,
        charset: str | None = None,
        body: bytes | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        return FetchResult(
            url=self.url,
            final_url=self.current,
            outcome=outcome,
            status_code=status,
            content_type=content_type,
            body=body,
            error=error,
            fetched_at=self.fetched_at,
            elapsed=time.monotonic() - self.started,
            charset=charset,
            redirects=tuple(self.hops),
            etag=etag,
            last_modified=last_modified,
        )

    def run(self) -> FetchResult:
        seen = {_without_fragment(self.url)}
        while True:
            refused = check_url(self.current, self.options)
            if refused is not None:
                return self.result(*refused)
            if self.hops and self.robots is not None:
                rules = self.robots(self.current)
                if rules is not None and not rules.allows(self.current):
                    return self.result(
                        FetchOutcome.ROBOTS_DISALLOWED,
                        f"redirected to {self.current}, disallowed for {ROBOTS_TOKEN} "
                        f"by {rules.robots_url}",
                    )
            try:
                response = self.session.get(
                    self.current,
                    headers=self.headers,
                    stream=True,
                    allow_redirects=False,
                    timeout=(self.options.connect_timeout, self.options.timeout),
                )
            except BlockedAddressError as exc:
                return self.result(FetchOutcome.BLOCKED, str(exc))
            except requests.RequestException as exc:
                return self.failure(exc)
            with response:
                target = self.session.get_redirect_target(response)
                if target is None:
                    return self.finish(response)
                next_url = urljoin(self.current, target)
            key = _without_fragment(next_url)
            if key in seen:
                self.hops.append(next_url)
                return self.result(
                    FetchOutcome.REDIRECT_LOOP,
                    f"redirect loop: {next_url} was already visited",
                    status=response.status_code,
                )
            if len(self.hops) >= self.options.max_redirects:
                return self.result(
                    FetchOutcome.REDIRECT_LOOP,
                    f"more than {self.options.max_redirects} redirects",
                    status=response.status_code,
                )
            seen.add(key)
            self.hops.append(next_url)
            self.current = next_url
            if time.monotonic() > self.deadline:
                return self.result(FetchOutcome.TIMEOUT, self.over_time())

    def finish(self, response: requests.Response) -> FetchResult:
        status = response.status_code
        content_type, charset = parse_content_type(response.headers.get("Content-Type"))
        facts: dict[str, Any] = {
            "status": status,
            "content_type": content_type,
            "charset": charset,
            "etag": response.headers.get("ETag"),
            "last_modified": response.headers.get("Last-Modified"),
        }
        if status == 304 and self.validators is not None:
            # The stored copy is current; a 304 may omit validators that did not change.
            etag, last_modified = self.validators
            facts["etag"] = facts["etag"] or etag
            facts["last_modified"] = facts["last_modified"] or last_modified
            return self.result(FetchOutcome.NOT_MODIFIED, **facts)
        if not 200 <= status < 300:
            reason = f"HTTP {status} {response.reason or ''}".strip()
            retries = response.raw.retries
            if retries is not None and retries.history:
                reason += f" (after {len(retries.history)} retries)"
            return self.result(FetchOutcome.HTTP_ERROR, reason, **facts)
        if (
            not self.any_type
            and content_type is not None
            and content_type not in self.options.content_types
        ):
            return self.result(
                FetchOutcome.UNSUPPORTED_TYPE, f"content type {content_type} is not HTML", **facts
            )
        declared = _content_length(response)
        if declared is not None and declared > self.options.max_bytes:
            return self.result(FetchOutcome.TOO_LARGE, self.too_large(declared), **facts)
        chunks: list[bytes] = []
        size = 0
        try:
            # read1 returns what has arrived (so the deadline is checked while a server
            # drips) and decodes gzip/deflate in bounded pieces, so the count below is of
            # decompressed bytes and a gzip bomb stops at the cap.
            while chunk := response.raw.read1(CHUNK_SIZE, decode_content=True):
                size += len(chunk)
                if size > self.options.max_bytes:
                    return self.result(FetchOutcome.TOO_LARGE, self.too_large(), **facts)
                if time.monotonic() > self.deadline:
                    return self.result(FetchOutcome.TIMEOUT, self.over_time(), **facts)
                chunks.append(chunk)
        except BlockedAddressError as exc:
            return self.result(FetchOutcome.BLOCKED, str(exc), **facts)
        except (urllib3.exceptions.HTTPError, requests.RequestException, OSError) as exc:
            failed = self.failure(exc)
            return self.result(failed.outcome, failed.error, **facts)
        return self.result(FetchOutcome.OK, body=b"".join(chunks), **facts)

    def failure(self, exc: Exception) -> FetchResult:
        if isinstance(exc, requests.ConnectTimeout):
            message = f"connect timed out after {self.options.connect_timeout:g} s"
            return self.result(FetchOutcome.TIMEOUT, message)
        if isinstance(exc, requests.Timeout | TimeoutError) or _caused_by(exc, ReadTimeoutError):
            return self.result(
                FetchOutcome.TIMEOUT, f"read timed out after {self.options.timeout:g} s"
            )
        return self.result(FetchOutcome.CONNECTION_ERROR, describe_error(exc, self.current))

    def too_large(self, declared: int | None = None) -> str:
        size = f" ({declared} bytes declared)" if declared is not None else ""
        return f"body exceeds {self.options.max_bytes} bytes{size}"

    def over_time(self) -> str:
        return f"fetch took longer than {self.options.max_seconds:g} s"


# --- small helpers ------------------------------------------------------------------


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset="UTF-8"'; (None, None) if absent."""
    if not header or not header.strip():
        return None, None
    media, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower() or None, charset


def _content_length(response: requests.Response) -> int | None:
    try:
        return int(response.headers.get("Content-Length", ""))
    except ValueError:
        return None


def _without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps: args, .reason, causes and contexts."""
    found: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop(0)
        if any(current is known for known in found):
            continue
        found.append(current)
        linked: list[object] = [*current.args, getattr(current, "reason", None)]
        linked += [current.__cause__, current.__context__]
        todo.extend(item for item in linked if isinstance(item, BaseException))
    return found


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    return any(isinstance(item, kind) for item in _chain(exc))


def describe_error(exc: BaseException, url: str = "") -> str:
    """One readable line for a failed request: 'connection refused', not a repr chain."""
    chain = _chain(exc)
    for item in chain:
        if isinstance(item, NameResolutionError | socket.gaierror):
            return f"could not resolve host {urlsplit(url).hostname or url}"
        if isinstance(item, ssl.SSLError):
            return f"TLS error: {item.reason or item}"
    for item in chain:
        if isinstance(item, ConnectionRefusedError):
            return "connection refused"
        if isinstance(item, ConnectionResetError):
            return "connection reset by peer"
    for item in reversed(chain):
        if isinstance(item, OSError) and item.strerror:
            return item.strerror[0].lower() + item.strerror[1:]
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
