"""Provides the in-memory form of a YAML schema: clause levels, party rules, lexicon.

A schema is data, not code: a new kind of agreement needs a new YAML file in
`schemas/`, never a new Python module. See `schemas/README.md` for the format
and `schemas/draftdiff-schema.json` for its JSON Schema.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from draftdiff.schema.stakes import Stakes


class Nesting(StrEnum):
    """How numbers of one level nest among themselves."""

    FLAT = "flat"
    """Every number of the level is a sibling: (a), (b), (c)."""
    COMPONENTS = "components"
    """Dotted numbers nest by their number of parts: 3 > 3.1 > 3.1.2."""


@dataclass(frozen=True)
class Level:
    """One level of the clause hierarchy, highest level first in `Schema.levels`."""

    name: str
    match: tuple[re.Pattern[str], ...] = ()
    """Patterns tried at the start of a block's text (or its list label). Each has a
    group `num` (the number as printed), optionally `id` (the part used in clause ids,
    e.g. "7" of "Article 7") and `heading` (heading text on the same line)."""
    headings: tuple[int, ...] = ()
    """Format heading levels (Markdown #, Word Heading N) an unnumbered heading takes."""
    caps_headings: bool = False
    """A short ALL-CAPS line on its own is an unnumbered heading at this level."""
    nesting: Nesting = Nesting.FLAT
    continuous: bool = False
    """Numbers run through the whole document (Article 7 stays "7" under Part II)."""


@dataclass(frozen=True)
class PartyRules:
    """How the parties of a document are found in its preamble."""

    definitions: tuple[re.Pattern[str], ...] = ()
    """Patterns with a group `name` (the defined short name) and optionally `full`
    (the longer name it stands for): `the Government of X (hereinafter "X")`."""
    collective: tuple[str, ...] = ()
    """Names that denote the parties together or any one of them ("Parties",
    "each Party"); never a party of their own."""
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Extra names per party role, e.g. Licensee: [You] in licences."""
    roles: tuple[str, ...] = ()
    """Party names assumed when the preamble defines none (licences: Licensor, Licensee)."""
    preamble_blocks: int = 20
    """How many leading blocks are searched with `definitions`."""
    things: tuple[str, ...] = ()
    """Short names that name a thing, never a party ("Agreement", "Effective Date")."""


@dataclass(frozen=True)
class TermRules:
    """How defined terms are found ("Fund" means ...; the "Services")."""

    definitions: tuple[re.Pattern[str], ...] = ()
    """Patterns tried at the start of a sentence, with a group `term`: a definition
    whose text can be redefined between versions."""
    inline: tuple[re.Pattern[str], ...] = ()
    """Patterns anywhere in a sentence, with a group `term`: a name given in passing
    (`(the "Services")`); its uses are tracked, its wording is not a definition."""


@dataclass(frozen=True)
class Schema:
    """A loaded, validated schema."""

    name: str
    description: str
    path: str
    levels: tuple[Level, ...]
    parties: PartyRules = field(default_factory=PartyRules)
    lexicon: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Phrase lists by category (obligation, prohibition, permission, guarantee,
    qualified_obligation, weak_commitment, right, condition, ...). See schemas/base.yaml
    for every category the semantic layer (draftdiff/analyse) reads."""
    numbers: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    """Number words and their values ("thirty": 30); scale words (100 and above, powers
    of ten) multiply what precedes them."""
    terms: TermRules = field(default_factory=TermRules)
    references: tuple[re.Pattern[str], ...] = ()
    """Cross-reference patterns with a group `target` ("5.4" of "Section 5.4") and
    optionally `kind` ("Section")."""
    hints: tuple[re.Pattern[str], ...] = ()
    """Patterns whose presence suggests this kind of document; used only to break
    ties when choosing a schema automatically."""
    abstract: bool = False
    """A base for other schemas to extend; never chosen for a document."""
    stakes: Stakes = field(default_factory=Stakes)
    """Key clause kinds and what a change in one is worth (draftdiff/diff/stakes.py)."""

    def level(self, name: str) -> Level:
        for level in self.levels:
            if level.name == name:
                return level
        raise KeyError(name)


def regex_of_phrase(phrase: str) -> str:
    """The regular expression of a `re:` lexicon phrase, grouped so that it stands
    as one alternative."""
    return f"(?:{phrase.removeprefix('re:')})"


def phrase_alternation(regexes: Sequence[str]) -> re.Pattern[str]:
    """Lexicon phrases' regular expressions as one case-insensitive pattern, each
    alternative in its group `p0`, `p1`, ... that tells which phrase matched.

    The loader checks `re:` phrases by compiling them this way too: a pattern valid on
    its own can fail once wrapped, as `(?i)` does, being allowed only at the start."""
    parts = [f"(?P<p{i}>{regex})" for i, regex in enumerate(regexes)]
    return re.compile("|".join(parts), re.IGNORECASE)
