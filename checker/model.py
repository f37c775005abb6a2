"""The data every stage shares: documents, segments and findings.

Positions are character offsets into ``Document.text`` (the decoded original file), so every
finding can be mapped back to a 1-based line and column in the user's file. Readers never
rewrite the text: parts that are not prose (code, URLs, front matter) are *masked* in
``Document.prose`` by spaces, which keeps every offset valid.
"""

from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``--fail-level`` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected info, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Scope(enum.Enum):
    """What a rule looks at; the pipeline feeds each scope differently."""

    SEGMENT = "segment"  # one sentence of one document
    PAIR = "pair"  # a source segment and its aligned translation
    DOCUMENT = "document"  # a whole document
    CORPUS = "corpus"  # all documents: collect -> combine -> finalize


CATEGORIES = ("names", "glossary", "style", "language", "alignment", "numbers", "metrics")


class BlockKind(enum.Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CAPTION = "caption"


@dataclass(frozen=True)
class Block:
    """A run of prose such as a paragraph or a heading: ``text[start:end]``."""

    start: int
    end: int
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0  # a Markdown heading's level (1 for # and ===), 0 where the markup gives none


@dataclass(frozen=True)
class Segment:
    """A sentence: ``Document.prose[start:end] == text`` (the prose view, offsets of the file)."""

    index: int
    start: int
    end: int
    text: str
    block: int = 0  # index into Document.blocks


_LINE_BREAK = re.compile(r"\r\n?|\n")
_WRAP = re.compile(r"[ \t]*(?:\r\n?|\n)\s*")  # a line break and the spaces around it


class LineIndex:
    """Maps character offsets to 1-based (line, column); columns count code points."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        if "\r" in text and text.count("\r") != text.count("\r\n"):  # a lone CR ends a line too (old Mac files)
            self._starts += [m.end() for m in _LINE_BREAK.finditer(text)]
            return
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the newline) of 1-based ``line``."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else -1
        return start, end

    @property
    def line_count(self) -> int:
        return len(self._starts)


def text_digest(text: str) -> str:
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass
class Document:
    """One checked file (or one side of a bilingual pair)."""

    path: str
    text: str  # the decoded original text, BOM removed
    prose: str  # same length as ``text``; non-prose masked by spaces
    blocks: list[Block] = field(default_factory=list)
    lang: str | None = None
    segments: list[Segment] = field(default_factory=list)
    encoding: str = "utf-8"
    fmt: str = "txt"  # the reader that built the prose view: "txt" or "md"
    lang_detected: bool = False  # ``lang`` was guessed from the text (no --lang, no configuration)
    # the original this document translates, when it is checked as one side of a pair
    source: "Document | None" = field(default=None, repr=False, compare=False)
    # of a document kept without its text (``without_text``): the text's digest, to read it
    # again only as it was checked
    digest: str = ""
    _lines: LineIndex | None = field(default=None, repr=False, compare=False)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def segment_at(self, offset: int) -> Segment | None:
        """The sentence holding ``offset`` (None outside every sentence, or before segmentation)."""
        i = bisect.bisect_right(self.segments, offset, key=lambda seg: seg.start) - 1
        return self.segments[i] if i >= 0 and offset < self.segments[i].end else None

    def block_at(self, offset: int) -> Block | None:
        """The block (paragraph, heading, caption) holding ``offset``; None between blocks."""
        i = bisect.bisect_right(self.blocks, offset, key=lambda block: block.start) - 1
        return self.blocks[i] if i >= 0 and offset < self.blocks[i].end else None

    def visible(self, start: int, end: int) -> str:
        """The prose of ``[start, end)`` as a reader sees it, for messages: markup (masked in the
        prose view) left out, white space collapsed ("[president](url) in charge" reads
        "president in charge") and, in Markdown, character references read (Q&amp;A: Q&A)."""
        return self.as_read(self.prose[start:end])

    def as_read(self, prose: str) -> str:
        """``prose`` (a slice of the prose view) as a reader sees it: see ``visible``."""
        shown = " ".join(prose.split())
        if self.fmt == "md" and "&" in shown:
            import html

            shown = html.unescape(shown)
        return shown

    def line_text(self, line: int) -> str:
        start, end = self.lines.line_bounds(line)
        return self.text[start:] if end < 0 else self.text[start:end]

    def without_text(self, digest: bool = False) -> "Document":
        """This document's path, language, encoding and format, with no text: what a run keeps of
        a file it has nothing to report on, so that an audit of many files holds only the texts
        it reports (and fixes) in memory; with ``digest``, the text's digest, for a corpus rule
        that may read it again."""
        return Document(self.path, "", "", lang=self.lang, encoding=self.encoding, fmt=self.fmt,
                        lang_detected=self.lang_detected, digest=text_digest(self.text) if digest else "")


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` by ``replacement``. ``safe`` fixes run with ``--fix``.
    ``position``: (line, column, end_line, end_column) of [start, end) where it is not the
    finding's own span (a deleted word's space, a wrapped line's break moved after the match)."""

    start: int
    end: int
    replacement: str
    safe: bool = True
    position: tuple[int, int, int, int] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SourceSpan:
    """Where, in the source document of a bilingual pair, a finding comes from."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


@dataclass
class Finding:
    """One problem found by one rule. Rules return these; only the CLI prints them."""

    rule: str  # stable code, e.g. "TC101"
    name: str  # kebab-case rule name
    category: str
    severity: Severity
    path: str
    start: int  # character offsets into Document.text
    end: int
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive, 1-based
    text: str
    message: str
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    variant_of: str | None = None
    source: SourceSpan | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # A corpus rule's finding that stands only where it overrides a document's finding of the
    # opposite suggestion (``pipeline.corpus_overrides``); not reported otherwise, nor output.
    overriding: bool = field(default=False, compare=False, repr=False)
    # Set by the filter stage (checker.fingerprint): rule, path, text and occurrence, no line numbers.
    fingerprint: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # one line, whatever the matched text or a suggestion fitted to it spans (National\n
        # Resistance Front): reports print a finding per line (text, JUnit, annotations)
        if "\n" in self.message or "\r" in self.message:
            self.message = _LINE_BREAK.sub(" ", self.message)
        # ... and so are suggestions: a line break in the matched text is the fix's to keep (a
        # blockquote's "> " masked as spaces gave "con base\n  en": a tester's report)
        if any("\n" in s or "\r" in s for s in self.suggestions):
            self.suggestions = [_WRAP.sub(" ", s) for s in self.suggestions]

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.text)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
        if self.variant_of is not None:
            data["variant_of"] = self.variant_of
        if self.fix is not None:
            data["fix"] = {"replacement": self.fix.replacement, "safe": self.fix.safe}
            if self.fix.position is not None:
                data["fix"].update(zip(("line", "column", "end_line", "end_column"), self.fix.position))
        if self.source is not None:
            data["source"] = {
                "path": self.source.path,
                "line": self.source.line,
                "column": self.source.column,
                "end_line": self.source.end_line,
                "end_column": self.source.end_column,
            }
        data.update(self.extra)
        return data


class InputError(Exception):
    """Bad input from the user (missing, binary, undecodable, malformed). The CLI exits 2."""


class TranscheckWarning(UserWarning):
    """A run's notice to an API caller (the CLI prints it as "transcheck: warning: ..."): a
    glossary with no terms in the text's language, a Vale rule type a style folder skipped."""
