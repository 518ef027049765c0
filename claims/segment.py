"""Sentence segmentation for Hindi and English news text, with exact spans into the original."""

from __future__ import annotations

import re

from claims.model import Sentence
from claims.translit import LETTER_NAMES

# Words that end with a point without ending a sentence (case-insensitive, without the point).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "no",
        "nos",
        "vs",
        "v",
        "rs",
        "re",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "brig",
        "sgt",
        "gov",
        "govt",
        "sen",
        "rep",
        "hon",
        "rev",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "op",
        "pvt",
        "smt",
        "shri",
        "sh",
        "km",
        "kg",
        "cm",
        "mm",
        "etc",
        "al",
        "e.g",
        "i.e",
        "viz",
        "p.m",
        "a.m",
        "u.s",
        "u.k",
        "u.n",
        "u.a.e",
    ]
)
# Hindi titles written with a point, and Latin letters spelled in Devanagari (एस. = S.).
HINDI_ABBREVIATIONS = frozenset("डॉ श्री श्रीमती सुश्री प्रो कु मो सं पृ रु".split())
_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_CLOSERS = "”’»\"')]"
_MAX_QUOTE = 600  # a quotation longer than this is treated as unbalanced
_TERMINATOR = re.compile(r"[।॥?!.\n]")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the point at ``dot`` part of an abbreviation, initial or number (Dr., U.S., 5.4)?"""
    m = re.search(r"([\w.\u0900-\u0963]+)$", text[max(0, dot - 12) : dot])
    word = m.group(1) if m else ""
    if not word:
        return False
    if word in HINDI_ABBREVIATIONS or word in LETTER_NAMES:  # डॉ. एस. रघुनाथन
        return True
    if word.casefold().rstrip(".") in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: J. K. Rowling, U.S.
        return True
    return re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None  # U.S, e.g


def _closing_quote(text: str, pos: int, opener: str) -> int:
    """Offset of the quote that closes the one opened at ``pos``, or -1 if unbalanced."""
    closer = "”" if opener == "“" else "’" if opener == "‘" else "»" if opener == "«" else '"'
    limit = min(len(text), pos + _MAX_QUOTE)
    for i in range(pos + 1, limit):
        ch = text[i]
        if ch == "\n":
            return -1
        if ch == closer:
            return i
    return -1


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; ``text[s.start:s.end] == s.text`` for every sentence.

    Ends at । ॥ ? ! and at a point that is not an abbreviation, initial or decimal, with or
    without a following space ("गई।भारत"), and at line breaks. A quotation that closes
    within a few hundred characters stays whole, so a two-sentence quote keeps its speaker.
    """
    sentences: list[Sentence] = []
    n = len(text)
    start = 0
    i = 0
    quote_end = -1
    while i < n:
        ch = text[i]
        if i > quote_end and (ch in _OPEN_QUOTES or (ch == '"' and _opens(text, i))):
            end = _closing_quote(text, i, ch)
            if end > 0:
                quote_end = end
            i += 1
            continue
        if i < quote_end and ch != "\n":
            i += 1
            continue
        if i == quote_end and i > 0 and text[i - 1] in "।॥?!.":
            # “…किया।” उन्होंने — a quote that ends its own sentence ends the sentence.
            end = i + 1
            while end < n and text[end] in _CLOSERS:
                end += 1
            _append(sentences, text, start, end)
            start = i = end
            continue
        if ch in "।॥?!.\n" and (ch != "." or _ends_at_point(text, i)):
            end = i + 1
            while end < n and text[end] in _CLOSERS:
                end += 1
            _append(sentences, text, start, end)
            start = end
            i = end
            continue
        i += 1
    _append(sentences, text, start, n)
    return sentences


def _opens(text: str, i: int) -> bool:
    """A straight double quote opens when it is not glued to the end of a word."""
    return i == 0 or not text[i - 1].isalnum()


def _ends_at_point(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in _CLOSERS):
        return False  # 5.43, U.S.-China, example.com
    if _is_abbreviation(text, i):
        # "in the U.S. The next" still ends: an abbreviation followed by a capitalised word
        # that is not a name is undecidable; prefer not to split (names follow Dr., Mr.).
        return False
    return not (i > 0 and text[i - 1] == ".")  # an ellipsis continues


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not any(c.isalnum() for c in stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    e = s + len(stripped)
    out.append(Sentence(index=len(out), start=s, end=e, text=text[s:e]))
