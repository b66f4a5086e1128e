"""Provides `StoryReader`: the paragraphs of a Word story as Word shows them, in order.

A story is the body, a header or footer, a footnote or a comment. Reading one:

- block content in order: paragraphs, tables (rows, cells, nested tables), content
  controls (w:sdt), custom XML, and the paragraphs of text boxes, placed right
  after the paragraph that anchors them;
- inside a paragraph: runs, hyperlinks, smart tags, content controls, simple
  fields; complex fields show their *result* (what Word displays), never the
  field code, and may span paragraphs (a table of contents does);
- tracked changes as the chosen View decides (see revisions.py);
- list labels from numbering.xml through `Counters`, in reading order;
- footnote, endnote and comment references are collected per paragraph, so the
  reader can attach the note to the clause that cites it.

What cannot be read as text (images, charts, embedded objects) is counted so the
comparison can say what it did not compare.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from draftdiff.errors import InputError
from draftdiff.parse.wordml.ns import A, first_child, on, qn, wval
from draftdiff.parse.wordml.numbering import Counters, Label, Numbering
from draftdiff.parse.wordml.revisions import (
    View,
    paragraph_properties,
    removed_by_mark,
    shows,
)
from draftdiff.parse.wordml.styles import Styles

MAX_NESTING = 48
"""Tables in tables, text boxes in text boxes: deeper than this is a hostile file."""

_W_P, _W_R, _W_TBL, _W_TR, _W_TC = (qn(t) for t in ("w:p", "w:r", "w:tbl", "w:tr", "w:tc"))
_W_SDT, _W_SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
_W_T, _W_DEL_TEXT = qn("w:t"), qn("w:delText")
_W_PPR, _W_RPR = qn("w:pPr"), qn("w:rPr")
_W_TXBX_CONTENT = qn("w:txbxContent")
_W_ALT_CHUNK = qn("w:altChunk")
_MC_ALTERNATE = qn("mc:AlternateContent")
_MC_CHOICE, _MC_FALLBACK = qn("mc:Choice"), qn("mc:Fallback")
_M_R, _M_T = qn("m:r"), qn("m:t")
_M_MATH = frozenset({qn("m:oMath"), qn("m:oMathPara")})
_REVISIONS = frozenset(qn(t) for t in ("w:ins", "w:del", "w:moveFrom", "w:moveTo"))
# Inline wrappers whose children are read as if they stood in the paragraph.
_TRANSPARENT = frozenset(
    qn(t) for t in ("w:hyperlink", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo")
)
_BLOCK_TRANSPARENT = frozenset(qn(t) for t in ("w:customXml",))
_NOTE_REFERENCES = {
    qn("w:footnoteReference"): "footnote",
    qn("w:endnoteReference"): "endnote",
    qn("w:commentReference"): "comment",
}
_GRAPHIC_KINDS = {
    "picture": "image",
    "chart": "chart",
    "diagram": "SmartArt diagram",
    "lockedCanvas": "drawing canvas",
}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as Word shows it in the chosen view."""

    text: str
    """The visible text: field results, no field codes, no deleted (or inserted) text."""
    label: Label | None
    style: str
    """The paragraph style's name ("Heading 2", "List Paragraph")."""
    heading: int
    """1-9 from a Title/Heading N style or an outline level; 0 for body text."""
    notes: tuple[tuple[str, str], ...] = ()
    """(kind, id) of the footnotes, endnotes and comments this paragraph cites."""
    row: int | None = None
    """Serial number of the outermost table row holding the paragraph; None outside tables."""
    cell: int = 0
    """Index of the cell (in that row) holding the paragraph."""
    in_textbox: bool = False
    properties: etree._Element | None = field(default=None, compare=False, repr=False)
    """The paragraph's w:pPr, for readers that need more of it (indentation)."""
    run_in: bool = False
    """The paragraph mark is hidden (w:vanish, Word's "style separator"): Word shows
    this paragraph run into the next one, e.g. a Heading 2 "4.9 Voting Agreement"
    continuing ". The Company ..." in a body-text paragraph."""


