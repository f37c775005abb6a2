"""The one pipeline: load -> segment -> check -> filter -> report.

Every stage is a function that returns values; only ``checker.cli`` prints or exits.

* **load**     ``discover_sources`` expands paths, ``load_source`` decodes and reads one file
               (``checker.readers``); the settings in force for it come from the command line
               over its nearest configuration file (``Settings``, ``checker.config``);
* **segment**  ``segment`` detects the language when none is given (``checker.lang``) and
               ``checker.segment`` splits each prose block into sentences;
* **check**    ``check_document`` runs the segment-, pair- and document-scope rules on one
               document and collects the statistics of corpus-scope rules; ``run`` then combines
               those statistics and lets each corpus rule finalize them;
* **filter**   ``filter_findings`` applies per-file ignores, deduplicates, sorts
               deterministically, fingerprints, applies inline suppressions, the baseline and
               ``--diff-only``;
* **report**   ``checker.report`` renders a :class:`Result` (text, JSON, GitHub, SARIF, JUnit).
"""

from __future__ import annotations

import dataclasses
import errno
import fnmatch
import os
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .config import Config, ConfigResolver
from .lang import primary_language
from .model import Document, Finding, Fix, InputError, Scope, Severity, text_digest
from .registry import (Rule, all_rules, get_rule, is_style_rule_selector, iter_selected, known_selector, matches,
                       reserved_selector, specificity, style_rule_selected)

STDIN = "-"


@dataclass
class Options:
    """What the user asked for on the command line or through the API; None means "not set",
    so that the configuration file (then the built-in default) decides."""

    lang: str | None = None  # the text's language; detected per document when unset
    source_lang: str | None = None  # the language of the originals (bilingual checks)
    select: list[str] | None = None  # rule codes, prefixes, names or categories; None = all
    ignore: list[str] = field(default_factory=list)
    fail_level: Severity | None = None
    include: list[str] | None = None  # globs for files found in directories, besides *.txt, *.md, ...
    exclude: list[str] = field(default_factory=list)
    config: str | None = None  # an explicit configuration file (--config)
    isolated: bool = False  # ignore configuration files (--isolated)
    baseline: str | None = None  # a baseline file (--baseline): report only findings not in it
    diff_only: str | None = None  # a git revision (--diff-only): report only findings on changed lines
    jobs: int = 1  # processes that check the files (--jobs); 0: one per CPU

    def validate(self) -> None:
        if self.config is not None and self.isolated:
            raise InputError("--config and --isolated contradict each other (one names a configuration, "
                             "the other ignores them all)")
        for name, code in (("lang", self.lang), ("source-lang", self.source_lang)):
            if code is not None and not code.strip():
                raise InputError(f"--{name} is empty (expected a language code such as en or pt-BR)")
        if self.select is not None and not list(self.select):  # (as select = [] in a configuration)
            raise InputError("select is empty: it would select no rule (leave it out, or None, to check with "
                             "every rule)")
        for selector in [*(self.select or []), *self.ignore]:
            if not known_selector(selector):
                raise InputError(f"unknown rule selector {selector!r} (see `transcheck rules`)")
        if self.baseline:
            from .baseline import load_baseline

            load_baseline(self.baseline)
        if self.diff_only:
            from .gitdiff import check_git

            check_git()
        if not isinstance(self.jobs, int) or isinstance(self.jobs, bool) or self.jobs < 0:
            raise InputError(f"--jobs must be a whole number of processes, 0 for one per CPU (got {self.jobs!r})")


@dataclass
class Settings:
    """The options in force for one document: command line over configuration over defaults."""

    lang: str | None
    source_lang: str | None
    select: list[str] | None
    ignore: list[str]
    fail_level: Severity
    config: Config

    @classmethod
    def resolve(cls, options: Options, config: Config) -> "Settings":
        return cls(
            lang=options.lang or config.lang,
            source_lang=options.source_lang or config.source_lang,
            select=options.select if options.select is not None else config.select,
            ignore=[*config.ignore, *options.ignore],
            fail_level=options.fail_level or config.fail_level or Severity.WARNING,
            config=config,
        )


@dataclass
class Source:
    """A file to check: its display path and, for standard input or the API, its bytes."""

    path: str
    data: bytes | None = None
    fmt: str | None = None  # "txt" or "md"; from the suffix when None
    source: "Source | None" = None  # the original this file translates (bilingual checks)
    unreadable: str | None = None  # a folder the walk could not enter: its error, reported as a file's


