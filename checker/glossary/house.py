"""The house list of names: canonical spellings and the variants the house rejects.

YAML, either a mapping ``canonical: [variants]`` or a list under ``names``::

    names:
      - name: Taliban
        variants: [Taleban, Talebans]
      - name: Massoud
        variants: Massud
    Kyiv: [Kiev]          # the short form, at the top level

CSV/TSV: a header with ``name`` (or ``canonical``) and ``variants`` (or ``variant``); several
variants in one cell are separated by ``|`` or ``;``, and several rows may name one canonical.

Matching uses the glossary's token keys (stems), so ``Talebans`` is found from ``Taleban``. A
variant that is an ordinary word in lower case (``Shad``, ``Bush``) is matched only as written
(or in capitals), and one that stems like its canonical spelling only as written.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field

from ..casing import NEXT_WORD, NOUNS_CAPITALISED, before_full_stop, starts_sentence
from ..lang import primary_language
from ..model import BlockKind, InputError
from ..names.morph import GENITIVE_S, SIBILANTS as _SIBILANTS
from .index import Match, PatternIndex, inflected_form
from .load import decode, read_bytes, where
from .text import Analyzer, analyzer, unaccent

COMMON_WORD_ZIPF = 3.0
_SPLIT = re.compile(r"\s*[|;]\s*")


@dataclass
class HouseName:
    canonical: str
    variants: list[str] = field(default_factory=list)
    origin: str = ""


@dataclass(frozen=True)
class HouseMatch:
    """A variant found in a text: ``text[start:end]``, narrowed to the differing words when the
    variant and the canonical spelling have as many words (Ahmad Shad Massoud -> Shad)."""

    start: int
    end: int
    variant: str
    canonical: str
    replacement: str  # what replaces text[start:end]
    safe: bool  # the replacement keeps any ending the text adds (Talebans -> Talibans)
    part: str = ""  # the words of the canonical spelling a shorter variant stands for (Zelensky)
    listed: str = ""  # the variant as the list gives it (Ahmad Shad Massoud, where ``variant`` is Shad)


def fold_spelling(s: str) -> str:
    """A spelling as the list compares spellings: accents, case and spacing aside."""
    return " ".join(unaccent(s).casefold().split())


class HouseNames:
    """What the house list says; ``canonical_of`` is what the zero-config names rule asks."""

    def __init__(self, names: list[HouseName], paths: list[str] | None = None) -> None:
        self.names = names
        self.paths = paths or []
        self._canonical: dict[str, str] = {}
        for name in names:
            self._canonical.setdefault(fold_spelling(name.canonical), name.canonical)
        for name in names:
            for variant in name.variants:
                self._canonical.setdefault(fold_spelling(variant), name.canonical)
        self._indexes: dict[str | None, tuple[PatternIndex, dict]] = {}
        self._words: set[str] | None = None
        self._variants: frozenset[str] | None = None

    def __bool__(self) -> bool:
        return bool(self.names)

    def canonical_of(self, spelling: str, lang: str | None = None) -> str | None:
        """The house spelling of ``spelling`` (itself when it is canonical), or None when the list
        does not name it. Inflected forms are recognised (Talebans -> Taliban)."""
        found = self._canonical.get(fold_spelling(spelling))
        if found is not None:
            return found
        an = analyzer(lang)
        keys = an.term_keys(spelling)
        for (name_keys, canonical) in self._keyed(an):
            if name_keys == keys:
                return canonical
        return None

    def name_of_form(self, spelling: str, lang: str | None = None) -> str | None:
        """The house spelling of which ``spelling`` is the spelling itself or an inflection
        (Talibans -> Taliban), not a listed variant; None otherwise."""
        canonical = self.canonical_of(spelling, lang)
        if canonical is None and primary_language(lang) == "ru":
            return self._russian_lemma_of(spelling)  # (Киеве: the stemmer reads кие, the name Киев)
        if canonical is None and primary_language(lang) in GENITIVE_S and spelling.endswith("s") \
                and not spelling[:-1].endswith(_SIBILANTS):
            # a genitive, which Snowball keeps apart (Kiews of a listed Kiew: a new user's report)
            name = self._canonical.get(fold_spelling(spelling[:-1]))
            return name if name is not None and fold_spelling(name) == fold_spelling(spelling[:-1]) else None
        if canonical is None or canonical == spelling:
            return canonical
        if primary_language(lang) == "ru" and fold_spelling(spelling) not in self._listed_variants():
            from ..names.morph import russian_form_of

            if russian_form_of(spelling, canonical):
                return canonical  # Зеленским of Зеленский, though it starts with a listed Зеленски
        if self._variant_form(spelling, canonical):
            return None  # Navalnis for a listed Navalni: the variant's plural, though it stems alike
        from ..names.morph import ending_change

        # the letters as written up to an ending (Fávaro is a variant of Favaro, not a form)
        if ending_change(spelling.casefold(), canonical.casefold()) is None:
            return None
        an = analyzer(lang)
        return canonical if an.term_keys(spelling) == an.term_keys(canonical) else None

    def is_house_word(self, spelling: str) -> bool:
        """``spelling`` is, as written, a word of a house name of several words (Volodímir of
        Volodímir Zelenski): a house spelling too."""
        if self._words is None:
            self._words = {word for name in self.names if len(_words(name.canonical)) > 1
                           for word in re.findall(r"[^\W_]+", name.canonical) if len(word) >= 3}
        return spelling in self._words

    def house_word_for(self, spelling: str, lang: str | None = None) -> str | None:
        """The one word of a longer house name that a one-word listed variant stands for
        (Zelensky, listed under Volodímir Zelenski: Zelenski), as TC102 reports it; None when
        ``spelling`` is no listed variant or stands for more than one word."""
        canonical = self.canonical_of(spelling, lang)
        if canonical is None or fold_spelling(canonical) == fold_spelling(spelling) or " " not in canonical.strip():
            return None
        words = _corresponding_words(re.findall(r"[^\W_]+", canonical), spelling)
        return words[0] if len(words) == 1 else None

    def _variant_form(self, spelling: str, canonical: str) -> bool:
        """``spelling`` starts with one of ``canonical``'s listed variants, longer than the
        house spelling it also starts with (``_house_form``'s rule for the text's words)."""
        written = fold_spelling(spelling)
        house = fold_spelling(canonical)
        own = len(house) if written.startswith(house) else 0
        return any(written.startswith(v) and len(v) > own
                   for name in self.names if name.canonical == canonical for v in map(fold_spelling, name.variants))

    def _russian_lemma_of(self, spelling: str) -> str | None:
        """The house spelling that is a pymorphy3 lemma of ``spelling`` (Киев of Киеве: a
        final tester's report, where TC101 told Киеве to become the rejected Кийве)."""
        from ..names.morph import russian_normal_forms

        for lemma in map(fold_spelling, russian_normal_forms(spelling)):
            found = self._canonical.get(lemma)  # (a house spelling itself, not a variant's)
            if found is not None and fold_spelling(found) == lemma:
                return found
        return None

    def _listed_variants(self) -> frozenset[str]:
        if self._variants is None:
            self._variants = frozenset(fold_spelling(v) for name in self.names for v in name.variants)
        return self._variants

    def is_variant(self, spelling: str, lang: str | None = None) -> bool:
        canonical = self.canonical_of(spelling, lang)
        return canonical is not None and fold_spelling(canonical) != fold_spelling(spelling)

    def _keyed(self, an: Analyzer) -> list[tuple[tuple[str, ...], str]]:
        out = []
        for name in self.names:
            for spelling in (name.canonical, *name.variants):
                out.append((an.term_keys(spelling), name.canonical))
        return out

    def _index(self, lang: str | None) -> PatternIndex:
        cached = self._indexes.get(lang)
        if cached is not None:
            return cached[0]
        an = analyzer(lang)
        # names decline like nouns: a Russian case ending replaces the nominative's (Зеленського)
        guard = case_inflection if lang in CASE_ENDINGS else None
        index = PatternIndex(an, inflects=guard, alone=guard, names=True)
        for name in self.names:
            for variant in name.variants:
                keys = an.term_keys(variant)
                if not keys:
                    continue
                # (a variant that stems like a house spelling matches it too: ``_house_form``
                # drops those matches; one that differs only in case or accents is matched as
                # written, and one that differs only in what joins its words as its words, in any
                # case: Al Qaeda for a listed al Qaeda, not Санкт Петербурга, whose fix would have
                # to add the hyphen and keep the ending)
                same = fold_spelling(variant) == fold_spelling(name.canonical)  # case or accents only: as written
                joined_otherwise = not same and _words(variant) == _words(name.canonical)  # any case
                common = not same and not joined_otherwise and _is_common(variant, lang)
                index.add(index.pattern(variant, (name, variant), exact=joined_otherwise,
                                        case_sensitive=same or common))
                if lang in GENITIVE_S and not variant.endswith(_SIBILANTS) and not name.canonical.endswith(_SIBILANTS) \
                        and an.term_keys(variant + "s") != keys:
                    # a name's genitive, which Snowball keeps apart (Kiews, Selenskijs: -s only
                    # goes after some letters; a tester's report); ``_replace`` carries the -s over
                    index.add(index.pattern(variant + "s", (name, variant), exact=joined_otherwise,
                                            case_sensitive=same or common))
                if primary_language(lang) == "ru" and not same and not joined_otherwise:
                    # its case forms, which Snowball may stem apart (Харкив: харк, Харкива: харкив;
                    # a final tester's report: none was found)
                    for form in _russian_case_forms(variant):
                        # (a common word, matched only as written, needs each form: Белоруссии)
                        if an.term_keys(form) != keys or common:
                            index.add(index.pattern(form, (name, variant), case_sensitive=same or common))
        self._indexes[lang] = (index, {})
        return index

    def find_in(self, tokens, keys, lang: str | None, text: str) -> list[HouseMatch]:
        """Variants in a tokenised text (``tokens`` and their keys in ``lang``)."""
        out = []
        for m in self._index(lang).scan(tokens, keys):
            if not _house_form(m, tokens, text, lang) and not _another_word(m, tokens, lang):
                out.append(_house_match(m, tokens, text, lang))
        return out


def _another_word(m: Match, tokens, lang: str | None) -> bool:
    """The words matched for a capitalised variant are other words: in lower case and common
    words of the language (terms for Termes, pure for Püree, над for Надим; islamic state for a
    listed Islamic State), or shorter than the variant by more than an ending (ten for Tennesse:
    a tester's report). A name's slip into lower case (taleban; rangoon, whose frequency the
    case-blind word lists count as a rarer word's: a review) stays a match."""
    from ..lexicon import zipf

    surfaces = tokens.surfaces[m.first:m.last]
    _, variant = m.pattern.payload
    if len("".join(surfaces)) < len(_letters(variant)) - MAX_CASE_ENDING:
        return True
    return not variant.islower() and all(s.islower() for s in surfaces) \
        and all(zipf(s, lang) >= COMMON_WORD_ZIPF for s in surfaces)


def judged_in_context(matches: list[HouseMatch], doc) -> list[HouseMatch]:
    """``matches`` as the document's sentences bear them out. A one-word variant that is an
    ordinary word of the language (Gana, a listed variant of Ghana, is "wins" in Spanish) is
    matched as written, in capitals, and where it stands (``_where_capitalised``) tells whether
    that capital makes it a name. After a lower-case word in running text it does: its fix is
    safe, and that use is the document's evidence of the name. At a sentence's start or after a
    comma, the capital says nothing, and the fix is safe only where the document has that
    evidence (Kiev is the capital ... the mayor of Kiev: a new user's report). Anywhere else (in
    all capitals, in a title-case heading, after an opening quote or dash, after any capitalised
    word, a sentence's first too, a colon or a bracket, first on a line after one that is no
    wrapped paragraph's, any German noun's place) the fix is never safe (Chicken Kiev was on the
    menu, he drank Wild Turkey, —Gana el que más corre, How To Roast A Turkey, im Kanton:
    testers' and reviewers' reports). A sentence's first word, a
    heading's or one in all capitals is the ordinary word where the document writes it in lower
    case too: no finding. A one-word variant right before another capitalised word, out of a
    longer name the list does not give (Qatar Airways, a listed variant of Catar), gets an unsafe
    fix: a brand or an institution keeps its own spelling."""
    out = []
    lowered: set[str] | None = None
    uses: dict[str, tuple[bool, set[str]]] = {}  # (``_uses_outside_headings``, per variant)
    one_word = [len(_words(m.listed)) == 1 for m in matches]
    in_title_case = [_capitalised_heading(doc, m.start) for m in matches]
    longer = [single and _in_longer_name(doc, m.start, m.end, m.canonical, titled, uses)
              for m, single, titled in zip(matches, one_word, in_title_case)]
    # (as the index decides: a variant differing only in case or accents is no other word)
    common = [single and fold_spelling(m.listed) != fold_spelling(m.canonical) and _is_common(m.listed, doc.lang)
              for m, single in zip(matches, one_word)]
    where = [_where_capitalised(doc, m, titled) if word else None
             for m, word, titled in zip(matches, common, in_title_case)]
    # (keyed by the listed spelling: the German genitive Kiews is Kiew written as a name)
    named = {fold_spelling(m.listed) for m, place, long in zip(matches, where, longer) if place is _NAMED and not long}
    for m, word, place, long in zip(matches, common, where, longer):
        if word:
            if _after_an_article(doc, m.start):
                continue  # the ordinary noun where German writes one (der Kanton Zürich, jedem Kanton:
                # a final tester's report; a name seldom takes an article)
            if place in _FIRST_WORD:
                if lowered is None:
                    lowered = {w for w in re.findall(r"[^\W\d_]+", doc.prose) if w.islower()}
                if m.variant.lower() in lowered:
                    continue  # (El equipo gana el partido. Gana el local.)
            if place is not _NAMED and not (place in _SAFE_WITH_EVIDENCE and fold_spelling(m.listed) in named):
                m = dataclasses.replace(m, safe=False)
        if m.safe and long:
            m = dataclasses.replace(m, safe=False)
        out.append(m)
    return out


# Where a common word's capital stands (``_where_capitalised``)
_NAMED = "after a lower-case word"  # in running text: the name
_START = "a sentence's first word"
_TITLED = "a word of a title-case heading"  # (How To Roast A Turkey: a review)
_QUOTED_START = "a quoted sentence's first word"  # (—Gana el que más corre: a verb as likely)
_SHOUTED = "in all capitals"
_AFTER_COMMA = "after a comma"  # (Istanbul, Turkey)
_AFTER_FIRST_WORD = "after a sentence's first word"  # (Visitó Qatar, but as often Chicken Kiev, Wild Turkey)
_UNCLEAR = "elsewhere"  # (he drank Wild Turkey, Ingredients: Turkey, (Gana), a menu's line, der Kanton)
_FIRST_WORD = (_START, _TITLED, _QUOTED_START, _SHOUTED)  # the document's lower-case uses tell the word there
_SAFE_WITH_EVIDENCE = (_START, _AFTER_COMMA)

_OPENERS = "\"'«»“„‘‚‹›([{¿¡—―"  # (not a list item's hyphen or en dash)
_SPACES = " \t\u00a0"
# the word before a match: on its line, or ending the line before (a wrapped paragraph's)
_WORD_ENDING_BEFORE = re.compile(r"(?<![^\W\d_'’])([^\W\d_]+)([ \t\u00a0]*\n)?[ \t\u00a0]*$")
WORD_LOOK_BACK = 64  # (the search for it starts this far back: never the whole of a long line)
WRAPPED_LINE_MIN = 50  # a line this long that ends in a word, without a hard break, is a wrapped one's
# (not a menu's or a list's short lines: "soup of the day" / "Turkey with cranberry sauce": a review)


def _where_capitalised(doc, m: HouseMatch, in_title_case: bool) -> str:
    """Where a common word's capital stands, as the classes above tell it. In German, which
    capitalises every noun, only a sentence's first word or a word in all capitals is told
    apart: anywhere else the capital proves nothing (der Kanton, pro Kanton, Schweizer Kanton)."""
    text = doc.prose
    j = m.start
    while j > 0 and text[j - 1] in _SPACES:
        j -= 1
    # an opening quote or bracket: one after a space or at a line's start (not "said," Turkey)
    opened = j > 0 and text[j - 1] in _OPENERS and (j == 1 or not text[j - 2].isalnum() and text[j - 2] not in ",.;:!?")
    if len(m.variant) > 1 and m.variant.isupper():
        return _SHOUTED
    if in_title_case:
        return _TITLED
    if starts_sentence(doc, m.start):
        return _QUOTED_START if opened else _START
    if primary_language(doc.lang) in NOUNS_CAPITALISED or opened or _in_heading(doc, m.start):
        return _UNCLEAR
    if j > 0 and text[j - 1] == ",":
        return _AFTER_COMMA
    before = _WORD_ENDING_BEFORE.search(text, max(0, m.start - WORD_LOOK_BACK), m.start)
    if before is None or (before.group(2) and not _wrapped(doc, before.end(1))):
        return _UNCLEAR
    if before.group(1).islower():
        return _NAMED
    # after a sentence's capitalised first word: a name (Visitó Qatar) or a longer one's end (Wild Turkey)
    return _AFTER_FIRST_WORD if starts_sentence(doc, before.start(1)) else _UNCLEAR


_WORD_JUST_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t\u00a0]+$")


