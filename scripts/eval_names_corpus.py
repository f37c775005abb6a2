#!/usr/bin/env python3
"""Evaluate TC103 (a name spelled one way in a few files of a corpus, another in most) on real
news documents, with eval_names.py's documents, split and injectors.

Per language, the documents of one split (NTREX-128 and WMT22, as eval_names.py reads them) are
one corpus, checked together with TC103 alone:

* findings on the untouched corpus, per 10,000 words: each is a file whose spelling differs
  from that of the other files (some are real: two translators, two transliterations);
* recall: a *name* (a capitalised token of 4+ letters, seen mid-sentence, that the parallel text
  of its document also has, as eval_names.py picks them, once is enough) used in at least 4
  files; in one of
  them, every occurrence respelled by one injector (transliteration, typo, diacritic; not a
  lower-case slip, which no one keeps through a whole file). A hit is a TC103 finding on an
  injected occurrence. Injections go into distinct files with distinct names,
  ``--per-run`` at a time, each batch checked as one corpus.

    python scripts/eval_names_corpus.py [--data ../shared/data] [--langs en,pt,es,fr,de,ru]
                                        [--seeds 13,7,21,42] [--split dev|heldout|all] [-v]

Tune on ``--split dev``; report both.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_names  # noqa: E402
from eval_names import Doc, NTREX_FILES, TOKEN, WORD, in_split, load_ntrex, load_wmt, pick_names  # noqa: E402

KINDS = [k for k in eval_names.INJECTORS if k[0] != "lowercase"]
MIN_FILES = 4  # the name's files, the injected one included
PER_LANG = 60  # injections per language and seed


def corpus_docs(data: Path, lang: str, split: str) -> list:
    docs = (load_ntrex(data, lang) if lang in NTREX_FILES else []) + load_wmt(data, lang)
    return [d for d in docs if in_split(d.id, split)]


def check_corpus(texts: dict[str, str], lang: str):
    from checker.pipeline import Options, Source, run

    sources = [Source(f"{doc_id}.txt", text.encode("utf-8")) for doc_id, text in texts.items()]
    return run(sources, Options(lang=lang, select=["TC103"], isolated=True)).findings


def names_in(doc) -> dict[str, list[tuple[int, int]]]:
    """The document's names as eval_names.py picks them, once is enough: capitalised tokens of
    4+ letters (not all capitals) seen mid-sentence, that the parallel text has too."""
    occ: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in TOKEN.finditer(doc.text):
        w = m.group()
        if len(w) >= 4 and w[0].isupper() and not w.isupper():
            occ[w].append(m.span())
    doubled = Doc(doc.id, doc.lang, doc.text + "\n" + doc.text, doc.parallel)  # every name 2+ times
    picked = {name for name, _spans in pick_names(doubled)}
    return {w: spans for w, spans in occ.items() if w in picked}


def eligible(docs) -> dict[str, list]:
    """name -> the documents that use it (``names_in``), for names of MIN_FILES files or more."""
    files = defaultdict(list)
    for doc in docs:
        for name, spans in names_in(doc).items():
            files[name].append((doc, spans))
    return {name: found for name, found in files.items() if len(found) >= MIN_FILES}


def respell(doc, name: str, spans, rng: random.Random):
    existing = {m.group() for m in TOKEN.finditer(doc.text)}
    for _ in range(10):
        kind, fn, _w = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
        variant = fn(name, rng)
        if variant and variant != name and variant not in existing and TOKEN.fullmatch(variant) \
                and variant[:1].isupper():
            text, shift, new_spans = doc.text, 0, []
            for start, end in sorted(spans):
                text = text[: start + shift] + variant + text[end + shift:]
                new_spans.append((start + shift, start + shift + len(variant)))
                shift += len(variant) - (end - start)
            return kind, variant, text, new_spans
    return None


def evaluate(data: Path, lang: str, seed: int, split: str, per_run: int, verbose: bool) -> dict:
    docs = corpus_docs(data, lang, split)
    texts = {d.id: d.text for d in docs}
    words = sum(len(WORD.findall(t)) for t in texts.values())
    untouched = check_corpus(texts, lang)
    rng = random.Random(f"{seed}:{lang}:corpus")
    names = eligible(docs)
    plan = []
    used_docs: set[str] = set()
    for name in rng.sample(sorted(names), len(names)):
        choices = [(d, s) for d, s in names[name] if d.id not in used_docs]
        if not choices:
            continue
        doc, spans = rng.choice(choices)
        injected = respell(doc, name, spans, rng)
        if injected is None:
            continue
        used_docs.add(doc.id)
        plan.append((doc, name, *injected))
        if len(plan) >= PER_LANG:
            break
    hits, misses, by_kind = 0, [], defaultdict(lambda: [0, 0])
    for i in range(0, len(plan), per_run):
        batch = plan[i: i + per_run]
        run_texts = dict(texts)
        for doc, _name, _kind, _variant, text, _spans in batch:
            run_texts[doc.id] = text
        found = defaultdict(set)
        for f in check_corpus(run_texts, lang):
            found[f.path].add(f.start)
        for doc, name, kind, variant, _text, spans in batch:
            hit = bool(found[f"{doc.id}.txt"] & {s for s, _ in spans})
            hits += hit
            by_kind[kind][0] += hit
            by_kind[kind][1] += 1
            if not hit:
                misses.append((doc.id, kind, name, variant, len(names[name])))
    if verbose:
        print(f"[{lang} seed {seed}] misses:", file=sys.stderr)
        for m in misses:
            print("   ", *m, file=sys.stderr)
        print(f"[{lang}] findings on untouched text:", file=sys.stderr)
        for f in untouched:
            print("   ", f.path, repr(f.text), "->", repr(f.variant_of), "|", f.message[:120], file=sys.stderr)
    return {"docs": len(docs), "words": words, "injected": len(plan), "hits": hits, "by_kind": dict(by_kind),
            "untouched": len(untouched), "misses": misses}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data"))
    ap.add_argument("--langs", default="en,pt,es,fr,de,ru")
    ap.add_argument("--seeds", default="13,7,21,42")
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--per-run", type=int, default=15, help="injections checked in one corpus run")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and findings on untouched text")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    print(f"TC103, split {args.split}, seeds {args.seeds}\n")
    print("| lang | files | words | injected | recall | transliteration | typo | diacritic | untouched findings | / 10k words |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for lang in [l.strip() for l in args.langs.split(",") if l.strip()]:
        runs = [evaluate(Path(args.data), lang, seed, args.split, args.per_run, args.verbose) for seed in seeds]
        injected = sum(r["injected"] for r in runs)
        hits = sum(r["hits"] for r in runs)
        kinds = defaultdict(lambda: [0, 0])
        for r in runs:
            for kind, (h, n) in r["by_kind"].items():
                kinds[kind][0] += h
                kinds[kind][1] += n
        first = runs[0]
        recall = f"{hits / injected:.3f} ({hits}/{injected})" if injected else "-"
        cells = [f"{kinds[k][0]}/{kinds[k][1]}" if kinds[k][1] else "-" for k in ("transliteration", "typo", "diacritic")]
        per10k = 1e4 * first["untouched"] / first["words"] if first["words"] else 0.0
        print(f"| {lang} | {first['docs']} | {first['words']:,} | {injected} | {recall} | {' | '.join(cells)} "
              f"| {first['untouched']} | {per10k:.2f} |")
    print(f"\n({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
