"""Coverage prepared for matching: sentences and sentence pairs with their comparable terms.

This is the claim-independent half of matching (the costly part: tokenising, transliterating,
reading numbers). It is done once per set of documents; matching many claims reuses it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from operator import itemgetter
from typing import NamedTuple, cast

import numpy as np

from claims.extract import (
    _is_article,
    _names_a_kind,
    _number_fact,
    _slashed,
    find_dates,
    none_counted,
)
from claims.glossary import Glossary, default_glossary
from claims.lexicon import STOPWORDS
from claims.model import CoverageText, NumberFact
from claims.numbers import find_numbers
from claims.segment import split_sentences
from claims.text import fold_devanagari, is_devanagari, tokenize
from claims.translit import to_latin

log = logging.getLogger(__name__)


class Term(NamedTuple):  # (a tuple: hundreds of thousands are made per run)
    key: str
    start: int
    end: int


def terms_of(text: str, glossary: Glossary) -> list[Term]:
    """Comparable terms of ``text`` with their offsets (stop words dropped)."""
    return sentence_facts(text, glossary)[0]


def sentence_facts(text: str, glossary: Glossary) -> tuple[list[Term], list[NumberFact]]:
    """Terms of ``text`` and its numbers with what they count, from one pass over numbers."""
    terms, facts, _ = _sentence_facts(text, glossary)
    return list(terms), list(facts)


# Coverage repeats its sentences (copies of one wire story, a quote every page carries,
# boilerplate): each distinct sentence is read once per glossary.
@lru_cache(maxsize=8_192)
def _sentence_facts(
    text: str, glossary: Glossary
) -> tuple[tuple[Term, ...], tuple[NumberFact, ...], tuple[tuple[str, str], ...]]:
    out: list[Term] = []
    facts: list[NumberFact] = []
    covered: set[int] = set()
    # Clock times and days of the month are values in any script or spelling: "दोपहर 2
    # बजकर 42 मिनट" and "2.42 pm" are both %14:42, "18 नवंबर" and "November 18" %11-18. A
    # time's digits count nothing and the words that spell it (बजकर, pm) are no further
    # terms ("pm" is no minister); a date's month stays a word ("since the start of July").
    spans = find_numbers(text)
    for d, start, end in find_dates(text, spans):
        if d.kind in ("time", "date"):
            out.append(Term(f"%{day_key(d.value)}", start, end))
        if d.kind == "time":
            covered.update(range(start, end))
    for n in spans:
        if (
            _is_article(n, spans, text)
            or _names_a_kind(n, text)
            or n.start in covered
            or n.first
            or _slashed(n, text)
        ):
            # एक / one: an article, not a quantity (but "one to 15" counts); "the first":
            # a rank, matched as a word; "2/7" an index (a gallery's photo), no value
            continue
        out.append(Term(f"#{n.value:g}", n.start, n.end))
        facts.append(_number_fact(n, text, glossary))
        covered.update(range(n.start, n.end))
    if (none := none_counted(text, glossary)) is not None and none.start not in covered:
        # "किसी यात्री को चोट नहीं आई": a toll of none, the figure zero (as in a claim)
        out.append(Term("#0", none.start, none.end))
        facts.append(_number_fact(none, text, glossary))
        covered.update(range(none.start, none.end))
    for word, start, end in tokenize(text):
        if start in covered:
            continue
        if "-" not in word or _HAS_DIGIT(word):  # (most words: one part)
            for key in _word_keys(word, glossary):
                out.append(_new_term((key, start, end)))
            continue
        offset = start
        for part in word.split("-"):
            start, end = offset, offset + len(part)
            offset = end + 1
            for key in _word_keys(part, glossary):
                out.append(_new_term((key, start, end)))
    out.sort(key=_START)
    return tuple(out), tuple(facts), _after_capital(text, out)


_HAS_DIGIT = re.compile(r"\d").search
_START = itemgetter(1)  # a term's start
# Term(key, start, end) without the Python-level __new__ of a NamedTuple (a sentence makes
# dozens of terms, a thousand pages a million: a quarter of preparing coverage went on it).
_new_term = cast(Callable[[tuple[str, int, int]], Term], partial(tuple.__new__, Term))


@lru_cache(maxsize=65_536)  # news repeats its words: each is read once
def _word_keys(part: str, glossary: Glossary) -> tuple[str, ...]:
    """The term keys of one word: its concepts (@kill) or its Latin spelling, and what it is
    in the other language (coast -> ~tat, डूबा -> ~sink: linked to a claim's words by their
    lemmas and stems, never by spelling); none for a stop word."""
    word = fold_devanagari(part).casefold()
    if not word or word in STOPWORDS:
        return ()
    concepts = glossary.concepts(part)
    keys = [f"@{c}" for c in sorted(concepts)] if concepts else [to_latin(word)]
    if glossary.bilingual and len(word) >= 3:
        keys.extend(f"~{k}" for k in sorted(glossary.bilingual.keys_for(part)))
    return tuple(keys)


def day_key(value: str) -> str:
    """A clock time or a day as one key in any spelling: "15:30"; "2025-06-26" and "06-26"
    both "06-26" (the year is a term of its own); a month of a year stays whole ("2011-03",
    not "11-03", which is the 3rd of November)."""
    head, _, rest = value.partition("-")
    return value if len(head) == 4 and len(rest) == 2 else value[-5:]


# One sentence of a unit: its offset in the document, and its terms and numbers with offsets
# into the sentence (as read once per distinct sentence, shared by every copy of it).
Part = tuple[int, tuple[Term, ...], tuple[NumberFact, ...]]


@dataclass(frozen=True)
class Unit:
    """A candidate quote: one coverage sentence or two adjacent ones."""

    doc: int
    start: int
    end: int
    pair: bool
    devanagari: bool
    parts: tuple[Part, ...] = ()
    # (term, the capitalised word just before it): "Rajendra Singh" -> ("singh", "rajendra"),
    # so that a surname can be told from the same surname after another first name.
    after_capital: tuple[tuple[str, str], ...] = ()

    @property
    def keys(self) -> list[str]:
        """The keys of the unit's terms, in order."""
        return [t.key for _, terms, _ in self.parts for t in terms]

    @cached_property
    def numbers(self) -> tuple[NumberFact, ...]:
        """The unit's numbers with what they count, offsets into the document text."""
        return tuple(
            replace(n, start=n.start + at, end=n.end + at)
            for at, _, numbers in self.parts
            for n in numbers
        )


