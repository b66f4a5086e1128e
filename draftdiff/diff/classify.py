"""Provides clause-level changes: what happened to each aligned group of clauses.

    added, removed, moved, renumbered, split, merged -> clause.*
    reworded                                         -> clause.modified
    only punctuation, case or whitespace differ      -> text.cosmetic
    a title or heading line added, removed, reworded -> heading.changed
    a footnote, endnote or comment added, removed     -> note.added / note.removed /
                                                         note.changed

Headings carry no obligations ("headings are for convenience only", as most
agreements say), so heading.changed is not substantive; the clauses under a
heading are reported on their own. Semantic changes (obligations, guarantees,
values, terms) are found by the semantic layer from the same pairs; this module
knows only clause identity.
"""

from __future__ import annotations

from draftdiff.diff.align import same_number
from draftdiff.diff.result import Change, ClausePair, Op, Severity, Status
from draftdiff.model import Clause, Document

SNIPPET_WORDS = 12


def clause_changes(pair: ClausePair, old: Document, new: Document) -> list[Change]:
    """The clause-level change(s) of one aligned group (none when unchanged)."""
    o, n = pair.old_id, pair.new_id
    olds = [old.clause(i) for i in pair.old]
    news = [new.clause(i) for i in pair.new]
    if pair.status is Status.UNCHANGED:
        return []
    if all(c.is_heading_only for c in olds + news):
        if (
            len(olds) == len(news) == 1
            and olds[0].text == news[0].text
            and not same_number(olds[0], news[0])
        ):
            # "ARTICLE II / OBLIGATIONS" now "ARTICLE III / OBLIGATIONS": an article
            # inserted before it renumbered it; its heading still reads the same. A
            # heading that lost (or gained) its number has a position, not a number, on
            # one side: "1 is now numbered ¶6" would read as a number.
            title = snippet(news[0].text)
            if not news[0].number:
                summary = f"heading {o} ({title}) is no longer numbered"
            elif not olds[0].number:
                summary = f"heading {title} is now numbered {n}"
            else:
                summary = f"{name(o)} is now numbered {n}"
            return [Change("clause.renumbered", Severity.INFO, summary, None, o, n)]
        return [_heading_change(pair, olds, news)]
    if all(c.is_note for c in olds + news):
        return _note_change(pair, olds, news)
    if pair.status is Status.ADDED:
        return [
            Change(
                "clause.added",
                Severity.MEDIUM,
                f"{name(n)} added: {snippet(news[0].text)}",
                None,
                None,
                n,
            )
        ]
    if pair.status is Status.REMOVED:
        return [
            Change(
                "clause.removed",
                Severity.MEDIUM,
                f"{name(o)} removed: {snippet(olds[0].text)}",
                None,
                o,
                None,
            )
        ]
    if pair.status is Status.SPLIT:
        return [
            Change(
                "clause.split", Severity.LOW, f"{name(o)} split into {_join(pair.new)}", None, o, n
            )
        ]
    if pair.status is Status.MERGED:
        return [
            Change(
                "clause.merged",
                Severity.LOW,
                f"{_join(pair.old)} merged into {name(n)}",
                None,
                o,
                n,
            )
        ]
    reworded = not pair.cosmetic and any(e.op is not Op.EQUAL for e in pair.edits)
    if pair.status is Status.MOVED:
        how = " and reworded" if reworded else ""
        return [
            Change("clause.moved", Severity.LOW, f"{name(o)} moved to {name(n)}{how}", None, o, n)
        ]
    changes = []
    if not same_number(olds[0], news[0]):
        changes.append(
            Change("clause.renumbered", Severity.INFO, f"{name(o)} is now numbered {n}", None, o, n)
        )
    if pair.cosmetic:
        changes.append(
            Change(
                "text.cosmetic",
                Severity.INFO,
                f"{name(n)}: punctuation, case or spacing changed",
                None,
                o,
                n,
            )
        )
    elif reworded:
        changes.append(Change("clause.modified", Severity.LOW, f"{name(n)} reworded", None, o, n))
    return changes


def _heading_change(pair: ClausePair, olds: list[Clause], news: list[Clause]) -> Change:
    o, n = pair.old_id, pair.new_id
    if not olds:
        summary = f"heading added: {snippet(news[0].text)}"
    elif not news:
        summary = f"heading removed: {snippet(olds[0].text)}"
    else:
        summary = f"heading {name(o)} now reads: {snippet(news[0].text)}"
    return Change("heading.changed", Severity.INFO, summary, None, o, n)


def _note_change(pair: ClausePair, olds: list[Clause], news: list[Clause]) -> list[Change]:
    # A template's drafting notes go when it is filled in; one low change each, so the
    # clauses of the agreement stay on top.
    o, n = pair.old_id, pair.new_id
    if not olds:
        return [
            Change(
                "note.added",
                Severity.LOW,
                f"{name(n)} note added: {snippet(news[0].text)}",
                None,
                None,
                n,
            )
        ]
    if not news:
        return [
            Change(
                "note.removed",
                Severity.LOW,
                f"{name(o)} note removed: {snippet(olds[0].text)}",
                None,
                o,
                None,
            )
        ]
    if pair.cosmetic or all(e.op is Op.EQUAL for e in pair.edits):
        return []
    return [Change("note.changed", Severity.LOW, f"{name(n)} note reworded", None, o, n)]


def snippet(text: str, limit: int = SNIPPET_WORDS) -> str:
    """The first words of a text, with an ellipsis when cut."""
    words = text.split()
    cut = " ".join(words[:limit])
    return cut + ("…" if len(words) > limit else "")


def name(clause_id: str | None) -> str:
    """How a summary refers to a clause: "4.2", "paragraph ¶3", "the title"."""
    if clause_id is None:
        return "clause"
    if clause_id == "title":
        return "the title"
    if "¶" in clause_id:
        return "paragraph " + clause_id
    return clause_id


def _join(ids: tuple[str, ...]) -> str:
    names = [name(i) for i in ids]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
