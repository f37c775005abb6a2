"""The zero-configuration names rules: TC101 name-variant (one name spelled several ways in one
document) and TC103 corpus-name-variant (in a few files of a corpus, where most spell it one way).
Both read a document's name statistics (``checker.names.collect``)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..lang import primary_language
from ..model import Document, Finding, Fix, Scope, Severity
from ..registry import Rule, RuleDoc, register

# The cache slot where TC101 leaves TC103 the table of the document it has just read
CORPUS_TABLE = "names-corpus-table"

if TYPE_CHECKING:
    from ..names import NameCluster, NameVariant
    from ..names.corpus import CorpusSpellings, CorpusVariant
    from ..pipeline import CheckContext


def _variants_text(cluster) -> str:
    return ", ".join(f"{v.spelling} {v.count}" for v in cluster.variants)


@register
class NameVariantRule(Rule):
    code = "TC101"
    name = "name-variant"
    category = "names"
    severity = Severity.WARNING
    scope = Scope.DOCUMENT
    fixable = True
    doc = RuleDoc(
        summary="A proper name is spelled in more than one way in the same document; the minority "
        "spellings are reported with the dominant one as the suggestion.",
        why="Readers take two spellings for two people or places, search and indexing miss "
        "occurrences, and a style guide or house transliteration is applied inconsistently. "
        "Translations of names (transliterations from Arabic, Persian or Russian, dropped "
        "diacritics, typos) drift within one text more often than any other word. The rule "
        "needs no list: it groups spellings that normalise alike (Tier A: Massoud/Massud, "
        "José/Jose), transliteration variants with the same consonant skeleton (Tier B: "
        "Taliban/Taleban, Mohammed/Muhammad) and rare one-letter slips of a name seen at least "
        "twice (Tier C: Kabyl beside Kabul), and a name written in lower case after a capitalised word "
        "(Vladimir putin beside Putin; not a word of the language that a name holds: Ukrainian railways "
        "beside Ukrainian Railways), and a particle's case changed once inside a full name written twice "
        "the other way (Marine le Pen beside Marine Le Pen). Inflection and derivation (Afghan/Afghans/Afghanistan, Kandahar/Kandahari, "
        "Путин/Путина, Navalny/Navalnaya), different names (Iran/Iraq, Ahmad Massoud/Ahmad Shah "
        "Massoud, Olaf Scholz/Martin Schulz), "
        "ordinary words, and an English word kept beside its translation (Republican/Republikaner; "
        "an English spelling of the same consonants outside a name is reported: Kyiv beside "
        "Kiev in a Spanish text, not in the Kyiv Independent) are not reported. Measured in English, Portuguese, Spanish, French, "
        "German and Russian; the case endings of Ukrainian, Belarusian, Czech, Slovak, Polish, "
        "Croatian, Serbian, Bosnian and Slovene names are known too (Trump/Trumpa).",
        bad="The Taliban took Kabul. ... The Taleban say they have surrounded the valley. "
        "... the hero of the resistance, Ahmad Shad Massoud.",
        good="The Taliban took Kabul. ... The Taliban say they have surrounded the valley. "
        "... the hero of the resistance, Ahmad Shah Massoud.",
        fix="Replaces the minority spelling by the dominant one, with the minority form's "
        "inflectional ending (Talebans -> Talibans, Зеленського -> Зеленского). The fix is marked unsafe "
        "(a guess from this document alone), so --fix does not apply it unless a house name "
        "list confirms the spelling. The dominant spelling is the most frequent; in a tie of two "
        "spellings that differ only in accents, the accented one in every language (Fávaro over "
        "Favaro: dropping an accent is the common slip; not Russian ё, which print writes е), unless the language writes the word "
        "without it (a common word far commoner than its accented twin: Canada over Canadá in "
        "English); other ties go to a spelling much commoner in the language, else to the first "
        "seen; beside its original (--source), a tie goes to the spelling the original writes. "
        "A multi-word name (Carlos Fávaro) follows its single token, so the two never "
        "suggest opposite fixes, and `transcheck variants` shows the same dominant spelling.",
    )

    def check_document(self, doc: Document, ctx: "CheckContext | None" = None) -> Iterable[Finding]:
        from ..names import collect, finalize
        from ..names.compare import _english_word
        from ..names.extract import TOKEN_RE

        findings: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        covered: list[tuple[int, int, str]] = []
        if ctx is not None and (ctx.config.names or ctx.config.glossaries):
            # spans that the house list and glossaries (TC102, TC202, TC203) report
            from ..glossary import covered_spans

            covered = covered_spans(doc, ctx)
        banned: set[str] = set()  # spellings the house style replaces: never a suggestion
        replaced: list[tuple[int, int, list[str]]] = []
        if ctx is not None and ctx.config.styles:
            from .style import substitution_spans

            replaced = substitution_spans(doc, ctx)
            banned = {doc.prose[s:e].casefold() for s, e, _ in replaced}
        words = set() if ctx is not None and "TC103" in ctx.collecting else None
        stats = collect(doc, words=words)
        if words is not None:  # TC103's table of this document, from this one reading of it
            from ..names import corpus

            ctx.cache[CORPUS_TABLE] = (doc, corpus.collect(stats, words))
        found = finalize(stats)
        # (the original's words, as written and lower-cased, where a translation is checked beside it)
        source_words = {} if doc.source is None or not found else \
            {key: w for w in TOKEN_RE.findall(doc.source.prose) for key in (w.lower(), w)}
        clusters = [house_first(source_first(cluster, source_words, doc.lang), ctx, doc.lang) for cluster in found]
        # Single-token clusters first, so that a token flagged on its own is not reported again
        # as the differing token of a multi-word name.
        fixed: set[tuple[str, str]] = set()  # (spelling, replacement) of the single tokens
        for cluster, house in sorted(clusters, key=lambda item: item[0].multiword):
            dominant = cluster.variants[0]
            listing = _variants_text(cluster)
            dom_count = sum(v.count for v in cluster.variants if v.tier is None)
            for variant in cluster.minority:
                if variant.replacement.casefold() in banned:
                    continue  # (the house style replaces that spelling)
                if not cluster.multiword:
                    fixed.add((variant.spelling, variant.replacement))
                elif (variant.replacement, variant.token) in fixed:
                    continue  # the opposite of a single token's fix (a house spelling): never both
                # a tie (Bjorn 3, Bjørn 3) has no majority: the preferred spelling is a guess
                spells = "mostly spells it" if dom_count > variant.count else "also spells it"
                if cluster.multiword:
                    message = (
                        f'Name spelled "{variant.spelling}" ({variant.count}×); this document {spells} '
                        f'"{dominant.spelling}" ({dom_count}×): "{variant.token}" should '
                        f'probably read "{variant.replacement}"; variants: {listing}'
                    )
                elif house:
                    message = (
                        f'Name spelled "{variant.spelling}" ({variant.count}×); the house spelling is '
                        f'"{cluster.canonical}" ({dom_count}× here); variants: {listing}'
                    )
                else:
                    message = (
                        f'Name spelled "{variant.spelling}" ({variant.count}×); this document {spells} '
                        f'"{cluster.canonical}" ({dom_count}×); variants: {listing}'
                    )
                # (a span the style replaces is left to it where its replacement drops this
                # spelling: not "Mr Karzia" -> "Karzia", "Karzia's government": reviews)
                kept = re.compile(rf"(?<!\w){re.escape(variant.spelling)}(?!\w)") if replaced else None
                # (a capitalised English word: a name's English spelling, not a lower-case slip)
                english = doc.lang is not None and not doc.lang.startswith("en") \
                    and variant.spelling[:1].isupper() and _english_word(variant.spelling)
                for start, end in variant.occurrences:
                    if (start, end) in seen or any(s < end and start < e for s, e, _ in covered):
                        continue
                    if english and _in_an_english_name(doc.prose, start, end, doc.lang, variant.replacement):
                        continue  # the Kyiv Independent keeps its name beside a slipped Kyiv (a tester's report)
                    if kept is not None and any(s < end and start < e and not any(kept.search(r) for r in sug)
                                                for s, e, sug in replaced):
                        continue
                    seen.add((start, end))
                    findings.append(
                        self.finding(
                            doc,
                            start,
                            end,
                            message,
                            [variant.replacement],
                            fix=Fix(start, end, variant.replacement, safe=False),
                            variant_of=variant.replacement,
                            tier=variant.tier,
                            kind=variant.kind,
                            canonical=cluster.canonical,
                        )
                    )
                if len(variant.occurrences) < variant.count and ctx is not None:
                    # (the statistics keep MAX_LOCATIONS places of a spelling: its count stays exact)
                    ctx.notices.append(f'{doc.path}: "{variant.spelling}" occurs {variant.count:,} times; {self.code} '
                                       f"reports the first {len(variant.occurrences):,}")
        findings.sort(key=lambda f: f.start)
        return findings


_CAPITALISED_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]$")
_CAPITALISED_AFTER = re.compile(r"[ \u00a0]([^\W\d_]+)")


def _in_an_english_name(text: str, start: int, end: int, lang: str, dominant: str) -> bool:
    """The spelling at ``text[start:end]`` stands beside a capitalised common English word that
    ``lang`` does not use, and the ``dominant`` spelling never does (Independent in "el diario Kyiv
    Independent", never "Kiev Independent"): the name of an English-named entity, which keeps its
    own spelling. (Not London in "London Bread" beside "London Breed": a slip in the name.)"""
    from ..names.cluster import _foreign_word

    before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    after = _CAPITALISED_AFTER.match(text, end, end + 40)
    for m, pair in ((before, r"{word}[ \u00a0]{dominant}"), (after, r"{dominant}[ \u00a0]{word}")):
        if m is None or not m.group(1)[:1].isupper() or not _foreign_word(m.group(1).casefold(), lang[:2]):
            continue
        beside = pair.format(word=re.escape(m.group(1)), dominant=re.escape(dominant))
        if re.search(rf"(?<!\w){beside}(?!\w)", text) is None:
            return True
    return False


def house_first(cluster: "NameCluster", ctx: "CheckContext | None", lang: str | None) -> tuple["NameCluster", bool]:
    """The house spelling wins over the majority: when the configured list of names holds one
    spelling of a single-token cluster as canonical (or an inflection of it: Talibans for
    Taliban), that spelling's forms become the dominant ones and every other spelling (the former
    majority included) a variant of it, whose fix keeps its ending (Зеленського -> Зеленского).
    Returns the cluster and whether the house list decided it."""
    if ctx is None or cluster.multiword or not ctx.config.names:
        return cluster, False
    from ..glossary import house_names

    names = house_names(ctx)
    house, name = None, None
    for variant in cluster.variants:
        name = names.name_of_form(variant.spelling, lang)
        if name is not None:
            house = variant
            break
    if house is None:
        # a one-word variant of a longer house name (Zelensky, of Volodímir Zelenski) names the
        # word the house writes (Zelenski), which must win here as TC102 makes it win
        words = {names.house_word_for(v.spelling, lang) for v in cluster.variants} - {None}
        # (or a word the house's full name writes: Volodímir of Volodímir Zelenski, a tester's report)
        house = next((v for v in cluster.variants if v.spelling in words or names.is_house_word(v.spelling)), None)
        name = house.spelling if house is not None else None
    if house is None:
        return cluster, False
    # (the house spelling's inflection group without a listed variant the names rule took for
    # one of its forms: Зеленски beside Зеленским, Зеленского, a tester's report)
    listed = {v.spelling for v in cluster.variants if v.base == house.base and v.spelling != name
              and names.is_variant(v.spelling, lang) and names.name_of_form(v.spelling, lang) is None}
    if house.tier is None and not listed:  # the house spelling is already the dominant one
        return cluster, True
    return _centred_on(cluster, house, name, "house", "house-list", apart=listed, lang=lang), True


def source_first(cluster: "NameCluster", source_words: Mapping[str, str], lang: str | None = None) -> "NameCluster":
    """In a translation checked beside its original (``--source``), a tie of two spellings goes
    to the one the original writes when the other is not there (Ingrid Halvorsen in the source:
    Halvorson 1, Halvorsen 1 in the translation; a tester's report). Only a tie: a majority
    may be the translation's own spelling of the name (Gaddafi 3, Kadhafi 1 for a French
    original's Kadhafi). ``source_words``: the original's words, by themselves and lower-cased."""
    if not source_words or cluster.multiword:
        return cluster
    from ..names.morph import stems

    def in_source(v: "NameVariant") -> str | None:
        """The original's word that ``v`` writes, as written or inflected (Halvorsens: Halvorsen)."""
        if v.spelling in source_words:
            return v.spelling
        return next((source_words[stem] for stem in stems(v.spelling, lang) if stem in source_words), None)

    dominant = [v for v in cluster.variants if v.tier is None]
    if any(in_source(v) for v in dominant):
        return cluster
    tied = sum(v.count for v in dominant)
    chosen = next((v for v in cluster.minority if in_source(v)), None)
    if chosen is None or sum(v.count for v in cluster.minority if v.base == chosen.base) != tied:
        return cluster
    return _centred_on(cluster, chosen, in_source(chosen), chosen.tier, chosen.kind)


def _centred_on(cluster: "NameCluster", center: "NameVariant", name: str, tier: str | None, kind: str,
                apart: frozenset[str] | set[str] = frozenset(), lang: str | None = None) -> "NameCluster":
    """``cluster`` with ``center``'s spelling canonical (``name``): its inflection group (one
    base form) stays, but for the spellings ``apart``, and the rest carry their ending from
    their own base form onto ``name`` (in Russian, else take the case their ending shows:
    Зеленскаго -> Зеленского); a former canonical spelling gets ``tier`` and ``kind``."""
    from ..names.morph import carry_ending, russian_case_form
    from ..names.normalize import damerau

    def stays(v: "NameVariant") -> bool:
        return v.base == center.base and v.spelling not in apart

    own = [replace(v, tier=None, kind="canonical", replacement=v.spelling) for v in cluster.variants if stays(v)]

    def fixed(v: "NameVariant") -> str:
        carried = carry_ending(v.spelling, v.base or v.spelling, name)
        if carried != name:
            return carried
        # in Russian, a spelling whose ending the name's does not take: the name's form the text
        # writes one letter apart (Зеленскаго -> Зеленского, as the names rule suggests it), else
        # the case an inflected spelling's ending shows
        if primary_language(lang) != "ru":
            return carried  # (elsewhere a form one letter apart may be a plural: Zelenskyi, Zelenskys)
        near = [o.spelling for o in own if o.spelling != name and len(o.spelling) == len(v.spelling)
                and damerau(o.spelling, v.spelling) == 1]
        if near:
            return near[0]
        if v.spelling != (v.base or v.spelling):
            return russian_case_form(v.spelling, name) or carried
        return carried

    others = [
        replace(v, tier=v.tier or tier, kind=v.kind if v.tier else kind, token=v.spelling, replacement=fixed(v))
        for v in cluster.variants if not stays(v)
    ]
    return replace(cluster, canonical=name, variants=[*own, *others])


@register
class NameHyphenRule(Rule):
    code = "TC104"
    name = "name-hyphen"
    category = "names"
    severity = Severity.WARNING
    scope = Scope.DOCUMENT
    fixable = True
    doc = RuleDoc(
        summary="A name of several words is written with a hyphen in some places and with a space in others "
        "(Jean-Luc / Jean Luc Mélenchon); the less used writing is reported.",
        why="A hyphen is part of many names (Jean-Luc, Saint-Denis, Alfa-Bank) and translations drop or add it "
        "inconsistently; readers and search take the two writings for two names. The words are the same, so "
        "spelling checks (TC101) do not see it. Only capitalised words joined by a hyphen somewhere in the "
        "document (or a given name's lower-case syllable after a surname: Kim Jong-un / Kim Jong Un) are compared with the same words joined by spaces, not where a surname the hyphenated "
        "writing never has follows them (Jean Luc Godard beside Jean-Luc Mélenchon). A name the house list "
        "spells is written as the house does; a variant it lists is TC102's.",
        bad="Jean-Luc Mélenchon spoke in Saint-Denis. Later Jean Luc Mélenchon left Saint Denis; Saint-Denis was quiet.",
        good="Jean-Luc Mélenchon spoke in Saint-Denis. Later Jean-Luc Mélenchon left Saint-Denis; Saint-Denis was quiet.",
        fix="Writes the other writing (unsafe: in a tie the hyphenated one, a guess, and a house may prefer "
            "either).",
    )

    def check_document(self, doc: Document, ctx: "CheckContext | None" = None) -> Iterable[Finding]:
        from ..names.hyphens import hyphen_variants

        from ..lexicon import zipf

        house = []
        if ctx is not None and ctx.config.names:
            from ..glossary import house_names

            house = house_names(ctx).names
        lang = doc.lang

        def common(word: str) -> bool:  # a word of the language after the name, not a surname
            return zipf(word, lang) >= COMMON_AFTER_ZIPF

        findings = []
        for writing in hyphen_variants(doc.prose, common, lambda word: zipf(word, lang)):
            house_says = _house_writing(writing.words, house)
            if house_says is False:
                continue  # the house list has a variant of it: TC102 reports it
            # the house's writing, else the majority; in a tie, the hyphen (a name's own)
            hyphen = house_says == "-" if house_says else len(writing.with_hyphen) >= len(writing.with_space)
            if hyphen:
                text, dominant, spans, others = writing.spaced, writing.hyphenated, writing.with_space, writing.with_hyphen
            else:
                text, dominant, spans, others = writing.hyphenated, writing.spaced, writing.with_hyphen, writing.with_space
            if house_says:
                message = f'Name written "{text}" ({len(spans)}×); the house writes it "{dominant}"'
            else:
                spells = "mostly writes it" if len(others) > len(spans) else "also writes it"
                message = (f'Name written "{text}" ({len(spans)}×); this document {spells} "{dominant}" '
                           f'({len(others)}×)')
            for start, end in spans:
                findings.append(self.finding(doc, start, end, message, [dominant],
                                             fix=Fix(start, end, dominant, safe=False), variant_of=dominant))
        return findings


COMMON_AFTER_ZIPF = 3.0  # TC104: a capitalised word after a name this common is no other surname


def _house_writing(words: tuple[str, ...], house) -> "str | bool | None":
    """How the house list (``HouseName``s) joins ``words`` ("-" or " ") when a house spelling
    holds them (Jean-Luc Godard for Jean Luc); False when a listed variant holds them (TC102
    reports it); else None."""
    from ..names.normalize import joiner

    def joins(spelling: str) -> "list[str] | None":  # how ``spelling`` joins the words, if it holds them
        parts = re.split(r"([\W_]+)", spelling)
        names = [p.casefold() for p in parts[0::2]]
        wanted = [w.casefold() for w in words]
        for i in range(len(names) - len(wanted) + 1):
            if names[i:i + len(wanted)] == wanted:
                return [joiner(j) for j in parts[1::2][i:i + len(wanted) - 1]]
        return None

    if any(joins(variant) is not None for name in house for variant in name.variants):
        return False
    decided = None
    for name in house:
        found = joins(name.canonical)
        if found is not None:
            decided = "-" if all(j == "-" for j in found) else " "
    return decided


@register
class CorpusNameVariantRule(Rule):
    code = "TC103"
    name = "corpus-name-variant"
    category = "names"
    severity = Severity.WARNING
    scope = Scope.CORPUS
    fixable = True
    doc = RuleDoc(
        summary="A file spells a proper name one way where most files of the corpus checked "
        "with it spell it another; the file's spelling is reported with the corpus's as the "
        "suggestion.",
        why="A desk that publishes \"Taliban\" in forty articles and \"Taleban\" in two looks "
        "careless, and its archive search misses the two. Each of the two files is consistent "
        "on its own, so TC101, which reads one file, cannot see it. This rule needs no list: "
        "a spelling used in few files is compared with the spellings used in at least 3 files "
        "and 3 times as many, and kept only when it is a transliteration or diacritic variant "
        "(Taleban / Taliban, Massud / Massoud, Sanchez / Sánchez) or a typo no word list knows "
        "(Zelenksy / Zelensky). Two spellings in two files are less often one name than two in "
        "one article (Lam and Lamb are two people), so a one-letter change that makes a known "
        "word or name is never reported, nor a spelling common in the language unless it differs "
        "in accents only (Kiev / Kyiv, Muhammad / Mohammed are for a house list), nor a name of "
        "fewer than 5 letters, nor the slip of a word the corpus also writes in lower case; a "
        "given name only before the same surname (Sergey / Sergei Lavrov, not Sergey Ivanov). A file that uses both spellings is left to TC101, unless TC101 suggests the corpus's slip there (the file's majority, or a tie): then this rule reports the slip in that file and TC101's opposite suggestion is dropped (with TC101 turned off, such a file is left alone). It runs "
        "when several files are checked together (a directory, a corpus), and a house list "
        "(TC102) decides the names it lists.",
        bad="a.txt, b.txt, c.txt: \"The Taliban took Kabul.\" d.txt: \"The Taleban say they have "
        "surrounded the valley.\"",
        good="d.txt: \"The Taliban say they have surrounded the valley.\"",
        fix="Replaces the file's spelling by the corpus's, with the file's inflectional ending "
        "(Talebans -> Talibans). The fix is unsafe (the corpus's majority is a guess, and a "
        "minority of files may be right), so --fix applies it only with --unsafe-fixes.",
    )

    def collect(self, doc: Document, ctx: "CheckContext") -> "CorpusSpellings":
        from ..names import corpus

        # TC101, which runs first (rules run in order of code), leaves this document's table
        # (only the last one: keeping every document's statistics cost 48 MB more at the peak of
        # a 10 MB corpus); without it, the document is read here
        handed = ctx.cache.pop(CORPUS_TABLE, None)
        if handed is not None and handed[0] is doc:
            return handed[1]
        return corpus.collect_document(doc)[1]

    def combine(self, left: Any, right: Any) -> "CorpusSpellings":
        from ..names import corpus

        return corpus.combine(left, right)

    def finalize(self, stats: Any, docs: Mapping[str, Document], ctx: "CheckContext") -> Iterable[Finding]:
        from ..names import corpus
        from ..names.titles import is_title

        findings: list[Finding] = []
        for variant in corpus.finalize(stats):
            if _in_house_list(variant, ctx):
                continue  # TC102 decides the names the house list holds
            by_path: dict[str, list[tuple[int, int]]] = {}
            for path, start, end in variant.locations:
                by_path.setdefault(path, []).append((start, end))
            for path, spans in by_path.items():
                doc = docs.get(path)
                if doc is None or not doc.text:
                    continue
                dominant_here = _uses(doc, variant.dominant)
                if variant.shared_followers is not None:  # a given name: before the same surname
                    spans = [(s, e) for s, e in spans if _next_word(doc, e) in variant.shared_followers]
                if variant.shared_preceders is not None:  # a surname: after the same first name,
                    # and, in a file that also names another bearer (Rick Sanchez beside Pedro
                    # Sanchez), only there
                    before = [_previous_word(doc, s) for s, _ in spans]
                    if any(w[:1].isupper() and w not in variant.shared_preceders and not is_title(w) for w in before):
                        spans = [span for span, w in zip(spans, before) if w in variant.shared_preceders]
                if ctx.config.names:  # a span the house list's TC102 reports (Berzofski of a listed
                    # Jay Berzofski: a tester's report of both rules on one span)
                    from ..glossary import house_spans

                    taken = house_spans(doc, ctx)
                    spans = [(s, e) for s, e in spans if not any(a < e and s < b for a, b in taken)]
                # A file with both spellings is TC101's, unless TC101 suggests the corpus's slip
                # there (its majority or a tie: Tikhanovskaia 2x beside Tikhanovskaya 1x, which 34
                # files write): reported here only against that finding, which the pipeline
                # drops (``pipeline.corpus_overrides``)
                if not spans or len(spans) < dominant_here:
                    continue
                also = f', which also spells it "{variant.dominant}" {dominant_here}×' if dominant_here else ""
                message = (
                    f'Name spelled "{variant.spelling}" ({len(spans)}× in this file{also}); '
                    f'{variant.dominant_files} files of this corpus spell it "{variant.dominant}" and '
                    f'{variant.files} "{variant.spelling}"'
                )
                for start, end in spans:
                    finding = self.finding(
                        doc, start, end, message, [variant.replacement],
                        fix=Fix(start, end, variant.replacement, safe=False),
                        variant_of=variant.replacement, tier=variant.tier, kind=variant.kind,
                        canonical=variant.dominant,
                    )
                    finding.overriding = bool(dominant_here)
                    findings.append(finding)
        return findings


_WORD = re.compile(r"[^\W\d_]+")


def _next_word(doc: Document, end: int) -> str:
    match = _WORD.match(doc.prose, end + 1) if doc.prose[end:end + 1] == " " else None
    return match.group() if match else ""


def _previous_word(doc: Document, start: int) -> str:
    match = _LAST_WORD.search(doc.prose, max(0, start - 64), start)
    return match.group(1) if match else ""


_LAST_WORD = re.compile(r"([^\W\d_]+) $")


def _uses(doc: Document, spelling: str) -> int:
    """How often ``doc`` has ``spelling`` or an inflection of it (Taliban, Talibans, Taliban's;
    not Zelenskyy for Zelensky: another spelling)."""
    from ..names.morph import inflected

    count = 0
    for match in re.finditer(r"(?<![^\W\d_])" + re.escape(spelling) + r"[^\W\d_]*", doc.prose):
        word = match.group()
        if word == spelling or inflected(word, spelling, doc.lang):
            count += 1
    return count


def _in_house_list(variant: "CorpusVariant", ctx: "CheckContext") -> bool:
    if not ctx.config.names:
        return False
    from ..glossary import house_names

    names = house_names(ctx)
    return any(names.canonical_of(spelling, variant.lang) is not None
               for spelling in (variant.spelling, variant.dominant))
