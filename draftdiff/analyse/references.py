"""Provides cross-references ("Article 3.1", "Section 5", "paragraph (a)") and their targets.

A reference is resolved against the clause ids of its own document: "Section
5.4" to clause 5.4, "Article 4" to article 4, and a bare "paragraph (a)" to the
nearest (a) among the referring clause and its ancestors. An unresolved one
(another instrument's section) is kept with no target; it cannot change target.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from draftdiff.schema.model import Schema


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
    for pattern in schema.references:
        for m in pattern.finditer(text):
            if any(m.start() < r.end and m.end() > r.start for r in found):
                continue
            target = re.sub(r"\s+", "", m.group("target"))
            kind = m.groupdict().get("kind") or ""
            found.append(
                Reference(
                    m.group(),
                    m.start(),
                    m.end(),
                    kind,
                    target,
                    resolve(target, clause_id, ids),
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
    return stripped if stripped in ids else None
