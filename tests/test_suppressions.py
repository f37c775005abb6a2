"""Inline suppressions (HTML comments in Markdown, comment lines in plain text) and TC002."""

import checker
from conftest import FIXTURES

CONFIG = str(FIXTURES / "style" / "transcheck.toml")


def run(tmp_path, name, text, select=("TC3", "TC002")):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return checker.check_paths([str(path)], select=list(select), config=CONFIG)


def codes(findings):
    return [(f.rule, f.line) for f in findings]


def test_markdown_disable_enable(tmp_path):
    text = ("<!-- transcheck-disable TC301 -->\nHe is president in charge.\n<!-- transcheck-enable TC301 -->\n\n"
            "He is president in charge again.\n")
    assert codes(run(tmp_path, "a.md", text)) == [("TC301", 5)]


def test_an_enable_by_another_name_or_of_part_ends_the_disable(tmp_path):
    # a tester's report: "disable style-substitution" ... "enable TC301" left the rule off to the
    # end of the file; an enable of one rule of a disabled prefix lets that rule alone through
    text = ("# transcheck-disable style-substitution\nHe is president in charge.\n# transcheck-enable TC301\n"
            "He is president in charge again.\n")
    assert codes(run(tmp_path, "a.txt", text, select=("TC301", "TC002"))) == [("TC301", 4)]
    text = ("# transcheck-disable TC3\nHe is president in charge.\n# transcheck-enable TC301\n"
            "He is president in charge again.\n")
    assert codes(run(tmp_path, "b.txt", text, select=("TC301", "TC002"))) == [("TC301", 4)]


def test_markdown_disable_next_line_and_line(tmp_path):
    text = ("<!-- transcheck-disable-next-line TC301 -->\nHe is president in charge.\n\n"
            "He is president in charge. <!-- transcheck-disable-line House.Nothing, Test.Wording -->\n")
    found = run(tmp_path, "a.md", text)
    # Test.Wording (a style rule's own name) suppressed line 4; House.Nothing suppressed nothing.
    assert codes(found) == [("TC002", 4)]
    assert "House.Nothing" in found[0].message


def test_a_comment_over_several_lines_and_a_colon_after_the_kind(tmp_path):
    # a tester's reports: a directive in an HTML comment written over three lines did nothing,
    # and "transcheck-disable-line: TC301" reported ":" as a code naming no rule
    text = ("<!--\ntranscheck-disable-next-line TC301\n-->\nHe is president in charge.\n\n"
            "He is president in charge. <!-- transcheck-disable-line: TC301 -->\n\n"
            "He is president in charge.\n")
    assert codes(run(tmp_path, "a.md", text)) == [("TC301", 8)]


def test_disable_file_and_all_rules(tmp_path):
    text = "He is president in charge.\n\nShe is president in charge.\n<!-- transcheck-disable-file -->\n"
    assert run(tmp_path, "a.md", text) == []


def test_markdown_directive_in_code_or_front_matter_suppresses_nothing(tmp_path):
    # a directive shown in inline code, a fence, an indented block or front matter is an
    # example, not a suppression; nor is a "#" line (a heading, or a shell comment in a fence)
    for quoted in ("Write `<!-- transcheck-disable-file -->` to disable.\n",
                   "```sh\n# transcheck-disable-file\n<!-- transcheck-disable-file -->\n```\n",
                   "    <!-- transcheck-disable-file -->\n",
                   "# transcheck-disable-file\n"):
        text = "He is president in charge.\n\n" + quoted
        assert ("TC301", 1) in codes(run(tmp_path, "a.md", text)), quoted
    text = "---\nnote: <!-- transcheck-disable-file -->\n---\nHe is president in charge.\n"
    assert codes(run(tmp_path, "a.md", text)) == [("TC301", 4)]
    # the same comment outside code still applies
    assert run(tmp_path, "a.md", "He is president in charge.\n\n<!-- transcheck-disable-file -->\n") == []


def test_plain_text_comment_lines_are_masked_and_apply(tmp_path):
    text = ("# transcheck-disable-next-line TC301\n\nHe is president in charge.\n\n"
            "// transcheck-disable-next-line TC302\nHe is president in charge.\n")
    found = run(tmp_path, "a.txt", text)
    assert codes(found) == [("TC002", 5), ("TC301", 6)]  # the next line (blank lines skipped)
    from checker.pipeline import load_text

    doc = load_text(text, "a.txt", "en")
    assert "transcheck" not in doc.prose
    assert all("transcheck" not in seg.text for seg in doc.segments)


