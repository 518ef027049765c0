"""Consistency check for the labelled evaluation corpus in tests/eval/ (stdlib only).

Run: python tests/eval/check_corpus.py [-v] [FOLDER]   (exit status 0 = all good; -v lists pages;
FOLDER defaults to tests/eval/, any folder of cases in the same format may be given)

It checks, per case folder: every claim key occurs exactly once in article.txt; labels.json
names every page in pages/ and only existing pages; stances are "supports" or "contradicts" and
use known claim keys; every HTML page has balanced tags, <title>, og:site_name,
article:published_time and a rel=canonical link on a .example domain; the article body (the
unclassed <p> elements inside <article>, or on the page if it has no <article>) is 150-400
words (or up to the number in FOLDER/max-words, for corpora of long real-site pages); and
expected_status follows from the page labels under the rules in README.md (independent
publisher = canonical host, merged with syndicated pairs).
"""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
STANCES = {"supports", "contradicts"}
# Long, real-site-sized pages: a corpus folder may hold a file `max-words` with a higher limit.
MAX_WORDS = 400


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.has_title = False
        self.in_article = 0
        self.body_p_depth = 0
        self.any_p_depth = 0
        self.body_words = 0
        self.any_words = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag == "title":
            self.has_title = True
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "article":
            self.in_article += 1
        if tag == "p" and "class" not in a:
            self.any_p_depth += 1
            if self.in_article:
                self.body_p_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.errors.append(f"self-closed non-void <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack and self.stack[-1] != tag:
                    self.stack.pop()
            else:
                return
        self.stack.pop()
        if tag == "article":
            self.in_article -= 1
        if tag == "p" and self.any_p_depth:
            self.any_p_depth -= 1
            self.body_p_depth = min(self.body_p_depth, self.any_p_depth)

    def handle_data(self, data: str) -> None:
        if self.body_p_depth:
            self.body_words += len(data.split())
        if self.any_p_depth:
            self.any_words += len(data.split())

    @property
    def words(self) -> int:
        """Body words: unclassed <p> in <article>; pages without <article>: unclassed <p>."""
        return self.body_words or self.any_words


def host(url: str) -> str:
    h = urlsplit(url).hostname or ""
    return h[4:] if h.startswith("www.") else h


def check_case(case: Path, verbose: bool = False) -> list[str]:
    errs: list[str] = []
    article = (case / "article.txt").read_text(encoding="utf-8")
    labels = json.loads((case / "labels.json").read_text(encoding="utf-8"))
    keys = [c["key"] for c in labels["claims"]]
    if not 6 <= len(keys) <= 10:
        errs.append(f"{len(keys)} claims (want 6-10)")
    if len(set(keys)) != len(keys):
        errs.append("duplicate claim keys")
    for k in keys:
        n = article.count(k)
        if n != 1:
            errs.append(f"claim key {k!r} occurs {n} times in article.txt")

    files = sorted(p.name for p in (case / "pages").glob("*.html"))
    if sorted(labels["pages"]) != files:
        errs.append(f"labels.json pages != pages/: {set(labels['pages']) ^ set(files)}")
    hosts: dict[str, str] = {}
    for name in files:
        p = PageParser()
        p.feed((case / "pages" / name).read_text(encoding="utf-8"))
        p.close()
        where = f"{name}:"
        errs += [f"{where} {e}" for e in p.errors]
        if p.stack:
            errs.append(f"{where} unclosed {p.stack}")
        for m in ("og:site_name", "article:published_time"):
            if not p.meta.get(m):
                errs.append(f"{where} no {m}")
        if not p.has_title:
            errs.append(f"{where} no <title>")
        if not p.canonical or not host(p.canonical).endswith(".example"):
            errs.append(f"{where} canonical {p.canonical!r}")
        else:
            hosts[name] = host(p.canonical)
        if not 150 <= p.words <= MAX_WORDS:
            errs.append(f"{where} article body has {p.words} words")
        if verbose:
            print(f"    {name}: {p.words} words, {hosts.get(name)}")

    for page, stances in labels["pages"].items():
        for k, s in stances.items():
            if k not in keys or s not in STANCES:
                errs.append(f"{page}: bad label {k!r}: {s!r}")

    # Independent publishers: same canonical host, plus syndicated pairs (union-find).
    parent = {n: n for n in files}

    def find(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    by_host: dict[str, str] = {}
    for page_name, h in hosts.items():
        parent[find(page_name)] = find(by_host.setdefault(h, page_name))
    for group in labels.get("syndicated", []):
        for n in group:
            if n not in parent:
                errs.append(f"syndicated page {n} does not exist")
        for n in group[1:]:
            if n in parent and group[0] in parent:
                parent[find(n)] = find(group[0])

    for k in keys:
        sup = {find(p) for p, st in labels["pages"].items() if st.get(k) == "supports"}
        con = [p for p, st in labels["pages"].items() if st.get(k) == "contradicts"]
        want = (
            "disputed"
            if con
            else "corroborated"
            if len(sup) >= 2
            else "single_source"
            if sup
            else "unverified"
        )
        got = labels["expected_status"].get(k)
        if got != want:
            errs.append(f"expected_status[{k!r}] = {got!r}, labels imply {want!r}")
    if set(labels["expected_status"]) != set(keys):
        errs.append("expected_status keys != claim keys")
    return errs


def main() -> int:
    folders = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    root = folders[0] if folders else HERE
    cases = sorted(p for p in root.iterdir() if (p / "labels.json").is_file())
    seen: set[str] = set()
    bad = 0
    global MAX_WORDS
    limit = root / "max-words"
    if limit.is_file():
        MAX_WORDS = int(limit.read_text().strip())
    for case in cases:
        errs = check_case(case, verbose="-v" in sys.argv)
        statuses = json.loads((case / "labels.json").read_text(encoding="utf-8"))
        seen.update(statuses["expected_status"].values())
        n = len(list((case / "pages").glob("*.html")))
        print(f"{case.name}: {n} pages, {'OK' if not errs else f'{len(errs)} problem(s)'}")
        for e in errs:
            print("   ", e)
        bad += len(errs)
    missing = {"corroborated", "single_source", "disputed", "unverified"} - seen
    if missing:
        print("statuses never expected:", sorted(missing))
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
