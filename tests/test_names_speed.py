"""Speed-ups of TC101 that must not change a result: lazy neighbours, endings by last letter."""

from __future__ import annotations

import pytest


def _eager_neighbours(stats) -> dict[str, set]:
    """The neighbours of every word at once: what ``_Neighbours`` must answer word by word."""
    from checker.names.extract import PARTICLES

    out: dict[str, set] = {}
    for table in (stats.lower, stats.tokens):
        for word, st in table.items():
            for loc in st.locations:
                if loc[4]:
                    out.setdefault(word, set()).update(loc[4])
    for key in stats.multi:
        toks = [t for t in key.split(" ") if t not in PARTICLES]
        for i, tok in enumerate(toks):
            if i:
                out.setdefault(tok, set()).add(("L", toks[i - 1]))
            if i + 1 < len(toks):
                out.setdefault(tok, set()).add(("R", toks[i + 1]))
    return out


def test_lazy_neighbours_equal_the_eager_ones():
    from checker.names import collect
    from checker.names.cluster import _Neighbours
    from checker.pipeline import load_text

    text = ("Donald Trump met Hernan de Diego and KAISER Sena. Later trakc Palin spoke.\n\n"
            "Trump said the talks with Diego went well; Sena agreed and Palin left.\n\n"
            "Then came Diego Costa and Senator Sena Quast.\n")
    stats = collect(load_text(text, "t.txt", "en"))
    eager = _eager_neighbours(stats)
    lazy = _Neighbours(stats)
    words = set(stats.tokens) | set(stats.lower) | {"Nobody"}
    assert {w: lazy.get(w) for w in words} == {w: eager.get(w) for w in words}
    assert eager["Trump"] == {("L", "Donald")} and eager["Diego"] == {("L", "Hernan"), ("R", "Costa")}
    assert ("L", "Senator") in eager["Sena"] and ("R", "Sena") in eager["Senator"]
    assert ("R", "Palin") in eager["trakc"] and ("L", "KAISER") in eager["Sena"]


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk", "pl", None])
def test_endings_by_last_letter_keep_every_stem(lang):
    """``stems`` and ``stem_endings`` try only the endings a form can have: the same result as
    trying every ending of the language, in the same order."""
    from checker.names import morph

    words = ["Soviets", "Deutschlands", "Bauern", "Parteien", "Chamberss", "Lewies", "Путина",
             "Путиным", "Яхью", "Дубаяя", "Києва", "Tories", "Maisons", "x", "Marx"]
    for word in words:
        f = word.casefold()
        expected = [e for e in morph.endings(lang) if f.endswith(e)]
        assert [e for e in morph._possible_endings(f, lang) if f.endswith(e)] == expected


def test_no_name_is_longer_than_a_name_can_be():
    # a corpus tester's report: one 30,000-letter word took 4.4 GB (its delete keys), a text of
    # 5,000 capitalised words made one multi-word "name" that every lookup split again
    from checker.names import collect
    from checker.names.extract import MAX_NAME_LEN, MAX_NAME_WORDS
    from checker.pipeline import load_text, segment

    long_word = "A" + "b" * 30_000
    words = " ".join(f"Name{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(MAX_NAME_WORDS + 1))
    text = f"Kabul and {long_word} and {'x' * 30_000}. {words}. Ahmad Shah Massoud spoke to Abdel Fattah al-Sisi."
    stats = collect(segment(load_text(text, lang="en")))
    assert max(map(len, stats.tokens)) <= MAX_NAME_LEN and max(map(len, stats.lower), default=0) <= MAX_NAME_LEN
    assert sorted(stats.multi) == ["Abdel Fattah al Sisi", "Ahmad Shah Massoud"]


def test_a_long_run_without_letters_is_scanned_once():
    # a corpus tester's report: a code block or a table of numbers (tens of KB without letters)
    # took seconds to minutes, the capitalised-token scan retried at each of its characters; the
    # scan starts only right after a word, and finds what it found before
    import re

    from checker.names.extract import _CAP, _CAP_AFTER_LETTER

    unanchored = re.compile(r"([\W\d_]+)(" + _CAP + ")")
    text = "x 12, 34 — «Kabul» and (Panjshir), 1999: Massoud's men; eBay, iPhone, 3M Ümit and ÉLAN"
    assert [m.groups() for m in _CAP_AFTER_LETTER.finditer(text)] == [m.groups() for m in unanchored.finditer(text)]
    # (a match never starts inside a run: only right after a letter, or at the text's start)
    runs = "Kabul ,;: 12 -- 34 ... and then , , , Massoud"
    assert [m.start() for m in _CAP_AFTER_LETTER.finditer(runs)] == [runs.index(" , , ,")]
    assert [m.start() for m in _CAP_AFTER_LETTER.finditer("  Kabul")] == [0]
