"""Values in digits and words: the same value written two ways is one value."""

from __future__ import annotations

import pytest

from draftdiff.analyse.lexicon import lexicon_for
from draftdiff.analyse.values import value_finder
from draftdiff.schema.load import builtin_schemas


def keys(text: str, schema: str = "agreement") -> list[tuple[str, str]]:
    chosen = builtin_schemas()[schema]
    return [(v.kind, v.key) for v in value_finder(chosen, lexicon_for(chosen)).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within thirty (30) days", [("duration", "30 day")]),
        ("within 30 days", [("duration", "30 day")]),
        ("within seventy-two (72) hours", [("duration", "72 hour")]),
        ("ten (10) business days", [("duration", "10 business day")]),
        ("fifty percent (50%) of revenues", [("percent", "50%")]),
        ("50 per cent of revenues", [("percent", "50%")]),
        ("one hundred percent (100%)", [("percent", "100%")]),
        ("until it reaches USD 500,000,000,000", [("amount", "USD 500000000000")]),
        ("until it reaches USD 500 billion", [("amount", "USD 500000000000")]),
        ("a fee of $5 million", [("amount", "$ 5000000")]),
        ("Draft of 10 February 2025", [("date", "2025-02-10")]),
        ("Updated: April 29, 2025", [("date", "2025-04-29")]),
        ("five (5) members of the Board", [("count", "5 member")]),
        ("after the tenth (10th) anniversary", [("count", "10th anniversary")]),
    ],
)
def test_values_are_read_whatever_their_wording(text: str, expected: list[tuple[str, str]]) -> None:
    assert keys(text) == expected


def test_numbers_that_are_not_values_are_left_alone() -> None:
    assert keys("company number 7063675 at 1455 3rd Street, one of the Parties") == []


def test_the_word_may_before_a_day_is_a_date_not_a_permission() -> None:
    assert keys("signed on May 5, 2025") == [("date", "2025-05-05")]


def test_german_dates_and_units_come_from_the_german_schema() -> None:
    assert keys("bis zum 30. Juni 2025 binnen zwölf Stunden", "gesetz") == [
        ("date", "2025-06-30"),
        ("duration", "12 stunden"),
    ]
