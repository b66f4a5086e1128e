"""Provides what every history report says the same way: trend lines, step summaries,
which lineages to show first."""

from __future__ import annotations

from draftdiff.diff.result import LEDGER_KINDS, NON_SUBSTANTIVE, Comparison
from draftdiff.history import History
from draftdiff.history.lineage import ClauseLineage
from draftdiff.history.provisions import ProvisionLineage
from draftdiff.history.trend import balances

TREND_KINDS = ("duties", *LEDGER_KINDS)
"""The series a trend shows: duties (what one-sidedness counts), then each ledger kind."""


def balance_line(history: History) -> str:
    """ "v1 Velmora 100% → v2 Velmora 100% → v3 Velmora 73%"."""
    out = []
    for b, version in zip(
        balances([v.ledger for v in history.versions]), history.versions, strict=True
    ):
        if b.one_sidedness is None:
            out.append(f"{version.short} no duties")
        else:
            out.append(f"{version.short} {b.heaviest} {round(100 * b.one_sidedness)}%")
    return " → ".join(out)


def series_text(values: tuple[int, ...]) -> str:
    return " → ".join(str(v) for v in values)


def step_summary(comparison: Comparison) -> str:
    """ "19 modified, 6 added, 3 removed; 35 substantive changes"."""
    counts = comparison.status_counts()
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s != "unchanged")
    substantive = sum(1 for c in comparison.changes if c.type not in NON_SUBSTANTIVE)
    plural = "s" if substantive != 1 else ""
    return f"{statuses or 'no clause changed'}; {substantive} substantive change{plural}"


def gave_and_took(history: History, k: int) -> str:
    """What each party's ledger did in step k: "Norland duties +7, obligation +6;
    Velmora prohibition −1" ("" when no count moved)."""
    before, after = history.versions[k].ledger, history.versions[k + 1].ledger
    parts = []
    for trend in history.trends:
        a, b = before.get(trend.party), after.get(trend.party)
        moves = [("duties", b.duties - a.duties)]
        moves += [(kind, b.counts()[kind] - a.counts()[kind]) for kind in LEDGER_KINDS]
        said = ", ".join(f"{kind} {_signed(n)}" for kind, n in moves if n)
        if said:
            parts.append(f"{trend.party} {said}")
    return "; ".join(parts)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}"


def flip_flops(history: History) -> tuple[tuple[ClauseLineage, ...], tuple[ProvisionLineage, ...]]:
    return (
        tuple(c for c in history.clauses if c.flip_flop),
        tuple(p for p in history.provisions if p.flip_flop),
    )


def names(history: History) -> list[str]:
    return [v.short for v in history.versions]


def state_cell(lineage: ProvisionLineage, version: int) -> tuple[str, str]:
    """What a provisions × drafts table shows for one version: ("10.3 will consider",
    the event kind of that version or "" when nothing happened, "absent" when absent)."""
    state = lineage.states[version]
    kinds = [e.kind for e in lineage.events if e.version == version]
    kind = kinds[0] if kinds else ("absent" if state is None else "")
    if state is None:
        return ("—" if kind == "absent" else "removed", kind)
    return (f"{state.clause} {state.cue}", kind)
