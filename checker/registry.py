"""Rules and the registry that lists them.

A rule is a small class with a stable code, a kebab-case name, a category, a default severity,
a scope and a :class:`RuleDoc`. ``transcheck rules``, ``transcheck rule CODE``, the SARIF
output and ``docs/rules.md`` all read the same ``RuleDoc``.

Scopes decide which hook the pipeline calls:

* ``Scope.SEGMENT``: ``check_segment(doc, segment, ctx)`` for every sentence;
* ``Scope.DOCUMENT``: ``check_document(doc, ctx)`` once per document;
* ``Scope.PAIR``: ``check_pair(source_doc, target_doc, ctx)`` for aligned bilingual input;
* ``Scope.CORPUS``: ``collect(doc, ctx) -> stats`` per document, ``combine(a, b)`` to merge the
  small statistics (in any order, on any worker) and ``finalize(stats, docs, ctx)`` to turn them
  into findings. A process pool or a cluster only needs ``collect`` and ``combine`` to be
  picklable and associative.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Mapping

from .casing import keep_wrapped_line
from .model import CATEGORIES, Document, Finding, Fix, Scope, Segment, Severity

if TYPE_CHECKING:
    from .pipeline import CheckContext

_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_CODE = re.compile(r"^TC\d{3}$")


@dataclass(frozen=True)
class RuleDoc:
    summary: str  # one line: what it finds
    why: str  # why it matters to a reader or an editor
    bad: str  # an example that the rule reports
    good: str  # the same example, correct
    fix: str = "No automatic fix."  # what --fix does, and whether it is safe

    def as_text(self) -> str:
        return (
            f"{self.summary}\n\nWhy: {self.why}\n\nExample (reported):\n  {self.bad}\n"
            f"Example (accepted):\n  {self.good}\n\nFix: {self.fix}"
        )


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    scope: ClassVar[Scope] = Scope.DOCUMENT
    fixable: ClassVar[bool] = False
    doc: ClassVar[RuleDoc]

    # Hooks; a rule implements the ones its scope needs.
    def check_segment(self, doc: Document, segment: Segment, ctx: "CheckContext") -> Iterable[Finding]:
        return ()

    def check_document(self, doc: Document, ctx: "CheckContext") -> Iterable[Finding]:
        return ()

    def check_pair(self, source: Document, target: Document, ctx: "CheckContext") -> Iterable[Finding]:
        return ()

    def collect(self, doc: Document, ctx: "CheckContext") -> Any:
        return None

    def combine(self, left: Any, right: Any) -> Any:
        return None

    def finalize(self, stats: Any, docs: Mapping[str, Document], ctx: "CheckContext") -> Iterable[Finding]:
        return ()

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
        **extra: Any,
    ) -> Finding:
        """Build a finding for ``doc.text[start:end]`` with its line and column span."""
        if fix is not None:
            fix = keep_wrapped_line(doc.text, fix)
            if (fix.start, fix.end) != (start, end):
                fix = dataclasses.replace(fix, position=doc.position(fix.start) + doc.position(fix.end))
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        variant_of = extra.pop("variant_of", None)
        return Finding(
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            path=doc.path,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=doc.text[start:end],
            message=message,
            suggestions=list(suggestions),
            fix=fix if fix is None or fix.replacement != doc.text[fix.start:fix.end] else None,  # no no-op fixes
            variant_of=variant_of,
            extra=extra,
        )


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: validates the rule's metadata and adds it to the registry."""
    if not _CODE.match(cls.code):
        raise ValueError(f"rule code {cls.code!r} is not of the form TC123")
    if not _KEBAB.match(cls.name):
        raise ValueError(f"rule name {cls.name!r} is not kebab-case")
    if cls.category not in CATEGORIES:
        raise ValueError(f"rule {cls.code}: unknown category {cls.category!r}")
    if not isinstance(getattr(cls, "doc", None), RuleDoc):
        raise ValueError(f"rule {cls.code} has no RuleDoc")
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise ValueError(f"duplicate rule code {cls.code}")
    _REGISTRY[cls.code] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    """Every registered rule, sorted by code."""
    from . import rules  # noqa: F401  (importing the package registers the built-in rules)

    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_rule(code_or_name: str) -> type[Rule] | None:
    by_code = _REGISTRY.get(code_or_name.upper())  # the common case: a code, without a scan
    if by_code is not None:
        return by_code
    for rule in all_rules():
        if code_or_name.upper() == rule.code or code_or_name.lower() == rule.name:
            return rule
    return None


