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


def test_consistency_keeps_the_capital_of_a_name(tmp_path):
    # a tester's report: "mayor of kiev" after "Kyiv" was to become "kyiv"; a form first written
    # at a sentence's start still gives its lower case (Email ... e-mail -> email)
    (tmp_path / "House.yml").write_text(
        "rules:\n  C:\n    extends: consistency\n    message: \"%s or %s\"\n    ignorecase: true\n    either:\n"
        "      Kyiv: Kiev\n      email: e-mail\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    found = checker.check_text("The mayor of Kyiv spoke. The mayor of kiev left.\n\nEmail is fast. Send an e-mail.\n",
                               lang="en", select=["TC303"], config=str(tmp_path / "transcheck.toml"))
    assert [(f.text, f.suggestions) for f in found] == [("kiev", ["Kyiv"]), ("e-mail", ["email"])]


def test_consistency_does_not_double_the_sentences_full_stop(tmp_path):
    # a tester's report: EUA at a sentence's end became "EE. UU.." (TC301 already knew)
    (tmp_path / "House.yml").write_text("extends: consistency\nmessage: \"%s or %s\"\neither:\n  EE. UU.: EUA\n",
                                        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "es"\nstyles = ["House.yml"]\n', encoding="utf-8")
    found = checker.check_text("Viajó a EE. UU. en mayo. Luego volvió a EUA.\n", lang="es", select=["TC303"],
                               config=str(tmp_path / "transcheck.toml"))
    assert [(f.text, f.fix.replacement) for f in found] == [("EUA", "EE. UU")]


def test_substitution_does_not_repeat_the_word_before_the_match(tmp_path):
    # (a note left from a review: "to the United States" became "to the the US")
    (tmp_path / "House.yml").write_text("extends: substitution\nmessage: \"Use %s, not %s\"\n"
                                        "swap:\n  United States: the US\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("He flew to the United States. United States officials met.\nThe United States is big.\n",
                   encoding="utf-8")
    found = checker.check_paths([str(doc)], select=["TC3"])
    assert [f.suggestions for f in found] == [["US"], ["The US"], ["US"]]
    run_cli("check", "--fix", str(doc), cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == "He flew to the US. The US officials met.\nThe US is big.\n"


@pytest.mark.parametrize("name, text, found", [
    # a wrapped phrase is the phrase; at a sentence's start too
    ("a.txt", "They left in order\nto eat. In order\nto sleep, we stayed.\n", [("in order\nto", True),
                                                                           ("In order\nto", True)]),
    # a next line opening with a capital may be no wrap: a headline without a blank line after
    # it (its safe fix merged the two lines: a tester's report), or a name on a wrapped line; the
    # finding stands, a fix that joins the lines is unsafe
    ("a.txt", "Kabul airport back in order\nTo the relief of travellers, flights resumed.\n",
     [("in order\nTo", False)]),
    ("a.txt", "The war reached deep into the\nUkraine last week.\n", [("the\nUkraine", False)]),
    ("a.txt", "They met the\nTaleban envoys.\n", [("the\nTaleban", True)]),  # (the fix keeps the break)
    # a Markdown hard break is a line of the paragraph: a fix that drops it is unsafe
    ("a.md", "The files were in order  \nto be continued.\n", [("in order  \nto", False)]),
    ("a.md", "Files in\norder to go.\n", [("in\norder to", True)]),
    ("a.md", "It is very  \ngood.\n", [("very", True)]),  # (" very" goes, the break stays)
    ("a.md", "Weirdly  \nvery good.\n", [("very", False)]),  # (at a line's start: an editor's eye)
    ("a.txt", "The files were in order  \nto be continued.\n", [("in order  \nto", True)]),
    ("a.md", "Files in order\t\nto go.\n", [("in order\t\nto", True)]),  # (a tab is no hard break)
    # a fix that keeps the line break but moves words over it is no safer (a tester's report:
    # "caretaker\npresident"); a heading or a list item ends its block: no match over it
    ("a.txt", "Rebels back the president\nIn charge of the army, he said.\n", [("president\nIn charge", False)]),
    ("a.md", "He met the president  \nin charge of the army.\n", [("president  \nin charge", False)]),
    ("a.md", "# Talks with the president\nin charge of the army, he said.\n", []),
    ("a.md", "- the president\n- in charge of the army\n", []),
])
def test_a_fix_over_a_line_break_is_safe_only_where_the_line_is_wrapped(tmp_path, name, text, found):
    (tmp_path / "House.yml").write_text("extends: substitution\nmessage: \"Use %s, not %s\"\nignorecase: true\n"
                                        "swap:\n  in order to: to\n  the Taleban: the Taliban\n  very: ''\n"
                                        "  the ukraine: Ukraine\n  president in charge: caretaker president\n",
                                        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    findings = checker.check_paths([str(tmp_path / name)], select=["TC3"])
    assert [(f.text, f.fix is not None and f.fix.safe) for f in findings] == found


def test_a_typography_rule_reads_its_edge_space_as_vale_does(tmp_path):
    # a tester's report: " ;" also matched the right no-break space (a space opening a key is
    # that space, not any white space), its fix was unsafe after "la zone" but safe after "ici"
    # (no word changes: no agreement at risk), and the message hid which space was which
    (tmp_path / "Typo.yml").write_text(
        "extends: substitution\nmessage: \"'%s' au lieu de '%s'\"\nnonword: true\n"
        "swap:\n  ' ([;:!?])': \"\\u202f$1\"\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "fr"\nstyles = ["Typo.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Il vit ici ; oui. Il vit dans la zone ; oui. Pourquoi\u00a0? Car.\n",
                                    encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], select=["TC3"])
    assert [(f.column, f.fix.safe) for f in found] == [(11, True), (38, True)]
    assert found[0].message.startswith("'<U+202F>;' au lieu de ' ;'")


def _swapped(tmp_path, rule: str, text: str, select: str = "TC301") -> list:
    """The findings of ``select`` on ``text`` (English) under one style rule given as YAML, a
    substitution of ``swap`` lines unless ``rule`` names its own kind."""
    (tmp_path / "House.yml").write_text(rule if rule.startswith("extends:") else
                                        "extends: substitution\nmessage: \"Use %s, not %s\"\n" + rule, encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n', encoding="utf-8")
    return checker.check_text(text, lang="en", config=str(tmp_path / "transcheck.toml"), select=[select])


def test_a_substitution_of_case_only_is_reported(tmp_path):
    # a tester's report: internet -> Internet, COVID-19 -> Covid-19 were never reported (taken for
    # a match inside its own replacement, as Kabul inside Kabul city)
    found = _swapped(tmp_path, "swap:\n  internet: Internet\n  COVID-19: Covid-19\n",
                     "The internet and COVID-19. The Internet and Covid-19.\n")
    assert [(f.text, f.suggestions, f.fix.safe) for f in found] == [
        ("internet", ["Internet"], True), ("COVID-19", ["Covid-19"], True)]


def test_an_ignorecase_substitution_keeps_the_texts_capitals(tmp_path):
    # a tester's report: with ignorecase, "Colour" at a sentence start was "fixed" to "colour",
    # and a second pass lowered the "Colour" the first pass had written for "Color"
    colour = "ignorecase: true\nswap:\n  'colou?r': colour\n  '(?:e-mail|email) (\\w+)': 'email $1'\n"
    found = _swapped(tmp_path, colour, "Email addresses leaked. Colour is nice. We like the Color scheme.\n")
    assert [(f.text, f.suggestions) for f in found] == [("Color", ["Colour"])]
    assert _swapped(tmp_path, colour, "We like the Colour scheme.\n") == []
    # a case-sensitive key names the form it corrects: the house wants lower case, but at a
    # sentence start the capital stays
    found = _swapped(tmp_path, "swap:\n  Internet: internet\n", "Internet use grew. We use the Internet daily.\n")
    assert [(f.text, f.suggestions, f.column) for f in found] == [("Internet", ["internet"], 31)]
    # ... and so does an ignorecase key that is its replacement: the rule is about case (a review)
    found = _swapped(tmp_path, "ignorecase: true\nswap:\n  internet: internet\n",
                     "Internet use grew. We use the Internet daily.\n")
    assert [(f.text, f.suggestions, f.column) for f in found] == [("Internet", ["internet"], 31)]
    # ... and ALL CAPS stay (a tester's report: "INTERNET USERS" -> "Internet USERS")
    assert _swapped(tmp_path, "ignorecase: true\nswap:\n  internet: Internet\n", "INTERNET USERS LIKE IT.\n") == []
    # a brand's own lower-case first letter stays at a sentence start (a review: IPhone, EBay)
    found = _swapped(tmp_path, "swap:\n  Iphone: iPhone\n", "Iphone sales grew.\n")
    assert [(f.text, f.suggestions) for f in found] == [("Iphone", ["iPhone"])]


def test_an_ignorecase_substitution_with_a_group_takes_the_case_of_the_text_around_it(tmp_path):
    # a tester's report: the captured REPLY made 'email $1' look like a name's own capitals, so
    # EMAIL REPLY was "fixed" to email REPLY, and E-MAIL REPLY was shown as EMAIL REPLY but fixed so
    rule = "ignorecase: true\nswap:\n  'e-?mail (\\w+)': 'email $1'\n"
    assert _swapped(tmp_path, rule, "The EMAIL REPLY came. We sent an EMAIL today. The email reply came.\n") == []
    found = _swapped(tmp_path, rule, "The E-MAIL REPLY came. E-mail reply came. The e-mail Reply came.\n")
    assert [(f.text, f.suggestions, f.fix.replacement) for f in found] == [
        ("E-MAIL REPLY", ["EMAIL REPLY"], "EMAIL REPLY"), ("E-mail reply", ["Email reply"], "Email reply"),
        ("e-mail Reply", ["email Reply"], "email Reply")]
    # a replacement with capitals of its own is written as given (a review: IPhone 15)
    rule = "ignorecase: true\nswap:\n  'iphone (\\d+)': 'iPhone $1'\n"
    found = _swapped(tmp_path, rule, "The Iphone 15 came. The NEW IPHONE 15 came. The iPhone 15 came.\n")
    assert [(f.text, f.fix.replacement, f.fix.safe) for f in found] == [
        ("Iphone 15", "iPhone 15", True), ("IPHONE 15", "iPhone 15", True)]


def test_an_ignorecase_substitution_of_a_common_word_holds_back_inside_a_name(tmp_path):
    # a final tester's report: labor -> labour rewrote the US Labor Department and the Labor Party
    found = _swapped(tmp_path, "ignorecase: true\nswap:\n  labor: labour\n",
                     "Labor costs rose, said the US Labor Department and Australia's Labor Party. Labor Day came. "
                     "Workers and labor unions met.\n")
    assert [(f.text, f.fix.replacement, f.fix.safe) for f in found] == [
        ("Labor", "Labour", True), ("Labor", "Labour", False), ("Labor", "Labour", False), ("Labor", "Labour", False),
        ("labor", "labour", True)]


def test_a_substitution_keeps_the_full_stop_its_match_shares_with_the_sentence(tmp_path):
    # a tester's report: U.S. -> US made "the US He left" of "the U.S. He left"
    found = _swapped(tmp_path, "swap:\n  'U\\.S\\.': US\n", "He lived in the U.S. He left. The U.S. Army left. "
                     "The U.S. economy grew. Back to the U.S.\n")
    # (before a word that opens sentences the stop is kept; before another capitalised word it
    # may end the sentence or not, "the U.S. Army": a reader's call, an unsafe fix)
    assert [(f.text, f.fix.replacement, f.fix.safe) for f in found] == [
        ("U.S.", "US.", True), ("U.S.", "US", False), ("U.S.", "US", True), ("U.S.", "US.", True)]
    # ... also inside a closing quote or bracket, and at a list item's end (testers' reports)
    found = _swapped(tmp_path, "swap:\n  'U\\.S\\.': US\n", 'He said: "I love the U.S." Then he left.\n\n'
                     '“I love the U.S.”\n\n- He lived in the U.S.\n- She left.\n')
    assert [(f.fix.replacement, f.fix.safe) for f in found] == [("US.", True)] * 3


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
    # sentence case is no finding. Ordinary words ("Role"; "Valley", which the article writes in
    # lower case) are still lower-cased.
    (tmp_path / "Headings.yml").write_text("extends: capitalization\nmessage: \"'%s' should be in sentence case\"\n"
                                           "scope: heading\nmatch: $sentence\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["Headings.yml"]\n', encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("# Why The Taliban Returned To Kabul\n\nThe group entered the city.\n\n"
                   "## Life under Ahmad Shah Massoud in Panjshir\n\nHe fought there.\n\n"
                   "## The Role Of The Valley\n\nThe valley is narrow.\n", encoding="utf-8")
    found = checker.check_paths([str(doc)], select=["TC3"])
    assert [(f.line, f.suggestions) for f in found] == [(1, ["Why the Taliban returned to Kabul"]),
                                                        (9, ["The role of the valley"])]


def _headings(tmp_path, text, lang="en", rule="match: $sentence\n", names=""):
    (tmp_path / "Headings.yml").write_text("extends: capitalization\nmessage: \"'%s' is off\"\nscope: heading\n" + rule,
                                           encoding="utf-8")
    config = f'lang = "{lang}"\nstyles = ["Headings.yml"]\n'
    if names:
        (tmp_path / "names.yaml").write_text(names, encoding="utf-8")
        config += 'names = ["names.yaml"]\n'
    (tmp_path / "transcheck.toml").write_text(config, encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text(text, encoding="utf-8")
    return doc, checker.check_paths([str(doc)], select=["TC304"])


@pytest.mark.parametrize("lang, heading, suggestion", [
    ("en", "# How To Install Microsoft Office On Windows", "How to install Microsoft office on Windows"),
    ("en", "# The Music Of The Hotel Bar On Video", "The music of the hotel bar on video"),
    ("fr", "# Installer Le Logiciel Sur Windows", "Installer le logiciel sur Windows"),
    # ordinary words Russian text also writes in Latin letters, but rarer (a review)
    ("en", "# The Future Of Sport In Schools", "The future of sport in schools"),
    ("en", "# A Mini Guide To Gardening", "A mini guide to gardening"),
    ("es", "# Cursos Gratis Para Aprender Online", "Cursos gratis para aprender online"),
])
def test_sentence_case_keeps_brands_the_word_lists_find_common(tmp_path, lang, heading, suggestion):
    # a tester's report: Microsoft and Windows (Zipf 4.4, 4.7) were lower-cased; Russian text
    # writes them in Latin letters as often, and translates ordinary words and loanwords
    _, found = _headings(tmp_path, heading + "\n\nBody.\n", lang)
    assert [f.suggestions for f in found] == [[suggestion]]


def test_sentence_case_keeps_the_english_pronoun_i(tmp_path):
    # a tester's report: "Where i'm from and why i'd return"
    _, found = _headings(tmp_path, "# Where I'm From And Why I'd Return\n\nI'm sure.\n\n# Why I Think So\n\nBody.\n")
    assert [f.suggestions for f in found] == [["Where I'm from and why I'd return"], ["Why I think so"]]
    # ... and writes a lower-case one as a capital (a tester's report: "What i learned")
    _, found = _headings(tmp_path, "# Why i left Kabul\n\nBody.\n\n# what i learned\n\nText.\n")
    assert [f.suggestions for f in found] == [["Why I left Kabul"], ["What I learned"]]


def test_title_case_capitalises_a_subtitles_first_word(tmp_path):
    # a tester's report: Chicago and AP capitalise the first word after a colon
    _, found = _headings(tmp_path, "# a tale of two cities: an ebook edition\n\n# The War: a History\n",
                         rule="match: $title\n")
    assert [f.suggestions for f in found] == [["A Tale of Two Cities: An Ebook Edition"], ["The War: A History"]]
    # ... and the title's last word before it (a tester's report: Giving in: The Story)
    _, found = _headings(tmp_path, "# Giving In: The Story\n\n# going up: a look at prices\n", rule="match: $title\n")
    assert [f.suggestions for f in found] == [["Going Up: A Look at Prices"]]


def test_title_case_leaves_numbers_and_codes_alone(tmp_path):
    # a new user's report: "1990S", "2Nd", "10Km", "Matter In 2024" (a word before a number is
    # no last word), and sentence case made x86 X86 as a safe fix
    text = ("# the 1990s and the 80s were great\n\n# why 5g and 3d printing matter in 2024\n\n"
            "# the 1st and 2nd rounds of the 10km race\n")
    _, found = _headings(tmp_path, text, rule="match: $title\n")
    assert [f.suggestions for f in found] == [["The 1990s and the 80s Were Great"],
                                              ["Why 5g and 3d Printing Matter in 2024"],
                                              ["The 1st and 2nd Rounds of the 10km Race"]]
    _, found = _headings(tmp_path, "# x86 chips are back\n\n# B2B Sales Grow\n")
    assert [f.suggestions for f in found] == [["B2B sales grow"]]


def test_sentence_case_after_a_number_judges_the_first_word_as_the_others(tmp_path):
    # a tester's report: "2024 Was A Hard Year" became "2024 Was a hard year", though the docs
    # say a word after a number is not the heading's first; a review: a section number (2.,
    # 1)) is no such number, and a word after an indicator (2024: The ...) stays free
    text = ("## 2024 Was A Hard Year\n\nText.\n\n## 300 Families Lose Their Homes\n\nText.\n\n"
            "## 2. Method\n\n## 1) Introduction To The Report\n\n## 2024: The Year Of Elections\n\n"
            "## 2024 was a hard year\n\nText.\n\n"
            # (a final review: after no count, the first word stays free: these are right)
            "## 3-day weekend plans\n\n## 50% of voters agree\n\n## 2024's best films\n\n## 1.2 Methods of work\n\n"
            # (a last review: after a section number the word is the heading's first)
            "## 2. method of work\n\n## 2.5 million people displaced\n")
    _, found = _headings(tmp_path, text, rule='match: $sentence\nindicators: [":"]\n')
    assert [(f.line, f.suggestions) for f in found] == [(1, ["2024 was a hard year"]),
                                                        (5, ["300 families lose their homes"]),
                                                        (11, ["1) Introduction to the report"]),
                                                        (13, ["2024: The year of elections"]),
                                                        (27, ["2. Method of work"])]


def test_a_roman_or_lettered_section_number_is_no_word_of_the_heading(tmp_path):
    # (a note left from a review: "I. Background" became "I. background", "II. what" passed)
    # (a review: a genus initial is no section letter, C. difficile stays; nor is CIVIL a numeral)
    text = ("## I. Background of the war\n\n## II. what happened next\n\n## IV. The Long War\n\n"
            "## (a) method\n\n## iv) results\n\n## A. Smith wins the race\n\n## C. difficile infections rise\n\n"
            "## E. coli outbreak\n\n## CIVIL. war begins\n\n## **XIV.** the long war\n")
    _, found = _headings(tmp_path, text, rule="match: $sentence\n")
    assert [(f.line, f.suggestions) for f in found] == [(3, ["II. What happened next"]), (5, ["IV. The long war"]),
                                                        (7, ["(a) Method"]), (9, ["iv) Results"]),
                                                        (19, ["XIV. The long war"])]
    _, found = _headings(tmp_path, "## IV. the long war\n", rule="match: $title\n")
    assert [f.suggestions for f in found] == [["IV. The Long War"]]


def test_sentence_case_first_word_as_written(tmp_path):
    # eBay keeps its case; after a number or inline code the next word is not the heading's first.
    text = "## eBay profits rise\n\nBody.\n\n## 2024 was a hard year\n\n## `transcheck` first release\n\n## shared power\n"
    doc, found = _headings(tmp_path, text)
    assert [(f.line, f.fix.replacement, f.fix.safe) for f in found] == [(9, "Shared power", True)]
    run_cli("check", "--fix", str(doc), cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == text.replace("shared power", "Shared power")


def test_capitalization_exceptions_hold_for_the_first_word(tmp_path):
    _, found = _headings(tmp_path, "# iPhone sales fall\n\nBody.\n", rule="match: $sentence\nexceptions: [iPhone]\n")
    assert found == []
    _, found = _headings(tmp_path, "# iphone sales in the city\n\nBody.\n",
                         rule="match: $title\nstyle: Chicago\nexceptions: [iphone]\n")
    assert [f.suggestions for f in found] == [["iphone Sales in the City"]]


def test_sentence_case_keeps_countries_months_and_house_names(tmp_path):
    # CLDR names (Egypt, Israel, October, United States) and the house list's names (Taliban,
    # Kyiv, also as the variants it corrects) keep their capitals; "Valley" does not.
    text = ("## Why Egypt and Israel disagree\n\nBody.\n\n## From October to now in the United States\n\n"
            "## the Taleban Return To Kiev\n\nThe valley is far.\n\n## The Valley Is Far\n")
    names = "names:\n  - name: Taliban\n    variants: [Taleban]\n  - name: Kyiv\n    variants: [Kiev]\n"
    _, found = _headings(tmp_path, text, names=names)
    assert [(f.line, f.suggestions) for f in found] == [(7, ["The Taleban return to Kiev"]), (11, ["The valley is far"])]


def test_sentence_case_keeps_the_cities_of_time_zones_in_the_languages_own_spelling(tmp_path):
    # a tester's report: "Meeting the mayor of paris", "Reunión ... en madrid" were suggested for
    # headings whose names the body does not repeat; the CLDR names the cities of time zones
    text = "## Meeting the mayor of Paris\n\n## Protests in New York and Mexico City\n\n## The Valley Is Far\n"
    _, found = _headings(tmp_path, text)
    assert [(f.line, f.suggestions) for f in found] == [(5, ["The valley is far"])]
    text = "## Reunión con Pedro Sánchez en Madrid\n\n## Nueva cumbre en Londres y París\n\nTexto.\n"
    assert _headings(tmp_path, text, lang="es")[1] == []
    _, found = _headings(tmp_path, "## Accord signé à Moscou\n\n## Accord Signé À Moscou\n\nTexte.\n", lang="fr")
    assert [(f.line, f.suggestions) for f in found] == [(3, ["Accord signé à Moscou"])]
    # ... not a city the CLDR names as English does that is a common word of the language (a
    # review: Nome, Madeira are name and wood in Portuguese); Lisboa has a name of its own
    text = "## Greve em Lisboa\n\n## Qual É O Seu Nome\n\n## A Madeira Da Floresta\n\nTexto.\n"
    _, found = _headings(tmp_path, text, lang="pt")
    assert [(f.line, f.suggestions) for f in found] == [(3, ["Qual é o seu nome"]), (5, ["A madeira da floresta"])]


def test_sentence_case_in_german_keeps_nouns(tmp_path):
    # German capitalises every noun: only a word the article writes in lower case is wrong.
    text = "# Landwirte warten auf Saatgut und Wasser\n\nDie Lage ist ernst.\n\n# Die Lage Ist Ernst\n"
    _, found = _headings(tmp_path, text, lang="de")
    assert [(f.line, f.suggestions) for f in found] == [(5, ["Die Lage ist ernst"])]


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


def test_vale_folder_skips_the_types_it_cannot_run_with_a_notice(tmp_path):
    # A Vale style folder (Google, Microsoft) mixes types: the ones transcheck runs still run, the
    # others are named once on standard error (and in the JSON), and do not stop the run. Named on
    # its own, such a file is still an error.
    vale = tmp_path / "styles" / "Desk"
    vale.mkdir(parents=True)
    (vale / "Spelling.yml").write_text("extends: spelling\nmessage: \"Did you really mean '%s'?\"\n", encoding="utf-8")
    (vale / "Taleban.yml").write_text("extends: substitution\nmessage: \"Use '%s', not '%s'\"\nswap:\n  Taleban: Taliban\n",
                                      encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["styles/Desk"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Taleban came.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path)
    warnings = result.stderr.decode().splitlines()
    assert result.returncode == 1 and [f["text"] for f in json.loads(result.stdout)["findings"]] == ["Taleban"]
    assert len(warnings) == 1 and warnings[0].startswith("transcheck: warning: ") and "Spelling.yml:1:" in warnings[0]
    assert "'spelling'" in warnings[0] and "skipped" in warnings[0]
    assert json.loads(result.stdout)["notices"] == [warnings[0].removeprefix("transcheck: warning: ")]
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["styles/Desk/Spelling.yml"]\n', encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "Spelling.yml:1: Vale's rule type 'spelling' is one transcheck does not run" in result.stderr.decode()


def test_markdown_code_is_not_matched(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("# Title\n\nThe `president in charge` flag.\n\n```\nTaleban\n```\n", encoding="utf-8")
    assert checker.check_paths([str(doc)], select=["TC3"], config=str(STYLE / "transcheck.toml")) == []


@pytest.mark.parametrize("content", ["", "# only a comment\n", "rules: {}\n", None])
def test_a_style_without_rules_is_an_error_not_a_silent_pass(tmp_path, content):
    # as an empty glossary or name list: a style that checks nothing is a mistake in the setup
    if content is None:
        (tmp_path / "empty").mkdir()
        style = "empty"
    else:
        (tmp_path / "s.yml").write_text(content, encoding="utf-8")
        style = "s.yml"
    (tmp_path / "transcheck.toml").write_text(f'lang = "en"\nstyles = ["{style}"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Taleban said so.\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and f"{style}: no style rules" in lines[0]


def test_offsets_are_those_of_the_file(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("# Heading\n\nHe is **president in charge** now.\n", encoding="utf-8")
    [f] = checker.check_paths([str(doc)], select=["TC301"], config=str(STYLE / "transcheck.toml"))
    assert (f.line, f.column, f.text) == (3, 9, "president in charge")


@pytest.mark.parametrize("name, expected", [
    ("malformed.yml", "malformed.yml:5: invalid YAML"),
    ("bad_regex.yml", "bad_regex.yml:6: invalid regular expression in token 'broken (group'"),
    ("unknown_key.yml", "unknown_key.yml:4: unknown key 'swapp'"),
    ("unknown_type.yml", "unknown_type.yml:1: Vale's rule type 'sequence' is one transcheck does not run"),
    ("bad_group.yml", "bad_group.yml:5: swap '(Tal)iban': $2 refers to a group the key does not have"),
    ("group_without_groups.yml", "group_without_groups.yml:4: swap 'Kabul': $1 refers to a group the key does "
                                 "not have (it has none"),
    # a tester's report: both passed silently (an empty token checked nothing; the message
    # printed "Taleban  " with blanks for the missing values)
    ("empty_token.yml", "empty_token.yml:6: token '' matches the empty string"),
    ("zero_width_token.yml", r"zero_width_token.yml:5: token '\b' matches the empty string"),  # (a reviewer's report)
    ("lookahead_token.yml", "lookahead_token.yml:5: token '(?=Taliban)' matches the empty string"),  # (a tester's)
    ("extra_placeholder.yml", "extra_placeholder.yml:2: the message has 3 '%s' placeholders; a substitution rule "
                              "fills 2"),
    # a tester's report: a forgotten replacement was a safe fix that deleted the words, and a
    # rule for no language never ran
    ("no_replacement.yml", "no_replacement.yml:5: swap 'president in charge' has no replacement"),
    ("bad_lang.yml", "bad_lang.yml:3: invalid language code 'english'"),
    ("negative_limit.yml", "negative_limit.yml:5: 'limit' must be 1 or more, not -1"),  # (a tester's: read as 1)
    ("small_group.yml", "small_group.yml:5: 'group' must be 0 (off) or from 4 to 30, not 2"),  # (a review)
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
    # (the line break stays, a tester's report; the quote's fix would drop its "> ": none)
    assert doc.read_text(encoding="utf-8").startswith("The caretaker\npresident spoke.\n\n- Credit,\n  Reuters\n\n"
                                                      "> the president\n> in charge\n")


def test_style_rules_are_selected_and_ignored_by_name(tmp_path):
    # Vale users turn one rule of a style off (Google.Latin = NO): --ignore, per-file-ignores and
    # --select take a style's rule name as they take a code.
    (tmp_path / "House.yml").write_text(
        "rules:\n  Taleban:\n    extends: substitution\n    message: \"Use '%s', not '%s'\"\n    swap:\n      Taleban: Taliban\n"
        "  Hedging:\n    extends: existence\n    message: \"Avoid '%s'\"\n    tokens: [arguably]\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text(
        'lang = "en"\nstyles = ["House.yml"]\n[per-file-ignores]\n"old.txt" = ["House.Hedging"]\n', encoding="utf-8")
    for name in ("a.txt", "old.txt"):
        (tmp_path / name).write_text("The Taleban came, arguably.\n", encoding="utf-8")

    def rules(*args):
        result = run_cli("check", "--format", "json", *args, cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        return sorted((f["path"], f["style_rule"]) for f in json.loads(result.stdout)["findings"])

    assert rules("a.txt", "old.txt") == [("a.txt", "House.Hedging"), ("a.txt", "House.Taleban"), ("old.txt", "House.Taleban")]
    assert rules("--ignore", "House.Taleban", "a.txt") == [("a.txt", "House.Hedging")]
    assert rules("--select", "House.Taleban", "a.txt") == [("a.txt", "House.Taleban")]
    assert rules("--select", "TC302,House.Taleban", "a.txt") == [("a.txt", "House.Hedging"), ("a.txt", "House.Taleban")]
    # a typo shaped like a style's rule is an error, not a selection of nothing that passes
    for typo in (["--select", "House.Talebn"], ["--ignore", "Tc1.01"], ["--isolated", "--select", "House.Taleban"]):
        result = run_cli("check", *typo, "a.txt", cwd=tmp_path)
        assert result.returncode == 2 and "unknown rule selector" in result.stderr.decode(), typo
    # [severity] names a style's rule as .vale.ini does, over the rule's own level (a tester's
    # report: it was refused, so a borrowed Vale style had to be edited)
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["House.yml"]\n[severity]\n"House.Taleban" = "error"\n'
                                              '"House.Hedging" = "info"\n', encoding="utf-8")
    result = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path)
    assert sorted((f["style_rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]) == [
        ("House.Hedging", "info"), ("House.Taleban", "error")]
    (tmp_path / "transcheck.toml").write_text('styles = ["House.yml"]\n[severity]\n"House.Talebn" = "error"\n',
                                              encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "unknown rule selector 'House.Talebn' (did you mean 'House.Taleban'?)" \
        in result.stderr.decode()  # the rule's name as the style writes it, not lower-cased
    # (the name is compared within its style: House.Nope is like no rule of House, not House.Banned,
    # a tester's report)
    (tmp_path / "House.yml").write_text("rules:\n  Banned:\n    extends: existence\n    message: x\n"
                                        "    tokens: [arguably]\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('styles = ["House.yml"]\n', encoding="utf-8")
    result = run_cli("check", "--select", "House.Nope", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "'House.Nope':" in result.stderr.decode() \
        and "did you mean" not in result.stderr.decode()
    assert "did you mean 'House.Banned'" in run_cli("check", "--select", "House.Baned", "a.txt", cwd=tmp_path).stderr.decode()
    # unquoted, TOML reads a table House with a key Taleban (a tester's note: "must be one of")
    (tmp_path / "transcheck.toml").write_text('styles = ["House.yml"]\n[severity]\nHouse.Taleban = "error"\n',
                                              encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and 'House.Taleban is a style\'s rule; quote it: "House.Taleban" = "error"' in result.stderr.decode()


def test_a_command_line_selector_may_name_the_rule_of_one_desks_style(tmp_path):
    # Two folders, two configurations, two styles: --ignore A.Valley switches off desk A's rule
    # (it was an "unknown selector" for desk B's files); a name neither style has is an error.
    for desk in "AB":
        folder = tmp_path / desk.lower()
        folder.mkdir()
        (folder / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
        (folder / "s.yml").write_text(f"style: {desk}\nrules:\n  Valley:\n    extends: existence\n"
                                      "    message: \"'%s'\"\n    tokens: [valley]\n", encoding="utf-8")
        (folder / "t.txt").write_text("The valley.\n", encoding="utf-8")

    def rules(*args):
        result = run_cli("check", "--format", "json", *args, cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        return sorted((f["path"], f["style_rule"]) for f in json.loads(result.stdout)["findings"])

    assert rules(".") == [("a/t.txt", "A.Valley"), ("b/t.txt", "B.Valley")]
    assert rules("--ignore", "A.Valley", "a/t.txt", "b/t.txt") == [("b/t.txt", "B.Valley")]
    assert rules("--select", "B.Valley", ".") == [("b/t.txt", "B.Valley")]
    result = run_cli("check", "--ignore", "C.Valley", ".", cwd=tmp_path)
    assert result.returncode == 2 and "unknown rule selector 'C.Valley'" in result.stderr.decode()


def test_numbers_leave_identifiers_and_mixed_forms_alone(tmp_path):
    """A leading zero (a telephone number) would be dropped by grouping, a postcode before its town
    is no quantity, and "1 thousand 500" must not become "1,000 500"."""
    (tmp_path / "s.yml").write_text(
        "style: Num\nrules:\n  N:\n    extends: numbers\n    message: \"Write %s rather than %s.\"\n    group: 5\n",
        encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Call 08001234567 for help. The office is at 10115 Berlin, the other at 75001 Paris. "
        "About 1 thousand 500 people came, 25000 in all. Or call 01234 567890, (030) 1234567 12345678 "
        "or +44 20 79460 95800. The match ended 0-0. 45000 fans watched. Call +49 (0)30 12345678, "
        "+1 (555) 1234567 or 030 - 12345678. A 0 - 10000 scale. On 2024-01-05 20000 came. "
        "Game 3 ended 02 - 30000. Bel 06-12345678. Call 02 9876 54321. Tel.:030 12345678. On 05/06 40000 came. "
        "Tel.: 01/4000-84155. Vienna: 01 40400 or 01/40400. Build 20240312, ISBN 9780306406157. "
        "Version 10000, Order no. 123456, #45000, ticket nº 12345, Nr. 67890, v10000. No 50000 came. "
        "They release 60000 prisoners and build 70000 homes. Order # 45000, upgrade to version 20250. "
        "A hash: " + "7" * 5000 + ".\n",
        encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], config=str(tmp_path / "transcheck.toml"), select=["TC305"])
    # (the parts of a telephone number after its first are no counts either: a tester's report;
    # a score before a count is no telephone number: a review; nor is a short number right after
    # a short area code, Vienna's 01 40400: a note left from a review; nor a date written
    # 20240312 or an ISBN-13: a tester's report; nor a number after a number sign or a version's
    # word: another tester's report)
    assert [(f.text, f.suggestions) for f in found] == [("25000", ["25,000"]), ("45000", ["45,000"]), ("10000", ["10,000"]),
                                                        ("20000", ["20,000"]), ("30000", ["30,000"]), ("40000", ["40,000"]),
                                                        ("50000", ["50,000"]), ("60000", ["60,000"]), ("70000", ["70,000"])]
    # German capitalises every noun: a count before an ordinary noun is no postcode (a tester's
    # report: "50000 Menschen" passed), also on a wrapped line, in brackets or after a comma; a
    # town is a postcode's wherever it stands, and a word that is both (Laufen, Kirchen) where
    # only an address puts it (three reviews)
    (tmp_path / "transcheck.toml").write_text('lang = "de"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Es kamen 50000 Menschen, nach Angaben der Polizei\n12000 Besucher.\n"
                                    "Die Zahl (30000 Menschen) war hoch, 40000 Menschen laut Polizei.\n"
                                    "Die Firma sitzt in 10115 Berlin. (45127 Essen) | 90402 Nürnberg |\n"
                                    "Hauptstraße 5, 83410 Laufen\nD-57548 Kirchen\n83410 Laufen\n"
                                    "Es kamen 10000-20000 Menschen.\nAm 01.03. 60000 Menschen.\n"
                                    "Sie zahlten 70000 Euro und fuhren 80000 Kilometer.\n", encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], config=str(tmp_path / "transcheck.toml"), select=["TC305"])
    # (units and currencies the CLDR names are counted: 70000 Euro, 80000 Kilometer; a tester's report)
    assert [f.text for f in found] == ["50000", "12000", "30000", "40000", "10000", "20000", "60000", "70000", "80000"]


def test_numbers_after_a_number_that_makes_no_range(tmp_path):
    # a tester's report: "3.14159 and 2.5 thousand" was dropped whole, as no range of thousands
    numbers = "extends: numbers\nmessage: \"Write %s rather than %s.\"\n"
    found = _swapped(tmp_path, numbers, "Version 3.14159 and 2.5 thousand people came. Between 150 and 200 thousand "
                     "left.", select="TC305")
    assert [(f.text, f.suggestions, f.fix.safe) for f in found] == [
        ("2.5 thousand", ["2,500"], False), ("150 and 200 thousand", ["150,000 and 200,000"], True)]
    # ... nor does a year (a tester's report: 2,019,000 and 2,000)
    found = _swapped(tmp_path, numbers, "In 2019 and 2 thousand people died.", select="TC305")
    assert [(f.text, f.suggestions) for f in found] == [("2 thousand", ["2,000"])]
    # a range of thousands is safe only after a word that opens one; a decimal of three digits
    # reads as a group of thousands too (a final tester's report: 400 were under 12,000 and 15,000)
    found = _swapped(tmp_path, numbers, "Of those, 400 were under 12 and 15 thousand were over 60. From 10 and 20 "
                     "thousand it grew. Some 12.500 thousand euros were spent.", select="TC305")
    assert [(f.text, f.suggestions[0], f.fix.safe) for f in found] == [
        ("12 and 15 thousand", "12,000 and 15,000", False), ("10 and 20 thousand", "10,000 and 20,000", True),
        ("12.500 thousand", "12,500", False)]


def test_numbers_leave_grouped_digits_and_chained_words_alone(tmp_path):
    # a tester's report: with separator " ", "3 000 millones" became "3 0" (000 millones read as
    # a number) and "3 mil millones" "3 000 millones" then "3 0"; "2 mil y 500" is one number;
    # "5 millones de habitantes" in digits drops its "de", which a safe fix cannot do
    (tmp_path / "s.yml").write_text(
        "style: Casa\nrules:\n  N:\n    extends: numbers\n    message: \"Escriba '%s' y no '%s'.\"\n"
        "    separator: \" \"\n    multipliers: {mil: 1000, millones: 1000000, millón: 1000000}\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "es-MX"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Son 3 000 millones y 4\u00a0000 millones. Debe 3 mil millones. Sumó 2 mil y 500. Hay 5 millones de "
        "habitantes. Vinieron 200 mil personas, entre 200 mil y 300 mil.\n", encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], config=str(tmp_path / "transcheck.toml"), select=["TC305"])
    assert [(f.text, f.suggestions, f.fix.safe) for f in found] == [
        ("5 millones", ["5 000 000"], False), ("200 mil", ["200 000"], True), ("200 mil", ["200 000"], True),
        ("300 mil", ["300 000"], True)]
    # (a review: only "and" continues a number, not "to" or "or"; d', del, des are "de" too)
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "s.yml").write_text("extends: numbers\nmultipliers: {thousand: 1000, millions: 1000000}\n",
                                    encoding="utf-8")
    (tmp_path / "a.txt").write_text("It rose by 200 thousand to 1.5 million. Sales fell 30 thousand or 5 percent. "
                                    "About 1 thousand and 500 came.\n", encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], config=str(tmp_path / "transcheck.toml"), select=["TC305"])
    assert [f.text for f in found] == ["200 thousand", "30 thousand"]
    (tmp_path / "transcheck.toml").write_text('lang = "fr"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Il a reçu 3 millions d'euros et 2 millions des habitants, puis 4 millions.\n",
                                    encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], config=str(tmp_path / "transcheck.toml"), select=["TC305"])
    assert [f.fix.safe for f in found] == [False, False, True]


def test_swap_replacement_keeps_its_own_spaces(tmp_path):
    # a tester's report: 'sin embargo, ': 'pero ' wrote "Peroel gobierno" (every replacement was
    # stripped); spaces around a "|" still part the alternatives
    (tmp_path / "s.yml").write_text("extends: substitution\nmessage: \"Use '%s'.\"\nignorecase: true\nswap:\n"
                                    "  'sin embargo, ': 'pero '\n  'a la postre': 'al final | finalmente'\n",
                                    encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "es"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Sin embargo, el gobierno habló. A la postre ganó.\n", encoding="utf-8")
    found = checker.check_paths([str(tmp_path / "a.txt")], config=str(tmp_path / "transcheck.toml"))
    assert [(f.text, f.suggestions) for f in found] == [("Sin embargo, ", ["Pero "]),
                                                        ("A la postre", ["Al final", "Finalmente"])]
    assert found[0].fix.replacement == "Pero "


def test_swap_double_dollar_writes_a_dollar_sign(tmp_path):
    (tmp_path / "s.yml").write_text('extends: substitution\nmessage: "Use %s, not %s."\nswap:\n'
                                    '  five dollars: "$$5"\n  (\\d+) bucks: "$$$1"\n', encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    found = checker.check_text("It cost five dollars, then 7 bucks.", config=str(tmp_path / "transcheck.toml"),
                               select=["TC301"])
    assert [f.fix.replacement for f in found] == ["$5", "$7"]


def test_headings_read_character_references_and_ampersand_words(tmp_path):
    # Messages quote a heading as a reader sees it (Q&A, not Q&amp;A); Q&A and AT&T are one word.
    _, found = _headings(tmp_path, "## Q&amp;A With The Minister\n\nText.\n\n## AT&T profits rise\n")
    assert [(f.line, f.message.split(" [")[0], f.suggestions) for f in found] == [
        (1, "'Q&A With The Minister' is off", ["Q&A with the minister"])]


@pytest.mark.parametrize("lang, heading, suggestion", [
    # cognates other languages share are still ordinary words; Sun is no day of the week
    ("en", "Students Decide To Boycott Exams", "Students decide to boycott exams"),
    ("en", "Why The Sun Sets Early", "Why the sun sets early"),
    # a CLDR name of several words, in any case, as CLDR writes it
    ("en", "Voters In The Isle Of Man Decide", "Voters in the Isle of Man decide"),
    ("en", "Aid For Bosnia And Herzegovina", "Aid for Bosnia and Herzegovina"),
    # French: an elided article mid-heading goes lower case, the name after it keeps its capital
    ("fr", "Pourquoi L'Allemagne Hésite", "Pourquoi l'Allemagne hésite"),
    # German: nouns keep their capital, articles and prepositions do not
    ("de", "Warum Scholz Im Oktober Nach Ägypten Reist", "Warum Scholz im Oktober nach Ägypten Reist"),
])
def test_title_case_headings_in_sentence_case(tmp_path, lang, heading, suggestion):
    _, found = _headings(tmp_path, f"# {heading}\n\nA body that names none of them.\n", lang=lang)
    assert [f.suggestions for f in found] == [[suggestion]]


@pytest.mark.parametrize("lang, heading", [
    ("en", "Lula meets Zelensky in New York"),
    ("en", "Storm hits Hong Kong"),
    ("en", "Wildfires near Los Angeles"),
    ("en", "How to share a screen in Microsoft Teams"),
    ("en", "Flights to New York City"),
    ("en", "Review of the Golden Gate Bridge"),
    ("pt", "Greve em São Paulo afeta o metrô"),
    ("pt", "Chuvas no Rio Grande do Sul"),
])
def test_sentence_case_keeps_names_of_several_words(tmp_path, lang, heading):
    # a tester's report: correct headings were reported and "fixed" to "in new york", "rio
    # grande do sul" when the body did not repeat the name
    _, found = _headings(tmp_path, f"# {heading}\n\nA body that names none of them.\n", lang=lang)
    assert found == []


@pytest.mark.parametrize("heading, suggestion", [
    # two capitalised ordinary words are no name
    ("The Government Announces new taxes", "The government announces new taxes"),
    # a heading all in capitals is in title case: its names are judged word by word, or as the
    # CLDR's names of several words (Hong Kong, a city of a time zone)
    ("Storm Hits Hong Kong", "Storm hits Hong Kong"),
    ("Storm Hits Golden Gate Bridge", "Storm hits golden gate bridge"),
    # capitalised words none of which is a name are no name (a review)
    ("Tips for Writing Better Headings", "Tips for writing better headings"),
    ("Configure the Network Settings", "Configure the network settings"),
    ("Sign in with Your Account", "Sign in with your account"),
])
def test_sentence_case_still_reports_capitalised_words_that_are_no_name(tmp_path, heading, suggestion):
    _, found = _headings(tmp_path, f"# {heading}\n\nA body that names none of them.\n")
    assert [f.suggestions for f in found] == [[suggestion]]


def _scoped(tmp_path, scope, text, rule="extends: capitalization\nmessage: \"'%s' is off\"\nmatch: $sentence\n"):
    (tmp_path / "S.yml").write_text(rule + f"scope: {scope}\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["S.yml"]\n', encoding="utf-8")
    (tmp_path / "d.md").write_text(text, encoding="utf-8")
    return checker.check_paths([str(tmp_path / "d.md")], select=["style"])


def test_scope_sentence_judges_each_sentence_on_its_own(tmp_path):
    # a tester's report: Vale's sentence scope was the whole text, one finding quoting the file
    # whose fix lower-cased every sentence's first word
    found = _scoped(tmp_path, "sentence", "# Using Teams With Azure\n\nYou cannot sign in. it is easy.\n\n"
                                          "`pip` installs it. `npm` is a tool.\n")
    # (a sentence after code, which the prose masks, starts with the code: a review)
    assert [(f.line, f.text, f.suggestions) for f in found] == [
        (1, "Using Teams With Azure", ["Using teams with Azure"]), (3, "it is easy.", ["It is easy."])]
    # other rule types too: a pattern never reaches over a sentence's end
    found = _scoped(tmp_path, "sentence", "It ends here. Then it goes on.\n",
                    "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - 'here\\. Then'\n")
    assert found == []
    assert len(_scoped(tmp_path, "text", "It ends here. Then it goes on.\n",
                       "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - 'here\\. Then'\n")) == 1


def test_scope_heading_level(tmp_path):
    # a tester's report: heading.h1 was read as heading and applied to every level
    text = "# Top Title Here\n\nBody.\n\n## Second Level Heading\n\nOther Title\n===========\n"
    assert [f.line for f in _scoped(tmp_path, "heading.h1", text)] == [1, 7]
    assert [f.line for f in _scoped(tmp_path, "heading.h2", text)] == [5]
    assert [f.line for f in _scoped(tmp_path, "[heading, ~heading.h1]", text)] == [5]
    assert [f.line for f in _scoped(tmp_path, "heading", text)] == [1, 5, 7]
    (tmp_path / "S.yml").write_text("extends: capitalization\nmessage: x\nscope: heading.h7\n", encoding="utf-8")
    result = run_cli("check", "d.md", cwd=tmp_path)
    assert result.returncode == 2 and "unsupported scope 'heading.h7'" in result.stderr.decode()
    # (another scope's part is read as its scope, as before: a review)
    (tmp_path / "S.yml").write_text("extends: capitalization\nmessage: x\nmatch: $sentence\nscope: paragraph.md\n",
                                    encoding="utf-8")
    (tmp_path / "d.md").write_text("# Top Title Here\n\nsome words stand here.\n", encoding="utf-8")
    assert [f.line for f in checker.check_paths([str(tmp_path / "d.md")], select=["style"])] == [3]


def test_a_swap_to_nothing_deletes_the_word_and_one_space(tmp_path):
    # a tester's report: the message read "Use '' rather than 'very'", and the fix left two
    # spaces; a review: beside markup, a bracket, punctuation or a line's edge, or at a
    # sentence's start, the deletion is unsafe (*very* became **, a lone line a blank one), and
    # a key holding its own space is deleted as it is
    (tmp_path / "s.yml").write_text("style: H\nrules:\n  Very:\n    extends: substitution\n    swap:\n      very: ''\n"
                                    "      'truly ': ''\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    text = "It was very good and truly fine. It was very.\nIt was *very* good, `x` very fine\nvery good\n"
    found = checker.check_text(text, config=tmp_path / "transcheck.toml", select=["TC301"])
    assert [f.message for f in found][:1] == ["Delete 'very'. [H.Very]"]
    assert [(f.text, f.column, f.fix.safe) for f in found] == [
        ("very", 8, True), ("truly ", 22, True), ("very", 41, False), ("very", 9, False), ("very", 25, True),
        ("very", 1, False)]
    doc = tmp_path / "a.md"
    doc.write_text(text, encoding="utf-8")
    assert "  suggestion: (delete)\n" in run_cli("check", str(doc), cwd=tmp_path).stdout.decode()
    run_cli("check", "--fix", str(doc), cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == "It was good and fine. It was very.\nIt was *very* good, `x` fine\nvery good\n"
    run_cli("check", "--fix", "--unsafe-fixes", str(doc), cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == "It was good and fine. It was.\nIt was ** good, `x` fine\ngood\n"


def test_a_shorter_key_is_found_where_a_longer_one_runs_into_the_next_paragraph(tmp_path):
    # a tester's report: "log in to" matched across the blank line, was dropped, and "log in" was
    # never tried
    (tmp_path / "s.yml").write_text("style: H\nrules:\n  W:\n    extends: substitution\n    ignorecase: true\n"
                                    "    swap:\n      log in to: sign in to\n      log in: sign in\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    found = checker.check_text("Please log in\n\nto start. Then log in to the app.\n",
                               config=tmp_path / "transcheck.toml", select=["TC301"])
    assert [(f.line, f.text, f.suggestions) for f in found] == [(1, "log in", ["sign in"]),
                                                                (3, "log in to", ["sign in to"])]
    doc = tmp_path / "h.md"
    doc.write_text("## Connect and Log in\n\nTo start, click here.\n", encoding="utf-8")
    assert [(f.line, f.text) for f in checker.check_paths([str(doc)], select=["TC301"])] == [(1, "Log in")]


def test_a_deleted_word_takes_its_commas_and_brackets_and_leaves_a_sentence_its_capital(tmp_path):
    # a tester's report: "It was,, fine.", ", the app works.", "few people replied.", "()"; and
    # the one safe fix, "It is very, good."
    (tmp_path / "s.yml").write_text("style: H\nrules:\n  W:\n    extends: substitution\n    ignorecase: true\n"
                                    "    swap:\n      very: ''\n      basically: ''\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    doc = tmp_path / "t.txt"
    text = ("It is very, very good.\nIt was, basically, fine.\nBasically, the app works.\nVery few people replied.\n"
            "It works (basically) well.\nIt was fine, basically.\nIt went\nvery well.\n"
            # (a review: no capital after an abbreviation's stop, none for iPhone; one after a
            # quotation's end and at a quotation's start; a line's end closes no clause)
            "Use tools, e.g. basically the app.\nBasically, iPhone sales fell.\nHe said \"no.\" Basically, the app.\n"
            "\"Basically, the end.\"\nIt was fine, basically\nand then it ended.\n"
            # (between dashes: no safe fix, and the unsafe one takes the dashes: a tester's report)
            "The app — basically — works.\n")
    doc.write_text(text, encoding="utf-8")
    assert run_cli("check", "--fix", "t.txt", cwd=tmp_path).returncode == 1
    assert doc.read_text(encoding="utf-8") == text  # (none of them is safe)
    run_cli("check", "--fix", "--unsafe-fixes", "t.txt", cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == ("It is good.\nIt was fine.\nThe app works.\nFew people replied.\n"
                                               "It works well.\nIt was fine.\nIt went\nwell.\n"
                                               "Use tools, e.g. the app.\niPhone sales fell.\nHe said \"no.\" The app.\n"
                                               "\"The end.\"\nIt was fine,\nand then it ended.\n"
                                               "The app works.\n")


def test_styles_are_read_for_selectors_only_when_a_selector_names_a_style_rule(tmp_path):
    # a review: checking command-line selectors against every configuration read every style
    # at the start of every run, so --select TC101 failed on a broken style it never runs
    (tmp_path / "bad.yml").write_text("style: H\nrules:\n  X: [broken\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["bad.yml"]\n', encoding="utf-8")
    (tmp_path / "v.txt").write_text("The Taliban came.\n", encoding="utf-8")
    assert run_cli("check", "--select", "TC101", "v.txt", cwd=tmp_path).returncode == 0
    result = run_cli("check", "--select", "H.X", "v.txt", cwd=tmp_path)
    assert result.returncode == 2 and "bad.yml:3: invalid YAML" in result.stderr.decode()


def test_sentence_case_after_a_prefix_reads_code_as_written(tmp_path):
    # a last review: the prefix matched the prose, where code is spaces, and took it in
    text = "## FAQ: `pip` usage\n\n## FAQ: how to install\n\n## **FAQ:** how to start\n\n## 1.2.3 installing it\n"
    _, found = _headings(tmp_path, text, rule='match: $sentence\nprefix: "FAQ: "\n')
    assert [(f.line, f.suggestions) for f in found] == [(3, ["FAQ: How to install"]), (5, ["FAQ: How to start"]),
                                                        (7, ["1.2.3 Installing it"])]


def _fixed(text: str, found: list) -> str:
    from checker.fix import apply_fixes

    return apply_fixes(text, sorted(((f.fix, f) for f in found if f.fix is not None), key=lambda p: p[0].start))


def test_a_fix_of_a_wrapped_match_keeps_the_line_count(tmp_path):
    # a tester's report: "in order\nto win" became one line, and a translation paired with its
    # source line by line lost its pairing
    text = "We did this in order\nto win, then in\norder to lose,\nthen in order\r\nto, and done.\n- in order\n  to.\n"
    found = _swapped(tmp_path, "swap:\n  in order to: to\n", text)
    assert _fixed(text, found) == "We did this to\nwin, then to\nlose,\nthen to,\r\nand done.\n- to.\n"
    # at a line's end the break goes before the match, after a word (a review)
    text = "We did it all in order\nto\n"
    assert _fixed(text, _swapped(tmp_path, "swap:\n  in order to: to\n", text)) == "We did it all\nto\n"
    text = "He came, web\nsite.\n"  # (after punctuation too: a review)
    assert _fixed(text, _swapped(tmp_path, "swap:\n  web site: website\n", text)) == "He came,\nwebsite.\n"
    # numbers wrapped over a line too
    text = "Some 200 thousand marched, and 300\nthousand more.\n"
    found = _swapped(tmp_path, "extends: numbers\nmessage: \"Write %s, not %s\"\nmultipliers: {thousand: 1000}\n",
                     text, select="TC305")
    assert _fixed(text, found) == "Some 200,000 marched, and 300,000\nmore.\n"
    # ... but not a heading's number and the next line's word (a review)
    assert _swapped(tmp_path, "extends: numbers\nmessage: \"Write %s, not %s\"\nmultipliers: {thousand: 1000}\n",
                    "Top 10\n\nChapter 3\nThousand-year-old trees.\n", select="TC305") == []


def test_a_fix_never_writes_a_form_its_own_rule_rejects(tmp_path):
    # a tester's report: '(?:e-mail|Email|E-mail)': email suggested "Email" for "the E-mail tab"
    # (the capital carried over), which a second --fix pass then lowered
    found = _swapped(tmp_path, "swap:\n  '(?:e-mail|Email|E-mail)': email\n",
                     "E-mail is fine. Open the E-mail tab. Colour e-mail.\n")
    assert [(f.text, f.suggestions) for f in found] == [("E-mail", ["Email"]), ("E-mail", ["email"]),
                                                        ("e-mail", ["email"])]


def test_decomposed_text_is_matched_and_fixed_where_it_is_written(tmp_path):
    # a tester's report: "através de" saved decomposed (NFD, as macOS and some exports write it)
    # never matched a style's key; the glossary found it
    import unicodedata

    (tmp_path / "House.yml").write_text("extends: substitution\nmessage: \"Use %s, not %s\"\nswap:\n"
                                        "  através de: por meio de\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "pt"\nstyles = ["House.yml"]\n', encoding="utf-8")
    text = unicodedata.normalize("NFD", "Ação: falou através de um email.\n")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [found] = checker.check_paths([str(path)], config=str(tmp_path / "transcheck.toml"), select=["TC301"])
    assert (found.line, found.column, unicodedata.normalize("NFC", found.text)) == (1, 15, "através de")
    assert found.text == text[text.index("atrav"):text.index(" um")]
    assert _fixed(text, [found]) == unicodedata.normalize("NFD", "Ação: falou ") + "por meio de um email.\n"


def test_a_pattern_that_backtracks_without_end_is_one_line_naming_the_rule(tmp_path, monkeypatch):
    # a tester's report: a token of nested repeats ran for hours on one sentence (Vale's engine is
    # linear, so a Vale style may hold one); the rule gets a time limit (here 0.2 s, not 10)
    from checker.rules import style as style_rules

    monkeypatch.setattr(style_rules, "STYLE_RULE_SECONDS", 0.2)
    (tmp_path / "s.yml").write_text('style: H\nrules:\n  Bang:\n    extends: existence\n    message: "x %s"\n'
                                    '    tokens:\n      - "(?:[a-z]+ ?)+!"\n', encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nstyles = ["s.yml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("this is a rather long sentence with many small words in it that never ends "
                                    "here at all\n", encoding="utf-8")
    with pytest.raises(checker.InputError) as raised:
        checker.check_paths([str(tmp_path / "a.txt")])
    message = str(raised.value)
    assert message.startswith(f"{tmp_path / 's.yml'}:4: rule 'H.Bang' used more than 0.2 s of CPU on ")
    assert "\n" not in message
    (tmp_path / "a.txt").write_text("Wait, it is short!\n", encoding="utf-8")  # (a short text ends in time)
    assert [f.text for f in checker.check_paths([str(tmp_path / "a.txt")])] == ["it is short!"]
    # ... and a substitution's, which the names rule runs first (a final tester's report: it hung)
    (tmp_path / "s.yml").write_text("style: H\nrules:\n  Sub:\n    extends: substitution\n    swap:\n"
                                    "      '(?:[a-z]+ ?)+!': x\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("this is a rather long sentence with many small words in it that never ends "
                                    "here at all\n", encoding="utf-8")
    with pytest.raises(checker.InputError, match="rule 'H.Sub' used more than 0.2 s of CPU"):
        checker.check_paths([str(tmp_path / "a.txt")])


def test_a_time_limit_leaves_an_outer_limit_and_the_handlers_as_they_were():
    # a review: the limit cancelled an embedding tool's own timer; it counts CPU time now (a
    # suspended run is not charged) and puts an outer limit back with the time it has left
    import signal
    import time

    from checker.timelimit import TooSlow, time_limit

    def spin(seconds):
        end = time.process_time() + seconds
        while time.process_time() < end:
            pass

    before = signal.getsignal(signal.SIGVTALRM)
    with pytest.raises(TooSlow):
        with time_limit(0.1):
            spin(1)
    assert signal.getsignal(signal.SIGVTALRM) is before and signal.getitimer(signal.ITIMER_VIRTUAL)[0] == 0
    with pytest.raises(TooSlow):  # the outer limit, sooner, fires inside the inner one
        with time_limit(0.2):
            with time_limit(5):
                spin(1)
    with time_limit(5):
        with time_limit(0.1):
            spin(0.01)
        assert 4 < signal.getitimer(signal.ITIMER_VIRTUAL)[0] <= 5.05  # (put back, less what was used)
    assert signal.getitimer(signal.ITIMER_VIRTUAL)[0] == 0
