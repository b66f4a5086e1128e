"""The clause tree a schema builds from blocks: levels, ids, titles, attachment.

Blocks are written inline, as a reader would deliver them, so each test states
one rule of the builder."""

from __future__ import annotations

from draftdiff.model import Block, BlockKind
from draftdiff.parse.document import parse_text
from draftdiff.parse.structure import build
from draftdiff.schema.load import builtin_schemas

AGREEMENT = builtin_schemas()["agreement"]


def para(text: str, depth: int = 0, label: str = "") -> Block:
    kind = BlockKind.LIST_ITEM if label else BlockKind.PARAGRAPH
    return Block(text, text + "\n\n", 0, kind=kind, label=label, depth=depth)


def heading(text: str, level: int, label: str = "", depth: int = 0) -> Block:
    return Block(
        text, text + "\n\n", 0, kind=BlockKind.HEADING, heading=level, label=label, depth=depth
    )


def outline(blocks: list[Block]) -> list[str]:
    structure = build(blocks, AGREEMENT)
    out = []
    for top in structure.clauses:
        for clause in top.walk():
            out.append("  " * clause.depth + f"{clause.id} {clause.level}")
    return out


def test_articles_sections_and_paragraphs_nest_with_path_ids() -> None:
    assert outline(
        [
            heading("Article 1 — Definitions", 2),
            para("1.1 In this Agreement:"),
            para('(a) "Fund" means the fund;'),
            para('(b) "Board" means its board.'),
            para("1.2 Headings are for convenience."),
            heading("Article 2 — Contributions", 2),
            para("2.1 Velmora shall contribute."),
        ]
    ) == [
        "1 article",
        "  1.1 section",
        "    1.1(a) paragraph",
        "    1.1(b) paragraph",
        "  1.2 section",
        "2 article",
        "  2.1 section",
    ]


def test_letter_i_after_h_is_a_paragraph_but_i_under_a_is_a_roman_subparagraph() -> None:
    letters = [para(f"({c}) text {c};") for c in "abcdefgh"]
    assert outline([para("1.1 Terms:"), *letters, para("(i) ninth letter;")])[-1] == (
        "  1.1(i) paragraph"
    )
    assert outline(
        [para("1.1 Terms:"), para("(a) first:"), para("(i) roman one;"), para("(ii) roman two;")]
    )[-2:] == [
        "    1.1(a)(i) subparagraph",
        "    1.1(a)(ii) subparagraph",
    ]


def test_title_is_kept_as_a_clause_and_named() -> None:
    structure = build([heading("Fund Agreement", 1), para("1.1 Text.")], AGREEMENT)
    assert structure.title == "Fund Agreement"
    assert [c.id for c in structure.clauses] == ["title", "1.1"]


def test_unnumbered_paragraphs_before_the_first_clause_get_paragraph_ids() -> None:
    assert outline(
        [
            heading("T", 1),
            para("Preamble one."),
            para("Recital two."),
            heading("Article 1 — Scope", 2),
        ]
    ) == [
        "title title",
        "¶1 body",
        "¶2 body",
        "1 article",
    ]


def test_nested_markdown_lists_repeating_1_get_composite_ids() -> None:
    # Common Paper CSA v2.1: "1." lists nested in "1." lists render as 1 / 1.1 / 1.2.
    assert outline(
        [
            para("Service", label="1."),
            para("Access and Use. During the period ...", depth=1, label="1."),
            para("Support. During the period ...", depth=1, label="2."),
            para("Restrictions", label="2."),
            para("Customer will not ...", depth=1, label="1."),
        ]
    ) == ["1 section", "  1.1 section", "  1.2 section", "2 section", "  2.1 section"]


