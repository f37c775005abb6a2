"""TC201's check: source terms whose approved translation is absent from the translation,
inflection-aware in both languages (families of words, compounds, separable verbs)."""

from __future__ import annotations

import bisect
import re

from ..agreement import SEPARABLE_PREFIXES
from ..align import align
from ..lang import primary_language
from ..model import Document
from .check import Hit, Scan, scan
from .compiled import COMPOUND_RE, FAMILY_MIN, FUNCTION_ZIPF, CompiledGlossary, is_english, within_one
from .index import NONWORD_ZIPF, ROMANCE, conjugated
from .model import Entry, Term
from .sourcelang import ATTESTED_ZIPF, FOREIGN_GAP, kept_in_source_language, source_term_form
from .text import Analyzer, Tokens, analyzer, is_acronym, split_words, unaccent


FAMILY_PREFIX = 5  # a word sharing this many first letters with a term's stem is of its family
COMPOUND_SUFFIX_MAX = 3  # in a compounding language, only the term's stem and this many letters more
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
        if len(part) == COMPOUND_WORD_MIN - 1:  # (Neuwahl; not a function word's: Auswahl, Einwahl;
            # nor a verb prefix's: Verkauf is no Kauf, Herstellung no Stellung: a review)
            return NONWORD_ZIPF <= zipf(part, lang) < FUNCTION_ZIPF and part not in _PREFIXES
        return len(part) >= COMPOUND_WORD_MIN and (zipf(part, lang) >= NONWORD_ZIPF or any(
            part.endswith(link) and zipf(part[: -len(link)], lang) >= NONWORD_ZIPF for link in LINKING))

    for whole in {written} | {written[: -len(e)] for e in COMPOUND_ENDINGS if written.endswith(e)}:
        if whole.endswith(form) and word(source[: len(whole) - len(form)]):
            return True
    return False


def _compound_starting(written: str, form: str, lang: str | None) -> bool:
    """In a compounding language, ``written`` (lower case, unaccented) is a compound whose first
    part is the term word ``form`` (with a linking element) and whose last part is a word of the
    language: Wahlergebnis, Regierungssprecher, Drohnenangriffe (see ``_modifier_compounds``)."""
    from ..lexicon import zipf

    if len(written) < len(form) + COMPOUND_WORD_MIN or not written.startswith(form) or len(form) < COMPOUND_WORD_MIN:
        return False
    rest = written[len(form):]
    for link in ("", *LINKING):
        if rest.startswith(link):
            part = rest[len(link):]
            for whole in {part} | {part[: -len(e)] for e in COMPOUND_ENDINGS if part.endswith(e)}:
                if len(whole) >= COMPOUND_WORD_MIN and zipf(whole, lang) >= NONWORD_ZIPF:
                    return True
    return False


_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
_OF_BEFORE = re.compile(r"(?<![^\W\d_])of[ \t\u00a0]+$", re.IGNORECASE)


def _modifier_compounds(s_text: str, occurrences: list, s_lang: str | None, surfaces: list[str], lo: int, hi: int,
                        approved: list[Term], lang: str | None) -> int:
    """Renderings of an English noun modifier (election result, government spokesman: the term
    followed by a noun; supply of vaccine: after of) as the first part of a compound (Wahlergebnis, Regierungssprecher: a
    tester's report), as many as the source has such occurrences; in a compounding language."""
    from ..lexicon import zipf
    from ..names.compare import COMPOUNDING

    if (lang or "")[:2] not in COMPOUNDING or not is_english(s_lang):
        return 0
    modifiers = 0
    for o in occurrences:
        after = _WORD_AFTER.match(s_text, o.end)
        modifiers += (after is not None and zipf(after.group(1), s_lang) < FUNCTION_ZIPF) \
            or _OF_BEFORE.search(s_text, max(0, o.start - 4), o.start) is not None  # (supply of vaccine)
    forms = [unaccent(t.text.lower()) for t in approved if len(split_words(t.text)) == 1]
    if not modifiers or not forms:
        return 0
    found = sum(any(_compound_starting(unaccent(surfaces[i].lower()), form, lang) for form in forms) for i in range(lo, hi))
    return min(found, modifiers)


