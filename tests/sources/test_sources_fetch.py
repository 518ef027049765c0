"""Fetching against a real HTTP server on 127.0.0.1: outcomes, retries, caps and the guard."""

from __future__ import annotations

import ipaddress
import math
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC

import pytest
import requests

from satyapan.settings import Settings
from sources import fetch
from sources.extract import extract_page
from sources.fetch import (
    Fetcher,
    FetchOptions,
    FetchOutcome,
    FetchResult,
    address_problem,
    fetch_many,
    fetch_url,
    make_session,
    parse_content_type,
)
from sources.politeness import HostLimiter, host_key, robots_url
from tests.support.httpserver import (
    Handler,
    LoopbackServer,
    Reply,
    Request,
    html_reply,
    redirect,
)

BIG = 50_000_000  # bytes the huge routes of coverage_server would send (see conftest)


def test_hindi_page_comes_back_as_bytes_with_facts(
    coverage_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    url = coverage_server.url("/hindi")
    result = fetch_url(url, options=loopback_options)
    assert result.outcome == "ok" and result.ok
    assert result.url == result.final_url == url
    assert result.status_code == 200
    assert result.content_type == "text/html"
    assert result.charset is None
    assert result.body == hindi_html
    assert result.error is None
    assert result.fetched_at.tzinfo is UTC
    assert 0 < result.elapsed < 5
    assert result.redirects == ()


def test_bytes_keep_devanagari_that_requests_text_would_break(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    url = coverage_server.url("/hindi")
    # Why fetch returns bytes: requests decodes charset-less text/html as ISO-8859-1.
    assert "राजनाथ" not in requests.get(url, timeout=5).text
    result = fetch_url(url, options=loopback_options)
    assert result.body is not None
    assert "राजनाथ सिंह" in extract_page(result.body, url=url).text


def test_user_agent_is_sent(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    options = replace(loopback_options, user_agent="SatyapanTest/9.9")
    fetch_url(coverage_server.url("/hindi"), options=options)
    (exchange,) = coverage_server.exchanges_for("/hindi")
    assert exchange.request.headers["user-agent"] == "SatyapanTest/9.9"


def test_gzip_encoded_page_is_decoded(
    coverage_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    result = fetch_url(coverage_server.url("/gzipped"), options=loopback_options)
    assert result.ok
    assert result.body == hindi_html


def test_missing_content_type_is_treated_as_html(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/no-type"), options=loopback_options)
    assert result.ok
    assert result.content_type is None


# --- retries --------------------------------------------------------------------------


def test_a_500_is_retried_and_the_retry_succeeds(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/flaky"), options=loopback_options)
    assert result.ok
    assert coverage_server.hits("/flaky") == 2


def test_a_500_that_persists_is_an_http_error_after_all_retries(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/always-500"), options=loopback_options)
    assert result.outcome == FetchOutcome.HTTP_ERROR
    assert result.status_code == 500
    assert result.body is None
    assert result.error == "HTTP 500 Internal Server Error (after 2 retries)"
    assert coverage_server.hits("/always-500") == 1 + loopback_options.retries


def test_a_404_is_not_retried(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/gone"), options=loopback_options)
    assert result.outcome == "http_error"
    assert result.status_code == 404
    assert result.error == "HTTP 404 Not Found"
    assert coverage_server.hits("/gone") == 1


def test_a_slow_server_times_out_and_the_read_is_retried(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    options = replace(loopback_options, timeout=0.2, retries=1)
    started = time.monotonic()
    result = fetch_url(coverage_server.url("/slow"), options=options)
    assert result.outcome == FetchOutcome.TIMEOUT
    assert result.error == "read timed out after 0.2 s"
    assert time.monotonic() - started < 2.0
    assert coverage_server.hits("/slow") == 2


def test_a_slow_drip_body_hits_the_overall_deadline(
    http_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.05)  # every byte arrives well within the read timeout
            yield b"<p>x</p>"

    http_server.add("/drip", Reply(200, {"Content-Type": "text/html"}, drip()))
    options = replace(loopback_options, max_seconds=0.5)
    result = fetch_url(http_server.url("/drip"), options=options)
    assert result.outcome == FetchOutcome.TIMEOUT
    assert result.error == "fetch took longer than 0.5 s"
    assert result.elapsed < 2.0


def test_a_refused_connection_is_a_connection_error(loopback_options: FetchOptions) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = replace(loopback_options, retries=0)
    result = fetch_url(f"http://127.0.0.1:{port}/", options=options)
    assert result.outcome == FetchOutcome.CONNECTION_ERROR
    assert result.error == "connection refused"
    assert result.status_code is None


def test_a_host_that_does_not_resolve_is_a_connection_error(
    monkeypatch: pytest.MonkeyPatch, loopback_options: FetchOptions
) -> None:
    def no_such_host(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch, "resolve", no_such_host)
    result = fetch_url("https://no-such-host.invalid/news", options=loopback_options)
    assert result.outcome == FetchOutcome.CONNECTION_ERROR
    assert result.error == "could not resolve host no-such-host.invalid"


# --- redirects --------------------------------------------------------------------------


def test_a_redirect_chain_is_followed(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/redirect/1"), options=loopback_options)
    assert result.ok
    assert result.url == coverage_server.url("/redirect/1")
    assert result.final_url == coverage_server.url("/hindi#top")
    assert result.redirects == (
        coverage_server.url("/redirect/2"),
        coverage_server.url("/redirect/3"),
        coverage_server.url("/hindi#top"),
    )


def test_a_redirect_loop_is_detected(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/loop/a"), options=loopback_options)
    assert result.outcome == FetchOutcome.REDIRECT_LOOP
    assert result.error == f"redirect loop: {coverage_server.url('/loop/a')} was already visited"
    assert coverage_server.hits("/loop/a") == 1
    assert coverage_server.hits("/loop/b") == 1


def test_too_many_redirects_stop(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/chain/0"), options=loopback_options)
    assert result.outcome == FetchOutcome.REDIRECT_LOOP
    assert result.error == "more than 5 redirects"
    assert len(result.redirects) == 5
    assert coverage_server.hits("/chain/6") == 0


def test_a_redirect_to_the_metadata_address_is_always_blocked(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    # Even with loopback and private addresses allowed; the guard refuses before connecting.
    options = replace(loopback_options, allow_private=True)
    result = fetch_url(coverage_server.url("/to-metadata"), options=options)
    assert result.outcome == FetchOutcome.BLOCKED
    assert result.final_url == "http://169.254.169.254/latest/meta-data/"
    assert result.error == "169.254.169.254 is a cloud metadata address"


def test_a_redirect_from_allowed_loopback_to_a_private_address_is_blocked(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    # loopback_options allow loopback only: 10.0.0.1 is refused without any packet sent.
    assert not loopback_options.allow_private
    result = fetch_url(coverage_server.url("/to-private"), options=loopback_options)
    assert result.outcome == FetchOutcome.BLOCKED
    assert result.error == "10.0.0.1 is a private address"
    assert result.redirects == ("http://10.0.0.1/admin",)


# --- the private-address guard -----------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433"])
def test_loopback_is_blocked_unless_allowed(coverage_server: LoopbackServer, host: str) -> None:
    url = f"http://{host}:{coverage_server.port}/hindi"
    result = fetch_url(url, options=FetchOptions(timeout=0.5, connect_timeout=0.5))
    assert result.outcome == FetchOutcome.BLOCKED
    assert result.error is not None and "loopback address" in result.error
    assert coverage_server.hits("/hindi") == 0


@pytest.mark.parametrize(
    "url",
    ["ftp://127.0.0.1/file", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/", "/a"],
)
def test_only_http_and_https_schemes_are_fetched(url: str, loopback_options: FetchOptions) -> None:
    result = fetch_url(url, options=loopback_options)
    assert result.outcome == FetchOutcome.BLOCKED
    assert result.error is not None and "is not allowed" in result.error


def test_the_connected_address_is_checked_again_against_dns_rebinding(
    coverage_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pre-check's lookup says "public"; the connection still lands on 127.0.0.1.
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34"])
    options = FetchOptions(timeout=0.5, connect_timeout=0.5, retries=0)
    result = fetch_url(coverage_server.url("/hindi"), options=options)
    assert result.outcome == FetchOutcome.BLOCKED
    assert result.error == "connected address 127.0.0.1 is a loopback address"
    assert coverage_server.hits("/hindi") == 0


def test_https_connections_are_checked_too(
    coverage_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The peer is checked right after TCP connect, before any TLS handshake.
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34"])
    options = FetchOptions(timeout=0.5, connect_timeout=0.5, retries=0)
    result = fetch_url(f"https://127.0.0.1:{coverage_server.port}/hindi", options=options)
    assert result.outcome == FetchOutcome.BLOCKED
    assert result.error == "connected address 127.0.0.1 is a loopback address"


@pytest.mark.parametrize(
    ("address", "loopback", "private", "problem"),
    [
        ("127.0.0.1", False, False, "loopback"),
        ("127.0.0.1", True, False, None),
        ("::1", False, False, "loopback"),
        ("::ffff:127.0.0.1", False, False, "loopback"),
        ("10.0.0.1", True, False, "private"),
        ("10.0.0.1", True, True, None),
        ("192.168.1.10", False, False, "private"),
        ("172.16.5.4", False, False, "private"),
        ("100.64.0.1", False, False, "private"),  # carrier-grade NAT
        ("fd12:3456::1", False, False, "private"),
        ("169.254.169.254", True, True, "cloud metadata"),
        ("fd00:ec2::254", True, True, "cloud metadata"),
        ("100.100.100.200", True, True, "cloud metadata"),
        ("169.254.10.1", True, True, "link-local"),
        ("fe80::1", True, True, "link-local"),
        ("0.0.0.0", True, True, "unspecified"),
        ("0.1.2.3", True, True, "unspecified"),
        ("224.0.0.1", True, True, "multicast"),
        ("240.0.0.1", True, True, "reserved"),
        ("64:ff9b::a9fe:a9fe", True, True, "cloud metadata"),  # NAT64 of 169.254.169.254
        ("93.184.216.34", False, False, None),
        ("2606:4700::1111", False, False, None),
    ],
)
def test_address_problem(address: str, loopback: bool, private: bool, problem: str | None) -> None:
    options = FetchOptions(allow_loopback=loopback, allow_private=private)
    assert address_problem(ipaddress.ip_address(address), options) == problem


# --- size and type caps -------------------------------------------------------------------


def test_a_declared_oversized_body_is_refused_without_reading_it(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/huge-declared"), options=loopback_options)
    assert result.outcome == FetchOutcome.TOO_LARGE
    assert result.error == f"body exceeds 5000000 bytes ({BIG} bytes declared)"
    assert result.body is None
    assert coverage_server.wait_idle()
    (exchange,) = coverage_server.exchanges_for("/huge-declared")
    assert not exchange.completed
    assert exchange.bytes_sent < BIG // 2


def test_a_streamed_oversized_body_stops_at_the_cap(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    options = replace(loopback_options, max_bytes=100_000)
    result = fetch_url(coverage_server.url("/huge-streamed"), options=options)
    assert result.outcome == FetchOutcome.TOO_LARGE
    assert result.error == "body exceeds 100000 bytes"
    assert result.body is None
    assert coverage_server.wait_idle()
    (exchange,) = coverage_server.exchanges_for("/huge-streamed")
    assert not exchange.completed  # the client hung up; the server never sent it all
    assert exchange.bytes_sent < BIG // 2


def test_a_gzip_bomb_is_stopped_by_the_decompressed_size_cap(
    coverage_server: LoopbackServer, loopback_options: FetchOptions, gzip_bomb: bytes
) -> None:
    assert len(gzip_bomb) < 300_000
    tracemalloc.start()
    try:
        result = fetch_url(coverage_server.url("/bomb"), options=loopback_options)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.outcome == FetchOutcome.TOO_LARGE
    assert result.error == "body exceeds 5000000 bytes"
    assert peak < 30_000_000  # the bomb inflates to 200 MB


def test_a_pdf_is_unsupported_and_its_body_is_not_read(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/report.pdf"), options=loopback_options)
    assert result.outcome == FetchOutcome.UNSUPPORTED_TYPE
    assert result.content_type == "application/pdf"
    assert result.error == "content type application/pdf is not HTML"
    assert result.body is None
    assert coverage_server.wait_idle()
    (exchange,) = coverage_server.exchanges_for("/report.pdf")
    assert not exchange.completed


def test_plain_text_is_unsupported(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    result = fetch_url(coverage_server.url("/plain"), options=loopback_options)
    assert result.outcome == FetchOutcome.UNSUPPORTED_TYPE


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, (None, None)),
        ("", (None, None)),
        ("text/html", ("text/html", None)),
        ('Text/HTML; Charset="UTF-8"', ("text/html", "utf-8")),
        ("application/xhtml+xml;charset=windows-1252", ("application/xhtml+xml", "windows-1252")),
    ],
)
def test_parse_content_type(header: str | None, expected: tuple[str | None, str | None]) -> None:
    assert parse_content_type(header) == expected


# --- many at once, sessions and settings -----------------------------------------------------


def test_fetch_many_keeps_input_order_and_reports_progress(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    delays = [0.4, 0.1, 0.3, 0.0, 0.2, 0.35]
    page = {"Content-Type": "text/html"}
    urls = [
        http_server.add(f"/page/{i}", Reply(200, page, hindi_html, delay=delay))
        for i, delay in enumerate(delays)
    ]
    urls.append(http_server.url("/not-routed"))
    seen: list[FetchResult] = []
    threads: set[str] = set()

    def progress(result: FetchResult) -> None:
        seen.append(result)
        threads.add(threading.current_thread().name)

    options = replace(loopback_options, per_host_concurrency=7)  # one host, all at once
    started = time.monotonic()
    results = fetch_many(urls, options=options, concurrency=7, progress=progress)
    elapsed = time.monotonic() - started
    assert [r.url for r in results] == urls
    assert [r.outcome for r in results] == ["ok"] * 6 + ["http_error"]
    assert sorted(r.url for r in seen) == sorted(urls)
    assert threads == {threading.current_thread().name}
    assert elapsed < sum(delays)  # they ran at once


def test_fetch_many_of_nothing_is_nothing(loopback_options: FetchOptions) -> None:
    assert fetch_many([], options=loopback_options) == []


def test_make_session_retries_only_connect_read_and_5xx() -> None:
    options = FetchOptions(retries=3, backoff_factor=0.25, concurrency=16)
    with make_session(options) as session:
        assert session.headers["User-Agent"] == options.user_agent
        for prefix in ("http://", "https://"):
            adapter = session.get_adapter(prefix + "example.org")
            retry = adapter.max_retries  # type: ignore[attr-defined]
            assert retry.total == retry.connect == retry.read == retry.status == 3
            assert retry.other == 0
            assert set(retry.status_forcelist) == {500, 502, 503, 504}
            assert retry.backoff_factor == 0.25
            assert adapter._pool_maxsize >= 16  # type: ignore[attr-defined]


def test_options_from_settings() -> None:
    settings = Settings(
        user_agent="UA/1",
        fetch_timeout=3.0,
        fetch_connect_timeout=1.5,
        fetch_max_bytes=1234,
        fetch_retries=4,
        fetch_concurrency=3,
        allow_private_hosts=True,
    )
    options = FetchOptions.from_settings(settings)
    assert options.user_agent == "UA/1"
    assert (options.timeout, options.connect_timeout) == (3.0, 1.5)
    assert (options.max_bytes, options.retries, options.concurrency) == (1234, 4, 3)
    assert options.allow_loopback and options.allow_private
    assert not FetchOptions.from_settings(Settings()).allow_loopback


def test_a_handed_in_session_is_reused_and_left_open(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    url = http_server.add("/keep", html_reply(hindi_html))
    with make_session(loopback_options) as session:
        first = fetch_url(url, options=loopback_options, session=session)
        second = fetch_url(url, options=loopback_options, session=session)
    assert first.ok and second.ok
    assert http_server.hits("/keep") == 2


# --- politeness: robots.txt ----------------------------------------------------------------

ROBOTS = """User-agent: *
Disallow: /

User-agent: Satyapan
Disallow: /private/
Allow: /private/open
"""


def text_reply(body: str, status: int = 200) -> Reply:
    return Reply(status, {"Content-Type": "text/plain"}, body.encode("utf-8"))


def test_a_url_robots_txt_disallows_is_never_requested(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    http_server.add("/robots.txt", text_reply(ROBOTS))
    secret = http_server.add("/private/memo", html_reply(hindi_html))
    opened = http_server.add("/private/open", html_reply(hindi_html))
    public = http_server.add("/news/1", html_reply(hindi_html))
    results = fetch_many([secret, opened, public], options=loopback_options)
    assert [r.outcome for r in results] == ["robots_disallowed", "ok", "ok"]
    refused = results[0]
    assert refused.body is None and refused.status_code is None
    assert refused.error == f"disallowed for Satyapan by {http_server.url('/robots.txt')}"
    assert http_server.hits("/private/memo") == 0
    # One fetch alone obeys it too; the "*" group (disallow all) is not ours.
    assert fetch_url(secret, options=loopback_options).outcome == FetchOutcome.ROBOTS_DISALLOWED
    assert http_server.hits("/private/memo") == 0


def test_the_rules_are_matched_by_our_token_not_the_user_agent_header(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    http_server.add("/robots.txt", text_reply("User-agent: newsroom\nDisallow: /\n"))
    url = http_server.add("/news/1", html_reply(hindi_html))
    # "newsroom" is a word of our User-Agent header, but robots.txt speaks to "Satyapan".
    assert "newsroom" in loopback_options.user_agent
    assert fetch_url(url, options=loopback_options).ok


def test_a_redirect_into_a_disallowed_path_is_not_followed(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    http_server.add("/robots.txt", text_reply(ROBOTS))
    http_server.add("/private/memo", html_reply(hindi_html))
    url = http_server.add("/go", redirect("/private/memo"))
    result = fetch_url(url, options=loopback_options)
    assert result.outcome == FetchOutcome.ROBOTS_DISALLOWED
    assert result.redirects == (http_server.url("/private/memo"),)
    assert http_server.hits("/private/memo") == 0


def test_robots_txt_is_read_once_for_many_pages(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    http_server.add("/robots.txt", text_reply("User-agent: *\nDisallow: /admin\n"))
    urls = [http_server.add(f"/news/{i}", html_reply(hindi_html)) for i in range(12)]
    with Fetcher(loopback_options) as fetcher:
        first = fetcher.fetch_many(urls[:8], concurrency=4)
        rest = [fetcher.fetch(url) for url in urls[8:]]
    assert all(r.ok for r in first + rest)
    assert http_server.hits("/robots.txt") == 1


def test_robots_txt_is_read_again_after_its_ttl(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    http_server.add("/robots.txt", text_reply("User-agent: *\nDisallow: /admin\n"))
    url = http_server.add("/news/1", html_reply(hindi_html))
    with Fetcher(replace(loopback_options, robots_ttl=0.2)) as fetcher:
        fetcher.fetch(url)
        fetcher.fetch(url)
        assert http_server.hits("/robots.txt") == 1
        time.sleep(0.3)
        fetcher.fetch(url)
    assert http_server.hits("/robots.txt") == 2


@pytest.mark.parametrize("status", [404, 410, 403])
def test_a_robots_txt_answering_4xx_allows_everything(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes, status: int
) -> None:
    if status != 404:
        http_server.add("/robots.txt", text_reply("no", status=status))
    url = http_server.add("/news/1", html_reply(hindi_html))
    result = fetch_url(url, options=loopback_options)
    assert result.ok
    assert result.robots_note is None
    assert http_server.hits("/robots.txt") == 1


def test_an_unavailable_robots_txt_allows_everything_and_says_so(
    http_server: LoopbackServer,
    loopback_options: FetchOptions,
    hindi_html: bytes,
    caplog: pytest.LogCaptureFixture,
) -> None:
    http_server.add("/robots.txt", Reply(503, body=b"busy"))
    url = http_server.add("/news/1", html_reply(hindi_html))
    options = replace(loopback_options, retries=0)
    with caplog.at_level("WARNING", logger="sources.fetch"):
        result = fetch_url(url, options=options)
    assert result.ok
    assert result.robots_note == (
        "robots.txt unavailable (HTTP 503 Service Unavailable): treated as allowed"
    )
    assert "robots.txt unavailable" in caplog.text


def test_robots_txt_can_be_ignored_when_asked(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    http_server.add("/robots.txt", text_reply(ROBOTS))
    url = http_server.add("/private/memo", html_reply(hindi_html))
    result = fetch_url(url, options=replace(loopback_options, respect_robots=False))
    assert result.ok
    assert http_server.hits("/robots.txt") == 0


def test_robots_url_and_host_key() -> None:
    assert robots_url("https://Example.com/a/b?c=1#x") == "https://example.com/robots.txt"
    assert robots_url("http://example.com:80/a") == "http://example.com/robots.txt"
    assert robots_url("http://user:pw@example.com:8080/a") == "http://example.com:8080/robots.txt"
    assert robots_url("http://[::1]:8000/a") == "http://[::1]:8000/robots.txt"
    assert robots_url("ftp://example.com/a") is None
    assert host_key("https://WWW.Example.com:8443/a") == "www.example.com"
    assert host_key("file:///etc/passwd") is None
    assert host_key("http://example.com:99999/") is robots_url("http://example.com:99999/") is None


def test_an_invalid_url_among_many_is_blocked_without_stopping_the_rest(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    good = http_server.add("/news/1", html_reply(hindi_html))
    bad = ["http://example.com:99999/", "ftp://example.com/x", "http:///nohost"]
    results = fetch_many([*bad, good], options=loopback_options)
    assert [r.outcome for r in results] == ["blocked"] * 3 + ["ok"]


# --- politeness: per-host limits -------------------------------------------------------------


class Probe:
    """A route handler that records when requests arrive and how many overlap."""

    def __init__(self, reply: Reply, *, hold: float = 0.0) -> None:
        self.reply = reply
        self.hold = hold
        self.lock = threading.Lock()
        self.active = 0
        self.peak = 0
        self.starts: list[float] = []

    def __call__(self, request: Request) -> Reply:
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
            self.starts.append(time.monotonic())
        try:
            time.sleep(self.hold)
        finally:
            with self.lock:
                self.active -= 1
        return self.reply

    def gaps(self) -> list[float]:
        starts = sorted(self.starts)
        return [b - a for a, b in zip(starts, starts[1:], strict=False)]


def test_host_limiter_slots_and_start_times() -> None:
    limiter = HostLimiter()
    assert limiter.try_start("a.example", limit=2, delay=1.0, now=100.0) == 0
    assert limiter.try_start("a.example", limit=2, delay=1.0, now=100.4) == pytest.approx(0.6)
    assert limiter.try_start("b.example", limit=2, delay=1.0, now=100.4) == 0  # its own turn
    assert limiter.try_start("a.example", limit=2, delay=1.0, now=101.0) == 0
    assert limiter.try_start("a.example", limit=2, delay=0.0, now=105.0) == math.inf  # full
    limiter.release("a.example")
    assert limiter.try_start("a.example", limit=2, delay=0.0, now=105.0) == 0
    limiter.defer("a.example", until=110.0)  # a Crawl-delay learnt late
    limiter.release("a.example")
    assert limiter.try_start("a.example", limit=2, delay=0.0, now=106.0) == pytest.approx(4.0)


def test_requests_in_flight_to_one_host_stay_within_the_limit(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    page = html_reply(hindi_html)
    a, b = Probe(page, hold=0.15), Probe(page, hold=0.15)
    both = Probe(page)  # counts across the two hosts
    port = http_server.port

    def on_both(probe: Probe) -> Handler:
        def handler(request: Request) -> Reply:
            with both.lock:
                both.active += 1
                both.peak = max(both.peak, both.active)
            try:
                return probe(request)
            finally:
                with both.lock:
                    both.active -= 1

        return handler

    urls = []
    for i in range(6):  # two host names for one server: 127.0.0.1 and localhost
        http_server.add(f"/a/{i}", on_both(a))
        http_server.add(f"/b/{i}", on_both(b))
        urls += [f"http://127.0.0.1:{port}/a/{i}", f"http://localhost:{port}/b/{i}"]
    options = replace(loopback_options, per_host_concurrency=2, per_host_delay=0.0)
    results = fetch_many(urls, options=options, concurrency=8)
    assert all(r.ok for r in results)
    assert a.peak == 2 and b.peak == 2  # the limit, and used
    assert both.peak == 4  # the hosts were fetched side by side


def test_request_starts_to_one_host_are_spaced_by_the_delay(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    probe = Probe(html_reply(hindi_html))
    robots = Probe(text_reply("User-agent: *\nAllow: /\n"))
    http_server.add("/robots.txt", lambda request: (probe(request), robots(request))[1])
    urls = [http_server.add(f"/news/{i}", probe) for i in range(4)]
    options = replace(loopback_options, per_host_concurrency=4, per_host_delay=0.2)
    started = time.monotonic()
    results = fetch_many(urls, options=options, concurrency=4)
    elapsed = time.monotonic() - started
    assert all(r.ok for r in results)
    assert len(probe.starts) == 5  # robots.txt counts as a request like any other
    assert min(probe.gaps()) >= 0.2 - 0.03
    assert elapsed >= 4 * 0.2 - 0.05


def test_crawl_delay_for_our_token_is_honoured(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    probe = Probe(html_reply(hindi_html))
    rules = "User-agent: *\nCrawl-delay: 30\n\nUser-agent: Satyapan\nCrawl-delay: 0.3\n"
    http_server.add("/robots.txt", lambda request: (probe(request), text_reply(rules))[1])
    urls = [http_server.add(f"/news/{i}", probe) for i in range(3)]
    options = replace(loopback_options, per_host_concurrency=4, per_host_delay=0.0)
    results = fetch_many(urls, options=options, concurrency=4)
    assert all(r.ok for r in results)
    assert len(probe.starts) == 4
    assert min(probe.gaps()) >= 0.3 - 0.03  # from the robots.txt request on
    assert max(probe.gaps()) < 5  # Satyapan's group, not the 30 s of "*"


def test_a_huge_crawl_delay_is_capped(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    probe = Probe(html_reply(hindi_html))
    http_server.add("/robots.txt", text_reply("User-agent: *\nCrawl-delay: 3600\n"))
    urls = [http_server.add(f"/news/{i}", probe) for i in range(3)]
    options = replace(loopback_options, per_host_delay=0.0, max_crawl_delay=0.2)
    started = time.monotonic()
    with Fetcher(options) as fetcher:
        results = [fetcher.fetch(url) for url in urls]  # one at a time, the same rule
    assert all(r.ok for r in results)
    assert min(probe.gaps()) >= 0.2 - 0.03
    assert time.monotonic() - started < 3


def test_a_slow_host_does_not_hold_up_another(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    # One host with a long Crawl-delay, another without: the scheduler hands the second
    # host's pages to free workers instead of parking them behind the first.
    port = http_server.port

    def robots(request: Request) -> Reply:  # a Crawl-delay for 127.0.0.1 only
        slow_host = request.headers["host"].startswith("127.0.0.1")
        return text_reply("User-agent: *\nCrawl-delay: 0.5\n" if slow_host else "")

    http_server.add("/robots.txt", robots)
    slow = [f"http://127.0.0.1:{port}/slow/{i}" for i in range(3)]
    fast = [f"http://localhost:{port}/fast/{i}" for i in range(6)]
    for url in slow + fast:
        http_server.add(url.split(str(port), 1)[1], html_reply(hindi_html))
    options = replace(loopback_options, per_host_delay=0.0, per_host_concurrency=2)
    done: dict[str, float] = {}
    started = time.monotonic()

    def progress(result: FetchResult) -> None:
        done[result.url] = time.monotonic() - started

    results = fetch_many(slow + fast, options=options, concurrency=2, progress=progress)
    assert all(r.ok for r in results)
    assert max(done[url] for url in fast) < max(done[url] for url in slow)
    assert max(done[url] for url in slow) >= 3 * 0.5 - 0.05  # robots.txt, then 3 pages


# --- revalidation ---------------------------------------------------------------------------


def test_an_etag_revalidation_gets_304_and_no_body(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    version = {"etag": '"v1"'}

    def page(request: Request) -> Reply:
        if request.headers.get("if-none-match") == version["etag"]:
            return Reply(304, {"ETag": version["etag"]})
        return html_reply(hindi_html + version["etag"].encode(), headers=dict(version))

    url = http_server.add("/news/1", page)
    first = fetch_url(url, options=loopback_options)
    assert first.ok and first.etag == '"v1"' and first.last_modified is None
    again = fetch_url(url, options=loopback_options, validators=(first.etag, None))
    assert again.outcome == FetchOutcome.NOT_MODIFIED and not again.ok
    assert (again.status_code, again.body, again.error) == (304, None, None)
    assert again.etag == '"v1"'
    sent = http_server.exchanges_for("/news/1")[1].request.headers
    assert sent["if-none-match"] == '"v1"'
    assert "if-modified-since" not in sent
    # The page changes: the same validators now bring the new version.
    version["etag"] = '"v2"'
    changed = fetch_url(url, options=loopback_options, validators=(first.etag, None))
    assert changed.ok and changed.etag == '"v2"' and changed.body != first.body


def test_a_last_modified_revalidation_gets_304(
    http_server: LoopbackServer, loopback_options: FetchOptions, hindi_html: bytes
) -> None:
    stamp = "Thu, 26 Jun 2025 09:18:00 GMT"

    def page(request: Request) -> Reply:
        if request.headers.get("if-modified-since") == stamp:
            return Reply(304)  # no validators repeated: the stored ones still hold
        return html_reply(hindi_html, headers={"Last-Modified": stamp})

    url = http_server.add("/news/1", page)
    first = fetch_url(url, options=loopback_options)
    assert first.ok and first.last_modified == stamp and first.etag is None
    results = fetch_many([url], options=loopback_options, validators={url: (None, stamp)})
    (again,) = results
    assert again.outcome == FetchOutcome.NOT_MODIFIED
    assert again.last_modified == stamp and again.etag is None
    assert http_server.exchanges_for("/news/1")[1].request.headers["if-modified-since"] == stamp


def test_a_304_to_a_plain_request_is_an_http_error(
    http_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    url = http_server.add("/odd", Reply(304))
    result = fetch_url(url, options=loopback_options)
    assert result.outcome == FetchOutcome.HTTP_ERROR
    assert result.status_code == 304
