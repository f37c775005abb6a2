"""A document's text composed (NFC) for rules that match written patterns, with the offsets
mapped back to the file.

Text saved decomposed (NFD: "e" and a combining acute accent, as macOS and some exports write
it) would never match a style's "através" or "e-mail é": the style rules read this view of the
document, and their findings point at the file as written. The glossary needs no view: its
tokens join the marks themselves (``checker.glossary.text``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata

from .model import Block, Document, Segment

# a character and the combining marks after it: one unit of composition
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


@dataclasses.dataclass
class ComposedView:
    """A document composed (``doc``), and the file's offset of each of its offsets."""

    doc: Document
    _starts: list[int]  # composed offset -> the file's offset where that character's cluster starts
    _composed: list[int]  # the composed offset of each cluster, in step with ``_file``
    _file: list[int]  # the file's offset of each cluster

    def to_file(self, offset: int) -> int:
        """The file's offset of composed ``offset`` (an end offset maps to its cluster's end)."""
        return self._starts[offset]

    def to_composed(self, offset: int) -> int:
        """The composed offset of the file's ``offset`` (inside a cluster: the cluster's start)."""
        i = bisect.bisect_right(self._file, offset) - 1
        return self._composed[i] if i >= 0 else 0


def composed_view(doc: Document) -> ComposedView | None:
    """The composed view of ``doc``, or None when its text is composed already (nearly always)."""
    if unicodedata.is_normalized("NFC", doc.text):
        return None
    text, prose = [], []
    starts: list[int] = []
    composed: list[int] = []
    file: list[int] = []
    at = 0
    for m in _CLUSTER.finditer(doc.text):
        a, b = m.span()
        piece = unicodedata.normalize("NFC", m.group())
        masked = doc.prose[a:b]
        # (masked markup stays masked, as long as the composed piece)
        shown = " " * len(piece) if masked.isspace() and not m.group().isspace() else unicodedata.normalize("NFC", masked)
        if len(shown) != len(piece):
            shown = (shown + " " * len(piece))[:len(piece)]
        composed.append(at)
        file.append(a)
        text.append(piece)
        prose.append(shown)
        starts.extend([a] * len(piece))
        at += len(piece)
    starts.append(len(doc.text))
    composed.append(at)
    file.append(len(doc.text))
    composed_text, composed_prose = "".join(text), "".join(prose)
    view = ComposedView(doc, starts, composed, file)

    def block(b: Block) -> Block:
        return dataclasses.replace(b, start=view.to_composed(b.start), end=view.to_composed(b.end))

    def segment(s: Segment) -> Segment:
        start, end = view.to_composed(s.start), view.to_composed(s.end)
        return dataclasses.replace(s, start=start, end=end, text=composed_prose[start:end])

    view.doc = dataclasses.replace(doc, text=composed_text, prose=composed_prose, blocks=[block(b) for b in doc.blocks],
                                   segments=[segment(s) for s in doc.segments], _lines=None)
    return view
