"""Style rules from YAML files (TC301-TC305): each type with a failing and a passing fixture,
a Vale-format style, and one-line errors for broken styles through the real CLI."""

import json

import pytest

import checker
from checker.model import InputError
from checker.style import load_style_file
from conftest import FIXTURES, run_cli

STYLE = FIXTURES / "style"
TEXTS = STYLE / "texts"


def check(name):
    return checker.check_paths([str(TEXTS / name)], select=["TC3"])


def spans(findings):
    return [(f.rule, f.text) for f in findings]


def test_substitution_bad_and_good():
    found = check("substitution_bad.txt")
    assert spans(found) == [("TC301", "president in charge"), ("TC301", "President in charge"),
                            ("TC301", "e-mail message")]
    assert [f.fix.replacement for f in found] == ["caretaker president", "Caretaker president", "email message"]
    assert all(f.fix.safe for f in found)
    assert found[0].extra["style_rule"] == "Test.Wording" and "[Test.Wording]" in found[0].message
    assert check("substitution_good.txt") == []


def test_substitution_several_replacements_only_suggest():
    found = checker.check_text("We utilise it.", lang="en", select=["TC301"], config=str(STYLE / "transcheck.toml"))
    assert found[0].suggestions == ["use", "employ"] and found[0].fix is None


