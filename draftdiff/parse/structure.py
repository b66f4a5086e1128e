"""Provides the clause-tree builder: readers' flat blocks + a YAML schema -> Clause tree.

One pass over the blocks with a stack of open clauses. Each block is matched
against the schema's levels; a number can fit several levels ("(i)" is a
letter after "(h)" and a roman numeral under "(a)"), so every candidate level is
tried and the one whose number continues its would-be previous sibling wins,
then one that starts a sequence, then the schema's order; ties go to the place
the layout agrees with (indentation). The chosen level gives a rank; the block
is placed under the nearest open clause of lower rank, or where its format
heading level puts it when its number fits no sequence there.

Unnumbered blocks attach to the deepest open clause that can contain them (by
indentation / list depth). After a lettered or roman item ("(b)", "iv.") that
needs evidence: Word indentation as far as the item's text, deeper text
indentation, or — when the layout says nothing — the numbers that follow ("(c)"
or "(i)" next: the paragraph is part of the item; anything else: it is part of
the enclosing clause). Two kinds of unnumbered block open a scope: a definition
('"Fund" means ...'), which holds the (a), (b) after it and is the sibling of
the next definition, and a lead-in ("For Users of GPTs:") to a second list
that restarts in the same clause.

The tree keeps document order in pre-order, so the blocks' raw slices can be
concatenated back into the exact source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from draftdiff.model import Block, BlockKind, Clause
from draftdiff.parse import numbering
from draftdiff.parse.heading_lines import join_heading_lines
from draftdiff.schema.model import Level, Nesting, Schema

Rank = tuple[int, int]
"""(index of the schema level, sub-rank inside it); lower ranks contain higher ones."""

TITLE_ID = "title"
# A short line of capitals standing alone reads as a heading ("NO WARRANTY").
# It needs a word of three capitals and no "=": "CP2 = CP1* (A + B) / (A + C)." (the
# NVCA charter's anti-dilution formula) is a line of the clause, not a heading.
_CAPS_HEADING = re.compile(r"^[^a-z=]*[A-Z]{3}[^a-z=]*$")
_MAX_CAPS_HEADING = 80
_MAX_TITLE = 160
# Larger bare numbers at the start of a paragraph are years or amounts, not clause numbers.
_MAX_BARE_NUMBER = 999
_LEADING_SEPARATORS = " \t.:;—–-"
MAX_DEPTH = 24
"""Deepest nesting the builder creates; deeper lists (hostile input) stay at this depth."""
# How well a number fits where it would be placed: it continues its previous
# sibling, starts a sequence at the level's usual place, starts one nested one
# level deeper than the schema expects, or fits no sequence.
_FOLLOWS, _STARTS, _NESTED_START, _NONE = 3, 2, 1, 0
# Word indentation (twips) closer than an eighth of an inch is the same position.
_INDENT_TOLERANCE = 180
# Word's built-in styles for a paragraph that goes on with a list item ("List Continue 2").
_CONTINUE_STYLE = "list continue"
# How far ahead the next number is looked for when layout cannot tell.
_LOOKAHEAD = 40
# '"Fund" means ...', '“Agreement” or “this Agreement” shall mean ...', '"Term" (as
# defined below) has the meaning ...'.
_QUOTED_DEFINITION = re.compile(
    r'\s*["“”‘’]{1,2}[^"“”]{1,80}?["“”’]{1,2}'
    r'(?:\s*(?:,|or|and)\s*["“”‘][^"“”]{1,80}?["“”’]{1,2})*'
    r"\s*(?:\([^()]{0,120}\))?\s*,?\s*(?:shall\s+|will\s+)?"
    r"(?:means?|has\s+the\s+meanings?|have\s+the\s+meanings?|includes?|refers?\s+to"
    r"|is\s+defined)\b"
)
# Inside a definitions section, unquoted: "Affiliate means ...", "Business Day: a day ...".
_BARE_DEFINITION = re.compile(
    r"[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|and|or|the|in|to)){0,6}"
    r"(?:\s+(?:shall\s+)?means\b|\s*:\s+\S)"
)
_DEFINITIONS_HEADING = re.compile(
    r"\b(?:definitions?|defined\s+terms|interpretation|begriffsbestimmungen)\b", re.IGNORECASE
)
_DEFINITIONS_SPAN = 80


@dataclass
class _Node:
    """Mutable while the tree is being built; frozen into a Clause at the end."""

    block: Block
    number: str = ""
    id_part: str = ""
    heading: str = ""
    text: str = ""
    level: str = "body"
    level_index: int = -1
    rank: Rank | None = None
    """None for blocks that cannot contain others (unnumbered paragraphs)."""
    readings: frozenset[numbering.Reading] = frozenset()
    paren: bool = False
    continuous: bool = False
    self_qualified: bool = False
    definition: bool = False
    """An unnumbered definition ('"Fund" means ...'): it holds the (a), (b) items
    that follow it, and the next definition is its sibling."""
    lead_in: bool = False
    """An unnumbered lead-in ("For Users of GPTs:") to a second (a), (b) list in one
    clause: it holds that list, so the two lists' ids do not collide."""
    children: list[_Node] = field(default_factory=list)
    id: str = ""

    @property
    def is_heading(self) -> bool:
        return self.block.kind is BlockKind.HEADING

    @property
    def is_list_item(self) -> bool:
        return bool(self.block.label) or self.block.kind is BlockKind.LIST_ITEM


