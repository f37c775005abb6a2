"""TC101 name-variant and the checker.names package (no ../shared needed)."""

from __future__ import annotations

import pytest

from checker.names import collect, combine, finalize, find_name_clusters, norm, skel
from checker.names.normalize import cheap_distance, damerau
from checker.pipeline import load_text
from checker.rules.names import NameVariantRule

from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample" / "bbc-panjshir-en.txt"


def findings(text: str, lang: str = "en"):
    doc = load_text(text, "t.txt", lang)
    return list(NameVariantRule().check_document(doc, None))


def flagged(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(f.text, f.variant_of) for f in findings(text, lang)]


# ------------------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    "a,b",
    [("Massoud", "Massud"), ("Qaddafi", "Kadhafi"), ("Kiev", "Kyiv"), ("Lavrov", "Lawrow"),
     ("Gorbachev", "Gorbatschow"), ("José", "Jose"), ("Зеленский", "Zelenskiy"),
     # an initial i before a vowel is another transliteration's y (a names tester's report: Iermak)
     ("Iermak", "Yermak"), ("Ioulia", "Yulia"), ("Iaroslav", "Yaroslav")],
)
def test_norm_equal(a, b):
    assert norm(a) == norm(b)


def test_an_initial_i_before_a_consonant_stays_a_vowel():
    assert norm("Ivan") != norm("Jvan") and norm("Ivan") == "ivan"


@pytest.mark.parametrize("a,b", [("Ian", "Jan"), ("Ioana", "Joana")])
def test_short_names_with_an_initial_i_are_other_names(a, b):
    # a review: Ian / Jan and Ioana / Joana (two people) were taken for one name
    assert norm(a) != norm(b)
    assert flagged(f"{a} Popescu won the race. Her rival {b} Silva came second. {a} Popescu smiled.") == []


def test_a_french_transliteration_beside_the_english_one_is_a_variant():
    text = "Le chef de cabinet Andriï Iermak a parlé. Plus tard, Andriï Yermak est reparti."
    assert flagged(text, "fr") == [("Yermak", "Iermak")]


def test_skeleton_and_cheap_edits():
    assert skel("Taliban") == skel("Taleban")
    assert cheap_distance(norm("Mohammed"), norm("Muhammad")) == 2
    assert cheap_distance(norm("Sudan"), norm("Sedan")) == 2  # > 1 allowed at 5 letters
    assert cheap_distance(norm("Austria"), norm("Australia")) is None


# ------------------------------------------------------------------------------- acceptance


def test_seed_article_exact_findings():
    text = SAMPLE.read_text(encoding="utf-8")
    got = findings(text)
    pairs = sorted((f.text, f.variant_of) for f in got)
    assert pairs == sorted(
        [("Taleban", "Taliban")] * 4 + [("telebans", "Taliban"), ("Massud", "Massoud"), ("Shad", "Shah")]
    )
    anti = [f for f in got if text[f.start - 5 : f.start] == "anti-"]
    assert len(anti) == 2 and all(f.text == "Taleban" for f in anti)
    massud = next(f for f in got if f.text == "Massud")
    assert text[massud.end] == "’"
    first = got[0]
    assert first.rule == "TC101" and first.name == "name-variant" and first.category == "names"
    assert first.fix is not None and first.fix.safe is False and first.fix.replacement == "Taliban"
    assert first.suggestions == ["Taliban"]
    assert "variants: Taliban 10, Taleban 4, telebans 1" in first.message


def test_find_name_clusters_api():
    text = SAMPLE.read_text(encoding="utf-8")
    clusters = find_name_clusters(load_text(text, "s.txt", "en"))
    by = {c.canonical: c for c in clusters}
    taliban = by["Taliban"]
    spellings = {v.spelling: (v.count, v.tier) for v in taliban.variants}
    assert spellings["Taliban"][1] is None and spellings["Taleban"] == (4, "B")
    for v in taliban.variants:
        for start, end in v.occurrences:
            assert text[start:end] == v.token
    assert by["Ahmad Shah Massoud"].multiword


# ------------------------------------------------------------------------- positive kinds


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Muammar Gaddafi ruled Libya. Gaddafi was killed in 2011. Critics of Gaddafi fled. "
         "Later, Qaddafi's son spoke.", "en", ("Qaddafi", "Gaddafi")),
        ("The prophet Muhammad is revered. Many books tell of Muhammad and of his life in Mecca. "
         "Scholars of Muhammad agree. The name Mohammed is also common.", "en", ("Mohammed", "Muhammad")),
        ("O técnico José Mourinho chegou. Depois, José falou aos jornalistas. Mais tarde, Jose "
         "saiu do estádio.", "pt", ("Jose", "José")),
        ("Thomas Müller scored twice. The coach praised Müller after the match. Fans sang for "
         "Muller all night.", "en", ("Muller", "Müller")),
        ("El ministro Lavrov llegó a Madrid. Según Lavrov, la reunión fue útil. Ayer, Lawrow "
         "volvió a Moscú.", "es", ("Lawrow", "Lavrov")),
        ("Le président Zelensky a parlé. Selon Zelensky, la guerre continue. Plus tard, Zelenksy "
         "a quitté Paris.", "fr", ("Zelenksy", "Zelensky")),
        ("Bundeskanzler Scholz reiste nach Paris. Dort traf Scholz den Präsidenten. Danach sprach "
         "Sholz mit Journalisten.", "de", ("Sholz", "Scholz")),
    ],
)
def test_variants_found(text, lang, expected):
    assert expected in flagged(text, lang)


def test_lower_case_slip():
    text = ("The Taliban took Kabul. Then the Taliban spoke to the press. He fought against "
            "the telebans for years.")
    assert ("telebans", "Taliban") in flagged(text)


def test_one_token_inside_multiword_name():
    text = ("Ahmad Shah Massoud led the resistance. Later, Ahmad Shah Massoud was killed. "
            "His son admired Ahmad Shad Massoud deeply.")
    got = findings(text)
    assert [(f.text, f.variant_of) for f in got] == [("Shad", "Shah")]


def test_russian_variant():
    text = ("Президент Зеленский выступил в парламенте. Позже Зеленский встретился с министрами. "
            "Вечером Зеленськый уехал в Киев.")
    assert ("Зеленськый", "Зеленский") in flagged(text, "ru")


# ------------------------------------------------------------------------- negative kinds


@pytest.mark.parametrize(
    "text,lang",
    [
        # inflection, derivation, possessives
        ("The Afghan army left. Afghans fled while Afghanistan fell. Many Afghans stayed in "
         "Afghanistan.", "en"),
        ("The Soviet army withdrew. The Soviets lost. Soviet troops left in 1989.", "en"),
        ("We met Massoud. Massoud's men and Massoud’s brother came. Later Massoud spoke.", "en"),
        # distinct names sharing tokens: son and father
        ("Ahmad Massoud founded the front. His father Ahmad Shah Massoud was killed. Ahmad Massoud "
         "spoke, and people remembered Ahmad Shah Massoud.", "en"),
        # distinct countries
        ("Talks between Iran and Iraq resumed. Iran sent envoys while Iraq waited.", "en"),
        ("Fans from Austria and Australia met. Austria won, Australia lost. Later Austria left.", "en"),
        # ordinary words
        ("They left their bags there. Their friend founded a company; the founder was there.", "en"),
        # sentence-initial capitals
        ("Found it yesterday. Founded in 1990, the firm grew. Later the firm was sold.", "en"),
        # Russian inflection
        ("Путин заявил о переговорах. Пресс-секретарь Путина ответил. Решение Путину понравилось. "
         "Встреча с Путиным прошла.", "ru"),
        # German compounds and umlaut plurals
        ("Die Ausgaben stiegen. Die Verteidigungsausgaben und die Nichtverteidigungsausgaben "
         "wuchsen. Die Unfalldaten und die Unfallraten sanken. Ein Nistkasten, zwei Nistkästen.", "de"),
        # Gender pairs of names
        ("Maria and Mario arrived. Later Maria left while Mario stayed.", "en"),
    ],
)
def test_not_flagged(text, lang):
    assert flagged(text, lang) == []


def test_all_caps_heading_is_not_a_variant():
    text = "STRELKOV SPEAKS\n\nIgor Strelkov gave an interview. Strelkov said the war was lost.\n"
    assert flagged(text) == []


def test_sentence_initial_ordinary_word_is_not_a_candidate():
    text = "Thus it ended. The report on Thuss was published. Later Thuss was renamed."
    assert ("Thus", "Thuss") not in flagged(text)


# ---------------------------------------------------------------------- mergeable statistics


def _summary(clusters):
    return sorted(
        (c.canonical, tuple(sorted((v.spelling, v.count, v.tier) for v in c.variants))) for c in clusters
    )


def test_combine_halves_equals_whole():
    text = SAMPLE.read_text(encoding="utf-8")
    doc = load_text(text, "s.txt", "en")
    whole = collect(doc)
    middle = len(doc.segments) // 2
    first_half = type(doc)(doc.path, doc.text, doc.prose, doc.blocks, doc.lang, doc.segments[:middle])
    second_half = type(doc)(doc.path, doc.text, doc.prose, doc.blocks, doc.lang, doc.segments[middle:])
    a, b = collect(first_half), collect(second_half)
    assert _summary(finalize(combine(a, b))) == _summary(finalize(whole))
    assert _summary(finalize(combine(b, a))) == _summary(finalize(whole))
    # associativity with a third (empty) part
    c = collect(load_text("A short note about Kabul.", "c.txt", "en"))
    left = combine(combine(a, b), c)
    right = combine(a, combine(b, c))
    assert _summary(finalize(left)) == _summary(finalize(right))


def test_multiword_names_keep_their_hyphens():
    # a tester's report: the draft of names wrote "Jean Luc Mélenchon", and TC102 with that list
    # then asked to drop the hyphen of the text's Jean-Luc
    text = ("Jean-Luc Mélenchon a parlé. Le chef Jean-Luc Mélenchon est venu. "
            "Puis Jean-Luc Melenchon est parti.")
    multi = [c for c in finalize(collect(load_text(text, "m.txt", "fr"))) if c.multiword]
    assert [(c.canonical, [v.spelling for v in c.variants]) for c in multi] == [
        ("Jean-Luc Mélenchon", ["Jean-Luc Mélenchon", "Jean-Luc Melenchon"])]
    # the way of writing merges in any order (Jean-Luc in one file, Jean\u2011Luc in another)
    a = collect(load_text("Jean-Luc Mélenchon.", "a.txt", "fr"))
    b = collect(load_text("Jean\u2011Luc Mélenchon.", "b.txt", "fr"))
    assert combine(a, b).written == combine(b, a).written == {"Jean Luc Mélenchon": {("-", " "): 2}}
    # a name written two ways is shown as most occurrences write it, not as its first (a
    # reviewer's report: one Jean-Luc stood for three Jean Luc), however the text is split
    mixed = ("Jean-Luc Mélenchon a parlé. Le chef Jean Luc Mélenchon est venu. Jean Luc Mélenchon "
             "encore. Puis Jean Luc Melenchon est parti.")
    multi = [c for c in finalize(collect(load_text(mixed, "m.txt", "fr"))) if c.multiword]
    assert [v.spelling for v in multi[0].variants] == ["Jean Luc Mélenchon", "Jean Luc Melenchon"]
    first, rest = mixed.split(". ", 1)
    whole = collect(load_text(mixed, "m.txt", "fr")).written
    halves = [collect(load_text(first + ".", "m.txt", "fr")), collect(load_text(rest, "m.txt", "fr"))]
    assert whole == combine(*halves).written == combine(*halves[::-1]).written == {
        "Jean Luc Mélenchon": {("-", " "): 1, (" ", " "): 2}}
    hyphens = mixed.replace("Le chef Jean Luc", "Le chef Jean-Luc").replace("Jean Luc Mélenchon encore",
                                                                          "Jean-Luc Mélenchon encore")
    multi = [c for c in finalize(collect(load_text(hyphens, "m.txt", "fr"))) if c.multiword]
    assert [v.spelling for v in multi[0].variants] == ["Jean-Luc Mélenchon", "Jean Luc Melenchon"]


def test_two_established_spellings_after_the_same_first_name_are_one_name():
    # a tester's report: Hans Weber / Hans Webber went unreported (both are known surnames,
    # each used once); a letter more after the same first name is a slip. Alone they stay two
    # names, and so do two surnames a vowel apart (John Bell / John Ball, below).
    text = ("The finance minister, Hans Weber, promised a response. Hans Webber added that talks "
            "would go on.")
    assert flagged(text) == [("Webber", "Weber")]
    assert flagged("The minister Weber promised a response. Webber added that talks would go on.") == []


def test_tc104_a_name_written_with_and_without_its_hyphen():
    # a second tester's report: Jean Luc beside Jean-Luc Mélenchon was found by no rule (the words
    # are the same); TC104 reports the writing fewer occurrences use (ties: the one without)
    import checker
    from checker.registry import get_rule

    rule = get_rule("TC104")
    bad = checker.check_text(rule.doc.bad, lang="en", select=["TC104"])
    assert [(f.text, f.suggestions, f.fix.safe) for f in bad] == [
        ("Jean Luc", ["Jean-Luc"], False), ("Saint Denis", ["Saint-Denis"], False)]
    assert "also writes it" in bad[0].message and "this document mostly writes it" in bad[1].message
    assert checker.check_text(rule.doc.good, lang="en", select=["TC104"]) == []
    tie = checker.check_text("Alfa Bank and Sberbank were hit. Alfa-Bank is the largest private bank.",
                             lang="en", select=["TC104"])
    assert [(f.text, f.suggestions) for f in tie] == [("Alfa Bank", ["Alfa-Bank"])]
    assert "also writes it" in tie[0].message
    # capitals joined by hyphens in one place only are no name written both ways
    assert checker.check_text("The Franco-German plan. Franco said so.", lang="en", select=["TC104"]) == []
    # a given name's lower-case syllable after a surname is a word of the name, written with a
    # capital where a space joins it (a tester's report: neither TC101 nor TC104 found Kim Jong
    # Un beside Kim Jong-un); not after a common word or a function word (Book Worry-free /
    # Quality Worry Free, The Paris-based / Paris Based: title case)
    for lang in ("en", "fr"):
        korean = checker.check_text("Kim Jong-un a parlé. Le dirigeant Kim Jong-un a dit non. Kim Jong Un a confirmé.",
                                    lang=lang, select=["TC104"])
        assert [(f.text, f.suggestions) for f in korean] == [("Jong Un", ["Jong-un"])]
    assert checker.check_text("Book Worry-free service. Quality Worry Free invoice. The Paris-based firm. "
                              "Paris Based Firm Wins.", lang="en", select=["TC104"]) == []
    # nor where capitalised words follow, a title-case heading (a reviewer's report), though the
    # syllable be a word (Ban Ki-moon, Kim Ji-won: a second review); a syllable's capital does not
    # make two names (Jong-un, Jong-Un: one finding)
    for text, spaced in [("Ban Ki-moon said so. Later Ban Ki Moon said no.", "Ki Moon"),
                         ("Kim Ji-won spoke. Kim Ji Won left.", "Ji Won")]:
        assert [f.text for f in checker.check_text(text, lang="en", select=["TC104"])] == [spaced]
    assert checker.check_text("The Hong Kong-based firm grew. Hong Kong Based Startups Raise Funds. The Saudi "
                              "Arabia-led coalition. Saudi Arabia Led Coalition Strikes.", lang="en",
                              select=["TC104"]) == []
    both = checker.check_text("Kim Jong-un spoke. Kim Jong-un left. Kim Jong-Un came. Kim Jong Un went.",
                              lang="en", select=["TC104"])
    assert [(f.text, f.suggestions) for f in both] == [("Jong Un", ["Jong-un"])]
    # a non-breaking hyphen is a hyphen; a name inside a longer compound is not the name alone
    nb = checker.check_text("Jean\u2011Luc spoke. Jean\u2011Luc left. Jean Luc came. The Jean-Luc-Fan club.",
                            lang="en", select=["TC104"])
    assert [(f.text, f.suggestions) for f in nb] == [("Jean Luc", ["Jean-Luc"])]
    # the name is the run of capitalised words from the hyphenated part on, and a decomposed
    # accent stays in its word (a final review: Jean Luc Godard was taken for Jean-Luc
    # Mélenchon's other writing; Jean Éric, in NFD, for Jean-Émile's)
    import unicodedata

    assert checker.check_text("Jean-Luc Mélenchon spoke. Jean-Luc Mélenchon left. Jean Luc Godard came. "
                              "Jean Luc Godard filmed. Jean Luc Godard left.", lang="en", select=["TC104"]) == []
    nfd = unicodedata.normalize("NFD", "Jean-Émile Dupont spoke in Paris. Later Jean Éric Martin answered him.")
    assert checker.check_text(nfd, lang="fr", select=["TC104"]) == []
    # words after the name that also follow its hyphenated writing do not make it another name,
    # and every occurrence counts (a last review: "Saint-Denis (1x)" against "Saint Denis (2x)")
    text = ("Saint-Denis Mayor Mathieu Hanotin said the stadium was safe. Saint-Denis Police disagreed. "
            "The Saint-Denis Council met. The Saint Denis Council voted. A Saint Denis Council member resigned.")
    found = checker.check_text(text, lang="en", select=["TC104"])
    assert [f.text for f in found] == ["Saint Denis", "Saint Denis"] and "(3×)" in found[0].message


