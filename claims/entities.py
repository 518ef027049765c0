"""Named parties in Hindi and English sentences: people, places, organisations, equipment.

Hindi has no capital letters, so names are found by what surrounds them: a title before a
name (रक्षा मंत्री राजनाथ सिंह), the agent marker after one (… ने), an institution word
that closes one (केंद्रीय जल आयोग), an acronym in brackets after one, a place marker (… जिले),
and the shared gazetteer of countries, states and cities. English names are capitalised runs,
with initials, minus the titles in front of them. Each entity carries a Latin form for
matching English text: institution and place words read as their English names (शंघाई
सहयोग संगठन -> shanghai cooperation organisation), other words are transliterated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from claims.glossary import Glossary, default_glossary
from claims.lexicon import COMMON_WORDS, MONTHS, PRONOUNS, STOPWORDS, TITLES, WEEKDAYS
from claims.model import Entity
from claims.numbers import find_numbers, parse_number
from claims.text import Token, fold_devanagari, is_devanagari, tokenize
from claims.translit import LETTER_NAMES, _spelled_letters, to_latin

# Words that end the name of an institution (the head of the name).
_ORG_HEADS = frozenset(
    """commission force authority organisation ministry department centre park council
    committee party corporation university institute bank limited company army navy
    air_force court""".split()
)
# Words after which a Hindi place name stands (धेमाजी जिला, ब्रह्मपुत्र नदी).
_PLACE_MARKERS = frozenset(
    fold_devanagari(w)
    for w in """जिला जिले ज़िले जिलों नदी नदियों शहर शहरों गांव गाँव गांवों कस्बे प्रांत इलाके
    स्टेशन स्टेशनों सीट सीटों""".split()
)
_EN_TITLES = frozenset(
    """mr mrs ms dr prof shri smt sir minister ministers chief leader opposition finance
    defence defense home external affairs president vice prime secretary general admiral
    chairman chairperson governor deputy spokesperson union director justice captain
    commissioner officer inspector superintendent mp mla senator ambassador celsius
    fahrenheit""".split()
)
# Words after which "X में" names a place: के (a place inside a place), को (on a day, at X).
_BEFORE_PLACE = frozenset(fold_devanagari(w) for w in ("के", "को"))
_CURRENCY = frozenset("rs inr usd eur gbp jpy cny rmb".split())
# S-400, Su-30, PSLV-C61, EOS-10, A320, एस-400, एसयू-30: letters, then digits (not 5.43bn).
_LETTER = r"(?:[^\W\d_]|[\u0900-\u0963])"
_DESIGNATION = re.compile(rf"^{_LETTER}+(?:-{_LETTER}*)*-?\d", re.UNICODE)


def _amount(word: str) -> bool:
    """Is a word a sum with its currency code glued on (USD1.2m, INR500, Rs.40)? It looks
    like a designation (Su-30, S-400) but names no party."""
    return any(n.currency and n.start == 0 and n.end == len(word) for n in find_numbers(word))


def find_entities(
    text: str,
    glossary: Glossary | None = None,
    *,
    known: Mapping[str, Entity] | None = None,
) -> tuple[Entity, ...]:
    """Named parties of one sentence, each once, in their own script and in Latin letters.

    ``known`` maps the folded surface of names found earlier in the article to their
    entities: a name found once is found again wherever it recurs, and a surname alone
    (Rao) stands for the full name seen before (R. Venkatesh Rao).
    """
    gloss = glossary or default_glossary()
    tokens = [_without_possessive(t) for t in tokenize(text)]
    found: dict[str, Entity] = {}
    earlier = known or {}
    covered = _add_gazetteer_phrases(text, tokens, gloss, found)

    def add(words: Sequence[Token], kind: str) -> None:
        words = [w for w in words if w.text not in "()" and not _amount(w.text)]
        if not words:
            return
        surface = text[words[0].start : words[-1].end]
        latin = latin_name(words, gloss)
        if len(words) == 1 and kind == "name":
            full = _full_name(latin, earlier)
            if full is not None:
                latin, kind = full.latin, full.kind
        if latin and latin not in found and latin not in STOPWORDS:
            found[latin] = Entity(surface, latin, kind)

    # A name in single quotes ('एमवी सागर कंचन', ‘Meghvarna’, 'ऑपरेशन सिंदूर'): a ship, a
    # storm, an operation — a name even when its words are dictionary words.
    for m in _SINGLE_QUOTED.finditer(text):
        inside = [k for k, t in enumerate(tokens) if m.start(1) <= t.start and t.end <= m.end(1)]
        if 1 <= len(inside) <= 4 and not any(c.isdigit() for c in m.group(1)):
            add([tokens[k] for k in inside], "name")
            covered.update(inside)

    i = 0
    while i < len(tokens):
        if i in covered:
            i += 1
            continue
        tok = tokens[i]
        word = fold_devanagari(tok.text).casefold()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        bracket = _bracketed(text, tokens, i)
        if _DESIGNATION.match(tok.text):
            group = [tok]
            # एसयू-30 एमकेआई, Su-30 MKI: a spelled or capitalised suffix belongs to the name.
            if nxt and (_spelled(nxt.text) or (nxt.text.isupper() and nxt.text.isascii())):
                if latin_name([nxt], gloss) != latin_name([tok], gloss):
                    group.append(nxt)
                i += 1
            add(group, "equipment")
        elif bracket:
            # भारतीय अंतरिक्ष अनुसंधान संगठन (इसरो): the name before an acronym in brackets.
            add([tok], "acronym")
            name = _words_before(tokens, i, gloss, 5, text=text)
            if name:
                add(name, "org")
        elif tok.text.isascii() and tok.text[:1].isupper():
            i = _english_name(text, tokens, i, gloss, add, earlier)
        elif _spelled(tok.text):
            add([tok], "acronym")
        elif is_devanagari(tok.text) and _role(tok.text, gloss):
            group = _words_after(tokens, i + 1, gloss)
            add(group, "name")
            i += len(group)
        elif word == fold_devanagari("ने") and i > 0 and not _bracketed(text, tokens, i - 1):
            # (a title alone — "… जिलाधिकारी ने कहा" — is a role, no name)
            speaker = _words_before(tokens, i, gloss, 3, allow_org=False, text=text)
            while speaker and _role(speaker[0].text, gloss):
                speaker = speaker[1:]
            add(speaker, "name")
        elif (
            _kind_of(tok.text, gloss) == "org"
            and _is_head(tok.text, gloss)
            and _is_name_word(tok, gloss, allow_org=True)
        ):
            name = _words_before(tokens, i, gloss, 4, allow_org=True, text=text)
            if name:
                add([*name, tok], "org")
        elif _kind_of(tok.text, gloss) == "place" and not (
            tok.text.isascii() and tok.text.islower()
        ):
            add([tok], "place")
        elif (
            (
                word in _PLACE_MARKERS
                or (is_devanagari(tok.text) and gloss.concepts(tok.text) & _PLACE_CONCEPTS)
            )
            and i > 0
            and _is_name_word(tokens[i - 1], gloss)
        ):
            add([tokens[i - 1]], "place")
            # संडीला और बालामऊ स्टेशनों: both names before a plural marker
            if (
                i > 2
                and fold_devanagari(tokens[i - 2].text)
                in (
                    fold_devanagari("और"),
                    fold_devanagari("व"),
                )
                and _is_name_word(tokens[i - 3], gloss)
            ):
                add([tokens[i - 3]], "place")
        elif (
            (
                word in _BEFORE_PLACE
                or any(gloss.kind(c) == "time" for c in gloss.concepts(tok.text))
            )
            and i + 2 < len(tokens)
            and fold_devanagari(tokens[i + 2].text) == fold_devanagari("में")
            and _is_name_word(tokens[i + 1], gloss)
            and not _translated(tokens[i + 1].text, gloss)
        ):
            # जम्मू-कश्मीर के पहलगाम में, गुरुवार को किंगदाओ में: a name where something happened
            add([tokens[i + 1]], "place")
            i += 1
        elif "-" in tok.text and is_devanagari(tok.text):
            for part in _parts(tok):  # भारत-रूस: two countries in one word
                if _kind_of(part.text, gloss) == "place":
                    add([part], "place")
        i += 1
    _add_before_ke(text, tokens, found, gloss, add, covered)
    _add_known(tokens, text, earlier, found)
    return tuple(found.values())


def _without_possessive(tok: Token) -> Token:
    for suffix in ("’s", "'s", "’", "'"):
        if tok.text.endswith(suffix) and len(tok.text) > len(suffix) + 1:
            return Token(tok.text[: -len(suffix)], tok.start, tok.end - len(suffix))
    return tok


@lru_cache(maxsize=8)
def _phrase_starts(gloss: Glossary) -> frozenset[str]:
    """First words of the glossary's forms of several words (उत्तर of उत्तर प्रदेश)."""
    return frozenset(form.split()[0] for form in gloss.forms if " " in form)


