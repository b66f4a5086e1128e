"""Provides the parse stage's entry points: a file or a text -> Document.

    bytes --decode--> text --read_<format>--> blocks --structure(schema)--> Document

The reader is chosen by file extension (then by content for unknown ones). The
schema is the one given, or else the built-in schema that structures the
document best: most blocks placed by a number, most numbers in sequence, then
the schema's hints as a tie-breaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from draftdiff.errors import InputError
from draftdiff.limits import check_input_size
from draftdiff.model import Block, Document, PageText, Party
from draftdiff.parse.encoding import decode
from draftdiff.parse.parties import find_parties
from draftdiff.parse.read_markdown import read_markdown
from draftdiff.parse.read_text import read_text
from draftdiff.parse.structure import Structure, build, fallback_note
from draftdiff.schema.load import builtin_schemas, find_schema
from draftdiff.schema.model import Level, Schema

Reader = Callable[[str], tuple[tuple[Block, ...], str]]

MAX_DELIMITERS_PER_PARAGRAPH = 5_000
MAX_DELIMITERS = 500_000
_DELIMITERS = re.compile(r"[\[\]*_`<>]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
# Only the start of a long document is scanned for schema hints.
_HINT_SCAN_CHARS = 200_000

TEXT_READERS: dict[str, tuple[str, Reader]] = {
    ".md": ("markdown", read_markdown),
    ".markdown": ("markdown", read_markdown),
    ".mdown": ("markdown", read_markdown),
    ".txt": ("text", read_text),
    ".text": ("text", read_text),
}


def parse_file(
    path: str | Path,
    schema: str | Schema | None = None,
    *,
    view: str = "accepted",
    comments: bool = False,
) -> Document:
    """Read and structure one document; InputError/SchemaError on bad input.

    `view` and `comments` concern Word files: which text of a draft with tracked
    changes to read ("accepted", the default, or "original"), and whether comments
    join the text of the clauses they are anchored in."""
    display = str(path)
    file = Path(path)
    data = read_bytes(file, display)
    suffix = file.suffix.lower()
    if suffix == ".docx" or (suffix not in TEXT_READERS and data[:4] == b"PK\x03\x04"):
        return _parse_docx(data, display, schema, view=view, comments=comments)
    if suffix == ".pdf" or (suffix not in TEXT_READERS and data[:5] == b"%PDF-"):
        from draftdiff.parse.read_pdf import parse_pdf

        return parse_pdf(data, display, schema)
    if suffix in (".doc", ".odt", ".rtf"):
        raise InputError(
            f"{suffix} files are not supported yet",
            path=display,
            hint="convert it to .docx, Markdown or plain text",
        )
    text = decode(data, display)
    fmt, reader = TEXT_READERS.get(suffix, ("text", read_text))
    return parse_text(text, path=display, fmt=fmt, reader=reader, schema=schema)


def parse_text(
    text: str,
    *,
    path: str = "<text>",
    fmt: str = "markdown",
    reader: Reader | None = None,
    schema: str | Schema | None = None,
) -> Document:
    """Structure a text already decoded; `fmt` names the reader ("markdown" or "text")."""
    if reader is None:
        reader = read_markdown if fmt == "markdown" else read_text
    notes: tuple[str, ...] = ()
    if reader is read_markdown and (reason := markup_too_dense(text)):
        reader, notes = read_text, (f"{reason}; read as plain text",)
    blocks, trailer = reader(text)
    return document_from_blocks(
        blocks, path=path, fmt=fmt, schema=schema, trailer=trailer, notes=notes
    )


def markup_too_dense(text: str) -> str:
    """Why Markdown markup is too dense to parse in bounded time, or "".

    markdown-it-py spends about 0.1 ms on each emphasis, link or HTML delimiter, so
    a paragraph of nothing but "[" (hostile or broken input) takes seconds per 50 kB.
    Real agreements stay far below these caps (the densest in the corpus: 1,620
    delimiters in 45 kB)."""
    total = 0
    for line_number, paragraph in _paragraphs(text):
        count = len(_DELIMITERS.findall(paragraph))
        if count > MAX_DELIMITERS_PER_PARAGRAPH:
            return f"Markdown markup too dense in the paragraph at line {line_number}"
        total += count
    if total > MAX_DELIMITERS:
        return f"Markdown markup too dense ({total:,} delimiters)"
    return ""


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    line = 1
    for chunk in _BLANK_LINES.split(text):
        out.append((line, chunk))
        line += chunk.count("\n") + 2
    return out


def document_from_blocks(
    blocks: Sequence[Block],
    *,
    path: str,
    fmt: str,
    schema: str | Schema | None = None,
    trailer: str = "",
    notes: tuple[str, ...] = (),
    page_texts: tuple[PageText, ...] = (),
    view: str = "",
    pending_revisions: int = 0,
    revision_authors: tuple[str, ...] = (),
) -> Document:
    """Build a Document from any reader's blocks (the .docx reader uses this too)."""
    chosen, structure = _structure(blocks, schema)
    parties = _parties(blocks, chosen)
    title = structure.title or next((b.text for b in blocks if b.text), "") or Path(path).stem
    return Document(
        path=path,
        title=title,
        schema=chosen.name,
        clauses=structure.clauses,
        parties=parties,
        format=fmt,
        fallback=structure.fallback,
        notes=notes,
        trailer=trailer,
        page_texts=page_texts,
        view=view,
        pending_revisions=pending_revisions,
        revision_authors=revision_authors,
        schema_path=chosen.path,
    )


