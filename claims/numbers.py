"""Numbers as values: digits (Latin and Devanagari), Hindi and English number words, scales.

"26", "२६", "छब्बीस" and "twenty-six" are all 26; "तीन लाख" is 300000; "3.2 lakh crore"
is 3.2e12; "$5.43bn" is 5.43e9; "साढ़े सात सौ" is 750. No library reads both Hindi number
words and lakh/crore reliably (DESIGN.md), so the tables are here and tested exhaustively.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from claims.text import Token, fold_devanagari, tokenize

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
# Common alternative spellings seen in Hindi news (without anusvara, with ब for व, …).
_HINDI_VARIANTS = {
    "शून्य": 0,
    "पाँच": 5,
    "छः": 6,
    "छे": 6,
    "पन्द्रह": 15,
    "अट्ठारह": 18,
    "बाइस": 22,
    "तेइस": 23,
    "सत्ताइस": 27,
    "अट्ठाइस": 28,
    "इकत्तीस": 31,
    "तैतीस": 33,
    "चौतीस": 34,
    "पैतीस": 35,
    "सैतीस": 37,
    "तैतालीस": 43,
    "चौवालीस": 44,
    "चव्वालीस": 44,
    "पैतालीस": 45,
    "सैतालीस": 47,
    "इकावन": 51,
    "तिरेपन": 53,
    "चव्वन": 54,
    "अठावन": 58,
    "तिरेसठ": 63,
    "चौसठ": 64,
    "पैसठ": 65,
    "सरसठ": 67,
    "अठत्तर": 78,
    "उनासी": 79,
    "उन्नासी": 79,
    "इक्कानवे": 91,
    "इक्यानबे": 91,
    "बानबे": 92,
    "तिरानबे": 93,
    "चौरानबे": 94,
    "पिचानवे": 95,
    "पंचानवे": 95,
    "छियानबे": 96,
    "सत्तानबे": 97,
    "अट्ठानबे": 98,
    "निन्नानवे": 99,
    "निन्यानबे": 99,
}
HINDI_UNITS: dict[str, float] = {
    fold_devanagari(w): float(i + 1) for i, w in enumerate(_HINDI_1_100)
}
HINDI_UNITS.update({fold_devanagari(w): float(v) for w, v in _HINDI_VARIANTS.items()})

# Hindi drops the एक before a scale: "सौ साल" is a hundred years, "हज़ार रुपये" a thousand.
HINDI_SCALES = {
    fold_devanagari(w): v
    for w, v in {
        "सौ": 1e2,
        "हज़ार": 1e3,
        "लाख": 1e5,
        "करोड़": 1e7,
        "अरब": 1e9,
        "खरब": 1e11,
        "मिलियन": 1e6,
        "बिलियन": 1e9,
        "ट्रिलियन": 1e12,
    }.items()
}
# Fractions that stand alone (डेढ़ = 1.5) or modify the next number (साढ़े तीन = 3.5).
_ARAB = fold_devanagari("अरब")
_ENGLISH_FRACTIONS = {"half": 0.5, "quarter": 0.25}
HINDI_WHOLE_FRACTIONS = {fold_devanagari("डेढ़"): 1.5, fold_devanagari("ढाई"): 2.5}
HINDI_MODIFIERS = {
    fold_devanagari("साढ़े"): 0.5,
    fold_devanagari("सवा"): 0.25,
    fold_devanagari("पौने"): -0.25,
}
# Ordinals count (चौथा प्रक्षेपण = the fourth launch). पहले (before) and दूसरे (other) are
# too often not ordinals to read as 1 and 2; from 5 on the ordinal is the number + वां/वीं/वें.
HINDI_ORDINALS = {
    fold_devanagari(w): float(v)
    for v, forms in {
        3: "तीसरा तीसरी तीसरे",
        4: "चौथा चौथी चौथे",
        6: "छठा छठी छठे छठवां छठवीं छठवें",
        9: "नवां नवीं नवें",
    }.items()
    for w in forms.split()
}
_HINDI_ORDINAL_SUFFIXES = tuple(fold_devanagari(s) for s in ("वां", "वीं", "वें", "वाँ"))

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
ENGLISH_TENS: dict[str, float] = {w: float(20 + 10 * i) for i, w in enumerate(_EN_TENS)}
ENGLISH_SCALES = {
    "dozen": 12.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "million": 1e6,
    "mn": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# "first" and "second" are left out: "a second term", "at first" are not counts.
ENGLISH_ORDINALS: dict[str, float] = {
    w: float(i + 3)
    for i, w in enumerate(
        "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
    )
}
ENGLISH_ORDINALS.update({t[:-1] + "ieth": v for t, v in ENGLISH_TENS.items()})
# The unit ordinals after a tens word: twenty-first, thirty-second.
_EN_UNIT_ORDINALS = {
    w: float(i + 1)
    for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split())
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
# Currencies by sign and by code, written before the amount (₹5, Rs. 5, USD 5, US$ 5, €5) or
# after it (5 रुपये, 5 euros, 5 USD). Every sign and code maps to one name, so amounts in
# different currencies are never read as one another.
CURRENCY_SIGNS = {"₹": "rupee", "$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
CURRENCY_CODES = {
    "rs": "rupee",
    "inr": "rupee",
    "usd": "dollar",
    "us$": "dollar",
    "eur": "euro",
    "gbp": "pound",
    "jpy": "yen",
    "cny": "yuan",
    "rmb": "yuan",
}
_CURRENCY_BEFORE = re.compile(
    r"(?:\b(rs|inr|usd|eur|gbp|jpy|cny|rmb)\.?|(us\$|[$₹€£¥])|(?<![\u0900-\u097f])(रु)\.?)\s*$",
    re.IGNORECASE,
)
_CURRENCY_AFTER = {
    **{fold_devanagari(w): "rupee" for w in ("रुपये", "रुपए", "रुपया", "रु", "rupees", "rupee")},
    **{fold_devanagari(w): "dollar" for w in ("डॉलर", "dollars", "dollar")},
    **{fold_devanagari(w): "euro" for w in ("यूरो", "euros", "euro")},
    **{fold_devanagari(w): "pound" for w in ("पाउंड", "पौंड", "pounds", "sterling")},
    **{fold_devanagari(w): "yen" for w in ("येन", "yen")},
    **{fold_devanagari(w): "yuan" for w in ("युआन", "yuan", "renminbi")},
    **CURRENCY_CODES,
}


# The one country adjective a dollar takes here without a sign of its own (A$, S$ …).
_AMERICAN = frozenset({fold_devanagari("अमेरिकी"), "us", "american"})


# A figure with "m" and no currency is in metres: "with 86.32m on his fifth attempt", "a
# 40m-long bridge". With one ("$5m", "Rs 50m", "USD 3m") the m is million.
_METRES = re.compile(r"\d[\d,]*(?:\.\d+)?m")


def currency_name(mark: str) -> str | None:
    """The currency a sign or code names (₹, Rs., रु., USD, US$, €, GBP …), or None."""
    mark = mark.strip().rstrip(".")
    return CURRENCY_SIGNS.get(mark) or _CURRENCY_AFTER.get(fold_devanagari(mark).casefold())


_PERCENT_AFTER = frozenset(
    fold_devanagari(w) for w in ("percent", "pc", "प्रतिशत", "फीसदी", "फ़ीसदी", "फीसद")
)

_DIGITS = re.compile(
    r"^(?P<cur>[$₹€£¥]|(?:rs|inr|usd|us\$|eur|gbp)\.?)?"
    r"(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suf>k|m|mn|bn|b|cr|tn|lakh|crore|%)?$",
    re.IGNORECASE,
)
_ORDINAL_DIGITS = re.compile(r"^(?P<num>\d+)(?:st|nd|rd|th|वां|वीं|वें|वा|वी|वे)$", re.IGNORECASE)
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_NUMBER_KINDS = ("unit", "tens", "digits", "whole")


@dataclass(frozen=True)
class NumberSpan:
    """A number found in text: its value, its words and where they are."""

    value: float
    text: str
    start: int
    end: int
    currency: str | None = None
    percent: bool = False
    ordinal: bool = False

    @property
    def first(self) -> bool:
        """The ordinal "first" (a rank, as ``NumberFact.first``)."""
        return self.ordinal and self.value == 1


@lru_cache(maxsize=65_536)  # news repeats its words: each is classified once
def _word_value(word: str) -> tuple[str, float] | None:
    """Classify one token: (kind, value), kind one of unit (Hindi 0-99, English 0-19), tens
    (English twenty..ninety), digits, whole (डेढ़ ढाई), mod (साढ़े सवा पौने), scale, ord."""
    w = fold_devanagari(word).casefold()
    if w in HINDI_UNITS:
        return "unit", HINDI_UNITS[w]
    if w in HINDI_SCALES:
        return "scale", HINDI_SCALES[w]
    if w in HINDI_WHOLE_FRACTIONS:
        return "whole", HINDI_WHOLE_FRACTIONS[w]
    if w in HINDI_MODIFIERS:
        return "mod", HINDI_MODIFIERS[w]
    if w in HINDI_ORDINALS:
        return "ord", HINDI_ORDINALS[w]
    if w in ENGLISH_UNITS:
        return "unit", ENGLISH_UNITS[w]
    if w in ENGLISH_TENS:
        return "tens", ENGLISH_TENS[w]
    if w in ENGLISH_SCALES:
        return "scale", ENGLISH_SCALES[w]
    if w in ENGLISH_ORDINALS:
        return "ord", ENGLISH_ORDINALS[w]
    w = w.translate(_DEV_DIGITS)
    if w and 0 < unicodedata.numeric(w[-1], 0) < 1 and (w[:-1].isdigit() or not w[:-1]):
        # 1½, ¾: a vulgar fraction, by its Unicode value (not 10², a superscript)
        return "digits", float(w[:-1] or 0) + unicodedata.numeric(w[-1])
    m = _DIGITS.match(w)
    if m:
        value = float(m.group("num").replace(",", ""))
        suf = (m.group("suf") or "").lower()
        if suf and suf != "%":
            value *= _SUFFIXES[suf]
        return "digits", value
    m = _ORDINAL_DIGITS.match(w)
    if m:
        return "ord", float(m.group("num"))
    for suffix in _HINDI_ORDINAL_SUFFIXES:  # पांचवां, सातवीं, बीसवीं
        stem = w.removesuffix(suffix)
        if stem != w and HINDI_UNITS.get(stem, 0) >= 5:
            return "ord", HINDI_UNITS[stem]
    return None


def _accepts(run: list[tuple[str, float]], kind: str, value: float) -> bool:
    """Can a token of ``kind`` continue the number ``run`` (two hundred | fifty)?"""
    last = run[-1][0] if run else None
    if kind == "ord":
        return last is None
    if kind in ("unit", "tens", "digits"):
        if last == "tens":  # twenty six
            return kind == "unit" and 1 <= value <= 9 and run[-1][1] % 10 == 0
        return last in (None, "mod", "scale")
    if kind in ("whole", "mod"):
        return last in (None, "scale")
    if kind == "scale":
        if last == "scale":
            return value > run[-1][1]  # lakh crore, hundred thousand: a scale of a scale
        return last in ("unit", "tens", "digits", "whole", "mod")
    return False


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
        elif kind in ("unit", "tens", "digits", "whole", "ord"):
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
    """Round away float noise: 3.2 lakh crore is 3.2e12, not 3200000000000.0005."""
    return float(f"{round(value, 6):.15g}")


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in ``text``, words and digits, with offsets into ``text``.

    Runs of number words make one number (दो करोड़ तीन लाख, two hundred and fifty); a
    range makes one number per end (10-12, दो-तीन, 2025-26); a number glued to a word by a
    hyphen is still a number (26-year-old, four-point); a word glued to a number is a name
    (S-400, Su-30, PSLV-C61, एस-400, COVID-19).
    """
    tokens = tokenize(text)
    found: list[NumberSpan] = []
    i = 0
    while i < len(tokens):
        run: list[tuple[str, float]] = []
        ends: list[int] = []  # where the run's text ends after each of its parts
        j = i
        while j < len(tokens):
            tok = tokens[j]
            if run and j > i and text[tokens[j - 1].end : tok.start].strip(" ,"):
                break  # "15 billion ($180 million)": a bracket or a sign starts another number
            if "-" in tok.text and len(tok.text) > 1:
                lead, used, complete = _hyphen_lead(tok.text)
                trial = list(run)
                if lead and all(_accept_into(trial, kv) for kv in lead):
                    end = tok.start + _lead_length(tok.text, used)
                    ends.extend([end] * (len(trial) - len(run)))
                    run = trial
                    j += 1
                    if not complete:
                        break  # twenty-six-year-old: the words after the number end it
                    continue
                break
            kv = _token_value(tokens, j)
            if kv is None:
                if _is_joining_and(tokens, j, run):
                    j += 1
                    continue
                break
            # Hindi drops the एक before a scale (सौ साल, हज़ार रुपये); English does not.
            # अरब alone is Arab (अरब सागर, अरब देशों), not a billion.
            lone_scale = (
                not run
                and kv[0] == "scale"
                and not tok.text.isascii()
                and fold_devanagari(tok.text) != _ARAB
            )
            if not (_accepts(run, *kv) or lone_scale):
                break
            run.append(kv)
            ends.append(tok.end)
            j += 1
            if kv[0] == "ord":
                break
        while run and run[-1][0] == "mod":  # दो लाख साढ़े … : a modifier of nothing
            run.pop()
            ends.pop()
        if not run:
            if "-" in tokens[i].text:
                spans, i = _range(text, tokens, i)
                found.extend(spans)
            else:
                i += 1
            continue
        value = _combine(run)
        # "two thirds", "तीन चौथाई": a proper fraction (two-thirds: _hyphen_lead).
        if (
            len(run) == 1
            and run[0][0] in ("unit", "digits")
            and (frac := _FRACTION_AFTER.match(text, ends[-1]))
        ):
            below = _denominator(frac.group("word"), hyphen=False)
            if below and run[0][1] < below:
                value /= below
                ends.append(frac.end())
        # "one and a half", "two and a quarter": the fraction belongs to the number.
        if (
            j + 2 < len(tokens)
            and [t.text.casefold() for t in tokens[j : j + 2]] == ["and", "a"]
            and tokens[j + 2].text.casefold() in _ENGLISH_FRACTIONS
            and run[-1][0] in ("unit", "tens", "digits")
        ):
            value += _ENGLISH_FRACTIONS[tokens[j + 2].text.casefold()]
            ends.append(tokens[j + 2].end)
            # "one and a half million": the scale after the fraction scales the whole.
            after = _word_value(tokens[j + 3].text) if j + 3 < len(tokens) else None
            if after is not None and after[0] == "scale":
                value *= after[1]
                ends.append(tokens[j + 3].end)
        found.append(_span(text, tokens, tokens[i].start, ends[-1], value, run))
        # Resume after the last token the run used (a trailing "and" is not part of it).
        while i < len(tokens) and tokens[i].end <= ends[-1]:
            i += 1
        if i < len(tokens) and tokens[i].start < ends[-1]:
            i += 1  # the hyphenated token whose lead ended the run (26-year-old)
    # चार-चार लाख, 4-4 लाख, 50-50 हजार: a number said twice is "each", one number.
    return [
        part
        for k, n in enumerate(found)
        if not (
            k + 1 < len(found)
            and text[n.end : n.end + 1] == "-"
            and found[k + 1].start == n.end + 1
            and text[found[k + 1].start :].startswith(text[n.start : n.end])
        )
        for part in _clock_parts(text, n)
    ]


