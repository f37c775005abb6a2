"""TC002 unused-suppression: a ``transcheck-disable`` comment that suppresses nothing.

The filter stage (``checker.pipeline.filter_findings``) applies suppressions after every other
rule has run, so this rule has no hook of its own: ``unused_suppressions`` builds its findings.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Document, Finding, Fix, Scope, Severity
from ..registry import Rule, RuleDoc, register
from ..suppress import ALL, Directive, selector_codes, selector_ran


@register
class UnusedSuppression(Rule):
    code = "TC002"
    name = "unused-suppression"
    category = "style"
    severity = Severity.WARNING
    scope = Scope.DOCUMENT
    fixable = True
    doc = RuleDoc(
        summary="A `transcheck-disable` comment (or one of its codes) that suppresses no finding, or a "
                "`transcheck-disable` or `-enable` code that names no rule.",
        why="A suppression outlives the problem it hid; left in place, it would silently hide the next real "
            "mistake on those lines. Like ruff's RUF100.",
        bad="<!-- transcheck-disable-next-line TC101 --> above a line whose names are all spelled one way",
        good="the same line without the comment",
        fix="Unsafe: removes a comment line whose every code is unused, or the unused codes of one that has "
            "used ones too (only with --unsafe-fixes).",
    )


def unused_suppressions(directives_of: dict[str, list[Directive]], documents: dict[str, Document],
                        ran_of: dict[str, set[str]], styles_ran_of: dict[str, dict[str, bool]] | None = None,
                        ) -> Iterable[Finding]:
    """Findings for the directives (per code) that suppressed nothing among the rules that ran
    (``ran_of``: the codes per file; ``styles_ran_of``: per file, whether each style rule ran)."""
    rule = UnusedSuppression()
    for path, directives in directives_of.items():
        doc = documents[path]
        ran = ran_of.get(path, set())
        styles_ran = (styles_ran_of or {}).get(path, {})
        if rule.code not in ran:
            continue
        removed: set[int] = set()  # (ids of the directives whose fix removes them)
        reported: set[int] = set()
        for directive in directives:
            unused = []
            for selector in directive.selectors:
                if selector in directive.used:
                    continue
                state = selector_ran(selector, ran, styles_ran)
                if state is None:
                    # (an enable naming no rule, a typo, left its disable on to the file's end)
                    unused.append((selector, "names no rule"))
                elif state and directive.kind != "enable":
                    unused.append((selector, "suppresses nothing"))
            if not unused:
                continue
            what = "; ".join(("every rule" if s == ALL else s) + f" {reason}" for s, reason in unused)
            fix = None  # (an enable's is to correct its code, not to remove it)
            if len(unused) == len(directive.selectors) and directive.kind != "enable":
                fix = _removal(doc.text, directive)
                removed.add(id(directive))
            elif directive.kind != "enable":  # the unused codes only (as ruff's RUF100 does)
                fix = _without_codes(doc.text, directive, [selector for selector, _ in unused])
            kind = "Unused suppression" if directive.kind != "enable" else "Suppression comment"
            reported.add(id(directive))
            yield rule.finding(doc, directive.start, directive.end, f"{kind} (transcheck-{directive.kind}): {what}.",
                               fix=fix)
        # an enable that ends only disables removed above goes with them (a new user's report: it
        # was left behind, alone)
        for enable in _enables_of_only(directives, removed):
            if id(enable) not in reported:
                yield rule.finding(doc, enable.start, enable.end, "Suppression comment (transcheck-enable): it "
                                   "ends only unused suppressions.", fix=_removal(doc.text, enable))


def _enables_of_only(directives: list[Directive], removed: set[int]) -> list[Directive]:
    """The enable comments whose every disable they end or reach is among ``removed`` (by id).
    An enable ends a disable as ``suppress.regions`` reads it: by the same selector, or by codes
    that cover the disable's rules (enable TC104 ends disable name-hyphen); it reaches one whose
    rules it lets partly through (enable TC101 in a disable of TC1), which must keep it (a review)."""
    out = []
    open_: list[Directive] = []
    for directive in directives:
        if directive.kind == "disable":
            open_.append(directive)
        elif directive.kind == "enable":
            named = {s.upper() for s in directive.selectors}
            codes = frozenset(c for s in named for c in selector_codes(s))

            def ends(disable: Directive) -> bool:
                return directive.selectors == (ALL,) or all(
                    s.upper() in named or (selector_codes(s.upper()) and selector_codes(s.upper()) <= codes)
                    for s in disable.selectors)

            def reaches(disable: Directive) -> bool:
                return ends(disable) or any(selector_codes(s.upper()) & codes for s in disable.selectors)

            reached = [d for d in open_ if reaches(d)]
            open_ = [d for d in open_ if not ends(d)]
            if reached and all(id(d) in removed for d in reached):
                out.append(directive)
    return out


def _removal(text: str, directive: Directive) -> Fix:
    """The unsafe fix that removes a comment: its whole line where it stands alone; at a line's
    end, with the spaces before it; inside a line, with one space after it."""
    start, end = directive.start, directive.end
    # (the lines the comment spans, from its first to its last: a comment over several
    # lines lost only its last, "-->", and hid the rest of the file: a review)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        start, end = line_start, min(len(text), line_end + 1)  # the whole comment line
    elif not text[end:line_end].strip():  # at a line's end: the spaces before it too
        start = line_start + len(text[line_start:start].rstrip(" \t"))
        # (and after it, up to the line break, a CR kept: "Nice sentence. " was left)
        end = max(end, line_end - (text[line_end - 1:line_end] == "\r"))
    elif text[end:end + 1] in (" ", "\t"):  # inside a line: one space after it too
        end += 1
    return Fix(start, end, "", safe=False)


def _without_codes(text: str, directive: Directive, codes: list[str]) -> Fix | None:
    """The fix that takes ``codes`` out of the comment, with the comma or space that joins each to
    the rest (TC301, TC302, TC305 -> TC301: a tester's report); None where one is not found."""
    written = text[directive.start:directive.end]
    for code in codes:
        code_re = r"(?<![\w.-])" + re.escape(code) + r"(?![\w.-])"
        # a code followed by a comma goes with it; else with the comma or spaces before it
        shorter = re.sub(code_re + r"[ \t]*,[ \t]*", "", written, count=1, flags=re.IGNORECASE)
        if shorter == written:
            shorter = re.sub(r"(?:[ \t]*,[ \t]*|[ \t]+)" + code_re, "", written, count=1, flags=re.IGNORECASE)
        if shorter == written:
            return None
        written = shorter
    return Fix(directive.start, directive.end, written, safe=False)
