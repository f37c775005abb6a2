#!/usr/bin/env python3
"""Speed of the core: start-up on the example article and names checking on a 10 MB corpus.

    python scripts/bench.py [--data ../shared/data] [--runs 15] [--mb 10]

1. Whole process (interpreter start included): `transcheck check --isolated` on the example
   article with `--lang en` and with language detection; median of --runs runs after one warm-up
   run (the warm-up also builds the per-user word-frequency cache; its time is shown apart).
2. Names checking (load, segment and rule TC101, or ``--rules``, in a child process on one core) on a corpus
   of ~5 KB documents of distinct text cut from the shared news (NTREX-128 English and its
   translations, then WMT22 references and system outputs into en/pt/es/fr/de/ru), at 1/4, 1/2
   and all of --mb megabytes: MB/s, peak memory (max RSS), and how the time grows (linear:
   doubling the corpus doubles the time).
3. With ``--instructions``: the instructions the names check executes (valgrind's callgrind, the
   same count on a busy or a quiet host, unlike CPU time on this virtual machine) on every
   ``--every``-th document of the --mb corpus (all six languages), minus a run that only builds
   the corpus and warms up. Compare two versions with this, not with seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "corpora" / "sample" / "bbc-panjshir-en.txt"
DOC_BYTES = 5000


def whole_process(args: list[str], runs: int) -> tuple[float, float]:
    """(first run, median of the next ``runs``) wall time of `transcheck ARGS`."""
    script = Path(sys.executable).with_name("transcheck")  # the console script, as users run it
    command = [str(script), *args] if script.exists() else [sys.executable, "-m", "checker", *args]
    # An installed transcheck has its bytecode: let the warm-up run write it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, env=env, check=False)
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


LANGS = ("en", "pt", "es", "fr", "de", "ru")


def news_texts(data: Path) -> list[tuple[str, Path]]:
    """(language, path) of the shared news files usable as target text, in a fixed order:
    NTREX-128 English and its translations, then every WMT22 reference and system output into
    one of LANGS (different translations of the same news: distinct text, recurring names)."""
    ntrex = data / "news" / "ntrex128" / "NTREX-128"
    files = [
        ("en", ntrex / "newstest2019-src.eng.txt"), ("pt", ntrex / "newstest2019-ref.por.txt"),
        ("es", ntrex / "newstest2019-ref.spa.txt"), ("fr", ntrex / "newstest2019-ref.fra.txt"),
        ("de", ntrex / "newstest2019-ref.deu.txt"),
    ]
    wmt = data / "news" / "wmt22" / "txt"
    for folder in ("references", "system-outputs"):
        for path in sorted((wmt / folder).glob("generaltest2022.*")):
            lang = path.name.rsplit(".", 1)[-1]
            if lang in LANGS:
                files.append((lang, path))
    missing = [str(path) for _, path in files[:5] if not path.exists()]
    if missing:
        sys.exit(f"bench: missing data files: {', '.join(missing)} (use --data)")
    return files


def build_corpus(data: Path, megabytes: float) -> list[tuple[str, str]]:
    """~5 KB documents of consecutive lines from the news files, in order, until the size; every
    document is distinct text (the run stops with an error rather than repeat one)."""
    target = int(megabytes * 1_000_000)
    documents: list[tuple[str, str]] = []
    size = 0
    for lang, path in news_texts(data):
        chunk: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            chunk.append(line)
            if sum(len(x) for x in chunk) >= DOC_BYTES:
                body = "\n\n".join(chunk) + "\n"
                documents.append((lang, body))
                size += len(body.encode("utf-8"))
                chunk = []
                if size >= target:
                    return documents
    sys.exit(f"bench: only {size / 1e6:.1f} MB of news text under {data}; ask for less with --mb")


def names_child(data: str, megabytes: float, every: int = 1, setup_only: bool = False,
                rules: tuple[str, ...] = ("TC101",)) -> None:
    """Runs in a child process: check the corpus (every ``every``-th document) with ``rules``
    (TC101 alone by default) and print JSON figures. ``setup_only``: build and warm up, check nothing (the baseline that
    ``instructions`` subtracts)."""
    import resource

    from checker.cli import tune_gc
    from checker.pipeline import Options, Source, run

    tune_gc()  # as the command runs

    docs = build_corpus(Path(data), megabytes)[::every]
    total = sum(len(text.encode("utf-8")) for _, text in docs)
    # Warm the per-language caches (word frequencies, splitter) outside the timing.
    for lang in sorted({lang for lang, _ in docs}):
        run([Source(f"warm.{lang}.txt", "Warm up text. Kabul and Kabul.".encode())], Options(lang=lang, select=list(rules), isolated=True))
    by_lang: dict[str, list[Source]] = {}
    for i, (lang, text) in enumerate(docs):
        by_lang.setdefault(lang, []).append(Source(f"doc{i:06d}.txt", text.encode("utf-8")))
    start = time.process_time()
    findings = 0
    for lang, sources in by_lang.items() if not setup_only else ():
        findings += len(run(sources, Options(lang=lang, select=list(rules), isolated=True)).findings)
    seconds = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"bytes": total, "documents": len(docs), "cpu_seconds": seconds, "peak_mb": peak_mb, "findings": findings}))


def names_throughput(data: Path, megabytes: float, rules: str = "TC101") -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    command = ["taskset", "-c", "0"] if _have("taskset") else []
    command += [sys.executable, __file__, "--child", "--data", str(data), "--mb", str(megabytes), "--rules", rules]
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def instructions(data: Path, megabytes: float, every: int, rules: str = "TC101") -> tuple[int, int, dict]:
    """(instructions of the check, bytes checked, the child's figures) under callgrind."""
    import re

    counts = []
    figures: dict = {}
    for setup_only in (True, False):
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
                   "--child", "--data", str(data), "--mb", str(megabytes), "--every", str(every), "--rules", rules]
        command += ["--setup-only"] if setup_only else []
        env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1"}
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, check=True)
        counts.append(int(re.search(r"Collected : (\d+)", done.stderr).group(1)))
        figures = json.loads(done.stdout.strip().splitlines()[-1])
    return counts[1] - counts[0], figures["bytes"], figures


