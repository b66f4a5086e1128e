"""Properties of every comparison, on generated Markdown, text and Word drafts (with
multi-level numbering and tracked changes):

- nothing lost: both versions' clause texts are rebuilt exactly from the comparison,
  and a Word draft's text holds every word Word shows, in order, and none it hides;
- every clause of each version stands in exactly one aligned group on its side;
- determinism: the same input gives the same JSON, byte for byte;
- diff(A, A) reports nothing;
- diff(A, B) and diff(B, A) mirror each other: added <-> removed, strengthened <->
  weakened, split <-> merged, everything else the same.

Examples per test: 6 in `make test` (profile "ci"), 300 with `make properties`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison, Status
from draftdiff.model import Document
from draftdiff.parse.document import parse_file, parse_text
from draftdiff.render.json import render_json
from tests.properties.drafts import (
    WordDraft,
    as_docx,
    text_drafts,
    text_revisions,
    word_drafts,
    word_pairs,
)
from tests.test_nothing_lost import assert_rebuilds

_MIRROR = {
    "added": "removed",
    "removed": "added",
    "strengthened": "weakened",
    "weakened": "strengthened",
}
_STATUS_MIRROR = {
    Status.ADDED: Status.REMOVED,
    Status.REMOVED: Status.ADDED,
    Status.SPLIT: Status.MERGED,
    Status.MERGED: Status.SPLIT,
}
_TYPE_MIRROR = {"clause.split": "clause.merged", "clause.merged": "clause.split"}

FORMATS = st.sampled_from(["markdown", "text"])


def _mirrored(code: str) -> str:
    if code in _TYPE_MIRROR:
        return _TYPE_MIRROR[code]
    family, _, what = code.partition(".")
    return f"{family}.{_MIRROR.get(what, what)}"


def _word(draft: WordDraft, folder: Path, name: str) -> Document:
    path = folder / f"{name}.docx"
    path.write_bytes(as_docx(draft))
    return parse_file(path)


def _once_each(comparison: Comparison) -> None:
    for side in ("old", "new"):
        ids = [i for pair in comparison.pairs for i in (pair.old if side == "old" else pair.new)]
        walked = [c.id for c in comparison.side(side).walk()]
        assert Counter(ids) == Counter(walked)
        assert len(set(ids)) == len(ids), "a clause stands in two groups"


def _reports_nothing(comparison: Comparison) -> None:
    assert comparison.changes == ()
    assert {pair.status for pair in comparison.pairs} <= {Status.UNCHANGED}


def _mirror(forward: Comparison, backward: Comparison) -> None:
    statuses = Counter(_STATUS_MIRROR.get(p.status, p.status) for p in forward.pairs)
    assert statuses == Counter(p.status for p in backward.pairs)
    codes = Counter((_mirrored(c.type), c.party) for c in forward.changes)
    assert codes == Counter((c.type, c.party) for c in backward.changes)


def _distinct_clauses(doc: Document) -> bool:
    texts = [" ".join(c.text.split()) for c in doc.walk()]
    return len(set(texts)) == len(texts)


def _shows_every_word(draft: WordDraft, doc: Document) -> None:
    text = " ".join(doc.source_text().split())
    position = 0
    for words in (draft.title, *draft.visible()):
        for word in words.split():
            found = re.compile(rf"(?<!\S){re.escape(word)}(?!\S)").search(text, position)
            assert found is not None, f"{word!r} lost"
            position = found.end()


# --- text and Markdown ------------------------------------------------------------------


@given(text_revisions(), FORMATS)
def test_text_comparisons_lose_nothing_and_hold_each_clause_once(
    pair: tuple[str, str], fmt: str
) -> None:
    old = parse_text(pair[0], path="old", fmt=fmt)
    new = parse_text(pair[1], path="new", fmt=fmt)
    comparison = compare(old, new)
    assert_rebuilds(comparison)
    _once_each(comparison)
    assert old.source_text() == pair[0] and new.source_text() == pair[1]


@given(text_drafts(), FORMATS)
def test_text_diff_of_a_draft_with_itself_reports_nothing(text: str, fmt: str) -> None:
    doc = parse_text(text, path="a", fmt=fmt)
    _reports_nothing(compare(doc, parse_text(text, path="a", fmt=fmt)))


@given(text_revisions(), FORMATS)
def test_text_json_is_deterministic(pair: tuple[str, str], fmt: str) -> None:
    def once() -> str:
        return render_json(
            compare(
                parse_text(pair[0], path="old", fmt=fmt), parse_text(pair[1], path="new", fmt=fmt)
            )
        )

    assert once() == once()


@given(text_revisions(), FORMATS)
def test_text_diff_backwards_mirrors_diff_forwards(pair: tuple[str, str], fmt: str) -> None:
    a = parse_text(pair[0], path="a", fmt=fmt)
    b = parse_text(pair[1], path="b", fmt=fmt)
    assume(_distinct_clauses(a) and _distinct_clauses(b))
    _mirror(compare(a, b), compare(b, a))


# --- Word ---------------------------------------------------------------------------------


@given(pair=word_pairs())
def test_word_comparisons_lose_nothing_and_hold_each_clause_once(
    pair: tuple[WordDraft, WordDraft], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("word")
    old, new = _word(pair[0], folder, "old"), _word(pair[1], folder, "new")
    _shows_every_word(pair[0], old)
    _shows_every_word(pair[1], new)
    comparison = compare(old, new)
    assert_rebuilds(comparison)
    _once_each(comparison)


@given(draft=word_drafts())
def test_word_diff_with_itself_reports_nothing_and_json_is_deterministic(
    draft: WordDraft, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("word")
    first = render_json(compare(_word(draft, folder, "a"), _word(draft, folder, "a")))
    again = compare(_word(draft, folder, "a"), _word(draft, folder, "a"))
    _reports_nothing(again)
    assert render_json(again) == first


@given(pair=word_pairs())
def test_word_diff_backwards_mirrors_diff_forwards(
    pair: tuple[WordDraft, WordDraft], tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Identical paragraphs make "which one moved" a matter of choice, and the choice
    # forwards need not mirror the one backwards (a known limit: see the README).
    assume(_distinct(pair[0]) and _distinct(pair[1]))
    folder = tmp_path_factory.mktemp("word")
    a, b = _word(pair[0], folder, "a"), _word(pair[1], folder, "b")
    _mirror(compare(a, b), compare(b, a))


def _distinct(draft: WordDraft) -> bool:
    texts = [" ".join(t.split()) for t in draft.visible()]
    return len(set(texts)) == len(texts)