# "7.30 am" is the clock time 7:30 (hour and minute, as "7:30 am" reads), not 7.3.
_DOTTED_CLOCK = re.compile(r"(\d{1,2})\.([0-5]\d)")
_AM_PM_AFTER = re.compile(r"\s*(?:[ap]\.?m\.?)(?![a-z])", re.IGNORECASE)


def _clock_parts(text: str, n: NumberSpan) -> list[NumberSpan]:
    m = _DOTTED_CLOCK.fullmatch(n.text)
    if m is None or n.currency or not _AM_PM_AFTER.match(text, n.end):
        return [n]
    minute_at = n.start + m.start(2)
    return [
        NumberSpan(float(m.group(1)), m.group(1), n.start, n.start + m.end(1)),
        NumberSpan(float(m.group(2)), m.group(2), minute_at, minute_at + 2),
    ]


_FRACTION_AFTER = re.compile(r" (?P<word>[a-zA-Z\u0900-\u097f]+)")
_HINDI_DENOMINATORS = {fold_devanagari("तिहाई"): 3.0, fold_devanagari("चौथाई"): 4.0}


def _denominator(word: str, *, hyphen: bool) -> float | None:
    """What a fraction word divides by: thirds 3, fifth 5, quarters 4, तिहाई 3, चौथाई 4.
    "quarters" only joined by a hyphen (three-quarters): "two quarters" of a year are two."""
    low = fold_devanagari(word).casefold()
    if low in _HINDI_DENOMINATORS:
        return _HINDI_DENOMINATORS[low]
    if low == "quarter" or (low == "quarters" and hyphen):
        return 4.0
    value = ENGLISH_ORDINALS.get(low.removesuffix("s"))
    return value if value is not None and value <= 10 else None