def test_rule_metadata_registered():
    from checker.registry import get_rule

    rule = get_rule("TC101")
    assert rule is NameVariantRule and get_rule("name-variant") is NameVariantRule
    assert rule.doc.summary and rule.doc.bad and rule.doc.good and rule.doc.fix


# ------------------------------------------------------- weaknesses fixed (each: found / kept)


def test_doubled_final_s_is_a_typo_not_a_plural():
    text = ("The Chambers family arrived. Later Chambers spoke to the press. Then Chamberss left "
            "the town.")
    assert ("Chamberss", "Chambers") in flagged(text)
    ok = "The Jones family arrived. Later Jones spoke. The Joneses left the town."
    assert flagged(ok) == []


def test_russian_typo_in_an_ending_is_not_inflection():
    text = ("Президент Франции выступил. Посольство Франции закрыто. Позже министр Франциы уехал "
            "в Берлин.")
    assert ("Франциы", "Франции") in flagged(text, "ru")
    ok = ("Президент Франции выступил. Он вернулся во Францию. Договор с Францией подписан. "
          "Франция ответила.")
    assert flagged(ok, "ru") == []


def test_unknown_once_used_form_is_no_derivation():
    # "-in" is a German derivation (Demokratin), but "Raikkonin", used once and unknown to the
    # word list, is a slip of "Raikkonen".
    text = ("Räikkönen fuhr stark. Danach sagte Raikkonen, das Auto sei gut. Am Ende wurde "
            "Raikkonen Dritter, während Raikkonin gratulierte.")
    assert ("Raikkonin", "Raikkonen") in flagged(text, "de")
    ok = ("Die Demokraten stimmten zu. Eine Demokratin sprach. Die Demokraten jubelten.")
    assert flagged(ok, "de") == []


def test_a_lower_case_demonym_is_a_derivation_not_a_slip():
    # a tester's report: kabulí (Kabul + í), lessinois were reported as slips of the place:
    # unknown and used once, like Raikkonin above, but in lower case, as these languages
    # write adjectives; a name with a letter doubled in lower case stays a slip
    assert flagged("Desde Kabul, el Gobierno kabulí respondió. En Gante, el alcalde gantés habló.", "es") == []
    assert flagged("Les employés de Takeda (Lessines) sont inquiets. Le site lessinois de Takeda ferme.", "fr") == []
    assert ("iowaa", "Iowa") in flagged("El gobernador de Iowa habló. El estado de iowaa votó.", "es")


def test_spanish_plural_es_follows_a_consonant():
    text = ("El piloto Lewis Hamilton ganó. Luego Lewis habló con la prensa. Más tarde Lewies "
            "celebró la victoria.")
    assert ("Lewies", "Lewis") in flagged(text, "es")
    ok = "El Real Madrid ganó. Los jugadores del Real celebraron. Las Reales Academias felicitaron."
    assert flagged(ok, "es") == []


def test_english_name_keeps_its_spelling_inside_a_translation():
    ok = ("O governador da Virgínia falou. A Virgínia tem eleições. Segundo a West Virginia "
          "Metro News, o resultado saiu.")
    assert flagged(ok, "pt") == []
    text = ("O governador da Virgínia falou. A Virgínia tem eleições. Depois, a Virginia votou "
            "contra.")
    assert ("Virginia", "Virgínia") in flagged(text, "pt")
    # a 1:1 tie beside the same word, the accented spelling first: the entity's spelling wins
    text = "Attaque à Midsômer Norton : quatre arrestations. Le Midsomer Norton Town Council a réagi."
    assert flagged(text, "fr") == [("Midsômer", "Midsomer")]
    # ... but not without the shared word: two words
    ok = "O governador da Virgínia falou. Segundo a West Virginia Metro News, o resultado saiu."
    assert flagged(ok, "pt") == []
    # ... nor when the accented spelling is the commoner word: the language's own name, which
    # an English brand writes without the accent
    ok = "O governo de São Paulo anunciou medidas. A Sao Paulo Fashion Week foi adiada."
    assert flagged(ok, "pt") == []


def test_multiword_tie_ordered_by_word_frequency():
    # "Salt Lake Ciy" seen first, once, beside "Salt Lake City" once: the rarer token is the slip
    text = "Phoenix, Las Vegas et Salt Lake Ciy sont menacées. Les pluies toucheront Salt Lake City mardi."
    assert flagged(text, "fr") == [("Ciy", "City")]
    # a tie ordered by position only, judged apart in that order, is judged in the other
    text = "Les manifestations à Hong Kung continuent. Le gouvernement de Hong Kong a réagi."
    assert flagged(text, "fr") == [("Kung", "Kong")]
    # ... not one ordered by frequency: Trump is never made a slip of Tramp, an English word
    for text in ("Donald Trump est arrivé lundi. Plus tard, Donald Tramp a prononcé un discours.",
                 "Plus tard, Donald Tramp a prononcé un discours. Donald Trump est arrivé lundi."):
        assert ("Trump", "Tramp") not in flagged(text, "fr")


def test_hyphenated_lower_case_name_part_is_not_a_slip():
    ok = ("Seúl protestó. El legislador Park Byeong-seug citó datos. Seúl respondió más tarde.")
    assert flagged(ok, "es") == []
    text = ("Seúl protestó. El gobierno de Seúl respondió. Luego la policía de seug cerró calles.")
    assert ("seug", "Seúl") in flagged(text, "es")  # outside a hyphenated word: still a slip


def test_collect_scans_runs_and_particles():
    doc = load_text("We saw Osama bin Laden and Ahmad Shah Massoud met. «Kabul» fell.", "t.txt", "en")
    st = collect(doc)
    assert "Osama bin Laden" in st.multi and "Ahmad Shah Massoud" in st.multi
    assert st.tokens["Kabul"].noninitial == 0  # after an opening quote
    assert st.tokens["Osama"].noninitial == 1 and st.words == 12


# ------------------------------------------- second round (each: found / kept), own sentences


def test_sentence_initial_word_pairs_with_a_rare_mid_sentence_spelling():
    # "British" only opens sentences (not a candidate of its own); "Brittish" (Zipf ~1.5) is
    # a slip of it.
    text = "British officials met on Monday. The talks with Brittish envoys ended early."
    assert ("Brittish", "British") in flagged(text)
    ok = "Britain was calm on Monday. Later the ferry reached Brittany at dawn."
    assert flagged(ok) == []


def test_a_known_name_beside_a_name_is_no_slip_of_a_sentence_opener():
    # a tester's report: Keir of Keir Starmer was a slip of the sentences' "Kein" (no), Starmer
    # of "Starker" (strong), Малли of Роберт Малли of "Мало" (little); an unknown slip beside a
    # name still pairs with the opener (Brritish Airways)
    assert flagged("Kein Wunder: Labour hat gewonnen. Kein anderer Parteichef war so beliebt. "
                   "Labour-Chef Keir Starmer wird Premierminister.", "de") == []
    assert flagged("Starker Wind fegte über London. Starker Regen folgte. Labour-Chef Keir Starmer griff an.",
                   "de") == []
    assert flagged("Мало кто ожидал. Мало того, Вашингтон направил представителя. "
                   "Спецпредставитель Роберт Малли отправится в Вену.", "ru") == []
    assert ("Brritish", "British") in flagged("British officials met on Monday. The Brritish Airways crew left.")


def test_tie_with_a_much_more_common_word():
    text = "Las cuentas falsas de Instagram crecen. La empresa dijo que Intagram es un sitio popular."
    assert ("Intagram", "Instagram") in flagged(text, "es")
    ok = "The coast of Britain was calm. Later the ferry reached Brittany at dawn."
    assert flagged(ok) == []


def test_shared_neighbour_is_context_evidence():
    # "Trum" is a known word of 4 letters: alone it is no evidence, but it stands where
    # "Trump" stands (after "Donald"), although the multi-word names differ in length.
    text = "Donald Trump spoke. Later Donald Trump left. Then Donald Trum Jr arrived."
    assert ("Trum", "Trump") in flagged(text)
    # (alone, a 4-letter known word needs a dominant spelling far more common: Yuna 2.7 /
    # Yuan 3.7 is no slip; Trum 1.7 / Trump 4.9 now is, see the strong-majority tests)
    assert flagged("Yuan spoke. Later Yuan left. Then Yuna arrived.") == []
    assert flagged("Mark Smith spoke. Later Mark Smith left. Then Mary Smith arrived.") == []


def test_shared_neighbour_accepts_a_tie():
    text = "The designer Thom Browne showed hats. Later Thon Browne showed coats."
    assert ("Thon", "Thom") in flagged(text)


def test_two_words_of_the_language_are_not_variants():
    assert flagged("Les États-Unis ont voté. Les États-Unis ont gagné. Les Nations Unies ont protesté.",
                   "fr") == []
    assert flagged("Die Reise nach Amerika dauerte. Er sprach über Amerika. Der Film heißt Captain "
                   "America.", "de") == []
    # a doubled letter is still a slip, even between two known names
    text = "O técnico Gerrard falou. Depois Gerrard saiu do estádio. Mais tarde Gerard voltou."
    assert ("Gerard", "Gerrard") in flagged(text, "pt")


def test_three_letter_compound_parts():
    ok = "Wählen Sie die Versandart aus. Die Versandart ist frei. Die Versandorte sind in Berlin."
    assert flagged(ok, "de") == []
    text = "Wir besuchten den Tempelberg. Der Tempelberg ist alt. Am Tempelbeg gab es Streit."
    assert ("Tempelbeg", "Tempelberg") in flagged(text, "de")


def test_two_edits_only_for_unknown_spellings():
    assert flagged("Los Headmasters llegaron. El grupo de Headmistresses no vino.", "es") == []
    text = ("El actor Schwarzenegger llegó. Luego Schwarzenegger habló. Más tarde Schwarzenneger "
            "se fue.")
    assert ("Schwarzenneger", "Schwarzenegger") in flagged(text, "es")


def test_rare_slip_in_the_sentence_of_its_name():
    # round 3: the same-sentence veto gives way for a long, very rare spelling one edit away
    text = ("She studied at the University of Leeds and later taught at the Northern Univesity "
            "of Leeds for years.")
    assert ("Univesity", "University") in flagged(text)
    # a common word beside another common word in one sentence stays two words
    assert flagged("The Ministry of Interior and the Ministry of Industry met in Paris.") == []


def test_first_letter_slip_in_a_tie():
    text = ("Um homem foi ferido em Ilfracombe ontem à noite. A polícia de Lifracombe "
            "investiga o caso.")
    assert {("Lifracombe", "Ilfracombe"), ("Ilfracombe", "Lifracombe")} & set(flagged(text, "pt"))
    # short or known spellings differing in the first letter are different names
    assert flagged("O ministro Hernan falou. Depois o ministro Fernan respondeu.", "pt") == []
    assert flagged("The company Lambert sold shares. Later Gambert bought them.") == []


def test_stray_letter_is_no_spelling():
    text = ("Der Durchmesser beträgt 5 cm. Der Durchmesser ist fest. Der Durchmesserƒ wird "
            "gemessen.")
    assert flagged(text, "de") == []
    text = "Der Ingenieur Konstantin kam. Dann sprach Konstantin. Später kam Konstantim."
    assert ("Konstantim", "Konstantin") in flagged(text, "de")


def test_russian_surname_forms_unknown_to_the_dictionary():
    # pymorphy3 knows "Рябков" only as a noun form; "Рябкова" is its (predicted) surname form
    text = ("Замминистра Рябков заявил о переговорах. Позже Рябкова спросили о санкциях. "
            "Рябков ответил.")
    assert flagged(text, "ru") == []
    text = ("Президент Франции выступил. Посольство Франции закрыто. Позже министр Франциы уехал "
            "в Берлин.")
    assert ("Франциы", "Франции") in flagged(text, "ru")


def test_lower_case_slip_beside_the_rest_of_the_name():
    # "Credit" is seen only at sentence starts (a common word), but "ctedit" stands where it
    # stands in "Credit Suisse"
    text = ("Credit Suisse said it would cut jobs. Credit Suisse shares fell. The deal was not "
            "approved by ctedit Suisse in the end.")
    assert ("ctedit", "Credit") in flagged(text)
    # the same rare word without the neighbour is no slip of the name
    assert flagged("Credit Suisse said it would cut jobs. Credit Suisse shares fell. The ctedit "
                   "line was closed.") == []


def test_long_lower_case_slip_of_a_name_seen_only_at_a_sentence_start():
    # "Californie" opens the headline only; the long unknown "caliifornie" is its slip, though
    # the name is a common word of French (a short one is left alone: "ctedit" above)
    text = ("Californie : un requin attaque un adolescent\n\nUn jeune de 13 ans a été mordu "
            "samedi alors qu'il pêchait le homard en caliifornie, le jour de l'ouverture.")
    assert ("caliifornie", "Californie") in flagged(text, "fr")
    assert flagged(text.replace("caliifornie", "mer"), "fr") == []


def test_short_lower_case_slip_needs_the_same_normal_form():
    text = "Le groupe The High Breed joue ce soir. Le trio The hig Breed vient de Londres."
    assert ("hig", "High") in flagged(text, "fr")
    assert flagged("Le groupe The High Breed joue ce soir. Le trio hip hop vient de Londres.", "fr") == []


