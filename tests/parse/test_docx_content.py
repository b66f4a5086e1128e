"""What Word shows is what the reader reads: field results, links, content controls,
text boxes, notes beside their clause, headers and footers beside the tree, and a
note for everything it cannot compare."""

from __future__ import annotations

from pathlib import Path

from draftdiff.model import BlockKind, PageText
from draftdiff.parse.document import parse_file
from draftdiff.parse.read_docx import read_docx
from tests.parse.docx_build import abstract, docx, level, num, numbered, p, revision, run, style


def texts(data: bytes, comments: bool = False) -> list[str]:
    return [b.text for b in read_docx(data, comments=comments).blocks]


def test_field_shows_its_result_never_its_code() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("Section 4.2")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert texts(docx(p(runs=run("As set out in ") + field + run(", the Fund pays.")))) == [
        "As set out in Section 4.2, the Fund pays."
    ]


def test_nested_fields_and_a_field_without_a_result() -> None:
    inner = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("7")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    outer = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
        + inner
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("page 7")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    no_result = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TC x</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert texts(docx(p(runs=run("See ") + outer + no_result + run(".")))) == ["See page 7."]


def test_simple_field_hyperlink_smart_tag_and_content_control_keep_their_text() -> None:
    runs = (
        '<w:fldSimple w:instr=" DOCPROPERTY Party ">'
        + run("Norland")
        + "</w:fldSimple>"
        + '<w:hyperlink r:id="x">'
        + run(" and ")
        + "</w:hyperlink>"
        + '<w:smartTag w:uri="u" w:element="place">'
        + run("Velmora")
        + "</w:smartTag>"
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + run(" agree.")
        + "</w:sdtContent></w:sdt>"
    )
    block_sdt = "<w:sdt><w:sdtPr/><w:sdtContent>" + p("Block control.") + "</w:sdtContent></w:sdt>"
    assert texts(docx(p(runs=runs) + block_sdt)) == ["Norland and Velmora agree.", "Block control."]


def test_text_box_is_read_once_after_its_anchor_paragraph() -> None:
    box = "<w:txbxContent>" + p("Boxed note.") + "</w:txbxContent>"
    drawing = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape"><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData>'
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    assert texts(docx(p(runs=run("Anchor.") + drawing) + p("Next."))) == [
        "Anchor.",
        "Boxed note.",
        "Next.",
    ]


def test_hidden_text_and_breaks_read_as_word_shows_them() -> None:
    runs = (
        run("Velmora")
        + '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (secretly)</w:t></w:r>'
        + '<w:r><w:t xml:space="preserve"> shall</w:t><w:tab/><w:t>pay</w:t><w:br/>'
        + "<w:t>non</w:t><w:noBreakHyphen/><w:t>stop.</w:t></w:r>"
    )
    assert texts(docx(p(runs=runs))) == ["Velmora shall pay\nnon-stop."]


def test_footnote_is_attached_under_the_clause_that_cites_it() -> None:
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        + run(" Drafting note: check the cap.")
        + "</w:p></w:footnote>"
    )
    body = p(runs=run("Liability is capped.") + '<w:r><w:footnoteReference w:id="1"/></w:r>')
    blocks = read_docx(docx(body + p("Next."), footnotes=footnotes)).blocks
    assert [(b.kind, b.text, b.depth) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Liability is capped.", 0),
        (BlockKind.NOTE, "[Footnote: Drafting note: check the cap.]", 1),
        (BlockKind.PARAGRAPH, "Next.", 0),
    ]


