"""Run compiled style rules over a document's prose view.

Each function yields :class:`Hit`s (offsets into the file, message, suggestions, replacement and
whether replacing is safe); ``checker.rules.style`` turns them into findings. Matching runs on
``Document.prose`` (Markdown code, URLs and markup are masked there), one regular-expression pass
per rule over the parts of the document that the rule's scope covers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..agreement import elided_before_consonant, fix_at_risk
from ..casing import (NEXT_WORD, NOUNS_CAPITALISED, before_full_stop, case_pattern, fit_replacement, keep_full_stop,
                      starts_sentence, stop_may_end_a_sentence, transfer_case)
from ..lang import primary_language
from ..model import BlockKind, Document
from ..names.morph import CASE_LANGUAGES
from .cldr import capitalised_names, fold_name
from .loader import DEFAULT_MESSAGES, GROUP_REF, StyleRule


@dataclass
class Hit:
    start: int
    end: int
    message: str
    suggestions: list[str]
    replacement: str | None = None  # the fix, when there is one
    safe: bool = False
    fix_span: tuple[int, int] | None = None  # where the fix applies, when not (start, end)


_KIND_SCOPE = {BlockKind.HEADING: "heading", BlockKind.PARAGRAPH: "paragraph", BlockKind.CAPTION: "caption"}


def scope_spans(doc: Document, rule: StyleRule) -> tuple[str, list[tuple[int, int]]]:
    """The text to search (prose, or the raw file for ``scope: raw``) and the spans in scope:
    the blocks of the kinds the rule names (a heading also by its level, ``heading.h1``), or
    each sentence of them for ``scope: sentence``."""
    if "raw" in rule.scopes:
        return doc.text, [(0, len(doc.text))]
    if rule.scopes == {"text"} and not rule.excluded_scopes:
        return doc.prose, [(0, len(doc.prose))]
    every = bool(rule.scopes & {"text", "sentence"})

    # (a heading of plain text has no level: any level's scope takes it, as it took every heading before)
    any_level = any(scope.startswith("heading.") for scope in rule.scopes)

    def in_scope(block) -> bool:
        kind = _KIND_SCOPE.get(block.kind, "paragraph")
        level = f"heading.h{block.level}" if block.kind is BlockKind.HEADING and block.level else None
        unlevelled = block.kind is BlockKind.HEADING and not block.level and any_level
        return (every or kind in rule.scopes or level in rule.scopes or unlevelled) \
            and kind not in rule.excluded_scopes and level not in rule.excluded_scopes

    if "sentence" in rule.scopes:
        chosen = {i for i, block in enumerate(doc.blocks) if in_scope(block)} if doc.blocks else None
        return doc.prose, [(seg.start, seg.end) for seg in doc.segments if chosen is None or seg.block in chosen]
    return doc.prose, [(block.start, block.end) for block in doc.blocks if in_scope(block)]


def _expand(replacement: str, match: re.Match | None) -> str:
    if match is None or "$" not in replacement:
        return replacement

    def group(ref: re.Match) -> str:
        if ref.group(0) == "$$":
            return "$"
        index = int(ref.group(1) or ref.group(2))
        return (match.group(index) or "") if index <= (match.re.groups or 0) else ref.group(0)

    return GROUP_REF.sub(group, replacement)


def _expand_in_case(replacement: str, match: re.Match) -> str | None:
    """An ``ignorecase`` key's replacement with groups ($1), expanded with the case of the text
    around the groups carried over to the replacement's own words, the groups as written: EMAIL
    REPLY stays EMAIL REPLY under 'e-?mail (\\w+)': 'email $1', E-MAIL REPLY becomes EMAIL REPLY
    (a tester's report: the captured REPLY made the replacement look cased as a name, and EMAIL
    REPLY was "fixed" to email REPLY). None where the groups are not used once each, in order,
    or the replacement has capitals of its own: the case is then the whole expansion's
    (``_expand``)."""
    refs = list(GROUP_REF.finditer(replacement))
    indexes = [int(ref.group(1) or ref.group(2)) for ref in refs if ref.group(0) != "$$"]
    if not indexes or len(indexes) != len(refs) or any(i > (match.re.groups or 0) for i in indexes):
        return None
    around, pos = [], match.start()  # the text outside the groups
    for i in indexes:
        if match.start(i) < pos:
            return None  # (a group unused, nested or out of order)
        around.append(match.string[pos:match.start(i)])
        pos = match.end(i)
    around.append(match.string[pos:match.end()])
    own, pos = [], 0  # the replacement's own words, between its groups
    for ref in refs:
        own.append(replacement[pos:ref.start()])
        pos = ref.end()
    own.append(replacement[pos:])
    if any(ch.isupper() for part in own for ch in part):
        return None  # capitals of its own (iPhone $1): written as given, as without groups (a review)
    pattern = case_pattern("".join(around))
    if pattern == "upper":
        own = [part.upper() for part in own]
    elif pattern in ("initial", "title") and around[0][:1].isupper() and own[0][:1].islower():
        own[0] = own[0][:1].upper() + own[0][1:]
    return "".join(part + (match.group(i) if k < len(indexes) else "")
                   for k, (part, i) in enumerate(zip(own, indexes + [0])))


_WORD_CHAR = re.compile(r"\w")


def finditer_edged(pattern: re.Pattern, text: str, start: int, end: int) -> Iterator[re.Match]:
    """``pattern.finditer`` whose matches never start inside a word (the leading edge is checked
    here, not in the pattern, so that the engine can use the pattern's literal prefix to skip)."""
    pos = start
    while pos <= end:
        match = pattern.search(text, pos, end)
        if match is None:
            return
        s = match.start()
        if s > 0 and _WORD_CHAR.match(text, s - 1) and _WORD_CHAR.match(text, s):
            pos = s + 1
            continue
        yield match
        pos = match.end() if match.end() > s else s + 1


_shadow: tuple[str, str | None] = ("", "")  # (text, text.lower()) of the last text: one per document


def _lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset (same length), else None; the last one is
    kept, since every rule of a document searches the same prose."""
    global _shadow
    last = _shadow  # one read: safe if threads check documents side by side
    if last[0] is text:
        return last[1]
    low = text.lower()
    result = low if len(low) == len(text) else None
    _shadow = (text, result)
    return result


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def across_paragraphs(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds a blank line: a space of a token matches a wrapped line
    (checker.style.loader), never the gap between two paragraphs."""
    return "\n" in text[start:end] and _BLANK_LINE.search(text, start, end) is not None


_HARD_BREAK = re.compile(r" {2,}\r?\n")  # Markdown's hard line break: two spaces ending a line
_LINE_BREAK = re.compile(r"\n[^\S\n]*(\S)?")


def moves_words_across_lines(doc: Document, start: int, end: int, replacement: str) -> bool:
    """A fix of ``doc.prose[start:end]`` by ``replacement`` would move words over a line break that
    may part more than one wrapped sentence: a Markdown hard break (two spaces ending a line), or a
    next line opening with a capital (a headline above its first sentence: "... back in
    order\nTo the relief ..." -> "to" joined them, "the president\nIn charge" -> "caretaker\n
    president" mixed them: testers' reports). Safe only when every line keeps as many words; a
    wrapped sentence's line breaks are free. Such a fix is unsafe; the finding stands."""
    observed = doc.prose[start:end]
    if "\n" not in observed:
        return False
    hard = (doc.fmt == "md" and _HARD_BREAK.search(observed) is not None) or any(
        m.group(1) is not None and m.group(1).isupper() for m in _LINE_BREAK.finditer(observed))
    # (the words counted as the capitalisation rule reads them: ``_WORD`` below)
    return hard and [len(_WORD.findall(line)) for line in observed.split("\n")] != [
        len(_WORD.findall(line)) for line in replacement.split("\n")]


def _block_ends(doc: Document) -> tuple[list[int], list[int]]:
    return [b.start for b in doc.blocks], [b.end for b in doc.blocks]


def across_blocks(blocks: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """The match starts in one block (a heading, a list item, a paragraph) and runs into the next:
    "# Talks with the president" above "in charge of the army" (a tester's report)."""
    starts, ends = blocks
    i = bisect.bisect_right(starts, start) - 1
    return 0 <= i and start < ends[i] < end


def _paragraph_end(text: str, blocks: tuple[list[int], list[int]], start: int, end: int) -> int:
    """Where the paragraph (or block) holding ``start`` ends, before ``end``."""
    blank = _BLANK_LINE.search(text, start, end)
    limit = blank.start() if blank is not None else end
    starts, ends = blocks
    i = bisect.bisect_right(starts, start) - 1
    return min(limit, ends[i]) if 0 <= i and start < ends[i] else limit


def _matches(rule: StyleRule, doc: Document) -> Iterator[tuple[str, int, int]]:
    """(text, start, end) of each match of the rule's pattern in its scope; an ignorecase rule
    searches the lower-cased prose with its lower-cased pattern where it can (same offsets)."""
    text, spans = scope_spans(doc, rule)
    assert rule.pattern is not None
    pattern, searched = rule.pattern, text
    if rule.folded is not None:
        lowered = _lowered(text)
        if lowered is not None:
            pattern, searched = rule.folded, lowered
    blocks = _block_ends(doc)
    for start, end in spans:
        found = finditer_edged(pattern, searched, start, end) if rule.edge else pattern.finditer(searched, start, end)
        for match in found:
            s, e = match.span()
            if e == s:
                continue
            if rule.exceptions is not None and rule.exceptions.fullmatch(text[s:e]):
                continue
            if across_paragraphs(text, s, e) or across_blocks(blocks, s, e):
                # a shorter alternative may end in the match's own paragraph ("log in" of "log
                # in\n\nto start", where the key "log in to" ran on: a tester's report)
                inner = pattern.match(searched, s, _paragraph_end(text, blocks, s, e))
                if inner is None or inner.end() == s:
                    continue
                s, e = inner.span()
            yield text, s, e


def _limited(rule: StyleRule, hits: Iterator[Hit]) -> Iterator[Hit]:
    for count, hit in enumerate(hits, 1):
        yield hit
        if rule.limit and count >= rule.limit:
            return


def existence(rule: StyleRule, doc: Document) -> Iterator[Hit]:
    def hits() -> Iterator[Hit]:
        for text, start, end in _matches(rule, doc):
            yield Hit(start, end, rule.format(text[start:end]), [])

    return _limited(rule, hits())


def _inside_replacement(text: str, start: int, end: int, replacements: list[str]) -> bool:
    """The match is part of a replacement already written out: "Kabul" in "Kabul city" for
    Kabul -> Kabul city (else a fix would apply again on every pass: Kabul city city ...).
    Case aside by lower(), not casefold(), which writes ß as ss (Strasse -> Straße: a tester's
    report)."""
    observed = text[start:end].lower()
    for replacement in replacements:
        folded = replacement.lower()
        if folded == observed:
            continue  # a fix of case only (internet -> Internet): the match is what it corrects
        at = folded.find(observed)
        while at >= 0:
            if start - at >= 0 and text[start - at:start - at + len(folded)].lower() == folded:
                return True
            at = folded.find(observed, at + 1)
    return False


_LITERAL_KEY = re.compile(r"[\w .'’-]+")  # a swap key that is plain words, not a pattern ([A-Z]+)


def _a_names_capital(doc: Document, start: int, end: int, observed: str) -> bool:
    """A match of a key in lower case written capitalised inside a sentence (the US Labor
    Department) or before another capitalised word (Labor Party at a sentence's start): a name's
    word, which an ignorecase swap must not rewrite unasked (a final tester's report; TC202 holds
    such fixes back too). Not in German, which capitalises its nouns."""
    if not observed[:1].isupper() or observed.isupper() or primary_language(doc.lang) in NOUNS_CAPITALISED:
        return False
    if not starts_sentence(doc, start):
        return True
    after = NEXT_WORD.match(doc.prose, end)  # (on the next line too)
    return after is not None and after.group(1)[:1].isupper() and not after.group(1).isupper()


def substitution(rule: StyleRule, doc: Document) -> Iterator[Hit]:
    def hits() -> Iterator[Hit]:
        for text, start, end in _matches(rule, doc):
            key_match = None
            for own, replacements, key in rule.swaps.values():  # the first key that matches this span
                key_match = own.match(text, start)
                if key_match is not None and key_match.end() == end:
                    break
            else:
                continue
            observed = text[start:end]
            suggestions = []
            for replacement in replacements:
                # (the key as listed, when it is a literal: an acronym written so, UN)
                listed = key if _LITERAL_KEY.fullmatch(key) else ""
                # (an ignorecase key carries the text's capitals over, unless the key is the
                # replacement itself: a rule about case, internet -> internet; a review)
                cased = _expand_in_case(replacement, key_match) if rule.ignorecase else None
                wanted = cased if cased is not None else _expand(replacement, key_match)
                own_case = not rule.ignorecase or cased is not None \
                    or (listed != "" and listed.casefold() == wanted.casefold())
                expanded = fit_replacement(doc, start, end, observed, wanted, listed, own_case=own_case)
                if expanded != wanted and own.fullmatch(expanded) and not own.fullmatch(wanted):
                    # the text's capitals carried over make a form the rule itself rejects (the E-mail
                    # tab -> Email, a key of '(?:e-mail|Email|E-mail)': email; a tester's report):
                    # the replacement as written, capitalised only to open a sentence
                    as_written = wanted[:1].upper() + wanted[1:] if starts_sentence(doc, start) else wanted
                    expanded = fit_replacement(doc, start, end, as_written, wanted, listed)
                if expanded not in suggestions:
                    suggestions.append(expanded)
            if suggestions == [observed] or _inside_replacement(text, start, end, suggestions):
                continue  # the key also matches the approved form, or sits inside it (Kabul city)
            single = len(suggestions) == 1
            message = rule.format(" or ".join(suggestions), observed)
            moves = single and moves_words_across_lines(doc, start, end, suggestions[0])
            # (unsafe where the words around may not agree: Le parapluie -> Le ombrelle, El
            # ordenador -> El computadora, Negli Stati Uniti -> Negli gli USA: a tester's report)
            fix_span, safe = None, single and not moves and not (suggestions[0] and fix_at_risk(
                doc.prose, start, observed, suggestions[0], doc.lang, article_only=True)) \
                and not stop_may_end_a_sentence(observed, suggestions[0], text, end) \
                and not (rule.ignorecase and key == key.lower() and all(r == r.lower() for r in replacements)
                         and _a_names_capital(doc, start, end, observed))  # (not iphone -> iPhone)
            if suggestions == [""]:
                if rule.message == DEFAULT_MESSAGES["substitution"]:
                    # (not "Use '' rather than 'very'")
                    message = f"Delete '{' '.join(observed.split())}'. [{rule.name}]"
                # (the file as written: not masked markup)
                fix_span, written, safe = _deletion(doc.text, start, end, starts_sentence(doc, start))
                safe = safe and not moves
            else:
                written = suggestions[0]
            fixable = single and not elided_before_consonant(doc.prose, start, suggestions[0], doc.lang)
            yield Hit(start, end, message, suggestions, written if fixable else None, safe=safe,
                      fix_span=fix_span)

    return _limited(rule, hits())


# what follows a word at its clause's end (not a line break: a wrapped sentence goes on, "She came
# home, very\ntired": a review)
_CLAUSE_END = ("", ".", ";", ":", "!", "?", ")")
_JOINING_MARKS = frozenset("—–-/&|+")  # between two of them a deleted word leaves them side by side


def _deletion(text: str, start: int, end: int, sentence_start: bool = False) -> tuple[tuple[int, int] | None, str, bool]:
    """Where a deleted word's fix applies, what it writes there, and whether it is safe.
    ``sentence_start``: the word opens a sentence (``starts_sentence``; not after e.g.).

    Safe only between two spaces inside a sentence, not after a comma: the word and one space
    go ("was very good" -> "was good"). Beside markup, a bracket, punctuation or a line's edge, or
    at a sentence's start, the text needs an editor's eye (*very* -> **, "very" alone on a line ->
    a blank line that splits the paragraph): unsafe, but tidy where punctuation belongs to the
    word (a tester's report): its brackets go with it ("works (basically) well" -> "works well"),
    so do its commas ("was, basically, fine" -> "was fine", "very, very good" -> "very good",
    "fine, basically." -> "fine."), and at a sentence's start the next word takes the capital
    ("Basically, the app" -> "The app"; not iPhone, whose case is its own). A key that holds its
    own space (``'very ': ''``) is deleted as it is (a review)."""
    i = start - 1  # (the last character before the spaces in front of the word)
    while i >= 0 and text[i] == " ":
        i -= 1
    prior = text[i] if i >= 0 else ""
    opening = i < 0 or prior in ".!?\n" or sentence_start
    word = text[start:end]
    if word[:1].isspace() or word[-1:].isspace():
        return None, "", not opening  # (at a sentence's start the next word keeps a lower-case letter: a tester's report)
    before, after = text[start - 1:start] if start else "", text[end:end + 1]
    if before == "(" and after == ")" and text[start - 2:start - 1] == " ":
        return (start - 2, end + 1), "", False  # its own brackets
    if prior == "," and before == " " and after == ",":
        return (i, end + 1), "", False  # between two commas
    if prior and prior in "—–" and before == " " and text[end:end + 3] == f" {prior} ":
        return (i, end + 3), "", False  # between two dashes: "The app — basically — works"
    if after == "," and text[end + 1:end + 2] == " ":  # before its comma: the comma goes too
        return _capital_after(text, start, end + 2, sentence_start)
    if prior == "," and before == " " and after in _CLAUSE_END:
        return (i, end), "", False  # after a comma at the clause's end
    if sentence_start and after == " ":
        return _capital_after(text, start, end + 1, True)
    # (between two words: not after a dash, a slash or an ampersand, "The app — — works": a tester's report)
    safe = before == " " and after == " " and not opening and prior != "," \
        and prior not in _JOINING_MARKS and text[end + 1:end + 2] not in _JOINING_MARKS
    if after == " " and (not start or before in "\n\t(\"'“‘«" or prior == ","):
        return (start, end + 1), "", safe
    if before == " ":
        return (start - 1, end), "", safe
    return None, "", safe


def _capital_after(text: str, start: int, following: int, sentence_start: bool) -> tuple[tuple[int, int], str, bool]:
    """The unsafe deletion of [start, following), the next word capitalised at a sentence's start
    (a lower-case word whose capital is one letter: not iPhone, nor ß)."""
    while text[following:following + 1] == " ":  # (the spaces go too: "Basically  it")
        following += 1
    m = _NEXT_WORD.match(text, following)
    if sentence_start and m and m.group()[:1].islower() and not any(ch.isupper() for ch in m.group()) \
            and len(m.group()[:1].upper()) == 1:
        return (start, following + 1), text[following].upper(), False
    return (start, following), "", False


_NEXT_WORD = re.compile(r"[^\W\d_]+")


def consistency(rule: StyleRule, doc: Document) -> Iterator[Hit]:
    text, spans = scope_spans(doc, rule)
    blocks = _block_ends(doc)
    out: list[Hit] = []
    for pattern, _, _ in rule.pairs:
        chosen: str | None = None
        chosen_text = ""
        chosen_opens = False  # the chosen form was first written at a sentence's start
        for start, end in spans:
            for match in pattern.finditer(text, start, end):
                form = "a" if match.group("a") is not None else "b"
                if rule.exceptions is not None and rule.exceptions.fullmatch(match.group(0)):
                    continue
                if across_paragraphs(text, match.start(), match.end()) or across_blocks(blocks, *match.span()):
                    continue
                if chosen is None:
                    chosen, chosen_text = form, match.group(0)
                    chosen_opens = starts_sentence(doc, match.start())
                elif form != chosen:
                    # the chosen form's capital is its own unless it opened a sentence (Email ...
                    # e-mail -> email; Kyiv ... kiev -> Kyiv, a name: a tester's report)
                    lowered = chosen_opens and chosen_text[:1].isupper() and not match.group(0)[:1].isupper()
                    suggestion = keep_full_stop(before_full_stop(transfer_case(
                        match.group(0), chosen_text.lower() if lowered else chosen_text,
                        starts_sentence(doc, match.start()), lang=doc.lang), text, match.end()),
                        match.group(0), text, match.end())
                    # The first form used wins; which one the house prefers is a choice: unsafe fix.
                    out.append(Hit(match.start(), match.end(), rule.format(match.group(0), chosen_text), [suggestion],
                                   suggestion, safe=False))
    out.sort(key=lambda hit: hit.start)
    return _limited(rule, iter(out))


# --------------------------------------------------------------------------- capitalization

# A word of a heading; an ampersand between letters joins them (Q&A, AT&amp;T in Markdown).
# (not the letters after a number's digits: 1990s, 2nd, 10km are no words: a new user's report)
_WORD = re.compile(r"(?<!\w)[^\W\d_](?:[\w'’.-]|&(?:amp;)?(?=[^\W\d_]))*", re.UNICODE)
_AP_SMALL = frozenset("a an and as at but by en for if in nor of off on or per so the to up via vs vs. yet".split())
_CHICAGO_SMALL = _AP_SMALL | frozenset(
    "about above across after against along amid among around before behind below beneath beside between beyond "
    "despite down during except from inside into like near onto out outside over past since through throughout "
    "toward towards under underneath until upon with within without".split())
_SENTENCE_END = re.compile(r"[.!?…:;]\s+$|^\s*$|[“\"'‘(«]\s*$")


@dataclass(frozen=True)
class CaseEvidence:
    """What the document tells about the case of its words, outside its headings.

    ``names``: capitalised words it uses inside its sentences (not first in one), the names a
    heading in sentence case may keep capitalised ("The Lion of Panjshir"), with the words of the
    house's names and approved glossary terms; ``lower``: words it writes in lower case, which are
    ordinary words wherever they appear (the valley)."""

    names: frozenset[str]
    lower: frozenset[str]
    # in a language of case endings, the stems of ``names``: a heading's Россию is the body's
    # России, Россия (a tester's report)
    name_stems: frozenset[str] = frozenset()


def capitalised_words(names: Iterable[str]) -> frozenset[str]:
    """The capitalised words of ``names`` (house spellings, approved terms), for ``case_evidence``."""
    return frozenset(word.strip(".'’-") for name in names for word in _WORD.findall(name) if word[:1].isupper())


def case_evidence(doc: Document, known_words: frozenset[str] = frozenset()) -> CaseEvidence:
    """``known_words``: capitalised words of names the house knows (``capitalised_words``), names
    unless the document writes them in lower case (Military Police beside the glossary's Federal
    Police, when the article writes "the military police": a tester's report)."""
    names, lower = set(), set()
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        text = doc.prose[block.start:block.end]
        for match in _WORD.finditer(text):
            word = match.group(0)
            if word[:1].islower():
                lower.add(word.strip(".'’-"))
            elif word[:1].isupper() and not _SENTENCE_END.search(text[max(0, match.start() - 3):match.start()]):
                names.add(word.strip(".'’-"))
    names.update(word for word in known_words if word.lower() not in lower)
    stems = frozenset()
    if primary_language(doc.lang) in CASE_LANGUAGES:
        from ..names.morph import stems as stems_of

        stems = frozenset(stem for name in names for stem in stems_of(name, doc.lang))
    return CaseEvidence(frozenset(names), frozenset(lower), stems)


# A heading word the document does not use elsewhere is still taken for a name, and kept
# capitalised, when the language's word list finds it rare (Panjshir, Massoud), or about as
# common in other languages and not common (Taliban, Kabul, Biden; not the cognates decide,
# élections or pension, which are commoner). In German, which capitalises every noun, any
# capitalised word but the commonest (articles, prepositions, pronouns: die, im, nach, gegen,
# sich; not Zeit, Jahr, Menschen, Berlin: a tester's report), and those the document writes in
# lower case.
NAME_MAX_ZIPF = 2.5
NAME_LIKE_MAX_ZIPF = 4.0
_GERMAN_POLITE = frozenset("Sie Ihnen Ihr Ihre Ihrem Ihren Ihrer Ihres".split())  # (capitalised as the polite you)
NOUN_MAX_ZIPF = 6.0  # (German nouns stay under it: Zeit 5.99, Leben 5.86, Berlin 5.68; function words above: sich, über, gegen)
# A brand or product (Microsoft, Windows, Google) is also a name at any frequency: Russian text
# writes it in Latin letters about as often as the text's language does, while it translates or
# transliterates ordinary words, loanwords too (office, hotel, video: 1.4+ Zipf rarer there;
# sport 0.77, mini 0.70, Spanish online 0.79: a review; Microsoft 0, Windows 0.25, Twitter 0.52).
LATIN_IN_RUSSIAN_MARGIN = 0.6
LATIN_IN_RUSSIAN_MIN_ZIPF = 3.0


def _stem_named(word: str, evidence: CaseEvidence, lang: str | None) -> bool:
    from ..names.morph import stems

    return not stems(word, lang).isdisjoint(evidence.name_stems)


def _likely_name(word: str, lang: str | None) -> bool:
    from .. import lexicon
    from ..names.compare import name_like
    from ..names.normalize import fold

    if not word[:1].isupper() or not lexicon.has_language(lang):
        return False
    z = lexicon.zipf(word, lang)
    primary = primary_language(lang)
    if primary in NOUNS_CAPITALISED:
        return z < NOUN_MAX_ZIPF or word in _GERMAN_POLITE
    if primary == "ru" and (word.isascii() or _russian_name(word)):
        return True  # a Latin-script word in Russian text (Google), or one pymorphy3 takes for a
        # proper name first (Женеве, Байденом; not С, По, Роман, Слава: a review)
    return z < NAME_MAX_ZIPF or (z < NAME_LIKE_MAX_ZIPF and name_like(fold(word), lang or "en")) \
        or _brand(word, z, lang)


def _russian_name(word: str) -> bool:
    from ..names.morph import _NAME_TAGS, _analyzer

    if len(word) < 3:
        return False
    try:
        parses = _analyzer().parse(word)
    except ImportError:
        return False
    return bool(parses) and any(tag in str(parses[0].tag) for tag in _NAME_TAGS)


def _brand(word: str, z: float, lang: str | None) -> bool:
    """A Latin-script word Russian text uses as it is, about as often as ``lang`` (see above)."""
    from .. import lexicon

    if not word.isascii() or primary_language(lang) == "ru":
        return False
    in_russian = lexicon.zipf(word, "ru")
    return in_russian >= LATIN_IN_RUSSIAN_MIN_ZIPF and in_russian >= z - LATIN_IN_RUSSIAN_MARGIN


_ENGLISH_I = re.compile(r"I(?:['’](?:m|d|ll|ve|s))?")  # the pronoun I, always a capital (I'm, I'd)


def _is_exempt(word: str, rule: StyleRule, evidence: CaseEvidence, lang: str | None = None) -> bool:
    bare = word.replace("&amp;", "&").strip(".'’-")
    if _ENGLISH_I.fullmatch(word.strip(".-")) and primary_language(lang, "en") == "en":
        return True  # (a tester's report: "Where i'm from")
    elision = _ELISION.match(bare)
    if elision and bare[:1].isupper():
        return False  # L'Allemagne mid-heading: an article to lower-case (the name after it stays)
    letters = [ch for ch in bare if ch.isalpha()]
    return (bare in rule.words or word in rule.words or bare in evidence.names
            or (evidence.name_stems and bare[:1].isupper() and _stem_named(bare, evidence, lang))
            or (len(letters) > 1 and all(ch.isupper() for ch in letters))  # acronyms
            or any(ch.isupper() for ch in bare[1:])  # iPhone, McDonald, al-Qaeda's inner capitals
            or (rule.match == "$sentence" and bare.lower() not in evidence.lower
                and (bare in capitalised_names(lang).words or _likely_name(bare, lang))))


def _in_named_phrases(body: str, matches: list[re.Match], lang: str | None) -> dict[int, str]:
    """The words of ``body`` inside a CLDR name of several words (United States; Isle Of Man in a
    title-case heading), by index, each as the name writes it (Isle of Man)."""
    folded = fold_name(body)
    covered: dict[int, str] = {}
    for phrase, folded_phrase in capitalised_names(lang).phrases:
        at = folded.find(folded_phrase)
        while at >= 0:
            end = at + len(phrase)
            inside = [i for i, m in enumerate(matches) if at <= m.start() and m.end() <= end]
            for i, word in zip(inside, _WORD.findall(phrase)):
                covered.setdefault(i, word)
            at = folded.find(folded_phrase, end)
    return covered


def _names_in_a_sentence_case_heading(words: list[str], rule: StyleRule, evidence: CaseEvidence,
                                      lang: str | None) -> set[int]:
    """The indexes of the words of multi-word names in a heading not all in capitals (a word after
    its first is in lower case, as in sentence case or in a title's small words): two or more
    capitalised words in a row, or joined by a name particle (Rio Grande do Sul), none of them a
    small word, one of them a name (``_is_exempt``) or a word other languages use as much as this
    one or English (New York City, São Paulo, Golden Gate Bridge, Microsoft Teams: a tester's
    report and a review; not "Tips for Writing Better Headings", "with Your Account": a review);
    at the heading's start, all of them after the first. (Names of ordinary words alone, White
    House or Supreme Court, need the body or the house list to tell them.)"""
    from ..names.compare import name_like
    from ..names.extract import PARTICLES

    if not any(w[:1].islower() for w in words[1:]):
        return set()
    primary = primary_language(lang, "en")
    small = _CHICAGO_SMALL if primary == "en" else frozenset()

    def a_name(word: str) -> bool:
        low = word.lower()
        return _is_exempt(word, rule, evidence, lang) or name_like(low, primary) or name_like(low, "en")

    kept: set[int] = set()
    run: list[int] = []
    for i, word in enumerate(words + [""]):
        capital = word[:1].isupper() and word.lower() not in small
        if capital or (run and word in PARTICLES and i + 1 < len(words) and words[i + 1][:1].isupper()):
            run.append(i)
            continue
        named = [k for k in run if words[k][:1].isupper()]
        # (the heading's first word has its capital anyway: there the others must all be names,
        # New York marathon; not Google Инвестирует, The Government Announces)
        at_start = bool(run) and run[0] == 0
        judged = named[1:] if at_start else named
        names = sum(a_name(words[k]) for k in judged)
        if len(named) >= 2 and names and (not at_start or names == len(judged)):
            kept.update(run)
        run = []
    return kept


_HEADING_MARK = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")


_COUNT_END = re.compile(r"(?:^|\s)\d[\d,]*$")  # a count or a year as the last word (not 1.2, §2, 3 ½)
# a section number ends with its full stop or bracket (2., 1), 2.1., (a)) or has three parts
# (1.2.3): a bare 2.5 is a decimal (2.5 million, 9.30 am)
_ROMAN = r"(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"  # I to LXXXIX (not CIVIL, CC)
_SECTION_NUMBER = re.compile(rf"\(?(?:\d+(?:\.\d+)*|{_ROMAN}|{_ROMAN.lower()}|[A-Za-z])[.)]|\d+(?:\.\d+){{2,}}")
_GENUS = re.compile(r"[A-Z]\.")  # C. difficile, E. coli: before a lower-case word, no section letter


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _expected_words(words: list[str], rule: StyleRule, subtitles: frozenset[int] = frozenset(),
                    english: bool = False, last: bool = True) -> list[str]:
    """``subtitles``: the indexes of words that open a subtitle (after a colon); ``english``:
    the pronoun I is a capital in sentence case too (Why I left, not Why i left); ``last``: the
    last word ends the heading (not "Matter in 2024": a new user's report). A word with a digit
    is a code or a model, kept as written (x86, B2B)."""
    small = _CHICAGO_SMALL if rule.title_style == "Chicago" else _AP_SMALL
    expected = []
    for i, word in enumerate(words):
        if any(c.isdigit() for c in word):
            expected.append(word)
        elif rule.match == "$title":
            # (a subtitle's first word and the title's last too: "Giving In: A Tale of Two Cities")
            first_or_last = i == 0 or (last and i == len(words) - 1) or i in subtitles or i + 1 in subtitles
            expected.append(word.lower() if word.lower() in small and not first_or_last else _capitalise(word.lower()))
        else:  # $sentence
            elision = _ELISION.match(word)
            if i and elision and word[elision.end():][:1].isupper():
                # l'Allemagne: the article goes lower case, the name after it is judged alone
                expected.append(word[:elision.end()].lower() + word[elision.end():])
            else:
                pronoun = english and _ENGLISH_I.fullmatch(_capitalise(word)) is not None
                expected.append(_capitalise(word) if i == 0 or pronoun else word.lower())
    return expected


# An elided article or pronoun before a word (French and Italian l', d', qu', Catalan l').
_ELISION = re.compile(r"(?:[A-Za-z]|Qu|qu)['’](?=[^\W\d_])")


def capitalization(rule: StyleRule, doc: Document, evidence: CaseEvidence | None = None) -> Iterator[Hit]:
    text, spans = scope_spans(doc, rule)
    previous_end = 0  # (of the span before: what a sentence of ``scope: sentence`` starts after)
    for start, end in spans:
        span_start, previous_end = max(previous_end, doc.text.rfind("\n", 0, start) + 1), end
        heading = text[start:end]
        lead = len(heading) - len(heading.lstrip())
        start, heading = start + lead, heading.strip()
        if not heading:
            continue
        body_offset = 0
        if rule.prefix is not None:
            prefix = rule.prefix.match(heading)
            body_offset = prefix.end() if prefix else 0
        body = heading[body_offset:]
        if rule.match_pattern is not None:
            if not rule.match_pattern.fullmatch(body):
                yield Hit(start, start + len(heading), rule.format(doc.as_read(heading)), [])
            continue
        if rule.match in ("$lower", "$upper"):
            words = [m.group(0) for m in _WORD.finditer(body) if m.group(0) not in rule.words]
            want = str.lower if rule.match == "$lower" else str.upper
            if any(word != want(word) for word in words):
                yield Hit(start, start + len(heading), rule.format(doc.as_read(heading)), [])
            continue
        if evidence is None:
            evidence = case_evidence(doc)
        matches = list(_WORD.finditer(body))
        number = body[:matches[1].start()].strip() if len(matches) > 1 else ""
        if _SECTION_NUMBER.fullmatch(number) and not (_GENUS.fullmatch(number) and matches[1].group(0)[:1].islower()):
            matches = matches[1:]  # a Roman or lettered section number (IV. The war, (a) Method) is no word
        if not matches:
            continue
        words = [m.group(0) for m in matches]
        subtitles = frozenset(i for i, m in enumerate(matches[1:], 1) if body[:m.start()].rstrip().endswith(":"))
        expected = _expected_words(words, rule, subtitles, primary_language(doc.lang, "en") == "en",
                                   last=re.search(r"\w", body[matches[-1].end():]) is None)
        skip = {0} if rule.match == "$sentence" else set()
        for i, m in enumerate(matches[1:], 1):  # a word after an indicator (e.g. ':') is free
            before = body[:m.start()].rstrip()
            if any(before.endswith(ind) for ind in rule.indicators):
                skip.add(i)
        named = _in_named_phrases(body, matches, doc.lang) if rule.match == "$sentence" else {}
        skip |= set(named)
        if rule.match == "$sentence":
            skip |= _names_in_a_sentence_case_heading(words, rule, evidence, doc.lang)
        # After a count, a year or code and a space ("2024 Was A Hard Year"), the first word is no
        # heading's first: in sentence case it is judged as the others (a tester's report). After
        # anything else that is not the heading's start (a section number "2. Method" or "1.2
        # Methods", an indicator "2024: The", "3-day", "50% of", "2024's", markup) it stays free.
        at = start + body_offset + matches[0].start()
        # What stands before the word: after the rule's prefix, in the prose (FAQ: how to ...);
        # without one, the heading's line as written (code the prose masks is before the
        # heading's start); and whether code comes right before it (FAQ: `pip` usage), which the
        # prose masks as spaces
        # (a sentence of ``scope: sentence`` starts after the one before it, mid-line too, with
        # the code the prose masks before it: "`pip` installs" is no sentence in lower case)
        line_start = span_start if "sentence" in rule.scopes else doc.text.rfind("\n", 0, at) + 1
        if body_offset:
            lead = doc.text[start + body_offset:at].strip()
        else:
            lead = _HEADING_MARK.sub("", doc.text[line_start:at], count=1).strip()
        after_code = doc.text[line_start:at].rstrip().endswith("`")
        inner_first = (rule.match == "$sentence" and doc.text[at - 1:at].isspace()
                       and (_COUNT_END.search(lead) is not None or after_code))
        # a section number ("2.", "1)", "1.2.3", "IV.", also emphasised: **IV.**) or nothing but
        # punctuation before the word: it is the heading's first, to be capitalised; after
        # anything else it is free
        heading_first = (not after_code and not any(ch.isalnum() or ch == "`" for ch in lead)) \
            or _SECTION_NUMBER.fullmatch(lead) or _SECTION_NUMBER.fullmatch(text[start + body_offset:at].strip())
        if inner_first and 0 not in named:
            expected[0] = _expected_words(["X", words[0]], rule)[1]
            skip.discard(0)
        # the first word as written: an exception, an acronym or inner capitals (eBay, iPhone);
        # or not the heading's first word, which sentence case leaves free
        first_ok = (inner_first or words[0] == expected[0] or _is_exempt(words[0], rule, evidence, doc.lang)
                    or (rule.match == "$sentence" and (not words[0][:1].islower() or not heading_first)))
        others = [i for i in range(len(words)) if i not in skip and (i != 0 or inner_first)]
        good = sum(1 for i in others if words[i] == expected[i] or _is_exempt(words[i], rule, evidence, doc.lang))
        ratio_ok = not others or good / len(others) >= rule.threshold
        if first_ok and ratio_ok:
            continue
        # The words are re-cased in the file's own text, so that Markdown inside the heading
        # (*emphasis*, `code`, links) stays; the suggestion is the heading as a reader sees it.
        original = doc.text[start:start + len(heading)]
        if rule.match == "$sentence" and ratio_ok:
            # Only the first letter is wrong: capitalising it is safe.
            recased = {0: _capitalise(words[0])}
        else:
            recased = {i: expected[i] for i in range(len(words))
                       if (i == 0 and not first_ok)
                       or ((i != 0 or inner_first) and i not in skip
                           and not _is_exempt(words[i], rule, evidence, doc.lang))}
            recased.update({i: word for i, word in named.items() if i != 0})  # Isle Of Man -> Isle of Man
        replacement = _recase(original, body_offset, matches, recased)
        suggestion = doc.as_read(_recase(heading, body_offset, matches, recased))
        if rule.match == "$sentence" and ratio_ok:
            yield Hit(start, start + len(heading), rule.format(doc.as_read(heading)), [suggestion], replacement, safe=True)
        else:
            yield Hit(start, start + len(heading), rule.format(doc.as_read(heading)), [suggestion],
                      replacement if replacement != original else None, safe=False)


def _recase(heading: str, body_offset: int, matches: list[re.Match], recased: dict[int, str]) -> str:
    """``heading`` (the prose or the file's text: same offsets) with the words ``recased``."""
    out, pos = [], 0
    for i, m in enumerate(matches):
        out += [heading[pos:body_offset + m.start()], recased.get(i, m.group(0))]
        pos = body_offset + m.end()
    return "".join(out) + heading[pos:]


# -------------------------------------------------------------------------------- numbers

# language -> (thousands separator, decimal mark, multiplier words, conjunctions of a range)
NUMBER_DEFAULTS: dict[str, tuple[str, str, dict[str, int], tuple[str, ...]]] = {
    "en": (",", ".", {"thousand": 1000}, ("and", "or", "to", "-", "–")),
    "de": (".", ",", {"tausend": 1000}, ("und", "oder", "bis", "-", "–")),
    "nl": (".", ",", {"duizend": 1000}, ("en", "of", "tot", "-", "–")),
    "pt": (".", ",", {}, ("e", "ou", "a", "-", "–")),
    "es": (".", ",", {}, ("y", "o", "a", "-", "–")),
    "it": (".", ",", {}, ("e", "o", "a", "-", "–")),
    "fr": ("\u202f", ",", {}, ("et", "ou", "à", "-", "–")),
    "ru": ("\u00a0", ",", {}, ("и", "или", "до", "-", "–", "—")),
    "uk": ("\u00a0", ",", {}, ("і", "й", "або", "до", "-", "–", "—")),
}
# A small number and a short word (or its abbreviation) right before a match: a range or a list
# whose joining word is not among the conjunctions (От 10 до 20 тысяч, 10 bzw. 20 tausend, 10
# либо 20 тысяч, with the language's not configured: a tester's report, a review); not after a
# year (In 2020 about 5 million: a review). Over-cautious before an ordinary word (Chapter 3
# says 5 million): an unsafe fix, not a wrong safe one.
_NUMBER_AND_WORD_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?[ \u00a0]+[^\W\d_]{1,5}\.?[ \u00a0]+$")
_COMPILED_NUMBERS: dict[tuple, re.Pattern] = {}


def _number_settings(rule: StyleRule, lang: str | None) -> tuple[str, str, dict[str, int], tuple[str, ...]]:
    sep, dec, mult, conj = NUMBER_DEFAULTS.get(primary_language(lang, "en"), NUMBER_DEFAULTS["en"])
    if rule.separator is not None:
        sep = rule.separator
        # (a space keeps the language's decimal mark: 2,5 тысячи with separator " ", a tester's report)
        dec = "," if sep == "." else "." if sep in ",'’" else dec
    return sep, dec, rule.multipliers if rule.multipliers is not None else mult, rule.conjunctions or conj


_WRAP = r"[ \t\u00a0]*\r?\n[ \t\u00a0]*"  # a line break of a wrapped line (300\nthousand), not a blank line


def _number_pattern(dec: str, mult: dict[str, int], conj: tuple[str, ...]) -> re.Pattern | None:
    if not mult:
        return None
    key = (dec, tuple(sorted(mult)), conj)
    if key not in _COMPILED_NUMBERS:
        number = r"\d+(?:" + re.escape(dec) + r"\d+)?"
        words = "|".join(re.escape(w) for w in sorted(mult, key=len, reverse=True))
        conjs = "|".join(re.escape(c) for c in sorted(conj, key=len, reverse=True))
        _COMPILED_NUMBERS[key] = re.compile(
            rf"(?<![\w.,]){'(?:'}(?P<first>{number})\s*(?:{conjs})\s*{')?'}(?P<n>{number})(?:[ \u00a0]+|{_WRAP})(?P<word>{words})(?!\w)",
            re.IGNORECASE)
    return _COMPILED_NUMBERS[key]


MAX_COUNT_DIGITS = 21  # a longer run of digits is no count (a sextillion has 22)


def _value(number: str, dec: str, factor: int) -> int | None:
    from decimal import Decimal, InvalidOperation

    if len(number) > MAX_COUNT_DIGITS:
        return None
    try:
        value = Decimal(number.replace(dec, ".")) * factor
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral_value() else None


_NUMBER_AFTER = re.compile(r"[ \u00a0]+\d")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_])")
# a group of a number already written in digits ends right before: the match is its last group
# (3 000 millones, 3.000 mil: "000 millones" is no number of its own)
_DIGIT_GROUP_BEFORE = re.compile(r"\d[ \u00a0\u202f.,'’]$")
# Romance "de" after a multiplier that takes it (5 millones de habitantes, 2 milhões de, 3 millions
# d'euros): in digits the "de" goes (5 000 000 habitantes), which only a reader can rephrase
_OF_AFTER = re.compile(r"[ \u00a0]+(?:d['’]|(?:de|di|del|dos|das|do|da|du|des|della|dei|degli|delle)(?![^\W\d_]))",
                       re.IGNORECASE)
