"""Apertium's morphological analysers as a :class:`claims.morphology.Morphology`.

Hindi: ``lt-proc`` over Debian's ``apertium-hin`` transducer (lemma, POS, tense, aspect;
every reading kept, since the package has no tagger). English: ``lt-proc`` over the English
side of ``apertium-eng-spa`` and its HMM tagger (``apertium-tagger -g -p``), which picks one
reading per word. Both are GPL data installed as system packages (``dev.py`` installs them).

Texts are analysed in batches, one process per batch, separated by NUL (``-z``), never one
process per sentence. When the programs or the data are missing, :func:`morphology` gives
:class:`NoMorphology` and says so once in the log: extraction still works, on text rules only.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from claims.morphology import (
    Morphology,
    NoMorphology,
    Reading,
    Word,
    align,
    escape,
    parse_stream,
)
from claims.text import NUKTA
from satyapan.settings import Settings

log = logging.getLogger(__name__)
# Enough for any article; a batch is cut into pieces of about this many characters.
_BATCH_CHARS = 400_000
_TIMEOUT = 120.0
# Anusvara and chandrabindu: one nasal, two spellings.
_NASALS = frozenset("ंँ")
_SWAP_NASAL = str.maketrans("ंँ", "ँं")


@dataclass(frozen=True)
class _Pipeline:
    analyser: Path
    tagger: Path | None = None


def _pipelines(data: Path) -> dict[str, _Pipeline]:
    eng = data / "apertium-eng-spa"
    return {
        "hi": _Pipeline(data / "apertium-hin" / "hin.automorf.bin"),
        "en": _Pipeline(eng / "eng-spa.automorf.bin", eng / "eng-spa.prob"),
    }


class ApertiumMorphology:
    """Runs Apertium's analysers over batches of texts."""

    def __init__(self, data: Path | None = None) -> None:
        data = data if data is not None else Settings().apertium_data
        self.pipelines = {
            lang: p
            for lang, p in _pipelines(data).items()
            if p.analyser.exists() and (p.tagger is None or p.tagger.exists())
        }
        self.lt_proc = shutil.which("lt-proc")
        self.tagger = shutil.which("apertium-tagger")

    @property
    def languages(self) -> frozenset[str]:
        if not self.lt_proc:
            return frozenset()
        return frozenset(
            lang for lang, p in self.pipelines.items() if p.tagger is None or self.tagger
        )

    def analyse(self, texts: Sequence[str], language: str) -> list[tuple[Word, ...]]:
        """Words of each text, in order; an empty tuple for a text that could not be read
        (the rules that read the text alone then decide for it)."""
        if language not in self.languages:
            return [() for _ in texts]
        out: list[tuple[Word, ...]] = []
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and size + len(text) > _BATCH_CHARS:
                out.extend(self._run(batch, language))
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            out.extend(self._run(batch, language))
        return out

    def _run(self, texts: list[str], language: str) -> list[tuple[Word, ...]]:
        pipeline = self.pipelines[language]
        stream = "".join(escape(t) + "\0" for t in texts)
        try:
            output = self._call([str(self.lt_proc), "-w", "-z", str(pipeline.analyser)], stream)
            if pipeline.tagger is not None:
                output = self._call(
                    [str(self.tagger), "-g", "-p", "-z", str(pipeline.tagger)], output
                )
        except (OSError, subprocess.SubprocessError, UnicodeError) as exc:
            log.warning("morphology: %s failed on %d texts: %s", language, len(texts), exc)
            return [() for _ in texts]
        pieces = output.split("\0")
        if len(pieces) < len(texts):
            if len(texts) == 1:
                pieces = [output]
            else:  # the stream lost its separators: analyse one text at a time
                return [w for t in texts for w in self._run([t], language)]
        analysed = [
            align(text, parse_stream(piece)) for text, piece in zip(texts, pieces, strict=False)
        ]
        return self._nasal_variants(analysed) if language == "hi" else analysed

    def _nasal_variants(self, analysed: list[tuple[Word, ...]]) -> list[tuple[Word, ...]]:
        """Hindi writes the nasal both ways (जाएंगे, जाएँगे) and Perso-Arabic sounds with or
        without a nukta (ज़रूरत, जरूरत; हक़, हक), and the dictionary knows one of them: an
        unknown word is looked up once more in its other spellings (one call for every such
        word of the batch)."""
        unknown = sorted(
            {
                w.text
                for words in analysed
                for w in words
                if not w.known and " " not in w.text and _respellable(w.text)
            }
        )
        if not unknown:
            return analysed
        tried = [(word, variant) for word in unknown for variant in _spellings(word)]
        pipeline = self.pipelines["hi"]
        try:
            output = self._call(
                [str(self.lt_proc), "-w", "-z", str(pipeline.analyser)],
                "".join(escape(v) + "\0" for _, v in tried),
            )
        except (OSError, subprocess.SubprocessError, UnicodeError):
            return analysed
        found: dict[str, tuple[Reading, ...]] = {}
        for (word, _), piece in zip(tried, output.split("\0"), strict=False):
            units = parse_stream(piece)
            if word not in found and len(units) == 1 and units[0][1]:
                found[word] = units[0][1]
        if not found:
            return analysed
        return [
            tuple(
                replace(w, readings=found[w.text]) if not w.known and w.text in found else w
                for w in words
            )
            for words in analysed
        ]

    @staticmethod
    def _call(args: list[str], stream: str) -> str:
        done = subprocess.run(
            args,
            input=stream.encode("utf-8"),
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
        )
        if done.returncode and not done.stdout:
            raise subprocess.SubprocessError(done.stderr.decode("utf-8", "replace").strip())
        return done.stdout.decode("utf-8", "replace")


# Perso-Arabic consonants written with a nukta (क़ ख़ ग़ ज़ फ़, precomposed or not); ड़ and ढ़
# are letters of their own and keep it.
_NUKTA_LETTERS = {"\u0958": "क", "\u0959": "ख", "\u095a": "ग", "\u095b": "ज", "\u095e": "फ"}


def _without_nukta(word: str) -> str:
    out = "".join(_NUKTA_LETTERS.get(c, c) for c in word)
    return re.sub(rf"(?<=[कखगजफ]){NUKTA}", "", out)


def _respellable(word: str) -> bool:
    return bool(_NASALS & set(word)) or _without_nukta(word) != word


def _spellings(word: str) -> list[str]:
    """The other spellings of a word the dictionary may know: nasal swapped, nukta dropped,
    both."""
    out: list[str] = []
    bare = _without_nukta(word)
    for v in (word.translate(_SWAP_NASAL), bare, bare.translate(_SWAP_NASAL)):
        if v != word and v not in out:
            out.append(v)
    return out


@lru_cache(maxsize=1)
def morphology() -> Morphology:
    """The installed analyser, or a stand-in that reads nothing (said once in the log)."""
    apertium = ApertiumMorphology()
    if apertium.languages:
        return apertium
    log.warning(
        "morphology: Apertium not found (lt-proc, apertium-tagger, apertium-hin, "
        "apertium-eng-spa); extraction runs on text rules only"
    )
    return NoMorphology()
