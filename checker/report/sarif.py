"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning reads it.

One run; ``tool.driver.rules`` lists every registered rule (not only the selected ones) with its
documentation, and each result points at its rule by ``ruleId`` and ``ruleIndex``. Locations are
relative to the current directory (``uriBaseId`` ``%SRCROOT%``); columns count Unicode code
points (``columnKind``) and ``endColumn`` is exclusive. ``partialFingerprints`` carries the
fingerprint baselines use (rule, file, matched text, occurrence), never a line number.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..model import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "transcheckFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
MAX_DESCRIPTION = 1024


def _clip(text: str, limit: int = MAX_DESCRIPTION) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def rule_descriptor(rule: Any) -> dict[str, Any]:
    from ..ruledocs import rule_markdown

    doc = rule.doc
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(doc.summary)},
        "fullDescription": {"text": _clip(f"{doc.summary.strip()} {doc.why.strip()}")},
        "help": {"text": doc.as_text(), "markdown": rule_markdown(rule, heading=None)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.category], "fixable": bool(rule.fixable)},
    }


def artifact_uri(path: str) -> str:
    from urllib.parse import quote

    from ..fingerprint import normalise_path

    return quote(normalise_path(path), safe="/")


def sarif_document(result: Any) -> dict[str, Any]:
    from .. import __version__
    from ..fingerprint import assign
    from ..registry import all_rules

    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [rule_descriptor(rule) for rule in rules]
    findings = list(result.findings)
    if any(finding.fingerprint is None for finding in findings):
        assign(findings)
    results = []
    for finding in findings:
        message = finding.message
        if finding.suggestions:
            # (one sentence after another: the message may end without a full stop; a style
            # rule's trailing [Style.Rule] tag follows the message's own full stop)
            body, tag = _split_tag(message)
            end = "" if body.rstrip().endswith((".", "!", "?", ":")) else "."
            message = f"{body}{end}{tag} Suggestion: {' | '.join(finding.suggestions)}."
        entry: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": finding.end_line,
                        "endColumn": finding.end_column,
                        **({"snippet": {"text": finding.text}} if finding.text else {}),
                    },
                },
            }],
            "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        }
        if finding.rule in index:
            entry["ruleIndex"] = index[finding.rule]
        results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "transcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory transcheck ran in."}}},
            "results": results,
            **_invocations(result),
        }],
    }


def _invocations(result: Any) -> dict[str, Any]:
    """Files that could not be read, as tool execution notifications of an unsuccessful run (a
    SARIF viewer would otherwise show a clean run), and the run's notices (a Vale rule not run)
    as configuration notifications; nothing when there is neither."""
    errors = getattr(result, "errors", None) or []
    notices = getattr(result, "notices", None) or []
    if not errors and not notices:
        return {}
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [{
            "level": "error",
            "message": {"text": str(error)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path),
                                                                     "uriBaseId": "%SRCROOT%"}}}],
        } for error in errors]
    if notices:
        invocation["toolConfigurationNotifications"] = [{"level": "warning", "message": {"text": notice}}
                                                        for notice in notices]
    return {"invocations": [invocation]}


def render_sarif(result: Any, **_: Any) -> str:
    return json.dumps(sarif_document(result), ensure_ascii=False, indent=2) + "\n"


_TAG = re.compile(r" \[[\w.-]+\]$")


def _split_tag(message: str) -> tuple[str, str]:
    """A message and the `` [Style.Rule]`` a style rule's finding ends with ('' when none)."""
    m = _TAG.search(message)
    return (message[:m.start()], m.group()) if m else (message, "")
