"""Candidate extraction: which tokens of a document may be (spellings of) names.

* Capitalised word tokens that are not all capitals (acronyms and ALL-CAPS headings are not
  names to compare). Each occurrence records whether it is sentence-initial (first word of a
  sentence, after an opening quote, bracket, colon or dash, or anywhere in a heading): a form
  becomes a candidate only when it also occurs capitalised in running text, which ``finalize``
  checks on the merged statistics.
* Runs of two or more capitalised tokens joined by spaces, hyphens or name particles
  (al, bin, de, von, van der, ...): multi-word names.
* Lower-case tokens of 5+ letters too rare to be ordinary words (Zipf <= ``LOWER_MAX_ZIPF``):
  possible slips such as "telebans", compared only against capitalised names.

Tokens are split at apostrophes and hyphens, so "Massud’s" gives "Massud" and "anti-Taleban"
gives "Taleban".
"""

from __future__ import annotations

import re

from ..model import BlockKind, Document
from .stats import FormStat, NameStats

TOKEN_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")
LOWER_MIN_LEN = 4
LOWER_MAX_ZIPF = 2.0

PARTICLES = frozenset(
    "al el ul ad ar as ash at az an bin ibn ben bint abu de da das do dos del della di du des "
    "von van der den ter la le".split()
)
# Characters after which a capital letter does not show a name: sentence openers.
_OPENERS = set("“”\"«»„‘(¿¡:;—–•*[{>|…")
_JOINERS = frozenset({" ", "-", "\u00a0", "\u2010", "\u2011"})
_INITIAL_GAP = re.compile("[" + re.escape("".join(sorted(_OPENERS))) + r".!?]")
_KNOWN_LOWER: dict[str, dict[str, bool]] = {}


def _lex(lang):
    from .. import lexicon

    try:
        return lexicon.get_lexicon(lang)
    except Exception:  # no cache dir and no wordfreq: treat every word as unknown
        return None


def collect(doc: Document, stats: NameStats | None = None) -> NameStats:
    """Statistics of one document (added to ``stats`` when given)."""
    out = stats if stats is not None else NameStats(lang=doc.lang)
    if out.lang is None:
        out.lang = doc.lang
    out.documents += 1
    text = doc.prose
    path = doc.path
    lang = doc.lang or "en"
    lex = None
    heading_blocks = {i for i, b in enumerate(doc.blocks) if b.kind is not BlockKind.PARAGRAPH}
    segments = doc.segments
    if not segments:
        from ..model import Segment

        segments = [Segment(0, 0, len(text), text, 0)]
    tokens, lower, multi = out.tokens, out.lower, out.multi
    known_lower = _KNOWN_LOWER.setdefault(lang, {})
    words = 0
    finditer = TOKEN_RE.finditer
    initial_gap = _INITIAL_GAP.search
    for seg in segments:
        in_heading = seg.block in heading_blocks and bool(doc.blocks)
        run: list[tuple[str, int, int]] = []  # current run of capitalised tokens and particles
        run_start_initial = False
        prev_end = seg.start
        first = True
        seg_index = seg.index
        for m in finditer(text, seg.start, seg.end):
            w = m.group()
            words += 1
            c0 = w[0]
            if c0.islower():
                if run:
                    if w in PARTICLES and text[prev_end : m.start()] in _JOINERS and run[-1][0] not in PARTICLES:
                        run.append((w, m.start(), m.end()))
                        prev_end = m.end()
                        first = False
                        continue
                    _flush(run, multi, path, seg_index, run_start_initial)
                    run = []
                if len(w) >= LOWER_MIN_LEN:
                    known = known_lower.get(w)
                    if known is None:
                        if lex is None:
                            lex = _lex(lang)
                            if lex is None or len(lex) == 0:
                                lex = False  # no word list: no way to tell slips from words
                        known = lex is False or not w.islower() or lex.zipf(w) > LOWER_MAX_ZIPF
                        known_lower[w] = known
                    if not known:
                        st = lower.get(w)
                        if st is None:
                            st = lower[w] = FormStat()
                        st.add((path, m.start(), m.end(), seg_index, ()), first)
                prev_end = m.end()
                first = False
                continue
            start, end = m.span()
            gap = text[prev_end:start]
            # Initial: first word, in a heading, or after an opening quote, bracket, colon, dash
            # or a sentence boundary the segmenter missed.
            initial = first or in_heading or initial_gap(gap) is not None
            first = False
            prev_end = end
            if c0.isupper() and len(w) > 1 and not w.isupper():
                st = tokens.get(w)
                if st is None:
                    st = tokens[w] = FormStat()
                st.add((path, start, end, seg_index, ()), initial)
                if run and gap in _JOINERS:
                    run.append((w, start, end))
                else:
                    if run:
                        _flush(run, multi, path, seg_index, run_start_initial)
                    run = [(w, start, end)]
                    run_start_initial = initial
                continue
            if run:
                _flush(run, multi, path, seg_index, run_start_initial)
                run = []
        if run:
            _flush(run, multi, path, seg_index, run_start_initial)
    out.words += words
    return out


def _flush(run, multi, path, seg_index, initial) -> None:
    while run and run[-1][0] in PARTICLES:
        run.pop()
    if len(run) < 2:
        return
    key = " ".join(t for t, _, _ in run)
    st = multi.get(key)
    if st is None:
        st = multi[key] = FormStat()
    spans = tuple((s, e) for _, s, e in run)
    st.add((path, run[0][1], run[-1][2], seg_index, spans), initial)
