"""Provides party names: the entity a stretch of preamble names, and its other names.

`BIRCH FIRST GLOBAL INVESTMENTS INC., a corporation incorporated in ...` names
"BIRCH FIRST GLOBAL INVESTMENTS INC."; `the Government of the Republic of Freedonia`
is also called "Freedonia" in the clauses, and `Acme Widgets, Inc.` "Acme Widgets".
"""

from __future__ import annotations

import re

# What may open a stretch without being part of the name: list markers, "and", "between".
_LEAD = re.compile(
    r"^(?:\s|[,;:.]|\(\s*(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\s*\)|(?:\d{1,2}|[A-Za-z])[.)](?=\s)|"
    r"(?:and|or|und|by|between|among|amongst|zwischen|with|to|by\s+and\s+between|"
    r"(?:signed\s+)?for\s+and\s+on\s+behalf\s+of|"
    r"in\s+favou?r\s+of|der|die|das|dem|den|hereby\s+\w+s|PARTIES|Parties)\b|"
    # "Party A: Rise Ltd", "PURCHASER: PEEK Investments LLC": a label before the name.
    # "SUPPLY AGREEMENT Synchron, a California corporation": a title before the name.
    r"[A-Z][A-Z&,' -]*\b(?:AGREEMENT|CONTRACT|LICENSE|LICENCE|AMENDMENT)\s+(?=[A-Z][a-z])|"
    r"(?:Party\s+[A-Z0-9]{1,2}|(?:[A-Z][A-Za-z]+\s+){0,2}[A-Z][A-Za-z]+(?:\s*\([A-Za-z]\))?)\s*:\s|"
    # "("Buyer"), a Pennsylvania corporation, Gulf Ltd.": the last party's descriptor.
    r"(?:an?|the)\s+[^,()]{0,60}?\b(?:corporation|company|partnership|association|trust|"
    r"entity|bank)\b\s*,\s*)+",
    re.IGNORECASE,
)
# Where the descriptor after a name starts ("ACME Corp., a Delaware corporation").
_DESCRIPTOR = re.compile(
    r",?\s+(?:an?|the)\s+(?=[^,()]{0,80}?\b(?:corporation|company|partnership|"
    r"association|entity|organi[sz]ation|institution|firm|body|bank|agency|society|"
    r"individual|person|resident|citizen|national|trust|fund|limited|"
    r"incorporated|established|organized|organised|existing|formed|registered)\b)"
    r"|,\s+(?:an?|the)\s+"
    r"|,?\s+(?:with|having|whose|located|organi[sz]ed|incorporated|existing|duly|acting|"
    r"represented|residing|resident|domiciled|registered|doing\s+business|on\s+behalf|"
    r"hereinafter|hereafter|herein|referred|each|together|collectively|individually|"
    r"as\s+(?!of\b)|listed|named|identified|set\s+forth|who|which|that|whose|a\s+company|"
    r"mit\s+Sitz|vertreten|nachfolgend|im\s+Folgenden|eingetragen|dated|effective|for|"
    r"in\s+its|on\s+its|its\s+successors|and/or|c/o)\b"
    r"|,?\s+(?:of|at|in)\s+(?=\d|\[)|\s+is\s+an?\s+|\s+(?=\d{2,5}\s+[A-Z][a-z])"
    r"|,\s*(?=\d)"
    # "Bunker One (USA) Inc.", "Rise (Tianjin) Education Co., Ltd.": the name goes on.
    r"|\s*\((?![^()]*\)\s*[A-Z][a-z]*\b)"
    r"|\s+(?:Suite|Room|Unit|Floor|P\.?\s?O\.?\s+Box|No\.\s*\d|ACN|ABN|CNPJ|Tax\s+ID)\b"
    r"|\s+[-–—]\s+"
    # "NLS-1 Pharma AG Alter Postplatz 2": after the company form, an address.
    r"|(?:(?<=\bAG)|(?<=\bGmbH)|(?<=\bS\.A\.)|(?<=\bN\.V\.)|(?<=\bB\.V\.)|(?<=\bLLC)|(?<=\bplc))"
    r"\s+(?=[A-Z][a-zäöüéá]+\b)(?!(?:and|und|Co|Company|Holding|Group)\b)"
    r"|(?:(?<=\bInc)|(?<=\bINC)|(?<=\bLtd)|(?<=\bLTD)|(?<=\bLLC)|(?<=\bCorp)|(?<=\bCORP)"
    r"|(?<=\bCo)|(?<=\bCO)|(?<=\bLimited)|(?<=\bLIMITED)|(?<=\bGmbH)|(?<=\bAG)|(?<=\bplc))"
    r"\.?\s+an?\s+"
    # "Weber GmbH, Hauptstraße 1": after the company form comes the address.
    r"|(?:(?<=\bGmbH)|(?<=\bAG)|(?<=\bKG)|(?<=\bLLC)|(?<=\bLLP)|(?<=\bplc)|(?<=\bPLC)"
    r"|(?<=\bLimited)|(?<=\bLIMITED)|(?<=\bLtd\.)|(?<=\bLtd)|(?<=\bInc\.)|(?<=\bINC\.)"
    r"|(?<=\ba\.s\.)|(?<=\bs\.r\.o\.))"
    r"\s*,\s+(?!(?:Inc|INC|Ltd|LTD|LLC|L\.P|LP|Limited|LIMITED)\b)",
    re.IGNORECASE,
)
_SUFFIX = (
    r"(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corporation|Corp|Co|Company|GmbH|AG|SE|"
    r"S\.A|SA|SAS|S\.A\.S|B\.V|BV|N\.V|NV|PBC|plc|PLC|LLP|L\.L\.P|LP|L\.P|Pty|Pte|S\.p\.A|"
    r"S\.r\.l|KG|KGaA|e\.V|Oy|AB|A/S|ASA|N\.A|LC|P\.C|PC|a\.s|s\.r\.o)\.?"
)
_TRAILING_SUFFIXES = re.compile(rf"(?:[,\s]+{_SUFFIX})+\s*$")
_ANY_CASE_SUFFIXES = re.compile(rf"(?:[,\s]+{_SUFFIX})+\s*$", re.IGNORECASE)
HAS_SUFFIX = re.compile(rf"(?<![\w-]){_SUFFIX}(?![\w-])", re.IGNORECASE)
_STATE_WORD = re.compile(r"\b(?:Government|Republic|Kingdom|State)\b")
# "the Statistical Authority of Borduria", "Ministry of Health": public bodies are legal persons.
_PUBLIC_BODY = re.compile(r"\b(?:Authority|Ministry|Department|University|Municipality)\s+of\b")
_STATE = re.compile(
    r"^(?:the\s+)?(?:Government\s+of\s+)?(?:the\s+)?"
    r"(?:(?:Federal|Democratic|People['’]s|Socialist|Islamic|Arab|United|Plurinational|"
    r"Bolivarian|Cooperative|Hashemite|Independent|Sovereign|Oriental)\s+)*"
    r"(?:Republic|Kingdom|State|Commonwealth|Principality|Grand\s+Duchy|Duchy|Sultanate|"
    r"Emirate|Confederation|Federation|Union)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(r"^(?:the\s+)?Government\s+of\s+(?:the\s+)?", re.IGNORECASE)
_ALSO_KNOWN = re.compile(
    r"\s*,?\s*\b(?:d/b/a|dba|d\.b\.a\.|doing\s+business\s+as|also\s+known\s+as|a/k/a|aka|"
    r"formerly\s+known\s+as|f/k/a|trading\s+as|t/a)\b[\s,]*",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof|Herr|Frau)\.?\s+")
_QUOTES = "\"'“”„‟‘’«»`*_ "
_MAX_WORDS = 12
_ADDRESS = re.compile(
    r"^\d[\w-]*\s+(?:[A-Z][\w.'-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|"
    r"Blvd\.?|Drive|Lane|Way|Place|Plaza|Parkway|Court)\b"
)
_BRAND_WORDS = 4
_LOWER_OK = {"the", "you"}
# "Developer SEATTLE SOFTWARE ...", not "Heron VP GP LLC": the capitals are full words.
_ROLE_BEFORE_CAPITALS = re.compile(r"^[A-Z][a-z]+\s+(?=[A-Z][A-Z&.'-]{2,}\s+[A-Z][A-Z&.'-]{2,}\b)")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
# A blank for the name in a template: "[Company name]", "____", "XXXXXXXX".
_BLANK = re.compile(r"^(?:\[[^\]]*\]|[_.\s]{3,}|X{4,})$")


def entity_name(stretch: str) -> str:
    """The name a stretch of preamble starts with, or "" when it starts with no name."""
    text = " ".join(stretch.split())
    text = _LEAD.sub("", text)
    # "Developer SEATTLE SOFTWARE DEVELOPERS, Inc.": a role word before a name in capitals.
    text = _ROLE_BEFORE_CAPITALS.sub("", text)
    # "Acme Corp. d/b/a Acme" keeps both: the d/b/a name is an alias, not a descriptor.
    cut = _DESCRIPTOR.search(text)
    if cut:
        text = text[: cut.start()]
    text = restore_stop(text.strip(_QUOTES + ",;:.-–—"), stretch)
    return text if is_name(text) else ""


def is_legal_person(name: str) -> bool:
    """Names a legal person: a company form or a state ("ACME Ltd", "Republic of X")."""
    return bool(HAS_SUFFIX.search(name) or _STATE_WORD.search(name) or _PUBLIC_BODY.search(name))


def restore_stop(name: str, source: str) -> str:
    """ "Acme Inc" -> "Acme Inc." when the source writes the full stop."""
    if (
        name
        and HAS_SUFFIX.search(name[-6:])
        # A plain substring test: a pattern built from each name fills re's cache.
        and f"{name}." in " ".join(source.split())
    ):
        return name + "."
    return name


def is_name(text: str) -> bool:
    """Looks like a name: starts with a capital (or "the", "you"), few words, not a blank."""
    if not text or _BLANK.match(text):
        return False
    if len(text.split()) > _MAX_WORDS or not _WORD.search(text):
        return False
    if text.count("(") != text.count(")"):
        return False  # "Conditions) on the basis of ...": a broken piece of a sentence
    if _ADDRESS.match(text):
        return False  # "202 South Wheeler Street, Plant City": where a party is
    first = text.split()[0]
    # "eDiets", "iBio Inc.", "salesforce.com, inc.": lower-case brands are names too.
    brand = any(c.isupper() for c in first) or bool(re.search(r"\w\.(?:com|net|org)\b", first))
    if not (first[0].isupper() or first[0].isdigit() or brand or first.casefold() in _LOWER_OK):
        # "edge2net Inc.": a lower-case brand with a digit is a name when its form follows
        # ("a Delaware corporation" is not).
        words = text.split()
        return (
            1 < len(words) <= _BRAND_WORDS
            and any(c.isdigit() for c in first)
            and bool(HAS_SUFFIX.search(words[-1]))
        )
    return True


def bare(name: str) -> str:
    """Without a leading article: "the Government of X" and "The Government of X" are one."""
    return re.sub(r"^(?:the|The|THE)\s+", "", name.strip())


def aliases_of(full: str) -> list[str]:
    """Names the clauses may use for an entity written `full` in the preamble."""
    out: list[str] = []
    names = [n for n in _ALSO_KNOWN.split(full) if n.strip()]
    for name in names:
        name = bare(name.strip(_QUOTES + ",;"))
        if not name:
            continue
        out.append(name)
        person = _HONORIFIC.sub("", name)
        if person != name and is_name(person):
            out.append(person)  # "Dr. Mara Ellison" -> "Mara Ellison"
        state = _STATE.sub("", name)
        if state != name and is_name(state):
            out.append(state)  # "Government of the Republic of Freedonia" -> "Freedonia"
        gov = _GOVERNMENT.sub("", name)
        if gov != name and is_name(gov):
            out.append(gov)  # -> "Republic of Freedonia"
        short = _TRAILING_SUFFIXES.sub("", name).strip(" ,")
        if short != name and is_name(short) and len(short) > 2:
            out.append(short)  # "Acme Widgets, Inc." -> "Acme Widgets"
    seen: set[str] = set()
    unique = []
    for alias in out:
        if alias not in seen:
            seen.add(alias)
            unique.append(alias)
    return unique


def key(name: str) -> str:
    """The comparable core of a name: case, punctuation, articles and suffixes dropped."""
    text = _ANY_CASE_SUFFIXES.sub("", bare(name))  # "EL BANCO CORPORATION" ~ "El Banco Corporation"
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
