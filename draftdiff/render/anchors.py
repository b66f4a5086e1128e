"""Provides the one encoding of clause ids into HTML ids and URL fragments.

Clause ids hold characters that are awkward in links: "1.1(a)", "2¶1", "3.2~2".
`anchor` turns an id into a token made only of ASCII letters, digits and
`. ~ - _`, which is valid unquoted in an HTML attribute, needs no percent-encoding
in a URL fragment, and survives Markdown autolinkers. Common characters get
short readable escapes; "_" starts every escape, so the mapping is one-to-one
(`unanchor` inverts it, and a test checks the round trip):

    (  ->  _l        )  ->  _r        ¶  ->  _p        _  ->  __
    anything else  ->  _x<hex code point>.

    anchor("3.2")     == "clause-3.2"          (the deep link #clause-3.2)
    anchor("1.1(a)")  == "clause-1.1_la_r"
    anchor("2¶1", side="old") == "old-clause-2_p1"

New-version clauses own the plain `clause-` links; old-version clauses (removed
ones, and the old number of a renumbered or moved clause) get `old-clause-`.
"""

from __future__ import annotations

import re

from draftdiff.diff.result import Side

_KEEP = re.compile(r"[A-Za-z0-9.~-]")
_OTHER = re.compile(r"[^A-Za-z0-9.~-]")
_SHORT = {"(": "l", ")": "r", "¶": "p", "_": "_"}
_SHORT_BACK = {v: k for k, v in _SHORT.items()}
_PREFIX = {"new": "clause-", "old": "old-clause-"}


def encode(text: str) -> str:
    """`text` as a token of `[A-Za-z0-9.~_-]`, one-to-one."""
    return _OTHER.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return "_" + _SHORT[char] if char in _SHORT else f"_x{ord(char):x}."


def decode(token: str) -> str:
    """The text `encode` made `token` from; ValueError when no text could have."""
    out = []
    i = 0
    while i < len(token):
        char = token[i]
        if char != "_":
            if not _KEEP.fullmatch(char):
                raise ValueError(f"not an encoded token: {token!r}")
            out.append(char)
            i += 1
            continue
        code = token[i + 1 : i + 2]
        if code in _SHORT_BACK:
            out.append(_SHORT_BACK[code])
            i += 2
        elif code == "x":
            end = token.find(".", i + 2)
            digits = token[i + 2 : end]
            if end < 0 or not re.fullmatch(r"[0-9a-f]+", digits):
                raise ValueError(f"not an encoded token: {token!r}")
            out.append(chr(int(digits, 16)))
            i = end + 1
        else:
            raise ValueError(f"not an encoded token: {token!r}")
    return "".join(out)


def anchor(clause_id: str, side: Side = "new") -> str:
    """The HTML id (and URL fragment) of a clause of one version."""
    return _PREFIX[side] + encode(clause_id)


def unanchor(token: str) -> tuple[Side, str]:
    """The side and clause id an `anchor` token names; ValueError otherwise."""
    for side in ("old", "new"):
        prefix = _PREFIX[side]
        if token.startswith(prefix):
            return ("old" if side == "old" else "new"), decode(token[len(prefix) :])
    raise ValueError(f"not a clause anchor: {token!r}")
