"""Multi-word names written with a hyphen and without in one document (rule TC104): Jean-Luc /
Jean Luc Mélenchon, Saint-Denis / Saint Denis, Alfa-Bank / Alfa Bank.

A name never written with a hyphen cannot be written both ways, so the scan starts from the
hyphens between a letter and a capital or a given name's lower-case syllable (Kim Jong-un /
Kim Jong Un) (C code finds them; Python reads the few words around each), then finds the same
words joined by a space, not before another surname (Jean-Luc Mélenchon is no other writing of
Jean Luc Godard). Spellings are TC101's business; here only what joins the words differs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from .normalize import HYPHENS as _HYPHENS
_HYPHEN = re.compile(f"[{_HYPHENS}]")
_SPACES = " \u00a0"
_FIND_LIMIT = 64  # distinct names searched with str.find; more are looked up in one pass over the words
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"(?<![^\W_])[^\W\d_](?:[^\W_]|[{_MARKS}])*")


@dataclass(frozen=True)
class Writings:
    """A name (``words``) written with a hyphen at ``with_hyphen`` and with a space at
    ``with_space`` (spans in the text)."""

    words: tuple[str, ...]
    with_hyphen: tuple[tuple[int, int], ...]
    with_space: tuple[tuple[int, int], ...]

    @property
    def hyphenated(self) -> str:
        return "-".join(self.words)

    @property
    def spaced(self) -> str:
        return " ".join(_capitalised(self.words))


def _capitalised(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words as they are written with spaces: a lower-case syllable takes a capital (Jong-un:
    Jong Un)."""
    return tuple(w[:1].upper() + w[1:] for w in words)


def _in_word(c: str) -> bool:
    return c.isalnum() or unicodedata.combining(c) > 0  # (a decomposed accent stays in its word)


def _word_end(text: str, i: int) -> int:
    n = len(text)
    while i < n and _in_word(text[i]):
        i += 1
    return i


def _following(text: str, end: int) -> tuple[str, ...]:
    """The capitalised words that follow ``end``, each after one space (the rest of the name)."""
    words = []
    n = len(text)
    while end + 1 < n and text[end] in _SPACES and text[end + 1].isupper():
        after = _word_end(text, end + 1)
        if after < n and text[after] in _HYPHENS:
            break  # (the next hyphenated name)
        words.append(text[end + 1:after])
        end = after
    return tuple(words)


SYLLABLE_MAX = 5  # letters of a lower-case given-name syllable after a hyphen (Jong-un, Jae-in)
SYLLABLE_WORD_MAX_ZIPF = 4.5  # ... after a first syllable no commoner in the language (Worry-free)
SURNAME_MAX_ZIPF = 6.0  # ... and a surname before it no function word (The Paris-based firm)


def _given_name_syllable(text: str, start: int, i: int, zipf: Callable[[str], float]) -> bool:
    """The hyphen at ``i`` joins the capitalised word at ``start`` to a short lower-case
    syllable that ends the word, after a capitalised surname: a Korean given name (Kim Jong-un,
    Moon Jae-in), which others write with a space and a capital (Kim Jong Un). Not a common
    word before the hyphen (Book Worry-free) nor a function word before that (The Paris-based);
    ``zipf`` tells how common a word is in the text's language. (A title-case heading's
    capitalised compound, Hong Kong Based Startups, is ``hyphen_variants``' to tell apart.)"""
    after = _word_end(text, i + 1)
    if not 2 <= after - i - 1 <= SYLLABLE_MAX or (after < len(text) and text[after] in _HYPHENS):
        return False
    if start < 2 or text[start - 1] != " " or zipf(text[start:i]) >= SYLLABLE_WORD_MAX_ZIPF:
        return False
    surname = start - 1
    while surname > 0 and _in_word(text[surname - 1]):
        surname -= 1
    return surname < start - 1 and text[surname].isupper() and zipf(text[surname:start - 1]) < SURNAME_MAX_ZIPF


