"""The whole pipeline at 12, 200 and 1,000 pages: Satyapan against its own parts and a plain script.

    .venv/bin/python bench/pipeline.py [--sizes 12,200,1000] [--tree DIR] [--again N]

Coverage is generated: pages on varied hosts and dates, their paragraphs drawn from the
demo's coverage and from unrelated articles, with copies of one wire story among them (10,
or a quarter of the pages when fewer than 40), saved as a --corpus folder. The article is
the demo's. Each size goes through, each in a fresh process:

- cli cold: `satyapan verify` on a new SATYAPAN_HOME: no caches, no background process yet
  (the command starts it: a fresh machine's first run);
- cli temporary: `satyapan verify` with Prefect's temporary per-command server (the way
  every command ran before the background process, SATYAPAN_PREFECT_SERVER=temporary), its
  PREFECT_HOME made by an earlier run;
- cli warm: `satyapan verify` with its background process running (the Prefect API and a
  warm runner, see flows/background.py);
- steps: the same `flows/steps.py` functions called in order, without Prefect (stage times);
- plain: trafilatura.extract each page, one rapidfuzz `process.cdist` (token_set_ratio) of
  the article's sentences against every page sentence, one executemany into SQLite.

With ``--again N``, the warm run at the largest size is repeated N times, each with a new
database, and the peak of each is printed: what one background process keeps from run to run.

Every run has a new database. Peak memory is the largest resident set of the command's
process tree plus, for the warm run, the background server's own peak. With ``--tree``,
the code is taken from that checkout (for before/after: `git worktree add`). Ratios are
from this one run.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "sco-qingdao-2025.hi.txt"
DATE = "2025-06-26"
# The article sets whose paragraphs make the pages' other stories (pinned, see paragraph_pool).
OTHER_SETS = (
    "articles",
    "autumn",
    "blind",
    "dawn",
    "dusk",
    "editorials",
    "heldout",
    "summer",
    "unseen",
    "vault",
    "views",
)


# -- coverage --------------------------------------------------------------------------


def paragraph_pool() -> tuple[list[str], list[str]]:
    """(paragraphs about the event, paragraphs about other things)."""
    import trafilatura

    event = []
    for page in sorted((ROOT / "examples" / "coverage").glob("*.html")):
        text = trafilatura.extract(page.read_text(encoding="utf-8")) or ""
        event.extend(p for p in text.splitlines() if len(p) > 60)
    other = []
    # (the sets there were when the benchmark was last compared across rounds: a new set
    # would change the pages, and the figures with them)
    for article in sorted(
        p for name in OTHER_SETS for p in (ROOT / "tests" / "data" / name).glob("*.txt")
    ):
        text = article.read_text(encoding="utf-8")
        other.extend(p.strip() for p in text.splitlines() if len(p.strip()) > 60)
    return event, other


def make_corpus(folder: Path, pages: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    event, other = paragraph_pool()
    wire = rng.sample(event, min(6, len(event)))
    copies = 10 if pages >= 40 else pages // 4
    wire_at = set(rng.sample(range(pages), copies))
    folder.mkdir(parents=True)
    for i in range(pages):
        host = f"news{i % 61}-{rng.randint(1, 9)}.example"
        day = 20 + rng.randint(0, 9)
        if i in wire_at:
            paragraphs = list(wire)
        else:
            paragraphs = rng.sample(event, rng.randint(2, 5)) + rng.sample(other, rng.randint(1, 4))
            rng.shuffle(paragraphs)
        title = html.escape(paragraphs[0][:70])
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
        (folder / f"page-{i:04d}.html").write_text(
            "<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>{title}</title>"
            f"<link rel='canonical' href='https://{host}/story/{i}'>"
            f"<meta property='og:site_name' content='{host.split('.')[0]}'>"
            f"<meta property='article:published_time' content='2025-06-{day}T09:00:00+05:30'>"
            f"</head><body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{body}"
            "</article><footer>© Example News</footer></body></html>",
            encoding="utf-8",
        )


# -- runs ------------------------------------------------------------------------------


def tree_rss_mb(root: int, extra: tuple[int, ...] = ()) -> float:
    """Resident memory of ``root``, its descendants and ``extra`` processes, together (MB)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat[1])
        rss[int(entry.name)] = int(stat[21]) * resource.getpagesize()
    wanted = {root, *extra}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in wanted and pid not in wanted:
                wanted.add(pid)
                grew = True
    return sum(rss.get(pid, 0) for pid in wanted) / 2**20