def _after_an_article(doc, start: int) -> bool:
    """In a language that capitalises its nouns, an article or a determiner right before."""
    lang = primary_language(doc.lang)
    if lang not in NOUNS_CAPITALISED:
        return False
    from ..agreement import ARTICLES, DETERMINERS

    before = _WORD_JUST_BEFORE.search(doc.prose, max(0, start - 24), start)
    return before is not None and before.group(1).lower() in ARTICLES.get(lang, frozenset()) | DETERMINERS.get(
        lang, frozenset())


def _wrapped(doc, end: int) -> bool:
    """The line that ends after ``end`` (a word's end) is a wrapped paragraph's: long, and with
    no Markdown hard break (two spaces or a backslash) after the word."""
    line_start = doc.text.rfind("\n", 0, end) + 1
    rest = doc.text[end:doc.text.find("\n", end)]
    return end - line_start >= WRAPPED_LINE_MIN and not rest.startswith(("  ", "\\"))




NAME_AFTER_MAX_ZIPF = 3.0  # ... where every noun is capitalised: a word this rare, a name's


def _in_longer_name(doc, start: int, end: int, canonical: str, in_title_case: bool,
                    uses: dict[str, tuple[bool, set[str]]]) -> bool:
    """Whether a capitalised word the house spelling does not have follows on the same line, in
    the same table cell; in German, which capitalises every noun, a rare one (Kiew Waffen
    geliefert: a noun, a review). In a heading that capitalises its words (``in_title_case``:
    Zelenskiy Visits The Front, TALEBAN ADVANCE), a capital tells nothing: there, unless the
    document's other text writes the variant on its own and never before that word (a tester's
    report; Qatar Airways in a heading is the airline where the text does not say Qatar alone: a
    review)."""
    text, lang = doc.prose, doc.lang
    after = _next_capital(doc, end)
    if after is None or fold_spelling(after) in _words(canonical):
        return False
    if in_title_case:
        variant = text[start:end].casefold()
        if variant not in uses:
            uses[variant] = _uses_outside_headings(doc, text[start:end])
        alone, before = uses[variant]
        return not alone or after.casefold() in before
    if primary_language(lang) in NOUNS_CAPITALISED:
        from ..lexicon import zipf

        return zipf(after.lower(), lang) < NAME_AFTER_MAX_ZIPF
    return True


