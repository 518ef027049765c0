"""Fault isolation: one page, one analysis, one claim that raises never sinks a run.

The faults are injected (monkeypatched) because a known crash is a bug we fix: what these
tests check is that the next unknown one stays with its page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from db import models
from db.engine import make_engine, session_scope
from tests.conftest import EXAMPLES
from tests.support.cli import run

SEED = EXAMPLES / "sco-qingdao-2025.hi.txt"
CORPUS = EXAMPLES / "coverage"
POISON = "poisoned-page"  # a word on the page whose reading raises
HOSTILE = "hostile-analysis"  # a word in the text whose analysis raises


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The demo coverage plus a page whose extraction raises and one whose analysis does."""
    folder = tmp_path / "coverage"
    shutil.copytree(CORPUS, folder)
    paragraph = "".join(
        f"<p>Markets in Mumbai closed higher on day {day} of the month as {n} banks gained.</p>"
        for day, n in ((3, 4), (4, 9), (5, 2), (6, 7), (7, 5), (8, 3))
    )
    for name, marker in (("en-poisoned.html", POISON), ("en-hostile.html", HOSTILE)):
        (folder / name).write_text(
            f"<html><head><title>{name}</title></head><body><article>{paragraph}"
            f"<p>One more line: {marker}.</p></article></body></html>",
            encoding="utf-8",
        )
    return folder


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> None:
    import claims.coverage
    from flows import steps

    real_extract = steps.extract_page
    real_facts = claims.coverage._sentence_facts  # what reads each sentence of a page

    def extract_page(body: bytes, **kwargs: object) -> object:
        if POISON.encode() in body:
            raise KeyError("d")  # as "USD 5.43 billion" once did
        return real_extract(body, **kwargs)  # type: ignore[arg-type]

    def sentence_facts(text: str, glossary: object) -> object:
        if HOSTILE in text:
            raise ValueError("cannot read this sentence")
        return real_facts(text, glossary)

    monkeypatch.setattr(steps, "extract_page", extract_page)
    monkeypatch.setattr(claims.coverage, "_sentence_facts", sentence_facts)


@pytest.mark.usefixtures("prefect_harness", "faults")
def test_a_page_that_raises_is_recorded_and_the_run_goes_on(sqlite_url: str, corpus: Path) -> None:
    from flows.verify import verify_article

    summary = verify_article(
        text=SEED.read_text(encoding="utf-8"),
        source="seed.txt",
        database_url=sqlite_url,
        corpus=str(corpus),
    )
    pages = {p["url"].rsplit("/", 1)[-1]: p["error"] for p in summary["failed_pages"]}
    assert summary["pages_failed"] == 2
    assert pages == {
        "en-poisoned.html": "KeyError: 'd'",
        "en-hostile.html": "ValueError: cannot read this sentence",
    }
    assert summary["documents_ok"] == 13  # the 12 demo pages and the hostile one were read
    with session_scope(make_engine(sqlite_url)) as s:
        run_row = s.scalars(select(models.Run)).one()
        failed = {
            url.rsplit("/", 1)[-1]: (outcome, error)
            for url, outcome, error in s.execute(
                select(models.Document.url, models.Document.outcome, models.Document.failed)
            )
            if error
        }
        statuses = set(s.scalars(select(models.Claim.status)))
    assert run_row.outcome == "ok" and run_row.counts["pages_failed"] == 2
    assert failed == {
        "en-poisoned.html": ("failed", "KeyError: 'd'"),
        "en-hostile.html": ("ok", "ValueError: cannot read this sentence"),
    }
    # Every other page still counted: the demo's claims are decided as without the faults.
    assert {"corroborated", "disputed"} <= statuses


@pytest.mark.usefixtures("prefect_harness", "faults")
def test_verify_says_what_failed_and_runs_show_lists_it(
    tmp_path: Path,
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "200")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out, err = run(capsys, "verify", str(SEED), "--corpus", str(corpus), "--db", db)
    assert code == 0, err
    assert "13 pages read, 2 failed: see `satyapan runs show 1`" in err.splitlines()

    code, out, err = run(capsys, "runs", "show", "1", "--db", db)
    assert code == 0, err
    assert out.splitlines()[0] == "Run 1 of article 1: ok"
    assert "13 of 14 pages read, 2 failed" in out
    assert "KeyError: 'd'" in out and "ValueError: cannot read this sentence" in out

    code, out, err = run(capsys, "runs", "list", "--json", "--db", db)
    (listed,) = json.loads(out)
    assert listed["id"] == 1 and listed["outcome"] == "ok" and listed["pages_failed"] == 2
    code, out, err = run(capsys, "runs", "list", "--db", db)
    assert code == 0 and out.splitlines()[1].split()[:2] == ["1", "1"]

    code, out, err = run(capsys, "runs", "show", "99", "--db", db)
    assert code == 1 and err == "Error: run 99 not found\n"
