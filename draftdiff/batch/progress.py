"""Provides the progress of a batch on stderr: a bar with an ETA on a terminal, otherwise
a plain line now and then (a CI log wants lines, not a redrawn bar).

Lines about single pairs (a failure's reason) go through `note`, so they print above
the bar instead of through it.
"""

from __future__ import annotations

import sys
import time
from typing import Any

PLAIN_EVERY = 10.0
"""Seconds between two plain progress lines."""


class Progress:
    """Counts finished pairs and shows them."""

    def __init__(self, total: int, *, reused: int = 0, label: str = "pairs") -> None:
        self.total = total
        self.done = reused
        self.reused = reused
        self.failed = 0
        self.label = label
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Progress:
        if sys.stderr.isatty() and self.total > self.done:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[bold]draftdiff batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[failed]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("pairs", total=self.total, completed=self.done, failed="")
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def advance(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self.bar is not None:
            self.bar.update(
                self.task, advance=1, failed=f"{self.failed} failed" if self.failed else ""
            )
            return
        now = time.monotonic()
        if now - self.last_line >= PLAIN_EVERY and self.done < self.total:
            self.last_line = now
            sys.stderr.write(self.line(now) + "\n")
            sys.stderr.flush()

    def line(self, now: float) -> str:
        elapsed = now - self.started
        rate = (self.done - self.reused) / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        return (
            f"draftdiff batch: {self.done}/{self.total} {self.label}{failed}, "
            f"{rate:.1f}/s, ETA {_duration(left)}"
        )

    def note(self, text: str) -> None:
        """One line about a pair, above the bar."""
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"
