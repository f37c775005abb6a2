"""Language identification with langdetect, always seeded so that runs are reproducible."""

from __future__ import annotations

import re

from .model import InputError

SAMPLE_CHARS = 4000
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def normalise_lang(code: str) -> str:
    """``pt-BR`` -> ``pt``; the checks work per language, not per locale."""
    if not _LANG_CODE.match(code.strip()):
        raise InputError(f"invalid language code {code!r} (expected an ISO 639 code such as en, pt or pt-BR)")
    return code.strip().replace("_", "-").split("-")[0].lower()


def detect_language(text: str) -> str | None:
    """The most likely language of ``text`` (ISO 639-1), or None when there is too little text."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return normalise_lang(detect(sample))
    except LangDetectException:
        return None
