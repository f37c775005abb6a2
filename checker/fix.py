"""Apply the fixes that findings carry (``transcheck check --fix`` / ``--diff``).

Only safe fixes are applied unless ``unsafe`` is set. Overlapping fixes are resolved
deterministically: by start offset, then the longer span, then rule code and replacement; a fix
that overlaps one already taken is skipped (the next run reports it again). Identical fixes from
two rules count once. Files are written atomically: a temporary file in the same folder, with the
original's permissions, renamed over it; a failed write leaves the original untouched. Nothing is
written when nothing changes. This module returns values and raises InputError; the CLI prints.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from typing import Iterable

from .model import Document, Finding, Fix, InputError


@dataclass
class FilePlan:
    path: str
    before: str
    after: str
    encoding: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)  # overlapping another fix

    @property
    def changed(self) -> bool:
        return self.before != self.after


def select_fixes(findings: Iterable[Finding], unsafe: bool = False) -> tuple[list[tuple[Fix, Finding]], list[Finding]]:
    """The non-overlapping fixes to apply, in file order, and the findings whose fix was skipped."""
    candidates = [(f.fix, f) for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
    candidates.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start), item[1].rule, item[0].replacement))
    chosen: list[tuple[Fix, Finding]] = []
    skipped: list[Finding] = []
    for fix, finding in candidates:
        if chosen:
            last = chosen[-1][0]
            if (fix.start, fix.end, fix.replacement) == (last.start, last.end, last.replacement):
                continue  # the same edit from another rule
            overlaps = fix.start < last.end or (fix.start == last.start == last.end == fix.end)
            if overlaps:
                skipped.append(finding)
                continue
        chosen.append((fix, finding))
    return chosen, skipped


def apply_fixes(text: str, fixes: list[tuple[Fix, Finding]]) -> str:
    pieces, pos = [], 0
    for fix, _ in fixes:
        pieces.append(text[pos:fix.start])
        pieces.append(fix.replacement)
        pos = fix.end
    pieces.append(text[pos:])
    return "".join(pieces)


def plan_fixes(findings: list[Finding], documents: Iterable[Document], unsafe: bool = False) -> list[FilePlan]:
    """One plan per document that has fixable findings (in path order)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None and (finding.fix.safe or unsafe):
            by_path.setdefault(finding.path, []).append(finding)
    plans = []
    for doc in documents:
        if doc.path not in by_path:
            continue
        chosen, skipped = select_fixes(by_path[doc.path], unsafe)
        plans.append(FilePlan(doc.path, doc.text, apply_fixes(doc.text, chosen), doc.encoding,
                              [f for _, f in chosen], skipped))
    return sorted(plans, key=lambda plan: plan.path)


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their ends, as git apply and patch read them, at \n only: not
    str.splitlines, which also breaks at \r, \v, \f, U+2028 ... and made a broken patch (two
    reviews; a file of lone \r line ends is one line to them)."""
    return [m.group() for m in re.finditer(r"[^\n]*\n|[^\n]+$", text)]


def unified_diff(plan: FilePlan) -> str:
    name = plan.path.lstrip("/")  # (an absolute path: a/tmp/x.md, as git diff writes it)
    lines = difflib.unified_diff(_lines(plan.before), _lines(plan.after), fromfile=f"a/{name}", tofile=f"b/{name}")
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: str, text: str, encoding: str = "utf-8", expected: str | None = None) -> None:
    """Replace ``path`` by ``text`` through a temporary file renamed over it; InputError on failure.
    A symbolic link is followed: its target is replaced and the link stays a link. With
    ``expected``, the text the fixes were made on: a file that no longer holds it was edited
    meanwhile, and is left alone (a tester's report: an edit made during a run was lost)."""
    from .readers.decode import encode

    shown = path
    path = os.path.realpath(path)
    directory = os.path.dirname(path)
    try:
        status = os.stat(path)
    except OSError as error:
        raise InputError(f"{path}: cannot write fixes ({error.strerror})") from None
    mode = status.st_mode & 0o7777
    reason = _unwritable(path)
    if reason is not None:
        raise InputError(reason)
    if expected is not None:
        try:
            with open(path, "rb") as handle:
                current = handle.read()
        except OSError as error:
            raise InputError(f"{shown}: cannot write fixes ({error.strerror}); not fixed") from None
        if current != encode(expected, encoding):
            raise InputError(f"{shown}: changed since transcheck read it, not fixed (run it again)")
    data = encode(text, encoding)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".transcheck-tmp", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        for uid in (status.st_uid, -1):  # the owner and group where this user may give them
            try:  # (root), else the group alone (a member of it)
                os.chown(tmp, uid, status.st_gid)
                break
            except OSError:
                continue
        os.replace(tmp, path)
        tmp = None
    except OSError as error:
        raise InputError(f"{path}: cannot write fixes ({error.strerror or error}); the file is unchanged") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _unwritable(path: str) -> str | None:
    """Why ``path`` must stay as it is (read-only: the rename would replace it all the same;
    gone or unreadable), or None."""
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except OSError as error:
        return f"{path}: cannot write fixes ({error.strerror}); not fixed"
    if not mode & 0o222 or not os.access(real, os.W_OK):
        return f"{path}: read-only, not fixed (make it writable to apply the fixes)"
    if not os.access(os.path.dirname(real) or os.curdir, os.W_OK | os.X_OK):
        # the temporary file is written beside it and renamed over it
        return f"{path}: its folder is read-only, not fixed (make it writable to apply the fixes)"
    return None


MAX_FIX_PASSES = 4  # fixes skipped for overlapping others get another pass, as with ruff


class FixInterrupted(KeyboardInterrupt):
    """Ctrl-C during ``--fix``: ``written`` names the files already fixed on disk (each written
    whole, atomically), so that the user knows what changed."""

    def __init__(self, written: list[str]) -> None:
        super().__init__()
        self.written = written


@dataclass
class Conflict:
    """Fixes in one file that do not settle: a pass brought back an earlier text (Kiev -> Kyiv by
    a style rule, Kyiv -> Kiev by a glossary), or the passes ran out with fixes still pending."""

    path: str
    rules: list[str]  # "TC301 (House.W)", "TC202", in code order


def converge(result, sources: list, options, unsafe: bool = False, write: bool = True,
             passes: int = MAX_FIX_PASSES) -> tuple[object, list[FilePlan], list[Conflict], list[str]]:
    """Apply fixes pass after pass, re-checking in between, until nothing changes.

    ``write`` rewrites the files atomically after each pass (``--fix``); otherwise the texts
    change in memory only (``--diff``), so both see the same fixes. Returns the last result, one
    plan per changed file (its original text, its final text and every finding fixed) and the
    files whose fixes undo each other, and one line for each file that cannot be written
    (read-only): those are left as they are and the others fixed, as ruff does. A file that
    ends as it began has no plan: nothing was fixed there.

    Fixes that undo each other (Kiev -> Kyiv by a style rule, Kyiv -> Kiev by a glossary) are
    found when a pass brings a file back to an earlier text: the file starts again from its
    original text without them, so that it keeps what it had there and gets the other fixes
    (a tester's report: the two spellings traded places, and every pass's fixes were counted).
    """
    originals: dict[str, FilePlan] = {}
    texts: dict[str, str] = {}
    refused: dict[str, str] = {}  # files that cannot be written, each found before it is due
    try:
        return _converge(result, sources, options, unsafe, write, passes, originals, texts, refused)
    except KeyboardInterrupt:
        if not write:
            raise
        # (not a file refused because it changed since it was read: it was not written here)
        raise FixInterrupted([path for path in _written(originals) if path not in refused]) from None


def _written(originals: dict[str, FilePlan]) -> list[str]:
    """The files whose text on disk is no longer their original (read again: an interrupt may
    fall between a file's writing and the bookkeeping after it, a review)."""
    written = []
    for path, plan in sorted(originals.items()):
        try:
            with open(path, encoding=plan.encoding, newline="") as handle:
                now = handle.read()
        except (OSError, UnicodeError, LookupError):
            now = None
        if now is None or now.replace("\r\n", "\n") != plan.before.replace("\r\n", "\n"):
            written.append(path)
    return written


def _converge(result, sources: list, options, unsafe: bool, write: bool, passes: int,
              originals: dict[str, FilePlan], texts: dict[str, str], refused: dict[str, str]):
    """``converge``'s passes; ``originals`` holds each file before it is first written (an
    interrupted run reads those files again, ``_written``), ``texts`` its text after each pass."""
    from .pipeline import run

    history: dict[str, list[tuple[str, list[Finding]]]] = {}  # each text a file had, and the fixes that made it
    conflicts: dict[str, Conflict] = {}
    undoing: dict[str, set[tuple]] = {}  # per file, the fixes that went round (``_signature``): not applied

    def writable(plan: FilePlan) -> bool:
        if write and plan.path not in refused:
            reason = _unwritable(plan.path)
            if reason is not None:
                refused[plan.path] = reason
        return plan.path not in refused

    def start_again(plan: FilePlan, original: str) -> None:
        if write:
            try:
                write_atomic(plan.path, original, plan.encoding, expected=plan.after)
            except InputError as error:
                refused[plan.path] = str(error)
                return
        texts[plan.path] = original
        originals[plan.path].applied = []
        history[plan.path] = [(original, [])]

    left = passes
    while True:
        plans = [plan for plan in _changing(result, unsafe, undoing) if writable(plan)]
        if not plans or not left:
            break
        left -= 1
        for plan in plans:
            # (known before it is written: an interrupted run reads it again, ``_written``)
            originals.setdefault(plan.path, FilePlan(plan.path, plan.before, plan.before, plan.encoding))
            if write:  # (first: a file edited since it was read is refused, its fixes not counted)
                try:
                    write_atomic(plan.path, plan.after, plan.encoding, expected=plan.before)
                except InputError as error:
                    refused[plan.path] = str(error)
                    continue
            originals[plan.path].applied.extend(plan.applied)
            texts[plan.path] = plan.after
            went_round = _went_round(history.setdefault(plan.path, [(plan.before, [])]), plan)
            if went_round:
                named = conflicts[plan.path].rules if plan.path in conflicts else []  # (an earlier start's too)
                conflicts[plan.path] = Conflict(plan.path, sorted({*named, *_rule_names(went_round)}))
                # (each start adds fixes to leave out, so the starts end)
                undoing.setdefault(plan.path, set()).update(_signature(f) for f in went_round)
                start_again(plan, history[plan.path][0][0])
                left = passes
        result = run([replace(s, data=_pass_data(s, texts, write)) for s in sources], options)
    for plan in plans:  # the passes ran out: a file that would still change has not settled
        if plan.path not in conflicts and plan.path not in refused:
            conflicts[plan.path] = Conflict(plan.path, _rule_names(originals[plan.path].applied + plan.applied))
    for path, plan in originals.items():
        plan.after = texts.get(path, plan.before)  # (refused when written: unchanged)
    changed = [plan for plan in originals.values() if plan.changed]
    return (result, sorted(changed, key=lambda plan: plan.path), sorted(conflicts.values(), key=lambda c: c.path),
            [refused[path] for path in sorted(refused)])


def _signature(finding: Finding) -> tuple:
    """A fix as the same edit on any pass: its rule, the text it matched and its replacement."""
    assert finding.fix is not None
    return finding.rule, finding.extra.get("style_rule"), finding.text, finding.fix.replacement


def _changing(result, unsafe: bool, undoing: dict[str, set[tuple]]) -> list[FilePlan]:
    findings = [f for f in result.findings if f.fix is None or _signature(f) not in undoing.get(f.path, ())]
    return [plan for plan in plan_fixes(findings, result.documents, unsafe) if plan.changed]


def _went_round(history: list[tuple[str, list[Finding]]], plan: FilePlan) -> list[Finding]:
    """The fixes that went round when ``plan`` brings its file back to an earlier text; else none
    (and the new text joins the history)."""
    earlier = [i for i, (text, _) in enumerate(history) if text == plan.after]
    history.append((plan.after, plan.applied))
    if not earlier:
        return []
    return [finding for _, applied in history[earlier[0] + 1:] for finding in applied]


def _rule_names(findings: list[Finding]) -> list[str]:
    names = set()
    for finding in findings:
        style = finding.extra.get("style_rule")
        names.add(f"{finding.rule} ({style})" if style else finding.rule)
    return sorted(names)


def _pass_data(source, texts: dict[str, str], written: bool) -> bytes | None:
    """What the next pass reads for ``source``: its file (None) once fixes are written, else
    the fixed text in memory, or the bytes it came with (standard input)."""
    if source.path in texts and not written:
        return texts[source.path].encode("utf-8")
    return None if written else source.data
