"""Scores draftdiff on the fresh held-out draft pairs in bench/fresh/ (or --set DIR).

    .venv/bin/python -m bench.fresh_eval [--set bench/fresh2] [--show-misses] [--json OUT]

Each folder of bench/fresh/ holds an old and a new draft written by an annotator
who never saw draftdiff's rules, and `labels.yaml`: the parties, the substantive
changes a careful reviewer reports (type, party, clause), the clauses that were
only renumbered, and each party's ledger per version. These drafts are never
used to write or tune rules: they only measure. Reported, per pair and in all:

- parties: labelled parties found (a found party whose name or an alias equals
  one of the labelled names or aliases, compared without case and punctuation);
- changes: labelled changes recalled, strictly (type, party and clause all match
  one reported change; a party.renamed labelled "preamble" or "signature block", with
  no clause number, by type and party) and loosely (type and party; the clause ignored);
- ledger: labelled figures (party x version x kind) that the report gives exactly;
- false alarms: renumbered-only clauses for which a substantive change is reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_file
from draftdiff.render.json import to_data

FRESH = Path(__file__).resolve().parent / "fresh"
KINDS = {
    "obligations": "obligation",
    "prohibitions": "prohibition",
    "permissions": "permission",
    "guarantees": "guarantee",
}
NOT_SUBSTANTIVE = {"clause.renumbered", "text.cosmetic", "heading.changed"}


def norm(text: str) -> str:
    """A name or clause number without case, articles, quotes and punctuation."""
    text = re.sub(r"^(?:the|article|section|clause|§)\s*", "", text.strip(), flags=re.I)
    # "7¶1" is the first paragraph of clause 7: the reader labels clause 7.
    text = re.sub(r"¶\d+$", "", text)
    return re.sub(r"[^\w]", "", text.casefold())


def unnumbered(kind: str, clause: Any) -> bool:
    """A party's name labelled where it stands ("preamble", "signature block"), not by
    a clause number: draftdiff's ids for those places are paragraph numbers ("¶1"), so a
    rename of that party is matched by type and party alone. One rename is one fact."""
    return kind == "party.renamed" and not re.search(r"\d", str(clause or ""))


@dataclass
class Score:
    """Hits and totals of one pair (or of all)."""

    parties: list[int] = field(default_factory=lambda: [0, 0])
    strict: list[int] = field(default_factory=lambda: [0, 0])
    loose: list[int] = field(default_factory=lambda: [0, 0])
    ledger: list[int] = field(default_factory=lambda: [0, 0])
    alarms: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[str] = field(default_factory=list)
    by_type: Counter[str] = field(default_factory=Counter)
    by_type_hit: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for name in ("parties", "strict", "loose", "ledger", "alarms"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.misses.extend(other.misses)
        self.by_type.update(other.by_type)
        self.by_type_hit.update(other.by_type_hit)


def party_map(labelled: dict[str, Any], sides: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Labelled party name -> the name draftdiff gave it (absent when not found)."""
    found: dict[str, str] = {}
    for side in sides:
        for party in side["parties"]:
            for name in (party["name"], *party["aliases"]):
                found.setdefault(norm(name), party["name"])
    out: dict[str, str] = {}
    for name, aliases in (labelled or {}).items():
        for candidate in (name, *(aliases or ())):
            if norm(candidate) in found:
                out[str(name)] = found[norm(candidate)]
                break
    return out


