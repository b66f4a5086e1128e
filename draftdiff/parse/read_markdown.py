"""Provides `read_markdown`: a Markdown agreement as a flat sequence of blocks.

markdown-it-py (CommonMark plus tables) does the parsing; this module walks its block
tokens, whose `.map` gives each block's source lines, and turns every leaf block into
one `Block`: headings, paragraphs, list items (with the number a renderer would print),
table rows, HTML and code blocks. Inline markup is reduced to its readable text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from draftdiff.model import Block, BlockKind
from draftdiff.parse.cleanup import clean_literal, clean_text, html_to_text, tag_replacement
from draftdiff.parse.lines import Piece, assemble, split_lines, strip_ending
from draftdiff.parse.markers import Marker, ends_clause, find_marker
from draftdiff.parse.read_text import read_text

_PARSER = MarkdownIt("commonmark").enable("table")

# Jekyll-style metadata ("---" / "key: value" lines / "---") opens some Markdown files
# (bundestag/gesetze). CommonMark would read it as a rule and a paragraph of YAML.
_FRONT_MATTER_FENCE = re.compile(r"---\s*")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)\s*")
_YAML_LINE = re.compile(r"\s*(?:#.*|[\w.-]+\s*:.*|-\s.*|\s+\S.*)?")
_FIRST_TAG = re.compile(r"\s*<([A-Za-z][A-Za-z0-9]*)")


@dataclass(frozen=True)
class _Item:
    """An open list item whose first block has not been seen yet."""

    label: str
    depth: int
    """Depth of the item's first block: the number of enclosing containers minus one."""


def read_markdown(text: str) -> tuple[tuple[Block, ...], str]:
    """Read Markdown into blocks; returns (blocks, trailer).

    Concatenating the blocks' raws and the trailer gives back `text` exactly.
    """
    lines = split_lines(text)
    skipped = _front_matter_lines(lines)
    # Blank the front matter rather than cut it, so token line maps stay source lines.
    body = "\n" * skipped + "".join(lines[skipped:])
    pieces = list(_pieces(_PARSER.parse(body), lines))
    return assemble(text, lines, pieces)


def _front_matter_lines(lines: Sequence[str]) -> int:
    """How many leading lines are YAML front matter (0 when there is none)."""
    if not lines or not _FRONT_MATTER_FENCE.fullmatch(strip_ending(lines[0])):
        return 0
    for index in range(1, len(lines)):
        content = strip_ending(lines[index])
        if _FRONT_MATTER_END.fullmatch(content):
            return index + 1 if index > 1 else 0
        if not _YAML_LINE.fullmatch(content):
            return 0
    return 0


def _pieces(tokens: Sequence[Token], source: Sequence[str]) -> Iterator[Piece]:
    """One piece per leaf block, walking the containers (lists, items, quotes) around it."""
    containers = 0  # open list items and block quotes
    lists: list[tuple[int, str] | None] = []  # (start, delimiter) per open list; None = bullets
    counts: list[int] = []  # items seen so far in each open list
    pending: _Item | None = None
    line = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.map is not None:
            line = token.map[0]
        kind = token.type
        if kind in ("ordered_list_open", "bullet_list_open"):
            start = token.attrs.get("start", 1)
            ordered = kind == "ordered_list_open"
            lists.append((int(start), token.markup or ".") if ordered else None)
            counts.append(0)
        elif kind in ("ordered_list_close", "bullet_list_close"):
            lists.pop()
            counts.pop()
        elif kind == "list_item_open":
            numbering = lists[-1] if lists else None
            # The number a renderer prints: the list's start plus the item's position, so a
            # list typed "1." "1." "1." reads 1., 2., 3.
            label = f"{numbering[0] + counts[-1]}{numbering[1]}" if numbering else ""
            if counts:
                counts[-1] += 1
            pending = _Item(label, containers)
            containers += 1
        elif kind == "list_item_close":
            containers -= 1
            pending = None
        elif kind == "blockquote_open":
            containers += 1
        elif kind == "blockquote_close":
            containers -= 1
        elif kind == "tr_open":
            end = _closing(tokens, index, "tr_close")
            cells = [
                clean_text(_inline_text(t.children or ()))
                for t in tokens[index:end]
                if t.type == "inline"
            ]
            text = clean_text(" | ".join(cells)) if any(cells) else ""
            yield _leaf(line, text, BlockKind.TABLE_ROW, containers, pending)
            pending = None if text else pending
            index = end
        elif kind == "paragraph_open":
            inline = _inline_after(tokens, index)
            if pending is not None and _is_contents_entry(inline):
                # "1. [Introduction](#1-introduction)": a table of contents repeats the
                # clause numbers; read as a clause, the real "1." would nest under "7.".
                text = clean_text(_inline_text(inline.children or ()))
                yield _leaf(line, text, BlockKind.OTHER, containers, pending)
                pending = None if text else pending
            else:
                for start, text in _paragraph_segments(inline, line, source):
                    yield _leaf(start, text, BlockKind.PARAGRAPH, containers, pending)
                    pending = None if text else pending
        elif kind == "heading_open":
            text = clean_text(_inline_text(_inline_after(tokens, index).children or ()))
            heading = int(token.tag[1:])
            yield _leaf(line, text, BlockKind.HEADING, containers, pending, heading)
            pending = None if text else pending
        elif kind == "html_block":
            text = clean_text(html_to_text(token.content))
            block_kind, heading = _html_kind(token.content)
            yield _leaf(line, text, block_kind, containers, pending, heading)
            pending = None if text else pending
        elif kind == "fence":
            text = clean_literal(token.content)
            yield _leaf(line, text, BlockKind.OTHER, containers, pending)
            pending = None if text else pending
        elif kind == "code_block":
            # An indented block in an agreement is text indented one step too far (pandoc
            # output of German statutes nests "aa)" items this way), not program code.
            for block in read_text(token.content)[0]:
                depth = containers + 1 + block.depth
                start = line + block.line - 1
                yield _leaf(start, block.text, block.kind, depth, pending, block.heading)
                pending = None
        index += 1


