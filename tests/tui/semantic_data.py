"""Builds the comparisons the browser tests read: the real sample drafts, parsed and
compared by the real pipeline, plus (where a view needs them) semantic changes and
ledgers written by hand.

The semantic layer (obligations, guarantees, ledgers) is being built in parallel; until
it lands the pipeline reports clause-level changes only and empty ledgers. The views
must already show semantic results, so `with_semantics` adds a few to the real v1 → v2
comparison with `dataclasses.replace`. Every piece of evidence is located in the real
clause text (`cue` must be found there), and every ledger clause id exists in its
version. Once the semantic layer has merged, tests using `with_semantics` can switch to
the pipeline's own findings (the list is in the TUI report).
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from draftdiff.diff.compare import compare
from draftdiff.diff.result import (
    Change,
    Comparison,
    Evidence,
    Ledger,
    PartyLedger,
    Severity,
    Side,
)
from draftdiff.parse.document import parse_file
from tests.conftest import SAMPLES

# Relative, as a user types them: the paths show on screen, and snapshots must not
# depend on where the checkout is (tests/tui/conftest.py runs these tests from the root).
V1 = "samples/fund-v1-early.md"
V2 = "samples/fund-v2-middle.md"
V3 = "samples/fund-v3-final.md"
ROOT = SAMPLES.parent


@cache
def sample_comparison(old: str = V1, new: str = V2) -> Comparison:
    """The real pipeline on two sample drafts."""
    assert Path.cwd() == ROOT, "run from the repository root (tests/tui/conftest.py does)"
    return compare(parse_file(old), parse_file(new))


def evidence(comparison: Comparison, side: Side, clause: str, cue: str, rule: str) -> Evidence:
    """Evidence for `cue`, located in the real text of the clause."""
    text = comparison.clause(side, clause).text
    start = text.index(cue)  # ValueError if the cue is not in the clause: fix the test data
    return Evidence(side=side, clause=clause, text=cue, start=start, rule=rule)


def semantic_changes(c: Comparison) -> list[Change]:
    """What a careful reviewer finds between v1 and v2 (samples/CHANGES-expected.md),
    for five clauses."""
    return [
        Change(
            "guarantee.weakened",
            Severity.HIGH,
            "Velmora's full-faith-and-credit guarantee of all its obligations now covers "
            "Contributions only, as far as its law permits",
            party="Velmora",
            old_clause="9.1",
            new_clause="9.1",
            evidence=(
                evidence(c, "old", "9.1", "with its full faith and credit", "lexicon.guarantee"),
                evidence(c, "new", "9.1", "guarantees", "lexicon.guarantee: guarantees"),
            ),
        ),
        Change(
            "obligation.removed",
            Severity.HIGH,
            "Velmora no longer has to contribute until USD 500,000,000,000 is reached",
            party="Velmora",
            old_clause="4.3",
            evidence=(evidence(c, "old", "4.3", "shall", "lexicon.obligation: shall"),),
        ),
        Change(
            "condition.added",
            Severity.MEDIUM,
            "Velmora's guarantee applies only to the extent permitted by its law",
            party="Velmora",
            old_clause="9.1",
            new_clause="9.1",
            evidence=(
                evidence(
                    c,
                    "new",
                    "9.1",
                    "to the extent permitted by the law of Velmora",
                    "lexicon.condition: to the extent permitted by",
                ),
            ),
        ),
        Change(
            "obligation.weakened",
            Severity.MEDIUM,
            "Velmora's duty to adopt legislation becomes a duty to use reasonable efforts",
            party="Velmora",
            old_clause="3.6",
            new_clause="3.6",
            evidence=(
                evidence(c, "old", "3.6", "shall", "lexicon.obligation: shall"),
                evidence(
                    c,
                    "new",
                    "3.6",
                    "shall use reasonable efforts to",
                    "lexicon.qualified_obligation: shall use reasonable efforts to",
                ),
            ),
        ),
        Change(
            "obligation.weakened",
            Severity.MEDIUM,
            "Velmora's duty to permit inspections becomes a duty to use reasonable efforts",
            party="Velmora",
            old_clause="7.3",
            new_clause="7.4",
            evidence=(
                evidence(
                    c,
                    "new",
                    "7.4",
                    "shall use reasonable efforts to",
                    "lexicon.qualified_obligation: shall use reasonable efforts to",
                ),
            ),
        ),
        Change(
            "permission.removed",
            Severity.LOW,
            "Velmora may no longer nominate an observer to the Board",
            party="Velmora",
            old_clause="5.6",
            evidence=(evidence(c, "old", "5.6", "may", "lexicon.permission: may"),),
        ),
    ]


V1_VELMORA_OBLIGATIONS = (
    *("2.5", "3.3", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5"),
    *("7.1", "7.2", "7.3", "8.1", "10.3", "11.2"),
)
V2_VELMORA_OBLIGATIONS = (
    *("2.5", "3.3", "3.6", "4.1", "4.2", "4.3", "7.1", "7.3", "7.4"),
    *("8.1", "8.3", "10.2", "11.2"),
)


def ledgers(c: Comparison) -> tuple[Ledger, Ledger]:
    """Who owes what in v1 and v2: everything falls on Velmora in both."""
    old = Ledger(
        (
            PartyLedger("Norland", permission=("5.5", "12.3")),
            PartyLedger(
                "Velmora",
                obligation=V1_VELMORA_OBLIGATIONS,
                prohibition=("3.2", "3.5", "8.2", "12.4"),
                permission=("5.6",),
                guarantee=("9.1",),
            ),
        )
    )
    new = Ledger(
        (
            PartyLedger("Norland", permission=("5.5", "12.3")),
            PartyLedger(
                "Velmora",
                obligation=V2_VELMORA_OBLIGATIONS,
                prohibition=("3.2", "3.5", "8.2", "12.4"),
                guarantee=("9.1",),
            ),
        )
    )
    for document, ledger in ((c.old, old), (c.new, new)):
        for entry in ledger:
            for kind in ("obligation", "prohibition", "permission", "guarantee"):
                for clause in getattr(entry, kind):
                    assert clause in document, (document.path, clause)
    return old, new


def with_semantics(comparison: Comparison) -> Comparison:
    """The comparison plus the hand-written semantic changes and ledgers, the changes
    ordered as the pipeline orders them (most severe first, then reading order)."""
    positions = {}
    for index, pair in enumerate(comparison.pairs):
        positions.update({("old", i): index for i in pair.old})
        positions.update({("new", i): index for i in pair.new})

    def order(change: Change) -> tuple[int, int]:
        where = positions.get(("new", change.new_clause or ""))
        if where is None:
            where = positions.get(("old", change.old_clause or ""), 0)
        return (change.severity.rank, where)

    changes = sorted([*semantic_changes(comparison), *comparison.changes], key=order)
    old, new = ledgers(comparison)
    return dataclasses.replace(comparison, changes=tuple(changes), ledger_old=old, ledger_new=new)


@cache
def semantic_sample() -> Comparison:
    """The real v1 → v2 comparison with hand-written semantic changes and ledgers."""
    return with_semantics(sample_comparison())
