"""Provides tracked-change markup on WordprocessingML paragraphs: w:ins, w:del, moves.

A paragraph's visible text is read from its runs (through hyperlinks, smart tags,
simple fields and content controls; field codes and hidden runs do not count),
so that word edits whose equal and inserted runs spell that text can be laid on
it: runs are split at the edits' edges, inserted runs wrapped in w:ins, deleted
text added beside them as w:del runs holding w:delText. Whole paragraphs are
marked inserted, deleted or moved, paragraph mark included, so that Word's (and
LibreOffice's) "accept all" and "reject all" each give one version exactly.

Element order follows the schema (ECMA-376 Part 1, 17.3): w:rPr first in a run;
in a w:pPr, w:rPr comes after every other property but w:sectPr and w:pPrChange;
in a paragraph mark's w:rPr, w:ins/w:del/w:moveFrom/w:moveTo come first.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree

from draftdiff.diff.result import Edit, Op
from draftdiff.parse.wordml.ns import first_child, on, qn, wval

_W_P, _W_R, _W_T = qn("w:p"), qn("w:r"), qn("w:t")
_W_PPR, _W_RPR = qn("w:pPr"), qn("w:rPr")
_W_INS, _W_DEL = qn("w:ins"), qn("w:del")
_W_INSTR, _W_DEL_INSTR, _W_DEL_TEXT = qn("w:instrText"), qn("w:delInstrText"), qn("w:delText")
_W_FLDCHAR = qn("w:fldChar")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Inline wrappers whose runs are part of the paragraph's text.
_CONTAINERS = frozenset(
    qn(t) for t in ("w:hyperlink", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo")
)
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
# w:pPr children that must follow its w:rPr.
_AFTER_MARK = frozenset({qn("w:sectPr"), qn("w:pPrChange")})
_BREAK_TYPES = (None, "textWrapping")


@dataclass
class Marks:
    """Author, date and the id counter shared by every revision in one document."""

    author: str
    date: str
    next_id: int = 1
    _moves: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def take_id(self) -> str:
        value = self.next_id
        self.next_id += 1
        return str(value)

    def revision(self, tag: str) -> etree._Element:
        """A w:ins / w:del / w:moveFrom / w:moveTo element, id, author and date set."""
        element = etree.Element(qn(tag))
        element.set(qn("w:id"), self.take_id())
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element

    def move_name(self) -> str:
        return f"move{next(self._moves)}"


@dataclass(frozen=True)
class TextRun:
    """One w:r of a paragraph and the visible text it holds ("" for field codes,
    hidden text, drawings, note references)."""

    run: etree._Element
    text: str
    in_field: bool = False
    """Part of a complex field (its code or its result): text put beside such a run
    could land inside the field, whose result readers may recompute."""


def runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The w:r elements of a paragraph's own content, in order (not those of text
    boxes anchored in it, which are paragraphs of their own)."""
    yield from _runs(paragraph)


