"""``--format json``: ``{"version": 1, "findings": [...]}`` (documented in docs/output.md)."""

from __future__ import annotations

import json
from typing import Any

JSON_VERSION = 1


def render_json(result: Any, **_: Any) -> str:
    payload: dict[str, Any] = {"version": JSON_VERSION, "findings": [finding.to_dict() for finding in result.findings]}
    if getattr(result, "errors", None):  # files that could not be read (also on standard error)
        payload["errors"] = [str(error) for error in result.errors]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
