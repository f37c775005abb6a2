"""House-style rules read from YAML style files (``styles = [...]`` in the configuration).

One rule class per rule type; each runs every rule of its type that the configured styles hold.
The style's own rule name ("House.Taleban") is in the message and in ``extra["style_rule"]``.
A rule's ``level`` in the style sets the finding's severity, unless the configuration's
``[severity]`` names the rule ("House.Wording" = "error", as a Vale user sets levels in
.vale.ini); without either, the rule class's severity (``[severity]`` can change it) applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from ..model import Document, Finding, Fix, Scope
from ..registry import Rule, RuleDoc, is_style_rule_selector, register

if TYPE_CHECKING:
    from ..pipeline import CheckContext
    from ..style import match as matchers
    from ..style.loader import StyleRule

# checker.style (YAML, regex compilation) is imported only when a configuration names a style,
# so that a run without one starts faster.


class _StyleRule(Rule):
    scope = Scope.DOCUMENT
    kind: str = ""

    def run(self, rule: "StyleRule", doc: Document, ctx: "CheckContext") -> "Iterable[matchers.Hit]":
        from ..style import match as matchers

        if self.kind == "substitution":  # (shared with the names rule: ``substitution_spans``)
            return ctx.per_document(doc, f"substitution:{rule.name}",
                                    lambda: list(_on_composed(matchers.substitution, rule, doc, ctx)))
        return _on_composed(getattr(matchers, self.kind), rule, doc, ctx)

    def check_document(self, doc: Document, ctx: "CheckContext") -> Iterator[Finding]:
        if not ctx.config.styles:
            return
        from ..style.loader import styles_for

        # "[severity] "House.Wording" = "error"": the configuration's level over the rule's own
        levels = {key.lower(): level for key, level in ctx.config.severity.items() if is_style_rule_selector(key)}
        from ..lang import with_region

        tag = with_region(doc.lang, ctx.settings.lang)
        for rule in styles_for(ctx).of_kind(self.kind):
            if not rule.applies_to(tag):
                continue
            for hit in _within_time(self.run, rule, doc, ctx):
                fix_start, fix_end = hit.fix_span or (hit.start, hit.end)
                fix = Fix(fix_start, fix_end, hit.replacement, safe=hit.safe) if hit.replacement is not None else None
                yield self.finding(doc, hit.start, hit.end, hit.message, hit.suggestions, fix,
                                   severity=levels.get(rule.name.lower()) or rule.level or self.severity,
                                   style_rule=rule.name)


# CPU seconds one rule may take on one document: a floor, and more per megabyte (a substitution
# with 80,000 hits took 4.8 s on 5 MB: a review)
STYLE_RULE_SECONDS = 10.0
STYLE_RULE_SECONDS_PER_MB = 5.0


def _within_time(run, rule: "StyleRule", doc: Document, ctx: "CheckContext") -> "list[matchers.Hit]":
    """The rule's hits on ``doc``, or one line naming the rule whose patterns take too long (a
    tester's report: a token of nested repeats ran for hours on a sentence of 16 words)."""
    from ..model import InputError
    from ..timelimit import TooSlow, time_limit

    limit = max(STYLE_RULE_SECONDS, STYLE_RULE_SECONDS_PER_MB * len(doc.text) / 1e6)
    try:
        with time_limit(limit):
            return list(run(rule, doc, ctx))
    except TooSlow:
        raise InputError(f"{rule.path}:{rule.line}: rule {rule.name!r} used more than {limit:g} s of CPU on "
                         f"{doc.path}: a pattern of it may backtrack (nested repeats such as (?:[a-z]+ ?)+); "
                         "rewrite it so that each part of the text can match one way only") from None


def _on_composed(matcher, rule: "StyleRule", doc: Document, ctx: "CheckContext") -> "Iterable[matchers.Hit]":
    """``matcher``'s hits on ``doc``; on a decomposed text (NFD), the hits on its composed view
    with their offsets in the file (a tester's report: "através" never matched there)."""
    import dataclasses

    from ..nfc import composed_view

    view = ctx.per_document(doc, "composed-view", lambda: composed_view(doc))
    if view is None:
        return matcher(rule, doc)
    back = view.to_file
    return [dataclasses.replace(hit, start=back(hit.start), end=back(hit.end),
                                fix_span=hit.fix_span and (back(hit.fix_span[0]), back(hit.fix_span[1])))
            for hit in matcher(rule, view.doc)]


@register
class StyleSubstitution(_StyleRule):
    code = "TC301"
    name = "style-substitution"
    category = "style"
    kind = "substitution"
    fixable = True
    doc = RuleDoc(
        summary="A word or phrase that the house style replaces by another (a `substitution` rule of a style file).",
        why="A house style fixes one spelling and one wording for recurring terms, so that readers are not "
            "left wondering whether two forms mean two things, and editors do not correct the same slip twice.",
        bad="Saleh has declared himself president in charge of Afghanistan.",
        good="Saleh has declared himself caretaker president of Afghanistan.",
        fix="Safe when the style gives exactly one replacement (the case of the original is kept: TALEBAN -> "
            "TALIBAN, unless that makes a form the key itself rejects); with several (`a|b`) they are only "
            "suggested. Unsafe where the words around may not agree (El ordenador -> El computadora), where "
            "words would move across a line break that may part two sentences, or where a final stop may "
            "also end the sentence; no fix where an elided article would stand before a consonant "
            "(L'update -> L'mise à jour). A match wrapped over two lines keeps its line break.",
    )


