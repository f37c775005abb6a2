"""TC201 guards: hyphenated compounds in the source, acronyms rendered by their expansion, source
words that are derivations (not inflections) of a term, derived and root words in the target;
TC203 in the pair path: a word the source itself spells so."""

import checker
from conftest import FIXTURES, glossary_config

G = FIXTURES / "glossary"


def pair(config_path, source, target):
    return checker.check_pair(source, target, source_lang="en", lang="pt", config=config_path, select=["TC201"])


def cfg(tmp_path):
    path = tmp_path / "transcheck.toml"
    path.write_text(f'glossaries = ["{G / "acronyms-en-pt.csv"}"]\n')
    return str(path)


def glossary_pair(tmp_path, csv, source, target, source_lang="en", lang="pt"):
    """TC201 on one source/target pair with a glossary of ``csv`` rows (a header first)."""
    return checker.check_pair(source, target, source_lang=source_lang, lang=lang,
                              config=str(glossary_config(tmp_path, csv)), select=["TC201"])


def test_tc201_compound_rendered_as_one_word_passes(tmp_path):
    assert pair(cfg(tmp_path), "Stay in self-quarantine for 14 days.", "Fique em autoquarentena por 14 dias.") == []


def test_tc201_compound_with_the_term_lost_is_reported(tmp_path):
    found = pair(cfg(tmp_path), "Stay in self-quarantine for 14 days.", "Fique em casa por 14 dias.")
    assert [f.suggestions for f in found] == [["quarentena"]]


def test_tc201_prefix_inside_a_word_does_not_count_without_hyphen(tmp_path):
    # a standalone occurrence must be rendered by a word of its own, not inside a compound
    found = pair(cfg(tmp_path), "Stay in quarantine.", "Fique em autoquarentena.")
    assert [f.suggestions for f in found] == [["quarentena"]]


def test_tc201_verb_done_to_oneself_rendered_as_one_self_compound_passes(tmp_path):
    # quarantined themselves: the self- compound (autoquarentena) renders the reflexive verb
    assert pair(cfg(tmp_path), "Those infected quarantined themselves for 14 days.",
                "Os infectados fizeram autoquarentena por 14 dias.") == []
    found = pair(cfg(tmp_path), "Those infected quarantined themselves for 14 days.",
                 "Os infectados ficaram em casa por 14 dias.")
    assert [f.suggestions for f in found] == [["quarentena"]]


def test_tc201_acronym_rendered_by_its_expansion_passes(tmp_path):
    assert pair(cfg(tmp_path), "The WHO said so.", "A Organização Mundial da Saúde disse isso.") == []
    assert pair(cfg(tmp_path), "The World Health Organization said so.", "A OMS disse isso.") == []


def test_tc201_acronym_and_expansion_both_in_source_need_both(tmp_path):
    found = pair(cfg(tmp_path), "The World Health Organization (WHO) said so.",
                 "A Organização Mundial da Saúde disse isso.")
    assert [f.suggestions for f in found] == [["OMS"]]


def test_tc201_acronym_dropped_is_reported(tmp_path):
    found = pair(cfg(tmp_path), "The WHO said so.", "O governo disse isso.")
    assert [f.suggestions for f in found] == [["OMS"]]


# ------------------------------------------------------------------ derivations (both sides)


def dcfg(tmp_path):
    path = tmp_path / "transcheck.toml"
    path.write_text(f'glossaries = ["{G / "derivations-en-pt.csv"}"]\n')
    return str(path)


def dpair(tmp_path, source, target, select=("TC201",)):
    return checker.check_pair(source, target, source_lang="en", lang="pt", config=dcfg(tmp_path), select=list(select))


def test_english_inflection_joins_inflections_not_derivations():
    from checker.glossary.index import english_inflection

    for word, form in [("infects", "infected"), ("quarantined", "quarantine"), ("viruses", "virus"),
                       ("studies", "study"), ("stopped", "stop"), ("washing", "wash"), ("diagnoses", "diagnosis")]:
        assert english_inflection(word, form), (word, form)
    for word, form in [("medicinal", "medicine"), ("transmissive", "transmission"), ("isolating", "isolation"),
                       ("infection", "infected"), ("vaccinated", "vaccine"), ("illness", "ill")]:
        assert not english_inflection(word, form), (word, form)


