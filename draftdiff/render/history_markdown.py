"""Provides the Markdown history: versions and one-sidedness, the ledger trend table,
each draft's step, the flip-flops, a provisions × drafts table, then each changed
clause's lineage with the redline of every step (folded)."""

from __future__ import annotations

from itertools import groupby

from draftdiff.diff.result import Op
from draftdiff.history import History
from draftdiff.history.trend import balances
from draftdiff.render.history_view import (
    TREND_KINDS,
    flip_flops,
    gave_and_took,
    names,
    state_cell,
    step_summary,
)
from draftdiff.render.markdown import cell, escape
from draftdiff.render.redline import ChangeIndex, Paragraph, inline, pieces


def render_history_markdown(history: History) -> str:
    short = names(history)
    title = history.versions[-1].document.title or "the agreement"
    out = [f"# Negotiation history: {cell(title)}", ""]
    out += ["| | Version | Clauses | One-sidedness |", "|---|---|---|---|"]
    for v, b in zip(history.versions, balances([v.ledger for v in history.versions]), strict=True):
        lean = (
            f"{cell(b.heaviest or '')} bears {round(100 * b.one_sidedness)}% of duties"
            if b.one_sidedness is not None
            else "no duties"
        )
        out.append(f"| {v.short} | {cell(v.label)} | {v.document.clause_count} | {lean} |")
    out += ["", "## Ledger trend", "", "| Party | Kind | " + " | ".join(short) + " |"]
    out.append("|---|---|" + "---|" * len(short))
    for trend in history.trends:
        for kind in TREND_KINDS:
            values = " | ".join(str(v) for v in trend.series(kind))
            out.append(f"| {cell(trend.party)} | {kind} | {values} |")
    out += ["", "## Draft by draft", ""]
    for k, comparison in enumerate(history.comparisons):
        ledger_moves = gave_and_took(history, k)
        line = f"- **{short[k]} → {short[k + 1]}**: {step_summary(comparison)}"
        out.append(line + (f". Ledger: {cell(ledger_moves)}" if ledger_moves else ""))
    clauses, provisions = flip_flops(history)
    if clauses or provisions:
        out += ["", "## Flip-flops", ""]
        out += [f"- {cell(p.story(short))}" for p in provisions]
        out += [f"- clause {cell(c.label)}: {cell(c.story(short))}" for c in clauses]
    changed = [p for p in history.provisions if p.changed]
    out += ["", f"## Provisions × drafts ({len(changed)} of {len(history.provisions)} changed)", ""]
    out.append("| Provision | " + " | ".join(short) + " |")
    out.append("|---|" + "---|" * len(short))
    for p in changed:
        cells = []
        for version in range(len(short)):
            text, kind = state_cell(p, version)
            cells.append(cell(text) + (f" *{kind}*" if kind and kind != "absent" else ""))
        out.append(f"| {cell(p.description)} | " + " | ".join(cells) + " |")
    moved = [c for c in history.clauses if c.changed]
    out += ["", f"## Clause lineages ({len(moved)} of {len(history.clauses)} changed)", ""]
    indexes = [ChangeIndex(c) for c in history.comparisons]
    for lineage in moved:
        out.append(
            f"<details>\n<summary><b>{cell(lineage.label)}</b>: "
            f"{cell(lineage.story(short))}</summary>\n"
        )
        for step in lineage.steps[1:]:
            if not step.changed:
                continue
            comparison = history.comparisons[step.version - 1]
            out.append(f"**{short[step.version]}** ({step.status})\n")
            for n in step.pairs:
                pair = comparison.pairs[n]
                paragraphs = inline(pieces(indexes[step.version - 1], pair))
                out.append("\n\n".join(_paragraph(p) for p in paragraphs) + "\n")
        out.append("</details>\n")
    return "\n".join(out) + "\n"


def _paragraph(paragraph: Paragraph) -> str:
    parts = []
    for i, (op, group) in enumerate(groupby(paragraph.pieces, key=lambda p: p.op)):
        text = escape("".join(p.text for p in group), line_start=i == 0 and op is Op.EQUAL)
        parts.append(
            f"<del>{text}</del>"
            if op is Op.DELETE
            else f"<ins>{text}</ins>"
            if op is Op.INSERT
            else text
        )
    return "".join(parts) or "&nbsp;"