@dataclass(frozen=True)
class _Candidate:
    level_index: int
    level: Level
    match: re.Match[str]
    rank: Rank
    parent_depth: int
    """How many stack entries stay open if this candidate is chosen."""
    score: int
    aligned: bool = False
    """The layout agrees with this place: its would-be previous sibling is a typed
    number at the same indentation ("3" after "2.a.2" rather than "Section 2"), or a
    list starts inside a clause it is indented under. Breaks ties of equal scores."""


@dataclass(frozen=True)
class Structure:
    """The builder's result for one schema."""

    title: str
    clauses: tuple[Clause, ...]
    numbered: int
    """Blocks placed by a number or heading."""
    in_sequence: int
    """Numbered blocks whose number continued or started a sequence where they stand."""
    fallback: str


def build(blocks: Sequence[Block], schema: Schema) -> Structure:
    """Arrange blocks into a clause tree by the schema's levels."""
    return _Builder(schema).run(blocks)


def fallback_note(schema_name: str) -> str:
    """Why a document is compared paragraph by paragraph.

    Separate from the builder so a tree built once for several schemas with the
    same levels can be re-labelled with the schema finally chosen."""
    return (
        f"no clause numbers or headings recognised by schema {schema_name!r}; "
        "compared paragraph by paragraph"
    )


