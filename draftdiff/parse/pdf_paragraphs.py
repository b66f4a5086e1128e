"""Provides `paragraphs`: a PDF's body lines joined back into paragraphs.

A line ends its paragraph when the layout says so:

- a wider gap than the usual line pitch follows it (not across a page or column
  break, where the gap means nothing: a sentence running over a page break stays one
  paragraph);
- the first word of the next line would have fitted at its end (a greedy line
  breaker would have put it there), or the next line opens with a clause number
  ("(b)", "2.1") after a line ending a sentence;
- the next line is indented past a continuation line (a first-line indent);
- the type changes between bold and regular at a line boundary (a heading line).

Lines are joined with a space; a line ending in a hyphen is joined without one, and
the hyphen is dropped only when the document spells the joined word without it
elsewhere ("obli-" + "gation"), never for compounds ("third-" + "party").
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from draftdiff.parse.markers import ends_clause, find_marker
from draftdiff.parse.pdf_lines import SUP_CLOSE, SUP_OPEN, Line

# Vertical distance between baselines, in usual pitches, that separates paragraphs.
_PARAGRAPH_GAP = 1.3
# An average character is about half the font size wide.
_CHAR_WIDTH = 0.5
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
_HYPHENATED = re.compile(r"([A-Za-zÀ-ÿ]+)[-\u00ad\u2010]$")
# A line ending in one of these is continued by a number, not followed by a clause.
_REFERENCE_WORDS = frozenset(
    {
        *("section", "sections", "article", "articles", "clause", "clauses", "paragraph"),
        *("paragraphs", "subsection", "schedule", "exhibit", "annex", "appendix", "item"),
        *("part", "§", "§§", "of", "in", "to", "under", "and", "or", "with", "see"),
    }
)
_LIST_JOINER = re.compile(r"[;,]\s*(?:and|or|and/or)$", re.IGNORECASE)
_LEADER = re.compile(r"\s*(?:[.·…_]\s?){4,}\s*")
_CONTENTS_ENTRY = re.compile(r"\S\s*(?:[.·…_]\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$", re.IGNORECASE)
_CLOSING = frozenset(".,;:)]")
_PUNCTUATION = ".,;:()[]{}\"'“”‘’!?"


@dataclass(frozen=True)
class Paragraph:
    """Lines of one paragraph joined."""

    text: str
    """Superscript runs still wrapped in SUP_OPEN/SUP_CLOSE (footnote references)."""
    contents_entry: bool
    """A table-of-contents line ("3.2 Fees ........ 4"): kept, but not a clause."""
    offset: float
    """Its left edge, in points right of its column's left edge (its depth)."""
    page: int
    last_page: int
    size: float
    bold: bool


def paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """The paragraphs of `lines` (body lines in reading order, over all pages)."""
    if not lines:
        return []
    pitch = _pitch(lines)
    edges = _edges(lines)
    vocabulary = Counter(token for line in lines for token in _tokens(line.text))
    out: list[Paragraph] = []
    group: list[Line] = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if _breaks(previous, line, len(group) == 1, pitch, edges):
            out.append(_paragraph(group, vocabulary, edges))
            group = [line]
        else:
            group.append(line)
    out.append(_paragraph(group, vocabulary, edges))
    return out


def _pitch(lines: Sequence[Line]) -> dict[float, float]:
    """The usual baseline distance of consecutive lines, for each font size: the most
    common step (to half a point), not the median, since a list of one-line paragraphs
    has more paragraph gaps than line steps."""
    steps: dict[float, Counter[float]] = defaultdict(Counter)
    for a, b in itertools.pairwise(lines):
        step = b.bottom - a.bottom
        if a.page == b.page and a.column == b.column and 0 < step < 3 * a.size:
            steps[round(a.size, 1)][round(step * 2) / 2] += 1
    return {size: counts.most_common(1)[0][0] for size, counts in steps.items()}


def _edges(lines: Sequence[Line]) -> dict[tuple[int, int], tuple[float, float]]:
    """Left and right text edges of each column of each page (the right edge is where
    full lines end: a high percentile, so a stray wide line does not count)."""
    by_column: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for line in lines:
        by_column[line.page, line.column].append(line)
    edges: dict[tuple[int, int], tuple[float, float]] = {}
    for key, members in by_column.items():
        rights = sorted(line.x1 for line in members)
        right = rights[int(0.9 * (len(rights) - 1))]
        edges[key] = (min(line.x0 for line in members), right)
    # A page with few lines borrows the widest edges of the document: its lines are
    # not all short because they end a paragraph.
    widest = max(right for _, right in edges.values())
    for key, (left, right) in edges.items():
        if len(by_column[key]) < 8:
            edges[key] = (left, max(right, widest if key[1] == 0 else right))
    return edges


