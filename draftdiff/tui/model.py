"""Provides the browser's view model: outline rows, filters, navigation and the ledger table.

Plain data and functions, no Textual, so every rule the browser follows is unit-tested
without an app:

    Comparison --build_rows--> Row per clause pair (new version's order, removed kept in place)
    rows + Filters --apply_filters--> View (rows to show, which of them match)
    View + current row --step--> the next or previous change
    Comparison --ledger_table--> before / after per party and kind of provision
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from draftdiff.analyse.modality import Modality
from draftdiff.diff.result import (
    LEDGER_KINDS,
    NON_SUBSTANTIVE,
    Change,
    ClausePair,
    Comparison,
    Ledger,
    Severity,
    Side,
    Status,
)
from draftdiff.model import Clause
from draftdiff.render import summary
from draftdiff.render.redline import ChangeIndex
from draftdiff.render.summary import Cell

CLAUSE_FAMILIES = frozenset({"clause", "text", "heading"})
"""Change families about clause identity; every other family is semantic."""

OBLIGATION_FAMILIES = frozenset({"obligation", "prohibition"})
"""What "obligations only" keeps: duties to do and duties not to do."""

GUARANTEE_FAMILIES = frozenset({"guarantee"})

ATTACHED_FAMILIES = frozenset({"value", "condition", "scope"})
"""Changes to something a provision holds (its amount, deadline, condition, scope): the
`o` and `g` filters count them under the family of the provision that holds them."""

JOINT = "joint duties"
"""The party filter's entry for what the parties bear together ("The Parties shall",
"Each Party shall"), offered beside each named party."""

_COLLECTIVE = re.compile(
    r"(?:(?:each|both|all|either|neither)\s+(?:of\s+)?)?(?:the\s+)?"
    r"(?:parties|party|sides|side|participants|participant|contracting parties)",
    re.IGNORECASE,
)

SEVERITY_STEPS: tuple[Severity | None, ...] = (
    None,
    Severity.LOW,
    Severity.MEDIUM,
    Severity.HIGH,
)
"""The severity filter cycles through these minimums (None = any severity)."""


def is_semantic(change: Change) -> bool:
    """True for changes the semantic layer reports (obligations, guarantees, values, ...)."""
    return change.family not in CLAUSE_FAMILIES


@dataclass(frozen=True)
class Row:
    """One line of the outline: a clause pair, placed in the new version's tree."""

    index: int
    """Position of the pair in `Comparison.pairs` (and of the row in the row list)."""
    pair: ClausePair
    side: Side
    """The version the row's clause is shown from: "new", or "old" for a removed clause."""
    clause: Clause
    """The first clause of that side, for its number, heading and depth."""
    depth: int
    parent: int | None
    """Index of the row this one sits under in the outline, None at the top."""
    changes: tuple[Change, ...]
    """Every change pointing at this pair, most severe first (Comparison order)."""
    texts: tuple[str, ...]
    """The texts of every clause in the pair, both versions (for search)."""
    weak: tuple[Change, ...] = ()
    """Of `changes`, the obligations added or removed that are only weak commitments
    ("will consider"): obligation.* by their code, yet no duty (see `is_weak_commitment`)."""
    families: tuple[frozenset[str], ...] = ()
    """For each of `changes`, the families it counts under (see `change_families`)."""
    joint: tuple[bool, ...] = ()
    """For each of `changes`, whether it is about the parties together (see `is_joint`)."""

    def change_info(self, at: int) -> tuple[frozenset[str], bool]:
        change = self.changes[at]
        families = self.families[at] if at < len(self.families) else frozenset({change.family})
        return families, at < len(self.joint) and self.joint[at]

    @property
    def status(self) -> Status:
        return self.pair.status

    @property
    def number(self) -> str:
        """The number as printed ("3.2", "(a)", "Article 7"), or the id when there is none."""
        return self.clause.number or self.clause.id

    @property
    def ids(self) -> str:
        """The pair's clause ids as a reader would say them: "3.6", "3.1 → 3.2", "5.4, 5.5"."""
        old, new = ", ".join(self.pair.old), ", ".join(self.pair.new)
        if not old or not new or old == new:
            return new or old
        return f"{old} → {new}"

    @property
    def title(self) -> str:
        """The heading when the clause has one, else its text."""
        return self.clause.heading or self.clause.text

    @cached_property
    def semantic(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if is_semantic(c))

    @property
    def changed(self) -> bool:
        return self.pair.changed

    @property
    def substantive(self) -> bool:
        """Changed in more than punctuation, case, spacing, numbering or a heading line."""
        if not self.changes:
            return self.changed and not self.pair.cosmetic and self.status is not Status.RENUMBERED
        return any(c.type not in NON_SUBSTANTIVE for c in self.changes)

    def contains(self, query: str) -> bool:
        """Case-insensitive search in the clause text of both versions."""
        needle = query.casefold()
        return any(needle in text for text in self._folded)

    @cached_property
    def _folded(self) -> tuple[str, ...]:
        # Search re-runs over every row on each key of the filter: fold the texts once.
        return tuple(text.casefold() for text in self.texts)


