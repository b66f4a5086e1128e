"""Provides a clause's history across every version: where it is in each draft and how
it changed from one draft to the next.

A clause is followed through the comparisons of consecutive versions by its pairs,
so renumbering, moves, splits and merges are followed too (a split clause is followed
into all of its parts). Plain data, no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from draftdiff.diff.result import ClausePair, Comparison, Side


@dataclass(frozen=True)
class Step:
    """The clause in one version, and how it got there from the version before."""

    version: int
    """Index of the version (0 = the first given)."""
    ids: tuple[str, ...]
    """The clause's ids in this version; empty when it is not in this version."""
    pairs: tuple[ClausePair, ...] = ()
    """The pairs linking the previous version to this one (empty for the first version,
    and when the clause is absent from both)."""

    @property
    def present(self) -> bool:
        return bool(self.ids)

    @property
    def status(self) -> str:
        """How the clause changed on arriving in this version ("" for the first version)."""
        statuses = list(dict.fromkeys(p.status.value for p in self.pairs))
        return "/".join(statuses)


def clause_history(
    consecutive: Sequence[Comparison], version: int, ids: tuple[str, ...]
) -> tuple[Step, ...]:
    """The history of the clause(s) `ids` of `version`, given the comparisons of
    consecutive versions (consecutive[k] compares version k with version k + 1)."""
    count = len(consecutive) + 1
    if not 0 <= version < count:
        raise IndexError(f"version {version} of {count}")
    steps: dict[int, Step] = {}
    current = ids
    # Backwards: from this version to the first, through the pairs holding `current`.
    for k in range(version - 1, -1, -1):
        pairs = _pairs(consecutive[k], "new", current)
        steps[k + 1] = Step(k + 1, current, pairs)
        current = _ids(pairs, "old")
    steps[0] = Step(0, current)
    # Forwards: from this version to the last.
    current = ids
    for k in range(version, count - 1):
        pairs = _pairs(consecutive[k], "old", current)
        current = _ids(pairs, "new")
        steps[k + 1] = Step(k + 1, current, pairs)
    return tuple(steps[k] for k in range(count))


def _pairs(comparison: Comparison, side: Side, ids: tuple[str, ...]) -> tuple[ClausePair, ...]:
    pairs: list[ClausePair] = []
    for clause_id in ids:
        pair = comparison.pair_for(side, clause_id)
        if pair not in pairs:
            pairs.append(pair)
    return tuple(pairs)


def _ids(pairs: Sequence[ClausePair], side: Side) -> tuple[str, ...]:
    found: list[str] = []
    for pair in pairs:
        found.extend(i for i in (pair.old if side == "old" else pair.new) if i not in found)
    return tuple(found)