_ROMANCE = ("es", "pt", "fr", "it", "ca", "gl", "ro")


# In a language that capitalises every noun (NOUNS_CAPITALISED), a capital after five digits is
# no sign of a town ("50000 Menschen"): the word must also be a name, which other languages'
# text mentions too.
ORDINARY_NOUN_GAP = 3.0  # Zipf by which an ordinary noun is commoner in German than in English
# (Menschen 5.9 / 2.1, Besucher 4.6 / 0; towns at most 2.6: Essen 5.3 / 2.8, Nürnberg 4.6 / 2.1)


def _is_identifier(digits: str, text: str, start: int, end: int, lang: str | None) -> bool:
    """Digits an editor leaves ungrouped: a leading zero (a telephone number, 08001234567, whose
    leading zero grouping would drop) or a five-digit postcode before its town (10115 Berlin,
    75001 Paris); in German, where only an address puts it (``_ADDRESS_BEFORE``,
    ``_ADDRESS_LINE``) or before a name rather than an ordinary noun or a unit or currency the
    CLDR names (in 10115 Berlin; not 50000 Menschen, 50000 Euro, 12000 Kilometer; Kinder, common
    in English text too, stays unread as a count)."""
    if digits.startswith("0") or _compact_date(digits) or (len(digits) == 13 and digits.startswith(("978", "979"))) \
            or len(digits) > MAX_COUNT_DIGITS:
        return True  # (a telephone number; a date written 20240312; an ISBN-13: a tester's report; a
        # hash or a serial: Python reads no number of more than 4,300 digits, a tester's crash)
    if _NUMBER_SIGN_BEFORE.search(text, max(0, start - 16), start):
        return True  # (Order no. 123456, #10000, Version 10000: a tester's report)
    phone = _PHONE_BEFORE.search(text, max(0, start - 24), start)
    if phone is not None and (phone.group("zero") is None or len(phone.group("zero")) >= 2
                              or _digits_after(phone.group("groups")) + len(digits) >= PHONE_REST_MIN
                              or (not phone.group("groups") and phone.group("last") in _PHONE_JOINS)):
        return True  # (a two-digit area code only before a long number, 06-12345678, 02 9876
        # 54321, or right before its number, Vienna's 01 40400, 01/4000; not a count: 02 - 10000)
    word = _WORD_AFTER.match(text, end)
    if len(digits) != 5 or word is None or not word.group(1).isupper():
        return False
    if lang not in NOUNS_CAPITALISED:
        return True
    if _ADDRESS_BEFORE.search(text, max(0, start - 24), start) or _ADDRESS_LINE.match(text, start):
        return True
    from .. import lexicon
    from .cldr import counted_nouns

    noun = _WORD_RUN.match(text, word.start(1)).group()
    if noun in counted_nouns(lang):
        return False  # a unit or a currency (50000 Euro, 12000 Kilometer): a count
    return lexicon.zipf(noun, lang) - lexicon.zipf(noun, "en") < ORDINARY_NOUN_GAP