@dataclass
class CheckContext:
    """What rules may read besides the document: the settings (with the configuration, its
    styles and glossaries) and a cache for what a rule loads once per run."""

    settings: Settings
    cache: dict[str, Any] = field(default_factory=dict)
    # the corpus rules that collect from the document being checked (none in a run of one file)
    collecting: frozenset[str] = frozenset()
    # what the run should tell the user without failing it (a Vale rule it cannot run), one line each
    notices: list[str] = field(default_factory=list)

    @property
    def config(self) -> Config:
        return self.settings.config

    def per_document(self, doc: Document, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per document and ``name``, for rules that share work on one
        document (the glossary rules share its scan). A few recent documents are kept; the
        cache holds the document itself, so its ``id`` is not reused while cached."""
        cache = self.cache.setdefault("per-document", OrderedDict())
        slot = cache.get(id(doc))
        if slot is None or slot[0] is not doc:
            slot = cache[id(doc)] = (doc, {})
            while len(cache) > DOCUMENT_CACHE_SIZE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(id(doc))
        values = slot[1]
        if name not in values:
            values[name] = compute()
        return values[name]

    def rule_active(self, code: str, path: str | None = None) -> bool:
        """Whether the settings select rule ``code``, and with ``path``, whether the file's
        per-file-ignores leave it on (a rule that defers to another must know that the other
        reports: TC201 leaves a wrong term to TC202 only where TC202 runs, a tester's report)."""
        key = ("rule-active", code)
        active = self.cache.get(key)
        if active is None:
            rule = get_rule(code)
            settings = self.settings
            active = bool(rule) and matches(rule, settings.select or ["ALL"]) and not matches(rule, settings.ignore)
            self.cache[key] = active
        if active and path is not None:
            ignored = self.config.ignored_for(path)
            return not (ignored and matches(get_rule(code), ignored))
        return active


DOCUMENT_CACHE_SIZE = 8


@dataclass(frozen=True)
class FileError:
    """A file that could not be read: its path and the one line that says why ("path: problem",
    as printed on standard error and listed in the JSON's "errors")."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class Result:
    findings: list[Finding]
    # every file read, in order; a file with nothing to report keeps no text (Document.without_text)
    documents: list[Document]
    fail_levels: dict[str, Severity] = field(default_factory=dict)  # per path, from its settings
    # one line per file that could not be read (binary, undecodable, unreadable): the others are
    # still checked, so that one bad file in an audit of thousands does not hide every finding
    errors: list[FileError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # CheckContext.notices of the run, each once

    @property
    def failed(self) -> bool:
        """True when a finding is at or above the fail level in force for its file."""
        return any(f.severity >= self.fail_levels.get(f.path, Severity.WARNING) for f in self.findings)


# ---------------------------------------------------------------------------------------- load


@dataclass(frozen=True)
class Glob:
    """An exclude or include glob. An exclude glob without a ``/`` matches any component of a
    path (``node_modules``, ``*.bak``), an include glob without one the file's name (``*.po``);
    one with a ``/`` matches the whole path relative to ``root`` (a configuration's folder) or,
    when ``root`` is None (``--exclude``, ``--include``), relative to the directory named on the
    command line or to the current directory."""

    pattern: str
    root: str | None = None


# A directory -> the include and exclude globs in force there (a nested configuration's own)
GlobsIn = Callable[[str], "tuple[list[str | Glob], list[Glob]]"]


def discover(paths: Sequence[str], include: Sequence[str | Glob] | None = None,
             exclude: Sequence[str | Glob] = (), globs_in: GlobsIn | None = None) -> list[Source]:
    """Expand files, directories (recursively) and ``-`` into sources, in a stable order.
    ``include`` adds globs to the readers' suffixes; a plain string in ``exclude`` is a ``Glob``
    without a root. ``globs_in``, when given, replaces both inside the directories walked, so
    that a folder's own configuration decides what is checked below it."""
    include = _with_default_suffixes(include or ())
    globs = [g if isinstance(g, Glob) else Glob(g) for g in exclude]
    sources: list[Source] = []
    for path in paths:
        if path == STDIN:
            sources.append(Source(STDIN))
        elif os.path.isdir(path):
            folder_globs = globs_in or (lambda _directory: (include, globs))
            failed: list[OSError] = []
            found = [Source(p) for p in _walk(path, folder_globs, failed=failed)]
            # (a folder it cannot enter is an error, as a file it cannot read: not a silent skip)
            unreadable = [Source(folder, unreadable=f"{printable_path(folder)}: cannot read folder ({error.strerror})")
                          for error in failed if error.filename for folder in [os.path.normpath(error.filename)]]
            if not found and unreadable and os.path.abspath(unreadable[0].path) == os.path.abspath(path):
                raise InputError(unreadable[0].unreadable)
            found += unreadable
            if not found:
                pruned: list[tuple[str, Sequence[str | Glob]]] = []
                if next(iter(_walk(path, folder_globs, files_excluded=False, pruned=pruned)), None) is not None \
                        or any(_holds_text(folder, globs) for folder, globs in pruned):
                    raise InputError(f"{printable_path(path)}: every text file is excluded "
                                     "(by --exclude or a configuration's exclude)")
                skipped = sorted(d for d in SKIPPED_FOLDERS if os.path.isdir(os.path.join(path, d)))
                hint = f"; {', '.join(skipped)} not searched: name {'it' if len(skipped) == 1 else 'one'} to check it" \
                    if skipped else ""
                raise InputError(f"{printable_path(path)}: no text files found (looked for "
                                 f"{', '.join(map(_pattern, include))}){hint}")
            sources.extend(found)
        elif os.path.exists(path):
            if not _readable_kind(path):
                raise InputError(f"{printable_path(path)}: not a regular file")
            if not _excluded(path, os.curdir, globs):
                sources.append(Source(path))
        elif os.path.islink(path):
            raise InputError(f"{printable_path(path)}: {_broken_link(path)}")
        else:
            raise InputError(f"{printable_path(path)}: no such file or directory")
    return unique_sources(sources)


def _broken_link(path: str) -> str:
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a loop of symbolic links"
    return f"a symbolic link to a missing file ({os.readlink(path)})"


def unique_sources(sources: Iterable[Source]) -> list[Source]:
    """Each file once, under the first spelling it was named by (articles/d.txt and
    ./articles/d.txt, a folder and a file in it, a symbolic link and its target): checking a
    file twice would report and fix every finding twice."""
    seen: set[str] = set()
    out = []
    for source in sources:
        if source.path == STDIN:  # "-" twice is the CLI's usage error, not a duplicate to drop
            out.append(source)
            continue
        key = os.path.normcase(os.path.realpath(source.path))
        if key not in seen:
            seen.add(key)
            out.append(source)
    return out


def _included(name: str, path: str, root: str, include: Sequence[str | Glob]) -> bool:
    """Whether an include glob matches the file: its name (*.po), or, for a glob with a ``/``,
    its path below the glob's root (a configuration's folder) or, for the command line's, below
    the folder walked or the current directory, or its absolute path (docs/**/*.po, ./x/*.po;
    ``**/`` also none; ``*`` crosses ``/`` as in fnmatch); case aside, as suffixes are."""
    name = name.lower()
    absolute = os.path.abspath(path).replace(os.sep, "/").lower()
    for item in include:
        glob, bases = (item.pattern, [item.root]) if isinstance(item, Glob) else (item, [root, os.curdir])
        glob = glob.replace("\\", "/").lower()
        if "/" not in glob:
            if fnmatch.fnmatch(name, glob):
                return True
            continue
        while glob.startswith("./"):
            glob = glob[2:]
        paths = {absolute, *(rel.lower() for rel in (_relative(path, base) for base in bases) if rel)}
        # **/ stands for no folder too (docs/**/*.po holds docs/a.po); a glob without a / left
        # (./*.po) is for the top folder only
        variants = {glob, glob.replace("/**/", "/"), glob[3:] if glob.startswith("**/") else glob}
        for rel in paths:
            for variant in variants:
                if ("/" in variant or "/" not in rel) and fnmatch.fnmatch(rel, variant):
                    return True
    return False


def _with_default_suffixes(include: Iterable[str | Glob]) -> list[str | Glob]:
    """The readers' suffixes (*.txt, *.md, ...) and ``include``'s globs: include adds, never replaces."""
    from .readers import DEFAULT_INCLUDE

    return [*DEFAULT_INCLUDE, *(glob for glob in include if glob not in DEFAULT_INCLUDE)]


def _relative(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` with ``/`` separators (no ``./``); None when outside it."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base or ".")).replace(os.sep, "/")
    return None if rel == ".." or rel.startswith("../") else rel


def glob_matches(glob: Glob, path: str, top: str) -> bool:
    pattern = glob.pattern.replace(os.sep, "/").rstrip("/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    if os.path.isabs(pattern):
        return fnmatch.fnmatch(os.path.abspath(path).replace(os.sep, "/"), pattern)
    if "/" not in pattern:
        # components below ``top`` only: a directory named on the command line is checked anyway
        rel = _relative(path, top) or os.path.basename(path)
        return any(fnmatch.fnmatch(part, pattern) for part in rel.split("/"))
    bases = [glob.root] if glob.root is not None else [top, os.curdir]
    return any(rel and _matches_or_parent(rel, pattern) for rel in (_relative(path, base) for base in bases))


def _matches_or_parent(rel: str, pattern: str) -> bool:
    """A file named on the command line is excluded with its folder (``a/b`` skips a/b/c.txt)."""
    parts = rel.split("/")
    return any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts) + 1))


def _excluded(path: str, top: str, exclude: Sequence[Glob]) -> bool:
    """Whether ``path``, found under ``top`` (a directory named on the command line, or the
    current directory for a file named there), matches an exclude glob."""
    return any(glob_matches(glob, path, top) for glob in exclude)


def _readable_kind(path: str) -> bool:
    """A regular file, or a named pipe named on the command line (``<(command)`` in a shell)."""
    import stat

    return os.path.isfile(path) or stat.S_ISFIFO(os.stat(path).st_mode)


def _pattern(glob: str | Glob) -> str:
    return glob.pattern if isinstance(glob, Glob) else glob


def _holds_text(folder: str, include: Sequence[str | Glob]) -> bool:
    """Whether ``folder`` holds, at any depth, a file of the suffixes looked for (by name only:
    no configuration inside it is read)."""
    patterns = [_pattern(g).lower() for g in include]
    return any(fnmatch.fnmatch(n.lower(), g) for _, _, names in _walk_top_down(folder) for n in names for g in patterns)


# Folders of installed software, never a project's own text (as ruff skips them): a walk does not
# enter them (a new user's report: `check .` read every README of node_modules and a venv)
SKIPPED_FOLDERS = frozenset({"node_modules", "venv", "site-packages", "__pypackages__"})


def _walk(root: str, globs_in: GlobsIn, files_excluded: bool = True,
          pruned: list[tuple[str, Sequence[str | Glob]]] | None = None,
          failed: list[OSError] | None = None) -> Iterable[str]:
    """The text files below ``root``; with ``files_excluded`` False also those the exclude globs
    name (not those in excluded folders: the walk never enters them, nor reads their
    configuration). ``pruned`` receives the excluded folders, each with the include globs in
    force; ``failed`` the errors of the folders it could not read. A symbolic link to nothing
    is given too: reading it reports it."""
    for directory, subdirs, files in _walk_top_down(root, failed.append if failed is not None else None):
        include, exclude = globs_in(directory)
        # pruning an excluded directory here keeps the walk out of it (node_modules, archives)
        kept = []
        for d in sorted(subdirs):
            if d.startswith(".") or d in SKIPPED_FOLDERS:
                continue
            if _excluded(os.path.join(directory, d), root, exclude):
                if pruned is not None:
                    pruned.append((os.path.join(directory, d), include))
                continue
            kept.append(d)
        subdirs[:] = kept
        for name in sorted(files):
            path = os.path.join(directory, name)
            if _included(name, path, root, include) \
                    and not (files_excluded and _excluded(path, root, exclude)) \
                    and (os.path.isfile(path) or not os.path.exists(path)):  # (not a named pipe or a
                # device: reading one never ends; a link to nothing, to be reported)
                yield os.path.normpath(path)


def _walk_top_down(root: str, onerror: Callable[[OSError], None] | None = None) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(root)``, top down, without recursion: Python 3.11's recurses once a folder, so a
    tree 1,000 folders deep raised RecursionError (a tester's report; 3.12's no longer does). As
    there, the caller may prune ``subdirs`` in place, a link to a folder is listed among them and
    not entered, and a folder that cannot be read goes to ``onerror``."""
    stack = [root]
    while stack:
        top = stack.pop()
        subdirs: list[str] = []
        files: list[str] = []
        links: set[str] = set()  # links to folders: listed among them, not entered (as os.walk)
        try:
            with os.scandir(top) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir()
                        if is_dir and entry.is_symlink():
                            links.add(entry.name)
                    except OSError:
                        is_dir = False
                    (subdirs if is_dir else files).append(entry.name)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        yield top, subdirs, files
        stack.extend(os.path.join(top, d) for d in reversed(subdirs) if d not in links)


def printable_path(path: str) -> str:
    """``path`` as text: bytes of a file name that are no UTF-8 (which the OS hands over as
    surrogates) written as \\xff escapes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte (\ud800)
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def load_source(source: Source, lang: str | None = None) -> Document:
    """Read, decode and segment one source; detect its language when ``lang`` is None."""
    from .readers import parse_document

    if source.unreadable:
        raise InputError(source.unreadable)
    data = source.data
    shown = printable_path(source.path)
    if shown != source.path:  # every report names the file: its name must be text
        raise InputError(f"{shown}: the file name is not valid UTF-8 (rename the file)")
    if data is None:
        try:
            with open(source.path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            if os.path.islink(source.path) and not os.path.exists(source.path):
                raise InputError(f"{shown}: {_broken_link(source.path)}") from None
            raise InputError(f"{source.path}: cannot read ({error.strerror})") from None
    from .lang import normalise_lang

    doc = parse_document(source.path, data, normalise_lang(lang) if lang is not None else None, source.fmt)
    return segment(doc)


def load_text(text: str, path: str = "<text>", lang: str | None = None, fmt: str | None = None) -> Document:
    """A document from a string (the Python API and tests)."""
    return load_source(Source(path, text.encode("utf-8"), fmt), lang)


# ------------------------------------------------------------------------------------- segment


def segment(doc: Document) -> Document:
    from .lang import detect_language, fallback_language
    from .segment import segment_document

    if doc.lang is None:  # (too little text: a guess by its letters, still a guess, unless it has none)
        detected = detect_language(doc.prose)
        doc.lang = detected or fallback_language(doc.prose)
        doc.lang_detected = detected is not None or any(ch.isalpha() for ch in doc.prose)
    return segment_document(doc)


# --------------------------------------------------------------------------------------- check


def instantiate_rules(settings: Settings) -> list[Rule]:
    rules = [cls() for cls in iter_selected(settings.select, settings.ignore)]
    for rule in rules:
        level = severity_for(type(rule), settings.config.severity)
        if level is not None:
            rule.severity = level
    return rules


def severity_for(rule: type[Rule], severity: dict[str, Severity]) -> Severity | None:
    """The ``[severity]`` level for a rule: its keys are selectors, as in ``select``; when several
    name the rule the most specific wins (code, name, longer prefix, category, ALL)."""
    keys = [key for key in severity if matches(rule, [key])]
    return severity[max(keys, key=lambda key: specificity(rule, key))] if keys else None


def check_document(doc: Document, rules: Sequence[Rule], ctx: CheckContext) -> tuple[list[Finding], dict[str, Any]]:
    """Run the segment-, pair- and document-scope rules; return findings and corpus statistics.

    Pair rules run when ``doc.source`` (the original ``doc`` translates) is set; document rules
    may consult it too (TC203 leaves a word the source itself spells that way). Top-level and
    free of side effects, so that a process pool or a cluster can run it.
    """
    findings: list[Finding] = []
    stats: dict[str, Any] = {}
    ctx.collecting = frozenset(rule.code for rule in rules if rule.scope is Scope.CORPUS)
    for rule in rules:
        if rule.scope is Scope.PAIR:
            if doc.source is not None:
                findings.extend(rule.check_pair(doc.source, doc, ctx))
        elif rule.scope is Scope.SEGMENT:
            for seg in doc.segments:
                findings.extend(rule.check_segment(doc, seg, ctx))
        elif rule.scope is Scope.DOCUMENT:
            findings.extend(rule.check_document(doc, ctx))
        elif rule.scope is Scope.CORPUS:
            stats[rule.code] = rule.collect(doc, ctx)
    for finding in findings:
        if finding.fix is not None and not fix_keeps_markup(doc, finding.fix):
            finding.fix = None  # the suggestion stays; the edit is the editor's
    return findings, stats


def fix_keeps_markup(doc: Document, fix: Fix) -> bool:
    """Whether ``fix`` keeps, in order, every piece of markup (what the prose view masks: Markdown
    link targets, emphasis, inline code, URLs) inside the span it replaces. A substitution over
    "[president](url) in charge" would delete the link, and rules match on the prose view."""
    text, prose = doc.text, doc.prose
    start, end = fix.start, fix.end
    if text[start:end] == prose[start:end]:
        return True
    pos = 0
    i = start
    while i < end:
        if text[i] == prose[i]:
            i += 1
            continue
        j = i
        while j < end and text[j] != prose[j]:
            j += 1
        found = fix.replacement.find(text[i:j], pos)
        if found < 0:
            return False
        pos, i = found + (j - i), j
    return True


def combine_stats(rules: Sequence[Rule], left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    merged = dict(left)
    for rule in rules:
        if rule.code in right:
            merged[rule.code] = rule.combine(left[rule.code], right[rule.code]) if rule.code in left else right[rule.code]
    return merged


# -------------------------------------------------------------------------------------- filter


def filter_findings(findings: Iterable[Finding], settings_of: dict[str, Settings],
                    options: Options | None = None, documents: dict[str, Document] | None = None,
                    corpus: set[int] | None = None, stdin_texts: dict[str, str] | None = None,
                    foreign: set[str] = frozenset()) -> list[Finding]:
    """Drop what per-file-ignores turn off, deduplicate, sort (path, line, column, rule); give
    each finding its fingerprint; apply the suppression comments and, among the findings left,
    the corpus rules' decisions (``corpus``: their findings' ids, ``corpus_overrides``); then
    drop what the baseline lists and, with ``diff_only``, what is not on a changed line
    (``stdin_texts``: the texts read from standard input, compared as read, not as on disk;
    ``foreign``: the files read as another language, which the glossary rules did not check)."""
    kept = {}
    for finding in findings:
        settings = settings_of.get(finding.path)
        if settings is not None:
            ignored = settings.config.ignored_for(finding.path)
            if ignored and any(matches(rule_class, ignored) for rule_class in _rule_class(finding.rule)):
                continue
            style_rule = finding.extra.get("style_rule")
            if style_rule and not style_rule_selected(finding.rule, style_rule, settings.select,
                                                      [*settings.ignore, *ignored]):
                continue
        kept[(finding.rule, finding.path, finding.start, finding.end, finding.message)] = finding
    result = sorted(kept.values(), key=Finding.sort_key)
    from .fingerprint import assign

    assign(result)  # over every finding, so that occurrence indexes do not depend on the filters below
    if documents:
        result = _apply_suppressions(result, documents, settings_of, foreign)
    if corpus:
        result = corpus_overrides(result, corpus, documents or {})
    if options is not None and options.baseline:
        from .baseline import apply_baseline, load_baseline

        result = apply_baseline(result, load_baseline(options.baseline), documents)
    if options is not None and options.diff_only and (result or documents):
        from .gitdiff import changed_lines

        # (with no finding too: a file in no repository, run from none, is an error)
        changed = changed_lines([f.path for f in result] or list(documents or ()), options.diff_only,
                                given=stdin_texts)
        result = [f for f in result if changed.get(f.path) is None
                  or any(line in changed[f.path] for line in range(f.line, f.end_line + 1))
                  or _spelling_on_changed_line(f, changed[f.path], documents)]
    return result


MAJORITY_RULES = ("TC101", "TC103", "TC104")  # names findings that a majority of spellings decides


def _baseline_elsewhere(path: str, documents: Mapping[str, Document]) -> list[str]:
    """A notice when the baseline records findings, none in the files checked and none in a file
    found from here: its paths are relative to where it was written, so run from another
    directory it matches nothing (a corpus tester's report: every recorded finding came back,
    without a word)."""
    from .baseline import load_baseline
    from .fingerprint import normalise_path

    recorded = {key[1] for key in load_baseline(path) if key is not None}
    if not recorded or recorded & {normalise_path(p) for p in documents} \
            or any(os.path.exists(p) for p in recorded):  # (a new file beside recorded ones: no notice)
        return []
    return [f"the baseline {path} records no finding in the files checked: its paths are relative to the "
            f"directory it was written in (e.g. {sorted(recorded)[0]}); run from there"]


def _spelling_on_changed_line(finding: Finding, lines: set[int], documents: dict[str, Document] | None) -> bool:
    """A finding of a spelling's majority whose other spelling (``variant_of``) a changed line
    writes: the change may have made the unchanged line's spelling the minority, and the finding
    stands with the change (a corpus tester's report: two new "Zelenski" outvoted an old
    "Zelensky" and --diff-only let the commit through). One the file had before comes back too
    where a changed line writes that spelling: the editor is at that name."""
    doc = documents.get(finding.path) if documents else None
    if finding.rule not in MAJORITY_RULES or not finding.variant_of or doc is None:
        return False
    spelling = re.compile(r"(?<!\w)" + re.escape(finding.variant_of) + r"(?!\w)")
    changed = [doc.line_text(line) for line in lines if 0 < line <= doc.lines.line_count]
    if any(spelling.search(text) for text in changed):
        return True
    from .names.morph import CASE_LANGUAGES, inflected

    if primary_language(doc.lang) not in CASE_LANGUAGES or " " in finding.variant_of:
        return False
    # ... or a case form of it (Зеленского of Зеленский: a noticed gap); each distinct word once,
    # and only one of a case form's length (a large edit has many words: a review)
    name = finding.variant_of
    words = {word for text in changed for word in re.findall(r"\w+", text)
             if word[:1] == name[:1] and word != name and abs(len(word) - len(name)) <= 3}
    return any(inflected(word, name, doc.lang) for word in words)


def _apply_suppressions(findings: list[Finding], documents: dict[str, Document],
                        settings_of: dict[str, Settings], foreign: set[str] = frozenset()) -> list[Finding]:
    """Inline ``transcheck-disable`` comments (checker.suppress), then TC002 for unused ones."""
    from . import suppress
    from .fingerprint import assign
    from .rules.suppression import unused_suppressions

    kept, directives_of = suppress.apply(findings, documents)
    if not directives_of:
        return kept
    ran_of = {path: {cls.code for cls in iter_selected(settings_of[path].select, settings_of[path].ignore)
                     if not matches(cls, settings_of[path].config.ignored_for(path))  # per-file-ignores
                     and not (path in foreign and cls.category in FOREIGN_SKIPPED)}
              for path in directives_of if path in settings_of}
    styles_ran_of = {path: _styles_ran(settings_of[path], ran_of[path], documents[path].lang,
                                       settings_of[path].config.ignored_for(path))
                     for path in ran_of}
    unused = [f for f in unused_suppressions(directives_of, documents, ran_of, styles_ran_of)
              if not any(matches(cls, settings_of[f.path].config.ignored_for(f.path)) for cls in _rule_class(f.rule))]
    for finding in unused:  # TC002 runs outside instantiate_rules: apply [severity] here
        for cls in _rule_class(finding.rule):
            finding.severity = severity_for(cls, settings_of[finding.path].config.severity) or finding.severity
    assign(unused)
    return sorted([*kept, *unused], key=Finding.sort_key)


def _check_style_rule_selectors(contexts: list[CheckContext], options: Options) -> None:
    """A selector shaped like a style's rule (House.Wording) must name a rule of the configured
    styles: a typo (Tc1.01, House.Wordnig) would otherwise select nothing and pass every file.
    A configuration's own selectors name rules of its own styles; the command line's, a rule of
    any configuration of the run (two desks, two styles: --ignore A.Rule switches off desk A's
    rule and leaves desk B alone)."""
    from .style.loader import styles_for

    given = [sel for sel in (*(options.select or ()), *options.ignore) if is_style_rule_selector(sel)]
    known_anywhere: dict[str, str] = {}  # lower case -> as the style writes it
    for ctx in contexts:
        config = ctx.settings.config
        # a key's selectors name the rules of the styles the same file configures: a desk that
        # extends the newsroom's file and sets its own styles keeps the newsroom's
        # per-file-ignores without them naming its rules (a tester's report)
        keyed = {"select": config.select or [], "ignore": config.ignore, "severity": list(config.severity),
                 "per-file-ignores": [sel for sels in config.per_file_ignores.values() for sel in sels]}
        # (skipped only where a file nearer than the key's replaced the styles; a desk's own
        # typo, or one in a middle file of a chain, is checked)
        own = [(key, sel) for key, sels in keyed.items()
               if not config.nearer(config.source_of("styles"), config.source_of(key))
               for sel in sels if is_style_rule_selector(sel)]
        if not (own or given) or not config.styles:  # (styles are read only to check a selector)
            _unknown_style_selector(own, {}, None, config)
            continue
        known = {rule.name.lower(): rule.name for rule in styles_for(ctx).rules}
        known_anywhere.update(known)
        _unknown_style_selector(own, known, "the configured styles", config)
    configured = any(ctx.settings.config.styles for ctx in contexts)
    _unknown_style_selector([("", sel) for sel in given], known_anywhere,
                            "the configured styles" if configured else None)


def _unknown_style_selector(selectors: list[tuple[str, str]], known: dict[str, str], styles: str | None,
                            config: Any = None) -> None:
    """An InputError for the first of ``selectors`` ((key, selector): the configuration key that
    wrote it, "" for the command line) that names no rule of ``known`` (lower case -> as written);
    a configuration's own selector is named with its file and line."""
    from difflib import get_close_matches

    from .config import at_line

    for key, selector in selectors:
        if selector.strip().lower() in known:
            continue
        wanted = selector.strip().lower()
        style, dot, name = wanted.partition(".")
        if dot:  # the rule's name compared within its style (House.Nope is no House.Banned: a tester's report)
            names = {k.partition(".")[2]: k for k in known if k.startswith(style + ".")}
            close = [names[c] for c in get_close_matches(name, sorted(names), n=1)] if names else \
                get_close_matches(wanted, sorted(known), n=1)
        else:
            close = get_close_matches(wanted, sorted(known), n=1)
        hint = f" (did you mean {known[close[0]]!r}?)" if close else ""
        message = (f"unknown rule selector {selector!r}{hint}: no rule of transcheck or of "
                   f"{styles or 'any style (none is configured)'} has that name (see `transcheck rules`)")
        path = config.source_of(key) if config is not None and key else None
        if path:
            message = at_line(f"{path}: key '{key}': {message}", path, key)
        raise InputError(message)


def _styles_ran(settings: Settings, ran: set[str], lang: str | None, ignored: list[str]) -> dict[str, bool]:
    """Each configured style rule's name (lower case) and whether it ran on a file in ``lang``
    whose selected rule codes are ``ran`` and per-file ignores ``ignored``: selected by its code
    and its own name, and its ``lang`` admitting the file. A suppression of a rule that did not
    run is not unused."""
    if not settings.config.styles:
        return {}
    from .style.loader import load_styles

    code_of = {getattr(cls, "kind", None): cls.code for cls in all_rules() if getattr(cls, "kind", None)}
    ignore = [*settings.ignore, *ignored]
    from .lang import with_region

    tag = with_region(lang, settings.lang)
    return {rule.name.lower(): code_of.get(rule.kind) in ran and rule.applies_to(tag)
            and style_rule_selected(code_of[rule.kind], rule.name, settings.select, ignore)
            for rule in load_styles(list(settings.config.styles)).rules}


def _rule_class(code: str) -> list[type[Rule]]:
    rule = get_rule(code)
    return [rule] if rule else []


# ----------------------------------------------------------------------------------------- run


def resolver_for(options: Options) -> ConfigResolver | None:
    return None if options.isolated else ConfigResolver(options.config)


def corpus_overrides(findings: list[Finding], corpus: set[int], documents: dict[str, Document]) -> list[Finding]:
    """Where the corpus decides (``corpus``: the ids of the corpus rules' findings among
    ``findings``): a document's finding that suggests the spelling a corpus finding of the same
    file reports as the slip, and the reverse, or an inflection of either (TC101's Tikhanovskaya,
    Tikhanovskayas -> Tikhanovskaia, the file's majority, where 34 files write Tikhanovskaya: TC103
    reports Tikhanovskaia there), is dropped; a corpus finding marked ``overriding`` is kept only
    where it dropped one. Run on what suppressions and per-file-ignores leave, so that turning
    either rule off for a file leaves the other as it is alone."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        if id(f) in corpus and f.variant_of:
            by_path.setdefault(f.path, []).append(f)
    if not by_path:
        return [f for f in findings if not f.overriding]
    from .names.morph import inflected

    def form_of(word: str, base: str, lang: str | None) -> bool:
        return word == base or (word.startswith(base) and inflected(word, base, lang))

    dropped: set[int] = set()
    used: set[int] = set()
    for f in findings:
        if id(f) in corpus or not f.variant_of or f.path not in by_path:
            continue
        doc = documents.get(f.path)
        lang = doc.lang if doc is not None else None
        for c in by_path[f.path]:
            if form_of(f.variant_of, c.text, lang) and form_of(f.text, c.variant_of, lang):
                dropped.add(id(f))
                used.add(id(c))
    return [f for f in findings if id(f) not in dropped and (not f.overriding or id(f) in used)]


def discover_sources(paths: Sequence[str], options: Options) -> list[Source]:
    """``discover`` each path with include/exclude from the options and from the configuration
    in force for that path (a directory's own, a file's folder's; the current directory's for -)."""
    resolver = resolver_for(options)
    by_config: dict[int, tuple[list[str], list[Glob]]] = {}

    def globs_of(config: Config) -> tuple[list[str], list[Glob]]:
        if id(config) not in by_config:
            include = _with_default_suffixes([*(Glob(g, config.root_of("include")) if "/" in g.replace("\\", "/") else g
                                                for g in config.include or ()), *(options.include or ())])
            # a configuration's globs are relative to its folder, the command line's to the paths it names
            exclude = [*(Glob(g, config.root_of("exclude")) for g in config.exclude), *(Glob(g) for g in options.exclude)]
            by_config[id(config)] = include, exclude
        return by_config[id(config)]

    no_config = Config()  # --isolated

    def globs_in(directory: str) -> tuple[list[str], list[Glob]]:
        return globs_of(resolver.for_directory(directory) if resolver else no_config)

    sources: list[Source] = []
    for path in paths:
        config = no_config if resolver is None else (
            resolver.for_directory(path) if os.path.isdir(path) else resolver.for_path(path))
        include, exclude = globs_of(config)
        sources.extend(discover([path], include, exclude, globs_in))
    return unique_sources(sources)


DIRECTIVE_MARK = "transcheck-"  # in every suppression comment (checker.suppress)


class _DocumentsRead(Mapping):
    """The run's documents by path, for corpus rules: a document kept without its text (a run
    holds only the texts it reports on) is read again when a rule asks for it, and kept with
    its text for the report and ``--fix``; one that changed since it was checked, or can no
    longer be read, is missing (``get`` gives None; ``[]`` raises KeyError, though iteration
    lists it: read through ``get``)."""

    def __init__(self, by_path: dict[str, Document], sources: dict[str, Source]) -> None:
        self._docs = by_path
        self._sources = sources

    def __getitem__(self, path: str) -> Document:
        doc = self._docs[path]
        if doc.text or not doc.digest or path not in self._sources:
            return doc
        try:
            fresh = load_source(self._sources[path], doc.lang)
        except InputError:
            raise KeyError(path) from None
        if text_digest(fresh.text) != doc.digest:
            raise KeyError(path)
        fresh.segments, fresh.blocks, fresh.lang_detected = [], [], doc.lang_detected
        self._docs[path] = fresh
        return fresh

    def __iter__(self):
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)


@dataclass
class _Checked:
    """What checking one source gives the run: the document (without its text when nothing needs
    it), its findings and corpus statistics, or the error that kept it from being read."""

    index: int  # the source's place in the run
    doc: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    error: FileError | None = None
    foreign: bool = False  # it does not read as the language it was given (--lang)
    notices: list[str] = field(default_factory=list)  # those this file added to its context's


FOREIGN_SKIPPED = frozenset({"glossary"})  # rule categories not run on a file read as another language


def _check_source(index: int, source: Source, ctx: CheckContext, rules: list[Rule], many: bool) -> _Checked:
    """Load one source (and its original), check it; in this process or in a pool's."""
    from .lang import looks_foreign

    reading = source
    try:
        doc = load_source(source, ctx.settings.lang)
        if source.source:
            reading = source.source
            doc.source = load_source(source.source, ctx.settings.source_lang)
    except InputError as error:
        return _Checked(index, error=FileError(printable_path(reading.path), str(error)))
    foreign = bool(ctx.settings.lang and not doc.lang_detected
                   and looks_foreign(doc.prose, doc.lang, None if source.source else ctx.settings.source_lang))
    before = len(ctx.notices)
    if foreign:  # (the glossary maps the source language's terms to the target's: it says nothing of
        # a file in another language, an original beside its translations, whose every source term
        # it "left in": a new user's report)
        rules = [rule for rule in rules if rule.category not in FOREIGN_SKIPPED]
    doc_findings, doc_stats = check_document(doc, rules if many else [r for r in rules if r.scope is not Scope.CORPUS], ctx)
    # Filtering and reports read only the text: a corpus of many files keeps no segments, and no
    # text of a file with no findings and no suppression comments (TC002 reads them); a corpus
    # rule that reports in such a file has it read again (``_DocumentsRead``).
    for checked in (doc, doc.source) if doc.source else (doc,):
        checked.segments, checked.blocks = [], []
    needs_text = doc_findings or DIRECTIVE_MARK in doc.text
    # (a digest only where a corpus rule collected: none other reads the file again)
    kept = doc if needs_text else doc.without_text(digest=bool(doc_stats))
    return _Checked(index, kept, doc_findings, doc_stats, foreign=foreign, notices=ctx.notices[before:])


def processes(jobs: int, files: int) -> int:
    """How many processes check ``files`` files for ``--jobs`` (0: one per CPU): never more than
    the CPUs (the work is all CPU, and each process holds its own word lists: --jobs 1000 on a
    laptop would only fill its memory) nor the files, and one for a single file."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs or cpus, cpus, files))


# A pool process's own state: its options, configuration resolver and, per configuration, its
# context and rules (each process loads the styles and glossaries it needs once).
_WORKER: dict[str, Any] = {}


class WorkerError(Exception):
    """An unexpected error in a pool's process, as its type's name and its message ("StyleError:
    ..."): not every exception survives the trip back (one whose constructor takes other
    arguments than its message does not), and one that does not would stop the pool."""


def _worker_start(options: Options) -> None:
    import signal

    from . import lexicon
    from .cli import tune_gc

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's: it stops the pool, quietly
    _leave_with_the_run(os.getppid())
    tune_gc()  # as the command's own process
    lexicon.forget_connections()  # (an SQLite connection is not to be used across a fork)
    _WORKER.update(options=options, resolver=resolver_for(options), contexts={})


def _leave_with_the_run(run_pid: int) -> None:
    """End this pool process once the run's process is gone (killed by SIGTERM or SIGKILL, as a
    CI timeout or an editor stopping a linter does): it would check files for no one, holding
    the run's output pipes open (a tester's report)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == run_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="transcheck-watch", daemon=True).start()


def context_for(path: str, options: Options, resolver: ConfigResolver | None,
                contexts: dict[int, tuple[CheckContext, list[Rule]]]) -> tuple[CheckContext, list[Rule]]:
    """The context and rules of the configuration in force for ``path`` (no resolver: --isolated,
    no configuration), made once per configuration and kept in ``contexts``."""
    return _context_of(resolver.for_path(path) if resolver else None, options, contexts)


def _context_of(config: Config | None, options: Options,
                contexts: dict[int, tuple[CheckContext, list[Rule]]]) -> tuple[CheckContext, list[Rule]]:
    if id(config) not in contexts:
        settings = Settings.resolve(options, config if config is not None else Config())
        contexts[id(config)] = (CheckContext(settings), instantiate_rules(settings))
    return contexts[id(config)]


def worker_context(path: str) -> tuple[CheckContext, list[Rule]]:
    """In a pool's process: ``context_for`` with the process's own state."""
    return context_for(path, _WORKER["options"], _WORKER["resolver"], _WORKER["contexts"])


def _worker_check(task: tuple[int, Source]) -> _Checked:
    index, source = task
    try:
        return _check_source(index, source, *worker_context(source.path), True)
    except InputError as error:  # (a configuration's glossary that cannot be read: one line, exit 2)
        raise InputError(str(error)) from None
    except Exception as error:
        raise WorkerError(f"{type(error).__name__}: {error}") from None


def in_pool(work: Callable[[tuple[int, Source]], Any], sources: Sequence[Source], options: Options,
            jobs: int) -> Iterator[Any]:
    """``work`` (a module's function: it goes to the processes by name) of each ``(index,
    source)``, done by ``jobs`` processes, in order: the per-file work; the caller combines the
    corpus statistics and finalizes them, as a cluster's would. A process that dies (killed,
    out of memory) stops the run with BrokenProcessPool rather than leave it waiting."""
    from concurrent.futures import ProcessPoolExecutor

    import threading

    chunk = max(1, min(16, len(sources) // (jobs * 8)))
    pool = ProcessPoolExecutor(jobs, initializer=_worker_start, initargs=(options,))
    hook = threading.excepthook
    try:
        yield from pool.map(work, enumerate(sources), chunksize=chunk)
    except BaseException:
        # an error, Ctrl-C or a run that stops reading: the files begun and queued are not waited
        # for (a style rule at its time limit took it again on each: a final tester's report)
        threading.excepthook = _quiet_pool_manager(hook)
        _terminate(pool)
        raise
    finally:  # (the files not yet begun are not done)
        pool.shutdown(wait=True, cancel_futures=True)
        threading.excepthook = hook


def _quiet_pool_manager(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``hook`` but for the InvalidStateError that Python 3.11's pool manager raises when the
    processes it finds stopped had work whose futures were cancelled meanwhile (a traceback
    printed before the run's one error line, now and then: a flaky test)."""
    from concurrent.futures import InvalidStateError

    def quiet(args: Any) -> Any:
        if args.exc_type is InvalidStateError:
            return None
        return hook(args)

    return quiet


def _terminate(pool) -> None:
    """Stop a pool's processes now (``terminate_workers``, Python 3.14+; before, through the
    pool's table of processes, which it has no public way to reach)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def run(sources: Sequence[Source], options: Options) -> Result:
    options.validate()
    resolver = resolver_for(options)
    contexts: dict[int, tuple[CheckContext, list[Rule]]] = {}
    settings_of: dict[str, Settings] = {}
    documents: list[Document] = []
    findings: list[Finding] = []
    errors: list[FileError] = []
    foreign: dict[str, list[str]] = {}  # files given a language (--lang) they do not read as
    corpus_stats: dict[str, Any] = {}
    corpus: set[int] = set()  # the ids of the corpus rules' findings (``corpus_overrides``)
    corpus_context: dict[str, tuple[Rule, CheckContext]] = {}
    source_of: dict[str, Source] = {}
    config_of: list[Config | None] = []  # each source's, in order: every configuration is known first
    for source in sources:
        config = resolver.for_path(source.path) if resolver else None  # (--isolated: one context for every file)
        config_of.append(config)
        _context_of(config, options, contexts)
    _check_style_rule_selectors([ctx for ctx, _ in contexts.values()], options)
    # the notices before the files, each file's (in the files' order, whichever process checked
    # it), then those the corpus rules add
    notices = [notice for ctx, _ in contexts.values() for notice in ctx.notices]
    told = {id(ctx): len(ctx.notices) for ctx, _ in contexts.values()}
    many = len(sources) > 1  # (a corpus rule compares files: a run of one file does not collect for it)
    jobs = processes(options.jobs, len(sources))
    if jobs > 1:
        checked = in_pool(_worker_check, sources, options, jobs)
    else:
        checked = (_check_source(i, source, *contexts[id(config)], many)
                   for i, (source, config) in enumerate(zip(sources, config_of)))
    for item in checked:
        ctx, rules = contexts[id(config_of[item.index])]
        notices.extend(item.notices)
        if item.doc is None:
            assert item.error is not None
            errors.append(item.error)
            continue
        doc = item.doc
        settings_of[doc.path] = ctx.settings
        if item.foreign:
            foreign.setdefault(doc.lang, []).append(doc.path)
        documents.append(doc)
        source_of[doc.path] = sources[item.index]
        findings.extend(item.findings)
        corpus_stats = combine_stats(rules, corpus_stats, item.stats)
        for rule in rules:
            if rule.scope is Scope.CORPUS:
                corpus_context.setdefault(rule.code, (rule, ctx))
    by_path = {doc.path: doc for doc in documents}
    if corpus_stats:
        readable = _DocumentsRead(by_path, source_of)
        for code, stats in corpus_stats.items():
            rule, ctx = corpus_context[code]
            for finding in rule.finalize(stats, readable, ctx):
                corpus.add(id(finding))
                findings.append(finding)
        documents = list(by_path.values())
    fail_levels = {path: settings.fail_level for path, settings in settings_of.items()}
    notices += [notice for ctx, _ in contexts.values() for notice in ctx.notices[told[id(ctx)]:]]
    notices = list(dict.fromkeys(notices))
    if len(sources) == 1 and options.select:  # a corpus rule named for one file: it cannot report
        named = {sel.strip().lower() for sel in options.select}
        notices += [f"{rule.code} ({rule.name}) compares files with one another: with one file it reports nothing"
                    for rule in all_rules() if rule.scope is Scope.CORPUS and {rule.code.lower(), rule.name} & named]
    # (the command line's selectors, or those of each configuration in force: a tester's report)
    selectors = dict.fromkeys(sel for settings in [options, *settings_of.values()] for sel in settings.select or ())
    for selector in selectors:
        if reserved_selector(selector) and not any(matches(rule, [selector.strip()]) for rule in all_rules()):
            notices.append(f"{selector.strip()!r} selects no rule yet: its checks come in a later version")
    if options.baseline and by_path:
        notices += _baseline_elsewhere(options.baseline, by_path)
    for lang, paths in foreign.items():
        many = f"{len(paths)} files" if len(paths) > 1 else "1 file"
        notices.append(f"{many} checked as {lang} read as another language (few of their words are {lang} words), "
                       f"e.g. {paths[0]}: is the language right? (--lang, or let it be detected; --fix leaves "
                       f"{'them' if len(paths) > 1 else 'it'} as {'they are' if len(paths) > 1 else 'it is'}, "
                       f"and the glossary is not applied to {'them' if len(paths) > 1 else 'it'})")
    stdin_texts = {path: doc.text for path, doc in by_path.items() if source_of[path].data is not None and doc.text}
    foreign_paths = {path for paths in foreign.values() for path in paths}
    kept = filter_findings(findings, settings_of, options, documents=by_path, corpus=corpus,
                           stdin_texts=stdin_texts, foreign=foreign_paths)
    if foreign_paths:  # (reported, never fixed: maybe an original beside its translation; TC002's too)
        kept = [dataclasses.replace(f, fix=None) if f.fix is not None and f.path in foreign_paths else f
                for f in kept]
    return Result(kept, documents, fail_levels, errors, notices)
