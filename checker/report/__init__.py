"""Renderers: each takes a :class:`~checker.pipeline.Result` and returns a string."""

from __future__ import annotations

from typing import Callable

from .json_report import render_json
from .text_report import render_text

FORMATS: dict[str, Callable[..., str]] = {"text": render_text, "json": render_json}
