"""Glossary and house-name loaders: TBX 2008, TBX v3, CSV/TSV, YAML; malformed files."""

import pytest

from checker.glossary import Status, load_glossary, load_house_names
from checker.model import InputError
from conftest import FIXTURES

G = FIXTURES / "glossary"


def terms(glossary, lang):
    return {(t.text, t.status) for e in glossary.entries for t in e.terms if t.lang == lang}


def test_tbx_basic_2008_statuses_tig_and_ntig():
    g = load_glossary(str(G / "basic2008.tbx"))
    assert len(g) == 3
    en = terms(g, "en")
    assert ("National Resistance Front", Status.PREFERRED) in en
    assert ("Afghan Resistance Front", Status.DEPRECATED) in en  # ntig > termGrp, termNote beside
    assert ("Resistance Council", Status.DEPRECATED) in en  # normativeAuthorization supersededTerm
    assert ("Tajik", Status.PREFERRED) in en
    nrf = g.entries[0]
    assert nrf.id == "nrf" and nrf.note.startswith("The anti-Taliban")
    assert [t.text for t in nrf.approved("en")] == ["National Resistance Front"]


@pytest.mark.parametrize("name", ["v3.tbx", "v3-dct.tbx"])
def test_tbx_v3_namespace_and_locales(name):
    # the DCA style (termNote type="administrativeStatus") and the DCT style
    # (<basic:administrativeStatus>): a tester's DCT file had every status read as preferred
    g = load_glossary(str(G / name))
    assert terms(g, "pt") == {("presidente interino", Status.PREFERRED)}
    assert terms(g, "en") == {("caretaker president", Status.PREFERRED), ("acting president", Status.ADMITTED),
                              ("interim president", Status.DEPRECATED)}
    assert g.entries[0].preferred("en").text == "caretaker president"


def test_tico19_csv_with_per_row_languages():
    g = load_glossary(str(G / "tico19-en-pt-BR.csv"))
    assert ("casos confirmados", Status.PREFERRED) in terms(g, "pt")
    assert ("confirmed cases", Status.PREFERRED) in terms(g, "en")
    assert all(e.note or True for e in g.entries)


def test_tsv_language_headers_status_and_continuation_rows():
    g = load_glossary(str(G / "editor.tsv"))
    taliban = g.entries[0]
    assert {(t.text, t.status) for t in taliban.in_lang("en")} == {("Taliban", Status.PREFERRED), ("Taleban", Status.DEPRECATED)}
    frn = g.entries[2]
    assert {(t.text, t.status) for t in frn.in_lang("en")} == {("NRF", Status.PREFERRED), ("FRN", Status.FORBIDDEN)}


def test_yaml_glossary():
    g = load_glossary(str(G / "editor.yaml"))
    assert len(g) == 3
    en = terms(g, "en")
    assert ("Afghan National Resistance Front", Status.FORBIDDEN) in en
    assert ("Tadjik", Status.DEPRECATED) in en
    assert ("Frente de Resistência Nacional", Status.PREFERRED) in terms(g, "pt")


def test_house_names_yaml_and_csv():
    names = load_house_names([str(G / "names.yaml"), str(G / "names.csv")])
    assert names.canonical_of("Taleban") == "Taliban"
    assert names.canonical_of("Talebans", "en") == "Taliban"
    assert names.canonical_of("Taliban") == "Taliban"
    assert names.canonical_of("Massud") == "Massoud"
    assert names.canonical_of("Kiev") == "Kyiv"
    assert names.canonical_of("Kabul") is None
    assert names.is_variant("Massud") and not names.is_variant("Massoud")


