"""Verdicts: a status, a confidence and a reason a reviewer can check, from a claim's evidence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claims.model import EvidenceMatch, Stance, Status, Verdict


def decide_status(
    evidence: Sequence[EvidenceMatch],
    *,
    groups: Mapping[str, str] | None = None,
    publishers: Mapping[str, str] | None = None,
    searched: int = 0,
) -> Verdict:
    """Status of one claim from its evidence.

    ``groups`` maps a document key to its independence group (syndicated copies share one;
    a publisher's pages share one), so that copies of one story count once. ``publishers``
    names each group in the reason. ``searched`` is how many usable documents were read.
    """
    groups = groups or {}
    publishers = publishers or {}

    def group(e: EvidenceMatch) -> str:
        return groups.get(e.doc_key, e.doc_key)

    def name(g: str) -> str:
        return publishers.get(g, g)

    support: dict[str, EvidenceMatch] = {}
    against: dict[str, EvidenceMatch] = {}
    for e in sorted(evidence, key=lambda e: -e.score):
        bucket = support if e.stance is Stance.SUPPORTS else against
        bucket.setdefault(group(e), e)
    # A source that both supports and contradicts (two sentences) counts as contradicting.
    for g in list(support):
        if g in against:
            del support[g]

    n_for, n_against = len(support), len(against)
    mean = (
        sum(e.score for e in (*support.values(), *against.values())) / (n_for + n_against) / 100
        if n_for + n_against
        else 0.0
    )
    if n_against:
        first = next(iter(against.values()))
        differs = "; ".join(first.conflicting_facts) or "a key fact"
        reason = (
            f"{_count(n_against)} report{'s' if n_against == 1 else ''} a different fact "
            f"({differs}, {name(group(first))})"
        )
        if n_for:
            reason = f"{_count(n_for)} support{'s' if n_for == 1 else ''} it; " + reason
        confidence = round(min(0.95, 0.4 + 0.1 * (n_for + n_against)) * (0.5 + mean / 2), 2)
        return Verdict(Status.DISPUTED, confidence, reason)
    if n_for >= 2:
        names = ", ".join(sorted(name(g) for g in support))
        confidence = round(min(0.95, 0.55 + 0.1 * n_for) * (0.6 + 0.4 * mean), 2)
        return Verdict(Status.CORROBORATED, confidence, f"{_count(n_for)} support it: {names}")
    if n_for == 1:
        g = next(iter(support))
        return Verdict(
            Status.SINGLE_SOURCE,
            round(0.5 * (0.6 + 0.4 * mean), 2),
            f"only 1 independent publisher supports it: {name(g)}",
        )
    if searched:
        return Verdict(
            Status.UNVERIFIED,
            round(min(0.8, 0.3 + 0.05 * searched), 2),
            f"no supporting or conflicting evidence in {searched} document"
            f"{'' if searched == 1 else 's'} read",
        )
    return Verdict(Status.UNVERIFIED, 0.1, "no coverage could be read")


def _count(n: int) -> str:
    return f"{n} independent publisher{'' if n == 1 else 's'}"