def test_unused_suppression_only_for_rules_that_ran(tmp_path):
    text = "<!-- transcheck-disable-next-line TC101 -->\nA clean line.\n"
    assert run(tmp_path, "a.md", text, select=("TC3", "TC002")) == []  # TC101 did not run
    found = run(tmp_path, "b.md", text, select=("TC1", "TC3", "TC002"))
    assert codes(found) == [("TC002", 1)] and found[0].fix is not None and not found[0].fix.safe


def test_a_rule_per_file_ignores_turns_off_did_not_run(tmp_path):
    # per-file-ignores, like --ignore, means the rule did not run on that file: its suppression
    # comment is not "unused" (TC002 would fail a pre-commit hook on an untouched file)
    (tmp_path / "transcheck.toml").write_text('lang = "en"\n[per-file-ignores]\n"notes/*" = ["TC1"]\n',
                                              encoding="utf-8")
    (tmp_path / "notes").mkdir()
    text = "<!-- transcheck-disable-next-line TC101 -->\nA clean line.\n"
    for path in (tmp_path / "notes" / "a.md", tmp_path / "b.md"):
        path.write_text(text, encoding="utf-8")
    found = checker.check_paths([str(tmp_path)], select=["TC1", "TC002"])
    assert [(f.rule, f.path.endswith("b.md")) for f in found] == [("TC002", True)]


def test_unknown_code_is_reported(tmp_path):
    found = run(tmp_path, "a.md", "<!-- transcheck-disable TC999 -->\nText.\n")
    assert codes(found) == [("TC002", 1)] and "names no rule" in found[0].message


def test_an_enable_naming_no_rule_is_reported(tmp_path):
    # a typo in an enable leaves its disable on to the file's end; an enable of a real rule
    # ending a disable is no finding, and the misspelt one gets no fix (removing it fixes nothing)
    text = ("<!-- transcheck-disable TC301 -->\nHe is president in charge.\n<!-- transcheck-enable TC3O1 -->\n"
            "He is president in charge.\n<!-- transcheck-enable TC301 -->\nText.\n")
    found = run(tmp_path, "a.md", text)
    assert codes(found) == [("TC002", 3)] and "TC3O1 names no rule" in found[0].message and found[0].fix is None


def test_tc002_can_be_ignored(tmp_path):
    text = "<!-- transcheck-disable TC301 -->\nText.\n"
    assert run(tmp_path, "a.md", text, select=("TC3",)) == []


HOUSE = ("style: House\nrules:\n  Wording:\n    extends: substitution\n    message: \"Use '%s'.\"\n"
         "    ignorecase: true\n    swap:\n      president in charge: caretaker president\n"
         "  Numbers:\n    extends: numbers\n    message: \"Write '%s'.\"\n    lang: en\n")


