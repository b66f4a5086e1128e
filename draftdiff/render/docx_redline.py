"""Provides `redline_docx`: the new version as a Word document with tracked changes.

    Comparison + the two files --here--> .docx bytes

The output is the new version's own package when it is a .docx (styles, numbering
definitions and list levels survive; its own pending revisions are accepted first,
so the redline's are the only ones), else a clean document written from the new
version's clauses, numbers as text. On it, from the comparison's clause pairs:

- a clause on both sides at its place: the word diff of its paragraph's text
  (textdiff.word_diff on the run text, so tabs and typed numbers count) as w:ins /
  w:del; a table row, cell by cell;
- an added clause: its paragraph inserted, mark included; a removed one: the old
  paragraph (a sanitised copy when the old version is a .docx) inserted as
  deleted, after the new paragraph of the nearest old clause before it that kept
  its place;
- a moved clause: w:moveFrom at its old place, w:moveTo at its new one, the two
  halves paired by the name of their move ranges;
- splits and merges: the old paragraphs deleted, the new ones inserted.

Accept all gives the new text, reject all the old; `comments=True` adds a Word
comment on each clause the semantic layer found something in.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from draftdiff.diff.result import NON_SUBSTANTIVE, ClausePair, Comparison, Edit, Op, Status
from draftdiff.diff.textdiff import word_diff
from draftdiff.errors import InputError
from draftdiff.model import BlockKind, Clause, Document
from draftdiff.parse.wordml.content import Paragraph, StoryReader
from draftdiff.parse.wordml.ns import first_child, qn, wval
from draftdiff.parse.wordml.numbering import Numbering
from draftdiff.parse.wordml.package import open_package
from draftdiff.parse.wordml.revisions import View
from draftdiff.parse.wordml.styles import Styles
from draftdiff.render.ooxml_accept import accept_all
from draftdiff.render.ooxml_notes import NoteCopier
from draftdiff.render.ooxml_package import DocxParts, blank_parts, read_parts
from draftdiff.render.ooxml_runs import (
    NOTE_REFERENCES,
    Marks,
    apply_edits,
    map_offset,
    mark_deleted,
    mark_inserted,
    move_range,
    note_references,
    paragraph_properties,
    paragraph_text,
    place_deleted,
    text_run,
    wrap_inserted,
)

_W_P, _W_TR, _W_TC, _W_TBL, _W_BODY = (qn(t) for t in ("w:p", "w:tr", "w:tc", "w:tbl", "w:body"))
_KEPT_PLACE = (Status.UNCHANGED, Status.MODIFIED, Status.RENUMBERED)


@dataclass(frozen=True)
class RedlineOptions:
    author: str = "draftdiff"
    date: str = "2026-01-01T00:00:00Z"
    comments: bool = False


@dataclass(frozen=True)
class Redline:
    """The document written, and what could not be shown as a tracked change."""

    data: bytes
    revisions: int
    comments: int
    unplaced: tuple[str, ...] = ()
    """Clause ids whose paragraph could not be found in the Word file (their change
    is missing from the redline); empty when every change is in it."""


@dataclass
class _Unit:
    """The body elements of one clause: a paragraph, or a table row's paragraphs."""

    paragraphs: list[etree._Element]
    row: etree._Element | None = None

    @property
    def element(self) -> etree._Element:
        return self.row if self.row is not None else self.paragraphs[0]


@dataclass
class _Side:
    document: Document
    units: dict[str, _Unit] = field(default_factory=dict)
    styles: set[str] = field(default_factory=set)
    numbering: set[str] = field(default_factory=set)
    docx: bool = False


