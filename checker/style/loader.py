"""Read style files and compile their rules once.

Two layouts are accepted:

* a **transcheck style file**: several rules under ``rules:``, named ``<style>.<key>``::

      style: House               # optional; default: the file name, capitalised
      rules:
        Taleban:
          extends: substitution
          message: "Use '%s' rather than '%s'."
          ignorecase: true
          swap:
            Taleban: Taliban

* a **Vale rule file** (``extends:`` at the top level), named ``<folder>.<file stem>`` as Vale
  names it (``styles/House/Taleban.yml`` -> ``House.Taleban``); a folder of such files is a style.

Rule types (``extends``): ``existence``, ``substitution``, ``consistency``, ``capitalization`` (as
in Vale) and ``numbers`` (transcheck's: "200 thousand" -> "200,000"). Every mistake -- malformed
YAML, an unknown type or key, a bad value, an invalid regular expression -- is an
:class:`~checker.model.InputError` of one line: ``path:line: problem``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from ..lang import primary_language
from ..model import InputError, Severity

RULE_TYPES = ("existence", "substitution", "consistency", "capitalization", "numbers")
VALE_ONLY_TYPES = ("occurrence", "repetition", "conditional", "readability", "spelling", "sequence", "metric", "script")
_COMMON_KEYS = {"extends", "message", "level", "description", "link", "scope", "ignorecase", "nonword",
                "exceptions", "vocab", "action", "limit", "lang"}
_TYPE_KEYS = {
    "existence": {"tokens", "raw", "append"},
    "substitution": {"swap", "capitalize", "append"},
    "consistency": {"either"},
    "capitalization": {"match", "style", "indicators", "threshold", "prefix"},
    "numbers": {"separator", "multipliers", "conjunctions", "group"},
}
DEFAULT_MESSAGES = {
    "existence": "Avoid '%s'.",
    "substitution": "Use '%s' rather than '%s'.",
    "consistency": "Use one form consistently: '%s' here, but '%s' earlier in this document.",
    "capitalization": "'%s' does not follow the house capitalisation.",
    "numbers": "Write '%s' rather than '%s'.",
}
_LEVELS = {"suggestion": Severity.INFO, "info": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
# Vale scopes -> the blocks transcheck knows. Markdown list items, quotes and tables are paragraphs here.
_SCOPES = {
    "text": "text", "sentence": "sentence", "paragraph": "paragraph", "list": "paragraph", "blockquote": "paragraph",
    "table": "paragraph", "heading": "heading", "title": "heading", "caption": "caption", "raw": "raw",
}
_HEADING_LEVELS = ("h1", "h2", "h3", "h4", "h5", "h6")
_STYLE_FILE_KEYS = {"style", "rules", "description", "version"}
# A match never begins or ends inside a word (Vale's \b, without its quirk at non-word edges).
EDGE = r"(?!(?<=\w)\w)"
_PLACEHOLDER = re.compile(r"%%|%s")  # in a rule's message
GROUP_REF = re.compile(r"\$\$|\$(\d+)|\$\{(\d+)\}")  # $1 or ${1} in a replacement: the key's group; $$: a $
_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


def _placeholders(message: str) -> int:
    """The ``%s`` a message holds (not a ``%%``)."""
    return sum(m.group(0) == "%s" for m in _PLACEHOLDER.finditer(message))


class StyleError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


class ValeOnlyType(StyleError):
    """A Vale rule type transcheck does not run: an error in a file named on its own, a skipped
    file (with a notice) inside a Vale style folder, so that the rest of the style still runs."""


# ------------------------------------------------------------------------------- YAML with lines


class _Str(str):
    line = 0
    null = False  # written as nothing, ~ or null (not as '')


class _Map(dict):
    line = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}


class _List(list):
    line = 0


def _make_loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[valid-type, misc]
        pass

    def scalar(loader: Any, node: Any) -> _Str:
        # Every scalar stays a string (YAML 1.1 would turn "on", "no", "1e3" into other types);
        # the validators below convert what must be a number or a boolean.
        value = _Str(loader.construct_scalar(node))
        value.line = node.start_mark.line + 1
        value.null = node.tag == "tag:yaml.org,2002:null"
        return value

    def mapping(loader: Any, node: Any) -> _Map:
        loader.flatten_mapping(node)
        result = _Map()
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise StyleError(line, "keys must be plain strings")
            if key in result:
                raise StyleError(line, f"duplicate key {str(key)!r}")
            result[str(key)] = loader.construct_object(value_node, deep=True)
            result.key_lines[str(key)] = line
        return result

    def sequence(loader: Any, node: Any) -> _List:
        result = _List(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        return result

    for tag in ("str", "bool", "int", "float", "null", "timestamp", "binary"):
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", scalar)
    Loader.add_constructor("tag:yaml.org,2002:map", mapping)
    Loader.add_constructor("tag:yaml.org,2002:omap", mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", sequence)
    return Loader


_LOADER: type | None = None


def parse_yaml(text: str) -> Any:
    """YAML to plain values whose strings, maps and lists know their line; StyleError when malformed."""
    import yaml

    global _LOADER
    if _LOADER is None:
        _LOADER = _make_loader()
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506  (a safe loader)
    except yaml.MarkedYAMLError as error:
        from ..glossary.yamlfile import yaml_error_line

        line = yaml_error_line(error, text)
        problem = " ".join(str(p) for p in (error.context, error.problem) if p)
        raise StyleError(line or 1, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise StyleError(1, f"invalid YAML: {error}") from None


def _line(value: Any, default: int) -> int:
    return getattr(value, "line", 0) or default


# ------------------------------------------------------------------------------------ the rules


@dataclass
class StyleRule:
    """One compiled rule of a style file."""

    name: str  # "House.Taleban"
    kind: str  # one of RULE_TYPES
    message: str
    path: str
    line: int
    level: Severity | None = None
    scopes: frozenset[str] = frozenset({"text"})
    excluded_scopes: frozenset[str] = frozenset()
    langs: tuple[str, ...] = ()
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> the regions named (lang: de-DE)
    limit: int = 0  # at most this many findings per document (0: no limit)
    pattern: re.Pattern | None = None  # existence, substitution: the combined pattern
    # ignorecase rules: the same pattern in lower case, case-sensitive, for the lower-cased prose
    # (a case-insensitive pattern cannot skip ahead on its literal prefix: ~7x slower)
    folded: re.Pattern | None = None
    exceptions: re.Pattern | None = None
    ignorecase: bool = False
    edge: bool = False  # the pattern's matches must not start inside a word (checked when matching)
    # substitution: key index (longest key first) -> (the key's own pattern, [replacements])
    swaps: dict[int, tuple[re.Pattern | None, list[str], str]] = field(default_factory=dict)  # (key, replacements, key as written)
    # consistency: [(combined pattern with groups a/b, form a, form b)]
    pairs: list[tuple[re.Pattern, str, str]] = field(default_factory=list)
    # capitalization
    match: str = "$sentence"
    match_pattern: re.Pattern | None = None
    title_style: str = "AP"
    words: frozenset[str] = frozenset()  # exceptions, exact
    indicators: tuple[str, ...] = ()
    threshold: float = 0.8
    prefix: re.Pattern | None = None
    # numbers
    separator: str | None = None
    multipliers: dict[str, int] | None = None
    conjunctions: tuple[str, ...] | None = None
    group: int = 0

    def applies_to(self, lang: str | None) -> bool:
        """Whether the rule runs on a document in ``lang``: its language, and where the rule names
        regions of it and the document one, one of those (lang: de-DE is not for de-AT; a plain
        de, or a detected language, takes every de rule)."""
        primary = primary_language(lang)
        if self.langs and primary not in self.langs:
            return False
        wanted = self.regions.get(primary)
        if not wanted:
            return True
        from ..glossary.model import region_holds, region_of

        region = region_of(lang)
        return region is None or any(named == region or region_holds(primary, named, region) for named in wanted)

    def format(self, *args: str) -> str:
        """Vale's ``%s`` placeholders, filled in order, and ``%%`` for a percent sign (Go's
        printf, which Vale uses); the rule's name follows in brackets."""
        collapsed = [" ".join(arg.split()) for arg in args]  # masked markup and line breaks read as one space
        if len(set(collapsed)) < len(set(args)):
            # ... unless that hides the difference: spaces other than the plain one are shown
            # ("';' au lieu de ';'" for a narrow no-break space before ";": a tester's report)
            collapsed = ["".join(f"<U+{ord(ch):04X}>" if ch.isspace() and ch != " " else ch for ch in arg)
                         for arg in args]
        filled = iter(collapsed)
        text = _PLACEHOLDER.sub(lambda m: "%" if m.group(0) == "%%" else next(filled, ""), self.message)
        return f"{text} [{self.name}]"