def _have(program: str) -> bool:
    return any(os.access(os.path.join(d, program), os.X_OK) for d in os.environ.get("PATH", "").split(os.pathsep))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-names", action="store_true")
    parser.add_argument("--instructions", action="store_true", help="count the names check's instructions (valgrind)")
    parser.add_argument("--every", type=int, help="with --instructions: every N-th document (default 20)")
    parser.add_argument("--setup-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--rules", default="TC101",
                        help="rules of the names check, comma-separated (TC101,TC103 adds the corpus-wide rule)")
    args = parser.parse_args()
    if args.child:
        names_child(args.data, args.mb, args.every or 1, args.setup_only, tuple(args.rules.split(",")))
        return
    if args.instructions:
        if not _have("valgrind"):
            sys.exit("bench: --instructions needs valgrind")
        every = args.every or 20
        count, size, figures = instructions(Path(args.data), args.mb, every, args.rules)
        print(f"names check, every {every}th document of {args.mb:g} MB ({figures['documents']} documents, "
              f"{size / 1e6:.2f} MB, {figures['findings']} findings): {count / 1e6:,.0f} M instructions, "
              f"{count / size:,.0f} per byte")
        return

    rows = []
    if not args.skip_startup:
        for label, extra in (("--lang en", ["--lang", "en"]), ("language detection", [])):
            first, median = whole_process(["check", "--isolated", *extra, str(SAMPLE)], args.runs)
            rows.append(f"| `transcheck check {' '.join(extra)}` example article ({label}) | {median:.3f} s | {first:.3f} s |")
        print("| run | median | first run |\n|---|---|---|")
        print("\n".join(rows))

    if args.skip_names:
        return
    print("\n| corpus | documents | CPU s | MB/s | peak RSS MB | findings |\n|---|---|---|---|---|---|")
    results = []
    for fraction in (0.25, 0.5, 1.0):
        figures = names_throughput(Path(args.data), args.mb * fraction, args.rules)
        results.append(figures)
        mb = figures["bytes"] / 1e6
        print(f"| {mb:.1f} MB | {figures['documents']} | {figures['cpu_seconds']:.2f} | "
              f"{mb / figures['cpu_seconds']:.2f} | {figures['peak_mb']:.0f} | {figures['findings']} |")
    small, large = results[0], results[-1]
    ratio = (large["cpu_seconds"] / small["cpu_seconds"]) / (large["bytes"] / small["bytes"])
    print(f"\ntime per byte at {large['bytes'] / 1e6:.1f} MB / at {small['bytes'] / 1e6:.1f} MB = {ratio:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
