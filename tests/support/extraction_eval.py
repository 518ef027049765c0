"""Scores claim extraction against the labelled articles in tests/data/articles."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from claims.extract import score_text
from claims.glossary import Glossary, default_glossary
from claims.model import ClaimClass
from claims.numbers import find_numbers
from satyapan.apertium import morphology

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
ENTITY_MATCH = 80.0  # rapidfuzz ratio at which a found entity is the labelled one


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    checkworthy: Tally = field(default_factory=Tally)
    numbers: Tally = field(default_factory=Tally)
    entities: Tally = field(default_factory=Tally)
    opinions: int = 0  # sentences labelled non_factual
    opinions_taken: list[str] = field(default_factory=list)  # … that became claims

    def lines(self) -> list[str]:
        return [
            f"opinion sentences taken as claims: {len(self.opinions_taken)} of {self.opinions}"
        ] + [
            f"{name:12} precision {t.precision:.3f} recall {t.recall:.3f} "
            f"(tp {t.tp}, fp {t.fp}, fn {t.fn})"
            for name, t in (
                ("checkworthy", self.checkworthy),
                ("numbers", self.numbers),
                ("entities", self.entities),
            )
        ]


HELDOUT = ARTICLES.parent / "heldout"
BLIND = ARTICLES.parent / "blind"  # frozen development corpus, written blind


def labelled_articles(folder: Path = ARTICLES) -> list[tuple[str, Path, Path]]:
    out = []
    if folder == ARTICLES:
        out.append(
            (
                "sco-qingdao-2025.hi",
                EXAMPLES / "sco-qingdao-2025.hi.txt",
                ARTICLES / "sco-qingdao-2025.hi.labels.json",
            )
        )
    for labels in sorted(folder.glob("*.labels.json")):
        name = labels.name.removesuffix(".labels.json")
        if (folder / f"{name}.txt").exists():
            out.append((name, folder / f"{name}.txt", labels))
    return out


def evaluate(folder: Path = ARTICLES) -> Report:
    """Scores on the development articles (default) or on another labelled folder."""
    report = Report()
    for name, article, labels in labelled_articles(folder):
        text = article.read_text(encoding="utf-8")
        data = json.loads(labels.read_text(encoding="utf-8"))
        # The pipeline's own glossary: the built-in one over the bilingual lexicon.
        scored = score_text(text, glossary=_pipeline_glossary(), morphology=morphology())
        cursor = 0
        for label in data["sentences"]:
            start = text.index(label["text"], cursor)
            end = start + len(label["text"])
            cursor = end
            parts = [s for s in scored if s.clause.start < end and s.clause.end > start]
            predicted = any(s.cls is ClaimClass.CHECKWORTHY for s in parts)
            expected = label["class"] == ClaimClass.CHECKWORTHY.value
            if label["class"] == ClaimClass.NON_FACTUAL.value:
                report.opinions += 1
                if predicted:
                    report.opinions_taken.append(f"{name}: {label['text'][:60]}")
            _count(report.checkworthy, expected, predicted, f"{name}: {label['text'][:60]}")
            if not expected:
                continue
            # Key facts are scored on the check-worthy sentences, where claims come from.
            # A fact belongs to the labelled sentence its words are in (a clause may span two).
            # List items and atomic facts repeat their clause's facts: the clause speaks.
            parts = [s for s in parts if not s.is_item]
            found_numbers = [
                n.value for s in parts for n in s.key_facts.numbers if n.text in label["text"]
            ] + [
                # Dates and times are key facts too; labels list their numbers as written.
                n.value
                for s in parts
                for d in s.key_facts.dates
                if d.text in label["text"]
                for n in find_numbers(d.text.replace("-", " "))
            ]
            _match(
                report.numbers,
                [float(v) for v in label["numbers"]],
                found_numbers,
                lambda a, b: abs(a - b) <= 1e-6 * max(1.0, abs(a)),
                name,
            )
            found_entities = list(
                dict.fromkeys(
                    e.latin
                    for s in parts
                    for e in s.key_facts.entities
                    if e.kind != "context" and e.text in label["text"]
                )
            )
            _match(report.entities, label["entities"], found_entities, _same_entity, name)
    return report


def _pipeline_glossary() -> Glossary:
    from flows.steps import glossary_for

    return glossary_for(None)


def _same_entity(label: str, found: str) -> bool:
    """The same party: close spellings, or one glossary concept (U.S. and usa), or an
    acronym and its expansion (ndrf, national disaster response force)."""
    if fuzz.ratio(label, found) >= ENTITY_MATCH:
        return True
    gloss = default_glossary()
    concepts = gloss.concepts(label.replace(" ", "-")) | gloss.concepts(label)
    if found in concepts or found.replace(" ", "_") in concepts:
        return True

    def initials(name: str) -> str:
        return "".join(w[0] for w in name.split() if w not in ("of", "and", "the", "for", "in"))

    short_label, short_found = label.replace(".", ""), found.replace(".", "")
    return (len(short_label) > 1 and short_label == initials(found)) or (
        len(short_found) > 1 and short_found == initials(label)
    )


def _count(t: Tally, expected: bool, predicted: bool, what: str) -> None:
    if expected and predicted:
        t.tp += 1
    elif expected:
        t.fn += 1
        t.misses.append(what)
    elif predicted:
        t.fp += 1
        t.extras.append(what)


def _match(
    t: Tally,
    expected: Sequence[Any],
    found: Sequence[Any],
    same: Callable[[Any, Any], bool],
    name: str,
) -> None:
    left = list(found)
    unmatched = []
    # Close spellings first, so that an acronym is not used up by its expansion.
    for e in expected:
        hit = (
            next((f for f in left if isinstance(e, str) and fuzz.ratio(e, f) >= ENTITY_MATCH), None)
            if isinstance(e, str)
            else None
        )
        if hit is None:
            unmatched.append(e)
        else:
            t.tp += 1
            left.remove(hit)
    for e in unmatched:
        hit = next((f for f in left if same(e, f)), None)
        if hit is None:
            t.fn += 1
            t.misses.append(f"{name}: {e}")
        else:
            t.tp += 1
            left.remove(hit)
    t.fp += len(left)
    t.extras.extend(f"{name}: {f}" for f in left)


if __name__ == "__main__":
    import sys

    r = evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else ARTICLES)
    print("\n".join(r.lines()))
    for title, t in (
        ("checkworthy", r.checkworthy),
        ("numbers", r.numbers),
        ("entities", r.entities),
    ):
        print(f"--- {title} misses:", *t.misses, sep="\n  ")
        print(f"--- {title} extras:", *t.extras, sep="\n  ")
    print("--- opinions taken as claims:", *r.opinions_taken, sep="\n  ")
