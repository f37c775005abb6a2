"""Baselines: record today's findings so that only new ones are reported.

``transcheck check --write-baseline FILE`` writes::

    {"version": 1, "tool": "transcheck",
     "findings": [{"fingerprint": "…", "rule": "TC101", "path": "a.md", "text": "Taleban"}, …]}

Each entry also has ``context``, a hash of the line(s) the finding is on (whitespace collapsed),
and ``near``, a hash of the three words before and after it on its line. ``--baseline FILE``
matches in three passes, per rule, path and matched text: a finding whose line is unchanged takes
an entry with the same ``context``, wherever the line moved; then one whose neighbouring words are
unchanged (its sentence was edited elsewhere) takes an entry with the same ``near``; the findings
left take the entries left by their fingerprint (``checker.fingerprint``: the occurrence index of
that rule and text in the file). So an identical finding inserted above a recorded one is the one
reported as new, also when the recorded one's line was edited. Entries without ``context`` or
``near`` (baselines of older versions) match by fingerprint only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

from .fingerprint import assign, normalise_path, normalise_text
from .model import Document, Finding, InputError

BASELINE_VERSION = 1

# (rule, normalised path, normalised text): the findings one entry can stand for
GroupKey = tuple[str, str, str]


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    context: str | None
    near: str | None = None


Baseline = dict[GroupKey | None, list[Entry]]  # None: entries without rule, path and text

_cache: dict[tuple[str, int, int], Baseline] = {}


def _group_key(finding: Finding) -> GroupKey:
    return finding.rule, normalise_path(finding.path), normalise_text(finding.text)


def line_context(finding: Finding, documents: Mapping[str, Document] | None) -> str | None:
    """A hash of the line(s) ``finding`` is on, whitespace collapsed; None without its document."""
    document = documents.get(finding.path) if documents else None
    if document is None:
        return None
    lines = " ".join(document.line_text(line) for line in range(finding.line, finding.end_line + 1))
    return _digest(normalise_text(lines))


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


_WORD = re.compile(r"\w+")
_NEAR_WORDS = 3


def near_context(finding: Finding, documents: Mapping[str, Document] | None) -> str | None:
    """A hash of the words around ``finding`` on its first and last lines (three each side)."""
    document = documents.get(finding.path) if documents else None
    if document is None:
        return None
    lines = document.lines
    line_start, _ = lines.line_bounds(finding.line)
    _, line_end = lines.line_bounds(finding.end_line)
    text = document.text
    before = _WORD.findall(text[line_start:finding.start])[-_NEAR_WORDS:]
    after = _WORD.findall(text[finding.end:len(text) if line_end < 0 else line_end])[:_NEAR_WORDS]
    return _digest(" ".join(before) + "\x1f" + " ".join(after))


def load_baseline(path: str) -> Baseline:
    """The entries recorded in ``path``, by rule, path and text; InputError (one line naming the
    file) when invalid."""
    try:
        stat = os.stat(path)
    except OSError as error:
        raise InputError(f"{path}: cannot read baseline ({error.strerror})") from None
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    if key in _cache:
        return _cache[key]
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read baseline ({error.strerror})") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise InputError(f"{path}: not a transcheck baseline (invalid JSON: {error})") from None
    if not isinstance(data, dict) or "version" not in data:
        raise InputError(f"{path}: not a transcheck baseline (expected a JSON object with a \"version\")")
    if type(data["version"]) is not int or data["version"] != BASELINE_VERSION:
        raise InputError(f"{path}: unsupported baseline version {data['version']!r} (expected {BASELINE_VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise InputError(f"{path}: not a transcheck baseline (\"findings\" must be a list)")
    baseline: Baseline = defaultdict(list)
    for index, entry in enumerate(entries):
        value = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(value, str) or not value:
            raise InputError(f"{path}: not a transcheck baseline (entry {index} has no \"fingerprint\" string)")
        rule, where, text, context, near = (entry.get(name) for name in ("rule", "path", "text", "context", "near"))
        if isinstance(rule, str) and isinstance(where, str) and isinstance(text, str):
            baseline[(rule, where, normalise_text(text))].append(
                Entry(value, context if isinstance(context, str) else None, near if isinstance(near, str) else None))
        else:
            baseline[None].append(Entry(value, None))
    _cache[key] = dict(baseline)
    return _cache[key]


def apply_baseline(findings: Iterable[Finding], baseline: Baseline,
                   documents: Mapping[str, Document] | None = None) -> list[Finding]:
    """The findings the baseline does not record (fingerprints must be assigned; ``findings`` in
    file order). Per rule, path and text: same line, then same neighbouring words, then the
    fingerprint (occurrence) among the entries left."""
    findings = list(findings)
    groups: dict[GroupKey, list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        groups[_group_key(finding)].append(index)
    loose = {entry.fingerprint for entry in baseline.get(None, ())}
    new: set[int] = set()
    for key, indexes in groups.items():
        entries = baseline.get(key, [])
        taken: set[int] = set()  # entries matched so far
        unmatched = indexes
        for context_of, attribute in ((line_context, "context"), (near_context, "near")):
            by_context: dict[str, list[int]] = defaultdict(list)
            for position, entry in enumerate(entries):
                if position not in taken and getattr(entry, attribute) is not None:
                    by_context[getattr(entry, attribute)].append(position)
            left_over = []
            for index in unmatched:
                candidates = by_context.get(context_of(findings[index], documents) or "") if by_context else None
                if candidates:
                    taken.add(candidates.pop(0))
                else:
                    left_over.append(index)
            unmatched = left_over
        left = {entry.fingerprint for position, entry in enumerate(entries) if position not in taken} | loose
        for index in unmatched:
            if findings[index].fingerprint in left:
                left.discard(findings[index].fingerprint)
            else:
                new.add(index)
    return [finding for index, finding in enumerate(findings) if index in new]


def baseline_document(findings: list[Finding], documents: Mapping[str, Document] | None = None) -> dict:
    if any(finding.fingerprint is None for finding in findings):
        assign(findings)
    entries = []
    for f in sorted(findings, key=lambda f: (normalise_path(f.path), f.start, f.rule)):
        entry = {"fingerprint": f.fingerprint, "rule": f.rule, "path": normalise_path(f.path), "text": f.text}
        context, near = line_context(f, documents), near_context(f, documents)
        if context is not None:
            entry["context"], entry["near"] = context, near
        entries.append(entry)
    return {"version": BASELINE_VERSION, "tool": "transcheck", "findings": entries}


def write_baseline(path: str, findings: list[Finding], documents: Iterable[Document] = ()) -> int:
    """Write the baseline of ``findings`` to ``path``; returns how many were recorded."""
    document = baseline_document(findings, {doc.path: doc for doc in documents})
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(f"{path}: cannot write baseline ({error.strerror})") from None
    return len(document["findings"])
