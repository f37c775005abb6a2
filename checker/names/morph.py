"""Step 0 of name comparison: inflection and derivation are never spelling variants.

* ``stems(form, lang)``: the form and the stems left by removing one of the language's
  inflectional endings (at least 4 letters must remain). Two forms that share a stem are
  inflections of one name (Soviet/Soviets, Путин/Путина, Deutschlands/Deutschland); they are
  grouped and never reported against each other.
* ``derived(a, b, lang)``: one form is the other plus a derivational suffix (Afghan/Afghanistan,
  Iran/Iranian, Portugal/Portuguese).
* ``russian_lemmas(form)``: pymorphy3 normal forms of the parses tagged as a name, surname,
  patronymic, place or organisation (Russian only; pymorphy3 is imported lazily).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .normalize import damerau, fold, norm

MIN_STEM = 4
MIN_STEM_RU = 3  # Яхья / Яхью

# Inflectional endings of proper names per language (case-folded). "" is implied.
ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("s", "es", "'s", "’s"),
    "de": ("s", "es", "n", "en", "ns", "e", "er", "em", "ern", "se", "sen", "ses"),
    "fr": ("s", "x", "e", "es"),
    "es": ("s", "es"),
    "pt": ("s", "es"),
    "it": ("i", "e"),
    "nl": ("s", "en"),
    "ru": (
        "а", "я", "у", "ю", "ом", "ем", "ём", "ым", "им", "ой", "ей", "ёй", "е", "и", "ы", "ов", "ев",
        "ёв", "ого", "его", "ому", "ему", "ую", "юю", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие",
        "ых", "их", "ыми", "ими", "ам", "ям", "ами", "ями", "ах", "ях", "ь", "ью", "й", "ин", "ина",
        "ину", "ины", "ой", "ом",
    ),
    "uk": ("а", "я", "у", "ю", "ом", "ем", "ім", "ий", "ій", "ого", "ому", "і", "и", "ів", "ої", "ою",
           "ї", "ія", "ії", "ію", "ією", "ею", "ові", "еві", "ам", "ям", "ами", "ями", "ах", "ях"),
    # Other Slavic languages decline names too (Trump, Trumpa, Trumpu; Ardernová, Ardernové)
    "be": ("а", "я", "у", "ю", "ам", "ем", "ым", "ім", "ы", "і", "е", "ай", "ой", "ою", "ей", "ая", "ага",
           "аму", "ых", "іх", "ах", "ях", "ў"),
    "cs": ("a", "á", "o", "ý", "u", "e", "ě", "y", "i", "ovi", "em", "ou", "ů", "ům", "ech", "ích", "ami", "ové", "ou",
           "é", "ého", "ému", "ém", "ým", "ými", "ých", "í", "ím", "ími", "ách", "ám"),
    "sk": ("a", "á", "o", "ý", "u", "e", "y", "i", "ovi", "om", "ou", "ov", "och", "ami", "é", "ého", "ému", "ej", "ým",
           "ými", "ých", "í", "ím", "ách", "ám", "ia", "iu"),
    "pl": ("a", "o", "u", "owi", "em", "ie", "e", "ę", "ą", "y", "i", "ów", "om", "ami", "ach", "ego", "emu",
           "ym", "ej", "im", "ich", "imi", "ymi", "ych"),
    "hr": ("a", "o", "u", "om", "em", "e", "i", "ima", "ama", "ovi", "ove", "ova", "evi", "eve", "ih", "im",
           "oj", "og", "ome", "ega", "emu", "ogu"),
    "sl": ("a", "u", "om", "em", "i", "e", "ih", "im", "ov", "ev", "ama", "ema", "ami", "ah", "o"),
}
# Serbian and Bosnian decline as Croatian does (Serbian in either script: Latin here).
ENDINGS["sr"] = ENDINGS["bs"] = ENDINGS["hr"]
_DEFAULT_ENDINGS: tuple[str, ...] = ("s",)

# Derivational suffixes: a form that is another form plus one of these is a different word.
DERIVATIONS: dict[str, tuple[str, ...]] = {
    "en": ("ian", "ians", "an", "ans", "i", "is", "ese", "ish", "istan", "ism", "ist", "ists", "ite", "ites",
           "ic", "n", "ns", "ia", "a"),
    "de": ("er", "ern", "erin", "erinnen", "isch", "ische", "ischen", "ischer", "isches", "ismus", "ist",
           "isten", "ie", "ien", "e", "en", "in", "innen", "land", "stan", "chen", "lein"),
    "fr": ("ien", "iens", "ienne", "iennes", "ais", "aise", "aises", "ois", "oise", "oises", "ain", "aine",
           "ains", "aines", "an", "ane", "ans", "isme", "iste", "istes", "ie", "e", "es", "stan", "n", "ne", "nne",
           "nnes", "ns"),
    "es": ("ano", "anos", "ana", "anas", "ense", "enses", "és", "esa", "eses", "esas", "í", "íes", "ismo",
           "ista", "istas", "ia", "ía", "o", "a", "os", "as", "istán", "stán"),
    "pt": ("ano", "anos", "ana", "anas", "ense", "enses", "ês", "esa", "eses", "esas", "iano", "iana",
           "ismo", "ista", "istas", "ia", "o", "a", "os", "as", "istão", "stão"),
    "ru": ("ский", "ская", "ское", "ские", "цы", "ец", "цев", "цам", "цами", "цах", "ка", "ия", "ии", "ию",
           "стан"),
}


def endings(lang: str | None) -> tuple[str, ...]:
    return ENDINGS.get((lang or "en")[:2], _DEFAULT_ENDINGS)


@lru_cache(maxsize=64)
def _endings_by_last(lang: str | None) -> dict[str, tuple[str, ...]]:
    """The endings of ``lang`` by their last letter, in their order: a form is tried only with
    the endings it can have (Russian has 53)."""
    out: dict[str, list[str]] = {}
    for ending in endings(lang):
        out.setdefault(ending[-1:], []).append(ending)
    return {last: tuple(group) for last, group in out.items()}


def _possible_endings(f: str, lang: str | None) -> tuple[str, ...]:
    """The endings of ``lang`` that end with the last letter of ``f``, in their order."""
    return _endings_by_last(lang).get(f[-1:], ())


def stem_pairs(a: str, b: str, lang: str | None):
    """Pairs of stems of ``a`` and ``b`` worth comparing: the same ending removed from both,
    or one form whole and the other without a plural -s/-es (Taleban / telebans)."""
    sa, sb = stem_endings(a, lang), stem_endings(b, lang)
    for x, ex in sa:
        for y, ey in sb:
            if ex == ey or (ex == "" and ey in _PLURAL) or (ey == "" and ex in _PLURAL):
                yield x, y


_PLURAL = frozenset({"s", "es"})
# Languages that decline names in many cases: stems may be short (Яхья / Яхью, Praha / Prahy),
# and a case form no word list knows is still no slip (cjepivom / cjepivo)
CASE_LANGUAGES = frozenset({"ru", "uk", "be", "cs", "sk", "pl", "hr", "sr", "bs", "sl"})


@lru_cache(maxsize=65_536)  # (a large corpus fills it: 10-20 MB)
def stem_endings(form: str, lang: str | None) -> tuple[tuple[str, str], ...]:
    f = unicodedata.normalize("NFC", form).casefold()
    min_stem = MIN_STEM_RU if (lang or "")[:2] in CASE_LANGUAGES else MIN_STEM
    out = [(f, "")]
    for ending in _possible_endings(f, lang):
        if f.endswith(ending) and len(f) - len(ending) >= min_stem and not _doubled_ending(f, ending, lang):
            out.append((f[: -len(ending)], ending))
    return tuple(out)


def _doubled_ending(f: str, ending: str, lang: str | None) -> bool:
    """Not really that ending: a doubled letter ("Chamberss" is no plural of "Chambers": plurals
    of -s names take -es; "Дубаяя" is no case of "Дубай") or a tripled one (Vertesssen is no
    Vertess + -sen beside Vertess + -en: a slip of Vertessen); in Spanish and Portuguese, -es
    after a vowel ("Lewies": plurals after a vowel take -s); German, see ``_not_german_ending``."""
    if len(f) <= len(ending):
        return False
    before = f[-len(ending) - 1]
    if before == ending[0] and len(set(ending)) == 1:
        return True
    if f[-len(ending) - 2 : -len(ending)] == ending[0] * 2:
        return True  # a letter tripled across the boundary ("Vertesssen" is no Vertess-sen)
    if (lang or "")[:2] == "de":
        return _not_german_ending(f, ending, before)
    return ending == "es" and (lang or "")[:2] in ("es", "pt") and before in "aeiouáéíóúâêôãõ"


_DE_VOWELS = frozenset("aeiouyäöü")
_DE_DIPHTHONGS = frozenset({"au", "ei", "eu", "äu", "ai"})


def _not_german_ending(f: str, ending: str, before: str) -> bool:
    """German: an ending in -e (-e, -en, -er, -es, -em, -ern) does not follow a single vowel
    (Magoni / "Magonie", Partneri- / "Partnerien"; after a diphthong it does: Frauen, Parteien),
    and -n / -ns follow only -e, -el, -er (Reihen, Kugeln, Bauern; not "Partnerin" as a case
    of a stem "Partneri")."""
    if ending[0] == "e":
        return before in _DE_VOWELS and f[-len(ending) - 2 : -len(ending)] not in _DE_DIPHTHONGS
    if ending in ("n", "ns"):
        return before not in "elr"
    return False


@lru_cache(maxsize=65_536)  # (a large corpus fills it: 10-20 MB)
def stems(form: str, lang: str | None) -> frozenset[str]:
    """The case-folded form and its stems after removing one inflectional ending."""
    pairs = stem_endings(form, lang)
    out = {stem for stem, _ in pairs}
    f = pairs[0][0]  # the whole form, case-folded
    if (lang or "en")[:2] == "en" and f.endswith("ies") and len(f) >= 6:
        out.add(f[:-3] + "y")  # Tory / Tories
    return frozenset(out)


def inflected(a: str, b: str, lang: str | None) -> bool:
    """Same stem of at least 4 letters with endings from the language's set (or, for Russian,
    the same name lemma)."""
    if stems(a, lang) & stems(b, lang):
        if not suspect_ending(a, b, lang):
            return True
    if (lang or "")[:2] == "ru":
        la, lb = russian_lemmas(a), russian_lemmas(b)
        if la & lb and not russian_stem_slip(a, b):
            return True
        # A surname form the dictionary does not know: the other form plus a feminine or case
        # ending, with the other form as its predicted surname lemma (Рябкова, Рябковым ->
        # Рябков, which pymorphy3 knows only as a noun form).
        if _surname_form(a, b) or _surname_form(b, a):
            return True
    return False


_SURNAME_ENDINGS = frozenset({"а", "ой", "у", "ым", "ом", "е", "ы", "ых", "ими", "ыми", "ую"})


def _surname_form(base: str, form: str) -> bool:
    """``form`` is ``base`` plus a surname ending and parses as a surname of lemma ``base``."""
    fb = unicodedata.normalize("NFC", base).casefold()
    ff = unicodedata.normalize("NFC", form).casefold()
    if not ff.startswith(fb) or ff[len(fb):] not in _SURNAME_ENDINGS or not russian_unknown(form):
        return False
    return fb in russian_surname_lemmas(form)


@lru_cache(maxsize=100_000)
def russian_surname_lemmas(form: str) -> frozenset[str]:
    """Normal forms of ``form``'s parses tagged as a surname."""
    try:
        morph = _analyzer()
    except ImportError:
        return frozenset()
    return frozenset(p.normal_form for p in morph.parse(form) if "Surn" in str(p.tag))