@dataclass
class _Pending:
    """A paragraph whose mark is absent from the view: its text joins the next one."""

    parts: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    properties: etree._Element | None = None
    """The w:pPr of the first joined paragraph that has visible text: the joined
    paragraph keeps it (as LibreOffice does when rejecting an inserted paragraph
    mark); a paragraph deleted whole leaves no trace, so the next one keeps its own."""
    has_properties: bool = False


class StoryReader:
    """Reads the stories of one document in one view, keeping list counters per story."""

    def __init__(self, styles: Styles, numbering: Numbering, view: View) -> None:
        self.styles = styles
        self.numbering = numbering
        self.view = view
        self.skipped: Counter[str] = Counter()
        """What could not be read as text, by kind ("image", "chart", ...)."""
        self.equations = 0
        self._counters = Counters(numbering)
        self._fields: list[bool] = []
        self._rows = 0
        self._row: int | None = None
        self._cell = 0
        self._textbox = 0
        self._pending: _Pending | None = None
        self._textboxes: list[etree._Element] = []

    def paragraphs(self, container: etree._Element) -> list[Paragraph]:
        """Every paragraph of a story container (w:body, w:hdr, w:footnote ...)."""
        out = list(self._blocks(container, 0))
        out.extend(self._flush())
        return out

    def fresh(self) -> StoryReader:
        """A reader for another story (notes, headers): own counters and fields."""
        reader = StoryReader(self.styles, self.numbering, self.view)
        reader.skipped = self.skipped
        return reader

    # --- block level ---

    def _blocks(self, container: etree._Element, depth: int) -> Iterator[Paragraph]:
        if depth > MAX_NESTING:
            raise InputError(f"content nested more than {MAX_NESTING} levels deep")
        for child in container:
            tag = child.tag
            if tag == _W_P:
                yield from self._paragraph(child, depth)
            elif tag == _W_TBL:
                yield from self._flush()
                yield from self._table(child, depth)
            elif tag == _W_SDT:
                content = first_child(child, _W_SDT_CONTENT)
                if content is not None:
                    yield from self._blocks(content, depth + 1)
            elif tag in _BLOCK_TRANSPARENT:
                yield from self._blocks(child, depth + 1)
            elif tag in _REVISIONS:
                if shows(tag, self.view):
                    yield from self._blocks(child, depth + 1)
            elif tag == _MC_ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    yield from self._blocks(branch, depth + 1)
            elif tag == _W_ALT_CHUNK:
                # An imported HTML/RTF/.docx chunk Word merges on opening: not read.
                self.skipped["embedded document chunk"] += 1

    def _table(self, table: etree._Element, depth: int) -> Iterator[Paragraph]:
        outermost = self._row is None
        for row in table.iterchildren(_W_TR):
            if removed_by_mark(first_child(row, qn("w:trPr")), self.view):
                continue
            if outermost:
                self._rows += 1
                self._row = self._rows
            for index, cell in enumerate(_cells(row)):
                if outermost:
                    self._cell = index
                yield from self._blocks(cell, depth + 1)
                # A cell's last paragraph mark cannot join text outside the cell.
                yield from self._flush()
        if outermost:
            self._row = None
            self._cell = 0

    def _paragraph(self, p: etree._Element, depth: int) -> Iterator[Paragraph]:
        ppr = first_child(p, _W_PPR)
        parts: list[str] = []
        notes: list[tuple[str, str]] = []
        self._inline(p, parts, notes, depth)
        mark = first_child(ppr, _W_RPR) if ppr is not None else None
        textboxes, self._textboxes = self._textboxes, []
        properties = paragraph_properties(ppr, self.view)
        if removed_by_mark(mark, self.view):
            pending = self._pending or _Pending()
            pending.parts.extend(parts)
            pending.notes.extend(notes)
            if not pending.has_properties and "".join(parts).strip():
                pending.properties, pending.has_properties = properties, True
            self._pending = pending
        else:
            if self._pending is not None:
                if self._pending.has_properties:
                    properties = self._pending.properties
                parts = self._pending.parts + parts
                notes = self._pending.notes + notes
                self._pending = None
            para = self._make(properties, parts, notes)
            yield replace(para, run_in=_hidden(mark)) if _hidden(mark) else para
        for box in textboxes:
            self._textbox += 1
            yield from self._blocks(box, depth + 1)
            yield from self._flush()
            self._textbox -= 1

    def _flush(self) -> Iterator[Paragraph]:
        """A paragraph whose mark was removed but that nothing followed stands alone."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            if "".join(pending.parts).strip():
                yield self._make(pending.properties, pending.parts, pending.notes)

    def _make(
        self, ppr: etree._Element | None, parts: list[str], notes: list[tuple[str, str]]
    ) -> Paragraph:
        style_id = wval(first_child(ppr, qn("w:pStyle"))) if ppr is not None else None
        num_id, ilvl = self.styles.numbering(style_id)
        numpr = first_child(ppr, qn("w:numPr")) if ppr is not None else None
        if numpr is not None:
            direct_num = wval(first_child(numpr, qn("w:numId")))
            direct_lvl = wval(first_child(numpr, qn("w:ilvl")))
            if direct_num is not None:
                num_id = direct_num
            if direct_lvl is not None and direct_lvl.lstrip("-").isdigit():
                ilvl = int(direct_lvl)
        label = None
        # Word shows no number on an empty paragraph that only carries a section break
        # (the Common Paper CSA's standard terms start at "1." after one).
        section_break = ppr is not None and first_child(ppr, qn("w:sectPr")) is not None
        if num_id and num_id != "0" and not (section_break and not "".join(parts).strip()):
            label = self._counters.next_label(num_id, ilvl, style_id)
        heading = self.styles.heading_level(style_id)
        outline = wval(first_child(ppr, qn("w:outlineLvl"))) if ppr is not None else None
        if outline is not None and outline.isdigit():
            heading = int(outline) + 1 if int(outline) < 9 else 0
        return Paragraph(
            text=_tidy("".join(parts)),
            label=label,
            style=self.styles.name(style_id),
            heading=heading,
            notes=tuple(notes),
            row=self._row,
            cell=self._cell,
            in_textbox=self._textbox > 0,
            properties=ppr,
        )

    # --- inline level ---

    def _inline(
        self,
        element: etree._Element,
        parts: list[str],
        notes: list[tuple[str, str]],
        depth: int,
    ) -> None:
        if depth > MAX_NESTING:
            raise InputError(f"content nested more than {MAX_NESTING} levels deep")
        for child in element:
            tag = child.tag
            if tag == _W_R:
                self._run(child, parts, notes, depth)
            elif tag in _REVISIONS:
                if shows(tag, self.view):
                    self._inline(child, parts, notes, depth + 1)
            elif tag in _TRANSPARENT:
                self._inline(child, parts, notes, depth + 1)
            elif tag == _W_SDT:
                content = first_child(child, _W_SDT_CONTENT)
                if content is not None:
                    self._inline(content, parts, notes, depth + 1)
            elif tag in _M_MATH:
                self.equations += tag == qn("m:oMath")
                self._math(child, parts, depth + 1)
            elif tag == _MC_ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    self._inline(branch, parts, notes, depth + 1)

    def _run(
        self,
        run: etree._Element,
        parts: list[str],
        notes: list[tuple[str, str]],
        depth: int,
        hidden: bool | None = None,
    ) -> None:
        """Read a w:r's content (or an mc:AlternateContent branch inside one)."""
        if hidden is None:
            hidden = _hidden(first_child(run, _W_RPR))
        for child in run:
            tag = child.tag
            if tag in (_W_T, _W_DEL_TEXT):
                if not hidden and self._showing():
                    parts.append(child.text or "")
            elif tag == qn("w:fldChar"):
                kind = wval(child, "fldCharType")
                if kind == "begin":
                    self._fields.append(False)
                elif kind == "separate" and self._fields:
                    self._fields[-1] = True
                elif kind == "end" and self._fields:
                    self._fields.pop()
            elif hidden or not self._showing():
                continue
            elif tag in (qn("w:tab"), qn("w:ptab")):
                parts.append("\t")
            elif tag == qn("w:br"):
                parts.append("\n" if wval(child, "type") in (None, "textWrapping") else " ")
            elif tag == qn("w:cr"):
                parts.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                parts.append("-")
            elif tag == qn("w:sym"):
                parts.append(_symbol(wval(child, "char")))
            elif tag in _NOTE_REFERENCES:
                note_id = wval(child, "id")
                if note_id is not None:
                    notes.append((_NOTE_REFERENCES[tag], note_id))
            elif tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")):
                self._embedded(child)
            elif tag == _MC_ALTERNATE:
                branch = _branch(child)
                if branch is not None and depth < MAX_NESTING:
                    self._run(branch, parts, notes, depth + 1, hidden)

    def _showing(self) -> bool:
        """Text counts unless it is inside a field's code (before its separator)."""
        return all(self._fields)

    def _math(self, element: etree._Element, parts: list[str], depth: int) -> None:
        if depth > MAX_NESTING:
            raise InputError(f"content nested more than {MAX_NESTING} levels deep")
        for child in element:
            tag = child.tag
            if tag == _M_T:
                parts.append(child.text or "")
            elif tag in _REVISIONS:
                if shows(tag, self.view):
                    self._math(child, parts, depth + 1)
            elif tag in (_W_T, _W_DEL_TEXT):
                parts.append(child.text or "")
            elif isinstance(tag, str) and not tag.endswith("Pr"):
                self._math(child, parts, depth + 1)

    def _embedded(self, element: etree._Element) -> None:
        """Queue text boxes for reading after this paragraph; count everything else."""
        boxes = [
            box
            for box in element.iter(_W_TXBX_CONTENT)
            if not any(a.tag == _W_TXBX_CONTENT for a in box.iterancestors() if a is not element)
        ]
        self._textboxes.extend(boxes)
        if element.tag == qn("w:object"):
            self.skipped["embedded object"] += 1
            return
        for graphic in element.iter(f"{{{A}}}graphicData"):
            uri = graphic.get("uri", "")
            kind = _GRAPHIC_KINDS.get(uri.rsplit("/", 1)[-1])
            if kind:
                self.skipped[kind] += 1
        if (
            element.tag == qn("w:pict")
            and not boxes
            and element.find(".//" + qn("v:imagedata")) is not None
        ):
            self.skipped["image"] += 1


