"""Test data for the report views: the sample comparisons plus semantic findings.

The semantic layer (obligations, guarantees, ledgers) is being built in another
branch. Until it merges, the pipeline fills `Comparison.changes` with
clause-level changes only and leaves the ledgers empty, so the report tests
that need semantic changes add them here, with `dataclasses.replace`, on top
of the *real* parsed and aligned samples. The findings mirror
samples/README.md ("v1 (early) → v2 (middle)"); every evidence span is located
in the real clause text, so its offsets are right by construction.

After the merge, tests using `with_findings` can switch to the plain pipeline
(`sample_comparison`) and assert on what the semantic layer reports.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

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

V1 = SAMPLES / "fund-v1-early.md"
V2 = SAMPLES / "fund-v2-middle.md"
V3 = SAMPLES / "fund-v3-final.md"


@cache
def sample_comparison(old: str = "fund-v1-early.md", new: str = "fund-v2-middle.md") -> Comparison:
    """The real pipeline on two bundled samples (paths as the user would give them)."""
    return compare(parse_file(f"samples/{old}"), parse_file(f"samples/{new}"))


def cue(comparison: Comparison, side: Side, clause: str, words: str, rule: str) -> Evidence:
    """Evidence for `words` where they first occur in the clause's text."""
    text = comparison.clause(side, clause).text
    start = text.index(words)  # ValueError: the test data no longer matches the sample
    return Evidence(side, clause, words, start, rule)


def findings(c: Comparison) -> tuple[Change, ...]:
    """Semantic changes a reviewer finds from v1 to v2, most severe first."""
    return (
        Change(
            "obligation.weakened",
            Severity.HIGH,
            "Velmora's duty to adopt legislation became 'shall use reasonable efforts to'",
            "Velmora",
            "3.6",
            "3.6",
            (
                cue(c, "old", "3.6", "shall", "lexicon.obligation: shall"),
                cue(
                    c,
                    "new",
                    "3.6",
                    "shall use reasonable efforts to",
                    "lexicon.qualified_obligation: shall use reasonable efforts to",
                ),
            ),
        ),
        Change(
            "guarantee.weakened",
            Severity.HIGH,
            "Velmora's full-faith-and-credit guarantee now applies only as far as its law permits",
            "Velmora",
            "9.1",
            "9.1",
            (
                cue(c, "old", "9.1", "with its full faith and credit", "lexicon.guarantee"),
                cue(
                    c,
                    "new",
                    "9.1",
                    "to the extent permitted by the law of Velmora",
                    "lexicon.condition: to the extent permitted by",
                ),
            ),
        ),
        Change(
            "obligation.removed",
            Severity.MEDIUM,
            "Velmora no longer has to contribute until USD 500,000,000,000 is reached",
            "Velmora",
            "4.3",
            None,
            (cue(c, "old", "4.3", "shall continue to make", "lexicon.obligation: shall"),),
        ),
        Change(
            "obligation.weakened",
            Severity.MEDIUM,
            "Velmora's duty to permit inspections became 'shall use reasonable efforts to'",
            "Velmora",
            "7.3",
            "7.4",
            (
                cue(
                    c,
                    "new",
                    "7.4",
                    "shall use reasonable efforts to",
                    "lexicon.qualified_obligation: shall use reasonable efforts to",
                ),
            ),
        ),
        Change(
            "term.redefined",
            Severity.MEDIUM,
            '"Resource Revenues" now covers New Licences only; used in 4.1 and 7.3',
            None,
            "1.1(e)",
            "1.1(f)",
            (cue(c, "new", "1.1(f)", "under New Licences", "definition: Resource Revenues"),),
        ),
        Change(
            "obligation.added",
            Severity.LOW,
            "Norland intends to encourage investment (a weak commitment)",
            "Norland",
            None,
            "2.6",
            (cue(c, "new", "2.6", "intends to", "lexicon.weak_commitment: intends to"),),
        ),
        Change(
            "permission.added",
            Severity.LOW,
            "Velmora is entitled to the Fund's annual financial statements",
            "Velmora",
            None,
            "7.2",
            (cue(c, "new", "7.2", "shall be entitled to", "lexicon.right: shall be entitled to"),),
        ),
    )


def ledgers() -> tuple[Ledger, Ledger]:
    """Per-party ledgers of v1 and v2 (clause ids per kind of provision)."""
    old = Ledger(
        (
            PartyLedger(
                "Norland",
                permission=("3.4", "5.5"),
            ),
            PartyLedger(
                "Velmora",
                obligation=("2.5", "3.3", "3.5", "3.6", "4.1", "4.3", "4.4", "7.1", "7.2", "7.3"),
                prohibition=("3.2", "12.4"),
                guarantee=("3.1", "9.1"),
            ),
        )
    )
    new = Ledger(
        (
            PartyLedger(
                "Norland",
                obligation=("2.6", "4.4"),
                permission=("3.4", "5.5"),
            ),
            PartyLedger(
                "Velmora",
                obligation=("2.5", "3.3", "3.5", "3.6", "4.1", "4.3", "7.1", "7.3", "7.4"),
                prohibition=("3.2", "12.4"),
                permission=("7.2",),
                guarantee=("3.1", "9.1"),
            ),
        )
    )
    return old, new


def with_findings(comparison: Comparison | None = None) -> Comparison:
    """v1 → v2 as the pipeline compares it, plus the semantic findings and ledgers,
    merged into Comparison.changes most severe first (as the pipeline orders them)."""
    c = comparison or sample_comparison()
    old, new = ledgers()
    merged = sorted((*findings(c), *c.changes), key=lambda ch: ch.severity.rank)
    return replace(c, changes=tuple(merged), ledger_old=old, ledger_new=new)
