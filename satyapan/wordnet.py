"""WordNet's antonyms as installed on this machine (Debian ``wordnet-base``).

Read once per process (the parsed pairs are kept in ``SATYAPAN_HOME/cache``); when WordNet
is missing, no two actions are told opposite and the log says so.
"""

from __future__ import annotations

from functools import lru_cache

from claims.thesaurus import parse_antonyms, parse_persons, parse_phrasal
from satyapan.cache import load_source
from satyapan.settings import Settings

CACHE_VERSION = "2"  # bump when parse_antonyms or parse_phrasal changes


@lru_cache(maxsize=1)
def antonyms() -> frozenset[tuple[str, str]]:
    """WordNet's verb antonyms (acquit / convict, increase / decrease); empty when WordNet is
    not installed."""
    return load_source(
        "wordnet-antonyms",
        Settings().wordnet / "data.verb",
        CACHE_VERSION,
        lambda path: parse_antonyms(path.read_text(encoding="latin-1")),
        frozenset,
        empty=frozenset(),
        without="no actions are told opposite",
    )


@lru_cache(maxsize=1)
def phrasal_verbs() -> dict[str, tuple[str, ...]]:
    """WordNet's phrasal verbs with the one-word synonyms of their most frequent sense
    ("turn down" -> refuse, reject, decline …); empty when WordNet is not installed."""
    folder = Settings().wordnet
    return load_source(
        "wordnet-phrasal",
        folder / "index.verb",
        CACHE_VERSION,
        lambda path: parse_phrasal(
            path.read_text(encoding="latin-1"),
            (folder / "data.verb").read_text(encoding="latin-1"),
        ),
        dict,
        empty={},
        without="no phrasal verb is read as an action",
    )


@lru_cache(maxsize=1)
def persons() -> frozenset[str]:
    """WordNet's nouns whose most frequent sense names a person (child, passenger, patient);
    empty when WordNet is not installed."""
    folder = Settings().wordnet
    return load_source(
        "wordnet-persons",
        folder / "index.noun",
        CACHE_VERSION,
        lambda path: parse_persons(
            path.read_text(encoding="latin-1"),
            (folder / "data.noun").read_text(encoding="latin-1"),
        ),
        frozenset,
        empty=frozenset(),
        without="only people and persons are counted as people",
    )