def _accept_into(run: list[tuple[str, float]], kv: tuple[str, float]) -> bool:
    if _accepts(run, *kv):
        run.append(kv)
        return True
    return False


_DETERMINERS = frozenset("the its their his her our my your this".split())
_FIRST_HI = frozenset(fold_devanagari(w) for w in ("पहला", "पहली"))
_FIRST_HI_OBLIQUE = fold_devanagari("पहले")
_GENITIVE_HI = frozenset(fold_devanagari(w) for w in ("का", "के", "की", "सबसे"))
_FIRST_INITIALS = frozenset("fFप")


def _first(tokens: list[Token], j: int) -> bool:
    """The ordinal "first": after a determiner or a possessive (the first call, India's
    first, their first at this level; not "at first" or "First, …"); पहला / पहली always;
    पहले (also "before") only after a genitive or सबसे (देश के पहले स्वदेशी पोत)."""
    word = tokens[j].text
    if word[:1] not in _FIRST_INITIALS:
        return False  # (every token passes here: most leave at once)
    before = tokens[j - 1].text if j > 0 else ""
    if word.casefold() == "first":
        low = before.casefold()
        return low in _DETERMINERS or low.endswith(("'s", "’s"))
    folded = fold_devanagari(word)
    return folded in _FIRST_HI or (
        folded == _FIRST_HI_OBLIQUE and fold_devanagari(before) in _GENITIVE_HI
    )


