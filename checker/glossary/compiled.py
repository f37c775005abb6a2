"""A glossary compiled for matching: per language, a multi-pattern index of its terms' word keys,
the index of near misses (words within one edit of an approved term) and of source-language
leftovers, and the relations between entries (twins, expansions, compositions)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import primary_language
from .index import Pattern, PatternIndex, english_inflection, inflected_form, language_index, plurals_of
from .model import Glossary, Term
from .text import analyzer, is_acronym, split_words, unaccent


LEFTOVER_ZIPF = 3.0  # a one-word source form commoner than this in the target language is a loanword
MIN_NEAR_LEN = 4
PLAIN_TYPO_LEN = 5  # term words this long are matched within one edit of their plain form or stem


def fold_words(text: str) -> str:
    return " ".join(unaccent(text).casefold().split())


# ------------------------------------------------------------------------------ near-miss keys


def loose(surface: str) -> str:
    """A transliteration-aware key: ``norm`` (checker.names.normalize) after Spanish/Portuguese
    ``y`` between vowels -> ``j``, without a final plural ``s`` and gender vowel (Tayika -> tajik)."""
    from ..names.normalize import fold, norm

    s = fold(surface)
    if "y" in s:
        s = "".join("j" if ch == "y" and 0 < i < len(s) - 1 and s[i - 1] in "aeiou" and s[i + 1] in "aeiou" else ch
                    for i, ch in enumerate(s))
    s = norm(s)
    if len(s) > 5 and s.endswith("s"):
        s = s[:-1]
    if len(s) > 4 and s[-1] in "aeo":
        s = s[:-1]
    return s


COMPOUND_RE = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)+")


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def within_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are at most one edit apart (insertion, deletion, substitution or a
    swap of two adjacent letters: optimal string alignment distance <= 1), in pure Python: the
    near-miss lookups need no more, and a short run need not import rapidfuzz (~18 ms)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < la and i < lb and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True  # one substitution
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]  # one swap
    if la > lb:
        return a[i + 1:] == b[i:]  # one deletion
    return a[i:] == b[i + 1:]  # one insertion


def _plain_letters(s: str) -> str:
    return "".join(ch for ch in unaccent(s).casefold() if ch.isalpha())


def _deletes(s: str) -> set[str]:
    return {s, *(s[:i] + s[i + 1:] for i in range(len(s)))}


@dataclass
class NearMissIndex:
    """Approved terms' words under their loose key, their one-deletion keys and their skeleton."""

    lang: str | None
    loose: dict[str, list] = field(default_factory=dict)
    deletes: dict[str, list] = field(default_factory=dict)
    skel: dict[str, list] = field(default_factory=dict)
    term_keys: set[str] = field(default_factory=set)  # match keys of every term word (any status)
    approved_keys: set[str] = field(default_factory=set)  # ... of approved terms' words
    memo: dict[str, list] = field(default_factory=dict)
    compounds: dict[str, list] = field(default_factory=dict)  # hyphenated words (SARS-CoV-2)
    compound_deletes: dict[str, list] = field(default_factory=dict)
    plain_deletes: dict[str, list] = field(default_factory=dict)  # one-deletion keys of plain forms and stems
    compound_plain_deletes: dict[str, list] = field(default_factory=dict)

    def lookup_compound(self, surface: str) -> list:
        """Hyphenated term words within one edit of ``surface`` (same digits, letters within one
        edit after normalisation: SARS-CCoV-2, SARS-oV-2, COVD-19)."""
        lo, digits = loose(surface), _digits(surface)
        found = [c for c in self.compounds.get(lo, ()) if c[5] == digits]
        if not found and len(lo) >= 4:
            seen = set()
            for key in _deletes(lo):
                for c in self.compound_deletes.get(key, ()):
                    if id(c) not in seen and c[5] == digits and len(c[4]) >= 5 and within_one(lo, c[4]):
                        seen.add(id(c))
                        found.append(c)
            plain = _plain_letters(surface)  # one edit from the plain letters (SARS-CV-2)
            for key in _deletes(plain) if len(plain) >= 4 else ():
                for c, form in self.compound_plain_deletes.get(key, ()):
                    if id(c) not in seen and c[5] == digits and within_one(plain, form):
                        seen.add(id(c))
                        found.append(c)
        return found

    def lookup(self, surface: str) -> list[tuple[int, object]]:
        """[(tier, (entry, term, position, term keys, loose form))], best tier first."""
        found = self.memo.get(surface)
        if found is not None:
            return found
        from ..names.normalize import cheap_distance, skel

        lo = loose(surface)
        found = [(0, c) for c in self.loose.get(lo, ())]
        if not found and len(lo) >= 4:
            seen = set()
            for key in _deletes(lo):
                for c in self.deletes.get(key, ()):
                    if id(c) not in seen and len(c[4]) >= 5 and within_one(lo, c[4]):
                        seen.add(id(c))
                        found.append((1, c))
            # one edit (Damerau) from a term word's plain form or stem (vacna for vacuna, where
            # the transliteration key differs: the edit moved a letter out of its context)
            an = analyzer(self.lang)
            for form in {fold_words(surface), an.key(surface)}:
                if len(form) < 4:
                    continue
                for key in _deletes(form):
                    for c, plain in self.plain_deletes.get(key, ()):
                        if id(c) not in seen and within_one(form, plain):
                            seen.add(id(c))
                            found.append((1, c))
            for c in self.skel.get(skel(lo), ()) if len(lo) >= 5 else ():
                if id(c) not in seen:
                    budget = 1 if len(lo) <= 6 else 2
                    d = cheap_distance(lo, c[4])
                    if d is not None and d <= budget:
                        seen.add(id(c))
                        found.append((2, c))
        found.sort(key=lambda x: (x[0], -len(x[1][3])))  # best tier, then the longest term
        if len(self.memo) < 200_000:
            self.memo[surface] = found
        return found