def _breaks(
    previous: Line,
    line: Line,
    first: bool,
    pitch: dict[float, float],
    edges: dict[tuple[int, int], tuple[float, float]],
) -> bool:
    """Does `line` start a new paragraph after `previous` (`first`: its paragraph's
    first line)?"""
    if is_contents_entry(previous.text) or is_contents_entry(line.text):
        return True
    text = _plain(previous.text)
    same_flow = (
        previous.page == line.page and previous.column == line.column and not line.after_break
    )
    if same_flow:
        usual = pitch.get(round(previous.size, 1)) or 1.2 * previous.size
        if line.bottom - previous.bottom > _PARAGRAPH_GAP * usual:
            return True
        if line.bottom <= previous.bottom:
            return True  # back up the page: a new block (a table cell, a box)
    if previous.bold != line.bold and (ends_clause(text) or len(text) < 80):
        return True
    left, right = edges.get((previous.page, previous.column), (previous.x0, previous.x1))
    words = _plain(line.text).split()
    if not words:
        return False
    if words[0][:1] in _CLOSING:
        # ". In addition ..." under "1.4 Defined Terms": no paragraph opens with a stop
        # (LibreOffice prints Word's hidden paragraph mark after a run-in heading as a
        # line break).
        return False
    if words[0][:1].islower() and not ends_clause(text) and find_marker(words[0]) is None:
        # "... the provision of each" | page break | "terminated Service shall ...": a
        # paragraph does not open in lower case, however short the line before it.
        return False
    # The next line's own characters measure its first word (proportional or not).
    char_width = (line.x1 - line.x0) / max(1, len(_plain(line.text))) or _CHAR_WIDTH * line.size
    room = right - previous.x1
    if room > (len(words[0]) + 1) * char_width + line.size:
        return True
    last_word = text.rsplit(maxsplit=1)[-1].lower() if text.strip() else ""
    if (
        find_marker(_plain(line.text)) is not None
        and last_word not in _REFERENCE_WORDS
        and (
            ends_clause(text)
            or _LIST_JOINER.search(text)
            or (not first and line.x0 < previous.x0 - line.size / 2)
        )
    ):
        # "(c)" after "...; or", or hanging out left of the continuation line before
        # it; but "... as set out in Section" | "3.2 of ..." goes on.
        return True
    line_left = edges.get((line.page, line.column), (line.x0, line.x1))[0]
    indent_step = line.size
    previous_offset = previous.x0 - left
    offset = line.x0 - line_left
    return not first and offset > previous_offset + indent_step


def is_contents_entry(text: str) -> bool:
    """A line of a table of contents: a title, a dot leader, a page number."""
    return bool(_CONTENTS_ENTRY.search(_plain(text)))


def _plain(text: str) -> str:
    return text.replace(SUP_OPEN, "").replace(SUP_CLOSE, "")


def _tokens(text: str) -> list[str]:
    words = (word.strip(_PUNCTUATION).lower() for word in _plain(text).split())
    return [word for word in words if word and not word.endswith(("-", "\u00ad"))]


def _paragraph(
    group: list[Line],
    vocabulary: Counter[str],
    edges: dict[tuple[int, int], tuple[float, float]],
) -> Paragraph:
    parts: list[str] = []
    for line in group:
        text = line.text.strip()
        stem = _HYPHENATED.search(parts[-1]) if parts else None
        follow = _WORD.match(text)
        if stem and follow and text[:1].islower():
            # "obli-" + "gation": the hyphen goes when the document spells the word
            # whole and never with this hyphen; a soft hyphen always goes.
            whole = (stem.group(1) + follow.group()).lower()
            compound = f"{stem.group(1)}-{follow.group()}".lower()
            soft = parts[-1].endswith("\u00ad")
            if soft or (vocabulary[whole] and not vocabulary[compound]):
                parts[-1] = parts[-1][:-1] + text
            else:
                parts[-1] += text
            continue
        if parts and text[:1] in _CLOSING:
            parts[-1] += text
            continue
        parts.append(text)
    sizes = [line.size for line in group]
    text = " ".join(parts)
    contents = len(group) == 1 and is_contents_entry(text)
    return Paragraph(
        text=_LEADER.sub(" ", text) if contents else text,
        contents_entry=contents,
        offset=min(line.x0 for line in group) - edges[group[0].page, group[0].column][0],
        page=group[0].page,
        last_page=group[-1].page,
        size=statistics.mode(sizes),
        bold=all(line.bold for line in group),
    )
