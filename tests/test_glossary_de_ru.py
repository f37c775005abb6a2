"""German and Russian glossaries and styles, from a terminologist's report: separable verbs,
case endings, stems that two words share, number ranges, ß, POSIX classes, error lines."""

import re

import pytest

import checker
from checker.style.loader import load_style_file


@pytest.fixture()
def project(tmp_path):
    """A configuration with a glossary CSV (and a style, when given), in ``lang``."""
    def make(lang, glossary="", style="", names=""):
        lines = [f'lang = "{lang}"', 'source-lang = "en"']
        if glossary:
            (tmp_path / "glossary.csv").write_text("source,target,status\n" + glossary, encoding="utf-8")
            lines.append('glossaries = ["glossary.csv"]')
        if style:
            (tmp_path / "house.yml").write_text(style, encoding="utf-8")
            lines.append('styles = ["house.yml"]')
        if names:
            (tmp_path / "names.yaml").write_text(names, encoding="utf-8")
            lines.append('names = ["names.yaml"]')
        path = tmp_path / "transcheck.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(path)
    return make


def found(text, cfg, lang, select):
    return [(f.text, f.fix.replacement if f.fix else None, f.fix.safe if f.fix else None)
            for f in checker.check_text(text, lang=lang, config=cfg, select=select)]


DOWNLOAD = "download,herunterladen,preferred\ndownload,downloaden,forbidden\n"


def test_a_separable_verb_is_a_safe_fix_only_as_an_infinitive_at_the_clause_end(project):
    cfg = project("de", DOWNLOAD)
    text = ("Sie können die Datei downloaden.\nBitte downloaden Sie die Datei.\n"
            "Um die Datei zu downloaden, klicken Sie hier.\n")
    assert found(text, cfg, "de", ["TC202"]) == [
        ("downloaden", "herunterladen", True),  # (kann ... herunterladen.)
        ("downloaden", "herunterladen", False),  # (Laden Sie ... herunter)
        ("downloaden", "herunterladen", False),  # (herunterzuladen)
    ]


def test_a_german_deprecated_term_in_the_plural_and_the_genitive(project):
    # a tester's report: Nutzerkonten, Nutzerkontos and Apps were not found (Snowball keeps an -s
    # after a vowel or a p, and -o to -en apart)
    cfg = project("de", "user account,Benutzerkonto,preferred\nuser account,Nutzerkonto,deprecated\n"
                        "app,Anwendung,preferred\napp,App,deprecated\n")
    text = "Mit dem Nutzerkonto. Die Nutzerkonten werden gelöscht. Die Daten des Nutzerkontos. Alle Apps laufen."
    assert [t for t, _, _ in found(text, cfg, "de", ["TC202"])] == ["Nutzerkonto", "Nutzerkonten", "Nutzerkontos",
                                                                     "Apps"]
    # an -s may be a genitive's: no plural is suggested for it (a review: des Konten)
    cfg = project("de", "account,Konto,preferred\naccount,Account,deprecated\n")
    assert [f.suggestions for f in checker.check_text("Die Daten des Accounts. Alle Accounts sind weg.", lang="de",
                                                      config=cfg, select=["TC202"])] == [["Konto"], ["Konto"]]
    # ... while an -en plural is one (a review: Nutzerkonten -> Benutzerkonten)
    cfg = project("de", "user account,Benutzerkonto,preferred\nuser account,Nutzerkonto,deprecated\n")
    assert [f.suggestions for f in checker.check_text("Alle Nutzerkonten sind weg.", lang="de", config=cfg,
                                                      select=["TC202"])] == [["Benutzerkonten", "Benutzerkonto"]]


def test_a_german_term_is_not_matched_by_the_other_kind_of_word(project):
    # a noun (capitalised inside a sentence) is no form of a forbidden verb, nor the reverse
    cfg = project("de", DOWNLOAD + "update,Aktualisierung,preferred\nupdate,Update,deprecated\n")
    assert found("Der Ordner „Downloads“ ist leer. Wir updaten nichts.", cfg, "de", ["TC202"]) == []
    assert [f[0] for f in found("Downloaden Sie nichts. Das Update kommt.", cfg, "de", ["TC202"])] == [
        "Downloaden", "Update"]


