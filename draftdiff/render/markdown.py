"""Provides the Markdown report: a pull-request comment (GitHub-flavoured).

    header      both files, schema, fallbacks, reader notes and warnings (too few
                parties found, duties of a subject that is no party)
    ledger      a row per party (own duties), the joint row and one per non-party,
                old → new with differences, and one-sidedness from own duties
    changes     the substantive changes as a table, most severe first, with evidence
    redlines    one folded <details> per changed clause: <del>/<ins> inside

GitHub refuses a comment over 65,536 characters, so when the whole report would
not fit, redlines are left out from the end (then change rows), and a note says
how many and where the full report is. Document text is escaped for both HTML
and Markdown, so a clause can neither inject markup nor turn into a link,
a table cell break or an @mention.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from itertools import groupby

from draftdiff import __version__
from draftdiff.diff.result import NON_SUBSTANTIVE, Comparison, Op, Status
from draftdiff.model import Document
from draftdiff.render import summary
from draftdiff.render.labels import (
    change_codes,
    clause_label,
    pair_label,
    shows_redline,
    summary_after_label,
)
from draftdiff.render.redline import ChangeIndex, Paragraph, Piece, inline, pieces

GITHUB_COMMENT_LIMIT = 65_536
"""Characters GitHub accepts in an issue or pull-request comment."""

# Markdown punctuation that can start emphasis, code, links, tables or strikethrough
# anywhere in a line; escaped with a backslash (CommonMark allows it before any
# ASCII punctuation).
_INLINE = re.compile(r"([\\`*_\[\]|~!])")
# Constructs that only count at the start of a line: headings, lists, rules
# ("#", "-", "+", "=", and "1." or "1)"); ">" is already &gt;.
_LINE_START = re.compile(r"^(\s*)([#+=-])")
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")
# "@name" after a space or at the start would notify a GitHub user; a word joiner
# (invisible) after the "@" stops that.
_MENTION = re.compile(r"(^|[^\w])@(?=\w)")


def render_markdown(comparison: Comparison, *, limit: int = GITHUB_COMMENT_LIMIT) -> str:
    """The report as Markdown of at most `limit` characters."""
    head = _head(comparison)
    rows = _change_rows(comparison)
    table_head = ["| Severity | Change | Party | Clause | What changed |", "|---|---|---|---|---|"]
    tail = _tail(comparison)
    redlines = _redlines(comparison)
    footer = f"<sub>{html.escape(f'draftdiff {__version__}')}</sub>\n"

    def assemble(n_rows: int, n_redlines: int) -> str:
        parts = [head]
        if rows:
            kept = rows[:n_rows]
            parts.append("\n".join([*table_head, *kept]) + "\n")
            if n_rows < len(rows):
                parts.append(_note(f"{len(rows) - n_rows} of {len(rows)} changes", comparison))
        parts.append(tail)
        if redlines:
            parts.append(f"### Redline ({len(redlines)} changed clauses)\n")
            parts.extend(redlines[:n_redlines])
            if n_redlines < len(redlines):
                parts.append(
                    _note(f"{len(redlines) - n_redlines} of {len(redlines)} redlines", comparison)
                )
        parts.append(footer)
        return "\n".join(parts)

    text = assemble(len(rows), len(redlines))
    if len(text) <= limit:
        return text
    # Too long: keep every change row if possible and as many redlines as fit.
    n = _most(len(redlines), lambda k: len(assemble(len(rows), k)) <= limit)
    if n is not None:
        return assemble(len(rows), n)
    n = _most(len(rows), lambda k: len(assemble(k, 0)) <= limit)
    return assemble(n or 0, 0)


def _most(upper: int, fits: Callable[[int], bool]) -> int | None:
    """The largest k in 0..upper with fits(k), by bisection (fits is monotone)."""
    if not fits(0):
        return None
    lo, hi = 0, upper
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _note(what: str, comparison: Comparison) -> str:
    return (
        f"> **Truncated:** {what} left out to fit GitHub's comment size limit. "
        f"The full report: `draftdiff report {_code(comparison.old.path)} "
        f"{_code(comparison.new.path)} -o report.html`.\n"
    )


def _code(text: str) -> str:
    # Inside a code span only a backtick is special; drop any to keep the span whole.
    return text.replace("`", "'")


# --- sections ----------------------------------------------------------------------


def _head(comparison: Comparison) -> str:
    title = comparison.new.title or comparison.old.title or "Change report"
    lines = [f"## draftdiff: {escape(title)}", ""]
    lines.append(f"`{_code(comparison.old.path)}` → `{_code(comparison.new.path)}`  ")
    lines.append(f"{_side('Old', comparison.old)}  ")
    lines.append(_side("New", comparison.new))
    lines.append("")
    for doc in (comparison.old, comparison.new):
        if doc.fallback:
            lines.append(
                f"> ⚠ `{_code(doc.path)}` compared paragraph by paragraph: {escape(doc.fallback)}"
            )
            lines.append("")
        for note in doc.notes:
            lines.append(f"> ⚠ `{_code(doc.path)}`: {escape(note)}")
            lines.append("")
    for warning in comparison.warnings:
        lines.append(f"> ⚠ **Warning** ({warning.code}): {escape(warning.message)}")
        lines.append("")
    lines.extend(_ledger(comparison))
    counts = ", ".join(
        f"{summary.SEVERITY_SYMBOL[s]} {n} {s.value}"
        for s, n in summary.severity_counts(comparison.substantive)
        if n
    )
    lines.append(
        f"### Changes: {len(comparison.substantive)} substantive"
        + (f" ({counts})" if counts else "")
    )
    lines.append("")
    if not comparison.substantive:
        lines.append("No substantive change.")
        lines.append("")
    return "\n".join(lines)


def _side(label: str, doc: Document) -> str:
    parties = (
        ", ".join(
            escape(p.name) + (f" ({escape(p.found)})" if p.found else "") for p in doc.parties
        )
        or "none found"
    )
    return (
        f"**{label}:** {escape(doc.title or '(untitled)')} · {escape(doc.format)}, "
        f"schema `{_code(doc.schema)}`, {doc.clause_count} clauses · parties: {parties}"
    )


def _ledger(comparison: Comparison) -> list[str]:
    rows = summary.ledger_rows(comparison)
    lines = ["### Who owes what (old → new)", ""]
    if not rows:
        return [*lines, "No obligations, prohibitions, permissions or guarantees found.", ""]
    lines.append(
        "| Bearer | bears as | obligations | prohibitions | permissions | guarantees | duties |"
    )
    lines.append("|---|---|---|---|---|---|---|")
    for row in rows:
        cells = [
            f"{c.old} → {c.new}"
            + (f" (**{c.delta_text}**)" if c.delta_text else "")
            + (f"<br>{c.detail}" if c.detail else "")
            for c in row.cells
        ]
        group = summary.LEDGER_GROUPS[row.group]
        lines.append(f"| {cell(row.party)} | {group} | " + " | ".join(cells) + " |")
    old, new = summary.burden(comparison.ledger_old), summary.burden(comparison.ledger_new)
    lines.append("")
    lines.append(
        f"One-sidedness (own duties only): **{old.percent} → {new.percent}** "
        f"(old: {escape(old.text)}; new: {escape(new.text)})"
    )
    lines.append("")
    return lines


def _change_rows(comparison: Comparison) -> list[str]:
    rows = []
    for change in summary.by_severity(comparison.substantive):
        clause = clause_label(change.old_clause, change.new_clause)
        what = cell(summary_after_label(change))
        if change.reason:
            what += f" (why {change.severity.value}: {cell(change.reason)})"
        evidence = [f"“{cell(e.text)}”" for e in change.evidence if e.text]
        if evidence:
            what += " — " + ", ".join(evidence)
        rows.append(
            f"| {summary.SEVERITY_SYMBOL[change.severity]} {change.severity.value} "
            f"| `{_code(change_codes(change))}` | {cell(change.party or '')} | {cell(clause)} "
            f"| {what} |"
        )
    return rows


def _tail(comparison: Comparison) -> str:
    counts = comparison.change_counts()
    minor = [f"{counts[t]} {t}" for t in sorted(NON_SUBSTANTIVE) if counts.get(t)]
    statuses = comparison.status_counts()
    clauses = ", ".join(f"{statuses[s.value]} {s.value}" for s in Status if statuses.get(s.value))
    lines = [f"Clauses: {clauses or 'none'}."]
    if minor:
        lines[0] += " Not substantive: " + ", ".join(minor) + "."
    return "\n".join(lines) + "\n"


def _redlines(comparison: Comparison) -> list[str]:
    index = ChangeIndex(comparison)
    blocks = []
    for pair in comparison.pairs:
        if not shows_redline(pair):
            continue  # the clause list above counts these; the words are the same
        label = pair_label(pair)
        kinds = [comparison.changes[i].type for i in index.changes_of(pair)]
        status = pair.status.value + (" (cosmetic)" if pair.cosmetic else "")
        summary_line = f"<b>{html.escape(label)}</b> {summary.STATUS_SYMBOL[pair.status]} {status}"
        if kinds:
            summary_line += " · " + html.escape(", ".join(dict.fromkeys(kinds)))
        body = "\n\n".join(_paragraph(p) for p in inline(pieces(index, pair)))
        blocks.append(f"<details>\n<summary>{summary_line}</summary>\n\n{body}\n\n</details>\n")
    return blocks


def _paragraph(paragraph: Paragraph) -> str:
    # Only the first run can start a line (newlines become <br>), and only when it
    # is not wrapped in <del>/<ins>: then "1. " or "- " would start a list.
    runs = [list(group) for _, group in groupby(paragraph.pieces, key=lambda p: p.op)]
    text = "".join(_run(run, line_start=i == 0) for i, run in enumerate(runs))
    if paragraph.break_op is Op.DELETE:
        text += " <del>¶</del>"
    elif paragraph.break_op is Op.INSERT:
        text += " <ins>¶</ins>"
    return text or "&nbsp;"


def _run(run: list[Piece], *, line_start: bool) -> str:
    """Pieces of one operation in one <del>/<ins>; evidence words in bold."""
    op = run[0].op
    parts = []
    for i, (marked, group) in enumerate(groupby(run, key=lambda p: bool(p.marks))):
        plain = line_start and i == 0 and op is Op.EQUAL and not marked
        text = escape("".join(p.text for p in group), line_start=plain)
        parts.append(f"<b>{text}</b>" if marked else text)
    text = "".join(parts)
    if op is Op.DELETE:
        return f"<del>{text}</del>"
    if op is Op.INSERT:
        return f"<ins>{text}</ins>"
    return text


def escape(text: str, *, line_start: bool = True) -> str:
    """Document text as inert Markdown: HTML-escaped, Markdown punctuation
    backslash-escaped, newlines as <br>, @mentions defused. Whitespace is kept."""
    out = html.escape(text, quote=False)
    out = _INLINE.sub(r"\\\1", out)
    out = _MENTION.sub("\\1@\u2060", out)
    out = out.replace("\r\n", "\n").replace("\n", "<br>")
    if line_start:
        out = _LINE_START.sub(r"\1\\\2", out)
        out = _LIST_NUMBER.sub(r"\1\\\2", out)
    return out


def cell(text: str) -> str:
    """Document text for a table cell: `escape` without line-start escapes (a cell
    holds inline content only)."""
    return escape(text, line_start=False)
