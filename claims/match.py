"""Evidence search: claims against coverage sentences, across scripts, with stance from key facts.

Every claim and coverage sentence becomes a bag of comparable terms: numbers as values
(#26), glossary concepts (@kill, shared by "killed" and "मारे गए"), and every other word in
Latin letters (राजनाथ -> rajnath). Terms that are spelled differently (belosov/belousov,
pemting/painting) are joined by one rapidfuzz ``process.cdist`` over the two vocabularies.
A sentence's relevance to a claim is the share of the claim's terms it contains, each term
weighted by its rarity in the coverage, so names and numbers dominate and a shared "में"
counts for nothing. Stance then comes from the key facts: the same numbers and actors
support; another number for the same counted thing contradicts.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import jellyfish
import numpy as np
from rapidfuzz import fuzz, process

from claims.coverage import PreparedCoverage, Unit, day_key, prepare_coverage, terms_of
from claims.entities import PERSON_ROLES, find_entities
from claims.extract import find_dates
from claims.glossary import Glossary, default_glossary
from claims.lexicon import (
    CLAUSE_EDGE,
    DAYS_IN,
    GENITIVE,
    KO,
    NE,
    NEGATIONS,
    OPINION_PHRASES,
    SE,
    SPECULATION_MARKERS,
    STOPWORDS,
    TITLES,
)
from claims.model import (
    Claim,
    ClaimType,
    CoverageText,
    DateFact,
    Entity,
    EvidenceMatch,
    NumberFact,
    Stance,
)
from claims.numbers import CURRENCY_CODES, CURRENCY_SIGNS, find_numbers
from claims.outcome import clauses, decision_of, opposite_outcome
from claims.roles import find_parts
from claims.segment import split_sentences
from claims.text import Token, fold_devanagari, is_devanagari, normalise, tokenize
from claims.translit import skeleton, to_latin
from claims.verdict import parse_date

log = logging.getLogger(__name__)

__all__ = ["MatchOptions", "PreparedCoverage", "find_evidence", "prepare_coverage", "terms_of"]

_QUOTED = re.compile(r"[“\"‘«]([^”\"’»]{3,})[”\"’»]")


@dataclass(frozen=True)
class MatchOptions:
    """Knobs of the matcher; defaults chosen on the development corpus."""

    min_relevance: float = 45.0  # share (0-100) of a claim's weighted terms a sentence holds
    term_similarity: float = 82.0  # rapidfuzz ratio at which two spellings are one term
    number_tolerance: float = 0.01  # relative difference at which two values are equal
    pair_penalty: float = 0.95  # a two-sentence quote must beat a one-sentence one clearly
    block_size: int = 4096  # sentences scored at once (bounds memory)
    absent_weight: float = 0.25  # weight of a claim word that no coverage sentence holds
    number_bonus: float = 100.0  # rank bonus for holding the claim's numbers (all: tried first)
    candidates: int = 3  # quotes tried per (claim, document), best-ranked first
    # relevance enough for a sentence that holds every value (number, clock time, date) of
    # the claim: a short report of the claim's figures shares few of a long claim's words
    anchored_relevance: float = 25.0
    # … and for one that holds two or more of them: two figures of one claim in one sentence
    # seldom meet by chance, whatever words the page uses around them ("8200 जमाकर्ताओं के
    # 47 करोड़ रुपये" for "cheating 8,200 depositors of ₹47 crore")
    figures_relevance: float = 0.0
    # relevance enough, on a page already found on the claim's topic, for a sentence that
    # gives another value for what the claim's figure counts (checked as a rival only)
    rival_relevance: float = 10.0


def claim_terms(claim: Claim, glossary: Glossary) -> list[str]:
    """A claim's terms: its own words plus the names its pronouns stand for."""
    keys = [t.key for t in terms_of(claim.text, glossary) if t.key[:1] != "~"]
    # The one who says a reported fact is its source, not what is checked: its words do not
    # make a sentence more relevant ("1,260 homes were damaged", without the magistrate).
    quoted = claim.type is ClaimType.QUOTE
    sources = {
        k
        for e in claim.key_facts.entities
        if _is_attribution(e, claim.text, glossary, quoted)
        for k in _keys(e.text, glossary)
    }
    if sources and len(sources) < len(keys):
        keys = [k for k in keys if k not in sources]
    for e in claim.key_facts.entities:
        if e.kind == "context":
            keys.extend(w for w in e.latin.split() if w not in STOPWORDS)
        elif e.text not in claim.text and e.kind in ("name", "org", "institution", "acronym"):
            # a fact of a longer clause ("… and was named player of the match") carries the
            # clause's parties: who was named is part of what it says
            keys.extend(_keys(e.text, glossary))
    return list(dict.fromkeys(keys))


def find_evidence(
    claims: Sequence[Claim],
    docs: Sequence[CoverageText] | PreparedCoverage,
    *,
    options: MatchOptions | None = None,
    glossary: Glossary | None = None,
    anchors: Sequence[str] | None = None,
    window: tuple[date, date] | None = None,
    event_day: date | None = None,
) -> list[EvidenceMatch]:
    """The best supporting or contradicting quote of each document for each claim.

    With ``event_day``, a page published before it cannot contradict the claim: it told an
    earlier state of what the article reports as of that day ("15 deaths" three days before
    "19 deaths"); it may still support.

    ``anchors`` are words that place the article's event (by default the specific places its
    claims name, not countries): a document that mentions none of them is about another
    event, however many of the same people it names, and gives no evidence — unless it is
    dated inside the event's date ``window``.
    """
    opts = options or MatchOptions()
    gloss = glossary or default_glossary()
    prepared = (
        docs if isinstance(docs, PreparedCoverage) else prepare_coverage(docs, glossary=gloss)
    )
    if not claims or not prepared.units:
        return []
    c_terms = [_or_none(claim_terms, c, gloss) for c in claims]
    q_terms = [_or_none(quote_terms, c, gloss) for c in claims]
    # Each claim is scored as a row of its terms; a clause that names no party and no action
    # of its own ("…, जबकि चौदह अन्य झुलस गए") is scored a second time with the rest of its
    # sentence (the fire, the workers), and a sentence counts by the better of the two.
    row_claim = list(range(len(claims)))
    row_terms = list(c_terms)
    for ci, claim in enumerate(claims):
        if c_terms[ci] and _elliptical(claim):
            extra = _or_none(_sentence_terms, claim, gloss)
            if extra:
                row_claim.append(ci)
                row_terms.append(list(dict.fromkeys([*c_terms[ci], *extra])))
    # A quote of several sentences is scored once more per sentence, with the claim's other
    # words: a page that quotes one of them holds too few of the whole quote's words.
    quote_parts = [_safe_quote_parts(c) if q_terms[ci] else [] for ci, c in enumerate(claims)]
    part_terms = [[_or_none(claim_terms, p, gloss) for p in ps] for ps in quote_parts]
    part_quoted = [[_or_none(quote_terms, p, gloss) for p in ps] for ps in quote_parts]
    quoted_sentences = [tuple(p.key_facts.part("quote") or "" for p in ps) for ps in quote_parts]
    part_rows: list[list[int | None]] = []  # each quote sentence's row
    for ci, terms_list in enumerate(part_terms):
        part_rows.append([])
        for terms in terms_list:
            part_rows[-1].append(len(row_claim) if terms else None)
            if terms:
                row_claim.append(ci)
                row_terms.append(terms)
    n_rows = len(row_claim)
    anchor_words = list(anchors) if anchors is not None else event_anchors(claims, gloss)
    # The Latin spelling of the claims' names, word by word: a name made of dictionary words
    # (सागर कंचन) is written, not translated, in the other script.
    spelled = {w for c in claims for w in _spelled_words(c)}
    vocab = sorted(
        {t for ts in row_terms for t in ts}
        | {t for ts in q_terms for t in ts}
        | set(anchor_words)
        | spelled
    )
    index = {t: i for i, t in enumerate(vocab)}
    # Which words are spelled from Devanagari, on each side: a loanword or a name is linked
    # across scripts by its sound ("स्पेशियलिटी" speshiyliti / speciality).
    claim_hindi: set[str] = set()
    name_words: set[str] = set()
    for claim in claims:
        keys = {
            t for e in claim.key_facts.entities if e.kind != "context" for t in _keys(e.text, gloss)
        }
        name_words |= keys
        if is_devanagari(claim.text):
            claim_hindi |= keys
    # (runs of Devanagari units, sliced as views: no copy of the million term ids)
    hindi_terms = np.zeros(len(prepared.vocab), dtype=bool)
    edges = np.flatnonzero(np.diff(prepared.devanagari.astype(np.int8))) + 1
    for lo, hi in zip(
        np.concatenate([[0], edges]).tolist(),
        np.concatenate([edges, [len(prepared.units)]]).tolist(),
        strict=True,
    ):
        if hi > lo and prepared.devanagari[lo]:
            hindi_terms[prepared.term_ids[prepared.indptr[lo] : prepared.indptr[hi]]] = True
    doc_hindi = {prepared.vocab[i] for i in np.flatnonzero(hindi_terms).tolist()}
    links = _link_terms(
        vocab, list(prepared.vocab), opts.term_similarity, claim_hindi, doc_hindi, name_words
    )
    _link_compounds(links, claims, index, list(prepared.vocab), gloss)
    _link_translations(
        links,
        [c.sentence if _elliptical(c) else c.text for c in claims],
        index,
        list(prepared.vocab),
        gloss,
    )
    held_unit, held_term = _held_pairs(prepared, links)

    # What each claim's figures count, when no other sentence of the article counts it:
    # "4,800 vaccinators" is then the claim's own fact wherever a page on the event says it.
    counted_once = [_counted_once(ci, claims) for ci in range(len(claims))]
    told = [_told_elsewhere(ci, claims) for ci in range(len(claims))]
    n_units, n_vocab = len(prepared.units), len(vocab)
    is_number = np.array([t.startswith("#") for t in vocab])
    claim_dev = [is_devanagari(claims[ci].text) for ci in row_claim]
    # Per script of the coverage: rarer terms weigh more. A claim word no sentence of that
    # script holds cannot tell its sentences apart: it weighs little in the claim's own
    # script (the article's phrasing) and nothing across scripts (a Hindi word that has no
    # English spelling in the coverage is not a name, and English text cannot hold it).
    words: dict[bool, np.ndarray] = {}  # script -> claims x terms
    script_holds: dict[bool, np.ndarray] = {}  # script -> terms some sentence of it holds
    for script in (False, True):
        rows = prepared.singles & (prepared.devanagari == script)
        df = np.bincount(held_term[rows[held_unit]], minlength=n_vocab)
        script_holds[script] = df > 0
        idf = np.log((int(rows.sum()) + 1) / (df + 1)) + 1.0
        w = np.zeros((n_rows, n_vocab))
        for ci, ts in enumerate(row_terms):
            for key in ts:
                v = index[key]
                if is_number[v]:
                    continue
                if df[v] > 0:
                    w[ci, v] = idf[v]
                elif claim_dev[ci] == script:
                    w[ci, v] = opts.absent_weight
        words[script] = w
    totals = {script: np.maximum(w.sum(axis=1), 1e-9) for script, w in words.items()}
    numbers = np.zeros((n_rows, n_vocab))
    for ci, ts in enumerate(row_terms):
        for key in ts:
            if is_number[index[key]]:
                numbers[ci, index[key]] = 1.0
    number_totals = np.maximum(numbers.sum(axis=1), 1.0)
    # The values that anchor a claim: its figures, or, without figures, its dates and clock
    # times (beside a quantity a date is a detail: "68.4 प्रतिशत मतदान" holds the turnout
    # whether or not it repeats the day of the poll).
    # The figures are the claim's own numbers: the day of a date ("11 नवंबर को … 68.4
    # प्रतिशत") is a term, but no figure a report of the turnout must repeat.
    values = np.zeros((n_rows, n_vocab))
    for ci, ts in enumerate(row_terms):
        facts = claims[row_claim[ci]].key_facts
        figures = {
            *(f"#{n.value:g}" for n in _figures(claims[row_claim[ci]])),
            *(f"#{float(d.value[:4]):g}" for d in facts.dates if d.kind == "year"),
        } & set(ts)
        for key in ts:
            if key in figures if figures else key[:1] == "%":
                values[ci, index[key]] = 1.0
    value_totals = values.sum(axis=1)
    # A figure of three or more significant digits (68.4 per cent, 8,472 votes) seldom
    # meets another by chance: it anchors a claim as well as two figures do.
    several_values = (value_totals >= 2) | np.array(
        [
            bool(c.key_facts.counts)
            and all(_specific(n) for n in c.key_facts.counts)
            and value_totals[ci] >= 1
            for ci, c in enumerate(claims[r] for r in row_claim)
        ],
        dtype=bool,
    )

    # A claim's figure beside the claim's own action ("बाईस यात्री घायल हुए" for "22 घायलों
    # को ऋषिकेश एम्स … में भर्ती कराया गया है") is its atomic fact, however few of the claim's
    # other words (the hospitals) the sentence repeats.
    acting = np.zeros((n_rows, n_vocab))
    for ci, c in enumerate(row_claim):
        claim = claims[c]
        if _figures(claim):
            for p in _own_actions(claim, c_terms[c]):
                if (key := f"@{p}") in index:
                    acting[ci, index[key]] = 1.0

    # Relevance is the weighted share of the claim's words a unit holds; numbers are left to
    # stance (a different number must still find the sentence) but rank equal ones first.
    # Scored in blocks of units, so memory stays bounded however much coverage there is,
    # over only the claim terms some unit holds (the others add nothing but width).
    # (every row: a claim's own first, then the second rows; views, not copies)
    row_words = dict(words)
    row_totals = totals
    active = np.unique(held_term)
    column = np.searchsorted(active, held_term)
    words = {script: w[:, active].T.astype(np.float32) for script, w in words.items()}
    numbers_t = (numbers[:, active] / number_totals[:, None]).T.astype(np.float32)
    values_t = (values[:, active] / np.maximum(value_totals, 1.0)[:, None]).T.astype(np.float32)
    has_values = value_totals > 0
    several = value_totals >= 2
    acting_t = acting[:, active].T.astype(np.float32)
    # The few best-ranked units of each (claim, document): when the best one is silent on
    # the claim's fact, the next may hold it (a page says the number two sentences later).
    best: dict[tuple[int, int], list[tuple[float, float, int]]] = {}
    bounds = np.searchsorted(held_unit, np.arange(0, n_units + opts.block_size, opts.block_size))
    for b, lo in enumerate(range(0, n_units, opts.block_size)):
        hi = min(lo + opts.block_size, n_units)
        block = np.zeros((hi - lo, len(active)), dtype=np.float32)
        block[held_unit[bounds[b] : bounds[b + 1]] - lo, column[bounds[b] : bounds[b + 1]]] = 1
        relevance = np.zeros((hi - lo, n_rows))
        for script, w in words.items():
            in_script = prepared.devanagari[lo:hi] == script
            if in_script.any():
                relevance[in_script] = 100.0 * (block[in_script] @ w) / totals[script]
        relevance[~prepared.singles[lo:hi]] *= opts.pair_penalty
        rank = relevance + opts.number_bonus * (block @ numbers_t)
        valued = block @ values_t
        anchored = (valued >= 0.999) & has_values
        acted = (block @ acting_t) > 0
        hit_r, hit_c = np.nonzero(
            (relevance >= opts.min_relevance)
            | (anchored & (relevance >= opts.anchored_relevance))
            | (anchored & acted & (relevance >= opts.rival_relevance))
            | (anchored & several_values & (relevance >= opts.figures_relevance))
            # one fact of a claim of several: one of its figures with the claim's own
            # action ("बाईस यात्री घायल हुए" for a sentence that also counts the dead)
            | ((valued > 0) & acted & several & (relevance >= opts.anchored_relevance))
        )
        if not len(hit_r):
            continue
        # The best-ranked units of each (document, claim) in this block.
        doc_claim = prepared.unit_doc[lo + hit_r] * n_rows + hit_c
        order = np.lexsort((-rank[hit_r, hit_c], doc_claim))
        _, first, count = np.unique(doc_claim[order], return_index=True, return_counts=True)
        for f, n in zip(first.tolist(), count.tolist(), strict=True):
            for j in order[f : f + min(n, opts.candidates)].tolist():
                row, col = int(hit_r[j]), int(hit_c[j])
                pair = (row_claim[col], int(prepared.unit_doc[lo + row]))
                entry = (float(rank[row, col]), float(relevance[row, col]), lo + row)
                kept = best.setdefault(pair, [])
                if col >= len(claims):  # a claim's second row: a unit counts once, at best
                    same = [k for k, e in enumerate(kept) if e[2] == lo + row]
                    if same and kept[same[0]] >= entry:
                        continue
                    for k in reversed(same):
                        del kept[k]
                kept.append(entry)
                if len(kept) > opts.candidates:
                    kept.sort(reverse=True)
                    del kept[opts.candidates :]

    # The words of the article's parties (people, firms, bodies: not places, which the
    # anchors are, nor roles): a page dated in the event's window that names no place of
    # it must name one of them to be on it (a bus accident in another district the same
    # week is not the factory fire).
    party_words = sorted(
        {
            k
            for c in claims
            for e in c.key_facts.entities
            if e.kind in ("name", "org", "acronym", "equipment", "candidate")
            and not _is_attribution(e, c.text, gloss)
            for k in _keys(e.text, gloss)
            if k[:1] not in "@~#%" and k in index
        }
    )
    on_event, named_event = _docs_on_event(
        prepared, held_unit, held_term, anchor_words, index, window, party_words
    )
    starts = np.searchsorted(held_unit, np.arange(n_units + 1))
    ordered = bool(np.all(np.diff(prepared.unit_doc) >= 0))
    doc_bounds = np.searchsorted(prepared.unit_doc, np.arange(len(prepared.docs) + 1))

    def terms_at(lo: int, hi: int) -> set[int]:
        """The terms units lo to hi (inclusive) hold."""
        return set(held_term[starts[lo] : starts[hi + 1]].tolist())

    def quote_held(
        ci_: int, words: Sequence[str], unit: Unit, held_terms: set[int], share: float = 0.5
    ) -> bool:
        """Does the unit hold at least ``share`` of a quote's words (all, for none)?"""
        quoted = [index[t] for t in words]
        if quoted and unit.devanagari != claim_dev[ci_]:  # (row ci_ is claim ci_)
            # In the other language, a translation holds the words that language has for
            # them: the quote's words no sentence of that script holds (मेरे, हर, पूरा) are
            # not asked of it — but at least three words are.
            spoken = [v for v in quoted if script_holds[unit.devanagari][v]]
            quoted = spoken if len(spoken) >= 3 else quoted
        return not quoted or sum(v in held_terms for v in quoted) >= share * len(quoted)

    def consider(ci_: int, di: int, score: float, unit_at: int) -> EvidenceMatch | None:
        unit = prepared.units[unit_at]
        held_terms = terms_at(unit_at, unit_at)
        match = None
        sentences = quoted_sentences[ci_]
        if sentences:
            # (the unit may have been found by one sentence's row: each is judged by its own
            # share of the words)
            score = relevance_of(ci_, unit_at)
        whole = not sentences or score >= opts.min_relevance
        if whole and quote_held(ci_, q_terms[ci_], unit, held_terms):
            match = judge_at(ci_, claims[ci_], c_terms[ci_], di, score, unit_at, held_terms)
            if match is not None and sentences and not match.claim_facts:
                match = replace(match, claim_facts=sentences)  # the whole quote: each sentence
        if match is None:
            # One sentence of a quote of several: the page backs (or gives another speaker)
            # that sentence; the others are left out, not supported.
            for k, part in enumerate(quote_parts[ci_]):
                # (one sentence is fewer words to meet by chance: most of them, not half)
                if not part_quoted[ci_][k] or not quote_held(
                    ci_, part_quoted[ci_][k], unit, held_terms, _PART_OF_QUOTE
                ):
                    continue
                row = part_rows[ci_][k]
                if row is None:
                    continue
                part_score = relevance_of(row, unit_at)
                if part_score < opts.min_relevance:
                    continue
                match = judge_at(ci_, part, part_terms[ci_][k], di, part_score, unit_at, held_terms)
                if match is not None:
                    match = replace(
                        match,
                        claim_facts=sentences,
                        missing_facts=tuple(x for j, x in enumerate(sentences) if j != k),
                    )
                    break
        if match is None:
            return None
        if match.stance is Stance.SUPPORTS and not named_event[di]:
            # a page dated in the event's week that names none of its places or parties may
            # tell of another event (a bus accident elsewhere, the same ex gratia): it can
            # dispute a claim of the same happening (another place for it) but not back it
            return None
        if _earlier(prepared.docs[di], event_day):
            if match.stance is Stance.CONTRADICTS:
                return None  # an earlier state of what the article reports, not a conflict
            if (
                not _forecast(claims[ci_].text)
                and not _future(claims[ci_].text)
                and not _dated_before(claims[ci_], prepared.docs[di], event_day)
            ):
                # A page from before the event cannot report what happened at it (a
                # preview, an alert, last year's match with the same players) — unless the
                # claim is itself dated before the page: a background fact ("12 मई को आरोप
                # पत्र").
                return None
        # (what to highlight is found only for a quote that is kept)
        hl = _highlight(unit, links, index, c_terms[ci_])
        return replace(match, highlight=(hl[0] - unit.start, hl[1] - unit.start))

    def judge_at(
        ci_: int,
        claim: Claim,
        terms: list[str],
        di: int,
        score: float,
        unit_at: int,
        held_terms: set[int],
    ) -> EvidenceMatch | None:
        """The stance of one unit on ``claim`` (claim ci_ or one of its quote's sentences),
        or None; a failure on one quote is logged and skipped."""

        # The sentences around the quote name the parties a quote may leave implicit
        # ("He was arrested at the airport", after "The CBI questioned Malhotra …").
        def around() -> set[int]:
            lo, hi = max(0, unit_at - 2), min(n_units, unit_at + 3)
            same = [u for u in range(lo, hi) if prepared.unit_doc[u] == di]
            return terms_at(same[0], same[-1])

        try:
            return _judge(
                ci_,
                claim,
                terms,
                prepared.docs[di],
                prepared.units[unit_at],
                held_terms,
                score,
                links,
                index,
                gloss,
                opts,
                around,
                counted_once[ci_],
                told[ci_],
            )
        except Exception as exc:  # noqa: BLE001 - one odd quote never sinks a run
            log.warning("match: claim %d in %s: %r", ci_, prepared.docs[di].key, exc)
            return None

    # The figures whose rivals are searched, with what they count: only for a claim with a
    # party or an action a rival's sentence can name (see named_in).
    # (A position — "in the 38th minute" — is no count a page may give another value of: a
    # page's 88th minute is mostly another goal.)
    rival_figures = [
        [(f, _count_keys(f)) for f in _figures(claim) if _count_keys(f)] if ordered else []
        for ci, claim in enumerate(claims)
    ]
    # What each single sentence's numbers count, by page: where a rival may stand.
    counted_at: dict[int, dict[str, list[tuple[int, NumberFact]]]] = {}

    def counted_in(di: int) -> dict[str, list[tuple[int, NumberFact]]]:
        if di not in counted_at:
            at: dict[str, list[tuple[int, NumberFact]]] = {}
            for u in range(int(doc_bounds[di]), int(doc_bounds[di + 1])):
                unit = prepared.units[u]
                if not unit.pair:  # values and counted things only: no shifted copies
                    for _, _, numbers in unit.parts:
                        for q in numbers:
                            for key in _count_keys(q):
                                at.setdefault(key, []).append((u, q))
            counted_at[di] = at
        return counted_at[di]

    def rival_units(ci_: int, di: int, tried: set[int]) -> list[tuple[float, int]]:
        """Sentences of a page on the claim's topic that give another value for what one of
        the claim's figures counts ("तीन माह के भीतर" for "आठ सप्ताह के भीतर"): a
        different number must still be found, though it shares few of the claim's words."""
        if not rival_figures[ci_]:
            return []
        at = counted_in(di)
        units = {
            u
            for f, keys in rival_figures[ci_]
            for key in keys
            for u, q in at.get(key, ())
            if u not in tried
            and not _same_value(f.value, q.value, opts)
            and (
                _same_counted(f, q) or _same_toll(f, claims[ci_].text, q, prepared.docs[di].text)
                if _in_days(f) is None
                else _in_days(q) is not None
            )
        }
        return best_rivals(ci_, units)

    def relevance_of(ci_: int, u: int) -> float:
        """The share (0-100) of row ci_'s weighted words that unit u holds (row ci_ is
        claim ci_; a claim's second rows come after the claims)."""
        script = bool(prepared.devanagari[u])
        ids = held_term[starts[u] : starts[u + 1]]
        return 100.0 * float(row_words[script][ci_][ids].sum()) / float(row_totals[script][ci_])

    def best_rivals(ci_: int, units: Iterable[int]) -> list[tuple[float, int]]:
        """The best-scored of ``units`` that share enough of the claim's words to be a rival's
        sentence (relevance, unit), at most ``opts.candidates``."""
        found = [(r, u) for u in units if (r := relevance_of(ci_, u)) >= opts.rival_relevance]
        return sorted(found, reverse=True)[: opts.candidates]

    def named_in(ci_: int, unit_at: int, di: int, score: float) -> bool:
        """A rival found by its number alone must itself name one of the claim's parties
        (not only its neighbours), or, for a claim that names none, hold its action."""
        held_terms = terms_at(unit_at, unit_at)
        if parties := _named_parties(claims[ci_]):
            unit, text = prepared.units[unit_at], prepared.docs[di].text
            return any(
                _entity_held(e, unit, text, held_terms, links, index, gloss) for e in parties
            )
        if actions := _own_actions(claims[ci_], c_terms[ci_]):
            return any(index[f"@{p}"] in held_terms for p in actions)
        # A claim of neither ("The scheme will cost ₹486 crore over three years"): its other
        # words tell of it, as they would a candidate that holds its figures.
        return score >= opts.anchored_relevance

    # The clock times of claims without figures, as coverage keys ("%15:30"): a page on the
    # topic may give the same happening another time in words the claim hardly shares.
    claim_times = [
        {f"%{day_key(d.value)}" for d in c.key_facts.dates if d.kind == "time"}
        if ordered and not _figures(c)
        else set()
        for c in claims
    ]
    clock_vocab: list[np.ndarray] = []  # (made once, when a claim has a time)

    def time_rival_units(ci_: int, di: int, tried: set[int]) -> list[tuple[float, int]]:
        if not claim_times[ci_]:
            return []
        if not clock_vocab:
            clock_vocab.append(np.array([k[:1] == "%" and ":" in k for k in prepared.vocab]))
        is_clock = clock_vocab[0]
        units = []
        for u in range(int(doc_bounds[di]), int(doc_bounds[di + 1])):
            if u in tried or prepared.units[u].pair:
                continue
            ids = prepared.term_ids[prepared.indptr[u] : prepared.indptr[u + 1]]
            clocks = {prepared.vocab[i] for i in ids[is_clock[ids]].tolist()}
            if clocks and not clocks & claim_times[ci_]:
                units.append(u)
        return best_rivals(ci_, units)

    # The people a claim names (names of two or more words that the glossary does not know,
    # not the sayers; two or more of them): a sentence that names them all is worth judging
    # on a page found on the claim's topic.
    party_names = [
        [
            e
            for e in c.key_facts.entities
            if e.kind == "name"
            and len(e.text.split()) >= 2
            and not _described(e, gloss)
            and not _is_attribution(e, c.text, gloss)
        ]
        for c in claims
    ]

    def party_units(ci_: int, di: int, tried: set[int]) -> list[tuple[float, int]]:
        parties = party_names[ci_]
        if len(parties) < 2:
            return []
        found = []
        text = prepared.docs[di].text
        for u in range(int(doc_bounds[di]), int(doc_bounds[di + 1])):
            if u in tried or prepared.units[u].pair:
                continue
            held_terms = terms_at(u, u)
            unit = prepared.units[u]
            if all(_entity_held(e, unit, text, held_terms, links, index, gloss) for e in parties):
                found.append(u)
        return best_rivals(ci_, found)

    # The claims that give a person a title ("… को प्लेयर ऑफ द मैच चुना गया").
    titles = [_titled(_title_text(c.text, c.sentence)) is not None for c in claims]

    def retitled(ci_: int, di: int, skip: int) -> EvidenceMatch | None:
        """The page's sentence that gives the claim's title to another, as the page's
        evidence (contradicting), if it has one."""
        text = prepared.docs[di].text
        for u in range(int(doc_bounds[di]), int(doc_bounds[di + 1])):
            unit = prepared.units[u]
            if u == skip or unit.pair:
                continue
            if _other_titled(
                _title_text(claims[ci_].text, claims[ci_].sentence), text[unit.start : unit.end]
            ):
                match = consider(ci_, di, relevance_of(ci_, u), u)
                if match is not None and match.stance is Stance.CONTRADICTS:
                    return match
        return None

    # A page found on the topic of any claim is searched for rivals of every claim's figures
    # (and clock times).
    topical = sorted({di for _, di in best})
    for ci_, rivalled in enumerate(rival_figures):
        if rivalled or claim_times[ci_]:
            for di in topical:
                best.setdefault((ci_, di), [])
    out: list[EvidenceMatch] = []
    for (ci_, di), entries in sorted(best.items()):
        if not on_event[di]:
            continue
        for _, score, unit_at in sorted(entries, reverse=True):
            match = consider(ci_, di, score, unit_at)
            if match is not None:
                if match.stance is Stance.SUPPORTS and titles[ci_]:
                    # A page that gives the claim's title to someone else disputes it,
                    # whatever details of the claim its other sentences repeat ("… ने 52
                    # गेंदों पर 71 रन बनाए" and, above, "रुखसार को प्लेयर ऑफ द मैच चुना गया").
                    match = retitled(ci_, di, unit_at) or match
                out.append(match)
                break
        else:
            tried = {u for _, _, u in entries}
            # The page was found on the claim's topic, but its best-ranked sentences were not
            # evidence: a sentence further down that names every one of the claim's parties
            # ("On the sidelines, Singh held a bilateral meeting with … Andrei Belousov")
            # may be, however few of the claim's other words it shares.
            named = party_units(ci_, di, tried) if entries else []
            for score, unit_at in named:
                match = consider(ci_, di, score, unit_at)
                if match is not None:
                    out.append(match)
                    break
            else:
                tried |= {u for _, u in named}
                rivals = [
                    *((s_, u, True) for s_, u in rival_units(ci_, di, tried)),
                    *((s_, u, False) for s_, u in time_rival_units(ci_, di, tried)),
                ]
                for score, unit_at, by_number in rivals:
                    if by_number and not named_in(ci_, unit_at, di, score):
                        continue
                    match = consider(ci_, di, score, unit_at)
                    if match is not None and match.stance is Stance.CONTRADICTS:
                        out.append(match)
                        break
    return out


