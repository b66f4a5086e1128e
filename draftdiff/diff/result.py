"""Provides the Comparison: what every view (TUI, HTML, JSON, Markdown, text) reads.

A Comparison holds both Documents untouched and, beside them, the alignment of
their clauses (ClausePair), the word edits inside each pair, the semantic
changes and the per-party ledgers. Clauses are referred to by id, never copied
or mutated, so any view can go back to the tree for context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from functools import cached_property
from typing import Literal

from draftdiff.analyse.provisions import Analysis, Provision
from draftdiff.model import Clause, Document

Side = Literal["old", "new"]

# Joins the texts of several clauses (a split or a merge) into one string to diff.
# Readers never leave U+2029 in clause text, so splitting on it is exact.
PART_SEPARATOR = "\u2029"


class Status(StrEnum):
    """How a clause of one version corresponds to the other version."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    """Same clause, different words (see `cosmetic` for punctuation/case-only edits)."""
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    """Found elsewhere in the order of clauses; it may also have been reworded."""
    RENUMBERED = "renumbered"
    """Same words, same relative order, a different number."""
    SPLIT = "split"
    """One old clause became several new ones."""
    MERGED = "merged"
    """Several old clauses became one new one."""


class Op(int, Enum):
    """A word edit's operation, with diff-match-patch's values."""

    DELETE = -1
    EQUAL = 0
    INSERT = 1


@dataclass(frozen=True)
class Edit:
    """One run of the word diff inside a clause pair."""

    op: Op
    text: str


@dataclass(frozen=True)
class ClausePair:
    """Clauses of the two versions that correspond, with the word edits between them."""

    status: Status
    old: tuple[str, ...]
    """Ids of the old clauses (empty when added; several when merged)."""
    new: tuple[str, ...]
    """Ids of the new clauses (empty when removed; several when split)."""
    edits: tuple[Edit, ...] = ()
    """Word edits from the old text to the new; texts of several clauses are joined
    with PART_SEPARATOR. Equal + delete runs rebuild the old text, equal + insert the new."""
    similarity: float = 1.0
    """Share of words the two sides have in common, 0..1 (1.0 for identical text)."""
    cosmetic: bool = False
    """True when the words differ only in punctuation, whitespace or case."""

    @property
    def old_id(self) -> str | None:
        return self.old[0] if self.old else None

    @property
    def new_id(self) -> str | None:
        return self.new[0] if self.new else None

    def text(self, side: Side) -> str:
        """The full text of one side, rebuilt from the edits alone."""
        skip = Op.INSERT if side == "old" else Op.DELETE
        return "".join(e.text for e in self.edits if e.op is not skip)

    @property
    def changed(self) -> bool:
        """True unless the pair is identical in number and words."""
        return self.status is not Status.UNCHANGED


class Severity(StrEnum):
    """How much a change matters to a negotiator, most severe first."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.INFO: 3}