_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=64)
def _folded_suffixes(lang: str | None) -> frozenset[str]:
    return frozenset(fold(s) for s in DERIVATIONS.get((lang or "en")[:2], DERIVATIONS["en"]))


# Slavic surnames written in Latin letters take a feminine form (Navalny / Navalnaya, Petrov /
# Petrova, Kowalski / Kowalska): a wife, a daughter, another person, not another spelling. The
# adjectival endings as English, German, French and Ukrainian transliterate them (Selenskyj /
# Selenska, Zelenskyi / Zelenska, Nawalny / Nawalnaja, Navalny / Navalnaïa, folded to -aia).
_ADJECTIVE_MASCULINE = ("y", "i", "iy", "ii", "ij", "yj", "yi", "yy")
_FEMININE = (
    *((f"sk{m}", f"sk{f}") for m in _ADJECTIVE_MASCULINE for f in ("a", "aya", "aja", "aia")),
    *((f"n{m}", f"n{f}") for m in _ADJECTIVE_MASCULINE for f in ("aya", "aja", "aia")),  # (Spanish Navalni)
    ("ov", "ova"), ("ev", "eva"), ("yov", "yova"), ("in", "ina"), ("yn", "yna"), ("ow", "owa"), ("ew", "ewa"),
)


# In Cyrillic only the adjectival surnames, whose feminine endings are no masculine case ending
# (Навальный / Навальная; Ukrainian Зеленський / Зеленська, beside Russian Зеленская): Петрова is
# also Петров's genitive. The Ukrainian -а only after -ськ/-цьк/-зьк (Навальна, Достоевска: slips)
_CYRILLIC_PAIRS = tuple((m, f) for m in ("ый", "ий", "ой", "ій") for f in ("ая", "яя"))
_UKRAINIAN_PAIRS = (("ий", "а"), ("ій", "а"))
_UKRAINIAN_STEMS = ("ськ", "цьк", "зьк")


