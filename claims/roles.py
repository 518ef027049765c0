"""Who did what to whom: the actor, action, object and recipient of an event claim, and the
speaker and words of a quote, read from Hindi case markers (ने, को, से) or English order."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from claims.glossary import Glossary
from claims.lexicon import KO, MONTHS, NE, PRONOUNS, SE, STOPWORDS, WEEKDAYS
from claims.model import Entity
from claims.text import Token, fold_devanagari, is_devanagari, tokenize

_LEKAR = fold_devanagari("लेकर")  # को लेकर: "about", not a recipient
_HINDI_DATIVE_PRONOUNS = {fold_devanagari(w) for w in ("उन्हें", "उसे", "इन्हें", "इसे")}
# Light verbs and markers skipped when reading the object leftwards from the action.
_HINDI_LIGHT = {fold_devanagari(w) for w in ("करने", "से", "भी", "कर", "की", "के", "को")}
_EN_PREPOSITIONS = frozenset(
    "to with from at on in for by over after before during as of about against into".split()
)
_EN_DETERMINERS = frozenset("a an the his her their its our this that these those".split())
_QUOTED = re.compile(r"[“\"‘]([^”\"’]{3,})[”\"’]")
_MEETING = frozenset({"meet", "discuss"})


def find_parts(
    text: str,
    entities: Sequence[Entity],
    predicates: Sequence[str],
    glossary: Glossary,
    *,
    previous: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The roles of one claim, as words of the claim (or the name a pronoun stands for).

    ``previous`` holds the roles of the sentence before: a subject pronoun (उन्होंने, he)
    stands for its actor, an object pronoun (उन्हें, him) for its recipient.
    """
    tokens = tokenize(text)
    parts: dict[str, str] = {}
    context = next((e for e in entities if e.kind == "context"), None)
    prev = previous or {}
    quote = _QUOTED.search(text)
    if quote:
        parts["quote"] = quote.group(1).strip()
    outside = [t for t in tokens if not (quote and quote.start() <= t.start < quote.end())]
    action_at = _action_index(outside, glossary, hindi=is_devanagari(text))
    if action_at is not None:
        word = outside[action_at].text
        concepts = sorted(c for p in word.split("-") for c in glossary.actions(p))
        parts["action"] = concepts[0] if concepts else word
    if is_devanagari(text):
        digits = [any(c.isdigit() for c in t.text) for t in outside]
        when = {
            t.start
            for k, t in enumerate(outside)
            if digits[k]
            or glossary.concepts(t.text) & WEEKDAYS
            # a month's name beside a day's number (14 फरवरी), not जून in डोंग जून
            or (_is_month(t.text) and any(digits[max(0, k - 1) : k + 2]))
        }
        _hindi_roles(text, outside, action_at, entities, context, parts, predicates, when)
    else:
        _english_roles(text, outside, action_at, entities, context, parts, predicates)
    for role in ("actor", "recipient"):
        if role in parts:
            parts[role] = _as_entity(parts[role], entities)
    _resolve_pronouns(parts, prev, context)
    if quote and "actor" in parts:
        parts["speaker"] = parts["actor"]
    return parts


def _is_month(word: str) -> bool:
    return fold_devanagari(word).casefold() in MONTHS


def _resolve_pronouns(
    parts: dict[str, str], prev: Mapping[str, str], context: Entity | None
) -> None:
    """उन्होंने/he stands for the previous sentence's actor; उन्हें/him for its recipient
    (or object); without a previous sentence, for the last name seen."""
    for role, source in (("actor", ("actor",)), ("recipient", ("recipient", "object"))):
        value = parts.get(role)
        if value is None or not _is_pronoun(value):
            continue
        earlier = next((prev[k] for k in source if prev.get(k)), None)
        if earlier:
            parts[role] = earlier
        elif context is not None:
            parts[role] = context.text


def _is_pronoun(value: str) -> bool:
    folded = fold_devanagari(value).casefold()
    return folded in PRONOUNS or folded in _HINDI_DATIVE_PRONOUNS


def _as_entity(words: str, entities: Sequence[Entity]) -> str:
    """The name inside a role's words (मंत्री राजनाथ सिंह -> राजनाथ सिंह), if there is one."""
    inside = [e.text for e in entities if e.text and e.text in words and e.kind != "context"]
    return max(inside, key=len) if inside else words


def _action_index(tokens: Sequence[Token], glossary: Glossary, *, hindi: bool) -> int | None:
    """Hindi puts the verb last (the last action word); English after the subject (the first
    action word that is not a noun of the subject)."""
    hits = [i for i, t in enumerate(tokens) if any(glossary.actions(p) for p in t.text.split("-"))]
    if not hits:
        return None
    return hits[-1] if hindi else hits[0]


def _span(text: str, words: Sequence[Token]) -> str:
    return text[words[0].start : words[-1].end] if words else ""


