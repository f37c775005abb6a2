"""The glossary checks as plain functions returning :class:`Hit`s (the rules in
``checker/rules/glossary.py`` turn them into findings; the evaluation script calls them too).

* ``wrong_terms`` (here): deprecated or forbidden target terms (TC202);
* ``nearmiss.near_misses``: non-words close to an approved term (typos, transliterations such
  as Tayika for Tajik) and source-language forms left in the translation (FRN for NRF) (TC203);
* ``missing.missing_terms``: source terms whose approved translation is absent (TC201).

This module also holds what they share: the scan of a document (:func:`scan`) and the fitting
of an approved term to the text it replaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..agreement import elided_before_consonant, fix_at_risk
from ..casing import NOUNS_CAPITALISED, WRAPPED_GAP, fit_replacement, starts_sentence, stop_may_end_a_sentence
from ..lang import primary_language
from ..model import BlockKind, Document
from ..names.normalize import HYPHENS
from .compiled import CompiledGlossary, fold_words
from .index import NONWORD_ZIPF, Match, PatternIndex, orthographic_plurals, regular_plural, term_parses
from .model import Entry, Term
from .text import Tokens, analyzer, split_words, tokenize


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
    matches = [m for m in index.scan(tokens, keys) if _in_one_block(doc, m)]
    if primary_language(lang) in NOUNS_CAPITALISED:
        matches = [m for m in matches if not _noun_otherwise(doc, tokens, m)]
    # (a wrong term's only: an original's term in a kept name is ``kept_in_source_language``'s)
    matches = [m for m in matches if m.pattern.approved or not in_a_name(doc, tokens, m, m.pattern.payload[1].text)]
    return Scan(lang, tokens, keys, matches)


def in_a_name(doc: Document, tokens: Tokens, m: Match, listed: str, alone: bool = False) -> bool:
    """A term listed in lower case, matched by capitalised words inside a sentence after another
    capitalised word (Windows Backup, Microsoft Backup; at a sentence's start one no word list
    knows well: Nimbus Backup; a tester's report and a review): a product's name, not the term
    (not after an acronym: UN Secretary General Guterres, a title before a name).
    ``alone``: a capitalised word inside a sentence will do (the Dashboard app).
    Not at a sentence's start, in a heading or in capitals; not in German, which capitalises its
    nouns (``_noun_otherwise``)."""
    written = tokens.surfaces[m.first]
    if primary_language(doc.lang) in NOUNS_CAPITALISED or not listed.islower() or not written[:1].isupper() \
            or written.isupper() or starts_sentence(doc, m.start):
        return False
    segment = doc.segment_at(m.start)
    if segment is not None and doc.blocks and doc.blocks[segment.block].kind is not BlockKind.PARAGRAPH:
        return False
    if alone:
        return True
    if m.first == 0 or tokens.text[tokens.ends[m.first - 1]:m.start] != " ":
        return False
    word = tokens.surfaces[m.first - 1]  # (opening the sentence, a rare one: Nimbus Backup; not The)
    return word[:1].isupper() and not word.isupper() and (
        not starts_sentence(doc, tokens.starts[m.first - 1]) or _rare_word(word.lower(), doc.lang))


NAME_WORD_MAX_ZIPF = 3.5  # a capitalised word opening a sentence this rare is a name's (Nimbus; not The)


def _rare_word(word: str, lang: str | None) -> bool:
    from ..lexicon import zipf

    return zipf(word, primary_language(lang, "en")) < NAME_WORD_MAX_ZIPF


def _noun_otherwise(doc: Document, tokens: Tokens, m: Match) -> bool:
    """In German, which capitalises its nouns, a one-word term matched by a word of the other
    kind: a lower-case word for a noun (laden, morgen for Laden, Morgen; updaten for Update: a
    review), or another capitalised word inside a sentence for a verb or an adjective (die
    Downloads for a forbidden downloaden: a tester's report). The term's own letters
    capitalised are the term (Email for a listed email; das Downloaden, a verb made a noun)."""
    if m.last - m.first != 1:
        return False
    listed, written = m.pattern.payload[1].text, tokens.surfaces[m.first]
    if listed[:1].isupper() == written[:1].isupper() or listed.isupper() or written.isupper():
        return False
    if listed[:1].isupper():
        return True
    return listed.lower() != written.lower() and not starts_sentence(doc, m.start)


def _in_one_block(doc: Document, m: Match) -> bool:
    """A term's words stand in one block: not across a list item's, a table cell's or a
    heading's end, which the prose view masks to spaces (- una vacuna / - de prueba; | vacuna |
    de prueba |: a tester's report); told by the sentences, where a line break or a cell's bar
    lies between the words."""
    if m.last - m.first < 2 or not doc.segments:
        return True
    if doc.segment_at(m.start) is doc.segment_at(m.end - 1):
        return True
    between = doc.text[m.start:m.end]
    return "\n" not in between and "|" not in between


def matched_surface(doc: Document, sc: Scan, m: Match) -> str:
    return " ".join(sc.tokens.surfaces[m.first:m.last])


def wrong_terms(doc: Document, sc: Scan, compiled: CompiledGlossary) -> list[Hit]:
    hits = []
    for m in sc.matches:
        if m.pattern.approved:
            continue
        ei, term = m.pattern.payload
        entry = compiled.glossary.entries[ei]
        approved = entry.approved(sc.lang)
        surface = matched_surface(doc, sc, m)
        written = doc.visible(m.start, m.end)
        if _written_as_approved(written, term, approved):
            continue  # the entry's approved form, which the matcher cannot tell from this one
        as_listed = fold_words(surface) == fold_words(" ".join(split_words(term.text)))  # (case, hyphens aside)
        suggestions = fitted_suggestions(doc, m.start, m.end, written, approved, term.text)
        if suggestions and all(s == written for s in suggestions):
            continue  # (the term's own final mark kept as the sentence's: "I love Yahoo!" for Yahoo! -> Yahoo)
        replacement = None
        if approved:
            replacement = suggestions[0]  # (the first approved term, fitted to the text)
            if not as_listed:
                replacement = _inflected_like(written, term.text, replacement) or _plural_like(
                    written, term.text, replacement, sc.lang) or _russian_case_like(written, term.text, replacement, sc.lang)
        if replacement and elided_before_consonant(doc.prose, m.start, replacement, sc.lang):
            replacement = None  # (L'mise à jour: wrong, not at risk; the suggestion stays)
        safe = len(approved) == 1 and as_listed and not (
            replacement and (fix_at_risk(doc.prose, m.start, term.text, replacement, sc.lang, end=m.end)
                             or stop_may_end_a_sentence(written, replacement, doc.prose, m.end)
                             or _part_of_hyphenated_word(doc.prose, m.start, m.end, sc.lang)
                             or _capitalised_as_a_name(doc, sc.tokens, m, term.text)))
        hits.append(Hit(term.status.value, m.start, m.end, entry, term, suggestions, replacement, safe))
    return hits


def _capitalised_as_a_name(doc: Document, tokens: Tokens, m: Match, listed: str) -> bool:
    """A term listed in lower case, written capitalised inside a sentence (the US Department of
    Labor, The Truce Commission), or at a sentence's start before another capitalised word (Labor
    Day falls on Monday) or where the document writes it so inside a sentence too (Labor's leader
    agreed, beside a Labor spokesman): a name's word, maybe, which keeps its spelling; only a
    reader can fix it (a new user's report: both were safe fixes; after an acronym too: UN Truce
    Supervision Organization, though UN Secretary General Guterres is the term, a review)."""
    if in_a_name(doc, tokens, m, listed, alone=True):
        return True
    written = tokens.surfaces[m.first]
    if not listed.islower() or not written[:1].isupper() or written.isupper() \
            or primary_language(doc.lang) in NOUNS_CAPITALISED or not starts_sentence(doc, m.start):
        return False
    if before_a_capital(tokens, m):
        return True
    # a sentence's first word that the document writes capitalised inside a sentence too: the
    # name's (Labor's leader agreed, beside "a Labor spokesman": a final tester's report)
    return any(not starts_sentence(doc, k) for k in _capitalised_uses(doc, " ".join(tokens.surfaces[m.first:m.last])))


def before_a_capital(tokens: Tokens, m: Match) -> bool:
    """The word after the match is capitalised (not in capitals), on its line or opening the next
    (a wrapped paragraph's "Truce / Commission": a final tester's report)."""
    if m.last >= len(tokens.surfaces):
        return False
    after = tokens.surfaces[m.last]
    return _NAME_GAP.fullmatch(tokens.text, m.end, tokens.starts[m.last]) is not None and after[:1].isupper() \
        and not after.isupper()


_NAME_GAP = re.compile(WRAPPED_GAP)


def _capitalised_uses(doc: Document, written: str) -> list[int]:
    """Where the prose writes ``written`` (one or more words) capitalised as written."""
    pattern = r"(?<![^\W_])" + r"\s+".join(map(re.escape, written.split())) + r"(?![^\W_])"
    return [m.start() for m in re.finditer(pattern, doc.prose)]


def _part_of_hyphenated_word(text: str, start: int, end: int, lang: str | None) -> bool:
    """The match is a part of a word written with a hyphen (e-mail, mail-order, méta-mail for a
    deprecated "mail"): the word may be another word, or the term's replacement may not fit it
    (e-courriel: a tester's report), so only a reader can fix it. Not in German, which writes
    compounds with a hyphen and replaces a part of one (Email-Adresse -> E-Mail-Adresse)."""
    if primary_language(lang) in NOUNS_CAPITALISED:
        return False
    before = start >= 2 and text[start - 1] in HYPHENS and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] in HYPHENS and text[end + 1].isalnum()
    return before or after


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


def _russian_case_like(written: str, term: str, replacement: str, lang: str | None) -> str | None:
    """In Russian, ``replacement`` in the case and number of ``written``, a form of the term's
    last word (юзерам for юзер -> пользователям; Пришлите электронную почту): its head noun and
    the adjectives before it, which agree (in gender too, in the singular), by pymorphy3; the
    words after the head (прекращение огня: a genitive) stay. None where pymorphy3 cannot say."""
    if primary_language(lang) != "ru":
        return None
    from ..names.morph import _analyzer

    try:
        morph = _analyzer()
    except ImportError:
        return None
    listed = term.split()[-1].lower()
    lemma = term_parses(listed, morph.parse(listed))[0].normal_form  # (жгут's own, not жечь's они жгут)
    found = [p for p in morph.parse(written.split()[-1].lower()) if p.normal_form == lemma and p.tag.case]
    words = replacement.split()
    parses = [morph.parse(w.lower())[0] for w in words]
    head = next((i for i, p in enumerate(parses) if "NOUN" in p.tag), None)
    if not found or head is None:
        return None
    case, number = found[0].tag.case, found[0].tag.number or "sing"
    out = []
    for i, (word, parse) in enumerate(zip(words, parses)):
        if i < head and not {"ADJF", "PRTF"} & parse.tag.grammemes or i > head:
            out.append(word)
            continue
        grammemes = {case, number}
        if i < head:  # an adjective agrees with the head noun
            if number == "sing" and parses[head].tag.gender:
                grammemes.add(parses[head].tag.gender)
            if case == "accs" and parses[head].tag.animacy:
                grammemes.add(parses[head].tag.animacy)
        inflected = parse.inflect(grammemes)
        if inflected is None:
            return None
        form = inflected.word
        out.append(form[:1].upper() + form[1:] if word[:1].isupper() else form)
    return " ".join(out)


def fitted_suggestions(doc: Document, start: int, end: int, written: str, approved: list[Term], listed: str) -> tuple[str, ...]:
    """The approved terms as suggestions for ``written`` (matched as the term ``listed``) at
    [start, end): in its case, as the fix writes them (Réglages at a heading's start:
    Paramètres, a tester's report)."""
    return tuple(dict.fromkeys(fit_replacement(doc, start, end, written, t.text, listed) for t in approved))


def _plural_like(written: str, term: str, replacement: str, lang: str | None) -> str | None:
    """The replacement's regular plural where ``written`` is the term's (emails for email ->
    courriels, unions syndicales -> syndicats: testers' reports): one word, or in English the last
    word of several; else None."""
    plurals = {term.casefold() + "s", *(p.casefold() for p in orthographic_plurals(term, lang))}
    if " " in term:  # (every word in the plural: unions syndicales for union syndicale, a tester's report)
        plurals.add(" ".join(plural_word(word, lang) or word + "s" for word in term.split()).casefold())
    if written.casefold() not in plurals:
        return None
    primary = primary_language(lang)
    if primary == "de" and written.casefold() == term.casefold() + "s" and not regular_plural(term, lang):
        return None  # (a German -s may be a genitive's: des Accounts is no des Konten, a review)
    words = replacement.split()
    if len(words) > 1 and primary != "en":
        # a Romance noun before its preposition takes the plural (Les updates -> mises à jour: a
        # tester's report); other phrases agree in ways no rule here knows (ordenadores for
        # ordenador -> computadoras: a tester's report)
        if words[1].casefold() not in _ROMANCE_PREPOSITIONS or primary not in ("fr", "pt", "es", "it", "ca"):
            return None
        plural = plural_word(words[0], lang)
        return " ".join([plural, *words[1:]]) if plural else None
    head, _, last = replacement.rpartition(" ")
    plural = plural_word(last, lang)
    return (head + " " + plural if head else plural) if plural else None


_ROMANCE_PREPOSITIONS = frozenset("de à a da do das dos del di en para por per au aux du des della dello".split())


def plural_word(word: str, lang: str | None) -> str | None:
    """``regular_plural``, else the commonest of ``orthographic_plurals`` the word list knows
    (not childs, Themas; mãos, not mães, mothers, of mão: a tester's report)."""
    from ..lexicon import zipf

    regular = regular_plural(word, lang)
    if regular is not None and zipf(regular, lang) >= NONWORD_ZIPF:
        return regular
    known = [(zipf(p, lang), p) for p in orthographic_plurals(word, lang)]
    best = max(known, default=(0.0, None))
    return best[1] if best[0] >= NONWORD_ZIPF else None


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
