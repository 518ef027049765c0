"""The reusable loopback HTTP server behaves as other suites will rely on."""

from __future__ import annotations

import requests

from tests.support.httpserver import (
    LoopbackServer,
    Reply,
    Request,
    html_reply,
    redirect,
    repeated,
    sequence,
)


def test_routes_hits_and_default_404() -> None:
    def echo(request: Request) -> Reply:
        body = f"{request.method} {request.query}".encode()
        return Reply(201, {"Content-Type": "text/plain"}, body)

    with LoopbackServer({"/page": html_reply("<p>नमस्ते</p>")}) as server:
        server["/echo"] = echo
        assert server.url("/x").startswith("http://127.0.0.1:")
        page = requests.get(server.url("/page"), timeout=5)
        assert page.status_code == 200
        assert page.headers["Content-Type"] == "text/html"
        assert page.content.decode("utf-8") == "<p>नमस्ते</p>"
        echoed = requests.get(server.url("/echo?q=1"), timeout=5)
        assert (echoed.status_code, echoed.text) == (201, "GET q=1")
        assert requests.get(server.url("/nowhere"), timeout=5).status_code == 404
        assert requests.head(server.url("/page"), timeout=5).content == b""
        assert server.hits("/page") == 2
        assert server.hits("/echo") == 1
        assert server.wait_idle()


def test_sequence_redirect_and_streaming() -> None:
    with LoopbackServer() as server:
        flaky = server.add("/flaky", sequence(Reply(503), Reply(200, body=b"ok")))
        assert [requests.get(flaky, timeout=5).status_code for _ in range(3)] == [503, 200, 200]
        server.add("/old", redirect("/new", status=301))
        server.add("/new", html_reply("moved here"))
        moved = requests.get(server.url("/old"), timeout=5)
        assert (moved.url, moved.text) == (server.url("/new"), "moved here")
        server.add("/stream", Reply(200, {"Content-Type": "text/html"}, repeated(300_000)))
        streamed = requests.get(server.url("/stream"), timeout=5)
        assert len(streamed.content) == 300_000 and "Content-Length" not in streamed.headers
        assert server.wait_idle()
        (exchange,) = server.exchanges_for("/stream")
        assert exchange.completed and exchange.bytes_sent == 300_000
