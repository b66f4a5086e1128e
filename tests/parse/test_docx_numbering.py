"""Word list numbers are rendered from numbering.xml exactly as Word shows them.

Each test builds a small document inline; the XML is the specification.
"""

from __future__ import annotations

import pytest

from draftdiff.parse.read_docx import read_docx
from draftdiff.parse.wordml.numfmt import format_number
from tests.parse.docx_build import abstract, docx, level, num, numbered, p, style


def labels(data: bytes) -> list[tuple[str, str]]:
    """(label, text) of every block, as the reader gives them."""
    return [(b.label, b.text) for b in read_docx(data).blocks]


def test_multilevel_list_renders_lvltext_with_every_level() -> None:
    numbering = abstract(
        0,
        level(0, "decimal", "%1."),
        level(1, "decimal", "%1.%2."),
        level(2, "lowerLetter", "(%3)"),
    ) + num(1, 0)
    body = (
        numbered("Definitions")
        + numbered("Terms", ilvl=1)
        + numbered("Fund", ilvl=2)
        + numbered("Board", ilvl=2)
        + numbered("Scope", ilvl=1)
        + numbered("Contributions")
        + numbered("Amount", ilvl=1)
    )
    assert labels(docx(body, numbering=numbering)) == [
        ("1.", "Definitions"),
        ("1.1.", "Terms"),
        ("(a)", "Fund"),
        ("(b)", "Board"),
        ("1.2.", "Scope"),
        ("2.", "Contributions"),
        ("2.1.", "Amount"),
    ]


def test_deeper_levels_restart_after_a_shallower_one_unless_lvlrestart_says_otherwise() -> None:
    numbering = abstract(
        0,
        level(0, "decimal", "%1."),
        level(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="0"/>'),
    ) + num(1, 0)
    body = numbered("A") + numbered("a", ilvl=1) + numbered("B") + numbered("b", ilvl=1)
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == [
        "1.",
        "(a)",
        "2.",
        "(b)",
    ]


def test_start_value_and_start_override_on_a_restarted_list() -> None:
    numbering = (
        abstract(0, level(0, "decimal", "%1)", start=5))
        + num(1, 0)
        + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    )
    body = numbered("a") + numbered("b") + numbered("c", num_id=2) + numbered("d", num_id=2)
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == [
        "5)",
        "6)",
        "1)",
        "2)",
    ]


def test_two_lists_sharing_a_definition_continue_one_sequence() -> None:
    # Word counts per abstract list: a second w:num without a startOverride continues it.
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0) + num(2, 0)
    body = numbered("a") + numbered("b") + numbered("c", num_id=2)
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == ["1.", "2.", "3."]


def test_list_continues_across_intervening_paragraphs_and_tables() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    table = "<w:tbl><w:tr><w:tc>" + p("cell") + "</w:tc></w:tr></w:tbl>"
    body = numbered("first") + p("Body text between.") + table + numbered("second")
    assert labels(docx(body, numbering=numbering)) == [
        ("1.", "first"),
        ("", "Body text between."),
        ("", "cell"),
        ("2.", "second"),
    ]


def test_is_legal_prints_higher_levels_as_decimal() -> None:
    numbering = abstract(
        0,
        level(0, "upperRoman", "Article %1"),
        level(1, "decimal", "Section %1.%2", extra="<w:isLgl/>"),
    ) + num(1, 0)
    body = numbered("x") + numbered("x") + numbered("x") + numbered("Scope", ilvl=1)
    assert labels(docx(body, numbering=numbering))[-2:] == [
        ("Article III", "x"),
        ("Section 3.1", "Scope"),
    ]


