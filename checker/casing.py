"""Fitting a replacement into the text (style and glossary fixes): the capitalisation of the
matched text carried over, and a first word the text already has dropped.

Only a case pattern is carried: ALL CAPS, Title Case (every word capitalised) or a first capital.
A replacement that differs from the text only by case is itself the correction (COVID-19 ->
Covid-19), so its own case wins.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .lang import primary_language
from .model import BlockKind, Document, Fix

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # (Ukraine's: one word)
# a letter with no letter before it, nor an apostrophe (prosecutor's, not prosecutor'S)
_WORD_START = re.compile(r"(?<![^\W\d_])(?<!['’])[^\W\d_]")
# short words that join the words of a title, per language (of, de, do, del, und ...): lower
# case inside a title-cased replacement after its first word
_SMALL_WORDS = {
    "en": "a an and the of for to in on at by or nor",
    "pt": "a o e de do da dos das em no na nos nas por para com um uma ou",
    "es": "a e y o u de del la las los el en con por para un una",
    "fr": "à a et de du des la le les en au aux pour par sur ou",
    "it": "e di del della dei degli delle a al in il lo la le i gli per con da su",
    "de": "und der die das den dem des von vom zu zur zum im am in für mit oder",
    "nl": "en de het van in op voor met",
}


@functools.lru_cache(maxsize=None)
def _small_titled(lang: str) -> re.Pattern:
    words = _SMALL_WORDS.get(lang, _SMALL_WORDS["en"]).split()
    return re.compile(r"(?<![^\W\d_'’])(?:" + "|".join(w.capitalize() for w in words) + r")(?![^\W\d_])")

# Languages that capitalise every noun: a capital there is no sign of a name
NOUNS_CAPITALISED = frozenset({"de", "lb"})
_LONG_LOWER_WORD = re.compile(r"(?<![^\W\d_'’])[^\W\d_A-Z]{4,}(?![^\W\d_])")  # (4+ letters, lower case)
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # eBook, iPhone, macOS (not an acronym: the UK)


def case_pattern(surface: str) -> str | None:
    """"upper", "title", "initial" or None (lower case, or mixed like eBay)."""
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return "upper"
    words = _WORD.findall(surface)
    if not words or not words[0][0].isupper():
        return None
    if len(words) > 1 and all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words):
        return "title"
    return "initial"


# What may stand between a sentence's (or a list item's) start and its first word: spaces,
# opening quotes and brackets, a plain-text list marker (- item, 1) item, a. item).
_QUOTES = "[ \\t\"'«“‘(¿¡—―]*"  # (and a dialogue's dash: —Gana quien trabaja)
_MARKER = r"(?:[-*•–]|\d{1,3}[.)]|[A-Za-z][)])[ \t]+"
_LEAD = re.compile(f"{_QUOTES}(?:{_MARKER}{_QUOTES})?")
# a list item's line, or a dialogue's (—Gana quien trabaja), in a sentence the splitter joined
_ITEM_LINE = re.compile(f"\\n(?:{_QUOTES}{_MARKER}|[ \\t]*[—―]){_QUOTES}$")


_QUOTED_AFTER_COLON = re.compile(r":\s*[\"“«„‘']\s*$")  # said: "The ... (a quotation opens a sentence)


# A gap between two words of one line, or of a wrapped paragraph's two lines (no blank line; a
# quotation's > and the next line's indentation skipped)
WRAPPED_GAP = r"[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0>]*"
NEXT_WORD = re.compile(f"(?:{WRAPPED_GAP})([^\\W\\d_]+)")  # the word after an offset, on its line or the next


def starts_sentence(doc: Document, offset: int) -> bool:
    """Whether ``offset`` (in ``doc.prose``) is the first word of a sentence of the document's
    segmentation, a heading, a table cell or a list item (an opening quote or bracket aside).
    A line break inside a sentence is no start (a wrapped paragraph: a review), nor is a colon,
    a semicolon or an abbreviation's full stop (e.g., Mr.): the sentence splitter knows them."""
    segment = doc.segment_at(offset)
    if segment is None:  # (a document checked without segmentation: the text around the offset)
        j = offset - 1
        while j >= 0 and doc.prose[j] in " \t\"'«“‘(¿¡":
            j -= 1
        return j < 0 or doc.prose[j] in ".!?\n"
    lead = doc.prose[segment.start:offset]
    return _LEAD.fullmatch(lead) is not None or _ITEM_LINE.search(lead) is not None \
        or _QUOTED_AFTER_COLON.search(lead) is not None


