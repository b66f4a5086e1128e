"""Provides party renames: one change for an entity renamed, not one per clause.

Two ways a party is renamed between versions:

- its defined name changes ("Supplier" -> "Vendor"), or the entity behind it does
  (the alias "ACME Corp." -> "ACME Holdings Inc.");
- an entity named in the text changes name everywhere it appears ("OpenAI, L.L.C."
  -> "OpenAI OpCo, LLC"), recognised by its company form (the schema's
  `entity_suffix` list).

A clause whose only edits are such renames is *explained* by them: it gets no
clause.modified of its own, and its provisions are compared with the old names
mapped to the new, so a rename is never read as duties moving between parties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from draftdiff.analyse.lexicon import Lexicon, alternation
from draftdiff.diff.result import PART_SEPARATOR, ClausePair, Evidence, Status
from draftdiff.diff.textdiff import cosmetic_key
from draftdiff.model import Document


@dataclass
class Rename:
    """One name replaced by another across the versions."""

    old: str
    new: str
    party: str | None = None
    """The party (its name in the new version) the name belongs to, when known."""
    defined: bool = False
    """Found in the parties' definitions, not only in the text."""
    pairs: list[int] = field(default_factory=list)
    """Indexes of the clause pairs whose edits it explains."""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Renames:
    renames: tuple[Rename, ...] = ()
    parties: dict[str, str] = field(default_factory=dict)
    """Old party name -> new party name, for every party whose defined name changed."""
    explained: frozenset[int] = frozenset()
    """Pairs whose every edit is a rename."""


def find_renames(
    pairs: Sequence[ClausePair], old: Document, new: Document, lexicon: Lexicon
) -> Renames:
    found: dict[tuple[str, str], Rename] = {}
    party_map: dict[str, str] = {}
    old_names = {p.name: p for p in old.parties}
    new_names = {p.name: p for p in new.parties}
    # Assumed roles (a schema's defaults where a preamble names nobody, as in a
    # template with blanks) are no one's name: replacing them is not a rename.
    gone = [p for p in old.parties if p.name not in new_names and not p.assumed]
    came = [p for p in new.parties if p.name not in old_names and not p.assumed]
    if gone and len(gone) == len(came):
        for was, now in zip(gone, came, strict=True):
            party_map[was.name] = now.name
            found[(was.name, now.name)] = Rename(was.name, now.name, now.name, defined=True)
    # Signature blocks write names in capitals ("BRIGHTWAY RETAIL LTD"): the company
    # forms are also looked for in capitals.
    forms = lexicon.phrases("entity_suffix")
    suffixes = alternation([*forms, *(f.upper() for f in forms if f.upper() != f)])
    for name, party in new_names.items():
        before_party = old_names.get(name)
        if before_party is None:
            continue
        # "Redfern Holdings Corp., a Nevada corporation with offices at 1 Main
        # Street": only the entity's name is its name; a new address is no rename.
        lost = _longest(_core(a, suffixes) for a in before_party.aliases if a not in party.aliases)
        added = _longest(_core(a, suffixes) for a in party.aliases if a not in before_party.aliases)
        if len(lost) == 1 and len(added) == 1 and lost[0] != added[0]:
            found[(lost[0], added[0])] = Rename(lost[0], added[0], name, defined=True)
    entity = (
        re.compile(
            # A word may be a bracketed qualifier: "Harbour Logistics (UK) Limited".
            rf"(?<![\w(])(?:(?:[A-Z0-9][\w&'’.-]*|\([A-Z][\w.&]*\)),?[ \t]+){{1,5}}?"
            rf"(?:{suffixes})(?![\w])"
        )
        if suffixes
        else None
    )
    texts: dict[int, tuple[str, str]] = {}
    for index, pair in enumerate(pairs):
        if pair.status in (Status.ADDED, Status.REMOVED, Status.UNCHANGED):
            continue
        if pair.cosmetic or not pair.old or not pair.new:
            continue
        before, after = pair.text("old"), pair.text("new")
        if before == after:
            continue
        texts[index] = (before, after)
        if entity is None:
            continue
        lost = _unique(m.group() for m in entity.finditer(before))
        added = _unique(m.group() for m in entity.finditer(after))
        lost, added = [e for e in lost if e not in added], [e for e in added if e not in lost]
        if len(lost) == 1 and len(added) == 1:
            key = (_bare(lost[0]), _bare(added[0]))
            if key not in found:
                # A name changed only in the signature block ("Aldgate Partners LLP"
                # -> "Aldgate Partners Europe LLP") still belongs to the party the
                # preamble gave the old name to.
                owner = _party_of(key[1], new) or _party_of(key[0], old) or _party_of(key[0], new)
                found[key] = Rename(key[0], key[1], owner)
    explained: set[int] = set()
    renames = list(found.values())
    # Each name as a whole word, compiled once for all the pairs it is tried on.
    patterns = [
        (rename, re.compile(rf"(?<![\w-]){re.escape(rename.old)}(?![\w-])")) for rename in renames
    ]
    for index, (before, after) in texts.items():
        applied = before
        used = []
        for rename, pattern in patterns:
            if pattern.search(applied):
                applied = pattern.sub(rename.new.replace("\\", "\\\\"), applied)
                used.append(rename)
        if used and cosmetic_key(applied) == cosmetic_key(after):
            explained.add(index)
            pair = pairs[index]
            for rename in used:
                rename.pairs.append(index)
                rename.evidence.extend(_evidence(pair, before, after, rename))
    return Renames(_one_per_name(renames), party_map, frozenset(explained))


