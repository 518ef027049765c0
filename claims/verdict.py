"""Verdicts: a status, a confidence and a reason a reviewer can check, from a claim's evidence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date

from claims.model import CoverageText, EvidenceMatch, Stance, Status, Verdict


def decide_status(
    evidence: Sequence[EvidenceMatch],
    *,
    groups: Mapping[str, str] | None = None,
    publishers: Mapping[str, str] | None = None,
    searched: int = 0,
    outside: Collection[str] = (),
) -> Verdict:
    """Status of one claim from its evidence.

    ``groups`` maps a document key to its independence group (syndicated copies share one;
    a publisher's pages share one), so that copies of one story count once. ``publishers``
    names each group in the reason. ``searched`` is how many usable documents were read.
    Evidence from documents in ``outside`` (published outside the event's date window) is
    kept by the caller but not counted here; the reason says how much was set aside.
    """
    groups = groups or {}
    publishers = publishers or {}

    def group(e: EvidenceMatch) -> str:
        return groups.get(e.doc_key, e.doc_key)

    def name(g: str) -> str:
        return publishers.get(g, g)

    counted = [e for e in evidence if e.doc_key not in outside]
    set_aside = len({group(e) for e in evidence if e.doc_key in outside})
    note = (
        f" ({set_aside} publisher{'s' if set_aside != 1 else ''} outside the date window "
        "not counted)"
        if set_aside
        else ""
    )

    support: dict[str, EvidenceMatch] = {}
    against: dict[str, EvidenceMatch] = {}
    for e in sorted(counted, key=lambda e: -e.score):
        bucket = support if e.stance is Stance.SUPPORTS else against
        bucket.setdefault(group(e), e)
    # A source that both supports and contradicts (two sentences) counts as contradicting.
    for g in list(support):
        if g in against:
            del support[g]

    n_for, n_against = len(support), len(against)
    scores = [e.score / 100 for e in (*support.values(), *against.values())]
    mean = sum(scores) / len(scores) if scores else 0.0
    if n_against:
        reason = _dispute_reason(support, against, name)
        confidence = round(min(0.95, 0.4 + 0.1 * (n_for + n_against)) * (0.5 + mean / 2), 2)
        parts = _disputed_parts([*support.values(), *against.values()], group)
        if parts:
            reason += " — " + "; ".join(f"{f}: {st.value.replace('_', ' ')}" for f, st in parts)
        return Verdict(Status.DISPUTED, confidence, reason + note, parts)
    facts = list(dict.fromkeys(f for e in counted for f in e.claim_facts))
    if len(facts) > 1 and n_for:
        return _by_fact(facts, counted, group, name, mean, note)
    if n_for >= 2:
        names = ", ".join(sorted(name(g) for g in support))
        confidence = round(min(0.95, 0.55 + 0.1 * n_for) * (0.6 + 0.4 * mean), 2)
        return Verdict(
            Status.CORROBORATED, confidence, f"{_count(n_for)} support it: {names}{note}"
        )
    if n_for == 1:
        g = next(iter(support))
        return Verdict(
            Status.SINGLE_SOURCE,
            round(0.5 * (0.6 + 0.4 * mean), 2),
            f"only 1 independent publisher supports it: {name(g)}{note}",
        )
    if searched:
        return Verdict(
            Status.UNVERIFIED,
            round(min(0.8, 0.3 + 0.05 * searched), 2),
            f"no supporting or conflicting evidence in {searched} document"
            f"{'' if searched == 1 else 's'} read{note}",
        )
    return Verdict(Status.UNVERIFIED, 0.1, "no coverage could be read")


def _disputed_parts(
    evidence: Sequence[EvidenceMatch], group: Callable[[EvidenceMatch], str]
) -> tuple[tuple[str, Status], ...]:
    """For a claim whose conflicts are about some of its facts (one figure, its town, its
    time): each fact's own status. A disputed fact is disputed; each other fact is as
    strong as the independent publishers that state it, whether their quote supports the
    claim or disputes another of its facts. Empty when no conflict names a fact (another
    actor, decision or outcome disputes the claim as a whole)."""
    disputed = {f for e in evidence if e.stance is Stance.CONTRADICTS for f in e.disputed_facts}
    if not disputed:
        return ()
    facts = list(dict.fromkeys(f for e in evidence for f in (*e.claim_facts, *e.disputed_facts)))
    parts: list[tuple[str, Status]] = []
    for f in facts:
        if f in disputed:
            parts.append((f, Status.DISPUTED))
            continue
        backers = {
            group(e)
            for e in evidence
            if (f in e.claim_facts and f not in e.missing_facts and f not in e.disputed_facts)
            # (a quote that supports a claim of one figure states it: it lists no facts)
            or (e.stance is Stance.SUPPORTS and not e.claim_facts)
            # (… and one that supports its figures states its time or day when it gives it)
            or (e.stance is Stance.SUPPORTS and f in e.told_when)
        }
        parts.append((f, _strength(len(backers))))
    return tuple(parts)


def _strength(publishers: int) -> Status:
    """The status of a fact that ``publishers`` independent publishers state."""
    if publishers >= 2:
        return Status.CORROBORATED
    return Status.SINGLE_SOURCE if publishers else Status.UNVERIFIED


def _by_fact(
    facts: Sequence[str],
    evidence: Sequence[EvidenceMatch],
    group: Callable[[EvidenceMatch], str],
    name: Callable[[str], str],
    mean: float,
    note: str,
) -> Verdict:
    """A claim of several facts, none contradicted: each fact is as strong as the
    independent publishers that state it, and the claim as its weakest fact."""
    backers: dict[str, set[str]] = {f: set() for f in facts}
    for e in evidence:
        if e.stance is Stance.SUPPORTS:
            for f in e.claim_facts:
                if f not in e.missing_facts and f in backers:
                    backers[f].add(group(e))
    parts: list[tuple[str, Status]] = []
    said: list[str] = []
    for f in facts:
        who = sorted(name(g) for g in backers[f])
        parts.append((f, _strength(len(who))))
        said.append(f"{f}: {_count(len(who))} ({', '.join(who)})" if who else f"{f}: none")
    weakest = min(len(b) for b in backers.values())
    status = _strength(weakest)
    confidence = round(min(0.95, 0.55 + 0.1 * weakest) * (0.6 + 0.4 * mean), 2)
    if status is Status.SINGLE_SOURCE:
        confidence = round(0.5 * (0.6 + 0.4 * mean), 2)
    elif status is Status.UNVERIFIED:
        confidence = 0.3
    lead = {
        Status.CORROBORATED: "each of its facts is supported",
        Status.SINGLE_SOURCE: "one of its facts has only 1 independent publisher",
        Status.UNVERIFIED: "part of it is supported, part is not",
    }[status]
    return Verdict(status, confidence, f"{lead} — " + "; ".join(said) + note, tuple(parts))


_VERSUS = re.compile(r"^(?P<ours>.+?) vs (?P<theirs>.+)$")


def _dispute_reason(
    support: Mapping[str, EvidenceMatch],
    against: Mapping[str, EvidenceMatch],
    name: object,
) -> str:
    """ "3 independent publishers report 26 people; 1 reports 28 people (Capital Courier)"."""
    assert callable(name)
    ours: Counter[str] = Counter()
    theirs: dict[str, list[str]] = {}
    for g, e in against.items():
        for fact in e.conflicting_facts or ("a different key fact",):
            m = _VERSUS.match(fact)
            if m:
                ours[m.group("ours")] += 0
                theirs.setdefault(m.group("theirs"), []).append(name(g))
            else:
                theirs.setdefault(fact, []).append(name(g))
    claim_fact = next(iter(ours), None)
    parts = []
    if support:
        said = f"report {claim_fact}" if claim_fact else "support it"
        if len(support) == 1:
            said = said.replace("report ", "reports ").replace("support it", "supports it")
        parts.append(f"{_count(len(support))} {said}")
    for fact, who in theirs.items():
        verb = "reports" if len(who) == 1 else "report"
        parts.append(f"{len(who)} {verb} {fact} ({', '.join(sorted(who))})")
    if not support:
        parts.insert(0, "no publisher supports it")
    return "; ".join(parts)


def _count(n: int) -> str:
    return f"{n} independent publisher{'' if n == 1 else 's'}"


def outside_window(
    coverage: Sequence[CoverageText], start: date | None, end: date | None
) -> set[str]:
    """Keys of documents published outside [start, end]; undated documents stay in."""
    if start is None or end is None:
        return set()
    out = set()
    for c in coverage:
        published = parse_date(c.published)
        if published is not None and not start <= published <= end:
            out.add(c.key)
    return out


def parse_date(value: str | None) -> date | None:
    """The date of an ISO date or timestamp string ("2025-06-26", "2025-06-26T10:00:00Z")."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
