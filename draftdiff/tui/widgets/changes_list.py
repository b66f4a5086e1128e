"""Provides the list of a clause's changes shown under its redline, with their evidence."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from draftdiff.diff.result import Change, Comparison
from draftdiff.tui.texts import changes_text


class ChangesList(Static):
    """Each change of the selected clause: severity, code, party, summary, and the
    words it rests on highlighted in their sentence."""

    changes: tuple[Change, ...] = ()
    """The changes shown."""

    def show(self, changes: Sequence[Change], comparison: Comparison) -> None:
        self.changes = tuple(changes)
        self.update(changes_text(changes, comparison))
