"""Test data: a version pair whose text is full of markup and template syntax."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Change, Comparison, Severity
from draftdiff.parse.document import parse_file
from tests.report.semantic import cue

DATA = Path(__file__).parent / "data"


def hostile_comparison() -> Comparison:
    """A pair whose text is full of markup and template syntax, plus a semantic
    finding whose party, summary, rule and evidence carry markup too (test data,
    injected as the semantic layer would report it)."""
    c = compare(parse_file(DATA / "hostile-old.txt"), parse_file(DATA / "hostile-new.txt"))
    evil = Change(
        "obligation.weakened",
        Severity.HIGH,
        '<script>window.__pwned = "summary"</script> {{ summary }}',
        '<img src=x onerror="window.__pwned = 7">',
        "2",
        "2",
        (
            replace(
                cue(c, "new", "2", '<img src=x onerror="window.__pwned = 2">', "x"),
                rule='<script>window.__pwned = "rule"</script>',
            ),
        ),
    )
    return replace(c, changes=(evil, *c.changes))
