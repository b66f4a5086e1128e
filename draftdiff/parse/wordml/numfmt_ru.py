"""Provides Russian ordinalText list numbers for ru-* documents (masculine nominative).

    1 Первый · 21 Двадцать первый · 200 Двухсотый · 1001 Одна тысяча первый · 2000 Двухтысячный

Only the last word of a compound is an ordinal; a round number's hundreds or
thousands fuse into one word with their multiplier in the genitive ("двухсотый").
Word and LibreOffice write the letter ё ("Четвёртый").
"""

from __future__ import annotations

_UNITS = ("", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
_TEENS = (
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
)
_TENS = (
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
)
_HUNDREDS = (
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
)
_UNITS_ORD = (
    "",
    "первый",
    "второй",
    "третий",
    "четвёртый",
    "пятый",
    "шестой",
    "седьмой",
    "восьмой",
    "девятый",
)
_TEENS_ORD = tuple(word[:-1] + "ый" for word in _TEENS)
_TENS_ORD = (
    "",
    "",
    "двадцатый",
    "тридцатый",
    "сороковой",
    "пятидесятый",
    "шестидесятый",
    "семидесятый",
    "восьмидесятый",
    "девяностый",
)
# Genitive multipliers that fuse with "сотый" and "тысячный": двухсотый, пятитысячный.
_GENITIVE = ("", "", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти")
_THOUSANDS = ("", "одна тысяча", "две тысячи", "три тысячи", "четыре тысячи")


def _cardinal_below_thousand(value: int) -> list[str]:
    hundreds, rest = divmod(value, 100)
    words = [_HUNDREDS[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        words.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        words += [w for w in (_TENS[tens], _UNITS[ones]) if w]
    return words


def _ordinal_below_thousand(value: int) -> list[str]:
    hundreds, rest = divmod(value, 100)
    if rest == 0:
        return [_GENITIVE[hundreds] + "сотый" if hundreds > 1 else "сотый"]
    words = [_HUNDREDS[hundreds]] if hundreds else []
    if rest < 10:
        return [*words, _UNITS_ORD[rest]]
    if rest < 20:
        return [*words, _TEENS_ORD[rest - 10]]
    tens, ones = divmod(rest, 10)
    if ones == 0:
        return [*words, _TENS_ORD[tens]]
    return [*words, _TENS[tens], _UNITS_ORD[ones]]


def _thousands(count: int) -> list[str]:
    if count < len(_THOUSANDS):
        return [_THOUSANDS[count]]
    return [*_cardinal_below_thousand(count), "тысяч"]


def ordinal_text(value: int) -> str:
    if value <= 0 or value >= 10_000:
        return str(value)
    thousands, rest = divmod(value, 1000)
    if rest == 0:
        words = [(_GENITIVE[thousands] if thousands > 1 else "") + "тысячный"]
    else:
        words = (_thousands(thousands) if thousands else []) + _ordinal_below_thousand(rest)
    text = " ".join(words)
    return text[:1].upper() + text[1:]