def _own_actions(claim: Claim, terms: Sequence[str]) -> list[str]:
    """The claim's own actions (among its terms, not every claim's); a verb of saying only
    reports."""
    own = set(terms)
    return [p for p in claim.key_facts.predicates if f"@{p}" in own and p not in _REPORTING]


def _object_held(claim: Claim, held: set[int], index: dict[str, int], gloss: Glossary) -> bool:
    """Does the quote name what the claim's action was done to, every word of it, when that
    is two words or more ("चार दिन की पुलिस रिमांड मंजूर की" / "पांच दिन की पुलिस रिमांड पर
    … सौंप दिया")? Told by another verb, it is the same happening."""
    what = claim.key_facts.part("object")
    keys = [k for k in _keys(what, gloss) if k[:1] not in "#~"] if what else []
    return len(keys) >= 2 and all(k in index and index[k] in held for k in keys)


def _own_word_held(
    claim: Claim, terms: Sequence[str], held: set[int], index: dict[str, int]
) -> bool:
    """Does the quote hold a word of the claim other than its figures and what they count
    (days, rupees)?"""
    units = {k for n in claim.key_facts.numbers for k in (n.counts, *n.counts_keys) if k}
    return any(
        k[:1] not in "#%~" and k.lstrip("@") not in units and k in index and index[k] in held
        for k in terms
    )


# A companion in a deed: "X के साथ", "along with X", "accompanied by X", "together with X".
_WITH_AFTER = re.compile(r"^\s*(?:के|की)\s+साथ(?![\u0900-\u097f])")
_WITH_BEFORE = re.compile(
    r"\b(?:along\s+with|accompanied\s+by|together\s+with)\s+(?:\S+\s+){0,3}$", re.I
)


def _accompanies(e: Entity, text: str) -> bool:
    """Is the named person the claim's companion in its deed ("… पुनीत गहलोत के साथ …",
    "along with chartered accountant Ketan Salvi")?"""
    at = text.find(e.text)
    return at >= 0 and bool(
        _WITH_AFTER.match(text[at + len(e.text) :]) or _WITH_BEFORE.search(text[:at])
    )


def _named_parties(claim: Claim) -> list[Entity]:
    """The parties and places a claim names, which a sentence about it can name too."""
    return [e for e in claim.key_facts.entities if e.kind in (*_PARTY_KINDS, "place")]


def _count_keys(n: NumberFact) -> frozenset[str]:
    """What a number counts, as words a rival's counted thing may share with it (" span"
    for a span of time, which any other span may rival)."""
    keys = {n.counts, *n.counts_keys} if n.counts else set()
    if n.fate is not None:
        keys.add(f" {n.fate}")  # a toll that names no victim (the toll rose to 16): _same_toll
    if _in_days(n) is not None:
        keys.add(" span")
    return frozenset(keys)


_MONEY = frozenset({*CURRENCY_SIGNS.values(), *CURRENCY_CODES.values()})


def _told_elsewhere(ci: int, claims: Sequence[Claim]) -> tuple[tuple[NumberFact, str], ...]:
    """The figures the article's other sentences give (each a fact of its own), with the
    text they stand in."""
    return tuple(
        (g, other.text)
        for other in claims
        if other.sentence != claims[ci].sentence
        for g in other.key_facts.numbers
        if g.counts or g.fate
    )


def _counted_once(ci: int, claims: Sequence[Claim]) -> frozenset[str]:
    """The counted things of a claim's figures that no figure of another sentence of the
    article counts (and that are no sum of money or span of time: units, not things)."""
    others = [
        g
        for other in claims
        if other.sentence != claims[ci].sentence
        for g in other.key_facts.numbers
        if g.counts
    ]
    return frozenset(
        f.counts
        for f in _figures(claims[ci])
        if f.counts
        and f.counts not in _MONEY
        and not f.counts.endswith("$")  # A$, C$, HK$
        and _in_days(f) is None  # (weeks count no thing)
        # (a toll of the same people is another count: three pilgrims among the dead and
        # 4,500 pilgrims stranded)
        and not any(_same_counted(f, g) and f.fate == g.fate for g in others)
    )


def _elliptical(claim: Claim) -> bool:
    """A clause of a longer sentence that names no party and no action of its own."""
    facts = claim.key_facts
    return len(claim.text) < len(claim.sentence) and not facts.entities and not facts.predicates


def _sentence_terms(claim: Claim, glossary: Glossary) -> list[str]:
    """The words of the rest of a clause's sentence (no values: the clause's are its own)."""
    return [t.key for t in terms_of(claim.sentence, glossary) if t.key[:1] not in "~#%"]


@lru_cache(maxsize=4096)
def _sentence_values(sentence: str) -> tuple[float, ...]:
    return tuple(n.value for n in find_numbers(sentence))


def _or_none(
    terms: Callable[[Claim, Glossary], list[str]], claim: Claim, gloss: Glossary
) -> list[str]:
    """A claim's terms, or none when reading them raised: that claim finds no evidence,
    the others still do."""
    try:
        return terms(claim, gloss)
    except Exception as exc:  # noqa: BLE001 - one odd claim never sinks the rest
        log.warning("match: terms of claim %r: %r", claim.text[:80], exc)
        return []


def _held_pairs(
    prepared: PreparedCoverage, links: dict[str, set[int]]
) -> tuple[np.ndarray, np.ndarray]:
    """Every (unit, claim term) such that the unit holds the term, sorted by unit: the
    units' coverage terms joined to the claim terms they stand for, all in numpy."""
    doc_index = {t: i for i, t in enumerate(prepared.vocab)}
    n_doc = len(prepared.vocab)
    count = np.zeros(n_doc, dtype=np.int64)
    dst_lists: list[list[int]] = [[] for _ in range(n_doc)]
    for term, claim_ids in links.items():
        i = doc_index.get(term)
        if i is not None:
            dst_lists[i] = sorted(claim_ids)
            count[i] = len(claim_ids)
    link_ptr = np.concatenate([[0], np.cumsum(count)])
    link_dst = np.fromiter((v for lst in dst_lists for v in lst), dtype=np.int64)
    entry_unit = np.repeat(np.arange(len(prepared.units)), np.diff(prepared.indptr))
    entry_count = count[prepared.term_ids]
    keep = entry_count > 0
    entry_unit, entry_term, entry_count = (
        entry_unit[keep],
        prepared.term_ids[keep],
        entry_count[keep],
    )
    total = int(entry_count.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(entry_count) - entry_count, entry_count)
    units = np.repeat(entry_unit, entry_count)
    terms = link_dst[np.repeat(link_ptr[entry_term], entry_count) + offsets]
    # Sorted by unit already. A pair repeats only when two spellings in one sentence stand
    # for one claim term (belosov, belousov); setting a 1 twice is harmless, and the rarity
    # counts it skews are those of a rare word — cheaper than deduplicating a million pairs.
    return units, terms


def _safe_quote_parts(claim: Claim) -> list[Claim]:
    """The claim's quoted sentences (see _quote_parts), or none when reading them raised:
    the claim is still matched whole."""
    try:
        return _quote_parts(claim)
    except Exception as exc:  # noqa: BLE001 - one odd claim never sinks the rest
        log.warning("match: quoted sentences of claim %r: %r", claim.text[:80], exc)
        return []


