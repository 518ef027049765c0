"""Claim extraction: sentences -> clauses -> check-worthy claims with key facts and spans."""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from claims.entities import find_entities, latin_name, place_word_follows
from claims.glossary import Glossary, default_glossary
from claims.lexicon import (
    ANY_QUANTIFIERS,
    ATTRIBUTION,
    CLAUSE_CONJUNCTIONS,
    COORDINATORS,
    DAYS_IN,
    FATES,
    GENITIVE,
    HINDI_CLAUSE_END,
    MONTHS,
    NEGATIONS,
    NONE_QUANTIFIERS,
    OPINION_MARKERS,
    OPINION_PHRASES,
    PERSONAL_PRONOUNS,
    SPECULATION_MARKERS,
    STOPWORDS,
    WEEKDAYS,
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
from claims.morphology import VERB_TAGS, Morphology, NoMorphology, Word, shift, words_in
from claims.numbers import NumberSpan, find_numbers, parse_number
from claims.roles import find_parts
from claims.segment import split_sentences
from claims.text import Token, detect_language, fold_devanagari, is_devanagari, tokenize
from claims.translit import to_latin
from satyapan.errors import InputError

log = logging.getLogger(__name__)
CHECKWORTHY_THRESHOLD = 0.5
UNIMPORTANT_THRESHOLD = 0.3
_QUOTE = re.compile(r"[“\"‘«]([^”\"’»]{12,})[”\"’»]")
_QUOTE_SPAN = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_HTML = re.compile(r"<\s*(html|body|div|p|script|head|!doctype)\b", re.IGNORECASE)
_TIME = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2})(?::\d{2})?)?\s*(a\.?m\.?|p\.?m\.?)(?!\w)"
    r"|\b(\d{1,2}):(\d{2})(?::\d{2})?\b",  # (seconds, if any, are part of the time)
    re.IGNORECASE,
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
    is_item: bool = False  # one item of a list inside an event, not a clause


def extract_claims(
    text: str,
    *,
    language: str | None = None,
    glossary: Glossary | None = None,
    include_all: bool = False,
    morphology: Morphology | None = None,
) -> list[Claim]:
    """The check-worthy claims of an article (every clause with ``include_all``).

    ``morphology`` reads lemma, part of speech and tense (``satyapan.apertium.morphology()``
    at the edge); without one, only the text rules decide."""
    return [
        _to_claim(s, language or detect_language(s.sentence.text))
        for s in score_text(text, glossary=glossary, morphology=morphology)
        if include_all or s.cls is ClaimClass.CHECKWORTHY
    ]


def analyse_sentences(
    sentences: Sequence[Sentence], morphology: Morphology | None
) -> list[tuple[Word, ...]]:
    """Each sentence's words with their readings (offsets into the sentence), one batch per
    language."""
    morph = morphology or NoMorphology()
    out: list[tuple[Word, ...]] = [() for _ in sentences]
    by_language: dict[str, list[int]] = {}
    for k, sentence in enumerate(sentences):
        by_language.setdefault(detect_language(sentence.text), []).append(k)
    for language, indices in by_language.items():
        analysed = morph.analyse([sentences[k].text for k in indices], language)
        for k, words in zip(indices, analysed, strict=False):
            out[k] = words
    return out


def score_text(
    text: str, *, glossary: Glossary | None = None, morphology: Morphology | None = None
) -> list[Scored]:
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
        try:
            found = find_entities(sentence.text, gloss, known=known)
        except Exception:  # noqa: BLE001 - the sentence is skipped (and logged) below
            continue
        for e in found:
            known.setdefault(fold_devanagari(e.text), e)
    previous: dict[str, str] = {}
    analysed = analyse_sentences(sentences, morphology)
    for sentence, words in zip(sentences, analysed, strict=True):
        try:
            scored_clauses = _score_sentence(sentence, words, gloss, context, known, previous)
        except Exception as exc:  # noqa: BLE001 - one odd sentence never sinks an article
            log.warning("claims: sentence at %d skipped: %r", sentence.start, exc)
            continue
        out.extend(scored_clauses)
        scored_clauses = [s for s in scored_clauses if not s.is_item]
        roles = dict(scored_clauses[-1].key_facts.parts)
        if roles.get("actor"):
            previous = roles
        people = tuple(
            e for s in scored_clauses for e in s.key_facts.entities if e.kind in ("name", "context")
        )
        if people:
            context = tuple(Entity(e.text, e.latin, "context") for e in people)
    return out


def _score_sentence(
    sentence: Sentence,
    words: Sequence[Word],
    gloss: Glossary,
    context: tuple[Entity, ...],
    known: dict[str, Entity],
    previous: dict[str, str],
) -> list[Scored]:
    """Every clause of one sentence (and the list items of its events), scored."""
    out: list[Scored] = []
    clauses: list[Scored] = []
    for clause in split_clauses(sentence, gloss, words):
        # A clause that gives the reason for a view ("… खास रही क्योंकि …") is the view's.
        subordinate = bool(clauses) and _starts_subordinate(clause.text)
        framed = subordinate and clauses[0].has_opinion
        scored = _score_clause(
            sentence, clause, gloss, context, known, previous, words, framed=framed
        )
        clauses.append(scored)
        out.append(scored)
        items = _list_items(scored, gloss) or _number_items(scored, gloss)
        out.extend(replace(item, is_item=True) for item in items)
    return out


# Where the items of a list part, and where the facts of a compound clause part.
# (A comma between digits groups them: 71,306 is one number.)
# ("two- and three-wheelers": a hyphen left hanging joins two words into one phrase.)
_ITEM_SEPARATORS = re.compile(r",(?!\d)\s*|(?<!-)\s+(?:और|तथा|एवं|and)\s+")
_FACT_SEPARATORS = re.compile(r"(?:;|,(?!\d))\s*|(?<!-)\s+(?:और|तथा|एवं|and|while|whereas)\s+")


