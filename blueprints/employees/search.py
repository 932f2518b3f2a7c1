"""Script-independent search keys for names.

A name typed in Latin ("Patil", "paatil") and the same name in Devanagari
("पाटील", "पाटिल") must meet. Devanagari is first romanised with
indic-transliteration (ITRANS), then both go through one phonetic folding:
case, vowel length, aspiration, retroflex/dental, sibilants and the
inherent vowel that Marathi does not pronounce are folded away. Each word
becomes one key, stored in the indexed employee_key table, so a search is a
prefix range scan on that index, never a scan of names in Python."""

import re
import unicodedata
from functools import lru_cache

from indic_transliteration import sanscript

from core.db import page_of

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


# Marks people type or leave out at will: the nukta (ज़िला / जिला) and the
# chandrabindu, which many keyboards give as an anusvara (गाँव / गांव).
_MARKS = str.maketrans({"\u093c": None, "\u0901": "\u0902"})


def search_key(text: str) -> str:
    """Text as searched and as matched: NFC, Latin letters case-folded
    ("kisan" finds "Kisan"), Devanagari spelling variants folded, so that a
    word is found however it was typed."""
    return unicodedata.normalize("NFC", text or "").casefold().translate(_MARKS)


@lru_cache(maxsize=50_000)
def skeleton(word: str) -> str:
    """The consonants of a word's key, so that spellings that differ in
    their vowels meet: "tehsildar", "Tahsildar" and "तहसीलदार" are "tsldr"."""
    return re.sub(r"[aeiouh]", "", fold(word))


# --- ranking: how well a row matches what was typed -----------------------------
#
# One ranking for every search box (schemes, directory, employee register):
# the database filters the candidates (a bounded query), this ranks them.
# Tiers, best first: a field that is exactly the query; the query as a
# phrase of whole words in a field; every word whole, anywhere; every word,
# some only as the beginning of a word. A word matches as typed (either
# script) or by its sound across scripts (fold, skeleton); within a tier,
# matches as typed and matches in earlier fields (titles before texts) win.
EXACT, PHRASE, ALL_WORDS, PREFIXES = range(4)
# Candidates ranked at most: a search box shows the best of these.
CANDIDATES = 300


class _Word:
    __slots__ = ("text", "key", "bone")

    def __init__(self, word: str):
        self.text = search_key(word)
        self.key = fold(word)
        self.bone = skeleton(word)


def _strength(q: _Word, f: _Word, min_sound: int) -> int | None:
    """0 the same word as typed, 1 the same by sound, 2 the beginning of the
    word as typed, 3 by sound; None when it does not match. A sound key
    shorter than min_sound would meet too many words ("farm" and प्रमाण
    are both "prm")."""
    if q.text == f.text:
        return 0
    sound = len(q.key) >= min_sound
    if sound and (q.key == f.key or (len(q.bone) >= min_sound and q.bone == f.bone)):
        return 1
    if f.text.startswith(q.text):
        return 2
    bone_ok = len(q.bone) >= min_sound
    if sound and (f.key.startswith(q.key) or (bone_ok and f.bone.startswith(q.bone))):
        return 3
    return None


def query_words(q: str, most: int = 8) -> list[str]:
    """The words searched for: letters and digits only, so that no LIKE
    wildcard (% or _) reaches the database."""
    return words(search_key(q).replace("_", " "))[:most]


def rank(q: str, fields, min_sound: int = 3):
    """How well `fields` (texts, most important first) match `q`: a sort key,
    smaller is better, or None when some word of q matches no word."""
    wanted = [_Word(w) for w in query_words(q)]
    if not wanted:
        return (EXACT, 0, 0)
    texts = [[_Word(w) for w in words(text)] for text in fields if text]
    # Each query word's best match anywhere: (strength, field index).
    per_word = []
    for qw in wanted:
        found = None
        for i, field_words in enumerate(texts):
            for fw in field_words:
                s = _strength(qw, fw, min_sound)
                if s is not None and (found is None or (s, i) < found):
                    found = (s, i)
        if found is None:
            return None
        per_word.append(found)
    whole = all(s <= 1 for s, _i in per_word)
    best_tier = ALL_WORDS if whole else PREFIXES
    best_field = max(i for _s, i in per_word)
    best_strength = sum(s for s, _i in per_word)
    n = len(wanted)
    for i, field_words in enumerate(texts):
        for start in range(len(field_words) - n + 1):
            first = _strength(wanted[0], field_words[start], min_sound)
            if first is None or first > 1:
                continue
            window = field_words[start + 1 : start + n]
            rest = zip(wanted[1:], window, strict=True)
            run = [first, *(_strength(q, f, min_sound) for q, f in rest)]
            if all(s is not None and s <= 1 for s in run):
                tier = EXACT if len(field_words) == n else PHRASE
                key = (tier, i, sum(run))
                if key < (best_tier, best_field, best_strength):
                    best_tier, best_field, best_strength = key
    return (best_tier, best_field, best_strength)


def ranked_page(query, q: str, fields_of, page: int, size: int, min_sound: int = 3):
    """One page of `query`'s rows, the best matches of q first (ties in the
    query's own order), and whether another page follows. `query` filters
    the candidates in the database; at most CANDIDATES of them are ranked.
    fields_of(rows) gives each row's texts, for all rows at once (so that a
    caller reads related rows in one query). Without words: the query's
    own order, paged in the database."""
    if not query_words(q):
        return page_of(query, page, size)
    rows = list(query.limit(CANDIDATES))
    scored = []
    for n, (row, fields) in enumerate(zip(rows, fields_of(rows), strict=True)):
        key = rank(q, fields, min_sound)
        if key is not None:
            scored.append((key, n, row))
    scored.sort(key=lambda t: (t[0], t[1]))
    start = (page - 1) * size
    chunk = [row for _key, _n, row in scored[start : start + size + 1]]
    return chunk[:size], len(chunk) > size
