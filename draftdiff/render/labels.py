"""Names clauses and clause pairs the same way in every view (text, Markdown, HTML):
"3.2", "3.2 → 3.3", "4.3 (old)", the heading shown beside a pair, and which pairs
deserve a redline at all.
"""

from __future__ import annotations

import re

from draftdiff.diff.result import Change, ClausePair, Comparison, Op, Status
from draftdiff.model import Clause


def clause_label(old: str | None, new: str | None) -> str:
    """Where a change points: the new clause, "4.3 (old)" for one only the old version
    has, "4.3 → 4.4" when it points at both under different numbers."""
    if old is None:
        return new or ""
    if new is None:
        return f"{old} (old)"
    return new if old == new else f"{old} → {new}"


def pair_label(pair: ClausePair) -> str:
    """ "3.2", or "3.2 → 3.3" / "— → 4.5" / "2.1, 2.2 → 2.1" when the ids differ."""
    news = ", ".join(pair.new) or "—"
    return news if pair.old == pair.new else f"{', '.join(pair.old) or '—'} → {news}"


def first_clause(comparison: Comparison, pair: ClausePair) -> Clause:
    """The clause a pair is shown under: its first in the new version, else in the old."""
    return comparison.new.clause(pair.new[0]) if pair.new else comparison.old.clause(pair.old[0])


def pair_heading(comparison: Comparison, pair: ClausePair) -> str:
    """The heading of the pair's first clause, or "" when it has none or the heading
    is the clause's whole text."""
    first = first_clause(comparison, pair)
    return first.heading if first.heading and first.heading != first.text else ""


def shows_redline(pair: ClausePair) -> bool:
    """False for pairs whose words are the same in both versions (unchanged, or only
    renumbered): the clause counts already tell of them."""
    if pair.status in (Status.UNCHANGED, Status.RENUMBERED):
        return any(e.op is not Op.EQUAL for e in pair.edits)
    return True


def change_codes(change: Change) -> str:
    """Its type and facets as one label: "obligation.added + clause.added"."""
    return " + ".join(change.codes)


def summary_after_label(change: Change) -> str:
    """The summary for a view that prints the clause label beside it: without the
    clause number the summary opens with, so a label reads once ("4.3 (old)
    Velmora: …", not "4.3 (old) 4.3 Velmora: …"). "8.1 and 8.2 merged into 8.1"
    keeps its number, which the sentence needs."""
    text = change.summary
    for clause in dict.fromkeys(c for c in (change.new_clause, change.old_clause) if c):
        match = re.match(rf"(?:paragraph\s+)?{re.escape(clause)}(?::\s+|\s+(?!and\b))", text)
        if match and len(text) > match.end():
            rest = text[match.end() :]
            return rest[:1].upper() + rest[1:]
    return text
