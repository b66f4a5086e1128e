"""Provides a generator of long LPA-style .docx files numbered the way Word stores them.

    .venv/bin/python -m bench.lpa_docx OUT.docx [--seed N] [--words 40000] [--roman]

What the issue-9 agreement had, built as Word writes it (no file like it was found
in public repositories):

- one multi-level abstractNum for the body: level 0 "ARTICLE %1" bound to Heading 1
  (w:pStyle in the level, w:numPr in the style), level 1 "%1.%2" bound to Heading 2,
  level 2 "%1.%2.%3", level 3 "%1.%2.%3.%4" (w:isLgl on the deeper levels), levels
  4/5 "(a)"/"(i)"; paragraphs numbered by their style only;
- a heading style whose w:numPr has no w:ilvl (Heading 1) and ones that name it;
- a separate list for the "(a)"/"(b)" items inside definitions, restarted per
  definition with a new w:num and w:startOverride;
- a second w:num of the body abstractNum that continues the sequence, and one with
  a w:lvlOverride/w:startOverride that restarts a level;
- numbering continued through a table;
- "Restart numbering" on the first section of some articles, as Word writes it: a
  new w:num with a w:startOverride on every level, named directly by that
  article's section paragraphs (issue 9: Article 2's sections read as "1.1");
- "Restart numbering" on the last article ("ARTICLE 1" again, "General Provisions");
- a table of contents (w:sdt, TOC field, typed numbers, PAGEREF page numbers);
- filler text to the requested length, every paragraph's text unique so the
  LibreOffice export can be matched line by line.

The generator uses tests/parse/docx_build.py for the package; the text comes from a
seeded word list, so a seed gives the same file every time.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from tests.parse.docx_build import abstract, docx, level, num, p, style

_WORDS = [
    "partnership",
    "general",
    "partner",
    "limited",
    "partners",
    "capital",
    "contribution",
    "distribution",
    "allocation",
    "profits",
    "losses",
    "fund",
    "investment",
    "portfolio",
    "company",
    "management",
    "fee",
    "carried",
    "interest",
    "commitment",
    "drawdown",
    "notice",
    "advisory",
    "committee",
    "key",
    "person",
    "event",
    "removal",
    "transfer",
    "assignment",
    "admission",
    "withdrawal",
    "dissolution",
    "liquidation",
    "winding",
    "reserve",
    "expenses",
    "indemnification",
    "exculpation",
    "tax",
    "return",
    "audit",
    "valuation",
    "report",
    "quarterly",
    "annual",
    "meeting",
    "consent",
    "majority",
    "interest",
    "default",
    "remedy",
    "interest",
    "rate",
    "escrow",
    "clawback",
    "waterfall",
    "hurdle",
    "preferred",
    "return",
    "catch-up",
    "offset",
    "placement",
    "agent",
    "conflict",
    "affiliate",
    "co-investment",
    "side",
    "letter",
    "regulatory",
    "authority",
    "jurisdiction",
]
_TERMS = (
    "Affiliate",
    "Aggregate Commitments",
    "Business Day",
    "Capital Account",
    "Capital Contribution",
    "Carried Interest",
    "Commitment Period",
    "Defaulting Partner",
    "Distribution Amount",
    "Fund Expenses",
    "Investment",
    "Key Person",
    "Management Fee",
    "Net Proceeds",
    "Portfolio Company",
    "Preferred Return",
    "Removal Event",
    "Transfer",
)
_ARTICLES = (
    "Definitions and Interpretation",
    "Formation and Organisation",
    "Capital Contributions",
    "Allocations",
    "Distributions",
    "Management",
    "Fees and Expenses",
    "Transfers and Withdrawals",
    "Default",
    "Accounting and Reports",
    "Dissolution",
    "General Provisions",
)


_STYLE1 = '<w:pStyle w:val="Heading1"/>'
_STYLE2 = '<w:pStyle w:val="Heading2"/>'


def _numbering(roman: bool = False) -> str:
    body = abstract(
        0,
        level(0, "upperRoman" if roman else "decimal", "ARTICLE %1", extra=_STYLE1),
        # US style: "ARTICLE IV" over "Section 4.01" (w:isLgl turns the roman into 4).
        level(1, "decimalZero", "Section %1.%2", extra=_STYLE2 + "<w:isLgl/>")
        if roman
        else level(1, "decimal", "%1.%2", extra=_STYLE2),
        level(2, "decimal", "%1.%2.%3", extra='<w:pStyle w:val="Heading3"/><w:isLgl/>'),
        level(3, "decimal", "%1.%2.%3.%4", extra='<w:pStyle w:val="Heading4"/><w:isLgl/>'),
        level(4, "lowerLetter", "(%5)", extra='<w:pStyle w:val="Heading5"/>'),
        level(5, "lowerRoman", "(%6)", extra='<w:pStyle w:val="Heading6"/>'),
        extra='<w:multiLevelType w:val="multilevel"/>',
    )
    items = abstract(
        1,
        level(0, "lowerLetter", "(%1)", extra='<w:ind w:left="1440" w:hanging="720"/>'),
        level(1, "lowerRoman", "(%2)", extra='<w:ind w:left="2160" w:hanging="720"/>'),
        extra='<w:multiLevelType w:val="hybridMultilevel"/>',
    )
    # numId 1: the body list; 2: the same abstractNum, continuing it; 3: the same
    # abstractNum restarting level 2 at 1 on first use; 10+: one per definition.
    nums = num(1, 0) + num(2, 0)
    nums += num(3, 0, '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride>')
    nums += "".join(
        num(10 + i, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
        for i in range(len(_TERMS) + 1)
    )
    every_level = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
        for i in range(9)
    )
    nums += "".join(num(_RESTART_NUM + i, 0, every_level) for i in (0, *_RESTARTED))
    return body + items + nums


def _styles() -> str:
    heading1 = '<w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>'
    out = style("Normal", "Normal") + style("Heading1", "heading 1", heading1, "Normal")
    for depth in range(1, 6):
        ppr = (
            f'<w:numPr><w:ilvl w:val="{depth}"/><w:numId w:val="1"/></w:numPr>'
            f'<w:outlineLvl w:val="{depth}"/>'
        )
        out += style(f"Heading{depth + 1}", f"heading {depth + 1}", ppr, "Normal")
    out += style("BodyText", "Body Text", '<w:ind w:left="720"/>', "Normal")
    out += style("TOCHeading", "TOC Heading", "", "Normal")
    out += style("TOC1", "toc 1", "", "Normal") + style(
        "TOC2", "toc 2", '<w:ind w:left="220"/>', "Normal"
    )
    return out


class _Text:
    """Unique filler sentences: a seeded word stream plus a running serial."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.serial = 0
        self.words = 0

    def sentence(self, length: int) -> str:
        self.serial += 1
        words = [self.random.choice(_WORDS) for _ in range(length)]
        self.words += length + 1
        return f"The {' '.join(words)} shall apply in case {self.serial}."


