"""The glossary's data: entries (concepts) holding terms in several languages, each with a status.

A term's ``lang`` is the primary language subtag (``pt-BR`` -> ``pt``) and its ``region`` the
region subtag (``BR``; ``None`` for a plain ``pt``); ``lang`` is ``None`` when the file does not
say (a CSV with plain ``source``/``target`` columns), in which case ``side`` tells whether the
term is on the source or on the target side of the glossary.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import primary_language


class Status(str, enum.Enum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"

    @property
    def approved(self) -> bool:
        return self in (Status.PREFERRED, Status.ADMITTED)

    def __str__(self) -> str:
        return self.value


# Values accepted in files, case-insensitive; TBX's own picklist values come first.
_STATUS_WORDS = {
    "preferredterm-admn-sts": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.DEPRECATED,
    # normativeAuthorization (TBX 2008) and TBX-Min / TBX v3 short forms
    "preferredterm": Status.PREFERRED,
    "standardizedterm": Status.PREFERRED,
    "legalterm": Status.PREFERRED,
    "regulatedterm": Status.PREFERRED,
    "admittedterm": Status.ADMITTED,
    "deprecatedterm": Status.DEPRECATED,
    "supersededterm": Status.DEPRECATED,
    "preferred": Status.PREFERRED,
    "approved": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "allowed": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "superseded": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "notrecommended": Status.DEPRECATED,
    "forbidden": Status.FORBIDDEN,
    "prohibited": Status.FORBIDDEN,
    "rejected": Status.FORBIDDEN,
    "donotuse": Status.FORBIDDEN,
}


def parse_status(value: str | None) -> Status | None:
    """A status word from a file; ``None`` for an empty value; ``ValueError`` when unknown."""
    if value is None:
        return None
    key = "".join(ch for ch in value.strip().lower() if ch not in " _")
    if not key:
        return None
    # (any value also with TBX's suffixes: notRecommendedTerm-admn-sts as notRecommended)
    bare = key.removesuffix("-admn-sts")
    status = _STATUS_WORDS.get(key) or _STATUS_WORDS.get(bare) or _STATUS_WORDS.get(bare.removesuffix("term"))
    if status is None:
        raise ValueError(f"unknown term status {value.strip()!r} (expected preferred, admitted, deprecated or "
                         "forbidden, or one of their other names: approved, allowed, superseded, obsolete, not "
                         "recommended, prohibited, rejected, do not use; or TBX's preferredTerm-admn-sts, "
                         "admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts)")
    return status


@lru_cache(maxsize=256)
def is_language_code(code: str) -> bool:
    """A registered language code, as ``--lang`` accepts (each distinct code checked once)."""
    from ..lang import normalise_lang
    from ..model import InputError

    try:
        normalise_lang(code)
        return True
    except InputError:
        return False


def primary_lang(code: str | None) -> str | None:
    """``pt-BR``, ``pt_XX``, ``PT`` -> ``pt``; empty -> None."""
    if code is None:
        return None
    return primary_language(code.strip()) or None


_NO_REGION = frozenset({"XX", "ZZ", "001"})  # (user-assigned "any", CLDR's unknown region, the world)


def region_of(code: str | None) -> str | None:
    """The region subtag of a language tag, upper-cased: ``pt-BR`` -> ``BR``, ``es-419`` ->
    ``419``, ``zh-Hant-TW`` -> ``TW``; None without one (``pt``, ``sr-Latn``) or for one that
    names no region (``pt_XX`` in TICO-19's termbases, ``ZZ`` unknown, ``001`` the world)."""
    if code is None:
        return None
    for subtag in code.strip().replace("_", "-").split("-")[1:]:
        if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            return None if subtag.upper() in _NO_REGION else subtag.upper()
        if len(subtag) != 4:  # past the script subtag: variants and extensions name no region
            return None
    return None


@dataclass(slots=True)
class Term:
    text: str
    lang: str | None
    status: Status = Status.PREFERRED
    side: str = "any"  # "source", "target" (files without languages) or "any"
    note: str | None = None
    region: str | None = None  # en-GB's GB; None: the term serves every region of its language

    def __post_init__(self) -> None:
        if not self.text.isascii():  # a glossary saved decomposed (NFD) matches composed text too
            self.text = unicodedata.normalize("NFC", self.text)

    @property
    def approved(self) -> bool:
        return self.status.approved

    def serves(self, regions: dict[str, str]) -> bool:
        """Whether the term is used where ``regions`` (language -> the region checked) holds: a
        term of another region of a checked language is not (organization in an en-GB text). A
        region that holds the one checked serves it (es-419, Latin America, for es-MX: a tester's
        report), as langcodes' CLDR data tells."""
        wanted = regions.get(self.lang or "")
        if wanted is None or self.region is None or self.region == wanted:
            return True
        return region_holds(self.lang or "", self.region, wanted)


def region_holds(lang: str, region: str, wanted: str) -> bool:
    """Whether ``region`` is a macro-region (a UN M.49 number: 419, Latin America) that holds
    ``wanted`` (MX) for ``lang``."""
    return region.isdigit() and _region_holds(lang, region, wanted)


@lru_cache(maxsize=256)
def _region_holds(lang: str, region: str, wanted: str) -> bool:
    """Whether the macro-region ``region`` (UN M.49 digits: 419) holds ``wanted`` (MX)."""
    import langcodes

    return langcodes.tag_distance(f"{lang}-{wanted}", f"{lang}-{region}") <= 1



@dataclass
class Entry:
    """One concept: its terms in every language, where it was defined (``file:line``)."""

    id: str
    terms: list[Term] = field(default_factory=list)
    origin: str = ""
    note: str | None = None

    def in_lang(self, lang: str | None, side: str = "target") -> list[Term]:
        """Terms of ``lang``; terms without a language count for their side."""
        return [t for t in self.terms if (t.lang is not None and t.lang == lang) or (t.lang is None and t.side == side)]

    def approved(self, lang: str | None) -> list[Term]:
        """Approved terms of ``lang``, the preferred ones first."""
        terms = [t for t in self.in_lang(lang) if t.approved]
        return sorted(terms, key=lambda t: t.status is not Status.PREFERRED)

    def preferred(self, lang: str | None) -> Term | None:
        approved = self.approved(lang)
        return approved[0] if approved else None

    def other_langs(self, lang: str | None) -> list[Term]:
        """Terms in other languages than ``lang`` (source-side terms for files without languages)."""
        return [t for t in self.terms if (t.lang is not None and t.lang != lang) or (t.lang is None and t.side == "source")]


@dataclass
class Glossary:
    entries: list[Entry] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    # the language tags of the terms ``for_regions`` left out (es-419 for an es-ES text)
    other_regions: frozenset[str] = frozenset()

    def extend(self, other: "Glossary") -> None:
        self.entries.extend(other.entries)
        self.paths.extend(other.paths)

    def for_regions(self, regions: dict[str, str]) -> "Glossary":
        """The glossary as used where ``regions`` (language -> region: ``{"en": "GB"}``) holds: the
        terms of another region of those languages left out, the entries kept in their order (so
        an entry's index is the same as in the whole glossary)."""
        if not regions:
            return self
        entries = [Entry(e.id, [t for t in e.terms if t.serves(regions)], e.origin, e.note) for e in self.entries]
        left_out = frozenset(f"{t.lang}-{t.region}" for e in self.entries for t in e.terms if not t.serves(regions))
        return Glossary(entries, list(self.paths), left_out)

    def contradiction(self) -> str | None:
        """A term both approved and rejected for one concept, as one line naming where: in one
        entry (preferred: Taliban, deprecated: Taliban), or in two entries that are the same but
        for that status (two CSV rows Talibã,Taliban,preferred / Talibã,Taliban,deprecated).
        Such a glossary would accept and reject the word at once, silently. Two entries with
        other terms besides are two concepts (ministro: minister, and ministro: justice with
        minister deprecated, a judge: a review)."""
        seen: dict[tuple, tuple[Term, str]] = {}
        for entry in self.entries:
            own: dict[tuple, Term] = {}
            for term in entry.terms:
                first = own.setdefault((term.lang, term.side, term.region, term.text), term)
                if first.approved != term.approved:
                    rejected = term if first.approved else first
                    return f"{entry.origin}: {term.text!r} is both approved and {rejected.status.value} in one entry"
            for term in entry.terms:
                others = frozenset((u.lang, u.side, u.text, u.status) for u in entry.terms if u is not term)
                earlier, where = seen.setdefault((term.lang, term.side, term.region, term.text, others),
                                                 (term, entry.origin))
                if earlier.approved != term.approved:
                    rejected = term if earlier.approved else earlier
                    return (f"{entry.origin}: {term.text!r} is both approved and {rejected.status.value} "
                            f"in two entries that are otherwise the same (and {where})")
        return None

    @property
    def languages(self) -> set[str]:
        return {t.lang for e in self.entries for t in e.terms if t.lang}

    def __len__(self) -> int:
        return len(self.entries)
