"""Provides the reading of one party-introducing sentence into the parties it names.

    This Agreement is made by and between ACME Corp., a Delaware corporation
    ("Supplier" or "ACME"), and the Government of Freedonia (each a "Party").

gives Supplier (ACME, ACME Corp.) and "Government of Freedonia" (Freedonia). The
sentence is cut into stretches, each ending where a parenthetical (or a
`hereinafter "X"` phrase) gives short names; each stretch starts with the name of
the entity the short names stand for. What follows the last definition is read as
a plain list (`between A and B`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftdiff.parse.parties_names import (
    HAS_SUFFIX,
    aliases_of,
    entity_name,
    is_legal_person,
    restore_stop,
)

INTRODUCER = re.compile(
    r"\bB\s?E\s?T\s?W\s?E\s?E\s?N\b\s*:?\s*|\b(?:by\s+and\s+between|by\s+and\s+among(?:st)?|between|among(?:st)?|zwischen|"
    r"entre)\b\s*:?\s*",
    re.IGNORECASE,
)
SALUTATION = re.compile(
    r"\b(?:Dear\s+(?:[A-Z][\w.'’-]*\s*){1,4}|Ladies\s+and\s+Gentlemen|Gentlemen|Dear\s+Sirs?)"
    r"\s*[:,]\s*(?=[A-Z]|$)"
)
# "entered into by ACME and ..." when no "between" is used.
BY = re.compile(
    r"\b(?:entered\s+into|made|executed|concluded|issued|granted|signed)\s+"
    r"(?:[^.()]{0,80}?\s)?by\s*:?\s+(?=[A-Z])",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”„«»]\s*([^\"“”„«»]{1,60}?)\s*[\"“”«»]|‘([^‘’]{1,60})’")
_MARKER = re.compile(
    r"\b(?:each|individually|collectively|together|jointly|both|all|any|jeweils|gemeinsam|"
    r"zusammen)\b",
    re.IGNORECASE,
)
_HEREINAFTER = (
    r"(?:hereinafter|hereafter|herein|below|nachfolgend|im\s+Folgenden|fortan|"
    r"in\s+the\s+following)\s*,?\s*(?:(?:referred\s+to|called|designated|named|known|"
    r"defined)\s+(?:to\s+)?(?:herein\s+)?(?:as\s+)?)?"
)
_REFERRED = r"(?:referred\s+to\s+(?:herein\s+|hereafter\s+|hereinafter\s+)?as|called|known\s+as)\s+"
# `(the Licensor)`, `(hereinafter the Licensor)`: a role without quotes.
_ROLE = re.compile(
    rf"^\s*(?:{_HEREINAFTER}|{_REFERRED})?(?:the\s+|der\s+|die\s+|das\s+)?"
    r"(?P<role>[A-ZÄÖÜ][\w&.’'-]*(?:\s+[A-ZÄÖÜ][\w&.’'-]*){0,2})\s*(?:genannt)?\s*$"
)
# `, hereinafter referred to as "Norland",` without brackets.
_HEREINAFTER_DEF = re.compile(
    rf",?\s*[-–—]?\s*(?i:{_HEREINAFTER}|{_REFERRED})(?i:the\s+|der\s+|die\s+|das\s+)?"
    # `"Repairer' or "ATR"`: a typed apostrophe may close the quote.
    r"(?:[\"“”„«»]\s*(?P<q>[^\"“”„«»]{1,60}?)\s*(?:[\"“”«»]|'(?=\s*(?:or\b|and\b|[,;)]|$)))"
    r"|(?P<r>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})(?=\s*(?:[,;.)]|$|\s+and\s)))"
    r"(?:\s*genannt)?"
)
# Where the party list of the sentence has ended.
_END = re.compile(
    r"\bWHEREAS\b|\bW\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H\b|\bRECITALS?\b|\bBACKGROUND\b|"
    r"\bagree(?:s)?\s+as\s+follows\b|\bIT\s+IS\s+(?:HEREBY\s+)?AGREED\b|\bNOW,?\s+THEREFORE\b|"
    r"\bPräambel\b|\bVorbemerkung\b",
)
# A plain list ends at the first word that cannot be in a name ("A and B dated ...").
_LIST_END = re.compile(
    r"\s(?:dated|effective|for|with|whereby|whereas|which|who|in|on|to|under|pursuant|"
    r"regarding|concerning|relating|as\s+of|is|are|agree|agrees|hereby|witnesseth|"
    r"wherein|that|from|this|shall|will|has|have|was|were)\b"
    # A title in capitals: "... BETWEEN A AND B CONCERNING TECHNICAL ASSISTANCE".
    r"|\s(?:DATED|EFFECTIVE|REGARDING|CONCERNING|RELATING|ON|PURSUANT|WHEREBY|WITNESSETH)\b"
    r"|\.\s+(?=[A-ZÄÖÜ][a-zäöüß])(?<!\bInc\.\s)(?<!\bLtd\.\s)(?<!\bCorp\.\s)(?<!\bCo\.\s)"
    r"|[.;:]\s*$",
)
# Not "for and on behalf of", not "England and Wales": no list there.
_AND = re.compile(
    r"\s*(?:,\s*(?:and|und|&)\s+|(?<!\bfor)\s+(?:and|und)\s+(?!on\s+behalf|Wales\b)|;\s*(?:and\s+)?)",
    re.IGNORECASE,
)
_AFTER_DESCRIPTOR = re.compile(
    r"(?:(?<=\bcorporation)|(?<=\bcompany)|(?<=\bpartnership))\s*,\s+(?=[A-Z][\w&.-]*\s+[A-Z])"
)
_NAME_GOES_ON = re.compile(r"\s*(?!and\b|und\b)[A-Z][\w.]*")
_DBA = re.compile(
    r"\b(?:d/b/a|dba|doing\s+business\s+as|a\.?k\.?a\.?|also\s+known\s+as|trading\s+as)\s+"
    r"([A-Z][^,;()]{1,80}(?:,\s*(?:Inc|Ltd|LLC)\.?)?)",
    re.IGNORECASE,
)
_QUOTED_TEXT = re.compile(r"[\"“”]\s*([^\"“”]{1,40}?)\s*[\"”]")
# A run of quoted names outside brackets, followed by the next party or the end.
_BARE_QUOTES = re.compile(
    r"(?<=\s)(?P<run>[\"“](?:the\s+)?[A-Z][^\"“”]{0,38}[\"”](?:\s*(?:/|or|,)\s*[\"“][^\"“”]{1,40}[\"”])*)"
    r"(?=\s*(?:[-–—]+\s*)?(?:and\b|AND\b|,|;|\(|$))"
)
_NUMBER_FOLLOWS = re.compile(r"\s*(?:number|no\.|code|registration)\b", re.IGNORECASE)
_PLACE = re.compile(
    r"(?:\blaws?\s+of|\b(?:in|within)\b[^()\"“”]{0,60}?,?)\s+(?:the\s+)?"
    r"(?:People['’]s\s+|Federal\s+|United\s+)?(?:Republic|Kingdom|States?|Commonwealth)\b"
    r"[^()\"“”,;]{0,40}$"
)
_PLACE_CHARS = 160
# Roles that either party may take in a clause, never a party of the agreement.
_ANY_PARTY = re.compile(
    r"(?:the\s+)?(?:Third[- ]Part(?:y|ies)|(?:Disclosing|Receiving|Indemnified|Indemnifying|"
    r"Non-?Breaching|Breaching|Defaulting|Non-?Defaulting|Requesting|Affected)\s+Party)",
    re.IGNORECASE,
)
# What a written name ends with when it is a document or an instrument; narrower than
# _THING_HEAD, whose "Services", "Software", "Products" end many companies' names.
_DOCUMENT_HEAD = re.compile(
    r"\b(?:Agreement|Contract|Amendment|Exhibit|Schedule|Annex|Appendix|Certificate|Securities|"
    r"Notes|Shares|Stock|Prospectus|Statement|Supplement)$"
)
_NOT_A_NAME = re.compile(r"\b(?:TABLE\s+OF\s+CONTENTS|WITNESS(?:ES)?|Witness(?:es)?)\b")
_NAMES_MEMBERS = re.compile(r"\b[A-Z][\w&.-]+\s+and\s+[A-Z][\w&.-]+")
_DOMAIN = re.compile(r"[A-Za-z]\w*\.(?:com|org|net)\b")
_NEXT_RECITAL = re.compile(r"[.;]\s+\(?[B-H][.)]\s+(?=[A-Z])")
_MORE = re.compile(r"^\s*,?\s*(?:and|und|&)\s", re.IGNORECASE)
_MAX_STRETCH = 700
_THING_HEAD = re.compile(
    r"\b(?:Agreement|Contract|Date|Certificate|Amendment|Exhibit|Schedule|Annex|Appendix|"
    r"Territory|Term|Period|Plan|Products?|Services?|Software|Program(?:me)?|Project|"
    r"Property|Premises|Shares?|Stock|Notes?|Loan|Facility|Deed|Lease|Policy|Vertrag|"
    r"Datum|Closing|Transaction|Transactions|Merger|Offering|Securities|Units?|Terms|"
    r"Conditions|Information|Data|Materials|Documentation|Site|Website|Application|"
    # Offering and filing terms: "(the "Offering Price")", "(the "Base Prospectus")".
    r"Price|Fees?|Options?|Conversion|Prospectus|Statement|Supplement|Notice|Count|Audit|"
    r"Act|Platform|Employees|Attachment|Dates?(?:\(s\))?|Rights|Fund\s+Fee|Account)$"
)


@dataclass(frozen=True)
class Found:
    """A party as one passage names it, before parties from several passages merge."""

    name: str
    aliases: tuple[str, ...]
    how: str
    """How it was found, for the report: `preamble: (the "Supplier")`."""


@dataclass(frozen=True)
class _Definition:
    start: int
    end: int
    names: tuple[str, ...]
    """Short names for one entity each, in order ("A" and "B", together "C": A, B)."""
    alternatives: tuple[str, ...]
    """Further names of the first entity ("X" or "Y": Y)."""
    collective: bool
    """Only a name for all of them (each a "Party"): the entities go by their names."""
    text: str
    each: bool = False
    """A name for each of a class (`(each a "Purchaser")`): one party, unless the
    stretch names several entities, which then go by their own names."""


def read_intro(text: str, collective: frozenset[str], things: frozenset[str]) -> list[Found]:
    """The parties one party-introducing passage names, in order."""
    start = _introducer_end(text)
    if start is None:
        return []
    end_hit = _END.search(text, start)
    body = text[start : end_hit.start() if end_hit else len(text)]
    return read_stretches(body, collective, things, how="preamble")


def _introducer_end(text: str) -> int | None:
    # The earlier of the two: a page-long block may say "entered into by The Meet
    # Group, Inc. ..." long before a "between" in some later clause.
    # A letter: "Dear Gianluca: Kiromic, Inc, a Delaware corporation (the "Company"), ...".
    hits = [h for h in (INTRODUCER.search(text), BY.search(text), SALUTATION.search(text)) if h]
    return min(hits, key=lambda h: h.start()).end() if hits else None


def read_stretches(
    body: str, collective: frozenset[str], things: frozenset[str], *, how: str
) -> list[Found]:
    """Parties in a run of `name (definition)` stretches, then a plain list."""
    found: list[Found] = []
    position = 0
    for definition in _definitions(body, collective, things):
        stretch = body[position : definition.start][-_MAX_STRETCH:]
        # "... for insurers. B. Dr. Maya Chen, of ... (the "Consultant")": the next recital.
        stretch = _NEXT_RECITAL.split(stretch)[-1]
        position = definition.end
        if definition.names == () and not definition.collective:
            continue  # a thing defined in passing: (the "Effective Date")
        found.extend(f for f in _parties_of(stretch, definition, how) if not _is_clause(f))
    tail = body[position:]
    if position and not _MORE.match(tail):
        return found  # the sentence went on to other things: "... ("Boxlot"). 1. DEFINITIONS"
    cut = _LIST_END.search(tail)
    found.extend(plain_list(tail[: cut.start()] if cut else tail, how, source=tail))
    return found


def _is_clause(found: Found) -> bool:
    """Its written name is a clause ("Party B hereunder is", "Client agrees to pay"): the
    bracket defined something in a sentence of the clauses, not a party."""
    return any(_VERB.search(n) for n in (found.name, *found.aliases))


_VERB = re.compile(
    r"\b(?:agrees?|shall|will|is|are|was|were|has|have|may|must|undertakes?|granted|grants|"
    r"provides?|means|hereunder)\b"
)


def _parties_of(stretch: str, definition: _Definition, how: str) -> list[Found]:
    label = f"{how}: {_short(definition.text)}"
    if definition.collective or definition.each:
        each = plain_list(stretch, label, strict=False)
        if definition.collective or len(each) > 1:
            # `A and B (each, a "Participant")`: the entities go by the names written.
            return each
    names = definition.names
    if len(names) > 1:
        fulls = [entity_name(part) for part in _entities(stretch)]
        fulls = [f for f in fulls if f]
        if len(fulls) == len(names):
            return [
                Found(n, tuple(aliases_of(f)), label) for n, f in zip(names, fulls, strict=True)
            ]
    # "A and B, a Delaware corporation ("Beta")": the short name is B's; A is listed.
    parts = _entities(stretch)
    named = [i for i, part in enumerate(parts) if entity_name(part)]
    last = named[-1] if named else len(parts) - 1
    before = plain_list(" and ".join(parts[:last]), how) if last else []
    full = entity_name(parts[last]) if named else _trailing_name(stretch)
    if full and is_thing_name(full):
        if named or len(full.split()) > 1:
            # "Preferred Income Equity Redeemable Securities ("PIERS")": a thing's short name.
            return before
        full = ""  # "... the agent identified in this Agreement (the "Agent")": no name given
    aliases = [*names[1:], *definition.alternatives, *(aliases_of(full) if full else [])]
    # "ACME Inc., a Delaware corporation, doing business as Acme Online": also a name.
    aliases += [n for hit in _DBA.finditer(parts[last]) if (n := entity_name(hit.group(1)))]
    return [*before, Found(names[0], tuple(a for a in aliases if a != names[0]), label)]


def _trailing_name(stretch: str) -> str:
    """ "... hereby engages Dr. Mara Ellison": the capitalised words just before the bracket."""
    hit = _TRAILING.search(" ".join(stretch.split()))
    return hit.group(1) if hit else ""


_TRAILING = re.compile(
    r"((?:(?:Dr|Mr|Mrs|Ms|Prof)\.\s+)?(?:[A-Z][\w'’-]*\.?\s+){0,4}[A-Z][\w'’-]+)\s*,?\s*$"
)


def plain_list(text: str, how: str, *, strict: bool = True, source: str = "") -> list[Found]:
    """Entities in `A, a Delaware corporation, and B`; strict: only what looks like one.
    `source`: the uncut text, where "B Inc." still has its full stop."""
    out = []
    for part in _entities(text):
        full = restore_stop(entity_name(part), source or text)
        if not full or (strict and not is_formal(full)) or is_thing_name(full):
            continue  # "between ... SPONSORSHIP AGREEMENT": a title, not a party
        names = aliases_of(full)
        if names:
            out.append(Found(names[0], tuple(names[1:]), how))
    return out


def _entities(text: str) -> list[str]:
    """`A, a Delaware corporation, B, a Delaware limited partnership, and C`: one part
    per entity, split at "and" and after each descriptor that a new name follows."""
    return [piece for part in _AND.split(text) for piece in _AFTER_DESCRIPTOR.split(part)]


def is_formal(name: str) -> bool:
    """Names a legal person by its form: "ACME Ltd", "Republic of X", "BIRCH GLOBAL INC".
    A plain list (`between A and B`) gives parties only in such names: capitalised
    nouns ("Arbeitnehmer", "Licensed Users") are no evidence in German or in titles."""
    if is_legal_person(name) or re.search(r"\bCity\b", name) or _DOMAIN.search(name):
        return True
    words = name.split()
    return len(words) >= 2 and name.isupper()


def looks_like_entity(name: str) -> bool:
    """A company, a state or a person's full name, not a single role word ("Licensee")."""
    words = name.split()
    if is_legal_person(name) or _DOMAIN.search(name):
        return True  # "Salesforce.org", "AstroNutrition.com": a web company's name
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= 2 or (len(words) == 1 and words[0].isupper() and len(words[0]) > 2)


