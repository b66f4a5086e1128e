"""The plain-text reader: where blocks start, what their text is, how deep they sit.

Snippets are copied from the corpus (/work/shared/corpus); each test names its source.
"""

from __future__ import annotations

from hypothesis import given, settings

from draftdiff.model import Block, BlockKind
from draftdiff.parse.read_text import read_text
from tests.parse.reader_checks import check_reader_invariants, drafts


def _read(text: str) -> tuple[Block, ...]:
    blocks, trailer = read_text(text)
    check_reader_invariants(text, blocks, trailer)
    return blocks


def _texts(text: str) -> list[str]:
    return [block.text for block in _read(text)]


# --- nothing lost ---------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(drafts)
def test_blocks_rebuild_any_text_exactly_and_keep_their_promises(text: str) -> None:
    blocks, trailer = read_text(text)
    check_reader_invariants(text, blocks, trailer)


def test_blank_lines_after_a_block_belong_to_its_raw() -> None:
    first, second = _read("First paragraph.\n\n\nSecond paragraph.\n")
    assert first.raw == "First paragraph.\n\n\n"
    assert second.raw == "Second paragraph.\n"


def test_leading_blank_lines_go_into_the_first_block() -> None:
    (block,) = _read("\n\n  \nTitle\n")
    assert block.raw == "\n\n  \nTitle\n"
    assert block.line == 4


def test_blank_file_has_no_blocks_and_keeps_its_text_as_trailer() -> None:
    assert read_text("") == ((), "")
    assert read_text(" \n\t\n\x0c\n") == ((), " \n\t\n\x0c\n")


def test_crlf_and_cr_line_endings_stay_in_raw() -> None:
    first, second = _read("Hello\r\nworld\r\n\r\nNext\rpara\r")
    assert (first.text, first.raw) == ("Hello world", "Hello\r\nworld\r\n\r\n")
    assert (second.text, second.raw, second.line) == ("Next para", "Next\rpara\r", 4)


# --- text cleanup ---------------------------------------------------------------------


def test_hard_wrapped_lines_are_joined_with_single_spaces() -> None:
    # spdx-licenses/pairs/cc-by-3.0__cc-by-4.0/old.txt
    text = (
        "2. Fair Dealing Rights. Nothing in this License is intended to reduce,\n"
        "limit, or restrict any uses free from copyright or rights arising from\n"
        "limitations or exceptions that are provided for in connection with the\n"
        "copyright protection under copyright law or other applicable laws.\n"
    )
    assert _texts(text) == [
        "2. Fair Dealing Rights. Nothing in this License is intended to reduce, limit, or "
        "restrict any uses free from copyright or rights arising from limitations or "
        "exceptions that are provided for in connection with the copyright protection under "
        "copyright law or other applicable laws."
    ]


def test_control_characters_and_separators_never_reach_block_text() -> None:
    (block,) = _read("The\tLicensor\x0bshall\u2029not\u2028assign\x00it\u200b.\n")
    assert block.text == "The Licensor shall\nnot\nassign it."


def test_non_breaking_spaces_collapse_like_spaces() -> None:
    assert _texts("§\xa03  Arbeitszeit\n") == ["§ 3 Arbeitszeit"]


# --- where blocks start ---------------------------------------------------------------


def test_setext_underlines_make_headings_of_level_one_and_two() -> None:
    # spdx-licenses/pairs/mpl-1.1__mpl-2.0/new.txt
    title, section, definition = _read(
        "Mozilla Public License Version 2.0\n"
        "==================================\n"
        "\n"
        "1. Definitions\n"
        "--------------\n"
        "\n"
        '1.1. "Contributor"\n'
        "    means each individual or legal entity that creates, contributes to\n"
        "    the creation of, or owns Covered Software.\n"
    )
    assert (title.kind, title.heading, title.text) == (
        BlockKind.HEADING,
        1,
        "Mozilla Public License Version 2.0",
    )
    assert title.raw.endswith("==================================\n\n")
    assert (section.kind, section.heading, section.text) == (BlockKind.HEADING, 2, "1. Definitions")
    assert definition.kind is BlockKind.PARAGRAPH
    assert definition.text == (
        '1.1. "Contributor" means each individual or legal entity that creates, '
        "contributes to the creation of, or owns Covered Software."
    )