@dataclass(frozen=True, eq=False)
class PreparedCoverage:
    """Coverage split into candidate quotes with their terms, and the same as flat arrays:
    ``term_ids[indptr[r]:indptr[r + 1]]`` are the ids (into ``vocab``) of unit r's terms."""

    docs: tuple[CoverageText, ...]
    units: tuple[Unit, ...]
    vocab: tuple[str, ...] = ()
    term_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    indptr: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    unit_doc: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    singles: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    devanagari: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # Documents that could not be read into units: (index into docs, "ErrorClass: message").
    failed: tuple[tuple[int, str], ...] = ()


def prepare_coverage(
    docs: Sequence[CoverageText], *, glossary: Glossary | None = None
) -> PreparedCoverage:
    gloss = glossary or default_glossary()
    failed: list[tuple[int, str]] = []
    units = _units(docs, gloss, failed)
    # Each distinct sentence's terms are read once (copies of a sentence share one tuple,
    # and a pair of sentences is its two singles): units point at sentence slots.
    slot_of: dict[int, int] = {}
    slot_terms: list[tuple[Term, ...]] = []
    seg_owner: list[int] = []
    seg_slot: list[int] = []
    for ui, u in enumerate(units):
        for _, terms, _ in u.parts:
            slot = slot_of.get(id(terms))
            if slot is None:
                slot = slot_of[id(terms)] = len(slot_terms)
                slot_terms.append(terms)
            seg_owner.append(ui)
            seg_slot.append(slot)
    vocab = sorted({t.key for terms in slot_terms for t in terms})
    index = {t: i for i, t in enumerate(vocab)}
    slot_sizes = np.fromiter((len(ts) for ts in slot_terms), dtype=np.int64, count=len(slot_terms))
    slot_ids = np.fromiter(
        (index[t.key] for ts in slot_terms for t in ts), dtype=np.int64, count=int(slot_sizes.sum())
    )
    slot_start = np.concatenate([[0], np.cumsum(slot_sizes)[:-1]]).astype(np.int64)
    segs = np.array(seg_slot, dtype=np.int64)
    seg_sizes = slot_sizes[segs]
    # Every unit's term ids, segment by segment, as one sort key (unit, id): sorted in
    # place, the distinct ids of each unit come out in order (one sort, not a np.unique per
    # unit; one array, not the five of a lexsort: 1,000 pages hold a million unit terms).
    ends = np.cumsum(seg_sizes)
    width = max(len(vocab), 1)
    key = np.repeat(np.array(seg_owner, dtype=np.int64) * width, seg_sizes)
    at = np.arange(len(key), dtype=np.int64) - np.repeat(
        ends - seg_sizes - slot_start[segs], seg_sizes
    )
    key += slot_ids[at]
    del at
    key.sort()
    first = np.ones(len(key), dtype=bool)
    np.not_equal(key[1:], key[:-1], out=first[1:])
    key = key[first]
    lengths = np.bincount(key // width, minlength=len(units))
    return PreparedCoverage(
        docs=tuple(docs),
        units=tuple(units),
        vocab=tuple(vocab),
        term_ids=key % width,
        indptr=np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
        unit_doc=np.fromiter((u.doc for u in units), dtype=np.int64, count=len(units)),
        singles=np.fromiter((not u.pair for u in units), dtype=bool, count=len(units)),
        devanagari=np.fromiter((u.devanagari for u in units), dtype=bool, count=len(units)),
        failed=tuple(failed),
    )


def _units(
    docs: Sequence[CoverageText], gloss: Glossary, failed: list[tuple[int, str]]
) -> list[Unit]:
    """Every document's sentences and sentence pairs; a document that raises while being
    read gives none and is recorded in ``failed`` — one page never sinks the rest."""
    units: list[Unit] = []
    for di, doc in enumerate(docs):
        try:
            units.extend(_doc_units(di, doc, gloss))
        except Exception as exc:  # noqa: BLE001 - any fault stays with its page
            log.warning("coverage: document %d (%s) not read: %r", di, doc.key, exc)
            failed.append((di, f"{type(exc).__name__}: {exc}"))
    return units


def _doc_units(di: int, doc: CoverageText, gloss: Glossary) -> list[Unit]:
    units: list[Unit] = []
    sents = split_sentences(doc.text)
    dev = doc.language == "hi" if doc.language else is_devanagari(doc.text)
    parts: list[Part] = []
    capitals: list[tuple[tuple[str, str], ...]] = []
    for s in sents:
        found, facts, after = _sentence_facts(s.text, gloss)
        parts.append((s.start, found, facts))
        capitals.append(() if dev else after)
    for k, s in enumerate(sents):
        units.append(Unit(di, s.start, s.end, False, dev, (parts[k],), capitals[k]))
        if k + 1 < len(sents):
            units.append(
                Unit(
                    di,
                    s.start,
                    sents[k + 1].end,
                    True,
                    dev,
                    (parts[k], parts[k + 1]),
                    capitals[k] + capitals[k + 1],
                )
            )
    return units


def _after_capital(text: str, terms: Sequence[Term]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for before, t in zip(terms, terms[1:], strict=False):
        if (
            before.key[:1] not in "#@%"
            and text[before.start : before.start + 1].isupper()
            and text[before.end : t.start].strip() == ""
        ):
            pairs.append((t.key, before.key))
    return tuple(pairs)