def _parties(blocks: Sequence[Block], schema: Schema) -> tuple[Party, ...]:
    """The parties, as the preamble (or a parties list, or the signature block) names
    them. Every block is given, not only those before the first numbered clause:
    `find_parties` looks past cover pages and tables of contents itself."""
    return find_parties([b.text for b in blocks], schema)


def choose_schema(blocks: Sequence[Block]) -> Schema:
    """The built-in schema that structures these blocks best."""
    return _structure(blocks, None)[0]


def _structure(blocks: Sequence[Block], schema: str | Schema | None) -> tuple[Schema, Structure]:
    if isinstance(schema, Schema):
        return schema, build(blocks, schema)
    if schema is not None:
        chosen = find_schema(schema)
        return chosen, build(blocks, chosen)
    sample = "\n".join(b.text for b in blocks)[:_HINT_SCAN_CHARS]
    best: tuple[tuple[int, int, int], Schema, Structure] | None = None
    # Schemas extending one base share their levels: build each distinct tree once.
    built: dict[tuple[Level, ...], Structure] = {}
    for candidate in builtin_schemas().values():
        structure = built.get(candidate.levels)
        if structure is None:
            structure = built[candidate.levels] = build(blocks, candidate)
        hints = sum(1 for hint in candidate.hints if hint.search(sample))
        score = (structure.in_sequence, structure.numbered, hints)
        if best is None or score > best[0]:
            best = (score, candidate, structure)
    if best is None:
        raise InputError("no built-in schemas found", hint="is the schemas/ folder missing?")
    _, chosen, structure = best
    if structure.fallback:
        # The tree may have been built for another schema with the same levels.
        structure = replace(structure, fallback=fallback_note(chosen.name))
    return chosen, structure


def read_bytes(file: Path, display: str) -> bytes:
    """A document's bytes; InputError naming `display` when it cannot be read."""
    try:
        if file.is_dir():
            raise InputError("is a directory, not a document", path=display)
        size = file.stat().st_size
        check_input_size(size, display)  # DRAFTDIFF_MAX_INPUT_MB
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=display) from None
    except PermissionError:
        raise InputError("permission denied", path=display) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path=display) from None


def _parse_docx(
    data: bytes, display: str, schema: str | Schema | None, *, view: str, comments: bool
) -> Document:
    from draftdiff.parse.read_docx import read_docx
    from draftdiff.parse.wordml.revisions import View

    try:
        chosen = View(view)
    except ValueError:
        raise InputError(f"unknown view {view!r}", hint="use accepted or original") from None
    content = read_docx(data, display, view=chosen, comments=comments)
    revisions = content.revisions
    return document_from_blocks(
        content.blocks,
        path=display,
        fmt="docx",
        schema=schema,
        notes=content.notes,
        page_texts=content.page_texts,
        view=chosen.value if revisions.total else "",
        pending_revisions=revisions.total,
        revision_authors=revisions.authors,
    )
