"""Configuration files: ``transcheck.toml``, ``.transcheck.toml`` or ``[tool.transcheck]`` in
``pyproject.toml``, found by walking up from each checked file (the nearest wins; a dedicated
file wins over ``pyproject.toml`` in the same folder). ``--config`` names one explicitly.

Paths inside a configuration (styles, glossaries, name lists) are relative to the file
that names them, and so are the globs with a ``/`` in ``include``, ``exclude`` and
``per-file-ignores``.
Unknown keys and bad values are :class:`InputError`s naming the file and key.

The nearest file is the whole configuration, as in ruff, unless it names another with
``extend``: then it starts from that one and each key it sets replaces the inherited value (a
folder's ``lang = "pt"`` over the newsroom's styles and glossaries). Inherited paths and globs
stay relative to the file that wrote them.

Example::

    extend = "../transcheck.toml"  # start from this configuration (optional)
    lang = "en"                 # the translation's language
    source-lang = "pt"          # the source's language (bilingual checks)
    select = ["ALL"]
    ignore = ["TC3"]
    fail-level = "warning"
    styles = ["style/house.yml"]
    glossaries = ["glossary.tbx"]
    names = ["names.yml"]       # house spellings of names
    include = ["*.po"]          # added to *.txt, *.md, ... (and to --include)
    exclude = ["archive/*"]     # not checked; see checker.pipeline.Glob
    [per-file-ignores]
    "archive/*.md" = ["TC101"]
    [severity]                  # keys are selectors; the most specific wins
    TC101 = "error"             # (code, name, longer prefix, category, ALL:
    names = "info"              # checker.pipeline.severity_for); a style's rule
    "House.Wording" = "error"   # too, over its own level: (checker.rules.style)
"""

from __future__ import annotations

import difflib
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .model import InputError, Severity
from .registry import is_style_rule_selector

CONFIG_NAMES = ("transcheck.toml", ".transcheck.toml")
PYPROJECT = "pyproject.toml"


@dataclass
class Config:
    path: str | None = None  # the file it was read from; None for the built-in defaults
    root: str = "."  # the folder that relative paths and per-file-ignores globs start from
    lang: str | None = None
    source_lang: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_level: Severity | None = None
    include: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # absolute paths
    glossaries: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    # the folder the globs of ``exclude`` or ``per_file_ignores`` start from when a base
    # configuration (``extend``) in another folder wrote them; else ``root``
    glob_roots: dict[str, str] = field(default_factory=dict)
    # the file that wrote each key (``per-file-ignores`` -> base.toml) when a base configuration
    # (``extend``) did; else ``path``: errors name it, and its selectors name its own styles' rules
    written_by: dict[str, str] = field(default_factory=dict)
    bases: list[str] = field(default_factory=list)  # the files it extends, nearest first

    def nearer(self, a: str | None, b: str | None) -> bool:
        """Whether configuration file ``a`` is this file or a base nearer to it than ``b``."""
        order = [self.path, *self.bases]
        return a in order and (b not in order or order.index(a) < order.index(b))

    def source_of(self, key: str) -> str | None:
        """The configuration file that wrote ``key`` ("styles", "per-file-ignores", ...)."""
        return self.written_by.get(key, self.path)

    def root_of(self, attribute: str) -> str:
        """The folder the globs of ``attribute`` ("include", "exclude", "per_file_ignores") start from."""
        return self.glob_roots.get(attribute, self.root)

    def ignored_for(self, path: str) -> list[str]:
        """Rule selectors that ``per-file-ignores`` turns off for ``path``: its globs read as
        ``exclude``'s (``./`` and a trailing ``/`` ignored, a glob without ``/`` matching any
        folder's or the file's name: "./archive/*", "archive", "archive/" matched nothing, a
        tester's report)."""
        if not self.per_file_ignores:
            return []
        from .pipeline import Glob, glob_matches

        root = self.root_of("per_file_ignores")
        return [sel for glob, sels in self.per_file_ignores.items()
                if glob_matches(Glob(glob, root), path, root) for sel in sels]


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be a non-empty string")
    return value


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where} must be a list of strings")
    return list(value)


def _severity(value: Any, where: str) -> Severity:
    """A level; Vale's "suggestion" is "info" (a level copied from a .vale.ini works)."""
    text = _str(value, where)
    if text.strip().lower() == "suggestion":
        return Severity.INFO
    try:
        return Severity.parse(text)
    except ValueError:
        raise ValueError(f"{where} must be one of info, warning, error (or Vale's suggestion; got {value!r})") from None


def _selectors(value: Any, where: str) -> list[str]:
    from .registry import known_selector

    selectors = _str_list(value, where)
    for selector in selectors:
        if not known_selector(selector):
            raise ValueError(f"{where}: unknown rule selector {selector!r} (see `transcheck rules`)")
    return selectors