def _definitions(
    body: str, collective: frozenset[str], things: frozenset[str]
) -> list[_Definition]:
    out = []
    for start, end, content in _parentheses(body):
        definition = _definition(start, end, content, collective, things)
        if definition and not _QUOTED.search(content) and _NAME_GOES_ON.match(body, end):
            continue  # "Rise (Tianjin) Education Co.": part of the name, not a role
        if definition and not _QUOTED.search(content) and _NUMBER_FOLLOWS.match(body, end):
            continue  # "Cadastro Nacional de Pessoa Juridica (CNPJ) number ...": an identifier
        place = _PLACE.search(body[max(0, start - _PLACE_CHARS) : start])
        if definition and place and _names_place(definition, place.group(0)):
            # "incorporated under the laws of the People's Republic of China ("PRC")": a place.
            out.append(_Definition(start, end, (), (), False, f"({content})"))
            continue
        if definition:
            out.append(definition)
    for hit in _HEREINAFTER_DEF.finditer(body):
        if any(d.start <= hit.start() < d.end for d in out) or _inside_parentheses(
            body, hit.start()
        ):
            continue
        name = (hit.group("q") or hit.group("r") or "").strip(" ,.")
        if not name or name.casefold() in collective or _is_thing(name, things):
            continue
        out.append(
            _Definition(hit.start(), hit.end(), (name,), (), False, hit.group(0).strip(" ,"))
        )
    for hit in _BARE_QUOTES.finditer(body):
        if any(d.start <= hit.start() < d.end for d in out) or _inside_parentheses(
            body, hit.start()
        ):
            continue
        before = body[max(0, hit.start() - 250) : hit.start()]
        names = [q.strip(" ,.") for q in _QUOTED_TEXT.findall(hit.group("run"))]
        names = [
            n for n in names if n and n.casefold() not in collective and not _is_thing(n, things)
        ]
        if names and HAS_SUFFIX.search(before):
            # `NLS-1 Pharma AG Alter Postplatz 2 "Licensor" / "NLS" and ...`: no brackets.
            run = hit.group("run")
            out.append(
                _Definition(
                    hit.start("run"), hit.end("run"), (names[0],), tuple(names[1:]), False, run
                )
            )
    return sorted(out, key=lambda d: d.start)