def _next_capital(doc, end: int) -> str | None:
    """The capitalised word right after ``end``, on the same line or opening the next, in the
    same table cell (an unescaped | between them is a cell's border, which the prose masks), else
    None."""
    # (on the next line too: a wrapped paragraph's "the Bombay / Stock Exchange", a final tester's
    # report; a longer name is only ever reason to hold a fix back)
    after = NEXT_WORD.match(doc.prose, end)
    if after is None or not after.group(1)[0].isupper() or re.search(r"(?<!\\)\|", doc.text[end:after.start(1)]):
        return None
    return after.group(1)


def _uses_outside_headings(doc, variant: str) -> tuple[bool, set[str]]:
    """How the text outside headings writes ``variant`` (any case): whether on its own somewhere
    (not before a capitalised word), and the capitalised words it stands before (case-folded)."""
    alone, before = False, set()
    pattern = re.compile(r"(?<![^\W\d_])" + re.escape(variant) + r"(?![^\W\d_])", re.IGNORECASE)
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        for m in pattern.finditer(doc.prose, block.start, block.end):
            after = _next_capital(doc, m.end())
            if after is None:
                alone = True
            else:
                before.add(after.casefold())
    return alone, before


def _in_heading(doc, offset: int) -> bool:
    block = doc.block_at(offset)
    return block is not None and block.kind is BlockKind.HEADING


