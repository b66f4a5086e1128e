"""Provides the self-contained HTML change report (`draftdiff report`, `diff --format html`).

One file, readable from file:// with no network: the CSS and JavaScript under
templates/ are inlined, fonts are the reader's own, and a Content-Security-Policy
allows only those two inline blocks (by hash), so nothing else can load or run
even if a bug let markup through. Document text reaches the page only through
Jinja2's autoescaping; nothing here marks document content safe.

The page, in order: header (both versions, schema, fallbacks, reader notes),
summary (ledger before/after with deltas, one-sidedness, counts), the changes
most severe first with their evidence, then the redline of every clause, inline
with a side-by-side toggle (pure CSS, so it works without JavaScript too).
JavaScript only filters (party, change type, severity) and adds n/p keys.

The view objects below only rearrange what the Comparison holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from draftdiff import __version__
from draftdiff.diff.result import (
    LEDGER_KINDS,
    NON_SUBSTANTIVE,
    Change,
    ClausePair,
    Comparison,
    Evidence,
    Side,
    Status,
)
from draftdiff.model import Document
from draftdiff.render import summary
from draftdiff.render.anchors import anchor, encode
from draftdiff.render.labels import (
    change_codes,
    clause_label,
    first_clause,
    pair_heading,
    pair_label,
    summary_after_label,
)
from draftdiff.render.page import asset, csp, template
from draftdiff.render.redline import ChangeIndex, Mark, Paragraph, inline, one_side, pieces

CONTEXT_CHARS = 70
"""Characters of clause text shown on each side of an evidence span in the change list."""


@dataclass(frozen=True)
class SideView:
    label: str
    doc: Document


@dataclass(frozen=True)
class EvidenceView:
    evidence: Evidence
    href: str
    before: str
    after: str
    """Clause text around the cue words (trimmed to CONTEXT_CHARS, with "…")."""


@dataclass(frozen=True)
class ChangeView:
    index: int
    change: Change
    href: str
    clause_label: str
    targets: str
    """Space-separated ids of the redline sections the change concerns (for filters)."""
    party_key: str
    evidence: tuple[EvidenceView, ...]

    @property
    def symbol(self) -> str:
        return summary.SEVERITY_SYMBOL[self.change.severity]

    @property
    def codes(self) -> str:
        """ "obligation.added + clause.added": the type and the facets of the same fact."""
        return change_codes(self.change)

    @property
    def summary_text(self) -> str:
        """The summary without the clause number the link beside it already shows."""
        return summary_after_label(self.change) if self.href else self.change.summary


@dataclass(frozen=True)
class PairView:
    id: str
    """The section's HTML id: the first new clause's anchor, else the first old one's."""
    extra_ids: tuple[str, ...]
    """Anchors of the pair's other clauses (old numbers, split parts)."""
    pair: ClausePair
    label: str
    heading: str
    heading_only: bool
    """The clause is a heading line ("Article 6 — Reinvestment"), not a provision."""
    changes: tuple[ChangeView, ...]
    inline: tuple[Paragraph, ...]
    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]

    @property
    def status(self) -> str:
        return self.pair.status.value

    @property
    def symbol(self) -> str:
        return summary.STATUS_SYMBOL[self.pair.status]

    @property
    def side_by_side(self) -> bool:
        """Unchanged clauses read the same on both sides: they are shown once."""
        return self.pair.changed


def render_html(comparison: Comparison) -> str:
    """The report as one HTML document."""
    return template("report.html.j2").render(**_context(comparison))


# --- view objects -------------------------------------------------------------------


def _context(comparison: Comparison) -> dict[str, object]:
    index = ChangeIndex(comparison)
    section_of = _sections(comparison)
    # Views are numbered in the Comparison's order (as ChangeIndex and evidence marks
    # number changes); the change list shows them most severe first.
    views = [_change_view(comparison, i, c, section_of) for i, c in enumerate(comparison.changes)]
    pairs = [_pair_view(comparison, index, p, views) for p in comparison.pairs]
    types = sorted({code for c in comparison.changes for code in c.codes})
    css, js = asset("report.css"), asset("report.js")
    statuses = comparison.status_counts()
    return {
        "generator": f"draftdiff {__version__}",
        "title": comparison.new.title or comparison.old.title or "Change report",
        "sides": (SideView("Old version", comparison.old), SideView("New version", comparison.new)),
        "ledger": summary.ledger_rows(comparison),
        "ledger_groups": summary.LEDGER_GROUPS,
        "warnings": comparison.warnings,
        "ledger_kinds": (*LEDGER_KINDS, "duties"),  # the cells summary.ledger_rows builds
        "burden_old": summary.burden(comparison.ledger_old),
        "burden_new": summary.burden(comparison.ledger_new),
        "type_counts": summary.type_counts(comparison.changes),
        "severity_counts": summary.severity_counts(comparison.changes),
        "severities": summary.SEVERITIES,
        "severity_symbol": summary.SEVERITY_SYMBOL,
        "status_counts": [
            (s.value, summary.STATUS_SYMBOL[s], statuses.get(s.value, 0)) for s in Status
        ],
        "substantive": len(comparison.substantive),
        "changes": [views[i] for i in summary.severity_order(comparison.changes)],
        "pairs": pairs,
        "parties": [(encode(p), p) for p in comparison.parties()],
        "types": types,
        "non_substantive": " ".join(sorted(NON_SUBSTANTIVE)),
        "describe": _describe(comparison),
        "css": Markup(css),
        "js": Markup(js),
        "csp": csp(css, js),
    }


