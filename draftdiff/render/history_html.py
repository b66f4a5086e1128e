"""Provides the self-contained HTML history report (`draftdiff history --format html`).

One file with no script at all: the CSS under templates/ is inlined and the
Content-Security-Policy allows that one block (by hash) and nothing else. Document
text reaches the page only through Jinja2's autoescaping; the charts
(history_svg.py) are built from numbers and escaped names.

The page, in order: the versions with one-sidedness, the ledger trend (one small
chart per party and one of one-sidedness), draft by draft, the flip-flops, a table of
provisions × drafts, then each changed clause's lineage with the redline of every
step that changed it (render/redline.py, as the change report draws them).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from draftdiff import __version__
from draftdiff.diff.result import Change
from draftdiff.history import History
from draftdiff.history.lineage import ClauseLineage
from draftdiff.history.trend import balances
from draftdiff.render.history_svg import SERIES_CLASS, balance_chart, party_chart
from draftdiff.render.history_view import (
    TREND_KINDS,
    flip_flops,
    gave_and_took,
    names,
    state_cell,
    step_summary,
)
from draftdiff.render.labels import shows_redline
from draftdiff.render.page import asset, csp, template
from draftdiff.render.redline import ChangeIndex, Paragraph, inline, pieces


@dataclass(frozen=True)
class StepView:
    version: str
    label: str
    ids: str
    """The clause's ids in this version ("" when it is gone)."""
    status: str
    reverted_to: str
    paragraphs: tuple[tuple[Paragraph, ...], ...]
    """One inline redline per pair of the step."""
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class LineageView:
    lineage: ClauseLineage
    anchor: str
    story: str
    heading: str
    steps: tuple[StepView, ...]


def render_history_html(history: History) -> str:
    css = asset("history.css")
    return template("history.html.j2").render(**_context(history), css=Markup(css), csp=csp(css))


def _context(history: History) -> dict[str, object]:
    short = names(history)
    ledgers = [v.ledger for v in history.versions]
    points = balances(ledgers)
    top = max((max(t.series(k)) for t in history.trends for k in TREND_KINDS), default=1)
    changed = [p for p in history.provisions if p.changed]
    rows = [(p, [state_cell(p, v) for v in range(len(short))]) for p in changed]
    clauses, provisions = flip_flops(history)
    indexes = [ChangeIndex(c) for c in history.comparisons]
    return {
        "generator": f"draftdiff {__version__}",
        "title": history.versions[-1].document.title or "Negotiation history",
        "versions": list(zip(history.versions, points, strict=True)),
        "short": short,
        "charts": [(t, party_chart(t, short, top)) for t in history.trends],
        "balance_chart": balance_chart(points, short),
        "series": [(k, SERIES_CLASS[k]) for k in TREND_KINDS],
        "trends": history.trends,
        "kinds": TREND_KINDS,
        "steps": [
            (short[k], short[k + 1], step_summary(c), gave_and_took(history, k))
            for k, c in enumerate(history.comparisons)
        ],
        "flip_clauses": clauses,
        "flip_provisions": provisions,
        "rows": rows,
        "provision_count": len(history.provisions),
        "lineages": [_lineage(history, c, short, indexes) for c in history.clauses if c.changed],
        "clause_count": len(history.clauses),
    }


def _lineage(
    history: History, lineage: ClauseLineage, short: list[str], indexes: list[ChangeIndex]
) -> LineageView:
    steps = []
    for step in lineage.steps[1:]:
        if not step.changed:
            continue
        comparison = history.comparisons[step.version - 1]
        index = indexes[step.version - 1]
        found = sorted({n for p in step.pairs for n in index.changes_of(comparison.pairs[p])})
        steps.append(
            StepView(
                short[step.version],
                history.versions[step.version].label,
                ", ".join(step.ids),
                step.status,
                short[step.reverted_to] if step.reverted_to is not None else "",
                tuple(
                    inline(pieces(index, comparison.pairs[p]))
                    for p in step.pairs
                    if shows_redline(comparison.pairs[p])
                ),
                tuple(comparison.changes[n] for n in found),
            )
        )
    last = history.versions[lineage.last].document.clause(lineage.steps[lineage.last].ids[0])
    return LineageView(lineage, lineage.key, lineage.story(short), last.heading, tuple(steps))