def test_list_under_lettered_heading_takes_the_heading_letter() -> None:
    # Claude commercial terms: "A. Services" heading then a "1." list -> A.1, as the
    # later version prints it.
    assert outline(
        [
            heading("A. Services", 2),
            para("Overview. Subject to these Terms ...", label="1."),
            heading("B. Customer Content", 2),
            para("Ownership. Customer retains ...", label="1."),
        ]
    ) == ["A division", "  A.1 section", "B division", "  B.1 section"]


def test_paragraph_after_indented_items_returns_to_the_enclosing_section() -> None:
    # GPL-2.0 section 2: items a)-c) indented, then an unindented paragraph of section 2.
    assert outline(
        [
            para("2. You may modify your copy ..."),
            para("a) You must cause ...", depth=1),
            para("b) You must cause ...", depth=1),
            para("These requirements apply to the modified work as a whole."),
            para("3. You may copy ..."),
        ]
    ) == ["2 section", "  2(a) paragraph", "  2(b) paragraph", "  2¶1 body", "3 section"]


def test_unnumbered_heading_after_an_article_is_its_sibling_not_its_child() -> None:
    assert outline(
        [
            heading("Article 9 — Final Provisions", 2),
            para("9.1 This Agreement enters into force on signature."),
            heading("Annex", 2),
            para("Schedule of payments."),
        ]
    ) == ["9 article", "  9.1 section", "¶1 heading", "  ¶1¶1 body"]


def test_repeated_numbers_stay_unique() -> None:
    ids = [
        line.strip().split()[0]
        for line in outline(
            [para("1.1 One."), para("1.1 Again, a drafting slip."), para("1.2 Two.")]
        )
    ]
    assert ids == ["1.1", "1.1~2", "1.2"]


def test_large_number_starting_a_sentence_is_not_a_clause_number() -> None:
    assert outline([para("1.1 Text."), para("2025. That was the year it began.")]) == [
        "1.1 section",
        "  1.1¶1 body",
    ]


def test_document_without_numbers_falls_back_with_a_reason() -> None:
    structure = build([para(f"Paragraph {w} of plain prose.") for w in "abcdef"], AGREEMENT)
    assert "no clause numbers or headings recognised" in structure.fallback
    assert "paragraph by paragraph" in structure.fallback
    assert len(structure.clauses) == 6


def test_fallback_note_names_the_schema_chosen_not_the_first_built() -> None:
    # Schemas sharing levels share one built tree; the note must still name the winner.
    licence = "\n\n".join(
        f"The Licensor grants You a copyright licence, paragraph {w}." for w in "abcdef"
    )
    document = parse_text(licence, fmt="text")
    assert document.schema == "license"
    assert "recognised by schema 'license'" in document.fallback


def test_clause_text_drops_the_number_and_keeps_the_heading_words() -> None:
    structure = build([heading("Article 3 — Payment", 2), para("3.1 Buyer shall pay.")], AGREEMENT)
    article = structure.clauses[0]
    assert (article.number, article.heading, article.text) == ("Article 3", "Payment", "Payment")
    assert (article.children[0].number, article.children[0].text) == ("3.1", "Buyer shall pay.")


def test_a_label_no_level_matches_stays_in_front_of_the_clause_text() -> None:
    # Word can number lists "ONE", "TWO" (cardinalText); no level of the schema reads
    # those, so the words must not vanish from the clause.
    structure = build(
        [para(": The name of this corporation is Acme.", label="ONE"), para("Body.")],
        AGREEMENT,
    )
    texts = [c.text for top in structure.clauses for c in top.walk()]
    assert texts == ["ONE: The name of this corporation is Acme.", "Body."]


def test_ordinal_articles_of_a_charter_hold_what_follows_them() -> None:
    # The NVCA charter: Word numbers its articles "First", "Second" ... (ordinalText);
    # typed charters write "FOURTH:". "A. COMMON STOCK" belongs to Fourth.
    assert outline(
        [
            para(": The name of this corporation is Acme.", label="First"),
            para(": The total number of shares is 100.", label="Second"),
            heading("A. COMMON STOCK", 3),
            para("1.1 General. The rights of the Common Stock ..."),
            para("THIRD: The Board may adopt bylaws."),
        ]
    ) == [
        "First ordinal",
        "Second ordinal",
        "  A division",
        "    1.1 section",
        "THIRD ordinal",
    ]


