"""Provides `read_text`: a plain-text agreement as a flat sequence of blocks.

Plain-text agreements come in two layouts, and the reader first decides which one it has:

- *hard-wrapped* (MPL-2.0, CC-BY-3.0): lines end near a fixed width, paragraphs are
  separated by blank lines, and a paragraph's lines are joined back into one text;
- *one line per paragraph* (most SPDX texts, CUAD extractions): lines are long and
  ragged, and every line break inside a run of lines is a paragraph break.

Inside a run of non-blank lines a new block starts at a line that opens with a typed
marker ("1.1", "(a)", "Section 3", "§ 3", a bullet) when the layout shows it is meant
(see `_starts_block`), at a line after which the next word would still have fitted, and
at setext-style headings ("Title" over "====="). Indentation gives the depth.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from draftdiff.model import Block, BlockKind
from draftdiff.parse.cleanup import clean_text
from draftdiff.parse.lines import Piece, assemble, split_lines, strip_ending
from draftdiff.parse.markers import Marker, ends_clause, find_marker

# A document whose 90th-percentile line is longer than this is not hard-wrapped: nobody
# wraps wider than ~132 columns, while one-line paragraphs run to hundreds of characters.
_MAX_WRAP_WIDTH = 150
# A greedy wrapper breaks a line only when the next word does not fit. Ragged right
# margins (text copied from PDFs, hand-wrapped drafts) need some slack on top of that.
_SLACK_FRACTION = 0.1
# Centred titles ("Preamble" at column 28) are display lines, not nested text.
_DISPLAY_INDENT = 16
_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 12

_RULE = re.compile(r"(?:[-=*_~#•·+]\s*){3,}")
# "*   text   *": a line of a box; the inner text starts and ends with a space.
_FRAME = re.compile(r"\s*(?P<char>[*|])(?P<inner>(?:\s.*\s|\s*))(?P=char)\s*")
_BOX_EDGE = re.compile(r"\s*(?:\*{3,}|\+[-+]{2,}\+)\s*")
# Page furniture left by PDF or Word exports ("- 2 -", "PAGE 3", "Page 4 of 9").
_PAGE_NUMBER = re.compile(r"-\s*\d{1,4}\s*-|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?", re.IGNORECASE)
_UNDERLINE = re.compile(r"={3,}|-{3,}")
# A line ending in one of these words is continued by a number, not followed by a new
# clause: "... as set out in Section\n3.2 of ...", "... nach\n§ 3 ...".
_REFERENCE_WORDS = frozenset(
    {
        *("section", "sections", "article", "articles", "art.", "clause", "clauses"),
        *("subclause", "sub-clause", "paragraph", "paragraphs", "para.", "subparagraph"),
        *("sub-paragraph", "subsection", "sub-section", "schedule", "exhibit", "annex"),
        *("appendix", "item", "items", "part", "parts", "chapter", "chapters", "point"),
        *("points", "page", "pages", "rule", "no.", "nos.", "number", "numbers", "§", "§§"),
        # prepositions that take a number: "... the term of\n3 years"
        *("of", "in", "to", "under", "by", "with", "from", "see", "than", "per", "pursuant"),
        *("at", "on"),
        # German: "... im Sinne des\n§ 5 Abs. 3"
        *("des", "der", "dem", "den", "nach", "gemäß", "gem.", "im", "vom", "von", "laut"),
        *("abs.", "absatz", "satz", "nr.", "artikel"),
    }
)


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank source line, measured."""

    index: int
    text: str
    """Content with tabs expanded, indentation and trailing spaces removed."""
    indent: int
    """Columns before the text, or before the frame of a boxed line (the depth)."""
    end: int
    """Column where the text ends, frame excluded (how full the line is)."""
    marker: Marker | None
    underline: int
    """1 for a line of "=", 2 for a line of "-", else 0 (setext heading levels)."""
    rule: bool
    """A line of only punctuation such as "-----" or "* * *": a separator, no text."""


@dataclass(frozen=True)
class _Layout:
    """How the document is wrapped."""

    width: int | None
    """Wrap width of a hard-wrapped document; None when each line is a paragraph."""

    def fits(self, previous: _Line, line: _Line) -> bool:
        """Would the first word of `line` have fitted at the end of `previous`?"""
        if self.width is None:
            return True
        word = line.text.split(maxsplit=1)[0]
        limit = self.width - max(2, int(self.width * _SLACK_FRACTION))
        return previous.end + 1 + len(word) <= limit

    def short(self, line: _Line) -> bool:
        """Is `line` well short of the wrap width (a title, an address line)?"""
        return self.width is None or line.end * 2 <= self.width


