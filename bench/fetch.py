"""Fetching and extraction against a slow loopback news site, as ratios measured in one run.

    .venv/bin/python bench/fetch.py [--pages 200] [--latency 0.2] [--concurrency 8]
                                    [--memory-pages 1000]

A ThreadingHTTPServer in a thread answers every request (robots.txt included) after
``--latency`` seconds with a ~80 KB news page: the saved coverage pages of
examples/coverage padded with the chrome of a real news site (mega-menu, inline scripts
and styles, related-story cards, footer). Prints:

- fetch wall time of ``--pages`` distinct URLs through fetch_many, as a ratio to the ideal
  (pages x latency / concurrency); one host, so per_host_concurrency is raised to the
  concurrency and per_host_delay set to 0 for this run (robots.txt is still read and obeyed);
- extraction cost per page, sources.extract.extract_page against trafilatura.extract on
  the same bytes, and what extract_page spends beyond it;
- peak memory (tracemalloc peak, and the child process's max RSS) of fetching and then
  extracting ``--memory-pages`` pages in batches of 50, as the verify flow does.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from sources import extract as extract_module  # noqa: E402
from sources.extract import extract_page  # noqa: E402
from sources.fetch import FetchOptions, FetchResult, fetch_many  # noqa: E402

COVERAGE = ROOT / "examples" / "coverage"
TARGET_BYTES = 80_000
FLOW_BATCH = 50  # flows.verify.FETCH_BATCH

SECTIONS = [
    "India", "World", "Business", "Markets", "Sport", "Cricket", "Technology", "Science",
    "Health", "Education", "Opinion", "Editorials", "Entertainment", "Lifestyle", "Travel",
    "Auto", "Cities", "Delhi", "Mumbai", "Bengaluru", "Kolkata", "Chennai", "Elections",
]  # fmt: skip
HEADLINES = [
    "Monsoon covers most of the country ahead of schedule, IMD says",
    "Sensex ends higher as banking stocks gain for a third day",
    "State cabinet approves new metro line for the eastern suburbs",
    "Heatwave warning for five districts as mercury crosses 45 degrees",
    "Court reserves verdict on the tender dispute after final hearing",
    "Railways announce summer special trains on busy northern routes",
    "Panel recommends changes to the entrance examination schedule",
    "Two arrested after cyber fraud ring is busted in a joint operation",
    "Farmers' body seeks higher support price for the kharif crop",
    "New airport terminal to open for domestic flights next month",
]
WORDS = (
    "minister said statement meeting government official report police district court "
    "state national market prices rain city project year week month people public"
).split()


# --- the site ----------------------------------------------------------------------------


def _chrome(rng: random.Random, n: int) -> tuple[str, str]:
    """(before the article, after it): what a real news page wraps around its story."""
    menu = "".join(
        f'<li class="menu-item"><a href="/{s.lower()}">{s}</a><ul class="sub">'
        + "".join(
            f'<li><a href="/{s.lower()}/{w}-{k}">{w.title()} {k}</a></li>'
            for k, w in enumerate(rng.sample(WORDS, 8))
        )
        + "</ul></li>"
        for s in SECTIONS
    )
    config = json.dumps(
        {
            "page": {"id": n, "section": rng.choice(SECTIONS), "tags": rng.sample(WORDS, 10)},
            "ads": [
                {"slot": f"div-gpt-ad-{i}", "sizes": [[300, 250], [728, 90]]} for i in range(40)
            ],
            "experiments": {f"exp_{i}": rng.random() for i in range(60)},
        }
    )
    style = "".join(
        f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{rng.randrange(0x1000000):06x}}}"
        for i in range(400)
    )
    before = (
        f"<style>{style}</style><script>window.__CONFIG__ = {config};</script>"
        f'<header class="site-header"><nav class="mega-menu"><ul>{menu}</ul></nav>'
        '<div class="trending">Trending: '
        + " | ".join(f'<a href="/t/{w}">{w}</a>' for w in rng.sample(WORDS, 12))
        + "</div></header>"
    )
    cards = "".join(_card(rng, n, i) for i in range(30))
    footer = "".join(
        f'<div class="col"><h4>{s}</h4>'
        + "".join(f'<a href="/{s.lower()}/{w}">{w.title()}</a>' for w in rng.sample(WORDS, 10))
        + "</div>"
        for s in SECTIONS
    )
    after = (
        f'<aside class="related"><h2>Related stories</h2>{cards}</aside>'
        f'<footer class="site-footer">{footer}<p>© 2025 Example Media Ltd.</p></footer>'
        "<script>(function(){var s=document.createElement('script');s.async=true;"
        "s.src='/analytics.js';document.head.appendChild(s);})();</script>"
    )
    return before, after


def _card(rng: random.Random, n: int, i: int) -> str:
    """One related-story teaser."""
    return (
        f'<div class="card"><a href="/story/{n}-{i}"><img src="/img/{n}-{i}.jpg" alt="">'
        f"<h3>{rng.choice(HEADLINES)}</h3></a><p>"
        + " ".join(rng.choices(WORDS, k=18))
        + '</p><span class="time">2 hours ago</span></div>'
    )


def make_pages(n: int, seed: int = 11) -> list[bytes]:
    """``n`` distinct pages of about TARGET_BYTES each."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(COVERAGE.glob("*.html"))]
    pages = []
    for i in range(n):
        html = sources[i % len(sources)].replace("</title>", f" ({i})</title>", 1)
        before, after = _chrome(rng, i)
        more: list[str] = []  # "most read" teasers up to the target size
        size = len(before.encode()) + len(after.encode()) + len(html.encode())
        while size < TARGET_BYTES:
            more.append(_card(rng, i, 100 + len(more)))
            size += len(more[-1])
        after = f'<aside class="most-read">{"".join(more)}</aside>' + after
        opening = re.search(r"<body[^>]*>", html)
        assert opening is not None
        at = opening.end()
        html = html[:at] + before + html[at:].replace("</body>", after + "</body>")
        pages.append(html.encode("utf-8"))
    return pages


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Site

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        time.sleep(self.server.latency)
        if self.path == "/robots.txt":
            body, kind = b"User-agent: *\nDisallow: /admin/\n", "text/plain"
        else:
            try:
                body = self.server.pages[int(self.path.rsplit("/", 1)[1]) % len(self.server.pages)]
            except (ValueError, IndexError):
                self.send_error(404)
                return
            kind = "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


