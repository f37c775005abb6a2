"""TC103 corpus-name-variant: a name spelled one way in a few files and another in most."""

import itertools
import json

import pytest

from conftest import run_cli

import checker
from checker.names import collect
from checker.names import corpus
from checker.pipeline import load_text

TALIBAN = "The Taliban took Kabul on Sunday. Later the Taliban spoke to reporters in Kabul.\n"
TALEBAN = "The Taleban say they have surrounded the valley. A Taleban spokesman said so.\n"


def _corpus(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return checker.check_paths([str(tmp_path)], lang="en", select=["TC103"], isolated=True)


def test_a_file_spelling_a_name_otherwise_than_most_files_is_reported(tmp_path):
    findings = _corpus(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN, "c.txt": TALIBAN, "d.txt": TALEBAN})
    assert [(f.path.rsplit("/", 1)[-1], f.text, f.suggestions) for f in findings] == [
        ("d.txt", "Taleban", ["Taliban"]), ("d.txt", "Taleban", ["Taliban"])]
    assert findings[0].rule == "TC103" and findings[0].name == "corpus-name-variant"
    assert '3 files of this corpus spell it "Taliban" and 1 "Taleban"' in findings[0].message
    assert findings[0].fix is not None and not findings[0].fix.safe


def test_the_suggestion_is_the_dominant_spelling_not_the_slip_it_ends_like(tmp_path):
    # Poutine less its final e is the slip Poutin: the dominant spelling is no inflection of
    # the slip, so the suggestion is Poutine (it was Poutin, the slip itself)
    poutine = "Selon le communiqué, Poutine a parlé lundi à Paris.\nLe ministre Poutine a déclaré non.\n"
    files = {f"a{i}.txt": poutine for i in range(4)} | {"b.txt": poutine.replace("Poutine", "Poutin")}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    findings = checker.check_paths([str(tmp_path)], lang="fr", select=["TC103"], isolated=True)
    assert [(f.path.rsplit("/", 1)[-1], f.text, f.suggestions) for f in findings] == [
        ("b.txt", "Poutin", ["Poutine"])] * 2
    # ... nor its inflection where the file inflects it (a reviewer's report: Poutins -> Poutins)
    (tmp_path / "b.txt").write_text("Poutin a parlé lundi à Paris.\nLes Poutins ont déclaré non.\n", encoding="utf-8")
    findings = checker.check_paths([str(tmp_path)], lang="fr", select=["TC103"], isolated=True)
    assert [(f.text, f.suggestions) for f in findings] == [("Poutin", ["Poutine"]), ("Poutins", ["Poutines"])]


def test_the_rule_doc_example_passes_once_corrected(tmp_path):
    fixed = TALEBAN.replace("Taleban", "Taliban")
    assert _corpus(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN, "c.txt": TALIBAN, "d.txt": fixed}) == []


def test_too_few_files_decide_nothing(tmp_path):
    # two files against one: no corpus majority (MIN_FILES is 3, FILE_RATIO 3)
    assert _corpus(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN, "d.txt": TALEBAN}) == []
    # a single file is TC101's business (and the API says why TC103 said nothing)
    with pytest.warns(checker.TranscheckWarning, match="with one file it reports nothing"):
        assert checker.check_text(TALEBAN + TALIBAN, lang="en", select=["TC103"]) == []


def test_a_file_using_both_spellings_is_left_to_tc101(tmp_path):
    both = TALEBAN + "The Taliban denied it. The Taliban said more.\n"
    findings = checker.check_paths([str(p) for p in _write(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN,
                                                                          "c.txt": TALIBAN, "d.txt": both})],
                                   lang="en", select=["TC101", "TC103"], isolated=True)
    assert {(f.rule, f.text) for f in findings} == {("TC101", "Taleban")}