# ``without_repeated_word``: the word right before a match (looked for this far back)
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+$")
LOOK_BACK = 80


def without_repeated_word(doc: Document, start: int, surface: str, replacement: str) -> str:
    """``replacement`` without its first word when the text already has it right before the
    match, in the same sentence: "to the United States" with "the US" -> "US", not "the the
    US"; as written (the -> the), in capitals in an ALL CAPS match (THE UNITED STATES),
    capitalised at a sentence start or in a Title Case match (The United States, Trade With
    The United States); not "Vitamin A pandemic" for "a pandemic", nor across a table's cells
    (reviews)."""
    parts = replacement.split(None, 1)
    if len(parts) < 2:
        return replacement
    segment = doc.segment_at(start)
    low = segment.start if segment is not None else 0
    before = _WORD_BEFORE.search(doc.prose, max(low, start - LOOK_BACK), start)
    if before is None:
        return replacement
    word, first = before.group(1), parts[0]
    capitalised = first[:1].upper() + first[1:]
    if word == first or (surface.isupper() and word == first.upper()) or (word == capitalised and (
            case_pattern(surface) == "title" or starts_sentence(doc, before.start(1)))):
        return parts[1]
    return replacement


def fit_replacement(doc: Document, start: int, end: int, surface: str, replacement: str, listed: str = "",
                    own_case: bool = True) -> str:
    """``replacement`` for ``surface`` (the text of [start, end) as read) in ``doc``, fitted to
    the text: its first word dropped where the text already has it (``without_repeated_word``),
    the case carried over (``transfer_case``), a line break inside the match kept, and its final
    full stop left out before the sentence's own (the U.S. for the United States.; a tester's
    report). ``listed``: the term the surface was matched as; an acronym written as listed (API)
    sets no ALL CAPS pattern (interface de programmation, not INTERFACE DE PROGRAMMATION: a
    review). ``own_case``: see ``transfer_case``."""
    opening = starts_sentence(doc, start)
    segment = doc.segment_at(start)
    own_capital = listed[:1].isupper() and not listed.isupper() and surface[:1].isupper() \
        and not surface.isupper()  # (a name's capital, Planalto, not the text's: a final tester's report)
    if (listed.isupper() and len(listed) > 1 and surface.removesuffix("s").isupper()
            and not _shouting(doc, segment, start, end)) \
            or (own_capital and not opening and not _title_case_heading(doc, segment, start, end)):
        # (API, APIs; not in LISEZ VOTRE MAIL; "at the Planalto" -> "at the presidential palace")
        fitted = without_repeated_word(doc, start, surface.lower() if listed.isupper() else surface, replacement)
        fitted = fitted[:1].upper() + fitted[1:] if opening else fitted
    else:
        fitted = transfer_case(surface, without_repeated_word(doc, start, surface, replacement), opening,
                               _title_case_heading(doc, segment, start, end), doc.lang, own_case)
        if len(surface) > 1 and surface.isupper() and not fitted.isupper() and _shouting(doc, segment, start, end):
            fitted = fitted.upper()  # (INTERNET USERS, not Internet USERS: a tester's report)
    return _keep_line_break(doc.prose[start:end], keep_full_stop(before_full_stop(fitted, doc.prose, end),
                                                                 surface, doc.prose, end, doc.lang))


def before_full_stop(replacement: str, text: str, end: int) -> str:
    """``replacement`` without its final full stop where ``text`` has its own at ``end``, the end
    of the match: the U.S. for "the United States.", EE. UU. for "EUA." (not a doubled stop)."""
    return replacement[:-1] if replacement.endswith(".") and text.startswith(".", end) else replacement


