"""``--format junit``: JUnit XML for CI test reports.

One ``testsuite`` named ``transcheck``; one ``testcase`` per checked file (``classname``
``transcheck``, ``name`` the path). A file with findings at or above the fail level gets one
``failure`` whose ``message`` counts them and whose text lists them in the ``path:line:col:
CODE message`` shape; findings below the fail level go to the test case's ``system-out``. A file
that could not be read (binary, undecodable) is a test case with one ``error``.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Finding, Severity

# Characters XML 1.0 cannot carry, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _line(finding: Finding) -> str:
    text = f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} {finding.message}"
    if finding.suggestions:
        text += f" (suggestion: {' | '.join(finding.suggestions)})"
    return _clean(text)


def render_junit(result: Any, **_: Any) -> str:
    from xml.etree import ElementTree as ET  # imported here: only this format needs it

    by_path: dict[str, list[Finding]] = {}
    for doc in result.documents:
        by_path.setdefault(doc.path, [])
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    suite = ET.Element("testsuite", name="transcheck")
    failures = 0
    for path, findings in by_path.items():
        case = ET.SubElement(suite, "testcase", classname="transcheck", name=_clean(path))
        fail_level = result.fail_levels.get(path, Severity.WARNING)
        failing = [f for f in findings if f.severity >= fail_level]
        other = [f for f in findings if f.severity < fail_level]
        if failing:
            failures += 1
            rules = sorted({f.rule for f in failing})
            failure = ET.SubElement(
                case, "failure",
                message=f"{len(failing)} finding{'s' if len(failing) != 1 else ''} ({', '.join(rules)})",
                type=max(f.severity for f in failing).name.lower(),
            )
            failure.text = "\n".join(_line(f) for f in failing)
        if other:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in other)
    for error in result.errors:  # unreadable files: the run could not check them
        case = ET.SubElement(suite, "testcase", classname="transcheck", name=_clean(error.path))
        ET.SubElement(case, "error", message=_clean(str(error)), type="unreadable").text = _clean(str(error))
    suite.set("tests", str(len(by_path) + len(result.errors)))
    suite.set("failures", str(failures))
    suite.set("errors", str(len(result.errors)))
    suite.set("skipped", "0")
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
