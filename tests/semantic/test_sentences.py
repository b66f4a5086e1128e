"""Sentence splitting that survives legal abbreviations and numbering."""

from __future__ import annotations

import pytest

from draftdiff.analyse.lexicon import lexicon_for
from draftdiff.analyse.sentences import split_sentences
from draftdiff.schema.load import builtin_schemas


def sentences(text: str, schema: str = "agreement") -> list[str]:
    lexicon = lexicon_for(builtin_schemas()[schema])
    return [text[a:b] for a, b in split_sentences(text, lexicon)]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Government shall pay the fee within ten days.",
        "Acme Inc. shall deliver the Goods to No. 5 Harbour Road, Portsmouth, N.H., by noon.",
        "Payment is due under Sec. 3.1 of the Order, e.g. by wire transfer, i.e. in cash.",
        "Smith v. Jones Co. Ltd. is the leading case, cf. Art. 7.",
        "The Supplier shall deliver the Goods by Jan. 31 of each year.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_full_stops_followed_by_a_capital_end_sentences() -> None:
    text = "Velmora shall pay. Norland may inspect! Is that clear? Yes."
    assert sentences(text) == [
        "Velmora shall pay.",
        "Norland may inspect!",
        "Is that clear?",
        "Yes.",
    ]


def test_single_letter_before_a_full_stop_still_ends_the_sentence() -> None:
    assert sentences("The terms are in Exhibit A. The Buyer shall pay.") == [
        "The terms are in Exhibit A.",
        "The Buyer shall pay.",
    ]


def test_german_ordinal_date_and_abbreviations_stay_in_one_sentence() -> None:
    text = (
        "Der Auftragnehmer hat die Leistungen bis zum 30. Juni 2025 nach § 7 Abs. 1 zu erbringen."
    )
    assert sentences(text, "gesetz") == [text]


def test_spans_point_into_the_text_without_outer_spaces() -> None:
    text = "  Velmora shall pay.   Norland may inspect.  "
    lexicon = lexicon_for(builtin_schemas()["agreement"])
    spans = split_sentences(text, lexicon)
    assert [text[a:b] for a, b in spans] == ["Velmora shall pay.", "Norland may inspect."]