def run(
    args: list[str], env: dict[str, str], tree: Path, also: tuple[int, ...] = ()
) -> tuple[float, float, str]:
    """Wall seconds, peak memory of the command's process tree (and ``also``), stdout."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, env=env, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(process.pid, also))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate(timeout=3600)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        mode = env.get("SATYAPAN_PREFECT_SERVER")
        raise SystemExit(f"{args[3:5]} ({mode}) failed: {err.strip()[-2000:]}")
    return seconds, peak, out


def server_pid(home: Path) -> tuple[int, ...]:
    try:
        data = json.loads((home / "prefect" / "server.json").read_text(encoding="utf-8"))
        return (int(data["server_pid"]),)
    except (OSError, ValueError, KeyError):
        return ()


def cli_env(home: Path, db: Path, tree: Path, mode: str) -> dict[str, str]:
    (home / "client-prefect").mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SATYAPAN_"))}
    env.update(
        SATYAPAN_HOME=str(home),
        SATYAPAN_DATABASE_URL=f"sqlite:///{db}",
        SATYAPAN_PREFECT_SERVER=mode,
        PREFECT_HOME=str(home / "client-prefect"),
        PYTHONPATH=str(tree),
    )
    return env


def verify_args(corpus: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "review.cli",
        "verify",
        str(ARTICLE),
        "--corpus",
        str(corpus),
        "--date",
        DATE,
    ]


STEPS_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
from flows import steps
stages = {"imports": time.perf_counter() - t0}
def stage(name, started):
    stages[name] = stages.get(name, 0.0) + time.perf_counter() - started
    return time.perf_counter()
db, article, corpus, date = sys.argv[1:5]
text = open(article, encoding="utf-8").read()
t = time.perf_counter()
article_id, run_id = steps.start(db, source=article, text=text, title=None, flow_run_id=None,
                                 published=date)
window = steps.date_window(date, 3, 7)
t = stage("start", t)
claims = steps.claims_of(text, None)
t = stage("extract claims", t)
claim_ids = steps.store_claims(db, article_id, run_id, claims)
t = stage("store claims", t)
results = steps.corpus_results(corpus)
outcomes = [steps.read_page(r) for r in results]
t = stage("read pages", t)
groups = steps.syndication_groups(outcomes)
t = stage("syndication", t)
document_ids = steps.store_documents(db, outcomes, groups)
t = stage("store documents", t)
coverage = steps.coverage_of(outcomes, groups)
evidence, failures = steps.match_pages(claims, coverage, None, None, window, date)
t = stage("match", t)
steps.record_failures(db, run_id, failures)
counts = steps.store_verdicts(db, run_id, claim_ids, evidence, coverage, document_ids)
steps.finish(db, run_id, counts=counts.as_dict())
t = stage("verdicts", t)
print(json.dumps(stages))
"""

PLAIN_SCRIPT = r"""
import re, sqlite3, sys
from pathlib import Path
import trafilatura
from rapidfuzz import fuzz, process
db, article, corpus = sys.argv[1:4]
split = re.compile(r"(?<=[.!?।])\s+")
claims = [s for s in split.split(open(article, encoding="utf-8").read()) if len(s) > 20]
rows = []
for page in sorted(Path(corpus).glob("*.html")):
    text = trafilatura.extract(page.read_text(encoding="utf-8")) or ""
    rows.extend((page.name, s) for s in split.split(text) if len(s) > 20)
scores = process.cdist(claims, [s for _, s in rows], scorer=fuzz.token_set_ratio, workers=1)
con = sqlite3.connect(db)
con.execute("CREATE TABLE evidence (claim INTEGER, page TEXT, sentence TEXT, score REAL)")
best = scores.argmax(axis=1)
con.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?)",
                [(i, rows[j][0], rows[j][1], float(scores[i, j])) for i, j in enumerate(best)])
con.commit()
"""


