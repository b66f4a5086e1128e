"""Provides party discovery: the defined names a preamble gives the parties.

`The Government of the Republic of Norland (hereinafter "Norland")` yields the
party "Norland" with the alias "the Government of the Republic of Norland".
The schema supplies the patterns, the collective names that are never a party
("the Parties"), fixed aliases ("You" for a Licensee) and default roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from draftdiff.model import Party
from draftdiff.schema.model import Schema

# Where a captured "full name" starts: after the words that introduce the parties.
_INTRODUCERS = re.compile(
    r"^.*\b(?:between|among|amongst|and(?=\s+the\s))\s+(?=[A-Z[]|the\s|you\b)",
    re.IGNORECASE | re.DOTALL,
)
# "ACME Corp., a Delaware corporation" -> "ACME Corp."
_DESCRIPTOR = re.compile(r",\s+(?:an?|the)\s+[^,]*$|,\s*$")
_MAX_ALIAS_WORDS = 14
_ONLY_A_FORM = re.compile(
    r"^(?:an?\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:corporation|company|partnership|"
    r"limited liability company|limited partnership)$"
)


def find_parties(texts: Iterable[str], schema: Schema) -> tuple[Party, ...]:
    """Parties defined in the given preamble texts, in order of first definition."""
    rules = schema.parties
    collective = {c.casefold() for c in rules.collective}
    found: dict[str, list[str]] = {}
    for text in texts:
        for pattern in rules.definitions:
            for match in pattern.finditer(text):
                name = match.group("name").strip().strip("*_ ")
                if not name or name.casefold() in collective or not name[0].isupper():
                    continue
                if _is_acronym_of(name, match.groupdict().get("full") or ""):
                    continue  # ("EEA") abbreviates a place or a term, not a party
                aliases = found.setdefault(name, [])
                full = _clean_full(match.groupdict().get("full") or "")
                if full and full != name and full not in aliases:
                    aliases.append(full)
    assumed = not found
    if assumed:
        for role in rules.roles:
            found[role] = []
    parties = []
    for name, aliases in found.items():
        extra = [a for a in rules.aliases.get(name, ()) if a not in aliases and a != name]
        parties.append(Party(name, tuple(aliases + extra), assumed=assumed))
    return tuple(parties)


def _clean_full(full: str) -> str:
    full = " ".join(full.split())
    full = _INTRODUCERS.sub("", full)
    full = _DESCRIPTOR.sub("", full).strip(" ,;")
    # "The Government of X" and "the Government of X" are one alias: keep it bare.
    full = re.sub(r"^(?:the|The)\s+", "", full)
    if _ONLY_A_FORM.match(full) or not re.search(r"[A-Za-z]{2}", full):
        # "Delaware corporation" describes the entity and "[_____]" is a blank: not names.
        return ""
    if len(full.split()) > _MAX_ALIAS_WORDS:
        return ""
    return full


def _is_acronym_of(name: str, full: str) -> bool:
    """True for `European Economic Area ("EEA")`: the name spells the initials of
    the words just before it."""
    if not (name.isupper() and 2 <= len(name) <= 6):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", full) if w[0].isupper())
    return initials.endswith(name)
