"""Articles typed over two lines, title blocks and spelt-out numbers, in every format.

Each test is a small draft of the kind treaties and memoranda use; the assertion is the
outline (ids, headings) a user sees in `draftdiff parse`."""

from __future__ import annotations

from pathlib import Path

from draftdiff.diff.compare import compare
from draftdiff.model import Document
from draftdiff.parse.document import document_from_blocks, parse_file, parse_text
from draftdiff.parse.read_docx import read_docx
from tests.parse.docx_build import abstract, docx, level, num, numbered, p

MOU = """\
MEMORANDUM OF UNDERSTANDING
BETWEEN
THE MINISTRY OF FOREIGN AFFAIRS OF THE KINGDOM OF ESTLAND
AND
THE FEDERAL DEPARTMENT OF TRADE OF THE REPUBLIC OF ZEMBLA
CONCERNING TECHNICAL ASSISTANCE

The Ministry of Foreign Affairs of the Kingdom of Estland (hereinafter "Estland") and \
the Federal Department of Trade of the Republic of Zembla (hereinafter "Zembla") have \
reached the following understanding:

ARTICLE I
PURPOSE

(a) The purpose of this Memorandum is to set out the framework for assistance.

(b) Each Side will designate a coordinator.

ARTICLE II
OBLIGATIONS

(a) Zembla shall provide two experts.

(b) Estland shall bear the costs of travel.
"""

MOU_OUTLINE = [
    "title MEMORANDUM OF UNDERSTANDING BETWEEN THE MINISTRY OF FOREIGN AFFAIRS OF THE"
    " KINGDOM OF ESTLAND AND THE FEDERAL DEPARTMENT OF TRADE OF THE REPUBLIC OF ZEMBLA"
    " CONCERNING TECHNICAL ASSISTANCE",
    "¶1 The Ministry of Foreign",
    "I [PURPOSE]",
    "  I(a) The purpose of this Memo",
    "  I(b) Each Side will designate",
    "II [OBLIGATIONS]",
    "  II(a) Zembla shall provide two",
    "  II(b) Estland shall bear the c",
]


def outline(document: Document) -> list[str]:
    out = []
    for clause in document.walk():
        label = f"[{clause.heading}]" if clause.number and clause.heading else clause.text[:24]
        if clause.id == "title":
            label = clause.text
        out.append("  " * clause.depth + f"{clause.id} {label}".rstrip())
    return out


def test_title_block_is_the_title_and_articles_hold_their_lettered_paragraphs() -> None:
    document = parse_text(MOU, fmt="text")
    assert outline(document) == MOU_OUTLINE
    assert document.title.endswith("CONCERNING TECHNICAL ASSISTANCE")
    # The preamble after the title block is where the parties are found.
    assert [party.name for party in document.parties] == ["Estland", "Zembla"]


def test_the_source_is_rebuilt_exactly_from_the_joined_blocks() -> None:
    document = parse_text(MOU, fmt="text")
    assert "".join(c.block.raw for c in document.walk()) + document.trailer == MOU


def test_markdown_bold_lines_give_the_same_tree() -> None:
    markdown = "\n\n".join(
        f"**{line}**" if line.isupper() else line for line in MOU.split("\n") if line
    )
    assert outline(parse_text(markdown, fmt="markdown")) == MOU_OUTLINE


def test_word_paragraphs_typed_by_hand_give_the_same_tree() -> None:
    body = "".join(p(line) for line in MOU.split("\n") if line)
    document = document_from_blocks(read_docx(docx(body)).blocks, path="t.docx", fmt="docx")
    assert outline(document) == MOU_OUTLINE


def test_article_heading_forms_on_one_line_and_two() -> None:
    forms = {
        "Article 4\nScope of Cooperation": ("4", "Scope of Cooperation"),
        "ARTICLE 4.\nSCOPE": ("4", "SCOPE"),
        "ARTICLE IV – PURPOSE": ("IV", "PURPOSE"),
        "Article 4: Purpose": ("4", "Purpose"),
        "ARTICLE FOUR\nPURPOSE": ("FOUR", "PURPOSE"),
        "Part II\nFinal Provisions": ("II", "Final Provisions"),
        "PART ONE\nGENERAL": ("ONE", "GENERAL"),
        "Chapter Two\nProcedure": ("Two", "Procedure"),
        "Chapter 3\nProcedure": ("3", "Procedure"),
        "SECTION 5\nApplication": ("5", "Application"),
        "SECTION II\nFINANCIAL PROVISIONS": ("II", "FINANCIAL PROVISIONS"),
        "§ 3 Pflichten": ("3", "Pflichten"),
    }
    for heading, (number_id, title) in forms.items():
        text = f"{heading}\n\n(1) The Parties shall consult.\n\n(2) They shall report.\n"
        clauses = parse_text(text, fmt="text").clauses
        article = clauses[0]
        assert (article.id, article.heading) == (number_id, title), heading
        assert [c.id for c in article.children] == [f"{number_id}(1)", f"{number_id}(2)"]


def test_spelt_out_articles_are_a_sequence() -> None:
    text = "ARTICLE ONE\nPEACE\n\n(a) Peace.\n\nARTICLE TWO\nTRADE\n\n(a) Trade.\n"
    assert [c.id for c in parse_text(text, fmt="text").walk()] == ["ONE", "ONE(a)", "TWO", "TWO(a)"]


def test_numbered_paragraphs_under_an_article_take_its_number() -> None:
    text = (
        "Article 1\nScope\n\n1. Cooperation covers science.\n\n2. It may include:\n\n"
        "(a) exchanges;\n\n(b) projects.\n\nArticle 2\nAgents\n\n1. Each Party shall "
        "designate an agent.\n"
    )
    assert [c.id for c in parse_text(text, fmt="text").walk()] == [
        "1",
        "1.1",
        "1.2",
        "1.2(a)",
        "1.2(b)",
        "2",
        "2.1",
    ]


