"""Provides the help screen: every key, what the outline's marks and badges mean."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from draftdiff.diff.result import Status
from draftdiff.tui.texts import (
    DELETED,
    DIM,
    EVIDENCE,
    INSERTED,
    SEARCH_HIT,
    STATUS_MARK,
    STATUS_STYLE,
    badge_legend,
)

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Move",
        (
            ("n / N", "next / previous change (that the filters keep)"),
            ("j / k, ↓ / ↑", "next / previous clause; in the redline pane: scroll"),
            ("Enter", "read the clause: focus the redline pane"),
            ("Tab / Shift+Tab", "next / previous pane (outline, redline, ledger)"),
            ("Escape", "back to the outline"),
            ("mouse", "click a clause, scroll either pane, click a key below"),
        ),
    ),
    (
        "Filter the outline",
        (
            ("o", "obligations only (obligation.*, prohibition.*)"),
            ("g", "guarantees only (guarantee.*)"),
            ("p", "by party: cycles through the parties, then all"),
            ("v", "by severity: any → low+ → medium+ → high"),
            ("c", "hide cosmetic changes (punctuation, case, numbering, headings)"),
            ("u", "changed clauses only"),
            ("/", "search clause text, both versions (Escape cancels)"),
            ("x", "clear every filter"),
        ),
    ),
    (
        "View",
        (
            ("s", "side by side: old and new version in two columns"),
            ("l", "party ledger: before → after, and one-sidedness"),
            ("h", "history of the clause across all versions"),
            ("t", "ledger trend: every version's ledger and one-sidedness"),
            ("P", "pick the pair of versions to compare"),
            ("[ / ]", "previous / next pair of consecutive versions"),
            ("e", "write the HTML report to the current folder"),
            ("Ctrl+P", "command palette: every action by name"),
            ("?", "this help"),
            ("q", "quit"),
        ),
    ),
)
"""The keys, as the help screen lists them (a test checks every app binding is here)."""

LEDGER_TERMS = (
    ("Obligations", "clauses by which the party must do something; of them:"),
    ("  efforts only", 'it must only try ("reasonable efforts"): still a duty'),
    ("  weak", 'it only "will consider", "intends to": binds nobody, no duty'),
    ("Binding duties", "obligations but the weak ones, prohibitions, guarantees"),
    ("One-sidedness", "the share of binding duties on the most burdened party"),
)
"""What the ledger panel's rows mean, as the help screen explains them."""


def help_text() -> Text:
    text = Text()
    for group, keys in KEYS:
        text.append(f"{group}\n", Style(bold=True, underline=True))
        for key, meaning in keys:
            text.append(f"  {key:<16}", Style(bold=True))
            text.append(f"{meaning}\n")
        text.append("\n")
    text.append("Outline marks\n", Style(bold=True, underline=True))
    for status in Status:
        text.append(f"  {STATUS_MARK[status]}  ", STATUS_STYLE[status])
        text.append(f"{status.value}\n")
    text.append("\nSemantic badges", Style(bold=True, underline=True))
    text.append(" (coloured by severity: high, medium, low)\n", DIM)
    legend = badge_legend()
    for start in range(0, len(legend), 2):
        line = "  ".join(f"{b:<6} {meaning:<24}" for b, meaning in legend[start : start + 2])
        text.append(f"  {line.rstrip()}\n")
    text.append("\nParty ledger\n", Style(bold=True, underline=True))
    for term, meaning in LEDGER_TERMS:
        text.append(f"  {term:<16}", Style(bold=True))
        text.append(f"{meaning}\n")
    text.append("\nRedline: ", Style(bold=True))
    text.append("deleted", DELETED)
    text.append(" · ")
    text.append("inserted", INSERTED)
    text.append(" · ")
    text.append("evidence", EVIDENCE)
    text.append(" · ")
    text.append("search hit", SEARCH_HIT)
    return text


class HelpScreen(ModalScreen[None]):
    """Keys and legends; Escape, q or ? closes it."""

    # Longer than a 30-line terminal: focused, the box scrolls with ↓, PgDn and End. (The
    # app's AUTO_FOCUS names a widget of the main screen, so nothing here would be.)
    AUTO_FOCUS = "#help-box"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            title = Text("draftdiff — keys", style="bold")
            title.append("   ↓ PgDn End to read on · Escape closes", DIM)
            yield Static(title, id="help-title")
            yield Static(help_text(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
