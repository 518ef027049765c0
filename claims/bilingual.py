"""A bilingual English-Hindi lexicon for matching across scripts without names or numbers.

"sank in the Arabian Sea off the Gujarat coast" and "गुजरात तट के पास अरब सागर में डूब गया"
share no spelling: only a dictionary links coast and तट, sank and डूब. The lexicon is read
from FreeDict's English-Hindi dictionary (Debian ``dict-freedict-eng-hin``, GPL, loaded at
the edge by ``satyapan.lexicon``) and inverted; English words are reduced to their lemma by
``lemminflect`` and Hindi words by light suffix stripping, so inflected forms find their
entries. The newsroom glossary stays on top: a word with a glossary concept is matched by it.

This module only parses text and answers lookups; it does no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from claims.text import fold_devanagari
from claims.translit import to_latin

_HEADWORD = re.compile(r"^(?P<word>[A-Za-z][A-Za-z'-]*) /[^/]*/ <(?P<pos>[A-Za-z]+)>")
_SENSE = re.compile(r"^(?P<n>\d+)\. (?P<text>.+)$")
_NOTE = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)")
_DEVANAGARI_WORD = re.compile(r"^[\u0900-\u097F]+$")
# Light verbs that make a verb of a noun (घृणा करना, भेंट देना): the noun carries the sense.
_LIGHT_VERBS = frozenset(fold_devanagari(w) for w in ("करना", "देना", "होना", "लेना", "जाना"))
# Hindi inflections stripped to find an entry: plural and oblique nouns, verb forms.
_HI_SUFFIXES = tuple(
    fold_devanagari(s)
    for s in (
        "ियों",
        "ाओं",
        "ियां",
        "ियाँ",
        "ों",
        "ें",
        "ाएं",
        "ते",
        "ती",
        "ता",
        "ने",
        "ना",
        "ी",
        "े",
        "ा",
    )
)
# Senses read per English headword: FreeDict lists a word's common senses first.
_SENSES = 3
# Nouns and verbs name what happened and to what; adjectives and adverbs (clear, ahead,
# regional) mostly frame it, and their many loose senses would link filler words.
_PARTS_OF_SPEECH = frozenset({"N", "V", "VT", "VI", "VTI"})


@dataclass(frozen=True, eq=False)  # hashed by identity: one lexicon per process
class Bilingual:
    """English lemma <-> Hindi base forms, both ways."""

    hindi: Mapping[str, frozenset[str]] = field(default_factory=dict)  # en lemma -> hi forms
    english: Mapping[str, frozenset[str]] = field(default_factory=dict)  # hi form -> en lemmas

    def __bool__(self) -> bool:
        return bool(self.hindi)

    def keys_for(self, word: str) -> frozenset[str]:
        """What ``word`` may be written as in the other language, as matching keys (Latin
        letters): English lemmas for a Hindi word, transliterated Hindi base forms for an
        English word."""
        return _keys_for(self, word)

    def all_keys(self, word: str) -> frozenset[str]:
        """The keys ``word`` stands under in both languages: its own and its translations'."""
        return self.base_keys(word) | self.keys_for(word)

    def base_keys(self, word: str) -> frozenset[str]:
        """The keys ``word`` itself stands under: its English lemmas, or for a Hindi word the
        transliterations of its form and of its stems (नाविकों -> navik)."""
        return _base_keys(word)


def parse_freedict(text: str) -> Bilingual:
    """Read FreeDict's dictd text (``headword /ipa/ <POS>`` then ``1. हिंदी~शब्द, …``)."""
    hindi: dict[str, set[str]] = {}
    english: dict[str, set[str]] = {}
    headword: str | None = None
    for line in text.splitlines():
        if m := _HEADWORD.match(line):
            headword = m.group("word").casefold() if m.group("pos") in _PARTS_OF_SPEECH else None
            continue
        m = _SENSE.match(line.strip())
        if headword is None or m is None:
            continue
        for form in _hindi_forms(m.group("text")):
            english.setdefault(form, set()).add(headword)
            if int(m.group("n")) <= _SENSES:
                hindi.setdefault(headword, set()).add(form)
    return Bilingual(
        {k: frozenset(v) for k, v in hindi.items()},
        {k: frozenset(v) for k, v in english.items()},
    )


def _hindi_forms(sense: str) -> Iterable[str]:
    """The Hindi words a sense gives: single words, the noun of a light-verb compound
    (भेंट~देना -> भेंट), the head of a two-word phrase (समुद्र~तट -> समुद्र तट, तट), and the
    stem of a verb (डूबना -> डूब)."""
    for raw in _NOTE.sub("", sense).split(","):
        words = [fold_devanagari(w) for w in raw.strip().split("~") if w.strip()]
        if not words or len(words) > 3 or not all(_DEVANAGARI_WORD.match(w) for w in words):
            continue
        if len(words) > 1 and words[-1] in _LIGHT_VERBS:
            words = words[:-1]
        if len(words) == 1:
            word = words[0]
            yield word
            if word.endswith("ना") and len(word) > 3:
                yield word[:-2]
        elif len(words) == 2:
            yield " ".join(words)
            yield words[-1]


def _stems(word: str) -> list[str]:
    out = [word]
    for suffix in _HI_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            out.append(word[: -len(suffix)])
    return out


@lru_cache(maxsize=200_000)
def _base_keys(word: str) -> frozenset[str]:
    folded = fold_devanagari(word).casefold()
    if folded.isascii():
        from lemminflect import getAllLemmas  # 0.3 s to import: only when a lexicon is used

        lemmas = {lemma for forms in getAllLemmas(folded).values() for lemma in forms}
        return frozenset({folded, *lemmas})
    return frozenset(to_latin(s) for s in _stems(folded))


@lru_cache(maxsize=200_000)
def _keys_for(lex: Bilingual, word: str) -> frozenset[str]:
    folded = fold_devanagari(word).casefold()
    if folded.isascii():
        forms = {f for lemma in _base_keys(folded) for f in lex.hindi.get(lemma, ())}
        return frozenset(to_latin(f) for f in forms if " " not in f)
    return frozenset(e for s in _stems(folded) for e in lex.english.get(s, ()))