def stop_background(home: Path, tree: Path) -> None:
    env = cli_env(home, home / "x.db", tree, "background")
    subprocess.run(
        [sys.executable, "-m", "review.cli", "server", "stop"],
        env=env,
        cwd=tree,
        capture_output=True,
        timeout=120,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="12,200,1000")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument(
        "--again",
        type=int,
        default=0,
        help="warm runs to repeat at the largest size, each with a new database (does the "
        "background process keep what a run used?)",
    )
    args = parser.parse_args()
    tree = args.tree.resolve()
    sizes = [int(n) for n in args.sizes.split(",")]
    background = (tree / "flows" / "background.py").exists()
    print(f"code: {tree}  (background server: {'yes' if background else 'no'})")
    tmp = Path(tempfile.mkdtemp(prefix="satyapan-pipeline-"))
    warm_home = tmp / "warm-home"
    try:
        corpus = tmp / "warm-up"
        make_corpus(corpus, 12, seed=1)
        # Prefect's own home migrated once, as on a machine that ran Satyapan before.
        run(verify_args(corpus), cli_env(tmp / "temp-home", tmp / "t.db", tree, "temporary"), tree)
        if background:  # start the server and make the caches once, before any timing
            run(
                verify_args(corpus),
                cli_env(warm_home, tmp / "warm-up.db", tree, "background"),
                tree,
            )
        for n in sizes:
            corpus = tmp / f"corpus-{n}"
            make_corpus(corpus, n)
            times: dict[str, float] = {}
            peaks: dict[str, float] = {}
            db = tmp / f"{n}-%s.db"
            if background:
                times["cli cold"], peaks["cli cold"], _ = run(
                    verify_args(corpus),
                    cli_env(tmp / f"cold-{n}", Path(str(db) % "cold"), tree, "background"),
                    tree,
                )
                stop_background(tmp / f"cold-{n}", tree)
            times["cli temporary"], peaks["cli temporary"], _ = run(
                verify_args(corpus),
                cli_env(tmp / "temp-home", Path(str(db) % "temp"), tree, "temporary"),
                tree,
            )
            if background:
                times["cli warm"], peaks["cli warm"], _ = run(
                    verify_args(corpus),
                    cli_env(warm_home, Path(str(db) % "warm"), tree, "background"),
                    tree,
                    server_pid(warm_home),
                )
            env = cli_env(warm_home, tmp / "unused.db", tree, "background")
            times["steps"], peaks["steps"], out = run(
                [
                    sys.executable,
                    "-c",
                    STEPS_SCRIPT,
                    f"sqlite:///{str(db) % 'steps'}",
                    str(ARTICLE),
                    str(corpus),
                    DATE,
                ],
                env,
                tree,
            )
            stages = json.loads(out.strip().splitlines()[-1])
            times["plain"], peaks["plain"], _ = run(
                [sys.executable, "-c", PLAIN_SCRIPT, str(db) % "plain", str(ARTICLE), str(corpus)],
                env,
                tree,
            )
            report(n, times, peaks, stages)
            if background and args.again and n == max(sizes):
                again = [peaks["cli warm"]]
                for k in range(args.again):
                    again.append(
                        run(
                            verify_args(corpus),
                            cli_env(warm_home, Path(str(db) % f"again{k}"), tree, "background"),
                            tree,
                            server_pid(warm_home),
                        )[1]
                    )
                print("  peak of each warm run in a row: " + ", ".join(f"{p:.0f}" for p in again))
    finally:
        if background:
            stop_background(warm_home, tree)
        shutil.rmtree(tmp, ignore_errors=True)


def report(
    n: int, times: dict[str, float], peaks: dict[str, float], stages: dict[str, float]
) -> None:
    print(f"\n== {n} pages ==")
    for name, seconds in times.items():
        print(f"  {name:14s} {seconds:7.2f} s   peak {peaks[name]:6.0f} MB")
    steps, plain = times["steps"], times["plain"]
    for name in ("cli cold", "cli temporary", "cli warm"):
        if name in times:
            print(
                f"  {name} ÷ steps without Prefect: {times[name] / steps:5.2f}×   "
                f"÷ plain script: {times[name] / plain:5.2f}×"
            )
    if "cli warm" in times:
        share = (times["cli warm"] - steps) / times["cli warm"]
        print(f"  Prefect's share of the warm run: {100 * share:.0f} %")
    total = sum(stages.values())
    print(
        "  stages (steps without Prefect): "
        + ", ".join(f"{k} {v:.2f} s ({100 * v / total:.0f} %)" for k, v in stages.items())
    )


if __name__ == "__main__":
    main()
