"""Plain text: paragraphs are runs of non-blank lines; a short one-line paragraph with no
closing punctuation is a heading (news articles scraped to text keep their sub-headings so)."""

from __future__ import annotations

import re

from ..model import Block, BlockKind

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_CLOSING = ".!?…:;,\"'”’»)]"
HEADING_MAX_WORDS = 10


def looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and "\n" not in stripped
        and len(stripped.split()) <= HEADING_MAX_WORDS
        and stripped[-1] not in _CLOSING
        and any(ch.isalpha() for ch in stripped)
    )


def text_blocks(prose: str) -> list[Block]:
    blocks = []
    for match in _PARAGRAPH.finditer(prose):
        start, end = match.span()
        # Trim surrounding spaces so that block offsets point at the first visible character.
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        kind = BlockKind.HEADING if looks_like_heading(prose[start:end]) else BlockKind.PARAGRAPH
        blocks.append(Block(start, end, kind))
    return blocks


def read_text(text: str) -> tuple[str, list[Block]]:
    """Return the prose view (the text, with suppression comment lines such as
    ``# transcheck-disable-next-line TC101`` masked: see checker.suppress) and its blocks."""
    if "transcheck-" in text:
        from ..suppress import DIRECTIVE_LINE

        text = DIRECTIVE_LINE.sub(lambda m: " " * len(m.group(0)), text)
    return text, text_blocks(text)