_CLOSING = "\"”’')]»"  # closing quotes and brackets: a sentence's stop stands before them
# a paragraph's, the text's or a list item's end (the next line a Markdown list item)
_PARAGRAPH_END = re.compile(rf"[{re.escape(_CLOSING)}]*[ \t]*(?:\n[ \t]*\n|\n?[ \t]*$|\n[ \t]*(?:[-*+]|\d+[.)])[ \t])")
_CAPITAL_NEXT = re.compile(rf"[{re.escape(_CLOSING)}]*\s+[\"“'‘(«]?[^\W\d_]")
_CLOSED_THEN_CAPITAL = re.compile(rf"[{re.escape(_CLOSING)}]+\s+[\"“'‘(«]?[^\W\d_]")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_SENTENCE_MARKS = ".!?"  # a term's own final mark that may also end the sentence (U.S., Yahoo!)
SENTENCE_OPENER_ZIPF = 6.0  # a next word this common opens a sentence (He, The, But; not Army 4.6)


def keep_full_stop(replacement: str, surface: str, text: str, end: int, lang: str | None = None) -> str:
    """``replacement`` with a full stop (or ! or ?) where ``surface`` ends in one that ends the
    sentence: at a paragraph's, the text's or a list item's end ("back to the US." for "back to
    the U.S."), inside a closing quote or bracket before a capital ("I love the US." Then), or
    before a capitalised word that opens sentences (the US. He left; not the US Army)."""
    mark = surface[-1:]
    if mark not in _SENTENCE_MARKS or not replacement or replacement.endswith(mark):
        return replacement
    if _PARAGRAPH_END.match(text, end) is not None or _CLOSED_THEN_CAPITAL.match(text, end) is not None:
        return replacement + mark
    after = _NEXT_WORD.match(text, end)
    if after is not None and after.group(1)[:1].isupper():
        from .lexicon import zipf

        if zipf(after.group(1).lower(), lang or "en") >= SENTENCE_OPENER_ZIPF:
            return replacement + mark
    return replacement


def stop_may_end_a_sentence(surface: str, replacement: str, text: str, end: int) -> bool:
    """``surface`` ends in a full stop (or ! or ?) that ``replacement`` drops, before a capitalised
    word: the stop may also end the sentence ("the U.S. He left") or not ("the U.S. Army"), which
    only a reader can tell (a tester's report and a review)."""
    mark = surface[-1:]
    if mark not in _SENTENCE_MARKS or replacement.endswith(mark) or _CLOSED_THEN_CAPITAL.match(text, end):
        return False  # (inside a closing quote before a capital the stop ends the sentence: kept)
    after = _CAPITAL_NEXT.match(text, end)
    return after is not None and not text[after.end() - 1].islower()


def _title_case_heading(doc: Document, segment, start: int, end: int) -> bool:
    """Whether [start, end) stands in a heading written in Title Case: no word of four letters
    or more in lower case around it (a proper noun in a sentence-case heading, "Fighting
    Islamic State in northern Syria", is no Title Case: a review)."""
    if segment is None or not doc.blocks or doc.blocks[segment.block].kind is not BlockKind.HEADING:
        return False
    before, after = _WORD.findall(doc.prose[segment.start:start]), _WORD.findall(doc.prose[end:segment.end])
    others = before[1:] + after  # (the heading's first word has its capital anyway)
    return (any(w[:1].isupper() and len(w) >= 4 for w in others)
            and not any(w.islower() and len(w) >= 4 and w not in _TITLE_SMALL for w in before + after))


# Words a Title Case heading may keep in lower case though they are four letters or more
# (Chicago's prepositions and conjunctions)
_TITLE_SMALL = frozenset("with into from onto over upon like near past down after about above across "
                         "along among around before behind below beside between beyond during except inside "
                         "outside since through toward towards under until within without".split())


_GAP = re.compile(r"\s+")


