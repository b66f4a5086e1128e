"""Both readers over every .txt and .md file of the third-party corpus.

Every file must read without an exception, rebuild exactly from its blocks and yield
clean block texts; a few files are checked in detail where they are known to be hard.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from draftdiff.model import Block, BlockKind
from draftdiff.parse.encoding import decode
from draftdiff.parse.read_markdown import read_markdown
from draftdiff.parse.read_text import read_text
from tests.conftest import CORPUS, corpus_path
from tests.parse.reader_checks import check_reader_invariants

Reader = Callable[[str], tuple[tuple[Block, ...], str]]

_FILES = sorted(
    path.relative_to(CORPUS).as_posix()
    for pattern in ("**/*.txt", "**/*.md")
    for path in CORPUS.glob(pattern)
)
_AGREEMENTS_MD = [name for name in _FILES if "/pairs/" in name and name.endswith(".md")]
# Markup that must never survive into the text of a Markdown agreement.
_MARKUP = ("<span", "</span", "**", "](http", "&amp;", "&nbsp;", "<br", "<a href")


def _reader(path: str) -> Reader:
    return read_markdown if path.endswith(".md") else read_text


def _blocks(*parts: str) -> tuple[Block, ...]:
    path = corpus_path(*parts)
    text = decode(path.read_bytes(), str(path))
    blocks, trailer = _reader(path.name)(text)
    check_reader_invariants(text, blocks, trailer, literal_ok=True)
    return blocks


def test_the_corpus_is_there() -> None:
    assert len(_FILES) > 60, f"expected the corpus at {CORPUS} (set DRAFTDIFF_CORPUS)"


@pytest.mark.parametrize("name", _FILES)
def test_corpus_file_reads_cleanly_and_rebuilds_exactly(name: str) -> None:
    assert _blocks(name), "a non-empty document has blocks"


@pytest.mark.parametrize("name", _AGREEMENTS_MD)
def test_markdown_agreement_loses_all_its_markup(name: str) -> None:
    for block in _blocks(name):
        for markup in _MARKUP:
            assert markup not in block.text, f"line {block.line}: {markup!r} in {block.text!r}"


# --- plain text -----------------------------------------------------------------------


def test_mpl_2_has_setext_headings_for_its_ten_sections() -> None:
    blocks = _blocks("spdx-licenses", "pairs", "mpl-1.1__mpl-2.0", "new.txt")
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING and b.heading == 2]
    assert headings[:3] == [
        "1. Definitions",
        "2. License Grants and Conditions",
        "3. Responsibilities",
    ]
    # 6. and 7. sit inside "*"-drawn boxes.
    assert "6. Disclaimer of Warranty" in headings
    assert "7. Limitation of Liability" in headings
    assert len(headings) == 12  # ten sections plus Exhibits A and B


def test_mpl_2_definitions_are_one_block_each() -> None:
    blocks = _blocks("spdx-licenses", "pairs", "mpl-1.1__mpl-2.0", "new.txt")
    definitions = [b.text for b in blocks if b.text.startswith("1.") and '"' in b.text[:8]]
    assert len(definitions) == 14
    assert definitions[0] == (
        '1.1. "Contributor" means each individual or legal entity that creates, contributes '
        "to the creation of, or owns Covered Software."
    )


def test_epl_2_lettered_and_roman_items_are_separate_blocks() -> None:
    blocks = _blocks("spdx-licenses", "pairs", "epl-1.0__epl-2.0", "new.txt")
    starts = [b.text.split()[0] for b in blocks[4:9]]
    assert starts == ["a)", "b)", "i)", "ii)", "where"]


def test_cc_by_3_lettered_definitions_are_separate_blocks() -> None:
    blocks = _blocks("spdx-licenses", "pairs", "cc-by-3.0__cc-by-4.0", "old.txt")
    definitions = [b.text[:2] for b in blocks if b.text[:3] in {f"{c}. " for c in "abcdefghi"}]
    assert definitions[:9] == ["a.", "b.", "c.", "d.", "e.", "f.", "g.", "h.", "i."]


def test_every_spdx_text_keeps_all_its_words() -> None:
    for path in sorted(corpus_path("spdx-licenses", "pairs").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks, _ = read_text(text)
        assert " ".join(b.text for b in blocks).split() == _words_outside_rules(text), path


def _words_outside_rules(text: str) -> list[str]:
    words: list[str] = []
    for line in text.splitlines():
        stripped = line.strip().strip("*").strip()
        if stripped and set(stripped) - set("=-*"):
            words.extend(stripped.split())
    return words


# --- Markdown -------------------------------------------------------------------------


def test_csa_2_1_numbered_lists_get_rendered_labels() -> None:
    blocks = _blocks("commonpaper-md", "pairs", "csa-1.0__csa-2.1", "new.md")
    items = [(b.label, b.depth, b.text[:12]) for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[:4] == [
        ("1.", 0, "Service"),
        ("1.", 1, "Access and U"),
        ("2.", 1, "Support. Dur"),
        ("3.", 1, "User Account"),
    ]


def test_claude_terms_renumbered_clauses_keep_their_typed_numbers() -> None:
    pair = ("ota-terms", "pairs", "claude-commercial-terms__2025-11-11__2026-03-11")
    new = _blocks(*pair, "new.md")
    assert any(b.text.startswith("I.2.a. Each party may terminate") for b in new)
    assert all(b.label == "" for b in new if b.text.startswith("A.1."))


def test_arbzg_inserted_sub_paragraph_3a_is_its_own_block() -> None:
    pair = ("de-gesetze", "pairs", "arbzg__2012-08-03__2012-08-06")
    old, new = _blocks(*pair, "old.md"), _blocks(*pair, "new.md")
    added = [b for b in new if b.text.startswith("(3a) ")]
    assert len(added) == 1
    assert added[0].text.endswith("Gesundheitsschutz der Arbeitnehmer gewährleistet werden.")
    assert len(new) == len(old) + 1
    headings = [b.text for b in new if b.kind is BlockKind.HEADING and b.heading == 3]
    assert headings[:2] == ["§ 1 Zweck des Gesetzes", "§ 2 Begriffsbestimmungen"]