def _select(value: Any, where: str) -> list[str]:
    """``select``: selectors, at least one (an empty list would select no rule; ruff reads it
    so, and a user who writes it means something else: a tester's report)."""
    selectors = _selectors(value, where)
    if not selectors:
        raise ValueError(f"{where} is empty: it would select no rule (leave it out to check with every rule, "
                         "or name rules to check with only those)")
    return selectors


def _lang(value: Any, where: str) -> str:
    """A registered language tag, as written (``pt-BR``): documents take its primary language,
    glossaries its region too (``checker.glossary.glossary_for``)."""
    from .lang import normalise_lang

    try:
        code = _str(value, where).strip().replace("_", "-")
        normalise_lang(code)
        return code
    except InputError as error:
        raise ValueError(f"{where}: {error}") from None


# key -> (attribute, parser); paths are resolved against the config's folder afterwards.
_KEYS: dict[str, tuple[str, Callable[[Any, str], Any]]] = {
    "lang": ("lang", _lang),
    "source-lang": ("source_lang", _lang),
    "select": ("select", _select),
    "ignore": ("ignore", _selectors),
    "fail-level": ("fail_level", _severity),
    "include": ("include", _str_list),
    "exclude": ("exclude", _str_list),
    "styles": ("styles", _str_list),
    "glossaries": ("glossaries", _str_list),
    "names": ("names", _str_list),
}
_PATH_KEYS = ("styles", "glossaries", "names")


