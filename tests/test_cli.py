import gzip
import json
import os
import subprocess
import sys

import pytest

from conftest import REPO, SAMPLE, run_cli

import checker


def _one_error_line(result):
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("transcheck: error: ")
    assert "Traceback" not in result.stderr.decode()
    return lines[0]


def test_missing_path_exits_2(tmp_path):
    result = run_cli("check", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "no such file or directory" in _one_error_line(result)


def test_a_missing_path_among_others_does_not_stop_the_run(tmp_path):
    # a tester's report: one mistyped path hid every finding of the others (ruff reports it and
    # goes on); the missing path and the folder with no text files get a line each, exit 2
    (tmp_path / "good.txt").write_text("The Taliban came. The Taliban left. The Taleban stayed.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = run_cli("check", "--isolated", "--lang", "en", "missing.txt", "good.txt", "empty", cwd=tmp_path)
    assert result.returncode == 2
    assert "good.txt:1:41: TC101" in result.stdout.decode()
    errors = result.stderr.decode().strip().splitlines()
    assert errors == ["transcheck: error: missing.txt: no such file or directory",
                      "transcheck: error: empty: no text files found (looked for *.txt, *.text, *.md, *.markdown, *.mdown)"]
    # with --fix, the report of the files re-checked still counts it (a reviewer's report)
    fixed = run_cli("check", "--isolated", "--lang", "en", "--format", "json", "--fix", "missing.txt", "good.txt",
                    cwd=tmp_path)
    assert fixed.returncode == 2 and json.loads(fixed.stdout)["errors"] == ["missing.txt: no such file or directory"]
    both_missing = run_cli("check", "--isolated", "missing.txt", "other.txt", cwd=tmp_path)
    assert both_missing.returncode == 2 and _one_error_line(both_missing).endswith("missing.txt: no such file or directory")


def test_directory_without_text_files_exits_2(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2
    assert "no text files found" in _one_error_line(result)
    # a folder whose text files are all excluded says so (a tester's report: "no text files")
    (tmp_path / "transcheck.toml").write_text('exclude = ["archive/*"]\n', encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text("Some text.\n", encoding="utf-8")
    result = run_cli("check", ".", cwd=tmp_path / "archive")
    assert result.returncode == 2
    assert _one_error_line(result).endswith(".: every text file is excluded (by --exclude or a configuration's exclude)")
    # (an excluded folder is not entered to tell: its configuration is never read; a review)
    (tmp_path / "vendor" / "pkg").mkdir(parents=True)
    (tmp_path / "vendor" / "transcheck.toml").write_text('exclude = ["pkg"]\n', encoding="utf-8")
    (tmp_path / "vendor" / "pkg" / "transcheck.toml").write_text("bad = = toml\n", encoding="utf-8")
    (tmp_path / "vendor" / "pkg" / "a.txt").write_text("Some text.\n", encoding="utf-8")
    result = run_cli("check", "vendor", cwd=tmp_path)
    assert result.returncode == 2 and _one_error_line(result).endswith(
        "vendor: every text file is excluded (by --exclude or a configuration's exclude)")
    # ... also when a whole folder is excluded (a second review)
    (tmp_path / "proj" / "drafts").mkdir(parents=True)
    (tmp_path / "proj" / "drafts" / "a.txt").write_text("Some text.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--exclude", "drafts", ".", cwd=tmp_path / "proj")
    assert result.returncode == 2 and _one_error_line(result).endswith(
        ".: every text file is excluded (by --exclude or a configuration's exclude)")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_broken_symbolic_link_says_what_is_wrong(tmp_path):
    # a tester's note: a loop of links read "no such file or directory"
    os.symlink("loop1", tmp_path / "loop2.txt")
    os.symlink("loop2.txt", tmp_path / "loop1")
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    result = run_cli("check", "loop2.txt", cwd=tmp_path)
    assert result.returncode == 2 and _one_error_line(result).endswith("loop2.txt: a loop of symbolic links")
    result = run_cli("check", "dangling.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert _one_error_line(result).endswith("dangling.txt: a symbolic link to a missing file (missing.txt)")


def test_a_tree_deeper_than_pythons_recursion_limit_is_walked(tmp_path):
    # a tester's report: 1,100 folders deep gave "internal error: RecursionError" (Python 3.11's
    # os.walk recurses once a folder); a link to a folder is not followed, as os.walk does not
    deep = tmp_path
    for _ in range(1100):  # (one at a time: pathlib's parents=True recurses too)
        deep = deep / "d"
        deep.mkdir()
    (deep / "a.txt").write_text("The Taliban came. The Taleban left. The Taliban won.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A quiet line.\n", encoding="utf-8")
    if hasattr(os, "symlink"):
        os.symlink(tmp_path / "d", tmp_path / "link")
    try:
        result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", ".", cwd=tmp_path)
    finally:  # (removed bottom up here: pytest's clean-up, shutil.rmtree, recurses too)
        (deep / "a.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent
    assert result.returncode == 1, result.stderr
    assert [f["text"] for f in json.loads(result.stdout)["findings"]] == ["Taleban"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_the_walk_lists_what_os_walk_lists(tmp_path):
    # a review: a link to a folder went among the files (os.walk lists it among the folders and
    # does not enter it)
    from checker.pipeline import _walk_top_down

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "c").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "c" / "y.md").write_text("y\n", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "dlink.md")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "a" / "x.txt", tmp_path / "flink.txt")

    def listed(walk):
        return sorted((top, sorted(dirs), sorted(files)) for top, dirs, files in walk)

    assert listed(_walk_top_down(str(tmp_path))) == listed(os.walk(str(tmp_path)))


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and folder permissions as POSIX has them")
def test_a_broken_link_and_an_unreadable_folder_in_a_tree_are_errors(tmp_path):
    # a corpus tester's report: both were skipped without a word (exit 1, as if checked)
    import shutil
    import subprocess
    import sys

    (tmp_path / "ok").mkdir()
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("The Taliban came.\n", encoding="utf-8")
    (tmp_path / "locked" / "b.txt").write_text("The Taleban came.\n", encoding="utf-8")
    os.symlink("missing.txt", tmp_path / "ok" / "dangling.txt")
    result = run_cli("check", "--isolated", "--lang", "en", "ok", cwd=tmp_path)
    assert result.returncode == 2
    assert _one_error_line(result).endswith("ok/dangling.txt: a symbolic link to a missing file (missing.txt)")
    os.unlink(tmp_path / "ok" / "dangling.txt")
    if os.geteuid() == 0 and shutil.which("capsh") is None:
        pytest.skip("running as root without capsh to drop the right to read any folder")

    def unprivileged(*args):
        command = [sys.executable, "-m", "checker", "check", "--isolated", "--lang", "en", *args]
        if os.geteuid() == 0:  # (root reads any folder: drop the capabilities that let it)
            command = ["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c",
                       " ".join(f"'{part}'" for part in command)]
        env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
        return subprocess.run(command, capture_output=True, cwd=tmp_path, env=env, timeout=120)

    os.chmod(tmp_path / "locked", 0)
    try:
        result, alone = unprivileged("--format", "json", "."), unprivileged("locked")
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert result.returncode == 2, result.stderr
    assert json.loads(result.stdout)["errors"] == ["locked: cannot read folder (Permission denied)"]
    assert alone.returncode == 2 and _one_error_line(alone).endswith("locked: cannot read folder (Permission denied)")


def test_files_that_read_as_another_language_than_lang_get_a_notice(tmp_path):
    # a corpus tester's report: German and Russian checked with --lang en/pt gave hundreds of
    # findings and no hint of the wrong language
    german = ("Die Regierung hat am Montag neue Regeln für die Einreise beschlossen. Wer aus einem Risikogebiet "
              "kommt, muss sich künftig testen lassen und zehn Tage zu Hause bleiben. Die Länder sollen die "
              "Einhaltung der Regeln kontrollieren, sagte ein Sprecher des Ministeriums in Berlin. Kritik kam "
              "von der Opposition, die die Maßnahmen für übertrieben hält und mehr Unterstützung für die "
              "betroffenen Familien fordert. Die neuen Regeln sollen ab nächster Woche gelten.\n")
    (tmp_path / "de.txt").write_text(german, encoding="utf-8")
    (tmp_path / "en.txt").write_bytes(SAMPLE.read_bytes())
    result = run_cli("check", "--isolated", "--lang", "en", "de.txt", "en.txt", cwd=tmp_path)
    notices = [line for line in result.stderr.decode().splitlines() if "read as another language" in line]
    assert notices == ["transcheck: warning: 1 file checked as en read as another language (few of their words are "
                       "en words), e.g. de.txt: is the language right? (--lang, or let it be detected; --fix leaves it as it is, "
                       "and the glossary is not applied to it)"]
    assert "another language" not in run_cli("check", "--isolated", "--lang", "de", "de.txt", cwd=tmp_path).stderr.decode()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_folder_is_skipped_and_a_device_is_an_error(tmp_path):
    # a tester's report: a FIFO in a checked folder hung the run for ever (nothing writes to it)
    (tmp_path / "d").mkdir()
    os.mkfifo(tmp_path / "d" / "pipe.txt")
    (tmp_path / "d" / "a.txt").write_text("The Taliban came. The Taliban left. The Taleban stayed.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--lang", "en", "d", cwd=tmp_path)
    assert result.returncode == 1 and "a.txt:1:41: TC101" in result.stdout.decode()
    assert "in 1 file" in result.stdout.decode()
    if os.path.exists("/dev/zero"):  # (one named on the command line: read, as <(command) is)
        assert "/dev/zero: not a regular file" in _one_error_line(run_cli("check", "--isolated", "/dev/zero"))


def test_binary_file_exits_2(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(gzip.compress(b"The Taliban said so. " * 50))
    result = run_cli("check", str(path))
    assert result.returncode == 2
    line = _one_error_line(result)
    assert "article.txt" in line and ("binary" in line or "cannot decode" in line)


def test_a_bad_file_in_a_tree_is_reported_and_the_others_are_checked(tmp_path):
    # An audit of thousands of files keeps every finding it can make: each unreadable file gets
    # its line on standard error (and in the JSON's "errors"), and the exit code is still 2.
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "sub" / "z.txt").write_bytes(gzip.compress(b"The Taliban said so. " * 50))
    (tmp_path / "sub" / "latin.txt").write_bytes("A região do Panjshir.".encode("latin-1"))
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", ".", cwd=tmp_path)
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert {f["path"] for f in payload["findings"]} == {"a.txt"} and len(payload["findings"]) == 7
    assert [e.split(":")[0] for e in payload["errors"]] == ["sub/latin.txt", "sub/z.txt"]
    lines = result.stderr.decode().strip().splitlines()
    assert [line.split(":")[2].strip() for line in lines] == ["sub/latin.txt", "sub/z.txt"]
    assert all(line.startswith("transcheck: error: ") for line in lines)
    text = run_cli("check", "--isolated", "--lang", "en", ".", cwd=tmp_path)
    assert text.returncode == 2 and "Found 7 findings in 1 file (7 warnings); 2 more could not be read." in text.stdout.decode()


def test_a_file_name_that_is_no_utf8_is_one_error_and_the_others_are_checked(tmp_path):
    # a tester's report: one such name in a folder ended the run with an internal error
    (tmp_path / "good.txt").write_bytes(SAMPLE.read_bytes())
    bad = os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt")
    try:
        with open(bad, "wb") as handle:
            handle.write(SAMPLE.read_bytes())
    except OSError:
        pytest.skip("this file system takes no such name")
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", ".", cwd=tmp_path)
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert {f["path"] for f in payload["findings"]} == {"good.txt"}
    assert payload["errors"] == ["bad\\xffname.txt: the file name is not valid UTF-8 (rename the file)"]
    assert _one_error_line(result) == "transcheck: error: bad\\xffname.txt: the file name is not valid UTF-8 (rename the file)"
    with pytest.raises(checker.InputError, match="not valid UTF-8"):
        checker.check_paths([str(tmp_path)], lang="en", isolated=True)
    # a missing path so named too; a lone surrogate, which stands for no byte, is escaped
    from checker.pipeline import printable_path

    missing = run_cli("check", "--isolated", "--lang", "en", "--format", "json", "good.txt",
                      os.fsdecode(b"missing\xff.txt"), cwd=tmp_path)
    assert json.loads(missing.stdout)["errors"] == ["missing\\xff.txt: no such file or directory"]
    assert printable_path("a\ud800.txt") == "a\\ud800.txt"
    # variants too, its JSON with the same "errors"
    result = run_cli("variants", "--isolated", "--lang", "en", "--format", "json", ".", cwd=tmp_path)
    assert result.returncode == 2 and json.loads(result.stdout)["errors"] == payload["errors"]


@pytest.mark.parametrize("args, bad, expected", [
    (("rules",), False, 0), (("check", "--isolated", "--lang", "en", "big"), False, 1),
    (("check", "--isolated", "--lang", "en", "big"), True, 2),
    (("check", "--isolated", "--lang", "en", "--diff", "--unsafe-fixes", "big"), True, 2),
    (("variants", "--isolated", "--lang", "en", "big"), True, 2)])
def test_a_reader_that_stops_early_leaves_the_exit_code_alone(tmp_path, args, bad, expected):
    # a tester's report: `transcheck rules | head -1` exited 1, the code of findings (click's
    # answer to a closed pipe); a check's code stays that of its findings, and an unreadable
    # file's line is printed all the same (reviews: variants and --diff exited 0 or 1 without it).
    # The reader is gone before the command starts, so every write to standard output fails.
    import subprocess
    import sys

    (tmp_path / "big").mkdir()
    for i in range(3):
        (tmp_path / "big" / f"a{i}.txt").write_bytes(SAMPLE.read_bytes())
    if bad:
        (tmp_path / "big" / "z.txt").write_bytes(gzip.compress(b"The Taliban said so. " * 50))
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = subprocess.run([sys.executable, "-m", "checker", *args], stdout=write_end, stderr=subprocess.PIPE,
                                 cwd=tmp_path, env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)},
                                 timeout=120)
    finally:
        os.close(write_end)
    assert process.returncode == expected
    assert b"Traceback" not in process.stderr and (b"big/z.txt: " in process.stderr) == bad


def test_stdin_filename_without_stdin_is_a_usage_error(tmp_path):
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--lang", "en", "--stdin-filename", "x.md", "a.md", cwd=tmp_path)
    assert result.returncode == 2 and "'-'" in _one_error_line(result)


def test_undecodable_file_exits_2(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("A região do Panjshir é conhecida.".encode("latin-1"))
    result = run_cli("check", str(path))
    assert result.returncode == 2
    assert "cannot decode as UTF-8" in _one_error_line(result)


def test_empty_file_is_clean(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run_cli("check", "--format", "json", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"version": 1, "findings": [],
                                         "files": [{"path": str(path), "lang": "en", "lang_detected": False}]}


def test_the_language_a_file_was_checked_as_is_reported(tmp_path):
    # A short text can be guessed wrong, and the names rule then judges it with the wrong word
    # list: the output says which language was detected.
    path = tmp_path / "a.txt"
    path.write_text("Pedro Sánchez sent messages. Later Pedro Sanchez visited Brazil.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", str(path))
    assert result.stdout.decode().splitlines()[-1] == "Language detected: en (set with --lang or `lang` in the configuration)."
    result = run_cli("check", "--isolated", "--format", "json", "--lang", "en", str(path))
    assert json.loads(result.stdout)["files"] == [{"path": str(path), "lang": "en", "lang_detected": False}]
    # several files: the count of each language in brackets
    other = tmp_path / "b.txt"
    other.write_text("The council met on Monday. Members agreed to meet again next week.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", str(path), str(other))
    assert result.stdout.decode().splitlines()[-1] == \
        "Language detected: en in 2 files (set with --lang or `lang` in the configuration)."
    # a language of one or two files beside another's is named with its files (a tester's
    # report: a short English brief detected as Dutch is never compared with the others)
    brief = tmp_path / "brief.txt"
    brief.write_text("Zelenskiy meets Orban in Budapest.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", str(path), str(other), str(brief))
    last = result.stdout.decode().splitlines()[-1]
    assert last.startswith("Languages detected: en in 2 files, ") and f"in 1 file ({brief})" in last
    # ... every such language, the first too when no language has more files (a tester's
    # report: the first of three was not named)
    result = run_cli("check", "--isolated", str(brief), str(path))
    last = result.stdout.decode().splitlines()[-1]
    assert f"in 1 file ({brief})" in last and f"in 1 file ({path})" in last


def test_a_text_too_short_to_detect_is_checked_by_its_letters_and_says_so(tmp_path):
    # a tester's report: Путин. Путина. Путину. was checked as English (the case forms taken for
    # slips of one another) and the JSON said the language was given
    path = tmp_path / "ru.txt"
    path.write_text("Путин. Путина. Путину.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--format", "json", str(path))
    payload = json.loads(result.stdout)
    assert result.returncode == 0 and payload["findings"] == []
    assert payload["files"] == [{"path": str(path), "lang": "ru", "lang_detected": True}]
    path.write_text("Olá mundo\n", encoding="utf-8")
    result = run_cli("check", "--isolated", str(path))
    assert result.stdout.decode().splitlines()[-1] == "Language detected: en (set with --lang or `lang` in the configuration)."


def test_diff_says_how_many_fixes_need_unsafe_fixes(tmp_path):
    (tmp_path / "a.txt").write_text("The Taliban came. The Taliban left. The Taleban stayed.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--lang", "en", "--diff", "a.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.decode().strip() == "transcheck: 0 fixes would change 0 files (1 more with --unsafe-fixes)"


def test_standard_input_cannot_be_both_the_translation_and_the_source():
    result = run_cli("check", "--source", "-", "-", stdin=b"Some text.\n")
    assert result.returncode == 2 and "not both" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_unknown_rule_selector_exits_2():
    result = run_cli("check", "--isolated", "--select", "TC999", str(SAMPLE))
    assert result.returncode == 2
    assert "unknown rule selector" in _one_error_line(result)


def test_bad_option_value_exits_2():
    result = run_cli("check", "--fail-level", "fatal", str(SAMPLE))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def test_sample_json_contract_and_exit_code():
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", str(SAMPLE))
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert payload["version"] == 1 and payload["findings"]
    required = {"rule", "name", "category", "severity", "path", "line", "column", "end_line",
                "end_column", "text", "message", "suggestions"}
    text = SAMPLE.read_text(encoding="utf-8").splitlines()
    for finding in payload["findings"]:
        assert required <= finding.keys()
        # the span points at the matched text in the file (1-based, end exclusive)
        line = text[finding["line"] - 1]
        assert line[finding["column"] - 1:finding["end_column"] - 1] == finding["text"]
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in payload["findings"]]
    assert keys == sorted(keys)


def test_fail_level_error_turns_warnings_into_exit_0():
    result = run_cli("check", "--isolated", "--lang", "en", "--fail-level", "error", str(SAMPLE))
    assert result.returncode == 0
    assert "TC101" in result.stdout.decode()


def test_text_format_and_stdin():
    data = SAMPLE.read_bytes()
    result = run_cli("check", "--isolated", "--lang", "en", "--stdin-filename", "article.txt", "-", stdin=data)
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "article.txt:" in out and " TC101 " in out and "suggestion: " in out
    assert "\x1b[" not in out  # NO_COLOR


def test_an_empty_selector_is_a_usage_error_and_a_dumb_terminal_gets_no_colour(monkeypatch):
    # a tester's notes: --select "" selected every rule; TERM=dumb got escape codes
    for flag in ("--select", "--ignore"):
        result = run_cli("check", "--isolated", "--lang", "en", flag, "", str(SAMPLE))
        assert result.returncode == 2 and f"{flag} needs a rule code" in _one_error_line(result)
    from checker.cli import use_color

    class Terminal:
        def isatty(self):
            return True

    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color("auto", Terminal())
    monkeypatch.setenv("TERM", "dumb")
    assert not use_color("auto", Terminal()) and use_color("always", Terminal())
    # ... and the summary counts "3 info", not "3 infos"
    from checker.model import Finding, Severity
    from checker.report.text_report import _summary

    found = [Finding("TC999", "x", "style", severity, "a.txt", 0, 1, 1, 1, 1, 2, "x", "m")
             for severity in (Severity.INFO, Severity.INFO, Severity.WARNING, Severity.WARNING)]
    assert _summary(found, 1, False).startswith("Found 4 findings in 1 file (2 warnings, 2 info).")


def test_text_output_is_terminal_safe_and_carets_count_wide_characters(tmp_path):
    filler = "Some filler text for the sake of length. " * 20
    text = filler + "\n\nThe Taliban came to 北京. The Taliban left \x1b]0;pwned\x07 now. Then 北京 saw the Taleban.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    out = run_cli("check", "--isolated", "--lang", "en", str(tmp_path / "a.txt")).stdout.decode()
    assert "\x1b" not in out and "\x07" not in out and "\ufffd]0;pwned\ufffd" in out
    excerpt, caret = [line for line in out.splitlines() if line.startswith("  ")][:2]
    # 北京 twice before the match: two columns each
    assert caret.index("^") == excerpt.index("Taleban") + 4 and caret.strip() == "^" * 7


def test_carets_count_an_emoji_sequence_as_the_picture_a_terminal_draws(tmp_path):
    # a tester's report: 👩‍👩‍👧 (three emoji joined by two zero-width joiners) took six columns
    (tmp_path / "a.txt").write_text("The Taliban 👩‍👩‍👧 came. The Taleban 👍🏽 left. The Taliban won.\n", encoding="utf-8")
    out = run_cli("check", "--isolated", "--lang", "en", "a.txt", cwd=tmp_path).stdout.decode()
    excerpt, caret = [line for line in out.splitlines() if line.startswith("  ")][:2]
    # before the match: the family, five characters drawn as one picture of two columns
    assert caret.index("^") == excerpt.index("Taleban") - len("👩‍👩‍👧") + 2 and caret.strip() == "^" * 7
    # a zero-width space takes no column either (a review: the fallback counted one)
    (tmp_path / "a.txt").write_text("The Taliban\u200b came. The Taleban left. The Taliban won.\n", encoding="utf-8")
    out = run_cli("check", "--isolated", "--lang", "en", "a.txt", cwd=tmp_path).stdout.decode()
    excerpt, caret = [line for line in out.splitlines() if line.startswith("  ")][:2]
    assert caret.index("^") == excerpt.index("Taleban") - 1


def test_color_always_wins_over_no_color():
    result = run_cli("check", "--isolated", "--lang", "en", "--color", "always", str(SAMPLE))
    assert "\x1b[" in result.stdout.decode()


def test_select_and_ignore():
    ignored = run_cli("check", "--isolated", "--lang", "en", "--ignore", "TC1", "--format", "json", str(SAMPLE))
    assert ignored.returncode == 0
    assert json.loads(ignored.stdout)["findings"] == []
    selected = run_cli("check", "--isolated", "--lang", "en", "--select", "names", "--format", "json", str(SAMPLE))
    assert {f["category"] for f in json.loads(selected.stdout)["findings"]} == {"names"}


def test_directory_include_exclude(tmp_path):
    (tmp_path / "a.txt").write_text("The Taliban came. The Taliban left. The Taleban stayed.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Nothing to see here.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", "--exclude", "a.txt", str(tmp_path))
    assert result.returncode == 0, result.stderr
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", "--exclude", "*.txt", str(tmp_path))
    assert result.returncode == 0
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", str(tmp_path))
    assert result.returncode == 1


def test_rules_lists_every_rule_and_rule_shows_doc():
    listing = run_cli("rules")
    assert listing.returncode == 0 and "TC101" in listing.stdout.decode()
    doc = run_cli("rule", "TC101")
    assert doc.returncode == 0 and "Why:" in doc.stdout.decode()
    unknown = run_cli("rule", "TC999")
    assert unknown.returncode == 2
    # as ruff: `rules CODE...` documents those rules (by code or name), checking every code first
    docs = run_cli("rules", "TC305", "name-variant").stdout.decode()
    assert docs.startswith("TC305 number-format") and "\n\nTC101 name-variant" in docs
    several = run_cli("rules", "TC101", "TC999")
    assert several.returncode == 2 and several.stdout == b"" and "unknown rule 'TC999'" in several.stderr.decode()
    summaries = json.loads(run_cli("rules", "--format", "json", "TC305").stdout)["rules"]
    assert [r["code"] for r in summaries] == ["TC305"]


def test_variants_drafts_a_house_list_that_check_reads(tmp_path):
    # Clusters of several files merge through a shared spelling; the most frequent spelling
    # overall is the name (b.txt alone prefers "Taleban"); the draft loads as `names`.
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_text("The Taleban came. The Taleban left. The Taliban stayed.\n\nThe Taleban won.\n",
                                    encoding="utf-8")
    draft = run_cli("variants", "--isolated", "--lang", "en", "--format", "names", ".", cwd=tmp_path)
    assert draft.returncode == 0, draft.stderr
    (tmp_path / "names.yaml").write_bytes(draft.stdout)
    text = draft.stdout.decode()
    assert '- name: "Taliban"  # Taliban 11×, Taleban 7×, telebans 1×\n    variants: ["Taleban", "telebans"]' in text
    assert '- name: "Ahmad Shah Massoud"' in text and "Taleban" not in text.split("name:")[2]
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nnames = ["names.yaml"]\n', encoding="utf-8")
    result = run_cli("check", "--select", "TC102", "--format", "json", "b.txt", cwd=tmp_path)
    assert [(f["text"], f["suggestions"]) for f in json.loads(result.stdout)["findings"]] == [(("Taleban", ["Taliban"]))] * 3


def test_variants_draft_leaves_out_a_names_case_forms(tmp_path):
    # Зеленского, Зеленскому are the name's own inflections: listed as variants, --fix would
    # rewrite them to the nominative
    # (the genitive is the most used form: the name is still the nominative, with its forms' count)
    (tmp_path / "ru.txt").write_text("Президент Зеленский выступил. Сторонники Зеленского поддержали его. "
                                     "Речь Зеленского была долгой. Зеленскому пообещали помощь. "
                                     "Зеленський ответил.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Präsident Selenskyj sprach. Selenskyjs Rede war lang. Selenskyj ging. "
                                     "Selenskij kam.\n", encoding="utf-8")
    # (a tester's report: with no nominative in the text the draft named a case form, Киева,
    # which a house list would then write for every Киев: the name is pymorphy3's nominative)
    (tmp_path / "gen.txt").write_text("Selenskyjs Berater sprach. Selenskyjs Rede war lang. Selenskyjs Frau reiste "
                                      "mit. Selenskyj schwieg.\n\nSelenskys Büro bestätigte das.\n", encoding="utf-8")
    (tmp_path / "kyiv.txt").write_text("Удары по Киеву продолжились. В Киеве отключили свет. Мэр Киева выступил.\n\n"
                                       "Жители Кыива прятались в метро.\n", encoding="utf-8")
    for name, lang, entry in (("ru.txt", "ru", '- name: "Зеленский"  # Зеленский 4×, Зеленський 1×\n'
                                                '    variants: ["Зеленський"]\n'),
                              ("kyiv.txt", "ru", '- name: "Киев"  # Киев 3×, Кыив 1×\n    variants: ["Кыив"]\n'),
                              # (a German genitive alone: its name, which the list matches in every form)
                              ("gen.txt", "de", '- name: "Selenskyj"  # Selenskyj 4×, Selensky 1×\n'
                                                '    variants: ["Selensky"]\n'),
                              ("de.txt", "de", '- name: "Selenskyj"  # Selenskyj 3×, Selenskij 1×\n'
                                                '    variants: ["Selenskij"]\n')):
        draft = run_cli("variants", "--isolated", "--lang", lang, "--format", "names", name, cwd=tmp_path)
        assert draft.returncode == 0, draft.stderr
        assert entry in draft.stdout.decode()


def test_variants_follow_the_house_list_in_force(tmp_path):
    # a tester's report: with Zelensky: [Zelenski] in force, `variants` named Zelenski (3x) and
    # drafted Zelenski: [Zelensky], which stopped every check once added to the list
    (tmp_path / "names.yaml").write_text("Zelensky: [Zelenski]\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "pt"\nnames = ["names.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("O presidente Zelenski falou. Zelenski saiu. Zelenski voltou. Autoridades "
                                    "encontraram Zelensky em Kiev.\n", encoding="utf-8")
    listed = run_cli("variants", "a.txt", cwd=tmp_path).stdout.decode()
    assert listed.startswith("a.txt: Zelensky (4×)") and "house-list" in listed
    draft = run_cli("variants", "--format", "names", "a.txt", cwd=tmp_path).stdout.decode()
    assert '- name: "Zelensky"' in draft and 'variants: ["Zelenski"]' in draft
    (tmp_path / "names.yaml").write_text(draft, encoding="utf-8")
    assert run_cli("check", "a.txt", cwd=tmp_path).returncode == 1  # the draft loads: TC102 findings


def test_variants_draft_never_merges_two_languages(tmp_path):
    # (Zelensky is the English name and a Portuguese variant: two entries, not one)
    for folder, lang, texts in (("en", "en", ["President Zelensky spoke. Zelensky left. Zelensky came back. "
                                              "Officials met Zelenskyy in Kyiv.\n"]),
                                ("pt", "pt", ["O presidente Zelenski falou. Zelenski saiu. Zelenski voltou. "
                                              "Autoridades encontraram Zelensky em Kiev.\n"])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "transcheck.toml").write_text(f'lang = "{lang}"\n', encoding="utf-8")
        for i, text in enumerate(texts):
            (tmp_path / folder / f"{i}.txt").write_text(text, encoding="utf-8")
    draft = run_cli("variants", "--format", "names", "en", "pt", cwd=tmp_path).stdout.decode()
    assert '- name: "Zelensky"  # en: Zelensky 3×, Zelenskyy 1×\n    variants: ["Zelenskyy"]' in draft
    # the Portuguese entry lists the English name as its variant: one list cannot hold both, so
    # it is left as a comment and the draft is a list the next run reads (a tester's report:
    # "the variant 'Zelensky' of 'Zelenski' is itself a name in the list", exit 2)
    assert '  # - name: "Zelenski"  # pt: Zelenski 3×, Zelensky 1×\n  #   variants: ["Zelensky"]' in draft
    assert "Several languages" in draft
    (tmp_path / "names.yaml").write_text(draft, encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('names = ["names.yaml"]\n', encoding="utf-8")
    result = run_cli("check", "--config", "transcheck.toml", "--lang", "en", "--select", "TC102", "en/0.txt", cwd=tmp_path)
    assert result.returncode == 1 and "'Zelenskyy': the house spelling is 'Zelensky'" in result.stdout.decode()


def test_variants_draft_gives_a_name_spelled_alike_in_two_languages_one_entry(tmp_path):
    # a new user's report: the Spanish entry, the English one's twin, was left as a comment
    # "as the en entry spells it otherwise"
    for folder, text in (("en", "Recep Tayyip Erdoğan met Olaf Scholz in Ankara on Monday.\n\n"
                                "Erodğan told the press that more work was needed.\n"),
                         ("es", "Recep Tayyip Erdoğan se reunió con Olaf Scholz en Ankara el lunes.\n\n"
                                "Erodğan afirmó que queda trabajo por hacer.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "transcheck.toml").write_text(f'lang = "{folder}"\n', encoding="utf-8")
        (tmp_path / folder / "a.txt").write_text(text, encoding="utf-8")
    draft = run_cli("variants", "--format", "names", "en", "es", cwd=tmp_path).stdout.decode()
    assert '  - name: "Erdoğan"  # en: Erdoğan 1×, Erodğan 1×; es: Erdoğan 1×, Erodğan 1×\n' \
           '    variants: ["Erodğan"]\n' in draft
    assert "# - name" not in draft and "otherwise" not in draft


def test_variants_draft_never_lists_another_entrys_name_as_a_variant():
    """A review: Spanish Kyiv / Kiew joined the English Kyiv entry with Kiew, the German entry's
    name, as a variant (and left that entry a comment), depending on which count was higher."""
    import yaml

    from checker.names.cluster import NameCluster, NameVariant
    from checker.report.variants import house_list

    def cluster(name: str, count: int, variant: str) -> NameCluster:
        return NameCluster(name, count + 1, [NameVariant(name, count, None, "canonical", name, name),
                                             NameVariant(variant, 1, "B", "transliteration", variant, name)])

    for spanish in (3, 6):  # (fewer and more than the German entry's 6)
        draft = house_list([("en", [cluster("Kyiv", 9, "Kiev")]), ("es", [cluster("Kyiv", spanish, "Kiew")]),
                            ("de", [cluster("Kiew", 5, "Kyjiw")])])
        entries = yaml.safe_load(draft)["names"]
        assert entries == [{"name": "Kyiv", "variants": ["Kiev"]}, {"name": "Kiew", "variants": ["Kyjiw"]}], draft
        assert "(Kiew left out: another entry's)" in draft


def test_variants_draft_leaves_out_another_entrys_name_from_a_new_entry():
    """A final tester's report: one German file writing Zelensky once made the German entry
    Selenskyj: [Selenskij, Zelensky], and the English and French Zelensky entries comments."""
    import yaml

    from checker.names.cluster import NameCluster, NameVariant
    from checker.report.variants import house_list

    def cluster(name: str, count: int, *variants: str) -> NameCluster:
        return NameCluster(name, count + len(variants), [NameVariant(name, count, None, "canonical", name, name), *(
            NameVariant(v, 1, "B", "transliteration", v, name) for v in variants)])

    draft = house_list([("de", [cluster("Selenskyj", 9, "Selenskij", "Zelensky")]),
                        ("en", [cluster("Zelensky", 3, "Zelenskyy")]), ("fr", [cluster("Zelensky", 2, "Zelenskyy")])])
    assert yaml.safe_load(draft)["names"] == [{"name": "Selenskyj", "variants": ["Selenskij"]},
                                              {"name": "Zelensky", "variants": ["Zelenskyy"]}], draft
    assert "(Zelensky left out: another entry's)" in draft and "# - name" not in draft
    # an entry whose only variant is another entry's name stays a comment, whichever comes first
    draft = house_list([("de", [cluster("Selenskyj", 9, "Zelensky")]), ("en", [cluster("Zelensky", 3, "Zelenskyy")])])
    assert yaml.safe_load(draft)["names"] == [{"name": "Zelensky", "variants": ["Zelenskyy"]}], draft
    assert '(as the en entry "Zelensky" spells it otherwise' in draft
    # two entries that each hold the other's name: the first keeps it, the other is a comment (a
    # review: each left the other a comment, and the draft was empty)
    draft = house_list([("en", [cluster("Zelensky", 5, "Zelenskyy")]), ("fr", [cluster("Zelenskyy", 3, "Zelensky")])])
    assert yaml.safe_load(draft)["names"] == [{"name": "Zelensky", "variants": ["Zelenskyy"]}], draft
    assert '  # - name: "Zelenskyy"' in draft
    # variants alike but for accents, both another entry's name: a comment, not an empty entry
    draft = house_list([("en", [cluster("Zelensky", 5, "Zelenskyy")]), ("pt", [cluster("Zelenski", 4, "Zelensky",
                                                                                       "Zélensky")])])
    assert yaml.safe_load(draft)["names"] == [{"name": "Zelensky", "variants": ["Zelenskyy"]}], draft
    assert '  # - name: "Zelenski"' in draft


def test_names_draft_keeps_hyphens_and_joins_the_two_writings(tmp_path):
    # a tester's report: the draft wrote "Jean Luc Mélenchon"; a reviewer's: a file with the
    # hyphen and one without gave two entries. One entry, written as most occurrences write it
    (tmp_path / "a.txt").write_text("Le chef Jean Luc Mélenchon est venu. Jean Luc Mélenchon encore. "
                                    "Puis Jean Luc Melenchon est parti.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Le chef Jean-Luc Mélenchon est venu. Jean-Luc Mélenchon encore. "
                                    "Puis Jean-Luc Melenchon est parti. Et Jean-Luc Mélenchon.\n", encoding="utf-8")
    draft = run_cli("variants", "--isolated", "--lang", "fr", "--format", "names", "a.txt", "b.txt",
                    cwd=tmp_path).stdout.decode()
    assert ('- name: "Jean-Luc Mélenchon"  # Jean-Luc Mélenchon 5×, Jean-Luc Melenchon 2×\n'
            '    variants: ["Jean-Luc Melenchon"]') in draft
    assert "Jean Luc" not in draft


def test_variants_of_only_unreadable_files_prints_no_draft(tmp_path):
    (tmp_path / "latin.txt").write_bytes("A região do Panjshir.".encode("latin-1"))
    result = run_cli("variants", "--isolated", "--lang", "pt", "--format", "names", "latin.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == b""
    assert "latin.txt" in _one_error_line(result)


def test_variants_lists_clusters_with_counts_and_places():
    result = run_cli("variants", "--isolated", "--lang", "en", "--format", "json", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    clusters = {c["canonical"]: c for c in json.loads(result.stdout)["files"][0]["clusters"]}
    taliban = {v["spelling"]: v for v in clusters["Taliban"]["variants"]}
    assert taliban["Taleban"]["count"] == 4 and taliban["telebans"]["count"] == 1
    assert len(taliban["Taleban"]["locations"]) == 4
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for loc in taliban["Taleban"]["locations"]:
        assert lines[loc["line"] - 1][loc["column"] - 1:loc["end_column"] - 1] == "Taleban"
    # every place spans its spelling, a multi-word one too (a tester's report: Ahmad Shad
    # Massoud was placed at Shad alone)
    for cluster in clusters.values():
        for variant in cluster["variants"]:
            for loc in variant["locations"]:
                assert loc["line"] == loc["end_line"]
                assert lines[loc["line"] - 1][loc["column"] - 1:loc["end_column"] - 1] == variant["spelling"]
    assert "Ahmad Shad Massoud" in {v["spelling"] for c in clusters.values() for v in c["variants"]}
    text = run_cli("variants", "--isolated", "--lang", "en", str(SAMPLE)).stdout.decode()
    assert "Massoud" in text and "Massud" in text


def test_bare_command_prints_usage_and_exits_2():
    result = run_cli()
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("Usage: transcheck") and "error:" not in err and "check" in err


def _tree(root):
    """a/, a/b/, archive/ and vendor/, each with an article that has findings."""
    article = "The Taliban came. The Taliban left. The Taleban stayed.\n"
    for rel in ("top.txt", "a/x.txt", "a/b/y.txt", "archive/old.md", "vendor/n.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(article, encoding="utf-8")


def _checked(*args, cwd):
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return sorted({f["path"] for f in json.loads(result.stdout)["findings"]})


def test_a_named_file_that_is_excluded_says_so(tmp_path):
    # a tester's note: "No findings in 0 files." and exit 0 read as a pass
    (tmp_path / "transcheck.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text("The Taliban came. The Taliban left. The Taleban stayed.\n",
                                               encoding="utf-8")
    result = run_cli("check", "--lang", "en", "drafts/d.txt", cwd=tmp_path)
    assert result.returncode == 0 and "in 0 files" in result.stdout.decode()
    assert result.stderr.decode().strip() == ("transcheck: warning: drafts/d.txt: excluded by an exclude glob "
                                              "(configuration or --exclude); not checked")


def test_exclude_glob_with_slash_is_relative_to_the_directory_named(tmp_path):
    _tree(tmp_path)
    everything_but_archive = ["a/b/y.txt", "a/x.txt", "top.txt", "vendor/n.md"]
    assert _checked("--exclude", "archive/*", ".", cwd=tmp_path) == everything_but_archive
    assert _checked("--exclude", "./archive/*", "--exclude", "a/b/", ".", cwd=tmp_path) == [
        "a/x.txt", "top.txt", "vendor/n.md"]
    assert _checked("--exclude", "a/b", "a", cwd=tmp_path) == ["a/x.txt"]  # relative to the current directory
    assert _checked("--exclude", "b", "a", cwd=tmp_path) == ["a/x.txt"]  # no "/": any component
    # an absolute directory on the command line: the glob is relative to it, not to the cwd
    absolute = _checked("--exclude", "archive/*", "--exclude", "vendor", str(tmp_path), cwd=tmp_path.parent)
    assert [p[len(str(tmp_path)) + 1:] for p in absolute] == ["a/b/y.txt", "a/x.txt", "top.txt"]
    # files named on the command line (as pre-commit names them) are skipped with their folder
    named = ("archive/old.md", "a/b/y.txt", "vendor/n.md", "top.txt")
    globs = ("--exclude", "archive/*", "--exclude", "a/b", "--exclude", "vendor")
    assert _checked(*globs, *named, cwd=tmp_path) == ["top.txt"]


def test_include_adds_to_the_default_suffixes(tmp_path):
    article = "The Taliban came. The Taliban left. The Taleban stayed.\n"
    for name in ("a.txt", "b.md", "c.po", "d.xml"):
        (tmp_path / name).write_text(article, encoding="utf-8")
    assert _checked("--include", "*.po", ".", cwd=tmp_path) == ["a.txt", "b.md", "c.po"]
    assert _checked(".", cwd=tmp_path) == ["a.txt", "b.md"]
    (tmp_path / "transcheck.toml").write_text('include = ["*.xml"]\n', encoding="utf-8")
    result = run_cli("check", "--lang", "en", "--format", "json", "--include", "*.po", ".", cwd=tmp_path)
    assert sorted({f["path"] for f in json.loads(result.stdout)["findings"]}) == ["a.txt", "b.md", "c.po", "d.xml"]
    # a glob with a slash matches the path below the folder searched (a tester's report: it
    # matched nothing, silently)
    (tmp_path / "transcheck.toml").unlink()
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "e.po").write_text(article, encoding="utf-8")
    assert _checked("--include", "x/y/*.po", ".", cwd=tmp_path) == ["a.txt", "b.md", "x/y/e.po"]
    assert _checked("--include", "**/*.po", ".", cwd=tmp_path) == ["a.txt", "b.md", "c.po", "x/y/e.po"]
    # ... or below the current directory, ./ aside (a reviewer's report: x/y/*.po matched nothing
    # when the folder searched was x)
    assert _checked("--include", "x/y/*.po", "x", cwd=tmp_path) == ["x/y/e.po"]
    assert _checked("--include", "./x/**/*.po", ".", cwd=tmp_path) == ["a.txt", "b.md", "x/y/e.po"]
    # **/ also stands for no folder, and ./*.po is the top folder's (a second review)
    assert _checked("--include", "x/**/*.po", ".", cwd=tmp_path) == ["a.txt", "b.md", "x/y/e.po"]
    (tmp_path / "x" / "f.po").write_text(article, encoding="utf-8")
    assert _checked("--include", "x/**/*.po", ".", cwd=tmp_path) == ["a.txt", "b.md", "x/f.po", "x/y/e.po"]
    assert _checked("--include", "./*.po", ".", cwd=tmp_path) == ["a.txt", "b.md", "c.po"]


def test_standard_input_given_twice_is_an_error():
    result = run_cli("check", "--lang", "en", "-", "-", stdin=b"The Taliban came.\n")
    assert result.returncode == 2 and "more than once" in _one_error_line(result)


def test_language_tags_ignore_case_and_suffixes_ignore_case(tmp_path):
    (tmp_path / "A.MD").write_text("The Taliban came. The Taliban left. Then the Taleban returned.\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--lang", "EN", "--format", "json", str(tmp_path))
    assert result.returncode == 1, result.stderr
    assert [f["text"] for f in json.loads(result.stdout)["findings"]] == ["Taleban"]


def test_contradictory_or_empty_options_are_usage_errors(tmp_path):
    (tmp_path / "a.txt").write_text("The Taliban came.\n", encoding="utf-8")
    path = str(tmp_path / "a.txt")
    for args, words in ((("--isolated", "--config", str(tmp_path / "none.toml")), "contradict"),
                        (("--lang", ""), "--lang is empty"),
                        (("--lang", "en", "--diff", "--format", "json"), "does not combine with --format json")):
        result = run_cli("check", *args, path, cwd=tmp_path)
        assert result.returncode == 2 and words in _one_error_line(result), args


def test_old_mac_line_endings_count_as_lines_and_survive_fix(tmp_path):
    (tmp_path / "House.yml").write_text("extends: substitution\nmessage: \"Use %s, not %s\"\nswap:\n  Taleban: Taliban\n",
                                        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"First line.\rThe Taleban came.\r")
    result = run_cli("check", "--select", "TC3", "--format", "json", "a.txt", cwd=tmp_path)
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (2, 5)
    run_cli("check", "--fix", "--select", "TC3", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == b"First line.\rThe Taliban came.\r"


def test_text_output_marks_safe_fixes_and_counts_them(tmp_path):
    # ruff's [*]: a finding --fix repairs; the summary says how many, and how many more are unsafe
    (tmp_path / "house.yml").write_text("extends: substitution\nmessage: Use '%s', not '%s'.\n"
                                        "swap:\n  president in charge: caretaker president\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["house.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The president in charge met Massoud.\n\nMassoud spoke. Massud left.\n",
                                    encoding="utf-8")
    out = run_cli("check", "--color", "never", "a.txt", cwd=tmp_path).stdout.decode()
    lines = out.splitlines()
    assert [line.split()[1:3] for line in lines if line.startswith("a.txt:")] == [["TC301", "[*]"], ["TC101", "Name"]]
    assert lines[-1] == "[*] 1 fixable with --fix (1 more with --unsafe-fixes)."


def test_stdin_filename_takes_the_configuration_of_its_folder(tmp_path):
    # An editor pipes a new, unsaved article: its configuration is the one of the folder it names.
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "transcheck.toml").write_text('lang = "en"\nignore = ["TC101"]\n', encoding="utf-8")
    data = b"The Taliban came. The Taliban left. Later the Taleban returned to Kabul.\n"
    result = run_cli("check", "--format", "json", "--stdin-filename", str(articles / "new.txt"), "-",
                     stdin=data, cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == []
    # in a folder not made yet, the nearest existing one decides, as in ruff
    result = run_cli("check", "--format", "json", "--stdin-filename", str(articles / "2027" / "new.txt"), "-",
                     stdin=data, cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == []
    result = run_cli("check", "--format", "json", "--stdin-filename", str(tmp_path / "new.txt"), "-",
                     stdin=data, cwd=tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["TC101"]


def test_source_lang_without_source_is_a_usage_error(tmp_path):
    result = run_cli("check", "--source-lang", "pt", str(SAMPLE))
    assert result.returncode == 2 and "--source" in _one_error_line(result)


def test_a_file_named_twice_is_checked_once(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "d.txt").write_text("The Taleban left. The Taleban came back.\n", encoding="utf-8")
    (tmp_path / "names.yaml").write_text("names:\n  - name: Taliban\n    variants: [Taleban]\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nnames = ["names.yaml"]\n', encoding="utf-8")
    names = ("articles/d.txt", "./articles/d.txt", "articles")
    report = json.loads(run_cli("check", "--format", "json", *names, cwd=tmp_path).stdout)
    assert [(f["path"], f["line"], f["column"]) for f in report["findings"]] == [
        ("articles/d.txt", 1, 5), ("articles/d.txt", 1, 23)]  # the first spelling, once
    result = run_cli("check", "--fix", *names, cwd=tmp_path)
    assert "fixed 2 findings in 1 file" in result.stderr.decode()


def test_command_raises_the_gc_threshold_for_batches():
    # The command (not the API) sets it: a batch keeps many small containers alive.
    import gc

    from checker import cli

    before = gc.get_threshold()
    try:
        assert cli.main(["rules"]) == 0
        assert gc.get_threshold() == cli.GC_THRESHOLD != before
    finally:
        gc.set_threshold(*before)


def test_a_category_without_rules_yet_is_a_known_selector():
    # a tester's report: docs/output.md lists the categories alignment, language and metrics, and
    # --select alignment was an "unknown rule selector"
    result = run_cli("check", "--lang", "en", "--select", "alignment", "--select", "TC5", str(SAMPLE))
    assert result.returncode == 0
    assert "'alignment' selects no rule yet" in result.stderr.decode()
    assert run_cli("check", "--lang", "en", "--select", "TC9", str(SAMPLE)).returncode == 2
    assert "selects no rule" not in run_cli("check", "--lang", "en", "--select", "TC6", str(SAMPLE)).stderr.decode()


def test_a_configured_category_without_rules_yet_is_told_too(tmp_path):
    # a tester's report: select = ["language"] in a configuration ran nothing, silently
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nselect = ["language"]\n', encoding="utf-8")
    (tmp_path / "ok.txt").write_text("The Taliban came. Later the Taleban left.\n", encoding="utf-8")
    result = run_cli("check", "ok.txt", cwd=tmp_path)
    assert result.returncode == 0 and "'language' selects no rule yet" in result.stderr.decode()


def test_rule_explains_a_style_rule_of_the_configuration_in_force(tmp_path):
    # a tester's report: `--select Desk.Avoid` worked, `transcheck rule Desk.Avoid` said "unknown rule"
    (tmp_path / "desk.yml").write_text("style: Desk\nrules:\n  Avoid:\n    extends: existence\n    level: error\n"
                                       "    message: \"Avoid '%s'.\"\n    tokens: [basically]\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["desk.yml"]\n', encoding="utf-8")
    shown = run_cli("rule", "desk.avoid", cwd=tmp_path)
    lines = shown.stdout.decode().splitlines()
    assert shown.returncode == 0
    assert lines[:3] == ["Desk.Avoid: an existence rule of desk.yml:4, run by TC302 style-existence",
                         "Level: error (the rule's own); scope: text", "Message: Avoid '%s'."]
    assert "TC302 style-existence:" in lines
    # the level in force, as `check` gives it (a review: [severity] was not read)
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["desk.yml"]\n[severity]\n"Desk.Avoid" = "info"\n',
                                              encoding="utf-8")
    level = run_cli("rule", "Desk.Avoid", cwd=tmp_path).stdout.decode().splitlines()[1]
    assert level.startswith("Level: info ([severity] in ") and level.endswith("transcheck.toml); scope: text")
    # ... and a built-in rule's level in force, where the configuration changes it (a final tester's report)
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["desk.yml"]\n[severity]\nTC302 = "error"\n',
                                              encoding="utf-8")
    shown = run_cli("rule", "TC302", cwd=tmp_path).stdout.decode().splitlines()
    assert shown[-1].startswith("Level here: error ([severity] in ")
    assert "Level here" not in run_cli("rule", "TC101", cwd=tmp_path).stdout.decode()
    unknown = run_cli("rule", "Desk.Avoyd", cwd=tmp_path)
    assert unknown.returncode == 2 and b"did you mean 'Desk.Avoid'?" in unknown.stderr
    # a Vale rule of a style folder that transcheck does not run says so (a review: "unknown")
    (tmp_path / "Vale").mkdir()
    (tmp_path / "Vale" / "Spelling.yml").write_text('extends: spelling\nmessage: "x"\n', encoding="utf-8")
    (tmp_path / "Vale" / "Avoid.yml").write_text("extends: existence\nmessage: x\ntokens: [very]\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["Vale"]\n', encoding="utf-8")
    skipped = run_cli("rule", "Vale.Spelling", cwd=tmp_path)
    assert skipped.returncode == 0 and skipped.stdout.decode().startswith("Vale.Spelling: not run by transcheck (")
    (tmp_path / "elsewhere").mkdir()
    nowhere = run_cli("rule", "Desk.Avoid", "--config", "missing.toml", cwd=tmp_path / "elsewhere")
    assert nowhere.returncode == 2 and b"missing.toml: configuration file not found" in nowhere.stderr
    assert run_cli("rule", "TC101", "--config", "missing.toml", cwd=tmp_path).returncode == 2


def test_an_output_encoding_without_the_characters_loses_no_report(tmp_path):
    """A tester's report: where standard output is cp1252 (Windows redirecting to a file), SARIF
    (whose rule docs hold Cyrillic), JSON of a text with Erdoğan and `transcheck rule` ended in
    "internal error" with no report. Programs' formats are UTF-8; text escapes what it cannot say."""
    import xml.dom.minidom

    (tmp_path / "a.txt").write_text("Erdoğan spoke on Monday. Erdogan left. Erdoğan came back.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "NO_COLOR": "1", "PYTHONPATH": str(REPO)}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, cwd=tmp_path, env=env,
                              timeout=120)

    for fmt in ("json", "sarif"):
        done = run("check", "--isolated", "--lang", "en", "--format", fmt, "a.txt")
        assert done.returncode == 1 and b"internal error" not in done.stderr
        assert "Erdoğan" in json.dumps(json.loads(done.stdout.decode("utf-8")), ensure_ascii=False)
    done = run("check", "--isolated", "--lang", "en", "--format", "junit", "a.txt")
    assert done.returncode == 1 and "Erdoğan" in xml.dom.minidom.parseString(done.stdout).toxml()
    done = run("check", "--isolated", "--lang", "en", "a.txt")
    assert done.returncode == 1 and b"Erdo\\u011fan" in done.stdout
    done = run("rule", "TC101")
    assert done.returncode == 0 and b"internal error" not in done.stderr


def test_a_folder_is_searched_without_installed_software(tmp_path):
    # a new user's report: `check .` read every README of node_modules and of a venv
    for folder in ("node_modules/pkg", "venv/lib", "lib/site-packages/x", ".hidden", "articles"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.md").write_text("The Taliban came. The Taleban left. The Taliban stayed.\n",
                                                encoding="utf-8")
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", ".", cwd=tmp_path)
    assert sorted({f["path"] for f in json.loads(result.stdout)["findings"]}) == ["articles/a.md"]
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", "node_modules", cwd=tmp_path)
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {"node_modules/pkg/a.md"}
    # (a review: a folder whose only text is in a skipped one says so)
    result = run_cli("check", "--isolated", "--lang", "en", "lib", cwd=tmp_path)
    assert result.returncode == 2 and "site-packages not searched" in result.stderr.decode()
