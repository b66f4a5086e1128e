"""Provides defined terms: where each is defined and which clauses use it.

    (a) "Fund" means the Norland-Velmora ...     a definition (schema terms.definitions)
    ... the "Services" ...  / (the "Services")   an inline name (schema terms.inline)

A term is used by every clause whose text contains it as a whole word, plural
included ("Contributions" uses "Contribution"). Uses are found in one pass over
the document with one pattern, so the cost stays linear in its size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from draftdiff.analyse.lexicon import alternation
from draftdiff.schema.model import Schema


@dataclass(frozen=True)
class Definition:
    """Where a term is given its meaning."""

    term: str
    clause: str
    start: int
    """Offset of the term in the clause text."""
    text: str
    """The defining sentence."""
    inline: bool
    """True for a name given in passing, (the "Services"), rather than a definition."""
    rule: str
    sentence: tuple[int, int] = (0, 0)
    """Offsets of the defining sentence in the clause text."""

    @property
    def end(self) -> int:
        return self.start + len(self.term)


def find_definitions(
    text: str, clause_id: str, span: tuple[int, int], schema: Schema
) -> list[Definition]:
    """Definitions and inline names in one sentence, text[span[0]:span[1]]."""
    sentence = text[span[0] : span[1]]
    out: list[Definition] = []
    for pattern in schema.terms.definitions:
        m = pattern.search(sentence)
        if m:
            term = m.group("term").strip()
            start = span[0] + m.start("term")
            out.append(
                Definition(term, clause_id, start, sentence, False, "terms.definitions", span)
            )
            break
    out = _several_definitions(sentence, clause_id, span, out)
    for pattern in schema.terms.inline:
        for m in pattern.finditer(sentence):
            term = m.group("term").strip()
            if any(d.term == term for d in out):
                continue
            start = span[0] + m.start("term")
            out.append(Definition(term, clause_id, start, sentence, True, "terms.inline", span))
    return out


SEVERAL_DEFINITIONS = re.compile(
    r"(?:^\W{0,3}(?:(?:in|for\s+the\s+purposes\s+of)\s+this\s+[A-Z]\w+\s*,\s*)"
    r"|[;:]\s*(?:and\s+|or\s+)?|,\s*(?:and\s+)?|\band\s+)"
    r"[\"“](?P<term>[^\"“”]{1,80})[\"”]\s*(?:shall\s+mean|means|has\s+the\s+meaning|"
    r"shall\s+have\s+the\s+meaning|includes|shall\s+include|refers\s+to)\b",
    re.IGNORECASE,
)
"""`In this Agreement, "Products" means …, and "Territory" means …`: definitions after a
lead-in, or one after another in one sentence, each running to where the next begins."""


def _several_definitions(
    sentence: str, clause_id: str, span: tuple[int, int], found: list[Definition]
) -> list[Definition]:
    """The definitions of a sentence that gives several, or one after a lead-in, each
    with its own words as its text, so that a change to one redefines only it."""
    starts: dict[str, int] = {d.term: d.start - span[0] for d in found}
    for m in SEVERAL_DEFINITIONS.finditer(sentence):
        starts.setdefault(m.group("term").strip(), m.start("term"))
    if len(starts) < 2 and len(starts) == len(found):
        return found  # one definition, the sentence's own: its text is the sentence
    order = sorted(starts.items(), key=lambda item: item[1])
    out = []
    for k, (term, at) in enumerate(order):
        quote = max(sentence.rfind(q, 0, at) for q in ('"', "“"))
        begin = quote if quote >= 0 else at
        end = len(sentence)
        if k + 1 < len(order):
            nxt = order[k + 1][1]
            end = max(sentence.rfind(q, 0, nxt) for q in ('"', "“"))
        words = sentence[begin:end].rstrip(" ;,").removesuffix(" and").rstrip(" ;,")
        out.append(
            Definition(term, clause_id, span[0] + at, words, False, "terms.definitions", span)
        )
    return out


class TermUses:
    """Finds which terms a text uses."""

    def __init__(self, terms: Iterable[str]) -> None:
        names = alternation(terms)
        self._pattern = (
            re.compile(rf"(?<![\w-])(?P<t>{names})(?:s|es)?(?![\w-])") if names else None
        )

    def used(self, text: str) -> tuple[str, ...]:
        if self._pattern is None:
            return ()
        seen: dict[str, None] = {}
        for m in self._pattern.finditer(text):
            seen.setdefault(m.group("t"), None)
        return tuple(seen)


UNQUOTED = re.compile(
    r"^\s*(?:\*\*)?(?P<term>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|and|the|for|in)){0,5})"
    r"(?:\*\*)?(?:[ \t]*:|[ \t]+(?:means|shall\s+mean|has\s+the\s+meaning|shall\s+have\s+the"
    r"\s+meaning|includes|refers\s+to)\b)[ \t]+(?=\S)"
)
"""`Territory: the countries listed in Schedule 2.`, `Deliverables means …` (a Markdown
bold term, its stars read away): a term written without quotes."""
DEFINITIONS_SECTION = re.compile(
    r"\b(?:definitions?|interpretation|defined\s+terms)\b|^\s*in\s+this\s+(?:agreement|contract)\b"
    r".*:\s*$",
    re.IGNORECASE,
)
"""A heading or lead-in that opens a definitions section."""


def unquoted_definition(text: str, clause_id: str, in_definitions: bool) -> Definition | None:
    """`Term: meaning` as a definition, in a definitions section only (elsewhere
    "Address: …" is a label, not a term)."""
    if not in_definitions:
        return None
    m = UNQUOTED.match(text)
    if m is None or m.group("term").split()[-1] in {"of", "and", "the", "for", "in"}:
        return None
    return Definition(
        m.group("term"), clause_id, m.start("term"), text, False, "terms.unquoted", (0, len(text))
    )


def opens_definitions(heading: str, text: str) -> bool:
    """True for a clause whose heading or lead-in opens a definitions section."""
    return (
        bool(DEFINITIONS_SECTION.search(heading))
        or bool(
            len(text) < 120 and DEFINITIONS_SECTION.search(text) and text.rstrip().endswith(":")
        )
        or bool(len(text) < 60 and DEFINITIONS_SECTION.search(text))
    )
