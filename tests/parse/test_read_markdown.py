"""The Markdown reader: one block per leaf block, with markup reduced to readable text.

Snippets are copied from the corpus (/work/shared/corpus); each test names its source.
"""

from __future__ import annotations

from hypothesis import given, settings

from draftdiff.model import Block, BlockKind
from draftdiff.parse.document import parse_text
from draftdiff.parse.read_markdown import read_markdown
from tests.parse.reader_checks import check_reader_invariants, drafts


def _read(text: str) -> tuple[Block, ...]:
    blocks, trailer = read_markdown(text)
    check_reader_invariants(text, blocks, trailer, literal_ok=True)
    return blocks


def _summary(text: str) -> list[tuple[str, str, int, str]]:
    """(kind, label, depth, text) per block."""
    return [(b.kind.value, b.label, b.depth, b.text) for b in _read(text)]


# --- nothing lost ---------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(drafts)
def test_blocks_rebuild_any_markdown_exactly_and_keep_their_promises(text: str) -> None:
    blocks, trailer = read_markdown(text)
    check_reader_invariants(text, blocks, trailer, literal_ok=True)


def test_blank_markdown_has_no_blocks_and_keeps_its_text_as_trailer() -> None:
    assert read_markdown("") == ((), "")
    assert read_markdown("\n  \n") == ((), "\n  \n")
    assert read_markdown("---\n\n<!-- nothing -->\n") == ((), "---\n\n<!-- nothing -->\n")


def test_thematic_breaks_and_comments_attach_to_the_block_before_them() -> None:
    first, second = _read("First.\n\n* * *\n\n<!-- note -->\n\nSecond.\n")
    assert first.raw == "First.\n\n* * *\n\n<!-- note -->\n\n"
    assert second.raw == "Second.\n"


def test_crlf_markdown_keeps_line_endings_in_raw() -> None:
    first, second = _read("# Title\r\n\r\nText\r\nmore\r\n")
    assert (first.raw, second.raw, second.line) == ("# Title\r\n\r\n", "Text\r\nmore\r\n", 3)
    assert second.text == "Text more"


# --- headings -------------------------------------------------------------------------


def test_setext_and_atx_headings_get_their_levels() -> None:
    # ota-terms/pairs/claude-commercial-terms__2025-11-11__2026-03-11/new.md
    blocks = _read(
        "Commercial Terms of Service\n"
        "===========================\n"
        "\n"
        "A. Services\n"
        "-----------\n"
        "\n"
        "### 1\\. Your Access to the Services\n"
    )
    assert [(b.kind, b.heading, b.text) for b in blocks] == [
        (BlockKind.HEADING, 1, "Commercial Terms of Service"),
        (BlockKind.HEADING, 2, "A. Services"),
        (BlockKind.HEADING, 3, "1. Your Access to the Services"),
    ]
    assert blocks[0].raw == "Commercial Terms of Service\n===========================\n\n"


def test_typed_clause_number_in_a_paragraph_stays_in_the_text() -> None:
    # ota-terms/pairs/claude-commercial-terms__2025-11-11__2026-03-11/new.md
    (block,) = _read(
        "A.1. **Overview.** Subject to these Terms, Anthropic gives Customer permission.\n"
    )
    assert (block.kind, block.label) == (BlockKind.PARAGRAPH, "")
    assert (
        block.text == "A.1. Overview. Subject to these Terms, Anthropic gives Customer permission."
    )


# --- lists ----------------------------------------------------------------------------


def test_list_typed_with_repeated_ones_gets_rendered_numbers() -> None:
    assert _summary("1. one\n1. two\n1. three\n") == [
        ("list_item", "1.", 0, "one"),
        ("list_item", "2.", 0, "two"),
        ("list_item", "3.", 0, "three"),
    ]


def test_ordered_list_keeps_its_start_number_and_delimiter() -> None:
    assert [b.label for b in _read("3) a\n3) b\n")] == ["3)", "4)"]


