"""Provides the summary figures the HTML and Markdown reports share.

All of it is read off the Comparison: the two ledgers side by side with their
differences (each party's own provisions, then the joint ones, then those of
others such as the Fund or the Board), who bears the duties, how many changes of
each type and severity, and the changes most severe first. Nothing here looks at
clause text.
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
    parts: tuple[Cell, ...] = ()
    """The obligations that are only efforts or weak commitments, one Cell per
    `OBLIGATION_PARTS` entry (its kind the PartyLedger field)."""
    group: str = "own"
    """"own" (a party's own provisions), "joint" (the Parties jointly, each Party,
    either Party) or "other" (a body or person that is no party: the Fund, the Board)."""

    @property
    def duties(self) -> Cell:
        return self.cells[-1]


LEDGER_GROUPS = {
    "own": "party (own)",
    "joint": "all parties jointly (not in one-sidedness)",
    "other": "not a party",
}
"""How views label each group of ledger rows."""


@dataclass(frozen=True)
class Burden:
    """Who bears the most duties in one version (Ledger.one_sidedness)."""

    share: float | None
    party: str | None
    note: str = ""
    """Why there is no figure (one party found, none found), from Ledger.balance_note."""

    @property
    def text(self) -> str:
        if self.share is None or self.party is None:
            return self.note or "no duties found"
        return f"{self.party} bears {self.share:.0%} of the parties' own duties"

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


OBLIGATION_PARTS = (("qualified", "efforts only"), ("weak", "weak"))
"""The obligations that are not what "obligation" suggests, as every view names them:
duties only to try ("reasonable efforts"), and weak commitments ("will consider"), which
bind nobody and so are not counted as duties."""


def ledger_rows(comparison: Comparison) -> tuple[LedgerRow, ...]:
    """The parties' own rows, then the joint row (when any provision is joint), then
    one row per non-party that bears provisions."""
    old_ledger, new_ledger = comparison.ledger_old, comparison.ledger_new
    entries = [(old_ledger.get(p), new_ledger.get(p), "own") for p in comparison.ledger_parties()]
    joint = (old_ledger.joint, new_ledger.joint)
    if any(any(e.counts().values()) for e in joint):
        entries.append((*joint, "joint"))
    names = [e.party for e in new_ledger.others]
    names.extend(e.party for e in old_ledger.others if e.party not in names)
    entries.extend((old_ledger.other(n), new_ledger.other(n), "other") for n in names)
    return tuple(_row(old, new, group) for old, new, group in entries)


def _row(old: PartyLedger, new: PartyLedger, group: str) -> LedgerRow:
    before, after = old.counts(), new.counts()
    parts = tuple(
        Cell(attr, len(getattr(old, attr)), len(getattr(new, attr))) for attr, _ in OBLIGATION_PARTS
    )
    cells = [
        Cell(kind, before[kind], after[kind], _detail(parts) if kind == "obligation" else "")
        for kind in LEDGER_KINDS
    ]
    cells.append(Cell("duties", old.duties, new.duties))
    return LedgerRow(
        new.party,
        tuple(cells),
        {kind: getattr(old, kind) for kind in LEDGER_KINDS},
        {kind: getattr(new, kind) for kind in LEDGER_KINDS},
        parts,
        group,
    )


def _detail(parts: tuple[Cell, ...]) -> str:
    labels = dict(OBLIGATION_PARTS)
    return "; ".join(f"{labels[c.kind]} {c.old} → {c.new}" for c in parts if c.old or c.new)


def burden(ledger: Ledger) -> Burden:
    heaviest = ledger.heaviest()
    return Burden(
        ledger.one_sidedness(), heaviest.party if heaviest else None, ledger.balance_note()
    )


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
