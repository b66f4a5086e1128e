"""Word diffs: edits fall on word boundaries and rebuild both texts exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from draftdiff.diff.result import Op
from draftdiff.diff.textdiff import cosmetic_key, similarity, word_diff


def changed(old: str, new: str) -> list[tuple[str, str]]:
    return [(e.op.name, e.text) for e in word_diff(old, new) if e.op is not Op.EQUAL]


def test_edits_fall_on_whole_words_not_inside_them() -> None:
    assert changed("Velmora shall contribute", "Velmora shall not contribute") == [
        ("INSERT", "not "),
    ]
    assert changed("within thirty days", "within sixty days") == [
        ("DELETE", "thirty"),
        ("INSERT", "sixty"),
    ]


def test_semantic_cleanup_groups_scattered_edits_into_readable_runs() -> None:
    edits = changed("the cat sat on the mat", "a dog lay in a box")
    assert len(edits) <= 2


def test_identical_texts_give_one_equal_run() -> None:
    assert [(e.op, e.text) for e in word_diff("same", "same")] == [(Op.EQUAL, "same")]
    assert word_diff("", "") == ()


def test_similarity_is_share_of_common_words() -> None:
    assert similarity("a b c d", "a b c d") == 1.0
    assert similarity("a b", "c d") == 0.0
    assert similarity("a b c d", "a b x y") == 0.5


def test_cosmetic_key_ignores_case_punctuation_and_quotes() -> None:
    assert cosmetic_key("“Fund” means the Fund;") == cosmetic_key('"fund" means  the FUND.')


pieces = st.sampled_from(
    ["a", "b", " ", "cd", ",", ".", ";", "\n", "\t", "\u00e9", "\u2029", "shall", " not", "  "]
)
text = st.lists(pieces, max_size=30).map("".join)


@given(text, text)
def test_word_diff_rebuilds_both_sides_exactly(old: str, new: str) -> None:
    edits = word_diff(old, new)
    assert "".join(e.text for e in edits if e.op is not Op.INSERT) == old
    assert "".join(e.text for e in edits if e.op is not Op.DELETE) == new
