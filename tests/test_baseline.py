"""Fingerprints and baselines (checker/fingerprint.py, checker/baseline.py, --baseline)."""

import json

import pytest
from conftest import run_cli
from fake_rules import fake_rule, run_cli_with_fake_rule  # noqa: F401  (fixture)

from checker.fingerprint import fingerprint, fingerprints, normalise_path
from checker.model import InputError
from checker.pipeline import Options, Source, run

ARTICLE = (
    "Panjshir valley\n\n"
    "The Taliban said they had taken the valley. The Taleban denied it.\n\n"
    "Later the Taleban left.\n"
)


def _one_error_line(result):
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("transcheck: error: ") and "Traceback" not in result.stderr.decode()
    return lines[0]


def _texts_and_lines(stdout: bytes):
    return [(f["text"], f["line"]) for f in json.loads(stdout)["findings"]]


# ------------------------------------------------------------------------------------ fingerprints


def test_fingerprint_ignores_position_but_counts_occurrences(tmp_path, monkeypatch, fake_rule):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    first = run([Source("a.txt")], Options(select=["TC900"], isolated=True, lang="en")).findings
    (tmp_path / "a.txt").write_text("New headline\n\nA new paragraph.\n\n" + ARTICLE, encoding="utf-8")
    second = run([Source("a.txt")], Options(select=["TC900"], isolated=True, lang="en")).findings
    assert [f.line for f in first] != [f.line for f in second]
    assert [f.fingerprint for f in first] == [f.fingerprint for f in second]
    assert first[0].fingerprint == fingerprint("TC900", "a.txt", "Taleban", 0)
    assert first[1].fingerprint == fingerprint("TC900", "a.txt", "Taleban", 1)


