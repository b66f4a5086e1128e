"""Provides the .docx package a redline is written into: its parts, read and rewritten.

The redline of a Word draft is that draft's own package with a new main document
part (and a comments part when asked), so its styles, numbering definitions,
headers, footers and media survive untouched. A redline of text or Markdown drafts
starts from python-docx's blank document, which brings Word's built-in styles
(Title, Heading 1-9). Every other part is copied byte for byte, in order.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

from draftdiff.errors import InputError
from draftdiff.parse.wordml.ns import W, qn
from draftdiff.parse.wordml.package import parse_xml

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@dataclass
class DocxParts:
    """The members of a .docx package, in their order, and where its main part is."""

    members: dict[str, bytes]
    main: str
    """Name of the main document part ("word/document.xml" as Word writes it)."""
    display: str = "<docx>"

    @property
    def main_rels(self) -> str:
        folder, name = posixpath.split(self.main)
        return posixpath.join(folder, "_rels", name + ".rels")

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.members[name], self.display)

    def part_for(self, rel_type: str) -> str | None:
        """The member a relationship of the main part of this type points to."""
        rels = self.members.get(self.main_rels)
        if rels is None:
            return None
        folder = posixpath.dirname(self.main)
        for rel in parse_xml(rels, self.display):
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
                return posixpath.normpath(name)
        return None

    def set_xml(self, name: str, root: etree._Element) -> None:
        self.members[name] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            # [Content_Types].xml first, as Office writes it (some readers expect it).
            names = sorted(self.members, key=lambda n: n != "[Content_Types].xml")
            for name in names:
                archive.writestr(name, self.members[name])
        return buffer.getvalue()

    def comments_part(self) -> tuple[str, etree._Element]:
        """The comments part (its name and root), created and registered if absent."""
        return self.story_part("comments")

    def story_part(self, kind: str) -> tuple[str, etree._Element]:
        """The comments, footnotes or endnotes part (name and root), created and
        registered in the relationships and content types if absent. New note parts
        get the separator notes Word expects."""
        rel_type = f"{_REL_BASE}{kind}"
        existing = self.part_for(rel_type)
        if existing is not None and existing in self.members:
            return existing, self.xml(existing)
        name = posixpath.join(posixpath.dirname(self.main), f"{kind}.xml")
        rels_name = self.main_rels
        rels = (
            self.xml(rels_name)
            if rels_name in self.members
            else etree.fromstring(f'<Relationships xmlns="{_RELS_NS}"/>'.encode())
        )
        used = {rel.get("Id") for rel in rels}
        number = len(used) + 1
        while f"rId{number}" in used:
            number += 1
        rel = etree.SubElement(rels, f"{{{_RELS_NS}}}Relationship")
        rel.set("Id", f"rId{number}")
        rel.set("Type", rel_type)
        rel.set("Target", f"{kind}.xml")
        self.set_xml(rels_name, rels)
        types = self.xml("[Content_Types].xml")
        override = etree.SubElement(types, f"{{{_TYPES_NS}}}Override")
        override.set("PartName", "/" + name)
        override.set(
            "ContentType",
            f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml",
        )
        self.set_xml("[Content_Types].xml", types)
        root = etree.Element(qn(f"w:{kind}"), nsmap={"w": W})
        if kind in ("footnotes", "endnotes"):
            note = kind[:-1]
            for note_id, what in (("-1", "separator"), ("0", "continuationSeparator")):
                element = etree.SubElement(root, qn(f"w:{note}"))
                element.set(qn("w:type"), what)
                element.set(qn("w:id"), note_id)
                run = etree.SubElement(etree.SubElement(element, qn("w:p")), qn("w:r"))
                etree.SubElement(run, qn(f"w:{what}"))
        return name, root


def read_parts(data: bytes, display: str) -> DocxParts:
    """The package's members; InputError when it is not a readable .docx (the reader
    has already vetted sizes and ratios by the time a redline is written)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise InputError(f"not a valid .docx ({err})", path=display) from None
    main = "word/document.xml"
    rels = members.get("_rels/.rels")
    if rels is not None:
        for rel in parse_xml(rels, display):
            if rel.get("Type") == _OFFICE_DOCUMENT:
                main = rel.get("Target", main).lstrip("/")
    if main not in members:
        raise InputError("not a valid .docx (no main document part)", path=display)
    return DocxParts(members, main, display)


def blank_parts() -> DocxParts:
    """python-docx's blank document: Word's built-in styles, an empty body."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return read_parts(buffer.getvalue(), "<blank>")