def test_hanging_indent_continues_the_numbered_item_above_it() -> None:
    # spdx-licenses/pairs/mpl-1.1__mpl-2.0/new.txt
    blocks = _read(
        '1.5. "Incompatible With Secondary Licenses"\n'
        "    means\n"
        "\n"
        "    (a) that the initial Contributor has attached the notice described\n"
        "        in Exhibit B to the Covered Software; or\n"
    )
    assert [(b.text, b.depth) for b in blocks] == [
        ('1.5. "Incompatible With Secondary Licenses" means', 0),
        (
            "(a) that the initial Contributor has attached the notice described in Exhibit B "
            "to the Covered Software; or",
            1,
        ),
    ]


def test_consecutive_lettered_items_without_blank_lines_are_separate_blocks() -> None:
    # spdx-licenses/pairs/epl-1.0__epl-2.0/new.txt: one line per paragraph, no blank lines
    text = (
        "“Contribution” means:\n"
        "\n"
        "a) in the case of the initial Contributor, the initial content Distributed under "
        "this Agreement, and\n"
        "b) in the case of each subsequent Contributor:\n"
        "i) changes to the Program, and\n"
        "ii) additions to the Program;\n"
        "where such changes and/or additions to the Program originate from and are "
        "Distributed by that particular Contributor. A Contribution “originates” from a "
        "Contributor if it was added to the Program by such Contributor itself or anyone "
        "acting on such Contributor's behalf. Contributions do not include changes or "
        "additions to the Program that are not Modified Works.\n"
        "“Contributor” means any person or entity that Distributes the Program.\n"
    )
    assert [t[:24] for t in _texts(text)] == [
        "“Contribution” means:",
        "a) in the case of the in",
        "b) in the case of each s",
        "i) changes to the Progra",
        "ii) additions to the Pro",
        "where such changes and/o",
        "“Contributor” means any ",
    ]


def test_next_lettered_item_splits_a_hard_wrapped_paragraph() -> None:
    # spdx-licenses/pairs/cc-by-3.0__cc-by-4.0/old.txt: items wrap, no blank lines between
    text = (
        " c. to Distribute and Publicly Perform the Work including as incorporated\n"
        "    in Collections; and,\n"
        " d. to Distribute and Publicly Perform Adaptations.\n"
        " e. For the avoidance of doubt:\n"
    )
    assert _texts(text) == [
        "c. to Distribute and Publicly Perform the Work including as incorporated in "
        "Collections; and,",
        "d. to Distribute and Publicly Perform Adaptations.",
        "e. For the avoidance of doubt:",
    ]


def test_wrapped_sentence_continuing_with_a_number_is_not_split() -> None:
    text = (
        "The Licensee may renew this Agreement for a further term of\n"
        "3 years, or for such other period as the parties agree in writing.\n"
    )
    assert len(_read(text)) == 1


def test_number_after_a_reference_word_continues_the_sentence() -> None:
    text = (
        "The licences granted to the Recipient are those set out in Section\n"
        "3.2 of this Agreement, and no others are granted by implication.\n"
        "3.3 Each party shall bear its own costs.\n"
    )
    assert _texts(text) == [
        "The licences granted to the Recipient are those set out in Section 3.2 of this "
        "Agreement, and no others are granted by implication.",
        "3.3 Each party shall bear its own costs.",
    ]


