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
