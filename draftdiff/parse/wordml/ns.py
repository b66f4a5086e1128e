"""Provides the XML namespaces of WordprocessingML and a Clark-notation helper."""

from __future__ import annotations

import functools
from typing import TypeVar

from lxml import etree

_Default = TypeVar("_Default")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"

PREFIXES = {"w": W, "r": R, "m": M, "mc": MC, "wps": WPS, "a": A, "v": V}


@functools.cache
def qn(tag: str) -> str:
    """'w:p' -> '{http://...main}p' (Clark notation, as lxml names elements)."""
    prefix, _, local = tag.partition(":")
    return f"{{{PREFIXES[prefix]}}}{local}"


def wval(element: object, attr: str = "val") -> str | None:
    """The w:<attr> attribute of an element (None when absent or no element)."""
    if element is None:
        return None
    value = element.get(f"{{{W}}}{attr}")  # type: ignore[attr-defined]
    return value if value is None else str(value)


def on(element: object) -> bool:
    """A Word on/off property: present and not w:val="0"/"false"/"off"."""
    if element is None:
        return False
    return wval(element) not in ("0", "false", "off")


def int_or(value: str | None, default: _Default) -> int | _Default:
    """A whole-number attribute value, or `default` when it is absent or not a number
    (hand-edited or hostile files)."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def first_child(element: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child element with Clark name `tag`, or None.

    Like `element.find(tag)`, without lxml's ElementPath parsing on every call, which
    dominates the reading time of documents with thousands of paragraphs."""
    if element is None:
        return None
    for found in element.iterchildren(tag):
        return found
    return None