@dataclass
class StyleSet:
    rules: list[StyleRule] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # Vale rules of a style folder not run, one line each

    def of_kind(self, kind: str) -> list[StyleRule]:
        return [rule for rule in self.rules if rule.kind == kind]


def _translate(pattern: str) -> str:
    """Go/Vale regular-expression spellings that Python writes differently, and literal spaces
    that also match a wrapped line (``_wrap_spaces``)."""
    m = _GLOBAL_FLAGS.match(pattern)
    verbose = bool(m and "x" in m.group(1))
    if m:  # "(?i)foo" inside an alternation is an error in Python: scope the flags instead
        # (verbose: the group closes on a line of its own, or a last "# comment" takes the ")")
        pattern = f"(?{m.group(1)}:{pattern[m.end():]}{chr(10) if verbose else ''})"
    pattern = pattern.replace(r"\z", r"\Z")
    if "[:" in pattern or "\\p" in pattern or "\\P" in pattern:
        pattern = _go_classes(pattern, verbose)
    return pattern if verbose else _wrap_spaces(pattern)


# Go's (RE2's) POSIX classes, ASCII as there, which Python's re lacks ([[:alpha:]]+ matched a
# literal set of ":alph" and gave a warning: a tester's report)
_POSIX = {
    "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x00-\\x7f", "blank": "\\t ", "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~", "punct": "!-/:-@\\[-`{-~",
    "space": "\\t\\n\\v\\f\\r ", "upper": "A-Z", "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
}
_POSIX_CLASS = re.compile(r"\[:(\^?)([a-z]+):\]")
# Go's Unicode classes by general category: \pL, \p{Lu}, \PL, \p{^Lu} (not its scripts: \p{Greek})
_UNICODE_CLASS = re.compile(r"\\([pP])(?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))")
_CATEGORIES = frozenset("Cc Cf Co Cs Ll Lm Lo Lt Lu Mc Me Mn Nd Nl No Pc Pd Pe Pf Pi Po Ps Sc Sk Sm So Zl Zp Zs".split())


