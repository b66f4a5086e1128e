"""Test data for the report views: the sample comparisons, from the real pipeline.

`with_findings()` is v1 → v2 with everything the pipeline finds: clause-level
changes, the semantic changes with their evidence, and both ledgers.
"""

from __future__ import annotations

from functools import cache

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison, Evidence, Side
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


def with_findings(comparison: Comparison | None = None) -> Comparison:
    """v1 → v2 as the pipeline compares it: semantic changes and ledgers included."""
    return comparison or sample_comparison()
