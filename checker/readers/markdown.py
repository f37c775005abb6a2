"""Markdown: only prose is checked. markdown-it-py finds the block structure (front matter,
fenced and indented code, HTML blocks, tables, footnotes); inline code, web and e-mail addresses, file names and
paths, HTML comments and tags, template tags and heading attributes, link targets and markup characters are masked
with spaces so offsets stay those of the file."""

from __future__ import annotations

import re

from typing import Callable

from ..model import Block, BlockKind
from .text import EMAIL_RE, HANDLE_RE, URL_RE, host_spans, path_spans, text_blocks, trim_span

_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")  # between table cells
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_MASKS = [
    re.compile(r"<!--.*?-->", re.S),  # HTML comments (suppression comments are read separately)
    _INLINE_CODE,  # inline code spans
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link targets: ](url "title")
    # reference definitions (not footnotes); within one line: a \s that crossed line breaks made
    # a long run of blank or masked lines quadratic (40,000 lines of a code block took 18 s)
    re.compile(r"^[ \t]*\[(?!\^)[^\]\n]+\]:[ \t]*\S+.*$", re.M),
    re.compile(r"\[\^[^\]\s]+\]:?"),  # footnote references and labels: [^1], [^note]:
    re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>"),  # autolinks
    URL_RE,  # bare URLs
    EMAIL_RE,
    HANDLE_RE,  # @handles and #hashtags (not a heading's "# Title": a letter must follow the #)
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
    re.compile(r"[ \t]\{[:#.][^{}\n]*\}[ \t]*\r?$", re.M),  # heading attributes: ## Title {#id .class}
    re.compile(r"^[ \t]{0,3}(?:#{1,6}(?=\s)|>[ \t>]*|[-*+](?=\s)|\d{1,9}[.)](?=\s))", re.M),  # block markers
    re.compile(r"[ \t]#+[ \t]*$", re.M),  # closing heading hashes
    re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.M),  # setext heading underlines
    _CELL_SEPARATOR,
    re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~|!\[|\[|\]"),  # emphasis and link brackets
    # a no-break space written as a character reference: a space between words (in order&nbsp;to
    # escaped the style's "in order to": a new user's report)
    re.compile(r"&(?:nbsp|#160|#[xX]0*[aA]0);"),
]

# Hugo shortcodes, Liquid and Jinja tags ({{< figure >}}, {% include x %}), over lines but not
# past a blank one, found once inline code is masked (a lone {{ in code hid the paragraphs up to
# the next }})
_TEMPLATE_TAG = re.compile(r"\{\{(?:[^\n]|\n(?![ \t]*\r?\n))*?\}\}|\{%(?:[^\n]|\n(?![ \t]*\r?\n))*?%\}")

_PROSE_BLOCKS = {"paragraph_open": BlockKind.PARAGRAPH, "heading_open": BlockKind.HEADING}


# a link or an image by reference: [text][label], [label][] or [label], ![alt][label] (not an
# inline link's [text](url)); its text may run over a line break, not over a blank line
_REFERENCE = re.compile(r"(?<![\]\\])\[((?:[^\[\]\n]|\n(?![ \t]*\n))+)\](?:\[([^\[\]\n]*)\])?(?![(:])")


def _reference_labels(text: str, references: dict) -> list[tuple[int, int]]:
    """Spans of the labels of links by reference to a definition the file holds: markup that
    names the definition, so a fix must not change it, or the link breaks (a new user's report:
    --fix made "[Kiev report][Kiev]" of "[Kyiv report][Kyiv]", its definition still [Kiev]).
    In [label][] and [label] the link's text is its label."""
    from markdown_it.common.utils import normalizeReference

    spans = []
    for match in _REFERENCE.finditer(text):
        label = match.group(2) or match.group(1)  # ([text][label]; [label][] and [label])
        if normalizeReference(label) in references:
            spans.append(match.span(2) if match.group(2) else match.span(1))
    return spans


def _cells(row: str) -> list[tuple[int, int]]:
    """Spans of the cells of a table row (between unescaped pipes)."""
    edges = [-1, *(m.start() for m in _CELL_SEPARATOR.finditer(row)), len(row.rstrip("\n"))]
    return [(a + 1, b) for a, b in zip(edges, edges[1:]) if row[a + 1:b].strip()]


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(?:.*\r?\n)*?\+\+\+[ \t]*(?:\r?\n|\Z)")


def toml_front_matter(text: str) -> int:
    """The end of a TOML front matter (Hugo's ``+++`` ... ``+++``) at the start of ``text``, or 0.
    markdown-it-py's plugin reads the YAML kind (``---``) only."""
    match = _TOML_FRONT_MATTER.match(text)
    return match.end() if match else 0


