"""Provides the styled text the browser shows: outline labels, redlines, changes with
their evidence, and the ledger cells.

Everything here is a `rich.text.Text` built from plain strings, never markup: clause
text such as "[insert date]" or "[/note]" must show verbatim (Textual would read a
markup string as styles, or fail on it). Rich only, no Textual, so tests can check
the exact spans.

Redline convention, as in the text report: deletions red and struck through,
insertions blue and underlined. Evidence (the words a finding rests on) is shown in
reverse video, search hits on amber.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from draftdiff.diff.result import (
    PART_SEPARATOR,
    PROVISION_CHANGE_TYPES,
    Change,
    ClausePair,
    Comparison,
    Evidence,
    Op,
    Severity,
    Side,
    Status,
)
from draftdiff.render.summary import Cell
from draftdiff.tui.model import Row, find_all, is_semantic

DELETED = Style(color="#f0616d", strike=True)
INSERTED = Style(color="#5aa9ff", underline=True)
EVIDENCE = Style(reverse=True, bold=True)
SEARCH_HIT = Style(color="#1b1b1b", bgcolor="#e0b13a")
DIM = Style(dim=True)

SEVERITY_STYLE = {
    Severity.HIGH: Style(color="#ff5f5f", bold=True),
    Severity.MEDIUM: Style(color="#ffaf00"),
    Severity.LOW: Style(color="#87afd7"),
    Severity.INFO: Style(dim=True),
}

STATUS_MARK = {
    Status.UNCHANGED: " ",
    Status.MODIFIED: "~",
    Status.ADDED: "+",
    Status.REMOVED: "−",
    Status.MOVED: "→",
    Status.RENUMBERED: "#",
    Status.SPLIT: "÷",
    Status.MERGED: "∪",
}
STATUS_STYLE = {
    Status.UNCHANGED: Style(dim=True),
    Status.MODIFIED: Style(color="#e5c07b", bold=True),
    Status.ADDED: Style(color="#5fd75f", bold=True),
    Status.REMOVED: Style(color="#f0616d", bold=True),
    Status.MOVED: Style(color="#c678dd", bold=True),
    Status.RENUMBERED: Style(color="#56b6c2"),
    Status.SPLIT: Style(color="#56b6c2", bold=True),
    Status.MERGED: Style(color="#56b6c2", bold=True),
}

_BADGE_NOUN = {
    "obligation": "duty",
    "prohibition": "ban",
    "permission": "may",
    "guarantee": "guar",
    "condition": "cond",
}
_BADGE_WHOLE = {
    "value.changed": "value",
    "term.redefined": "term",
    "reference.changed": "ref",
    "scope.changed": "scope",
}
_BADGE_VERB = {"added": "+{}", "removed": "−{}", "strengthened": "{}↑", "weakened": "{}↓"}
_BADGE_VERB["reassigned"] = "{}⇄"

TITLE_CHARS = 60
"""How much of a clause's heading or text an outline row shows."""
MAX_BADGES = 3


def badge(change_type: str, *, weak: bool = False) -> str:
    """The short outline badge of a semantic change: "duty↓", "−guar", "+cond", "value".
    `weak`: an obligation added or removed that is only a weak commitment ("will
    consider"), which is no duty: "+weak", "−weak"."""
    if change_type in _BADGE_WHOLE:
        return _BADGE_WHOLE[change_type]
    family, _, verb = change_type.partition(".")
    noun = "weak" if weak and family == "obligation" else _BADGE_NOUN.get(family, family)
    return _BADGE_VERB.get(verb, "{}" + (f".{verb}" if verb else "")).format(noun)


SEMANTIC_CODES = PROVISION_CHANGE_TYPES
"""The semantic part of the change vocabulary (DESIGN.md), for the help screen's legend."""


def badge_legend() -> list[tuple[str, str]]:
    """(badge, meaning) for every semantic change code, and the weak-commitment badges
    right after the obligation ones."""
    legend = [(badge(code), code.replace(".", " ")) for code in SEMANTIC_CODES]
    after = max(i for i, code in enumerate(SEMANTIC_CODES) if code.startswith("obligation."))
    legend[after + 1 : after + 1] = [
        (badge("obligation.added", weak=True), "weak commitment added"),
        (badge("obligation.removed", weak=True), "weak commitment removed"),
    ]
    return legend


