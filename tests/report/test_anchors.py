"""Clause ids become HTML ids and URL fragments through one reversible encoding."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftdiff.render.anchors import anchor, decode, encode, unanchor
from tests.report.semantic import sample_comparison

SAFE = re.compile(r"[A-Za-z0-9.~_-]+")


@pytest.mark.parametrize(
    ("clause_id", "side", "expected"),
    [
        ("3.2", "new", "clause-3.2"),
        ("7", "new", "clause-7"),
        ("1.1(a)", "new", "clause-1.1_la_r"),
        ("II(a)", "new", "clause-II_la_r"),
        ("2¶1", "old", "old-clause-2_p1"),
        ("¶4", "new", "clause-_p4"),
        ("3.2~2", "new", "clause-3.2~2"),
        ("title", "old", "old-clause-title"),
        ("a_b", "new", "clause-a__b"),
        ("§ 5", "new", "clause-_xa7._x20.5"),
    ],
)
def test_anchor_of_known_ids(clause_id: str, side: str, expected: str) -> None:
    assert anchor(clause_id, side) == expected  # type: ignore[arg-type]
    assert unanchor(expected) == (side, clause_id)


@given(st.text())
def test_any_text_round_trips_through_a_safe_token(text: str) -> None:
    token = encode(text)
    assert token == "" or SAFE.fullmatch(token)
    assert decode(token) == text


@given(st.text(), st.text())
def test_different_ids_never_share_an_anchor(a: str, b: str) -> None:
    if a != b:
        assert encode(a) != encode(b)
        assert anchor(a, "old") != anchor(b, "new")


def test_every_sample_clause_gets_a_distinct_safe_anchor() -> None:
    comparison = sample_comparison("fund-v2-middle.md", "fund-v3-final.md")
    anchors = [anchor(c.id, "new") for c in comparison.new.walk()]
    anchors += [anchor(c.id, "old") for c in comparison.old.walk()]
    assert len(set(anchors)) == len(anchors)
    assert all(SAFE.fullmatch(a) for a in anchors)


@pytest.mark.parametrize("token", ["clause-a_", "clause-_q", "clause-_x41", "clause-_xzz.", "x-1"])
def test_decoding_rejects_what_encoding_never_makes(token: str) -> None:
    with pytest.raises(ValueError):
        unanchor(token)
