"""Glossaries (TBX, CSV/TSV, YAML) and the house list of names.

For rules, everything goes through the check context so that files load and compile once per run:

* ``glossary_for(ctx)``: the compiled glossaries of ``ctx.config.glossaries`` (None when none);
* ``house_names(ctx)``: the house list of ``ctx.config.names`` (empty when none), with
  ``canonical_of(spelling)`` for the zero-config names rule;
* ``house_matches(doc, ctx)``: the listed variants found in a document (what TC102 reports);
* ``covered_spans(doc, ctx)``: the spans that TC102, TC202 and TC203 report in a document, for
  the zero-config names rule (TC101) to skip, so that one span is reported once.

Loading a file by hand: ``load_glossary(path)``, ``load_house_names([path])``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from .check import Hit, Scan
from .compiled import CompiledGlossary
from .house import HouseMatch, HouseName, HouseNames, load_house_names
from .load import load_glossaries, load_glossary
from .model import Entry, Glossary, Status, Term, primary_lang, region_of

if TYPE_CHECKING:
    from ..model import Document
    from ..pipeline import CheckContext

__all__ = [
    "CompiledGlossary", "Entry", "Glossary", "Hit", "HouseMatch", "HouseName", "HouseNames", "Scan",
    "Status", "Term", "covered_spans", "glossary_for", "house_matches", "house_names",
    "load_glossaries", "load_glossary", "load_house_names",
]


def glossary_for(ctx: "CheckContext") -> CompiledGlossary | None:
    """The compiled glossaries, less the terms of other regions than the settings' languages
    (``lang = "en-GB"``: no en-US term applies, neither approved nor deprecated)."""
    paths = tuple(ctx.config.glossaries)
    if not paths:
        return None
    regions = settings_regions(ctx.settings.lang, ctx.settings.source_lang)
    key = ("glossary", paths, tuple(sorted(regions.items())))
    compiled = ctx.cache.get(key)
    if compiled is None:
        from ..config import files_named_by

        with files_named_by(ctx.config, "glossaries"):
            glossary = load_glossaries(list(paths))
        source = primary_lang(ctx.settings.source_lang)
        if source in regions and source != primary_lang(ctx.settings.lang) and _regions_of(glossary, source) \
                and not _serves_region(glossary, source, regions[source]):
            # (an en-GB source and an en-US glossary: its English terms are the source's all the
            # same, rather than none, which silenced TC201: a tester's report)
            ctx.notices.append(f"{', '.join(glossary.paths)}: no {source} terms for {ctx.settings.source_lang}; "
                               f"those of {', '.join(_regions_of(glossary, source))} are used for the source")
            regions = {lang: region for lang, region in regions.items() if lang != source}
        compiled = ctx.cache[key] = CompiledGlossary(glossary.for_regions(regions))
    return compiled


def _serves_region(glossary: Glossary, lang: str, region: str) -> bool:
    """Whether some term of ``lang`` (or of no language named) is of ``region``, of one that holds
    it, or of none."""
    return any(t.lang in (lang, None) and t.serves({lang: region}) for e in glossary.entries for t in e.terms)


def _regions_of(glossary: Glossary, lang: str) -> list[str]:
    return sorted({f"{t.lang}-{t.region}" for e in glossary.entries for t in e.terms if t.lang == lang and t.region})


def settings_regions(*tags: str | None) -> dict[str, str]:
    """Language -> region of the tags that name one (``en-GB``, ``pt``) -> ``{"en": "GB"}``. The
    translation's tag comes first and wins when both sides are one language in two regions."""
    regions: dict[str, str] = {}
    for tag in tags:
        lang, region = primary_lang(tag), region_of(tag)
        if lang and region:
            regions.setdefault(lang, region)
    return regions


def house_names(ctx: "CheckContext") -> HouseNames:
    paths = tuple(ctx.config.names)
    key = ("house-names", paths)
    names = ctx.cache.get(key)
    if names is None:
        from ..config import files_named_by

        with files_named_by(ctx.config, "names"):
            names = ctx.cache[key] = load_house_names(list(paths)) if paths else HouseNames([])
    return names


