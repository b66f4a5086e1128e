"""The .docx samples are real Word drafts of the Markdown samples: auto-numbered,
compared as unchanged against their twins, and the tracked draft's two views are
the drafts it was made from."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_file
from draftdiff.render.json import to_data
from tests.conftest import SAMPLES

DRAFTS = ("fund-v1-early", "fund-v2-middle", "fund-v3-final")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_docx", SAMPLES / "make_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_docx"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_docx_samples_are_what_the_generator_makes() -> None:
    built = _generator().builds()
    assert sorted(p.name for p in built) == sorted(p.name for p in SAMPLES.glob("*.docx"))
    for path, data in built.items():
        assert path.read_bytes() == data, f"{path.name} is stale: run samples/make_docx.py"


def test_docx_numbers_come_from_word_numbering_not_typed_text() -> None:
    data = (SAMPLES / "fund-v1-early.docx").read_bytes()
    assert b"4.1" not in data and b"(a)" not in data
    document = parse_file(SAMPLES / "fund-v1-early.docx")
    clause = document.clause("4.1")
    assert clause.block.label == "4.1"
    assert clause.text.startswith("Velmora shall contribute to the Fund")
    assert document.clause("7.1(c)(ii)").block.label == "(ii)"


@pytest.mark.parametrize("name", DRAFTS)
def test_each_docx_compares_to_its_markdown_twin_as_unchanged(name: str) -> None:
    comparison = compare(parse_file(SAMPLES / f"{name}.md"), parse_file(SAMPLES / f"{name}.docx"))
    assert set(comparison.status_counts()) == {"unchanged"}
    assert comparison.changes == ()


def test_tracked_draft_reads_as_the_middle_draft_once_accepted() -> None:
    tracked = SAMPLES / "fund-v2-tracked.docx"
    comparison = compare(parse_file(SAMPLES / "fund-v2-middle.docx"), parse_file(tracked))
    assert set(comparison.status_counts()) == {"unchanged"}
    assert comparison.changes == ()
    document = parse_file(tracked)
    assert document.pending_revisions > 50
    assert document.revision_authors == ("Velmora Ministry of Finance",)


def test_tracked_draft_reads_as_the_early_draft_when_all_rejected() -> None:
    tracked = parse_file(SAMPLES / "fund-v2-tracked.docx", view="original")
    comparison = compare(parse_file(SAMPLES / "fund-v1-early.docx"), tracked)
    assert set(comparison.status_counts()) == {"unchanged"}
    assert comparison.changes == ()


def test_docx_drafts_compare_as_the_markdown_drafts_do_plus_the_footer() -> None:
    markdown = to_data(
        compare(parse_file(SAMPLES / "fund-v1-early.md"), parse_file(SAMPLES / "fund-v2-middle.md"))
    )
    word = to_data(
        compare(
            parse_file(SAMPLES / "fund-v1-early.docx"), parse_file(SAMPLES / "fund-v2-middle.docx")
        )
    )
    assert word["clauses"] == markdown["clauses"]
    footer = [c for c in word["changes"] if c["type"] == "header_footer.changed"]
    assert [c["summary"] for c in footer] == [
        "footer now reads: Draft of 24 March 2025 (was: Draft of 10 February 2025)"
    ]
    assert [c for c in word["changes"] if c not in footer] == markdown["changes"]


def test_markdown_and_docx_have_no_page_text_change_between_them(tmp_path: Path) -> None:
    # A Markdown draft has no footer to lose: headers/footers compare only docx to docx.
    comparison = compare(
        parse_file(SAMPLES / "fund-v2-middle.md"), parse_file(SAMPLES / "fund-v3-final.docx")
    )
    assert not [c for c in comparison.changes if c.type == "header_footer.changed"]
