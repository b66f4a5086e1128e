"""Provides the history screen: one clause through every version, each step a redline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from draftdiff.diff.result import Comparison, Status
from draftdiff.tui.history import Step
from draftdiff.tui.texts import DIM, STATUS_STYLE, inline_redline
from draftdiff.tui.versions import VersionSet


def history_text(
    steps: Sequence[Step], versions: VersionSet, consecutive: Sequence[Comparison]
) -> Text:
    """Each version's label and the clause's ids in it, then how it changed to get there."""
    text = Text()
    for step in steps:
        text.append(versions.label(step.version), Style(bold=True))
        text.append("  ")
        text.append(", ".join(step.ids) if step.present else "—", Style(bold=True))
        if step.status:
            status = Status(step.pairs[0].status)
            text.append(f"  {step.status}", STATUS_STYLE[status])
        text.append("\n")
        if step.version == 0:
            if step.present:
                document = consecutive[0].old
                body = "\n".join(document.clause(i).text for i in step.ids)
                text.append(f"{body}\n")
            else:
                text.append("not in this version\n", DIM)
        elif not step.pairs:
            text.append("not in this version\n", DIM)
        else:
            comparison = consecutive[step.version - 1]
            for pair in step.pairs:
                if pair.status is Status.UNCHANGED:
                    text.append("same words\n", DIM)
                else:
                    text.append_text(inline_redline(pair, comparison))
                    text.append("\n")
        text.append("\n")
    return text


class HistoryScreen(ModalScreen[None]):
    """A clause across all versions; Escape, h or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("h", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    # Focused, the box scrolls with the keys when a clause's history is long.
    AUTO_FOCUS = "#history-box"

    def __init__(
        self,
        title: str,
        steps: Sequence[Step],
        versions: VersionSet,
        consecutive: Sequence[Comparison],
    ) -> None:
        super().__init__()
        self.heading = title
        self.steps = tuple(steps)
        self.body = history_text(steps, versions, consecutive)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="history-box"):
            yield Static(Text(self.heading, style="bold"), id="history-title")
            yield Static(self.body, id="history-text")

    def action_close(self) -> None:
        self.dismiss(None)
