"""WordNet's antonyms as installed on this machine (Debian ``wordnet-base``).

Read once per process (the parsed pairs are kept in ``SATYAPAN_HOME/cache``); when WordNet
is missing, no two actions are told opposite and the log says so.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from claims.thesaurus import parse_antonyms
from satyapan.cache import load_or_build, source_key
from satyapan.settings import Settings

log = logging.getLogger(__name__)

CACHE_VERSION = "1"  # bump when parse_antonyms changes


@lru_cache(maxsize=1)
def antonyms() -> frozenset[tuple[str, str]]:
    """WordNet's verb antonyms (acquit / convict, increase / decrease); empty when WordNet is
    not installed."""
    path = Settings().wordnet / "data.verb"
    try:
        key = source_key(path, CACHE_VERSION)
        return load_or_build(
            "wordnet-antonyms",
            key,
            lambda: parse_antonyms(path.read_text(encoding="latin-1")),
            frozenset,
        )
    except OSError as exc:
        log.warning("wordnet: %s not read (%s); no actions are told opposite", path, exc)
        return frozenset()
