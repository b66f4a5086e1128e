"""Provides `read_pdf`: a PDF's text layer as the blocks the text reader makes.

    PDF bytes --PDFium--> lines per page (pdf_lines: reading order, columns)
              --> body / running headers and footers / page numbers / footnotes
                  (pdf_furniture)
              --> paragraphs (pdf_paragraphs: page-break and hyphenation joins)
              --> one text line per paragraph --read_text--> blocks

The paragraphs are handed to `read_text` as a text with one line per paragraph,
blank lines between them and indentation for their left edge, so the clause trees
come from the same marker, heading and schema code as every other format. Footnotes
become NOTE blocks after the paragraph that cites them, as "[Footnote: ...]" (the
.docx reader's form); running headers and footers become the document's page texts.

Why PDFium (pypdfium2) and not pdfplumber: measured on the three CUAD sample
contracts against CUAD's own text extraction (`python -m bench.pdf_agreement
--libraries`, bench/results/pdf_agreement.md), both give the same words (word
similarity 1.000 / 1.000 / 0.998 and 1.000 / 1.000 / 0.998), but pypdfium2 reads them
30-60 times faster (0.03-0.2 s against 1.9-3 s a contract on this machine:
pdfplumber is pure Python over pdfminer.six), and the reader needs every character's
box, which PDFium gives in one C call. PDFium is Chrome's PDF engine, tolerant of
damaged files, and pypdfium2 ships it as a binary wheel with no other dependency.

A PDF with no text layer (a scan) is refused with a clear error: no OCR engine is
installed here (tesseract is not; ocrmypdf would need it), so the user is told to
OCR the file first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from draftdiff.errors import InputError
from draftdiff.model import Block, BlockKind, Document, PageText
from draftdiff.parse.pdf_furniture import Footnote, Furniture, split_furniture
from draftdiff.parse.pdf_lines import SUP_CLOSE, SUP_OPEN, Page, read_page
from draftdiff.parse.pdf_paragraphs import Paragraph, paragraphs
from draftdiff.parse.read_text import read_text
from draftdiff.schema.model import Schema

# Indentation in the text handed to read_text: one column per half font size, the
# width of an average character, so a centred title lands past its display indent.
_COLUMN = 0.5
_SUPERSCRIPT = re.compile(f"{SUP_OPEN}([^{SUP_CLOSE}]*){SUP_CLOSE}")
# Fewer visible characters than this a page, on average, is no text layer.
_MIN_CHARS_PER_PAGE = 20
# A PDF ends with "%%EOF", give or take trailing whitespace or a producer's junk.
_TAIL = 4096
_NO_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b")
_PDFIUM_ERRORS = {
    1: "cannot be read (unknown error)",
    2: "cannot be opened",
    3: "is not a valid PDF (damaged or truncated)",
    4: "is encrypted: a password is needed to open it",
    5: "uses an unsupported security handler",
    6: "has a damaged page",
}


@dataclass(frozen=True)
class PdfContent:
    """What the PDF reader found: blocks for the structure stage and page texts."""

    blocks: tuple[Block, ...]
    trailer: str
    page_texts: tuple[PageText, ...]
    notes: tuple[str, ...]
    text: str
    """The text handed to read_text (the blocks' raws rebuild it)."""


def read_pdf(data: bytes, display: str) -> PdfContent:
    """Read a PDF's text layer; InputError naming `display` when that is impossible."""
    pages = _pages(data, display)
    empty = [page.index + 1 for page in pages if not page.lines]
    visible = sum(len(line.text) for page in pages for line in page.lines)
    if visible < _MIN_CHARS_PER_PAGE * len(pages) / 10 or visible == 0:
        raise InputError(
            "has no text layer (a scanned PDF?)",
            path=display,
            hint="run OCR on it first, e.g. ocrmypdf, then compare the OCRed file",
        )
    furniture = split_furniture(pages)
    found = paragraphs(furniture.body)
    text, note_lines, contents_lines = _text(found, furniture.footnotes)
    blocks, trailer = read_text(text)
    blocks = _mark(blocks, note_lines, contents_lines)
    notes: list[str] = []
    if empty:
        notes.append(f"pages without text (scanned?): {_ranges(empty)}")
    return PdfContent(blocks, trailer, _page_texts(furniture), tuple(notes), text)


def parse_pdf(data: bytes, display: str, schema: str | Schema | None = None) -> Document:
    """A PDF's Document: its blocks structured as every reader's are."""
    from draftdiff.parse.document import document_from_blocks

    content = read_pdf(data, display)
    return document_from_blocks(
        content.blocks,
        path=display,
        fmt="pdf",
        schema=schema,
        trailer=content.trailer,
        notes=content.notes,
        page_texts=content.page_texts,
    )


def _pages(data: bytes, display: str) -> list[Page]:
    import pypdfium2 as pdfium

    if b"%PDF-" not in data[:1024]:
        raise InputError("is not a PDF (no %PDF header)", path=display)
    if b"%%EOF" not in data[-_TAIL:]:
        # PDFium rebuilds what it can of a cut-off file; a partial draft read as the
        # whole one would show its missing pages as deleted clauses.
        raise InputError("is truncated (the PDF does not end with %%EOF)", path=display)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", 1)
        if _NO_PAGES.search(data) and b"/Encrypt" not in data:
            # PDFium refuses a document whose page tree is empty without setting an
            # error of its own (the code left is the previous document's).
            raise InputError("is a PDF with no pages", path=display) from None
        problem = _PDFIUM_ERRORS.get(code, _PDFIUM_ERRORS[1])
        raise InputError(problem, path=display) from None
    try:
        count = len(document)
        if count == 0:
            raise InputError("is a PDF with no pages", path=display)
        try:
            return [read_page(document, index) for index in range(count)]
        except pdfium.PdfiumError:
            raise InputError(_PDFIUM_ERRORS[6], path=display) from None
    finally:
        document.close()


def _text(
    found: Sequence[Paragraph], footnotes: Sequence[Footnote]
) -> tuple[str, set[int], set[int]]:
    """The paragraphs as one line each, blank lines between, footnotes placed after the
    paragraph citing them (else after the last paragraph begun on their page); returns
    the text and the 0-based line numbers of the footnotes and of the table of
    contents entries."""
    pending = list(footnotes)
    placed: dict[int, list[Footnote]] = {}
    texts: list[str] = []
    for index, paragraph in enumerate(found):
        texts.append(_unwrap(paragraph, pending, placed.setdefault(index, [])))
    for note in pending:
        host = max(
            (i for i, p in enumerate(found) if p.page <= note.page),
            default=len(found) - 1,
        )
        placed.setdefault(host, []).append(note)
    lines: list[str] = []
    note_lines: set[int] = set()
    contents_lines: set[int] = set()
    for index, paragraph in enumerate(found):
        if paragraph.contents_entry:
            contents_lines.add(len(lines))
        columns = round(max(0.0, paragraph.offset) / (_COLUMN * paragraph.size or 6.0))
        lines.extend([" " * columns + texts[index], ""])
        for note in placed.get(index, []):
            note_lines.add(len(lines))
            lines.extend([f"[Footnote: {note.text}]", ""])
    return "\n".join(lines), note_lines, contents_lines


def _unwrap(paragraph: Paragraph, pending: list[Footnote], notes: list[Footnote]) -> str:
    """The paragraph's text with its superscripts resolved: a reference to a footnote on
    its pages is cut out (the note follows the paragraph), any other superscript stays
    as plain text ("1st", "x2")."""

    def resolve(match: re.Match[str]) -> str:
        mark = match.group(1).strip()
        for note in pending:
            # A note that did not fit goes to the foot of the next page.
            if note.mark == mark and paragraph.page <= note.page <= paragraph.last_page + 1:
                pending.remove(note)
                notes.append(note)
                return ""
        return mark

    return _SUPERSCRIPT.sub(resolve, paragraph.text).replace(SUP_OPEN, "").replace(SUP_CLOSE, "")


def _mark(
    blocks: tuple[Block, ...], note_lines: set[int], contents_lines: set[int]
) -> tuple[Block, ...]:
    """Footnotes become NOTE blocks one level under the block before them; table of
    contents entries OTHER blocks, which repeat clause numbers without being clauses."""
    out: list[Block] = []
    for block in blocks:
        if block.line - 1 in note_lines:
            depth = out[-1].depth + 1 if out else 1
            block = replace(block, kind=BlockKind.NOTE, depth=depth)
        elif block.line - 1 in contents_lines:
            block = replace(block, kind=BlockKind.OTHER)
        out.append(block)
    return tuple(out)


def _page_texts(furniture: Furniture) -> tuple[PageText, ...]:
    texts = []
    for kind, found in (("header", furniture.headers), ("footer", furniture.footers)):
        joined = " ".join(text for text in found if text)
        if joined:
            texts.append(PageText(kind, "default", joined))
    return tuple(texts)


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)
