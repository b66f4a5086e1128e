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

from draftdiff.parse.parties_names import aliases_of, entity_name
from draftdiff.parse.parties_preamble import Found, looks_like_entity, read_stretches

_LIST_HEADING = re.compile(
    r"^\W*(?:the\s+)?(?:parties|contracting\s+parties|vertragsparteien|parteien|between|"
    r"by\s+and\s+between|by\s+and\s+among|among|zwischen)\s*[:.]?\W*$",
    re.IGNORECASE,
)
_LIST_STOP = re.compile(
    r"^\W*(?:WHEREAS|RECITALS?|BACKGROUND|PREAMBLE|NOW|IT\s+IS|AGREED|Dated|Date|Source|"
    r"Agreed\s+terms|Operative|Präambel|Vorbemerkung|Table\s+of\s+Contents|Contents|"
    r"Effective|Made|As\s+of|INTRODUCTION|TERMS)\b|^\s*(?:Article|Section|§)?\s*1\s*[.)]?\s*\S",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(r"^\W*(?:and|und|&|-\s*and\s*-)\W*$", re.IGNORECASE)
_MAX_ITEMS = 8
_SIGNATURE = re.compile(r"^\s*(?:By|Signed|Signature|Name)\s*:", re.IGNORECASE)
_WITNESS = re.compile(r"IN\s+WITNESS\s+WHEREOF|EXECUTED\s+(?:as|by)|SIGNED\s+(?:by|for)", re.I)
_SIGNER = re.compile(r"^\s*(?:By|Signed|Name|Title|Date|Its|Signature|Witness)\b", re.I)


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


def signature_block(texts: Sequence[str]) -> list[Found]:
    """Entities named just above the `By:` lines after IN WITNESS WHEREOF."""
    start = next((i for i, t in enumerate(texts) if _WITNESS.search(t)), None)
    if start is None:
        return []
    found: list[Found] = []
    lines = [line.strip() for t in texts[start + 1 : start + 80] for line in t.splitlines()]
    for i, line in enumerate(lines):
        if not _SIGNATURE.match(line) or i == 0:
            continue
        above = next(
            (x for x in reversed(lines[max(0, i - 3) : i]) if x and not _SIGNER.match(x)), ""
        )
        full = entity_name(above.rstrip(":"))
        if (
            (full
            and looks_like_entity(full)
            and full.isupper())
            or (
                full
                and re.search(
                    r"\b(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|AG|plc|LLP|L\.P)\b", full
                )
            )
        ):
            names = aliases_of(full)
            if names and all(names[0] != f.name for f in found):
                found.append(Found(names[0], tuple(names[1:]), "signature block"))
    return found
