"""Discovery providers against a real HTTP server on 127.0.0.1, and the sources CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from satyapan.errors import InputError
from satyapan.settings import Settings
from sources.discover import (
    Candidate,
    DateWindow,
    FeedList,
    GDELTDoc,
    GoogleNewsRSS,
    LocalCorpus,
    Provider,
    UrlList,
    clean_url,
    discover,
    page_facts,
    providers_from_settings,
    search,
)
from sources.feeds import FeedError, parse_date, parse_feed
from sources.fetch import FetchOptions
from sources.queries import Query
from tests.conftest import EXAMPLES
from tests.support.cli import run
from tests.support.httpserver import LoopbackServer, Reply, Request, Route

SEED = EXAMPLES / "sco-qingdao-2025.hi.txt"
CORPUS = EXAMPLES / "coverage"
WINDOW = DateWindow(date(2025, 6, 23), date(2025, 7, 3))

HI_QUERY = Query('"राजनाथ सिंह" बैठक', "hi", ("राजनाथ सिंह", "बैठक"), (0,), ("राजनाथ सिंह",))
EN_QUERY = Query('"Rajnath Singh" meet', "en", ("Rajnath Singh", "meet"), (0,), ("Rajnath Singh",))
EN_QUERY_2 = Query('"Dong Jun" gift', "en", ("Dong Jun", "gift"), (1,), ("Dong Jun",))


# -- what the loopback server answers ----------------------------------------------------------


def rss(items: Sequence[tuple[str, str, str | None]], *, description: str = "") -> bytes:
    """An RSS 2.0 document of (title, link, pubDate) items."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>t</title>']
    for title, link, published in items:
        parts.append(f"<item><title>{title}</title><link>{link}</link>")
        if published:
            parts.append(f"<pubDate>{published}</pubDate>")
        if description:
            parts.append(f"<description><![CDATA[<p>{description}</p>]]></description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def xml_reply(body: bytes, content_type: str = "application/rss+xml; charset=UTF-8") -> Reply:
    return Reply(200, {"Content-Type": content_type}, body)


def news_search(request: Request) -> Reply:
    """Google News RSS search: one item per language in the window, one before it, one undated."""
    params = parse_qs(request.query)
    lang = params["ceid"][0].split(":")[1]
    return xml_reply(
        rss(
            [
                (
                    f"Story {lang} - Publisher",
                    f"https://news.example/rss/articles/{lang}?oc=5&amp;utm_source=feed#top",
                    "Thu, 26 Jun 2025 10:30:00 GMT",
                ),
                (
                    f"Old {lang}",
                    f"https://news.example/old/{lang}",
                    "Mon, 10 Jun 2024 08:00:00 GMT",
                ),
                (f"Undated {lang}", f"https://news.example/undated/{lang}", None),
            ]
        )
    )


def gdelt_search(request: Request) -> Reply:
    params = parse_qs(request.query)
    assert params["mode"] == ["artlist"] and params["format"] == ["json"]
    articles = [
        {
            "url": "https://wire.example/story?utm_medium=gdelt&id=7",
            "title": "Wire story",
            "seendate": "20250626T103000Z",
            "language": "English",
            "domain": "wire.example",
        },
        {"url": "https://wire.example/late", "title": "Late", "seendate": "20250901T000000Z"},
        {"url": "not a url", "title": "Broken"},
    ]
    body = json.dumps({"articles": articles}).encode()
    return Reply(200, {"Content-Type": "application/json; charset=utf-8"}, body)


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://hindi.example/">
  <title>हिंदी समाचार</title>
  <entry>
    <title>रक्षा मंत्री राजनाथ सिंह की चीन यात्रा</title>
    <link rel="alternate" href="/desh/rajnath-china"/>
    <published>2025-06-26T09:00:00+05:30</published>
    <summary type="html">&lt;p&gt;किंगदाओ में बैठक&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>मानसून ने मुंबई में दस्तक दी</title>
    <link href="https://hindi.example/mumbai/monsoon"/>
    <updated>2025-06-25T09:00:00Z</updated>
  </entry>
  <entry>
    <title>ज़िला अधिकारी ने बाढ़ राहत शिविर खोले</title>
    <link href="https://hindi.example/zila/flood"/>
    <updated>2025-06-24T09:00:00Z</updated>
  </entry>
</feed>
""".encode()

PUBLISHER_RSS = rss(
    [
        ("Rajnath Singh meets Chinese counterpart", "https://english.example/rajnath", None),
        ("Cricket final goes down to the last ball", "https://english.example/cricket", None),
        ("Ministers meet in Qingdao", "https://english.example/ministers", None),
    ]
)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    routes: dict[str, Route] = {
        "/rss/search": news_search,
        "/gdelt": gdelt_search,
        "/feeds/rss.xml": xml_reply(PUBLISHER_RSS),
        "/feeds/atom.xml": xml_reply(ATOM, "application/atom+xml"),
        "/down": Reply(500, {"Content-Type": "text/html"}, b"<h1>down</h1>"),
        "/bad.xml": xml_reply(b"<rss><channel><item><title>x</title></channel>"),
        "/bad.json": Reply(200, {"Content-Type": "application/json"}, b'{"articles": [{'),
        "/gdelt-says-no": Reply(
            200, {"Content-Type": "text/html"}, b"The specified phrase is too short.\n"
        ),
        "/page.html": Reply(200, {"Content-Type": "text/html"}, b"<html>a page</html>"),
    }
    with LoopbackServer(routes) as running:
        yield running


@pytest.fixture
def options() -> FetchOptions:
    return FetchOptions(
        allow_loopback=True,
        timeout=2.0,
        connect_timeout=1.0,
        retries=1,
        backoff_factor=0.0,
        per_host_delay=0.0,
    )


def queries_sent(server: LoopbackServer, path: str) -> list[dict[str, list[str]]]:
    return [parse_qs(e.request.query) for e in server.exchanges_for(path)]


# -- providers -----------------------------------------------------------------------------------


def test_google_news_rss_asks_in_each_language_and_keeps_the_window(
    server: LoopbackServer, options: FetchOptions
) -> None:
    provider = GoogleNewsRSS(server.url("/rss/search"), options=options)
    found = provider.find([HI_QUERY, EN_QUERY], window=WINDOW)
    sent = queries_sent(server, "/rss/search")
    assert [(p["hl"], p["gl"], p["ceid"]) for p in sent] == [
        (["hi"], ["IN"], ["IN:hi"]),
        (["en-IN"], ["IN"], ["IN:en"]),
    ]
    assert sent[0]["q"] == [f"{HI_QUERY.text} after:2025-06-23 before:2025-07-04"]
    assert sent[1]["q"] == [f"{EN_QUERY.text} after:2025-06-23 before:2025-07-04"]
    assert provider.warnings == []
    assert found == [
        Candidate(
            "https://news.example/rss/articles/hi?oc=5&utm_source=feed#top",  # kept as given
            "Story hi - Publisher",
            "2025-06-26",
            "news_rss",
            HI_QUERY.text,
        ),
        Candidate("https://news.example/undated/hi", "Undated hi", None, "news_rss", HI_QUERY.text),
        Candidate(
            "https://news.example/rss/articles/en?oc=5&utm_source=feed#top",
            "Story en - Publisher",
            "2025-06-26",
            "news_rss",
            EN_QUERY.text,
        ),
        Candidate("https://news.example/undated/en", "Undated en", None, "news_rss", EN_QUERY.text),
    ]
    # Without a window nothing is dropped and q is the query alone.
    unbounded = GoogleNewsRSS(server.url("/rss/search"), options=options)
    assert len(unbounded.find([EN_QUERY], window=None)) == 3
    assert queries_sent(server, "/rss/search")[-1]["q"] == [EN_QUERY.text]


def test_gdelt_is_asked_for_the_window_and_its_articles_read(
    server: LoopbackServer, options: FetchOptions
) -> None:
    provider = GDELTDoc(server.url("/gdelt"), options=options, max_records=50, min_interval=0)
    found = provider.find([EN_QUERY], window=WINDOW)
    (sent,) = queries_sent(server, "/gdelt")
    assert sent["startdatetime"] == ["20250623000000"]
    assert sent["enddatetime"] == ["20250703235959"]
    assert sent["query"] == ['"Rajnath Singh" meet']
    assert sent["maxrecords"] == ["50"]
    assert provider.warnings == []
    assert found == [
        Candidate(
            "https://wire.example/story?utm_medium=gdelt&id=7",
            "Wire story",
            "2025-06-26",
            "gdelt",
            EN_QUERY.text,
        )
    ]
    # No window: GDELT's own default span, no dates sent.
    provider.find([EN_QUERY], window=None)
    assert "startdatetime" not in queries_sent(server, "/gdelt")[-1]


def test_gdelt_keeps_to_its_rate_limit(server: LoopbackServer, options: FetchOptions) -> None:
    waits: list[float] = []
    provider = GDELTDoc(server.url("/gdelt"), options=options, min_interval=5.0, sleep=waits.append)
    provider.find([EN_QUERY, EN_QUERY_2, HI_QUERY], window=WINDOW)
    assert len(waits) == 2 and all(4.0 < wait <= 5.0 for wait in waits)


def test_feed_list_keeps_entries_that_name_a_query_party(
    server: LoopbackServer, options: FetchOptions
) -> None:
    folded = Query("ज़िला", "hi", ("ज़िला", "राहत"), (2,), ("ज़िला",))  # nukta in the term only
    provider = FeedList(
        [server.url("/feeds/rss.xml"), server.url("/feeds/atom.xml")], options=options
    )
    found = provider.find([HI_QUERY, EN_QUERY, folded], window=WINDOW)
    assert provider.warnings == []
    assert [(c.url, c.query, c.published) for c in found] == [
        ("https://english.example/rajnath", EN_QUERY.text, None),
        ("https://hindi.example/desh/rajnath-china", HI_QUERY.text, "2025-06-26"),
        ("https://hindi.example/zila/flood", "ज़िला", "2025-06-24"),
    ]
    assert found[0].title == "Rajnath Singh meets Chinese counterpart"
    assert {c.source for c in found} == {"feeds"}
    # Outside the window the dated entries go; the undated one stays.
    later = provider.find(
        [HI_QUERY, EN_QUERY], window=DateWindow(date(2026, 1, 1), date(2026, 2, 1))
    )
    assert [c.url for c in later] == ["https://english.example/rajnath"]


def test_a_failing_endpoint_is_one_warning_and_no_more_requests(
    server: LoopbackServer, options: FetchOptions
) -> None:
    provider = GoogleNewsRSS(server.url("/down"), options=options)
    assert provider.find([HI_QUERY, EN_QUERY, EN_QUERY_2], window=WINDOW) == []
    assert provider.warnings == [
        f"news_rss: HTTP 500 Internal Server Error (after 1 retries) from {server.url('/down')}; "
        "skipped the 2 remaining queries"
    ]
    assert server.hits("/down") == 2  # the first query and its one retry, nothing after


@pytest.mark.parametrize(
    ("make", "path", "expected"),
    [
        (GoogleNewsRSS, "/bad.xml", "news_rss: unreadable answer from {url}: not well-formed XML"),
        (GDELTDoc, "/bad.json", "gdelt: unreadable answer from {url}: not JSON: {{"),
        (GDELTDoc, "/gdelt-says-no", "gdelt: unreadable answer from {url}: not JSON: The spec"),
        (GoogleNewsRSS, "/page.html", "news_rss: content type text/html is not"),
    ],
)
def test_malformed_answers_are_warnings(
    server: LoopbackServer, options: FetchOptions, make: type, path: str, expected: str
) -> None:
    provider = make(server.url(path), options=options)
    if isinstance(provider, GDELTDoc):
        provider.min_interval = 0
    assert provider.find([EN_QUERY], window=WINDOW) == []
    (warning,) = provider.warnings
    assert warning.startswith(expected.format(url=server.url(path))), warning


def test_broken_publisher_feeds_are_warnings(server: LoopbackServer, options: FetchOptions) -> None:
    feeds = [server.url("/bad.xml"), server.url("/down"), server.url("/feeds/rss.xml")]
    provider = FeedList(feeds, options=options)
    found = provider.find([EN_QUERY], window=None)
    assert [c.url for c in found] == ["https://english.example/rajnath"]
    assert [w.split(":")[0] for w in provider.warnings] == ["feeds", "feeds"]
    assert "unreadable feed" in provider.warnings[0]
    assert "HTTP 500" in provider.warnings[1]


def test_unreachable_and_forbidden_endpoints_never_raise(options: FetchOptions) -> None:
    with LoopbackServer() as gone:
        dead = gone.url("/rss/search")
    refused = GoogleNewsRSS(dead, options=options)
    assert refused.find([EN_QUERY, EN_QUERY_2], window=None) == []
    assert refused.warnings == [
        f"news_rss: connection refused from {dead}; skipped the 1 remaining queries"
    ]
    # Default options keep the private-address guard on: a loopback endpoint is refused.
    guarded = GDELTDoc(dead, min_interval=0)
    assert guarded.find([EN_QUERY], window=None) == []
    assert "loopback address" in guarded.warnings[0]


def test_search_merges_providers_and_dedupes_urls(
    server: LoopbackServer, options: FetchOptions, tmp_path: Path
) -> None:
    listed = tmp_path / "urls.txt"
    listed.write_text(
        "# coverage\nhttps://wire.example/story?id=7&utm_source=list#comments\n"
        "https://other.example/a\n",
        encoding="utf-8",
    )
    providers: list[Provider] = [
        GDELTDoc(server.url("/gdelt"), options=options, min_interval=0),
        UrlList(listed),
        GoogleNewsRSS(server.url("/down"), options=options),
    ]
    result = search([EN_QUERY, EN_QUERY_2], providers=providers, window=WINDOW)
    assert [(c.url, c.source) for c in result.candidates] == [
        ("https://wire.example/story?id=7", "gdelt"),
        ("https://other.example/a", "urls"),
    ]
    assert len(result.warnings) == 1 and result.warnings[0].startswith("news_rss: HTTP 500")
    assert result.queries == (EN_QUERY, EN_QUERY_2)


def test_a_provider_that_breaks_costs_only_its_own_results() -> None:
    class Broken:
        name = "broken"
        warnings: list[str] = []

        def find(self, queries: Sequence[Query], *, window: DateWindow | None) -> list[Candidate]:
            raise RuntimeError("bug\nwith a second line")

    class Fixed:
        name = "fixed"
        warnings: list[str] = []

        def find(self, queries: Sequence[Query], *, window: DateWindow | None) -> list[Candidate]:
            return [Candidate("https://a.example/x#y", None, None, self.name, "")]

    result = search([EN_QUERY], providers=[Broken(), Fixed()])
    assert result.warnings == ("broken: failed: bug",)
    assert [c.url for c in result.candidates] == ["https://a.example/x"]


def test_discover_builds_queries_and_runs_them(
    server: LoopbackServer, options: FetchOptions
) -> None:
    from claims.extract import extract_claims

    claims = extract_claims(SEED.read_text(encoding="utf-8"))
    provider = GoogleNewsRSS(server.url("/rss/search"), options=options)
    result = discover(claims, language="hi", providers=[provider], window=WINDOW, max_queries=4)
    assert len(result.queries) == 4
    assert server.hits("/rss/search") == 4
    # Every query of a language finds the same story: listed once.
    assert [c.url for c in result.candidates] == [
        "https://news.example/rss/articles/hi?oc=5",
        "https://news.example/undated/hi",
        "https://news.example/rss/articles/en?oc=5",
        "https://news.example/undated/en",
    ]
    assert result.warnings == ()
    empty = discover([], language="en", providers=[provider])
    assert empty.candidates == () and "no queries" in empty.warnings[0]


def test_url_list_and_local_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        UrlList(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="not found"):
        LocalCorpus(tmp_path / "missing")
    corpus = LocalCorpus(CORPUS)
    everything = corpus.find([], window=None)
    assert len(everything) == 12 and corpus.warnings == []
    in_window = corpus.find([], window=WINDOW)
    assert len(in_window) == 10  # two pages are about events a year or weeks away
    assert all(c.published and "2025-06-23" <= c.published <= "2025-07-03" for c in in_window)
    assert all(c.title and c.source == "corpus" and c.query == "" for c in in_window)
    empty = LocalCorpus(tmp_path)
    assert empty.find([], window=None) == []
    assert "no .html files" in empty.warnings[0]


def test_warc_files_in_a_corpus(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        b"<html><head><title>Saved story</title>"
        b'<meta property="article:published_time" content="2025-06-27T08:00:00+05:30">'
        b"</head><body>text</body></html>"
    )
    with (tmp_path / "crawl.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, content_type in (
            ("https://saved.example/story", "text/html; charset=utf-8"),
            ("https://saved.example/logo.png", "image/png"),
        ):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(page), http_headers=headers
            )
            writer.write_record(record)
    corpus = LocalCorpus(tmp_path)
    assert corpus.find([], window=WINDOW) == [
        Candidate("https://saved.example/story", "Saved story", "2025-06-27", "corpus", "")
    ]
    assert corpus.warnings == []


# -- small pieces ---------------------------------------------------------------------------------


def test_clean_url() -> None:
    assert clean_url("https://A.example/x?utm_source=a&id=3&UTM_Medium=b#frag") == (
        "https://a.example/x?id=3"
    )
    assert clean_url("https://a.example/x?b=2&a=1") == "https://a.example/x?b=2&a=1"
    assert clean_url("https://a.example?fbclid=z") == "https://a.example/"
    assert clean_url("file:///tmp/a.html#x") == "file:///tmp/a.html"


def test_date_window() -> None:
    window = DateWindow.around(date(2025, 6, 26), 3, 7)
    assert window == WINDOW
    assert window.contains(date(2025, 6, 23)) and window.contains(date(2025, 7, 3))
    assert not window.contains(date(2025, 7, 4))
    assert window.contains(None)
    with pytest.raises(ValueError, match="before it starts"):
        DateWindow(date(2025, 6, 2), date(2025, 6, 1))


def test_parse_feed_rss1_relative_links_and_dates() -> None:
    rdf = b"""<?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://rdf.example/"><title>t</title></channel>
      <item rdf:about="https://rdf.example/a"><title>A &amp; B</title>
        <dc:date>2025-06-26</dc:date></item>
    </rdf:RDF>"""
    (entry,) = parse_feed(rdf)
    assert (entry.link, entry.title, entry.published) == (
        "https://rdf.example/a",
        "A & B",
        date(2025, 6, 26),
    )
    atom = parse_feed(ATOM, base_url="https://hindi.example/feed.xml")
    assert atom[0].link == "https://hindi.example/desh/rajnath-china"
    assert atom[0].summary == "किंगदाओ में बैठक"
    assert parse_date("Thu, 26 Jun 2025 23:30:00 +0530") == date(2025, 6, 26)
    assert parse_date("yesterday") is None


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><body>not a feed</body></html>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>',
    ],
)
def test_parse_feed_refuses_what_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(body)


def test_page_facts_reads_title_and_date() -> None:
    title, published = page_facts(
        b"<html><head><meta name='date' content='2025-06-26'><title> A\n title </title></head>"
    )
    assert (title, published) == ("A title", date(2025, 6, 26))
    assert page_facts(b"no html at all") == (None, None)


def test_providers_from_settings(tmp_path: Path) -> None:
    settings = Settings(feeds=["https://feeds.example/rss"], gdelt_min_interval=1.5)
    made = providers_from_settings(settings)
    assert [p.name for p in made] == ["news_rss", "gdelt"]
    assert isinstance(made[1], GDELTDoc) and made[1].min_interval == 1.5
    made = providers_from_settings(settings, ["feeds"], corpus=CORPUS)
    assert [p.name for p in made] == ["feeds", "corpus"]
    with pytest.raises(InputError, match="unknown provider 'bing'"):
        providers_from_settings(settings, ["bing"])
    with pytest.raises(InputError, match="SATYAPAN_FEEDS"):
        providers_from_settings(Settings(), ["feeds"])
    with pytest.raises(InputError, match="--urls"):
        providers_from_settings(settings, ["urls"])


# -- the CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli_env(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SATYAPAN_ALLOW_PRIVATE_HOSTS", "true")
    monkeypatch.setenv("SATYAPAN_NEWS_RSS_ENDPOINT", server.url("/rss/search"))
    monkeypatch.setenv("SATYAPAN_GDELT_ENDPOINT", server.url("/gdelt"))
    monkeypatch.setenv("SATYAPAN_GDELT_MIN_INTERVAL", "0")
    monkeypatch.setenv("SATYAPAN_FETCH_RETRIES", "0")
    monkeypatch.setenv("SATYAPAN_FETCH_PER_HOST_DELAY", "0")
    monkeypatch.setenv(
        "SATYAPAN_FEEDS", f"{server.url('/feeds/rss.xml')}, {server.url('/feeds/atom.xml')}"
    )
    monkeypatch.delenv("SATYAPAN_DISCOVERY_PROVIDERS", raising=False)


def test_cli_discover_json(
    cli_env: None, server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "sources", "discover", str(SEED), "--date", "2025-06-26",
        "--provider", "news_rss", "--provider", "gdelt", "--provider", "feeds", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"queries", "window", "candidates", "warnings"}
    assert data["window"] == ["2025-06-23", "2025-07-03"]
    assert data["warnings"] == []
    queries = data["queries"]
    assert 0 < len(queries) <= 12 and {q["language"] for q in queries} == {"hi", "en"}
    assert set(queries[0]) == {"text", "language", "terms", "claims", "entities"}
    sources = [c["source"] for c in data["candidates"]]
    assert sources == ["news_rss"] * 4 + ["gdelt"] + ["feeds"] * 2
    assert data["candidates"][4] == {
        "url": "https://wire.example/story?id=7",
        "title": "Wire story",
        "published": "2025-06-26",
        "source": "gdelt",
        "query": data["candidates"][4]["query"],
    }
    gdelt_sent = queries_sent(server, "/gdelt")
    assert len(gdelt_sent) == len(queries)
    assert {p["startdatetime"][0] for p in gdelt_sent} == {"20250623000000"}
    # Nothing but the endpoints (and their robots.txt) was asked for: no page was fetched.
    assert {e.request.path for e in server.exchanges} <= {
        "/rss/search", "/gdelt", "/feeds/rss.xml", "/feeds/atom.xml", "/robots.txt",
    }  # fmt: skip


def test_cli_discover_text_and_warnings(
    cli_env: None,
    server: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SATYAPAN_GDELT_ENDPOINT", server.url("/down"))
    monkeypatch.setenv("SATYAPAN_DISCOVERY_MAX_QUERIES", "2")
    code, out, err = run(capsys, "sources", "discover", str(SEED), "--date", "2025-06-26")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Queries (2):"
    assert lines[1].startswith("  [hi] ") and lines[2].startswith("  [en] ")
    assert lines[3] == "Window: 2025-06-23 to 2025-07-03"
    assert lines[4] == "Candidates (4):"
    assert lines[5] == "  Story hi - Publisher  (2025-06-26, news_rss)"
    assert lines[6] == "    https://news.example/rss/articles/hi?oc=5"
    assert lines[7] == "  Undated hi  (undated, news_rss)"
    assert err == (
        f"Warning: gdelt: HTTP 500 Internal Server Error from {server.url('/down')}; "
        "skipped the 1 remaining queries\n"
    )


def test_cli_discover_with_a_url_list_and_corpus_only(
    cli_env: None, server: LoopbackServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listed = tmp_path / "urls.txt"
    listed.write_text("https://listed.example/a\n", encoding="utf-8")
    code, out, err = run(
        capsys, "sources", "discover", str(SEED), "--provider", "urls", "--urls", str(listed),
        "--corpus", str(CORPUS), "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["window"] is None  # the seed gives no full date and none was given
    assert [c["source"] for c in data["candidates"]] == ["urls"] + ["corpus"] * 12
    assert server.exchanges == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--provider", "bing"], "Error: unknown provider 'bing'; choose from: news_rss, gdelt,"),
        (["--date", "26/06/2025"], "Error: --date must be YYYY-MM-DD, not '26/06/2025'"),
        (["--provider", "urls"], "Error: provider urls needs a URL list file (--urls)"),
        (["--corpus", "/no/such/folder"], "Error: corpus folder /no/such/folder not found"),
    ],
)
def test_cli_discover_bad_input_is_one_line(
    cli_env: None, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "sources", "discover", str(SEED), *args)
    assert code == 1 and out == ""
    assert err.startswith(message) and err.count("\n") == 1, err


def test_cli_discover_missing_article(cli_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sources", "discover", "/no/such/article.txt", "--provider", "gdelt")
    assert (code, err) == (1, "Error: article file /no/such/article.txt not found\n")
