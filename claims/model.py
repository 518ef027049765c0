"""Value types shared by every room: claims, key facts, coverage, evidence and verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ClaimType(StrEnum):
    QUANTITY = "quantity"
    EVENT = "event"
    QUOTE = "quote"
    STATEMENT = "statement"


class ClaimClass(StrEnum):
    """ClaimBuster's three classes of sentence."""

    CHECKWORTHY = "checkworthy_factual"
    UNIMPORTANT = "unimportant_factual"
    NON_FACTUAL = "non_factual"


class Stance(StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"


class Status(StrEnum):
    PENDING = "pending"
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single_source"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    FALSE = "false"
    NEEDS_EVIDENCE = "needs_evidence"

    @property
    def is_reviewer(self) -> bool:
        return self in REVIEWER_STATUSES


REVIEWER_STATUSES = frozenset({Status.VERIFIED, Status.FALSE, Status.NEEDS_EVIDENCE})


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text; ``text == source[start:end]`` always holds."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A number as a value, the words it was written with, and what it counts."""

    value: float
    text: str
    counts: str | None = None
    start: int = 0  # offsets into the sentence
    end: int = 0
    near: tuple[str, ...] = ()  # actions named within a few words (killed, injured, rescued)
    # What it counts in both languages: lemmas and translations of the counted words
    # (सदस्य -> sadasya, member; "crew members" -> crew, member, sadasya …).
    counts_keys: tuple[str, ...] = ()
    # What happened to what it counts, when that is a fate (kill, injure, arrest, evacuate …):
    # the fate named nearest the number in its clause. Twelve people killed and twelve people
    # injured are not one fact, though both count people in the same blast.
    fate: str | None = None
    ordinal: bool = False  # चौथा, fourth, the first (…) country

    @property
    def first(self) -> bool:
        """The ordinal "first": a fact of rank the claim reports, not a count a report of
        it must repeat (matching leaves it to the words)."""
        return self.ordinal and self.value == 1


@dataclass(frozen=True)
class Entity:
    """A named party in its own script and in Latin letters for cross-script matching."""

    text: str
    latin: str
    kind: str = "name"  # name, acronym, place, org, institution, equipment, context, candidate


@dataclass(frozen=True)
class DateFact:
    text: str
    value: str  # normalised: weekday name, "MM-DD", "YYYY-MM-DD", "HH:MM"
    kind: str = "date"  # date, weekday, time, year


@dataclass(frozen=True)
class KeyFacts:
    numbers: tuple[NumberFact, ...] = ()
    entities: tuple[Entity, ...] = ()
    predicates: tuple[str, ...] = ()  # glossary concept ids, e.g. "kill", "gift"
    dates: tuple[DateFact, ...] = ()
    # Roles of the claim: actor, action, object, recipient; speaker and quote for quotes.
    parts: tuple[tuple[str, str], ...] = ()

    def part(self, role: str) -> str | None:
        return dict(self.parts).get(role)

    @property
    def counts(self) -> tuple[NumberFact, ...]:
        """The numbers that count something: all but a rank ("the first" country)."""
        return tuple(n for n in self.numbers if not n.first)


@dataclass(frozen=True)
class Claim:
    """A checkable claim: where it sits in the article and the facts it carries."""

    text: str
    sentence: str
    span: tuple[int, int]  # the claim's sentence span in the article text
    sentence_index: int
    type: ClaimType
    cls: ClaimClass
    checkworthiness: float
    key_facts: KeyFacts = field(default_factory=KeyFacts)
    language: str = "hi"


@dataclass(frozen=True)
class CoverageText:
    """One coverage document as matching sees it."""

    key: str  # the document's URL
    text: str
    language: str | None = None
    publisher: str | None = None
    group: str | None = None  # syndication group: copies of one story share it
    published: str | None = None  # ISO date the page gives, if any


@dataclass(frozen=True)
class EvidenceMatch:
    """The best sentence of one document for one claim."""

    claim_index: int
    doc_key: str
    quote: str
    quote_span: tuple[int, int]  # offsets of the quote in the document text
    highlight: tuple[int, int]  # offsets of the best-matching part inside the quote
    score: float  # 0..100
    stance: Stance
    matched_facts: tuple[str, ...] = ()
    conflicting_facts: tuple[str, ...] = ()
    # For a claim that states several facts ("14 lakh doses … in 11 districts"): its facts,
    # as written, and those of them this quote does not state (it supports the others).
    claim_facts: tuple[str, ...] = ()
    missing_facts: tuple[str, ...] = ()
    # For a quote that contradicts: the claim's facts it disputes (a figure, a time, a day, a
    # town, as the claim writes them); empty when it disputes the claim as a whole (another
    # actor, decision or outcome). It states its other ``claim_facts``, less the missing.
    disputed_facts: tuple[str, ...] = ()
    # The claim's clock times, dates and days (as the claim writes them) that the quote
    # gives too: a supporting quote states them, whatever figures it lists.
    told_when: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    status: Status
    confidence: float  # 0..1
    reason: str
    # For a claim of several facts, each fact's own status (the claim's is the weakest).
    parts: tuple[tuple[str, Status], ...] = ()
