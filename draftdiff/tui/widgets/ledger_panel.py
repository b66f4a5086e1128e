"""Provides the party ledger panel: what each party owes and holds before and after, the
change, and who bears the duties (one-sidedness). Enter on a party's column filters by it.

Parties are columns and kinds of provision are rows, so that two to four parties fit in
a narrow pane."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from draftdiff.diff.result import LEDGER_KINDS, Comparison
from draftdiff.tui.model import LedgerLine, burden, ledger_lines
from draftdiff.tui.texts import DIM, ledger_cell

KIND_TITLES = {
    "obligation": "Obligations",
    "prohibition": "Prohibitions",
    "permission": "Permissions",
    "guarantee": "Guarantees",
}
DUTIES = ("obligation", "prohibition", "guarantee")
"""What a party bears (PartyLedger.duties); permissions are what it may do."""


class LedgerPanel(Vertical):
    """Before → after (change) per kind of provision and party, then one-sidedness."""

    @dataclass
    class PartyChosen(Message):
        """A party's column was chosen: the reader wants that party's changes."""

        party: str

    def compose(self) -> ComposeResult:
        yield Static(Text("Party ledger: before → after (change)", style="bold"), id="ledger-title")
        table: DataTable[Text] = DataTable(id="ledger-table", cursor_type="column")
        table.show_cursor = False  # until focused: a highlighted column would look chosen
        yield table
        yield Static(id="ledger-burden")

    def show(self, comparison: Comparison) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        lines = ledger_lines(comparison)
        parties = list(dict.fromkeys(line.party for line in lines))
        table.add_column("", key="kind")
        for party in parties:
            table.add_column(Text(party, style="bold"), key=party)
        for kind in LEDGER_KINDS:
            cells = [ledger_cell(line) for line in lines if line.kind == kind]
            table.add_row(Text(KIND_TITLES[kind], style="bold"), *cells, key=kind)
        duties = [_duties(lines, party) for party in parties]
        table.add_row(Text("Duties in all", style="bold"), *map(ledger_cell, duties), key="duties")
        table.display = bool(lines)
        # Rows plus the header. Set outright: an auto height computed while the panel was
        # hidden stays at zero.
        table.styles.height = table.row_count + 1
        line = Text()
        if lines:
            line.append("One-sidedness: ", "bold")
            line.append(f"{burden(comparison.ledger_old)} → {burden(comparison.ledger_new)}")
            line.append("  of all duties, on one party", DIM)
        else:
            line.append(
                "No obligations, prohibitions, permissions or guarantees were found in either "
                "version.",
                DIM,
            )
        self.query_one("#ledger-burden", Static).update(line)

    def on_descendant_focus(self) -> None:
        self.query_one(DataTable).show_cursor = True

    def on_descendant_blur(self) -> None:
        self.query_one(DataTable).show_cursor = False

    def on_data_table_column_selected(self, event: DataTable.ColumnSelected) -> None:
        event.stop()
        if event.column_key.value not in (None, "kind"):
            self.post_message(self.PartyChosen(event.column_key.value))


def _duties(lines: tuple[LedgerLine, ...], party: str) -> LedgerLine:
    mine = [line for line in lines if line.party == party and line.kind in DUTIES]
    return LedgerLine(
        party, "duties", sum(line.before for line in mine), sum(line.after for line in mine)
    )