# The share of one quoted sentence's words a page's sentence must hold to quote it.
_PART_OF_QUOTE = 2 / 3


def _quote_parts(claim: Claim) -> list[Claim]:
    """A claim that quotes two or more sentences, as one claim per quoted sentence (the
    others blanked out, so every offset stands): a page may quote one of them only ("“This
    victory belongs to the people,” he said" of a two-sentence quote), and backs that one."""
    m = _QUOTED.search(claim.text)
    if m is None:
        return []
    spans = [
        (m.start(1) + s.start, m.start(1) + s.end)
        for s in split_sentences(m.group(1), keep_quotes=False)
        if len(s.text.split()) >= 3
    ]
    if len(spans) < 2:
        return []
    facts = claim.key_facts
    parts = []
    for keep in spans:
        drop = [sp for sp in spans if sp != keep]
        chars = list(claim.text)
        for a, b in drop:
            chars[a:b] = " " * (b - a)
        text = "".join(chars)
        parts.append(
            replace(
                claim,
                text=text,
                key_facts=replace(
                    facts,
                    numbers=tuple(
                        n for n in facts.numbers if not any(a <= n.start < b for a, b in drop)
                    ),
                    dates=tuple(d for d in facts.dates if d.text in text),
                    entities=tuple(e for e in facts.entities if e.text in text),
                    parts=tuple(
                        (role, claim.text[keep[0] : keep[1]] if role == "quote" else value)
                        for role, value in facts.parts
                    ),
                ),
            )
        )
    return parts


def quote_terms(claim: Claim, glossary: Glossary) -> list[str]:
    """Terms of the words a claim quotes (empty when it quotes nothing)."""
    m = _QUOTED.search(claim.text)
    if not m:
        return []
    return list(dict.fromkeys(t.key for t in terms_of(m.group(1), glossary) if t.key[:1] != "~"))


def event_anchors(claims: Sequence[Claim], glossary: Glossary | None = None) -> list[str]:
    """Words that place the article's event: the specific places its claims name (a city,
    a district), not the countries in the glossary, which many events share."""
    gloss = glossary or default_glossary()
    words: dict[str, None] = {}
    for c in claims:
        for e in c.key_facts.entities:
            # Gazetteer places (countries, states, big cities) are shared by many events.
            if e.kind != "place" or e.latin.replace(" ", "_") in gloss.kinds:
                continue
            words.update(dict.fromkeys(w for w in re.split(r"[\s-]+", e.latin) if len(w) >= 3))
    return list(words)


def _docs_on_event(
    prepared: PreparedCoverage,
    held_unit: np.ndarray,
    held_term: np.ndarray,
    anchors: Sequence[str],
    index: dict[str, int],
    window: tuple[date, date] | None = None,
    parties: Sequence[str] = (),
) -> tuple[list[bool], list[bool]]:
    """Which documents are on the event: those that mention at least one of its anchors or
    are dated inside its window; and, of those, the ones that mention an anchor or, dated
    inside the window, name one of its ``parties`` (all of the first, without parties).
    Without anchors, all of them, both ways: a page may spell out the article's acronym
    ("Brihanmumbai Municipal Corporation" for BMC), and nothing else places the event."""
    n_docs = len(prepared.docs)

    def holding(keys: Sequence[str]) -> np.ndarray:
        found = np.zeros(n_docs, dtype=bool)
        wanted = np.array([index[k] for k in keys if k in index], dtype=np.int64)
        found[prepared.unit_doc[held_unit[np.isin(held_term, wanted)]]] = True
        return found

    anchored = holding(anchors)
    named = holding(parties) if parties else np.ones(n_docs, dtype=bool)
    dated = np.zeros(n_docs, dtype=bool)
    if window is not None:
        for d, doc in enumerate(prepared.docs):
            day = parse_date(doc.published)
            dated[d] = day is not None and window[0] <= day <= window[1]
    if not anchors:  # (nothing places the event: every page may be on it)
        everything = [True] * n_docs
        return everything, everything
    return (anchored | dated).tolist(), (anchored | (dated & named)).tolist()


def _earlier(doc: CoverageText, event_day: date | None) -> bool:
    day = parse_date(doc.published) if event_day else None
    return day is not None and event_day is not None and day < event_day


# The future tense: English "will"/"shall", Hindi's future endings (करेगा, जाएंगे, होगी).
_FUTURE = re.compile(
    r"\b(?:will|shall)\b|[\u0900-\u097F](?:ेगा|ेगी|ेंगे|ेंगी|ूंगा|ूंगी|ोगे|एगा|एगी|एंगे|एंगी)(?![\u0900-\u0963])",
    re.IGNORECASE,
)


def _future(text: str) -> bool:
    """The claim (outside its quotation marks) is in the future tense: a plan or a schedule,
    which a page from before the event may announce."""
    return bool(_FUTURE.search(_QUOTED_SPEECH.sub(" ", text)))


def _dated_before(claim: Claim, doc: CoverageText, event_day: date | None) -> bool:
    """The claim names a day (of the event's year when it gives none) before ``doc`` was
    published."""
    published = parse_date(doc.published)
    if published is None or event_day is None:
        return False
    for d in claim.key_facts.dates:
        if d.kind != "date":
            continue
        value = d.value if len(d.value) == 10 else f"{event_day.year}-{d.value}"
        day = parse_date(value)
        if day is not None and day < published:
            return True
    return False


def _link_translations(
    links: dict[str, set[int]],
    texts: Sequence[str],
    index: dict[str, int],
    doc_vocab: list[str],
    gloss: Glossary,
) -> None:
    """Link the coverage's translation terms (``~sink`` for डूबा, ``~tat`` for coast) to the
    claim words they translate: a claim word stands under its lemmas (sank -> sink) or its
    stems (नाविकों -> navik)."""
    if not gloss.bilingual:
        return
    wanted = {t[1:] for t in doc_vocab if t[:1] == "~"}
    if not wanted:
        return
    by_base: dict[str, set[int]] = {}
    for text in texts:
        for tok in tokenize(text):
            for part in tok.text.split("-"):
                word = fold_devanagari(part).casefold()
                if len(word) < 3 or word in STOPWORDS or gloss.concepts(part):
                    continue
                at = index.get(to_latin(word))
                if at is None:
                    continue
                for base in gloss.bilingual.base_keys(part) & wanted:
                    by_base.setdefault(base, set()).add(at)
    for base, ids in by_base.items():
        links.setdefault(f"~{base}", set()).update(ids)


def _link_terms(
    vocab: list[str],
    doc_vocab: list[str],
    cutoff: float,
    claim_hindi: set[str] | frozenset[str] = frozenset(),
    doc_hindi: set[str] | frozenset[str] = frozenset(),
    named: set[str] | frozenset[str] = frozenset(),
) -> dict[str, set[int]]:
    """Map each coverage term to the claim terms it stands for: exact keys, and for words,
    spellings within ``cutoff`` (one batched cdist) or with the same consonant skeleton —
    or, for the words of the claims' names (``named``) across scripts (one spelled from
    Devanagari, the other English), the same sound (Metaphone: केमिकल्स kemikals /
    Chemicals, फाल्कंस phalkans / Falcons). Names and loanwords are written by their
    sound; other words are translated (विस्तार vistar is no "faster")."""
    links: dict[str, set[int]] = {}
    index = {t: i for i, t in enumerate(vocab)}
    for t in doc_vocab:
        if t in index:
            links.setdefault(t, set()).add(index[t])
    words = [t for t in vocab if t[:1] not in "#@~%" and len(t) >= 3]
    doc_words = [t for t in doc_vocab if t[:1] not in "#@~%" and len(t) >= 3]
    if not words or not doc_words:
        return links
    sims = process.cdist(
        words, doc_words, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1
    )
    for i, j in zip(*np.nonzero(sims), strict=True):
        links.setdefault(doc_words[j], set()).add(index[words[i]])
    skel: dict[str, list[int]] = {}
    for w in words:
        if len(w) >= 5:
            skel.setdefault(skeleton(w), []).append(index[w])
            if len(w) >= _FLAP_LENGTH:
                skel.setdefault(_unflapped(skeleton(w)), []).append(index[w])
    for d in doc_words:
        if len(d) >= 5 and (hit := skel.get(skeleton(d))):
            links.setdefault(d, set()).update(hit)
        if len(d) >= _FLAP_LENGTH and (hit := skel.get(_unflapped(skeleton(d)))):
            links.setdefault(d, set()).update(hit)
    if claim_hindi or doc_hindi:
        sounds: dict[tuple[bool, str], list[int]] = {}
        for w in words:
            if len(w) >= 5 and w.isascii() and w in named:
                sounds.setdefault((w in claim_hindi, _sound(w)), []).append(index[w])
        for d in doc_words:
            if len(d) >= 5 and d.isascii() and (hit := sounds.get((d not in doc_hindi, _sound(d)))):
                links.setdefault(d, set()).update(hit)
    return links


def _link_compounds(
    links: dict[str, set[int]],
    claims: Sequence[Claim],
    index: dict[str, int],
    doc_vocab: Sequence[str],
    gloss: Glossary,
) -> None:
    """Link a coverage word to two consecutive words of a claim's name that it writes as
    one: a given name of two words in one script is often one word in the other ("Harsh
    Vardhan Rathore" / "हर्षवर्धन राठौर" harshavardhan, "Raj Kishore" / राजकिशोर), told by the
    consonant skeleton of the two joined (six consonants or more: seldom met by chance)."""
    joined: dict[str, set[int]] = {}
    for claim in claims:
        for e in claim.key_facts.entities:
            if e.kind not in ("name", "candidate"):
                continue
            words = [k for k in _keys(e.text, gloss) if k.isalpha() and k in index]
            for a, b in zip(words, words[1:], strict=False):
                if len(skel := skeleton(a + b)) >= _JOINED_CONSONANTS:
                    joined.setdefault(skel, set()).update((index[a], index[b]))
    if not joined:
        return
    for d in doc_vocab:
        if len(d) >= _JOINED_CONSONANTS and d.isalpha() and (hit := joined.get(skeleton(d))):
            links.setdefault(d, set()).update(hit)


_JOINED_CONSONANTS = 6


@lru_cache(maxsize=65_536)
def _sound(word: str) -> str:
    """A word's Metaphone code, its semivowels left out (y, w and v sound alike across the
    two spellings: tribyunal / tribunal, bhagvat / Bhagwat)."""
    code = jellyfish.metaphone(word).replace("W", "F").replace("Y", "")
    return code if len(code) >= 3 else f"{word}!"  # (too short a code tells nothing)


# Folding drops the nukta, so ड़ and ढ़ (r, rh: पिथौरागढ़, Pithoragarh) come out as d, dh:
# in a long word (a name, most likely), r and d are one consonant of the skeleton.
_FLAP_LENGTH = 8


def _unflapped(skel: str) -> str:
    return skel.replace("r", "d")