def test_tc201_source_derivation_of_a_term_is_not_the_term(tmp_path):
    # the stemmer folds medicinal into medicine; it is an adjective, not a form of the term
    assert dpair(tmp_path, "They scaled up from a medicinal chemist.", "Eles passaram de um químico farmacêutico.") == []


def test_tc201_source_inflection_of_a_term_still_counts(tmp_path):
    found = dpair(tmp_path, "Take the medicines.", "Tome os remédios.")
    assert [f.suggestions for f in found] == [["medicamento"]]
    found = dpair(tmp_path, "The virus infects people.", "O vírus contamina as pessoas.")
    assert [f.suggestions for f in found] == [["infectado"]]


def test_tc201_derived_word_beginning_with_the_term_stem_passes(tmp_path):
    assert dpair(tmp_path, "I got a slight fever too.", "Eu fiquei febril, também.") == []


def test_tc201_unrelated_word_for_the_term_is_reported(tmp_path):
    found = dpair(tmp_path, "I got a slight fever too.", "Eu fiquei cansado, também.")
    assert [f.suggestions for f in found] == [["febre"]]


def test_tc201_root_word_with_the_other_words_renders_a_multiword_term(tmp_path):
    # lavar (stem lav-) is the root of lavagem (lavag-): the verb renders the noun phrase
    assert dpair(tmp_path, "Hand washing matters.", "Lavar as mãos é importante.") == []


def test_tc201_root_word_without_the_other_words_is_reported(tmp_path):
    found = dpair(tmp_path, "Hand washing matters.", "Lavar o carro é importante.")
    assert [f.suggestions for f in found] == [["lavagem das mãos"]]


def test_tc201_another_terms_rendering_is_not_also_this_terms_root_word(tmp_path):
    # lavam as mãos renders wash hands; hand washing still lacks a rendering of its own
    found = dpair(tmp_path, "People wash hands more often and value hand washing equipment.",
                  "As pessoas lavam as mãos com mais frequência e valorizam equipamentos de higiene.")
    assert [f.suggestions for f in found] == [["lavagem das mãos"]]
    assert dpair(tmp_path, "People wash hands more often and value hand washing equipment.",
                 "As pessoas lavam as mãos com mais frequência e valorizam equipamentos de lavagem das mãos.") == []


def test_tc203_word_the_source_spells_so_is_left_in_the_pair_path(tmp_path):
    # vaccinia (a virus) is no form of the source term vaccine: the translator kept the name
    source, target = "It protects against the vaccinia virus.", "Protege contra o vírus vaccinia."
    assert dpair(tmp_path, source, target, ("TC203",)) == []
    # without the source, the near-miss stands
    found = checker.check_text(target, lang="pt", config=dcfg(tmp_path), select=["TC203"])
    assert [f.text for f in found] == ["vaccinia"]


def test_tc203_source_term_left_untranslated_is_still_reported(tmp_path):
    found = dpair(tmp_path, "Many infected people.", "Muitas pessoas infected.", ("TC203",))
    assert [(f.text, f.suggestions) for f in found] == [("infected", ["infectado"])]


def test_tc203_attested_derivation_of_a_term_is_no_misspelling(tmp_path):
    # pandêmica is rare (Zipf 1.5) but attested; a random typo of the term is not
    assert dpair(tmp_path, "NPIs are a component of pandemic mitigation.",
                 "NPIs são um componente da mitigação pandêmica.", ("TC203",)) == []


def test_tc203_unattested_form_of_a_term_is_still_a_misspelling(tmp_path):
    found = dpair(tmp_path, "The pandemic spread.", "A pandemiia se espalhou.", ("TC203",))
    assert [(f.text, f.suggestions) for f in found] == [("pandemiia", ["pandemia"])]


def test_tc201_rare_attested_derived_word_renders_the_term(tmp_path):
    # vacinal (Zipf 1.7): the relational adjective of vacina renders an attributive vaccine
    assert dpair(tmp_path, "A vaccine strategy.", "Uma estratégia vacinal.") == []
    found = dpair(tmp_path, "A vaccine strategy.", "Uma estratégia nova.")
    assert [f.suggestions for f in found] == [["vacina"]]


