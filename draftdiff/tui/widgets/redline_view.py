"""Provides the right pane: the selected clause as a redline (inline, or the two versions
side by side), with its changes and their evidence underneath."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.widgets import Static

from draftdiff.diff.result import Comparison
from draftdiff.tui.model import Row
from draftdiff.tui.texts import DIM, clause_heading, inline_redline, side_texts
from draftdiff.tui.widgets.changes_list import ChangesList


class RedlineView(VerticalScroll, can_focus=True):
    """The selected clause: heading, redline, then its changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]

    side_by_side: var[bool] = var(False)
    """Show the old and new versions in two columns instead of one inline redline."""

    row: Row | None = None
    """The row shown, None before the first or when no clause matches the filters."""

    def compose(self) -> ComposeResult:
        yield Static(id="clause-heading")
        yield Static(id="redline")
        with Horizontal(id="sides"):
            yield Static(id="old-side")
            yield Static(id="new-side")
        yield Static(Text("Changes", style="bold underline"), id="changes-title")
        yield ChangesList(id="changes")

    def watch_side_by_side(self, side_by_side: bool) -> None:
        self.set_class(side_by_side, "-side-by-side")

    def show(
        self,
        row: Row,
        comparison: Comparison,
        *,
        query: str = "",
        titles: tuple[str, str] = ("old", "new"),
    ) -> None:
        """Show one clause pair; `query` is highlighted wherever it occurs; `titles`
        name the two versions above the side-by-side columns."""
        self.row = row
        pair = row.pair
        evidence = [e for change in row.changes for e in change.evidence]
        self.query_one("#clause-heading", Static).update(clause_heading(row, comparison))
        self.query_one("#redline", Static).update(
            inline_redline(pair, comparison, evidence=evidence, query=query)
        )
        old, new = side_texts(pair, comparison, evidence=evidence, query=query)
        for part, title, text, present in (
            ("#old-side", titles[0], old, bool(pair.old)),
            ("#new-side", titles[1], new, bool(pair.new)),
        ):
            column = Text()
            column.append(f"{title}\n", "bold")
            column.append_text(text if present else Text("(not in this version)", DIM))
            self.query_one(part, Static).update(column)
        self.query_one(ChangesList).show(row.changes, comparison)
        self.query_one("#changes-title").display = True
        self.scroll_home(animate=False)

    def show_nothing(self, reason: str) -> None:
        """No clause to show (the filters match none): say why."""
        self.row = None
        self.query_one("#clause-heading", Static).update(Text(reason, DIM))
        for part in ("#redline", "#old-side", "#new-side"):
            self.query_one(part, Static).update("")
        self.query_one(ChangesList).update("")
        self.query_one(ChangesList).changes = ()
        self.query_one("#changes-title").display = False
