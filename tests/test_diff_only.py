"""--diff-only [--diff-base REV] (checker/gitdiff.py): only findings on lines changed against a revision."""

import json
import os
import subprocess

import pytest
from conftest import run_cli
from fake_rules import run_cli_with_fake_rule

from checker.gitdiff import _unquote, parse_diff

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True)


def _one_error_line(result):
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("transcheck: error: ") and "Traceback" not in result.stderr.decode()
    return lines[0]


def _found(result):
    return [(f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def repo(tmp_path):
    git("init", "-q", "-b", "main", cwd=tmp_path)
    (tmp_path / "old.txt").write_text("The Taleban came.\nQuiet line.\nThe Taleban left.\n", encoding="utf-8")
    (tmp_path / "same.txt").write_text("The Taleban stayed.\n", encoding="utf-8")
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "first", cwd=tmp_path)
    return tmp_path


def test_only_changed_lines_and_untracked_files_are_reported(repo):
    # one line edited in the middle of old.txt (now a finding), one added at the end; same.txt unchanged
    (repo / "old.txt").write_text("The Taleban came.\nThe Taleban edited this.\nThe Taleban left.\nThe Taleban again.\n",
                                  encoding="utf-8")
    (repo / "new file.txt").write_text("Intro.\nThe Taleban arrived.\n", encoding="utf-8")
    everything = run_cli_with_fake_rule("check", "--format", "json", "old.txt", "same.txt", "new file.txt", cwd=repo)
    assert len(_found(everything)) == 6
    result = run_cli_with_fake_rule("check", "--format", "json", "old.txt", "same.txt", "new file.txt", "--diff-only",
                                    cwd=repo)
    assert result.returncode == 1, result.stderr
    assert _found(result) == [("new file.txt", 2), ("old.txt", 2), ("old.txt", 4)]


def test_a_change_that_outvotes_an_old_spelling_reports_it(repo):
    # a corpus tester's report: two added "Tsikhanovskaya" made the old line's spelling the
    # minority; its finding stands on an unchanged line, and --diff-only let the commit through
    (repo / "a.md").write_text("# Opposition\n\nSviatlana Tsikhanouskaya spoke in Vilnius on Saturday.\n",
                               encoding="utf-8")
    git("add", "a.md", cwd=repo)
    git("commit", "-q", "-m", "base", cwd=repo)
    with open(repo / "a.md", "a", encoding="utf-8") as handle:
        handle.write("\nTsikhanovskaya said the movement would go on. Supporters of Tsikhanovskaya cheered.\n"
                     "\nThe Taleban came.\n")
    result = run_cli("check", "--diff-only", "--lang", "en", "--select", "TC101", "--format", "json", "a.md", cwd=repo)
    assert _found(result) == [("a.md", 3)]
    # a finding on an unchanged line whose other spelling no changed line writes stays out
    (repo / "b.md").write_text("The Taliban came. The Taliban left.\n\nLater the Taleban returned.\n",
                               encoding="utf-8")
    git("add", "b.md", cwd=repo)
    git("commit", "-q", "-m", "b", cwd=repo)
    with open(repo / "b.md", "a", encoding="utf-8") as handle:
        handle.write("\nA quiet line.\n")
    result = run_cli("check", "--diff-only", "--lang", "en", "--select", "TC101", "--format", "json", "b.md", cwd=repo)
    assert _found(result) == []
    # a house list's finding does not depend on the majority: it stays out (a review)
    (repo / "names.yaml").write_text("names:\n  - name: Taliban\n    variants: [Taleban]\n", encoding="utf-8")
    (repo / "transcheck.toml").write_text('lang = "en"\nnames = ["names.yaml"]\n', encoding="utf-8")
    with open(repo / "b.md", "a", encoding="utf-8") as handle:
        handle.write("\nThe Taliban spoke.\n")
    result = run_cli("check", "--diff-only", "--select", "TC102", "--format", "json", "b.md", cwd=repo)
    assert _found(result) == []


def test_staged_changes_count_and_other_revisions_work(repo):
    (repo / "same.txt").write_text("Intro.\nThe Taleban stayed.\n", encoding="utf-8")
    git("add", "same.txt", cwd=repo)
    git("commit", "-q", "-m", "second", cwd=repo)
    (repo / "sub").mkdir()
    (repo / "sub" / "staged.txt").write_text("The Taleban.\n", encoding="utf-8")
    git("add", "sub/staged.txt", cwd=repo)
    head = run_cli_with_fake_rule("check", "--format", "json", "same.txt", "sub/staged.txt", "--diff-only", cwd=repo)
    assert _found(head) == [("sub/staged.txt", 1)]  # same.txt is committed: nothing changed against HEAD
    # against the first commit, same.txt moved its finding to line 2 but did not change that line
    first = run_cli_with_fake_rule("check", "--format", "json", "same.txt", "--diff-only", "--diff-base", "HEAD~1", cwd=repo)
    assert _found(first) == []
    (repo / "same.txt").write_text("Intro.\nThe Taleban stayed on.\n", encoding="utf-8")
    changed = run_cli_with_fake_rule("check", "--format", "json", "same.txt", "--diff-only", "--diff-base", "HEAD~1", cwd=repo)
    assert _found(changed) == [("same.txt", 2)]


def test_a_renamed_file_counts_only_its_edits(repo):
    # git mv (a new slug for an article), staged: no line of it is new, except the one edited
    git("mv", "old.txt", "renamed.txt", cwd=repo)
    pure = run_cli_with_fake_rule("check", "--format", "json", "renamed.txt", "--diff-only", cwd=repo)
    assert pure.returncode == 0 and _found(pure) == []
    (repo / "renamed.txt").write_text("The Taleban came.\nQuiet line.\nThe Taleban left at once.\n", encoding="utf-8")
    edited = run_cli_with_fake_rule("check", "--format", "json", "renamed.txt", "--diff-only", cwd=repo)
    assert _found(edited) == [("renamed.txt", 3)]


def test_standard_input_is_compared_as_read_not_as_on_disk(repo):
    # an editor's unsaved buffer: the disk still holds the committed text, the buffer adds line 2
    buffer = b"The Taleban came.\nThe Taleban, new in the buffer.\nQuiet line.\nThe Taleban left.\n"
    result = run_cli_with_fake_rule("check", "--format", "json", "-", "--stdin-filename", "old.txt", "--diff-only",
                                    cwd=repo, stdin=buffer)
    assert _found(result) == [("old.txt", 2)]
    # UTF-16 with its mark is compared as text too; a name git does not track is wholly new
    utf16 = buffer.decode().encode("utf-16")
    assert _found(run_cli_with_fake_rule("check", "--format", "json", "-", "--stdin-filename", "old.txt",
                                         "--diff-only", cwd=repo, stdin=utf16)) == [("old.txt", 2)]
    untracked = run_cli_with_fake_rule("check", "--format", "json", "-", "--stdin-filename", "draft.txt",
                                       "--diff-only", cwd=repo, stdin=buffer)
    assert _found(untracked) == [("draft.txt", 1), ("draft.txt", 2), ("draft.txt", 4)]


def test_run_from_a_subdirectory(repo):
    (repo / "sub").mkdir()
    (repo / "sub" / "a.txt").write_text("The Taleban.\n", encoding="utf-8")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "sub", cwd=repo)
    (repo / "sub" / "a.txt").write_text("The Taleban.\nThe Taleban, again.\n", encoding="utf-8")
    result = run_cli_with_fake_rule("check", "--format", "json", "a.txt", "../old.txt", "--diff-only", cwd=repo / "sub")
    assert _found(result) == [("a.txt", 2)]
    # the user's git settings that change diff's output change nothing (a tester's report: with
    # either, nothing was reported and the hook passed)
    git("config", "diff.mnemonicPrefix", "true", cwd=repo)
    git("config", "diff.relative", "true", cwd=repo)
    result = run_cli_with_fake_rule("check", "--format", "json", "a.txt", "../old.txt", "--diff-only", cwd=repo / "sub")
    assert _found(result) == [("a.txt", 2)]


