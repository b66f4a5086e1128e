"""Provides the parsed document model: blocks, clauses, parties and documents.

Everything here is a frozen dataclass holding tuples, never lists: a parsed
document is a value. Later stages (alignment, classification, rendering) keep
their results *beside* the tree, keyed by clause id, and never mutate it.

    Block   one paragraph-like unit as a reader found it (text + exact source slice)
    Clause  a node of the clause tree built from blocks by a YAML schema
    Party   a contracting party with the names it goes by
    Document  title, parties, clause tree, and where it came from
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a reader says a block is, before any schema looks at it."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    OTHER = "other"
    """Thematic breaks, HTML blocks, code blocks: kept so nothing is lost."""
    NOTE = "note"
    """A footnote, endnote or comment, placed under the clause that cites it. Notes
    explain a draft ("The Company may want to limit this right ..."); they are
    compared, but no provision is read from them."""


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit read from a file, before any schema applies."""

    text: str
    """Plain text: markup removed, hard wraps joined, typed numbers kept ("3.2 Price ...").

    Never contains U+2029 (PARAGRAPH SEPARATOR): readers turn it into a newline,
    so the comparison can use it to join the texts of split and merged clauses."""
    raw: str
    """The exact slice of the decoded source this block came from, including the
    blank lines after it; concatenating every block's raw rebuilds the file.

    For .docx, which has no text source, it is the paragraph as Word shows it: the
    list label, a space and the text, then "\n" (the exact rebuild is a property
    of the text formats only)."""
    line: int
    """1-based line of the source where the block starts (0 when not line-based);
    for .docx, the 1-based number of the paragraph in the body."""
    kind: BlockKind = BlockKind.PARAGRAPH
    label: str = ""
    """A number the format renders outside the text: Word auto-numbering ("3.2."),
    a Markdown ordered-list marker ("1."). Empty when the number, if any, is typed."""
    depth: int = 0
    """List nesting or indentation depth the format shows (0 = body text)."""
    heading: int = 0
    """Heading level the format declares (Markdown #, Word Heading N); 0 = none."""
    style: str = ""
    """The format's style name for the block, when it has one (Word paragraph style)."""
    indent: int | None = None
    """Left indentation of the block's text in twips (.docx: w:ind as Word applies it,
    numbering and styles included); None when the format has no such measure."""


@dataclass(frozen=True)
class Clause:
    """A node of the clause tree: one block placed at a schema level."""

    id: str
    """Normalised path id, unique in the document: "3.2", "II(a)", "A.1", "7"; an
    unnumbered paragraph gets "¶n" after its parent's id ("2¶1", or "¶4" at the top)."""
    number: str
    """The number as printed, without a trailing dot: "3.2", "(a)", "Article 7"; "" if none."""
    heading: str
    """The clause heading when the schema found one ("Definitions"), else ""."""
    text: str
    """The clause's own text: the block text with the printed number removed. A heading
    that shares the block ("Access and Use. During ...") stays part of the text."""
    level: str
    """Name of the schema level that matched ("article", "section", "paragraph", "body")."""
    depth: int
    """Depth in the tree: 0 for top-level clauses."""
    block: Block
    children: tuple[Clause, ...] = ()

    def walk(self) -> Iterator[Clause]:
        """Yield this clause, then every descendant in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_note(self) -> bool:
        """A footnote, endnote or comment rather than a clause of the agreement."""
        return self.block.kind is BlockKind.NOTE

    @property
    def is_heading_only(self) -> bool:
        """The title, or a heading with no text of its own: it names what follows and
        states nothing ("headings are for convenience only")."""
        return self.id == "title" or (
            self.block.kind is BlockKind.HEADING and self.text == self.heading
        )

    @property
    def display_text(self) -> str:
        """The clause as a reader sees it: number then text."""
        return f"{self.number} {self.text}".strip() if self.number else self.text


@dataclass(frozen=True)
class Party:
    """A party to the agreement and every name it goes by in the text."""

    name: str
    """The defined short name used in the clauses ("Supplier", "Ukraine")."""
    aliases: tuple[str, ...] = ()
    """Other names for the same party ("the Government of Ukraine", "the Ukrainian Side")."""
    assumed: bool = False
    """Not defined in the document: one of the schema's default roles (Licensor and
    Licensee, Provider and Customer) standing in because the preamble names nobody."""
    found: str = ""
    """How it was found, for the reader to check: `preamble: (the "Supplier")`,
    "parties list", "cover page", "signature block", "schema default"."""

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class PageText:
    """A header or footer: text Word prints on the pages, outside the clause tree."""

    kind: str
    """"header" or "footer"."""
    place: str
    """Which pages: "default", "first" (first page of a section) or "even"."""
    text: str


@dataclass(frozen=True)
class Document:
    """A parsed version of an agreement."""

    path: str
    """The path as the user gave it (shown in reports and errors)."""
    title: str
    schema: str
    """Name of the YAML schema that built the clause tree."""
    clauses: tuple[Clause, ...]
    """Top-level clauses in document order; front matter before the first numbered
    clause is kept as unnumbered top-level clauses so nothing is lost."""
    parties: tuple[Party, ...] = ()
    format: str = "text"
    """Reader that produced it: "text", "markdown", "docx"."""
    fallback: str = ""
    """Why the clause structure could not be found, when it could not ("" otherwise).
    The document is then compared paragraph by paragraph."""
    notes: tuple[str, ...] = ()
    """What the reader could not read or chose to skip, in words a user understands
    ("2 embedded charts not compared")."""
    trailer: str = ""
    """Source text after the last block (usually nothing); keeps the rebuild exact."""
    page_texts: tuple[PageText, ...] = ()
    """Headers and footers (.docx), each distinct text once; compared, not clauses."""
    view: str = ""
    """Which text of a file with pending tracked changes was read: "accepted" (every
    change accepted) or "original" (every change rejected); "" when it has none."""
    pending_revisions: int = 0
    """How many tracked changes the file carries (insertions, deletions, moves, formatting)."""
    revision_authors: tuple[str, ...] = ()
    """Who made the pending tracked changes, most changes first."""
    schema_path: str = ""
    """Where the schema named by `schema` was loaded from, so later stages (the
    semantic layer) read the document with the same schema; "" when unknown."""
    _index: dict[str, Clause] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A frozen dataclass can still fill its own private cache once, here.
        self._index.update((c.id, c) for c in self.walk())

    def walk(self) -> Iterator[Clause]:
        """Every clause in document order (pre-order)."""
        for clause in self.clauses:
            yield from clause.walk()

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id; KeyError if there is none."""
        return self._index[clause_id]

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self._index

    @property
    def clause_count(self) -> int:
        return len(self._index)

    def source_text(self) -> str:
        """Rebuild the decoded source exactly from the blocks' raw slices."""
        return "".join(c.block.raw for c in self.walk()) + self.trailer

    def plain_text(self) -> str:
        """The document as plain text, one clause per line, numbers included."""
        return "\n".join(c.display_text for c in self.walk())
