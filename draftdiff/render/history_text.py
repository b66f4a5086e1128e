"""Provides the text history: versions, one-sidedness and ledger trend, each draft's step,
the flip-flops, then the story of every provision and clause that changed."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.text import Text

from draftdiff.history import History
from draftdiff.render.history_view import (
    TREND_KINDS,
    balance_line,
    flip_flops,
    gave_and_took,
    names,
    series_text,
    step_summary,
)


def render_history_text(history: History, *, color: bool = False, width: int = 100) -> str:
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    out = console.print
    short = names(history)
    out(Text(f"draftdiff history: {len(history.versions)} versions", style="bold"))
    for v in history.versions:
        doc = v.document
        out(f"  {v.label} — {doc.title or '(untitled)'} ({doc.clause_count} clauses)")
    out(Text("One-sidedness (share of duties the most burdened party bears):", style="bold"))
    out(f"  {balance_line(history)}")
    out(Text(f"Ledger trend ({' → '.join(short)}):", style="bold"))
    for trend in history.trends:
        cells = ", ".join(f"{kind} {series_text(trend.series(kind))}" for kind in TREND_KINDS)
        out(f"  {trend.party}: {cells}")
    out(Text("Draft by draft:", style="bold"))
    for k, comparison in enumerate(history.comparisons):
        out(f"  {short[k]} → {short[k + 1]}: {step_summary(comparison)}")
        if ledger_moves := gave_and_took(history, k):
            out(f"    ledger: {ledger_moves}")
    clauses, provisions = flip_flops(history)
    if clauses or provisions:
        out(Text("Flip-flops (removed and restored, or back to earlier words):", style="bold"))
        for p in provisions:
            out(f"  {p.story(short)}")
        for c in clauses:
            out(f"  clause {c.label}: {c.story(short)}")
    changed = [p for p in history.provisions if p.changed]
    out(
        Text(
            f"Provisions that changed ({len(changed)} of {len(history.provisions)}):", style="bold"
        )
    )
    for p in changed:
        out(f"  {p.story(short)}")
    moved = [c for c in history.clauses if c.changed]
    out(Text(f"Clauses that changed ({len(moved)} of {len(history.clauses)}):", style="bold"))
    for c in moved:
        out(f"  {c.label}: {c.story(short)}")
    return buffer.getvalue()