def redline_docx(comparison: Comparison, options: RedlineOptions) -> Redline:
    """Write the redline of a comparison; the files are read again from the paths
    the documents were parsed from."""
    new_data = _docx_bytes(comparison.new)
    old_data = _docx_bytes(comparison.old)
    parts = read_parts(new_data, comparison.new.path) if new_data is not None else blank_parts()
    root = parts.xml(parts.main)
    body = root.find(qn("w:body"))
    if body is None:
        raise InputError("not a valid .docx (no document body)", path=comparison.new.path)
    if new_data is not None:
        accept_all(root)
        new = _docx_side(comparison.new, new_data, body)
    else:
        new = _text_side(comparison.new, body, into_body=True)
    _known_definitions(parts, new)
    if old_data is not None:
        old_parts = read_parts(old_data, comparison.old.path)
        old_root = old_parts.xml(old_parts.main)
        accept_all(old_root)
        old_body = old_root.find(qn("w:body"))
        old = _docx_side(comparison.old, old_data, old_body if old_body is not None else old_root)
    else:
        old_parts = None
        old = _text_side(comparison.old, etree.Element(_W_BODY), into_body=False)
    marks = Marks(options.author, options.date, _max_id(parts, root) + 1)
    writer = _Writer(comparison, old, new, body, marks)
    writer.notes = NoteCopier(parts, old_parts, marks, writer.sanitised_note)
    writer.write()
    writer.notes.write()
    comments = _add_comments(parts, writer, marks) if options.comments else 0
    parts.set_xml(parts.main, root)
    return Redline(
        parts.to_bytes(),
        writer.revisions,
        comments,
        tuple(dict.fromkeys(writer.unplaced)),
    )


def _docx_bytes(document: Document) -> bytes | None:
    if document.format != "docx":
        return None
    try:
        return Path(document.path).read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path=document.path) from None


# --- where each clause is in the body ---


def _docx_side(document: Document, data: bytes, body: etree._Element) -> _Side:
    """Map the clauses of a parsed .docx to the paragraphs of its (accepted) body:
    Block.line is the paragraph's position in the reader's order, checked by text."""
    for paragraph in body.iter(_W_P):
        paragraph_properties(paragraph)  # every paragraph findable from its w:pPr
    package = open_package(data, document.path)
    styles = Styles(package.styles)
    reader = StoryReader(styles, Numbering(package.numbering, styles), View.ACCEPTED)
    paragraphs = reader.paragraphs(body)
    side = _Side(document, docx=True)
    # Block.line counts the reader's paragraphs after run-in headings were joined to
    # the paragraph they run into, so each join shifts the count by one: follow
    # the shift from one found paragraph to the next.
    drift = 0
    for clause in _clauses(document):
        block = clause.block
        index = block.line - 1 + drift
        if block.kind is BlockKind.TABLE_ROW:
            found = _row_at(paragraphs, index)
        else:
            near = _paragraph_near(paragraphs, index, block.text)
            found = None
            if near is not None:
                at, count = near
                drift = at + count - 1 - (block.line - 1)
                elements = [_element_of(p) for p in paragraphs[at : at + count]]
                if all(e is not None for e in elements):
                    found = _Unit([e for e in elements if e is not None])
        if found is not None:
            side.units[clause.id] = found
    return side


def _element_of(paragraph: object) -> etree._Element | None:
    properties = getattr(paragraph, "properties", None)
    element = properties.getparent() if properties is not None else None
    return element if element is not None and element.tag == _W_P else None


def _paragraph_near(
    paragraphs: Sequence[Paragraph], index: int, text: str
) -> tuple[int, int] | None:
    """(position, count) of the paragraphs with this text at or just around `index`:
    one paragraph, or a run-in heading and the paragraphs it runs into, joined as the
    reader joins them."""
    for offset in (0, 1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3):
        at = index + offset
        if not 0 <= at < len(paragraphs) or paragraphs[at].row is not None:
            continue
        joined, count = paragraphs[at].text, 1
        while paragraphs[at + count - 1].run_in and at + count < len(paragraphs):
            following = paragraphs[at + count].text
            separator = "" if following[:1] in ".,:;)" else " "
            joined = f"{joined}{separator}{following}".strip()
            count += 1
        if joined.replace("\u2029", "\n") == text:
            return at, count
    return None


