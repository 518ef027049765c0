"""kill -9 trials: stop a real `satyapan verify` process at a random moment, run it again,
and check what the store holds (no duplicates, reviewer decisions kept, the killed run marked
interrupted, the next run complete). Used by tests/flows/test_flows_crash.py (a few trials)
and bench/crash_trials.py (the trial table of the README)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from db import models
from db.engine import make_engine, session_scope

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "sco-qingdao-2025.hi.txt"
CORPUS = ROOT / "examples" / "coverage"
SATYAPAN = [sys.executable, "-c", "from review.cli import main; main()"]


@dataclass
class Trial:
    backend: str
    kill_after: float  # seconds after the start
    killed: bool  # False when the run had finished before the kill
    run_rows_before_kill: int
    interrupted_marked: bool
    duplicates: int
    decision_kept: bool
    rerun_ok: bool

    left_running: int = 0  # Runs the killed process left "running"

    @property
    def stage(self) -> str:
        if not self.killed:
            return "had finished"
        if not self.run_rows_before_kill:
            return "starting (no Run yet)"
        return "Run open" if self.left_running else "Run closed, exiting"

    def row(self) -> str:
        marked = "-" if not self.left_running else "yes" if self.interrupted_marked else "NO"
        return (
            f"| {self.backend} | {self.kill_after:.1f} s | {self.stage} | {marked} "
            f"| {self.duplicates} | {'yes' if self.decision_kept else 'NO'} "
            f"| {'yes' if self.rerun_ok else 'NO'} |"
        )


# A running Prefect API for the processes (tests pass their harness's: each cold CLI run
# would otherwise start a temporary one); None for the cold, realistic runs of the bench.
API_URL: str | None = None


def satyapan(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SATYAPAN, *args], capture_output=True, text=True, env=env(home), cwd=ROOT, check=False
    )


def env(home: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    out.update(SATYAPAN_HOME=str(home), COLUMNS="200", PYTHONPATH=str(ROOT))
    if API_URL:
        out["PREFECT_API_URL"] = API_URL
    return out


def prepare(db: str, home: Path) -> int:
    """A first complete run and one reviewer decision; the id of the reviewed claim."""
    done = satyapan("verify", str(SEED), "--corpus", str(CORPUS), "--db", db, home=home)
    assert done.returncode == 0, done.stderr
    with session_scope(make_engine(db)) as s:
        claim_id = s.scalars(select(models.Claim.id).order_by(models.Claim.id)).first()
    assert claim_id is not None
    review = satyapan(
        "claims", "review", str(claim_id), "--status", "verified", "--note", "checked",
        "--by", "asha", "--db", db, home=home,
    )  # fmt: skip
    assert review.returncode == 0, review.stderr
    return int(claim_id)


def duplicates(db: str) -> int:
    """Rows that repeat what a unique fact of the store allows once."""
    with session_scope(make_engine(db)) as s:
        extra = 0
        for columns in (
            (models.Claim.article_id, models.Claim.span_start, models.Claim.span_end,
             models.Claim.text_hash),
            (models.Evidence.claim_id, models.Evidence.document_id),
            (models.Document.url,),
            (models.Article.content_hash,),
        ):  # fmt: skip
            counted = select(*columns, func.count().label("n")).group_by(*columns)
            extra += sum(n - 1 for *_, n in s.execute(counted))
        # One "claim extracted" entry per claim, however often it was extracted.
        extracted = (
            select(models.StatusChange.claim_id, func.count().label("n"))
            .where(models.StatusChange.note == "claim extracted")
            .group_by(models.StatusChange.claim_id)
        )
        extra += sum(n - 1 for _, n in s.execute(extracted))
    return extra


def trial(
    backend: str,
    db: str,
    home: Path,
    claim_id: int,
    rng: random.Random,
    span: float = 9.0,
    in_run: bool = False,
) -> Trial:
    """Start a verify, kill its whole process group at a random moment of the first ``span``
    seconds (with ``in_run``: of the first ``span`` seconds after its Run row is written),
    then verify again."""
    engine = make_engine(db)
    with session_scope(engine) as s:
        runs_before = s.scalar(select(func.max(models.Run.id))) or 0
    start = time.monotonic()
    proc = subprocess.Popen(
        [*SATYAPAN, "verify", str(SEED), "--corpus", str(CORPUS), "--db", db],
        env=env(home),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its Prefect server and workers die with it
    )
    if in_run:
        while proc.poll() is None and time.monotonic() - start < 120:
            with session_scope(engine) as s:
                if (s.scalar(select(func.max(models.Run.id))) or 0) > runs_before:
                    break
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, span))
    else:
        time.sleep(rng.uniform(0.3, span))
    kill_after = time.monotonic() - start
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with session_scope(make_engine(db)) as s:
        started = s.scalars(select(models.Run).where(models.Run.id > runs_before)).all()
        left_running = [r.id for r in started if r.outcome == "running"]
    rerun = satyapan("verify", str(SEED), "--corpus", str(CORPUS), "--db", db, home=home)
    with session_scope(make_engine(db)) as s:
        outcomes = {r.id: r.outcome for r in s.scalars(select(models.Run))}
        claim = s.get(models.Claim, claim_id)
        decision_kept = claim is not None and claim.status == "verified" and claim.held_by == "asha"
        last = s.scalars(select(models.Run).order_by(models.Run.id.desc())).first()
    return Trial(
        backend=backend,
        kill_after=kill_after,
        killed=killed,
        run_rows_before_kill=len(started),
        interrupted_marked=bool(left_running)
        and all(outcomes[i] == "interrupted" for i in left_running),
        duplicates=duplicates(db),
        decision_kept=decision_kept,
        rerun_ok=rerun.returncode == 0 and last is not None and last.outcome == "ok",
        left_running=len(left_running),
    )