def slavic_feminine(a: str, b: str) -> bool:
    """One surname is the other's feminine form: in Latin letters (accents aside) as
    ``_FEMININE`` lists them, in Cyrillic the adjectival ones (``_CYRILLIC_MASCULINE``)."""
    fa, fb = fold(a), fold(b)
    if fa.isascii() and fb.isascii():
        pairs = _FEMININE
    elif _CYRILLIC.fullmatch(a.casefold()) and _CYRILLIC.fullmatch(b.casefold()):
        pairs = _CYRILLIC_PAIRS
        fa, fb = a.casefold(), b.casefold()  # (as written: folding takes й for и)
    else:
        return False
    for short, long in ((fa, fb), (fb, fa)):
        if long[-1:] not in _FEMININE_LAST:
            continue  # (every feminine ending ends so: the test of most pairs of names)
        for masculine, feminine in pairs:
            if short.endswith(masculine) and long.endswith(feminine) and len(short) - len(masculine) >= 3 \
                    and short[: -len(masculine)].replace("ь", "") == long[: -len(feminine)].replace("ь", ""):
                return True
        if pairs is _CYRILLIC_PAIRS:
            for masculine, feminine in _UKRAINIAN_PAIRS:
                if short.endswith(masculine) and long.endswith(feminine) \
                        and short[: -len(masculine)] == long[: -len(feminine)] \
                        and short[: -len(masculine)].endswith(_UKRAINIAN_STEMS):
                    return True
    return False


