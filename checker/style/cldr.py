"""Names that a language writes with a capital, from the Unicode CLDR (through Babel): its names
of countries and territories, of languages, of months and of days, and the cities that name time
zones (London, Moscou, Nueva York: 420 or so, most capitals and large cities). A heading in
sentence case keeps them ("Why Egypt and Israel disagree", "Timeline: from October to now",
"Meeting the mayor of Paris"), in the language's own case: English capitalises months and
languages, French and Portuguese do not.

Loaded only when a capitalisation rule judges a heading (about 50 ms a language)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import primary_language


@dataclass(frozen=True)
class CapitalisedNames:
    words: frozenset[str]  # one-word names (Egypt, October, English)
    # names of several words (United States, Saudi Arabia), longest first, each with its
    # ``fold_name`` (to find it in a heading whatever its case)
    phrases: tuple[tuple[str, str], ...]


def fold_name(text: str) -> str:
    """Case and apostrophes aside, the same length (offsets into ``text`` hold)."""
    return text.casefold().replace("’", "'") if len(text.casefold()) == len(text) else text.replace("’", "'")


@lru_cache(maxsize=16)
def capitalised_names(lang: str | None) -> CapitalisedNames:
    """The CLDR names of ``lang`` that start with a capital letter (none for an unknown locale)."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # pragma: no cover - babel is a dependency
        return CapitalisedNames(frozenset(), ())
    try:
        locale = Locale.parse((lang or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return CapitalisedNames(frozenset(), ())
    names: set[str] = set()
    names.update(locale.territories.values())
    names.update(locale.languages.values())
    for table in (locale.months, locale.days):  # full names only: Sun, Wed and Mar are words
        for context in table.values():
            names.update(context.get("wide", {}).values())
    names.update(_time_zone_cities(locale, primary_language(lang, "en")))
    names = {name for name in names if name[:1].isupper() and "(" not in name}
    names |= {name.replace(" & ", " and ") for name in names if " & " in name}  # Bosnia and Herzegovina
    words = frozenset(name for name in names if " " not in name and "-" not in name)
    phrases = sorted((name for name in names if " " in name or "-" in name), key=len, reverse=True)
    return CapitalisedNames(words, tuple((phrase, fold_name(phrase)) for phrase in phrases))


CITY_WORD_ZIPF = 4.5  # a city the CLDR names as English does, this common as a word of another
# language, is a word there first (Nome, Madeira, Fortaleza in Portuguese: name, wood, fortress;
# a review), unless other languages use it as much (Paris: an international name)


def _time_zone_cities(locale, lang: str) -> set[str]:
    """The cities of the time zones in ``locale``'s language: its own name where the CLDR has
    one (Londres, Moscú, Lisboa: a city famous enough to have one), else the zone's, which is
    English (Chicago, Mexico City), as Babel names a zone's place (a tester's report: "Meeting
    the mayor of paris" was suggested). Outside English, not such an English name of one word
    that is a common word of the language (``CITY_WORD_ZIPF``). In English every one (its
    commonest, London and Chicago, are cities), so those that are words too (Oral, Phoenix)
    keep their capital in a heading."""
    from babel.core import get_global

    from .. import lexicon
    from ..names.compare import name_like

    own = locale.time_zones
    cities: set[str] = set()
    for zone in get_global("zone_territories"):
        if zone.startswith("Etc/"):
            continue
        english = zone.rsplit("/", 1)[-1].replace("_", " ")
        city = own.get(zone, {}).get("city") or english
        if city == english and lang != "en" and " " not in city and lexicon.has_language(lang) \
                and lexicon.zipf(city.lower(), lang) >= CITY_WORD_ZIPF and not name_like(city.lower(), lang):
            continue
        cities.add(city)
    return cities


NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})  # unions, pseudo-locales, unknown


@lru_cache(maxsize=16)
def country_names(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The CLDR names of countries and territories in ``lang``, case-folded: the one-word names
    (china, chine) and those of several words (estados unidos), with the words that start or
    end a longer one (hong kong, from "Hong Kong SAR China" and "R.A.S. chinoise de Hong Kong":
    the short forms Babel does not give); empty for an unknown locale."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # pragma: no cover - babel is a dependency
        return frozenset(), frozenset()
    try:
        locale = Locale.parse((lang or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset(), frozenset()
    one: set[str] = set()
    several: set[str] = set()
    for code, name in locale.territories.items():
        if not code.isalpha() or code in NOT_COUNTRIES:  # countries, not regions (419: Latin America)
            continue
        words = name.split(",")[0].split("(")[0].casefold().split()
        if len(words) == 1:
            one.add(words[0])
        several.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
        several.update(" ".join(words[-n:]) for n in range(2, len(words)))
    return frozenset(one), frozenset(several)


@lru_cache(maxsize=16)
def counted_nouns(lang: str | None) -> frozenset[str]:
    """Nouns the CLDR writes after a number in ``lang``: the long names of units (Kilometer,
    Stunden, Tonnen) and of currencies (Euro, Dollar). A five-digit number before one is a
    count, not a postcode before its town (50000 Euro; 10115 Berlin)."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # pragma: no cover - babel is a dependency
        return frozenset()
    try:
        locale = Locale.parse((lang or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset()
    out: set[str] = set()
    for widths in locale._data.get("unit_patterns", {}).values():
        long = widths.get("long") if hasattr(widths, "get") else None
        for count, pattern in (long.items() if hasattr(long, "items") else ()):
            if count != "per" and isinstance(pattern, str) and pattern.startswith("{0} "):
                out.add(pattern[4:].split(" ")[0])
    names = list(locale.currencies.values())
    for plural in locale._data.get("currency_names_plural", {}).values():
        names += [name for name in (plural.values() if hasattr(plural, "values") else ()) if isinstance(name, str)]
    # a currency's word: a one-word name (Euro) or the last word that several names share
    # (Schweizer Franken, Belgischer Franken; US-Dollar, Kanadischer Dollar), not Córdoba Oro's
    last = [name.replace("-", " ").split(" ")[-1] for name in names]
    out.update(word for word in last if last.count(word) >= 2)
    out.update(name for name in names if " " not in name and "-" not in name)
    return frozenset(word for word in out if word[:1].isupper())
