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

from draftdiff.parse.parties_names import aliases_of, entity_name, key
from draftdiff.parse.parties_preamble import Found, looks_like_entity, read_stretches

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
                if full and looks_like_entity(full):
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
            if full and looks_like_entity(full) and all(f.name != role for f in found):
                found.append(Found(role, tuple(aliases_of(full)), f"preamble: {role}:"))
    return found


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
    for hit in _SIGNER_NAME.finditer(text):
        for name in (hit.group("caps"), hit.group("formal"), hit.group("behalf")):
            name = _TITLES.sub("", name or "")
            caps = _CAPS_TAIL.search(name) if name != hit.group("behalf") else None
            full = entity_name(caps.group(0) if caps and not name.isupper() else name)
            if len(key(full)) < 4:
                full = entity_name(name)  # "Halden Advisors GP, LLC": the capitals are its form
            half = len(full) // 2
            if full[:half].strip() == full[half:].strip():
                full = full[:half].strip()  # two signature columns for one signer
            if full.count("(") != full.count(")"):
                continue  # "CAYMAN) MANAGEMENT L.P.": the start of the name is on another line
            # "For and on behalf of Telesur" says it is a signer, whatever its form.
            entity = looks_like_entity(full) or (name == hit.group("behalf") and full[:1].isupper())
            if not full or not entity or len(key(full)) < 4:
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
    rf"(?<![\w-])(?P<role>{_ROLE_WORDS})\s*(?:\([^()]{{1,30}}\))?\s*:\s*"
    r"(?P<name>[A-Z][^:]{2,160}?)"
    rf"(?=\s+(?:{_ROLE_WORDS}|Address|ADD|Add|Tel|Telephone|Fax|Contact|Legal|Registered|"
    r"Domicile|Authori[sz]ed|Dated?|Attn|Attention|E-?mail|Represented)\b|\s*$)"
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
_SIGNER_NAME = re.compile(
    # "ATHENE USA CORPORATION By:", "YA II PN, Ltd. By:", "By: Apollo Advisors GP, LLC, its"
    r"(?P<caps>(?<![\w.])(?:(?:[A-Z0-9][A-Z0-9&.,'()À-Ý-]*|&)\s+){0,8}[A-Z0-9][A-Z0-9&.,'()À-Ý-]*[A-Z.)])"
    r"\s*:?\s*(?=By\s*:|/s/|S/\s)"
    # "For and on behalf of Telia North America Inc. ----"
    r"|(?i:for\s+and\s+on\s+behalf\s+of|signed\s+for\s+and\s+on\s+behalf\s+of)\s+"
    r"(?P<behalf>[A-Z][^-_:]{1,80}?)(?=\s*(?:(?:-\s+)?-{3,}|_{3,}|By\b|Name\b|Signature\b|$|"
    # Rules under each signer are not in the block texts: the next signer follows.
    r"(?i:for\s+and\s+on\s+behalf)\b))"
    # "YA Global Investments II (U.S.), Ltd.", "By:Yorkville GP, LLC Its:General Partner"
    rf"|(?P<formal>(?:\(?[A-Z][\w&.'()-]*,?\s+){{0,7}}{_SUFFIX_WORDS})"
    r"(?=\s*,?\s*(?:By\s*:|/s/|its\s|Its\s*:))"
)
