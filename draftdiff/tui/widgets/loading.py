"""Provides the loading panel: what the background work is doing, with a progress bar."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static


class LoadingPanel(Vertical):
    """Shown while drafts are read and compared; the rest of the app stays usable."""

    stage = ""
    started = 0.0

    def compose(self) -> ComposeResult:
        yield Static(id="loading-stage")
        yield ProgressBar(id="loading-bar", show_eta=False)

    def on_mount(self) -> None:
        # The seconds tick while the loader works: the screen is alive, not frozen.
        self._timer = self.set_interval(0.5, self._tick, pause=True)

    def start(self, stage: str) -> None:
        self.started = time.monotonic()
        self.show_progress(stage, 0, 1)
        self._timer.resume()

    def stop(self) -> None:
        self._timer.pause()

    def show_progress(self, stage: str, done: int, total: int) -> None:
        self.stage = stage
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self._tick()

    def _tick(self) -> None:
        elapsed = time.monotonic() - self.started
        line = Text(f"{self.stage}…  ")
        line.append(f"{elapsed:.0f} s", "dim")
        self.query_one("#loading-stage", Static).update(line)
