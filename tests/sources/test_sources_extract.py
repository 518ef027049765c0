"""Extraction of realistic news pages: main text only, metadata, every encoding decoded right."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import replace

import pytest

from satyapan.errors import ExtractError
from sources.extract import (
    Page,
    TooLittleTextError,
    declared_charset,
    decode_html,
    detect_language,
    extract_page,
    host_name,
)
from sources.fetch import FetchOptions, fetch_url
from tests.conftest import EXAMPLES, ROOT
from tests.support.httpserver import LoopbackServer

HINDI_URL = "https://www.samachar-darpan.example/videsh/rajnath-belousov-qingdao-sco"
MOJIBAKE = ("à¤", "Ã", "â€", "\ufffd")


def assert_clean_devanagari(text: str) -> None:
    assert "राजनाथ सिंह" in text
    assert "आंद्रेई बेलोसोव" in text
    for broken in MOJIBAKE:
        assert broken not in text


def test_hindi_news_page_main_text_without_nav_related_or_comments(hindi_html: bytes) -> None:
    page = extract_page(hindi_html, url=HINDI_URL)
    assert_clean_devanagari(page.text)
    assert "एस-400 एयर डिफेंस सिस्टम की डिलीवरी" in page.text
    assert "जिसमें 26 लोगों की जान गई थी" in page.text
    assert "पाठक टिप्पणी" not in page.text  # comments
    assert "टेक्नोलॉजी" not in page.text  # navigation
    assert "सेंसेक्स" not in page.text  # related stories
    assert "मानसून" not in page.text  # "also read" box inside the article
    assert "सर्वाधिकार" not in page.text  # footer


def test_hindi_news_page_metadata(hindi_html: bytes) -> None:
    page = extract_page(hindi_html, url=HINDI_URL)
    assert page == Page(
        url=HINDI_URL,
        final_url=HINDI_URL,
        title="राजनाथ सिंह ने किंगदाओ में रूसी रक्षा मंत्री बेलोसोव से की मुलाकात",
        text=page.text,
        published="2025-06-27",
        site_name="समाचार दर्पण",
        author="अमित शर्मा",  # trafilatura alone cuts the final vowel sign: "अमित शर्म"
        language="hi",
        content_hash=hashlib.sha256(page.text.encode("utf-8")).hexdigest(),
    )


def test_english_news_page(english_html: bytes) -> None:
    url = "https://www.dailyledger.example/world/asia/rajnath-singh-belousov-qingdao"
    page = extract_page(english_html, url=url, final_url=url + "?amp=1")
    assert page.final_url == url + "?amp=1"
    assert page.title == (
        "India’s Rajnath Singh meets Russia’s Belousov in Qingdao, discusses S-400 deliveries"
    )
    assert page.site_name == "The Daily Ledger"
    assert page.published == "2025-06-26"
    assert page.author == "Priya Raman"
    assert page.language == "en"
    assert "in which 26 people were killed, calling it “cowardly and horrific”" in page.text
    assert "presented him with a Madhubani painting" in page.text
    for boilerplate in ("Reader comment", "Oil prices", "Subscribe", "All rights reserved"):
        assert boilerplate not in page.text


def test_the_byline_search_is_asked_for_not_done_by_default() -> None:
    # The page's metadata names no author; only its byline does. trafilatura's search of
    # the whole page costs about as much as the text extraction, for a field unused so far.
    body = (EXAMPLES / "coverage" / "en-northernherald-qingdao.html").read_bytes()
    url = "https://northernherald.example/news/qingdao"
    assert extract_page(body, url=url).author is None
    searched = extract_page(body, url=url, find_byline=True)
    assert searched.author == "Herald News Service"
    assert searched == replace(extract_page(body, url=url), author="Herald News Service")


def test_links_to_other_stories_are_not_the_articles_text() -> None:
    # Real pages put "Also read: <a>…</a>" teasers inside the article body and lists of
    # linked headlines beside it; a paragraph mostly made of link text is no prose, in any
    # wording. A sentence with a link in it stays.
    prose = "The special court acquitted the former minister on Tuesday after a long trial. "
    body = (
        "<html><head><title>A headline</title></head><body><article>"
        f"<p>{prose * 3}</p>"
        '<p class="also">Also read: <a href="/x">Karnataka ex-minister gets 4 years in'
        " Rs 5.2 crore DA case</a></p>"
        '<p>ये भी पढ़ें: <a href="/y">कोटद्वार बाईपास का काम मार्च 2026 तक पूरा होगा</a></p>'
        '<h3><a href="/z">Five killed as a jeep falls into a gorge</a></h3>'
        f'<p>{prose * 2} The <a href="/cbi">CBI</a> will appeal against the verdict.</p>'
        "</article></body></html>"
    ).encode()
    page = extract_page(body, url="https://ledger.example/news/1")
    assert "will appeal against the verdict" in page.text
    assert "CBI" in page.text
    for teaser in ("4 years", "कोटद्वार", "Five killed", "Also read", "ये भी पढ़ें"):
        assert teaser not in page.text


def test_reader_comments_are_not_the_articles_text() -> None:
    # A brief whose comment section trafilatura does not know ("m-comments": its rules know
    # classes that start with "comment"): the reader's "25 बच्चे मरे हैं" is no report.
    page_file = ROOT / "tests/eval-blind/en-vaccine-drive/pages/hi-pragjyotishdarpan-sankshep.html"
    page = extract_page(page_file.read_bytes(), url="https://pragjyotishdarpan.example/je")
    assert "टीकाकरण" in page.text
    assert "25 बच्चे" not in page.text and "कोई दिक्कत नहीं हुई" not in page.text


def test_a_page_whose_wrapper_class_mentions_comments_keeps_its_text() -> None:
    prose = "The court acquitted the former minister on Tuesday after a trial of 14 years. "
    body = (
        '<html><head><title>A headline</title></head><body><div class="post comments-open">'
        f"<h1>A headline</h1><p>{prose * 4}</p></div></body></html>"
    ).encode()
    assert "acquitted the former minister" in extract_page(body, url="https://l.example/3").text


def test_site_name_falls_back_to_the_host_without_www() -> None:
    body = (
        b"<html><head><title>A headline</title></head><body><article>"
        + (
            b"<p>"
            + b"The council approved the budget on Monday after a long debate. " * 6
            + b"</p>"
        )
        + b"</article></body></html>"
    )
    page = extract_page(body, url="https://www.example.org/news/1")
    assert page.site_name == "example.org"
    page = extract_page(body, url="file:///corpus/1.html")
    assert page.site_name is None


# --- encodings ------------------------------------------------------------------------------


def test_utf8_without_any_charset(hindi_html: bytes) -> None:
    assert b"charset" not in hindi_html.lower()
    assert_clean_devanagari(extract_page(hindi_html, url=HINDI_URL).text)


def test_utf8_with_bom(hindi_html: bytes) -> None:
    page = extract_page(codecs.BOM_UTF8 + hindi_html, url=HINDI_URL)
    assert_clean_devanagari(page.text)
    assert page.title is not None and not page.title.startswith("\ufeff")


def test_utf16_with_bom(hindi_html: bytes) -> None:
    body = hindi_html.decode("utf-8").encode("utf-16")  # BOM included
    assert_clean_devanagari(extract_page(body, url=HINDI_URL).text)


def test_windows_1252_with_a_correct_meta(cp1252_html: bytes) -> None:
    with pytest.raises(UnicodeDecodeError):
        cp1252_html.decode("utf-8")
    page = extract_page(cp1252_html, url="https://zeitung.example/cafe")
    assert "city’s “naïve”" in page.text
    assert "costing €5 million" in page.text
    assert "déjà vu" in page.text and "Renée Müller" in page.text
    assert page.title == "Café owners in Zürich count the cost"


def test_windows_1252_declared_only_by_the_http_header(cp1252_html: bytes) -> None:
    body = cp1252_html.replace(b"charset=windows-1252", b"")
    page = extract_page(body, url="https://zeitung.example/cafe", charset="windows-1252")
    assert "costing €5 million" in page.text


def test_xhtml_with_an_xml_encoding_declaration(cp1252_html: bytes) -> None:
    body = b'<?xml version="1.0" encoding="windows-1252"?>\n' + cp1252_html.replace(
        b"charset=windows-1252", b""
    )
    assert "costing €5 million" in extract_page(body, url="https://zeitung.example/x").text


def test_a_lying_latin1_label_does_not_break_valid_utf8(hindi_html: bytes) -> None:
    # What requests does by default; valid UTF-8 wins over the label.
    page = extract_page(hindi_html, url=HINDI_URL, charset="iso-8859-1")
    assert_clean_devanagari(page.text)


def test_pages_fetched_from_the_server_decode_right(
    coverage_server: LoopbackServer, loopback_options: FetchOptions
) -> None:
    for path in ("/hindi", "/bom", "/no-type", "/gzipped"):
        result = fetch_url(coverage_server.url(path), options=loopback_options)
        assert result.body is not None, path
        page = extract_page(result.body, url=result.url, charset=result.charset)
        assert_clean_devanagari(page.text)
    for path in ("/cp1252", "/cp1252-header"):
        result = fetch_url(coverage_server.url(path), options=loopback_options)
        assert result.body is not None and result.charset in (None, "windows-1252")
        page = extract_page(result.body, url=result.url, charset=result.charset)
        assert "costing €5 million" in page.text, path


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1252">', "windows-1252"),
        (b"<META CHARSET=Shift_JIS>", "shift_jis"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso-8859-1"),
        (b'<?xml version="1.0" encoding="koi8-r"?><html>', "koi8-r"),
        (b"<html><head><title>x</title>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


def test_decode_html_maps_latin1_labels_to_windows_1252() -> None:
    body = '<meta charset="iso-8859-1"><p>“quoted” €</p>'.encode("cp1252")
    assert "“quoted” €" in decode_html(body)


def test_decode_html_survives_undecodable_bytes() -> None:
    assert isinstance(decode_html(b"<html>\xff\xfe\xfa bad \x81</html>"), str)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><body></body></html>",
        b"\x00\x01\x02 binary junk",
        b"<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>",
    ],
)
def test_no_main_text_is_an_extract_error(body: bytes) -> None:
    with pytest.raises(ExtractError) as caught:
        extract_page(body, url="https://example.org/empty")
    assert caught.value.url == "https://example.org/empty"
    assert "\n" not in str(caught.value)


def test_too_little_text_is_an_extract_error_with_the_counts() -> None:
    body = (
        b"<html><head><title>Brief</title></head><body><article>"
        b"<p>The minister arrived in Qingdao on Wednesday evening for the talks.</p>"
        b"</article></body></html>"
    )
    with pytest.raises(TooLittleTextError) as caught:
        extract_page(body, url="https://example.org/brief")
    assert isinstance(caught.value, ExtractError)
    assert caught.value.url == "https://example.org/brief"
    assert caught.value.min_chars == 200
    assert str(caught.value) == f"too little text ({caught.value.chars} chars, need 200)"
    page = extract_page(body, url="https://example.org/brief", min_chars=20)
    assert "arrived in Qingdao" in page.text


# --- language and hosts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("राजनाथ सिंह", "hi"),
        ("रक्षा मंत्री ने चीन में बैठक में भाग लिया।", "hi"),
        ("Defence Minister Rajnath Singh met his Russian counterpart on Thursday.", "en"),
        ("Le ministre indien de la Défense a rencontré son homologue russe à Qingdao jeudi.", "fr"),
        ("भारत ने SCO के साझा बयान पर हस्ताक्षर करने से इनकार कर दिया (joint statement)", "hi"),
        ("India", None),
        ("2025-06-27 10:30", None),
        ("", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_detect_language_tells_marathi_from_hindi_on_longer_text() -> None:
    marathi = (
        "मुंबई महानगरपालिकेच्या निवडणुकीसाठी आज मतदान होत असून सर्व पक्षांनी जोरदार प्रचार केला आहे. "
        "मतदारांनी मोठ्या संख्येने मतदान करावे असे आवाहन निवडणूक आयोगाने केले आहे. "
        "शहरातील अनेक मतदान केंद्रांवर सकाळपासूनच लांब रांगा दिसत होत्या आणि पोलिसांनी कडक बंदोबस्त ठेवला होता."
    )
    assert detect_language(marathi) == "mr"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/x", "example.com"),
        ("http://news.example.co.in:8080/a?b", "news.example.co.in"),
        ("file:///tmp/a.html", None),
        ("not a url", None),
    ],
)
def test_host_name(url: str, expected: str | None) -> None:
    assert host_name(url) == expected


def test_a_page_dated_tomorrow_in_a_time_zone_ahead_keeps_its_date() -> None:
    # 06:30 in India on the next day is still today in UTC: the page's own date stands
    # (trafilatura's ceiling of today would drop it and guess another); a date two days
    # ahead is no publication date.
    from datetime import UTC, datetime, timedelta

    def page(day: str) -> bytes:
        text = " ".join(["The council met on Monday and passed the budget for the year."] * 8)
        return (
            f'<html><head><meta property="article:published_time" content="{day}T06:30:00+05:30">'
            f"<title>Budget passed</title></head><body><article><p>{text}</p></article>"
            "</body></html>"
        ).encode()

    now = datetime.now(UTC)
    tomorrow = (now + timedelta(days=1)).date().isoformat()
    later = (now + timedelta(days=3)).date().isoformat()
    assert extract_page(page(tomorrow), url="https://ahead.example/1").published == tomorrow
    assert extract_page(page(later), url="https://ahead.example/2").published != later
