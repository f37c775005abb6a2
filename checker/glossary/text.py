"""Tokens and their match keys: the lower-cased Snowball stem with diacritics removed.

Stemming makes matching inflection-aware in both languages (Fronts/Front, confirmados/confirmado,
Москвы/Москва) without hand-written suffix lists. Snowball stemmers come from PyStemmer (C, BSD);
languages without one fall back to the lower-cased, unaccented token. Keys are memoised per
surface form, so a long text costs one dictionary lookup per token.
"""

from __future__ import annotations

import re
import unicodedata

TOKEN_RE = re.compile(r"[^\W_]+")
# Chinese and Japanese write no spaces between words: each ideograph or kana is a token of its
# own, so a term (塔利班, three tokens) matches inside a run (他们是塔利班成员) and a Latin name
# beside them (是Taleban成员) is a token apart. (Kana marks and punctuation are no kana.)
_CJK = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{_CJK}]")
# Decomposed text (NFD, as macOS and some exports write it) puts combining marks inside words,
# which are no word characters: they stay in their token (dakuten too: ガ is カ and U+3099)
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
TOKEN_FULL_RE = re.compile(f"[{_CJK}][{_MARKS}]*|(?![{_CJK}])[^\\W_](?:(?![{_CJK}])[^\\W_]|[{_MARKS}])*")


# ISO 639-1 -> Snowball algorithm name (PyStemmer)
SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
    "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian", "fi": "finnish",
    "fr": "french", "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian",
    "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fa": "persian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "st": "sesotho",
    "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}


# й is a letter of its own, not и with an accent (мой is no мои; pymorphy3 took "линеика" for no
# word: a review); ё goes to е, as print writes it, and Ukrainian ї to і (Киів is a slip of Київ
# that the near-miss check reports as such)
_SHORT_I = re.compile("[йЙ]")


def unaccent(s: str) -> str:
    if s.isascii():
        return s
    s = unicodedata.normalize("NFC", s)
    if _SHORT_I.search(s):
        return "".join(ch if ch in "йЙ" else unaccent(ch) for ch in s)
    decomposed = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


class Tokens:
    """The tokens of a text: surfaces and character spans (parallel lists, spans built lazily)."""

    __slots__ = ("surfaces", "_text", "_starts", "_ends")

    def __init__(self, surfaces: list[str], text: str, starts: list[int] | None = None,
                 ends: list[int] | None = None) -> None:
        """``surfaces`` as TOKEN_RE finds them in ``text``; or, with ``starts`` and ``ends``,
        as ``tokenize`` made them (NFC surfaces of spans as written)."""
        self.surfaces = surfaces
        self._text = text
        self._starts = starts
        self._ends = ends

    @property
    def text(self) -> str:
        return self._text

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [m.start() for m in TOKEN_RE.finditer(self._text)]
        return self._starts

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            import operator

            self._ends = list(map(operator.add, self.starts, map(len, self.surfaces)))
        return self._ends

    def __len__(self) -> int:
        return len(self.surfaces)


def tokenize(text: str) -> Tokens:
    """The words of ``text``: runs of letters, each ideograph or kana alone, surfaces in NFC
    (to compare with terms) and spans as written. The fast regex finds the words; only a text
    with combining marks has tokens joined across them, and only the tokens holding an
    ideograph or kana are split again (a corpus with one Chinese name stays fast)."""
    if text.isascii():
        return Tokens(TOKEN_RE.findall(text), text)
    composed = unicodedata.is_normalized("NFC", text)
    marks = _MARKS_RE.search(text) is not None  # also in NFC: Russian stress (Москва́), Yoruba (Ọlọ́run)
    cjk = _HAS_CJK.search(text) is not None
    if composed and not marks and not cjk:
        return Tokens(TOKEN_RE.findall(text), text)
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    if marks:
        spans = _joined_across_marks(text, spans)
    if cjk:
        spans = _cjk_split(text, spans)
    surfaces = [text[a:b] for a, b in spans]
    if not composed:
        surfaces = [unicodedata.normalize("NFC", w) for w in surfaces]
    return Tokens(surfaces, text, [a for a, _ in spans], [b for _, b in spans])


