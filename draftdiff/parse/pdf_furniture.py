"""Provides `split_furniture`: page furniture and footnotes set apart from a PDF's body text.

A PDF has no header or footer parts: what Word printed on every page is just more
lines. Lines are taken out of the body when

- they repeat at the top or bottom of the pages (the first or last few lines of at
  least two pages and of 40% of them, and never mid-page;
  digits ignored: "Confidential - Page 3" and "Confidential - Page 4" are one
  running line);
- they read as a page number: "Page 3 of 12", "- 3 -", "PAGE 3" anywhere on the page
  (EDGAR filings print them mid-page, where the typed page ended); a bare "3" or "iv"
  among the first or last lines of a page, or centred on a line of its own;
- they are footnotes: a run of lines at the foot of a page, in a smaller type than the
  body, that opens with a note number ("1", "*", "†"). Each note is kept, apart from
  the body, with the page it sits on.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from draftdiff.parse.pdf_lines import SUP_CLOSE, SUP_OPEN, Line, Page

# How many lines at each end of a page may be running headers or footers.
_EDGE_LINES = 3
_REPEAT_SHARE = 0.4
# Points a running line may move between pages (rounding, a taller header).
_SAME_HEIGHT = 4.0
_PAGE_NUMBER = re.compile(
    r"(?:page|seite|p\.)\s*\d{1,4}(?:\s*(?:of|/|von)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]"
    r"|\d{1,4}\s*(?:of|/)\s*\d{1,4}",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7}")
_NOTE_START = re.compile(rf"{SUP_OPEN}?(?P<mark>\d{{1,3}}|[*†‡§]+){SUP_CLOSE}?\s*(?=\S)")
# Footnote type is smaller than body type (Word's defaults: 10 pt under 11 or 12 pt).
_NOTE_SIZE_STEP = 0.5
_DIGITS = re.compile(r"\d+")
_ROMAN_WORD = re.compile(r"\b[ivxlc]{1,7}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Footnote:
    """One footnote as printed at the foot of a page."""

    page: int
    mark: str
    """The note's number or symbol ("1", "*")."""
    text: str
    """The note's text, its mark removed."""


@dataclass(frozen=True)
class Furniture:
    """A PDF's lines sorted into body, running texts and footnotes."""

    body: tuple[Line, ...]
    headers: tuple[str, ...]
    footers: tuple[str, ...]
    """Distinct running header and footer texts, page numbers left out."""
    footnotes: tuple[Footnote, ...]
    page_numbers: int
    """How many page-number lines were dropped."""


def split_furniture(pages: Sequence[Page]) -> Furniture:
    """Sort every page's lines into body, headers/footers, page numbers and footnotes."""
    running = _running_keys(pages)
    body_size = _body_size(pages)
    body: list[Line] = []
    headers: dict[str, list[str]] = defaultdict(list)
    footers: dict[str, list[str]] = defaultdict(list)
    notes: list[Footnote] = []
    page_numbers = 0
    for page in pages:
        lines = list(page.lines)
        edge = set(range(min(_EDGE_LINES, len(lines)))) | set(
            range(max(0, len(lines) - _EDGE_LINES), len(lines))
        )
        kept: list[Line] = []
        dropped = False
        for index, line in enumerate(lines):
            plain = _plain(line.text)
            if _is_page_number(line, plain, index in edge, page):
                page_numbers += 1
                dropped = True
                continue
            if index in edge and _is_running(_key(plain), line, running):
                target = headers if index < len(lines) / 2 else footers
                target[_key(plain)].append(plain)
                dropped = True
                continue
            kept.append(replace(line, after_break=True) if dropped and kept else line)
            dropped = False
        found, kept, continued = _footnotes(kept, body_size, notes[-1] if notes else None)
        if continued is not None:
            notes[-1] = continued
        notes.extend(found)
        body.extend(kept)
    return Furniture(
        body=tuple(body),
        headers=tuple(_constant_part(texts) for texts in headers.values()),
        footers=tuple(_constant_part(texts) for texts in footers.values()),
        footnotes=tuple(notes),
        page_numbers=page_numbers,
    )


def _plain(text: str) -> str:
    return text.replace(SUP_OPEN, "").replace(SUP_CLOSE, "").strip()


def _key(text: str) -> str:
    """A running line with its page number (arabic or roman) blanked out."""
    text = _DIGITS.sub("#", text.lower())
    return " ".join(_ROMAN_WORD.sub("#", text).split())


