"""Crash safety with real processes: kill -9 in the middle of `satyapan verify`, and two
verify runs of one article at once on PostgreSQL (bench/crash_trials.py runs more trials)."""

from __future__ import annotations

import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import models
from db.engine import make_engine, session_scope
from tests.support import crash
from tests.support.databases import BACKENDS, empty_database, postgres_database


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    with empty_database(request.param, tmp_path) as url:
        yield request.param, url


@pytest.fixture
def api(prefect_harness: None) -> Iterator[None]:
    """The processes talk to the session's Prefect API instead of each starting one."""
    from prefect.settings import PREFECT_API_URL

    crash.API_URL = PREFECT_API_URL.value()
    yield
    crash.API_URL = None


@pytest.mark.usefixtures("api")
def test_kill_9_mid_run_loses_nothing_and_the_next_run_completes(
    database_url: tuple[str, str], tmp_path: Path
) -> None:
    backend, db = database_url
    home = tmp_path / "home"
    claim_id = crash.prepare(db, home)
    # Killed while its Run is open (at a random moment of its first quarter second: claims,
    # fetching, matching or storing): the run is marked interrupted by the next one. The
    # demo's run can close its Run in under half a second, so a kill may come after it:
    # such a trial must lose nothing either, and another is tried.
    rng = random.Random(9)
    caught_open = False
    for _ in range(6):
        t = crash.trial(backend, db, home, claim_id, rng, span=0.25, in_run=True)
        assert t.run_rows_before_kill >= 1
        assert t.duplicates == 0
        assert t.decision_kept
        assert t.rerun_ok
        if t.killed and t.left_running:
            assert t.interrupted_marked
            caught_open = True
            break
    assert caught_open, "no kill came while the Run was open"
    with session_scope(make_engine(db)) as s:
        assert "running" not in set(s.scalars(select(models.Run.outcome)))


@pytest.mark.usefixtures("api")
def test_two_runs_of_one_article_at_once_on_postgresql(tmp_path: Path) -> None:
    with postgres_database() as db:
        args = ["verify", str(crash.SEED), "--corpus", str(crash.CORPUS), "--db", db]
        procs = [
            subprocess.Popen(
                [*crash.SATYAPAN, *args],
                env=crash.env(tmp_path / f"home{i}"),
                cwd=crash.ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(2)
        ]
        results = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
        assert crash.duplicates(db) == 0
        with session_scope(make_engine(db)) as s:
            outcomes = list(s.scalars(select(models.Run.outcome)))
            articles = s.scalar(select(func.count()).select_from(models.Article))
        assert outcomes == ["ok", "ok"] and articles == 1