def _load_toml(path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        # (a file an editor saved with a UTF-8 byte order mark: TOML parsers refuse it; one in
        # another encoding is named with its line and byte, as an article is: a tester's report)
        from .readers.decode import strict_decode

        return tomllib.loads(strict_decode(data.removeprefix(b"\xef\xbb\xbf"), "utf-8", path))
    except OSError as error:
        raise InputError(f"{path}: cannot read configuration ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML: {error}") from None


def at_line(message: str, path: str, key: str, section: str | None = None) -> str:
    """``message`` ("<path>: key 'severity.TC101' ...") with the line of the key in the file
    ("<path>:4: ..."), found by reading the file's lines, since TOML parsers keep no positions.
    ``section``: the table holding the keys; by default [tool.transcheck] in a pyproject.toml."""
    import re

    if section is None:
        section = "[tool.transcheck]" if os.path.basename(path) == PYPROJECT else ""

    named = re.search(r"key '([^']+)'", message)
    parts = (named.group(1) if named else key).split(".", 1)
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return message
    key_re = lambda k: re.compile(rf"""^\s*(?:["']{re.escape(k)}["']|{re.escape(k)})\s*=""")
    header_re = lambda k: re.compile(rf"^\s*\[\s*{re.escape(k)}\s*\]")
    start, header = 0, parts[0]
    if section:  # [tool.transcheck] in pyproject.toml: its keys follow that header
        table = section.strip("[]")
        start = next((i + 1 for i, line in enumerate(lines) if header_re(table).match(line)), 0)
        header = f"{table}.{parts[0]}"
    found = None
    for i in range(start, len(lines)):
        if key_re(parts[0]).match(lines[i]) or (len(parts) == 1 and header_re(header).match(lines[i])):
            found = i
            break
        if len(parts) == 2 and header_re(header).match(lines[i]):
            found = next((j for j in range(i + 1, len(lines)) if key_re(parts[1]).match(lines[j])), i)
            break
    if found is None or not message.startswith(f"{path}: "):
        return message
    return f"{path}:{found + 1}: {message[len(path) + 2:]}"


@contextmanager
def files_named_by(config: "Config", key: str) -> Iterator[None]:
    """Read the files of ``key``: a file that cannot be read is named with the configuration line
    that names it (a missing style said only "cannot read style")."""
    try:
        yield
    except InputError as error:
        if "cannot read" not in str(error):
            raise
        raise InputError(f"{error}{named_by(config, key)}") from None


def named_by(config: "Config", key: str) -> str:
    """Where ``config`` names the files of ``key`` (styles, glossaries, names), for an error about
    one of them: " (named by 'styles' at transcheck.toml:2)"; a base configuration's line when
    the key is inherited through ``extend``."""
    path = config.source_of(key)
    if not path:
        return ""
    located = at_line(f"{path}: key '{key}'", path, key)
    return f" (named by '{key}' at {located.split(': key', 1)[0]})"


def parse_config(data: dict[str, Any], path: str, section: str = "", extending: tuple[str, ...] = ()) -> Config:
    """Validate a configuration table; ``section`` names it in messages ("[tool.transcheck]");
    ``extending``: the files that extend this one (to refuse a cycle)."""
    root = os.path.dirname(os.path.abspath(path))
    config = Config(path=path, root=root)
    where = f"{path}: {section + ' ' if section else ''}key"
    for key, value in data.items():
        try:
            if key == "extend":
                continue  # read last, below: every other key is checked first
            if key == "per-file-ignores":
                if not isinstance(value, dict):
                    raise ValueError(f"{where} 'per-file-ignores' must be a table of glob = [rules]")
                config.per_file_ignores = {g: _selectors(v, f"{where} 'per-file-ignores.{g}'") for g, v in value.items()}
            elif key == "severity":
                if not isinstance(value, dict):
                    raise ValueError(f"{where} 'severity' must be a table of rule selector = level")
                for code in value:
                    if isinstance(value[code], dict):  # House.Wording unquoted: a dotted TOML key
                        inner = next(iter(value[code]), "")
                        raise ValueError(f"{where} 'severity': {code}.{inner} is a style's rule; quote it: "
                                         f'"{code}.{inner}" = "error"')
                # (a style's rule, House.Wording, as written; a code or a name in capitals)
                config.severity = {(code if is_style_rule_selector(code) else code.upper()):
                                   _severity(v, f"{where} 'severity.{code}'") for code, v in value.items()}
                for code, written in zip(config.severity, value):
                    _selectors([code], f"{where} 'severity.{written}'")  # (the line of the key: a tester's report)
            elif key in _KEYS:
                attribute, parser = _KEYS[key]
                setattr(config, attribute, parser(value, f"{where} '{key}'"))
            else:
                known = ["extend", *_KEYS, "per-file-ignores", "severity"]
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise ValueError(f"{where} {key!r} is unknown ({hint}expected one of: {', '.join(known)})")
        except ValueError as error:
            message = str(error)
            message = message if message.startswith(path) else f"{where} {key!r}: {message}"
            raise InputError(at_line(message, path, key, section)) from None
    for key in _PATH_KEYS:
        setattr(config, key, [os.path.normpath(os.path.join(root, p)) for p in getattr(config, key)])
    if "extend" in data:
        try:
            base_path = os.path.normpath(os.path.join(root, os.path.expanduser(_str(data["extend"], f"{where} 'extend'"))))
        except ValueError as error:
            raise InputError(str(error)) from None
        if os.path.abspath(base_path) in (os.path.abspath(p) for p in (*extending, path)):
            raise InputError(f"{where} 'extend': {base_path} extends this file again (a cycle)")
        config = _extended(load_config(base_path, (*extending, path)), config, set(data))
    return config


# key -> the Config attribute it sets (what a file that extends another replaces)
_ATTRIBUTES = {**{key: attribute for key, (attribute, _) in _KEYS.items()},
               "per-file-ignores": "per_file_ignores", "severity": "severity"}


def _extended(base: Config, own: Config, keys: set[str]) -> Config:
    """``own`` (a file's configuration, its ``keys`` as written) over ``base``, the file it extends."""
    merged = Config(path=own.path, root=own.root)
    for key, attribute in _ATTRIBUTES.items():
        setattr(merged, attribute, getattr(own if key in keys else base, attribute))
        if key not in keys and base.source_of(key) is not None:
            merged.written_by[key] = base.source_of(key)
    merged.bases = [p for p in (base.path, *base.bases) if p]
    for attribute, key in (("include", "include"), ("exclude", "exclude"), ("per_file_ignores", "per-file-ignores")):
        if key not in keys:
            merged.glob_roots[attribute] = base.root_of(attribute)
    return merged


def load_config(path: str, extending: tuple[str, ...] = ()) -> Config:
    """Read a configuration file named by the user (``--config``), found by :func:`find_config`
    or named by ``extend`` in the files ``extending`` it."""
    if not os.path.isfile(path):
        named_by = f" (named by 'extend' in {extending[-1]})" if extending else ""
        raise InputError(f"{path}: configuration file not found{named_by}")
    data = _load_toml(path)
    if os.path.basename(path) == PYPROJECT:
        table = data.get("tool", {}).get("transcheck")
        if table is None:
            raise InputError(f"{path}: no [tool.transcheck] table")
        return parse_config(table, path, "[tool.transcheck]", extending)
    return parse_config(data, path, "", extending)


def find_config(directory: str) -> str | None:
    """The nearest configuration file at or above ``directory``."""
    directory = os.path.abspath(directory)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(directory, PYPROJECT)
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_tool_table(path: str) -> bool:
    with open(path, "rb") as handle:
        return b"[tool.transcheck" in handle.read()


class ConfigResolver:
    """Finds and caches the configuration of each checked file."""

    def __init__(self, explicit: str | None = None) -> None:
        self._explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}

    def for_path(self, path: str) -> Config:
        """The configuration of a file, also of one that does not exist yet (standard input
        reported as ``--stdin-filename articles/new.md`` takes the configuration of articles/);
        then the nearest existing folder above it, as ruff does."""
        folder = os.path.dirname(os.path.abspath(path))
        while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
            folder = os.path.dirname(folder)  # the nearest folder that exists (desk/new/x.md: desk)
        return self.for_directory(folder)

    def for_directory(self, directory: str) -> Config:
        """The configuration in force in ``directory`` (its own file, else the nearest above)."""
        if self._explicit is not None:
            return self._explicit
        directory = os.path.abspath(directory)
        if directory not in self._by_dir:
            found = find_config(directory)
            if found is None:
                config = Config()
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                config = self._by_file[found]
            self._by_dir[directory] = config
        return self._by_dir[directory]
