"""Provides `Indents`: where Word starts a paragraph's text, from w:ind and its sources.

The tree builder asks whether an unnumbered paragraph after "(b)" continues that item
(indented as far as the item's text) or returns to the enclosing clause. Word takes a
paragraph's left indentation from, nearest first: the paragraph's own w:ind, the
level of the list it is numbered with, its style and the styles it is based on, then
the document defaults. Word puts a list level's indentation above the paragraph
style's (a "List Paragraph" at 720 numbered at a level indented 1440 shows at 1440),
which is the order used here.
"""

from __future__ import annotations

from lxml import etree

from draftdiff.parse.wordml.content import Paragraph
from draftdiff.parse.wordml.ns import first_child, int_or, qn, wval
from draftdiff.parse.wordml.numbering import Numbering
from draftdiff.parse.wordml.styles import Styles

_MAX_CHAIN = 32


def _left(ppr: etree._Element | None) -> int | None:
    """w:ind/@w:left (or @w:start, its newer name) of a w:pPr, in twips."""
    if ppr is None:
        return None
    ind = first_child(ppr, qn("w:ind"))
    if ind is None:
        return None
    value = wval(ind, "left")
    if value is None:
        value = wval(ind, "start")
    return int_or(value, None) if value is not None else None


class Indents:
    """Left indentation of the paragraphs of one document."""

    def __init__(
        self,
        styles_root: etree._Element | None,
        numbering_root: etree._Element | None,
        styles: Styles,
        numbering: Numbering,
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self._style_ppr: dict[str, etree._Element] = {}
        self._based_on: dict[str, str] = {}
        self._default: int | None = None
        if styles_root is not None:
            for style in styles_root.iterchildren(qn("w:style")):
                style_id = wval(style, "styleId")
                if not style_id:
                    continue
                ppr = first_child(style, qn("w:pPr"))
                if ppr is not None:
                    self._style_ppr.setdefault(style_id, ppr)
                based = wval(first_child(style, qn("w:basedOn")))
                if based:
                    self._based_on.setdefault(style_id, based)
            defaults = first_child(styles_root, qn("w:docDefaults"))
            ppr_default = (
                first_child(defaults, qn("w:pPrDefault")) if defaults is not None else None
            )
            if ppr_default is not None:
                self._default = _left(first_child(ppr_default, qn("w:pPr")))
        self._abstract_ind: dict[tuple[str, int], int] = {}
        self._override_ind: dict[tuple[str, int], int] = {}
        if numbering_root is not None:
            for element in numbering_root.iterchildren(qn("w:abstractNum")):
                abstract_id = wval(element, "abstractNumId") or ""
                for lvl in element.iterchildren(qn("w:lvl")):
                    left = _left(first_child(lvl, qn("w:pPr")))
                    ilvl = int_or(wval(lvl, "ilvl"), -1)
                    if left is not None:
                        self._abstract_ind.setdefault((abstract_id, ilvl), left)
            for element in numbering_root.iterchildren(qn("w:num")):
                num_id = wval(element, "numId") or ""
                for override in element.iterchildren(qn("w:lvlOverride")):
                    replaced = first_child(override, qn("w:lvl"))
                    left = (
                        _left(first_child(replaced, qn("w:pPr"))) if replaced is not None else None
                    )
                    if left is not None:
                        key = (num_id, int_or(wval(override, "ilvl"), -1))
                        self._override_ind[key] = left
        self._by_style: dict[str | None, int | None] = {}

    def left(self, para: Paragraph) -> int:
        """Where the paragraph's text lines start (twips from the margin)."""
        ppr = para.properties
        direct = _left(ppr)
        if direct is not None:
            return direct
        style_id = wval(first_child(ppr, qn("w:pStyle"))) if ppr is not None else None
        if para.label is not None:
            listed = self._list_left(ppr, style_id)
            if listed is not None:
                return listed
        return self._style_left(style_id)

    def _list_left(self, ppr: etree._Element | None, style_id: str | None) -> int | None:
        num_id, ilvl = self.styles.numbering(style_id)
        numpr = first_child(ppr, qn("w:numPr")) if ppr is not None else None
        if numpr is not None:
            num_id = wval(first_child(numpr, qn("w:numId"))) or num_id
            ilvl = int_or(wval(first_child(numpr, qn("w:ilvl"))), ilvl)
        if not num_id:
            return None
        resolved = self.numbering.resolve(num_id, ilvl, style_id)
        if resolved is None:
            return None
        override = self._override_ind.get((resolved.num.id, resolved.ilvl))
        if override is not None:
            return override
        return self._abstract_ind.get((resolved.key, resolved.ilvl))

    def _style_left(self, style_id: str | None) -> int:
        if style_id not in self._by_style:
            found: int | None = None
            current, seen = style_id or self.styles.default_paragraph, 0
            while current and seen < _MAX_CHAIN and found is None:
                found = _left(self._style_ppr.get(current))
                current = self._based_on.get(current)
                seen += 1
            self._by_style[style_id] = found
        found = self._by_style[style_id]
        if found is not None:
            return found
        return self._default or 0
