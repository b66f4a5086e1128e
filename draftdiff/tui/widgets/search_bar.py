"""Provides the search bar: `/` opens it under the panes, Enter searches, Escape cancels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line input for text to find in either version of a clause."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel search")]

    @dataclass
    class QueryEntered(Message):
        """Enter was pressed: search for this text ("" clears the search)."""

        query: str

    class SearchCancelled(Message):
        """Escape was pressed: leave the search as it was."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search clause text, Enter to apply, Escape to cancel", id=id)
        self.display = False  # hidden, and out of the focus chain, until `/` opens it

    def open(self, query: str) -> None:
        self.value = query
        self.display = True
        self.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.QueryEntered(event.value.strip()))

    def action_cancel(self) -> None:
        self.display = False
        self.post_message(self.SearchCancelled())
