"""Provides the two views of a document with tracked changes, and a count of them.

    accepted  what the draft says once every change is accepted (the default)
    original  what it said before them: every change rejected

Content inside w:ins/w:moveTo exists only in the accepted view, content inside
w:del/w:moveFrom only in the original. A paragraph whose *mark* was deleted
joins the next paragraph; a table row marked deleted or inserted disappears from
the view that lacks it. Formatting revisions (w:rPrChange, w:pPrChange, ...)
never change text; the original view only takes the old paragraph properties
from w:pPrChange, because they decide the old list numbering.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from lxml import etree

from draftdiff.parse.wordml.ns import first_child, qn


class View(StrEnum):
    """Which text of a document with pending tracked changes to read."""

    ACCEPTED = "accepted"
    ORIGINAL = "original"


INSERTED = frozenset({qn("w:ins"), qn("w:moveTo")})
DELETED = frozenset({qn("w:del"), qn("w:moveFrom")})
_FORMATTING = frozenset(
    qn(f"w:{name}")
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellMerge",
    )
)
_CELL_CHANGES = frozenset({qn("w:cellIns"), qn("w:cellDel")})
_PROPERTY_PARENTS = frozenset({qn("w:rPr"), qn("w:trPr")})
# Every tag `summarize` looks at, so lxml skips the rest of the tree in C.
_COUNTED = tuple(sorted(_FORMATTING | INSERTED | DELETED | _CELL_CHANGES))


def shows(tag: str, view: View) -> bool:
    """Whether content wrapped in a revision element `tag` is part of `view`."""
    if tag in INSERTED:
        return view is View.ACCEPTED
    if tag in DELETED:
        return view is View.ORIGINAL
    return True


def removed_by_mark(properties: etree._Element | None, view: View) -> bool:
    """True when a w:pPr/w:rPr or w:trPr marks its paragraph mark or row as absent
    from `view` (deleted and the view is accepted, or inserted and it is original)."""
    if properties is None:
        return False
    hidden = DELETED if view is View.ACCEPTED else INSERTED
    return any(child.tag in hidden for child in properties)


def paragraph_properties(ppr: etree._Element | None, view: View) -> etree._Element | None:
    """The w:pPr in force in `view`: the old one from w:pPrChange in the original view."""
    if ppr is None or view is View.ACCEPTED:
        return ppr
    change = first_child(ppr, qn("w:pPrChange"))
    if change is None:
        return ppr
    old = first_child(change, qn("w:pPr"))
    return old if old is not None else ppr


@dataclass(frozen=True)
class RevisionSummary:
    """The tracked changes a file carries, by kind and author."""

    insertions: int = 0
    deletions: int = 0
    moves: int = 0
    formatting: int = 0
    authors: tuple[str, ...] = ()
    """Everyone who made at least one pending change, most changes first."""

    @property
    def total(self) -> int:
        return self.insertions + self.deletions + self.moves + self.formatting

    def describe(self) -> str:
        """'12 pending tracked changes (8 insertions, 3 deletions, 1 formatting) by A, B'."""
        parts = [
            f"{count} {name}"
            for count, name in (
                (self.insertions, "insertions" if self.insertions != 1 else "insertion"),
                (self.deletions, "deletions" if self.deletions != 1 else "deletion"),
                (self.moves, "moves" if self.moves != 1 else "move"),
                (self.formatting, "formatting"),
            )
            if count
        ]
        noun = "change" if self.total == 1 else "changes"
        who = f" by {', '.join(self.authors)}" if self.authors else ""
        return f"{self.total} pending tracked {noun} ({', '.join(parts)}){who}"


def summarize(roots: Iterable[etree._Element | None]) -> RevisionSummary:
    """Count the revision elements under `roots` (body, notes, headers)."""
    kinds: Counter[str] = Counter()
    authors: Counter[str] = Counter()
    for root in roots:
        if root is None:
            continue
        for element in root.iter(*_COUNTED):
            tag = element.tag
            if tag in _FORMATTING:
                kind = "formatting"
            elif tag == qn("w:moveTo"):
                kind = "moves"  # a move is one change; its w:moveFrom half is not counted
            elif tag == qn("w:moveFrom"):
                continue
            elif tag in INSERTED or tag == qn("w:cellIns"):
                # A w:ins inside w:rPr/w:trPr marks a paragraph mark or row, counted once
                # with the text it belongs to only when there is no text (an empty line).
                kind = "insertions"
            elif tag in DELETED or tag in _CELL_CHANGES:
                kind = "deletions"
            else:
                continue
            parent = element.getparent()
            if parent is not None and parent.tag in _PROPERTY_PARENTS and kind != "formatting":
                continue
            kinds[kind] += 1
            author = element.get(qn("w:author"))
            if author:
                authors[author] += 1
    return RevisionSummary(
        insertions=kinds["insertions"],
        deletions=kinds["deletions"],
        moves=kinds["moves"],
        formatting=kinds["formatting"],
        authors=tuple(name for name, _ in authors.most_common()),
    )
