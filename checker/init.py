"""``transcheck init``: starter configuration, house style and glossary, with comments.

Returns what it wrote; refuses (InputError) to overwrite an existing file unless ``force``.
"""

from __future__ import annotations

import json
import os

from .lang import primary_language

CONFIG = """\
# transcheck configuration (see `transcheck rules` and the project README).
# Paths are relative to this file. Command-line options win over these settings.

{lang_setting}# the language of the translations you check
{source_setting}# the language they are translated from (bilingual checks)

# House style: YAML rule files (transcheck's or Vale's format), rules TC301-TC305.
styles = ["style/house.yml"]

{glossary_setting}
# fail-level = "warning"        # lowest severity that makes the exit code 1
# ignore = ["TC304"]            # rules to turn off (codes, prefixes such as "TC3", names)

# [per-file-ignores]
# "archive/*.md" = ["TC101"]

# [severity]                   # codes, prefixes, names or categories; the most specific wins
# TC302 = "error"
"""

STYLE = """\
# House style for transcheck (rules TC301-TC305). Each entry under `rules:` is one rule, named
# House.<key> in reports and in suppression comments (<!-- transcheck-disable House.Wording -->).
# A Vale rule file (a single rule with `extends:` at the top) can be listed in `styles` as well.
style: House
rules:
  # substitution: wrong -> right. Keys may be regular expressions; the case of the text is kept.
  # One replacement makes a safe fix (`transcheck check --fix`); "a|b" only suggests.
  Wording:
    extends: substitution
@ENGLISH_EXAMPLE@    message: "Use '%s' rather than '%s'."
    ignorecase: true
    swap:
      whilst: while
      # a calque with one meaning among others only suggests ("president in charge" of Afghanistan
      # is its caretaker president; of the talks, it is English): give two forms
      president in charge: caretaker president|acting president

  # existence: phrases that must not appear (scraping leftovers, banned words).
  Leftovers:
    extends: existence
    message: "Remove '%s'."
    level: error
    nonword: true          # the tokens below write their own word boundaries (\\b)
    tokens:
      - '\\bPhoto caption,'
      - '\\bImage source, [A-Z][\\w&.-]*'

  # consistency: two accepted forms, but one per document (the first one used wins).
  Spelling:
    extends: consistency
@ENGLISH_EXAMPLE@    message: "'%s' here, but '%s' earlier in this document."
    ignorecase: true
    either:
      adviser: advisor
      judgement: judgment

  # capitalization: headings in sentence case ($sentence), or $title (style: AP or Chicago).
  Headings:
    extends: capitalization
    message: "Heading '%s' should be in sentence case."
    scope: heading
    match: $sentence
    indicators: [":"]   # the word after a colon may start with a capital ("Timeline: From ...")

  # numbers: "200 thousand" -> "200,000" (multipliers and separator per language).
  Numbers:
    extends: numbers
    message: "Write '%s' rather than '%s'."
"""
# The number rule of the project's language: its separator and multiplier words, written out so
# that the house can change them.
NUMBERS = """\
    lang: {lang}
    separator: {separator}
    multipliers: {{{multipliers}}}   # word: value ("200 {example}" -> "200{shown}000")
"""
NUMBERS_UNKNOWN = """\
    lang: {lang}
    multipliers: {{}}   # the house's words and values, e.g. {{word: 1000}}: "200 word" -> "200 000"
    # separator: " "    # the house's thousands separator
"""
NUMBERS_WITHOUT_MULTIPLIERS = """\
    lang: {lang}
    separator: {separator}
    # multipliers: {{}}   # add the house's, e.g. {{word: 1000}}: "200 word" -> "200{shown}000"
"""

GLOSSARY = """\
source,target,status,note
Frente de Resistência Nacional,National Resistance Front,preferred,NRF; not "FRN" (the Portuguese acronym)
Talibã,Taliban,preferred,
"""
# The same examples for a project translating English into Portuguese (columns swapped).
GLOSSARY_EN_PT = """\
source,target,status,note
National Resistance Front,Frente de Resistência Nacional,preferred,FRN in Portuguese
Taliban,Talibã,preferred,
"""

GLOSSARY_SETTING = """\
# Approved translations of terms (CSV, TSV, TBX or YAML), rules TC2xx. The starter glossary
# holds Portuguese/English examples: replace its rows with your own terms.
glossaries = ["glossary.csv"]
"""
# Other pairs get no sample rows in languages they do not use: the setting waits, commented.
NO_GLOSSARY_SETTING = """\
# Approved translations of terms (CSV, TSV, TBX or YAML), rules TC2xx. A CSV has the header
# "source,target,status,note" and one term per row; status is preferred, admitted, deprecated
# or forbidden.
# glossaries = ["glossary.csv"]
"""
SAMPLE_GLOSSARIES = {("pt", "en"): GLOSSARY, ("en", "pt"): GLOSSARY_EN_PT}


def _numbers(lang: str) -> str:
    from .style.match import NUMBER_DEFAULTS

    primary = primary_language(lang)
    if primary not in NUMBER_DEFAULTS:  # no known style: the house writes its own
        return NUMBERS_UNKNOWN.format(lang=primary)
    separator, _, multipliers, _ = NUMBER_DEFAULTS[primary]
    # a JSON string is a YAML double-quoted one: the narrow no-break space of French shows as \u202f
    quoted, shown = json.dumps(separator), separator if separator.isprintable() and separator != "\u202f" else " "
    if not multipliers:
        return NUMBERS_WITHOUT_MULTIPLIERS.format(lang=primary, separator=quoted, shown=shown)
    words = ", ".join(f"{word}: {value}" for word, value in multipliers.items())
    return NUMBERS.format(lang=primary, separator=quoted, shown=shown, multipliers=words, example=next(iter(multipliers)))


def starter_files(lang: str = "en", source_lang: str = "pt") -> dict[str, str]:
    """The files ``init`` writes, by path relative to the project folder, for this pair."""
    glossary = SAMPLE_GLOSSARIES.get((primary_language(source_lang), primary_language(lang)))
    config = CONFIG.format(lang_setting=f'lang = "{lang}"'.ljust(30) + "  ",
                           source_setting=f'source-lang = "{source_lang}"'.ljust(30) + "  ",
                           glossary_setting=GLOSSARY_SETTING if glossary else NO_GLOSSARY_SETTING)
    # The wording and spelling rules are English examples (leftovers of scraping are in any
    # language): elsewhere they run on English files only, until the house writes its own (a
    # French desk got English rules: a tester's report).
    english = primary_language(lang) == "en"
    example = "" if english else f"    lang: en  # an English example: write the {lang} rule and remove this line\n"
    files = {"transcheck.toml": config,
             os.path.join("style", "house.yml"): STYLE.replace("@ENGLISH_EXAMPLE@", example) + _numbers(lang)}
    if glossary:
        files["glossary.csv"] = glossary
    return files


def init_project(directory: str = ".", force: bool = False, lang: str = "en", source_lang: str = "pt") -> list[str]:
    """Write the starter files into ``directory`` (created if missing, as ``git init`` does);
    return their paths."""
    from .model import InputError

    if os.path.exists(directory) and not os.path.isdir(directory):
        raise InputError(f"{directory}: not a directory")
    targets = {os.path.join(directory, name): text for name, text in starter_files(lang, source_lang).items()}
    existing = [path for path in targets if os.path.exists(path)]
    if existing and not force:
        raise InputError(f"{existing[0]} already exists (use --force to overwrite)")
    written = []
    for path, text in targets.items():
        try:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as error:
            raise InputError(f"{path}: cannot write ({error.strerror})") from None
        written.append(path)
    return written