def test_source_term_inside_a_quoted_name_is_not_reported(tmp_path):
    # the translation keeps the English name; TC203 does not call Vaccine a term left
    # untranslated, and TC201 counts it as rendered
    source, target = "The International Vaccine Centre began work.", "O International Vaccine Centre começou o trabalho."
    assert dpair(tmp_path, source, target, ("TC201", "TC203")) == []
    assert dpair(tmp_path, source, target, ("TC201",)) == []


def test_source_term_left_untranslated_outside_a_name_is_reported(tmp_path):
    found = dpair(tmp_path, "Take the vaccine now.", "Tome o vaccine agora.", ("TC203",))
    assert [(f.text, f.suggestions) for f in found] == [("vaccine", ["vacina"])]
    # a lower-case term beside an English word is no name: still reported
    found = dpair(tmp_path, "Take the vaccine now.", "Tome the vaccine agora.", ("TC203",))
    assert [f.text for f in found] == ["vaccine"]
    found = dpair(tmp_path, "The International Vaccine Centre began work.", "O centro internacional começou o trabalho.")
    assert [f.suggestions for f in found] == [["vacina"]]


def test_tc203_source_term_spelled_as_in_the_source_without_accents_is_reported(tmp_path):
    # virus is a common spelling in Portuguese text (Zipf 3.45), so alone it passes; beside an
    # English source that says virus it is the source term left as it is
    found = dpair(tmp_path, "The virus was isolated.", "O virus foi isolado.", ("TC203",))
    assert [(f.text, f.suggestions) for f in found] == [("virus", ["vírus"])]
    assert checker.check_text("O virus foi isolado.", lang="pt", config=dcfg(tmp_path), select=["TC203"]) == []
    assert dpair(tmp_path, "The pathogen was isolated.", "O virus foi isolado.", ("TC203",)) == []


def test_tc203_source_term_inside_a_quoted_title_is_not_reported(tmp_path):
    assert dpair(tmp_path, "Patients with Coronavirus Disease 2019 in the United States",
                 "Patients with Coronavirus Disease 2019 nos Estados Unidos", ("TC203",)) == []


def test_tc203_nothing_is_reported_inside_a_url(tmp_path):
    found = checker.check_text("Veja https://example.org/pandemic/plan e a pandemia.", lang="pt",
                               config=dcfg(tmp_path), select=["TC203"])
    assert found == []
    found = checker.check_text("Veja o pandemic plan e a pandemia.", lang="pt", config=dcfg(tmp_path), select=["TC203"])
    assert [f.text for f in found] == ["pandemic"]


def test_tc203_attested_word_one_edit_from_a_term_is_no_misspelling(tmp_path):
    path = tmp_path / "es.toml"
    path.write_text(f'glossaries = ["{G / "derivations-en-es.csv"}"]\n')
    # repatrió (Zipf 1.5) is a form of the verb, one edit from its stem; repatrair is a typo
    assert checker.check_text("Un avión repatrió a 112 ciudadanos.", lang="es", config=str(path), select=["TC203"]) == []
    found = checker.check_text("Un avión va a repatrair a 112 ciudadanos.", lang="es", config=str(path), select=["TC203"])
    assert [(f.text, f.suggestions) for f in found] == [("repatrair", ["repatriar"])]


# ------------------------------------------------- a term rendered by its parts' approved terms


def ccfg(tmp_path):
    path = tmp_path / "transcheck.toml"
    path.write_text(f'glossaries = ["{G / "compositions-en-fr.csv"}"]\n')
    return str(path)


def cpair(tmp_path, source, target):
    return checker.check_pair(source, target, source_lang="en", lang="fr", config=ccfg(tmp_path), select=["TC201"])


def test_tc201_term_rendered_by_its_parts_terms_passes(tmp_path):
    # covid-19 deaths = covid-19 + deaths: décès liés à la covid-19 carries both approved renderings
    assert cpair(tmp_path, "Not all COVID-19 deaths were counted.",
                 "Tous les décès liés à la COVID-19 n'ont pas été comptés.") == []


def test_tc201_parts_needed_by_their_own_occurrences_do_not_count(tmp_path):
    # the one décès renders the standalone Deaths; the covid-19 deaths went untranslated
    found = cpair(tmp_path, "Deaths rose, and not all COVID-19 deaths were counted.",
                  "Les décès ont augmenté, et tous ne sont pas comptés pour la COVID-19.")
    assert [f.suggestions for f in found] == [["morts du covid-19"]]


