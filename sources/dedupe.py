"""Syndication: group copies of one wire story so that they count as one independent source."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence

SHINGLE_WORDS = 5
# Below this many shingles in the smaller text, containment is too easy to reach by a
# shared quote; such pairs are compared by Jaccard similarity instead.
MIN_SHINGLES_FOR_CONTAINMENT = 12

# Words: letters, digits and combining marks (Devanagari matras, virama, nukta), so that
# a Hindi word is not cut at its vowel signs; the danda (।, ॥) separates like punctuation.
_WORD = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0963\u0966-\u097f\u1ab0-\u1aff\u1dc0-\u1dff\ua8e0-\ua8ff])+"
)


def words(text: str) -> list[str]:
    """Case-folded NFC words of ``text``, in order (Hindi and English alike)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Every run of ``size`` consecutive words; a shorter text is its own single shingle."""
    tokens = words(text)
    if not tokens:
        return frozenset()
    if len(tokens) <= size:
        return frozenset({" ".join(tokens)})
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """0..1: containment of the smaller set in the larger (trimmed copies score high),
    or Jaccard when the smaller set is too small for containment to mean anything."""
    return _overlap(len(a & b), len(a), len(b))


def _overlap(common: int, size_a: int, size_b: int) -> float:
    if not size_a or not size_b:
        return 0.0
    smaller = min(size_a, size_b)
    if smaller >= MIN_SHINGLES_FOR_CONTAINMENT:
        return common / smaller
    return common / (size_a + size_b - common)


def group_syndicated(pages: Sequence[tuple[str, str]], *, threshold: float = 0.6) -> dict[str, str]:
    """Map each page key (URL) to its group key: the key of the group's first member.

    Pages whose word shingles overlap at least ``threshold`` (see ``similarity``) share a
    group, transitively. Deterministic: groups and their keys follow input order.
    """
    keys: list[str] = []
    sets: list[frozenset[str]] = []
    index_of: dict[str, int] = {}
    for key, text in pages:
        if key in index_of:  # a repeated key keeps its first text
            continue
        index_of[key] = len(keys)
        keys.append(key)
        sets.append(shingles(text))

    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        root_i, root_j = find(i), find(j)
        if root_i != root_j:  # the earlier page stays the root, so it names the group
            parent[max(root_i, root_j)] = min(root_i, root_j)

    # Only pairs that share a shingle can be similar: count them through an inverted index.
    # The shingles of one shared passage all list the same pages: each distinct list of
    # pages is expanded into its pairs once, weighted by how many shingles have it (on
    # 1,000 generated pages, 1,664 lists for 4.4 million shingle-pair increments).
    postings: dict[str, list[int]] = defaultdict(list)
    for i, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            postings[shingle].append(i)
    lists = Counter(tuple(pages_of) for pages_of in postings.values() if len(pages_of) > 1)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for pages_of, weight in lists.items():
        for at, i in enumerate(pages_of):
            for j in pages_of[at + 1 :]:
                shared[i, j] += weight
    for (i, j), common in shared.items():
        if _overlap(common, len(sets[i]), len(sets[j])) >= threshold:
            union(i, j)

    return {key: keys[find(index_of[key])] for key in keys}
