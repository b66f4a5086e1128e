"""Provides cross-references ("Article 3.1", "Section 5", "paragraph (a)") and their targets.

A reference is resolved against the clause ids of its own document: "Section
5.4" to clause 5.4, "Article 4" to article 4, "Section 8.1(a)" to 8.1(a) or, in a
document whose ids join levels with dots, 8.1.a, "Section 11" with no clause 11 to
the clause holding 11.1, 11.2 (a heading that lost its number), a bare "paragraph (a)" to the
nearest (a) among the referring clause and its ancestors. One followed by words
naming another instrument (the schema's `reference_external`: "Art. 7 G v.
15.7.2009", "Section 12 of the Securities Act") and one that names no clause are
kept with no target; they cannot change target.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from draftdiff.analyse.lexicon import lexicon_for
from draftdiff.schema.model import Schema

_PARENTHESISED = re.compile(r"\(([^()]+)\)")
_SPACES = re.compile(r"\s*")


@dataclass(frozen=True)
class Reference:
    """One cross-reference in a clause."""

    text: str
    """As written: "Section 5.4"."""
    start: int
    end: int
    kind: str
    """The word before the number: "Section", "Article", "paragraph" ("" if none)."""
    target: str
    """The number referred to, spaces removed: "5.4", "(a)", "3.1(b)"."""
    clause: str | None
    """Id of the clause it points to in its own document, None when it resolves to none."""
    rule: str


def find_references(
    text: str,
    clause_id: str,
    schema: Schema,
    ids: Mapping[str, str | None],
) -> tuple[Reference, ...]:
    """References in a clause text; `ids` maps every clause id to its parent's id."""
    found: list[Reference] = []
    lexicon = lexicon_for(schema)
    for pattern in schema.references:
        for m in pattern.finditer(text):
            if any(m.start() < r.end and m.end() > r.start for r in found):
                continue
            target = re.sub(r"\s+", "", m.group("target"))
            kind = m.groupdict().get("kind") or ""
            after = _SPACES.match(text, m.end()).end()  # type: ignore[union-attr]
            external = lexicon.at(text, "reference_external", after) is not None
            found.append(
                Reference(
                    m.group(),
                    m.start(),
                    m.end(),
                    kind,
                    target,
                    None if external else resolve(target, clause_id, ids),
                    f"references: {kind} {target}".replace("  ", " "),
                )
            )
    found.sort(key=lambda r: r.start)
    return tuple(found)


def resolve(target: str, clause_id: str, ids: Mapping[str, str | None]) -> str | None:
    """The clause id a reference's target names, seen from `clause_id`."""
    if target in ids:
        return target
    if target.startswith("("):
        # Relative: "(a)" is the referring clause's own (a), else a sibling's, and so on up.
        current: str | None = clause_id
        while current is not None:
            if current + target in ids:
                return current + target
            current = ids.get(current)
        return None
    stripped = target.rstrip(".")
    if stripped in ids:
        return stripped
    # "8.1(a)" in a document numbered 8.1.a (Markdown lists, dotted Word levels).
    dotted = _PARENTHESISED.sub(r".\1", stripped)
    if dotted in ids:
        return dotted
    # "Section 11" where the heading "Miscellaneous" lost its number but holds 11.1,
    # 11.2: the clause that holds them.
    child = _first_children(ids).get(stripped)
    return ids.get(child) if child is not None else None


_CHILDREN: list[tuple[Mapping[str, str | None], int, dict[str, str]]] = []
"""The last ids mapping seen, its size and, for every dotted prefix of its ids
("11" of "11.2"), the first id under it: every clause of a document resolves its
references against the same mapping, which a scan per reference made quadratic."""


def _first_children(ids: Mapping[str, str | None]) -> dict[str, str]:
    if _CHILDREN and _CHILDREN[0][0] is ids and _CHILDREN[0][1] == len(ids):
        return _CHILDREN[0][2]
    index: dict[str, str] = {}
    for clause_id in ids:
        for at, char in enumerate(clause_id):
            if char == ".":
                index.setdefault(clause_id[:at], clause_id)
    _CHILDREN[:] = [(ids, len(ids), index)]
    return index