# What makes the number after it a name, not a count: a number sign (No., Nr., nº, n.º, núm., n°,
# №, #; "no" only with its stop: no 10000 people), a version (version 10000, v10000, v. 10000, Ver.
# 10000), or a build's or release's capitalised label (Build 20240312; not "release 10000
# prisoners", "build 20000 homes", Spanish "ver 50000 personas": a review).
_NUMBER_SIGN_BEFORE = re.compile(
    r"(?:(?:#|№|(?<![^\W\d_])(?i:(?:no|nos|núm|num|art|v|ver)\.|(?:nr|n\.?[º°]|n\.o|ref|id)\.?"
    r"|version|versión|versão|versione|versie))[ \u00a0]*"
    r"|(?<![^\W\d_])v"
    r"|(?<![^\W\d_])(?:Build|Release|BUILD|RELEASE)[ \u00a0]*)$")


def _compact_date(digits: str) -> bool:
    """Eight digits that read as a date, year first (20240312)."""
    return (len(digits) == 8 and digits[:2] in ("19", "20") and 1 <= int(digits[4:6]) <= 12
            and 1 <= int(digits[6:]) <= 31)


_WORD_RUN = re.compile(r"[^\W\d_]+")
# The rest of a telephone number after its first part: 01234 567890, (030) 1234567, +44 20 7946
# 0958, +49 (0)30 12345678, 030 - 12345678, Dutch 06-12345678: a country code or a leading
# zero and more digits, not inside a date or a time (2024-01-05, 09:00), groups after
# separators of up to three characters; no full stop (a date, 01.03. 25000) and no lone zero
# (a score, 0-0. 45000; a range, 0 - 10000: reviews)
_PHONE_SEPARATOR = r"[ \u00a0/-]{1,3}"
_PHONE_BEFORE = re.compile(rf"(?:\+\d{{1,3}}|(?<![\w.,/-])(?<!\d:)\(?0(?P<zero>\d+)\)?)"
                           rf"(?P<groups>(?:{_PHONE_SEPARATOR}\(?\d+\)?\d*)*)(?P<last>{_PHONE_SEPARATOR})$")