def test_a_sentence_after_an_article_number_is_its_text_not_its_title() -> None:
    text = (
        "ARTICLE 3\n\nThis Agreement shall enter into force on signature.\n\n"
        "ARTICLE 4\n\nIt ends.\n"
    )
    clauses = parse_text(text, fmt="text").clauses
    assert [(c.id, c.heading) for c in clauses] == [("3", ""), ("4", "")]
    assert [c.text for c in clauses[0].children] == [
        "This Agreement shall enter into force on signature."
    ]


def test_a_section_sentence_is_not_made_a_heading() -> None:
    text = 'Section 1.1 "Fees" means the amounts payable.\n\nSection 1.2 Provider shall act.\n'
    clauses = parse_text(text, fmt="text").clauses
    assert [(c.id, c.heading) for c in clauses] == [("1.1", ""), ("1.2", "")]


def test_an_article_inserted_before_others_is_only_a_renumbering(tmp_path: Path) -> None:
    old = MOU
    new = MOU.replace(
        "ARTICLE II\nOBLIGATIONS",
        "ARTICLE II\nCOORDINATION\n\n(a) The coordinators shall meet yearly.\n\n"
        "ARTICLE III\nOBLIGATIONS",
    )
    (tmp_path / "old.txt").write_text(old)
    (tmp_path / "new.txt").write_text(new)
    result = compare(parse_file(tmp_path / "old.txt"), parse_file(tmp_path / "new.txt"))
    renumbered = {
        (c.old_clause, c.new_clause) for c in result.changes if c.type == "clause.renumbered"
    }
    assert {("II", "III"), ("II(a)", "III(a)"), ("II(b)", "III(b)")} <= renumbered
    # Everything else is about the inserted article alone: no false alarm on the others.
    others = [c for c in result.changes if c.type != "clause.renumbered"]
    assert others and all(c.new_clause in ("II", "II(a)") for c in others), others


def test_a_heading_that_lost_its_number_says_so_in_words() -> None:
    # DeepSeek terms (ota-terms) 2025 -> 2026: "1. Services" became "Services"; its id
    # became a position (¶2), which is no number to report it as renumbered to.
    old = "# Terms\n\n## 1. Services\n\n1.1 The Provider shall host the Site.\n"
    new = "# Terms\n\n## Services\n\n1.1 The Provider shall host the Site.\n"
    forward = compare(parse_text(old, fmt="markdown"), parse_text(new, fmt="markdown"))
    back = compare(parse_text(new, fmt="markdown"), parse_text(old, fmt="markdown"))
    assert [c.summary for c in forward.changes] == ["heading 1 (Services) is no longer numbered"]
    assert [c.summary for c in back.changes] == ["heading Services is now numbered 1"]
    assert {c.type for c in forward.changes + back.changes} == {"clause.renumbered"}


def test_a_mixed_case_title_joined_by_lower_case_words_is_one_title() -> None:
    text = (
        "Agreement\nbetween the Government of Norland\nand the Government of Estland\n"
        "on Cyber Security\n\nThe Government of Norland and the Government of Estland "
        "have agreed as follows:\n\nArticle 1\nObjective\n\n1. The Parties shall cooperate.\n"
    )
    document = parse_text(text, fmt="text")
    assert document.title == (
        "Agreement between the Government of Norland and the Government of Estland"
        " on Cyber Security"
    )
    assert [c.id for c in document.walk()] == ["title", "¶1", "1", "1.1"]


def test_a_title_over_a_heading_is_not_joined_to_it() -> None:
    text = "SUPPLY AGREEMENT\n\nDEFINITIONS\n\n1. Goods means goods.\n\n2. Price means price.\n"
    document = parse_text(text, fmt="text")
    assert document.title == "SUPPLY AGREEMENT"


def test_chapters_yield_their_bare_number_to_the_sections_a_reader_cites() -> None:
    text = (
        "Chapter 1\nGeneral Provisions\n\n§ 1\nPurpose\n\n(1) This Act protects.\n\n"
        "(2) It applies.\n\n§ 2\nDefinitions\n\nIn this Act, words mean things.\n\n"
        "Chapter 2\nDuties\n\n§ 3\nMeasures\n\n(1) Operators shall act.\n"
    )
    outline_ids = [(c.id, c.heading) for c in parse_text(text, fmt="text").walk() if c.number]
    assert outline_ids == [
        ("chapter-1", "General Provisions"),
        ("1", "Purpose"),
        ("1(1)", ""),
        ("1(2)", ""),
        ("2", "Definitions"),
        ("chapter-2", "Duties"),
        ("3", "Measures"),
        ("3(1)", ""),
    ]


def test_a_word_numbered_article_over_its_title_paragraph_is_one_heading() -> None:
    numbering = abstract(
        0, level(0, "upperRoman", "ARTICLE %1"), level(1, "lowerLetter", "(%2)")
    ) + num(1, 0)
    body = (
        numbered("", ilvl=0)
        + p("PURPOSE")
        + numbered("The purpose is assistance.", ilvl=1)
        + numbered("", ilvl=0)
        + p("OBLIGATIONS")
        + numbered("Zembla shall provide experts.", ilvl=1)
    )
    blocks = read_docx(docx(body, numbering=numbering)).blocks
    document = document_from_blocks(blocks, path="t.docx", fmt="docx")
    assert [(c.id, c.heading) for c in document.walk()] == [
        ("I", "PURPOSE"),
        ("I(a)", ""),
        ("II", "OBLIGATIONS"),
        ("II(a)", ""),
    ]
