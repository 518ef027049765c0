"""Verdicts: independent publishers, syndicated copies once, disputes named, date window."""

from __future__ import annotations

from datetime import date

from claims.model import CoverageText, EvidenceMatch, Stance, Status
from claims.verdict import decide_status, outside_window, parse_date


def ev(
    doc: str, stance: Stance = Stance.SUPPORTS, score: float = 80.0, conflicts: tuple[str, ...] = ()
) -> EvidenceMatch:
    return EvidenceMatch(0, doc, "quote", (0, 5), (0, 5), score, stance, (), conflicts)


def test_two_independent_publishers_corroborate() -> None:
    v = decide_status([ev("a"), ev("b")], groups={"a": "A", "b": "B"}, searched=2)
    assert v.status is Status.CORROBORATED
    assert v.reason == "2 independent publishers support it: A, B"
    assert 0 < v.confidence <= 1


def test_syndicated_copies_count_once() -> None:
    v = decide_status([ev("a1"), ev("a2")], groups={"a1": "Wire", "a2": "Wire"}, searched=2)
    assert v.status is Status.SINGLE_SOURCE
    assert v.reason == "only 1 independent publisher supports it: Wire"


def test_a_conflicting_number_disputes_and_says_which() -> None:
    v = decide_status(
        [ev("a"), ev("b"), ev("c", Stance.CONTRADICTS, conflicts=("26 people vs 28 people",))],
        groups={"a": "A", "b": "B", "c": "C"},
        searched=3,
    )
    assert v.status is Status.DISPUTED
    assert v.reason == "2 independent publishers report 26 people; 1 reports 28 people (C)"


def test_nothing_found_is_unverified() -> None:
    assert decide_status([], searched=4).status is Status.UNVERIFIED
    assert decide_status([], searched=0).reason == "no coverage could be read"


def test_pages_outside_the_window_are_not_counted() -> None:
    v = decide_status(
        [ev("a"), ev("old")], groups={"a": "A", "old": "B"}, searched=1, outside={"old"}
    )
    assert v.status is Status.SINGLE_SOURCE
    assert v.reason.endswith("(1 publisher outside the date window not counted)")


def test_outside_window() -> None:
    pages = [
        CoverageText("in", "t", published="2025-06-27"),
        CoverageText("before", "t", published="2024-12-02T10:00:00Z"),
        CoverageText("undated", "t"),
    ]
    assert outside_window(pages, date(2025, 6, 23), date(2025, 7, 3)) == {"before"}
    assert outside_window(pages, None, None) == set()
    assert parse_date("not a date") is None


def _part(doc: str, missing: tuple[str, ...] = ()) -> EvidenceMatch:
    facts = ("14 lakh doses", "11 districts")
    return EvidenceMatch(
        0, doc, "quote", (0, 5), (0, 5), 80.0, Stance.SUPPORTS, (), (), facts, missing
    )


def test_a_claim_of_two_facts_is_as_strong_as_its_weaker_fact() -> None:
    v = decide_status(
        [_part("a", ("11 districts",)), _part("b", ("11 districts",)), _part("c")],
        groups={"a": "A", "b": "B", "c": "C"},
        searched=3,
    )
    assert v.status is Status.SINGLE_SOURCE
    assert v.parts == (
        ("14 lakh doses", Status.CORROBORATED),
        ("11 districts", Status.SINGLE_SOURCE),
    )
    v = decide_status(
        [_part("a", ("11 districts",)), _part("b", ("11 districts",))],
        groups={"a": "A", "b": "B"},
        searched=2,
    )
    assert v.status is Status.UNVERIFIED
    assert v.parts == (("14 lakh doses", Status.CORROBORATED), ("11 districts", Status.UNVERIFIED))
    assert v.reason == (
        "part of it is supported, part is not — 14 lakh doses: 2 independent publishers "
        "(A, B); 11 districts: none"
    )


def test_a_claim_disputed_on_one_fact_says_which_facts_stand() -> None:
    from dataclasses import replace

    facts = ("11 workers killed", "19 others injured")
    stated = replace(ev("a"), claim_facts=facts)
    also = replace(ev("b"), claim_facts=facts)
    # one page gives another toll of the dead and states the injured
    toll = replace(
        ev("c", Stance.CONTRADICTS, conflicts=("11 workers vs 13 workers",)),
        claim_facts=facts,
        disputed_facts=("11 workers killed",),
    )
    v = decide_status([stated, also, toll], groups={"a": "A", "b": "B", "c": "C"}, searched=3)
    assert v.status is Status.DISPUTED
    assert v.parts == (
        ("11 workers killed", Status.DISPUTED),
        ("19 others injured", Status.CORROBORATED),
    )
    assert v.reason.endswith("11 workers killed: disputed; 19 others injured: corroborated")
    # A conflict of who or what disputes the claim as a whole: no parts.
    actor = ev("c", Stance.CONTRADICTS, conflicts=("actor: CBI vs ED",))
    v = decide_status([stated, also, actor], groups={"a": "A", "b": "B", "c": "C"}, searched=3)
    assert v.status is Status.DISPUTED
    assert v.parts == ()


def test_a_claim_of_one_figure_disputed_on_its_town_keeps_its_figure() -> None:
    from dataclasses import replace

    town = replace(
        ev("c", Stance.CONTRADICTS, conflicts=("place: Sattur vs Kovilpatti",)),
        claim_facts=("19 others injured",),
        disputed_facts=("Sattur",),
    )
    v = decide_status([ev("a"), town], groups={"a": "A", "c": "C"}, searched=2)
    assert v.status is Status.DISPUTED
    # the supporting page states the one figure; so does the page with the other town
    assert v.parts == (("19 others injured", Status.CORROBORATED), ("Sattur", Status.DISPUTED))


def test_a_disputed_claims_time_stands_on_every_page_that_gives_it() -> None:
    from dataclasses import replace

    facts = ("11 workers killed", "19 others injured")
    # two supporting pages state both figures and the time; the disputing page, the time too
    a = replace(ev("a"), claim_facts=facts, told_when=("2.45 PM",))
    b = replace(ev("b"), claim_facts=facts, told_when=("2.45 PM",))
    toll = replace(
        ev("c", Stance.CONTRADICTS, conflicts=("11 workers vs 13 workers",)),
        claim_facts=(*facts, "2.45 PM"),
        disputed_facts=("11 workers killed",),
    )
    v = decide_status([a, b, toll], groups={"a": "A", "b": "B", "c": "C"}, searched=3)
    assert dict(v.parts)["2.45 PM"] is Status.CORROBORATED  # A, B and C, not C alone
    # a supporting page that does not give the time does not back it
    b = replace(b, told_when=())
    v = decide_status([a, b, toll], groups={"a": "A", "b": "B", "c": "C"}, searched=3)
    assert dict(v.parts)["2.45 PM"] is Status.CORROBORATED  # A and C
    a = replace(a, told_when=())
    v = decide_status([a, b, toll], groups={"a": "A", "b": "B", "c": "C"}, searched=3)
    assert dict(v.parts)["2.45 PM"] is Status.SINGLE_SOURCE  # C alone
