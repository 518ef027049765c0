"""The reviewer app in a real browser: Playwright driving Debian's chromium (no browser
download) against a real server on 127.0.0.1. Screenshots go to build/test-artifacts/."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

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

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("SATYAPAN_TEST_ARTIFACTS", "build/test-artifacts"))
PASSWORD = "correct horse battery"
TEXT = "बांध के आठ गेट गुरुवार को खोले गए।"
HOSTILE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">Six gates'

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (dev.py installs it)"
)


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'browser.db'}"
    engine = make_engine(url)
    ensure_schema(engine)
    claim = Claim(
        TEXT, TEXT, (0, len(TEXT)), 0, ClaimType.QUANTITY, ClaimClass.CHECKWORTHY, 0.9,
        KeyFacts(), "hi",
    )  # fmt: skip
    with session_scope(engine) as s:
        article = repo.save_article(
            s, source="https://news.example/dam", text=TEXT, language="hi", title="बांध के गेट"
        )
        (row,) = repo.save_claims(s, article.id, [claim])
        doc = repo.save_document(
            s, url="https://b.example/1", outcome="ok", publisher="B <b>", text=HOSTILE
        )
        match = EvidenceMatch(
            0, doc.url, HOSTILE, (0, len(HOSTILE)), (0, 8), 81.0, Stance.CONTRADICTS, (),
            ("8 gate vs 6 gate",),
        )  # fmt: skip
        repo.replace_evidence(s, row.id, [(doc.id, match)], run_id=None)
        repo.apply_verdict(s, row.id, Verdict(Status.DISPUTED, 0.7, "1 reports 6"), run_id=None)
        repo.add_user(s, name="asha", role="reviewer", password_hash=hash_password(PASSWORD))
    engine.dispose()
    app = create_app(url, secret_key="browser-secret", allowed_hosts=["127.0.0.1"])
    with served(app) as base:
        yield base


@pytest.fixture
def evil_site(app_url: str) -> Iterator[str]:
    """Another origin whose page auto-submits a decision to the app (the CSRF attempt)."""
    page = (
        f'<form id="f" method="post" action="{app_url}/claims/1/review">'
        '<input name="status" value="false"><input name="note" value="pwned">'
        '<input name="csrf" value="guess"></form><script>document.getElementById("f").submit()'
        "</script>"
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def browser_page() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


def test_a_reviewer_logs_in_filters_opens_decides_and_sees_history(
    app_url: str, evil_site: str, browser_page: object
) -> None:
    from playwright.sync_api import Page, expect

    page: Page = browser_page  # type: ignore[assignment]
    page.goto(f"{app_url}/claims/1")
    expect(page).to_have_url(f"{app_url}/login?next=%2Fclaims%2F1")
    page.get_by_label("Name").fill("asha")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Claim 1")
    # The hostile quote is shown as text and runs nothing.
    expect(page.locator(".contradicts li")).to_contain_text("<script>window.__xss = 1</script>")
    assert page.evaluate("window.__xss") is None
    page.screenshot(path=str(ARTIFACTS / "claim-phone.png"), full_page=True)

    page.goto(f"{app_url}/")
    page.get_by_label("Search").fill("गेट")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table.claims tbody tr")).to_have_count(1)
    page.get_by_role("link", name=TEXT).click()
    expect(page.locator("mark").first).to_have_text(TEXT)  # the claim in its place

    page.once("dialog", lambda dialog: dialog.accept())  # "Save this decision?"
    page.get_by_label("Decision (d)").select_option("verified")
    page.get_by_label("Note (required: what you checked)").fill("Collector confirmed eight")
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_role("status")).to_have_text(
        "Saved: claim 1 is now verified by a reviewer (by asha)."
    )
    history = page.locator("table").last
    expect(history).to_contain_text("disputed → verified")
    expect(history).to_contain_text("Collector confirmed eight")
    page.screenshot(path=str(ARTIFACTS / "decided.png"), full_page=True)

    # Another origin's page auto-submits a decision with the reviewer's cookie: refused.
    page.goto(evil_site)
    page.wait_for_load_state()
    page.goto(f"{app_url}/api/claims/1")
    assert '"status":"verified"' in page.content().replace(" ", "")
    assert "pwned" not in page.content()
    page.screenshot(path=str(ARTIFACTS / "after-csrf-attempt.png"))
