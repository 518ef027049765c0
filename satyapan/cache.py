"""Parsed language data kept between runs in ``SATYAPAN_HOME/cache``.

Each command is a new process, and some data takes far longer to parse than to load once
parsed: the FreeDict lexicon (0.34 s) and lemminflect's lemma table (0.48 s).
``load_or_build`` keeps the parsed object as a pickle named by a key of
its source (path, size, time, library version); a missing, stale or unreadable cache is
rebuilt, and a home that cannot be written costs only the parse.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    from satyapan.settings import Settings

    return Settings().home / "cache"


def source_key(path: Path, *parts: str) -> str:
    """A key that changes when the file (or anything in ``parts``) does."""
    stat = path.stat()
    return ":".join([str(path.resolve()), str(stat.st_size), str(stat.st_mtime_ns), *parts])


def load_or_build(name: str, key: str, build: Callable[[], T], kind: type[Any]) -> T:
    """The object cached under ``name`` for ``key``, else ``build()`` (and cache it)."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    path = cache_dir() / f"{name}-{digest}.pickle"
    with contextlib.suppress(
        OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError
    ):
        loaded = pickle.loads(path.read_bytes())  # noqa: S301 - our own cache file
        if isinstance(loaded, kind):
            return loaded
    built = build()
    _store(path, built)
    for stale in path.parent.glob(f"{name}-*.pickle"):  # the same data for an older source
        if stale != path and re.fullmatch(rf"{re.escape(name)}-[0-9a-f]{{16}}\.pickle", stale.name):
            with contextlib.suppress(OSError):
                stale.unlink()
    return built


def load_source(
    name: str,
    path: Path,
    version: str,
    parse: Callable[[Path], T],
    kind: type[Any],
    *,
    empty: T,
    without: str,
    errors: tuple[type[Exception], ...] = (OSError,),
) -> T:
    """The data parsed from the file at ``path`` (cached under ``name`` for that file and
    the parser's ``version``), or ``empty`` when the file cannot be read: logged as "NAME:
    PATH not read (ERROR); WITHOUT", and the run goes on without it."""
    try:
        return load_or_build(name, source_key(path, version), lambda: parse(path), kind)
    except errors as exc:
        log.warning("%s: %s not read (%s); %s", name, path, exc, without)
        return empty


def _store(path: Path, value: object) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class PackedLemmas:
    """lemminflect's lemma table (70,000 words -> {part of speech: lemmas}) packed one
    string per word, unpacked when looked up: as parsed, its dicts and tuples take 33 MB
    in every process that reads English, packed about 8 MB. lemminflect reads the table
    only through ``.get(word, {})`` (and copies what it gets)."""

    __slots__ = ("packed",)

    def __init__(self, table: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self.packed = {
            word: ";".join(f"{pos}={'|'.join(forms)}" for pos, forms in by_pos.items())
            for word, by_pos in table.items()
        }

    def get(self, word: str, default: Any = None) -> Any:
        found = self.packed.get(word)
        if found is None:
            return default
        return {
            pos: tuple(forms.split("|"))
            for pos, forms in (part.split("=", 1) for part in found.split(";"))
        }

    def __getstate__(self) -> dict[str, str]:
        return self.packed

    def __setstate__(self, state: dict[str, str]) -> None:
        self.packed = state


def prime_lemminflect() -> None:
    """Hand lemminflect its lemma table, packed, from the cache instead of its 0.48 s
    parse."""
    try:
        import lemminflect
        from lemminflect import config
        from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
        from lemminflect.core.Lemmatizer import Lemmatizer
    except ImportError:
        return
    lemmatizer = Lemmatizer()
    if isinstance(getattr(lemmatizer, "lemma_dict", None), PackedLemmas):
        return  # (a table lemminflect parsed itself is replaced: the packed one is smaller)
    filename = Path(config.lemma_lu_fn)
    key = source_key(filename, getattr(lemminflect, "__version__", "?"))
    lemmatizer.lemma_dict = load_or_build(
        "lemminflect-packed",
        key,
        lambda: PackedLemmas(LemmaLUCodec.load(str(filename))),
        PackedLemmas,
    )
