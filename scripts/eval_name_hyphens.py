#!/usr/bin/env python3
"""Evaluate TC104 (name-hyphen) on the documents of eval_names.py.

* recall: in a document where capitalised words joined by a hyphen (Saint-Denis, Jean-Luc) occur
  at least twice, one occurrence has its hyphen replaced by a space; a hit is a TC104 finding on
  that occurrence;
* findings on the untouched documents, per 10,000 words (a finding there may be a real
  inconsistency of the reference: they are counted, not judged).

    python scripts/eval_name_hyphens.py [--data ../shared/data] [--split dev|heldout|all] [--seeds 13,7]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import eval_names  # noqa: E402  (the documents, the split, the word count)


def findings(text: str, path: str, lang: str):
    from checker.pipeline import load_text
    from checker.rules.names import NameHyphenRule

    return list(NameHyphenRule().check_document(load_text(text, path, lang), None))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--langs", default="en,pt,es,fr,de,ru")
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--seeds", default="13,7")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the findings on untouched documents")
    args = ap.parse_args(argv)
    from checker.lexicon import zipf
    from checker.names.hyphens import _compounds

    data = Path(args.data)
    print(f"TC104, split {args.split}, seeds {args.seeds}\n")
    print("| lang | documents | words | injected | recall | untouched findings | / 10k words |")
    print("|---|---|---|---|---|---|---|")
    for lang in args.langs.split(","):
        docs = [d for d in (eval_names.load_ntrex(data, lang) if lang in eval_names.NTREX_FILES else [])
                + eval_names.load_wmt(data, lang) if eval_names.in_split(d.id, args.split)]
        words = found = injected = hits = 0
        for doc in docs:
            words += len(eval_names.WORD.findall(doc.text))
            untouched = findings(doc.text, doc.id, lang)
            found += len(untouched)
            if args.verbose:
                for f in untouched:
                    print(f"    {lang} {doc.id} {f.text!r} -> {f.variant_of!r}", file=sys.stderr)
            # (capitalised words only, as before given names' lower-case syllables were found:
            # Kim Jong-un; the figures stay comparable)
            names = {"-".join(words): [(s, e) for s, e, _ in found]
                     for words, found in _compounds(doc.text, lambda w: zipf(w, lang)).items()
                     if len(found) >= 2 and all(w[:1].isupper() for w in words)}
            for seed in map(int, args.seeds.split(",")):
                if not names:
                    break
                rng = random.Random(f"{seed}:{lang}:{doc.id}:hyphen")
                name = rng.choice(sorted(names))
                start, end = rng.choice(names[name])
                spaced = "".join(" " if c in "-\u2010\u2011" else c for c in doc.text[start:end])
                text = doc.text[:start] + spaced + doc.text[end:]
                injected += 1
                hits += any(f.start < end and start < f.end for f in findings(text, doc.id, lang))
        recall = f"{hits / injected:.3f} ({hits}/{injected})" if injected else "-"
        print(f"| {lang} | {len(docs)} | {words:,} | {injected} | {recall} | {found} | {found * 10000 / max(words, 1):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
