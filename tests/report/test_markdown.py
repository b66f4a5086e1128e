"""The Markdown report as GitHub would show it: tables, folded redlines, size limit.

The report is rendered here with markdown-it-py's GFM-like preset (tables,
strikethrough, raw HTML), a stand-in for GitHub's renderer, so the tests check
the structure a reader would see, not just strings in the source.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from draftdiff.diff.result import LEDGER_KINDS, Change, Comparison, Severity
from draftdiff.render.markdown import GITHUB_COMMENT_LIMIT, escape, render_markdown
from tests.conftest import corpus_path
from tests.diff.helpers import diff
from tests.report.hostile import hostile_comparison
from tests.report.semantic import sample_comparison, with_findings

GFM = MarkdownIt("gfm-like", {"html": True, "linkify": False})


class Tree(HTMLParser):
    """Start tags and the text of each table cell, from rendered Markdown."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def rendered(comparison: Comparison, **kwargs: int) -> Tree:
    return Tree(GFM.render(render_markdown(comparison, **kwargs)))


def test_ledger_and_changes_are_tables_with_one_cell_per_column() -> None:
    tree = rendered(with_findings())
    ledger = [r for r in tree.rows if len(r) == 7]
    assert ledger == [
        ["Bearer", "bears as", *(f"{k}s" for k in LEDGER_KINDS), "duties"],
        # Norland's own: two weak commitments; the joint one (10.2) is on its own row.
        ["Norland", "party (own)", "0 → 2 (+2)weak 0 → 2", "0 → 0", "6 → 6", "0 → 0", "0 → 0"],
        [
            "Velmora",
            "party (own)",
            "14 → 13 (−1)efforts only 0 → 2",
            "4 → 4",
            "1 → 2 (+1)",
            "2 → 2",
            "20 → 19 (−1)",
        ],
        [
            "Parties (jointly)",
            "all parties jointly (not in one-sidedness)",
            "0 → 1 (+1)weak 0 → 1",
            "0 → 0",
            "0 → 0",
            "0 → 0",
            "0 → 0",
        ],
        ["Board", "not a party", "2 → 3 (+1)", "0 → 0", "0 → 0", "0 → 0", "2 → 3 (+1)"],
        ["Fund", "not a party", "2 → 2", "0 → 0", "0 → 0", "0 → 0", "2 → 2"],
    ]
    changes = [r for r in tree.rows if len(r) == 5]
    assert changes[0] == ["Severity", "Change", "Party", "Clause", "What changed"]
    assert changes[1][:4] == ["▲ high", "obligation.weakened", "Velmora", "3.6"]
    assert changes[1][4].endswith("“shall”, “shall use reasonable efforts to”")
    assert len(changes) - 1 == len(with_findings().substantive)


def test_non_substantive_changes_are_counted_not_listed() -> None:
    source = render_markdown(with_findings())
    assert "Not substantive: 9 clause.renumbered." in source
    assert "`clause.renumbered`" not in source


def test_each_changed_clause_has_a_folded_redline() -> None:
    comparison = with_findings()
    tree = rendered(comparison)
    details = [t for t, _ in tree.tags if t == "details"]
    worded = [
        p
        for p in comparison.pairs
        if p.changed and not (p.status.value == "renumbered" and p.similarity == 1.0)
    ]
    assert len(details) == len(worded)
    assert any(t == "del" for t, _ in tree.tags) and any(t == "ins" for t, _ in tree.tags)
    source = render_markdown(comparison)
    # Evidence words are bold: old "shall" and new "shall use reasonable efforts to".
    assert "Velmora <b>shall </b><ins><b>use reasonable efforts to</b> </ins>adopt" in source


def test_split_parts_are_separate_paragraphs_in_the_redline() -> None:
    source = render_markdown(sample_comparison("fund-v2-middle.md", "fund-v3-final.md"))
    block = source[source.index("<b>5.4 → 5.4, 5.5</b>") :]
    block = block[: block.index("</details>")]
    assert (
        "approve each investment project.<del> </del> <ins>¶</ins>\n\nThe Board shall decide"
        in block
    )


def test_document_text_cannot_inject_markup_links_cells_or_mentions() -> None:
    comparison = hostile_comparison()
    html = GFM.render(render_markdown(comparison))
    tree = Tree(html)
    allowed = {"h2", "h3", "p", "code", "br", "strong", "table", "thead", "tbody", "tr", "th",
               "td", "details", "summary", "b", "del", "ins", "sub", "blockquote"}  # fmt: skip
    assert {t for t, _ in tree.tags} <= allowed
    assert not any("href" in a or "src" in a for _, a in tree.tags)
    text = "".join(tree.text)
    assert "<script>window.__pwned = 1</script>" in text
    assert "[here](javascript:window.__pwned=3)" in text
    assert "{{ 7*7 }}" in text
    changes = [r for r in tree.rows if len(r) == 5]
    assert changes[1][2] == '<img src=x onerror="window.__pwned = 7">'  # a whole cell, as text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1. Numbered", "1. Numbered"),
        ("- dash", "- dash"),
        ("# hash", "# hash"),
        ("a | b", "a | b"),
        ("*not em* _nor_ `code`", "*not em* _nor_ `code`"),
        ("~~not struck~~", "~~not struck~~"),
        ("&amp; stays", "&amp; stays"),
        ("![img](x.png)", "![img](x.png)"),
    ],
)
def test_escaped_text_renders_as_itself(text: str, shown: str) -> None:
    html = GFM.render(escape(text))
    tree = Tree(html)
    assert {t for t, _ in tree.tags} == {"p"}
    assert "".join(tree.text).strip() == shown


def test_mentions_are_defused_but_email_addresses_are_left_alone() -> None:
    assert escape("ask @legal-team now") == "ask @\u2060legal-team now"
    assert escape("write to legal@example.com") == "write to legal@example.com"


def test_a_long_report_is_cut_to_fit_with_a_note() -> None:
    pair = corpus_path("ota-terms", "pairs", "bluesky-tos__2025-06-18__2025-08-15")
    from draftdiff.diff.compare import compare
    from draftdiff.parse.document import parse_file

    comparison = compare(parse_file(pair / "old.md"), parse_file(pair / "new.md"))
    full = render_markdown(comparison, limit=10**9)
    assert len(full) > GITHUB_COMMENT_LIMIT  # the case the limit exists for
    cut = render_markdown(comparison)
    assert len(cut) <= GITHUB_COMMENT_LIMIT
    note = re.search(r"\*\*Truncated:\*\* (\d+) of (\d+) redlines left out", cut)
    assert note is not None
    left_out, total = int(note[1]), int(note[2])
    assert 0 < left_out < total
    assert cut.count("<details>") == total - left_out
    assert "draftdiff report" in cut[note.end() :]
    # The tables are intact: every substantive change still has its row.
    assert cut.count("\n| ") - cut.count("\n| Party") >= len(comparison.substantive)


def test_when_even_the_table_does_not_fit_rows_are_cut_too() -> None:
    base = diff(["1. A."], ["1. B."])
    many = tuple(
        Change("obligation.added", Severity.LOW, f"duty number {i} " + "x" * 80, "P", None, "1")
        for i in range(400)
    )
    source = render_markdown(replace(base, changes=many), limit=8000)
    assert len(source) <= 8000
    assert re.search(r"\*\*Truncated:\*\* \d+ of 400 changes left out", source)
    assert "<details>" not in source


def test_markdown_of_identical_versions_says_nothing_changed() -> None:
    source = render_markdown(sample_comparison("fund-v2-middle.md", "fund-v2-middle.md"))
    assert "No substantive change." in source and "<details>" not in source