def test_russian_forms_by_their_lemma_not_their_stem(project):
    cfg = project("ru", "folder,папка,preferred\nfolder,директория,deprecated\n"
                        "mobile phone,мобильный телефон,preferred\nmobile phone,мобила,forbidden\n")
    # директор (director) shares директория's Snowball stem; мобилу is keyed apart from мобила
    text = "Директор вышел. Откройте директорию. Он потерял мобилу. Две мобилы. Мобила села."
    assert [f[0] for f in found(text, cfg, "ru", ["TC202"])] == ["директорию", "мобилу", "мобилы", "Мобила"]


def test_an_english_leftover_in_russian_gets_an_unsafe_fix(project):
    # (по email -> по электронная почта: the term's case comes from its place)
    cfg = project("ru", "email,электронная почта,preferred\n")
    assert found("Пришлите ответ по email.", cfg, "ru", ["TC203"]) == [("email", "электронная почта", False)]


NUMBERS = """style: N
rules:
  Numbers:
    extends: numbers
    separator: " "
    multipliers: {тысяч: 1000, тысячи: 1000, тысяча: 1000}
"""


def test_russian_number_ranges_and_decimals(project):
    cfg = project("ru", style=NUMBERS)
    text = "Пришли 2,5 тысячи человек. От 10 до 20 тысяч зрителей. Около 21 тысяча рублей."
    assert found(text, cfg, "ru", ["TC305"]) == [
        ("2,5 тысячи", "2 500", True), ("10 до 20 тысяч", "10 000 до 20 000", True), ("21 тысяча", "21 000", True)]


def test_a_number_after_a_number_and_an_unknown_joining_word_is_unsafe(project):
    cfg = project("de", style=NUMBERS.replace("{тысяч: 1000, тысячи: 1000, тысяча: 1000}", "{tausend: 1000}"))
    assert found("Zwischen 10 bzw. 20 tausend Menschen.", cfg, "de", ["TC305"]) == [("20 tausend", "20 000", False)]


def test_a_substitution_of_ss_by_eszett(project):
    style = "style: S\nrules:\n  A:\n    extends: substitution\n    swap:\n      Strasse: Straße\n      gross: groß\n"
    cfg = project("de", style=style)
    assert found("Die Strasse ist gross.", cfg, "de", ["TC301"]) == [("Strasse", "Straße", True), ("gross", "groß", True)]