# ------------------------------------------------------------------------------- the compiled


def _match_rule(p: Pattern) -> tuple:
    """What decides where a source pattern matches: its keys and its case and surface needs."""
    return p.keys, p.caps, p.exact, p.case_sensitive


class CompiledGlossary:
    """A glossary and its matchers, built per language on first use."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._target: dict[str | None, PatternIndex] = {}
        self._source: dict[str | None, PatternIndex] = {}
        self._near: dict[str | None, NearMissIndex] = {}
        self._left: dict[tuple[str | None, str | None], list[tuple[str | None, PatternIndex]]] = {}
        self._content: dict[tuple[int, str | None], list[tuple[str, bool]]] = {}
        self._expansions: dict[str | None, dict[int, set[int]]] = {}
        self._variants: dict[tuple[str | None, int], set[int]] = {}
        self._by_key: dict[str | None, dict[str, set[int]]] = {}
        self._compositions: dict[tuple, list[frozenset[int]] | None] = {}
        self._by_keys: dict[str | None, dict[tuple[str, ...], set[int]]] = {}
        self._twins: dict[str | None, dict[tuple, set[int]]] = {}

    def target_index(self, lang: str | None) -> PatternIndex:
        index = self._target.get(lang)
        if index is None:
            index = language_index(lang)
            an = index.analyzer
            items = []
            approved_keys = set()
            for ei, entry in enumerate(self.glossary.entries):
                for term in entry.in_lang(lang, "target"):
                    keys = an.term_keys(term.text)
                    if keys:
                        items.append((ei, term, keys))
                        if term.approved:
                            approved_keys.add(keys)
            for ei, term, keys in items:
                exact = not term.approved and keys in approved_keys
                index.add(index.pattern(term.text, (ei, term), approved=term.approved, exact=exact))
                # a deprecated word that stems like an approved one is matched as written, and in
                # its plurals (internamentos beside internação: a tester's report)
                one_word = exact and " " not in term.text.strip()
                for plural in plurals_of(term.text, lang) if one_word else ():  # (actualizações of actualização)
                    index.add(index.pattern(plural, (ei, term), approved=term.approved, exact=True))
            self._target[lang] = index
        return index

    def content_words(self, term: Term, lang: str | None) -> list[tuple[str, bool, str]]:
        key = (id(term), lang)
        found = self._content.get(key)
        if found is None:
            found = self._content[key] = _content_words(term, lang, analyzer(lang))
        return found

    def expansions(self, lang: str | None) -> dict[int, set[int]]:
        """Entries whose source terms are an acronym and its expansion (WHO / World Health
        Organization), both ways: one's translation renders the other's source term."""
        found = self._expansions.get(lang)
        if found is None:
            acronyms: dict[str, set[int]] = {}
            names: dict[str, set[int]] = {}
            for ei, entry in enumerate(self.glossary.entries):
                for term in entry.in_lang(lang, "source"):
                    if is_acronym(term.text):
                        acronyms.setdefault(term.text, set()).add(ei)
                    else:
                        caps = initials(term.text)
                        if len(caps) >= 2:
                            names.setdefault(caps, set()).add(ei)
            found = {}
            for caps, short in acronyms.items():
                for a in short:
                    for b in names.get(caps, ()):
                        if a != b:
                            found.setdefault(a, set()).add(b)
                            found.setdefault(b, set()).add(a)
            self._expansions[lang] = found
        return found

    def variants(self, lang: str | None, ei: int) -> set[int]:
        """Entries whose multi-word source terms are the same words as entry ``ei``'s, inflected or
        in another order, function words between them aside (washing hands / hand-washing / wash
        your hands, virus spread / spread of virus): one concept, so one's translation renders the
        other's source term (lavagem das mãos for washing hands, where the glossary gives lavar as
        mãos). Two content words at least, and a common word first or last is part of the term
        (new coronavirus pneumonia is no variant of coronavirus pneumonia). Worked out on first
        need, per entry, among the entries that have all its words' keys."""
        memo_key = (lang, ei)
        found = self._variants.get(memo_key)
        if found is None:
            by_key = self._by_key.get(lang)
            if by_key is None:  # entries by each key of their source terms, from the source index
                by_key = self._by_key[lang] = {}
                for patterns in self.source_index(lang).first.values():
                    for p in patterns:
                        for k in p.keys:
                            by_key.setdefault(k, set()).add(p.payload[0])
            inflects = word_forms(lang)
            found = set()
            for term in self.glossary.entries[ei].in_lang(lang, "source"):
                words = self._variant_words(term, lang)
                if words is None:
                    continue
                others = set.intersection(*(by_key.get(k, set()) for k in words)) - {ei}
                for other in others:
                    for t in self.glossary.entries[other].in_lang(lang, "source"):
                        theirs = self._variant_words(t, lang)
                        if theirs is not None and theirs.keys() == words.keys() and all(
                                inflects(words[k], theirs[k]) for k in words):
                            found.add(other)
            self._variants[memo_key] = found
        return found

    def _variant_words(self, term: Term, lang: str | None) -> dict[str, str] | None:
        """key -> word of a source term's content words, for ``variants``; None for a term with
        fewer than two, a key twice, or a common word first or last."""
        from ..lexicon import zipf

        an = analyzer(lang)
        words = split_words(term.text)
        content = [w for w in words if is_acronym(w) or not w.isalpha() or zipf(w, lang) < FUNCTION_ZIPF]
        if len(content) < 2 or content[0] != words[0] or content[-1] != words[-1]:
            return None
        keyed = {an.key(w): unaccent(w.casefold()) for w in content}
        return keyed if len(keyed) == len(content) else None

    def _entries_by_match_rule(self, lang: str | None) -> dict[tuple, set[int]]:
        """The source terms' entries by what decides where they match (``_match_rule``), from
        the source index."""
        by_rule = self._twins.get(lang)
        if by_rule is None:
            by_rule = self._twins[lang] = {}
            for patterns in self.source_index(lang).first.values():
                for p in patterns:
                    by_rule.setdefault(_match_rule(p), set()).add(p.payload[0])
        return by_rule

    def _entries_by_keys(self, lang: str | None) -> dict[tuple[str, ...], set[int]]:
        """The source terms' entries by the terms' keys alone."""
        by_keys = self._by_keys.get(lang)
        if by_keys is None:
            by_keys = self._by_keys[lang] = {}
            for (keys, *_), entries in self._entries_by_match_rule(lang).items():
                by_keys.setdefault(keys, set()).update(entries)
        return by_keys

    def twins(self, lang: str | None, ei: int, pattern: Pattern) -> list[int]:
        """The other entries whose source term matches as entry ``ei``'s matched ``pattern``
        does: the same keys (the stemmer joins medicine and medicines; alcohol based / alcohol-
        based hand sanitizer) and the same case and surface requirements (not AIDS / aid).
        The source matches only the first of them, so the others' translations count too."""
        return sorted(self._entries_by_match_rule(lang).get(_match_rule(pattern), set()) - {ei})

    def composition(self, lang: str | None, ei: int, term: Term, keys: tuple[str, ...]) -> list[frozenset[int]] | None:
        """A multi-word source term as two or more other entries' source terms, function words
        aside (covid-19 deaths = covid-19 + deaths): its parts, a part the entries whose source
        term it is; None when it is not made of other terms. Worked out on first need, per term."""
        memo_key = (lang, ei, keys)
        if memo_key not in self._compositions:
            parts = _split_into_terms(split_words(term.text), keys, self._entries_by_keys(lang), ei, lang) \
                if len(keys) > 1 else None
            self._compositions[memo_key] = parts if parts is not None and len(parts) >= 2 else None
        return self._compositions[memo_key]

    def source_index(self, lang: str | None) -> PatternIndex:
        index = self._source.get(lang)
        if index is None:
            # English inflects by a few endings: a source word must be a form of the term, not a
            # derivation the stemmer joins to it (medicinal is no form of medicine)
            index = language_index(lang, english_inflection if is_english(lang) else None)
            for ei, entry in enumerate(self.glossary.entries):
                for term in entry.in_lang(lang, "source"):
                    index.add(index.pattern(term.text, (ei, term)))
            self._source[lang] = index
        return index

    def _target_forms(self, lang: str | None) -> tuple[set, set]:
        an = analyzer(lang)
        keys, texts = set(), set()
        for entry in self.glossary.entries:
            for term in entry.in_lang(lang, "target"):
                keys.add(an.term_keys(term.text))
                texts.add(fold_words(term.text))
        return keys, texts

    def leftover_indexes(self, lang: str | None, source_lang: str | None = None
                         ) -> list[tuple[str | None, PatternIndex]]:
        """Per other language: its approved terms that are not also terms of ``lang`` (FRN beside
        NRF). With ``source_lang`` (the originals' language), that language's only, and none in a
        text of that language: an original has no source to leave words of (an English article
        with an en -> fr glossary: "USA", a deprecated French term, was a leftover: a tester's
        report)."""
        source = primary_language(source_lang) or None
        if source is not None and source == primary_language(lang):
            return []
        found = self._left.get((lang, source))
        if found is not None:
            return found
        from ..lexicon import zipf

        an = analyzer(lang)
        target_keys, target_texts = self._target_forms(lang)
        by_lang: dict[str | None, PatternIndex] = {}
        for ei, entry in enumerate(self.glossary.entries):
            if not entry.approved(lang):
                continue
            for term in entry.other_langs(lang):
                if not term.approved or (source is not None and term.lang is not None
                                         and primary_language(term.lang) != source):
                    continue  # (a term without a language is the source's or the target's by its column)
                words = term.text.split()
                if fold_words(term.text) in target_texts or an.term_keys(term.text) in target_keys:
                    continue
                if not any(ch.isalpha() for ch in term.text):
                    continue
                if len(words) == 1 and not is_acronym(term.text):
                    if len(term.text) < 4 or zipf(term.text.lower(), lang) >= LEFTOVER_ZIPF:
                        continue
                index = by_lang.get(term.lang)
                if index is None:
                    index = by_lang[term.lang] = language_index(term.lang)
                index.add(index.pattern(term.text, (ei, term)))
        found = self._left[(lang, source)] = sorted(by_lang.items(), key=lambda kv: kv[0] or "")
        return found

    def near_index(self, lang: str | None) -> NearMissIndex:
        index = self._near.get(lang)
        if index is not None:
            return index
        from ..names.normalize import skel

        an = analyzer(lang)
        index = NearMissIndex(lang)
        for ei, entry in enumerate(self.glossary.entries):
            for term in entry.in_lang(lang, "target"):
                words = split_words(term.text)
                keys = tuple(an.key(w) for w in words)
                index.term_keys.update(keys)
                if not term.approved:
                    continue
                index.approved_keys.update(keys)
                for compound in COMPOUND_RE.findall(term.text):
                    lo = loose(compound)
                    if len(lo) >= 4:
                        candidate = (ei, term, -1, keys, lo, _digits(compound))
                        index.compounds.setdefault(lo, []).append(candidate)
                        for key in _deletes(lo):
                            index.compound_deletes.setdefault(key, []).append(candidate)
                        plain = _plain_letters(compound)
                        if len(plain) >= PLAIN_TYPO_LEN:
                            for key in _deletes(plain):
                                index.compound_plain_deletes.setdefault(key, []).append((candidate, plain))
                for pos, word in enumerate(words):
                    if len(word) < MIN_NEAR_LEN or not word.isalpha():
                        continue
                    lo = loose(word)
                    candidate = (ei, term, pos, keys, lo)
                    index.loose.setdefault(lo, []).append(candidate)
                    if len(lo) >= 4:
                        for key in _deletes(lo):
                            index.deletes.setdefault(key, []).append(candidate)
                        index.skel.setdefault(skel(lo), []).append(candidate)
                    if len(word) >= PLAIN_TYPO_LEN:
                        for plain in (keys[pos],):
                            if len(plain) >= 4:
                                for key in _deletes(plain):
                                    index.plain_deletes.setdefault(key, []).append((candidate, plain))
        self._near[lang] = index
        return index


