"""Plain text: paragraphs are runs of non-blank lines; a short one-line paragraph with no
closing punctuation is a heading (news articles scraped to text keep their sub-headings so).
Web and e-mail addresses are masked with spaces, as in Markdown: "jo@samaritans.org" holds no
name spelled in lower case, and no word a style or glossary rule should read."""

from __future__ import annotations

import re

from ..model import Block, BlockKind

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_CLOSING = ".!?…:;,\"'”’»)]"
HEADING_MAX_WORDS = 10
# Bare web addresses (scheme or www., any case) and e-mail addresses: not prose, in any format.
# An address ends at a space, at a character of a script written without spaces (CJK, Thai: 访问
# https://x.org请联系) and before a final stop, comma, quote or ellipsis, which end the sentence.
_URL_CHAR = r"[^\s<>()\[\]\u0E00-\u0E7F\u2026\u2E80-\uFFFF]"
_URL_TAIL = _URL_CHAR + r"*[^\s<>()\[\]\u0E00-\u0E7F\u2026\u2E80-\uFFFF.,;:!?'\"”’»]"
URL_RE = re.compile(r"(?i:(?:https?|ftp)://|(?<![\w.])www\.)" + _URL_TAIL)
# E-mail addresses in ASCII (the local part and the domain): an address glued to words of other
# scripts does not swallow them.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@" + _LABEL + r"(?:\." + _LABEL + r")*"
                      r"\.[A-Za-z]{2,}(?![A-Za-z0-9-])")
# Social-media handles and hashtags (@Zelenskyy_Official, #Elysee): an account's or a tag's own
# spelling, which a name's house spelling must not "fix" (a tester's report: @Zelensky_Official)
HANDLE_RE = re.compile(r"(?<![\w@#&/])[@#][^\W_](?:[\w.]*\w)?")


# File names and paths are no prose either (a house spelling's --fix wrote Taliban.jpg for
# taleban.jpg). Found from the few anchors that every one of them has, so that the pass over
# the text stays in C: a known extension, two slashes, a drive letter.
_EXTENSIONS = ("jpe?g|png|gif|svg|webp|tiff?|bmp|heic|pdf|docx?|odt|rtf|xlsx?|ods|csv|tsv|pptx?|txt|md|html?|"
               "xml|json|ya?ml|toml|zip|mp[34]|mov|avi|wav")
_EXTENSION_RE = re.compile(rf"\.(?i:{_EXTENSIONS})(?![\w-])")
_PATH_RE = re.compile(r"/[\w.-]+/[^\s\"'()<>\[\]]*")
_DRIVE_PATH_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]:\\[^\s\"'()<>\[\]]*")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~/\\")
_PATH_BEFORE = frozenset(" \t\n\r\"'(<[=")  # what may stand before a path (not Ein-/Austaste)


def _name_char(ch: str) -> bool:
    return ch.isalnum() or ch in _NAME_CHARS


def path_spans(text: str) -> list[tuple[int, int]]:
    """Spans of file names with a known extension (taleban.jpg) and of paths (/img/a.png,
    ./docs/a, C:\\docs\\a.docx) in ``text``."""
    spans = []
    walked = 0  # where the last walk back began: no character is walked twice (x.md.md.md...)
    for m in _EXTENSION_RE.finditer(text):
        start = m.start()
        while start > walked and _name_char(text[start - 1]):
            start -= 1
        if start == walked and walked and spans and spans[-1][1] == walked:
            spans[-1] = (spans[-1][0], m.end())  # the same name goes on (archive.tar.gz)
        elif start < m.start() and (start == 0 or text[start - 1] in _PATH_BEFORE) \
                and not (start == walked and walked and _name_char(text[start - 1])):
            spans.append((start, m.end()))
        walked = m.end()
    for pattern, anchor in ((_PATH_RE, "/"), (_DRIVE_PATH_RE, ":\\")):
        if anchor not in text:
            continue
        for m in pattern.finditer(text):
            start = m.start()
            while start > 0 and text[start - 1] in ".~":
                start -= 1
            end = m.end()
            while text[end - 1] in ".,;:!?":  # the sentence's, not the path's
                end -= 1
            if (start == 0 or text[start - 1] in _PATH_BEFORE) and not m.group().startswith("//"):
                spans.append((start, end))
    return spans


