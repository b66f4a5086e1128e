"""Provides the line bookkeeping shared by the line-based readers.

A reader decides where blocks start (a line index) and what each says; `assemble` cuts
the source into `Block.raw` slices at those lines, so that concatenating the raws always
rebuilds the text exactly, whatever the reader decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftdiff.model import Block, BlockKind

# The line breaks markdown-it recognises (it turns "\r\n" and "\r" into "\n" before
# numbering lines), so its token line maps index the same lines as this list.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its own line ending ("\\r\\n", "\\r" or "\\n")."""
    return _LINE.findall(text)


def strip_ending(line: str) -> str:
    """A line without its line ending."""
    return line.rstrip("\r\n")


@dataclass(frozen=True)
class Piece:
    """What a reader found starting at one source line, before raw slices are cut."""

    line: int
    """0-based index of the line where the block starts."""
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    label: str = ""
    depth: int = 0
    heading: int = 0


def assemble(text: str, lines: list[str], pieces: list[Piece]) -> tuple[tuple[Block, ...], str]:
    """Blocks whose raws cut `text` at the pieces' start lines, plus the trailer.

    A piece with empty text yields no block: its lines stay in the raw of the block before
    it (or of the first block, when nothing precedes it). Pieces must come in line order;
    one starting on the same line as the previous piece is merged into it, so a reader's
    oddity can never break the rebuild. The trailer is the whole text when no block has
    any text (an empty or blank file), else "".
    """
    kept: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if kept and piece.line <= kept[-1].line:
            previous = kept[-1]
            kept[-1] = Piece(
                previous.line,
                f"{previous.text} {piece.text}",
                previous.kind,
                previous.label,
                previous.depth,
                previous.heading,
            )
            continue
        kept.append(piece)
    if not kept:
        return (), text
    offsets = [0] * (len(lines) + 1)
    position = 0
    for index, line in enumerate(lines):
        offsets[index] = position
        position += len(line)
    offsets[len(lines)] = position
    starts = [0] + [offsets[min(piece.line, len(lines))] for piece in kept[1:]] + [len(text)]
    blocks = tuple(
        Block(
            text=piece.text,
            raw=text[starts[index] : starts[index + 1]],
            line=piece.line + 1,
            kind=piece.kind,
            label=piece.label,
            depth=piece.depth,
            heading=piece.heading,
        )
        for index, piece in enumerate(kept)
    )
    return blocks, ""