class PosixClassError(ValueError):
    """A POSIX or Unicode class that Python's re cannot be given (``build_rule`` names the rule's
    line)."""


@lru_cache(maxsize=None)
def _category_runs() -> dict[str, list[tuple[int, int]]]:
    """Each general category's runs of code points, (first, last), in one scan (where a style asks
    for a category: ~0.1 s). Planes 4 to 13 are unassigned and 15 and 16 private use: planes 0-3
    and 14 are scanned, a quarter of the time of all 17."""
    import unicodedata

    category = unicodedata.category
    runs: dict[str, list[tuple[int, int]]] = {"Co": [(0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)]}
    current, first, last = None, 0, -2
    for code in itertools.chain(range(0x40000), range(0xE0000, 0xF0000)):
        cat = category(chr(code))
        if cat == current and code == last + 1:
            last = code
            continue
        if current is not None:
            runs.setdefault(current, []).append((first, last))
        current, first, last = cat, code, code
    runs.setdefault(current, []).append((first, last))
    return runs


@lru_cache(maxsize=None)
def _category_ranges(name: str) -> str:
    """The code points of a Unicode general category (Lu) or of a major class (L: Lu, Ll, Lt, Lm
    and Lo) as ranges for a character set."""
    runs = sorted(run for cat, cat_runs in _category_runs().items() if cat in _CATEGORIES and cat.startswith(name)
                  for run in cat_runs)
    return "".join(_set_range(first, last) for first, last in runs)


def _set_range(first: int, last: int) -> str:
    return f"\\U{first:08x}" if first == last else f"\\U{first:08x}-\\U{last:08x}"


def _unicode_class(match: re.Match) -> tuple[str, bool]:
    """(the ranges of \\p{...} / \\pX, whether it is negated)."""
    negated = (match.group(1) == "P") != bool(match.group(2))
    name = match.group(3) or match.group(4)
    if name != "Any" and not any(c.startswith(name) for c in _CATEGORIES):
        raise PosixClassError(f"the Unicode class \\p{{{name}}}: Python's re reads general categories only (such as "
                              "L, Lu, N, P), not scripts or other properties")
    return ("\\x00-\\U0010ffff" if name == "Any" else _category_ranges(name)), negated


def _go_classes(pattern: str, verbose: bool = False) -> str:
    """``pattern`` with Go's character classes that Python's re lacks written as the ranges they
    stand for: POSIX classes inside a set and not escaped ([:alpha:]), and Unicode categories
    anywhere (\\p{Lu}, \\pL). A negated one ([:^alpha:], \\P{L}) inside a set only as the whole
    set ([[:^alpha:]] -> [^A-Za-z]); any other is an error, not a set of its letters. In a
    ``verbose`` pattern a comment is left as written."""
    out, i, in_set, set_start = [], 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if verbose and ch == "#" and not in_set:
            end = pattern.find("\n", i)
            end = len(pattern) if end < 0 else end
            out.append(pattern[i:end])
            i = end
            continue
        if ch == "\\":
            m = _UNICODE_CLASS.match(pattern, i)
            if m is None:
                out.append(pattern[i:i + 2])
                i += 2
                continue
            ranges, negated = _unicode_class(m)
            if not in_set:
                out.append(("[^" if negated else "[") + ranges + "]")
            elif not negated:
                out.append(ranges)
            elif "".join(out[set_start:]) == "[" and pattern[m.end():m.end() + 1] == "]":
                out.append("^" + ranges)
            else:
                raise PosixClassError(f"a negated Unicode class ({m.group()}) inside a set, which Python's re cannot "
                                      "express (only as the whole set)")
            i = m.end()
            continue
        if not in_set:
            if ch == "[":
                in_set, set_start = True, len(out)
                out.append(ch)
                i += 1
                if pattern[i:i + 1] == "^":
                    out.append("^")
                    i += 1
                if pattern[i:i + 1] == "]":  # a ] first in a set is a literal
                    out.append("]")
                    i += 1
                continue
            out.append(ch)
            i += 1
            continue
        m = _POSIX_CLASS.match(pattern, i)
        if m is not None:
            name = m.group(2)
            if name not in _POSIX:
                raise PosixClassError(f"unknown POSIX class [:{name}:]")
            if m.group(1):  # negated: only a set of it alone
                if "".join(out[set_start:]) != "[" or pattern[m.end():m.end() + 1] != "]":
                    raise PosixClassError(f"a negated POSIX class ([:^{name}:]) inside a set, which Python's re "
                                          "cannot express (only as the whole set)")
                out.append("^" + _POSIX[name])
            else:
                out.append(_POSIX[name])
            i = m.end()
            continue
        if ch == "]":
            in_set = False
        out.append(ch)
        i += 1
    return "".join(out)