@pytest.mark.parametrize("text, words", [
    ("names: 5\n", "names.yaml:1: 'names' must be a list of names"),
    ("Taleban: [Taleban]\n", "names.yaml:1: the variant 'Taleban' is the name itself"),
    ("Taliban: [Taleban]\nTalib: [Taleban]\n", "names.yaml:2: the variant 'Taleban' is also listed under 'Taliban'"),
    # (a final tester's report: this one matched nothing to replace, silently)
    ("North Macedonia: [Macedonia]\n", "names.yaml:1: the variant 'Macedonia' is a word of the name 'North Macedonia'"),
])
def test_broken_house_name_lists_are_errors(tmp_path, text, words):
    (tmp_path / "names.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_house_names([str(tmp_path / "names.yaml")])
    assert words in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("name, line, words", [
    ("bad-unclosed.tbx", 5, "malformed XML"),
    ("bad-entity.tbx", 3, "entities"),  # (the declaration's line: a new user's report)
    ("bad-nolang.tbx", 4, "xml:lang"),
    ("bad-status.csv", 3, "unknown term status 'wrongish'"),
    ("bad-quote.csv", 3, "malformed CSV"),
    ("bad-syntax.yaml", 3, "invalid YAML"),  # (where the bracket left open opens)
    ("bad-key.yaml", 4, "unknown key 'colour'"),
    ("bad-duplicate.yaml", 4, "duplicate key 'es'"),  # (a tester's report: the first term was lost)
])
def test_malformed_files_give_one_line_naming_file_and_line(name, line, words):
    path = str(G / name)
    with pytest.raises(InputError) as info:
        load_glossary(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message


@pytest.mark.parametrize("name, text, line", [
    ("g.tbx", '<martif type="TBX"><text><body>\n<termEntry id="1"><langSet xml:lang="en"><tig><term>Taliban</term>'
              '</tig></langSet>\n<langSet xml:lang="portuguese"><tig><term>Talibã</term></tig></langSet>'
              '</termEntry>\n</body></text></martif>\n', 3),
    ("g.csv", "source,target,sourceLang,targetLang\nTaliban,Talibã,en,pt\nKabul,Cabul,en,portuguese\n", 3),
])
def test_a_language_code_that_is_no_language_is_an_error(tmp_path, name, text, line):
    # a tester's report: such a glossary loaded, and its terms never applied to any text
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_glossary(str(tmp_path / name))
    assert str(info.value).startswith(f"{tmp_path / name}:{line}: ") and "'portuguese' is no language code" in str(info.value)


def test_a_tbx_v3_term_outside_a_langsec_is_an_error(tmp_path):
    # its term has no language: it was dropped silently beside the entry's other langSecs
    (tmp_path / "g.tbx").write_text(
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>\n'
        '<conceptEntry id="1"><langSec xml:lang="en"><termSec><term>Taliban</term></termSec></langSec>\n'
        '<termSec><term>Talibã</term></termSec></conceptEntry>\n</body></text></tbx>\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_glossary(str(tmp_path / "g.tbx"))
    assert str(info.value).startswith(f"{tmp_path / 'g.tbx'}:3: <termSec> directly inside <conceptEntry>")


def test_a_row_with_no_term_at_all_is_skipped(tmp_path):
    # a tester's report: TICO-19's f_en-es_XX.csv ends with ",,es_XX,," rows: "empty target term"
    (tmp_path / "g.csv").write_text("id,sourceLang,targetLang,sourceString,targetString\n1,en,es_XX,flu,gripe\n"
                                    ",,es_XX,,\n", encoding="utf-8")
    assert [t.text for e in load_glossary(str(tmp_path / "g.csv")).entries for t in e.terms] == ["flu", "gripe"]
    (tmp_path / "g.csv").write_text("source,target\nflu,\n", encoding="utf-8")
    with pytest.raises(InputError, match="g.csv:2: empty target term"):
        load_glossary(str(tmp_path / "g.csv"))


def test_missing_and_unknown_format(tmp_path):
    with pytest.raises(InputError, match="cannot read glossary"):
        load_glossary(str(tmp_path / "none.tbx"))
    odd = tmp_path / "g.docx"
    odd.write_text("x")
    with pytest.raises(InputError, match="unknown glossary format"):
        load_glossary(str(odd))


def test_entities_are_never_expanded(tmp_path):
    with pytest.raises(InputError):
        load_glossary(str(G / "bad-entity.tbx"))
    external = tmp_path / "ext.tbx"
    external.write_text('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://example.invalid/x.dtd">\n'
                        '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>a</term></tig></langSet>'
                        '</termEntry></body></text></martif>\n')
    assert load_glossary(str(external)).entries[0].terms[0].text == "a"  # no DTD fetched


def test_ten_thousand_term_tbx_loads(tmp_path):
    path = tmp_path / "big.tbx"
    rows = "".join(
        f'<termEntry id="e{i}"><langSet xml:lang="pt"><tig><term>termo {i}</term></tig></langSet>'
        f'<langSet xml:lang="en"><tig><term>term number {i}</term><termNote type="administrativeStatus">'
        f'preferredTerm-admn-sts</termNote></tig></langSet></termEntry>\n' for i in range(5000))
    path.write_text(f'<?xml version="1.0"?>\n<martif><text><body>\n{rows}</body></text></martif>\n')
    g = load_glossary(str(path))  # (its speed is scripts/bench_glossary.py's: no timing in tests)
    assert sum(len(e.terms) for e in g.entries) == 10_000


@pytest.mark.parametrize("text, words", [
    ("source-lang: xx\nentries:\n  - source: a\n    target: b\n", "g.yaml:1: source-lang: invalid language code 'xx'"),
    ("entries:\n  - source: Taliban\n    target: \"\"\n", "g.yaml:3: 'target' is empty"),
    ("entries:\n  - pt: seca\n    en: \"\"\n", "g.yaml:3: 'en' is empty"),
    ("entries:\n  - pt: seca\n    xx: drought\n", "g.yaml:3: invalid language code 'xx'"),
])
def test_yaml_glossary_bad_language_or_empty_term(tmp_path, text, words):
    (tmp_path / "g.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_glossary(str(tmp_path / "g.yaml"))
    assert words in str(info.value)


def test_glossaries_and_styles_saved_as_utf16_load(tmp_path):
    # Spreadsheets export "Unicode text" as UTF-16 with a BOM; a Latin-1 file names its line.
    (tmp_path / "g.tsv").write_bytes("source\ttarget\tstatus\r\nFrente\tFront\tpreferred\r\n".encode("utf-16"))
    assert [t.text for t in load_glossary(str(tmp_path / "g.tsv")).entries[0].terms] == ["Frente", "Front"]
    from checker.style import load_style_file

    (tmp_path / "House.yml").write_bytes("extends: existence\nmessage: \"Avoid '%s'\"\ntokens: [Credit]\n".encode("utf-16"))
    assert [rule.name for rule in load_style_file(str(tmp_path / "House.yml"))] != []
    (tmp_path / "bad.csv").write_bytes("source,target\nFrente,Résistance\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"bad\.csv:2:9: cannot decode as UTF-8"):
        load_glossary(str(tmp_path / "bad.csv"))


def test_csv_header_of_unknown_words_is_an_error(tmp_path):
    # "foo,bar" is no pair of languages: its terms would never apply. Other columns beside
    # source,target may have any name.
    (tmp_path / "g.csv").write_text("foo,bar\nseca,drought\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.csv:1: 'foo' in the header is no language code"):
        load_glossary(str(tmp_path / "g.csv"))
    (tmp_path / "g.csv").write_text("source,target,pos\nseca,drought,noun\n", encoding="utf-8")
    assert [t.text for t in load_glossary(str(tmp_path / "g.csv")).entries[0].terms] == ["seca", "drought"]


def test_tbx_statuses_with_or_without_their_suffixes(tmp_path):
    # a tester's report: notRecommendedTerm-admn-sts was refused though notRecommended was read,
    # and the error named no TBX value
    from checker.glossary.model import Status, parse_status

    assert parse_status("notRecommendedTerm-admn-sts") is Status.DEPRECATED
    assert parse_status("forbiddenTerm") is Status.FORBIDDEN and parse_status("preferredTerm-admn-sts") is Status.PREFERRED
    assert parse_status("standardizedTerm-admn-sts") is Status.PREFERRED  # (a review)
    with pytest.raises(ValueError, match=r"unknown term status 'bogus' \(expected .* or TBX's preferredTerm-admn-sts"):
        parse_status("bogus")
    # every other name a status is read by is listed (a tester's note: obsolete was accepted, not listed)
    with pytest.raises(ValueError) as raised:
        parse_status("bogus")
    from checker.glossary.model import _STATUS_WORDS

    listed = str(raised.value).replace(" ", "").lower()
    assert all(word in listed for word in _STATUS_WORDS if not word.endswith("term"))


def test_a_term_both_approved_and_rejected_for_one_concept_is_an_error(tmp_path):
    # a tester's report: both were accepted silently, and the term neither passed nor failed
    from checker.glossary import load_glossaries

    (tmp_path / "a.csv").write_text("source,target,status\nTalibã,Taliban,preferred\nTalibã,Taliban,deprecated\n",
                                    encoding="utf-8")
    (tmp_path / "b.yaml").write_text("source-lang: pt\ntarget-lang: en\nentries:\n  - pt: Talibã\n    en: Taliban\n"
                                     "    forbidden: Taliban\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.csv:2: 'Taliban' is both approved and deprecated in one entry"):
        load_glossaries([str(tmp_path / "a.csv")])
    with pytest.raises(InputError, match=r"b\.yaml:4: 'Taliban' is both approved and forbidden in one entry"):
        load_glossaries([str(tmp_path / "b.yaml")])
    # the same word rejected for another concept, or written otherwise (case decides), is no contradiction
    (tmp_path / "c.csv").write_text("source,target,status\nTalibã,Taliban,preferred\nbanco,Taliban,forbidden\n"
                                    "covid-19,Covid-19,preferred\ncovid-19,COVID-19,forbidden\n", encoding="utf-8")
    loaded = load_glossaries([str(tmp_path / "c.csv")])
    assert sorted((t.text, str(t.status)) for e in loaded.entries for t in e.terms if t.side == "target") == [
        ("COVID-19", "forbidden"), ("Covid-19", "preferred"), ("Taliban", "forbidden"), ("Taliban", "preferred")]
    # two entries the same but for one status, in two files: an error naming both
    (tmp_path / "d.yaml").write_text("source-lang: pt\ntarget-lang: en\nentries:\n  - pt: Talibã\n    deprecated: Taliban\n",
                                     encoding="utf-8")
    (tmp_path / "e.yaml").write_text("source-lang: pt\ntarget-lang: en\nentries:\n  - pt: Talibã\n    en: Taliban\n",
                                     encoding="utf-8")
    with pytest.raises(InputError, match=r"e\.yaml:4: 'Taliban' is both approved and deprecated in two entries that "
                                         r"are otherwise the same \(and .*d\.yaml:4\)"):
        load_glossaries([str(tmp_path / "d.yaml"), str(tmp_path / "e.yaml")])
    # two concepts in TBX: ministro, a minister; ministro, a judge (justice; minister deprecated)
    (tmp_path / "m.tbx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="pt"><text><body>\n'
        '<termEntry id="c1"><langSet xml:lang="pt"><tig><term>ministro</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>minister</term></tig></langSet></termEntry>\n'
        '<termEntry id="c2"><langSet xml:lang="pt"><tig><term>ministro</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>justice</term></tig><tig><term>minister</term>'
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>\n'
        '</body></text></martif>\n', encoding="utf-8")
    assert len(load_glossaries([str(tmp_path / "m.tbx")]).entries) == 2


def test_yaml_aliases_are_read_once_not_expanded(tmp_path, monkeypatch):
    """An alias is its anchor's node again: a legitimate one works, nested ones are walked once
    (nine aliases of nine aliases ... once took 50 s on 450 bytes: a tester's report)."""
    from checker.glossary import yamlfile

    depth = 6
    lines = ['  - pt: a0\n    en: b0\n    note: &n0 "shared note"']
    for i in range(1, depth + 1):
        lines.append(f"  - pt: a{i}\n    en: b{i}\n    see: &s{i} [" + ", ".join([f"*s{i - 1}" if i > 1 else "*n0"] * 9) + "]")
    (tmp_path / "g.yaml").write_text("entries:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    visits = []
    real_kind = yamlfile.kind
    monkeypatch.setattr(yamlfile, "kind", lambda node: visits.append(node) or real_kind(node))
    with pytest.raises(InputError) as info:
        load_glossary(str(tmp_path / "g.yaml"))
    assert "g.yaml:7: see must be a non-empty string" in str(info.value)  # (a language code)
    assert len(visits) < 200  # (9**6 paths through the aliases)

    (tmp_path / "ok.yaml").write_text("entries:\n  - pt: talibã\n    en: Taliban\n    note: &n The group's name.\n"
                                      "  - pt: tajique\n    en: Tajik\n    note: *n\n", encoding="utf-8")
    assert [e.note for e in load_glossary(str(tmp_path / "ok.yaml")).entries] == ["The group's name."] * 2


@pytest.mark.parametrize("name, text, words", [
    ("g.yaml", "entries: &e\n  - pt: a\n    en: *e\n", "g.yaml:2: en must be a non-empty string"),
    ("names.yaml", "names: &n [*n]\n", "names.yaml:1: a name must be a mapping"),
])
def test_an_alias_inside_its_own_anchor_is_an_error_naming_the_file(tmp_path, name, text, words):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        (load_glossary if name == "g.yaml" else lambda p: load_house_names([p]))(str(tmp_path / name))
    assert words in str(info.value) and "\n" not in str(info.value)
