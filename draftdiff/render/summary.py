"""Provides the summary figures the HTML and Markdown reports share.

All of it is read off the Comparison: the two ledgers side by side with their
differences, who bears the duties, how many changes of each type and severity,
and the changes most severe first. Nothing here looks at clause text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from draftdiff.diff.result import (
    LEDGER_KINDS,
    Change,
    Comparison,
    Ledger,
    PartyLedger,
    Severity,
    Status,
)

SEVERITIES = tuple(Severity)
"""Most severe first."""

STATUS_SYMBOL = {
    Status.UNCHANGED: "",
    Status.MODIFIED: "±",
    Status.ADDED: "+",
    Status.REMOVED: "−",
    Status.MOVED: "⇄",
    Status.RENUMBERED: "#",
    Status.SPLIT: "⋔",
    Status.MERGED: "⋈",
}
"""A symbol per clause status, so a status never rests on colour alone."""

SEVERITY_SYMBOL = {
    Severity.HIGH: "▲",
    Severity.MEDIUM: "◆",
    Severity.LOW: "▽",
    Severity.INFO: "·",
}
"""Shown beside the severity word, so severity never depends on colour alone."""


@dataclass(frozen=True)
class Cell:
    """One count of a party's ledger in both versions."""

    kind: str
    """"obligation", "prohibition", "permission", "guarantee" or "duties"."""
    old: int
    new: int
    detail: str = ""
    """For obligations: how many of them are only efforts or weak commitments, old →
    new ("weak 0 → 3"), because "3 obligations" that are all "will consider" is not
    what it seems."""

    @property
    def delta(self) -> int:
        return self.new - self.old

    @property
    def delta_text(self) -> str:
        """ "+2", "−1" (a true minus sign) or "" when unchanged."""
        if not self.delta:
            return ""
        return f"+{self.delta}" if self.delta > 0 else f"−{-self.delta}"


@dataclass(frozen=True)
class LedgerRow:
    """A party's ledger in both versions: one Cell per kind, then its duties."""

    party: str
    cells: tuple[Cell, ...]
    old_clauses: dict[str, tuple[str, ...]]
    new_clauses: dict[str, tuple[str, ...]]

    @property
    def duties(self) -> Cell:
        return self.cells[-1]


@dataclass(frozen=True)
class Burden:
    """Who bears the most duties in one version (Ledger.one_sidedness)."""

    share: float | None
    party: str | None

    @property
    def text(self) -> str:
        if self.share is None or self.party is None:
            return "no duties found"
        return f"{self.party} bears {self.share:.0%} of duties"

    @property
    def percent(self) -> str:
        return "—" if self.share is None else f"{self.share:.0%}"


@dataclass(frozen=True)
class TypeCount:
    """How many changes of one type there are, per severity."""

    type: str
    by_severity: tuple[int, ...]
    """In SEVERITIES order."""

    @property
    def total(self) -> int:
        return sum(self.by_severity)


def ledger_parties(comparison: Comparison) -> tuple[str, ...]:
    """Parties of either ledger: the new version's order, then any only in the old."""
    names = [e.party for e in comparison.ledger_new]
    names.extend(e.party for e in comparison.ledger_old if e.party not in names)
    return tuple(names)


def ledger_rows(comparison: Comparison) -> tuple[LedgerRow, ...]:
    rows = []
    for party in ledger_parties(comparison):
        old = comparison.ledger_old.get(party)
        new = comparison.ledger_new.get(party)
        before, after = old.counts(), new.counts()
        cells = [
            Cell(kind, before[kind], after[kind], _detail(old, new) if kind == "obligation" else "")
            for kind in LEDGER_KINDS
        ]
        cells.append(Cell("duties", old.duties, new.duties))
        rows.append(
            LedgerRow(
                party,
                tuple(cells),
                {kind: getattr(old, kind) for kind in LEDGER_KINDS},
                {kind: getattr(new, kind) for kind in LEDGER_KINDS},
            )
        )
    return tuple(rows)


def _detail(old: PartyLedger, new: PartyLedger) -> str:
    parts = []
    for label, attr in (("efforts only", "qualified"), ("weak", "weak")):
        before, after = len(getattr(old, attr)), len(getattr(new, attr))
        if before or after:
            parts.append(f"{label} {before} → {after}")
    return "; ".join(parts)


def burden(ledger: Ledger) -> Burden:
    share = ledger.one_sidedness()
    if share is None:
        return Burden(None, None)
    heaviest = max(ledger, key=lambda entry: entry.duties)
    return Burden(share, heaviest.party)


def severity_order(changes: Sequence[Change]) -> tuple[int, ...]:
    """Indexes of `changes`, most severe first; within a severity, the order the
    Comparison gave (reading order). The Comparison already promises this order;
    sorting again is cheap and keeps a report honest if a producer forgets."""
    return tuple(sorted(range(len(changes)), key=lambda i: changes[i].severity.rank))


def by_severity(changes: Sequence[Change]) -> tuple[Change, ...]:
    """The changes themselves in `severity_order`."""
    return tuple(changes[i] for i in severity_order(changes))


def severity_counts(changes: Sequence[Change]) -> tuple[tuple[Severity, int], ...]:
    counts = Counter(c.severity for c in changes)
    return tuple((s, counts[s]) for s in SEVERITIES)


def type_counts(changes: Sequence[Change]) -> tuple[TypeCount, ...]:
    """One row per change type present, the types of the most severe changes first."""
    counts: dict[str, Counter[Severity]] = {}
    for change in changes:
        counts.setdefault(change.type, Counter())[change.severity] += 1
    rows = [TypeCount(t, tuple(c[s] for s in SEVERITIES)) for t, c in counts.items()]
    return tuple(sorted(rows, key=lambda r: (tuple(-n for n in r.by_severity), r.type)))


def parties_in(comparison: Comparison) -> tuple[str, ...]:
    """Every party a filter may offer: the documents' parties, then any other
    party named by a change or a ledger (a non-party actor such as "Fund")."""
    names: list[str] = []
    for doc in (comparison.new, comparison.old):
        names.extend(p.name for p in doc.parties if p.name not in names)
    for name in (*ledger_parties(comparison), *(c.party for c in comparison.changes)):
        if name and name not in names:
            names.append(name)
    return tuple(names)
