"""Name spellings across the files of a corpus (rule TC103): a name most files spell one way and
a few another (Taliban in 40 files, Taleban throughout 2 others).

The per-document rule (TC101) sees one file; a file that spells a name one way throughout is
consistent on its own. Here each file contributes a small mergeable table, and the corpus decides:

* ``collect(stats)``: from one document's name statistics (``NameStats``), each capitalised
  single-token spelling that TC101 takes for a name, with its occurrences (``Spelling``);
  ``collect_document(doc)`` reads the statistics and makes the table in one pass;
* ``combine(a, b)``: files and occurrences add, the first ``MAX_LOCATIONS`` locations are kept
  (associative and commutative, so a process pool or a cluster may merge in any order);
* ``finalize(corpus)``: a spelling used in few files is compared with the spellings sharing a
  blocking key that ``MIN_FILES`` files and ``FILE_RATIO`` times as many files use, by
  ``compare.judge`` with file counts as its evidence. Two spellings in two files are less often
  one name than two in one article (two people: Lam and Lamb), so the corpus keeps Tier A and B
  (Massud / Massoud, Taleban / Taliban) and, of Tier C, only a spelling no word list knows, of
  ``TYPO_MIN_LEN`` letters or more (Zelenksy / Zelensky); never a spelling the language uses
  much (``MINORITY_MAX_ZIPF``), unless it differs in accents alone (Sanchez / Sánchez) or is a
  given name before the same surname (Sergey / Sergei Lavrov); never one of fewer
  than ``MIN_LEN`` letters, or a slip of a common word (``_comparable``).
"""

from __future__ import annotations

import heapq
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Collection

from .compare import _known_english, judge, name_like
from .morph import MAX_ENDING, carry_ending, ending_change, inflected
from .normalize import damerau, fold, has_diacritics
from .stats import NameStats
from .titles import is_title

if TYPE_CHECKING:
    from ..model import Document

MAX_LOCATIONS = 2_000  # per spelling: the occurrences reported (the counts stay exact)
MAX_FOLLOWERS = 64  # per spelling: the words seen after it in a name
INITIAL_WORD_ZIPF = 5.0  # a sentence's first word this common is no first name (One, The)
MIN_FILES = 3  # the corpus's spelling is used in at least this many files ...
FILE_RATIO = 3  # ... and this many times as many files as the other spelling
MINORITY_MAX_ZIPF = 2.0  # a spelling more common in the language than this is no slip, unless
DIACRITIC_MAX_ZIPF = 4.5  # ... it differs from the corpus's in accents only, or
GIVEN_MAX_ZIPF = 4.0  # ... it is a given name before the same surname
MIN_LEN = 5  # shorter spellings one letter apart are too often two names (Bute / Boot, Sint / Saint)
MAX_WRITTEN_EDITS = 2  # letters as written (Roos and Russie normalise alike: two names)
COMMON_WORD_ZIPF = 4.0  # in German, a dominant spelling this common is a noun (Debatte), unless a name
CAPITALISED_NOUNS = frozenset({"de", "lb"})  # languages that capitalise their common nouns
LOWER_SHARE = 3  # a spelling written in lower case in 1 of this many of its files or more is a word
TYPO_MIN_LEN = 5
TYPO_MIN_FILES = 5
TWO_EDITS_MIN_LEN = 7  # two letters as written only from this length

Location = tuple[str, int, int]  # (path, start, end)


@dataclass(slots=True)
class Spelling:
    files: int = 0
    count: int = 0
    leading: int = 0  # occurrences before another capitalised word of a name (Vladimír Putin)
    followers: set[str] = field(default_factory=set)  # those words, up to MAX_FOLLOWERS
    # first names before it in a name (Pedro of Pedro Sánchez; no title), up to MAX_FOLLOWERS
    preceders: set[str] = field(default_factory=set)
    lower_files: int = 0  # files that also write it in lower case (a word: Custom / custom)
    locations: list[Location] = field(default_factory=list)  # the first MAX_LOCATIONS, any order

    def absorb(self, other: "Spelling") -> None:
        self.files += other.files
        self.count += other.count
        self.leading += other.leading
        self.lower_files += other.lower_files
        # past a cap, the smallest items are kept: the same whatever the order of merging
        self.followers = _capped(self.followers | other.followers)
        self.preceders = _capped(self.preceders | other.preceders)
        self.locations.extend(other.locations)
        if len(self.locations) > MAX_LOCATIONS:
            self.locations = heapq.nsmallest(MAX_LOCATIONS, self.locations)


