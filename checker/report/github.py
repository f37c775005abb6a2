"""``--format github``: GitHub Actions workflow commands, one annotation per finding::

    ::warning file=a.md,line=3,endLine=3,col=9,endColumn=16,title=TC101 name-variant::message

Severities map to ``error``, ``warning`` and ``notice``; a file that could not be read is an
``error`` annotation on the file, titled ``transcheck``. ``col`` and ``endColumn`` (exclusive,
like every end column of transcheck) are given only when the finding is on one line. The message
escapes ``%``, CR and LF; property values also escape ``:`` and ``,``.
"""

from __future__ import annotations

from typing import Any

from ..fingerprint import normalise_path
from ..model import Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    props = [
        ("file", normalise_path(finding.path)),
        ("line", str(finding.line)),
        ("endLine", str(finding.end_line)),
    ]
    if finding.end_line == finding.line:
        props += [("col", str(finding.column)), ("endColumn", str(finding.end_column))]
    props.append(("title", f"{finding.rule} {finding.name}"))
    message = finding.message
    if finding.suggestions:
        message += "\nSuggestion: " + " | ".join(finding.suggestions)
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(message)}"


def render_github(result: Any, **_: Any) -> str:
    lines = [annotation(finding) for finding in result.findings]
    # a file that could not be read (binary, undecodable) is an error on that file: the run
    # exits 2, and the pull request shows why
    lines += [f"::error file={escape_property(normalise_path(error.path))},title=transcheck::{escape_data(str(error))}"
              for error in getattr(result, "errors", ())]
    return "".join(line + "\n" for line in lines)
