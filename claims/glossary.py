"""The bilingual news glossary: English and Hindi word forms mapped to shared concept ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files

from claims.bilingual import Bilingual
from claims.text import fold_devanagari

_EN_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s")
_HI_SUFFIXES = ("ियों", "ाओं", "ों", "ें", "ीं", "ी", "े", "ा")
# How strongly a word must praise or blame to be read as a judgement (VADER rates -4 … +4).
JUDGING = 1.5


@dataclass(frozen=True, eq=False)  # hashed by identity: a glossary is built once and shared
class Glossary:
    """Word form -> concept ids. Forms are stored folded (nukta dropped, lower case)."""

    forms: dict[str, frozenset[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # concept -> action/thing/role/place/time
    english: dict[str, str] = field(default_factory=dict)  # concept -> its first English form
    # A general English-Hindi lexicon under the glossary (set at the edge, may be empty).
    bilingual: Bilingual = field(default_factory=Bilingual)
    # Action -> the actions that say the opposite of it (acquit / convict), from a
    # thesaurus's antonyms (set at the edge, may be empty).
    contrary: dict[str, frozenset[str]] = field(default_factory=dict)
    # Towns a gazetteer knows, as folded Latin spellings (set at the edge, may be empty).
    towns: frozenset[str] = frozenset()
    # English phrasal verbs -> the one action their most frequent sense is ("turn down" ->
    # refuse), from a thesaurus (set at the edge, may be empty).
    phrasal: dict[str, frozenset[str]] = field(default_factory=dict)
    # English words rated by how strongly they praise or blame (hero 2.6, worst -3.1), from a
    # sentiment lexicon (set at the edge, may be empty).
    valence: dict[str, float] = field(default_factory=dict)
    # English nouns whose most frequent sense names a person (child, passenger), from a
    # thesaurus (set at the edge, may be empty).
    persons: frozenset[str] = frozenset()
    # Words already looked up (news repeats its words): not part of the glossary's value.
    _seen: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _bases: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _lemmas: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _actions: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def parse(cls, text: str) -> Glossary:
        """Read the TSV format: concept, English forms, Hindi forms (| between forms)."""
        forms: dict[str, set[str]] = {}
        kinds: dict[str, str] = {}
        english: dict[str, str] = {}
        kind = "thing"
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("@"):
                kind = line[1:].strip()
                if not kind or "\t" in kind:
                    raise ValueError(f"glossary line {lineno}: '@' must be followed by a kind")
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 3 or not cols[0].strip():
                raise ValueError(f"glossary line {lineno}: expected 3 tab-separated columns")
            concept = cols[0].strip()
            kinds[concept] = kind
            first = cols[1].split("|")[0].strip()
            if first:
                english.setdefault(concept, first.casefold())
            for form in re.split(r"\|", cols[1] + "|" + cols[2]):
                key = _key(form)
                if key:
                    forms.setdefault(key, set()).add(concept)
        return cls({k: frozenset(v) for k, v in forms.items()}, kinds, english)

    def merge(self, other: Glossary) -> Glossary:
        merged = {k: set(v) for k, v in self.forms.items()}
        for k, v in other.forms.items():
            merged.setdefault(k, set()).update(v)
        return Glossary(
            {k: frozenset(v) for k, v in merged.items()},
            {**self.kinds, **other.kinds},
            {**self.english, **other.english},
            self.bilingual or other.bilingual,
            towns=self.towns | other.towns,
            # (lexicons of words, not of the glossary's forms, carry over; the antonyms and
            # phrasal verbs, read against the forms, are made again by the caller)
            valence=self.valence or other.valence,
            persons=self.persons | other.persons,
        )

    def with_bilingual(self, lexicon: Bilingual) -> Glossary:
        """The same glossary over a general bilingual lexicon."""
        return replace(self, bilingual=lexicon)

    def with_towns(self, towns: frozenset[str]) -> Glossary:
        """The same glossary knowing these towns (folded Latin spellings) as places."""
        return replace(self, towns=towns)

    def with_persons(self, persons: Iterable[str]) -> Glossary:
        """The same glossary knowing which nouns name people."""
        return replace(self, persons=frozenset(w.casefold() for w in persons))

    def with_valence(self, valence: Mapping[str, float]) -> Glossary:
        """The same glossary knowing how strongly English words praise or blame."""
        return replace(self, valence={w.casefold(): v for w, v in valence.items()})

    def judges(self, *forms: str, strength: float = JUDGING) -> bool:
        """Does any of these forms of one word (its text, its lemma) praise or blame with
        at least ``strength`` either way (by default strongly: hero, calmest, injustice;
        not accused -1.2 or stable 1.2)?"""
        return any(abs(self.valence.get(f.casefold(), 0.0)) >= strength for f in forms)

    def with_phrasal(self, phrasal: Mapping[str, Sequence[str]]) -> Glossary:
        """The same glossary reading English phrasal verbs as actions: a phrase whose
        synonyms (its most frequent sense's one-word ones, from a thesaurus) are forms of
        exactly one action ("turn down": refuse, reject, decline -> refuse)."""
        found: dict[str, frozenset[str]] = {}
        for phrase, synonyms in phrasal.items():
            actions = {
                c
                for w in synonyms
                for c in self.forms.get(_key(w), ())
                if self.kinds.get(c) == "action"
            }
            if len(actions) == 1:
                found[phrase] = frozenset(actions)
        return replace(self, phrasal=found)

    def phrase_action(self, verb: str, particle: str) -> frozenset[str]:
        """The action of an English verb and the particle after it ("turned down",
        "was put off"), or nothing."""
        if not self.phrasal or not verb.isascii() or not particle.isascii():
            return frozenset()
        lemma = _base(_key(verb))[0]
        return self.phrasal.get(f"{lemma} {particle.casefold()}", frozenset())

    def with_antonyms(self, antonyms: Iterable[tuple[str, str]]) -> Glossary:
        """The same glossary, its actions told opposite when a thesaurus gives their head
        words as antonyms (acquit / convict, increase / decrease). Two actions that share a
        form are never opposites (win and lose both hold "defeated")."""
        pairs = {(a.casefold(), b.casefold()) for a, b in antonyms}
        forms: dict[str, set[str]] = {}
        for form, concepts in self.forms.items():
            for c in concepts:
                forms.setdefault(c, set()).add(form)
        actions = [c for c, kind in self.kinds.items() if kind == "action" and c in self.english]
        contrary: dict[str, set[str]] = {}
        for a in actions:
            for b in actions:
                if (
                    a != b
                    and (self.english[a], self.english[b]) in pairs
                    and not forms.get(a, set()) & forms.get(b, set())
                ):
                    contrary.setdefault(a, set()).add(b)
                    contrary.setdefault(b, set()).add(a)
        return replace(self, contrary={c: frozenset(v) for c, v in contrary.items()})

    def concepts(self, word: str) -> frozenset[str]:
        """Concepts of one word, trying its inflected form, then light suffix stripping."""
        hit = self._seen.get(word)
        if hit is None:
            hit = self._seen[word] = self._concepts(word)
        return hit

    def _concepts(self, word: str) -> frozenset[str]:
        key = _key(word)
        hit = self.forms.get(key)
        if hit:
            return hit
        for suffix in _EN_SUFFIXES if key.isascii() else _HI_SUFFIXES:
            # (-ों marks only a noun's oblique plural, so a two-letter stem is safe: मतों)
            shortest = 2 if suffix == "ों" else 3
            if key.endswith(suffix) and len(key) - len(suffix) >= shortest:
                stem = key[: -len(suffix)]
                for candidate in _stems(stem) if key.isascii() else (stem,):
                    if hit := self.forms.get(candidate):
                        return hit
        # The conjunctive participle (हराकर, बचाकर: "having defeated") is its verb's stem.
        if (
            not key.isascii()
            and key.endswith(_KAR)
            and len(key) - len(_KAR) >= 2
            and (hit := self.concepts(key[: -len(_KAR)]))
        ):
            return hit
        return self._by_base().get(_base(key)[0], frozenset()) if len(key) >= 3 else frozenset()

    def translated_action(self, word: str) -> frozenset[str]:
        """The actions of ``word``; for a Hindi word the glossary lacks, the one action it
        translates to in the general lexicon (टाल -> defer -> postpone), or nothing when
        its English senses name none or several (a lexicon lists every sense; only an
        unambiguous one is taken). Not part of :meth:`concepts`: read everywhere, the
        lexicon's senses cost more than they found (measured); asked only where an action
        is looked for beside a known party or object."""
        if own := self.actions(word):
            return own
        key = _key(word)
        if key.isascii() or not self.bilingual:
            return frozenset()
        lemmas = self._action_lemmas()
        actions = {
            c
            for e in self.bilingual.keys_for(key)
            if " " not in e
            for c in lemmas.get(_base(_key(e))[0], ())
        }
        return frozenset(actions) if len(actions) == 1 else frozenset()

    def _action_lemmas(self) -> dict[str, frozenset[str]]:
        """Actions by the lemma of each of their English forms (deferred -> defer)."""
        if not self._lemmas and self.forms:
            lemmas: dict[str, set[str]] = {}
            for form, concepts in self.forms.items():
                if form.isascii() and " " not in form:
                    for c in concepts:
                        if self.kinds.get(c) == "action":
                            lemmas.setdefault(_base(form)[0], set()).add(c)
            self._lemmas.update({k: frozenset(v) for k, v in lemmas.items()})
        return self._lemmas

    def _by_base(self) -> dict[str, frozenset[str]]:
        """Concepts by the base of their forms: English lemmas (injuries -> injury, searches
        -> search) and Hindi verb stems (हराया -> हरा, बचाया -> बचा), so that any inflection
        of a form finds its concept (injury, searched, हरा दिया, बचा लिया)."""
        if not self._bases and self.forms:
            # A verb's lemma stands for a concept only when two of its forms share it
            # (raids, raided -> raid), so that "added" (say) does not make "add" a saying;
            # a noun's lemma always does (injuries -> injury).
            votes: dict[tuple[str, str], int] = {}
            for form, concepts in self.forms.items():
                if " " in form:
                    continue
                base, noun = _base(form)
                for c in concepts:
                    votes[(base, c)] = votes.get((base, c), 0) + (2 if noun else 1)
            bases: dict[str, set[str]] = {}
            for (base, concept), n in votes.items():
                if base and n >= 2:
                    bases.setdefault(base, set()).add(concept)
            self._bases.update({b: frozenset(c) for b, c in bases.items()})
        return self._bases

    def actions(self, word: str) -> frozenset[str]:
        """Concepts of ``word`` that are actions (the predicates of news)."""
        hit = self._actions.get(word)
        if hit is None:
            hit = self._actions[word] = frozenset(
                c for c in self.concepts(word) if self.kinds.get(c) == "action"
            )
        return hit

    def kind(self, concept: str) -> str:
        return self.kinds.get(concept, "thing")


def _stems(stem: str) -> tuple[str, ...]:
    """English stems to try once a suffix is off: as is, with e (rescu-ed -> rescue), with
    y (countr-ies -> country), undoubled (stopp-ed -> stop)."""
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return (stem, stem + "e", stem + "y", stem[:-1])
    return (stem, stem + "e", stem + "y")


_KAR = fold_devanagari("कर")
_HI_VERB_ENDINGS = tuple(fold_devanagari(e) for e in ("या", "ये", "यी", "यीं", "ा", "े", "ी"))


@lru_cache(maxsize=65_536)
def _base(word: str) -> tuple[str, bool]:
    """An English word's lemma (lemminflect; True when it is a noun's, whose lemma keeps its
    sense) or a Hindi perfective's stem (हराया -> हरा, True); other Hindi words are their own
    base."""
    if word.isascii():
        from lemminflect import getAllLemmas  # imported only when a base is needed

        found = getAllLemmas(word)
        if nouns := found.get("NOUN"):
            return nouns[0], True
        lemmas = sorted({lemma for forms in found.values() for lemma in forms})
        return (lemmas[0] if lemmas else word), False
    for ending in _HI_VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)], True  # a Hindi stem keeps its verb's sense
    return word, False


def _key(form: str) -> str:
    return fold_devanagari(form.strip()).casefold()


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The glossary shipped with Satyapan: every ``claims/data/*.tsv`` (read once)."""
    merged = Glossary()
    data = files("claims").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".tsv"):
            merged = merged.merge(Glossary.parse(entry.read_text("utf-8")))
    return merged
