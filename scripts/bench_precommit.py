#!/usr/bin/env python3
"""Measure what an editor waits for in a pre-commit hook: whole `transcheck check` processes.

1. one ~1,000-word article (corpora/sample/bbc-panjshir-en.txt);
2. ~100 staged articles at once (pre-commit passes all file names to one process, since the hook
   has require_serial): the NTREX-128 news documents, one file each, written to a temporary
   directory.

Each case runs once to warm the word-frequency cache (as an editor's second commit would find
it), then --runs times; the median and the range are printed as a Markdown table. Goals: one
article <= 0.3 s, 100 articles <= 3 s.

    python scripts/bench_precommit.py [--data ../shared/data] [--runs 7] [--lang eng]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample" / "bbc-panjshir-en.txt"
NTREX_FILES = {"eng": "newstest2019-src.eng.txt"}  # others: newstest2019-ref.<lang>.txt
ISO_639_1 = {"eng": "en", "por": "pt", "spa": "es", "fra": "fr", "deu": "de", "prs": "fa", "pus": "ps"}


def transcheck_command() -> list[str]:
    """The console script pre-commit would run; `python -m checker` when it is not installed."""
    script = Path(sys.executable).with_name("transcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def write_articles(data: Path, lang: str, count: int, target: Path) -> tuple[list[Path], int]:
    """Write ``count`` NTREX documents as articles (title line, paragraphs of 4 sentences)."""
    ntrex = data / "news" / "ntrex128"
    name = NTREX_FILES.get(lang, f"newstest2019-ref.{lang}.txt")
    sentences = (ntrex / "NTREX-128" / name).read_text(encoding="utf-8").splitlines()
    doc_ids = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    if len(sentences) != len(doc_ids):
        raise SystemExit(f"{name}: {len(sentences)} lines but DOCUMENT_IDS.tsv has {len(doc_ids)}")
    documents: dict[str, list[str]] = {}
    for doc_id, sentence in zip(doc_ids, sentences):
        documents.setdefault(doc_id.strip(), []).append(sentence.strip())
    paths, words = [], 0
    for index, (doc_id, lines) in enumerate(list(documents.items())[:count]):
        title, body = lines[0], lines[1:]
        paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
        path = target / f"{index:03d}-{doc_id.replace('/', '_')}.txt"
        path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        words += sum(len(line.split()) for line in lines)
        paths.append(path)
    return paths, words


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], runs: int, cwd: Path, env: dict[str, str]) -> tuple[list[float], list[float], int]:
    """Wall-clock and CPU (user + system) seconds of each run, and the last exit code."""
    subprocess.run(command, cwd=cwd, env=env, capture_output=True)  # warm-up (fills the cache)
    times, cpu, code = [], [], 0
    for _ in range(runs):
        cpu_before, start = _children_cpu(), time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - cpu_before)
        code = done.returncode
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command[:3])} ... failed ({code}): {done.stderr.decode().strip()}")
    return times, cpu, code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="the shared data folder (default: ../shared/data from the repository root)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--lang", default="eng", help="NTREX language file: eng (sources) or por, por-BR, fra, ...")
    args = parser.parse_args(argv)

    command = transcheck_command()
    work = Path(tempfile.mkdtemp(prefix="bench-precommit-"))
    env = {**os.environ, "NO_COLOR": "1", "TRANSCHECK_CACHE_DIR": str(work / "cache")}
    # An installed transcheck (pre-commit's virtualenv) runs from bytecode; without it every run
    # compiles the project's modules again (~0.09 s). Keep the bytecode out of the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    try:
        articles = work / "articles"
        articles.mkdir()
        paths, words = write_articles(args.data, args.lang, args.articles, articles)
        one, one_cpu, one_code = measure([*command, "check", str(SAMPLE)], args.runs, work, env)
        names = [str(p.relative_to(work)) for p in paths]
        many, many_cpu, many_code = measure([*command, "check", *names], args.runs, work, env)
        lang = ISO_639_1.get(args.lang.split("-")[0], args.lang)
        given, given_cpu, given_code = measure([*command, "check", "--lang", lang, *names], args.runs, work, env)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    sample_words = len(SAMPLE.read_text(encoding="utf-8").split())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs after one warm-up, "
          f"command: {' '.join(Path(c).name for c in command)} check ..., "
          f"load average before: {os.getloadavg()[0]:.2f}")
    print()
    print("| case | words | wall median | wall min–max | CPU median | goal (wall median) | exit code |")
    print("|---|---|---|---|---|---|---|")
    for label, n_words, times, cpu, goal, code in (
        (f"1 article ({SAMPLE.name})", sample_words, one, one_cpu, 0.3, one_code),
        (f"{len(paths)} articles (NTREX-128 {args.lang}), language detected", words, many, many_cpu, 3.0, many_code),
        (f"{len(paths)} articles, `--lang {lang}`", words, given, given_cpu, 3.0, given_code),
    ):
        median = statistics.median(times)
        verdict = "ok" if median <= goal else "over"
        print(f"| {label} | {n_words:,} | {median:.3f} s | {min(times):.3f}–{max(times):.3f} s "
              f"| {statistics.median(cpu):.3f} s | <= {goal} s ({verdict}) | {code} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