def test_dash_bullets_split_a_run_of_lines() -> None:
    # spdx-licenses/pairs/eupl-1.1__eupl-1.2/new.txt (wrapped at about 120 columns)
    text = (
        "The Licensor hereby grants You a worldwide, royalty-free, non-exclusive, "
        "sublicensable licence to do the following, for\n"
        "the duration of copyright vested in the Original Work:\n"
        "— use the Work in any circumstance and for all usage,\n"
        "— reproduce the Work,\n"
        "— communicate to the public, including the right to make available or display "
        "the Work or copies thereof to the public\n"
        "and perform publicly, as the case may be, the Work,\n"
        "— sublicense rights in the Work or copies thereof.\n"
        "Those rights can be exercised on any media, supports and formats, whether now "
        "known or later invented, as far as the\n"
        "applicable law permits so.\n"
    )
    assert [t[:16] for t in _texts(text)] == [
        "The Licensor her",
        "— use the Work i",
        "— reproduce the ",
        "— communicate to",
        "— sublicense rig",
        "Those rights can",
    ]


def test_line_ending_a_sentence_well_short_of_the_margin_ends_the_paragraph() -> None:
    # spdx-licenses/pairs/eupl-1.1__eupl-1.2/new.txt
    text = (
        "This European Union Public Licence (the ‘EUPL’) applies to the Work (as defined "
        "below) which is provided under the\n"
        "terms of this Licence. Any use of the Work, other than as authorised under this "
        "Licence is prohibited (to the extent such\n"
        "use is covered by a right of the copyright holder of the Work).\n"
        "The Work is provided under the terms of this Licence when the Licensor (as "
        "defined below) has placed the following\n"
        "notice immediately following the copyright notice for the Work:\n"
    )
    assert [t[:30] for t in _texts(text)] == [
        "This European Union Public Lic",
        "The Work is provided under the",
    ]


def test_each_line_is_a_paragraph_in_one_line_per_paragraph_text() -> None:
    # spdx-licenses/pairs/gpl-2.0-only__gpl-3.0-only/old.txt
    long_line = (
        "Everyone is permitted to copy and distribute verbatim copies of this license "
        "document, but changing it is not allowed. "
    ) * 3
    text = (
        "Copyright (C) 1989, 1991 Free Software Foundation, Inc.\n"
        "51 Franklin Street, Fifth Floor, Boston, MA  02110-1301, USA\n"
        f"\n{long_line}\n"
    )
    assert [t[:20] for t in _texts(text)] == [
        "Copyright (C) 1989, ",
        "51 Franklin Street, ",
        "Everyone is permitte",
    ]


def test_german_section_signs_on_consecutive_lines_are_separate_blocks() -> None:
    assert _texts("§ 3 Arbeitszeit der Arbeitnehmer\n§ 4 Ruhepausen\n§ 5 Ruhezeit\n") == [
        "§ 3 Arbeitszeit der Arbeitnehmer",
        "§ 4 Ruhepausen",
        "§ 5 Ruhezeit",
    ]


def test_boxed_text_is_read_without_its_frame() -> None:
    # spdx-licenses/pairs/mpl-1.1__mpl-2.0/new.txt
    text = (
        "************************************************************************\n"
        "*                                                                      *\n"
        "*  6. Disclaimer of Warranty                                           *\n"
        "*  -------------------------                                           *\n"
        "*                                                                      *\n"
        '*  Covered Software is provided under this License on an "as is"       *\n'
        "*  basis, without warranty of any kind, either expressed, implied, or  *\n"
        "*  statutory.                                                          *\n"
        "*                                                                      *\n"
        "************************************************************************\n"
    )
    heading, body = _read(text)
    assert (heading.kind, heading.heading, heading.text) == (
        BlockKind.HEADING,
        2,
        "6. Disclaimer of Warranty",
    )
    assert body.text == (
        'Covered Software is provided under this License on an "as is" basis, without '
        "warranty of any kind, either expressed, implied, or statutory."
    )


def test_a_single_starred_line_is_not_a_box() -> None:
    assert _texts("* Important notice *\n") == ["* Important notice *"]


# --- kinds ----------------------------------------------------------------------------


