"""Inputs: URL lists, the local corpus and the article argument, including every error case."""

from __future__ import annotations

import codecs
import io
import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from satyapan.errors import InputError
from sources.fetch import FetchOptions
from sources.inputs import (
    STDIN_SOURCE,
    is_web_url,
    load_corpus,
    looks_like_html,
    page_url,
    read_article,
    read_url_list,
)
from tests.support.httpserver import LoopbackServer

SEED = Path(__file__).parents[2] / "examples" / "sco-qingdao-2025.hi.txt"

# --- read_url_list ----------------------------------------------------------------------------


def test_url_list_skips_blanks_and_comments_and_drops_duplicates(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# coverage for the SCO story\n"
        "https://a.example/one\n"
        "\n"
        "   https://b.example/two?x=1#frag   \n"
        "# https://commented.example/out\n"
        "https://a.example/one\n"
        "HTTP://C.example/three\n",
        encoding="utf-8",
    )
    assert read_url_list(listing) == [
        "https://a.example/one",
        "https://b.example/two?x=1#frag",
        "HTTP://C.example/three",
    ]


def test_url_list_with_bom_and_crlf(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_bytes(codecs.BOM_UTF8 + b"https://a.example/1\r\nhttps://b.example/2\r\n")
    assert read_url_list(str(listing)) == ["https://a.example/1", "https://b.example/2"]


@pytest.mark.parametrize(
    "bad",
    ["ftp://a.example/x", "a.example/no-scheme", "https://", "http://a b.example/", "mailto:x@y"],
)
def test_url_list_invalid_line_names_its_number(tmp_path: Path, bad: str) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# header\nhttps://ok.example/\n\n{bad}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_url_list(listing)
    assert str(caught.value) == f"{listing}, line 4: not an http(s) URL: {bad}"


def test_url_list_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_url_list(tmp_path / "nope.txt")


def test_url_list_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_url_list(tmp_path)


def test_url_list_empty_file_is_an_empty_list(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# nothing yet\n\n", encoding="utf-8")
    assert read_url_list(listing) == []


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://example.org", True),
        ("http://127.0.0.1:8080/a", True),
        ("https://example.org:99999/", False),
        ("https://exa mple.org/", False),
        ("file:///etc/hosts", False),
        ("", False),
    ],
)
def test_is_web_url(text: str, ok: bool) -> None:
    assert is_web_url(text) is ok


# --- load_corpus ------------------------------------------------------------------------------


def test_corpus_pairs_each_page_with_its_url(tmp_path: Path, hindi_html: bytes) -> None:
    (tmp_path / "b-og.htm").write_bytes(
        b'<html><head><meta content="https://og.example/story?a=1&amp;b=2" property="og:url">'
        b"</head><body>og</body></html>"
    )
    (tmp_path / "a-canonical.html").write_bytes(hindi_html)
    (tmp_path / "c-none.HTML").write_bytes(b"<html><body>no url here</body></html>")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "d.html").write_bytes(
        b'<html><head><link href="https://d.example/x" rel="canonical"></head></html>'
    )
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    pages = load_corpus(tmp_path)
    assert [url for url, _ in pages] == [
        "https://www.samachar-darpan.example/videsh/rajnath-belousov-qingdao-sco",
        "https://og.example/story?a=1&b=2",
        (tmp_path / "c-none.HTML").resolve().as_uri(),
        "https://d.example/x",
    ]
    assert pages[0][1] == hindi_html


def test_corpus_files_claiming_the_same_url_keep_distinct_keys(tmp_path: Path) -> None:
    page = b'<html><head><link rel="canonical" href="https://same.example/x"></head></html>'
    (tmp_path / "1.html").write_bytes(page)
    (tmp_path / "2.html").write_bytes(page)
    urls = [url for url, _ in load_corpus(tmp_path)]
    assert urls == ["https://same.example/x", (tmp_path / "2.html").resolve().as_uri()]


def test_corpus_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_corpus(tmp_path / "missing")


def test_corpus_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("no pages", encoding="utf-8")
    with pytest.raises(InputError, match="has no .html files"):
        load_corpus(tmp_path)


def test_corpus_that_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "page.html"
    file.write_bytes(b"<html></html>")
    with pytest.raises(InputError, match="is not a folder"):
        load_corpus(file)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<link rel="canonical" href="https://a.example/1">', "https://a.example/1"),
        (b"<LINK REL='Canonical' HREF='https://a.example/2'>", "https://a.example/2"),
        (b'<link rel="alternate canonical" href="https://a.example/3">', "https://a.example/3"),
        (b'<link rel="canonical" href="/relative">', None),
        (b'<meta property="og:url" content="https://a.example/4">', "https://a.example/4"),
        (
            b'<meta property="og:url" content="https://og.example/">'
            b'<link rel="canonical" href="https://canon.example/">',
            "https://canon.example/",
        ),
        (b'<link rel="stylesheet" href="https://a.example/s.css">', None),
    ],
)
def test_page_url(head: bytes, expected: str | None) -> None:
    assert page_url(b"<html><head>" + head + b"</head></html>") == expected


