"""Claim extraction: sentences -> clauses -> check-worthy claims with key facts and spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.entities import find_entities
from claims.glossary import Glossary, default_glossary
from claims.lexicon import (
    ATTRIBUTION,
    CLAUSE_CONJUNCTIONS,
    COORDINATORS,
    HINDI_CLAUSE_END,
    MONTHS,
    OPINION_MARKERS,
    OPINION_PHRASES,
    PERSONAL_PRONOUNS,
    SPECULATION_MARKERS,
    STOPWORDS,
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
from claims.numbers import NumberSpan, find_numbers, parse_number
from claims.roles import find_parts
from claims.segment import split_sentences
from claims.text import Token, detect_language, fold_devanagari, tokenize
from claims.translit import to_latin
from satyapan.errors import InputError

CHECKWORTHY_THRESHOLD = 0.5
UNIMPORTANT_THRESHOLD = 0.3
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_QUOTE = re.compile(r"[“\"‘«]([^”\"’»]{12,})[”\"’»]")
_QUOTE_SPAN = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
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
        _to_claim(s, language or detect_language(s.sentence.text))
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
    sentences = split_sentences(text)
    # Names found anywhere in the article are names wherever they recur.
    known: dict[str, Entity] = {}
    for sentence in sentences:
        for e in find_entities(sentence.text, gloss, known=known):
            known.setdefault(fold_devanagari(e.text), e)
    previous: dict[str, str] = {}
    for sentence in sentences:
        clauses = split_clauses(sentence, gloss)
        scored_clauses = []
        for clause in clauses:
            scored = _score_clause(sentence, clause, gloss, context, known, previous)
            scored_clauses.append(scored)
            out.append(scored)
            out.extend(_list_items(scored, gloss))
        roles = dict(scored_clauses[-1].key_facts.parts)
        if roles.get("actor"):
            previous = roles
        people = tuple(
            e for s in scored_clauses for e in s.key_facts.entities if e.kind in ("name", "context")
        )
        if people:
            context = tuple(Entity(e.text, e.latin, "context") for e in people)
    return out


_LIST_SEPARATORS = {",", "और", "तथा", "एवं", "and"}


def _list_items(scored: Scored, gloss: Glossary) -> list[Scored]:
    """The topics of a list inside one event ("talks on the S-400 delivery, the Su-30 MKI
    upgrade and …"): each list item that names its own equipment, institution or person
    becomes a claim of its own, with the event's action, spanning just the item."""
    if scored.cls is not ClaimClass.CHECKWORTHY or scored.type is not ClaimType.EVENT:
        return []
    clause = scored.clause
    text = clause.text
    # Items are the stretches between commas and और/and outside quotes.
    bounds = [0]
    for m in re.finditer(r",\s*|\s+(?:और|तथा|एवं|and)\s+", text):
        if not any(a < m.start() < b for a, b in _quoted_spans(text)):
            bounds.extend([m.start(), m.end()])
    bounds.append(len(text))
    items = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    named = [
        e
        for e in scored.key_facts.entities
        if e.kind in ("equipment", "name", "org", "institution")
    ]
    with_names = [
        (a, b, [e for e in named if e.text in text[a:b]])
        for a, b in items
        if any(e.text in text[a:b] for e in named)
    ]
    if len(with_names) < 2 or len(with_names) == len(items) and len(items) == 1:
        return []
    action = scored.key_facts.part("action")
    out: list[Scored] = []
    for a, b, entities in with_names:
        piece = text[a:b].strip()
        start = clause.start + a + (len(text[a:b]) - len(text[a:b].lstrip()))
        item_preds = tuple(
            dict.fromkeys(
                [c for t in tokenize(piece) for p in t.text.split("-") for c in gloss.actions(p)]
                + ([action] if action else [])
            )
        )
        parts = {"topic": piece}
        if action:
            parts["action"] = action
        if actor := scored.key_facts.part("actor"):
            parts["actor"] = actor
        facts = KeyFacts(
            numbers=tuple(n for n in scored.key_facts.numbers if n.text in piece),
            entities=tuple(entities),
            predicates=item_preds,
            parts=tuple(parts.items()),
        )
        out.append(
            Scored(
                scored.sentence,
                Clause(start, start + len(piece), piece),
                scored.score,
                scored.cls,
                ClaimType.EVENT,
                facts,
                scored.has_opinion,
            )
        )
    return out


def split_clauses(sentence: Sentence, glossary: Glossary) -> list[Clause]:
    """Split a sentence where two facts meet: at a clause conjunction (हालांकि, but, while),
    or at और/and between two clauses that each have their own verb — never inside a quote."""
    tokens = tokenize(sentence.text)
    if len(tokens) < 7:
        return [Clause(sentence.start, sentence.end, sentence.text)]
    # actions[i] / numbers[i]: how many of tokens[:i] name an action / are numbers (prefix
    # sums keep this linear).
    actions = [0]
    numbers = [0]
    for tok in tokens:
        actions.append(actions[-1] + (1 if _is_action(tok, glossary) else 0))
        numbers.append(numbers[-1] + (1 if any(c.isdigit() for c in tok.text) else 0))
    quoted = _quoted_spans(sentence.text)
    cuts: list[int] = []
    for i, tok in enumerate(tokens):
        if i < 3 or len(tokens) - i - 1 < 3 or any(a < tok.start < b for a, b in quoted):
            continue
        word = fold_devanagari(tok.text).casefold()
        if word in CLAUSE_CONJUNCTIONS:
            cuts.append(tok.start)
        elif word in COORDINATORS and (
            (actions[i] and actions[-1] - actions[i + 1])
            or (numbers[i] and numbers[-1] - numbers[i + 1])  # ₹10 to ₹12, and ₹60 to ₹70
        ):
            prev = tokens[i - 1]
            if fold_devanagari(prev.text) in HINDI_CLAUSE_END or (
                tok.text.isascii() and sentence.text[prev.end : tok.start].strip() == ","
            ):
                cuts.append(tok.start)
    if not cuts:
        return [Clause(sentence.start, sentence.end, sentence.text)]
    bounds = [0, *cuts, len(sentence.text)]
    clauses: list[Clause] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = sentence.text[a:b]
        stripped = piece.strip().rstrip(",;").rstrip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        start = sentence.start + a + lead
        clauses.append(Clause(start, start + len(stripped), stripped))
    return clauses


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTE_SPAN.finditer(text)]