def _sections(comparison: Comparison) -> dict[tuple[Side, str], str]:
    """The section id holding each clause of either version."""
    out: dict[tuple[Side, str], str] = {}
    for pair in comparison.pairs:
        section = _section_id(pair)
        out.update((("old", i), section) for i in pair.old)
        out.update((("new", i), section) for i in pair.new)
    return out


def _section_id(pair: ClausePair) -> str:
    return anchor(pair.new[0]) if pair.new else anchor(pair.old[0], "old")


def _change_view(
    comparison: Comparison, index: int, change: Change, section_of: dict[tuple[Side, str], str]
) -> ChangeView:
    targets: list[str] = []
    ends: tuple[tuple[Side, str | None], ...] = (
        ("new", change.new_clause),
        ("old", change.old_clause),
    )
    for side, clause_id in ends:
        section = section_of.get((side, clause_id)) if clause_id is not None else None
        if section and section not in targets:
            targets.append(section)
    if change.new_clause is not None:
        href = "#" + anchor(change.new_clause)
    elif change.old_clause is not None:
        href = "#" + anchor(change.old_clause, "old")
    else:
        href = ""
    return ChangeView(
        index=index,
        change=change,
        href=href,
        clause_label=clause_label(change.old_clause, change.new_clause),
        targets=" ".join(targets),
        party_key=encode(change.party) if change.party else "",
        evidence=tuple(_evidence_view(comparison, ev) for ev in change.evidence),
    )


def _evidence_view(comparison: Comparison, ev: Evidence) -> EvidenceView:
    href = "#" + anchor(ev.clause, ev.side)
    doc = comparison.side(ev.side)
    if ev.clause not in doc:
        return EvidenceView(ev, "", "", "")
    text = doc.clause(ev.clause).text
    if text[ev.start : ev.end] != ev.text:
        return EvidenceView(ev, href, "", "")
    before = text[max(0, ev.start - CONTEXT_CHARS) : ev.start]
    after = text[ev.end : ev.end + CONTEXT_CHARS]
    if ev.start > CONTEXT_CHARS:
        before = "…" + before.split(" ", 1)[-1]
    if ev.end + CONTEXT_CHARS < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return EvidenceView(ev, href, before, after)


def _pair_view(
    comparison: Comparison, index: ChangeIndex, pair: ClausePair, views: Sequence[ChangeView]
) -> PairView:
    cut = pieces(index, pair)
    ids = [anchor(i) for i in pair.new] + [anchor(i, "old") for i in pair.old]
    section = _section_id(pair)
    first = first_clause(comparison, pair)
    return PairView(
        id=section,
        extra_ids=tuple(i for i in ids if i != section),
        pair=pair,
        label=pair_label(pair),
        heading=pair_heading(comparison, pair),
        heading_only=bool(first.heading) and first.heading == first.text,
        changes=tuple(views[i] for i in index.changes_of(pair)),
        inline=inline(cut),
        # Unchanged clauses are shown once (no side-by-side copy): most of a long
        # document, so their side views are not built at all.
        old=one_side(cut, pair.old, "old") if pair.old and pair.changed else (),
        new=one_side(cut, pair.new, "new") if pair.new and pair.changed else (),
    )


def _describe(comparison: Comparison) -> object:
    """A template helper: the tooltip of an evidence mark (plain text, escaped by Jinja)."""

    def describe(marks: Sequence[Mark]) -> str:
        parts = []
        for mark in marks:
            change = comparison.changes[mark.change]
            side = mark.evidence.side
            parts.append(f"{change.type} ({change.severity.value}, {side}): {mark.evidence.rule}")
        return "; ".join(parts)

    return describe