def _capped(names: set[str]) -> set[str]:
    """The first MAX_FOLLOWERS of ``names`` in sorted order (all of them when fewer)."""
    return names if len(names) <= MAX_FOLLOWERS else set(sorted(names)[:MAX_FOLLOWERS])


@dataclass
class CorpusSpellings:
    """Per language, per spelling: the files using it, its occurrences and where they are."""

    tables: dict[str, dict[str, Spelling]] = field(default_factory=dict)


def collect(stats: NameStats, words: set[str] = frozenset()) -> CorpusSpellings:
    """The spellings of one document's statistics: its capitalised tokens seen mid-sentence,
    and those seen only at a sentence's start or in a heading that are rare in the language (as
    TC101 takes them: "I have always wanted to visit Praguf" as a heading). ``words``: the
    document's words, to tell the spellings it also writes in lower case."""
    from .cluster import INITIAL_MAX_ZIPF, _zipf_for

    lang = (stats.lang or "en")[:2]
    zipf = _zipf_for(lang)
    leading: dict[str, int] = defaultdict(int)
    followers: dict[str, set[str]] = defaultdict(set)
    preceders: dict[str, set[str]] = defaultdict(set)
    for run, st in stats.multi.items():
        tokens = run.split(" ")
        for i, (token, follower) in enumerate(zip(tokens, tokens[1:])):
            leading[token] += st.count
            followers[token].add(follower)
            # a first name: no title, no word the file also writes in lower case, nor a very
            # common word first in a sentence ("One Taleban came.", "A Taleban spokesman")
            if not is_title(token) and token.lower() not in words \
                    and (i or st.noninitial or zipf(token) < INITIAL_WORD_ZIPF):
                preceders[follower].add(token)
    table = {
        word: Spelling(1, st.count, min(leading.get(word, 0), st.count), _capped(followers.get(word, set())),
                       _capped(preceders.get(word, set())), int(word.lower() in words),
                       sorted({loc[:3] for loc in st.locations})[:MAX_LOCATIONS])
        for word, st in stats.tokens.items()
        if len(word) >= 4 and (st.noninitial > 0 or zipf(word) < INITIAL_MAX_ZIPF)
    }
    return CorpusSpellings({lang: table} if table else {})


def collect_document(doc: "Document", lower: bool = False) -> tuple[NameStats, CorpusSpellings]:
    """A document's name statistics (without the rare lower-case words unless ``lower``: TC101
    needs them, this table does not) and its table, from one reading of the text."""
    from .extract import collect as collect_names

    words: set[str] = set()
    stats = collect_names(doc, lower=lower, words=words)
    return stats, collect(stats, words)


def combine(a: CorpusSpellings, b: CorpusSpellings) -> CorpusSpellings:
    """Merge two tables. The smaller is added into the larger, which is returned: a corpus
    merged one file at a time costs the size of each file, not that of the corpus so far (so
    neither input may be used afterwards)."""
    if _size(a) < _size(b):
        a, b = b, a
    for lang, table in b.tables.items():
        mine = a.tables.setdefault(lang, {})
        for word, spelling in table.items():
            old = mine.get(word)
            if old is None:
                mine[word] = spelling
            else:
                old.absorb(spelling)
    return a


def _size(corpus: CorpusSpellings) -> int:
    return sum(map(len, corpus.tables.values()))


