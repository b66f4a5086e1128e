"""Provides the report the browser's `e` key writes: the self-contained HTML change
report (`draftdiff.render.html`), the same file `draftdiff report` writes. No Textual here.
"""

from __future__ import annotations

import re
from pathlib import Path

from draftdiff.diff.result import Comparison
from draftdiff.output import write_atomic


def report_name(comparison: Comparison, suffix: str) -> str:
    """ "draftdiff-fund-v2-middle-vs-fund-v3-final.html": both stems, safe for any shell."""

    def stem(path: str) -> str:
        return re.sub(r"[^\w.-]+", "_", Path(path).stem) or "draft"

    return f"draftdiff-{stem(comparison.old.path)}-vs-{stem(comparison.new.path)}{suffix}"


def write_report(comparison: Comparison, folder: Path) -> Path:
    """Write the report into `folder` (whole or not at all); OutputError if it cannot."""
    from draftdiff.render.html import render_html  # Jinja2 loads when a report is asked for

    target = folder / report_name(comparison, ".html")
    inputs = (comparison.old.path, comparison.new.path)
    write_atomic(target, render_html(comparison), inputs=inputs)
    return target
