"""Provides severity from the stakes: key clauses, a party's empty ledger, caps, control.

    apply_stakes(changes, pairs, old, new, ledger_old, ledger_new) -> changes

The rules of draftdiff/diff/severity.py grade a change by its type ("a duty removed");
this pass grades it by what rides on the clause it is in, as the schema's `stakes:`
block declares (draftdiff/schema/stakes.py), and gives every finding its reason:

- a key clause (governing law, forum, term, entry into force, liability, security,
  payment, governance), recognised by its heading, a heading above it, or its text:
  any substantive change in it is at least the kind's `severity`; one that changes its
  decisive words (the law or the forum named, an amount) is `decisive_severity`;
- a party whose duties go from none to some, or from some to none: the changes that
  did it are the schema's `ledger` severity;
- a cap gone from a liability or payment clause reads "now unlimited", not "dropped";
- a body whose seats change hands reads as a change of control, not as numbers added.

Severities are only ever raised here, never lowered: the type's rule stays the floor.
Changes that are not substantive (renumbering, cosmetic edits, headings) are left alone,
so an unchanged or merely renumbered key clause is never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from draftdiff.diff.classify import name
from draftdiff.diff.result import (
    NON_SUBSTANTIVE,
    Change,
    ClausePair,
    Ledger,
    Severity,
    Status,
)
from draftdiff.diff.severity import rule_reason
from draftdiff.model import Clause, Document
from draftdiff.schema.model import Schema
from draftdiff.schema.stakes import Stakes, StakesKind

_RANK = {"high": Severity.HIGH, "medium": Severity.MEDIUM, "low": Severity.LOW}
_GAINS = frozenset(
    {
        "obligation.added",
        "obligation.strengthened",
        "obligation.reassigned",
        "prohibition.added",
        "guarantee.added",
    }
)
_LOSSES = frozenset(
    {"obligation.removed", "obligation.weakened", "prohibition.removed", "guarantee.removed"}
)
_TRAILING = re.compile(r"(?:\s+(?:and|of|the|or))+$", re.IGNORECASE)
_AMOUNT = re.compile(
    r"(?:USD|EUR|GBP|CHF|US\$|\$|€|£)\s?\d(?:[\d,.]*\d)?(?:\s(?:million|billion|thousand))?"
    r"|\d(?:[\d,.]*\d)?\s?(?:percent|per cent|%)"
    r"|\d(?:[\d,.]*\d)?\s(?:USD|EUR|GBP|dollars|euros)"
)
_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
_COLLECTIVE = re.compile(r"^(?:each|both)\b", re.IGNORECASE)


def apply_stakes(
    changes: Sequence[tuple[int, Change]],
    pairs: Sequence[ClausePair],
    old: Document,
    new: Document,
    ledger_old: Ledger,
    ledger_new: Ledger,
    schema: Schema,
) -> list[tuple[int, Change]]:
    """The changes regraded by their stakes, each with its reason (order kept; the
    caller sorts)."""
    stakes = schema.stakes
    out = [(order, _with_rule_reason(c)) for order, c in changes]
    if stakes.kinds:
        reader = _Reader(old, new, schema)
        by_pair: dict[int, list[int]] = {}
        for i, (order, change) in enumerate(out):
            if order < len(pairs) and _substantive(change):
                by_pair.setdefault(order, []).append(i)
        for order, members in by_pair.items():
            for i, change in reader.pair(pairs[order], [out[i][1] for i in members]).items():
                out[members[i]] = (order, change)
    _ledger(out, ledger_old, ledger_new, stakes)
    # Within one clause, the finding a key clause's stakes explain comes first (the
    # caller's sort by severity keeps this order among equals): "control of the board
    # changes" before the new duty to appoint that brought it.
    kinds = {k.name for k in stakes.kinds}
    out.sort(key=lambda item: (item[0], item[1].reason_kind not in kinds))
    return out


_OUTSIDE = frozenset({"note", "header_footer"})
"""Families about text beside the clauses (a drafting note, a page header): no stakes."""


def _substantive(change: Change) -> bool:
    return (
        change.type not in NON_SUBSTANTIVE
        and change.family not in _OUTSIDE
        and change.severity is not Severity.INFO
    )


def _with_rule_reason(change: Change) -> Change:
    if change.reason:
        return change
    return replace(change, reason=rule_reason(change), reason_kind="rule")


def _raise(change: Change, floor: Severity, reason: str, kind: str) -> Change:
    """The change at `floor` at least, with this reason when the stakes decide its
    severity (it would be no higher without them)."""
    if floor.rank > change.severity.rank:
        return change
    return replace(change, severity=floor, reason=reason, reason_kind=kind)


@dataclass(frozen=True)
class _Verdict:
    kind: StakesKind
    severity: Severity
    reason: str
    decisive: bool
    detail: str = ""
    """What changed of the decisive words: "“courts of Norland” → “arbitration”"."""


class _Reader:
    """Kinds of the clauses of both versions, and the verdicts on changed pairs."""

    def __init__(self, old: Document, new: Document, schema: Schema) -> None:
        self.old, self.new, self.stakes = old, new, schema.stakes
        self.headings = {"old": _headings_above(old), "new": _headings_above(new)}
        # Seat counts in words ("three (3) members", "all the directors"), as the
        # schema spells its numbers.
        self.numbers = {
            word: int(value) for word, value in schema.numbers.items() if value == int(value)
        }

    def kinds(self, side: str, clause: Clause) -> list[StakesKind]:
        """Kinds whose content matches the clause's text first, then those its
        headings (its own, then those above it) point to."""
        found = [k for k in self.stakes.kinds if any(p.search(clause.text) for p in k.content)]
        for heading in (clause.heading, *self.headings[side].get(clause.id, ())):
            if not heading:
                continue
            found.extend(
                k
                for k in self.stakes.kinds
                if k not in found and any(p.search(heading) for p in k.headings)
            )
        return found

    def pair(self, pair: ClausePair, changes: list[Change]) -> dict[int, Change]:
        olds = [self.old.clause(i) for i in pair.old]
        news = [self.new.clause(i) for i in pair.new]
        kinds: list[StakesKind] = []
        for side, clauses in (("new", news), ("old", olds)):
            for clause in clauses:
                kinds.extend(k for k in self.kinds(side, clause) if k not in kinds)
        old_text = " ".join(c.text for c in olds)
        new_text = " ".join(c.text for c in news)
        if not kinds or old_text == new_text or pair.cosmetic:
            # Moved, split or merged with not a word changed: nothing more rides on it.
            return {}
        ref = name(pair.new_id or pair.old_id)
        verdicts = [self._verdict(k, pair, old_text, new_text, changes) for k in kinds]
        best = min(verdicts, key=lambda v: (v.severity.rank, not v.decisive))
        out = {
            i: _raise(c, best.severity, best.reason, best.kind.name) for i, c in enumerate(changes)
        }
        for i, change in out.items():
            if change.type != "clause.modified" or change.reason_kind != best.kind.name:
                continue
            # "11.1 reworded" says nothing of what a negotiator must read: the law or the
            # forum named changed.
            why = f" ({best.kind.why})" if best.kind.why else ""
            if best.detail:
                summary = f"{ref}: {best.kind.label} — {best.detail}"
                reason = f"{best.kind.label} changed{why}"
            else:
                summary, reason = f"{ref}: {best.kind.label} clause reworded", change.reason
            out[i] = replace(change, summary=summary, reason=reason)
        for kind in kinds:
            if kind.seats:
                self._control(kind, ref, old_text, new_text, changes, out)
            if kind.caps:
                self._cap(kind, ref, pair, old_text, new_text, out)
        return out

    def _verdict(
        self,
        kind: StakesKind,
        pair: ClausePair,
        old_text: str,
        new_text: str,
        changes: list[Change],
    ) -> _Verdict:
        had_words, has_words = _decisive_words(kind, old_text), _decisive_words(kind, new_text)
        had, has = set(had_words), set(has_words)
        shown = {**had_words, **has_words}
        detail = ""
        if pair.status is Status.ADDED and has:
            detail = "added with " + _quoted(has, shown)
        elif pair.status is Status.REMOVED and had:
            detail = "removed with " + _quoted(had, shown)
        elif had != has:
            lost, won = had - has, has - had
            detail = f"{_quoted(lost, shown) or '—'} → {_quoted(won, shown) or '—'}"
        if not detail and kind.values:
            values = [c for c in changes if c.type == "value.changed" and _numbers_differ(c)]
            if values:
                detail = values[0].summary.split(": ", 1)[-1]
            elif pair.status in (Status.ADDED, Status.REMOVED) and _AMOUNT.search(
                old_text or new_text
            ):
                detail = "added" if pair.status is Status.ADDED else "removed"
        why = f" ({kind.why})" if kind.why else ""
        if detail:
            return _Verdict(
                kind,
                _RANK[kind.decisive_severity],
                f"{kind.label} changed: {detail}{why}",
                True,
                detail,
            )
        return _Verdict(kind, _RANK[kind.severity], f"{_a(kind.label)} clause changed{why}", False)

    # --- control of a body ---------------------------------------------------------------

    def _control(
        self,
        kind: StakesKind,
        ref: str,
        old_text: str,
        new_text: str,
        changes: list[Change],
        out: dict[int, Change],
    ) -> None:
        """Seats of a body changing hands: one finding says so; the pair's other
        findings keep the kind's plain severity."""
        before = _seats(kind, old_text, self.old, self.numbers)
        after = _seats(kind, new_text, self.new, self.numbers)
        if before is None or after is None or before.describe() == after.describe():
            return
        kept = before.controller == after.controller
        target = next(
            (i for i, c in out.items() if c.type == "value.changed"),
            next((i for i, c in out.items() if c.type == "clause.modified"), min(out)),
        )
        if kept:
            holder = (
                f"{before.controller} keeps control" if before.controller else "nobody controls"
            )
            summary = f"{ref}: seats on the board change — {before.describe()} → {after.describe()}"
            summary += f" ({holder})"
            reason = f"{kind.label} changed: who appoints the members changes ({kind.why})"
        else:
            summary = f"{ref}: control of the board changes — {before.describe()} → "
            summary += after.describe()
            reason = f"{kind.label} changed: who holds most seats changes ({kind.why})"
        plain = f"{_a(kind.label)} clause changed ({kind.why})"
        for i, change in enumerate(changes):
            if i == target:
                out[i] = replace(
                    out[i],
                    severity=_RANK[kind.decisive_severity],
                    summary=summary,
                    reason=reason,
                    reason_kind=kind.name,
                )
            elif out[i].reason_kind == kind.name:
                out[i] = _raise(change, _RANK[kind.severity], plain, kind.name)

    # --- caps ------------------------------------------------------------------------------

    def _cap(
        self,
        kind: StakesKind,
        ref: str,
        pair: ClausePair,
        old_text: str,
        new_text: str,
        out: dict[int, Change],
    ) -> None:
        had = _caps(kind, old_text)
        if not had or _caps(kind, new_text):
            return
        subject, amount = had[0]
        what = f"“{subject}” now unlimited" if subject else "now unlimited"
        removed = " removed" if pair.status is Status.REMOVED else ""
        summary = f"{ref}{removed}: {what} — its cap of {amount} is gone"
        reason = f"{kind.label} changed: a cap removed ({kind.why})"
        told = False
        for i, change in sorted(out.items(), key=lambda item: item[1].severity.rank):
            mentions = "dropped" in change.summary or amount in change.summary
            if told and not mentions:
                continue
            if told:
                # Said once: the rest need not say "dropped" of the same cap.
                out[i] = replace(change, summary=change.summary.replace(" dropped", " gone"))
                continue
            out[i] = replace(
                change,
                severity=_RANK[kind.decisive_severity],
                summary=summary,
                reason=reason,
                reason_kind=kind.name,
            )
            told = True


