"""Multi-word names written with a hyphen and without in one document (rule TC104): Jean-Luc /
Jean Luc Mélenchon, Saint-Denis / Saint Denis, Alfa-Bank / Alfa Bank.

A name never written with a hyphen cannot be written both ways, so the scan starts from the
hyphens between two letters, the second a capital (C code finds them; Python reads the few
words around each), then looks for the same words joined by a space (``str.find``). Spellings
are TC101's business; here only what stands between the words differs."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HYPHENS = "-\u2010\u2011"
_HYPHEN = re.compile(f"[{_HYPHENS}]")


@dataclass(frozen=True)
class Writing:
    """``count`` occurrences of a name written as ``text`` (at ``spans``) where the document
    writes it ``dominant`` ``dominant_count`` times."""

    text: str
    dominant: str
    count: int
    dominant_count: int
    spans: tuple[tuple[int, int], ...]


def _compounds(text: str) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Capitalised words joined by hyphens (not all in capitals: NATO-OTAN), with where each
    stands; not one inside a longer compound with a lower-case part (Jean-Luc-friendly)."""
    out: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    n = len(text)
    end = -1
    for m in _HYPHEN.finditer(text):
        i = m.start()
        if i < end or i == 0 or i + 1 >= n or not text[i - 1].isalnum() or not text[i + 1].isupper():
            continue
        start = i
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        if not text[start].isupper() or (start > 0 and text[start - 1] in _HYPHENS):
            continue
        end = i + 1
        while True:
            while end < n and text[end].isalnum():
                end += 1
            if end + 1 < n and text[end] in _HYPHENS and text[end + 1].isupper():
                end += 1
                continue
            break
        if end < n and text[end] in _HYPHENS:
            continue  # (Franco-German-speaking: a lower-case part follows)
        written = text[start:end]
        if not written.isupper():
            out.setdefault(tuple(_HYPHEN.split(written)), []).append((start, end))
    return out


def hyphen_variants(text: str) -> list[Writing]:
    """The less used writing of each name written both ways in ``text`` (ties: the writing
    without the hyphen is reported, the hyphen being a name's own)."""
    out = []
    for words, hyphen_spans in _compounds(text).items():
        spaced = " ".join(words)
        space_spans = []
        at = text.find(spaced)
        while at >= 0:
            after = at + len(spaced)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _HYPHENS)) \
                    and (after >= len(text) or not (text[after].isalnum() or text[after] in _HYPHENS)):
                space_spans.append((at, after))
            at = text.find(spaced, after)
        if not space_spans:
            continue
        with_hyphen = "-".join(words)
        if len(space_spans) <= len(hyphen_spans):
            out.append(Writing(spaced, with_hyphen, len(space_spans), len(hyphen_spans), tuple(space_spans)))
        else:
            out.append(Writing(with_hyphen, spaced, len(hyphen_spans), len(space_spans), tuple(hyphen_spans)))
    return out
