"""Language identification with langdetect, always seeded so that runs are reproducible.

Loading all 55 langdetect profiles costs ~0.55 s, most of it for the CJK and Indic ones. Text
written in the Latin or Cyrillic script is compared only with the languages written in those
scripts (35 profiles, ~0.13 s); other text gets every profile. The built tables are cached per
user (``checker.lexicon.cache_dir``), which halves that again. Restricting the candidates is
also what makes short segments more accurate (see docs/benchmarks.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .model import InputError

SAMPLE_CHARS = 1500  # langdetect is stable well before this on prose; cost grows with it
SEED = 0
_LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")  # tags ignore case: EN, pt_BR
LATIN_CYRILLIC_PROFILES = (
    "af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv sw tl tr vi "
    "bg mk ru uk"
).split()
# Codes accepted without a registry lookup: the languages langdetect and wordfreq know best.
_COMMON_LANGS = frozenset(LATIN_CYRILLIC_PROFILES) | frozenset(
    "ar bn el fa gu he hi ja kn ko ml mr ne pa ta te th ur zh ms nb".split()
)
_SUBTAG = re.compile(r"^(?:[A-Za-z]{2}|[0-9]{3}|[A-Za-z]{4})$")  # a region or a script
_factories: dict[str, Any] = {}


def primary_language(code: str | None, default: str = "") -> str:
    """The primary subtag of a language code, lower-cased: ``pt-BR``, ``pt_BR``, ``PT`` ->
    ``pt``; ``default`` for None or an empty code. (No validation: ``normalise_lang`` checks.)"""
    return (code or default).replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=256)
def normalise_lang(code: str) -> str:
    """``pt-BR`` -> ``pt``; the checks work per language, not per locale. A code that is no
    registered language tag (``xx``, ``pt-BR-x``) is an error, not a silent run without a
    lexicon (a common language's region or script is checked for its shape only: en-QQ)."""
    tag = code.strip().replace("_", "-")
    primary = primary_language(tag)
    common = primary in _COMMON_LANGS and all(_SUBTAG.match(sub) for sub in tag.split("-")[1:])
    if not _LANG_CODE.match(tag) or not (common or _registered(tag)):
        raise InputError(f"invalid language code {code!r} (expected an ISO 639 code such as en, pt or pt-BR)")
    return primary


SOURCE_SAMPLE_MIN = 4  # lower-case words (3+ letters) a text needs to be told for the source language
SOURCE_MARGIN = 1.5  # Zipf by which its words are commoner there, on average
OWN_WORDS_MIN = 0.75  # a text's words its language's word list knows (Zipf 2.5+): 0.91-1.0 on news
_SAMPLE_WORD = re.compile(r"[^\W\d_]{3,}")
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|‘[^’\n]*’')


def looks_foreign(text: str, lang: str, source_lang: str | None = None) -> bool:
    """Whether ``text``, said to be in ``lang``, reads as another language: of the lower-case
    words of its first 1,000 characters (30 at least, 60 at most), fewer than OWN_WORDS_MIN are
    words of ``lang`` (German news checked as English: 0.42-0.51; Russian: 0.0). A hint for a
    wrong --lang, which detection would not have made (a corpus tester's report). With the
    configuration's ``source_lang``, a shorter text too (SOURCE_SAMPLE_MIN such words) whose words
    are much commoner in that language: an original beside its translation, which --fix must
    not rewrite (a tester's report: "your contraseña" in the English help file)."""
    from .lexicon import get_lexicon

    words = [w for w in _SAMPLE_WORD.findall(text, 0, 1000) if w.islower()][:60]
    lexicon = get_lexicon(lang)
    if not len(lexicon):
        return False
    if len(words) >= 30:
        lexicon.prefetch(words)
        if sum(lexicon.zipf(w) >= 2.5 for w in words) < OWN_WORDS_MIN * len(words):
            return True
    if not source_lang or normalise_lang(source_lang) == normalise_lang(lang):
        return False
    # (quotations aside: an English title quoted in a Spanish sentence makes no English file; a review)
    words = [w for w in _SAMPLE_WORD.findall(_QUOTED.sub(" ", text[:1000])) if w.islower()][:60]
    if len(words) < SOURCE_SAMPLE_MIN:
        return False
    theirs = get_lexicon(normalise_lang(source_lang))
    if not len(theirs):
        return False
    lexicon.prefetch(words)
    theirs.prefetch(words)
    return sum(theirs.zipf(w) - lexicon.zipf(w) for w in words) >= SOURCE_MARGIN * len(words)


def with_region(lang: str | None, configured: str | None) -> str | None:
    """A document's language (``de``) with the region the configuration names for it (``de-AT``),
    where the configured language is the document's: what regional data (a style rule's or a
    glossary term's region) is matched against."""
    if lang and configured and normalise_lang(configured) == lang:
        return configured
    return lang


def language_tag(code: str) -> str:
    """``code`` validated (as ``normalise_lang``) and written as BCP 47 writes it, region kept:
    ``pt_br`` -> ``pt-BR`` (a configuration keeps the locale its desk works in)."""
    normalise_lang(code)
    parts = code.strip().replace("_", "-").split("-")
    return "-".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p.lower()
                                          for p in parts[1:]])


def _registered(tag: str) -> bool:
    # langcodes (wordfreq's own dependency) holds the IANA registry; its import costs ~50 ms,
    # so the common codes are accepted without it
    import langcodes

    return langcodes.tag_is_valid(tag)


def _latin_or_cyrillic(sample: str) -> bool:
    letters = [ch for ch in sample if ch.isalpha()]
    ours = sum(1 for ch in letters if ch < "\u0250" or "\u0400" <= ch < "\u0530" or "\u1e00" <= ch < "\u1f00")
    return ours >= 0.9 * len(letters)