def _judge(
    ci: int,
    claim: Claim,
    c_terms: list[str],
    doc: CoverageText,
    unit: Unit,
    held_terms: set[int],
    score: float,
    links: dict[str, set[int]],
    index: dict[str, int],
    gloss: Glossary,
    opts: MatchOptions,
    around: Callable[[], set[int]] | None = None,
    counted_once: frozenset[str] = frozenset(),
    told: Sequence[tuple[NumberFact, str]] = (),
) -> EvidenceMatch | None:
    """Decide the stance of one candidate quote from the claim's key facts, or None when it
    is not evidence (about something else, or silent on the fact the claim carries)."""
    quote = doc.text[unit.start : unit.end]
    # (what the page says just before the quote: a quote may go on from its speaker there)
    before_quote = doc.text[max(0, unit.start - 400) : unit.start]
    matched: list[str] = []
    conflicts: list[str] = []
    # The claim's facts each conflict is about (one of its figures, its town, as written); a
    # conflict of who, what or when (another actor, decision, outcome, day or time) is about
    # the whole happening.
    disputed: list[str] = []

    # Actors: the claim's named parties must appear (any one of them, by any spelling).
    names = [
        e
        for e in claim.key_facts.entities
        if e.kind in ("name", "acronym", "equipment", "context", "org", "institution")
        and not _is_attribution(e, claim.text, gloss, claim.type is ClaimType.QUOTE)
    ]

    def held(e: Entity, terms: set[int]) -> bool:
        # (an acronym the claim spells out — "Japanese encephalitis (JE)" — is named by
        # those words too)
        return _entity_held(e, unit, doc.text, terms, links, index, gloss) or bool(
            (spelled := _spelled_out(e, claim.text, gloss))
            and _held_parts([index[k] for k in spelled if k in index], unit, terms, links)
        )

    name_hits = [e for e in names if held(e, held_terms)]
    if names and not name_hits and around is not None:
        context = held_terms | around()
        name_hits = [e for e in names if held(e, context)]
    if names and not name_hits:
        # A name found by the dictionary's gaps alone (मनोज ठाकुर), not needed, names the
        # claim's party when the quote holds it ("… Manoj Thakur").
        name_hits = [
            e for e in claim.key_facts.entities if e.kind == "candidate" and held(e, held_terms)
        ]
    matched.extend(e.latin for e in name_hits)
    # The claim's own actions (its terms, not every claim's): a verb of saying only reports.
    preds = _own_actions(claim, c_terms)
    pred_hits = [p for p in preds if index[f"@{p}"] in held_terms]
    titled: str | None = None  # (a title given to another: the same happening, told)
    holder: str | None = None  # (… and a role: the same)
    role_conflict = (
        _other_recipient(claim, quote, held_terms, pred_hits, index, gloss)
        or _other_actor(claim, quote, held_terms, pred_hits, name_hits, index, gloss)
        or (
            holder := _other_holder(
                claim,
                quote,
                names,
                name_hits,
                pred_hits,
                gloss,
                # (most of its words, its place if it names one and no other day for it:
                # every district has a magistrate, every week a meeting; asked only when a
                # role of the claim's is found)
                same_setting=lambda: (
                    score >= opts.min_relevance
                    and all(
                        held(e, held_terms) for e in claim.key_facts.entities if e.kind == "place"
                    )
                    and not _other_day(claim, quote)
                ),
            )
        )
        or (titled := _other_titled(_title_text(claim.text, claim.sentence), quote))
        or opposite_outcome(
            claim.text, [e for e in name_hits if e.kind in _PARTY_KINDS], quote, gloss
        )
    )
    # (a decision the other way holds the claim's object: that is the fact, named or not)
    decided = not role_conflict and bool(
        role_conflict := _other_decision(claim, c_terms, doc.text, unit, links, index, gloss)
    )
    # (the claim's own action, denied — or told where the claim denies it — by a quote that
    # names one of its parties: "did not attend the summit" / "attended the summit"; most of
    # its words are not enough: "जिन कर्मचारियों ने कागजों की जांच नहीं की" is another's)
    # (in the claim's script only: a negation often comes or goes in translation — "जो भी
    # दोषी होगा, उसे बख्शा नहीं जाएगा" / "those responsible will be punished"; and not of a
    # quote's words)
    if (
        not role_conflict
        and pred_hits
        and name_hits
        and claim.type is not ClaimType.QUOTE
        and is_devanagari(claim.text) == unit.devanagari
        and not _QUOTED.search(quote)
    ):
        role_conflict = _denied(claim.text, quote, pred_hits, gloss)
    # (the claim's person given a lower or another rank of the claim's post, beside their
    # name: "as an Additional Advocate General" for "as the state's Advocate General")
    if not role_conflict and name_hits:
        role_conflict = _other_rank(claim.text, quote, name_hits)
    if role_conflict:
        conflicts.append(role_conflict)
    if (
        titled
        and role_conflict == titled
        and (ours := _titled(_title_text(claim.text, claim.sentence)))
    ):
        # (the title is the fact disputed: the figures the quote gives beside it stand)
        disputed.append(ours[1])
    # The claim's parties must be named — unless the quote gives the claim's exact figure
    # (or time) for the claim's action: names are spelled in ways no lexicon links
    # (तटरक्षक बल / Coast Guard), figures and actions are not (checked below).
    # A quote's pronoun ("…," the judge observed in her judgment) is mostly its speaker, not
    # the person the sentence before named: such a party helps when named, the quote's own
    # words carry it when not.
    parties_missing = (
        bool(names)
        and not name_hits
        and not role_conflict
        and not (claim.type is ClaimType.QUOTE and all(e.kind == "context" for e in names))
    )
    # Clock times and dates are values too: "सुबह 5:40 बजे" is "5.40 am".
    times = [d for d in claim.key_facts.dates if d.kind in ("time", "date")]
    # Beside a clock time, a span of time is a detail: "began at 4.30 pm, half an hour late"
    # is about when it began.
    figures = _figures(claim)
    quote_times = (
        {day_key(d.value): d for d, at, _ in find_dates(quote) if not _timestamp(quote, at)}
        if times
        else {}
    )
    time_hits = [d for d in times if day_key(d.value) in quote_times]
    matched.extend(d.value for d in time_hits)
    # One other clock time for the same happening: told apart from a time of something else
    # by the claim's other values (below), all of which the quote must hold.
    other_time = None
    time_conflict = False
    if times and not time_hits and times[0].kind == "time":
        # (a day is told apart from a page's other days — of the arrest, of the hearing —
        # by more than words: days are no rivals here)
        others = [d for k, d in quote_times.items() if ":" in k]
        # Without figures, a quote that repeats the words of what the claim timed ("The
        # court pronounced its verdict at around 11 am" for "… pronounced the verdict
        # around 3.30 pm") tells of the same happening, however few of its other words
        # (the judge's name, the crowded courtroom) it repeats.
        happening = (
            not figures and len(others) == 1 and _same_happening(claim, c_terms, held_terms, index)
        )
        if len(others) == 1 and (score >= opts.min_relevance or happening):
            other_time = f"{times[0].text} vs {others[0].text}"
            if not figures and (score >= _TIME_RIVAL_SCORE or happening):
                conflicts.append(other_time)
                other_time = None
                time_conflict = True
    parties_missing = parties_missing and not time_conflict
    # A claim with neither names nor numbers is about its object (हवा से हवा में मार करने
    # वाली मिसाइलों): that must be there, not just the topic's common words.
    # (A quote is about its own words, which the caller found in this one.)
    if (
        not names
        and not figures
        and not time_hits
        and not conflicts
        and claim.type is not ClaimType.QUOTE
    ):
        what = claim.key_facts.part("object") or claim.key_facts.part("topic")
        wanted = [index[k] for k in _keys(what, gloss) if k in index] if what else []
        if wanted and sum(v in held_terms for v in wanted) * 2 < len(wanted):
            return None
        if not wanted and score < _BARE_CLAIM_SCORE:
            return None  # no object to look for: most of the claim's words must be there
    # Years are facts too: a claim about 2019 needs a page that says 2019; so does a month
    # of a year ("is planned for February 2027": the plan's date is its fact).
    years = [
        float(d.value[:4]) for d in claim.key_facts.dates if d.kind == "year" or _month_of_year(d)
    ]
    if (
        years
        and not figures
        and not any(_same_value(y, q.value, opts) for y in years for q in unit.numbers)
    ):
        return None  # (beside a quantity, a year is a detail, not the fact)
    # … and another month of a year for it is a rival ("फरवरी २०२७ में" for "in March 2027"),
    # in a quote about the same happening (its parties or action, most of its words).
    months = [d for d in times if _month_of_year(d)]
    if months and not figures and not time_hits and score >= opts.min_relevance:
        other_months = [d for d in quote_times.values() if _month_of_year(d)]
        if other_months and (name_hits or pred_hits):
            conflicts.append(f"{months[0].text} vs {other_months[0].text}")
            time_conflict = True
    matched.extend(f"@{p}" for p in pred_hits)

    # Numbers: the same value supports; another value for the same counted thing conflicts.
    # The claim's exact numbers carry its fact; a rough one ("more than two years") is a
    # detail that cannot support on its own (unless the claim has nothing else).
    numbers = figures
    if claim.type is ClaimType.QUOTE and (said := _QUOTED.search(claim.text)):
        # A quote's fact is its words: figures of the sentence around them ("…," Sahni told
        # the plenary, attended by 21 of the 23 members) are another fact.
        numbers = tuple(f for f in numbers if said.start() <= f.start < said.end())
    exact = [f for f in numbers if not _bound(f, claim.text)] or list(numbers)
    hits: list[NumberFact] = []
    counted_hits: list[NumberFact] = []  # … whose counted thing agrees too (16 sailors)
    kind_hits: list[NumberFact] = []  # … that at least are not a span against a count
    held_at: list[int] = []  # where the quote's figures that the claim's hit end
    doing_conflict = False  # another value for a figure, in the figure's own doing
    quote_numbers = unit.numbers
    for fact in numbers:
        span = _in_days(fact)  # a duration compares in days: seven days is one week
        same = [
            q
            for q in quote_numbers
            if (
                _same_value(span, q_span, opts)
                if span is not None and (q_span := _in_days(q)) is not None
                else _same_value(fact.value, q.value, opts)
            )
            and not _other_fate(fact, q)
            and (span is not None or not _other_kind(fact, q, gloss))  # (7 days: 1 week)
            # ("a three-match series" is no three wickets: a number fused into a compound
            # names what it counts, and that must be the claim's)
            and not (
                _compounded(q, doc.text)
                and not _compounded(fact, claim.text)
                and not _same_counted(fact, q, loanwords=True)
            )
        ]
        rivals: list[NumberFact] | None = None
        if (
            same
            and _margin(fact, claim.text, gloss)
            and not any(_margin(q, doc.text, gloss) for q in same)
        ):
            # A margin is told by another margin: "six fours … a win by seven wickets" gives
            # 7 for "6 विकेट से", not 6.
            rivals = _rivals(fact, span, quote_numbers, claim.text, doc.text, score, gloss)
            if rivals:
                same = []
        if same:
            matched.append(_describe(fact, claim.text, gloss))
            hits.append(fact)
            held_at.append(same[0].end)
            if any(
                _same_counted(fact, q, loanwords=True)
                or (span and _in_days(q))
                or _same_fate(fact, q)
                for q in same
            ):
                counted_hits.append(fact)
            if any((span is None) == (_in_days(q) is None) for q in same):
                kind_hits.append(fact)  # "three firms" is not "the three-day fair"
            continue
        if rivals is None:
            rivals = _rivals(fact, span, quote_numbers, claim.text, doc.text, score, gloss)
        if rivals:
            # The article's own sentence gives that value too, to another of its facts
            # ("trade touched $5.43 billion …, and would take it to $10 billion"): it is that
            # fact, no rival of this one.
            stated = _sentence_values(claim.sentence)
            rivals = [q for q in rivals if not any(_same_value(q.value, v, opts) for v in stated)]
            # … and so does another of its sentences, to a like count ("चार लोग अब भी लापता"
            # and, next, "लापता लोगों में वे दो ग्रामीण", against "two are missing"): the
            # article does not dispute itself; the quote tells that other fact.
            rivals = [
                q
                for q in rivals
                if not any(
                    _same_value(q.value, g.value, opts)
                    and (_same_fate(g, q) or _same_counted(g, q))
                    and not _same_value(g.value, fact.value, opts)
                    # (a score's "178 for 7" is no margin's "by seven wickets")
                    and _margin(g, g_text, gloss) == _margin(q, doc.text, gloss)
                    for g, g_text in told
                )
            ]
        if rivals:
            conflicts.append(
                f"{_describe(fact, claim.text, gloss)} vs {_describe(rivals[0], doc.text, gloss)}"
            )
            disputed.append(fact_label(fact, claim.text))
            # (another count of the claim's counted thing, in the same doing: "पक्ष में 46
            # वोट पड़े" for "प्रस्ताव के पक्ष में 47 … वोट पड़े", whatever noun the claim also
            # has)
            doing_conflict = doing_conflict or (
                fact.counts is not None
                and span is None  # (a span or an age: not a count of things)
                and _same_counted(fact, rivals[0])
                and not _part_or_more(fact, claim.text)  # ("जिनमें से सात": of a whole)
                and _same_doing(fact, rivals[0], claim.text, doc.text, gloss)
            )

    # An amount and its conversion in brackets ("Rs 3.75 cr (about USD 450K)") are one fact:
    # a quote that gives either gives both (a Hindi page seldom converts).
    for amount, converted in _conversions(tuple(exact), claim.text):
        for one, other in ((amount, converted), (converted, amount)):
            if (
                one in hits
                and other not in hits
                and not any(c.startswith(_describe(other, claim.text, gloss)) for c in conflicts)
            ):
                hits.append(other)
                if one in counted_hits:
                    counted_hits.append(other)
                if one in kind_hits:
                    kind_hits.append(other)
    if other_time and not conflicts and all(f in hits for f in _core(exact)):
        conflicts.append(other_time)  # "struck at 2:47 pm, magnitude 5.6" for 2:47 am, 5.6
        disputed.append(times[0].text)  # (the time is the fact disputed: its figures stand)
    # A conflict counts when the quote is about the same event: the claim's parties or
    # action are in it (or, for a claim with neither, the document is about the event).
    # (a sum of money is a unit, not a thing counted: without the claim's action, "५० लाख
    # रुपये की इनामी राशि" is anyone's prize)
    fact_held = bool(pred_hits or not preds) and (
        any(f in exact and (pred_hits or f.counts not in _MONEY) for f in counted_hits)
        or (bool(time_hits) and not numbers)
    )
    # Two or more of the claim's own figures in one quote, at least one of them counting the
    # same thing and none a span against a count, are as good as its names ("₹1,500 crore
    # (about USD 180 million)" / "पंद्रह सौ करोड़ रुपये (करीब 18 करोड़ डॉलर)"; "8200
    # जमाकर्ताओं के 47 करोड़ रुपये", whose depositors no lexicon here translates).
    # The claim's year counts as one of them ("$10 billion by 2030").
    year_hits = [y for y in years if any(_same_value(y, q.value, opts) for q in unit.numbers)]
    own_count = any(f in counted_hits and f.counts in counted_once for f in exact)
    figures_held = (
        (len(exact) + len(year_hits) >= 2 or all(_specific(f) for f in exact) or own_count)
        and bool(exact)
        and all(f in kind_hits for f in exact)
        and any(f in counted_hits for f in exact)
    )
    if (
        parties_missing
        and not fact_held
        and not figures_held
        # (the claim's quoted words in another named person's mouth: judged below)
        and not (
            claim.type is ClaimType.QUOTE and _other_speaker(claim, quote, gloss, before_quote)
        )
    ):
        return None
    # A claim without figures whose every clock time the quote gives ("सुबह करीब सवा सात
    # बजे … चालक का नियंत्रण छूट गया" / "सुबह लगभग 7:15 बजे … बस … लुढ़कती चली गई"): the
    # time anchors it as a figure would.
    times_held = (
        bool(time_hits)
        and len(time_hits) == len(times)
        and all(d.kind == "time" for d in times)  # (a day is shared by too much)
        and not figures
    )
    if (
        score < opts.min_relevance
        and not name_hits
        and not figures_held
        and not times_held
        and not time_conflict
        # (a rival figure for the claim's action in the claim's place — "मृतकों की संख्या
        # बढ़कर सोलह हो गई" in "टिहरी गढ़वाल जिले" — needs no other party when it names none)
        and not (
            conflicts
            and pred_hits
            and not names
            and any(
                _entity_held(e, unit, doc.text, held_terms, links, index, gloss)
                for e in claim.key_facts.entities
                if e.kind == "place"
            )
        )
        # (nor does one for a claim of neither parties nor actions — "The scheme will cost
        # ₹486 crore over three years" — whose other figure and words it holds: "योजना पर
        # अगले तीन साल में 648 करोड़ रुपये खर्च होंगे")
        and not (
            conflicts and hits and not names and not preds and score >= opts.anchored_relevance
        )
        # (nor does a claim that names none, whose toll the quote gives for its action: "दो
        # की मौत" for "इलाज के दौरान दो लोगों की मौत हो गई: छह साल की एक बच्ची और …")
        and not (not names and fact_held and any(f.fate for f in counted_hits))
        and not titled  # (the claim's title is its fact, given to another)
    ):
        return None  # a quote found by its values alone must name the claim's parties
    # A claim whose only figures are floors or ceilings ("in a case that had dragged on for
    # more than 14 years") states its fact by its parties: a quote that names every one of
    # them (two or more) tells that fact, and says nothing of the bound, which it leaves out.
    aside = (
        bool(numbers)
        and all(_bound(f, claim.text) for f in numbers)
        and len(names) >= 2
        and len(name_hits) == len(names)
        and score >= opts.min_relevance
    )
    # A quote that gives the claim's clock time (and its day, if it names one) for what the
    # claim's words tell, and none of its figures, states the when of it: a fact of its own
    # ("all the gates … were lifted at 6 am on Saturday" for "सभी 56 फाटक शनिवार सुबह छह
    # बजे खोल दिए गए"); the figures it leaves out are left out, not supported.
    by_time = (
        bool(numbers)
        and not conflicts
        and any(d.kind == "time" for d in time_hits)
        and len(time_hits) == len(times)
        and not _other_day(claim, quote)
        and {d.value for d in claim.key_facts.dates if d.kind == "weekday"}
        <= {w.value for w in _weekdays(quote)}
        and score >= opts.min_relevance
        and not parties_missing
    )
    if (
        not names
        and not preds
        and figures
        and all(_in_days(f) is not None for f in figures)
        and not _own_word_held(claim, c_terms, held_terms, index)
    ):
        # A claim of no party and no action ("जिसे सात दिन में रिपोर्ट सौंपनी है") is told by
        # its words beside its figures: a quote that shares only a figure and what it
        # counts ("सर्वे सात दिन में पूरा करने का निर्देश", "28 days of curing") is about
        # something else.
        return None
    if conflicts and (
        name_hits
        or pred_hits
        or time_conflict
        or decided
        or titled
        or holder
        or not (names or preds)
        or (not names and _object_held(claim, held_terms, index, gloss))
        or (not names and doing_conflict)
    ):
        stance = Stance.CONTRADICTS
    elif numbers and not any(f in hits for f in _core(exact)) and not aside and not by_time:
        return None  # about the event, silent on the numbers the claim is about
    elif times and not figures and not time_hits and not names:
        return None  # silent on the time the claim is about
    elif (
        preds
        and not pred_hits
        and claim.type is not ClaimType.QUOTE
        and not time_hits
        # … unless the quote holds every figure of the claim, counting the same things, and
        # none as what someone asked for: its verb is then one no glossary knows ("sanctioned
        # ₹25 crore" for "announced ₹25 crore", "६ विकेट से मात दी" for "6 विकेट से हराया")
        and not (
            exact
            and all(f in counted_hits for f in _core(exact))
            and not any(_asked_for(q, doc.text, gloss) for q in quote_numbers)
        )
    ):
        return None  # the same people doing something else (at the claim's time, it is this)
    elif _forecast(_up_to(doc.text, unit, held_at)) and not _forecast(claim.text):
        # "is expected to cover 11 districts": a forecast is not the fact (what a figure's
        # own clause says after it — "₹4.7 crore that could not be explained" — is not)
        return None
    elif _demanded(quote, gloss) and not _demanded(claim.text, gloss):
        return None  # "विपक्ष ने मांग की कि सीबीआई अपील करे": a demand is not the fact
    elif (
        len({e.latin for e in names}) >= 2
        and len({e.latin for e in name_hits}) == 1
        and all(e.kind in ("acronym", "institution", "org") for e in name_hits)
        and not hits
        and not time_hits
        and not pred_hits
        and score < _ONE_PARTY_SCORE
    ):
        # "… an imager built by Pune's Sahyadri Optronics, the first … on an ISRO satellite"
        # is not told by a sentence about ISRO's rocket: of a claim's several parties, one
        # alone, with none of its figures, times or actions and few of its words, is
        # another story about that party.
        return None
    else:
        stance = Stance.SUPPORTS
    # Another day for the same happening: the quote tells of the claim's action at the
    # claim's own clock time, or with every figure of it counting the same things, on another
    # weekday ("बुधवार सुबह 9 बजकर 17 मिनट पर … प्रक्षेपित" for "गुरुवार सुबह 9 बजकर 17 मिनट 30
    # सेकंड पर … प्रक्षेपित किया").
    same_happening = bool(time_hits) or (
        bool(exact) and all(f in counted_hits for f in _core(exact))
    )
    if (
        stance is Stance.SUPPORTS
        and same_happening
        and pred_hits
        and (other_day := _other_day(claim, quote))
    ):
        stance = Stance.CONTRADICTS
        conflicts.append(other_day)
    # … and another town for it: "near Kovilpatti in Thoothukudi district" for "near Sattur
    # in Virudhunagar district", with the claim's action and every figure of it.
    if (
        stance is Stance.SUPPORTS
        and same_happening
        and pred_hits
        and (other_place := _other_place(claim, quote, pred_hits, gloss))
    ):
        stance = Stance.CONTRADICTS
        conflicts.append(other_place)
        disputed.append(other_place.removeprefix("place: ").split(" vs ")[0])
    # A quote is its speaker's: the claim's quoted words put in another named person's mouth
    # ("“…,” project director Nandini Rao said" for "“…,” mission director Harish
    # Kumaraswamy told reporters") are a wrong report of who said them.
    if (
        stance is Stance.SUPPORTS
        and claim.type is ClaimType.QUOTE
        and (other_speaker := _other_speaker(claim, quote, gloss, before_quote))
    ):
        stance = Stance.CONTRADICTS
        conflicts.append(other_speaker)
    # A meeting is told by who met: the one the claim says was met must be there, in the
    # quote or the sentences around it ("met his Chinese counterpart Dong Jun" tells nothing
    # of a meeting with Belousov, whoever else both name).
    if stance is Stance.SUPPORTS and _MEETING in preds and claim.type is not ClaimType.QUOTE:
        whom = claim.key_facts.part("recipient") or ""
        people = [
            e
            for e in names
            if e.kind == "name"
            and e not in name_hits
            and whom
            and (e.text in whom or whom in e.text)
            and not _described(e, gloss)
        ]
        if people:
            context = held_terms | around() if around is not None else held_terms
            if not all(held(e, context) for e in people):
                return None
    # … and so is a deed done together: the companion ("पुलिस अधीक्षक पुनीत गहलोत के साथ",
    # "along with Ketan Salvi") must be there too, or the quote tells of another visit.
    if stance is Stance.SUPPORTS and claim.type is not ClaimType.QUOTE:
        companions = [
            e
            for e in names
            if e.kind == "name" and e not in name_hits and _accompanies(e, claim.text)
        ]
        if companions:
            context = held_terms | around() if around is not None else held_terms
            if not all(held(e, context) for e in companions):
                return None
    # A claim of several facts is supported fact by fact: say which this quote leaves out.
    # A quote that disputes one fact of a claim (its town, its time, one of its figures)
    # may state its others: say which it states, which it disputes, which it leaves out.
    by_fact = stance is Stance.CONTRADICTS and bool(disputed)
    core = _core(exact) if len(_core(exact)) > 1 or by_fact or by_time else []
    labels = tuple(fact_label(f, claim.text) for f in core)
    missing = tuple(
        label
        for f, label in zip(core, labels, strict=True)
        if f not in hits and (stance is Stance.SUPPORTS or by_fact) and label not in disputed
    )
    # … and when: the claim's clock time and day are facts of their own beside the one
    # disputed ("at about 2.45 PM … in Kottaiyur village" against a page with another town
    # and the same time), which a supporting quote may state too.
    when = [d for d in claim.key_facts.dates if d.kind in ("time", "date", "weekday")]
    told_when: tuple[str, ...] = ()
    if when and (by_fact or (stance is Stance.SUPPORTS and labels)):
        dated = {day_key(d.value) for d, _, _ in find_dates(quote)} | {
            d.value for d in _weekdays(quote)
        }
        told_when = tuple(
            d.text for d in when if (d.value if d.kind == "weekday" else day_key(d.value)) in dated
        )
    if by_fact:
        labels += tuple(d.text for d in when)
        missing += tuple(d.text for d in when if d.text not in told_when and d.text not in disputed)
    return EvidenceMatch(
        claim_index=ci,
        doc_key=doc.key,
        quote=quote,
        quote_span=(unit.start, unit.end),
        highlight=(0, len(quote)),  # (the part that matched: found by the caller)
        score=round(min(100.0, score), 1),
        stance=stance,
        matched_facts=tuple(dict.fromkeys(matched)),
        conflicting_facts=tuple(conflicts),
        claim_facts=labels,
        missing_facts=missing,
        disputed_facts=tuple(dict.fromkeys(disputed)) if stance is Stance.CONTRADICTS else (),
        told_when=told_when,
    )


def _other_place(claim: Claim, quote: str, actions: Sequence[str], gloss: Glossary) -> str | None:
    """ "place: Sattur vs Kovilpatti" when the claim says where it happened with a town and
    a clause of the quote that tells of the claim's ``actions`` gives another town, naming
    none of the claim's towns anywhere; None otherwise. Towns only (a state or a country is
    where too, less precisely), and only after a word of place: near, in, at, outside / के
    पास, में, के निकट ("the injured were taken to a hospital in Madurai" is no place of the
    blast)."""
    ours = _located_towns(claim.text, claim.key_facts.entities, gloss)
    if not ours:
        return None
    told = " ".join(
        quote[lo:hi]
        for lo, hi in clauses(quote)
        if any(set(actions) & gloss.actions(t.text) for t in tokenize(quote[lo:hi]))
    )
    theirs = _quote_towns(told, gloss) if told else ()
    if not theirs:
        return None
    # (a town inside one of the claim's longer names — "Indore" in "Indore Falcons" — does not
    # say where it happened)
    bare = quote
    for e in claim.key_facts.entities:
        if e.kind != "place" and " " in e.text and any(a.text in e.text for a in ours):
            bare = bare.replace(e.text, " ")
    latin = to_latin(fold_devanagari(bare).casefold())
    if any(_same_town(a, b) for a in ours for b in theirs) or any(a.latin in latin for a in ours):
        return None
    return f"place: {ours[0].text} vs {theirs[0].text}"


