"""Reading RSS 2.0, RSS 1.0 (RDF) and Atom feeds into plain entries: parsing only, no network."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from satyapan.errors import SourceError

SUMMARY_CHARS = 1000
_TAG = re.compile(r"<[^>]*>")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel"})
_LINK_TAGS = ("link", "guid", "id")
_SUMMARY_TAGS = ("description", "summary", "encoded", "content")
_DATE_TAGS = ("pubDate", "published", "date", "issued", "updated", "modified")
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class FeedError(SourceError):
    """Bytes that are not a readable RSS or Atom feed."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: its link, title, summary as plain text, and date if it gives one."""

    link: str
    title: str
    summary: str = ""
    published: date | None = None


def parse_feed(data: bytes, *, base_url: str | None = None) -> list[FeedEntry]:
    """The entries of an RSS or Atom document, in feed order; raises FeedError if unreadable.

    Relative links are resolved against ``base_url``. Documents that declare XML entities
    are refused: a feed has no need of them, and they are how entity-expansion bombs work.
    """
    if _ENTITY_DECLARATION.search(data):
        raise FeedError("feed declares XML entities; refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedError(f"not well-formed XML ({exc})") from None
    if _local(root.tag) not in _FEED_ROOTS:
        raise FeedError(f"not an RSS or Atom feed (root element <{_local(root.tag)}>)")
    base_url = _rebase(base_url, root)
    entries = []
    for element in root.iter():
        if _local(element.tag) not in ("item", "entry"):
            continue
        entry = _entry(element, _rebase(base_url, element))
        if entry is not None:
            entries.append(entry)
    return entries


def parse_date(text: str | None) -> date | None:
    """The date of an RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core) timestamp, else None.

    The date is the one written, in the publisher's own time zone.
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def plain_text(markup: str) -> str:
    """Tags dropped, entities decoded, whitespace collapsed (feed summaries carry HTML)."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def _rebase(base_url: str | None, element: ET.Element) -> str | None:
    """The base URL inside ``element``: its xml:base (Atom), resolved against the outer one."""
    declared = element.get(_XML_BASE)
    if not declared:
        return base_url
    return urljoin(base_url, declared) if base_url else declared


def _local(tag: object) -> str:
    """'{http://www.w3.org/2005/Atom}entry' -> 'entry'."""
    return str(tag).rsplit("}", 1)[-1]


def _children(element: ET.Element) -> dict[str, list[ET.Element]]:
    found: dict[str, list[ET.Element]] = {}
    for child in element:
        found.setdefault(_local(child.tag), []).append(child)
    return found


def _text(element: ET.Element) -> str:
    return "".join(element.itertext()).strip()


def _entry(element: ET.Element, base_url: str | None) -> FeedEntry | None:
    children = _children(element)
    link = _link(children, element)
    if not link:
        return None
    if base_url:
        link = urljoin(base_url, link)
    title = plain_text(_text(children["title"][0])) if "title" in children else ""
    summary = ""
    for tag in _SUMMARY_TAGS:
        if tag in children:
            summary = plain_text(_text(children[tag][0]))[:SUMMARY_CHARS]
            break
    published = None
    for tag in _DATE_TAGS:
        if tag in children and (published := parse_date(_text(children[tag][0]))):
            break
    return FeedEntry(link=link, title=title, summary=summary, published=published)


def _link(children: dict[str, list[ET.Element]], element: ET.Element) -> str:
    # Atom: <link rel="alternate" href="..."/> (rel may be left out); RSS: <link>url</link>.
    for link in children.get("link", []):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
    for tag in _LINK_TAGS:
        for child in children.get(tag, []):
            if tag == "guid" and child.get("isPermaLink", "true").lower() == "false":
                continue
            text = _text(child)
            if text.startswith(("http://", "https://")):
                return text
    about = element.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", "")
    return about.strip() if about.startswith(("http://", "https://")) else ""
