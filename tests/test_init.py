"""`transcheck init`: starter files, never overwritten without --force."""

import json

from conftest import run_cli


def test_init_writes_working_starter_files(tmp_path):
    result = run_cli("init", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name in ("transcheck.toml", "style/house.yml", "glossary.csv"):
        assert (tmp_path / name).is_file()
    (tmp_path / "a.txt").write_text("shared power\n\nHe is president in charge of 200 thousand people.\n",
                                    encoding="utf-8")
    result = run_cli("check", "--select", "TC3", "--format", "json", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert {'"TC301"', '"TC304"', '"TC305"'} <= {w.strip(",") for w in result.stdout.decode().split()}
    # (a new user's report: the starter's substitution rewrote "the president in charge of the
    # talks" as a safe fix; only a substitution safe in any text is a fix)
    (tmp_path / "b.txt").write_text("The president in charge of the talks spoke. We talked whilst we ate.\n",
                                    encoding="utf-8")
    result = run_cli("check", "--select", "TC301", "--format", "json", str(tmp_path / "b.txt"), cwd=tmp_path)
    found = json.loads(result.stdout)["findings"]
    assert [(f["text"], f["fix"]["safe"] if f.get("fix") else None) for f in found] == [
        ("president in charge", None), ("whilst", True)]


def test_init_says_which_languages_it_assumed(tmp_path):
    result = run_cli("init", str(tmp_path / "a"))
    assert 'lang = "en" and source-lang = "pt" (the defaults)' in result.stderr.decode()
    result = run_cli("init", "--lang", "es", "--source-lang", "en", str(tmp_path / "b"))
    assert result.returncode == 0 and result.stderr.decode() == ""


def test_init_creates_a_missing_folder_and_refuses_a_file(tmp_path):
    target = tmp_path / "project" / "docs"
    result = run_cli("init", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "transcheck.toml").is_file() and (target / "style" / "house.yml").is_file()
    (tmp_path / "notes.txt").write_text("x\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path / "notes.txt"))
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "x\n"


def test_init_refuses_to_overwrite(tmp_path):
    (tmp_path / "transcheck.toml").write_text("# mine\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "already exists" in lines[0] and "--force" in lines[0]
    assert (tmp_path / "transcheck.toml").read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / "glossary.csv").exists()
    assert run_cli("init", "--force", str(tmp_path)).returncode == 0
    assert "styles" in (tmp_path / "transcheck.toml").read_text(encoding="utf-8")


def test_init_orients_the_sample_glossary_to_the_pair(tmp_path):
    assert run_cli("init", "--lang", "pt", "--source-lang", "en", str(tmp_path)).returncode == 0
    rows = (tmp_path / "glossary.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("National Resistance Front,Frente de Resistência Nacional,")
    (tmp_path / "src.txt").write_text("The National Resistance Front grew.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A Frente Nacional cresceu.\n", encoding="utf-8")
    result = run_cli("check", "--select", "TC201", "--source", "src.txt", "a.txt", cwd=tmp_path)
    assert result.returncode == 1 and "Frente de Resistência Nacional" in result.stdout.decode()


def test_init_for_another_pair_writes_no_portuguese_sample_rows(tmp_path):
    result = run_cli("init", "--lang", "fr", "--source-lang", "de", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "glossary.csv").exists()
    config = (tmp_path / "transcheck.toml").read_text(encoding="utf-8")
    assert 'lang = "fr"' in config and '# glossaries = ["glossary.csv"]' in config
    (tmp_path / "a.txt").write_text("Le président en exercice a parlé.\n", encoding="utf-8")
    assert run_cli("check", "a.txt", cwd=tmp_path).returncode == 0
    assert run_cli("init", "--force", "--lang", "EN", "--source-lang", "pt-BR", str(tmp_path)).returncode == 0
    assert (tmp_path / "glossary.csv").read_text(encoding="utf-8").splitlines()[1].startswith("Frente de")


def test_init_writes_the_number_rule_of_the_projects_language(tmp_path):
    # A German desk's starter style reads "200 Tausend", not the English "thousand".
    result = run_cli("init", str(tmp_path), "--lang", "de", "--source-lang", "en")
    assert result.returncode == 0, result.stderr
    (tmp_path / "a.md").write_text("# Lage\n\nRund 200 Tausend Menschen sind betroffen.\n", encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", "a.md", cwd=tmp_path).stdout)["findings"]
    assert [(f["rule"], f["text"], f["suggestions"]) for f in found] == [("TC305", "200 Tausend", ["200.000"])]


def test_init_for_a_language_without_a_known_number_style_asks_the_house(tmp_path):
    # Polish: no English 'thousand' and ',' (a safe fix to '3,000' in a Polish text).
    assert run_cli("init", str(tmp_path), "--lang", "pl", "--source-lang", "en").returncode == 0
    (tmp_path / "a.txt").write_text("Przyjechało 3 thousand ludzi.\n", encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)["findings"]
    assert [f["rule"] for f in found if f["rule"] == "TC305"] == []


def test_init_for_another_language_keeps_the_english_examples_to_english_files(tmp_path):
    # a tester's report: a French desk's starter style checked French text with English wording
    # rules, and --lang fr --source-lang fr was accepted
    result = run_cli("init", str(tmp_path), "--lang", "fr", "--source-lang", "en")
    assert result.returncode == 0, result.stderr
    (tmp_path / "a.txt").write_text("Le président in charge a parlé. Photo caption, AFP\n", encoding="utf-8")
    found = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path)
    assert [f["style_rule"] for f in json.loads(found.stdout)["findings"]] == ["House.Leftovers"]
    same = run_cli("init", str(tmp_path / "b"), "--lang", "fr", "--source-lang", "fr")
    assert same.returncode == 2 and "--lang and --source-lang are both 'fr'" in same.stderr.decode()
    assert not (tmp_path / "b").exists()
    # two regions of one language are a translation (a review: refused), and a desk whose
    # language is the default --source-lang is told so
    assert run_cli("init", str(tmp_path / "c"), "--lang", "pt-BR", "--source-lang", "pt-PT").returncode == 0
    default = run_cli("init", str(tmp_path / "d"), "--lang", "pt")
    assert default.returncode == 2 and "--lang is the default --source-lang, 'pt'" in default.stderr.decode()


def test_init_keeps_the_region_of_a_language(tmp_path):
    # (a tester's note: pt-BR was written as "pt", so a Brazilian desk's file lost its locale)
    assert run_cli("init", "--lang", "pt_br", "--source-lang", "en", str(tmp_path)).returncode == 0
    config = (tmp_path / "transcheck.toml").read_text(encoding="utf-8")
    assert 'lang = "pt-BR"  ' in config and 'source-lang = "en"  ' in config
    (tmp_path / "src.txt").write_text("The National Resistance Front grew.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A Frente Nacional cresceu.\n", encoding="utf-8")
    result = run_cli("check", "--select", "TC201", "--source", "src.txt", "a.txt", cwd=tmp_path)
    assert result.returncode == 1 and "Frente de Resistência Nacional" in result.stdout.decode()
    bad = run_cli("init", "--lang", "xx-BR", "--source-lang", "en", str(tmp_path / "b"))
    assert bad.returncode == 2 and "invalid language code 'xx-BR'" in bad.stderr.decode()