def test_outside_a_git_repository_exits_2(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("The Taleban.\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # never find a repository above
    result = run_cli("check", "a.txt", "--diff-only", cwd=tmp_path)
    assert result.returncode == 2
    assert "not inside a git repository" in _one_error_line(result)


def test_diff_only_before_the_paths_and_unknown_revision(repo):
    # --diff-only is a flag: the words after it are paths, not a revision
    (repo / "old.txt").write_text("The Taleban came.\nThe Taleban edited this.\nThe Taleban left.\n", encoding="utf-8")
    result = run_cli_with_fake_rule("check", "--format", "json", "--diff-only", "old.txt", "same.txt", cwd=repo)
    assert _found(result) == [("old.txt", 2)]
    result = run_cli("check", "old.txt", "--diff-base", "no-such-branch", cwd=repo)
    assert result.returncode == 2
    assert "unknown git revision 'no-such-branch'" in _one_error_line(result)


def test_parse_diff_hunks_and_quoted_paths():
    text = (
        "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n"
        "@@ -2 +2 @@\n-x\n+y\n@@ -5,0 +6,3 @@\n+1\n+2\n+3\n@@ -9,2 +11,0 @@\n-gone\n-gone\n"
        'diff --git "a/t\\303\\251\\tx.txt" "b/t\\303\\251\\tx.txt"\n--- /dev/null\n+++ "b/t\\303\\251\\tx.txt"\n'
        "@@ -0,0 +1 @@\n+new\n"
        "diff --git a/gone.txt b/gone.txt\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-old\n"
    )
    assert parse_diff(text) == {"a.txt": {2, 6, 7, 8}, "té\tx.txt": {1}}
    assert _unquote('"a\\"b\\\\c"') == 'a"b\\c'


def test_repository_without_commits_counts_every_file_as_changed(tmp_path):
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "a.txt").write_text("The Taleban.\n", encoding="utf-8")
    git("add", "a.txt", cwd=tmp_path)
    result = run_cli_with_fake_rule("check", "--format", "json", "--diff-only", "a.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert _found(result) == [("a.txt", 1)]


def test_a_change_that_writes_a_case_form_of_the_other_spelling_reports_it(repo):
    # a noticed gap: in Russian, the changed lines wrote the majority's name only in other cases
    # (Зеленского, Зеленскому), and the unchanged line's slip was left out
    (repo / "ru.md").write_text("Зеленский выступил.\n\nЗеленськый уехал.\n", encoding="utf-8")
    git("add", "ru.md", cwd=repo)
    git("commit", "-q", "-m", "ru", cwd=repo)
    with open(repo / "ru.md", "a", encoding="utf-8") as handle:
        handle.write("\nПозиция Зеленского ясна. Зеленскому звонили.\n")
    result = run_cli("check", "--diff-only", "--lang", "ru", "--select", "TC101", "--format", "json", "ru.md", cwd=repo)
    assert _found(result) == [("ru.md", 3)]


def test_each_file_is_compared_in_its_own_repository(repo, tmp_path_factory):
    """A new user's report: run from another repository (or from none), every finding of the
    file was reported as if the whole file had changed, or the run failed."""
    (repo / "old.txt").write_text("The Taleban came.\nThe Taleban edited this.\nThe Taleban left.\n", encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("other")
    git("init", "-q", "-b", "main", cwd=elsewhere)
    (elsewhere / "x.txt").write_text("x\n", encoding="utf-8")
    git("add", ".", cwd=elsewhere)
    git("commit", "-q", "-m", "x", cwd=elsewhere)
    nowhere = tmp_path_factory.mktemp("nowhere")
    for cwd in (elsewhere, nowhere):
        result = run_cli_with_fake_rule("check", "--format", "json", "--diff-only", str(repo / "old.txt"),
                                        str(repo / "same.txt"), cwd=cwd)
        assert [line for _, line in _found(result)] == [2], (cwd, result.stderr)
