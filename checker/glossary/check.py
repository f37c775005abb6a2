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

from ..model import Document
from .index import Match, PatternIndex
from .model import Entry, Glossary, Term
from .text import TOKEN_RE, Tokens, analyzer, is_acronym, match_case, tokenize, unaccent

NONWORD_ZIPF = 2.0  # a token rarer than this is not a word of the language (typos score 0-2)
LEFTOVER_ZIPF = 3.0  # a one-word source form commoner than this in the target language is a loanword
MIN_NEAR_LEN = 4


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
    memo: dict[str, list] = field(default_factory=dict)
    compounds: dict[str, list] = field(default_factory=dict)  # hyphenated words (SARS-CoV-2)
    compound_deletes: dict[str, list] = field(default_factory=dict)

    def lookup_compound(self, surface: str) -> list:
        """Hyphenated term words within one edit of ``surface`` (same digits, letters within one
        edit after normalisation: SARS-CCoV-2, SARS-oV-2, COVD-19)."""
        from rapidfuzz.distance import OSA

        lo, digits = loose(surface), _digits(surface)
        found = [c for c in self.compounds.get(lo, ()) if c[5] == digits]
        if not found and len(lo) >= 4:
            seen = set()
            for key in _deletes(lo):
                for c in self.compound_deletes.get(key, ()):
                    if id(c) not in seen and c[5] == digits and len(c[4]) >= 5 and OSA.distance(lo, c[4], score_cutoff=1) <= 1:
                        seen.add(id(c))
                        found.append(c)
        return found

    def lookup(self, surface: str) -> list[tuple[int, object]]:
        """[(tier, (entry, term, position, term keys, loose form))], best tier first."""
        found = self.memo.get(surface)
        if found is not None:
            return found
        from rapidfuzz.distance import OSA

        from ..names.normalize import cheap_distance, skel

        lo = loose(surface)
        found = [(0, c) for c in self.loose.get(lo, ())]
        if not found and len(lo) >= 4:
            seen = set()
            for key in _deletes(lo):
                for c in self.deletes.get(key, ()):
                    if id(c) not in seen and len(c[4]) >= 5 and OSA.distance(lo, c[4], score_cutoff=1) <= 1:
                        seen.add(id(c))
                        found.append((1, c))
            for c in self.skel.get(skel(lo), ()) if len(lo) >= 5 else ():
                if id(c) not in seen:
                    budget = 1 if len(lo) <= 6 else 2
                    d = cheap_distance(lo, c[4])
                    if d is not None and d <= budget:
                        seen.add(id(c))
                        found.append((2, c))
        found.sort(key=lambda x: x[0])
        if len(self.memo) < 200_000:
            self.memo[surface] = found
        return found


# ------------------------------------------------------------------------------- the compiled


