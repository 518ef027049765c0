"""A threaded HTTP server on 127.0.0.1 with a route table, for tests that fetch pages.

    with LoopbackServer({"/a": html_reply("<html>...</html>")}) as server:
        fetch(server.url("/a"))
        assert server.hits("/a") == 1

A route is a static ``Reply`` or a callable ``(Request) -> Reply``. A reply whose body is
an iterable of chunks is streamed without Content-Length (the connection then closes);
``Exchange`` records how much of it was sent and whether the client hung up first.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest

_DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


@dataclass(frozen=True)
class Reply:
    """What the server answers: status, headers, body (bytes, or chunks to stream)."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | Iterable[bytes] = b""
    delay: float = 0.0  # seconds to wait before sending anything


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: str
    headers: Mapping[str, str]


@dataclass
class Exchange:
    """One request and what became of the reply."""

    request: Request
    status: int | None = None
    bytes_sent: int = 0  # body bytes written to the socket
    completed: bool = False  # the whole body went out
    error: str | None = None  # e.g. "BrokenPipeError" when the client hung up
    done: threading.Event = field(default_factory=threading.Event)


Handler = Callable[[Request], Reply]
Route = Reply | Handler


def html_reply(
    body: str | bytes,
    *,
    status: int = 200,
    content_type: str | None = "text/html",
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """An HTML page; ``content_type=None`` sends no Content-Type header at all."""
    all_headers = dict(headers or {})
    if content_type is not None:
        all_headers.setdefault("Content-Type", content_type)
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(status=status, headers=all_headers, body=data)


def redirect(location: str, *, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location})


def sequence(*replies: Reply) -> Handler:
    """A handler that gives ``replies`` in turn, then repeats the last one."""
    lock = threading.Lock()
    served = 0

    def handler(request: Request) -> Reply:
        nonlocal served
        with lock:
            reply = replies[min(served, len(replies) - 1)]
            served += 1
        return reply

    return handler


def repeated(total: int, *, chunk: int = 64 * 1024, byte: bytes = b"x") -> Iterator[bytes]:
    """``total`` bytes in chunks, made lazily (to stream a large body cheaply)."""
    block = byte * chunk
    sent = 0
    while sent < total:
        size = min(chunk, total - sent)
        yield block[:size]
        sent += size


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # idle keep-alive connections close after this
    server: _Server

    def do_GET(self) -> None:
        self.server.owner._serve(self)

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output quiet


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LoopbackServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-reply is expected in these tests


class LoopbackServer:
    """An HTTP server on 127.0.0.1 (or another loopback address), port chosen by the OS,
    serving in a daemon thread."""

    def __init__(
        self, routes: Mapping[str, Route] | None = None, *, host: str = "127.0.0.1"
    ) -> None:
        self.host = host
        self._routes: dict[str, Route] = dict(routes or {})
        self._lock = threading.Lock()
        self.exchanges: list[Exchange] = []
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- routes and bookkeeping --

    def add(self, path: str, route: Route) -> str:
        """Serve ``route`` at ``path``; returns the full URL."""
        with self._lock:
            self._routes[path] = route
        return self.url(path)

    def __setitem__(self, path: str, route: Route) -> None:
        self.add(path, route)

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("server is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for exchange in self.exchanges if exchange.request.path == path)

    def exchanges_for(self, path: str) -> list[Exchange]:
        with self._lock:
            return [exchange for exchange in self.exchanges if exchange.request.path == path]

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until every reply so far has finished (sent or abandoned)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            pending = list(self.exchanges)
        return all(
            exchange.done.wait(max(0.0, deadline - time.monotonic())) for exchange in pending
        )

    # -- life cycle --

    def start(self) -> LoopbackServer:
        httpd = _Server((self.host, 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="loopback-http",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- serving --

    def _serve(self, handler: _Handler) -> None:
        parts = urlsplit(handler.path)
        request = Request(
            method=handler.command,
            path=parts.path,
            query=parts.query,
            headers={key.lower(): value for key, value in handler.headers.items()},
        )
        exchange = Exchange(request=request)
        with self._lock:
            self.exchanges.append(exchange)
            route = self._routes.get(request.path)
        try:
            if route is None:
                reply = Reply(404, {"Content-Type": "text/plain"}, b"not found")
            elif isinstance(route, Reply):
                reply = route
            else:
                reply = route(request)
            self._write(handler, reply, exchange)
        except _DISCONNECTS as exc:
            exchange.error = type(exc).__name__
            handler.close_connection = True
        finally:
            exchange.done.set()

    @staticmethod
    def _write(handler: _Handler, reply: Reply, exchange: Exchange) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        exchange.status = reply.status
        handler.send_response(reply.status)
        names = {name.lower() for name in reply.headers}
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        chunks: Iterable[bytes]
        if isinstance(reply.body, bytes | bytearray):
            chunks = [bytes(reply.body)]
            if "content-length" not in names:
                handler.send_header("Content-Length", str(len(reply.body)))
        else:
            chunks = reply.body
            handler.send_header("Connection", "close")
            handler.close_connection = True
        handler.end_headers()
        if handler.command == "HEAD":
            exchange.completed = True
            return
        for chunk in chunks:
            handler.wfile.write(chunk)
            exchange.bytes_sent += len(chunk)
        with contextlib.suppress(*_DISCONNECTS):
            handler.wfile.flush()
        exchange.completed = True


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    """A running LoopbackServer; add routes with ``http_server.add(path, reply)``."""
    with LoopbackServer() as server:
        yield server