def test_short_all_caps_line_is_a_heading_of_unknown_rank() -> None:
    # spdx-licenses/pairs/gpl-2.0-only__gpl-3.0-only/old.txt
    blocks = _read(
        "NO WARRANTY\n"
        "\n"
        "11. BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY FOR THE "
        "PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE LAW.\n"
        "\n"
        "2. GRANT OF RIGHTS\n"
    )
    assert [(b.kind, b.heading) for b in blocks] == [
        (BlockKind.HEADING, 0),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.HEADING, 0),
    ]


def test_title_case_first_line_is_just_a_paragraph() -> None:
    (block,) = _read("The Artistic License 2.0\n")
    assert block.kind is BlockKind.PARAGRAPH


def test_page_numbers_are_other_blocks() -> None:
    # cuad/sample_contracts/dyntek-1999-online-hosting-agreement.txt
    blocks = _read("(iv) Diplomat involuntarily dissolves or is dissolved;\n\n- 3 -\n\nPAGE 4\n")
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.OTHER, BlockKind.OTHER]


def test_typed_numbers_stay_in_the_text_and_labels_stay_empty() -> None:
    blocks = _read("1.1. “Contributor” means each individual.\n\n(a) one;\n")
    assert [(b.text[:4], b.label) for b in blocks] == [("1.1.", ""), ("(a) ", "")]


# --- depth ----------------------------------------------------------------------------


def test_depth_ranks_distinct_indentations_from_the_margin() -> None:
    # spdx-licenses/pairs/epl-1.0__epl-2.0/old.txt
    blocks = _read(
        '"Contribution" means:\n'
        "     a) in the case of the initial Contributor, the initial code, and\n"
        "     b) in the case of each subsequent Contributor:\n"
        "          i) changes to the Program, and\n"
        "          ii) additions to the Program;\n"
    )
    assert [b.depth for b in blocks] == [0, 1, 1, 2, 2]


def test_four_and_five_space_indents_in_different_files_are_both_depth_one() -> None:
    for indent in ("    ", "     "):
        blocks = _read(f"Definitions:\n\n{indent}“Package” refers to the files.\n")
        assert [b.depth for b in blocks] == [0, 1]


def test_right_aligned_roman_numerals_share_one_depth() -> None:
    # spdx-licenses/pairs/cc-by-3.0__cc-by-4.0/old.txt
    blocks = _read(
        " e. For the avoidance of doubt:\n"
        "\n"
        "     i. Non-waivable Compulsory License Schemes. In those jurisdictions in\n"
        "        which the right to collect royalties cannot be waived;\n"
        "    ii. Waivable Compulsory License Schemes. In those jurisdictions in\n"
        "        which the right to collect royalties can be waived; and,\n"
        "   iii. Voluntary License Schemes. The Licensor waives the right to\n"
        "        collect royalties.\n"
    )
    assert [(b.text[:5], b.depth) for b in blocks] == [
        ("e. Fo", 0),
        ("i. No", 1),
        ("ii. W", 1),
        ("iii. ", 1),
    ]


def test_centred_title_is_not_nested() -> None:
    # spdx-licenses/pairs/agpl-1.0__agpl-3.0-only/new.txt
    blocks = _read(
        "                            Preamble\n"
        "\n"
        "The GNU Affero General Public License is a free, copyleft license for software.\n"
    )
    assert [(b.text, b.depth) for b in blocks] == [
        ("Preamble", 0),
        ("The GNU Affero General Public License is a free, copyleft license for software.", 0),
    ]


def test_an_article_number_on_its_own_line_takes_the_title_below_it() -> None:
    # Long agreements set "ARTICLE 2" and "ORGANISATION" on two lines; apart, the number
    # was a stray line and every section of the article was left without it.
    blocks = _read("ARTICLE 2\nORGANISATION\n\n2.1 Formation. The Partnership was formed.\n")
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, "ARTICLE 2 ORGANISATION"),
        (BlockKind.PARAGRAPH, "2.1 Formation. The Partnership was formed."),
    ]


def test_a_sentence_under_an_article_number_is_not_its_title() -> None:
    assert _texts("ARTICLE 2\nThe Partnership was formed on 1 January.\n") == [
        "ARTICLE 2",
        "The Partnership was formed on 1 January.",
    ]
