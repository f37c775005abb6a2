#!/usr/bin/env python3
"""Speed of the glossary: loading a 10,000-entry TBX, and TC202 + TC203 over ~10 MB of English news.

The glossary is built from real data: the English terms of the TICO-19 termbases (as targets of
their Portuguese, Spanish and French renderings) and OFAC sanctions-list names (primary names as
preferred terms, their "aka" aliases as deprecated ones), written as TBX-Basic. The corpus is the
English side of the WMT22 test sets (sources, references and system outputs) cut to the size asked.
One process, one core.

    python scripts/bench_glossary.py [--data ../shared/data] [--terms 10000] [--mb 10]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def build_entries(data: Path, n: int) -> list[tuple[str, list[tuple[str, str]]]]:
    """(source term, [(English term, status)]) from TICO-19 then OFAC, ``n`` entries."""
    entries, seen = [], set()
    terms = data / "terminology" / "tico19" / "terminologies"
    for name in ("g_pt-BR_en.csv", "g_es-419_en.csv", "g_fr_en.csv"):
        path = terms / name
        if not path.exists():
            continue
        for row in csv.DictReader(open(path, encoding="utf-8")):
            en = row["targetString"].strip()
            if en and en.casefold() not in seen:
                seen.add(en.casefold())
                entries.append((row["sourceString"].strip(), [(en, "preferredTerm-admn-sts")]))
    aliases: dict[str, list[str]] = {}
    ofac = data / "names" / "ofac"
    for row in csv.reader(open(ofac / "alt.csv", encoding="utf-8", errors="replace")):
        if len(row) > 3 and row[2].strip() == "aka":
            aliases.setdefault(row[0].strip(), []).append(row[3].strip())
    for row in csv.reader(open(ofac / "sdn.csv", encoding="utf-8", errors="replace")):
        if len(entries) >= n:
            break
        if len(row) < 2 or not row[1].strip() or row[1].casefold() in seen:
            continue
        seen.add(row[1].casefold())
        name = " ".join(reversed(row[1].split(", ", 1))).title() if ", " in row[1] else row[1].title()
        # (an alias spelled as the name itself would make the entry contradict itself: a load error)
        others = [a.title() for a in aliases.get(row[0].strip(), []) if a.title().casefold() != name.casefold()]
        terms_ = [(name, "preferredTerm-admn-sts")] + [(a, "deprecatedTerm-admn-sts") for a in others[:2]]
        entries.append((row[1].strip(), terms_))
    return entries[:n]


def write_tbx(entries, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en">\n<text><body>\n')
        for i, (source, terms) in enumerate(entries):
            out.write(f'<termEntry id="e{i}"><langSet xml:lang="pt"><tig><term>{escape(source)}</term></tig></langSet>'
                      '<langSet xml:lang="en">')
            for text, status in terms:
                out.write(f'<tig><term>{escape(text)}</term><termNote type="administrativeStatus">{status}</termNote></tig>')
            out.write("</langSet></termEntry>\n")
        out.write("</body></text>\n</martif>\n")


def corpus(data: Path, megabytes: float) -> str:
    parts, size, limit = [], 0, int(megabytes * 1_000_000)
    root = data / "news" / "wmt22" / "txt"
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name.endswith(".en"):
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(text)
            size += len(text.encode("utf-8"))
            if size >= limit:
                break
    text = "".join(parts)
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=5, help="runs of the TBX load (median)")
    args = parser.parse_args()
    data = Path(args.data)

    from checker.config import Config
    from checker.glossary import glossary_for, load_glossary, near_miss_hits, wrong_term_hits
    from checker.pipeline import CheckContext, Options, Settings, load_text

    entries = build_entries(data, args.terms)
    tbx = Path(tempfile.mkdtemp(prefix="bench-glossary-")) / "glossary.tbx"
    write_tbx(entries, tbx)
    n_terms = sum(len(t) for _, t in entries)
    loads, load_cpu = [], []
    for _ in range(args.repeat):
        started, cpu = time.perf_counter(), time.process_time()
        glossary = load_glossary(str(tbx))
        loads.append(time.perf_counter() - started)
        load_cpu.append(time.process_time() - cpu)
    text = corpus(data, args.mb)
    mb = len(text.encode("utf-8")) / 1_000_000
    doc = load_text(text[:1], "corpus.txt", "en", "txt")  # a document without the cost of segmenting 10 MB
    doc.text = doc.prose = text
    ctx = CheckContext(Settings.resolve(Options(select=["TC2"]), Config(lang="en", glossaries=[str(tbx)])))
    started, cpu = time.perf_counter(), time.process_time()
    compiled = glossary_for(ctx)
    compiled.target_index("en"), compiled.near_index("en"), compiled.leftover_indexes("en")
    compile_s, compile_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    wrong = wrong_term_hits(doc, ctx)
    near = near_miss_hits(doc, ctx)
    scan_s, scan_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"glossary: {len(glossary)} entries, {n_terms} English terms ({tbx.stat().st_size / 1e6:.1f} MB TBX)")
    print(f"load TBX: median {statistics.median(loads):.3f} s wall, {statistics.median(load_cpu):.3f} s CPU over {args.repeat} runs")
    print(f"compile (match, near-miss and leftover indexes): {compile_s:.3f} s wall, {compile_cpu:.3f} s CPU")
    print(f"scan {mb:.1f} MB (TC202 + TC203, first run, cold word-frequency lookups): {scan_s:.2f} s = {mb / scan_s:.1f} MB/s "
          f"wall, {scan_cpu:.2f} s = {mb / scan_cpu:.1f} MB/s CPU "
          f"({len(wrong)} deprecated-term hits, {len(near)} near-miss/leftover hits)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
