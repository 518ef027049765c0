"""Numbers as values: digits (Latin and Devanagari), Hindi and English number words, scales.

"26", "२६", "छब्बीस" and "twenty-six" are all 26; "तीन लाख" is 300000; "3.2 lakh crore"
is 3.2e12; "$5.43bn" is 5.43e9; "साढ़े सात सौ" is 750. No library reads both Hindi number
words and lakh/crore reliably (DESIGN.md), so the tables are here and tested exhaustively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.text import fold_devanagari, tokenize

_HINDI_1_100 = [
    "एक",
    "दो",
    "तीन",
    "चार",
    "पांच",
    "छह",
    "सात",
    "आठ",
    "नौ",
    "दस",
    "ग्यारह",
    "बारह",
    "तेरह",
    "चौदह",
    "पंद्रह",
    "सोलह",
    "सत्रह",
    "अठारह",
    "उन्नीस",
    "बीस",
    "इक्कीस",
    "बाईस",
    "तेईस",
    "चौबीस",
    "पच्चीस",
    "छब्बीस",
    "सत्ताईस",
    "अट्ठाईस",
    "उनतीस",
    "तीस",
    "इकतीस",
    "बत्तीस",
    "तैंतीस",
    "चौंतीस",
    "पैंतीस",
    "छत्तीस",
    "सैंतीस",
    "अड़तीस",
    "उनतालीस",
    "चालीस",
    "इकतालीस",
    "बयालीस",
    "तैंतालीस",
    "चवालीस",
    "पैंतालीस",
    "छियालीस",
    "सैंतालीस",
    "अड़तालीस",
    "उनचास",
    "पचास",
    "इक्यावन",
    "बावन",
    "तिरपन",
    "चौवन",
    "पचपन",
    "छप्पन",
    "सत्तावन",
    "अट्ठावन",
    "उनसठ",
    "साठ",
    "इकसठ",
    "बासठ",
    "तिरसठ",
    "चौंसठ",
    "पैंसठ",
    "छियासठ",
    "सड़सठ",
    "अड़सठ",
    "उनहत्तर",
    "सत्तर",
    "इकहत्तर",
    "बहत्तर",
    "तिहत्तर",
    "चौहत्तर",
    "पचहत्तर",
    "छिहत्तर",
    "सतहत्तर",
    "अठहत्तर",
    "उन्यासी",
    "अस्सी",
    "इक्यासी",
    "बयासी",
    "तिरासी",
    "चौरासी",
    "पचासी",
    "छियासी",
    "सत्तासी",
    "अट्ठासी",
    "नवासी",
    "नब्बे",
    "इक्यानवे",
    "बानवे",
    "तिरानवे",
    "चौरानवे",
    "पचानवे",
    "छियानवे",
    "सत्तानवे",
    "अट्ठानवे",
    "निन्यानवे",
]
assert len(_HINDI_1_100) == 99

# Common alternative spellings seen in Hindi news.
_HINDI_VARIANTS = {
    "शून्य": 0,
    "पाँच": 5,
    "छः": 6,
    "छे": 6,
    "पन्द्रह": 15,
    "इकत्तीस": 31,
    "चौवालीस": 44,
    "सरसठ": 67,
    "उनासी": 79,
    "उन्नासी": 79,
    "अठत्तर": 78,
    "बाइस": 22,
    "तेइस": 23,
    "सत्तर": 70,
    "निन्नानवे": 99,
    "इक्कानवे": 91,
    "बानबे": 92,
    "चौरानबे": 94,
}
HINDI_UNITS: dict[str, float] = {
    fold_devanagari(w): float(i + 1) for i, w in enumerate(_HINDI_1_100)
}
HINDI_UNITS.update({fold_devanagari(w): float(v) for w, v in _HINDI_VARIANTS.items()})

HINDI_SCALES = {
    fold_devanagari(w): v
    for w, v in {
        "सौ": 1e2,
        "हज़ार": 1e3,
        "हजार": 1e3,
        "लाख": 1e5,
        "करोड़": 1e7,
        "करोड": 1e7,
        "अरब": 1e9,
        "खरब": 1e11,
    }.items()
}
# Fractions that stand alone (डेढ़ = 1.5) or modify the next number (साढ़े तीन = 3.5).
HINDI_WHOLE_FRACTIONS = {fold_devanagari("डेढ़"): 1.5, fold_devanagari("ढाई"): 2.5}
HINDI_MODIFIERS = {
    fold_devanagari("साढ़े"): 0.5,
    fold_devanagari("सवा"): 0.25,
    fold_devanagari("पौने"): -0.25,
}

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ENGLISH_UNITS: dict[str, float] = {w: float(i) for i, w in enumerate(_EN_UNITS)}
ENGLISH_UNITS.update({w: float(20 + 10 * i) for i, w in enumerate(_EN_TENS)})
ENGLISH_UNITS["dozen"] = 12.0
ENGLISH_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}
# Suffixes glued to digits: 5.43bn, 10k, Rs 40cr.
_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "cr": 1e7,
    "tn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
_CURRENCY_PREFIX = {"$": "dollar", "₹": "rupee", "rs": "rupee", "inr": "rupee", "usd": "dollar"}

_DIGITS = re.compile(
    r"^(?P<cur>[$₹])?(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suf>k|m|mn|bn|b|cr|tn|lakh|crore|%)?$",
    re.IGNORECASE,
)
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@dataclass(frozen=True)
class NumberSpan:
    """A number found in text: its value, its words and where they are."""

    value: float
    text: str
    start: int
    end: int
    currency: str | None = None
    percent: bool = False


def _word_value(word: str) -> tuple[str, float] | None:
    """Classify one token: ('unit'|'scale'|'whole'|'mod'|'digits', value)."""
    w = fold_devanagari(word).casefold()
    if w in HINDI_UNITS:
        return "unit", HINDI_UNITS[w]
    if w in HINDI_SCALES:
        return "scale", HINDI_SCALES[w]
    if w in HINDI_WHOLE_FRACTIONS:
        return "whole", HINDI_WHOLE_FRACTIONS[w]
    if w in HINDI_MODIFIERS:
        return "mod", HINDI_MODIFIERS[w]
    if w in ENGLISH_UNITS:
        return "unit", ENGLISH_UNITS[w]
    if w in ENGLISH_SCALES:
        return "scale", ENGLISH_SCALES[w]
    m = _DIGITS.match(w.translate(_DEV_DIGITS))
    if m:
        value = float(m.group("num").replace(",", ""))
        suf = (m.group("suf") or "").lower()
        if suf and suf != "%":
            value *= _SUFFIXES[suf]
        return "digits", value
    return None


def _combine(parts: list[tuple[str, float]]) -> float:
    """Value of a run of number tokens, scales applied the way Indian and English speech does."""
    total = 0.0
    current = 0.0
    last_scale = float("inf")
    modifier = 0.0
    prev = ""
    for kind, v in parts:
        if kind == "scale" and prev == "scale" and current == 0 and v > last_scale:
            total *= v  # lakh crore: a scale of a scale
            last_scale = v
            continue
        prev = kind
        if kind == "mod":
            modifier = v
        elif kind in ("unit", "digits", "whole"):
            current += v + modifier
            modifier = 0.0
        elif kind == "scale":
            if current == 0:
                current = 1.0 + modifier
                modifier = 0.0
            if v == 100 and current < 100:
                current *= v
                continue
            if v > last_scale or total == 0:
                total = (total + current) * v
            else:
                total += current * v
            last_scale = v
            current = 0.0
    return total + current


def _clean(value: float) -> float:
    return float(round(value, 6))


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in ``text``, words and digits, with offsets into ``text``."""
    tokens = tokenize(text)
    found: list[NumberSpan] = []
    i = 0
    while i < len(tokens):
        run: list[tuple[str, float]] = []
        j = i
        while j < len(tokens):
            tok = tokens[j].text
            # '10-12' is a range: two numbers, each found on its own.
            if "-" in tok and all(_word_value(p) for p in tok.split("-")) and len(tok) > 1:
                kinds = [_word_value(p) for p in tok.split("-")]
                if all(k and k[0] == "digits" for k in kinds):
                    break
                run.extend(k for k in kinds if k)  # twenty-six
                j += 1
                continue
            kv = _word_value(tok)
            if kv is None:
                if (
                    tok.casefold() == "and"
                    and run
                    and j + 1 < len(tokens)
                    and _word_value(tokens[j + 1].text)
                ):
                    j += 1
                    continue
                break
            if kv[0] == "digits" and run and run[-1][0] == "digits":
                break  # two digit groups in a row are two numbers
            run.append(kv)
            j += 1
        if not run:
            tok = tokens[i].text
            if "-" in tok:
                for part in _split_range(tokens[i].text, tokens[i].start):
                    found.append(part)
            i += 1
            continue
        if all(k == "mod" for k, _ in run) or (len(run) == 1 and run[0][0] == "scale"):
            i = j
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        found.append(_span(text, start, end, _combine(run)))
        i = j
    return found