def _pieces(text: str, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    """The stretches of ``text`` between ``separators`` outside quotes (the items of a list,
    the facts of a compound clause)."""
    quoted = _quoted_spans(text)
    bounds = [0]
    for m in separators.finditer(text):
        if not any(a < m.start() < b for a, b in quoted):
            bounds.extend([m.start(), m.end()])
    bounds.append(len(text))
    return [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]


def _number_items(scored: Scored, gloss: Glossary) -> list[Scored]:
    """The atomic facts of a clause that counts several things ("212 cases of JE and 19
    deaths", "16 rescued, six missing"): each stretch with its own number becomes a claim of
    its own, keeping the clause's parties and actions, so each fact is matched and judged on
    its own and one differing count does not dispute the others."""
    counts = scored.key_facts.counts  # (a rank is no fact of its own)
    if scored.cls is not ClaimClass.CHECKWORTHY or len(counts) < 2:
        return []
    clause = scored.clause
    text = clause.text
    pieces = []
    for a, b in _pieces(text, _FACT_SEPARATORS):
        facts = tuple(n for n in counts if a <= n.start < b and n.end <= b)
        if facts and text[a:b].strip():
            pieces.append((a, b, facts))
    if len(pieces) < 2:
        return []
    out: list[Scored] = []
    for a, b, facts in pieces:
        piece = text[a:b].strip()
        start = clause.start + a + (len(text[a:b]) - len(text[a:b].lstrip()))
        shifted = tuple(
            replace(n, start=n.start - (start - clause.start), end=n.end - (start - clause.start))
            for n in facts
        )
        # Its own clock times and dates only: "at 2:47 am" is no part of "killing seven".
        dates = tuple(d for d in scored.key_facts.dates if d.text in piece)
        # … and its own actions: "located the epicentre at a depth of 10 km" is no killing.
        own = _actions_of(piece, gloss)
        predicates = tuple(p for p in scored.key_facts.predicates if p in own)
        key_facts = replace(scored.key_facts, numbers=shifted, dates=dates, predicates=predicates)
        out.append(
            replace(
                scored,
                clause=Clause(start, start + len(piece), piece),
                type=ClaimType.QUANTITY,
                key_facts=key_facts,
            )
        )
    return out


def _actions_of(text: str, gloss: Glossary) -> list[str]:
    """The glossary actions a stretch of text names, in order (each part of a hyphenated
    word read on its own)."""
    return [c for t in tokenize(text) for p in t.text.split("-") for c in gloss.actions(p)]


_RELATIVE_START = re.compile(r"\s*(?:which|who|whom|whose|where|जो|जिसने|जिसे|जिसमें|जिन्होंने|जहां)\b")


def _list_items(scored: Scored, gloss: Glossary) -> list[Scored]:
    """The topics of a list inside one event ("talks on the S-400 delivery, the Su-30 MKI
    upgrade and …"): each list item that names its own equipment, institution or person
    becomes a claim of its own, with the event's action, spanning just the item."""
    if scored.cls is not ClaimClass.CHECKWORTHY or scored.type is not ClaimType.EVENT:
        return []
    clause = scored.clause
    text = clause.text
    items = _pieces(text, _ITEM_SEPARATORS)
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
    if any(_RELATIVE_START.match(text[a:b]) for a, b in items[1:]):
        return []  # ", which was hearing a petition …": a relative clause, not a list's item
    action = scored.key_facts.part("action")
    out: list[Scored] = []
    for a, b, entities in with_names:
        piece = text[a:b].strip()
        start = clause.start + a + (len(text[a:b]) - len(text[a:b].lstrip()))
        own = [*_actions_of(piece, gloss), *([action] if action else [])]
        item_preds = tuple(dict.fromkeys(own))
        parts = {"topic": piece}
        if action:
            parts["action"] = action
        if actor := scored.key_facts.part("actor"):
            parts["actor"] = actor
        facts = KeyFacts(
            numbers=tuple(n for n in scored.key_facts.numbers if n.text in piece),
            dates=tuple(d for d in scored.key_facts.dates if d.text in piece),
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


def split_clauses(
    sentence: Sentence, glossary: Glossary, words: Sequence[Word] = ()
) -> list[Clause]:
    """Split a sentence where two facts meet: at a clause conjunction (हालांकि, but, while,
    साथ ही), or at और/and between two clauses that each have their own verb (a finite verb
    by the morphology, or a glossary action) — never inside a quote."""
    tokens = tokenize(sentence.text)
    if len(tokens) < 7:
        return [Clause(sentence.start, sentence.end, sentence.text)]
    finite = {w.start for w in words if _is_finite(w)}
    finite_ends = {w.end for w in words if _is_finite(w)}  # (जमा करेंगे is one unit)
    # actions[i] / numbers[i]: how many of tokens[:i] name an action / are numbers (prefix
    # sums keep this linear).
    actions = [0]
    numbers = [0]
    for tok in tokens:
        verb = tok.start in finite or _is_action(tok, glossary)
        actions.append(actions[-1] + (1 if verb else 0))
        numbers.append(numbers[-1] + (1 if any(c.isdigit() for c in tok.text) else 0))
    quoted = _quoted_spans(sentence.text)
    cuts: list[int] = []
    for i, tok in enumerate(tokens):
        if i < 3 or len(tokens) - i - 1 < 3 or any(a < tok.start < b for a, b in quoted):
            continue
        word = fold_devanagari(tok.text).casefold()
        if word in CLAUSE_CONJUNCTIONS or (
            word == "साथ" and fold_devanagari(tokens[i + 1].text) == "ही" and actions[i]
        ):
            cuts.append(tok.start)
        elif word in COORDINATORS and (
            (actions[i] and actions[-1] - actions[i + 1])
            or (numbers[i] and numbers[-1] - numbers[i + 1])  # ₹10 to ₹12, and ₹60 to ₹70
        ):
            prev = tokens[i - 1]
            # A clause ends in a finite verb (the morphology's, करेंगे, जाएंगे) or one of the
            # auxiliaries that close a Hindi clause.
            if (
                prev.end in finite_ends
                or fold_devanagari(prev.text) in HINDI_CLAUSE_END
                or (tok.text.isascii() and sentence.text[prev.end : tok.start].strip() == ",")
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


def _is_finite(word: Word) -> bool:
    """A finite verb, not a postposition that looks like one (की, के)."""
    return word.is_finite_verb and not word.has("post")


def _is_action(tok: Token, glossary: Glossary) -> bool:
    return any(glossary.actions(p) for p in tok.text.split("-"))


def _score_clause(
    sentence: Sentence,
    clause: Clause,
    gloss: Glossary,
    context: tuple[Entity, ...],
    known: dict[str, Entity],
    previous: dict[str, str],
    sentence_words: Sequence[Word] = (),
    *,
    framed: bool = False,
) -> Scored:
    text = clause.text
    offset = clause.start - sentence.start
    # This clause's words, with offsets into the clause (as its quotes and numbers have).
    words_here = shift(words_in(sentence_words, offset, offset + len(text)), -offset)
    tokens = tokenize(text)
    words = [fold_devanagari(t.text).casefold() for t in tokens]
    found_dates = find_dates(text)
    dates = _without_dateline(text, found_dates)
    date_spans = [(d[1], d[2]) for d in found_dates]
    spans = find_numbers(text)
    numbers = [
        n
        for n in spans
        if not any(a <= n.start < b for a, b in date_spans)
        and not _is_year(n, text)
        and not _is_article(n, spans, text)
        and not _names_a_kind(n, text)
        and not _ends_year_range(n, text)
        and not _slashed(n, text)
    ]
    entities = _without_common_words(
        find_entities(text, gloss, known=known), sentence_words, text, gloss
    )
    entities = _with_unknown_names(entities, text, words_here, gloss, known)
    # "PM" in "2.45 PM" is the clock time's, no party (an acronym every use of which is
    # inside a clock time or a date).
    entities = tuple(
        e
        for e in entities
        if e.kind != "acronym"
        or not all(
            any(a <= m.start() < b for a, b in date_spans)
            for m in re.finditer(re.escape(e.text), text)
        )
    )
    # A word inside a name is no action: "Central Bureau of Investigation" investigates nothing.
    inside = [
        (m.start(), m.end())
        for e in entities
        if e.kind in ("name", "institution", "org") and " " in e.text
        for m in re.finditer(re.escape(e.text), text)
    ]
    predicates = tuple(
        dict.fromkeys(
            c
            for t in tokens
            if not any(a <= t.start < b for a, b in inside)
            for p in t.text.split("-")
            for c in sorted(gloss.actions(p))
        )
    )
    if any(w in PERSONAL_PRONOUNS for w in words) and not any(e.kind == "name" for e in entities):
        entities = (*entities, *(e for e in context if e not in entities))
    quote = _QUOTE.search(text)
    attributed = any(w in ATTRIBUTION for w in words)
    named = [e for e in entities if e.kind in ("name", "acronym", "equipment")]
    # What a named person or institution is reported to have said is their claim, however
    # hedged its words: only the words before the attribution can frame the clause.
    said = _reported_from(text, tokens, words, entities)
    own = words[:said]
    reported_at = tokens[said].start if said < len(tokens) else len(text)
    own_folded = fold_devanagari(text[:reported_at])
    strong_opinion = (
        any(p in own_folded.casefold() for p in OPINION_PHRASES)
        or any(
            w in SPECULATION_MARKERS and not (w in _ACKNOWLEDGED and _after_ergative(own, i))
            for i, w in enumerate(own)
        )
        or _passive_view([w for w in words_here if w.start < reported_at])
    )
    opinion = strong_opinion or any(w in OPINION_MARKERS for w in own)
    actor = named or [e for e in entities if e.kind == "context"]
    places = [e for e in entities if e.kind == "place"]

    score = 0.1
    if not numbers and (none := none_counted(text, gloss)) is not None:
        numbers = [none]  # a toll of none is a figure: "हादसे में कोई यात्री घायल नहीं हुआ"
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
    framed = framed or opinion or _framed(sentence, sentence_words, offset + reported_at)
    words_own = [w for w in words_here if w.start < reported_at]
    score = _structural(score, text, words_here, words_own, numbers, dates, named, places, framed)
    if framed and not opinion and score >= CHECKWORTHY_THRESHOLD and not numbers:
        score = CHECKWORTHY_THRESHOLD - 0.05
    score = round(min(1.0, max(0.0, score)), 3)
    if (
        quote
        and (attributed or actor)
        and score >= CHECKWORTHY_THRESHOLD
        and not _quote_anchored(text, numbers, dates, entities, words_here)
    ):
        # What someone is quoted as saying, with nothing concrete in the quote (no number,
        # date, name or place): a view or a declaration ("This is a landmark moment," she
        # said), ClaimBuster's non-factual class — only that they said it could be checked.
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    if (
        quote
        and score >= CHECKWORTHY_THRESHOLD
        and _quoted_view(text, words_here, asked=not (attributed or actor))
    ):
        # What the quoted words say is a belief, a guess or a question ("I think Drishti
        # will change how the world sees our science", "मेरा मानना है कि … बढ़ेंगे", "it will
        # probably collapse within six months", "… आखिर कहां चूक गया?"): the speaker's view,
        # however concrete its words — only that they said it could be checked.
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    if (
        quote
        and score >= CHECKWORTHY_THRESHOLD
        and not numbers
        and not dates
        and _quoted_judgement(text, words_here, gloss)
    ):
        # "“Jyothi is the real hero of the night,” Gowda told reporters", "“Bikash has the
        # calmest hands in Indian hockey”": quoted words that only put a word of praise or
        # blame on someone with "is" or "has" judge them (a sentiment lexicon's rating, not
        # a list of ours); only that it was said could be checked.
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    if (
        score >= CHECKWORTHY_THRESHOLD
        and not numbers
        and not dates
        and _conditional_prospect(words_here)
    ):
        # "अगर काम की यही रफ़्तार रही तो … इंतज़ार करना होगा", "If the pace stays, people
        # will have to wait": a prediction from a condition, with no figure or date to hold
        # it to, is a view of what will be (ClaimBuster's non-factual class).
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    if (
        score >= CHECKWORTHY_THRESHOLD
        and not numbers
        and not dates
        and not named
        and (_future_judgement(words_here) or _seeming(words_here))
    ):
        # "… इतना बड़ा निष्कर्ष निकालना जल्दबाज़ी होगी", "यह फैसला ऐतिहासिक होगा", "it
        # would be premature": what something will be, judged, with nothing concrete to
        # hold it to, is a view (a future be with an adjective or a noun after it).
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    if (
        score >= CHECKWORTHY_THRESHOLD
        and not numbers
        and not dates
        and (_judged_as(words_own) or _unnamed_say(words_here, entities))
    ):
        # "Analysts see the deal as a shot in the arm", "Many regard him as the favourite":
        # what someone takes a thing to be, now (an active verb of judging with "as"), is
        # their view of it (as its passive is: _passive_view); "जानकारों का कहना है कि …",
        # "Experts say …": what an unnamed many hold, with no figure or date, is a view.
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    acts = [p for p in predicates if p != "say"]
    if (
        score >= CHECKWORTHY_THRESHOLD
        and acts
        and all(p in _EVALUATIVE_ACTS for p in acts)
        and not _outside_relatives(text, numbers)
        and not dates
    ):
        # "ग्रामीणों ने युवाओं की मुस्तैदी को सराहा", "The opposition condemned the remarks":
        # praise, blame or thanks with nothing concrete is a view, reported as an act.
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    if score >= CHECKWORTHY_THRESHOLD and not numbers and _correlative_judgement(words_here, gloss):
        # "ग्रामीणों ने जिस तरह … बचाव कार्य शुरू कर दिया, वह काबिले-तारीफ़ है": a main clause
        # that only praises or blames ("वह … है") what its relative clause tells judges it;
        # the deed inside is told, the sentence is a view of it.
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
    if score >= CHECKWORTHY_THRESHOLD and (
        _addressed(words_here)
        or (not _outside_relatives(text, numbers) and _characterises(words_here, text))
    ):
        # "पेपर लीक बंद करो, युवाओं का हक़ दो!": a clause whose verbs all speak to "you" is a
        # call or a slogan, not a report; "… ने फैसले को ‘ऐतिहासिक जीत’ करार दिया", "He
        # called it the worst slowdown": a label someone puts on a thing is their view of it
        # (only that they said it is a fact).
        opinion = True
        score = min(score, UNIMPORTANT_THRESHOLD - 0.05)
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


_CALENDAR = frozenset(
    n.casefold() for n in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name) if n
)


_SHORT_ATTRIBUTION = 8  # words after a quote that only say who said it
# माना with an ergative subject (X ने … माना है कि) is acknowledging, not believing.
_ACKNOWLEDGED = frozenset(fold_devanagari(w) for w in ("माना", "मानी", "माने"))


def _after_ergative(words: Sequence[str], i: int) -> bool:
    """Does the ergative ने come before the i-th word (the subject of a perfect verb)?"""
    return "ने" in words[:i]


# The glossary's actions that only judge (praise, blame, thanks): the act of judging is the
# whole of a clause that has no other action. (Solidarity and condolence are deeds of state
# news reports as facts: "expressed solidarity with the victims' families".)
_EVALUATIVE_ACTS = frozenset({"praise", "condemn", "regret", "thank", "congratulate"})


def _correlative_judgement(words: Sequence[Word], gloss: Glossary) -> bool:
    """Is the clause a relative clause ("जिस तरह …", "जो …") followed by a main clause of a
    demonstrative, a copula and no verb besides, whose words name only praise or blame ("…,
    वह काबिले-तारीफ़ है", "…, वह निंदनीय है")? Read from the analyser's tags: a relative
    pronoun, then a demonstrative pronoun after a comma."""
    rel = next((i for i, w in enumerate(words) if w.has("rel")), None)
    if rel is None:
        return False
    comma = next((i for i in range(rel + 1, len(words)) if words[i].text == ","), None)
    if comma is None or comma + 1 >= len(words) or not words[comma + 1].has("dem"):
        return False
    main = words[comma + 2 :]
    if not any(w.has("vbser") for w in main) or any(w.is_verb and not w.has("vbser") for w in main):
        return False
    acts = {a for w in main for part in w.text.split("-") for a in gloss.actions(part)}
    return bool(acts) and acts <= _EVALUATIVE_ACTS


def _quote_anchored(
    text: str,
    numbers: Sequence[NumberSpan],
    dates: Sequence[tuple[DateFact, int, int]],
    entities: Sequence[Entity],
    words: Sequence[Word],
) -> bool:
    """The quoted words hold something concrete (a number, a date or time, a named party or
    place, a proper noun), or the clause is mostly not a quote."""
    quoted = _quoted_spans(text)
    # The attribution after a quote is no statement of the clause's own ("“…,” said Raghav
    # Nandula, who runs a citizens' group"): the quote is what the clause says.
    own = len(text)
    if quoted:
        # … at its start ("…,” said X), or anywhere in a short one ("…,” former wicketkeeper
        # X said; "…,” सिंघल ने कहा; "…,” the captain told reporters).
        after = tokenize(text[quoted[-1][1] :])
        if any(
            fold_devanagari(t.text).casefold() in ATTRIBUTION
            for t in (after if len(after) <= _SHORT_ATTRIBUTION else after[:2])
        ):
            own = quoted[-1][1]
    if not quoted or sum(b - a for a, b in quoted) * 2 < own:
        return True  # no quote, or a quoted phrase inside the clause's own statement

    def inside(i: int) -> bool:
        return any(a <= i < b for a, b in quoted)

    if any(inside(n.start) for n in numbers) or any(inside(d[1]) for d in dates):
        return True
    if any(w.casefold() in _CALENDAR for a, b in quoted for w in re.findall(r"\w+", text[a:b])):
        return True  # "in March": a time, if no day
    for e in entities:
        if e.kind in ("context", "candidate"):
            continue
        if any(inside(m.start()) for m in re.finditer(re.escape(e.text), text)):
            return True
    return any(inside(w.start) and (w.is_proper or _unknown_name(w)) for w in words)


# Verbs of judging whose passive with "as" or "to" reports a view held by unnamed others:
# "is widely regarded as one of the fastest", "was deemed to be", "are seen as".
_JUDGING_LEMMAS = frozenset({"regard", "consider", "deem", "see", "view", "believe", "think"})


def _passive_view(words: Sequence[Word]) -> bool:
    """Does the clause hold a passive verb of judging followed by "as" or "to" (English)?"""
    for i, w in enumerate(words):
        if not any(r.lemma in _JUDGING_LEMMAS and "pp" in r.tags for r in w.readings):
            continue
        before = words[max(0, i - 3) : i]
        after = words[i + 1] if i + 1 < len(words) else None
        if (
            any(any(r.pos == "vbser" for r in b.readings) for b in before)
            and after is not None
            and after.text.casefold() in ("as", "to")
        ):
            return True
    return False


_KAHNA = fold_devanagari("कहना")
_NOT_PRESENT = frozenset({"past", "pp", "ger"})


def _present_active(word: Word, lemmas: Collection[str]) -> bool:
    """Is the word one of these verbs in a present, active reading (not "saw", "seen",
    "seeing")?"""
    return any(
        r.lemma in lemmas and r.pos == "vblex" and not _NOT_PRESENT & set(r.tags)
        for r in word.readings
    )


def _unnamed_say(words: Sequence[Word], entities: Sequence[Entity]) -> bool:
    """Is the clause what an unnamed many hold: "N का कहना है कि" or "Ns say" (present),
    the speaker a common noun that is no name the article gives?"""
    if any(e.kind in ("name", "org", "institution", "acronym", "equipment") for e in entities):
        return False  # "Residents say Sharma fled": a named party's deed is still a report
    named = {
        fold_devanagari(t).casefold()
        for e in entities
        if e.kind != "context"
        for t in e.text.split()
    }
    for i, w in enumerate(words[1:], start=1):
        if (
            fold_devanagari(w.text) == _KAHNA
            and i >= 2
            and i + 1 < len(words)
            and words[i + 1].has("vbser")
            and fold_devanagari(words[i - 1].text) in GENITIVE
        ):
            speaker = words[i - 2]
        elif _present_active(w, ("say",)) and words[i - 1].has("pl"):
            speaker = words[i - 1]
        else:
            continue
        # (the analyser may not know the noun, जानकारों: a word it does not know and no
        # name of the article is a common noun of the many here)
        return not (speaker.is_proper or fold_devanagari(speaker.text).casefold() in named)
    return False


def _judged_as(words: Sequence[Word]) -> bool:
    """Does the clause hold a present, active verb of judging with "as" a few words on
    (English: "see the deal as", "regard him as"; not "saw" or "was seen", which the passive
    rule reads)?"""
    return any(
        _present_active(w, _JUDGING_LEMMAS)
        and any(n.text.casefold() in ("as", "as a", "as an") for n in words[i + 1 : i + 6])
        for i, w in enumerate(words)
    )


def _quoted_view(text: str, words: Sequence[Word], *, asked: bool = False) -> bool:
    """Are the quoted words of the clause a view: a question, a statement framed by a verb
    of belief (I think, मेरा मानना है कि) or built on a modal of possibility or a word of
    speculation (could, may, सकता, probably, शायद)? (A promise is not one: "अब हम निचली
    अदालत में … अर्ज़ी दाखिल करेंगे" is a plan, checked when it is kept.) With ``asked``
    (no one the clause names said it), only a question counts."""
    quoted = _quoted_spans(text)
    if not quoted:
        return False
    if any(_QUESTION_END.search(text[a:b]) for a, b in quoted):
        return sum(b - a for a, b in quoted) * 2 >= len(text)  # (mostly the question)
    if asked:
        return False
    inside = [w for w in words if any(a <= w.start < b for a, b in quoted)]
    if _judged_superlative(inside):
        return True
    if any(
        fold_devanagari(r.lemma).casefold() in _PREDICTING_LEMMAS and r.pos in VERB_TAGS
        for w in words
        if not any(a <= w.start < b for a, b in quoted)
        for r in w.readings
    ):
        return True  # “…,” she predicted: words given as a prediction are a view of what will be
    folded = [fold_devanagari(w.text).casefold() for w in inside]
    return any(
        (w.is_hedge and not _backshifted(w))
        or (_frames(inside, i) and _holds_view(w))
        or folded[i] in SPECULATION_MARKERS
        for i, w in enumerate(inside)
        if not _in_relative(text, w)
    )


_RATED = 0.5  # a word the sentiment lexicon rates at all (fine 0.8; not large, tall or high)


def _quoted_judgement(text: str, words: Sequence[Word], gloss: Glossary) -> bool:
    """Do the quoted words (most of the clause) only judge: their first verb a copula or
    "have", no deed after it (no passive, no action of the glossary), and a noun or adjective
    after it that praises or blames strongly (hero, calmest, disgrace)?"""
    quoted = _quoted_spans(text)
    if not quoted or not gloss.valence or sum(b - a for a, b in quoted) * 2 < len(text):
        return False
    inside = [w for w in words if any(a <= w.start < b for a, b in quoted)]
    verbs = [i for i, w in enumerate(inside) if w.is_verb]
    if not verbs:
        return False
    head = inside[verbs[0]]
    if not (head.has("vbser") or any(r.lemma.casefold() == "have" for r in head.readings)):
        return False
    if any(inside[i].has("pp") or gloss.actions(inside[i].text) for i in verbs[1:]):
        return False  # "… is expected to", "has been arrested": a deed, not a judgement
    # The predicate's own words: its determiners, adverbs and adjectives up to its head noun
    # ("the real hero", "the calmest hands"; not "danger" in "stable and out of danger").
    for w in inside[verbs[0] + 1 :]:
        if w.is_proper:
            return False
        forms = (w.text, *(r.lemma for r in w.readings))
        if (w.has("adj") or w.has("n")) and gloss.judges(*forms):
            return True
        if w.has("sup") and gloss.judges(*forms, strength=_RATED):
            return True  # a superlative of any word of praise or blame: the finest, the worst
        if not (w.has("det") or w.has("adv") or w.has("adj") or w.has("predet")):
            return False
    return False


_SUPERLATIVE_HI = fold_devanagari("सबसे")


def _judged_superlative(inside: Sequence[Word]) -> bool:
    """Do the quoted words judge what happened by a superlative, said of it by a
    demonstrative ("This is the most important result …", "This is the finest side …",
    "यह फैसला … अब तक का सबसे कड़ा संदेश है")? A speaker ranking the news is giving a view,
    read from the grammar: a demonstrative pronoun first, a copula, and a superlative
    (an adjective's superlative, "most" before an adjective, सबसे before one)."""
    if len(inside) < 3 or not (
        inside[0].has("dem") or (inside[0].has("prn") and inside[0].has("tn"))
    ):
        return False
    if not any(w.has("vbser") for w in inside):
        return False
    for i, w in enumerate(inside):
        nxt = inside[i + 1] if i + 1 < len(inside) else None
        if w.has("adj") and w.has("sup"):
            return True
        if nxt is not None and nxt.has("adj"):
            if any("most" in t for r in w.readings for t in r.tags):
                return True
            if fold_devanagari(w.text) == _SUPERLATIVE_HI:
                return True
    return False


# Of the verbs of belief, those that state a view when a speaker says them of now (I think,
# I believe, मेरा मानना है); a speaker's "we expect to close by March" or "we hope to" is a
# plan, told as one, and "I thought it was a mistake" tells what happened.
_FORECAST_LEMMAS = frozenset({"expect", "hope"})
# Verbs that give a speaker's words as a prediction ("…,” she predicted", "उन्होंने
# भविष्यवाणी की कि …"), by the analyser's lemma: whatever the words, they tell what will be.
_PREDICTING_LEMMAS = frozenset({"predict", "prophesy", fold_devanagari("भविष्यवाणी कर")})


def _holds_view(word: Word) -> bool:
    return not word.has("past") and not any(
        r.lemma.casefold() in _FORECAST_LEMMAS for r in word.readings
    )


_PART_OF = re.compile(r"^\s*(?:of|out of)\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
_QUESTION_END = re.compile(r"\?\s*[”\"’»)]*\s*$")
_QUESTION_START = re.compile(r"^\s*(?:whether|क्या)\b", re.IGNORECASE)
# (\b cannot end a Devanagari word: its vowel signs are no word characters to re, so
# "जोशी" would hold the relative "जो")
_RELATIVE = re.compile(
    r"(?:,\s*(?:which|who|where)\b|(?<![\w\u0900-\u097f])"
    r"(?:जो|जिस(?:े|ने|का|की|के)?|जिन(?:्हें|्होंने|का|की|के)?)(?![\w\u0900-\u097f]))",
    re.IGNORECASE,
)


def _in_relative(text: str, word: Word) -> bool:
    """The word stands in a relative clause (", which may …", "जो … सकते"): it describes
    something the clause names, it does not hedge the clause."""
    return any(m.start() < word.start for m in _RELATIVE.finditer(text))


def _structural(
    score: float,
    text: str,
    words: Sequence[Word],
    own: Sequence[Word],
    numbers: Sequence[NumberSpan],
    dates: Sequence[tuple[DateFact, int, int]],
    named: Sequence[Entity],
    places: Sequence[Entity],
    opinion: bool,
) -> float:
    """Check-worthiness from grammar: a declarative clause with a finite verb (past,
    perfect, passive or negated included) and a concrete anchor (a number, a date or time,
    a named person, organisation or place) states a fact, whatever its verb; a question or a
    modal of possibility (could, may, सकता) does not. The glossary only adds weight."""
    if not words:
        return score
    quoted = _quoted_spans(text)
    outside = [w for w in words if not any(a <= w.start < b for a, b in quoted)]
    if (_QUESTION_END.search(text) or _QUESTION_START.match(text)) and not quoted:
        return min(score, 0.25)
    # A modal counts in what a speaker is reported to have said too ("X said the state
    # should …", "… ने कहा कि सरकार को … चाहिए"), except "would": there it is the tense of
    # reported speech ("said it would challenge the order"), a stated plan.
    # A "would" after any verb of saying is that tense, whoever the speaker ("Officials in
    # the ministry said the cap would save …"), named or not.
    said = [w.start for w in outside if fold_devanagari(w.text).casefold() in ATTRIBUTION]
    if any(
        w.is_hedge
        and not _in_relative(text, w)
        and not (_backshifted(w) and (w not in own or (said and said[0] < w.start)))
        for w in outside
    ):
        return min(score, 0.25 if not numbers else 0.4)
    if opinion and any(_frames(own, i) for i in range(len(own))):
        return min(score, 0.4)
    finite = any(_is_finite(w) for w in outside) or bool(
        quoted and any(_is_finite(w) for w in words)
    )
    proper = [w for w in words if w.is_proper or _unknown_name(w)]
    anchors = len(numbers) + len(dates) + len(named) + len(places) + (1 if proper else 0)
    if finite and anchors and not opinion:
        return max(score, 0.55 + 0.05 * min(anchors, 3))
    return score


# Verbs that put a label on something ("termed it a betrayal", "dubbed", "hailed as"); "call"
# only with a pronoun after it ("called it …"; not "called a meeting", "called for").
_LABELLING_LEMMAS = frozenset({"term", "dub", "brand", "hail", "describe", "label"})
_LABELLED = frozenset({"it", "this", "that", "them", "him", "her", "these", "those"})


# "देते हुए": the imperfective participle that makes an adverbial clause (while doing).
_PARTICIPLE_HUE = frozenset({"हुए", "हुये"})


# What marks the object of a Hindi verb of labelling: को after it, or an object pronoun.
_OBJECT_MARKS = frozenset({"को", "इसे", "उसे", "इन्हें", "उन्हें"})


def _characterises(words: Sequence[Word], text: str = "") -> bool:
    """Does the clause put a label on something: Hindi करार देना (noun करार, then a form of
    देना), or an English verb of labelling?"""
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        lemmas = {(r.lemma.casefold(), r.pos) for r in w.readings}
        # … as the clause's own verb: "… करार देते हुए एकजुटता प्रकट की" (while terming it …,
        # expressed solidarity) states the act, not the label.
        if (
            ("करार", "n") in lemmas
            and nxt is not None
            and nxt.is_finite_verb
            and any(r.lemma == "दे" and r.pos in VERB_TAGS for r in nxt.readings)
            and not (i + 2 < len(words) and words[i + 2].text in _PARTICIPLE_HUE)
        ):
            return True
        # "… इसे अपनी वापसी की शुरुआत बता रही है", "इस कदम को सराहनीय बताते हुए": बताना
        # with an object (को, इसे) and what it is called right before it, a noun or an
        # adjective ("पत्रकारों को बताया कि …" tells, it does not label)
        if (
            i >= 2
            and any(r.lemma == "बता" and r.pos in VERB_TAGS for r in w.readings)
            and any(r.pos in ("n", "adj") for r in words[i - 1].readings)
            and not words[i - 1].is_proper
            and any(b.text in _OBJECT_MARKS or b.has("acc") for b in words[max(0, i - 8) : i - 1])
        ):
            return True
        if not w.is_finite_verb:
            continue
        if any(lemma in _LABELLING_LEMMAS and pos in VERB_TAGS for lemma, pos in lemmas):
            return True
        if ("call", "vblex") not in lemmas:
            continue
        if nxt is not None and nxt.text.casefold() in _LABELLED:
            return True  # "called it …"
        # "called the order “ill-conceived and hasty”" as its only statement: not "called the
        # budget “…” and said the government had failed to fund …"
        label = _QUOTE_SPAN.search(text, w.end, w.end + 200)
        if (
            label is not None
            and label.start() - w.end <= 30
            and not any(v.start >= label.end() and v.is_finite_verb for v in words)
        ):
            return True
    return False


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose|जो|जिसने|जिसमें)\b[^,]*,", re.IGNORECASE)


def _outside_relatives(text: str, numbers: Sequence[NumberSpan]) -> list[NumberSpan]:
    """The numbers of the clause's own statement, not of a relative clause set off by commas
    (", which represents about 260 companies,")."""
    inside = [m.span() for m in _RELATIVE_CLAUSE.finditer(text)]
    return [n for n in numbers if not any(a <= n.start < b for a, b in inside)]


def _prospective(words: Sequence[Word]) -> bool:
    """Do the words say what will (or should) be, not what is or was? Hindi: the last
    finite verb (the main verb ends the clause) is future or subjunctive (लेंगे, रहेंगे,
    रखें). English: a future auxiliary (will, shall) and no verb in the past."""
    finite = [w for w in words if w.is_finite_verb and not w.has("post")]
    if not finite:
        return False
    if is_devanagari(finite[-1].text):
        return all(
            r.pos not in VERB_TAGS or "fut" in r.tags or "prs" in r.tags
            for r in finite[-1].readings
        )
    return any(
        r.lemma.casefold() in ("will", "shall") and r.pos in VERB_TAGS
        for w in words
        for r in w.readings
    ) and not any(w.has("past") for w in finite)


_CONDITIONS = frozenset(fold_devanagari(w) for w in ("अगर", "यदि", "if", "unless"))


def _conditional_prospect(words: Sequence[Word]) -> bool:
    """A clause that opens on a condition and says what will follow from it ("अगर काम की
    यही रफ़्तार रही तो … इंतज़ार करना होगा")."""
    return (
        bool(words)
        and fold_devanagari(words[0].text).casefold() in _CONDITIONS
        and _prospective(words)
    )


# A dateline: a place (one to three words) and a comma at the start of a story's first
# sentence, then the date, an agency in brackets maybe, and a colon or a dash.
_DATELINE_PLACE = re.compile(r"\s*[^\s,:;.।]+(?:\s+[^\s,:;.।]+){0,2},\s*")
_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,24}\))?\s*[:—–-]")