def test_a_file_whose_majority_is_the_corpus_slip_gets_the_corpus_spelling(tmp_path):
    # a tester's report: TC101 suggested a file's majority, the corpus's slip (Tikhanovskaia 2x
    # beside Tikhanovskaya 1x, where most files write Tikhanovskaya), and TC103 left the file to
    # it; --unsafe-fixes then wrote the slip. Now TC103 reports the slip there and TC101's
    # opposite suggestion is dropped; a tie goes to the corpus too
    right = "Opposition leader Svetlana Tikhanovskaya spoke in Vilnius. Tikhanovskaya said the vote was stolen.\n"
    files = {f"s{i}.txt": right for i in range(6)}
    files["mixed.txt"] = "Svetlana Tikhanovskaia met diplomats. Tikhanovskaia said more. Tikhanovskaya agreed.\n"
    files["tie.txt"] = "Svetlana Tikhanovskya spoke. Tikhanovskaya left.\n"
    files["other.txt"] = "Svetlana Tikhanovskaia met diplomats. Tikhanovskaia said more.\n"
    findings = checker.check_paths([str(p) for p in _write(tmp_path, files)], lang="en",
                                   select=["TC101", "TC103"], isolated=True)
    assert sorted({(f.rule, f.path.rsplit("/", 1)[-1], f.text, f.variant_of) for f in findings}) == [
        ("TC103", "mixed.txt", "Tikhanovskaia", "Tikhanovskaya"),
        ("TC103", "other.txt", "Tikhanovskaia", "Tikhanovskaya"),
        ("TC103", "tie.txt", "Tikhanovskya", "Tikhanovskaya")]
    assert 'which also spells it "Tikhanovskaya" 1×' in next(f.message for f in findings if "mixed" in f.path)
    # without TC101's opposite suggestion, a file with both spellings is not TC103's
    alone = checker.check_paths([str(tmp_path / n) for n in files], lang="en", select=["TC103"], isolated=True)
    assert {f.path.rsplit("/", 1)[-1] for f in alone} == {"other.txt"}


def test_the_corpus_decides_after_suppressions_and_over_inflections(tmp_path):
    # a second review: TC101's suggestion on an inflected form (Nawalnys -> Nawalni) was not
    # dropped, and turning one rule off for the file changed what the other reported
    right = "Der Oppositionelle Alexej Nawalny sprach in Moskau. Nawalny sagte, die Wahl sei gefälscht.\n"
    files = {f"s{i}.txt": right for i in range(6)}
    files["mixed.txt"] = "Alexej Nawalni traf Diplomaten. Nawalni sagte mehr. Nawalnys Sprecherin stimmte zu.\n"
    findings = checker.check_paths([str(p) for p in _write(tmp_path, files)], lang="de",
                                   select=["TC101", "TC103"], isolated=True)
    assert {(f.rule, f.text, f.variant_of) for f in findings} == {("TC103", "Nawalni", "Nawalny")}
    (tmp_path / "mixed.txt").unlink()
    english = {f"e{i}.md": "Opposition leader Svetlana Tikhanovskaya spoke in Vilnius. Tikhanovskaya said "
                           "the vote was stolen.\n" for i in range(6)}
    mixed = "Svetlana Tikhanovskaia met diplomats. Tikhanovskaia said more. Tikhanovskaya agreed.\n"
    for header, expected in [("<!-- transcheck-disable-file TC103 -->\n", {("TC101", "Tikhanovskaya")}),
                             ("<!-- transcheck-disable-file TC101 -->\n", set())]:
        paths = _write(tmp_path, {**english, "mixed.md": header + mixed})
        found = checker.check_paths([str(p) for p in paths], lang="en", select=["TC", "TC101", "TC103"],
                                    isolated=True)
        assert {(f.rule, f.text) for f in found} == expected, header


def _write(tmp_path, files):
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return paths


def test_inflected_spelling_keeps_its_ending(tmp_path):
    plural = "The Talebans took Kabul. Later the Talebans spoke again.\n"
    findings = _corpus(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN, "c.txt": TALIBAN,
                                  "e.txt": "One Taleban came. A Taleban left.\n", "d.txt": plural})
    assert {f.text: f.suggestions for f in findings} == {"Talebans": ["Talibans"], "Taleban": ["Taliban"]}


def test_two_people_with_similar_names_in_two_files_are_not_one_name(tmp_path):
    files = {f"{i}.txt": "The minister Tomas Weber met Lamb. Weber said Lamb agreed.\n" for i in range(4)}
    # a word-making change (Lam), a given name before another surname (Tomáš Satoranský), a
    # common word's slip (Castom beside Custom, written custom elsewhere)
    files["x.txt"] = "Mr Lam spoke. Then Lam left. The player Tomáš Satoranský scored. Castom duties rose.\n"
    files.update({f"c{i}.txt": "The Custom House opened. Its custom is old. Custom rules apply.\n" for i in range(3)})
    assert _corpus(tmp_path, files) == []


