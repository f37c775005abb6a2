"""The explicit lists: the house list of names (TC102) and the glossaries (TC201-TC203).

The files come from the configuration (``names`` and ``glossaries``, see ``checker.config``) and
are loaded and compiled once per run (``checker.glossary``). Each span is reported once: a house
variant by TC102 (not TC202/TC203), and the zero-config TC101 skips ``covered_spans``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..model import Document, Finding, Fix, Scope, Severity, SourceSpan
from ..registry import Rule, RuleDoc, register

if TYPE_CHECKING:
    from ..glossary.model import Entry
    from ..pipeline import CheckContext

# checker.glossary (XML, stemmers, matchers) is imported only when a configuration names a
# glossary or a list of names, so that a run without one starts faster.


def _quote(items: Iterable[str]) -> str:
    return " or ".join(f"'{s}'" for s in items)


def entry_reference(entry: "Entry") -> str:
    """The glossary entry behind a finding as ``file:line`` (the file relative to the current
    directory, like a finding's path), so that an editor (or an evaluation) fixes the entry the
    finding comes from, not one with the same term; "" when the entry has no file."""
    if not entry.origin:
        return ""
    from ..fingerprint import normalise_path

    path, _, line = entry.origin.rpartition(":")
    return f"{normalise_path(path)}:{line}"


def _entry_field(entry: "Entry", twins: Iterable["Entry"] = ()) -> dict[str, str | list[str]]:
    """``glossary_entry``; and ``glossary_entries`` (that one first) when rows with the same
    source term share the finding."""
    reference = entry_reference(entry)
    if not reference:
        return {}
    references = [reference] + [r for r in map(entry_reference, twins) if r and r != reference]
    if len(references) == 1:
        return {"glossary_entry": reference}
    return {"glossary_entry": reference, "glossary_entries": references}


def _house_message(surface: str, part: str, canonical: str) -> str:
    """A variant of one word of a longer name gets that word (Zelensky), with the name."""
    if part and part != canonical:
        return f"'{surface}': the house spelling is '{part}' (as in '{canonical}')"
    return f"'{surface}': the house spelling is '{canonical}'"


@register
class HouseNameSpelling(Rule):
    code = "TC102"
    name = "house-name-spelling"
    category = "names"
    severity = Severity.WARNING
    scope = Scope.DOCUMENT
    fixable = True
    doc = RuleDoc(
        summary="A name is spelled in a way the house list of names rejects.",
        why="The house list (configuration key `names`) fixes one spelling per name; readers and "
            "search engines should meet one Taliban, not Taliban and Taleban. The house spelling "
            "wins even where the article itself mostly uses the variant.",
        bad="names.yaml lists Taleban as a variant of Taliban; the text says: The Taleban say they have surrounded the group.",
        good="The Taliban say they have surrounded the group.",
        fix="Safe: replaces the variant by the house spelling, keeping an ending the text adds "
            "(Talebans -> Talibans) and capitals; a variant of one word of a longer name gets that "
            "word (Zelenskiy -> Zelensky of Volodymyr Zelensky). Inflected inside the word, the "
            "suggestion takes the text's ending where the house spelling ends as the variant does "
            "(Зеленського -> Зеленского for Зеленський -> Зеленский): suggestion only, --unsafe-fixes. "
            "A variant that is a common word (Gana, Spanish for wins, listed for Ghana; Kiev) is matched "
            "capitalised only; at a sentence's start, or in a heading that capitalises its words, it is "
            "left alone where the document writes the word in lower case, and its fix is unsafe unless "
            "the document writes it capitalised mid-sentence on its own too (The mayor of Kiev). So is "
            "the fix of a one-word variant before a capitalised word the house spelling does not have, "
            "in the same table cell (Qatar Airways); in a heading that capitalises every word, only "
            "where the text writes the variant alone and never before that word.",
    )

    def check_document(self, doc: Document, ctx: "CheckContext") -> Iterable[Finding]:
        if not ctx.config.names:
            return
        from ..glossary import house_matches

        for m in house_matches(doc, ctx):
            fix = Fix(m.start, m.end, m.replacement, safe=m.safe)
            yield self.finding(doc, m.start, m.end,
                               _house_message(doc.visible(m.start, m.end), m.part, m.canonical),
                               [m.replacement], fix, variant_of=m.canonical)


@register
class GlossaryMissingTerm(Rule):
    code = "TC201"
    name = "glossary-missing-term"
    category = "glossary"
    severity = Severity.WARNING
    scope = Scope.PAIR
    doc = RuleDoc(
        summary="A source term of the glossary is not translated by its approved target term.",
        why="A glossary fixes how the organisation's terms are translated; a sentence that "
            "renders the term otherwise (or drops it) breaks consistency across texts. Compared "
            "segment by segment when source and translation have as many segments, else line by line "
            "when they have as many non-blank lines, else over the whole document, by counts: a term said twice in the source and rendered once is "
            "reported too. Inflected and reordered renderings count when their words are near each "
            "other; so do a term made of other glossary terms rendered by their translations "
            "(covid-19 deaths as décès liés à la covid-19) and the target language's acronym with the "
            "same letters reordered (SDRA for ARDS). In German and other compounding languages a "
            "compound renders the term word it ends with (Konfigurationsdatei for file), not one it "
            "starts with or shares a first part with (Waffenstillstand for Waffen, Waffenlieferung "
            "for Waffenstillstand), unless the English term modifies a noun (election result: "
            "Wahlergebnis; supply of vaccine: Impfstoffversorgung); a German separable verb renders its term apart, as a participle "
            "or with zu (Melden Sie sich an, angemeldet, anzumelden for anmelden). "
            "Wrong forms reported by TC202/TC203 are not reported again here (where those rules run).",
        bad="Glossary: confirmed cases -> casos confirmados. Source: There are 200 confirmed cases. "
            "Translation: Há 200 casos registrados.",
        good="Há 200 casos confirmados.",
        fix="No automatic fix: where the term goes in the sentence is the translator's call.",
    )

    def check_pair(self, source: Document, target: Document, ctx: "CheckContext") -> Iterable[Finding]:
        if not ctx.config.glossaries:
            return
        from ..glossary import glossary_for, house_spans, near_miss_hits, target_scan, wrong_term_hits

        compiled = glossary_for(ctx)
        if compiled is None:
            return
        from ..glossary.missing import missing_terms

        sc = target_scan(target, ctx)
        # (what TC202 and TC203 report is theirs, where they run: not hidden when they are off)
        others = [*(wrong_term_hits(target, ctx) if ctx.rule_active("TC202", target.path) else ()),
                  *(near_miss_hits(target, ctx) if ctx.rule_active("TC203", target.path) else ())]
        for hit in missing_terms(source, target, compiled, sc, others, house_spans(target, ctx)):
            src_text = source.text[hit.source_start:hit.source_end]
            line, _ = source.position(hit.source_start)
            if hit.counts:
                message = (f"source term '{src_text}' (source line {line}) occurs {hit.counts[0]} times, "
                           f"its translation {_quote(hit.suggestions)} {hit.counts[1]} time"
                           f"{'s' if hit.counts[1] != 1 else ''}")
            else:
                message = f"source term '{src_text}' (source line {line}) is not translated as {_quote(hit.suggestions)}"
            finding = self.finding(target, hit.start, hit.end, message, hit.suggestions,
                                   **_entry_field(hit.entry, hit.twins))
            l1, c1 = source.position(hit.source_start)
            l2, c2 = source.position(hit.source_end)
            finding.source = SourceSpan(source.path, l1, c1, l2, c2)
            yield finding


@register
class GlossaryForbiddenTerm(Rule):
    code = "TC202"
    name = "glossary-forbidden-term"
    category = "glossary"
    severity = Severity.WARNING
    scope = Scope.DOCUMENT
    fixable = True
    doc = RuleDoc(
        summary="The text uses a term that the glossary marks deprecated or forbidden.",
        why="Deprecated and forbidden terms are the ones the organisation has decided against "
            "(an old name, a calque, a competitor's word); matching is inflection-aware, so "
            "plural and case forms are found too. Works on the translation alone.",
        bad="Glossary: National Resistance Front (preferred), Afghan Resistance Front (forbidden). "
            "Text: It is the Afghan Resistance Front.",
        good="It is the National Resistance Front.",
        fix="Safe when the entry has exactly one approved term and the text has the deprecated "
            "term uninflected; an inflected one gets the approved term with the text's ending "
            "(cease-fires -> ceasefires) as an unsafe fix (--unsafe-fixes) where the two terms end "
            "alike, or its regular plural (emails -> courriels), or in Russian the approved term in "
            "the case and number of the form found (юзерам -> пользователям), else only the suggestion (Os "
            "imunizantes: no 'Os vacina'); with several approved terms, the first is the unsafe fix "
            "and all are suggested. Unsafe too where the replacement may change the gender (el "
            "ordenador -> computadora) or the form of the word before it (le serveur -> "
            "l'ordinateur, an SMS -> a text message), inside a word written with a hyphen outside "
            "German (e-mail, mail-order for a deprecated mail), and where a term's final stop may "
            "also end the sentence (the U.S. Congress); no fix at all where an elided article would "
            "stand before a consonant (L'update: no 'L'mise à jour'). A term written with symbols "
            "(C#, e.g., AT&T) matches only where the text has them, and its fix replaces them too.",
    )

    def check_document(self, doc: Document, ctx: "CheckContext") -> Iterable[Finding]:
        if not ctx.config.glossaries:
            return
        from ..glossary import wrong_term_hits

        for hit in wrong_term_hits(doc, ctx):
            text = doc.visible(hit.start, hit.end)
            use = f"; use {_quote(hit.suggestions)}" if hit.suggestions else ""
            fix = Fix(hit.start, hit.end, hit.replacement, safe=hit.safe) if hit.replacement else None
            # the fix's form first when it carries the text's ending (ceasefires for cease-fires)
            inflected = [hit.replacement] if hit.replacement and hit.replacement.casefold() not in {
                s.casefold() for s in hit.suggestions} else []
            yield self.finding(doc, hit.start, hit.end, f"'{text}' is a {hit.kind} term{use}",
                               [*inflected, *hit.suggestions], fix, term_status=hit.kind, **_entry_field(hit.entry))


@register
class GlossaryNearMiss(Rule):
    code = "TC203"
    name = "glossary-near-miss"
    category = "glossary"
    severity = Severity.WARNING
    scope = Scope.DOCUMENT
    fixable = True
    doc = RuleDoc(
        summary="A word that is not a word of the language is close to an approved glossary term, "
                "a source-language term was left in the translation, or an approved term is written "
                "with a space where the glossary has a hyphen (or the reverse).",
        why="Misspelled terms (Quarentna), terms transliterated the way another language writes "
            "them (Tayika for Tajik) and source-language forms left untranslated (the Portuguese "
            "acronym FRN for NRF) escape both spell-checkers and exact glossary matching.",
        bad="Glossary: tajique -> Tajik; Frente de Resistência Nacional (FRN) -> National Resistance "
            "Front (NRF). Text: of the Tayika ethnic group ... the FRN says",
        good="of the Tajik ethnic group ... the NRF says",
        fix="A source-language form: safe when the entry has exactly one approved term. A near-miss "
            "spelling: the term is suggested, the fix is not safe (it is a guess). Hyphens and spaces "
            "(E-Mail Adresse -> E-Mail-Adresse): safe when the words are the term's as listed.",
    )

    def check_document(self, doc: Document, ctx: "CheckContext") -> Iterable[Finding]:
        if not ctx.config.glossaries:
            return
        from ..glossary import near_miss_hits

        for hit in near_miss_hits(doc, ctx):
            text = doc.visible(hit.start, hit.end)
            if hit.kind == "leftover":
                message = f"'{text}' is the {hit.term.lang or 'source'} term; the translation uses {_quote(hit.suggestions)}"
            elif hit.kind == "joined":
                message = f"'{text}': the glossary writes '{hit.term.text}' (hyphens and spaces as listed)"
            else:
                message = f"'{text}' looks like a misspelling of the glossary term '{hit.term.text}'"
            fix = Fix(hit.start, hit.end, hit.replacement, safe=hit.safe) if hit.replacement else None
            yield self.finding(doc, hit.start, hit.end, message, hit.suggestions, fix, glossary_kind=hit.kind,
                               **_entry_field(hit.entry))