_BEFORE_TOWN = re.compile(r"\b(?:near|in|at|outside)\s+$", re.IGNORECASE)
_AFTER_TOWN = re.compile(r"^\s*(?:के\s+(?:पास|निकट|नजदीक|नज़दीक)|में)(?![\u0900-\u097f])")


@lru_cache(maxsize=4096)  # (a quote is asked once per claim)
def _quote_towns(text: str, gloss: Glossary) -> tuple[Entity, ...]:
    """The towns ``text`` says something happened at (its entities found only when one of
    its words may be a town)."""
    latin = [to_latin(fold_devanagari(t.text).casefold()) for t in tokenize(text)]
    words = {*latin, *(f"{a} {b}" for a, b in zip(latin, latin[1:], strict=False))}
    if not words & gloss.towns:
        return ()
    return tuple(_located_towns(text, find_entities(text, gloss), gloss))


def _located_towns(text: str, entities: Sequence[Entity], gloss: Glossary) -> list[Entity]:
    """The towns (GeoNames' Indian towns) of ``entities`` that ``text`` says something
    happened at."""
    found = []
    for e in entities:
        if (
            e.kind != "place"
            or e.latin not in gloss.towns
            # (a Hindi word the general lexicon translates is no town: थाने is no Thane)
            or (not e.text.isascii() and gloss.bilingual.keys_for(e.text))
        ):
            continue
        for m in re.finditer(re.escape(e.text), text):
            if _BEFORE_TOWN.search(text[max(0, m.start() - 12) : m.start()]) or _AFTER_TOWN.match(
                text[m.end() : m.end() + 12]
            ):
                found.append(e)
                break
    return found


def _same_town(a: Entity, b: Entity) -> bool:
    return a.latin == b.latin or skeleton(a.latin) == skeleton(b.latin)


def _other_day(claim: Claim, quote: str) -> str | None:
    """ "गुरुवार vs Wednesday" when the claim names one weekday and the quote names one
    other weekday, and not the claim's; None otherwise."""
    ours = {d.value: d for d in claim.key_facts.dates if d.kind == "weekday"}
    if len(ours) != 1:
        return None
    theirs = _weekdays(quote)
    if len(theirs) != 1 or theirs[0].value in ours or _day_of_another(quote, theirs[0].text):
        return None
    ((_, mine),) = ours.items()
    return f"{mine.text} vs {theirs[0].text}"


# A day inside a phrase of time of its own ("died … after a wedding reception on Friday
# night", "शनिवार रात हुई दावत के बाद"): the day of that other happening, not of the claim's.
_AFTER_BEFORE_EN = re.compile(r"\b(?:after|before|following|since)\b(?:\W+\w+){0,5}\W+$", re.I)
_AFTER_BEFORE_HI = re.compile(r"^(?:\W*[^\s।]+){0,5}?\s+(?:के|से)\s+(?:बाद|पहले)")


def _day_of_another(quote: str, day: str) -> bool:
    at = quote.find(day)
    if at < 0:
        return False
    start, end = _sentence_around(quote, at, at + len(day))
    before, after = quote[start:at], quote[at + len(day) : end]
    return bool(_AFTER_BEFORE_EN.search(before) or _AFTER_BEFORE_HI.match(after))


_SENTENCE_END = re.compile(r"[.।!?](?:\s|$)|\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` that holds ``text[start:end]`` (its end
    mark left out)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (ends[-1] if ends else 0), (after.start() if after else len(text))


@lru_cache(maxsize=4096)  # (a quote is asked once per claim)
def _weekdays(quote: str) -> tuple[DateFact, ...]:
    """The weekdays a quote names, one per day."""
    days = {d.value: d for d, _, _ in find_dates(quote) if d.kind == "weekday"}
    return tuple(days.values())


# A page's own time stamp ("12 March 2025, 2:20 pm", "अपडेट: 11 मार्च 2025, शाम 5:45 बजे",
# "Updated: 14:05 IST") is when it was written, not when anything happened.
_STAMP_BEFORE = re.compile(
    r"(?:\b(?:19|20)\d\d\s*[,|·-]?\s*|(?:updated|published|posted|अपडेट|प्रकाशित)\s*:?[^\n]{0,30})$",
    re.IGNORECASE,
)


def _timestamp(text: str, at: int) -> bool:
    """Is the clock time at ``at`` the page's own date line (after a year or an "Updated")?"""
    line = text.rfind("\n", 0, at) + 1
    return bool(_STAMP_BEFORE.search(text[max(line, at - 40) : at]))


def _same_happening(
    claim: Claim, c_terms: Sequence[str], held: set[int], index: dict[str, int]
) -> bool:
    """Does the quote hold two or more of the claim's own words that are no name, value or
    translation of them ("pronounced", "verdict")? Then it tells of what the claim tells,
    whatever time or place it gives."""
    named = {w for e in claim.key_facts.entities for w in e.latin.casefold().split()}
    words = [
        t
        for t in c_terms
        if t[:1] not in "#%~"
        and t not in named
        and t.casefold() not in STOPWORDS
        and not _ROUGH.match(t)  # "around 3.30 pm": a word of the time, not the happening
    ]
    shared = sum(index[t] in held for t in words if t in index)
    return shared >= 2 and shared >= _HAPPENING_SHARE * len(words)


_HAPPENING_SHARE = 1 / 3


def _rivals(
    fact: NumberFact,
    span: float | None,
    quote_numbers: Sequence[NumberFact],
    claim_text: str,
    quote_text: str,
    score: float,
    gloss: Glossary,
) -> list[NumberFact]:
    """The quote's other values for a claim's figure: the same counted thing (or a span of
    time for a span), the same happening, the same holder or both margins, both deadlines or
    neither, neither side a floor or a ceiling nor what someone asked for, and a value given
    roughly further than its rounding allows."""
    return [
        q
        for q in quote_numbers
        if (
            _same_counted(fact, q)
            or _same_toll(fact, claim_text, q, quote_text)
            or span is not None
            and _in_days(q) is not None
        )
        and not _other_fate(fact, q)
        and not _unlike_people(fact, q, gloss)
        # (what did not happen to three is no count of what happened to seven: "तीन विधायक
        # सदन में मौजूद नहीं थे" / "Seven MLAs walked out")
        # (a toll of none is told by a denial: "कोई यात्री घायल नहीं हुआ" is the figure 0)
        and (
            0 in (fact.value, q.value)
            or _count_denied(fact, claim_text) == _count_denied(q, quote_text)
        )
        and (score >= _SAME_SETTING_SCORE or _same_doing(fact, q, claim_text, quote_text, gloss))
        and (
            not (_bound(q, quote_text) or (q.fate is None and _tally(q, quote_text)))
            or _floor_above(q, quote_text, fact, claim_text)
        )
        and not _bound(fact, claim_text)
        and _beyond_rounding(fact, claim_text, q, quote_text)
        # (what someone asked for is no rival of what was done — unless the claim's figure
        # is itself a demand: "बिजली की मांग 87,310 मेगावाट" / "peak demand of 89,950 MW")
        and not (_asked_for(q, quote_text, gloss) and not _asked_for(fact, claim_text, gloss))
        and _same_scale(fact.value, q.value)
        and (margin := _margin(fact, claim_text, gloss)) == _margin(q, quote_text, gloss)
        and (margin or _same_holder(fact, claim_text, q, quote_text, gloss))
        # a deadline is told by a deadline: "within eight weeks" is no rival of "a hearing
        # that lasted three months"
        and _deadline(fact, claim_text) == _deadline(q, quote_text)
    ]


_CLAUSE_END = re.compile(r"[,;:।.!?]|\s(?:and|but|while|जबकि|लेकिन|और)\s")


def _count_denied(n: NumberFact, text: str) -> bool:
    """Is what the clause tells of the counted ones denied ("तीन विधायक सदन में मौजूद नहीं
    थे", "12 MLAs did not vote")? A denying word after the number, before its clause ends."""
    rest = text[n.end : n.end + 60]
    if end := _CLAUSE_END.search(rest):
        rest = rest[: end.start()]
    return _denying([fold_devanagari(t.text).casefold() for t in tokenize(rest)])


ROUGH_TOLERANCE = 0.1


def _beyond_rounding(a: NumberFact, a_text: str, b: NumberFact, b_text: str) -> bool:
    """Exact values are rivals as they stand; a value given roughly ("about $350 million",
    "करीब 40") is a rival only further than a tenth away and than its rounding allows
    ("about $350 million" against $310 million is a different figure; "nearly 60 per cent"
    against 59.8 and "about 1,000" against 870 are the same)."""
    rough_a, rough_b = _rough(a, a_text), _rough(b, b_text)
    if not (rough_a or rough_b):
        return True
    if rough_a and _bracketed(a, a_text) or rough_b and _bracketed(b, b_text):
        return False  # "(about $140 million)": a conversion of the figure before it
    # A round figure is rounded at its last significant digit: "about 1,000" holds 870,
    # "about 350" does not hold 310.
    slack = max(
        ROUGH_TOLERANCE * max(abs(a.value), abs(b.value)),
        *(_rounding(n.value) / 2 for n, rough in ((a, rough_a), (b, rough_b)) if rough),
    )
    return abs(a.value - b.value) > slack


def _rounding(value: float) -> float:
    """The unit of a number's last significant digit (1,000 -> 1,000; 350 -> 10; 4.5 -> 0.1)."""
    if value == 0:
        return 1.0
    unit = 10.0 ** math.floor(math.log10(abs(value)))
    while unit > 1e-6 and abs(round(value / unit) * unit - value) > unit * 1e-6:
        unit /= 10
    return unit


_COMPOUND = re.compile(r"-[A-Za-z]|\s+\S+(?:ीय|ीया)(?![\u0900-\u097f])")


def _compounded(n: NumberFact, text: str) -> bool:
    """Is the number fused into a compound that says what it counts ("a three-match
    series", "seven-year-old", "सात वर्षीय")?"""
    return bool(_COMPOUND.match(text, n.end))


def _bracketed(n: NumberFact, text: str) -> bool:
    """The number is a conversion in brackets of the amount just before them: "12.4 अरब
    रुपये (लगभग 14 करोड़ डॉलर)", "Rs 1,240 crore (about $140 million)"."""
    opened = text.rfind("(", 0, n.start)
    if opened < 0 or text.rfind(")", 0, n.start) > opened:
        return False
    before = text[max(0, opened - 40) : opened].rstrip()
    return any(m.end >= len(before) - 12 for m in find_numbers(before))


@lru_cache(maxsize=1024)  # (a claim is asked of every quote)
def _conversions(
    figures: tuple[NumberFact, ...], text: str
) -> tuple[tuple[NumberFact, NumberFact], ...]:
    """(amount, its conversion in brackets) among a claim's figures: "₹1,240 crore (about
    $140 million)"."""
    pairs = []
    for n in figures:
        if not _bracketed(n, text):
            continue
        opened = text.rfind("(", 0, n.start)
        before = [m for m in figures if m.end <= opened and opened - m.end <= 12]
        if before:
            pairs.append((before[-1], n))
    return tuple(pairs)


def _figures(claim: Claim) -> tuple[NumberFact, ...]:
    """The claim's numbers that carry its facts: all of them but a rank ("the first"),
    except that spans of time beside a clock time are details of it ("began at 4.30 pm,
    half an hour late")."""
    numbers = tuple(n for n in claim.key_facts.counts if not _age_of(n, claim))
    if any(d.kind == "time" for d in claim.key_facts.dates) and all(
        _in_days(n) is not None for n in numbers
    ):
        return ()
    return numbers


def _age_of(n: NumberFact, claim: Claim) -> bool:
    """Is the number a person's age beside the name ("R. Muthukumar, 52,", "मुथुकुमार
    (52)")? It tells who, not what happened: a page need not repeat it."""
    if n.counts is not None or not 1 <= n.value <= 120 or n.value != int(n.value):
        return False
    text = claim.text
    if not re.match(r"\s*[,)]", text[n.end :]):
        return False
    before = text[: n.start].rstrip()
    if not before.endswith((",", "(")):
        return False
    bracketed = before.endswith("(")
    before = before[:-1].rstrip()
    # (a Hindi name the dictionary's gaps did not find: "मुथुकुमार (52)")
    return (bracketed and bool(re.search(r"[\u0900-\u097f]$", before))) or any(
        before.endswith(e.text) or before.endswith(e.text.split()[-1])
        for e in claim.key_facts.entities
        if e.kind in ("name", "candidate")
    )


def fact_label(n: NumberFact, text: str) -> str:
    """A fact of a claim as the claim writes it: the number and the word it counts
    ("14 lakh doses", "11 districts", "₹316 crore")."""
    label = text[n.start : n.end].strip()
    if n.counts:
        words = tokenize(text[n.end :])
        if words:
            gap = text[n.end : n.end + words[0].start]
            if gap.strip(" -"):
                label += " " + words[0].text
            else:  # as written: "1,485-kg", "14 lakh doses"
                label = text[n.start : n.end + words[0].end].strip()
    return label


# Relevance at which a quote is about the claim's very setting: a number there that counts the
# same thing is a rival without more proof ("22 सदस्य सवार थे" / "had 24 crew members on board";
# "14 नमूने … भेजे" / "have sent 11 samples, of kheer, milk …": across scripts a quote seldom
# holds 90 of the claim's words; 80 was chosen on dusk, the tuned set; 70 was measured too and
# not taken, as only never-tuned sets told it from 80).
_SAME_SETTING_SCORE = 80.0
# Relevance a quote needs for a claim with no names, numbers, times or object to hold on to.
_BARE_CLAIM_SCORE = 65.0
# Relevance above which a quote with one other clock time gives another time for the claim's
# happening (below it, the time may be of something else).
_TIME_RIVAL_SCORE = 70.0
_ONE_PARTY_SCORE = 60.0  # relevance below which one of several parties alone tells nothing
# Verbs that report what someone said: the fact is what was said, not the saying.
_REPORTING = frozenset({"say"})
_MEETING = "meet"
# Actions with one recipient: a gift given to someone else contradicts the claim.
_TRANSFERS = frozenset({"gift", "deliver", "pay", "award", "appoint"})


# Actions done by one agent: another agent arresting the same person, or winning the same
# final, contradicts the claim (not so for meeting or saying, which many do).
_SOLE_AGENT = frozenset({"arrest", "win", "appoint", "launch", "preside"})
_PARTY_KINDS = ("name", "org", "institution", "acronym")


def _other_decision(
    claim: Claim,
    c_terms: Sequence[str],
    text: str,
    unit: Unit,
    links: dict[str, set[int]],
    index: dict[str, int],
    gloss: Glossary,
) -> str | None:
    """ "decision: approved vs put off" when a clause of the quote decides the other way
    on what the claim's decision was about: the clause holds two or more of the claim's
    terms besides the decision (the pipeline, its 212 crore; a 10 per cent increase), one
    of them no number, and grants what the claim says was refused or deferred, or the reverse."""
    ours = decision_of(claim.text, gloss)
    if ours is None:
        return None
    content = {index[k] for k in c_terms if k in index and not _deciding(k)}
    words = {index[k] for k in c_terms if k in index and k[:1] not in "#%" and not _deciding(k)}
    ends = [at for at, _, _ in unit.parts[1:]] + [unit.end]
    for (at, terms, _), end in zip(unit.parts, ends, strict=True):
        sentence = text[at:end]
        for lo, hi in clauses(sentence):
            theirs = decision_of(sentence[lo:hi], gloss)
            if theirs is None or theirs[0] == ours[0]:
                continue
            held = {
                v for t in terms if lo <= t.start < hi for v in links.get(t.key, ()) if v in content
            }
            if len(held) >= 2 and held & words:
                return f"decision: {ours[1]} vs {theirs[1]}"
    return None


def _deciding(key: str) -> bool:
    return key in ("@approve", "@refuse", "@postpone", "@say")


# Words that deny the verb beside them ("did not attend", "नहीं पहुंचे", "never reached");
# not "without"/"बिना" (a rally held without leave was held), nor "not only"/"न केवल".
_DENYING = NEGATIONS - {"nor", *map(fold_devanagari, ("न", "बिना"))}
_NOT_ONLY = re.compile(r"\bnot\s+only\b|न\s+केवल|न\s+सिर्फ", re.IGNORECASE)


def _denied(claim_text: str, quote: str, actions: Sequence[str], gloss: Glossary) -> str | None:
    """ "denial: attend" when one of the claim's ``actions`` is denied in the quote and told
    in the claim, or told in the quote and denied in the claim (see _denies)."""
    for action in actions:
        ours, theirs = _denies(claim_text, action, gloss), _denies(quote, action, gloss)
        if ours is not None and theirs is not None and ours != theirs:
            return f"denial: {action}"
    return None


def _denying(words: Sequence[str]) -> bool:
    """Does one of the (folded) words deny ("not", "didn't", "नहीं")?"""
    return any(w in _DENYING or w.endswith("n't") for w in words)


@lru_cache(maxsize=65_536)  # one claim is judged against many quotes, one quote for many claims
def _denies(text: str, action: str, gloss: Glossary) -> bool | None:
    """Is every mention of ``action`` in ``text`` denied, a denying word beside its word
    (None when there is none)?"""
    if _NOT_ONLY.search(text):
        return None
    said: list[bool] = []
    for lo, hi in clauses(text):
        tokens = tokenize(text[lo:hi])
        words = [fold_devanagari(t.text).casefold() for t in tokens]
        for i, t in enumerate(tokens):
            if action in gloss.actions(t.text):
                # English: two words before ("did not attend", "was never arrested"); Hindi:
                # right before the verb or right after a light verb's noun ("नहीं पहुंचे",
                # "गिरफ्तार नहीं किया"; not "बैठक में नहीं पहुंचे", where the meeting is no verb)
                near = (
                    words[i + 1 : i + 2] + words[max(0, i - 1) : i]
                    if is_devanagari(t.text)
                    else words[max(0, i - 2) : i]
                )
                said.append(_denying(near))
    return all(said) if said else None