def is_english(lang: str | None) -> bool:
    return primary_language(lang) == "en"


def word_forms(lang: str | None):
    """The test that two (case-folded, unaccented) words are forms of one word in ``lang``."""
    return english_inflection if is_english(lang) else inflected_form
FAMILY_MIN = 4  # a term word's stem this long may be replaced by a word of its family


FUNCTION_ZIPF = 6.0  # words at least this common (de, das, para, the) are not content words


def _content_words(term: Term, lang: str | None, an) -> list[tuple[str, bool, str]]:
    """(key, family allowed, lower-cased unaccented form) for the content words of a term (words
    rarer than FUNCTION_ZIPF), which may stand apart (FAMILY_WINDOW) and, in an ordinary term, be replaced by a word of their
    family; the words of an identifier (digits, acronyms, hyphenated: COVID-19, SARS-CoV-2, WHO)
    must be there as they are. Only those words: the ordinary words beside an identifier take
    their family too (masques respiratoires N95 for respirateur N95: the model is N95, the kind of
    mask an ordinary noun the translation may render by its adjective)."""
    from ..lexicon import zipf

    words = split_words(term.text)
    fixed = {w for c in COMPOUND_RE.findall(term.text) for w in split_words(c)}  # inside a hyphenated identifier
    out = []
    for w in words:
        if len(words) > 1 and zipf(w, lang) >= FUNCTION_ZIPF:
            continue
        identifier = w in fixed or is_acronym(w) or not w.isalpha()
        out.append((an.key(w), not identifier and len(an.key(w)) >= FAMILY_MIN, unaccent(w.lower())))
    return out or [(an.key(w), False, unaccent(w.lower())) for w in words]


def _split_into_terms(words: list[str], keys: tuple[str, ...], by_keys: dict[tuple[str, ...], set[int]],
                      own: int, lang: str | None) -> list[frozenset[int]] | None:
    """keys as a sequence of other entries' source terms (the longest first at each word), a
    function word (of, and) skipped between two of them; None when some word is in none, or
    when a common word stands first or last (new covid-19 cases is not covid-19 + cases)."""
    from ..lexicon import zipf

    parts: list[frozenset[int]] = []
    i, n = 0, len(keys)
    skipped_last = False
    while i < n:
        for j in range(n if i else n - 1, i, -1):  # never the whole term itself
            others = by_keys.get(keys[i:j], set()) - {own}
            if others:
                parts.append(frozenset(others))
                i, skipped_last = j, False
                break
        else:
            if not parts or zipf(words[i], lang) < FUNCTION_ZIPF:
                return None
            i, skipped_last = i + 1, True
    return None if skipped_last else parts


def initials(text: str) -> str:
    """The capitals of a name's words (World Health Organization -> WHO); "" for one word."""
    words = split_words(text)
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[:1].isupper())
