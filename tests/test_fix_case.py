"""Fixes carry a case pattern of the text (ALL CAPS, Title Case, first capital), never undo a
correction that is about case, and a fix that would write the text unchanged is not offered."""

import json

from conftest import run_cli
from fake_rules import MarkerRule

from checker.casing import transfer_case
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
    # (a term capitalised mid-sentence may be a name's word: its fix is unsafe, and carries the case)
    run_cli("check", "--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == \
        "The Caretaker President met UN Secretary-General Guterres.\n"
    again = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    assert again["findings"] == []  # Secretary-General is the approved term, in title case


def test_transfer_case_patterns():
    assert transfer_case("TALEBAN", "Taliban", True) == "TALIBAN"
    assert transfer_case("President in charge", "caretaker president", True) == "Caretaker president"
    assert transfer_case("President In Charge", "caretaker president", True) == "Caretaker President"
    assert transfer_case("eBay", "ebay inc", True) == "ebay inc"  # mixed case is no pattern
    assert transfer_case("COVID-19", "Covid-19", True) == "Covid-19"  # the case is the correction
    assert transfer_case("kabul", "Kabul", True) == "Kabul"
    # a tester's report: a letter after an apostrophe is no word start (Prosecutor'S), and a
    # replacement with capitals of its own is a name as it is written (Côte D'Ivoire)
    assert transfer_case("Public Ministry", "public prosecutor's office", True) == "Public Prosecutor's Office"
    # the short joining words of a title stay lower case after its first word (a tester's report:
    # Doença Do Coronavírus)
    assert transfer_case("Coronavirus Disease", "doença do coronavírus", False, lang="pt") == "Doença do Coronavírus"
    assert transfer_case("Health Ministry", "the ministry of health", True) == "The Ministry of Health"
    # (a review: the text's language's small words only, and the first word stays capitalised)
    assert transfer_case("Transport Vehicle", "cargo van", False, lang="en") == "Cargo Van"
    assert transfer_case("Great War", "world war i", False) == "World War I"
    assert transfer_case("Health Ministry", "(the) ministry of health", False) == "(The) Ministry of Health"
    # ... unless the text capitalises its own small words (a tester's report: Log In To -> Sign in to)
    assert transfer_case("Log In To", "sign in to", False) == "Sign In To"
    # (only the small words the text capitalises: Log In -> Sign In to the App, a review)
    assert transfer_case("Log In", "sign in to the app", False) == "Sign In to the App"
    assert transfer_case("Log In", "sign in", False) == "Sign In"
    # (word by word where the text mixes its cases: Log In to -> Sign In to, a tester's report)
    assert transfer_case("Log In to", "sign in to", False) == "Sign In to"
    assert transfer_case("Log in to", "sign in to", False) == "Sign in to"
    assert transfer_case("Ivory Coast", "Côte d'Ivoire", True) == "Côte d'Ivoire"
    assert transfer_case("IVORY COAST", "Côte d'Ivoire", True) == "CÔTE D'IVOIRE"
    assert transfer_case("Persian Gulf", "the Gulf", True) == "The Gulf"  # (a review: "the Gulf states met")
    assert transfer_case("E Book", "eBook", True) == "eBook" and transfer_case("Apple Phone", "iPhone", True) == "iPhone"
    assert transfer_case("Great Britain", "the UK", True) == "The UK"  # (a review: an acronym is no brand)


def test_a_fix_that_changes_nothing_is_not_offered():
    doc = Document("a.txt", "The Taleban left.", "The Taleban left.")
    finding = MarkerRule().finding(doc, 4, 11, "x", ["Taleban"], Fix(4, 11, "Taleban", safe=True))
    assert finding.fix is None
    assert MarkerRule().finding(doc, 4, 11, "x", ["Taliban"], Fix(4, 11, "Taliban", safe=True)).fix is not None


def test_a_proper_noun_replacement_gets_a_capital_only_at_a_sentence_start(tmp_path):
    # (a review: "Oil from Persian Gulf states" became "Oil from The Gulf states")
    assert transfer_case("Persian Gulf", "the Gulf", False) == "the Gulf"
    assert transfer_case("President in charge", "caretaker president", False) == \
        "Caretaker president"  # an ordinary phrase keeps the capital the author gave it
    (tmp_path / "s.yml").write_text(
        "style: House\nrules:\n  Gulf:\n    extends: substitution\n    message: \"Use %s rather than %s.\"\n"
        "    swap:\n      Persian Gulf: the Gulf\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    # (a second review: a line break inside a paragraph, a colon, a semicolon or an abbreviation's
    # full stop starts no sentence; a plain-text list item "1)" does)
    text = ("Persian Gulf states met. Oil from Persian Gulf states fell.\n- Persian Gulf oil\n\n"
            "Oil from the wells of the\nPersian Gulf fell; Persian Gulf oil rose: Persian Gulf states\n"
            "met, e.g. Persian Gulf states.\n\n1) Persian Gulf oil\n2) Persian Gulf gas\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "--fix", "a.txt", "a.md", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = ("The Gulf states met. Oil from the Gulf states fell.\n- The Gulf oil\n\n"
             "Oil from the wells of the\nGulf fell; the Gulf oil rose: the Gulf states\n"
             "met, e.g. the Gulf states.\n\n1) The Gulf oil\n2) The Gulf gas\n")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == fixed
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == fixed


def test_a_replacement_drops_a_first_word_the_text_has_right_before_it(tmp_path):
    # "to the United States" -> "to the US", not "the the US", in style and glossary fixes; also
    # across a line break, in capitals, capitalised at a sentence start; not from another
    # table cell (the cell starts a sentence of its own): reviews
    (tmp_path / "s.yml").write_text(
        "style: House\nrules:\n  US:\n    extends: substitution\n    message: \"Use %s rather than %s.\"\n"
        "    ignorecase: true\n    swap:\n      United States: the US\n", encoding="utf-8")
    (tmp_path / "g.csv").write_text("source,target,status\nEstados Unidos,the USA,preferred\n"
                                    "Estados Unidos,America,deprecated\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\nglossaries = ["g.csv"]\n',
                                              encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "# Trade With The United States\n\n"  # (a review: a Title Case match repeats a capitalised word)
        "Exports to the\nUnited States rose. The United States is big. TRADE WITH THE UNITED STATES.\n\n"
        "Exports to the America rose.\n\n| the | United States |\n|---|---|\n", encoding="utf-8")
    result = run_cli("check", "--fix", "a.md", cwd=tmp_path)
    # (the cell's "The US" after a cell holding "the" is left to an editor: --unsafe-fixes)
    assert result.returncode == 1 and "1 fixable with --fix --unsafe-fixes" in result.stdout.decode()
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        "# Trade With The US\n\n"
        "Exports to the\nUS rose. The US is big. TRADE WITH THE US.\n\n"
        "Exports to the USA rose.\n\n| the | United States |\n|---|---|\n")
    run_cli("check", "--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8").endswith("| the | The US |\n|---|---|\n")


def test_fixes_from_a_tester_of_the_house_style(tmp_path):
    # an acronym expanded is written as the rule writes it (The UN -> The United Nations, not
    # UNITED NATIONS); a quotation after a colon starts a sentence; a Title Case heading keeps
    # its long words capitalised with a replacement that has capitals of its own; deleting
    # "Actually, " at a sentence start is no safe fix (it would leave "he left")
    (tmp_path / "s.yml").write_text(
        "style: House\nrules:\n  W:\n    extends: substitution\n    message: \"Use %s rather than %s.\"\n"
        "    swap:\n      UN: United Nations\n      \"Ukraine's capital\": the Ukrainian capital\n"
        "      \"Ukraine's Capital\": the Ukrainian capital\n      \"actually,? \": ''\n"
        "      \"Actually,? \": ''\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# Ukraine's Capital Falls\n\nThe UN met. The mayor said: \"Ukraine's capital is "
                                   "calm.\" It was cold. Actually, he left. It was actually fine.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        "# The Ukrainian Capital Falls\n\nThe United Nations met. The mayor said: \"The Ukrainian capital is "
        "calm.\" It was cold. Actually, he left. It was fine.\n"), result.stdout


def test_a_fix_over_a_wrapped_line_keeps_the_line_break(tmp_path):
    # a tester's report: "president\nin charge" became "caretaker president" on one line
    (tmp_path / "s.yml").write_text(
        "style: House\nrules:\n  P:\n    extends: substitution\n    message: \"Use %s rather than %s.\"\n"
        "    swap:\n      president in charge: caretaker president\n      Taleban fighters: Taliban fighters\n",
        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Saleh, who declared himself president\nin charge, saw the Taleban\nfighters.\n",
                                    encoding="utf-8")
    run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == \
        "Saleh, who declared himself caretaker\npresident, saw the Taliban\nfighters.\n"


def test_fixes_from_a_third_review(tmp_path):
    # a proper noun in a sentence-case heading is no Title Case heading; a list of acronyms is no
    # ALL CAPS sentence; a wrapped fix keeps the line's ending and indentation; a regex key that
    # keeps the name leaves TC101 its finding (Mr Karzia -> Karzia is still a slip of Karzai)
    (tmp_path / "s.yml").write_text(
        "style: House\nrules:\n  W:\n    extends: substitution\n    message: \"Use %s rather than %s.\"\n"
        "    swap:\n      Islamic State: the Islamic State group\n      UN: United Nations\n"
        "      president in charge: caretaker president\n      \"Mr\\\\.? ([A-Z][a-z]+)\": \"$1\"\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# Fighting Islamic State in northern Syria\n\n- UN, EU, NATO\n- Saleh is the president\n"
                                   "  in charge now.\n\nKarzai spoke. Karzai left. Karzai won. Then Mr Karzia answered.\n",
                                   encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", "a.md", cwd=tmp_path).stdout)["findings"]
    assert [(f["rule"], f["text"]) for f in found][-2:] == [("TC301", "Mr Karzia"), ("TC101", "Karzia")]
    run_cli("check", "--fix", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        "# Fighting the Islamic State group in northern Syria\n\n- United Nations, EU, NATO\n- Saleh is the caretaker\n"
        "  president now.\n\nKarzai spoke. Karzai left. Karzai won. Then Karzia answered.\n")


def test_fixes_from_a_fourth_review(tmp_path):
    # a heading in capitals with one short word and an acronym is ALL CAPS; a sentence-case
    # heading with a proper noun is no Title Case heading, a Chicago one keeps "with" and "into";
    # TC101 is not repeated where a substitution extends its spelling (Zelensky -> Zelenskyy),
    # nor where the style's rule is selected by name alone
    (tmp_path / "s.yml").write_text(
        "style: House\nrules:\n  U:\n    extends: substitution\n    message: \"Use %s\"\n    swap:\n"
        "      UN: United Nations\n      Islamic State: the Islamic State group\n"
        "  Z:\n    extends: substitution\n    message: \"Use %s\"\n    swap:\n      Zelensky: Zelenskyy\n",
        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    text = ("# WHY THE UN MATTERS\n\n# Islamic State at war\n\n# War with Islamic State Spreads into Syria\n\n"
            "Zelenskyy spoke. Zelenskyy left. Zelenskyy won. Then Zelensky answered.\n\n"
            "STOP, THE UN WILL PAY.\n\n# UN FAQ\n\n# UN, WHO, NATO\n")  # (fifth and sixth reviews)
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    for select, rules in (([], ["TC301"]), (["--select", "TC101,House.Z"], ["TC301"]),
                          (["--select", "TC101,House.Z", "--ignore", "TC301"], ["TC101"])):
        found = json.loads(run_cli("check", "--format", "json", *select, "a.md", cwd=tmp_path).stdout)["findings"]
        assert [f["rule"] for f in found if f["text"] == "Zelensky"] == rules, select
    run_cli("check", "--fix", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        "# WHY THE UNITED NATIONS MATTERS\n\n# The Islamic State group at war\n\n"
        "# War with the Islamic State Group Spreads into Syria\n\n"
        "Zelenskyy spoke. Zelenskyy left. Zelenskyy won. Then Zelenskyy answered.\n\n"
        "STOP, THE UNITED NATIONS WILL PAY.\n\n# United Nations FAQ\n\n# United Nations, WHO, NATO\n")


def test_safe_fixes_from_a_hunt_for_wrong_text(tmp_path):
    # a tester's report: a replacement ending in a full stop before the sentence's own (the
    # U.S..), an article doubled after a preposition joined to one (Negli gli USA, Nos os EUA),
    # style substitutions that broke the article or the gender before them (Le ombrelle, El
    # computadora) and a Markdown hard line break deleted were all safe fixes
    def fixed(lang: str, swap: str, text: str, name: str = "a.txt") -> tuple[str, str]:
        (tmp_path / "s.yml").write_text("style: House\nrules:\n  W:\n    extends: substitution\n    message: \"Use %s\"\n"
                                        f"    swap:\n      {swap}\n", encoding="utf-8")
        (tmp_path / "transcheck.toml").write_text(f'lang = "{lang}"\nstyles = ["s.yml"]\n', encoding="utf-8")
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = run_cli("check", "--fix", name, cwd=tmp_path)
        return (tmp_path / name).read_text(encoding="utf-8"), result.stdout.decode()

    assert fixed("en", "United States: U.S.", "He lives in the United States.\n")[0] == "He lives in the U.S.\n"
    assert fixed("it", "Stati Uniti: gli USA", "Negli Stati Uniti piove.\n")[0] == "Negli Stati Uniti piove.\n"
    assert fixed("pt", "Estados Unidos: os EUA", "Nos Estados Unidos chove.\n")[0] == "Nos Estados Unidos chove.\n"
    assert fixed("fr", "parapluie: ombrelle", "Le parapluie est rouge.\n")[0] == "Le parapluie est rouge.\n"
    assert fixed("es", "ordenador: computadora", "El ordenador falla.\n")[0] == "El ordenador falla.\n"
    assert fixed("en", "umbrella: parasol", "An umbrella and the umbrella.\n")[0] == "An umbrella and the parasol.\n"
    # (a name without an article keeps its safe fix: in Kiew -> in Kyjiw)
    assert fixed("de", "Kiew: Kyjiw", "Der Besuch in Kiew.\n")[0] == "Der Besuch in Kyjiw.\n"
    text, _ = fixed("en", "Afghan Resistance Front: National Resistance Front",
                    "The Afghan Resistance  \nFront fought here.\n", "b.md")
    assert text == "The National Resistance  \nFront fought here.\n"  # (the hard line break stays)
