"""YAML glossaries (and the node walking that the house-name list shares).

Example::

    source-lang: pt
    target-lang: en
    entries:
      - pt: Talibã
        en: Taliban
        deprecated: [Taleban]          # target-language terms with that status
      - source: Frente de Resistência Nacional
        target: National Resistance Front
        forbidden: Afghan Resistance Front
        note: The group's own English name.
      - pt: tajique
        en: {preferred: Tajik, deprecated: Tadjik}

A top-level list is read as ``entries``. In an entry, a language code maps to a term, a list of
terms, or a table ``status: term(s)``; ``source``/``target`` stand for ``source-lang`` and
``target-lang`` (or for either side when those are not given); ``preferred``, ``admitted``,
``deprecated`` and ``forbidden`` list more target terms.

The file is composed into YAML nodes (safe: no tags, no objects), so every error names its line.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Entry, Glossary, Status, Term, parse_status, primary_lang, region_of

_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_STATUS_KEYS = {s.value: s for s in Status}


class YamlError(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


def compose(text: str):
    """The root node of a YAML document (``None`` when empty); ``YamlError`` on bad syntax."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        line = yaml_error_line(error, text)
        raise YamlError(line, f"invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise YamlError(None, f"invalid YAML: {error}") from None
    _no_duplicate_keys(root)
    return root


def yaml_error_line(error, text: str) -> int | None:
    """The line to report a YAML syntax error at: where a quote or a bracket that is never closed
    opens (the parser notices at the end, or where the text goes back left of the bracket's
    line), else where the parser stopped (a bad indent on line 8 is no error of the mapping that
    starts on line 4: a tester's report; nor a bad item inside a closed bracket: a review)."""
    context = str(getattr(error, "context", "") or "")
    opened, problem = error.context_mark, error.problem_mark
    unclosed = opened is not None and problem is not None and (
        context.startswith("while scanning a quoted") or (context.startswith("while parsing a flow") and (
            problem.index >= len(text.rstrip()) or _indent(text, problem.line) <= _indent(text, opened.line))))
    mark = opened if unclosed else (problem or opened)
    return mark.line + 1 if mark is not None else None


def _indent(text: str, line: int) -> int:
    lines = text.splitlines()
    row = lines[line] if line < len(lines) else ""
    return len(row) - len(row.lstrip(" "))


def _no_duplicate_keys(root) -> None:
    """A key given twice in one mapping is an error, as in a style file: YAML keeps the last, so
    ``es: vacuna`` then ``es: biológico`` silently lost the first (a tester's report).

    Each node is visited once: an alias (``*a``) is the node of its anchor again, and a walk that
    followed every alias took 50 s on 450 bytes of nested aliases, and never ended on an alias
    inside its own anchor (a tester's report). The walk is a loop, not a recursion, so deep
    nesting is no crash either."""
    seen_nodes: set[int] = set()
    todo = [root] if root is not None else []
    while todo:
        node = todo.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if kind(node) == "mapping":
            keys: set[str] = set()
            for key, value in node.value:
                if kind(key) == "scalar":
                    if key.value in keys:
                        raise YamlError(line_of(key), f"duplicate key {key.value!r}")
                    keys.add(key.value)
                todo.append(value)
        elif kind(node) == "sequence":
            todo.extend(reversed(node.value))


def line_of(node) -> int:
    return node.start_mark.line + 1


def kind(node) -> str:
    return type(node).__name__.replace("Node", "").lower()  # scalar, sequence, mapping


def scalar(node, what: str) -> str:
    if kind(node) != "scalar" or not str(node.value).strip():
        raise YamlError(line_of(node), f"{what} must be a non-empty string")
    return " ".join(str(node.value).split())


def strings(node, what: str) -> list[str]:
    """A string or a list of strings (``null`` gives none)."""
    if kind(node) == "scalar":
        if node.tag.endswith(":null") or not str(node.value).strip():
            return []
        return [scalar(node, what)]
    if kind(node) == "sequence":
        return [scalar(item, what) for item in node.value]
    raise YamlError(line_of(node), f"{what} must be a string or a list of strings")


def mapping(node, what: str) -> list[tuple[str, Any]]:
    if kind(node) != "mapping":
        raise YamlError(line_of(node), f"{what} must be a mapping")
    return [(scalar(k, "a key"), v) for k, v in node.value]


def parse_yaml_glossary(text: str, path: str) -> Glossary:
    root = compose(text)
    if root is None:
        raise YamlError(1, "empty glossary")
    source_lang = target_lang = None
    entries_node = root
    if kind(root) == "mapping":
        entries_node = None
        for key, value in mapping(root, "the glossary"):
            if key in ("source-lang", "source_lang"):
                source_lang = _language(value, key)
            elif key in ("target-lang", "target_lang"):
                target_lang = _language(value, key)
            elif key in ("entries", "terms"):
                entries_node = value
            else:
                raise YamlError(line_of(value), f"unknown key {key!r} (expected source-lang, target-lang, entries)")
        if entries_node is None:
            raise YamlError(line_of(root), "no 'entries' list")
    if kind(entries_node) != "sequence":
        raise YamlError(line_of(entries_node), "'entries' must be a list of entries")
    entries = [_entry(node, path, source_lang, target_lang) for node in entries_node.value]
    if not entries:
        raise YamlError(line_of(entries_node), "no entries")
    return Glossary(entries, [path])


def _entry(node, path: str, source_lang: str | None, target_lang: str | None) -> Entry:
    line = line_of(node)
    entry = Entry(id=f"{path}:{line}", origin=f"{path}:{line}")
    for key, value in mapping(node, "an entry"):
        lower = key.lower()
        if lower == "id":
            entry.id = scalar(value, "id")
        elif lower == "note":
            entry.note = scalar(value, "note")
        elif lower in _STATUS_KEYS:
            side = "any" if target_lang else "target"
            entry.terms += [Term(t, primary_lang(target_lang), _STATUS_KEYS[lower], side, region=region_of(target_lang))
                            for t in strings(value, key)]
        elif lower in ("source", "target") or _LANG_CODE.match(key):
            if kind(value) == "scalar" and not value.tag.endswith(":null") and not str(value.value).strip():
                raise YamlError(line_of(value), f"{key!r} is empty")
            if lower in ("source", "target"):
                tag = source_lang if lower == "source" else target_lang
                entry.terms += _terms(value, tag, "any" if tag else lower, key)
            else:  # a language code: a registered one, not a typo that would match nothing
                entry.terms += _terms(value, _language_code(key, value), "any", key)
        else:
            raise YamlError(line_of(value), f"unknown key {key!r} in an entry (expected a language code, source, "
                                            "target, preferred, admitted, deprecated, forbidden, note or id)")
    if not entry.terms:
        raise YamlError(line, "an entry without terms")
    return entry


def _language_code(code: str, node) -> str:
    from ..lang import normalise_lang
    from ..model import InputError

    try:
        normalise_lang(code)
        return code  # as written: its region (pt-BR) is the terms' region
    except InputError as error:
        raise YamlError(line_of(node), str(error)) from None


def _language(node, key: str) -> str | None:
    """A glossary's language: a registered code (pt, pt-BR) as written, not a typo that would match nothing."""
    from ..lang import normalise_lang
    from ..model import InputError

    try:
        code = scalar(node, key)
        normalise_lang(code)
        return code
    except InputError as error:
        raise YamlError(line_of(node), f"{key}: {error}") from None


def _terms(node, tag: str | None, side: str, what: str) -> list[Term]:
    """The terms under a key of language ``tag`` (pt-BR: language pt, region BR)."""
    lang, region = primary_lang(tag), region_of(tag)
    if kind(node) == "mapping":
        terms = []
        for status_key, value in mapping(node, what):
            try:
                status = parse_status(status_key)
            except ValueError as error:
                raise YamlError(line_of(value), str(error)) from None
            terms += [Term(t, lang, status or Status.PREFERRED, side, region=region)
                      for t in strings(value, f"{what}.{status_key}")]
        return terms
    return [Term(t, lang, Status.PREFERRED, side, region=region) for t in strings(node, what)]
