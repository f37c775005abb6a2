import pytest
from conftest import FIXTURES

from checker.lang import detect_language, normalise_lang
from checker.model import InputError
from checker.segment import split_sentences


@pytest.mark.parametrize(
    "name, lang",
    [("eng", "en"), ("por", "pt"), ("spa", "es"), ("fra", "fr"), ("deu", "de"), ("rus-wmt22", "ru"), ("zho-wmt22", "zh")],
)
def test_detects_the_language_of_real_news(name, lang):
    text = (FIXTURES / "ntrex" / f"{name}.txt").read_text(encoding="utf-8")
    assert detect_language(text) == lang


def test_detection_is_deterministic():
    text = "Taliban Massoud Panjshir Kabul ok"  # short and ambiguous: the seed must fix the answer
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_too_little_text_is_undetermined():
    assert detect_language("  42 ") is None


def test_language_codes_are_normalised_and_validated():
    assert normalise_lang("pt-BR") == "pt"
    assert normalise_lang("es_419") == "es"
    with pytest.raises(InputError):
        normalise_lang("english please")


@pytest.mark.parametrize("code, lang", [("fil", "fil"), ("zh-Hant", "zh"), ("sr-Latn", "sr"), ("pt-BR", "pt")])
def test_registered_language_codes_are_accepted(code, lang):
    assert normalise_lang(code) == lang


@pytest.mark.parametrize("code", ["xx", "zz", "en-abcdefg", "qqq-ZZZZZ"])
def test_unregistered_language_codes_are_errors(code):
    # well-formed but no language: a silent run with no word list would miss most names findings
    with pytest.raises(InputError, match="invalid language code"):
        normalise_lang(code)


def test_an_unknown_lang_on_the_command_line_exits_2(tmp_path):
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The Taliban took Kabul.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "checker", "check", "--isolated", "--lang", "xx", str(article)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["transcheck: error: invalid language code 'xx' (expected an ISO 639 code such as en, pt or pt-BR)"]


def test_sentence_splitting_keeps_offsets_and_abbreviations():
    text = "Mr. Smith went to Washington. He met Dr. Jones at 3 p.m. today.  Then he left."
    spans = split_sentences(text, "en")
    assert [text[a:b] for a, b in spans] == [
        "Mr. Smith went to Washington.",
        "He met Dr. Jones at 3 p.m. today.",
        "Then he left.",
    ]


def test_langdetect_tables_are_cached_and_a_broken_cache_is_rebuilt(tmp_path, monkeypatch):
    from checker import lang

    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    text = (FIXTURES / "ntrex" / "por.txt").read_text(encoding="utf-8")
    monkeypatch.setattr(lang, "_factories", {})
    assert detect_language(text) == "pt"  # built from the JSON profiles, then stored
    cached = list(tmp_path.glob("langdetect-latin-cyrillic-*.marshal"))
    assert len(cached) == 1
    built = lang._factories["latin-cyrillic"]
    monkeypatch.setattr(lang, "_factories", {})
    assert detect_language(text) == "pt"  # read back from the cache
    assert lang._factories["latin-cyrillic"].langlist == built.langlist
    cached[0].write_bytes(b"not marshal data")
    monkeypatch.setattr(lang, "_factories", {})
    assert detect_language(text) == "pt"  # a broken cache is ignored and rewritten
    assert cached[0].stat().st_size > 1000


@pytest.mark.parametrize("text, expected", [
    ("Ви не знаєте коли можна жити там?", "uk"),  # langdetect alone: mk (є is Ukrainian only)
    ("Вибачте, але ми трохи запізнилися.", "uk"),  # langdetect alone: ru (ї)
    ("Мы тоже были там вчера, это было хорошо.", "ru"),
])
def test_a_letter_only_one_cyrillic_language_writes_settles_short_text(text, expected):
    assert detect_language(text) == expected


def test_a_very_long_block_is_split_window_by_window_with_the_same_sentences(monkeypatch):
    # sentencex's cost grows with the square of a block's length; above WINDOW characters the
    # block is read in windows that each end where a sentence starts
    from checker import segment

    text = " ".join(f"Sentence {i} tells of Dr. Smith in Kabul, says the U.N. report." for i in range(400))
    whole = split_sentences(text, "en")
    monkeypatch.setattr(segment, "WINDOW", 1000)
    windowed = split_sentences(text, "en")
    assert len(whole) == 400 and windowed == whole


@pytest.mark.parametrize("text, expected", [
    # langdetect alone: it, id, bg, it (NTREX-128 and WMT22 sentences)
    ("Pedro Sánchez sent messages. Later Pedro Sanchez visited Brazil.", "en"),
    ("Kanye West: rapper muda seu nome para Ye", "pt"),
    ("Отличная зимняя забава, не правда ли?", "ru"),
    ("Reuters no pudo validar el material de inmediato.", "es"),
    # a language outside the usual ones keeps langdetect's answer when it is right, and so does
    # English full of names other languages' word lists hold (only lower-case words vote)
    ("Després, Erdogan es va dirigir a Colònia per inaugurar una gran mesquita nova.", "ca"),
    ("Macron and Scholz met in Paris.", "en"),
    ("Lula and Bolsonaro clashed in Brasilia.", "en"),
])
def test_the_words_of_a_short_text_settle_its_language(text, expected):
    # Character n-grams are unsure on a line or two; the candidate whose word list holds clearly
    # more of its words as common words wins.
    assert detect_language(text) == expected


@pytest.mark.parametrize("code, default, primary", [
    ("pt-BR", "", "pt"), ("pt_BR", "", "pt"), ("PT", "", "pt"), ("es-419", "", "es"),
    (None, "", ""), ("", "", ""), (None, "en", "en"), ("", "en", "en"), ("fr", "en", "fr"),
])
def test_primary_language(code, default, primary):
    from checker.lang import primary_language

    assert primary_language(code, default) == primary