_STYLE_RULE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+$")
STYLE_FAMILY = "TC3"  # the rules that run the house style's own rules


def is_style_rule_selector(selector: str) -> bool:
    """``House.Wording``: one rule of a style file (as Vale names them), not a transcheck rule."""
    return bool(_STYLE_RULE.match(selector.strip()))


def matches(rule: type[Rule], selectors: Iterable[str]) -> bool:
    """True when a selector names the rule: a code prefix (``TC1``), a full code, a name, or ALL.
    A style rule's name (``House.Wording``) names no transcheck rule (see ``style_rule_selected``)."""
    for selector in selectors:
        sel = selector.strip()
        if not sel or is_style_rule_selector(sel):
            continue
        if sel.upper() == "ALL" or rule.code.startswith(sel.upper()) or sel.lower() in (rule.name, rule.category):
            return True
    return False


def specificity(rule: type[Rule], selector: str) -> tuple[int, int]:
    """How narrowly a selector that ``matches`` the rule names it, for ``[severity]``: the exact
    code, then the name, then code prefixes (the longer first), then the category, then ALL."""
    sel = selector.strip()
    if sel.upper() == rule.code:
        return (4, 0)
    if sel.lower() == rule.name:
        return (3, 0)
    if sel.upper() != "ALL" and rule.code.startswith(sel.upper()):
        return (2, len(sel))
    return (1, 0) if sel.lower() == rule.category else (0, 0)


def known_selector(selector: str) -> bool:
    sel = selector.strip()
    return is_style_rule_selector(sel) or any(matches(rule, [sel]) for rule in all_rules()) \
        or reserved_selector(sel)


def reserved_selector(selector: str) -> bool:
    """A category that has no rule yet, or its codes' prefix (alignment, TC5: the categories of
    ``docs/output.md``): a configuration may name it now; it selects nothing until its rules come."""
    sel = selector.strip().lower()
    empty = [(i, category) for i, category in enumerate(CATEGORIES, 1)
             if not any(rule.category == category for rule in all_rules())]
    return any(sel in (category, f"tc{i}") for i, category in empty)


def iter_selected(select: Iterable[str] | None, ignore: Iterable[str]) -> Iterator[type[Rule]]:
    """The rules to run; selecting one style rule (``House.Wording``) runs the style rules, whose
    findings ``style_rule_selected`` then narrows."""
    select = list(select) if select else ["ALL"]
    ignore = list(ignore)
    some_style_rule = any(is_style_rule_selector(sel) for sel in select)
    for rule in all_rules():
        if (matches(rule, select) or (some_style_rule and rule.code.startswith(STYLE_FAMILY))) \
                and not matches(rule, ignore):
            yield rule


def style_rule_selected(code: str, style_rule: str, select: Iterable[str] | None, ignore: Iterable[str]) -> bool:
    """Whether a finding of the style's rule ``style_rule`` (reported as ``code``) stays: not
    ignored by that name, and, when the selection names style rules, named there or selected by
    its code (``--select House.Wording`` keeps House.Wording alone; ``TC3,House.Wording`` all)."""
    name = style_rule.lower()  # as suppression comments, whatever the case it is written in
    if name in (sel.strip().lower() for sel in ignore):
        return False
    select = [sel.strip() for sel in select or ()]
    named = [sel.lower() for sel in select if is_style_rule_selector(sel)]
    rule = get_rule(code)
    return not named or name in named or (rule is not None and matches(rule, select))
