"""Provides `page_lines`: the text lines of one PDF page, in reading order, measured.

PDFium gives each character with its box and font size, in content-stream order, and
marks the line breaks it infers. Characters are gathered into lines (a break, or a
character that does not sit on the current line, starts a new one), and each line is
cut into segments at wide horizontal gaps. The segments decide the page's columns: a
vertical gutter in the middle of the page that almost no segment crosses, with text on
both sides, makes a two-column page, read left column then right column between the
full-width lines (a title, a table row) that cross it. Segments of one column on one
baseline are then joined again: a tab between "1.1" and its text is not a column.

Coordinates are points from the top-left corner of the page (PDF's own origin is the
bottom-left), so "top" grows down the page.
"""

from __future__ import annotations

import ctypes
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

SUP_OPEN = "\ue000"
SUP_CLOSE = "\ue001"
"""Private-use characters around a superscript run ("1" of a footnote reference) in
`Line.text`; the reader removes or unwraps them, so they never reach a block."""

# A gap wider than this many font sizes between two characters on one line starts a
# new segment (column gutters, tab stops); a word space is about a quarter of that.
_SEGMENT_GAP = 1.5
_WORD_GAP = 0.25
# After a list label's last character, a tab to an indent hardly wider than the label
# leaves a small gap ("(b)" then '"Deliverables"', 0.09 em in LibreOffice's output);
# inside a word, glyph advances touch within 0.01 em.
_LABEL_GAP = 0.05
_LABEL_ENDS = frozenset(").]:")
# A character this much smaller than its line and raised above its baseline is a
# superscript (a footnote reference, "1st").
_SUPERSCRIPT_SIZE = 0.8
_SUPERSCRIPT_RAISE = 0.15
# A gutter must lie in the middle half of the text area, be at least this wide (in
# points), be crossed by few segments, and have this many segments on each side.
_GUTTER_MIN = 9.0
_GUTTER_CROSSING = 0.05
_COLUMN_MIN_SEGMENTS = 3
# Column text is prose: its segments span a good share of their column's width.
_COLUMN_MIN_FILL = 0.5


@dataclass(frozen=True)
class Line:
    """One line of text on a page, in reading order."""

    page: int
    """0-based page index."""
    text: str
    """The line's text, single-spaced; superscript runs wrapped in SUP_OPEN/SUP_CLOSE."""
    x0: float
    x1: float
    top: float
    bottom: float
    """Baseline-ish bottom of the line's regular-size characters."""
    size: float
    """Font size of most of the line's characters."""
    column: int = 0
    """0 for the left (or only) column, 1 for the right column of a two-column page."""
    bold: bool = False
    after_break: bool = False
    """A page number or running line was taken out just before this line: the gap
    above it is a page break, not a paragraph break."""


@dataclass(frozen=True)
class Page:
    """A page's lines and size."""

    index: int
    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass
class _Char:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    """The glyph's box as the font sets it (ascent to descent, whatever the ink:
    an underscore is as tall as a letter)."""
    size: float
    weight: int
    ink_bottom: float
    """Where the ink ends (a raised superscript's ends above the baseline)."""


@dataclass(frozen=True)
class _Segment:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