def _factory(profiles: str) -> Any:
    """A langdetect factory with the given profile set ("latin-cyrillic" or "all"), built once
    per process; its tables come from the per-user cache when they were built before."""
    if profiles not in _factories:
        import os

        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        codes = sorted(os.listdir(PROFILES_DIRECTORY)) if profiles == "all" else LATIN_CYRILLIC_PROFILES
        paths = [os.path.join(PROFILES_DIRECTORY, code) for code in codes]
        factory = DetectorFactory()
        if not _load_tables(factory, profiles, paths):
            texts = []
            for path in paths:
                with open(path, encoding="utf-8") as handle:
                    texts.append(handle.read())
            factory.load_json_profile(texts)
            _store_tables(factory, profiles, paths)
        factory.set_seed(SEED)
        _factories[profiles] = factory
    return _factories[profiles]


# Building langdetect's tables from its JSON profiles is pure Python (~0.1-0.2 s for 35
# profiles); reading the built tables back with marshal takes half as long. The cache file is
# keyed by the profiles' names, sizes and times, so another langdetect version builds anew.
def _tables_path(profiles: str, paths: list[str]) -> Any:
    import os
    import zlib

    from .lexicon import cache_dir

    stamp = repr([(os.path.basename(p), os.stat(p).st_size, os.stat(p).st_mtime_ns) for p in paths])
    return cache_dir() / f"langdetect-{profiles}-{zlib.crc32(stamp.encode()):08x}.marshal"


def _load_tables(factory: Any, profiles: str, paths: list[str]) -> bool:
    import marshal

    try:
        with open(_tables_path(profiles, paths), "rb") as handle:
            data = handle.read()  # marshal.loads on bytes: marshal.load reads a file piecemeal (8x slower)
        langlist, prob_map = marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return False
    factory.langlist, factory.word_lang_prob_map = langlist, prob_map
    return True


def _store_tables(factory: Any, profiles: str, paths: list[str]) -> None:
    import marshal
    import os
    import tempfile

    try:
        target = _tables_path(profiles, paths)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            marshal.dump((factory.langlist, factory.word_lang_prob_map), handle)
        os.replace(tmp, target)
    except OSError:
        pass  # no writable cache: the tables are built again next time


def fallback_language(text: str) -> str:
    """The language a text too short to detect is checked as: Russian when most of its letters
    are Cyrillic (Путин. Путина.: English rules would judge the case forms as slips), or the
    Cyrillic language whose own letters it has (Київ: Ukrainian); else English."""
    letters = [ch for ch in text[:SAMPLE_CHARS] if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch < "\u0530")
    if letters and 2 * cyrillic > len(letters):
        return _by_cyrillic_letters("ru", " ".join(text[:SAMPLE_CHARS].split()))
    return "en"


def detect_language(text: str) -> str | None:
    """The most likely language of ``text`` (ISO 639-1), or None when there is too little text."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory("latin-cyrillic" if _latin_or_cyrillic(sample) else "all")
    detector = factory.create()
    detector.append(sample)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return None
    if not ranked:
        return None
    detected = normalise_lang(ranked[0].lang)
    if len(sample) < SHORT_SAMPLE:
        detected = _by_common_words(sample, detected, [normalise_lang(p.lang) for p in ranked[1:5] if p.prob >= 0.01])
    return _by_cyrillic_letters(detected, sample) if detected in _CYRILLIC_LETTERS else detected


# A short text gives langdetect's character n-grams little to go on ("Pedro Sánchez sent
# messages. Later Pedro Sanchez visited Brazil." reads as Italian); its lower-case words settle it:
# the candidate whose word list holds clearly more of them as common words (Zipf >= 3) wins.
# Candidates: langdetect's next few and the languages whose names the names check knows best.
# On WMT22 and NTREX sentences of 20-120 characters this gains 0-3 points per language
# (docs/benchmarks.md).
SHORT_SAMPLE = 300  # characters
_WORD = re.compile(r"[^\W\d_]{2,}")
_COMMON_ZIPF = 3.0
_CLEARLY_MORE = 0.15  # share of the words
_USUAL_LANGS = ("en", "de", "fr", "es", "pt", "ru")


def _by_common_words(sample: str, detected: str, others: list[str]) -> str:
    from . import lexicon

    # names (Macron, Scholz) say nothing of the language around them, and wordfreq lists many
    # as common words of other languages: only the lower-case words vote
    words = [w for w in _WORD.findall(sample) if w.islower()]
    if not words or not lexicon.has_language(detected):
        return detected

    def common_share(lang: str) -> float:
        return sum(1 for w in words if lexicon.zipf(w, lang) >= _COMMON_ZIPF) / len(words)

    shares = {lang: common_share(lang) for lang in dict.fromkeys([*others, *_USUAL_LANGS])
              if lang != detected and lexicon.has_language(lang)}
    if not shares:
        return detected
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= common_share(detected) + _CLEARLY_MORE else detected


# Letters that only one of langdetect's Cyrillic languages writes. Its character n-grams confuse
# a short Russian or Ukrainian sentence with Bulgarian or Macedonian (docs/benchmarks.md); a
# letter the detected language never uses settles it.
_CYRILLIC_LETTERS = {
    "ru": frozenset("ыэё"),
    "uk": frozenset("іїєґ"),
    "mk": frozenset("ѓќѕљњџј"),
    "bg": frozenset(),
}


def _by_cyrillic_letters(detected: str, sample: str) -> str:
    letters = set(sample.lower())
    if letters & _CYRILLIC_LETTERS[detected]:
        return detected
    owners = [lang for lang, own in _CYRILLIC_LETTERS.items() if letters & own]
    return owners[0] if len(owners) == 1 else detected
