"""Antonyms from WordNet's database files (the text of ``data.verb`` and the like).

Pure parsing: the files are read at the edge (``satyapan.wordnet``). A synset line is
``offset lex_filenum ss_type w_cnt word lex_id … p_cnt pointer…``, each pointer being
``symbol offset pos source/target``; an antonym (``!``) is lexical: its source/target field
names the word of this synset and the word of the target synset, in hex.
"""

from __future__ import annotations


def parse_antonyms(data: str) -> frozenset[tuple[str, str]]:
    """Every (word, antonym) pair of one WordNet data file, both ways, lower case, with
    spaces for WordNet's underscores."""
    words: dict[str, list[str]] = {}
    pointers: list[tuple[str, str, int, int]] = []  # (offset, target offset, source, target)
    for line in data.splitlines():
        if not line or line[0] == " ":
            continue  # the licence at the top of the file
        fields = line.split(" | ", 1)[0].split()
        try:
            count = int(fields[3], 16)
            words[fields[0]] = [
                fields[4 + 2 * i].split("(")[0].replace("_", " ").casefold() for i in range(count)
            ]
            at = 4 + 2 * count
            for k in range(int(fields[at])):
                symbol, target, _pos, ends = fields[at + 1 + 4 * k : at + 5 + 4 * k]
                if symbol == "!":
                    pointers.append((fields[0], target, int(ends[:2], 16), int(ends[2:], 16)))
        except (IndexError, ValueError):
            continue  # a malformed line is skipped, not fatal
    pairs: set[tuple[str, str]] = set()
    for offset, target, source, other in pointers:
        ours, theirs = words.get(offset, []), words.get(target, [])
        if 0 < source <= len(ours) and 0 < other <= len(theirs):
            pairs.add((ours[source - 1], theirs[other - 1]))
            pairs.add((theirs[other - 1], ours[source - 1]))
    return frozenset(pairs)


# The particles of English phrasal verbs ("turn down", "put off", "call off").
PARTICLES = frozenset("up down off out over aside back away in on through".split())


def parse_phrasal(index: str, data: str) -> dict[str, tuple[str, ...]]:
    """Each phrasal verb of WordNet's verb index ("turn down": the text of ``index.verb``)
    with the one-word synonyms of its most frequent sense (the index lists a word's senses
    by frequency; the text of ``data.verb`` holds their words): "turn down" -> ("refuse",
    "reject", "decline" …); "put off" -> ("postpone", "defer", "table" …)."""
    first: dict[str, list[str]] = {}
    for line in index.splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split()
        lemma = fields[0]
        parts = lemma.split("_")
        if len(parts) != 2 or parts[1] not in PARTICLES:
            continue
        try:
            count = int(fields[2])
        except (IndexError, ValueError):
            continue
        if count and len(fields) >= count:
            first.setdefault(fields[-count], []).append(lemma.replace("_", " "))
    phrasal: dict[str, tuple[str, ...]] = {}
    for line in data.splitlines():
        if not line or line[0] == " " or line[:8] not in first:
            continue
        fields = line.split(" | ", 1)[0].split()
        try:
            n = int(fields[3], 16)
            words = [fields[4 + 2 * i].split("(")[0].casefold() for i in range(n)]
        except (IndexError, ValueError):
            continue
        for phrase in first[fields[0]]:
            phrasal[phrase] = tuple(w for w in words if "_" not in w)
    return phrasal


# WordNet's lexicographer file of nouns that name people (noun.person).
_NOUN_PERSON = 18


def parse_persons(index: str, data: str) -> frozenset[str]:
    """The one-word nouns whose most frequent sense names a person (WordNet's lexicographer
    file noun.person; the text of ``index.noun`` lists a word's senses by frequency, the text
    of ``data.noun`` holds each synset's file): child, passenger, patient, devotee — not
    case, people (a group) or sample."""
    files: dict[str, int] = {}
    for line in data.splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split(maxsplit=2)
        if len(fields) >= 2 and fields[1].isdigit():
            files[fields[0]] = int(fields[1])
    out: set[str] = set()
    for line in index.splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split()
        lemma = fields[0]
        if "_" in lemma or not lemma.isalpha():
            continue
        try:
            senses = int(fields[2])
        except (IndexError, ValueError):
            continue
        offsets = fields[-senses:] if senses else []
        if offsets and files.get(offsets[0]) == _NOUN_PERSON:
            out.add(lemma.casefold())
    return frozenset(out)