_NUMBER = re.compile(r"\d[\d,.]*|[^\W\d_]+")


def _numbers_differ(change: Change) -> bool:
    """Whether a value change changed a number, not only the words beside it ("three
    goverors" -> "three governors" is a typo fixed)."""

    def numbers(side: str) -> list[str]:
        found: list[str] = []
        for e in change.evidence:
            if e.side == side:
                words = _NUMBER.findall(e.text.casefold())
                found.extend(w for w in words if w[0].isdigit() or w in _NUMBERS)
        return found

    return numbers("old") != numbers("new") or not change.evidence


def _a(label: str) -> str:
    return ("an " if label[:1] in "aeiou" else "a ") + label


def _headings_above(document: Document) -> dict[str, tuple[str, ...]]:
    """For each clause, the headings of the clauses above it, nearest first."""
    out: dict[str, tuple[str, ...]] = {}

    def visit(clauses: Iterable[Clause], above: tuple[str, ...]) -> None:
        for clause in clauses:
            out[clause.id] = above
            visit(clause.children, (clause.heading, *above) if clause.heading else above)

    visit(document.clauses, ())
    return out


def _normal(text: str) -> str:
    return _TRAILING.sub("", " ".join(text.split())).casefold()


def _decisive_words(kind: StakesKind, text: str) -> dict[str, str]:
    """The decisive words found (normalised -> as written; compared as sets, so a word
    said once more is no change); a shorter match inside a
    longer one of another pattern ("arbitration" in "the seat of the arbitration shall
    be London") is not counted again."""
    spans: list[tuple[int, int, str, str]] = []
    for pattern in kind.decisive:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                shown = _TRAILING.sub("", " ".join(m.group(0).split()))
                spans.append((m.start(), m.end(), shown.casefold(), shown))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str, str]] = []
    for start, end, words, shown in spans:
        if any(s <= start and end <= e for s, e, _, _ in kept):
            continue
        kept.append((start, end, words, shown))
    return {words: shown for _, _, words, shown in kept}