def test_bullet_items_have_an_empty_label() -> None:
    assert _summary("- one\n- two\n") == [("list_item", "", 0, "one"), ("list_item", "", 0, "two")]


def test_nested_ordered_list_item_gets_rendered_number_and_depth() -> None:
    # commonpaper-md/pairs/csa-1.0__csa-2.1/new.md
    text = (
        '1. <span class="header_2" id="1">Service</span>\n'
        '    1. <span class="header_3" id="1.1">Access and Use.</span>  During the '
        '<span class="orderform_link">Subscription Period</span>, '
        '<span class="coverpage_link">Customer</span> may access and use the Cloud Service.\n'
        '    2. <span class="header_3" id="1.2">Support.</span>  Provider will provide '
        "Technical Support.\n"
        '2. <span class="header_2" id="2">Restrictions &amp; Obligations</span>\n'
    )
    assert _summary(text) == [
        ("list_item", "1.", 0, "Service"),
        (
            "list_item",
            "1.",
            1,
            "Access and Use. During the Subscription Period, Customer may access and use the "
            "Cloud Service.",
        ),
        ("list_item", "2.", 1, "Support. Provider will provide Technical Support."),
        ("list_item", "2.", 0, "Restrictions & Obligations"),
    ]


def test_heading_inside_a_list_item_keeps_its_level_label_and_depth() -> None:
    # commonpaper-md/pairs/csa-1.0__csa-2.1/old.md
    heading, clause = _read(
        "1. ## Service  \n"
        "\n"
        '    1.1 <span class="header_3">Access and Use.</span>  During the '
        '<span class="orderform_link">Subscription Period</span>, Customer may access it.\n'
    )
    assert (heading.kind, heading.heading, heading.label, heading.depth, heading.text) == (
        BlockKind.HEADING,
        2,
        "1.",
        0,
        "Service",
    )
    # The typed "1.1" is text, not a list marker; the paragraph sits inside item 1.
    assert (clause.kind, clause.label, clause.depth) == (BlockKind.PARAGRAPH, "", 1)
    assert (
        clause.text == "1.1 Access and Use. During the Subscription Period, Customer may access it."
    )


def test_further_paragraphs_of_a_list_item_are_one_level_deeper() -> None:
    assert _summary("1. Service\n\n   Second paragraph.\n\n   - nested\n\n2. Next\n") == [
        ("list_item", "1.", 0, "Service"),
        ("paragraph", "", 1, "Second paragraph."),
        ("list_item", "", 1, "nested"),
        ("list_item", "2.", 0, "Next"),
    ]


def test_typed_sub_clauses_on_their_own_lines_become_blocks() -> None:
    # commonpaper-md/pairs/csa-1.0__csa-2.1/new.md: "a." is no list marker in CommonMark,
    # so these lines would otherwise run on inside the item's paragraph.
    text = (
        "1. Term & Termination\n"
        '    1. <span class="header_3" id="5.3">Termination.</span>  Either party may '
        "terminate the Framework Terms immediately:\n"
        "        a. if the other party fails to cure a material breach; or\n"
        "        b. upon notice if the other party materially breaches them.\n"
    )
    assert _summary(text) == [
        ("list_item", "1.", 0, "Term & Termination"),
        (
            "list_item",
            "1.",
            1,
            "Termination. Either party may terminate the Framework Terms immediately:",
        ),
        ("paragraph", "", 2, "a. if the other party fails to cure a material breach; or"),
        ("paragraph", "", 2, "b. upon notice if the other party materially breaches them."),
    ]


def test_marker_continuing_a_sentence_does_not_split_a_paragraph() -> None:
    (block,) = _read("The remedies in paragraph\n(a) above are exclusive.\n")
    assert block.text == "The remedies in paragraph (a) above are exclusive."


# --- inline markup --------------------------------------------------------------------


