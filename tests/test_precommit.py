"""The pre-commit hook (.pre-commit-hooks.yaml), run by the real `pre-commit` tool.

Slow (pre-commit builds the hook's virtualenv and pip-installs transcheck and its dependencies
into it, a minute or two) but part of every CI run: `pytest -m "not slow"` skips it locally.

`pre-commit try-repo` copies only committed and tracked files, so the test first snapshots this
working tree (tracked and untracked files that git does not ignore) into a fresh repository and
points pre-commit at that: it checks the hook definition and the code as they are now, in a
fresh clone in CI and in an uncommitted working tree alike.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE

pytestmark = pytest.mark.slow

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
GOOD = (
    "Rescue teams reached the village\n\n"
    "Rescue teams reached the mountain village on Tuesday after three days of snow. The regional "
    "governor said the road would stay closed until the weekend. Engineers from the capital "
    "arrived in the evening to inspect the bridge.\n"
)


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True, capture_output=True)


def _snapshot(target: Path) -> Path:
    """This working tree as a one-commit repository (what CI's fresh clone would contain)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True)
    if listed.returncode == 0:
        names = [name for name in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if name]
    else:  # not a git checkout (an unpacked sdist): take the files pre-commit needs
        names = [str(p.relative_to(REPO)) for p in REPO.rglob("*") if p.is_file()
                 and not {".venv", ".git", "__pycache__", "build"} & set(p.relative_to(REPO).parts)]
    for name in names:
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


@pytest.fixture(scope="module")
def precommit(tmp_path_factory):
    """Run `pre-commit try-repo <snapshot> transcheck --files ...` in a user's repository."""
    hook_repo = _snapshot(tmp_path_factory.mktemp("hook-repo"))
    user_repo = tmp_path_factory.mktemp("articles")
    _git("init", "-q", cwd=user_repo)
    shutil.copy(SAMPLE, user_repo / "bad.txt")
    (user_repo / "good.md").write_text(GOOD, encoding="utf-8")
    (user_repo / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    shutil.copy(SAMPLE, user_repo / "catalogue.po")  # a format transcheck does not read yet
    shutil.copy(SAMPLE, user_repo / "WIRE.TXT")  # a suffix in capitals, which `check` reads too
    _git("add", "-A", cwd=user_repo)
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
           "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}

    def run(*args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "transcheck", "--verbose", *args],
            cwd=user_repo, env=env, capture_output=True, timeout=1200,
        )
        result.output = (result.stdout + result.stderr).decode("utf-8", "replace")
        return result

    return run


def test_bad_article_fails_with_findings(precommit):
    result = precommit("--files", "bad.txt")
    assert result.returncode == 1, result.output
    assert "transcheck" in result.output and "Failed" in result.output
    assert "bad.txt:3:9: TC101" in result.output  # transcheck's own findings, in the text format
    assert "Taleban" in result.output


def test_good_article_passes(precommit):
    result = precommit("--files", "good.md")
    assert result.returncode == 0, result.output
    assert "Passed" in result.output


def test_hook_selects_text_files_only(precommit):
    # photo.png is not passed to transcheck (it would exit 2 on a binary file), nor a PO catalogue
    # (it would be read as plain text): only the articles are
    result = precommit("--all-files")
    assert result.returncode == 1, result.output
    assert "bad.txt:3:9: TC101" in result.output and "photo.png" not in result.output
    assert "catalogue.po" not in result.output
    assert "WIRE.TXT:3:9: TC101" in result.output  # (a tester's report: the hook skipped it)
