"""A "Restart numbering" list of sections keeps the article number it shows.

Word's "Restart numbering" on a section makes a new w:num of the same definition
with a w:startOverride on every level, and the article's section paragraphs name it
directly. The override restarts the sections, not the article counter that "%1"
prints (LibreOffice prints "2.1" under Article 2; the issue-9 agreement read "1.1").
Each test builds the .docx inline."""

from __future__ import annotations

from draftdiff.parse.document import document_from_blocks
from draftdiff.parse.read_docx import read_docx
from tests.parse.docx_build import abstract, docx, level, num, numbered, p, style

EVERY_LEVEL = "".join(
    f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>' for i in range(9)
)
NUMBERING = (
    abstract(
        0,
        level(0, "decimal", "ARTICLE %1", extra='<w:pStyle w:val="Heading1"/>'),
        level(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Heading2"/>'),
        level(2, "decimal", "%1.%2.%3"),
    )
    + num(1, 0)
    + num(7, 0, EVERY_LEVEL)
)
STYLES = style("Heading1", "heading 1", '<w:numPr><w:numId w:val="1"/></w:numPr>') + style(
    "Heading2", "heading 2", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
)


def article(text: str) -> str:
    return p(text, '<w:pStyle w:val="Heading1"/>')


def section(text: str) -> str:
    return p(text, '<w:pStyle w:val="Heading2"/>')


BODY = (
    article("FORMATION")
    + section("Name of the fund.")
    + numbered("The name may change.", num_id=1, ilvl=2)
    + article("CAPITAL")
    + numbered("Commitments of the partners.", num_id=7, ilvl=1)
    + numbered("Each partner commits.", num_id=7, ilvl=2)
    + numbered("Drawdowns of capital.", num_id=7, ilvl=1)
    + article("GENERAL PROVISIONS")
    + section("Notices to partners.")
)


def test_restarted_sections_keep_their_article_number() -> None:
    labels = [b.label for b in read_docx(docx(BODY, numbering=NUMBERING, styles=STYLES)).blocks]
    assert labels == [
        "ARTICLE 1",
        "1.1",
        "1.1.1",
        "ARTICLE 2",
        "2.1",
        "2.1.1",
        "2.2",
        "ARTICLE 3",
        "3.1",
    ]


def test_restarted_sections_sit_under_their_article_with_clean_ids() -> None:
    blocks = read_docx(docx(BODY, numbering=NUMBERING, styles=STYLES)).blocks
    document = document_from_blocks(blocks, path="t.docx", fmt="docx", schema="contract")
    assert [("  " * c.depth + c.id) for c in document.walk()] == [
        "1",
        "  1.1",
        "    1.1.1",
        "2",
        "  2.1",
        "    2.1.1",
        "  2.2",
        "3",
        "  3.1",
    ]


def test_a_restart_list_entered_first_restarts_every_level() -> None:
    # No article counted yet: the override's start values are the counters.
    body = numbered("Commitments.", num_id=7, ilvl=1) + numbered("Capital.", num_id=7, ilvl=0)
    labels = [b.label for b in read_docx(docx(body, numbering=NUMBERING, styles=STYLES)).blocks]
    assert labels == ["1.1", "ARTICLE 2"]


def test_an_article_restarted_at_one_stays_an_article() -> None:
    # "Restart numbering" on the last article: Word and LibreOffice print "ARTICLE 1"
    # again; it is a top-level clause, not a list started inside "2.1.1".
    numbering = NUMBERING + num(8, 0, EVERY_LEVEL)
    body = (
        article("FORMATION")
        + section("Name of the fund.")
        + article("CAPITAL")
        + numbered("Commitments of the partners.", num_id=7, ilvl=1)
        + numbered("Each partner commits.", num_id=7, ilvl=2)
        + numbered("GENERAL PROVISIONS", num_id=8, ilvl=0)
        + section("Notices to partners.")
    )
    blocks = read_docx(docx(body, numbering=numbering, styles=STYLES)).blocks
    document = document_from_blocks(blocks, path="t.docx", fmt="docx", schema="contract")
    assert [("  " * c.depth + f"{c.id} {c.number}") for c in document.walk()] == [
        "1 ARTICLE 1",
        "  1.1 1.1",
        "2 ARTICLE 2",
        "  2.1 2.1",
        "    2.1.1 2.1.1",
        "1~2 ARTICLE 1",
        "  1.1~2 1.1",
    ]