def _add_gazetteer_phrases(
    text: str, tokens: Sequence[Token], gloss: Glossary, found: dict[str, Entity]
) -> set[int]:
    """Places and institutions the gazetteer knows, one word or several (भाजपा, उत्तर
    प्रदेश, भारतीय जनता पार्टी); returns the tokens they cover, which no other rule reads."""
    covered: set[int] = set()
    starts = _phrase_starts(gloss)
    folded = [fold_devanagari(t.text).casefold() for t in tokens]
    for n in (4, 3, 2, 1):
        for k in range(len(tokens) - n + 1):
            if n > 1 and folded[k] not in starts:
                continue  # no gazetteer name of several words begins with this word
            if covered & set(range(k, k + n)):
                continue
            surface = text[tokens[k].start : tokens[k + n - 1].end]
            kinds = ("place", "institution") if n > 1 else ("institution",)
            if n > 1:
                concepts = gloss.forms.get(fold_devanagari(surface).casefold(), frozenset())
            else:
                concepts = gloss.concepts(surface)
            hits = [c for c in concepts if gloss.kind(c) in kinds]
            if hits and (n > 1 or tokens[k].text.isupper() or is_devanagari(surface)):
                # A name written out reads as the full name; one word (भाजपा, SCO, इसरो) as
                # the name the gazetteer lists first, usually the acronym.
                latin = (
                    hits[0].replace("_", " ")
                    if n > 1
                    else gloss.english.get(hits[0], hits[0].replace("_", " "))
                )
                found.setdefault(latin, Entity(surface, latin, gloss.kind(hits[0])))
                covered.update(range(k, k + n))
    return covered