@register
class StyleExistence(_StyleRule):
    code = "TC302"
    name = "style-existence"
    category = "style"
    kind = "existence"
    doc = RuleDoc(
        summary="A phrase or pattern that the house style bans (an `existence` rule of a style file).",
        why="Some text must never reach readers: scraping leftovers such as image credits and caption labels, "
            "banned words, placeholders.",
        bad="Credit, Reuters Photo caption, The group, which dominates the Panjshir Valley, ...",
        good="The group, which dominates the Panjshir Valley, ...",
        fix="No automatic fix: what should replace the text depends on the context.",
    )


@register
class StyleConsistency(_StyleRule):
    code = "TC303"
    name = "style-consistency"
    category = "style"
    kind = "consistency"
    fixable = True
    doc = RuleDoc(
        summary="Two accepted forms used in one document (a `consistency` rule: `either: {form: other}`); the "
                "form the document uses first wins.",
        why="Either spelling may be correct, but a reader who meets both in one article notices the switch.",
        bad="The adviser said ... Another advisor added ...",
        good="The adviser said ... Another adviser added ...",
        fix="Unsafe (only with --unsafe-fixes): replaces the later form by the first one; the house may prefer "
            "the other.",
    )


@register
class StyleCapitalization(_StyleRule):
    code = "TC304"
    name = "style-capitalization"
    category = "style"
    kind = "capitalization"
    fixable = True
    doc = RuleDoc(
        summary="A heading (or the scope a `capitalization` rule names) not in the house case: $sentence, $title "
                "(AP or Chicago), $lower, $upper or a pattern.",
        why="Headings that start in lower case are usually leftovers of a translation or a scrape, and mixed "
            "heading styles look careless.",
        bad="shared power",
        good="Shared power",
        fix="Safe when only the first letter of a sentence-case heading is wrong (it is capitalised); otherwise "
            "the re-cased heading is an unsafe fix, since names may need their capitals. Words the document "
            "capitalises inside its sentences, house names, approved terms, CLDR names of countries, languages, "
            "months and days, and words the word lists take for names keep their capitals.",
    )

    def check_document(self, doc: Document, ctx: "CheckContext") -> Iterator[Finding]:
        self._evidence: "matchers.CaseEvidence | None" = None
        return super().check_document(doc, ctx)

    def run(self, rule: "StyleRule", doc: Document, ctx: "CheckContext") -> "Iterable[matchers.Hit]":
        from ..style import match as matchers

        if rule.match in ("$sentence", "$title") and self._evidence is None:
            self._evidence = matchers.case_evidence(doc, _known_name_words(doc.lang, ctx))
        return matchers.capitalization(rule, doc, self._evidence)


def _known_name_words(lang: str | None, ctx: "CheckContext") -> frozenset[str]:
    """The capitalised words of the house's spellings of names (and the variants it corrects)
    and of its approved glossary terms in ``lang``, which keep their capitals in headings; once
    per run and language (a glossary of 10,000 terms is not read again for every document)."""
    key = ("known-name-words", lang)
    words = ctx.cache.get(key)
    if words is None:
        from ..glossary import glossary_for, house_names
        from ..style.match import capitalised_words

        known = [spelling for name in house_names(ctx).names for spelling in (name.canonical, *name.variants)]
        compiled = glossary_for(ctx)
        if compiled is not None:
            known += [term.text for entry in compiled.glossary.entries for term in entry.approved(lang)]
        words = ctx.cache[key] = capitalised_words(known)
    return words


@register
class NumberFormat(_StyleRule):
    code = "TC305"
    name = "number-format"
    category = "numbers"
    kind = "numbers"
    fixable = True
    doc = RuleDoc(
        summary="A number written against the house's number style (a `numbers` rule): a digit with a word "
                "multiplier ('200 thousand'), or long digit runs without grouping (`group: 5`).",
        why="News style writes 200,000 (en), 200.000 (de) or 200 000 (fr); a machine translation often keeps "
            "the source language's '200 mil' as '200 thousand'.",
        bad="between 150 and 200 thousand inhabitants",
        good="between 150,000 and 200,000 inhabitants",
        fix="Safe for one number ('200 thousand' -> '200,000') and for a rising range ('150 and 200 thousand' -> "
            "'150,000 and 200,000'); unsafe for other pairs, after a small number and a short word that is no "
            "listed conjunction (a range the style does not know: '10 bzw. 20 tausend'), and for digit grouping.",
    )


def substitution_spans(doc: Document, ctx: "CheckContext") -> list[tuple[int, int, list[str]]]:
    """(start, end, suggestions) of what the house style's substitutions (TC301) report in
    ``doc``, where TC301 and the style's rule run on it: the names rule neither reports a name
    they replace again nor suggests a spelling they replace (Taliban 1x beside Taleban 2x, with
    Taleban -> Taliban in the style: a tester's report)."""
    from ..registry import iter_selected, matches, style_rule_selected

    settings = ctx.settings
    ignored = [*settings.ignore, *ctx.config.ignored_for(doc.path)]
    # TC301 runs on the file: selected by its code or a style rule's name, and not ignored
    # there (by the command line, the configuration or the file's per-file-ignores)
    if not ctx.config.styles or not any(cls is StyleSubstitution for cls in iter_selected(settings.select, ignored)) \
            or matches(StyleSubstitution, ignored):
        return []  # (styles are read only where a rule of theirs runs)
    from ..lang import with_region
    from ..style.loader import styles_for

    def runs(rule: "StyleRule") -> bool:
        return style_rule_selected("TC301", rule.name, settings.select, ignored)

    rule_class = StyleSubstitution()
    tag = with_region(doc.lang, settings.lang)
    # (under the rules' time limit: the names rule runs them first, a final tester's report)
    return [(hit.start, hit.end, hit.suggestions) for rule in styles_for(ctx).of_kind("substitution")
            if rule.applies_to(tag) and runs(rule) for hit in _within_time(rule_class.run, rule, doc, ctx)]
