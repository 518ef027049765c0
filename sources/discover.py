"""Discovery: candidate coverage URLs for an article's claims, from search and listing providers.

Every provider has one method, ``find(queries, *, window) -> list[Candidate]``, and a
``warnings`` list that ``find`` fills with one line per problem. Network and parsing
failures never raise: a provider that cannot reach its endpoint returns what it has and
says why. Nothing here fetches the candidate pages themselves.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from claims.glossary import Glossary
from claims.model import Claim
from claims.text import normalise
from satyapan.errors import InputError
from satyapan.settings import Settings
from sources.feeds import FeedError, parse_date, parse_feed
from sources.fetch import Fetcher, FetchOptions, FetchOutcome, FetchResult, make_session
from sources.inputs import is_web_url, load_corpus, read_url_list
from sources.queries import Query, build_queries

log = logging.getLogger(__name__)

_DEFAULTS = Settings.model_fields
DEFAULT_NEWS_RSS_ENDPOINT: str = _DEFAULTS["news_rss_endpoint"].default
DEFAULT_GDELT_ENDPOINT: str = _DEFAULTS["gdelt_endpoint"].default
DEFAULT_GDELT_MIN_INTERVAL: float = _DEFAULTS["gdelt_min_interval"].default

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "text/plain",
        "application/octet-stream",
    }
)
JSON_TYPES = frozenset({"application/json", "text/json", "text/javascript", "text/plain"})
# GDELT answers a query it cannot run with a sentence of text/html, status 200.
GDELT_TYPES = JSON_TYPES | {"text/html"}
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1"
JSON_ACCEPT = "application/json, */*;q=0.1"
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"})
WARC_SUFFIXES = (".warc", ".warc.gz")
_HEAD_CHARS = 65536
_PREFIX_MIN = 4  # a term this long may match the start of a longer word (India -> Indian)
_PREFIX_EXTRA = 3  # ... by this many more characters at most (meet -> meeting)


@dataclass(frozen=True)
class DateWindow:
    """The days coverage of an event may be dated, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def around(cls, event_date: date, days_before: int = 3, days_after: int = 7) -> DateWindow:
        return cls(
            event_date - timedelta(days=days_before), event_date + timedelta(days=days_after)
        )

    def contains(self, day: date | None) -> bool:
        """True for a day inside the window, and for an unknown day (None)."""
        return day is None or self.start <= day <= self.end


@dataclass(frozen=True)
class Candidate:
    """A page that may cover the article's claims, as a provider listed it (not fetched)."""

    url: str
    title: str | None
    published: str | None  # ISO date, YYYY-MM-DD
    source: str  # the provider's name
    query: str  # the query's text that found it; "" for lists and corpora


@dataclass(frozen=True)
class DiscoveryResult:
    candidates: tuple[Candidate, ...]
    warnings: tuple[str, ...]
    queries: tuple[Query, ...] = ()


class Provider(Protocol):
    """What discover() runs: a name, one method, and the warnings of the last find()."""

    @property
    def name(self) -> str: ...

    @property
    def warnings(self) -> list[str]: ...

    def find(self, queries: Sequence[Query], *, window: DateWindow | None) -> list[Candidate]: ...


# -- running providers -----------------------------------------------------------------------


def discover(
    claims: Sequence[Claim],
    *,
    language: str,
    providers: Sequence[Provider],
    window: DateWindow | None = None,
    max_queries: int = 12,
    glossary: Glossary | None = None,
) -> DiscoveryResult:
    """Build queries for ``claims`` and run them through ``providers``."""
    queries = build_queries(claims, language=language, max_queries=max_queries, glossary=glossary)
    result = search(queries, providers=providers, window=window)
    if not queries and any(isinstance(p, SearchProvider | FeedList) for p in providers):
        note = "no queries: the claims name no one and give no number to search for"
        return replace(result, warnings=(note, *result.warnings))
    return result