def _parts(tok: Token) -> list[Token]:
    out: list[Token] = []
    offset = tok.start
    for piece in tok.text.split("-"):
        out.append(Token(piece, offset, offset + len(piece)))
        offset += len(piece) + 1
    return out


def _translated(word: str, gloss: Glossary) -> bool:
    """Does the bilingual lexicon translate the word (इंजन: engine)? A word the dictionary
    has is a common noun — mostly an English loanword the morphology lacks — not a place:
    "ट्रेन के इंजन में" is in the engine, not in a town called Injan."""
    return bool(gloss.bilingual and gloss.bilingual.keys_for(word))


def _add_before_ke(
    text: str,
    tokens: Sequence[Token],
    found: dict[str, Entity],
    gloss: Glossary,
    add: object,
    covered: set[int],
) -> None:
    """श्रीहरिकोटा के सतीश धवन अंतरिक्ष केंद्र: a name before के whose next word starts a name
    already found is a name too (the place or owner of the next one)."""
    assert callable(add)
    starts = {e.text.split()[0] for e in found.values() if e.text}
    ke = fold_devanagari("के")
    for k in range(1, len(tokens) - 1):
        if (
            fold_devanagari(tokens[k].text) == ke
            and k - 1 not in covered
            and tokens[k + 1].text in starts
            and _is_name_word(tokens[k - 1], gloss)
        ):
            add([tokens[k - 1]], "place")


