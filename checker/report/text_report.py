"""``--format text``: ``path:line:col: CODE message``, the line excerpt, a caret and the fix."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..model import Finding, Severity

_STYLES = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "cyan": "36", "green": "32", "blue": "34"}
_SEVERITY_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
MAX_EXCERPT = 160


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if color else text


# Control characters (C0 but tab, DEL, C1) a file may hold: printed raw they could move the cursor or
# set the terminal's title (an OSC sequence); each becomes one replacement character, so columns hold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


def _safe(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def _one_line(text: str) -> str:
    """A message or a path on one line (a match may span a line break), safe for a terminal."""
    return _safe(_BREAKS.sub(" ", text))


# a zero-width joiner, a variation selector or a skin tone: an emoji sequence that a terminal
# draws as one picture (👩‍👩‍👧 takes two columns, not six: a tester's report)
_EMOJI_SEQUENCE = re.compile("[\u200d\ufe00-\ufe0f\U0001f3fb-\U0001f3ff]")


def _width(text: str) -> int:
    """Terminal columns of ``text``: wide (CJK, most emoji) characters take two, marks none;
    emoji sequences as wcwidth counts them (imported only for those: 50 ms)."""
    if text.isascii():
        return len(text)
    if _EMOJI_SEQUENCE.search(text):
        import wcwidth

        width = wcwidth.wcswidth(text)
        if width >= 0:
            return width
    # (format characters, a zero-width space or a soft hyphen, take none, as wcwidth counts them)
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf"
               else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _excerpt(line_text: str, finding: Finding) -> tuple[str, int, int]:
    """The line (cut around the finding when long), and the finding's start and width in it."""
    start = finding.column - 1
    width = max(1, (finding.end_column - finding.column) if finding.end_line == finding.line else len(line_text) - start)
    line_text = line_text.rstrip("\r\n").replace("\t", " ")
    if len(line_text) > MAX_EXCERPT:
        left = max(0, start - MAX_EXCERPT // 3)
        right = min(len(line_text), left + MAX_EXCERPT)
        prefix = "…" if left else ""
        line_text = prefix + line_text[left:right] + ("…" if right < len(line_text) else "")
        start = start - left + len(prefix)
    return line_text, start, width


def render_text(result: Any, color: bool = False, unsafe_fixes: bool = False,
                unsettled: frozenset[str] = frozenset(), **_: Any) -> str:
    """The findings with excerpts and a summary. ``unsafe_fixes``: --unsafe-fixes was given, so
    every fix is one --fix applies; ``unsettled``: after --fix, the files whose fixes undo each
    other, which another --fix would not apply either (a read-only file's still would)."""
    lines: list[str] = []
    documents = {doc.path: doc for doc in result.documents}
    for finding in result.findings:
        location = _paint(f"{_one_line(finding.path)}:{finding.line}:{finding.column}:", "bold", color)
        code = _paint(finding.rule, _SEVERITY_COLOUR[finding.severity], color)
        applies = finding.fix is not None and (finding.fix.safe or unsafe_fixes) and finding.path not in unsettled
        fixable = " [*]" if applies else ""  # as ruff marks them
        lines.append(f"{location} {code}{fixable} {_one_line(finding.message)}")
        doc = documents.get(finding.path)
        if doc is not None:
            excerpt, start, width = _excerpt(doc.line_text(finding.line), finding)
            excerpt = _safe(excerpt)
            marked = excerpt[start:start + min(width, len(excerpt) - start or 1)] or " "
            lines.append(f"  {excerpt}")
            lines.append("  " + " " * _width(excerpt[:start]) + _paint("^" * max(1, _width(marked)), "red", color))
        if finding.suggestions:
            suggestion = " | ".join(_one_line(s) if s else "(delete)" for s in finding.suggestions)
            lines.append("  " + _paint("suggestion: " + suggestion, "green", color))
    fixable = [f for f in result.findings if f.path not in unsettled]
    lines.append(_summary(result.findings, len(result.documents), color, len(result.errors), unsafe_fixes, fixable))
    detected = _detected_languages(result.documents)
    if detected:
        lines.append(detected)
    return "\n".join(lines) + "\n"


FEW_FILES = 2


def _detected_languages(documents: list) -> str:
    """'Language detected: en (...)' when some file's language was guessed: a short text can be
    guessed wrong, and every language-dependent check then judges it as that language."""
    counts: dict[str, int] = {}
    paths: dict[str, list[str]] = {}
    for doc in documents:
        if doc.lang_detected:
            counts[doc.lang] = counts.get(doc.lang, 0) + 1
            paths.setdefault(doc.lang, []).append(doc.path)
    if not counts:
        return ""
    if len(documents) == 1:
        listed = next(iter(counts))
    else:
        by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # a language of one or two files among many is most likely a short text guessed wrong
        # (and files of two languages are never compared across, TC103): name them, all but
        # those of a language more files have than any other
        most = by_count[0][1] if len(by_count) < 2 or by_count[0][1] > by_count[1][1] else None
        listed = ", ".join(f"{lang} in {n} file{'s' if n != 1 else ''}"
                           + (f" ({', '.join(paths[lang])})" if n != most and n <= FEW_FILES else "")
                           for lang, n in by_count)
    plural = "s" if len(counts) > 1 else ""
    return f"Language{plural} detected: {listed} (set with --lang or `lang` in the configuration)."


def _summary(findings: list[Finding], documents: int, color: bool, unreadable: int = 0,
             unsafe_fixes: bool = False, fixable: list[Finding] | None = None) -> str:
    files = f"{documents} file{'s' if documents != 1 else ''}"
    # the unreadable files' error lines are on standard error; their count belongs here too
    unread = f"; {unreadable} more could not be read" if unreadable else ""
    if not findings:
        return _paint(f"No findings in {files}{unread}.", "green" if not unreadable else "bold", color)
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    parts = [f"{n} {str(sev)}{'s' if n != 1 and sev is not Severity.INFO else ''}"  # (3 info, not infos)
             for sev, n in sorted(counts.items(), reverse=True) if n]
    total = len(findings)
    summary = _paint(f"Found {total} finding{'s' if total != 1 else ''} in {files} ({', '.join(parts)}){unread}.",
                     "bold", color)
    fixable = findings if fixable is None else fixable
    safe = sum(1 for f in fixable if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in fixable if f.fix is not None and not f.fix.safe)
    if unsafe_fixes:
        safe, unsafe = safe + unsafe, 0
    if safe or unsafe:
        hidden = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
        summary += f"\n[*] {safe} fixable with --fix{hidden}." if safe else f"\n{unsafe} fixable with --fix --unsafe-fixes."
    return summary
