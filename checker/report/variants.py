"""``transcheck variants``: the name clusters of each file, as text or JSON, so that an editor
can turn them into a house list of names."""

from __future__ import annotations

import json
from typing import Any

from ..model import Document

VARIANTS_JSON_VERSION = 1


def cluster_dict(cluster: Any, doc: Document) -> dict[str, Any]:
    variants = []
    for variant in cluster.variants:
        locations = []
        for start, end in variant.occurrences:
            line, column = doc.position(start)
            end_line, end_column = doc.position(end)
            locations.append({"line": line, "column": column, "end_line": end_line, "end_column": end_column})
        variants.append({
            "spelling": variant.spelling,
            "count": variant.count,
            "kind": variant.kind,
            "tier": variant.tier,
            "locations": locations,
        })
    return {"canonical": cluster.canonical, "count": cluster.count, "variants": variants}


def render_variants(files: list[tuple[Document, list[Any]]], fmt: str) -> str:
    """``files`` holds each document with its clusters."""
    if fmt == "json":
        payload = {
            "version": VARIANTS_JSON_VERSION,
            "files": [{"path": doc.path, "lang": doc.lang, "clusters": [cluster_dict(c, doc) for c in clusters]}
                      for doc, clusters in files],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for doc, clusters in files:
        for cluster in clusters:
            lines.append(f"{doc.path}: {cluster.canonical} ({cluster.count}×)")
            for variant in cluster_dict(cluster, doc)["variants"]:
                places = ", ".join(f"{loc['line']}:{loc['column']}" for loc in variant["locations"])
                lines.append(f"  {variant['count']:>4}  {variant['spelling']:<30} {variant['kind']:<16} {places}")
    if not lines:
        lines.append(f"No name variants in {len(files)} file{'s' if len(files) != 1 else ''}.")
    return "\n".join(lines) + "\n"
