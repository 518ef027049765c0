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
