"""Provides French list numbers: cardinalText, ordinalText and ordinal for fr-* documents.

    cardinalText 21 Vingt-et-un · 80 Quatre-vingts · 200 Deux-cents · 1001 Mille-un
    ordinalText  1 Premier · 21 Vingt-et-unième · 80 Quatre-vingtième · 1000 Millième
    ordinal      1 1er · 2 2e

Word spells a list number in the language of the paragraph, hyphenating every
compound (the 1990 spelling: "deux-cent-un", not "deux cent un"). "Vingt" and
"cent" take an "s" when multiplied and last ("quatre-vingts", "deux-cents"), but
not in the ordinal ("quatre-vingtième").
"""

from __future__ import annotations

_UNITS = (
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
)
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_hundred(value: int) -> str:
    if value < 20:
        return _UNITS[value]
    tens, ones = divmod(value, 10)
    if tens in (7, 9):
        # 70-79 and 90-99 count on from sixty and eighty: soixante-douze, quatre-vingt-dix.
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = 10 + ones
        joiner = "-et-" if tens == 7 and ones == 1 else "-"
        return f"{base}{joiner}{_UNITS[rest]}"
    if tens == 8:
        return "quatre-vingts" if ones == 0 else f"quatre-vingt-{_UNITS[ones]}"
    if ones == 0:
        return _TENS[tens]
    return f"{_TENS[tens]}{'-et-' if ones == 1 else '-'}{_UNITS[ones]}"


def _below_thousand(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    if hundreds == 0:
        return _below_hundred(rest)
    head = "cent" if hundreds == 1 else f"{_UNITS[hundreds]}-cent"
    if rest == 0:
        return head if hundreds == 1 else head + "s"
    return f"{head}-{_below_hundred(rest)}"


def _words(value: int) -> str:
    if value < 1000:
        return _below_thousand(value)
    if value < 1_000_000:
        thousands, rest = divmod(value, 1000)
        # "mille" never takes an "s", and what multiplies it keeps none either.
        head = "mille" if thousands == 1 else f"{_plain(_below_thousand(thousands))}-mille"
        return head if rest == 0 else f"{head}-{_below_thousand(rest)}"
    return str(value)


def _plain(words: str) -> str:
    """Drop the plural "s" of a final vingts/cents (before "mille", or in an ordinal)."""
    for plural in ("vingts", "cents"):
        if words.endswith(plural):
            return words[:-1]
    return words


def cardinal_text(value: int) -> str:
    words = _words(value)
    return words[:1].upper() + words[1:]


def ordinal_text(value: int) -> str:
    if value == 1:
        return "Premier"
    words = _plain(_words(value))
    if words.endswith("cinq"):
        words += "u"
    elif words.endswith("neuf"):
        words = words[:-1] + "v"
    elif words.endswith("e"):
        words = words[:-1]
    words += "ième"
    return words[:1].upper() + words[1:]


def ordinal(value: int) -> str:
    return f"{value}er" if value == 1 else f"{value}e"
