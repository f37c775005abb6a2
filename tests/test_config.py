import json

import pytest
from conftest import run_cli

from checker.config import ConfigResolver, find_config, load_config
from checker.model import InputError, Severity

ARTICLE = "The Taliban came. The Taliban left. Then the Taleban stayed in Kabul.\n"


def _article(directory, name="a.txt"):
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_nearest_config_wins_and_dedicated_file_beats_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.transcheck]\nlang = "pt"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(str(deep)) == str(tmp_path / "pyproject.toml")
    (tmp_path / "a" / ".transcheck.toml").write_text('lang = "es"\n', encoding="utf-8")
    assert find_config(str(deep)) == str(tmp_path / "a" / ".transcheck.toml")
    (tmp_path / "transcheck.toml").write_text('lang = "fr"\n', encoding="utf-8")
    assert find_config(str(tmp_path)) == str(tmp_path / "transcheck.toml")


def test_pyproject_without_table_is_not_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(str(tmp_path)) != str(tmp_path / "pyproject.toml")


def test_values_are_parsed_and_paths_are_relative_to_the_file(tmp_path):
    path = tmp_path / "transcheck.toml"
    path.write_text(
        'lang = "pt-BR"\nselect = ["TC1"]\nfail-level = "error"\nstyles = ["style/house.yml"]\n'
        '[severity]\nTC101 = "error"\n[per-file-ignores]\n"archive/*" = ["TC101"]\n',
        encoding="utf-8",
    )
    config = load_config(str(path))
    assert config.lang == "pt-BR" and config.select == ["TC1"] and config.fail_level is Severity.ERROR
    assert config.styles == [str(tmp_path / "style" / "house.yml")]
    assert config.severity == {"TC101": Severity.ERROR}
    assert config.ignored_for(str(tmp_path / "archive" / "old.txt")) == ["TC101"]
    assert config.ignored_for(str(tmp_path / "new.txt")) == []


@pytest.mark.parametrize(
    "content, words",
    [
        ('lang = "en"\ncolour = "red"\n', ["'colour'", "unknown"]),
        ('select = "TC999"\n', ["'select'", "TC999"]),
        ('fail-level = "fatal"\n', ["'fail-level'", "info, warning, error"]),
        ('lang = 3\n', ["'lang'", "string"]),
        ('lang = "en\n', ["invalid TOML"]),
    ],
)
def test_bad_configs_name_the_file_and_the_key(tmp_path, content, words):
    path = tmp_path / "transcheck.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_config(str(path))
    message = str(error.value)
    assert message.startswith(str(path))
    for word in words:
        assert word in message


def test_a_config_in_another_encoding_is_named_with_its_line_and_byte(tmp_path):
    # a tester's report: "invalid TOML: 'utf-8' codec can't decode byte 0xff in position 0"
    path = tmp_path / "transcheck.toml"
    path.write_bytes('lang = "en"\n# Fran\u00e7ais\n'.encode("latin-1"))
    with pytest.raises(InputError) as error:
        load_config(str(path))
    assert str(error.value) == f"{path}:2:7: cannot decode as UTF-8 (byte 0xe7: invalid continuation byte); " \
                               "save the file as UTF-8"


def test_broken_config_exits_2_with_one_line(tmp_path):
    (tmp_path / "transcheck.toml").write_text('colour = "red"\n', encoding="utf-8")
    article = _article(tmp_path)
    result = run_cli("check", str(article))
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "transcheck.toml" in lines[0] and "colour" in lines[0]


def test_config_is_used_and_command_line_wins(tmp_path):
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nfail-level = "error"\n', encoding="utf-8")
    article = _article(tmp_path)
    assert run_cli("check", str(article)).returncode == 0  # warnings only, fail-level error
    assert run_cli("check", "--fail-level", "warning", str(article)).returncode == 1
    assert run_cli("check", "--isolated", str(article)).returncode == 1


def test_per_file_ignores_and_severity_override(tmp_path):
    (tmp_path / "transcheck.toml").write_text(
        'lang = "en"\n[severity]\nTC101 = "error"\n[per-file-ignores]\n"old/*" = ["TC101"]\n', encoding="utf-8"
    )
    _article(tmp_path / "old")
    _article(tmp_path / "new")
    result = run_cli("check", "--format", "json", str(tmp_path))
    findings = json.loads(result.stdout)["findings"]
    assert findings and all("/new/" in f["path"] for f in findings)
    assert {f["severity"] for f in findings} == {"error"}


