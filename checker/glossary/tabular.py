"""CSV and TSV glossaries.

The header names the columns (case, spaces, ``_`` and ``-`` ignored):

* ``source`` and ``target`` (also ``sourceString``/``targetString``, ``src``/``tgt``, ``term``/
  ``translation``), with optional per-row ``sourceLang``/``targetLang`` columns (TICO-19's layout);
* or language codes as column names: ``pt,en`` (the first is the source, the others targets);
* optional ``status`` (of the target term: preferred, admitted, deprecated, forbidden, or TBX's
  values), ``note`` (also ``description``, ``comment``, ``definition``) and ``id`` (rows with the
  same id form one entry; without an id, rows with the same source term do, and a row whose source
  cell is empty continues the entry above). Other columns (``pos`` ...) are ignored.
"""

from __future__ import annotations

import csv
import io
import re

from .model import Entry, Glossary, Status, Term, is_language_code, parse_status, primary_lang, region_of

_ALIASES = {
    "source": ("source", "sourcestring", "sourceterm", "src", "term", "sourcetext"),
    "target": ("target", "targetstring", "targetterm", "tgt", "translation", "targettext"),
    "source_lang": ("sourcelang", "sourcelanguage", "srclang", "sourcelocale"),
    "target_lang": ("targetlang", "targetlanguage", "tgtlang", "targetlocale"),
    "status": ("status", "targetstatus", "administrativestatus", "termstatus"),
    "note": ("note", "notes", "comment", "comments", "description", "definition"),
    "id": ("id", "stringid", "conceptid", "entryid", "entry", "concept"),
}
_BY_ALIAS = {alias: role for role, aliases in _ALIASES.items() for alias in aliases}
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$", re.I)


class TableError(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def sniff_delimiter(first_line: str, suffix: str) -> str:
    if suffix == ".tsv" or ("\t" in first_line and "," not in first_line):
        return "\t"
    if first_line.count(";") > first_line.count(","):
        return ";"
    return ","


def read_rows(text: str, suffix: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (line, cells) of each non-empty row; ``TableError`` on bad quoting or
    rows longer than the header."""
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first, suffix), strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) > len(header):
                raise TableError(start, f"{len(cells)} fields, but the header has {len(header)}")
            rows.append((start, cells + [""] * (len(header) - len(cells))))
    except csv.Error as error:
        # (at the line where the broken row starts: an unclosed quote is seen only at the end)
        raise TableError(line, f"malformed CSV: {error}") from None
    if header is None:
        raise TableError(1, "empty file (expected a header row)")
    return header, rows


def _registered(code: str, line: int = 1) -> str:
    """A language code as written (``pt-BR``: the region is kept), when it is a registered one
    (``foo`` is no language: a header or a sourceLang/targetLang cell of unknown words is an
    error, not a glossary whose terms never apply)."""
    if is_language_code(code):
        return code
    if line > 1:
        raise TableError(line, f"{code!r} is no language code (expected one such as pt or en-GB)")
    raise TableError(1, f"{code!r} in the header is no language code (expected source,target[,status,note] "
                        "or language codes such as pt,en)")


def parse_table(text: str, path: str, suffix: str) -> Glossary:
    header, rows = read_rows(text, suffix)
    roles: dict[str, int] = {}
    lang_columns: list[tuple[int, str]] = []
    for index, name in enumerate(header):
        role = _BY_ALIAS.get(_key(name))
        if role and role not in roles:
            roles[role] = index
        elif role is None and _LANG_CODE.match(name.strip()):
            lang_columns.append((index, name.strip()))
    if "source" in roles or "target" in roles:
        if "source" not in roles or "target" not in roles:
            raise TableError(1, "the header needs both a source and a target column (or language codes such as pt,en)")
        columns = [(roles["source"], None, "source"), (roles["target"], None, "target")]
    elif len(lang_columns) >= 2:
        codes = [(i, _registered(name)) for i, name in lang_columns]
        columns = [(codes[0][0], codes[0][1], "source")] + [(i, code, "target") for i, code in codes[1:]]
    else:
        raise TableError(1, f"no source and target columns in the header {','.join(header)!r} "
                            "(expected source,target[,status,note] or language codes such as pt,en)")
    entries: list[Entry] = []
    by_key: dict[str, Entry] = {}
    previous: Entry | None = None
    for line, cells in rows:
        def cell(role: str) -> str:
            return cells[roles[role]].strip() if role in roles else ""

        if not any(cells[index].strip() for index, _, _ in columns):
            continue  # a row with no term at all (TICO-19's f_en-es_XX.csv ends with ",,es_XX,,")
        try:
            status = parse_status(cell("status")) or Status.PREFERRED
        except ValueError as error:
            raise TableError(line, str(error)) from None
        source_index = columns[0][0]
        source_text = " ".join(cells[source_index].split())
        if "id" in roles and cell("id"):
            key = "id:" + cell("id")
        elif source_text:
            key = "src:" + source_text.casefold()
        elif previous is not None:
            key = ""
        else:
            raise TableError(line, "empty source term (and no entry above to continue)")
        entry = previous if key == "" else by_key.get(key)
        if entry is None:
            entry = Entry(id=cell("id") or f"{path}:{line}", origin=f"{path}:{line}", note=cell("note") or None)
            by_key[key] = entry
            entries.append(entry)
        previous = entry
        terms = []
        for index, code, side in columns:
            text = " ".join(cells[index].split())
            if not text:
                continue
            tag = code if code is not None else cell("source_lang" if side == "source" else "target_lang")
            if code is None and tag:
                _registered(tag, line)
            lang = primary_lang(tag)
            term_status = status if side == "target" else Status.PREFERRED
            term = Term(text, lang, term_status, side if lang is None else "any", cell("note") or None, region_of(tag))
            if side == "source" and any(t.text == text and t.lang == lang and t.region == term.region
                                        for t in entry.terms):
                continue
            terms.append(term)
        if not any(side == "target" and cells[index].strip() for index, _, side in columns):
            raise TableError(line, "empty target term")
        entry.terms.extend(terms)
    if not entries:
        raise TableError(2, "no glossary rows after the header")
    return Glossary(entries, [path])