def _house_project(tmp_path, extra_config=""):
    (tmp_path / "house.yml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text(f'lang = "en"\nstyles = ["house.yml"]\n{extra_config}', encoding="utf-8")
    return str(tmp_path / "transcheck.toml")


def test_a_style_rule_that_did_not_run_has_no_unused_suppression(tmp_path):
    """A style rule's name is not "unused" when its code is ignored, when per-file-ignores turns
    it off, or when its lang leaves the file out; a name no style defines names no rule."""
    config = _house_project(tmp_path, '[per-file-ignores]\n"pfi.md" = ["TC301"]\n')
    wording = "Intro.\n\n<!-- transcheck-disable-next-line House.Wording -->\nThe president in charge left.\n"
    (tmp_path / "a.md").write_text(wording, encoding="utf-8")
    (tmp_path / "pfi.md").write_text(wording, encoding="utf-8")
    assert checker.check_paths([str(tmp_path / "a.md")], config=config, ignore=["TC301"]) == []
    assert checker.check_paths([str(tmp_path / "pfi.md")], config=config) == []
    (tmp_path / "pt.md").write_text("<!-- transcheck-disable-next-line House.Numbers -->\nSome 200 fled.\n",
                                    encoding="utf-8")
    assert checker.check_paths([str(tmp_path / "pt.md")], config=config, lang="pt") == []
    (tmp_path / "nope.md").write_text("<!-- transcheck-disable-next-line House.Nope -->\nThe end.\n", encoding="utf-8")
    [found] = checker.check_paths([str(tmp_path / "nope.md")], config=config)
    assert found.rule == "TC002" and "House.Nope names no rule" in found.message


def test_suppressing_a_style_rule_ignored_by_name_is_not_unused(tmp_path):
    # --ignore House.Wording: the rule did not run, so its suppression comment suppresses nothing
    # only because there was nothing to run; TC002 stays quiet, as for an ignored code.
    (tmp_path / "House.yml").write_text('rules:\n  Wording:\n    extends: substitution\n    message: "Use %s"\n'
                                        "    swap:\n      Taleban: Taliban\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("<!-- transcheck-disable-next-line House.Wording -->\nThe Taliban came.\n",
                                   encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.md")])
    assert [f.rule for f in found] == ["TC002"]
    assert checker.check_paths([str(tmp_path / "a.md")], ignore=["House.Wording"]) == []


def test_an_unclosed_directive_is_read_in_bounded_time():
    # a reviewer's report: thousands of unclosed directives took seconds each (a search to the
    # end of the paragraph from every one); the search now stops after a few hundred characters
    from checker.suppress import HTML_DIRECTIVE

    text = "<!-- transcheck-disable x\n" * 4000 + "<!-- transcheck-disable-line TC301 -->\n"
    found = list(HTML_DIRECTIVE.finditer(text))
    assert [m.group(1) for m in found] == ["disable-line"]


def test_removing_an_unused_comment_takes_its_spaces_with_it(tmp_path):
    # a tester's report: the unsafe fix left "Nice sentence. " and "Another  line."; a CR stays
    text = ("Nice sentence. <!-- transcheck-disable-line TC301 -->  \r\n"
            "Another <!-- transcheck-disable-next-line TC301 --> line.\r\n")
    path = tmp_path / "a.md"
    path.write_bytes(text.encode("utf-8"))
    found = checker.check_paths([str(path)], select=["TC3", "TC002"], config=CONFIG)
    assert codes(found) == [("TC002", 1), ("TC002", 2)]
    fixed = text
    for f in sorted(found, key=lambda f: f.fix.start, reverse=True):
        fixed = fixed[:f.fix.start] + f.fix.replacement + fixed[f.fix.end:]
    assert fixed == "Nice sentence.\r\nAnother line.\r\n"
    # a comment over several lines goes whole (a review: only its "-->" went, and an unclosed
    # comment hid the rest of the file)
    text = "Para.\n<!--\ntranscheck-disable-next-line TC301\n-->\nNext.\n"
    path.write_text(text, encoding="utf-8")
    found = checker.check_paths([str(path)], select=["TC3", "TC002"], config=CONFIG)
    assert [(f.rule, text[f.fix.start:f.fix.end]) for f in found] == [
        ("TC002", "<!--\ntranscheck-disable-next-line TC301\n-->\n")]


def test_the_fix_of_an_unused_comment_line_removes_the_whole_line(tmp_path):
    # a review: the fix that keeps a wrapped match's line break took this deletion for one and
    # left a blank line, the list item's next line out of the list
    from checker.fix import apply_fixes

    text = "- Item one\n  <!-- transcheck-disable-next-line TC301 -->\n  continued text here\n"
    [found] = run(tmp_path, "a.md", text)
    assert found.rule == "TC002"
    assert apply_fixes(text, [(found.fix, found)]) == "- Item one\n  continued text here\n"


def test_an_enable_that_ends_only_an_unused_disable_goes_with_it(tmp_path):
    # a new user's report: the fix removed the unused disable and left its enable, alone and unreported
    from checker.fix import apply_fixes

    text = "# Title here\n\n<!-- transcheck-disable TC305 -->\nNothing to see.\n<!-- transcheck-enable TC305 -->\n"
    found = [f for f in run(tmp_path, "a.md", text) if f.rule == "TC002"]
    assert [f.line for f in found] == [3, 5]
    assert apply_fixes(text, [(f.fix, f) for f in found]) == "# Title here\n\nNothing to see.\n"
    # (an enable that also ends a used disable stays)
    text = "<!-- transcheck-disable TC305 -->\n<!-- transcheck-disable TC304 -->\n# Title here\n<!-- transcheck-enable -->\n"
    assert codes(run(tmp_path, "b.md", text)) == [("TC002", 1)]
    # (a review: nor one that lets some rules of a used disable through; an enable by code ends a
    # disable by the rule's name)
    text = ("<!-- transcheck-disable TC3 -->\n<!-- transcheck-disable TC305 -->\n# Title here\n"
            "<!-- transcheck-enable TC305, TC304 -->\n# Another title\n")
    assert codes(run(tmp_path, "c.md", text)) == [("TC002", 2), ("TC304", 5)]
    text = "<!-- transcheck-disable numbers -->\nNothing.\n<!-- transcheck-enable TC305 -->\n"
    assert codes(run(tmp_path, "d.md", text)) == [("TC002", 1), ("TC002", 3)]


def test_the_unused_codes_of_a_comment_with_used_ones_are_removed(tmp_path):
    # a tester's report: only TC301 of "TC301, TC302, TC305" suppressed a finding, and TC002 had
    # no fix (ruff's RUF100 removes the unused codes)
    from checker.fix import apply_fixes

    text = ("Intro.\n\n<!-- transcheck-disable-next-line TC305, TC301, TC302 -->\nThe Taleban came.\n\n"
            "<!-- transcheck-disable-next-line TC302 TC301 -->\nThe Taleban left.\n")
    found = [f for f in run(tmp_path, "a.md", text) if f.rule == "TC002"]
    assert [f.line for f in found] == [3, 6] and all(not f.fix.safe for f in found)
    assert apply_fixes(text, [(f.fix, f) for f in found]) == (
        "Intro.\n\n<!-- transcheck-disable-next-line TC301 -->\nThe Taleban came.\n\n"
        "<!-- transcheck-disable-next-line TC301 -->\nThe Taleban left.\n")


def test_an_enable_of_a_style_rule_or_of_its_code_ends_the_disable_that_covers_it(tmp_path):
    # a tester's report: `enable House.Wording` did not end `disable TC3`, nor `enable TC305` a
    # `disable House.Numbers`: the rules stayed off to the end of the file
    config = _house_project(tmp_path)
    text = ("<!-- transcheck-disable TC3 -->\n\nThe president in charge counted 200 thousand.\n\n"
            "<!-- transcheck-enable House.Wording -->\n\nThe president in charge counted 200 thousand.\n\n"
            "<!-- transcheck-disable House.Numbers -->\n\nThey counted 300 thousand.\n\n"
            "<!-- transcheck-enable TC305 -->\n\nThey counted 400 thousand.\n")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.md")], config=config)
    assert [(f.rule, f.line, f.extra.get("style_rule")) for f in found] == [
        ("TC301", 7, "House.Wording"), ("TC305", 15, "House.Numbers")]
    # ... and a second disable turns them off again, and is used (a review: it suppressed nothing)
    for disable, enable in (("TC3", "House.Wording"), ("House.Wording", "TC301")):
        text = (f"<!-- transcheck-disable {disable} -->\n\nThe president in charge left.\n\n"
                f"<!-- transcheck-enable {enable} -->\n\nThe president in charge came.\n\n"
                f"<!-- transcheck-disable {disable} -->\n\nThe president in charge stayed.\n")
        (tmp_path / "b.md").write_text(text, encoding="utf-8")
        found = checker.check_paths([str(tmp_path / "b.md")], config=config)
        assert [(f.rule, f.line) for f in found] == [("TC301", 7)], disable


def test_stacked_next_line_comments_all_apply_to_the_line_after_them(tmp_path):
    # a final tester's report: the first applied to the comment below it (TC002 called it unused)
    config = _house_project(tmp_path)
    for comment in ("<!-- transcheck-disable-next-line {} -->", "# transcheck-disable-next-line {}"):
        name = "a.md" if comment.startswith("<") else "a.txt"
        text = (comment.format("House.Numbers") + "\n" + comment.format("House.Wording") + "\n"
                "The president in charge counted 200 thousand.\n")
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert checker.check_paths([str(tmp_path / name)], config=config) == [], name