@dataclass(frozen=True)
class CorpusVariant:
    """``spelling`` (used in ``files`` files) is a variant of ``dominant`` (``dominant_files``)."""

    lang: str
    spelling: str
    dominant: str
    replacement: str  # the dominant spelling with ``spelling``'s ending (Talebans -> Talibans)
    tier: str
    kind: str
    files: int
    count: int
    dominant_files: int
    dominant_count: int
    locations: tuple[Location, ...]
    # for a given name, the names after it that the two spellings share (Putin): only the
    # occurrences before one of them are the dominant spelling's name (not Vladimír Holan)
    shared_followers: frozenset[str] | None = None
    # for a surname, the first names before it that the two spellings share (Pedro)
    shared_preceders: frozenset[str] | None = None


def finalize(corpus: CorpusSpellings) -> list[CorpusVariant]:
    from .cluster import _block_keys, _zipf_for

    out: list[CorpusVariant] = []
    for lang, table in sorted(corpus.tables.items()):
        common = {w: s for w, s in table.items() if s.files >= MIN_FILES}
        if not common:
            continue
        zipf = _zipf_for(lang)
        exact_index: dict[str, list[str]] = defaultdict(list)
        delete_index: dict[str, list[str]] = defaultdict(list)
        for word in sorted(common):
            exact, deletes = _block_keys(word, lang)
            for key in exact:
                exact_index[key].append(word)
            for key in deletes:
                delete_index[key].append(word)
        most = max(s.files for s in common.values())
        for word in sorted(table):
            spelling = table[word]
            if spelling.files * FILE_RATIO > most:
                continue  # no spelling is used in enough more files
            # mostly before another name (a surname): a given name, compared only with the
            # spellings of that name before the same word (Sergey / Sergei Lavrov; not Tomáš
            # Satoranský / Thomas Müller: each spells his name as he does)
            given = 2 * spelling.leading > spelling.count
            # after a first name, a spelling the language uses much (allowed in accents alone
            # or as a given name, below) is a surname others bear too: compared only after the
            # same first name (Pedro Sanchez / Pedro Sánchez; not Jennifer Lopez beside Andrés
            # Manuel López Obrador, though the file also writes Lopez alone; a title is no first
            # name: President Sanchez)
            z = zipf(word)
            surname = bool(spelling.preceders) and z > MINORITY_MAX_ZIPF
            if len(word) < MIN_LEN or z > max(DIACRITIC_MAX_ZIPF, GIVEN_MAX_ZIPF if given else 0):
                continue
            exact, deletes = _block_keys(word, lang)
            # no word list knows it (in another language than English, an English word is a
            # form kept on purpose; not in English itself, nor a respelling of an English name)
            unknown = z == 0 and (lang == "en" or not _known_english(fold(word)))
            others = {d for key in exact for d in exact_index.get(key, ())}
            if unknown and len(word) >= TYPO_MIN_LEN:
                others |= {d for key in deletes for d in delete_index.get(key, ())}
            best = None
            for dominant in sorted(others):
                dom = common[dominant]
                if dominant == word or dom.files < FILE_RATIO * spelling.files \
                        or (given and not spelling.followers & dom.followers) \
                        or (surname and not spelling.preceders & dom.preceders):
                    continue
                # a spelling the language uses much only when it differs in accents alone
                # (Sanchez / Sánchez, Erdogan / Erdoğan) or is a given name before the same
                # surname (Sergey / Sergei Lavrov); else it is no slip (Jose / José alone)
                if z > max(MINORITY_MAX_ZIPF, DIACRITIC_MAX_ZIPF if fold(word) == fold(dominant) else 0,
                           GIVEN_MAX_ZIPF if given else 0):
                    continue
                # letters are counted against the dominant spelling with this one's ending
                # (Talebans / Talibans, not Taliban)
                replacement = _replacement(word, dominant, lang, table)
                edits = damerau(fold(word), fold(replacement))
                if not _comparable(word, dominant, replacement, edits, lang, zipf, dom):
                    continue
                verdict = judge(word, dominant, dom.files, lang, zipf, minority_count=spelling.files)
                if verdict is None or not _kept(verdict[0], word, dominant, edits, unknown, dom.files):
                    continue
                rank = (verdict[0], -dom.files, dominant)
                if best is None or rank < best[0]:
                    best = (rank, dominant, verdict, replacement)
            if best is None:
                continue
            _, dominant, (tier, kind), replacement = best
            dom = common[dominant]
            out.append(CorpusVariant(lang, word, dominant, replacement, tier, kind,
                                     spelling.files, spelling.count, dom.files, dom.count,
                                     tuple(sorted(spelling.locations)),
                                     frozenset(spelling.followers & dom.followers) if given else None,
                                     frozenset(spelling.preceders & dom.preceders) if surname else None))
    return out