def _is_action(tok: Token, glossary: Glossary) -> bool:
    return any(glossary.actions(p) for p in tok.text.split("-"))


def _score_clause(
    sentence: Sentence,
    clause: Clause,
    gloss: Glossary,
    context: tuple[Entity, ...],
    known: dict[str, Entity],
    previous: dict[str, str],
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
        and not _ends_year_range(n, text)
    ]
    predicates = tuple(
        dict.fromkeys(
            c for t in tokens for p in t.text.split("-") for c in sorted(gloss.actions(p))
        )
    )
    entities = find_entities(text, gloss, known=known)
    if any(w in PERSONAL_PRONOUNS for w in words) and not any(e.kind == "name" for e in entities):
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
    parts = find_parts(text, entities, predicates, gloss, previous=previous)
    facts = KeyFacts(
        numbers=tuple(_number_fact(n, text, gloss) for n in numbers),
        entities=entities,
        predicates=predicates,
        dates=tuple(d[0] for d in dates),
        parts=tuple(parts.items()),
    )
    return Scored(sentence, clause, score, cls, ctype, facts, opinion)


def _is_article(n: NumberSpan) -> bool:
    """ "एक"/"one" alone is usually an article (एक बार, one of the), not a quantity."""
    return n.value == 1 and not any(ch.isdigit() for ch in n.text) and " " not in n.text


