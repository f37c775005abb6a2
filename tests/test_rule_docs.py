"""Rule documentation: every registered rule is documented, docs/rules.md is generated from it,
and `transcheck rules` / `transcheck rule CODE` read it."""

import json
import subprocess
import sys

from conftest import REPO, run_cli
from fake_rules import fake_rule, run_cli_with_fake_rule  # noqa: F401  (fixture)

from checker.registry import RuleDoc, all_rules
from checker.ruledocs import missing_doc_fields, rules_markdown


def _one_error_line(result):
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("transcheck: error: ") and "Traceback" not in result.stderr.decode()
    return lines[0]


def test_every_registered_rule_has_a_complete_doc():
    incomplete = {rule.code: missing_doc_fields(rule) for rule in all_rules() if missing_doc_fields(rule)}
    assert incomplete == {}, f"rules with an incomplete RuleDoc (summary, why, bad, good, fix): {incomplete}"


def test_an_incomplete_doc_is_detected(fake_rule, monkeypatch):
    assert missing_doc_fields(fake_rule) == []
    monkeypatch.setattr(fake_rule, "doc", RuleDoc(summary="s", why="  ", bad="b", good="", fix="f"))
    assert missing_doc_fields(fake_rule) == ["why", "good"]


def test_docs_rules_md_is_up_to_date():
    # `python scripts/gen_rules_doc.py` regenerates it after a rule or its RuleDoc changes
    expected = rules_markdown(all_rules())
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == expected, "docs/rules.md is out of date: run python scripts/gen_rules_doc.py"
    check = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_rules_doc.py"), "--check"], capture_output=True)
    assert check.returncode == 0, check.stderr


def test_rules_markdown_documents_each_rule(fake_rule):
    text = rules_markdown(all_rules())
    assert "| [TC900](#tc900-test-marker) | test-marker | style | warning | no |" in text
    assert "## TC900 test-marker" in text and "The Taleban said so." in text and "**Fix.** No automatic fix." in text


def test_rules_lists_registered_rules_as_text_and_json():
    codes = [rule.code for rule in all_rules()]
    text = run_cli("rules")
    assert text.returncode == 0, text.stderr
    assert [line.split()[0] for line in text.stdout.decode().splitlines()] == codes
    data = run_cli("rules", "--format", "json")
    assert data.returncode == 0, data.stderr
    rules = json.loads(data.stdout)["rules"]
    assert [r["code"] for r in rules] == codes
    assert all({"name", "category", "severity", "scope", "fixable", "summary"} <= set(r) for r in rules)


def test_rules_shows_the_fixable_column(fake_rule, monkeypatch):
    from click.testing import CliRunner

    from checker.cli import cli

    plain = CliRunner().invoke(cli, ["rules"]).output.splitlines()
    assert [line for line in plain if line.startswith("TC900")] == ["TC900  test-marker                  style      warning"]
    monkeypatch.setattr(fake_rule, "fixable", True)
    fixable = CliRunner().invoke(cli, ["rules"]).output.splitlines()
    assert [line for line in fixable if line.startswith("TC900")][0].endswith("warning  fixable")
    data = json.loads(CliRunner().invoke(cli, ["rules", "--format", "json"]).output)
    assert next(r for r in data["rules"] if r["code"] == "TC900")["fixable"] is True


def test_rule_prints_the_doc():
    shown = run_cli_with_fake_rule("rule", "TC900")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout.decode()
    assert out.startswith("TC900 test-marker (style, warning, scope document)")
    assert "Test only: reports the word Taleban." in out and "The Taliban said so." in out


def test_unknown_rule_code_exits_2():
    result = run_cli("rule", "TC999")
    assert result.returncode == 2
    assert "unknown rule 'TC999'" in _one_error_line(result)


def test_unknown_selector_exits_2(tmp_path):
    (tmp_path / "a.txt").write_text("Hello.\n", encoding="utf-8")
    for option in ("--select", "--ignore"):
        result = run_cli("check", option, "TC999", "a.txt", cwd=tmp_path)
        assert result.returncode == 2
        assert "TC999" in _one_error_line(result)
