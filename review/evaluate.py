"""Evaluation of matching and verdicts against a labelled corpus (`satyapan eval DIR`).

A corpus folder holds cases; each case is a folder with ``article.txt``, ``pages/*.html`` and
``labels.json`` (see tests/eval/README.md): which claims (by a substring of the article)
each page supports or contradicts, and the status each claim should get. The pipeline's own
functions do the work — extraction, trafilatura, syndication grouping, matching, verdicts —
with the pages read from disk instead of fetched.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claims.extract import extract_claims
from claims.glossary import Glossary
from claims.model import Claim, EvidenceMatch, Stance, Status, Verdict
from claims.verdict import decide_status, outside_window, parse_date
from satyapan.apertium import morphology
from satyapan.errors import InputError

STATUSES = [s.value for s in Status if not s.is_reviewer and s is not Status.PENDING]


@dataclass
class CaseResult:
    name: str
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # key, expected, got
    evidence_tp: int = 0
    evidence_fp: int = 0
    evidence_fn: int = 0
    contradictions: int = 0  # labelled contradicting (claim, page) pairs
    contradictions_found: int = 0  # … that were found as contradicting
    support_from_silent_pages: int = 0  # support cited from pages evidence for nothing
    errors: list[str] = field(default_factory=list)
    details: dict[str, list[str]] = field(default_factory=dict)  # claim key -> evidence lines


@dataclass
class EvalReport:
    cases: list[CaseResult]

    @property
    def status_accuracy(self) -> float:
        rows = [r for c in self.cases for r in c.statuses]
        return sum(e == g for _, e, g in rows) / len(rows) if rows else 0.0

    @property
    def evidence_precision(self) -> float:
        tp = sum(c.evidence_tp for c in self.cases)
        fp = sum(c.evidence_fp for c in self.cases)
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def evidence_recall(self) -> float:
        tp = sum(c.evidence_tp for c in self.cases)
        fn = sum(c.evidence_fn for c in self.cases)
        return tp / (tp + fn) if tp + fn else 1.0

    @property
    def contradictions(self) -> tuple[int, int]:
        """Labelled contradicting (claim, page) pairs found as such, and how many there are."""
        return (
            sum(c.contradictions_found for c in self.cases),
            sum(c.contradictions for c in self.cases),
        )

    @property
    def support_from_silent_pages(self) -> int:
        """Support cited from pages labelled evidence for nothing (other events, forecasts,
        unrelated pages)."""
        return sum(c.support_from_silent_pages for c in self.cases)

    def confusion(self) -> dict[str, Counter[str]]:
        matrix: dict[str, Counter[str]] = {s: Counter() for s in STATUSES}
        for c in self.cases:
            for _, expected, got in c.statuses:
                matrix.setdefault(expected, Counter())[got] += 1
        return matrix

    def as_dict(self) -> dict[str, Any]:
        return {
            "status_accuracy": round(self.status_accuracy, 3),
            "evidence_precision": round(self.evidence_precision, 3),
            "evidence_recall": round(self.evidence_recall, 3),
            "confusion": {e: dict(row) for e, row in self.confusion().items()},
            "cases": [
                {
                    "name": c.name,
                    "claims": [{"key": k, "expected": e, "got": g} for k, e, g in c.statuses],
                    "evidence": {"tp": c.evidence_tp, "fp": c.evidence_fp, "fn": c.evidence_fn},
                    "errors": c.errors,
                }
                for c in self.cases
            ],
        }

    def lines(self) -> list[str]:
        out = [
            f"status accuracy     {self.status_accuracy:.3f}",
            f"evidence precision  {self.evidence_precision:.3f}",
            f"evidence recall     {self.evidence_recall:.3f}",
            f"contradictions found {self.contradictions[0]}/{self.contradictions[1]}",
            f"support cited from pages that are evidence for nothing: "
            f"{self.support_from_silent_pages}",
            "",
            "confusion (rows: expected, columns: got)",
            " " * 15 + "".join(f"{s[:12]:>14}" for s in STATUSES),
        ]
        for expected, row in self.confusion().items():
            out.append(f"{expected[:14]:15}" + "".join(f"{row.get(s, 0):>14}" for s in STATUSES))
        for c in self.cases:
            wrong = [(k, e, g) for k, e, g in c.statuses if e != g]
            out.append("")
            out.append(
                f"{c.name}: {len(c.statuses) - len(wrong)}/{len(c.statuses)} statuses, "
                f"evidence tp {c.evidence_tp} fp {c.evidence_fp} fn {c.evidence_fn}"
            )
            for k, e, g in wrong:
                out.append(f"  {k!r}: expected {e}, got {g}")
                out.extend(f"      {line}" for line in c.details.get(k, []))
            out.extend(f"  {err}" for err in c.errors)
        return out


def evaluate(folder: Path, *, glossary: Glossary | None = None) -> EvalReport:
    """Run every case under ``folder`` (or ``folder`` itself if it is one case)."""
    if not folder.is_dir():
        raise InputError(f"evaluation folder {folder} not found")
    cases = (
        [folder]
        if (folder / "labels.json").exists()
        else sorted(p for p in folder.iterdir() if (p / "labels.json").exists())
    )
    if not cases:
        raise InputError(f"no cases (folders with labels.json) in {folder}")
    return EvalReport([_run_case(case, glossary) for case in cases])


def _run_case(case: Path, glossary: Glossary | None) -> CaseResult:
    from flows import steps  # the pipeline's own stages, without Prefect
    from sources.fetch import FetchOutcome, FetchResult

    labels = json.loads((case / "labels.json").read_text(encoding="utf-8"))
    text = (case / "article.txt").read_text(encoding="utf-8")
    result = CaseResult(case.name)
    # Matching is judged on every clause, not only the ones extraction finds check-worthy.
    claims = extract_claims(
        text,
        glossary=glossary or steps.glossary_for(None),
        include_all=True,
        morphology=morphology(),
    )
    now = datetime.now(UTC)
    outcomes = [
        steps.read_page(
            FetchResult(
                url=page.name,
                final_url=page.name,
                outcome=FetchOutcome.OK,
                status_code=200,
                content_type="text/html",
                body=page.read_bytes(),
                error=None,
                fetched_at=now,
                elapsed=0.0,
            )
        )
        for page in sorted((case / "pages").glob("*.htm*"))
    ]
    coverage = steps.coverage_of(outcomes)
    window = steps.date_window(labels.get("event_date"), 3, 7)
    evidence = steps.match(claims, coverage, None, None, window, labels.get("event_date"))
    groups = {c.key: c.group or c.key for c in coverage}
    outside = (
        outside_window(coverage, parse_date(window[0]), parse_date(window[1])) if window else set()
    )

    predicted: dict[tuple[str, str], str] = {}
    for claim_label in labels["claims"]:
        key = claim_label["key"]
        ci = _claim_index(claims, key)
        expected = labels.get("expected_status", {}).get(key)
        if ci is None:
            result.errors.append(f"claim {key!r} was not extracted")
            if expected:
                result.statuses.append((key, expected, "missing"))
            continue
        mine = [e for e in evidence if e.claim_index == ci]
        for e in mine:
            if e.doc_key not in outside and not _names_one_of(key, e.missing_facts):
                predicted[(key, e.doc_key)] = _stance_of(key, e).value
        gold_pages = {
            page: marks[key] for page, marks in labels.get("pages", {}).items() if key in marks
        }
        result.details[key] = [
            f"{e.stance.value[:8]:8} {e.score:5.1f} {e.doc_key} (gold: "
            f"{gold_pages.get(e.doc_key, 'none')}) {'; '.join(e.conflicting_facts)} "
            f"{'[outside the event window, not counted] ' if e.doc_key in outside else ''}"
            f"| {e.quote[:100]!r}"
            for e in mine
        ] + [
            f"missed: {page} {stance}"
            for page, stance in gold_pages.items()
            if page not in {e.doc_key for e in mine}
        ]
        verdict = decide_status(
            mine,
            groups=groups,
            publishers={g: g for g in groups.values()},
            searched=len(coverage),
            outside=outside,
        )
        if expected:
            result.statuses.append((key, expected, _status_of(key, verdict).value))

    gold = {
        (key, page): stance
        for page, marks in labels.get("pages", {}).items()
        for key, stance in marks.items()
    }
    silent = {page for page, marks in labels.get("pages", {}).items() if not marks}
    result.contradictions = sum(1 for stance in gold.values() if stance == "contradicts")
    result.contradictions_found = sum(
        1
        for pair, stance in gold.items()
        if stance == "contradicts" and predicted.get(pair) == "contradicts"
    )
    result.support_from_silent_pages = sum(
        1 for (_, page), stance in predicted.items() if page in silent and stance == "supports"
    )
    for pair, stance in predicted.items():
        if gold.get(pair) == stance:
            result.evidence_tp += 1
        else:
            result.evidence_fp += 1
    result.evidence_fn += sum(1 for pair, stance in gold.items() if predicted.get(pair) != stance)
    return result


def _claim_index(claims: list[Claim], key: str) -> int | None:
    """The claim a label means: the shortest extracted claim whose text holds the key."""
    holding = [(len(c.text), i) for i, c in enumerate(claims) if key in c.text]
    return min(holding)[1] if holding else None


def _stance_of(key: str, e: EvidenceMatch) -> Stance:
    """The stance of a quote on the one fact a label names: a quote that disputes another
    fact of the claim (its town, say) and states this one supports this one."""
    if (
        e.stance is Stance.CONTRADICTS
        and e.disputed_facts
        and not _names_one_of(key, e.disputed_facts)
        and _names_one_of(key, e.claim_facts)
    ):
        return Stance.SUPPORTS
    return e.stance


def _names_one_of(key: str, facts: tuple[str, ...]) -> bool:
    return any(_names(key, fact) for fact in facts)


def _names(key: str, fact: str) -> bool:
    """Does a label name this fact of its claim: the one holds the other, or the label holds
    the fact's figure as a word ("magnitude 5.6" names "5.6 earthquake")?"""
    if fact in key or key in fact:
        return True
    figure = fact.split()[0] if fact.split() else ""
    return any(c.isdigit() for c in figure) and figure in key.split()


def _status_of(key: str, verdict: Verdict) -> Status:
    """The status of what a label means: of the facts it names when its claim states
    several ("11 districts" in "… 14 lakh doses … in 11 districts"; "52 गेंदों पर 71 रन"
    names two, of one status), else the claim's."""
    named = {status for fact, status in verdict.parts if _names(key, fact)}
    return named.pop() if len(named) == 1 else verdict.status