def test_numbering_through_a_paragraph_style_as_in_the_common_paper_templates() -> None:
    # The style carries w:numPr with no w:ilvl; the level whose w:pStyle names the
    # style is the one used. Heading 2 inherits its numbering from its basedOn style.
    numbering = abstract(
        0,
        level(0, "decimal", "%1.", extra='<w:pStyle w:val="Heading1"/>'),
        level(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Heading2"/>'),
    ) + num(7, 0)
    styles = (
        style("Heading1", "heading 1", '<w:numPr><w:numId w:val="7"/></w:numPr>')
        + style("Heading2", "heading 2", "", based_on="Heading1")
        + style("Body", "Body Text")
    )
    body = (
        p("Service", '<w:pStyle w:val="Heading1"/>')
        + p("Access and Use.", '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/></w:numPr>')
        + p("Plain.", '<w:pStyle w:val="Body"/>')
        + p("Restrictions", '<w:pStyle w:val="Heading1"/>')
    )
    blocks = read_docx(docx(body, numbering=numbering, styles=styles)).blocks
    assert [(b.label, b.text, b.heading, b.style) for b in blocks] == [
        ("1.", "Service", 1, "heading 1"),
        ("1.1", "Access and Use.", 2, "heading 2"),
        ("", "Plain.", 0, "Body Text"),
        ("2.", "Restrictions", 1, "heading 1"),
    ]


def test_num_id_zero_removes_numbering_a_style_would_give() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    styles = style("List", "List Number", '<w:numPr><w:numId w:val="1"/></w:numPr>')
    body = p("one", '<w:pStyle w:val="List"/>') + p(
        "not numbered", '<w:pStyle w:val="List"/><w:numPr><w:numId w:val="0"/></w:numPr>'
    )
    assert labels(docx(body, numbering=numbering, styles=styles)) == [
        ("1.", "one"),
        ("", "not numbered"),
    ]


def test_numbering_style_link_shares_the_linked_definition_and_its_counters() -> None:
    numbering = (
        abstract(0, level(0, "decimal", "%1."), extra='<w:styleLink w:val="LegalList"/>')
        + abstract(1, extra='<w:numStyleLink w:val="LegalList"/>')
        + num(1, 0)
        + num(2, 1)
    )
    styles = style(
        "LegalList", "Legal List", '<w:numPr><w:numId w:val="1"/></w:numPr>', kind="numbering"
    )
    body = numbered("a", num_id=1) + numbered("b", num_id=2)
    assert [label for label, _ in labels(docx(body, numbering=numbering, styles=styles))] == [
        "1.",
        "2.",
    ]


def test_bullets_are_list_items_without_a_number_label() -> None:
    numbering = abstract(0, level(0, "bullet", "\uf0b7")) + num(1, 0)
    blocks = read_docx(docx(numbered("point"), numbering=numbering)).blocks
    assert [(b.kind.value, b.label, b.text) for b in blocks] == [("list_item", "", "point")]


def test_empty_paragraph_carrying_a_section_break_takes_no_number() -> None:
    # The Common Paper CSA: its standard terms start at "1." after such a paragraph.
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    body = numbered("", ppr="<w:sectPr/>") + numbered("Service")
    assert labels(docx(body, numbering=numbering)) == [("1.", "Service")]


def test_custom_zero_padded_format_inside_alternate_content() -> None:
    # Word 2010+ writes "001, 002, ..." in an mc:Choice with a decimalZero fallback.
    fmt = (
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
    )
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="7"/>'
        f'{fmt}<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' + num(1, 0)
    )
    assert labels(docx(numbered("x"), numbering=numbering)) == [("007.", "x")]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (7, "decimal", "7"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (1994, "upperRoman", "MCMXCIV"),
        (4, "lowerRoman", "iv"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (53, "upperLetter", "AAA"),
        (1, "ordinal", "1st"),
        (12, "ordinal", "12th"),
        (22, "ordinal", "22nd"),
        (113, "ordinal", "113th"),
        (21, "cardinalText", "Twenty-one"),
        (101, "cardinalText", "One hundred one"),
        (1001, "cardinalText", "One thousand and one"),
        (1100, "cardinalText", "One thousand one hundred"),
        (12, "ordinalText", "Twelfth"),
        (40, "ordinalText", "Fortieth"),
        (1100, "ordinalText", "One thousand one hundredth"),
        (3001, "ordinalText", "Three thousand and first"),
        (20, "decimalEnclosedCircle", "⑳"),
        (51, "decimalEnclosedCircle", "51"),
        (11, "chineseCounting", "十一"),
        (1010, "chineseCounting", "一千零一十"),
        (3, "ideographTraditional", "丙"),
        (5, "bullet", ""),
        (5, "none", ""),
        (5, "someFutureFormat", "5"),
    ],
)
def test_number_formats_print_as_word_prints_them(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_list_entered_at_a_deeper_level_counts_its_parent_as_used() -> None:
    # Word (and LibreOffice): a list whose first item is at level 2 has used level 1
    # at its start value, so the first level-1 item after it is the second one.
    numbering = abstract(0, level(0, "decimal", "%1)"), level(1, "decimal", "%2)")) + num(1, 0)
    body = numbered("Pond", ilvl=1) + numbered("Text") + numbered("Situation")
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == ["1)", "2)", "3)"]


def test_legal_numbering_keeps_the_zero_of_a_decimal_zero_level() -> None:
    # docx4j's article-section-isLgl.docx: Word prints "Section 1.01" under "Article I".
    numbering = abstract(
        0,
        level(0, "upperRoman", "Article %1."),
        level(1, "decimalZero", "Section %1.%2", extra="<w:isLgl/>"),
    ) + num(1, 0)
    body = numbered("Name and Purpose") + numbered("Name", ilvl=1) + numbered("Another")
    body += numbered("Another section", ilvl=1)
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == [
        "Article I.",
        "Section 1.01",
        "Article II.",
        "Section 2.01",
    ]


def test_lvlrestart_one_restarts_only_after_the_top_level() -> None:
    numbering = abstract(
        0,
        level(0, "upperRoman", "Article %1"),
        level(1, "decimal", "%1.%2"),
        level(2, "lowerLetter", "(%3)", extra='<w:lvlRestart w:val="1"/>'),
    ) + num(1, 0)
    body = (
        numbered("Formation")
        + numbered("Name", ilvl=1)
        + numbered("first item", ilvl=2)
        + numbered("Purpose", ilvl=1)
        + numbered("second item", ilvl=2)
        + numbered("Capital")
        + numbered("third item", ilvl=2)
    )
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == [
        "Article I",
        "I.1",
        "(a)",
        "I.2",
        "(b)",
        "Article II",
        "(a)",
    ]


def _heading_styles(h2_numpr: str) -> str:
    return style("Heading1", "heading 1", '<w:numPr><w:numId w:val="5"/></w:numPr>') + style(
        "Heading2", "heading 2", h2_numpr, based_on="Heading1"
    )


ARTICLES = abstract(
    0,
    level(0, "upperRoman", "Article %1", extra='<w:pStyle w:val="Heading1"/>'),
    level(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Heading2"/><w:isLgl/>'),
    level(2, "lowerLetter", "(%3)"),
) + num(5, 0)


@pytest.mark.parametrize(
    "h2_numpr",
    [
        '<w:numPr><w:ilvl w:val="1"/></w:numPr>',  # ilvl only; numId from Heading 1
        '<w:numPr><w:numId w:val="5"/></w:numPr>',  # no ilvl: the level naming the style
    ],
    ids=["inherited-num-id", "level-by-pstyle"],
)
def test_article_headings_as_a_list_level_number_their_sections(h2_numpr: str) -> None:
    def heading(text: str, level_style: str) -> str:
        return p(text, ppr=f'<w:pStyle w:val="{level_style}"/>')

    body = (
        heading("Definitions", "Heading1")
        + heading("Defined Terms", "Heading2")
        + numbered("Fund", num_id=5, ilvl=2)
        + heading("Interpretation", "Heading2")
        + heading("General Provisions", "Heading1")
        + heading("Name", "Heading2")
    )
    assert labels(docx(body, numbering=ARTICLES, styles=_heading_styles(h2_numpr))) == [
        ("Article I", "Definitions"),
        ("1.1", "Defined Terms"),
        ("(a)", "Fund"),
        ("1.2", "Interpretation"),
        ("Article II", "General Provisions"),
        ("2.1", "Name"),
    ]


def test_restarted_list_starts_over_once_then_shares_the_counter() -> None:
    # numId 2 restarts the definition numId 1 uses (Word's "Restart at 1"); after that
    # both ids count one sequence again, as Word and LibreOffice show.
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, override)
    body = (
        numbered("a1")
        + numbered("a2")
        + numbered("b1", num_id=2)
        + numbered("a3")
        + numbered("b2", num_id=2)
    )
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == [
        "1.",
        "2.",
        "1.",
        "2.",
        "3.",
    ]


FRENCH_DEFAULTS = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault>'
    "</w:docDefaults>"
)


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        (
            "ordinalText",
            (1, 21, 71, 81),
            ["Premier", "Vingt-et-unième", "Soixante-et-onzième", "Quatre-vingt-unième"],
        ),
        (
            "ordinalText",
            (80, 200, 1000, 2005),
            ["Quatre-vingtième", "Deux-centième", "Millième", "Deux-mille-cinquième"],
        ),
        (
            "cardinalText",
            (21, 80, 200, 1001),
            ["Vingt-et-un", "Quatre-vingts", "Deux-cents", "Mille-un"],
        ),
        (
            "cardinalText",
            (99, 280, 2200),
            ["Quatre-vingt-dix-neuf", "Deux-cent-quatre-vingts", "Deux-mille-deux-cents"],
        ),
    ],
)
def test_text_numbers_are_spelt_in_french_in_a_french_document(
    fmt: str, values: tuple[int, ...], expected: list[str]
) -> None:
    # The document's default language (w:docDefaults) is French: Word spells the
    # list numbers in French (PowerTools' LIR005/LIR006 test files).
    numbering = "".join(
        abstract(index, level(0, fmt, "%1", start=value)) + num(index + 1, index)
        for index, value in enumerate(values)
    )
    body = "".join(numbered(f"item {i}", num_id=i + 1) for i in range(len(values)))
    assert [
        label for label, _ in labels(docx(body, numbering=numbering, styles=FRENCH_DEFAULTS))
    ] == (expected)