def score_pair(folder: Path) -> tuple[Score, dict[str, Any]]:
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    data = to_data(compare(parse_file(folder / labels["old"]), parse_file(folder / labels["new"])))
    score = Score()
    parties = labels.get("parties") or {}
    mapping = party_map(parties, (data["old"], data["new"]))
    score.parties = [len(mapping), len(parties)]
    for name in parties:
        if name not in mapping:
            score.misses.append(f"{folder.name}: party {name} not found")
    reported = [c for c in data["changes"] if c["type"] not in NOT_SUBSTANTIVE]

    def party_of(label: Any) -> str | None:
        if label in (None, "", "null"):
            return None
        if label == "Parties":
            return "Parties"
        return mapping.get(str(label), f"?{label}")

    used_strict: set[int] = set()
    used_loose: set[int] = set()
    for change in labels.get("changes") or []:
        kind, party, clause = change["type"], party_of(change.get("party")), change.get("clause")
        score.by_type[kind] += 1
        score.strict[1] += 1
        score.loose[1] += 1

        def fits(c: dict[str, Any], kind: str = kind, party: str | None = party) -> bool:
            # One finding per fact: a clause added with a new obligation is reported once,
            # obligation.added with the facet clause.added; either code is what was reported.
            if c["type"] != kind and kind not in (c.get("facets") or ()):
                return False
            if party is None or kind == "term.redefined":
                return True
            return c["party"] == party or (party == "Parties" and c["party"] in (None, "Parties"))

        strict = next(
            (
                i
                for i, c in enumerate(reported)
                if i not in used_strict
                and fits(c)
                and (
                    norm(str(clause)) in (norm(c["old_clause"] or ""), norm(c["new_clause"] or ""))
                    or unnumbered(kind, clause)
                )
            ),
            None,
        )
        loose = next(
            (i for i, c in enumerate(reported) if i not in used_loose and fits(c)),
            None,
        )
        if strict is not None:
            used_strict.add(strict)
            score.strict[0] += 1
            score.by_type_hit[kind] += 1
        else:
            score.misses.append(
                f"{folder.name}: missed {kind} [{change.get('party')}] {clause}"
                f" ({change.get('note', '')})"
            )
        if loose is not None:
            used_loose.add(loose)
            score.loose[0] += 1
    for side in ("old", "new"):
        ledger = data["ledger"][side]
        for name, kinds in ((labels.get("ledger") or {}).get(side) or {}).items():
            ours = ledger.get(mapping.get(str(name), ""), {})
            for kind, expected in (kinds or {}).items():
                score.ledger[1] += 1
                got = ours.get(KINDS.get(kind, kind))
                if got == expected:
                    score.ledger[0] += 1
                else:
                    score.misses.append(
                        f"{folder.name}: ledger {side} {name} {kind} {got} (labelled {expected})"
                    )
    for entry in labels.get("renumbered_only") or []:
        old, _, new = (part.strip() for part in str(entry).partition("->"))
        score.alarms[1] += 1
        hits = [
            c
            for c in reported
            if (
                norm(c["old_clause"] or "") == norm(old) or norm(c["new_clause"] or "") == norm(new)
            )
            # A clause moved elsewhere with its words kept is reported as exactly that.
            and not (
                c["type"] == "clause.moved"
                and (norm(c["old_clause"] or ""), norm(c["new_clause"] or ""))
                == (norm(old), norm(new))
            )
        ]
        if hits:
            score.alarms[0] += 1
            first = hits[0]
            score.misses.append(
                f"{folder.name}: false alarm on {entry}: {first['type']}"
                f" {first['old_clause']} -> {first['new_clause']}"
            )
    return score, data


def pct(hit: list[int]) -> str:
    return f"{hit[0]}/{hit[1]} ({100 * hit[0] / hit[1]:.0f} %)" if hit[1] else "0/0"


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--json", type=Path, help="write the per-pair figures here")
    parser.add_argument(
        "--set", type=Path, default=FRESH, help="folder of labelled pairs (default bench/fresh)"
    )
    args = parser.parse_args(argv)
    folders = sorted(p.parent for p in args.set.glob("*/labels.yaml"))
    if not folders:
        print(f"no labelled pairs under {args.set}", file=sys.stderr)
        return 2
    total = Score()
    rows = []
    print(f"{'pair':32} {'parties':>12} {'changes':>14} {'loose':>14} {'ledger':>14} {'alarms':>8}")
    for folder in folders:
        score, _ = score_pair(folder)
        total.add(score)
        rows.append(
            {
                "pair": folder.name,
                **{
                    k: getattr(score, k) for k in ("parties", "strict", "loose", "ledger", "alarms")
                },
            }
        )
        print(
            f"{folder.name:32} {pct(score.parties):>12} {pct(score.strict):>14}"
            f" {pct(score.loose):>14} {pct(score.ledger):>14} {pct(score.alarms):>8}"
        )
    print(
        f"{'all':32} {pct(total.parties):>12} {pct(total.strict):>14}"
        f" {pct(total.loose):>14} {pct(total.ledger):>14} {pct(total.alarms):>8}"
    )
    print(
        "recall by type:",
        ", ".join(f"{t} {total.by_type_hit[t]}/{n}" for t, n in sorted(total.by_type.items())),
    )
    if args.show_misses:
        print("\n".join(total.misses))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
