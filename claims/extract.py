"""Claim extraction: sentences -> clauses -> check-worthy claims with key facts and spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.glossary import Glossary, default_glossary
from claims.lexicon import (
    ATTRIBUTION,
    CLAUSE_CONJUNCTIONS,
    COORDINATORS,
    HINDI_CLAUSE_END,
    MONTHS,
    OPINION_MARKERS,
    OPINION_PHRASES,
    PRONOUNS,
    SPECULATION_MARKERS,
    STOPWORDS,
    TITLES,
)
from claims.model import (
    Claim,
    ClaimClass,
    ClaimType,
    DateFact,
    Entity,
    KeyFacts,
    NumberFact,
    Sentence,
)
from claims.numbers import NumberSpan, find_numbers
from claims.segment import split_sentences
from claims.text import Token, detect_language, fold_devanagari, is_devanagari, tokenize
from claims.translit import LETTER_NAMES, to_latin
from satyapan.errors import InputError

CHECKWORTHY_THRESHOLD = 0.5
UNIMPORTANT_THRESHOLD = 0.3
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_QUOTE = re.compile(r"[“\"‘«]([^”\"’»]{12,})[”\"’»]")
_HTML = re.compile(r"<\s*(html|body|div|p|script|head|!doctype)\b", re.IGNORECASE)
_TIME = re.compile(
    r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?!\w)|\b(\d{1,2}):(\d{2})\b", re.IGNORECASE
)
_COUNT_FILLERS = frozenset(
    fold_devanagari(w)
    for w in [
        "से",
        "अधिक",
        "ज्यादा",
        "ज़्यादा",
        "करीब",
        "लगभग",
        "तक",
        "more",
        "than",
        "over",
        "about",
        "nearly",
        "around",
        "some",
        "of",
        "the",
        "additional",
        "other",
        "अन्य",
        "और",
        "new",
        "नए",
        "नई",
    ]
)


@dataclass(frozen=True)
class Clause:
    start: int  # offsets into the article
    end: int
    text: str


@dataclass(frozen=True)
class Scored:
    """A sentence or clause with its check-worthiness and facts, before it becomes a claim."""

    sentence: Sentence
    clause: Clause
    score: float
    cls: ClaimClass
    type: ClaimType
    key_facts: KeyFacts
    has_opinion: bool


def extract_claims(
    text: str,
    *,
    language: str | None = None,
    glossary: Glossary | None = None,
    include_all: bool = False,
) -> list[Claim]:
    """The check-worthy claims of an article (every clause with ``include_all``)."""
    return [
        _to_claim(s, language or detect_language(text))
        for s in score_text(text, glossary=glossary)
        if include_all or s.cls is ClaimClass.CHECKWORTHY
    ]


def score_text(text: str, *, glossary: Glossary | None = None) -> list[Scored]:
    """Every clause of every sentence, scored and classified (ClaimBuster's three classes)."""
    if not text.strip():
        raise InputError("article is empty")
    if _HTML.search(text[:2000]):
        raise InputError("article looks like HTML; give the page's URL or save its text")
    gloss = glossary or default_glossary()
    out: list[Scored] = []
    context: tuple[Entity, ...] = ()
    for sentence in split_sentences(text):
        clauses = split_clauses(sentence, gloss)
        for clause in clauses:
            scored = _score_clause(sentence, clause, gloss, context, len(clauses) > 1)
            out.append(scored)
        people = tuple(
            e
            for s in out[-len(clauses) :]
            for e in s.key_facts.entities
            if e.kind in ("name", "context")
        )
        if people:
            context = tuple(Entity(e.text, e.latin, "context") for e in people)
    return out


def split_clauses(sentence: Sentence, glossary: Glossary) -> list[Clause]:
    """Split a sentence where two facts meet: at a clause conjunction (हालांकि, but, while),
    or at और/and between two clauses that each have their own verb."""
    tokens = tokenize(sentence.text)
    cuts: list[int] = []
    for i, tok in enumerate(tokens):
        word = fold_devanagari(tok.text).casefold()
        left, right = tokens[:i], tokens[i + 1 :]
        if len(left) < 3 or len(right) < 3:
            continue
        if word in CLAUSE_CONJUNCTIONS:
            cuts.append(tok.start)
        elif word in COORDINATORS and _has_action(left, glossary) and _has_action(right, glossary):
            prev = fold_devanagari(left[-1].text)
            if prev in HINDI_CLAUSE_END or (
                tok.text.isascii() and sentence.text[left[-1].end : tok.start].strip() == ","
            ):
                cuts.append(tok.start)
    cuts = [c for c in cuts if c > 0]
    if not cuts:
        return [Clause(sentence.start, sentence.end, sentence.text)]
    bounds = [0, *cuts, len(sentence.text)]
    clauses: list[Clause] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = sentence.text[a:b]
        stripped = piece.strip().rstrip(",;")
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        s = sentence.start + a + lead
        clauses.append(Clause(s, s + len(stripped.rstrip()), stripped.rstrip()))
    return clauses


def _has_action(tokens: Sequence[Token], glossary: Glossary) -> bool:
    return any(glossary.actions(p) for t in tokens for p in t.text.split("-"))


def _score_clause(
    sentence: Sentence,
    clause: Clause,
    gloss: Glossary,
    context: tuple[Entity, ...],
    is_part: bool,
) -> Scored:
    text = clause.text
    tokens = tokenize(text)
    words = [fold_devanagari(t.text).casefold() for t in tokens]
    folded = fold_devanagari(text).casefold()
    dates = find_dates(text)
    date_spans = [(d[1], d[2]) for d in dates]
    numbers = [
        n
        for n in find_numbers(text)
        if not any(a <= n.start < b for a, b in date_spans)
        and not _is_year(n, text)
        and not _is_article(n)
    ]
    predicates = tuple(
        dict.fromkeys(
            c for t in tokens for p in t.text.split("-") for c in sorted(gloss.actions(p))
        )
    )
    entities = find_entities(text, gloss)
    if any(w in PRONOUNS for w in words) and not any(e.kind == "name" for e in entities):
        entities = (*entities, *(e for e in context if e not in entities))
    quote = _QUOTE.search(text)
    attributed = any(w in ATTRIBUTION for w in words)
    strong_opinion = any(p in folded for p in OPINION_PHRASES) or any(
        w in SPECULATION_MARKERS for w in words
    )
    opinion = strong_opinion or any(w in OPINION_MARKERS for w in words)
    named = [e for e in entities if e.kind in ("name", "acronym", "equipment")]
    actor = named or [e for e in entities if e.kind == "context"]
    places = [e for e in entities if e.kind == "place"]

    score = 0.1
    if numbers:
        score += 0.4
    if actor and predicates:
        score += 0.45
    elif places and predicates:
        score += 0.3
    elif named or predicates:
        score += 0.15
    if quote and (attributed or actor):
        score += 0.3
    elif attributed:
        score += 0.1
    if dates:
        score += 0.05
    if strong_opinion:
        score -= 0.45 if not numbers else 0.25
    elif opinion:
        score -= 0.2
    score = round(min(1.0, max(0.0, score)), 3)
    if score >= CHECKWORTHY_THRESHOLD:
        cls = ClaimClass.CHECKWORTHY
    elif opinion or score < UNIMPORTANT_THRESHOLD:
        cls = ClaimClass.NON_FACTUAL
    else:
        cls = ClaimClass.UNIMPORTANT
    if quote and (attributed or actor):
        ctype = ClaimType.QUOTE
    elif numbers:
        ctype = ClaimType.QUANTITY
    elif actor and predicates:
        ctype = ClaimType.EVENT
    else:
        ctype = ClaimType.STATEMENT
    facts = KeyFacts(
        numbers=tuple(_number_fact(n, text, gloss) for n in numbers),
        entities=entities,
        predicates=predicates,
        dates=tuple(d[0] for d in dates),
    )
    return Scored(sentence, clause, score, cls, ctype, facts, opinion)


def _is_article(n: NumberSpan) -> bool:
    """ "एक"/"one" alone is usually an article (एक बार, one of the), not a quantity."""
    return n.value == 1 and not any(ch.isdigit() for ch in n.text) and " " not in n.text


def _is_year(n: NumberSpan, text: str) -> bool:
    return (
        n.value.is_integer()
        and 1900 <= n.value <= 2100
        and "," not in n.text
        and n.currency is None
        and not n.percent
    )


def _number_fact(n: NumberSpan, text: str, gloss: Glossary) -> NumberFact:
    counts: str | None = "percent" if n.percent else None
    if counts is None:
        for tok in tokenize(text[n.end :])[:4]:
            word = fold_devanagari(tok.text).casefold()
            if word in _COUNT_FILLERS or word in STOPWORDS and not tok.text.isascii():
                continue
            if word in _COUNT_FILLERS:
                continue
            concepts = sorted(
                gloss.concepts(tok.text), key=lambda c: (gloss.kind(c) == "action", c)
            )
            counts = concepts[0] if concepts else to_latin(word)
            break
    if counts is None and n.currency:
        counts = n.currency
    return NumberFact(value=n.value, text=n.text, counts=counts, start=n.start, end=n.end)


def find_dates(text: str) -> list[tuple[DateFact, int, int]]:
    """Weekdays, day-month dates, years and clock times, each with its offsets."""
    out: list[tuple[DateFact, int, int]] = []
    tokens = tokenize(text)
    gloss = default_glossary()
    for i, tok in enumerate(tokens):
        word = fold_devanagari(tok.text).casefold()
        concepts = gloss.concepts(tok.text)
        weekday = next((c for c in concepts if c in _WEEKDAYS), None)
        if weekday:
            out.append((DateFact(tok.text, weekday, "weekday"), tok.start, tok.end))
            continue
        month = MONTHS.get(word)
        if month is None:
            continue
        day = _int_token(tokens[i - 1].text) if i > 0 else None
        after = _int_token(tokens[i + 1].text) if i + 1 < len(tokens) else None
        if day is None and after is not None and after <= 31:
            day = after
        year = after if after is not None and after > 31 else None
        if day is None and year is None:
            continue  # June the name (डोंग जून), May the verb
        start = (
            tokens[i - 1].start
            if day is not None and i > 0 and day == _int_token(tokens[i - 1].text)
            else tok.start
        )
        end = tokens[i + 1].end if after is not None else tok.end
        value = (f"{year:04d}-" if year else "") + f"{month:02d}" + (f"-{day:02d}" if day else "")
        out.append((DateFact(text[start:end], value, "date"), start, end))
    for m in _TIME.finditer(text):
        if m.group(3):
            hour = int(m.group(1)) % 12 + (12 if m.group(3).lower().startswith("p") else 0)
            minute = int(m.group(2) or 0)
        else:
            hour, minute = int(m.group(4)), int(m.group(5))
        if hour < 24 and minute < 60:
            out.append((DateFact(m.group(), f"{hour:02d}:{minute:02d}", "time"), *m.span()))
    for n in find_numbers(text):
        if _is_year(n, text) and not any(a <= n.start < b for _, a, b in out):
            out.append((DateFact(n.text, f"{int(n.value):04d}", "year"), n.start, n.end))
    return sorted(out, key=lambda d: d[1])


def _int_token(word: str) -> int | None:
    w = word.translate(str.maketrans("०१२३४५६७८९", "0123456789")).rstrip("thsndr")
    return int(w) if w.isdigit() and len(w) <= 4 else None


def find_entities(text: str, glossary: Glossary | None = None) -> tuple[Entity, ...]:
    """Named parties: designations (S-400), acronyms, titled names, agents of ने, capitalised
    English names, countries. Each in its own script and in Latin letters."""
    gloss = glossary or default_glossary()
    tokens = tokenize(text)
    found: dict[str, Entity] = {}

    def add(words: Sequence[Token], kind: str) -> None:
        if not words:
            return
        surface = text[words[0].start : words[-1].end]
        place = [c for c in gloss.concepts(surface) if gloss.kind(c) == "place"]
        latin = (
            place[0]
            if place and len(words) == 1
            else " ".join(to_latin(fold_devanagari(w.text)).casefold() for w in words)
        )
        if latin not in found:
            found[latin] = Entity(surface, latin, kind)

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = fold_devanagari(tok.text).casefold()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if re.search(r"\d", tok.text) and re.search(r"[^\W\d_]", tok.text):
            group = [tok]
            # एसयू-30 एमकेआई, Su-30 MKI: a spelled or capitalised suffix belongs to the name.
            if nxt and (_spelled(nxt.text) or (nxt.text.isupper() and nxt.text.isascii())):
                group.append(nxt)
                i += 1
            add(group, "equipment")
        elif tok.text.isascii() and tok.text[:1].isupper() and word not in STOPWORDS:
            group = [tok]
            while i + 1 < len(tokens) and _capitalised_continuation(tokens, i + 1, text):
                i += 1
                group.append(tokens[i])
            while group and group[-1].text.casefold() in ("of", "and", "the"):
                group.pop()
            kind = "acronym" if len(group) == 1 and tok.text.isupper() else "name"
            if not (i == 0 or _sentence_initial(text, tok)) or len(group) > 1 or kind == "acronym":
                add(group, kind)
            elif (
                gloss.concepts(tok.text)
                and gloss.kind(next(iter(gloss.concepts(tok.text)))) == "place"
            ):
                add(group, "place")
        elif _spelled(tok.text):
            add([tok], "acronym")
        elif word in TITLES and is_devanagari(tok.text):
            group = _name_after(tokens, i + 1, gloss)
            add(group, "name")
            i += len(group)
        elif word == fold_devanagari("ने") and i > 0:
            group = _name_before(tokens, i, gloss)
            add(group, "name")
        elif any(gloss.kind(c) == "place" for c in gloss.concepts(tok.text)) and not (
            tok.text.isascii() and tok.text.islower()
        ):
            add([tok], "place")
        elif (
            word == fold_devanagari("के")
            and i + 2 < len(tokens)
            and fold_devanagari(tokens[i + 2].text) == fold_devanagari("में")
            and _is_name_word(tokens[i + 1], gloss)
        ):
            add([tokens[i + 1]], "place")  # जम्मू-कश्मीर के पहलगाम में: a place inside a place
            i += 1
        i += 1
    return tuple(found.values())


def _spelled(word: str) -> bool:
    from claims.translit import _spelled_letters

    return is_devanagari(word) and _spelled_letters(fold_devanagari(word)) is not None


def _capitalised_continuation(tokens: Sequence[Token], j: int, text: str) -> bool:
    tok = tokens[j]
    gap = text[tokens[j - 1].end : tok.start]
    if gap.strip() not in ("", "-"):
        return False
    if tok.text in ("of", "and") and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper():
        return True
    return tok.text.isascii() and tok.text[:1].isupper()


def _sentence_initial(text: str, tok: Token) -> bool:
    before = text[: tok.start].rstrip()
    return not before or before[-1] in '.!?।“"‘(\n'


def _is_name_word(tok: Token, gloss: Glossary) -> bool:
    word = fold_devanagari(tok.text).casefold()
    return (
        is_devanagari(tok.text)
        and not word.endswith(("ों", "ओं"))  # plural oblique: नेताओं, लोगों — never a name
        and word not in STOPWORDS
        and word not in TITLES
        and word not in PRONOUNS
        and word not in LETTER_NAMES
        and not gloss.concepts(tok.text)
    )


def _name_after(tokens: Sequence[Token], j: int, gloss: Glossary) -> list[Token]:
    group: list[Token] = []
    while j < len(tokens) and len(group) < 3 and _is_name_word(tokens[j], gloss):
        group.append(tokens[j])
        j += 1
    return group


def _name_before(tokens: Sequence[Token], j: int, gloss: Glossary) -> list[Token]:
    group: list[Token] = []
    k = j - 1
    while k >= 0 and len(group) < 3 and _is_name_word(tokens[k], gloss):
        group.insert(0, tokens[k])
        k -= 1
    return group


def _to_claim(s: Scored, language: str) -> Claim:
    return Claim(
        text=s.clause.text,
        sentence=s.sentence.text,
        span=(s.clause.start, s.clause.end),
        sentence_index=s.sentence.index,
        type=s.type,
        cls=s.cls,
        checkworthiness=s.score,
        key_facts=s.key_facts,
        language=language,
    )
