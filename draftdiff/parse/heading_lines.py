"""Provides `join_heading_lines`: headings typed over several lines become one block.

Treaties and memoranda set their title and their article headings on lines of their own:

    MEMORANDUM OF UNDERSTANDING          ARTICLE II          § 3 Pflichten
    BETWEEN                              OBLIGATIONS
    THE MINISTRY OF ... OF ESTLAND
    AND ...

Every reader (plain text, Markdown, Word paragraphs) gives each line its own block, so
the clause tree would read "BETWEEN" and "OBLIGATIONS" as headings of their own and the
article number as a stray line. This pass, run on any reader's blocks before the tree
is built, joins such lines into the one block they stand for: a title block into the
document's title, an article number into a heading with its title line. Raws are
concatenated, so the source is still rebuilt exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from draftdiff.model import Block, BlockKind

# Words that carry a title on to the next line: "... BETWEEN" / "AND" / "CONCERNING ...".
_CONNECTORS = frozenset(
    {
        *("BETWEEN", "AND", "AMONG", "AMONGST", "CONCERNING", "REGARDING", "RELATING"),
        *("ON", "OF", "FOR", "WITH", "TO", "ABOUT", "IN", "BY"),
    }
)
_LOWER_CONNECTORS = frozenset(word.lower() for word in _CONNECTORS)
_MAX_TITLE_LINE = 200
_MAX_TITLE_LINES = 12
# An article's title line ("PURPOSE", "Scope of Cooperation", "Entry into force").
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 8
# The number of a heading level: a word and its number, or a paragraph sign.
_WORD_NUMBER = re.compile(r"[A-Za-z][A-Za-z.]*\s+\S|§")
_SENTENCE_END = (".", ";", ":", ",", "!", "?")


def join_heading_lines(blocks: Sequence[Block], levels: Sequence[re.Pattern[str]]) -> list[Block]:
    """The blocks with multi-line titles and article headings joined.

    `levels` are the schema's numbering patterns (each with a group `num`)."""
    out = _join_title(list(blocks), levels)
    joined: list[Block] = []
    index = 0
    while index < len(out):
        block = out[index]
        following = out[index + 1] if index + 1 < len(out) else None
        rest = _heading_number_rest(block, levels)
        if rest is None:
            joined.append(block)
            index += 1
        elif not rest and following is not None and _is_title_line(following, levels):
            # "ARTICLE II" over "OBLIGATIONS": one heading, its title on the number's line.
            text = f"{block.text} {following.text}" if block.text else following.text
            joined.append(
                replace(
                    block,
                    text=text,
                    raw=block.raw + following.raw,
                    kind=BlockKind.HEADING,
                    heading=block.heading or following.heading,
                )
            )
            index += 2
        else:
            # "ARTICLE IV" alone, or "§ 3 Pflichten" over its paragraph: a heading line.
            joined.append(replace(block, kind=BlockKind.HEADING))
            index += 1
    return joined


def _join_title(blocks: list[Block], levels: Sequence[re.Pattern[str]]) -> list[Block]:
    """A title set over several lines joined by "BETWEEN", "AND", "CONCERNING" ... is
    one title, not a run of headings: in capitals ("MEMORANDUM OF UNDERSTANDING /
    BETWEEN / ..."), or in mixed case where the joining word is lower-case
    ("Agreement / between the Government of X / and the Government of Y")."""
    count = 0
    limit = min(len(blocks), _MAX_TITLE_LINES)
    while count < limit and _is_title_block_line(blocks[count], levels):
        if count and not _connected(blocks[count - 1].text, blocks[count].text):
            break
        count += 1
    if count < 2:
        return blocks
    first = blocks[0]
    title = replace(
        first,
        text=" ".join(b.text for b in blocks[:count]),
        raw="".join(b.raw for b in blocks[:count]),
        kind=BlockKind.HEADING,
        heading=first.heading or 1,
    )
    return [title, *blocks[count:]]


def _connected(before: str, after: str) -> bool:
    last = before.split()[-1]
    first = after.split()[0]
    if _is_caps(before) and _is_caps(after):
        return last in _CONNECTORS or first in _CONNECTORS
    # Mixed case: only a lower-case joining word, so "Agreement" over "Schedule of
    # Fees" (two headings) stays apart.
    return last in _LOWER_CONNECTORS or first in _LOWER_CONNECTORS


def _is_title_block_line(block: Block, levels: Sequence[re.Pattern[str]]) -> bool:
    text = block.text
    return not (
        block.label
        or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING)
        or not text.strip()
        or "\n" in text
        or len(text) > _MAX_TITLE_LINE
        or text.rstrip().endswith(_SENTENCE_END)
        or any(p.match(text) for p in levels)
    )


def _is_caps(text: str) -> bool:
    cased = [char for char in text if char.lower() != char.upper()]
    return len(cased) >= 2 and all(char.isupper() for char in cased)


def _heading_number_rest(block: Block, levels: Sequence[re.Pattern[str]]) -> str | None:
    """For a block that is a heading-level number ("ARTICLE IV", "Part 2", "§ 3") with at
    most a short title after it, that title ("" for none); None for any other block."""
    if block.label:
        # Word numbers the article ("ARTICLE I") and leaves the paragraph empty.
        if block.text or not _WORD_NUMBER.match(block.label):
            return None
        subject = block.label
    elif block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or "\n" in block.text:
        return None
    else:
        subject = block.text
    for pattern in levels:
        match = pattern.match(subject)
        if match is None or not _WORD_NUMBER.match(match.group("num")):
            continue
        rest = subject[match.end("num") :].lstrip(" \t.:—–-").rstrip()
        if not rest:
            return ""
        if _is_short_title(rest) and not rest[:1].islower():
            return rest
        return None
    return None


def _is_title_line(block: Block, levels: Sequence[re.Pattern[str]]) -> bool:
    text = block.text
    return (
        not block.label
        and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
        and "\n" not in text
        and text[:1].isupper()
        and _is_short_title(text)
        and not any(p.match(text) for p in levels)
    )


def _is_short_title(text: str) -> bool:
    return (
        len(text) <= _MAX_HEADING_CHARS
        and len(text.split()) <= _MAX_HEADING_WORDS
        and not text.rstrip().endswith(_SENTENCE_END)
    )
