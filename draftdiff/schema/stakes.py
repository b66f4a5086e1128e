"""Provides the stakes block of a schema: which clauses decide the most, and how much.

A negotiator reads a change of governing law, forum, term, entry into force, caps and
indemnities, security commitments, payments and governance before any other. The
`stakes:` block of a schema names these kinds of clause, how each is recognised (its
heading, or a heading above it, and its content) and what a change in one is worth;
draftdiff/diff/stakes.py applies it to the findings of a comparison.

Phrases match whole words, case-insensitively; a phrase starting with `re:` is a regular
expression used as written (case-sensitive, so "laws of (?:the )?[A-Z]\\w+" can tell a
named law from "all applicable laws").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class StakesKind:
    """One kind of key clause (governing law, forum, ...)."""

    name: str
    """Its code, as JSON's `reason_kind`: "governing_law", "forum", ..."""
    label: str
    """How a reason names it: "governing law"."""
    why: str = ""
    """What rides on it, for the reason of a finding: "which law decides disputes"."""
    headings: tuple[re.Pattern[str], ...] = ()
    """A clause whose heading, or a heading above it, matches one is of this kind."""
    content: tuple[re.Pattern[str], ...] = ()
    """A clause whose text matches one is of this kind, whatever its heading."""
    decisive: tuple[re.Pattern[str], ...] = ()
    """Words that carry the stakes (the law named, "arbitration", "exclusive"): when the
    ones found differ between versions, or a clause holding one is added or removed,
    the change is `decisive_severity`."""
    values: bool = False
    """A changed amount, percentage, duration or count in such a clause is decisive."""
    severity: str = "medium"
    """The least severity of any substantive change in such a clause."""
    decisive_severity: str = "high"
    caps: tuple[re.Pattern[str], ...] = ()
    """Words that cap an amount ("shall not exceed", "up to a maximum of"): a cap gone
    leaves what it capped unlimited."""
    seats: tuple[re.Pattern[str], ...] = ()
    """Who appoints how many members of a body: groups `who` and `n` ("all" or a number)."""
    size: tuple[re.Pattern[str], ...] = ()
    """How many members a body has: group `n`."""


@dataclass(frozen=True)
class Stakes:
    """A schema's stakes block."""

    kinds: tuple[StakesKind, ...] = ()
    ledger: str = "high"
    """Severity of a change that takes a party from no duties to some, or to none."""
    ledger_why: str = ""

    def kind(self, name: str) -> StakesKind | None:
        return next((k for k in self.kinds if k.name == name), None)


def phrase_pattern(phrase: str) -> str:
    """The regular expression of a stakes phrase: `re:` as written, else whole words,
    any run of spaces for a space, case-insensitive."""
    if phrase.startswith("re:"):
        return phrase.removeprefix("re:")
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    return rf"(?i:(?<![\w-]){words}(?![\w-]))"


Compile = Callable[[list[Any], str], re.Pattern[str]]
"""Compiles one pattern, raising the loader's file:line error at the given path."""


def build_stakes(
    raw: Mapping[str, Any] | None,
    base: Stakes | None,
    compiled: Compile,
    missing_group: Callable[[list[Any], str], Exception],
) -> Stakes:
    """The stakes of a schema file: its own kinds over the base's, one by one."""
    base = base or Stakes()
    if not raw:
        return base
    kinds = {k.name: k for k in base.kinds}
    for name, spec in dict(raw.get("kinds", {})).items():
        where: list[Any] = ["stakes", "kinds", name]

        def patterns(
            key: str,
            groups: Sequence[str] = (),
            spec: Mapping[str, Any] = spec,
            where: list[Any] = where,
        ) -> tuple[re.Pattern[str], ...]:
            # seats and size are regular expressions (their groups are read); the
            # other keys are phrases.
            out = []
            for i, phrase in enumerate(spec.get(key, ())):
                at = [*where, key, i]
                pattern = compiled(at, phrase if groups else phrase_pattern(phrase))
                for group in groups:
                    if group not in pattern.groupindex:
                        raise missing_group(at, group)
                out.append(pattern)
            return tuple(out)

        kinds[name] = StakesKind(
            name=name,
            label=spec.get("label", name.replace("_", " ")),
            why=spec.get("why", ""),
            headings=patterns("headings"),
            content=patterns("content"),
            decisive=patterns("decisive"),
            values=bool(spec.get("values", False)),
            severity=spec.get("severity", "medium"),
            decisive_severity=spec.get("decisive_severity", "high"),
            caps=patterns("caps"),
            seats=patterns("seats", ("who", "n")),
            size=patterns("size", ("n",)),
        )
    return Stakes(
        kinds=tuple(kinds.values()),
        ledger=raw.get("ledger", base.ledger),
        ledger_why=raw.get("ledger_why", base.ledger_why),
    )


__all__ = ["SEVERITIES", "Stakes", "StakesKind", "build_stakes", "phrase_pattern"]
