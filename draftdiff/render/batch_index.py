"""Provides the index page of a batch (`draftdiff batch`): every pair in one table.

One self-contained file, like the change report (html.py): the CSS and JavaScript
under templates/ are inlined and the Content-Security-Policy allows only those two
blocks, by hash. Names and paths from the manifest reach the page only through
Jinja2's autoescaping. The table is in worst-first order (batch/summary.py) as
written, so it reads right without JavaScript; the script only sorts by a clicked
column and filters rows by text and by outcome.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from draftdiff import __version__
from draftdiff.batch.summary import worst_first
from draftdiff.render.page import asset, csp, template


@dataclass(frozen=True)
class RowView:
    rank: int
    """Place in the worst-first order, from 1."""
    summary: Mapping[str, Any]
    href: str
    """The pair's own report (HTML, else JSON), relative to the index; "" when none."""
    old: str
    new: str
    """The paths less the folder all of the batch's inputs share (shown in the header)."""

    @property
    def outcome(self) -> str:
        """failed | violation | changed | unchanged: the row's class and filter value."""
        if self.summary["status"] == "failed":
            return "failed"
        if self.summary["violations"]:
            return "violation"
        return "changed" if self.summary["substantive"] else "unchanged"

    @property
    def balance(self) -> str:
        share = self.summary["one_sidedness"]["new"]
        return "" if share is None else f"{share:.0%}"

    @property
    def first_violation(self) -> str:
        found = self.summary["violations"]
        return found[0]["message"] if found else ""


def render_batch_index(summaries: Sequence[Mapping[str, Any]], title: str) -> str:
    ordered = sorted(summaries, key=worst_first)
    folder = _shared_folder([p for s in ordered for p in (s["old"], s["new"])])
    rows = [
        RowView(n + 1, s, _href(s), _within(s["old"], folder), _within(s["new"], folder))
        for n, s in enumerate(ordered)
    ]
    css, js = asset("batch_index.css"), asset("batch_index.js")
    counts = {
        outcome: sum(1 for r in rows if r.outcome == outcome)
        for outcome in ("failed", "violation", "changed", "unchanged")
    }
    return template("batch_index.html.j2").render(
        title=title,
        folder=folder,
        rows=rows,
        counts=counts,
        generator=f"draftdiff {__version__}",
        css=Markup(css),
        js=Markup(js),
        csp=csp(css, js),
    )


def _shared_folder(paths: Sequence[str]) -> str:
    """The folder every path is in ("" when they share none, or one is a git revision)."""
    try:
        shared = os.path.commonpath([str(Path(p).parent) for p in paths]) if paths else ""
    except ValueError:  # relative and absolute paths mixed
        return ""
    return "" if shared in ("", ".", os.sep) or any(":" in p for p in paths) else shared


def _within(path: str, folder: str) -> str:
    return os.path.relpath(path, folder) if folder else path


def _href(summary: Mapping[str, Any]) -> str:
    reports = summary.get("reports") or {}
    return str(reports.get("html") or reports.get("json") or "")