def test_lower_case_first_letter_slip():
    text = "Les Oscars auront lieu dimanche. Nous ferons tout pour rendre les lscars divertissants."
    assert ("lscars", "Oscars") in flagged(text, "fr")
    # a lower-case word of the language is no slip
    assert flagged("Les Oscars auront lieu dimanche. Les oscars de la musique suivent.", "fr") == []


def test_german_long_words_of_the_language_are_two_words():
    ok = ("Im Raum ist die Beleuchtung hell. Neu ist die Beleuchtung auch. Gemessen wird die "
          "Belichtung der Kamera.")
    assert flagged(ok, "de") == []
    text = ("Im Raum ist die Beleuchtung hell. Neu ist die Beleuchtung auch. Geprüft wird die "
            "Beleuchtnug der Halle.")
    assert ("Beleuchtnug", "Beleuchtung") in flagged(text, "de")


def test_two_common_words_a_doubled_letter_and_an_accent_apart():
    # Kasse (the till) and Käse (cheese): two edits at once, both common words (a tester of
    # the benchmark corpus); one edit alone is still a slip (Kase for Käse, Gerrad for Gerrard)
    text = ("Der Laden verkauft Käse aus der Schweiz. Am Ende geht man zur Kasse und bezahlt. "
            "Der Käse ist teuer.")
    assert flagged(text, "de") == []
    text = ("Der Laden verkauft Käse aus der Schweiz. Am Ende liegt der Kase im Regal. "
            "Der Käse ist teuer.")
    assert ("Kase", "Käse") in flagged(text, "de")


# ------------------------------------------------------------------------------- round 4


def test_german_added_or_dropped_umlaut_is_a_slip():
    # an umlaut added to a name (Londön: unknown) or dropped from a word (Europaischen: far
    # rarer than Europäischen) is a variant
    text = ("Die Geschenkbox von Haryali London ist schön. Für Instrumente von Haryali Londön gilt "
            "eine lebenslange Garantie.")
    assert ("Londön", "London") in flagged(text, "de")
    text = ("Sie sprach mit der Europäischen Union. Danach kam ein Streit mit der Europaischen "
            "Kommission auf.")
    assert ("Europaischen", "Europäischen") in flagged(text, "de")
    # umlaut plurals are words of comparable frequency: inflection
    assert flagged("Der Vater kam spät. Die beiden Väter kamen früh. Ein Vater blieb.", "de") == []


def test_short_transliteration_with_another_first_letter_when_unknown():
    # 4 letters, Tier A (same norm), first letter differs: a spelling no word list knows
    text = ("Police said the man was found near Grayson Mews on John Street. Anyone who was near "
            "Djohn Street last night should call.")
    assert ("Djohn", "John") in flagged(text)
    # two known names of 4 letters stay apart (Jong / Yong)
    assert flagged("The talks with Kim Jong went well. Later the minister Yong arrived.") == []


def test_german_endings_follow_german_sound_rules():
    # -e/-en after a single vowel and -n after anything but e, l, r are no German endings, so
    # these are spellings, not case forms (Magonie is no "Magoni" + e)
    text = "Die Polizei sucht Magoni seit Jahren. Zeugen sahen Magonie gestern in Rom."
    assert ("Magonie", "Magoni") in flagged(text, "de")
    text = "Meine Partnerin und ich gründen eine Firma. Meine Partnerien und ich planen viel."
    assert ("Partnerien", "Partnerin") in flagged(text, "de")
    # after a diphthong (Frau / Frauen) or -e (Reihe / Reihen) they are endings; -ie / -en are
    # two derivations of one root (Transphobie / Transphoben)
    assert flagged("Die Frau kam. Zwei Frauen gingen. Eine Reihe, zwei Reihen.", "de") == []
    assert flagged("Sie sprach über Transphobie im Sport. Die Transphoben schwiegen dazu.", "de") == []


def test_russian_unknown_spelling_differing_in_the_stem_is_no_case_form():
    # pymorphy3 guesses the lemma "берлин" for the unknown "Бёрлина", but case endings change
    # only the end of a word: a difference in the stem is a slip
    text = "Киеву не стоит ждать от Берлина поставок оружия. Киев ожидает помощи от Бёрлина."
    assert ("Бёрлина", "Берлина") in flagged(text, "ru")
    # a case ending of a known name stays inflection
    assert flagged("Киеву не стоит ждать помощи от Берлина. В Берлине об этом молчат.", "ru") == []


def test_lower_case_slip_after_a_lower_case_hyphenated_prefix():
    text = ("Nurses at NHS Scotland voiced their Brexit fears. The health secretary thanked staff "
            "and wished them to stay on post-brext.")
    assert ("brext", "Brexit") in flagged(text)
    # after a capitalised syllable it is part of a name, not a slip
    assert flagged("Minister Lee Byeong-brex spoke. Lee Byeong-brex is new. The Brexit talks went on.") == []


def test_russian_unknown_case_ending_and_yo_spellings_are_slips():
    # an unknown form beside a known one is no case form, even when only the ending differs
    text = ("Власти Бразилии обязали граждан. Суд Бразилии решил. Ясно, что Бразилия является "
            "популярной страной. В Бразилий обязали граждан.")
    assert ("Бразилий", "Бразилии") in flagged(text, "ru")
    # ё written in one spelling of an unknown name and not in the other: one spelling, not two
    # case forms
    text = "Блок Боннель надёжен. Пружины блока соединены, и Боннёль служит долго."
    assert ("Боннёль", "Боннель") in flagged(text, "ru")


def test_german_compound_parts_are_german_words():
    # "lend" / "land", "end" / "and", "amer" / "amar": English (or no) words, so no two
    # compound parts, and the spelling is a slip
    text = ("Die Emirate planen mehr Handel mit Russland. Sie investieren stark in Russland. Auch "
            "der Export nach Russland wächst. Man plant den Ausbau des Handels mit Russlend.")
    assert ("Russlend", "Russland") in flagged(text, "de")
    text = ("Die Amerikaner wählen im Herbst. Viele Amerikaner sind unzufrieden. Laut Umfrage sind "
            "die Amarikaner gespalten.")
    assert ("Amarikaner", "Amerikaner") in flagged(text, "de")


def test_strong_majority_is_evidence_for_a_short_slip():
    # once-used "Trum" (Zipf 1.7) beside "Trump" 4x (4.9): a slip even at 4 letters
    text = ("Why Trump will win. By that logic, Mr. Trump would win. Many would vote for Mr. Trump. "
            "Polls favour Trump. He spoke about the Trum show's rotating cast.")
    assert ("Trum", "Trump") in flagged(text)
    # two uses and a gap under 2 Zipf are not enough for a 4-letter word the word list knows
    text = "The man, Yuan, was seen on Thursday. The car belonged to Yuan. The neighbour Yuna saw it."
    assert flagged(text) == []
    # nor is a spelling about as common as the majority one (Omar / Oman: two names)
    text = ("Oman signed the deal. Later Oman left. Then Oman returned. The minister met Omar there.")
    assert flagged(text) == []


def test_recurring_final_vowel_spellings_are_two_forms():
    base = "Der Portulak wächst schnell. Den Portulak gießt man selten. Der Portulak blüht gelb. "
    # once: a slip
    assert ("Portulaca", "Portulak") in flagged(base + "Die Portulaca blüht im Sommer.", "de")
    # twice or more: the Latin name beside the German one, not a slip
    assert flagged(base + "Die Portulaca blüht im Sommer. Die Portulaca mag Sonne.", "de") == []


def test_two_established_names_need_substitutions_only():
    # Brittany / Britain: both common names, and the letters differ by a moved letter, not by
    # transliteration substitutions
    text = "Britain left the union. Officials in Britain spoke. The ferry leaves from Brittany."
    assert flagged(text) == []
    # established transliterations that differ by substitutions stay variants
    text = ("Muhammad spoke first. Later Muhammad left the hall. Then Muhammad came back. "
            "His brother Mohammed stayed.")
    assert ("Mohammed", "Muhammad") in flagged(text)


def test_first_letter_slip_of_a_known_name():
    # an unknown spelling (5+ letters) beside a known name that differs only at the first letter
    text = ("Pupils reported fake Insta accounts. Teachers saw a rise in so-called Ynsta accounts "
            "at school.")
    assert ("Ynsta", "Insta") in flagged(text)
    text = "Commentators Sascha Roos and Ralf Schumacher spoke. Later Ralf Zchumacher laughed."
    assert ("Zchumacher", "Schumacher") in flagged(text)
    # two known names (Lambert / Gambert) or two unknown ones of 7 letters stay apart
    assert flagged("Lambert spoke first. Then the host, Gambert, replied.") == []
    assert flagged("Instruments by Haryali are sold here. The firm Aryalik makes boxes.") == []


def test_rare_spelling_beside_a_much_commoner_one_in_its_sentence():
    text = "In Ukraina they report that the Czech envoy arrived in Ukraine on Monday."
    assert ("Ukraina", "Ukraine") in flagged(text)
    # two established names of one sentence stay apart
    assert flagged("Fans from Iran and Iraq met in Basra. Iran won.") == []
    # a 4-letter spelling that lost a letter of a name used 3+ times, in one sentence with it
    text = "Warren criticised Donald Trum and the Trump campaign. Trump replied. Trump left."
    assert flagged(text) == [("Trum", "Trump")]
    # ... not a letter swapped (IRNA, the news agency)
    ok = "L'agence Irna cite un diplomate de l'Iran. Selon Téhéran, l'Iran refuse. L'Iran attend."
    assert flagged(ok, "fr") == []
    # a rare spelling with another vowel of a name used 3+ times (a tester's report: the README's
    # own pair was missed in "the Taliban and the Taleban"); with two, or other consonants, no
    text = "The Taliban came. The Taliban and the Taleban met. The Taliban left."
    assert flagged(text) == [("Taleban", "Taliban")]
    assert flagged("The Taliban came. The Taliban and the Taleban met.") == []
    assert flagged("Iran sent envoys. Iran and Iraq met. Iran won.") == []


def test_lower_case_unknown_slip_of_a_sentence_initial_name():
    # "Londonderry" only opens sentences; "londondery" (unknown to every word list) is its slip
    text = ("Londonderry: men arrested after a car was rammed into a house. Police said a house in "
            "londondery was damaged.")
    assert ("londondery", "Londonderry") in flagged(text)
    # a lower-case word that a word list knows is not
    text = ("Londonderry: men arrested after a car was rammed into a house. Police said a house in "
            "londoner style was damaged.")
    assert flagged(text) == []


def test_much_commoner_spelling_is_evidence_for_a_short_slip_in_a_tie():
    # 1:1, 4 letters: "Rocc" (Zipf 1.4) beside "Rock" (5.0), 3+ Zipf apart
    text = "West mocked the comedian Chris Rock. It is unclear if Rocc was trying to mock him."
    assert ("Rocc", "Rock") in flagged(text)
    # a known name of comparable frequency is another person
    assert flagged("West mocked the comedian Chris Rock. It is unclear if Rick was trying to mock him.") == []


def test_final_vowel_slip_of_a_far_commoner_name():
    # "Chila" (Zipf 2.3 in Spanish) beside "Chile" (5.2): a slip, not a second name
    text = ("Bolivia demandó a Chile ante la corte. Según el fallo, Chile no está obligado. Tras "
            "décadas de conversaciones, Chila tenga la obligación de negociar.")
    assert ("Chila", "Chile") in flagged(text, "es")
    # names of comparable frequency stay apart (Maria / Mario: see test_not_flagged)
    assert flagged("Bruno habló ayer. Luego Bruno salió. Después Bruna llegó.", "es") == []


def test_rare_once_used_base_of_a_far_commoner_derivation_is_a_slip():
    # "Europea" (Zipf 1.8) is European minus its -n, "Badin" Bade(n) plus -in: used once and
    # 3+ Zipf rarer than the other spelling, these are slips, not derived words
    text = "Members of the European Parliament met on Monday. Later the Europea delegation left."
    assert ("Europea", "European") in flagged(text)
    text = "Die Fregatte lag in Baden vor Anker. Das Land Baden zahlt. Die Schiffe aus Badin kamen."
    assert ("Badin", "Baden") in flagged(text, "de")
    # derivations in use (Korea / Korean, Algeria / Algerian) stay derivations
    assert flagged("Members of the Korean parliament met in Seoul. Later the Korea delegation left.") == []
    assert flagged("The Algerian army moved. Later Algeria said so.") == []


def test_all_capitals_neighbour_is_shared_context():
    # "KAISER Sena" / "KAISER Seena": the brand in capitals beside both spellings is context
    text = "KAISER Sena (74182) Shower System. Buy the KAISER Seena shower now."
    assert ("Seena", "Sena") in flagged(text)
    assert flagged("Sena (74182) Shower System. Buy the Seena shower now.") == []  # no context
    # the context does not make an ordinary word (Sera, Zipf 3.1) a slip
    assert flagged("KAISER Sena (74182) Shower System. Buy the KAISER Sera shower now.") == []


def test_all_capitals_neighbour_on_the_right_is_recorded():
    stats = collect(load_text("Buy Sena MAX now. The KAISER Sena shower.", "t.txt", "en"))
    sides = {loc[4] for loc in stats.tokens["Sena"].locations}
    assert sides == {(("R", "MAX"),), (("L", "KAISER"),)}


def test_three_letter_slip_dropping_a_letter_in_a_shared_context():
    # "Die Zet" / "Die Zeit", "The Hih Breed" / "The High Breed": a letter dropped from a
    # 4-letter name beside the same neighbour
    text = "According to the weekly Die Zeit, the plan failed. A spokesman told Die Zet on Monday."
    assert ("Zet", "Zeit") in flagged(text)
    assert ("Hih", "High") in flagged("The band The High Breed played. Fans of The Hih Breed cheered.")
    # not without the context, and not a substituted letter in a 3-letter name (Zat / Zet)
    assert flagged("According to the weekly Zeit, the plan failed. A spokesman told the Zet on Monday.") == []
    assert flagged("According to the weekly Die Zat, the plan failed. A spokesman told Die Zet on Monday.") == []
    # and not a rare 4-letter name beside a common 3-letter word (DALYs / Day: TICO-19)
    text = ("Global Hand Washing Day is an awareness campaign. Every year Global Hand Washing Day is "
            "held in October. A study measured its cost in relation to DALYs averted.")
    assert flagged(text) == []


def test_once_used_spelling_cut_short_at_an_ending_is_a_slip():
    # "Prese" (Zipf 1.5) is no inflection of "Presse" (4.7), nor "Thuring" (no word list knows
    # it) of "Thuringe": a base form is not that much rarer than its inflected form
    text = "Die Presse berichtete am Montag. Laut der Presse ist das falsch. Die Prese schrieb weiter."
    assert ("Prese", "Presse") in flagged(text, "de")
    text = "La Thuringe vote dimanche. En Thuringe, le parti mène. Le Thuring est une région."
    assert ("Thuring", "Thuringe") in flagged(text, "fr")
    # real inflection stays: a known base (Biden / Bidens), or a name no word list knows in
    # either form (Dbeibah / Dbeibahs)
    assert flagged("Bidens Regierung plant viel. Bidens Plan ist teuer. Dann sagte Biden nichts.", "de") == []
    assert flagged("Dbeibahs Regierung plant viel. Dbeibahs Plan ist teuer. Dann sagte Dbeibah nichts.", "de") == []
    # German capitalises nouns: a rare lower-case stem is a verb form, not a noun cut short
    # (a WMT22 second reference: "wenn ich Wasser aufheize ... dass Aufheizen ineffizient ist")
    text = ("Ich frage, ob ich Strom spare, wenn ich Wasser aufheize. Der Kommentar, dass Aufheizen "
            "ineffizient ist, stimmt. Das Aufheizen dauert.")
    assert flagged(text, "de") == []


