"""Provides word-level diffs on top of diff-match-patch, and text similarity.

diff-match-patch diffs characters. Mapping every distinct token (a word, a run
of whitespace, one punctuation mark) to one private character first - the trick
of its `diff_linesToChars` - makes it diff tokens instead, so edits fall on word
boundaries, and makes it fast. `diff_cleanupSemantic` then merges the tiny
equalities that make raw diffs hard to read. The library is a Java port that
mutates lists in place; it stays inside this module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

from diff_match_patch import diff_match_patch

from draftdiff.diff.result import Edit, Op

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)

T = TypeVar("T", bound=Hashable)

# Code points used to stand for tokens: skip the surrogates, which Python strings can
# hold but which are not characters.
_SURROGATES = range(0xD800, 0xE000)


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    # No deadline: results must not depend on machine speed (expected outputs are
    # checked in). Token encoding keeps inputs short enough for this to be cheap.
    engine.Diff_Timeout = 0
    return engine


def tokens(text: str) -> list[str]:
    """Split text into words, whitespace runs and single punctuation marks."""
    return _TOKEN.findall(text)


def _encode(items: Iterable[Sequence[T]]) -> list[str]:
    """Encode several token sequences with one shared token -> character table."""
    table: dict[T, str] = {}
    out = []
    for seq in items:
        chars = []
        for item in seq:
            char = table.get(item)
            if char is None:
                code = len(table) + 1
                if code >= _SURROGATES.start:
                    code += len(_SURROGATES)
                char = table[item] = chr(code)
            chars.append(char)
        out.append("".join(chars))
    return out


def diff_sequences(old: Sequence[T], new: Sequence[T]) -> list[tuple[Op, int]]:
    """Diff two sequences of hashable items: runs of (op, length), no cleanup."""
    a, b = _encode([old, new])
    return [(Op(op), len(chars)) for op, chars in _engine().diff_main(a, b, False)]


def word_diff(old: str, new: str) -> tuple[Edit, ...]:
    """Word-level edits from old to new text, cleaned up for people to read."""
    if old == new:
        return (Edit(Op.EQUAL, old),) if old else ()
    old_tokens, new_tokens = tokens(old), tokens(new)
    a, b = _encode([old_tokens, new_tokens])
    engine = _engine()
    diffs = engine.diff_main(a, b, False)
    engine.diff_cleanupSemantic(diffs)
    # Decode: each character of a run stands for one token of its side, in order.
    edits: list[Edit] = []
    i = j = 0
    for op, chars in diffs:
        n = len(chars)
        if op == Op.DELETE:
            text = "".join(old_tokens[i : i + n])
            i += n
        elif op == Op.INSERT:
            text = "".join(new_tokens[j : j + n])
            j += n
        else:
            text = "".join(old_tokens[i : i + n])
            i += n
            j += n
        _append(edits, Op(op), text)
    return tuple(edits)


def _append(edits: list[Edit], op: Op, text: str) -> None:
    if not text:
        return
    if edits and edits[-1].op is op:
        edits[-1] = Edit(op, edits[-1].text + text)
    else:
        edits.append(Edit(op, text))


def words(text: str) -> list[str]:
    """Case-folded words, for similarity."""
    return _WORD.findall(text.casefold())


def similarity(old: str, new: str) -> float:
    """Dice coefficient of the two texts' word multisets: 1.0 same words, 0.0 none shared."""
    a, b = Counter(words(old)), Counter(words(new))
    total = sum(a.values()) + sum(b.values())
    if total == 0:
        return 1.0 if old.strip() == new.strip() else 0.0
    return 2 * sum((a & b).values()) / total


def cosmetic_key(text: str) -> str:
    """Text with case, punctuation and whitespace removed: equal keys = cosmetic change.

    Typographic variants count as cosmetic too: straight and curly quotes, dashes."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())
