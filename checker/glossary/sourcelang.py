"""Whether a word of the translation was left in the source language (FRN for NRF): shared by
the near-miss check and the missing-term check."""

from __future__ import annotations

import re

from .compiled import word_forms
from .model import Entry
from .text import split_words, unaccent


ATTESTED_ZIPF = 1.0  # wordfreq's floor: a token this frequent is attested (random typos score 0)


def source_term_form(word: str, entry: Entry, lang: str | None) -> bool:
    """Whether ``word`` is a form of a word of the entry's source term (the English *infected*
    left untranslated for *infectado*): then it is the term left in the source language."""
    inflects = word_forms(lang)
    folded = unaccent(word.lower())
    return any(inflects(folded, unaccent(w.lower()))
               for t in entry.in_lang(lang, "source") for w in split_words(t.text))


FOREIGN_GAP = 1.0  # a word this much commoner (Zipf) in the source language than in the target's is foreign to it

_BEFORE_RE = re.compile(r"([^\W\d_]+)([^\w]{1,3})$")
_AFTER_RE = re.compile(r"([^\w]{1,3})([^\W\d_]+)")


def word_in(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` with word boundaries on both sides."""
    i = text.find(phrase)
    while i >= 0:
        j = i + len(phrase)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            return True
        i = text.find(phrase, i + 1)
    return False


def kept_in_source_language(s_text: str, start: int, end: int, t_text: str, s_lang: str | None,
                            t_lang: str | None) -> bool:
    """Whether the source words s_text[start:end], capitalised, stand in ``t_text`` together with
    a source word beside them that is foreign to the target language, or a capitalised one (a
    name or title the translation keeps as it is: *Centre for Evidence-Based Medicine*,
    *International Vaccine Centre*, an English title, Range Rover): then they are quoted, not
    left untranslated."""
    surface = s_text[start:end]
    if not surface[:1].isupper() or not word_in(t_text, surface):
        return False  # names and titles are capitalised; a lower-case term left as is was not quoted
    before = _BEFORE_RE.search(s_text, max(0, start - 60), start)
    after = _AFTER_RE.match(s_text, end)
    sides = []
    if before:
        sides.append((before.group(0) + surface, before.group(1), before.group(2)))
    if after:
        sides.append((surface + after.group(0), after.group(2), after.group(1)))
    for phrase, word, gap in sides:
        if word and (foreign_word(word, s_lang, t_lang) or (word[:1].isupper() and gap == " ")) \
                and word_in(t_text, phrase):
            return True  # (or beside another capitalised word, kept together: Range Rover, a tester's report)
    return False


def foreign_word(word: str | None, other_lang: str | None, lang: str | None) -> bool:
    """Whether ``word`` (2+ letters) is ``FOREIGN_GAP`` commoner in ``other_lang`` than in ``lang``."""
    from ..lexicon import zipf

    return bool(word) and len(word) > 1 and zipf(word, other_lang) >= zipf(word, lang) + FOREIGN_GAP


def _joined_word_after(text: str, end: int) -> str | None:
    """The word right after ``end``, past one space or hyphen (not past a sentence's end or a bracket)."""
    after = _AFTER_RE.match(text, end)
    return after.group(2) if after and after.group(1) in (" ", "-") else None


def in_foreign_run(text: str, start: int, end: int, other_lang: str | None, lang: str | None,
                   sentence_start: bool = False) -> bool:
    """Whether text[start:end], a term of ``other_lang`` found in a ``lang`` text, stands among
    words of that language: capitalised beside one such word (the title *Preliminary Estimates
    of Coronavirus Disease 2019* quoted in a Portuguese sentence), or between two. A quotation or
    a title is kept as written, not translated word by word. A capital that only starts the
    sentence is no title's (Lockdown measures foram adotadas: left untranslated)."""
    before = _BEFORE_RE.search(text, max(0, start - 60), start)
    after = _joined_word_after(text, end)
    # (only a space or a hyphen between: not across a sentence's end or a bracket)
    left = foreign_word(before.group(1), other_lang, lang) if before and before.group(2) in (" ", "-") else False
    right = foreign_word(after, other_lang, lang)
    if sentence_start and right and after[:1].isupper():
        return True  # a title opening the sentence (Social Distancing Guidelines foram publicadas: a review)
    return (left and right) or (text[start:start + 1].isupper() and not sentence_start and (left or right))


def beside_foreign(text: str, start: int, end: int, other_lang: str | None, lang: str | None) -> bool:
    """Whether a word of ``other_lang`` stands right after text[start:end] (Lockdown measures
    foram adotadas): translating the term alone would leave a hybrid phrase."""
    return foreign_word(_joined_word_after(text, end), other_lang, lang)
