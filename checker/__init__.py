"""transcheck: a multilingual translation-quality checker.

The Python API for tools that embed the checker::

    import checker
    findings = checker.check_text("The Taliban ... the Taleban ...", lang="en")
    findings = checker.check_paths(["articles/"], select=["TC1"])

Both return lists of :class:`checker.model.Finding`; the ``transcheck`` command is built on them.
"""

from __future__ import annotations

from typing import Any, Sequence

from .model import Document, Finding, Fix, InputError, Severity

__version__ = "0.1.0"
__all__ = ["check_text", "check_pair", "check_paths", "Finding", "Fix", "Document", "InputError", "Severity", "__version__"]


def _options(**kwargs: Any):
    from .pipeline import Options

    if isinstance(kwargs.get("fail_level"), str):
        kwargs["fail_level"] = Severity.parse(kwargs["fail_level"])
    return Options(**kwargs)


def check_text(text: str, lang: str | None = None, path: str = "<text>", fmt: str | None = None, **options: Any) -> list[Finding]:
    """Check a string (``fmt`` "txt" or "md", else from ``path``); options as for :func:`check_paths`."""
    from .pipeline import Source, run

    return run([Source(path, text.encode("utf-8"), fmt)], _options(lang=lang, **options)).findings


def check_pair(source_text: str, target_text: str, source_lang: str | None = None, lang: str | None = None,
               path: str = "<text>", **options: Any) -> list[Finding]:
    """Check a translation against its original (bilingual rules such as the glossary's)."""
    from .pipeline import Source, run

    pair = Source(path, target_text.encode("utf-8"), source=Source(f"{path} (source)", source_text.encode("utf-8")))
    return run([pair], _options(lang=lang, source_lang=source_lang, **options)).findings


def check_paths(paths: Sequence[str], lang: str | None = None, **options: Any) -> list[Finding]:
    """Check files and directories. Options: select, ignore, include, exclude, fail_level,
    config (a configuration file), isolated (ignore configuration files).

    Raises :class:`InputError` for missing, binary or undecodable files.
    """
    from .pipeline import discover_sources, run

    opts = _options(lang=lang, **options)
    return run(discover_sources(paths, opts), opts).findings
