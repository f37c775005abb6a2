"""The Python API (checker.check_text / check_pair / check_paths)."""

import warnings
from pathlib import Path

import pytest
from conftest import SAMPLE

import checker

TEXT = "The Taliban came. The Taliban left. Later the Taleban returned to Kabul.\n"


def test_check_text_returns_findings_and_reads_no_configuration(tmp_path, monkeypatch):
    (tmp_path / "transcheck.toml").write_text('ignore = ["TC101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = checker.check_text(TEXT, lang="en")
    assert [(f.rule, f.text, f.suggestions) for f in findings] == [("TC101", "Taleban", ["Taliban"])]
    # asked for, the configuration applies
    assert checker.check_text(TEXT, lang="en", config=str(tmp_path / "transcheck.toml")) == []


def test_check_paths_accepts_one_path_and_uses_the_files_configuration():
    findings = checker.check_paths(str(SAMPLE))
    assert {"TC101", "TC102", "TC202", "TC302"} <= {f.rule for f in findings}
    isolated = checker.check_paths([str(SAMPLE)], isolated=True, lang="en")
    assert {f.rule for f in isolated} == {"TC101"}


def test_check_pair_runs_bilingual_rules(tmp_path):
    (tmp_path / "glossary.csv").write_text("source,target,status\nconfirmed cases,casos confirmados,preferred\n",
                                           encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('glossaries = ["glossary.csv"]\n', encoding="utf-8")
    findings = checker.check_pair("There are 200 confirmed cases.", "Há 200 casos registrados.",
                                  source_lang="en", lang="pt", config=str(tmp_path / "transcheck.toml"))
    assert [f.rule for f in findings] == ["TC201"]


def test_check_pair_reads_both_sides_as_markdown(tmp_path):
    # Code in the original is not prose: its terms need no translation.
    (tmp_path / "glossary.csv").write_text("source,target,status\nconfirmed cases,casos confirmados,preferred\n",
                                           encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('glossaries = ["glossary.csv"]\n', encoding="utf-8")
    source, target = "Run `confirmed cases` now.\n", "Execute `cases` agora.\n"
    options = dict(source_lang="en", lang="pt", config=str(tmp_path / "transcheck.toml"), select=["TC201"])
    assert [f.rule for f in checker.check_pair(source, target, **options)] == ["TC201"]
    assert checker.check_pair(source, target, fmt="md", **options) == []
    assert checker.check_pair(source, target, path="a.md", **options) == []


def test_bad_arguments_are_clear_errors():
    with pytest.raises(TypeError, match="text must be a str"):
        checker.check_text(TEXT.encode(), lang="en")
    with pytest.raises(checker.InputError, match="unknown format 'rst'"):
        checker.check_text(TEXT, lang="en", fmt="rst")
    with pytest.raises(checker.InputError, match="no such file"):
        checker.check_paths(["no/such/file.txt"])
    with pytest.raises(checker.InputError, match="unknown severity 'bogus'"):
        checker.check_text(TEXT, lang="en", fail_level="bogus")


def test_arguments_of_the_wrong_type_are_type_errors_and_paths_may_be_path_objects():
    # a tester's report: AttributeError ('int' object has no attribute 'strip'), ignore=None
    # failed, and a pathlib.Path was "not iterable"
    with pytest.raises(TypeError, match="lang must be a str, not int"):
        checker.check_text(TEXT, lang=5)
    with pytest.raises(TypeError, match="select must be a str or a list of str"):
        checker.check_text(TEXT, lang="en", select=[1])
    with pytest.raises(TypeError, match="config must be the path of a configuration file, not dict"):
        checker.check_text(TEXT, lang="en", config={"lang": "pt"})
    assert [f.rule for f in checker.check_text(TEXT, lang="en", ignore=None)] == ["TC101"]
    assert checker.check_paths(SAMPLE) == checker.check_paths(str(SAMPLE))


def test_offsets_are_those_of_the_string_given_also_after_a_byte_order_mark():
    # a tester's report: the reader dropped a leading U+FEFF as a BOM, and every offset was one
    # short, so applying a fix garbled the text
    text = "\ufeff" + TEXT
    [found] = checker.check_text(text, lang="en")
    assert text[found.start:found.end] == found.text == "Taleban"
    assert text[:found.fix.start] + found.fix.replacement + text[found.fix.end:] == text.replace("Taleban", "Taliban")
    # ... and the mark is still no text: a front matter after it stays one (a review)
    text = "\ufeff---\ntitle: the taleban story\n---\n\nThe Taliban came. The Taliban went. The Taliban left.\n"
    assert checker.check_text(text, lang="en", fmt="md") == []
    assert checker.check_text(TEXT, lang="en", select=(s for s in ["TC1"])) != []  # a generator of selectors


def test_one_selector_may_be_a_string_as_in_a_configuration_file():
    assert [f.rule for f in checker.check_text(TEXT, lang="en", select="TC1")] == ["TC101"]
    assert checker.check_text(TEXT, lang="en", ignore="TC101") == []


def test_text_with_a_lone_surrogate_is_an_input_error():
    with pytest.raises(checker.InputError, match="not valid Unicode"):
        checker.check_text("The Taliban \ud800 came.", lang="en")


def test_a_run_keeps_the_text_only_of_files_it_reports_on():
    # An audit of many files must not hold every text in memory: a clean file keeps its path
    # and language only; a file with findings, or with a suppression comment (TC002 may quote
    # it), keeps its text for the report, the baseline and --fix.
    from checker.pipeline import Options, Source, run

    clean = "The Taliban came. The Taliban left.\n"
    unused = "<!-- transcheck-disable TC101 -->\n\n" + clean
    result = run([Source("dirty.txt", TEXT.encode()), Source("clean.txt", clean.encode()),
                  Source("unused.md", unused.encode())], Options(lang="en", isolated=True))
    texts = {doc.path: (doc.text, doc.lang) for doc in result.documents}
    assert texts == {"dirty.txt": (TEXT, "en"), "clean.txt": ("", "en"), "unused.md": (unused, "en")}
    assert [(f.path, f.rule, f.line) for f in result.findings] == [("dirty.txt", "TC101", 1), ("unused.md", "TC002", 1)]


def test_a_mistyped_keyword_names_itself_and_the_valid_ones(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The Taliban came.\n", encoding="utf-8")
    calls = (("check_text", lambda: checker.check_text("The Taliban came.", lang="en", selct=["TC1"])),
             ("check_paths", lambda: checker.check_paths([str(article)], lang="en", selct=["TC1"])),
             ("check_pair", lambda: checker.check_pair("O Talibã.", "The Taliban.", selct=["TC1"])))
    for name, call in calls:
        with pytest.raises(TypeError) as caught:
            call()
        message = str(caught.value)
        assert message.startswith(f"{name}() got an unexpected keyword argument 'selct' (did you mean 'select'?)")
        assert "Options" not in message and "ignore" in message and "isolated" in message
        # (a tester's report: a string's keywords listed those of a run over files)
        assert ("jobs" in message and "include" in message) == (name == "check_paths")
    with pytest.raises(TypeError, match="'jobs'"):
        checker.check_text("The Taliban came.", lang="en", jobs=2)
    # an empty select is an error, as in a configuration (a review: it checked with every rule)
    with pytest.raises(checker.InputError, match="select is empty"):
        checker.check_text("The Taliban came.", lang="en", select=[])


def test_a_runs_notice_is_a_python_warning_at_the_callers_line(tmp_path):
    # The CLI prints "transcheck: warning: ..."; an embedding tool must not miss it silently.
    (tmp_path / "g.yaml").write_text("source-lang: pt\ntarget-lang: de\nentries:\n  - source: seca\n    target: Dürre\n",
                                     encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('glossaries = ["g.yaml"]\n', encoding="utf-8")
    with pytest.warns(checker.TranscheckWarning, match=r"g\.yaml: no terms in en") as caught:
        assert checker.check_text("The drought came.\n", lang="en", config=tmp_path / "transcheck.toml") == []
    assert [Path(w.filename).name for w in caught] == [Path(__file__).name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no notice for a language the glossary has
        checker.check_text("Die Dürre kam.\n", lang="de", config=tmp_path / "transcheck.toml")
