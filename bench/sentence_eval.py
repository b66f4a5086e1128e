"""Scores sentence classification against hand-labelled third-party sentences.

    python -m bench.sentence_eval                   both readers, dev and held-out
    python -m bench.sentence_eval --split dev --errors 40

bench/sentences/sentences.tsv holds sentences from CUAD clause texts and full
contracts, SPDX licences and Open Terms Archive terms of service, each labelled
with the modalities it states (obligation, prohibition, permission, guarantee;
several or none). The labels were written by reading the sentences, never by
running a rule (bench/sentences/README.md has the definitions and sources).

Two readers classify every sentence:

- draftdiff: `analyse_text` with the schema and parties a real document of that
  source would have (CUAD's own `Parties` answer for CUAD contracts; the licence
  and contract schemas' roles for licences and terms). A sentence has a modality
  when a provision of that ledger kind is found in it: qualified obligations and
  weak commitments count as obligations, rights as permissions.
- keyword: the plain rule the issue measures against (shall|must|will ->
  obligation, shall not|must not|may not -> prohibition, may|is entitled ->
  permission, warrants|guarantees|represents -> guarantee).

Printed: precision / recall / F1 per modality for both, dev and held-out apart,
and draftdiff's commonest error classes. Rules may be tuned on `dev` only.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bench.shared_corpus import cuad_csv
from draftdiff.analyse.provisions import analyse_text
from draftdiff.model import Party
from draftdiff.schema.load import builtin_schemas
from draftdiff.schema.model import Schema

DATA = Path(__file__).resolve().parent / "sentences" / "sentences.tsv"
CUAD = cuad_csv()
"""CUAD's labelled parties, read to give each CUAD sentence the parties its contract has."""
MODALITIES = ("obligation", "prohibition", "permission", "guarantee")

Labels = frozenset[str]


@dataclass(frozen=True)
class Sentence:
    id: str
    split: str
    labels: Labels
    source: str
    text: str


def load(path: Path = DATA) -> list[Sentence]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [
        Sentence(
            r["id"],
            r["split"],
            frozenset(x for x in r["labels"].split(",") if x and x != "none"),
            r["source"],
            r["text"],
        )
        for r in rows
    ]


# --- the keyword rule ---------------------------------------------------------------

_KEYWORD = {
    "prohibition": re.compile(r"\b(?:shall|must|may)\s+not\b", re.I),
    "obligation": re.compile(r"\b(?:shall|must|will)\b", re.I),
    "permission": re.compile(r"\bmay\b|\bis\s+entitled\b", re.I),
    "guarantee": re.compile(r"\b(?:warrants|guarantees|represents)\b", re.I),
}


def keyword(sentence: Sentence) -> Labels:
    """The plain keyword rule: a modal word anywhere gives its modality. A negated modal
    is a prohibition only (its "shall"/"may" is not counted again)."""
    found = set()
    rest = _KEYWORD["prohibition"].sub(" ", sentence.text)
    if rest != sentence.text:
        found.add("prohibition")
    for name in ("obligation", "permission", "guarantee"):
        if _KEYWORD[name].search(rest):
            found.add(name)
    return frozenset(found)


# --- draftdiff ----------------------------------------------------------------------


@cache
def _schemas() -> dict[str, Schema]:
    return builtin_schemas()


@cache
def _cuad_parties() -> dict[str, tuple[Party, ...]]:
    """CUAD's labelled parties per contract file: `Name ("Short", "Other")`; ..."""
    if not CUAD.exists():
        return {}
    csv.field_size_limit(10**9)
    out: dict[str, tuple[Party, ...]] = {}
    with CUAD.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            parties = []
            for part in row["Parties-Answer"].split(";"):
                shorts = re.findall(r"[\"“]([^\"”]+)[\"”]", part)
                name = re.sub(r"\(.*$", "", part).strip(" ,\xa0")
                names = [s.strip() for s in shorts if s.strip()] + ([name] if name else [])
                # CUAD often writes names in capitals ("BOSCH"); the clauses do not.
                names += [n.title() for n in names if n.isupper() and len(n) > 4]
                if names:
                    parties.append(Party(names[0], tuple(dict.fromkeys(names[1:]))))
            stem = Path(row["Filename"]).stem
            out[stem[:60]] = tuple(parties)
            out[row["Filename"][:60]] = tuple(parties)
    return out


