"""transcheck: a multilingual translation-quality checker.

The Python API for tools that embed the checker::

    import checker
    findings = checker.check_text("The Taliban ... the Taleban ...", lang="en")
    findings = checker.check_paths(["articles/"], select=["TC1"])

Both return lists of :class:`checker.model.Finding`; the ``transcheck`` command is built on them.
"""

from __future__ import annotations

import os
from typing import Any, Sequence

from .model import Document, Finding, Fix, InputError, Severity, TranscheckWarning

__version__ = "0.1.0"
__all__ = ["check_text", "check_pair", "check_paths", "Finding", "Fix", "Document", "InputError", "Severity",
           "TranscheckWarning", "__version__"]


# options of a run over files, which mean nothing for a string (a tester's report: the error for
# a mistyped keyword of check_text listed them)
_FILES_ONLY = frozenset({"include", "exclude", "baseline", "diff_only", "jobs"})


def _check_keywords(function: str, options: dict[str, Any], own: Sequence[str], files: bool = False) -> None:
    """A clear TypeError for a mistyped option (``selct=``) instead of the dataclass's own,
    which names ``Options.__init__``, a class the caller never used. ``files``: the function
    checks files (else a string: the options of a run over files are no keywords of it)."""
    from dataclasses import fields
    from difflib import get_close_matches

    from .pipeline import Options

    valid = sorted({*own, *(f.name for f in fields(Options) if files or f.name not in _FILES_ONLY)})
    for name in options:
        if name not in valid:
            close = get_close_matches(name, valid, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(f"{function}() got an unexpected keyword argument {name!r}{hint}; "
                            f"valid keywords: {', '.join(valid)}")


def _options(**kwargs: Any):
    from .pipeline import Options

    for key in ("lang", "source_lang"):
        if kwargs.get(key) is not None and not isinstance(kwargs[key], str):
            raise TypeError(f"{key} must be a str, not {type(kwargs[key]).__name__}")
    if kwargs.get("config") is not None:
        if not isinstance(kwargs["config"], (str, os.PathLike)):
            raise TypeError(f"config must be the path of a configuration file, not {type(kwargs['config']).__name__}")
        kwargs["config"] = os.fspath(kwargs["config"])
    for key in ("select", "ignore", "include", "exclude"):
        if key in kwargs and kwargs[key] is None:
            del kwargs[key]  # (as not given)
        elif key in kwargs and not isinstance(kwargs[key], str):
            values = list(kwargs[key]) if hasattr(kwargs[key], "__iter__") else None  # (a generator too)
            if values is None or not all(isinstance(v, str) for v in values):
                raise TypeError(f"{key} must be a str or a list of str")
            kwargs[key] = values
    if isinstance(kwargs.get("fail_level"), str):
        try:
            kwargs["fail_level"] = Severity.parse(kwargs["fail_level"])
        except ValueError as error:
            raise InputError(str(error)) from None
    for key in ("select", "ignore", "include", "exclude"):
        if isinstance(kwargs.get(key), str):  # one selector or glob, as in a configuration file
            kwargs[key] = [kwargs[key]]
    return Options(**kwargs)


def _text_options(options: dict[str, Any]) -> dict[str, Any]:
    """Text given as a string has no folder to find a configuration in: none is read unless
    ``config`` names one (``isolated=False`` reads the current directory's, as the CLI would)."""
    options.setdefault("isolated", options.get("config") is None)
    return options


def _require_text(**texts: Any) -> None:
    for name, value in texts.items():
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: no text a file could hold
            raise InputError(f"{name}: not valid Unicode (character {error.start}: {error.reason})") from None


def _findings(result: Any) -> list[Finding]:
    """The findings; InputError for the first file that could not be read (the CLI reports every
    such file and checks the others). The run's notices, which the CLI prints as warnings, are
    Python warnings (:class:`TranscheckWarning`) pointing at the caller's line."""
    import warnings

    if result.errors:
        raise InputError(str(result.errors[0]))
    for notice in result.notices:
        warnings.warn(notice, TranscheckWarning, stacklevel=3)  # (_findings < check_* < caller)
    return result.findings


def _after_bom(findings: list[Finding], target: str, source: str = "") -> list[Finding]:
    """Findings in the strings as given: the readers drop a leading U+FEFF as a byte order mark
    (a file read with encoding="utf-8" keeps it), and offsets into the text after it would be one
    short of the caller's string, so a fix applied to it would garble it. (Replacing the mark
    instead would break Markdown front matter and indentation.)"""
    from dataclasses import replace

    shift, source_shift = target.startswith("\ufeff"), source.startswith("\ufeff")
    if not (shift or source_shift):
        return findings
    out = []
    for f in findings:
        if shift:
            fix = replace(f.fix, start=f.fix.start + 1, end=f.fix.end + 1) if f.fix else None
            f = replace(f, start=f.start + 1, end=f.end + 1, fix=fix,
                        column=f.column + (f.line == 1), end_column=f.end_column + (f.end_line == 1))
        if source_shift and f.source is not None:
            span = f.source
            f = replace(f, source=replace(span, column=span.column + (span.line == 1),
                                          end_column=span.end_column + (span.end_line == 1)))
        out.append(f)
    return out


def check_text(text: str, lang: str | None = None, path: str = "<text>", fmt: str | None = None, **options: Any) -> list[Finding]:
    """Check a string (``fmt`` "txt" or "md", else from ``path``). Options as for
    :func:`check_paths` but those of a run over files (include, exclude, jobs, baseline,
    diff_only); no configuration file is read unless ``config`` names one."""
    from .pipeline import Source, run

    _require_text(text=text)
    _check_keywords("check_text", options, ("text", "lang", "path", "fmt"))
    found = _findings(run([Source(path, text.encode("utf-8"), fmt)], _options(lang=lang, **_text_options(options))))
    return _after_bom(found, text)


def check_pair(source_text: str, target_text: str, source_lang: str | None = None, lang: str | None = None,
               path: str = "<text>", fmt: str | None = None, **options: Any) -> list[Finding]:
    """Check a translation against its original (bilingual rules such as the glossary's); both
    are read as ``fmt`` ("txt" or "md", else from ``path``). A glossary comes from a
    configuration file: pass ``config="transcheck.toml"``."""
    from .pipeline import Source, run
    from .readers import read_markdown, reader_for

    _require_text(source_text=source_text, target_text=target_text)
    _check_keywords("check_pair", options, ("source_text", "target_text", "source_lang", "lang", "path", "fmt"))
    if fmt is None:  # the original's display path ends in " (source)": the format is ``path``'s
        fmt = "md" if reader_for(path) is read_markdown else "txt"
    pair = Source(path, target_text.encode("utf-8"), fmt,
                  source=Source(f"{path} (source)", source_text.encode("utf-8"), fmt))
    found = _findings(run([pair], _options(lang=lang, source_lang=source_lang, **_text_options(options))))
    return _after_bom(found, target_text, source_text)


def check_paths(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], lang: str | None = None, **options: Any) -> list[Finding]:
    """Check files and directories. Options: select, ignore, include, exclude, fail_level,
    config (a configuration file), isolated (ignore configuration files), jobs (processes, as
    ``--jobs``; a script run where processes start by spawning, macOS and Windows, needs an
    ``if __name__ == "__main__":`` guard). As with the CLI, each file's nearest configuration
    file applies unless ``config`` or ``isolated`` says otherwise.

    Raises :class:`InputError` for missing, binary or undecodable files.
    """
    from .pipeline import discover_sources, run

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths) if hasattr(paths, "__iter__") else None
    if paths is None or not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise TypeError("paths must be a path or a list of paths")
    paths = [os.fspath(p) for p in paths]
    _check_keywords("check_paths", options, ("paths", "lang"), files=True)
    opts = _options(lang=lang, **options)
    return _findings(run(discover_sources(paths, opts), opts))