def test_shared_neighbour_lifts_the_same_sentence_veto():
    # "Arte Lamp ... Arta Lamp" in one sentence: the shared neighbour says one name
    text = "The wall lamp Arte Lamp A9566 is made by the manufacturer Arta Lamp."
    assert ("Arta", "Arte") in flagged(text)
    assert flagged("The wall lamp Arte Lamp A9566 is made by the manufacturer Arta.") == []
    # two people of one surname in one sentence stay apart (Gina / Gino: final vowel)
    assert flagged("The award went to Gina Smith and Gino Smith on Monday.") == []


def test_unknown_short_form_beside_a_rare_long_form_stays_inflection():
    # Text+Berg: "Fusstapfe" (unknown) beside "Fusstapfen" (Zipf 1.3): no evidence of a slip
    text = ("Wir folgten den Fusstapfen der Pioniere. Die Fusstapfen waren tief. "
            "Jede Fusstapfe war mit Schnee gefüllt.")
    assert flagged(text, "de") == []


def test_recurring_diacritic_pair_of_two_words_is_not_a_slip():
    # "Gales" (Wales, in "País de Gales") and "Galês" (Welsh): two Portuguese words of comparable
    # frequency, each used several times
    text = ("O País de Gales venceu. O treinador galês falou. O País de Gales joga amanhã. O Governo "
            "Galês reagiu. O time Galês treinou. Os adeptos do País de Gales cantaram. O capitão "
            "Galês marcou. O hino Galês soou.")
    assert [t for t, _ in flagged(text, "pt") if t in ("Gales", "Galês")] == []
    # a diacritic dropped once beside a majority is still a slip
    text = ("O México venceu. O presidente do México falou. O povo do México votou. Mexico "
            "respondeu ontem.")
    assert ("Mexico", "México") in flagged(text, "pt")


def test_lower_case_word_in_another_vowel_is_the_names_adjective():
    # "macedónio" (Macedonian, a word of the language) beside "Macedónia": not a slip
    text = ("A Macedónia do Norte votou. Na Macedónia, o governo caiu. O primeiro-ministro "
            "macedónio demitiu-se.")
    assert flagged(text, "pt") == []
    # an unknown lower-case form ending in another vowel is a slip (beattia for Beattie)
    text = "Beattie spoke first. Then Beattie left. Later beattia came back alone."
    assert ("beattia", "Beattie") in flagged(text)


def test_spelling_judged_apart_is_not_reported_through_a_third():
    # "Novi" links to both "Novo" and "Nova", but Novo / Nova (two words, each 3x) were judged
    # apart: Novo is no variant of Nova
    text = ("A cidade de Nova York fechou. O estado de Nova York reabriu. Em Nova York, os casos "
            "subiram. O feriado do Ano Novo foi adiado. As festas do Ano Novo acabaram. O Ano Novo "
            "chinês passou. Os evacuados foram para Novi Sanzhary.")
    assert "Novo" not in [t for t, _ in flagged(text, "pt")]
    # spellings linked to the dominant one directly are all reported
    text = ("Gaddafi spoke first. Then Gaddafi left. Later Gaddafi returned. Reporters wrote "
            "Qaddafi once and Kadhafi once.")
    assert {t for t, _ in flagged(text)} == {"Qaddafi", "Kadhafi"}


def test_changed_capital_of_a_code_names_something_else():
    # abbreviations with two or more capitals, and Greek letters in Latin words, are codes:
    # one changed capital or symbol names another thing (human, canine, feline coronavirus)
    text = ("O HCoV infecta humanos. O HCoV causa resfriados. O CCoV infecta cães. O FCoV infecta "
            "gatos. O IFNβ foi testado. O IFNβ reduziu a carga viral. O IFNα também.")
    assert flagged(text, "pt") == []
    # a spelling that loses the capitals of the code is a slip (Comptia for CompTIA)
    text = "CompTIA offers exams. The CompTIA exam is hard. Many pass the Comptis exam."
    assert ("Comptis", "CompTIA") in flagged(text)


def test_lower_case_word_repeated_as_often_as_the_name_is_a_word():
    # "virológica" 3x beside "Virologia" once (a unit's name): a word of the text, not a slip
    text = ("A vigilância virológica começou. A Unidade de Virologia testa amostras. A evidência "
            "virológica é clara. A amostragem virológica foi estendida.")
    assert flagged(text, "pt") == []
    # a lower-case slip used once beside the name once is still a slip (1:1)
    text = "Washington said no. The wshington office closed."
    assert ("wshington", "Washington") in flagged(text)


def test_commoner_lower_case_slip_beside_the_rest_of_the_name():
    # "jhonny" (Zipf 2.65 in Spanish: too common to be collected as a rare word) stands where
    # "Johnny" stands in "Johnny English": a slip of the name
    text = ("La película Johnny English se estrenó en 2003. Johnny English vuelve ahora. "
            "Empezó en 2003 con jhonny English y siguió en 2011.")
    assert ("jhonny", "Johnny") in flagged(text, "es")
    # the same word without the rest of the name is no slip of it
    text = ("La película Johnny English se estrenó en 2003. Johnny English vuelve ahora. "
            "Empezó en 2003 con jhonny y siguió en 2011.")
    assert flagged(text, "es") == []


def test_first_letter_slip_after_the_rest_of_the_name():
    # "giego" (no word list knows it) stands where "Diego" stands in "San Diego": a slip at the
    # first letter, judged from 5 letters when the word before it is shared
    text = "The boy was taken to a hospital in San Diego. The San giego hospital said he was fine."
    assert ("giego", "Diego") in flagged(text)
    text = "Die Firma Wave Space baut Lampen. Die Lampe von Wave Epace ist hell."
    assert ("Epace", "Space") in flagged(text, "de")
    # not a shared word after them: a surname is shared by people whose first names differ
    assert flagged("Lambert Smith spoke first. Then the host, Gambert Smith, replied.") == []
    # and without the neighbour the unknown 5-letter spelling is not judged
    assert flagged("The boy was taken to a hospital in San Diego. The giego hospital said he was fine.") == []


def test_compound_part_needs_a_head_that_is_a_word():
    # "Villeurb|anni" / "Villeurb|anne": "anni" and "anne" are words, but "villeurb" is no head
    # of a compound, so this is no compound part but a slip
    text = ("Der Bürgermeister von Villeurbanne sprach. In Villeurbanne wurde gewählt. "
            "Die Stadt Villeurbanni liegt bei Lyon.")
    assert ("Villeurbanni", "Villeurbanne") in flagged(text, "de")
    # a head that is a word keeps two compounds apart (Versand|art / Versand|ort)
    text = "Wählen Sie die Versandart aus. Die Versandart ist frei. Die Versandorte sind in Berlin."
    assert flagged(text, "de") == []
    # and two words of the word list keep every split (Umzugsk|isten / Umzugsk|osten)
    text = ("Die Umzugskosten steigen. Die Umzugskosten zahlt die Firma. Die Umzugskisten "
            "stehen im Flur.")
    assert flagged(text, "de") == []


def test_slip_in_the_second_part_of_a_hyphenated_name():
    # "Rheinland-pfalx": a short lower-case word after a capitalised word and a hyphen is judged
    # against a spelling that follows the same word (Rheinland-Pfalz)
    text = ("Die Fregatte „Rheinland-Pfalz“ ist zu schwer. Die 7000 Tonnen schwere "
            "„Rheinland-pfalx“ war doppelt so schwer wie andere Schiffe.")
    assert ("pfalx", "Pfalz") in flagged(text, "de")
    # a syllable of a hyphenated name after another word is no slip of a name
    text = ("In der Pfalz wird gewählt. Die Pfalz ist schön. Der Abgeordnete Kim Young-pfalx "
            "sprach.")
    assert flagged(text, "de") == []


def test_lower_case_english_word_in_the_place_of_a_name():
    # "weep" is an English word, but written in lower case where "Week" stands in "Paris
    # Fashion Week" it is a slip of the name, not an English name kept beside a translation
    text = ("A coleção foi mostrada na Paris Fashion Week. O público da Paris Fashion Week "
            "aplaudiu. Depois da Paris Fashion weep, as vendas subiram.")
    assert ("weep", "Week") in flagged(text, "pt")
    # the same word elsewhere is no slip of the name
    text = ("A coleção foi mostrada na Paris Fashion Week. O público da Paris Fashion Week "
            "aplaudiu. A canção weep tocou depois.")
    assert flagged(text, "pt") == []


def test_tripled_letter_is_no_inflectional_ending():
    # "Vertesssen" shares the stem "vertess" with "Vertessen" only through -sen / -en with a
    # letter tripled across the boundary: a slip, not a case form
    text = ("Der Spieler Yorbe Vertessen traf zweimal. Danach wurde Vertessen ausgewechselt. "
            "Trainer Smits lobte Yorbe Vertesssen.")
    assert ("Vertesssen", "Vertessen") in flagged(text, "de")


def test_unknown_spelling_of_a_common_compound_is_a_slip():
    # "Russ|lang" / "Russ|land": both parts are words, but a spelling no word list knows, used
    # once beside a very common word, is a slip of it, not another compound
    text = ("Russland hat die Grenze geschlossen. Die Regierung in Russland schweigt. "
            "Die Beziehungen zwischen Berlin und Russlang sind gespannt.")
    assert ("Russlang", "Russland") in flagged(text, "de")
    # two compounds of the word list stay apart (Umzugskosten / Umzugskisten)
    text = ("Die Umzugskosten steigen. Die Umzugskosten zahlt die Firma. Die Umzugskisten "
            "stehen im Flur.")
    assert flagged(text, "de") == []


def test_swapped_ending_unknown_to_the_word_list_is_a_slip():
    # "Pausse" shares the stem "paus" with "Pause" only through -se / -e; no word list knows it
    # while "Pause" is a word: the word list would have an inflected form of it
    text = "Nach der ersten Halbzeit kam die Pause. Die Pausse dauerte zehn Minuten."
    assert ("Pausse", "Pause") in flagged(text, "de")
    # the word plus an ending stays an inflection (a genitive, Merkels / Merkel)
    text = "Angela Merkel sprach lange. Die Rede Merkels wurde gelobt."
    assert flagged(text, "de") == []


def test_short_norm_still_blocks_on_the_folded_spelling():
    # "Zhou" normalises to "ju" (zh -> j, ou -> u), too short for norm keys; the folded
    # spellings zhou / zhlu still share a delete key, so the pair is judged
    text = ("Les auteurs Zhou et Li ont publié une étude. Selon Zhlu, le virus circule "
            "depuis décembre.")
    assert ("Zhlu", "Zhou") in flagged(text, "fr")


def test_english_word_one_keyboard_slip_from_the_name():
    # "Pairs" is an English word, but two letters swapped from "Paris" are a typo, not an
    # English name kept beside its translation
    text = ("O presidente chegou a Paris ontem. Em Paris, ele se reuniu com o primeiro-ministro. "
            "Depois de Pairs, ele segue para Berlim.")
    assert ("Pairs", "Paris") in flagged(text, "pt")
    # a doubled letter with a diacritic dropped is no such slip (Press / Près)
    text = ("Il habite près de Lyon. Il travaille près du centre. Selon Associated Press, "
            "il est parti.")
    assert flagged(text, "fr") == []


def test_lower_case_name_with_its_final_vowel_dropped():
    # "repúblic" drops the final vowel of "República": a truncated name in lower case, not the
    # name's adjective in another vowel (macedónio / Macedónia stays apart)
    text = ("La República Popular China informó. En la repúblic Popular China se registraron "
            "nuevos casos.")
    assert ("repúblic", "República") in flagged(text, "es")


def test_compound_tail_of_an_unknown_spelling_must_be_a_word():
    # "Misch-e|belhütte" / "Mischa|belhütte": both heads are words, but the shared tail
    # "belhütte" is none, so this is no pair of compounds but a slip in a name no list knows
    text = ("Wir erreichten die Mischabelhütte am Abend. Von der Mischebelhütte stiegen wir "
            "am Morgen ab.")
    assert ("Mischebelhütte", "Mischabelhütte") in flagged(text, "de") \
        or ("Mischabelhütte", "Mischebelhütte") in flagged(text, "de")
    # a shared tail that is a word keeps two compounds apart (Bundes|bank / Landes|bank)
    text = "Die Bundesbank warnt. Die Bundesbank senkt. Die Landesbank folgt."
    assert flagged(text, "de") == []


def test_sentence_initial_name_beside_a_slip_in_its_first_letter_class():
    # "Europe" only opens sentences (a common word: a weak form), "Aurope" is unknown and
    # differs in a letter of the a/e class: still compared (it was filtered out by its first
    # letter before judging)
    text = ("Europe : la crise continue. Les dirigeants de l'Aurope se réunissent demain "
            "à Bruxelles.")
    assert ("Aurope", "Europe") in flagged(text, "fr")


def test_german_lower_case_truncation_of_an_international_name():
    # a lower-case stem in German is usually a verb form (aufheize / Aufheizen), but not
    # beside an international name (Wagner is as common in other languages)
    text = ("Die Gruppe Wagner ist in Mali aktiv. Frankreich drängt auf Sanktionen gegen die "
            "Gruppe wagne.")
    assert ("wagne", "Wagner") in flagged(text, "de")


def test_a_typo_on_the_normalised_form_is_no_typo_when_the_letters_differ_more():
    # norm folds "ěj" and "ley" alike (matei / malei: one edit), but as written Matěj and Malley
    # are three edits apart: two names, not a slip (a new-user tester's corpus)
    text = "Matěj spoke.\n\nSean O'Malley won.\n"
    assert find_name_clusters(load_text(text, "a.txt", lang="en")) == []


def test_an_english_word_commoner_than_the_spelling_it_would_slip_from_is_no_slip():
    # Princess (Zipf 4.5) beside Princes (3.7), the plural of Prince: a doubled letter, but a
    # slip seldom makes a commoner word. Five sentences of WMT22's cs-en reference B
    # (generaltest2022, wmt-conference/wmt22-news-systems; research use), one per paragraph.
    text = "\n\n".join([
        "Britain's Prince William and his wife, Kate, have chosen a family photo taken during a trip "
        "to Jordan as this year's Christmas card.",
        "Prince Charles also published his seasonal wishes, using a photo of him helping his wife "
        "Camilla to put on a mask at the races.",
        "The Duchess of Cambridge wears a long, khaki summer dress and Princess Charlotte also has a dress on.",
        "Prince William, Duke of Cambridge, and Princes George and Louis are wearing shorts and a polo shirt.",
        "The image, which will be used for the Christmas card, was also posted by the heir to the "
        "throne, Prince Charles, and his wife, Camilla.",
    ])
    clusters = find_name_clusters(load_text(text, "a.txt", lang="en"))
    assert all("Princess" not in [v.spelling for v in c.variants] for c in clusters)