def _other_actor(
    claim: Claim,
    quote: str,
    held: set[int],
    pred_hits: list[str],
    name_hits: list[Entity],
    index: dict[str, int],
    gloss: Glossary,
) -> str | None:
    """ "actor: CBI vs Enforcement Directorate" when the quote tells of the claim's one-agent
    action on the claim's named party but names another agent; None otherwise."""
    action = next((p for p in pred_hits if p in _SOLE_AGENT), None)
    if action is None:
        return None
    if action == _PRESIDE:
        return _other_chair(claim, quote, gloss)
    actor = claim.key_facts.part("actor") or _agent_before(
        claim.text, claim.key_facts.entities, action, gloss
    )
    if not actor:
        return None
    if not any(e.text in actor for e in claim.key_facts.entities if e.kind in _PARTY_KINDS):
        # A common noun ("… आर्थिक अपराध इकाई (ईओयू) की टीम ने", "a team of …") is told by
        # the body it belongs to: the last party named before it.
        at = claim.text.find(actor)
        owners = [
            e
            for e in claim.key_facts.entities
            if e.kind in _PARTY_KINDS and 0 <= claim.text.find(e.text) < at
        ]
        if owners:
            actor = max(owners, key=lambda e: claim.text.find(e.text)).text
    ours = [index[k] for k in _keys(actor, gloss) if k in index]
    if not ours or any(v in held for v in ours):
        return None  # the quote names our actor (too)
    if not any(e.text not in actor and actor not in e.text for e in name_hits):
        return None  # the quote must name the claim's other party: the same event
    # Only the sentence that tells of the action names its agent (a two-sentence quote's
    # other sentence may name the judge who later granted bail).
    quote = next(
        (
            s
            for s in _SENTENCES.split(quote)
            if any(action in gloss.actions(t.text) for t in tokenize(s))
        ),
        quote,
    )
    entities = find_entities(quote, gloss)
    theirs = find_parts(quote, entities, (action,), gloss).get("actor") or _agent_before(
        quote, entities, action, gloss
    )
    if (
        not theirs
        or not any(e.text in theirs and e.kind in _PARTY_KINDS for e in entities)
        or any(e.text in theirs or theirs in e.text for e in name_hits)
        or _describes(quote, theirs, entities, gloss)
    ):
        return None
    # An acronym of the claim stands for the quote's full name (ईओडब्ल्यू: Economic
    # Offences Wing), or the other way round: the same agent.
    spelled = {_initials(theirs), to_latin(fold_devanagari(theirs).casefold()).replace(" ", "")}
    if any(
        e.kind in _PARTY_KINDS
        and (e.latin.replace(" ", "") in spelled or _initials(e.latin) in spelled)
        for e in claim.key_facts.entities
    ):
        return None
    return f"actor: {actor} vs {theirs}"


_PRESIDE = "preside"
# A title given to one person: "X को प्लेयर ऑफ द मैच चुना गया", "उन्हें … घोषित किया गया"
# (after "Y ने …, और"), "X was named player of the match".
_CONFERRED_HI = (
    r"\s+(.{3,40}?)\s+(?:चुना|चुनी|चुने|घोषित\s+किया|घोषित\s+की|घोषित\s+किए)\s+(?:गया|गई|गए)"
)
_TITLED_HI = re.compile(r"(\S+)\s+को" + _CONFERRED_HI)
_TITLED_HI_PRONOUN = re.compile(r"(?:उन्हें|उसे|इन्हें|इसे)" + _CONFERRED_HI)
_SUBJECT_HI = re.compile(r"(\S+)\s+ने\s")
_TITLE_END = r"(?=\s*[,.;]|\s+(?:for|while|and|after|as)\b|$)"
_TITLED_EN = re.compile(
    r"\b([A-Z][\w'’-]+)\s+(?:was|has\s+been|is)\s+(?:named|declared|chosen|voted|adjudged)"
    r"\s+(?:as\s+)?(?:the\s+)?([a-z][a-z' -]{2,40}?)" + _TITLE_END
)
# … the title as the second of two predicates ("X scored 88 off 51 balls, and was named
# player of the match"): its holder is the clause's subject, the last word of the first name.
_TITLED_EN_AND = re.compile(
    r"\band\s+(?:was|has\s+been|is)\s+(?:named|declared|chosen|voted|adjudged)"
    r"\s+(?:as\s+)?(?:the\s+)?([a-z][a-z' -]{2,40}?)" + _TITLE_END
)
_EN_SUBJECT = re.compile(r"^\W*(?:[A-Z][\w'’-]*\s+)*?(?:[A-Z][\w'’-]*\s+)?([A-Z][\w'’-]+)\s+[a-z]")
_SAME_TITLE = 80  # rapidfuzz ratio of two titles' consonant skeletons (player of the match)


def _titled(text: str) -> tuple[str, str] | None:
    """(holder, title) when the text gives a title to one person, by name or by a pronoun
    standing for the subject before it; None otherwise."""
    if m := _TITLED_HI.search(text):
        return m.group(1), m.group(2)
    if m := _TITLED_HI_PRONOUN.search(text):
        subjects = _SUBJECT_HI.findall(text[: m.start()])
        return (subjects[-1], m.group(1)) if subjects else None
    if m := _TITLED_EN.search(text):
        return m.group(1), m.group(2)
    if (
        (m := _TITLED_EN_AND.search(text))
        and (subject := _EN_SUBJECT.search(text[: m.start()]))
        and subject.group(1).casefold() not in _NO_HOLDER
    ):
        return subject.group(1), m.group(1)  # "Rathore scored 88 …, and was named …"
    return None


@lru_cache(maxsize=4096)  # (asked for each quote a claim is judged against)
def _title_text(text: str, sentence: str) -> str:
    """The text that gives a claim's title with its holder: the claim's own, or for a
    clause that gives a title to the sentence's subject ("…, and was named player of the
    match"), its sentence."""
    if _titled(text) is None and _TITLED_EN_AND.search(text):
        return sentence
    return text


# Sentence openers that name no one ("The 24-year-old …", "He …"): no holder of a title.
_NO_HOLDER = frozenset("the a an he she it they this that his her its their we i".split())


# Words that make another post of a post: its deputy, an additional or acting holder.
_RANK_EN = r"(?:Additional|Deputy|Assistant|Joint|Acting|Vice|Associate)"
_RANK_HI = r"(?:उप|अपर|अतिरिक्त|सहायक|संयुक्त|कार्यवाहक)"
_RANKED_EN = re.compile(rf"\b({_RANK_EN})[\s-]+((?:[A-Z][\w'’]*\s*){{1,4}})")
_RANKED_HI = re.compile(rf"(?<![\u0900-\u097f])({_RANK_HI})[\s-]+([\u0900-\u097f]+)")
# … and the claim's post with a rank of its own before it (then no other rank)
_RANK_BEFORE_EN = re.compile(rf"{_RANK_EN}[\s-]+$")
_RANK_BEFORE_HI = re.compile(rf"{_RANK_HI}[\s-]+$")
# Between a name and the post given to it: "Meenal Deshmukh as an …", "Rao, the …", "को".
_POST_AFTER_NAME = re.compile(r"^(?:\s*,\s*|\s+(?:as|is|was|को)\s+)(?:(?:an?|the)\s+)?$")


def _given_to(quote: str, post: re.Match[str], start: int, end: int) -> bool:
    """Is the ranked post right before the name (a title: "Additional SP Rakesh Verma",
    "अपर जिलाधिकारी रीना वर्मा") or given to it right after ("Meenal Deshmukh as an
    Additional Advocate General")?"""
    if 0 <= start - post.end() <= 2:
        return True
    return end <= post.start() and bool(_POST_AFTER_NAME.match(quote[end : post.start()]))


def _other_rank(claim_text: str, quote: str, name_hits: Sequence[Entity]) -> str | None:
    """ "post: Advocate General vs Additional Advocate General" when the quote gives one of
    the claim's named people, beside their name, a rank of a post the claim gives with no
    rank ("अपर जिलाधिकारी" for "जिलाधिकारी", "Deputy SP" for "SP"); None otherwise."""
    for ranked, ranked_before in ((_RANKED_EN, _RANK_BEFORE_EN), (_RANKED_HI, _RANK_BEFORE_HI)):
        for m in ranked.finditer(quote):
            post = m.group(2).strip()
            unranked = any(
                not ranked_before.search(claim_text[: c.start()])
                for c in re.finditer(
                    rf"(?<![\w\u0900-\u097f]){re.escape(post)}(?![\w\u0900-\u097f])", claim_text
                )
            )
            if unranked and any(
                _given_to(quote, m, n.start(), n.end())
                for e in name_hits
                for n in re.finditer(re.escape(e.text), quote)
            ):
                return f"post: {post} vs {m.group(1)} {post}"
    return None


@lru_cache(maxsize=4096)
def _other_titled(claim_text: str, quote: str) -> str | None:
    """ "player of the match: त्रिपाठी vs रुखसार" when the quote gives the title the claim
    gives one person ("… को प्लेयर ऑफ द मैच चुना गया") to another; None otherwise."""
    ours = _titled(claim_text)
    if ours is None:
        return None
    for sentence in _SENTENCES.split(quote):
        theirs = _titled(sentence)
        if theirs is None:
            continue
        title_a, title_b = (skeleton(to_latin(normalise(t))) for t in (ours[1], theirs[1]))
        if fuzz.ratio(title_a, title_b) < _SAME_TITLE:
            continue
        if not _same_name(_surname(ours[0]), _surname(theirs[0])):
            return f"{ours[1]}: {ours[0]} vs {theirs[0]}"
    return None


# A name after a role in English: capitalised words and initials ("R. S. Deshmukh").
_EN_NAME_AFTER = re.compile(r"\s+((?:[A-Z]\.\s*){0,3}(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")


def _other_holder(
    claim: Claim,
    quote: str,
    names: Sequence[Entity],
    name_hits: Sequence[Entity],
    pred_hits: Sequence[str],
    gloss: Glossary,
    *,
    same_setting: Callable[[], bool] = lambda: False,
) -> str | None:
    """ "judge: Anjali Khandekar vs R. S. Deshmukh" when the quote tells of the claim's action
    (on its other named parties, or in most of its words: ``same_setting``) and gives the
    role that the claim gives a person ("Special Judge Anjali Khandekar", "न्यायाधीश विनीता
    माथुर") to someone else; None otherwise."""
    if claim.key_facts.predicates and not pred_hits:
        return None
    c_tokens = tokenize(claim.text)
    roles = [
        (e, found)
        for e in names
        if e.kind == "name"
        and e not in name_hits
        and (found := _role_of(e, c_tokens, gloss)) is not None
    ]
    if not roles or not (name_hits or same_setting()):
        return None
    words = tokenize(quote)
    quote_names: list[Entity] | None = None  # (read once, when a Hindi role is found)
    for _, (role, ours) in roles:
        for k, t in enumerate(words):
            if role not in gloss.concepts(t.text):
                continue
            if is_devanagari(t.text):
                if quote_names is None:
                    quote_names = [q for q in find_entities(quote, gloss) if q.kind == "name"]
                after = quote[t.end :].lstrip()
                theirs = next(
                    (q.text for q in quote_names if after.startswith(q.text)), None
                ) or _name_run(words[k + 1 : k + 4], gloss, backwards=False)
            else:
                m = _EN_NAME_AFTER.match(quote, t.end)
                theirs = m.group(1) if m else None
            if not theirs or any(
                _surname(theirs) == _surname(n.text) or theirs in n.text for n in names
            ):
                continue
            if not _same_name(_surname(ours), _surname(theirs)):
                return f"{role}: {ours} vs {theirs}"
    return None


def _role_of(e: Entity, c_tokens: Sequence[Token], gloss: Glossary) -> tuple[str, str] | None:
    """(role, name) of a person the claim names with a role: inside the name ("Special
    Judge Anjali Khandekar") or just before it ("… सत्र न्यायाधीश विनीता माथुर")."""
    tokens = tokenize(e.text)
    roles = [k for k, t in enumerate(tokens) if gloss.concepts(t.text) & PERSON_ROLES]
    if roles and roles[-1] + 1 < len(tokens):
        role = sorted(gloss.concepts(tokens[roles[-1]].text) & PERSON_ROLES)[0]
        return role, e.text[tokens[roles[-1] + 1].start :]
    at = next((k for k, t in enumerate(c_tokens) if t.text == tokens[0].text), None)
    if at and is_devanagari(e.text):
        before = gloss.concepts(c_tokens[at - 1].text) & PERSON_ROLES
        if before:
            return sorted(before)[0], e.text
    return None


def _other_chair(claim: Claim, quote: str, gloss: Glossary) -> str | None:
    """ "chair: शशिकांत मेहरोत्रा vs Ravindra Gangwar" when the quote names another person
    as the one who chaired; None when either names none, or the quote's chair is ours."""
    ours = _chair(claim.text, gloss)
    if ours is None:
        return None
    for sentence in _SENTENCES.split(quote):
        theirs = _chair(sentence, gloss)
        if theirs is not None:
            if _surname(ours) == _surname(theirs):
                return None
            return f"chair: {ours} vs {theirs}"
    return None


def _chair(text: str, gloss: Glossary) -> str | None:
    """The name of the person who chaired, as the sentence tells it: the words just before
    "की अध्यक्षता" or "chaired"/"presided" (", who chaired" too), or the capitalised ones
    just after "chaired by"/"presided over by"; titles are left out ("Chief Minister")."""
    tokens = tokenize(text)
    for i, tok in enumerate(tokens):
        if _PRESIDE not in gloss.actions(tok.text):
            continue
        if is_devanagari(tok.text):
            # "X की अध्यक्षता में", or "(बैठक की) अध्यक्षता X ने की"
            ne = next(
                (j for j in range(i + 1, min(i + 7, len(tokens))) if _folded(tokens[j]) == NE),
                None,
            )
            if ne is not None:
                name = _name_run(tokens[i + 1 : ne], gloss, backwards=True)
            elif i > 0 and _folded(tokens[i - 1]) == _KI:
                # ("X ने की कैबिनेट की अध्यक्षता": the one before ने chaired the cabinet)
                by = [j for j in range(max(0, i - 5), i - 1) if _folded(tokens[j]) == NE]
                name = _name_run(tokens[: by[-1] if by else i - 1], gloss, backwards=True)
            else:
                continue
        else:
            following = [t.text.casefold() for t in tokens[i + 1 : i + 3]]
            if "by" in following:
                at = i + 1 + following.index("by") + 1
                name = _name_run(tokens[at : at + 6], gloss, backwards=False)
            else:
                k = i - 1
                if k >= 0 and tokens[k].text.casefold() in ("who", "which"):
                    k -= 1
                name = _name_run(tokens[: k + 1], gloss, backwards=True)
        if name:
            return name
    return None


_KI = fold_devanagari("की")


def _folded(tok: Token) -> str:
    return fold_devanagari(tok.text).casefold()


def _name_run(tokens: Sequence[Token], gloss: Glossary, *, backwards: bool) -> str | None:
    """Up to three name words at the end (or the start) of ``tokens``: capitalised English
    words, or Hindi words that are no glossary word, stop word or title."""
    seq = list(reversed(tokens)) if backwards else list(tokens)
    words: list[Token] = []
    for t in seq:
        folded = _folded(t)
        is_name = (
            (t.text[:1].isupper() if t.text.isascii() else is_devanagari(t.text))
            and folded not in STOPWORDS
            and folded not in TITLES
            and folded not in _EN_TITLES_CHAIR
            and not gloss.concepts(t.text)
            # (a Hindi word the general lexicon translates is no name: कैबिनेट)
            and (t.text.isascii() or not gloss.bilingual.keys_for(t.text))
        )
        if not is_name:
            if words:
                break
            if t.text.isascii() and folded in _EN_TITLES_CHAIR or folded in TITLES:
                continue  # "by Chief Minister X": a title before the name
            break
        words.append(t)
        if len(words) == 3:
            break
    if not words:
        return None
    words = list(reversed(words)) if backwards else words
    return " ".join(t.text for t in words)


_EN_TITLES_CHAIR = frozenset("mayor deputy chief minister mr mrs ms dr shri smt".split())


def _surname(name: str) -> str:
    return skeleton(to_latin(fold_devanagari(name.split()[-1]).casefold()))


def _describes(quote: str, agent: str, entities: Sequence[Entity], gloss: Glossary) -> bool:
    """Is the agent's name only a word that describes the agent ("The Kozhikode club last
    won …": a name, then a common noun that is no verb)? The club may be the claim's party."""
    if not all(e.kind == "name" for e in entities if e.text in agent):
        return False
    at = quote.find(agent)
    after = tokenize(quote[at + len(agent) :])[:1] if at >= 0 else []
    return bool(
        after
        and after[0].start == 1
        and after[0].text.isascii()
        and after[0].text.isalpha()
        and after[0].text.islower()
        and not gloss.actions(after[0].text)
    )


def _described(entity: Entity, gloss: Glossary) -> bool:
    """Is the "name" a description, a word of it known to the glossary ("Sri Lankan Foreign"
    holds a country), rather than someone's name (Andrei Belousov, Nalin Jayasekara)?"""
    return any(gloss.concepts(w) for w in entity.text.split())


@lru_cache(maxsize=4096)
def _spelled_out(entity: Entity, text: str, gloss: Glossary) -> tuple[str, ...]:
    """The term keys of the words an acronym stands for where ``text`` spells it out before
    it ("Japanese encephalitis (JE)", "the Enforcement Directorate (ED)"), else ()."""
    if entity.kind != "acronym" or not entity.text.isascii():
        return ()
    at = text.find(f"({entity.text})")
    if at < 0:
        return ()
    words = text[max(0, at - 120) : at].split()
    want = entity.text.casefold()
    for n in range(len(want), min(len(words), 2 * len(want) + 2) + 1):
        phrase = " ".join(words[-n:])
        if _initials(phrase) == want:
            return tuple(_keys(phrase, gloss))
    return ()


def _initials(name: str) -> str:
    """ "Economic Offences Wing" -> "eow" (words such as of and the left out)."""
    return "".join(w[0] for w in name.casefold().split() if w not in STOPWORDS and w[0].isalpha())


_SENTENCES = re.compile(r"(?<=[.!?।])\s+")


def _agent_before(
    quote: str, entities: Sequence[Entity], action: str, gloss: Glossary
) -> str | None:
    """The named party closest before the action's verb ("The Enforcement Directorate on
    Tuesday arrested …"), when the roles finder gives no actor."""
    verb = next((t for t in tokenize(quote) if action in gloss.actions(t.text)), None)
    if verb is None:
        return None
    before = [
        (quote.find(e.text), e)
        for e in entities
        if e.kind in _PARTY_KINDS and 0 <= quote.find(e.text) < verb.start
    ]
    return max(before, key=lambda p: p[0])[1].text if before else None


def _up_to(text: str, unit: Unit, held_at: Sequence[int]) -> str:
    """The quote, or, when an English quote holds the claim's figures, its sentence up to
    the first of them: an English verb comes before its object, and what follows the figure
    is another clause's ("₹4.7 crore that could not be explained", "stood at 15 and is
    likely to rise"). A Hindi verb ends its clause (… चार लाख रुपये की घोषणा कर सकती है):
    the whole quote is read."""
    if not held_at or unit.devanagari:
        return text[unit.start : unit.end]
    end = min(held_at)
    start = max((m.end() for m in _SENTENCES.finditer(text, unit.start, end)), default=unit.start)
    return text[start:end]


_QUOTED_SPEECH = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _asked_for(n: NumberFact, text: str, gloss: Glossary) -> bool:
    """Is the number what someone asked for rather than what happened ("एजेंसी ने 14 दिन की
    हिरासत मांगी थी", "the CBI had sought 14 days")? A request is no rival of the outcome."""
    before = text[max(0, n.start - 120) : n.start]
    cut = max((m.end() for m in _CLAUSE_EDGE.finditer(before)), default=0)
    after = text[n.end : n.end + 120]
    stop = re.search(r"[;:।.!?]|,\s|\b(?:and|but)\b|और|लेकिन", after)
    clause = before[cut:] + " " + after[: stop.start() if stop else len(after)]
    return any("demand" in gloss.concepts(t.text) for t in tokenize(clause))