def outline_label(row: Row, *, context: bool = False) -> Text:
    """One outline line: status mark, number, semantic badges, then the title.
    `context` rows (shown only because a match sits under them) are dimmed."""
    label = Text(no_wrap=True, overflow="ellipsis", end="")
    label.append(STATUS_MARK[row.status] + " ", STATUS_STYLE[row.status])
    label.append(row.number, Style(bold=row.changed))
    # One badge per distinct badge text, coloured by the most severe change showing it
    # (changes come most severe first).
    badges: dict[str, Severity] = {}
    for change in row.semantic:
        badges.setdefault(badge(change.type, weak=change in row.weak), change.severity)
    seen = list(badges)
    for text in seen[:MAX_BADGES]:
        label.append(" ")
        label.append(text, SEVERITY_STYLE[badges[text]] + Style(bold=True))
    if len(seen) > MAX_BADGES:
        label.append(f" +{len(seen) - MAX_BADGES}", DIM)
    title = " ".join(row.title.split())
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    title_style = Style(strike=True) if row.status is Status.REMOVED else Style()
    if not row.changed:
        title_style += DIM
    label.append("  ")
    label.append(title, title_style)
    if context:
        label.stylize(DIM)
    return label


def clause_heading(row: Row, comparison: Comparison) -> Text:
    """The line above a redline: ids, status, similarity and the clause heading."""
    pair = row.pair
    heading = Text()
    heading.append(row.ids or "—", Style(bold=True))
    status = pair.status.value + (" (cosmetic)" if pair.cosmetic else "")
    heading.append(f"  {status}", STATUS_STYLE[pair.status])
    if pair.old and pair.new and pair.status is not Status.UNCHANGED:
        heading.append(f" · {pair.similarity:.0%} of words kept", DIM)
    if row.clause.heading and row.clause.heading != row.clause.text:
        heading.append(f"\n{row.clause.heading}", Style(italic=True))
    return heading


@dataclass(frozen=True)
class _Run:
    """One run of a redline: where it is in the output and in each side's joined text."""

    op: Op
    out: int
    old: int
    new: int
    length: int


def _runs(pair: ClausePair) -> list[_Run]:
    runs = []
    out = old = new = 0
    for edit in pair.edits:
        runs.append(_Run(edit.op, out, old, new, len(edit.text)))
        out += len(edit.text)
        if edit.op is not Op.INSERT:
            old += len(edit.text)
        if edit.op is not Op.DELETE:
            new += len(edit.text)
    return runs


def _part_offsets(pair: ClausePair, comparison: Comparison, side: Side) -> dict[str, int]:
    """Where each clause of one side starts in the side's joined text (split/merge)."""
    offsets, at = {}, 0
    for clause_id in pair.old if side == "old" else pair.new:
        offsets[clause_id] = at
        at += len(comparison.clause(side, clause_id).text) + len(PART_SEPARATOR)
    return offsets


def evidence_spans(
    pair: ClausePair, comparison: Comparison, evidence: Iterable[Evidence]
) -> list[tuple[Side, int, int]]:
    """Evidence inside this pair's clauses as (side, start, end) in the side's joined text;
    evidence pointing at other clauses (a redefined term's users) is left out."""
    spans: list[tuple[Side, int, int]] = []
    bases = {"old": _part_offsets(pair, comparison, "old")}
    bases["new"] = _part_offsets(pair, comparison, "new")
    for item in evidence:
        base = bases[item.side].get(item.clause)
        if base is not None:
            spans.append((item.side, base + item.start, base + item.end))
    return spans


def _display(text: str) -> str:
    # The parts of a split or merge are joined with U+2029; show each on its own line.
    return text.replace(PART_SEPARATOR, "\n")