_PHONE_JOINS = (" ", "\u00a0", "/")  # one space or a slash between a short area code and its number
PHONE_REST_MIN = 6  # digits after a short area code (Dutch 06-12345678), not a count (02 - 10000)
_GROUP = re.compile(rf"({_PHONE_SEPARATOR})\(?(\d+)\)?(\d*)")  # one of _PHONE_BEFORE's groups


def _digits_after(groups: str) -> int:
    """The digits of a short area code's groups (02 9876 54321, 01/4000 84155), but for a day or
    a month after a slash (05/06 25000: a date and a count)."""
    return sum(len(a) + len(b) for sep, a, b in _GROUP.findall(groups) if "/" not in sep or len(a + b) > 2)
# Where only an address puts five digits: after a country prefix (D-10115), after a house number
# and a comma (Hauptstraße 5, 83410 Laufen), or as a line of its own with the town alone
# (83410 Laufen): not a wrapped line, a list item or a heading that starts with a count.
_ADDRESS_BEFORE = re.compile(r"(?:\b[A-Z]{1,2}-|\d[a-z]?,[ \t\u00a0]*)$")
_ADDRESS_LINE = re.compile(r"(?<![^\n])\d{5}(?:[ \t\u00a0]+[^\W\d_][\w-]*){1,3}[ \t]*\r?(?:\n|$)")  # (no full stop)