# A space between two words of a token also matches a wrapped line (and a double space or a
# no-break space); checker.style.match drops a match that runs over a blank line.
_ANY_SPACE = r"\s+"
_QUANTIFIERS = "*+?{"


def _wrap_spaces(pattern: str) -> str:
    r"""``pattern`` with each run of literal spaces (outside character classes, not quantified)
    matching any whitespace: "president in charge" also finds "president in\ncharge". Vale keeps
    the author's line breaks, so its multi-word tokens miss a wrapped phrase unless written with
    ``\s+``. (A pattern that keeps the single space and adds "or one line break" doubles the
    time to compile a style.)"""
    out = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                out.append(ch)
                i += 1
                ch = pattern[i]
            if pattern[i + 1:i + 2] == "]":  # a "]" first in a class is literal
                out.append(ch)
                i += 1
                ch = pattern[i]
        elif ch == " ":
            end = i
            while end < len(pattern) and pattern[end] == " ":
                end += 1
            if end < len(pattern) and pattern[end] in _QUANTIFIERS:
                out.append(pattern[i:end])  # "a ?b", "a {2}b": the author counts the spaces
            elif _at_an_edge(pattern, i, end):
                # a space opening or closing the key (" ;" of a typography rule) is that space, as
                # in Vale: a line break or a no-break space there is no wrapped phrase (it found
                # the right no-break space before ";" and wrote another: a tester's report)
                out.append(pattern[i:end])
            else:
                out.append(_ANY_SPACE)
            i = end
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _at_an_edge(pattern: str, start: int, end: int) -> bool:
    """The spaces ``pattern[start:end]`` open or close the pattern, a group or an alternative."""
    before = pattern[:start]
    return (not before or before.endswith(("(", "|", "(?:")) or end == len(pattern)
            or pattern[end] in ")|")


# Escapes that mean the same in a lower-cased pattern matched against lower-cased text.
_CASELESS_ESCAPES = frozenset("wWdDsSbBAZtnrfv123456789")
_PLAIN_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


def lowered_pattern(source: str) -> str | None:
    """``source`` in lower case, to match ``text.lower()`` case-sensitively as ``source`` matches
    ``text`` with IGNORECASE; None where that is not sure: inline flags, named groups, escapes
    that name a character by its code, or a pattern whose length changes in lower case."""
    rest = source
    for group in _PLAIN_GROUPS:
        rest = rest.replace(group, "")
    if "(?" in rest:
        return None
    out = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            escaped = source[i + 1:i + 2]
            if escaped.isalnum() and escaped not in _CASELESS_ESCAPES:
                return None
            out.append(source[i:i + 2])
            i += 2
            continue
        low = ch.lower()
        if len(low) != 1:
            return None
        out.append(low)
        i += 1
    return "".join(out)


def _compile_folded(rule: "StyleRule", source: str) -> None:
    if rule.ignorecase:
        lowered = lowered_pattern(source)
        if lowered is not None:
            rule.folded = _quiet_compile(lowered)


@contextlib.contextmanager
def _no_future_warnings() -> Iterator[None]:
    """re's FutureWarning on a literal [ first in a set ("[[]x]", as Go reads it) kept quiet:
    only the CLI writes to standard error."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        yield


def _quiet_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` under ``_no_future_warnings``."""
    with _no_future_warnings():
        return re.compile(pattern, flags)


def _compile(pattern: str, flags: int, line: int, what: str) -> re.Pattern:
    try:
        return _quiet_compile(pattern, flags)
    except re.error as error:
        raise StyleError(line, f"invalid regular expression in {what}: {error.msg}"
                         + (f" at position {error.pos}" if error.pos is not None else "")) from None
    except (OverflowError, RecursionError, ValueError) as error:
        raise StyleError(line, f"invalid regular expression in {what}: {error}") from None


