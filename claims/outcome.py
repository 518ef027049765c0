"""Opposite outcomes: a quote that gives one of the claim's parties the opposite of what the
claim says happened to it ("acquitted former manager Sunil Ghorpade" / "… while former
manager Sunil Ghorpade was among the five who were convicted").

Opposites are the glossary's ``contrary`` actions (a thesaurus's antonyms). Only what
happened *to* a party compares — the party as the object of an active verb, the subject of a
passive one ("X was convicted", "X को दोषी ठहराया", "X बरी हो गए") — never what a party did:
the court that acquitted one accused and convicted another did both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from claims.glossary import Glossary
from claims.lexicon import (
    CLAUSE_EDGE,
    CONTRAST_EDGE,
    GENITIVE,
    KO,
    NE,
    NEGATIONS,
    SE,
    STOPWORDS,
)
from claims.model import Entity
from claims.text import Token, fold_devanagari, is_devanagari, tokenize
from claims.translit import skeleton, to_latin

# Where one clause of a sentence ends and another begins.
_CLAUSE_EDGE = re.compile(f"{CLAUSE_EDGE}|{CONTRAST_EDGE}")
# The verb "be" before a participle makes it passive ("was convicted", "were acquitted").
_BE = frozenset("is are was were be been being got gets get".split())
# A party after one of these is no object of the verb ("a fine on X", "the case against X").
_OBLIQUE_BEFORE = frozenset("to from against with of for on in at about over than".split())
# Hindi's intransitive or passive "became" after the verb: "X बरी हो गए", "X दोषी करार हुए".
_BECAME = frozenset(fold_devanagari(w) for w in "हो हुए हुआ हुई हुईं".split())
# Case markers that make a Hindi party no subject (X ने: the agent; X से, X का, X में …).
_MARKED = frozenset({NE, SE, *GENITIVE, *(fold_devanagari(w) for w in "में पर द्वारा".split())})


def opposite_outcome(
    claim_text: str, parties: Sequence[Entity], quote: str, gloss: Glossary
) -> str | None:
    """ "outcome: acquitted vs convicted" when a clause of ``quote`` gives one of the claim's
    ``parties`` an action opposite to the one the claim gives it, and not the claim's own
    action too; None otherwise."""
    if not gloss.contrary or not parties:
        return None
    verbs = _contrary_verbs(claim_text, gloss)
    if not verbs:
        return None  # (most claims: asked of every candidate quote, answered once)
    c_tokens = tokenize(claim_text)
    for party in parties:
        at = _mention(c_tokens, party)
        if at is None:
            continue
        for i, ours in verbs:
            if _role(c_tokens, at, i) != "patient":
                continue
            opposite = frozenset().union(*(gloss.contrary[a] for a in ours))
            theirs = _opposite_in(quote, party, ours, opposite, gloss)
            if theirs:
                return f"outcome: {c_tokens[i].text} vs {theirs}"
    return None


@lru_cache(maxsize=4096)
def _contrary_verbs(text: str, gloss: Glossary) -> tuple[tuple[int, frozenset[str]], ...]:
    """The tokens of ``text`` whose actions have opposites, with those actions."""
    found = []
    for i, tok in enumerate(tokenize(text)):
        ours = frozenset(a for a in gloss.actions(tok.text) if a in gloss.contrary)
        if ours:
            found.append((i, ours))
    return tuple(found)


def _opposite_in(
    quote: str, party: Entity, ours: frozenset[str], opposite: frozenset[str], gloss: Glossary
) -> str | None:
    """The word of the quote's clause about ``party`` that gives it an ``opposite`` action,
    when that clause does not also give it ``ours``, is not negated, and has the party as
    the one it happened to."""
    bounds = [0, *(m.end() for m in _CLAUSE_EDGE.finditer(quote)), len(quote)]
    if not any(opposite & gloss.actions(t.text) for t in tokenize(quote)):
        return None
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        tokens = tokenize(quote[lo:hi])
        at = _mention(tokens, party)
        if at is None:
            continue
        actions = [gloss.actions(t.text) for t in tokens]
        if any(a & ours for a in actions) or any(
            fold_devanagari(t.text).casefold() in NEGATIONS for t in tokens
        ):
            continue
        verbs = [i for i, a in enumerate(actions) if a & opposite]
        if not verbs:
            continue
        verb = min(verbs, key=lambda i: abs(i - at[1]))
        if _role(tokens, at, verb) == "patient":
            return tokens[verb].text
    return None


def _mention(tokens: Sequence[Token], party: Entity) -> tuple[int, int] | None:
    """The first and last token of the party's name in ``tokens`` (its surname is enough, in
    either script), or None."""
    words = [w for w in party.latin.split() if len(w) > 2 and w not in STOPWORDS]
    if not words:
        return None
    last = words[-1]
    for i, tok in enumerate(tokens):
        latin = to_latin(fold_devanagari(tok.text).casefold())
        if latin == last or (
            len(latin) >= 4
            and (fuzz.ratio(latin, last) >= 85 or fuzz.ratio(skeleton(latin), skeleton(last)) >= 90)
        ):
            first = i
            while (
                first > 0
                and len(words) > 1
                and to_latin(fold_devanagari(tokens[first - 1].text).casefold()) in words
            ):
                first -= 1
            return first, i
    return None


def _role(tokens: Sequence[Token], at: tuple[int, int], verb: int) -> str | None:
    """What the party at ``at`` (first, last token) is to the verb at ``verb``: "patient"
    (it happened to the party), "agent" (the party did it) or None (neither: "a fine on X",
    "X's lawyer", "the CBI court")."""
    first, last = at
    words = [fold_devanagari(t.text).casefold() for t in tokens]
    if is_devanagari(tokens[last].text):
        after = words[last + 1] if last + 1 < len(words) else ""
        if after == KO:
            return "patient"  # X को दोषी ठहराया
        if (
            last < verb
            and after not in _MARKED
            and any(w in _BECAME for w in words[verb + 1 : verb + 3])
        ):
            return "patient"  # X … बरी हो गए: unmarked, before a verb of becoming
        return None
    before = words[first - 1] if first > 0 else ""
    if (
        before in _OBLIQUE_BEFORE
        or words[last].endswith("'s")
        or (last + 1 < len(words) and words[last + 1] in ("'s", "s"))
    ):
        return None
    if before == "by":
        return "agent"
    if last < verb:
        if any(w in _BE for w in words[max(last + 1, verb - 3) : verb]):
            return "patient"  # X was convicted; X was among the five who were convicted
        return "agent"
    return "patient"  # the court acquitted X


# The outcomes of a decision on a request (a proposal, a plea, a scheme): granted, or not —
# refused or put off. A thesaurus pairs approve with disapprove, but it cannot tell that a
# proposal "put off to the next meeting" was not approved.
_GRANTED = frozenset({"approve"})
_NOT_GRANTED = frozenset({"refuse", "postpone", "annul"})


@lru_cache(maxsize=16_384)  # a claim is asked of every quote, a quote for every claim
def decision_of(text: str, gloss: Glossary) -> tuple[bool, str] | None:
    """(True, word) when ``text`` — one clause — grants what was asked ("approved", "को
    मंजूरी दी"), (False, word) when it refuses or defers it ("was put off", "टाल दिया
    गया", "was not approved"); None when it decides nothing, or both ways."""
    found: dict[bool, str] = {}
    tokens = tokenize(text)
    negated = any(fold_devanagari(t.text).casefold() in NEGATIONS for t in tokens)
    for k, tok in enumerate(tokens):
        actions = gloss.translated_action(tok.text)
        if not actions and k + 1 < len(tokens):
            actions = gloss.phrase_action(tok.text, tokens[k + 1].text)  # turned down
        if actions & _GRANTED:
            found.setdefault(not negated, tok.text)
        elif actions & _NOT_GRANTED and not negated:
            found.setdefault(False, tok.text)
    if len(found) != 1:
        return None
    granted, word = next(iter(found.items()))
    return granted, word


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of one sentence."""
    bounds = [0, *(m.end() for m in _CLAUSE_EDGE.finditer(text)), len(text)]
    return [(lo, hi) for lo, hi in zip(bounds, bounds[1:], strict=False) if hi > lo]