def read_page(document: pdfium.PdfDocument, index: int) -> Page:
    """The lines of page `index`, in reading order."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            chars = list(_chars(textpage, height))
        finally:
            textpage.close()
    finally:
        page.close()
    segments = [seg for line in _raw_lines(chars) for seg in _segments(line)]
    return Page(index, width, height, tuple(_ordered_lines(index, segments, width)))


def _chars(textpage: pdfium.PdfTextPage, height: float) -> Iterator[_Char]:
    """The page's characters, in PDFium's loose boxes (the glyph's advance and the
    font's height), so that the gap between two boxes is the spacing set between the
    glyphs; the ink box's bottom tells a superscript."""
    handle = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    loose = pdfium_c.FS_RECTF()
    for i in range(pdfium_c.FPDFText_CountChars(handle)):
        code = pdfium_c.FPDFText_GetUnicode(handle, i)
        if code == 0 or 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if char in "\r\n":
            yield _Char("\n", 0, 0, 0, 0, 0, 0, 0)
            continue
        if not pdfium_c.FPDFText_GetCharBox(handle, i, left, right, bottom, top):
            continue
        box = (left.value, right.value, height - top.value, height - bottom.value)
        if pdfium_c.FPDFText_GetLooseCharBox(handle, i, loose) and loose.right > loose.left:
            box = (loose.left, loose.right, height - loose.top, height - loose.bottom)
        yield _Char(
            char,
            *box,
            size=pdfium_c.FPDFText_GetFontSize(handle, i),
            weight=pdfium_c.FPDFText_GetFontWeight(handle, i),
            ink_bottom=height - bottom.value,
        )


def _raw_lines(chars: Sequence[_Char]) -> Iterator[list[_Char]]:
    """Characters grouped into lines: a line break, a character off the line's band, or
    a jump back to the left starts a new line."""
    line: list[_Char] = []
    top = bottom = 0.0
    last_x1 = 0.0
    for char in chars:
        if char.char == "\n":
            if line:
                yield line
            line = []
            continue
        if char.char.isspace():
            if line:
                line.append(char)
            continue
        if line:
            overlap = min(bottom, char.bottom) - max(top, char.top)
            height = min(bottom - top, char.bottom - char.top) or 1.0
            backwards = char.x0 < last_x1 - 3 * max(char.size, 1.0)
            if overlap < 0.4 * height or (backwards and overlap < 0.9 * height):
                yield line
                line = []
        if not line:
            top, bottom = char.top, char.bottom
        else:
            top, bottom = min(top, char.top), max(bottom, char.bottom)
        line.append(char)
        last_x1 = char.x1
    if line:
        yield line


def _segments(chars: list[_Char]) -> Iterator[_Segment]:
    """A line cut at gaps wider than `_SEGMENT_GAP` font sizes."""
    visible = [c for c in chars if not c.char.isspace()]
    if not visible:
        return
    size = statistics.mode(round(c.size, 1) for c in visible)
    regular = [c for c in visible if c.size >= _SUPERSCRIPT_SIZE * size] or visible
    baseline = statistics.median(c.ink_bottom for c in regular)
    start = 0
    pieces: list[list[_Char]] = []
    previous: _Char | None = None
    for index, char in enumerate(chars):
        if char.char.isspace():
            continue
        if previous is not None and char.x0 - previous.x1 > _SEGMENT_GAP * size:
            pieces.append(chars[start:index])
            start = index
        previous = char
    pieces.append(chars[start:])
    for piece in pieces:
        segment = _segment(piece, size, baseline)
        if segment is not None:
            yield segment


def _segment(chars: list[_Char], size: float, baseline: float) -> _Segment | None:
    visible = [c for c in chars if not c.char.isspace()]
    if not visible:
        return None
    regular = [c for c in visible if c.size >= _SUPERSCRIPT_SIZE * size] or visible
    out: list[str] = []
    in_sup = False
    previous: _Char | None = None
    for char in chars:
        if char.char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        sup = (
            char.size < _SUPERSCRIPT_SIZE * size
            and char.ink_bottom < baseline - _SUPERSCRIPT_RAISE * size
            and (char.char.isdigit() or char.char in "*†‡")
        )
        if sup != in_sup:
            out.append(SUP_OPEN if sup else SUP_CLOSE)
            in_sup = sup
        elif previous is not None and out and out[-1] != " " and _spaced(previous, char, size):
            # Characters set apart with no space between them (PDFium generates word
            # spaces, but not at a tab stop: "(b)<tab>Deliverables"): a word space all
            # the same. Loose boxes touch inside a word, kerning aside.
            out.append(" ")
        out.append(char.char)
        previous = char
    if in_sup:
        out.append(SUP_CLOSE)
    text = "".join(out).strip()
    weights = [c.weight for c in regular if c.weight > 0]
    return _Segment(
        text=text,
        x0=min(c.x0 for c in visible),
        x1=max(c.x1 for c in visible),
        top=min(c.top for c in regular),
        bottom=max(c.bottom for c in regular),
        size=size,
        bold=bool(weights) and statistics.median(weights) >= 600,
    )


def _spaced(previous: _Char, char: _Char, size: float) -> bool:
    gap = char.x0 - previous.x1
    if previous.char in _LABEL_ENDS:
        return gap > _LABEL_GAP * size
    return gap > _WORD_GAP * size


def _ordered_lines(page: int, segments: list[_Segment], width: float) -> Iterator[Line]:
    gutter = _gutter(segments)
    if gutter is None:
        yield from _lines(page, segments, 0)
        return
    start, end = gutter
    spanning = sorted((s for s in segments if s.x0 < end and s.x1 > start), key=lambda s: s.top)
    columns = [s for s in segments if not (s.x0 < end and s.x1 > start)]
    # Between two full-width lines, the left column is read before the right one.
    bands: list[list[_Segment]] = [[] for _ in range(len(spanning) + 1)]
    for segment in columns:
        band = sum(1 for s in spanning if s.top <= segment.top)
        bands[band].append(segment)
    for band, members in enumerate(bands):
        left = [s for s in members if s.x1 <= start]
        right = [s for s in members if s.x0 >= end]
        yield from _lines(page, left, 0)
        yield from _lines(page, right, 1)
        if band < len(spanning):
            yield from _lines(page, [spanning[band]], 0)


def _gutter(segments: list[_Segment]) -> tuple[float, float] | None:
    """The (start, end) x of a vertical gutter splitting the page into two columns."""
    if len(segments) < 2 * _COLUMN_MIN_SEGMENTS:
        return None
    left_edge = min(s.x0 for s in segments)
    right_edge = max(s.x1 for s in segments)
    text_width = right_edge - left_edge
    if text_width <= 0:
        return None
    bins = int(text_width) + 1
    cover = [0] * bins
    for segment in segments:
        for b in range(int(segment.x0 - left_edge), min(bins, int(segment.x1 - left_edge) + 1)):
            cover[b] += 1
    allowed = max(1, int(_GUTTER_CROSSING * len(segments)))
    best: tuple[int, int] | None = None
    run_start: int | None = None
    low, high = int(0.25 * text_width), int(0.75 * text_width)
    for b in range(low, high + 2):
        quiet = b <= high and cover[b] <= allowed
        if quiet and run_start is None:
            run_start = b
        elif not quiet and run_start is not None:
            if best is None or b - run_start > best[1] - best[0]:
                best = (run_start, b)
            run_start = None
    if best is None or best[1] - best[0] < _GUTTER_MIN:
        return None
    start, end = left_edge + best[0], left_edge + best[1]
    left = [s for s in segments if s.x1 <= start]
    right = [s for s in segments if s.x0 >= end]
    if len(left) < _COLUMN_MIN_SEGMENTS or len(right) < _COLUMN_MIN_SEGMENTS:
        return None
    # Both columns must hold prose side by side: segments filling their column, on a
    # shared stretch of the page (not a date pushed to the right margin).
    for side, (x0, x1) in ((left, (left_edge, start)), (right, (end, right_edge))):
        fill = statistics.median((s.x1 - s.x0) / (x1 - x0) for s in side)
        if fill < _COLUMN_MIN_FILL:
            return None
    overlap = min(max(s.bottom for s in left), max(s.bottom for s in right)) - max(
        min(s.top for s in left), min(s.top for s in right)
    )
    if overlap <= 0:
        return None
    return start, end


def _lines(page: int, segments: list[_Segment], column: int) -> Iterator[Line]:
    """Segments on one baseline joined into lines, top to bottom. A segment in small
    type that sits within a line's height (a footnote reference PDFium read apart from
    its line) joins that line as a superscript."""
    if not segments:
        return
    size = statistics.median(s.size for s in segments)
    small = [s for s in segments if s.size < _SUPERSCRIPT_SIZE * size and _is_mark(s.text)]
    rows: list[list[_Segment]] = []
    for segment in sorted((s for s in segments if s not in small), key=lambda s: (s.bottom, s.x0)):
        if rows:
            last = rows[-1][-1]
            tolerance = 0.3 * max(segment.size, last.size)
            if abs(segment.bottom - last.bottom) <= tolerance:
                rows[-1].append(segment)
                continue
        rows.append([segment])
    sups: set[int] = set()
    for segment in small:
        host = _host_row(rows, segment)
        if host is None:
            rows.append([segment])
        else:
            host.append(segment)
            sups.add(id(segment))
    rows.sort(key=lambda row: max(s.bottom for s in row))
    for row in rows:
        row.sort(key=lambda s: s.x0)
        regular = [s for s in row if id(s) not in sups]
        sizes = [s.size for s in regular]
        parts: list[str] = []
        for segment in row:
            if id(segment) in sups:
                parts.append(f"{SUP_OPEN}{segment.text}{SUP_CLOSE}")
            else:
                glued = not parts or segment.text[:1] in ".,;:)]"
                parts.append(("" if glued else " ") + segment.text)
        yield Line(
            page=page,
            text="".join(parts),
            x0=regular[0].x0,
            x1=max(s.x1 for s in regular),
            top=min(s.top for s in regular),
            bottom=max(s.bottom for s in regular),
            size=max(sizes, key=sizes.count),
            column=column,
            bold=all(s.bold for s in regular),
        )


def _is_mark(text: str) -> bool:
    plain = text.replace(SUP_OPEN, "").replace(SUP_CLOSE, "").replace(" ", "")
    return bool(plain) and len(plain) <= 4 and all(c.isdigit() or c in "*†‡," for c in plain)


def _host_row(rows: list[list[_Segment]], segment: _Segment) -> list[_Segment] | None:
    """The row a small raised segment belongs to: one whose height it overlaps and
    whose text runs past it."""
    best: tuple[float, list[_Segment]] | None = None
    for row in rows:
        if row[0].bottom < segment.top - 3 * row[0].size:
            continue  # rows are sorted by baseline: far above, skip cheaply
        if row[0].top > segment.bottom + 3 * row[0].size:
            break
        top = min(s.top for s in row)
        bottom = max(s.bottom for s in row)
        overlap = min(bottom, segment.bottom) - max(top, segment.top)
        if overlap <= 0 or segment.x0 < min(s.x0 for s in row) - segment.size:
            continue
        if best is None or overlap > best[0]:
            best = (overlap, row)
    return best[1] if best else None