def _without_dateline(
    text: str, dates: list[tuple[DateFact, int, int]]
) -> list[tuple[DateFact, int, int]]:
    """The clause's dates less a dateline's ("Nagpur, 03.11.2026: …", "NAGPUR, Nov 3 (PTI)
    — …"): the day the story was filed, no fact of what it tells."""
    place = _DATELINE_PLACE.match(text)
    if place is None or any(d[1] < place.end() for d in dates):
        return dates  # (no place first: "On Monday, 3 November: …")
    return [d for d in dates if not (d[1] == place.end() and _DATELINE_END.match(text, d[2]))]


_MODALS = frozenset("will would shall might may could".split())


def _future_judgement(words: Sequence[Word]) -> bool:
    """Does the clause say what something will be, an adjective or a common noun (Hindi:
    one right before a future form of होना; English: a modal, "be", then one)?"""
    for i, w in enumerate(words):
        copula = [r for r in w.readings if r.pos == "vbser"]
        if not copula or i == 0:
            continue
        prev = words[i - 1]
        if any("fut" in r.tags for r in copula):
            # (an adjective: "बैठक अगले सप्ताह होगी" tells when a meeting will be held)
            if not prev.is_proper and any(r.pos == "adj" for r in prev.readings):
                return True
            continue
        if not any(r.lemma.casefold() in _MODALS for r in prev.readings):
            continue
        after = words[i + 1 : i + 3]
        if after and any(r.pos == "adj" for r in after[0].readings):
            return True
        if (
            len(after) == 2
            and any(r.pos == "det" for r in after[0].readings)
            and not after[1].is_proper
            and any(r.pos in ("adj", "n") for r in after[1].readings)
        ):
            return True
    return False