def test_inline_markup_is_reduced_to_its_readable_text() -> None:
    (block,) = _read(
        'Use *may* and **shall**; see [the policy](https://example.com "t"), '
        "![the seal](seal.png), `code` &copy; 2024 &amp; "
        '<span class="coverpage_link">Customer</span>.\n'
    )
    assert block.text == "Use may and shall; see the policy, the seal, code © 2024 & Customer."


def test_html_span_keeps_its_text() -> None:
    # commonpaper-md/pairs/csa-1.0__csa-2.1/new.md
    (block,) = _read('<span class="header_3" id="1.1">Access and Use.</span> During the term.\n')
    assert block.text == "Access and Use. During the term."


def test_unbalanced_closing_tag_is_dropped() -> None:
    # commonpaper-md/pairs/mutual-nda-0.1__mutual-nda-1.0/old.md
    (block,) = _read(
        'the exclusive jurisdiction of such <span class="coversheet_link">Jurisdiction</a> '
        "in any such suit.\n"
    )
    assert block.text == "the exclusive jurisdiction of such Jurisdiction in any such suit."


def test_hard_break_becomes_a_newline_and_soft_break_a_space() -> None:
    # ota-terms/pairs/chatgpt-tos__2026-01-09__2026-01-16/old.md
    (block,) = _read("> OpenAI, L.L.C.  \n> 1455 3rd Street\n> San Francisco, CA 94158\n")
    assert block.text == "OpenAI, L.L.C.\n1455 3rd Street San Francisco, CA 94158"


def test_br_tag_is_a_line_break() -> None:
    (block,) = _read("Provider<br>Customer\n")
    assert block.text == "Provider\nCustomer"


# --- other block kinds ----------------------------------------------------------------


def test_blockquote_paragraph_is_one_level_deeper() -> None:
    # ota-terms/pairs/deepseek-tos__2025-11-11__2026-03-27/new.md
    assert _summary("> Last Update: March 27, 2026\n") == [
        ("paragraph", "", 1, "Last Update: March 27, 2026")
    ]


def test_table_rows_join_their_cells_with_bars() -> None:
    header, row = _read("| Name | Value |\n|------|-------|\n| Fee | $5 &amp; up |\n| | |\n")
    assert (header.kind, header.text, header.raw) == (
        BlockKind.TABLE_ROW,
        "Name | Value",
        "| Name | Value |\n|------|-------|\n",
    )
    # The empty last row has no text, so it stays in the raw of the row before it.
    assert (row.text, row.raw) == ("Fee | $5 & up", "| Fee | $5 &amp; up |\n| | |\n")


def test_html_blocks_are_read_without_tags() -> None:
    assert _summary(
        "<p>Hello <b>bold</b> &amp; more</p>\n\n<div>\n<span>x</span>\n</div>\n\n<h2>Title</h2>\n"
    ) == [
        ("paragraph", "", 0, "Hello bold & more"),
        ("other", "", 0, "x"),
        ("heading", "", 0, "Title"),
    ]


def test_script_in_an_html_block_is_not_text() -> None:
    assert _summary("<div>\n<script>alert('x')</script>Kept\n</div>\n") == [
        ("other", "", 0, "Kept")
    ]


def test_fenced_code_is_other_with_its_literal_text() -> None:
    (code, _) = _read("```\nfee  =  5\n  total\n```\n\npara\n")
    assert (code.kind, code.text) == (BlockKind.OTHER, "fee  =  5\n  total")


