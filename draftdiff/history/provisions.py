"""Provides provision lineages: each commitment, permission or right through every version.

Within one clause lineage (lineage.py), the provisions of consecutive versions are
matched one to one by the words of what they are about (their own words but for
their actor and their cue: the test the semantic layer uses, kept here so the
history can follow a provision where no change was reported), with a bonus for
the same family and the same parties. A provision of version k that matches none
of version k - 1 is matched against the clause's provisions that were gone before:
a match is a restoration. What is left is added.

Each lineage then reads as a story: "Norland's obligation “consult with Velmora …”:
absent in v1–v2, added in v3 (10.4, 'undertakes to'), weakened in v4 (10.5,
'undertakes to' → 'will consider')".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from draftdiff.analyse.actors import JOINT
from draftdiff.analyse.modality import Modality
from draftdiff.analyse.provisions import Analysis, Provision, words
from draftdiff.diff.result import Change, Comparison
from draftdiff.history.lineage import ClauseLineage

MATCH_THRESHOLD = 0.2
"""Least share of content words (Jaccard) two provisions of consecutive versions need
to be one provision; the semantic layer's figure, so both read the same pairs alike."""
SOLE_MATCH_THRESHOLD = 0.1
"""The same when each version of the clause holds exactly one provision."""
RESTORE_THRESHOLD = 0.5
"""Least overlap for a provision to be one gone in an earlier version, restored: stricter,
since a gap of a version or more gives unrelated provisions more room to look alike."""
LADDER = frozenset({"obligation", "permission"})
"""Families on one ladder of strength (DESIGN.md): "may" → "shall" strengthens."""


@dataclass(frozen=True)
class ProvisionState:
    """A provision as one version has it."""

    clause: str
    """Id of the clause it is in."""
    modality: Modality
    cue: str
    """The words that make it what it is: "shall", "will consider", "guarantees"."""
    parties: tuple[str, ...]
    """The parties it binds or benefits (or, with no actor, concerns)."""
    actor: str
    """Who the text says bears it ("Each Party", "The Fund"); "" when nobody is named."""
    conditions: tuple[str, ...]
    gist: str
    """The first words of what is owed or allowed."""
    intensifiers: tuple[str, ...] = ()
    """Words that harden it ("irrevocably", "with its full faith and credit")."""
    span: tuple[int, int] = (0, 0)
    """Its words' offsets in the clause text (where the semantic layer's evidence lands)."""
    sentence: tuple[int, int] = (0, 0)
    """The offsets of the sentence it is in ("Subject to ..., Customer may" puts the
    condition before the provision's own words)."""

    @property
    def shape(self) -> tuple[Modality, tuple[str, ...], bool]:
        """What a flip-flop returns to: its kind, its parties, whether it is conditional."""
        return (self.modality, self.parties, bool(self.conditions))


@dataclass(frozen=True)
class ProvisionEvent:
    """Something that happened to a provision on arriving in a version."""

    version: int
    kind: str
    """added, removed, restored, strengthened, weakened, changed (kind: a guarantee became
    an obligation), reassigned, conditioned, unconditioned or reworded."""
    detail: str = ""
    """ "'shall' → 'will consider'", "Velmora → Norland", the condition's words."""


@dataclass(frozen=True)
class ProvisionLineage:
    """One provision through every version."""

    key: str
    """ "p1", "p2", ... in reading order."""
    clause: str
    """Key of the clause lineage it lives in."""
    states: tuple[ProvisionState | None, ...]
    """One per version, oldest first; None where the provision is absent."""
    events: tuple[ProvisionEvent, ...]

    @property
    def latest(self) -> ProvisionState:
        return next(s for s in reversed(self.states) if s is not None)

    @property
    def changed(self) -> bool:
        return bool(self.events)

    @property
    def flip_flop(self) -> bool:
        """Gone and restored, or back to the kind, parties or conditions of a version
        before the previous one after something else in between."""
        if any(e.kind == "restored" for e in self.events):
            return True
        shapes = [s.shape if s is not None else None for s in self.states]
        for v in range(2, len(shapes)):
            now, before = shapes[v], shapes[v - 1]
            if now is not None and before not in (None, now) and now in shapes[: v - 1]:
                return True
        return False

    @property
    def parties(self) -> tuple[str, ...]:
        """Every party it bound or benefited in any version."""
        return tuple(dict.fromkeys(p for s in self.states if s is not None for p in s.parties))

    @property
    def description(self) -> str:
        """ "Norland's obligation “consult with Velmora within …”"."""
        state = self.latest
        return f"{_whose(state)} {state.modality.label} “{state.gist}”"

    def story(self, names: Sequence[str] | None = None) -> str:
        """The lineage in one sentence, versions named `names` (default v1, v2, ...)."""
        names = names or [f"v{k + 1}" for k in range(len(self.states))]
        parts = []
        first = next(v for v, s in enumerate(self.states) if s is not None)
        if first == 0:
            state = self.states[0]
            assert state is not None
            parts.append(f"in {names[0]} ({state.clause}, '{state.cue}')")
        else:
            span = names[0] if first == 1 else f"{names[0]}–{names[first - 1]}"
            parts.append(f"absent in {span}")
        for event in self.events:
            state = self.states[event.version]
            where = state.clause if state is not None else ""
            detail = ", ".join(x for x in (where, event.detail) if x)
            parts.append(
                f"{event.kind} in {names[event.version]}" + (f" ({detail})" if detail else "")
            )
        if not self.events and first == 0:
            parts.append("unchanged since")
        return f"{self.description}: " + ", ".join(parts)