# German verb prefixes of three letters (separable ones, and ver-, ent-, emp-, zer-)
_PREFIXES = frozenset(p for p in (*SEPARABLE_PREFIXES, "ver", "ent", "emp", "zer", "miß") if len(p) == 3)

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
                     and source_term_form(surfaces[i], entry, s_lang)
                     and zipf(surfaces[i], s_lang) >= zipf(surfaces[i], t_lang) + FOREIGN_GAP)


def _form_of(key: str, surface: str, term_key: str) -> bool:
    """Whether a token is a form of the term word keyed ``term_key``: the same key, or, for a
    content word's stem (FAMILY_MIN letters or more), the word as written begins with it."""
    return key == term_key or (len(term_key) >= FAMILY_MIN and unaccent(surface.lower()).startswith(term_key))


SEPARATED_WITHIN = 12  # tokens from the verb to its prefix at the clause's end
VERB_WORD_ZIPF = 3.3  # the prefix and a word between make a verb this common (an + ruft): its prefix
# (not after a function word, ein + es, eines, zu + dem, zudem; nor a word far commoner than a
# verb with a prefix, an + deren, anderen: reviews)
OTHER_WORD_ZIPF = 5.5
# (or a coordinating conjunction: Laden Sie es herunter und starten Sie neu, a tester's report)
_CLAUSE_END = re.compile(r"[ \t*_]*(?:[.,;:!?)\]»“”\"]|\r?\n|$|(?:und|oder|aber|sondern|denn|doch)(?![^\W\d_]))")


def _separable_verb_forms(doc: Document, tokens: Tokens, keys: list[str], lo: int, hi: int, approved: list[Term],
                          lang: str | None, an: Analyzer) -> int:
    """How many forms of an approved German separable verb the tokens [lo, hi) hold that the
    matcher does not see as the term (a tester's report: each was "not translated as
    anmelden"): the verb and, later in its clause, the prefix at the clause's end ("Melden Sie
    sich jetzt an.", "Laden Sie die Datei herunter"), the participle (angemeldet,
    heruntergeladen) and the zu-infinitive (anzumelden)."""
    if primary_language(lang) != "de":
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
    alignment = align(source, target)
    t_bounds = alignment.target
    # per target unit: entries present (approved, with counts), entries with a wrong form, keys
    present: list[dict[int, int]] = [{} for _ in t_bounds]
    wrong: list[set[int]] = [set() for _ in t_bounds]
    for m in target_scan.matches:
        ei = m.pattern.payload[0]
        unit = alignment.target_unit(m.start)
        if m.pattern.approved:
            present[unit][ei] = present[unit].get(ei, 0) + 1
        elif any(start < m.end and m.start < end for start, end in house):
            wrong[unit].add(ei)  # (a house variant: TC102's, the other wrong forms' as target_hits)
    index_of = {id(e): i for i, e in enumerate(entries)}
    for hit in target_hits:
        wrong[alignment.target_unit(hit.start)].add(index_of[id(hit.entry)])
    t_keys, t_tok_starts, surfaces = target_scan.keys, target_scan.tokens.starts, target_scan.tokens.surfaces
    token_bounds = [(bisect.bisect_left(t_tok_starts, a), bisect.bisect_left(t_tok_starts, b)) for a, b in t_bounds]
    an = analyzer(t_lang)
    # source occurrences per (entry, unit), the first one's span
    counts: dict[tuple[int, int], list] = {}
    s_text = source.prose
    for m in src.matches:
        ei, term = m.pattern.payload
        unit = alignment.source_unit(m.start)
        slot = counts.get((ei, unit))
        if slot is None:
            slot = counts[(ei, unit)] = [m, 0, 0, []]
        slot[1] += 1
        slot[2] += (_in_compound(s_text, m.start) or _word_compound(s_text[m.start:m.end])
                    or (is_english(s_lang) and _reflexive_after(s_text, m.start, m.end)))
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
        if n_target + _modifier_compounds(s_text, occurrences, s_lang, surfaces, lo, hi, approved, t_lang) >= n_source:
            continue  # an English noun modifier as a compound's first part (election result: Wahlergebnis)
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