def _quoted(words: Iterable[str], shown: dict[str, str]) -> str:
    return ", ".join(f"“{shown.get(w, w)}”" for w in sorted(words, key=lambda w: (-len(w), w))[:3])


def _caps(kind: StakesKind, text: str) -> list[tuple[str, str]]:
    """Caps in a text: (what is capped, the amount), each a cap phrase followed in
    its sentence by an amount."""
    found = []
    for sentence in _SENTENCE_END.split(text):
        for pattern in kind.caps:
            m = pattern.search(sentence)
            if m is None:
                continue
            amount = _AMOUNT.search(sentence, m.end())
            if amount is None:
                continue
            before = sentence[: m.start()].strip().rstrip(",")
            words = before.split()
            subject = before if 0 < len(words) <= 10 else ""
            found.append((subject, amount.group(0)))
            break
    return found


# --- seats ------------------------------------------------------------------------------------

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


@dataclass(frozen=True)
class _Seats:
    """Who appoints how many members of a body in one version."""

    seats: tuple[tuple[str, int | None], ...]
    """Party and seats, None for "all"."""
    size: int | None

    @property
    def total(self) -> int | None:
        if self.size is not None:
            return self.size
        if any(n is None for _, n in self.seats):
            return None
        return sum(n or 0 for _, n in self.seats)

    @property
    def controller(self) -> str | None:
        """The party holding more than half of the seats; None when none does."""
        for party, n in self.seats:
            if n is None:
                return party
            total = self.total
            if total and 2 * n > total:
                return party
        return None

    def describe(self) -> str:
        counts = {n for _, n in self.seats}
        total = self.total
        of = f" of {total}" if total else ""
        if len(self.seats) > 1 and len(counts) == 1 and None not in counts:
            names = " and ".join(p for p, _ in self.seats)
            return f"{names} appoint {counts.pop()}{of} each (equal seats)"
        parts = []
        for i, (party, n) in enumerate(self.seats):
            many = "all members" if n is None else (f"{n}{of}" if i == 0 else str(n))
            parts.append(f"{party} appoints {many}" if i == 0 else f"{party} {many}")
        return ", ".join(parts)


