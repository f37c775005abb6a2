"""Baselines: record today's findings so that only new ones are reported.

``transcheck check --write-baseline FILE`` writes::

    {"version": 1, "tool": "transcheck",
     "findings": [{"fingerprint": "…", "rule": "TC101", "path": "a.md", "text": "Taleban"}, …]}

``--baseline FILE`` drops every finding whose fingerprint (``checker.fingerprint``) is listed.
The ``rule``, ``path`` and ``text`` entries are context for people reviewing the file; only the
fingerprint is matched.
"""

from __future__ import annotations

import json
import os
from typing import Iterable

from .fingerprint import assign, normalise_path
from .model import Finding, InputError

BASELINE_VERSION = 1

_cache: dict[tuple[str, int, int], frozenset[str]] = {}


def load_baseline(path: str) -> frozenset[str]:
    """The fingerprints recorded in ``path``; InputError (one line naming the file) when invalid."""
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
    found = set()
    for index, entry in enumerate(entries):
        value = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(value, str) or not value:
            raise InputError(f"{path}: not a transcheck baseline (entry {index} has no \"fingerprint\" string)")
        found.add(value)
    _cache[key] = frozenset(found)
    return _cache[key]


def apply_baseline(findings: Iterable[Finding], known: frozenset[str]) -> list[Finding]:
    """The findings whose fingerprints are not in ``known`` (fingerprints must be assigned)."""
    return [finding for finding in findings if finding.fingerprint not in known]


def baseline_document(findings: list[Finding]) -> dict:
    if any(finding.fingerprint is None for finding in findings):
        assign(findings)
    entries = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "path": normalise_path(f.path), "text": f.text}
        for f in sorted(findings, key=lambda f: (normalise_path(f.path), f.start, f.rule))
    ]
    return {"version": BASELINE_VERSION, "tool": "transcheck", "findings": entries}


def write_baseline(path: str, findings: list[Finding]) -> int:
    """Write the baseline of ``findings`` to ``path``; returns how many were recorded."""
    document = baseline_document(findings)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(f"{path}: cannot write baseline ({error.strerror})") from None
    return len(document["findings"])