def inline_redline(
    pair: ClausePair,
    comparison: Comparison,
    *,
    evidence: Iterable[Evidence] = (),
    query: str = "",
) -> Text:
    """Both versions in one text: deletions and insertions marked, evidence highlighted."""
    text = Text()
    runs = _runs(pair)
    for edit in pair.edits:
        style = {Op.DELETE: DELETED, Op.INSERT: INSERTED}.get(edit.op, Style())
        text.append(_display(edit.text), style)
    for side, start, end in evidence_spans(pair, comparison, evidence):
        for run in runs:
            if run.op is (Op.INSERT if side == "old" else Op.DELETE):
                continue
            base = run.old if side == "old" else run.new
            lo, hi = max(start, base), min(end, base + run.length)
            if lo < hi:
                text.stylize(EVIDENCE, run.out + lo - base, run.out + hi - base)
    _highlight(text, query)
    return text


def side_texts(
    pair: ClausePair,
    comparison: Comparison,
    *,
    evidence: Iterable[Evidence] = (),
    query: str = "",
) -> tuple[Text, Text]:
    """The old and the new version side by side: each side's own words, its edits marked."""
    old, new = Text(), Text()
    for edit in pair.edits:
        if edit.op is not Op.INSERT:
            old.append(_display(edit.text), DELETED if edit.op is Op.DELETE else Style())
        if edit.op is not Op.DELETE:
            new.append(_display(edit.text), INSERTED if edit.op is Op.INSERT else Style())
    for side, start, end in evidence_spans(pair, comparison, evidence):
        (old if side == "old" else new).stylize(EVIDENCE, start, end)
    _highlight(old, query)
    _highlight(new, query)
    return old, new


def _highlight(text: Text, query: str) -> None:
    for start, end in find_all(text.plain, query):
        text.stylize(SEARCH_HIT, start, end)


SNIPPET_CONTEXT = 48
"""Characters of clause text shown on each side of a piece of evidence."""


def evidence_snippet(evidence: Evidence, comparison: Comparison) -> Text:
    """The evidence in its sentence: "…Velmora shall use reasonable efforts to adopt…"."""
    document = comparison.side(evidence.side)
    snippet = Text()
    snippet.append(f"{evidence.side} {evidence.clause}: ", DIM)
    if evidence.clause not in document:
        return snippet.append(evidence.text, EVIDENCE)
    source = document.clause(evidence.clause).text
    start = max(0, evidence.start - SNIPPET_CONTEXT)
    end = min(len(source), evidence.end + SNIPPET_CONTEXT)
    snippet.append("…" if start > 0 else "")
    snippet.append(source[start : evidence.start])
    snippet.append(source[evidence.start : evidence.end], EVIDENCE)
    snippet.append(source[evidence.end : end])
    snippet.append("…" if end < len(source) else "")
    if evidence.rule:
        snippet.append(f"  ({evidence.rule})", DIM)
    return snippet


def change_text(change: Change, comparison: Comparison) -> Text:
    """One change for the list under a redline: severity, code, party, summary, why it
    has its severity, evidence."""
    text = Text()
    text.append(f"{change.severity.value.upper():<6} ", SEVERITY_STYLE[change.severity])
    text.append(" + ".join(change.codes), Style(bold=True))  # type, then facets
    if change.party:
        text.append(f"  {change.party}", Style(color="#56b6c2"))
    text.append(f"\n  {change.summary}")
    if change.reason:
        text.append(f"\n  why {change.severity.value}: {change.reason}", Style(italic=True))
    for item in change.evidence:
        text.append("\n    ")
        text.append_text(evidence_snippet(item, comparison))
    return text


def changes_text(changes: Sequence[Change], comparison: Comparison) -> Text:
    """Every change of a pair, semantic ones first (they carry the evidence)."""
    if not changes:
        return Text("No changes in this clause.", DIM)
    ordered = sorted(changes, key=lambda c: not is_semantic(c))
    return Text("\n").join(change_text(c, comparison) for c in ordered)


def ledger_cell(cell: Cell) -> Text:
    """ "3 → 5 (+2)": before, after and the change, the change in bold."""
    text = Text(f"{cell.old} → {cell.new}")
    if cell.delta:
        text.append(f" ({cell.delta_text})", Style(bold=True))
    return text