def search(
    queries: Sequence[Query],
    *,
    providers: Sequence[Provider],
    window: DateWindow | None = None,
) -> DiscoveryResult:
    """Run ``queries`` through every provider at once; candidates deduplicated by URL.

    Candidates keep the providers' order, then each provider's own order; a URL found
    twice (ignoring utm_* and click-id parameters and the fragment) is listed once.
    """

    def run(provider: Provider) -> tuple[list[Candidate], list[str]]:
        try:
            found = provider.find(queries, window=window)
        except Exception as exc:  # a provider's bug must not cost the others their results
            log.exception("discovery provider %s failed", provider.name)
            return [], [*provider.warnings, f"{provider.name}: failed: {_one_line(exc)}"]
        return found, list(provider.warnings)

    if not providers:
        return DiscoveryResult((), (), tuple(queries))
    with ThreadPoolExecutor(max_workers=len(providers), thread_name_prefix="discover") as pool:
        outcomes = list(pool.map(run, providers))
    candidates: dict[str, Candidate] = {}
    warnings: dict[str, None] = {}
    for found, problems in outcomes:
        for candidate in found:
            url = clean_url(candidate.url)
            candidates.setdefault(url, replace(candidate, url=url))
        warnings.update(dict.fromkeys(problems))
    return DiscoveryResult(tuple(candidates.values()), tuple(warnings), tuple(queries))


def clean_url(url: str) -> str:
    """``url`` without its fragment and tracking parameters (utm_*, fbclid, gclid, ...)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    params = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
    ]
    query = urlencode(params) if len(params) != _param_count(parts.query) else parts.query
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, "")
        if parts.scheme.lower() in ("http", "https")
        else (parts.scheme, parts.netloc, parts.path, query, "")
    )


def _param_count(query: str) -> int:
    return len(parse_qsl(query, keep_blank_values=True))


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__


# -- web search providers --------------------------------------------------------------------


class SearchProvider:
    """A provider that sends each query to an HTTP endpoint through ``sources.fetch``."""

    name: str = ""
    content_types: ClassVar[frozenset[str]] = FEED_TYPES
    accept: ClassVar[str] = FEED_ACCEPT

    def __init__(self, endpoint: str, *, options: FetchOptions | None = None) -> None:
        self.endpoint = endpoint
        self.options = replace(options or FetchOptions(), content_types=self.content_types)
        self.warnings: list[str] = []

    def find(self, queries: Sequence[Query], *, window: DateWindow | None) -> list[Candidate]:
        self.warnings = []
        found: list[Candidate] = []
        for query, body, final_url in self._responses(queries, window):
            try:
                found.extend(self.parse(body, query=query, window=window, base_url=final_url))
            except (FeedError, ValueError) as exc:
                self.warn(f"unreadable answer from {self.shown_endpoint()}: {_one_line(exc)}")
        return found

    def request_url(self, query: Query, window: DateWindow | None) -> str:
        raise NotImplementedError

    def parse(
        self, body: bytes, *, query: Query, window: DateWindow | None, base_url: str
    ) -> list[Candidate]:
        raise NotImplementedError

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.name}: {message}")

    def shown_endpoint(self) -> str:
        parts = urlsplit(self.endpoint)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))

    def before_request(self) -> None:
        """Called before each request (rate limits)."""

    def _responses(
        self, queries: Sequence[Query], window: DateWindow | None
    ) -> Iterator[tuple[Query, bytes, str]]:
        if not queries:
            return
        with make_session(self.options) as session, Fetcher(self.options, session=session) as web:
            session.headers["Accept"] = self.accept
            for position, query in enumerate(queries):
                self.before_request()
                result = web.fetch(self.request_url(query, window))
                if result.ok and result.body is not None:
                    yield query, result.body, result.final_url
                    continue
                message = f"{result.error or result.outcome.value} from {self.shown_endpoint()}"
                left = len(queries) - position - 1
                if _endpoint_down(result) and left:
                    self.warn(f"{message}; skipped the {left} remaining queries")
                    return
                self.warn(message)


def _endpoint_down(result: FetchResult) -> bool:
    """True when asking again with another query would only fail again."""
    if result.outcome is FetchOutcome.HTTP_ERROR:
        status = result.status_code or 500
        return status >= 500 or status in (401, 403, 429)
    return True  # unreachable, blocked, robots.txt, timed out, too large, wrong content type


class GoogleNewsRSS(SearchProvider):
    """Google News search as RSS. Item links are Google's redirect URLs, kept as they are."""

    name = "news_rss"

    def __init__(
        self,
        endpoint: str = DEFAULT_NEWS_RSS_ENDPOINT,
        *,
        options: FetchOptions | None = None,
        country: str = "IN",
        date_operators: bool = True,
    ) -> None:
        super().__init__(endpoint, options=options)
        self.country = country
        self.date_operators = date_operators

    def request_url(self, query: Query, window: DateWindow | None) -> str:
        q = query.text
        if window is not None and self.date_operators:
            # Google's search operators; "before:" excludes its day.
            q += f" after:{window.start.isoformat()} before:{window.end + timedelta(days=1)}"
        language = "hi" if query.language == "hi" else "en"
        params = {
            "q": q,
            "hl": language if language == "hi" else f"en-{self.country}",
            "gl": self.country,
            "ceid": f"{self.country}:{language}",
        }
        return _with_params(self.endpoint, params)

    def parse(
        self, body: bytes, *, query: Query, window: DateWindow | None, base_url: str
    ) -> list[Candidate]:
        return [
            Candidate(
                url=entry.link,
                title=entry.title or None,
                published=entry.published.isoformat() if entry.published else None,
                source=self.name,
                query=query.text,
            )
            for entry in parse_feed(body, base_url=base_url)
            if window is None or window.contains(entry.published)
        ]