_AND = {"en": "and", "de": "und", "nl": "en", "pt": "e", "es": "y", "it": "e", "fr": "et", "ca": "i"}


def _continued(text: str, end: int, mult: dict[str, int], conj: tuple[str, ...], lang: str | None = None) -> bool:
    """Whether "and" and a number with no multiplier of its own follow (2 mil e 500, one
    number; not 200 thousand and 300 thousand, a range of two, nor 200 thousand to 1.5 million
    or 30 thousand or 5 percent: another number). "And" is the language's (and, e, y, et, und),
    else the first word among the configured conjunctions."""
    joining = _AND.get(primary_language(lang)) or next((c for c in conj if c[:1].isalpha()), None)
    if joining is None:
        return False
    found = re.compile(r"[ \u00a0]+" + re.escape(joining) + r"[ \u00a0]+\d[\d.,]*", re.IGNORECASE).match(text, end)
    if found is None:
        return False
    after = _WORD_AFTER.match(text, found.end())
    return after is None or _WORD_RUN.match(text, after.start(1)).group().lower() not in mult


def group_digits(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep)


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")  # a year before "and" starts no range of thousands
_THREE_DECIMALS = re.compile(r"[.,]\d{3}$")  # a decimal that reads as a group of thousands too
# Words that open a range of numbers: "between 150 and 200 thousand" is one of thousands
RANGE_OPENERS = {
    "en": "between from some about around approximately roughly nearly almost",
    "de": "zwischen von etwa rund circa ca fast knapp",
    "nl": "tussen van ongeveer circa",
    "fr": "entre de environ près quelque",
    "es": "entre de unos unas cerca aproximadamente",
    "pt": "entre de cerca aproximadamente",
    "it": "tra fra da circa",
    "ca": "entre de uns unes",
    "ru": "от между около примерно почти",
    "uk": "від між близько приблизно",
}
_RANGE_OPENERS = {lang: frozenset(words.split()) for lang, words in RANGE_OPENERS.items()}
_WORD_BEFORE_NUMBER = re.compile(r"([^\W\d_]+)\.?[ \t\u00a0]+$")


