"""Text normalisation for matching: Unicode forms, Devanagari variants, script detection, tokens."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
NUKTA = "\u093c"
CHANDRABINDU = "\u0901"
ANUSVARA = "\u0902"
# Precomposed nukta letters (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़) decompose under NFD; NFC keeps them decomposed
# except for these, so dropping the nukta after NFD handles both spellings.
_PUNCT = re.compile(r"[^\w\s\u0900-\u0963\u0966-\u097F.%$₹-]|[\u0964\u0965]", re.UNICODE)
# A word: Devanagari letters with their signs, or Latin/digits, keeping inner . , - (5.43, S-400)
WORD = re.compile(
    r"[\u0900-\u0963\u0971-\u097F]+(?:-[\u0900-\u0963\u0971-\u097F\w]+)*"
    r"|[₹$]?\w+(?:[.,'’\-]\w+)*%?",
    re.UNICODE,
)


def is_devanagari(text: str, *, threshold: float = 0.3) -> bool:
    """True when at least ``threshold`` of the letters are Devanagari."""
    letters = [c for c in text if c.isalpha() or DEVANAGARI.match(c)]
    if not letters:
        return False
    dev = sum(1 for c in letters if DEVANAGARI.match(c))
    return dev / len(letters) >= threshold


def detect_language(text: str) -> str:
    """'hi' for mostly-Devanagari text, else 'en' (Satyapan reads Hindi and English)."""
    return "hi" if is_devanagari(text) else "en"


def fold_devanagari(text: str) -> str:
    """NFC with nukta dropped and chandrabindu written as anusvara (spelling variants agree)."""
    text = unicodedata.normalize("NFD", text)
    text = text.replace(NUKTA, "").replace(CHANDRABINDU, ANUSVARA)
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    """Matching form: folded Devanagari, digits ASCII, Latin lower-cased, punctuation to spaces.

    Idempotent: ``normalise(normalise(x)) == normalise(x)``.
    """
    text = fold_devanagari(text).translate(_DEV_DIGITS).casefold()
    text = _PUNCT.sub(" ", text)
    # A hyphen or point survives only between word characters (S-400, 5.43).
    text = re.sub(r"(?<!\w)[.\-]+|[.\-]+(?!\w)", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words with their offsets in ``text`` (Devanagari words keep their vowel signs)."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def ascii_digits(text: str) -> str:
    return text.translate(_DEV_DIGITS)