def _token_value(tokens: list[Token], j: int) -> tuple[str, float] | None:
    """The value of token ``j``; "a"/"an" counts as one before a scale (a million)."""
    if _first(tokens, j):
        return "ord", 1.0
    kv = _word_value(tokens[j].text)
    if kv is None and tokens[j].text.casefold() in ("a", "an") and j + 1 < len(tokens):
        nxt = _word_value(tokens[j + 1].text)
        if nxt is not None and nxt[0] == "scale" and tokens[j + 1].text.isascii():
            return "unit", 1.0
    return kv


def _is_joining_and(tokens: list[Token], j: int, run: list[tuple[str, float]]) -> bool:
    """ "and" inside a number: two hundred and fifty (never between two numbers: 5 and 6)."""
    if tokens[j].text.casefold() != "and" or not run or run[-1][0] != "scale":
        return False
    nxt = _word_value(tokens[j + 1].text) if j + 1 < len(tokens) else None
    # Only words join (two hundred and fifty): "4 billion and 200 million" are two amounts.
    return nxt is not None and nxt[0] in ("unit", "tens")


def _hyphen_lead(tok: str) -> tuple[list[tuple[str, float]], int, bool]:
    """The number words a hyphenated token starts with, how many parts they take, and whether
    they are all of it.

    twenty-six -> ([tens 20, unit 6], 2, True); 26-year-old -> ([digits 26], 1, False);
    twenty-first -> ([ord 21], 2, True); two-thirds -> ([digits 0.667], 2, True);
    S-400 -> ([], 0, False).
    """
    parts = tok.split("-")
    lead: list[tuple[str, float]] = []
    for k, part in enumerate(parts):
        below = _denominator(part, hyphen=True) if k == 1 else None
        if below and lead[0][0] in ("unit", "digits") and lead[0][1] < below:
            return [("digits", lead[0][1] / below)], 2, len(parts) == 2  # two-thirds
        kv = _word_value(part)
        if kv is None:
            low = part.casefold()
            if k == 1 and lead[0][0] == "tens" and low in _EN_UNIT_ORDINALS:
                return [("ord", lead[0][1] + _EN_UNIT_ORDINALS[low])], 2, len(parts) == 2
            return lead, k, False
        lead.append(kv)
    return lead, len(parts), True


