"""The clause tree of a Word document follows its layout, not the last list seen.

Each test builds a tiny .docx inline: the numbering and the w:ind indentation are the
specification, and the assertion is the outline (id and parent) a user sees."""

from __future__ import annotations

from draftdiff.parse.document import document_from_blocks
from draftdiff.parse.read_docx import read_docx
from tests.parse.docx_build import abstract, docx, level, num, numbered, p, style


def outline(data: bytes) -> list[str]:
    document = document_from_blocks(
        read_docx(data).blocks, path="t.docx", fmt="docx", schema="contract"
    )
    return ["  " * c.depth + f"{c.id} {c.text[:24]}".rstrip() for c in document.walk()]


def ind(left: int, hanging: int = 0) -> str:
    extra = f' w:hanging="{hanging}"' if hanging else ""
    return f'<w:ind w:left="{left}"{extra}/>'


# Sections "1.", "1.1" at the margin; lettered items indented (text at 1440).
NUMBERING = abstract(
    0,
    level(0, "decimal", "%1.", extra=f"<w:pPr>{ind(360, 360)}</w:pPr>"),
    level(1, "decimal", "%1.%2", extra=f"<w:pPr>{ind(720, 720)}</w:pPr>"),
    level(2, "lowerLetter", "(%3)", extra=f"<w:pPr>{ind(1440, 720)}</w:pPr>"),
    level(3, "lowerRoman", "(%4)", extra=f"<w:pPr>{ind(2160, 720)}</w:pPr>"),
) + num(1, 0)


def test_paragraph_at_the_margin_after_a_lettered_item_belongs_to_the_section() -> None:
    body = (
        numbered("Scope", ilvl=0)
        + numbered("Supplier shall deliver:", ilvl=1)
        + numbered("the Goods; and", ilvl=2)
        + numbered("the Documents.", ilvl=2)
        + p("Delivery is at the Site.")
        + numbered("Title passes on payment.", ilvl=1)
    )
    assert outline(docx(body, numbering=NUMBERING)) == [
        "1 Scope",
        "  1.1 Supplier shall deliver:",
        "    1.1(a) the Goods; and",
        "    1.1(b) the Documents.",
        "    1.1¶1 Delivery is at the Site.",
        "  1.2 Title passes on payment.",
    ]


def test_paragraph_indented_as_far_as_the_item_text_continues_the_item() -> None:
    body = (
        numbered("Scope", ilvl=0)
        + numbered("Supplier shall deliver:", ilvl=1)
        + numbered("the Goods, which", ilvl=2)
        + p("must be new.", ppr=ind(1440))
        + numbered("the Documents.", ilvl=2)
    )
    assert outline(docx(body, numbering=NUMBERING))[2:] == [
        "    1.1(a) the Goods, which",
        "      1.1(a)¶1 must be new.",
        "    1.1(b) the Documents.",
    ]


def test_indentation_from_the_paragraph_style_counts() -> None:
    styles = style("Indented", "Body Indent", ppr=ind(2160))
    body = (
        numbered("Supplier shall deliver:", ilvl=1)
        + numbered("the Goods, which", ilvl=2)
        + p("must be new.", ppr='<w:pStyle w:val="Indented"/>')
    )
    assert outline(docx(body, numbering=NUMBERING, styles=styles))[-1] == (
        "    1.1(a)¶1 must be new."
    )


def test_definitions_are_siblings_whatever_lists_they_hold() -> None:
    # The limited partnership agreement: unnumbered definitions in 1.1, some
    # with (a)/(b) items. Every definition must stay one level under 1.1.
    body = (
        numbered("Definitions", ilvl=0)
        + numbered("Defined Terms. In this Agreement:", ilvl=1)
        + p("“Affiliate” means any Person that:")
        + numbered("controls the Fund; or", ilvl=2)
        + numbered("is controlled by it.", ilvl=2)
        + p("“Business Day” means a day banks are open.")
        + p("“Cause” means:")
        # Word restarts the letters with a new w:num ("Restart numbering").
        + numbered("fraud; or", num_id=2, ilvl=2)
        + numbered("wilful misconduct.", num_id=2, ilvl=2)
        + p("“Fund” means the partnership.")
        + numbered("Interpretation. Headings are for convenience.", ilvl=1)
    )
    restart = num(2, 0, '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride>')
    assert outline(docx(body, numbering=NUMBERING + restart)) == [
        "1 Definitions",
        "  1.1 Defined Terms. In this A",
        "    1.1¶1 “Affiliate” means any Pe",
        "      1.1¶1(a) controls the Fund; or",
        "      1.1¶1(b) is controlled by it.",
        "    1.1¶2 “Business Day” means a d",
        "    1.1¶3 “Cause” means:",
        "      1.1¶3(a) fraud; or",
        "      1.1¶3(b) wilful misconduct.",
        "    1.1¶4 “Fund” means the partner",
        "  1.2 Interpretation. Headings",
    ]