_SEEMING = frozenset({"look", "seem", "appear", "sound", "लग", "प्रतीत होना"})


def _seeming(words: Sequence[Word]) -> bool:
    """Does the clause say how something seems: a verb of seeming with an adjective (or a
    participle used as one) as its complement ("the budget looked balanced", "targets
    appeared optimistic", "संतुलित लग रहा था", "सही प्रतीत होता है")?"""
    for i, w in enumerate(words):
        if not any(r.lemma in _SEEMING and r.pos == "vblex" for r in w.readings):
            continue
        if is_devanagari(w.text):
            before = words[i - 1] if i else None
            if before is not None and any(r.pos == "adj" for r in before.readings):
                return True
            continue
        after = [v for v in words[i + 1 : i + 4] if not v.has("preadv") and not v.has("adv")]
        if after and (
            any(r.pos == "adj" for r in after[0].readings)
            or all(r.pos == "vblex" and "pp" in r.tags for r in after[0].readings)
        ):
            return True
    return False


def _addressed(words: Sequence[Word]) -> bool:
    """Are the clause's finite verbs all in the second person (an imperative, a call)?"""
    finite = [w for w in words if w.is_finite_verb]
    return bool(finite) and all(
        all("p2" in r.tags for r in w.readings if r.pos in VERB_TAGS) for w in finite
    )