def _ends_year_range(n: NumberSpan, text: str) -> bool:
    """The 26 of 2025-26 (a financial year) is part of a date, not a quantity."""
    return (
        n.start >= 5
        and text[n.start - 1] == "-"
        and re.fullmatch(r"(19|20)\d\d", text[n.start - 5 : n.start - 1]) is not None
        and len(n.text) == 2
    )


def _is_year(n: NumberSpan, text: str) -> bool:
    return (
        n.value.is_integer()
        and 1900 <= n.value <= 2100
        and "," not in n.text
        and n.currency is None
        and not n.percent
    )


def _number_fact(n: NumberSpan, text: str, gloss: Glossary) -> NumberFact:
    """A number with what it counts: a percentage, a currency, or the next content word
    (26 लोगों -> people; four suggestions -> suggest; Rs 40 crore -> rupee)."""
    counts: str | None = "percent" if n.percent else n.currency
    if counts is None:
        for tok in tokenize(text[n.end :])[:4]:
            word = fold_devanagari(tok.text).casefold()
            if word in _COUNT_FILLERS or word in STOPWORDS:
                continue
            if any(c.isdigit() for c in word) or parse_number(tok.text) is not None:
                break  # "12 of the 30 ships": the next number is not what 12 counts
            if tok.text[:1].isupper() or any(
                gloss.kind(c) == "place" for c in gloss.concepts(tok.text)
            ):
                break  # "killed 26 in Pahalgam": a place is where, not what
            concepts = sorted(
                gloss.concepts(tok.text), key=lambda c: (gloss.kind(c) == "action", c)
            )
            counts = concepts[0] if concepts else to_latin(word)
            break
    window = tokenize(text[max(0, n.start - 60) : n.end + 60])
    near = tuple(sorted({c for t in window for p in t.text.split("-") for c in gloss.actions(p)}))
    return NumberFact(
        value=n.value, text=n.text, counts=counts, start=n.start, end=n.end, near=near
    )


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
    out.extend(_hindi_times(text, tokens))
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
            span = re.match(r"-\d\d(?!\d)", text[n.end :])  # 2025-26, a financial year
            end = n.end + span.end() if span else n.end
            value = f"{int(n.value):04d}" + (text[n.end : end] if span else "")
            out.append((DateFact(text[n.start : end], value, "year"), n.start, end))
    return sorted(out, key=lambda d: d[1])


_HINDI_HOUR = {fold_devanagari(w) for w in ("बजे", "बजकर", "बजने")}
_HINDI_EVENING = {fold_devanagari(w) for w in ("शाम", "रात", "दोपहर")}


def _hindi_times(text: str, tokens: Sequence[Token]) -> list[tuple[DateFact, int, int]]:
    """सुबह 9 बजकर 18 मिनट -> 09:18; शाम पांच बजे -> 17:00."""
    out: list[tuple[DateFact, int, int]] = []
    for i, tok in enumerate(tokens):
        if i == 0 or fold_devanagari(tok.text) not in _HINDI_HOUR:
            continue
        hour = parse_number(tokens[i - 1].text)
        if hour is None or not 0 <= hour <= 24 or not float(hour).is_integer():
            continue
        start, end = tokens[i - 1].start, tok.end
        minute = 0
        if (
            i + 2 < len(tokens)
            and fold_devanagari(tokens[i + 2].text) == fold_devanagari("मिनट")
            and (m := parse_number(tokens[i + 1].text)) is not None
        ):
            minute, end = int(m), tokens[i + 2].end
        h = int(hour)
        if i >= 2 and fold_devanagari(tokens[i - 2].text) in _HINDI_EVENING and h < 12:
            h += 12
            start = tokens[i - 2].start
        if h < 24 and minute < 60:
            out.append((DateFact(text[start:end], f"{h:02d}:{minute:02d}", "time"), start, end))
    return out


def _int_token(word: str) -> int | None:
    w = word.translate(str.maketrans("०१२३४५६७८९", "0123456789")).rstrip("thsndr")
    return int(w) if w.isdigit() and len(w) <= 4 else None


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
