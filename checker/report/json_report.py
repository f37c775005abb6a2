"""``--format json``: ``{"version": 1, "findings": [...]}`` (documented in docs/output.md)."""

from __future__ import annotations

import json
from typing import Any

JSON_VERSION = 1


def render_json(result: Any, **_: Any) -> str:
    payload: dict[str, Any] = {"version": JSON_VERSION, "findings": [finding.to_dict() for finding in result.findings]}
    if getattr(result, "errors", None):  # files that could not be read (also on standard error)
        payload["errors"] = [str(error) for error in result.errors]
    if getattr(result, "notices", None):  # what the run did not do, without failing (also on standard error)
        payload["notices"] = list(result.notices)
    # the language each file was checked as: a detected one can be wrong on a short text
    payload["files"] = [{"path": doc.path, "lang": doc.lang, "lang_detected": doc.lang_detected}
                        for doc in getattr(result, "documents", ())]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