def test_tc201_function_word_between_two_parts_is_skipped(tmp_path):
    # deaths from COVID-19 = deaths + COVID-19, "from" joining them
    assert cpair(tmp_path, "Deaths from COVID-19 fell.", "Les décès liés à la COVID-19 ont baissé.") == []


def test_tc201_common_word_at_the_edge_is_no_function_word(tmp_path):
    # "new" is common (Zipf >= 6) but no joiner: new AIDS deaths is not AIDS + deaths
    found = cpair(tmp_path, "New AIDS deaths were reported.", "Des décès dus au AIDS ont été signalés.")
    assert [f.suggestions for f in found] == [["nouveaux décès du AIDS"]]


def test_tc201_a_term_with_a_part_that_is_no_term_is_not_composed(tmp_path):
    # hay is no term: fièvre (fever's rendering) does not render hay fever
    found = cpair(tmp_path, "I have hay fever.", "J'ai de la fièvre.")
    assert [f.suggestions for f in found] == [["rhume des foins"]]


# -------------------------------------------------- the target language's acronym, reordered


def test_tc201_acronym_with_its_letters_reordered_passes(tmp_path):
    # AIDS is kept as AIDS in this glossary; SIDA is the French acronym of the same words
    assert cpair(tmp_path, "AIDS is a disease.", "Le SIDA est une maladie.") == []
    assert cpair(tmp_path, "Some develop ARDS.", "Certains développent un SDRA.") == []


def test_tc201_acronym_left_in_the_source_order_or_other_letters_is_reported(tmp_path):
    # ARDS -> SDRA: ARDS is the source acronym left untranslated (TC203 says so), SIA other letters
    found = checker.check_pair("Some develop ARDS.", "Certains développent un ARDS.", source_lang="en", lang="fr",
                               config=ccfg(tmp_path), select=["TC2"])
    assert [(f.rule, f.text) for f in found] == [("TC203", "ARDS")]
    found = cpair(tmp_path, "AIDS is a disease.", "Le SIA est une maladie.")
    assert [f.suggestions for f in found] == [["AIDS"]]


def test_tc201_acronym_with_two_letters_swapped_is_a_typo(tmp_path):
    # SDAR is one swap from SDRA and no word: a typo, not the target language's acronym
    found = cpair(tmp_path, "Some develop ARDS.", "Certains développent un SDAR.")
    assert [f.suggestions for f in found] == [["SDRA"]]


def test_tc201_acronym_named_by_the_glossary_is_followed_to_the_letter(tmp_path):
    # ARDS -> SDRA: the glossary names the French acronym; another order of its letters is wrong
    found = cpair(tmp_path, "Some develop ARDS.", "Certains développent un DRAS.")
    assert [f.suggestions for f in found] == [["SDRA"]]


def test_tc201_acronym_kept_with_two_letters_swapped_is_a_typo(tmp_path):
    # AIDS -> AIDS: SIDA is French, ADIS (one swap, no word) a typo
    found = cpair(tmp_path, "AIDS is a disease.", "Le ADIS est une maladie.")
    assert [f.suggestions for f in found] == [["AIDS"]]


# ------------------------------------------------- Romance nouns and the verbs that share their stem


def pt_source_pair(tmp_path, source, target):
    return glossary_pair(tmp_path, "source,target\nseca,drought\nagricultor,farmer\n", source, target,
                         source_lang="pt", lang="en")


def test_tc201_verb_sharing_a_nouns_stem_is_not_the_noun(tmp_path):
    # Snowball stems secaram (dried) and seca (drought) alike: the verb is no form of the noun
    found = pt_source_pair(tmp_path, "Os agricultores secaram o milho. O sol secou tudo.",
                           "The farmers dried the maize. The sun dried everything.")
    assert found == []


def test_tc201_nouns_own_inflections_still_count(tmp_path):
    found = pt_source_pair(tmp_path, "As secas atingiram os agricultores.", "The dry spells hit the farmers.")
    assert [f.suggestions for f in found] == [["drought"]]


