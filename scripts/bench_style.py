"""Measure what house-style checking costs (docs/benchmarks.md, "Style (bench_style.py)").

1. `transcheck check corpora/sample` with and without the TC3 rules (whole process, median of N);
2. the style rules alone (in process) over ~10 MB of real news text (the shared NTREX-128 and
   WMT22 English files, cut into 100-line documents) with a generated 50-rule style: 20
   substitution rules of 5 swaps, 20 existence rules of 5 tokens, 5 consistency pairs,
   2 capitalisation rules and 3 number rules.

    python scripts/bench_style.py [--news DIR] [--mb 10] [--runs 5]
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)


def whole_process(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", *args], cwd=REPO, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def news_text(root: str, megabytes: float) -> list[str]:
    files = sorted(glob.glob(os.path.join(root, "**", "*eng*"), recursive=True)
                   + glob.glob(os.path.join(root, "**", "*.en"), recursive=True)
                   + glob.glob(os.path.join(root, "**", "*-en*.txt"), recursive=True))
    lines: list[str] = []
    size = 0
    for path in files:
        if os.path.isdir(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                lines.append(line)
                size += len(line.encode("utf-8")) + 1  # the blank line added between paragraphs
                if size >= megabytes * 1e6:
                    return ["".join(lines[i:i + 100]).replace("\n", "\n\n") for i in range(0, len(lines), 100)]
    if not lines:
        raise SystemExit(f"no English news text under {root}")
    while size < megabytes * 1e6:  # repeat when the folder holds less
        lines.extend(lines[: max(1, len(lines))])
        size *= 2
    return ["".join(lines[i:i + 100]).replace("\n", "\n\n") for i in range(0, len(lines), 100)]


WORDS = ("government minister president people country police report market company election league "
         "season court health water energy school border price percent official").split()


def fifty_rule_style() -> str:
    out = ["style: Bench", "rules:"]
    for i in range(20):
        out += [f"  Sub{i}:", "    extends: substitution", "    ignorecase: true", "    swap:"]
        out += [f"      {WORDS[(i + j) % len(WORDS)]}s? of the {WORDS[(i * 3 + j) % len(WORDS)]}: x{i}{j}"
                for j in range(5)]
    for i in range(20):
        out += [f"  Ex{i}:", "    extends: existence", "    tokens:"]
        out += [f"      - 'very {WORDS[(i + j) % len(WORDS)]}'" for j in range(4)] + [f"      - 'zz{i}[a-z]+'"]
    out += ["  Either:", "    extends: consistency", "    either:"]
    out += ["      adviser: advisor", "      judgement: judgment", "      organise: organize",
            "      centre: center", "      per cent: percent"]
    out += ["  Heads:", "    extends: capitalization", "    match: $sentence",
            "  Titles:", "    extends: capitalization", "    match: $title"]
    out += [f"  Num{i}:\n    extends: numbers\n    lang: en" for i in range(3)]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--news", default="/work/shared/data/news")
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    sample = os.path.join("corpora", "sample")
    with_style = whole_process(["check", sample], args.runs)
    without = whole_process(["check", "--ignore", "TC3", sample], args.runs)
    print(f"transcheck check corpora/sample: {with_style:.3f} s; with --ignore TC3: {without:.3f} s "
          f"(median of {args.runs})")

    from checker.config import Config
    from checker.model import Document
    from checker.pipeline import CheckContext, Settings
    from checker.readers.text import read_text
    from checker.rules.style import NumberFormat, StyleCapitalization, StyleConsistency, StyleExistence, StyleSubstitution
    from checker.style import load_styles

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.yml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(fifty_rule_style())
        start = time.perf_counter()
        styles = load_styles([path])
        load_time = time.perf_counter() - start
        texts = news_text(args.news, args.mb)
        docs = []
        for i, text in enumerate(texts):
            prose, blocks = read_text(text)
            docs.append(Document(path=f"doc{i}.txt", text=text, prose=prose, blocks=blocks, lang="en"))
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        ctx = CheckContext(Settings("en", None, None, [], None, Config(styles=[path])))
        rules = [cls() for cls in (StyleSubstitution, StyleExistence, StyleConsistency, StyleCapitalization, NumberFormat)]
        per_rule = {}
        total_findings = 0
        best = None
        for _ in range(3):
            per_rule = {rule.code: 0.0 for rule in rules}
            total_findings = 0
            start = time.perf_counter()
            for doc in docs:
                for rule in rules:
                    t0 = time.perf_counter()
                    total_findings += sum(1 for _ in rule.check_document(doc, ctx))
                    per_rule[rule.code] += time.perf_counter() - t0
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        print(f"50-rule style ({len(styles.rules)} rules) loaded and compiled in {load_time * 1000:.1f} ms")
        print(f"{megabytes:.1f} MB of news in {len(docs)} documents: {best:.2f} s "
              f"({megabytes / best:.1f} MB/s), {total_findings} findings")
        print("per rule class (last run): " + ", ".join(f"{code} {t:.2f} s" for code, t in per_rule.items()))


if __name__ == "__main__":
    main()