def _leaf(
    line: int,
    text: str,
    kind: BlockKind,
    depth: int,
    pending: _Item | None,
    heading: int = 0,
) -> Piece:
    """A leaf block at `depth`; the first one in a list item takes the item's number and depth."""
    if pending is None or not text:
        return Piece(line, text, kind, depth=depth, heading=heading)
    if kind is BlockKind.PARAGRAPH:
        kind = BlockKind.LIST_ITEM
    return Piece(line, text, kind, label=pending.label, depth=pending.depth, heading=heading)


def _is_contents_entry(inline: Token) -> bool:
    """Is the paragraph nothing but a link to a place in a page?

    A contents list copied from a web page often spells its links out in full
    ("https://www.spotify.com/us/legal/end-user-agreement/#1-introduction"): any link
    with a #fragment counts, or the next version's contents stay clauses and every
    real clause of it is reported as moved or renumbered."""
    children = [
        c for c in inline.children or () if not (c.type == "text" and not c.content.strip())
    ]
    return (
        len(children) >= 3
        and children[0].type == "link_open"
        and "#" in str(children[0].attrs.get("href", ""))
        and children[-1].type == "link_close"
        and not any(c.type.startswith("link_") for c in children[1:-1])
    )


def _inline_after(tokens: Sequence[Token], index: int) -> Token:
    """The inline token holding the content of the block opened at `index`."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.type != "inline":
        return Token("inline", "", 0)  # only past markdown-it's nesting limit
    return following


def _closing(tokens: Sequence[Token], index: int, closing: str) -> int:
    """Index of the first `closing` token after `index` (or the last token)."""
    for position in range(index + 1, len(tokens)):
        if tokens[position].type == closing:
            return position
    return len(tokens) - 1


def _paragraph_segments(
    inline: Token, first_line: int, source: Sequence[str]
) -> list[tuple[int, str]]:
    """The paragraph's text, cut where a source line opens with a typed clause marker.

    CommonMark only knows "1." and "1)" as list markers, so sub-clauses typed on their
    own lines ("a. Except as ...", "(b) ...") stay inside the paragraph above them
    (Common Paper CSA v2.1). As in plain text, a line starts a new block when its marker
    follows a finished sentence or continues the previous marker ("b." after "a.").
    """
    segments: list[tuple[int, list[str]]] = [(first_line, [])]
    children = inline.children or []
    line = first_line
    previous = _line_marker(children[0] if children else None, source, first_line)
    tail = ""  # the last words of the current segment, to see whether a sentence ended
    for position, child in enumerate(children):
        text = _child_text(child)
        segments[-1][1].append(text)
        tail = text if text.strip() else tail
        if child.type == "html_inline":
            line += child.content.count("\n")
        if child.type not in ("softbreak", "hardbreak"):
            continue
        line += 1
        following = children[position + 1] if position + 1 < len(children) else None
        marker = _line_marker(following, source, line)
        if marker is None:
            continue
        if ends_clause(tail) or (previous is not None and marker.follows(previous)):
            segments.append((line, []))
            previous = marker
    return [(start, clean_text("".join(parts))) for start, parts in segments]


def _line_marker(token: Token | None, source: Sequence[str], line: int) -> Marker | None:
    """The typed clause marker opening source line `line`, when `token` starts with it."""
    if token is None or token.type != "text" or line >= len(source):
        return None
    marker = find_marker(token.content)
    # Bullets would have been list items; and the token must really open that line
    # (a line count thrown off by a multi-line code span must not cut mid-line).
    if marker is None or not marker.values:
        return None
    return marker if source[line].lstrip(" \t>").startswith(marker.text) else None


def _inline_text(children: Sequence[Token]) -> str:
    """The readable text of inline tokens: markup dropped, link and image text kept."""
    return "".join(_child_text(child) for child in children)


def _child_text(child: Token) -> str:
    kind = child.type
    if kind in ("text", "code_inline", "text_special"):
        return child.content
    if kind == "softbreak":
        return " "
    if kind == "hardbreak":
        return "\n"
    if kind == "html_inline":
        return tag_replacement(child.content)
    if kind == "image":
        return _inline_text(child.children or ())
    return ""


def _html_kind(html: str) -> tuple[BlockKind, int]:
    """An HTML block that is plainly a paragraph or heading counts as one."""
    match = _FIRST_TAG.match(html)
    name = match.group(1).lower() if match else ""
    if name == "p":
        return BlockKind.PARAGRAPH, 0
    if re.fullmatch(r"h[1-6]", name):
        return BlockKind.HEADING, int(name[1])
    return BlockKind.OTHER, 0
