"""GeoNames' Indian towns: read from the installed package, kept in the cache, and used by
the entity finder to tell a town from a person's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.entities import find_entities
from claims.glossary import default_glossary
from satyapan import places


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    places.towns.cache_clear()
    return tmp_path / "home"


def test_the_installed_gazetteer_knows_indian_towns_by_their_latin_spellings() -> None:
    towns = places.towns()
    assert {"kozhikode", "calicut", "dewas", "itarsi", "pithoragarh"} <= towns
    assert "london" not in towns  # India's towns only
    assert all(len(t) >= places.MIN_LENGTH and t.isalpha() for t in towns)


def test_only_indian_latin_names_of_four_letters_or_more_are_read(tmp_path: Path) -> None:
    data = {
        "1": {"name": "Itārsi", "countrycode": "IN", "alternatenames": ["इटारसी", "Una"]},
        "2": {"name": "Lahore", "countrycode": "PK", "alternatenames": []},
    }
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert places._parse(path) == frozenset({"itarsi"})


def test_a_town_is_a_place_and_a_surname_stays_a_name() -> None:
    gloss = default_glossary().with_towns(frozenset({"kozhikode", "bhat"}))
    found = find_entities("The Kozhikode club won the cup on Sunday.", gloss)
    assert ("Kozhikode", "place") in [(e.text, e.kind) for e in found]
    # without the gazetteer it was a name
    plain = find_entities("The Kozhikode club won the cup on Sunday.", default_glossary())
    assert ("Kozhikode", "name") in [(e.text, e.kind) for e in plain]
    # a surname of someone the article named is no town, though GeoNames lists one
    earlier = {e.latin: e for e in find_entities("Coach Venkatesh Bhat spoke first.", gloss)}
    later = find_entities("Later, Bhat thanked the fans.", gloss, known=earlier)
    assert ("Bhat", "place") not in [(e.text, e.kind) for e in later]