@lru_cache(maxsize=65_536)  # one quote is judged for many claims
def _forecast(text: str) -> bool:
    """Does the sentence (outside quotation marks) say what is expected, likely or planned
    rather than what happened (is expected to, likely, may, संभावना, उम्मीद)?"""
    bare = fold_devanagari(_QUOTED_SPEECH.sub(" ", text)).casefold()
    words = {fold_devanagari(t.text).casefold() for t in tokenize(bare)}
    return bool(words & SPECULATION_MARKERS) or any(p in bare for p in OPINION_PHRASES)


_THAT = frozenset(fold_devanagari(w) for w in ("कि", "that"))


@lru_cache(maxsize=65_536)  # one quote is judged for many claims
def _demanded(text: str, gloss: Glossary) -> bool:
    """Does the sentence (outside quotation marks) demand what it says rather than report
    it: a verb of asking followed by its clause ("मांग की कि …", "demanded that …",
    "urged … to")?"""
    tokens = tokenize(_QUOTED_SPEECH.sub(" ", text))
    for k, tok in enumerate(tokens):
        if "demand" in gloss.actions(tok.text) and any(
            fold_devanagari(t.text).casefold() in _THAT for t in tokens[k + 1 : k + 4]
        ):
            return True
    return False


def _other_recipient(
    claim: Claim,
    quote: str,
    held: set[int],
    pred_hits: list[str],
    index: dict[str, int],
    gloss: Glossary,
) -> str | None:
    """ "recipient: डोंग जून vs Andrei Belousov" when the quote tells of the claim's action on
    the claim's object but gives it to someone else; None otherwise."""
    recipient = claim.key_facts.part("recipient")
    action = claim.key_facts.part("action")
    what = claim.key_facts.part("object")
    if not (recipient and action in _TRANSFERS and what and action in pred_hits):
        return None  # meeting someone else is another meeting, not a contradiction
    words = recipient.split()
    if len(words) < 2 or all(gloss.concepts(w) for w in words):
        return None  # "परिवार", "the mother": only a named recipient can be another one
    object_terms = [k for k in _keys(what, gloss) if k in index]
    wanted = [
        index[k] for k in object_terms if not (k[:1] == "@" and gloss.kind(k[1:]) == "action")
    ]
    if not wanted or not all(v in held for v in wanted):
        return None
    ours = [index[k] for k in _keys(recipient, gloss) if k in index]
    if ours and all(v in held for v in ours):
        return None
    entities = find_entities(quote, gloss)
    theirs = find_parts(quote, entities, (action,), gloss).get("recipient")
    if not theirs or not any(e.text in theirs for e in entities if e.kind in ("name", "org")):
        return None
    return f"recipient: {recipient} vs {theirs}"


