"""Provides the fuzz targets: each takes arbitrary bytes and runs one reader on them.

A target may refuse its input only with a DraftdiffError (one line for the user); any
other exception, a hang or a crash is a finding. The targets are plain functions, so
the regression inputs in fuzz/regressions/<target>/ replay under pytest without atheris.

    docx        the bytes as a .docx file (zip checks, package, python-docx, reader)
    docx_xml    the bytes split into word/document.xml and word/numbering.xml of a valid
                package (gets past the zip layer to the XML and numbering code)
    text        the bytes decoded and read as plain text, then structured
    markdown    the same through the Markdown reader
    schema      the bytes as a YAML schema file, loaded and validated
    every       the first byte picks one of the above (the short CI run)
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from draftdiff.errors import DraftdiffError
from draftdiff.parse.document import parse_text
from draftdiff.parse.encoding import decode
from draftdiff.parse.read_docx import read_docx
from draftdiff.schema.load import _load_uncached

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{_CT}.numbering+xml"/></Types>'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdn" Type="{_RT}/numbering" Target="numbering.xml"/></Relationships>'
)
_SCHEMA_DIR = Path(tempfile.mkdtemp(prefix="draftdiff-fuzz-"))


def package(document: bytes, numbering: bytes) -> bytes:
    """A valid .docx package around these two parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", numbering)
    return out.getvalue()


def docx(data: bytes) -> None:
    with contextlib.suppress(DraftdiffError):
        read_docx(data, "fuzz.docx")


def docx_xml(data: bytes) -> None:
    document, _, numbering = data.partition(b"\x00NUMBERING\x00")
    with contextlib.suppress(DraftdiffError):
        read_docx(package(document, numbering or f"<w:numbering {_W}/>".encode()), "fuzz.docx")


def _text(data: bytes, fmt: str) -> None:
    try:
        text = decode(data, "fuzz.txt")
        doc = parse_text(text, path="fuzz", fmt=fmt)
    except DraftdiffError:
        return
    # Nothing lost, whatever the input: the blocks rebuild the text exactly.
    if doc.source_text() != text:
        raise AssertionError("the blocks do not rebuild the text")


def text(data: bytes) -> None:
    _text(data, "text")


def markdown(data: bytes) -> None:
    _text(data, "markdown")


def schema(data: bytes) -> None:
    path = _SCHEMA_DIR / "fuzz.yaml"
    path.write_bytes(data)
    with contextlib.suppress(DraftdiffError):
        _load_uncached(path, "fuzz.yaml", ())


SINGLE: dict[str, Callable[[bytes], None]] = {
    "docx": docx,
    "docx_xml": docx_xml,
    "text": text,
    "markdown": markdown,
    "schema": schema,
}


def every(data: bytes) -> None:
    """All targets in one: the first byte picks one, the rest is its input (one process,
    one start-up, for the short run in CI)."""
    if data:
        names = sorted(SINGLE)
        SINGLE[names[data[0] % len(names)]](data[1:])


TARGETS: dict[str, Callable[[bytes], None]] = {**SINGLE, "every": every}