_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_FEMININE_LAST = frozenset("aая")  # Latin a, Cyrillic а and я


def derived(a: str, b: str, lang: str | None, strip_vowel: bool = True) -> bool:
    """One form is the other (or one of its stems) plus a derivational suffix, or its Slavic
    feminine (``slavic_feminine``). ``strip_vowel``: the shorter form may lose a final vowel
    first (Russia / Russian); not for a stem, which has lost its ending already (Kanye -> kany
    -> kan + ie is no base of Kanie)."""
    fa, fb = fold(a), fold(b)
    if slavic_feminine(a, b):
        return True
    for short, long in ((fa, fb), (fb, fa)):
        if len(long) <= len(short):
            continue
        for base in (short, short[:-1] if strip_vowel and short[-1:] in "aeiouy" else None):
            if base and len(base) >= 3 and long.startswith(base):
                rest = long[len(base):]
                # A suffix that starts with a consonant follows a vowel (Russia/Russian).
                if rest[:1] not in _VOWELS and base[-1] not in _VOWELS:
                    continue
                if rest in _folded_suffixes(lang):
                    return True
    return False


SIBLING_SUFFIX_MIN = 3


PLACE_ENDING = "ia"  # a country's name (Nigeria: Niger + ia) beside its people's word (Nigerien)
# ... in any language, the French -ien(s) too (not a suffix of English: Fabien / Fabian, Tunisien /
# Tunisian are slips there, a review)
PEOPLE_ENDINGS = frozenset({"ien", "iens"})


