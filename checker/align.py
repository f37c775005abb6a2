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


def aligned_units(source: Document, target: Document) -> tuple[list[Span], list[Span]]:
    """Spans of the source's units and of the target's, pairwise aligned (as many of each)."""
    if len(source.segments) == len(target.segments) > 1:
        return [(s.start, s.end) for s in source.segments], [(s.start, s.end) for s in target.segments]
    source_lines, target_lines = _lines(source.prose), _lines(target.prose)
    if len(source_lines) == len(target_lines) > 1:
        return source_lines, target_lines
    return [(0, len(source.prose))], [(0, len(target.prose))]


def unit_at(units: list[Span], offset: int) -> int:
    """The index of the unit that holds ``offset`` (the one before it, between units)."""
    return max(0, bisect.bisect_right([start for start, _ in units], offset) - 1)


def _lines(text: str) -> list[Span]:
    return [m.span() for m in _LINE.finditer(text)]
