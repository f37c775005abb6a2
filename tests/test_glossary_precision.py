"""TC201 precision: renderings a translator legitimately uses that are not the approved term's
exact words (each case with one that must still be reported)."""

import checker
from conftest import glossary_config


def gpair(tmp_path, rows, source, target, lang):
    csv = "source,target,status,note\n" + "".join(f"{s},{t},preferred,\n" for s, t in rows)
    return checker.check_pair(source, target, source_lang="en", lang=lang, config=str(glossary_config(tmp_path, csv)),
                              select=["TC201"])


# ------------------------------------------------- an ordinary word beside an identifier

N95 = [("N95 respirators", "respirateur N95")]


def test_tc201_ordinary_word_beside_an_identifier_may_be_its_adjective(tmp_path):
    # the model (N95) is there as it is; respirateur is rendered by its adjective respiratoires
    assert gpair(tmp_path, N95, "N95 respirators are approved.", "Les masques respiratoires N95 sont approuvés.", "fr") == []


def test_tc201_identifier_word_itself_must_be_there(tmp_path):
    found = gpair(tmp_path, N95, "N95 respirators are approved.", "Les masques respiratoires N99 sont approuvés.", "fr")
    assert [f.suggestions for f in found] == [["respirateur N95"]]
    found = gpair(tmp_path, N95, "N95 respirators are approved.", "Les masques N95 sont approuvés.", "fr")
    assert [f.suggestions for f in found] == [["respirateur N95"]]


# ------------------------------------------------- a hyphenated source compound written as one word

SELF = [("self quarantine", "quarentena voluntária"), ("quarantine", "quarentena")]


def test_tc201_hyphenated_source_term_written_as_one_word_passes(tmp_path):
    # the glossary writes self quarantine; the source self-quarantine; the translation one word
    assert gpair(tmp_path, SELF, "The strongest self-quarantine instructions were issued.",
                 "As instruções mais incisivas de autoquarentena foram emitidas.", "pt") == []


def test_tc201_hyphenated_source_term_lost_or_unhyphenated_is_reported(tmp_path):
    found = gpair(tmp_path, SELF, "The strongest self-quarantine instructions were issued.",
                  "As instruções mais incisivas de isolamento foram emitidas.", "pt")
    assert [f.suggestions for f in found] == [["quarentena voluntária"]]
    # without the hyphen the source says two words; a free-standing term needs a word of its own
    found = gpair(tmp_path, SELF, "The strongest self quarantine instructions were issued.",
                  "As instruções mais incisivas de autoquarentena foram emitidas.", "pt")
    assert [f.suggestions for f in found] == [["quarentena voluntária"]]


ISOLATION = [("self isolation", "isolamento voluntário"), ("isolation", "isolamento")]


def test_tc201_hyphenated_source_term_one_word_holding_any_content_word_passes(tmp_path):
    # the stemmer cuts isolamento to isol-, shorter than voluntári-: the one word may hold either
    assert gpair(tmp_path, ISOLATION, "Health agencies issued instructions for proper self-isolation.",
                 "As agências de saúde emitiram instruções para o autoisolamento adequado.", "pt") == []
    found = gpair(tmp_path, ISOLATION, "Health agencies issued instructions for proper self-isolation.",
                  "As agências de saúde emitiram instruções para o distanciamento adequado.", "pt")
    assert [f.suggestions for f in found] == [["isolamento voluntário"]]
    found = gpair(tmp_path, ISOLATION, "Health agencies issued instructions for proper self isolation.",
                  "As agências de saúde emitiram instruções para o autoisolamento adequado.", "pt")
    assert [f.suggestions for f in found] == [["isolamento voluntário"]]


# ------------------------------------------------- variants of one source term

WASH = [("hand-washing", "lavagem das mãos"), ("washing hands", "lavar as mãos"), ("wash your hands", "lave as mãos")]


def test_tc201_variant_of_the_term_rendered_by_its_own_translation_passes(tmp_path):
    # washing hands and hand-washing are the same words: the glossary's rendering of either counts
    assert gpair(tmp_path, WASH, "Hot water that is comfortable for washing hands is not hot enough.",
                 "Água quente que seja confortável para a lavagem das mãos não é quente o bastante.", "pt") == []


