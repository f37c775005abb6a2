"""The one pipeline: load -> segment -> check -> filter -> report.

Every stage is a function that returns values; only ``checker.cli`` prints or exits.

* **load**     ``discover`` expands paths, ``load_source`` decodes and reads one file
               (``checker.readers``), detecting its language when none is given (``checker.lang``);
* **segment**  ``checker.segment`` splits each prose block into sentences;
* **check**    ``check_document`` runs the segment- and document-scope rules on one document and
               collects the statistics of corpus-scope rules; ``run`` then combines those
               statistics and lets each corpus rule finalize them;
* **filter**   ``filter_findings`` drops what the options exclude and sorts deterministically;
* **report**   ``checker.report`` renders a :class:`Result` as text or JSON.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .model import Document, Finding, InputError, Scope, Severity
from .registry import Rule, iter_selected, known_selector

STDIN = "-"


@dataclass
class Options:
    lang: str | None = None  # the text's language; detected per document when None
    select: list[str] | None = None  # rule codes, prefixes, names or categories; None = all
    ignore: list[str] = field(default_factory=list)
    fail_level: Severity = Severity.WARNING
    include: list[str] | None = None  # globs for files found in directories
    exclude: list[str] = field(default_factory=list)

    def validate(self) -> None:
        for selector in [*(self.select or []), *self.ignore]:
            if not known_selector(selector):
                raise InputError(f"unknown rule selector {selector!r} (see `transcheck rules`)")


@dataclass
class Source:
    """A file to check: its display path and, for standard input or the API, its bytes."""

    path: str
    data: bytes | None = None
    fmt: str | None = None  # "txt" or "md"; from the suffix when None


@dataclass
class CheckContext:
    """What rules may read besides the document: the options and per-run caches."""

    options: Options
    cache: dict[str, Any] = field(default_factory=dict)


@dataclass
class Result:
    findings: list[Finding]
    documents: list[Document]

    def failed(self, fail_level: Severity) -> bool:
        return any(finding.severity >= fail_level for finding in self.findings)


# ---------------------------------------------------------------------------------------- load


def discover(paths: Sequence[str], include: Sequence[str] | None = None, exclude: Sequence[str] = ()) -> list[Source]:
    """Expand files, directories (recursively) and ``-`` into sources, in a stable order."""
    from .readers import DEFAULT_INCLUDE

    include = list(include) if include else list(DEFAULT_INCLUDE)
    sources: list[Source] = []
    for path in paths:
        if path == STDIN:
            sources.append(Source(STDIN))
        elif os.path.isdir(path):
            found = [Source(p) for p in _walk(path, include, exclude)]
            if not found:
                raise InputError(f"{path}: no text files found (looked for {', '.join(include)})")
            sources.extend(found)
        elif os.path.exists(path):
            if not _excluded(path, exclude):
                sources.append(Source(path))
        else:
            raise InputError(f"{path}: no such file or directory")
    return sources


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    norm = path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(norm, g) or fnmatch.fnmatch(os.path.basename(norm), g) for g in exclude)


def _walk(root: str, include: Sequence[str], exclude: Sequence[str]) -> Iterable[str]:
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and not _excluded(os.path.join(directory, d), exclude))
        for name in sorted(files):
            path = os.path.join(directory, name)
            if any(fnmatch.fnmatch(name, g) for g in include) and not _excluded(path, exclude):
                yield os.path.normpath(path)


def load_source(source: Source, lang: str | None = None) -> Document:
    """Read, decode and segment one source; detect its language when ``lang`` is None."""
    from .readers import parse_document

    data = source.data
    if data is None:
        try:
            with open(source.path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise InputError(f"{source.path}: cannot read ({error.strerror})") from None
    from .lang import normalise_lang

    doc = parse_document(source.path, data, normalise_lang(lang) if lang else None, source.fmt)
    return segment(doc)


def load_text(text: str, path: str = "<text>", lang: str | None = None, fmt: str | None = None) -> Document:
    """A document from a string (the Python API and tests)."""
    return load_source(Source(path, text.encode("utf-8"), fmt), lang)


# ------------------------------------------------------------------------------------- segment


def segment(doc: Document) -> Document:
    from .lang import detect_language
    from .segment import segment_document

    if doc.lang is None:
        doc.lang = detect_language(doc.prose) or "en"
    return segment_document(doc)


# --------------------------------------------------------------------------------------- check


def instantiate_rules(options: Options) -> list[Rule]:
    return [cls() for cls in iter_selected(options.select, options.ignore)]


def check_document(doc: Document, rules: Sequence[Rule], ctx: CheckContext) -> tuple[list[Finding], dict[str, Any]]:
    """Run the per-segment and per-document rules; return findings and corpus statistics.

    Top-level and side-effect free so that a process pool or a cluster can run it.
    """
    findings: list[Finding] = []
    stats: dict[str, Any] = {}
    for rule in rules:
        if rule.scope is Scope.SEGMENT:
            for seg in doc.segments:
                findings.extend(rule.check_segment(doc, seg, ctx))
        elif rule.scope is Scope.DOCUMENT:
            findings.extend(rule.check_document(doc, ctx))
        elif rule.scope is Scope.CORPUS:
            stats[rule.code] = rule.collect(doc, ctx)
    return findings, stats


def combine_stats(rules: Sequence[Rule], left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    merged = dict(left)
    for rule in rules:
        if rule.code in right:
            merged[rule.code] = rule.combine(left[rule.code], right[rule.code]) if rule.code in left else right[rule.code]
    return merged


# -------------------------------------------------------------------------------------- filter


def filter_findings(findings: Iterable[Finding], options: Options) -> list[Finding]:
    """Deduplicate and sort deterministically (path, line, column, rule)."""
    unique = {(f.rule, f.path, f.start, f.end, f.message): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)


# ----------------------------------------------------------------------------------------- run


def run(sources: Sequence[Source], options: Options) -> Result:
    options.validate()
    ctx = CheckContext(options)
    rules = instantiate_rules(options)
    documents: list[Document] = []
    findings: list[Finding] = []
    corpus_stats: dict[str, Any] = {}
    for source in sources:
        doc = load_source(source, options.lang)
        documents.append(doc)
        doc_findings, doc_stats = check_document(doc, rules, ctx)
        findings.extend(doc_findings)
        corpus_stats = combine_stats(rules, corpus_stats, doc_stats)
    by_path = {doc.path: doc for doc in documents}
    for rule in rules:
        if rule.scope is Scope.CORPUS and rule.code in corpus_stats:
            findings.extend(rule.finalize(corpus_stats[rule.code], by_path, ctx))
    return Result(filter_findings(findings, options), documents)
