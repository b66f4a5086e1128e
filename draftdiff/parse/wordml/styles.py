"""Provides `Styles`: what a paragraph inherits from its style in styles.xml.

A paragraph style may carry list numbering (`w:numPr`, how the Common Paper
templates number every clause) and an outline level, and may inherit both from
the style it is `w:basedOn`. Heading levels come from the style name ("heading
2", "Title") or the outline level, as Word's navigation pane shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from draftdiff.parse.wordml.ns import first_child, int_or, qn, wval

_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.IGNORECASE)
# basedOn chains are a handful deep; a longer one is a loop in a hostile file.
_MAX_CHAIN = 32


@dataclass(frozen=True)
class Style:
    """One paragraph or numbering style, as written (not yet inherited)."""

    id: str
    name: str
    based_on: str | None
    num_id: str | None
    """w:numPr/w:numId in the style's w:pPr ("0" removes inherited numbering)."""
    ilvl: int | None
    outline_level: int | None
    kind: str
    """w:type: "paragraph", "character", "table" or "numbering"."""
    language: str | None = None
    """w:rPr/w:lang/@w:val ("fr-FR"): the language Word spells list numbers in."""


class Styles:
    """The styles of one document, with inheritance resolved on demand."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        # Documents use a few dozen styles for thousands of paragraphs: resolve once.
        self._numbering: dict[str | None, tuple[str | None, int | None]] = {}
        self._headings: dict[str | None, int] = {}
        self._languages: dict[str | None, str] = {}
        self.default_language = ""
        """w:docDefaults' w:lang, for paragraphs whose styles name none."""
        if root is None:
            return
        defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_language = wval(first_child(defaults, qn("w:lang"))) or ""
        for element in root.iterchildren(qn("w:style")):
            style = _read_style(element)
            if style is None:
                continue
            self._styles.setdefault(style.id, style)
            if style.kind == "paragraph" and wval(element, "default") in ("1", "true", "on"):
                self.default_paragraph = style.id

    def get(self, style_id: str | None) -> Style | None:
        return self._styles.get(style_id) if style_id else None

    def name(self, style_id: str | None) -> str:
        """The style's name as Word's style gallery shows it ("" when there is none)."""
        style = self.get(style_id or self.default_paragraph)
        return style.name if style else ""

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its basedOn ancestors, nearest first (no loops)."""
        out: list[Style] = []
        seen: set[str] = set()
        current = self.get(style_id or self.default_paragraph)
        while current is not None and current.id not in seen and len(out) < _MAX_CHAIN:
            out.append(current)
            seen.add(current.id)
            current = self.get(current.based_on)
        return out

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph of this style inherits; ilvl None when the style
        names only the list (the level is then the one whose w:pStyle is this style)."""
        if style_id not in self._numbering:
            self._numbering[style_id] = self._inherited_numbering(style_id)
        return self._numbering[style_id]

    def _inherited_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        for style in self.chain(style_id):
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
            if num_id is not None and ilvl is not None:
                break
        return num_id, ilvl

    def language(self, style_id: str | None) -> str:
        """The language a paragraph of this style is in (its basedOn chain, then the
        document default); "" when nothing says."""
        # Asked for every numbered paragraph: walk each style's chain once.
        if style_id not in self._languages:
            found = next((s.language for s in self.chain(style_id) if s.language), None)
            self._languages[style_id] = found or self.default_language
        return self._languages[style_id]

    def heading_level(self, style_id: str | None) -> int:
        """1-9 for Title and Heading 1-9 styles (or an outline level), else 0."""
        if style_id not in self._headings:
            self._headings[style_id] = self._inherited_heading(style_id)
        return self._headings[style_id]

    def _inherited_heading(self, style_id: str | None) -> int:
        for style in self.chain(style_id):
            name = style.name.strip()
            if name.lower() == "title":
                return 1
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1 if style.outline_level < 9 else 0
        return 0

    def numbering_style_num(self, style_id: str) -> str | None:
        """The numId a numbering style (w:type="numbering") points at, for numStyleLink."""
        style = self.get(style_id)
        return style.num_id if style else None


def _read_style(element: etree._Element) -> Style | None:
    style_id = wval(element, "styleId")
    if not style_id:
        return None
    ppr = first_child(element, qn("w:pPr"))
    num_id = ilvl = outline = None
    if ppr is not None:
        numpr = first_child(ppr, qn("w:numPr"))
        if numpr is not None:
            num_id = wval(first_child(numpr, qn("w:numId")))
            ilvl = int_or(wval(first_child(numpr, qn("w:ilvl"))), None)
        outline = int_or(wval(first_child(ppr, qn("w:outlineLvl"))), None)
    rpr = first_child(element, qn("w:rPr"))
    return Style(
        id=style_id,
        name=wval(first_child(element, qn("w:name"))) or style_id,
        based_on=wval(first_child(element, qn("w:basedOn"))),
        num_id=num_id,
        ilvl=ilvl,
        outline_level=outline,
        kind=wval(element, "type") or "paragraph",
        language=wval(first_child(rpr, qn("w:lang"))),
    )
