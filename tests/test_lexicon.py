"""The word-frequency lexicon: its SQLite cache in any folder, and memos that stay bounded."""

from __future__ import annotations

import os

import pytest

from checker import lexicon

LANG = "fa"  # a small word list (under 1 MB): the cache builds in a moment


@pytest.fixture
def odd_cache(tmp_path, monkeypatch):
    """A cache folder whose path a URI would misread unless escaped (#, %, a space; and ? where
    the system allows it in a name)."""
    folder = tmp_path / ("cache #1 %20" if os.name == "nt" else "cache #1 ?x=%20")
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(folder))
    return folder


def test_the_cache_opens_from_a_folder_with_uri_characters(odd_cache):
    expected = lexicon._load_frequencies(LANG)
    common = max(expected, key=expected.get)
    lex = lexicon.Lexicon(LANG)
    assert lex._con is not None, "the SQLite cache was not opened (fell back to a dict)"
    assert list(odd_cache.glob("*.sqlite3")), "no cache file in the configured folder"
    assert lex.zipf(common) == expected[common] > 3
    assert lex.zipf("qqqxqqq") == 0.0
    # a second Lexicon reads the file built by the first (read-only, immutable)
    assert lexicon.Lexicon(LANG).zipf(common) == expected[common]


def test_memos_start_again_past_their_limit(odd_cache, monkeypatch):
    expected = lexicon._load_frequencies(LANG)
    words = sorted(expected, key=expected.get, reverse=True)[:40]
    lex = lexicon.Lexicon(LANG)
    lex.prefetch(words[:5])  # one query: the words are then memo hits, as written
    assert {w: lex._raw.get(w) for w in words[:5]} == {w: expected[w] for w in words[:5]}
    monkeypatch.setattr(lexicon, "MEMO_LIMIT", 10)
    lex = lexicon.Lexicon(LANG)
    for word in words[:25]:
        assert lex.zipf(word) == expected[word]
        assert len(lex._raw) <= 10
    lex.prefetch(words[10:40])  # more new words than the limit at once: looked up all the same
    assert [lex.zipf(w) for w in words] == [expected[w] for w in words]
    assert len(lex._raw) <= 10 + 1
    assert lex.zipf(words[0].upper()) == expected[words[0]]  # case-folded key