def _add_known(
    tokens: Sequence[Token], text: str, earlier: Mapping[str, Entity], found: dict[str, Entity]
) -> None:
    if not earlier:
        return
    for n in (3, 2, 1):
        for k in range(len(tokens) - n + 1):
            surface = fold_devanagari(text[tokens[k].start : tokens[k + n - 1].end])
            entity = earlier.get(surface)
            if entity is not None and entity.latin not in found:
                found[entity.latin] = Entity(
                    text[tokens[k].start : tokens[k + n - 1].end], entity.latin, entity.kind
                )


def _full_name(latin: str, earlier: Mapping[str, Entity]) -> Entity | None:
    for entity in earlier.values():
        words = entity.latin.split()
        if entity.kind == "name" and len(words) > 1 and words[-1] == latin:
            return entity
    return None


_SINGLE_QUOTED = re.compile(r"(?<![\w])[‘']([^‘’'\n]{2,40})[’'](?![\w])")


def latin_name(words: Sequence[Token], gloss: Glossary) -> str:
    """Latin form of a name: institution and place words by their English names."""
    out: list[str] = []
    for w in words:
        kinds = {c: gloss.kind(c) for c in gloss.concepts(w.text)}
        named = next((c for c, k in kinds.items() if k in ("org", "place")), None)
        if named and (is_devanagari(w.text) or (len(words) == 1 and kinds[named] == "place")):
            out.append(named.replace("_", " "))
        else:
            out.append(to_latin(fold_devanagari(w.text)).casefold())
    return " ".join(p for p in out if p)


def _kind_of(word: str, gloss: Glossary) -> str | None:
    kinds = {gloss.kind(c) for c in gloss.concepts(word)}
    for k in ("place", "org"):
        if k in kinds:
            return k
    return None


def _town(word: str, gloss: Glossary) -> bool:
    """A capitalised word the gazetteer knows as a town (Kozhikode, Dewas), not a word of
    the glossary or a stop word ("Mandi" the town, not "mandi" the market)."""
    return (
        bool(gloss.towns)
        and word[:1].isupper()
        and word.isascii()
        and word.casefold() in gloss.towns
        and word.casefold() not in STOPWORDS
    )


def _is_head(word: str, gloss: Glossary) -> bool:
    return any(c in _ORG_HEADS for c in gloss.concepts(word))


def _spelled(word: str) -> bool:
    return is_devanagari(word) and _spelled_letters(fold_devanagari(word)) is not None


