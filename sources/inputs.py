"""Where articles and coverage come from: URL lists, a local HTML corpus, an article argument."""

from __future__ import annotations

import codecs
import html
import re
import sys
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from satyapan.errors import ExtractError, InputError
from sources.options import FetchOptions

CORPUS_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_MIN_CHARS = 100
STDIN_SOURCE = "<stdin>"

_HEAD_BYTES = 65536
_TAG = re.compile(rb"<(?:link|meta)\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def is_web_url(text: str) -> bool:
    """True for an absolute http(s) URL with a host and no whitespace."""
    if not text or any(char.isspace() for char in text):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def read_url_list(path: str | Path) -> list[str]:
    """URLs from a file, one a line; blank lines and # comments skipped, duplicates dropped."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"URL list {file} not found") from None
    except IsADirectoryError:
        raise InputError(f"URL list {file} is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read URL list {file}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"URL list {file} is not UTF-8 text") from None
    urls: dict[str, None] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_web_url(line):
            shown = line if len(line) <= 80 else line[:77] + "..."
            raise InputError(f"{file}, line {number}: not an http(s) URL: {shown}")
        urls.setdefault(line)
    return list(urls)


def corpus_files(folder: str | Path) -> list[Path]:
    """The .html/.htm files under ``folder``, sorted by their path inside it; InputError
    when the folder is missing or holds none. Reads no page: a command checks its
    --corpus with this before a run starts, and the run reads the pages."""
    root = Path(folder)
    if not root.exists():
        raise InputError(f"corpus folder {root} not found")
    if not root.is_dir():
        raise InputError(f"corpus {root} is not a folder")
    files = sorted(
        (p for p in root.rglob("*") if p.suffix.lower() in CORPUS_SUFFIXES and p.is_file()),
        key=lambda p: p.relative_to(root).as_posix(),
    )
    if not files:
        raise InputError(f"corpus folder {root} has no .html files")
    return files


def load_corpus(folder: str | Path) -> list[tuple[str, bytes]]:
    """Every .html/.htm file under ``folder`` (sorted), with its canonical URL or file URI.

    A page's URL is its <link rel="canonical"> or og:url when that is an http(s) URL not
    already taken by an earlier file; otherwise the file's own file:// URI.
    """
    pages: list[tuple[str, bytes]] = []
    taken: set[str] = set()
    for file in corpus_files(folder):
        body = file.read_bytes()
        url = page_url(body)
        if url is None or url in taken:
            url = file.resolve().as_uri()
        taken.add(url)
        pages.append((url, body))
    return pages


def page_url(body: bytes) -> str | None:
    """The page's own URL from <link rel="canonical"> or <meta property="og:url">."""
    canonical = og_url = None
    for tag in _TAG.finditer(body[:_HEAD_BYTES]):
        attributes = _attributes(tag.group(0))
        if tag.group(0)[1:5].lower() == b"link":
            if "canonical" in attributes.get("rel", "").lower().split():
                canonical = canonical or attributes.get("href")
        elif attributes.get("property", attributes.get("name", "")).lower() == "og:url":
            og_url = og_url or attributes.get("content")
    for candidate in (canonical, og_url):
        if candidate and is_web_url(candidate.strip()):
            return candidate.strip()
    return None


def _attributes(tag: bytes) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(tag):
        name = match.group(1).decode("ascii").lower()
        raw = next(g for g in match.groups()[1:] if g is not None)
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("cp1252", errors="replace")
        found.setdefault(name, html.unescape(value))
    return found


def looks_like_html(data: bytes) -> bool:
    """True when the bytes start (after a BOM, spaces, comments) with <!doctype html or <html."""
    return bool(_HTML_START.match(data.removeprefix(codecs.BOM_UTF8)[:4096]))


def read_article(
    arg: str,
    *,
    stdin: BinaryIO | None = None,
    fetch_options: FetchOptions | None = None,
) -> tuple[str, str, str | None]:
    """(source, text, title) of the article named by ``arg``: "-" for stdin, a URL or a path.

    Plain text is kept exactly (claim spans index into it) except that a UTF-8 BOM is
    dropped and newlines become "\\n"; HTML files and pages go through extract_page.
    """
    if arg == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        if isinstance(data, str):  # a text stream was handed in after all
            data = data.encode("utf-8")
        return _article_from_bytes(STDIN_SOURCE, data, url="")
    if is_web_url(arg):
        return _article_from_web(arg, fetch_options or FetchOptions())
    if "://" in arg and not Path(arg).exists():
        raise InputError(f"only http(s) URLs can be fetched: {arg}")
    file = Path(arg)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"article file {arg} not found") from None
    except IsADirectoryError:
        raise InputError(f"article {arg} is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read article {arg}: {exc.strerror}") from None
    return _article_from_bytes(arg, data, url=file.resolve().as_uri())


def _article_from_web(url: str, options: FetchOptions) -> tuple[str, str, str | None]:
    from sources.extract import extract_page  # (a plain-text article needs no HTML parser)
    from sources.fetch import fetch_url  # (HTTP libraries only for an article on the web)

    result = fetch_url(url, options=options)
    if not result.ok or result.body is None:
        raise InputError(f"could not fetch {url}: {result.error or result.outcome}")
    try:
        page = extract_page(
            result.body,
            url=url,
            final_url=result.final_url,
            charset=result.charset,
            min_chars=ARTICLE_MIN_CHARS,
        )
    except ExtractError as exc:
        raise InputError(f"could not read an article at {url}: {exc}") from None
    return url, page.text, page.title


def _article_from_bytes(source: str, data: bytes, *, url: str) -> tuple[str, str, str | None]:
    if looks_like_html(data):
        from sources.extract import extract_page

        try:
            page = extract_page(data, url=url or source, min_chars=ARTICLE_MIN_CHARS)
        except ExtractError as exc:
            raise InputError(f"could not read an article in {source}: {exc}") from None
        return source, page.text, page.title
    try:
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("ARTICLE is not UTF-8 text") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("article is empty")
    return source, text, None
