"""Read glossary files by their suffix (.tbx/.xml, .csv, .tsv, .yaml/.yml); every problem is one
:class:`InputError` line naming the file, the line and the problem."""

from __future__ import annotations

import os

from ..model import InputError
from .model import Glossary

GLOSSARY_SUFFIXES = (".tbx", ".xml", ".csv", ".tsv", ".txt", ".yaml", ".yml")


def where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def read_bytes(path: str, what: str = "glossary") -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read {what} ({error.strerror})") from None


def decode(data: bytes, path: str) -> str:
    from ..readers.decode import decode_config_text

    return decode_config_text(data, path)


def load_glossary(path: str) -> Glossary:
    """One glossary file."""
    from .tabular import TableError, parse_table
    from .tbx import TbxError, parse_tbx
    from .yamlfile import YamlError, parse_yaml_glossary

    suffix = os.path.splitext(path)[1].lower()
    data = read_bytes(path)
    try:
        if suffix in (".tbx", ".xml") or (suffix not in GLOSSARY_SUFFIXES and data.lstrip()[:1] == b"<"):
            return parse_tbx(data, path)
        text = decode(data, path)
        if suffix in (".yaml", ".yml"):
            return parse_yaml_glossary(text, path)
        if suffix in (".csv", ".tsv", ".txt"):
            return parse_table(text, path, suffix)
    except (TbxError, TableError, YamlError) as error:
        raise InputError(f"{where(path, error.line)}: {error}") from None
    raise InputError(f"{path}: unknown glossary format {suffix or '(no suffix)'!r} (expected .tbx, .csv, .tsv, .yaml)")


def load_glossaries(paths: list[str]) -> Glossary:
    """The glossary files as one; a term both approved and rejected for one concept, in a file
    or across files, is an error."""
    glossary = Glossary()
    for path in paths:
        glossary.extend(load_glossary(path))
    problem = glossary.contradiction()
    if problem:
        raise InputError(problem)
    return glossary
