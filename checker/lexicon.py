"""Word frequencies (Zipf scale) per language, fast at start-up.

``zipf(word, lang)`` returns wordfreq's Zipf frequency of ``word`` in the ``large`` wordlist of
``lang`` (``best`` when there is no large list), or 0.0 when the word is unknown.

Importing wordfreq and loading one language costs 0.3-0.9 s, far more than a whole
``transcheck check`` run may take. So the first lookup in a language builds, once per language
and wordfreq version, an SQLite table ``(word PRIMARY KEY, zipf) WITHOUT ROWID`` in the user cache
directory; later processes only open that file (about a millisecond) and look words up by key.
The cache directory is ``$TRANSCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/transcheck``, else
``~/.cache/transcheck``. The file is written to a temporary name and renamed into place, so
concurrent processes never see half a table. When the directory cannot be written, the
frequencies are kept in memory for the life of the process (slow start, same answers).

wordfreq itself is imported lazily, only when a table has to be built.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
import unicodedata
from pathlib import Path

from .lang import primary_language

__all__ = ["zipf", "cache_dir", "wordfreq_version", "has_language", "Lexicon", "get_lexicon"]

_SCHEMA_VERSION = 1
_LOCK = threading.Lock()
_LEXICA: dict[str, "Lexicon"] = {}
_VERSION: str | None = None


def cache_dir() -> Path:
    env = os.environ.get("TRANSCHECK_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "transcheck"
    return Path.home() / ".cache" / "transcheck"


def wordfreq_version() -> str:
    """wordfreq's installed version, read from its metadata (no import of wordfreq)."""
    global _VERSION
    if _VERSION is None:
        _VERSION = _find_version()
    return _VERSION


def _find_version() -> str:
    # importlib.metadata costs ~35 ms to import; the dist-info folder name is enough.
    import importlib.util

    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return "none"
    site = Path(spec.origin).parent.parent
    for info in sorted(site.glob("wordfreq-*.dist-info")):
        return info.name[len("wordfreq-") : -len(".dist-info")]
    try:
        from importlib.metadata import version

        return version("wordfreq")
    except Exception:
        return "unknown"


def _load_frequencies(lang: str) -> dict[str, float]:
    """word -> Zipf from wordfreq (imported here, lazily). Empty for unsupported languages."""
    try:
        import logging

        import wordfreq
    except ImportError:
        return {}
    # wordfreq logs a warning when it falls back to a related language (sk -> cs); only the CLI
    # may write to standard error.
    logging.getLogger("wordfreq").setLevel(logging.ERROR)
    freqs: dict[str, float] | None = None
    for wordlist in ("large", "best"):
        try:
            freqs = wordfreq.get_frequency_dict(lang, wordlist)
        except (LookupError, ValueError):
            continue
        if freqs:
            break
    if not freqs:
        return {}
    return {word: round(math.log10(freq) + 9.0, 2) for word, freq in freqs.items() if freq > 0}


def _db_path(lang: str) -> Path:
    safe = "".join(ch for ch in lang if ch.isalnum() or ch in "-_") or "xx"
    return cache_dir() / f"wordfreq-{wordfreq_version()}-s{_SCHEMA_VERSION}-{safe}.sqlite3"


def _read_only_uri(path: Path) -> str:
    """SQLite's URI of the file at ``path``, read-only and immutable: its characters escaped (a
    folder named "cache #1" was cut at the #), a Windows drive kept (file:/C:/...) and a network
    share's // written so that it is no URI authority (file:////server/share/...)."""
    from urllib.parse import quote

    name = os.path.abspath(path).replace(os.sep, "/")
    prefix = "//" if name.startswith("//") else "" if name.startswith("/") else "/"
    return "file:" + prefix + quote(name, safe="/:") + "?mode=ro&immutable=1"


def _build_db(path: Path, freqs: dict[str, float]) -> None:
    import tempfile  # only when building (14 ms to import)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.execute("CREATE TABLE zipf (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID")
            con.executemany("INSERT OR REPLACE INTO zipf VALUES (?, ?)", sorted(freqs.items()))
            con.commit()
        finally:
            con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


MEMO_LIMIT = 100_000  # words a Lexicon remembers (~15 MB); past it, it starts again


