"""Provides semantic changes: who now owes what to whom, pair by aligned pair.

For every aligned group of clauses, the provisions of both sides (from the
Analysis of each version) are matched one to one by what they are about (the
words of their actions), then compared:

    same parties, other strength     obligation.strengthened / .weakened on the ladder
                                     obligation > qualified > weak commitment ("shall" ->
                                     "shall use reasonable efforts to")
    a guarantee losing or gaining    guarantee.weakened / .strengthened ("with its full
    force                            faith and credit" dropped, "to its knowledge" added)
    across kinds                     the old kind removed + the new kind added: "may" ->
                                     "shall" is permission.removed + obligation.added, a
                                     guarantee -> "will consider" guarantee.removed +
                                     obligation.added, a right -> a duty likewise
    other parties, same duty         obligation.reassigned (party = who now bears it);
                                     a joint duty narrowed to one party is
                                     obligation.removed for the party released
    a party joining or leaving       permission.added / .removed ("Norland shall hold"
                                     -> "Each Party shall hold": Velmora gains it)
    conditions                       condition.added / .removed
    what a kept provision covers     scope.changed: its duration, territory, exclusivity,
                                     sublicensing, transfer, revocability or consideration
                                     words, or a duty's object (draftdiff/diff/scope.py)
    left over on one side            <family>.added / .removed
    values                           value.changed (amounts, percentages, durations,
                                     dates, counts; "thirty (30)" = "30")
    definitions                      term.redefined, listing every clause using the term
    cross-references                 reference.changed when a reference now points at
                                     another clause than the one its old target became
                                     (one that followed its target's renumbering is none)

Added and removed clauses yield <family>.added / .removed for each provision.
Only provisions of the parties (or of the parties jointly) make changes: what
the Fund or the Board shall do is reported as the clause's rewording. Changes of
one type for one pair are merged into one, so a clause says a thing once.
Severity follows draftdiff/diff/severity.py.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from draftdiff.analyse.actors import JOINT
from draftdiff.analyse.conditions import similar
from draftdiff.analyse.lexicon import Lexicon, lexicon_for
from draftdiff.analyse.modality import Cue, Modality
from draftdiff.analyse.provisions import Analysis, Provision, schema_of, words
from draftdiff.analyse.references import Reference
from draftdiff.analyse.terms import Definition, TermUses, opens_definitions, unquoted_definition
from draftdiff.analyse.values import Value
from draftdiff.diff import severity as policy
from draftdiff.diff.classify import name, snippet
from draftdiff.diff.renames import Renames, find_renames
from draftdiff.diff.result import (
    Change,
    ClausePair,
    Evidence,
    Severity,
    Side,
    Status,
)
from draftdiff.diff.scope import OBJECT, FacetChange, ScopeReader, ScopeWords
from draftdiff.diff.textdiff import cosmetic_key
from draftdiff.model import Clause, Document

MATCH_THRESHOLD = 0.2
"""Least share of action words two provisions must have in common to be one provision
(Jaccard); below it they are one removed and one added."""
SOLE_MATCH_THRESHOLD = 0.1
"""The same, when each side of a pair holds exactly one provision of the parties."""


@dataclass(frozen=True)
class SemanticResult:
    """The semantic changes of a comparison, and what they say about clause changes."""

    changes: tuple[tuple[int, Change], ...] = ()
    """(index of the pair, change), in pair order."""
    explained: frozenset[int] = frozenset()
    """Pairs whose rewording a semantic change (or a rename) explains: their generic
    clause.modified is dropped, since the semantic change says more."""
    cosmetic: Mapping[int, Change] = field(default_factory=dict)
    """Pairs whose only edits are cross-references that followed the renumbering:
    their clause.modified becomes this text.cosmetic."""


def semantic_changes(
    pairs: Sequence[ClausePair],
    old: Document,
    new: Document,
    analysis_old: Analysis,
    analysis_new: Analysis,
) -> SemanticResult:
    """Every semantic change between two analysed versions, pair by pair."""
    lexicon = lexicon_for(schema_of(new))
    renames = find_renames(pairs, old, new, lexicon)
    reader = _PairReader(pairs, old, new, analysis_old, analysis_new, renames, lexicon)
    changes: list[tuple[int, Change]] = []
    explained: set[int] = set(renames.explained)
    cosmetic: dict[int, Change] = {}
    changes.extend(_rename_changes(renames, pairs))
    for index, pair in enumerate(pairs):
        found = reader.pair(pair)
        if found:
            explained.add(index)
            changes.extend((index, c) for c in found)
        elif index not in explained:
            follow = reader.renumbered_references(pair)
            if follow is not None:
                cosmetic[index] = follow
    for index, change in reader.terms(pairs, renames):
        changes.append((index, change))
        if pairs[index].status is Status.MODIFIED:
            explained.add(index)
            cosmetic.pop(index, None)
    changes.sort(key=lambda item: item[0])
    return SemanticResult(tuple(changes), frozenset(explained), cosmetic)


# --- one pair ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    """Provisions, values and references of one side of a pair, with their clause ids."""

    provisions: list[Provision]
    values: list[tuple[str, Value]]
    references: list[tuple[str, Reference]]


class _PairReader:
    def __init__(
        self,
        pairs: Sequence[ClausePair],
        old: Document,
        new: Document,
        analysis_old: Analysis,
        analysis_new: Analysis,
        renames: Renames,
        lexicon: Lexicon,
    ) -> None:
        self.old, self.new = old, new
        self.analysis = {"old": analysis_old, "new": analysis_new}
        self.lexicon = lexicon
        self.scope = ScopeReader(lexicon)
        self.renamed = renames.parties
        self.all_parties = frozenset(p.name for p in new.parties) or frozenset(
            p.name for p in old.parties
        )
        # A document with no parties (a statute): its named actors stand in for them.
        self.stand_in = not self.all_parties
        # Where each old clause went: the new ids of its pair (several for a split).
        self.counterpart: dict[str, tuple[str, ...]] = {}
        self._sides: dict[tuple[Side, tuple[str, ...]], _Side] = {}
        self.back: dict[str, tuple[str, ...]] = {}
        for pair in pairs:
            for clause_id in pair.old:
                self.counterpart[clause_id] = pair.new
            for clause_id in pair.new:
                self.back[clause_id] = pair.old
        # Each clause's parent, per side: an item's list is opened by its parent.
        self.parent: dict[Side, dict[str, Clause]] = {"old": {}, "new": {}}
        sides: tuple[tuple[Side, Document], ...] = (("old", old), ("new", new))
        for side, document in sides:
            for clause in document.walk():
                for child in clause.children:
                    self.parent[side][child.id] = clause

    def side(self, side: Side, ids: tuple[str, ...]) -> _Side:
        """One side of a pair, read once: pair() and references() both ask for it."""
        key = (side, ids)
        if key not in self._sides:
            self._sides[key] = self._read_side(side, ids)
        return self._sides[key]

    def _read_side(self, side: Side, ids: tuple[str, ...]) -> _Side:
        analysis = self.analysis[side]
        provisions: list[Provision] = []
        values: list[tuple[str, Value]] = []
        references: list[tuple[str, Reference]] = []
        for clause_id in ids:
            read = analysis.clause(clause_id)
            provisions.extend(_fold_warranties(read.provisions))
            values.extend((clause_id, v) for v in read.values)
            references.extend((clause_id, r) for r in read.references)
        return _Side(provisions, values, references)

    def pair(self, pair: ClausePair) -> list[Change]:
        if pair.status in (Status.UNCHANGED, Status.RENUMBERED) or pair.cosmetic:
            # Same words (case and punctuation aside): no provision can differ, but a
            # reference may now point elsewhere because its target moved.
            return self.references(pair)
        before = self.side("old", pair.old)
        after = self.side("new", pair.new)
        ref = name(pair.new_id or pair.old_id)
        if pair.status is Status.ADDED:
            added = [
                self._one_sided(ref, q, "added") for q in after.provisions if self._concerned(q)
            ]
            listed = None if added else self._list_item(pair, "new")
            return _merge(added, self.all_parties) if listed is None else [listed]
        if pair.status is Status.REMOVED:
            removed = [
                self._one_sided(ref, p, "removed") for p in before.provisions if self._concerned(p)
            ]
            listed = None if removed else self._list_item(pair, "old")
            return _merge(removed, self.all_parties) if listed is None else [listed]
        changes: list[Change] = []
        matched, lost, gained = _match(before.provisions, after.provisions, self.renamed)
        told: set[tuple[Side, str, int]] = set()
        for p, q in matched:
            found = self._compare(ref, p, q)
            changes.extend(found)
            for c in found:
                # The amount of a cap added (or dropped) is told by the weakening (or
                # strengthening), not again as a value.
                for e in c.evidence:
                    if e.rule.startswith("lexicon.guarantee_cap"):
                        held = q if e.side == "new" else p
                        told.update(
                            (e.side, held.clause, v.start)
                            for v in held.values
                            if v.start >= e.start
                        )
            if any(e.rule.startswith("lexicon.obligor_option") for c in found for e in c.evidence):
                continue  # the option's words are what weakened it, not another object
            scope = self._scope_changed(ref, p, q, before, after, told)
            if scope is not None:
                changes.append(scope)
        if not any(c.type == "scope.changed" for c in changes):
            loose = self._loose_scope(ref, pair, before, after)
            if loose is not None:
                changes.append(loose)
        changes = _untold_conditions(changes)
        # A provision dropped from (or added to) a clause that stays is told at both ends:
        # "X(b) removed" alone would not say where the rest of X(b) now stands.
        changes.extend(
            replace(self._one_sided(ref, p, "removed"), new_clause=pair.new_id)
            for p in lost
            if self._concerned(p)
        )
        changes.extend(
            replace(self._one_sided(ref, q, "added"), old_clause=pair.old_id)
            for q in gained
            if self._concerned(q)
        )
        value_change = self._values(ref, before, after, matched, lost, gained, told)
        changes = _merge(changes, self.all_parties)
        if value_change is not None:
            others = {c.party for c in changes if c.party is not None}
            if value_change.party is None and len(others) == 1:
                # "The Board shall consist of six (6) members" beside "Each Party shall
                # appoint three (3)": the numbers are the parties' business too.
                value_change = replace(value_change, party=others.pop())
            changes.append(value_change)
        changes.extend(self.references(pair))
        return changes

    def _list_item(self, pair: ClausePair, side: Side) -> Change | None:
        """scope.changed when an item with no provision of its own was added to (or
        dropped from) a list that a provision of its parent opens ("The Participants
        intend to cooperate in the following areas: (i) ... (iv) countering illicit
        trafficking"): the provision, kept, now covers more (or less). Its parent must
        stay in both versions; its party is the provision's."""
        ids = pair.new if side == "new" else pair.old
        if len(ids) != 1:
            return None
        parent = self.parent[side].get(ids[0])
        if parent is None or not parent.text.rstrip().endswith((":", "—", "–")):
            return None
        kept = (self.back if side == "new" else self.counterpart).get(parent.id)
        if not kept:
            return None
        opening = [
            p
            for p in self.analysis[side].provisions(parent.id)
            if self._concerned(p) and p.span[1] >= len(parent.text.rstrip()) - 1
        ]
        if not opening:
            return None
        p = opening[-1]
        item = (self.new if side == "new" else self.old).clause(ids[0])
        if item.is_note:
            # A drafting footnote under the clause is advice about it, not an item of its list.
            return None
        other = kept[0]
        if _opens_duties(parent.text, p):
            # "Consultant shall: (a) ...; (e) maintain insurance": each item is a duty of
            # its own, so a new item is a new duty (the ledger still counts the clause once).
            how = "added" if side == "new" else "removed"
            change = self._one_sided(name(ids[0]), p, how)
            what = f"{_cue(p)} {' '.join(item.text.split()[:SUMMARY_ITEM_WORDS])}"
            label = p.modality.label
            summary = (
                f"{name(ids[0])} {_who(p)}: new {label} — {what}"
                if how == "added"
                else f"{name(ids[0])} {_who(p)}: {label} removed — {what}"
            )
            return replace(
                change,
                summary=summary.rstrip(),
                old_clause=ids[0] if side == "old" else other,
                new_clause=ids[0] if side == "new" else other,
            )
        words = ScopeWords(OBJECT, "", item.text, 0, f"list item of {parent.id}")
        facet = (
            FacetChange(OBJECT, (), (words,))
            if side == "new"
            else FacetChange(OBJECT, (words,), (), narrowed=True)
        )
        how = "added" if side == "new" else "dropped"
        ref = name(parent.id)
        evidence = [Evidence(side, p.clause, p.cue.text, p.cue.start, p.cue.rule)]
        evidence.extend(facet.evidence(ids[0], ids[0]))
        return Change(
            "scope.changed",
            _scope_severity([facet]),
            f"{ref} {_who(p)}: scope of {p.modality.label} “{_quote(p) or _cue(p)}” changed — item"
            f" {name(ids[0])} {how}: “{snippet(item.text)}”",
            self._party(p),
            ids[0] if side == "old" else other,
            ids[0] if side == "new" else other,
            tuple(evidence),
        )

    # --- provisions ---------------------------------------------------------------------

    def _concerned(self, p: Provision) -> tuple[str, ...]:
        return _concerned(p, self.stand_in)

    def _party(self, p: Provision) -> str | None:
        return _party(p, self.stand_in)

    def _bearers(self, p: Provision) -> frozenset[str]:
        return frozenset(self.renamed.get(b, b) for b in self._concerned(p))

    def _compare(self, ref: str, p: Provision, q: Provision) -> list[Change]:
        before, after = self._bearers(p), self._bearers(q)
        if not before and not after:
            return []
        if not before:
            return [self._one_sided(ref, q, "added")]
        if not after:
            return [self._one_sided(ref, p, "removed")]
        common, gone, came = before & after, before - after, after - before
        same_family = p.modality.family == q.modality.family
        if not common and not same_family:
            # Nobody keeps anything: one provision went, another came.
            return [self._one_sided(ref, p, "removed"), self._one_sided(ref, q, "added")]
        out: list[Change] = []
        if gone or came:
            out.extend(self._parties_changed(ref, p, q, gone, came))
        out.extend(self._modality_changed(ref, p, q))
        if same_family or p.modality.is_duty == q.modality.is_duty:
            out.extend(self._conditions_changed(ref, p, q))
        return out

    def _scope_changed(
        self,
        ref: str,
        p: Provision,
        q: Provision,
        before: _Side,
        after: _Side,
        told: set[tuple[Side, str, int]],
    ) -> Change | None:
        """scope.changed when a provision kept by the same party, of the same kind,
        covers something else; `told` gathers the values its words already tell."""
        if p.modality.family != q.modality.family or not self._bearers(p) & self._bearers(q):
            return None
        facets = self.scope.changes(
            p,
            q,
            self.old.clause(p.clause).text,
            self.new.clause(q.clause).text,
            _spans(before, p),
            _spans(after, q),
        )
        if not facets:
            return None
        for facet in facets:
            # "for a period of three (3) years" -> "for as long as it remains secret":
            # the number went with the words that held it, one change says both.
            sides: tuple[tuple[Side, Provision, tuple[ScopeWords, ...]], ...] = (
                ("old", p, facet.lost),
                ("new", q, facet.gained),
            )
            for side, prov, found in sides:
                for w in found:
                    for v in prov.values:
                        if w.start <= v.start < w.start + len(w.text):
                            told.add((side, prov.clause, v.start))
        severity = _scope_severity(facets)
        evidence = [
            Evidence("old", p.clause, p.cue.text, p.cue.start, p.cue.rule),
            Evidence("new", q.clause, q.cue.text, q.cue.start, q.cue.rule),
        ]
        evidence.extend(e for f in facets for e in f.evidence(p.clause, q.clause))
        return Change(
            "scope.changed",
            severity,
            f"{ref} {_who(q)}: scope of {q.modality.label} “{_quote(q)}” changed — "
            + "; ".join(f.describe() for f in facets),
            self._party(q),
            p.clause,
            q.clause,
            tuple(evidence),
        )

    def _loose_scope(
        self, ref: str, pair: ClausePair, before: _Side, after: _Side
    ) -> Change | None:
        """scope.changed for scope words outside any provision ("The licence granted in
        clause 2 is perpetual" -> "... lasts for the term of this Agreement"): the
        statement of a grant's scope has no modal of its own. Its party is the one
        party the clause names, if it names one."""
        found: dict[Side, list[ScopeWords]] = {"old": [], "new": []}
        sides: tuple[tuple[Side, Document, tuple[str, ...], _Side], ...] = (
            ("old", self.old, pair.old, before),
            ("new", self.new, pair.new, after),
        )
        for side, document, ids, read in sides:
            for clause_id in ids:
                text = document.clause(clause_id).text
                values = [v for c, v in read.values if c == clause_id]
                spans = [p.span for p in read.provisions if p.clause == clause_id]
                found[side].extend(
                    w
                    for w in self.scope.words(text, 0, len(text), values)
                    if not any(a <= w.start < b for a, b in spans)
                )
        # Only a facet whose words were replaced ("perpetual" -> "for the term of this
        # Agreement"): a lone word dropped from a statement is too often boilerplate.
        facets = [f for f in self.scope.compare(found["old"], found["new"]) if f.lost and f.gained]
        if not facets:
            return None
        named = {
            m.name
            for clause_id in pair.new
            for m in self.analysis["new"].clause(clause_id).mentions
            if m.name in self.all_parties
        }
        party = named.pop() if len(named) == 1 else None
        who = f" {party}" if party else ""
        old_id, new_id = pair.old_id or "", pair.new_id or ""
        return Change(
            "scope.changed",
            _scope_severity(facets),
            f"{ref}{who}: scope changed — " + "; ".join(f.describe() for f in facets),
            party,
            pair.old_id,
            pair.new_id,
            tuple(e for f in facets for e in f.evidence(old_id, new_id)),
        )

    def _parties_changed(
        self, ref: str, p: Provision, q: Provision, gone: frozenset[str], came: frozenset[str]
    ) -> list[Change]:
        family_p, family_q = p.modality.family, q.modality.family
        if family_p == family_q == "obligation" and not came:
            # "The Parties shall consult" -> "Norland shall consult": Velmora is released;
            # nobody newly bears the duty, so it is no reassignment.
            return [self._one_sided(ref, p, "removed", party=party) for party in sorted(gone)]
        if family_p == family_q == "obligation" and not gone:
            # "Freedonia shall exempt" -> "Each Party shall exempt": Freedonia keeps the
            # duty, Sylvania newly bears it; nothing moved away from anyone.
            return [
                replace(self._one_sided(ref, q, "added", party=party), old_clause=p.clause)
                for party in sorted(came)
            ]
        if family_p == family_q == "obligation":
            who_before, who_after = _who(p), _who(q)
            return [
                self._change(
                    "obligation.reassigned",
                    ref,
                    q,
                    f"“{_quote(q)}” moved from {who_before} to {who_after}",
                    p,
                    before=p.modality,
                    after=q.modality,
                    actor_evidence=True,
                )
            ]
        out = []
        if family_q == family_p:
            # Rights, permissions, prohibitions, guarantees: each party gains or loses its own.
            for party in sorted(came):
                out.append(self._one_sided(ref, q, "added", party=party))
            for party in sorted(gone):
                out.append(self._one_sided(ref, p, "removed", party=party))
        return out

    def _modality_changed(self, ref: str, p: Provision, q: Provision) -> list[Change]:
        a, b = p.modality, q.modality
        if a == b:
            if a is Modality.GUARANTEE:
                return self._intensity_changed(ref, p, q)
            if a in (Modality.OBLIGATION, Modality.QUALIFIED):
                option = self._option_changed(ref, p, q)
                if option:
                    return option
            if a is Modality.QUALIFIED:
                return self._efforts_changed(ref, p, q)
            return []
        ladder = (Modality.OBLIGATION, Modality.QUALIFIED, Modality.WEAK)
        if {a, b} == {Modality.PROHIBITION, Modality.PERMISSION} and _same_rule(p, q, self.lexicon):
            return []
        if a in ladder and b in ladder:
            kind = "strengthened" if b.strength > a.strength else "weakened"
            return [
                self._change(
                    f"obligation.{kind}",
                    ref,
                    q,
                    f"“{_quote(q)}” {kind} — {_cue(p)} → {_cue(q)}",
                    p,
                    before=a,
                    after=b,
                )
            ]
        # Across families ("may" -> "shall", a guarantee -> "will consider", a right ->
        # a duty) the old provision is gone and a different one stands in its place.
        return [self._one_sided(ref, p, "removed"), self._one_sided(ref, q, "added")]

    def _option_changed(self, ref: str, p: Provision, q: Provision) -> list[Change]:
        """ "shall replace" -> "shall replace, or at its option credit the price of":
        the bearer may now choose how to perform (the schema's `obligor_option`), so the
        duty is weaker; an option taken away strengthens it."""
        had = self._phrases(self.old, p, "obligor_option")
        has = self._phrases(self.new, q, "obligor_option")
        if bool(had) == bool(has):
            return []
        kind = "weakened" if has else "strengthened"
        said = " ".join((has or had)[0].text.split())
        how = "added" if has else "dropped"
        cue = (has or had)[0]
        extra = [
            Evidence(
                "new" if has else "old",
                q.clause if has else p.clause,
                cue.text,
                cue.start,
                cue.rule,
            )
        ]
        return [
            self._change(
                f"obligation.{kind}",
                ref,
                q,
                f"“{_quote(q)}” {kind} — “{said}” {how}",
                p,
                before=p.modality,
                after=q.modality,
                extra=extra,
            )
        ]

    def _efforts_changed(self, ref: str, p: Provision, q: Provision) -> list[Change]:
        """ "reasonable efforts" -> "best efforts": the higher standard (the schema's
        `best_efforts` phrases) strengthens a qualified obligation."""
        before = self.lexicon.contains(p.cue.text, "best_efforts")
        after = self.lexicon.contains(q.cue.text, "best_efforts")
        if before == after:
            return []
        kind = "strengthened" if after else "weakened"
        return [
            self._change(
                f"obligation.{kind}",
                ref,
                q,
                f"“{_quote(q)}” {kind} — {_cue(p)} → {_cue(q)}",
                p,
                before=p.modality,
                after=q.modality,
            )
        ]

    def _intensity_changed(self, ref: str, p: Provision, q: Provision) -> list[Change]:
        """A guarantee made harder ("irrevocably", "with its full faith and credit") or
        softer ("to Seller's knowledge"): the schema's intensifiers and weakeners."""
        lost, won = _force(p, q), _force(q, p)
        weaker = [(i, "dropped") for i in lost if _is_intensifier(i)] + [
            (i, "added") for i in won if not _is_intensifier(i)
        ]
        stronger = [(i, "added") for i in won if _is_intensifier(i)] + [
            (i, "dropped") for i in lost if not _is_intensifier(i)
        ]
        # A cap added ("up to a maximum of $2,000,000") limits what is guaranteed.
        cap_old, cap_new = self._caps(self.old, p), self._caps(self.new, q)
        if cap_new and not cap_old:
            weaker.append((cap_new[0], "added"))
        elif cap_old and not cap_new:
            stronger.append((cap_old[0], "dropped"))
        if not weaker and not stronger:
            for category, narrows in (("guarantee_narrower", True), ("guarantee_wider", False)):
                # Words inside a carve-out ("except to the extent caused by the
                # negligence of the Customer") are the condition's: condition.added.
                had = _outside_conditions(self._phrases(self.old, p, category), p)
                has = _outside_conditions(self._phrases(self.new, q, category), q)
                had_keys = {cosmetic_key(h.text) for h in had}
                has_keys = {cosmetic_key(h.text) for h in has}
                came = [c for c in has if cosmetic_key(c.text) not in had_keys]
                went = [c for c in had if cosmetic_key(c.text) not in has_keys]
                (weaker if narrows else stronger).extend((c, "added") for c in came)
                (stronger if narrows else weaker).extend((c, "dropped") for c in went)
        if not weaker and not stronger:
            # What is guaranteed narrowed or widened: words dropped from, or added to,
            # an otherwise unchanged guarantee ("principal, interest, fees and costs"
            # -> "principal"; "wilful misconduct" -> "negligence or wilful misconduct").
            # Only a limb of a list ("design, materials and workmanship") counts: one
            # word more or less ("defects" -> "material defects") may narrow or widen.
            a, b = _covered(p), _covered(q)
            if a > b and _limb_changed(p, q):
                weaker.append((_lost_words(p, a - b), "dropped"))
            elif b > a and _limb_changed(q, p):
                stronger.append((_lost_words(q, b - a), "added"))
        out = []
        for kind, found in (("weakened", weaker), ("strengthened", stronger)):
            if not found:
                continue
            what = "; ".join(f"“{' '.join(i.text.split())}” {how}" for i, how in found)
            evidence = [
                Evidence(
                    "old" if how == "dropped" else "new",
                    p.clause if how == "dropped" else q.clause,
                    i.text,
                    i.start,
                    i.rule,
                )
                for i, how in found
            ]
            out.append(
                self._change(
                    f"guarantee.{kind}",
                    ref,
                    q,
                    f"guarantee {kind} — {what}",
                    p,
                    before=p.modality,
                    after=q.modality,
                    extra=evidence,
                )
            )
        return out[:1] if len(out) == 2 else out

    def _caps(self, document: Document, p: Provision) -> list[Cue]:
        return self._phrases(document, p, "guarantee_cap")

    def _phrases(self, document: Document, p: Provision, category: str) -> list[Cue]:
        """A lexicon category's phrases inside a provision, as cues to quote."""
        text = document.clause(p.clause).text
        return [
            Cue(m.text, m.start, f"lexicon.{category}: {m.phrase}")
            for m in self.lexicon.iter(text, category, p.span[0], p.span[1])
        ]

    def _conditions_changed(self, ref: str, p: Provision, q: Provision) -> list[Change]:
        out = []
        holder = q if q.bearers else p
        # Conditions in the new provision but not the old were added; the reverse removed.
        sides: tuple[tuple[str, str, Provision, Provision, Side], ...] = (
            ("condition.added", "added to", q, p, "new"),
            ("condition.removed", "removed from", p, q, "old"),
        )
        for code, how, has, lacks, side in sides:
            for c in has.conditions:
                alike = [other for other in lacks.conditions if similar(c, other)]
                if not alike:
                    said = _short(c.text)
                else:
                    # "if X commits a material breach" -> "... and fails to remedy it
                    # within 30 days": the same condition with a further requirement.
                    more = _further_requirement(alike[0].text, c.text)
                    if not more:
                        continue
                    how = "tightened for" if side == "new" else "eased for"
                    said = f"“{_short(more)}” " + ("added" if side == "new" else "dropped")
                out.append(
                    Change(
                        code,
                        policy.condition_severity(code, has.modality),
                        f"{ref} {_who(holder)}: condition {how} “{_quote(q)}” — " + said,
                        self._party(holder),
                        p.clause,
                        q.clause,
                        (Evidence(side, has.clause, c.cue, c.start, c.rule),),
                    )
                )
        return out

    def _one_sided(self, ref: str, p: Provision, how: str, party: str | None = None) -> Change:
        family = p.modality.family
        kind = f"{family}.{how}"
        label = p.modality.label
        who = party or _who(p)
        # With nobody named, the provision's own words say it best: "No distribution
        # shall be made to Velmora".
        what = f"{_cue(p)} {p.gist()}" if p.actor.kind != "none" else f"“{snippet(p.text)}”"
        if how == "added":
            summary = f"{ref} {who}: new {label} — {what}"
            severity = policy.provision_severity(kind, None, p.modality)
        else:
            summary = f"{ref} {who}: {label} removed — {what}"
            severity = policy.provision_severity(kind, p.modality, None)
        side: Side = "new" if how == "added" else "old"
        evidence = [Evidence(side, p.clause, p.cue.text, p.cue.start, p.cue.rule)]
        if p.actor.text:
            evidence.append(Evidence(side, p.clause, p.actor.text, p.actor.start, p.actor.rule))
        return Change(
            kind,
            severity,
            summary.rstrip(),
            party or self._party(p),
            p.clause if how == "removed" else None,
            p.clause if how == "added" else None,
            tuple(evidence),
        )

    def _change(
        self,
        kind: str,
        ref: str,
        q: Provision,
        what: str,
        p: Provision,
        *,
        before: Modality,
        after: Modality,
        actor_evidence: bool = False,
        extra: Iterable[Evidence] = (),
    ) -> Change:
        evidence = [
            Evidence("old", p.clause, p.cue.text, p.cue.start, p.cue.rule),
            Evidence("new", q.clause, q.cue.text, q.cue.start, q.cue.rule),
        ]
        if actor_evidence:
            sides: tuple[tuple[Side, Provision], ...] = (("old", p), ("new", q))
            for side, prov in sides:
                if prov.actor.text:
                    actor = prov.actor
                    evidence.append(
                        Evidence(side, prov.clause, actor.text, actor.start, actor.rule)
                    )
        evidence.extend(extra)
        lead = f"{ref} {_who(q)}: " if kind != "obligation.reassigned" else f"{ref}: "
        return Change(
            kind,
            policy.provision_severity(kind, before, after),
            lead + what,
            self._party(q),
            p.clause,
            q.clause,
            tuple(evidence),
        )

    # --- values, terms, references ------------------------------------------------------

    def _values(
        self,
        ref: str,
        before: _Side,
        after: _Side,
        matched: list[tuple[Provision, Provision]],
        lost: list[Provision],
        gained: list[Provision],
        told: set[tuple[Side, str, int]],
    ) -> Change | None:
        """One value.changed for the pair: values replaced, and values added to or
        dropped from a provision that is still there. Values of provisions added or
        removed whole are already told by those changes, and so are those `told` by
        a scope change."""
        olds = [
            (c, v)
            for c, v in before.values
            if not _inside(c, v, lost) and ("old", c, v.start) not in told
        ]
        news = [
            (c, v)
            for c, v in after.values
            if not _inside(c, v, gained) and ("new", c, v.start) not in told
        ]
        kept_old = [p for p, _ in matched]
        kept_new = [q for _, q in matched]
        matcher = difflib.SequenceMatcher(
            a=[v.key for _, v in olds], b=[v.key for _, v in news], autojunk=False
        )
        parts: list[str] = []
        evidence: list[Evidence] = []
        kinds: list[str] = []
        holders: list[Provision] = []

        def alone(side: Side, clause: str, value: Value, kept: list[Provision]) -> None:
            """A value added to or dropped from a provision kept in both versions."""
            if held := _holder(clause, value, kept):
                parts.append(f"{value.text} {'added' if side == 'new' else 'dropped'}")
                evidence.append(
                    Evidence(side, clause, value.text, value.start, f"values.{value.kind}")
                )
                kinds.append(value.kind)
                holders.extend(held)

        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            a, b = olds[i1:i2], news[j1:j2]
            while a and b and a[0][1].kind == b[0][1].kind:
                (ca, va), (cb, vb) = a.pop(0), b.pop(0)
                parts.append(f"{va.text} → {vb.text}")
                evidence.append(Evidence("old", ca, va.text, va.start, f"values.{va.kind}"))
                evidence.append(Evidence("new", cb, vb.text, vb.start, f"values.{vb.kind}"))
                kinds.append(vb.kind)
                holders.extend(_holder(cb, vb, kept_new))
            for cb, vb in b:
                alone("new", cb, vb, kept_new)
            for ca, va in a:
                alone("old", ca, va, kept_old)
        if not parts:
            return None
        party_holders = [h for h in holders if self._concerned(h)]
        in_provision = bool(holders)
        owner = None if party_holders else self._value_owner(evidence)
        worst = min((policy.value_severity(k, in_provision) for k in kinds), key=lambda s: s.rank)
        who = f" {_who(party_holders[0])}" if party_holders else ""
        old_id = next((e.clause for e in evidence if e.side == "old"), None)
        new_id = next((e.clause for e in evidence if e.side == "new"), None)
        if owner is not None:
            who = f" {owner}"
        return Change(
            "value.changed",
            worst,
            f"{ref}{who}: " + "; ".join(parts),
            self._party(party_holders[0]) if party_holders else owner,
            old_id,
            new_id,
            tuple(evidence),
        )

    def _value_owner(self, evidence: list[Evidence]) -> str | None:
        """ "Each Party's liability shall not exceed $1,000,000": a value outside any
        provision belongs to the party that owns the sentence's subject."""
        for e in evidence:
            read = self.analysis[e.side].clause(e.clause)
            sentence = next((s for s in read.sentences if s[0] <= e.start < s[1]), None)
            if sentence is None:
                continue
            owners = [m for m in read.mentions if m.owner and sentence[0] <= m.start < sentence[1]]
            if owners:
                return owners[0].name
        return None

    def terms(self, pairs: Sequence[ClausePair], renames: Renames) -> list[tuple[int, Change]]:
        """term.redefined, once per term, when what a definition says changed: its
        sentence, the lettered items under it ("means the following: (a) …; (b) …"),
        or the words an inline name stands for ("… in France and Belgium (the
        "Territory")"). A term whose name alone changed ("Change of control" ->
        "Change of Control") has no counterpart, so it is no redefinition."""
        before = _meanings(self.old, self.analysis["old"])
        after = _meanings(self.new, self.analysis["new"])
        where: dict[str, int] = {}
        for index, pair in enumerate(pairs):
            for clause_id in pair.new:
                where.setdefault(clause_id, index)
        out: list[tuple[int, Change]] = []
        for term, (d, meaning, items) in after.items():
            if term not in before or term in self.all_parties:
                continue
            was, old_meaning, old_items = before[term]
            if was.inline != d.inline:
                continue
            for rename in renames.renames:
                old_meaning = old_meaning.replace(rename.old, rename.new)
            old_meaning, meaning = self._followed_masked(
                (was.clause, *old_items), (d.clause, *items), old_meaning, meaning
            )
            if _same_meaning(old_meaning, meaning, d.inline):
                continue
            at = where.get(d.clause)
            if at is None:
                continue
            uses = tuple(u for u in self._uses(term) if u != d.clause and u not in items)
            evidence = [
                Evidence("old", was.clause, was.term, was.start, was.rule),
                Evidence("new", d.clause, d.term, d.start, d.rule),
            ]
            listed = ", ".join(name(u) for u in uses) if uses else "no other clause"
            out.append(
                (
                    at,
                    Change(
                        "term.redefined",
                        policy.TERM_REDEFINED,
                        f"{name(d.clause)}: “{term}” redefined — used in {listed}",
                        self._term_party(d, uses),
                        was.clause,
                        d.clause,
                        tuple(evidence),
                    ),
                )
            )
        return out

    def _followed_masked(
        self, old_ids: Sequence[str], new_ids: Sequence[str], before: str, after: str
    ) -> tuple[str, str]:
        """Both meanings with the cross-references that followed their target's new
        number ("clause 5.2" -> "clause 5.3" after an insertion) made one mark: a
        renumbering redefines nothing."""
        olds = [r for i in old_ids for r in self.analysis["old"].clause(i).references]
        news = [r for i in new_ids for r in self.analysis["new"].clause(i).references]
        used: set[int] = set()
        for a in olds:
            for k, b in enumerate(news):
                if k not in used and a.clause is not None and self._follows(a, b):
                    used.add(k)
                    before = before.replace(a.text, " \x00 ", 1)
                    after = after.replace(b.text, " \x00 ", 1)
                    break
        return before, after

    def _uses(self, term: str) -> tuple[str, ...]:
        known = self.analysis["new"].uses.get(term)
        if known is not None:
            return known
        finder = TermUses([term])
        return tuple(c.id for c in self.new.walk() if finder.used(c.text))

    def _term_party(self, definition: Definition, uses: Sequence[str]) -> str | None:
        """Whose position a redefinition moves: the party the definition names ("revenues
        received by Velmora"), else the party bound by the clauses that use the term."""
        analysis = self.analysis["new"]
        start, end = definition.sentence
        # An inline name's sentence is an operative clause: its parties are that
        # clause's, not the term's.
        named = {
            m.name
            for m in analysis.clause(definition.clause).mentions
            if start <= m.start < end and not definition.inline
        }
        if not named:
            named = {
                party
                for clause_id in uses
                for p in analysis.provisions(clause_id)
                if p.modality.is_duty
                for party in ([JOINT] if p.actor.kind == "joint" else self._concerned(p))
            }
        if not named:
            return None
        return named.pop() if len(named) == 1 else JOINT

    def _aligned_references(
        self, pair: ClausePair
    ) -> list[tuple[tuple[str, Reference], tuple[str, Reference]]]:
        """Each reference of the old side with the one of the new side that stands for
        it: first those that point at what their old target became, in order (a
        renumbered list of references stays one to one, whatever was inserted or
        dropped among them); then, of the rest, those standing in the same place of
        the text (the same words before or after them)."""
        before = self.side("old", pair.old).references
        after = self.side("new", pair.new).references
        follows = _in_order(
            len(before), len(after), lambda i, j: self._follows(before[i][1], after[j][1])
        )
        rest_a = sorted(set(range(len(before))) - {i for i, _ in follows})
        rest_b = sorted(set(range(len(after))) - {j for _, j in follows})
        # Each clause's words are read once, not once per reference in it.
        words_a = {c: _place_words(self.old.clause(c).text, before) for c, _ in before}
        words_b = {c: _place_words(self.new.clause(c).text, after) for c, _ in after}
        place_a = [_place(words_a[c], r) for c, r in before]
        place_b = [_place(words_b[c], r) for c, r in after]

        def same_place(i: int, j: int) -> bool:
            a, b = before[rest_a[i]][1], after[rest_b[j]][1]
            pa, pb = place_a[rest_a[i]], place_b[rest_b[j]]
            return a.kind.casefold() == b.kind.casefold() and (pa[0] == pb[0] or pa[1] == pb[1])

        slots = _in_order(len(rest_a), len(rest_b), same_place)
        pairs = sorted([*follows, *((rest_a[i], rest_b[j]) for i, j in slots)])
        return [(before[i], after[j]) for i, j in pairs]

    def _follows(self, a: Reference, b: Reference) -> bool:
        """True when new reference b points at what old reference a's target became
        (or both point at no clause of theirs, with the same words)."""
        if a.clause is None and b.clause is None and a.target != b.target:
            return self._section_became(a.target) == b.target
        if a.clause is None or b.clause is None:
            return a.clause is None and b.clause is None and a.target == b.target
        went = self.counterpart.get(a.clause, ())
        # A numbered clause that became a heading with its text in the paragraph under
        # it ("1. You may copy ..." -> "4. Conveying Verbatim Copies." + "4¶1 You may
        # copy ..."): a reference to the heading's number follows it.
        return b.clause in went or any(w.startswith(b.clause + "¶") for w in went)

    def _section_became(self, target: str) -> str | None:
        """The new number of a section that is no clause of its own ("Clause 9 TERM AND
        TERMINATION" read as a line of text), from its clauses: when every old 9.x
        became 10.x, section 9 is now 10. None when they went different ways."""
        if not target[-1:].isdigit():
            return None
        prefix = target + "."
        became: set[str] = set()
        for old_id, new_ids in self.counterpart.items():
            if not old_id.startswith(prefix):
                continue
            rest = old_id[len(prefix) :]
            for new_id in new_ids:
                if not new_id.endswith("." + rest):
                    return None
                became.add(new_id[: -len(rest) - 1])
        return became.pop() if len(became) == 1 else None

    def references(self, pair: ClausePair) -> list[Change]:
        """reference.changed for references that now point at another clause than the
        one their old target became, or at none."""
        out = []
        for (ca, a), (cb, b) in self._aligned_references(pair):
            if a.clause is None or self._follows(a, b):
                continue
            went = self.counterpart.get(a.clause, ())
            old_target = self.old.clause(a.clause)
            if b.clause is None:
                now = "now points to no clause"
            else:
                now = (
                    f"now points to {name(b.clause)} ({snippet(self.new.clause(b.clause).text, 8)})"
                )
            what = f"{name(a.clause)} ({snippet(old_target.text, 8)})"
            if not went:
                then = f"it pointed to {what}, which was removed"
            elif went == (a.clause,):
                then = f"it pointed to {what}, which is still {name(a.clause)}"
            else:
                then = f"it pointed to {what}, which is now {', '.join(name(w) for w in went)}"
            words = f"“{b.text}”" if a.text == b.text else f"“{a.text}” → “{b.text}”"
            out.append(
                Change(
                    "reference.changed",
                    policy.REFERENCE_CHANGED,
                    f"{name(pair.new_id or pair.old_id)}: {words} {now}; {then}",
                    None,
                    ca,
                    cb,
                    (
                        Evidence("old", ca, a.text, a.start, a.rule),
                        Evidence("new", cb, b.text, b.start, b.rule),
                    ),
                )
            )
        return out

    def renumbered_references(self, pair: ClausePair) -> Change | None:
        """text.cosmetic when a pair's only edits are references that followed their
        targets' new numbers ("Section 5.4" -> "Section 5.5" after 5.4 was split)."""
        if pair.status is not Status.MODIFIED or pair.cosmetic:
            return None
        aligned = self._aligned_references(pair)
        followed = [
            (a, b)
            for (_, a), (_, b) in aligned
            if a.text != b.text
            and (
                (
                    a.clause is not None
                    and b.clause is not None
                    and b.clause in self.counterpart.get(a.clause, ())
                )
                or (
                    a.clause is None
                    and b.clause is None
                    and self._section_became(a.target) == b.target
                )
            )
        ]
        if not followed:
            return None
        before, after = pair.text("old"), pair.text("new")
        for a, b in followed:
            before = before.replace(a.text, "\x00", 1)
            after = after.replace(b.text, "\x00", 1)
        if cosmetic_key(before.replace("\x00", " xref ")) != cosmetic_key(
            after.replace("\x00", " xref ")
        ):
            return None
        moves = ", ".join(f"“{a.text}” → “{b.text}”" for a, b in followed)
        ref = name(pair.new_id or pair.old_id)
        return Change(
            "text.cosmetic",
            Severity.INFO,
            f"{ref}: cross-reference follows the renumbering ({moves})",
            None,
            pair.old_id,
            pair.new_id,
            tuple(Evidence("new", pair.new_id or "", b.text, b.start, b.rule) for _, b in followed),
        )


# --- helpers ----------------------------------------------------------------------------

INLINE_WORDS = 10
"""Words before an inline name, (the "Territory"), read as what it stands for."""
_ITEM_NUMBER = re.compile(r"^\(?[a-z]{1,2}\)|^\(?[ivx]{1,5}\)", re.IGNORECASE)


def _meanings(
    document: Document, analysis: Analysis
) -> dict[str, tuple[Definition, str, frozenset[str]]]:
    """Each term's first definition, with the text that says what it means and the
    ids of the item clauses that belong to it."""
    out: dict[str, tuple[Definition, str, frozenset[str]]] = {}

    def visit(siblings: Sequence[Clause], inside: bool) -> None:
        lead = inside
        k = 0
        while k < len(siblings):
            clause = siblings[k]
            k += 1
            if clause.is_note:
                continue
            found = [d for d in analysis.clause(clause.id).definitions if not d.inline]
            if not found:
                own = unquoted_definition(clause.text, clause.id, lead)
                found = [own] if own else []
            if found:
                d = found[0]
                # A definition's items are its children, or (a flat parse) the lettered
                # paragraphs after a definition that ends in a colon.
                items = [c for child in clause.children for c in child.walk()]
                if d.text.rstrip().endswith(":"):
                    going = True
                    while going and k < len(siblings) and _continues(siblings[k], analysis):
                        # Bullets read as plain paragraphs: the list goes on while its
                        # items end in ";", "; and", "; or" or ",".
                        going = bool(siblings[k].number) or bool(
                            _LIST_GOES_ON.search(siblings[k].text)
                        )
                        items.extend(siblings[k].walk())
                        k += 1
                # A drafting note under a definition is no part of what it says.
                own_items = [c for c in items if not c.is_note and not _defines(analysis, c.id)]
                meaning = " ".join([d.text, *(c.text for c in own_items)])
                if d.term not in out:
                    out[d.term] = (d, meaning, frozenset(c.id for c in own_items))
                for other in found[1:]:
                    out.setdefault(other.term, (other, other.text, frozenset()))
            for d in analysis.clause(clause.id).definitions:
                if d.inline and d.term not in out:
                    out[d.term] = (d, _stands_for(clause.text, d), frozenset())
            opens = opens_definitions(clause.heading, clause.text)
            visit(clause.children, lead or opens)
            if opens and not clause.children:
                lead = True
            elif clause.is_heading_only and not opens:
                # The next heading ("3. Notices") ends a flat definitions section.
                lead = inside

    visit(document.clauses, False)
    return out


_LIST_GOES_ON = re.compile(r"(?:[;,]|\b(?:and|or))\s*$", re.IGNORECASE)


def _continues(clause: Clause, analysis: Analysis) -> bool:
    """True for a clause that can be an item of the definition list before it: a
    lettered or roman item, or an unnumbered paragraph, defining nothing itself."""
    if clause.is_heading_only or analysis.clause(clause.id).definitions:
        return False
    if unquoted_definition(clause.text, clause.id, True) is not None:
        return False
    return not clause.number or bool(_ITEM_NUMBER.match(clause.number))


def _defines(analysis: Analysis, clause_id: str) -> bool:
    return any(not d.inline for d in analysis.clause(clause_id).definitions)


def _stands_for(text: str, d: Definition) -> str:
    """The words an inline name stands for: those before its parenthesis, after the
    sentence's last modal or copula ("you must create an account"), comma, colon or
    semicolon, at most INLINE_WORDS."""
    opening = text.rfind("(", d.sentence[0], d.start)
    head = text[d.sentence[0] : opening if opening >= 0 else d.start]
    head = _INLINE_BOUNDARY.split(head)[-1]
    return " ".join(head.split()[-INLINE_WORDS:])


_INLINE_BOUNDARY = re.compile(
    r"[,;:]|\b(?:shall|must|will|may|is|are|agrees?\s+to|means)\b", re.IGNORECASE
)
_BLANK = re.compile(r"\[[_\s.]*\]|_{3,}")


def _same_meaning(before: str, after: str, inline: bool) -> bool:
    """True when two texts of a term's meaning say the same: equal but for case and
    punctuation; a template's blanks filled in ("Series [___]" -> "Series B"); for an
    inline name, one the tail of the other (only the sentence's lead-in changed)."""
    if cosmetic_key(before) == cosmetic_key(after):
        return True
    if _BLANK.search(before):
        parts = [re.escape(" ".join(p.split())) for p in _BLANK.split(before)]
        if re.fullmatch(".+?".join(parts), " ".join(after.split()), re.DOTALL):
            return True
    if inline:
        a, b = words(before.casefold()), words(after.casefold())
        short, long = (a, b) if len(a) <= len(b) else (b, a)
        return bool(short) and long[len(long) - len(short) :] == short
    return False


PLACE_WORDS = 3
"""Words on each side of a reference that say where in the text it stands."""
_PLACE_WORD = re.compile(r"[^\W_]+")


def _spans(side: _Side, own: Provision) -> list[tuple[int, int]]:
    """Where the references, values and other provisions of a provision's clause lie:
    none of its object words is read there (a value moved before the subject is still
    the same value; "either party may terminate ..., and Provider will pay ..." reads
    Provider's duty from "Provider")."""
    clause = own.clause
    spans = [(r.start, r.end) for c, r in side.references if c == clause]
    spans.extend((v.start, v.end) for c, v in side.values if c == clause)
    spans.extend(o.span for o in side.provisions if o.clause == clause and o is not own)
    return spans


def _scope_severity(facets: Iterable[FacetChange]) -> Severity:
    """The gravest severity of the facets a scope.changed names."""
    return min((policy.scope_severity(f.facet, f.narrowed) for f in facets), key=lambda s: s.rank)


def _untold_conditions(changes: list[Change]) -> list[Change]:
    """Without the condition changes whose words a scope change already quotes: "for as
    long as it is a trade secret" is a duration, told once, not also a condition."""
    spans = [
        (e.side, e.clause, e.start, e.end)
        for c in changes
        if c.type == "scope.changed"
        for e in c.evidence
        if e.rule.startswith("lexicon.scope_")
    ]
    if not spans:
        return changes
    return [
        c
        for c in changes
        if not (
            c.family == "condition"
            and all(
                any(e.side == s and e.clause == k and a <= e.start < b for s, k, a, b in spans)
                for e in c.evidence
            )
        )
    ]


def _in_order(n: int, m: int, same: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The most pairs (i, j), both in increasing order, with same(i, j): a longest
    common subsequence of items 0..n-1 and 0..m-1."""
    if not n or not m:
        return []
    hit = [[same(i, j) for j in range(m)] for i in range(n)]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = (
                best[i + 1][j + 1] + 1 if hit[i][j] else max(best[i + 1][j], best[i][j + 1])
            )
    out = []
    i = j = 0
    while i < n and j < m:
        if hit[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def _place_words(text: str, refs: Sequence[tuple[str, Reference]]) -> list[tuple[int, str]]:
    """(offset, word) of a text, every reference of the text counted as one word of its
    own (their numbers change with a renumbering; their places do not)."""
    spans = sorted({(r.start, r.end) for _, r in refs if text[r.start : r.end] == r.text})
    tokens: list[tuple[int, str]] = [(a, "\x00") for a, _ in spans]
    tokens.extend(
        (m.start(), m.group().casefold())
        for m in _PLACE_WORD.finditer(text)
        if not any(a <= m.start() < b for a, b in spans)
    )
    tokens.sort()
    return tokens


def _place(
    tokens: Sequence[tuple[int, str]], ref: Reference
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words (of `_place_words`) before and after a reference."""
    at = next((k for k, (start, _) in enumerate(tokens) if start == ref.start), None)
    if at is None:
        return (), ()
    before = tuple(w for _, w in tokens[max(0, at - PLACE_WORDS) : at])
    after = tuple(w for _, w in tokens[at + 1 : at + 1 + PLACE_WORDS])
    return before, after


def _match(
    olds: list[Provision], news: list[Provision], renamed: Mapping[str, str]
) -> tuple[list[tuple[Provision, Provision]], list[Provision], list[Provision]]:
    """Match provisions one to one by the words of their actions."""
    word_sets = {id(p): _content(p) for p in (*olds, *news)}
    scored = []
    for i, p in enumerate(olds):
        for j, q in enumerate(news):
            a, b = word_sets[id(p)], word_sets[id(q)]
            overlap = len(a & b) / len(a | b) if a | b else 1.0
            same_bearers = frozenset(renamed.get(x, x) for x in p.bearers) == frozenset(q.bearers)
            bonus = 0.1 * (p.modality.family == q.modality.family) + 0.1 * same_bearers
            scored.append((overlap + bonus, overlap, i, j))
    scored.sort(key=lambda s: (-s[0], s[2], s[3]))
    sole = len(olds) == 1 and len(news) == 1
    used_old: set[int] = set()
    used_new: set[int] = set()
    matched = []
    for _, overlap, i, j in scored:
        if i in used_old or j in used_new:
            continue
        if overlap < (SOLE_MATCH_THRESHOLD if sole else MATCH_THRESHOLD):
            continue
        used_old.add(i)
        used_new.add(j)
        matched.append((olds[i], news[j]))
    matched.sort(key=lambda m: (m[1].clause, m[1].span))
    lost = [p for i, p in enumerate(olds) if i not in used_old]
    gained = [q for j, q in enumerate(news) if j not in used_new]
    return matched, lost, gained


def _content(p: Provision) -> frozenset[str]:
    """The words a provision is about: its own words but for its actor and its cue."""
    skip = set(words(p.actor.text)) | set(words(p.cue.text))
    return frozenset(
        w for w in words(p.text or p.action) if (len(w) > 2 or w.isdigit()) and w not in skip
    )


def _concerned(p: Provision, stand_in: bool = False) -> tuple[str, ...]:
    """The parties a provision binds, or (with no actor) the parties it concerns. In a
    document with no parties at all (a statute) the actors it names stand in for them:
    "Das Bundesministerium ... kann" is that ministry's new power."""
    if p.bearers or p.concerns:
        return p.bearers or p.concerns
    if stand_in and p.actor.kind == "nonparty" and p.actor.name:
        return (p.actor.name,)
    return ()


def _same_rule(p: Provision, q: Provision, lexicon: Lexicon) -> bool:
    """ "shall not grant ... without consent" and "may grant ... only with consent" are
    one rule: a prohibition with a `negative_condition` and a permission with an
    `exclusive_condition` on the same act."""
    ban, leave = (p, q) if p.modality is Modality.PROHIBITION else (q, p)
    return any(lexicon.at(c.text, "negative_condition", 0) for c in ban.conditions) and any(
        lexicon.at(c.text, "exclusive_condition", 0) for c in leave.conditions
    )


def _force(p: Provision, q: Provision) -> list[Cue]:
    """p's intensifiers and weakeners that q lacks."""
    have = {cosmetic_key(i.text) for i in q.intensifiers}
    return [i for i in p.intensifiers if cosmetic_key(i.text) not in have]


_THAT_CLAUSE = re.compile(r"\bthat\b", re.IGNORECASE)
_AND_END = re.compile(r"\b(?:and|or)\s*$", re.IGNORECASE)


def _fold_warranties(provisions: Sequence[Provision]) -> list[Provision]:
    """ "X warrants that the Goods will be free from defects … and will conform to the
    Specification": the second "will" is more of what X warrants, not a duty of its
    own, so it is folded into the warranty (what the warranty covers is then compared
    as a whole, and dropping one limb weakens it)."""
    out: list[Provision] = []
    for p in provisions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.modality is Modality.GUARANTEE
            and p.modality in (Modality.OBLIGATION, Modality.QUALIFIED)
            and p.clause == last.clause
            and p.actor.name == last.actor.name
            and p.actor.kind == last.actor.kind
            and 0 <= p.span[0] - last.span[1] <= 1
            and _THAT_CLAUSE.search(last.text or "")
            and _AND_END.search(last.text or "")
            and not p.conditions
        ):
            out[-1] = replace(
                last, span=(last.span[0], p.span[1]), text=f"{last.text} {p.text}".strip()
            )
            continue
        out.append(p)
    return out


COVERAGE_FILLER = frozenset(
    [
        "hereby",
        "herein",
        "expressly",
        "also",
        "such",
        "that",
        "the",
        "any",
        "all",
        "its",
        "their",
        "will",
        "shall",
        "and",
    ]
)
"""Words whose coming or going does not change what a guarantee covers."""


def _outside_conditions(cues: list[Cue], p: Provision) -> list[Cue]:
    return [c for c in cues if not any(k.start <= c.start < k.end for k in p.conditions)]


def _covered(p: Provision) -> frozenset[str]:
    """What a guarantee covers: its content words, fillers and conditions aside (a
    proviso added is condition.added, not a wider guarantee)."""
    text = p.text or p.action
    for c in p.conditions:
        text = text.replace(c.text, " ")
    skip = set(words(p.actor.text)) | set(words(p.cue.text))
    kept = {
        _singular(w.casefold())
        for w in words(text)
        if (len(w) > 2 or w.isdigit()) and w not in skip
    }
    return frozenset(kept) - COVERAGE_FILLER


_TOKEN = re.compile(r"[^\W_]+|[,;]")
_COORDINATOR = frozenset({"and", "or", ",", ";", "nor"})


def _limb_changed(longer: Provision, shorter: Provision) -> bool:
    """True when what the longer provision has more of includes a coordinator: a limb
    of a list, not a lone qualifier."""
    a = [t.casefold() for t in _TOKEN.findall(longer.text or longer.action)]
    b = [t.casefold() for t in _TOKEN.findall(shorter.text or shorter.action)]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    extra = [t for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal" for t in a[i1:i2]]
    return any(t in _COORDINATOR for t in extra)


SUMMARY_ITEM_WORDS = 9
"""Words of a list item quoted when it is a duty of its own."""


def _opens_duties(text: str, p: Provision) -> bool:
    """ "Consultant shall:", "The Licensor shall install the Software and shall:",
    "The Supplier shall, at its own cost:": the modal ends the clause, so each item
    below is the rest of a duty ("(a) deliver ..."), not what the duty covers ("the
    following services:")."""
    rest = text[p.cue.end :].strip()
    # "shall, at its own cost:", "shall not, without the Supplier's consent:"
    rest = re.sub(r"^,[^,:]*(?:,|(?=:))", "", rest).strip()
    return rest in (":", "—", "–", "to:", "")


FURTHER_REQUIREMENT_WORDS = 3
"""Words a condition must gain (losing none) to ask for more than it did."""


def _further_requirement(shorter: str, longer: str) -> str:
    """The words `longer` adds to `shorter` when it only adds (a further requirement:
    "and fails to remedy that breach", "by more than 15 days"), else "". Words joined
    by "or" give another way to meet it, not a further requirement."""
    a = [t.casefold() for t in _TOKEN.findall(shorter)]
    b_tokens = list(re.finditer(r"[^\W_]+|[,;]", longer))
    b = [t.group().casefold() for t in b_tokens]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    added: list[tuple[int, int]] = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            return ""
        if tag == "insert":
            added.append((j1, j2))
    extra = [b[j] for j1, j2 in added for j in range(j1, j2)]
    if "or" in extra or len([t for t in extra if t not in (",", ";")]) < FURTHER_REQUIREMENT_WORDS:
        return ""
    j1, j2 = added[0][0], added[-1][1]
    return longer[b_tokens[j1].start() : b_tokens[j2 - 1].end()]


def _singular(word: str) -> str:
    """ "Claims" and "Claim" cover the same: a plural's s is no narrowing."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _lost_words(p: Provision, gone: frozenset[str]) -> Cue:
    """The first of some words in a provision's clause text, as a cue to quote."""
    text = p.text or p.action
    for m in re.finditer(r"[^\W_]+", text):
        if m.group().casefold() in gone:
            return Cue(
                " ".join(sorted(gone)), p.span[0], "coverage: words " + ", ".join(sorted(gone))
            )
    return Cue(" ".join(sorted(gone)), p.span[0], "coverage")


def _is_intensifier(cue: Cue) -> bool:
    return cue.rule.startswith("lexicon.intensifier")


def _inside(clause: str, value: Value, provisions: list[Provision]) -> bool:
    return any(p.clause == clause and p.span[0] <= value.start < p.span[1] for p in provisions)


def _holder(clause: str, value: Value, provisions: list[Provision]) -> list[Provision]:
    return [p for p in provisions if p.clause == clause and p.span[0] <= value.start < p.span[1]]


def _who(p: Provision) -> str:
    if p.actor.kind == "joint":
        text = " ".join(p.actor.text.split())
        return text[:1].upper() + text[1:]
    return p.actor.name or _party(p) or "—"


def _party(p: Provision, stand_in: bool = False) -> str | None:
    if p.actor.kind == "joint":
        return JOINT
    if p.actor.kind == "party":
        return p.actor.name
    if p.concerns:
        return p.concerns[0] if len(p.concerns) == 1 else JOINT
    concerned = _concerned(p, stand_in)
    return concerned[0] if concerned else None


def _cue(p: Provision) -> str:
    return " ".join(p.cue.text.split())


def _quote(p: Provision) -> str:
    return p.gist(7)


def _short(text: str, limit: int = 14) -> str:
    return snippet(text, limit)


def _merge(changes: list[Change], all_parties: frozenset[str]) -> list[Change]:
    """One change per type and party in a pair; one per type when it concerns every party."""
    by_key: dict[tuple[str, str | None], Change] = {}
    order: list[tuple[str, str | None]] = []
    for change in changes:
        key = (change.type, change.party)
        if key in by_key:
            first = by_key[key]
            by_key[key] = Change(
                first.type,
                min(first.severity, change.severity, key=lambda s: s.rank),
                first.summary,
                first.party,
                first.old_clause or change.old_clause,
                first.new_clause or change.new_clause,
                first.evidence + change.evidence,
            )
        else:
            by_key[key] = change
            order.append(key)
    merged = [by_key[k] for k in order]
    # Norland's and Velmora's appointment rights both removed: one change for the Parties.
    out: list[Change] = []
    for change in merged:
        peers = [
            c
            for c in merged
            if c.type == change.type and c.party in all_parties and change.party in all_parties
        ]
        if len(all_parties) > 1 and {c.party for c in peers} == set(all_parties):
            if change is not peers[0]:
                continue
            out.append(
                Change(
                    change.type,
                    min((c.severity for c in peers), key=lambda s: s.rank),
                    change.summary.replace(f" {change.party}: ", " the Parties: ", 1),
                    JOINT,
                    change.old_clause,
                    change.new_clause,
                    tuple(e for c in peers for e in c.evidence),
                )
            )
            continue
        out.append(change)
    return out


def _rename_changes(renames: Renames, pairs: Sequence[ClausePair]) -> list[tuple[int, Change]]:
    out = []
    for rename in renames.renames:
        where = [pairs[i] for i in rename.pairs]
        first = where[0] if where else None
        ref = name(first.new_id or first.old_id) if first else "parties"
        others = [name(p.new_id or p.old_id) for p in where[1:]]
        also = f" (also {', '.join(others)})" if others else ""
        what = "party renamed" if rename.defined or rename.party else "contracting entity renamed"
        out.append(
            (
                rename.pairs[0] if rename.pairs else 0,
                Change(
                    "party.renamed",
                    policy.PARTY_RENAMED,
                    f"{ref}: {what} — “{rename.old}” → “{rename.new}”{also}",
                    rename.party,
                    first.old_id if first else None,
                    first.new_id if first else None,
                    tuple(rename.evidence),
                ),
            )
        )
    return out


__all__ = ["SemanticResult", "semantic_changes"]