def _capitalised_heading(doc, offset: int) -> bool:
    """Whether ``offset`` is in a heading that capitalises all its words of 4+ letters, two at
    least (title case or capitals: there a capital after a name tells nothing)."""
    block = doc.block_at(offset)
    if block is None or block.kind is not BlockKind.HEADING:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", doc.prose[block.start:block.end]) if len(w) >= 4]
    return len(words) > 1 and all(w[0].isupper() for w in words)


# Languages whose names decline by endings of up to three letters that replace the
# nominative's (Зеленский, Зеленского, Зеленскому): two edits are too few for -ий / -ому.
CASE_ENDINGS = frozenset({"ru", "uk", "be"})
MAX_CASE_ENDING = 3


def case_inflection(word: str, form: str) -> bool:
    """The form guard of house names in a language of case endings: the two words (which share
    a Snowball stem) differ only in their last three letters or fewer (Зеленського /
    Зеленський), or as the default guard allows. Names only: among common words it joins
    derivations (права / правило, цена / ценный), so glossary terms keep the default guard."""
    if inflected_form(word, form):
        return True
    from ..names.morph import ending_change

    return ending_change(word, form, MAX_CASE_ENDING) is not None


def _is_common(spelling: str, lang: str | None) -> bool:
    """An ordinary word of ``lang`` (Gana, "wins" in Spanish; turkey, canton), by its frequency in
    the case-blind word list. (Old names are common too, Kiev 3.5, Bombay 3.7: the document tells
    them from words, ``judged_in_context``.)"""
    words = spelling.split()
    if len(words) != 1:
        return False
    from ..lexicon import zipf

    return zipf(spelling.lower(), lang) >= COMMON_WORD_ZIPF


