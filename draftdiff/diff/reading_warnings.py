"""Provides the warnings that say how far a version's ledger can be trusted.

Two things make a ledger quietly wrong, and both are visible in the provisions:

    parties.too_few          fewer than two parties found, yet the text binds more
                             than one actor ("The Parties shall", or duties of two
                             different names): the ledger leaves someone out and a
                             one-sidedness figure from one party would read 100 %
    parties.unknown_subject  duties whose subject is named like a party (a
                             capitalised name used without an article: "Ukraine
                             shall", "Buyer shall") but is no party found: they
                             are in nobody's ledger

Bodies named with an article ("the Fund shall", "the Board may") are not warned
about: they are the duties of others the ledger lists apart. Every warning says
how to name the parties (`--party NAME=ALIAS,...`).
"""

from __future__ import annotations

import re

from draftdiff.analyse.provisions import Analysis
from draftdiff.diff.result import ReadingWarning, Side
from draftdiff.model import Document

_ARTICLE = re.compile(r"^(?:the|a|an|any|each|every|such|its|their|his|her)\s", re.IGNORECASE)
HINT = 'name them with --party "NAME=ALIAS,ALIAS" (or a parties: file)'


def reading_warnings(side: Side, document: Document, analysis: Analysis) -> list[ReadingWarning]:
    """The warnings about one version, in the order: too few parties, unknown subjects."""
    unknown: dict[str, list[str]] = {}
    bearers: set[str] = set()
    joint = False
    for clause in document.walk():
        for provision in analysis.provisions(clause.id):
            if not provision.modality.is_duty:
                continue
            actor = provision.actor
            if actor.kind == "joint":
                joint = True
            elif actor.kind == "party" and actor.name:
                bearers.add(actor.name)
            elif actor.kind == "nonparty" and actor.name:
                bearers.add(actor.name)
                if _named_like_a_party(actor.text):
                    ids = unknown.setdefault(actor.name, [])
                    if clause.id not in ids:
                        ids.append(clause.id)
    out = []
    count = len(document.parties)
    if count < 2 and (joint or len(bearers) >= 2):
        found = (
            "no party found" if not count else f"only one party found ({document.parties[0].name})"
        )
        why = "the text speaks of the Parties jointly" if joint else "duties bind "
        if not joint:
            why += ", ".join(sorted(bearers))
        out.append(
            ReadingWarning(
                "parties.too_few",
                side,
                f"{document.path}: {found}, but {why}; the ledger leaves parties out and "
                f"no one-sidedness is computed; {HINT}",
                short=found,
            )
        )
    for name, ids in unknown.items():
        where = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
        out.append(
            ReadingWarning(
                "parties.unknown_subject",
                side,
                f"{document.path}: {len(ids)} clause{'s bind' if len(ids) != 1 else ' binds'} "
                f"{name!r}, which is no party found ({where}); these duties are in nobody's "
                f"ledger; {HINT}",
                tuple(ids),
                short=f"{name!r} bears duties but is no party",
            )
        )
    return out


def _named_like_a_party(text: str) -> bool:
    """ "Ukraine", "Buyer", "Acme Ltd": a capitalised name without an article."""
    words = " ".join(text.split())
    return bool(words) and words[0].isupper() and not _ARTICLE.match(words)