def _as_str(value: Any, key: str, line: int, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise StyleError(_line(value, line), f"{key!r} must be a {'' if empty else 'non-empty '}string")
    return str(value)


def _language(code: str, line: int) -> str:
    """A rule's language as the checks compare it (pt-BR -> pt); a code that is no language is an
    error, not a rule that never runs (lang: english)."""
    from ..lang import normalise_lang

    try:
        return normalise_lang(code)
    except InputError as error:
        raise StyleError(line, str(error)) from None


def _as_list(value: Any, key: str, line: int) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise StyleError(_line(value, line), f"{key!r} must be a list of strings")
    return list(value)


def _as_bool(value: Any, key: str, line: int) -> bool:
    text = str(value).strip().lower() if isinstance(value, str) else None
    if text in ("true", "yes", "on"):
        return True
    if text in ("false", "no", "off", ""):
        return False
    raise StyleError(_line(value, line), f"{key!r} must be true or false")


GROUP_MIN, GROUP_MAX = 4, 30  # digits from which a number is grouped: 1000 at the least


def _as_number(value: Any, key: str, line: int, kind: type = float, low: float | None = None,
               high: float | None = None) -> Any:
    """``value`` as a number of ``kind``, within ``low``..``high`` when given (limit: -1 was
    read as 1, a tester's report)."""
    try:
        number = kind(str(value).replace("_", ""))
    except (TypeError, ValueError, OverflowError):
        raise StyleError(_line(value, line), f"{key!r} must be a {'whole ' if kind is int else ''}number") from None
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise StyleError(_line(value, line), f"{key!r} must be {bounds}, not {value}")
    return number


def _as_map(value: Any, key: str, line: int) -> _Map:
    if not isinstance(value, dict):
        raise StyleError(_line(value, line), f"{key!r} must be a mapping")
    return value


def _scopes(value: Any, line: int) -> tuple[frozenset[str], frozenset[str]]:
    included, excluded = set(), set()
    for item in _as_list(value, "scope", line):
        negated = item.strip().startswith("~")
        name, _, part = item.strip().lstrip("~").partition(".")
        if name not in _SCOPES:
            raise StyleError(_line(item, line), f"unsupported scope {item!r} (expected one of: {', '.join(_SCOPES)})")
        scope = _SCOPES[name]
        if name == "heading" and part.startswith("h") and part[1:].isdigit():  # heading.h1 ... heading.h6:
            if part not in _HEADING_LEVELS:  # headings of that level
                raise StyleError(_line(item, line), f"unsupported scope {item!r} (expected heading.h1 to heading.h6)")
            scope = "heading." + part
        # (another part is read as its scope, as Vale's table.header, table.cell, text.md were before)
        (excluded if negated else included).add(scope)
    return frozenset(included or {"text"}), frozenset(excluded)


def build_rule(name: str, data: Any, path: str, line: int) -> StyleRule:
    """Validate and compile one rule (the mapping of a Vale file, or one entry under ``rules:``)."""
    try:
        return _build_rule(name, data, path, line)
    except PosixClassError as error:
        # (valid in Go: in a borrowed Vale style's folder the rule is skipped with a notice, as a
        # Vale-only type is; named alone, an error)
        raise ValeOnlyType(_line(data, line), f"rule {name!r}: {error}") from None


def _build_rule(name: str, data: Any, path: str, line: int) -> StyleRule:
    if not isinstance(data, dict):
        raise StyleError(_line(data, line), f"rule {name!r} must be a mapping")
    line = _line(data, line)
    key_lines = getattr(data, "key_lines", {})
    if "extends" not in data:
        raise StyleError(line, f"rule {name!r} has no 'extends' (one of: {', '.join(RULE_TYPES)})")
    kind = _as_str(data["extends"], "extends", line).strip()
    if kind in VALE_ONLY_TYPES:
        raise ValeOnlyType(key_lines.get("extends", line),
                           f"Vale's rule type {kind!r} is one transcheck does not run (it runs: {', '.join(RULE_TYPES)})")
    if kind not in RULE_TYPES:
        raise StyleError(key_lines.get("extends", line),
                         f"unknown rule type {kind!r}; expected one of: {', '.join(RULE_TYPES)}")
    allowed = _COMMON_KEYS | _TYPE_KEYS[kind]
    for key in data:
        if key not in allowed:
            raise StyleError(key_lines.get(key, line),
                             f"unknown key {key!r} for {'an' if kind[:1] in 'aeiou' else 'a'} {kind} rule "
                             f"(expected: {', '.join(sorted(allowed))})")

    def at(key: str) -> int:
        return key_lines.get(key, line)

    rule = StyleRule(name=name, kind=kind, path=path, line=line,
                     message=_as_str(data.get("message", DEFAULT_MESSAGES[kind]), "message", at("message")))
    placeholders = _placeholders(rule.message)
    if placeholders > _placeholders(DEFAULT_MESSAGES[kind]):  # (fewer is fine: a fixed message)
        raise StyleError(at("message"), f"the message has {placeholders} '%s' placeholders; "
                                        f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind} rule fills "
                                        f"{_placeholders(DEFAULT_MESSAGES[kind])}")
    if "level" in data:
        level = _as_str(data["level"], "level", at("level")).strip().lower()
        if level not in _LEVELS:
            raise StyleError(at("level"), f"'level' must be suggestion, warning or error (got {level!r})")
        rule.level = _LEVELS[level]
    if "scope" in data:
        rule.scopes, rule.excluded_scopes = _scopes(data["scope"], at("scope"))
    elif kind == "capitalization":
        rule.scopes = frozenset({"heading"})
    if "lang" in data:
        from ..glossary.model import region_of

        codes = _as_list(data["lang"], "lang", at("lang"))
        rule.langs = tuple(_language(code, at("lang")) for code in codes)
        named: dict[str, set[str]] = {}
        plain: set[str] = set()
        for lang, code in zip(rule.langs, codes):
            region = region_of(code)
            if region is None:
                plain.add(lang)
            else:
                named.setdefault(lang, set()).add(region)
        # (a plain de beside de-CH: every region of de)
        rule.regions = {lang: frozenset(regions) for lang, regions in named.items() if lang not in plain}
    if "limit" in data:
        rule.limit = _as_number(data["limit"], "limit", at("limit"), int, low=1)
    rule.ignorecase = _as_bool(data["ignorecase"], "ignorecase", at("ignorecase")) if "ignorecase" in data else False
    nonword = _as_bool(data["nonword"], "nonword", at("nonword")) if "nonword" in data else False
    flags = re.IGNORECASE if rule.ignorecase else 0
    edge = "" if nonword else EDGE
    exceptions = _as_list(data.get("exceptions", []), "exceptions", at("exceptions"))
    if exceptions and kind != "capitalization":
        rule.exceptions = _compile("|".join(f"(?:{_translate(e)})" for e in exceptions), flags,
                                   at("exceptions"), "exceptions")
    rule.words = frozenset(exceptions)
    globals()[f"_build_{kind}"](rule, data, at, flags, edge)
    return rule


