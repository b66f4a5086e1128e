"""Provides the values behind printed clause numbers, for sequence checks.

"(i)" is the ninth letter or the first roman numeral; which one a draft means
is decided by what came before it. This module only lists the readings of a
number; `structure.py` picks one by looking at the previous sibling.
"""

from __future__ import annotations

import re
from functools import lru_cache

Reading = tuple[str, int]
"""A counter style and the value in it: ("decimal", 3), ("lower-roman", 9)."""

_ROMAN = re.compile(r"^(?=[ivxlcdm])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_LAST_PART = re.compile(r"([0-9]+|[A-Za-z]+)[^0-9A-Za-z]*$")


def roman_value(token: str) -> int | None:
    """Value of a roman numeral in either case, or None."""
    low = token.lower()
    if not _ROMAN.match(low):
        return None
    total = 0
    for char, following in zip(low, [*low[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


# Word's ordinalText numbering, and US charters' typed "FIRST:", "SECOND:" articles.
ORDINALS = (
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth", "twentieth"),
)
_ORDINAL_VALUES = {word: value for value, word in enumerate(ORDINALS, start=1)}
# Treaties spelling their articles out: "ARTICLE FOUR".
CARDINALS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
_CARDINAL_VALUES = {word: value for value, word in enumerate(CARDINALS, start=1)}


@lru_cache(maxsize=8192)
def readings(number_id: str) -> frozenset[Reading]:
    """Every counter reading of the last part of a number: "3.2" -> decimal 2."""
    match = _LAST_PART.search(number_id)
    if not match:
        return frozenset()
    token = match.group(1)
    if token.lower() in _ORDINAL_VALUES:
        return frozenset({("ordinal", _ORDINAL_VALUES[token.lower()])})
    if token.lower() in _CARDINAL_VALUES:
        return frozenset({("cardinal", _CARDINAL_VALUES[token.lower()])})
    if token.isdigit():
        return frozenset({("decimal", int(token))})
    out: set[Reading] = set()
    case = "lower" if token.islower() else "upper" if token.isupper() else ""
    if not case:
        return frozenset()
    roman = roman_value(token)
    if roman is not None:
        out.add((f"{case}-roman", roman))
    # "a".."z", then "aa", "bb" (the doubled-letter style drafters use after z).
    if len(token) == 1:
        out.add((f"{case}-alpha", ord(token.lower()) - ord("a") + 1))
    elif len(set(token)) == 1:
        out.add((f"{case}-alpha", 26 * (len(token) - 1) + ord(token[0].lower()) - ord("a") + 1))
    return frozenset(out)


def is_first(values: frozenset[Reading]) -> bool:
    """True when the number starts a sequence: 1, a, i, A, I (0 counts for licences' "0.")."""
    return any(v in (0, 1) for _, v in values)


def follows(values: frozenset[Reading], previous: frozenset[Reading]) -> bool:
    """True when some reading of `values` is the successor of a reading of `previous`
    in the same counter style."""
    return any((style, v - 1) in previous for style, v in values)


def components(number_id: str) -> int:
    """Number of dotted parts: "3" -> 1, "3.2" -> 2, "A.1.b" -> 3."""
    return number_id.count(".") + 1


def prefix(number_id: str) -> str:
    """All but the last dotted part: "3.2.1" -> "3.2"; "" for a single part."""
    return number_id.rpartition(".")[0]


@lru_cache(maxsize=8192)
def follows_number(number_id: str, previous_id: str) -> bool:
    """True when `number_id` is the next number after `previous_id`.

    Single parts compare their last part ("(c)" after "(b)", "x" after "ix"). Dotted
    numbers of the same length compare part by part: one part goes up by one, the
    parts before it are equal and the parts after it start again, so "1.4" follows
    "1.3" and "2.1" follows "1.3"."""
    parts, previous = number_id.split("."), previous_id.split(".")
    if len(parts) != len(previous) or len(parts) == 1:
        return follows(readings(number_id), readings(previous_id))
    for k, (part, before) in enumerate(zip(parts, previous, strict=True)):
        if part == before:
            continue
        return follows(readings(part), readings(before)) and all(
            is_first(readings(rest)) for rest in parts[k + 1 :]
        )
    return False