def _comparable(word: str, dominant: str, replacement: str, edits: int, lang: str, zipf,
                table_dominant: Spelling) -> bool:
    """Worth judging as two spellings of one name across files: the same first letter and a
    letter apart as written (``edits``, against ``replacement``: two from ``TWO_EDITS_MIN_LEN``
    letters), not one text in two
    Unicode forms, and the dominant spelling a name rather than a common word (Castom is no
    slip of Custom), unless the two differ in diacritics only (Loñdon). A word is written in
    lower case in a third of its files or more; in a language that capitalises its nouns, it is
    common in the language and no international name (Debat is no slip of Debatte)."""
    if unicodedata.normalize("NFC", word) == unicodedata.normalize("NFC", dominant):
        return False
    fw, fd = fold(word), fold(dominant)
    if fw[:1] != fd[:1] or edits > (MAX_WRITTEN_EDITS if min(len(fw), len(fold(replacement))) >= TWO_EDITS_MIN_LEN else 1):
        return False  # (Yohannes / Johannes, Nores / North: two names in two files)
    if fw == fd:
        return True
    if lang in CAPITALISED_NOUNS:
        return zipf(dominant) < COMMON_WORD_ZIPF or name_like(fd, lang)
    return LOWER_SHARE * table_dominant.lower_files <= table_dominant.files


def _kept(tier: str, word: str, dominant: str, edits: int, unknown: bool, dominant_files: int) -> bool:
    """The corpus's stricter verdict: Tier A (two edits as written from ``TWO_EDITS_MIN_LEN``
    letters, see ``_comparable``); Tier B one edit as written (Taleban / Taliban; not Christion /
    Christine); Tier C a spelling no word list knows, of ``TYPO_MIN_LEN`` letters or more, that
    adds no diacritic (Štěpán is no slip of Stefan, Lázně none of Lane), beside a spelling of
    ``TYPO_MIN_FILES`` files or more (a typo is an accident; two rare names are two names)."""
    if tier == "A":
        return True
    if edits > 1:
        return False
    if tier == "B":
        return True
    return unknown and len(word) >= TYPO_MIN_LEN and dominant_files >= TYPO_MIN_FILES \
        and not (has_diacritics(word) and not has_diacritics(dominant))


def _replacement(word: str, dominant: str, lang: str, table: dict[str, Spelling]) -> str:
    """The dominant spelling with ``word``'s inflectional ending, each measured from its base
    form in the corpus (Talebans beside Taleban, Taliban: Talibans; Ziffernblatts beside
    Ziffernblatt, Zifferblatts: Zifferblatts); the dominant spelling itself otherwise. The
    dominant spelling's base is never ``word`` nor its base (Poutine is no inflection of the
    slip Poutin, beside Poutins)."""
    base = _base(word, lang, table)
    dominant_base = _base(dominant, lang, table, {word, base})
    if base == word:
        return dominant_base
    pair = ending_change(word, base)
    if dominant_base == dominant and pair is not None and dominant.endswith(pair[0]):
        return dominant  # already inflected so
    return carry_ending(word, base, dominant_base)


def _base(word: str, lang: str, table: dict[str, Spelling], others: Collection[str] = ()) -> str:
    """The shortest spelling of the corpus of which ``word`` is an inflection, or ``word``;
    never one of ``others``."""
    for cut in range(min(MAX_ENDING, len(word) - 3), 0, -1):
        base = word[:-cut]
        if base not in others and base in table and ending_change(word, base) is not None and inflected(word, base, lang):
            return base
    return word
