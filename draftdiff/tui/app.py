"""Provides DraftdiffApp: the terminal browser of a comparison.

The app wires widgets to the view model and runs the slow work in the background:

    VersionSet --load (daemon thread)--> Comparison --build_rows--> rows
    rows + filters --apply_filters--> view --> ClauseOutline
    current row --> RedlineView (redline, changes, evidence); LedgerPanel

Rules (which rows a filter keeps, where `n` goes, a clause's history) live in
`draftdiff.tui.model` and `draftdiff.tui.history`; styled text in `draftdiff.tui.texts`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header

from draftdiff.diff.result import Comparison
from draftdiff.errors import DraftdiffError
from draftdiff.tui.background import in_daemon_thread
from draftdiff.tui.export import write_report
from draftdiff.tui.history import clause_history
from draftdiff.tui.messages import LoadProgressed
from draftdiff.tui.model import (
    Filters,
    Row,
    View,
    apply_filters,
    build_rows,
    party_choices,
    step,
)
from draftdiff.tui.texts import outline_label
from draftdiff.tui.versions import PairKey, VersionSet
from draftdiff.tui.widgets.error_dialog import ErrorDialog
from draftdiff.tui.widgets.help_screen import HelpScreen
from draftdiff.tui.widgets.history_screen import HistoryScreen
from draftdiff.tui.widgets.ledger_panel import LedgerPanel
from draftdiff.tui.widgets.ledger_trend import LedgerTrendPanel
from draftdiff.tui.widgets.loading import LoadingPanel
from draftdiff.tui.widgets.outline import ClauseOutline, OutlineStatus
from draftdiff.tui.widgets.redline_view import RedlineView
from draftdiff.tui.widgets.search_bar import SearchBar
from draftdiff.tui.widgets.version_picker import VersionPicker

EXIT_TROUBLE = 2
"""Exit code when the drafts could not be compared (as the CLI's)."""

_WITHOUT_COMPARISON = frozenset({"focus_outline", "help", "quit"})
"""The bound actions that work while the first comparison loads; the others are disabled."""


class DraftdiffApp(App[None]):
    """Browse the changes between versions of an agreement, clause by clause."""

    CSS_PATH = "app.tcss"
    TITLE = "draftdiff"
    AUTO_FOCUS = "#outline"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_change", "Next"),
        Binding("N", "previous_change", "Prev"),
        Binding("o", "toggle_obligations", "Obligations"),
        Binding("g", "toggle_guarantees", "Guarantees"),
        Binding("p", "next_party", "Party"),
        Binding("v", "next_severity", "Severity", show=False),
        Binding("c", "toggle_cosmetic", "Cosmetic", show=False),
        Binding("u", "toggle_unchanged", "Changed only", show=False),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("slash", "search", "Search"),
        Binding("s", "toggle_side_by_side", "Sides"),
        Binding("l", "toggle_ledger", "Ledger"),
        Binding("e", "export", "Export"),
        Binding("h", "history", "History", show=False),
        Binding("t", "trend", "Trend", show=False),
        Binding("P", "pick_pair", "Versions", show=False),
        Binding("left_square_bracket", "previous_pair", "Previous pair", show=False),
        Binding("right_square_bracket", "next_pair", "Next pair", show=False),
        Binding("escape", "focus_outline", "Outline", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]
    _need_comparison = frozenset(b.action for b in BINDINGS if isinstance(b, Binding)).difference(
        _WITHOUT_COMPARISON
    )

    filters: var[Filters] = var(Filters(), init=False)
    current: var[int | None] = var(None, always_update=True, init=False)
    """Index of the row shown in the redline pane."""
    side_by_side: var[bool] = var(False)
    show_ledger: var[bool] = var(False)
    loading: var[bool] = var(False)

    def __init__(
        self,
        versions: VersionSet,
        *,
        pair: PairKey | None = None,
        report_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.versions = versions
        self.pair: PairKey = pair or versions.default_pair
        self.report_folder = report_folder or Path.cwd()
        self.comparison: Comparison | None = None
        self.rows: tuple[Row, ...] = ()
        self.view = View(())
        self.parties: tuple[str, ...] = ()
        self._anchor: int | None = None
        """The last row shown: where the outline returns when a filter is lifted."""

    @classmethod
    def on_comparison(
        cls, comparison: Comparison, *, report_folder: Path | None = None
    ) -> DraftdiffApp:
        """An app on a comparison computed elsewhere (tests, scripts)."""
        return cls(VersionSet.of([comparison]), report_folder=report_folder)

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="outline-pane"):
                yield OutlineStatus(id="outline-status")
                yield ClauseOutline(id="outline")
            with Vertical(id="detail-pane"):
                yield RedlineView(id="redline-view")
                yield LedgerPanel(id="ledger")
                yield LedgerTrendPanel(id="ledger-trend")
        yield LoadingPanel(id="loading")
        yield SearchBar(id="search")
        # Compact, and Ctrl+P left to the help screen: every key that matters fits in 100 columns.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = self.versions.pair_label(self.pair)
        self.add_class("-starting")
        self.open_pair(self.pair)

    # ---- loading -------------------------------------------------------------------

    @work(exclusive=True, group="load")
    async def open_pair(self, key: PairKey) -> None:
        """Compare a pair of versions (in the background) and show it."""
        if await self._fetch([key]):
            comparison = self.versions.comparison(key)
            # Tens of thousands of rows on a long pair: built (and styled) off the UI thread.
            rows, labels = await in_daemon_thread(partial(_rows_and_labels, comparison))
            self.query_one(ClauseOutline).prime(rows, labels)
            self._show_comparison(key, rows)

    async def _fetch(self, keys: Sequence[PairKey]) -> bool:
        """Load the comparisons `keys` unless loaded already; False (and a dialog) on error."""
        if self.versions.has(keys):
            return True
        panel = self.query_one(LoadingPanel)
        panel.start("Starting")
        self.loading = True
        try:
            await in_daemon_thread(partial(self.versions.load, keys, self._post_progress))
        except DraftdiffError as err:
            self.show_error("Cannot compare the drafts", str(err))
            return False
        except Exception as err:  # a bug: show it, keep what is on screen
            self.show_error("Internal error", f"{type(err).__name__}: {err}\n\nPlease report this.")
            return False
        finally:
            self.loading = False
            panel.stop()
        return True

    def _post_progress(self, stage: str, done: int, total: int) -> None:
        # Called in the loader's thread; post_message is thread-safe.
        self.post_message(LoadProgressed(stage, done, total))

    def on_load_progressed(self, message: LoadProgressed) -> None:
        self.query_one(LoadingPanel).show_progress(message.stage, message.done, message.total)

    def watch_loading(self, loading: bool) -> None:
        self.set_class(loading, "-loading")

    def show_error(self, title: str, detail: str) -> None:
        """An error dialog; when nothing could be shown at all, closing it ends the app."""

        def closed(_: None) -> None:
            if self.comparison is None:
                self.exit(return_code=EXIT_TROUBLE)

        self.push_screen(ErrorDialog(title, detail), closed)

    def _show_comparison(self, key: PairKey, rows: tuple[Row, ...]) -> None:
        comparison = self.versions.comparison(key)
        self.pair = key
        self.comparison = comparison
        self.rows = rows
        self.remove_class("-starting")
        self.parties = party_choices(comparison)
        self.sub_title = self.versions.pair_label(key)
        self.query_one(LedgerPanel).show(comparison)
        # Warnings about the parties show in the ledger panel: open it for them too.
        self.show_ledger = (
            self.show_ledger
            or any(True for _ in comparison.ledger_new)
            or bool(comparison.warnings)
        )
        first = self._row_of_first_change(comparison)
        if self.filters.party is not None and self.filters.party not in self.parties:
            self.set_reactive(DraftdiffApp.filters, replace(self.filters, party=None))
        self._refilter(prefer=first)
        self.query_one(ClauseOutline).focus()
        self.refresh_bindings()  # the footer greys out actions until there is a comparison

    def _row_of_first_change(self, comparison: Comparison) -> int | None:
        """The row of the most severe substantive change (changes come most severe first)."""
        row_of = {id(change): row.index for row in self.rows for change in row.changes}
        for change in comparison.substantive:
            if id(change) in row_of:
                return row_of[id(change)]
        return step(self.rows, apply_filters(self.rows, Filters()), None, 1)

    # ---- filters and the current clause -----------------------------------------------

    def watch_filters(self) -> None:
        self._refilter(prefer=self.current if self.current is not None else self._anchor)

    def _refilter(self, prefer: int | None) -> None:
        if self.comparison is None:
            return
        self.view = apply_filters(self.rows, self.filters)
        target = prefer if prefer in self.view.matches else None
        if target is None:
            target = step(self.rows, self.view, prefer, 1)
        if target is None and self.view.matches:
            target = min(self.view.matches)
        self.query_one(ClauseOutline).show(self.rows, self.view, target)
        self.query_one(OutlineStatus).show(self.comparison, self.view, len(self.rows), self.filters)
        self.current = target

    def watch_current(self, row: int | None) -> None:
        if not (found := self.query(RedlineView)):
            return  # shutting down: the widgets are gone
        redline = found.first()
        if row is None or self.comparison is None:
            redline.show_nothing("No clause matches the filters (x clears them).")
            return
        self._anchor = row
        titles = (self.versions.label(self.pair[0]), self.versions.label(self.pair[1]))
        redline.show(self.rows[row], self.comparison, query=self.filters.query, titles=titles)
        self.query_one(ClauseOutline).select_row(row)

    def on_clause_outline_clause_highlighted(
        self, message: ClauseOutline.ClauseHighlighted
    ) -> None:
        # Messages queue: act only if the outline's cursor is still there (the app may
        # have moved it since, with `n` or a filter).
        outline = self.query(ClauseOutline)  # empty while shutting down
        if outline and message.row == outline.first().cursor_row and message.row != self.current:
            self.current = message.row

    def on_clause_outline_clause_opened(self, message: ClauseOutline.ClauseOpened) -> None:
        self.current = message.row
        self.query_one(RedlineView).focus()

    def on_ledger_panel_party_chosen(self, message: LedgerPanel.PartyChosen) -> None:
        self.filters = replace(self.filters, party=message.party)
        self.query_one(ClauseOutline).focus()

    def on_search_bar_query_entered(self, message: SearchBar.QueryEntered) -> None:
        self.filters = replace(self.filters, query=message.query)
        self.query_one(ClauseOutline).focus()

    def on_search_bar_search_cancelled(self) -> None:
        self.query_one(ClauseOutline).focus()

    # ---- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self._need_comparison and self.comparison is None:
            return None  # shown, greyed out, until the first comparison is on screen
        return True

    def action_next_change(self) -> None:
        self._step(1)

    def action_previous_change(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        target = step(self.rows, self.view, self.current, direction)
        if target is None:
            self.notify("No change matches the filters.", severity="warning")
            return
        current = self.current
        if current is not None and (target - current) * direction <= 0:
            # Past the last change (or before the first): say so, or the reader takes
            # the first change for one more.
            where = "first" if direction > 0 else "last"
            end = "end" if direction > 0 else "start"
            self.notify(f"Wrapped around: past the {end}, back to the {where} change.")
        self.current = target

    def action_toggle_obligations(self) -> None:
        self.filters = replace(self.filters, obligations=not self.filters.obligations)

    def action_toggle_guarantees(self) -> None:
        self.filters = replace(self.filters, guarantees=not self.filters.guarantees)

    def action_next_party(self) -> None:
        self.filters = self.filters.next_party(self.parties)

    def action_next_severity(self) -> None:
        self.filters = self.filters.next_severity()

    def action_toggle_cosmetic(self) -> None:
        self.filters = replace(self.filters, hide_cosmetic=not self.filters.hide_cosmetic)

    def action_toggle_unchanged(self) -> None:
        self.filters = replace(self.filters, changed_only=not self.filters.changed_only)

    def action_clear_filters(self) -> None:
        self.filters = Filters()

    def action_search(self) -> None:
        self.query_one(SearchBar).open(self.filters.query)

    def action_toggle_side_by_side(self) -> None:
        self.side_by_side = not self.side_by_side

    def watch_side_by_side(self, side_by_side: bool) -> None:
        self.query_one(RedlineView).side_by_side = side_by_side

    def action_toggle_ledger(self) -> None:
        self.show_ledger = not self.show_ledger

    def watch_show_ledger(self, show: bool) -> None:
        self.set_class(show, "-show-ledger")

    def action_focus_outline(self) -> None:
        self.query_one(ClauseOutline).focus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    @work(exclusive=True, group="export")
    async def action_export(self) -> None:
        """Write the report of the pair on screen into the report folder."""
        if self.comparison is None:
            return
        try:
            # A plain thread (joined at exit): quitting must never cut a report in half.
            path = await asyncio.to_thread(write_report, self.comparison, self.report_folder)
        except DraftdiffError as err:
            self.show_error("Cannot write the report", str(err))
        except Exception as err:  # a bug in a renderer: say so, keep the browser open
            self.show_error("Internal error", f"{type(err).__name__}: {err}\n\nPlease report this.")
        else:
            self.notify(f"Report written: {path}", title="Export")

    def action_history(self) -> None:
        if self.current is not None:
            self.open_history(self.pair, self.rows[self.current])

    @work(exclusive=True, group="history")
    async def open_history(self, key: PairKey, row: Row) -> None:
        """Show a clause across every version (comparing consecutive ones if need be)."""
        keys = self.versions.consecutive()
        if not await self._fetch(keys):
            return
        version, ids = (key[1], row.pair.new) if row.side == "new" else (key[0], row.pair.old)
        consecutive = [self.versions.comparison(k) for k in keys]
        steps = clause_history(consecutive, version, ids)
        title = f"History of {', '.join(ids)} ({self.versions.label(version)})"
        self.push_screen(HistoryScreen(title, steps, self.versions, consecutive))

    @work(exclusive=True, group="history")
    async def action_trend(self) -> None:
        """Show (or hide) every version's ledger beside the redline."""
        panel = self.query_one(LedgerTrendPanel)
        if panel.display:
            panel.display = False
            return
        keys = self.versions.consecutive()
        if await self._fetch(keys):
            labels = [f"v{k + 1}" for k in range(len(self.versions))]
            panel.show([self.versions.comparison(k) for k in keys], labels, self.pair)
            panel.display = True

    def action_pick_pair(self) -> None:
        def picked(key: PairKey | None) -> None:
            if key is not None and key != self.pair:
                self.open_pair(key)

        self.push_screen(VersionPicker(self.versions, self.pair), picked)

    def action_previous_pair(self) -> None:
        self._neighbour_pair(-1)

    def action_next_pair(self) -> None:
        self._neighbour_pair(1)

    def _neighbour_pair(self, direction: int) -> None:
        """The consecutive pair before or after this one. From a wider pair (v1 → v3),
        `[` narrows to its first step (v1 → v2) and `]` to its last (v2 → v3)."""
        old, new = self.pair
        if new - old > 1:
            target = (old, old + 1) if direction < 0 else (new - 1, new)
        else:
            target = (old + direction, new + direction)
        if target[0] >= 0 and target[1] < len(self.versions):
            self.open_pair(target)
        else:
            self.notify("No other pair of consecutive versions that way.", severity="warning")

    # ---- command palette ----------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every binding's action by name, then Textual's own commands."""
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.action in ("quit", "focus_outline"):
                continue
            key = self.get_key_display(binding)
            yield SystemCommand(
                _command_title(binding), f"key: {key}", partial(self.run_action, binding.action)
            )
        yield from super().get_system_commands(screen)


def _rows_and_labels(comparison: Comparison) -> tuple[tuple[Row, ...], dict[int, Text]]:
    rows = build_rows(comparison)
    return rows, {row.index: outline_label(row) for row in rows}


_COMMAND_TITLES = {
    "next_change": "Next change",
    "previous_change": "Previous change",
    "toggle_obligations": "Filter: obligations only",
    "toggle_guarantees": "Filter: guarantees only",
    "next_party": "Filter: next party",
    "next_severity": "Filter: next severity",
    "toggle_cosmetic": "Filter: hide cosmetic changes",
    "toggle_unchanged": "Filter: changed clauses only",
    "clear_filters": "Filter: clear all",
    "search": "Search clause text",
    "toggle_side_by_side": "View: side by side",
    "toggle_ledger": "View: party ledger",
    "export": "Export the report",
    "history": "History of this clause",
    "trend": "View: ledger trend across versions",
    "pick_pair": "Pick the versions to compare",
    "previous_pair": "Previous pair of versions",
    "next_pair": "Next pair of versions",
    "help": "Help: keys and legends",
}


def _command_title(binding: Binding) -> str:
    return _COMMAND_TITLES.get(binding.action, binding.description)