def sibling_derivations(a: str, b: str, lang: str | None) -> bool:
    """The two forms are one base with two derivational suffixes of 3+ letters, or one and a
    country's -ia (Putinism / Putinist, Zemmourisme / Zemmouriste; Nigerien / Nigeria, of Niger:
    a names tester's report): words coined from a name, which word lists seldom know, not a slip
    of one another. (Shorter suffixes would pair a name's respellings: Luca / Luci is base + a /
    i; Partnerin / Partnerien is a slip.)"""
    fa, fb = fold(a), fold(b)
    suffixes = {s for s in _folded_suffixes(lang) if len(s) >= SIBLING_SUFFIX_MIN}
    for short, long in ((fa, fb), (fb, fa)):
        for first in suffixes | PEOPLE_ENDINGS:
            base = long[: -len(first)]
            if not (long.endswith(first) and len(base) >= 3 and short.startswith(base)):
                continue
            other = short[len(base):]
            if other != first and (other in suffixes and first in suffixes or other == PLACE_ENDING):
                return True
    return False


_MORPH = None


def _analyzer():
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer(lang="ru")
    return _MORPH


_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr")


@lru_cache(maxsize=100_000)
def russian_lemmas(form: str) -> frozenset[str]:
    """Normal forms of ``form``'s parses that pymorphy3 tags as a proper name (any parse)."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in form):
        return frozenset()
    try:
        morph = _analyzer()
    except ImportError:
        return frozenset()
    out = set()
    for parse in morph.parse(form):
        tag = str(parse.tag)
        if any(t in tag for t in _NAME_TAGS):
            out.add(parse.normal_form.replace("ё", "е"))
    return frozenset(out)


def _parses(word: str) -> list:
    """pymorphy3's parses of an all-Cyrillic ``word``, likeliest first; none for another script
    or without pymorphy3."""
    if not all("\u0400" <= ch <= "\u04ff" for ch in word):
        return []
    try:
        return _analyzer().parse(word)
    except ImportError:
        return []


def _name_parse(parses: list):
    """The first of ``parses`` tagged as a proper name, else the first; None for none."""
    return next((p for p in parses if any(t in str(p.tag) for t in _NAME_TAGS)), parses[0] if parses else None)


@lru_cache(maxsize=10_000)
def russian_normal_forms(form: str) -> tuple[str, ...]:
    """The normal forms of every pymorphy3 parse of a Cyrillic ``form``, likeliest first, ё
    written е (Киеве: киев; Зеленским: зеленский); none for another script."""
    return tuple(dict.fromkeys(parse.normal_form.replace("ё", "е") for parse in _parses(form)))


def russian_form_of(form: str, lemma: str) -> bool:
    """``form`` is a case form of ``lemma`` by some pymorphy3 parse (Зеленским of Зеленский, a
    surname declined like an adjective; not Зеленски, a variant spelling)."""
    return lemma.casefold().replace("ё", "е") in russian_normal_forms(form)


@lru_cache(maxsize=1_000)
def russian_lexeme(word: str) -> tuple[str, ...]:
    """The forms of a Cyrillic ``word``'s paradigm by its first pymorphy3 parse as a proper name
    (else its first), lower case; none for another script or without pymorphy3."""
    parse = _name_parse(_parses(word))
    return tuple(dict.fromkeys(form.word for form in parse.lexeme)) if parse is not None else ()


@lru_cache(maxsize=10_000)
def russian_name(word: str) -> bool:
    """pymorphy3's dictionary knows ``word`` as a first name or a surname (Мохаммед, Мухаммед):
    in Russian, where ``name_like`` compares no other languages' word lists, a name's
    established spellings."""
    return any(p.is_known and ("Name" in p.tag or "Surn" in p.tag) for p in _parses(word))


@lru_cache(maxsize=100_000)
def russian_known(word: str) -> bool:
    """pymorphy3 knows ``word`` from its dictionary (an ordinary Russian word form)."""
    try:
        morph = _analyzer()
    except ImportError:
        return False
    return any(p.is_known for p in morph.parse(word))


def ending_edit(a: str, b: str, lang: str | None) -> bool:
    """True when ``b`` is ``a`` with an inflectional ending added or dropped (in either order)."""
    fa, fb = fold(a), fold(b)
    for short, long in ((fa, fb), (fb, fa)):
        if long.startswith(short) and long[len(short):] in endings(lang) and not _doubled_ending(long, long[len(short):], lang):
            return True
    return False


@lru_cache(maxsize=100_000)
def russian_unknown(word: str) -> bool:
    """pymorphy3's dictionary does not have ``word`` (Франциы, Бразилиы), so it is no case form
    of a known name, whatever ending it seems to have."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return False
    try:
        morph = _analyzer()
    except ImportError:
        return False
    return not morph.word_is_known(word.lower())


