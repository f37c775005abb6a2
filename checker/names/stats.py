"""Mergeable per-document (or per-corpus) statistics of name spellings.

``NameStats`` holds, per surface form, its count, how many of its occurrences are not
sentence-initial, the first place it was seen and up to ``MAX_LOCATIONS`` locations. It is a
plain picklable object; ``combine(a, b)`` is associative and commutative (counts add, the
locations kept are the smallest under one total order), so statistics can be collected on a
process pool or a cluster and merged in any order before ``finalize``.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

MAX_LOCATIONS = 10_000

# A location: (path, start, end, segment index, token spans). The token spans are
# ((start, end), ...) for multi-word names and () for single tokens.
Location = tuple[str, int, int, int, tuple]


@dataclass(slots=True)
class FormStat:
    count: int = 0
    noninitial: int = 0  # occurrences that are not sentence-initial (nor in a heading)
    locations: list = field(default_factory=list)  # sorted Location tuples

    def add(self, loc: Location, initial: bool) -> None:
        self.count += 1
        if not initial:
            self.noninitial += 1
        if len(self.locations) < MAX_LOCATIONS:
            self.locations.append(loc)

    @property
    def first(self) -> tuple:
        return self.locations[0][:2] if self.locations else ("", 0)

    def merged(self, other: "FormStat") -> "FormStat":
        locs = list(heapq.merge(self.locations, other.locations))[:MAX_LOCATIONS]
        return FormStat(self.count + other.count, self.noninitial + other.noninitial, locs)


@dataclass
class NameStats:
    """Spellings seen in one or more documents of one language.

    * ``tokens``: capitalised word tokens (not all capitals), keyed by surface form;
    * ``lower``: lower-case tokens too rare to be ordinary words (possible slips such as
      "telebans"), keyed by surface form;
    * ``multi``: runs of two or more capitalised tokens (with particles), keyed by the tokens
      joined with single spaces;
    * ``written``: for the keys of ``multi`` written with a hyphen between two tokens at least
      once (Jean-Luc Mélenchon), how often each way of writing them occurs (what stands between
      the tokens -> count), for lists of names to show them as most occurrences write them.
    """

    lang: str | None = None
    tokens: dict[str, FormStat] = field(default_factory=dict)
    lower: dict[str, FormStat] = field(default_factory=dict)
    multi: dict[str, FormStat] = field(default_factory=dict)
    written: dict[str, dict[tuple[str, ...], int]] = field(default_factory=dict)
    words: int = 0
    documents: int = 0

    def sort_locations(self) -> None:
        for table in (self.tokens, self.lower, self.multi):
            for st in table.values():
                st.locations.sort()


def _merge_tables(a: dict[str, FormStat], b: dict[str, FormStat]) -> dict[str, FormStat]:
    out = dict(a)
    for key, st in b.items():
        mine = out.get(key)
        out[key] = st.merged(FormStat()) if mine is None else mine.merged(st)
    return out


def combine(a: NameStats, b: NameStats) -> NameStats:
    """Merge two statistics (associative and commutative; neither input is modified)."""
    lang = a.lang or b.lang
    return NameStats(
        lang=lang,
        tokens=_merge_tables(a.tokens, b.tokens),
        lower=_merge_tables(a.lower, b.lower),
        multi=_merge_tables(a.multi, b.multi),
        written=_merge_written(a, b),
        words=a.words + b.words,
        documents=a.documents + b.documents,
    )


def _merge_written(a: NameStats, b: NameStats) -> dict[str, dict[tuple[str, ...], int]]:
    """The ways of writing each name, counted in both (a name with no entry is written with
    spaces as often as it occurs): sums, so any order of merging gives the same."""
    out = {}
    for key in a.written.keys() | b.written.keys():
        merged: dict[tuple[str, ...], int] = {}
        for stats in (a, b):
            counts = stats.written.get(key)
            if counts is None and key in stats.multi:
                counts = {(" ",) * key.count(" "): stats.multi[key].count}
            for gaps, n in (counts or {}).items():
                merged[gaps] = merged.get(gaps, 0) + n
        out[key] = merged
    return out