def _keep_line_break(surface: str, fitted: str) -> str:
    """A match wrapped over two lines keeps its line break in the replacement: each gap (its
    line ending and indentation too) as the text has it where the words are as many, else the
    line break at the replacement's last space ("president\nin charge" -> "caretaker\npresident",
    not one line: a tester's report). Only plain spaces of the replacement are gaps (10\u00a0km
    stays together)."""
    if "\n" not in surface or " " not in fitted:
        return fitted
    old_gaps, parts = _GAP.findall(surface), fitted.split(" ")
    if len(old_gaps) == len(parts) - 1:
        return "".join(part + gap for part, gap in zip(parts, old_gaps + [""]))
    head, _, tail = fitted.rpartition(" ")
    return head + next(gap for gap in old_gaps if "\n" in gap) + tail


_SPACES_AFTER = re.compile(r"([^\w\s]*)[ \t]+(?=\S)")  # (punctuation and spaces after a match)
_SPACES_BEFORE = re.compile(r"(?<=\S)[ \t]+$")  # (spaces before a match)
_WORD_CHAR = re.compile(r"\w")  # (a line with words before them: not a list item's "- " alone)


def keep_wrapped_line(text: str, fix: Fix) -> Fix:
    """``fix`` of a match wrapped over two lines whose replacement is one word (in order\nto ->
    to): the line break goes into the spaces right after the match, or after the punctuation
    that follows it ("in order\nto win" -> "to\nwin", "in order\nto, and" -> "to,\nand"), so that
    the text keeps its line count, which a translation paired with its source line by line needs
    (a tester's report); a match at a line's end takes it into the spaces before it, after the
    line's words ("all in order\nto\n" -> "all\nto", "came, web\nsite." -> "came,\nwebsite."; not a
    list item's "- in order\n  to."). A replacement
    with spaces keeps the break itself (``_keep_line_break``); a deletion (a suppression
    comment's line) is left as it is."""
    surface = text[fix.start:fix.end]
    if "\n" not in surface or not fix.replacement.strip() or "\n" in fix.replacement \
            or " " in fix.replacement.strip():
        return fix
    gap = next(g for g in _GAP.findall(surface) if "\n" in g)
    gap = gap[len(gap) - len(gap.lstrip(" \t\u00a0")):]  # (from the line ending: \r\n, indentation)
    after = _SPACES_AFTER.match(text, fix.end)
    if after is not None:
        return dataclasses.replace(fix, end=after.end(), replacement=fix.replacement + after.group(1) + gap)
    line_start = text.rfind("\n", 0, fix.start) + 1
    before = _SPACES_BEFORE.search(text, line_start, fix.start)
    if before is not None and _WORD_CHAR.search(text, line_start, before.start()):
        # (a match at a line's end: the break before it, after the line's words and punctuation)
        return dataclasses.replace(fix, start=before.start(), replacement=gap + fix.replacement)
    return fix