class _Builder:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.levels = schema.levels
        self.heading_index = next(
            (i for i, lv in enumerate(self.levels) if lv.headings or lv.caps_headings), None
        )
        self.root = _Node(Block("", "", 0), rank=(-1, 0))
        self.stack: list[_Node] = [self.root]
        # Rank of the last numbered heading seen at each format heading level, so an
        # unnumbered "## Annex" becomes a sibling of "## Article 9", not its child.
        self.heading_ranks: dict[int, Rank] = {}
        self.numbered = 0
        self.in_sequence = 0
        section = next(
            (i for i, lv in enumerate(self.levels) if lv.nesting is Nesting.COMPONENTS), None
        )
        # Levels below the dotted sections ("(a)", "(iv)", "(A)") are the lettered items
        # an unnumbered paragraph continues only on evidence (see `_continues_item`).
        self.lettered_from = len(self.levels) if section is None else section + 1
        self.blocks: Sequence[Block] = ()
        self.index = 0
        self._next_numbers: dict[int, tuple[tuple[int, str], ...]] = {}
        self.label_ranks: dict[tuple[int, int], Rank] = {}
        """Word documents: the rank of the last list-labelled number of each level and
        number of parts."""

    def run(self, blocks: Sequence[Block]) -> Structure:
        title = ""
        blocks = join_heading_lines(blocks, [p for lv in self.levels for p in lv.match])
        self.blocks = blocks
        for index, block in enumerate(blocks):
            self.index = index
            if index == 0 and self._is_title(block, blocks):
                title = block.text
                self.root.children.append(
                    _Node(block, text=block.text, heading=block.text, level="title", id=TITLE_ID)
                )
                continue
            self._place(block)
        _assign_ids(self.root)
        clauses = tuple(_freeze(child, 0) for child in self.root.children)
        fallback = ""
        if self.numbered < 2 and len(blocks) > 3:
            fallback = fallback_note(self.schema.name)
        return Structure(title, clauses, self.numbered, self.in_sequence, fallback)

    # --- titles ---

    def _is_title(self, block: Block, blocks: Sequence[Block]) -> bool:
        if block.kind is BlockKind.HEADING and block.heading == 1 and not block.label:
            return not self._matches_number(block)
        # Plain text: a short first line that does not read as a sentence or a clause.
        return (
            block.kind is not BlockKind.LIST_ITEM
            and len(blocks) > 1
            and 0 < len(block.text) <= _MAX_TITLE
            and "\n" not in block.text
            and not block.text.rstrip().endswith((".", ";", ":", ","))
            and not self._matches_number(block)
        )

    def _matches_number(self, block: Block) -> bool:
        subject = _subject(block)
        return any(p.match(subject) for lv in self.levels for p in lv.match)

    # --- placing one block ---

    def _place(self, block: Block) -> None:
        # Tables of contents and code repeat clause numbers without being clauses.
        candidate = None if block.kind is BlockKind.OTHER else self._best_candidate(block)
        if candidate is not None:
            self._place_numbered(block, candidate)
            return
        text = _unmatched_label_text(block)
        heading_rank = self._unnumbered_heading_rank(block)
        if heading_rank is not None:
            assert self.heading_index is not None
            node = _Node(
                block,
                text=text,
                heading=text,
                rank=heading_rank,
                level=self.levels[self.heading_index].name,
                level_index=self.heading_index,
            )
            self._push(node, self._open_depth_for(heading_rank))
            self.numbered += 1
            return
        node = _Node(block, text=text)
        if block.kind is BlockKind.PARAGRAPH and not block.label and self._is_definition(text):
            self._place_definition(node)
            return
        parent = self._attach_paragraph(node)
        self._maybe_lead_in(node, parent)

    def _best_candidate(self, block: Block) -> _Candidate | None:
        subject = _subject(block)
        best: _Candidate | None = None
        for index, level in enumerate(self.levels):
            for pattern in level.match:
                match = pattern.match(subject)
                if not match or not _plausible(match, block):
                    continue
                for candidate in self._placements(index, level, match, block):
                    if best is None or _preference(candidate) > _preference(best):
                        best = candidate
                break  # first matching pattern of a level speaks for the level
        return best

    def _placements(
        self, index: int, level: Level, match: re.Match[str], block: Block
    ) -> list[_Candidate]:
        """Where a number of this level could go, best first for equal scores.

        Normally under the nearest open clause of lower rank. But drafts nest levels
        in orders no schema foresees (CC BY 4.0 puts "1." under "a."), so a number
        may also continue a sequence deeper in the stack, or start a new sequence
        under the current clause when it fits nowhere else."""
        number_id = _id_of(match)
        values = numbering.readings(number_id)
        rank = self._rank(index, level, match, block)
        limit = self._heading_limit(block)
        depth = self._open_depth_for(rank)
        score = self._sequence_score(index, number_id, self.stack[depth - 1])
        if score < _STARTS and limit < depth:
            # The number fits no sequence where it would go, and its outline level
            # says it is above the clauses open there: take the place the level gives,
            # if the number fits there. A sequence it continues is trusted over the
            # level (templates set outline levels that do not follow their numbers).
            limited = self._sequence_score(index, number_id, self.stack[limit - 1])
            if limited > score:
                depth, score = limit, limited
        natural = _last_numbered_child(self.stack[depth - 1], index)
        aligned = score == _FOLLOWS and _aligned(natural, block)
        out = [_Candidate(index, level, match, rank, depth, score, aligned)]
        if score < _FOLLOWS or not aligned:
            for d in range(len(self.stack) - 1, depth - 1, -1):
                sibling = _last_numbered_child(self.stack[d], index)
                if sibling is not None and numbering.follows_number(number_id, sibling.id_part):
                    assert sibling.rank is not None
                    here = _aligned(sibling, block)
                    out.append(_Candidate(index, level, match, sibling.rank, d + 1, _FOLLOWS, here))
                    if score < _FOLLOWS or here:
                        break
        top = self.stack[-1]
        if (
            score == _STARTS
            and depth < len(self.stack) <= min(limit, MAX_DEPTH)
            and top.number
            and top.rank is not None
            and not block.label
            and not top.block.label
            and numbering.components(number_id) == 1
            and _deeper(block, top.block)
            and _last_numbered_child(top, index) is None
        ):
            # A list the schema ranks above the current clause, set further in than it:
            # CC BY 4.0's "i." under "A." (the schema has "i" above "A"). Indentation
            # says it starts inside "A.", not beside it.
            nested = (top.rank[0], top.rank[1] + 1)
            out.append(
                _Candidate(index, level, match, nested, len(self.stack), _STARTS, aligned=True)
            )
        if (
            score == _NONE
            and numbering.is_first(values)
            and depth < len(self.stack) <= limit
            and len(self.stack) <= MAX_DEPTH
            and not _shallower(block, top.block)
            and numbering.components(number_id) == 1
            and top.number
            and top.rank is not None
            and _last_numbered_child(top, index) is None
            and not self._restarts_open_list(index, block)
        ):
            nested = (top.rank[0], top.rank[1] + 1)
            out.append(_Candidate(index, level, match, nested, len(self.stack), _NESTED_START))
        return out

    def _restarts_open_list(self, index: int, block: Block) -> bool:
        """A Word list label at the list level of an open clause of the same schema
        level: that list restarted ("ARTICLE 1" again, after Article 2's "2.1.1"), so
        the label is that clause's sibling, not a new list inside the deeper clause."""
        return bool(block.label) and any(
            n.block.label and n.level_index == index and n.block.depth == block.depth
            for n in self.stack[1:]
        )

    def _heading_limit(self, block: Block) -> int:
        """How many stack entries a block with a format heading level may stay under
        by that level alone: a Heading 1 closes everything, a Heading 3 stays under
        the nearest Heading 1 or 2 ("General Provisions" in Heading 1, numbered "1."
        by a list that restarts, is not a clause of 1.1.3)."""
        if block.heading <= 0:
            return len(self.stack)
        for depth in range(len(self.stack) - 1, 0, -1):
            if 0 < self.stack[depth].block.heading < block.heading:
                return depth + 1
        return 1

    def _rank(self, index: int, level: Level, match: re.Match[str], block: Block) -> Rank:
        if level.nesting is Nesting.COMPONENTS:
            parts = numbering.components(_id_of(match))
            if not block.label and (index, parts) in self.label_ranks:
                # A number typed where Word numbers the same shape with list labels
                # (the NVCA charter's alternative "2.1 ..." in Body Text) sits where
                # those labels sit: their rank follows the list levels, not the parts.
                return self.label_ranks[(index, parts)]
            # A Markdown list "1." nested in "1." prints one part but sits one deeper.
            if block.label:
                parts = max(parts, block.depth + 1)
            return (index, min(parts, MAX_DEPTH) - 1)
        return (index, 0)

    def _open_depth_for(self, rank: Rank) -> int:
        """How many stack entries remain open when a clause of this rank arrives."""
        depth = len(self.stack)
        while depth > 1:
            top = self.stack[depth - 1]
            if top.rank is not None and top.rank < rank:
                break
            depth -= 1
        return depth

    def _sequence_score(self, index: int, number_id: str, parent: _Node) -> int:
        values = numbering.readings(number_id)
        sibling = _last_numbered_child(parent, index)
        if sibling is not None and numbering.follows_number(number_id, sibling.id_part):
            return _FOLLOWS
        if sibling is None and numbering.is_first(values):
            return _STARTS
        return _NONE

    def _place_numbered(self, block: Block, cand: _Candidate) -> None:
        match = cand.match
        num = match.group("num")
        number_id = _id_of(match)
        heading = (match.groupdict().get("heading") or "").strip()
        if block.label:
            # Word's "FIRST" label prints before ": The name of ..."; the colon belongs
            # to the number, as a typed "FIRST: The name ..." shows.
            text = block.text[1:].lstrip() if block.text.startswith(":") else block.text
        else:
            text = match.string[match.end("num") :].lstrip(_LEADING_SEPARATORS)
        if block.kind is BlockKind.HEADING and not heading:
            heading = text
        node = _Node(
            block,
            number=num.strip().rstrip(".:"),
            id_part=number_id,
            heading=heading,
            text=text,
            level=cand.level.name,
            level_index=cand.level_index,
            rank=cand.rank,
            readings=numbering.readings(number_id),
            paren=num.strip().endswith(")"),
            continuous=cand.level.continuous,
            self_qualified=cand.level.nesting is Nesting.COMPONENTS
            and numbering.components(number_id) > 1,
        )
        self.numbered += 1
        self.in_sequence += cand.score > _NONE
        if block.label and block.indent is not None and cand.level.nesting is Nesting.COMPONENTS:
            self.label_ranks[(cand.level_index, numbering.components(number_id))] = cand.rank
        if block.kind is BlockKind.HEADING and block.heading:
            self.heading_ranks[block.heading] = cand.rank
        self._push(node, cand.parent_depth)

    def _unnumbered_heading_rank(self, block: Block) -> Rank | None:
        if self.heading_index is None:
            return None
        if block.kind is BlockKind.HEADING and block.heading:
            if block.heading in self.heading_ranks:
                return self.heading_ranks[block.heading]
            return (self.heading_index, block.heading)
        level = self.levels[self.heading_index]
        text = block.text
        if (
            (block.kind is BlockKind.HEADING or level.caps_headings)
            and len(text) <= _MAX_CAPS_HEADING
            and _CAPS_HEADING.match(text)
            and "\n" not in text
        ):
            return (self.heading_index, 9)
        return None

    def _push(self, node: _Node, open_depth: int) -> None:
        del self.stack[open_depth:]
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def _attach_paragraph(self, node: _Node) -> int:
        """Hang an unnumbered block under the deepest open clause that contains it;
        returns that clause's place in the stack (0: the document itself)."""
        block = node.block
        skipped_item = False
        for depth in range(len(self.stack) - 1, 0, -1):
            entry = self.stack[depth]
            if self._is_lettered(entry):
                continues = self._continues_item(entry, block)
                if continues is not None:
                    if not continues:
                        skipped_item = True
                        continue
                    fits = True
                elif entry.is_list_item:
                    fits = block.depth > entry.block.depth
                else:
                    fits = block.depth >= entry.block.depth
            elif entry.definition or entry.lead_in:
                # The paragraph after a definition is the next piece of the section
                # unless it is set further in than the definition.
                fits = _deeper(block, entry.block)
            elif skipped_item and block.indent is not None:
                # Word: out of the item by its indentation, so in the clause around it
                # (list levels of different lists say nothing about each other).
                fits = True
            elif entry.is_heading and not entry.is_list_item:
                fits = True
            elif entry.is_list_item:
                # A paragraph after a Markdown/Word list is outside it unless indented into it.
                fits = block.depth > entry.block.depth
            else:
                fits = block.depth >= entry.block.depth
            if fits:
                del self.stack[depth + 1 :]
                entry.children.append(node)
                return depth
        del self.stack[1:]
        self.root.children.append(node)
        return 0

    # --- lettered items and definitions ---

    def _is_lettered(self, entry: _Node) -> bool:
        return bool(entry.number) and entry.level_index >= self.lettered_from

    def _continues_item(self, entry: _Node, block: Block) -> bool | None:
        """Does an unnumbered paragraph after a lettered item continue that item?

        True or False when the layout says so, None to leave it to the general rule
        (a Markdown list item: indented into the item or not)."""
        if block.style.lower().startswith(_CONTINUE_STYLE):
            # Word's "List Continue" styles exist to say exactly this.
            return True
        if block.indent is not None and entry.block.indent is not None:
            # Word: the item's text starts further in than its clause's, so indentation
            # means something; a paragraph indented as far as the item's text goes on with it.
            clause = next(
                (
                    n
                    for n in reversed(self.stack)
                    if n.block.indent is not None
                    and not (self._is_lettered(n) or n is entry)
                    and n is not self.root
                ),
                None,
            )
            clause_indent = clause.block.indent if clause and clause.block.indent else 0
            if entry.block.indent > clause_indent + _INDENT_TOLERANCE:
                return block.indent >= entry.block.indent - _INDENT_TOLERANCE
            return self._numbering_continues(entry)
        if entry.is_list_item and block.indent is None:
            return None
        if block.depth != entry.block.depth:
            return block.depth > entry.block.depth
        return self._numbering_continues(entry)

    def _numbering_continues(self, entry: _Node) -> bool:
        """No layout to go by: the paragraph is part of the item when the numbers after
        it go on inside the item's list: its next sibling ("(c)" after "(b)") or a
        list that starts or continues under it ("(i)")."""
        children = [c for c in entry.children if c.number]
        for level_index, number_id in self._next_number():
            if level_index == entry.level_index and numbering.follows_number(
                number_id, entry.id_part
            ):
                return True
            if level_index > entry.level_index:
                if not children and numbering.is_first(numbering.readings(number_id)):
                    return True
                if children and numbering.follows_number(number_id, children[-1].id_part):
                    return True
        return False

    def _next_number(self) -> tuple[tuple[int, str], ...]:
        """(level, number) readings of the next numbered block, if a heading or too many
        paragraphs do not come first."""
        start = self.index
        if start not in self._next_numbers:
            found: tuple[tuple[int, str], ...] = ()
            for block in self.blocks[start + 1 : start + 1 + _LOOKAHEAD]:
                if block.kind is BlockKind.HEADING:
                    break
                if block.kind in (BlockKind.NOTE, BlockKind.OTHER):
                    continue
                found = self._readings_of(block)
                if found:
                    break
            self._next_numbers[start] = found
        return self._next_numbers[start]

    def _readings_of(self, block: Block) -> tuple[tuple[int, str], ...]:
        subject = _subject(block)
        out: list[tuple[int, str]] = []
        for index, level in enumerate(self.levels):
            for pattern in level.match:
                match = pattern.match(subject)
                if match and _plausible(match, block):
                    out.append((index, _id_of(match)))
                    break
        return tuple(out)

    def _is_definition(self, text: str) -> bool:
        if _QUOTED_DEFINITION.match(text):
            return True
        if not _BARE_DEFINITION.match(text):
            return False
        return any(
            n.definition or _DEFINITIONS_HEADING.search((n.heading or n.text)[:_DEFINITIONS_SPAN])
            for n in self.stack[1:]
        )

    def _maybe_lead_in(self, node: _Node, parent: int) -> None:
        if not node.text.rstrip().endswith(":"):
            return
        holder = self.stack[parent] if parent else self.root
        for level_index, number_id in self._next_number():
            if level_index < self.lettered_from or not numbering.is_first(
                numbering.readings(number_id)
            ):
                continue
            if _last_numbered_child(holder, level_index) is not None:
                node.lead_in = True
                node.rank = (level_index, -1)
                node.level_index = level_index
                self.stack.append(node)
            return

    def _place_definition(self, node: _Node) -> None:
        """A definition is the sibling of the definition before it, whatever list that
        one holds; the first of a run is placed as any unnumbered paragraph."""
        node.definition = True
        node.rank = (self.lettered_from, -1)
        node.level_index = self.lettered_from
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].definition:
                self._push(node, depth)
                return
            if any(child.definition for child in self.stack[depth].children):
                # The run was interrupted by a paragraph set back out of the last
                # definition's items ("provided that ..."): the definitions go on in the
                # clause that holds them, not in the one around it.
                self._push(node, depth + 1)
                return
        parent = self._attach_paragraph(node)
        self.stack.append(node)
        assert self.stack[parent].children[-1] is node