class CompiledGlossary:
    """A glossary and its matchers, built per language on first use."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._target: dict[str | None, PatternIndex] = {}
        self._source: dict[str | None, PatternIndex] = {}
        self._near: dict[str | None, NearMissIndex] = {}
        self._left: dict[str | None, list[tuple[str | None, PatternIndex]]] = {}

    def target_index(self, lang: str | None) -> PatternIndex:
        index = self._target.get(lang)
        if index is None:
            an = analyzer(lang)
            index = PatternIndex(an)
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

    def source_index(self, lang: str | None) -> PatternIndex:
        index = self._source.get(lang)
        if index is None:
            index = PatternIndex(analyzer(lang))
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
                    index = by_lang[term.lang] = PatternIndex(analyzer(term.lang))
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
                words = TOKEN_RE.findall(term.text)
                keys = tuple(an.key(w) for w in words)
                index.term_keys.update(keys)
                if not term.approved:
                    continue
                for compound in COMPOUND_RE.findall(term.text):
                    lo = loose(compound)
                    if len(lo) >= 4:
                        candidate = (ei, term, -1, keys, lo, _digits(compound))
                        index.compounds.setdefault(lo, []).append(candidate)
                        for key in _deletes(lo):
                            index.compound_deletes.setdefault(key, []).append(candidate)
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
        replacement = match_case(surface, approved[0].text) if approved else None
        safe = len(approved) == 1 and _fold_words(surface) == _fold_words(" ".join(TOKEN_RE.findall(term.text)))
        hits.append(Hit(term.status.value, m.start, m.end, entry, term, tuple(t.text for t in approved),
                        replacement, safe))
    return hits


def near_misses(doc: Document, sc: Scan, compiled: CompiledGlossary) -> list[Hit]:
    from ..lexicon import zipf

    covered = bytearray(len(sc.tokens))
    owner: dict[int, Match] = {}
    for m in sc.matches:
        covered[m.first:m.last] = b"\x01" * (m.last - m.first)
        owner[m.first] = m
    hits: list[Hit] = []
    entries = compiled.glossary.entries
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
            exact = _fold_words(surface) == _fold_words(" ".join(TOKEN_RE.findall(term.text)))
            hits.append(Hit("leftover", m.start, m.end, entry, term, tuple(t.text for t in approved),
                            match_case(surface, approved[0].text), len(approved) == 1 and exact))
            covered[m.first:m.last] = b"\x01" * (m.last - m.first)
    # 2. hyphenated words close to a hyphenated term (SARS-CCoV-2 for SARS-CoV-2)
    near = compiled.near_index(sc.lang)
    known = _Known(sc.lang, len(doc.prose))
    if near.compounds:
        starts = sc.tokens.starts
        for cm in COMPOUND_RE.finditer(doc.prose):
            first = bisect.bisect_left(starts, cm.start())
            last = bisect.bisect_left(starts, cm.end())
            if any(covered[first:last]):
                continue
            parts = [w for w in sc.tokens.surfaces[first:last] if not w.isdigit()]
            if all(w.casefold() in known for w in parts):
                continue  # every part is a word (avez-vous is no misspelling of lavez-vous)
            found = near.lookup_compound(cm.group())
            if found and loose(cm.group()) != "" and cm.group() not in {c[1].text for c in found}:
                ei, term = found[0][0], found[0][1]
                word = COMPOUND_RE.findall(term.text)[0]
                hits.append(Hit("near-miss", cm.start(), cm.end(), entries[ei], term, (term.text,),
                                word, False))
                covered[first:last] = b"\x01" * (last - first)
    # 3. non-words close to a word of an approved term
    surfaces, keys, n = sc.tokens.surfaces, sc.keys, len(sc.tokens)
    term_keys = near.term_keys
    known = _Known(sc.lang, len(doc.prose))
    verdict: dict[str, bool] = {}
    for i, surface in enumerate(surfaces):
        worth = verdict.get(surface)
        if worth is None:
            worth = verdict[surface] = (len(surface) >= MIN_NEAR_LEN and surface.casefold() not in known
                                        and surface.isalpha() and bool(near.lookup(surface)))
        if not worth or covered[i] or keys[i] in term_keys:
            continue
        candidates = near.lookup(surface)
        for _tier, (ei, term, pos, tkeys, _lo, *_) in candidates:
            first = i - pos
            if first < 0 or first + len(tkeys) > n:
                continue
            if any(keys[first + k] != tkeys[k] for k in range(len(tkeys)) if k != pos):
                continue
            if zipf(surface.lower(), sc.lang) >= NONWORD_ZIPF:
                break
            word = TOKEN_RE.findall(term.text)[pos]
            entry = entries[ei]
            hits.append(Hit("near-miss", sc.tokens.starts[i], sc.tokens.ends[i], entry, term, (term.text,),
                            match_case(surface, word), False))
            break
    hits.sort(key=lambda h: h.start)
    return hits


_KNOWN: dict[tuple[str | None, float], frozenset[str]] = {}


def known_words(lang: str | None, min_zipf: float = NONWORD_ZIPF) -> frozenset[str]:
    """The (case-folded) words of ``lang`` at or above ``min_zipf``: one set lookup per token
    instead of one frequency query per distinct token."""
    key = (lang, min_zipf)
    words = _KNOWN.get(key)
    if words is None:
        from ..lexicon import get_lexicon

        lex = get_lexicon(lang)
        con, table = getattr(lex, "_con", None), getattr(lex, "_dict", None)
        if con is not None:
            words = frozenset(w for (w,) in con.execute("SELECT word FROM zipf WHERE zipf >= ?", (min_zipf,)))
        elif table is not None:
            words = frozenset(w for w, z in table.items() if z >= min_zipf)
        else:  # pragma: no cover - another lexicon implementation
            words = frozenset()
        _KNOWN[key] = words
    return words


class _Known:
    """Membership in the words of a language: per-word frequency lookups for a short text, the
    whole word set (loaded once, ~0.1 s) for a long one."""

    def __init__(self, lang: str | None, text_length: int) -> None:
        self.lang = lang
        self.words = known_words(lang) if text_length > 200_000 else None

    def __contains__(self, word: str) -> bool:
        if self.words is not None:
            return word in self.words
        from ..lexicon import zipf

        return zipf(word, self.lang) >= NONWORD_ZIPF


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


def _family_present(term_keys: tuple[str, ...], keyset: set[str], prefixes: set[str]) -> bool:
    """Every content word (over three letters) of a term is in the unit, as the same stem or a
    word of the same family (infectados / infección), in any order."""
    content = [k for k in term_keys if len(k) > 3] or list(term_keys)
    return all(k in keyset or (len(k) >= FAMILY_PREFIX and k[:FAMILY_PREFIX] in prefixes) for k in content)


def missing_terms(source: Document, target: Document, compiled: CompiledGlossary,
                  target_scan: Scan, target_hits: list[Hit]) -> list[Hit]:
    """Source terms whose approved translation the aligned target segment (or, when the
    segmentations differ, the whole target) lacks, and that no wrong form stands in for."""
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

    # per target unit: entries present (approved), entries with a wrong form, the token keys
    present: list[set[int]] = [set() for _ in t_bounds]
    wrong: list[set[int]] = [set() for _ in t_bounds]
    keysets: list[set[str]] = [set() for _ in t_bounds]
    for m in target_scan.matches:
        ei = m.pattern.payload[0]
        (present if m.pattern.approved else wrong)[unit_of(m.start, t_starts)].add(ei)
    index_of = {id(e): i for i, e in enumerate(entries)}
    for hit in target_hits:
        wrong[unit_of(hit.start, t_starts)].add(index_of[id(hit.entry)])
    for start, key in zip(target_scan.tokens.starts, target_scan.keys):
        keysets[unit_of(start, t_starts)].add(key)
    prefixes = [{k[:FAMILY_PREFIX] for k in keys if len(k) >= FAMILY_PREFIX} for keys in keysets]
    an = analyzer(t_lang)
    hits, seen = [], set()
    for m in src.matches:
        ei, term = m.pattern.payload
        entry = entries[ei]
        approved = entry.approved(t_lang)
        if not approved:
            continue
        unit = unit_of(m.start, s_starts) if aligned else 0
        if (ei, unit) in seen or ei in wrong[unit]:
            continue
        if ei in present[unit]:
            continue
        if any(_family_present(an.term_keys(t.text), keysets[unit], prefixes[unit]) for t in approved):
            continue  # the term's words are there, in another order, apart or derived
        seen.add((ei, unit))
        start, end = t_bounds[unit]
        text = target.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        hits.append(Hit("missing", start, end, entry, term, tuple(t.text for t in approved), None, False,
                        m.start, m.end))
    return hits