def russian_stem_slip(a: str, b: str) -> bool:
    """The lemma pymorphy3 guesses is no evidence of inflection here: one form unknown to its
    dictionary and the other known (Бёрлина / Берлина, Бразилий / Бразилии: the dictionary has
    every case form of a name it knows, so an unknown spelling beside a known one is a slip,
    as ``suspect_ending`` says for shared stems; unknown surname forms are judged by
    ``_surname_form``), or two spellings that differ only in a diacritic (Боннёль / Боннель: ё
    written or not), which are never two case forms."""
    if a != b and fold(a) == fold(b):
        return True
    return russian_unknown(a) != russian_unknown(b)


def suspect_ending(a: str, b: str, lang: str | None) -> bool:
    """Russian: one form unknown to the dictionary, the other a known word form, sharing a stem
    (Франциы / Франции), or one spelled as Russian never is (Зеленскй / Зеленский: a names
    tester's report): a typo in the ending, not an inflection."""
    if (lang or "")[:2] != "ru":
        return False
    if _impossible_russian(a) != _impossible_russian(b):
        return True  # (Зеленскй beside Зеленский: й after a consonant is no ending of Russian)
    ua, ub = russian_unknown(a), russian_unknown(b)
    return ua != ub


_IMPOSSIBLE_RUSSIAN = re.compile(r"[бвгджзклмнпрстфхцчшщ]й", re.IGNORECASE)


def _impossible_russian(word: str) -> bool:
    """A spelling Russian never writes: й after a consonant (a letter dropped before it)."""
    return _IMPOSSIBLE_RUSSIAN.search(word) is not None


MAX_ENDING = 4  # letters of an inflectional ending (Russian -ами, -ому; German -en, -s)


def ending_change(word: str, base: str, longest: int = MAX_ENDING) -> tuple[str, str] | None:
    """(the end of ``word``, the end of ``base``) after their common beginning, when that
    beginning has 3+ letters and neither end more than ``longest`` (Зеленського / Зеленський:
    ("ого", "ий")); None when the two differ by more than endings."""
    stem = 0
    for a, b in zip(word, base):
        if a != b:
            break
        stem += 1
    if stem < 3 or len(word) - stem > longest or len(base) - stem > longest:
        return None
    return word[stem:], base[stem:]


INFLECTED_BASE_EDITS = 1  # the base form of a slip is a slip of the name: this many edits at most


def inflected_base(word: str, target: str, lang: str | None) -> str | None:
    """``word`` less the longest inflectional ending that leaves a form of which ``word`` is an
    inflection, closer to ``target`` and a slip of it (accents aside): the base form a document
    that writes only Talebans would write (Taleban, beside Taliban); None when there is none."""
    fw, ft = fold(word), fold(target)
    for cut in range(min(MAX_ENDING, len(word) - 4), 0, -1):
        stem = word[:-cut]
        if ending_change(word, stem) is not None and inflected(word, stem, lang) \
                and damerau(fold(stem), ft) < min(damerau(fw, ft), INFLECTED_BASE_EDITS + 1):
            return stem
    return None