def _backshifted(word: Word) -> bool:
    return all(r.lemma.casefold() == "would" for r in word.readings)


_SUBORDINATORS = frozenset(fold_devanagari(w) for w in ("क्योंकि", "because", "since", "as"))


def _starts_subordinate(text: str) -> bool:
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return fold_devanagari(first).casefold() in _SUBORDINATORS


def _reported_from(
    text: str, tokens: Sequence[Token], words: Sequence[str], entities: Sequence[Entity]
) -> int:
    """Index of the first token of reported speech ("X said …", "X ने कहा कि …") when a
    named party or institution is its speaker, else the number of tokens."""
    if not any(e.kind in ("name", "institution", "org", "acronym") for e in entities):
        return len(tokens)
    for i, w in enumerate(words):
        if w in ATTRIBUTION and i > 0:
            speaker = text[: tokens[i].start]
            if any(e.text in speaker for e in entities if e.kind != "place"):
                return i + 1
    return len(tokens)


def _framed(sentence: Sentence, words: Sequence[Word], reported_at: int = -1) -> bool:
    """The sentence's main clause frames the rest as a view or a prospect ("experts believe
    that …", "… माना जा रहा है क्योंकि …"): then no clause of it counts as a fact on grammar
    alone (the labelled rule: a sentence is classed by its main clause)."""
    quoted = _quoted_spans(sentence.text)
    folded = fold_devanagari(sentence.text).casefold()
    if any(p in folded for p in OPINION_PHRASES):
        return True
    if _inference(words) and not find_numbers(sentence.text) and not find_dates(sentence.text):
        return True  # (with a figure or a date, "it is settled that …" reports a fact)
    return any(
        (_frames(words, i) or w.is_hedge)
        and not any(a <= w.start < b for a, b in quoted)
        and not (0 <= reported_at <= w.start)
        for i, w in enumerate(words)
    )


def _inference(words: Sequence[Word]) -> bool:
    """A main clause that only judges the clause after it: a pronoun, a predicate, the
    copula, then the complementiser (इससे साफ है कि …, It is clear that …)."""
    if not words or not any(r.pos == "prn" for r in words[0].readings):
        return False
    for j in range(2, min(len(words), 5)):
        if any(r.pos == "cnjsub" for r in words[j].readings):
            between = words[1:j]
            return any(w.is_finite_verb and w.has("vbser") for w in between) and any(
                r.pos in ("adj", "n", "adv") for w in between for r in w.readings
            )
    return False


# Who a Hindi verb of seeming or believing is about (मुझे लगता है, उन्हें लगा): the dative.
_EXPERIENCERS = frozenset(
    fold_devanagari(w) for w in ("मुझे", "हमें", "उन्हें", "उसे", "इन्हें", "तुम्हें", "आपको", "को")
)


def _frames(words: Sequence[Word], i: int) -> bool:
    """Is the i-th word a verb of belief or expectation that frames a view? In Hindi the
    same verbs have concrete senses (करंट लगने से: from an electric shock; लगे बैरिकेड:
    the barricades put up; आग लग गई: a fire broke out): there they frame only when a
    clause follows (लगता है कि, का मानना है कि) or a dative says whose view it is (मुझे
    लगता है)."""
    w = words[i]
    if not w.is_attitude:
        return False
    if not is_devanagari(w.text):
        return True
    after = [fold_devanagari(x.text) for x in words[i + 1 : i + 5]]
    before = fold_devanagari(words[i - 1].text) if i else ""
    if any(r.lemma == "मान" and "perf" in r.tags for r in w.readings) and _after_ergative(
        [x.text for x in words], i
    ):
        return False  # "… ने रिपोर्ट में माना है कि": acknowledged, a reported statement
    return "कि" in after or before in _EXPERIENCERS


