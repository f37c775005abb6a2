"""Fixes carry a case pattern of the text (ALL CAPS, Title Case, first capital), never undo a
correction that is about case, and a fix that would write the text unchanged is not offered."""

import json

from conftest import run_cli
from fake_rules import MarkerRule

from checker.casing import starts_sentence, transfer_case
from checker.model import Document, Fix


def _project(tmp_path, text: str, glossary: str, style: str = "") -> None:
    (tmp_path / "g.csv").write_text(glossary, encoding="utf-8")
    styles = ""
    if style:
        (tmp_path / "s.yml").write_text(style, encoding="utf-8")
        styles = 'styles = ["s.yml"]\n'
    (tmp_path / "transcheck.toml").write_text(
        f'lang = "en"\nsource-lang = "pt"\nglossaries = ["g.csv"]\n{styles}', encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")


def test_a_case_only_glossary_correction_is_written(tmp_path):
    _project(tmp_path, "COVID-19 cases fell.\n",
             "source,target,status\ncovid-19,Covid-19,preferred\ncovid-19,COVID-19,forbidden\n")
    found = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)["findings"]
    assert [f["fix"]["replacement"] for f in found] == ["Covid-19"]
    result = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Covid-19 cases fell.\n"
    assert result.returncode == 0, result.stdout + result.stderr


def test_title_case_is_carried_over(tmp_path):
    style = ("style: House\nrules:\n  Wording:\n    extends: substitution\n    message: \"Use %s rather than %s.\"\n"
             "    ignorecase: true\n    swap:\n      president in charge: caretaker president\n")
    glossary = ("source,target,status\nsecretário-geral,secretary-general,preferred\n"
                "secretário-geral,secretary general,forbidden\n")
    _project(tmp_path, "The President In Charge met UN Secretary General Guterres.\n", glossary, style)
    run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == \
        "The Caretaker President met UN Secretary-General Guterres.\n"
    again = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    assert again["findings"] == []  # Secretary-General is the approved term, in title case


def test_transfer_case_patterns():
    assert transfer_case("TALEBAN", "Taliban") == "TALIBAN"
    assert transfer_case("President in charge", "caretaker president") == "Caretaker president"
    assert transfer_case("President In Charge", "caretaker president") == "Caretaker President"
    assert transfer_case("eBay", "ebay inc") == "ebay inc"  # mixed case is no pattern
    assert transfer_case("COVID-19", "Covid-19") == "Covid-19"  # the case is the correction
    assert transfer_case("kabul", "Kabul") == "Kabul"
    # a tester's report: a letter after an apostrophe is no word start (Prosecutor'S), and a
    # replacement with capitals of its own is a name as it is written (Côte D'Ivoire)
    assert transfer_case("Public Ministry", "public prosecutor's office") == "Public Prosecutor's Office"
    assert transfer_case("Ivory Coast", "Côte d'Ivoire") == "Côte d'Ivoire"
    assert transfer_case("IVORY COAST", "Côte d'Ivoire") == "CÔTE D'IVOIRE"
    assert transfer_case("Persian Gulf", "the Gulf") == "The Gulf"  # (a review: "the Gulf states met")
    assert transfer_case("E Book", "eBook") == "eBook" and transfer_case("Apple Phone", "iPhone") == "iPhone"
    assert transfer_case("Great Britain", "the UK") == "The UK"  # (a review: an acronym is no brand)


def test_a_fix_that_changes_nothing_is_not_offered():
    doc = Document("a.txt", "The Taleban left.", "The Taleban left.")
    finding = MarkerRule().finding(doc, 4, 11, "x", ["Taleban"], Fix(4, 11, "Taleban", safe=True))
    assert finding.fix is None
    assert MarkerRule().finding(doc, 4, 11, "x", ["Taliban"], Fix(4, 11, "Taliban", safe=True)).fix is not None


def test_a_proper_noun_replacement_gets_a_capital_only_at_a_sentence_start(tmp_path):
    # (a review: "Oil from Persian Gulf states" became "Oil from The Gulf states")
    assert transfer_case("Persian Gulf", "the Gulf", sentence_start=False) == "the Gulf"
    assert starts_sentence("- Persian Gulf", 2) and not starts_sentence("x - Persian Gulf", 4)
    assert transfer_case("President in charge", "caretaker president", sentence_start=False) == \
        "Caretaker president"  # an ordinary phrase keeps the capital the author gave it
    (tmp_path / "s.yml").write_text(
        "style: House\nrules:\n  Gulf:\n    extends: substitution\n    message: \"Use %s rather than %s.\"\n"
        "    swap:\n      Persian Gulf: the Gulf\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    text = "Persian Gulf states met. Oil from Persian Gulf states fell.\n- Persian Gulf oil\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "--fix", "a.txt", "a.md", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == \
        "The Gulf states met. Oil from the Gulf states fell.\n- The Gulf oil\n"  # a list item in plain text
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == \
        "The Gulf states met. Oil from the Gulf states fell.\n- The Gulf oil\n"  # a Markdown list item