def _opens_a_range(text: str, start: int, lang: str | None) -> bool:
    """The word right before a range's first number opens a range in ``lang``."""
    before = _WORD_BEFORE_NUMBER.search(text, max(0, start - 24), start)
    return before is not None and before.group(1).lower() in _RANGE_OPENERS.get(primary_language(lang, "en"), ())


def numbers(rule: StyleRule, doc: Document) -> Iterator[Hit]:
    sep, dec, mult, conj = _number_settings(rule, doc.lang)
    text, spans = scope_spans(doc, rule)
    pattern = _number_pattern(dec, mult, conj)
    blocks = _block_ends(doc)
    found: list[Hit] = []
    for start, end in spans:
        if pattern is not None:
            for match in pattern.finditer(text, start, end):
                if "\n" in match.group(0) and (across_blocks(blocks, *match.span())
                                               or moves_words_across_lines(doc, *match.span(), "")):
                    continue  # (a heading's or a list item's number, the next line's word: # Top 10 /
                    # thousand-year-old trees; a review)
                if _NUMBER_AFTER.match(text, match.end()) or _continued(text, match.end(), mult, conj, doc.lang):
                    continue  # "1 thousand 500", "2 mil e 500": words and digits, no "1,000 500"
                if _DIGIT_GROUP_BEFORE.search(text, max(0, match.start() - 2), match.start()):
                    continue  # the last group of 3 000 millones
                after = _WORD_AFTER.match(text, match.end())
                if after is not None and _WORD_RUN.match(text, after.start(1)).group().lower() in mult:
                    continue  # 3 mil millones: a multiplier of a multiplier
                factor = mult[match.group("word").lower()]
                value = _value(match.group("n"), dec, factor)
                if value is None:
                    continue
                observed, at = match.group(0), match.start()
                first = _value(match.group("first"), dec, factor) \
                    if match.group("first") and not _YEAR.fullmatch(match.group("first")) else None
                if match.group("first") and first is None:
                    # no range of thousands (Version 3.14159 and 2.5 thousand; in 2019 and 2
                    # thousand, a year: a tester's report): the last number alone
                    observed, at = text[match.start("n"):match.end()], match.start("n")
                if first is not None:
                    joiner = observed[len(match.group("first")):match.start("n") - match.start()]
                    suggestion = group_digits(first, sep) + joiner + group_digits(value, sep)
                    # "between 150 and 200 thousand" is a range of thousands; "200 and 150 thousand" may
                    # not be, nor "under 12 and 15 thousand were over 60" (a final tester's report):
                    # safe after a word that opens a range only
                    safe = first < value and _opens_a_range(text, match.start(), doc.lang)
                else:
                    suggestion = group_digits(value, sep)
                    safe = _NUMBER_AND_WORD_BEFORE.search(text, max(0, at - 12), at) is None
                if primary_language(doc.lang) in _ROMANCE and _OF_AFTER.match(text, match.end()):
                    safe = False  # 5 millones de habitantes -> 5 000 000 habitantes, by a reader
                if _THREE_DECIMALS.search(match.group("n")):
                    safe = False  # 12.500 thousand: 12,500 or a source's 12,500,000 (a final tester's report)
                found.append(Hit(at, match.end(), rule.format(suggestion, observed), [suggestion],
                                 suggestion, safe))
        if rule.group:
            for match in re.finditer(rf"(?<![\w.,]){'[0-9]'}{{{rule.group},}}(?![\w]|[.,][0-9])", text[start:end]):
                digits = match.group(0)
                if _is_identifier(digits, text, start + match.start(), start + match.end(), doc.lang):
                    continue
                suggestion = group_digits(int(digits), sep)
                s, e = start + match.start(), start + match.end()
                found.append(Hit(s, e, rule.format(suggestion, digits), [suggestion], suggestion, safe=False))
    found.sort(key=lambda hit: hit.start)
    return _limited(rule, iter(found))
