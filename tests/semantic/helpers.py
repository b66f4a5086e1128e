"""Builds small documents with named parties, and reads sentences, for the semantic tests."""

from __future__ import annotations

from dataclasses import replace

from draftdiff.analyse import ClauseAnalysis, Provision, analyse_text
from draftdiff.diff.compare import compare
from draftdiff.diff.result import Change, Comparison
from draftdiff.model import Document, Party
from draftdiff.parse.document import parse_text
from draftdiff.schema.load import builtin_schemas

TREATY = (
    Party("Norland", ("Government of the Republic of Norland",)),
    Party("Velmora", ("Government of the Republic of Velmora",)),
)
SUPPLY = (Party("Supplier", ("Acme Corp.",)), Party("Buyer", ()))


def document(
    *clauses: str, parties: tuple[Party, ...] = TREATY, schema: str = "agreement"
) -> Document:
    """A Markdown document with these clauses (each typed with its number)."""
    text = "# Agreement\n\n" + "\n\n".join(clauses) + "\n"
    return replace(parse_text(text, path="doc.md", schema=schema), parties=parties)


def changes(
    old: list[str], new: list[str], parties: tuple[Party, ...] = TREATY, schema: str = "agreement"
) -> list[Change]:
    """The semantic changes (no clause.* or text.cosmetic) between two versions."""
    return [
        c
        for c in compare_docs(old, new, parties, schema).changes
        if c.family not in ("clause", "text", "heading")
    ]


def compare_docs(
    old: list[str], new: list[str], parties: tuple[Party, ...] = TREATY, schema: str = "agreement"
) -> Comparison:
    return compare(
        document(*old, parties=parties, schema=schema),
        document(*new, parties=parties, schema=schema),
    )


def kinds(found: list[Change]) -> list[tuple[str, str | None]]:
    return sorted((c.type, c.party) for c in found)


def read(
    text: str, parties: tuple[Party, ...] = TREATY, schema: str = "agreement"
) -> ClauseAnalysis:
    return analyse_text(text, parties, builtin_schemas()[schema])


def provisions(
    text: str, parties: tuple[Party, ...] = TREATY, schema: str = "agreement"
) -> list[tuple[str | None, str, str]]:
    """(actor, modality, cue) of each provision in a sentence."""
    return [_brief(p) for p in read(text, parties, schema).provisions]


def _brief(p: Provision) -> tuple[str | None, str, str]:
    return (p.actor.name, p.modality.value, p.cue.text)
