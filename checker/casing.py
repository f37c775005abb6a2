"""Carrying the capitalisation of a matched text over to its replacement (style and glossary fixes).

Only a case pattern is carried: ALL CAPS, Title Case (every word capitalised) or a first capital.
A replacement that differs from the text only by case is itself the correction (COVID-19 ->
Covid-19), so its own case wins.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
# a letter with no letter before it, nor an apostrophe (prosecutor's, not prosecutor'S)
_WORD_START = re.compile(r"(?<![^\W\d_])(?<!['’])[^\W\d_]")
_BULLETS = "-*•–"
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # eBook, iPhone, macOS (not an acronym: the UK)


def case_pattern(surface: str) -> str | None:
    """"upper", "title", "initial" or None (lower case, or mixed like eBay)."""
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return "upper"
    words = _WORD.findall(surface)
    if not words or not words[0][0].isupper():
        return None
    if len(words) > 1 and all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words):
        return "title"
    return "initial"


def starts_sentence(text: str, offset: int) -> bool:
    """Whether ``offset`` is the first word of a sentence, a heading, a line or a list item of
    ``text`` (an opening quote or bracket before it aside; Markdown's markup is masked in prose)."""
    j = offset - 1
    while j >= 0 and text[j] in " \t\"'«“‘(¿¡":
        j -= 1
    if j >= 0 and text[j] in _BULLETS and j < offset - 1:  # "- item" in plain text
        k = j - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k < 0 or text[k] == "\n":
            return True
    return j < 0 or text[j] in ".!?:;\n"


def transfer_case(surface: str, replacement: str, sentence_start: bool = True) -> str:
    """``replacement`` in the case pattern of ``surface``: TALEBAN -> TALIBAN, Secretary General
    -> Secretary-General, President in charge -> Caretaker president, Public Ministry -> Public
    Prosecutor's Office; a replacement with capitals of its own (a proper noun: Côte d'Ivoire for
    Ivory Coast) is written as it is, with a first capital only where ``surface`` starts a
    sentence (Persian Gulf -> The Gulf there, "oil from the Gulf" inside one)."""
    if surface.casefold() == replacement.casefold():
        return replacement
    pattern = case_pattern(surface)
    if pattern == "upper" and any(ch.islower() for ch in replacement):
        return replacement.upper()
    if pattern == "title" and not any(ch.isupper() for ch in replacement):
        return _WORD_START.sub(lambda m: m.group(0).upper(), replacement)
    # (a replacement with capitals of its own is a name written as it is, Côte d'Ivoire, but
    # starts with a capital where the match did, as before: Persian Gulf -> The Gulf; not one
    # with a capital inside a word, a brand written so: E Book -> eBook, Apple Phone -> iPhone)
    if pattern == "title" and _INNER_CAPITAL.search(replacement):
        return replacement
    if not sentence_start and any(ch.isupper() for ch in replacement):
        return replacement
    if pattern in ("initial", "title") and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
