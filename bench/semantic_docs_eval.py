"""Scores term.redefined and party.renamed on whole labelled documents.

    python -m bench.semantic_docs_eval                 the table, dev and holdout
    python -m bench.semantic_docs_eval --show-errors   also the dev documents scored wrong

tests/semantic/data/docs/<id>/{old,new}.md are small agreements where the clause
tree matters (definitions with lettered items, definitions sections, preambles and
signature blocks); docs/labels.yaml lists the semantic changes a reviewer reports.
Each pair is parsed and compared as files would be. A labelled term.redefined is
matched by its term (the summary quotes it), any other change by type and party;
every other semantic change or party rename found is a false alarm. Holdout errors
are never printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bench.semantic_eval import PairScore, fmt, ratio
from draftdiff.diff.compare import compare
from draftdiff.diff.result import PROVISION_CHANGE_TYPES, Change
from draftdiff.parse.document import parse_file

DOCS = Path(__file__).resolve().parent.parent / "tests" / "semantic" / "data" / "docs"
SCORED = (*PROVISION_CHANGE_TYPES, "party.renamed")


def labels() -> list[dict[str, Any]]:
    return list(yaml.safe_load((DOCS / "labels.yaml").read_text(encoding="utf-8")) or [])


def found_changes(item_id: str) -> list[Change]:
    old = parse_file(DOCS / item_id / "old.md")
    new = parse_file(DOCS / item_id / "new.md")
    return [c for c in compare(old, new).changes if c.type in SCORED]


def _matches(gold: dict[str, Any], change: Change) -> bool:
    if change.type != gold["type"]:
        return False
    if "term" in gold:
        return f"“{gold['term']}”" in change.summary
    return str(change.party or "").casefold() == str(gold.get("party") or "").casefold()


# The same tallies as the clause-pair scorer: true/false positives, misses, exact items.
Score = PairScore


def score(split: str) -> Score:
    out = Score()
    for item in labels():
        if item["split"] != split:
            continue
        found = found_changes(item["id"])
        left = list(found)
        missed = []
        for gold in item.get("changes") or ():
            hit = next((c for c in left if _matches(gold, c)), None)
            if hit is None:
                missed.append(gold)
                out.fn[gold["type"]] += 1
            else:
                left.remove(hit)
                out.tp[gold["type"]] += 1
        for c in left:
            out.fp[c.type] += 1
        out.items += 1
        if missed or left:
            out.errors.append(
                f"{item['id']}: missed {missed}\n    got "
                + "\n    ".join(f"{c.type} [{c.party}] {c.summary}" for c in found)
            )
        else:
            out.exact += 1
    return out


def render(scores: dict[str, Score]) -> str:
    kinds = sorted({k for s in scores.values() for k in (*s.tp, *s.fp, *s.fn)})
    lines = ["change type".ljust(25) + "".join(f"| {s:^21} " for s in scores)]
    lines.append(" " * 25 + "".join("|  prec.  recall   n   " for _ in scores))
    for kind in kinds:
        row = kind.ljust(25)
        for s in scores.values():
            tp, fp, fn = s.tp[kind], s.fp[kind], s.fn[kind]
            row += f"| {fmt(ratio(tp, tp + fp))}  {fmt(ratio(tp, tp + fn))}  {tp + fn:3d}  "
        lines.append(row)
    row = "documents exactly right".ljust(25)
    for s in scores.values():
        row += f"| {s.exact:3d} / {s.items:<3d}            "
    lines.append(row)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    scores = {split: score(split) for split in ("dev", "holdout")}
    sys.stdout.write(render(scores))
    if args.show_errors:
        sys.stdout.write("\n## errors (dev)\n" + "\n".join(scores["dev"].errors) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