def _row_at(paragraphs: Sequence[object], index: int) -> _Unit | None:
    if not 0 <= index < len(paragraphs):
        return None
    row = getattr(paragraphs[index], "row", None)
    if row is None:
        return None
    elements = []
    for para in paragraphs[index:]:
        if getattr(para, "row", None) != row:
            break
        element = _element_of(para)
        if element is not None:
            elements.append(element)
    table_row = next((a for a in elements[0].iterancestors(_W_TR)), None) if elements else None
    # The outermost row: nested tables' rows are part of their cell.
    if table_row is not None:
        for ancestor in table_row.iterancestors(_W_TR):
            table_row = ancestor
    return _Unit(elements, table_row) if table_row is not None else None


def _text_side(document: Document, body: etree._Element, *, into_body: bool) -> _Side:
    """A text or Markdown version as one paragraph per clause, numbers as text."""
    side = _Side(document)
    anchor = first_child(body, qn("w:sectPr"))
    for clause in _clauses(document):
        paragraph = _clean_paragraph(clause)
        if anchor is not None and into_body:
            anchor.addprevious(paragraph)
        else:
            body.append(paragraph)
        side.units[clause.id] = _Unit([paragraph])
    return side


def _clean_paragraph(clause: Clause) -> etree._Element:
    block = clause.block
    text = f"{block.label} {block.text}" if block.label else block.text
    paragraph = etree.Element(_W_P)
    ppr = etree.SubElement(paragraph, qn("w:pPr"))
    style = None
    if clause.id == "title":
        style = "Title"
    elif block.kind is BlockKind.HEADING or block.heading:
        style = f"Heading{min(max(block.heading, 1), 9)}"
    if style:
        etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), style)
    if text:
        paragraph.append(text_run(text))
    return paragraph


def _clauses(document: Document) -> Iterable[Clause]:
    """The clauses that are body paragraphs (notes live in their own parts)."""
    return (c for c in document.walk() if not c.is_note)


def _known_definitions(parts: DocxParts, side: _Side) -> None:
    """The style and numbering ids the output package defines (copied old paragraphs
    may use only these)."""
    for name, tag, attr, into in (
        ("styles", "w:style", "styleId", side.styles),
        ("numbering", "w:num", "numId", side.numbering),
    ):
        part = parts.part_for(
            f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}"
        )
        if part is None or part not in parts.members:
            continue
        for element in parts.xml(part).iter(qn(tag)):
            value = wval(element, attr)
            if value is not None:
                into.add(value)


