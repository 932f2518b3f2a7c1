"""Script-independent search keys for names.

A name typed in Latin ("Patil", "paatil") and the same name in Devanagari
("पाटील", "पाटिल") must meet. Devanagari is first romanised with
indic-transliteration (ITRANS), then both go through one phonetic folding:
case, vowel length, aspiration, retroflex/dental, sibilants and the
inherent vowel that Marathi does not pronounce are folded away. Each word
becomes one key, stored in the indexed employee_key table, so a search is a
prefix range scan on that index, never a scan of names in Python."""

import re
from functools import lru_cache

from indic_transliteration import sanscript

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_WORD = re.compile(r"[\w\u0900-\u097f]+")
# Applied in order to lower-cased romanised text (ITRANS or as typed).
_FOLDS = (
    (re.compile(r"[^a-z0-9]"), ""),  # ITRANS marks: ~ ^ . and the like
    (re.compile(r"x"), "ks"),
    (re.compile(r"dny|jn|gy"), "gy"),  # ज्ञ: "dnyan", j~nAna
    (re.compile(r"rri|ri"), "ri"),  # ऋ: kRRiShNa / krishna
    (re.compile(r"sh|ss"), "s"),  # श ष स meet
    (re.compile(r"chh|ch|c"), "c"),
    (re.compile(r"z"), "j"),  # Marathi झ is often written z
    (re.compile(r"w"), "v"),
    (re.compile(r"f"), "ph"),
    (re.compile(r"q"), "k"),
    (re.compile(r"([bcdgjklmnprtvsy])h"), r"\1"),  # aspiration
    (re.compile(r"ee|e"), "i"),
    (re.compile(r"oo|o"), "u"),
    (re.compile(r"(?<=.)a"), ""),  # the unpronounced inherent vowel, vowel length
    (re.compile(r"[mn](?=[bcdgjkptsvl])"), "n"),  # anusvara before a consonant
    (re.compile(r"y(?![aiu])"), "i"),  # gAyakavADa / gaikwad
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
)


def romanise(word: str) -> str:
    if _DEVANAGARI.search(word):
        word = sanscript.transliterate(word, sanscript.DEVANAGARI, sanscript.ITRANS)
    return word.lower()


@lru_cache(maxsize=50_000)
def fold(word: str) -> str:
    """The search key of one word, in either script ("" for none)."""
    text = romanise(word)
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    return text[:40]


def words(text: str) -> list[str]:
    return _WORD.findall(text or "")


def keys_of(*texts: str) -> set[str]:
    """The distinct keys of every word of the given names."""
    return {k for text in texts for w in words(text) if (k := fold(w))}


def has_devanagari(text: str) -> bool:
    return bool(_DEVANAGARI.search(text or ""))
