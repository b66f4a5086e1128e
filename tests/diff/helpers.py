"""Builds small documents from lines of text, one block per line."""

from __future__ import annotations

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.model import Block, BlockKind, Document
from draftdiff.parse.document import document_from_blocks


def doc(*lines: str, path: str = "doc.md") -> Document:
    blocks = []
    for line in lines:
        if line.startswith("## "):
            blocks.append(Block(line[3:], line + "\n\n", 0, kind=BlockKind.HEADING, heading=2))
        else:
            blocks.append(Block(line, line + "\n\n", 0))
    return document_from_blocks(blocks, path=path, fmt="markdown", schema="agreement")


def diff(old: list[str], new: list[str]) -> Comparison:
    return compare(doc(*old, path="old.md"), doc(*new, path="new.md"))


def statuses(comparison: Comparison) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(p.status.value, p.old, p.new) for p in comparison.pairs]