def _lead_length(tok: str, n: int) -> int:
    """Length in characters of the first ``n`` hyphen-separated parts of ``tok``."""
    return len("-".join(tok.split("-")[:n]))


def _range(text: str, tokens: list[Token], i: int) -> tuple[list[NumberSpan], int]:
    """10-12, दो-तीन, 2025-26: each end is a number; a scale after the range applies to both
    ends (2-3 crore). A token that starts with a word (S-400) gives nothing. Returns the
    numbers and the index of the next token to read."""
    tok = tokens[i]
    lead, _, complete = _hyphen_lead(tok.text)
    j = i + 1
    if not lead or any(k not in (*_NUMBER_KINDS, "ord") for k, _ in lead):
        return [], j
    scale = 1.0
    scale_end = -1
    if complete:
        while j < len(tokens) and (kv := _word_value(tokens[j].text)) and kv[0] == "scale":
            scale *= kv[1]
            scale_end = tokens[j].end
            j += 1
    out: list[NumberSpan] = []
    offset = tok.start
    for k, (kind, value) in enumerate(lead):
        part = tok.text.split("-")[k]
        end = offset + len(part)
        if k == len(lead) - 1 and scale_end > 0:
            end = scale_end
        out.append(_span(text, tokens, offset, end, value * scale, [(kind, value)]))
        offset += len(part) + 1
    # "15-20%", "$10-12 billion": a sign at one end is the whole range's
    percent = any(n.percent for n in out)
    currency = next((n.currency for n in out if n.currency), None)
    return [replace(n, percent=percent, currency=n.currency or currency) for n in out], j


