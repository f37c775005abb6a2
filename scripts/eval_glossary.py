#!/usr/bin/env python3
"""Evaluate the glossary rules (TC201-TC203) on TICO-19 (CC0): recall on units where an error
was injected, false positives on untouched units, per language pair.

For each pair (en->pt-BR, en->es-419, en->fr) the script reads the TMX translation memory with
an XML parser, leaves out documents whose units are not translations of each other (checked
without the glossary, by the numbers the source and target share: TICO-19's en->fr PubMed_8,
Wikinews_3 and Wikinews_1), and splits the units into two seeded halves, **dev** and **held-out**, before
anything else. The glossary is the pair's termbase CSV (``terminologies/g_en_*.csv``) loaded
through transcheck's own loader, plus, as *deprecated* rows, the other TICO-19 termbase's
(``f_en-*``) different renderings of the same source terms that the dev half's translators never
use. Every unit is checked through the rules (``checker.pipeline.check_document``, the code
path of ``transcheck check --source``).

A unit is *eligible* when its source contains a glossary term whose approved translation its
target contains. In about half of the eligible units (each unit drawn with probability
``--share`` by its own generator, seeded by the run's seed, the unit's place and its id, so
that whether one unit is eligible moves no other unit's draw), one such term's target rendering
is replaced by one of (chosen at random among those possible for that term):

* ``omitted``        the term is dropped from the translation (its words deleted);
* ``paraphrase``     the term's last word is replaced by another word of the same language taken
                     from a different unit (a wrong, real word);
* ``typo``           one random edit (swap, drop, double or substitute a letter) in the term's
                     longest word;
* ``untranslated``   the English source term is left in place of the translation;
* ``other-language`` the same source term's rendering in another pair's termbase (a Spanish or
                     French form in a Portuguese translation, ...);
* ``deprecated``     a deprecated rendering (the other termbase's, see above).

Recall counts an injected unit as found when a finding points at the injected error: a TC201
finding (its span is the whole unit) naming the injected entry's approved term, or a TC202/TC203
finding over the injected words. The false-positive rate is the share of untouched units (never
injected) with any glossary finding; it is also given for the untouched units that contain a term.

Four runs per pair:

* ``raw, dev`` / ``raw, held-out``: the published termbase. TICO-19's termbases are not what its
  translators followed everywhere (the pt-BR termbase spells *infetado* and names the Portuguese
  *Direção-Geral da Saúde* for the CDC; the French one prescribes *SRAS-CoV-2* where the
  translations write SARS-CoV-2), so many "false positives" here are real departures from it;
* ``curated, dev (in-sample)`` / ``curated, held-out``: a simulation of a maintained glossary.
  Entries that the untouched dev units contradict (a finding naming them on at least
  ``--min-blamed`` units, default 3, or on more than 20% of the units where their source term
  occurs) are dropped, as an editor would fix them. A finding names every row with its source
  term (``glossary_entries``: *medicine* and *medicines*, two rows with two translations, share
  one finding), so those rows go together. The held-out half never informs this (nor
  the checker's development: ``--show`` prints examples from the dev half only).

    python scripts/eval_glossary.py [--data ../shared/data] [--seed 13] [--share 0.5] [--min-blamed 3]
"""

from __future__ import annotations

