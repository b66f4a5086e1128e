"""Provides the per-party ledger: what each party owes and holds in one version.

For every party of the document, the clauses holding each kind of provision:

    obligation   "shall", "undertakes to"; also qualified obligations ("reasonable
                 efforts") and weak commitments ("will consider"), listed again in
                 `qualified` and `weak` so a view can mark them
    prohibition  "shall not", "may not"
    permission   "may", and rights held ("shall receive", "shall be entitled to"),
                 listed again in `rights`
    guarantee    "guarantees", "represents and warrants", "indemnifies"

A joint provision ("each Party shall") counts for every party. Provisions of
non-parties (the Fund, the Board) and impersonal ones ("Notices shall be in
writing") count for nobody. A clause is listed once per kind however many
provisions of that kind it holds. `one_sidedness` (in result.py) is the share of
duties (obligations, prohibitions, guarantees) the most burdened party bears.
"""

from __future__ import annotations

from draftdiff.analyse.modality import Modality
from draftdiff.analyse.provisions import Analysis
from draftdiff.diff.result import LEDGER_KINDS, Ledger, PartyLedger, ledger_parties
from draftdiff.model import Document


def build_ledger(document: Document, analysis: Analysis) -> Ledger:
    """The ledger of one version, parties in the order the document defines them."""
    kinds = (*LEDGER_KINDS, "qualified", "weak", "rights")
    table: dict[str, dict[str, list[str]]] = {
        p.name: {k: [] for k in kinds} for p in document.parties
    }
    for clause in document.walk():
        for provision in analysis.provisions(clause.id):
            for party in provision.bearers:
                row = table.get(party)
                if row is None:
                    continue
                _add(row[provision.modality.ledger_kind], clause.id)
                if provision.modality is Modality.QUALIFIED:
                    _add(row["qualified"], clause.id)
                elif provision.modality is Modality.WEAK:
                    _add(row["weak"], clause.id)
                elif provision.modality is Modality.RIGHT:
                    _add(row["rights"], clause.id)
    return Ledger(
        tuple(
            PartyLedger(party, **{k: tuple(ids) for k, ids in row.items()})
            for party, row in table.items()
        )
    )


def ledger_delta(old: Ledger, new: Ledger) -> dict[str, dict[str, int]]:
    """Change in each party's counts from old to new: the new ledger's parties, then any
    only the old one has."""
    out: dict[str, dict[str, int]] = {}
    for party in ledger_parties(old, new):
        before, after = old.get(party).counts(), new.get(party).counts()
        out[party] = {k: after[k] - before[k] for k in LEDGER_KINDS}
    return out


def _add(ids: list[str], clause_id: str) -> None:
    if not ids or ids[-1] != clause_id:
        ids.append(clause_id)