@dataclass(frozen=True)
class Evidence:
    """The words that triggered a finding, and the rule that fired on them."""

    side: Side
    clause: str
    """Id of the clause the words are in."""
    text: str
    """The cue words exactly as they appear in the clause text."""
    start: int
    """Offset of `text` in the clause text (end = start + len(text))."""
    rule: str
    """The schema rule that fired, e.g. "lexicon.obligation: shall"."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


CHANGE_TYPES: Mapping[str, str] = {
    "clause.added": "a clause appears in the new version only",
    "clause.removed": "a clause of the old version is gone",
    "clause.moved": "a clause stands elsewhere in the order of clauses (perhaps reworded)",
    "clause.renumbered": "same words, another number",
    "clause.modified": "a clause reworded (when nothing more specific explains it)",
    "clause.split": "one clause became several",
    "clause.merged": "several clauses became one",
    "heading.changed": "a title or heading line added, removed or reworded",
    "note.added": "a footnote, endnote or comment added",
    "note.removed": "a footnote, endnote or comment removed",
    "note.changed": "a footnote, endnote or comment reworded",
    "header_footer.changed": "a page header or footer differs (.docx)",
    "text.cosmetic": "only punctuation, case, spacing or numbering differ",
    "party.renamed": "a party or the entity behind it renamed",
    "obligation.added": "a new duty",
    "obligation.removed": "a duty gone",
    "obligation.strengthened": "a duty made firmer",
    "obligation.weakened": "a duty softened (efforts, a weak commitment)",
    "obligation.reassigned": "a duty moved to another party",
    "prohibition.added": "a new prohibition",
    "prohibition.removed": "a prohibition gone",
    "permission.added": "a new permission or right",
    "permission.removed": "a permission or right gone",
    "guarantee.added": "a new guarantee, warranty or indemnity",
    "guarantee.removed": "a guarantee gone",
    "guarantee.strengthened": "a guarantee made firmer",
    "guarantee.weakened": "a guarantee softened",
    "condition.added": "a provision made conditional or subject to a carve-out",
    "condition.removed": "a condition or carve-out gone",
    "value.changed": "an amount, percentage, duration, date or count changed",
    "term.redefined": "a definition's text changed (every clause using the term is listed)",
    "reference.changed": "a cross-reference now points elsewhere or nowhere",
    "scope.changed": "what a grant or duty covers changed (duration, territory, exclusivity, "
    "sublicensability, transferability, revocability, consideration or its object)",
}
"""The change vocabulary: stable codes (JSON, `check --fail-on`, filters) and what each
means. Codes may be added; renaming one needs a new JSON format version."""

_PROVISION_FAMILIES = (
    "obligation prohibition permission guarantee condition scope value term reference"
)
PROVISION_CHANGE_TYPES = tuple(
    c for c in CHANGE_TYPES if c.split(".")[0] in _PROVISION_FAMILIES.split()
)
"""The codes read off provisions, definitions and references (the semantic layer's own),
as opposed to clause identity, notes, headers, cosmetics and party renames."""


@dataclass(frozen=True)
class Change:
    """One change in the vocabulary of DESIGN.md (clause.added, obligation.weakened, ...)."""

    type: str
    """A stable code: "clause.added", "obligation.weakened", "guarantee.removed", ..."""
    severity: Severity
    summary: str
    """One line a negotiator can read."""
    party: str | None = None
    """The party whose position changed, when the change is about one."""
    old_clause: str | None = None
    new_clause: str | None = None
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    """Why it has its severity, in a few words: the stakes of the clause
    (draftdiff/diff/stakes.py) or the rule of its type (draftdiff/diff/severity.py)."""
    reason_kind: str = ""
    """What the reason rests on: a stakes kind of the schema ("forum", "governance"),
    "ledger" (a party's duties from none to some, or to none) or "rule"."""
    facets: tuple[str, ...] = ()
    """Other codes the same fact stands for: a clause added with a new obligation is one
    change, `obligation.added` with the facet `clause.added` (filters and policies match
    either)."""

    def __post_init__(self) -> None:
        # A typo in a producer would otherwise slip past every filter and policy.
        for code in (self.type, *self.facets):
            if code not in CHANGE_TYPES:
                raise ValueError(f"unknown change type {code!r}")

    @property
    def family(self) -> str:
        """The part before the dot: "clause", "obligation", "guarantee", ..."""
        return self.type.split(".", 1)[0]

    @property
    def codes(self) -> tuple[str, ...]:
        """Its type, then its facets."""
        return (self.type, *self.facets)


LEDGER_KINDS = ("obligation", "prohibition", "permission", "guarantee")


@dataclass(frozen=True)
class PartyLedger:
    """What one party owes and holds in one version: clause ids per kind of provision."""

    party: str
    obligation: tuple[str, ...] = ()
    prohibition: tuple[str, ...] = ()
    permission: tuple[str, ...] = ()
    guarantee: tuple[str, ...] = ()
    qualified: tuple[str, ...] = ()
    """Of the obligation clauses, those whose duty is only qualified ("reasonable efforts")."""
    weak: tuple[str, ...] = ()
    """Of the obligation clauses, those whose duty is only a weak commitment ("will consider")."""
    rights: tuple[str, ...] = ()
    """Of the permission clauses, those giving a right held ("shall receive", "shall hold"):
    the ledger counts rights held as permissions."""

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in LEDGER_KINDS}

    @property
    def duties(self) -> int:
        """What the party is bound to: obligations (efforts duties included),
        prohibitions and guarantees. Weak commitments ("will consider", "intends to")
        are listed as obligations but bind nobody, so they are not duties: a draft in
        which one side only "will consider" things still puts every duty on the other."""
        return len(self.binding) + len(self.prohibition) + len(self.guarantee)

    @property
    def binding(self) -> tuple[str, ...]:
        """Obligation clauses that bind: all but the weak commitments."""
        weak = set(self.weak)
        return tuple(c for c in self.obligation if c not in weak)


JOINT_BEARER = "Parties (jointly)"
"""How views name the bearer of joint provisions."""


@dataclass(frozen=True)
class Ledger:
    """Per-party ledger of one version, plus who bears the duties.

    Three kinds of bearer are kept apart: each party's *own* provisions (`parties`),
    the *joint* ones ("The Parties shall", "Each Party shall", "either Party may"),
    which bind every party alike and so shift nothing between them, and those of
    *others*: bodies and persons that are no party (the Fund, the Board)."""

    parties: tuple[PartyLedger, ...] = ()
    """One entry per party of the document, own provisions only."""
    joint: PartyLedger = field(default_factory=lambda: PartyLedger(JOINT_BEARER))
    """The joint provisions, under the name JOINT_BEARER."""
    others: tuple[PartyLedger, ...] = ()
    """Non-parties that bear provisions ("Fund", "Board"), most duties first."""
    with_joint: tuple[PartyLedger, ...] = ()
    """Per party, its own provisions and the joint ones together, clauses in document
    order (what `bound` gives; built with the ledger)."""

    def __iter__(self) -> Iterator[PartyLedger]:
        return iter(self.parties)

    def get(self, party: str) -> PartyLedger:
        """A party's own provisions (empty when it has none)."""
        for entry in self.parties:
            if entry.party == party:
                return entry
        return PartyLedger(party)

    def other(self, name: str) -> PartyLedger:
        """A non-party's provisions (empty when it has none)."""
        for entry in self.others:
            if entry.party == name:
                return entry
        return PartyLedger(name)

    def bound(self, party: str) -> PartyLedger:
        """Everything that binds or benefits a party: its own provisions and the joint
        ones (what "Velmora is bound to" means when joint duties count for each)."""
        for entry in self.with_joint:
            if entry.party == party:
                return entry
        own = self.get(party)
        if all(e.party != party for e in self.parties) or not any(self.joint.counts().values()):
            return own  # joint provisions bind the parties of this version only
        merged = {
            kind: tuple(dict.fromkeys((*getattr(own, kind), *getattr(self.joint, kind))))
            for kind in (*LEDGER_KINDS, "qualified", "weak", "rights")
        }
        return PartyLedger(party, **merged)

    def one_sidedness(self) -> float | None:
        """Share of the parties' own duties borne by the most burdened party (0.5 =
        balanced for two parties, 1.0 = one side bears everything). Joint duties bind
        everyone alike and duties of others bind no party, so neither counts. None when
        nobody bears a duty of its own or fewer than two parties are known: a share
        computed from one party is always 100 % and says nothing (`balance_note` says why)."""
        if len(self.parties) < 2:
            return None
        heaviest = self.heaviest()
        if heaviest is None:
            return None
        return heaviest.duties / sum(p.duties for p in self.parties)

    def balance_note(self) -> str:
        """Why there is no one-sidedness figure ("" when there is one)."""
        if not self.parties:
            return "not computed: no parties found"
        if len(self.parties) < 2:
            return f"not computed: only one party found ({self.parties[0].party})"
        if self.heaviest() is None:
            return "no party has duties of its own"
        return ""

    def heaviest(self) -> PartyLedger | None:
        """The party bearing the most duties (the first of equals), the one
        `one_sidedness` speaks of; None when nobody bears any duty."""
        heaviest = max(self.parties, key=lambda p: p.duties, default=None)
        return heaviest if heaviest is not None and heaviest.duties else None


@dataclass(frozen=True)
class ReadingWarning:
    """Something about how a version was read that makes its ledger doubtful: too few
    parties found, or duties whose subject is no known party. Every view shows these."""

    code: str
    """A stable code: "parties.too_few" or "parties.unknown_subject"."""
    side: Side
    message: str
    """One line a negotiator can act on (it says how to name the parties)."""
    clauses: tuple[str, ...] = ()
    """Clause ids the warning points at (where the unknown subjects are)."""
    short: str = ""
    """The finding alone, without the file and the hint, for narrow views ("only one
    party found (Supplier)"; "'Harbor Tools' is no party: 1.2, 2.2")."""


WARNING_CODES: Mapping[str, str] = {
    "parties.too_few": "fewer than two parties found although the text binds more than one "
    "actor: the ledger and one-sidedness leave someone out",
    "parties.unknown_subject": "duties whose subject is named like a party but is no known "
    "party: they are in nobody's ledger",
}


def ledger_parties(old: Ledger, new: Ledger) -> tuple[str, ...]:
    """Parties of either ledger: the new version's order, then any only in the old."""
    names = [e.party for e in new]
    names.extend(e.party for e in old if e.party not in names)
    return tuple(names)


@dataclass(frozen=True)
class Comparison:
    """Two versions, their aligned clauses, and everything found between them."""

    old: Document
    new: Document
    pairs: tuple[ClausePair, ...]
    """Aligned clauses in reading order of the new version, with removed clauses
    placed where they stood; every clause of both versions is in exactly one pair."""
    changes: tuple[Change, ...] = ()
    """Most severe first, then in reading order."""
    ledger_old: Ledger = field(default_factory=Ledger)
    ledger_new: Ledger = field(default_factory=Ledger)
    analysis_old: Analysis | None = None
    """The semantic reading of the old version (provisions etc. by clause id), if made."""
    analysis_new: Analysis | None = None
    warnings: tuple[ReadingWarning, ...] = ()
    """How far the ledgers can be trusted: old version's warnings, then the new one's."""

    def side(self, side: Side) -> Document:
        return self.old if side == "old" else self.new

    def clause(self, side: Side, clause_id: str) -> Clause:
        return self.side(side).clause(clause_id)

    def analysis(self, side: Side) -> Analysis | None:
        return self.analysis_old if side == "old" else self.analysis_new

    def provisions(self, side: Side, clause_id: str) -> tuple[Provision, ...]:
        """The provisions found in one clause of one version (cues with offsets into
        the clause text, for views that highlight them)."""
        analysis = self.analysis(side)
        return analysis.provisions(clause_id) if analysis is not None else ()

    def pair_for(self, side: Side, clause_id: str) -> ClausePair:
        """The pair holding a clause of one version."""
        return self._pair_index[(side, clause_id)]

    @cached_property
    def _pair_index(self) -> Mapping[tuple[Side, str], ClausePair]:
        # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass.
        index: dict[tuple[Side, str], ClausePair] = {}
        for pair in self.pairs:
            index.update((("old", i), pair) for i in pair.old)
            index.update((("new", i), pair) for i in pair.new)
        return index

    def ledger_parties(self) -> tuple[str, ...]:
        return ledger_parties(self.ledger_old, self.ledger_new)

    def parties(self) -> tuple[str, ...]:
        """Every party a view may filter by: the documents' parties (new version first),
        then any other name a ledger or a change holds (a non-party actor, "the Fund")."""
        names: list[str] = []
        for name in (
            *(p.name for doc in (self.new, self.old) for p in doc.parties),
            *self.ledger_parties(),
            *(c.party for c in self.changes),
        ):
            if name and name not in names:
                names.append(name)
        return tuple(names)

    def status_counts(self) -> Counter[str]:
        return Counter(p.status.value for p in self.pairs)

    def change_counts(self) -> Counter[str]:
        return Counter(c.type for c in self.changes)

    def changes_for(self, pair: ClausePair) -> tuple[Change, ...]:
        """Changes that point at either side of a pair."""
        old, new = set(pair.old), set(pair.new)
        return tuple(c for c in self.changes if (c.old_clause in old) or (c.new_clause in new))

    @property
    def substantive(self) -> tuple[Change, ...]:
        """Changes other than renumbering, cosmetic edits and heading lines."""
        return tuple(c for c in self.changes if c.type not in NON_SUBSTANTIVE)


NON_SUBSTANTIVE = frozenset({"clause.renumbered", "text.cosmetic", "heading.changed"})
