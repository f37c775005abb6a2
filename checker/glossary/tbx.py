"""TBX readers: TBX-Basic 2008 (``martif``) and TBX v3 (``tbx``, ISO 30042:2019).

* 2008: ``martif/text/body/termEntry`` › ``langSet xml:lang`` › ``tig`` (or ``ntig/termGrp``) ›
  ``term``; the status is a sibling ``termNote type="administrativeStatus"`` (or
  ``normativeAuthorization``) such as ``preferredTerm-admn-sts``.
* v3: namespace ``urn:iso:std:iso:30042:ed-2``, ``conceptEntry`` › ``langSec xml:lang`` ›
  ``termSec`` › ``term`` with the same ``termNote`` (the DCA style) or a module's
  ``<basic:administrativeStatus>`` element (the DCT style).

The files come from users, so the parser never expands entities, loads a DTD or touches the
network (lxml with ``resolve_entities=False, load_dtd=False, no_network=True``); a document type
declaring entities is refused outright.
"""

from __future__ import annotations

from .model import Entry, Glossary, Status, Term, is_language_code, parse_status, primary_lang, region_of

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ENTRY_TAGS = ("termEntry", "conceptEntry")
LANG_TAGS = ("langSet", "langSec")
STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
NOTE_TAGS = ("note", "descrip")


class TbxError(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


_LOCAL: dict[str, str] = {}


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""  # comments, processing instructions
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rpartition("}")[2]
    return name


def safe_parse(data: bytes):
    """Parse untrusted XML: no entities, no DTD, no network. Raises ``TbxError``."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                             remove_comments=True, remove_pis=True, dtd_validation=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.position[0] if getattr(error, "position", None) else getattr(error, "lineno", None)
        message = str(error.msg if hasattr(error, "msg") and error.msg else error)
        message = message.split(", line ")[0]
        raise TbxError(line, f"malformed XML: {message}") from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        # the declaration's line (not an <!ENTITY in a comment before the DOCTYPE; UTF-16: line 1)
        doctype = data.find(b"<!DOCTYPE")
        entity = data.find(b"<!ENTITY", doctype) if doctype >= 0 else -1
        at = entity if entity >= 0 else max(doctype, 0)
        raise TbxError(data.count(b"\n", 0, at) + 1,
                       "the document type declares entities, which are refused in untrusted XML")
    return root


def _text(element) -> str:
    if len(element) == 0:
        return " ".join((element.text or "").split())
    return " ".join("".join(element.itertext()).split())


def _status_in(container) -> Status | None:
    """The status given by a child of ``container`` (a tig, termGrp, ntig or termSec): a
    ``termNote type="administrativeStatus"`` (TBX 2008, and v3 in the DCA style) or an
    ``administrativeStatus`` element of a module's namespace (v3 in the DCT style:
    ``<basic:administrativeStatus>``)."""
    for child in container:
        name = _local(child.tag)
        if (name == "termNote" and child.get("type") in STATUS_TYPES) or name in STATUS_TYPES:
            try:
                return parse_status(_text(child))
            except ValueError as error:
                raise TbxError(child.sourceline, str(error)) from None
    return None


def parse_tbx(data: bytes, path: str) -> Glossary:
    root = safe_parse(data)
    kind = _local(root.tag)
    if kind not in ("martif", "tbx"):
        raise TbxError(root.sourceline, f"not a TBX file (root element <{kind}>, expected <martif> or <tbx>)")
    entries: list[Entry] = []
    for entry_el in root.iter():
        if _local(entry_el.tag) not in ENTRY_TAGS:
            continue
        entry = Entry(id=entry_el.get("id") or f"{path}:{entry_el.sourceline}", origin=f"{path}:{entry_el.sourceline}")
        for child in entry_el:
            name = _local(child.tag)
            if name in NOTE_TAGS and entry.note is None:
                entry.note = _text(child) or None
            elif name in LANG_TAGS:
                entry.terms.extend(_lang_terms(child))
            elif name == "term" or name in TERM_CONTAINERS:  # (its terms would have no language)
                raise TbxError(child.sourceline, f"<{name}> directly inside <{_local(entry_el.tag)}> "
                                                 "(expected inside a <langSec> or <langSet> with xml:lang)")
        if not entry.terms:
            raise TbxError(entry_el.sourceline, f"<{_local(entry_el.tag)}> has no <term>")
        entries.append(entry)
    if not entries:
        raise TbxError(root.sourceline, "no <termEntry> or <conceptEntry> found")
    return Glossary(entries, [path])


TERM_CONTAINERS = ("tig", "ntig", "termGrp", "termSec")


def _lang_terms(lang_el) -> list[Term]:
    code = lang_el.get(XML_LANG) or lang_el.get("lang")
    lang = primary_lang(code)
    if not lang:
        raise TbxError(lang_el.sourceline, f"<{_local(lang_el.tag)}> without xml:lang")
    if not is_language_code(code):
        raise TbxError(lang_el.sourceline, f"xml:lang {code!r} is no language code (expected one such as pt or "
                                           "en-GB)")
    terms: list[Term] = []
    _collect(lang_el, lang, None, terms, 0)
    region = region_of(code)  # en-GB's terms apply to en-GB texts only (docs/style.md, Glossaries)
    for term in terms:
        term.region = region
    return terms


def _collect(container, lang: str, inherited: Status | None, terms: list[Term], depth: int) -> None:
    """Terms in ``container`` (a langSet/langSec, or a tig/ntig/termGrp/termSec inside one); a
    ``termNote`` status applies to the terms of its container and of the containers inside it."""
    status = _status_in(container) if depth else None
    status = status or inherited
    note = None
    for child in container:
        name = _local(child.tag)
        if name == "term":
            text = _text(child)
            if not text:
                raise TbxError(child.sourceline, "empty <term>")
            if note is None:
                for sibling in container:
                    if _local(sibling.tag) in NOTE_TAGS:
                        note = _text(sibling) or ""
                        break
            terms.append(Term(text, lang, status or Status.PREFERRED, "any", note or None))
        elif name in TERM_CONTAINERS and depth < 3:
            _collect(child, lang, status, terms, depth + 1)