def test_two_recurring_diacritic_spellings_stay_apart_inside_a_shared_name():
    # Galês (Welsh) and Gales (Wales) both recur; one "Parlamento de Gales" beside three
    # "Parlamento Galês" shares a neighbour, but does not make the adjective a slip of the country
    text = ("Os deputados do País de Gales querem o nome Parlamento Galês.\n\n"
            "A Lei do País de Gales deu poderes à assembleia.\n\n"
            "A comissão prefere Parlamento Galês para a assembleia.\n\n"
            "O governo do País de Gales apoia o Parlamento de Gales.\n\n"
            "Os membros do Parlamento Galês votam amanhã.\n")
    clusters = find_name_clusters(load_text(text, "a.txt", lang="pt"))
    assert all({"Gales", "Galês"} - {v.spelling for v in c.variants} for c in clusters)


def test_a_very_long_document_is_indexed_in_one_pass_with_the_same_result(monkeypatch):
    # Above LONG_DOCUMENT characters the rare words are found through one token index instead of
    # str.find per word (whose cost is words x length); the clusters must not change.
    from checker.names import extract

    text = (Path(__file__).resolve().parent.parent / "corpora" / "sample" / "bbc-panjshir-en.txt").read_text(encoding="utf-8")
    by_find = find_name_clusters(load_text(text, "a.txt", lang="en"))
    monkeypatch.setattr(extract, "LONG_DOCUMENT", 0)
    by_index = find_name_clusters(load_text(text, "a.txt", lang="en"))
    assert by_find and by_index == by_find


def test_first_letter_transliteration_alternative_as_written_and_at_four_letters():
    # "kh" is rewritten to "h" by norm, so Khina / China differ in h / c there; as written the
    # first letters are k / c, one transliteration class (Khrushchev / Chruschtschow)
    text = ("The first cases were reported in China in December. Researchers in Khina later "
            "sequenced the virus.")
    assert ("Khina", "China") in flagged(text)
    # 4 letters: an unknown spelling in the i / y class of a known name
    text = ("Les sanctions contre l'Iran ont été renforcées. Le ministre a rappelé que l'Yran "
            "refuse toute inspection.")
    assert ("Yran", "Iran") in flagged(text, "fr")
    # not two known 4-letter names (Cate / Kate), nor another first letter (Iran / Bran)
    assert flagged("Kate arrived first. Then Cate sat down.") == []
    assert flagged("Les sanctions contre l'Iran ont été renforcées. Le ministre Hran refuse.", "fr") == []


def test_a_respelling_beside_the_rest_of_the_name_is_a_variant_even_when_short_or_english():
    # "Hong Cong" beside "Hong Kong": Cong is a 4-letter spelling of another first letter that
    # the English word list knows, both vetoes for a lone token (Jong / Yong; an English name
    # kept beside a translation); after the same word, and equal once normalised, a variant.
    # (TICO-19-style Spanish, after its wiki_9 document.)
    text = ("En un estudio de Hong Cong, se tomaron muestras de saliva dos días después del inicio "
            "de los síntomas.\n\nLa Autoridad de Hospitales de Hong Kong encontró una disminución "
            "de la capacidad pulmonar en algunos pacientes.")
    assert flagged(text, "es") == [("Cong", "Kong")]
    # alone, the two short spellings stay apart
    assert flagged("La Autoridad de Kong habló. El ministro Cong respondió.", "es") == []


def test_first_letter_transliteration_of_a_name_rare_in_english():
    # Celly and Yohn are unknown to the Spanish / French word list and rare in English (Zipf
    # < 2): a transliteration slip at the first letter (c / k, y / j) of a known name
    text = ("El capitán Craig Halkett dijo que el club habló con Kelly.\n\n"
            "Según el club, Celly no quiso hacer comentarios.")
    assert ("Celly", "Kelly") in flagged(text, "es")
    text = ("La police a interrogé John sur l'incident.\n\n"
            "Selon son avocat, Yohn n'était pas présent ce soir-là.")
    assert ("Yohn", "John") in flagged(text, "fr")
    # two spellings the English list knows well stay apart (Cate / Kate)
    assert flagged("La actriz Kate llegó primero.\n\nDespués llegó Cate con su hermana.", "es") == []


def test_a_letter_added_before_a_name_no_word_list_knows():
    # both spellings unknown to the word lists, one an initial longer: a slip, not two names
    text = ("The company Haryali makes handmade wooden boxes.\n\n"
            "Each set from Aryali comes with a printed card.")
    assert flagged(text) == [("Aryali", "Haryali")]
    # a letter substituted at the start of two unknown names stays two names
    assert flagged("The company Haryali makes boxes.\n\nEach set from Taryali comes with a card.") == []


def test_a_vowel_respelling_is_no_derivation_through_a_stem_stripped_twice():
    # Kanye -> stem "kany" -> "kan" + the suffix "ie" made Kanie a derivation of Kanye; a stem
    # that lost its ending does not lose a final vowel too when the spellings differ in one
    # vowel (after NTREX's newsweek.51329, French)
    text = ("Coiffé d'une casquette, Kanye West s'est lancé dans une diatribe.\n\n"
            "Kanie West s'est fait huer sur le plateau après une performance.")
    assert ("Kanie", "Kanye") in flagged(text, "fr")
    # a derivation stays one: Demokratin / Demokraten (one vowel apart, no stem stripped twice)
    text = "Die Demokraten stimmten zu. Die Demokraten jubelten. Eine Demokratin sprach dagegen."
    assert flagged(text, "de") == []
    # and a consonant apart, two words: des Rasierens / des Rasierers (WMT22 system outputs)
    text = ("Der Rasierer ist leicht. Der Rasierer hat drei Klingen. Der Kopf des Rasierers "
            "dreht sich. Nach dem Ende des Rasierens den Rasierer abspülen.")
    assert flagged(text, "de") == []


# ------------------------------------------------------------- ties of accent twins (round 9)

FAVARO = {
    "en": "Minister Carlos Fávaro spoke on Monday. Later, Carlos Favaro left for Recife.",
    "de": "Minister Carlos Fávaro sprach am Montag. Später reiste Carlos Favaro nach Recife.",
    "es": "El ministro Carlos Fávaro habló el lunes. Más tarde, Carlos Favaro partió hacia Recife.",
    "fr": "Le ministre Carlos Fávaro a parlé lundi. Plus tard, Carlos Favaro est parti pour Recife.",
    "pt": "O ministro Carlos Fávaro falou na segunda. Mais tarde, Carlos Favaro partiu para Recife.",
}


@pytest.mark.parametrize("lang", sorted(FAVARO))
@pytest.mark.parametrize("plain_first", [False, True])
def test_accent_twin_wins_a_tie_in_every_language(lang, plain_first):
    """1:1, the accented spelling is the dominant one whatever the language or the order (the
    accent-less twin is the common slip); one finding, never a fix in each direction, and the
    multi-word cluster (what ``variants`` shows) agrees with the single token."""
    text = FAVARO[lang]
    if plain_first:
        text = text.replace("Fávaro", "\0").replace("Favaro", "Fávaro").replace("\0", "Favaro")
    assert flagged(text, lang) == [("Favaro", "Fávaro")]
    clusters = find_name_clusters(load_text(text, "t.txt", lang))
    assert clusters and all("Fávaro" in c.canonical for c in clusters)


def test_variants_house_list_draft_keeps_the_accent_twin_of_a_tie():
    from checker.report.variants import house_list

    doc = load_text(FAVARO["en"], "t.txt", "en")
    draft = house_list([(doc, find_name_clusters(doc))])
    assert '- name: "Carlos Fávaro"' in draft and '- name: "Fávaro"' in draft
    assert '- name: "Favaro"' not in draft


def test_accent_tie_goes_to_the_plain_spelling_only_where_the_language_writes_it():
    # the accent wins though English knows Jose better (4.2 / 3.6), and though Jose came first
    assert flagged("Coach Jose Mourinho spoke on Monday. Later, José Mourinho left for Rome.") == [
        ("Jose", "José")]
    # English writes Canada (a common word far commoner than Canadá): the accented twin is the slip
    assert flagged("Canadá signed the deal on Monday. Later, officials in Canada said it would "
                   "ratify it.") == [("Canadá", "Canada")]
    # an English word is never the minority: the tie is judged the other way, still a pair
    assert flagged("Selon Guiyang Evening News, M. Wu, le cousin de l’éleveur, a parlé. Un responsable "
                   "du marché a confié au Evêning News que l’animal était enfermé.", "fr") == [
        ("Evêning", "Evening")]


def test_multiword_name_never_contradicts_the_house_spelling(tmp_path):
    """The house list makes Favaro the dominant single token: the multi-word cluster Carlos
    Fávaro / Carlos Favaro must not suggest the opposite fix in the same run."""
    import json

    from conftest import run_cli

    (tmp_path / "names.yaml").write_text("names:\n  - name: Favaro\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('lang = "en"\nnames = ["names.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(FAVARO["en"] + "\n", encoding="utf-8")
    findings = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)["findings"]
    assert [(f["text"], f["suggestions"]) for f in findings] == [("Fávaro", ["Favaro"])]


def test_two_first_names_before_different_surnames_are_two_people():
    """Anna and Ana are both established first names; before two different surnames they are
    two people, not one name spelled twice (Mark / Marc, Sara / Sarah were already apart: two
    common words used once each; Ana / Anna slipped through the one-sentence path, whose
    normalised spelling is equal)."""
    text = "Reporting by Anna Schmidt in Berlin and Ana Smith in Vienna; editing by Peter Graff"
    assert flagged(text) == []
    assert flagged("Reporting by Anna Schmidt in Berlin. Anna Schmidt spoke to Ana Smith in Vienna; "
                   "editing by Peter Graff") == []
    # nor in other sentences, where a 2:1 majority passes the both-common veto
    assert flagged("Anna Schmidt works in Berlin. Anna Schmidt travels a lot. Later, Ana Smith "
                   "arrived from Vienna.") == []
    # a spelling no word list knows is a slip, even of another person's first name
    assert flagged("The winners were Ariel Erlij, Hernaan Ferruchi, Hernan Diego Mendoza and "
                   "Alejandro Pagnucco. Hernan Ferruchi said nothing.") == [("Hernaan", "Hernan")]


def test_two_established_names_in_one_sentence_are_two():
    """The one-sentence path ("Iran and Iraq") accepted spellings equal once normalised without
    the both-common veto of the other sentences: Ana was a variant of Anna beside it."""
    assert flagged("Anna and Ana went home on Monday.") == []


def test_a_sentence_start_without_the_accents_of_a_name_used_mid_sentence_is_a_variant():
    # a tester's report: found in en, es, pt and de, not in French, whose word list also knows
    # melenchon (a form only at a sentence start that common was never a minority)
    text = "Le maire a accueilli Mélenchon hier. Melenchon a promis de revenir.\nSelon Mélenchon, la foule était nombreuse."
    assert flagged(text, "fr") == [("Melenchon", "Mélenchon")]
    # (a common word at a sentence start with no such twin mid-sentence is still no name)
    assert flagged("Le maire est venu hier. Elle a promis de revenir. Selon elle, tout va bien.", "fr") == []
    # nor a function word whose folded form is a name the text uses (Über / Uber, the firm: a
    # finding before this change too, found while testing it), nor a common word whose capital
    # goes unaccented (Etat beside l'État)
    assert flagged("Der Fahrdienst Uber wächst. Viele Kunden nutzen Uber täglich. Auch in Berlin ist Uber "
                   "beliebt.\nÜber die Zukunft wird gestritten.", "de") == []
    assert flagged("L'Etat a parlé. Le rôle de l'État est clair. Selon l'État, tout va bien.\nEtat et nation.",
                   "fr") == []
    assert flagged("O governador do Pará falou ontem. Para ele, a floresta precisa de proteção. A capital do Pará "
                   "é Belém. O estado do Pará cresce.", "pt") == []  # (a review: Para is a word)


def test_a_word_written_without_its_accent_before_another_name_is_still_a_variant():
    # Agência Farmacêutica / Agencia Italiana: one word with and without its accent, not the
    # first names of two people (the two-people rule is for two names: Anna / Ana)
    text = ("A Agência Farmacêutica Italiana lembrou a população do uso. O remédio levou a Agencia "
            "Italiana de Medicamentos a publicar orientações.")
    assert flagged(text, "pt") == [("Agencia", "Agência")]


def test_a_short_name_recurring_is_evidence_for_a_changed_vowel():
    # "Pelu" once beside "Palu" 3x: a 4-letter name has no neighbours or word list to tell
    # it by, so the majority is the evidence
    text = ("O sismo atingiu Palu na sexta. Em Palu faltou água. Os moradores de Palu dormem na "
            "rua. A ajuda chegou a Pelu no domingo.")
    assert ("Pelu", "Palu") in flagged(text, "pt")
    # twice is no majority
    assert flagged("O sismo atingiu Palu. Em Palu faltou água. A ajuda chegou a Pelu.", "pt") == []
    # nor is a name other languages know (Yara / Yura: two people)
    text = "Yara ligou. Depois Yara saiu. Então Yara voltou. A amiga Yura ficou."
    assert flagged(text, "pt") == []


def test_a_long_rare_spelling_tied_with_a_common_word_is_a_slip():
    # 1:1 tie; "Intagram" (Zipf 1.6 in Portuguese) is under 3 Zipf below "Instagram" (4.4),
    # but a slip of 6+ letters seldom makes another word
    text = ("Cresceram as páginas falsas no Intagram. A notícia agrava a crise do site de "
            "fotografias Instagram.")
    assert ("Intagram", "Instagram") in flagged(text, "pt")
    # not a common word of another language: the Italian name beside the German word
    text = "Das Spiel fand im Stadio Olimpico statt. Das neue Stadion wird im Mai eröffnet."
    assert flagged(text, "de") == []


def test_a_spelling_the_language_knows_is_compared_on_a_majority():
    # "Senao" (Zipf 2.4: known, but rare) once beside "Senado" twice: the two are compared
    # (delete keys for forms up to Zipf 3) and the majority makes it a slip
    text = ("O voto antecipado do Senado foi suspenso. Eles querem as maiorias que detêm no Senado "
            "e na Câmara. Trump ajuda o candidato ao Senao na Virgínia.")
    assert ("Senao", "Senado") in flagged(text, "pt")
    # a known word only near once stemmed is two words (Tragens / Tagen: trag / tag)
    text = ("Nach wenigen Tagen ist alles fertig. In zwei Tagen kommt das Paket. Der Komfort des "
            "Tragens ist hoch.")
    assert flagged(text, "de") == []
    # nor one other languages know too: a name of its own (Mavic / Magic)
    text = ("The backpack holds a DJI Mavic Pro. The Orlando Magic lost again. Later the Magic "
            "won at home.")
    assert flagged(text) == []
    # nor, in a 1:1 tie, is a 4-letter one far rarer than a very common word (Wilk / Will)
    assert flagged("Prince Will met the team. The coach, Tomasz Wilk, said nothing.") == []


def test_a_vowel_and_a_consonant_swapped_at_the_start_of_a_known_name():
    # 7 letters (under the 8 another first letter needs), but a consonant for the vowel that
    # starts a name the language uses much is no other name
    text = "Ils ont gravi l'Everest en mai. Le sommet du Dverest est à 8 849 mètres."
    assert ("Dverest", "Everest") in flagged(text, "fr")
    # a consonant for a consonant stays two names (Lambert / Gambert, tested above)
    assert flagged("Le club de Madrid est venu. Le marchand Badrid est parti.", "fr") == []