class GDELTDoc(SearchProvider):
    """The GDELT DOC 2.0 API in article-list mode; the window is passed to GDELT itself."""

    name = "gdelt"
    content_types = GDELT_TYPES
    accept = JSON_ACCEPT

    def __init__(
        self,
        endpoint: str = DEFAULT_GDELT_ENDPOINT,
        *,
        options: FetchOptions | None = None,
        max_records: int = 75,
        min_interval: float = DEFAULT_GDELT_MIN_INTERVAL,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(endpoint, options=options)
        self.max_records = max(1, min(max_records, 250))  # GDELT's own limit is 250
        self.min_interval = min_interval
        self._sleep = sleep
        self._last: float | None = None

    def before_request(self) -> None:
        # GDELT asks for no more than one request every five seconds.
        now = time.monotonic()
        if self._last is not None and now - self._last < self.min_interval:
            self._sleep(self.min_interval - (now - self._last))
        self._last = time.monotonic()

    def request_url(self, query: Query, window: DateWindow | None) -> str:
        params = {
            "query": gdelt_query(query),
            "mode": "artlist",
            "format": "json",
            "maxrecords": str(self.max_records),
            "sort": "hybridrel",
        }
        if window is not None:
            params["startdatetime"] = f"{window.start:%Y%m%d}000000"
            params["enddatetime"] = f"{window.end:%Y%m%d}235959"
        return _with_params(self.endpoint, params)

    def parse(
        self, body: bytes, *, query: Query, window: DateWindow | None, base_url: str
    ) -> list[Candidate]:
        text = body.decode("utf-8", errors="replace").strip()
        if not text:
            return []  # GDELT's answer when nothing matched
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            raise ValueError(f"not JSON: {text.splitlines()[0][:120]}") from None
        if not isinstance(data, dict) or not isinstance(data.get("articles", []), list):
            raise ValueError("JSON without an articles list")
        found = []
        for article in data.get("articles", []):
            url = article.get("url") if isinstance(article, dict) else None
            if not isinstance(url, str) or not is_web_url(url):
                continue
            seen = _gdelt_date(article.get("seendate"))
            if window is not None and not window.contains(seen):
                continue
            title = article.get("title")
            found.append(
                Candidate(
                    url=url,
                    title=title.strip() or None if isinstance(title, str) else None,
                    published=seen.isoformat() if seen else None,
                    source=self.name,
                    query=query.text,
                )
            )
        return found


def gdelt_query(query: Query) -> str:
    """GDELT's syntax: phrases in quotes; words under three letters dropped (GDELT refuses
    them). Devanagari terms are sent as they are."""
    terms = []
    for term in query.terms:
        if " " in term:
            terms.append(f'"{term}"')
        elif len(term) >= 3:
            terms.append(term)
    return " ".join(terms) or query.text


def _gdelt_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip(), "%Y%m%dT%H%M%SZ").date()
    except ValueError:
        return parse_date(value)


def _with_params(endpoint: str, params: dict[str, str]) -> str:
    parts = urlsplit(endpoint)
    query = "&".join(filter(None, [parts.query, urlencode(params)]))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


# -- publisher feeds -------------------------------------------------------------------------


