"""From merged ``NameStats`` to clusters of spellings: ``finalize(stats)``.

1. Candidates: capitalised forms seen at least once in running text (not sentence-initial);
   lower-case rare forms join only as variants of a capitalised name.
2. Inflection groups: forms sharing a stem (``morph.stems``) or, in Russian, a name lemma are
   one group, never compared with each other; a group's count is the sum of its forms.
3. Blocking: every form is filed under keys of its stems: ``norm``, ``skel`` and SymSpell
   delete keys of ``norm``; only forms sharing a key are judged (``compare.judge``). The work
   grows with the number of forms, not with its square.
4. Union-find over accepted pairs; vetoes: forms of a pair that share a sentence.
5. Dominant group: most frequent (ties: first seen); every other group of the cluster is a
   minority, reported with the tier of its best link, unless it was judged apart from the
   dominant group itself (Novo -- Novi -- Nova: Novo is no variant of Nova). A lower-case word
   repeated as often as the name is a word, not a slip (virológica 6x / Virologia).
6. Multi-word names: runs with the same number of tokens that differ in exactly one token,
   the others equal after ``norm``, are judged the same way with the relaxed ``context`` rules
   (Ahmad Shad Massoud / Ahmad Shah Massoud); a token added or dropped (Ahmad Massoud /
   Ahmad Shah Massoud) is a different name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .compare import (BOTH_COMMON_ZIPF, CASE_SLIP_RARE_ZIPF, FIRST_LETTER_CLASSES, TIER_C_MAX_ZIPF_CONTEXT, adjacent_keys,
                      derivation_slip, judge, name_in_lower_case, name_like, truncation_slip, unknown_word)
from .morph import (CASE_LANGUAGES, carry_ending, derived, ending_change, genitive_carried, inflected, inflected_base,
                    russian_case_form, russian_known, russian_lemmas, russian_stem_slip, stems, suspect_ending,
                    without_ending)
from .extract import LOWER_MAX_ZIPF, PARTICLES
from .normalize import damerau, fold, has_diacritics, more_accented, norm, skel
from .stats import FormStat, NameStats
from .titles import is_title

MAX_BUCKET = 200  # a blocking key shared by more forms than this is too unspecific to use
WEAK_PARTNER_MAX_ZIPF = 2.0  # the mid-sentence spelling paired with a sentence-initial-only form
WEAK_LOWER_MAX_ZIPF = 4.0  # ... and with an unknown lower-case spelling without a shared neighbour
WEAK_LOWER_LONG = 8  # ... or any such spelling this long
INITIAL_MAX_ZIPF = 3.0  # a form seen only sentence-initially is a candidate below this
# ... or an international name (Muhammad, México), unless as written it is as common as the
# language's function words: its folded form is then another word (Über 6.4: uber, the firm)
FUNCTION_WORD_ZIPF = 6.0
INITIAL_TWIN_MAX_ZIPF = 4.0  # ... or below this beside its accent twin mid-sentence (Melenchon)
OPENER_MIN_ZIPF = 5.0  # a word capitalised only at sentence starts this common opens a sentence, no name (Según)
TIE_ZIPF_MARGIN = 1.0  # 1:1 ties: the form this much more common in the language dominates
PLAIN_WORD_ZIPF = 3.0  # ... and of two accent twins, the plain one only when a common word


@dataclass
class NameVariant:
    spelling: str  # the whole name as written (a multi-word name for multi-word clusters)
    count: int
    tier: str | None  # "A", "B", "C"; None for the canonical spelling
    kind: str  # "canonical", "diacritic", "transliteration", "typo"
    token: str  # the differing token (== spelling for single tokens)
    replacement: str  # what the differing token should read
    occurrences: list[tuple[int, int]] = field(default_factory=list)  # spans of ``token``
    locations: list[tuple[str, int, int]] = field(default_factory=list)  # (path, start, end) of ``spelling``
    base: str = ""  # the form of its inflection group that the fix's ending is measured from


@dataclass
class NameCluster:
    canonical: str
    count: int  # occurrences of every spelling together
    variants: list[NameVariant]  # the canonical first, then by count
    multiword: bool = False

    @property
    def minority(self) -> list[NameVariant]:
        return [v for v in self.variants if v.tier is not None]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        parent = self.parent
        p = parent.get(x)
        if p is None:
            parent[x] = x
            return x
        if p == x:
            return x
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra > rb:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _zipf_for(lang):
    from .. import lexicon

    try:
        lex = lexicon.get_lexicon(lang)
    except Exception:
        return lambda word: 0.0
    return lex.zipf


NAME_NEIGHBOUR_MAX_ZIPF = 4.0  # a capitalised neighbour this rare in the language is part of a name
ATTESTED_NAME_ZIPF = 1.8  # a word this frequent in one of the word lists is no random slip


def attested_anywhere(form: str, lang: str) -> bool:
    """Whether a word list (the text's language's, or another name language's) knows ``form``."""
    from .. import lexicon
    from .compare import _NAME_LANGS

    folded = form.casefold()
    return any(lexicon.zipf(folded, other) >= ATTESTED_NAME_ZIPF for other in {lang, *_NAME_LANGS, "ru"})


def _beside_a_name(forms: set[str], stats: NameStats, zipf) -> set[str]:
    """Those of ``forms`` that stand in a run of capitalised words beside one that is no common
    word of the language (a given name, a surname). One pass over the runs."""
    out = set()
    for key in stats.multi:
        words = key.split(" ")
        for form in forms.intersection(words):
            if form not in out and any(w != form and len(w) > 1 and zipf(w) < NAME_NEIGHBOUR_MAX_ZIPF for w in words):
                out.add(form)
    return out


def _sentences(st: FormStat) -> set:
    return {(loc[0], loc[3]) for loc in st.locations}


def _accent_dropped_inside(plain: str, accented: str) -> bool:
    """``plain`` is ``accented`` without its diacritics, which stand past the first letter (not
    a capital's, which French may leave off: Etat, État)."""
    return plain[:1] == accented[:1] and not has_diacritics(plain) and has_diacritics(accented[1:])


def _first(st: FormStat) -> tuple:
    return st.locations[0][:2] if st.locations else ("\uffff", 0)


def finalize(stats: NameStats) -> list[NameCluster]:
    lang = (stats.lang or "en")[:2]
    zipf = _zipf_for(lang)
    prefetch = getattr(zipf, "__self__", None)
    if prefetch is not None:  # one query for every form instead of one per form
        prefetch.prefetch(list(stats.tokens) + list(stats.lower))
    # Candidates: forms seen capitalised in running text; forms seen only sentence-initially
    # count when they are not common words (a name whose only other mention was changed).
    candidates = {
        w: st
        for w, st in stats.tokens.items()
        if st.noninitial > 0 or (len(w) >= 4 and (zipf(w) < INITIAL_MAX_ZIPF
                                                  or (zipf(w) < FUNCTION_WORD_ZIPF and name_like(fold(w), lang))))
    }
    # ... and when the text writes them mid-sentence with other accents, as a name the language
    # uses more: the accent twin's slip (Melenchon 3.3 at a sentence start beside Mélenchon 4.1;
    # not the word Über 6.4 beside the firm Uber 4.1, nor French Etat 5.1 beside État 5.6, where
    # capitals may go unaccented)
    # (or, whatever the word lists say, one that lacks an accent past its first letter, which a
    # capital may drop: Erdogan 4.4 beside Erdoğan 3.3 in German, a names tester's report)
    initial_only = [w for w in stats.tokens if w not in candidates and len(w) >= 4 and zipf(w) < OPENER_MIN_ZIPF]
    if initial_only:
        mid_sentence = {fold(w): w for w, st in candidates.items() if st.noninitial > 0}
        for w in initial_only:
            twin = mid_sentence.get(fold(w))
            if twin is not None and twin.casefold() != w.casefold() and (
                    zipf(w) < min(zipf(twin), INITIAL_TWIN_MAX_ZIPF) or _accent_dropped_inside(w, twin)):
                candidates[w] = stats.tokens[w]
    if lang == "ru":
        # ... and, in Russian, a name's case form seen only at a sentence start (Киев under a
        # heading beside Киеву, Киеве mid-sentence: one name; it stood apart as a common
        # word, and Кыива was judged against it alone: a tester's report)
        lemmas = {key for w in candidates for key in _group_keys(w, lang) if key.startswith("lemma:")}
        # (a case form starts with its lemma's letter: the other words are not parsed)
        initials = {key[6:7] for key in lemmas}
        for w in stats.tokens:
            if w not in candidates and w[:1].lower().replace("ё", "е") in initials and lemmas.intersection(_group_keys(w, lang)):
                candidates[w] = stats.tokens[w]
    people: set[frozenset[str]] = set()
    clusters = _single_token_clusters(stats, candidates, lang, zipf, people)
    clusters += _multiword_clusters(stats, candidates, lang, zipf, _single_ranks(clusters), people)
    clusters.sort(key=lambda c: (-c.count, c.canonical))
    return clusters


# ---------------------------------------------------------------------------- single tokens


def _single_token_clusters(stats, candidates, lang, zipf, people: set | None = None) -> list[NameCluster]:
    """``people``, when given, receives the pairs of spellings judged two people's names."""
    # 2. inflection groups
    groups = _UnionFind()
    by_stem: dict[str, str] = {}
    for form in sorted(candidates):
        for key in _group_keys(form, lang):
            other = by_stem.setdefault(key, form)
            if other.casefold() == form.casefold():
                continue  # DeSantis / Desantis: no inflection but a slip of case, for judge
            if other != form and (not russian_stem_slip(other, form) if key.startswith("lemma:")
                                  else not suspect_ending(other, form, lang)
                                  and not _truncated(other, form, candidates, lang, zipf)):
                groups.union(other, form)
    lower = {w: st for w, st in stats.lower.items() if w not in candidates}
    # A lower-case form that is judged only beside the rest of the name (``_judge_forms``: a
    # word of some use, a syllable after a hyphen) needs a neighbour that stands in a
    # multi-word name (the only place a capitalised spelling has such neighbours): the others
    # are dropped before blocking.
    needy = [w for w, st in lower.items() if _needs_the_name_beside(w, st, zipf)]
    if needy:
        in_names = {t for key in stats.multi for t in key.split(" ")}
        capitalised = {w.casefold() for w in candidates}
        for w in needy:
            if not any(n[1] in in_names for loc in lower[w].locations for n in loc[4]) \
                    and not (w in capitalised and _after_a_capital(lower[w], stats)):
                del lower[w]

    # Forms seen only at sentence starts and common in the language (Londonderry, British):
    # never a minority, but the dominant spelling of a mid-sentence capitalised form that the
    # word list does not know (Londondgerry, Britissh).
    weak = {w: st for w, st in stats.tokens.items() if w not in candidates and len(w) >= 4}
    if weak:
        unknown = [w for w in candidates if zipf(w) <= WEAK_PARTNER_MAX_ZIPF]
        if unknown and stats.multi:
            # (not a name the word lists know standing beside another name: Keir of Keir
            # Starmer is no slip of a sentence's Kein, nor Малли of Роберт Малли of Мало: a
            # tester's report; slips are unknown to every word list: Britissh)
            named = _beside_a_name(set(unknown), stats, zipf)
            unknown = [w for w in unknown if not (w in named and attested_anywhere(w, lang))]
        # and lower-case slips beside a capitalised word ("ctedit Suisse" for Credit Suisse)
        # (or no word list knows them: "the britlish healthcare system")
        unknown += [w for w, st in lower.items() if any(loc[4] for loc in st.locations) or unknown_word(w, zipf)]
        if unknown:
            # cheap filter first: the same first letter (typos seldom hit the first letter),
            # or one of its transliteration class (Kentro / Centro, Aurope / Europe), and a
            # length within 2 of it
            heads = {(c, len(w) + d) for w in unknown for c in _first_letters(w)
                     for d in (-2, -1, 0, 1, 2)}
            weak = {w: st for w, st in weak.items() if (w[:1].casefold(), len(w)) in heads}
            if weak:
                near = set()
                for w in unknown:
                    near |= _block_keys(w, lang)[1]
                weak = {w: st for w, st in weak.items() if _block_keys(w, lang)[1] & near}
        else:
            weak = {}
    # lower-case forms ("\x00" + form) and weak forms: a group of their own each
    table = {**{("\x00" + w): st for w, st in lower.items()}, **candidates, **weak}
    members: dict[str, list[str]] = defaultdict(list)
    gof: dict[str, str] = {}  # key -> its inflection group (computed once)
    joined = groups.parent  # only forms that were ever united are in the union-find
    for key in table:
        g = gof[key] = groups.find(key) if key in joined else key
        members[g].append(key)
    gcount = {g: sum(table[f].count for f in fs) for g, fs in members.items()}

    # 3. blocking: forms sharing a norm, skeleton or fold key; and, for Tier C, forms sharing a
    # SymSpell delete key with a form rare enough to be a typo (Tier C needs a minority with
    # Zipf <= TIER_C_MAX_ZIPF_CONTEXT, so pairs of two common forms need no delete keys).
    # Each key kind is filed in two dicts (see ``_file``): ``*first`` maps a key to its first
    # form, ``*shared`` lists the forms of the few keys that two or more forms share. Exact keys
    # of every form; delete keys of the rare forms only.
    bfirst: dict[str, str] = {}
    bshared: dict[str, list[str]] = {}
    dfirst: dict[str, str] = {}
    dshared: dict[str, list[str]] = {}
    keyinfo = {}
    rare = set()
    for key in table:
        form = key.lstrip("\x00")
        exact, deletes = _block_keys(form, lang)
        keyinfo[key] = deletes
        _file(key, exact, bfirst, bshared)
        if key.startswith("\x00") or zipf(form) <= TIER_C_MAX_ZIPF_CONTEXT:
            rare.add(key)
            _file(key, deletes, dfirst, dshared)
    # Pairs of forms of different inflection groups only (forms of one group share most keys),
    # in the order of the keys; the first occurrence of a pair is the one judged.
    pairs: list[tuple[str, str]] = []
    append = pairs.append
    for k in bfirst:  # in the order the keys first appeared
        bucket = bshared.get(k)
        if bucket is None:
            continue
        n = len(bucket)
        if n <= MAX_BUCKET:
            gs = [gof[x] for x in bucket]
            for i in range(n - 1):
                a, ga = bucket[i], gs[i]
                for j in range(i + 1, n):
                    if gs[j] != ga:
                        append((a, bucket[j]))
    if dfirst:
        # A rare form meets other rare forms only at shared keys (its other keys lead back to
        # itself); any other form meets every rare form with one of its keys.
        dkeys, skeys = dfirst.keys(), dshared.keys()
        for key, deletes in keyinfo.items():
            gk = gof[key]
            for k in (deletes & skeys if key in rare else deletes & dkeys):
                bucket = dshared.get(k)
                if bucket is None:
                    other = dfirst[k]
                    if gof[other] != gk:
                        append((key, other))
                elif len(bucket) <= MAX_BUCKET:
                    for other in bucket:
                        if gof[other] != gk:
                            append((key, other))

    # 4. judge pairs sharing a key
    links: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    judged_apart: dict[tuple[str, str], tuple[str, str]] = {}  # group pair -> forms judged apart
    seen_pairs: set[tuple[str, str]] = set()
    uf = _UnionFind()
    runs = None
    nbrs = None
    for a, b in pairs:
        pair = (a, b) if a < b else (b, a)
        if pair in seen_pairs:
            continue
        seen_pairs.add(pair)
        ga, gb = gof[a], gof[b]
        if nbrs is None:
            nbrs = _Neighbours(stats, frozenset(w for w in stats.tokens
                                                if w not in candidates and zipf(w) >= OPENER_MIN_ZIPF))
        verdict = _judge_forms(a, b, table, gcount[ga], gcount[gb], lang, zipf, weak, nbrs)
        if verdict is not None and verdict[1] == "diacritic" and lang != "en" and stats.multi \
                and not has_diacritics(verdict[2]):
            # the minority spelling without diacritics used only inside English-named entities:
            # Virginia (West Virginia Metro News) beside Virgínia
            if runs is None:
                runs = _run_index(stats)
            if _in_foreign_names(verdict[2], table[_key(verdict[2], table)], runs, lang):
                # a tie ordered by the accent: in the other order the plain spelling, that of
                # the English-named entity, dominates (Midsomér / Midsomer Norton)
                verdict = _judge_forms(a, b, table, gcount[ga], gcount[gb], lang, zipf, weak, nbrs, accents=False)
                if verdict is not None and not has_diacritics(verdict[2]):
                    # seen first, the accented spelling still dominates by position; beside
                    # the same words, and no commoner in the language, it is the slip of the
                    # entity's spelling (Midsômer Norton / Midsomer Norton); else two words
                    # (Virgínia / West Virginia; São Paulo / the Sao Paulo Fashion Week)
                    tie = gcount[ga] == gcount[gb] and _shared_neighbour(verdict[2], verdict[3], nbrs) \
                        and zipf(verdict[3]) <= zipf(verdict[2])
                    verdict = (verdict[0], verdict[1], verdict[3], verdict[2]) if tie else None
        link = (ga, gb) if ga < gb else (gb, ga)
        if verdict is None:
            judged_apart.setdefault(link, (a, b))
            continue
        old = links.get(link)
        if old is None or verdict[0] < old[0]:
            links[link] = verdict

    # Union the strongest links first; never join two groups whose members are inflections or
    # derivations of each other (Indonesia -- Indonessia -- Indonesian stays two names).
    comp_members: dict[str, list[str]] = {}
    for (ga, gb), verdict in sorted(links.items(), key=lambda item: (item[1][0], item[0])):
        ra, rb = uf.find(ga), uf.find(gb)
        if ra == rb:
            continue
        ma = comp_members.get(ra, [ga])
        mb = comp_members.get(rb, [gb])
        if _cannot_link(ma, mb, members, lang, table, zipf):
            continue
        uf.union(ra, rb)
        comp_members[uf.find(ra)] = ma + mb

    def apart(g: str, dom: str) -> bool:
        """The two groups were judged two names, and not only because they share a sentence
        (Taliban beside Taleban in one sentence may still be its variant through "telebans")."""
        link = (g, dom) if g < dom else (dom, g)
        forms = judged_apart.get(link) if link not in links else None
        if forms is None:
            return False
        a, b = forms
        return _judge_forms(a, b, table, gcount[gof[a]], gcount[gof[b]], lang, zipf, weak, nbrs,
                            cooccur_veto=False) is None

    if people is not None and nbrs is not None:
        people |= nbrs.people
    # 5. clusters
    comps: dict[str, list[str]] = defaultdict(list)
    for g in members:
        if g in uf.parent:
            comps[uf.find(g)].append(g)
    out = []
    for comp in comps.values():
        if len(comp) < 2:
            continue
        cluster = _make_cluster(comp, members, table, gcount, links, zipf, lang, apart)
        if cluster is not None:
            out.append(cluster)
    return out


def _first_letters(word: str) -> set[str]:
    """The first letter of ``word`` (case-folded) and the letters of its cheap classes."""
    c = word[:1].casefold()
    return {c}.union(*(cls for cls in FIRST_LETTER_CLASSES if c in cls))


def _file(form: str, keys: frozenset, first: dict[str, str], shared: dict[str, list[str]]) -> None:
    """File ``form`` under each of ``keys``: most keys belong to one form, so the first form of a
    key is kept with dict operations in C and a list is made only for a key's second form."""
    common = first.keys() & keys
    if common:
        for k in common:
            forms = shared.get(k)
            if forms is None:
                shared[k] = [first[k], form]
            else:
                forms.append(form)
        first.update(dict.fromkeys(keys - common, form))
    else:
        first.update(dict.fromkeys(keys, form))


@lru_cache(maxsize=65_536)
def _group_keys(form: str, lang: str) -> tuple[str, ...]:
    """Keys that put inflections of one name in one group: stems of 4+ letters and, in
    Russian, ``lemma:`` + each name lemma (memoised like ``_block_keys``)."""
    keys = {stem for stem in stems(form, lang) if len(stem) >= 4}
    if lang == "ru":
        keys |= {"lemma:" + lemma for lemma in russian_lemmas(form)}
    return tuple(sorted(keys))


@lru_cache(maxsize=16_384)  # the keys of a form take ~1.7 KB: the cache stays under 30 MB
def _block_keys(form: str, lang: str) -> tuple[frozenset, frozenset]:
    """Blocking keys of one form (memoised: names recur across the documents of a corpus):
    (norm, skeleton and fold keys; SymSpell delete keys of the stems' norm and fold)."""
    exact = set()
    deletes = set()
    for stem in stems(form, lang):
        n = norm(stem)
        if len(n) >= 3:
            exact.add("n:" + n)
            sk = skel(stem)
            if len(sk) >= 2:
                exact.add("s:" + sk)
            deletes.add(n)  # delete_keys(n), inlined
            deletes.update([n[:i] + n[i + 1 :] for i in range(len(n))])
        # (the fold keys also when the norm is short: Zhou is "ju", Zhlu "jlu"; they share "zhu")
        f = fold(stem)
        if f != n and len(f) >= 4:
            deletes.add(f)
            deletes.update([f[:i] + f[i + 1 :] for i in range(len(f))])
    exact.add("f:" + fold(form))
    return frozenset(exact), frozenset(deletes)


def _cannot_link(ga_list, gb_list, members, lang, table, zipf) -> bool:
    # the name in lower case (zelensky) is the name, not an inflection of it: it must not keep
    # its other spellings (Zelenskiy) from it, nor, where names decline, its case forms (лавров
    # beside Лавров and Лаврова: a names tester's report; not German services beside Services
    # and Service, an English word and a name's)
    capitalised = {m.casefold() for g in (*ga_list, *gb_list) for m in members[g] if not m.startswith("\x00")} \
        if lang in CASE_LANGUAGES else set()
    for ga in ga_list:
        for gb in gb_list:
            for x in members[ga]:
                for y in members[gb]:
                    wx, wy = x.lstrip("\x00"), y.lstrip("\x00")
                    if wx.casefold() == wy.casefold() or (x != wx and wx in capitalised) \
                            or (y != wy and wy in capitalised):
                        continue
                    if inflected(wx, wy, lang) and not _truncated(x, y, table, lang, zipf):
                        return True
                    # a once-used slip is no derivation (see judge)
                    if derived(wx, wy, lang) and not (
                        derivation_slip(wx, wy, table[x].count, lang, zipf)
                        or derivation_slip(wy, wx, table[y].count, lang, zipf)
                    ):
                        return True
    return False


def _truncated(x: str, y: str, table, lang: str, zipf) -> bool:
    """One of two keys of ``table`` is the other cut short (``compare.truncation_slip``)."""
    wx, wy = x.lstrip("\x00"), y.lstrip("\x00")
    return truncation_slip(wx, wy, table[x].count, lang, zipf) or truncation_slip(wy, wx, table[y].count, lang, zipf)


def _key(form: str, table) -> str:
    return form if form in table else "\x00" + form


FOREIGN_MIN_ZIPF = 3.5
FOREIGN_MARGIN = 1.0
_OTHER_LANGS = ("en",)  # English names are the foreign names news translations keep


@lru_cache(maxsize=50_000)
def _foreign_word(word: str, lang: str) -> bool:
    """A common English word, much rarer in ``lang`` (West, Make, Fish in a Portuguese text)."""
    from .. import lexicon

    here = lexicon.zipf(word, lang)
    for other in _OTHER_LANGS:
        if other != lang:
            z = lexicon.zipf(word, other)
            if z >= FOREIGN_MIN_ZIPF and z - here >= FOREIGN_MARGIN:
                return True
    return False


def _run_index(stats: NameStats) -> dict:
    """(path, token start) -> the tokens of the multi-word run holding that token."""
    runs = {}
    for key, ms in stats.multi.items():
        toks = key.split(" ")
        for loc in ms.locations:
            for (start, _end) in loc[4]:
                runs[(loc[0], start)] = toks
    return runs


def _in_foreign_names(form: str, st: FormStat, runs: dict, lang: str) -> bool:
    """Every occurrence of the form is inside a longer capitalised name with an English word
    ("West Virginia Metro News", "Make America Great", "Florida Fish and Wildlife"): the name
    of an English-named entity keeps its spelling without diacritics (Virginia beside Virgínia,
    America beside América), so it is no variant of the translated name."""
    if not st.locations:
        return False
    for loc in st.locations:
        toks = runs.get((loc[0], loc[1]))
        if toks is None or not any(t != form and len(t) > 2 and _foreign_word(t.casefold(), lang) for t in toks):
            return False
    return True


class _Neighbours:
    """Capitalised neighbours of each token inside multi-word names, one entry per distinct
    name (cost per distinct spelling): "Donald Trump" gives Trump {("L", "Donald")} and Donald
    {("R", "Trump")}. Particles are skipped ("Hernan de Diego": Diego has ("L", "Hernan")).
    Rare lower-case words bring the capitalised words beside them (``extract``: "trakc Palin").

    Built per word on demand: only the few forms of judged pairs are ever asked for, so the
    locations and multi-word names of every other form are never read."""

    def __init__(self, stats: NameStats, openers: frozenset[str] = frozenset()) -> None:
        self._stats = stats
        self._openers = openers
        self._memo: dict[str, set | None] = {}
        self._runs: dict | None = None
        self.people: set[frozenset[str]] = set()  # pairs of spellings judged two people's names

    def always_in_a_name(self, word: str, st: FormStat) -> bool:
        """Every occurrence of ``word`` (``st``'s locations) stands in a multi-word capitalised
        name, with a word besides sentence openers ("Desde Kyiv" at a sentence's start is none:
        a tester's report)."""
        if self._runs is None:
            self._runs = _run_index(self._stats)
        if not st.locations:
            return False
        for loc in st.locations:
            toks = self._runs.get((loc[0], loc[1]))
            if toks is None or all(t == word or t in self._openers for t in toks):
                return False
        return True

    @property
    def stats(self) -> NameStats:
        return self._stats

    def alone(self, word: str) -> bool:
        """Some occurrence of ``word`` stands outside every multi-word name (Putin said; not only
        Takis Biotech)."""
        st = self._stats.tokens.get(word)
        if st is None:
            return False
        named = sum(ms.count * key.split(" ").count(word) for key, ms in self._stats.multi.items() if word in key)
        return st.count > named

    def get(self, word: str) -> set | None:
        """The neighbours of ``word`` (a spelling without the lower-case marker); None if none."""
        if word in self._memo:
            return self._memo[word]
        out = set()
        for table in (self._stats.lower, self._stats.tokens):  # rare lower-case words: their
            st = table.get(word)  # capitalised neighbours; capitalised ones: all-capitals ones
            if st is not None:
                for loc in st.locations:
                    if loc[4]:
                        out.update(("L", n[1]) if n[0] == "-" else n for n in loc[4])
        _add_multi_neighbours(word, self._stats.multi, out, self._openers)
        result = self._memo[word] = out or None
        return result


def _add_multi_neighbours(word: str, multi, out: set, openers: frozenset[str] = frozenset()) -> None:
    """Add to ``out`` the neighbours of ``word`` inside the multi-word names ``multi``. A first
    word among ``openers`` (a common word capitalised only at sentence starts: "Según
    Khamenei", "Para Gaddafi") is no first name: no left neighbour of the next word (it keeps
    its own right neighbour: Track in "Track Palin" beside "trakc Palin")."""
    for key in multi:
        if word not in key:  # a substring test in C first: most names do not hold the word
            continue
        first = key.split(" ", 1)[0]
        toks = [t for t in key.split(" ") if t not in PARTICLES]
        for i, tok in enumerate(toks):
            if tok == word:
                if i and not (i == 1 and toks[0] == first and first in openers):
                    out.add(("L", toks[i - 1]))
                if i + 1 < len(toks):
                    out.add(("R", toks[i + 1]))


def _shared_neighbour(x: str, y: str, nbrs, side: str | None = None) -> bool:
    """The two spellings stand beside the same capitalised word on the same side (a first
    name, a surname or a title): "Thom Browne" / "Thon Browne", "Mr Gills" / "Mr Gils";
    with ``side`` ("L" or "R"), on that side only."""
    if not nbrs:
        return False
    nx, ny = nbrs.get(x), nbrs.get(y)
    if not (nx and ny):
        return False
    if side is None:
        return not nx.isdisjoint(ny)
    return any(n[0] == side for n in nx & ny)


def _judge_forms(a, b, table, ca, cb, lang, zipf, weak=(), nbrs=None, cooccur_veto=True, accents=True):
    """Judge two forms (keys of ``table``); returns (tier, kind, minority, dominant) or None.
    ``accents``: a tie of accent twins is ordered by ``_diacritic_tie`` (else as other ties)."""
    counts = (ca, cb)
    sa, sb = table[a], table[b]
    wa, wb = a.lstrip("\x00"), b.lstrip("\x00")
    lower_a, lower_b = a.startswith("\x00"), b.startswith("\x00")
    if lower_a and lower_b:
        return None
    if (lower_a or lower_b) and wa.casefold() == wb.casefold():
        # the name in lower case (Vladimir putin, Luis caputo beside Vladimir Putin, Luis Caputo):
        # after the capitalised word the name follows elsewhere, when the word is a name, not a
        # word of the language that a name holds ("Ukrainian railways" beside Ukrainian
        # Railways), or whatever the word when the name also stands alone (Putin 4.1, Macron 4.9
        # are words to the word lists); after another capitalised word the text writes inside a
        # sentence, only a word no list knows, where the name stands alone (Lamine yamal beside
        # Yamal; not "an Italian biotech company" beside Takis Biotech: a review)
        (word, st, count), (name, other) = ((wa, sa, ca), (wb, cb)) if lower_a else ((wb, sb, cb), (wa, ca))
        if not name[:1].isupper() or nbrs is None or (count > 1 and other < CASE_SLIP_RATIO * count):
            return None  # (a slip is seldom repeated: "Chinese zodiac" 3x beside Chinese Zodiac 4x
            # in product titles is a choice)
        shared, alone = _shared_neighbour(word, name, nbrs, "L"), nbrs.alone(name)
        if (shared and alone) or (name_in_lower_case(word, lang, zipf) and shared) \
                or (zipf(word) <= CASE_SLIP_RARE_ZIPF and alone and _after_a_capital(st, nbrs.stats)):
            return ("A", "typo", word, name)
        return None  # (after another capitalised word, a word of some use is an eponym's common
        # noun: French champagne, Hugo Boss cologne, British pence; a tester's report)
    if lower_a or lower_b:
        word, st = (wa, sa) if lower_a else (wb, sb)
        if not _shared_neighbour(wa, wb, nbrs) and _needs_the_name_beside(word, st, zipf):
            return None
    if a in weak or b in weak:
        # a sentence-initial-only form: only the dominant of an unknown capitalised spelling
        other, ow = (b, wb) if a in weak else (a, wa)
        if other in weak or zipf(ow) > WEAK_PARTNER_MAX_ZIPF:
            return None
        if (lower_a or lower_b) and not _shared_neighbour(wa, wb, nbrs) \
                and not (unknown_word(wa if lower_a else wb, zipf)
                         and (zipf(wb if lower_a else wa) < WEAK_LOWER_MAX_ZIPF
                              or len(wa if lower_a else wb) >= WEAK_LOWER_LONG)):
            # a lower-case slip needs the rest of the name beside it; or no word list knows it
            # and the capitalised word is no very common word (Londonderry; not Credit, ctedit),
            # or it is long (caliifornie beside a heading's Californie: a long slip is seldom a word)
            return None
        if (ca < cb) if a in weak else (cb < ca):
            return None
        ca, cb = (ca + 1, cb) if a in weak else (ca, cb + 1)  # ties: the known word dominates
    # Which is the minority: lower-case forms always; else the rarer group; ties: of two
    # spellings that differ in accents, as ``_diacritic_tie``; else the form much rarer in the
    # language, else the one seen later.
    za, zb = zipf(wa), zipf(wb)
    accent_winner = None if not accents or lower_a or lower_b or ca != cb else _diacritic_tie(wa, wb, zipf)
    if lower_a or lower_b:
        a_minor = lower_a
    elif ca != cb:
        a_minor = ca < cb
    elif accent_winner is not None:
        a_minor = accent_winner == wb
    elif abs(za - zb) >= TIE_ZIPF_MARGIN:
        a_minor = za < zb
    else:
        a_minor = _first(sa) > _first(sb)
    if a_minor:
        minority, dominant, cdom, cmin = wa, wb, cb, ca
    else:
        minority, dominant, cdom, cmin = wb, wa, ca, cb
    if (lower_a or lower_b) and lang == "ru" and russian_known(minority):
        return None  # a lower-case Russian dictionary word (каледонцев), not a slip
    if (lower_a or lower_b) and cmin >= max(2, cdom):
        return None  # a lower-case word repeated as often as the name: a word (virológica 6x
        # beside the Unidade de Virologia once), not a slip, which is seldom repeated
    cooc = cooccur_veto and _cooccur(sa if a_minor else sb, sb if a_minor else sa)
    in_names = (lambda: nbrs.always_in_a_name(minority, sa if a_minor else sb)) \
        if lang != "en" and nbrs is not None and not (lower_a or lower_b) else False
    verdict = judge(minority, dominant, cdom, lang, zipf, minority_count=cmin, cooccur=cooc, in_names=in_names)
    if verdict is None and _shared_neighbour(minority, dominant, nbrs):
        verdict = judge(minority, dominant, cdom, lang, zipf, context=True, minority_count=cmin, cooccur=cooc,
                        lead=_shared_neighbour(minority, dominant, nbrs, "L"), in_names=in_names)
    if verdict is None:
        if accent_winner is not None:  # the accent only orders the tie: a pair judged in the
            # other order stays a pair (Evening / Evêning: an English word is never the minority)
            return _judge_forms(a, b, table, *counts, lang, zipf, weak, nbrs, cooccur_veto, accents=False)
        return None
    if not (lower_a or lower_b) and verdict[0] != "A" and _side_by_side(minority, dominant, nbrs):
        return None  # two words of one name (Jaramogi Oginga Odinga: a names tester's report), not
        # two people's (which would keep Hong Xong from Hong Kong); but one word written twice,
        # once slipped, is a slip (Jewelry Jewêlry)
    if not (lower_a or lower_b) and _different_people(minority, dominant, nbrs, zipf, lang):
        nbrs.people.add(frozenset((minority, dominant)))  # (for the multi-word names: Mr Lamy)
        return None  # (asked only of accepted pairs: the neighbours are read for few forms)
    return (verdict[0], verdict[1], minority, dominant)


SURNAME_MIN_ZIPF = 2.0  # two surnames after two different first names: both this common (or
# beginning with neighbouring keys, neither commoner than TYPED_INITIAL_MAX_ZIPF)
TYPED_INITIAL_MAX_ZIPF = 3.5


def _different_people(x: str, y: str, nbrs, zipf, lang: str = "en") -> bool:
    """Two first names of two people: both spellings are established names (words of the
    language, Zipf >= BOTH_COMMON_ZIPF: Anna, Ana), each stands before a capitalised word (a
    surname) somewhere, and the two share no neighbour on either side ("Anna Schmidt ... Ana
    Smith"; not "Anna Schmidt ... Ana Schmidt", nor "Anna Schmidt ... Ana said", which may be
    her). A spelling no list knows stays a slip even of another person's first name (Hernaan
    Ferruchi beside Hernan Diego Mendoza: one of two Hernans misspelt); so does one written
    without its accent (Agencia Nacional beside Agência Brasil: one word, not two names)."""
    if not nbrs:
        return False
    if _given_name_before_a_surname(x, y, nbrs.get(x) or set(), nbrs.get(y) or set(), zipf):
        return True
    if _person_beside_country(x, y, nbrs, zipf, lang) or _person_beside_country(y, x, nbrs, zipf, lang, twice=True):
        return True
    if fold(x) == fold(y) and x.casefold() != y.casefold():
        return _accent_twins_before_two_surnames(x, y, nbrs, zipf, lang)
    low = min(zipf(x), zipf(y))  # (a case-only pair goes on: Ramsay MacDonald, John Macdonald)
    if low > 0 and _first_name_and_surname(x, y, nbrs, zipf):
        return True
    # (a first letter typed on the next key: a typing slip only in the same person's name, when
    # the name is no common word, which many names share as their last: Wall Street, Trump)
    typed_initial = adjacent_keys(fold(x)[:1], fold(y)[:1]) and max(zipf(x), zipf(y)) < TYPED_INITIAL_MAX_ZIPF
    if low < SURNAME_MIN_ZIPF and not typed_initial:
        return False
    # (a title both share is no sign of one person: Mr Lammy, Mr Lamy; David Lammy, Pascal Lamy)
    nx, ny = _first_name_neighbours(nbrs.get(x)), _first_name_neighbours(nbrs.get(y))
    if not (nx and ny) or not nx.isdisjoint(ny):
        return False
    # the words each stands before (surnames): two people's where both are common first names,
    # or rarer ones before rare words that are no spellings of one another (Daniil Medvedev,
    # Daniel Altmaier; Andrey Rublev, Andre Agassi: a names tester's report; not Alexey Navalnyi
    # beside Alexei Navalny, both names misspelt at once: a review)
    surnames_x, surnames_y = {n[1] for n in nx if n[0] == "R"}, {n[1] for n in ny if n[0] == "R"}
    if surnames_x and surnames_y and (low >= BOTH_COMMON_ZIPF or (
            low >= SURNAME_MIN_ZIPF and all(zipf(word) < NAME_NEIGHBOUR_MAX_ZIPF for word in surnames_x | surnames_y)
            and not any(damerau(fold(a), fold(b)) <= 2 for a in surnames_x for b in surnames_y))):
        return True
    # two surnames after two first names (Olaf Scholz, Martin Schulz; John Healey, Nikki Haley):
    # two people, each spelling known to the word list (a slip seldom changes the first name too),
    # or any two whose first letters are neighbouring keys (Justin Lessler, Ronald Kessler: no
    # typing slip); a title is no first name (Mr Jonson beside Boris Johnson is his slip)
    return any(n[0] == "L" and not is_title(n[1]) for n in nx) and any(n[0] == "L" and not is_title(n[1]) for n in ny)


def _side_by_side(x: str, y: str, nbrs) -> bool:
    """``x`` stands right beside ``y`` inside some multi-word name."""
    return bool(nbrs) and bool({("R", y), ("L", y)} & (nbrs.get(x) or set()))


def _given_name_before_a_surname(minority: str, dominant: str, beside_minority: set, beside_dominant: set,
                                 zipf) -> bool:
    """The minority, a common first name (Rodrigo), stands before a surname (De Paul), and the
    dominant spelling, rarer in the word lists, never beside a capitalised word (Rodrygo, the
    player known by one name): two people, not a slip (a names tester's report; a slip into the
    common name would keep the dominant spelling's neighbours: Rodrygo Goes)."""
    return zipf(minority) >= BOTH_COMMON_ZIPF and zipf(minority) > zipf(dominant) and not beside_dominant \
        and any(n[0] == "R" and not is_title(n[1])
                and (n[1].casefold() in PARTICLES or zipf(n[1]) < NAME_NEIGHBOUR_MAX_ZIPF) for n in beside_minority)


def _person_beside_country(person: str, country: str, nbrs, zipf, lang: str, twice: bool = False) -> bool:
    """A minority first name known to the word list, before a surname and after no other name,
    beside a country's name (the CLDR's, in the text's language) never before a capitalised
    word: a person named like the country, not its slip (Giorgia Meloni beside Georgia, the
    country: a names tester's report). The other way round (``twice``: the country's spelling is
    the minority) only where it recurs: once, it may be her name misspelt ("Giorgia Meloni" 3x,
    "Georgia said": a review); a slip is seldom repeated ("visited Georgia", "Georgia welcomed
    her")."""
    if zipf(person) <= 0:
        return False  # (a slip no list knows, Georgja Meloni, stays one)
    if twice and getattr(nbrs.stats.tokens.get(country), "count", 0) < 2:
        return False
    before_person, before_country = nbrs.get(person) or set(), nbrs.get(country) or set()
    if any(n[0] == "R" for n in before_country) or not any(
            n[0] == "R" and zipf(n[1]) < NAME_NEIGHBOUR_MAX_ZIPF for n in before_person):
        return False
    if any(n[0] == "L" and not is_title(n[1]) for n in before_person):
        return False  # a word inside a longer name, not a first name (South Chine Morning Post)
    from ..style.cldr import country_names

    countries = country_names(lang)[0]
    return country.casefold() in countries and person.casefold() not in countries


_NO_FIRST_NAMES = PARTICLES - {"ben", "an", "la", "le", "del", "van", "di"}  # (Ben, Van are first names too)


def _first_name_neighbours(neighbours: set | None) -> set:
    """``neighbours`` that may be first names: not titles or particles (Mr Lamy; Al-Sissi at a
    sentence's start beside Abdel Fattah al-Sisi: a names tester's report), but the particles
    that are first names too (Ben Healey, Van Morrison: a review)."""
    return {n for n in neighbours if not is_title(n[1]) and n[1].casefold() not in _NO_FIRST_NAMES} \
        if neighbours else set()


def _first_name_and_surname(x: str, y: str, nbrs, zipf) -> bool:
    """One spelling stands before two or more names (the first name of several people: Mohamed
    Hamdan Dagalo, Mauritania Mohamed Ould Ghazouani), the other only after capitalised words (a
    surname: Hassan Sheikh Mohamud; not after a title, Crown Prince Muhammed), each always inside a
    name: two people's names, not a slip, which keeps its place in the name (a tester's report;
    not Cricket Australia and Cricket-Behörden beside Fox Kricket: one word in several names, the
    slip in one)."""
    nx, ny = nbrs.get(x) or set(), nbrs.get(y) or set()
    for first, last in ((nx, ny), (ny, nx)):
        if last and all(n[0] == "L" and not is_title(n[1]) for n in last) \
                and sum(n[0] == "R" and zipf(n[1]) < NAME_NEIGHBOUR_MAX_ZIPF for n in first) >= 2:
            return not nbrs.alone(x) and not nbrs.alone(y)
    return False


SURNAME_MAX_ZIPF = 5.3  # a capitalised word after a first name rarer than this is a surname
# (Rodríguez 4.7, Sánchez 4.7; not Nacional 5.7 or Brasil 6.0 after Agencia / Agência)


def _accent_twins_before_two_surnames(x: str, y: str, nbrs, zipf, lang: str) -> bool:
    """Two first names that differ in accents only are two people when the name is one other
    languages use too (written without accents there), both spellings are known to the word
    list, and each stands before its own surname (Angela Merkel, Ángela Rodríguez: a review);
    not words of the language (Agência Farmacêutica beside Agencia Italiana, Europäischen
    Union beside Europaischen Kommission: one word, slipped), nor before a common word
    (Agencia Nacional beside Agência Brasil)."""
    if not name_like(fold(x), lang) or min(zipf(x), zipf(y)) <= 0:
        return False  # (both spellings in use: a slip no list knows, Brightoñ, is no other name)
    nx, ny = nbrs.get(x), nbrs.get(y)
    if not (nx and ny) or not nx.isdisjoint(ny):
        return False
    rx, ry = [n[1] for n in nx if n[0] == "R"], [n[1] for n in ny if n[0] == "R"]
    return bool(rx and ry) and all(zipf(word) < SURNAME_MAX_ZIPF for word in rx + ry)


def _needs_the_name_beside(word: str, st: FormStat, zipf) -> bool:
    """A lower-case word of some use (``extract``: "jhonny English"), or a syllable after a
    hyphen (Byeong-seug, Rheinland-pfalx), is a slip of a name only beside the rest of it."""
    return zipf(word) > LOWER_MAX_ZIPF or _syllable(st)


CASE_SLIP_RATIO = 3  # a lower-case spelling used more than once: only beside a name this many times commoner


def _after_a_capital(st: FormStat, stats: NameStats) -> bool:
    """Some occurrence of a lower-case form follows a capitalised word (``extract``'s context)
    that the document also writes capitalised inside a sentence (Vladimir putin; not a sentence's
    first word: Water polo, Les oscars de la musique; a review)."""
    tokens = stats.tokens
    return any(n[0] == "L" and n[1] in tokens and tokens[n[1]].noninitial
               for loc in st.locations for n in loc[4])


def _syllable(st: FormStat) -> bool:
    """Every occurrence of a lower-case form follows a capitalised word and a hyphen."""
    return all(any(n[0] == "-" for n in loc[4]) for loc in st.locations)


def _cooccur(minority: FormStat, dominant: FormStat) -> bool:
    """Veto: every sentence with the minority form also has the other form ("Iran and Iraq")."""
    mine = _sentences(minority)
    return bool(mine) and mine <= _sentences(dominant)


def _neg(first: tuple) -> tuple:
    # Larger = seen earlier, so that (count, _neg(first)) orders the dominant form last.
    path, start = first
    return (tuple(-ord(c) for c in path), -start)


def _make_cluster(comp, members, table, gcount, links, zipf, lang, apart=None) -> NameCluster | None:
    """``apart(group, dominant)``: the two groups were judged two names. A minority joined to
    the dominant spelling only through a third spelling is then not reported (Novo -- Novi --
    Nova: Novo and Nova are two words)."""
    def group_first(g):
        return min(_first(table[f]) for f in members[g])

    capital = [g for g in comp if not g.startswith("\x00")]
    if not capital:
        return None
    top = max(gcount[g] for g in capital)
    tied = sorted((g for g in capital if gcount[g] == top), key=group_first)
    dom = _tie_winner(tied, zipf, links)
    dom_forms = sorted(members[dom], key=lambda f: (-table[f].count, _first(table[f])))
    canonical = dom_forms[0]

    def base_form(forms: list[str]) -> str:
        # an inflection group's shortest form stands for the name (Taliban beside Talibans x3,
        # Шольц beside Шольца x3): fixes carry endings from it (``carry_ending``)
        return min(forms, key=lambda f: (len(f), -table[f].count, f)).lstrip("\x00")

    dom_base = base_form(dom_forms)
    # (the name a house list drafts, ``NameVariant.base``: in Russian the nominative, also where
    # the text has only case forms: Киев of Киева, Киеву; a listed case form would have --fix
    # write it for the name's every mention: a tester's report)
    dom_name = (_nominative(dom_forms) if lang == "ru" else None) or dom_base
    variants = [
        NameVariant(f, table[f].count, None, "canonical", f, f, _spans(table[f]), _locs(table[f]), dom_name)
        for f in dom_forms
    ]
    minority = []
    for g in comp:
        if g == dom or (apart is not None and apart(g, dom)):
            continue
        link = _best_link(g, dom, comp, links)
        tier, kind = link if link else ("C", "typo")
        base = base_form(members[g])
        name = base
        if lang == "ru" and not g.startswith("\x00"):
            name = _nominative(members[g]) or base
        elif len(members[g]) == 1 and not g.startswith("\x00"):
            # a form alone with an ending the dominant name's forms take: its name without it
            # (Selenskys beside Selenskyj, Selenskyjs: Selensky, which a house list matches in
            # every form; a listed Selenskys had --fix write "Selenskyj Büro": a tester's report)
            name = _without_attested_ending(base, dom_forms, dom_base) \
                or (base[:-1] if genitive_carried(base, dom_base, lang) else base)  # (Kiews: Kiew)
        for f in members[g]:
            word = f.lstrip("\x00")
            replacement = carry_ending(word, base, dom_base) if word != base \
                else _attested_ending(word, dom_forms, dom_base, lang)
            if replacement == dom_base and word != base:
                # an ending the base form cannot take (Зеленського of Зеленськый, and Зеленский
                # ends otherwise): the dominant spelling's form the document writes with it
                replacement = _form_with_ending(word, dom_forms, dom_base) or replacement
            elif word == base and name != base and dom_name == dom_base and replacement == dom_base \
                    and damerau(fold(name), fold(dom_base)) < damerau(fold(word), fold(dom_base)):
                # a case form alone, beside the name in the nominative: its ending carried from its
                # own nominative (Кыива of Кыив beside Киев -> Киева, not Киев: a tester's report);
                # not a form that spells the name itself (Гойта, read as Гойт's genitive, beside
                # Гоита: Гоитаа was a names tester's report)
                carried = carry_ending(word, name, dom_base)
                replacement = carried if carried != word else replacement
            minority.append(
                NameVariant(word, table[f].count, tier, kind, word, replacement, _spans(table[f]), _locs(table[f]),
                            name)
            )
    if not minority:
        return None
    minority.sort(key=lambda v: (-v.count, v.locations[0] if v.locations else ("", 0)))
    total = sum(v.count for v in variants) + sum(v.count for v in minority)
    return NameCluster(canonical, total, variants + minority)


def _nominative(forms: list[str]) -> str | None:
    """The name whose case forms ``forms`` all are, as pymorphy3 gives it (Киева, Киеву ->
    Киев; Зеленского -> Зеленский), capitalised as they are; None when they are not all forms
    of one name."""
    common = None
    for form in forms:
        lemmas = russian_lemmas(form.lstrip("\x00"))
        common = lemmas if common is None else common & lemmas
        if not common:
            return None
    if len(common) != 1:
        return None
    lemma = next(iter(common))
    first = forms[0].lstrip("\x00")
    # (only where the name's letters are the forms' own up to their endings: ё written е)
    if not fold(first).startswith(fold(lemma)[:max(1, len(lemma) - 2)]):
        return None
    return lemma[:1].upper() + lemma[1:] if first[:1].isupper() else lemma


def _diacritic_tie(a: str, b: str, zipf) -> str | None:
    """The dominant one of two spellings used equally often that differ only in accents; None
    for other pairs. The accented one (Fávaro / Favaro), in every language: dropping an accent
    is the common slip, and word lists seldom know the accented name, so frequency would pick
    the slip. Unless the language writes the word without it: the accent-less twin is a common
    word (Zipf >= PLAIN_WORD_ZIPF) far commoner than the accented one (Canada / Canadá,
    Coronavirus / Coronavírus in English; Michael / Michaël in German; Show / Shôw)."""
    accented = more_accented(a, b)
    if accented is None:
        return None
    plain = b if accented == a else a
    z_plain = zipf(plain)
    if z_plain >= PLAIN_WORD_ZIPF and z_plain >= zipf(accented) + TIE_ZIPF_MARGIN:
        return plain
    return accented


def _tie_winner(tied: list[str], zipf, links) -> str:
    """The dominant one of groups used equally often (``tied``, in the order first seen): of
    spellings that differ in accents, the dominant one of their link (``_judge_forms``: as
    ``_diacritic_tie`` unless only the other order was a pair); else the first seen, unless
    another is much more common in the language."""
    first = tied[0]
    for other in tied[1:]:
        winner = _diacritic_tie(other, first, zipf)
        if winner is not None:
            link = links.get((other, first) if other < first else (first, other))
            return link[3] if link is not None and link[3] in (other, first) else winner
    best = max(tied, key=zipf)
    return best if zipf(best) >= zipf(first) + TIE_ZIPF_MARGIN else first


def _best_link(g, dom, comp, links):
    key = (g, dom) if g < dom else (dom, g)
    if key in links:
        return links[key][:2]
    best = None
    for (x, y), v in links.items():
        if g in (x, y) and (best is None or v[0] < best[0]):
            best = v[:2]
    return best


def _form_with_ending(word: str, dom_forms: list[str], base: str) -> str | None:
    """The form of ``dom_forms`` whose ending (its difference from ``base``) ``word`` ends in too,
    the longest such ending (Зеленского for Зеленського); None when none."""
    best, longest = None, 0
    for form in dom_forms:
        pair = ending_change(form, base)
        if pair is not None and longest < len(pair[0]) and word.endswith(pair[0]) and len(word) - len(pair[0]) >= 3:
            best, longest = form, len(pair[0])
    return best


def _without_attested_ending(word: str, dom_forms: list[str], base: str) -> str | None:
    """``word`` with the ending its ``_form_with_ending`` adds to ``base`` taken back off."""
    form = _form_with_ending(word, dom_forms, base)
    pair = ending_change(form, base) if form is not None and form != base else None
    if not pair or not pair[0]:
        return None
    return word[:len(word) - len(pair[0])] + pair[1]


def _attested_ending(word: str, dom_forms: list[str], base: str, lang: str | None) -> str:
    """The dominant spelling's form with the ending ``word`` ends in, when the document uses
    it (Talebans -> Talibans beside Taliban x3, Talibans x1); with the dominant spelling used in
    one form only, that form with a capitalised ``word``'s inflectional ending (Talebans beside
    Taliban x3 alone: ``inflected_base``; Pashtoon beside Pashtuns alone: Pashtun); else the
    dominant spelling's form closest to ``word``, its base form ``base`` in a tie (Навальнй ->
    Навальный, not Навальная, where the word list makes the two one name)."""
    attested = _form_with_ending(word, dom_forms, base)
    if attested is not None:
        return attested
    if lang == "ru" and word[:1].isupper():  # the case the word's ending shows (Зеленського -> Зеленского)
        form = russian_case_form(word, base)
        if form is not None:
            return form
    best = base
    if len(dom_forms) < 2 and word[:1].isupper():  # (a lower-case word is another word's form)
        stem = inflected_base(word, base, lang)
        if stem:
            return carry_ending(word, stem, base)
        genitive = genitive_carried(word, base, lang)
        if genitive:
            return genitive
        # a word without the ending of the dominant spelling's one form: that form without it
        # (Pashtoon beside Pashtuns alone: Pashtun; "A Pashtuns elder" was a tester's report)
        return without_ending(base, word, lang) or best
    folded = fold(word)

    def closeness(form: str) -> tuple:  # (then the longer shared start: Навальнайа -> Навальная)
        other = fold(form)
        shared = next((i for i, (x, y) in enumerate(zip(folded, other)) if x != y), min(len(folded), len(other)))
        return damerau(folded, other), -shared, form != base

    return min(dom_forms, key=closeness)


def _spans(st: FormStat) -> list[tuple[int, int]]:
    return [(loc[1], loc[2]) for loc in st.locations]


def _locs(st: FormStat) -> list[tuple[str, int, int]]:
    return [(loc[0], loc[1], loc[2]) for loc in st.locations]


# ------------------------------------------------------------------------- multi-word names


def _trimmed_multi(stats: NameStats, candidates, written: dict | None = None) -> dict[tuple[str, ...], list]:
    """Multi-word forms with a leading sentence-initial non-candidate token removed; ``written``
    receives, for every form, how often each way of writing it occurs (``stats.written``, cut as
    the form is; with spaces for a key it has no entry for)."""
    out: dict[tuple[str, ...], list] = defaultdict(list)
    for key, st in stats.multi.items():
        toks = tuple(key.split(" "))
        ways = stats.written.get(key) if written is not None else None
        counted = False
        for loc in st.locations:
            spans = loc[4]
            t, s = toks, spans
            if t[0] not in candidates:
                t, s = t[1:], s[1:]
                while t and t[0] in PARTICLES:
                    t, s = t[1:], s[1:]
            if len(t) >= 2:
                if written is not None and not counted:  # (each key once: it trims the same way)
                    counted = True
                    cut = len(toks) - len(t)
                    mine = written.setdefault(t, {})
                    for gaps, n in (ways or {(" ",) * (len(toks) - 1): st.count}).items():
                        mine[gaps[cut:]] = mine.get(gaps[cut:], 0) + n
                out[t].append((loc[0], s[0][0], s[-1][1], loc[3], s))
    return out


def _single_ranks(clusters: list[NameCluster]) -> dict[str, tuple[int, bool]]:
    """Each spelling of the single-token clusters -> (its cluster, whether it is dominant)."""
    ranks: dict[str, tuple[int, bool]] = {}
    for k, cluster in enumerate(clusters):
        for v in cluster.variants:
            ranks.setdefault(v.spelling, (k, v.tier is None))
    return ranks


def _single_prefers(x: str, y: str, ranks: dict[str, tuple[int, bool]]) -> bool:
    """The single-token clusters hold ``x`` for the dominant spelling and ``y`` for its variant."""
    rx, ry = ranks.get(x), ranks.get(y)
    return rx is not None and ry is not None and rx[0] == ry[0] and rx[1] and not ry[1]


def _only_difference(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """The position of the one token in which two equally long names differ, else None."""
    if len(a) != len(b):
        return None
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return diff[0] if len(diff) == 1 else None


def _particle_case(a: str, b: str) -> bool:
    """Two spellings of one particle in other case (le / Le, de / De, van / Van)."""
    return a != b and a.casefold() == b.casefold() and a.casefold() in PARTICLES


def _judge_multi(mi: tuple, do: tuple, i: int, forms, lang: str, zipf):
    """``judge`` of the tokens at ``i`` of two multi-word names, the rest of them shared; a
    particle's case changed once beside a name written 2+ times the other way is a slip of it
    (Marine le Pen beside Marine Le Pen, Charles De Gaulle beside Charles de Gaulle: a names
    tester's report)."""
    if _particle_case(mi[i], do[i]):
        if len(forms[mi]) != 1:
            return None
        # the particle with the word after it, in every name that has them (Mme le Pen beside
        # Mme Le Pen once and Marine Le Pen twice: a names tester's report)
        def after(toks: tuple) -> int:
            return _pair_count(forms, toks[i:i + 2]) if i + 1 < len(toks) else len(forms[toks])

        return ("A", "typo") if max(len(forms[do]), after(do)) >= 2 and after(mi) == 1 else None
    cooc = {(l[0], l[3]) for l in forms[mi]} <= {(l[0], l[3]) for l in forms[do]}
    return judge(mi[i], do[i], len(forms[do]), lang, zipf, context=True,
                 minority_count=len(forms[mi]), cooccur=cooc, lead=i > 0, name=do, in_names=True)


def _pair_count(forms, pair: tuple) -> int:
    """Occurrences of two tokens in a row (``pair``) after another word in the multi-word names
    ``forms``: a particle that opens a name may open a sentence (Von der Leyen said: a review)."""
    return sum(len(locs) for toks, locs in forms.items()
               if any(toks[k:k + 2] == pair for k in range(1, len(toks) - 1)))


def _multi_order(a, b, i, forms, mscore, zipf) -> tuple[tuple, tuple]:
    """(minority, dominant) of two names differing at token ``i``: the commoner is dominant;
    ties: of accent twins, as ``_diacritic_tie``; else the token much rarer in the language is
    the minority; else the one seen later."""
    score_a, score_b = mscore(a), mscore(b)
    if score_a == score_b:
        winner = _diacritic_tie(a[i], b[i], zipf)
        if winner is not None:
            return (b, a) if winner == a[i] else (a, b)
        za, zb = zipf(a[i]), zipf(b[i])
        if abs(za - zb) >= TIE_ZIPF_MARGIN:  # as single tokens: the much rarer spelling is
            return (a, b) if za < zb else (b, a)  # the slip (Salt Lake Ciy / Salt Lake City)
    if (score_a, _neg(forms[a][0][:2])) < (score_b, _neg(forms[b][0][:2])):
        return a, b
    return b, a


def _agreeing_dominant(dom: tuple, comp: list[tuple], mscore, ranks, zipf) -> tuple:
    """Move the dominance of a multi-word cluster to the spelling whose differing token the
    single-token clusters hold dominant, or, in a tie, to the accent twin that
    ``_diacritic_tie`` prefers, so that the two
    kinds of cluster never suggest opposite fixes in one run (Carlos Favaro -> Carlos Fávaro
    beside Fávaro -> Favaro)."""
    for _ in range(len(comp)):  # each move makes one more token agree; bounded all the same
        for toks in comp:
            i = _only_difference(toks, dom)
            if i is None or _single_prefers(dom[i], toks[i], ranks):
                continue
            if _single_prefers(toks[i], dom[i], ranks) or (
                    mscore(toks) == mscore(dom) and _diacritic_tie(toks[i], dom[i], zipf) == toks[i]):
                dom = toks
                break
        else:
            return dom
    return dom


def _multiword_clusters(stats, candidates, lang, zipf, ranks=None, people=frozenset()) -> list[NameCluster]:
    """``ranks``: the single-token clusters' spellings (``_single_ranks``), whose dominance
    a multi-word cluster follows; ``people``: pairs of single spellings judged two people's
    names, which a shared title does not make one (Mr Lammy, Mr Lamy)."""
    ranks = ranks or {}
    written: dict[tuple[str, ...], dict[tuple[str, ...], int]] = {}
    # (counted only where the document writes a name with a hyphen: else every name has spaces)
    forms = _trimmed_multi(stats, candidates, written if stats.written else None)

    def as_written(toks: tuple[str, ...]) -> str:
        """As most occurrences write it (ties: with the hyphen); with spaces when no entry."""
        counts = written.get(toks)
        if not counts:
            return " ".join(toks)
        gaps = max(counts, key=lambda g: (counts[g], g != (" ",) * len(g), g))
        return toks[0] + "".join(g + t for g, t in zip(gaps, toks[1:]))

    if len(forms) < 2:
        return []
    for locs in forms.values():
        locs.sort()
    buckets: dict[tuple, list] = defaultdict(list)
    for toks in forms:
        normed = tuple(norm(t) for t in toks)
        for i in range(len(toks)):
            buckets[(len(toks), i, normed[:i] + normed[i + 1 :])].append(toks)
    def mscore(toks):
        # Multi-word spellings: their own count, then how often their tokens occur alone.
        single = sum(stats.tokens[t].count if t in stats.tokens else 0 for t in toks)
        return (len(forms[toks]), single)

    uf = _UnionFind()
    links: dict[tuple, tuple] = {}
    for (n, i, _), bucket in buckets.items():
        if len(bucket) < 2 or len(bucket) > MAX_BUCKET:
            continue
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                a, b = bucket[x], bucket[y]
                ta, tb = a[i], b[i]
                if ta == tb or ((len(ta) < 3 or len(tb) < 3) and not _particle_case(ta, tb)):
                    continue
                if people and frozenset((ta, tb)) in people and all(is_title(t) for t in a[:i] + a[i + 1:]):
                    continue
                mi, do = _multi_order(a, b, i, forms, mscore, zipf)
                verdict = _judge_multi(mi, do, i, forms, lang, zipf)
                if verdict is None and mscore(mi) == mscore(do) \
                        and abs(zipf(mi[i]) - zipf(do[i])) < TIE_ZIPF_MARGIN:
                    # a tie ordered by position only is a guess: a pair in the other order is
                    # a pair all the same (Hong Kung seen before Hong Kong). Not a tie ordered
                    # by frequency: Donald Tramp is no slip of Trump's (an English word), and
                    # Trump none of Tramp's
                    mi, do = do, mi
                    verdict = _judge_multi(mi, do, i, forms, lang, zipf)
                if verdict is None:
                    continue
                uf.union(a, b)
                links[(mi, do)] = (verdict[0], verdict[1], i)
    comps: dict = defaultdict(list)
    for toks in list(uf.parent):
        comps[uf.find(toks)].append(toks)
    minors = {mi for mi, _ in links}
    out = []
    for comp in comps.values():
        if len(comp) < 2:
            continue
        # the most used spelling; in a tie, one that no link makes the minority (a tie is
        # ordered by the words' frequency before position: ``_multi_order``)
        dom = min(comp, key=lambda t: (tuple(-x for x in mscore(t)), t in minors, forms[t][0][:2]))
        dom = _agreeing_dominant(dom, comp, mscore, ranks, zipf)
        dl = forms[dom]
        variants = [
            NameVariant(as_written(dom), len(dl), None, "canonical", " ".join(dom), " ".join(dom),
                        [(l[1], l[2]) for l in dl], [(l[0], l[1], l[2]) for l in dl])
        ]
        for toks in comp:
            if toks == dom:
                continue
            link = links.get((toks, dom))
            if link is None:  # linked through another spelling: find the differing position
                diff = [k for k in range(len(toks)) if toks[k] != dom[k]] if len(toks) == len(dom) else []
                if len(diff) != 1:
                    continue
                cand = [v for (m, d), v in links.items() if m == toks or d == toks]
                tier, kind = (cand[0][0], cand[0][1]) if cand else ("C", "typo")
                i = diff[0]
            else:
                tier, kind, i = link
            ll = forms[toks]
            variants.append(
                NameVariant(as_written(toks), len(ll), tier, kind, toks[i], dom[i],
                            [l[4][i] for l in ll], [(l[0], l[1], l[2]) for l in ll])
            )
        if len(variants) < 2:
            continue
        variants[1:] = sorted(variants[1:], key=lambda v: -v.count)
        out.append(NameCluster(variants[0].spelling, sum(v.count for v in variants), variants, multiword=True))
    return out