def test_tc201_variant_rendering_counts_once_and_never_for_other_words(tmp_path):
    # one rendering for two occurrences of the variants: the other is still missing
    found = gpair(tmp_path, WASH, "People wash hands, and value hand washing equipment.",
                  "As pessoas lavam as mãos e dão valor a equipamentos para outras coisas.", "pt")
    assert [f.suggestions for f in found] == [["lavagem das mãos"]]
    # said twice, rendered once by a variant: still short
    found = gpair(tmp_path, WASH, "Hand washing taps are scarce; build hand washing stations.",
                  "Há poucas torneiras para lavar as mãos; construa estações de água.", "pt")
    assert [f.suggestions for f in found] == [["lavagem das mãos"]]
    # a common word first or last is part of the term: new coronavirus pneumonia is no variant
    rows = [("new coronavirus pneumonia", "pneumonia do recente coronavírus"),
            ("coronavirus pneumonia", "pneumonia devido ao coronavírus")]
    found = gpair(tmp_path, rows, "Cases of new coronavirus pneumonia rose.",
                  "Os casos de pneumonia devido ao coronavírus aumentaram.", "pt")
    assert [f.suggestions for f in found] == [["pneumonia do recente coronavírus"]]


# ------------------------------------------------- a form the stemmer cuts shorter than the term

REPATRIATE = [("repatriated", "repatriar")]


def test_tc201_verb_form_stemmed_shorter_than_the_term_passes(tmp_path):
    # Snowball stems repatriar to repatri- but repatrió to repatr-: the word still begins with
    # the term's stem, and it is a word of the language
    assert gpair(tmp_path, REPATRIATE, "On 14 March an aircraft repatriated 112 citizens.",
                 "El 14 de marzo, un avión repatrió a 112 ciudadanos.", "es") == []


def test_tc201_verb_form_stemmed_shorter_needs_the_stem_and_a_word(tmp_path):
    found = gpair(tmp_path, REPATRIATE, "On 14 March an aircraft repatriated 112 citizens.",
                  "El 14 de marzo, un avión trajo a 112 ciudadanos.", "es")
    assert [f.suggestions for f in found] == [["repatriar"]]
    found = gpair(tmp_path, REPATRIATE, "On 14 March an aircraft repatriated 112 citizens.",
                  "El 14 de marzo, un avión repatrixq a 112 ciudadanos.", "es")
    assert [f.suggestions for f in found] == [["repatriar"]]


# ------------------------------------------------- a term word agreeing in number or gender

FACE = [("face masks", "máscara facial")]


def test_tc201_term_adjective_agreeing_in_number_passes(tmp_path):
    # Snowball stems faciais to fac- and facial to facial: the plural is still the term's word
    assert gpair(tmp_path, FACE, "Surgical face masks keep droplets from spreading.",
                 "Máscaras faciais cirúrgicas impedem a propagação de gotículas.", "pt") == []


def test_tc201_term_word_changed_inside_is_no_agreement(tmp_path):
    # only the last letter may change: a swap inside the word is a typo (fieber for fiebre)
    found = gpair(tmp_path, [("fever", "fiebre")], "Symptoms such as fever and a sore throat.",
                  "Síntomas como fieber y dolor de garganta.", "es")
    assert [f.suggestions for f in found] == [["fiebre"]]
    found = gpair(tmp_path, FACE, "Surgical face masks keep droplets from spreading.",
                  "Máscaras cirúrgicas impedem a propagação de gotículas.", "pt")
    assert [f.suggestions for f in found] == [["máscara facial"]]


# ------------------------------------------------- another term's rendering, inflected, is taken

EPIDEMIC = [("epidemic", "epidemia"), ("epidemic disease", "enfermedad epidémica")]


def test_tc201_plural_rendering_of_another_term_is_not_a_word_of_the_family(tmp_path):
    # enfermedades epidémicas renders epidemic diseases (Snowball keys enfermedades apart from
    # enfermedad); its epidémicas is not also the rendering of the epidemic said before
    source = "They must contain a potential epidemic early and raise awareness about epidemic diseases."
    found = gpair(tmp_path, EPIDEMIC, source,
                  "Deben contener una posible crisis pronto y concienciar sobre las enfermedades epidémicas.", "es")
    assert [f.suggestions for f in found] == [["epidemia"]]
    assert gpair(tmp_path, EPIDEMIC, source,
                 "Deben contener una posible epidemia pronto y concienciar sobre las enfermedades epidémicas.", "es") == []


# ------------------------------------------------- two rows with the same source term

TWINS = [("alcohol based hand sanitizer", "desinfetante das mãos à base de álcool"),
         ("alcohol-based hand sanitizer", "desinfetante para as mãos à base de álcool")]


def test_tc201_either_row_of_one_source_term_renders_it(tmp_path):
    # the stemmer joins medicine and medicines, so the source matches one row: the other row's
    # translation is approved as well
    rows = [("medicine", "medicamento"), ("medicines", "fármacos")]
    for source in ("The medicine arrived.", "The medicine's price rose."):
        assert gpair(tmp_path, rows, source, "O fármaco chegou.", "pt") == []
        assert gpair(tmp_path, rows, source, "O medicamento chegou.", "pt") == []
    assert gpair(tmp_path, rows, "The medicine arrived.", "O remédio chegou.", "pt") != []


