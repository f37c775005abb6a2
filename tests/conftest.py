import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "corpora" / "sample" / "bbc-panjshir-en.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    """Keep the word-frequency cache of a test run out of the user's home."""
    if "TRANSCHECK_CACHE_DIR" not in os.environ:
        os.environ["TRANSCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield


def glossary_config(tmp_path: Path, csv: str) -> Path:
    """A transcheck.toml in ``tmp_path`` naming one CSV glossary of ``csv`` (rows under a header)."""
    glossary = tmp_path / "terms.csv"
    glossary.write_text(csv, encoding="utf-8")
    config = tmp_path / "transcheck.toml"
    config.write_text(f'glossaries = ["{glossary.as_posix()}"]\n', encoding="utf-8")
    return config


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `transcheck` entry point in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        # (this checkout's code, not an installed copy's: a clone's tests run its own code)
        env={**os.environ, "NO_COLOR": "1",
             "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))},
        timeout=120,
    )
