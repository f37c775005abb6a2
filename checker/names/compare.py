"""Deciding whether two spellings are variants of one name: Tier A, B or C, with vetoes.

``judge(minority, dominant, ...)`` returns ``(tier, kind)`` or ``None``:

* Step 0: inflection and derivation are never variants (``morph``); neither are two forms that
  differ only in letter case.
* Tier A: equal ``norm`` (José/Jose, Massoud/Massud, Qaddafi/Kadhafi). German umlaut pairs where
  both spellings are ordinary words (Nistkasten/Nistkästen) are inflection, not variants.
* Tier B: equal skeleton, every edit cheap, at most 1 edit at 5-6 letters and 2 from 7 letters,
  and the minority form is not an ordinary word (Taliban/Taleban, Mohammed/Muhammad).
* Tier C: Damerau distance 1 (2 when both have 10+ letters) on ``norm``, the minority form rare
  (Zipf <= 2.0, or 3.0 inside an aligned multi-word name), and the dominant form seen at least
  twice (typos: telebans, Zelenksy).
* Vetoes for B and C: only a final vowel differs (Mario/Maria, Christina/Christine); a whole
  compound part differs (Unfalldaten/Unfallraten; not for a once-used spelling no word list
  knows beside a common word, Russlang / Russland, nor at a head or tail that is no word,
  Mischebelhütte / Mischabelhütte); tokens of 4 letters or fewer outside a multi-word name.
* Slips that look like inflection: a once-used spelling no word list knows that is the other
  cut short (Netfli / Netflix) or whose ending only replaces another ending of a word (Pausse /
  Pause); a letter tripled at an ending is no ending (Vertesssen).
* Outside English, two words of the language of comparable frequency are two words (Amerika /
  America, Unies / Unis; diacritic pairs only in a 1:1 tie or when both recur, Gales / Galês);
  two edits only for spellings unknown to the language's and the English word list. An
  English word beside a common name is its English form kept (Republican / Republikaner),
  unless it is one doubled letter or one swap away (Gilles / Giles, Pairs / Paris).
* Codes: one changed capital of two spellings with 2+ capitals each (CCoV / HCoV), or a changed
  letter of another script (IFNα / IFNβ), names something else.
* A lower-case word of the language in another final vowel is a name's adjective (macedónio /
  Macedónia).
* ``context`` (an aligned multi-word name, or a shared capitalised neighbour found by
  ``cluster``) relaxes length and Zipf limits and accepts a 1:1 tie; with it, a rare 3-letter
  spelling is judged when it drops a letter of a 4-letter one (Die Zet / Die Zeit).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

from .morph import (CASE_LANGUAGES, derived, ending_edit, inflected, russian_name, sibling_derivations, slavic_feminine,
                    stem_endings, stem_pairs, stems, suspect_ending)
from .normalize import VOWELS, cheap_distance, cheap_substitutions_only, damerau, fold, more_accented, norm, skel

Zipf = Callable[[str], float]

TIER_B_MAX_ZIPF = 3.0  # a minority form at least this common must look like a name (see below)
TIER_C_MAX_ZIPF = 2.0
TIER_C_MAX_ZIPF_CONTEXT = 3.0
# ... and inside a multi-word name written 2+ times with the same words before it, a spelling used
# once there, more common than the name or no name itself (Justine Trier beside Justine Triet x3: the
# city, a names tester's report; autocorrect's word; Donald Tramp: a review); not a rarer name beside
# a common one, Mike Johnston beside Mike Johnson x3: two people; nor a first name before the same
# surname, Marvin Schulz beside Martin Schulz: his nephew)
TIER_C_MAX_ZIPF_NAMED = 4.2
MIN_LEN_BC = 5
MIN_LEN_CONTEXT = 4
COMPOUND_PART_ZIPF = 2.5
SHORT_PART_ZIPF = 4.0  # a 3-letter compound part must be this common (Ort, Art)
TIE_ZIPF_MARGIN = 1.0
TIE_MAX_ZIPF = 1.0
TIE_COMMON_MARGIN = 3.0  # a 1:1 tie whose other spelling is this much more common
TIE_LONG_LEN = 6
TIE_LONG_MARGIN = 2.0  # ... or this much, for 6+ letters (``_long_rare_slip``)
BOTH_COMMON_ZIPF = 3.0
SHORT_WORDS_LEN = 3  # two words this common and short are no spellings of one name, whatever the majority (Nov / New)
COOCCUR_MAX_ZIPF = 1.0
STRONG_MAJORITY = 2  # occurrences of the dominant spelling beside a once-used one
STRONG_RATIO = 3  # ... and as many times a repeated one's
STRONG_MARGIN = 2.0  # Zipf by which the dominant spelling is the more common word
SHORT_MAX_ZIPF = 0.0  # 4-letter tokens: only an unknown minority spelling (Rbse for Rose)
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn", "is", "fi", "et", "hu"})
_NAME_LANGS = ("en", "de", "fr", "es", "pt")
_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def _final_vowel_only(a: str, b: str) -> bool:
    """The two forms differ only in one final vowel (Mario/Maria, Martin/Martina)."""
    if a == b:
        return False
    ra = a[:-1] if a[-1:] in "aeiouy" else a
    rb = b[:-1] if b[-1:] in "aeiouy" else b
    return ra == rb and len(ra) >= 3


def _umlaut_only(a: str, b: str) -> bool:
    la, lb = a.casefold(), b.casefold()
    if len(la) != len(lb) or la == lb:
        return False
    return all(x == y or _UMLAUTS.get(x) == y or _UMLAUTS.get(y) == x for x, y in zip(la, lb))


UMLAUT_MIN_ZIPF = 2.0
UMLAUT_MARGIN = 1.5


def _umlaut_pair(a: str, b: str, zipf: Zipf) -> bool:
    """German umlaut inflection (Nistkasten / Nistkästen, Vater / Väter): both spellings are
    words of comparable frequency (umlaut plurals are within ~1.2 Zipf of the singular in
    wordfreq's German list). A dropped umlaut leaves a much rarer spelling (Europaischen 2.3 /
    Europäischen 5.0), and an added one an unknown spelling (Jöng, Londön): slips.
    (Until round 4 this compared the folded forms, i.e. one word with itself.)"""
    if not _umlaut_only(a, b):
        return False
    za, zb = zipf(a), zipf(b)
    return min(za, zb) >= UMLAUT_MIN_ZIPF and abs(za - zb) <= UMLAUT_MARGIN


def _compound_part_differs(a: str, b: str, zipf: Zipf, unknown: bool = False) -> bool:
    """Forms sharing a head or a tail whose differing parts are both ordinary words:
    Unfall|daten / Unfall|raten, Bundes|bank / Landes|bank. A part must be a word of the
    language, not an English word that its word list holds from quoted text (Russ|land /
    Russ|lend: "end", "and" and "lend" are commoner in English)."""
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < n - p and a[-1 - s] == b[-1 - s]:
        s += 1
    # Shared head: try every split inside the shared prefix (compound boundary at k). For a
    # spelling no word list knows (``unknown``: the whole minority spelling, not only its stem),
    # only where the head is a word, or a word and a linking s:
    # Villeurbanni is no compound Villeurb|anni beside Villeurb|anne ("anni" and "anne" are
    # words, "villeurb" is none). (Known words keep every split: Umzugskisten / Umzugskosten,
    # Sporttaschen / Sporttauchen are told apart only at a split inside a part.)
    for k in range(4, p + 1):
        if unknown and not _head(a[:k], zipf):
            continue
        ra, rb = a[k:], b[k:]
        # 3-letter parts after a long head: Versand|ort / Versand|art
        # (both very common words: ten / tan, beg / berg are no compound parts)
        if min(len(ra), len(rb)) == 3 and k >= 5 \
                and _part(ra, zipf, SHORT_PART_ZIPF) and _part(rb, zipf, SHORT_PART_ZIPF):
            return True
        if len(ra) >= 4 and len(rb) >= 4 and _part(ra, zipf, COMPOUND_PART_ZIPF) and _part(rb, zipf, COMPOUND_PART_ZIPF):
            return True
    for k in range(4, s + 1):
        if unknown and zipf(a[-k:]) == 0:
            continue  # (likewise the shared tail: Mischa|belhütte / Misch-e|belhütte, no word)
        ha, hb = a[:-k], b[:-k]
        if len(ha) >= 4 and len(hb) >= 4 and _part(ha, zipf, COMPOUND_PART_ZIPF) and _part(hb, zipf, COMPOUND_PART_ZIPF):
            return True
    return False


COMMON_WORD_ZIPF = 4.0


def _slip_of_common_word(minority: str, minority_count: int, z: float, zd: float) -> bool:
    """A spelling used once that no word list knows beside a common word (Zipf >= 4: Russland,
    Frankreich, Standort) is a slip of it, not another compound that shares a part with it
    (Russlang, Frankweich: "lang" and "weich" are words too, but a new compound that close to
    a common word would be a word list entry)."""
    return minority_count == 1 and z == 0 and zd >= COMMON_WORD_ZIPF and not _known_english(fold(minority))


def _head(head: str, zipf: Zipf) -> bool:
    """A possible first part of a compound: a word of the language, or one plus a linking s
    (Arbeits|platz)."""
    return zipf(head) > 0 or (head[-1:] == "s" and zipf(head[:-1]) > 0)


def _part(word: str, zipf: Zipf, minimum: float) -> bool:
    z = zipf(word)
    return z >= minimum and z >= _english_zipf(word)


@lru_cache(maxsize=50_000)
def _english_zipf(word: str) -> float:
    from .. import lexicon

    return lexicon.zipf(word, "en")


TRANSLATION_ZIPF = 3.0


def _script(s: str) -> str:
    for ch in s:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                return "cyrl"
            if ch < "\u0250":
                return "latn"
            return "other"
    return ""


COMMON_ENGLISH_ZIPF = 4.0  # an English word this common is a word first (Mother 5.2), not a name (Kyiv 3.1)


@lru_cache(maxsize=50_000)
def _english_word(word: str, floor: float = TRANSLATION_ZIPF) -> bool:
    from .. import lexicon

    return lexicon.zipf(word, "en") >= floor


def _inner_case_slip(minority: str, dominant: str, dominant_count: int, minority_count: int) -> bool:
    """A capital inside a name dropped or added once beside 2+ uses of the other (Desantis /
    DeSantis, Mccarthy / McCarthy, YouTube / Youtube): the same letters, a slip of case. (Words
    in capitals are no candidates; a lower-case first letter is ``extract``'s rare-word case.)"""
    return (minority_count == 1 and dominant_count >= 2 and minority[:1].isupper() and dominant[:1].isupper()
            and not minority.isupper() and not dominant.isupper())


ENGLISH_SPELLING_MARGIN = 0.5


def _accents_dropped(a: str, b: str, lang: str, zipf: Zipf) -> bool:
    """Of two spellings that differ only in accents, the one without is no English name kept
    beside the translated one (Florida beside Flórida: Zipf 4.8 in English, 3.9 in Portuguese)
    but the same name with its accents dropped (Sanchez beside Sánchez, Melenchon beside
    Mélenchon), which word lists count because the web drops accents. Not a French capital
    (Ecosse beside Écosse: French may leave capitals unaccented)."""
    from .. import lexicon

    a, b = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)  # (text saved decomposed)
    if lang == "fr" and len(a) == len(b) and a[1:] == b[1:]:
        return False
    bare = a if len(a.encode()) < len(b.encode()) else b
    return lexicon.zipf(bare, "en") < zipf(bare) + ENGLISH_SPELLING_MARGIN