def per_document(doc: "Document", ctx: "CheckContext", name: str, compute: Callable[[], Any]) -> Any:
    return ctx.per_document(doc, "glossary-" + name, compute)


def notice_other_languages(doc: "Document", ctx: "CheckContext", compiled: CompiledGlossary) -> None:
    """A glossary with terms in named languages but none in the document's does nothing for it:
    a notice, once per language (a target-lang of de for an English desk is a slip, not a pass)."""
    languages = compiled.glossary.languages
    key = ("glossary-language-noticed", doc.lang)
    if not languages or doc.lang in languages or key in ctx.cache:
        return
    ctx.cache[key] = True
    files = ", ".join(compiled.glossary.paths)
    others = sorted(tag for tag in compiled.glossary.other_regions if primary_lang(tag) == primary_lang(doc.lang))
    regional = f"; {', '.join(others)}, left out for {ctx.settings.lang or doc.lang}" if others else ""  # (es-419: es-ES)
    ctx.notices.append(f"{files}: no terms in {doc.lang} (the glossary's languages: {', '.join(sorted(languages))}"
                       f"{regional}); its checks do nothing for the {doc.lang} files")


def target_scan(doc: "Document", ctx: "CheckContext") -> Scan | None:
    compiled = glossary_for(ctx)
    if compiled is None:
        return None
    notice_other_languages(doc, ctx, compiled)
    from .check import scan

    return per_document(doc, ctx, "scan", lambda: scan(doc, doc.lang, compiled))


def house_matches(doc: "Document", ctx: "CheckContext") -> list[HouseMatch]:
    names = house_names(ctx)
    if not names:
        return []

    def compute() -> list[HouseMatch]:
        from .text import analyzer, tokenize

        from .house import judged_in_context

        tokens = tokenize(doc.prose)
        return judged_in_context(names.find_in(tokens, analyzer(doc.lang).keys(tokens.surfaces), doc.lang, doc.text),
                                 doc)

    return per_document(doc, ctx, "house", compute)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def house_spans(doc: "Document", ctx: "CheckContext") -> list[tuple[int, int]]:
    """Spans TC102 reports (empty when TC102 does not run on the file)."""
    if not ctx.rule_active("TC102", doc.path):
        return []
    return [(m.start, m.end) for m in house_matches(doc, ctx)]


def wrong_term_hits(doc: "Document", ctx: "CheckContext") -> list[Hit]:
    """TC202's hits: deprecated and forbidden terms, less the spans the house list reports."""
    compiled = glossary_for(ctx)
    if compiled is None:
        return []

    def compute() -> list[Hit]:
        from .check import wrong_terms

        taken = house_spans(doc, ctx)
        return [h for h in wrong_terms(doc, target_scan(doc, ctx), compiled) if not _overlaps(h.start, h.end, taken)]

    return per_document(doc, ctx, "wrong", compute)


def near_miss_hits(doc: "Document", ctx: "CheckContext") -> list[Hit]:
    """TC203's hits: near-misses and source-language leftovers, less the house list's spans."""
    compiled = glossary_for(ctx)
    if compiled is None:
        return []

    def compute() -> list[Hit]:
        from .nearmiss import near_misses

        taken = house_spans(doc, ctx)
        return [h for h in near_misses(doc, target_scan(doc, ctx), compiled, doc.source, ctx.settings.source_lang)
                if not _overlaps(h.start, h.end, taken)]

    return per_document(doc, ctx, "near", compute)


def covered_spans(doc: "Document", ctx: "CheckContext") -> list[tuple[int, int, str]]:
    """(start, end, rule) of what the explicit lists report in ``doc``: TC102 (house names),
    TC202 (deprecated/forbidden terms) and TC203 (near-misses, leftovers), each only when
    running on the file. The zero-config names rule skips findings overlapping these spans."""
    spans = [(s, e, "TC102") for s, e in house_spans(doc, ctx)]
    if ctx.rule_active("TC202", doc.path):
        spans += [(h.start, h.end, "TC202") for h in wrong_term_hits(doc, ctx)]
    if ctx.rule_active("TC203", doc.path):
        spans += [(h.start, h.end, "TC203") for h in near_miss_hits(doc, ctx)]
    return sorted(spans)
