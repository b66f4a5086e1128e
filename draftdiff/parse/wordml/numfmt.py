"""Provides `format_number`: a list counter as Word prints it in a `w:numFmt`.

    decimal 7 · decimalZero 07 · upperRoman VII · lowerLetter g, then aa, bb …
    ordinal 7th · cardinalText Seven · ordinalText Seventh · decimalEnclosedCircle ⑦
    custom "001, 002, 003, ..." → 007 · chineseCounting 七 · bullet/none → ""

Text formats follow English (the language of the drafts draftdiff reads), or
the document's language where this module knows it (French: numfmt_fr.py,
Russian ordinalText: numfmt_ru.py); unknown formats fall back to decimal, as Word
itself does for formats it cannot render. Capitalisation matches Word: only the
first letter is upper case
("Twenty-one", "One thousand and first").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from draftdiff.parse.wordml import numfmt_fr, numfmt_ru

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_CJK_DIGITS = "零一二三四五六七八九"
_CJK_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CUSTOM_FIRST = re.compile(r"\s*(\d+)")


def format_number(value: int, fmt: str, custom: str = "", language: str = "") -> str:
    """`value` in Word number format `fmt` (`custom` is w:format for fmt "custom").
    Text formats follow `language` (a w:lang value) where it is French; English else."""
    if fmt in ("none", "bullet"):
        return ""
    if value < 0:
        value = 0
    if fmt == "custom":
        return _custom(value, custom)
    spelt = _SPELT_BY_LANGUAGE.get(language[:2].lower(), {}).get(fmt)
    if spelt is not None:
        return spelt(value)
    handler = _FORMATS.get(fmt)
    return handler(value) if handler else str(value)


def roman(value: int) -> str:
    """Lower-case roman numeral; Word prints 0 as "0" and goes past 3999 with more m's."""
    if value <= 0:
        return str(value)
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def letters(value: int) -> str:
    """a..z, then aa..zz, aaa..: Word repeats the letter, it does not count in base 26."""
    if value <= 0:
        return str(value)
    repeat, index = divmod(value - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def ordinal(value: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th"
    if value % 100 not in (11, 12, 13):
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def cardinal_text(value: int) -> str:
    """English words, first letter capitalised: "One thousand and one" (as Word)."""
    return _capital(_words(value))


def ordinal_text(value: int) -> str:
    """English ordinal words: "Twenty-first", "One hundredth", "Three thousand and first"."""
    words = _words(value)
    head, sep, last = _split_last_word(words)
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return _capital(head + sep + last)


def _split_last_word(words: str) -> tuple[str, str, str]:
    cut = max(words.rfind(" "), words.rfind("-"))
    if cut < 0:
        return "", "", words
    return words[:cut], words[cut], words[cut + 1 :]


def _words(value: int) -> str:
    if value < 20:
        return _ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {_words(rest)}" if rest else "")
    for amount, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")):
        if value >= amount:
            big, rest = divmod(value, amount)
            head = f"{_words(big)} {name}"
            if not rest:
                return head
            # Word says "one thousand and one" but "one thousand one hundred".
            return f"{head} and {_words(rest)}" if rest < 100 else f"{head} {_words(rest)}"
    return str(value)  # pragma: no cover - the loop always returns


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _custom(value: int, pattern: str) -> str:
    """w:format="001, 002, 003, ..." pads with zeros to the width of the first sample."""
    match = _CUSTOM_FIRST.match(pattern)
    if not match:
        return str(value)
    return str(value).zfill(len(match.group(1)))


def _enclosed_circle(value: int) -> str:
    if 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if 21 <= value <= 35:
        return chr(0x3251 + value - 21)
    if 36 <= value <= 50:
        return chr(0x32B1 + value - 36)
    return str(value)


def _chinese_counting(value: int) -> str:
    """一, 十, 十一, 二十, 一百零一, 一千零一十 (Word's chineseCounting)."""
    if value <= 0 or value >= 10000:
        return str(value)
    out: list[str] = []
    rest = value
    zero = False
    for amount, unit in _CJK_UNITS:
        digit, rest = divmod(rest, amount)
        if digit:
            if zero:
                out.append(_CJK_DIGITS[0])
                zero = False
            # 10-19 read 十, 十一 … without a leading 一.
            if not (amount == 10 and digit == 1 and value < 20):
                out.append(_CJK_DIGITS[digit])
            out.append(unit)
        elif out:
            zero = True
    if rest:
        if zero:
            out.append(_CJK_DIGITS[0])
        out.append(_CJK_DIGITS[rest])
    return "".join(out)


def _ideograph_traditional(value: int) -> str:
    return _HEAVENLY_STEMS[value - 1] if 1 <= value <= 10 else str(value)


def _fullwidth(value: int) -> str:
    return "".join(chr(0xFF10 + int(d)) for d in str(value))


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda v: f"{v:02d}",
    "upperRoman": lambda v: roman(v).upper(),
    "lowerRoman": roman,
    "upperLetter": lambda v: letters(v).upper(),
    "lowerLetter": letters,
    "ordinal": ordinal,
    "cardinalText": cardinal_text,
    "ordinalText": ordinal_text,
    "hex": lambda v: f"{v:X}",
    "decimalEnclosedCircle": _enclosed_circle,
    "decimalEnclosedCircleChinese": _enclosed_circle,
    "decimalEnclosedParen": lambda v: f"({v})",
    "decimalEnclosedFullstop": lambda v: f"{v}.",
    "decimalFullWidth": _fullwidth,
    "decimalFullWidth2": _fullwidth,
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting,
    "ideographTraditional": _ideograph_traditional,
}

_SPELT_BY_LANGUAGE: dict[str, dict[str, Callable[[int], str]]] = {
    "fr": {
        "cardinalText": numfmt_fr.cardinal_text,
        "ordinalText": numfmt_fr.ordinal_text,
        "ordinal": numfmt_fr.ordinal,
    },
    "ru": {"ordinalText": numfmt_ru.ordinal_text},
}
"""Text formats spelt in the document's language; other languages read as English."""
