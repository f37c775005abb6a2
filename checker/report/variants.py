"""``transcheck variants``: the name clusters of each file, as text or JSON, so that an editor
can turn them into a house list of names."""

from __future__ import annotations

import json
from typing import Any, Iterable

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


def house_list(files: list[tuple[Document | None, list[Any]]], file_count: int | None = None) -> str:
    """A house list of names (YAML, the format of ``names = [...]``) from the clusters of every
    file: clusters that share a spelling are merged across files (Taliban/Taleban in one article,
    Taleban/Talebans in another), and the spelling used most often overall, with its
    inflections, is the name (ties: the one the clusters hold dominant, as ``check`` suggests it). A draft
    for an editor: each entry shows its counts, and the choice of spelling is the house's."""
    parent: dict[str, str] = {}

    def root(spelling: str) -> str:
        while parent.setdefault(spelling, spelling) != spelling:
            parent[spelling] = parent[parent[spelling]]
            spelling = parent[spelling]
        return spelling

    # A name's inflections (Зеленского beside Зеленский, Selenskyjs beside Selenskyj) are no
    # other spellings: each counts toward its inflection group's base form, which alone is
    # listed (the house list matches a name's inflections by itself, and a listed case form
    # would have --fix rewrite it to the name).
    counts: dict[str, int] = {}
    canonical: dict[str, int] = {}  # clusters that hold the spelling dominant: ties go to it
    multiword: set[str] = set()
    for _, clusters in files:
        for cluster in clusters:
            if cluster.multiword:
                multiword.update(v.spelling for v in cluster.variants)
            bases = [v.base or v.spelling for v in cluster.variants]
            for base, variant in zip(bases, cluster.variants):
                counts[base] = counts.get(base, 0) + variant.count
                canonical[base] = canonical.get(base, 0) + (variant.tier is None)
                parent[root(base)] = root(bases[0])
    groups: dict[str, list[str]] = {}
    for spelling in counts:
        groups.setdefault(root(spelling), []).append(spelling)
    # ties of counts: the spelling the clusters chose (the check's suggestion), then A-Z; a
    # multi-word name is the one its clusters chose, which follows the single tokens ("The
    # Taliban" 1x over "The Taleban" 4x beside Taliban 11x / Taleban 7x), as ``check`` does
    def order(spelling: str) -> tuple:
        if spelling in multiword:
            return (-canonical[spelling], -counts[spelling], spelling)
        return (-counts[spelling], -canonical[spelling], spelling)

    entries = sorted((sorted(group, key=order) for group in groups.values()),
                     key=lambda group: (-sum(counts[s] for s in group), group[0]))
    count = len(files) if file_count is None else file_count
    lines = [f"# House spellings of names: a draft from `transcheck variants --format names` over {count} "
             f"file{'s' if count != 1 else ''}.",
             "# The most frequent spelling is the name; keep the one your house uses and delete the entries",
             "# that are two different names. Use it as `names = [\"names.yaml\"]` in transcheck.toml (TC102).",
             "names:"]
    for name, *variants in entries:
        seen = ", ".join(f"{s} {counts[s]}×" for s in (name, *variants))
        lines += [f"  - name: {json.dumps(name, ensure_ascii=False)}  # {seen}",
                  f"    variants: [{', '.join(json.dumps(v, ensure_ascii=False) for v in variants)}]"]
    if not entries:
        lines[-1] = "names: []"
    return "\n".join(lines) + "\n"


def corpus_clusters(docs: Iterable[Document]) -> list[Any]:
    """The name clusters of a corpus, language by language: the documents' statistics merged
    (``collect`` / ``combine`` / ``finalize``), so that a spelling each file uses alone
    (Zelenskyy in some files, Zelensky in most) is a variant, and every count is the corpus's."""
    from ..names import collect, combine, finalize

    by_lang: dict[str | None, Any] = {}
    for doc in docs:
        stats = collect(doc)
        key = (doc.lang or "")[:2] or None
        by_lang[key] = combine(by_lang[key], stats) if key in by_lang else stats
    return [cluster for key in sorted(by_lang, key=str) for cluster in finalize(by_lang[key])]


def render_variants(files: list[tuple[Document, list[Any]]], fmt: str) -> str:
    """``files`` holds each document with its clusters (``names``: see ``house_list``)."""
    if fmt == "names":
        return house_list(files)
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