def test_go_classes_as_vale_writes_them(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text('rules:\n  A:\n    extends: existence\n    message: "%s"\n    tokens: ["[[:upper:]][[:digit:]]+"]\n',
                    encoding="utf-8")
    (rule,) = load_style_file(str(path))
    assert [m.group() for m in rule.pattern.finditer("A1 b2 C33 ÄÖ")] == ["A1", "C33"]


@pytest.mark.parametrize("name, content, line", [
    ("indent.yml", "style: X\nrules:\n  A:\n    extends: substitution\n    swap:\n      a: b\n     bad: indent\n", 7),
    ("quote.yml", 'style: X\nrules:\n  A:\n    extends: existence\n    message: "abc\n    tokens: [x]\n', 5),
])
def test_a_yaml_error_names_the_line_of_the_problem(tmp_path, name, content, line):
    from checker.model import InputError

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_style_file(str(path))
    assert f"{name}:{line}:" in str(error.value)


def test_a_csv_row_with_an_unclosed_quote_is_reported_where_it_starts(project, tmp_path):
    from checker.model import InputError

    cfg = project("de", 'government,Regierung,preferred\n"ceasefire,Waffenstillstand,preferred\nelection,Wahl,preferred\n')
    with pytest.raises(InputError) as error:
        checker.check_text("Die Regierung.", lang="de", config=cfg)
    assert "glossary.csv:3:" in str(error.value)


def test_house_variants_do_not_match_ordinary_words_that_share_a_stem(project):
    names = 'names:\n  - name: "Tennessee"\n    variants: ["Tennesse"]\n  - name: "Team"\n    variants: ["Termes"]\n'
    cfg = project("en", names=names)
    assert [f[0] for f in found("About ten people read the terms. Tennesse and tennesse.", cfg, "en", ["TC102"])] == [
        "Tennesse", "tennesse"]


def test_a_separated_prefix_before_und_ends_its_clause(project):
    cfg = project("de", DOWNLOAD + "sign in,anmelden,preferred\n")
    source = "Download the update and restart the computer. Sign in and restart.\n"
    target = "Laden Sie die Aktualisierung herunter und starten Sie den Computer neu. Melden Sie sich an und starten Sie neu.\n"
    assert checker.check_pair(source, target, source_lang="en", lang="de", config=cfg, select=["TC201"]) == []
    assert len(checker.check_pair(source, target.replace(" herunter und", " und"), source_lang="en", lang="de",
                                  config=cfg, select=["TC201"])) == 1


def test_a_near_miss_fix_keeps_the_ending_and_the_capital(project):
    cfg = project("de", "government,Regierung,preferred\ndatabase,Datenbank,preferred\n")
    assert [f[1] for f in found("Mehrere Regirungen. Die Datenbnaken sind voll.", cfg, "de", ["TC203"])] == [
        "Regierungen", "Datenbanken"]
    cfg = project("ru", "artificial intelligence,искусственный интеллект,preferred\npress secretary,пресс-секретарь,preferred\n")
    assert [f[1] for f in found("Развитие искусственного интелекта. Пресс-секритарь молчал.", cfg, "ru", ["TC203"])] == [
        "интеллекта", "Пресс-секретарь"]
    # accents dropped from a plural: the plural with its accents (a tester's report: réplica)
    cfg = project("pt", "aftershock,réplica,preferred\n")
    assert [f[1] for f in found("Abalada por repliças no sábado. As répilcas continuaram.", cfg, "pt", ["TC203"])] == [
        "réplicas", "réplicas"]


def test_line_by_line_when_the_sentences_do_not_pair(project):
    # one sentence per line (a WMT test set): the splitter cuts a line in one language only, so
    # the sentences do not pair, but the lines do (a tester's report: every finding at 1:1)
    cfg = project("de", "government,Regierung,preferred\n")
    source = "The government met. It said no. Everyone left\nThe government spoke\nNothing else\n"
    target = "Die Regierung traf sich und sagte nein. Alle gingen\nDas Kabinett sprach\nSonst nichts\n"
    found_ = checker.check_pair(source, target, source_lang="en", lang="de", config=cfg, select=["TC201"])
    assert [(f.line, f.column, f.source.line) for f in found_] == [(2, 1, 2)]


def test_a_german_compound_renders_a_term_it_starts_or_ends_with(project):
    cfg = project("de", "election,Wahl,preferred\nvaccine,Impfstoff,preferred\ngovernment,Regierung,preferred\n")
    pairs = [
        ("Trump won the presidential election and called for a new election.",
         "Trump gewann die Präsidentschaftswahl und rief zu einer Neuwahl auf."),
        ("The election result and the government spokesman.", "Das Wahlergebnis und der Regierungssprecher."),
        ("There is no shortage in the supply of vaccine.", "Es gibt keine Knappheit bei der Impfstoffversorgung."),
    ]
    for source, target in pairs:
        assert checker.check_pair(source, target, source_lang="en", lang="de", config=cfg, select=["TC201"]) == []
    # not where the English term is no modifier, nor a function word's compound (Auswahl)
    assert len(checker.check_pair("The election was held.", "Die Wahlbeteiligung war hoch. Die Auswahl war klein.",
                                  source_lang="en", lang="de", config=cfg, select=["TC201"])) == 1


HEADINGS = "style: H\nrules:\n  Headings:\n    extends: capitalization\n    match: $sentence\n    scope: heading\n"


def test_sentence_case_headings_keep_german_nouns_and_russian_names(project):
    def suggested(text, cfg, lang):
        return [f.suggestions[0] for f in checker.check_text(text, lang=lang, fmt="md", config=cfg, select=["TC304"])]

    text = "# Die Zeit der Menschen in Berlin\n\nText.\n\n## Ein Jahr in Deutschland\n\nText.\n\n## Die Kanzlerin Trifft Sich Heute\n\nText.\n"
    assert suggested(text, project("de", style=HEADINGS), "de") == ["Die Kanzlerin Trifft sich Heute"]
    text = "# Google Инвестирует в Россию\n\nGoogle и Россия. Компания давно работает в России.\n"
    assert suggested(text, project("ru", style=HEADINGS), "ru") == ["Google инвестирует в Россию"]


def test_a_russian_replacement_takes_the_case_and_number_of_the_form_found(project):
    cfg = project("ru", "user,пользователь,preferred\nuser,юзер,deprecated\nhard drive,жёсткий диск,preferred\n"
                        "hard drive,винчестер,deprecated\nceasefire,прекращение огня,preferred\nceasefire,перемирие,deprecated\n")
    text = "Письмо юзерам отправлено. Файлы на винчестере. Нарушение перемирия."
    assert found(text, cfg, "ru", ["TC202"]) == [
        ("юзерам", "пользователям", False), ("винчестере", "жёстком диске", False),
        ("перемирия", "прекращения огня", False)]


# ------------------------------------------------------------------- a review's cases


def test_russian_verbs_and_nouns_whose_first_parse_is_a_verb(project):
    cfg = project("ru", "download,загрузить,preferred\ndownload,скачать,forbidden\ntourniquet,турникет,preferred\n"
                        "tourniquet,жгут,forbidden\nwatch,наручные часы,preferred\nwatch,часы,deprecated\n")
    text = "Скачайте файл. Он скачал файл. Без жгута. Через час. Два часа. Мои часы."
    assert [f[0] for f in found(text, cfg, "ru", ["TC202"])] == ["Скачайте", "скачал", "жгута", "часы"]


def test_russian_homonyms_and_words_with_short_i(project):
    # мыло is also мыть's past tense, whose forms моя, мою are everyday words; й is a letter
    cfg = project("ru", "soap,моющее средство,preferred\nsoap,мыло,forbidden\nruler,правило,preferred\n"
                        "ruler,линейка,deprecated\n")
    text = "Это моя книга. Он взял мою книгу. Купи мыло и мыла. Пять линеек. Одна линейка."
    assert [f[0] for f in found(text, cfg, "ru", ["TC202"])] == ["мыло", "мыла", "линеек", "линейка"]


def test_a_separable_verb_at_a_sentence_start_or_before_a_wrapped_line_is_unsafe(project):
    cfg = project("de", DOWNLOAD)
    text = "Downloaden Sie die Datei.\nBitte downloaden\nSie die Datei.\nDOWNLOADEN SIE JETZT.\n"
    assert [f[2] for f in found(text, cfg, "de", ["TC202"])] == [False, False, False]


def test_a_german_term_in_its_own_letters_is_the_term_in_either_case(project):
    cfg = project("de", "email,E-Mail,preferred\nemail,email,forbidden\nupdate,Aktualisierung,preferred\n"
                        "update,Update,deprecated\n" + DOWNLOAD)
    text = "Schicken Sie eine Email. Das Downloaden ist verboten. Hinweis: Downloaden Sie nichts."
    assert [f[0] for f in found(text, cfg, "de", ["TC202"])] == ["Email", "Downloaden", "Downloaden"]
    # (a listed noun is not its lower-case homograph: laden, morgen for Laden, Morgen: a review)
    cfg = project("de", "shop,Geschäft,preferred\nshop,Laden,deprecated\nmorning,Vormittag,preferred\nmorning,Morgen,deprecated\n")
    assert [f[0] for f in found("Sie können Dateien laden. Wir kommen morgen. Der Laden ist zu.", cfg, "de", ["TC202"])] == [
        "Laden"]


def test_a_lower_case_slip_of_a_listed_name_stays_a_match(project):
    cfg = project("en", names="Yangon: [Rangoon]\nGaddafi: [Qaddafi]\n")
    assert [f[0] for f in found("Then to rangoon. Colonel qaddafi spoke.", cfg, "en", ["TC102"])] == ["rangoon", "qaddafi"]


def test_a_number_after_a_year_keeps_its_safe_fix_and_after_an_unknown_joining_word_not(project):
    cfg = project("en", style="style: N\nrules:\n  Numbers:\n    extends: numbers\n")
    assert found("In 2020 about 5 thousand people voted. From 10 till 20 thousand.", cfg, "en", ["TC305"]) == [
        ("5 thousand", "5,000", True), ("20 thousand", "20,000", False)]


def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path):
    from checker.model import InputError

    path = tmp_path / "b.yml"
    path.write_text("style: X\nrules:\n  A:\n    extends: substitution\n    swap:\n      a: [b, c\n"
                    "  B:\n    extends: existence\n    tokens: [y]\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_style_file(str(path))
    assert "b.yml:6:" in str(error.value)


def test_go_classes_only_inside_a_set_and_not_escaped(tmp_path):
    from checker.model import InputError
    from checker.style.loader import _go_classes

    assert _go_classes(r"\[:alpha:]") == r"\[:alpha:]" and _go_classes(r"[\[:digit:]]") == r"[\[:digit:]]"
    assert _go_classes("[]a[:digit:]]") == "[]a0-9]" and _go_classes("[[:^space:]]+") == "[^\\t\\n\\v\\f\\r ]+"
    path = tmp_path / "p.yml"
    path.write_text('rules:\n  A:\n    extends: existence\n    tokens: ["[[:^digit:]x]"]\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_style_file(str(path))
    assert "p.yml:3:" in str(error.value) and "negated POSIX class" in str(error.value)


def test_a_source_of_another_region_than_the_glossarys_still_has_its_terms(tmp_path):
    (tmp_path / "g.csv").write_text("en-US,pt-BR,status\ngovernment,governo,preferred\n", encoding="utf-8")
    cfg = tmp_path / "transcheck.toml"
    cfg.write_text('lang = "pt-BR"\nsource-lang = "en-GB"\nglossaries = ["g.csv"]\n', encoding="utf-8")
    with pytest.warns(checker.TranscheckWarning, match="no en terms for en-GB; those of en-US are used"):
        found_ = checker.check_pair("The government met.", "O gabinete reuniu-se.", config=str(cfg), select=["TC201"])
    assert [f.text for f in found_] == ["O gabinete reuniu-se."]


def test_a_style_rule_for_a_region_is_not_run_on_another(project):
    style = "style: S\nrules:\n  A:\n    extends: substitution\n    lang: de-DE\n    swap:\n      Jänner: Januar\n"
    cfg = project("de", style=style)
    text = "Im Jänner."
    assert [f[0] for f in found(text, cfg, "de-DE", ["TC301"])] == ["Jänner"]
    assert [f[0] for f in found(text, cfg, "de", ["TC301"])] == ["Jänner"]  # (no region: every de rule)
    assert found(text, cfg, "de-AT", ["TC301"]) == []


def test_unicode_classes_as_vale_writes_them(tmp_path):
    # a tester's report: \p{Lu} of a borrowed Vale style was "bad escape \p"
    path = tmp_path / "x.yml"
    path.write_text('rules:\n  A:\n    extends: existence\n    message: "%s"\n    nonword: true\n'
                    '    tokens: ["\\\\p{Lu}{3,}", "[\\\\pN]+%"]\n', encoding="utf-8")
    (rule,) = load_style_file(str(path))
    assert [m.group() for m in rule.pattern.finditer("NATO and ÖVP, not Nato; 12% and ١٢%")] == ["NATO", "ÖVP", "12%", "١٢%"]


@pytest.mark.parametrize("token, words", [
    ("\\\\p{Greek}", "the Unicode class \\p{Greek}"),        # scripts: not general categories
    ("[a\\\\P{L}]", "negated Unicode class (\\P{L}) inside a set"),
])
def test_unicode_classes_python_cannot_take_are_errors(tmp_path, token, words):
    from checker.model import InputError

    path = tmp_path / "p.yml"
    path.write_text(f'rules:\n  A:\n    extends: existence\n    tokens: ["{token}"]\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_style_file(str(path))
    assert "p.yml:3:" in str(error.value) and words in str(error.value)


def test_go_classes_outside_and_inside_sets():
    from checker.style.loader import _go_classes

    nd = re.compile(_go_classes(r"\PN+"))
    assert nd.fullmatch("abc") and not nd.fullmatch("a1")
    assert re.fullmatch(_go_classes(r"[^\p{L}]+"), "12 ,;") and re.fullmatch(_go_classes(r"[\P{L}]+"), "12 ,;")
    assert _go_classes(r"\\p{L}") == r"\\p{L}"  # an escaped backslash, then p{L}


def test_a_verbose_token_keeps_its_comments(tmp_path):
    # a review: a one-line (?x) token with a comment never compiled (the ")" closing the flags'
    # group fell into the comment), and a \p in a comment was read as a class
    path = tmp_path / "x.yml"
    path.write_text('rules:\n  A:\n    extends: existence\n    message: "%s"\n    nonword: true\n'
                    '    tokens: ["(?x) \\\\p{Lu}{2,} \\\\d+  # an acronym and a number, not \\\\p{Greek}"]\n',
                    encoding="utf-8")
    (rule,) = load_style_file(str(path))
    # (verbose: the pattern's spaces are no spaces of the text)
    assert [m.group() for m in rule.pattern.finditer("The A380, the ÖBB12 and the ÖBB 12.")] == ["ÖBB12"]


def test_a_hyphenated_german_replacement_takes_the_gender_of_its_last_part():
    # a tester's report: die Email -> die E-Mail was unsafe, the gender read from "E"
    from checker.agreement import agreement_at_risk

    assert not agreement_at_risk("Email", "E-Mail", "de")
    assert not agreement_at_risk("Email-Adresse", "E-Mail-Adresse", "de")
    assert agreement_at_risk("Meeting", "Besprechung", "de")