def none_counted(text: str, gloss: Glossary) -> NumberSpan | None:
    """A toll of none as a figure of zero, at its quantifier ("No one was hurt", "कोई
    यात्री घायल नहीं हुआ" -> 0 at "No one", "कोई"), or None: so that "three passengers were
    injured" is a rival of the claim's none, and "no passenger was hurt" says the same.

    A quantifier of none beside a fate (killed, injured, arrested …) is a toll of zero: an
    English one alone ("No one", "nobody"), an indefinite one with a negation ("कोई … नहीं",
    "किसी की जान नहीं गई", "did not arrest anyone")."""
    tokens = tokenize(text)
    words = [fold_devanagari(t.text).casefold() for t in tokens]
    negations = [i for i, w in enumerate(words) if w in NEGATIONS]
    if not any(w in NONE_QUANTIFIERS for w in words) and not (
        negations and any(w in ANY_QUANTIFIERS for w in words)
    ):
        return None  # (most sentences: no quantifier of none, no fate read)
    acts = [{c for p in t.text.split("-") for c in gloss.actions(p)} for t in tokens]
    if not any(a & FATES for a in acts):
        return None
    at = next(i for i, w in enumerate(words) if w in NONE_QUANTIFIERS or w in ANY_QUANTIFIERS)
    # The negation must deny the fate itself, not a report of it: "प्रशासन ने अभी किसी की मौत
    # की आधिकारिक पुष्टि नहीं की है" (no death has been confirmed) counts no dead. Hindi
    # denies the action before its negation; English the one after it.
    negation = (
        at
        if words[at] in NONE_QUANTIFIERS or not negations
        else min(negations, key=lambda i: abs(i - at))
    )
    if is_devanagari(tokens[negation].text):
        denied = next((acts[i] for i in range(negation - 1, -1, -1) if acts[i]), set())
    else:
        denied = next((acts[i] for i in range(negation + 1, len(words)) if acts[i]), set())
    if not denied & FATES:
        return None
    end = tokens[at].end
    if words[at] == "no" and at + 1 < len(words) and words[at + 1] == "one":
        end = tokens[at + 1].end  # "no one"
    return NumberSpan(0.0, text[tokens[at].start : end], tokens[at].start, end)


# Parts of speech of words that are never a name: pronouns, postpositions, conjunctions.
_FUNCTION_POS = frozenset({"prn", "post", "cnjcoo", "cnjsub", "cnjadv", "det"})


def _without_common_words(
    entities: tuple[Entity, ...],
    words: Sequence[Word],
    text: str = "",
    gloss: Glossary | None = None,
) -> tuple[Entity, ...]:
    """Drop Hindi "names" made only of dictionary words that are not proper nouns (एकल पीठ,
    पीठ, बजे): Hindi has no capitals, and the morphology knows its common nouns, adjectives
    and verbs. Names are what it lacks or tags as proper (राजनाथ, पहलगाम, सिंह<np>). So too
    a one-word "town" that the gazetteer shares with a word that is no noun (जिससे, a
    pronoun; बसे, a verb), unless a word of place follows it (गया जिले)."""
    if not words:
        return entities
    by_text: dict[str, Word] = {}
    for w in words:
        for part in w.text.split():
            by_text.setdefault(part, w)

    def common(e: Entity) -> bool:
        if e.kind not in ("name", "place") or not is_devanagari(e.text):
            return False
        parts = [by_text.get(p) for p in e.text.split()]
        if e.kind == "name":
            return all(w is not None and w.known and not w.is_proper for w in parts)
        if " " in e.text or gloss is None:
            return False
        # (a pronoun names no place, whatever follows it: "जिससे नदी का जलस्तर")
        if not any(r.pos in _FUNCTION_POS for w in parts if w for r in w.readings) and any(
            place_word_follows(text, m.end(), gloss) for m in re.finditer(e.text, text)
        ):
            return False
        # (a noun may be a town too: कोटा, सागर; a verb or a pronoun is none)
        return all(
            w is not None and w.known and not any(r.pos in ("n", "np") for r in w.readings)
            for w in parts
        )

    return tuple(e for e in entities if not common(e))


def _with_unknown_names(
    entities: tuple[Entity, ...],
    text: str,
    words: Sequence[Word],
    gloss: Glossary,
    known: Mapping[str, Entity] | None = None,
) -> tuple[Entity, ...]:
    """Add the Hindi names the morphology points at: two or more adjacent words it does not
    know or tags as proper nouns (जेन मॉरिस, मारेक नोवाक, अंजलि बेनीवाल), none of them a
    glossary word. Hindi has no capitals; the dictionary's gaps are where names are."""
    runs: list[list[Word]] = []
    for w in words:
        name_like = (
            (not w.known or w.is_proper)
            and is_devanagari(w.text)
            and " " not in w.text
            and not any(c.isdigit() for c in w.text)
            and not gloss.concepts(w.text)
            and not w.has("post")
        )
        if not name_like:
            runs.append([])
            continue
        if runs and runs[-1] and text[runs[-1][-1].end : w.start].strip() == "":
            runs[-1].append(w)
        else:
            runs.append([w])
    taken = [e.text for e in entities]
    added: list[Entity] = []
    # A capitalised English word first in its sentence is a name when the dictionary lacks
    # it ("Shetty was named …", "Dhurwey won …"; not "Economists said …"): the capital
    # alone cannot tell there, the dictionary can.
    for w in words[:1]:
        if (
            w.text.isascii()
            and w.text[:1].isupper()
            and len(w.text) > 2
            and not w.known
            and not text[: w.start].strip(" “\"‘'(")
            and fold_devanagari(w.text).casefold() not in STOPWORDS
            and not gloss.concepts(w.text)
            and w.text.casefold() not in gloss.bilingual.hindi  # "Cargo operations …"
            and not any(w.text in t for t in taken)
        ):
            latin = latin_name([Token(w.text, w.start, w.end)], gloss)
            # The short form of a name the article gave in full ("Sahyadri's shares …").
            full = next(
                (
                    e
                    for e in (known or {}).values()
                    if e.latin != latin and latin in e.latin.split()[:1] + e.latin.split()[-1:]
                ),
                None,
            )
            added.append(full or Entity(w.text, latin, "name"))
    for k, w in enumerate(words):
        # One word the dictionary lacks that the gazetteer lists as a town, with a
        # postposition or a word of place after it ("देवास की फैक्टरी", "देवास में"): a place.
        if (
            is_devanagari(w.text)
            and " " not in w.text
            and (not w.known or w.is_proper)
            and k + 1 < len(words)
            and (words[k + 1].has("post") or place_word_follows(text, w.end, gloss))
            and not any(w.text in t for t in taken)
            and (latin := latin_name([Token(w.text, w.start, w.end)], gloss)) in gloss.towns
        ):
            added.append(Entity(w.text, latin, "place"))
            taken.append(w.text)
    for run in runs:
        if len(run) < 2:
            continue
        name = text[run[0].start : run[-1].end]
        if any(name in t or t in name for t in taken):
            continue
        tokens = [Token(w.text, w.start, w.end) for w in run]
        # "candidate": a name by the dictionary's gaps alone (it may be a loanword pair such
        # as लुकआउट सर्कुलर), listed and counted as an anchor, but not a party matching needs.
        added.append(Entity(name, latin_name(tokens, gloss), "candidate"))
    return (*entities, *added)


def _unknown_name(word: Word) -> bool:
    """A word the dictionary lacks that reads as a name: a capitalised English word not
    first in its clause, or a Devanagari word (names and loanwords: मॉरिस, पहलगाम)."""
    if word.known or len(word.text) < 2 or any(c.isdigit() for c in word.text):
        return False
    if word.text.isascii():
        return word.text[0].isupper() and word.start > 0
    return is_devanagari(word.text)


_KIND_COMPOUND = re.compile(r"-(?:\s|[A-Za-z]+s\b(?!-))")


_THE_TWO = re.compile(r"\b(?:the|both)\s+$", re.IGNORECASE)


def _names_a_kind(n: NumberSpan, text: str) -> bool:
    """ "two- and three-wheelers", "18-year-olds": a number fused by a hyphen into a plural
    noun (or left hanging before "and") names a kind of thing, it counts nothing. "A
    10-member team" still counts members (the compound is singular). "The two sides"
    refers to two parties already named: it counts nothing either."""
    if n.value == 2 and n.text.isalpha() and _THE_TWO.search(text[max(0, n.start - 6) : n.start]):
        return True  # "the two sides", "the two countries": a reference, not a count
    return bool(_KIND_COMPOUND.match(text, n.end))


def _is_article(n: NumberSpan, spans: Sequence[NumberSpan] = (), text: str = "") -> bool:
    """ "एक"/"one" alone is usually an article (एक बार, one of the), not a quantity — unless
    it stands against another number (दो में से एक, two off one ball) or counts a span of
    time (एक सप्ताह की हिरासत, one week: seven days)."""
    if n.value != 1 or n.ordinal or any(ch.isdigit() for ch in n.text) or " " in n.text:
        return False
    after = tokenize(text[n.end : n.end + 24])[:1]
    if after and default_glossary().concepts(after[0].text) & DAYS_IN.keys():
        return False
    if any(m.start > n.end and not text[n.end : m.start].strip() for m in spans):
        return True  # "एक सात वर्षीय बच्ची", "one 26-year-old": an article before a number
    return not any(m is not n and abs(m.start - n.start) <= 16 for m in spans)


_SLASHED = re.compile(r"\s*(?P<first>\d+)\s?/\s?(?P<second>\d+)(?![\d/])")
_ROUND_THE_CLOCK = re.compile(r"24\s?/\s?7")


def _slashed(n: NumberSpan, text: str) -> bool:
    """ "2/7 मलबे में …" (the second photo of a gallery's seven, opening its caption) or
    "24/7": a number joined by a slash to another that is no date (dates are read before)
    at the head of a sentence is an index; neither side counts the noun after it. A score
    inside a sentence ("Kashi 149/4 in 19.4 overs") still counts runs."""
    m = _SLASHED.match(text)
    if m is not None and m.start("first") <= n.start < m.end():
        return True
    return any(x.start() <= n.start < x.end() for x in _ROUND_THE_CLOCK.finditer(text))