def test_romance_inflection_joins_number_and_gender_not_the_verb():
    from checker.glossary.index import romance_inflection

    inflects = romance_inflection("pt")
    for word, form in [("secas", "seca"), ("confirmadas", "confirmado"), ("vacinas", "vacina"),
                       ("faciais", "facial"), ("homens", "homem"), ("lavam", "lavar"), ("pandmia", "pandemia")]:
        assert inflects(word, form), (word, form)
    for word, form in [("secaram", "seca"), ("secou", "seca"), ("secam", "seca"), ("secar", "seca"),
                       ("medica", "medicamento")]:
        assert not inflects(word, form), (word, form)
    french = romance_inflection("fr")
    assert french("infectieuse", "infectieux") and french("active", "actif") and french("animaux", "animal")
    assert not french("malade", "maladie")


# ------------------------------------------------------------ a common verb inside a term


def verb_pair(tmp_path, target):
    return glossary_pair(tmp_path, "source,target\nbe infected,estar infectado\n", "He may be infected.", target)


def test_tc201_conjugated_common_verb_of_a_term_renders_it(tmp_path):
    # está (Zipf 6.2) is as common as a function word, and Snowball keys it apart from estar
    for target in ("Ele está infectado.", "Eles estão infectados.", "Ela esteve infectada.", "Ele estava infectado."):
        assert verb_pair(tmp_path, target) == [], target


def test_tc201_word_beginning_like_the_verb_is_not_its_form(tmp_path):
    found = verb_pair(tmp_path, "Ele pode estudar infectologia.")
    assert [f.suggestions for f in found] == [["estar infectado"]]