def _shouting(doc: Document, segment, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) is written in capitals: its other words are, and
    one is a common word of the language (LISEZ VOTRE MAIL, WHY THE UN MATTERS, STOP, THE UN
    WILL PAY; not acronyms alone: UN, EU, NATO; UN FAQ; reviews)."""
    if segment is None:
        return False
    words = _WORD.findall(doc.prose[segment.start:start] + " " + doc.prose[end:segment.end])
    if not words or not all(w.isupper() for w in words):
        return False
    from .lexicon import has_language, zipf

    lang = doc.lang or "en"
    if not has_language(lang):  # (no word list: two long words in capitals, MIKS ... OLULINE)
        return sum(len(w) >= 4 for w in words) >= 2

    def common_word(word: str) -> bool:  # (THE, STOP, MATTERS; not an acronym: NYC, NATO, WHO, FAQ)
        z = zipf(word.lower(), lang)
        return z >= SHOUTED_ZIPF.get(min(len(word), 5), 99.0)

    return any(common_word(w) for w in words)


# How common a word in capitals must be, by its length, to make its sentence ALL CAPS: THE and
# AND among three letters (not WHO, USA), STOP and WILL among four (not NATO), MATTERS longer
SHOUTED_ZIPF = {3: 7.0, 4: 5.0, 5: 4.5}


def _word_by_word(surface: str, replacement: str) -> str | None:
    """``replacement`` with each word's first letter in the case of the same word of ``surface``,
    where both have as many words and the surface mixes its cases (Log In to -> Sign In to, a
    tester's report: Sign in to); None otherwise."""
    written, wanted = _WORD.findall(surface), list(_WORD.finditer(replacement))
    if len(written) != len(wanted) or len(written) < 2 or all(w[:1].isupper() for w in written) \
            or not any(w[:1].isupper() for w in written[1:]):
        return None
    out, pos = [], 0
    for word, m in zip(written, wanted):
        out += [replacement[pos:m.start()], m.group()[:1].upper() + m.group()[1:] if word[:1].isupper() else m.group()]
        pos = m.end()
    return "".join(out) + replacement[pos:]


def transfer_case(surface: str, replacement: str, sentence_start: bool, heading: bool = False,
                  lang: str | None = None, own_case: bool = True) -> str:
    """``replacement`` in the case pattern of ``surface``: TALEBAN -> TALIBAN, Secretary General
    -> Secretary-General, President in charge -> Caretaker president, Public Ministry -> Public
    Prosecutor's Office; a replacement with capitals of its own (a proper noun: Côte d'Ivoire for
    Ivory Coast) is written as it is, with a first capital only where ``surface`` starts a
    sentence (Persian Gulf -> The Gulf there, "oil from the Gulf" inside one), and in a Title
    Case ``heading`` with its long words capitalised (The Ukrainian Capital Falls).

    A replacement that differs from ``surface`` in case only is the case asked for (internet ->
    Internet), a capital at a sentence start aside; unless ``own_case`` is False (the key of a
    style's ``ignorecase`` substitution: colou?r -> colour) and it has no capital: then the text's
    capitals are carried over like any other's (Colour at a sentence start stays; a tester's
    report: a fix that a second pass undid)."""
    if surface.casefold() == replacement.casefold():
        if own_case or any(ch.isupper() for ch in replacement):
            if sentence_start and surface[:1].isupper() and replacement.islower():  # (not iPhone, eBay)
                return replacement[:1].upper() + replacement[1:]
            return replacement
    pattern = case_pattern(surface)
    if pattern == "upper" and any(ch.islower() for ch in replacement):
        return replacement.upper()
    if pattern in ("title", "initial") and replacement.islower():
        cased = _word_by_word(surface, replacement)
        if cased is not None:
            return cased
    if pattern == "title" and not any(ch.isupper() for ch in replacement):
        # (every word but the short joining words after the first: Doença do Coronavírus, not
        # Doença Do Coronavírus, Ministry of Health: a tester's report)
        titled = _WORD_START.sub(lambda m: m.group(0).upper(), replacement)
        first = _WORD.search(titled)
        cut = first.end() if first else 0
        small = _small_titled(primary_language(lang, "en"))
        # ... but those the text itself capitalises (Log In To -> Sign In To, a tester's report;
        # Log In -> Sign In to the App, a review)
        kept = {w for w in _WORD.findall(surface)[1:] if small.fullmatch(w)}
        return titled[:cut] + small.sub(lambda m: m.group(0) if m.group(0) in kept else m.group(0).lower(), titled[cut:])
    # (a replacement with capitals of its own is a name written as it is, Côte d'Ivoire, but
    # starts with a capital where the match starts a sentence: Persian Gulf -> The Gulf; not
    # one with a capital inside a word, a brand written so: E Book -> eBook, Apple Phone -> iPhone)
    if pattern == "title" and _INNER_CAPITAL.search(replacement):
        return replacement
    if pattern == "title" and heading:  # a Title Case heading: its long words capitalised too (The
        # Ukrainian Capital Falls, Kyiv Oblast; not d'Ivoire: a short word keeps its case)
        titled = _LONG_LOWER_WORD.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], replacement)
        return titled[:1].upper() + titled[1:] if sentence_start else titled
    if not sentence_start and any(ch.isupper() for ch in replacement):
        return replacement
    if pattern in ("initial", "title") and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