def test_substitution_whose_replacement_holds_the_match(tmp_path):
    # Kabul -> Kabul city: "Kabul city" is the approved form, not a new match; --fix converges
    (tmp_path / "House.yml").write_text("extends: substitution\nmessage: \"Use %s, not %s\"\n"
                                        "swap:\n  Kabul: Kabul city\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("He went to Kabul today. He lives in Kabul city now.\n", encoding="utf-8")
    found = checker.check_paths([str(doc)], select=["TC3"])
    assert [(f.text, f.column) for f in found] == [("Kabul", 12)]
    run_cli("check", "--fix", str(doc), cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == "He went to Kabul city today. He lives in Kabul city now.\n"


def test_message_percent_escape_as_in_vale(tmp_path):
    (tmp_path / "House.yml").write_text("extends: existence\nmessage: \"'%s' is 100%% banned.\"\n"
                                        "tokens:\n  - Taleban\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Taleban came.\n", encoding="utf-8")
    [found] = checker.check_paths([str(tmp_path / "a.txt")], select=["TC3"])
    assert found.message.startswith("'Taleban' is 100% banned.")


def test_existence_bad_and_good():
    found = check("existence_bad.txt")
    assert spans(found) == [("TC302", "Credit, Getty Images"), ("TC302", "Photo caption,")]
    assert all(str(f.severity) == "error" for f in found)
    assert check("existence_good.txt") == []


def test_consistency_bad_and_good():
    found = check("consistency_bad.txt")
    assert spans(found) == [("TC303", "advisor")]
    assert found[0].fix.replacement == "adviser" and not found[0].fix.safe
    assert check("consistency_good.txt") == []


def test_capitalization_bad_and_good():
    found = check("capitalization_bad.txt")
    by_rule = {f.extra["style_rule"]: f for f in found}
    assert spans(found) == [("TC304", "shared power")] * 2 and set(by_rule) == {"Test.Headings", "Desk.Titles"}
    assert by_rule["Test.Headings"].fix.replacement == "Shared power" and by_rule["Test.Headings"].fix.safe
    assert by_rule["Desk.Titles"].suggestions == ["Shared Power"] and not by_rule["Desk.Titles"].fix.safe
    # "Lion" and "Panjshir" are capitalised inside the article's sentences: names, not a fault.
    assert check("capitalization_good.txt") == []


def test_sentence_case_keeps_names_only_the_heading_uses(tmp_path):
    # No sentence of the article names Kabul, Massoud or Panjshir, but the word lists tell them
    # from ordinary words: the suggestion keeps them capitalised, and a heading already in
    # sentence case is no finding. Ordinary words ("Valley", "Role") are still lower-cased.
    (tmp_path / "Headings.yml").write_text("extends: capitalization\nmessage: \"'%s' should be in sentence case\"\n"
                                           "scope: heading\nmatch: $sentence\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["Headings.yml"]\n', encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("# Why The Taliban Returned To Kabul\n\nThe group entered the city.\n\n"
                   "## Life under Ahmad Shah Massoud in Panjshir\n\nHe fought there.\n\n"
                   "## The Role Of The Valley\n\nNothing more.\n", encoding="utf-8")
    found = checker.check_paths([str(doc)], select=["TC3"])
    assert [(f.line, f.suggestions) for f in found] == [(1, ["Why the Taliban returned to Kabul"]),
                                                        (9, ["The role of the valley"])]


def test_numbers_bad_and_good():
    found = check("numbers_bad.txt")
    assert spans(found) == [("TC305", "150 and 200 thousand"), ("TC305", "5 thousand")]
    assert [f.fix.replacement for f in found] == ["150,000 and 200,000", "5,000"]
    assert all(f.fix.safe for f in found)
    assert check("numbers_good.txt") == []


def test_numbers_rule_follows_language(tmp_path):
    text = "Die Stadt hat 200 tausend Einwohner."
    style = tmp_path / "s.yml"
    style.write_text("rules:\n  N:\n    extends: numbers\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('styles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "de.txt").write_text(text, encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "de.txt")], lang="de", select=["TC305"])
    assert [f.fix.replacement for f in found] == ["200.000"]


def test_vale_style_folder():
    found = check("vale_bad.txt")
    assert spans(found) == [("TC302", "arguably"), ("TC301", "Taleban")]
    assert found[0].extra["style_rule"] == "Desk.Hedging" and str(found[0].severity) == "info"
    assert check("vale_good.txt") == []


def test_markdown_code_is_not_matched(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("# Title\n\nThe `president in charge` flag.\n\n```\nTaleban\n```\n", encoding="utf-8")
    assert checker.check_paths([str(doc)], select=["TC3"], config=str(STYLE / "transcheck.toml")) == []


def test_offsets_are_those_of_the_file(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("# Heading\n\nHe is **president in charge** now.\n", encoding="utf-8")
    [f] = checker.check_paths([str(doc)], select=["TC301"], config=str(STYLE / "transcheck.toml"))
    assert (f.line, f.column, f.text) == (3, 9, "president in charge")


@pytest.mark.parametrize("name, expected", [
    ("malformed.yml", "malformed.yml:5: invalid YAML"),
    ("bad_regex.yml", "bad_regex.yml:6: invalid regular expression in token 'broken (group'"),
    ("unknown_key.yml", "unknown_key.yml:4: unknown key 'swapp'"),
    ("unknown_type.yml", "unknown_type.yml:1: unknown rule type 'sequence'"),
    ("bad_group.yml", "bad_group.yml:5: swap '(Tal)iban': $2 refers to a group the key does not have"),
    ("group_without_groups.yml", "group_without_groups.yml:4: swap 'Kabul': $1 refers to a group the key does "
                                 "not have (it has none"),
])
def test_broken_style_is_one_line_exit_2(tmp_path, name, expected):
    (tmp_path / "transcheck.toml").write_text(f'styles = ["{(STYLE / "bad" / name).as_posix()}"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transcheck: error: "), lines
    assert expected in lines[0]
    with pytest.raises(InputError):
        load_style_file(str(STYLE / "bad" / name))


def test_json_output_carries_style_rule_name():
    result = run_cli("check", "--format", "json", "--select", "TC3", str(TEXTS / "existence_bad.txt"))
    findings = json.loads(result.stdout)["findings"]
    assert {f["style_rule"] for f in findings} == {"Test.Leftovers"}


def test_rule_docs_are_complete():
    from checker.registry import get_rule

    for code in ("TC301", "TC302", "TC303", "TC304", "TC305", "TC002"):
        rule = get_rule(code)
        assert rule is not None and rule.doc.summary and rule.doc.bad and rule.doc.good and rule.doc.fix


@pytest.mark.parametrize("source, lowered", [
    ("(?:Tale[bv]ans?)(?![\\w-])", "(?:tale[bv]ans?)(?![\\w-])"),
    ("U\\.S\\.\\s+Army", "u\\.s\\.\\s+army"),
    ("(?i:Foo)", None),  # inline flags: the scope may differ
    ("(?P<x>A)", None),  # a named group's name is no text
    ("\\x41BC", None),  # an escape naming a character by its code
    ("İstanbul", None),  # lower case changes the length
])
def test_lowered_pattern(source, lowered):
    from checker.style.loader import lowered_pattern

    assert lowered_pattern(source) == lowered


def test_ignorecase_rules_match_any_case_and_report_the_original_text(tmp_path):
    # An ignorecase rule runs its lower-cased pattern over the lower-cased prose; the findings
    # carry the text as written, and the fix keeps its case. A pattern that cannot be lowered
    # safely (an inline flag) runs as written: same findings.
    (tmp_path / "house.yml").write_text(
        "rules:\n"
        "  Spelling:\n    extends: substitution\n    ignorecase: true\n    swap:\n      'tale[bv]ans?': Taliban\n"
        "  Leftover:\n    extends: existence\n    ignorecase: true\n    tokens:\n      - '(?-i:Credit), reuters'\n"
        "      - 'PHOTO CAPTION'\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["house.yml"]\n', encoding="utf-8")
    text = "The TALEBAN and the Talevans. Credit, REUTERS. credit, Reuters. Photo Caption, the taleban.\n"
    found = checker.check_text(text, lang="en", select=["TC301", "TC302"], config=str(tmp_path / "transcheck.toml"))
    assert [(f.rule, f.text) for f in found] == [
        ("TC301", "TALEBAN"), ("TC301", "Talevans"), ("TC302", "Credit, REUTERS"),
        ("TC302", "Photo Caption"), ("TC301", "taleban")]
    assert [f.fix.replacement for f in found if f.rule == "TC301"] == ["TALIBAN", "Taliban", "Taliban"]
    assert "Photo Caption" in found[3].message


def test_multi_word_tokens_match_a_wrapped_line_but_not_across_a_blank_line(tmp_path):
    # A space in a token or swap key also matches one line break and the indentation after it
    # (a hard-wrapped paragraph, a Markdown list item or quote); a blank line ends the phrase.
    (tmp_path / "house.yml").write_text(
        "rules:\n"
        "  Wording:\n    extends: substitution\n    swap:\n      president in charge: caretaker president\n"
        "  Leftover:\n    extends: existence\n    tokens:\n      - 'Credit, Reuters'\n      - 'a [ ]b'\n",
        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["house.yml"]\n', encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("The president in\ncharge spoke.\n\n- Credit,\n  Reuters\n\n> the president\n> in charge\n\n"
                   "Credit,\n\nReuters. Not a  b, a  b.\n", encoding="utf-8")
    found = checker.check_paths([str(doc)], select=["TC3"])
    assert [(f.rule, f.line, f.end_line) for f in found] == [
        ("TC301", 1, 2), ("TC302", 4, 5), ("TC301", 7, 8), ("TC302", 12, 12), ("TC302", 12, 12)]
    run_cli("check", "--fix", str(doc), cwd=tmp_path)
    assert doc.read_text(encoding="utf-8").startswith("The caretaker president spoke.\n")


def test_numbers_leave_identifiers_and_mixed_forms_alone(tmp_path):
    """A leading zero (a telephone number) would be dropped by grouping, a postcode before its town
    is no quantity, and "1 thousand 500" must not become "1,000 500"."""
    (tmp_path / "s.yml").write_text(
        "style: Num\nrules:\n  N:\n    extends: numbers\n    message: \"Write %s rather than %s.\"\n    group: 5\n",
        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Call 08001234567 for help. The office is at 10115 Berlin, the other at 75001 Paris. "
        "About 1 thousand 500 people came, 25000 in all.\n", encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], config=str(tmp_path / "transcheck.toml"), select=["TC305"])
    assert [(f.text, f.suggestions) for f in found] == [("25000", ["25,000"])]


def test_swap_double_dollar_writes_a_dollar_sign(tmp_path):
    (tmp_path / "s.yml").write_text('extends: substitution\nmessage: "Use %s, not %s."\nswap:\n'
                                    '  five dollars: "$$5"\n  (\\d+) bucks: "$$$1"\n', encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    found = checker.check_text("It cost five dollars, then 7 bucks.", config=str(tmp_path / "transcheck.toml"),
                               select=["TC301"])
    assert [f.fix.replacement for f in found] == ["$5", "$7"]
