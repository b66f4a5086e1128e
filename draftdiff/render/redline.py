"""Provides redline paragraphs: a pair's word edits cut at paragraphs and evidence.

The HTML and Markdown reports both show a clause pair three ways: inline (old
and new interleaved), the old side alone and the new side alone. This module
cuts the pair's edits, as the Comparison holds them, into pieces:

- at every U+2029 (PART_SEPARATOR), so each clause of a split or merge is its
  own paragraph;
- at the edges of every evidence span the semantic layer reported for a clause
  of the pair, so the cue words ("shall use reasonable efforts") can be marked
  inside the redline. Evidence offsets index into one clause's text; the pair's
  text joins its clauses' texts with U+2029, so each clause starts one separator
  after the previous one ends.

Nothing is recomputed: the pieces of one side concatenate to that side's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from draftdiff.diff.result import PART_SEPARATOR, ClausePair, Comparison, Evidence, Op, Side


@dataclass(frozen=True)
class Mark:
    """One evidence span placed in a pair: which change reported it, and why."""

    change: int
    """Index of the change in Comparison.changes."""
    evidence: Evidence
    start: int
    """Offset in the pair's text of its side (clause offset + the clause's start)."""

    @property
    def end(self) -> int:
        return self.start + len(self.evidence.text)


@dataclass(frozen=True)
class Piece:
    """A run of text with one operation and one set of evidence marks."""

    op: Op
    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def kind(self) -> str:
        """ "equal", "delete" or "insert": the name templates switch on."""
        return self.op.name.lower()


@dataclass(frozen=True)
class Paragraph:
    """The pieces of one paragraph (one clause, on a side view)."""

    pieces: tuple[Piece, ...]
    clause: str | None = None
    """On a side view, the id of the clause this paragraph is; None inline."""
    break_op: Op | None = None
    """Inline: how the paragraph break after this paragraph changed (DELETE when two
    old clauses were merged here, INSERT when one was split here); None otherwise."""


class ChangeIndex:
    """Where each change and each evidence span points, built once per Comparison so
    that a report of thousands of clauses does not rescan every change per clause."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._changes: dict[tuple[Side, str], list[int]] = {}
        self._evidence: dict[tuple[Side, str], list[tuple[int, Evidence]]] = {}
        for index, change in enumerate(comparison.changes):
            if change.old_clause is not None:
                self._changes.setdefault(("old", change.old_clause), []).append(index)
            if change.new_clause is not None:
                self._changes.setdefault(("new", change.new_clause), []).append(index)
            for ev in change.evidence:
                self._evidence.setdefault((ev.side, ev.clause), []).append((index, ev))

    def changes_of(self, pair: ClausePair) -> tuple[int, ...]:
        """Indexes of the changes pointing at a clause of the pair (as
        Comparison.changes_for finds them), in the Comparison's order."""
        found: set[int] = set()
        for clause_id in pair.old:
            found.update(self._changes.get(("old", clause_id), ()))
        for clause_id in pair.new:
            found.update(self._changes.get(("new", clause_id), ()))
        return tuple(sorted(found))

    def marks(self, pair: ClausePair, side: Side) -> tuple[Mark, ...]:
        """Every evidence span that lies in a clause of `pair` on `side`, placed in the
        pair's text. Spans whose words do not match the clause text at their offsets
        are left out: a mark in the wrong place would mislead."""
        ids = pair.old if side == "old" else pair.new
        marks = []
        offset = 0
        for clause_id in ids:
            text = self.comparison.clause(side, clause_id).text
            for index, ev in self._evidence.get((side, clause_id), ()):
                if ev.text and ev.start >= 0 and text[ev.start : ev.end] == ev.text:
                    marks.append(Mark(index, ev, offset + ev.start))
            offset += len(text) + len(PART_SEPARATOR)
        return tuple(marks)


def pieces(index: ChangeIndex, pair: ClausePair) -> tuple[Piece, ...]:
    """The pair's edits cut at separators and evidence edges; each piece carries the
    marks covering it (old-side marks on old text, new-side marks on new text)."""
    old_marks = index.marks(pair, "old")
    new_marks = index.marks(pair, "new")
    out: list[Piece] = []
    pos = {"old": 0, "new": 0}
    for edit in pair.edits:
        sides: list[tuple[Side, tuple[Mark, ...]]] = []
        if edit.op is not Op.INSERT:
            sides.append(("old", old_marks))
        if edit.op is not Op.DELETE:
            sides.append(("new", new_marks))
        cuts = {0, len(edit.text)}
        for side, marks in sides:
            base = pos[side]
            for mark in marks:
                for edge in (mark.start - base, mark.end - base):
                    if 0 < edge < len(edit.text):
                        cuts.add(edge)
        at = edit.text.find(PART_SEPARATOR)
        while at >= 0:
            cuts.update((at, at + 1))
            at = edit.text.find(PART_SEPARATOR, at + 1)
        ordered = sorted(cuts)
        for a, b in pairwise(ordered):
            covering: list[Mark] = []
            for side, marks in sides:
                lo, hi = pos[side] + a, pos[side] + b
                covering.extend(m for m in marks if m.start <= lo and hi <= m.end)
            out.append(Piece(edit.op, edit.text[a:b], _unique(covering)))
        for side, _ in sides:
            pos[side] += len(edit.text)
    return tuple(out)


def inline(all_pieces: Sequence[Piece]) -> tuple[Paragraph, ...]:
    """Old and new interleaved; a new paragraph wherever either side has a break."""
    paragraphs: list[Paragraph] = []
    current: list[Piece] = []
    for piece in all_pieces:
        if piece.text == PART_SEPARATOR:
            op = None if piece.op is Op.EQUAL else piece.op
            paragraphs.append(Paragraph(tuple(current), break_op=op))
            current = []
        else:
            current.append(piece)
    paragraphs.append(Paragraph(tuple(current)))
    return tuple(paragraphs)


def one_side(all_pieces: Sequence[Piece], ids: Sequence[str], side: Side) -> tuple[Paragraph, ...]:
    """One version's text alone, one paragraph per clause id of that side."""
    skip = Op.INSERT if side == "old" else Op.DELETE
    groups: list[list[Piece]] = [[]]
    for piece in all_pieces:
        if piece.op is skip:
            continue
        if piece.text == PART_SEPARATOR:
            groups.append([])
        else:
            groups[-1].append(piece)
    # A side's text has one separator fewer than it has clauses; pad in case it does not.
    labels: list[str | None] = [*ids, *([None] * max(0, len(groups) - len(ids)))]
    return tuple(Paragraph(tuple(g), clause=labels[i]) for i, g in enumerate(groups))


def _unique(marks: Iterable[Mark]) -> tuple[Mark, ...]:
    seen: set[tuple[int, int, int]] = set()
    out = []
    for mark in marks:
        key = (mark.change, mark.start, mark.end)
        if key not in seen:
            seen.add(key)
            out.append(mark)
    return tuple(out)


def text_of(paragraphs: Iterable[Paragraph]) -> Iterator[str]:
    """The plain text of each paragraph (for tests and the Markdown view)."""
    for paragraph in paragraphs:
        yield "".join(p.text for p in paragraph.pieces)
