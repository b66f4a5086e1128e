"""Provides the parse stage's entry points: a file or a text -> Document.

    bytes --decode--> text --read_<format>--> blocks --structure(schema)--> Document

The reader is chosen by file extension (then by content for unknown ones). The
schema is the one given, or else the built-in schema that structures the
document best: most blocks placed by a number, most numbers in sequence, then
the schema's hints as a tie-breaker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from draftdiff.errors import InputError
from draftdiff.model import Block, Document
from draftdiff.parse.encoding import decode
from draftdiff.parse.parties import find_parties
from draftdiff.parse.read_markdown import read_markdown
from draftdiff.parse.read_text import read_text
from draftdiff.parse.structure import Structure, build
from draftdiff.schema.load import builtin_schemas, find_schema
from draftdiff.schema.model import Schema

Reader = Callable[[str], tuple[tuple[Block, ...], str]]

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Refuse larger files outright: a 1,000-page agreement is a few MB of text."""
# Only the start of a long document is scanned for schema hints.
_HINT_SCAN_CHARS = 200_000

TEXT_READERS: dict[str, tuple[str, Reader]] = {
    ".md": ("markdown", read_markdown),
    ".markdown": ("markdown", read_markdown),
    ".mdown": ("markdown", read_markdown),
    ".txt": ("text", read_text),
    ".text": ("text", read_text),
}


def parse_file(path: str | Path, schema: str | Schema | None = None) -> Document:
    """Read and structure one document; InputError/SchemaError on bad input."""
    display = str(path)
    file = Path(path)
    data = _read_bytes(file, display)
    suffix = file.suffix.lower()
    if suffix == ".docx" or (suffix not in TEXT_READERS and data[:4] == b"PK\x03\x04"):
        return _parse_docx(file, data, display, schema)
    if suffix in (".pdf", ".doc", ".odt", ".rtf"):
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
    blocks, trailer = reader(text)
    return document_from_blocks(blocks, path=path, fmt=fmt, schema=schema, trailer=trailer)


def document_from_blocks(
    blocks: Sequence[Block],
    *,
    path: str,
    fmt: str,
    schema: str | Schema | None = None,
    trailer: str = "",
    notes: tuple[str, ...] = (),
) -> Document:
    """Build a Document from any reader's blocks (the .docx reader uses this too)."""
    chosen, structure = _structure(blocks, schema)
    preamble = [b.text for b in blocks[: chosen.parties.preamble_blocks]]
    title = structure.title or next((b.text for b in blocks if b.text), "") or Path(path).stem
    return Document(
        path=path,
        title=title,
        schema=chosen.name,
        clauses=structure.clauses,
        parties=find_parties(preamble, chosen),
        format=fmt,
        fallback=structure.fallback,
        notes=notes,
        trailer=trailer,
        schema_path=chosen.path,
    )


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
    for candidate in builtin_schemas().values():
        structure = build(blocks, candidate)
        hints = sum(1 for hint in candidate.hints if hint.search(sample))
        score = (structure.in_sequence, structure.numbered, hints)
        if best is None or score > best[0]:
            best = (score, candidate, structure)
    if best is None:
        raise InputError("no built-in schemas found", hint="is the schemas/ folder missing?")
    return best[1], best[2]


def _read_bytes(file: Path, display: str) -> bytes:
    try:
        if file.is_dir():
            raise InputError("is a directory, not a document", path=display)
        size = file.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"file is too large ({size // (1024 * 1024)} MB; the limit is "
                f"{MAX_INPUT_BYTES // (1024 * 1024)} MB)",
                path=display,
            )
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=display) from None
    except PermissionError:
        raise InputError("permission denied", path=display) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path=display) from None


def _parse_docx(file: Path, data: bytes, display: str, schema: str | Schema | None) -> Document:
    # The .docx reader arrives with its own issue; until then say so plainly.
    raise InputError(
        ".docx files are not supported yet", path=display, hint="save it as Markdown or plain text"
    )
