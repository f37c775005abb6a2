"""Candidate extraction: which tokens of a document may be (spellings of) names.

* Capitalised word tokens that are not all capitals (acronyms and ALL-CAPS headings are not
  names to compare). Each occurrence records whether it is sentence-initial (first word of a
  sentence, after an opening quote, bracket, colon or dash, or anywhere in a heading): a form
  becomes a candidate only when it also occurs capitalised in running text, which ``finalize``
  checks on the merged statistics.
* Runs of two or more capitalised tokens joined by spaces, hyphens or name particles
  (al, bin, de, von, van der, ...): multi-word names.
* Lower-case tokens of 3+ letters too rare to be ordinary words (Zipf <= ``LOWER_MAX_ZIPF``):
  possible slips such as "telebans", compared only against capitalised names, with the
  capitalised words right beside them ("trakc Palin"). Somewhat commoner lower-case words
  (Zipf <= ``LOWER_CONTEXT_MAX_ZIPF``) only when one of their occurrences in the document
  stands beside a capitalised word ("jhonny English"): ``cluster`` judges them only against a
  spelling that shares that neighbour.

Tokens are split at apostrophes and hyphens, so "Massud’s" gives "Massud" and "anti-Taleban"
gives "Taleban".
"""

from __future__ import annotations

import itertools
import re
from typing import Iterable

from ..model import BlockKind, Document
from .normalize import HYPHENS, joiner
from .stats import MAX_LOCATIONS, FormStat, NameStats

# A word: letters, with combining marks inside (written so that plain words take the fast path).
TOKEN_RE = re.compile(r"[^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*")
LOWER_MIN_LEN = 3
# Longer runs of letters are no names (a German compound has 40; a pasted hash or a text without
# spaces has thousands, whose delete keys took memory growing with the square of their length:
# 4.4 GB for 30,000 letters, a tester's report)
MAX_NAME_LEN = 64
# A longer run of capitalised words is a heading in title case or a list, no name (a text of
# 5,000 capitalised words made one run, which every name's neighbours split again: minutes)
MAX_NAME_WORDS = 12
LOWER_MAX_ZIPF = 2.0
LOWER_CONTEXT_MAX_ZIPF = 3.0  # ... and beside a capitalised word (see ``collect``)

PARTICLES = frozenset(
    "al el ul ad ar as ash at az an bin ibn ben bint abu de da das do dos del della di du des "
    "von van der den ter la le".split()
)
# Characters after which a capital letter does not show a name: sentence openers.
_OPENERS = set("“”\"«»„‘(¿¡:;—–•*[{>|…")
_JOINERS = frozenset({" ", "-", "\u00a0", "\u2010", "\u2011"})
_INITIAL_GAP = re.compile("[" + re.escape("".join(sorted(_OPENERS))) + r".!?]")


def _lex(lang):
    from .. import lexicon

    try:
        return lexicon.get_lexicon(lang)
    except Exception:  # no cache dir and no wordfreq: treat every word as unknown
        return None


# Upper- and title-case letters as a regex class (``re`` has no Unicode case classes), from the
# blocks of the scripts that have case: Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee,
# Glagolitic, Coptic, fullwidth Latin. Scanning these ~9,000 code points instead of the whole BMP
# keeps the import at ~2 ms (this runs on every start of the command).
_CASED_BLOCKS = ((0x0041, 0x0590), (0x10A0, 0x1100), (0x13A0, 0x1400), (0x1C80, 0x1CC0), (0x1E00, 0x2000),
                 (0x2100, 0x2190), (0x2C00, 0x2D30), (0xA640, 0xA800), (0xFF21, 0xFF3B))
