"""Provides the ledger-trend panel: each party's ledger in every version, oldest first,
and how one-sided each draft is. The companion of the clause history (`h`): that one
follows one clause through the drafts, this one the whole balance.

The versions of the pair on screen are marked, so the reader sees where in the
negotiation the redline beside it stands."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from draftdiff.diff.result import Comparison
from draftdiff.history.trend import balances, party_trends
from draftdiff.tui.texts import DIM

KINDS = (
    ("duties", "binding duties"),
    ("obligation", "obligations"),
    ("weak", "  of which weak"),
    ("prohibition", "prohibitions"),
    ("permission", "permissions"),
    ("guarantee", "guarantees"),
)
"""Rows per party: what one-sidedness counts first, then each kind of provision."""
BARS = " ▁▂▃▄▅▆▇█"


def trend_table(
    consecutive: Sequence[Comparison], labels: Sequence[str], shown: tuple[int, int]
) -> Table:
    """Parties and kinds as rows, versions as columns, a bar of each row's trend last."""
    documents = [consecutive[0].old, *(c.new for c in consecutive)]
    ledgers = [consecutive[0].ledger_old, *(c.ledger_new for c in consecutive)]
    table = Table(box=None, pad_edge=False, show_edge=False, expand=False)
    table.add_column("")
    table.add_column("")
    for k, label in enumerate(labels):
        style = "bold reverse" if k in shown else "bold"
        table.add_column(Text(label, style=style), justify="right")
    table.add_column("")
    trends = party_trends(documents, ledgers)
    for trend in trends:
        for n, (kind, title) in enumerate(KINDS):
            values = trend.series(kind)
            table.add_row(
                Text(trend.party, style="bold") if n == 0 else "",
                Text(title, DIM if kind == "weak" else ""),
                *(str(v) for v in values),
                Text(bar(values), "cyan"),
            )
    row: list[Text | str] = [Text("One-sided", style="bold"), "heaviest share"]
    for b in balances(ledgers):
        row.append("—" if b.one_sidedness is None else f"{round(100 * b.one_sidedness)}%")
    table.add_row(*row, "")
    heaviest = [b.heaviest or "—" for b in balances(ledgers)]
    table.add_row("", Text("on", DIM), *(Text(h, DIM) for h in heaviest), "")
    return table


def bar(values: Sequence[int]) -> str:
    """One block character per version, scaled to the row's largest value."""
    top = max(values, default=0)
    if top == 0:
        return BARS[1] * len(values)
    return "".join(BARS[1 + round((len(BARS) - 2) * v / top)] for v in values)


class LedgerTrendPanel(Vertical):
    """The ledger of every version side by side (`t`); hidden until asked for."""

    table: Table | None = None
    """What the panel shows (None until first shown)."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Ledger trend: every version, oldest first", style="bold"))
        yield Static(id="trend-table")

    def show(
        self, consecutive: Sequence[Comparison], labels: Sequence[str], shown: tuple[int, int]
    ) -> None:
        self.table = trend_table(consecutive, labels, shown)
        self.query_one("#trend-table", Static).update(self.table)
