"""Sentence segmentation with sentencex (MIT; ~300 languages, ~7 MB/s here, versus 0.3 MB/s for
pysbd). Blocks are split separately, so a heading never joins the sentence after it."""

from __future__ import annotations

from .model import Document, Segment


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, trimmed of surrounding spaces."""
    import sentencex

    spans = []
    pos = 0
    for piece in sentencex.segment(lang or "en", text):
        start, end = pos, pos + len(piece)
        pos = end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def segment_document(doc: Document) -> Document:
    segments: list[Segment] = []
    for block_index, block in enumerate(doc.blocks):
        for start, end in split_sentences(doc.prose[block.start : block.end], doc.lang or "en"):
            start += block.start
            end += block.start
            segments.append(Segment(len(segments), start, end, doc.prose[start:end], block_index))
    doc.segments = segments
    return doc