_UPPER = "".join(
    re.escape(ch)
    for first, last in _CASED_BLOCKS
    for ch in map(chr, range(first, last))
    if (ch.isupper() or ch.istitle()) and ch.isalpha()
)
_CAP = "[" + _UPPER + r"][^\W\d_]*(?:[\u0300-\u036f]+[^\W\d_]*)*"
# A capitalised token after non-letters: (those non-letters, the token). A match starts right
# after a word (the lookbehind: the non-letter it starts with follows no other), so the first
# group holds all the non-letters since that word, and a long run of them followed by no capital
# is tried once, not from each of its characters (a code block or a table of numbers took
# seconds per 25 KB: a tester's report); the lookbehind comes after the first non-letter so that
# the engine still skips letters fast. A letter never precedes the token ("eBay" has no match).
_CAP_AFTER_LETTER = re.compile(r"([\W\d_](?<![\W\d_]{2})[\W\d_]*)(" + _CAP + ")")
# The first word of a segment when it is capitalised: (leading non-letters, the token).
_CAP_FIRST = re.compile(r"([\W\d_]*)(" + _CAP + ")")
_PARTICLE = "[" + re.escape("".join(sorted(_JOINERS))) + "](" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
_PARTICLE_GAP = re.compile(_PARTICLE + f"(?:{_PARTICLE})?")  # one or two (Luis de la Fuente)
_LETTER = re.compile(r"[^\W\d_]")
# Lower-case words judged once per process and language: ordinary words (or not plain lower
# case), and rare words (possible slips).
_KNOWN: dict[str, set[str]] = {}
_RARE: dict[str, set[str]] = {}
_RARE_CONTEXT: dict[str, set[str]] = {}  # rare words above LOWER_MAX_ZIPF (kept only beside a capital)
JUDGED_LIMIT = 200_000  # words of one language remembered so (~25 MB); past it, judged again


def _word_char(ch: str) -> bool:
    """Part of a word: a letter or a combining mark."""
    return ch.isalpha() or "\u0300" <= ch <= "\u036f"


def _rare_lower(distinct: set[str], lang: str) -> tuple[set[str], set[str]]:
    """The lower-case words of ``distinct`` (3+ letters) too rare to be ordinary words
    (Zipf <= LOWER_MAX_ZIPF), and those a little commoner (<= LOWER_CONTEXT_MAX_ZIPF).
    Set operations in C; only words never seen before in this process are looked up."""
    known = _KNOWN.setdefault(lang, set())
    rare = _RARE.setdefault(lang, set())
    rare_ctx = _RARE_CONTEXT.setdefault(lang, set())
    if len(known) + len(rare) + len(rare_ctx) > JUDGED_LIMIT:  # (a corpus's vocabulary has no end)
        known.clear()
        rare.clear()
        rare_ctx.clear()
    new = distinct - known
    if new:
        new -= rare
        new -= rare_ctx
        if new:
            lex = _lex(lang)
            if lex is not None and len(lex) == 0:
                lex = None  # no word list: no way to tell slips from words
            if lex is not None:
                # every new word: the capitalised ones are looked up by ``finalize`` (one
                # query per document instead of two)
                lex.prefetch(w for w in new if len(w) >= LOWER_MIN_LEN or not w.islower())
            for w in new:
                if lex is None or not LOWER_MIN_LEN <= len(w) <= MAX_NAME_LEN or not w.islower():
                    known.add(w)
                    continue
                z = lex.zipf(w)
                if z <= LOWER_MAX_ZIPF:
                    rare.add(w)
                elif z <= LOWER_CONTEXT_MAX_ZIPF:
                    rare_ctx.add(w)
                else:
                    known.add(w)
    return distinct & rare, distinct & rare_ctx


def _capital_beside(text: str, p: int, e: int, lo: int) -> bool:
    """A cheap necessary condition of ``_lower_context`` finding a neighbour of text[p:e]: a
    space and a capital after it, or a space before it and a word before that which starts with
    a capital (or with a non-letter: the regexes decide)."""
    if e + 1 < len(text) and text[e] in " \u00a0" and (text[e + 1].isupper() or text[e + 1].istitle()):
        return True
    if p >= 2 and text[p - 1] in " \u00a0" and text[p - 2] not in " \u00a0":
        j = max(text.rfind(" ", lo, p - 1), text.rfind("\u00a0", lo, p - 1))
        ch = text[j + 1]
        return j < 0 or ch.isupper() or ch.istitle() or not ch.isalpha()
    return False


def _maybe_beside_capital(text: str, w: str, positions: Iterable[int]) -> bool:
    """Some occurrence of ``w`` (at ``positions``) may stand beside a capitalised word or follow
    one and a hyphen (a cheap test before the occurrences of a commoner lower-case word are
    scanned)."""
    return any(_capital_beside(text, i, i + len(w), max(0, i - _CONTEXT_REACH))
               or (i >= 2 and text[i - 1] in HYPHENS and text[i - 2].isalpha())
               for i in positions)


