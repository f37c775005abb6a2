"""Fixes that undo each other are reported, and the summary counts only what really changed."""

from conftest import run_cli

STYLE = "style: House\nrules:\n  W:\n    extends: substitution\n    message: \"Use %s, not %s.\"\n    swap:\n      Kiev: Kyiv\n"
GLOSSARY = "source,target,status\nKiev,Kiev,preferred\nKiev,Kyiv,forbidden\n"


def _conflicting_project(tmp_path):
    (tmp_path / "s.yml").write_text(STYLE, encoding="utf-8")
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text(
        'lang = "en"\nsource-lang = "uk"\nstyles = ["s.yml"]\nglossaries = ["g.csv"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Troops left Kiev on Monday.\n", encoding="utf-8")


def test_fixes_that_undo_each_other_are_named_and_not_counted(tmp_path):
    _conflicting_project(tmp_path)
    result = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Troops left Kiev on Monday.\n"
    assert "transcheck: fixed 0 findings in 0 files" in stderr
    conflict = [line for line in stderr.splitlines() if "do not settle" in line]
    assert conflict == ["transcheck: fixes in a.txt do not settle: TC202 and TC301 (House.W) undo each other's fixes"]
    # (a tester's report: the report after it still offered "[*] 2 fixable with --fix")
    stdout = result.stdout.decode()
    assert "Found 1 finding" in stdout and "fixable" not in stdout and "[*]" not in stdout


def test_unsafe_fixes_given_marks_every_fix_as_one_fix_applies(tmp_path):
    # a tester's report: --unsafe-fixes without --fix still said "(1 more with --unsafe-fixes)"
    (tmp_path / "s.yml").write_text("style: House\nrules:\n  H:\n    extends: capitalization\n    scope: heading\n"
                                    "    match: $sentence\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# The Role Of The Valley\n\nThe Taliban came. The Taleban left. The Taliban won.\n",
                                   encoding="utf-8")
    plain = run_cli("check", "a.md", cwd=tmp_path).stdout.decode()
    assert "\n2 fixable with --fix --unsafe-fixes." in plain and "[*]" not in plain
    given = run_cli("check", "--unsafe-fixes", "a.md", cwd=tmp_path).stdout.decode()
    assert "--unsafe-fixes" not in given and "\n[*] 2 fixable with --fix." in given
    assert [line.split()[1:3] for line in given.splitlines() if " TC" in line] == [["TC304", "[*]"], ["TC101", "[*]"]]


def test_diff_counts_only_real_changes(tmp_path):
    _conflicting_project(tmp_path)
    result = run_cli("check", "--diff", "a.txt", cwd=tmp_path)
    assert result.stdout == b""
    assert "0 fixes would change 0 files" in result.stderr.decode()
    assert result.returncode == 1  # something to reconcile


def test_a_name_listed_as_a_variant_of_another_is_a_load_error(tmp_path):
    (tmp_path / "names.yaml").write_text(
        "names:\n  - name: Taliban\n    variants: [Taleban]\n  - name: Taleban\n    variants: [Taliban]\n",
        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nnames = ["names.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Taliban took Kabul.\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2
    assert len(lines) == 1 and "names.yaml:2" in lines[0] and "'Taleban'" in lines[0]
    assert "Traceback" not in result.stderr.decode()


def test_fixes_that_undo_each_other_leave_their_words_and_the_others_apply(tmp_path):
    # a tester's report: with a third, settling fix the two conflicting spellings traded places
    # (In Kiev, in Kyiv, to win.) and every pass's fixes were counted (7)
    _conflicting_project(tmp_path)
    (tmp_path / "s.yml").write_text(STYLE + "      in order to: to\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("In Kyiv, in Kiev, in order to win.\n", encoding="utf-8")
    diff = run_cli("check", "--diff", "a.txt", cwd=tmp_path)
    assert "+In Kyiv, in Kiev, to win.\n" in diff.stdout.decode()
    assert "1 fix would change 1 file" in diff.stderr.decode()
    fixed = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "In Kyiv, in Kiev, to win.\n"
    stderr = fixed.stderr.decode()
    assert "transcheck: fixed 1 finding in 1 file" in stderr and "do not settle: TC202 and TC301 (House.W)" in stderr
    assert "Found 2 findings" in fixed.stdout.decode()


def test_three_rules_that_undo_each_other_are_named_in_one_list(tmp_path):
    # a final tester's report: "A and B and C undo each other's fixes"
    (tmp_path / "s.yml").write_text("style: House\nrules:\n  A:\n    extends: substitution\n    swap:\n      Kiev: Kyiv\n"
                                    "  B:\n    extends: substitution\n    swap:\n      Kyiv: Kiew\n"
                                    "  C:\n    extends: substitution\n    swap:\n      Kiew: Kiev\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Troops left Kiev on Monday.\n", encoding="utf-8")
    stderr = run_cli("check", "--fix", "a.txt", cwd=tmp_path).stderr.decode()
    assert "do not settle: TC301 (House.A), TC301 (House.B) and TC301 (House.C) undo each other's fixes" in stderr