def test_indented_code_block_reads_as_nested_text() -> None:
    # de-gesetze/pairs/arbzg__2012-08-03__2012-08-06/new.md: pandoc indents "aa)" items
    # one step too far, which CommonMark reads as code.
    text = (
        "2.  über die Ausnahmen nach § 10 hinaus weitere Ausnahmen abweichend von §\n"
        "    9\n"
        "\n"
        "    b)  für Betriebe, in denen Arbeiten vorkommen, deren Unterbrechung oder\n"
        "        Aufschub\n"
        "\n"
        "        aa) nach dem Stand der Technik ihrer Art nach nicht oder nur mit\n"
        "            erheblichen Schwierigkeiten möglich ist,\n"
        "\n"
        "\n"
        "        bb) besondere Gefahren für Leben oder Gesundheit der Arbeitnehmer zur\n"
        "            Folge hätte,\n"
    )
    assert [(kind, label, depth, words[:24]) for kind, label, depth, words in _summary(text)] == [
        ("list_item", "2.", 0, "über die Ausnahmen nach "),
        ("paragraph", "", 1, "b) für Betriebe, in dene"),
        ("paragraph", "", 2, "aa) nach dem Stand der T"),
        ("paragraph", "", 2, "bb) besondere Gefahren f"),
    ]
    assert _read(text)[2].text.endswith("nur mit erheblichen Schwierigkeiten möglich ist,")
    assert [b.line for b in _read(text)] == [1, 4, 7, 11]


def test_front_matter_stays_in_raw_but_is_not_read() -> None:
    # de-gesetze/pairs/arbzg__2012-08-03__2012-08-06/new.md
    text = (
        "---\nTitle: Arbeitszeitgesetz\njurabk: ArbZG\nlayout: default\n\n---\n\n"
        "# Arbeitszeitgesetz (ArbZG)\n"
    )
    (block,) = _read(text)
    assert (block.kind, block.text, block.line, block.raw) == (
        BlockKind.HEADING,
        "Arbeitszeitgesetz (ArbZG)",
        8,
        text,
    )


def test_rule_then_prose_is_not_front_matter() -> None:
    assert _summary("---\n\nJust prose.\n\n---\n") == [("paragraph", "", 0, "Just prose.")]


def test_line_is_the_first_source_line_of_the_block() -> None:
    assert [b.line for b in _read("# A\n\ntext\nmore\n\n- item\n")] == [1, 3, 6]


def test_a_table_of_contents_of_anchor_links_is_not_read_as_clauses() -> None:
    # Spotify terms (ota-terms): a "1. [Introduction](#1-introduction)" contents list,
    # then the real "**1\. Introduction**". As clauses, the real 1 nested under the 7
    # of the contents and every clause id came out as "1~2", "2~2".
    text = (
        "1. [Introduction](#1-introduction)\n"
        "2. [The Spotify Service](#2-the-spotify-service)\n\n"
        "**1\\. Introduction**\n\nPlease read these Terms.\n"
    )
    kinds = [(b.kind.value, b.label, b.text) for b in _read(text)]
    assert kinds[:2] == [
        ("other", "1.", "Introduction"),
        ("other", "2.", "The Spotify Service"),
    ]
    ids = [c.id for c in parse_text(text, fmt="markdown").walk()]
    assert "1" in ids and not any("~" in i for i in ids)


def test_a_table_of_contents_of_full_links_to_anchors_is_not_read_as_clauses() -> None:
    # Spotify terms 2025 (ota-terms): the same contents list as 2024 but with the page's
    # whole address before each #anchor; as clauses they made "3 is now numbered 3~2".
    url = "https://www.spotify.com/us/legal/end-user-agreement/"
    text = (
        f"1. [Introduction]({url}#1-introduction)\n"
        f"2. [The Spotify Service]({url}#2-the-spotify-service)\n\n"
        "**1\\. Introduction**\n\nPlease read these Terms.\n"
    )
    assert [b.kind.value for b in _read(text)][:2] == ["other", "other"]
    ids = [c.id for c in parse_text(text, fmt="markdown").walk()]
    assert "1" in ids and not any("~" in i for i in ids)


def test_a_link_to_another_page_stays_a_list_item() -> None:
    text = "1. [Privacy Policy](https://example.com/privacy)\n2. Second item.\n"
    assert [b.kind.value for b in _read(text)] == ["list_item", "list_item"]


def test_a_list_item_with_a_link_and_words_stays_a_list_item() -> None:
    text = "1. See [the policy](#privacy) for details.\n2. Second item.\n"
    assert [b.kind.value for b in _read(text)] == ["list_item", "list_item"]