PART_LIKENESS_MIN = 0.6  # letters alike (difflib's ratio) for a variant to stand for a part of the name


def _corresponding_words(canonical_words: list[str], variant: str) -> list[str]:
    """The run of the canonical spelling's words that ``variant`` stands for when the variant
    has fewer words (Zelenskiy -> Zelensky of Volodymyr Zelensky): the most alike run of as many
    words. Replacing the variant by the whole name would repeat words the text already has.
    Letters compared, the whole name may be likest: the variant then writes it all otherwise (JK
    Rowling for J. K. Rowling, EUA for EE. UU.; a tester's report: they became K and EE)."""
    count = len(re.findall(r"[^\W_]+", variant))
    if count == 0 or count >= len(canonical_words):
        return canonical_words
    runs = [canonical_words[i:i + count] for i in range(len(canonical_words) - count + 1)]
    folded = _letters(variant)

    def likeness(words: list[str]) -> float:
        return difflib.SequenceMatcher(None, _letters(" ".join(words)), folded).ratio()

    best = max(runs, key=likeness)
    # (a part only when it is like the variant: Zaire is no part of Democratic Republic of the
    # Congo, whose likest word, Republic, its fix wrote: a review)
    return canonical_words if likeness(canonical_words) >= likeness(best) or likeness(best) < PART_LIKENESS_MIN else best


