"""Words that judge, from VADER's sentiment lexicon (the ``vaderSentiment`` package, MIT).

VADER rates 7,500 English words by how strongly they praise or blame (hero 2.6, worst -3.1,
injustice -2.7), rated by ten people each. Satyapan reads only the file: a quote that puts
such a word on someone with a plain "is" ("X is the real hero of the night") judges them,
it reports nothing. Read once per process and kept in ``SATYAPAN_HOME/cache``; when the
package is missing, no word is read as a judgement and the log says so.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path

from satyapan.cache import load_source

log = logging.getLogger(__name__)

CACHE_VERSION = "1"  # bump when _parse changes


@lru_cache(maxsize=1)
def valence() -> dict[str, float]:
    """VADER's words with their mean rating (-4 blame … +4 praise); empty without it."""
    spec = importlib.util.find_spec("vaderSentiment")  # (the file only: no import)
    if spec is None or not spec.submodule_search_locations:
        log.warning("valence: vaderSentiment is not installed; no word is read as judging")
        return {}
    folder = Path(next(iter(spec.submodule_search_locations)))
    return load_source(
        "valence",
        folder / "vader_lexicon.txt",
        CACHE_VERSION,
        _parse,
        dict,
        empty={},
        without="no word is read as judging",
        errors=(OSError, ValueError),
    )


def _parse(path: Path) -> dict[str, float]:
    """``word<TAB>mean<TAB>sd<TAB>[ratings]`` per line; single words only (no emoticons)."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        if word.isalpha():
            out[word.casefold()] = float(rest.split("\t", 1)[0])
    return out