def test_given_name_with_the_same_surname_is_compared(tmp_path):
    files = {f"{i}.txt": "President Vladimir Putin spoke. Vladimir Putin left.\n" for i in range(6)}
    files["x.txt"] = "President Vladimír Putin spoke. Vladimír Putin left.\n"
    files["y.txt"] = "The writer Vladimír Holan lived here. Vladimír Holan wrote poems.\n"
    findings = _corpus(tmp_path, files)
    assert {(f.path.rsplit("/", 1)[-1], f.text, f.suggestions[0]) for f in findings} == {
        ("x.txt", "Vladimír", "Vladimir")}


def test_combine_is_associative_and_commutative():
    texts = [TALIBAN, TALIBAN, TALEBAN, TALIBAN, "Massoud met Massud in Kabul.\n"]

    def table(order):
        stats = None
        for i in order:
            one = corpus.collect(collect(load_text(texts[i], f"{i}.txt", "en")))
            stats = one if stats is None else corpus.combine(stats, one)
        return {w: (s.files, s.count, s.leading, sorted(s.locations)) for w, s in stats.tables["en"].items()}

    results = [table(order) for order in itertools.permutations(range(len(texts)))]
    assert all(result == results[0] for result in results)
    assert results[0]["Taliban"][:2] == (3, 6)


