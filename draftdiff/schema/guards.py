"""Provides the schema loader's guards against hostile schema files.

A schema is data, but data that runs: its YAML may alias one list into another until a
few hundred bytes stand for billions of nodes, and its regular expressions run on every
line of every document. Both are checked when the schema is loaded:

- `expanded_size`: how many nodes the YAML stands for once aliases are followed,
  counted without expanding them (refused past `MAX_NODES`);
- `ambiguous_repeat`: the shape of pattern that backtracks exponentially, an unbounded
  repeat whose body is one unbounded repeat and optional items ("(a+)+", "(\\w+\\s?)*").
  Repeats separated by required tokens ("(?:\\s+\\w+)*") stay allowed; what slips
  past this check is stopped by the time limit (draftdiff/limits.py).
"""

from __future__ import annotations

import re

# The parser behind re.compile (Python 3.11+ layout); its output is only read here.
from re import _constants as _sre_constants  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any

import yaml

MAX_NODES = 200_000
"""The largest built-in schema is about 6,000 nodes."""


_REPEATS = {
    _sre_constants.MAX_REPEAT,
    _sre_constants.MIN_REPEAT,
    *([_sre_constants.POSSESSIVE_REPEAT] if hasattr(_sre_constants, "POSSESSIVE_REPEAT") else []),
}
_UNBOUNDED = _sre_constants.MAXREPEAT
_ZERO_WIDTH = {_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT}


def expanded_size(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """The number of nodes `root` stands for with every alias followed, counting each
    shared node once per place it is used; stops counting past `limit`."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if depth > 1000:  # a YAML tree nested deeper than any schema: refuse as too big
            return limit + 1
        total = 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                total += size(key, depth + 1) + size(value, depth + 1)
                if total > limit:
                    break
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item, depth + 1)
                if total > limit:
                    break
        sizes[id(node)] = total
        return total

    return size(root, 0)


def ambiguous_repeat(source: str) -> str:
    """The part of a pattern that can backtrack exponentially, or "" when none is found."""
    try:
        parsed = _sre_parser.parse(source)
    except (re.error, RecursionError, OverflowError):
        return ""  # re.compile reports the error itself
    return _walk(list(parsed))


def _walk(items: list[tuple[Any, Any]]) -> str:
    for op, arg in items:
        if op in _REPEATS:
            _low, high, body = arg
            body = list(body)
            if high == _UNBOUNDED and _only_unbounded_repeat(body):
                return "a repeat of a repeat, such as (a+)+"
            found = _walk(body)
        elif op == _sre_constants.SUBPATTERN:
            found = _walk(list(arg[-1]))
        elif op == _sre_constants.BRANCH:
            found = next((f for f in (_walk(list(b)) for b in arg[1]) if f), "")
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            found = _walk(list(arg[1]))
        else:
            found = ""
        if found:
            return found
    return ""


def _only_unbounded_repeat(body: list[tuple[Any, Any]]) -> bool:
    """Whether a repeat's body can match a run of text with nothing but one unbounded
    repeat, everything else in it optional: the body can then split the run in
    exponentially many ways ("(a+)+", "(\\w+\\s?)*", "(?:\\s*\\w+)*")."""
    required = [item for item in body if not _may_be_empty(item)]
    candidates = required if required else body
    if len(required) > 1:
        return False
    return any(_is_unbounded(item) for item in candidates)


def _is_unbounded(item: tuple[Any, Any]) -> bool:
    op, arg = item
    if op in _REPEATS:
        return bool(arg[1] == _UNBOUNDED or (arg[1] > 1 and _only_unbounded_repeat(list(arg[2]))))
    if op == _sre_constants.SUBPATTERN:
        return _only_unbounded_repeat(list(arg[-1]))
    if op == _sre_constants.BRANCH:
        return any(_only_unbounded_repeat(list(b)) for b in arg[1])
    return False


def _may_be_empty(item: tuple[Any, Any]) -> bool:
    op, arg = item
    return op in _ZERO_WIDTH or (op in _REPEATS and arg[0] == 0)