@lru_cache(maxsize=50_000)
def _known_english(word: str) -> bool:
    from .. import lexicon

    return lexicon.zipf(word, "en") > 0


_WORD_LANGS = ("en", "de", "fr", "es", "pt", "it", "nl")


@lru_cache(maxsize=50_000)
def _languages_knowing(word: str, lang: str, floor: float) -> int:
    """How many other languages written with the Latin alphabet know ``word`` at Zipf >= floor."""
    from .. import lexicon

    folded = word.casefold()
    return sum(1 for other in _WORD_LANGS if other != lang and lexicon.zipf(folded, other) >= floor)


def _word_elsewhere(word: str, lang: str) -> bool:
    """A common word of another language (Stadio in a German text: the Italian name of a
    stadium, not a slip of Stadion)."""
    return _languages_knowing(word, lang, TRANSLATION_ZIPF) > 0


INTERNATIONAL_ZIPF = 1.5
INTERNATIONAL_LANGS = 3


def _international(word: str, lang: str) -> bool:
    """Known (Zipf >= 1.5) to the word lists of 3+ other languages: a name of its own, written
    alike everywhere (Mavic, Mainz, Guterres, Luci), not a slip that one language's text happens
    to hold (Senao, an unaccented senão)."""
    return _languages_knowing(word, lang, INTERNATIONAL_ZIPF) >= INTERNATIONAL_LANGS


COUNTRY_WORD_MIN_LEN = 4
COUNTRY_WORD_MAX_ZIPF = 4.3  # a common word is more likely another name beside the same words
# (la Corse du Sud beside la Corée du Sud; Hong King): kung 3.5, hung 4.2 in English


def _country_name_slip(minority: str, dominant: str, name: tuple[str, ...], lang: str, zipf: Zipf) -> bool:
    """One word of a country's multi-word name misspelt beside the rest of it (Hong Kung / Hong
    Kong, Costa Rika / Costa Rica): ``name``, where ``dominant`` stands, is a CLDR name of a
    country in ``lang``. A country's name is fixed, so one edit inside the word is a slip even
    where it makes a word (kung), though not a common one (Corse du Sud is a place of its own);
    the first and last letters agree, and the spelling names no country itself."""
    fm, fd = fold(minority.casefold()), fold(dominant.casefold())
    if len(fd) < COUNTRY_WORD_MIN_LEN or fm[0] != fd[0] or fm[-1] != fd[-1] or damerau(fm, fd) > 1:
        return False  # (first: the CLDR tables load only for such a pair)
    if zipf(minority) >= COUNTRY_WORD_MAX_ZIPF:
        return False
    from ..style.cldr import country_names

    if " ".join(name).casefold() not in country_names(lang)[1]:
        return False
    return not any(minority.casefold() in names for names in (*country_names(lang), *country_names("en")))


