"""The glossary checks as plain functions returning :class:`Hit`s (the rules in
``checker/rules/glossary.py`` turn them into findings; the evaluation script calls them too).

* ``wrong_terms``: deprecated or forbidden target terms (TC202);
* ``near_misses``: non-words close to an approved term (typos, transliterations such as Tayika
  for Tajik) and source-language forms left in the translation (FRN for NRF) (TC203);
* ``missing_terms``: source terms whose approved translation is absent (TC201).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..agreement import GERMAN_LIKE, article_at_risk, article_doubled, fix_at_risk
from ..casing import fit_replacement, starts_sentence, transfer_case
from ..model import Document
from ..names.normalize import HYPHENS
from .index import (NONWORD_ZIPF, ROMANCE, Match, Pattern, PatternIndex, conjugated, english_inflection, regular_plural,
                    inflected_form, language_index)
from .model import Entry, Glossary, Term
from .text import Analyzer, Tokens, analyzer, is_acronym, split_words, tokenize, unaccent

ATTESTED_ZIPF = 1.0  # wordfreq's floor: a token this frequent is attested (random typos score 0)
LEFTOVER_ZIPF = 3.0  # a one-word source form commoner than this in the target language is a loanword
MIN_NEAR_LEN = 4
ACCENT_GAP = 1.5  # a form without the term's accents this much rarer (Zipf; 30 times) is a slip
# ... and 10 times rarer inside a multi-word term, whose other words vouch for the accented
# reading (cas confirmes: confirmes is a verb form, but not after cas); lower case only, as
# capitals often go without their accents (CAS CONFIRMES)
PHRASE_ACCENT_GAP = 1.0
PHRASE_PLAIN_MAX_ZIPF = 4.0  # ... unless the plain form is a common word (publica, a verb: "a
# Secretaria de Saúde publica os dados" is no slip of saúde pública)
PLAIN_TYPO_LEN = 5  # term words this long are matched within one edit of their plain form or stem


@dataclass(frozen=True)
class Hit:
    kind: str  # deprecated, forbidden, near-miss, leftover, missing
    start: int
    end: int
    entry: Entry
    term: Term  # the term found (the source term for "missing")
    suggestions: tuple[str, ...] = ()
    replacement: str | None = None
    safe: bool = False
    source_start: int | None = None  # missing: the source term's span in the source document
    source_end: int | None = None
    counts: tuple[int, int] | None = None  # missing: (source occurrences, target renderings) when short
    twins: tuple[Entry, ...] = ()  # missing: other entries with the same source term


def _fold_words(text: str) -> str:
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
            for form in {_fold_words(surface), an.key(surface)}:
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
        self._left: dict[str | None, list[tuple[str | None, PatternIndex]]] = {}
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
            inflects = _word_forms(lang)
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
            index = language_index(lang, english_inflection if _english(lang) else None)
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
                texts.add(_fold_words(term.text))
        return keys, texts

    def leftover_indexes(self, lang: str | None) -> list[tuple[str | None, PatternIndex]]:
        """Per other language: its terms that are not also terms of ``lang`` (FRN beside NRF)."""
        found = self._left.get(lang)
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
                words = term.text.split()
                if _fold_words(term.text) in target_texts or an.term_keys(term.text) in target_keys:
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
        found = self._left[lang] = sorted(by_lang.items(), key=lambda kv: kv[0] or "")
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


# ------------------------------------------------------------------------------- document scan


@dataclass
class Scan:
    lang: str | None
    tokens: Tokens
    keys: list[str]
    matches: list[Match]


def scan(doc: Document, lang: str | None, compiled: CompiledGlossary, index: PatternIndex | None = None) -> Scan:
    tokens = tokenize(doc.prose)
    an = analyzer(lang)
    keys = an.keys(tokens.surfaces)
    index = index or compiled.target_index(lang)
    return Scan(lang, tokens, keys, index.scan(tokens, keys))


def _surface(doc: Document, sc: Scan, m: Match) -> str:
    return " ".join(sc.tokens.surfaces[m.first:m.last])


def wrong_terms(doc: Document, sc: Scan, compiled: CompiledGlossary) -> list[Hit]:
    hits = []
    for m in sc.matches:
        if m.pattern.approved:
            continue
        ei, term = m.pattern.payload
        entry = compiled.glossary.entries[ei]
        approved = entry.approved(sc.lang)
        surface = _surface(doc, sc, m)
        written = doc.visible(m.start, m.end)
        if _written_as_approved(written, term, approved):
            continue  # the entry's approved form, which the matcher cannot tell from this one
        as_listed = _fold_words(surface) == _fold_words(" ".join(split_words(term.text)))  # (case, hyphens aside)
        suggestions = _fitted(doc, m.start, m.end, written, approved, term.text)
        replacement = None
        if approved:
            replacement = suggestions[0]  # (the first approved term, fitted to the text)
            if not as_listed:
                replacement = _inflected_like(written, term.text, replacement) or _plural_like(
                    written, term.text, replacement, sc.lang)
        safe = len(approved) == 1 and as_listed and not (
            replacement and fix_at_risk(doc.prose, m.start, term.text, replacement, sc.lang))
        hits.append(Hit(term.status.value, m.start, m.end, entry, term, suggestions, replacement, safe))
    return hits


INFLECTED_LIKE_TAIL = 2  # letters the term and its replacement must end in alike


def _inflected_like(written: str, term: str, replacement: str) -> str | None:
    """``replacement`` with the ending ``written`` adds to the term, an inflection of it, when the
    two terms end in the same letters and so likely inflect alike (cease-fires for cease-fire ->
    ceasefires, Resistance Fronts -> National Resistance Fronts); else None, no fix, only the
    suggestion: Os imunizantes is no "Os vacina", Kriegern for Krieger no Soldatn, treguas no
    alto el fuegos, casos registrados no caso confirmados (a tester's report)."""
    from ..names.morph import ending_change

    pair = ending_change(written.casefold(), term.casefold())
    tail = term.casefold()[-INFLECTED_LIKE_TAIL:]
    if pair is None or not pair[0] or pair[1] or not replacement.casefold().endswith(tail):
        return None
    return replacement + written[len(written) - len(pair[0]):]


def _fitted(doc: Document, start: int, end: int, written: str, approved: list[Term], listed: str) -> tuple[str, ...]:
    """The approved terms as suggestions for ``written`` (matched as the term ``listed``) at
    [start, end): in its case, as the fix writes them (Réglages at a heading's start:
    Paramètres, a tester's report)."""
    return tuple(dict.fromkeys(fit_replacement(doc, start, end, written, t.text, listed) for t in approved))


def _plural_like(written: str, term: str, replacement: str, lang: str | None) -> str | None:
    """The replacement's regular plural where ``written`` is the term's (emails for email ->
    courriels, a tester's report): one word, or in English the last word of several; else None."""
    if written.casefold() != term.casefold() + "s" or (len(replacement.split()) > 1 and (lang or "")[:2] != "en"):
        return None
    head, _, last = replacement.rpartition(" ")
    plural = _plural_word(last, lang)
    return (head + " " + plural if head else plural) if plural else None


def _plural_word(word: str, lang: str | None) -> str | None:
    """``regular_plural``, where the word list knows the plural (not childs, Themas)."""
    from ..lexicon import zipf

    plural = regular_plural(word, lang)
    return plural if plural is not None and zipf(plural, lang) >= NONWORD_ZIPF else None


def _likeness(surface: str, text: str) -> int:
    """2 when ``surface`` is ``text`` as written, 1 when only its case differs, else 0."""
    return 2 if surface == text else 1 if surface.casefold() == text.casefold() else 0


def _written_as_approved(surface: str, wrong: Term, approved: list[Term]) -> bool:
    """Whether ``surface``, matched as the deprecated or forbidden ``wrong``, is written at least
    as exactly as one of the entry's approved terms. Matching ignores case and hyphens, so an
    entry whose terms differ only there ('Secretary General' forbidden, 'secretary-general'
    preferred; 'COVID-19' forbidden, 'Covid-19' preferred) is judged on the letters written."""
    best = max((_likeness(surface, t.text) for t in approved), default=0)
    return best > 0 and best >= _likeness(surface, wrong.text)


def near_misses(doc: Document, sc: Scan, compiled: CompiledGlossary, source: Document | None = None) -> list[Hit]:
    """TC203's hits, none inside a URL. With ``source`` (the original, in the pair path): a
    near-miss spelled as a word of the aligned source segment, but no form of the entry's source
    term, is left (the translator kept the source's word: the French *transmissive*, the name
    *vaccinia*); so is a source term inside a name or title the translation keeps in the source
    language; and the source term spelled as in the source without the target's accents
    (*virus* for *vírus*) is reported although that spelling is common in the target language."""
    hits = [h for h in _near_misses(doc, sc, compiled, source) if not _in_url(doc.prose, h.start, h.end)]
    if source is not None and hits:
        hits = [h for h in hits if not _source_spelling(doc, source, h)]
    return hits


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a URL (a run without spaces holding :// or starting www.):
    plain-text documents do not mask them as Markdown does (https://www.cdc.gov/coronavirus/)."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    chunk = text[a:b].lstrip("(<[\"'")
    return "://" in chunk or chunk.startswith("www.")


def _source_spelling(doc: Document, source: Document, h: Hit) -> bool:
    """Whether hit ``h`` is the source's own spelling: a near-miss that is a word of the aligned
    source segment but no form of the entry's source term (pneumo-, the French transmissive for
    transmissive), or a source term kept inside a name or title the translation quotes."""
    if h.kind == "near-miss" and _in_source(doc, source, h.start, h.end):
        if not _source_term_form(doc.prose[h.start:h.end], h.entry, source.lang):
            return True
    if h.kind in ("near-miss", "leftover"):
        s_text = _aligned_source(doc, source, h.start)
        surface = doc.prose[h.start:h.end]
        t_seg = _aligned_target(doc, source, h.start)
        i = s_text.find(surface)
        while i >= 0:
            if kept_in_source_language(s_text, i, i + len(surface), t_seg, source.lang, doc.lang):
                return True
            i = s_text.find(surface, i + 1)
    return False


def _aligned_target(doc: Document, source: Document, offset: int) -> str:
    """The target segment at ``offset`` when source and target align segment by segment, else
    the whole target."""
    if len(source.segments) == len(doc.segments) and len(doc.segments) > 1:
        starts = [s.start for s in doc.segments]
        seg = doc.segments[max(0, bisect.bisect_right(starts, offset) - 1)]
        return doc.prose[seg.start:seg.end]
    return doc.prose


def _english(lang: str | None) -> bool:
    return (lang or "").split("-")[0].lower() == "en"


def _word_forms(lang: str | None):
    """The test that two (case-folded, unaccented) words are forms of one word in ``lang``."""
    return english_inflection if _english(lang) else inflected_form


def _source_term_form(word: str, entry: Entry, lang: str | None) -> bool:
    """Whether ``word`` is a form of a word of the entry's source term (the English *infected*
    left untranslated for *infectado*): then it is the term left in the source language."""
    inflects = _word_forms(lang)
    folded = unaccent(word.lower())
    return any(inflects(folded, unaccent(w.lower()))
               for t in entry.in_lang(lang, "source") for w in split_words(t.text))


def _aligned_source(doc: Document, source: Document, offset: int) -> str:
    """The source segment aligned with the target segment at ``offset`` (segment by segment when
    both have as many segments, as TC201 compares them), else the whole source."""
    if len(source.segments) == len(doc.segments) and len(doc.segments) > 1:
        starts = [s.start for s in doc.segments]
        seg = source.segments[max(0, bisect.bisect_right(starts, offset) - 1)]
        return source.prose[seg.start:seg.end]
    return source.prose


def _in_source(doc: Document, source: Document, start: int, end: int) -> bool:
    """Whether the word at doc.prose[start:end] stands as a word in the aligned source segment."""
    return _word_in(_aligned_source(doc, source, start).casefold(), doc.prose[start:end].casefold())


FOREIGN_GAP = 1.0  # a word this much commoner (Zipf) in the source language than in the target's is foreign to it

_BEFORE_RE = re.compile(r"([^\W\d_]+)([^\w]{1,3})$")
_AFTER_RE = re.compile(r"([^\w]{1,3})([^\W\d_]+)")


def _word_in(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` with word boundaries on both sides."""
    i = text.find(phrase)
    while i >= 0:
        j = i + len(phrase)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            return True
        i = text.find(phrase, i + 1)
    return False


def kept_in_source_language(s_text: str, start: int, end: int, t_text: str, s_lang: str | None,
                            t_lang: str | None) -> bool:
    """Whether the source words s_text[start:end], capitalised, stand in ``t_text`` together with
    a source word beside them that is foreign to the target language (a name or title the
    translation keeps as it is: *Centre for Evidence-Based Medicine*, *International Vaccine
    Centre*, an English title): then they are quoted, not left untranslated."""
    from ..lexicon import zipf

    surface = s_text[start:end]
    if not surface[:1].isupper() or not _word_in(t_text, surface):
        return False  # names and titles are capitalised; a lower-case term left as is was not quoted
    before = _BEFORE_RE.search(s_text, max(0, start - 60), start)
    after = _AFTER_RE.match(s_text, end)
    for phrase, word in ((before and before.group(0) + surface, before and before.group(1)),
                         (after and surface + after.group(0), after and after.group(2))):
        if (word and len(word) > 1 and zipf(word, s_lang) >= zipf(word, t_lang) + FOREIGN_GAP
                and _word_in(t_text, phrase)):
            return True
    return False


def _near_misses(doc: Document, sc: Scan, compiled: CompiledGlossary, source: Document | None = None) -> list[Hit]:
    from ..lexicon import zipf

    covered = bytearray(len(sc.tokens))
    owner: dict[int, Match] = {}
    for m in sc.matches:
        covered[m.first:m.last] = b"\x01" * (m.last - m.first)
        owner[m.first] = m
    hits: list[Hit] = []
    entries = compiled.glossary.entries
    known = _Known(sc.lang, sc.tokens.surfaces)  # batch word-frequency lookups for a long text
    # 1. source-language forms left in the translation
    for other, index in compiled.leftover_indexes(sc.lang):
        keys = analyzer(other).keys(sc.tokens.surfaces)
        for m in index.scan(sc.tokens, keys):
            if any(covered[m.first:m.last]) and not _contains_only_shorter(m, owner, covered):
                continue
            ei, term = m.pattern.payload
            entry = entries[ei]
            approved = entry.approved(sc.lang)
            surface = _surface(doc, sc, m)
            exact = _fold_words(surface) == _fold_words(" ".join(split_words(term.text)))
            written = doc.visible(m.start, m.end)
            suggestions = _fitted(doc, m.start, m.end, written, approved, term.text)
            replacement = suggestions[0]  # (the first approved term, fitted to the text)
            safe = len(approved) == 1 and exact and not (  # (no gender: the term is the source language's)
                article_at_risk(doc.prose, m.start, written, replacement, sc.lang)
                or article_doubled(doc.prose, m.start, replacement, sc.lang))
            hits.append(Hit("leftover", m.start, m.end, entry, term, suggestions, replacement, safe))
            covered[m.first:m.last] = b"\x01" * (m.last - m.first)
    # 1b. words matched by an approved term's stem that are not words of the language: a typo or
    # an ending the stemmer absorbs (pandéme, the English vaccines for vaccins; vacinas is a
    # word), or the term typed without its accents where that form is no word, or a far rarer
    # one (epidemie, transmissao; not publico, a verb, nor esta)
    surfaces = sc.tokens.surfaces
    for m in sc.matches:
        if not m.pattern.approved:
            continue
        ei, term = m.pattern.payload
        words = None
        for k in range(m.last - m.first):
            surface = surfaces[m.first + k]
            if len(surface) < MIN_NEAR_LEN or not surface.isalpha():
                continue
            if words is None:
                words = split_words(term.text)
            word = words[k] if k < len(words) else ""
            if surface.casefold() == word.casefold():
                continue
            folded, plain_word = _fold_words(surface), _fold_words(word)
            z = zipf(surface, sc.lang)
            if folded == plain_word:  # only accents differ
                gap = ACCENT_GAP if m.last - m.first == 1 or not surface.islower() \
                    or z >= PHRASE_PLAIN_MAX_ZIPF else PHRASE_ACCENT_GAP
                if z >= NONWORD_ZIPF and zipf(word, sc.lang) - z < gap and not (
                        source is not None and _source_term_form(surface, entries[ei], source.lang)
                        and _in_source(doc, source, sc.tokens.starts[m.first + k], sc.tokens.ends[m.first + k])):
                    continue  # a common spelling without the accents (publica), unless it is the
                    # source term itself, spelled as in the source segment (virus for vírus)
            elif z >= NONWORD_ZIPF:
                continue
            elif folded.startswith(plain_word) and len(folded) - len(plain_word) <= 2 and not _other_lang_word(
                    entries[ei], sc.lang, surface) and _keeps_accents(surface, word):
                continue  # the term plus an ending (quarentenas, confinements): a rare inflection
            elif z >= ATTESTED_ZIPF and not _other_lang_word(entries[ei], sc.lang, surface):
                continue  # a rare word of the term's stem (pandêmica, epidêmico): a derivation, not a typo
            i = m.first + k
            hits.append(Hit("near-miss", sc.tokens.starts[i], sc.tokens.ends[i], entries[ei], term, (term.text,),
                            transfer_case(surface, word, starts_sentence(doc, sc.tokens.starts[i]))
                            if folded == plain_word else None, False))
    # 2. hyphenated words close to a hyphenated term (SARS-CCoV-2 for SARS-CoV-2)
    near = compiled.near_index(sc.lang)
    if near.compounds:
        starts = sc.tokens.starts
        for cm in COMPOUND_RE.finditer(doc.prose):
            first = bisect.bisect_left(starts, cm.start())
            last = bisect.bisect_left(starts, cm.end())
            if any(covered[first:last]) and not _covered_by_shorter(first, last, owner, covered):
                continue
            parts = [w for w in sc.tokens.surfaces[first:last] if not w.isdigit()]
            if all(w.islower() or w.istitle() for w in parts) and all(w.casefold() in known for w in parts):
                continue  # every part is a word (avez-vous is no misspelling of lavez-vous)
            found = near.lookup_compound(cm.group())
            lo = loose(cm.group())
            if found and lo != "" and all(c[4] != lo for c in found):  # not a term's own compound
                found.sort(key=lambda c: (COMPOUND_RE.fullmatch(c[1].text) is None, len(c[3])))
                ei, term = found[0][0], found[0][1]
                word = COMPOUND_RE.findall(term.text)[0]
                hits.append(Hit("near-miss", cm.start(), cm.end(), entries[ei], term, (term.text,),
                                word, False))
                covered[first:last] = b"\x01" * (last - first)
    # 3. non-words close to a word of an approved term
    surfaces, keys, n = sc.tokens.surfaces, sc.keys, len(sc.tokens)
    term_keys = near.term_keys
    worth = {s for s in set(surfaces) if len(s) >= MIN_NEAR_LEN and s.casefold() not in known
             and s.isalpha() and near.lookup(s)}  # the distinct non-words close to a term word
    for i in [i for i, s in enumerate(surfaces) if s in worth] if worth else ():
        surface = surfaces[i]
        if covered[i] or keys[i] in term_keys:
            continue
        proper = surface[:1].isupper() and not surface.isupper() and i > 0 \
            and not starts_sentence(doc, sc.tokens.starts[i])
        candidates = near.lookup(surface)
        for tier, (ei, term, pos, tkeys, _lo, *_) in candidates:
            first = i - pos
            if first < 0 or first + len(tkeys) > n:
                continue
            if any(keys[first + k] != tkeys[k] for k in range(len(tkeys)) if k != pos):
                continue
            if zipf(surface.lower(), sc.lang) >= (NONWORD_ZIPF if tier == 0 else ATTESTED_ZIPF):
                break  # a word; one edit from a term, an attested word (repatrió, frotado) is a real word too
            word = split_words(term.text)[pos]
            if proper and word[:1].islower():
                continue  # a capitalised word inside a sentence close to a common noun: a name (Medicago)
            if _unlisted_inflection(surface, word, sc.lang):
                break
            entry = entries[ei]
            # a misspelt plural gets the plural (fichers: fichiers, a tester's report)
            plural = _plural_word(word, sc.lang) if surface[-1:] in "sS" and word[-1:] not in "sS" else None
            if plural is not None and within_one(surface.casefold(), plural.casefold()):
                word = plural
            fix = transfer_case(surface, word, starts_sentence(doc, sc.tokens.starts[i]))
            suggestion = fix if len(split_words(term.text)) == 1 else term.text
            hits.append(Hit("near-miss", sc.tokens.starts[i], sc.tokens.ends[i], entry, term, (suggestion,), fix,
                            False))
            break
    # 4. an approved term written with other joiners (E-Mail Adresse for E-Mail-Adresse, mot-de-passe)
    hits += _joined_otherwise(doc, sc, entries)
    hits.sort(key=lambda h: h.start)
    return hits


_UNJOINED = re.compile(f"[{HYPHENS}]")


def _joiners(text: str, tokens: Tokens, first: int, last: int) -> tuple[bool, ...] | None:
    """Per gap between tokens [first, last): whether a hyphen joins them; None where a gap holds
    more than a hyphen or spaces (a spaced dash, "data - center", is punctuation)."""
    out = []
    for i in range(first, last - 1):
        gap = text[tokens.ends[i]:tokens.starts[i + 1]]
        if len(gap) == 1 and gap in HYPHENS:
            out.append(True)
        elif gap.isspace() and "\n" not in gap:  # (a line break: the joiner may be the wrap's)
            out.append(False)
        else:
            return None
    return tuple(out)


def _joined_otherwise(doc: Document, sc: Scan, entries: list[Entry]) -> list[Hit]:
    """Approved terms the text writes with a hyphen where the glossary has a space, or the
    reverse (the German E-Mail Adresse for E-Mail-Adresse, the French mot-de-passe for mot de
    passe: a tester's report): the matcher takes them for the term, which spell-checkers pass.
    Not in English, where the hyphen goes with the words' role (real-time data, in real time;
    to follow up, a follow-up), nor inside a longer compound (Google-Drive-Ordner: a review)."""
    if _english(sc.lang):
        return []
    prose, tokens = doc.prose, sc.tokens
    out = []
    spellings: dict[int, list[tuple[Term, tuple[bool, ...] | None]]] = {}
    for m in sc.matches:
        if not m.pattern.approved or m.last - m.first < 2:
            continue
        if (m.start and prose[m.start - 1] in HYPHENS) or (m.end < len(prose) and prose[m.end] in HYPHENS):
            continue  # inside a longer compound
        written = _joiners(prose, tokens, m.first, m.last)
        if written is None:
            continue
        ei = m.pattern.payload[0]
        if ei not in spellings:
            spellings[ei] = []
            for t in entries[ei].approved(sc.lang):
                tt = tokenize(t.text)
                spellings[ei].append((t, _joiners(t.text, tt, 0, len(tt))))
        listed = [(t, j) for t, j in spellings[ei] if j is not None and len(j) == len(written)]
        if not listed or any(j == written for _, j in listed):
            continue
        term = listed[0][0]
        surface = prose[m.start:m.end]
        same_words = _fold_words(_UNJOINED.sub(" ", surface)) == _fold_words(_UNJOINED.sub(" ", term.text))
        replacement = transfer_case(surface, term.text, starts_sentence(doc, m.start)) if same_words else None
        out.append(Hit("joined", m.start, m.end, entries[ei], term, (term.text,), replacement, replacement is not None))
    return out


def _unlisted_inflection(surface: str, word: str, lang: str | None) -> bool:
    """``surface`` is a regular form of the term word that the word list lacks, no misspelling:
    in German the word and an ending (the genitive Benutzerkontos of Benutzerkonto); elsewhere a
    longer form on the term word's stem with the same start of its ending (hébergeuses: stem
    héberg, -eu- as hébergeur). Not a form one letter short (Krankenhau, cuarenten), nor a
    Spanish or Portuguese plural in a bare -s after a consonant or a nasal vowel (ordenadors,
    vacinaçãos: a review)."""
    from ..names.normalize import fold

    folded, plain = fold(surface), fold(word)
    if len(folded) <= len(plain):
        return False
    if (lang or "").split("-")[0] in GERMAN_LIKE:
        return folded[len(plain):] in GERMAN_ENDINGS and folded.startswith(plain)
    stem = analyzer(lang).keys([surface])[0]
    n = len(stem)
    return (n >= MIN_SHARED_STEM and plain.startswith(stem) and len(plain) - n <= 3
            and len(plain[n:n + 2]) == 2 and folded[n:n + 2] == plain[n:n + 2])


GERMAN_ENDINGS = frozenset({"s", "es", "n", "en", "e", "er", "ern", "ns"})
MIN_SHARED_STEM = 5


def _keeps_accents(surface: str, word: str) -> bool:
    """Whether ``surface`` writes the term word ``word``'s letters with their accents, but for its
    last two, where an ending may move the accent (transmisión, transmisiones): pandemies drops
    pandémie's é, a slip rather than an inflection."""
    n = max(0, len(word) - 2)
    return surface[:n].casefold() == word[:n].casefold()


class _Known:
    """Membership in the words of a language (Zipf >= NONWORD_ZIPF), through the lexicon's public
    lookups only: the document's candidate words (four letters or more) are looked up in batches
    first (``Lexicon.prefetch``: one query per 500 words instead of one per word), so later
    lookups are dictionary hits and no process loads the whole word list."""

    def __init__(self, lang: str | None, surfaces: list[str]) -> None:
        from ..lexicon import get_lexicon

        self.lang = lang
        if surfaces:
            get_lexicon(lang).prefetch({w for w in set(surfaces) if len(w) >= MIN_NEAR_LEN and w.isalpha()})

    def __contains__(self, word: str) -> bool:
        from ..lexicon import zipf

        return zipf(word, self.lang) >= NONWORD_ZIPF


def _other_lang_word(entry: Entry, lang: str | None, surface: str) -> bool:
    """Whether ``surface`` is a word of one of the entry's terms in another language (the English
    *vaccines* left in a French text, where it also reads as vaccin + es)."""
    folded = surface.casefold()
    return any(folded == w.casefold() for t in entry.other_langs(lang) for w in split_words(t.text))


def _covered_by_shorter(first: int, last: int, owner: dict[int, Match], covered: bytearray) -> bool:
    """Whether tokens [first, last) are covered only by matches lying inside them (SARS in a
    misspelt SARS-CV-2): the compound is then still checked as a whole."""
    i = first
    while i < last:
        if not covered[i]:
            i += 1
            continue
        inner = owner.get(i)
        if inner is None or inner.last > last or (inner.first == first and inner.last == last):
            return False
        i = inner.last
    return True


def _contains_only_shorter(m: Match, owner: dict[int, Match], covered: bytearray) -> bool:
    """Whether the target-language matches under ``m`` are approved terms inside it (COVID-19 in
    a leftover "COVID-19 cases"): then the longer, source-language form wins."""
    if m.first > 0 and covered[m.first] and m.first not in owner:
        return False  # a match that starts before m
    i = m.first
    while i < m.last:
        inner = owner.get(i)
        if inner is None:
            if covered[i]:
                return False
            i += 1
            continue
        if inner.last > m.last or not inner.pattern.approved or inner.last - inner.first >= m.last - m.first:
            return False
        i = inner.last
    return True


FAMILY_PREFIX = 5  # a word sharing this many first letters with a term's stem is of its family
COMPOUND_SUFFIX_MAX = 3  # in a compounding language, only the term's stem and this many letters more
FAMILY_MIN = 4  # a term word's stem this long may be replaced by a word of its family
ROOT_MIN = 3  # a word whose stem begins the term word's stem (lav- for lavag-) is its root, this long
ROOT_SHORT = 2  # ... and at most this many letters shorter than the term word's stem


def _occurrences(keys: list[str], lo: int, hi: int, term_keys: tuple[str, ...]) -> int:
    """Occurrences (overlapping, nested in longer terms too) of ``term_keys`` in keys[lo:hi]."""
    size = len(term_keys)
    if not size:
        return 0
    head = term_keys[0]
    count = 0
    for i in range(lo, hi - size + 1):
        if keys[i] == head and (size == 1 or tuple(keys[i:i + size]) == term_keys):
            count += 1
    return count


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


FAMILY_WINDOW = 3  # the other words of a multi-word term within this many tokens of its head word


def _family_count(surfaces: list[str], keys: list[str], lo: int, hi: int, content: list[tuple[str, bool, str]],
                  lang: str | None, taken: frozenset[int] = frozenset()) -> int:
    """How many renderings of the term the unit could hold, counted at its head word (the
    longest key): the head word itself or a word of its family (a word of the language sharing
    the first FAMILY_PREFIX letters: infectados / infección, not the Spanish transmisión in
    Portuguese), with each other content word (or a word of its family) near it, in any order.
    A word of the family is also one the term word's stem begins (febril for febr-, a
    relational adjective), and, in a term of several words, the root the term word's stem
    begins with (lavar, lav-, for lavagem: se laver les mains for lavage des mains), a content
    word at most ROOT_SHORT letters shorter. Tokens in ``taken`` (another term's rendering in
    the unit) stand for that term and are not counted as a word of the family."""
    from ..lexicon import zipf
    from ..names.compare import COMPOUNDING

    compounding = (lang or "")[:2] in COMPOUNDING

    def matches(i: int, key: str, family: bool, form: str, root: bool = False) -> bool:
        k = keys[i]
        if k == key:
            return True
        if not family:
            return False
        written = unaccent(surfaces[i].lower())
        if compounding and _compound_holding(written, surfaces[i].lower(), form, lang):
            return True  # (also when another term took it: Konfigurationsdatei, configuration file)
        if i in taken:
            return False
        if _reinflected(written, form):
            return zipf(surfaces[i], lang) >= ATTESTED_ZIPF
        if compounding and not (k.startswith(key) and len(k) - len(key) <= COMPOUND_SUFFIX_MAX):
            # a compound names its last part: Sprechstunde is no Sprecher, Waffenlieferung no
            # Waffenstillstand, Gesundheitsamt no Gesundheitsminister (a tester's report)
            return False
        if k.startswith(key) or written.startswith(key):
            # the term's stem and more (vacinal), or a form the stemmer cut shorter than the
            # term's (repatrió, repatr-, for repatriar, repatri-): a word of the stem, if attested
            return zipf(surfaces[i], lang) >= ATTESTED_ZIPF
        if len(key) >= FAMILY_PREFIX and k.startswith(key[:FAMILY_PREFIX]):
            return zipf(surfaces[i], lang) >= NONWORD_ZIPF
        if root and lang in ROMANCE and conjugated(written, form):
            return zipf(surfaces[i], lang) >= NONWORD_ZIPF  # however common: está for estar
        if root and len(k) >= ROOT_MIN and len(k) >= len(key) - ROOT_SHORT and key.startswith(k):
            return NONWORD_ZIPF <= zipf(surfaces[i], lang) < FUNCTION_ZIPF
        return False

    head = max(range(len(content)), key=lambda j: len(content[j][0]))
    others = [c for j, c in enumerate(content) if j != head]
    window = len(content) + FAMILY_WINDOW
    root = bool(others)  # a root word (laver for lavage) only with the term's other words beside it
    n = 0
    for i in range(lo, hi):
        if not matches(i, *content[head], root):
            continue
        a, b = max(lo, i - window), min(hi, i + window + 1)
        if all(any(matches(x, *c, root) for x in range(a, b) if x != i) for c in others):
            n += 1
    return n


# The endings a German word may take at the end of a compound (Konfigurationsdatei-en).
COMPOUND_ENDINGS = ("en", "n", "e", "s", "es", "er", "ern")
LINKING = ("s", "es", "n", "en", "e", "er", "ens")  # Fugenelemente: Konfiguration-s-datei
COMPOUND_WORD_MIN = 4  # letters of a term word, and of the compound's other part


def _compound_holding(written: str, lowered: str, form: str, lang: str | None) -> bool:
    """In a compounding language, ``written`` (unaccented; ``lowered`` as written) is a compound
    whose last part is the term word ``form``, after a word of the language: what the compound
    names (Konfigurationsdatei is a Datei, Dateieinstellungen are Einstellungen: a tester's
    report). Not its first part: Waffenstillstand is no Waffen, Haushalt no Haus (a review)."""
    from ..lexicon import zipf

    if len(written) <= len(form) or len(form) < COMPOUND_WORD_MIN:
        return False
    source = lowered if len(lowered) == len(written) else written

    def word(part: str) -> bool:
        return len(part) >= COMPOUND_WORD_MIN and (zipf(part, lang) >= NONWORD_ZIPF or any(
            part.endswith(link) and zipf(part[: -len(link)], lang) >= NONWORD_ZIPF for link in LINKING))

    for whole in {written} | {written[: -len(e)] for e in COMPOUND_ENDINGS if written.endswith(e)}:
        if whole.endswith(form) and word(source[: len(whole) - len(form)]):
            return True
    return False


REINFLECT_MIN = 6  # a term word this long keeps its identity through a change of its last letter


def _reinflected(word: str, form: str) -> bool:
    """Whether ``word`` is the term word ``form`` with another ending the stemmer keys apart: all
    its letters but the last, then at most two letters more (Portuguese faciais / facial,
    respiratório / respiratória: number and gender agreement of a term's adjective). Not a change
    inside the word (fieber is a typo of fiebre)."""
    stem = len(form) - 1
    return (len(form) >= REINFLECT_MIN and word != form and word[:stem] == form[:stem]
            and len(word) - stem <= 3)


def _in_compound(text: str, start: int) -> bool:
    """Whether the match at ``start`` continues a word through a hyphen (self-quarantine,
    non-vaccine): the term is then part of a compound word, which translations often render
    as one word (autoquarentena) or an adjective (vacinal)."""
    return start >= 2 and text[start - 1] in "-\u2010\u2011" and text[start - 2].isalnum()


_REFLEXIVE_RE = re.compile(r"\s+(?:myself|yourself|himself|herself|itself|oneself|ourselves|yourselves|themselves)\b",
                           re.IGNORECASE)


_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your)\s+$",
                                   re.IGNORECASE)


def _reflexive_after(text: str, start: int, end: int) -> bool:
    """Whether an English reflexive pronoun follows the source term ending at ``end`` (quarantined
    themselves, isolate yourself): the verb done to oneself, which translations render as the
    self- compound (autoquarentena, auto-isolement) as often as by the verb and a pronoun. Not a
    noun the pronoun stresses ("the quarantine itself"): no determiner before the term (at
    text[start:end]), and not "itself"."""
    m = _REFLEXIVE_RE.match(text, end)
    if m is None or m.group(0).strip().casefold() == "itself":
        return False
    return _DETERMINER_BEFORE_RE.search(text, max(0, start - 12), start) is None


def _word_compound(text: str) -> bool:
    """Whether a source term's occurrence is itself a compound of words joined by a hyphen (self-quarantine,
    self-isolation), which translations often write as one word (autoquarentena, autoaislamiento);
    not an identifier (COVID-19, SARS-CoV-2: digits or capitals), whose letters must stand apart."""
    return any(all(w.isalpha() and w.islower() for w in split_words(c)) for c in COMPOUND_RE.findall(text))


def _in_words(surfaces: list[str], lo: int, hi: int, approved: list[Term], compiled: CompiledGlossary,
              lang: str | None) -> int:
    """How many words of surfaces[lo:hi] contain a content word of an approved term (its stem, four
    letters or more) inside a longer word: autoquarentena holds quarentena (quarentena voluntária),
    autoisolamento isolamento (isolamento voluntário). Any content word, not the longest: which
    word is the head depends on the language's word order, and the stemmer may cut the head
    shorter than its modifier (isolamento: isol-, voluntário: voluntari-)."""
    heads = {c[0] for t in approved for c in compiled.content_words(t, lang) if len(c[0]) >= 4}
    if not heads:
        return 0
    n = 0
    for i in range(lo, hi):
        word = unaccent(surfaces[i].casefold())
        n += any(h in word and not word.startswith(h) for h in heads)
    return n


_SELF_RE = re.compile(r"\bself[-\u2010\u2011]$", re.IGNORECASE)
_AUTO_RE = re.compile(r"\bauto[-\u2010\u2011]?([^\W\d_]{4,})", re.IGNORECASE)


def _self_compound(text: str, start: int, end: int) -> bool:
    """Whether the source term at text[start:end] is the head of a self- compound (self-isolation)
    or a verb done to oneself (quarantined themselves)."""
    return _SELF_RE.search(text, max(0, start - 6), start) is not None or _reflexive_after(text, start, end)


def _auto_compounds(text: str, approved_keys: set[str], an, spoken_keys: frozenset[str]) -> int:
    """How many auto- compounds (auto-confinement, autoisolamento) in ``text`` have a word of the
    glossary's approved target terms for their head: the Romance rendering of an English self-
    compound, whose head translators choose among the near concepts the glossary approves
    (auto-confinement for self-isolation). A head that is no such word (auto-relevés) is not
    counted, nor one of ``spoken_keys``, the approved words of the unit's other source terms:
    such a compound renders its own term (auto-dépistage for self-testing)."""
    return sum(1 for m in _AUTO_RE.finditer(text)
               if (key := an.key(m.group(1))) in approved_keys and key not in spoken_keys)


def _renderings(keys: list[str], surfaces: list[str], lo: int, hi: int, others: list[Entry], lang: str | None,
                an) -> frozenset[int]:
    """The tokens of keys[lo:hi] inside an occurrence of an approved term of ``others``, its words
    in any form beginning with their stem (enfermedades epidémicas for enfermedad epidémica, where
    Snowball keys enfermedades apart from enfermedad)."""
    out: set[int] = set()
    for entry in others:
        for t in entry.approved(lang):
            tk = an.term_keys(t.text)
            size = len(tk)
            if not size:
                continue
            for i in range(lo, hi - size + 1):
                if all(_form_of(keys[i + j], surfaces[i + j], tk[j]) for j in range(size)):
                    out.update(range(i, i + size))
    return frozenset(out)


def _holds_rendering(other: Entry, approved: list[Term], lang: str | None, an) -> bool:
    """Whether an approved term of ``other`` holds one of ``approved`` and more words (pandémie de
    COVID-19 holds COVID-19): a longer term's rendering, not one both entries share."""
    for t in other.approved(lang):
        ok = an.term_keys(t.text)
        for a in approved:
            tk = an.term_keys(a.text)
            if 0 < len(tk) < len(ok) and any(ok[i:i + len(tk)] == tk for i in range(len(ok) - len(tk) + 1)):
                return True
    return False


def _left_in_source(surfaces: list[str], lo: int, hi: int, entry: Entry, s_lang: str | None,
                    t_lang: str | None) -> frozenset[int]:
    """The lower-case tokens of surfaces[lo:hi] that are a form of a word of the entry's source
    term and a word of the source language foreign to the target's (the English medicine left in
    a French translation of medicines): the term left untranslated, not a word of its rendering's
    family (médicament), however the stem joins them. Capitalised, it may be a name the
    translation keeps (London School of Hygiene & Tropical Medicine)."""
    from ..lexicon import zipf

    return frozenset(i for i in range(lo, hi) if surfaces[i].isalpha() and surfaces[i].islower()
                     and _source_term_form(surfaces[i], entry, s_lang)
                     and zipf(surfaces[i], s_lang) >= zipf(surfaces[i], t_lang) + FOREIGN_GAP)


def _form_of(key: str, surface: str, term_key: str) -> bool:
    """Whether a token is a form of the term word keyed ``term_key``: the same key, or, for a
    content word's stem (FAMILY_MIN letters or more), the word as written begins with it."""
    return key == term_key or (len(term_key) >= FAMILY_MIN and unaccent(surface.lower()).startswith(term_key))


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


# German separable prefixes (longest first): anmelden is "melden ... an" in a main clause,
# "angemeldet" as a participle, "anzumelden" with zu
SEPARABLE_PREFIXES = tuple(sorted("""
    ab an auf aus bei dar ein fest fort frei her herab heran herauf heraus herbei herein herum
    herunter hervor hin hinab hinauf hinaus hinein hinunter hinzu hoch los mit nach nieder statt
    teil um vor voran voraus vorbei weg weiter zu zurecht zurück zusammen
""".split(), key=len, reverse=True))
SEPARATED_WITHIN = 12  # tokens from the verb to its prefix at the clause's end
VERB_WORD_ZIPF = 3.3  # the prefix and a word between make a verb this common (an + ruft): its prefix
# (not after a function word, ein + es, eines, zu + dem, zudem; nor a word far commoner than a
# verb with a prefix, an + deren, anderen: reviews)
OTHER_WORD_ZIPF = 5.5
_CLAUSE_END = re.compile(r"[ \t*_]*(?:[.,;:!?)\]»“”\"]|\r?\n|$)")


def _separable_verb_forms(doc: Document, tokens: Tokens, keys: list[str], lo: int, hi: int, approved: list[Term],
                          lang: str | None, an: Analyzer) -> int:
    """How many forms of an approved German separable verb the tokens [lo, hi) hold that the
    matcher does not see as the term (a tester's report: each was "not translated as
    anmelden"): the verb and, later in its clause, the prefix at the clause's end ("Melden Sie
    sich jetzt an.", "Laden Sie die Datei herunter"), the participle (angemeldet,
    heruntergeladen) and the zu-infinitive (anzumelden)."""
    if (lang or "").split("-")[0] != "de":
        return 0
    from ..lexicon import zipf

    prose, surfaces = doc.prose, tokens.surfaces

    def sentence_of(offset: int) -> int:
        segment = doc.segment_at(offset)
        return segment.index if segment is not None else -1

    n = 0
    for term in approved:
        word = term.text.casefold()
        if " " in word or not word.endswith("n"):
            continue
        prefix = next((p for p in SEPARABLE_PREFIXES if word.startswith(p) and len(word) - len(p) >= 4), None)
        if prefix is None:
            continue
        base_key = an.key(word[len(prefix):])
        for i in range(lo, hi):
            low = surfaces[i].casefold()
            if low.startswith(prefix + "ge") and an.key(low[len(prefix) + 2:]) == base_key:
                n += 1  # angemeldet, heruntergeladen
            elif low.startswith(prefix + "zu") and an.key(low[len(prefix) + 2:]) == base_key:
                n += 1  # anzumelden
            elif keys[i] == base_key and not low.startswith(prefix):
                sentence = sentence_of(tokens.starts[i])
                for j in range(i + 1, min(hi, i + 1 + SEPARATED_WITHIN)):
                    other = surfaces[j].casefold()
                    if sentence_of(tokens.starts[j]) != sentence or (
                            zipf(other, lang) < FUNCTION_ZIPF
                            and VERB_WORD_ZIPF <= zipf(prefix + other, lang) < OTHER_WORD_ZIPF):
                        break  # (another sentence's or another verb's prefix: Melden Sie Fehler, rufen Sie an.)
                    if surfaces[j].casefold() == prefix and _CLAUSE_END.match(prose, tokens.ends[j]):
                        n += 1  # Melden Sie sich ... an.
                        break
    return n


def _reordered_acronyms(surfaces: list[str], lo: int, hi: int, term: Term, approved: list[Term],
                        lang: str | None) -> int:
    """Acronyms in surfaces[lo:hi] with the letters of the source acronym in another order, where
    the glossary approves the source acronym as it is (ARDS -> ARDS): the target language's own
    acronym, its words' initials in its word order (SDRA for ARDS, SIDA for AIDS, UE for EU).
    A glossary that names the target's acronym (ARDS -> SDRA) is followed to the letter (SDAR is
    a typo). Never one swap of two letters unless the result is a word of the language (ADRS is a
    typo of ARDS, not French)."""
    from ..lexicon import zipf

    acronym = term.text
    if not is_acronym(acronym) or all(t.text != acronym for t in approved):
        return 0
    letters = sorted(acronym)

    def reordered(w: str) -> bool:
        if not is_acronym(w) or w == acronym or sorted(w) != letters:
            return False
        return not within_one(w, acronym) or zipf(w, lang) >= NONWORD_ZIPF

    return sum(1 for w in surfaces[lo:hi] if reordered(w))


def _composed(parts: list[frozenset[int]], present: dict[int, int], spoken: dict[int, int]) -> int:
    """How many renderings of a term made of other terms the unit holds as its parts' approved
    renderings (covid-19 deaths as décès liés à la covid-19): per part, its renderings beyond
    those its own source occurrences (``spoken``) need; the fewest over the parts."""
    return max(0, min(max(present.get(e, 0) - spoken.get(e, 0) for e in part) for part in parts))


def initials(text: str) -> str:
    """The capitals of a name's words (World Health Organization -> WHO); "" for one word."""
    words = split_words(text)
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[:1].isupper())


def missing_terms(source: Document, target: Document, compiled: CompiledGlossary,
                  target_scan: Scan, target_hits: list[Hit], house: list[tuple[int, int]] = ()) -> list[Hit]:
    """Source terms whose approved translation the aligned target segment (or, when the
    segmentations differ, the whole target) lacks, and that no wrong form another rule reports
    stands in for (``target_hits``: TC202's and TC203's; ``house``: the spans of TC102's house
    variants); and source terms that occur more often than any rendering of them in the target
    unit (a term said twice and translated once: the second occurrence went missing or was
    mistranslated)."""
    s_lang, t_lang = source.lang, target.lang
    src = scan(source, s_lang, compiled, compiled.source_index(s_lang))
    if not src.matches:
        return []
    entries = compiled.glossary.entries
    aligned = len(source.segments) == len(target.segments) and len(target.segments) > 1
    t_bounds = [(s.start, s.end) for s in target.segments] if aligned else [(0, len(target.text))]
    s_starts = [s.start for s in source.segments]
    t_starts = [b[0] for b in t_bounds]

    def unit_of(offset: int, starts: list[int]) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    # per target unit: entries present (approved, with counts), entries with a wrong form, keys
    present: list[dict[int, int]] = [{} for _ in t_bounds]
    wrong: list[set[int]] = [set() for _ in t_bounds]
    for m in target_scan.matches:
        ei = m.pattern.payload[0]
        unit = unit_of(m.start, t_starts)
        if m.pattern.approved:
            present[unit][ei] = present[unit].get(ei, 0) + 1
        elif any(start < m.end and m.start < end for start, end in house):
            wrong[unit].add(ei)  # (a house variant: TC102's, the other wrong forms' as target_hits)
    index_of = {id(e): i for i, e in enumerate(entries)}
    for hit in target_hits:
        wrong[unit_of(hit.start, t_starts)].add(index_of[id(hit.entry)])
    t_keys, t_tok_starts, surfaces = target_scan.keys, target_scan.tokens.starts, target_scan.tokens.surfaces
    token_bounds = [(bisect.bisect_left(t_tok_starts, a), bisect.bisect_left(t_tok_starts, b)) for a, b in t_bounds]
    an = analyzer(t_lang)
    # source occurrences per (entry, unit), the first one's span
    counts: dict[tuple[int, int], list] = {}
    s_text = source.prose
    for m in src.matches:
        ei, term = m.pattern.payload
        unit = unit_of(m.start, s_starts) if aligned else 0
        slot = counts.get((ei, unit))
        if slot is None:
            slot = counts[(ei, unit)] = [m, 0, 0, []]
        slot[1] += 1
        slot[2] += (_in_compound(s_text, m.start) or _word_compound(s_text[m.start:m.end])
                    or (_english(s_lang) and _reflexive_after(s_text, m.start, m.end)))
        slot[3].append(m)
    spoken: list[dict[int, int]] = [{} for _ in t_bounds]  # per unit: source occurrences of each entry
    for (ei, unit), slot in counts.items():
        spoken[unit][ei] = slot[1]
    hits = []
    auto_used: dict[int, int] = {}  # per unit: auto- compounds already taken as a self- term's rendering
    for (ei, unit), (m, n_source, n_compound, occurrences) in counts.items():
        term = m.pattern.payload[1]
        entry = entries[ei]
        # rows the source matches the same way (one source term, two rows): either row's
        # translation renders it, the matched row's first; a row the unit also says by another
        # of its source terms (quarantine / [quarantine, isolation] -> isolamento) renders it
        # only with what its own occurrences leave over
        twins = [o for o in compiled.twins(s_lang, ei, m.pattern) if entries[o].approved(t_lang)]
        rows = [ei, *twins]
        if twins and not entry.approved(t_lang):
            entry, twins = entries[twins[0]], twins[1:]  # the finding names a row with a translation
        free = [o for o in twins if o not in spoken[unit]]
        approved = list({t.text: t for e in (entry, *(entries[o] for o in free))
                         for t in e.approved(t_lang)}.values())
        if not approved or any(o in wrong[unit] for o in rows):
            continue
        if any(present[unit].get(other, 0) > (counts[(other, unit)][1] if (other, unit) in counts else 0)
               for other in compiled.expansions(s_lang).get(ei, ())):
            continue  # the acronym rendered by its expansion's translation, or the reverse (WHO, World Health Organization)
        # renderings of the term, and of its variants beyond what their own source occurrences
        # need, all variants together (lavagem das mãos, hand-washing's, for washing hands)
        n_target = present[unit].get(ei, 0) + sum(max(0, present[unit].get(o, 0) - spoken[unit].get(o, 0))
                                                  for o in rows[1:])
        n_variants = max(0, sum(present[unit].get(o, 0) - spoken[unit].get(o, 0)
                                for o in compiled.variants(s_lang, ei)))
        if n_target + n_variants >= n_source:
            continue
        lo, hi = token_bounds[unit]
        if n_target:
            n_target = max(n_target, sum(_occurrences(t_keys, lo, hi, an.term_keys(t.text)) for t in approved))
        shortfall = (n_source, n_target) if n_target else None
        n_target += n_variants
        if n_target >= n_source:
            continue  # as many renderings, some inside longer terms
        parts = compiled.composition(s_lang, ei, term, m.pattern.keys)
        if parts and n_target + _composed(parts, present[unit], spoken[unit]) >= n_source:
            continue  # rendered word by word, by its parts' approved terms (décès liés à la covid-19)
        if n_target + _reordered_acronyms(surfaces, lo, hi, term, approved, t_lang) >= n_source:
            continue  # the target language's acronym, the same letters in its own order (SDRA for ARDS)
        if n_target + _separable_verb_forms(target, target_scan.tokens, t_keys, lo, hi, approved, t_lang, an) \
                >= n_source:
            continue  # a German separable verb apart or joined otherwise (Melden Sie sich an, angemeldet)
        # the approved rendering of another term of the source unit (lavar as mãos for wash hands)
        # is not also a derived form of this one (lavagem das mãos for hand washing)
        others = [entries[o] for o, u in counts if u == unit and o != ei]  # the unit's other source terms
        taken = _renderings(t_keys, surfaces, lo, hi, others, t_lang, an)
        taken |= _left_in_source(surfaces, lo, hi, entry, s_lang, t_lang)
        # the term's words inside the renderings of longer terms of the unit that hold its own
        # (pandémie de COVID-19 for COVID-19 pandemic) render those, as many as the source says them
        nested = sum(min(present[unit].get(o, 0), spoken[unit][o]) for o, u in counts
                     if u == unit and o != ei and _holds_rendering(entries[o], approved, t_lang, an))
        if max(_family_count(surfaces, t_keys, lo, hi, compiled.content_words(t, t_lang), t_lang, taken)
               for t in approved) - nested >= n_source:
            continue  # the term's words are there as often, in another order, apart or derived
        if n_compound and _in_words(surfaces, lo, hi, [t for t in approved], compiled, t_lang) >= n_compound:
            continue  # self-quarantine rendered as one word (autoquarentena, antiSARS-CoV-2)
        t_text = target.prose[t_bounds[unit][0]:t_bounds[unit][1]]
        n_self = sum(_self_compound(s_text, o.start, o.end) for o in occurrences) if t_lang in ROMANCE else 0
        if n_self:
            spoken_keys = frozenset(k for other in others for t in other.approved(t_lang) for k in an.term_keys(t.text))
            auto_left = _auto_compounds(t_text, compiled.near_index(t_lang).approved_keys, an, spoken_keys) \
                - auto_used.get(unit, 0)
            if n_target + min(n_self, auto_left) >= n_source:
                auto_used[unit] = auto_used.get(unit, 0) + n_source - n_target  # one compound, one term
                continue  # self-isolation rendered as an auto- compound of another approved term (auto-confinement)
        if n_target + sum(kept_in_source_language(s_text, o.start, o.end, t_text, s_lang, t_lang)
                          for o in occurrences) >= n_source:
            continue  # the rest are inside a name or title the translation keeps in the source language
        start, end = t_bounds[unit]
        text = target.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        hits.append(Hit("missing", start, end, entry, term, tuple(t.text for t in approved), None, False,
                        m.start, m.end, shortfall, tuple(entries[o] for o in twins)))
    hits.sort(key=lambda h: (h.start, h.source_start or 0))
    return hits