def _split_range(tok: str, offset: int) -> list[NumberSpan]:
    out: list[NumberSpan] = []
    pos = 0
    parts = tok.split("-")
    if not all(_word_value(p) for p in parts):
        return out
    for part in parts:
        kv = _word_value(part)
        if kv and kv[0] == "digits":
            out.append(NumberSpan(_clean(kv[1]), part, offset + pos, offset + pos + len(part)))
        pos += len(part) + 1
    return out


def _span(text: str, start: int, end: int, value: float) -> NumberSpan:
    words = text[start:end]
    before = text[max(0, start - 4) : start].casefold().strip()
    currency = None
    for mark, name in _CURRENCY_PREFIX.items():
        if words.startswith(mark) or before.endswith(mark):
            currency = name
    return NumberSpan(
        _clean(value), words, start, end, currency=currency, percent=words.endswith("%")
    )


def parse_number(text: str) -> float | None:
    """The value of ``text`` if it is one number and nothing else, else None."""
    spans = find_numbers(text)
    if len(spans) == 1 and spans[0].text.strip() == text.strip():
        return spans[0].value
    return None


# --- rendering (for tests and for queries: the same value spelled the way people write it)


def to_hindi_words(n: int) -> str:
    """Hindi words for a whole number 0..99,99,99,99,999 (करोड़, लाख, हज़ार, सौ)."""
    if n == 0:
        return "शून्य"
    out: list[str] = []
    for scale, word in ((10**7, "करोड़"), (10**5, "लाख"), (10**3, "हज़ार"), (100, "सौ")):
        q, n = divmod(n, scale)
        if q:
            out.append(f"{to_hindi_words(q)} {word}")
    if n:
        out.append(_HINDI_1_100[n - 1])
    return " ".join(out)


def to_english_words(n: int, *, indian: bool = False) -> str:
    """English words for a whole number, international (million) or Indian (lakh, crore)."""
    if n == 0:
        return "zero"
    scales = (
        ((10**7, "crore"), (10**5, "lakh"), (10**3, "thousand"), (100, "hundred"))
        if indian
        else ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (100, "hundred"))
    )
    out: list[str] = []
    for scale, word in scales:
        q, n = divmod(n, scale)
        if q:
            out.append(f"{to_english_words(q, indian=indian)} {word}")
    if n:
        if n < 20:
            out.append(_EN_UNITS[n])
        else:
            tens, unit = divmod(n, 10)
            out.append(_EN_TENS[tens - 2] + (f"-{_EN_UNITS[unit]}" if unit else ""))
    return " ".join(out)
