"""Speed-ups of TC101 that must not change a result: batched look-ups, lazy neighbours."""

from __future__ import annotations

import pytest

from checker import lexicon
from checker.names import compare


@pytest.fixture
def fresh_lexica(monkeypatch):
    """Word lists opened anew (empty memos) and ``name_like`` computed anew."""
    monkeypatch.setattr(lexicon, "_LEXICA", {})
    compare.name_like.cache_clear()
    yield
    compare.name_like.cache_clear()


WORDS = ["sedan", "muhammad", "tramp", "parish", "berlin", "xqzzyv"]


def test_prefetch_name_like_fills_every_word_list(fresh_lexica):
    compare.prefetch_name_like(WORDS, "de")
    for lang in ("en", "de", "fr", "es", "pt"):
        memo = lexicon.get_lexicon(lang)._memo
        assert all(w in memo for w in WORDS), lang


def test_prefetch_name_like_changes_no_answer(fresh_lexica, monkeypatch):
    expected = {lang: [compare.name_like(w, lang) for w in WORDS] for lang in ("en", "de", "ru")}
    monkeypatch.setattr(lexicon, "_LEXICA", {})
    compare.name_like.cache_clear()
    for lang in expected:
        compare.prefetch_name_like(WORDS, lang)
        assert [compare.name_like(w, lang) for w in WORDS] == expected[lang]


def test_prefetch_name_like_skips_languages_it_never_compares(fresh_lexica):
    compare.prefetch_name_like(WORDS, "ru")  # name_like is False outside its five languages
    assert lexicon._LEXICA == {}
