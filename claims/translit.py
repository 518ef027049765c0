"""Devanagari to Latin as English-language news spells Hindi names: schwa deletion, nasals.

anyascii maps each letter; what no library does for Hindi is deciding which inherent
vowels are spoken (राजनाथ -> rajnath, not rajanatha or rjnth) and which nasal an anusvara
stands for (डोंग -> dong, संबंध -> sambandh). Those two rules live here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

VIRAMA = "\u094d"
NUKTA = "\u093c"
ANUSVARA = "\u0902"
CHANDRABINDU = "\u0901"
VISARGA = "\u0903"

_CONSONANTS = {chr(c) for c in range(0x0915, 0x093A)} | {chr(c) for c in range(0x0958, 0x0960)}
_VOWEL_SIGNS = {chr(c) for c in range(0x093E, 0x094D)} | {"\u0962", "\u0963"}
_INDEPENDENT_VOWELS = {chr(c) for c in range(0x0904, 0x0915)} | {"\u0960", "\u0961", "\u0972"}

# Where English spelling conventions differ from anyascii's letter map.
_CONSONANT_LATIN = {
    "च": "ch",
    "छ": "chh",
    "श": "sh",
    "ष": "sh",
    "ङ": "n",
    "ञ": "n",
    "ण": "n",
    "क़": "q",
    "ख़": "kh",
    "ग़": "gh",
    "ज़": "z",
    "ड़": "r",
    "ढ़": "rh",
    "फ": "f",  # English news writes फ as f far more often than ph (Sharif, Rafale, platform)
    "फ़": "f",
    "य़": "y",
}
_SIGN_LATIN = {"ृ": "ri", "ॅ": "e", "ॉ": "o", "ै": "ai", "ौ": "au"}
_VOWEL_LATIN = {"ऋ": "ri", "ऍ": "e", "ऑ": "o"}

# Anusvara takes the nasal of the consonant after it.
_LABIALS = set("पफबभम")
_NASAL_BEFORE = {**{c: "n" for c in "कखगघचछजझटठडढतथदधनसशषहज़"}, **{c: "m" for c in _LABIALS}}

# Spelled-out Latin letters, so that एसयू-30 एमकेआई reads su-30 mki and पीएसएलवी reads pslv.
LETTER_NAMES = {
    "ए": "a",
    "बी": "b",
    "सी": "c",
    "डी": "d",
    "ई": "e",
    "एफ": "f",
    "जी": "g",
    "एच": "h",
    "आई": "i",
    "जे": "j",
    "के": "k",
    "एल": "l",
    "एम": "m",
    "एन": "n",
    "ओ": "o",
    "पी": "p",
    "क्यू": "q",
    "आर": "r",
    "एस": "s",
    "टी": "t",
    "यू": "u",
    "वी": "v",
    "डब्ल्यू": "w",
    "एक्स": "x",
    "वाई": "y",
    "जेड": "z",
}
# Letter names that are also everyday Hindi words (जी ji, के ke, सी -like, पी drank, आई came,
# आर across, ई, ओ): read as letters only before a point (जी. किशन रेड्डी) or a number.
_HINDI_WORD_LETTERS = frozenset("जी के सी पी आई आर ई ओ".split())
_LETTER_NAME_RE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, LETTER_NAMES), key=len, reverse=True)) + ")"
)


def _syllables(word: str) -> list[tuple[str, str]]:
    """Split a Devanagari word into (consonant-or-vowel, sign) units in reading order.

    The sign is '' for an inherent vowel, the virama for a bare consonant, or a vowel sign.
    Nasal signs and visarga are separate units with kind 'N'.
    """
    units: list[tuple[str, str]] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if ch in _CONSONANTS:
            base = ch
            if i + 1 < len(word) and word[i + 1] == NUKTA:
                base = unicodedata.normalize("NFC", ch + NUKTA)
                i += 1
            sign = ""
            if i + 1 < len(word) and (word[i + 1] in _VOWEL_SIGNS or word[i + 1] == VIRAMA):
                sign = word[i + 1]
                i += 1
            units.append((base, sign))
        elif ch in (ANUSVARA, CHANDRABINDU, VISARGA):
            units.append(("N", ch))
        elif ch in _INDEPENDENT_VOWELS:
            units.append(("V", ch))
        elif ch == NUKTA:
            pass
        else:
            units.append(("X", ch))
        i += 1
    return units


# A word-final conjunct keeps its vowel when it ends in य व ण ञ (सत्य -> satya, विश्व ->
# vishwa, कृष्ण -> krishna, यज्ञ -> yagya), or in र after a dental or retroflex stop
# (नरेंद्र -> narendra, महाराष्ट्र -> maharashtra, मित्र -> mitra). Other finals lose it:
# दोस्त -> dost, स्पष्ट -> spasht, उम्र -> umr, ज़िक्र -> zikr, क़त्ल -> qatl, प्लेटफॉर्म -> platform.
_VOICED_FINALS = set("यवणञ")
_STOPS_BEFORE_R = set("तथदधटठडढ")


def _keeps_schwa(units: list[tuple[str, str]], deleted: set[int], i: int) -> bool:
    """Hindi schwa deletion (Ohala's rule), applied right to left by the caller.

    A consonant's inherent 'a' is silent at the end of a word and in the context
    V C _ C V (a vowel before, a consonant with its own vowel after). It is never silent
    before an anusvara or visarga, which sound after a vowel (जयशंकर -> jayshankar).
    """
    base, sign = units[i]
    if sign != "" or base in ("N", "V", "X"):
        return True
    if i + 1 < len(units) and units[i + 1][0] == "N":
        return True
    nxt = next((j for j in range(i + 1, len(units)) if units[j][0] != "N"), None)
    if nxt is None:
        if (
            i > 0
            and units[i - 1][1] == VIRAMA
            and (base in _VOICED_FINALS or (base == "र" and units[i - 1][0] in _STOPS_BEFORE_R))
        ):
            return True
        return i == 0  # a one-letter word keeps its vowel (न -> na)
    if units[nxt][0] in ("V", "X") or units[nxt][1] == VIRAMA:
        return True
    next_has_vowel = nxt not in deleted
    if not next_has_vowel or i == 0:
        return True
    prev_base, prev_sign = units[i - 1]
    if prev_base == "N":
        return True
    prev_has_vowel = prev_base == "V" or (prev_sign != VIRAMA and (i - 1) not in deleted)
    return not prev_has_vowel


def _word_to_latin(word: str) -> str:
    units = _syllables(word)
    deleted: set[int] = set()
    for i in range(len(units) - 1, -1, -1):
        base, sign = units[i]
        if base in ("N", "V", "X") or sign:
            continue
        if not _keeps_schwa(units, deleted, i):
            deleted.add(i)
    out: list[str] = []
    for i, (base, sign) in enumerate(units):
        if base == "N":
            if sign == VISARGA:
                out.append("h")
                continue
            nxt = units[i + 1][0] if i + 1 < len(units) else ""
            if nxt == "ह":
                out.append("ng")
            elif nxt in _NASAL_BEFORE:
                out.append(_NASAL_BEFORE[nxt])
            else:
                out.append("n")
        elif base == "V":
            out.append(_VOWEL_LATIN.get(sign) or anyascii(sign))
        elif base == "X":
            out.append(anyascii(sign))
        else:
            if base == "व" and i > 0 and units[i - 1][1] == VIRAMA and units[i - 1][0] != "र":
                out.append("w")  # द्विवेदी -> dwivedi, स्वराज -> swaraj (but पूर्व -> purva)
            elif base == "ज" and sign == VIRAMA and i + 1 < len(units) and units[i + 1][0] == "ञ":
                out.append("g")  # ज्ञ is gy in Hindi: ज्ञानवापी -> gyanvapi, विज्ञान -> vigyan
            elif base == "ञ" and i > 0 and units[i - 1] == ("ज", VIRAMA):
                out.append("y")
            elif base == "य" and _ia_ending(units, i):
                pass  # इंडिया -> india, इंडियन -> indian, सोनिया -> sonia (but किया -> kiya)
            else:
                out.append(_CONSONANT_LATIN.get(base) or anyascii(base))
            if sign == VIRAMA:
                continue
            if sign:
                out.append(_SIGN_LATIN.get(sign) or anyascii(sign))
            elif i not in deleted:
                out.append("a")
    return "".join(out)


def _ia_ending(units: list[tuple[str, str]], i: int) -> bool:
    """Is ``units[i]`` the य of a final िया or ियन after at least one more syllable?"""
    if i < 2 or units[i - 1][1] != "\u093f":
        return False
    rest = units[i + 1 :]
    return (units[i][1] == "\u093e" and not rest) or (
        units[i][1] == "" and len(rest) == 1 and rest[0] == ("न", "")
    )


def _spelled_letters(word: str) -> str | None:
    """Read a word made only of Latin letter names (एमकेआई -> mki), else None. The names
    overlap (एसीबी is ए सी बी, ACB, though एस is S), so every split is tried."""
    if len(word) > 24 or not _LETTER_NAME_RE.match(word):
        return None
    # reads[i]: a reading of word[:i] as letter names, or None
    reads: list[str | None] = [""] + [None] * len(word)
    counts = [0] * (len(word) + 1)
    for i in range(len(word)):
        if reads[i] is None:
            continue
        for name, letter in LETTER_NAMES.items():
            j = i + len(name)
            if j <= len(word) and reads[j] is None and word.startswith(name, i):
                reads[j] = f"{reads[i]}{letter}"
                counts[j] = counts[i] + 1
    out = reads[len(word)]
    return out if out is not None and counts[len(word)] >= 2 else None


_DEV_RUN = re.compile(r"[\u0900-\u0963\u0971-\u097F]+")
_DEV_PUNCT = str.maketrans({"\u0964": ".", "\u0965": ".", "\u0970": "."})
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@lru_cache(maxsize=65536)
def to_latin(text: str) -> str:
    """Latin spelling of Devanagari ``text`` for fuzzy matching against English; other
    characters pass through (lower-cased). राजनाथ सिंह -> rajnath singh."""

    def one(m: re.Match[str]) -> str:
        word = m.group()
        letters = _spelled_letters(word)
        # एस जयशंकर, एस-400, जी. किशन रेड्डी: a lone letter name is an initial or a series.
        if (
            letters is None
            and word in LETTER_NAMES
            and (word not in _HINDI_WORD_LETTERS or re.match(r"\.|-?\d", m.string[m.end() :]))
        ):
            letters = LETTER_NAMES[word]
        return letters if letters is not None else _word_to_latin(word)

    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "")
    text = text.translate(_DEV_DIGITS)
    text = _DEV_RUN.sub(one, text)
    # Danda, double danda and the abbreviation sign: the only Devanagari left outside words.
    return text.translate(_DEV_PUNCT).lower()


_VOWELS = re.compile(r"[aeiouy]+")
# English spellings that Devanagari writes by sound: c is s before e/i/y and k elsewhere
# (tolerance -> टॉलरेंस, congress -> कांग्रेस), dge/dgi is j (budget -> बजट), tion is
# shan (operation -> ऑपरेशन), x is ks (taxi -> टैक्सी).
_SOUND_SPELLINGS = (
    (re.compile(r"dg(?=[eiy])"), "j"),
    (re.compile(r"t(?=ion)"), "sh"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c(?!h)"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"w"), "v"),
    # The nukta is folded away, so ज़ and फ़ read as j and f: Zephyr is ज़ेफ़िर (jefir), and
    # Kozhikode's zh is कोझिकोड's jh.
    (re.compile(r"z"), "j"),
    # Aspiration is spelled at will in names: राणावत is Ranawat and Ranawath, गीता Geeta and
    # Geetha, सिद्धू Sidhu and Siddhu, गढ़ garh and gadh; the consonant stays.
    (re.compile(r"(?<=[bdgjkrt])h"), ""),
)


def skeleton(latin: str) -> str:
    """Consonant skeleton of a Latin word (painting -> pntng, penting -> pntng): loanwords
    written in Devanagari keep their consonants when their vowels drift."""
    s = latin.lower()
    for pattern, sound in _SOUND_SPELLINGS:
        s = pattern.sub(sound, s)
    s = re.sub(r"(.)\1+", r"\1", s)
    if not s:
        return s
    return s[0] + _VOWELS.sub("", s[1:])
