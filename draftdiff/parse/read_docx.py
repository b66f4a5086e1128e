"""Provides `read_docx`: a Word document as the blocks a schema turns into clauses.

    bytes --package--> parts --StoryReader(view)--> paragraphs --here--> Blocks

Each visible paragraph becomes one Block: its text as Word shows it (field
results, tracked changes resolved by the view), its list label as Word renders
it ("3.2.", "(a)": `Block.label`, typed numbers stay in the text), its list level
(`depth`) and heading level (Title, Heading 1-9, outline levels). A table row is
one block, its cells joined with " | " as the Markdown reader does. Footnotes and
endnotes are appended to the paragraph that cites them, as "[Footnote: ...]", so
a changed note shows in the clause it belongs to; comments likewise, but only
when asked (`comments=True`). Headers and footers are kept beside the clause tree.

Everything else a text comparison cannot use is named in the document's notes
("2 images not compared"), never dropped in silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from lxml import etree

from draftdiff.errors import InputError
from draftdiff.model import Block, BlockKind, PageText
from draftdiff.parse.docx_indent import Indents
from draftdiff.parse.wordml.content import Paragraph, StoryReader
from draftdiff.parse.wordml.ns import qn, wval
from draftdiff.parse.wordml.numbering import Numbering
from draftdiff.parse.wordml.package import Package, open_package
from draftdiff.parse.wordml.revisions import RevisionSummary, View, summarize
from draftdiff.parse.wordml.styles import Styles

CELL_SEPARATOR = " | "
_NOTE_NAMES = {"footnote": "Footnote", "endnote": "Endnote", "comment": "Comment"}


@dataclass(frozen=True)
class DocxContent:
    """What the reader found in one .docx, ready for `document_from_blocks`."""

    blocks: tuple[Block, ...]
    notes: tuple[str, ...]
    """What was not read or was read specially, in words a user understands."""
    page_texts: tuple[PageText, ...]
    revisions: RevisionSummary


def read_docx(
    data: bytes, path: str = "<docx>", *, view: View = View.ACCEPTED, comments: bool = False
) -> DocxContent:
    """Read a .docx's bytes; InputError when it is not a readable Word document."""
    package = open_package(data, path)
    try:
        return _Reader(package, view, comments).read()
    except InputError as err:
        err.path = err.path or path
        raise
    except RecursionError:
        raise InputError("content nested too deeply to read", path=path) from None