def _runs(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        tag = child.tag
        if tag == _W_R:
            yield child
        elif tag in _CONTAINERS or tag in (_W_INS, _W_DEL, qn("w:moveTo"), qn("w:moveFrom")):
            yield from _runs(child)
        elif tag == _SDT:
            content = first_child(child, _SDT_CONTENT)
            if content is not None:
                yield from _runs(content)


def text_runs(paragraph: etree._Element) -> list[TextRun]:
    """The paragraph's runs with their visible text (a field shows its result)."""
    out: list[TextRun] = []
    fields: list[bool] = []  # per open field: has its separator been seen
    for run in runs(paragraph):
        hidden = on(first_child(first_child(run, _W_RPR), qn("w:vanish")))
        parts: list[str] = []
        in_field = bool(fields)
        for child in run:
            if child.tag == _W_FLDCHAR:
                kind = wval(child, "fldCharType")
                if kind == "begin":
                    fields.append(False)
                elif kind == "separate" and fields:
                    fields[-1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif not hidden and all(fields):
                parts.append(_child_text(child))
        out.append(TextRun(run, "".join(parts), in_field or bool(fields)))
    return out


def _child_text(child: etree._Element) -> str:
    tag = child.tag
    if tag == _W_T:
        return child.text or ""
    if tag in (qn("w:tab"), qn("w:ptab")):
        return "\t"
    if tag == qn("w:br"):
        return "\n" if wval(child, "type") in _BREAK_TYPES else " "
    if tag == qn("w:cr"):
        return "\n"
    if tag == qn("w:noBreakHyphen"):
        return "-"
    return ""


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join(r.text for r in text_runs(paragraph))


# --- word edits on one paragraph ---


def apply_edits(paragraph: etree._Element, edits: Sequence[Edit], marks: Marks) -> None:
    """Lay word edits on a paragraph whose text is their new side (equal + insert).

    Raises ValueError when the edits do not spell the paragraph's text."""
    new_text = "".join(e.text for e in edits if e.op is not Op.DELETE)
    if new_text != paragraph_text(paragraph):
        raise ValueError("edits do not match the paragraph text")
    position = 0
    for edit in edits:
        if edit.op is not Op.DELETE:
            _split_at(paragraph, position)
            position += len(edit.text)
            _split_at(paragraph, position)
    position = 0
    for edit in edits:
        if edit.op is Op.EQUAL:
            position += len(edit.text)
        elif edit.op is Op.INSERT:
            end = position + len(edit.text)
            for item, start, stop in _spans(paragraph):
                if start >= position and stop <= end and (item.text or position < start < end):
                    _wrap(item.run, marks.revision("w:ins"))
            position = end
        else:
            _insert_deleted(paragraph, position, edit.text, marks)


def _outside_field(
    spans: Sequence[tuple[TextRun, int, int]], offset: int
) -> tuple[TextRun | None, TextRun | None] | None:
    """(run to stand before, None) or (None, run to stand after) at `offset`, neither
    inside a field; None when there is no such place."""
    for index, (item, start, _) in enumerate(spans):
        if start == offset and item.text and item.in_field:
            # Walk back to the field's first run; stand before it when no text
            # lies between.
            back = index
            while back > 0 and spans[back - 1][0].in_field and spans[back - 1][2] == offset:
                back -= 1
            if back > 0 and spans[back - 1][0].in_field:
                return None
            return spans[back][0], None
    for index in range(len(spans) - 1, -1, -1):
        item, _, stop = spans[index]
        if stop == offset and item.text:
            if not item.in_field:
                return None, item
            ahead = index
            while (
                ahead + 1 < len(spans)
                and spans[ahead + 1][0].in_field
                and spans[ahead + 1][1] == offset
            ):
                ahead += 1
            return None, spans[ahead][0]
    return None


def map_offset(edits: Sequence[Edit], offset: int) -> int:
    """Where an offset of the edits' old text falls in their new text (inside deleted
    text: where the deletion stands)."""
    old = new = 0
    for edit in edits:
        size = len(edit.text)
        if edit.op is Op.INSERT:
            new += size
            continue
        if offset <= old + size:
            return new + (offset - old if edit.op is Op.EQUAL else 0)
        old += size
        new += size if edit.op is Op.EQUAL else 0
    return new


def note_references(paragraph: etree._Element) -> list[tuple[etree._Element, int]]:
    """The footnote and endnote references of a paragraph, with their text offset."""
    out = []
    position = 0
    for item in text_runs(paragraph):
        for child in item.run:
            if child.tag in NOTE_REFERENCES:
                out.append((item.run, position))
        position += len(item.text)
    return out


NOTE_REFERENCES = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}


def wrap_inserted(run: etree._Element, marks: Marks) -> None:
    parent = run.getparent()
    if parent is not None and parent.tag not in (_W_INS, _W_DEL):
        _wrap(run, marks.revision("w:ins"))


def _spans(paragraph: etree._Element) -> list[tuple[TextRun, int, int]]:
    out = []
    position = 0
    for item in text_runs(paragraph):
        out.append((item, position, position + len(item.text)))
        position += len(item.text)
    return out


def _split_at(paragraph: etree._Element, offset: int) -> None:
    """Split the run holding `offset` strictly inside it, so a run edge falls there."""
    for item, start, stop in _spans(paragraph):
        if start < offset < stop:
            _split_run(item.run, offset - start)
            return


def _split_run(run: etree._Element, offset: int) -> None:
    """Cut a run in two after `offset` visible characters; both keep its properties.
    Only text-bearing children are cut; each child goes whole to one side otherwise."""
    rpr = first_child(run, _W_RPR)
    second = etree.Element(_W_R)
    for name, value in run.attrib.items():
        second.set(name, value)
    if rpr is not None:
        second.append(copy.deepcopy(rpr))
    position = 0
    moving = False
    for child in [c for c in run if c is not rpr]:
        if moving:
            second.append(child)
            continue
        length = len(_child_text(child))
        if position + length <= offset:
            position += length
            continue
        if child.tag == _W_T and position < offset:
            text = child.text or ""
            cut = offset - position
            child.text = text[:cut]
            child.set(_XML_SPACE, "preserve")
            rest = etree.SubElement(second, _W_T)
            rest.text = text[cut:]
            rest.set(_XML_SPACE, "preserve")
        else:
            second.append(child)
        moving = True
    parent = run.getparent()
    assert parent is not None
    parent.insert(parent.index(run) + 1, second)


def _wrap(element: etree._Element, wrapper: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    parent.insert(parent.index(element), wrapper)
    wrapper.append(element)


def _outer(run: etree._Element) -> etree._Element:
    """The run, or the revision element wrapping it."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag in (_W_INS, _W_DEL) else run


def _insert_deleted(paragraph: etree._Element, offset: int, text: str, marks: Marks) -> None:
    """Add deleted text at `offset` of the paragraph's (new) text, formatted as the
    text around it."""
    spans = _spans(paragraph)
    after = next((item for item, start, _ in spans if start == offset and item.text), None)
    before = next((item for item, _, stop in reversed(spans) if stop == offset and item.text), None)
    nearest = before or after
    model = nearest.run if nearest is not None else None
    run = deleted_run(text, first_child(model, _W_RPR) if model is not None else None)
    place_deleted(paragraph, offset, run, marks)


def place_deleted(
    paragraph: etree._Element, offset: int, run: etree._Element, marks: Marks
) -> None:
    """Put a run, wrapped in a new w:del, at `offset` of the paragraph's (new) text:
    before the text that starts there, else after the text that ends there."""
    _split_at(paragraph, offset)
    spans = _spans(paragraph)
    after = next((item for item, start, _ in spans if start == offset and item.text), None)
    before = next((item for item, _, stop in reversed(spans) if stop == offset and item.text), None)
    if (after is not None and after.in_field) or (after is None and before is not None):
        # Next to a field's result, stand outside the field: before its first run,
        # or after its last.
        outside = _outside_field(spans, offset)
        if outside is not None:
            after, before = outside
    deleted = marks.revision("w:del")
    deleted.append(run)
    if after is not None:
        anchor = _outer(after.run)
        parent = anchor.getparent()
        assert parent is not None
        parent.insert(parent.index(anchor), deleted)
    elif before is not None:
        anchor = _outer(before.run)
        parent = anchor.getparent()
        assert parent is not None
        parent.insert(parent.index(anchor) + 1, deleted)
    else:
        _append_content(paragraph, deleted)


def text_run(
    text: str, rpr: etree._Element | None = None, *, deleted: bool = False
) -> etree._Element:
    """A w:r spelling `text`: tabs as w:tab, line breaks as w:br, the rest as w:t
    (w:delText in a deleted run)."""
    run = etree.Element(_W_R)
    if rpr is not None:
        props = copy.deepcopy(rpr)
        for change in props.findall(qn("w:rPrChange")):
            props.remove(change)
        run.append(props)
    tag = _W_DEL_TEXT if deleted else _W_T
    for piece in _pieces(text):
        if piece == "\t":
            etree.SubElement(run, qn("w:tab"))
        elif piece == "\n":
            etree.SubElement(run, qn("w:br"))
        else:
            node = etree.SubElement(run, tag)
            node.text = piece
            node.set(_XML_SPACE, "preserve")
    return run


def deleted_run(text: str, rpr: etree._Element | None = None) -> etree._Element:
    return text_run(text, rpr, deleted=True)


def _pieces(text: str) -> Iterator[str]:
    piece = ""
    for char in text:
        if char in "\t\n":
            if piece:
                yield piece
            piece = ""
            yield char
        else:
            piece += char
    if piece:
        yield piece


def _append_content(paragraph: etree._Element, element: etree._Element) -> None:
    paragraph.append(element)


# --- whole paragraphs ---


def paragraph_properties(paragraph: etree._Element) -> etree._Element:
    """The paragraph's w:pPr, created (first child, as the schema wants) if absent."""
    ppr = first_child(paragraph, _W_PPR)
    if ppr is None:
        ppr = etree.Element(_W_PPR)
        paragraph.insert(0, ppr)
    return ppr


def mark_paragraph_mark(paragraph: etree._Element, mark: etree._Element) -> None:
    """Record the paragraph mark as inserted, deleted or moved (w:pPr/w:rPr/mark)."""
    ppr = paragraph_properties(paragraph)
    rpr = first_child(ppr, _W_RPR)
    if rpr is None:
        rpr = etree.Element(_W_RPR)
        later = next((c for c in ppr if c.tag in _AFTER_MARK), None)
        if later is None:
            ppr.append(rpr)
        else:
            ppr.insert(ppr.index(later), rpr)
    rpr.insert(0, mark)


def mark_inserted(paragraph: etree._Element, marks: Marks, *, tag: str = "w:ins") -> None:
    """The whole paragraph inserted (tag "w:moveTo": moved here)."""
    for run in list(runs(paragraph)):
        parent = run.getparent()
        if parent is not None and parent.tag not in (_W_INS, _W_DEL):
            _wrap(run, marks.revision(tag))
    mark_paragraph_mark(paragraph, marks.revision(tag))


def mark_deleted(paragraph: etree._Element, marks: Marks, *, tag: str = "w:del") -> None:
    """The whole paragraph deleted (tag "w:moveFrom": moved away from here): its
    text becomes w:delText, field codes w:delInstrText."""
    for run in list(runs(paragraph)):
        for child in run:
            if child.tag == _W_T:
                child.tag = _W_DEL_TEXT
            elif child.tag == _W_INSTR:
                child.tag = _W_DEL_INSTR
        _wrap(run, marks.revision(tag))
    mark_paragraph_mark(paragraph, marks.revision(tag))


def move_range(paragraph: etree._Element, marks: Marks, name: str, *, to: bool) -> None:
    """Bracket a moved paragraph's content with w:moveFromRange* / w:moveToRange*
    markers whose name pairs the two halves of the move."""
    kind = "moveTo" if to else "moveFrom"
    start = etree.Element(qn(f"w:{kind}RangeStart"))
    range_id = marks.take_id()
    start.set(qn("w:id"), range_id)
    start.set(qn("w:name"), name)
    start.set(qn("w:author"), marks.author)
    start.set(qn("w:date"), marks.date)
    end = etree.Element(qn(f"w:{kind}RangeEnd"))
    end.set(qn("w:id"), range_id)
    ppr = first_child(paragraph, _W_PPR)
    paragraph.insert(0 if ppr is None else paragraph.index(ppr) + 1, start)
    paragraph.append(end)