def _one_per_name(renames: Sequence[Rename]) -> tuple[Rename, ...]:
    """One rename per name change: "Redfern Holdings Corp." -> "Redfern Group Holdings
    Corp." in the preamble and the same in capitals in the signature block are one fact,
    told once, at its first place, with the others as "also"."""
    first: dict[tuple[str, str], Rename] = {}
    for rename in renames:
        key = (rename.old.casefold(), rename.new.casefold())
        if key not in first:
            first[key] = rename
            continue
        kept = first[key]
        kept.pairs.extend(i for i in rename.pairs if i not in kept.pairs)
        kept.evidence.extend(rename.evidence)
        kept.defined = kept.defined or rename.defined
        kept.party = kept.party or rename.party
    for rename in first.values():
        rename.pairs.sort()
    return tuple(r for r in first.values() if r.defined or r.pairs)


def _evidence(pair: ClausePair, before: str, after: str, rename: Rename) -> list[Evidence]:
    out = []
    for side, text, name, ids in (
        ("old", before, rename.old, pair.old),
        ("new", after, rename.new, pair.new),
    ):
        at = text.find(name)
        if at < 0:
            continue
        part = text[:at].count(PART_SEPARATOR)
        offset = at - (text.rfind(PART_SEPARATOR, 0, at) + 1 if part else 0)
        out.append(
            Evidence(
                "old" if side == "old" else "new",
                ids[min(part, len(ids) - 1)],
                name,
                offset,
                "renames: entity name" if not rename.defined else "parties: defined name",
            )
        )
    return out


def _core(full: str, suffixes: str) -> str:
    """An entity's name without what the preamble says about it: up to its company
    form ("Redfern Holdings Corp."), else up to the first comma."""
    full = " ".join(full.split())
    if suffixes:
        m = re.search(rf"^.*?(?<![\w])(?:{suffixes})(?![\w])", full)
        if m:
            return m.group()
    return full.split(",")[0].strip()


def _longest(names: Iterable[str]) -> list[str]:
    """The distinct names, less those that only begin a longer one: the aliases
    derived from a full name ("Sociedad Minera del Norte" for "... del Norte S.A.")
    are not names of their own."""
    unique = _unique(names)
    return [n for n in unique if not any(o != n and o.startswith(n) for o in unique)]


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _bare(name: str) -> str:
    return re.sub(r"^(?:The|the)\s+", "", " ".join(name.split()))


def _party_of(name: str, document: Document) -> str | None:
    # A signature block often writes the name in capitals ("BRIGHTWAY RETAIL LTD").
    key = name.casefold()
    for party in document.parties:
        if key in {n.casefold() for n in party.names()}:
            return party.name
    return None