_EMPTY_PROBE = "An a, 1.\nB"  # (a pattern of zero width matches somewhere in it: "", \b, ^, x?)


def _matches_empty(pattern: re.Pattern) -> bool:
    """The pattern can match zero characters ("", \\b, x?, a lookaround alone): its least width,
    from the regular-expression parser, is 0 (or, without that parser, it matches an empty
    string somewhere in a probe text)."""
    try:
        parser = re._parser  # type: ignore[attr-defined]  (Python 3.11+; sre_parse before)
    except AttributeError:  # pragma: no cover - Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        with _no_future_warnings():  # (parsed again, as _quiet_compile compiled it)
            return parser.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0
    except Exception:  # noqa: BLE001  (a private API: the probe decides if it changes)
        return any(m.start() == m.end() for m in pattern.finditer(_EMPTY_PROBE))


def _build_existence(rule: StyleRule, data: Any, at: Any, flags: int, edge: str) -> None:
    tokens = _as_list(data.get("tokens", []), "tokens", at("tokens"))
    raw = "".join(_as_list(data.get("raw", []), "raw", at("raw")))
    for token in tokens:  # compile each alone first, so that the error names the bad token
        if _matches_empty(_compile(_translate(token), flags, _line(token, at("tokens")), f"token {token!r}")):
            raise StyleError(_line(token, at("tokens")), f"token '{token}' matches the empty string (it would match "
                                                         "everywhere, or nowhere)")
    if raw:
        if _matches_empty(_compile(_translate(raw), flags, at("raw"), "raw")):
            raise StyleError(at("raw"), "'raw' matches the empty string")
    append = _as_bool(data["append"], "append", at("append")) if "append" in data else False
    if not tokens and not raw:
        raise StyleError(rule.line, f"rule {rule.name!r} needs 'tokens' or 'raw'")
    ordered = sorted(tokens, key=len, reverse=True)
    # The leading edge is checked in Python (checker.style.match): a pattern that starts with a
    # literal lets the regular-expression engine skip ahead fast.
    rule.edge = bool(edge)
    body = f"(?:{'|'.join(f'(?:{_translate(t)})' for t in ordered)}){edge}" if tokens else ""
    if raw and tokens and append:
        source = body + _translate(raw)
    elif raw and tokens:
        source = f"{body}|(?:{_translate(raw)})"
    else:
        source = body or _translate(raw)
    rule.pattern = _compile(source, flags, rule.line, f"rule {rule.name!r}")
    _compile_folded(rule, source)


