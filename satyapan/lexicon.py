"""The bilingual lexicon as installed on this machine (Debian ``dict-freedict-eng-hin``).

Read once per process; when the dictionary is missing, matching goes on without it (names,
numbers, transliteration and the glossary still link the languages) and the log says so.
The parsed, inverted lexicon is kept in ``SATYAPAN_HOME/cache`` (keyed by the dictionary's
path, size and time, and the parser's version): loading it takes 15 ms, parsing 340.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from claims.bilingual import Bilingual, parse_freedict
from satyapan.cache import load_source
from satyapan.settings import Settings

FREEDICT: Path = Settings.model_fields["freedict"].default  # the Debian package's path


CACHE_VERSION = "1"  # bump when parse_freedict, Bilingual or fold_devanagari changes


@lru_cache(maxsize=1)
def bilingual() -> Bilingual:
    """FreeDict's English-Hindi dictionary, inverted; empty when it is not installed."""
    return load_source(
        "freedict",
        Settings().freedict,
        CACHE_VERSION,
        _parse,
        Bilingual,
        empty=Bilingual(),
        without="matching runs without it",
        errors=(OSError, EOFError),
    )


def _parse(path: Path) -> Bilingual:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        return parse_freedict(fh.read())
