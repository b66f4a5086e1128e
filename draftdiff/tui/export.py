"""Provides the report the browser's `e` key writes: HTML when draftdiff can build it,
else the draftdiff/1 JSON document.

`report_renderer` is the one place that chooses; once `draftdiff.render.html` has
landed everywhere it can simply return the HTML renderer. No Textual here.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path

from draftdiff.diff.result import Comparison
from draftdiff.output import write_atomic

Renderer = Callable[[Comparison], str]


def report_renderer() -> tuple[str, Renderer]:
    """(file suffix, renderer) of the report to write: HTML if available, else JSON."""
    try:
        html = importlib.import_module("draftdiff.render.html")
    except ModuleNotFoundError as err:
        if err.name != "draftdiff.render.html":
            raise  # the module exists but is broken: a bug to see, not to hide
    else:
        render_html: Renderer | None = getattr(html, "render_html", None)
        if render_html is not None:
            return ".html", render_html
    from draftdiff.render.json import render_json

    return ".json", render_json


def report_name(comparison: Comparison, suffix: str) -> str:
    """ "draftdiff-fund-v2-middle-vs-fund-v3-final.html": both stems, safe for any shell."""

    def stem(path: str) -> str:
        return re.sub(r"[^\w.-]+", "_", Path(path).stem) or "draft"

    return f"draftdiff-{stem(comparison.old.path)}-vs-{stem(comparison.new.path)}{suffix}"


def write_report(comparison: Comparison, folder: Path) -> Path:
    """Write the report into `folder` (whole or not at all); OutputError if it cannot."""
    suffix, render = report_renderer()
    target = folder / report_name(comparison, suffix)
    write_atomic(target, render(comparison), inputs=(comparison.old.path, comparison.new.path))
    return target
