"""Provides each party's ledger trend: what it owes and holds, version by version, and
how one-sided each draft is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from draftdiff.diff.result import Ledger
from draftdiff.model import Document


@dataclass(frozen=True)
class LedgerPoint:
    """One party's ledger in one version: clauses per kind of provision."""

    version: int
    obligation: int = 0
    prohibition: int = 0
    permission: int = 0
    guarantee: int = 0
    qualified: int = 0
    """Of the obligations, those only qualified ("reasonable efforts")."""
    weak: int = 0
    """Of the obligations, the weak commitments ("will consider"): not duties."""
    duties: int = 0
    """Binding obligations + prohibitions + guarantees (as Ledger.one_sidedness counts)."""
    present: bool = True
    """False in a version whose document does not name the party."""


@dataclass(frozen=True)
class PartyTrend:
    party: str
    points: tuple[LedgerPoint, ...]

    def series(self, kind: str) -> tuple[int, ...]:
        return tuple(getattr(p, kind) for p in self.points)


@dataclass(frozen=True)
class Balance:
    """How one-sided one version is."""

    version: int
    one_sidedness: float | None
    """Share of all duties the most burdened party bears (None: nobody bears any)."""
    heaviest: str | None


def party_trends(
    documents: Sequence[Document], ledgers: Sequence[Ledger]
) -> tuple[PartyTrend, ...]:
    """Each party of any version (first appearance order), its ledger in every version."""
    names: list[str] = []
    for ledger in ledgers:
        names.extend(e.party for e in ledger if e.party not in names)
    trends = []
    for name in names:
        points = []
        for v, ledger in enumerate(ledgers):
            present = any(e.party == name for e in ledger)
            entry = ledger.get(name)
            counts = entry.counts()
            points.append(
                LedgerPoint(
                    v,
                    qualified=len(entry.qualified),
                    weak=len(entry.weak),
                    duties=entry.duties,
                    present=present,
                    **counts,
                )
            )
        trends.append(PartyTrend(name, tuple(points)))
    return tuple(trends)


def balances(ledgers: Sequence[Ledger]) -> tuple[Balance, ...]:
    out = []
    for v, ledger in enumerate(ledgers):
        heaviest = ledger.heaviest()
        out.append(Balance(v, ledger.one_sidedness(), heaviest.party if heaviest else None))
    return tuple(out)