@dataclass(frozen=True)
class _Group:
    """The lines of one block, and its setext heading level if it is one."""

    lines: tuple[_Line, ...]
    setext: int = 0
    rule: bool = False


def read_text(text: str) -> tuple[tuple[Block, ...], str]:
    """Read plain text into blocks; returns (blocks, trailer).

    Concatenating the blocks' raws and the trailer gives back `text` exactly.
    """
    source = split_lines(text)
    contents = [strip_ending(line).expandtabs(4) for line in source]
    framed = _framed_lines(contents)
    lines = [_measure(index, content, index in framed) for index, content in enumerate(contents)]
    present = [line for line in lines if line is not None]
    layout = _layout(present)
    groups = list(_groups(_runs(lines), layout))
    depths = _depths(groups)
    pieces = [_piece(group, depths) for group in groups]
    return assemble(text, source, pieces)


def _framed_lines(contents: list[str]) -> set[int]:
    """Lines inside a box drawn with "*" or "|" (MPL-2.0's disclaimers), frame included.

    A single "* text *" line may be emphasis or a bullet; only three or more framed
    lines in a row make a box.
    """
    framed: set[int] = set()
    streak: list[int] = []
    for index, content in enumerate([*contents, ""]):
        if _FRAME.fullmatch(content) or (streak and _BOX_EDGE.fullmatch(content)):
            streak.append(index)
            continue
        if len(streak) >= 3:
            framed.update(streak)
        streak = [index] if _BOX_EDGE.fullmatch(content) else []
    return framed


def _measure(index: int, content: str, framed: bool) -> _Line | None:
    indent = len(content) - len(content.lstrip())
    text = content.strip()
    end = indent + len(text)
    frame = _FRAME.fullmatch(content) if framed else None
    if frame is not None:
        inner = frame.group("inner")
        text = inner.strip()
        end = frame.start("inner") + len(inner.rstrip())
    if not text:
        return None
    underline = 0
    if _UNDERLINE.fullmatch(text):
        underline = 1 if text[0] == "=" else 2
    return _Line(
        index=index,
        text=text,
        indent=indent,
        end=end,
        marker=find_marker(text),
        underline=underline,
        rule=bool(_RULE.fullmatch(text)),
    )


def _layout(lines: list[_Line]) -> _Layout:
    widths = sorted(line.end for line in lines if not line.rule)
    if not widths:
        return _Layout(None)
    # The 90th percentile ignores the odd long URL; rounding up makes it the longest line
    # of a short text, where one outlier is all there is.
    typical = widths[math.ceil(0.9 * (len(widths) - 1))]
    return _Layout(typical if typical <= _MAX_WRAP_WIDTH else None)


def _runs(lines: list[_Line | None]) -> Iterator[list[_Line]]:
    """Runs of consecutive non-blank lines."""
    run: list[_Line] = []
    for line in lines:
        if line is None:
            if run:
                yield run
                run = []
        else:
            run.append(line)
    if run:
        yield run


def _groups(runs: Iterator[list[_Line]], layout: _Layout) -> Iterator[_Group]:
    """Split each run of lines into the groups that become blocks."""
    last: dict[str, Marker] = {}  # the latest block-opening marker of each style
    recent: list[str] = []  # styles of the last two block-opening markers
    for run in runs:
        group: list[_Line] = []
        for line in run:
            if not group:
                if line.rule:
                    yield _Group((line,), rule=True)
                    continue
                group = [line]
                _remember(line, last, recent)
                continue
            previous = group[-1]
            if line.underline and _is_setext(previous, line):
                if len(group) > 1:
                    yield _Group(tuple(group[:-1]))
                yield _Group((previous, line), setext=line.underline)
                group = []
            elif line.rule:
                yield _Group(tuple(group))
                yield _Group((line,), rule=True)
                group = []
            elif _starts_block(previous, len(group) == 1, line, layout, last, recent):
                yield _Group(tuple(group))
                group = [line]
                _remember(line, last, recent)
            else:
                group.append(line)
        if group:
            yield _Group(tuple(group))


def _remember(line: _Line, last: dict[str, Marker], recent: list[str]) -> None:
    if line.marker is not None:
        last[line.marker.style] = line.marker
        recent[:] = [*recent[-1:], line.marker.style]


def _is_setext(previous: _Line, underline: _Line) -> bool:
    # A short "---" under a long line is a separator, not a heading underline.
    return not previous.rule and len(underline.text) * 2 >= len(previous.text)


