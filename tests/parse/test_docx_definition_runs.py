"""Definitions stay one run at one level when a paragraph steps out of a definition's items.

A long agreement's definitions section: '"Term" means ...' paragraphs, some with
"(a)", "(b)" items (a list of their own, indented) and a "provided that" paragraph
set back to the definition's indentation after the items. Each test builds the
.docx inline and asserts the outline a user sees."""

from __future__ import annotations

from draftdiff.parse.document import document_from_blocks
from draftdiff.parse.read_docx import read_docx
from tests.parse.docx_build import abstract, docx, level, num, numbered, p, style


def outline(data: bytes) -> list[str]:
    document = document_from_blocks(
        read_docx(data).blocks, path="t.docx", fmt="docx", schema="contract"
    )
    return ["  " * c.depth + f"{c.id} {c.text[:18]}".rstrip() for c in document.walk()]


NUMBERING = (
    abstract(
        0,
        level(0, "decimal", "ARTICLE %1", extra='<w:pStyle w:val="Heading1"/>'),
        level(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Heading2"/>'),
    )
    + abstract(
        1,
        level(
            0, "lowerLetter", "(%1)", extra='<w:pPr><w:ind w:left="1440" w:hanging="720"/></w:pPr>'
        ),
    )
    + num(1, 0)
    + num(2, 1)
)
STYLES = (
    style("Heading1", "heading 1", '<w:numPr><w:numId w:val="1"/></w:numPr>')
    + style("Heading2", "heading 2", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')
    + style("BodyText", "Body Text", '<w:ind w:left="720"/>')
)


def body_text(text: str) -> str:
    return p(text, '<w:pStyle w:val="BodyText"/>')


def test_definition_after_a_provided_that_paragraph_stays_in_the_definitions_section() -> None:
    body = (
        p("DEFINITIONS", '<w:pStyle w:val="Heading1"/>')
        + p("Definitions. In this Agreement:", '<w:pStyle w:val="Heading2"/>')
        + body_text("\u201cAffiliate\u201d means any person controlling the Fund.")
        + body_text("\u201cInvestment\u201d means any of:")
        + numbered("shares of a company;", num_id=2)
        + numbered("loans to a company,", num_id=2)
        + body_text("provided that cash is not an Investment.")
        + body_text("\u201cTransfer\u201d means any sale or assignment.")
        + p("Interpretation. Headings are for convenience.", '<w:pStyle w:val="Heading2"/>')
        + p("FORMATION", '<w:pStyle w:val="Heading1"/>')
    )
    assert outline(docx(body, numbering=NUMBERING, styles=STYLES)) == [
        "1 DEFINITIONS",
        "  1.1 Definitions. In th",
        "    1.1¶1 “Affiliate” means",
        "    1.1¶2 “Investment” means",
        "      1.1¶2(a) shares of a compan",
        "      1.1¶2(b) loans to a company",
        "    1.1¶3 provided that cash",
        "    1.1¶4 “Transfer” means a",
        "  1.2 Interpretation. He",
        "2 FORMATION",
    ]
