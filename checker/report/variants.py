"""``transcheck variants``: the name clusters of each file, as text or JSON, so that an editor
can turn them into a house list of names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..model import Document
from ..names.normalize import HYPHENS
from ..glossary.house import fold_spelling

VARIANTS_JSON_VERSION = 1


def cluster_dict(cluster: Any, doc: Document) -> dict[str, Any]:
    variants = []
    for variant in cluster.variants:
        locations = []
        for _path, start, end in variant.locations:  # (the whole spelling: Ahmad Shad Massoud, not Shad)
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


_HYPHEN_BETWEEN_WORDS = re.compile(rf"(?<=[^\W\d_])[{HYPHENS}](?=[^\W\d_])")


def _spaced(spelling: str) -> str:
    """Jean-Luc Mélenchon as Jean Luc Mélenchon: the two writings of one name are one key."""
    return _HYPHEN_BETWEEN_WORDS.sub(" ", spelling)


def _without_title(spelling: str) -> str:
    """A name without the titles it starts with: a draft lists Selenskyj, not Präsident
    Selenskyj (a final tester's report), which the list matches with any title before it."""
    from ..names.titles import is_title

    words = spelling.split(" ")
    while len(words) > 1 and is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def _drafted(spelling: str, lang: str) -> str:
    """The spelling a draft lists: in Russian the nominative (Киев for a corpus that writes
    Киеве throughout: a final tester's report, where Киеве: [Кииве] stood beside Киев: [Киив])."""
    if lang != "ru":
        return spelling
    from ..names.cluster import _nominative

    return _nominative([spelling]) or spelling


@dataclass
class _Entry:
    """One entry of the drafted list: ``name`` is its spelling as the loader compares it."""

    lang: str
    name: str
    written: str
    variants: list[str]
    comment: str
    note: str = ""  # why the entry is left as a comment

    def lines(self) -> list[str]:
        entry = [f"  - name: {json.dumps(self.written, ensure_ascii=False)}  # {self.comment}",
                 f"    variants: [{', '.join(json.dumps(v, ensure_ascii=False) for v in self.variants)}]"]
        return [self.note, *("  # " + line[2:] for line in entry)] if self.note else entry


def _entry_label(lang: str, written: str) -> str:
    """How a note names another entry: its language and its name (en entry "Zelensky")."""
    return f"{lang} entry {json.dumps(written, ensure_ascii=False)}"


def house_list(files: list[tuple[Any, list[Any]]], across: list[Any] = ()) -> str:
    """A house list of names (YAML, the format of ``names = [...]``) from the clusters of every
    file (``(document or its language, clusters)``): clusters of one language that share a
    spelling are merged (Taliban/Taleban in one article, Taleban/Talebans in another), and the
    spelling used most often, with its inflections, is the name (ties: the one the clusters
    hold dominant, as ``check`` suggests it). Languages are never merged: each entry says its
    language when there are several. The counts are those of the files where the name is
    spelled more than one way (clusters are found file by file). ``across``: TC103's variants
    (``checker.names.corpus``), spellings some files use throughout where most files use
    another; they join the entries with their counts in the whole corpus (only base forms: a
    case form is no entry). A draft for an editor: each entry shows its counts, and the choice
    of spelling is the house's: a spelling the house list in force names is the entry's name
    whatever its count (the draft is added to that list)."""
    parent: dict[tuple, tuple] = {}

    def root(key: tuple) -> tuple:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    # A name's inflections (Зеленского beside Зеленский, Selenskyjs beside Selenskyj) are no
    # other spellings: each counts toward its inflection group's base form, which alone is
    # listed (the house list matches a name's inflections by itself, and a listed case form
    # would have --fix rewrite it to the name).
    counts: dict[tuple, int] = {}
    canonical: dict[tuple, int] = {}  # clusters that hold the spelling dominant: ties go to it
    multiword: set[tuple] = set()
    housed: set[tuple] = set()  # spellings the house list in force names (``rules.names.house_first``)
    # a name written with a hyphen in some files and with a space in others is one entry,
    # written as most occurrences write it (a house list cannot tell the two apart)
    writings: dict[tuple, dict[str, int]] = {}
    for owner, clusters in files:
        lang = ((owner.lang if isinstance(owner, Document) else owner) or "")[:2]
        for cluster in clusters:
            listed = [_without_title(v.base or v.spelling) for v in cluster.variants]
            if cluster.multiword and not any(" " in spelling for spelling in listed):
                continue  # (a title and one word: the one word's own cluster counts it)
            keys = [(lang, _spaced(spelling)) for spelling in listed]
            if cluster.multiword:
                multiword.update(key for key in keys if " " in key[1])
            if any(v.kind == "house-list" for v in cluster.variants):
                housed.update(k for k, v in zip(keys, cluster.variants) if v.tier is None)
            for key, variant, spelling in zip(keys, cluster.variants, listed):
                mine = writings.setdefault(key, {})
                mine[spelling] = mine.get(spelling, 0) + variant.count
                counts[key] = counts.get(key, 0) + variant.count
                canonical[key] = canonical.get(key, 0) + (variant.tier is None)
                parent[root(key)] = root(keys[0])
    for variant in across:
        if variant.replacement != variant.dominant:
            continue  # an inflected spelling (Talebans): its base form is the entry
        lang = (variant.lang or "")[:2]
        keys = [(lang, _drafted(variant.dominant, lang)), (lang, _drafted(variant.spelling, lang))]
        # the corpus's count of a spelling covers the files with clusters too (a file's count
        # alone would let a spelling of one mixed file outweigh the corpus's)
        for key, count, dominant in zip(keys, (variant.dominant_count, variant.count), (1, 0)):
            counts[key] = max(counts.get(key, 0), count)
            canonical[key] = canonical.get(key, 0) + dominant
        parent[root(keys[1])] = root(keys[0])
    groups: dict[tuple, list[tuple]] = {}
    for key in counts:
        groups.setdefault(root(key), []).append(key)

    # ties of counts: the spelling the clusters chose (the check's suggestion), then A-Z; a
    # multi-word name is the one its clusters chose, which follows the single tokens ("The
    # Taliban" 1x over "The Taleban" 4x beside Taliban 11x / Taleban 7x), as ``check`` does
    def order(key: tuple) -> tuple:
        if key in multiword:
            return (key not in housed, -canonical[key], -counts[key], key)
        return (key not in housed, -counts[key], -canonical[key], key)

    entries = sorted((sorted(group, key=order) for group in groups.values()),
                     key=lambda group: (-sum(counts[k] for k in group), group[0]))
    count = len(files)
    languages = {k[0] for k in counts}
    lines = [f"# House spellings of names: a draft from `transcheck variants --format names` over {count} "
             f"file{'s' if count != 1 else ''}.",
             "# The most frequent spelling is the name; keep the one your house uses and delete the entries",
             "# that are two different names. Use it as `names = [\"names.yaml\"]` in transcheck.toml (TC102).",
             "# Counts are those of the files that spell the name more than one way"
             + ("; a spelling some files use throughout where most use another counts in all files." if across
                else ".")]
    if len(languages) > 1:
        lines.append("# Several languages: a list applies to every file that uses it; keep each language's "
                     "entries in its own list.")
    lines.append("names:")

    def written(key: tuple) -> str:
        ways = writings.get(key)
        # (ties: the hyphen, always as written; spaces may stand for a name written both ways)
        return min(ways, key=lambda w: (-ways[w], "-" not in w, w)) if ways else key[1]

    drafted: list[_Entry] = []
    listed: dict[str, _Entry] = {}  # spelling (case aside) -> the entry holding it
    # every language's entry names: (language, as written) by spelling
    names_anywhere = {fold_spelling(written(group[0])): (group[0][0], written(group[0])) for group in entries}
    # entry name -> the other entries' names among its variants
    claims: dict[str, set[str]] = {name: set() for name in names_anywhere}
    for group in entries:
        name = fold_spelling(written(group[0]))
        claims[name].update(s for s in map(fold_spelling, map(written, group[1:])) if s in names_anywhere and s != name)
    decided: set[str] = set()  # names of the entries drafted so far
    for (lang, name), *variants in entries:
        seen = ", ".join(f"{written(k)} {counts[k]}×" for k in ((lang, name), *variants))
        where = f"{lang}: " if len(languages) > 1 else ""
        spellings = [fold_spelling(written(k)) for k in ((lang, name), *variants)]  # (as the loader compares)
        same = listed.get(spellings[0])
        if same is not None and same.name == spellings[0]:
            # another language's entry with this name (Erdoğan / Erodğan in English and in Spanish):
            # the same entry, which takes this language's counts and its variants that no entry
            # holds or is named by (a new user's report: it was left as a comment, "spelled
            # otherwise"; a review: Kiew, the German entry's name, is no variant of Kyiv for Spanish)
            same.comment += f"; {where}{seen}"
            for k, spelling in zip(variants, spellings[1:]):
                if spelling in listed or spelling in names_anywhere:
                    if listed.get(spelling) is not same:
                        same.comment += f" ({written(k)} left out: another entry's)"
                    continue
                same.variants.append(written(k))
                listed[spelling] = same
            continue
        # another entry's name is no variant of this one (a German Selenskyj entry that took the
        # English Zelensky, written once in a German file, left the English entry a comment: a
        # tester's report): it is left out, or, where it is the only variant, the entry is a
        # comment; unless that entry, still to come, claims this one's name too (Zelensky and
        # Zelenskyy in English and French files): the first keeps it, and the other is the comment
        # (a review: each left the other a comment, and the draft was empty)
        theirs = [(k, s) for k, s in zip(variants, spellings[1:])
                  if s in names_anywhere and s != spellings[0] and not (s not in decided and spellings[0] in claims[s])]
        owners = set()
        if len(theirs) < len(variants):
            left_out = {s for _, s in theirs}
            variants = [k for k, s in zip(variants, spellings[1:]) if s not in left_out]
            spellings = [s for s in spellings if s not in left_out]
            seen += "".join(f" ({written(k)} left out: another entry's)" for k, _ in theirs)
        else:
            owners = {_entry_label(*names_anywhere[s]) for _, s in theirs}
        owners |= {_entry_label(listed[s].lang, listed[s].written) for s in spellings if s in listed}
        decided.add(spellings[0])
        entry = _Entry(lang, spellings[0], written((lang, name)), [written(k) for k in variants], f"{where}{seen}")
        if owners:  # another language's entry holds one of its spellings (Massoud in English, Massud
            # in Portuguese) under another name: one list cannot hold both, so this one is a comment
            entry.note = (f"  # (as the {', '.join(sorted(owners))} spells it otherwise, a list cannot hold both: "
                          f"move this one to a list for {lang})")
        else:
            listed.update(dict.fromkeys(spellings, entry))
        drafted.append(entry)
    for entry in drafted:
        lines += entry.lines()
    if not listed:
        lines += ["  # no name is spelled two ways in these files: nothing to list (an empty list is",
                  "  # an error in a configuration)"]
        lines[lines.index("names:")] = "names: []"
    return "\n".join(lines) + "\n"


def across_dict(variant: Any) -> dict[str, Any]:
    """One of TC103's spellings across files, for the JSON output."""
    return {"lang": variant.lang, "spelling": variant.spelling, "dominant": variant.dominant,
            "replacement": variant.replacement, "tier": variant.tier, "kind": variant.kind,
            "files": variant.files, "count": variant.count, "dominant_files": variant.dominant_files,
            "dominant_count": variant.dominant_count, "paths": _paths(variant)}


def _paths(variant: Any) -> list[str]:
    """The files that use a spelling TC103 found across files."""
    return sorted({path for path, _, _ in variant.locations})


def file_clusters(doc: Document, clusters: list[Any], fmt: str) -> tuple[Any, list[Any]]:
    """What ``render_variants`` needs of one file, kept while the next ones are read: for a
    draft of names (``fmt`` "names"), its language and clusters; otherwise its path, language
    and clusters with their places as lines and columns (the text is dropped: a corpus of
    millions of files is listed without holding every text)."""
    if fmt == "names":
        return doc.lang, clusters
    return (doc.path, doc.lang), [cluster_dict(cluster, doc) for cluster in clusters]


def render_variants(files: list[tuple[Any, list[Any]]], fmt: str, across: list[Any] = (),
                    errors: Sequence[str] = ()) -> str:
    """``files`` holds each file's ``file_clusters`` for ``fmt``; ``across``, the corpus's
    spellings used in few files (TC103), listed after the clusters (text), as
    ``across_files`` (JSON) and merged into the names draft; ``errors``,
    the files that could not be read (JSON's ``errors``, as `check` writes it; the CLI prints
    them on standard error too)."""
    if fmt == "names":
        return house_list(files, across)
    if fmt == "json":
        payload = {
            "version": VARIANTS_JSON_VERSION,
            "files": [{"path": path, "lang": lang, "clusters": clusters} for (path, lang), clusters in files],
            # spellings some files use throughout where most files use another (TC103)
            "across_files": [across_dict(v) for v in across],
        }
        if errors:
            payload["errors"] = list(errors)
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for (path, _lang), clusters in files:
        for cluster in clusters:
            lines.append(f"{path}: {cluster['canonical']} ({cluster['count']}×)")
            for variant in cluster["variants"]:
                places = ", ".join(f"{loc['line']}:{loc['column']}" for loc in variant["locations"])
                lines.append(f"  {variant['count']:>4}  {variant['spelling']:<30} {variant['kind']:<16} {places}")
    for variant in across:
        where = ", ".join(_paths(variant))
        lines.append(f"across files: {variant.dominant} ({variant.dominant_files} files, {variant.dominant_count}×) "
                     f"spelled {variant.spelling} in {variant.files} file{'s' if variant.files != 1 else ''} "
                     f"({variant.count}×): {where}")
    if not lines:
        lines.append(f"No name variants in {len(files)} file{'s' if len(files) != 1 else ''}.")
    return "\n".join(lines) + "\n"
