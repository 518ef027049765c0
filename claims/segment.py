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
# Abbreviations that a sentence may end with ("in the U.S. The next day", "at 5 p.m. He
# left"): they end one when the next word is a capitalised function word. Titles never do.
_TITLES = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cmdr adm brig sgt gov sen rep hon rev smt shri sh "
    "st mt no nos fig op v vs rs re".split()
)
_SENTENCE_STARTERS = frozenset(
    "the he she it they we this that these those there his her its their our in on at but "
    "and however meanwhile after before as if when while also then so yet still".split()
)
# Hindi titles written with a point, and Latin letters spelled in Devanagari (एस. = S.).
HINDI_ABBREVIATIONS = frozenset("डॉ श्री श्रीमती सुश्री प्रो कु मो सं पृ रु".split())
_OPEN_QUOTES = "“‘«"
_CLOSERS = "”’»\"')]"
_QUOTE_CLOSER = {"“": "”", "‘": "’", "«": "»", '"': '"'}
_ENDERS = "।॥?!."
_NEWLINES = "\n\r\u2028\u2029"
_MAX_QUOTE = 600  # a quotation longer than this is treated as unbalanced
# What the scanner stops at: sentence enders, line breaks and opening quotes.
_LINE_BREAKS = "\n\r\u2028\u2029"
_EVENT = re.compile(r"[।॥?!.\n\r\u2028\u2029“‘«\"]")
_WORD_BEFORE = re.compile(r"([\w.\u0900-\u0963]+)$")
_DEVANAGARI_LETTER = re.compile(r"[\u0900-\u0963\u0971-\u097F]")


def _word_before(text: str, dot: int) -> str:
    """The word (with inner points: U.S) that ends at ``dot``."""
    window = text[max(0, dot - 40) : dot]
    m = _WORD_BEFORE.search(window)
    return m.group(1) if m else ""


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the point at ``dot`` part of an abbreviation, initial or number (Dr., U.S., 5.4)?"""
    word = _word_before(text, dot)
    if not word:
        return False
    last = word.rsplit(".", 1)[-1]  # डॉ.एस -> एस
    if last in HINDI_ABBREVIATIONS or last in LETTER_NAMES:  # डॉ. एस. रघुनाथन
        return True
    key = word.casefold().rstrip(".")
    if key in ("no", "nos"):  # "No. 5" but "he said no."
        return bool(re.match(r"\s*\d", text[dot + 1 : dot + 4]))
    if key in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: J. K. Rowling, U.S.
        return True
    return re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None  # U.S, e.g


class _QuoteFinder:
    """Finds the quote that closes an opening one, remembering each search so that a text
    full of unbalanced quotes is still read in linear time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.next: dict[str, int] = {}

    def _next(self, ch: str, pos: int) -> int:
        k = self.next.get(ch)
        if k is None or k < pos:
            k = self.text.find(ch, pos)
            k = len(self.text) if k < 0 else k
            self.next[ch] = k
        return k

    def close(self, pos: int, opener: str) -> int:
        """Offset of the quote closing the one opened at ``pos``, or -1 if it is unbalanced
        (no closer before a line break or within ``_MAX_QUOTE`` characters)."""
        end = self._next(_QUOTE_CLOSER[opener], pos + 1)
        line = min(self._next(c, pos + 1) for c in _NEWLINES)
        return end if end < line and end - pos < _MAX_QUOTE and end < len(self.text) else -1


def split_sentences(text: str, *, keep_quotes: bool = True) -> list[Sentence]:
    """Sentences of ``text``; ``text[s.start:s.end] == s.text`` for every sentence.

    Ends at । ॥ ? ! and at a point that is not an abbreviation, initial or decimal, with or
    without a following space ("गई।भारत"), and at line breaks. A quotation that closes
    within a few hundred characters stays whole, so a two-sentence quote keeps its speaker;
    with ``keep_quotes=False`` it is split at its own sentence ends like any other text
    (closing quotes still stay with the sentence they end).
    """
    sentences: list[Sentence] = []
    n = len(text)
    quotes = _QuoteFinder(text)
    start = 0
    i = 0
    while (m := _EVENT.search(text, i)) is not None:
        i = m.start()
        ch = text[i]
        if ch in _OPEN_QUOTES or ch == '"':
            close = quotes.close(i, ch) if keep_quotes and (ch != '"' or _opens(text, i)) else -1
            if close < 0:
                i += 1
                continue
            if text[close - 1] in _ENDERS and not _continues(text, close + 1):
                # “…किया।” उन्होंने — a quote that ends its own sentence ends the sentence.
                end = _skip_closers(text, close + 1)
                _append(sentences, text, start, end)
                start = end
            i = close + 1
            continue
        if ch == "." and not _ends_at_point(text, i):
            i += 1
            continue
        end = i + 1
        if ch in "?!":
            while end < n and text[end] in "?!":  # "Really?!" is one ending
                end += 1
        if ch not in _LINE_BREAKS:  # a quote mark after a line break opens the next line
            end = _skip_closers(text, end)
        _append(sentences, text, start, end)
        start = i = end
    _append(sentences, text, start, n)
    return sentences


def _skip_closers(text: str, end: int) -> int:
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return end


def _continues(text: str, pos: int) -> bool:
    """After a quote: does the sentence go on ("“Yes.” he said")? Only a lower-case Latin
    word says so; Devanagari has no case, so “…किया।” उन्होंने starts a new sentence."""
    rest = text[pos : pos + 40].lstrip(" \t")
    return bool(rest) and rest[0].isascii() and rest[0].islower()


def _opens(text: str, i: int) -> bool:
    """A straight double quote opens when it is not glued to the end of a word."""
    return i == 0 or not text[i - 1].isalnum()


def _ends_at_point(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in _CLOSERS):
        # 5.43, U.S.-China, example.com go on; "गई.भारत" (a point for a danda) ends.
        prev = text[i - 1] if i > 0 else ""
        return bool(
            _DEVANAGARI_LETTER.match(nxt)
            and _DEVANAGARI_LETTER.match(prev)
            and not _is_abbreviation(text, i)
        )
    if i > 0 and text[i - 1] == ".":
        return False  # an ellipsis continues
    if _is_abbreviation(text, i):
        # "in the U.S. The next day": an abbreviation that is not a title ends a sentence
        # when a capitalised function word follows; otherwise a name may follow (Dr. Rao).
        word = _word_before(text, i).casefold().rstrip(".")
        after = re.match(r"\s+([A-Z][a-z]*)\b", text[i + 1 : i + 30])
        return (
            word not in _TITLES
            and after is not None
            and (after.group(1).casefold() in _SENTENCE_STARTERS or word in _UNITS)
        )
    return True


# Units of measure take no point of their own: "at a depth of 10 km. Most of the dead …"
# ends a sentence before any capitalised word.
_UNITS = frozenset({"km", "kg", "cm", "mm", "ft"})


MAX_SENTENCE = 1500  # characters; longer runs without a sentence end are cut at a space


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not any(c.isalnum() for c in stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    e = s + len(stripped)
    # Text with no sentence ends (a transcript, a list pasted in) is cut into pieces of at
    # most MAX_SENTENCE characters at a space, so that no later step sees a megabyte "sentence".
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        piece = text[s:cut].rstrip()
        if piece:
            out.append(Sentence(index=len(out), start=s, end=s + len(piece), text=piece))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append(Sentence(index=len(out), start=s, end=e, text=text[s:e]))
