"""TC201 guards: hyphenated compounds in the source, acronyms rendered by their expansion."""

import checker
from conftest import FIXTURES

G = FIXTURES / "glossary"


def pair(config_path, source, target):
    return checker.check_pair(source, target, source_lang="en", lang="pt", config=config_path, select=["TC201"])


def cfg(tmp_path):
    path = tmp_path / "transcheck.toml"
    path.write_text(f'glossaries = ["{G / "acronyms-en-pt.csv"}"]\n')
    return str(path)


def test_tc201_compound_rendered_as_one_word_passes(tmp_path):
    assert pair(cfg(tmp_path), "Stay in self-quarantine for 14 days.", "Fique em autoquarentena por 14 dias.") == []


def test_tc201_compound_with_the_term_lost_is_reported(tmp_path):
    found = pair(cfg(tmp_path), "Stay in self-quarantine for 14 days.", "Fique em casa por 14 dias.")
    assert [f.suggestions for f in found] == [["quarentena"]]


def test_tc201_prefix_inside_a_word_does_not_count_without_hyphen(tmp_path):
    # a standalone occurrence must be rendered by a word of its own, not inside a compound
    found = pair(cfg(tmp_path), "Stay in quarantine.", "Fique em autoquarentena.")
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