def _context(sentence: Sentence) -> tuple[Schema, tuple[Party, ...]]:
    """The schema and parties a reader of the whole document would have had."""
    schemas = _schemas()
    if sentence.source.startswith("cuad"):
        key = sentence.source.split(":", 2)[-1]
        return schemas["contract"], _cuad_parties().get(key, ())
    if sentence.source.startswith("sample_contracts/"):
        # The CUAD sample contracts are CUAD contracts: "dyntek-1999-..." is DYNTEKINC_...
        word = sentence.source.split("/")[1].split("-")[0].upper()
        known = _cuad_parties()
        key = next((k for k in sorted(known) if k.upper().startswith(word)), "")
        return schemas["contract"], known.get(key, ())
    if sentence.source.endswith(".txt") and not sentence.source.startswith("sample"):
        return schemas["license"], _roles(schemas["license"])
    return schemas["contract"], _roles(schemas["contract"])


def _roles(schema: Schema) -> tuple[Party, ...]:
    rules = schema.parties
    return tuple(Party(r, tuple(rules.aliases.get(r, ())), assumed=True) for r in rules.roles)


def draftdiff(sentence: Sentence) -> Labels:
    schema, parties = _context(sentence)
    analysis = analyse_text(sentence.text, parties, schema)
    return frozenset(p.modality.ledger_kind for p in analysis.provisions)


# --- scoring ------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(sentences: Sequence[Sentence], predicted: Sequence[Labels], modality: str) -> Score:
    tp = fp = fn = 0
    for s, got in zip(sentences, predicted, strict=True):
        want, have = modality in s.labels, modality in got
        tp += want and have
        fp += have and not want
        fn += want and not have
    return Score(tp, fp, fn)


READERS: dict[str, Callable[[Sentence], Labels]] = {"draftdiff": draftdiff, "keyword": keyword}


def table(sentences: Sequence[Sentence]) -> dict[str, dict[str, Score]]:
    """reader -> modality -> score."""
    out = {}
    for name, reader in READERS.items():
        predicted = [reader(s) for s in sentences]
        out[name] = {m: score(sentences, predicted, m) for m in MODALITIES}
    return out


def error_classes(sentences: Iterable[Sentence]) -> Counter[str]:
    """draftdiff's errors by kind: "obligation missed", "permission where none"..."""
    counts: Counter[str] = Counter()
    for s in sentences:
        got = draftdiff(s)
        for m in MODALITIES:
            if m in s.labels and m not in got:
                instead = ",".join(sorted(got - s.labels)) or "nothing"
                counts[f"{m} missed (found {instead})"] += 1
            elif m in got and m not in s.labels:
                counts[f"{m} where the label has {','.join(sorted(s.labels)) or 'none'}"] += 1
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print N misread dev sentences")
    args = parser.parse_args(argv)
    if not CUAD.exists():
        # Its sentences are read with CUAD's labelled parties: without them the
        # figures would measure missing parties, not sentence reading.
        print(
            f"CUAD master_clauses.csv not found at {CUAD} (set DRAFTDIFF_CORPUS)", file=sys.stderr
        )
        return 2
    data = load()
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    for split in splits:
        part = [s for s in data if s.split == split]
        note = "rules tuned on these" if split == "dev" else "never tuned on"
        print(f"\n{split}: {len(part)} sentences  ({note})")
        result = table(part)
        head = f"  {'modality':<12} {'n':>4}  {'draftdiff P/R/F1':>18}"
        print(f"{head}  {'keyword P/R/F1':>18}  {'ΔF1':>6}")
        for m in MODALITIES:
            d, k = result["draftdiff"][m], result["keyword"][m]
            n = d.tp + d.fn
            print(
                f"  {m:<12} {n:>4}  {d.precision:.2f} / {d.recall:.2f} / {d.f1:.2f}"
                f"  {k.precision:.2f} / {k.recall:.2f} / {k.f1:.2f}  {d.f1 - k.f1:+.2f}"
            )
        print("  commonest draftdiff errors:")
        for kind, count in error_classes(part).most_common(8):
            print(f"    {count:>3}  {kind}")
    if args.errors:
        shown = 0
        for s in data:
            if s.split != "dev":
                continue
            got = draftdiff(s)
            if got != s.labels:
                print(f"\n[{s.id}] want {sorted(s.labels) or 'none'} got {sorted(got) or 'none'}")
                print(f"  {s.text[:300]}")
                shown += 1
                if shown >= args.errors:
                    break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