def is_weak_commitment(change: Change, comparison: Comparison) -> bool:
    """True for an obligation added or removed that is only a weak commitment ("will
    consider", "intends to"). Its code says obligation, but it binds nobody: the ledger
    does not count it as a duty, and the outline must not badge it as one. Read off the
    provision the change's evidence points at, in the version it stands in."""
    if change.type not in ("obligation.added", "obligation.removed"):
        return False
    side: Side = "new" if change.type == "obligation.added" else "old"
    clause = change.new_clause if side == "new" else change.old_clause
    if clause is None:
        return False
    cues = {(e.start, e.text) for e in change.evidence if e.side == side and e.clause == clause}
    return any(
        p.modality is Modality.WEAK and (p.cue.start, p.cue.text) in cues
        for p in comparison.provisions(side, clause)
    )


def change_families(change: Change, comparison: Comparison) -> frozenset[str]:
    """The families a change counts under: its own, and for a value, condition or scope
    change the families of the provisions whose words its evidence is in ("within thirty
    (30) days" of "Velmora shall report ..." is an obligation's deadline)."""
    families = {change.family}
    if change.family in ATTACHED_FAMILIES:
        for evidence in change.evidence:
            for provision in comparison.provisions(evidence.side, evidence.clause):
                if provision.span[0] <= evidence.start < provision.span[1]:
                    families.add(provision.modality.family)
    return frozenset(families)


def is_joint(change: Change, comparison: Comparison) -> bool:
    """True for a change about the parties together: its party is no party's own name
    but "the Parties", "Each Party", "Both Sides"."""
    if change.party is None:
        return False
    named = {n for doc in (comparison.old, comparison.new) for p in doc.parties for n in p.names()}
    return change.party not in named and _COLLECTIVE.fullmatch(change.party.strip()) is not None


def party_choices(comparison: Comparison) -> tuple[str, ...]:
    """What `p` cycles through after "any party": each party by name, then JOINT when
    some change is about the parties together (collective names are not offered one by
    one: "Parties" and "Each Party" are both JOINT)."""
    joint = [c for c in comparison.changes if is_joint(c, comparison)]
    joint_names = {c.party for c in joint}
    names = tuple(p for p in comparison.parties() if p not in joint_names)
    return (*names, JOINT) if joint else names


def build_rows(comparison: Comparison) -> tuple[Row, ...]:
    """One row per clause pair, in the new version's reading order with removed clauses
    where they stood, each under the nearest earlier row of smaller depth."""
    index = ChangeIndex(comparison)
    rows: list[Row] = []
    stack: list[Row] = []
    for position, pair in enumerate(comparison.pairs):
        side: Side = "new" if pair.new else "old"
        ids = pair.new or pair.old
        clause = comparison.clause(side, ids[0])
        while stack and stack[-1].depth >= clause.depth:
            stack.pop()
        texts = tuple(comparison.clause("old", i).text for i in pair.old) + tuple(
            comparison.clause("new", i).text for i in pair.new
        )
        changes = tuple(comparison.changes[i] for i in index.changes_of(pair))
        row = Row(
            index=position,
            pair=pair,
            side=side,
            clause=clause,
            depth=clause.depth,
            parent=stack[-1].index if stack else None,
            changes=changes,
            texts=texts,
            weak=tuple(c for c in changes if is_weak_commitment(c, comparison)),
            families=tuple(change_families(c, comparison) for c in changes),
            joint=tuple(is_joint(c, comparison) for c in changes),
        )
        rows.append(row)
        stack.append(row)
    return tuple(rows)