def test_source_term_with_a_common_verb_is_found_conjugated(tmp_path):
    # the source term's verb conjugated (está, esteve: Snowball keys them apart from estar) is
    # the term, so a translation without its rendering is reported
    (tmp_path / "g.csv").write_text("source,target\nestar infectado,be infected\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('glossaries = ["g.csv"]\n', encoding="utf-8")
    found = checker.check_pair("O paciente está infectado. Ela esteve infectada.", "The patient is sick. She was ill.",
                               source_lang="pt", lang="en", config=str(tmp_path / "transcheck.toml"), select=["TC201"])
    assert [f.message.split(" (")[0] for f in found] == ["source term 'está infectado'", "source term 'esteve infectada'"]
    assert checker.check_pair("Ele vai estudar infectologia.", "He will study infectious diseases.", source_lang="pt",
                              lang="en", config=str(tmp_path / "transcheck.toml"), select=["TC201"]) == []


# ------------------------------------------------- the source term left untranslated is no word of its family


def medicine_pair(tmp_path, target):
    return glossary_pair(tmp_path, "source,target\nmedicine,médicament\n", "Follow up on these medicines and vaccines.",
                         target, lang="fr")


def test_tc201_english_term_left_in_the_translation_is_not_a_family_word(tmp_path):
    # medicine shares médicament's first letters (medic-), but it is the English word left as is
    found = medicine_pair(tmp_path, "Assurer le suivi de ces medicine et vaccins.")
    assert [f.suggestions for f in found] == [["médicament"]]
    assert medicine_pair(tmp_path, "Assurer le suivi de ces médicaments et vaccins.") == []
    # capitalised, it may be part of a name the translation keeps
    assert medicine_pair(tmp_path, "Assurer le suivi de ces Medicine et vaccins.") == []


# ------------------------------------------------- a term's words inside a longer term's rendering


def nested_pair(tmp_path, target):
    return glossary_pair(tmp_path, "source,target\nCOVID-19,COVID-19\nCOVID-19 pandemic,pandémie de COVID-19\n",
                         "After China, COVID-19 spread, and the COVID-19 pandemic grew.", target, lang="fr")


def test_tc201_term_inside_a_longer_terms_rendering_renders_that_term_only(tmp_path):
    # pandémie de COVID-19 renders COVID-19 pandemic; the COVID-19 said apart went missing
    found = nested_pair(tmp_path, "Après la Chine, la maladie s'est propagée, et la pandémie de COVID-19 a grandi.")
    assert [f.suggestions for f in found] == [["COVID-19"]]
    assert nested_pair(tmp_path, "Après la Chine, la COVID-19 s'est propagée, et la pandémie de COVID-19 a grandi.") == []


# ------------------------------------------------- a self- compound rendered as an auto- compound


def self_pair(tmp_path, target):
    return glossary_pair(tmp_path, "source,target\nisolation,isolement\nlockdown,confinement\n",
                         "The strategy relies on testing plus self-isolation.", target, lang="fr")


def test_tc201_self_compound_rendered_as_an_auto_compound_of_a_glossary_word_passes(tmp_path):
    # auto- renders self-; its head is another approved term (confinement), a near concept
    assert self_pair(tmp_path, "La stratégie repose sur le dépistage et l'auto-confinement.") == []
    # a head that is no word of the glossary does not stand for the term
    found = self_pair(tmp_path, "La stratégie repose sur le dépistage et l'auto-relevé.")
    assert [f.suggestions for f in found] == [["isolement"]]


def test_tc201_auto_compound_renders_one_self_term_and_only_with_an_approved_head(tmp_path):
    rows = "source,target,status\nisolation,isolement\ntesting,dépistage\nlockdown,confinement,forbidden\n"

    def missing(source, target):
        return [f.suggestions for f in glossary_pair(tmp_path, rows, source, target, lang="fr")]

    # one auto- compound renders one self- term, not both
    assert missing("Use self-testing and self-isolation.", "Utilisez l'auto-dépistage.") == [["isolement"]]
    # a head only a forbidden term holds is no approved concept
    assert missing("Use self-isolation.", "Utilisez l'auto-confinement.") == [["isolement"]]


def test_tc201_a_pronoun_stressing_a_noun_is_no_reflexive_verb(tmp_path):
    # "the quarantine itself": the noun, stressed; the compound elsewhere does not render it
    found = pair(cfg(tmp_path), "The quarantine itself was short.", "A autoquarentena foi curta.")
    assert [f.suggestions for f in found] == [["quarentena"]]


def test_tc201_a_german_compound_on_the_terms_first_part_is_not_the_term(tmp_path):
    # a tester's report: Waffenlieferung passed for Waffenstillstand, Gesundheitsamt for
    # Gesundheitsminister, Sprechstunde for Sprecher (a compound names its last part); the
    # term's own forms still pass (Gesundheitsministerin, Impfungen)
    csv = ("source,target\nceasefire,Waffenstillstand\nhealth minister,Gesundheitsminister\n"
           "spokesperson,Sprecher\nvaccination,Impfung\n")
    source = "The ceasefire held. The health minister agreed. The spokesperson spoke. The vaccination began."
    found = glossary_pair(tmp_path, csv, source, "Die Waffenlieferung hielt. Das Gesundheitsamt stimmte zu. "
                          "Die Sprechstunde sprach. Die Impfungen begannen.", lang="de")
    assert [f.suggestions for f in found] == [["Waffenstillstand"], ["Gesundheitsminister"], ["Sprecher"]]
    assert glossary_pair(tmp_path, csv, source, "Der Waffenstillstand hielt. Die Gesundheitsministerin stimmte zu. "
                         "Die Sprecherin sprach. Die Impfungen begannen.", lang="de") == []


def test_tc201_a_german_compound_renders_the_term_word_it_ends_with(tmp_path):
    # a tester's report: Konfigurationsdatei was no rendering of "file"; a compound names its
    # last part, so it renders a term word it ends with (also one another term took), never one
    # it starts with (a review: Waffenstillstand for Waffen, Haushalt for Haus, Wahlkampf for Wahl)
    csv = "source,target\nsettings,Einstellungen\nfile,Datei\nweapons,Waffen\nceasefire,Waffenstillstand\n" \
          "house,Haus\nelection,Wahl\n"

    def missing(source, target):
        return [f.suggestions for f in glossary_pair(tmp_path, csv, source, target, lang="de")]

    assert missing("Open the settings file.", "Öffnen Sie die Konfigurationsdateien.") == [["Einstellungen"]]
    assert missing("Open the settings file.", "Öffnen Sie die Dateieinstellungen.") == [["Datei"]]
    assert missing("Open the settings file.", "Öffnen Sie den Ordner.") == [["Einstellungen"], ["Datei"]]
    assert missing("The ceasefire held, and the weapons were handed over.",
                   "Der Waffenstillstand hielt, und die Gewehre wurden übergeben.") == [["Waffen"]]
    assert missing("The house and the election.", "Der Haushalt und der Wahlkampf.") == [["Haus"], ["Wahl"]]
    assert missing("The house and the election.", "Das Bauernhaus und die Bundestagswahl.") == []


def test_german_separable_verbs_render_their_term(tmp_path):
    # a tester's report: "Melden Sie sich jetzt an", "angemeldet", "anzumelden" and "Laden Sie die
    # Datei herunter" were each "not translated as anmelden / herunterladen"; the verb without
    # its prefix at the clause's end, or another verb, still is not the term
    (tmp_path / "g.csv").write_text("source,target,status\nsign in,anmelden,preferred\n"
                                    "download,herunterladen,preferred\n", encoding="utf-8")
    (tmp_path / "t.toml").write_text('glossaries = ["g.csv"]\n', encoding="utf-8")
    source = "Sign in now.\n\nYou have signed in.\n\nTo sign in, click here.\n\nDownload the file.\n"
    good = ("Melden Sie sich jetzt an.\n\nSie haben sich angemeldet.\n\nUm sich anzumelden, klicken Sie hier.\n\n"
            "Laden Sie die Datei herunter.\n")
    bad = "Melden Sie mit uns.\n\nSie haben sich gemeldet.\n\nUm sich zu melden, klicken Sie hier.\n\nLaden Sie die Datei.\n"

    def check(target):
        return checker.check_pair(source, target, source_lang="en", lang="de", config=str(tmp_path / "t.toml"),
                                  select=["TC201"])

    assert check(good) == []
    assert [f.line for f in check(bad)] == [1, 3, 5, 7]
    # (reviews: the prefix of another sentence, or of another verb, anrufen, is not the verb's; commas, brackets and
    # abbreviations inside the sentence do not end it; a prefix at a line's end counts)
    assert [f.line for f in check("Melden Sie Fehler, rufen Sie dann an.\n\nSie haben sich angemeldet.\n\n"
                                  "Um sich anzumelden, klicken Sie hier\n\nLaden Sie die Datei herunter\n")] == [1]
    # (reviews: ruf ... an, ruft ... an are another verb's; deren, eines and zudem are no verbs)
    assert [f.line for f in check("Melde dich, dann ruf mich an.\n\nEr meldet sich und ruft mich an.\n\n"
                                  "Um sich anzumelden, klicken Sie hier.\n\nLaden Sie die Datei herunter.\n")] == [1, 3]
    assert check("Melden Sie sich bei der Firma, deren Kunde Sie sind, an.\n\nSie haben sich angemeldet.\n\n"
                 "Um sich anzumelden, klicken Sie hier.\n\nLaden Sie die Datei herunter.\n") == []
    (tmp_path / "g2.csv").write_text("source,target,status\nenter,eingeben,preferred\nagree,zustimmen,preferred\n",
                                     encoding="utf-8")
    (tmp_path / "t2.toml").write_text('glossaries = ["g2.csv"]\n', encoding="utf-8")
    assert checker.check_pair("Enter it.\n\nAgree to the terms.\n", "Geben Sie es ein.\n\nStimmen Sie dem Vertrag zu.\n",
                              source_lang="en", lang="de", config=str(tmp_path / "t2.toml"), select=["TC201"]) == []
    assert check("Melden Sie sich bitte, wenn möglich, heute an.\n\nSie haben sich angemeldet.\n\n"
                 "Um sich anzumelden, klicken Sie hier.\n\nLaden Sie die Datei (PDF, 2 MB) z. B. morgen herunter.\n") == []


def test_tc203_source_words_quoted_or_in_a_title_are_left_alone(tmp_path):
    # a tester's report: "Preliminary Estimates of Coronavirus Disease 2019 in the US", a title
    # quoted in a Portuguese sentence, had a safe fix to "Doença Do Coronavírus"; a quoted
    # English sentence is left alone too; the term left alone among Portuguese words is not
    config = glossary_config(tmp_path, "source,target,status\ncoronavirus disease,doença do coronavírus,preferred\n"
                                       "pandemic,pandemia,preferred\n")
    text = ('Segundo o relatório "Preliminary Estimates of Coronavirus Disease 2019 in the US", o risco é alto. '
            'Leia "Ending the pandemic now" hoje. A coronavirus disease matou. A pandemic acabou.')
    found = checker.check_pair("Text.", text, source_lang="en", lang="pt-BR", config=str(config), select=["TC203"])
    assert [f.text for f in found] == ["coronavirus disease", "pandemic"]
    # (a review: a capital that only starts the sentence is no title's, but beside an English
    # word its fix is unsafe; a title opening the sentence is left alone: a second review)
    found = checker.check_pair("Text.", "Pandemic preparedness é essencial. Coronavirus Disease Guidelines saíram.",
                               source_lang="en", lang="pt-BR", config=str(config), select=["TC203"])
    assert [(f.text, f.fix.safe) for f in found] == [("Pandemic", False)]


def test_tc203_no_leftovers_in_the_source_language_nor_of_deprecated_terms(tmp_path):
    # a tester's report: with an en -> fr glossary, an English article's "USA" and "e-mail"
    # (deprecated French terms) were French leftovers, with safe fixes to "United States", "email"
    csv = "en,fr,status\nemail,courriel,preferred\n,e-mail,deprecated\nUnited States,États-Unis,preferred\n,USA,deprecated\n"
    config = glossary_config(tmp_path, csv)
    for extra in ("", 'source-lang = "en"\n'):
        config.write_text(config.read_text() + extra)
        assert checker.check_text("Send an e-mail to Team USA.", lang="en", config=str(config), select=["TC203"]) == []
    # the source's approved term left in a French text still is one
    found = checker.check_text("Envoyez-le aux United States.", lang="fr", config=str(config), select=["TC203"])
    assert [(f.text, f.suggestions) for f in found] == [("United States", ["États-Unis"])]


def test_tc203_a_word_of_the_text_is_no_leftover_of_a_term_sharing_its_stem(tmp_path):
    # a tester's report: the English got, grip were Spanish gotas, gripe left in (their stems);
    # the term itself, and a source-language form of it, still are leftovers
    config = glossary_config(tmp_path, "es,en\ngotas,droplets\ngripe,flu\n")
    found = checker.check_pair("Texto.", "She got angry at the grip of the bottle. The gotas fell.", source_lang="es",
                               lang="en", config=str(config), select=["TC203"])
    assert [f.text for f in found] == ["gotas"]
    config = glossary_config(tmp_path, "en,pt\nvaccine,vacina\n")
    found = checker.check_pair("Text.", "As vaccines chegaram.", source_lang="en", lang="pt", config=str(config),
                               select=["TC203"])
    assert [f.text for f in found] == ["vaccines"]


def test_tc201_paragraphs_pair_before_sentences(tmp_path):
    # a tester's report: a sentence split in two in the translation and two merged in the next
    # paragraph keep the totals equal; pairing sentences one to one over the whole text shifted
    # every pair in between, and a correct translation had a TC201 finding per shifted term
    found = glossary_pair(tmp_path, "source,target\nbattery,Akku\nwarranty,Garantie\n",
                          "The battery charges in 22 minutes.\n\nThe warranty lasts eight years. It also covers "
                          "the battery.\n",
                          "Der Akku lädt schnell. Das dauert nur 22 Minuten.\n\nDie Garantie gilt acht Jahre und "
                          "deckt auch den Akku ab.\n", lang="de")
    assert found == []
    # ... and a term left out is still found in its paragraph
    found = glossary_pair(tmp_path, "source,target\nbattery,Akku\nwarranty,Garantie\n",
                          "The battery charges in 22 minutes.\n\nThe warranty lasts eight years. It also covers "
                          "the battery.\n",
                          "Der Akku lädt schnell. Das dauert nur 22 Minuten.\n\nDie Gewähr gilt acht Jahre und "
                          "deckt auch den Akku ab.\n", lang="de")
    assert [(f.rule, f.line, f.source.line) for f in found] == [("TC201", 3, 3)]


def test_tc201_a_paragraph_break_the_translation_moved_keeps_the_sentences_paired(tmp_path):
    # a review: as many sentences and paragraphs, the break moved by one sentence: the sentences
    # pair, their lengths agreeing better than the paragraphs'
    assert glossary_pair(tmp_path, "source,target\nvacina,vaccine\ngoverno,government\n",
                         "O governo anunciou um novo plano ontem. A vacina chega em março.\n\n"
                         "O parlamento votou a lei na terça-feira.\n",
                         "The government announced a new plan yesterday.\n\nThe vaccine arrives in March. "
                         "Parliament voted on the law on Tuesday.\n", source_lang="pt", lang="en") == []