def _letters(spelling: str) -> str:
    return re.sub(r"[\W_]+", "", fold_spelling(spelling))


def _words(spelling: str) -> list[str]:
    return [fold_spelling(w) for w in re.findall(r"[^\W_]+", spelling)]


def _accented_words(spelling: str) -> list[str]:
    """The words of ``spelling`` in lower case with their accents (NFC)."""
    return [unicodedata.normalize("NFC", w).casefold() for w in re.findall(r"[^\W_]+", spelling)]


def _russian_case_forms(variant: str) -> list[str]:
    """The case forms pymorphy3 gives a one-word Russian ``variant`` (its guess for a word it does
    not know), written with the variant's capital; only those that differ from it by an ending
    of up to MAX_CASE_ENDING letters."""
    from ..names.morph import ending_change, russian_lexeme

    if " " in variant.strip():
        return []
    forms = []
    for form in russian_lexeme(variant):
        written = variant[:1] + form[1:] if variant[:1].isupper() else form
        if written != variant and ending_change(written.casefold(), variant.casefold(), MAX_CASE_ENDING) is not None:
            forms.append(written)
    return sorted(set(forms))


def _house_form(m: Match, tokens, text: str, lang: str | None = None) -> bool:
    """The words matched for a listed variant are the house spelling's own, or its inflection:
    they start with it (rather than with the variant), or, starting with neither, are as close
    to its words as to the variant's, letter by letter (Навального for Навальный / Навальний). A
    variant that stems like the house spelling (the English stemmer reads Navalni as Navalny)
    matches Navalny and Navalnys too; Navalnis, NAVALNI stay the variant's. A variant of the
    same words written otherwise (Jean Luc for Jean-Luc Mélenchon) matches the house spelling
    only where the text writes it as the house does."""
    from ..names.normalize import damerau, joiner

    name, variant = m.pattern.payload
    surface = [fold_spelling(w) for w in tokens.surfaces[m.first:m.last]]
    listed = _words(variant)
    house_words = _corresponding_words(re.findall(r"[^\W_]+", name.canonical), variant)
    house = [fold_spelling(w) for w in house_words]
    if not (len(surface) == len(listed) == len(house)):
        return False
    if listed == house:
        exact = _accented_words(" ".join(tokens.surfaces[m.first:m.last]))
        house_exact = _accented_words(" ".join(house_words))
        if _accented_words(variant) != house_exact:  # accents apart (Sanchez for Sánchez): the
            return exact == house_exact  # house's where the text has its accents (the index
            # matched the variant as written, but accents aside)
        # the same words, written otherwise (Jean Luc / Jean-Luc Mélenchon): the
        # house's form where the text joins them as the house does, whatever their endings
        # (Санкт-Петербурга for a listed Санкт Петербург)
        joins = [joiner(text[tokens.ends[k]:tokens.starts[k + 1]]) for k in range(m.first, m.last - 1)]
        return joins == [joiner(j) for j in re.findall(r"[\W_]+", name.canonical.strip())][:len(joins)]
    # the spelling it starts with, the longer when both (Navalnys: Navalny's; Zelenskys, for a
    # listed Zelensky beside Zelenskyy: the variant's; Navalnyi for a listed Navalnyi: its own)
    written, h, v = " ".join(surface), " ".join(house), " ".join(listed)
    if primary_language(lang) == "ru" and len(surface) == 1 and written != v:
        from ..names.morph import ending_change, russian_form_of

        if russian_form_of(tokens.surfaces[m.first], house_words[0]) \
                and ending_change(written, h, MAX_CASE_ENDING) is not None:
            return True  # the house spelling's case form (Зеленским of Зеленский, though it starts with
            # the listed Зеленски: a tester's report, fixed into Зеленскийм); not one that only the
            # dictionary reads so, spelled as the variant up to its ending (Тайланде, which pymorphy
            # lemmatises as the listed Таиланд: a final tester's report)
    starts = [(len(x), x is h) for x in (h, v) if written.startswith(x)]
    if starts:
        return max(starts)[1]
    return sum(map(damerau, surface, house)) <= sum(map(damerau, surface, listed))