def _compounds(text: str, zipf: Callable[[str], float]
               ) -> dict[tuple[str, ...], list[tuple[int, int, tuple[str, ...]]]]:
    """Capitalised words joined by hyphens (not all in capitals: NATO-OTAN), each with where it
    stands and the capitalised words after it; not one inside a longer compound with a
    lower-case part (Jean-Luc-friendly). A given name's lower-case syllable is a word of the
    name too (``_given_name_syllable``: Jong-un)."""
    out: dict[tuple[str, ...], list[tuple[int, int, tuple[str, ...]]]] = {}
    n = len(text)
    end = -1
    for m in _HYPHEN.finditer(text):
        i = m.start()
        if i < end or i == 0 or i + 1 >= n or not _in_word(text[i - 1]) or not text[i + 1].isalpha():
            continue
        start = i
        while start > 0 and _in_word(text[start - 1]):
            start -= 1
        if not text[start].isupper() or (start > 0 and text[start - 1] in _HYPHENS):
            continue
        if text[i + 1].islower():
            if _given_name_syllable(text, start, i, zipf):
                end = _word_end(text, i + 1)
                out.setdefault((text[start:i], text[i + 1:end]), []).append((start, end, _following(text, end)))
            continue
        end = i + 1
        while True:
            end = _word_end(text, end)
            if end + 1 < n and text[end] in _HYPHENS and text[end + 1].isupper():
                end += 1
                continue
            break
        if end < n and text[end] in _HYPHENS:
            continue
        written = text[start:end]
        if not written.isupper():
            out.setdefault(tuple(_HYPHEN.split(written)), []).append((start, end, _following(text, end)))
    return out


def _spaced(text: str, names: list[tuple[str, ...]]) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Where each of ``names`` stands with its words joined by a space: ``str.find`` for a few
    names, else one pass over the text's words (each name's first word looked up)."""
    out: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    n = len(text)

    def whole(at: int, after: int) -> bool:
        return (at == 0 or not (_in_word(text[at - 1]) or text[at - 1] in _HYPHENS)) \
            and (after >= n or not (_in_word(text[after]) or text[after] in _HYPHENS))

    if len(names) <= _FIND_LIMIT:
        for words in names:
            spaced = " ".join(_capitalised(words))
            at = text.find(spaced)
            while at >= 0:
                if whole(at, at + len(spaced)):
                    out.setdefault(words, []).append((at, at + len(spaced)))
                at = text.find(spaced, at + len(spaced))
        return out
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in names:
        by_first.setdefault(words[0], []).append(words)
    for m in _WORD.finditer(text):
        for words in by_first.get(m.group(), ()):
            spaced = " ".join(_capitalised(words))
            found = out.setdefault(words, [])
            if text.startswith(spaced, m.start()) and whole(m.start(), m.start() + len(spaced)) \
                    and (not found or found[-1][1] <= m.start()):  # (no overlap: Bora Bora Bora)
                found.append((m.start(), m.start() + len(spaced)))
    return {words: found for words, found in out.items() if found}


def _merged_by_capitals(compounds: dict) -> dict:
    """Writings of one name that differ only in a syllable's capital (Jong-un, Jong-Un) share
    their spaced writing (Jong Un): one entry, under the writing most occurrences use."""
    by_spaced: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for words in compounds:
        by_spaced.setdefault(_capitalised(words), []).append(words)
    merged = {}
    for group in by_spaced.values():
        main = max(group, key=lambda words: (len(compounds[words]), words != _capitalised(words)))  # (ties: Jong-un)
        merged[main] = sorted(occurrence for words in group for occurrence in compounds[words])
    return merged


def hyphen_variants(text: str, common: Callable[[str], bool] = lambda word: False,
                    zipf: Callable[[str], float] = lambda word: 0.0) -> list[Writings]:
    """Each name written both ways in ``text``. A spaced occurrence followed by a capitalised
    word that is no ``common`` word of the language (a surname) and follows no hyphenated one,
    where every hyphenated one is followed by a capitalised word, is another name (Jean Luc
    Godard beside Jean-Luc Mélenchon; not Nordrhein Westfalen Museen beside Nordrhein-Westfalen
    Schulen, nor the Saint Denis Council beside the Saint-Denis Mayor)."""
    compounds = _merged_by_capitals(_compounds(text, zipf))
    spaced = _spaced(text, list(compounds))
    out = []
    for words, hyphenated in compounds.items():
        nexts = {rest[:1] for _, _, rest in hyphenated}  # the words after it: () when none

        syllable = words[-1][:1].islower()

        def same_name(end: int) -> bool:
            after = _following(text, end)[:1]
            if syllable and after:
                return False  # capitalised words on: a title-case heading (Hong Kong Based Startups)
            return () in nexts or not after or after in nexts or common(after[0])

        with_space = tuple((start, end) for start, end in spaced.get(words, ()) if same_name(end))
        if with_space:
            out.append(Writings(words, tuple((start, end) for start, end, _ in hyphenated), with_space))
    return out