def _hindi_roles(
    text: str,
    tokens: Sequence[Token],
    action_at: int | None,
    entities: Sequence[Entity],
    context: Entity | None,
    parts: dict[str, str],
    predicates: Sequence[str],
    when: frozenset[int] | set[int] = frozenset(),
) -> None:
    """``when``: the starts of the tokens that tell a date (14 फरवरी), which no role is."""
    folded = [fold_devanagari(t.text).casefold() for t in tokens]
    if NE in folded:
        k = folded.index(NE)
        actor = _content_before(tokens, folded, k, 3)
        if len(actor) == 1:
            parts["actor"] = actor[0].text
        elif actor:
            parts["actor"] = _span(text, actor)
    elif any(w in PRONOUNS for w in folded):
        parts["actor"] = next(t.text for t, w in zip(tokens, folded, strict=True) if w in PRONOUNS)
    if action_at is None:
        return
    # The object: content words just before the verb (मधुबनी पेंटिंग भेंट की).
    j = action_at - 1
    while j >= 0 and folded[j] in _HINDI_LIGHT:
        j -= 1
    obj: list[Token] = []
    while j >= 0 and len(obj) < 3 and folded[j] not in STOPWORDS and folded[j] != NE:
        if folded[j] in _HINDI_DATIVE_PRONOUNS or folded[j] in PRONOUNS:
            break
        obj.insert(0, tokens[j])
        j -= 1
    if obj and not all(t.start in when for t in obj):
        parts["object"] = _span(text, obj)
    # The recipient: X को, उन्हें; whom one met: X से.
    for k, w in enumerate(folded[:action_at]):
        if w in _HINDI_DATIVE_PRONOUNS:
            parts["recipient"] = tokens[k].text
        elif (w == KO and folded[k + 1 : k + 2] != [_LEKAR]) or (
            w == SE and _MEETING & set(predicates)
        ):
            who = _content_before(tokens, folded, k, 3)
            if who and not any(t.start in when for t in who):
                parts["recipient"] = _span(text, who)  # (14 फरवरी को: when, not whom)


def _content_before(
    tokens: Sequence[Token], folded: Sequence[str], k: int, limit: int
) -> list[Token]:
    out: list[Token] = []
    j = k - 1
    while j >= 0 and len(out) < limit:
        if folded[j] in PRONOUNS:
            return out or [tokens[j]]
        if folded[j] in STOPWORDS or folded[j] in _HINDI_LIGHT:
            break
        out.insert(0, tokens[j])
        j -= 1
    return out


def _english_roles(
    text: str,
    tokens: Sequence[Token],
    action_at: int | None,
    entities: Sequence[Entity],
    context: Entity | None,
    parts: dict[str, str],
    predicates: Sequence[str],
) -> None:
    named = [e for e in entities if e.kind in ("name", "org", "acronym", "place")]
    cut = tokens[action_at].start if action_at is not None else len(text)
    # The subject nearest the verb: "Telangana Finance Minister R. Venkatesh Rao presented".
    before = [e for e in named if 0 <= text.find(e.text) < cut]
    people = [e for e in before if e.kind == "name"] or before
    if people:
        parts["actor"] = max(people, key=lambda e: text.find(e.text)).text
    else:
        pronoun = next((t.text for t in tokens[:action_at] if t.text.casefold() in PRONOUNS), None)
        if pronoun:
            parts["actor"] = pronoun
    if action_at is None:
        return
    after = list(tokens[action_at + 1 :])
    # The passive names its agent after "by": "Saxena had been arrested by the Economic
    # Offences Wing" — the wing arrested, Saxena was arrested.
    by = next((k for k, t in enumerate(after[:2]) if t.text.casefold() == "by"), None)
    if by is not None and by + 1 < len(after):
        agents = [
            e
            for e in entities
            if e.kind in ("name", "org", "acronym", "institution")
            and text.find(e.text, after[by].end) >= 0
        ]
        if agents:
            agent = min(agents, key=lambda e: text.find(e.text, after[by].end))
            if text.find(agent.text, after[by].end) - after[by].end <= 6:  # "by the …"
                if "actor" in parts:
                    parts["object"] = parts["actor"]
                parts["actor"] = agent.text
                return
    obj: list[Token] = []
    for i, tok in enumerate(after):
        low = tok.text.casefold()
        gap = text[after[i - 1].end : tok.start] if i else " "
        infinitive = i == 0 and low == "to"  # refused to sign the statement
        if (low in _EN_PREPOSITIONS and not infinitive) or gap.strip() or len(obj) == 5:
            break  # a preposition or a comma ends the object
        if low in _EN_DETERMINERS and not obj:
            continue
        obj.append(tok)
    if len(obj) > 1 and obj[0].text.casefold() in ("him", "her", "them", "us", "me"):
        parts["recipient"] = obj[0].text  # gifted him a painting: him is the recipient
        obj = obj[1:]
    if obj:
        parts["object"] = _span(text, obj)
        if _MEETING & set(predicates):
            parts.setdefault("recipient", parts["object"])
    for k, tok in enumerate(after):
        if tok.text.casefold() in ("to", "with") and k + 1 < len(after):
            rest = after[k + 1 :]
            names = [e for e in named if text.find(e.text) >= rest[0].start]
            if names:
                parts["recipient"] = names[0].text
                break
            if rest[0].text.casefold() in PRONOUNS:
                parts["recipient"] = rest[0].text
                break
