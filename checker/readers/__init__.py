"""Readers turn a file's bytes into a :class:`~checker.model.Document` (not yet segmented).

Each reader returns the prose view (the text with non-prose masked by spaces) and its blocks.
New formats (PO, XLIFF, TMX) register a suffix here.
"""

from __future__ import annotations

import os
from typing import Callable

from ..model import Block, Document, InputError
from .decode import decode
from .markdown import read_markdown
from .text import read_text

Reader = Callable[[str], "tuple[str, list[Block]]"]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdown": read_markdown,
}
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in READERS)


def reader_for(path: str) -> Reader:
    return READERS.get(os.path.splitext(path)[1].lower(), read_text)


def parse_document(path: str, data: bytes, lang: str | None = None, fmt: str | None = None) -> Document:
    """Decode ``data`` and build the document's prose view; raises InputError on bad input."""
    text, encoding = decode(data, path)
    if fmt and f".{fmt}" not in READERS:
        raise InputError(f"unknown format {fmt!r} (expected one of: {', '.join(s[1:] for s in READERS)})")
    reader = READERS[f".{fmt}"] if fmt else reader_for(path)
    prose, blocks = reader(text)
    return Document(path=path, text=text, prose=prose, blocks=blocks, lang=lang, encoding=encoding,
                    fmt="md" if reader is read_markdown else "txt")
