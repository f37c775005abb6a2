"""Inline suppressions, read from the checked file itself (the filter stage applies them).

Markdown (and any file) -- an HTML comment, as markdownlint writes them::

    <!-- transcheck-disable TC101, TC301 -->   ... until the matching enable (or the end)
    <!-- transcheck-enable TC101 -->           ends the disable of TC101; without codes, of all
    <!-- transcheck-disable-next-line TC302 --> the next line that is not blank
    <!-- transcheck-disable-line TC302 -->      the comment's own line
    <!-- transcheck-disable-file TC3 -->        the whole file

In Markdown only an HTML comment outside code, inline code and front matter counts: a
directive shown in a code sample (or a ``# transcheck-...`` line, a heading or a shell comment
in a fence) suppresses nothing.

Plain text -- the same words on a comment line of their own, starting with ``#`` or ``//``::

    # transcheck-disable-next-line TC101
    // transcheck-disable-file House.ScrapeLeftovers

The plain-text reader masks these comment lines, so they are never checked as prose. Codes are
rule selectors (``TC101``, a prefix ``TC3``, a name ``name-variant``, a category) or a style
file's rule name (``House.Headings``); none means every rule. Suppressions that suppress nothing
are reported by TC002 (unused-suppression), like ruff's RUF100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .model import Document, Finding
from .readers.markdown import code_spans

KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_KIND = r"transcheck-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])"
# (an HTML comment may span lines: <!--\ntranscheck-disable-next-line TC102\n-->)
# (bounded: a directive left unclosed costs a few hundred characters, not the rest of the text,
# and ends before the next comment)
HTML_DIRECTIVE = re.compile(r"<!--\s*" + _KIND + r"(?P<codes>(?:(?!-->|<!--)[^\n]|\n(?!\s*\n)){0,400})-->")
LINE_DIRECTIVE = re.compile(r"^[ \t]*(?:#|//)[ \t]*" + _KIND + r"(?P<codes>[^\n]*)$", re.M)
# A whole line holding only a directive (either form): the plain-text reader masks these.
DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:(?:#|//)[ \t]*transcheck-(?:disable|enable)[^\n]*"
                            r"|<!--[ \t]*transcheck-(?:disable|enable)(?:(?!-->)[^\n])*-->[ \t]*)$", re.M)
ALL = "*"


@dataclass
class Directive:
    kind: str
    selectors: tuple[str, ...]  # ("*",) for every rule
    line: int
    start: int  # offsets of the comment in the file
    end: int
    used: set[str] = field(default_factory=set)  # the selectors that suppressed something


@dataclass
class Region:
    directive: Directive
    selector: str
    first: int  # lines, inclusive
    last: int
    # selectors an enable let through (part of the selector's rules: enable TC102 in a disable of
    # TC1; or a style rule: enable House.Wording in a disable of TC3, enable TC305 in a disable of
    # House.Numbers)
    enabled: frozenset[str] = frozenset()


def parse_directives(doc: Document) -> list[Directive]:
    """The suppression comments of a file; in Markdown, HTML comments outside code only."""
    text, markdown = doc.text, doc.fmt == "md"
    if "transcheck-" not in text:
        return []
    found = []
    code = code_spans(text) if markdown else []
    for pattern in (HTML_DIRECTIVE,) if markdown else (HTML_DIRECTIVE, LINE_DIRECTIVE):
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in code):
                continue  # a directive quoted in code or front matter
            # (a colon after the kind, as some linters write it: transcheck-disable: TC102)
            codes = tuple(c for c in re.split(r"[\s,]+", match.group("codes").strip().removeprefix(":")) if c)
            # a comment over several lines acts from the line where it ends (-next-line: after it)
            line = doc.position(match.end() - 1 if match.group(1) == "disable-next-line" else match.start())[0]
            found.append(Directive(match.group(1), codes or (ALL,), line, match.start(), match.end()))
    found.sort(key=lambda d: d.start)
    return found


def regions(directives: list[Directive], last_line: int, lines: list[str] | None = None) -> list[Region]:
    """The lines each directive covers; ``lines`` (the file's) lets -next-line skip blank lines."""
    out: list[Region] = []
    open_: dict[str, tuple[Directive, int]] = {}
    for d in directives:
        if d.kind == "disable-file":
            out.extend(Region(d, s, 1, last_line) for s in d.selectors)
        elif d.kind == "disable-line":
            out.extend(Region(d, s, d.line, d.line) for s in d.selectors)
        elif d.kind == "disable-next-line":
            target = d.line + 1
            # (past blank lines, and past other comment lines: stacked -next-line comments all
            # apply to the line after them, a final tester's report)
            while lines is not None and target <= len(lines) and (
                    not lines[target - 1].strip() or DIRECTIVE_LINE.fullmatch(lines[target - 1])):
                target += 1
            out.extend(Region(d, s, target, target) for s in d.selectors)
        elif d.kind == "disable":
            for s in d.selectors:
                key = s.upper()
                if key in open_ and open_[key][2]:  # open, but with rules an enable let through: from
                    # here they are off again (a review: the second disable suppressed nothing)
                    opener, first, before = open_.pop(key)
                    out.append(Region(opener, next(x for x in opener.selectors if x.upper() == key), first,
                                      d.line - 1, before))
                open_.setdefault(key, (d, d.line, frozenset()))
        else:  # enable
            # as written, or by the rules named: enable TC102 ends disable house-name-spelling and
            # lets TC102 through a disable of TC1 (a tester's report: the rule stayed off); a style
            # rule's name or a code lets its findings through any other disable, which a finding's
            # rule decides (enable House.Wording in a disable of TC3: another tester's report)
            named = {s.upper() for s in d.selectors}
            for key in list(open_):
                opener, first, before = open_.pop(key)
                selector = next(s for s in opener.selectors if s.upper() == key)
                out.append(Region(opener, selector, first, d.line, before))
                through = before | {s.upper() for s in d.selectors}
                if d.selectors == (ALL,) or key in named \
                        or (selector_codes(key)
                            and selector_codes(key) <= frozenset(c for e in through for c in selector_codes(e))):
                    continue  # every rule of the disable is on again
                open_[key] = (opener, d.line, through)  # (the rest stays disabled)
    for key, (opener, first, enabled) in open_.items():
        selector = next(s for s in opener.selectors if s.upper() == key)
        out.append(Region(opener, selector, first, last_line, enabled))
    return out


def selector_codes(selector: str) -> frozenset[str]:
    """The codes of the rules a selector names (none for a style rule's name or an unknown one)."""
    from .registry import all_rules, matches

    return frozenset(rule.code for rule in all_rules() if matches(rule, [selector]))


def selector_matches(selector: str, finding: Finding) -> bool:
    if selector == ALL:
        return True
    style_rule = finding.extra.get("style_rule")
    if isinstance(style_rule, str) and selector.lower() == style_rule.lower():
        return True
    from .registry import get_rule, matches

    rule = get_rule(finding.rule)
    return rule is not None and matches(rule, [selector])


def apply(findings: Iterable[Finding], documents: dict[str, Document]) -> tuple[list[Finding], dict[str, list[Directive]]]:
    """Drop suppressed findings; return those kept and each file's directives (with their use)."""
    directives_of: dict[str, list[Directive]] = {}
    regions_of: dict[str, list[Region]] = {}
    for path, doc in documents.items():
        directives = parse_directives(doc)
        if directives:
            directives_of[path] = directives
            lines = [doc.line_text(line) for line in range(1, doc.lines.line_count + 1)]
            regions_of[path] = regions(directives, len(lines), lines)
    if not regions_of:
        return list(findings), directives_of
    kept = []
    for finding in findings:
        suppressed = False
        for region in regions_of.get(finding.path, ()):
            if region.first <= finding.line <= region.last and selector_matches(region.selector, finding) \
                    and not any(selector_matches(through, finding) for through in region.enabled):
                region.directive.used.add(region.selector)
                suppressed = True
        if not suppressed:
            kept.append(finding)
    return kept, directives_of


def selector_ran(selector: str, ran: set[str], styles_ran: dict[str, bool] | None = None) -> bool | None:
    """Whether a rule the selector names ran on the file: None when it names no rule at all.
    ``styles_ran`` maps each configured style rule's name (lower case) to whether it ran: its
    rule code was selected and not ignored for the file, and its ``lang`` admits the file's."""
    from .registry import all_rules, matches

    if selector == ALL:
        return bool(ran)
    if "." in selector:  # a style rule's name (House.Wording)
        return (styles_ran or {}).get(selector.lower())
    named = [rule.code for rule in all_rules() if matches(rule, [selector])]
    if not named:
        return None
    return any(code in ran for code in named)
