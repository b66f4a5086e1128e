"""Provides the version picker: which two of several drafts to compare."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from draftdiff.tui.versions import PairKey, VersionSet


class VersionPicker(ModalScreen[PairKey | None]):
    """Every pair of versions, consecutive ones first; Enter compares the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, versions: VersionSet, current: PairKey) -> None:
        super().__init__()
        self.versions = versions
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for old, new in self.versions.pairs():
            label = Text(self.versions.pair_label((old, new)))
            if (old, new) == self.current:
                label.append("  (shown)", "dim")
            options.append(Option(label, id=f"{old}:{new}"))
        with Vertical(id="picker-box"):
            yield Static(Text("Compare which versions?", style="bold"))
            yield OptionList(*options, id="pairs")

    def on_mount(self) -> None:
        pairs = self.query_one(OptionList)
        pairs.highlighted = self.versions.pairs().index(self.current)
        pairs.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        old, new = (event.option.id or "").split(":")
        self.dismiss((int(old), int(new)))

    def action_cancel(self) -> None:
        self.dismiss(None)
