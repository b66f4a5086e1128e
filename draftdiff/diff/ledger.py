"""Provides the per-party ledger: what each party owes and holds in one version.

For every party of the document, the clauses holding each kind of provision:

    obligation   "shall", "undertakes to"; also qualified obligations ("reasonable
                 efforts") and weak commitments ("will consider"), listed again in
                 `qualified` and `weak` so a view can mark them
    prohibition  "shall not", "may not"
    permission   "may", and rights held ("shall receive", "shall be entitled to"),
                 listed again in `rights`
    guarantee    "guarantees", "represents and warrants", "indemnifies"

Own, joint and others' provisions are kept apart: a party's entry holds only
what it bears by name; joint provisions ("The Parties shall", "Each Party shall",
"either Party may") go to `Ledger.joint`, since they bind everyone alike and a
party with no duty of its own must not look bound; provisions of non-parties (the
Fund, the Board) go to `Ledger.others`. Impersonal ones ("Notices shall be in
writing") count for nobody. A clause is listed once per kind however many
provisions of that kind it holds. `one_sidedness` (in result.py) is the share of
the parties' own duties (obligations, prohibitions, guarantees) the most burdened
party bears.
"""

from __future__ import annotations

from draftdiff.analyse.modality import Modality
from draftdiff.analyse.provisions import Analysis
from draftdiff.diff.result import (
    JOINT_BEARER,
    LEDGER_KINDS,
    Ledger,
    PartyLedger,
    ledger_parties,
)
from draftdiff.model import Document

_KINDS = (*LEDGER_KINDS, "qualified", "weak", "rights")
Row = dict[str, list[str]]


def build_ledger(document: Document, analysis: Analysis) -> Ledger:
    """The ledger of one version, parties in the order the document defines them."""
    table: dict[str, Row] = {p.name: _row() for p in document.parties}
    bound: dict[str, Row] = {p.name: _row() for p in document.parties}
    joint = _row()
    others: dict[str, Row] = {}
    for clause in document.walk():
        for provision in analysis.provisions(clause.id):
            actor = provision.actor
            if actor.kind == "joint":
                rows = [joint]
                for party in provision.bearers:
                    if party in bound:
                        _record(bound[party], provision.modality, clause.id)
            elif actor.kind == "nonparty" and actor.name:
                rows = [others.setdefault(actor.name, _row())]
            else:
                rows = [table[p] for p in provision.bearers if p in table]
                rows.extend(bound[p] for p in provision.bearers if p in bound)
            for row in rows:
                _record(row, provision.modality, clause.id)
    entries = [_entry(name, row) for name, row in others.items()]
    return Ledger(
        tuple(_entry(party, row) for party, row in table.items()),
        _entry(JOINT_BEARER, joint),
        tuple(sorted(entries, key=lambda e: -(e.duties + len(e.permission)))),
        tuple(_entry(party, row) for party, row in bound.items()),
    )


def _row() -> Row:
    return {k: [] for k in _KINDS}


def _entry(name: str, row: Row) -> PartyLedger:
    return PartyLedger(name, **{k: tuple(ids) for k, ids in row.items()})


def _record(row: Row, modality: Modality, clause_id: str) -> None:
    _add(row[modality.ledger_kind], clause_id)
    if modality is Modality.QUALIFIED:
        _add(row["qualified"], clause_id)
    elif modality is Modality.WEAK:
        _add(row["weak"], clause_id)
    elif modality is Modality.RIGHT:
        _add(row["rights"], clause_id)


def ledger_delta(old: Ledger, new: Ledger) -> dict[str, dict[str, int]]:
    """Change in each party's counts from old to new (joint provisions included, as in
    the JSON ledger): the new ledger's parties, then any only the old one has."""
    out: dict[str, dict[str, int]] = {}
    for party in ledger_parties(old, new):
        before, after = old.bound(party).counts(), new.bound(party).counts()
        out[party] = {k: after[k] - before[k] for k in LEDGER_KINDS}
    return out


def _add(ids: list[str], clause_id: str) -> None:
    if not ids or ids[-1] != clause_id:
        ids.append(clause_id)
