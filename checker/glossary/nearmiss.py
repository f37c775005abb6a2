"""TC203's check: words close to an approved term that are no words of the target language
(Tayika for Tajik), source-language forms left in the translation (FRN for NRF) and approved
terms joined otherwise (E-Mail Adresse)."""

from __future__ import annotations

import bisect
import re

from ..align import Alignment, align
from ..agreement import GENDERED, GERMAN_LIKE, article_at_risk, article_doubled, determiner_before
from ..casing import starts_sentence, transfer_case
from ..lang import primary_language
from ..model import Document
from ..names.morph import CASE_LANGUAGES
from ..names.normalize import HYPHENS
from .check import Hit, Scan, before_a_capital, fitted_suggestions, in_a_name, matched_surface, plural_word
from .compiled import COMPOUND_RE, MIN_NEAR_LEN, CompiledGlossary, fold_words, is_english, loose, within_one
from .index import NONWORD_ZIPF, Match
from .model import Entry, Term
from .sourcelang import (ATTESTED_ZIPF, beside_foreign, in_foreign_run, kept_in_source_language, source_term_form,
                         word_in)
from .text import Tokens, analyzer, split_words, tokenize


ACCENT_GAP = 1.5  # a form without the term's accents this much rarer (Zipf; 30 times) is a slip
# ... and 10 times rarer inside a multi-word term, whose other words vouch for the accented
# reading (cas confirmes: confirmes is a verb form, but not after cas); lower case only, as
# capitals often go without their accents (CAS CONFIRMES)
PHRASE_ACCENT_GAP = 1.0
PHRASE_PLAIN_MAX_ZIPF = 4.0  # ... unless the plain form is a common word (publica, a verb: "a
# Secretaria de Saúde publica os dados" is no slip of saúde pública)


def near_misses(doc: Document, sc: Scan, compiled: CompiledGlossary, source: Document | None = None,
                source_lang: str | None = None) -> list[Hit]:
    """TC203's hits, none inside a URL. With ``source`` (the original, in the pair path): a
    near-miss spelled as a word of the aligned source segment, but no form of the entry's source
    term, is left (the translator kept the source's word: the French *transmissive*, the name
    *vaccinia*); so is a source term inside a name or title the translation keeps in the source
    language; and the source term spelled as in the source without the target's accents
    (*virus* for *vírus*) is reported although that spelling is common in the target language."""
    source_lang = source.lang if source is not None else source_lang
    alignment = align(source, doc) if source is not None else None
    hits = [h for h in _near_misses(doc, sc, compiled, source, source_lang, alignment)
            if not _in_url(doc.prose, h.start, h.end)]
    if source is not None and hits:
        hits = [h for h in hits if not _source_spelling(doc, source, h, alignment)]
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


def _source_spelling(doc: Document, source: Document, h: Hit, alignment: Alignment) -> bool:
    """Whether hit ``h`` is the source's own spelling: a near-miss that is a word of the aligned
    source segment but no form of the entry's source term (pneumo-, the French transmissive for
    transmissive), or a source term kept inside a name or title the translation quotes."""
    if h.kind == "near-miss" and _in_source(doc, source, alignment, h.start, h.end):
        if not source_term_form(doc.prose[h.start:h.end], h.entry, source.lang):
            return True
    if h.kind in ("near-miss", "leftover"):
        s_text = _aligned_source(source, alignment, h.start)
        surface = doc.prose[h.start:h.end]
        start, end = alignment.target[alignment.target_unit(h.start)]
        t_seg = doc.prose[start:end]
        i = s_text.find(surface)
        while i >= 0:
            if kept_in_source_language(s_text, i, i + len(surface), t_seg, source.lang, doc.lang):
                return True
            i = s_text.find(surface, i + 1)
    return False


def _word_of_this_language(sc: Scan, m: Match, term, other: str | None) -> bool:
    """Whether a word matched for a source-language term, written otherwise than the term's, is
    a word of the text's language at least as common as in the source's (the English got, grip,
    port matched by the stems of Spanish gotas, gripe, Portuguese porta: a tester's report; not
    vaccines, the English plural of a term left in a Portuguese text)."""
    from ..lexicon import zipf

    words = [w.casefold() for w in split_words(term.text)]
    for k, surface in enumerate(sc.tokens.surfaces[m.first:m.last]):
        word = surface.casefold()
        if (k >= len(words) or word != words[k]) and zipf(word, sc.lang) >= max(zipf(word, other), NONWORD_ZIPF):
            return True
    return False


def _quoted(doc: Document, sc: Scan, i: int, other_langs: list[str | None]) -> bool:
    """Whether token ``i`` stands among words of one of ``other_langs`` (``in_foreign_run``)."""
    start, end = sc.tokens.starts[i], sc.tokens.ends[i]
    opening = starts_sentence(doc, start)
    return any(in_foreign_run(doc.prose, start, end, other, sc.lang, opening) for other in other_langs)