_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,3})$")


def _other_dollar(text: str, start: int, words: str) -> str | None:
    """ "A$50 billion", "C$ 3 million", "HK$2bn": another country's dollar (A$, C$, HK$),
    never read as the US dollar a bare "$" or "US$" means."""
    at = start if words.startswith("$") else text.rfind("$", max(0, start - 6), start)
    if at < 0:
        return None
    m = _DOLLAR_PREFIX.search(text[max(0, at - 3) : at])
    if m is None or m.group(1).casefold() == "us":
        return None
    return m.group(1).upper() + "$"


def _span(
    text: str,
    tokens: list[Token],
    start: int,
    end: int,
    value: float,
    run: list[tuple[str, float]],
) -> NumberSpan:
    words = text[start:end]
    currency = None
    if m := _CURRENCY_BEFORE.search(text[max(0, start - 6) : start]):
        currency = currency_name(m.group(1) or m.group(2) or m.group(3))
    elif words and (lead := _LEADING_CURRENCY.match(words)):
        currency = currency_name(lead.group().strip())  # ₹5, USD5.43bn
    if currency == "dollar" and (other := _other_dollar(text, start, words)):
        currency = other
    k = bisect_left(tokens, end, key=lambda t: t.start)
    follow = [fold_devanagari(t.text).casefold() for t in tokens[k : k + 2]]
    if currency is None and follow and follow[0] in _CURRENCY_AFTER:
        currency = _CURRENCY_AFTER[follow[0]]
    elif (
        currency is None
        and len(follow) == 2
        and follow[0] in _AMERICAN
        and _CURRENCY_AFTER.get(follow[1]) == "dollar"
    ):
        currency = "dollar"  # "4.1 करोड़ अमेरिकी डॉलर", "41 million US dollars"
    if currency is None and _METRES.fullmatch(words):
        value /= _SUFFIXES["m"]  # "86.32m", "the 100m final": metres; "$5m" is a sum
    percent = words.endswith("%") or bool(
        follow and (follow[0] in _PERCENT_AFTER or follow[:2] == ["per", "cent"])
    )
    return NumberSpan(
        _clean(value),
        words,
        start,
        end,
        currency=currency,
        percent=percent,
        ordinal=any(k == "ord" for k, _ in run),
    )


_LEADING_CURRENCY = re.compile(
    r"^\s*(?:(?:rs|inr|usd|eur|gbp|jpy|cny|rmb)(?:\b|(?=\d))\.?|us\$|[$₹€£¥])\s*", re.IGNORECASE
)


def parse_number(text: str) -> float | None:
    """The value of ``text`` if it is one number and nothing else (a currency sign or
    "Rs" may lead: "Rs 3.2 lakh crore" is 3.2e12), else None."""
    spans = find_numbers(text)
    if len(spans) != 1:
        return None
    rest = text.strip()
    if spans[0].text.strip() != rest and (
        _LEADING_CURRENCY.sub("", rest) != spans[0].text.lstrip("".join(CURRENCY_SIGNS))
    ):
        return None
    return spans[0].value


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
