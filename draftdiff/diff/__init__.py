"""Provides the diff stage: align clauses, diff their words, classify the changes."""

from draftdiff.diff.compare import compare
from draftdiff.diff.result import (
    Change,
    ClausePair,
    Comparison,
    Edit,
    Evidence,
    Ledger,
    Op,
    PartyLedger,
    Severity,
    Status,
)

__all__ = [
    "Change",
    "ClausePair",
    "Comparison",
    "Edit",
    "Evidence",
    "Ledger",
    "Op",
    "PartyLedger",
    "Severity",
    "Status",
    "compare",
]