def _seats(
    kind: StakesKind, text: str, document: Document, numbers: dict[str, int]
) -> _Seats | None:
    parties = [p.name for p in document.parties]
    names = {n.casefold(): p.name for p in document.parties for n in p.names()}
    seats: dict[str, int | None] = {}
    for pattern in kind.seats:
        for m in pattern.finditer(text):
            who = re.sub(r"^(?:the|The)\s+", "", m.group("who")).strip()
            n = _count(m.group("n"), numbers)
            if _COLLECTIVE.match(who):
                for party in parties:
                    seats.setdefault(party, n)
            elif who.casefold() in names:
                seats.setdefault(names[who.casefold()], n)
    if not seats:
        return None
    size = None
    for pattern in kind.size:
        if found := pattern.search(text):
            size = _count(found.group("n"), numbers)
            break
    return _Seats(tuple(seats.items()), size)


def _count(word: str, numbers: dict[str, int]) -> int | None:
    word = word.strip().casefold()
    if word.isdigit():
        return int(word)
    return numbers.get(word)


# --- a party's ledger from none to some ---------------------------------------------------------


def _ledger(
    out: list[tuple[int, Change]], ledger_old: Ledger, ledger_new: Ledger, stakes: Stakes
) -> None:
    severity = _RANK[stakes.ledger]
    names = [p.party for p in ledger_new] + [p.party for p in ledger_old]
    for party in dict.fromkeys(names):
        before, after = ledger_old.get(party).duties, ledger_new.get(party).duties
        if (before == 0) == (after == 0):
            continue
        which = _GAINS if before == 0 else _LOSSES
        how = (
            f"{party} had no duties in the old version and has {after} now"
            if before == 0
            else f"{party} had {before} duties in the old version and has none now"
        )
        for i, (order, change) in enumerate(out):
            if change.type in which and _concerns(change, party, before == 0):
                out[i] = (order, _raise(change, severity, how, "ledger"))


def _concerns(change: Change, party: str, gain: bool) -> bool:
    if change.type == "obligation.reassigned" and not gain:
        return f"from {party} " in change.summary
    return change.party == party