def _capitalised_before(text: str, hyphen: int) -> str | None:
    """The word ending right before ``hyphen`` when it starts with a capital (Byeong-seug; not
    post-brext), else None."""
    i = hyphen
    while i > 0 and _word_char(text[i - 1]):
        i -= 1
    return text[i:hyphen] if text[i].isupper() else None


_CAP_RIGHT = re.compile(r"[ \u00a0](" + _CAP + ")")
_CAP_LEFT = re.compile(r"(" + _CAP + r")[ \u00a0]$")
_CONTEXT_REACH = 40


def _lower_context(text: str, p: int, e: int, seg_start: int, seg_end: int) -> tuple:
    """Capitalised words right beside a rare lower-case word, as (side, word) pairs: "trakc
    Palin" gives (("R", "Palin"),). A slip inside a name keeps the rest of the name around it,
    which ``cluster`` compares with the neighbours of capitalised spellings."""
    out = []
    m = _CAP_RIGHT.match(text, e, min(seg_end, e + _CONTEXT_REACH))
    if m is not None and not m.group(1).isupper():
        out.append(("R", m.group(1)))
    lo = max(seg_start, p - _CONTEXT_REACH)
    m = _CAP_LEFT.search(text, lo, p)
    if m is not None and not m.group(1).isupper() and (m.start() == lo or not _word_char(text[m.start() - 1])):
        out.append(("L", m.group(1)))
    return tuple(out)


LONG_DOCUMENT = 200_000  # characters