_ATTRIBUTION_AFTER = re.compile(r"^\s*(?:के|की)\s+(?:अनुसार|मुताबिक|हवाले)")
_ATTRIBUTION_BEFORE = re.compile(r"(?:according to|quoting|citing)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=4096)  # asked of the same claim's entities at every candidate quote
def _is_attribution(
    entity: Entity, text: str, gloss: Glossary | None = None, quoted: bool = False
) -> bool:
    """ "जल संसाधन विभाग के अनुसार", "according to the ministry", and — for a claim that
    is not a quote — the one who says it ("District magistrate X said 1,260 houses …",
    "X ने बताया कि …", "…, police said"): the source of a claim is not a party to it, and
    coverage need not name it."""
    at = text.find(entity.text)
    if at < 0 or not entity.text:
        return False
    end = at + len(entity.text)
    if _ATTRIBUTION_AFTER.match(text[end : end + 20]) or _ATTRIBUTION_BEFORE.search(
        text[max(0, at - 25) : at]
    ):
        return True
    if gloss is None or quoted:
        return False
    # The verb of saying right after the source (X ने बताया, X said, X told reporters) or
    # right before it (…, said X): at most a case marker or a title word between them.
    after = tokenize(text[end : end + 40])[:3]
    before = tokenize(text[max(0, at - 25) : at])[-2:]
    return any("say" in gloss.actions(t.text) for t in after if t.text != "ने") or (
        bool(before) and "say" in gloss.actions(before[-1].text)
    )


@lru_cache(maxsize=8192)
def _keys(text: str, gloss: Glossary) -> list[str]:
    """Term keys of a short text (a name, an object), read once per run."""
    return [t.key for t in terms_of(text, gloss)]


def _entity_held(
    entity: Entity,
    unit: Unit,
    text: str,
    held: set[int],
    links: dict[str, set[int]],
    index: dict[str, int],
    gloss: Glossary,
) -> bool:
    """Does the quote name this party? All of its words, or its surname alone ("Singh met
    Dong Jun") — but not the surname after another first name ("Rajendra Singh")."""
    keys = entity.latin.split() if entity.kind == "context" else _keys(entity.text, gloss)
    # (a firm's legal form is seldom repeated: "Indrayani Speciality Chemicals" is the firm
    # of "… Chemicals Pvt Ltd")
    keys = [k for k in keys if k.lstrip("@") not in _LEGAL_FORMS] or keys
    if _held_parts([index[k] for k in dict.fromkeys(keys) if k in index], unit, held, links):
        return True
    if (
        entity.kind == "name"
        and len(keys) >= 3
        and index.get(keys[-1]) in held  # (the surname first: most quotes name nobody)
        and _by_initials(entity, text[unit.start : unit.end])
    ):
        return True
    # … or by its Latin spelling, word by word (एमवी सागर कंचन / MV Sagar Kanchan).
    words = [index[w] for w in _latin_words(entity) if w in index]
    return entity.kind != "context" and _held_parts(words, unit, held, links)


_INITIAL = re.compile(r"[A-Za-z\u0900-\u097f]{1,3}\.?")


_LEGAL_FORMS = frozenset("pvt private ltd limited inc co corp llp plc".split())


def _by_initials(entity: Entity, quote: str) -> bool:
    """Does the quote give a name of three or more words by the initials of all but its
    surname ("Justice D P Mehrotra", "डी.पी. मेहरोत्रा" for देवेंद्र प्रताप मेहरोत्रा)?"""
    words = entity.latin.split()
    if len(words) < 3:
        return False
    want = "".join(w[0] for w in words[:-1])
    surname = words[-1]
    tokens = re.findall(r"[^\s.]+\.?", quote)
    for k, tok in enumerate(tokens):
        if k < len(want) or skeleton(to_latin(fold_devanagari(tok.rstrip(".")).casefold())) != (
            skeleton(surname)
        ):
            continue
        before = tokens[k - len(want) : k]
        if (
            all(_INITIAL.fullmatch(b) for b in before)
            and "".join(_letter(b.rstrip(".")) for b in before) == want
        ):
            return True
    return False


def _letter(initial: str) -> str:
    """The Latin letter an initial stands for: D, डी (d), एस (s), आर (r)."""
    latin = to_latin(fold_devanagari(initial).casefold())
    if len(latin) > 1 and latin[0] in "aeiou" and latin[1] not in "aeiou":
        return latin[1]  # एस es -> s, एम em -> m, आर ar -> r
    return latin[:1]


def _latin_words(entity: Entity) -> list[str]:
    return list(
        dict.fromkeys(w for w in entity.latin.split() if w not in STOPWORDS and len(w) >= 3)
    )


def _spelled_words(claim: Claim) -> list[str]:
    return [
        w
        for e in claim.key_facts.entities
        if e.kind in ("name", "acronym", "equipment", "org", "institution")
        for w in _latin_words(e)
    ]


def _held_parts(parts: list[int], unit: Unit, held: set[int], links: dict[str, set[int]]) -> bool:
    if not parts:
        return False
    got = [v in held for v in parts]
    if all(got):
        return True
    if len(parts) >= 3:
        return sum(got) * 3 >= len(parts) * 2
    if len(parts) == 2 and got[-1] and not got[0]:
        surname = parts[-1]
        for key, before in unit.after_capital:  # empty for Devanagari: no capitals
            ids = links.get(key)
            if ids is not None and surname in ids and before not in links:
                return False  # another person with the same surname
        return True
    return False


def _specific(n: NumberFact) -> bool:
    """Does a figure have three or more significant digits (68.4, 8,472, ₹1,240 crore)?"""
    digits = f"{abs(n.value):.6g}".replace(".", "").lstrip("0").split("e")[0].rstrip("0")
    return len(digits) >= 3


def _same_value(a: float, b: float, opts: MatchOptions) -> bool:
    return math.isclose(a, b, rel_tol=opts.number_tolerance)


def _core(facts: list[NumberFact]) -> list[NumberFact]:
    """The numbers that carry a claim's fact: all but durations, which mostly set the scene
    ("after three days of rain, eight gates were opened") — unless there is nothing else."""
    return [f for f in facts if _in_days(f) is None] or facts


def _in_days(n: NumberFact) -> float | None:
    """A span of time in days; None for anything else, and for a position in time ("in the
    61st minute", "on the third day"), which is no span."""
    unit = DAYS_IN.get(n.counts or "")
    return None if unit is None or n.ordinal else n.value * unit


def _same_scale(a: float, b: float) -> bool:
    """Are two values within three orders of magnitude of each other? A ₹500 fine and a
    ₹1.24 lakh crore plan are both rupees, but no report of one is a wrong report of the
    other (a misplaced lakh or crore is a hundredfold: still a rival)."""
    low, high = sorted((abs(a), abs(b)))
    return high <= _SCALE * max(low, 1e-9) if low else high <= _SCALE


# How far apart two values of one fact may be read: a thousandfold.
_SCALE = 1000.0


def _same_counted(a: NumberFact, b: NumberFact, *, loanwords: bool = False) -> bool:
    """Do two numbers count the same thing? With ``loanwords``, also an English word and
    its spelling in Devanagari that no dictionary here lists (ओवर / overs): enough for the
    same value to support, not for another value to dispute (a rival needs the stronger
    proof; a false "disputed" costs a newsroom more than a missed support)."""
    if not a.counts and not b.counts:
        return True  # neither says what it counts: the words around them must tell
    if not a.counts or not b.counts:
        return False
    if a.counts == b.counts or fuzz.ratio(a.counts, b.counts) >= 85:
        return True
    # Across languages: one's counted word is among the other's lemmas and translations
    # (सदस्य / crew members). Two words that merely share a translation (time and over both
    # give बार) are not one thing.
    if a.counts in b.counts_keys or b.counts in a.counts_keys:
        return True
    # An English loanword in Devanagari, which no dictionary here lists (ओवर, overs): the
    # same consonants, three or more of them.
    if not loanwords:
        return False
    ka, kb = skeleton(a.counts), skeleton(b.counts)
    return len(ka) >= 3 and ka == kb


# Counted words that name no kind of victim: "16 people killed" is the toll of "14
# यात्रियों की मौत" as much as "the death toll rose to 16" or "16 killed" is.
_ANYONE = frozenset({"people", "person"})


def _same_toll(a: NumberFact, a_text: str, b: NumberFact, b_text: str) -> bool:
    """Two counts of what befell the same victims (killed, injured, arrested …), one of them
    naming no kind of victim ("16 people were killed", "the toll rose to 16", "मृतकों की
    संख्या 16 हुई" for "14 यात्रियों की मौत"): the same toll, when neither is a part of a
    larger count ("including 5 children", "5 बच्चों समेत") or an increment ("two more
    died", "दो और यात्रियों की मौत")."""
    if not _same_fate(a, b) or (_named_victims(a) and _named_victims(b)):
        return False
    if 1 in (a.value, b.value):
        return False  # "एक नाव पलटने से": one boat, an article, whatever the fate near it
    return not (_part_or_more(a, a_text) or _part_or_more(b, b_text))


def _named_victims(n: NumberFact) -> bool:
    return bool(n.counts) and n.counts not in _ANYONE and n.counts != n.fate


_PART_BEFORE = re.compile(
    r"(?:\bincluding|\bamong(?:\s+(?:them|whom|the\s+\w+))?|\bof\s+(?:them|whom)|\banother"
    r"|\bother|(?:जिनमें|इनमें|उनमें)(?:\s+से)?)\s*$",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(
    r"^\s*(?:(?:more|others?|and\s+more)\b|और\s|अन्य|(?:\S+\s+)?(?:समेत|सहित|शामिल))",
    re.IGNORECASE,
)


def _part_or_more(n: NumberFact, text: str) -> bool:
    """Is the count a part of another or added to it ("including 5 children", "among them
    3 women", "5 बच्चों समेत", "two more", "दो और", "another two", "22 others")?"""
    return bool(
        _PART_BEFORE.search(text[max(0, n.start - 20) : n.start])
        or _PART_AFTER.match(text[n.end : n.end + 30])
    )


def _floor_above(q: NumberFact, q_text: str, fact: NumberFact, fact_text: str) -> bool:
    """A floor above the claim's exact toll ("at least 16 killed", "16 से अधिक लोगों की मौत"
    for "14 killed") says the toll is wrong; a ceiling or a floor below it does not. Only a
    toll (a count of what befell people): "trade is already over $8 billion" may count
    another year or another scope than the claim's $5.43 billion."""
    before = q_text[max(0, q.start - 14) : q.start]
    ceiling = bool(_CEILING.search(before))
    return (
        q.fate is not None and not ceiling and q.value > fact.value and not _rough(fact, fact_text)
    )


_SAME_NAME = 80  # rapidfuzz ratio of two Latin spellings of one name word (Rao / Raao)
_SAME_QUOTE = 85  # rapidfuzz partial ratio of a quote's words and the claim's (one quote, cut)


def _other_speaker(claim: Claim, quote: str, gloss: Glossary, before: str = "") -> str | None:
    """ "speaker: X vs Y" when the quote gives the claim's quoted words and its own sentence
    names who said them, none of whom is the claim's speaker. In the claim's script the
    words must be the claim's (most of them); in the other, a translation is told by the
    words the caller found in the quote. A quote that opens its sentence with no speaker
    goes on from the sentence ``before`` it ("“…,” said SDRF commandant Pradeep Kandari. “We
    will keep searching …”"): that sentence's speaker is its speaker."""
    speaker = claim.key_facts.part("speaker")
    said = _QUOTED.search(claim.text)
    if (
        not speaker
        or not said
        or (
            speaker not in claim.text[: said.start()] + claim.text[said.end() :]
            # (… or the person a pronoun before the quote stands for: "उन्होंने कहा")
            and not any(e.kind == "context" and e.text == speaker for e in claim.key_facts.entities)
        )
    ):
        return None  # (a speaker read inside the quoted words is none)
    if all(any(gloss.kind(c) == "role" for c in gloss.concepts(w)) for w in speaker.split()):
        return None  # a role ("जिलाधिकारी"): a page names the holder ("DM Vaidehi Mishra")
    # (a speaker a pronoun stands for may be misread: only the claim's own words, in its
    # own script, then tell that a page gives them to another)
    named = speaker in claim.text[: said.start()] + claim.text[said.end() :]
    words = to_latin(normalise(said.group(1)))
    script = is_devanagari(said.group(1))
    mine = [w for w in to_latin(normalise(speaker)).split() if len(w) >= 3]
    for m in _QUOTED.finditer(quote):
        if is_devanagari(m.group(1)) == script:
            if fuzz.partial_ratio(words, to_latin(normalise(m.group(1)))) < _SAME_QUOTE:
                continue
        elif not named or len(m.group(1).split()) < 4:
            continue  # (a word or two in quotes is a term, not what was said)
        start, end = _sentence_around(quote, m.start(), m.end())
        around = quote[start : m.start()] + " " + quote[m.end() : end]
        theirs = _sayers(around, gloss)
        if not theirs and not quote[start : m.start()].strip() and before.strip():
            theirs = _speakers_before(before, gloss)
        if not theirs:
            return None  # "…,” he said": no other speaker named
        for e in theirs:
            if any(
                fuzz.ratio(a, b) >= _SAME_NAME
                or (len(sa := skeleton(a)) >= 2 and sa == skeleton(b))
                for a in mine
                for b in to_latin(normalise(e.text)).split()
            ):
                return None  # (Meena / मीना: one name in two scripts)
        return f"speaker: {speaker} vs {theirs[0].text}"
    return None


def _speakers_before(before: str, gloss: Glossary) -> list[Entity]:
    """The people named as the speaker of a quote that ends the text ``before`` (its last
    sentence, outside its quotation marks); none when that sentence quotes no one."""
    lines = before.rstrip().splitlines() or [""]
    last = lines[-1]
    quotes = list(_QUOTED.finditer(last))
    if not quotes:
        return []
    start, _ = _sentence_around(last, quotes[-1].start(), quotes[-1].end())
    return _sayers(_QUOTED.sub(" ", last[start:]), gloss)


# Words that put a name after them as the one spoken to, not the speaker ("he told Dong
# Jun", "said to reporters"), and after it in Hindi ("… से कहा", "… को बताया").
_TO_BEFORE = re.compile(r"\b(?:told|to|asked|urged|with|addressing|assured)\s+(?:\S+\s+){0,3}$")
_TO_AFTER = re.compile(r"^\s*(?:से|को)(?![\u0900-\u097f])")


def _sayers(text: str, gloss: Glossary) -> list[Entity]:
    """The people a sentence around a quote names who may have said it: not one it was
    said to."""
    return [
        e
        for e in find_entities(text, gloss)
        if e.kind == "name"
        and not any(
            _TO_BEFORE.search(text[: m.start()]) or _TO_AFTER.match(text[m.end() :])
            for m in re.finditer(re.escape(e.text), text)
        )
    ]


_MONTH_OF_YEAR = re.compile(r"^\d{4}-\d{2}$")  # a date's value "2027-02": no day


def _month_of_year(d: DateFact) -> bool:
    """Is the date a month of a year ("February 2027", "फरवरी २०२७"), with no day?"""
    return d.kind == "date" and bool(_MONTH_OF_YEAR.match(d.value))


_CEILING = re.compile(r"(?:up to|upto|less than|fewer than|under|तक)\s*$", re.IGNORECASE)


def _same_doing(a: NumberFact, b: NumberFact, a_text: str, b_text: str, gloss: Glossary) -> bool:
    """Do two numbers of the same thing count the same happening? 19 people injured and 11
    people rescued are both people, but not rivals; 26 killed and 28 killed are. Without a
    named action on both sides, the words that lead up to each number must meet ("bowled out
    for 167" / "bowled out for 176", not "four wickets for 22 runs" / "beat Baroda by 27
    runs")."""
    if _other_fate(a, b):
        return False  # 40 injured is no report of 48 killed
    if _deadline(a, a_text) and _deadline(b, b_text):
        return True  # "आठ सप्ताह के भीतर अदा की जाए" / "तीन माह के भीतर … देने": one deadline
    if a.near and b.near:
        if set(a.near) & set(b.near):
            return True
        # Two spans of one thing, told by other verbs ("चार दिन की पुलिस रिमांड मंजूर की" /
        # "पांच दिन की पुलिस रिमांड पर … सौंप दिया"): what follows each span meets.
        return (
            _in_days(a) is not None
            and _in_days(b) is not None
            and bool((_trail(a, a_text, gloss) & _trail(b, b_text, gloss)) - _counted_words(a, b))
        )
    if not a.counts and not b.counts:  # bare numbers: only the words leading up to them tell
        return bool(_lead(a, a_text, gloss) & _lead(b, b_text, gloss))
    return bool((_context(a, a_text, gloss) & _context(b, b_text, gloss)) - _counted_words(a, b))


def _counted_words(a: NumberFact, b: NumberFact) -> set[str | None]:
    return {a.counts, b.counts, *a.counts_keys, *b.counts_keys}


_WITHIN_BEFORE = re.compile(r"\bwithin\s+(?:the\s+next\s+)?$", re.IGNORECASE)
_WITHIN_AFTER = re.compile(r"^\s*\S+\s+(?:के\s+(?:भीतर|अंदर|अन्दर))")


def _deadline(n: NumberFact, text: str) -> bool:
    """Is the number a span of time given as a deadline ("within eight weeks", "आठ सप्ताह
    के भीतर", "तीन माह के अंदर")?"""
    return _in_days(n) is not None and bool(
        _WITHIN_BEFORE.search(text[max(0, n.start - 20) : n.start])
        or _WITHIN_AFTER.match(text[n.end : n.end + 30])
    )


def _same_fate(a: NumberFact, b: NumberFact) -> bool:
    """Do two counts say the same thing happened to what they count (16 नाविकों को बचा
    लिया / rescued 16 of the 22 crew)? Then they count the same people, in any words."""
    return a.fate is not None and a.fate == b.fate


def _other_kind(a: NumberFact, b: NumberFact, gloss: Glossary) -> bool:
    """Do two numbers count two different kinds of thing that the glossary knows (seven
    workers, seven passengers; seven houses, seven villages)? The same value then counts
    something else: a bus crash's toll is no report of a factory fire's. People in general
    (seven people, सात लोग) may be anyone."""
    return (
        a.counts is not None
        and b.counts is not None
        and a.counts != b.counts
        and gloss.kinds.get(a.counts) == "thing" == gloss.kinds.get(b.counts)
        and not {a.counts, b.counts} & _ANYONE
        and not _same_counted(a, b, loanwords=True)
    )


def _unlike_people(a: NumberFact, b: NumberFact, gloss: Glossary) -> bool:
    """Are two counts of people told apart by what befell them, one naming a fate and the
    other none ("चार लोग अब भी लापता" / "a boat carrying 14 people"; "87 of the ill are
    children" / "64 children were being treated")? People are counted by what happened to
    them: without it on both sides, they are not one count. (Who is a person: people,
    person, or a noun whose first sense in the thesaurus names one: child, passenger.)"""
    return (
        (a.fate is None) != (b.fate is None)
        and _counts_people(a, gloss)
        and _counts_people(b, gloss)
    )


def _counts_people(n: NumberFact, gloss: Glossary) -> bool:
    if n.counts in _ANYONE or n.counts in gloss.persons:
        return True
    # a Hindi noun the glossary does not know: its English senses (मरीजों -> patient)
    counts = n.counts or ""
    return not counts.isascii() and any(k in gloss.persons for k in n.counts_keys)


def _other_fate(a: NumberFact, b: NumberFact) -> bool:
    """Do two numbers say different things happened to what they count (12 killed, 12
    injured)?"""
    return a.fate is not None and b.fate is not None and a.fate != b.fate


_LEAD_WORDS = 3
_TRAIL_WORDS = 4


def _lead(n: NumberFact, text: str, gloss: Glossary) -> set[str]:
    """The content words just before a number, as keys in both languages."""
    return _keys_of(tokenize(text[max(0, n.start - 40) : n.start])[-_LEAD_WORDS:], gloss)


def _trail(n: NumberFact, text: str, gloss: Glossary) -> set[str]:
    """The content words just after a number (and what it counts), as keys in both
    languages."""
    return _keys_of(tokenize(text[n.end : n.end + 50])[:_TRAIL_WORDS], gloss)


def _context(n: NumberFact, text: str, gloss: Glossary) -> set[str]:
    """The content words just before a number and just after what it counts, as keys in
    both languages ("22 सदस्य सवार थे" / "24 crew members on board" meet on board)."""
    return _lead(n, text, gloss) | _trail(n, text, gloss)


def _keys_of(tokens: Sequence[Token], gloss: Glossary) -> set[str]:
    keys: set[str] = set()
    for tok in tokens:
        word = fold_devanagari(tok.text).casefold()
        if word in STOPWORDS or any(c.isdigit() for c in word) or len(word) < 2:
            continue
        concepts = gloss.concepts(tok.text)
        keys |= {f"@{c}" for c in concepts} or {to_latin(word)}
        if gloss.bilingual and not concepts:
            keys |= gloss.bilingual.all_keys(tok.text)
    return keys


# Words before a number that make it rough ("about 40") or a bound ("over 40"): a bound is
# no fact that 40 states, a rough value is (as a rival, both stay rough).
# (a currency may stand between: "about USD 180 million", "over Rs 500 crore")
_MARK = r"\s*(?:(?:us\$|[a-z]{0,2}[$₹€£¥]|rs\.?|inr|usd|eur|gbp|रु\.?)\s*)?"
_ROUGH = re.compile(r"(?:about|around|nearly|almost|some|करीब|लगभग|तकरीबन)" + _MARK + "$", re.I)
_BOUND = re.compile(
    r"(?:over|more than|at least|up to|कम से कम|से अधिक|से ज्यादा|से ज़्यादा)" + _MARK + "$", re.I
)


_BY = re.compile(r"\bby\s*(?:[₹$€£]|rs\.?|inr|usd|us\$)?\s*$", re.IGNORECASE)
_CONTESTS = frozenset({"win", "lose"})


# The nouns that name a difference between two counts (8,742 मतों के अंतर से, a margin of 27).
_MARGIN_WORDS = frozenset({fold_devanagari("अंतर"), "margin"})


def _whose(
    before: Sequence[Token], folded: Sequence[str], k: int, gloss: Glossary
) -> frozenset[tuple[str, str]]:
    """Whose the receiving noun is, when a genitive names it ("मृतकों के परिजनों को", "मृतकों
    के आश्रितों को": the dead's): one receiver however its kin are called."""
    if k < 3 or folded[k - 2] not in GENITIVE or fold_devanagari(before[k - 3].text) in STOPWORDS:
        return frozenset()
    return _receiver(folded[k - 3], gloss.concepts(before[k - 3].text))


def _receiver(folded: str, concepts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """A receiving common noun as a holder: by its word and by its concepts (घायलों को)."""
    return frozenset({("to", to_latin(folded.casefold())), *(("to", f"@{c}") for c in concepts)})


@lru_cache(maxsize=65_536)  # a page's number is weighed against many claims
def _holders(n: NumberFact, text: str, gloss: Glossary) -> frozenset[tuple[str, str]]:
    """Whose count a number may be, where the grammar binds it within its clause: the
    dative or the agent before it ("परस्ते को 62,564 वोट मिले", "सौरभ ने चार ओवर में 29 रन
    देकर"), a possessive ("Parashte's 62,564"), or the person an English clause names
    last before it (not the agent of a passive, not an organisation). A dative common noun
    holds by its concept (घायलों को); empty when nothing binds it, or when an acting common
    noun or a pronoun does (भूकंप ने, उन्हें)."""
    window = text[max(0, n.start - 240) : n.start]
    cut = max((m.end() for m in _CLAUSE_EDGE.finditer(window)), default=0)
    window = window[cut:]
    before = tokenize(window)
    if before and before[-1].text.endswith(("'s", "’s")):
        return frozenset({("name", to_latin(before[-1].text[:-2].casefold()))})
    folded = [fold_devanagari(t.text) for t in before]
    for k in range(len(before) - 1, 0, -1):
        if folded[k] in _DATIVE_PRONOUNS:
            return frozenset()  # उन्हें: someone named earlier, who is not known here
        if folded[k] in (KO, NE):
            word = before[k - 1].text
            if fold_devanagari(word).casefold() in STOPWORDS:
                return frozenset()
            if concepts := gloss.concepts(word):
                # who receives is known by its noun too (परिजनों को 4-4 लाख, घायलों को
                # 50-50 हजार); what acts is not (भूकंप ने, हादसे ने: one event)
                if folded[k] != KO:
                    # "दक्षिण अफ्रीका ए की टीम ने": the team is the named owner's
                    owner = _named_owner(before, folded, k - 2, gloss) if k >= 3 else None
                    return frozenset({("name", owner)} if owner else ())
                return _receiver(folded[k - 1], concepts) | _whose(before, folded, k, gloss)
            role = "to" if folded[k] == KO else "name"
            return frozenset({(role, _name_at(folded, k - 1))}) | (
                _whose(before, folded, k, gloss) if folded[k] == KO else frozenset()
            )
        if (k + 1 == len(before) or folded[k + 1] not in _POSTPOSITION_NOUNS) and (
            owner := _named_owner(before, folded, k, gloss)
        ):
            # A name's genitive: "नोटा के खाते में 2,211 वोट", "कटियार के तीन विकेट" (not
            # "के खिलाफ", a postposition).
            return frozenset({("name", owner)})
    if not window.isascii():
        return frozenset()
    if doer := _common_subject(before, gloss):
        return frozenset({("name", doer)})
    people = [
        e
        for e in find_entities(window, gloss)
        if e.kind == "name"
        and not _BY_AGENT.search(window[: window.rfind(e.text)])
        and not any(gloss.kind(c) == "org" for w in e.text.split() for c in gloss.concepts(w))
    ]
    if not people:
        return frozenset()
    # The last one before it: "sentenced Dabholkar to seven years" (the judge before him
    # passed the sentence, she did not receive it).
    return frozenset({("name", max(people, key=lambda e: window.rfind(e.text)).latin)})


# Between a verb and its count: "examined 64", "had examined a total of 64", "took only 3".
_COUNT_LEAD = frozenset("had has have a total of only about around nearly some".split())
# Verbs that report a count rather than make it: whoever says it, it is one count.
_REPORTS = re.compile(
    r"(?:confirm|report|record|put|estimat|count|register|announc|state|said|told|add)", re.I
)


def _common_subject(before: Sequence[Token], gloss: Glossary) -> str | None:
    """The common noun that does what makes an English count ("The prosecution examined 64
    witnesses" / "the defence examined 12"): a past-tense verb right before the number, its
    subject the noun right before it after an article. None for a verb that reports a count
    ("officials confirmed 16 deaths": the police's count too) or anything else."""
    k = len(before) - 1
    while k >= 0 and before[k].text.casefold() in _COUNT_LEAD:
        k -= 1
    if k < 2:
        return None
    verb, noun, det = before[k].text, before[k - 1].text, before[k - 2].text.casefold()
    if (
        not verb.casefold().endswith("ed")
        or _REPORTS.match(verb)
        or "say" in gloss.actions(verb)
        or det not in ("the", "its", "their")
        or not noun.isalpha()
        or not noun.islower()
        or noun in STOPWORDS
    ):
        return None
    return f"@{noun}"


def _named_owner(
    before: Sequence[Token], folded: Sequence[str], k: int, gloss: Glossary
) -> str | None:
    """The name before the genitive at ``k`` (X का / की / के), in Latin letters; None when
    ``k`` is no genitive or what stands before it is a common noun ("राज्य के 27 जिलों")."""
    if k < 1 or folded[k] not in GENITIVE:
        return None
    word = before[k - 1].text
    if fold_devanagari(word).casefold() in STOPWORDS or gloss.concepts(word):
        return None
    return _name_at(folded, k - 1)


def _name_at(folded: Sequence[str], i: int) -> str:
    """The name ending at word ``i``, in Latin letters: the word, with the one before it
    when it is a letter or two (भारत ए, दक्षिण अफ्रीका ए: teams "A" are told by their
    countries)."""
    name = to_latin(folded[i].casefold())
    if len(name) <= 2 and i > 0 and folded[i - 1].casefold() not in STOPWORDS:
        name = f"{to_latin(folded[i - 1].casefold())} {name}"
    return name


# The nouns that make a postposition of a genitive (के खिलाफ, के साथ, के बाद …): the word
# before such a के is no owner.
_POSTPOSITION_NOUNS = frozenset(
    fold_devanagari(w)
    for w in """खिलाफ ख़िलाफ़ साथ बाद लिए दौरान पास अनुसार मुताबिक तहत बीच सामने ऊपर नीचे अंदर
    बाहर जरिए ज़रिए द्वारा बजाय अलावा कारण बारे पीछे आगे पहले बावजूद तरफ ओर हाथों विरुद्ध
    समक्ष नाम""".split()
)

# Where a clause ends: what a number's holder must be found after.
_CLAUSE_EDGE = re.compile(CLAUSE_EDGE)
_DATIVE_PRONOUNS = frozenset(fold_devanagari(w) for w in ("उन्हें", "उसे", "इन्हें", "इसे", "मुझे", "हमें"))
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}$")


def _same_holder(a: NumberFact, a_text: str, b: NumberFact, b_text: str, gloss: Glossary) -> bool:
    """Two counts of the same thing held by different named parties (71,306 votes for one
    candidate, 62,564 for the other; 29 runs conceded by a bowler, 178 made by a team) are
    not rival values of one fact."""
    mine, theirs = _holders(a, a_text, gloss), _holders(b, b_text, gloss)
    # Only holders in the same role are compared: who receives (X को) with who receives,
    # who acts or owns (X ने, X's, the person named) with who acts or owns. "चीन को चार
    # विकल्प" and "Rajnath made five suggestions to China" are still rivals.
    if not {role for role, _ in mine} & {role for role, _ in theirs}:
        return True
    return any(_same_name(x, y) for role, x in mine for other, y in theirs if role == other)


def _same_name(x: str, y: str) -> bool:
    if x[:1] == "@" or y[:1] == "@":  # a noun's concept: the same noun, or another holder
        return x == y
    # A letter or two ("A" of India A, "B") tells no one apart.
    xs, ys = (
        [w for w in x.split() if len(w) > 2] or x.split(),
        [w for w in y.split() if len(w) > 2] or y.split(),
    )
    if set(xs) & set(ys):
        return True
    return fuzz.ratio(skeleton(x), skeleton(y)) >= 70 or any(
        fuzz.ratio(skeleton(p), skeleton(q)) >= 80 for p in xs for q in ys
    )


# A score's two sides, a dash between them ("2-1", "3–1"): one side is no margin of its own.
_SCORE_AFTER = re.compile(r"\s*[-–]\s*\d")
_SCORE_BEFORE = re.compile(r"\d\s*[-–]\s*$")


def _margin(n: NumberFact, text: str, gloss: Glossary) -> bool:
    """Is the number the margin of a contest ("won by 8,472 votes", "8,472 मतों से हराया",
    "lost by 27 runs"), not a count of its own? A margin is no rival to a tally (71,306
    votes) of the same thing."""
    if _SCORE_AFTER.match(text, n.end) or _SCORE_BEFORE.search(text[max(0, n.start - 8) : n.start]):
        return False  # one side of a score ("3-1 से हराया", "beat them 2-1"): a result, told alike
    after = [fold_devanagari(t.text).casefold() for t in tokenize(text[n.end : n.end + 50])[:4]]
    by = (
        bool(_BY.search(text[max(0, n.start - 12) : n.start]))
        or SE in after[:2]
        or bool(_MARGIN_WORDS & set(after))
        or "margin of" in text[max(0, n.start - 14) : n.start].casefold()
    )
    if not by:
        return False
    around = tokenize(text[max(0, n.start - 80) : n.end + 60])
    return any(_CONTESTS & gloss.actions(t.text) for t in around)


def _rough(n: NumberFact, text: str) -> bool:
    """A number given roughly ("about $350 million", "करीब 40")."""
    return bool(_ROUGH.search(text[max(0, n.start - 20) : n.start]))


def _bound(n: NumberFact, text: str) -> bool:
    """A number given as a floor or ceiling ("more than two years", "40 से ज्यादा"): a
    detail of the claim, not one of its facts."""
    after = text[n.end : n.end + 30]
    return bool(_BOUND.search(text[max(0, n.start - 20) : n.start]) or _APPROX_AFTER.match(after))


def _tally(n: NumberFact, text: str) -> bool:
    """A count still running ("searching seven locations so far", "अब तक 12 ठिकानों पर"):
    a floor of the final count, which only a higher toll disputes (see _floor_above)."""
    return bool(
        _TALLY_BEFORE.search(text[max(0, n.start - 24) : n.start])
        or _TALLY_AFTER.match(text, n.end)
    )


_TALLY = r"(?:so far|till now|until now|as of now|thus far|अब तक|अभी तक)"
_TALLY_BEFORE = re.compile(_TALLY + r"(?:\s+\S+){0,2}\s*$", re.IGNORECASE)
_TALLY_AFTER = re.compile(r"(?:\s+\S+){0,2}?\s+" + _TALLY + r"(?![\w\u0900-\u097f])", re.IGNORECASE)


# "दो साल से अधिक", "40 से ज्यादा", "10 or more": the number is a floor, not a count.
_APPROX_AFTER = re.compile(r"\s*(?:\S+\s+)?(?:से अधिक|से ज्यादा|से ज़्यादा|से ऊपर|or more|and more)|-plus")


_DIGITS_ONLY = re.compile(r"[\d,.\s]+")


def _describe(n: NumberFact, text: str, gloss: Glossary) -> str:
    """ "26 people", "4 विकल्प", "5 suggestions": the value and what it counts, in the
    concept's name when it is a thing, else in the word the text uses. A large value is
    also given as written: "₹486 crore (4,860,000,000 rupee)", "648 करोड़ (6,480,000,000
    rupee)"."""
    if n.value == 0 and n.fate and not any(c.isdigit() for c in n.text):
        return f"none {n.fate}{'d' if n.fate.endswith('e') else 'ed'}"  # a toll of none
    value = f"{n.value:g}" if n.value < 1e6 else f"{n.value:,.0f}"
    if n.counts:
        unit = n.counts.replace("_", " ")
        if gloss.kind(n.counts) == "action" or n.counts not in gloss.kinds:
            words = tokenize(text[n.end :])
            unit = words[0].text if words else unit
        value = f"{value} {unit}"
    if n.value >= 1e6 and not _DIGITS_ONLY.fullmatch(n.text):
        return f"{n.text} ({value})"
    return value


def _highlight(
    unit: Unit, links: dict[str, set[int]], index: dict[str, int], c_terms: list[str]
) -> tuple[int, int]:
    """The stretch of the quote from the first to the last term that matched the claim."""
    wanted = frozenset(index[t] for t in c_terms)
    start, end = -1, -1
    for at, terms, _ in unit.parts:  # (sentence offset, its terms): no shifted copies made
        for t in terms:
            ids = links.get(t.key)
            if ids is not None and not wanted.isdisjoint(ids):
                start = t.start + at if start < 0 else min(start, t.start + at)
                end = max(end, t.end + at)
    return (start, end) if start >= 0 else (unit.start, unit.end)