def _long_rare_slip(minority: str, lang: str, length: int, gap: float) -> bool:
    """A 1:1 tie of spellings of 6+ letters, the minority 2 Zipf rarer and no word of another
    language: a long slip seldom makes a word (Intagram 1.6 / Instagram 4.4), so a smaller
    margin than ``TIE_COMMON_MARGIN`` is evidence enough."""
    return length >= TIE_LONG_LEN and gap >= TIE_LONG_MARGIN and not _word_elsewhere(minority, lang)


@lru_cache(maxsize=50_000)
def name_like(word: str, lang: str) -> bool:
    """A common word that is about as common in other languages is an international name
    (Muhammad, Sedan), not an ordinary word of ``lang`` (tramp, parish)."""
    from .. import lexicon

    base = lexicon.zipf(word, lang)
    others = [l for l in _NAME_LANGS if l != lang]
    if lang not in _NAME_LANGS:
        return False
    close = sum(1 for l in others if lexicon.zipf(word, l) >= max(2.0, base - 1.0))
    return close >= 2


CASE_SLIP_RARE_ZIPF = 2.0  # a lower-case word this rare is no word of the language (tiani)
CASE_SLIP_MAX_ZIPF = 4.0  # ... nor one this rare that other languages use as much: a name (putin, caputo)


def name_in_lower_case(word: str, lang: str, zipf: Zipf) -> bool:
    """A lower-case word that is a name written in lower case, not a word of the language that
    some name holds ("Ukrainian railways" beside Ukrainian Railways, "Chicago blues")."""
    z = zipf(word)
    return z <= CASE_SLIP_RARE_ZIPF or (z < CASE_SLIP_MAX_ZIPF and name_like(word, lang))


DEMONYM_MIN_ZIPF = 2.5
PLAIN_COMMON_ZIPF = 4.5  # a spelling without accents this common is a word of its own (papa, marche)


def _accents_dropped_again(minority: str, dominant: str, zipf: Zipf) -> bool:
    """The recurring minority spelling is the majority's without its accents, and no common word,
    nor a place in -es beside its demonym in -ês, each recurring (Gales 3x, Galês 4x)."""
    return more_accented(minority, dominant) == dominant and zipf(minority.lower()) < PLAIN_COMMON_ZIPF \
        and not _demonym_accent(dominant, minority, zipf)


def _demonym_accent(minority: str, dominant: str, zipf: Zipf) -> bool:
    """The minority spelling is the dominant one with its -es stressed, -ês or -és, and a word of
    the language: the demonym of a name in -es (Portuguese Galês of Gales, Spanish galés: Welsh
    beside Wales, a tester's report on NTREX). An accent is dropped by mistake, seldom added."""
    return minority.casefold().endswith(("ês", "és")) and dominant.casefold().endswith("es") \
        and zipf(minority.lower()) >= DEMONYM_MIN_ZIPF


def judge(
    minority: str,
    dominant: str,
    dominant_count: int,
    lang: str | None,
    zipf: Zipf,
    context: bool = False,
    minority_count: int = 1,
    cooccur: bool = False,
    lead: bool = False,
    name: tuple[str, ...] = (),
    in_names: bool | Callable[[], bool] = False,
) -> tuple[str, str] | None:
    """Is ``minority`` a variant spelling of ``dominant``? ``(tier, kind)`` or None.

    ``context`` is True when the two tokens sit at the same place in two multi-word names whose
    other tokens agree (Ahmad Shad Massoud / Ahmad Shah Massoud). ``cooccur`` is True when
    every sentence with the minority form also has the dominant one ("Iran and Iraq"): then only
    Tier A, or a minority form unknown to the word list, is accepted. ``lead`` is True when the
    shared context is the word before the two spellings (San Diego / San giego): then a
    spelling no word list knows may differ at the first letter (``_first_letter_slip``).
    ``name`` is the multi-word name the dominant spelling stands in, when the caller has it (a
    country's name is fixed: ``_country_name_slip``, Hong Kung / Hong Kong). ``in_names`` is
    True when every occurrence of the minority stands in a multi-word capitalised name (or a
    function that tells it, asked only when it matters: the caller's index of names is costly)."""
    lang = (lang or "en")[:2]
    if minority.casefold() == dominant.casefold():
        return ("A", "typo") if _inner_case_slip(minority, dominant, dominant_count, minority_count) else None
    if unicodedata.normalize("NFC", minority) == unicodedata.normalize("NFC", dominant):
        return None  # one spelling, its accents once composed, once decomposed (text pasted from a Mac)
    if not context and min(len(minority), len(dominant)) <= SHORT_WORDS_LEN \
            and min(zipf(minority), zipf(dominant)) >= BOTH_COMMON_ZIPF:
        return None  # two common words of three letters (Nov / New x3): no evidence of one name,
        # whatever the majority or the sentence (beside the rest of the name it may be: Kim Jong)
    fm, fd = fold(minority), fold(dominant)
    if _stray_letter(minority, dominant, lang):
        return None  # Durchmesserƒ, Networksâ: an encoding artefact, not another spelling
    latin = minority if minority.isascii() else minority.translate(_LOOKALIKES)
    if latin != minority and _mixed_script(minority) and not _mixed_script(dominant) \
            and dominant.translate(_LOOKALIKES) == dominant:  # a Latin name (not Москва with a Latin o)
        if latin == dominant:
            return ("A", "typo")  # (before the script and code tests, which take IFNα / IFNβ apart)
        # judged as the Latin word it looks like (Kоng is Kong, no slip of Hong)
        return judge(latin, dominant, dominant_count, lang, zipf, context, minority_count, cooccur, lead, name, in_names)
    if name and _country_name_slip(minority, dominant, name, lang, zipf) and not inflected(minority, dominant, lang):
        return ("A", "diacritic") if fm == fd else ("B", "typo")
    if not cooccur and _vowelless_slip(minority, dominant, fm, fd, zipf):
        return ("B", "typo")
    if _umlaut_spelled_out(minority, dominant):
        return ("A", "transliteration")  # Schaefer / Schäfer: one name, ä written ae (a tester's
        # report: both are words of German, and were taken for two)
    # Two words of the language (Amerika / America, Unies / Unis, Relais / Relay); diacritic
    # pairs only in a 1:1 tie (Flórida / Florida) or when both recur (Gales 3x / Galês 4x:
    # Wales and Welsh; Papa / Papá), unless the accents are the majority's and the plain
    # spelling is no common word (Sánchez 4x / Sanchez 2x: dropped twice, a tester's report):
    # a majority over a spelling used once is evidence enough.
    # (Inside a shared name too when both diacritic spellings recur: "Parlamento Galês" 3x and
    # "Parlamento de Gales" 1x beside "País de Gales" 3x are the adjective and the country.)
    if lang != "en" and (not context or (fm == fd and minority_count >= 2)) \
            and (fm != fd or dominant_count < 2 or (minority_count >= 2 and not _accents_dropped_again(
                minority, dominant, zipf))) \
            and not (fm == fd and minority_count == 1 and _accents_dropped(minority, dominant, lang, zipf)) \
            and _two_words(minority, dominant, zipf, lang, both_recur=minority_count >= 2):
        return None
    if fm == fd:
        if lang == "de" and _umlaut_pair(minority, dominant, zipf):
            return None
        if _demonym_accent(minority, dominant, zipf):
            return None
        return ("A", "diacritic")
    if _script(fm) != _script(fd):
        return None  # Pirelli / Пирелли: a brand written in two scripts, not a misspelling
    if lang == "en" and _commoner_word(fm, fd, lang, zipf):
        return None  # Princess / Princes: a slip seldom makes a commoner word of the language
        # (English only: elsewhere _two_words judges pairs of words)
    if _code_letter_differs(minority, dominant):
        return None  # CCoV / HCoV, NMEs / NCEs, IFNα / IFNβ: other codes, not slips
    truncated = truncation_slip(minority, dominant, minority_count, lang, zipf)
    if not truncated and inflected(minority, dominant, lang):
        return None
    # Putinist / Putinism: two coinages on one name (once, and unknown, still no slip; but an
    # unknown one beside a common word is its slip: Britist / British)
    if sibling_derivations(minority, dominant, lang) \
            and not (zipf(minority) == 0 and zipf(dominant) >= COMMON_WORD_ZIPF):
        return None
    # A derived word (Demokratin, Iranian) is an established word: a minority spelling used
    # once and unknown to the word list (Raikkonin, Virginye) is no derivation but a slip.
    der = _never if derivation_slip(minority, dominant, minority_count, lang, zipf) else derived
    if der(minority, dominant, lang):
        return None
    if _stem_derived(der, minority, dominant, lang):
        return None  # Demokratin / Demokraten
    if lang != "en" and _english_word(minority) and zipf(dominant) >= TRANSLATION_ZIPF \
            and not (context and (minority[:1].islower() or norm(minority) == norm(dominant))) \
            and not _keyboard_slip(minority.casefold(), dominant.casefold()) \
            and (skel(minority) != skel(dominant) or _english_word(minority, COMMON_ENGLISH_ZIPF)
                 or (in_names() if callable(in_names) else in_names)):
        # an English name kept beside its translation: Republican / Republikaner (not a
        # lower-case word in the name's place: "Paris Fashion weep", "Kim jog"; nor a
        # respelling beside the rest of the name, Hong Cong / Hong Kong; nor a letter
        # doubled or two swapped, Gilles / Giles, Pairs / Paris: typos, not translations;
        # nor, outside a name (Kyiv Independent, Democratic Party), the English spelling of a
        # name with the same consonants, the wire's spelling left in a translation: Kyiv /
        # Kiev, Tehran / Teherán, a tester's report; a common English word is kept as a word:
        # Mother beside Mutter)
        return None
    best: tuple[str, str] | None = None
    # One sentence: two names ("Iran and Iraq"), unless the two spellings share a neighbour,
    # which lists do not repeat ("Arte Lamp ... the maker Arta Lamp", "Royal Meil ... Royal Mail")
    if cooccur and not context and zipf(minority) >= COOCCUR_MAX_ZIPF and not _cooccur_slip(fm, fd, zipf(minority), zipf(dominant), dominant_count):
        if min(zipf(minority), zipf(dominant)) >= BOTH_COMMON_ZIPF and dominant_count < 2:
            return None  # two established names in one sentence, neither repeated, are two
            # ("Anna and Ana"), as they are in two sentences (``_judge_stems``)
        if _comparably_known(minority, dominant, zipf):
            return None  # ... and so are two names the word lists know about as well, whatever the
            # majority (the provinces of "Shanxi and Shaanxi": a names tester's report)
        best_a = None
        for sm in stems(minority, lang):
            for sd in stems(dominant, lang):
                if norm(sm) == norm(sd) and not der(sm, sd, lang):
                    best_a = ("A", "transliteration")
        return best_a
    if _short_majority_slip(fm, fd, zipf(minority), dominant_count, minority_count) \
            and not _international(minority, lang):
        return ("B", "transliteration")
    # A spelling used once beside one used 3+ times that is far more common in the language:
    # the majority is evidence like a shared context (Trum / Trump x4, Rece / Rice x6).
    gap = zipf(dominant) - zipf(minority)
    strong = context or (minority_count == 1 and fm[:1] == fd[:1]
                         and ((dominant_count >= STRONG_MAJORITY and gap >= STRONG_MARGIN) or gap >= TIE_COMMON_MARGIN))
    for sm, sd in stem_pairs(minority, dominant, lang):
        verdict = _judge_stems(minority, dominant, sm, sd, dominant_count, minority_count, lang, zipf, strong, der,
                               first_letter=not cooccur, truncated=truncated, lead=lead, named=context)
        if verdict and (best is None or verdict[0] < best[0]):
            best = verdict
            if best[0] == "A":
                return best
    return best


