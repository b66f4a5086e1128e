"""Provides the clause outline: the new version's clause tree, removed clauses in place,
each row marked by status and semantic badges; and the lines above it that sum up the
comparison and say what the filters leave.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text, TextType
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from draftdiff.diff.result import Comparison, Status
from draftdiff.tui.model import Filters, Row, View
from draftdiff.tui.texts import DIM, STATUS_MARK, STATUS_STYLE, outline_label


class ClauseOutline(Tree[int]):
    """The outline of clause pairs; each node's data is its row index."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "open_clause", "Open clause", show=False),
    ]

    @dataclass
    class ClauseHighlighted(Message):
        """The cursor moved to another clause."""

        row: int

    @dataclass
    class ClauseOpened(Message):
        """Enter was pressed on a clause: the reader wants to read it."""

        row: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("clauses"), id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._row_nodes: dict[int, TreeNode[int]] = {}
        self._rows: Sequence[Row] = ()
        self._labels: dict[tuple[int, bool], Text] = {}
        """Labels already styled, by (row, dimmed as context): a filter lifted on a long
        document rebuilds tens of thousands of nodes, and styling is most of the cost."""

    def process_label(self, label: TextType) -> Text:
        # Labels are built as one-line Text (texts.outline_label): no markup to parse and
        # no line to split off, which Tree would otherwise do for each of 25,000 rows.
        return label if isinstance(label, Text) else Text(label)

    def get_label_width(self, node: TreeNode[int]) -> int:
        # Only the widest line matters (the virtual width), and overflow-x is hidden:
        # the characters count is enough, without styling every label to measure it.
        return len(node._label.plain)

    @property
    def shown_rows(self) -> tuple[int, ...]:
        """Row indexes of the nodes the outline holds, in order."""
        return tuple(self._row_nodes)

    @property
    def cursor_row(self) -> int | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def prime(self, rows: Sequence[Row], labels: Mapping[int, Text]) -> None:
        """Take labels styled elsewhere (the loader's thread) for the rows as matches."""
        self._rows = rows
        self._labels = {(index, False): label for index, label in labels.items()}

    def show(self, rows: Sequence[Row], view: View, select: int | None) -> None:
        """Rebuild the outline for `view` and put the cursor on row `select`."""
        self.clear()
        self._row_nodes = {}
        if rows is not self._rows:
            self._rows, self._labels = rows, {}
        parents = {rows[i].parent for i in view.shown}
        for index in view.shown:
            row = rows[index]
            under = self.root if row.parent is None else self._row_nodes.get(row.parent, self.root)
            key = (index, index not in view.matches)
            label = self._labels.get(key)
            if label is None:
                label = self._labels[key] = outline_label(row, context=key[1])
            if index in parents:
                node = under.add(label, data=index, expand=True)
            else:
                node = under.add_leaf(label, data=index)
            self._row_nodes[index] = node
        self.root.expand()
        self.select_row(select)

    def select_row(self, index: int | None) -> None:
        """Move the cursor to a row's node. After a rebuild the cursor would otherwise
        stay on the same *line*, which is now another clause (TESTING.md §1.4)."""
        node = self._row_nodes.get(index) if index is not None else None
        if node is None:
            return
        # Reading last_line lays the tree out, so that the node knows its line.
        if self.last_line >= 0 and self.cursor_node is not node:
            self.move_cursor(node)
            self._centred = node
            # After the next refresh, when a rebuilt tree knows its height.
            self.call_after_refresh(self._centre)

    _centred: TreeNode[int] | None = None
    """The node a jump (n, a filter, a search) landed on, kept mid-pane among its
    neighbours until the reader moves on."""

    def _centre(self) -> None:
        node = self._centred
        if node is not None and node is self.cursor_node and node.line >= 0:
            # Computed here: Tree's own centring rounds differently from different
            # starting offsets, so the same jump could land one line apart.
            middle = (self.scrollable_content_region.height - 1) // 2
            self.scroll_to(y=max(0, node.line - middle), animate=False)

    def on_resize(self) -> None:
        # The lines above the outline change height with the comparison and the filters;
        # centre again in the final size, or the jump lands where the old size put it.
        self.call_after_refresh(self._centre)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        event.stop()
        # Only the node under the cursor now: a message about a node the cursor has since
        # left (or one of a tree since rebuilt) would drag the app back to a stale clause.
        if event.node is self.cursor_node and event.node.data is not None:
            self.post_message(self.ClauseHighlighted(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        # A click selects as well as highlights; highlighting already shows the clause.
        event.stop()

    def action_open_clause(self) -> None:
        if self.cursor_row is not None:
            self.post_message(self.ClauseOpened(self.cursor_row))


class OutlineStatus(Static):
    """Above the outline: clause counts by status, notes on the inputs, active filters."""

    def show(self, comparison: Comparison, view: View, total: int, filters: Filters) -> None:
        counts = comparison.status_counts()
        text = Text()
        for status in Status:
            if status is not Status.UNCHANGED and counts.get(status.value):
                text.append(f"{STATUS_MARK[status]}{counts[status.value]} ", STATUS_STYLE[status])
                text.append(f"{status.value}  ", DIM)
        if not text:
            text.append("No clause changed.", DIM)
        substantive = len(comparison.substantive)
        text.append(f"\n{substantive} substantive change{'s' if substantive != 1 else ''}")
        for document in (comparison.old, comparison.new):
            for note in ([document.fallback] if document.fallback else []) + list(document.notes):
                text.append(f"\n⚠ {document.path}: {note}", Style(color="#e5c07b"))
        if filters.active:
            text.append("\nFilter: ", DIM)
            text.append(filters.describe(), Style(bold=True))
            text.append(f" · {len(view.matches)} of {total} shown", DIM)
        self.update(text)