def _find_all(text: str, word: str) -> Iterable[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


def _token_index(text: str, words: set[str]) -> dict[str, list[int]]:
    """Start offsets of each of ``words`` as a whole token, in one pass over the text."""
    out: dict[str, list[int]] = {}
    for m in TOKEN_RE.finditer(text):
        if m.group() in words:
            out.setdefault(m.group(), []).append(m.start())
    return out


def collect(doc: Document, stats: NameStats | None = None, lower: bool = True,
            words: set[str] | None = None) -> NameStats:
    """Statistics of one document (added to ``stats`` when given; without the rare lower-case
    words when ``lower`` is False: TC103 compares capitalised spellings only). ``words``, when
    given, receives the document's distinct words (TC103 tells a name from a word by them).

    The text is scanned by compiled regexes in C: one pass lists every word (for the word
    count and the set of distinct lower-case words), and one pass per segment finds the
    capitalised tokens with the non-letters before them; Python code runs only per
    capitalised token and per rare lower-case word."""
    out = stats if stats is not None else NameStats(lang=doc.lang)
    if out.lang is None:
        out.lang = doc.lang
    out.documents += 1
    text = doc.prose
    path = doc.path
    lang = doc.lang or "en"
    heading_blocks = {i for i, b in enumerate(doc.blocks) if b.kind is not BlockKind.PARAGRAPH}
    segments = doc.segments
    if not segments:
        from ..model import Segment

        segments = [Segment(0, 0, len(text), text, 0)]
    tokens, lowers, multi, written = out.tokens, out.lower, out.multi, out.written
    seg_starts = [seg.start for seg in segments]

    # Every word: the count, and rare lower-case words (possible slips such as "telebans").
    all_words = TOKEN_RE.findall(text)
    out.words += len(all_words)
    if words is not None:
        words.update(all_words)
    distinct = set(all_words)
    rare, rare_ctx = _rare_lower(distinct, lang) if lower else ((), ())
    if rare or rare_ctx:
        _scan_lower(text, path, segments, seg_starts, rare, rare_ctx, lowers)

    joiners = _JOINERS
    particle_gap = _PARTICLE_GAP.fullmatch
    initial_gap = _INITIAL_GAP.search
    heading = [seg.block in heading_blocks for seg in segments] if doc.blocks else [False] * len(segments)
    n_segs = len(segments)
    k = 0  # current segment
    seg_start, seg_end = segments[0].start, segments[0].end
    run: list[tuple[str, int, int]] = []  # current run of capitalised tokens and particles
    run_start_initial = False
    prev_end = -1  # end of the previous capitalised token
    # All-capitals words are no candidates, but a brand or a heading word right beside a name
    # ("KAISER Sena") is context like a first name: (word, end) of the last one, and the
    # location list and index of the last capitalised token, to give it a right neighbour.
    caps_end, caps_word = -2, ""
    last_locs, last_i = None, -1
    m0 = _CAP_FIRST.match(text)
    first_start = m0.start(2) if m0 is not None else -1
    for m in itertools.chain((m0,) if m0 is not None else (), _CAP_AFTER_LETTER.finditer(text)):
        start = m.start(2)
        if start == first_start and m is not m0:
            continue
        if start >= seg_end:
            if run:
                if len(run) > 1:  # (a single token is no multi-word name)
                    _flush(run, multi, path, segments[k].index, run_start_initial, text, written)
                run = []
            while k < n_segs - 1 and start >= segments[k].end:
                k += 1
            seg_start, seg_end = segments[k].start, segments[k].end
            if start >= seg_end or start < seg_start:
                continue  # outside every segment (not prose)
        elif start < seg_start:
            continue
        gap = m.group(1)
        w = m.group(2)
        end = m.end(2)
        # Initial: first word of the segment (the non-letters before it reach back past the
        # segment start), in a heading, or after an opening quote, bracket, colon, dash or a
        # sentence boundary the segmenter missed.
        initial = m.start() <= seg_start or heading[k] or (gap != " " and initial_gap(gap) is not None)
        adjacent = m.start() == prev_end
        particle = None
        if run and not adjacent and gap in joiners:
            particle = particle_gap(text, prev_end, m.start())
        prev_end = end
        if 1 < len(w) <= MAX_NAME_LEN and not w.isupper() and "º" not in w and "ª" not in w:  # (Nº: a sign)
            st = tokens.get(w)
            if st is None:
                st = tokens[w] = FormStat()
            st.count += 1  # FormStat.add, inlined
            if not initial:
                st.noninitial += 1
            if len(st.locations) < MAX_LOCATIONS:
                side = (("L", caps_word),) if caps_end == m.start() and gap in joiners else ()
                st.locations.append((path, start, end, segments[k].index, side))
                last_locs, last_i = st.locations, len(st.locations) - 1
            else:
                last_locs = None
            if run and adjacent and gap in joiners:
                run.append((w, start, end))
            elif particle is not None:
                run.append((particle.group(1), particle.start(1), particle.end(1)))
                if particle.group(2) is not None:
                    run.append((particle.group(2), particle.start(2), particle.end(2)))
                run.append((w, start, end))
            else:
                if len(run) > 1:
                    _flush(run, multi, path, segments[k].index, run_start_initial, text, written)
                run = [(w, start, end)]
                run_start_initial = initial
            continue
        if len(w) > 1 and w.isupper():  # all capitals
            caps_end, caps_word = end, w
            if adjacent and gap in joiners and last_locs is not None and last_locs[last_i][2] == m.start():
                loc = last_locs[last_i]
                last_locs[last_i] = loc[:4] + (loc[4] + (("R", w),),)
        if run:
            if len(run) > 1:
                _flush(run, multi, path, segments[k].index, run_start_initial, text, written)
            run = []
    if len(run) > 1:
        _flush(run, multi, path, segments[k].index, run_start_initial, text, written)
    if lower:
        # a name written in lower case beside the rest of it ("Vladimir putin" beside "Vladimir
        # Putin"): a word too common for ``_rare_lower`` is kept when it stands beside a capital
        case_slips = _case_slips(distinct, tokens, lang) - lowers.keys()
        if case_slips:
            _scan_lower(text, path, segments, seg_starts, (), case_slips, lowers)
    return out


CASE_SLIP_MIN_LEN = 4
# (Macron 4.9 in French, путин 5.1 in Russian; not deutsche 5.6 beside Deutsche Bahn)
CASE_SLIP_SCAN_MAX_ZIPF = 5.2


def _case_slips(distinct: set[str], tokens: dict[str, FormStat], lang: str) -> set[str]:
    """Lower-case words of the document that it also writes capitalised in running text: maybe
    names written in lower case (putin, macron; ``cluster`` judges them), but for particles (le,
    von), titles (minister, presidente) and words too common to be names. The rarer ones are
    ``_rare_lower``'s."""
    capitalised = {w.lower() for w, st in tokens.items() if st.noninitial and len(w) >= CASE_SLIP_MIN_LEN}
    found = {w for w in distinct & capitalised if w.islower() and w not in PARTICLES}
    if not found:
        return found
    from .titles import is_title

    lex = _lex(lang)
    if lex is None or len(lex) == 0:
        return set()  # (no word list: no way to tell a name from a word)
    return {w for w in found if not is_title(w) and lex.zipf(w) < CASE_SLIP_SCAN_MAX_ZIPF}


def _scan_lower(text: str, path: str, segments, seg_starts: list[int], rare, rare_ctx, lowers) -> None:
    """Add the occurrences of the lower-case words ``rare`` (every one) and ``rare_ctx`` (only
    a word that stands beside a capitalised word once) to ``lowers``, each with the capitalised
    words right beside it."""
    import bisect

    letter = _LETTER.search
    n = len(text)
    # Where each word stands: str.find per word is fastest on an article, but its cost is
    # words x length; a very long document (one 4 MB paragraph) is indexed in one pass.
    index = _token_index(text, set(rare) | set(rare_ctx)) if n > LONG_DOCUMENT else None
    for w in sorted(set(rare) | set(rare_ctx)):
        positions = index.get(w, ()) if index is not None else list(_find_all(text, w))
        if w not in rare and not _maybe_beside_capital(text, w, positions):
            continue  # a commoner word never beside a capital: not kept (below), not scanned
        occurrences = []
        for p in positions:
            e = p + len(w)
            if (p > 0 and _word_char(text[p - 1])) or (e < n and _word_char(text[e])):
                continue  # inside a longer word
            syllable = None
            if len(w) <= 5 and p >= 2 and text[p - 1] in HYPHENS and text[p - 2].isalpha():
                # a short syllable of a hyphenated name (Byeong-seug) or a slip in the
                # second part of one (Rheinland-pfalx): kept with the word before the
                # hyphen ("-", word), which ``cluster`` requires the other spelling to follow
                syllable = _capitalised_before(text, p - 1)
            k = bisect.bisect_right(seg_starts, p) - 1
            if k < 0 or p >= segments[k].end:
                continue
            seg = segments[k]
            # (the regexes of _lower_context only where a capital may be right beside it)
            context = _lower_context(text, p, e, seg.start, seg.end) \
                if _capital_beside(text, p, e, max(seg.start, p - _CONTEXT_REACH)) else ()
            if syllable is not None:
                context += (("-", syllable),)
            occurrences.append(((path, p, e, seg.index, context), seg.start))
        # a commoner word (rare_ctx) only when it stands beside a capitalised word once
        if occurrences and (w in rare or any(loc[4] for loc, _ in occurrences)):
            st = lowers.get(w)
            if st is None:
                st = lowers[w] = FormStat()
            for loc, seg_start in occurrences:
                st.add(loc, letter(text, seg_start, loc[1]) is None)


def _flush(run, multi, path, seg_index, initial, text, written) -> None:
    while run and run[-1][0] in PARTICLES:
        run.pop()
    if not 2 <= len(run) <= MAX_NAME_WORDS:
        return
    key = " ".join(t for t, _, _ in run)
    # how the name is written (``NameStats.written``): counted once it is written with a hyphen
    counts = written.get(key)
    if counts is not None or text[run[0][1]:run[-1][2]] != key:
        gaps = tuple(joiner(text[run[i][2]:run[i + 1][1]]) for i in range(len(run) - 1))
        if counts is None and any(gap != " " for gap in gaps):
            before = multi.get(key)  # (its earlier occurrences, all with spaces)
            counts = written[key] = {(" ",) * len(gaps): before.count} if before is not None else {}
        if counts is not None:
            counts[gaps] = counts.get(gaps, 0) + 1
    st = multi.get(key)
    if st is None:
        st = multi[key] = FormStat()
    spans = tuple((s, e) for _, s, e in run)
    st.add((path, run[0][1], run[-1][2], seg_index, spans), initial)