def _names_place(definition: _Definition, place: str) -> bool:
    """The short name abbreviates the place just before it ("PRC", "China")."""
    words = [w for w in re.findall(r"[A-Z][\w'’]*", place) if w not in {"The"}]
    initials = "".join(w[0] for w in words)
    return any(
        n in initials or n.casefold() in place.casefold()
        for n in definition.names
        if n.isalpha() and len(n) > 1
    )


def _definition(
    start: int, end: int, content: str, collective: frozenset[str], things: frozenset[str]
) -> _Definition | None:
    quoted = [
        (m.start(), (m.group(1) or m.group(2) or "").strip(" ,."))
        for m in _QUOTED.finditer(content)
    ]
    quoted = [(at, q) for at, q in quoted if q]
    text = f"({content})"
    if not quoted:
        role = _ROLE.match(content)
        if not role or re.search(r"\d", content) or re.fullmatch(r"\s*(?:[A-Z]\.){2,}\s*", content):
            return None  # "(U.S.)": a place in a name
        name = role.group("role")
        if (
            name.casefold() in collective
            or _is_thing(name, things)
            or (name.isupper() and len(name) <= 3 and " " not in content.strip())
        ):
            # "(USA)", "(UK)": a place in a name, not a role; abbreviations need quotes.
            return None
        return _Definition(start, end, (name,), (), False, text)
    individual: list[str] = []
    marked: list[str] = []
    alternatives: list[str] = []
    previous = 0
    joined_by_and = False
    for at, name in quoted:
        between = content[previous:at]
        previous = at + len(name) + 1
        if _MARKER.search(between) or marked:
            marked.append(name)
        elif (
            individual
            and re.search(r"\b(?:or|oder)\b|,", between)
            and not re.search(r"\band\b", between)
        ):
            alternatives.append(name)
        else:
            if individual and re.search(r"\b(?:and|und)\b", between):
                joined_by_and = True
            individual.append(name)
    if individual and not joined_by_and:
        alternatives = individual[1:] + alternatives
        individual = individual[:1]
    keep = [n for n in individual if n.casefold() not in collective and not _is_thing(n, things)]
    if individual and not keep:
        return _Definition(start, end, (), (), False, text)  # (the "Agreement")
    if keep:
        alternatives = [a for a in alternatives if a.casefold() not in collective]
        return _Definition(start, end, tuple(keep), tuple(alternatives), False, text)
    if marked and _NAMES_MEMBERS.search(content[: quoted[0][0]]):
        # "(together, Blackwell and Munksgaard shall be referred to as "the Publishers")":
        # a name for parties already named, not another party.
        return _Definition(start, end, (), (), False, text)
    if marked and all(_ANY_PARTY.fullmatch(n) for n in marked):
        return _Definition(start, end, (), (), False, text)  # (collectively "Third-Party")
    own = [n for n in marked if n.casefold() not in collective and not _is_thing(n, things)]
    if own:
        # "(each a "Purchaser")", "(collectively, "Constellation")": the class is the party.
        return _Definition(start, end, (own[0],), tuple(own[1:2]), False, text, each=True)
    return _Definition(start, end, (), (), True, text)


