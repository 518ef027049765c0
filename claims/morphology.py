"""Words with their readings (lemma, part of speech, features) from a morphological analyser.

The analyser itself (Apertium's ``lt-proc`` for Hindi and English, run at the edge by
``satyapan.apertium``) is passed in as a :class:`Morphology`; this module only escapes its
input, reads its stream format and answers questions about the readings, so it stays pure.
Offsets always point into the analysed text, as spaCy's ``token.idx`` does.

Stream format: ``^surface/lemma<tag><tag>/lemma<tag>$`` per lexical unit, ``^surface/*surface$``
for an unknown word; a multiword unit keeps its spaces (``^मुलाकात की/मुलाकात कर<vblex>…$``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, Protocol, TypeVar, overload

# Parts of speech that make a verb, and the features that make a verb finite (it has tense,
# aspect or mood of its own: कहा, गया, था, होगा, said, was, took), as Apertium tags them.
VERB_TAGS = frozenset({"vblex", "vbser", "vaux", "vbhaver", "vbdo", "vbmod"})
FINITE_TAGS = frozenset({"past", "pres", "pri", "perf", "impf", "fut", "prs", "pii", "ifi"})
# Proper nouns: anthroponyms, surnames, toponyms, organisations.
PROPER_TAGS = frozenset({"np"})
# Modals of possibility and obligation (could, may, might, should, would; सकना): a clause
# built on one says what may be, not what was.
HEDGING_LEMMAS = frozenset({"may", "might", "should", "would", "could", "सक"})
# Verbs of belief and expectation: "experts believe …", "का मानना है …", "analysts expect …"
# frame what follows as a view, not a fact.
ATTITUDE_LEMMAS = frozenset(
    {"believe", "expect", "think", "feel", "hope", "seem", "fear", "मान", "लग", "सोच"}
)

_UNIT = re.compile(r"\^((?:\\.|[^$\\])*)\$")
_SLASH = re.compile(r"(?<!\\)/")
_ESCAPED = re.compile(r"\\(.)")
_SPECIAL = re.compile(r"([\\^$/@<>{}\[\]])")


T = TypeVar("T")


class _once(Generic[T]):  # noqa: N801 - used as a decorator, like cached_property
    """``functools.cached_property`` without its lock (Python 3.11 takes a lock on every
    first read, a third of the cost of reading a word's grammar): computed once per word,
    then read from the instance's ``__dict__``."""

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, cls: type | None = None) -> _once[T]: ...
    @overload
    def __get__(self, obj: object, cls: type | None = None) -> T: ...
    def __get__(self, obj: object | None, cls: type | None = None) -> T | _once[T]:
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class Reading:
    """One analysis of a word: its lemma and tags (``कह`` + vblex, tv, perf, m, sg)."""

    lemma: str
    tags: tuple[str, ...]

    @property
    def pos(self) -> str:
        return self.tags[0] if self.tags else ""


@dataclass(frozen=True)
class Word:
    """A word (or multiword unit) of the analysed text, with every reading the analyser gave."""

    text: str
    start: int
    end: int
    readings: tuple[Reading, ...] = ()

    @_once  # a word is asked the same questions by many rules
    def known(self) -> bool:
        """False for words the analyser's dictionary lacks: mostly names and loanwords."""
        return bool(self.readings)

    def has(self, tag: str) -> bool:
        return any(tag in r.tags for r in self.readings)

    @_once
    def is_verb(self) -> bool:
        return any(r.pos in VERB_TAGS for r in self.readings)

    @_once
    def is_finite_verb(self) -> bool:
        """A verb with a tense, aspect or mood of its own (not an infinitive or a stem)."""
        return any(r.pos in VERB_TAGS and FINITE_TAGS & set(r.tags) for r in self.readings)

    @_once
    def is_proper(self) -> bool:
        return any(r.pos in PROPER_TAGS for r in self.readings)

    @_once
    def is_noun_only(self) -> bool:
        return bool(self.readings) and all(r.pos in ("n", "np") for r in self.readings)

    @_once
    def is_hedge(self) -> bool:
        """A modal of possibility or obligation (could, may, might, should, would; सकना;
        चाहिए, which the analyser reads as the formal imperative of चाहना)."""
        return any(
            r.lemma.casefold() in HEDGING_LEMMAS
            or (r.lemma == "can" and "past" in r.tags)
            or (r.lemma == "चाह" and "imp" in r.tags)
            for r in self.readings
            if r.pos in VERB_TAGS
        )

    @_once
    def is_attitude(self) -> bool:
        """A verb or verbal noun of belief or expectation (believe, expect, मानना)."""
        return any(
            r.lemma.casefold() in ATTITUDE_LEMMAS and (r.pos in VERB_TAGS or r.pos == "n")
            for r in self.readings
        )

    @_once
    def is_number(self) -> bool:
        return any(r.pos == "num" for r in self.readings)


