"""Scores who provisions bind against the labelled sets in bench/data/ (issue 9).

    python -m bench.actor_eval                    dev and holdout figures of each set
    python -m bench.actor_eval --show-errors      and the dev items read wrongly
    python -m bench.actor_eval --data FILE        one set

Each labelled sentence is read with `analyse_text` under its schema and the parties
its preamble is assumed to have given. A labelled provision is matched to the found
one whose cue overlaps its cue words. Reported, over all labelled provisions (a
provision not found counts as wrong for every column):

    kept      a provision was found at all (an unattributed duty must still be found)
    actor     its actor is the labelled one: the same kind (party, joint, nonparty,
              none) and, but for joint and none, the same name
    modality  its modality is the labelled one
    both      actor and modality right

Only dev items are ever shown one by one: holdout items are for measuring, not for
tuning, so their errors are not printed.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.semantic_eval import parties_of
from draftdiff.analyse.provisions import Provision, analyse_text
from draftdiff.schema.load import builtin_schemas

DATA = Path(__file__).resolve().parent / "data" / "actors.yaml"
SETS = (
    DATA,
    DATA.with_name("actors_fresh2.yaml"),
    DATA.with_name("actors_fresh3.yaml"),
    DATA.with_name("actors_roles.yaml"),
)
"""The labelled sets, in the order they were written: the first before any rule was
changed (dev and holdout), the second after the first round (measured untuned, then
dev), the third after the second round (holdout only), the fourth (roles) before the
role rule of issue 9 was built (dev and holdout)."""


@dataclass
class Score:
    gold: int = 0
    kept: int = 0
    actor: int = 0
    modality: int = 0
    both: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self, split: str) -> str:
        def pct(n: int) -> str:
            return f"{n:3d}/{self.gold} ({100 * n / max(self.gold, 1):5.1f} %)"

        return (
            f"{split:8s} kept {pct(self.kept)}  actor {pct(self.actor)}  "
            f"modality {pct(self.modality)}  both {pct(self.both)}"
        )


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def _key(name: str | None) -> str | None:
    if name is None:
        return None
    return re.sub(r"^(?:the|der|die|das)\s+", "", name.strip(), flags=re.I).casefold()


def actor_ok(gold: dict[str, Any], found: Provision) -> bool:
    kind = str(gold["kind"])
    if found.actor.kind != kind:
        return False
    if kind in ("joint", "none"):
        return True
    return _key(found.actor.name) == _key(gold.get("actor"))


def match(text: str, gold: list[dict[str, Any]], found: list[Provision]) -> list[Provision | None]:
    """The found provision for each labelled one, by overlapping cue words."""
    out: list[Provision | None] = []
    taken: set[int] = set()
    cursor = 0
    for g in gold:
        cue = str(g["cue"])
        at = text.casefold().find(cue.casefold(), cursor)
        if at < 0:
            at = text.casefold().find(cue.casefold())
        hit = None
        if at >= 0:
            cursor = at + len(cue)
            for i, p in enumerate(found):
                if i not in taken and p.cue.start < at + len(cue) and p.cue.end > at:
                    hit = i
                    break
        if hit is not None:
            taken.add(hit)
            out.append(found[hit])
        else:
            out.append(None)
    return out


def score(items: list[dict[str, Any]]) -> Score:
    schemas = builtin_schemas()
    out = Score()
    for item in items:
        text = str(item["text"])
        gold = list(item["provisions"])
        found = list(analyse_text(text, parties_of(item), schemas[item["schema"]]).provisions)
        problems = []
        for g, p in zip(gold, match(text, gold, found), strict=True):
            out.gold += 1
            want = f"{g['modality']}/{g['kind']}:{g.get('actor')}"
            if p is None:
                problems.append(f"“{g['cue']}” lost (want {want})")
                continue
            out.kept += 1
            a, m = actor_ok(g, p), p.modality.value == g["modality"]
            out.actor += a
            out.modality += m
            out.both += a and m
            if not (a and m):
                got = f"{p.modality.value}/{p.actor.kind}:{p.actor.name}"
                problems.append(f"“{g['cue']}”: want {want}, got {got} [{p.actor.rule}]")
        if problems:
            out.errors.append(f"{item['id']}: {text}\n    " + "\n    ".join(problems))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a labelled set (default: all)")
    parser.add_argument("--show-errors", action="store_true", help="list dev items read wrongly")
    args = parser.parse_args(argv)
    for path in args.data or SETS:
        items = load(path)
        print(path.name)
        for split in ("dev", "holdout"):
            chosen = [i for i in items if i["split"] == split]
            if not chosen:
                continue
            result = score(chosen)
            print("  " + result.line(split))
            if args.show_errors and split == "dev":
                for error in result.errors:
                    print("    " + error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
