#!/usr/bin/env python3
"""TC101 recall and false positives on text that eval_names.py's held-out documents do not
share: a bigger, more varied tuning set (dev only, by construction).

eval_names.py's dev split has 60-140 injections per language and seed; rules tuned on it fit it
better than unseen text. This script injects variants with eval_names.py's own injectors and
scores them with its own ``is_hit``, into other corpora:

* ``tico19``: the TICO-19 translations (``terminology/tico19/TM``: pt-BR, es-419, fr), one
  document per TICO-19 document; medical and COVID-19 text (parallel: the English units);
  and the English source (parallel: the Portuguese);
* ``textberg``: Text+Berg German and French alpine prose (``alignment/textberg``), lightly
  detokenised and cut into pseudo-documents of ``CHUNK`` consecutive lines (parallel: the lines
  of the other language aligned to them by the gold ``.defr`` file);
* ``ntrex2``: NTREX-128's other Spanish and Portuguese references (es-MX, second Spanish,
  pt-BR) of the **dev** documents only (eval_names.py's split; parallel: the English source);
* ``wmt22sys``: WMT22 system outputs and second references (de, fr, ru) of the **dev**
  documents only, as names_untouched.py reads them (parallel: the source sentences).

The big documents (TICO-19, Text+Berg) get ``--per-doc`` independent injections each (one
per run, as eval_names.py does). Per corpus and language: documents, words, injections,
recall pooled over the seeds, recall per kind, and findings on the untouched text per 10,000
words (for ``wmt22sys`` and part of ``tico19`` many findings are real inconsistencies of
machine output or of the translation; compare two versions, not against zero).

    python scripts/eval_names_extra.py [--seeds 13,7,21,42] [--corpora tico19,textberg,ntrex2,wmt22sys]
                                       [--langs pt,es,fr,de] [-v]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_names  # noqa: E402
from eval_names import Doc  # noqa: E402

CHUNK = 40

# ------------------------------------------------------------------------------------ loaders


def tico19(data: Path) -> list[Doc]:
    from eval_glossary import read_tmx
    from names_untouched import TICO19

    out = []
    for lang, locale, name in TICO19:
        path = data / "terminology" / "tico19" / "TM" / name
        if not path.exists():
            continue
        docs: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        for tuid, en, target in read_tmx(path, locale):
            d = docs[tuid.split(":")[0]]
            d[0].append(target)
            d[1].append(en)
        for doc_id, (tgt, src) in docs.items():
            out.append(Doc(f"tico19/{lang}/{doc_id}", lang, eval_names._join(tgt), eval_names._join(src)))
            if lang == "pt":  # the English source once (the same in every TMX file)
                out.append(Doc(f"tico19/en/{doc_id}", "en", eval_names._join(src), eval_names._join(tgt)))
    return out


_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]»])")
_SPACE_AFTER = re.compile(r"([(\[«]) ")


def _detok(line: str) -> str:
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", line.strip()))


def textberg(data: Path) -> list[Doc]:
    base = data / "alignment" / "textberg"
    out = []
    for de_file in sorted(base.glob("*.de")):
        stem = de_file.stem
        fr_file, gold = base / f"{stem}.fr", base / f"{stem}.defr"
        if not (fr_file.exists() and gold.exists()):
            continue
        de = de_file.read_text(encoding="utf-8").split("\n")
        fr = fr_file.read_text(encoding="utf-8").split("\n")
        de2fr: dict[int, list[int]] = defaultdict(list)
        fr2de: dict[int, list[int]] = defaultdict(list)
        for line in gold.read_text(encoding="utf-8").splitlines():
            m = re.fullmatch(r"\[([\d, ]*)\]:\[([\d, ]*)\]", line.strip())
            if not m:
                continue
            a = [int(x) for x in m.group(1).split(",") if x.strip()]
            b = [int(x) for x in m.group(2).split(",") if x.strip()]
            for i in a:
                de2fr[i] += b
            for j in b:
                fr2de[j] += a
        for lang, lines, other, align in (("de", de, fr, de2fr), ("fr", fr, de, fr2de)):
            for k in range(0, len(lines), CHUNK):
                idx = range(k, min(k + CHUNK, len(lines)))
                text = eval_names._join([_detok(lines[i]) for i in idx])
                par = eval_names._join([_detok(other[j]) for i in idx for j in align.get(i, ()) if j < len(other)])
                if text:
                    out.append(Doc(f"textberg/{stem}/{lang}/{k}", lang, text, par))
    return out


NTREX_OTHER = [("es", "newstest2019-ref-2.spa.txt", "es2"), ("es", "newstest2019-ref.spa-MX.txt", "esMX"),
               ("pt", "newstest2019-ref.por-BR.txt", "ptBR")]


def ntrex2(data: Path) -> list[Doc]:
    base = data / "news" / "ntrex128"
    ids = (base / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    en = (base / "NTREX-128" / eval_names.NTREX_FILES["en"]).read_text(encoding="utf-8").splitlines()
    out = []
    for lang, name, tag in NTREX_OTHER:
        path = base / "NTREX-128" / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8").splitlines()
        docs: dict[str, tuple[list, list]] = {}
        for i, doc_id in enumerate(ids):
            d = docs.setdefault(doc_id.strip(), ([], []))
            d[0].append(text[i])
            d[1].append(en[i])
        for k, (a, b) in docs.items():
            if eval_names.in_split(f"ntrex/{k}", "dev"):  # never a held-out document
                out.append(Doc(f"ntrex2/{tag}/{k}", lang, eval_names._join(a), eval_names._join(b)))
    return out


def wmt22sys(data: Path) -> list[Doc]:
    """WMT22 system outputs and second references of dev documents, with their sources."""
    from names_untouched import translations

    return translations(data, prefix="wmt22sys", parallel=True)


CORPORA = {"tico19": (tico19, 5), "textberg": (textberg, 3), "ntrex2": (ntrex2, 1), "wmt22sys": (wmt22sys, 1)}

# --------------------------------------------------------------------------------------- run


def run(data: Path, corpora: list[str], langs: set[str], seeds: list[int], verbose: bool, per_doc: int | None):
    rows = {}
    for corpus in corpora:
        loader, k_default = CORPORA[corpus]
        k = per_doc or k_default
        docs = [d for d in loader(data) if d.lang in langs]
        for lang in sorted({d.lang for d in docs}):
            r = {"docs": 0, "words": 0, "inj": 0, "hits": 0, "fps": [], "kind": defaultdict(lambda: [0, 0]),
                 "misses": []}
            for doc in (d for d in docs if d.lang == lang):
                r["docs"] += 1
                r["words"] += len(eval_names.WORD.findall(doc.text))
                for f in eval_names.check(doc.text, doc.id, lang):
                    r["fps"].append((doc.id, f.text, f.variant_of))
                for seed in seeds:
                    for i in range(k):
                        rng = random.Random(f"{seed}:{lang}:{doc.id}" + (f":{i}" if i else ""))
                        inj = eval_names.inject(doc, rng)
                        if inj is None:
                            continue
                        hit = eval_names.is_hit(inj, eval_names.check(inj.text, doc.id, lang))
                        r["inj"] += 1
                        r["hits"] += hit
                        r["kind"][inj.kind][0] += hit
                        r["kind"][inj.kind][1] += 1
                        if not hit:
                            r["misses"].append((f"{seed}:{i}", doc.id, inj.kind, inj.original, inj.variant, "tie" if inj.tie else "-"))
            rows[(corpus, lang)] = r
            if verbose:
                print(f"[{corpus} {lang}] misses:", file=sys.stderr)
                for m in r["misses"]:
                    print("   ", *m, file=sys.stderr)
                print(f"[{corpus} {lang}] findings on untouched text:", file=sys.stderr)
                for fp in r["fps"]:
                    print("   ", fp[0], repr(fp[1]), "->", repr(fp[2]), file=sys.stderr)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(eval_names.REPO.parent / "shared" / "data"))
    ap.add_argument("--seeds", default="13,7,21,42")
    ap.add_argument("--corpora", default=",".join(CORPORA))
    ap.add_argument("--langs", default="pt,es,fr,de,ru,en")
    ap.add_argument("--per-doc", type=int, help="injections per document and seed (default per corpus)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and findings")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    rows = run(Path(args.data), [c for c in args.corpora.split(",") if c], set(args.langs.split(",")), seeds,
               args.verbose, args.per_doc)
    kinds = ["transliteration", "typo", "diacritic", "lowercase"]
    print("| corpus | lang | docs | words | injected | recall | " + " | ".join(kinds) + " | findings | / 10k words |")
    print("|---|---|---|---|---|---|" + "---|" * len(kinds) + "---|---|")
    for (corpus, lang), r in rows.items():
        rec = f"{r['hits'] / r['inj']:.3f}" if r["inj"] else "-"
        per = " | ".join(f"{r['kind'][k][0]}/{r['kind'][k][1]}" for k in kinds)
        fp = len(r["fps"])
        print(f"| {corpus} | {lang} | {r['docs']} | {r['words']:,} | {r['inj']} | {rec} | {per} | {fp} | "
              f"{fp / r['words'] * 10_000 if r['words'] else 0:.2f} |")
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
