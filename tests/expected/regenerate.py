"""Rewrites the expected comparisons of the sample drafts (run: make expected).

The JSON files beside this script are checked in and reviewed as a diff whenever
draftdiff's output for the samples changes: the diff *is* the review.
"""

from __future__ import annotations

import os
from pathlib import Path

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_file
from draftdiff.render.json import render_json

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

PAIRS = {
    "fund-v1-v2.json": ("samples/fund-v1-early.md", "samples/fund-v2-middle.md"),
    "fund-v2-v3.json": ("samples/fund-v2-middle.md", "samples/fund-v3-final.md"),
}


def render(old: str, new: str) -> str:
    """The JSON comparison, with the relative paths the checked-in files carry."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return render_json(compare(parse_file(old), parse_file(new)))
    finally:
        os.chdir(cwd)


def main() -> None:
    for name, (old, new) in PAIRS.items():
        (HERE / name).write_text(render(old, new), encoding="utf-8")
        print(f"wrote {(HERE / name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