def _joined_as_house(m: Match, tokens, text: str, canonical: str, canonical_words: list[str]) -> bool:
    """Whether the matched words are joined as the house spelling joins ``canonical_words``
    (else the whole name is replaced: Jean Luc Melenchon -> Jean-Luc Mélenchon, not only the
    accent of its last word)."""
    from ..names.normalize import joiner

    words = re.findall(r"[^\W_]+", canonical)
    separators = re.findall(r"[\W_]+", canonical.strip())
    n = len(canonical_words)
    at = next((i for i in range(len(words) - n + 1) if words[i:i + n] == canonical_words), None)
    if at is None or len(separators) != len(words) - 1:
        return False
    joins = [joiner(text[tokens.ends[k]:tokens.starts[k + 1]]) for k in range(m.first, m.last - 1)]
    return joins == [joiner(sep) for sep in separators[at:at + n - 1]]


def _house_match(m: Match, tokens, text: str, lang: str | None = None) -> HouseMatch:
    name, variant = m.pattern.payload
    surface_tokens = tokens.surfaces[m.first:m.last]
    canonical_words = _corresponding_words(re.findall(r"[^\W_]+", name.canonical), variant)
    start, end = m.start, m.end
    first, last = m.first, m.last
    if len(canonical_words) == m.last - m.first and m.last - m.first > 1 \
            and _joined_as_house(m, tokens, text, name.canonical, canonical_words):
        differing = [k for k in range(len(canonical_words))
                     if _accented_words(canonical_words[k]) != _accented_words(surface_tokens[k])]
        if differing:
            first, last = m.first + differing[0], m.first + differing[-1] + 1
            start, end = tokens.starts[first], tokens.ends[last - 1]
            canonical_part = " ".join(canonical_words[differing[0]:differing[-1] + 1])
            surface = text[start:end]
            replacement, safe = _replace(surface, canonical_part, " ".join(surface_tokens[differing[0]:differing[-1] + 1]),
                                         lang)
            return HouseMatch(start, end, surface, name.canonical, replacement, safe, canonical_part, variant)
    surface = text[start:end]
    whole = len(canonical_words) == len(re.findall(r"[^\W_]+", name.canonical))
    part = name.canonical if whole else " ".join(canonical_words)
    # a form the list names itself is replaced whole (Talebans, listed beside Taleban, is Taliban,
    # not Talibans: a tester's report), whichever variant the index matched it by
    listed = next((v for v in name.variants if fold_spelling(v) == fold_spelling(surface)), None)
    if whole and listed is not None:
        variant = listed
    replacement, safe = _replace(surface, part, variant, lang)
    return HouseMatch(start, end, surface, name.canonical, before_full_stop(replacement, text, end), safe, part,
                      variant)


def _replace(surface: str, canonical: str, variant: str, lang: str | None = None) -> tuple[str, bool]:
    """The canonical spelling, keeping an ending the text adds to the variant (Talebans ->
    Talibans) and ALL CAPS; unsafe when the text is inflected inside the word. (``surface`` in
    NFC, as the variant is: a decomposed Kíev has one more code point than Kiev.) In Russian, a
    form whose ending is not the variant's takes the house spelling's form with that ending
    (Зеленського beside the listed Зеленськый: Зеленского, not Зеленский)."""
    if not surface.isascii():
        surface = unicodedata.normalize("NFC", surface)
    folded = fold_spelling(surface)
    fv = fold_spelling(variant)
    if folded.startswith(fv) and len(surface) >= len(variant):
        # the ending, from the end of the text: the letters the text adds after the variant's
        # (not from the variant's length: "Jean Luc  Melenchon" has a space more than it)
        added = len(folded) - len(fv)
        suffix = surface[len(surface) - added:] if added else ""
        replacement = canonical + suffix
        if len(surface) > 1 and surface.replace(" ", "").isupper() and not canonical.isupper():
            replacement = replacement.upper()
        return replacement, True
    # an ending in place of the variant's (Зеленського for Зеленський): the house spelling takes
    # it where it ends as the variant does (Зеленского); a guess at the paradigm, so unsafe
    from ..names.morph import carry_ending, russian_case_form

    carried = carry_ending(surface, variant, canonical)
    if carried == canonical and primary_language(lang) == "ru" and " " not in canonical:
        carried = russian_case_form(surface, canonical) or canonical
    return carried, False


# ------------------------------------------------------------------------------------ loading


def load_house_names(paths: list[str]) -> HouseNames:
    names: list[HouseName] = []
    for path in paths:
        names.extend(_load_one(path))
    _validate(names)
    return HouseNames(names, list(paths))


