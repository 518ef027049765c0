"""Search queries for an article's claims, in its own language and in English, deduplicated."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claims.glossary import Glossary, default_glossary
from claims.model import Claim, Entity, NumberFact
from claims.text import is_devanagari, normalise, tokenize

LANGUAGES = ("hi", "en")
MAX_ENTITIES = 3  # named parties per query: more and an AND-ing search engine finds nothing
MAX_NUMBERS = 2
MAX_PREDICATES = 2
MAX_TERMS = 4
# Numbers below ten are spelled out in most English copy ("four", "चार"): as digits they only
# narrow a search. Above a million a number is an amount (lakh, crore, billion) written too
# many ways to search for.
MIN_SEARCH_NUMBER = 10
MAX_SEARCH_NUMBER = 1_000_000
# Reporting verbs say how news was told, not what happened: they only dilute a search.
REPORTING_CONCEPTS = frozenset({"say", "share", "mention"})
# Named parties first, the places and pronoun-resolved parties that many claims share last.
_ENTITY_RANK = {"name": 0, "acronym": 1, "institution": 1, "org": 1, "equipment": 2}
_PLACE_RANK, _CONTEXT_RANK = 3, 4
_UPPER_KINDS = frozenset({"acronym", "equipment"})
_SHORT_UPPER_KINDS = frozenset({"institution", "org"})
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "de", "da", "du"})


@dataclass(frozen=True)
class Query:
    """One search: its text (multi-word names in quotes), language and terms.

    ``claims`` are the indexes (into the claims given to ``build_queries``) of the claims
    the query stands for; ``entities`` are the terms that name parties.
    """

    text: str
    language: str  # "hi" or "en"
    terms: tuple[str, ...]
    claims: tuple[int, ...] = ()
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """One search term and what it is."""

    text: str
    kind: str  # entity, number, predicate
    key: str = ""  # what deduplication compares: the concept of a predicate, else the text

    @property
    def identity(self) -> str:
        return self.key or normalise(self.text)


def build_queries(
    claims: Sequence[Claim],
    *,
    language: str,
    max_queries: int = 12,
    max_terms: int = MAX_TERMS,
    glossary: Glossary | None = None,
) -> list[Query]:
    """Queries for ``claims`` in the article's ``language`` and in English, best first.

    Each claim gives at most one query per language from its key facts: named parties
    (original script for the article's language, Latin letters title-cased for English),
    numbers as digits and predicate concepts (the claim's own word in Hindi, the glossary's
    English form in English). Queries whose terms are the same, or a subset of another's,
    collapse into the broader one; queries are ranked by how many claims they cover and
    capped at ``max_queries``, taking both languages in turn.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    gloss = glossary or default_glossary()
    languages = [language] if language == "en" else [language, "en"]
    ranked: list[list[Query]] = []
    for lang in languages:
        drafts = []
        for index, claim in enumerate(claims):
            terms = claim_terms(claim, language=lang, glossary=gloss, max_terms=max_terms)
            if _searchable(terms):
                drafts.append((terms, index))
        ranked.append(_rank(_collapse(drafts, lang), claims))
    # Both languages in turn (the article's first) so a cap never drops one whole language.
    merged: list[Query] = []
    for position in range(max(map(len, ranked), default=0)):
        merged.extend(queries[position] for queries in ranked if position < len(queries))
    return merged[: max(0, max_queries)]


def claim_terms(
    claim: Claim, *, language: str, glossary: Glossary, max_terms: int = MAX_TERMS
) -> list[Term]:
    """The search terms of one claim in ``language``: names, then numbers and predicates."""
    entities = [Term(t, "entity") for t in _entity_terms(claim, language)][:MAX_ENTITIES]
    numbers = [Term(t, "number") for t in _number_terms(claim.key_facts.numbers)][:MAX_NUMBERS]
    predicates = [
        Term(form, "predicate", key=f"@{concept}")
        for concept, form in _predicate_terms(claim, language, glossary)
    ]
    predicates = predicates[:MAX_PREDICATES]
    # Interleaved so that a term cap keeps two names, a number and an action first.
    slots = [(entities, 0), (entities, 1), (numbers, 0), (predicates, 0)]
    slots += [(entities, 2), (numbers, 1), (predicates, 1)]
    order = [items[i] if i < len(items) else None for items, i in slots]
    picked: list[Term] = []
    seen: set[str] = set()
    for term in order:
        if term is None or term.identity in seen:
            continue
        seen.add(term.identity)
        picked.append(term)
    return picked[:max_terms]


def guess_event_date(claims: Sequence[Claim]) -> date | None:
    """The full date (YYYY-MM-DD) the claims give most often, or None when they give none."""
    found: Counter[date] = Counter()
    for claim in claims:
        for fact in claim.key_facts.dates:
            try:
                found[date.fromisoformat(fact.value)] += 1
            except ValueError:
                continue  # a weekday, "MM-DD" or a time: not a full date
    if not found:
        return None
    return max(found, key=lambda day: (found[day], day))


def query_text(terms: Sequence[str], *, quote: Sequence[str] = ()) -> str:
    """Terms joined by spaces; the ``quote`` terms that hold a space go in double quotes."""
    quoted = set(quote)
    return " ".join(f'"{t}"' if t in quoted and " " in t else t for t in terms)


# -- terms -----------------------------------------------------------------------------------


def _entity_terms(claim: Claim, language: str) -> list[str]:
    chosen: list[Entity] = []
    for entity in sorted(claim.key_facts.entities, key=_entity_rank):
        words = set(entity.latin.casefold().split())
        if not words:
            continue
        # A surname after the full name, a country and its adjective: one party, one term.
        if any(words <= set(c.latin.casefold().split()) for c in chosen):
            continue
        chosen.append(entity)
    return [_entity_form(e, language) for e in chosen]


def _entity_rank(entity: Entity) -> int:
    if entity.kind == "context":
        return _CONTEXT_RANK
    if entity.kind == "place":
        return _PLACE_RANK
    return _ENTITY_RANK.get(entity.kind, 2)


def _entity_form(entity: Entity, language: str) -> str:
    text = " ".join(entity.text.split())
    if language != "en":
        return text if is_devanagari(text) or not entity.latin else _english_name(entity)
    return _english_name(entity)


def _english_name(entity: Entity) -> str:
    text = " ".join(entity.text.split())
    # Written in Latin letters and complete ("SCO", "S-400", "iPhone"): keep it as written.
    if text and not is_devanagari(text) and text.casefold() == entity.latin.casefold():
        return text
    return title_case(entity.latin, kind=entity.kind)


def title_case(latin: str, *, kind: str = "name") -> str:
    """'asha rao' -> 'Asha Rao', 'bay of x' -> 'Bay of X', 'mk-2 abc' (equipment) -> 'MK-2 ABC'."""
    words = []
    for position, word in enumerate(latin.split()):
        letters = sum(c.isalpha() for c in word)
        short = letters <= 4 if kind in _UPPER_KINDS else letters <= 3
        if any(c.isdigit() for c in word) or short and kind in _UPPER_KINDS | _SHORT_UPPER_KINDS:
            words.append(word.upper())
        elif position and word in _SMALL_WORDS:
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words)