@dataclass(frozen=True)
class Filters:
    """What the outline shows. Change criteria (obligations, guarantees, party,
    severity) must all hold for one and the same change of a row."""

    obligations: bool = False
    guarantees: bool = False
    party: str | None = None
    severity: Severity | None = None
    """Minimum severity; None for any."""
    hide_cosmetic: bool = False
    """Hide rows changed only in punctuation, case, spacing, numbering or headings."""
    changed_only: bool = False
    query: str = ""
    """Text to search for in either version of a clause."""

    @property
    def active(self) -> bool:
        return self != Filters()

    def families(self) -> frozenset[str] | None:
        """Change families kept, or None when the family is not filtered."""
        if not (self.obligations or self.guarantees):
            return None
        kept: frozenset[str] = frozenset()
        if self.obligations:
            kept |= OBLIGATION_FAMILIES
        if self.guarantees:
            kept |= GUARANTEE_FAMILIES
        return kept

    def accepts_change(
        self, change: Change, families: frozenset[str] | None = None, joint: bool = False
    ) -> bool:
        """Whether one change passes: `families` are those it counts under (its own
        family when not given), `joint` whether it is about the parties together."""
        kept = self.families()
        if kept is not None and not (families or {change.family}) & kept:
            return False
        if self.party == JOINT:
            if not joint:
                return False
        elif self.party is not None and change.party != self.party:
            return False
        return self.severity is None or change.severity.rank <= self.severity.rank

    def accepts(self, row: Row) -> bool:
        if self.query and not row.contains(self.query):
            return False
        if self.hide_cosmetic and row.changed and not row.substantive:
            return False
        if self.changed_only and not row.changed:
            return False
        if self.families() is not None or self.party is not None or self.severity is not None:
            return any(
                self.accepts_change(c, *row.change_info(at)) for at, c in enumerate(row.changes)
            )
        return True

    def describe(self) -> str:
        """The active filters in a few words, "" when there are none."""
        parts = []
        if self.obligations:
            parts.append("obligations")
        if self.guarantees:
            parts.append("guarantees")
        if self.party == JOINT:
            parts.append(JOINT)
        elif self.party:
            parts.append(f"party {self.party}")
        if self.severity:
            parts.append(f"severity ≥ {self.severity.value}")
        if self.changed_only:
            parts.append("changes only")
        if self.hide_cosmetic:
            parts.append("no cosmetic")
        if self.query:
            parts.append(f"“{self.query}”")
        return " · ".join(parts)

    def next_severity(self) -> Filters:
        step = SEVERITY_STEPS.index(self.severity)
        return replace(self, severity=SEVERITY_STEPS[(step + 1) % len(SEVERITY_STEPS)])

    def next_party(self, parties: Sequence[str]) -> Filters:
        """Cycle: no party, then each party in turn, then no party again."""
        cycle: list[str | None] = [None, *parties]
        at = cycle.index(self.party) if self.party in cycle else 0
        return replace(self, party=cycle[(at + 1) % len(cycle)])


@dataclass(frozen=True)
class View:
    """The rows the outline shows under some filters."""

    shown: tuple[int, ...]
    """Row indexes in outline order: the matches, plus their ancestors for context."""
    matches: frozenset[int] = field(default_factory=frozenset)
    """The rows that satisfy the filters (the others shown are context)."""


def apply_filters(rows: Sequence[Row], filters: Filters) -> View:
    """The rows to show: those the filters accept, with the rows they sit under."""
    matches = {row.index for row in rows if filters.accepts(row)}
    keep = set(matches)
    for index in matches:
        parent = rows[index].parent
        while parent is not None and parent not in keep:
            keep.add(parent)
            parent = rows[parent].parent
    return View(shown=tuple(r.index for r in rows if r.index in keep), matches=frozenset(matches))


def step(rows: Sequence[Row], view: View, current: int | None, direction: int) -> int | None:
    """The next (direction 1) or previous (-1) changed row the filters accept, after or
    before `current`, wrapping around; None when there is none."""
    targets = [i for i in view.shown if i in view.matches and rows[i].changed]
    if not targets:
        return None
    if current is None:
        return targets[0] if direction > 0 else targets[-1]
    if direction > 0:
        return next((i for i in targets if i > current), targets[0])
    return next((i for i in reversed(targets) if i < current), targets[-1])


KIND_TITLES = {
    "obligation": "Obligations",
    "prohibition": "Prohibitions",
    "permission": "Permissions",
    "guarantee": "Guarantees",
    "duties": "Binding duties",
}


@dataclass(frozen=True)
class LedgerTableRow:
    """One row of the ledger panel: a kind of provision, one cell per party."""

    key: str
    """A ledger kind, "qualified" or "weak" (parts of the obligations), or "duties"."""
    title: str
    cells: tuple[Cell, ...]
    """Before and after, in the order of `LedgerTable.parties`."""

    @property
    def part(self) -> bool:
        """True for a row that breaks down the obligations row above it."""
        return self.key in dict(summary.OBLIGATION_PARTS)


