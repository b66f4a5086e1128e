"""Provides the party ledger panel: what each party owes and holds before and after, the
change, and who bears the duties (one-sidedness). Enter on a party filters by it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from draftdiff.diff.result import LEDGER_KINDS, Comparison
from draftdiff.tui.model import burden, ledger_lines
from draftdiff.tui.texts import DIM, ledger_cell

KIND_TITLES = {
    "obligation": "Obligations",
    "prohibition": "Prohibitions",
    "permission": "Permissions",
    "guarantee": "Guarantees",
}


class LedgerPanel(Vertical):
    """Before → after (delta) per party and kind of provision, then one-sidedness."""

    @dataclass
    class PartyChosen(Message):
        """A party's row was chosen: the reader wants that party's changes."""

        party: str

    def compose(self) -> ComposeResult:
        yield Static(Text("Party ledger: before → after (change)", style="bold"), id="ledger-title")
        yield DataTable(id="ledger-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="ledger-burden")

    def show(self, comparison: Comparison) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("Party", key="party")
        for kind in LEDGER_KINDS:
            table.add_column(KIND_TITLES[kind], key=kind)
        lines = ledger_lines(comparison)
        for party in dict.fromkeys(line.party for line in lines):
            cells = [ledger_cell(line) for line in lines if line.party == party]
            table.add_row(Text(party, style="bold"), *cells, key=party)
        table.display = bool(lines)
        burden_line = Text()
        if lines:
            burden_line.append("One-sidedness: ", "bold")
            burden_line.append(burden(comparison.ledger_old))
            burden_line.append(" → ")
            burden_line.append(burden(comparison.ledger_new))
        else:
            burden_line.append(
                "No obligations, prohibitions, permissions or guarantees were found in either "
                "version.",
                DIM,
            )
        self.query_one("#ledger-burden", Static).update(burden_line)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.PartyChosen(event.row_key.value))