def test_two_people_with_one_first_name_and_surnames_one_vowel_apart():
    # a shared first name does not make two established surnames one
    assert flagged("John Bell spoke first. Later John Ball spoke too.") == []
    # ... nor a 3x majority, in another final vowel (a review of a reverted rule)
    assert flagged("Coach Antonio Conte praised the team. Fans cheered Antonio Conte loudly. Antonio Conte smiled. "
                   "His assistant Antonio Conti watched.") == []
    assert flagged("Judge Moreno heard the case. Judge Moreno asked questions. Judge Moreno agreed. In a separate "
                   "court, Judge Morena ruled the other way.") == []
    assert flagged("Maria Silva chegou. Mais tarde, Maria Selva falou.", "pt") == []
    # ... nor when both recur (a second tester's report: --unsafe-fixes wrote "Bell said Bell")
    assert flagged("John Bell, a trader in Basra, said prices fell. His colleague John Ball disagreed. "
                   "Bell said Ball was too pessimistic.") == []
    # (but two spellings that stand on their own stay one name, both recurring: a review)
    text = ("The army left Kyiv on Monday. Officials in Kyiv said the talks went well. Kyiv is calm. "
            "Residents of Kyiv went out.\nLater the mayor of Kiev spoke. Kiev was quiet after that. "
            "The Kyiv metro reopened.")
    assert flagged(text) == [("Kiev", "Kyiv"), ("Kiev", "Kyiv")]


def test_a_word_of_a_country_name_misspelt_beside_the_rest_is_a_slip():
    # "Kung" is a word of some languages (kung fu), but "Hong Kong" is a country's CLDR name,
    # and a country's name is fixed: one edit inside its word beside the rest of it is a slip
    text = "Os protestos em Hong Kong continuam. O governo de Hong Kung negou."
    assert ("Kung", "Kong") in flagged(text, "pt")


@pytest.mark.parametrize("text, lang", [
    # a name that shares a word with a country's (St. Martin), or other words beside a
    # country's name: derivations, people, common words (a reviewer's cases)
    ("Martin Schulz spoke. Martin Schulz left. Marvin Schulz, his nephew, stayed.", "en"),
    ("Kroatien gewann. Die Fans in Kroatien feierten. Die Kroaten jubelten.", "de"),
    ("Katar baut Stadien. In Katar ist es heiß. Der Kater schlief.", "de"),
    ("Angola voted. Angola counted. Angela Merkel arrived.", "en"),
    ("La Grèce vote. La Grèce compte. Grâce à l'aide européenne, tout va mieux.", "fr"),
    ("Oman voted. Oman counted. Osman Ali arrived.", "en"),
    # a common word beside the rest of a country's name is another name (a second review)
    ("La Corée du Sud a voté. La Corée du Sud a gagné. La Corse du Sud est un département.", "fr"),
    # two countries (Iran / Iraq)
    ("Iran said no. Iran and its allies met. Later Iraq agreed.", "en"),
])
def test_country_names_keep_their_neighbours(text, lang):
    assert flagged(text, lang) == []


def test_a_name_that_lost_its_only_vowel_is_a_slip():
    # a 1:1 tie, "Smg" known to no word list as a word: a word has a vowel
    text = "Le four Smeg chauffe bien. Le service client de Smg a répondu hier."
    assert ("Smg", "Smeg") in flagged(text, "fr")
    # abbreviations are words (Mrs) or written in capitals (SMG)
    assert flagged("Mars is red. Mars was explored. Later Mrs Smith spoke.") == []
    assert flagged("Le four Smeg chauffe. Le fusil SMG tire.", "fr") == []
    # an r or an l makes a syllable: Croatian and Czech names (Krk, Vlk)
    assert flagged("The island of Krk is in Croatia. Captain Kirk sailed there.") == []
    assert flagged("Der Torwart Vlk hielt den Ball. Das Volk jubelte.", "de") == []


def test_a_lower_case_use_of_a_name_does_not_keep_its_variant_from_it():
    # "zelensky" is the name in lower case: it must not pull "Zelenskiy" away from the
    # majority "Zelensky" (a new user's report: the lower-case form was told to become Zelenskiy)
    # (after a sentence's first word it is not judged a slip: see the next-but-one test)
    text = ("Zelensky met leaders in Brussels. Zelensky said talks were good. Zelensky added more. "
            "Later zelensky spoke. Zelenskiy thanked allies.")
    assert flagged(text) == [("Zelenskiy", "Zelensky")]


def test_a_name_in_lower_case_after_the_rest_of_it_is_a_slip():
    # a tester's report: "Vladimir putin", "Luis caputo" beside the names written right
    text = ("O presidente russo, Vladimir Putin, falou ontem. Segundo o Kremlin, Vladimir putin "
            "continua disponível para conversações.")
    assert flagged(text, "pt") == [("putin", "Putin")]
    text = "El ministro de Economía, Luis Caputo, habló. Más tarde Luis caputo respondió."
    assert flagged(text, "es") == [("caputo", "Caputo")]
    # names the word lists know as well as words (putin 4.1 in English, macron 4.9 in French):
    # the same first name before them, and the name alone elsewhere (a tester's report)
    assert flagged("President Vladimir Putin spoke. Putin left. Later, Vladimir putin returned.") == [("putin", "Putin")]
    assert flagged("Le président Emmanuel Macron a parlé. Macron a dit non. Selon Emmanuel macron, rien ne "
                   "change.", "fr") == [("macron", "Macron")]
    assert flagged("Kanzler Olaf Scholz sprach. Scholz sagte nein. Laut Olaf scholz bleibt alles.", "de") == [
        ("scholz", "Scholz")]
    # ... also where the name is written in full only there ("Yamal" alone elsewhere), when no
    # word list knows the word; a word of some use after another capitalised word is the common
    # noun of an eponym (a tester's report: French champagne, Hugo Boss cologne, British pence)
    text = "Yamal marcó el domingo. El joven Lamine yamal habló ayer. Yamal restó importancia."
    assert flagged(text, "es") == [("yamal", "Yamal")]
    assert flagged("The vineyards of Champagne were flooded. Growers in Champagne fear losses. Guests "
                   "drank French champagne at the party.") == []
    # a word of the language that a name holds is no slip (Ukrainian Railways / Ukrainian
    # railways), nor a particle (Le Pen / le Pen), nor a title
    assert flagged("Ukrainian Railways said trains run. Ukrainian railways were hit again.") == []
    # a word after another capitalised word, where the name always stands in a longer one
    assert flagged("In Italy, Takis Biotech, an Italian biotech company, said. Takis Biotech works.") == []
    # ... nor a lower-case spelling the text repeats (the bench corpus: Chinese zodiac 3x beside
    # Chinese Zodiac 4x in product titles)
    text = ("Chinese Zodiac Sweets. Buy the Chinese Zodiac Candies. Chinese Zodiac Wafers. A Chinese Zodiac "
            "Box. Many Chinese zodiac sweets sell. Try Chinese zodiac cakes. Chinese zodiac gifts abound.")
    assert flagged(text) == []
    # ... or after a sentence's first word (a review: Water polo)
    assert flagged("Marco Polo travelled to China. Polo described the court. Many polo players came.") == []
    assert flagged("Sergio Leone directed westerns. Leone died in 1989. Italian leone means lion.") == []
    assert flagged("Marine Le Pen a parlé. Jean-Marie le Pen a répondu.", "fr") == []
    assert flagged("O Primeiro-Ministro Boris Johnson falou. O primeiro-ministro Boris Johnson saiu.", "pt") == []


def test_the_fix_of_a_form_without_the_dominant_forms_ending_drops_it():
    # a tester's report: "A Pashtoon elder" was fixed to "A Pashtuns elder"
    found = findings("The Pashtuns live in the south. A Pashtoon elder spoke.")
    assert [(f.text, f.suggestions, f.fix.replacement) for f in found] == [("Pashtoon", ["Pashtun"], "Pashtun")]
    # a name that ends so keeps its -s (a review: Brussel is no base of Brussels)
    found = findings("Talks in Brussels went on. Brussels agreed. Brussels said no. Officials in Brusel left.")
    assert [(f.text, f.suggestions) for f in found] == [("Brusel", ["Brussels"])]


def test_demonyms_in_i_and_two_people_with_accent_twin_first_names():
    # testers' reports: a place and its demonym (Kandahar / Kandahari); two people whose first
    # names differ by an accent, before common surnames (Mário Covas / Mario Silva); Luis de la
    # Fuente (two particles) beside Luís Montenegro
    assert flagged("Officials in Helmand met Helmandi elders. Talks in Kandahar included Kandahari "
                   "tribesmen. The rebels in Panjshir spoke to Panjshiri villagers.") == []
    assert flagged("O ex-governador Mário Covas foi lembrado. O jogador Mario Silva também discursou.", "pt") == []
    assert flagged("José Mourinho met Jose Price, a fan, at the stadium.") == []
    assert flagged("O primeiro-ministro, Luís Montenegro, falou. A Espanha, orientada por Luis de la Fuente, "
                   "entrou melhor. Luís Montenegro saiu.", "pt") == []
    # a slip is still one, and an i added to a place the word lists know (a review: Brazili)
    assert ("Kandahr", "Kandahar") in flagged("Talks in Kandahar went on. Kandahar is calm. Kandahr is quiet.")
    assert flagged("Brazil won. Brazil scored. The Brazili team celebrated.") == [("Brazili", "Brazil")]


def test_an_umlaut_written_out_is_one_name():
    # a tester's report: Schaefer beside Schäfer x3 (both German words) was taken for two words
    text = ("Der Chef Thomas Schäfer sprach am Montag. Schäfer sagte, das Werk bleibe. Schaefer kündigte "
            "an, dass im Werk Dresden gebaut wird. Schäfer lächelte.")
    assert flagged(text, "de") == [("Schaefer", "Schäfer")]


def test_a_latin_name_typed_with_a_cyrillic_look_alike_letter_is_a_slip():
    # "Chinа" ends in a Cyrillic а: it looks right and matches nothing
    assert flagged("China grew. China traded. Chin\u0430 answered.") == [("Chin\u0430", "China")]
    # judged as the Latin word it looks like: Kоng is Kong, no slip of Hong
    assert flagged("Hong Kong voted. Hong Kong counted. Hong K\u043eng answered.") == [("K\u043eng", "Kong")]
    # two codes that differ by a Greek letter stay apart (IFNα / IFNβ)
    assert flagged("The IFN\u03b1 level rose. The IFN\u03b1 dose. The IFN\u03b2 response.") == []


def suggestions(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(f.text, f.suggestions[0]) for f in findings(text, lang)]


def test_a_demonym_in_es_stressed_is_no_accent_slip_of_its_place():
    # a tester's report on NTREX pt-BR bbc.381790: "Parlamento Galês" (Welsh) beside "País de
    # Gales" x3 was Gales's accent slip, and the draft house list made --fix write "Gales"; an
    # accent dropped from the demonym is still one
    assert flagged("O País de Gales votou. O País de Gales decidiu. Em Gales, chove. O Parlamento Galês aprovou.",
                   "pt") == []
    assert ("Portugues", "Português") in flagged("O Português é falado. O Português mudou. O Português vive. "
                                                 "O Portugues cresce.", "pt")


def test_accents_dropped_twice_from_a_name_are_slips():
    # a tester's report: Sánchez 4x / Sanchez 2x was taken for two words (both recur); a plain
    # spelling that is a common word stays one (Papa 3x / Papá 2x: the Pope and Father Christmas)
    text = ("El presidente Pedro Sánchez viajó. Sánchez se reunió con la Comisión. Según Sánchez, es bueno. "
            "Luego Sanchez añadió algo. Sánchez volverá. Fuentes cercanas a Sanchez confirmaron.")
    assert flagged(text, "es") == [("Sanchez", "Sánchez"), ("Sanchez", "Sánchez")]
    assert flagged("El Papa Francisco habló. El Papa viajó. El Papa rezó. Llegó Papá Noel. Luego Papá Noel se fue.",
                   "es") == []


def test_russian_case_forms_join_their_name_and_keep_their_case():
    # a tester's report: Киев under a heading stood apart from Киеву, Киеве (a common word at a
    # sentence start), Кыива was judged against it alone and got "Киев"; Зеленського got the
    # nominative though the text writes the genitive Зеленского
    text = "Киев под обстрелом. Удары по Киеву продолжились. В Киеве отключили свет.\n\nЖители Кыива прятались в метро."
    assert suggestions(text, "ru") == [("Кыива", "Киева")]
    assert findings(text, "ru")[0].message.endswith("variants: Киев 1, Киеву 1, Киеве 1, Кыива 1")
    text = ("Зеленский выступил. Зеленский заявил. Речь Зеленского длилась. Позже Зеленськый сообщил. "
            "Помощник Зеленського подтвердил.")
    assert suggestions(text, "ru") == [("Зеленськый", "Зеленский"), ("Зеленського", "Зеленского")]
    # ... also where the text writes only other cases: the case the slip's ending shows, not the
    # closest form (a names tester's report: Зеленскому); a slip in the name's own ending is
    # no case form of another (Гойта, read as Гойт's genitive: Гоитаа)
    text = ("Зеленский выступил. Зеленский заявил. Зеленский уехал. Встреча Путина и Зеленського возможна. "
            "Зеленскому пришлось объяснять.")
    assert suggestions(text, "ru") == [("Зеленського", "Зеленского")]
    text = "Ассими Гоита пришёл к власти в Мали. Полковник Гоита выступил в Бамако. Вчера Гойта пообещал доступ к литию."
    assert suggestions(text, "ru") == [("Гойта", "Гоита")]


def test_the_fix_keeps_the_minority_forms_ending():
    # an inflected form of the minority spelling: its group's base (Taleban) against the name
    text = ("The Taleban said. The Taleban won. Two Talebans were seen. The Taliban came. The Taliban left. "
            "The Taliban hid.")
    assert ("Talebans", "Talibans") in suggestions(text)
    # a form alone in its group: the ending of a form of the name the document uses
    text = "The Taliban said. The Taliban won. The Taliban left. Two Talebans were seen. The Talibans came."
    assert suggestions(text) == [("Talebans", "Talibans")]
    # ... and, where the document uses the name in one form only, the name with the ending the
    # slip has over its own base form, as TC102 does and the rule's doc says (a tester's report:
    # Talebans -> Taliban); not where that base would be two letters from the name, nor for a
    # lower-case word, whose base is another word's
    text = "The Taliban said. The Taliban won. The Taliban left. Two Talebans were seen."
    assert suggestions(text) == [("Talebans", "Talibans")]
    from checker.names.morph import inflected_base

    assert inflected_base("Talebans", "Taliban", "en") == "Taleban"
    assert inflected_base("Assays", "Ásia", "pt") is None and inflected_base("Taliban", "Taliban", "en") is None
    # the majority's most used form inflected: endings go onto its base form, not onto the plural
    # (a reviewer's report: Talebans -> Talibanss, Шолцем -> Шольцаем)
    text = ("Les Talibans sont arrivés. Les Talibans ont parlé. Les Talibans ont fui. Un Taliban a parlé. "
            "Un Taleban a fui. Les Talebans sont partis.")
    assert suggestions(text, "fr") == [("Taleban", "Taliban"), ("Talebans", "Talibans")]
    text = ("Речь Шольца была долгой. Сторонники Шольца ждали. Мы видели Шольца. Вчера Шольц пришёл. "
            "Вчера Шолц пришёл. Все гордились Шолцем. Звонили Шолцу.")
    assert suggestions(text, "ru") == [("Шолц", "Шольц"), ("Шолцем", "Шольцем"), ("Шолцу", "Шольцу")]