def test_a_paragraph_style_in_english_keeps_english_numbers_in_a_french_document() -> None:
    numbering = abstract(0, level(0, "ordinalText", "%1")) + num(1, 0)
    styles = FRENCH_DEFAULTS + style("En", "English").replace(
        "<w:pPr></w:pPr>", '<w:pPr></w:pPr><w:rPr><w:lang w:val="en-GB"/></w:rPr>'
    )
    body = numbered("premier") + numbered("second", ppr='<w:pStyle w:val="En"/>')
    assert [label for label, _ in labels(docx(body, numbering=numbering, styles=styles))] == [
        "Premier",
        "Second",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4, "Четвёртый"),
        (21, "Двадцать первый"),
        (40, "Сороковой"),
        (111, "Сто одиннадцатый"),
        (200, "Двухсотый"),
        (1001, "Одна тысяча первый"),
        (2000, "Двухтысячный"),
        (3500, "Три тысячи пятисотый"),
    ],
)
def test_ordinal_text_is_spelt_in_russian_in_a_russian_document(value: int, expected: str) -> None:
    numbering = abstract(0, level(0, "ordinalText", "%1", start=value)) + num(1, 0)
    styles = FRENCH_DEFAULTS.replace("fr-FR", "ru-RU")
    assert labels(docx(numbered("пункт"), numbering=numbering, styles=styles)) == [
        (expected, "пункт")
    ]


