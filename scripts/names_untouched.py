#!/usr/bin/env python3
"""TC101's findings on untouched text outside eval_names.py: WMT22 system outputs and second
references of the **dev** documents only (the held-out documents' other translations would leak
their names).

eval_names.py checks false positives on one fixed set of references (1,552 dev documents, about
20 findings), too few to show what a loosened rule starts to flag. These translations are other
texts of the same dev documents, by machines and by a second translator: a change to the names
rules should add no finding here that is not a real inconsistency. Most findings on machine
output are real (systems do spell one name two ways), so the figure to watch is the difference
between two versions, listed with ``--save`` and ``--compare``:

    python scripts/names_untouched.py --save /tmp/before.tsv        # on the old code
    python scripts/names_untouched.py --compare /tmp/before.tsv     # on the new code: new and gone findings

Data: ``../shared/data/news/wmt22`` (``--data``): the sources and outputs in ``txt/``, mapped to
documents through the XML files, as eval_names.py maps its references. German, French and
Russian only: the data has no system outputs of ru-en or uk-en, and no XML for the other pairs
into English.

Since round 6 also the translations of TICO-19 (``terminology/tico19/TM``: pt-BR, es-419, fr;
each document's units joined in order), another domain (medicine, COVID-19: codes such as HCoV
and IFNβ, Latin taxa, currencies) and the only untouched Portuguese and Spanish text beside
eval_names.py's own. Rows are per corpus and language.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_names  # noqa: E402  (the loaders, the split and the check)

# (pair, source language, target language, the XML file that gives the documents)
PAIRS = [
    ("ru-en", "ru", "en", "wmttest2022.ru-en.all.xml"),
    ("uk-en", "uk", "en", "wmttest2022.uk-en.all.xml"),
    ("de-fr", "de", "fr", "wmttest2022.de-fr.all.xml"),
    ("fr-de", "fr", "de", "wmttest2022.fr-de.all.xml"),
    ("en-de", "en", "de", "wmttest2022.en-zh.all.xml"),  # the en-X pairs share the English source
    ("en-ru", "en", "ru", "wmttest2022.en-zh.all.xml"),
]


def translations(data: Path, prefix: str = "wmt22", parallel: bool = False) -> list[eval_names.Doc]:
    """Each system output and second reference of each dev document, as one document (ids
    ``prefix/pair/system/doc``; with ``parallel``, the source text as its parallel text, which
    eval_names_extra.py's injector needs)."""
    base = data / "news" / "wmt22"
    out = []
    for pair, src_lang, lang, xml in PAIRS:
        src_file = base / "txt" / "sources" / f"generaltest2022.{pair}.src.{src_lang}"
        if not (base / "xml" / xml).exists() or not src_file.exists():
            continue
        sources = src_file.read_text(encoding="utf-8").split("\n")
        files = sorted((base / "txt" / "system-outputs").glob(f"generaltest2022.{pair}.hyp.*.{lang}"))
        files += [f for f in sorted((base / "txt" / "references").glob(f"generaltest2022.{pair}.ref.*.{lang}"))
                  if ".ref.A." not in f.name]  # reference A is eval_names.py's own
        for path in files:
            kind, name = path.name.split(".")[2:4]
            system = name if kind == "hyp" else f"ref-{name}"
            _, groups = eval_names.by_document(base / "xml" / xml, sources, path.read_text(encoding="utf-8").split("\n"))
            for doc_id, pairs in groups.items():
                if eval_names.in_split(f"wmt22/{pair}/ref/{doc_id}", "dev"):
                    text = eval_names._join([line for line, _ in pairs])
                    source = eval_names._join([src for _, src in pairs]) if parallel else ""
                    out.append(eval_names.Doc(f"{prefix}/{pair}/{system}/{doc_id}", lang, text, source))
    return out


TICO19 = [("pt", "pt-BR", "all.en-pt-BR.tmx"), ("es", "es-419", "all.en-es-419.tmx"), ("fr", "fr", "all.en-fr.tmx")]


def tico19(data: Path) -> list[eval_names.Doc]:
    """Each TICO-19 document's target units (tuid ``DOC:N``), joined, as one document."""
    from eval_glossary import read_tmx

    out = []
    for lang, locale, name in TICO19:
        path = data / "terminology" / "tico19" / "TM" / name
        if not path.exists():
            continue
        docs: dict[str, list[str]] = defaultdict(list)
        for tuid, _, target in read_tmx(path, locale):
            docs[tuid.split(":")[0]].append(target)
        for doc_id, units in docs.items():
            out.append(eval_names.Doc(f"tico19/{lang}/{doc_id}", lang, eval_names._join(units), ""))
    return out


def findings(docs: list[eval_names.Doc]) -> list[tuple[str, str, str, str]]:
    """(language, document, spelling, dominant spelling) of every finding, in order."""
    return [(doc.lang, doc.id, f.text, f.variant_of or "") for doc in docs for f in eval_names.check(doc.text, doc.id, doc.lang)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(eval_names.REPO.parent / "shared" / "data"))
    ap.add_argument("--save", metavar="TSV", help="write every finding to this file")
    ap.add_argument("--compare", metavar="TSV", help="list the findings new or gone since this saved file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every finding")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs = translations(Path(args.data)) + tico19(Path(args.data))
    found = findings(docs)
    words: dict[tuple[str, str], int] = defaultdict(int)
    ndocs: dict[tuple[str, str], int] = defaultdict(int)
    for doc in docs:
        words[_row(doc.id, doc.lang)] += len(eval_names.WORD.findall(doc.text))
        ndocs[_row(doc.id, doc.lang)] += 1
    per_row: dict[tuple[str, str], int] = defaultdict(int)
    for lang, doc_id, *_ in found:
        per_row[_row(doc_id, lang)] += 1
    print("| corpus | lang | documents | words | findings | findings / 10k words |\n|---|---|---|---|---|---|")
    for row in sorted(ndocs):
        n = per_row[row]
        print(f"| {row[0]} | {row[1]} | {ndocs[row]} | {words[row]:,} | {n} | {n / words[row] * 10_000:.2f} |")
    rows = ["\t".join(f) for f in found]
    if args.verbose:
        print("\n".join(rows))
    if args.save:
        Path(args.save).write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    if args.compare:
        before = Path(args.compare).read_text(encoding="utf-8").splitlines()
        old, new = set(before), set(rows)
        print(f"\nnew findings ({len(new - old)}):")
        print("\n".join(sorted(new - old)) or "  none")
        print(f"gone ({len(old - new)}):")
        print("\n".join(sorted(old - new)) or "  none")
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


def _row(doc_id: str, lang: str) -> tuple[str, str]:
    return (doc_id.split("/")[0], lang)


if __name__ == "__main__":
    raise SystemExit(main())