def test_two_people_whose_surnames_differ_by_a_letter_after_different_first_names():
    # a tester's reports: Olaf Scholz and Martin Schulz, John Healey and Nikki Haley are two
    # people each (both surnames known, each after its own first name); a slip keeps the first
    # name (Olaf Schulz beside Olaf Scholz), and a spelling no list knows stays a slip
    text = ("Former chancellor Olaf Scholz spoke in Berlin. Martin Schulz, the former president of the "
            "European Parliament, introduced him. Scholz said the party must rebuild trust. Scholz left.")
    assert flagged(text) == []
    text = ("Defence Secretary John Healey announced drones. Nikki Haley, the former US ambassador, praised "
            "the move. Healey said the first deliveries were due next year.")
    assert flagged(text) == []
    # nor is a particle a first name (a names tester's report: Al-Sissi at a sentence's start)
    text = ("Ägyptens Präsident Abdel Fattah al-Sisi empfing Blinken in Kairo. Später sagte Präsident al-Sisi "
            "etwas. Al-Sissi warnte vor einer Ausweitung.")
    assert flagged(text, "de") == [("Sissi", "Sisi")]
    # a number sign is no name (a tester's report: Nº as a variant of No)
    assert flagged("Ticket No. 123456 was closed. Ticket Nº 55555 is open.") == []
    # a title both share is no sign of one person (a tester's report: Mr Lammy, Mr Lamy)
    text = "Mr Healey spoke first, and Mr Haley spoke later in Geneva. John Healey thanked Nikki Haley."
    assert flagged(text) == []
    # (a particle that is a first name too is one: Ben Healey, a review)
    text = "Ben Healey spoke first on Monday. Later Nikki Haley spoke in Geneva. Ben Healey thanked the hosts. Healey left."
    assert flagged(text) == []
    text = ("Chancellor Olaf Scholz spoke in Berlin. Later Olaf Schulz said more. Scholz left. "
            "Scholz returned on Monday.")
    assert ("Schulz", "Scholz") in flagged(text)
    text = ("Chancellor Olaf Scholz spoke in Berlin. Martin Schozl, his aide, said more. Scholz left. "
            "Scholz returned on Monday.")
    assert ("Schozl", "Scholz") in flagged(text)


def test_a_slavic_feminine_surname_is_another_person():
    # a tester's report: Yulia Navalnaya, the widow of Alexei Navalny, was "Navalny" misspelt
    text = ("Yulia Navalnaya, the widow of Alexei Navalny, said she would continue his work. Navalny died "
            "in an Arctic prison. Navalnaya addressed the European Parliament.")
    assert flagged(text) == []
    from checker.names.morph import slavic_feminine

    assert slavic_feminine("Petrov", "Petrova") and slavic_feminine("Kowalska", "Kowalski")
    assert not slavic_feminine("Taliban", "Talibana") and not slavic_feminine("Ivan", "Ivana")
    # ... as German, Ukrainian and French transliterate the endings (a tester's report: the
    # wife was her husband's misspelling, or the husband was "corrected" to her name)
    assert flagged("Die First Lady Olena Selenska besuchte London. Ihr Mann Wolodymyr Selenskyj blieb "
                   "in Kiew. Selenskyj sprach per Video.", "de") == []
    assert flagged("Olena Selenska reiste nach Berlin. Dort traf Selenska den Kanzler. Wolodymyr "
                   "Selenskyj blieb in Kiew.", "de") == []
    assert flagged("Anastasia Zelenska and Volodymyr Zelenskyi met. Zelenskyi spoke again.") == []
    assert slavic_feminine("Nawalny", "Nawalnaja") and slavic_feminine("Navalnaïa", "Navalny")
    assert slavic_feminine("Gorbatschow", "Gorbatschowa")
    # ... and as Spanish writes the husband (a third tester's report: Naválnaya "fixed" to Navalni)
    assert flagged("Alexéi Navalni murió en febrero. Su esposa, Yulia Naválnaya, dijo que continuará la labor "
                   "de Navalni.\nNaválnaya se reunió con líderes europeos.", "es") == []
    assert slavic_feminine("Navalni", "Navalnaia")
    assert not slavic_feminine("Zelensky", "Zelenskiy")  # two spellings of one man
    # in Cyrillic, the adjectival surnames (a second tester's report: Зеленская was "corrected"
    # to Зеленський, and a slip of Навальный to Навальная, the word list's one name)
    assert slavic_feminine("Зеленская", "Зеленський") and slavic_feminine("Навальный", "Навальная")
    assert not slavic_feminine("Петрова", "Петров")  # also his genitive
    # (the Ukrainian -а only after -ськ: Навальна, Достоевска beside the man are slips; a review)
    assert not slavic_feminine("Навальна", "Навальный") and not slavic_feminine("Достоевска", "Достоевский")
    assert flagged("Алексей Навальный вернулся в Москву. Навальный был задержан. Навальный выступил в суде. "
                   "Навальна говорил долго.", "ru") == [("Навальна", "Навальный")]
    assert flagged("Владимир Зеленський выступил. Зеленського поддержали. Его жена Елена Зеленская тоже. "
                   "Зеленським гордятся. Зеленская сказала.", "ru") == []
    text = ("Алексей Навальный умер в колонии. Его вдова Юлия Навальная обвинила Кремль. Навальный был "
            "известен расследованиями. Навальная заявила о продолжении борьбы. Навальнй, по словам "
            "тюремщиков, почувствовал себя плохо.")
    assert [(f.text, f.suggestions) for f in findings(text, "ru")] == [("Навальнй", ["Навальный"])]
    text = ("Алексей Навальный умер. Навальный был известен. Навальный боролся. Юлия Навальная обвинила "
            "Кремль. Навальнайа заявила.")
    assert [(f.text, f.suggestions) for f in findings(text, "ru")] == [("Навальнайа", ["Навальная"])]
    # (with its accent, as French writes it: a reviewer's report, the check ran on ASCII only)
    assert flagged("Ioulia Navalnaïa a parlé à Paris. Son mari Alexeï Navalny est mort en prison. "
                   "Navalny était opposant.", "fr") == []


def test_first_letter_typed_on_the_next_key_in_a_tie():
    # a typing slip: the key next to the right one (j for h, g for t), from 6 letters, beside a
    # name the language knows; other first letters stay two names (Fernan / Hernan, Lambert /
    # Gambert, above)
    assert flagged("O ministro Hernan Lopes falou ontem. Depois, Jernan respondeu.", "pt") == [("Jernan", "Hernan")]
    text = "Prime Minister Theresa May spoke on Monday. Later, Gheresa said the vote would go ahead."
    assert ("Gheresa", "Theresa") in flagged(text)
    from checker.names.compare import adjacent_keys

    assert adjacent_keys("g", "t") and adjacent_keys("j", "m") and adjacent_keys("й", "ф")
    assert not adjacent_keys("l", "g") and not adjacent_keys("m", "b") and not adjacent_keys("f", "h")


def test_a_title_is_no_first_name_and_typed_initials_of_two_people_stay_apart():
    # a reviewer's reports: Mr Jonson beside Boris Johnson is his slip (a title is no first name),
    # and two rare surnames a key apart after two first names are two people; a feminine
    # surname named once is another person too
    text = "Boris Johnson spoke on Monday. Johnson said more. Johnson left. Later Mr Jonson said it was over."
    assert ("Jonson", "Johnson") in flagged(text)
    text = ("Justin Lessler, a professor at Harvard, wrote the study. Later Ronald Kessler, who runs a lab in "
            "Boston, said it was wrong.")
    assert flagged(text) == []
    assert flagged("Alexei Navalny died in prison. Navalny was 47. His wife, Yulia Navalnaya, said he was killed.") == []


def test_two_coinages_on_one_name_are_no_variants():
    # a tester's report: Putinist beside Putinism was a "typo" (and a safe fix through a drafted
    # house list); words coined from a name are seldom in word lists
    assert flagged('From Trumpism to Putinism, the essay ranges widely. Critics describe a "Putinist" '
                   "foreign policy.") == []
    assert flagged("Observers describe a new Erdoganism in Ankara. Every Erdoganist official agreed.") == []
    assert flagged("Les commentateurs parlent de Zemmourisme à Paris. Chaque Zemmouriste a voté contre.", "fr") == []
    # a slip of the same length is still one, also where it makes a suffix of an unknown word
    # beside a common one (Britist: Brit + ist beside Brit + ish)
    assert flagged("Observers describe Erdogan in Ankara. Erdogan spoke. Later Erdoyan agreed.") == [
        ("Erdoyan", "Erdogan")]
    assert flagged("The British embassy closed on Monday. Later the Britist ambassador left.") == [
        ("Britist", "British")]


@pytest.mark.parametrize("text, lang, expected", [
    ("El ministro Miguel Hernández habló ayer en Madrid. Fuentes cercanas a Hernandez reconocen dudas.", "es",
     [("Hernandez", "Hernández")]),
    ("El presidente del Gobierno, Pedro Sánchez, respaldó el plan. Fuentes cercanas a Sanchez reconocen dudas.",
     "es", [("Sanchez", "Sánchez")]),
    ("Le ministre Jean-Luc Mélenchon a parlé hier à Marseille. Des proches de Melenchon reconnaissent des doutes.",
     "fr", [("Melenchon", "Mélenchon")]),
    # French may leave a capital unaccented; a language's word written as English writes it is
    # the English name kept (Florida beside the Portuguese Flórida)
    ("Le championnat d’Écosse commence. Il veut guider ce sport en Ecosse, dit-il.", "fr", []),
    ("O furacão atingiu a Flórida na segunda-feira. A Florida International University fechou.", "pt", []),
])
def test_a_name_written_once_without_its_accents_in_a_tie(text, lang, expected):
    # a tester's report: Sanchez, Hernandez, Melenchon beside their accented spelling, once each,
    # passed as "two words" because the web writes them without accents too
    assert flagged(text, lang) == expected


def test_a_sentence_opener_before_a_name_is_no_first_name():
    # a tester's report: "Según Khamenei" read as another person's name beside "Alí Jamenei"
    text = ("El líder supremo Alí Jamenei habló ayer en Teherán. El mensaje de Jamenei fue leído. "
            "Según Khamenei, habrá castigo.")
    assert flagged(text, "es") == [("Khamenei", "Jamenei")]
    text = "El líder Muamar Gadafi habló ayer. El mensaje de Gadafi fue leído. Según Gaddafi, habrá castigo."
    assert flagged(text, "es") == [("Gaddafi", "Gadafi")]


def test_a_capital_inside_a_name_dropped_once_is_a_slip():
    # a tester's report: case slips inside a name were never reported
    assert flagged("Governor Ron DeSantis spoke. Aides said DeSantis was tired. Then Desantis left. "
                   "Critics said DeSantis lied.") == [("Desantis", "DeSantis")]
    assert flagged("Kevin McCarthy spoke. Aides said McCarthy was tired. Then Mccarthy left.") == [
        ("Mccarthy", "McCarthy")]
    # one each: no majority to tell the slip
    assert flagged("Kevin McCarthy spoke. Then Mccarthy left.") == []


def test_two_established_names_a_doubled_letter_apart_each_used_twice_are_two():
    # a tester's report: the singer Anitta and Anita Garibaldi, twice each
    text = ("A cantora Anitta falou ontem. A atriz Anita Garibaldi discordou. Anitta respondeu que Anita não "
            "leu o relatório.")
    assert flagged(text, "pt") == []
    assert flagged("Steven Gerrard scored. Gerrard ran. Gerrard left. Later Gerard came back.") == [
        ("Gerard", "Gerrard")]


def test_first_names_differing_in_accents_or_case_before_two_surnames_are_two_people():
    # a review: Angela Merkel beside Ángela Rodríguez, and Matt LeBlanc x3 beside the novelist
    # Maurice Leblanc, were reported as slips once ties of accents and case slips were found
    assert flagged("La canciller alemana Angela Merkel habló ayer en Berlín. La ministra española Ángela "
                   "Rodríguez respondió en Madrid.", "es") == []
    assert flagged("Matt LeBlanc starred. LeBlanc spoke. LeBlanc left. The novelist Maurice Leblanc wrote "
                   "books.") == []
    # the same person's name is still a slip
    assert flagged("La ministra Ángela Rodríguez habló. Después, Angela Rodríguez respondió.", "es") == [
        ("Angela", "Ángela")]


@pytest.mark.parametrize("text, lang, expected", [
    ("El presidente del Gobierno, Pedro Sánchez, respaldó el plan. Fuentes cercanas a Sanchez reconocen dudas.",
     "es", [("Sanchez", "Sánchez")]),
    ("Le championnat d’Écosse commence. Il veut guider ce sport en Ecosse, dit-il.", "fr", []),
])
def test_decomposed_text_is_judged_as_composed(text, lang, expected):
    # a review: saved decomposed (NFD), Sánchez was unknown to the word list, so the plain
    # spelling won the tie, and the French capital Écosse was no longer one
    import unicodedata

    assert flagged(unicodedata.normalize("NFD", text), lang) == [
        (unicodedata.normalize("NFD", a), unicodedata.normalize("NFD", b)) for a, b in expected]


def test_one_spelling_composed_and_decomposed_is_no_variant():
    # a tester's report: José Sánchez three times composed (NFC) and once decomposed (NFD) gave
    # '"Sánchez" should probably read "Sánchez"' (the multi-word path; single words were quiet)
    import unicodedata

    text = "José Sánchez habló. José Sánchez votó. José Sánchez ganó. " + unicodedata.normalize(
        "NFD", "Luego José Sánchez perdió. Ayer Sánchez dijo.")
    assert flagged(text, "es") == []


def test_two_common_words_of_three_letters_are_no_variants():
    # a tester's report on NTREX: the month's abbreviation Nov taken for a slip of New (x3)
    assert flagged("New rules start in Nov. The New York office agreed. The New plan is ready.") == []


@pytest.mark.parametrize("a, b, edits", [
    ("massoud", "massud", 1),      # a letter dropped
    ("taliban", "tailban", 1),     # two letters swapped: one edit (optimal string alignment)
    ("ca", "abc", 3),              # OSA, not Damerau-Levenshtein (which gives 2)
    ("киев", "кыив", 2),
    ("zelensky", "zelensky", 0),
    ("al", "alexandria", 8),       # lengths apart by more than 2: only their difference
])
def test_damerau(a, b, edits):
    assert damerau(a, b) == edits