def _running_keys(pages: Sequence[Page]) -> dict[str, float | None]:
    """Keys of the lines that repeat among the first or last lines of the pages and
    never occur mid-page (a body sentence that recurs lands wherever the text flow
    puts it), each with the height most of its occurrences share, if they do: a
    footer's text repeated as the title's subtitle on page 1 is at another height and
    stays in the body, while a legend printed right after each page's text (no fixed
    height) goes everywhere."""
    if len(pages) < 2:
        return {}
    tops: dict[str, list[float]] = defaultdict(list)
    inside: set[str] = set()
    for page in pages:
        lines = page.lines
        at_edge: dict[str, float] = {}
        for index, line in enumerate(lines):
            key = _key(_plain(line.text))
            if _EDGE_LINES <= index < len(lines) - _EDGE_LINES:
                inside.add(key)
            else:
                at_edge.setdefault(key, line.top)
                if abs(at_edge[key] - line.top) > _SAME_HEIGHT:
                    tops[key].append(line.top)  # twice on one page: both count
        for key, top in at_edge.items():
            tops[key].append(top)
    need = max(2, _REPEAT_SHARE * len(pages))
    out: dict[str, float | None] = {}
    for key, found in tops.items():
        if len(found) >= need and key.strip("# "):
            if key in inside:
                continue
            best = max(found, key=lambda top: _near(found, top))
            # A fixed height only when most occurrences share it.
            out[key] = best if 2 * _near(found, best) > len(found) else None
    return out


def _near(tops: list[float], top: float) -> int:
    return sum(1 for t in tops if abs(t - top) <= _SAME_HEIGHT)


def _is_running(key: str, line: Line, running: dict[str, float | None]) -> bool:
    if key not in running:
        return False
    height = running[key]
    return height is None or abs(line.top - height) <= _SAME_HEIGHT


def _is_page_number(line: Line, plain: str, at_edge: bool, page: Page) -> bool:
    if _PAGE_NUMBER.fullmatch(plain):
        return True
    if not _BARE_NUMBER.fullmatch(plain):
        return False
    if at_edge:
        return True
    # Mid-page, only a number centred on its own line: a clause number standing alone
    # ("3" over its title) sits at the left margin.
    centre = (line.x0 + line.x1) / 2
    return abs(centre - page.width / 2) < 0.05 * page.width


def _body_size(pages: Sequence[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _footnotes(
    lines: list[Line], body_size: float, previous: Footnote | None
) -> tuple[list[Footnote], list[Line], Footnote | None]:
    """The footnotes at the foot of one page's lines, the lines without them, and the
    previous page's last note if this page's note area goes on with it (a long note
    continued on the next page opens without a mark)."""
    if not lines or body_size <= 0:
        return [], lines, None
    start = len(lines)
    while start > 0 and lines[start - 1].size <= body_size - _NOTE_SIZE_STEP:
        start -= 1
    if start == 0 or start >= len(lines) or lines[start].top <= lines[start - 1].bottom:
        # No small run, or a whole page in small type (drafting notes set smaller):
        # footnotes sit under body text.
        return [], lines, None
    page = lines[start].page
    if previous is not None and previous.page != page - 1:
        previous = None
    notes: list[tuple[str, list[str]]] = []
    carried: list[str] = []
    raised: bool | None = None  # are this page's note marks superscripts?
    for line in lines[start:]:
        match = _NOTE_START.match(line.text)
        if match and raised is not None and line.text.startswith(SUP_OPEN) != raised:
            match = None
        mark = match.group("mark") if match else ""
        expected = notes[-1][0] if notes else (previous.mark if previous else "")
        if (
            match
            and mark.isdigit()
            and expected.isdigit()
            and not 0 < int(mark) - int(expected) <= 3
        ):
            # "170(a) of the DGCL ..." opening a line inside note 22: notes are numbered
            # in sequence (a gap of a note or two, if one was missed).
            match = None
        if match:
            raised = line.text.startswith(SUP_OPEN)
            notes.append((mark, [_plain(line.text[match.end() :])]))
        elif notes:
            notes[-1][1].append(_plain(line.text))
        else:
            carried.append(_plain(line.text))
    if carried and previous is None:
        # Small type without a note mark and nothing to continue: not a footnote area.
        return [], lines, None
    continued = (
        Footnote(previous.page, previous.mark, " ".join([previous.text, *carried]))
        if carried and previous is not None
        else None
    )
    found = [Footnote(page, mark, " ".join(parts)) for mark, parts in notes]
    return found, lines[:start], continued


def _constant_part(texts: list[str]) -> str:
    """The words every occurrence of a running line shares (its page number dropped)."""
    split = [text.split() for text in texts]
    if len({len(words) for words in split}) == 1:
        kept = [words[0] for words in zip(*split, strict=True) if len(set(words)) == 1]
        return " ".join(kept)
    return " ".join(
        word for word in split[0] if not (_BARE_NUMBER.fullmatch(word) and word.isdigit())
    )