def _aligned_source(source: Document, alignment: Alignment, offset: int) -> str:
    """The source unit aligned with the target unit at ``offset`` (as TC201 compares them)."""
    start, end = alignment.source[alignment.target_unit(offset)]
    return source.prose[start:end]


def _in_source(doc: Document, source: Document, alignment: Alignment, start: int, end: int) -> bool:
    """Whether the word at doc.prose[start:end] stands as a word in the aligned source unit."""
    return word_in(_aligned_source(source, alignment, start).casefold(), doc.prose[start:end].casefold())


def _near_misses(doc: Document, sc: Scan, compiled: CompiledGlossary, source: Document | None = None,
                 source_lang: str | None = None, alignment: Alignment | None = None) -> list[Hit]:
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
    for other, index in compiled.leftover_indexes(sc.lang, source_lang):
        keys = analyzer(other).keys(sc.tokens.surfaces)
        for m in index.scan(sc.tokens, keys):
            if any(covered[m.first:m.last]) and not _contains_only_shorter(m, owner, covered):
                continue
            ei, term = m.pattern.payload
            if in_foreign_run(doc.prose, m.start, m.end, other, sc.lang, starts_sentence(doc, m.start)):
                continue  # quoted or a title (Estimates of Coronavirus Disease 2019 in a Portuguese text)
            if _word_of_this_language(sc, m, term, other):
                continue  # got (the stem of Spanish gotas) in an English text: its own word
            if in_a_name(doc, sc.tokens, m, term.text, alone=True):
                continue  # a product's or a screen's name (la aplicación Dashboard: a tester's report)
            entry = entries[ei]
            approved = entry.approved(sc.lang)
            surface = matched_surface(doc, sc, m)
            exact = fold_words(surface) == fold_words(" ".join(split_words(term.text)))
            written = doc.visible(m.start, m.end)
            suggestions = fitted_suggestions(doc, m.start, m.end, written, approved, term.text)
            replacement = suggestions[0]  # (the first approved term, fitted to the text)
            # (the English word has no gender, but an article before it has one, which the
            # translation's term may not share: O vaccine -> O vacina, a tester's report; nor
            # case, which a Russian term must take from its place: по email -> по электронная
            # почта, Ceasefire был -> Прекращение огня был: another)
            safe = len(approved) == 1 and exact and primary_language(sc.lang) not in CASE_LANGUAGES and not (
                beside_foreign(doc.prose, m.start, m.end, other, sc.lang)  # (Confinamento measures)
                or article_at_risk(doc.prose, m.start, written, replacement, sc.lang)
                or article_doubled(doc.prose, m.start, replacement, sc.lang)
                or primary_language(sc.lang) in GENDERED and determiner_before(doc.prose, m.start, sc.lang)
                or before_a_capital(sc.tokens, m))  # (the Itamaraty Palace: a building's English name)
            hits.append(Hit("leftover", m.start, m.end, entry, term, suggestions, replacement, safe))
            covered[m.first:m.last] = b"\x01" * (m.last - m.first)
    # 1b. words matched by an approved term's stem that are not words of the language: a typo or
    # an ending the stemmer absorbs (pandéme, the English vaccines for vaccins; vacinas is a
    # word), or the term typed without its accents where that form is no word, or a far rarer
    # one (epidemie, transmissao; not publico, a verb, nor esta)
    surfaces = sc.tokens.surfaces
    other_langs = [other for other, _ in compiled.leftover_indexes(sc.lang, source_lang)]
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
            folded, plain_word = fold_words(surface), fold_words(word)
            z = zipf(surface, sc.lang)
            if folded == plain_word:  # only accents differ
                gap = ACCENT_GAP if m.last - m.first == 1 or not surface.islower() \
                    or z >= PHRASE_PLAIN_MAX_ZIPF else PHRASE_ACCENT_GAP
                if z >= NONWORD_ZIPF and zipf(word, sc.lang) - z < gap and not (
                        source is not None and source_term_form(surface, entries[ei], source.lang)
                        and _in_source(doc, source, alignment, sc.tokens.starts[m.first + k],
                                       sc.tokens.ends[m.first + k])):
                    continue  # a common spelling without the accents (publica), unless it is the
                    # source term itself, spelled as in the source segment (virus for vírus)
            elif z >= NONWORD_ZIPF:
                continue
            elif folded.startswith(plain_word) and len(folded) - len(plain_word) <= 2 and not _other_lang_word(
                    entries[ei], sc.lang, surface) and _keeps_accents(surface, word):
                continue  # the term plus an ending (quarentenas, confinements): a rare inflection
            elif z >= ATTESTED_ZIPF and not _other_lang_word(entries[ei], sc.lang, surface):
                continue  # a rare word of the term's stem (pandêmica, epidêmico): a derivation, not a typo
            elif _derived_from(word, surface, sc.lang):
                continue  # a word coined on the term (Talibanization): no word list knows it
            i = m.first + k
            if _quoted(doc, sc, i, other_langs):
                continue  # the source language's word in a quotation (Leia "Get the vaccine now")
            # the term's letters with its accents, and the ending the text adds (repliças: réplicas,
            # not the bare réplica, a tester's report)
            ending = len(folded) - len(plain_word)
            fix = transfer_case(surface, word + (surface[-ending:] if ending else ""),
                                starts_sentence(doc, sc.tokens.starts[i]), lang=sc.lang) \
                if folded == plain_word or (0 < ending <= 2 and folded.startswith(plain_word)) else None
            suggestion = fix if fix is not None and len(words) == 1 else term.text
            hits.append(Hit("near-miss", sc.tokens.starts[i], sc.tokens.ends[i], entries[ei], term, (suggestion,),
                            fix, False))
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
                word = transfer_case(cm.group(), COMPOUND_RE.findall(term.text)[0], starts_sentence(doc, cm.start()),
                                     lang=sc.lang)  # (Пресс-секритарь at a sentence's start: a tester's report)
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
            if _unlisted_inflection(surface, word, sc.lang) or _derived_from(word, surface, sc.lang):
                break  # (a demonym: Panjshiri, Tajiki beside Panjshir, Tajik; a tester's report)
            if _quoted(doc, sc, i, other_langs):
                break  # the source language's word in a quotation (Leia "Get the vaccine now")
            entry = entries[ei]
            # a misspelt plural gets the plural (fichers: fichiers, a tester's report)
            plural = plural_word(word, sc.lang) if surface[-1:] in "sS" and word[-1:] not in "sS" else None
            if plural is not None and within_one(surface.casefold(), plural.casefold()):
                word = plural
            else:
                word = _with_ending(surface, word, sc.lang)
            fix = transfer_case(surface, word, starts_sentence(doc, sc.tokens.starts[i]), lang=sc.lang)
            # (the word that replaces the one underlined, as the fix writes it; the message names the
            # term: not "vaccination campaign" for "vacination", a tester's report)
            hits.append(Hit("near-miss", sc.tokens.starts[i], sc.tokens.ends[i], entry, term, (fix,), fix, False))
            break
    # 4. an approved term written with other joiners (E-Mail Adresse for E-Mail-Adresse, mot-de-passe)
    hits += _joined_otherwise(doc, sc, entries)
    hits.sort(key=lambda h: h.start)
    return hits


