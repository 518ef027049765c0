"""The bilingual lexicon as installed on this machine (Debian ``dict-freedict-eng-hin``).

Read once per process; when the dictionary is missing, matching goes on without it (names,
numbers, transliteration and the glossary still link the languages) and the log says so.
"""

from __future__ import annotations

import gzip
import logging
from functools import lru_cache
from pathlib import Path

from claims.bilingual import Bilingual, parse_freedict
from satyapan.settings import Settings

log = logging.getLogger(__name__)
FREEDICT: Path = Settings.model_fields["freedict"].default  # the Debian package's path


@lru_cache(maxsize=1)
def bilingual() -> Bilingual:
    """FreeDict's English-Hindi dictionary, inverted; empty when it is not installed."""
    path = Settings().freedict
    try:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            return parse_freedict(fh.read())
    except (OSError, EOFError) as exc:
        log.warning("lexicon: %s not read (%s); matching runs without it", path, exc)
        return Bilingual()