def _build_substitution(rule: StyleRule, data: Any, at: Any, flags: int, edge: str) -> None:
    if "swap" not in data:
        raise StyleError(rule.line, f"rule {rule.name!r} needs 'swap' (wrong: right)")
    swap = _as_map(data["swap"], "swap", at("swap"))
    if not swap:
        raise StyleError(at("swap"), "'swap' is empty")
    alternatives = []
    key_lines = getattr(swap, "key_lines", {})
    for key, value in swap.items():
        line = key_lines.get(key, at("swap"))
        if not key.strip():
            raise StyleError(line, "empty key in 'swap'")
        if value is None or getattr(value, "null", False):  # (a forgotten replacement: --fix would delete the words)
            raise StyleError(line, f"swap {key!r} has no replacement (write '' to delete the words)")
        replacement = _as_str(value, f"swap.{key}", line, empty=True)
        key_pattern = _compile(_translate(key), flags, line, f"swap key {key!r}")
        if _matches_empty(key_pattern):
            raise StyleError(line, f"swap key '{key}' matches the empty string")
        _check_group_refs(key, replacement, key_pattern.groups, line)
        own = key_pattern if "$" in replacement and key_pattern.groups else None
        # (spaces around a "|" part the alternatives; the replacement's own leading and trailing
        # spaces stay: 'sin embargo, ': 'pero ' wrote "Peroel gobierno", a tester's report)
        alternatives.append((key, own, re.split(r"\s*\|\s*", replacement) if replacement else [""]))
    alternatives.sort(key=lambda item: len(item[0]), reverse=True)
    rule.edge = bool(edge)
    # One pass with a non-capturing alternation finds the matches (capturing groups would stop the
    # engine from skipping ahead); which key matched is then found by re-matching the keys there.
    source = "(?:" + "|".join(f"(?:{_translate(key)})" for key, _, _ in alternatives) + ")" + edge
    rule.pattern = _compile(source, flags, rule.line, f"rule {rule.name!r}")
    _compile_folded(rule, source)
    for index, (key, own, replacements) in enumerate(alternatives):
        rule.swaps[index] = (_quiet_compile(f"(?:{_translate(key)}){edge}", flags), replacements, key)


def _check_group_refs(key: str, replacement: str, groups: int, line: int) -> None:
    """A $N beyond the key's groups would be written as it stands ("took $1 city"): an error,
    also for a key without groups; $$ writes a literal dollar sign."""
    for ref in GROUP_REF.finditer(replacement):
        if ref.group(0) != "$$" and int(ref.group(1) or ref.group(2)) > groups:
            raise StyleError(line, f"swap {key!r}: {ref.group(0)} refers to a group the key does not have "
                                   f"(it has {groups or 'none'}; $$ writes a literal $)")


def _build_consistency(rule: StyleRule, data: Any, at: Any, flags: int, edge: str) -> None:
    if "either" not in data:
        raise StyleError(rule.line, f"rule {rule.name!r} needs 'either' (form: other form)")
    either = _as_map(data["either"], "either", at("either"))
    key_lines = getattr(either, "key_lines", {})
    for first, second in either.items():
        line = key_lines.get(first, at("either"))
        second = _as_str(second, f"either.{first}", line)
        for form in (first, second):
            _compile(_translate(form), flags, line, f"either form {form!r}")
        source = f"{edge}(?:(?P<a>{_translate(first)})|(?P<b>{_translate(second)})){edge}"
        rule.pairs.append((_compile(source, flags, line, f"either {first!r}"), str(first), second))


def _build_capitalization(rule: StyleRule, data: Any, at: Any, flags: int, edge: str) -> None:
    rule.match = _as_str(data.get("match", "$sentence"), "match", at("match")).strip()
    if not rule.match.startswith("$"):
        rule.match_pattern = _compile(_translate(rule.match), flags, at("match"), "match")
    elif rule.match not in ("$sentence", "$title", "$lower", "$upper"):
        raise StyleError(at("match"), f"'match' must be $sentence, $title, $lower, $upper or a pattern (got {rule.match!r})")
    if "style" in data:
        style = _as_str(data["style"], "style", at("style")).strip()
        if style.lower() not in ("ap", "chicago"):
            raise StyleError(at("style"), f"'style' must be AP or Chicago (got {style!r})")
        rule.title_style = "Chicago" if style.lower() == "chicago" else "AP"
    rule.indicators = tuple(_as_list(data.get("indicators", []), "indicators", at("indicators")))
    if "threshold" in data:
        rule.threshold = _as_number(data["threshold"], "threshold", at("threshold"), low=0, high=1)
        if not 0 <= rule.threshold <= 1:
            raise StyleError(at("threshold"), "'threshold' must be between 0 and 1")
    if "prefix" in data:
        rule.prefix = _compile(_translate(_as_str(data["prefix"], "prefix", at("prefix"))), flags, at("prefix"), "prefix")


def _build_numbers(rule: StyleRule, data: Any, at: Any, flags: int, edge: str) -> None:
    if "separator" in data:
        rule.separator = _as_str(data["separator"], "separator", at("separator"), empty=True)
        if rule.separator not in (",", ".", " ", "\u00a0", "\u202f", "'", "’", "_", ""):
            raise StyleError(at("separator"), f"'separator' must be one of , . ' or a space (got {rule.separator!r})")
    if "multipliers" in data:
        mapping = _as_map(data["multipliers"], "multipliers", at("multipliers"))
        rule.multipliers = {}
        for word, value in mapping.items():
            number = _as_number(value, f"multipliers.{word}", getattr(mapping, "key_lines", {}).get(word, at("multipliers")), int)
            rule.multipliers[word.lower()] = number
    if "conjunctions" in data:
        rule.conjunctions = tuple(_as_list(data["conjunctions"], "conjunctions", at("conjunctions")))
    if "group" in data:
        rule.group = _as_number(data["group"], "group", at("group"), int, low=0, high=GROUP_MAX)
        if 0 < rule.group < GROUP_MIN:
            raise StyleError(at("group"),
                             f"'group' must be 0 (off) or from {GROUP_MIN} to {GROUP_MAX}, not {rule.group}")


