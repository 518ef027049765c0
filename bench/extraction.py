"""Claim extraction throughput on mixed Hindi/English news text, as ratios measured in one run.

    .venv/bin/python bench/extraction.py [--sentences 10000]

Prints: extraction time as a multiple of a plain regex sentence split of the same text (with
Apertium's morphology, as the pipeline runs, and on text rules alone), and the time at 1x, 2x
and 4x the text to show that cost grows linearly with size.
"""

from __future__ import annotations

import argparse
import random
import re
import time
import tracemalloc
from functools import partial
from pathlib import Path

from claims.extract import extract_claims as extract_rules_only
from claims.segment import split_sentences
from satyapan.apertium import morphology

extract_claims = partial(extract_rules_only, morphology=morphology())

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "examples" / "sco-qingdao-2025.hi.txt",
    *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")),
]
PLAIN_SPLIT = re.compile(r"(?<=[।.!?])\s*")


def corpus(n_sentences: int, seed: int = 7) -> str:
    """A text of about ``n_sentences`` sentences drawn from the bundled articles."""
    pool = [s.text for path in SOURCES for s in split_sentences(path.read_text(encoding="utf-8"))]
    rng = random.Random(seed)
    picked = [rng.choice(pool) for _ in range(n_sentences)]
    # Paragraphs of eight sentences, as in news copy.
    return "\n\n".join(" ".join(picked[i : i + 8]) for i in range(0, len(picked), 8))


def timed(fn, *args, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    args = parser.parse_args()

    text = corpus(args.sentences)
    split_time = timed(PLAIN_SPLIT.split, text, repeat=5)
    extract_time = timed(extract_claims, text, repeat=1)
    rules_time = timed(extract_rules_only, text, repeat=1)
    claims = extract_claims(text)
    print(f"text: {args.sentences} sentences, {len(text) / 1e6:.2f} MB, {len(claims)} claims")
    print(
        f"extraction / plain regex split: {extract_time / split_time:,.0f}x "
        f"({args.sentences / extract_time:,.0f} sentences per second, with morphology)"
    )
    print(
        f"text rules alone: {rules_time / split_time:,.0f}x "
        f"({args.sentences / rules_time:,.0f} sentences per second); morphology costs "
        f"{extract_time / rules_time:.2f}x"
    )

    base = args.sentences // 4
    times = []
    for factor in (1, 2, 4):
        times.append(timed(extract_claims, corpus(base * factor, seed=factor), repeat=1))
    print(
        "growth (time relative to 1x): "
        + ", ".join(
            f"{f}x size -> {t / times[0]:.2f}x time" for f, t in zip((1, 2, 4), times, strict=True)
        )
    )

    # 5 MB with no sentence end at all: must finish, in time linear in its size.
    line = "राजनाथ सिंह ने 26 लोगों की मौत पर शोक जताया and Minister Singh met officials "
    blob = line * (5_000_000 // len(line.encode()))
    t0 = time.perf_counter()
    blob_claims = extract_claims(blob)
    blob_time = time.perf_counter() - t0
    print(
        f"5 MB without a sentence end: {len(blob_claims)} claims in {blob_time:.1f} s, "
        f"{blob_time / extract_time * len(text) / len(blob):.2f}x the per-character cost "
        "of news text"
    )

    tracemalloc.start()
    extract_claims(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"peak traced memory: {peak / 1e6:.0f} MB ({peak / len(text.encode()):.1f}x the text bytes)"
    )


if __name__ == "__main__":
    main()
