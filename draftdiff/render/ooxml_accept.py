"""Provides `accept_all`: a WordprocessingML tree with its pending tracked changes accepted.

A redline is written on top of a clean version: a draft that already carries
tracked changes is first made into what the reader's "accepted" view shows,
so the new revisions are the only ones in the output (and accepting them gives
the text the comparison read). In place, on an lxml tree:

- w:del / w:moveFrom content removed, w:ins / w:moveTo content unwrapped;
- move range markers and every property change record (w:rPrChange, ...) removed;
- table rows marked deleted removed, the insertion marks of rows removed;
- a paragraph whose mark was deleted joins the paragraph after it, as in Word.
"""

from __future__ import annotations

from lxml import etree

from draftdiff.parse.wordml.ns import first_child, qn

_CONTENT_DELETED = (qn("w:del"), qn("w:moveFrom"))
_CONTENT_INSERTED = (qn("w:ins"), qn("w:moveTo"))
_DROPPED = tuple(
    qn(f"w:{name}")
    for name in (
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "cellMerge",
    )
)
# Parents in which w:ins / w:del mark a paragraph mark, a row or a cell, not content.
_MARK_PARENTS = frozenset({qn("w:rPr"), qn("w:trPr"), qn("w:tcPr")})
_W_P, _W_PPR, _W_TR = qn("w:p"), qn("w:pPr"), qn("w:tr")


def accept_all(root: etree._Element) -> int:
    """Accept every tracked change under `root`; returns how many revision elements
    were resolved (0: the tree had none and is unchanged)."""
    count = 0
    for element in list(root.iter(*_DROPPED)):
        _remove(element)
        count += 1
    for row in list(root.iter(_W_TR)):
        trpr = first_child(row, qn("w:trPr"))
        if trpr is not None and first_child(trpr, qn("w:del")) is not None:
            table = row.getparent()
            _remove(row)
            count += 1
            # A table must keep a row: one whose rows were all deleted goes too.
            if table is not None and first_child(table, _W_TR) is None:
                _remove(table)
    deleted_marks: list[etree._Element] = []
    for element in list(root.iter(*_CONTENT_DELETED, *_CONTENT_INSERTED)):
        parent = element.getparent()
        if parent is None:
            continue
        count += 1
        if parent.tag in _MARK_PARENTS:
            grand = parent.getparent()
            if element.tag in _CONTENT_DELETED and grand is not None and grand.tag == _W_PPR:
                paragraph = grand.getparent()
                if paragraph is not None and paragraph.tag == _W_P:
                    deleted_marks.append(paragraph)
            parent.remove(element)
        elif element.tag in _CONTENT_DELETED:
            _remove(element)
        else:
            _unwrap(element)
    for paragraph in deleted_marks:
        _join_next(paragraph)
    return count


def _join_next(paragraph: etree._Element) -> None:
    """A deleted paragraph mark: the paragraph's content runs on into the next one."""
    parent = paragraph.getparent()
    if parent is None:
        return
    content = [child for child in paragraph if child.tag != _W_PPR]
    following = paragraph.getnext()
    if following is not None and following.tag == _W_P:
        anchor = first_child(following, _W_PPR)
        position = 0 if anchor is None else following.index(anchor) + 1
        for offset, child in enumerate(content):
            following.insert(position + offset, child)
        parent.remove(paragraph)
    elif not content:
        parent.remove(paragraph)


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        # Keep the text that followed the element (lxml stores it on the element).
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace an element by its children, in place."""
    parent = element.getparent()
    if parent is None:
        return
    position = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(position + offset, child)
    parent.remove(element)