def test_paragraph_after_a_lettered_item_returns_to_the_clause_when_a_new_clause_follows() -> None:
    # Nothing indented: the numbers after the paragraph decide. "1.2" follows, so the
    # paragraph closes 1.1, it is not a second paragraph of (b).
    assert outline(
        [
            para("1.1 Supplier shall deliver:"),
            para("(a) the Goods; and"),
            para("(b) the Documents."),
            para("Delivery is at the Site."),
            para("1.2 Title passes on payment."),
        ]
    ) == [
        "1.1 section",
        "  1.1(a) paragraph",
        "  1.1(b) paragraph",
        "  1.1¶1 body",
        "1.2 section",
    ]


def test_paragraph_between_b_and_c_continues_b() -> None:
    assert outline(
        [
            para("1.1 Supplier shall deliver:"),
            para("(a) the Goods;"),
            para("(b) the Documents, which"),
            para("must be originals;"),
            para("(c) the Keys."),
        ]
    )[2:] == ["  1.1(b) paragraph", "    1.1(b)¶1 body", "  1.1(c) paragraph"]


def test_lead_in_after_an_item_to_a_roman_list_stays_in_the_item() -> None:
    assert outline(
        [
            para("1.1 Supplier shall deliver:"),
            para("(a) the Goods;"),
            para("(b) the Documents, namely"),
            para("in each case:"),
            para("(i) the invoice;"),
            para("(ii) the packing list."),
        ]
    )[2:] == [
        "  1.1(b) paragraph",
        "    1.1(b)¶1 body",
        "    1.1(b)(i) subparagraph",
        "    1.1(b)(ii) subparagraph",
    ]


def test_indented_paragraph_after_a_lettered_item_continues_it() -> None:
    assert outline(
        [
            para("1.1 Supplier shall deliver:"),
            para("(a) the Goods, which", depth=1),
            para("must be new.", depth=2),
            para("1.2 Title passes on payment."),
        ]
    ) == ["1.1 section", "  1.1(a) paragraph", "    1.1(a)¶1 body", "1.2 section"]


def test_quoted_definitions_are_siblings_and_hold_the_items_after_them() -> None:
    assert outline(
        [
            para("1.1 In this Agreement:"),
            para("“Affiliate” means any person that:"),
            para("(a) controls a Party; or"),
            para("(b) is controlled by a Party."),
            para('"Business Day" shall mean a day banks are open.'),
            para("“Cause” or “Good Reason” means:"),
            para("(a) fraud; or"),
            para("(b) wilful misconduct."),
            para("1.2 Headings are for convenience."),
        ]
    ) == [
        "1.1 section",
        "  1.1¶1 body",
        "    1.1¶1(a) paragraph",
        "    1.1¶1(b) paragraph",
        "  1.1¶2 body",
        "  1.1¶3 body",
        "    1.1¶3(a) paragraph",
        "    1.1¶3(b) paragraph",
        "1.2 section",
    ]


def test_unquoted_definitions_count_only_in_a_definitions_section() -> None:
    defined = [
        heading("Article 1 — Definitions", 2),
        para("Business Day: a day on which banks are open;"),
        para("(a) in London; and"),
        para("(b) in Paris."),
        para("Fund: the fund set up by Article 2."),
    ]
    assert outline(defined)[1:] == [
        "  1¶1 body",
        "    1¶1(a) paragraph",
        "    1¶1(b) paragraph",
        "  1¶2 body",
    ]
    elsewhere = [heading("Article 4 — Notices", 2), *defined[1:]]
    assert outline(elsewhere)[1:] == [
        "  4¶1 body",
        "  4(a) paragraph",
        "  4(b) paragraph",
        "  4¶2 body",
    ]