def _cells(row: etree._Element) -> Iterator[etree._Element]:
    """A row's cells, looking through content controls and custom XML around them."""
    for child in row:
        if child.tag == _W_TC:
            yield child
        elif child.tag == _W_SDT:
            content = first_child(child, _W_SDT_CONTENT)
            if content is not None:
                yield from _cells(content)
        elif child.tag == qn("w:customXml"):
            yield from _cells(child)


def _branch(alternate: etree._Element) -> etree._Element | None:
    """The branch of mc:AlternateContent to read: the first mc:Choice (Word's own
    markup, e.g. a DrawingML text box), else the fallback; never both, or text doubles."""
    choice = first_child(alternate, _MC_CHOICE)
    return choice if choice is not None else first_child(alternate, _MC_FALLBACK)


def _hidden(rpr: etree._Element | None) -> bool:
    """Direct w:vanish on a run: Word neither shows nor prints it."""
    return on(first_child(rpr, qn("w:vanish")))


def _symbol(code: str | None) -> str:
    """w:sym's character; Symbol-font codes (F0xx) map to their ASCII-range twin."""
    if not code:
        return ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF020 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if value >= 0x20 else ""


def _tidy(text: str) -> str:
    """Tabs and runs of spaces read as one space; line breaks stay; ends trimmed."""
    lines = [" ".join(line.replace("\t", " ").split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()