def _bracketed(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Is token i alone inside brackets, an acronym after a name: (इसरो), (SCO)?"""
    tok = tokens[i]
    return (
        text[tok.start - 1 : tok.start] == "("
        and text[tok.end : tok.end + 1] == ")"
        and i > 0
        and len(tok.text) <= 12
        and any(c.isalpha() for c in tok.text)  # "(52)": an age, no acronym
    )


def _is_name_word(tok: Token, gloss: Glossary, *, allow_org: bool = False) -> bool:
    word = fold_devanagari(tok.text).casefold()
    if not is_devanagari(tok.text) or word.endswith(("ों", "ओं")):
        return False  # plural oblique: नेताओं, लोगों — never a name
    if any(c.isdigit() for c in word) or parse_number(word) is not None:
        return False  # पच्चीस, १३
    if word in STOPWORDS or word in TITLES or word in PRONOUNS or word in LETTER_NAMES:
        return False
    if word in COMMON_WORDS:
        return False
    concepts = gloss.concepts(tok.text)
    if not concepts:
        return True
    return allow_org and bool({gloss.kind(c) for c in concepts} & {"org", "place"})


def _words_after(tokens: Sequence[Token], j: int, gloss: Glossary) -> list[Token]:
    group: list[Token] = []
    while j < len(tokens) and len(group) < 3 and _is_name_word(tokens[j], gloss):
        group.append(tokens[j])
        j += 1
    return group


# The glossary's roles that one person holds (not the police, a government, an army).
PERSON_ROLES = frozenset(
    """minister prime_minister president chief_minister chairman admiral general spokesperson
    governor mp mla judge ambassador secretary director collector superintendent official
    leader scientist doctor""".split()
)


def _role(word: str, gloss: Glossary) -> bool:
    """Is the word a title or a person's role (मंत्री, जिलाधिकारी, Collector), no part of a
    name?"""
    return fold_devanagari(word).casefold() in TITLES or bool(gloss.concepts(word) & PERSON_ROLES)


# Marks that may wrap a word of a name ("‘भारती’ अनुसंधान केंद्र"), unlike a comma.
_QUOTE_MARKS = " \t\n‘’“”'\""


def _words_before(
    tokens: Sequence[Token],
    j: int,
    gloss: Glossary,
    limit: int,
    *,
    allow_org: bool = True,
    text: str = "",
) -> list[Token]:
    """The name words right before token j: no further back than a mark between two words
    ("… भरोसा रखें,” सिंघल ने कहा": the speaker is सिंघल, not the quote's end)."""
    group: list[Token] = []
    k = j - 1
    while k >= 0 and len(group) < limit and _is_name_word(tokens[k], gloss, allow_org=allow_org):
        if group and text[tokens[k].end : group[0].start].strip(_QUOTE_MARKS):
            break
        group.insert(0, tokens[k])
        k -= 1
    return group


def _english_name(
    text: str,
    tokens: Sequence[Token],
    i: int,
    gloss: Glossary,
    add: object,
    earlier: Mapping[str, Entity],
) -> int:
    """Read a capitalised run from token i; add its names; return the last token used."""
    assert callable(add)
    group = [tokens[i]]
    j = i
    while j + 1 < len(tokens) and _continues(text, tokens, j + 1):
        j += 1
        group.append(tokens[j])
    # Titles and roles in front of a name are not the name: Finance Minister R. Venkatesh Rao.
    runs: list[list[Token]] = [[]]
    for tok in group:
        low = tok.text.casefold().rstrip(".")
        if low in _EN_TITLES or low in WEEKDAYS or low in _CURRENCY or _is_date_month(text, tok):
            runs.append([])
        elif "-" in tok.text and tok.text.rsplit("-", 1)[1].islower():
            runs.append([])  # "Mumbai-based Sahyadri Foods": an adjective before the name
        else:
            runs[-1].append(tok)
    for run in runs:
        while run and run[-1].text.casefold() in ("of", "and", "the"):
            run.pop()
        while run and run[0].text.casefold() in ("of", "and", "the"):
            run.pop(0)
        if not run or (len(run) == 1 and len(run[0].text) == 1):
            continue
        first = run[0]
        single = len(run) == 1
        word = first.text.casefold()
        if single and word in STOPWORDS:
            continue
        if (
            single
            and _sentence_initial(text, first)
            and not _known_name(first.text, gloss)
            and first.text not in earlier
            and _full_name(word, earlier) is None
        ):
            continue  # "Economists said…": capitalised because it starts the sentence
        if (
            single
            and text[: first.start].rstrip().casefold().endswith(" the")
            and not _kind_of(first.text, gloss)
            and not first.text.isupper()
        ):
            continue  # "the Assembly", "the House": an institution named by a common noun
        kind = "acronym" if single and first.text.isupper() and len(first.text) > 1 else "name"
        if single and _kind_of(first.text, gloss) == "place":
            kind = "place"
        elif (
            single
            and kind == "name"
            and _town(first.text, gloss)
            and _full_name(word, earlier) is None
        ):
            kind = "place"  # a town the gazetteer knows, not the surname of someone named
        if kind == "name" and _place_follows(text, run[-1], gloss):
            kind = "place"  # "Pithoragarh district", "Kotma town": a place, not a person
        elif kind == "name" and _located(text, run, earlier):
            kind = "place"  # "his house in Jubilee Hills": where, not who
        add(run, kind)
    return j


# What follows a place's name and says what kind of place it is: the glossary's place
# nouns (district, village, river, port …) and two the glossary has no concept for.
_PLACE_CONCEPTS = frozenset({"district", "block", "village", "river", "port"})
_EN_PLACE_NOUNS = frozenset({"city", "town", "tehsil", "taluka", "block", "valley", "coast"})


def place_word_follows(text: str, end: int, gloss: Glossary) -> bool:
    """Does a word of place (जिले, गांव, नदी, district, village …) that names the kind of
    the word before it follow offset ``end``? (A plural — "बसे गांवों" — names no kind.)"""
    nxt = tokenize(text[end : end + 30])[:1]
    return (
        bool(nxt)
        and not nxt[0].text.endswith("ों")
        and bool(gloss.concepts(nxt[0].text) & _PLACE_CONCEPTS)
    )


# Prepositions of place: a name right after one is where something is or happened.
_LOCATIVE = re.compile(r"(?:^|\s)(?:in|at|near|outside)\s+$")


def _located(text: str, run: Sequence[Token], earlier: Mapping[str, Entity]) -> bool:
    """Is a capitalised run a place by its preposition ("picked up from his house in Jubilee
    Hills", "near Pipalkoti")? Not a name already met as someone's, nor one owning
    something ("in Rao's absence")."""
    if not _LOCATIVE.search(text[max(0, run[0].start - 12) : run[0].start]):
        return False
    if text[run[-1].end : run[-1].end + 2] in ("'s", "’s"):
        return False
    surface = text[run[0].start : run[-1].end]
    return surface not in earlier and all(
        _full_name(t.text.casefold(), earlier) is None for t in run
    )


def _place_follows(text: str, last: Token, gloss: Glossary) -> bool:
    nxt = tokenize(text[last.end : last.end + 30])[:1]
    if not nxt or text[last.end : last.end + nxt[0].start].strip():
        return False
    word = nxt[0].text
    return word.islower() and (
        word.rstrip("s") in _EN_PLACE_NOUNS or bool(gloss.concepts(word) & _PLACE_CONCEPTS)
    )


# The abbreviated legal forms inside a firm's name, each written with a point.
_FIRM_FORMS = frozenset({"pvt", "co", "corp", "inc", "bros", "mfg"})


def _continues(text: str, tokens: Sequence[Token], j: int) -> bool:
    tok, prev = tokens[j], tokens[j - 1]
    gap = text[prev.end : tok.start]
    if gap in ("' ", "’ "):
        gap = " "  # Meghdoot Pilots' Association: a plural possessive inside a name
    if gap not in (" ", "-", "") and not (
        gap in (". ", ".") and (len(prev.text) == 1 or prev.text.casefold() in _FIRM_FORMS)
    ):
        return False  # R. Venkatesh, Deccan Solvents Pvt. Ltd.: such a point breaks no name
    if tok.text == "of" and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper():
        return True  # Gulf of Kutch, Ministry of Defence (but Churu and Barmer are two)
    return tok.text.isascii() and tok.text[:1].isupper()


def _sentence_initial(text: str, tok: Token) -> bool:
    before = text[: tok.start].rstrip()
    return not before or before[-1] in '.!?।“"‘(\n:—'


def _is_date_month(text: str, tok: Token) -> bool:
    """June in "27 June" or "June 2025" is a date; Jun in "Dong Jun" is a name."""
    if tok.text.casefold() not in MONTHS:
        return False
    around = text[max(0, tok.start - 4) : tok.start] + " " + text[tok.end : tok.end + 5]
    return re.search(r"\d", around) is not None or bool(_MONTH_AFTER.search(text[: tok.start]))


# "since July", "in early June", "by the end of March": a month after a word of time.
_MONTH_AFTER = re.compile(
    r"\b(?:in|since|from|until|till|by|during|through|before|after|last|next|this|early|"
    r"mid|late|end of|start of|beginning of|middle of)\s+$",
    re.IGNORECASE,
)


def _known_name(word: str, gloss: Glossary) -> bool:
    """A sentence-initial word is a name when the gazetteer knows it or it is an acronym."""
    return bool(_kind_of(word, gloss)) or (word.isupper() and len(word) > 1)
