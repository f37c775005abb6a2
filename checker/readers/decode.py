"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM; anything else is an error."""

from __future__ import annotations

import codecs
import unicodedata

from ..model import InputError

# Control characters that never occur in text files (tab, newlines, vertical tab, form feed
# excepted: a vertical tab is Word's manual line break in the text it exports).
_BINARY_BYTES = set(range(0x00, 0x09)) | {0x0E, 0x0F} | set(range(0x10, 0x1A)) | set(range(0x1C, 0x20))
_BINARY_DELETE = bytes(sorted(_BINARY_BYTES))


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def encode(text: str, encoding: str) -> bytes:
    """``text`` in the ``encoding`` that ``decode`` named, with the byte-order mark it read."""
    for bom, name in _BOMS:
        if encoding == name:
            return bom + text.encode(name)
    return text.encode(encoding)  # utf-8-sig writes its BOM back


def _utf16_without_bom(head: bytes) -> bool:
    """Whether ``head`` reads as UTF-16 text (either byte order) without its byte-order mark:
    printable characters, no NUL (Russian or Chinese text has no NUL byte at every other place)."""
    head = head[: len(head) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            text = head[:-2].decode(encoding, errors="ignore") if len(head) > 2 else ""
        # (text has spaces or line breaks, and few characters no script assigns: most binary
        # data of even length decodes too, to a run of such characters)
        if text and "\x00" not in text and any(ch in " \n\u3000" for ch in text) \
                and sum((ch.isprintable() and unicodedata.category(ch) not in ("Co", "Cn")) or ch in "\n\r\t"
                        for ch in text) >= 0.95 * len(text):
            return True
    return False


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary or undecodable data."""
    if data.startswith(codecs.BOM_UTF8):
        return strict_decode(data[3:], "utf-8", path), "utf-8-sig"
    # UTF-32 first: its little-endian mark (FF FE 00 00) starts with UTF-16's (FF FE). The
    # encoding named keeps the byte order, so that a fixed file is written back as it was read.
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = strict_decode(data, encoding[:6], path)
            if "\x00" in text:
                raise InputError(f"{path}: binary file (NUL characters after decoding {encoding[:6].upper()}); "
                                 "expected a text file")
            return text, encoding
    if b"\x00" in data[:8192]:
        if _utf16_without_bom(data[:8192]):  # (a tester's note: only "binary file" was said)
            raise InputError(f"{path}: binary file (contains NUL bytes; UTF-16 without a byte-order mark?); "
                             "expected a text file: save it as UTF-8, or UTF-16 with a BOM")
        raise InputError(f"{path}: binary file (contains NUL bytes); expected a text file")
    text = strict_decode(data, "utf-8", path)
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _BINARY_DELETE))  # counted in C
    if controls and controls > len(sample) // 100:
        raise InputError(f"{path}: binary file (control characters); expected a text file")
    return text, "utf-8"


def strict_decode(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        before = data[:error.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        column = len(before) - before.rfind("\n")  # 1-based, in characters
        raise InputError(
            f"{path}:{line}:{column}: cannot decode as {encoding.upper()} (byte {data[error.start]:#04x}: "
            f"{error.reason}); save the file as UTF-8"
        ) from None


def decode_config_text(data: bytes, path: str) -> str:
    """A style, glossary or name list: decoded as an article is (UTF-8 with or without BOM,
    UTF-16 or UTF-32 with BOM, as spreadsheets export "Unicode text"), with Unix newlines."""
    text, _ = decode(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")
