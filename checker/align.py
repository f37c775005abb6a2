"""The align stage: which part of a source a part of its translation renders. Sentences when
the two have as many, else lines when they have as many non-blank lines (one sentence per line,
as translation memories and WMT test sets are exported, where the splitter cuts a line in two
in one language and not in the other), else the whole documents."""

from __future__ import annotations

import bisect
import re

from .model import Document

Span = tuple[int, int]
_LINE = re.compile(r"[^\n]*\S[^\n]*")


class Alignment:
    """The units of a source and of its translation, pairwise aligned (as many of each): spans
    in each document's prose, and the unit that holds an offset."""

    def __init__(self, source: list[Span], target: list[Span]) -> None:
        self.source, self.target = source, target
        self._source_starts = [start for start, _ in source]
        self._target_starts = [start for start, _ in target]

    def source_unit(self, offset: int) -> int:
        """The index of the source unit that holds ``offset`` (the one before it, between units)."""
        return max(0, bisect.bisect_right(self._source_starts, offset) - 1)

    def target_unit(self, offset: int) -> int:
        """The index of the target unit that holds ``offset`` (the one before it, between units)."""
        return max(0, bisect.bisect_right(self._target_starts, offset) - 1)


def align(source: Document, target: Document) -> Alignment:
    """The units of ``source`` and ``target``: sentences, lines or the whole documents (above)."""
    if len(source.segments) == len(target.segments) > 1:
        return Alignment([(s.start, s.end) for s in source.segments], [(s.start, s.end) for s in target.segments])
    source_lines, target_lines = _lines(source.prose), _lines(target.prose)
    if len(source_lines) == len(target_lines) > 1:
        return Alignment(source_lines, target_lines)
    return Alignment([(0, len(source.prose))], [(0, len(target.prose))])


def _lines(text: str) -> list[Span]:
    return [m.span() for m in _LINE.finditer(text)]