# Web addresses without a scheme (mail.google.com, docs.mail.fr/aide: a tester's report), found
# from their top-level domain as file names are from their extension: lower-case labels before a
# generic domain, or before a country's two letters when a path follows or two labels come
# before (bbc.co.uk); not one word and two letters, which a missing space makes as often
# (sagte.es, p.ex.).
_TLD_RE = re.compile(r"\.(?:(com|net|org|edu|gov|mil|int|info|biz|app|dev|news)|[a-z]{2})(?![\w-])")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.")
_HOST_BEFORE = _PATH_BEFORE | frozenset("«“‘„‚¿¡")
_HOST_MAX = 253  # the longest host name: no walk back goes further (linear time on "a.bb.bb.bb...")
_HOST_PATH = re.compile(r"(?::\d+)?(?:/(?:" + _URL_TAIL + ")?)?")


def host_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses written without a scheme or www. (mail.google.com/x)."""
    spans: list[tuple[int, int]] = []
    walked, host_start = 0, None  # where the last walk back began, and the host it found
    for m in _TLD_RE.finditer(text):
        start, lo = m.start(), max(walked, m.start() - _HOST_MAX)
        while start > lo and text[start - 1] in _HOST_CHARS:
            start -= 1
        if start == walked and walked and text[start - 1] in _HOST_CHARS:
            start = host_start  # (the last match's host goes on: no character is walked twice)
        walked, host_start = m.start(), start
        if start is None or (start > 0 and text[start - 1] not in _HOST_BEFORE) or m.start() - start > _HOST_MAX:
            host_start = None
            continue  # (inside a word, after a capital: Booking.com; or longer than a host name)
        if spans and m.start() < spans[-1][1]:
            continue  # (inside the last address: docs.mail.fr)
        labels = text[start:m.start()].split(".")
        if "" in labels or not labels[0][:1].isalnum() \
                or (m.group(1) is None and len(labels) < 2 and not text.startswith("/", m.end())):
            continue
        end = _HOST_PATH.match(text, m.end()).end()
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], end)  # (one address: bbc.co.uk, found at .co and .uk)
        else:
            spans.append((start, end))
    return spans


def mask_addresses(text: str) -> str:
    """``text`` with web and e-mail addresses, handles and hashtags, file names and paths
    replaced by spaces (offsets unchanged)."""
    if "@" in text or "://" in text or "www." in text.lower():
        for pattern in (URL_RE, EMAIL_RE):
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    if "@" in text or "#" in text:
        text = HANDLE_RE.sub(lambda m: " " * len(m.group(0)), text)
    spans = path_spans(text) + host_spans(text)
    if spans:
        chars = list(text)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    return text


QUESTION_HEADING_MIN_WORDS = 3


def looks_like_heading(line: str) -> bool:
    """A short line of its own that no sentence ends: a heading; or a question whose every word is
    capitalised, a Title Case subhead ("Who Is Ahmad Massoud?": a tester's report), not a
    question in prose ("Who is he?")."""
    stripped = line.strip()
    if not stripped or "\n" in stripped or len(stripped.split()) > HEADING_MAX_WORDS \
            or not any(ch.isalpha() for ch in stripped):
        return False
    if stripped[-1] == "?" and stripped[-2:-1].isalpha():
        words = [w for w in stripped[:-1].split() if any(ch.isalpha() for ch in w)]
        return len(words) >= QUESTION_HEADING_MIN_WORDS and all(w.lstrip("\"'“‘(«¿")[:1].isupper() for w in words)
    return stripped[-1] not in _CLOSING


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved past surrounding spaces, so that offsets point at the first and
    after the last visible character (equal when there is none)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def text_blocks(prose: str) -> list[Block]:
    blocks = []
    for match in _PARAGRAPH.finditer(prose):
        start, end = trim_span(prose, *match.span())
        kind = BlockKind.HEADING if looks_like_heading(prose[start:end]) else BlockKind.PARAGRAPH
        blocks.append(Block(start, end, kind))
    return blocks


def read_text(text: str) -> tuple[str, list[Block]]:
    """Return the prose view (the text, with suppression comment lines such as
    ``# transcheck-disable-next-line TC101`` and web and e-mail addresses masked) and its
    blocks."""
    if "transcheck-" in text:
        from ..suppress import DIRECTIVE_LINE

        text = DIRECTIVE_LINE.sub(lambda m: " " * len(m.group(0)), text)
    # Blocks come from the text before the addresses are masked: a paragraph that is only an
    # address stays a paragraph, so a source and its translation keep as many segments.
    return mask_addresses(text), text_blocks(text)
