#!/usr/bin/env python3
"""Evaluate the glossary rules (TC201-TC203) on TICO-19 (CC0): recall on units where an error
was injected, false positives on untouched units, per language pair.

For each pair (en->pt-BR, en->es-419, en->fr) the script reads the TMX translation memory with
an XML parser, loads the pair's termbase CSV (``terminologies/g_en_*.csv``) through transcheck's
own loader, and checks every unit through the rules (``checker.pipeline.check_document``, the
code path of ``transcheck check --source``). A unit is *eligible* when its source contains a
glossary term whose approved translation its target contains. In a seeded random half of the
eligible units, one such term's target rendering is replaced by one of (chosen at random among
those possible for that term):

* ``omitted``     the term is dropped from the translation (its words deleted);
* ``paraphrase``  the term's last word is replaced by another word of the same unit's language
                  taken from a different unit (a wrong, real word);
* ``typo``        one random edit (swap, drop, double or substitute a letter) in the term's
                  longest word, as in real misspellings;
* ``untranslated`` the English source term is left in place of the translation;
* ``deprecated``  the other TICO-19 termbase's (``f_en-*``) different rendering of the same source
                  term, added to the glossary as deprecated (only the ~15 terms per pair where the
                  two termbases disagree).

Recall counts an injected unit as found when some finding's suggestions name the injected
entry's approved term. The false-positive rate is the share of untouched units (never injected)
with any glossary finding; it is also given for the untouched units that contain a term.

Two runs per pair:

* ``raw``: the published termbase over all units. TICO-19's termbases are not what its
  translators followed everywhere (the pt-BR termbase spells *infetado* and names the Portuguese
  *Direção-Geral da Saúde* for the CDC; the French one prescribes *SRAS-CoV-2* where the
  translations write SARS-CoV-2), so many "false positives" here are real deviations from the
  termbase;
* ``curated``: what an editor's maintained glossary looks like, without peeking at the test
  units: the units are split in two halves (seeded); entries that the untouched units of the
  first half contradict (a finding naming them on more than 20% of the units where their source
  term occurs, or on at least 3 units) are dropped, and the measure is taken on the second half.

    python scripts/eval_glossary.py [--data ../shared/data] [--seed 13] [--share 0.5]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
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


def build_glossary(terms_dir: Path, main: str, other: str, out: Path, avoided: str) -> tuple[Path, int]:
    """The pair's termbase as is, plus the other termbase's different renderings of the same
    source term as deprecated rows (a CSV with source,target,status,note columns) -- only those
    the memory's translators avoided (absent from ``avoided``, the targets' text): a house does
    not deprecate the form its own translators use throughout."""
    rows = list(csv.DictReader(open(terms_dir / main, encoding="utf-8")))
    approved_by_source: dict[str, set[str]] = {}
    for row in rows:
        approved_by_source.setdefault(row["sourceString"].strip().casefold(), set()).add(row["targetString"].strip().casefold())
    all_targets = {t for ts in approved_by_source.values() for t in ts}
    deprecated = []
    for row in csv.DictReader(open(terms_dir / other, encoding="utf-8")):
        src, tgt = row["sourceString"].strip(), row["targetString"].strip()
        if src.casefold() in approved_by_source and tgt.casefold() not in all_targets and tgt.casefold() not in avoided:
            deprecated.append((src, tgt))
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", "status", "note"])
        for row in rows:
            writer.writerow([row["sourceString"], row["targetString"], "preferred", row.get("description", "")])
        for src, tgt in deprecated:
            writer.writerow([src, tgt, "deprecated", f"from {other}"])
    return out, len(deprecated)


def typo(word: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 4:
        return word + word[-1]
    i = rng.choice(letters[1:-1])
    kind = rng.choice(["swap", "drop", "double", "substitute"])
    if kind == "swap" and i + 1 < len(word) and word[i + 1] != word[i]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    return word[:i] + rng.choice([c for c in alphabet if c != word[i].lower()]) + word[i + 1:]


def evaluate(units, gpath: Path, lang: str, rng: random.Random, share: float, show: int):
    """Inject into a share of the eligible units, check every unit; the row of figures, and per
    entry (index) the untouched units where it occurs and where a finding names it."""
    from checker.config import Config
    from checker.glossary import glossary_for
    from checker.glossary.check import scan
    from checker.glossary.text import unaccent
    from checker.pipeline import CheckContext, Options, Settings, check_document, instantiate_rules, load_text

    config = Config(lang=lang, source_lang="en", glossaries=[str(gpath)])
    ctx = CheckContext(Settings.resolve(Options(select=["TC2"]), config))
    rules = instantiate_rules(ctx.settings)
    compiled = glossary_for(ctx)
    src_index, tgt_index = compiled.source_index("en"), compiled.target_index(lang)
    entries = compiled.glossary.entries
    approved_text = {}
    for ei, entry in enumerate(entries):
        for t in entry.approved(lang):
            approved_text.setdefault(t.text, ei)
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
        plans.append((tuid, src, tgt, options, {sm.pattern.payload[0] for sm in s_matches}))
    eligible = [i for i, p in enumerate(plans) if p[3]]
    injected = set(rng.sample(eligible, int(len(eligible) * share)))
    kinds, found_by_kind, fp_rules = Counter(), Counter(), Counter()
    fp_units = fp_units_with_terms = untouched = untouched_with_terms = 0
    occurs, blamed = Counter(), Counter()
    missed, false_pos = [], []
    other_words = [w for _, _, t, _, _ in plans for w in t.split() if w.isalpha() and len(w) > 5]
    started = time.perf_counter()
    for i, (tuid, src, tgt, options, src_entries) in enumerate(plans):
        target_text, expected, kind = tgt, None, None
        if i in injected:
            ei, s_term, tm = rng.choice(options)
            entry = entries[ei]
            approved = entry.approved(lang)
            surface = tgt[tm.start:tm.end]
            deprecated = [t.text for t in entry.in_lang(lang) if not t.approved]
            possible = ["omitted", "paraphrase", "typo", "untranslated"]
            if deprecated:
                possible.append("deprecated")
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
            else:
                replacement = rng.choice(deprecated)
            target_text = " ".join((tgt[:tm.start] + replacement + tgt[tm.end:]).split())
            expected = {t.text for t in approved}
            kinds[kind] += 1
        s_doc = load_text(src, f"{tuid} (source)", "en", "txt")
        t_doc = load_text(target_text, tuid, lang, "txt")
        findings, _ = check_document(t_doc, rules, ctx, s_doc)
        if expected is not None:
            if any(expected & set(f.suggestions) for f in findings):
                found_by_kind[kind] += 1
            elif len(missed) < show:
                missed.append((kind, src, target_text, [(f.rule, f.text, f.suggestions) for f in findings]))
            continue
        untouched += 1
        untouched_with_terms += bool(options)
        occurs.update(src_entries)
        blamed.update({approved_text[s] for f in findings for s in f.suggestions if s in approved_text})
        if findings:
            fp_units += 1
            fp_units_with_terms += bool(options)
            fp_rules.update({f.rule for f in findings})
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


def curate(gpath: Path, entries, occurs: Counter, blamed: Counter, out: Path) -> tuple[Path, int]:
    """The glossary CSV without the entries the development units contradict."""
    dropped = {ei for ei in blamed if blamed[ei] >= 3 or blamed[ei] > 0.2 * max(1, occurs[ei])}
    sources = {t.text.casefold() for ei in dropped for t in entries[ei].in_lang(None, "source")}
    with open(gpath, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0])
        writer.writerows(r for r in rows[1:] if r[0].strip().casefold() not in sources)
    return out, len(dropped)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"), help="the shared data folder")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--share", type=float, default=0.5, help="share of the eligible units to inject")
    parser.add_argument("--limit", type=int, default=0, help="check only the first N units of each pair")
    parser.add_argument("--show", type=int, default=0, help="print N missed and N false-positive examples")
    args = parser.parse_args()

    tico = Path(args.data) / "terminology" / "tico19"
    if not tico.is_dir():
        print(f"{tico}: not found (use --data)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="eval-glossary-"))
    table = []
    for locale, tmx, main_tb, other_tb in PAIRS:
        lang = locale.split("-")[0]
        units = read_tmx(tico / "TM" / tmx, locale)
        if args.limit:
            units = units[: args.limit]
        avoided = "\n".join(t for _, _, t in units).casefold()
        gpath, n_deprecated = build_glossary(tico / "terminologies", main_tb, other_tb, tmp / f"{locale}.csv", avoided)
        raw, *_ = evaluate(units, gpath, lang, random.Random(f"{args.seed}:{locale}"), args.share, args.show)
        raw.update(pair=f"en→{locale}", run="raw", deprecated=n_deprecated, dropped=0)
        order = list(range(len(units)))
        random.Random(f"{args.seed}:split:{locale}").shuffle(order)
        dev = [units[i] for i in sorted(order[: len(units) // 2])]
        test = [units[i] for i in sorted(order[len(units) // 2:])]
        _, entries, occurs, blamed = evaluate(dev, gpath, lang, random.Random(f"{args.seed}:dev:{locale}"), args.share, 0)
        cpath, n_dropped = curate(gpath, entries, occurs, blamed, tmp / f"{locale}.curated.csv")
        cur, *_ = evaluate(test, cpath, lang, random.Random(f"{args.seed}:test:{locale}"), args.share, args.show)
        cur.update(pair=f"en→{locale}", run="curated (test half)", deprecated=n_deprecated, dropped=n_dropped)
        for row in (raw, cur):
            table.append(row)
            print(f"{row['pair']} {row['run']}: recall {row['recall']:.3f} ({row['found']}/{row['injected']}) {row['by_kind']}; "
                  f"false positives {row['fp']:.2%} of {row['untouched']} untouched units (by rule {row['fp_rules']}); "
                  f"{row['seconds']:.1f} s", flush=True)
    print()
    print("| pair | run | units | entries (deprecated added; dropped) | injected / eligible | recall | omitted | paraphrase | typo | untranslated | deprecated | false positives: untouched units | … with a term |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in table:
        k = r["by_kind"]
        print(f"| {r['pair']} | {r['run']} | {r['units']} | {r['terms']} ({r['deprecated']}; {r['dropped']}) | {r['injected']} / {r['eligible']} | "
              f"**{r['recall']:.3f}** | {k.get('omitted', '-')} | {k.get('paraphrase', '-')} | {k.get('typo', '-')} | "
              f"{k.get('untranslated', '-')} | {k.get('deprecated', '-')} | **{r['fp']:.2%}** ({r['fp_units']}/{r['untouched']}) | "
              f"{r['fp_terms']:.2%} ({r['fp_terms_units']}/{r['untouched_terms']}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