class FeedList:
    """Publishers' own RSS/Atom feeds, kept to the entries that name a query's parties."""

    name = "feeds"

    def __init__(self, feeds: Sequence[str], *, options: FetchOptions | None = None) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.options = replace(options or FetchOptions(), content_types=FEED_TYPES)
        self.warnings: list[str] = []

    def find(self, queries: Sequence[Query], *, window: DateWindow | None) -> list[Candidate]:
        self.warnings = []
        matchers = [(query, _query_words(query)) for query in queries]
        found: list[Candidate] = []
        if not matchers:
            return found
        with make_session(self.options) as session, Fetcher(self.options, session=session) as web:
            session.headers["Accept"] = FEED_ACCEPT
            results = web.fetch_many(self.feeds)  # several publishers at once, each politely
        for feed, result in zip(self.feeds, results, strict=True):
            if not result.ok or result.body is None:
                self.warnings.append(f"{self.name}: {result.error} from {feed}")
                continue
            try:
                entries = parse_feed(result.body, base_url=result.final_url)
            except FeedError as exc:
                self.warnings.append(f"{self.name}: unreadable feed {feed}: {exc}")
                continue
            for entry in entries:
                if window is not None and not window.contains(entry.published):
                    continue
                words = normalise(f"{entry.title} {entry.summary}").split()
                query = next((q for q, terms in matchers if _mentions(words, terms)), None)
                if query is not None:
                    published = entry.published.isoformat() if entry.published else None
                    found.append(
                        Candidate(entry.link, entry.title or None, published, self.name, query.text)
                    )
        return found


def _query_words(query: Query) -> list[list[str]]:
    """The terms an entry must mention one of: the query's named parties, or its numbers when
    it names none. Action words ("meet", "मुलाकात") are in nearly every feed: not enough alone."""
    terms = list(query.entities) or [t for t in query.terms if t.replace(".", "").isdigit()]
    return [words for words in (normalise(t).split() for t in terms or query.terms) if words]


def _mentions(words: Sequence[str], terms: Sequence[Sequence[str]]) -> bool:
    return any(_contains(words, term) for term in terms)


def _contains(words: Sequence[str], term: Sequence[str]) -> bool:
    """``term`` (normalised words) as consecutive words of ``words``; its last word may be
    the start of an inflected word (India -> Indian, meet -> meeting), numbers only whole."""
    size = len(term)
    for start in range(len(words) - size + 1):
        if list(words[start : start + size - 1]) == list(term[:-1]) and _word_matches(
            words[start + size - 1], term[-1]
        ):
            return True
    return False


def _word_matches(word: str, term: str) -> bool:
    if word == term:
        return True
    if len(term) < _PREFIX_MIN or term[-1].isdigit():
        return False
    return word.startswith(term) and len(word) - len(term) <= _PREFIX_EXTRA


# -- lists and local corpora -----------------------------------------------------------------


class UrlList:
    """The URLs of a list file (one a line), read when the provider is made."""

    name = "urls"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.urls = read_url_list(self.path)  # InputError for a missing or bad file: say so now
        self.warnings: list[str] = []

    def find(self, queries: Sequence[Query], *, window: DateWindow | None) -> list[Candidate]:
        return [Candidate(url, None, None, self.name, "") for url in self.urls]


class LocalCorpus:
    """Saved pages in a folder (.html with their canonical URLs; WARC files with warcio)."""

    name = "corpus"

    def __init__(self, folder: str | Path, *, max_bytes: int = 5_000_000) -> None:
        self.folder = Path(folder)
        if not self.folder.exists():
            raise InputError(f"corpus folder {self.folder} not found")
        if not self.folder.is_dir():
            raise InputError(f"corpus {self.folder} is not a folder")
        self.max_bytes = max_bytes
        self.warnings: list[str] = []

    def find(self, queries: Sequence[Query], *, window: DateWindow | None) -> list[Candidate]:
        self.warnings = []
        warcs = sorted(p for p in self.folder.rglob("*") if p.name.lower().endswith(WARC_SUFFIXES))
        pages: list[tuple[str, bytes]] = []
        try:
            pages = load_corpus(self.folder)
        except InputError as exc:
            if not warcs:
                self.warnings.append(f"{self.name}: {exc}")
        pages += self._warc_pages(warcs)
        found = []
        for url, body in pages:
            title, published = page_facts(body)
            if window is not None and not window.contains(published):
                continue
            iso = published.isoformat() if published else None
            found.append(Candidate(url, title, iso, self.name, ""))
        return found

    def _warc_pages(self, warcs: Sequence[Path]) -> list[tuple[str, bytes]]:
        if not warcs:
            return []
        try:
            from warcio.archiveiterator import ArchiveIterator
        except ImportError:
            self.warnings.append(
                f"{self.name}: {len(warcs)} WARC files skipped (install warcio to read them)"
            )
            return []
        pages = []
        for path in warcs:
            try:
                with path.open("rb") as stream:
                    for record in ArchiveIterator(stream):
                        page = self._warc_page(record)
                        if page is not None:
                            pages.append(page)
            except Exception as exc:  # warcio raises its own and plain errors on bad files
                self.warnings.append(f"{self.name}: unreadable WARC {path.name}: {exc}")
        return pages

    def _warc_page(self, record: object) -> tuple[str, bytes] | None:
        if getattr(record, "rec_type", None) != "response":
            return None
        http = getattr(record, "http_headers", None)
        if http is None or http.get_statuscode() != "200":
            return None
        media = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if media not in ("text/html", "application/xhtml+xml"):
            return None
        url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
        if not url or not is_web_url(url):
            return None
        body = record.content_stream().read(self.max_bytes + 1)  # type: ignore[attr-defined]
        return (url, body) if len(body) <= self.max_bytes else None


