"""WordNet as installed on this machine (Debian ``wordnet-base``): its verb antonyms, its
phrasal verbs and its nouns of people.

Read once per process (what is parsed is kept in ``SATYAPAN_HOME/cache``); when WordNet is
missing, no two actions are told opposite, no phrasal verb is an action, only "people" and
"person" count people, and the log says so.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from claims.thesaurus import parse_antonyms, parse_persons, parse_phrasal
from satyapan.cache import load_source
from satyapan.settings import Settings

T = TypeVar("T")

CACHE_VERSION = "2"  # bump when a parser of claims.thesaurus changes


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
    return _index_and_data(
        "phrasal", "verb", parse_phrasal, dict, {}, "no phrasal verb is read as an action"
    )


@lru_cache(maxsize=1)
def persons() -> frozenset[str]:
    """WordNet's nouns whose most frequent sense names a person (child, passenger, patient);
    empty when WordNet is not installed."""
    return _index_and_data(
        "persons",
        "noun",
        parse_persons,
        frozenset,
        frozenset(),
        "only people and persons are counted as people",
    )


def _index_and_data(
    name: str,
    pos: str,
    parse: Callable[[str, str], T],
    kind: type[Any],
    empty: T,
    without: str,
) -> T:
    """What ``parse`` reads from WordNet's index and data files of one part of speech
    (``index.verb`` and ``data.verb``), cached under wordnet-NAME."""
    folder = Settings().wordnet
    return load_source(
        f"wordnet-{name}",
        folder / f"index.{pos}",
        CACHE_VERSION,
        lambda path: parse(
            path.read_text(encoding="latin-1"),
            (folder / f"data.{pos}").read_text(encoding="latin-1"),
        ),
        kind,
        empty=empty,
        without=without,
    )