@dataclass(frozen=True)
class LedgerTable:
    """The ledger panel's table: parties as columns, kinds of provision as rows."""

    parties: tuple[str, ...]
    rows: tuple[LedgerTableRow, ...]
    groups: tuple[str, ...] = ()
    """Per column, as `summary.LedgerRow.group`: "own", "joint" or "other"."""

    def filter_party(self, column: str) -> str | None:
        """The party name a column filters the changes by (the joint column: JOINT); None
        for the column of non-parties, which stands for several."""
        group = dict(zip(self.parties, self.groups, strict=False)).get(column)
        if group == "other":
            return None
        return JOINT if group == "joint" else column


def ledger_table(comparison: Comparison) -> LedgerTable:
    """Per party (the new ledger's order, then parties only the old one has), the count of
    each kind of provision before and after; under the obligations, how many are only
    efforts or weak commitments (rows left out when no party has any, in either version);
    last, the binding duties one-sidedness is computed from. The counts are the reports'
    own (`render.summary.ledger_rows`), so the browser and the HTML report never disagree.
    The parties' own columns come first, then the joint one; non-parties (the Fund, the
    Board) are added up into one column, OTHERS, to keep the pane narrow (`others_line`
    names them)."""
    all_rows = summary.ledger_rows(comparison)
    ledgers = [r for r in all_rows if r.group != "other"]
    others = [r for r in all_rows if r.group == "other"]
    if others:
        ledgers.append(_summed(others))
    parties = tuple(row.party for row in ledgers)
    rows: list[LedgerTableRow] = []
    for at, kind in enumerate(LEDGER_KINDS):
        rows.append(LedgerTableRow(kind, KIND_TITLES[kind], tuple(r.cells[at] for r in ledgers)))
        if kind != "obligation":
            continue
        for at_part, (attr, title) in enumerate(summary.OBLIGATION_PARTS):
            cells = tuple(r.parts[at_part] for r in ledgers)
            if any(cell.old or cell.new for cell in cells):
                rows.append(LedgerTableRow(attr, title, cells))
    rows.append(LedgerTableRow("duties", KIND_TITLES["duties"], tuple(r.duties for r in ledgers)))
    return LedgerTable(parties, tuple(rows), tuple(row.group for row in ledgers))


OTHERS = "others"
"""The ledger panel's column for every non-party that bears provisions, added up."""


def _summed(rows: Sequence[summary.LedgerRow]) -> summary.LedgerRow:
    def total(cells: Sequence[Cell]) -> Cell:
        return Cell(cells[0].kind, sum(c.old for c in cells), sum(c.new for c in cells))

    return summary.LedgerRow(
        OTHERS,
        tuple(total([r.cells[i] for r in rows]) for i in range(len(rows[0].cells))),
        {},
        {},
        tuple(total([r.parts[i] for r in rows]) for i in range(len(rows[0].parts))),
        "other",
    )


def warning_lines(comparison: Comparison) -> tuple[tuple[str, str], ...]:
    """The comparison's warnings, short, each once with the versions it holds for:
    ("only one party found (Supplier)", "both versions")."""
    sides: dict[str, list[str]] = {}
    for warning in comparison.warnings:
        sides.setdefault(warning.short or warning.message, []).append(warning.side)
    names = {"old": "old version", "new": "new version"}
    return tuple(
        (short, names[found[0]] if len(set(found)) == 1 else "both versions")
        for short, found in sides.items()
    )


def others_line(comparison: Comparison) -> str:
    """The non-parties behind the OTHERS column, with their duties in the new version
    ("Board 4, Fund 2"); "" when there are none."""
    rows = [r for r in summary.ledger_rows(comparison) if r.group == "other"]
    return ", ".join(f"{r.party} {r.duties.new}" for r in rows)


def burden(ledger: Ledger) -> str:
    """Who bears most of one version's duties, and what share: "Velmora 83%"."""
    share = summary.burden(ledger)
    if share.party is None or share.share is None:
        return ledger.balance_note() or "no duties"
    return f"{share.party} {share.percent}"


def find_all(text: str, query: str) -> tuple[tuple[int, int], ...]:
    """Start and end of every case-insensitive occurrence of `query` in `text`."""
    if not query:
        return ()
    haystack, needle = text.casefold(), query.casefold()
    # casefold can change lengths ("ß" -> "ss"); fall back to lower() when it does.
    if len(haystack) != len(text) or len(needle) != len(query):
        haystack, needle = text.lower(), query.lower()
        if len(haystack) != len(text) or len(needle) != len(query):
            return ()
    spans = []
    start = haystack.find(needle)
    while start >= 0 and needle:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return tuple(spans)
