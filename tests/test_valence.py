"""VADER's sentiment lexicon: read from the installed package (the file only), kept in the
cache, and absent without harm."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from claims.glossary import default_glossary
from satyapan import valence


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    valence.valence.cache_clear()
    yield tmp_path / "home"
    valence.valence.cache_clear()


def test_the_installed_lexicon_rates_words_of_praise_and_blame() -> None:
    rated = valence.valence()
    assert len(rated) > 7000
    assert rated["hero"] > 1.5 and rated["injustice"] < -1.5
    assert "tall" not in rated  # a measure, not a judgement
    gloss = default_glossary().with_valence(rated)
    assert gloss.judges("hero") and gloss.judges("worst")
    assert not gloss.judges("accused") and not gloss.judges("building")
    assert gloss.judges("fine", strength=0.5) and not gloss.judges("fine")


def test_only_single_words_are_read(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.txt"
    path.write_text("hero\t2.6\t0.5\t[2, 3]\n:-)\t1.5\t0.3\t[1]\nno doubt\t1.0\t0.1\t[1]\n")
    assert valence._parse(path) == {"hero": 2.6}


def test_without_the_package_nothing_judges(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "vaderSentiment" else real(name, *a),
    )
    with caplog.at_level(logging.WARNING, logger="satyapan.valence"):
        assert valence.valence() == {}
    assert "vaderSentiment is not installed" in caplog.text