def _elided_count(n: NumberSpan, text: str, after: int, gloss: Glossary) -> str | None:
    """What a number right before "and" counts when its noun is left to the next number's
    ("पक्ष में 47 और विरोध में 25 वोट पड़े", "between 40 and 50 workers"): that number's
    noun, if the words between them name no fate of their own ("killed 12 and injured 30"
    counts no injuries) and no clause ends between them."""
    rest = text[n.end + after :]
    nxt = next(iter(find_numbers(rest[:40])), None)
    if nxt is None or nxt.percent or nxt.currency is not None:
        return None
    between = rest[: nxt.start]
    if _CLAUSE_BREAK.search(between) or len(tokenize(between)) > 3:
        return None
    if any(set(gloss.actions(t.text)) & FATES for t in tokenize(between)):
        return None
    at = n.end + after
    return _number_fact(replace(nxt, start=nxt.start + at, end=nxt.end + at), text, gloss).counts


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
            if _CLAUSE_BREAK.search(text[n.end : n.end + tok.start]):
                break  # "rose from 26 to 28, officials said": 28 counts no officials
            word = fold_devanagari(tok.text).casefold()
            if word in COORDINATORS:
                # "killed 12 and injured 30": 12 counts no injuries; but "पक्ष में 47 और
                # विरोध में 25 वोट": a number right before "and" shares the next one's noun
                if not text[n.end : n.end + tok.start].strip():
                    counts = _elided_count(n, text, tok.end, gloss)
                break
            if word in _COUNT_FILLERS or word in STOPWORDS:
                continue
            if any(c.isdigit() for c in word) or parse_number(tok.text) is not None:
                if _PART_OF.match(text[n.end : n.end + tok.start]):
                    continue  # "16 of the 22 crew", "22 में से 16": a part counts the whole's
                break  # "12 passengers, 30 ships": the next number is not what 12 counts
            concepts_here = gloss.concepts(tok.text)
            # (a capital is a name's, but "89,950 MW" counts megawatts)
            unit = any(gloss.kind(c) == "thing" for c in concepts_here)
            if (tok.text[:1].isupper() and not unit) or any(
                gloss.kind(c) == "place" for c in concepts_here
            ):
                break  # "killed 26 in Pahalgam": a place is where, not what
            if "-" in tok.text.strip("-") and tok.text.isascii() and _noun_follows(text, n, tok):
                continue  # "1,150 battery-swapping stations": a compound modifier, not the noun
            if head := _compound_head(text, n, tok, gloss):
                counts = head  # "seven opposition MLAs", "three rescue workers": the head noun
                break
            concepts = sorted(
                gloss.concepts(tok.text), key=lambda c: (gloss.kind(c) == "action", c)
            )
            counts = concepts[0] if concepts else _lemma(word, gloss)
            break
    value = n.value
    if counts in _UNIT_IN:  # 89.95 GW is 89,950 MW
        counts, factor = _UNIT_IN[counts]
        value *= factor
    lo = max(0, n.start - 60)
    window = tokenize(text[lo : n.end + 60])
    near = tuple(sorted({c for t in window for p in t.text.split("-") for c in gloss.actions(p)}))
    return NumberFact(
        value=value,
        text=n.text,
        counts=counts,
        start=n.start,
        end=n.end,
        near=near,
        counts_keys=_counted_keys(n, text, gloss),
        ordinal=n.ordinal,
        # (an amount's fate is its recipients': "मृतकों के परिजनों को चार-चार लाख रुपये" is
        # told apart from the injured's by its holder, not here; seven years in jail are a
        # sentence's length, not seven convicts)
        fate=_fate(n, text, window, lo, gloss)
        if set(near) & FATES and not n.percent and n.currency is None and counts not in DAYS_IN
        else None,
    )


# Counted units read in a smaller one, so that values of one quantity compare.
_UNIT_IN = {"gigawatt": ("megawatt", 1e3)}


def _fate(
    n: NumberSpan, text: str, window: Sequence[Token], lo: int, gloss: Glossary
) -> str | None:
    """The fate (FATES) named nearest the number within its clause: "killed 12 and injured
    30" gives 12 kill and 30 injure; "12 लोगों की मौत" kill, "12 लोग घायल" injure."""
    best: tuple[int, str] | None = None
    for tok in window:
        start, end = lo + tok.start, lo + tok.end
        if n.start <= start < n.end:
            continue
        between = text[end : n.start] if end <= n.start else text[n.end : start]
        if end <= n.start and _PARTITIVE.match(between):
            pass  # "213 fell ill, of whom 87 are children": the part shares the whole's fate
        elif _CLAUSE_BREAK.search(between) or any(
            fold_devanagari(w.text).casefold() in _JOINERS for w in tokenize(between)
        ):
            continue  # another clause or conjunct: "9 killed and 19 others injured"
        fates = sorted(c for p in tok.text.split("-") for c in gloss.actions(p) if c in FATES)
        distance = n.start - end if end <= n.start else start - n.end
        if fates and (best is None or distance < best[0]):
            best = (distance, fates[0])
    return best[1] if best else None


def _lemma(word: str, gloss: Glossary) -> str:
    """An English counted word by its lemma where the lexicon knows it (memorandums ->
    memorandum), so that it meets the lemmas a Hindi count's translations give."""
    if word.isascii() and gloss.bilingual:
        lemmas = sorted(gloss.bilingual.base_keys(word) - {word}, key=len)
        if lemmas and word.startswith(lemmas[0][:3]):
            return lemmas[0]
    return to_latin(word)


def _compound_head(text: str, n: NumberSpan, tok: Token, gloss: Glossary) -> str | None:
    """What a number counts when the English word after it modifies a noun right after it
    ("seven opposition MLAs", "three rescue workers"): that noun, if it is a plural the
    glossary knows as a thing or a role, and ``tok`` itself is no plural (in "26 tourists
    killed" the count is the tourists)."""
    if not tok.text.isascii() or not tok.text.isalpha() or _plural(tok.text):
        return None
    rest = text[n.end + tok.end :]
    nxt = tokenize(rest)[:1]
    if not nxt or rest[: nxt[0].start].strip() or not _plural(nxt[0].text):
        return None
    heads = sorted(c for c in gloss.concepts(nxt[0].text) if gloss.kind(c) in ("thing", "role"))
    return heads[0] if heads else None


def _plural(word: str) -> bool:
    """An English plural by its ending ("MLAs", "workers"; not "bus", "crisis")."""
    return (
        word.isascii()
        and word.isalpha()
        and word.endswith("s")
        and not word.lower().endswith(("ss", "us", "is"))
    )


def _noun_follows(text: str, n: NumberSpan, tok: Token) -> bool:
    """Does another content word follow ``tok`` in the words a number counts?"""
    rest = text[n.end + tok.end :]
    nxt = tokenize(rest)[:1]
    return bool(
        nxt
        and not _CLAUSE_BREAK.search(rest[: nxt[0].start])
        and fold_devanagari(nxt[0].text).casefold() not in STOPWORDS
        and not any(c.isdigit() for c in nxt[0].text)
    )


# Words that join two clauses or conjuncts: a fate beyond one is another count's.
_JOINERS = COORDINATORS | CLAUSE_CONJUNCTIONS

# Punctuation that ends what a number can count: the next clause's noun is not it.
_CLAUSE_BREAK = re.compile(r"[,;:.।!?)\]—–]")
# A relative or pronoun of the part after a clause break ("…, of whom 87 are children",
# "…, जिनमें 87 बच्चे हैं", "इनमें से 12 …"), with no further break before the number.
_PARTITIVE = re.compile(
    r"^[^,;:.।!?]*[,;]\s*(?:of whom|of them|among them|जिनमें|इनमें|उनमें)(?:\s+से)?\s[^,;:.।!?]*$",
    re.IGNORECASE,
)

# The plural oblique of Hindi nouns (-ों, -ियों, -ओं): it marks the head of a compound.
_OBLIQUE_PLURAL = tuple(fold_devanagari(x) for x in ("ों", "ओं"))

# The adjective-forming -ईय of Sanskrit derivation: a count's "पांच सदस्यीय टीम" counts
# members, as "a five-member team" does (सदस्य + ईय).
_OF_NOUN = fold_devanagari("ीय")


def _counted_keys(n: NumberSpan, text: str, gloss: Glossary) -> tuple[str, ...]:
    """The counted words after a number (up to two content words: "crew members"), as keys
    in both languages (with a bilingual lexicon) and as glossary concepts, for comparing
    counts across scripts."""
    lex = gloss.bilingual
    if n.currency or n.percent:
        return ()
    keys: set[str] = set()
    taken = 0
    tokens = tokenize(text[n.end :])[:6]
    for i, tok in enumerate(tokens[:4]):
        if _CLAUSE_BREAK.search(text[n.end : n.end + tok.start]):
            break
        word = fold_devanagari(tok.text).casefold()
        if word in _COUNT_FILLERS or word in STOPWORDS:
            continue
        if any(c.isdigit() for c in word):
            break
        keys |= gloss.concepts(tok.text)
        if lex:
            keys |= lex.all_keys(tok.text)
            if word.endswith(_OF_NOUN) and len(word) > len(_OF_NOUN) + 1:
                keys |= lex.all_keys(word[: -len(_OF_NOUN)])  # पांच सदस्यीय: five-member
        taken += 1
        if not tok.text.isascii():
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                nxt is not None
                and lex
                and not word.endswith(_OBLIQUE_PLURAL)
                and fold_devanagari(nxt.text).endswith(_OBLIQUE_PLURAL)
                and fold_devanagari(nxt.text).casefold() not in STOPWORDS
                and _same_clause(text, n.end + tok.end, n.end + nxt.start)
            ):
                # "सात समझौता ज्ञापनों": a Hindi compound's head is its last noun, the one
                # that takes the plural (memorandums), the first only qualifies it.
                keys |= gloss.concepts(nxt.text) | lex.all_keys(nxt.text)
            # "19 लोगों की मौत": the head after a genitive is what the count tells of
            # (19 deaths), as much as the people it counts.
            rest = tokens[i + 1 : i + 3]
            if (
                len(rest) == 2
                and fold_devanagari(rest[0].text) in GENITIVE
                and _same_clause(text, n.end + tok.end, n.end + rest[1].start)
            ):
                keys |= gloss.actions(rest[1].text)
            break
        if taken == 2:
            break
    return tuple(sorted(keys))