def _number_terms(numbers: Sequence[NumberFact]) -> list[str]:
    terms: list[str] = []
    for number in numbers:
        value = number.value
        if not MIN_SEARCH_NUMBER <= abs(value) < MAX_SEARCH_NUMBER:
            continue
        term = str(int(value)) if float(value).is_integer() else f"{value:g}"
        if term not in terms:
            terms.append(term)
    return terms


def _predicate_terms(claim: Claim, language: str, glossary: Glossary) -> list[tuple[str, str]]:
    """(concept, word) for each predicate: the glossary's English form, or the claim's own
    word for the concept in Hindi."""
    concepts = [c for c in claim.key_facts.predicates if c not in REPORTING_CONCEPTS]
    if language == "en":
        forms = [(c, glossary.english.get(c, c.replace("_", " "))) for c in concepts]
    else:
        words = _surface_words(claim.text, glossary)
        forms = [(c, words[c]) for c in concepts if c in words]
    # A concept read off a name (an "X Cooperation Organisation" -> cooperation) is already
    # in the query as that name.
    named = set()
    for entity in claim.key_facts.entities:
        named.update(normalise(entity.text).split())
        named.update(entity.latin.casefold().split())
    return [(c, form) for c, form in forms if not set(normalise(form).split()) <= named]


def _surface_words(text: str, glossary: Glossary) -> dict[str, str]:
    """Concept -> the words of ``text`` that say it (two-word forms like "मुलाकात की" first)."""
    tokens = [t.text for t in tokenize(text)]
    found: dict[str, str] = {}
    for size in (2, 1):
        for start in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[start : start + size])
            for concept in glossary.concepts(phrase):
                found.setdefault(concept, phrase)
    return found


# -- deduplication ---------------------------------------------------------------------------


def _searchable(terms: Sequence[Term]) -> bool:
    """A query needs a name (or a number and an action), and a second term unless its one
    name has two words: "17 18" or "India" alone finds everything and nothing."""
    kinds = {t.kind for t in terms}
    if "entity" not in kinds and not {"number", "predicate"} <= kinds:
        return False
    return len(terms) >= 2 or (terms[0].kind == "entity" and len(terms[0].text.split()) >= 2)


def _collapse(drafts: Sequence[tuple[list[Term], int]], language: str) -> list[Query]:
    """Merge queries with equal or nested term sets into the broader one (the subset, which
    finds all that the other would), which then covers the claims of both."""
    ordered = sorted(enumerate(drafts), key=lambda item: (len(item[1][0]), item[0]))
    kept: list[tuple[frozenset[str], list[Term], list[int]]] = []
    for _, (terms, claim_index) in ordered:
        keys = frozenset(t.identity for t in terms)
        covering = [entry for entry in kept if entry[0] <= keys]
        for entry in covering:  # every broader query already finds what this one would
            entry[2].append(claim_index)
        if not covering:
            kept.append((keys, terms, [claim_index]))
    queries: list[Query] = []
    for _, terms, covered in kept:
        names = tuple(t.text for t in terms if t.kind == "entity")
        queries.append(
            Query(
                text=query_text([t.text for t in terms], quote=names),
                language=language,
                terms=tuple(t.text for t in terms),
                claims=tuple(sorted(set(covered))),
                entities=names,
            )
        )
    return queries


def _rank(queries: Sequence[Query], claims: Sequence[Claim]) -> list[Query]:
    """Most claims first, counting only claims no earlier query covers (greedy set cover),
    so the queries a cap keeps reach as many different claims as they can; on a tie, the
    query whose claims are most check-worthy."""
    todo = list(queries)
    covered: set[int] = set()
    ranked: list[Query] = []

    def order(query: Query) -> tuple[int, float, int, tuple[int, ...]]:
        worth = max(claims[i].checkworthiness for i in query.claims)
        return (-len(set(query.claims) - covered), -worth, -len(query.claims), query.claims)

    while todo:
        best = min(todo, key=order)
        todo.remove(best)
        covered.update(best.claims)
        ranked.append(best)
    return ranked