_ENGLISH_COINAGES = ("ization", "isation", "ize", "ise", "ized", "ised", "izes", "ises", "izing", "ising")


def _derived_from(word: str, surface: str, lang: str | None) -> bool:
    """``surface`` is a name-like term ``word`` plus a derivational suffix (``names.morph.derived``:
    Panjshiri, Tajiki, Taliban's adjectives), or in English a verb or noun coined on it
    (Talibanization)."""
    from ..names.morph import derived

    if not word[:1].isupper() or len(surface) <= len(word):
        return False  # (a common noun's derivations are words the word lists know)
    folded, base = fold_words(surface), fold_words(word)
    rest = folded[len(base):] if folded.startswith(base) else None
    if rest in ("i", "is"):
        return True  # a demonym (Panjshiri)
    if primary_language(lang, "en") == "en" and rest in _ENGLISH_COINAGES:
        return True
    # other suffixes of two letters or more: one letter more is the commonest slip (Tajika, Herata)
    return derived(word, surface, lang) and (rest is None or len(rest) >= 2)


def _with_ending(surface: str, word: str, lang: str | None) -> str:
    """``word`` with the inflectional ending that ``surface``, a misspelling of it, adds (the
    fix of Regirungen is Regierungen, of интелекта интеллекта, not the bare term: a tester's
    report); ``word`` itself when the misspelling is of the word as listed."""
    from ..names.morph import endings

    low, listed = surface.casefold(), word.casefold()
    if within_one(low, listed):
        return word
    for ending in sorted(endings(lang), key=len, reverse=True):
        if low.endswith(ending) and not listed.endswith(ending) and within_one(low[:-len(ending)], listed):
            return word + surface[len(surface) - len(ending):]
    return word


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
    if is_english(sc.lang):
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
        same_words = fold_words(_UNJOINED.sub(" ", surface)) == fold_words(_UNJOINED.sub(" ", term.text))
        replacement = transfer_case(surface, term.text, starts_sentence(doc, m.start), lang=sc.lang) \
            if same_words else None
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
    if primary_language(lang) in GERMAN_LIKE:
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
