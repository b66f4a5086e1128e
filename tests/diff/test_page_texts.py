"""Headers and footers are compared beside the clause tree: one header_footer.changed
per slot that differs, none when a format has no page texts."""

from __future__ import annotations

from dataclasses import replace

from draftdiff.diff.compare import compare
from draftdiff.diff.page_texts import page_text_changes
from draftdiff.model import Block, Document, PageText
from draftdiff.parse.document import document_from_blocks


def word(*pages: PageText, fmt: str = "docx") -> Document:
    blocks = [Block("1. Velmora shall pay.", "1. Velmora shall pay.\n", 1)]
    document = document_from_blocks(blocks, path="d.docx", fmt=fmt, schema="agreement")
    return replace(document, page_texts=pages)


def summaries(old: Document, new: Document) -> list[str]:
    return [c.summary for c in page_text_changes(old, new)]


def test_changed_added_and_removed_slots_are_each_one_change() -> None:
    old = word(
        PageText("header", "default", "DRAFT 1"), PageText("footer", "first", "Confidential")
    )
    new = word(PageText("header", "default", "DRAFT 2"), PageText("footer", "even", "Page 2"))
    assert summaries(old, new) == [
        "header now reads: DRAFT 2 (was: DRAFT 1)",
        "first-page footer removed: Confidential",
        "even-page footer added: Page 2",
    ]


def test_same_text_in_several_sections_is_one_text_and_spacing_is_ignored() -> None:
    old = word(
        PageText("footer", "default", "Confidential"), PageText("footer", "default", "Confidential")
    )
    new = word(PageText("footer", "default", "Confidential  "))
    assert summaries(old, new) == []


def test_page_texts_are_not_compared_when_one_side_cannot_have_them() -> None:
    old = word(fmt="markdown")
    new = word(PageText("footer", "default", "Confidential"))
    assert summaries(old, new) == []


def test_a_header_change_is_reported_by_the_comparison_as_low_severity() -> None:
    comparison = compare(word(), word(PageText("header", "default", "PRIVILEGED")))
    (change,) = comparison.changes
    assert (change.type, change.severity.value) == ("header_footer.changed", "low")
    assert change in comparison.substantive
