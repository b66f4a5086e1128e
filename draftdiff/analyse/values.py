"""Provides values: amounts, percentages, durations, dates and counts, in digits and words.

    "thirty (30) days"            duration  30 day
    "USD 500,000,000,000"         amount    USD 500000000000
    "fifty percent (50%)"         percent   50%
    "10 February 2025"            date      2025-02-10
    "five (5) members"            count     5 member
    "tenth (10th) anniversary"    count     10th anniversary

Two values are the same when their `key` is: "thirty (30) days" and "30 days"
are one value, so rewriting the one as the other is not a value change. Number
words, currencies, percent signs, units and months all come from the schema.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from draftdiff.analyse.lexicon import Lexicon, alternation
from draftdiff.schema.model import Schema


@dataclass(frozen=True)
class Value:
    """One value found in a clause."""

    kind: str
    """amount, percent, duration, date or count."""
    text: str
    start: int
    end: int
    number: float | None
    unit: str
    """Currency, duration unit (singular), counted noun (singular), "%", or "" for dates."""
    iso: str = ""
    """For dates: YYYY-MM-DD (YYYY-MM when there is no day)."""
    ordinal: bool = False

    @property
    def key(self) -> str:
        """What the value means, whatever its wording: "30 day", "USD 500", "2025-02-10"."""
        if self.kind == "date":
            return self.iso
        number = _fmt(self.number)
        if self.ordinal:
            number += _ordinal_suffix(number)
        if self.kind == "amount":
            return f"{self.unit} {number}"
        if self.kind == "percent":
            return f"{number}%"
        return f"{number} {self.unit}".strip()


def _ordinal_suffix(number: str) -> str:
    if number[-2:] in ("11", "12", "13"):
        return "th"
    return {"1": "st", "2": "nd", "3": "rd"}.get(number[-1:], "th")


def _fmt(number: float | None) -> str:
    if number is None:
        return "?"
    if float(number).is_integer():
        return str(int(number))
    return f"{number:g}"


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ORDINAL = r"(?:st|nd|rd|th)"
_FILLER = {"and", "-"}


class ValueFinder:
    """The value patterns of one schema."""

    def __init__(self, schema: Schema, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.numbers = {k.casefold(): float(v) for k, v in schema.numbers.items()}
        words = alternation(self.numbers)
        word = rf"(?:{words})(?![^\W\d_])" if words else r"(?!x)x"
        # "seventy-two", "one hundred and fifty thousand"
        self._words = rf"(?<![\w-]){word}(?:(?:\s+and\s+|\s+|-){word})*(?![\w-])"
        months = lexicon.phrases("month")
        # A month's number is its place in the list (the first, if listed twice).
        self._month_number: dict[str, int] = {}
        for number, name in enumerate(months, 1):
            self._month_number.setdefault(name.casefold(), number)
        # Longest first, so "US dollars" is tried before "dollars"; sorted once, not per
        # number read.
        self._currencies = sorted(lexicon.phrases("currency"), key=len, reverse=True)
        month = alternation(months) or r"(?!x)x"
        self._date = re.compile(
            rf"(?<!\d)(?P<d1>\d{{1,2}})(?:{_ORDINAL}|\.)?\s+(?:of\s+)?(?P<m1>{month}),?\s+(?P<y1>\d{{4}})"
            rf"|(?P<m2>{month})\s+(?P<d2>\d{{1,2}}){_ORDINAL}?,?\s+(?P<y2>\d{{4}})"
            rf"|(?P<m3>{month}),?\s+(?P<y3>\d{{4}})"
            r"|(?P<iso>(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))"
        )
        self._number = re.compile(
            rf"(?P<words>{self._words})\s*\(\s*(?P<pd>{_DIGITS})(?P<pord>{_ORDINAL})?\s*(?P<ppct>%)?\s*\)"
            rf"|(?<![\w.,])(?P<digits>{_DIGITS})(?P<ord>{_ORDINAL})?(?![\w])"
            rf"|(?P<bare>{self._words})",
            re.IGNORECASE,
        )
        scales = [w for w, v in self.numbers.items() if v >= 1000 and _power_of_ten(v)]
        self._scale = re.compile(rf"\s+(?P<s>{alternation(scales) or '(?!x)x'})(?![\w])", re.I)
        self._pct_paren = re.compile(rf"\s*\(\s*(?:{_DIGITS})\s*%\s*\)")
        self._amount_paren = re.compile(r"\s*\([^()]{1,40}\d[^()]{0,20}\)")
        self._noun = re.compile(r"\s+(?:\(\s*[^()]{1,20}\)\s+)?(?P<noun>[a-z][a-z-]+)(?![\w])")

    def find(self, text: str, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Value, ...]:
        """Values in text, except inside the `skip` spans (cross-references)."""
        taken = _Taken(skip)
        out: list[Value] = []
        for m in self._date.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            out.append(self._date_value(m))
            taken.add(m.start(), m.end())
        for m in self._number.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            value = self._value(text, m)
            if value is None:
                continue
            out.append(value)
            taken.add(value.start, value.end)
        out.sort(key=lambda v: v.start)
        return tuple(out)

    def _date_value(self, m: re.Match[str]) -> Value:
        g = m.groupdict()
        if g["iso"]:
            return Value("date", m.group(), m.start(), m.end(), None, "", iso=g["iso"])
        day = g["d1"] or g["d2"]
        month = g["m1"] or g["m2"] or g["m3"] or ""
        year = g["y1"] or g["y2"] or g["y3"] or ""
        index = self._month_number[month.casefold()]
        iso = f"{year}-{index:02d}" + (f"-{int(day):02d}" if day else "")
        return Value("date", m.group(), m.start(), m.end(), None, "", iso=iso)

    def _value(self, text: str, m: re.Match[str]) -> Value | None:
        g = m.groupdict()
        start, end = m.start(), m.end()
        ordinal = False
        written_in_words = False
        if g["pd"] is not None:
            number: float | None = _digits(g["pd"])
            ordinal = bool(g["pord"])
            if g["ppct"]:
                return Value("percent", text[start:end], start, end, number, "%")
        elif g["digits"] is not None:
            number = _digits(g["digits"])
            ordinal = bool(g["ord"])
        else:
            number = self._words_value(g["bare"])
            written_in_words = True
            ordinal = g["bare"].casefold().endswith(("th", "first", "second", "third"))
        if number is None:
            return None
        scale = self._scale.match(text, end)
        if scale and not written_in_words:
            number *= self.numbers[scale.group("s").casefold()]
            end = scale.end()
        # Amount: a currency right before, or a currency word right after.
        currency = self._currency_before(text, start)
        if currency is not None:
            start = currency[0]
            end = self._skip_paren(text, end, self._amount_paren)
            return Value("amount", text[start:end], start, end, number, _unit(currency[1]))
        after = self.lexicon.at(text, "currency", _skip_space(text, end))
        if after is not None and after.start - end <= 1:
            end = self._skip_paren(text, after.end, self._amount_paren)
            return Value("amount", text[start:end], start, end, number, _unit(after.text))
        # Percentage: "50%", "fifty percent (50%)".
        pct = self.lexicon.at(text, "percent", _skip_space(text, end))
        if pct is not None and pct.start - end <= 1:
            end = self._skip_paren(text, pct.end, self._pct_paren)
            return Value("percent", text[start:end], start, end, number, "%")
        # Duration: "thirty (30) days", "72 hours", "ten (10) business days".
        unit = self.lexicon.at(text, "duration_unit", _skip_space(text, end))
        if unit is not None and unit.start - end <= 1:
            end = unit.end
            return Value("duration", text[start:end], start, end, number, _singular(unit.text))
        # Count: "five (5) members", "tenth (10th) anniversary", "three members".
        spelled_and_digits = g["pd"] is not None
        noun = self._noun.match(text, end)
        word = noun.group("noun") if noun else ""
        if word and self._is_function_word(word):
            word = ""
        # "a third party" is no count: a bare ordinal word counts only with its digits,
        # "tenth (10th) anniversary".
        if spelled_and_digits or (written_in_words and word and number >= 2 and not ordinal):
            if word:
                end = noun.end() if noun else end
            return Value(
                "count", text[start:end], start, end, number, _singular(word), ordinal=ordinal
            )
        if g["digits"] is not None and word and (word.endswith("s") or ordinal):
            end = noun.end() if noun else end
            return Value(
                "count", text[start:end], start, end, number, _singular(word), ordinal=ordinal
            )
        return None

    def _is_function_word(self, word: str) -> bool:
        lx = self.lexicon
        return any(
            lx.is_word(word, c) for c in ("preposition", "coordinator", "relative", "gap_stop")
        ) or word in ("of", "more", "less", "or", "than")

    def _currency_before(self, text: str, start: int) -> tuple[int, str] | None:
        head = text[max(0, start - 30) : start]
        stripped = head.rstrip()
        gap = len(head) - len(stripped)
        if gap > 1:
            return None  # a currency stands right before its number, one space at most
        folded = stripped.casefold()
        for phrase in self._currencies:
            if stripped.endswith(phrase) or folded.endswith(phrase.casefold()):
                begin = start - gap - len(phrase)
                if phrase[0].isalpha() and begin > 0 and text[begin - 1].isalnum():
                    continue
                return begin, text[begin : begin + len(phrase)]
        return None

    def _skip_paren(self, text: str, end: int, pattern: re.Pattern[str]) -> int:
        m = pattern.match(text, end)
        return m.end() if m else end

    def _words_value(self, words: str) -> float | None:
        total = 0.0
        current = 0.0
        seen = False
        for token in re.split(r"[\s-]+", words.casefold()):
            if token in _FILLER or not token:
                continue
            value = self.numbers.get(token)
            if value is None:
                return None
            seen = True
            if value >= 100 and _power_of_ten(value):
                if value == 100:
                    current = max(current, 1) * value
                else:
                    total += max(current, 1) * value
                    current = 0
            else:
                current += value
        return total + current if seen else None


def _power_of_ten(value: float) -> bool:
    while value >= 10 and value % 10 == 0:
        value /= 10
    return value == 1


def _digits(text: str) -> float:
    return float(text.replace(",", ""))


def _unit(text: str) -> str:
    return " ".join(text.split())


def _singular(word: str) -> str:
    word = " ".join(word.casefold().split())
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


class _Taken:
    """Spans already read, kept sorted: whether a new match overlaps one is a binary
    search, not a scan, so a clause holding thousands of values stays linear."""

    def __init__(self, spans: tuple[tuple[int, int], ...]) -> None:
        self._spans = sorted(spans)
        # The largest end among the first i spans, so spans that overlap each other
        # (none should) are still answered exactly.
        self._reach: list[int] = []
        for _, end in self._spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        # Spans (a, b) with a < end are a prefix; one of them overlaps when b > start.
        count = bisect_left(self._spans, (end, -1))
        return count > 0 and self._reach[count - 1] > start

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self._spans, (start, end))
        self._spans.insert(at, (start, end))
        reach = max(end, self._reach[at - 1]) if at else end
        self._reach.insert(at, reach)
        for index in range(at + 1, len(self._reach)):
            if self._reach[index] >= reach:
                break
            self._reach[index] = reach


class _Cache:
    finders: dict[int, tuple[Schema, ValueFinder]] = {}  # noqa: RUF012


def value_finder(schema: Schema, lexicon: Lexicon) -> ValueFinder:
    hit = _Cache.finders.get(id(schema))
    if hit is not None and hit[0] is schema:
        return hit[1]
    finder = ValueFinder(schema, lexicon)
    _Cache.finders[id(schema)] = (schema, finder)
    return finder


__all__ = ["Value", "ValueFinder", "value_finder"]