def _max_id(parts: DocxParts, root: etree._Element) -> int:
    """The largest w:id in the main part and the comments, so new ids are unique."""
    roots = [root]
    comments = parts.part_for(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    )
    if comments is not None and comments in parts.members:
        roots.append(parts.xml(comments))
    best = 0
    for tree in roots:
        for element in tree.iter():
            value = element.get(qn("w:id")) if isinstance(element.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                best = max(best, int(value))
    return best


# --- writing the changes ---


class _Writer:
    def __init__(
        self,
        comparison: Comparison,
        old: _Side,
        new: _Side,
        body: etree._Element,
        marks: Marks,
    ) -> None:
        self.comparison = comparison
        self.old = old
        self.new = new
        self.body = body
        self.marks = marks
        self.revisions = 0
        self.unplaced: list[str] = []
        self.anchors: dict[str, etree._Element] = {}
        """Old clause id -> the new element standing at its place (clauses kept in place)."""
        self.placed: dict[str, list[etree._Element]] = {}
        """Clause id ("old:" or "new:" prefixed) -> the paragraphs showing it."""
        self.notes: NoteCopier | None = None
        self._last_after: dict[int, etree._Element] = {}
        self._old_only: dict[str, tuple[str, str | None]] = {}

    def write(self) -> None:
        for pair in self.comparison.pairs:
            self._pair(pair)
        self._place_old_only()

    def _unit(self, side: _Side, clause_id: str) -> _Unit | None:
        unit = side.units.get(clause_id)
        if (
            unit is None
            and not self.comparison.clause("old" if side is self.old else "new", clause_id).is_note
        ):
            self.unplaced.append(clause_id)
        return unit

    def _pair(self, pair: ClausePair) -> None:
        if all(self._is_note("old", c) for c in pair.old) and all(
            self._is_note("new", c) for c in pair.new
        ):
            return
        if pair.status in _KEPT_PLACE and len(pair.old) == 1 and len(pair.new) == 1:
            old = self._unit(self.old, pair.old[0])
            new = self._unit(self.new, pair.new[0])
            if old is not None and new is not None and (old.row is None) == (new.row is None):
                self.anchors[pair.old[0]] = new.element
                self.placed["new:" + pair.new[0]] = new.paragraphs
                if new.row is None and len(old.paragraphs) == len(new.paragraphs) == 1:
                    self._edit(
                        old.paragraphs[0], new.paragraphs[0], self._labels(pair.old[0], pair.new[0])
                    )
                elif new.row is None:
                    self._edit_parts(old.paragraphs, new.paragraphs)
                else:
                    self._edit_row(old, new)
                return
        if (
            pair.status is Status.MOVED
            and len(pair.old) == 1
            and len(pair.new) == 1
            and _is_paragraph(self.old.units.get(pair.old[0]))
            and _is_paragraph(self.new.units.get(pair.new[0]))
        ):
            name = self.marks.move_name()
            self._insert_new(pair.new[0], move=name)
            self._old_only[pair.old[0]] = ("move", name)
            return
        for clause_id in pair.new:
            self._insert_new(clause_id)
        for clause_id in pair.old:
            self._old_only[clause_id] = ("delete", None)

    def _is_note(self, side: str, clause_id: str) -> bool:
        return self.comparison.clause(side, clause_id).is_note  # type: ignore[arg-type]

    # --- clauses on both sides ---

    def _labels(self, old_id: str, new_id: str) -> tuple[str, str]:
        """The numbers that stand outside the text on one side only: across formats
        they must not read as edits ("3.2" typed in Markdown is "3.2" numbered by Word).
        Returns (the old side's Word label, the old side's typed number) when the new
        side's number is Word's, or (the old Word label, "") the other way round."""
        if self.old.docx == self.new.docx:
            return "", ""
        old = self.comparison.clause("old", old_id)
        new = self.comparison.clause("new", new_id)
        if self.new.docx and new.block.label:
            # Word's label first: "Article 1 —" typed is more than the number "Article 1".
            return "", "\n".join(n for n in (new.block.label, old.number) if n)
        if self.old.docx and old.block.label:
            return old.block.label, ""
        return "", ""

    def _edit(
        self, old: etree._Element, new: etree._Element, labels: tuple[str, str] = ("", "")
    ) -> None:
        before, after = paragraph_text(old), paragraph_text(new)
        old_label, typed = labels
        for number in typed.split("\n") if typed else ():
            # Typed in the old text, numbered by Word in the new: Word renders the
            # number, in either view, so the typed one is not part of the text.
            stripped = re.sub(rf"^{re.escape(number)}[.)]?\s*", "", before, count=1)
            if stripped != before:
                before = stripped
                break
        if old_label and after.startswith(old_label):
            before = f"{old_label} {before}"
        if " ".join(before.split()) == " ".join(after.split()):
            edits: tuple[Edit, ...] = (Edit(Op.EQUAL, after),) if after else ()
        else:
            edits = word_diff(before, after)
            apply_edits(new, edits, self.marks)
            self.revisions += sum(1 for e in edits if e.op is not Op.EQUAL)
        self._note_references(old, new, edits, len(before) - len(paragraph_text(old)))

    def _note_references(
        self, old: etree._Element, new: etree._Element, edits: Sequence[Edit], shift: int
    ) -> None:
        """Footnote and endnote references that only one side has: a new paragraph's
        own are marked inserted when the old one cited none; an old paragraph's are
        added as deleted (with their notes) when the new one cites none. Otherwise
        both cite notes and the notes themselves are compared as clauses."""
        old_refs, new_refs = note_references(old), note_references(new)
        if new_refs and not old_refs:
            for run, _ in new_refs:
                wrap_inserted(run, self.marks)
                self.revisions += 1
        elif old_refs and not new_refs and self.notes is not None:
            for run, offset in reversed(old_refs):
                copied = self._sanitised(run)
                if not any(c.tag in NOTE_REFERENCES for c in copied):
                    continue
                for child in copied:
                    if child.tag == qn("w:t"):
                        child.tag = qn("w:delText")
                place_deleted(new, map_offset(edits, max(0, offset + shift)), copied, self.marks)
                self.revisions += 1

    def _edit_parts(self, old: list[etree._Element], new: list[etree._Element]) -> None:
        """Paragraphs shown as one (a run-in heading and its text), part by part."""
        for old_p, new_p in zip(old, new, strict=False):
            self._edit(old_p, new_p)
        for extra in new[len(old) :]:
            self._mark_new(extra)
        anchor = new[-1]
        for extra in old[len(new) :]:
            copy_p = self._sanitised(extra)
            mark_deleted(copy_p, self.marks)
            self.revisions += 1
            anchor.addnext(copy_p)
            anchor = copy_p

    def _edit_row(self, old: _Unit, new: _Unit) -> None:
        old_cells, new_cells = _cells(old), _cells(new)
        if len(old_cells) != len(new_cells):
            for paragraph in new.paragraphs:
                self._mark_new(paragraph)
            assert new.row is not None
            self._mark_row(new.row, "w:ins")
            self._copy_after(old, new.row, "delete", None)
            return
        for before, after in zip(old_cells, new_cells, strict=True):
            for old_p, new_p in zip(before, after, strict=False):
                self._edit(old_p, new_p)
            for extra in after[len(before) :]:
                self._mark_new(extra)
            anchor = after[-1] if after else None
            for extra in before[len(after) :]:
                copy_p = self._sanitised(extra)
                mark_deleted(copy_p, self.marks)
                self.revisions += 1
                if anchor is not None:
                    anchor.addnext(copy_p)
                    anchor = copy_p

    # --- new-only clauses ---

    def _insert_new(self, clause_id: str, move: str | None = None) -> None:
        unit = self._unit(self.new, clause_id)
        if unit is None:
            return
        self.placed["new:" + clause_id] = unit.paragraphs
        tag = "w:moveTo" if move else "w:ins"
        for paragraph in unit.paragraphs:
            self._mark_new(paragraph, tag)
            if move:
                move_range(paragraph, self.marks, move, to=True)
        if unit.row is not None:
            self._mark_row(unit.row, "w:ins")

    def _mark_new(self, paragraph: etree._Element, tag: str = "w:ins") -> None:
        mark_inserted(paragraph, self.marks, tag=tag)
        self.revisions += 1

    def _mark_row(self, row: etree._Element, tag: str) -> None:
        trpr = first_child(row, qn("w:trPr"))
        if trpr is None:
            trpr = etree.Element(qn("w:trPr"))
            # w:trPr follows w:tblPrEx, which is a row's first child when present.
            row.insert(1 if first_child(row, qn("w:tblPrEx")) is not None else 0, trpr)
        trpr.append(self.marks.revision(tag))

    # --- old-only clauses ---

    def _place_old_only(self) -> None:
        order = [c.id for c in _clauses(self.comparison.old)]
        first_anchor = next((self.anchors[c] for c in order if c in self.anchors), None)
        previous: etree._Element | None = None
        for clause_id in order:
            if clause_id in self.anchors:
                previous = self.anchors[clause_id]
                continue
            if clause_id not in self._old_only:
                continue
            kind, name = self._old_only[clause_id]
            unit = self._unit(self.old, clause_id)
            if unit is None:
                continue
            if previous is None:
                self._copy_before(unit, first_anchor, kind, name, clause_id)
            else:
                self._copy_after(unit, previous, kind, name, clause_id)

    def _copy(self, unit: _Unit, kind: str, name: str | None) -> list[etree._Element]:
        """Deleted (or moved-away) copies of an old clause's paragraphs or row."""
        tag = "w:moveFrom" if kind == "move" else "w:del"
        if unit.row is not None and kind != "move":
            row = self._sanitised(unit.row)
            for paragraph in row.iter(_W_P):
                mark_deleted(paragraph, self.marks)
            self._mark_row(row, "w:del")
            self.revisions += 1
            return [row]
        out = []
        for paragraph in unit.paragraphs:
            copy_p = self._sanitised(paragraph)
            mark_deleted(copy_p, self.marks, tag=tag)
            if name is not None:
                move_range(copy_p, self.marks, name, to=False)
            self.revisions += 1
            out.append(copy_p)
        return out

    def _copy_after(
        self,
        unit: _Unit,
        anchor: etree._Element,
        kind: str,
        name: str | None,
        clause_id: str = "",
    ) -> None:
        items = self._copy(unit, kind, name)
        if clause_id:
            self.placed["old:" + clause_id] = [i for i in items if i.tag == _W_P] or list(
                items[0].iter(_W_P)
            )
        after = self._last_after.get(id(anchor), anchor)
        for item in items:
            after = self._put_after(after, item, unit)
        self._last_after[id(anchor)] = after

    def _copy_before(
        self,
        unit: _Unit,
        anchor: etree._Element | None,
        kind: str,
        name: str | None,
        clause_id: str,
    ) -> None:
        items = self._copy(unit, kind, name)
        self.placed["old:" + clause_id] = [i for i in items if i.tag == _W_P] or list(
            items[0].iter(_W_P)
        )
        for item in items:
            item = self._as_block(item, unit)
            if anchor is None:
                sect = first_child(self.body, qn("w:sectPr"))
                if sect is not None:
                    sect.addprevious(item)
                else:
                    self.body.append(item)
            else:
                target = (
                    anchor if item.tag == _W_TR and anchor.tag == _W_TR else _outer_block(anchor)
                )
                target.addprevious(item)

    def _put_after(
        self, after: etree._Element, item: etree._Element, unit: _Unit
    ) -> etree._Element:
        if item.tag == _W_TR and after.tag == _W_TR:
            after.addnext(item)
            return item
        block = self._as_block(item, unit)
        target = _outer_block(after)
        target.addnext(block)
        return block

    def _as_block(self, item: etree._Element, unit: _Unit) -> etree._Element:
        """A row standing outside a table gets one of its own (the old table's
        properties and grid)."""
        if item.tag != _W_TR:
            return item
        table = etree.Element(_W_TBL)
        old_table = unit.row.getparent() if unit.row is not None else None
        for tag in ("w:tblPr", "w:tblGrid"):
            found = first_child(old_table, qn(tag)) if old_table is not None else None
            table.append(copy.deepcopy(found) if found is not None else etree.Element(qn(tag)))
        table.append(item)
        return table

    def sanitised_note(self, element: etree._Element) -> etree._Element:
        return self._sanitised(element, notes=False)

    def _sanitised(self, element: etree._Element, *, notes: bool = True) -> etree._Element:
        """A copy of old content fit for the new package: notes it cites copied over
        (deleted), nothing else pointing at the old package's parts (comments, images,
        links), no bookmarks, and only the styles and lists the new package defines."""
        out = copy.deepcopy(element)
        for tag, kind in NOTE_REFERENCES.items():
            for found in list(out.iter(tag)):
                new_id = self.notes.copy(kind, wval(found, "id")) if notes and self.notes else None
                if new_id is None:
                    _drop(found)
                else:
                    found.set(qn("w:id"), new_id)
        for tag in (
            "w:bookmarkStart",
            "w:bookmarkEnd",
            "w:commentRangeStart",
            "w:commentRangeEnd",
            "w:sectPr",
            "w:pPrChange",
            "w:rPrChange",
        ):
            for found in list(out.iter(qn(tag))):
                _drop(found)
        for tag in (
            "w:commentReference",
            "w:drawing",
            "w:pict",
            "w:object",
        ):
            for found in list(out.iter(qn(tag))):
                _drop(found)
        for found in list(out.iter(qn("mc:AlternateContent"))):
            _drop(found)
        for link in list(out.iter(qn("w:hyperlink"))):
            if qn("r:id") in link.attrib:
                del link.attrib[qn("r:id")]
        for style_tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            for found in list(out.iter(qn(style_tag))):
                if wval(found) not in self.new.styles:
                    _drop(found)
        for numpr in list(out.iter(qn("w:numPr"))):
            if wval(first_child(numpr, qn("w:numId"))) not in self.new.numbering:
                _drop(numpr)
        return out


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _is_paragraph(unit: _Unit | None) -> bool:
    return unit is not None and unit.row is None


def _outer_block(element: etree._Element) -> etree._Element:
    """The element, or the outermost table holding it (a paragraph cannot stand between
    rows)."""
    outer = element
    for ancestor in element.iterancestors(_W_TBL):
        outer = ancestor
    return outer


def _cells(unit: _Unit) -> list[list[etree._Element]]:
    """A row's paragraphs grouped by cell, in order."""
    cells: dict[int, list[etree._Element]] = {}
    order: list[int] = []
    for paragraph in unit.paragraphs:
        cell = next(paragraph.iterancestors(_W_TC), None)
        key = id(cell)
        if key not in cells:
            cells[key] = []
            order.append(key)
        cells[key].append(paragraph)
    return [cells[k] for k in order]


# --- comments ---


def _add_comments(parts: DocxParts, writer: _Writer, marks: Marks) -> int:
    """A comment on each clause with a semantic finding, saying what changed."""
    findings: dict[str, list[str]] = {}
    for change in writer.comparison.changes:
        if change.family == "clause" or change.type in NON_SUBSTANTIVE:
            continue
        key = (
            f"new:{change.new_clause}"
            if change.new_clause is not None and f"new:{change.new_clause}" in writer.placed
            else f"old:{change.old_clause}"
        )
        if key in writer.placed:
            findings.setdefault(key, []).append(_finding(change.type, change.summary))
    if not findings:
        return 0
    name, comments = parts.comments_part()
    for key, lines in findings.items():
        paragraphs = writer.placed[key]
        if not paragraphs:
            continue
        comment_id = marks.take_id()
        comment = etree.SubElement(comments, qn("w:comment"))
        comment.set(qn("w:id"), comment_id)
        comment.set(qn("w:author"), marks.author)
        comment.set(qn("w:date"), marks.date)
        comment.set(qn("w:initials"), "".join(w[:1] for w in marks.author.split())[:4] or "D")
        for line in dict.fromkeys(lines):
            paragraph = etree.SubElement(comment, _W_P)
            paragraph.append(text_run(line))
        first, last = paragraphs[0], paragraphs[-1]
        revision = _mark_revision(last)
        if revision is None:
            start = etree.Element(qn("w:commentRangeStart"))
            start.set(qn("w:id"), comment_id)
            ppr = first_child(first, qn("w:pPr"))
            first.insert(0 if ppr is None else first.index(ppr) + 1, start)
            end = etree.SubElement(last, qn("w:commentRangeEnd"))
            end.set(qn("w:id"), comment_id)
        reference = etree.SubElement(last, qn("w:r"))
        etree.SubElement(reference, qn("w:commentReference")).set(qn("w:id"), comment_id)
        if revision is not None:
            # In a paragraph that one view removes (inserted, deleted, moved), the
            # comment is a point inside the same revision: a range or a standing
            # reference would keep the paragraph alive in that view, and LibreOffice
            # would join the next paragraph to it, numbering and all.
            wrapper = marks.revision(revision)
            last.replace(reference, wrapper)
            wrapper.append(reference)
    parts.set_xml(name, comments)
    return len(findings)


def _mark_revision(paragraph: etree._Element) -> str | None:
    """ "w:ins", "w:del", "w:moveFrom" or "w:moveTo" when the paragraph mark is one."""
    mark = first_child(first_child(paragraph, qn("w:pPr")), qn("w:rPr"))
    for name in ("w:ins", "w:del", "w:moveFrom", "w:moveTo"):
        if mark is not None and first_child(mark, qn(name)) is not None:
            return name
    return None


def _finding(kind: str, summary: str) -> str:
    """ "obligation weakened: shall → shall use reasonable efforts to" from a change."""
    what = kind.replace(".", " ").replace("_", " ")
    detail = summary.split(" — ", 1)[1] if " — " in summary else summary
    return f"{what}: {detail}"