# --- read_article -----------------------------------------------------------------------------


def test_article_from_stdin_is_kept_exactly() -> None:
    text = "  पहली पंक्ति।\n\n\tदूसरी  पंक्ति — 26 लोग।  \n"
    source, got, title = read_article("-", stdin=io.BytesIO(text.encode("utf-8")))
    assert (source, got, title) == (STDIN_SOURCE, text, None)


def test_article_newlines_are_normalised_and_bom_dropped() -> None:
    data = codecs.BOM_UTF8 + "एक\r\nदो\rतीन\n".encode()
    _, text, _ = read_article("-", stdin=io.BytesIO(data))
    assert text == "एक\nदो\nतीन\n"


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r")))
def test_article_text_is_never_changed_otherwise(text: str) -> None:
    data = text.encode("utf-8")
    if not text.strip() or looks_like_html(data) or text.startswith("\ufeff"):
        return
    assert read_article("-", stdin=io.BytesIO(data))[1] == text


def test_article_html_from_stdin_is_extracted(hindi_html: bytes) -> None:
    source, text, title = read_article("-", stdin=io.BytesIO(hindi_html))
    assert source == STDIN_SOURCE
    assert title is not None and title.startswith("राजनाथ सिंह")
    assert "आंद्रेई बेलोसोव" in text and "<p>" not in text


def test_article_not_utf8() -> None:
    with pytest.raises(InputError) as caught:
        read_article("-", stdin=io.BytesIO("Café €".encode("cp1252")))
    assert str(caught.value) == "ARTICLE is not UTF-8 text"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8 + b"\n"])
def test_article_empty(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_article("-", stdin=io.BytesIO(data))
    assert str(caught.value) == "article is empty"


def test_article_from_a_file() -> None:
    source, text, title = read_article(str(SEED))
    assert source == str(SEED)
    assert text == SEED.read_text(encoding="utf-8")
    assert title is None


def test_article_file_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_article(str(tmp_path / "missing.txt"))


def test_article_file_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_article(str(tmp_path))


def test_article_html_file_is_extracted(tmp_path: Path, hindi_html: bytes) -> None:
    file = tmp_path / "article.html"
    file.write_bytes(codecs.BOM_UTF8 + b"\n  " + hindi_html)
    source, text, title = read_article(str(file))
    assert source == str(file)
    assert title == "राजनाथ सिंह ने किंगदाओ में रूसी रक्षा मंत्री बेलोसोव से की मुलाकात"
    assert "राजनाथ सिंह" in text and "<p>" not in text and "पाठक टिप्पणी" not in text


def test_article_html_without_text(tmp_path: Path) -> None:
    file = tmp_path / "empty.html"
    file.write_bytes(b"<!DOCTYPE html><html><body><script>var a = 1;</script></body></html>")
    with pytest.raises(InputError) as caught:
        read_article(str(file))
    assert str(caught.value) == f"could not read an article in {file}: no main text found"


@pytest.mark.parametrize(
    ("data", "html"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"  \n<html lang='hi'>", True),
        (b"<!-- saved page --><!doctype HTML>", True),
        (codecs.BOM_UTF8 + b"<HTML>", True),
        (b"<p>a fragment</p>", False),
        ("राजनाथ <html> सिंह".encode(), False),
        (b"html is a markup language", False),
    ],
)
def test_looks_like_html(data: bytes, html: bool) -> None:
    assert looks_like_html(data) is html


def test_article_from_a_url(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    url = coverage_server.url("/redirect/1")
    source, text, title = read_article(url, fetch_options=loopback_options)
    assert source == url
    assert title == "राजनाथ सिंह ने किंगदाओ में रूसी रक्षा मंत्री बेलोसोव से की मुलाकात"
    assert "आंद्रेई बेलोसोव" in text


def test_article_url_that_fails(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    url = coverage_server.url("/gone")
    with pytest.raises(InputError) as caught:
        read_article(url, fetch_options=loopback_options)
    assert str(caught.value) == f"could not fetch {url}: HTTP 404 Not Found"


def test_article_url_refused(loopback_options: FetchOptions) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    options = FetchOptions(allow_loopback=True, retries=0, connect_timeout=0.5, timeout=0.5)
    with pytest.raises(InputError) as caught:
        read_article(url, fetch_options=options)
    assert str(caught.value) == f"could not fetch {url}: connection refused"


def test_article_url_blocked_by_default(coverage_server: LoopbackServer) -> None:
    url = coverage_server.url("/hindi")
    with pytest.raises(InputError, match="loopback address"):
        read_article(url)
    assert coverage_server.hits("/hindi") == 0


def test_article_url_with_another_scheme() -> None:
    with pytest.raises(InputError, match="only http"):
        read_article("ftp://example.org/article.txt")