class Morphology(Protocol):
    """Anything that analyses many texts of one language at once (one call per batch)."""

    def analyse(self, texts: Sequence[str], language: str) -> list[tuple[Word, ...]]: ...


class NoMorphology:
    """The stand-in when no analyser is installed: no words, so every rule that reads
    readings is silent and the rules that read the text alone decide."""

    def analyse(self, texts: Sequence[str], language: str) -> list[tuple[Word, ...]]:
        return [() for _ in texts]


def escape(text: str) -> str:
    """Text as an Apertium stream: its reserved characters escaped, NUL (the batch
    separator) and other control characters turned into spaces."""
    cleaned = "".join(" " if (c < " " and c not in "\n\t") or c == "\x7f" else c for c in text)
    return _SPECIAL.sub(r"\\\1", cleaned)


def _unescape(s: str) -> str:
    return _ESCAPED.sub(r"\1", s) if "\\" in s else s


def parse_stream(stream: str) -> list[tuple[str, tuple[Reading, ...]]]:
    """The lexical units of one analysed text: (surface, readings); readings are empty for
    unknown words. Malformed pieces are skipped, never raised on."""
    return [_parse_unit(m.group(1)) for m in _UNIT.finditer(stream)]


@lru_cache(maxsize=65536)
def _parse_unit(body: str) -> tuple[str, tuple[Reading, ...]]:
    """One ``surface/lemma<tags>/…`` unit (news repeats its words: each is parsed once)."""
    parts = _SLASH.split(body)
    readings: list[Reading] = []
    for part in parts[1:]:
        if part.startswith("*") or not part:
            continue
        lemma, _, rest = part.partition("<")
        # A multiword's particle follows its tags: take<vblex><pres># on is "take on".
        rest, _, particle = rest.rpartition(">")
        tags = tuple(t for t in rest.replace(">", "").split("<") if t)
        if particle.startswith("#") and particle[1:].strip():
            lemma = f"{lemma} {particle[1:].strip()}"
        readings.append(Reading(_unescape(lemma), tags))
    return _unescape(parts[0]), tuple(readings)


def align(text: str, units: Sequence[tuple[str, tuple[Reading, ...]]]) -> tuple[Word, ...]:
    """Words with offsets into ``text``: each unit's surface is looked for after the previous
    one (a unit the analyser changed, or one not found within reach, is dropped)."""
    words: list[Word] = []
    pos = 0
    for surface, readings in units:
        if not surface.strip():
            continue
        at = text.find(surface, pos, pos + len(surface) + 400)
        if at < 0:
            continue
        words.append(Word(surface, at, at + len(surface), readings))
        pos = at + len(surface)
    return tuple(words)


def words_in(words: Sequence[Word], start: int, end: int) -> tuple[Word, ...]:
    """The words that lie inside ``[start, end)``."""
    return tuple(w for w in words if w.start >= start and w.end <= end)


def shift(words: Sequence[Word], offset: int) -> tuple[Word, ...]:
    """The same words with offsets moved by ``offset`` (a sentence's words into the article)."""
    return tuple(Word(w.text, w.start + offset, w.end + offset, w.readings) for w in words)
