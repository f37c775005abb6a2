"""Renderers: each takes a :class:`~checker.pipeline.Result` and returns a string."""

from __future__ import annotations

from typing import Callable

from .github import render_github
from .json_report import render_json
from .junit import render_junit
from .sarif import render_sarif
from .text_report import render_text

FORMATS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
}
