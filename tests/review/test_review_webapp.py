"""The reviewer web app over real HTTP on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import uvicorn

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
from review.webapp import create_app
from tests.support.databases import BACKENDS, empty_database

TEXT = "Eight gates of the dam were opened on Thursday."


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
    engine.dispose()
    return database_url, claim_id


@pytest.fixture
def app_url(seeded: tuple[str, int]) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(seeded[0]), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_pages_show_claims_evidence_and_escape_text(app_url: str, seeded: tuple[str, int]) -> None:
    _, claim_id = seeded
    index = requests.get(app_url + "/", timeout=10)
    assert index.status_code == 200 and "Dam &lt;gates&gt;" in index.text
    page = requests.get(f"{app_url}/claims/{claim_id}", timeout=10)
    assert page.status_code == 200
    assert "<mark>Six gates</mark> of the dam were opened." in page.text
    assert "differs: 8 gate vs 6 gate" in page.text


def test_review_form_and_api_record_the_decision(app_url: str, seeded: tuple[str, int]) -> None:
    _, claim_id = seeded
    posted = requests.post(
        f"{app_url}/claims/{claim_id}/review",
        data={"status": "verified", "note": "Collector confirmed eight", "reviewer": "asha"},
        allow_redirects=False,
        timeout=10,
    )
    assert posted.status_code == 303
    data = requests.get(f"{app_url}/api/claims/{claim_id}", timeout=10).json()
    assert data["ok"] and data["claim"]["status"] == "verified"
    assert data["claim"]["history"][-1]["note"] == "Collector confirmed eight"
    back = requests.post(
        f"{app_url}/api/claims/{claim_id}/review",
        json={"status": "release", "note": "Let the pipeline decide", "reviewer": "asha"},
        timeout=10,
    ).json()
    assert back["claim"]["status"] == "disputed"


def test_api_errors_have_one_shape(app_url: str, seeded: tuple[str, int]) -> None:
    _, claim_id = seeded
    missing = requests.get(f"{app_url}/api/claims/9999", timeout=10)
    assert missing.status_code == 404
    assert missing.json() == {"ok": False, "error": "claim 9999 not found", "status": 404}
    no_note = requests.post(
        f"{app_url}/api/claims/{claim_id}/review", json={"status": "false", "note": " "}, timeout=10
    )
    assert no_note.status_code == 400 and no_note.json()["ok"] is False
    bad = requests.get(f"{app_url}/api/claims?status=bogus", timeout=10)
    assert bad.json() == {"ok": False, "error": "unknown status 'bogus'", "status": 400}


def test_exports_are_served(app_url: str, seeded: tuple[str, int]) -> None:
    md = requests.get(f"{app_url}/articles/1/export.md", timeout=10)
    assert md.status_code == 200 and md.text.startswith("# Fact sheet: Dam <gates>")
    assert requests.get(f"{app_url}/articles/1/export.pdf", timeout=10).status_code == 404


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
    page = requests.get(f"{app_url}/articles/{article_id}", timeout=10)
    assert page.status_code == 200
    assert f"Run {run.id}," in page.text and ": ok; 2 of 3 pages read; 1 failed" in page.text
    assert "<li>https://c.example/&lt;x&gt;: KeyError: &#x27;d&#x27;</li>" in page.text
