"""Tracked changes already in a .docx: the accepted view is what the draft will say,
the original view what it said before; moves, paragraph marks and rows follow Word."""

from __future__ import annotations

from draftdiff.parse.read_docx import read_docx
from draftdiff.parse.wordml.revisions import View
from tests.parse.docx_build import abstract, docx, level, num, numbered, p, revision, run


def texts(data: bytes, view: View) -> list[str]:
    return [b.text for b in read_docx(data, view=view).blocks]


def both(data: bytes) -> tuple[list[str], list[str]]:
    return texts(data, View.ACCEPTED), texts(data, View.ORIGINAL)


def test_inserted_and_deleted_words_differ_between_the_views() -> None:
    body = p(
        runs=run("Velmora shall ")
        + revision("ins", run("use reasonable efforts to "))
        + revision("del", run("immediately ", deleted=True))
        + run("adopt the law.")
    )
    assert both(docx(body)) == (
        ["Velmora shall use reasonable efforts to adopt the law."],
        ["Velmora shall immediately adopt the law."],
    )


def test_moved_paragraph_appears_once_in_each_view_at_its_place() -> None:
    body = (
        p(runs=revision("moveFrom", run("Moved clause.")))
        + p("Fixed clause.")
        + p(runs=revision("moveTo", run("Moved clause.")))
    )
    # A moved paragraph's own (empty) mark stays; empty paragraphs are not blocks.
    assert both(docx(body)) == (
        ["Fixed clause.", "Moved clause."],
        ["Moved clause.", "Fixed clause."],
    )


def test_deleted_paragraph_mark_joins_the_paragraph_to_the_next() -> None:
    mark = '<w:rPr><w:del w:id="9" w:author="Ann" w:date="2025-01-01T00:00:00Z"/></w:rPr>'
    body = p("The Fund shall invest", ppr=mark) + p(" in Velmora.")
    assert both(docx(body)) == (
        ["The Fund shall invest in Velmora."],
        ["The Fund shall invest", "in Velmora."],
    )


def test_inserted_paragraph_disappears_from_the_original_view() -> None:
    mark = '<w:rPr><w:ins w:id="9" w:author="Ann" w:date="2025-01-01T00:00:00Z"/></w:rPr>'
    body = p("Before.") + p(ppr=mark, runs=revision("ins", run("Inserted."))) + p("After.")
    assert both(docx(body)) == (["Before.", "Inserted.", "After."], ["Before.", "After."])


def test_deleted_numbered_paragraphs_do_not_count_in_the_accepted_view() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    mark = '<w:rPr><w:del w:id="9" w:author="Ann" w:date="2025-01-01T00:00:00Z"/></w:rPr>'
    deleted = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        f"{mark}</w:pPr>{revision('del', run('Old second.', deleted=True))}</w:p>"
    )
    body = numbered("First.") + deleted + numbered("Third.")
    data = docx(body, numbering=numbering)
    accepted = [(b.label, b.text) for b in read_docx(data).blocks]
    original = [(b.label, b.text) for b in read_docx(data, view=View.ORIGINAL).blocks]
    assert accepted == [("1.", "First."), ("2.", "Third.")]
    assert original == [("1.", "First."), ("2.", "Old second."), ("3.", "Third.")]


def test_numbering_change_shows_the_old_numbering_in_the_original_view() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    change = (
        '<w:pPrChange w:id="3" w:author="Bo" w:date="2025-01-01T00:00:00Z"><w:pPr/></w:pPrChange>'
    )
    body = numbered("Clause.", ppr="").replace("</w:numPr>", f"</w:numPr>{change}")
    data = docx(body, numbering=numbering)
    assert [b.label for b in read_docx(data).blocks] == ["1."]
    assert [b.label for b in read_docx(data, view=View.ORIGINAL).blocks] == [""]


def test_deleted_table_row_is_gone_once_accepted() -> None:
    row_del = '<w:trPr><w:del w:id="4" w:author="Ann" w:date="2025-01-01T00:00:00Z"/></w:trPr>'
    cell = "<w:tc>{}</w:tc>"
    table = (
        "<w:tbl><w:tr>"
        + cell.format(p("Fee"))
        + cell.format(p("USD 10"))
        + "</w:tr><w:tr>"
        + row_del
        + cell.format(p(runs=revision("del", run("Penalty", deleted=True))))
        + cell.format(p(runs=revision("del", run("USD 99", deleted=True))))
        + "</w:tr></w:tbl>"
    )
    assert both(docx(table)) == (["Fee | USD 10"], ["Fee | USD 10", "Penalty | USD 99"])


def test_formatting_only_revisions_change_no_text_but_are_counted() -> None:
    body = p(
        runs='<w:r><w:rPr><w:b/><w:rPrChange w:id="5" w:author="Cy" w:date="2025-01-01T00:00:00Z">'
        "<w:rPr/></w:rPrChange></w:rPr><w:t>Bold now.</w:t></w:r>"
    )
    content = read_docx(docx(body))
    assert both(docx(body)) == (["Bold now."], ["Bold now."])
    assert content.revisions.formatting == 1
    assert content.revisions.total == 1


def test_deleted_field_shows_its_old_result_only_in_the_original_view() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:delInstrText xml:space="preserve"> DATE </w:delInstrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:delText>2/7/2020</w:delText></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = p(runs=revision("del", run("Signed ", deleted=True) + field) + run(" Today."))
    assert both(docx(body)) == (["Today."], ["Signed 2/7/2020 Today."])


def test_the_comparison_says_how_many_revisions_and_by_whom() -> None:
    body = p(
        runs=revision("ins", run("a"), author="Ann", rev_id=1)
        + revision("ins", run("b"), author="Bo", rev_id=2)
        + revision("del", run("c", deleted=True), author="Ann", rev_id=3)
        + revision("moveFrom", run("d"), author="Ann", rev_id=4)
        + revision("moveTo", run("d"), author="Ann", rev_id=5)
    )
    content = read_docx(docx(body))
    assert content.revisions.authors == ("Ann", "Bo")
    assert content.notes[0] == (
        "carries 4 pending tracked changes (2 insertions, 1 deletion, 1 move) by Ann, Bo; "
        "read with every change accepted (--view original: all rejected)"
    )