# ------------------------------------------------------------------------------------- files


def _style_name(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    return stem[:1].upper() + stem[1:]


def _parse_file(path: str, vale_style: str | None = None) -> list[StyleRule]:
    from ..readers.decode import decode_config_text

    try:
        with open(path, "rb") as handle:
            text = decode_config_text(handle.read(), path)
    except OSError as error:
        raise StyleError(0, f"cannot read style ({error.strerror})") from None
    data = parse_yaml(text)
    if data is None:
        return []
    if not isinstance(data, dict):
        raise StyleError(_line(data, 1), "a style must be a mapping (a Vale rule with 'extends', or 'rules:')")
    if "extends" in data:  # a Vale rule file: <folder>.<stem>
        folder = vale_style or os.path.basename(os.path.dirname(os.path.abspath(path))) or "Style"
        return [build_rule(f"{folder}.{os.path.splitext(os.path.basename(path))[0]}", data, path, 1)]
    key_lines = getattr(data, "key_lines", {})
    for key in data:
        if key not in _STYLE_FILE_KEYS:
            raise StyleError(key_lines.get(key, 1), f"unknown key {key!r} (a style file holds 'style' and 'rules'; "
                             "a Vale rule starts with 'extends')")
    if "rules" not in data:
        raise StyleError(1, "no 'rules:' mapping (or 'extends:' for a single Vale rule)")
    style = _as_str(data["style"], "style", key_lines.get("style", 1)).strip() if "style" in data else _style_name(path)
    rules_map = _as_map(data["rules"], "rules", key_lines.get("rules", 1))
    rule_lines = getattr(rules_map, "key_lines", {})
    return [build_rule(name if "." in name else f"{style}.{name}", body, path, rule_lines.get(name, 1))
            for name, body in rules_map.items()]


_FILE_CACHE: dict[tuple[str, int, int], list[StyleRule]] = {}


def load_style_file(path: str, skipped: list[str] | None = None) -> list[StyleRule]:
    """The rules of one style file, or of every ``*.yml`` in a folder (a Vale style). A file of a
    Vale type transcheck does not run is an error, except inside a folder: there it is skipped,
    with one line in ``skipped`` (given or not)."""
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.endswith((".yml", ".yaml")))
        in_folder = skipped if skipped is not None else []
        return [rule for name in names for rule in load_style_file(os.path.join(path, name), in_folder)]
    try:
        stat = os.stat(path)
    except OSError as error:
        raise InputError(f"{path}: cannot read style ({error.strerror})") from None
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    if key not in _FILE_CACHE:
        try:
            _FILE_CACHE[key] = _parse_file(path)
        except StyleError as error:
            _FILE_CACHE[key] = error  # (kept: a skipped file is noticed in every run)
    loaded = _FILE_CACHE[key]
    if isinstance(loaded, StyleError):
        where = f"{path}:{loaded.line}" if loaded.line else path
        problem = " ".join(loaded.problem.split())
        if isinstance(loaded, ValeOnlyType) and skipped is not None:
            skipped.append(f"{where}: {problem}; this rule is skipped")
            return []
        raise InputError(f"{where}: {problem}")
    return loaded


def load_styles(paths: list[str]) -> StyleSet:
    rules: list[StyleRule] = []
    seen: dict[str, StyleRule] = {}
    skipped: list[str] = []
    for path in paths:
        before = len(skipped)
        loaded = load_style_file(path, skipped if os.path.isdir(path) else None)
        if not loaded and len(skipped) == before:  # as an empty glossary or name list: a mistake
            where = "no .yml file in the folder holds one" if os.path.isdir(path) else "an empty file"
            raise InputError(f"{path}: no style rules ({where}); remove it from `styles` or add rules")
        for rule in loaded:
            if rule.name in seen and seen[rule.name].path != rule.path:
                raise InputError(f"{rule.path}:{rule.line}: rule {rule.name!r} is already defined in {seen[rule.name].path}")
            seen[rule.name] = rule
            rules.append(rule)
    return StyleSet(rules, skipped)


def styles_for(ctx: Any) -> StyleSet:
    """The compiled styles of a run's configuration, loaded once and kept in ``ctx.cache``; the
    rules it skipped become the run's notices."""
    paths = tuple(ctx.config.styles)
    key = ("style", paths)
    if key not in ctx.cache:
        from ..config import files_named_by

        with files_named_by(ctx.config, "styles"):
            ctx.cache[key] = load_styles(list(paths)) if paths else StyleSet()
        ctx.notices.extend(ctx.cache[key].skipped)
    return ctx.cache[key]