def _is_thing(name: str, things: frozenset[str]) -> bool:
    # A short name is any word ("S2K", "theglobe"), but not a sentence or a blank.
    odd = not re.search(r"[A-Za-zÀ-ÿ]", name) or len(name.split()) > 6 or "___" in name
    return (
        odd
        or name.casefold() in things
        or bool(_THING_HEAD.search(name))
        or bool(_ANY_PARTY.fullmatch(name))
    )


def is_thing_name(name: str) -> bool:
    """A written name that is a thing, not a legal person: "SPONSORSHIP AGREEMENT",
    "Redeemable Securities", "TABLE OF CONTENTS", "WITNESSES"."""
    if is_legal_person(name) and not _DOCUMENT_HEAD.search(name.title()):
        return False
    title = " ".join(w if not w.isupper() else w.title() for w in name.split())
    return bool(_DOCUMENT_HEAD.search(title.rstrip(".,;:")) or _NOT_A_NAME.search(name))


def _parentheses(text: str) -> list[tuple[int, int, str]]:
    """Top-level (start, end, content) brackets; an unclosed one runs to the end."""
    out = []
    depth = 0
    opened = 0
    for i, char in enumerate(text):
        if char == "(":
            if depth == 0:
                opened = i
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((opened, i + 1, text[opened + 1 : i]))
    return out


def _inside_parentheses(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"