class _HeadFacts(HTMLParser):
    """The <title> and publication date meta tags of a page's head."""

    DATE_KEYS = frozenset(
        {"article:published_time", "datepublished", "date", "pubdate", "publish-date", "dc.date"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.og_title: str | None = None
        self.published: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "title" and self.title is None:
            self._in_title = True
        elif tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            key = key.strip().lower()
            if key == "og:title" and self.og_title is None:
                self.og_title = values.get("content", "").strip() or None
            elif key in self.DATE_KEYS and self.published is None:
                self.published = values.get("content", "").strip() or None
        elif tag == "time" and self.published is None and "pubdate" in values:
            self.published = values.get("datetime") or None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = " ".join("".join(self._title_parts).split()) or None


def page_facts(body: bytes) -> tuple[str | None, date | None]:
    """A saved page's title and publication date, read from its head only (cheap)."""
    text = body[:_HEAD_CHARS].decode("utf-8", errors="replace")
    parser = _HeadFacts()
    try:
        parser.feed(text)
    except Exception:  # HTMLParser on broken markup: keep what it read
        log.debug("could not parse the head of a saved page", exc_info=True)
    return parser.title or parser.og_title, parse_date(parser.published)


# -- providers from settings -----------------------------------------------------------------

PROVIDERS = ("news_rss", "gdelt", "feeds", "urls", "corpus")


def providers_from_settings(
    settings: Settings,
    names: Sequence[str] | None = None,
    *,
    url_list: str | Path | None = None,
    corpus: str | Path | None = None,
    options: FetchOptions | None = None,
) -> list[Provider]:
    """The providers ``names`` (default: SATYAPAN_DISCOVERY_PROVIDERS) made from settings.

    A ``url_list`` or ``corpus`` adds its provider. Raises InputError for an unknown name or
    a provider that lacks what it needs (feeds without SATYAPAN_FEEDS, urls without a list).
    """
    wanted = [n.strip() for n in (settings.discovery_providers if names is None else names)]
    wanted = [n for n in wanted if n]
    if url_list is not None:
        wanted.append("urls")
    if corpus is not None:
        wanted.append("corpus")
    fetch_options = options or FetchOptions.from_settings(settings)
    made: list[Provider] = []
    for name in dict.fromkeys(wanted):
        if name == "news_rss":
            made.append(GoogleNewsRSS(settings.news_rss_endpoint, options=fetch_options))
        elif name == "gdelt":
            made.append(
                GDELTDoc(
                    settings.gdelt_endpoint,
                    options=fetch_options,
                    min_interval=settings.gdelt_min_interval,
                )
            )
        elif name == "feeds":
            if not settings.feeds:
                raise InputError("provider feeds needs feed URLs in SATYAPAN_FEEDS")
            made.append(FeedList(settings.feeds, options=fetch_options))
        elif name == "urls":
            if url_list is None:
                raise InputError("provider urls needs a URL list file (--urls)")
            made.append(UrlList(url_list))
        elif name == "corpus":
            if corpus is None:
                raise InputError("provider corpus needs a folder of saved pages (--corpus)")
            made.append(LocalCorpus(corpus, max_bytes=fetch_options.max_bytes))
        else:
            raise InputError(f"unknown provider {name!r}; choose from: {', '.join(PROVIDERS)}")
    return made
