"""Provides recognition of typed list and clause markers at the start of a plain-text line.

    1.   1)   1.1   1.1.   (1)   (3a)   a)   (a)   aa)   A.   (iv)   iv.   A.1.
    Section 3   Article 7   § 3   and bullets  -  *  •  –  —

The text reader uses a marker only as *evidence* that a new block starts; the number
stays in the block text, and the schema decides what it means.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_ROMAN = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}

_WORDS = (
    "Section|SECTION|Article|ARTICLE|Art\\.|ART\\.|Clause|CLAUSE|Chapter|CHAPTER|Part|PART"
    "|Paragraph|PARAGRAPH|Schedule|SCHEDULE|Annex|ANNEX|Appendix|APPENDIX|Exhibit|EXHIBIT"
)
_MARKER = re.compile(
    rf"(?P<word>(?:{_WORDS})\s+(?P<wnum>\d{{1,4}}(?:\.\d{{1,4}})*[a-z]?|[IVX]{{1,6}}|[A-Z])\.?)"
    r"(?=\s|$|[.:\-–—])"
    r"|(?P<para>§§?\s*(?P<pnum>\d{1,4})[a-z]?\.?)(?=\s|$)"
    r"|\((?P<pin>\d{1,3}[a-z]?|[a-z]|(?P<pd>[a-z])(?P=pd)|[A-Z]|[ivx]{2,6}|[IVX]{2,6})\)(?=\s|$)"
    r"|(?P<dotted>[A-Z](?:\.\d{1,3})+\.?)(?=\s|$)"
    r"|(?P<dec>\d{1,3}(?:\.\d{1,3})+\.?)(?=\s|$)"
    r"|(?P<num>\d{1,3})(?P<ndelim>[.)])(?=\s|$|(?<=\.)[A-Z])"
    r"|(?P<alpha>[a-z]|(?P<ad>[a-z])(?P=ad)|[A-Z]|[ivx]{2,6}|[IVX]{2,6})(?P<adelim>[.)])(?=\s|$)"
    r"|(?P<bullet>[-*•–—‣◦▪])(?=\s)"
)


@dataclass(frozen=True)
class Marker:
    """A typed marker at the start of a line and the numbers it could stand for."""

    text: str
    """The marker as typed: "(a)", "1.1.", "Section 3", "—"."""
    style: str
    """Its shape, numbers replaced: "(x)", "x)", "n.", "n.n", "section", "§", "—"."""
    values: tuple[tuple[str, tuple[int, ...]], ...]
    """Each reading of the marker as (numbering system, number path): "i)" reads as the
    letter i (9) and as the roman numeral 1; "1.2" reads as ("decimal", (1, 2))."""

    def follows(self, previous: Marker) -> bool:
        """True when this marker is a plausible next item after `previous`."""
        if self.style != previous.style:
            return False
        if not self.values:  # bullets: the same bullet again
            return True
        return any(
            system == previous_system and _next_number(before, after)
            for system, after in self.values
            for previous_system, before in previous.values
        )


def ends_clause(text: str) -> bool:
    """Does `text` end a sentence or clause (". ; : ! ?", maybe before a quote or bracket)?"""
    return text.rstrip().rstrip("\"'”’)]")[-1:] in (".", ";", ":", "!", "?")


def find_marker(line: str) -> Marker | None:
    """The marker that `line` (already stripped of indentation) starts with, if any."""
    match = _MARKER.match(line)
    if match is None:
        return None
    # The pattern looks at most one character past the marker, so this prefix decides the
    # match; documents repeat a few hundred distinct markers, so they are parsed once.
    return _parse_marker(line[: match.end() + 1])


@functools.lru_cache(maxsize=4096)
def _parse_marker(prefix: str) -> Marker | None:
    match = _MARKER.match(prefix)
    if match is None:  # pragma: no cover - find_marker matched this prefix already
        return None
    text = match.group()
    if match.group("word"):
        word = text.split()[0].rstrip(".").lower()
        return _marker(text, word, _readings(match.group("wnum")))
    if match.group("para"):
        return Marker(text, "§", (("decimal", (int(match.group("pnum")),)),))
    if match.group("pin"):
        return _marker(text, "(x)", _readings(match.group("pin")))
    if match.group("dotted"):
        letter, *digits = text.rstrip(".").split(".")
        path = (ord(letter) - ord("A") + 1, *(int(n) for n in digits))
        return Marker(text, "X.n", (("alpha-decimal", path),))
    if match.group("dec"):
        numbers = tuple(int(n) for n in text.rstrip(".").split("."))
        return Marker(text, "n.n", (("decimal", numbers),))
    if match.group("num"):
        return Marker(text, "n" + match.group("ndelim"), (("decimal", (int(match.group("num")),)),))
    if match.group("alpha"):
        return _marker(text, "x" + match.group("adelim"), _readings(match.group("alpha")))
    return Marker(text, text, ())


def _marker(
    text: str, style: str, readings: tuple[tuple[str, tuple[int, ...]], ...]
) -> Marker | None:
    # "vx)" fits the pattern but is no number in any system: not a marker.
    return Marker(text, style, readings) if readings else None


def _readings(token: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Every numbering system `token` can be read in, with its value."""
    token = re.sub(r"(?<=\d)[a-z]$", "", token)  # "3a" counts as 3: an inserted item
    if token.isdigit():
        return (("decimal", (int(token),)),)
    if "." in token:
        return (("decimal", tuple(int(n) for n in token.split("."))),)
    readings: list[tuple[str, tuple[int, ...]]] = []
    lower = token.lower()
    if len(lower) == 1:
        readings.append(("lower" if token.islower() else "upper", (ord(lower) - ord("a") + 1,)))
    elif len(set(lower)) == 1 and lower not in ("ii", "iii", "xx", "xxx"):
        # German statutes number sub-items aa), bb), cc) after a), b), c).
        readings.append(("double", (ord(lower[0]) - ord("a") + 1,)))
    if _ROMAN.fullmatch(lower):
        system = "roman" if token.islower() else "ROMAN"
        readings.append((system, (_roman_value(lower),)))
    return tuple(readings)


def _roman_value(numeral: str) -> int:
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _next_number(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """True for the next sibling at any level (1.2 -> 1.3, 1.2 -> 2) or a first child (1 -> 1.1)."""
    if after == (*before, 1):
        return True
    level = len(after)
    return (
        level <= len(before)
        and after[:-1] == before[: level - 1]
        and after[-1] == before[level - 1] + 1
    )
