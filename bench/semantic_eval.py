"""Scores the semantic layer against the labelled data in tests/semantic/data/.

    python -m bench.semantic_eval                 the full table, dev and holdout
    python -m bench.semantic_eval --split dev --show-errors

sentences.yaml: for each sentence, the provisions the analyser finds are matched
to the labelled ones by their cue words; reported are provision precision and
recall, modality accuracy and actor accuracy (each over all labelled provisions,
a missed one counting as wrong), and conditional accuracy over matched ones.

pairs.yaml: each before/after pair becomes two small documents (the context
clauses plus the clause itself, with the labelled parties), which go through
`compare` exactly as files would; the semantic changes it reports are matched to
the labelled ones by type and party. Precision and recall per change type.

The split is reported separately: `dev` items may be used to write rules,
`holdout` items never are (tests/semantic/test_semantic_eval.py checks floors on
both).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from draftdiff.analyse.actors import JOINT
from draftdiff.analyse.provisions import Provision, analyse_text
from draftdiff.diff.compare import compare
from draftdiff.diff.result import PROVISION_CHANGE_TYPES
from draftdiff.diff.textdiff import similarity
from draftdiff.model import Document, Party
from draftdiff.parse.document import parse_text
from draftdiff.schema.load import builtin_schemas
from draftdiff.schema.model import Schema

DATA = Path(__file__).resolve().parent.parent / "tests" / "semantic" / "data"
TARGET = "99.99"
"""The number an unnumbered labelled clause is given in the documents built for it."""
SEMANTIC_TYPES = PROVISION_CHANGE_TYPES
"""The change types the labels use; others (clause.*, party.renamed) are not scored."""


def load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return list(data or [])


def parties_of(item: dict[str, Any]) -> tuple[Party, ...]:
    raw = item.get("parties") or {}
    return tuple(
        Party(str(n), tuple(str(a) for a in (aliases or ()))) for n, aliases in raw.items()
    )


def schema_for(text: str) -> Schema:
    """The built-in schema draftdiff's own tie-breaker (its hints) prefers for a text,
    among those whose lexicon differs; "agreement" when none stands out."""
    schemas = builtin_schemas()
    best, score = schemas["agreement"], 0
    for schema in schemas.values():
        if schema.lexicon == schemas["agreement"].lexicon:
            continue
        hits = sum(1 for hint in schema.hints if hint.search(text))
        if hits > score:
            best, score = schema, hits
    return best


# --- sentences ----------------------------------------------------------------------------


def _actor_key(actor: str | None) -> str | None:
    if actor is None:
        return None
    text = re.sub(r"^(?:the|this|these)\s+", "", str(actor).strip(), flags=re.I)
    return text.casefold()


def _predicted_actor(p: Provision) -> str | None:
    if p.actor.kind == "joint":
        return JOINT
    return p.actor.name


@dataclass
class SentenceScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    modality: int = 0
    actor: int = 0
    conditional: int = 0
    exact: int = 0
    sentences: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


def score_sentences(items: Iterable[dict[str, Any]]) -> SentenceScore:
    out = SentenceScore()
    for item in items:
        text = str(item["text"])
        gold = list(item.get("provisions") or [])
        found = list(analyse_text(text, parties_of(item), schema_for(text)).provisions)
        out.sentences += 1
        out.gold += len(gold)
        out.predicted += len(found)
        pairs = _match_cues(text, gold, found)
        exact = len(gold) == len(found)
        problems = []
        used = set()
        for g, p in pairs:
            if p is None:
                exact = False
                out.confusion[(str(g["modality"]), "none")] += 1
                problems.append(f"missed {g['modality']} “{g['cue']}” ({g.get('actor')})")
                continue
            used.add(id(p))
            out.matched += 1
            out.confusion[(str(g["modality"]), p.modality.value)] += 1
            ok_modality = p.modality.value == g["modality"]
            ok_actor = _actor_key(_predicted_actor(p)) == _actor_key(g.get("actor"))
            ok_conditional = bool(g.get("conditional")) == p.conditional
            out.modality += ok_modality
            out.actor += ok_actor
            out.conditional += ok_conditional
            if not (ok_modality and ok_actor):
                exact = False
            if not (ok_modality and ok_actor and ok_conditional):
                problems.append(
                    f"“{g['cue']}”: want {g['modality']}/{g.get('actor')}/"
                    f"{'cond' if g.get('conditional') else 'plain'}, got "
                    f"{p.modality.value}/{_predicted_actor(p)}/"
                    f"{'cond' if p.conditional else 'plain'}"
                )
        for p in found:
            if id(p) not in used:
                out.confusion[("none", p.modality.value)] += 1
                problems.append(f"extra {p.modality.value} “{p.cue.text}” ({_predicted_actor(p)})")
        out.exact += exact
        if problems:
            out.errors.append(f"{item['id']}: {text}\n    " + "\n    ".join(problems))
    return out


def _match_cues(
    text: str, gold: Sequence[dict[str, Any]], found: Sequence[Provision]
) -> list[tuple[dict[str, Any], Provision | None]]:
    """Each labelled provision with the found one whose cue overlaps its cue words."""
    out: list[tuple[dict[str, Any], Provision | None]] = []
    taken: set[int] = set()
    cursor: dict[str, int] = {}
    for g in gold:
        cue = str(g.get("cue") or "")
        start = _locate(text, cue, cursor.get(cue.casefold(), 0))
        match = None
        if start >= 0:
            cursor[cue.casefold()] = start + max(len(cue), 1)
            end = start + len(cue)
            for i, p in enumerate(found):
                if i in taken:
                    continue
                if p.cue.start < end and p.cue.end > start:
                    match = i
                    break
        if match is None:
            # Same modality and actor anywhere in the sentence: the cue was worded apart.
            for i, p in enumerate(found):
                if (
                    i not in taken
                    and p.modality.value == g["modality"]
                    and _actor_key(_predicted_actor(p)) == _actor_key(g.get("actor"))
                ):
                    match = i
                    break
        if match is not None:
            taken.add(match)
            out.append((g, found[match]))
        else:
            out.append((g, None))
    return out


def _locate(text: str, cue: str, start: int) -> int:
    if not cue:
        return -1
    at = text.casefold().find(cue.casefold(), start)
    if at < 0:
        at = text.casefold().find(cue.casefold())
    if (at < 0 and "…" in cue) or (at < 0 and "..." in cue):
        head = re.split(r"\s*(?:…|\.\.\.)\s*", cue)[0]
        at = text.casefold().find(head.casefold()) if head else -1
    return at


# --- pairs --------------------------------------------------------------------------------


def pair_documents(item: dict[str, Any]) -> tuple[Document, Document]:
    """The two versions of a labelled pair as documents draftdiff compares."""
    parties = parties_of(item)
    sample = " ".join(str(item.get(k) or "") for k in ("old", "new"))
    schema = schema_for(sample)
    docs = []
    for side in ("old", "new"):
        clause = str(item.get(side) or "")
        # Context given for one side only stands unchanged in both versions.
        given = item.get(f"context_{side}")
        if given is None:
            given = item.get("context_new" if side == "old" else "context_old")
        context = [str(c) for c in given or ()]
        blocks = ["# Pair"]
        # The clause itself may be listed again as context, with its number.
        blocks.extend(c for c in context if _unnumbered(c) != _unnumbered(clause))
        if clause:
            # One number on both sides, so that the two versions of the clause are
            # aligned however much their words differ, as a reader pairs them.
            blocks.append(
                clause if _unnumbered(clause) != " ".join(clause.split()) else f"{TARGET} {clause}"
            )
        text = "\n\n".join(blocks) + "\n"
        document = parse_text(text, path=f"{item['id']}-{side}.md", fmt="markdown", schema=schema)
        docs.append(replace(document, parties=parties))
    return docs[0], docs[1]


def _unnumbered(text: str) -> str:
    return " ".join(re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|\([a-z0-9]+\))\s+", "", text).split())


def target_ids(old: Document, new: Document, item: dict[str, Any]) -> tuple[str | None, str | None]:
    """Ids of the labelled clause in each version: the clause most like its text."""
    ids: list[str | None] = []
    for document, side in ((old, "old"), (new, "new")):
        text = _unnumbered(str(item.get(side) or ""))
        if not text:
            ids.append(None)
            continue
        best = max(
            (c for c in document.walk() if c.id != "title"),
            key=lambda c: (c.id == TARGET, similarity(c.text, text)),
            default=None,
        )
        ids.append(best.id if best else None)
    return ids[0], ids[1]


@dataclass
class PairScore:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    exact: int = 0
    items: int = 0
    errors: list[str] = field(default_factory=list)


def _party_key(party: object, kind: str = "") -> str | None:
    if kind.startswith("term.") or party in (None, "", "null"):
        return None
    return str(party).casefold()


def score_pairs(items: Iterable[dict[str, Any]]) -> PairScore:
    out = PairScore()
    for item in items:
        old, new = pair_documents(item)
        comparison = compare(old, new)
        old_id, new_id = target_ids(old, new, item)
        # Only the labelled clause's changes: context clauses are there to be read.
        mine = [
            c
            for c in comparison.changes
            if c.type in SEMANTIC_TYPES
            and (
                (c.old_clause is not None and c.old_clause == old_id)
                or (c.new_clause is not None and c.new_clause == new_id)
            )
        ]
        # A defined term binds nobody: term changes carry no party, so the party of a
        # term.redefined label is not compared (as bench/fresh_eval does).
        found = [(c.type, _party_key(c.party, c.type)) for c in mine]
        gold = [
            (str(c["type"]), _party_key(c.get("party"), str(c["type"])))
            for c in item.get("changes") or ()
        ]
        remaining = list(found)
        missed = []
        for g in gold:
            if g in remaining:
                remaining.remove(g)
                out.tp[g[0]] += 1
            else:
                missed.append(g)
        for g in missed:
            out.fn[g[0]] += 1
        for f in remaining:
            out.fp[f[0]] += 1
        out.items += 1
        if not missed and not remaining:
            out.exact += 1
        else:
            summaries = [f"{c.type} [{c.party}] {c.summary}" for c in mine]
            out.errors.append(
                f"{item['id']}: want {gold}\n    got {found}\n    "
                + "\n    ".join(summaries)
                + f"\n    old: {item.get('old')}\n    new: {item.get('new')}"
            )
    return out


# --- report -------------------------------------------------------------------------------


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def fmt(value: float | None) -> str:
    return "  –  " if value is None else f"{value:5.2f}"


@dataclass
class Report:
    split: str
    sentences: SentenceScore
    pairs: PairScore

    def per_type(self) -> dict[str, tuple[float | None, float | None, int]]:
        out = {}
        for kind in SEMANTIC_TYPES:
            tp, fp, fn = self.pairs.tp[kind], self.pairs.fp[kind], self.pairs.fn[kind]
            out[kind] = (ratio(tp, tp + fp), ratio(tp, tp + fn), tp + fn)
        return out

    def micro(self) -> tuple[float | None, float | None]:
        tp = sum(self.pairs.tp.values())
        fp = sum(self.pairs.fp.values())
        fn = sum(self.pairs.fn.values())
        return ratio(tp, tp + fp), ratio(tp, tp + fn)

    @property
    def modality_accuracy(self) -> float | None:
        return ratio(self.sentences.modality, self.sentences.gold)

    @property
    def actor_accuracy(self) -> float | None:
        return ratio(self.sentences.actor, self.sentences.gold)


def evaluate(split: str) -> Report:
    sentences = [s for s in load("sentences.yaml") if s.get("split") == split]
    pairs = [p for p in load("pairs.yaml") if p.get("split") == split]
    return Report(split, score_sentences(sentences), score_pairs(pairs))


def render(reports: Sequence[Report]) -> str:
    lines = []
    head = "change type".ljust(25) + "".join(f"| {r.split:^21} " for r in reports)
    lines.append(head)
    lines.append(" " * 25 + "".join("|  prec.  recall   n   " for _ in reports))
    for kind in SEMANTIC_TYPES:
        row = kind.ljust(25)
        for r in reports:
            p, rc, n = r.per_type()[kind]
            row += f"| {fmt(p)}  {fmt(rc)}  {n:3d}  "
        lines.append(row)
    row = "all (micro)".ljust(25)
    for r in reports:
        p, rc = r.micro()
        row += f"| {fmt(p)}  {fmt(rc)}  {sum(r.pairs.tp.values()) + sum(r.pairs.fn.values()):3d}  "
    lines.append(row)
    row = "pairs exactly right".ljust(25)
    for r in reports:
        row += f"| {r.pairs.exact:3d} / {r.pairs.items:<3d}            "
    lines.append(row)
    lines.append("")
    lines.append("sentences".ljust(25) + "".join(f"| {r.split:^21} " for r in reports))
    s_rows = [
        ("provisions precision", lambda r: ratio(r.sentences.matched, r.sentences.predicted)),
        ("provisions recall", lambda r: ratio(r.sentences.matched, r.sentences.gold)),
        ("modality accuracy", lambda r: r.modality_accuracy),
        ("actor accuracy", lambda r: r.actor_accuracy),
        ("conditional (matched)", lambda r: ratio(r.sentences.conditional, r.sentences.matched)),
        ("sentences exactly right", lambda r: ratio(r.sentences.exact, r.sentences.sentences)),
    ]
    for label, get in s_rows:
        lines.append(
            label.ljust(25) + "".join(f"| {fmt(get(r)):>8}              " for r in reports)
        )
    counts = "".join(
        f"| {r.sentences.sentences:3d} sent., {r.sentences.gold:3d} prov.   " for r in reports
    )
    lines.append("labelled".ljust(25) + counts)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--split", choices=("dev", "holdout", "both"), default="both")
    parser.add_argument(
        "--show-errors", action="store_true", help="list the items scored wrong (dev only)"
    )
    args = parser.parse_args(argv)
    splits = ("dev", "holdout") if args.split == "both" else (args.split,)
    reports = [evaluate(s) for s in splits]
    sys.stdout.write(render(reports))
    if args.show_errors:
        for report in reports:
            if report.split != "dev":
                # Holdout items are scored, never read: their errors stay unprinted.
                continue
            sys.stdout.write("\n## sentence errors (dev)\n")
            sys.stdout.write("\n".join(report.sentences.errors) + "\n")
            sys.stdout.write("\n## pair errors (dev)\n")
            sys.stdout.write("\n".join(report.pairs.errors) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