@pytest.mark.parametrize("glob", ["./archive/*", "archive", "archive/", "old", "*.txt", "./archive/old/a.txt"])
def test_per_file_ignores_globs_read_as_exclude_globs(tmp_path, glob):
    # a tester's report: "./archive/*", "archive", "archive/" matched nothing (exclude takes them)
    (tmp_path / "transcheck.toml").write_text(f'lang = "en"\n[per-file-ignores]\n"{glob}" = ["TC101"]\n',
                                              encoding="utf-8")
    _article(tmp_path / "archive" / "old")
    config = load_config(str(tmp_path / "transcheck.toml"))
    assert config.ignored_for(str(tmp_path / "archive" / "old" / "a.txt")) == ["TC101"]
    assert config.ignored_for(str(tmp_path / "new.md")) == []


def test_explicit_config(tmp_path):
    config = tmp_path / "elsewhere.toml"
    config.write_text('ignore = ["TC101"]\n', encoding="utf-8")
    article = _article(tmp_path / "docs")
    assert run_cli("check", "--lang", "en", "--config", str(config), str(article)).returncode == 0
    missing = run_cli("check", "--config", str(tmp_path / "nope.toml"), str(article))
    assert missing.returncode == 2


def test_resolver_caches_per_directory(tmp_path):
    (tmp_path / "transcheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    a, b = _article(tmp_path, "a.txt"), _article(tmp_path, "b.txt")
    resolver = ConfigResolver()
    assert resolver.for_path(str(a)) is resolver.for_path(str(b))


def test_config_exclude_is_relative_to_the_config_folder(tmp_path):
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nexclude = ["archive/*", "./a/b/"]\n', encoding="utf-8")
    for folder in ("a", "a/b", "archive"):
        _article(tmp_path / folder)

    def checked(path, cwd):
        result = run_cli("check", "--format", "json", path, cwd=cwd)
        return sorted({f["path"] for f in json.loads(result.stdout)["findings"]})

    assert checked(".", tmp_path) == ["a/a.txt"]  # the current directory's own configuration
    assert checked(".", tmp_path / "a") == ["a.txt"]  # from a subfolder: still relative to the file's folder
    assert checked(str(tmp_path), tmp_path.parent) == [str(tmp_path / "a" / "a.txt")]
    assert checked("archive/a.txt", tmp_path) == []  # a file named on the command line too


def test_config_include_is_relative_to_the_config_folder(tmp_path):
    # An include glob with a / in a configuration names files below the configuration's folder,
    # wherever the command runs from and whichever folder it names (as its exclude globs do).
    (tmp_path / "transcheck.toml").write_text('lang = "en"\ninclude = ["docs/po/*.po"]\n', encoding="utf-8")
    for folder, name in [("docs/po", "a.po"), ("docs/po/x", "b.po"), ("other/docs/po", "c.po")]:
        _article(tmp_path / folder, name)

    def checked(path, cwd):
        result = run_cli("check", "--format", "json", path, cwd=cwd)
        return sorted({f["path"] for f in json.loads(result.stdout)["findings"]})

    assert checked(".", tmp_path) == ["docs/po/a.po", "docs/po/x/b.po"]  # * crosses / as in fnmatch
    assert checked("po", tmp_path / "docs") == ["po/a.po", "po/x/b.po"]  # run from a subfolder
    assert checked("docs", tmp_path) == ["docs/po/a.po", "docs/po/x/b.po"]  # named below the config
    outside = run_cli("check", str(tmp_path / "other"), cwd=tmp_path.parent)  # other/docs/po is not docs/po
    assert outside.returncode == 2 and b"no text files found" in outside.stderr


def test_a_nested_configuration_decides_what_is_checked_below_it(tmp_path):
    # Walking a directory, each folder's own configuration (the nearest one) gives its include
    # and exclude globs, relative to that configuration's folder, as ruff does.
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nexclude = ["old"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "transcheck.toml").write_text('lang = "en"\nexclude = ["drafts/*"]\ninclude = ["*.po"]\n',
                                                     encoding="utf-8")
    for folder, name in [(".", "a.txt"), ("old", "a.txt"), ("sub", "b.txt"), ("sub/drafts", "c.txt"),
                         ("sub", "d.po"), (".", "e.po")]:
        _article(tmp_path / folder, name)
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    checked = sorted({f["path"] for f in json.loads(result.stdout)["findings"]})
    assert checked == ["a.txt", "sub/b.txt", "sub/d.po"]


@pytest.mark.parametrize("table, expected", [
    ('TC1 = "info"', "info"),  # a code prefix
    ('names = "error"', "error"),  # a category
    ('name-variant = "error"', "error"),  # a rule name
    ('TC101 = "info"', "info"),  # the exact code, as before
    # the most specific key wins, whatever the order: code, name, longer prefix, category, ALL
    ('ALL = "error"\nnames = "info"\nTC1 = "error"\nTC10 = "info"', "info"),
    ('TC101 = "error"\nname-variant = "info"\nTC1 = "info"\nnames = "info"', "error"),
    ('names = "error"\nALL = "info"', "error"),
])
def test_severity_keys_are_selectors(tmp_path, table, expected):
    (tmp_path / "transcheck.toml").write_text(f'lang = "en"\n[severity]\n{table}\n', encoding="utf-8")
    _article(tmp_path)
    result = run_cli("check", "--format", "json", "--select", "TC101", str(tmp_path))
    findings = json.loads(result.stdout)["findings"]
    assert findings and {f["severity"] for f in findings} == {expected}


def test_an_unknown_severity_selector_names_its_own_line(tmp_path):
    # a tester's report: the error named line 1 ([severity]) for a bad key on line 3
    (tmp_path / "transcheck.toml").write_text('[severity]\nTC101 = "info"\nXX = "error"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"transcheck.toml:3: key 'severity.XX': unknown rule selector 'XX'"):
        load_config(str(tmp_path / "transcheck.toml"))


def test_severity_applies_to_unused_suppressions(tmp_path):
    (tmp_path / "transcheck.toml").write_text('lang = "en"\n[severity]\nstyle = "error"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("<!-- transcheck-disable-next-line TC305 -->\nHello there.\n", encoding="utf-8")
    findings = json.loads(run_cli("check", "--format", "json", str(tmp_path)).stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("TC002", "error")]


def test_extend_starts_from_another_configuration_and_replaces_only_the_keys_it_sets(tmp_path):
    # The newsroom's configuration at the top; a Portuguese desk sets only its language.
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "house.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  Taleban: Taliban\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text(
        'lang = "en"\nselect = ["TC3"]\nstyles = ["style/house.yml"]\nexclude = ["desk/archive/*"]\n'
        '[per-file-ignores]\n"desk/old.txt" = ["TC301"]\n', encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "transcheck.toml").write_text('extend = "../transcheck.toml"\nlang = "pt"\n', encoding="utf-8")
    config = load_config(str(desk / "transcheck.toml"))
    assert (config.lang, config.select, config.styles) == ("pt", ["TC3"], [str(tmp_path / "style" / "house.yml")])
    # inherited globs stay relative to the file that wrote them
    assert config.ignored_for(str(desk / "old.txt")) == ["TC301"]
    assert config.ignored_for(str(desk / "new.txt")) == []
    _article(desk, "new.txt")
    _article(desk, "old.txt")
    _article(desk / "archive", "gone.txt")
    proc = run_cli("check", "--format", "json", str(desk))
    found = json.loads(proc.stdout)["findings"]
    assert proc.returncode == 1 and {(f["path"].split("/")[-1], f["rule"]) for f in found} == {("new.txt", "TC301")}


def test_extend_errors_name_the_file_and_refuse_a_cycle(tmp_path):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text('extend = "b.toml"\n', encoding="utf-8")
    b.write_text('extend = "a.toml"\n', encoding="utf-8")
    with pytest.raises(InputError, match="a cycle"):
        load_config(str(a))
    a.write_text('extend = "missing.toml"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"missing\.toml: configuration file not found \(named by 'extend' in .*a\.toml\)"):
        load_config(str(a))
    a.write_text('extend = 3\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.toml: key 'extend' must be a non-empty string$"):
        load_config(str(a))
    proc = run_cli("check", "--config", str(a), str(_article(tmp_path / "x")))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and b"extend" in proc.stderr


def test_a_bad_key_is_named_with_its_line_and_a_missing_file_with_the_line_naming_it(tmp_path):
    # a tester's report: errors named the file and the key but no line, and a missing style
    # file said only "cannot read style"
    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")
    cases = [('lang = "en"\n\nselct = ["TC1"]\n', "transcheck.toml:3: key 'selct' is unknown (did you mean 'select'?"),
             ('lang = "en"\n[severity]\nTC102 = "info"\nTC101 = "fatal"\n',
              "transcheck.toml:4: key 'severity.TC101' must be one of info, warning, error (or Vale's suggestion; got 'fatal')"),
             ('lang = "en"\nstyles = ["nope.yml"]\n',
              "nope.yml: cannot read style (No such file or directory) (named by 'styles' at "),
             ('lang = "en"\n\nglossaries = [\n  "g.csv",\n]\n', "(named by 'glossaries' at ")]
    for config, expected in cases:
        (tmp_path / "transcheck.toml").write_text(config, encoding="utf-8")
        result = run_cli("check", "a.txt", cwd=tmp_path)
        lines = result.stderr.decode().strip().splitlines()
        assert result.returncode == 2 and len(lines) == 1 and expected in lines[0], (config, lines)
    assert lines[0].endswith("transcheck.toml:3)")


def test_a_desk_extending_the_newsroom_keeps_its_selectors_and_errors_name_the_file_that_wrote_them(tmp_path):
    # a tester's report: a desk folder extending the newsroom's file with its own styles failed
    # on the newsroom's per-file-ignores of a newsroom style rule; a review: a missing file named
    # by the base was blamed on the desk's file
    (tmp_path / "house.yml").write_text("style: House\nrules:\n  Headings:\n    extends: capitalization\n"
                                        "    scope: heading\n    match: $sentence\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["house.yml"]\n[per-file-ignores]\n'
                                              '"opinion/*.md" = ["House.Headings"]\n', encoding="utf-8")
    desk = tmp_path / "es"
    desk.mkdir()
    (desk / "mesa.yml").write_text("style: Mesa\nrules:\n  X:\n    extends: existence\n    tokens: [valle]\n",
                                   encoding="utf-8")
    (desk / "transcheck.toml").write_text('extend = "../transcheck.toml"\nlang = "es"\nstyles = ["mesa.yml"]\n',
                                          encoding="utf-8")
    (desk / "a.md").write_text("El valle.\n", encoding="utf-8")
    result = run_cli("check", "es/a.md", cwd=tmp_path)
    assert result.returncode == 1 and "Mesa.X" in result.stdout.decode(), result.stderr
    # a desk's own typo is still one, also when it inherits the newsroom's styles (a review)
    (desk / "transcheck.toml").write_text('extend = "../transcheck.toml"\nignore = ["House.Headigns"]\n',
                                          encoding="utf-8")
    result = run_cli("check", "es/a.md", cwd=tmp_path)
    assert result.returncode == 2 and "es/transcheck.toml:2: key 'ignore': unknown rule selector 'House.Headigns'" \
        in result.stderr.decode().replace("\\", "/")
    # ... and so is one in the middle of a chain (a final review: it passed silently)
    (desk / "sub").mkdir()
    (desk / "sub" / "transcheck.toml").write_text('extend = "../transcheck.toml"\n', encoding="utf-8")
    (desk / "sub" / "a.md").write_text("El valle.\n", encoding="utf-8")
    result = run_cli("check", "es/sub/a.md", cwd=tmp_path)
    assert result.returncode == 2 and "es/transcheck.toml:2: key 'ignore'" in result.stderr.decode().replace("\\", "/")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\n\nnames = ["missing.yaml"]\n', encoding="utf-8")
    (desk / "transcheck.toml").write_text('extend = "../transcheck.toml"\n', encoding="utf-8")
    result = run_cli("check", "es/a.md", cwd=tmp_path)
    assert result.returncode == 2 and f"(named by 'names' at {tmp_path / 'transcheck.toml'}:3)" in result.stderr.decode()


def test_a_byte_order_mark_and_vales_suggestion_level_are_read(tmp_path):
    # a review: a configuration saved with a UTF-8 byte order mark was "invalid TOML", and
    # [severity] refused Vale's level name "suggestion"
    (tmp_path / "transcheck.toml").write_bytes(b'\xef\xbb\xbflang = "en"\n[severity]\nTC101 = "suggestion"\n')
    config = load_config(str(tmp_path / "transcheck.toml"))
    assert config.lang == "en" and config.severity == {"TC101": Severity.INFO}


def test_an_empty_select_is_an_error_naming_the_file_and_the_key(tmp_path):
    # a tester's report: `select = []` ran every rule (ruff would run none); it is an error now
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nselect = []\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Taliban came. The Taleban left. The Taliban won.\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2 and len(lines) == 1
    assert "transcheck.toml:2" in lines[0] and "'select' is empty" in lines[0]
