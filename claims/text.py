"""Text normalisation for matching: Unicode forms, Devanagari variants, script detection, tokens."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache, partial
from typing import NamedTuple

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
NUKTA = "\u093c"
CHANDRABINDU = "\u0901"
ANUSVARA = "\u0902"
ZWJ = "\u200d"  # zero-width joiners only shape how a conjunct is drawn
ZWNJ = "\u200c"
# Everything but word characters, spaces, . % - and currency signs is punctuation; so are । ॥.
_PUNCT = re.compile(r"[^\w\s\u0900-\u0963\u0966-\u097F.%$₹€£¥-]|[\u0964\u0965]", re.UNICODE)
# A word character: \w plus the Devanagari vowel signs, virama and nukta (which \w lacks),
# and the zero-width (non-)joiners that shape conjuncts (क्‍ष).
_W = r"[\w\u0900-\u0963\u0971-\u097F\u200c\u200d]"
# A non-Devanagari word character (Latin letters, digits of any script): only between two of
# these does a point, comma or apostrophe stay inside a word (5.43, 1,200, U.S, don't).
_L = r"[^\W\u0900-\u0965\u0970-\u097F]"
# A word: letters with their signs, or digits, keeping inner hyphens (एस-400, २६-वर्षीय, S-400)
# and, between Latin letters or digits, inner . , ' (5.43, U.S, don't). "भारत,चीन" is two words.
WORD = re.compile(
    rf"[₹$€£¥]?{_W}+(?:(?:-|(?<={_L})[.,'’](?={_L})){_W}+)*%?",
    re.UNICODE,
)
# A point or hyphen that is not between two word characters is punctuation.
_LOOSE_MARK = re.compile(rf"(?<!{_W})[.\-]+|[.\-]+(?!{_W})")
_DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d{2,3}(?!\d))")


def is_devanagari(text: str, *, threshold: float = 0.3) -> bool:
    """True when at least ``threshold`` of the letters are Devanagari."""
    if threshold == 0.3:
        return _is_devanagari_word(text) if len(text) <= _SHORT else _is_devanagari_text(text)
    return _devanagari_share(text, threshold)


# Words recur all through news text: their folded forms and scripts are worked out once.
_SHORT = 48


@lru_cache(maxsize=262_144)
def _is_devanagari_word(text: str) -> bool:
    return _devanagari_share(text, 0.3)


@lru_cache(maxsize=4096)  # sentences and clauses, asked about by several rules each
def _is_devanagari_text(text: str) -> bool:
    return _devanagari_share(text, 0.3)


def _devanagari_share(text: str, threshold: float) -> bool:
    letters = [c for c in text if c.isalpha() or DEVANAGARI.match(c)]
    if not letters:
        return False
    dev = sum(1 for c in letters if DEVANAGARI.match(c))
    return dev / len(letters) >= threshold


def detect_language(text: str) -> str:
    """'hi' for mostly-Devanagari text, else 'en' (Satyapan reads Hindi and English)."""
    return "hi" if is_devanagari(text) else "en"


def fold_devanagari(text: str) -> str:
    """NFC with nukta dropped and chandrabindu written as anusvara (spelling variants agree).

    Precomposed nukta letters (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़) decompose under NFD, so dropping the nukta
    after NFD folds both spellings: ज़िक्र, ज़िक्र and जिक्र all become जिक्र. Zero-width
    joiners, which change only how a conjunct is drawn, are dropped.
    """
    if len(text) <= _SHORT:
        return _fold_word(text)
    return _fold(text)


@lru_cache(maxsize=262_144)
def _fold_word(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = text.replace(NUKTA, "").replace(CHANDRABINDU, ANUSVARA)
    text = text.replace(ZWJ, "").replace(ZWNJ, "")
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    """Matching form: folded Devanagari, digits ASCII, Latin lower-cased, punctuation to spaces.

    Idempotent: ``normalise(normalise(x)) == normalise(x)``.
    """
    text = fold_devanagari(text).translate(_DEV_DIGITS).casefold()
    text = _DIGIT_GROUP.sub("", text)  # 1,50,000 and 150,000 both read 150000
    text = _PUNCT.sub(" ", text)
    # A hyphen or point survives only between word characters (S-400, एसयू-30, 5.43).
    text = _LOOSE_MARK.sub(" ", text)
    return " ".join(text.split())


class Token(NamedTuple):  # (a tuple: news has hundreds of thousands of words a run)
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words with their offsets in ``text`` (Devanagari words keep their vowel signs)."""
    return list(_tokens(text))


# One sentence is tokenised by many rules (numbers, dates, names, clauses): once is enough.
# The rules ask about the sentence in hand, and matching comes back to a quote for each claim
# in turn: 4,096 sentences hold a quote from one claim to the next at 100 claims (1,024 made
# bench/matching.py 1.25x slower), and 8,192 kept ~10 MB more at 1,000 pages for no hits.
@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(_token((_intern(m.group()), m.start(), m.end())) for m in WORD.finditer(text))


# A token made without the named tuple's Python-level __new__ (a quarter faster; a thousand
# pages make hundreds of thousands).
_token = partial(tuple.__new__, Token)
# One string per distinct word among the cached sentences (news repeats its words).
_intern = sys.intern


def ascii_digits(text: str) -> str:
    return text.translate(_DEV_DIGITS)
