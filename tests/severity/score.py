"""Provides the scorer of the labelled severity set (tests/severity/data/cases.yaml).

    python -m tests.severity.score [dev|held] [--show]

Each case is compared as two small Markdown documents; the most severe finding on
the labelled clause is checked for its severity, its reason kind and, where the label
asks, words of its summary.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Change
from draftdiff.model import Document, Party
from draftdiff.parse.document import parse_text

DATA = Path(__file__).parent / "data" / "cases.yaml"

PARTIES = {
    "treaty": (
        Party("Norland", ("Government of the Republic of Norland",)),
        Party("Velmora", ("Government of the Republic of Velmora",)),
    ),
    "supply": (Party("Supplier", ("Acme Corp.",)), Party("Buyer", ())),
    "licence": (Party("Licensor", ()), Party("Licensee", ())),
    "jv": (Party("Alpha", ("Alpha Holdings Ltd",)), Party("Beta", ("Beta GmbH",))),
}


@dataclass(frozen=True)
class Outcome:
    """One labelled case and what the rules made of it."""

    id: str
    split: str
    want: str
    """Expected "severity/kind"."""
    got: str
    summary: str
    ok: bool
    why: str = ""


@cache
def cases() -> tuple[dict, ...]:
    return tuple(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def _document(clauses: list[str], parties: tuple[Party, ...]) -> Document:
    text = "# Agreement\n\n" + "\n\n".join(clauses) + "\n"
    return replace(parse_text(text, path="doc.md", schema="agreement"), parties=parties)


def _on(change: Change, clause: str) -> bool:
    return clause in (change.old_clause, change.new_clause) and change.type != "heading.changed"


def outcome(case: dict) -> Outcome:
    parties = PARTIES[case["parties"]]
    comparison = compare(_document(case["old"], parties), _document(case["new"], parties))
    want = case["expect"]
    found = sorted(
        (c for c in comparison.changes if _on(c, want["clause"])), key=lambda c: c.severity.rank
    )
    label = f"{want['severity']}/{want['kind']}"
    if not found:
        return Outcome(case["id"], case["split"], label, "none", "", False, "no finding")
    top = found[0]
    kind = getattr(top, "reason_kind", None) or "rule"
    got = f"{top.severity.value}/{kind}"
    why = []
    if got != label:
        why.append("severity/kind")
    if "summary" in want and want["summary"] not in top.summary:
        why.append(f"summary lacks {want['summary']!r}")
    if "absent" in want and any(want["absent"] in c.summary for c in found):
        why.append(f"a summary says {want['absent']!r}")
    return Outcome(case["id"], case["split"], label, got, top.summary, not why, "; ".join(why))


def score(split: str) -> list[Outcome]:
    return [outcome(c) for c in cases() if c["split"] == split]


def main(argv: list[str]) -> int:
    splits = [a for a in argv if a in ("dev", "held")] or ["dev"]
    for split in splits:
        results = score(split)
        good = sum(r.ok for r in results)
        sev = sum(r.got.split("/")[0] == r.want.split("/")[0] for r in results)
        print(
            f"{split}: {good}/{len(results)} agree ({good / len(results):.0%}); "
            f"severity alone {sev}/{len(results)}"
        )
        if "--show" in argv:
            for r in results:
                mark = "ok  " if r.ok else "MISS"
                print(f"  {mark} {r.id}: want {r.want}, got {r.got} {r.why}\n       {r.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
