"""Provides the party ledger panel: what each party owes and holds before and after, the
change, and who bears the duties (one-sidedness). Enter on a party's column filters by it.

Under the obligations, how many are only efforts ("reasonable efforts") or weak
commitments ("will consider"): "3 obligations" that are all "will consider" bind nobody,
and the binding duties row (what one-sidedness counts) leaves them out.

Parties are columns and kinds of provision are rows, so that two to four parties fit in
a narrow pane. Each party's column holds its own provisions; then a column for the joint
ones ("The Parties shall", "Each Party shall"), which bind every party alike, and one per
non-party that bears provisions (the Fund, the Board). One-sidedness is read from the
parties' own duties. Above the table, the comparison's warnings (too few parties found,
duties whose subject is no party), since they say how far the table can be trusted."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from draftdiff.diff.reading_warnings import HINT
from draftdiff.diff.result import Comparison
from draftdiff.tui.model import LedgerTable, burden, ledger_table, others_line, warning_lines
from draftdiff.tui.texts import DIM, ledger_cell

WARNING = "bold yellow"


class LedgerPanel(Vertical):
    """Before → after (change) per kind of provision and party, then one-sidedness."""

    _ledger = LedgerTable((), ())

    @dataclass
    class PartyChosen(Message):
        """A party's column was chosen: the reader wants that party's changes."""

        party: str

    def compose(self) -> ComposeResult:
        yield Static(Text("Party ledger: before → after (change)", style="bold"), id="ledger-title")
        yield Static(id="ledger-warnings")
        table: DataTable[Text] = DataTable(id="ledger-table", cursor_type="column")
        table.show_cursor = False  # until focused: a highlighted column would look chosen
        # The kind column stays put when a narrow pane scrolls the party columns sideways:
        # numbers without their row names ("2 → 6") say nothing.
        table.fixed_columns = 1
        yield table
        yield Static(id="ledger-burden")

    def show(self, comparison: Comparison) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        ledger = ledger_table(comparison)
        table.add_column("", key="kind")
        for party, group in zip(ledger.parties, ledger.groups, strict=True):
            table.add_column(_column_title(party, group), key=party)
        self._ledger = ledger
        for row in ledger.rows:
            # The efforts-only and weak rows break down the obligations above them: indented
            # and dimmed, so they do not read as kinds of their own to be added up.
            title = Text(f"  {row.title}", DIM) if row.part else Text(row.title, style="bold")
            cells = [ledger_cell(cell) for cell in row.cells]
            if row.part:
                for cell in cells:
                    cell.stylize(DIM)
            table.add_row(title, *cells, key=row.key)
        table.display = bool(ledger.parties)
        # Rows plus the header, plus one line for the horizontal scrollbar that the joint
        # and others columns call up in a narrow pane (else it covers the duties row). Set
        # outright: an auto height computed while the panel was hidden stays at zero.
        table.styles.height = table.row_count + 2
        warnings = Text()
        for short, sides in warning_lines(comparison):
            warnings.append(f"⚠ {short} ({sides})\n", WARNING)
        if comparison.warnings:
            warnings.append(f"  {HINT}", DIM)
        panel = self.query_one("#ledger-warnings", Static)
        panel.update(warnings)
        panel.display = bool(comparison.warnings)
        line = Text()
        if ledger.parties:
            line.append("One-sidedness: ", "bold")
            before, after = burden(comparison.ledger_old), burden(comparison.ledger_new)
            # "not computed: …" twice says nothing more than once.
            same = before == after and comparison.ledger_new.one_sidedness() is None
            line.append(before if same else f"{before} → {after}")
            if comparison.ledger_new.one_sidedness() is not None:
                line.append("  of the parties' own binding duties, on one party", DIM)
            if names := others_line(comparison):
                line.append(f"\nNot parties (duties now): {names}", DIM)
        if found := found_line(comparison):
            line.append(f"\nParties: {found}", DIM)
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
            party = self._ledger.filter_party(event.column_key.value)
            if party is not None:
                self.post_message(self.PartyChosen(party))


def found_line(comparison: Comparison) -> str:
    """How each party of the new version (else the old) was found: "Norland (preamble:
    (hereinafter "Norland")); Velmora (…)", or "given on the command line"."""
    parties = comparison.new.parties or comparison.old.parties
    return "; ".join(f"{p.name} ({p.found})" if p.found else p.name for p in parties)


def _column_title(party: str, group: str) -> Text:
    """A party's own column in bold; the joint column and non-parties marked as such."""
    if group == "joint":
        return Text("joint", style="italic")
    if group == "other":
        return Text("others", style=Style(italic=True, dim=True))
    return Text(party, style="bold")
