"""Stable fingerprints of findings, shared by baselines and SARIF ``partialFingerprints``.

A fingerprint is a hash of the rule code, the file's path (relative to the current directory,
with ``/`` separators), the matched text (whitespace runs collapsed) and the occurrence index of
that same rule and text in that file (0 for the first ``Taleban`` reported by TC101 in a file, 1
for the second, ...). It never uses line or column numbers, so editing the text above a finding
keeps its fingerprint; only adding or removing an identical finding earlier in the same file
shifts the occurrence index of the later ones.
"""

from __future__ import annotations

import hashlib
import os
from typing import Iterable

from .model import Finding

FINGERPRINT_VERSION = 1


def normalise_path(path: str, cwd: str | None = None) -> str:
    """``path`` relative to ``cwd`` (default: the current directory), with ``/`` separators.

    Paths that are not files (``<stdin>``, ``<text>``) and paths on another drive stay as given.
    """
    if path.startswith("<") and path.endswith(">"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), cwd or os.getcwd())
    except ValueError:  # another drive on Windows
        rel = path
    return rel.replace(os.sep, "/")


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def fingerprint(rule: str, path: str, text: str, occurrence: int) -> str:
    """The fingerprint of one finding; ``path`` must already be normalised."""
    key = "\x1f".join((f"v{FINGERPRINT_VERSION}", rule, path, normalise_text(text), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: Iterable[Finding], cwd: str | None = None) -> list[str]:
    """One fingerprint per finding, in the order given.

    Occurrence indexes count findings of the same rule and text in the same file in the order
    of their position in the file, whatever the order of ``findings``.
    """
    findings = list(findings)
    paths: dict[str, str] = {}
    order = sorted(range(len(findings)), key=lambda i: (findings[i].path, findings[i].start, findings[i].end, findings[i].rule))
    seen: dict[tuple[str, str, str], int] = {}
    result = [""] * len(findings)
    for i in order:
        f = findings[i]
        path = paths.get(f.path)
        if path is None:
            path = paths[f.path] = normalise_path(f.path, cwd)
        key = (f.rule, path, normalise_text(f.text))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result[i] = fingerprint(f.rule, path, f.text, occurrence)
    return result


def assign(findings: list[Finding], cwd: str | None = None) -> None:
    """Set ``finding.fingerprint`` on every finding (over the whole set, before any filtering)."""
    for finding, value in zip(findings, fingerprints(findings, cwd)):
        finding.fingerprint = value

