"""Nothing lost: from a comparison both versions can be rebuilt exactly.

Two properties over generated drafts (Markdown and plain text, with articles,
sections, lettered paragraphs, prose, odd spacing and line endings):

1. a parsed document's blocks concatenate back to the exact source text;
2. a comparison covers every clause of both versions exactly once, and the
   edits of each aligned group rebuild that group's old and new texts exactly.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftdiff.diff.compare import compare
from draftdiff.diff.result import PART_SEPARATOR, Comparison
from draftdiff.parse.document import parse_text

WORDS = [
    "Velmora",
    "shall",
    "not",
    "may",
    "contribute",
    "the",
    "Fund",
    "fifty",
    "percent",
    "(50%)",
    "of",
    "revenues",
    "Norland",
    "guarantees",
    "[insert date]",
    "“Board”",
    "means",
    "within",
    "thirty",
    "days",
    "é",
    "§",
    "*",
    "_",
    "<b>",
    "&amp;",
]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
line_end = st.sampled_from(["\n", "\r\n"])


@st.composite
def drafts(draw: st.DrawFn) -> str:
    """A plausible draft: title, preamble, articles of sections and paragraphs."""
    end = draw(line_end)
    gap = draw(st.sampled_from([end, end * 2, end * 3, "  " + end + end]))
    parts = [f"# {draw(sentence)}"]
    parts += [draw(sentence) + "." for _ in range(draw(st.integers(0, 2)))]
    for article in range(1, draw(st.integers(1, 4)) + 1):
        parts.append(f"## Article {article} — {draw(sentence)}")
        for section in range(1, draw(st.integers(0, 4)) + 1):
            parts.append(f"{article}.{section} {draw(sentence)}.")
            for letter in "abc"[: draw(st.integers(0, 3))]:
                parts.append(f"({letter}) {draw(sentence)};")
        if draw(st.booleans()):
            parts.append(draw(sentence))
    trailing = draw(st.sampled_from(["", end, end * 2, "   "]))
    return gap.join(parts) + trailing


@st.composite
def revisions(draw: st.DrawFn) -> tuple[str, str]:
    """A draft and a revision of it: blocks dropped, added, swapped or reworded."""
    old = draw(drafts())
    blocks = old.split("\n\n")
    new_blocks = []
    for block in blocks:
        action = draw(st.sampled_from(["keep", "keep", "keep", "drop", "reword", "add"]))
        if action == "keep":
            new_blocks.append(block)
        elif action == "reword":
            new_blocks.append(block + " " + draw(sentence))
        elif action == "add":
            new_blocks.extend([block, f"9.{len(new_blocks)} {draw(sentence)}."])
    if len(new_blocks) > 3 and draw(st.booleans()):
        new_blocks[1], new_blocks[-1] = new_blocks[-1], new_blocks[1]
    return old, "\n\n".join(new_blocks)


def assert_rebuilds(comparison: Comparison) -> None:
    for side in ("old", "new"):
        doc = comparison.side(side)
        ids = [i for pair in comparison.pairs for i in (pair.old if side == "old" else pair.new)]
        assert sorted(ids) == sorted(c.id for c in doc.walk())
        for pair in comparison.pairs:
            group = pair.old if side == "old" else pair.new
            expected = PART_SEPARATOR.join(doc.clause(i).text for i in group)
            assert pair.text(side) == expected


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(drafts(), st.sampled_from(["markdown", "text"]))
def test_parsed_document_rebuilds_its_exact_source(text: str, fmt: str) -> None:
    assert parse_text(text, fmt=fmt).source_text() == text


@SETTINGS
@given(revisions(), st.sampled_from(["markdown", "text"]))
def test_comparison_covers_both_versions_and_rebuilds_every_text(
    pair: tuple[str, str], fmt: str
) -> None:
    old_text, new_text = pair
    old = parse_text(old_text, path="old", fmt=fmt)
    new = parse_text(new_text, path="new", fmt=fmt)
    comparison = compare(old, new)
    assert_rebuilds(comparison)
    assert old.source_text() == old_text and new.source_text() == new_text