def build(seed: int = 1, words: int = 40_000, roman: bool = False) -> bytes:
    """An LPA-style .docx of about `words` words; `roman`: "ARTICLE IV", "Section 4.01"."""
    text = _Text(seed)
    body: list[str] = [p("AMENDED AND RESTATED LIMITED PARTNERSHIP AGREEMENT")]
    body.append(_contents())
    body.append(p(text.sentence(40)))
    per_article = max(1, words // len(_ARTICLES))
    for index, title in enumerate(_ARTICLES):
        numpr = ""
        if index == len(_ARTICLES) - 1:
            # "Restart numbering" on the last article: Word prints "ARTICLE 1" again.
            numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{_RESTART_NUM}"/></w:numPr>'
        body.append(p(title.upper(), '<w:pStyle w:val="Heading1"/>' + numpr))
        goal = text.words + per_article
        if index == 0:
            body.extend(_definitions(text))
        section = 0
        sections: list[str] = []
        while text.words < goal:
            section += 1
            sections.extend(_section(text, index, section))
        if index in _RESTARTED:
            sections = [_restarted(paragraph, _RESTART_NUM + index) for paragraph in sections]
        body.extend(sections)
    return docx("".join(body), numbering=_numbering(roman), styles=_styles())


def _toc_entry(style_id: str, number: str, title: str, page: int) -> str:
    """A TOC paragraph as Word writes it: a hyperlink holding the heading's number as
    typed text, a tab, the title, a tab and a PAGEREF field with the page."""
    tab = "<w:r><w:tab/></w:r>"
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{page}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    runs = (
        f'<w:hyperlink w:anchor="_Toc1" w:history="1"><w:r><w:t>{number}</w:t></w:r>{tab}'
        f"<w:r><w:t>{title}</w:t></w:r>{tab}{field}</w:hyperlink>"
    )
    tabs = '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>'
    ppr = f'<w:pStyle w:val="{style_id}"/>{tabs}'
    return p(ppr=ppr, runs=runs)


def _contents() -> str:
    """A table of contents in a w:sdt, the way Word inserts one: article entries
    ("ARTICLE 3<tab>CAPITAL CONTRIBUTIONS<tab>7") and a few section entries."""
    entries = [p("TABLE OF CONTENTS", '<w:pStyle w:val="TOCHeading"/>')]
    for index, title in enumerate(_ARTICLES):
        entries.append(_toc_entry("TOC1", f"ARTICLE {index + 1}", title.upper(), 2 + 3 * index))
        for section in range(1, 3):
            entries.append(
                _toc_entry(
                    "TOC2", f"{index + 1}.{section}", f"Heading {index}-{section}", 2 + 3 * index
                )
            )
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    entries[1] = entries[1].replace("<w:hyperlink", begin + "<w:hyperlink", 1)
    entries.append(p(runs='<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    gallery = (
        '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "<w:docPartUnique/></w:docPartObj></w:sdtPr>"
    )
    return f"<w:sdt>{gallery}<w:sdtContent>{''.join(entries)}</w:sdtContent></w:sdt>"


_RESTARTED = (1, 4, 7, 10)
"""Articles whose sections were given "Restart numbering" in Word: a new w:num with a
w:startOverride on every level, named by each of the article's section paragraphs."""
_RESTART_NUM = 100


def _restarted(paragraph: str, num_id: int) -> str:
    """The paragraph with direct numbering in the restart list, if it is numbered by a
    section-level heading style and has no direct numbering yet."""
    match = re.search(r'<w:pStyle w:val="Heading([2-6])"/>', paragraph)
    if match is None or "<w:numPr>" in paragraph:
        return paragraph
    ilvl = int(match.group(1)) - 1
    numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return paragraph.replace(match.group(0), match.group(0) + numpr, 1)


def _heading(depth: int, content: str, num_id: int | None = None) -> str:
    ppr = f'<w:pStyle w:val="Heading{depth + 1}"/>'
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{depth}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(content, ppr)


def _definitions(text: _Text) -> list[str]:
    out = [_heading(1, "Definitions. " + text.sentence(12))]
    for index, term in enumerate(_TERMS):
        out.append(
            p(f"\u201c{term}\u201d means {text.sentence(25)}", '<w:pStyle w:val="BodyText"/>')
        )
        if index % 3 == 1:
            for _ in range(2 + index % 3):
                numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{10 + index}"/></w:numPr>'
                out.append(p(text.sentence(18), numpr))
            out.append(p("provided that " + text.sentence(15), '<w:pStyle w:val="BodyText"/>'))
    out.append(_heading(1, "Interpretation. " + text.sentence(30)))
    return out


def _section(text: _Text, article: int, section: int) -> list[str]:
    """One section: heading, sometimes sub-sections, items and an unnumbered tail."""
    rnd = text.random
    out = [_heading(1, f"Heading {article}-{section}. " + text.sentence(45))]
    if rnd.random() < 0.3:
        out.append(p(text.sentence(50), '<w:pStyle w:val="BodyText"/>'))
    for sub in range(rnd.choice((0, 0, 2, 3, 4))):
        # A few sub-sections are written with the continuing second w:num.
        num_id = 2 if (article + section + sub) % 7 == 0 else None
        out.append(_heading(2, text.sentence(40), num_id))
        for _ in range(rnd.choice((0, 0, 2, 3))):
            out.append(_heading(3, text.sentence(35)))
        if rnd.random() < 0.4:
            for _ in range(rnd.choice((2, 3))):
                out.append(_heading(4, text.sentence(25)))
                if rnd.random() < 0.3:
                    out.extend(_heading(5, text.sentence(15)) for _ in range(2))
            out.append(p(text.sentence(30), '<w:pStyle w:val="BodyText"/>'))
    if section == 3:
        # Sub-sections laid out in a table keep counting through it.
        cells = "".join(
            f"<w:tr><w:tc>{_heading(2, text.sentence(20))}</w:tc>"
            f"<w:tc>{p(text.sentence(8))}</w:tc></w:tr>"
            for _ in range(2)
        )
        out.append(f"<w:tbl><w:tblGrid/>{cells}</w:tbl>")
        out.append(_heading(2, text.sentence(20)))
    if section == 5 and article % 4 == 2:
        # "Restart numbering" on a level-2 item: a w:num with a startOverride.
        out.append(_heading(2, text.sentence(20), 3))
        out.append(_heading(2, text.sentence(20)))
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    words = int(argv[argv.index("--words") + 1]) if "--words" in argv else 40_000
    Path(argv[0]).write_bytes(build(seed, words, "--roman" in argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