def test_footnote_of_a_numbered_clause_becomes_its_child() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    footnotes = '<w:footnote w:id="2"><w:p>' + run("Consider a cap.") + "</w:p></w:footnote>"
    body = numbered("Liability.").replace(
        "</w:r></w:p>", '</w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    ) + numbered("Term.")
    blocks = read_docx(docx(body, numbering=numbering, footnotes=footnotes)).blocks
    assert [(b.label, b.text, b.depth) for b in blocks] == [
        ("1.", "Liability.", 0),
        ("", "[Footnote: Consider a cap.]", 1),
        ("2.", "Term.", 0),
    ]


def test_comments_are_left_out_unless_asked_for_and_then_named() -> None:
    comments = (
        '<w:comment w:id="0" w:author="Counsel"><w:p>' + run("Too broad?") + "</w:p></w:comment>"
    )
    body = p(runs=run("Velmora waives immunity.") + '<w:r><w:commentReference w:id="0"/></w:r>')
    data = docx(body, comments=comments)
    assert texts(data) == ["Velmora waives immunity."]
    assert read_docx(data).notes == ("1 comment not compared (--comments includes them)",)
    assert texts(data, comments=True) == [
        "Velmora waives immunity.",
        "[Comment by Counsel: Too broad?]",
    ]


def test_headers_and_footers_are_kept_beside_the_clause_tree() -> None:
    data = docx(
        p("Clause text."),
        headers={"default": p("CONFIDENTIAL"), "first": p("Draft 3")},
        footers={"default": p("Page 1")},
    )
    content = read_docx(data)
    assert [b.text for b in content.blocks] == ["Clause text."]
    assert content.page_texts == (
        PageText("header", "default", "CONFIDENTIAL"),
        PageText("header", "first", "Draft 3"),
        PageText("footer", "default", "Page 1"),
    )


def test_title_and_heading_styles_map_to_heading_levels() -> None:
    styles = (
        style("Title", "Title")
        + style("Heading1", "heading 1")
        + style("Outline", "Custom", '<w:outlineLvl w:val="2"/>')
    )
    body = (
        p("Agreement", '<w:pStyle w:val="Title"/>')
        + p("Definitions", '<w:pStyle w:val="Heading1"/>')
        + p("Sub", '<w:pStyle w:val="Outline"/>')
    )
    blocks = read_docx(docx(body, styles=styles)).blocks
    assert [(b.kind, b.heading) for b in blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 3),
    ]


def test_style_separator_runs_a_heading_into_its_clause_text() -> None:
    # NVCA: a Heading 2 "Voting Agreement" with a hidden mark, then ". The Company ...".
    styles = style("Heading2", "heading 2")
    hidden_mark = '<w:pStyle w:val="Heading2"/><w:rPr><w:vanish/><w:specVanish/></w:rPr>'
    body = p("Voting Agreement", hidden_mark) + p(". The Company shall sign it.")
    blocks = read_docx(docx(body, styles=styles)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Voting Agreement. The Company shall sign it.")
    ]


def test_table_rows_are_blocks_with_cells_joined() -> None:
    nested = "<w:tbl><w:tr><w:tc>" + p("inner") + "</w:tc></w:tr></w:tbl>"
    table = (
        "<w:tbl><w:tr><w:tc>"
        + p("Fee")
        + "</w:tc><w:tc>"
        + p("USD 10")
        + nested
        + "</w:tc></w:tr></w:tbl>"
    )
    blocks = read_docx(docx(table)).blocks
    assert [(b.kind, b.text) for b in blocks] == [(BlockKind.TABLE_ROW, "Fee | USD 10 inner")]


def test_what_cannot_be_compared_is_named() -> None:
    picture = (
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/'
        'drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r>'
    )
    chart = picture.replace("drawingml/2006/picture", "drawingml/2006/chart")
    math = "<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>"
    chunk = '<w:altChunk r:id="rIdChunk"/>'
    content = read_docx(docx(p(runs=picture + picture + chart) + p(runs=math) + chunk))
    assert content.notes == (
        "1 chart not compared",
        "1 embedded document chunk not compared",
        "2 images not compared",
        "1 equation read as plain text",
    )
    assert [b.text for b in content.blocks] == ["x=1"]


def test_docx_document_records_format_view_and_revisions(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(docx(p(runs=revision("ins", run("New text."), author="Ann"))))
    document = parse_file(path)
    assert (document.format, document.view, document.pending_revisions) == ("docx", "accepted", 1)
    assert document.revision_authors == ("Ann",)
    original = parse_file(path, view="original")
    assert original.view == "original"
    assert original.clause_count == 0


def test_a_clause_in_a_heading_style_is_clause_text_not_a_heading() -> None:
    # Legal drafts number clauses through Heading styles; "Access and Use. During ..."
    # must compare as a provision, or its changes would pass as heading edits.
    styles = style("Heading2", "heading 2")
    body = (
        p("Access and Use.", '<w:pStyle w:val="Heading2"/>')
        + p(
            "Access and Use. During the Subscription Period, Customer may use the Service.",
            '<w:pStyle w:val="Heading2"/>',
        )
        + p("The authorized capital consists of:", '<w:pStyle w:val="Heading2"/>')
    )
    blocks = read_docx(docx(body, styles=styles)).blocks
    assert [(b.kind, b.heading) for b in blocks] == [
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.PARAGRAPH, 0),
    ]
