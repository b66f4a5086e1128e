"""Provides the before → after numbering table of bench/results/docx_numbering.md.

    .venv/bin/python -m bench.docx_numbering_report BEFORE.tsv AFTER.tsv > OUT.md

Both inputs are `python -m bench.docx_numbering_oracle --corpus --table FILE` runs
over the same corpus (one before a rule change, one after). The output has the
totals per split (dev, held-out) and kind (legal, other), then one row per file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    sha: str
    split: str
    legal: bool
    file: str
    numbered: int
    right: int
    """Labels that are Word's: agreeing with LibreOffice, or its known deviation."""
    known: int
    note: str


def read(path: Path) -> dict[str, Row]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        sha, split, legal, file, numbered, agree, known, note = line.split("\t")
        known_count = int(known or 0)
        rows[sha] = Row(
            sha,
            split,
            legal == "1",
            file,
            int(numbered or 0),
            int(agree or 0) + known_count,
            known_count,
            note,
        )
    return rows


def _rate(right: int, numbered: int) -> str:
    return f"{right / numbered:.2%}" if numbered else "–"


def render(before: dict[str, Row], after: dict[str, Row]) -> str:
    out = [
        "| split | kind | files | numbered labels | right before | right after |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for split in ("dev", "held-out"):
        for kind in ("legal", "other", "all"):
            chosen = [
                r
                for r in after.values()
                if r.split == split
                and not r.note
                and (kind == "all" or r.legal == (kind == "legal"))
            ]
            numbered = sum(r.numbered for r in chosen)
            right_after = sum(r.right for r in chosen)
            right_before = sum(before[r.sha].right for r in chosen if r.sha in before)
            out.append(
                f"| {split} | {kind} | {len(chosen)} | {numbered} | "
                f"{right_before} ({_rate(right_before, numbered)}) | "
                f"{right_after} ({_rate(right_after, numbered)}) |"
            )
    out += [
        "",
        "Per file (numbered paragraphs > 0; `known` = labels where LibreOffice 7.4 prints what "
        "its known deviation from Word gives, counted as right):",
        "",
        "| split | legal | file | numbered | right before | right after | known |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    ordered = sorted(after.values(), key=lambda r: (r.split, not r.legal, r.file))
    for row in ordered:
        if row.note:
            out.append(
                f"| {row.split} | {'yes' if row.legal else ''} | {row.file} | {row.note} ||||"
            )
            continue
        if not row.numbered:
            continue
        old = before.get(row.sha)
        was = "–" if old is None else ("not read" if old.note else str(old.right))
        out.append(
            f"| {row.split} | {'yes' if row.legal else ''} | {row.file} | {row.numbered} | "
            f"{was} | {row.right} | {row.known or ''} |"
        )
    return "\n".join(out) + "\n"


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(render(read(Path(argv[0])), read(Path(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
