"""Fixtures for the sources tests: sample pages, fetch options and a coverage server."""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sources.fetch import FetchOptions
from tests.support.httpserver import (
    LoopbackServer,
    Reply,
    Route,
    html_reply,
    redirect,
    repeated,
    sequence,
)
from tests.support.httpserver import http_server as http_server  # re-exported fixture

PAGES = Path(__file__).parent / "pages"
BIG = 50_000_000  # bytes a "huge" route would send if nobody stopped it
BOMB_SIZE = 200 * 1024 * 1024  # zeros inside the gzip bomb

LEGACY_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Caf\u00e9 owners in Z\u00fcrich count the cost</title>
<meta property="og:site_name" content="Le Monde Diplomatique Test">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Caf\u00e9 owners in Z\u00fcrich count the cost</h1>
<p>Caf\u00e9 owners in Z\u00fcrich said on Monday that the city\u2019s \u201cna\u00efve\u201d
plan \u2014 costing \u20ac5 million \u2014 felt like d\u00e9j\u00e0 vu, because a similar scheme
failed in 2019 and was quietly abandoned a year later by the same council.</p>
<p>\u201cWe were promised a r\u00e9sum\u00e9 of the costs and never got one,\u201d said
Ren\u00e9e M\u00fcller, who has run a small caf\u00e9 near the lake for twenty-two years,
adding that fees had risen by 12 % since the se\u00f1or\u00eda of the new director began.</p>
</article></body></html>
"""


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture(scope="session")
def hindi_html() -> bytes:
    """A Hindi news page in UTF-8 with no charset anywhere (not in meta, not in headers)."""
    return page("hindi-news.html")


@pytest.fixture(scope="session")
def english_html() -> bytes:
    return page("english-news.html")


@pytest.fixture(scope="session")
def cp1252_html() -> bytes:
    """An English page in windows-1252 that says so in its <meta>."""
    return LEGACY_PAGE.encode("cp1252")


@pytest.fixture(scope="session")
def gzip_bomb() -> bytes:
    """200 MB of zeros gzip-compressed to about 200 KB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    zeros = bytes(1 << 20)
    parts = [compressor.compress(zeros) for _ in range(BOMB_SIZE >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


@pytest.fixture
def loopback_options() -> FetchOptions:
    """Options for talking to the test server: loopback allowed, short timeouts, no waits."""
    return FetchOptions(
        allow_loopback=True,
        timeout=0.5,
        connect_timeout=0.5,
        max_seconds=10.0,
        retries=2,
        backoff_factor=0.0,
        per_host_delay=0.0,
    )


@pytest.fixture
def coverage_server(
    hindi_html: bytes, english_html: bytes, cp1252_html: bytes, gzip_bomb: bytes
) -> Iterator[LoopbackServer]:
    """A loopback server with one route per situation the fetcher must handle."""
    hindi_ok = html_reply(hindi_html, content_type="text/html")
    routes: dict[str, Route] = {
        "/hindi": hindi_ok,
        "/english": html_reply(english_html, content_type="text/html; charset=utf-8"),
        "/cp1252": html_reply(cp1252_html),
        "/cp1252-header": html_reply(
            cp1252_html.replace(b"charset=windows-1252", b""),
            content_type="text/html; charset=windows-1252",
        ),
        "/bom": html_reply(codecs.BOM_UTF8 + hindi_html),
        "/no-type": html_reply(hindi_html, content_type=None),
        "/gzipped": html_reply(gzip.compress(hindi_html), headers={"Content-Encoding": "gzip"}),
        "/flaky": sequence(Reply(500, body=b"oops"), hindi_ok),
        "/always-500": Reply(500, {"Content-Type": "text/html"}, b"<h1>down</h1>"),
        "/gone": Reply(404, {"Content-Type": "text/html"}, b"<h1>not here</h1>"),
        "/slow": Reply(200, {"Content-Type": "text/html"}, hindi_html, delay=3.0),
        "/redirect/1": redirect("/redirect/2", status=301),
        "/redirect/2": redirect("/redirect/3", status=307),
        "/redirect/3": redirect("/hindi#top"),
        "/loop/a": redirect("/loop/b"),
        "/loop/b": redirect("/loop/a"),
        "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-private": redirect("http://10.0.0.1/admin"),
        "/huge-declared": Reply(
            200,
            {"Content-Type": "text/html", "Content-Length": str(BIG)},
            repeated(BIG),
        ),
        "/huge-streamed": Reply(200, {"Content-Type": "text/html"}, repeated(BIG)),
        "/bomb": Reply(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip_bomb),
        "/report.pdf": Reply(200, {"Content-Type": "application/pdf"}, repeated(BIG, byte=b"%")),
        "/plain": Reply(200, {"Content-Type": "text/plain"}, b"just text"),
    }
    with LoopbackServer(routes) as server:
        for hop in range(10):  # an endless chain: /chain/0 -> /chain/1 -> ...
            server.add(f"/chain/{hop}", redirect(f"/chain/{hop + 1}"))
        yield server
