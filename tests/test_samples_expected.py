"""The sample drafts compare exactly as the checked-in expected JSON says.

When draftdiff's output changes on purpose, run `make expected` and review the
diff of tests/expected/*.json like code."""

from __future__ import annotations

import json

import pytest

from tests.expected.regenerate import HERE, PAIRS, render


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_sample_pair_matches_checked_in_json(name: str) -> None:
    old, new = PAIRS[name]
    actual = json.loads(render(old, new))
    expected = json.loads((HERE / name).read_text(encoding="utf-8"))
    actual.pop("generator")
    expected.pop("generator")
    assert actual == expected
