"""``--diff-only [REV]``: which lines of which files changed against a git revision.

Uses ``git diff -U0 -M REV -- paths`` (the working tree against REV, so staged and unstaged
edits both count) in each file's repository; a file renamed since REV is compared
with its old path, so renaming an article does not make every line new. Files git does not track
(untracked, or outside the repository) count as wholly changed.
"""

from __future__ import annotations

import os
import re
import subprocess
from typing import Iterable, Sequence

from .model import InputError

WHOLE = None  # changed_lines value for a wholly changed file

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _git(args: Sequence[str], cwd: str | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            # (the user's settings that change the output read here: c/ w/ prefixes, paths
            # relative to a subdirectory; a tester's report: nothing was reported with them)
            ["git", "-c", "core.quotepath=false", "-c", "diff.mnemonicPrefix=false", "-c", "diff.noprefix=false",
             "-c", "diff.relative=false", *args],
            capture_output=True,
            cwd=cwd,
            env={**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"},
        )
    except FileNotFoundError:
        raise InputError("--diff-only needs git, which was not found on PATH") from None


def _first_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[0].removeprefix("fatal: ") if lines else "git failed"


def repository_root(rev: str, cwd: str | None = None) -> str:
    """The top level of the current directory's repository; checks that ``rev`` is a commit."""
    where = cwd or os.getcwd()
    top = _git(["rev-parse", "--show-toplevel"], cwd=where)
    if top.returncode != 0:
        raise InputError(f"--diff-only: {where} is not inside a git repository")
    _resolve(rev, where)
    return top.stdout.decode("utf-8", "surrogateescape").strip()


def check_git() -> None:
    """Before any file is read: git is there (each file's repository then checks the revision,
    ``changed_lines``: the current directory's may not have it, a review)."""
    _git(["--version"])


def _resolve(rev: str, where: str) -> str:
    """``rev`` itself, or git's empty tree for HEAD in a repository with no commit yet (so that
    every file counts as new); InputError for an unknown revision."""
    verify = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=where)
    if verify.returncode == 0:
        return rev
    if rev == "HEAD" and not _git(["rev-list", "-n", "1", "--all"], cwd=where).stdout.strip():
        empty = _git(["hash-object", "-t", "tree", os.devnull], cwd=where)
        return empty.stdout.decode().strip()
    raise InputError(f"--diff-only: unknown git revision {rev!r}")


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of a path in a diff header."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if re.fullmatch(r"[0-7]{3}", body[i + 1 : i + 4]):
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out.extend(_ESCAPES.get(nxt, nxt).encode("utf-8"))
            i += 2
            continue
        out.extend(char.encode("utf-8"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def parse_diff(text: str) -> dict[str, set[int]]:
    """Changed (added or modified) line numbers per new-side path from ``git diff -U0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.split("\n"):  # (git's lines; a \v inside one is no break)
        if line.startswith("+++ "):
            name = line[4:].rstrip("\t")
            if name == "/dev/null":
                current = None
                continue
            name = _unquote(name)
            current = changed.setdefault(name[2:] if name.startswith("b/") else name, set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                current.update(range(start, start + count))
    return changed


def _renamed_from(base: str, paths: set[str], where: str) -> list[str]:
    """The old paths (relative to the repository root) of those of ``paths`` that git sees as
    renamed since ``base``."""
    names = _git(["diff", "--name-status", "-z", "-M", "--no-color", base], cwd=where)
    if names.returncode != 0:
        raise InputError(f"--diff-only: git diff failed: {_first_line(names.stderr)}")
    fields = names.stdout.decode("utf-8", "surrogateescape").split("\0")
    old_paths, i = [], 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        if status[:1] in ("R", "C"):  # status, old path, new path
            if fields[i + 2] in paths and status[:1] == "R":
                old_paths.append(fields[i + 1])
            i += 3
        else:
            i += 2
    return old_paths


def _top_level(folder: str) -> str | None:
    """The top level of the repository holding ``folder`` (or its nearest existing parent: a
    path named for standard input may not exist), or None outside every repository."""
    while folder and not os.path.isdir(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    top = _git(["rev-parse", "--show-toplevel"], cwd=folder or None)
    return top.stdout.decode("utf-8", "surrogateescape").strip() if top.returncode == 0 else None


def changed_lines(paths: Iterable[str], rev: str, cwd: str | None = None,
                  given: dict[str, str] | None = None) -> dict[str, set[int] | None]:
    """For each path (as given): the set of changed 1-based line numbers, or None when wholly changed.

    Each file is compared in its own repository (a tester's report: files of another repository
    than the current directory's were wholly new); a file in none is wholly changed, and where no
    file is in one, nor the current directory, that is an error. A file that git tracks but that
    has no change against ``rev`` maps to an empty set. ``given`` holds the text checked for
    paths read from standard input (``--stdin-filename``, an editor's unsaved buffer): that
    text, not the file on disk, is compared with ``rev``'s.
    """
    where = cwd or os.getcwd()
    by_repository: dict[str | None, list[str]] = {}
    tops: dict[str, str | None] = {}
    for path in dict.fromkeys(paths):
        folder = os.path.dirname(os.path.realpath(os.path.join(where, path)))
        if folder not in tops:
            tops[folder] = _top_level(folder)
        by_repository.setdefault(tops[folder], []).append(path)
    if None in by_repository and len(by_repository) == 1:
        repository_root(rev, where)  # (no file in a repository: an error unless the current directory is one)
    result: dict[str, set[int] | None] = dict.fromkeys(by_repository.pop(None, ()), WHOLE)
    for root, members in by_repository.items():
        result.update(_changed_in_repository(members, rev, where, root, given))
    return result


def _changed_in_repository(paths: list[str], rev: str, cwd: str, root: str,
                           given: dict[str, str] | None) -> dict[str, set[int] | None]:
    """``changed_lines`` of ``paths`` (relative to ``cwd``), all in the repository at ``root``."""
    base = _resolve(rev, root)
    real_root = os.path.realpath(root)
    inside: dict[str, str] = {}  # path as given -> path relative to the repository root
    result: dict[str, set[int] | None] = {}
    for path in paths:
        full = os.path.realpath(os.path.join(cwd, path))
        rel = os.path.relpath(full, real_root)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep) \
                or not (os.path.isfile(full) or (given and path in given)):
            result[path] = WHOLE  # standard input named as no file, or outside the repository
        elif given and path in given:
            result[path] = _changed_in_text(rel.replace(os.sep, "/"), given[path], base, root)
        else:
            inside[path] = rel.replace(os.sep, "/")
    if not inside:
        return result
    specs = [f":(literal,top){rel}" for rel in inside.values()]
    listed = _git(["ls-files", "-z", "--full-name", "--", *specs], cwd=root)
    if listed.returncode != 0:
        raise InputError(f"--diff-only: git ls-files failed: {_first_line(listed.stderr)}")
    tracked = set(listed.stdout.decode("utf-8", "surrogateescape").split("\0")) - {""}
    # A file renamed since ``rev`` (git mv, a new slug) is compared with its old self, so only
    # what was edited counts: rename detection needs the old path in the pathspec too.
    origins = _renamed_from(base, set(inside.values()), root)
    specs += [f":(literal,top){old}" for old in origins]
    diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "-M", "--no-textconv", base, "--", *specs], cwd=root)
    if diff.returncode != 0:
        raise InputError(f"--diff-only: git diff failed: {_first_line(diff.stderr)}")
    by_file = parse_diff(diff.stdout.decode("utf-8", "surrogateescape"))
    for path, rel in inside.items():
        result[path] = by_file.get(rel, set()) if rel in tracked else WHOLE
    return result


def _changed_in_text(rel: str, text: str, base: str, where: str) -> set[int] | None:
    """The lines of ``text`` that differ from ``base``'s version of ``rel`` (None when ``base``
    has no such file). Compared as decoded lines, so a UTF-16 file diffs as text."""
    import difflib

    from .model import _LINE_BREAK
    from .readers.decode import decode

    blob = _git(["cat-file", "blob", f"{base}:{rel}"], cwd=where)
    if blob.returncode != 0:
        return WHOLE
    try:
        old, _ = decode(blob.stdout, rel)
    except InputError:
        return WHOLE  # (binary or undecodable at ``base``: everything is new as text)
    # (lines as transcheck numbers them: \n, \r\n or a lone \r ends one; str.splitlines would
    # also break at \v, \f, U+2028 ...)
    matcher = difflib.SequenceMatcher(None, _LINE_BREAK.split(old), _LINE_BREAK.split(text), autojunk=False)
    return {line + 1 for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("replace", "insert")
            for line in range(j1, j2)}