def _preference(candidate: _Candidate) -> tuple[int, bool]:
    return candidate.score, candidate.aligned


def _shallower(block: Block, than: Block) -> bool:
    """Is `block` set less far in than `than` (Word indentation; text indentation)?"""
    if block.indent is not None and than.indent is not None:
        return block.indent < than.indent - _INDENT_TOLERANCE
    if block.label or than.label:
        return False
    return block.depth < than.depth


def _deeper(block: Block, than: Block) -> bool:
    if block.indent is not None and than.indent is not None:
        return block.indent > than.indent + _INDENT_TOLERANCE
    return block.depth > than.depth


def _aligned(sibling: _Node | None, block: Block) -> bool:
    """Is `block` set as far in as `sibling`, both typed numbers (no format label)?"""
    if sibling is None or block.label or sibling.block.label:
        return False
    if block.indent is not None and sibling.block.indent is not None:
        return abs(block.indent - sibling.block.indent) <= _INDENT_TOLERANCE
    return block.indent is None and sibling.block.depth == block.depth


def _last_numbered_child(node: _Node, level_index: int) -> _Node | None:
    for child in reversed(node.children):
        if child.number and child.level_index == level_index:
            return child
    return None


def _unmatched_label_text(block: Block) -> str:
    """The text of a block placed without a number: a format label no level matched
    (Word's "FIRST" before ": The name of this corporation is ...") stays in front of
    the text, so the clause still reads as the document prints it."""
    if not block.label:
        return block.text
    if not block.text:
        return block.label
    joiner = "" if block.text[:1] in ".,:;)" else " "
    return f"{block.label}{joiner}{block.text}"