def _validate(names: list[HouseName]) -> None:
    """A variant that is its own name, one that is another name of the list, or one listed under
    two names is a mistake in the list: the first would report the house spelling itself, the
    second have two fixes undo each other, the third suggest two spellings."""
    owner: dict[str, HouseName] = {}
    canonical = {fold_spelling(name.canonical): name for name in names}
    for name in names:
        for variant in name.variants:
            if variant == name.canonical:
                raise InputError(f"{name.origin}: the variant {variant!r} is the name itself")
            words = [w.casefold() for w in re.findall(r"[^\W_]+", name.canonical)]
            if len(words) > 1 and variant.casefold() in words:
                # (North Macedonia: [Macedonia] matched nothing to replace, silently: a final
                # tester's report; a variant of one word, Zelenski for Volodymyr Zelensky, is fine)
                raise InputError(f"{name.origin}: the variant {variant!r} is a word of the name {name.canonical!r} "
                                 "itself: a fix would change nothing (list the longer name's other writings, or "
                                 "make the word a name of its own)")
            other_name = canonical.get(fold_spelling(variant))
            if other_name is not None and other_name.canonical != name.canonical:
                # Taliban: [Taleban] beside Taleban: [Taliban]: each fix would undo the other
                raise InputError(f"{name.origin}: the variant {variant!r} of {name.canonical!r} is itself a "
                                 f"name in the list ({other_name.origin})")
            other = owner.setdefault(variant, name)
            if other.canonical != name.canonical:
                raise InputError(f"{name.origin}: the variant {variant!r} is also listed under "
                                 f"{other.canonical!r} ({other.origin})")


def _load_one(path: str) -> list[HouseName]:
    suffix = os.path.splitext(path)[1].lower()
    text = decode(read_bytes(path, "name list"), path)
    if suffix in (".yaml", ".yml"):
        names = _yaml_names(text, path)
    elif suffix in (".csv", ".tsv", ".txt"):
        names = _table_names(text, path, suffix)
    else:
        raise InputError(f"{path}: unknown name-list format {suffix or '(no suffix)'!r} (expected .yaml or .csv)")
    if not names:  # (names: [], a header alone: as an empty file, a list that checks nothing)
        raise InputError(f"{path}: empty name list")
    # composed accents, as texts are read (a list saved decomposed had --fix write 'nchez' for Sanchez)
    return [HouseName(_nfc(name.canonical), [_nfc(v) for v in name.variants], name.origin) for name in names]


def _nfc(spelling: str) -> str:
    return spelling if spelling.isascii() else unicodedata.normalize("NFC", spelling)


def _yaml_names(text: str, path: str) -> list[HouseName]:
    from .yamlfile import YamlError, compose, kind, line_of, mapping, scalar, strings

    try:
        root = compose(text)
        if root is None:
            raise YamlError(1, "empty name list")
        names: list[HouseName] = []
        for key, value in mapping(root, "the name list"):
            if key == "names" and kind(value) == "sequence":
                for item in value.value:
                    canonical, variants = None, []
                    for k, v in mapping(item, "a name"):
                        if k in ("name", "canonical"):
                            canonical = scalar(v, k)
                        elif k in ("variants", "variant"):
                            variants = strings(v, k)
                        elif k not in ("note", "lang"):
                            raise YamlError(line_of(v), f"unknown key {k!r} (expected name, variants, note)")
                    if canonical is None:
                        raise YamlError(line_of(item), "a name without 'name'")
                    names.append(HouseName(canonical, variants, f"{path}:{line_of(item)}"))
            elif key == "names" and kind(value) == "mapping":
                for canonical, v in mapping(value, "names"):
                    names.append(HouseName(canonical, strings(v, canonical), f"{path}:{line_of(v)}"))
            elif key == "names":
                raise YamlError(line_of(value), "'names' must be a list of names or a mapping name: variants")
            else:
                names.append(HouseName(key, strings(value, key), f"{path}:{line_of(value)}"))
    except YamlError as error:
        raise InputError(f"{where(path, error.line)}: {error}") from None
    return names


def _table_names(text: str, path: str, suffix: str) -> list[HouseName]:
    from .tabular import TableError, read_rows

    try:
        header, rows = read_rows(text, suffix)
        keys = [h.strip().lower() for h in header]
        name_col = next((i for i, k in enumerate(keys) if k in ("name", "canonical")), None)
        var_col = next((i for i, k in enumerate(keys) if k in ("variants", "variant")), None)
        if name_col is None or var_col is None:
            raise TableError(1, "the header needs a name (or canonical) column and a variants column")
        by_name: dict[str, HouseName] = {}
        names = []
        for line, cells in rows:
            canonical = " ".join(cells[name_col].split())
            if not canonical:
                raise TableError(line, "empty name")
            name = by_name.get(canonical)
            if name is None:
                name = by_name[canonical] = HouseName(canonical, [], f"{path}:{line}")
                names.append(name)
            name.variants += [" ".join(v.split()) for v in _SPLIT.split(cells[var_col].strip()) if v.strip()]
    except TableError as error:
        raise InputError(f"{where(path, error.line)}: {error}") from None
    return names
