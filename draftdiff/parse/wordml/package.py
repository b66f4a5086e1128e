"""Provides `open_package`: a .docx opened safely, with the XML parts draftdiff reads.

Hostile input is normal input. Before python-docx sees the bytes, the zip's
directory is checked: a bounded number of members, bounded uncompressed sizes
and compression ratios (a zip bomb declares its sizes and is refused before
anything is inflated; zipfile never inflates past a member's declared size).
XML is parsed with entity expansion, DTD loading and network access off, which
python-docx's own parser also does (`resolve_entities=False`). Every failure is
one InputError naming the file, never a traceback.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from draftdiff.errors import InputError
from draftdiff.parse.wordml.ns import qn

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 256 * 1024 * 1024
"""Largest uncompressed part: a 1,000-page agreement's document.xml is a few tens of MB."""
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200
"""Deflated XML shrinks 5-30x; a member inflating more than this (and past 1 MB) is a bomb."""
_RATIO_FLOOR = 1024 * 1024

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0", "a Word 97-2003 .doc (or other OLE) file; save it as .docx"),
    (b"{\\rtf", "an RTF file; save it as .docx"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"<?xml", "an XML file (a Word 2003 XML document?); save it as .docx"),
)


@dataclass
class Package:
    """The parts of one Word document that the reader uses (lxml elements)."""

    body: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    comments: etree._Element | None = None
    related: dict[str, etree._Element] = field(default_factory=dict)
    """Header and footer parts by relationship id (as w:headerReference names them)."""


def open_package(data: bytes, display: str) -> Package:
    """Open a .docx from its bytes; InputError when it is not a readable Word document."""
    _check_zip(data, display)
    try:
        return _open(data, display)
    except InputError as err:
        # A relationship to a part the zip lacks (an image a tool forgot to write)
        # stops python-docx; Word and LibreOffice open such a file and show the rest.
        if "missing part" not in str(err):
            raise
        repaired = _without_dangling_relationships(data)
        if repaired is None:
            raise
        return _open(repaired, display)


def _open(data: bytes, display: str) -> Package:
    try:
        import docx

        document: Any = docx.Document(io.BytesIO(data))
        main = document.part
        body = main.element.find(qn("w:body"))
        package = Package(body=body if body is not None else etree.Element(qn("w:body")))
        for rel_id, rel in main.rels.items():
            if rel.is_external:
                continue
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind in ("styles", "numbering", "footnotes", "endnotes", "comments"):
                setattr(package, kind, _element(rel.target_part, display))
            elif kind in ("header", "footer"):
                package.related[rel_id] = _element(rel.target_part, display)
        return package
    except InputError:
        raise
    except zipfile.BadZipFile as err:
        raise InputError(f"not a valid .docx (damaged zip: {err})", path=display) from None
    except etree.XMLSyntaxError as err:
        raise InputError(f"not a valid .docx (malformed XML: {err})", path=display) from None
    except KeyError as err:
        raise InputError(f"not a valid .docx (missing part {err})", path=display) from None
    except ValueError as err:
        message = str(err)
        if "macroEnabled" in message:
            message = "a macro-enabled document (.docm); save it as .docx"
        elif "template" in message:
            message = "a Word template (.dotx); save it as .docx"
        raise InputError(f"not a Word document: {message}", path=display) from None
    except zlib.error as err:
        raise InputError(f"not a valid .docx (damaged zip: {err})", path=display) from None
    except NotImplementedError as err:
        raise InputError(f"not a readable .docx (unsupported zip: {err})", path=display) from None
    except (AttributeError, TypeError, IndexError) as err:
        # python-docx meeting parts of an unexpected shape (a [Content_Types].xml
        # without its namespace): a broken package, not a bug of ours.
        raise InputError(
            f"not a valid .docx (unexpected package structure: {err})", path=display
        ) from None
    except (OSError, EOFError, RecursionError, MemoryError) as err:
        raise InputError(f"not a valid .docx ({type(err).__name__})", path=display) from None


def _without_dangling_relationships(data: bytes) -> bytes | None:
    """The package with every internal relationship to an absent part removed; None
    when there is none (the failure was something else). Sizes were checked already."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {m.filename for m in archive.infolist()}
            contents = {m.filename: archive.read(m) for m in archive.infolist()}
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        RuntimeError,
        ValueError,
        EOFError,
    ):
        return None  # a member is damaged too: the first error stands (found by fuzzing)
    removed = False
    for name, content in contents.items():
        if not name.endswith(".rels"):
            continue
        try:
            root = etree.fromstring(content, _PARSER)
        except etree.XMLSyntaxError:
            continue
        # word/_rels/document.xml.rels: targets are relative to word/.
        base = posixpath.dirname(posixpath.dirname(name))
        for rel in list(root):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            if posixpath.normpath(path) not in names:
                root.remove(rel)
                removed = True
        contents[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if not removed:
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in contents.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def parse_xml(data: bytes, display: str) -> etree._Element:
    """Parse one XML part safely (no entities, no DTD, no network)."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        raise InputError(f"not a valid .docx (malformed XML: {err})", path=display) from None


def _element(part: Any, display: str) -> etree._Element:
    element = getattr(part, "element", None)
    if element is not None:
        return element  # type: ignore[no-any-return]
    return parse_xml(part.blob, display)


def _check_zip(data: bytes, display: str) -> None:
    if not data.startswith(b"PK"):
        for magic, what in _MAGIC:
            if data.lstrip()[: len(magic)] == magic:
                raise InputError(f"not a .docx file: it is {what}", path=display)
        raise InputError("not a .docx file (not a zip package)", path=display)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as err:
        raise InputError(f"not a valid .docx (damaged zip: {err})", path=display) from None
    except NotImplementedError as err:
        # A zip of a version or compression method zipfile cannot read (found by fuzzing).
        raise InputError(f"not a readable .docx (unsupported zip: {err})", path=display) from None
    if len(members) > MAX_MEMBERS:
        raise InputError(f"refused: the package has {len(members)} parts", path=display)
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            # zipfile cannot read an encrypted member (found by fuzzing); Word itself
            # saves a password-protected document as an OLE file, refused above.
            raise InputError(
                f"not a readable .docx (part {member.filename} is encrypted)",
                path=display,
                hint="save it without a password",
            )
        size = member.file_size
        total += size
        ratio = size / max(member.compress_size, 1)
        if size > MAX_MEMBER_BYTES or (size > _RATIO_FLOOR and ratio > MAX_RATIO):
            raise InputError(
                f"refused: part {member.filename} would inflate to {size // (1024 * 1024)} MB "
                f"(compression ratio {ratio:.0f}:1; a zip bomb?)",
                path=display,
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"refused: the package would inflate to {total // (1024 * 1024)} MB", path=display
        )
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names:
        raise InputError("not a .docx file (a zip archive without Office parts)", path=display)
    if not any(n.startswith("word/") for n in names):
        kind = "an Excel workbook" if any(n.startswith("xl/") for n in names) else ""
        kind = kind or ("a PowerPoint deck" if any(n.startswith("ppt/") for n in names) else "")
        what = f"it is {kind}" if kind else "no word/ parts"
        raise InputError(f"not a Word document ({what})", path=display)
