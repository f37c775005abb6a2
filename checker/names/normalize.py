"""Spelling normalisation for name comparison: ``fold``, ``norm``, ``skel`` and cheap edits.

* ``fold(s)``: case-folded, ß -> ss, combining marks removed (José -> jose).
* ``norm(s)``: ``fold`` plus apostrophes and hyphens removed, other scripts romanised with
  anyascii, then transliteration rewrites (kh -> h, q -> k, ou -> u, w -> v, final ow -> ov, ...)
  and doubled letters collapsed. Equal ``norm`` forms are spellings of one name (Tier A):
  Massoud/Massud, Lavrov/Lawrow, Qaddafi/Kadhafi, Kiev/Kyiv.
* ``skel(s)``: the consonant skeleton of ``norm``: first letter kept (a vowel there becomes
  ``a``), then vowels, h, j, w and y dropped, z -> s, g -> k. A blocking key, not a verdict.
* ``cheap_distance(a, b)``: the number of edits between two ``norm`` forms when every edit is
  cheap (a substitution inside a transliteration class such as {a,e} or {k,g,q,c}, or inserting
  or deleting h or a vowel), else ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance.OSA import distance as _osa_distance

_APOSTROPHES = "'’ʼʿʾ`´‘-‐‑"
_DROP = str.maketrans("", "", _APOSTROPHES)

# Longest first: a regex alternation takes the first alternative that matches at a position.
_REWRITES = {
    "dzh": "j",
    "dsch": "j",
    "tsch": "ch",
    "tch": "ch",
    "sch": "sh",
    "dj": "j",
    "zh": "j",
    "kh": "h",
    "gh": "g",
    "ph": "f",
    "th": "t",
    "dh": "d",
    "ck": "k",
    "q": "k",
    "x": "ks",
    "ou": "u",
    "oo": "u",
    "ee": "i",
    "ie": "i",
    "iy": "i",
    "yy": "i",
    "w": "v",
}
_REWRITE_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(_REWRITES, key=len, reverse=True)) + "|c(?=[aou])"
)
_FINAL_OV = re.compile(r"(?:ow|ew|ev|off)$")
_FINAL_I = re.compile(r"(?:ij|j)$")
_DOUBLE = re.compile(r"(.)\1+")
_SKEL_DROP = str.maketrans({c: None for c in "aeiouyjwh"})
_SKEL_MAP = str.maketrans({"z": "s", "g": "k"})

VOWELS = frozenset("aeiouy")
_INITIAL_GLIDE_BEFORE = frozenset("aeou")
INITIAL_GLIDE_MIN_LEN = 6
HYPHENS = "-\u2010\u2011"  # the hyphen, U+2010 and the non-breaking U+2011: one hyphen to a reader


def joiner(between: str) -> str:
    """What joins two words of a name, as a reader sees it: a hyphen (any of ``HYPHENS``) or a
    space (a non-breaking one too)."""
    return "-" if any(c in HYPHENS for c in between) else " "


@lru_cache(maxsize=65_536)  # (a large corpus fills it: 10-20 MB)
def fold(s: str) -> str:
    """Case-fold, ß -> ss, strip combining marks (diacritics)."""
    s = unicodedata.normalize("NFKC", s).casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFD", s)
    if decomposed != s or not s.isascii():
        s = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        s = unicodedata.normalize("NFC", s)
    return s


def _romanise(s: str) -> str:
    if s.isascii():
        return s
    from anyascii import anyascii

    return anyascii(s).lower()


@lru_cache(maxsize=65_536)  # (a large corpus fills it: 10-20 MB)
def norm(s: str) -> str:
    """Normal form for comparing spellings of one name across transliterations."""
    s = _romanise(fold(s).translate(_DROP))
    if not s.isalpha():
        s = "".join(ch for ch in s if ch.isalpha())
    if s[:1] == "i" and s[1:2] in _INITIAL_GLIDE_BEFORE and len(s) >= INITIAL_GLIDE_MIN_LEN:
        s = "j" + s[1:]  # an initial i before a vowel is the y of other transliterations (Iermak,
        # Ioulia, Iaroslav in French for Yermak, Yulia, Yaroslav; not Ivan, nor the short names
        # Ian, Iona, Ioana, which are not Jan, Jona, Joana: a review)
    s = _REWRITE_RE.sub(_rewrite, s)
    if s.startswith("y"):
        s = "j" + s[1:]
    if s.endswith("j"):  # _FINAL_I
        s = s[:-2] + "i" if s.endswith("ij") else s[:-1] + "i"
    s = s.replace("y", "i")
    if s.endswith("off"):  # _FINAL_OV
        s = s[:-3] + "ov"
    elif s.endswith(("ow", "ew", "ev")):
        s = s[:-2] + "ov"
    return _undouble(s)


def _rewrite(m, get=_REWRITES.get) -> str:
    return get(m.group(0), "k")


_double_search = _DOUBLE.search
_double_sub = _DOUBLE.sub


def _undouble(s: str) -> str:
    """``_DOUBLE.sub(r"\\1", s)``: runs of one character collapsed to one."""
    if _double_search(s) is None:
        return s
    return _double_sub(_group1, s)


def _group1(m) -> str:
    return m.group(1)


@lru_cache(maxsize=65_536)  # (a large corpus fills it: 10-20 MB)
def skel(s: str) -> str:
    """Consonant skeleton of ``norm(s)``: a blocking key for transliteration variants."""
    n = norm(s)
    if not n:
        return ""
    first = "a" if n[0] in VOWELS else n[0]
    rest = n[1:].translate(_SKEL_DROP)
    return _undouble((first + rest).translate(_SKEL_MAP))


_CHEAP_CLASSES = ("ae", "ou", "ei", "ijy", "au", "sz", "kgqc", "vwf")
_CHEAP_SUB = frozenset((a, b) for cls in _CHEAP_CLASSES for a in cls for b in cls if a != b)
_CHEAP_INDEL = frozenset("aeiouyh")


@lru_cache(maxsize=100_000)
def cheap_distance(a: str, b: str) -> int | None:
    """Edits from ``a`` to ``b`` when all are cheap, else None (``a``, ``b`` are ``norm`` forms)."""
    if a == b:
        return 0
    inf = 1 << 20
    n, m = len(a), len(b)
    prev = [j if all(ch in _CHEAP_INDEL for ch in b[:j]) else inf for j in range(m + 1)]
    for i in range(1, n + 1):
        ca = a[i - 1]
        cur = [prev[0] + 1 if ca in _CHEAP_INDEL else inf] + [inf] * m
        for j in range(1, m + 1):
            cb = b[j - 1]
            best = inf
            if ca == cb:
                best = prev[j - 1]
            elif (ca, cb) in _CHEAP_SUB:
                best = prev[j - 1] + 1
            if ca in _CHEAP_INDEL and prev[j] + 1 < best:
                best = prev[j] + 1
            if cb in _CHEAP_INDEL and cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            cur[j] = best
        prev = cur
    return prev[m] if prev[m] < inf else None


def cheap_substitutions_only(a: str, b: str) -> bool:
    """``a`` and ``b`` (``norm`` forms) have the same length and differ only by cheap
    substitutions, position by position (mohamed / muhamad; not britani / britain)."""
    return len(a) == len(b) and all(x == y or (x, y) in _CHEAP_SUB for x, y in zip(a, b))


def damerau(a: str, b: str) -> int:
    """Optimal-string-alignment distance (adjacent transpositions count 1), by rapidfuzz; when
    the lengths differ by more than 2, only that difference (a lower bound: no caller asks
    more of such a pair than that it is far)."""
    if abs(len(a) - len(b)) > 2:
        return abs(len(a) - len(b))
    return _osa_distance(a, b)


def delete_keys(s: str) -> set[str]:
    """SymSpell keys: ``s`` and ``s`` with one character removed. Strings within distance 1
    (insertion, deletion, substitution, and a transposition via the two deletions) share a key."""
    keys = {s[:i] + s[i + 1 :] for i in range(len(s))}
    keys.add(s)
    return keys


def has_diacritics(s: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", s))


def _marks(s: str) -> int:
    """Diacritic marks in ``s`` (ß counts as one: Straße / Strasse; ё none: Russian print
    writes е for it as a rule, so Боннель is no slip of Боннёль)."""
    s = s.replace("ё", "е").replace("Ё", "Е")
    return sum(1 for ch in unicodedata.normalize("NFD", s) if unicodedata.combining(ch)) + s.count("ß")


def more_accented(a: str, b: str) -> str | None:
    """Of two spellings that differ only in diacritics (Fávaro / Favaro), the one with more
    marks; None when they differ otherwise or carry as many (ties: ``cluster._diacritic_tie``)."""
    if a == b or fold(a) != fold(b):
        return None
    ma, mb = _marks(a), _marks(b)
    return a if ma > mb else b if mb > ma else None