def test_table_of_contents_entries_do_not_open_a_second_tree() -> None:
    # VP004: "1. Definitions 1" in style "toc 1" before the real "1. Definitions";
    # read as clauses, the real clauses came out as 7.1, 7.2, "2.1~2".
    styles = style("TOC1", "toc 1") + style("Heading1", "heading 1")
    heading = '<w:pStyle w:val="Heading1"/>'
    body = (
        p("TABLE OF CONTENTS")
        + p("1. Definitions 1", ppr='<w:pStyle w:val="TOC1"/>')
        + p("2. Services 2", ppr='<w:pStyle w:val="TOC1"/>')
        + numbered("Definitions", ilvl=0, ppr=heading)
        + numbered("Terms are defined here.", ilvl=1)
        + numbered("Services", ilvl=0, ppr=heading)
        + numbered("Provider shall perform.", ilvl=1)
    )
    ids = [line.split()[0] for line in outline(docx(body, numbering=NUMBERING, styles=styles))]
    assert ids == ["title", "¶1", "¶2", "1", "1.1", "2", "2.1"]
    assert not any("~" in i for i in ids)


def test_heading_numbered_by_a_restarting_list_is_not_nested_in_the_last_clause() -> None:
    # The partnership agreement: "General Provisions" in Heading 1, numbered "1."
    # by a list of its own, came out as a child of 1.1.3 with the id "1~2".
    numbering = (
        abstract(
            0,
            level(0, "decimal", "ARTICLE %1"),
            level(1, "decimal", "%1.%2"),
            level(2, "decimal", "%1.%2.%3"),
        )
        + num(1, 0)
        + abstract(1, level(0, "decimal", "%1."))
        + num(2, 1)
    )
    styles = style("Heading1", "heading 1")
    h1 = '<w:pStyle w:val="Heading1"/>'
    body = (
        numbered("DEFINITIONS", ilvl=0, ppr=h1)
        + numbered("Defined Terms.", ilvl=1)
        + numbered("Fund means the fund.", ilvl=2)
        + numbered("Board means the board.", ilvl=2)
        + numbered("General Provisions", num_id=2, ilvl=0, ppr=h1)
        + p("This Agreement is governed by Delaware law.")
        + numbered("CONTRIBUTIONS", ilvl=0, ppr=h1)
        + numbered("Capital. Each Partner shall contribute.", ilvl=1)
    )
    assert outline(docx(body, numbering=numbering, styles=styles)) == [
        "1 DEFINITIONS",
        "  1.1 Defined Terms.",
        "    1.1.1 Fund means the fund.",
        "    1.1.2 Board means the board.",
        "section-1 General Provisions",
        "  section-1¶1 This Agreement is govern",
        "2 CONTRIBUTIONS",
        "  2.1 Capital. Each Partner sh",
    ]


def test_a_printed_number_repeated_at_the_same_level_keeps_its_suffix() -> None:
    # Truly duplicated numbers (two "1." lists, as in a document with an exhibit
    # numbered afresh) stay told apart the usual way.
    numbering = (
        abstract(0, level(0, "decimal", "%1."))
        + num(1, 0)
        + num(2, 0, ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))
    )
    body = (
        numbered("Term. Two years.", ilvl=0)
        + numbered("Fees. None.", ilvl=0)
        + p("EXHIBIT A")
        + numbered("Scope. Support.", num_id=2, ilvl=0)
    )
    ids = [line.split()[0] for line in outline(docx(body, numbering=numbering))]
    assert "1~2" in ids


def test_without_indentation_the_next_number_decides() -> None:
    # No w:ind anywhere: the paragraph after "(b)" belongs to 1.1 when 1.2 follows it,
    # and to "(b)" when "(c)" follows it.
    flat = abstract(
        0,
        level(0, "decimal", "%1."),
        level(1, "decimal", "%1.%2"),
        level(2, "lowerLetter", "(%3)"),
    ) + num(1, 0)
    body = (
        numbered("Scope", ilvl=0)
        + numbered("Supplier shall deliver:", ilvl=1)
        + numbered("the Goods;", ilvl=2)
        + numbered("the Documents, which", ilvl=2)
        + p("must be originals;")
        + numbered("the Keys.", ilvl=2)
        + p("Delivery is at the Site.")
        + numbered("Title passes on payment.", ilvl=1)
    )
    assert outline(docx(body, numbering=flat))[3:] == [
        "    1.1(b) the Documents, which",
        "      1.1(b)¶1 must be originals;",
        "    1.1(c) the Keys.",
        "    1.1¶1 Delivery is at the Site.",
        "  1.2 Title passes on payment.",
    ]


def test_list_continue_style_continues_the_item_whatever_its_indentation() -> None:
    styles = style("ListContinue", "List Continue")
    body = (
        numbered("Supplier shall deliver:", ilvl=1)
        + numbered("the Goods, which", ilvl=2)
        + p("must be new.", ppr='<w:pStyle w:val="ListContinue"/>')
        + p("Delivery is at the Site.")
    )
    assert outline(docx(body, numbering=NUMBERING, styles=styles))[1:] == [
        "  1.1(a) the Goods, which",
        "    1.1(a)¶1 must be new.",
        "  1.1¶1 Delivery is at the Site.",
    ]