def provision_lineages(
    clauses: Sequence[ClauseLineage],
    analyses: Sequence[Analysis],
    comparisons: Sequence[Comparison] = (),
) -> tuple[ProvisionLineage, ...]:
    """The provision lineages of every clause lineage, in reading order. The semantic
    changes of `comparisons` (consecutive versions) that point into a provision's words
    and tell something its own states do not (a condition, a scope or a value changed)
    join its events, so the history never says less than the pairwise report."""
    told = [_Evidence(c) for c in comparisons]
    out: list[ProvisionLineage] = []
    for lineage in clauses:
        for states in _chains(lineage, analyses):
            events = list(_events(states))
            if told:
                events = _with_reported(events, states, told)
            out.append(ProvisionLineage(f"p{len(out) + 1}", lineage.key, states, tuple(events)))
    return tuple(out)


REPORTED_KINDS = {
    "obligation.strengthened": "strengthened",
    "obligation.weakened": "weakened",
    "guarantee.strengthened": "strengthened",
    "guarantee.weakened": "weakened",
    "obligation.reassigned": "reassigned",
    "condition.added": "conditioned",
    "condition.removed": "unconditioned",
    "scope.changed": "scope changed",
    "value.changed": "value changed",
}
"""Semantic change codes a kept provision's lineage tells, and the event each is.
Additions and removals are read off the states themselves."""


class _Evidence:
    """Where each semantic change of one comparison points: (side, clause) → changes."""

    def __init__(self, comparison: Comparison) -> None:
        self.at: dict[tuple[str, str], list[tuple[int, Change]]] = {}
        for change in comparison.changes:
            if change.type not in REPORTED_KINDS:
                continue
            for ev in change.evidence:
                self.at.setdefault((ev.side, ev.clause), []).append((ev.start, change))

    def inside(self, side: str, state: ProvisionState) -> list[Change]:
        """Changes whose evidence lies in the provision's words, or in its sentence and
        about one of its parties."""
        start, end = state.span
        first, last = state.sentence
        return [
            c
            for at, c in self.at.get((side, state.clause), ())
            if start <= at < end
            or (first <= at < last and (c.party in state.parties or c.party == JOINT))
        ]


def _with_reported(
    events: list[ProvisionEvent],
    states: Sequence[ProvisionState | None],
    told: Sequence[_Evidence],
) -> list[ProvisionEvent]:
    out = list(events)
    for v in range(1, len(states)):
        before, after = states[v - 1], states[v]
        if before is None or after is None:
            continue
        found = told[v - 1].inside("new", after) + told[v - 1].inside("old", before)
        kinds = {e.kind for e in out if e.version == v}
        for change in dict.fromkeys(found):
            kind = REPORTED_KINDS[change.type]
            if kind in kinds:
                continue
            kinds.add(kind)
            detail = change.summary.split(" — ", 1)[1] if " — " in change.summary else ""
            out.append(ProvisionEvent(v, kind, _short(detail, 10)))
    # A rewording is implied by any other event of the same version.
    dropped = {e.version for e in out if e.kind != "reworded"}
    out = [e for e in out if not (e.kind == "reworded" and e.version in dropped)]
    return sorted(out, key=lambda e: e.version)


def _chains(
    lineage: ClauseLineage, analyses: Sequence[Analysis]
) -> list[tuple[ProvisionState | None, ...]]:
    count = len(analyses)
    chains: list[list[ProvisionState | None]] = []
    contents: list[frozenset[str]] = []
    """The content words of each chain's latest provision."""
    for step in lineage.steps:
        found = [p for i in step.ids for p in analyses[step.version].provisions(i)]
        open_ = [c for c, chain in enumerate(chains) if chain[-1] is not None]
        closed = [c for c, chain in enumerate(chains) if chain[-1] is None]
        taken: dict[int, Provision] = {}
        sole = len(open_) == 1 and len(found) == 1
        rest = _assign(
            found, open_, chains, contents, taken, SOLE_MATCH_THRESHOLD if sole else MATCH_THRESHOLD
        )
        rest = _assign(rest, closed, chains, contents, taken, RESTORE_THRESHOLD)
        for chain in chains:
            chain.append(None)
        for c, provision in taken.items():
            chains[c][-1] = _state(provision)
            contents[c] = _content(provision)
        for provision in rest:
            chains.append([None] * step.version + [_state(provision)])
            contents.append(_content(provision))
    # Reading order: by where each provision first stands in its clause.
    return [tuple(chain[:count]) for chain in chains]


