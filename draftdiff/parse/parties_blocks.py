"""Provides parties named outside a preamble sentence: party lists and signature blocks.

    PARTIES                              IN WITNESS WHEREOF ...
    (1) ACME Ltd (company no. 123) ...   ACME CORPORATION
    (2) Beta GmbH ("Distributor") ...    By: ____________

A list under a `Parties` or `Between:` heading (or a cover page's `by and between /
A / and / B`) is read item by item; a signature block's names are the lines just
above `By:`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draftdiff.parse.parties_names import aliases_of, entity_name, is_legal_person, key
from draftdiff.parse.parties_preamble import (
    Found,
    is_thing_name,
    looks_like_entity,
    read_stretches,
)

_LIST_HEADING = re.compile(
    r"^\W*(?:the\s+)?(?:parties|contracting\s+parties|vertragsparteien|parteien|between|"
    r"by\s+and\s+between|by\s+and\s+among|among|zwischen)\s*[:.]?\W*$",
    re.IGNORECASE,
)
_LIST_STOP = re.compile(
    r"^\W*(?:WHEREAS|RECITALS?|BACKGROUND|PREAMBLE|NOW|IT\s+IS|AGREED|Dated|Date|Source|"
    r"Agreed\s+terms|Operative|Präambel|Vorbemerkung|Table\s+of\s+Contents|Contents|"
    r"Effective|Made|As\s+of|INTRODUCTION|TERMS|CONCERNING|REGARDING|RELATING|ON\s+THE|"
    r"WITH\s+RESPECT)\b|^\s*(?:Article|Section|§)?\s*1\s*[.)]?\s*\S|"
    # The clauses have begun: "ARTICLE I", "Section 2", "PART ONE".
    r"^\s*(?:ARTICLE|Article|SECTION|PART|CHAPTER)\s+[\dIVXLC]",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(r"^\W*(?:and|und|&|-\s*and\s*-)\W*$", re.IGNORECASE)
_MAX_ITEMS = 8
_TRAILING_AND = re.compile(r"\s+(?:and|und|&)\s*$", re.IGNORECASE)
_WITNESS = re.compile(
    r"IN\s+WITNESS\s+(?:WHEREOF|THEREOF)|IN\s+EVIDENCE\s+WHEREOF|EXECUTED\s+(?:as|by)|"
    r"SIGNED\s+(?:by|for)",
    re.I,
)
_TAIL_BLOCKS = 60
_LETTER_BLOCKS = 40
_ADDRESS_LINES = 6
_SALUTATION_LINE = re.compile(
    r"^\s*(?:Ladies\s+and\s+Gentlemen|Gentlemen|Dear\s+Sirs?(?:\s+(?:and|or)\s+Madams?)?)\s*[:,]"
)
_DATE_LINE = re.compile(r"^\s*(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*$")
_BEHALF_DEFINES = re.compile(
    r"^\W*(?:signed\s+)?for\s+and\s+on\s+behalf\s+of\b[^\n]{0,300}\(\s*(?:the\s+)?[\"“]",
    re.IGNORECASE,
)
_SIGNED_PERSON = re.compile(r"/s/\s*((?:[A-Z][a-z]+|[A-Z]\.)\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+)")
_COLUMN = re.compile(r"(?<=\s)\)(?=\s|$)")


def party_lists(
    texts: Sequence[str], collective: frozenset[str], things: frozenset[str]
) -> list[Found]:
    """Parties listed under a `Parties` / `Between:` heading, first such list only."""
    for i, text in enumerate(texts):
        if not _LIST_HEADING.match(text):
            continue
        found: list[Found] = []
        items = 0
        for item in texts[i + 1 :]:
            if _CONNECTOR.match(item):
                continue
            if _LIST_STOP.match(item) or items >= _MAX_ITEMS:
                break
            items += 1
            how = (
                "parties list" if re.match(r"^\W*(?:the\s+)?parties", text, re.I) else "cover page"
            )
            # A title typed on lines: "THE MINISTRY OF ... ESTLAND AND" / "THE FEDERAL ...".
            item = _TRAILING_AND.sub("", item)
            named = read_stretches(item, collective, things, how=how)
            if not named:
                full = entity_name(item)
                if full and looks_like_entity(full) and not is_thing_name(full):
                    names = aliases_of(full)
                    named = [Found(names[0], tuple(names[1:]), how)]
            if not named:
                break
            found.extend(named[:2])
        if found:
            return found
    return []


def labelled_parties(texts: Sequence[str]) -> list[Found]:
    """`Party A: Beike Internet Co., Ltd.` / `Licensor: ACME Ltd`: a role, a colon, a name."""
    found: list[Found] = []
    for text in _join_bare_labels(texts):
        flat = " ".join(text.split())
        for hit in [*_LABELLED.finditer(flat), *_LABELLED_CAPS.finditer(flat)]:
            full = entity_name(hit.group("name"))
            role = " ".join(hit.group("role").split())
            if role.islower():
                role = role.title()  # "The buyer/End-User:": the role the clauses use
            also = [a for a in [hit.groupdict().get("also")] if a]
            if full and looks_like_entity(full) and all(f.name != role for f in found):
                found.append(Found(role, (*also, *aliases_of(full)), f"preamble: {role}:"))
    return found


def letter_addressee(texts: Sequence[str]) -> list[Found]:
    """The company a letter agreement is addressed to: `Barclays Capital Inc. / 745 Seventh
    Avenue ... / Ladies and Gentlemen:` (it countersigns as a party)."""
    at = next((i for i, t in enumerate(texts[:_LETTER_BLOCKS]) if _SALUTATION_LINE.match(t)), None)
    if at is None:
        return []
    for text in reversed(texts[max(0, at - _ADDRESS_LINES) : at]):
        if _DATE_LINE.search(text):
            break  # above the date: the letterhead of the sender, who is found elsewhere
        full = entity_name(text)
        if full and is_legal_person(full) and not _WITNESS.search(text):
            names = aliases_of(full)
            return [Found(names[0], tuple(names[1:]), "letter: addressee")]
    return []


def _join_bare_labels(texts: Sequence[str]) -> list[str]:
    """ "Party A:" alone on its line, the name on the next: one text."""
    out: list[str] = []
    for text in texts:
        if out and _BARE_LABEL.match(out[-1]):
            out[-1] += " " + text
        else:
            out.append(text)
    return out


_SIGNATURE_CHARS = 200_000


def signature_block(texts: Sequence[str], *, blocks: int = 80) -> list[Found]:
    """Entities that sign: named just before `By:` (or just after it, `By: ACME GP LLC,
    its general partner`) after IN WITNESS WHEREOF, in the `blocks` blocks after it."""
    start = next((i for i, t in enumerate(texts) if _WITNESS.search(t)), None)
    if start is None:
        # A joint filing agreement may just end with its signers: read its last blocks.
        start = max(0, len(texts) - _TAIL_BLOCKS)
    found: list[Found] = []
    text = " ".join(" ".join(texts[start : start + blocks]).split())
    witness = _WITNESS.search(text)
    # Signers stand within a few pages of where the block starts; a single huge block
    # (a 10 MB paragraph) is read no further than that.
    text = (text[witness.end() :] if witness else text)[:_SIGNATURE_CHARS]
    # The bracket column of an English execution block: "SIGNED by X ) duly authorised )".
    text = _COLUMN.sub(" ", text)
    # "Signed for and on behalf of Meridian Foods plc, a company ... (the "Principal"):"
    for block in texts[start : start + blocks]:
        if _BEHALF_DEFINES.match(block):
            for item in read_stretches(block, frozenset(), frozenset(), how="signature block"):
                if item.how != "signature block" and all(f.name != item.name for f in found):
                    found.append(item)
    # "By:/s/ Ann Lee Larkspur Fund LP Date: ...": the person who signed is no part of it.
    persons = tuple(f"{p} " for p in _SIGNED_PERSON.findall(text))
    for hit in _SIGNER_NAME.finditer(text):
        groups = (hit.group("caps"), hit.group("formal"), hit.group("behalf"))
        for name in [part for g in groups if g for part in _COLUMNS.split(g)]:
            name = _TITLES.sub("", name or "")
            person = next((p for p in persons if name.startswith(p)), "")
            name = name[len(person) :]
            behalf = name == hit.group("behalf")
            caps = _CAPS_TAIL.search(name) if not behalf else None
            full = entity_name(caps.group(0) if caps and not name.isupper() else name)
            if len(key(full)) < 4:
                full = entity_name(name)  # "Halden Advisors GP, LLC": the capitals are its form
            half = len(full) // 2
            if full[:half].strip() == full[half:].strip():
                full = full[:half].strip()  # two signature columns for one signer
            if full.count("(") != full.count(")"):
                continue  # "CAYMAN) MANAGEMENT L.P.": the start of the name is on another line
            # "For and on behalf of Telesur" says it is a signer, whatever its form.
            entity = looks_like_entity(full) or (behalf and full[:1].isupper())
            if not full or not entity or len(key(full)) < 4 or is_thing_name(full):
                continue  # "GP, LLC": the tail of a name split over lines
            names = aliases_of(full)
            if names and all(names[0] != f.name for f in found):
                found.append(Found(names[0], tuple(names[1:]), "signature block"))
    return found


_ROLE_WORDS = (
    r"Party\s+[A-D1-4]|Licensor|Licensee|Seller|Buyer|Purchaser|Supplier|Distributor|Franchisor|"
    r"Franchisee|Lessor|Lessee|Landlord|Tenant|Consultant|Contractor|Customer|Client|Employer|"
    r"Employee|Manufacturer|Reseller|Vendor|Provider|Agent|Sender|Shipper|Borrower|Lender"
)
_LABELLED = re.compile(
    # "Licensor:", "The buyer/End-User:", "SPONSOR: Name:", "Reseller Full Legal Name".
    rf"(?<![\w-])(?:(?i:the)\s+)?(?P<role>(?i:{_ROLE_WORDS}|Sponsor))(?:/(?P<also>[A-Z][\w-]*))?"
    r"\s*(?:\([^()]{1,30}\))?\s*(?::\s*(?:(?:Full\s+)?(?:Legal\s+)?Name\s*:\s*)?"
    r"|(?:Full\s+)?(?:Legal\s+)?Name\s*:?\s+)"
    r"(?P<name>[A-Z][^:]{2,160}?)"
    rf"(?=\s+(?:{_ROLE_WORDS}|Address|ADD|Add|Tel|Telephone|Phone|Fax|Contact|Legal|Registered|"
    r"Domicile|Authori[sz]ed|Dated?|Attn|Attention|E-?mail|Represented)\b|\s*$|,\s+an?\s)"
)
_BARE_LABEL = re.compile(rf"^\s*(?:{_ROLE_WORDS})\s*:\s*$")
# A form's head in capitals with no colon: "SENDER SOLANA PETROLEUM COLOMBIA LIMITED" /
# "SHIPPER ECOPETROL S.A. TAX ID ...": only a name ending in a company form counts.
_LABELLED_CAPS = re.compile(
    r"^(?P<role>LICENSOR|LICENSEE|SELLER|BUYER|PURCHASER|SUPPLIER|DISTRIBUTOR|CONSULTANT|"
    r"CONTRACTOR|CUSTOMER|CLIENT|MANUFACTURER|RESELLER|VENDOR|PROVIDER|SENDER|SHIPPER)\s+"
    r"(?P<name>[A-Z][A-Z0-9&.,'\s-]{2,80}?\b(?:INC|LLC|LTD|LIMITED|CORP|CORPORATION|COMPANY|"
    r"GMBH|AG|S\.A|N\.V|B\.V|PLC|LLP|L\.P)\.?)(?=\s|$)"
)
# What a signature block prints before the entity: the last signer's name and title.
_TITLES = re.compile(
    r"^.*\b(?:Officer|President|Signatory|Secretary|Director|Manager|Treasurer|Esq\.?|CFO|CEO|"
    r"Title|Name|Date|Witness|Partner|Member|Trustee|Counsel|ATTEST|WITNESS)\b[\s:,]*|^(?:[\d/.,-]+\s*)+",
)
_CAPS_TAIL = re.compile(r"(?:\b[A-Z0-9][A-Z0-9&.,'-]*\s+)+[A-Z0-9][A-Z0-9&.,'-]*$")
_SUFFIX_WORDS = (
    r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Company|GmbH|AG|SA|S\.A|plc|PLC|LLP|LP|"
    r"L\.P|N\.V|B\.V|KGaA|S\.À\s+R\.L)\.?"
)
_UPPER = "A-Z0-9À-ÞĀ-ſ"  # Latin capitals: "DANIEL KŘETÍNSKÝ" (Extended-A mixes cases)
_SIGNER_NAME = re.compile(
    # "ATHENE USA CORPORATION By:", "YA II PN, Ltd. By:", "By: Apollo Advisors GP, LLC, its"
    rf"(?P<caps>(?<![\w.])(?:(?:\(?[{_UPPER}][{_UPPER}&.,'()-]*|&)\s+){{0,12}}"
    rf"[{_UPPER}][{_UPPER}&.,'()-]*[{_UPPER}.)])"
    r"\s*:?\s*(?=By\s*:|/s/|S/\s)"
    # "For and on behalf of Telia North America Inc. ----"
    r"|(?i:for\s+and\s+on\s+behalf\s+of|signed\s+for\s+and\s+on\s+behalf\s+of)\s+"
    # English execution blocks: "for and on behalf of ) /s/ Mark Arlen DAIRY CREST LIMITED )".
    r"(?:/s/\s*(?:[A-Z][a-z.'’-]*\s+){1,4})?"
    # "edge2net Inc.", "Telekom Malaysia Berhad (128740-P)", "Emirates ... Corporation - ETISALAT"
    r"(?P<behalf>(?:[A-Z]|(?!(?:the|a|an|its|each|any|such|said|all)\b)[a-z]\w*[A-Z\d])"
    r"(?:[^-_:]|(?<=\S)-(?=\w)|\s-\s(?=\w)){1,80}?)"
    r"(?=\s*(?:(?:-\s+)?-{3,}|_{3,}|By\b|Name\b|Signature\b|$|"
    r"SIGNED\b|DATED?\b|Date\b|"
    # Rules under each signer are not in the block texts: the next signer follows.
    r"(?i:for\s+and\s+on\s+behalf)\b))"
    # "YA Global Investments II (U.S.), Ltd.", "By:Yorkville GP, LLC Its:General Partner",
    # "D-Beta One Growth and Opportunity Fund Offshore, LP", "Snowy Fund I LP Date: ... By:"
    rf"|(?P<formal>\(?[A-Z][\w&.'()-]*,?\s+(?:(?:\(?[A-Z][\w&.'()-]*|and|of|for|&),?\s+){{0,7}}"
    rf"{_SUFFIX_WORDS})"
    r"(?=\s*,?\s*(?:(?:Dated?\s*:\s*[\w ,./]{0,30}?\s*)?By\s*:|/s/|its\s|Its\s*:))"
)
# Two signature columns on one line: "UBS FUND L.P. ONCOLOGY FUND (CAYMAN) MANAGEMENT L.P.".
_COLUMNS = re.compile(
    r"(?:(?<=\bL\.P\.)|(?<=\bLLC)|(?<=\bL\.L\.C\.)|(?<=\bINC\.)|(?<=\bLTD\.)|(?<=\bLIMITED)"
    r"|(?<=\bCORPORATION))\s+(?=[A-Z]{2})"
)