def test_a_spelling_past_the_kept_places_is_told_not_silently_cut(monkeypatch):
    # a tester's report: 12,000 "Taleban" gave 10,000 findings and no word of the rest
    import checker
    from checker import TranscheckWarning
    from checker.names import extract, stats

    monkeypatch.setattr(extract, "MAX_LOCATIONS", 3)
    monkeypatch.setattr(stats, "MAX_LOCATIONS", 3)
    text = "The Taliban took Kabul, and the Taliban ruled it. " * 20 + "The Taleban came. " * 5 + "\n"
    with pytest.warns(TranscheckWarning, match='"Taleban" occurs 5 times; TC101 reports the first 3'):
        found = checker.check_text(text, lang="en", select=["TC101"])
    assert [f.text for f in found] == ["Taleban"] * 3 and "(5×)" in found[0].message


@pytest.mark.parametrize("text, lang, expected", [
    # the wire's English spelling left in a translation (a tester's report: no finding)
    ("Los misiles alcanzaron Kiev el lunes. El alcalde de Kiev habló. Las autoridades de Kyiv pidieron ayuda.",
     "es", {("Kyiv", "Kiev")}),
    ("Les troupes sont à Téhéran. Le maire de Téhéran a parlé. Plus tard, la situation à Tehran s'est aggravée.",
     "fr", {("Tehran", "Téhéran")}),
    # a capitalised word opening the sentence makes no name of it (Desde Kyiv: a tester's report)
    ("Los misiles alcanzaron Kiev el lunes. El alcalde de Kiev habló. Desde Kyiv llegan noticias.",
     "es", {("Kyiv", "Kiev")}),
    # ... but inside a name the English spelling is the name's own (a newspaper, a mountain)
    ("Le journal Kyiv Independent écrit que Kiev tient. Les habitants de Kiev restent.", "fr", set()),
    ("Mount Everest, 8848 m. Ensuite le Mont Everest; puis le Mont Everest encore.", "fr", set()),
])
def test_an_english_spelling_outside_a_name_is_a_variant_of_the_translation(text, lang, expected):
    assert set(flagged(text, lang)) == expected


def test_a_name_keeping_its_english_spelling_is_left_beside_a_slip_of_it():
    # a tester's report: with a slipped Kyiv elsewhere, the newspaper's name was reported and its
    # unsafe fix wrote "el diario Kiev Independent"
    import checker

    text = ("Los misiles alcanzaron Kiev el lunes. El diario Kyiv Independent informó. El alcalde de Kiev "
            "habló. Las autoridades de Kyiv pidieron ayuda. Kiev resiste.")
    found = checker.check_text(text, lang="es", select=["TC101"])
    assert [(f.text, f.column) for f in found] == [("Kyiv", text.rindex("Kyiv") + 1)]
    # ... but a slip in a name the text writes beside the same word is one (London Bread)
    text = "A prefeita London Breed falou. Depois, London Breed voltou. Mais tarde, London Bread saiu."
    assert [f.text for f in checker.check_text(text, lang="pt", select=["TC101"])] == ["Bread"]


@pytest.mark.parametrize("text, lang", [
    # a first name of two people beside another's surname (Mohamed ... Hassan Sheikh Mohamud)
    ("El general Mohamed Hamdan Dagalo rechazó la tregua. La Unión Africana, presidida por el jefe de Estado "
     "de Mauritania Mohamed Ould Ghazouani, pidió calma. El presidente somalí, Hassan Sheikh Mohamud, viajó "
     "a El Cairo.", "es"),
    # a whole spelling near only another's stem (Hayya / hama-s), three letters apart as written
    # (but a title is no first name: Crown Prince Muhammed is the prince's slip; below)
    ("Le Hamas a confirmé la mort de son chef. Selon le Hamas, les otages ne seront pas libérés. Le "
     "responsable Khalil al-Hayya a parlé à la télévision. Le Hamas exige un cessez-le-feu.", "fr"),
])
def test_other_peoples_names_that_look_alike_are_no_variants(text, lang):
    # a names tester's reports
    import checker

    assert checker.check_text(text, lang=lang, select=["TC101"]) == []


def test_a_tie_goes_to_the_spelling_of_the_original():
    # a tester's report: beside its original (--source) the translation's 1:1 tie was decided for
    # the misspelling; a majority stays the translation's own (Gaddafi 3, Kadhafi 1)
    import checker

    source = "UN envoy Ingrid Halvorsen arrived in Geneva on Monday.\n\nHalvorsen will brief the Council.\n"
    target = "L'envoyée de l'ONU Ingrid Halvorson est arrivée lundi.\n\nMme Halvorsen informera le Conseil.\n"
    found = checker.check_pair(source, target, source_lang="en", lang="fr", select=["TC101"])
    assert [(f.text, f.suggestions) for f in found] == [("Halvorson", ["Halvorsen"])]
    source = "Kadhafi a parlé. Le colonel Kadhafi est parti. Kadhafi est revenu. Selon Kadhafi, rien."
    target = "Gaddafi spoke. Colonel Gaddafi left. Gaddafi came back. According to Kadhafi, nothing."
    found = checker.check_pair(source, target, source_lang="fr", lang="en", select=["TC101"])
    assert [(f.text, f.suggestions) for f in found] == [("Kadhafi", ["Gaddafi"])]


def test_a_slip_after_a_title_is_no_other_persons_surname():
    # a review: "Crown Prince Muhammed" beside two men named Mohammed was taken for a surname
    import checker

    text = ("Saudi Crown Prince Mohammed Salman met Iraqi Prime Minister Mohammed Shia al-Sudani in Riyadh on "
            "Monday. Later, Crown Prince Muhammed said the talks had been fruitful.")
    assert [f.text for f in checker.check_text(text, lang="en", select=["TC101"])] == ["Muhammed"]


def test_a_tie_goes_to_the_original_also_through_an_inflected_spelling():
    # a review: Halvorsens (genitive) was suggested Halvorsons
    import checker

    found = checker.check_pair("Minister Ingrid Halvorsen visited Oslo. The deal of Halvorsen will be signed.",
                               "Ministerin Ingrid Halvorson besuchte Oslo. Halvorsens Abkommen wird unterzeichnet.",
                               source_lang="en", lang="de", select=["TC101"])
    assert [(f.text, f.suggestions) for f in found] == [("Halvorson", ["Halvorsen"])]


@pytest.mark.parametrize("text, lang, slip", [
    ("Marine Le Pen a posé ses conditions lundi. Le RN votera la censure, a prévenu Marine Le Pen. Selon ses "
     "proches, Marine le Pen ne veut pas de crise.", "fr", ("le", "Le")),
    ("Charles de Gaulle a parlé. Le général Charles de Gaulle est parti. Plus tard, Charles De Gaulle revint.",
     "fr", ("De", "de")),
    # ... after a title, the particle and the surname written 2+ times the other way in other names
    # (a names tester's report: "Mme le Pen" beside "Mme Le Pen" once and "Marine Le Pen" twice)
    ("Marine Le Pen a parlé. Mme Le Pen a ensuite quitté la salle. Marine Le Pen est revenue. Selon Mme le Pen, "
     "rien n'est joué.", "fr", ("le", "Le")),
])
def test_a_particle_written_in_the_other_case_inside_a_full_name(text, lang, slip):
    # a names tester's report: "Marine le Pen" beside "Marine Le Pen" twice was missed
    import checker

    assert [(f.text, f.suggestions[0]) for f in checker.check_text(text, lang=lang, select=["TC101"])] == [slip]


def test_a_particle_in_the_other_case_once_each_is_no_slip():
    import checker

    assert checker.check_text("Charles de Gaulle a parlé. Plus tard, Charles De Gaulle revint.", lang="fr",
                              select=["TC101"]) == []
    # ... nor a capital the particle takes at a sentence's start (a review: "von" was reported)
    text = ("Ursula von der Leyen spoke. Von der Leyen said so. Von der Leyen will travel. The president Ursula "
            "Von der Leyen left.")
    assert checker.check_text(text, lang="en", select=["TC101"]) == []


def test_a_first_name_like_a_countrys_is_another_name_beside_the_country():
    # a names tester's report: Giorgia (Meloni) was taken for a slip of Georgia, the country
    text = ("La primera ministra italiana, Giorgia Meloni, habló con el presidente de Georgia. "
            "Meloni dijo que Georgia tiene futuro.")
    assert flagged(text, "es") == []
    text = "Giorgia Meloni visited Georgia. Giorgia Meloni spoke. Giorgia Meloni left. Georgia welcomed her."
    assert flagged(text) == []
    # ... but the country's spelling used once, alone, beside her name written more often is her
    # name misspelt (a review), and so is a spelling no list knows, and a word inside a longer name
    text = "Giorgia Meloni spoke. Giorgia Meloni left. Giorgia Meloni won. Later, Georgia said she would stay."
    assert flagged(text) == [("Georgia", "Giorgia")]
    text = "La ministra Georgja Meloni habló con el presidente de Georgia. Meloni dijo que Georgia tiene futuro."
    assert flagged(text, "es") == [("Georgja", "Georgia")]


def test_a_word_in_the_place_of_a_name_written_three_times_is_its_slip():
    # a names tester's report: Justine Trier (the city, Zipf 3.5 in French) beside Justine Triet
    # three times was missed; inside the same full name, a spelling used once is its slip
    text = ("La réalisatrice Justine Triet a gagné. Justine Triet a remercié son équipe. "
            "Interrogée, Justine Trier a ri. Le film de Justine Triet sort en août.")
    assert flagged(text, "fr") == [("Trier", "Triet")]
    # ... not where both recur: two people (Justine Trier twice beside Justine Triet three times)
    both = text + " Plus tard, Justine Trier est repartie."
    assert flagged(both, "fr") == []
    # ... nor a name rarer than the other, beside it: two people (the final tester's report)
    for minority, dominant in (("Johnston", "Johnson"), ("Kelley", "Kelly")):
        text = (f"Senator Mike {dominant} spoke first. Mike {dominant} said the bill would pass. "
                f"Later Mike {minority} disagreed. Mike {dominant} left early.")
        assert flagged(text) == []
    # ... but a slip into a word that is no name is one, rarer or not (Donald Tramp: a review)
    for minority, dominant in (("Tramp", "Trump"), ("Harass", "Harris")):
        text = (f"Senator Mike {dominant} spoke first. Mike {dominant} said the bill would pass. "
                f"Later Mike {minority} disagreed. Mike {dominant} left early.")
        assert flagged(text) == [(minority, dominant)]


def test_rarer_first_names_before_two_rare_surnames_are_two_people():
    # a names tester's report: Daniil Medvedev / Daniel Altmaier, Andrey Rublev / Andre Agassi
    assert flagged('Daniil Medvedev beat Daniel Altmaier on Wednesday. "Daniel played unbelievable tennis," '
                   "Medvedev said.") == []
    assert flagged("Andrey Rublev beat Casper Ruud. Rublev will meet Andre Agassi's protege next. "
                   "Agassi was watching.") == []
    # (the same surname after both: one man's name misspelt)
    assert flagged("Daniil Medvedev beat Casper Ruud. Daniel Medvedev said he was tired. Medvedev left.") \
        == [("Daniil", "Daniel")]


def test_a_countrys_name_beside_its_peoples_word_is_no_slip():
    # a names tester's report: Nigerien (of Niger) was a typo of Nigeria, and Nigeriens "Nigerias"
    text = ("West African leaders met in Nigeria on Thursday. Nigeria's president chairs the bloc. "
            "Nigerien soldiers rallied in Niamey. The Nigeriens cheered.")
    assert flagged(text) == []


def test_a_russian_name_in_lower_case_beside_its_case_forms():
    # a names tester's report: лавров was found until the text also declined the name (Лаврова
    # vetoed the link as its case form); путин (Zipf 5.1) was never looked at
    text = ("Министр Сергей Лавров заявил. Об этом сказал Лавров. Кроме того, министр Сергей лавров "
            "прокомментировал сообщения. По словам Сергея Лаврова, саммит бесперспективен. Также Лавров отказался.")
    assert flagged(text, "ru") == [("лавров", "Лавров")]
    text = ("Президент Владимир Путин заявил. Об этом сказал Путин. Кроме того, президент Владимир путин "
            "прокомментировал сообщения. Также Путин отказался.")
    assert flagged(text, "ru") == [("путин", "Путин")]


def test_russian_transliterations_and_an_impossible_spelling():
    # a names tester's report: Мохаммед beside Мухаммед (both names the dictionary knows) was
    # taken for two words; Зеленскй (й after a consonant) joined Зеленский as a case form
    text = ("Путин встретился с принцем Мухаммедом. Он пригласил Мухаммеда в Москву. Путин и Мохаммед "
            "выступили за мир. Затем Мухаммед уехал.")
    assert flagged(text, "ru") == [("Мохаммед", "Мухаммед")]
    text = ("Президент Украины Владимир Зеленский заявил о готовности. По словам Зеленского, Киев ждет помощи. "
            "Позже Зеленский уехал в Брюссель. В ответ Зеленскй промолчал.")
    assert flagged(text, "ru") == [("Зеленскй", "Зеленский")]


def test_a_sentence_initial_spelling_without_the_accents_of_the_name_mid_sentence():
    # a names tester's report: German word lists know Erdogan (4.4) better than Erdoğan (3.3), so
    # a sentence's first Erdogan beside Erdoğan x3 was never a candidate; a capital's own accent
    # may go (French Etat beside État)
    text = ("Der Präsident Recep Tayyip Erdoğan sprach lange. Danach sagte Erdoğan nichts. Am Abend kam "
            "Erdoğan zurück. Erdogan sagte, die Türkei sei bereit.")
    assert flagged(text, "de") == [("Erdogan", "Erdoğan")]
    text = "Le budget de l'État augmente. Le rôle de l'État change. Etat et régions discutent."
    assert flagged(text, "fr") == []


def test_first_names_misspelt_with_their_surnames_and_ian_ien_slips():
    # a review: Alexey Navalnyi beside Alexei Navalny (both words misspelt at once) was taken for
    # two people; Fabien / Fabian, an -ien beside an -ian, was taken for two derivations
    text = ("Alexei Navalny was jailed in January. Supporters of Alexei Navalny protested. Later Alexey "
            "Navalnyi spoke from prison. Alexei Navalny's team agreed.")
    assert ("Alexey", "Alexei") in flagged(text)
    text = "Fabian Roussel spoke first. Fabian Roussel said no. Later Fabien Roussel left. Fabian Roussel stayed."
    assert flagged(text) == [("Fabien", "Fabian")]


def test_two_people_a_common_first_name_beside_a_mononym_or_side_by_side():
    # a second names tester's report: Rodrigo De Paul beside Rodrygo x3 (the player known by one
    # name); Jaramogi Oginga Odinga (two words of one name side by side); "Shanxi and Shaanxi"
    # (two provinces in one sentence, known to the word lists about as well)
    assert flagged("Rodrigo De Paul adelantó al Atlético. Rodrygo empató para el Madrid. Rodrygo salió desde "
                   "el banquillo. Ancelotti elogió a Rodrygo.", "es") == []
    assert flagged("Jaramogi Oginga Odinga was the first vice-president. Raila Odinga ran five times.") == []
    assert flagged("Shanxi is the biggest coal producer. Shanxi and Shaanxi produce most coal. "
                   "Production in Shanxi rose.") == []
    # (a slip into the common name keeps the rare one's surname: Rodrygo Goes x2, Rodrigo Goes)
    assert flagged("Rodrygo Goes empató. Rodrygo Goes salió. Ancelotti elogió a Rodrigo Goes.", "es") == [
        ("Rodrigo", "Rodrygo")]
