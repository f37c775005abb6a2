"""A multi-pattern matcher over token keys: first key -> the patterns starting with it.

Scanning a text is one dictionary lookup per token, plus a tuple comparison where a pattern's
first key occurs, whatever the size of the glossary (measurements.md: token-set lookup ~22 MB/s,
against 0.38 MB/s for one regex alternation). Matches are leftmost-longest and do not overlap; at
equal length a pattern restricted to exact spellings is tried first, then approved terms before
deprecated ones.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..lang import primary_language
from .text import Analyzer, Tokens, is_acronym, tokenize, unaccent

NONWORD_ZIPF = 2.0  # a token rarer than this is not a word of the language (typos score 0-2)


@dataclass(frozen=True)
class Pattern:
    keys: tuple[str, ...]
    payload: Any  # what the caller wants back (a term and its entry, a house name ...)
    approved: bool = True
    caps: tuple[bool, ...] = ()  # per token: the text must be upper case too (acronyms)
    exact: tuple[str, ...] | None = None  # casefolded surfaces required (when keys are ambiguous)
    case_sensitive: tuple[str, ...] | None = None  # surfaces required as written
    forms: tuple[str, ...] = ()  # the term's words, lower-cased and unaccented (the form guard)
    # symbols the term holds before, between and after its words, which the text must hold too
    # (C#, C++, .NET, AT&T, e.g.): ``term_marks``; None when it holds none
    marks: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Match:
    first: int  # token indexes [first, last)
    last: int
    start: int  # character offsets
    end: int
    pattern: Pattern


@dataclass
class PatternIndex:
    analyzer: Analyzer
    first: dict[str, list[Pattern]] = field(default_factory=dict)
    # the form guard: whether a word with a term word's key is a form of it (word, form)
    inflects: Callable[[str, str], bool] | None = None
    alone: Callable[[str, str], bool] | None = None  # the form guard of one-word terms (default: inflects)
    conjugates: bool = False  # a multi-word term's Romance verb also matches its conjugated forms
    # a house list of names: German ones take no plural, and their genitive's -s only where the
    # house index adds it (``HouseNames._index``: not after a sibilant, Wilnas -> Vilniuss)
    names: bool = False
    _sorted: bool = True
    # first key -> ({second key: longer patterns}, one-token patterns), each in match order
    _by_two: dict[str, tuple[dict[str, list[Pattern]], list[Pattern]]] = field(default_factory=dict)

    def pattern(self, text: str, payload: Any, approved: bool = True, exact: bool = False,
                case_sensitive: bool = False) -> Pattern | None:
        tokens = tokenize(text)
        surfaces = tokens.surfaces
        if not surfaces:
            return None
        keys = tuple(self.analyzer.key(s) for s in surfaces)
        return Pattern(keys, payload, approved, tuple(is_acronym(s) for s in surfaces),
                       tuple(s.casefold() for s in surfaces) if exact else None,
                       tuple(surfaces) if case_sensitive else None,
                       tuple(unaccent(s.lower()) for s in surfaces), term_marks(tokens))

    def add(self, pattern: Pattern | None) -> None:
        if pattern is not None:
            for variant in [pattern, *self._conjugations(pattern), *self._plurals(pattern), *self._case_forms(pattern)]:
                self.first.setdefault(variant.keys[0], []).append(variant)
            self._sorted = False

    def _conjugations(self, pattern: Pattern) -> list[Pattern]:
        """The pattern with its verb's key replaced by the keys of the verb's conjugated forms,
        which Snowball may key apart from the infinitive (está, esta-, for estar); the form
        guard then checks the word written (``conjugated``)."""
        if not self.conjugates or len(pattern.keys) < 2:
            return []
        out = []
        for k, form in enumerate(pattern.forms):
            stem = verb_stem(form)
            if stem is not None:
                for key in sorted({self.analyzer.key(stem + ending) for ending in VERB_ENDINGS} - {pattern.keys[k]}):
                    out.append(dataclasses.replace(pattern, keys=pattern.keys[:k] + (key,) + pattern.keys[k + 1:]))
        return out

    def _plurals(self, pattern: Pattern) -> list[Pattern]:
        """The pattern with one word's key replaced by the key of that word's plural, where the
        stemmer keys the plural apart (French appli / applis, German Key / Keys: Snowball leaves
        an -s after a vowel or a y; Portuguese refém / reféns: ``orthographic_plurals``); the
        form guard then checks the word written."""
        out = []
        lang = self.analyzer.lang
        for k, form in enumerate(pattern.forms):
            plurals = plurals_of(form, lang) if not (self.names and primary_language(lang) == "de") \
                else [p for p in [regular_plural(form, lang)] if p]
            for key in dict.fromkeys(self.analyzer.key(plural) for plural in plurals):
                if key != pattern.keys[k]:
                    out.append(dataclasses.replace(pattern, keys=pattern.keys[:k] + (key,) + pattern.keys[k + 1:]))
        return out

    def _case_forms(self, pattern: Pattern) -> list[Pattern]:
        """In Russian, the pattern with one word's key replaced by the key of another of that word's
        forms (pymorphy3's lexeme), where Snowball keys them apart (мобила: моб-, мобилу:
        мобил-: a tester's report); the form guard (``russian_inflection``) then checks the word."""
        if self.analyzer.lang != "ru":
            return []
        out = []
        for k, form in enumerate(pattern.forms):
            keys = {self.analyzer.key(other) for other in russian_forms(form)} - {pattern.keys[k]}
            for key in sorted(keys):
                out.append(dataclasses.replace(pattern, keys=pattern.keys[:k] + (key,) + pattern.keys[k + 1:]))
        return out

    def _sort(self) -> None:
        self._by_two = {}
        for key, patterns in self.first.items():
            patterns.sort(key=lambda p: (-len(p.keys), p.exact is None and p.case_sensitive is None, not p.approved))
            longer: dict[str, list[Pattern]] = {}
            single = []
            for p in patterns:  # stays sorted within each list
                if len(p.keys) > 1:
                    longer.setdefault(p.keys[1], []).append(p)
                else:
                    single.append(p)
            self._by_two[key] = (longer, single)
        self._sorted = True

    def scan(self, tokens: Tokens, keys: list[str]) -> list[Match]:
        """Leftmost-longest, non-overlapping matches. Only the positions whose key starts some
        pattern are visited (found by one pass at C speed), so most tokens cost a set test."""
        if not self._sorted:
            self._sort()
        first = self.first
        surfaces = tokens.surfaces
        out: list[Match] = []
        n = len(keys)
        free = 0  # the first token not inside a match already made
        by_two = self._by_two
        inflects = self.inflects or inflected_form
        alone = self.alone or inflects
        for i in [i for i, k in enumerate(keys) if k in first]:
            if i < free:
                continue
            longer, single = by_two[keys[i]]
            candidates = longer.get(keys[i + 1], ()) if longer and i + 1 < n else ()
            for group in (candidates, single):
                for p in group:
                    size = len(p.keys)
                    if i + size > n or (size > 2 and tuple(keys[i:i + size]) != p.keys):
                        continue
                    if not _surface_ok(p, surfaces, i, size, alone if size == 1 else inflects):
                        continue
                    if size > 1 and not _joined(tokens, i, size):
                        continue
                    start, end = tokens.starts[i], tokens.ends[i + size - 1]
                    if p.marks is not None:
                        span = _marked_span(tokens, i, size, p.marks)
                        if span is None:
                            continue
                        start, end = span
                    out.append(Match(i, i + size, start, end, p))
                    free = i + size
                    break
                else:
                    continue
                break
        return out


# What may stand between two words of one term: spaces, one line break (a wrapped line, not a
# blank one), hyphens, apostrophes, masked emphasis; other marks only within a word
# (contagioso(a), and/or); a full stop only after an initial or an abbreviation in capitals
# (J. K. Rowling, EE. UU.). Not a sentence's end, a comma, a colon, a spaced bracket
# (imunidade. De rebanho is no "imunidade de rebanho": a tester's report).
_GAP_RE = re.compile(r"[ \t\u00a0*_'’\-\u2010\u2011]*(?:\r?\n[ \t\u00a0*_>]*)?|[^\s.,;:!?]+")
_ABBREVIATION_GAP_RE = re.compile(r"\.[ \t\u00a0]*")


# Symbols that belong to a term (C#, C++, .NET, AT&T, TCP/IP, e.g., Yahoo!): a term written with
# them matches only where the text has them too (not the "C" of "Plan C" for a deprecated C#: a
# tester's report), and its match spans them, so that a fix replaces the whole term (e.g. ->
# for example, not "for example.").
_MARK_CHARS = "#+.&/!@$%*"
_MARKS_AROUND = re.compile(f"[{re.escape(_MARK_CHARS)}]+")


def term_marks(tokens: Tokens) -> tuple[str, ...] | None:
    """The symbols of ``_MARK_CHARS`` right before a term's first word, between its words and
    right after its last word (``tokens``: the term's); None when there are none."""
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    lead = _MARKS_AROUND.search(text, 0, starts[0])
    lead = lead.group() if lead is not None and lead.end() == starts[0] else ""
    trail = _MARKS_AROUND.match(text, ends[-1])
    trail = trail.group() if trail is not None else ""
    inner = tuple(_marks_in(text[ends[k]:starts[k + 1]]) for k in range(len(starts) - 1))
    if not lead and not trail and not any(inner):
        return None
    return (lead, *inner, trail)


def _marks_in(gap: str) -> str:
    """The symbols of a gap between two words that a match must repeat: not the full stop of an
    abbreviation, which ``_joined`` allows where it belongs (J. K. Rowling, U.S.)."""
    return "".join(ch for ch in gap if ch in _MARK_CHARS and ch != ".")


def _marked_span(tokens: Tokens, i: int, size: int, marks: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of the match of tokens ``i`` to ``i + size`` with the term's symbols around it,
    or None when the text lacks one (the final stop of a term of two words or more may be
    missing: e.g, U.S)."""
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    lead, inner, trail = marks[0], marks[1:-1], marks[-1]
    for k, want in enumerate(inner):
        if want and _marks_in(text[ends[i + k]:starts[i + k + 1]]) != want:
            return None
    start, end = starts[i], ends[i + size - 1]
    if lead:
        if not text.endswith(lead, 0, start) or (start > len(lead) and text[start - len(lead) - 1].isalnum()):
            return None  # (.NET: not NET income, nor ASP.NET)
        start -= len(lead)
    if trail:
        if text.startswith(trail, end):
            end += len(trail)
        elif trail != "." or size < 2:
            return None  # (an abbreviation of two letters or more may lose its last stop: U.S, e.g;
            # not No. for "No, he said")
    return start, end


def _joined(tokens: Tokens, i: int, size: int) -> bool:
    """Whether the tokens ``i`` to ``i + size`` stand together as one term's words."""
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    for j in range(i, i + size - 1):
        gap = text[ends[j]:starts[j + 1]]
        if _GAP_RE.fullmatch(gap):
            continue
        word = tokens.surfaces[j]
        if not (_ABBREVIATION_GAP_RE.fullmatch(gap) and (len(word) <= 2 or word.isupper())):
            return False
    return True


def inflected_form(word: str, form: str) -> bool:
    """The form guard: stems can join derivations (infected/infection, isolated/isolation), so a
    word with the term's stem must also be the term's word plus or minus an ending, or within two
    edits of it (confirmadas/confirmado, Москве/Москва)."""
    if word == form or word.startswith(form) or form.startswith(word):
        return True
    if abs(len(word) - len(form)) > 2:
        return False
    if word[-1:] in "sx" and any(unaccent(word) == unaccent(plural.casefold()) for lang in _PLURAL_RULES
                                 for plural in orthographic_plurals(form, lang)):
        return True  # (lápices for lápiz: three edits)
    from rapidfuzz.distance import OSA

    return OSA.distance(word, form, score_cutoff=2) <= 2


# Romance languages inflect nouns and adjectives by number and gender only, and their verbs by
# many endings: Snowball gives a noun and its verb one stem (seca, secaram: sec-), so the noun's
# forms are told from the verb's by the endings that nominal inflection allows.
ROMANCE = frozenset({"pt", "es", "fr", "it", "ca", "gl"})


# English nouns whose plural is not -s (a glossary of a house's words rarely holds more): their
# plurals, and the nouns a plural leaves as they are
_ENGLISH_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women", "foot": "feet",
                    "tooth": "teeth", "goose": "geese", "mouse": "mice", "ox": "oxen", "criterion": "criteria",
                    "phenomenon": "phenomena", "datum": "data", "medium": "media", "bacterium": "bacteria",
                    "curriculum": "curricula"}
_ENGLISH_IRREGULAR = frozenset(_ENGLISH_PLURALS) | frozenset("sheep fish deer aircraft staff police people".split())


def plurals_of(word: str, lang: str | None) -> list[str]:
    """The plurals a word may take: ``regular_plural`` and ``orthographic_plurals``, each once; in
    German also the -s of a loanword's plural and of the genitive (Apps, des Nutzerkontos), which
    Snowball keeps apart after a vowel or a p: forms to match, no plural to suggest (Schlüssels)."""
    forms = [regular_plural(word, lang), *orthographic_plurals(word, lang)]
    if primary_language(lang) == "de" and word[-1:].isalpha() and not word.casefold().endswith(("s", "x", "z", "ß")):
        forms.append(word + ("S" if word.isupper() else "s"))
    return list(dict.fromkeys(p for p in forms if p))


def regular_plural(word: str, lang: str | None) -> str | None:
    """``word`` with the plural -s of ``lang`` where the language forms it so (French ordinateur,
    courriel; Portuguese and Spanish words ending in a vowel, but -ão; English but -s, -x, -z,
    -ch, -sh, -y and a few irregular nouns; German loanwords ending in -y, -i or -u: Handys,
    Taxis); None where the plural may take another ending (journal -> journaux, papel -> papéis,
    atualização -> atualizações, ordenador -> ordenadores, Firma -> Firmen, child -> children)
    or the language has no -s plural (Dutch writes foto's)."""
    primary = primary_language(lang)
    w = word.casefold()
    if not w[-1:].isalpha():
        return None
    if primary == "fr":
        ok = not w.endswith(("s", "x", "z", "al", "au", "eu", "ail"))
    elif primary in ("pt", "gl"):
        ok = w[-1] in "aeiouáéíóúâêô" and not w.endswith(("ão", "ãe"))
    elif primary in ("es", "ca"):
        ok = w[-1] in "aeioué"
    elif primary == "en":
        ok = not w.endswith(("s", "x", "z", "ch", "sh", "y")) and w not in _ENGLISH_IRREGULAR \
            and not (w.endswith("man") and w != "human")
    elif primary == "de":
        ok = w[-1] in "yiu"  # loanwords; native nouns take -e, -en, -er (Firmen, Risiken)
    else:
        ok = False
    return word + ("S" if word.isupper() else "s") if ok else None


_PLURAL_RULES = ("pt", "es", "fr", "en")  # the languages whose plurals ``inflected_form`` admits
# beyond two edits (German's are within two: Kontos, Konten)
_UNACCENTED = str.maketrans("áéíóú", "aeiou")
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
_VOWEL_GROUPS = re.compile(r"[aeiouáéíóúü]+", re.IGNORECASE)


def _spanish_plural(word: str) -> str | None:
    """A Spanish word ending in a consonant with -es and its accent moved as the stress rules
    require: canción -> canciones (the accent goes), examen -> exámenes, joven -> jóvenes (the
    stressed syllable becomes the third from the end: it takes one)."""
    groups = list(_VOWEL_GROUPS.finditer(word))
    accents = [i for i, ch in enumerate(word.casefold()) if ch in "áéíóú"]
    if accents:
        if groups and accents[-1] >= groups[-1].start():  # the last syllable's: it goes (canción)
            return word[:accents[-1]] + word[accents[-1]].translate(_UNACCENTED) + word[accents[-1] + 1:] + "es"
        if word[-1:].casefold() in "ns" or word.casefold() == "carácter":
            return None  # the stress moves (régimen, regímenes; carácter, caracteres): no rule to guess
        return word + "es"  # (árbol, árboles)
    if word[-1:].casefold() == "n" and len(groups) >= 2:  # a word stressed on its next-to-last syllable
        group = groups[-2]
        strong = max(range(group.start(), group.end()), key=lambda i: word[i].casefold() in "aeo")
        if word[strong].casefold() in _ACCENTED:
            accent = _ACCENTED[word[strong].casefold()]
            return word[:strong] + (accent.upper() if word[strong].isupper() else accent) + word[strong + 1:] + "es"
    return word + "es"


def orthographic_plurals(word: str, lang: str | None) -> list[str]:
    """The plurals the spelling rules of ``lang`` form where an ending changes, which Snowball
    keys apart from the singular: Portuguese -m -> -ns (refém, reféns), -l -> -is (civil,
    civis; papel, papéis; fácil, fáceis), Spanish -z -> -ces (lápiz, lápices), a consonant ->
    -es (joven, jóvenes), French -eu -> -eux, -ail -> -aux. Candidates: the index keys them,
    and the form guard (``inflected_form``) checks the word written."""
    plurals = [p for p in _orthographic_plurals(word, lang) if p]
    return [p.upper() for p in plurals] if word.isupper() else plurals  # (PAPÉIS, not PAPéis)


def _orthographic_plurals(word: str, lang: str | None) -> list[str | None]:
    primary = primary_language(lang)
    w = word.casefold()
    accented = any(ch in "áéíóúâêôã" for ch in w)  # a written accent: the stress is not on the last syllable
    if w == "mal":
        return []  # (males: the one noun in -al that does not form -ais)
    if primary in ("pt", "gl"):
        if w.endswith("m"):
            return [word[:-1] + "ns"]
        if w.endswith(("ão", "ao")):  # ações, alemães, cidadãos: the word list tells which
            # (``plural_word``); the index keys unaccented forms (nacao: nacoes)
            tilde = "õ" if w.endswith("ão") else "o"
            return [word[:-2] + tilde + "es", word[:-2] + ("ã" if tilde == "õ" else "a") + "es", word + "s"]
        if w.endswith(("el", "ol")):  # papéis, faróis; túneis, álcoois where the stress is elsewhere
            stressed = word[:-2] + {"e": "é", "o": "ó"}[w[-2]] + "is"
            return [word[:-1] + "is", stressed] if accented else [stressed, word[:-1] + "is"]
        if w.endswith(("al", "ul")):
            return [word[:-1] + "is"]
        if w.endswith("il"):  # civis; fáceis where the stress is elsewhere
            return [word[:-2] + "eis", word[:-1] + "s"] if accented else [word[:-1] + "s", word[:-2] + "eis"]
        if w.endswith(("r", "z")):  # utilizadores, luzes (a tester's report: utilizadores -> usuário)
            return [word + ("ES" if word.isupper() else "es")]
    elif primary in ("es", "ca"):
        if w.endswith("z"):
            return [word[:-1] + "ces"]
        if w[-1:].isalpha() and w[-1] not in "aeiouáéíóúsx":
            return [_spanish_plural(word)]
    elif primary == "fr":
        if w.endswith("eu"):
            return [word + "x"]
        if w.endswith("ail"):
            return [word[:-3] + "aux"]
    elif primary == "de":
        # -o and -a to -s or -en (Kontos, Konten; Kameras, Themen), -um to -en (Zentren)
        if w.endswith(("o", "a")):
            return [word + "s", word[:-1] + "en"]
        if w.endswith("um"):
            return [word[:-2] + "en"]
    elif primary == "en":
        if w in _ENGLISH_PLURALS:  # child, children (the case of the word's first letter kept)
            plural = _ENGLISH_PLURALS[w]
            return [word[:1] + plural[1:]]
        if len(w) > 2 and w.endswith("y") and w[-2] not in "aeiou":
            return [word[:-1] + "ies"]  # city, cities
    return []



# plural endings (unaccented) -> the singular's ending: -ões/-ães -> -ão, -éis -> -el, -ais -> -al,
# -ns -> -m, -ces -> -z, -aux -> -al, Italian -chi -> -co ...
_PLURALS = (("oes", "ao"), ("aes", "ao"), ("aos", "ao"), ("eis", "el"), ("ais", "al"), ("ois", "ol"),
            ("uis", "ul"), ("is", "il"), ("ns", "m"), ("ces", "z"), ("eaux", "eau"), ("aux", "al"),
            ("chi", "co"), ("ghi", "go"), ("che", "ca"), ("ghe", "ga"), ("ies", "y"), ("es", ""), ("s", ""), ("x", ""))
# feminine (or masculine) endings -> the shared base: actif/active, infectieux/infectieuse, o/a/e
_GENDERS = (("ive", "if"), ("euse", "eux"), ("elle", "el"), ("enne", "en"), ("onne", "on"), ("ette", "et"),
            ("a", ""), ("o", ""), ("e", ""), ("i", ""))
_INFINITIVES = ("ar", "er", "ir", "re")  # a term word ending so is taken for a verb: it conjugates


def is_infinitive(form: str) -> bool:
    """Whether a (lower-cased, unaccented) Romance word looks like an infinitive (lavar, infecter,
    prendre): a verb, which conjugates. Nouns end so too (lugar, dossier): the guards that take it
    for a verb only admit more forms."""
    return form.endswith(_INFINITIVES)


def _nominal_bases(word: str) -> set[str]:
    """What a Romance noun or adjective can be a number or gender form of: itself, its singular,
    each without a gender ending. Two words are nominal forms of one another when these meet."""
    singulars = {word}
    for plural, singular in _PLURALS:
        if word.endswith(plural) and len(word) > len(plural) + 1:
            singulars.add(word[:-len(plural)] + singular)
    bases = set(singulars)
    for w in singulars:
        for ending, base in _GENDERS:
            if w.endswith(ending) and len(w) > len(ending) + 1:
                bases.add(w[:-len(ending)] + base)
    return bases


VERB_STEM_MIN = 3  # an infinitive's stem this long (est- of estar) identifies its verb
# What follows an infinitive's stem in its conjugated forms (unaccented; Portuguese, Spanish,
# French, Italian): the present, past, imperfect, future, conditional and subjunctive endings,
# the participles and gerunds, and those of estar/estar-like irregular pasts (estive, estuvo).
VERB_ENDINGS = frozenset("""
    o a as amos ais am an ao ava avas avam aba aban ei e ou aste aram aron ara arao ase asse assem
    arei aremos aria ariam ando ado ada ados adas es em emos eis en ia iam eu i io ieron iu iram era
    eram ese esse essem erei eria endo iendo ido ida idos idas imos is ir ire iva ons ez ent ait
    aient ai ee ees ant erai erait iamo ate ano ato ata ati ive eve ivemos iveram ivera ivesse iver
    eja ejam uve uvo uvieron oy
""".split())


def verb_stem(form: str) -> str | None:
    """The stem of a Romance infinitive long enough to identify its verb (est- of estar), else None."""
    return form[:-2] if is_infinitive(form) and len(form) - 2 >= VERB_STEM_MIN else None


def conjugated(word: str, form: str) -> bool:
    """Whether ``word`` is a conjugated form of the term word ``form`` when that is a Romance
    infinitive: its stem, then a conjugation ending (está, estão, estava, esteve for estar; not
    estudar). Snowball keys the commonest verbs' forms apart (estar, esta-), and they are too
    common to pass for the term's root word, so they are told by their stem and ending."""
    stem = verb_stem(form)
    return stem is not None and word != form and word.startswith(stem) and word[len(stem):] in VERB_ENDINGS


def multiword_inflection(word: str, form: str) -> bool:
    """The form guard of a Romance multi-word term's words: the loose guard, or a conjugated form
    of the term's verb (esteve for estar: three edits from it)."""
    return inflected_form(word, form) or conjugated(word, form)


def romance_inflection(lang: str | None) -> Callable[[str, str], bool]:
    """The form guard for a Romance language: a word is a form of a term's noun or adjective when
    it is one by number or gender (secas, confirmadas, vacinações, infectieuse), not another word
    of the language that Snowball joins to it (the verb's secaram, secou for seca; malade for
    maladie). A non-word keeps the loose guard (``inflected_form``): a typo of the term, or the
    English *infected* left for *infectado*, which the near-miss check then reports. A term word
    that looks like an infinitive (lavar) is a verb, whose conjugated forms the loose guard admits."""
    from ..lexicon import zipf

    memo: dict[tuple[str, str], bool] = {}

    def inflects(word: str, form: str) -> bool:
        found = memo.get((word, form))
        if found is None:
            if not inflected_form(word, form):
                found = False
            elif is_infinitive(form) or not _nominal_bases(word).isdisjoint(_nominal_bases(form)):
                found = True
            else:
                found = zipf(word, lang) < NONWORD_ZIPF
            if len(memo) < 100_000:
                memo[(word, form)] = found
        return found

    return inflects


def multiword_guard(lang: str | None) -> Callable[[str, str], bool] | None:
    """The form guard of multi-word terms in ``lang`` (None: the index's default)."""
    return multiword_inflection if lang in ROMANCE else russian_inflection if lang == "ru" else None


def _known_parses(word: str) -> list:
    """pymorphy3's parses of ``word`` from its dictionary, most likely first (none for a word it
    only guesses at, or without pymorphy3)."""
    from ..names.morph import _analyzer

    try:
        morph = _analyzer()
    except ImportError:
        return []
    return [p for p in morph.parse(word) if p.is_known]


def term_parses(word: str, parses: list) -> list:
    """Of ``parses`` (pymorphy3's of ``word``), those whose lemma is the word itself where there
    are such, else all: a term is listed in its dictionary form (мыло the noun, not мыть's past
    tense, whose forms моя, мою are everyday words; жгут the noun, not жечь's они жгут; часы the
    watch, not час: reviews)."""
    own = word.replace("ё", "е")
    return [p for p in parses if p.normal_form.replace("ё", "е") == own] or parses


@functools.lru_cache(maxsize=50_000)
def _russian_lemmas(word: str, as_term: bool) -> frozenset[str]:
    """The lemmas of ``word``'s parses in pymorphy3's dictionary; ``as_term``: of its
    ``term_parses``."""
    parses = _known_parses(word)
    if as_term:
        parses = term_parses(word, parses)
    return frozenset(p.normal_form.replace("ё", "е") for p in parses)


@functools.lru_cache(maxsize=4_096)
def russian_forms(word: str) -> tuple[str, ...]:
    """Every form of the lexemes of ``word`` as a term (``term_parses``) in pymorphy3's
    dictionary: its cases and numbers, or a verb's persons and tenses."""
    return tuple(sorted({f.word for p in term_parses(word, _known_parses(word)) for f in p.lexeme}))


def russian_inflection(word: str, form: str) -> bool:
    """The form guard for Russian: where pymorphy3's dictionary knows both words, they are forms
    of one another when a lemma of the word is the term's (мобилу, мобилы for мобила; скачайте
    for скачать), not when Snowball gives two words one stem (директор for директория, a
    tester's report) or pymorphy3 another lexeme the term's form (моя, a form of мыть, for
    мыло); otherwise, a typo or a word it does not know, the loose guard (``inflected_form``)."""
    if word == form:
        return True
    mine, theirs = _russian_lemmas(word, False), _russian_lemmas(form, True)
    if mine and theirs:
        return not mine.isdisjoint(theirs)
    return inflected_form(word, form)


def language_index(lang: str | None, inflects: Callable[[str, str], bool] | None = None) -> PatternIndex:
    """An empty index of terms in ``lang`` with that language's form guards: ``inflects`` (else
    the language's multi-word guard), its one-word guard, and conjugated verbs in a Romance one."""
    from .text import analyzer

    return PatternIndex(analyzer(lang), inflects=inflects or multiword_guard(lang), alone=one_word_guard(lang),
                        conjugates=lang in ROMANCE)


@functools.lru_cache(maxsize=None)
def one_word_guard(lang: str | None) -> Callable[[str, str], bool] | None:
    """The form guard of one-word terms in ``lang`` (None: the index's guard). Only they: a word
    alone cannot tell the noun (seca) from the verb that shares its stem, while in a longer term
    the words around it do (lave as mãos, whose verb conjugates: lavem as mãos)."""
    return romance_inflection(lang) if lang in ROMANCE else russian_inflection if lang == "ru" else None


def _lemmas(word: str) -> set[str]:
    """What an English word can be an inflection of: itself, less a plural or third-person -s
    (-es, -ies -> -y), a past -ed (-d, -ied -> -y, a doubled consonant undone) or an -ing (with
    the -e it drops, a doubled consonant undone). Over-generates (cases -> cas, case), which is
    harmless: two words are forms of one another when their candidates meet."""
    out = {word}
    n = len(word)
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        out.add(word[:-1])
        if word.endswith("es"):
            out.update((word[:-2], word[:-2] + "is"))  # viruses, diagnoses
            if word.endswith("ies") and n > 4:
                out.add(word[:-3] + "y")
    for ending in ("ed", "ing"):
        if n > len(ending) + 2 and word.endswith(ending):
            base = word[:-len(ending)]
            out.update((base, base + "e"))
            if ending == "ed":
                out.add(word[:-1])
                if base.endswith("i"):
                    out.add(base[:-1] + "y")
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                out.add(base[:-1])  # stopped, planning
    return out


def english_inflection(word: str, form: str) -> bool:
    """The form guard for English, which inflects by a few endings: a word and a term word are
    forms of one another only when both can be inflections of one word (infects / infected,
    quarantined / quarantine, viruses / virus), not a derivation the stemmer joins to it
    (medicinal / medicine, transmissive / transmission, isolating / isolation, infection /
    infected)."""
    if word == form:
        return True
    return not _lemmas(word).isdisjoint(_lemmas(form))


def _surface_ok(p: Pattern, surfaces: list[str], i: int, size: int,
                inflects: Callable[[str, str], bool] = inflected_form) -> bool:
    for k in range(size):
        word = unaccent(surfaces[i + k].lower())
        if word != p.forms[k] and not inflects(word, p.forms[k]):
            return False
    if True in p.caps:
        for k in range(size):  # an acronym in capitals, or its plural (APIs; not Us for US: a review)
            word = surfaces[i + k]
            if p.caps[k] and not (word.isupper() or (word[-1:] == "s" and len(word) > 2 and word[:-1].isupper())):
                return False
    if p.exact is not None:
        for k in range(size):
            if surfaces[i + k].casefold() != p.exact[k]:
                return False
    if p.case_sensitive is not None:
        for k in range(size):
            s = surfaces[i + k]
            want = p.case_sensitive[k]
            if s != want and s != want.upper():
                return False
    return True