class _Reader:
    def __init__(self, package: Package, view: View, comments: bool) -> None:
        self.package = package
        self.view = view
        self.comments = comments
        styles = Styles(package.styles)
        numbering = Numbering(package.numbering, styles)
        self.stories = StoryReader(styles, numbering, view)
        self.indents = Indents(package.styles, package.numbering, styles, numbering)
        self._notes_reader = self.stories.fresh()
        self._note_text: dict[tuple[str, str], str] = {}
        self._note_parts = {
            "footnote": _by_id(package.footnotes, "w:footnote"),
            "endnote": _by_id(package.endnotes, "w:endnote"),
            "comment": _by_id(package.comments, "w:comment"),
        }

    def read(self) -> DocxContent:
        paragraphs = self.stories.paragraphs(self.package.body)
        blocks = tuple(self._blocks(paragraphs))
        page_texts = self._page_texts()
        roots = [
            self.package.body,
            self.package.footnotes,
            self.package.endnotes,
            *self.package.related.values(),
        ]
        revisions = summarize(roots)
        return DocxContent(blocks, self._notes(revisions), page_texts, revisions)

    # --- blocks ---

    def _blocks(self, paragraphs: Sequence[Paragraph]) -> Iterable[Block]:
        paragraphs, joined = _join_run_in(paragraphs)
        index = 0
        list_depth: int | None = None  # level of the last numbered paragraph
        while index < len(paragraphs):
            para = paragraphs[index]
            if para.row is not None:
                end = index
                while end < len(paragraphs) and paragraphs[end].row == para.row:
                    end += 1
                text = self._row_text(paragraphs[index:end])
                if text:
                    yield _block(text, BlockKind.TABLE_ROW, index + 1)
                index = end
                continue
            index += 1
            text, label = para.text, para.label
            depth = 0 if list_depth is None else list_depth + 1
            # A heading run into its clause ("4.9 Voting Agreement. The Company shall
            # ...") is a provision; it keeps its outline level for the tree.
            heading = para.heading if reads_as_heading(text) and index - 1 not in joined else 0
            indent = self.indents.left(para)
            if not text and (label is None or not label.is_number):
                pass
            elif _TOC_STYLE.match(para.style):
                # A table of contents repeats the clause numbers ("2.1 Fees 2"); read as
                # clauses they would open a second tree that the real clauses nest under.
                yield _block(text, BlockKind.OTHER, index, depth=depth, para=para)
            elif heading and not label:
                list_depth, depth = None, 0
                yield _block(
                    text, BlockKind.HEADING, index, heading=heading, para=para, indent=indent
                )
            elif label is not None:
                list_depth = depth = label.ilvl
                number = label.text if label.is_number else ""
                kind = BlockKind.HEADING if heading else BlockKind.LIST_ITEM
                # The outline level stays even when the text is a provision, not a
                # heading: "(b) ..." in Heading 3 is still below "1.4 ..." in Heading 2.
                yield _block(
                    text,
                    kind,
                    index,
                    label=number,
                    depth=depth,
                    heading=para.heading,
                    para=para,
                    indent=indent,
                )
            else:
                # Body text under a numbered clause continues that clause.
                yield _block(
                    text, BlockKind.PARAGRAPH, index, depth=depth, para=para, indent=indent
                )
            # Notes follow the paragraph that cites them, one level deeper, so they
            # belong to its clause without drowning its words (NVCA drafts carry
            # footnotes longer than the clauses they annotate).
            for note in self._notes_of(para):
                yield _block(note, BlockKind.NOTE, index, depth=depth + 1)

    def _row_text(self, paragraphs: Sequence[Paragraph]) -> str:
        cells: dict[int, list[str]] = {}
        for para in paragraphs:
            text = " ".join([para.text, *self._notes_of(para)]).strip()
            if para.label is not None and para.label.is_number:
                text = f"{para.label.text} {text}".strip()
            if text:
                cells.setdefault(para.cell, []).append(text)
        return CELL_SEPARATOR.join(" ".join(parts) for _, parts in sorted(cells.items()))

    def _notes_of(self, para: Paragraph) -> list[str]:
        """The texts of the notes (and, when asked, comments) a paragraph cites."""
        out = []
        for kind, note_id in para.notes:
            if kind == "comment" and not self.comments:
                continue
            note = self._note(kind, note_id)
            if note:
                out.append(note)
        return out

    def _note(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self._note_text:
            element = self._note_parts[kind].get(note_id)
            text = ""
            if element is not None:
                body = " ".join(p.text for p in self._notes_reader.paragraphs(element) if p.text)
                name = _NOTE_NAMES[kind]
                if kind == "comment":
                    author = wval(element, "author")
                    name += f" by {author}" if author else ""
                text = f"[{name}: {body}]" if body else ""
            self._note_text[key] = text
        return self._note_text[key]

    # --- headers and footers ---

    def _page_texts(self) -> tuple[PageText, ...]:
        seen: list[PageText] = []
        reader = self.stories.fresh()
        for sect in self.package.body.iter(qn("w:sectPr")):
            parent = sect.getparent()
            if parent is not None and parent.tag == qn("w:sectPrChange"):
                continue
            for child in sect:
                kind = {qn("w:headerReference"): "header", qn("w:footerReference"): "footer"}.get(
                    child.tag
                )
                rel_id = child.get(qn("r:id"))
                part = self.package.related.get(rel_id or "")
                if kind is None or part is None:
                    continue
                text = " ".join(p.text for p in reader.paragraphs(part) if p.text)
                place = wval(child, "type") or "default"
                entry = PageText(kind=kind, place=place, text=text)
                if text and entry not in seen:
                    seen.append(entry)
        return tuple(seen)

    # --- notes for the user ---

    def _notes(self, revisions: RevisionSummary) -> tuple[str, ...]:
        out: list[str] = []
        if revisions.total:
            if self.view is View.ACCEPTED:
                how = "read with every change accepted (--view original: all rejected)"
            else:
                how = "read with every change rejected (--view accepted: all accepted)"
            out.append(f"carries {revisions.describe()}; {how}")
        for kind, count in sorted(self.stories.skipped.items()):
            noun = kind if count == 1 else _plural(kind)
            out.append(f"{count} {noun} not compared")
        equations = self.stories.equations
        if equations:
            out.append(f"{equations} equation{'s' if equations != 1 else ''} read as plain text")
        comments = len(self._note_parts["comment"])
        if comments and not self.comments:
            out.append(
                f"{comments} comment{'s' if comments != 1 else ''} not compared "
                "(--comments includes them)"
            )
        return tuple(out)


# Word's built-in table-of-contents styles are "toc 1" .. "toc 9" ("TOC 1" in some locales).
_TOC_STYLE = re.compile(r"toc\s*[1-9]$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)\]]*\s+[\"“(\[]?[A-Z]")
_HEADING_WORDS = 15
_HEADING_CHARS = 120


def reads_as_heading(text: str) -> bool:
    """Whether a paragraph in a Heading style is a heading, not a provision.

    Legal drafts number their clauses through Heading styles, so "1.1 Access and Use.
    During the Subscription Period, Customer may ..." is in Heading 2. A heading is a
    short phrase: no second sentence, not a lead-in ending in ":" or ";", no run-in
    label (": The name of this corporation is ..."). Anything else is clause text, and
    a change to it is a change to the agreement, not to a heading."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= _HEADING_CHARS
        and len(stripped.split()) <= _HEADING_WORDS
        and not stripped.startswith((":", ";", ","))
        and not stripped.endswith((":", ";", ","))
        and not stripped[:1].islower()
        and not _SENTENCE_BREAK.search(stripped)
    )


def _block(
    text: str,
    kind: BlockKind,
    line: int,
    *,
    label: str = "",
    depth: int = 0,
    heading: int = 0,
    para: Paragraph | None = None,
    indent: int | None = None,
) -> Block:
    # A Block never holds U+2029: the comparison joins split clauses with it.
    text = text.replace("\u2029", "\n")
    raw = f"{label} {text}\n" if label else f"{text}\n"
    return Block(
        text=text,
        raw=raw,
        line=line,
        kind=kind,
        label=label,
        depth=depth,
        heading=heading,
        style=para.style if para else "",
        indent=indent,
    )


def _join_run_in(paragraphs: Sequence[Paragraph]) -> tuple[list[Paragraph], set[int]]:
    """Join each paragraph whose mark is hidden to the next, as Word shows them.

    The first keeps its number, style and outline level; the positions of joined
    paragraphs are returned too, since as one clause such a paragraph is no longer a
    bare heading (a "4.9 Voting Agreement. The Company shall ..." clause carries
    obligations)."""
    out: list[Paragraph] = []
    joined: set[int] = set()
    carry: Paragraph | None = None
    for para in paragraphs:
        if carry is not None and para.row == carry.row and para.in_textbox == carry.in_textbox:
            para = replace(
                carry,
                text=f"{carry.text}{para.text}"
                if para.text[:1] in ".,:;)"
                else f"{carry.text} {para.text}".strip(),
                notes=carry.notes + para.notes,
                run_in=para.run_in,
            )
            joined.add(len(out))
        elif carry is not None:
            out.append(replace(carry, run_in=False))
        carry = para if para.run_in else None
        if carry is None:
            out.append(para)
    if carry is not None:
        out.append(replace(carry, run_in=False))
    return out, joined


def _by_id(root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
    """Notes or comments by w:id, leaving out the separator pseudo-notes."""
    if root is None:
        return {}
    out: dict[str, etree._Element] = {}
    for element in root.iterchildren(qn(tag)):
        note_id = wval(element, "id")
        if note_id is not None and wval(element, "type") in (None, "normal"):
            out.setdefault(note_id, element)
    return out


def _plural(noun: str) -> str:
    return noun + ("es" if noun.endswith("s") else "s")
