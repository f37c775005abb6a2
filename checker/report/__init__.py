"""Renderers: each takes a :class:`~checker.pipeline.Result` and returns a string.

``FORMATS`` maps a format name to its renderer; a renderer's module is imported when the format
is first used, so that a text report does not pay for the XML and SARIF modules at start-up.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Iterator, Mapping

_RENDERERS = {
    "text": ("text_report", "render_text"),
    "json": ("json_report", "render_json"),
    "github": ("github", "render_github"),
    "sarif": ("sarif", "render_sarif"),
    "junit": ("junit", "render_junit"),
}


class _LazyRenderers(Mapping[str, Callable[..., str]]):
    def __getitem__(self, name: str) -> Callable[..., str]:
        module, function = _RENDERERS[name]
        return getattr(importlib.import_module(f".{module}", __name__), function)

    def __iter__(self) -> Iterator[str]:
        return iter(_RENDERERS)

    def __len__(self) -> int:
        return len(_RENDERERS)


FORMATS: Mapping[str, Callable[..., Any]] = _LazyRenderers()
