"""Shared for the reader tests: generated drafts and the invariants every reader keeps."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from draftdiff.model import Block, BlockKind

# Lines a draft agreement is made of, in plain text and Markdown, including the awkward
# ones: typed numbers, setext underlines, boxes, HTML, odd whitespace and separators.
FRAGMENTS = [
    "1. Definitions",
    "1.1. “Contributor” means each individual or legal entity",
    "1.1 Access and Use.",
    "(a) under intellectual property rights; and",
    "a) in the case of the initial Contributor, and",
    "b) in the case of each subsequent Contributor:",
    "(iv) Diplomat involuntarily dissolves;",
    "iv. Voluntary License Schemes.",
    "A. Historically, Diplomat has been engaged",
    "A.1. **Overview.** Subject to these Terms,",
    "Section 3. TERM.",
    "Article 7",
    "§ 3 Arbeitszeit der Arbeitnehmer",
    "(3a) Das Bundesministerium der Verteidigung kann",
    "the term of",
    "3 years, renewable",
    "NO WARRANTY",
    "TERMS AND CONDITIONS",
    "Mozilla Public License Version 2.0",
    "==================================",
    "--------------",
    "---",
    "* * *",
    "************************************************************************",
    "*  6. Disclaimer of Warranty                                           *",
    "*                                                                      *",
    "# Cloud Service Agreement",
    "## USING THIS AGREEMENT",
    "### 1\\. Your Access to the Services",
    "- If you live in the EEA, your terms are [here](#EEA).",
    "* You are at least 13 years old;",
    '    1. <span class="header_3" id="1.1">Access and Use.</span>  During the',
    '<span class="coverpage_link">Customer</span> may copy &amp; use',
    "<div>",
    "</div>",
    "<!-- comment -->",
    "| a | b |",
    "|---|---|",
    "```",
    "> OpenAI, L.L.C.  ",
    "---\nTitle: Arbeitszeitgesetz\n---",
    "        aa) nach dem Stand der Technik",
    "     i. Non-waivable",
    "    ii. Waivable",
    "   iii. Voluntary",
    "— ‘The Licence’:this Licence.",
    "Ausfertigungsdatum\n:   1994-06-06",
    "\tindented with a tab",
    "  ",
    "",
    "\x0c",
    "text with \u2029 paragraph separator and \u2028 line separator",
    "control \x00 \x1b \x7f \x85 characters",
    "zero\u200bwidth and word\u2060joiner and soft\u00adhyphen",
    "non\xa0breaking space",
    "emoji 📜 and combining e\u0301",
]
LINE_ENDINGS = ["\n", "\n", "\n", "\r\n", "\r"]

drafts = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)),
        st.sampled_from(LINE_ENDINGS),
    ),
    max_size=40,
).map(lambda lines: "".join(text + ending for text, ending in lines)) | st.text(max_size=200)

_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b\u2060\u00ad\ufeff]")


def line_starts(text: str) -> list[int]:
    """Offsets where lines start, counting "\\r\\n", "\\r" and "\\n" as line ends."""
    starts = [0]
    starts.extend(match.end() for match in re.finditer(r"\r\n|\r|\n", text))
    return starts


def check_reader_invariants(
    text: str, blocks: tuple[Block, ...], trailer: str, *, literal_ok: bool = False
) -> None:
    """What every reader promises, whatever the input.

    `literal_ok` allows OTHER blocks (fenced code) to keep their own spacing.
    """
    assert "".join(block.raw for block in blocks) + trailer == text
    assert trailer in ("", text)
    if not blocks:
        assert trailer == text
    starts = line_starts(text)
    offset = 0
    previous_line = 0
    for index, block in enumerate(blocks):
        assert block.text, "no empty blocks"
        assert block.text == block.text.strip()
        assert not _FORBIDDEN.search(block.text)
        if not (literal_ok and block.kind is BlockKind.OTHER):
            assert "  " not in block.text
            assert " \n" not in block.text
            assert "\n " not in block.text
        assert block.line > previous_line
        previous_line = block.line
        assert block.depth >= 0
        assert 0 <= block.heading <= 6
        if index:
            # Every block but the first starts its raw exactly at its first line.
            assert offset == starts[block.line - 1]
        offset += len(block.raw)
