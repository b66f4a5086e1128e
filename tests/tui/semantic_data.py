"""Builds the comparisons the browser tests read: the real sample drafts, parsed and
compared by the real pipeline, semantic changes and ledgers included.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from draftdiff.diff.compare import compare
from draftdiff.diff.result import (
    Comparison,
    Evidence,
    Side,
)
from draftdiff.parse.document import parse_file
from tests.conftest import SAMPLES
from tests.diff.helpers import doc

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


@cache
def semantic_sample() -> Comparison:
    """The real v1 → v2 comparison: clause changes, semantic changes and ledgers."""
    return sample_comparison()


def markup_comparison() -> Comparison:
    """Two drafts whose text looks like Textual markup ([insert date], [/note], [bold]):
    the browser must draw it as written, never interpret it."""
    old = doc(
        "## Article 1 — Delivery [draft note]",
        "1.1 The Supplier shall deliver by [insert date] [/note].",
        path="old.md",
    )
    new = doc(
        "## Article 1 — Delivery [draft note]",
        "1.1 The Supplier shall deliver by [bold]1 May 2025[/bold] [/note].",
        path="new.md",
    )
    return compare(old, new)