def test_fingerprints_are_independent_of_input_order(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    findings = run([Source("a.txt")], Options(select=["TC900"], isolated=True, lang="en")).findings
    assert fingerprints(list(reversed(findings))) == list(reversed(fingerprints(findings)))


def test_fingerprint_path_is_relative_to_cwd_with_slashes(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert normalise_path(str(tmp_path / "sub" / "a.txt")) == "sub/a.txt"
    assert normalise_path("./sub/../sub/a.txt") == "sub/a.txt"
    assert normalise_path("<stdin>") == "<stdin>"
    assert fingerprint("TC101", "a.txt", "Taleban", 0) != fingerprint("TC101", "b.txt", "Taleban", 0)
    assert fingerprint("TC101", "a.txt", "Taleban", 0) != fingerprint("TC102", "a.txt", "Taleban", 0)
    assert fingerprint("TC101", "a.txt", "Shah\nMassoud", 0) == fingerprint("TC101", "a.txt", "Shah Massoud", 0)


# ------------------------------------------------------------------------------- the CLI, end to end


def test_baseline_survives_edits_above_its_findings(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    written = run_cli_with_fake_rule("check", "--write-baseline", "baseline.json", "article.txt", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert "recorded 2 findings in baseline.json" in written.stderr.decode()
    baseline = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["version"] == 1
    assert [(e["rule"], e["path"], e["text"]) for e in baseline["findings"]] == [("TC900", "article.txt", "Taleban")] * 2

    # Lines inserted above the findings (and text edited around them) move every finding down.
    article.write_text("Breaking\n\nAn editor's new introduction.\n\n" + ARTICLE.replace("said", "claimed"), encoding="utf-8")
    without = run_cli_with_fake_rule("check", "--format", "json", "article.txt", cwd=tmp_path)
    assert without.returncode == 1 and _texts_and_lines(without.stdout) == [("Taleban", 7), ("Taleban", 9)]
    with_baseline = run_cli_with_fake_rule("check", "--format", "json", "--baseline", "baseline.json", "article.txt", cwd=tmp_path)
    assert with_baseline.returncode == 0, with_baseline.stderr
    assert _texts_and_lines(with_baseline.stdout) == []

    # A third occurrence is new: it alone is reported.
    article.write_text(article.read_text(encoding="utf-8") + "\nThe Taleban are back.\n", encoding="utf-8")
    new = run_cli_with_fake_rule("check", "--format", "json", "--baseline", "baseline.json", "article.txt", cwd=tmp_path)
    assert new.returncode == 1
    assert _texts_and_lines(new.stdout) == [("Taleban", 11)]


def test_baseline_reports_the_inserted_occurrence_not_a_later_one(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run_cli_with_fake_rule("check", "--write-baseline", "baseline.json", "article.txt", cwd=tmp_path).returncode == 0
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert all(len(entry["context"]) == 16 for entry in entries)

    # An identical finding inserted above the recorded ones is the new one (occurrence indexes
    # alone would have blamed the last "Taleban", whose index moved from 1 to 2).
    article.write_text("The Taleban arrived first.\n\n" + ARTICLE, encoding="utf-8")
    inserted = run_cli_with_fake_rule("check", "--format", "json", "--baseline", "baseline.json", "article.txt", cwd=tmp_path)
    assert inserted.returncode == 1
    assert _texts_and_lines(inserted.stdout) == [("Taleban", 1)]

    # A recorded finding whose own line was edited is still recorded: the entry its line no
    # longer matches is taken by occurrence.
    article.write_text(ARTICLE.replace("Later the Taleban left.", "Later that week the Taleban left."), encoding="utf-8")
    edited = run_cli_with_fake_rule("check", "--format", "json", "--baseline", "baseline.json", "article.txt", cwd=tmp_path)
    assert edited.returncode == 0, edited.stdout
    assert _texts_and_lines(edited.stdout) == []


def test_baseline_recognises_an_edited_sentence_by_its_neighbouring_words(tmp_path):
    # The recorded "Taleban" has its sentence edited (its line changes) and a new one is inserted
    # above it: the words around the recorded one are unchanged, so the new one is reported.
    article = tmp_path / "article.txt"
    article.write_text("Intro.\n\nThe Taleban were not mentioned.\n", encoding="utf-8")
    assert run_cli_with_fake_rule("check", "--write-baseline", "baseline.json", "article.txt", cwd=tmp_path).returncode == 0
    article.write_text("Intro.\n\nA new line: the Taleban again.\n\nThe Taleban were not mentioned at all.\n",
                       encoding="utf-8")
    result = run_cli_with_fake_rule("check", "--format", "json", "--baseline", "baseline.json", "article.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert _texts_and_lines(result.stdout) == [("Taleban", 3)]


def test_baseline_without_contexts_matches_by_fingerprint(tmp_path):
    """Baselines written before entries had a ``context`` keep working by occurrence."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run_cli_with_fake_rule("check", "--write-baseline", "baseline.json", "article.txt", cwd=tmp_path).returncode == 0
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    for entry in data["findings"]:
        del entry["context"], entry["near"]
    (tmp_path / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    article.write_text("Breaking\n\n" + ARTICLE + "\nThe Taleban are back.\n", encoding="utf-8")
    result = run_cli_with_fake_rule("check", "--format", "json", "--baseline", "baseline.json", "article.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert _texts_and_lines(result.stdout) == [("Taleban", 9)]


def test_write_baseline_ignores_the_old_baseline(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run_cli_with_fake_rule("check", "--write-baseline", "b.json", "a.txt", cwd=tmp_path).returncode == 0
    again = run_cli_with_fake_rule("check", "--baseline", "b.json", "--write-baseline", "b.json", "a.txt", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(json.loads((tmp_path / "b.json").read_text())["findings"]) == 2


@pytest.mark.parametrize("flag", ["--fix", "--diff"])
def test_write_baseline_with_fix_is_a_usage_error(tmp_path, flag):
    # a tester's report: it recorded the findings and left --fix undone, exit 0
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", flag, "--write-baseline", "b.json", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and f"run {flag} first, then --write-baseline" in _one_error_line(result)
    assert not (tmp_path / "b.json").exists() and (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize(
    "content, expected",
    [
        ("this is not json", "invalid JSON"),
        ("[1, 2]", 'expected a JSON object with a "version"'),
        ('{"version": 2, "findings": []}', "unsupported baseline version 2"),
        ('{"version": true, "findings": []}', "unsupported baseline version True"),
        ('{"version": 1, "findings": {}}', '"findings" must be a list'),
        ('{"version": 1, "findings": [{"rule": "TC101"}]}', 'entry 0 has no "fingerprint"'),
    ],
)
def test_baseline_in_the_wrong_format_exits_2(tmp_path, content, expected):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad-baseline.json").write_text(content, encoding="utf-8")
    result = run_cli("check", "--baseline", "bad-baseline.json", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    line = _one_error_line(result)
    assert "bad-baseline.json" in line and expected in line


def test_missing_baseline_exits_2(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--baseline", "nope.json", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "nope.json: cannot read baseline" in _one_error_line(result)


def test_bad_baseline_through_the_api_raises_input_error(tmp_path):
    (tmp_path / "b.json").write_text('{"version": "1"}', encoding="utf-8")
    with pytest.raises(InputError, match="b.json"):
        Options(baseline=str(tmp_path / "b.json")).validate()


def test_a_baseline_used_from_another_directory_is_told(tmp_path):
    # a corpus tester's report: its paths are relative to where it was written; from elsewhere it
    # matched nothing and every recorded finding came back without a word
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("The Taleban came. The Taliban left. The Taliban won.\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Nothing here.\n", encoding="utf-8")
    run_cli("check", "--lang", "en", "--write-baseline", "base.json", "sub/a.txt", cwd=tmp_path)
    result = run_cli("check", "--lang", "en", "--baseline", "../base.json", "a.txt", cwd=tmp_path / "sub")
    assert result.returncode == 1 and "records no finding in the files checked" in result.stderr.decode()
    # from the right directory, a new file beside the recorded ones gets no such notice
    result = run_cli("check", "--lang", "en", "--baseline", "base.json", "sub/b.txt", cwd=tmp_path)
    assert result.returncode == 0 and "records no finding" not in result.stderr.decode()
