"""Fetching against a real HTTP server on 127.0.0.1: outcomes, retries, caps and the guard."""

from __future__ import annotations

import ipaddress
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
    FetchOptions,
    FetchOutcome,
    FetchResult,
    address_problem,
    fetch_many,
    fetch_url,
    make_session,
    parse_content_type,
)
from tests.support.httpserver import LoopbackServer, Reply, html_reply

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

    started = time.monotonic()
    results = fetch_many(urls, options=loopback_options, concurrency=7, progress=progress)
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
