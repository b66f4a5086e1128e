"""Provides `NoteCopier`: the old version's footnotes and endnotes, carried into a redline.

A deleted reference (in a removed clause, or gone from a kept one) must point at a
note the new package holds, or Word calls the file damaged and rejecting the
change could not bring the note back. Each old note cited is copied once into the
new package's footnotes (endnotes) part, under a fresh id, its text deleted: accept
all removes it with its reference, reject all restores both.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from lxml import etree

from draftdiff.parse.wordml.ns import qn, wval
from draftdiff.render.ooxml_package import DocxParts
from draftdiff.render.ooxml_runs import Marks, mark_deleted

_KINDS = ("footnote", "endnote")


class NoteCopier:
    def __init__(
        self,
        new_parts: DocxParts,
        old_parts: DocxParts | None,
        marks: Marks,
        sanitise: Callable[[etree._Element], etree._Element],
    ) -> None:
        self.new_parts = new_parts
        self.marks = marks
        self.sanitise = sanitise
        self._old: dict[str, dict[str, etree._Element]] = {kind: {} for kind in _KINDS}
        if old_parts is not None:
            for kind in _KINDS:
                name = old_parts.part_for(f"{_REL_BASE}{kind}s")
                if name is not None and name in old_parts.members:
                    for note in old_parts.xml(name).iterchildren(qn(f"w:{kind}")):
                        note_id = wval(note, "id")
                        if note_id is not None and wval(note, "type") in (None, "normal"):
                            self._old[kind][note_id] = note
        self._parts: dict[str, tuple[str, etree._Element]] = {}
        self._copied: dict[tuple[str, str], str] = {}

    def copy(self, kind: str, old_id: str | None) -> str | None:
        """The id, in the new package, of a deleted copy of an old note; None when
        the old package has no such note."""
        if old_id is None or old_id not in self._old[kind]:
            return None
        key = (kind, old_id)
        if key in self._copied:
            return self._copied[key]
        _, root = self._part(kind)
        ids = [int(v) for v in (wval(n, "id") for n in root) if v and v.lstrip("-").isdigit()]
        new_id = str(max([0, *ids]) + 1)
        note = self.sanitise(copy.deepcopy(self._old[kind][old_id]))
        note.set(qn("w:id"), new_id)
        for paragraph in note.iter(qn("w:p")):
            mark_deleted(paragraph, self.marks)
        root.append(note)
        self._copied[key] = new_id
        return new_id

    def _part(self, kind: str) -> tuple[str, etree._Element]:
        if kind not in self._parts:
            self._parts[kind] = self.new_parts.story_part(f"{kind}s")
        return self._parts[kind]

    def write(self) -> None:
        for name, root in self._parts.values():
            self.new_parts.set_xml(name, root)


_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