import argparse
import csv
import unicodedata
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PAIRS = [  # (target locale, TMX, termbase, the other termbase)
    ("pt-BR", "all.en-pt-BR.tmx", "g_en_pt-BR.csv", "f_en-pt_XX.csv"),
    ("es-419", "all.en-es-419.tmx", "g_en_es-419.csv", "f_en-es_XX.csv"),
    ("fr", "all.en-fr.tmx", "g_en_fr-FR.csv", "f_en-fr_XX.csv"),
]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_tmx(path: Path, target: str) -> list[tuple[str, str, str]]:
    """(tuid, English, target) for each translation unit, read with a safe XML parser."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    units = []
    for tu in root.iter("tu"):
        segs = {}
        for tuv in tu.iter("tuv"):
            seg = tuv.find("seg")
            if seg is not None:
                segs[(tuv.get(XML_LANG) or tuv.get("lang") or "").lower()] = " ".join("".join(seg.itertext()).split())
        if segs.get("en") and segs.get(target.lower()):
            units.append((tu.get("tuid") or str(len(units)), segs["en"], segs[target.lower()]))
    return units


NUMBER_RE = re.compile(r"\d+")


def misaligned_documents(units: list[tuple[str, str, str]], min_units: int = 5, min_agreement: float = 0.5) -> dict[str, int]:
    """Documents (the tuid before ":") whose translation units are not translations of each other,
    found without the glossary: in a document, among the units whose source has numbers (at least
    ``min_units`` of them), the share whose target has mostly the same numbers (Jaccard >= 0.5 over
    digit runs). Aligned documents score 60-100%; TICO-19's en->fr PubMed_8, Wikinews_3 and
    Wikinews_1 score 19%, 0% and 44% (their French units are in another order: Wikinews_1's from
    its sixth unit on; with 9 numbered units it escaped the earlier bar of 10). Returns
    {document: units}."""
    with_numbers: Counter = Counter()
    agreeing: Counter = Counter()
    sizes: Counter = Counter()
    for tuid, src, tgt in units:
        doc = tuid.split(":")[0]
        sizes[doc] += 1
        a = set(NUMBER_RE.findall(src))
        if a:
            b = set(NUMBER_RE.findall(tgt))
            with_numbers[doc] += 1
            agreeing[doc] += len(a & b) / len(a | b) >= 0.5
    return {doc: sizes[doc] for doc, n in with_numbers.items()
            if n >= min_units and agreeing[doc] / n < min_agreement}


def build_glossary(terms_dir: Path, main: str, other: str, out: Path, lang: str, dev_targets: list[str]) -> tuple[Path, int]:
    """The pair's termbase as is, plus the other termbase's different renderings of the same
    source term as deprecated rows (a CSV with source,target,status,note columns) -- only those
    the dev half's translators avoid: a house does not deprecate the form its own translators use
    throughout. "Use" is decided by the checker's own matching (TC202 over the dev targets,
    inflection-aware: *infetados* uses *infetado*, *vacunación* does not use *vacuna*), not by a
    substring test."""
    rows = list(csv.DictReader(open(terms_dir / main, encoding="utf-8")))
    approved_by_source: dict[str, set[str]] = {}
    for row in rows:
        approved_by_source.setdefault(row["sourceString"].strip().casefold(), set()).add(row["targetString"].strip().casefold())
    all_targets = {t for ts in approved_by_source.values() for t in ts}
    candidates = []
    for row in csv.DictReader(open(terms_dir / other, encoding="utf-8")):
        src, tgt = row["sourceString"].strip(), row["targetString"].strip()
        if src.casefold() in approved_by_source and tgt.casefold() not in all_targets:
            candidates.append((src, tgt))
    write_glossary(out, rows, candidates, other)
    used = deprecated_used(out, lang, dev_targets)
    deprecated = [(src, tgt) for src, tgt in candidates if tgt not in used]
    write_glossary(out, rows, deprecated, other)
    return out, len(deprecated)


def write_glossary(out: Path, rows: list[dict], deprecated: list[tuple[str, str]], other: str) -> None:
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", "status", "note"])
        for row in rows:
            writer.writerow([row["sourceString"], row["targetString"], "preferred", row.get("description", "")])
        for src, tgt in deprecated:
            writer.writerow([src, tgt, "deprecated", f"from {other}"])


def deprecated_used(gpath: Path, lang: str, texts: list[str]) -> set[str]:
    """The deprecated terms of the glossary at ``gpath`` that TC202's matching finds in ``texts``."""
    from checker.glossary import CompiledGlossary, load_glossary
    from checker.glossary.check import scan, wrong_terms
    from checker.pipeline import load_text

    compiled = CompiledGlossary(load_glossary(str(gpath)))
    used: set[str] = set()
    for i, text in enumerate(texts):
        doc = load_text(text, f"dev {i}", lang, "txt")
        used.update(h.term.text for h in wrong_terms(doc, scan(doc, lang, compiled), compiled))
    return used