class _Site(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    latency: float
    pages: list[bytes]


@contextmanager
def site(pages: list[bytes], latency: float) -> Iterator[str]:
    server = _Site(("127.0.0.1", 0), _Handler)
    server.latency, server.pages = latency, pages
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def options_for(concurrency: int) -> FetchOptions:
    # One host: per-host limits raised so they do not serialise the run (said in output).
    return FetchOptions(
        allow_loopback=True,
        concurrency=concurrency,
        per_host_concurrency=concurrency,
        per_host_delay=0.0,
        max_bytes=1_000_000,
    )


# --- measurements ------------------------------------------------------------------------


def best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def measure_extraction(bodies: list[tuple[str, bytes]], rounds: int = 5) -> dict[str, float]:
    """Seconds per page (best round) for extract_page, trafilatura.extract and the parts."""

    def ours() -> None:
        for url, body in bodies:
            extract_page(body, url=url)

    def raw() -> None:
        for _url, body in bodies:
            trafilatura.extract(body)

    def raw_no_comments() -> None:
        for _url, body in bodies:
            trafilatura.extract(body, include_comments=False)

    def raw_metadata() -> None:
        for url, body in bodies:
            trafilatura.bare_extraction(body, url=url, include_comments=False, with_metadata=True)

    texts = [extract_page(body, url=url).text for url, body in bodies]

    def decode() -> None:
        for _url, body in bodies:
            extract_module.decode_html(body)

    def language() -> None:
        for text in texts:
            extract_module.detect_language(text)

    ours()  # warm-up: language model, lxml, caches
    raw()
    timings: dict[str, list[float]] = {}
    for _ in range(rounds):  # interleaved, so that noise hits every variant alike
        for name, fn in [
            ("extract_page", ours),
            ("trafilatura.extract", raw),
            ("trafilatura.extract, no comments", raw_no_comments),
            ("bare_extraction+metadata", raw_metadata),
            ("decode_html", decode),
            ("detect_language", language),
        ]:
            timings.setdefault(name, []).append(best_time(fn, 1) / len(bodies))
    return {name: min(values) for name, values in timings.items()}


def memory_phase(pages: int, latency: float, concurrency: int) -> dict[str, float]:
    """Fetch ``pages`` URLs in flow-sized batches, keep every result, extract them all."""
    bodies = make_pages(min(pages, 200))
    tracemalloc.start()
    with site(bodies, latency) as base:
        urls = [f"{base}/news/{i}" for i in range(pages)]
        options = options_for(concurrency)
        results: list[FetchResult] = []
        for start in range(0, pages, FLOW_BATCH):
            results += fetch_many(urls[start : start + FLOW_BATCH], options=options)
    extracted = [extract_page(r.body, url=r.url) for r in results if r.body is not None]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "pages": len(extracted),
        "peak_traced_mb": peak / 1e6,
        "body_mb": sum(len(r.body or b"") for r in results) / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--memory-pages", type=int, default=1000)
    parser.add_argument("--memory-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.memory_only:  # the child process of the memory measurement
        print(json.dumps(memory_phase(args.memory_pages, args.latency, args.concurrency)))
        return

    pages = make_pages(args.pages)
    sizes = sorted(len(p) for p in pages)
    print(
        f"site: {len(pages)} distinct pages, {sizes[len(sizes) // 2] / 1000:.0f} KB median "
        f"({sizes[0] / 1000:.0f}-{sizes[-1] / 1000:.0f} KB), {args.latency * 1000:.0f} ms "
        "latency per response (robots.txt included), one host 127.0.0.1"
    )
    with site(pages, args.latency) as base:
        urls = [f"{base}/news/{i}" for i in range(args.pages)]
        options = options_for(args.concurrency)
        started = time.perf_counter()
        results = fetch_many(urls, options=options)
        wall = time.perf_counter() - started
    assert all(r.ok for r in results), {r.outcome for r in results}
    ideal = args.pages * args.latency / args.concurrency
    print(
        f"fetch: concurrency {args.concurrency}, per_host_concurrency {args.concurrency}, "
        f"per_host_delay 0 (set explicitly: one host); robots.txt read once and obeyed"
    )
    print(
        f"  wall / ideal ({args.pages} x {args.latency:g} s / {args.concurrency}): "
        f"{wall / ideal:.2f}x  (target <= 1.5)"
    )

    bodies = [(r.url, r.body) for r in results if r.body is not None]
    per_page = measure_extraction(bodies)
    raw = per_page["trafilatura.extract"]
    like_for_like = per_page["trafilatura.extract, no comments"]
    print(
        f"extraction, per page ({len(bodies)} pages, best of 5 interleaved rounds), as a ratio "
        "to trafilatura.extract on the same bytes:"
    )
    print(
        f"  extract_page / trafilatura.extract: {per_page['extract_page'] / raw:.2f}x "
        "(target <= 1.15)"
    )
    print(
        f"  extract_page / trafilatura.extract(include_comments=False), the same text "
        f"extraction: {per_page['extract_page'] / like_for_like:.2f}x"
    )
    print(
        "  parts, same scale: dropping reader comments "
        f"{like_for_like / raw - 1:+.2f}, language detection "
        f"{per_page['detect_language'] / raw:.2f}, decoding {per_page['decode_html'] / raw:.2f}; "
        "trafilatura's own metadata (with_metadata=True, what extract_page used to call) "
        f"would cost {per_page['bare_extraction+metadata'] / raw:.2f}x in all"
    )

    child = subprocess.run(
        [
            sys.executable,
            __file__,
            "--memory-only",
            "--memory-pages",
            str(args.memory_pages),
            "--latency",
            "0",
            "--concurrency",
            str(args.concurrency),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    memory = json.loads(child.stdout.strip().splitlines()[-1])
    max_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"memory, fetching then extracting {memory['pages']} pages in a child process "
        f"({memory['body_mb']:.0f} MB of HTML, in batches of {FLOW_BATCH} as the flow does, "
        "every result kept, no added latency): "
        f"tracemalloc peak {memory['peak_traced_mb']:.0f} MB, max RSS {max_rss_mb:.0f} MB "
        "(target <= 400 MB)"
    )


if __name__ == "__main__":
    main()