SHORT_MAJORITY = 3
SHORT_MAJORITY_MAX_ZIPF = 2.5


def _short_majority_slip(fm: str, fd: str, z: float, dominant_count: int, minority_count: int) -> bool:
    """A 4-letter name used 3+ times and once with one vowel changed, a spelling the language
    seldom uses (Pelu beside Palu x4): the majority is the evidence a short name otherwise lacks
    (4-letter pairs of words are too often two names: Sara / Sera; and the caller spares a name
    other languages know, Luca x3 / Luci, Yara / Yura)."""
    return (len(fm) == len(fd) == 4 and minority_count == 1 and dominant_count >= SHORT_MAJORITY
            and z < SHORT_MAJORITY_MAX_ZIPF and fm[:1] == fd[:1] and _one_vowel_substitution(fm, fd))


VOWELLESS_MAX_ZIPF = 2.5
SYLLABIC = frozenset("rl")
VOWELLESS_MAX_ENGLISH_ZIPF = 3.0  # English abbreviations: Bldg 2.6, Smg 2.65 (SMG); Ctr 2.97


def _vowelless_slip(minority: str, dominant: str, fm: str, fd: str, zipf: Zipf) -> bool:
    """A capitalised spelling with no vowel left, the other with one more (Smg / Smeg, Wss /
    Wyss): a word has a vowel, so this is a name that lost its vowel, not an abbreviation,
    which a word list knows (Mrs, Std) or which is written in capitals (SMG). Not with an r or
    an l, which make a syllable in Czech, Slovak and Croatian names (Krk, Vlk, Brno, Smrt)."""
    return (len(fm) >= 3 and minority[1:].islower() and not (VOWELS | SYLLABIC) & set(fm)
            and len(fd) == len(fm) + 1 and bool(VOWELS & set(fd)) and damerau(fm, fd) == 1
            and zipf(minority) < VOWELLESS_MAX_ZIPF and _english_zipf(minority) < VOWELLESS_MAX_ENGLISH_ZIPF)


_DOUBLE = re.compile(r"(.)\1+")


def _undouble(s: str) -> str:
    return _DOUBLE.sub(r"\1", s)


