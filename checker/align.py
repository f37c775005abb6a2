"""The align stage: which part of a source a part of its translation renders. Paragraphs (and
other blocks: headings, list items) pair one to one when the two have as many, and within a pair
sentences when each side has as many, else lines when they have as many non-blank lines (one
sentence per line, as translation memories and WMT test sets are exported, where the splitter
cuts a line in two in one language and not in the other), else the two blocks whole; where the
two also have as many sentences, the sentences pair instead when their lengths agree better.
Without as many blocks: sentences, lines or the whole documents, by the same test."""

from __future__ import annotations

import bisect
import math
import re
from itertools import groupby

from .model import Document, Segment

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
    """The units of ``source`` and ``target`` (above). A sentence split in two in the translation
    and two merged further on keep the sentences of the other paragraphs paired (a tester's
    report: one to one over the whole text, every pair in between was shifted)."""
    sentences = None
    if len(source.segments) == len(target.segments) > 1:
        sentences = Alignment([(s.start, s.end) for s in source.segments], [(s.start, s.end) for s in target.segments])
    source_blocks, target_blocks = _blocks(source.segments), _blocks(target.segments)
    if len(source_blocks) == len(target_blocks) > 1:
        source_units: list[Span] = []
        target_units: list[Span] = []
        for source_block, target_block in zip(source_blocks, target_blocks):
            pairs = _units(source.prose, source_block, target.prose, target_block)
            source_units += pairs[0]
            target_units += pairs[1]
        blocks = Alignment(source_units, target_units)
        # (as many sentences too, in other paragraphs: a paragraph break the translation moved, or
        # a sentence split in one paragraph and two merged in the next; the pairs whose lengths
        # agree best tell which, as lengths tell sentence aligners: Gale and Church, 1993)
        return blocks if sentences is None or _misfit(blocks) <= _misfit(sentences) else sentences
    if sentences is not None:
        return sentences
    source_lines, target_lines = _lines(source.prose, 0, len(source.prose)), _lines(target.prose, 0, len(target.prose))
    if len(source_lines) == len(target_lines) > 1:
        return Alignment(source_lines, target_lines)
    return Alignment([(0, len(source.prose))], [(0, len(target.prose))])


def _misfit(alignment: Alignment) -> float:
    """How far the lengths of paired units stray from the texts' overall ratio of lengths:
    the mean absolute difference of their logarithms (0 when every pair keeps the ratio)."""
    pairs = [(b - a + 1, d - c + 1) for (a, b), (c, d) in zip(alignment.source, alignment.target)]
    overall = math.log(sum(t for _, t in pairs) / sum(s for s, _ in pairs))
    return sum(abs(math.log(t / s) - overall) for s, t in pairs) / len(pairs)


def _blocks(segments: list[Segment]) -> list[list[Segment]]:
    """The sentences of each block that has any, in order."""
    return [list(group) for _, group in groupby(segments, key=lambda seg: seg.block)]


def _units(source_text: str, source: list[Segment], target_text: str, target: list[Segment]) -> tuple[list[Span], list[Span]]:
    """Paired units of two blocks' sentences: the sentences, the lines or the two blocks whole."""
    if len(source) == len(target):
        return [(s.start, s.end) for s in source], [(s.start, s.end) for s in target]
    source_span, target_span = (source[0].start, source[-1].end), (target[0].start, target[-1].end)
    source_lines, target_lines = _lines(source_text, *source_span), _lines(target_text, *target_span)
    if len(source_lines) == len(target_lines) > 1:
        return source_lines, target_lines
    return [source_span], [target_span]


def _lines(text: str, start: int, end: int) -> list[Span]:
    return [m.span() for m in _LINE.finditer(text, start, end)]