def _parse(text: str, env: dict | None = None) -> list:
    """markdown-it-py's block tokens (CommonMark, front matter, tables, footnotes); a TOML front
    matter is read as blank lines (``code_spans`` lists it). ``env`` receives the reference
    definitions (``env["references"]``, by normalised label)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    end = toml_front_matter(text)
    if end:
        text = re.sub(r"[^\n]", " ", text[:end]) + text[end:]
    return MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin).enable("table").parse(
        text, env if env is not None else {})


def _line_offsets(text: str) -> Callable[[int], int]:
    """0-based line number (a token's ``map``) -> offset of the line's start, or the text's end."""
    # (lines end as markdown-it-py ends them: \r\n, \n or a lone \r, a file saved on an old Mac)
    line_starts = [0] + [m.end() for m in re.finditer("\r\n?|\n", text)]
    line_starts.append(len(text) + 1)

    def offset(line: int) -> int:
        return min(line_starts[min(line, len(line_starts) - 1)], len(text))

    return offset


def code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a Markdown file that are code or front matter: fenced and indented code blocks,
    front matter and the inline code spans of prose blocks (where a suppression comment is an
    example, not a directive)."""
    offset = _line_offsets(text)
    front = toml_front_matter(text)
    spans = [(0, front)] if front else []
    for token in _parse(text):
        if not token.map:
            continue
        start, end = offset(token.map[0]), offset(token.map[1])
        if token.type in ("fence", "code_block", "front_matter"):
            spans.append((start, end))
        elif token.type == "inline":
            spans.extend((start + m.start(), start + m.end()) for m in _INLINE_CODE.finditer(text[start:end]))
    return spans


def read_markdown(text: str) -> tuple[str, list[Block]]:
    if "\r" in text:
        # Lines ended by a lone \r (a file saved on an old Mac) are read as \n-ended, whose
        # masks' ^ and $ know them; the prose keeps the file's characters (a tester's report:
        # a heading ran to the end of the file)
        lone = [m.start() for m in re.finditer(r"\r(?!\n)", text)]
        if lone:
            prose, blocks = read_markdown(re.sub(r"\r(?!\n)", "\n", text))
            chars = list(prose)
            for i in lone:
                chars[i] = "\r"
            return "".join(chars), blocks
    offset = _line_offsets(text)
    chars = [ch if ch == "\n" else " " for ch in text]
    kinds: list[tuple[int, int, BlockKind, int]] = []  # (start, end, kind, heading level)
    pending: BlockKind | None = None
    in_cell = False
    level = 0
    table_rows: set[int] = set()
    env: dict = {}
    for token in _parse(text, env):
        if token.type in _PROSE_BLOCKS:
            pending, in_cell = _PROSE_BLOCKS[token.type], False
            level = int(token.tag[1:]) if token.type == "heading_open" else 0  # (h1 ... h6)
        elif token.type in ("th_open", "td_open"):
            pending, in_cell = BlockKind.PARAGRAPH, True
        elif token.type == "inline" and token.map and pending is not None:
            start, end = offset(token.map[0]), offset(token.map[1])
            chars[start:end] = text[start:end]
            if not in_cell:
                kinds.append((start, end, pending, level))
            elif token.map[0] not in table_rows:  # a row's cells, once, each its own block
                table_rows.add(token.map[0])
                kinds.extend((start + a, start + b, BlockKind.PARAGRAPH, 0) for a, b in _cells(text[start:end]))
            pending = None
    prose_text = "".join(chars)
    masked = list(prose_text)
    for pattern in _MASKS:
        for match in pattern.finditer(prose_text):
            _blank(masked, *match.span())
    if env.get("references"):
        for span in _reference_labels(prose_text, env["references"]):
            _blank(masked, *span)
    if "{" in prose_text:
        for match in _TEMPLATE_TAG.finditer("".join(masked)):
            _blank(masked, *match.span())
    for span in path_spans(prose_text) + host_spans(prose_text):  # file names, paths, addresses without a
        _blank(masked, *span)  # scheme (taleban.jpg, /img/a.png, mail.google.com)
    prose = "".join(masked)

    # Blocks come from the prose before masking, as in plain text: a paragraph that is only an
    # address or inline code stays a paragraph, so a source and its translation keep as many
    # segments. Their edges are then trimmed to the visible prose (not the "# " of a heading).
    blocks = []
    for start, end, kind, level in kinds:
        for block in text_blocks(prose_text[start:end]):
            b_start, b_end = trim_span(prose, start + block.start, start + block.end)
            if b_start == b_end:  # nothing visible: the whole (masked) span
                b_start, b_end = start + block.start, start + block.end
            blocks.append(Block(b_start, b_end, kind, level))
    return prose, blocks