def test_lvltext_naming_a_level_not_yet_used_prints_its_start() -> None:
    numbering = abstract(
        0,
        level(0, "decimal", "%1."),
        level(1, "decimal", "%1.%2."),
        level(2, "decimal", "%1.%2.%3."),
    ) + num(1, 0)
    body = numbered("Top") + numbered("Skips a level", ilvl=2) + numbered("Middle", ilvl=1)
    body += numbered("Deep again", ilvl=2)
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == [
        "1.",
        "1.1.1.",
        "1.2.",
        "1.2.1.",
    ]


def test_an_empty_numbered_paragraph_takes_its_number() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    empty = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>'
    body = numbered("First") + empty + numbered("Third")
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == ["1.", "2.", "3."]


def test_direct_ilvl_with_the_list_of_the_paragraph_style() -> None:
    numbering = abstract(0, level(0, "decimal", "%1."), level(1, "lowerLetter", "(%2)")) + num(1, 0)
    styles = style(
        "L1", "List Number", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    )
    body = (
        p("Top", ppr='<w:pStyle w:val="L1"/>')
        + p("Deeper", ppr='<w:pStyle w:val="L1"/><w:numPr><w:ilvl w:val="1"/></w:numPr>')
        + p("Top again", ppr='<w:pStyle w:val="L1"/>')
    )
    assert [label for label, _ in labels(docx(body, numbering=numbering, styles=styles))] == [
        "1.",
        "(a)",
        "2.",
    ]


def test_a_list_may_start_at_zero() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.", start=0)) + num(1, 0)
    body = numbered("Zero") + numbered("One")
    assert [label for label, _ in labels(docx(body, numbering=numbering))] == ["0.", "1."]


def test_sections_styled_with_a_restarting_num_of_the_articles_definition() -> None:
    # Article and Section styles point at two numIds of one definition; the Section's
    # numId restarts every level (Word's "Restart numbering"). It restarts once, so the
    # sections of Article II are II.1, II.2 (as LibreOffice prints them too).
    restart = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
        for i in range(9)
    )
    numbering = (
        abstract(
            0,
            level(0, "upperRoman", "Article %1", extra='<w:pStyle w:val="Art"/>'),
            level(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Sec"/>'),
        )
        + num(1, 0)
        + num(2, 0, restart)
    )
    styles = style(
        "Art", "Article", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    ) + style("Sec", "Section", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>')

    def para(text: str, style_id: str) -> str:
        return p(text, ppr=f'<w:pStyle w:val="{style_id}"/>')

    body = (
        para("Formation", "Art")
        + para("Name", "Sec")
        + para("Capital", "Art")
        + para("Contributions", "Sec")
        + para("Loans", "Sec")
    )
    assert [label for label, _ in labels(docx(body, numbering=numbering, styles=styles))] == [
        "Article I",
        "I.1",
        "Article II",
        "II.1",
        "II.2",
    ]