def without_ending(form: str, word: str, lang: str | None) -> str | None:
    """``form`` less the longest inflectional ending that brings it closer to ``word``, a form
    without it (Pashtuns -> Pashtun for Pashtoon); None when there is none."""
    ff, fw = fold(form), fold(word)
    if norm(form) == norm(word):
        return None  # the whole form spells the word otherwise (Dimaks for Dimax: no ending)
    for cut in range(min(MAX_ENDING, len(form) - 4), 0, -1):
        stem = form[:-cut]
        if stem.endswith(_SIBILANT_E) and form.endswith("es"):
            continue  # (Ashes is Ash + es: no Ashe; not the German Asche's name)
        if ending_change(form, stem) is not None and inflected(form, stem, lang) \
                and 0 < damerau(fold(stem), fw) < damerau(ff, fw) and _as_common(stem, form, lang):
            return stem  # (not the word itself: Thuring is Thuringe cut short, its fix Thuringe)
    return None


def _as_common(stem: str, form: str, lang: str | None) -> bool:
    """The word lists know ``stem`` at least as well as ``form``: its base form (Pashtun 2.7,
    Pashtuns 2.3), not a name that ends so (Brussels 4.0, Brussel 2.5; a review)."""
    from .. import lexicon

    return lexicon.zipf(stem.lower(), lang) >= lexicon.zipf(form.lower(), lang)


_SIBILANT_E = ("she", "xe")  # ... before the -s of a plural in -es (not Nurses, Apaches: Nurse, Apache)


def carry_ending(word: str, base: str, target: str) -> str:
    """``target`` with the ending that ``word`` has where its base form ``base`` has another:
    Talebans (base Taleban) -> Talibans, Зеленському (Зеленський) -> Зеленскому. ``target``
    itself when the two forms differ by more than an ending or ``target`` lacks the base's."""
    if word == base:
        return target
    pair = ending_change(word, base)
    if pair is None or not target.endswith(pair[1]):
        return target
    return target[: len(target) - len(pair[1])] + pair[0]


# Languages that write a name's genitive with a bare -s (Kiews, Selenskijs)
GENITIVE_S = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn", "is"})
SIBILANTS = ("s", "x", "z", "ß")  # ... not after these (Vilnius' or von Vilnius, no Vilniuss: a review)


def genitive_carried(word: str, target: str, lang: str | None) -> str | None:
    """``target`` with the bare genitive -s that ``word`` ends in, in a language that writes
    one, when ``word`` without it is no farther from ``target`` (Selenskis -> Selenskyjs, Kiews ->
    Kyivs, not Selenskyj Berater: a new user's report); None otherwise, or after a sibilant."""
    if (lang or "")[:2] not in GENITIVE_S or not word.endswith("s") or word[:-1].endswith(SIBILANTS) \
            or target.endswith(SIBILANTS) or len(word) < 5 or abs(len(word) - 1 - len(target)) > 1:
        return None  # (nor a word longer by more than the -s: Gletschereis is no Gletscher's)
    ft = fold(target)
    return target + "s" if damerau(fold(word[:-1]), ft) <= damerau(fold(word), ft) else None


RUSSIAN_CASE_ENDING_MIN = 3  # letters a case form must share with the word at its end (not Фомам for Фоам)


@lru_cache(maxsize=10_000)
def russian_case_form(word: str, name: str) -> str | None:
    """The form of ``name``'s paradigm (pymorphy3, its first parse as a proper name, else its
    first) that ends most like ``word``, by RUSSIAN_CASE_ENDING_MIN+ letters: the case ``word``
    is in, where no word list knows ``word`` (Зеленського, a Ukrainian genitive, beside
    Зеленский: Зеленского, not Зеленскому; a names tester's report). None when none ends so."""
    if not all("\u0400" <= ch <= "\u04ff" for ch in word):
        return None  # (a Latin brand in Russian text keeps its own letters: RelaxFoam)
    parse = _name_parse(_parses(name))
    if parse is None:
        return None

    def shared_end(form: str) -> int:
        n = 0
        while n < min(len(form), len(word)) and form[-1 - n] == word[-1 - n].lower():
            n += 1
        return n

    best, longest = None, RUSSIAN_CASE_ENDING_MIN - 1
    for lexeme_form in parse.lexeme:
        form = lexeme_form.word
        if shared_end(form) > longest:
            best, longest = form, shared_end(form)
    if best is None:
        return None
    # the name's own letters as far as the form shares them (pymorphy3 writes lower case)
    same = next((i for i, (a, b) in enumerate(zip(name.lower(), best)) if a != b), min(len(name), len(best)))
    return name[:same] + best[same:]