def unaccent(s: str) -> str:
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch)))


def typo(word: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 4:
        return word + word[-1]
    i = rng.choice(letters[1:-1])
    accented = [j for j, ch in enumerate(word) if unaccent(ch) != ch]
    kind = rng.choice(["swap", "drop", "double", "substitute"] + (["accent"] if accented else []))
    if kind == "accent":  # typed without the accent (pandemia for pandemía, epidemie for épidémie)
        j = rng.choice(accented)
        return word[:j] + unaccent(word[j]) + word[j + 1:]
    if kind == "swap" and i + 1 < len(word) and word[i + 1] != word[i]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    return word[:i] + rng.choice([c for c in alphabet if c != word[i].lower()]) + word[i + 1:]


def splice(text: str, start: int, end: int, replacement: str) -> tuple[str, tuple[int, int]]:
    """``text`` with [start, end) replaced (spaces normalised) and the replacement's new span."""
    marked = " ".join((text[:start] + "\x00" + replacement + "\x01" + text[end:]).split())
    i = marked.index("\x00")
    marked = marked.replace("\x00", "")
    j = marked.index("\x01")
    marked = marked.replace("\x01", "")
    if i == j:  # omitted: join the two sides with one space
        left, right = marked[:i].rstrip(), marked[i:].lstrip()
        marked = f"{left} {right}" if left and right else left + right
        i = j = len(left)
    return marked, (i, j)


def points_at(finding, expected: set[str], region: tuple[int, int]) -> bool:
    """Whether ``finding`` reports the injected error: a TC201 finding (whose span is the whole
    unit) naming the injected entry's approved term, or a TC202/TC203 finding over the injected
    span (whichever entry it names: a misspelt *épidémie* in *épidémie de COVID* may be reported
    as a misspelling of the longer term)."""
    if finding.rule == "TC201":
        return bool(expected & set(finding.suggestions))
    return region[0] < region[1] and finding.start < region[1] and region[0] < finding.end


def other_renderings(terms_dir: Path, this: str) -> dict[str, list[str]]:
    """English term -> its renderings in the other pairs' termbases (a Spanish form in a
    Portuguese translation, ...): the "other-language" injection."""
    found: dict[str, list[str]] = {}
    for _, _, main_tb, _ in PAIRS:
        if main_tb == this:
            continue
        for row in csv.DictReader(open(terms_dir / main_tb, encoding="utf-8")):
            found.setdefault(row["sourceString"].strip().casefold(), []).append(row["targetString"].strip())
    return found


def fp_cause(rule: str, text: str, src: str, tgt: str) -> str:
    """A rough cause of a false positive, for the ``--show-fp`` breakdown (dev units only)."""
    if rule == "TC201":
        if len(tgt) < 0.6 * len(src):
            return "target much shorter than source"
        return "term rendered otherwise"
    if rule == "TC203":
        if text.casefold() in src.casefold():
            return "word of the source segment"
        if text[:1].isupper():
            return "capitalised word"
        return "lower-case word"
    return "deprecated or forbidden term used"


def evaluate(units, gpath: Path, lang: str, rng: random.Random, share: float, show: int,
             other_lang: dict[str, list[str]] | None = None, fp_log: list | None = None):
    """Inject into a share of the eligible units, check every unit; the row of figures, and per
    entry (index) the untouched units where it occurs and where a finding names it."""
    from checker.config import Config
    from checker.glossary import glossary_for
    from checker.glossary.check import scan
    from checker.pipeline import CheckContext, Options, Settings, check_document, instantiate_rules, load_text
    from checker.rules.glossary import entry_reference

    config = Config(lang=lang, source_lang="en", glossaries=[str(gpath)])
    ctx = CheckContext(Settings.resolve(Options(select=["TC2"]), config))
    rules = instantiate_rules(ctx.settings)
    compiled = glossary_for(ctx)
    src_index, tgt_index = compiled.source_index("en"), compiled.target_index(lang)
    entries = compiled.glossary.entries
    entry_at = {entry_reference(entry): ei for ei, entry in enumerate(entries)}  # a finding's glossary_entry -> entry
    other_lang = other_lang or {}
    plans = []
    for tuid, src, tgt in units:
        s_doc, t_doc = load_text(src, "src", "en", "txt"), load_text(tgt, "tgt", lang, "txt")
        s_matches = scan(s_doc, "en", compiled, src_index).matches
        t_matches = [m for m in scan(t_doc, lang, compiled, tgt_index).matches if m.pattern.approved]
        options = []
        for sm in s_matches:
            ei, s_term = sm.pattern.payload
            for tm in t_matches:
                if tm.pattern.payload[0] == ei:
                    options.append((ei, s_term, tm))
                    break
        # the entries a source term occurs for: the matched one and those with the same source term
        said = {ei for sm in s_matches
                for ei in [sm.pattern.payload[0], *compiled.twins("en", sm.pattern.payload[0], sm.pattern)]}
        plans.append((tuid, src, tgt, options, said))
    # Each unit draws from its own generator, seeded by the run's and the unit's id: whether it
    # is injected, and how, does not depend on which other units are eligible (a change to the
    # matching that made one unit eligible re-sampled every injection and untouched unit before).
    eligible = [i for i, p in enumerate(plans) if p[3]]
    run_seed = rng.getrandbits(64)
    # (the unit's place in the half too: a TMX may repeat a tuid, or lack one)
    unit_rng = [random.Random(f"{run_seed}:{i}:{tuid}") for i, (tuid, *_) in enumerate(plans)]
    injected = {i for i in eligible if unit_rng[i].random() < share}
    kinds, found_by_kind, fp_rules = Counter(), Counter(), Counter()
    fp_units = fp_units_with_terms = untouched = untouched_with_terms = 0
    occurs, blamed = Counter(), Counter()
    missed, false_pos = [], []
    other_words = [w for _, _, t, _, _ in plans for w in t.split() if w.isalpha() and len(w) > 5]
    started = time.perf_counter()
    for i, (tuid, src, tgt, options, src_entries) in enumerate(plans):
        target_text, expected, kind = tgt, None, None
        if i in injected:
            rng = unit_rng[i]
            ei, s_term, tm = rng.choice(options)
            entry = entries[ei]
            approved = entry.approved(lang)
            surface = tgt[tm.start:tm.end]
            deprecated = [t.text for t in entry.in_lang(lang) if not t.approved]
            possible = ["omitted", "paraphrase", "typo", "untranslated"]
            if deprecated:
                possible.append("deprecated")
            foreign = [f for f in other_lang.get(s_term.text.casefold(), ())
                       if unaccent(f.casefold()) not in {unaccent(t.text.casefold()) for t in entry.in_lang(lang)}]
            if foreign:
                possible.append("other-language")
            if unaccent(s_term.text.casefold()) in {unaccent(t.text.casefold()) for t in approved}:
                possible.remove("untranslated")  # the same in both languages but for accents (CDC, virus)
            if max(len(w) for w in surface.split()) < 4:
                possible.remove("typo")
            kind = rng.choice(possible)
            words = surface.split()
            if kind == "omitted":
                replacement = ""
            elif kind == "paraphrase":
                replacement = " ".join(words[:-1] + [rng.choice(other_words)])
            elif kind == "typo":
                longest = max(range(len(words)), key=lambda k: len(words[k]))
                words[longest] = typo(words[longest], rng)
                replacement = " ".join(words)
            elif kind == "untranslated":
                replacement = s_term.text
            elif kind == "other-language":
                replacement = rng.choice(foreign)
            else:
                replacement = rng.choice(deprecated)
            target_text, region = splice(tgt, tm.start, tm.end, replacement)
            expected = {t.text for t in approved}
            kinds[kind] += 1
        s_doc = load_text(src, f"{tuid} (source)", "en", "txt")
        t_doc = load_text(target_text, tuid, lang, "txt")
        t_doc.source = s_doc
        findings, _ = check_document(t_doc, rules, ctx)
        if expected is not None:
            if any(points_at(f, expected, region) for f in findings):
                found_by_kind[kind] += 1
            elif len(missed) < show:
                missed.append((kind, src, target_text, [(f.rule, f.text, f.suggestions) for f in findings]))
            continue
        untouched += 1
        untouched_with_terms += bool(options)
        occurs.update(src_entries)
        # the entry each finding names (not the first entry with the suggested term: two entries
        # may share a translation, and the curation must drop the one the finding comes from)
        # (every entry it names, where rows with the same source term share it)
        blamed.update({entry_at[ref] for f in findings
                       for ref in f.extra.get("glossary_entries", [f.extra["glossary_entry"]] if "glossary_entry" in f.extra else [])})
        if findings:
            fp_units += 1
            fp_units_with_terms += bool(options)
            fp_rules.update({f.rule for f in findings})
            if fp_log is not None:
                fp_log.append((src, tgt, [(f.rule, f.text, f.message, fp_cause(f.rule, f.text, src, tgt)) for f in findings]))
            if len(false_pos) < show:
                false_pos.append((src, tgt, [(f.rule, f.text, f.message) for f in findings]))
    n_inj = sum(kinds.values())
    row = {
        "units": len(units), "terms": len(entries), "eligible": len(eligible), "injected": n_inj,
        "found": sum(found_by_kind.values()), "recall": sum(found_by_kind.values()) / max(1, n_inj),
        "by_kind": {k: f"{found_by_kind[k]}/{kinds[k]}" for k in sorted(kinds)},
        "untouched": untouched, "fp_units": fp_units, "fp": fp_units / max(1, untouched),
        "fp_terms_units": fp_units_with_terms, "untouched_terms": untouched_with_terms,
        "fp_terms": fp_units_with_terms / max(1, untouched_with_terms),
        "fp_rules": dict(fp_rules), "seconds": time.perf_counter() - started,
    }
    for kind, src, tgt, fs in missed:
        print(f"  MISSED [{kind}] {src!r}\n      -> {tgt!r}\n      findings {fs}")
    for src, tgt, fs in false_pos:
        print(f"  FP {src!r}\n      -> {tgt!r}\n      {fs}")
    return row, entries, occurs, blamed


def show_fp(pair: str, log: list, n: int, run: str = "curated dev") -> None:
    """The dev half's false positives (a curated run) by rule and cause, with ``n`` examples each."""
    by_cause: dict[tuple[str, str], list] = {}
    for src, tgt, fs in log:
        for rule, text, message, cause in fs:
            by_cause.setdefault((rule, cause), []).append((src, tgt, text, message))
    print(f"{pair} {run}: {len(log)} units with false positives, {sum(len(v) for v in by_cause.values())} findings")
    for (rule, cause), items in sorted(by_cause.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        print(f"  {rule} {cause}: {len(items)}")
        for src, tgt, text, message in items[:n]:
            print(f"      {message}\n        SRC {src}\n        TGT {tgt}")


def curate(gpath: Path, entries, occurs: Counter, blamed: Counter, out: Path, min_blamed: int = 3) -> tuple[Path, int]:
    """The glossary CSV without the entries the development units contradict (a finding naming
    them on ``min_blamed`` units, or on more than 20% of the units where their source term occurs)."""
    dropped = {ei for ei in blamed if blamed[ei] >= min_blamed or blamed[ei] > 0.2 * max(1, occurs[ei])}
    sources = {t.text.casefold() for ei in dropped for t in entries[ei].in_lang(None, "source")}
    with open(gpath, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0])
        writer.writerows(r for r in rows[1:] if r[0].strip().casefold() not in sources)
    return out, len(dropped)


def cross_curated(dev, gpath: Path, lang: str, args, locale: str, foreign, tmp: Path) -> dict:
    """Two-fold cross-curation within the dev half (it never reads the held-out half): each half
    is curated on its own raw findings and measured, curated, on the other half; the counts of
    both folds are summed. An out-of-sample estimate of the curated held-out row that the
    development of the checker may look at."""
    order = list(range(len(dev)))
    random.Random(f"{args.seed}:cv:{locale}").shuffle(order)
    halves = [[dev[i] for i in sorted(order[: len(dev) // 2])], [dev[i] for i in sorted(order[len(dev) // 2:])]]
    total: dict = {}
    for fold, (a, b) in enumerate(((halves[0], halves[1]), (halves[1], halves[0]))):
        _, entries, occurs, blamed = evaluate(a, gpath, lang, random.Random(f"{args.seed}:cv{fold}a:{locale}"),
                                              args.share, 0, foreign)
        cpath, _ = curate(gpath, entries, occurs, blamed, tmp / f"{locale}.cv{fold}.csv", -(-args.min_blamed // 2))
        fp_log: list | None = [] if args.show_fp >= 0 else None
        row, *_ = evaluate(b, cpath, lang, random.Random(f"{args.seed}:cv{fold}b:{locale}"), args.share, 0, foreign, fp_log)
        if fp_log is not None:
            show_fp(f"en→{locale} fold {fold}", fp_log, args.show_fp, "cross-curated dev")
        if not total:
            total = dict(row)
            total["by_kind"] = {}
            kinds: Counter = Counter()
            found: Counter = Counter()
        for k, v in row["by_kind"].items():
            f, n = v.split("/")
            found[k] += int(f)
            kinds[k] += int(n)
        if fold:
            for key in ("units", "eligible", "injected", "found", "untouched", "fp_units", "fp_terms_units",
                        "untouched_terms", "seconds"):
                total[key] += row[key]
    total["by_kind"] = {k: f"{found[k]}/{kinds[k]}" for k in sorted(kinds)}
    total["recall"] = total["found"] / max(1, total["injected"])
    total["fp"] = total["fp_units"] / max(1, total["untouched"])
    total["fp_terms"] = total["fp_terms_units"] / max(1, total["untouched_terms"])
    total["fp_rules"] = {}
    total["terms"] = len(entries)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"), help="the shared data folder")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--share", type=float, default=0.5, help="share of the eligible units to inject")
    parser.add_argument("--limit", type=int, default=0, help="check only the first N units of each pair")
    parser.add_argument("--min-blamed", type=int, default=3,
                        help="curation: drop an entry contradicted on this many development units (or on > 20%% of its units)")
    parser.add_argument("--show-raw", action="store_true",
                        help="--show also prints the raw dev run's misses and false positives (first)")
    parser.add_argument("--cv", action="store_true",
                        help="also a dev-only estimate of the curated held-out figures: the dev half split in two, "
                             "each half curated (at half the --min-blamed, rounded up) and measured on the other")
    parser.add_argument("--dev-only", action="store_true",
                        help="skip the held-out runs (for development: their rows are neither computed nor printed)")
    parser.add_argument("--pairs", default="", help="only these target locales (comma-separated, e.g. fr,pt-BR)")
    parser.add_argument("--show-fp", type=int, default=-1, metavar="N",
                        help="break the dev false positives down by rule and cause, with N examples of each cause")
    parser.add_argument("--show", type=int, default=0, help="print N missed and N false-positive examples")
    args = parser.parse_args()

    tico = Path(args.data) / "terminology" / "tico19"
    if not tico.is_dir():
        print(f"{tico}: not found (use --data)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="eval-glossary-"))
    table = []
    for locale, tmx, main_tb, other_tb in PAIRS:
        if args.pairs and locale not in args.pairs.split(","):
            continue
        lang = locale.split("-")[0]
        units = read_tmx(tico / "TM" / tmx, locale)
        if args.limit:
            units = units[: args.limit]
        misaligned = misaligned_documents(units)
        if misaligned:
            units = [u for u in units if u[0].split(":")[0] not in misaligned]
            print(f"en→{locale}: left out misaligned documents {misaligned}", flush=True)
        # The held-out half is split off first; nothing below looks at it before the last step.
        order = list(range(len(units)))
        random.Random(f"{args.seed}:split:{locale}").shuffle(order)
        dev = [units[i] for i in sorted(order[: len(units) // 2])]
        test = [units[i] for i in sorted(order[len(units) // 2:])]
        gpath, n_deprecated = build_glossary(tico / "terminologies", main_tb, other_tb, tmp / f"{locale}.csv", lang,
                                             [t for _, _, t in dev])
        foreign = other_renderings(tico / "terminologies", main_tb)
        runs = []
        raw_dev, entries, occurs, blamed = evaluate(dev, gpath, lang, random.Random(f"{args.seed}:dev:{locale}"),
                                                    args.share, args.show if args.show_raw else 0, foreign)
        runs.append(("raw, dev", raw_dev, 0))
        cpath, n_dropped = curate(gpath, entries, occurs, blamed, tmp / f"{locale}.curated.csv", args.min_blamed)
        fp_log: list | None = [] if args.show_fp >= 0 else None
        cur_dev, *_ = evaluate(dev, cpath, lang, random.Random(f"{args.seed}:dev2:{locale}"), args.share, args.show, foreign,
                               fp_log)
        if fp_log is not None:
            show_fp(f"en→{locale}", fp_log, args.show_fp)
        runs.append(("curated, dev (in-sample)", cur_dev, n_dropped))
        if args.cv:
            runs.append(("dev, cross-curated", cross_curated(dev, gpath, lang, args, locale, foreign, tmp), None))
        if not args.dev_only:
            raw_test, *_ = evaluate(test, gpath, lang, random.Random(f"{args.seed}:test:{locale}"), args.share, 0, foreign)
            runs.append(("raw, held-out", raw_test, 0))
            cur_test, *_ = evaluate(test, cpath, lang, random.Random(f"{args.seed}:test:{locale}"), args.share, 0, foreign)
            runs.append(("**curated, held-out**", cur_test, n_dropped))
        for name, row, dropped in runs:
            row.update(pair=f"en→{locale}", run=name, deprecated=n_deprecated, dropped="-" if dropped is None else dropped)
            table.append(row)
            print(f"{row['pair']} {row['run']}: recall {row['recall']:.3f} ({row['found']}/{row['injected']}) {row['by_kind']}; "
                  f"false positives {row['fp']:.2%} of {row['untouched']} untouched units (by rule {row['fp_rules']}); "
                  f"{row['seconds']:.1f} s", flush=True)
    print()
    print("| pair | run | units | entries (deprecated added; dropped) | injected / eligible | recall | omitted | paraphrase | typo | untranslated | other-language | deprecated | false positives: untouched units | … with a term |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in table:
        k = r["by_kind"]
        print(f"| {r['pair']} | {r['run']} | {r['units']} | {r['terms']} ({r['deprecated']}; {r['dropped']}) | {r['injected']} / {r['eligible']} | "
              f"**{r['recall']:.3f}** | {k.get('omitted', '-')} | {k.get('paraphrase', '-')} | {k.get('typo', '-')} | "
              f"{k.get('untranslated', '-')} | {k.get('other-language', '-')} | {k.get('deprecated', '-')} | **{r['fp']:.2%}** ({r['fp_units']}/{r['untouched']}) | "
              f"{r['fp_terms']:.2%} ({r['fp_terms_units']}/{r['untouched_terms']}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
