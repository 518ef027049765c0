"""kill -9 trials: `satyapan verify` killed at random moments on SQLite and PostgreSQL.

    .venv/bin/python bench/crash_trials.py [--trials 10] [--seed 1]

Each trial starts a real, cold `satyapan verify` of the demo article (its own temporary
Prefect API, as a newsroom machine runs it), kills its whole process group with SIGKILL at a
random moment (odd trials: any moment of the first 9 s, start-up included; even trials: a
random moment of the first 3 s after its Run row is written), runs verify again and checks
the store. Prints the trial table of the README's reliability section. Needs the PostgreSQL
server on 127.0.0.1:5432 (user postgres, trust auth, database test).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support import crash  # noqa: E402
from tests.support.databases import postgres_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print("| database | killed after | the run was | left running → interrupted "
          "| duplicate rows | reviewer decision kept | next run ok |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        for backend in ("sqlite", "postgresql"):
            if backend == "sqlite":
                run_trials(backend, f"sqlite:///{Path(tmp) / 'crash.db'}", home, rng, args)
            else:
                with postgres_database() as url:
                    run_trials(backend, url, home, rng, args)


def run_trials(
    backend: str, db: str, home: Path, rng: random.Random, args: argparse.Namespace
) -> None:
    claim_id = crash.prepare(db, home)
    for i in range(args.trials):
        in_run = i % 2 == 1
        t = crash.trial(
            backend, db, home, claim_id, rng, span=3.0 if in_run else 9.0, in_run=in_run
        )
        print(t.row(), flush=True)


if __name__ == "__main__":
    main()