class Lexicon:
    """Zipf lookups for one language, memoised; backed by the SQLite cache or a dict."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._memo: dict[str, float] = {}
        self._raw: dict[str, float] = {}  # word as asked (not case-folded) -> its value
        self._con: sqlite3.Connection | None = None
        self._dict: dict[str, float] | None = None
        self._len: int | None = None
        self._open()

    def _open(self) -> None:
        path = _db_path(self.lang)
        if not path.exists():
            freqs = _load_frequencies(self.lang)
            try:
                _build_db(path, freqs)
            except OSError:
                self._dict = freqs  # cache dir not writable: keep the frequencies in memory
                return
        try:
            # check_same_thread=False: reads only (sqlite serialises a connection's calls; the
            # memos take whole values, see ``prefetch``). immutable: the file is
            # only ever replaced whole (``_build_db`` renames a new one over it), never written
            # in place, so sqlite may skip its locks and change checks (a lock, a stat and a
            # header read per query: a tenth of a names check's time on this machine).
            self._con = sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)
        except sqlite3.Error:
            self._dict = _load_frequencies(self.lang)

    def zipf(self, word: str) -> float:
        value = self._raw.get(word)
        if value is not None:
            return value
        if len(self._raw) >= MEMO_LIMIT:
            self._forget()
        value = self._raw[word] = self._zipf(word)
        return value

    def _forget(self) -> None:
        """Empty the memos: a corpus of millions of documents meets millions of distinct words
        (names, typos), and the memos would grow with them without end."""
        self._raw.clear()
        self._memo.clear()

    def _zipf(self, word: str) -> float:
        key = _key(word)
        value = self._memo.get(key)
        if value is None:
            if self._dict is not None:
                value = self._dict.get(key, 0.0)
            else:
                assert self._con is not None
                row = self._con.execute("SELECT zipf FROM zipf WHERE word = ?", (key,)).fetchone()
                value = row[0] if row else 0.0
            self._memo[key] = value
        return value

    def prefetch(self, words) -> None:
        """Look up many words at once (one query per 500 words instead of one per word);
        later ``zipf`` calls for them are dictionary hits. The values are gathered here before
        the memos take them, so that another thread emptying the memos (``_forget``) meanwhile
        costs a lookup, never a wrong value."""
        raw = self._raw
        words = set(words)
        new = words.difference(raw)  # (a set operation in C skips the words seen before)
        if not new:
            return
        if len(raw) + len(new) > MEMO_LIMIT:
            self._forget()
            new = words
        memo = self._memo
        keys = {word: _key(word) for word in new}
        values = {key: memo.get(key) for key in set(keys.values())}
        todo = sorted(key for key, value in values.items() if value is None)
        if self._dict is not None:
            get = self._dict.get
            values.update((key, get(key, 0.0)) for key in todo)
        elif todo:
            assert self._con is not None
            for i in range(0, len(todo), 500):
                chunk = todo[i : i + 500]
                values.update(dict.fromkeys(chunk, 0.0))
                query = "SELECT word, zipf FROM zipf WHERE word IN (" + ",".join("?" * len(chunk)) + ")"
                values.update(self._con.execute(query, chunk))
        memo.update(values)
        raw.update({word: values[key] for word, key in keys.items()})

    def __bool__(self) -> bool:
        return True

    def __len__(self) -> int:
        if self._len is None:
            if self._dict is not None:
                self._len = len(self._dict)
            else:
                assert self._con is not None
                self._len = self._con.execute("SELECT count(*) FROM zipf").fetchone()[0]
        return self._len


def _key(word: str) -> str:
    """The word list's form of ``word``: case-folded and composed (text saved decomposed, NFD,
    writes Sánchez as S, a, a combining accent: looked up so, it was unknown, and TC101 took
    the plain Sanchez for the house spelling: a review)."""
    key = word.casefold()
    return key if key.isascii() else unicodedata.normalize("NFC", key)


def forget_connections() -> None:
    """Drop every open word list, so that this process opens its own (a process forked from one
    that had them open must not share its SQLite connections)."""
    with _LOCK:
        _LEXICA.clear()


def get_lexicon(lang: str | None) -> Lexicon:
    lang = primary_language(lang, "en")
    lex = _LEXICA.get(lang)
    if lex is None:
        with _LOCK:
            lex = _LEXICA.get(lang)
            if lex is None:
                lex = Lexicon(lang)
                _LEXICA[lang] = lex
    return lex


def zipf(word: str, lang: str | None) -> float:
    """Zipf frequency of ``word`` (case-folded) in ``lang``; 0.0 when unknown."""
    return get_lexicon(lang).zipf(word)


def has_language(lang: str | None) -> bool:
    """True when wordfreq has a wordlist for ``lang`` (an empty table otherwise)."""
    return len(get_lexicon(lang)) > 0