def _assign(
    found: list[Provision],
    candidates: list[int],
    chains: list[list[ProvisionState | None]],
    contents: list[frozenset[str]],
    taken: dict[int, Provision],
    threshold: float,
) -> list[Provision]:
    """Match `found` one to one with the chains `candidates`, best first; the unmatched."""
    scored = []
    for i, provision in enumerate(found):
        words_here = _content(provision)
        for c in candidates:
            last = next(s for s in reversed(chains[c]) if s is not None)
            union = words_here | contents[c]
            overlap = len(words_here & contents[c]) / len(union) if union else 1.0
            bonus = 0.1 * (last.modality.family == provision.modality.family) + 0.1 * (
                last.parties == _parties(provision)
            )
            scored.append((overlap + bonus, overlap, i, c))
    scored.sort(key=lambda s: (-s[0], s[2], s[3]))
    used: set[int] = set()
    for _, overlap, i, c in scored:
        if i in used or c in taken or overlap < threshold:
            continue
        used.add(i)
        taken[c] = found[i]
    return [p for i, p in enumerate(found) if i not in used]


def _events(states: Sequence[ProvisionState | None]) -> tuple[ProvisionEvent, ...]:
    events: list[ProvisionEvent] = []
    for v in range(1, len(states)):
        before, after = states[v - 1], states[v]
        if before is None and after is None:
            continue
        if before is None:
            assert after is not None
            kind = "restored" if any(s is not None for s in states[:v]) else "added"
            events.append(ProvisionEvent(v, kind, f"'{after.cue}'"))
            continue
        if after is None:
            events.append(ProvisionEvent(v, "removed", f"'{before.cue}'"))
            continue
        events.extend(_differences(v, before, after))
    return tuple(events)


def _differences(v: int, before: ProvisionState, after: ProvisionState) -> list[ProvisionEvent]:
    out = []
    cues = f"'{before.cue}' → '{after.cue}'"
    b, a = before.modality, after.modality
    if b is not a:
        if b.family in LADDER and a.family in LADDER and b.strength != a.strength:
            out.append(
                ProvisionEvent(v, "strengthened" if a.strength > b.strength else "weakened", cues)
            )
        else:
            out.append(ProvisionEvent(v, "changed", f"{b.label} → {a.label}, {cues}"))
    elif before.cue.casefold() != after.cue.casefold() and b.family == "guarantee":
        out.append(ProvisionEvent(v, "changed", cues))
    lost = [w for w in before.intensifiers if w.casefold() not in _folded(after.intensifiers)]
    gained = [w for w in after.intensifiers if w.casefold() not in _folded(before.intensifiers)]
    if b is a and lost and not gained:
        out.append(ProvisionEvent(v, "weakened", f"'{lost[0]}' dropped"))
    elif b is a and gained and not lost:
        out.append(ProvisionEvent(v, "strengthened", f"'{gained[0]}' added"))
    if before.parties != after.parties:
        out.append(
            ProvisionEvent(v, "reassigned", f"{_names(before.parties)} → {_names(after.parties)}")
        )
    if before.conditions and not after.conditions:
        out.append(ProvisionEvent(v, "unconditioned", f"“{_short(before.conditions[0])}” dropped"))
    elif after.conditions and not before.conditions:
        out.append(ProvisionEvent(v, "conditioned", f"“{_short(after.conditions[0])}”"))
    if not out and set(words(before.gist)) != set(words(after.gist)):
        out.append(ProvisionEvent(v, "reworded"))
    return out


def _state(p: Provision) -> ProvisionState:
    return ProvisionState(
        clause=p.clause,
        modality=p.modality,
        cue=p.cue.text,
        parties=_parties(p),
        actor=p.actor.text or (p.actor.name or ""),
        conditions=tuple(c.text for c in p.conditions),
        gist=p.gist(),
        intensifiers=tuple(c.text for c in p.intensifiers),
        span=p.span,
        sentence=p.sentence,
    )


def _folded(texts: Sequence[str]) -> set[str]:
    return {t.casefold() for t in texts}


def _parties(p: Provision) -> tuple[str, ...]:
    return p.bearers or p.concerns


def _content(p: Provision) -> frozenset[str]:
    skip = set(words(p.actor.text)) | set(words(p.cue.text))
    return frozenset(
        w for w in words(p.text or p.action) if (len(w) > 2 or w.isdigit()) and w not in skip
    )


def _whose(state: ProvisionState) -> str:
    if len(state.parties) > 1 or state.actor.casefold().endswith(JOINT.casefold()):
        return "the Parties' joint"
    if state.parties:
        return f"{state.parties[0]}'s"
    if state.actor:
        return f"{state.actor}'s (not a party)"
    return "an unattributed"


def _names(parties: Sequence[str]) -> str:
    return " and ".join(parties) if parties else "nobody"


def _short(text: str, words_shown: int = 8) -> str:
    tokens = text.split()
    return " ".join(tokens[:words_shown]) + ("…" if len(tokens) > words_shown else "")
