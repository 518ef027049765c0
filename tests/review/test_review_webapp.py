"""The reviewer web app over real HTTP on 127.0.0.1, on SQLite and PostgreSQL: accounts and
roles, CSRF and Origin checks, allowed hosts, security headers, API validation, exports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from claims.model import (
    Claim,
    ClaimClass,
    ClaimType,
    EvidenceMatch,
    KeyFacts,
    Stance,
    Status,
    Verdict,
)
from db import repo
from db.engine import ensure_schema, make_engine, session_scope
from review.auth import hash_password
from review.webapp import create_app
from tests.support.appserver import served
from tests.support.databases import BACKENDS, empty_database

TEXT = "Eight gates of the dam were opened on Thursday."
PASSWORD = "correct horse battery"
HASH = hash_password(PASSWORD)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def seeded(database_url: str) -> tuple[str, int]:
    engine = make_engine(database_url)
    ensure_schema(engine)
    claim = Claim(
        TEXT,
        TEXT,
        (0, len(TEXT)),
        0,
        ClaimType.QUANTITY,
        ClaimClass.CHECKWORTHY,
        0.9,
        KeyFacts(),
        "en",
    )
    with session_scope(engine) as s:
        article = repo.save_article(
            s, source="https://news.example/a", text=TEXT, language="en", title="Dam <gates>"
        )
        (row,) = repo.save_claims(s, article.id, [claim])
        doc = repo.save_document(
            s,
            url="https://b.example/1",
            outcome="ok",
            publisher="B",
            text="Six gates of the dam were opened.",
            language="en",
        )
        match = EvidenceMatch(
            0,
            doc.url,
            "Six gates of the dam were opened.",
            (0, 33),
            (0, 9),
            81.0,
            Stance.CONTRADICTS,
            (),
            ("8 gate vs 6 gate",),
        )
        repo.replace_evidence(s, row.id, [(doc.id, match)], run_id=None)
        repo.apply_verdict(
            s, row.id, Verdict(Status.DISPUTED, 0.7, "1 reports 6 gate (B)"), run_id=None
        )
        claim_id = row.id
        for name, role in (("vera", "viewer"), ("asha", "reviewer"), ("eddie", "editor")):
            repo.add_user(s, name=name, role=role, password_hash=HASH)
    engine.dispose()
    return database_url, claim_id


@pytest.fixture
def app_url(seeded: tuple[str, int]) -> Iterator[str]:
    app = create_app(seeded[0], secret_key="test-secret", allowed_hosts=["127.0.0.1"])
    with served(app) as url:
        yield url


def _csrf(page: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', page)
    assert m, page[:500]
    return m.group(1)


def login(app_url: str, name: str) -> requests.Session:
    browser = requests.Session()
    form = browser.get(f"{app_url}/login", timeout=10)
    done = browser.post(
        f"{app_url}/login",
        data={"name": name, "password": PASSWORD, "csrf": _csrf(form.text), "next": "/"},
        allow_redirects=False,
        timeout=10,
    )
    assert done.status_code == 303, done.text[:300]
    return browser


def test_pages_need_a_login_and_the_api_says_401(app_url: str) -> None:
    page = requests.get(f"{app_url}/claims/1", allow_redirects=False, timeout=10)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fclaims%2F1"
    api = requests.get(f"{app_url}/api/claims", timeout=10)
    assert api.status_code == 401
    assert api.json() == {"ok": False, "error": "log in first", "status": 401}


def test_pages_show_claims_evidence_and_escape_text(app_url: str, seeded: tuple[str, int]) -> None:
    _, claim_id = seeded
    viewer = login(app_url, "vera")
    index = viewer.get(app_url + "/", timeout=10)
    assert index.status_code == 200 and "Dam &lt;gates&gt;" in index.text
    assert '<meta name="viewport"' in index.text and "/static/app.css" in index.text
    page = viewer.get(f"{app_url}/claims/{claim_id}", timeout=10)
    assert page.status_code == 200
    assert "<mark>Six gates</mark> of the dam were opened." in page.text
    assert "differs: 8 gate vs 6 gate" in page.text
    assert "Your decision" not in page.text  # a viewer reads, does not decide
    css = viewer.get(f"{app_url}/static/app.css", timeout=10)
    assert css.status_code == 200 and "Noto Sans Devanagari" in css.text


def test_wrong_passwords_are_refused_and_then_limited(app_url: str) -> None:
    browser = requests.Session()
    token = _csrf(browser.get(f"{app_url}/login", timeout=10).text)
    codes = [
        browser.post(
            f"{app_url}/login",
            data={"name": "asha", "password": "wrong password!", "csrf": token},
            allow_redirects=False,
            timeout=10,
        ).status_code
        for _ in range(6)
    ]
    assert codes == [401] * 5 + [429]


def test_a_reviewer_decides_as_themselves_and_sees_it_saved(
    app_url: str, seeded: tuple[str, int]
) -> None:
    _, claim_id = seeded
    reviewer = login(app_url, "asha")
    page = reviewer.get(f"{app_url}/claims/{claim_id}", timeout=10).text
    posted = reviewer.post(
        f"{app_url}/claims/{claim_id}/review",
        data={"status": "verified", "note": "Collector confirmed eight", "csrf": _csrf(page)},
        allow_redirects=False,
        timeout=10,
    )
    assert posted.status_code == 303
    shown = reviewer.get(f"{app_url}{posted.headers['location']}", timeout=10).text
    assert "Saved: claim 1 is now verified by a reviewer (by asha)." in shown
    data = reviewer.get(f"{app_url}/api/claims/{claim_id}", timeout=10).json()
    assert data["ok"] and data["claim"]["status"] == "verified"
    last = data["claim"]["history"][-1]
    assert (last["by"], last["note"]) == ("asha", "Collector confirmed eight")
    token = reviewer.get(f"{app_url}/api/session", timeout=10).json()["csrf"]
    back = reviewer.post(
        f"{app_url}/api/claims/{claim_id}/review",
        json={"status": "release", "note": "Let the pipeline decide"},
        headers={"X-CSRF-Token": token},
        timeout=10,
    ).json()
    assert back["claim"]["status"] == "disputed"


def test_csrf_from_another_origin_or_without_a_token_changes_nothing(
    app_url: str, seeded: tuple[str, int]
) -> None:
    _, claim_id = seeded
    reviewer = login(app_url, "asha")
    token = _csrf(reviewer.get(f"{app_url}/claims/{claim_id}", timeout=10).text)
    evil = reviewer.post(
        f"{app_url}/claims/{claim_id}/review",
        data={"status": "false", "note": "x", "csrf": token},
        headers={"Origin": "http://evil.example"},
        allow_redirects=False,
        timeout=10,
    )
    assert evil.status_code == 403
    tokenless = reviewer.post(
        f"{app_url}/claims/{claim_id}/review",
        data={"status": "false", "note": "x"},
        allow_redirects=False,
        timeout=10,
    )
    assert tokenless.status_code == 403
    api = reviewer.post(
        f"{app_url}/api/claims/{claim_id}/review",
        json={"status": "false", "note": "x"},
        timeout=10,
    )
    assert api.status_code == 403 and api.json()["ok"] is False
    status = reviewer.get(f"{app_url}/api/claims/{claim_id}", timeout=10).json()["claim"]
    assert status["status"] == "disputed"


def test_roles_viewers_cannot_decide_and_reviewers_cannot_publish(
    app_url: str, seeded: tuple[str, int]
) -> None:
    _, claim_id = seeded
    viewer = login(app_url, "vera")
    token = viewer.get(f"{app_url}/api/session", timeout=10).json()["csrf"]
    refused = viewer.post(
        f"{app_url}/api/claims/{claim_id}/review",
        json={"status": "false", "note": "x"},
        headers={"X-CSRF-Token": token},
        timeout=10,
    )
    assert refused.status_code == 403
    assert refused.json()["error"] == "a reviewer may do this; you are a viewer"
    reviewer = login(app_url, "asha")
    assert reviewer.get(f"{app_url}/articles/1/export.md", timeout=10).status_code == 403
    assert reviewer.get(f"{app_url}/users", timeout=10).status_code == 403


def test_only_reviewer_decisions_and_valid_bodies_are_accepted(
    app_url: str, seeded: tuple[str, int]
) -> None:
    _, claim_id = seeded
    reviewer = login(app_url, "asha")
    token = reviewer.get(f"{app_url}/api/session", timeout=10).json()["csrf"]

    def post(
        body: object, raw: bytes | None = None, path: str = f"/api/claims/{claim_id}/review"
    ) -> requests.Response:
        return reviewer.post(
            f"{app_url}{path}",
            **({"data": raw} if raw is not None else {"json": body}),
            headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
            timeout=30,
        )

    for body in (
        {"status": "corroborated", "note": "x"},  # the pipeline's status
        {"status": "pending", "note": "x"},
        {"status": None, "note": "x"},
        {"status": "false", "note": {"a": 1}},
        {"status": "false"},
        {"status": "false", "note": "n" * 10_000_001},
        {"status": "false", "note": "x", "reviewer": "somebody else"},
        [1, 2],
    ):
        answer = post(body)
        assert answer.status_code == 400, (
            body if len(str(body)) < 200 else "big",
            answer.text[:200],
        )
        assert set(answer.json()) == {"ok", "error", "status"} and answer.json()["ok"] is False
    assert post(None, raw=b"not json").status_code == 400
    huge = post({"status": "false", "note": "x"}, path=f"/api/claims/{2**63}/review")
    assert huge.status_code == 400 and huge.json()["ok"] is False
    assert reviewer.get(f"{app_url}/api/claims/{2**64}", timeout=10).status_code == 400
    page = reviewer.get(f"{app_url}/claims/abc", timeout=10)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    missing = reviewer.get(f"{app_url}/api/claims/9999", timeout=10)
    assert missing.json() == {"ok": False, "error": "claim 9999 not found", "status": 404}
    bad = reviewer.get(f"{app_url}/api/claims?status=bogus", timeout=10)
    assert bad.json() == {"ok": False, "error": "unknown status 'bogus'", "status": 400}
    status = reviewer.get(f"{app_url}/api/claims/{claim_id}", timeout=10).json()["claim"]
    assert status["status"] == "disputed"


def test_other_host_names_are_refused_and_headers_are_strict(app_url: str) -> None:
    rebound = requests.get(f"{app_url}/login", headers={"Host": "attacker.example"}, timeout=10)
    assert rebound.status_code == 400
    page = requests.get(f"{app_url}/login", timeout=10)
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    cookie = page.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert requests.get(f"{app_url}/api/docs", timeout=10).status_code == 404


def test_editors_publish_sheets_that_escape_and_carry_decisions(
    app_url: str, seeded: tuple[str, int]
) -> None:
    _, claim_id = seeded
    reviewer = login(app_url, "asha")
    token = reviewer.get(f"{app_url}/api/session", timeout=10).json()["csrf"]
    hostile = "<img src=x onerror=alert(1)> [link](javascript:alert(1))"
    reviewer.post(
        f"{app_url}/api/claims/{claim_id}/review",
        json={"status": "false", "note": hostile},
        headers={"X-CSRF-Token": token},
        timeout=10,
    ).raise_for_status()
    editor = login(app_url, "eddie")
    md = editor.get(f"{app_url}/articles/1/export.md", timeout=10)
    assert md.status_code == 200 and md.text.startswith("# Fact sheet: Dam &lt;gates&gt;")
    assert "<img" not in md.text and "](javascript" not in md.text
    assert "Decided by asha on" in md.text
    assert md.headers["content-disposition"] == 'attachment; filename="article-1-factsheet.md"'
    csv_text = editor.get(f"{app_url}/articles/1/export.csv", timeout=10).content.decode("utf-8")
    assert csv_text.startswith("\ufeffarticle,article_title,claim_id,claim,status,pipeline_status")
    assert "asha" in csv_text and "disputed" in csv_text
    reviews = editor.get(f"{app_url}/articles/1/export.claimreview", timeout=10).json()
    (review,) = reviews
    assert review["url"].endswith(f"/{claim_id}") and review["datePublished"]
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["itemReviewed"]["author"]["name"] == "news.example"
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/a"
    html_sheet = editor.get(f"{app_url}/articles/1/export.html", timeout=10).text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_sheet and "<img" not in html_sheet
    assert editor.get(f"{app_url}/articles/1/export.pdf", timeout=10).status_code == 404


def test_the_list_filters_searches_and_queues(app_url: str, seeded: tuple[str, int]) -> None:
    viewer = login(app_url, "vera")
    assert "Eight gates" in viewer.get(f"{app_url}/?q=gates", timeout=10).text
    empty = viewer.get(f"{app_url}/?q=nothing-like-this", timeout=10).text
    assert "No claims match these filters." in empty
    queue = viewer.get(f"{app_url}/?queue=1", timeout=10).text
    assert "Eight gates" in queue and "Needs review" in queue
    assert "Eight gates" not in viewer.get(f"{app_url}/?status=verified", timeout=10).text


def test_the_article_page_shows_its_runs_and_failed_pages(
    app_url: str, seeded: tuple[str, int]
) -> None:
    database_url, _ = seeded
    engine = make_engine(database_url)
    with session_scope(engine) as s:
        article = repo.list_articles(s)[0]
        run = repo.start_run(s, article_id=article.id, flow_run_id=None)
        repo.finish_run(
            s,
            run.id,
            outcome="ok",
            counts={
                "claims": 1,
                "documents": 3,
                "documents_ok": 2,
                "pages_failed": 1,
                "failed_pages": [{"url": "https://c.example/<x>", "error": "KeyError: 'd'"}],
            },
        )
        article_id = article.id
    engine.dispose()
    page = login(app_url, "vera").get(f"{app_url}/articles/{article_id}", timeout=10)
    assert page.status_code == 200
    assert f"Run {run.id}," in page.text and ": ok; 2 of 3 pages read; 1 failed" in page.text
    assert "<li>https://c.example/&lt;x&gt;: KeyError: &#39;d&#39;</li>" in page.text
