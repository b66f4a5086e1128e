"""Provides conditions and carve-outs: "subject to", "provided that", "if", "unless".

A condition runs from its cue to the next comma, semicolon or the end of the
sentence, which is where a reader's eye stops too: "Subject to the availability
of appropriations, Norland shall ..." and "..., provided that Velmora has made
all Contributions then due." Phrases that merely look like conditions ("if any",
"as if") are the schema's `non_condition` list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftdiff.analyse.lexicon import Lexicon

_STOP = re.compile(r"[,;:]|\.(?=\s|$)")
_WORDS = re.compile(r"[^\W_]+")
_COORDINATED = re.compile(r"\b(?:and|or)$", re.IGNORECASE)
"""A condition whose words before a comma end in "and" / "or" goes on after it."""
KEY_WORDS = 10
"""How many words of a condition identify it across versions."""


@dataclass(frozen=True)
class Condition:
    """A condition or carve-out in a clause."""

    cue: str
    """The words that make it a condition ("subject to", "provided that")."""
    start: int
    """Offset of the cue in the clause text."""
    end: int
    """End of the condition's words (the next comma, semicolon or full stop)."""
    text: str
    """The whole condition, cue included."""
    rule: str

    @property
    def key(self) -> str:
        """Its first words, lower-cased: what identifies it across versions."""
        return " ".join(w.casefold() for w in _WORDS.findall(self.text)[:KEY_WORDS])


def find_conditions(text: str, start: int, end: int, lexicon: Lexicon) -> list[Condition]:
    """The conditions of one sentence, text[start:end]."""
    excluded = lexicon.iter(text, "non_condition", start, end)
    out = []
    for match in lexicon.find(text, ["condition"], start, end):
        if any(match.start < x.end and match.end > x.start for x in excluded):
            continue
        stop = _STOP.search(text, match.end, end)
        close = stop.start() if stop else end
        said = text[match.end : close].strip()
        if stop is not None and (not said or _COORDINATED.search(said)):
            # "if, in its judgment, X" and "if X sells its shares and, as a result,
            # holds less than half": the condition goes on after the parenthesis.
            later = _STOP.search(text, stop.end(), end)
            later = _STOP.search(text, later.end(), end) if later else None
            close = later.start() if later else end
        out.append(
            Condition(
                match.text,
                match.start,
                close,
                text[match.start : close].strip(),
                match.rule,
            )
        )
    return out


def similar(a: Condition, b: Condition) -> bool:
    """Whether two conditions are the same one, perhaps reworded."""
    if a.key == b.key:
        return True
    wa, wb = set(a.key.split()), set(b.key.split())
    if not wa or not wb:
        return False
    return a.cue.casefold() == b.cue.casefold() and len(wa & wb) / len(wa | wb) >= 0.5
