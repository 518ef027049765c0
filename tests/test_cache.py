"""The cache of parsed language data: reused while its source is unchanged, rebuilt when the
source changes or the cache file is damaged, and never fatal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from satyapan.cache import PackedLemmas, cache_dir, load_or_build, prime_lemminflect, source_key


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_built_once_then_loaded_until_the_source_changes(tmp_path: Path) -> None:
    source = tmp_path / "lexicon.txt"
    source.write_text("a b c", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"words": len(source.read_text(encoding="utf-8").split())}

    assert load_or_build("lex", source_key(source), build, dict) == {"words": 3}
    assert load_or_build("lex", source_key(source), build, dict) == {"words": 3}
    assert len(builds) == 1
    source.write_text("a b c d", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # a different time and size: a different key
    assert load_or_build("lex", source_key(source), build, dict) == {"words": 4}
    assert len(builds) == 2
    # the cache of the older source is gone; another name's is not
    load_or_build("lex-other", "k", lambda: {"v": 1}, dict)
    assert len(list(cache_dir().glob("lex-*.pickle"))) == 2


def test_a_damaged_or_foreign_cache_file_is_rebuilt(tmp_path: Path) -> None:
    key = "k"
    load_or_build("x", key, lambda: {"v": 1}, dict)
    (cached,) = cache_dir().glob("x-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert load_or_build("x", key, lambda: {"v": 2}, dict) == {"v": 2}
    assert load_or_build("x", key, lambda: ["wrong type"], dict) == {"v": 2}  # from cache
    cached.write_bytes(b"\x80\x05]\x94.")  # a pickled list: not the kind asked for
    assert load_or_build("x", key, lambda: {"v": 3}, dict) == {"v": 3}


def test_a_home_that_cannot_be_written_costs_only_the_build(home: Path) -> None:
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("a file where the folder should be", encoding="utf-8")
    assert load_or_build("y", "k", lambda: {"v": 1}, dict) == {"v": 1}
    assert load_or_build("y", "k", lambda: {"v": 2}, dict) == {"v": 2}  # nothing cached


def test_the_packed_lemma_table_answers_as_lemminflect_parsed_it() -> None:
    from lemminflect import config
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    table = LemmaLUCodec.load(config.lemma_lu_fn)
    packed = PackedLemmas(table)
    assert all(packed.get(word, {}) == forms for word, forms in table.items())
    assert packed.get("no-such-word-here", {}) == {}
    assert load_or_build("packed", "k", lambda: packed, PackedLemmas).packed == packed.packed
    assert load_or_build("packed", "k", lambda: PackedLemmas({}), PackedLemmas).get("wickets")


def test_lemminflect_reads_the_packed_table() -> None:
    from lemminflect import getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    prime_lemminflect()
    assert isinstance(Lemmatizer().lemma_dict, PackedLemmas)
    assert getAllLemmas("wickets") == {"NOUN": ("wicket",)}
    assert getAllLemmas("killed") == {"VERB": ("kill",)}
    assert getAllLemmas("'d") == {"AUX": ("will", "have"), "VERB": ("will", "have")}


def test_wordnet_antonyms_are_read_from_the_configured_folder_or_are_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from satyapan import wordnet

    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    folder = tmp_path / "wn"
    folder.mkdir()
    (folder / "data.verb").write_text(
        "00906037 32 v 01 convict 0 001 ! 00906367 v 0101 00 | find guilty\n"
        "00906367 32 v 01 acquit 0 001 ! 00906037 v 0101 00 | pronounce not guilty\n",
        encoding="latin-1",
    )
    monkeypatch.setenv("SATYAPAN_WORDNET", str(folder))
    wordnet.antonyms.cache_clear()
    try:
        assert ("acquit", "convict") in wordnet.antonyms()
        wordnet.antonyms.cache_clear()
        monkeypatch.setenv("SATYAPAN_WORDNET", str(tmp_path / "missing"))
        assert wordnet.antonyms() == frozenset()  # logged; matching goes on
    finally:
        wordnet.antonyms.cache_clear()
