"""Time and memory of `transcheck check` on inputs that once took minutes or gigabytes (a corpus
tester's report): long runs without letters (a Markdown code block, a table of numbers, a
base64 blob), one very long word, thousands of distinct capitalised words. Each input is written
to a temporary folder and checked in a child process (`--isolated --lang en`, every rule), its
wall time and peak memory read from `resource.getrusage` of the children.

    python scripts/bench_pathological.py [--scale 1.0]

The figures go in docs/benchmarks.md ("Pathological inputs"). No timing is asserted here."""

from __future__ import annotations

import argparse
import base64
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def inputs(scale: float) -> dict[str, str]:
    rng = random.Random(7)
    n = int(1000 * scale)
    code = "\n".join(f"    result_{i} = compute(Value{i}, Other{i})  # Step {i}" for i in range(n))
    table = "\n".join(f"| {i} | {i * 37 % 1000} | {i * 91 % 10000}.5 |" for i in range(2 * n))
    blob = base64.b64encode(rng.randbytes(int(30_000 * scale))).decode()
    letters = "abcdefghijklmnopqrstuvwxyz"
    caps = " ".join(rng.choice(letters).upper() + "".join(rng.choices(letters, k=rng.randint(4, 9)))
                    for _ in range(int(10_000 * scale)))
    return {
        "code block (Markdown)": f"# A map\n\nThe team wrote a script.\n\n```python\n{code}\n```\n\nthat was all.\n",
        "table of numbers (Markdown)": f"# Figures\n\n| a | b | c |\n|---|---|---|\n{table}\n",
        "base64 blob": f"The image follows.\n\n{blob}\n",
        "one long word": f"Kabul and Kabul. {'b' * int(30_000 * scale)} and {'A' + 'c' * int(30_000 * scale)}.\n",
        "distinct capitalised words": caps + ".\n",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    print("| input | size | wall s | peak RSS MB |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, text in inputs(args.scale).items():
            path = Path(folder) / ("doc.md" if "Markdown" in name else "doc.txt")
            path.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "checker", "check", "--isolated", "--lang", "en", str(path)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            wall = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # (the largest child so far)
            print(f"| {name} | {len(text.encode()) / 1000:.0f} KB | {wall:.2f} | {peak:.0f} |")
            path.unlink()


if __name__ == "__main__":
    main()
