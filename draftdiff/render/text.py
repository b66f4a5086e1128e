"""Provides the text report: a summary, then a redline of every changed clause.

On a terminal deletions are red and struck through, insertions blue and
underlined (the legal redline convention); elsewhere the same edits are marked
`[-deleted-]` and `{+inserted+}` (wdiff's notation), so nothing depends on colour.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.text import Text

from draftdiff.diff.result import (
    LEDGER_KINDS,
    ClausePair,
    Comparison,
    Ledger,
    Op,
    PartyLedger,
    Status,
)
from draftdiff.model import Document
from draftdiff.render.labels import change_codes, pair_heading, pair_label, shows_redline

_STATUS_ORDER = [s.value for s in Status]
_DELETED = "red strike"
_INSERTED = "blue underline"
_MOVED = "green"


def render_text(comparison: Comparison, *, color: bool = False, width: int = 100) -> str:
    """The report as text; `color` uses ANSI styles (for a terminal)."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=not color,
    )
    for part in _report(comparison, color=color):
        console.print(part)
    return buffer.getvalue()


def _report(comp: Comparison, *, color: bool) -> list[Text]:
    out = [
        Text(f"draftdiff: {comp.old.path} → {comp.new.path}", style="bold"),
        _side_line("old", comp.old),
        _side_line("new", comp.new),
    ]
    for doc in (comp.old, comp.new):
        if doc.fallback:
            out.append(Text(f"  note: {doc.path}: {doc.fallback}", style="yellow"))
        out.extend(Text(f"  note: {doc.path}: {note}", style="yellow") for note in doc.notes)
    # Who bears the duties comes first: the "one side provides everything" signal.
    out.extend(_ledger_lines(comp))
    parties = comp.new.parties or comp.old.parties
    if not parties:
        out.append(Text("Parties: none found", style="yellow"))
    else:
        names = "; ".join(
            p.name
            + (f" ({', '.join(p.aliases[:2])})" if p.aliases else "")
            + (f" [{p.found}]" if p.found else "")
            for p in parties
        )
        out.append(Text(f"Parties: {names}"))
    counts = comp.status_counts()
    summary = ", ".join(f"{counts[s]} {s}" for s in _STATUS_ORDER if counts.get(s))
    out.append(Text(f"Clauses: {summary or 'none'}"))
    substantive = comp.substantive
    out.append(
        Text(
            f"Changes: {len(substantive)} substantive, "
            f"{len(comp.changes) - len(substantive)} renumbering, cosmetic or heading",
            style="bold",
        )
    )
    for change in substantive:
        party = f"[{change.party}] " if change.party else ""
        out.append(
            Text(
                f"  {change.severity.value.upper():<6} {change_codes(change):<24} "
                f"{party}{change.summary}"
            )
        )
        if change.reason:
            out.append(Text(f"{'':9}why: {change.reason}", style="dim"))
    redlines = [p for p in comp.pairs if shows_redline(p)]
    if redlines:
        out.append(Text(""))
        out.append(Text("Redline", style="bold"))
    for pair in redlines:
        out.append(Text(""))
        out.append(_pair_heading(pair, comp))
        out.append(_redline(pair, color=color))
    return out


def _side_line(label: str, doc: Document) -> Text:
    return Text(
        f"  {label}: {doc.title} ({doc.clause_count} clauses, {doc.format}, schema {doc.schema})"
    )


def _ledger_lines(comp: Comparison) -> list[Text]:
    lines = [Text(f"warning: {w.message}", style="bold yellow") for w in comp.warnings]
    parties = comp.ledger_parties()
    others = [e.party for e in comp.ledger_new.others]
    others.extend(e.party for e in comp.ledger_old.others if e.party not in others)
    joint = (comp.ledger_old.joint, comp.ledger_new.joint)
    has_joint = any(any(e.counts().values()) for e in joint)
    if not (parties or others or has_joint):
        return lines
    lines.append(
        Text(
            f"One-sidedness (own duties): {_share(comp.ledger_old)} → {_share(comp.ledger_new)}",
            style="bold",
        )
    )
    lines.append(Text("Ledger (clauses per kind of provision, old → new):", style="bold"))
    rows = [(comp.ledger_old.get(p), comp.ledger_new.get(p), "") for p in parties]
    if has_joint:
        rows.append((*joint, ", binding every party alike"))
    rows.extend(
        (comp.ledger_old.other(n), comp.ledger_new.other(n), " (not a party)") for n in others
    )
    for before, after, group in rows:
        cells = []
        for kind in LEDGER_KINDS:
            a, b = len(getattr(before, kind)), len(getattr(after, kind))
            sign = f" ({b - a:+d})" if b != a else ""
            cells.append(f"{kind}s {a} → {b}{sign}")
        lines.append(Text(f"  {after.party}{group}: " + ", ".join(cells)))
        detail = _detail(after)
        if detail:
            lines.append(Text(f"    now: {detail}"))
    return lines


def _detail(entry: PartyLedger) -> str:
    """Which duties are soft and which permissions are rights, in the new version."""
    firm = [c for c in entry.obligation if c not in entry.qualified and c not in entry.weak]
    parts = []
    if entry.obligation:
        parts.append("obligations " + ", ".join(firm) if firm else "no firm obligation")
    if entry.qualified:
        parts.append("efforts only " + ", ".join(entry.qualified))
    if entry.weak:
        parts.append("weak " + ", ".join(entry.weak))
    if entry.prohibition:
        parts.append("prohibitions " + ", ".join(entry.prohibition))
    if entry.permission:
        parts.append("permissions and rights " + ", ".join(entry.permission))
    if entry.guarantee:
        parts.append("guarantees " + ", ".join(entry.guarantee))
    return "; ".join(parts)


def _share(ledger: Ledger) -> str:
    value, heaviest = ledger.one_sidedness(), ledger.heaviest()
    if value is None or heaviest is None:
        return ledger.balance_note()
    others = ", ".join(f"{e.party} {e.duties}" for e in ledger if e is not heaviest)
    return f"{heaviest.party} bears {value:.0%} of duties ({heaviest.party} {heaviest.duties}" + (
        f", {others})" if others else ")"
    )


def _pair_heading(pair: ClausePair, comp: Comparison) -> Text:
    heading = pair_heading(comp, pair)
    heading = f" {heading}" if heading else ""
    label = pair_label(pair)
    status = pair.status.value + (" (cosmetic)" if pair.cosmetic else "")
    style = _MOVED if pair.status is Status.MOVED else "bold"
    return Text(f"── {label}{heading} [{status}]", style=style)


def _redline(pair: ClausePair, *, color: bool) -> Text:
    text = Text("  ")
    for edit in pair.edits:
        chunk = edit.text.replace("\u2029", "\n  ")
        if edit.op is Op.EQUAL:
            text.append(chunk)
        elif color:
            text.append(chunk, style=_DELETED if edit.op is Op.DELETE else _INSERTED)
        elif edit.op is Op.DELETE:
            text.append(f"[-{chunk}-]")
        else:
            text.append(f"{{+{chunk}+}}")
    return text