_MARKS_RE = re.compile(f"[{_MARKS}]+")
_CJK_RUN = re.compile(f"[{_CJK}]+")


def _joined_across_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tokens extended over the combining marks after them, and joined to the next token when
    only marks stand between (Resiste + U+0302 + ncia is one word)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] == start:
            start = out.pop()[0]
        match = _MARKS_RE.match(text, end)
        out.append((start, match.end() if match else end))
    return out


def _cjk_split(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tokens holding an ideograph or kana (found by the positions of those, not token by
    token), split into each of those and the letter runs between."""
    import bisect

    starts = [a for a, _ in spans]
    holding = sorted({i for m in _CJK_RUN.finditer(text) if (i := bisect.bisect_right(starts, m.start()) - 1) >= 0
                      and m.start() < spans[i][1]})
    if not holding:
        return spans
    out: list[tuple[int, int]] = []
    done = 0
    for i in holding:
        out.extend(spans[done:i])
        start, end = spans[i]
        out.extend((start + m.start(), start + m.end()) for m in TOKEN_FULL_RE.finditer(text[start:end]))
        done = i + 1
    out.extend(spans[done:])
    return out


def split_words(text: str) -> list[str]:
    """The words of ``text`` (a term, usually) as ``tokenize`` finds them."""
    return TOKEN_RE.findall(text) if text.isascii() else tokenize(text).surfaces


# Portuguese before and after the 1990 spelling agreement, and Portugal beside Brazil: a c or a
# p after a vowel and before t or ç, silent in one spelling, absent in the other (infectado /
# infetado, contacto / contato, direcção / direção). Only from 7 letters: pacto is no pato.
_PT_SILENT = re.compile(r"(?<=[aeiouáéíóúâêô])[cp](?=[tç])")
PT_SILENT_MIN_LEN = 7


def _respell(lang: str | None, low: str) -> str:
    """One spelling of a word whose spellings differ by convention (``_PT_SILENT``), in NFC."""
    if not low.isascii():
        low = unicodedata.normalize("NFC", low)
    if (lang or "")[:2] == "pt" and len(low) >= PT_SILENT_MIN_LEN:
        return _PT_SILENT.sub("", low)
    return low


class Analyzer:
    """Match keys for one language."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        self._stem = None
        algorithm = SNOWBALL.get(lang or "")
        if algorithm:
            try:
                import Stemmer

                self._stem = Stemmer.Stemmer(algorithm).stemWord
            except (ImportError, KeyError):  # pragma: no cover - PyStemmer is a dependency
                self._stem = None
        self._memo: dict[str, str] = {}

    def key(self, surface: str) -> str:
        key = self._memo.get(surface)
        if key is None:
            low = _respell(self.lang, surface.lower())
            key = unaccent(self._stem(low) if self._stem else low)
            if len(self._memo) < 500_000:
                self._memo[surface] = key
        return key

    def keys(self, surfaces: list[str]) -> list[str]:
        memo = self._memo
        get = memo.get
        if self._stem is not None and len(surfaces) > 1000:  # stem the new words in one call
            new = list({s for s in surfaces if s not in memo})
            if new:
                import Stemmer

                stems = Stemmer.Stemmer(SNOWBALL[self.lang]).stemWords([_respell(self.lang, s.lower()) for s in new])
                for surface, stem in zip(new, stems):
                    memo[surface] = unaccent(stem)
        try:
            return list(map(memo.__getitem__, surfaces))  # every key memoised: at C speed
        except KeyError:
            pass
        out = []
        append = out.append
        for surface in surfaces:
            key = get(surface)
            if key is None:
                key = self.key(surface)
            append(key)
        return out

    def term_keys(self, text: str) -> tuple[str, ...]:
        return tuple(self.key(s) for s in split_words(text))


_ANALYZERS: dict[str | None, Analyzer] = {}


def analyzer(lang: str | None) -> Analyzer:
    a = _ANALYZERS.get(lang)
    if a is None:
        a = _ANALYZERS[lang] = Analyzer(lang)
    return a


def is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isupper() and token.isalpha()
