"""Provides the modality ladder: what kind of commitment a provision is, and how strong.

Strongest first (DESIGN.md):

    prohibition, obligation, guarantee     "shall not", "shall", "guarantees"   4
    qualified_obligation                   "shall use reasonable efforts to"    3
    weak_commitment                        "will consider", "intends to"        2
    permission                             "may"                                1
    right                                  "shall hold", "shall receive"        (a benefit)

Prohibitions, guarantees and rights are families of their own: a prohibition
turning into an obligation is not a strengthening but a different provision.
Obligations, qualified obligations, weak commitments and permissions form one
ladder, so "will consider" -> "shall" is an obligation strengthened and "shall"
-> "may" an obligation weakened.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Modality(StrEnum):
    PROHIBITION = "prohibition"
    OBLIGATION = "obligation"
    GUARANTEE = "guarantee"
    QUALIFIED = "qualified_obligation"
    WEAK = "weak_commitment"
    PERMISSION = "permission"
    RIGHT = "right"

    @property
    def strength(self) -> int:
        """Rank on the ladder: 4 = firm duty ... 1 = permission, 0 = a right (no duty)."""
        return _STRENGTH[self]

    @property
    def family(self) -> str:
        """The change family it belongs to: obligation, prohibition, guarantee, permission."""
        return _FAMILY[self]

    @property
    def ledger_kind(self) -> str:
        """The ledger column it counts in (rights count as permissions: rights held)."""
        return "permission" if self in (Modality.PERMISSION, Modality.RIGHT) else self.family

    @property
    def label(self) -> str:
        """How a summary names it: "qualified obligation", "weak commitment"."""
        return self.value.replace("_", " ")

    @property
    def is_duty(self) -> bool:
        """Whether it binds its actor (permissions and rights do not)."""
        return self.strength >= 2


_STRENGTH = {
    Modality.PROHIBITION: 4,
    Modality.OBLIGATION: 4,
    Modality.GUARANTEE: 4,
    Modality.QUALIFIED: 3,
    Modality.WEAK: 2,
    Modality.PERMISSION: 1,
    Modality.RIGHT: 0,
}
_FAMILY = {
    Modality.PROHIBITION: "prohibition",
    Modality.OBLIGATION: "obligation",
    Modality.GUARANTEE: "guarantee",
    Modality.QUALIFIED: "obligation",
    Modality.WEAK: "obligation",
    Modality.PERMISSION: "permission",
    Modality.RIGHT: "permission",
}

MODAL_CATEGORIES = (
    "non_duty",
    "possibility",
    "prohibition",
    "guarantee",
    "qualified_obligation",
    "weak_commitment",
    "right",
    "grant",
    "permission",
    "obligation",
)
"""Lexicon categories searched for cues, in order of precedence when two phrases of
the same length overlap (the longest phrase always wins first)."""

NOT_PROVISIONS = frozenset({"non_duty", "possibility"})
"""Categories whose phrases look like a modal but state no duty: found to be *set aside*."""

CATEGORY_MODALITY = {
    "prohibition": Modality.PROHIBITION,
    "obligation": Modality.OBLIGATION,
    "guarantee": Modality.GUARANTEE,
    "qualified_obligation": Modality.QUALIFIED,
    "weak_commitment": Modality.WEAK,
    "permission": Modality.PERMISSION,
    "grant": Modality.PERMISSION,
    "right": Modality.RIGHT,
}


@dataclass(frozen=True)
class Cue:
    """Words in a clause that carry a finding, and the rule that matched them."""

    text: str
    start: int
    """Offset in the clause text."""
    rule: str
    """"lexicon.obligation: shall", "lexicon.non_duty: shall not exceed", ..."""
    note: str = ""
    """Why a cue was set aside or changed ("no subject", "negated subject"), if it was."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)
