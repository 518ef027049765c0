"""Generated coverage pages, many of them hostile, for the whole-flow fuzz.

Ordinary pages are paragraphs of real corpus sentences (Hindi and English) with hostile
pieces spliced in; the rest break in the ways the web does: unclosed and misnested tags,
scripts and styles, entities, invalid UTF-8, a lying charset, a 60 KB line without a
sentence end, pages of only emoji, Urdu or numbers, empty pages, giant tables.
"""

from __future__ import annotations

import random
from pathlib import Path

from claims.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        *(ROOT / "tests" / "data").glob("*/*.txt"),
        *(ROOT / "tests").glob("eval*/*/article.txt"),
        ROOT / "examples" / "sco-qingdao-2025.hi.txt",
    ]
)
PIECES = [
    "USD 5.43 billion", "US$ 3 mn", "€4bn", "£200 million", "¥500", "INR 450 crore",
    "Rs. 12 lakh", "₹2.5 करोड़", "2.1 बिलियन डॉलर", "26/06/2025", "2025-06-26", "June 26th",
    "२६ जून", "दोपहर तीन बजे", "शाम साढ़े चार बजे", "5.40 am", "ढाई", "one and a half",
    "8-10 घंटे", "\u200d", "\u200c", "\u00a0", "\u200f", "\u202e", "😀🔥", "پاکستان میں ۲۶ افراد",
    "&amp; &#x926; &nbsp; &bogus;", "<b>broken", "</i></p>", "[x] ^$ / @ {y}", "\\", "?", "।",
    "राजनाथ सिंह", "Jane Morris", "मारेक नोवाक", "99999999999999999999999", "1e309", "-0",
]  # fmt: skip


def _sentences() -> list[str]:
    return [s.text for p in SOURCES for s in split_sentences(p.read_text(encoding="utf-8"))]


def _paragraph(rng: random.Random, pool: list[str]) -> str:
    words = [rng.choice(pool) for _ in range(rng.randint(1, 4))]
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randint(0, len(words)), rng.choice(PIECES))
    return " ".join(words)


def _ordinary(rng: random.Random, pool: list[str], i: int) -> bytes:
    paragraphs = "".join(f"<p>{_paragraph(rng, pool)}</p>\n" for _ in range(rng.randint(3, 9)))
    day = rng.randint(1, 28)
    return (
        f'<!doctype html><html lang="{rng.choice(["hi", "en"])}"><head><meta charset="utf-8">'
        f"<title>Story {i} {rng.choice(PIECES)}</title>"
        f'<meta property="article:published_time" content="2025-06-{day:02d}T10:00:00+05:30">'
        f'<meta property="og:site_name" content="Site {i % 97}"></head><body><article>'
        f"<h1>{rng.choice(pool)}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _hostile(rng: random.Random, pool: list[str], i: int) -> bytes:
    kind = i % 10
    text = " ".join(rng.choice(pool) for _ in range(8))
    if kind == 0:  # unclosed and misnested tags
        return f"<html><body><div><p><b>{text}<i><table><tr><td>{text}</p></b>".encode()
    if kind == 1:  # scripts and styles around little text
        script = "<script>var x = '</p>' + 1;</script><style>p{color:red}</style>" * 20
        return f"<html><head>{script}</head><body><p>{text}</p>{script}</body></html>".encode()
    if kind == 2:  # invalid UTF-8 in the middle of Devanagari
        return b"<html><body><p>" + text.encode() + b"\xff\xfe\xc3(" + text.encode() + b"</p>"
    if kind == 3:  # a charset that lies
        return (
            '<html><head><meta charset="windows-1252"></head><body><p>'
            f"{text}</p></body></html>".encode()
        )
    if kind == 4:  # one 60 KB line without a sentence end
        blob = " ".join(rng.choice(pool) for _ in range(400))[:60_000]
        blob = blob.replace("।", " ").replace(".", " ")
        return f"<html><body><p>{blob}</p></body></html>".encode()
    if kind == 5:  # emoji, Urdu and numbers only
        signs = ["😀", "🔥", "پاکستان", "۲۶", "26", "1,240", "₹"]
        only = " ".join(rng.choice(signs) for _ in range(300))
        return f"<html><body><p>{only}</p></body></html>".encode()
    if kind == 6:  # empty and nearly empty
        return rng.choice([b"", b"<html></html>", b"<p>", b"\x00\x00", b" "])
    if kind == 7:  # a giant table of figures
        rows = "".join(
            f"<tr><td>{rng.choice(PIECES)}</td><td>{rng.randint(0, 10**9)}</td></tr>"
            for _ in range(300)
        )
        return f"<html><body><table>{rows}</table><p>{text}</p></body></html>".encode()
    if kind == 8:  # entities and control characters everywhere
        noisy = "&#0; &#xD800; &#x202E; \x07\x1b[31m " + text + " &lt;script&gt;"
        return f"<html><body><p>{noisy}</p><p>{text}</p></body></html>".encode()
    # zero-width joiners inside every word
    zw = "\u200d".join(text)
    return f"<html><body><p>{zw}</p><p>{text}</p></body></html>".encode()


def write_pages(folder: Path, n: int, *, seed: int = 2025, hostile_share: float = 0.3) -> None:
    """``n`` pages in ``folder`` (page-00000.html …)."""
    rng = random.Random(seed)
    pool = _sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = _hostile(rng, pool, i) if rng.random() < hostile_share else _ordinary(rng, pool, i)
        (folder / f"page-{i:05d}.html").write_bytes(body)