def _starts_block(
    previous: _Line,
    opens_group: bool,
    line: _Line,
    layout: _Layout,
    last: dict[str, Marker],
    recent: list[str],
) -> bool:
    """Does `line` start a new block, or continue the block that `previous` ends?

    `opens_group` says that `previous` is the first line of its block.
    """
    if previous.text.rsplit(maxsplit=1)[-1].lower() in _REFERENCE_WORDS:
        return False
    if opens_group and _bare_heading_number(previous) and _is_title_line(line):
        # "ARTICLE 1" over "DEFINITIONS": one heading, the title under its number.
        return False
    ends_sentence = ends_clause(previous.text)
    fits = layout.fits(previous, line)
    # A deeper second line continues a first line that opens with a marker or a term:
    # '1.1. "Contributor"' over '    means each individual ...' (MPL-2.0).
    hanging = (
        opens_group
        and line.indent > previous.indent
        and (previous.marker is not None or not ends_sentence)
    )
    if line.marker is not None:
        if ends_sentence or fits or _continues_list(line.marker, last, recent):
            return True
        return line.indent != previous.indent and not hanging
    if hanging:
        return False
    return fits and (ends_sentence or layout.short(previous))


def _bare_heading_number(line: _Line) -> bool:
    """A line that is only a worded number: "ARTICLE 1", "Section 4.", "PART II"."""
    marker = line.marker
    return (
        marker is not None
        and marker.style.isalpha()
        and line.text.rstrip(".:") == marker.text.rstrip(".:")
    )


def _is_title_line(line: _Line) -> bool:
    """A short line with no marker of its own that can title the number above it."""
    return (
        line.marker is None
        and len(line.text) <= _HEADING_MAX_CHARS
        and len(line.text.split()) <= _HEADING_MAX_WORDS
        and not ends_clause(line.text)
    )


def _continues_list(marker: Marker, last: dict[str, Marker], recent: list[str]) -> bool:
    """Is `marker` the next item after the latest marker of its style ("b)" after "a)")?"""
    previous = last.get(marker.style)
    if previous is None:
        return False
    if not marker.values and marker.style not in recent:
        # A dash opening a wrapped line ("... the Licence\n— for example ...") is only
        # a bullet when bullets of that kind have just been used.
        return False
    return marker.follows(previous)


def _depths(groups: list[_Group]) -> dict[int, int]:
    """Depth for each first-line indentation: distinct widths ranked, neighbours merged.

    Widths one column apart are one level: right-aligned roman numerals ("   iii.",
    "    ii.") and a one-space margin are layout noise, not nesting.
    """
    widths = sorted({group.lines[0].indent for group in groups if not _is_display(group)})
    depths: dict[int, int] = {}
    level = -1
    previous_width: int | None = None
    for width in widths:
        if previous_width is None or width - previous_width > 1:
            level += 1
        depths[width] = level
        previous_width = width
    return depths


def _is_display(group: _Group) -> bool:
    first = group.lines[0]
    return len(group.lines) == 1 and first.marker is None and first.indent >= _DISPLAY_INDENT


def _piece(group: _Group, depths: dict[int, int]) -> Piece:
    first = group.lines[0]
    if group.rule:
        return Piece(first.index, "")
    words = [line.text for line in group.lines if not (group.setext and line.underline)]
    text = clean_text(" ".join(words))
    depth = 0 if _is_display(group) else depths.get(first.indent, 0)
    if group.setext:
        return Piece(first.index, text, BlockKind.HEADING, depth=depth, heading=group.setext)
    if len(group.lines) == 1 and _PAGE_NUMBER.fullmatch(first.text):
        return Piece(first.index, text, BlockKind.OTHER, depth=depth)
    if len(group.lines) == 1 and _is_caps_heading(first):
        return Piece(first.index, text, BlockKind.HEADING, depth=depth)
    if len(group.lines) == 2 and _bare_heading_number(first):
        return Piece(first.index, text, BlockKind.HEADING, depth=depth)
    return Piece(first.index, text, depth=depth)


def _is_caps_heading(line: _Line) -> bool:
    """A short line in capitals ("NO WARRANTY", "1. DEFINITIONS"): a heading of unknown rank."""
    text = line.text
    if len(text) > _HEADING_MAX_CHARS or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    if text.endswith((",", ";")):
        return False
    if line.marker is not None:
        text = text[len(line.marker.text) :]
    cased = [char for char in text if char.lower() != char.upper()]
    return len(cased) >= 2 and all(char.isupper() for char in cased)
