"""Multi-word names written with a hyphen and without in one document (rule TC104): Jean-Luc /
Jean Luc Mélenchon, Saint-Denis / Saint Denis, Alfa-Bank / Alfa Bank.

A name never written with a hyphen cannot be written both ways, so the scan starts from the
hyphenated runs of capitalised words (one pass of a compiled pattern), then counts, for each, the
same words joined by spaces. Spellings are TC101's business; here only what stands between the
words differs."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = r"[^\W\d_][^\W_]*"
_HYPHENS = "-\u2010\u2011"
# capitalised words joined by hyphens (the first capital checked in Python: \w has no case)
HYPHENATED = re.compile(rf"(?<![^\W_])({_WORD}(?:[{_HYPHENS}]{_WORD})+)(?![^\W_]|[{_HYPHENS}][^\W\d_])")


@dataclass(frozen=True)
class Writing:
    """``count`` occurrences of a name written as ``text`` (at ``spans``) where the document
    writes it ``dominant`` ``dominant_count`` times."""

    text: str
    dominant: str
    count: int
    dominant_count: int
    spans: tuple[tuple[int, int], ...]


def hyphen_variants(text: str) -> list[Writing]:
    """The less used writing of each name written both ways in ``text`` (ties: the writing
    without the hyphen is reported, the hyphen being a name's own)."""
    hyphenated: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for m in HYPHENATED.finditer(text):
        words = tuple(re.split(f"[{_HYPHENS}]", m.group(1)))
        if all(w[:1].isupper() for w in words) and not m.group(1).isupper():
            hyphenated.setdefault(words, []).append(m.span(1))
    out = []
    for words, hyphen_spans in hyphenated.items():
        spaced = re.compile(r"(?<![^\W_]|[" + _HYPHENS + r"])" + r"[ \u00a0]+".join(map(re.escape, words))
                            + r"(?![^\W_]|[" + _HYPHENS + r"][^\W\d_])")
        space_spans = [m.span() for m in spaced.finditer(text)]
        if not space_spans:
            continue
        with_hyphen = "-".join(words)
        with_space = " ".join(words)
        if len(space_spans) <= len(hyphen_spans):
            out.append(Writing(with_space, with_hyphen, len(space_spans), len(hyphen_spans), tuple(space_spans)))
        else:
            spans = tuple(hyphen_spans)
            out.append(Writing(with_hyphen, with_space, len(spans), len(space_spans), spans))
    return out