def test_cli_reports_tc103_in_json(tmp_path):
    _write(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN, "c.txt": TALIBAN, "d.txt": TALEBAN})
    result = run_cli("check", "--isolated", "--lang", "en", "--format", "json", ".", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    found = [(f["rule"], f["path"], f["text"], f["variant_of"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("TC103", "d.txt", "Taleban", "Taliban")] * 2


def test_a_reported_file_is_read_again_for_the_report_and_the_fix(tmp_path):
    # a run keeps no text of a file the document rules have nothing on; TC103's file is read
    # again, so the excerpt shows and --unsafe-fixes rewrites it
    _write(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN, "c.txt": TALIBAN, "d.txt": TALEBAN})
    shown = run_cli("check", "--isolated", "--lang", "en", "--select", "TC103", ".", cwd=tmp_path)
    assert "  The Taleban say they have surrounded the valley." in shown.stdout.decode()
    fixed = run_cli("check", "--isolated", "--lang", "en", "--select", "TC103", "--fix", "--unsafe-fixes", ".",
                    cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert (tmp_path / "d.txt").read_text(encoding="utf-8") == TALEBAN.replace("Taleban", "Taliban")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == TALIBAN


def test_a_spelling_that_extends_the_corpus_spelling_is_reported(tmp_path):
    # a reviewer's report: Zelenskyy begins with Zelensky, and the file was taken for one that
    # uses both spellings; an inflection of the corpus spelling (Talibans) is a use of it
    files = {f"{i}.txt": "President Zelensky spoke on Monday. Officials said Zelensky would travel.\n" for i in range(6)}
    files["d.txt"] = "President Zelenskyy spoke in Kyiv. Zelenskyy said the talks went well.\n"
    files["e.txt"] = "President Zelenskyy spoke. The Zelensky's office said so.\n"
    found = {(f.path.rsplit("/", 1)[-1], f.text, f.suggestions[0]) for f in _corpus(tmp_path, files)}
    assert found == {("d.txt", "Zelenskyy", "Zelensky")}


def test_capped_statistics_merge_the_same_in_any_order(monkeypatch):
    monkeypatch.setattr(corpus, "MAX_LOCATIONS", 3)
    monkeypatch.setattr(corpus, "MAX_FOLLOWERS", 2)
    texts = [f"Judge Brett {s} spoke. Brett {s} left. Brett {s} came.\n" for s in ("Kavanaugh", "Adams", "Smith", "Jones")]

    def table(order):
        stats = None
        for i in order:
            one = corpus.collect(collect(load_text(texts[i], f"{i}.txt", "en")))
            stats = one if stats is None else corpus.combine(stats, one)
        brett = stats.tables["en"]["Brett"]
        return brett.count, sorted(brett.followers), sorted(brett.locations)

    results = {repr(table(order)) for order in itertools.permutations(range(len(texts)))}
    assert len(results) == 1
    count, followers, locations = table(range(4))
    assert count == 12 and followers == ["Adams", "Jones"] and len(locations) == 3


def test_the_names_draft_lists_a_spelling_some_files_use_throughout(tmp_path):
    # a tester's report: the draft house list missed a name the files spell two ways when no
    # file spells it both ways; TC103's variants now join it, base forms only
    files = {f"{i}.txt": TALIBAN for i in range(6)}
    files.update({"d.txt": TALEBAN, "e.txt": "The Talebans came. The Talebans left.\n", "f.txt": "One Taleban came.\n"})
    _write(tmp_path, files)
    result = run_cli("variants", "--isolated", "--lang", "en", "--format", "names", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    draft = result.stdout.decode()
    assert '  - name: "Taliban"  # Taliban 12×, Taleban 3×\n    variants: ["Taleban"]\n' in draft
    assert "Talebans" not in draft
    assert "counts in all files" in draft


def test_the_names_draft_counts_a_mixed_file_no_more_than_the_corpus(tmp_path):
    # a reviewer's and a tester's report: one file mixing the spellings gave its own counts to
    # the majority spelling and the corpus's to the other, and the draft named the minority
    files = {f"{i}.txt": TALIBAN for i in range(12)}
    files.update({"d.txt": TALEBAN, "f.txt": "One Taleban came.\n",
                  "g.txt": "The Taleban came. The Taleban left. The Taliban said so.\n"})
    _write(tmp_path, files)
    draft = run_cli("variants", "--isolated", "--lang", "en", "--format", "names", ".", cwd=tmp_path).stdout.decode()
    assert '  - name: "Taliban"  # Taliban 25×, Taleban 5×\n    variants: ["Taleban"]\n' in draft


def test_accents_and_given_names_before_the_same_surname_across_files(tmp_path):
    # a tester's report: Sanchez / Sánchez and Sergey / Sergei Lavrov went unreported, both
    # spellings being common words of the language; accents alone, or a given name before the
    # same surname, are a spelling convention of the corpus
    files = {f"{i}.txt": "Prime Minister Pedro Sánchez met Sergei Lavrov. Sánchez and Sergei Lavrov spoke.\n"
             for i in range(6)}
    files["x.txt"] = "Prime Minister Pedro Sanchez met Sergey Lavrov. Sanchez and Sergey Lavrov spoke.\n"
    files["y.txt"] = "The coach Sergey Ivanov spoke. Jose said so.\n"  # another Sergey: not his
    found = {(f.path.rsplit("/", 1)[-1], f.text, f.suggestions[0]) for f in _corpus(tmp_path, files)}
    assert found == {("x.txt", "Sanchez", "Sánchez"), ("x.txt", "Sergey", "Sergei")}


def test_a_surname_is_compared_only_after_the_same_first_name(tmp_path):
    # a reviewer's report: Jennifer Lopez and Rick Sanchez are spelled without the accent; the
    # corpus's López Obrador and Pedro Sánchez are other people. A title is no first name.
    files = {f"{i}.txt": "President Andrés Manuel López Obrador met Pedro Sánchez. López Obrador spoke.\n"
             for i in range(6)}
    files["a.txt"] = "Jennifer Lopez released an album. Lopez sang.\n"
    files["b.txt"] = "Rick Sanchez said so. Pedro Sanchez denied it. Prime Minister Sanchez left.\n"
    found = sorted((f.path.rsplit("/", 1)[-1], f.column, f.text) for f in _corpus(tmp_path, files))
    assert found == [("b.txt", 29, "Sanchez")]
    files["b.txt"] = "Pedro Sanchez said so. Prime Minister Sanchez left.\n"  # one bearer: every mention
    found = sorted((f.path.rsplit("/", 1)[-1], f.column, f.text) for f in _corpus(tmp_path, files))
    assert found == [("b.txt", 7, "Sanchez"), ("b.txt", 39, "Sanchez")]


def test_naming_tc103_for_one_file_says_it_cannot_report(tmp_path):
    # a tester's report: "No findings in 1 file" read as a pass
    _write(tmp_path, {"d.txt": TALEBAN})
    result = run_cli("check", "--isolated", "--lang", "en", "--select", "TC103", "d.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.decode().strip() == ("transcheck: warning: TC103 (corpus-name-variant) compares files "
                                              "with one another: with one file it reports nothing")
    assert run_cli("check", "--isolated", "--lang", "en", "d.txt", cwd=tmp_path).stderr.decode() == ""


def test_variants_lists_the_spellings_across_files_as_text_and_json(tmp_path):
    _write(tmp_path, {"a.txt": TALIBAN, "b.txt": TALIBAN, "c.txt": TALIBAN, "d.txt": TALEBAN})
    text = run_cli("variants", "--isolated", "--lang", "en", ".", cwd=tmp_path).stdout.decode()
    assert text == "across files: Taliban (3 files, 6×) spelled Taleban in 1 file (2×): d.txt\n"
    data = json.loads(run_cli("variants", "--isolated", "--lang", "en", "--format", "json", ".", cwd=tmp_path).stdout)
    assert [(v["spelling"], v["dominant"], v["files"], v["paths"]) for v in data["across_files"]] == [
        ("Taleban", "Taliban", 1, ["d.txt"])]


def test_a_span_the_house_list_reports_is_not_reported_again(tmp_path):
    # a tester's report: TC102 and TC103 both on "Berzofski" of a listed "Jay Berzofski"; the
    # word alone, which the house list does not name, is still TC103's
    (tmp_path / "n.csv").write_text("name,variants\nJay Berzofsky,Jay Berzofski\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nnames = ["n.csv"]\n', encoding="utf-8")
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text("The scientist Jay Berzofsky said so. Berzofsky agreed.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The scientist Jay Berzofski said so. Later Jay Berzofski agreed.\n", encoding="utf-8")
    found = checker.check_paths([str(tmp_path)], select=["TC102", "TC103"])
    assert [(f.rule, f.text) for f in found] == [("TC102", "Berzofski")] * 2
    (tmp_path / "b.txt").write_text("The scientist Berzofski said so. Later Berzofski agreed.\n", encoding="utf-8")
    found = checker.check_paths([str(tmp_path)], select=["TC102", "TC103"])
    assert [(f.rule, f.text) for f in found] == [("TC103", "Berzofski")] * 2


def test_a_russian_spelling_used_across_files_is_drafted_in_the_nominative(tmp_path):
    # a final tester's report: a corpus writing "в Киеве" throughout, one file "в Кииве", drafted
    # Киеве: [Кииве] (a locative) beside Киев: [Киив]
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_text("Министр встретился с коллегами в Киеве. Переговоры в Киеве продолжатся.\n",
                                            encoding="utf-8")
    (tmp_path / "g.txt").write_text("Министр встретился с коллегами в Кииве. Переговоры в Кииве продолжатся.\n",
                                    encoding="utf-8")
    draft = run_cli("variants", "--isolated", "--lang", "ru", "--format", "names", ".", cwd=tmp_path).stdout.decode()
    entries = [line.strip() for line in draft.splitlines() if line.strip().startswith(("- name", "variants"))]
    assert entries == ['- name: "Киев"  # Киев 12×, Киив 2×', 'variants: ["Киив"]']


def test_a_draft_lists_a_name_without_the_title_before_it(tmp_path):
    # a final tester's report: "Präsident Selenskyj: [Präsident Zelensky]" was drafted as a name
    (tmp_path / "a.txt").write_text("Präsident Selenskyj sprach am Montag. Präsident Selenskyj forderte Hilfe. Später "
                                    "sagte Präsident Zelensky, er sei bereit. Selenskyj reiste ab.\n", encoding="utf-8")
    draft = run_cli("variants", "--isolated", "--lang", "de", "--format", "names", "a.txt", cwd=tmp_path).stdout.decode()
    entries = [line.strip() for line in draft.splitlines() if line.strip().startswith(("- name", "variants"))]
    assert entries == ['- name: "Selenskyj"  # Selenskyj 3×, Zelensky 1×', 'variants: ["Zelensky"]']