def _same_clause(text: str, start: int, end: int) -> bool:
    """Does nothing between ``start`` and ``end`` end what a number counts?"""
    return not _CLAUSE_BREAK.search(text[start:end])


@lru_cache(maxsize=65_536)  # asked of every word of every sentence: read each word once
def _date_word(word: str) -> tuple[str | None, int | None]:
    """The weekday a word names (a glossary concept) and the month it names, or None."""
    weekday = next((c for c in default_glossary().concepts(word) if c in WEEKDAYS), None)
    return weekday, None if weekday else MONTHS.get(fold_devanagari(word).casefold())


def find_dates(
    text: str, numbers: Sequence[NumberSpan] | None = None
) -> list[tuple[DateFact, int, int]]:
    """Weekdays, day-month dates, years and clock times, each with its offsets (``numbers``:
    the text's numbers, when the caller has already read them)."""
    out: list[tuple[DateFact, int, int]] = []
    tokens = tokenize(text)
    for i, tok in enumerate(tokens):
        weekday, month = _date_word(tok.text)
        if weekday:
            out.append((DateFact(tok.text, weekday, "weekday"), tok.start, tok.end))
            continue
        if month is None:
            continue
        day = _int_token(tokens[i - 1].text) if i > 0 else None
        start = tokens[i - 1].start if day is not None else tok.start
        if day is None and i > 1 and tokens[i - 1].text.casefold() == "of":
            day = _int_token(tokens[i - 2].text)  # the 26th of June
            start = tokens[i - 2].start if day is not None else start
        after = _int_token(tokens[i + 1].text) if i + 1 < len(tokens) else None
        end = tokens[i + 1].end if after is not None else tok.end
        if day is None and after is not None and after <= 31:
            day = after
            # June 26th, 2025: the year after the day
            later = _int_token(tokens[i + 2].text) if i + 2 < len(tokens) else None
            if later is not None and later > 31 and len(tokens[i + 2].text) == 4:
                after, end = later, tokens[i + 2].end
        year = after if after is not None and after > 31 else None
        if day is None and year is None:
            continue  # June the name (डोंग जून), May the verb
        value = (f"{year:04d}-" if year else "") + f"{month:02d}" + (f"-{day:02d}" if day else "")
        out.append((DateFact(text[start:end], value, "date"), start, end))
    for m in _NUMERIC_DATE.finditer(text):
        if any(a <= m.start() < b for _, a, b in out):
            continue
        if m.group("y1"):  # 2025-06-26 (ISO)
            year, month, day = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        else:  # 26/06/2025, 26-06-2025, 26.06.2025: day first, as Indian news writes it
            year, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
            year += 2000 if year < 100 else 0
        if 1 <= month <= 12 and 1 <= day <= 31:
            value = f"{year:04d}-{month:02d}-{day:02d}"
            out.append((DateFact(m.group(), value, "date"), m.start(), m.end()))
    out.extend(_hindi_times(text, tokens))
    for m in _TIME.finditer(text):
        if m.group(3):
            hour = int(m.group(1)) % 12 + (12 if m.group(3).lower().startswith("p") else 0)
            minute = int(m.group(2) or 0)
        else:
            hour, minute = int(m.group(4)), int(m.group(5))
        covered = any(a <= m.start() < b for _, a, b in out)
        if hour < 24 and minute < 60 and not covered:
            out.append((DateFact(m.group(), f"{hour:02d}:{minute:02d}", "time"), *m.span()))
    for m in _NOON.finditer(text):  # (12) noon, midnight, आधी रात, मध्यरात्रि
        if not any(a <= m.start() < b or a < m.end() <= b for _, a, b in out):
            value = "12:00" if (m.group("word") or "").casefold() == "noon" else "00:00"
            out.append((DateFact(m.group(), value, "time"), *m.span()))
    for n in find_numbers(text) if numbers is None else numbers:
        if _is_year(n, text) and not any(a <= n.start < b for _, a, b in out):
            span = re.match(r"-\d\d(?!\d)", text[n.end :])  # 2025-26, a financial year
            end = n.end + span.end() if span else n.end
            value = f"{int(n.value):04d}" + (text[n.end : end] if span else "")
            out.append((DateFact(text[n.start : end], value, "year"), n.start, end))
    return sorted(out, key=lambda d: d[1])


_NUMERIC_DATE = re.compile(
    r"(?<![\d.:/-])(?:(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d)"
    r"|(?P<d2>\d{1,2})(?P<sep>[/.-])(?P<m2>\d{1,2})(?P=sep)(?P<y2>(?:19|20)?\d\d))(?![\d.:/-]\d)"
)
_NOON = re.compile(
    r"(?:\b12\s*)?\b(?P<word>noon|midnight)\b|(?P<hi>आधी\s+रात|मध्य\s?रात्रि)",
    re.IGNORECASE,
)
_HINDI_HOUR = {fold_devanagari(w) for w in ("बजे", "बजकर", "बजने")}
_HINDI_EVENING = {fold_devanagari(w) for w in ("शाम", "रात", "दोपहर")}
_HINDI_MORNING = {fold_devanagari(w) for w in ("सुबह", "तड़के", "भोर")}
_DOPAHAR = fold_devanagari("दोपहर")
_CLOCK_BEFORE = re.compile(r"(\d{1,2})[:.](\d{2})\s*$")


def _hindi_times(text: str, tokens: Sequence[Token]) -> list[tuple[DateFact, int, int]]:
    """सुबह 9 बजकर 18 मिनट -> 09:18; शाम पांच बजे -> 17:00."""
    out: list[tuple[DateFact, int, int]] = []
    if "बज" not in text:
        return out  # (every hour word is बज-: most sentences have none)
    for i, tok in enumerate(tokens):
        if i == 0 or fold_devanagari(tok.text) not in _HINDI_HOUR:
            continue
        clock = _CLOCK_BEFORE.search(text[: tok.start])
        if clock:  # 11:45 बजे
            at = next(k for k in range(i) if tokens[k].start >= clock.start())
            _add_hindi_time(out, text, tokens, at, i, int(clock.group(1)), int(clock.group(2)))
            continue
        # The hour may be words with a fraction: तीन, साढ़े चार (4:30), सवा दो, पौने तीन.
        first = i - 1
        while (
            first > 0
            and i - first < 3
            and parse_number(text[tokens[first - 1].start : tok.start].strip()) is not None
        ):
            first -= 1
        hour = parse_number(text[tokens[first].start : tokens[i - 1].end])
        if hour is None or not 0 <= hour <= 24 or (hour * 4) % 1:
            continue
        minute = round((hour % 1) * 60)
        if (
            i + 2 < len(tokens)
            and fold_devanagari(tokens[i + 2].text) == fold_devanagari("मिनट")
            and (m := parse_number(tokens[i + 1].text)) is not None
        ):
            minute = int(m)
        _add_hindi_time(out, text, tokens, first, i, int(hour), minute)
    return out


def _add_hindi_time(
    out: list[tuple[DateFact, int, int]],
    text: str,
    tokens: Sequence[Token],
    first: int,
    at: int,
    h: int,
    minute: int,
) -> None:
    """Add the time whose hour starts at token ``first`` and whose बजे/बजकर is token
    ``at``, read with the part of the day before it: शाम 4 = 16:00, रात 11 = 23:00 but
    रात 1 = 01:00, रात 12 = 00:00, दोपहर 3 = 15:00 but दोपहर 12 = 12:00."""
    start, end = tokens[first].start, tokens[at].end
    if at + 2 < len(tokens) and fold_devanagari(tokens[at + 2].text) == fold_devanagari("मिनट"):
        end = tokens[at + 2].end
        # "9 बजकर 17 मिनट 30 सेकंड": the seconds are part of the time, no count of seconds
        if (
            at + 4 < len(tokens)
            and fold_devanagari(tokens[at + 4].text) in _SECONDS
            and parse_number(tokens[at + 3].text) is not None
        ):
            end = tokens[at + 4].end
    before = first - 1
    # "दोपहर करीब सवा तीन बजे": a word of approximation may stand between the part of the
    # day and the hour.
    if before >= 1 and fold_devanagari(tokens[before].text) in _ABOUT:
        before -= 1
    part = fold_devanagari(tokens[before].text) if before >= 0 else ""
    if part in _HINDI_EVENING or part in _HINDI_MORNING:
        start = tokens[before].start
    if 0 < h < 12 and (
        part == fold_devanagari("शाम")
        or (part == fold_devanagari("रात") and h >= 6)
        or (part == _DOPAHAR and h < 11)
    ):
        h += 12
    if h == 12 and part == fold_devanagari("रात"):
        h = 0  # रात 12 बजे is midnight
    if h < 24 and minute < 60:
        out.append((DateFact(text[start:end], f"{h:02d}:{minute:02d}", "time"), start, end))


_ABOUT = frozenset(fold_devanagari(w) for w in ("करीब", "लगभग", "तकरीबन", "कोई"))
_SECONDS = frozenset(fold_devanagari(w) for w in ("सेकंड", "सेकेंड", "सेकण्ड"))


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