def _keyboard_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` differ only in a doubled letter (Gilles / Giles) or in two adjacent
    letters swapped (Pairs / Paris)."""
    if a == b:
        return False
    if _undouble(a) == _undouble(b):
        return True
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


COMMONER_WORD_ZIPF = 3.0
COMMONER_WORD_MARGIN = 0.5
TWO_WORDS_ZIPF = 2.5
TWO_WORDS_MARGIN = 1.0


TWO_WORDS_DE_LEN = 8


def _commoner_word(fm: str, fd: str, lang: str, zipf: Zipf) -> bool:
    """The minority spelling is an ordinary word of the language (Zipf >= 3, not an
    international name) clearly commoner than the spelling it would be a slip of."""
    z = zipf(fm)
    return z >= COMMONER_WORD_ZIPF and z - zipf(fd) >= COMMONER_WORD_MARGIN and not name_like(fm, lang)


def _comparably_known(a: str, b: str, zipf: Zipf) -> bool:
    """Both spellings are known to the word list (Zipf >= 2) about as well (within 1)."""
    za, zb = zipf(a), zipf(b)
    return min(za, zb) >= TIER_C_MAX_ZIPF and abs(za - zb) < TIE_ZIPF_MARGIN


def _two_words(minority: str, dominant: str, zipf: Zipf, lang: str = "", both_recur: bool = False) -> bool:
    """Both spellings are words of the language of comparable frequency: two words (a
    translated name and the original, a feminine and a masculine form), not a slip of one.
    Outside English only: translations keep original names beside translated ones."""
    a, b = fold(minority), fold(dominant)
    if a != b and _undouble(a) == _undouble(b) and not both_recur \
            and _undouble(minority.casefold()) == _undouble(dominant.casefold()):
        return False  # a doubled letter is a typo class of its own (Gerard / Gerrard), unless
        # each spelling recurs (Anitta 2x the singer, Anita 2x Garibaldi), or an accent differs
        # too: two slips at once are rare, two words common (German Kasse / Käse, till and cheese)
    z, zd = zipf(minority), zipf(dominant)
    if z < TWO_WORDS_ZIPF or zd < TWO_WORDS_ZIPF:
        return False
    if lang == "ru" and skel(minority) == skel(dominant) and russian_name(minority) and russian_name(dominant):
        return False  # two transliterations of one name, which the dictionary knows both (Мохаммед /
        # Мухаммед: a names tester's report), not a word and its translation
    # German: two long words (Belichtung / Beleuchtung) are two compounds, whatever their
    # frequencies.
    return abs(z - zd) <= TWO_WORDS_MARGIN or (lang == "de" and min(len(a), len(b)) >= TWO_WORDS_DE_LEN)


@lru_cache(maxsize=50_000)
def established(word: str, lang: str) -> bool:
    """Known to the word list; in compounding languages also a compound whose last part (5+
    letters, after an inflectional ending is removed) is a common word (Diffusionszyklus)."""
    from .. import lexicon

    if lexicon.zipf(word, lang) > 0:
        return True
    if lang not in COMPOUNDING:
        return False
    for stem in stems(word, lang):
        for k in range(1, len(stem) - 4):
            if lexicon.zipf(stem[k:], lang) >= 3.0:
                return True
    return False


_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS = {
    "en": _ASCII_LETTERS,
    "de": _ASCII_LETTERS + "äöüß",
    "fr": _ASCII_LETTERS + "àâæçéèêëîïôœùûüÿ",
    "es": _ASCII_LETTERS + "áéíóúüñ",
    "pt": _ASCII_LETTERS + "áâãàçéêíóôõú",
}


def _code_letter_differs(a: str, b: str) -> bool:
    """The spellings differ by one letter (changed, added or dropped, not moved) that is a
    capital of two abbreviations or codes with two or more capitals each (CCoV / HCoV, NMEs /
    NCEs, NATO / NAT), or a letter of another script (IFNα / IFNβ, IFNs): in such spellings each
    capital or symbol carries a meaning, so a changed one names something else. (A spelling
    that loses the capitals, Comptia for CompTIA, is a slip.)"""
    mixed = _mixed_script(a) or _mixed_script(b)
    if not mixed and (sum(ch.isupper() for ch in a) < 2 or sum(ch.isupper() for ch in b) < 2):
        return False
    la, lb = a.casefold(), b.casefold()
    if len(la) == len(lb):
        diff = [i for i in range(len(la)) if la[i] != lb[i]]
        if len(diff) != 1:
            return False  # a transposition (KPMG / KMPG) or more: a slip, or unrelated
        i = diff[0]
        return mixed or (a[i].isupper() and b[i].isupper())
    if abs(len(la) - len(lb)) != 1:
        return False
    longer, short, lo = (a, lb, la) if len(la) > len(lb) else (b, la, lb)
    i = next((k for k in range(len(short)) if short[k] != lo[k]), len(short))
    return lo[:i] + lo[i + 1:] == short and (mixed or longer[i].isupper())


# Cyrillic letters drawn like Latin ones: a Latin word typed with one of them (Chinа with a
# Cyrillic а, from a keyboard layout or a pasted source) looks right and matches nothing
# (``judge`` reads such a word as the Latin word it looks like). Not Greek: IFNα, TNF-β are
# written so on purpose.
_LOOKALIKES = str.maketrans("аеорсухіјѕԁАВЕКМНОРСТХІЈЅ", "aeopcyxijsdABEKMHOPCTXIJS")


def _mixed_script(word: str) -> bool:
    """Latin letters and letters of another script in one word (IFNα, not Пирелли)."""
    letters = [ch for ch in word if ch.isalpha()]
    return any(ch < "\u0250" for ch in letters) and any(ch >= "\u0370" for ch in letters)


def _stray_letter(minority: str, dominant: str, lang: str) -> bool:
    """The minority is the other spelling plus one letter at either end that the language's
    alphabet lacks (Durchmesserƒ, Networksâ in German: mojibake of a quote or a dash)."""
    alphabet = ALPHABETS.get(lang)
    if alphabet is None or len(minority) != len(dominant) + 1:
        return False
    if minority.startswith(dominant):
        extra = minority[-1]
    elif minority.endswith(dominant):
        extra = minority[0]
    else:
        return False
    return extra.casefold() not in alphabet


COOCCUR_SLIP_MAX_ZIPF = 1.5
COOCCUR_SLIP_MIN_LEN = 7
COOCCUR_VOWEL_MARGIN = 1.0


def _cooccur_slip(fm: str, fd: str, z: float, zd: float, dominant_count: int = 1) -> bool:
    """A long, very rare spelling one edit from the other form of its sentence is a slip,
    not a second name ("the University of Hong Kong and the Chinese Univesity of Hong Kong");
    so is a rare spelling (5+ letters, Zipf < 2) beside a name 2+ Zipf more common ("In
    Ukraina they report ... Ukraine": two names of one sentence are both established); and a
    4-letter one that lost a letter of such a name the text uses 3+ times ("Donald Trum ...
    the Trump campaign", Trump x3): the majority is the evidence a short spelling otherwise
    lacks (not a letter swapped: IRNA, the agency, written Irna beside Iran x3); and a rare
    spelling with another vowel of a name the text uses 3+ times, 1+ Zipf commoner ("the Taliban
    and the Taleban", Taliban x3: a tester's report; not Iran and Iraq, other consonants)."""
    if damerau(fm, fd) != 1:
        return False
    if z < COOCCUR_SLIP_MAX_ZIPF and min(len(fm), len(fd)) >= COOCCUR_SLIP_MIN_LEN:
        return True
    if z >= TIER_C_MAX_ZIPF:
        return False
    if dominant_count >= SHORT_MAJORITY and zd - z >= COOCCUR_VOWEL_MARGIN and len(fm) == len(fd) \
            and min(len(fm), len(fd)) >= MIN_LEN_BC and skel(fm) == skel(fd):
        return True
    if zd - z < STRONG_MARGIN:
        return False
    if len(fm) == MIN_LEN_BC - 1 and len(fd) == MIN_LEN_BC and dominant_count >= SHORT_MAJORITY:
        return True
    return min(len(fm), len(fd)) >= MIN_LEN_BC


FIRST_LETTER_MIN_LEN = 8
FIRST_LETTER_KNOWN_MIN_LEN = 5
FIRST_LETTER_COMMON_MIN_LEN = 6
FIRST_LETTER_COMMON_ZIPF = 2.5
# Letters a transliteration swaps at the start of a name (Kentro / Centro, Aurope / Europe)
FIRST_LETTER_CLASSES = ("ae", "ou", "ei", "ijy", "au", "sz", "kgqc", "vwf")
_CHEAP_FIRST = frozenset((a, b) for cls in FIRST_LETTER_CLASSES for a in cls for b in cls if a != b)
LOWER_FIRST_LETTER_MIN_LEN = 6


def _cheap_first_letter(a: str, b: str) -> bool:
    """The first letters differ within a transliteration class (k / c, y / i, z / s)."""
    return a[:1] != b[:1] and (a[:1], b[:1]) in _CHEAP_FIRST


SHORT_FIRST_LETTER_LEN = 4  # at 4 letters only a transliteration alternative (Yran / Iran)
RARE_ENGLISH_ZIPF = 2.0
UNKNOWN_PAIR_MIN_LEN = 6


def _unknown_here(word: str, zipf: Zipf) -> bool:
    """Unknown to the language's word list and rare in English (Zipf < 2): a transliteration
    slip of a name the English list happens to hold (Yohn, Celly) counts as unknown."""
    return zipf(word) == 0 and _english_zipf(fold(word)) < RARE_ENGLISH_ZIPF


def _transliterated_first_letter(fm: str, fd: str, minority: str, dominant: str, zipf: Zipf) -> bool:
    """The first letter substituted by its transliteration alternative (Yran / Iran, Celly /
    Kelly), the spelling unknown here (``_unknown_here``), the other known to a word list."""
    return _unknown_here(minority, zipf) and (zipf(dominant) > 0 or _known_english(fd)) \
        and (_cheap_first_letter(fm, fd) or _cheap_first_letter(norm(minority), norm(dominant)))


# Keyboard rows (QWERTY, ЙЦУКЕН), each shifted half a key right of the one above
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
_KEY_AT = {ch: (r, i) for r, row in enumerate(_KEY_ROWS) for i, ch in enumerate(row)}
FIRST_LETTER_KEY_ZIPF = 2.0


def adjacent_keys(a: str, b: str) -> bool:
    """``a`` and ``b`` are neighbouring keys (g / t, j / h, j / m): one typed for the other."""
    pa, pb = _KEY_AT.get(a), _KEY_AT.get(b)
    if pa is None or pb is None or pa[0] // 3 != pb[0] // 3 or a == b:
        return False
    (ra, ia), (rb, ib) = pa, pb
    if ra == rb:
        return abs(ia - ib) == 1
    if abs(ra - rb) != 1:
        return False
    upper, lower = ((ia, ib) if ra < rb else (ib, ia))
    return upper - lower in (0, 1)  # the key below-left and below-right of an upper-row key


def _first_letter_slip(fm: str, fd: str, minority: str, dominant: str, lang: str, zipf: Zipf,
                       lead: bool = False) -> bool:
    """A 1:1 tie that differs only at the first letter (substituted, inserted, dropped or
    swapped with the second: Lifracombe / Ilfracombe, Lilfracombe), 8+ letters, both rare in
    the language and one unknown to the language's and the English word list (not Lambert /
    Gambert); or, 6+ letters, a lower-case spelling unknown to both word lists; or, 5+ letters,
    a spelling unknown to both word lists after the same word as the other (``lead``: San
    giego / San Diego, Wave epace / Wave Space); or, 6+ letters, a vowel and a consonant
    swapped at the start of a spelling no word list knows beside a name the language uses much
    (Dverest / Everest). Not a shared word after them: a surname is shared by people whose
    first names differ (Gambert Smith / Lambert Smith)."""
    lower = minority[:1].islower()
    if not (fm[1:] == fd[1:] or fm[1:] == fd or fm == fd[1:]
            or (fm[2:] == fd[2:] and fm[:2] == fd[1::-1])):
        return False
    if lead and min(len(fm), len(fd)) >= FIRST_LETTER_KNOWN_MIN_LEN and zipf(minority) == 0 \
            and not _known_english(fm):
        return True
    if not lower and len(fm) == len(fd) == SHORT_FIRST_LETTER_LEN:
        return _transliterated_first_letter(fm, fd, minority, dominant, zipf)
    if min(len(fm), len(fd)) < (LOWER_FIRST_LETTER_MIN_LEN if lower else FIRST_LETTER_KNOWN_MIN_LEN):
        return False
    if lower:  # a lower-case spelling no word list knows: "les lscars" for "les Oscars"
        return zipf(minority) == 0 and not _known_english(fm)
    # A spelling no word list knows beside a known name, 5+ letters: a letter added, dropped or
    # swapped at the start (Bvaltteri / Valtteri, Nista / Insta), or one substituted by a
    # transliteration alternative (Ynsta / Insta, Zchumacher / Schumacher, Ырина / Ирина),
    # also as written when ``norm`` rewrites a digraph (Khina / China: kh -> h);
    # another substituted letter only from 8 letters (Knstagram; not Gambert / Lambert), or
    # from 6 beside a name the language uses much when a vowel and a consonant swap places
    # (Dverest / Everest, Auebec / Quebec: a name seldom differs from another so), or, from 6
    # beside a name the language knows, a key next to the right one (Jernan / Hernan, Gheresa /
    # Theresa: a typing slip; not Gambert / Lambert, Badrid / Madrid, Fernan / Hernan).
    if min(len(fm), len(fd)) >= FIRST_LETTER_KNOWN_MIN_LEN and zipf(minority) == 0 and not _known_english(fm) \
            and (zipf(dominant) > 0 or _known_english(fd)):
        if len(fm) != len(fd) or fm[:2] == fd[1::-1] or min(len(fm), len(fd)) >= FIRST_LETTER_MIN_LEN \
                or (min(len(fm), len(fd)) >= FIRST_LETTER_COMMON_MIN_LEN and zipf(dominant) >= FIRST_LETTER_COMMON_ZIPF
                    and (fm[:1] in VOWELS) != (fd[:1] in VOWELS)) \
                or (min(len(fm), len(fd)) >= FIRST_LETTER_COMMON_MIN_LEN and adjacent_keys(fm[:1], fd[:1])
                    and (zipf(dominant) >= FIRST_LETTER_KEY_ZIPF or _known_english(fd))):
            return True
    if min(len(fm), len(fd)) >= FIRST_LETTER_KNOWN_MIN_LEN and len(fm) == len(fd) \
            and _transliterated_first_letter(fm, fd, minority, dominant, zipf):
        return True
    if len(fm) != len(fd) and min(len(fm), len(fd)) >= UNKNOWN_PAIR_MIN_LEN \
            and all(zipf(w) == 0 and not _known_english(fold(w)) for w in (minority, dominant)):
        return True  # a letter added or dropped before a name no word list knows (Zplyamka /
        # Plyamka, Aryali / Haryali): two unknown names one initial apart are seldom two names
    if min(len(fm), len(fd)) < FIRST_LETTER_MIN_LEN:
        return False
    if max(zipf(minority), zipf(dominant)) > TIE_MAX_ZIPF:
        return False
    return any(zipf(w) == 0 and not _known_english(fold(w)) for w in (minority, dominant))


def truncation_slip(minority: str, dominant: str, minority_count: int, lang: str, zipf: Zipf) -> bool:
    """A once-used spelling that is the other cut short where an inflectional ending seems to
    start (Netfli / Netflix, Thuring / Thuringe, Prese / Presse), rare (Zipf < 2) and 3+ Zipf
    rarer than the longer spelling: a base form is seldom that much rarer than its inflected
    form, so this is a truncated name, not its stem. (Not in languages with many cases, whose
    rare case forms no word list knows, ``morph.CASE_LANGUAGES``; and never a longer minority:
    Bidens / Biden.)"""
    if minority_count > 1 or lang in CASE_LANGUAGES:
        return False
    if lang == "de" and minority[:1].islower() and dominant[:1].isupper() and not name_like(fold(dominant), lang):
        return False  # German capitalises nouns: a lower-case stem is a verb form (aufheize / Aufheizen);
        # not of an international name (wagne / Wagner)
    z, zd = zipf(minority), zipf(dominant)
    if len(fold(minority)) >= len(fold(dominant)):
        # Not a shorter spelling: one whose ending only replaces another ending of the word
        # (Pausse / Pause: paus-se / paus-e; Françaies / Français: -es / -s), that no word list
        # knows, beside a word (Zipf >= 2): the word list has the inflected forms of a word.
        # (The word plus an ending, Bidens / Biden, stays an inflection.)
        return z == 0 and zd >= TIER_C_MAX_ZIPF and _swapped_ending(minority, dominant, lang) \
            and not _known_english(fold(minority))
    if z == 0 and zd >= TIER_C_MAX_ZIPF and not _known_english(fold(minority)):
        return True  # no word list knows the short spelling; the long one is a word (Zipf >= 2;
        # not Fusstapfe / Fusstapfen 1.3 in Text+Berg: a rare Swiss spelling of a German noun)
    return _far_rarer(z, zd)


def _swapped_ending(a: str, b: str, lang: str) -> bool:
    """``a`` and ``b`` share a stem only through two different, non-empty endings, and neither
    is the other plus an ending."""
    if ending_edit(a, b, lang):
        return False
    ends_b = {}
    for stem, e in stem_endings(b, lang):
        if e:
            ends_b.setdefault(stem, set()).add(e)
    return any(e and stem in ends_b and ends_b[stem] - {e} for stem, e in stem_endings(a, lang))


def _far_rarer(z: float, zd: float) -> bool:
    """A rare word (Zipf < 2) 3+ Zipf rarer than the other spelling: a slip of it rather than
    its base or derived form (truncation_slip, derivation_slip)."""
    return z < TIER_C_MAX_ZIPF and zd - z >= TIE_COMMON_MARGIN


def derivation_slip(minority: str, dominant: str, minority_count: int, lang: str, zipf: Zipf) -> bool:
    """A once-used spelling that looks like a derivation of the other is a slip when no word
    list knows it (Raikkonin, Virginye) or when it is a rare word (Zipf < 2) 3+ Zipf rarer than
    the other (Europea / European, Badin / Baden: a truncated or mistyped name that happens to
    be a base plus a suffix, not a derived word in use). Never a Slavic feminine surname, named
    once too (Yulia Navalnaya beside Navalny: a wife or a daughter), nor, outside English, a
    lower-case spelling beside a capitalised one: an adjective or a demonym, which these
    languages write in lower case and word lists seldom know (kabulí, lessinois): longer than
    the name, and not the name with a letter doubled, the commonest typo (iowaa, sciencees)."""
    if minority_count > 1 or slavic_feminine(minority, dominant):
        return False
    if lang == "en" and _demonym_in_i(fold(minority), fold(dominant)) and zipf(dominant) < DEMONYM_BASE_MAX_ZIPF:
        return False
    if lang != "en" and minority[:1].islower() and dominant[:1].isupper():
        fm, fd = fold(minority), fold(dominant)
        if len(fm) > len(fd) and not _keyboard_slip(fm, fd):
            return False
    return not established(minority, lang) or _far_rarer(zipf(minority), zipf(dominant))


DEMONYM_BASE_MAX_ZIPF = 3.5  # a commoner place has its demonym in the word list (Israeli, Nepali)


def _demonym_in_i(fm: str, fd: str) -> bool:
    """English demonyms of places of Persian, Arabic and South Asian names: the name ending in a
    consonant plus -i (Helmandi, Kandahari, Panjshiri beside Helmand, Kandahar, Panjshir: a
    tester's report on the sample's region), which word lists seldom know, as they seldom know
    the place (the caller's test; not Brazili beside Brazil: a review)."""
    return len(fd) >= 4 and fd[-1:] not in "aeiouy" and fm in (fd + "i", fd + "is")


_UMLAUTS_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _umlaut_spelled_out(a: str, b: str) -> bool:
    """The two spellings are one with its umlauts written out as ae, oe, ue (Schäfer /
    Schaefer, Müller / Mueller): the German convention where umlauts are not to
    hand, one name."""
    ca, cb = a.casefold(), b.casefold()
    return ca != cb and ca.translate(_UMLAUTS_SPELLED_OUT) == cb.translate(_UMLAUTS_SPELLED_OUT)


def _one_letter_more(a: str, b: str) -> bool:
    """One of two spellings is the other with one letter added (Webber / Weber, Theresa / Teresa)."""
    if len(a) < len(b):
        a, b = b, a
    return len(a) == len(b) + 1 and any(a[:i] + a[i + 1:] == b for i in range(len(a)))


def _dropped_letter(fm: str, fd: str) -> bool:
    """The minority spelling has 3 letters and is the 4-letter one with a letter after the first
    dropped (Zet / Zeit, Hih / High, jng / Jong): the commonest typo. Not the other way round
    (a rare "DALYs" is no slip of "Day"; round 5 first allowed it, for Sea / Sena, and dropped
    it on a TICO-19 false positive), and not a substituted letter in a 3-letter word (Lee /
    Leo), which makes another name too often to be judged."""
    if len(fm) != MIN_LEN_CONTEXT - 1 or len(fd) != MIN_LEN_CONTEXT or fm[:1] != fd[:1]:
        return False
    return any(fd[:i] + fd[i + 1:] == fm for i in range(1, len(fd)))


UNKNOWN_WORD_MIN_LEN = 6


def unknown_word(word: str, zipf: Zipf) -> bool:
    """6+ letters and unknown to the language's and the English word list (britlish)."""
    return len(word) >= UNKNOWN_WORD_MIN_LEN and zipf(word) == 0 and not _known_english(fold(word))


def _never(*_args, **_kwargs) -> bool:
    return False


def _stem_derived(der, minority: str, dominant: str, lang: str) -> bool:
    """A stem of one spelling plus a derivational suffix gives a stem of the other
    (Demokratin / Demokraten: demokrat + in). Between two capitalised spellings one vowel
    apart, a stem that lost its ending already does not lose a final vowel too (Kanie / Kanye
    is no kan + ie, Grein / Green no gre + in; Rasierens / Rasierers stays a derivation)."""
    whole = {fold(minority), fold(dominant)}
    respelling = _one_vowel_substitution(minority, dominant) and minority[:1].isupper() and dominant[:1].isupper()
    for x in stems(minority, lang):
        for y in stems(dominant, lang):
            short = x if len(x) < len(y) else y
            if der(x, y, lang, strip_vowel=not respelling or short in whole):
                return True
    return False


def _one_vowel_substitution(a: str, b: str) -> bool:
    """The spellings differ in one vowel (y counted), nothing else: a transliteration shape."""
    fa, fb = fold(a), fold(b)
    if len(fa) != len(fb):
        return False
    diff = [(x, y) for x, y in zip(fa, fb) if x != y]
    return len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS


def _judge_stems(minority, dominant, sm, sd, dominant_count, minority_count, lang, zipf, context, der=derived,
                 first_letter=True, truncated=False, lead=False, named=False):
    """``context``: evidence beyond the spellings (a shared neighbour or a strong majority);
    ``named``: the shared neighbour (Ahmad Shad Massoud / Ahmad Shah Massoud)."""
    nm, nd = norm(sm), norm(sd)
    if not nm or not nd:
        return None
    fm, fd = fold(sm), fold(sd)
    if lang == "de" and fm == fd and _umlaut_pair(sm, sd, zipf):
        return None
    length = min(len(fm), len(fd))
    z, zd = zipf(minority), zipf(dominant)
    # Two established spellings (both common words or names), neither repeated: no evidence
    # that they are one name (Alan/Allan, Brittany/Britain), unless one is the other with a
    # letter more beside the rest of the same name (Hans Weber / Hans Webber, Thom / Tom Browne;
    # not John Bell / John Ball, Maria Silva / Maria Selva: a vowel apart, two surnames).
    both_common = z >= BOTH_COMMON_ZIPF and zd >= BOTH_COMMON_ZIPF
    if both_common and dominant_count < 2 and not (context and _one_letter_more(fm, fd)):
        return None
    if both_common and context and minority_count >= 2 and dominant_count < STRONG_RATIO * minority_count:
        return None  # both recur, in like numbers: the same first name is no evidence of one name
        # (John Bell 2x / John Ball 2x: a slip is seldom repeated; a second tester's report).
        # Without it the spellings stand on their own (Kyiv 5x / Kiev 2x, Muhammad / Mohammed)
    if nm == nd:
        if der(sm, sd, lang):
            return None
        if length <= 4 and fm[:1] != fd[:1] and not context and not _unknown_here(minority, zipf):
            return None  # short names: Jong/Yong, Yury/Jury (not Djohn, Qris, Yohn: unknown here;
            # nor beside the rest of the name: Hong Cong / Hong Kong)
        return ("A", "transliteration")
    min_len = MIN_LEN_CONTEXT if context or z <= SHORT_MAX_ZIPF else MIN_LEN_BC
    if length < min_len and not (context and z <= TIER_C_MAX_ZIPF and _dropped_letter(fm, fd)):
        return None
    # A final vowel is a gender or language ending: two names when both spellings are words
    # (Mario / Maria) or both recur (Portulaca 3x / Portulak 8x: Latin and German).
    # (Chila 2.3 / Chile 5.2: a word far rarer than the name is a slip, not a second name)
    final_vowel = _final_vowel_only(fm, fd)
    if (final_vowel or _final_vowel_only(nm, nd)) \
            and ((min(z, zd) >= 2.0 and zd - z < STRONG_MARGIN) or minority_count >= 2):
        return None
    # A lower-case word of the language ending in another vowel is the name's adjective in a
    # gendered language (macedónio / Macedónia), not a slip (beattia, unknown: a slip).
    # (another vowel: a dropped one is a truncated name, repúblic / República)
    if final_vowel and z > 0 and minority.islower() and not dominant.islower() and fm[-1:] in "aeiouy":
        return None
    if der(sm, sd, lang) or (lang in COMPOUNDING and not _slip_of_common_word(minority, minority_count, z, zd)
                             and _compound_part_differs(sm, sd, zipf, z == 0)):
        return None
    if skel(nm) == skel(nd):
        dist = cheap_distance(nm, nd)
        if both_common and not cheap_substitutions_only(nm, nd):
            dist = None  # established spellings differ by substitutions only (Mohammed/Muhammad;
            # not Brittany / Britain, "britani" / "britain": a letter moved)
        if dist is not None and dist <= (1 if length <= 6 else 2):
            if z < TIER_B_MAX_ZIPF or name_like(fold(minority), lang) or (lang == "ru" and russian_name(minority)):
                return ("B", "transliteration")
    limit = 2 if length >= 10 else 1
    written = damerau(fm, fd)
    dl = min(damerau(nm, nd), written)
    if written > limit + 1:
        return None  # a typo is an edit of the letters as written: one on the normalised form
        # that takes three on the letters is two spellings (Matěj / Malley: matei / malei)
    if dl == 2 and (z > 0 or _known_english(fold(minority))):
        return None  # two edits: only a spelling no word list knows (not Headmistresses / Headmasters)
    if not named and fold(sm) == fold(minority) and fold(sd) != fold(dominant) \
            and damerau(fold(minority), fold(dominant)) > limit + 1:
        return None  # a whole spelling near only the other's stem, three letters apart as written:
        # two names (Hayya / Hamas, stem "hama": a tester's report), not Taleban / Talibans
    if 0 < dl <= limit and (truncated or not ending_edit(sm, sd, lang) or suspect_ending(minority, dominant, lang)):
        # a spelling the language knows (Zipf above TIER_C_MAX_ZIPF) is a slip beside the
        # rest of the name; on a majority only as written, not once stemmed (Tragens / Tagen:
        # trag / tag), in a 1:1 tie at 5+ letters (Wilk / Will: two names), and when other
        # languages do not know it too (Mavic / Magic, Mainz / Main: names of their own)
        slip_in_name = named and lead and minority_count == 1 and dominant_count >= 2 and z <= TIER_C_MAX_ZIPF_NAMED \
            and (zd < z or not name_like(fold(minority), lang))
        if z <= TIER_C_MAX_ZIPF or slip_in_name \
                or (context and z <= TIER_C_MAX_ZIPF_CONTEXT and (named or (
                (length >= MIN_LEN_BC or dominant_count >= 2) and damerau(fold(minority), fold(dominant)) <= limit
                and not _international(minority, lang)))):
            # Typos are seldom repeated: a minority seen twice needs a 3x majority.
            if dominant_count >= 2 and (minority_count == 1 or dominant_count >= 3 * minority_count):
                return ("C", "typo")
            # A 1:1 tie: an unknown spelling next to the other (the caller makes the rarer
            # one in the language the minority); a typo seldom changes the first letter.
            # (or a rare spelling beside a much more common word: Univesity / University)
            # In a shared context (Thom Browne / Thon Browne) the tie needs no more evidence.
            if fm[:1] == fd[:1] and (context or z <= TIE_MAX_ZIPF or zd - z >= TIE_COMMON_MARGIN
                                     or _long_rare_slip(minority, lang, length, zd - z)):
                return ("C", "typo")
            # (not in one sentence: a list of names such as Хангаласским, Мегино-Кангаласским)
            if first_letter and fm[:1] != fd[:1] and z <= TIE_MAX_ZIPF and _first_letter_slip(fm, fd, minority, dominant, lang, zipf, lead):
                return ("C", "typo")
    return None
