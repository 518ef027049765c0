"""Whole-flow fuzz: 2,000 generated coverage pages, about a third of them hostile (broken
markup, invalid UTF-8, a lying charset, 60 KB lines, emoji and Urdu only, empty pages, giant
tables, control characters, zero-width joiners), through `satyapan verify --corpus`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import models
from db.engine import make_engine, session_scope
from tests.conftest import EXAMPLES
from tests.support.cli import run
from tests.support.fuzzpages import write_pages

PAGES = int(os.environ.get("SATYAPAN_FUZZ_PAGES", "2000"))


@pytest.mark.usefixtures("prefect_harness")
def test_two_thousand_generated_pages_go_through_with_no_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    folder = tmp_path / "pages"
    write_pages(folder, PAGES)
    db = f"sqlite:///{tmp_path / 'fuzz.db'}"
    seed = EXAMPLES / "sco-qingdao-2025.hi.txt"
    code, out, err = run(capsys, "verify", str(seed), "--corpus", str(folder), "--db", db)
    assert code == 0, err
    assert "failed" not in err  # no page raised anywhere: reading, analysis or matching
    with session_scope(make_engine(db)) as s:
        run_row = s.scalars(select(models.Run)).one()
        documents = s.scalar(select(func.count()).select_from(models.Document))
        faults = s.scalar(select(func.count()).where(models.Document.failed.is_not(None)))
    assert run_row.outcome == "ok" and run_row.counts["pages_failed"] == 0
    assert documents == PAGES and faults == 0
    # Most pages are readable; the unreadable ones have an outcome that says why.
    assert run_row.counts["documents_ok"] >= 0.9 * PAGES