def test_tc201_names_every_row_of_the_missing_source_term(tmp_path):
    found = gpair(tmp_path, TWINS, "Use an alcohol-based hand sanitizer.", "Use um higienizador.", "pt")
    assert len(found) == 1
    assert sorted(found[0].suggestions) == sorted(t for _, t in TWINS)
    entries = found[0].extra["glossary_entries"]
    assert entries[0] == found[0].extra["glossary_entry"]
    assert sorted(int(e.rpartition(":")[2]) for e in entries) == [2, 3]


def _yaml_config(tmp_path, entries_yaml):
    """A transcheck.toml naming one en -> pt YAML glossary whose entries are ``entries_yaml``."""
    glossary = tmp_path / "terms.yaml"
    glossary.write_text("source-lang: en\ntarget-lang: pt\nentries:\n"
                        + "".join(f"  {line}\n" for line in entries_yaml.splitlines()), encoding="utf-8")
    config = tmp_path / "transcheck.toml"
    config.write_text(f'glossaries = ["{glossary.as_posix()}"]\n', encoding="utf-8")
    return config


def ypair(tmp_path, entries_yaml, source, target):
    """TC201 on one pair with a YAML glossary whose entries are ``entries_yaml``."""
    config = _yaml_config(tmp_path, entries_yaml)
    return checker.check_pair(source, target, source_lang="en", lang="pt", config=str(config), select=["TC201"])


def test_tc201_rows_that_match_differently_are_no_twins(tmp_path):
    # an acronym row and a word row share a key, not a match (AIDS only in capitals)
    rows = "- en: AIDS\n  pt: aids\n- en: aid\n  pt: ajuda\n"
    assert [f.suggestions for f in ypair(tmp_path, rows, "AIDS kills millions.", "A ajuda mata milhões.")] == [["aids"]]
    assert [f.suggestions for f in ypair(tmp_path, rows, "The aid arrived.", "A aids chegou.")] == [["ajuda"]]


def test_tc201_a_twin_said_by_its_own_synonym_keeps_its_translation(tmp_path):
    # isolamento renders isolation, which the source says; quarantine is still missing
    rows = "- en: quarantine\n  pt: quarentena\n- en: [quarantine, isolation]\n  pt: isolamento\n"
    found = ypair(tmp_path, rows, "Quarantine and isolation are different.", "O isolamento é diferente.")
    assert [f.suggestions for f in found] == [["quarentena"]]
    # ... but a rendering its own occurrences leave over renders the term (two isolamento)
    assert ypair(tmp_path, rows, "Quarantine is hard. Isolation is worse.",
                 "O isolamento é difícil e o isolamento é pior.") == []


def test_tc201_a_wrong_form_of_a_twin_is_reported_once(tmp_path):
    # the deprecated term of the row with a translation is TC202's; TC201 does not repeat it
    rows = "- en: quarantine\n  fr: quarantaine\n- en: quarantine\n  pt: {preferred: quarentena, deprecated: isolamento}\n"
    found = checker.check_pair("Quarantine is hard.", "O isolamento é difícil.", source_lang="en", lang="pt",
                               config=str(_yaml_config(tmp_path, rows)))
    assert [f.rule for f in found] == ["TC202"]


def test_tc201_names_the_twin_with_a_translation(tmp_path):
    # the matched row has only a French term: the finding names the Portuguese row
    rows = "- en: quarantine\n  fr: quarantaine\n- en: quarantine\n  pt: quarentena\n"
    found = ypair(tmp_path, rows, "Quarantine is hard.", "O confinamento é difícil.")
    assert [f.suggestions for f in found] == [["quarentena"]]
    assert found[0].extra["glossary_entry"].endswith(":6") and "glossary_entries" not in found[0].extra


def test_tc201_one_translation_in_two_rows_counts_once(tmp_path):
    # TICO-19 lists coronavirus -> coronavirus twice: one rendering must not count for two
    rows = [("coronavirus", "coronavirus"), ("coronavirus", "coronavirus")]
    source = "A bat coronavirus and a pangolin coronavirus are related."
    found = gpair(tmp_path, rows, source, "Um coronavírus de morcego e um de pangolim são parentes.", "pt")
    assert [f.suggestions for f in found] == [["coronavirus"]] and "occurs 2 times" in found[0].message


def test_tc201_portuguese_spellings_before_and_after_1990_are_one_word(tmp_path):
    # a European (pre-agreement) term in a Brazilian text: the silent c or p comes and goes
    rows = [("infected", "infetado"), ("contact", "contacto")]
    assert gpair(tmp_path, rows, "Two people were infected.", "Duas pessoas foram infectadas.", "pt") == []
    assert gpair(tmp_path, rows, "Avoid contact.", "Evite o contato.", "pt") == []
    # not in short words: pacto is no pato
    assert gpair(tmp_path, [("pact", "pacto")], "The pact holds.", "O pato resiste.", "pt") != []