def _subject(block: Block) -> str:
    """The text numbering patterns look at: the format's label, if any, then the text."""
    return f"{block.label} {block.text}" if block.label else block.text


def _id_of(match: re.Match[str]) -> str:
    groups = match.groupdict()
    raw = groups.get("id") or groups["num"]
    return raw.strip().strip("().").strip()


def _plausible(match: re.Match[str], block: Block) -> bool:
    number_id = _id_of(match)
    if number_id.isdigit() and int(number_id) > _MAX_BARE_NUMBER:
        return False
    if block.label:
        # The label alone must carry the number, not words of the text.
        return match.end("num") <= len(block.label) + 1
    # A number with nothing after it is a stray line, unless it is a heading.
    return bool(match.string[match.end("num") :].strip()) or block.kind is BlockKind.HEADING


def _assign_ids(root: _Node) -> None:
    # Single-part numbers ("1", "(a)") of a level whose numbers repeat across the
    # document are qualified by the parent's id ("3.1", "3.2(a)"); unique ones stay bare.
    bare = Counter((n.level_index, n.id_part) for n in _walk(root) if n.number)
    repeats = {level for (level, _), count in bare.items() if count > 1}
    used: set[str] = {TITLE_ID}
    printed: dict[str, tuple[int, str]] = {}
    """Level and printed number of the clause holding each numbered id."""
    # Numbers printed with a word or sign ("§ 3", "SECTION 3", "Article 3") are what a
    # reader cites; a chapter or part above them with the same bare number yields its
    # id to them ("chapter-2", "3"), whichever comes first.
    cited = {
        (n.level_index, n.id_part)
        for n in _walk(root)
        if n.number[:1].isalpha() or n.number.startswith("§")
    }

    def visit(node: _Node, numbered_ancestor: str, parent_id: str) -> None:
        unnumbered = 0
        for child in node.children:
            if child.id == TITLE_ID:
                continue
            if child.number:
                # The "1." paragraphs of an article are its paragraphs ("4.1"), even
                # where no other article has a "1." to collide with ("§ 3" under a
                # chapter is a section of its own, not a paragraph).
                qualify = (
                    child.paren
                    or child.level_index in repeats
                    or (node.continuous and child.number[:1].isdigit())
                )
                if child.continuous or child.self_qualified or not numbered_ancestor:
                    qualify = child.paren and bool(numbered_ancestor)
                if qualify and child.paren:
                    candidate = f"{numbered_ancestor}({child.id_part})"
                elif qualify:
                    candidate = f"{numbered_ancestor}.{child.id_part}"
                else:
                    candidate = child.id_part
                holder = printed.get(candidate)
                yields = candidate == child.id_part and any(
                    level > child.level_index and number_id == candidate
                    for level, number_id in cited
                )
                if yields or (
                    holder is not None and holder != (child.level_index, _printed(child.number))
                ):
                    # "ARTICLE 1" then a heading numbered "1." by a list that restarts:
                    # two numbers printed differently, so no "1~2" that reads as a slip.
                    candidate = f"{child.level}-{candidate}"
            else:
                unnumbered += 1
                candidate = f"{parent_id}¶{unnumbered}"
            child.id = _unique(candidate, used)
            if child.number:
                printed.setdefault(child.id, (child.level_index, _printed(child.number)))
            # The (a), (b) of a definition are qualified by the definition ("1.1¶3(a)"),
            # so the lists of two definitions never collide into "1.1(a)~2".
            scope = child.number or child.definition or child.lead_in
            visit(child, child.id if scope else numbered_ancestor, child.id)

    visit(root, "", "")


def _printed(number: str) -> str:
    return re.sub(r"[\s.:()]", "", number).lower()


def _unique(candidate: str, used: set[str]) -> str:
    out, k = candidate, 1
    while out in used:
        k += 1
        out = f"{candidate}~{k}"
    used.add(out)
    return out


def _walk(node: _Node) -> list[_Node]:
    out: list[_Node] = []
    todo = list(reversed(node.children))
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(reversed(current.children))
    return out


def _freeze(node: _Node, depth: int) -> Clause:
    return Clause(
        id=node.id,
        number=node.number,
        heading=node.heading,
        text=node.text,
        level=node.level,
        depth=depth,
        block=node.block,
        children=tuple(_freeze(child, depth + 1) for child in node.children),
    )