def test_second_lettered_list_in_a_clause_belongs_to_its_lead_in() -> None:
    # ChatGPT terms: "For Builders of GPTs:" (a)-(d), then "For Users of GPTs:" (a)-(d).
    ids = [
        line.split()[0]
        for line in outline(
            [
                heading("5. GPTs", 2),
                para("For Builders of GPTs:"),
                para("(a) Content."),
                para("(b) Removal."),
                para("For Users of GPTs:"),
                para("(a) Third Party GPTs."),
                para("(b) Reporting."),
            ]
        )
    ]
    assert ids == ["5", "5¶1", "5(a)", "5(b)", "5¶2", "5¶2(a)", "5¶2(b)"]


def test_typed_number_continues_the_sequence_at_its_own_indentation() -> None:
    # CC BY 4.0: "3. Term." indented like "2. Exceptions" under "a." continues that
    # list, not the top-level "2. Scope".
    assert outline(
        [
            para("1. Definitions."),
            para("2. Scope."),
            para("a. License grant.", depth=1),
            para("1. Subject to the terms ...", depth=2),
            para("2. Exceptions and Limitations ...", depth=2),
            para("3. Term. The term of this Public License ...", depth=2),
            para("b. Other rights.", depth=1),
            para("3. License Conditions."),
        ]
    ) == [
        "1 section",
        "2 section",
        "  a paragraph",
        "    a.1 section",
        "    a.2 section",
        "    a.3 section",
        "  b paragraph",
        "3 section",
    ]


def test_roman_list_indented_under_a_capital_item_starts_inside_it() -> None:
    # CC BY 4.0 section 3(a)(1)(A): "i." .. "ii." are set under "A."; the schema ranks
    # roman numerals above capitals, so only the indentation can tell.
    assert outline(
        [
            para("3. License Conditions.", depth=0),
            para("a. Attribution.", depth=1),
            para("1. If You Share the Licensed Material, You must:", depth=2),
            para("A. retain the following:", depth=3),
            para("i. identification of the creator;", depth=4),
            para("ii. a copyright notice;", depth=4),
            para("B. indicate if You modified it;", depth=3),
            para("2. You may satisfy the conditions ...", depth=2),
        ]
    ) == [
        "3 section",
        "  a paragraph",
        "    1 section",
        "      A item",
        "        i subparagraph",
        "        ii subparagraph",
        "      B item",
        "    2 section",
    ]


def test_plain_text_partnership_agreement_keeps_articles_definitions_and_items_apart() -> None:
    # The shape of the 40,000-word agreement, as plain text: articles on two
    # lines, unnumbered definitions holding (a)/(b), a paragraph after an item.
    text = "\n\n".join(
        [
            "LIMITED PARTNERSHIP AGREEMENT",
            "ARTICLE 1\nDEFINITIONS",
            "1.1 Definitions. In this Agreement:",
            '"Affiliate" means any person that:',
            "(a) controls the Partnership; or",
            "(b) is controlled by it.",
            '"Capital Contribution" means the amount contributed.',
            "1.2 Interpretation. Headings are for convenience.",
            "ARTICLE 2\nORGANISATION",
            "2.1 Name. The name is Fund LP.",
            "(a) The General Partner may change the name.",
            "The Partnership shall notify the Limited Partners.",
            "2.2 Office. The office is in Delaware.",
        ]
    )
    tree = ["  " * c.depth + c.id for c in parse_text(text, fmt="text", schema="agreement").walk()]
    assert tree == [
        "title",
        "1",
        "  1.1",
        "    1.1¶1",
        "      1.1¶1(a)",
        "      1.1¶1(b)",
        "    1.1¶2",
        "  1.2",
        "2",
        "  2.1",
        "    2.1(a)",
        "    2.1¶1",
        "  2.2",
    ]
