"""Provides the CUAD party benchmark: draftdiff's parties against lawyers' labels.

CUAD v1 (The Atticus Project, CC BY 4.0) labels the parties of 510 EDGAR contracts in
`master_clauses.csv`: `Parties` lists the text spans, `Parties-Answer` groups them per
entity, separated by ";" (`Birch First Global Investments Inc. ("Company"); ...`).

Each contract is parsed as the CLI parses a .txt file (`parse_text` with the text
reader and the automatically chosen schema) and its `Document.parties` are scored:

- a labelled *entity* (one `;` group) is recalled when any of its strings (the full
  name, a `d/b/a` name, each quoted short name, the `Parties` spans inside the group)
  matches any name or alias of a found party;
- a found party is correct when any of its names matches a string of any entity;
- two strings match when they are equal after `normalise` (case, quotes, punctuation,
  "&"/"and", a leading "the", corporate suffixes such as Inc./Ltd./LLC dropped), or
  when the shorter has at least two words and is a word-prefix of the longer
  ("Bank of America" ~ "Bank of America N.A.");
- groups that only name the others collectively (`each a "Party", and together, the
  "Parties"`, `Depomed and King (individually as a "party" ...)`) are not entities.

Contracts are split by a hash of the file name: 60 % dev (rules may be tuned on it),
40 % held-out (never looked at while tuning).

    python -m bench.cuad_parties [--split dev|held-out|all] [--misses N] [--docs PATH]

Labels are read from `bench.shared_corpus.cuad_csv()` ($CUAD_CSV, else the shared
corpus); texts from $CUAD_TXT (default /work/data/cuad_txt/data/CUAD_v1/full_contract_txt)
or, failing that, from the fetched mirror of maastrichtlawtech/law3027-advanced-legal-analytics.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.shared_corpus import cuad_csv
from draftdiff.model import Party
from draftdiff.parse.document import parse_text
from draftdiff.parse.encoding import decode
from draftdiff.parse.read_text import read_text

CSV = cuad_csv()
TXT = Path(os.environ.get("CUAD_TXT", "/work/data/cuad_txt/data/CUAD_v1/full_contract_txt"))
MIRROR = Path("/work/.mirror/maastrichtlawtech+law3027-advanced-legal-analytics/repo")
MIRROR_DIR = "data/CUAD_v1/full_contract_txt"
DEV_SHARE = 6  # of 10: dev; the rest is held out

_QUOTED = re.compile(r"[\"“”]([^\"“”]{1,80})[\"“”]?")
_SUFFIXES = {
    "inc", "incorporated", "ltd", "limited", "llc", "lc", "corp", "corporation", "co",
    "plc", "lp", "llp", "gmbh", "ag", "sa", "nv", "bv", "pty", "pte", "srl", "spa",
    "na", "company", "se", "sas", "ab", "oy", "as", "kg", "kk",
}  # fmt: skip
_ALSO_KNOWN = re.compile(
    r"\bd/?b/?a\b|\bformerly known as\b|\bdoing business as\b|\ba/?k/?a\b|\balso known as\b",
    re.IGNORECASE,
)
_NAMES_THE_OTHERS = re.compile(
    r"\W*(?:sometimes\s+)?(?:\w+\s+)?(?:collectively|individually|together|referred\s+to)\b",
    re.IGNORECASE,
)
_COLLECTIVE = {"party", "parties", "each party", "a party", "the parties", "party or parties"}


def normalise(text: str) -> str:
    """Case, quotes, punctuation and corporate suffixes removed: the comparable core."""
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]|_", " ", text)
    words = text.split()
    while words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    # "L.L.C." and "N.V." fall apart into letters: drop a trailing run of them.
    while len(words) > 2 and all(len(w) == 1 for w in words[-2:]):
        words = words[:-2]
    return " ".join(words)


def matches(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and long[: len(short)] == short


@dataclass(frozen=True)
class Entity:
    """One labelled party: every string the lawyers gave for it, normalised."""

    label: str
    strings: frozenset[str]


@dataclass
class Contract:
    name: str
    split: str
    entities: list[Entity]
    text: str = ""
    parties: tuple[Party, ...] = ()
    seconds: float = 0.0
    recalled: list[bool] = field(default_factory=list)
    correct: list[bool] = field(default_factory=list)


def split_of(name: str) -> str:
    digest = hashlib.sha1(name.encode()).digest()
    return "dev" if digest[0] % 10 < DEV_SHARE else "held-out"


def entities_of(answer: str, spans: list[str]) -> list[Entity]:
    groups = [g.strip() for g in answer.split(";") if g.strip()]
    parsed: list[tuple[str, set[str]]] = []
    for group in groups:
        quoted = [q.strip(" ,.") for q in _QUOTED.findall(group)]
        base = _QUOTED.sub(" ", group)
        base = re.sub(r"\([^()]*\)?", " ", base)
        names = [n for n in re.split(_ALSO_KNOWN, base) if n]
        strings = {normalise(s) for s in [*quoted, *names]} - {""}
        parsed.append((group, strings))
    for span in spans:
        key = normalise(span)
        if not key:
            continue
        homes = [s for g, s in parsed if key in s or key in normalise(g)]
        if homes:
            for home in homes:
                home.add(key)
            continue
        # A span the answer misspells ("Mount Kowledge"): join the group it overlaps most.
        words = set(key.split())
        best = max(parsed, key=lambda p: len(words & set(normalise(p[0]).split())), default=None)
        if best and len(words & set(normalise(best[0]).split())) * 2 >= len(words):
            best[1].add(key)
        else:
            parsed.append((span, {key}))
    out = []
    for group, strings in parsed:
        if _is_collective(group, strings, parsed):
            continue
        out.append(Entity(group, frozenset(strings)))
    return out


def _is_collective(group: str, strings: set[str], parsed: list[tuple[str, set[str]]]) -> bool:
    roles = {s for s in strings if s not in _COLLECTIVE}
    quoted = {normalise(q) for q in _QUOTED.findall(group)} - {""}
    if not roles or (quoted and quoted <= _COLLECTIVE):
        return True  # "... each of which may be referred to as a "Party" ..."
    if _NAMES_THE_OTHERS.match(group):
        # "(collectively the "White Hat Parties")", "(sometimes commonly referred to as
        # the Parties)", "individually and collectively "JVP"": a name for the others.
        return True
    if re.search(r"\b(?:collectively|together|each|individually)\b", group, re.I):
        others = set().union(*(s for g, s in parsed if g != group))
        base = normalise(re.split(r"\b(?:collectively|together|each|individually)\b", group)[0])
        # "Investor and Agent collectively ... the "Lenders"": names only other entities.
        parts = [p for p in re.split(r"\band\b|\bor\b", base) if p.strip()]
        if parts and all(p.strip() in others for p in parts):
            return True
    return False


def _key(filename: str) -> str:
    stem = re.sub(r"\.pdf'?$", "", filename.strip(), flags=re.I)
    return re.sub(r"[^a-z0-9]", "", stem.casefold())


def load_texts() -> dict[str, str]:
    """File key -> contract text, from the extracted folder or the mirror."""
    out: dict[str, str] = {}
    if TXT.is_dir():
        for path in TXT.glob("*.txt"):
            out[_key(path.stem)] = decode(path.read_bytes(), path.name)
        return out
    if MIRROR.is_dir():
        git = ["git", f"--git-dir={MIRROR}"]
        listing = subprocess.run(
            [*git, "ls-tree", "-r", "--name-only", "HEAD", MIRROR_DIR],
            capture_output=True, text=True, check=True,
        ).stdout.splitlines()  # fmt: skip
        for path in listing:
            data = subprocess.run(
                [*git, "show", f"HEAD:{path}"], capture_output=True, check=True
            ).stdout
            out[_key(Path(path).stem)] = decode(data, path)
    return out


def load_contracts(split: str = "all") -> list[Contract]:
    """Every labelled contract of the split whose text is at hand (none without texts)."""
    if not CSV.is_file():
        return []
    texts = load_texts()
    contracts = []
    with CSV.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["Filename"]
            text = texts.get(_key(name))
            part = split_of(name)
            if text is None or (split != "all" and part != split):
                continue
            spans = ast.literal_eval(row["Parties"]) if row["Parties"].strip() else []
            entities = entities_of(row["Parties-Answer"], spans)
            contracts.append(Contract(name, part, entities, text))
    return contracts


def score(contract: Contract) -> Contract:
    start = time.perf_counter()
    doc = parse_text(contract.text, path=contract.name, fmt="text", reader=read_text)
    contract.seconds = time.perf_counter() - start
    contract.parties = doc.parties
    found = [{normalise(n) for n in p.names()} - {""} for p in doc.parties]
    contract.recalled = [
        any(matches(a, b) for names in found for a in names for b in e.strings)
        for e in contract.entities
    ]
    labels = set().union(*(e.strings for e in contract.entities)) if contract.entities else set()
    contract.correct = [any(matches(a, b) for a in names for b in labels) for names in found]
    return contract


@dataclass(frozen=True)
class Figures:
    contracts: int
    entities: int
    recalled: int
    found: int
    correct: int
    assumed: int
    all_recalled: int
    per_contract: float
    """Mean recall per contract: one consortium agreement with 50 signers weighs one."""

    @property
    def recall(self) -> float:
        return self.recalled / self.entities if self.entities else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:9} {self.contracts:4} contracts  recall {self.recalled}/{self.entities} "
            f"= {self.recall:.1%} (per contract {self.per_contract:.1%})  "
            f"precision {self.correct}/{self.found} = {self.precision:.1%}  "
            f"all parties found in {self.all_recalled} contracts  schema defaults in {self.assumed}"
        )


def figures(contracts: list[Contract]) -> Figures:
    return Figures(
        contracts=len(contracts),
        entities=sum(len(c.entities) for c in contracts),
        recalled=sum(sum(c.recalled) for c in contracts),
        found=sum(len(c.correct) for c in contracts),
        correct=sum(sum(c.correct) for c in contracts),
        assumed=sum(1 for c in contracts if any(p.assumed for p in c.parties)),
        all_recalled=sum(1 for c in contracts if all(c.recalled)),
        per_contract=sum(sum(c.recalled) / len(c.recalled) for c in contracts if c.recalled)
        / max(1, sum(1 for c in contracts if c.recalled)),
    )


_HEAD_CHARS = 3000


def why_missed(contract: Contract, entity: Entity) -> str:
    """A coarse class for a miss: where the text first names the entity, and how."""
    text = " ".join(contract.text.split())
    low = text.casefold()
    spots = []
    for string in entity.strings:
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in string.split()) + r"\b"
        hit = re.search(pattern, low)
        if hit:
            spots.append(hit)
    lead = "nothing found; " if not contract.parties else ""
    if not spots:
        return lead + "label not in text (typo, OCR or a blank)"
    first = min(spots, key=lambda m: m.start())
    window = text[first.end() : first.end() + 300]
    if first.start() < _HEAD_CHARS:
        where = "front"
    elif first.start() > len(text) * 0.75:
        where = "end (signature)"
    else:
        where = "body"
    if re.match(r"[\s\w.,&-]{0,12}\(\s*(?:the\s+)?[\"“”]", window):
        how = '("X") right after the name'
    elif re.search(r"\(\s*[^()]{0,40}[\"“”]", window[:200]):
        how = '("X") after a descriptor'
    elif re.match(r"[\s\w.,]{0,12}[\"“”]", window):
        how = "quoted short name without brackets"
    elif re.match(r"[\s\w.,]{0,12}\(\s*(?:the\s+)?[A-Z]", window):
        how = "unquoted role in brackets"
    else:
        how = "no short name"
    return f"{lead}{where}: {how}"


def report(contracts: list[Contract], misses: int) -> tuple[str, Counter[str], list[str]]:
    lines = []
    for label in ("dev", "held-out"):
        part = [c for c in contracts if c.split == label]
        if part:
            lines.append(figures(part).line(label))
    lines.append(figures(contracts).line("all"))
    classes: Counter[str] = Counter()
    examples: list[str] = []
    for contract in contracts:
        for entity, ok in zip(contract.entities, contract.recalled, strict=True):
            if ok:
                continue
            why = why_missed(contract, entity)
            classes[why] += 1
            if len(examples) < misses:
                found = "; ".join(f"{p.name} {list(p.aliases)}" for p in contract.parties)
                examples.append(f"[{why}] {contract.name[:60]}\n    label: {entity.label[:120]}"
                                f"\n    found: {found[:200]}")  # fmt: skip
    return "\n".join(lines), classes, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="all")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--false", type=int, default=0, help="print this many wrong parties")
    parser.add_argument("--docs", help="write the figures and miss classes to this Markdown file")
    args = parser.parse_args(argv)
    contracts = load_contracts(args.split)
    if not contracts:
        print("CUAD texts or labels not found; see the module docstring", file=sys.stderr)
        return 1
    start = time.perf_counter()
    for contract in contracts:
        score(contract)
    summary, classes, examples = report(contracts, args.misses)
    print(summary)
    print(f"({time.perf_counter() - start:.0f} s)")
    print("misses by class:")
    for why, count in classes.most_common():
        print(f"  {count:4}  {why}")
    for example in examples:
        print(example)
    shown = 0
    for contract in contracts:
        for party, ok in zip(contract.parties, contract.correct, strict=True):
            if not ok and shown < args.false:
                shown += 1
                print(f"WRONG {contract.name[:50]}: {party.name} {list(party.aliases)[:3]}")
    if args.docs:
        Path(args.docs).write_text(miss_tables(contracts), encoding="utf-8")
    return 0


def miss_tables(contracts: list[Contract]) -> str:
    """Markdown: figures per split, then misses and wrong parties by class per split."""
    out = [
        "| split | contracts | recall (labelled entities) | recall per contract | precision |",
        "|---|---|---|---|---|",
    ]
    for label in ("dev", "held-out", "all"):
        part = [c for c in contracts if label in ("all", c.split)]
        f = figures(part)
        out.append(
            f"| {label} | {f.contracts} | {f.recalled}/{f.entities} = {f.recall:.1%} | "
            f"{f.per_contract:.1%} | "
            f"{f.correct}/{f.found} = {f.precision:.1%} |"
        )
    out += ["", "| miss class | dev | held-out |", "|---|---|---|"]
    classes: dict[str, Counter[str]] = {"dev": Counter(), "held-out": Counter()}
    for contract, entity in iter_misses(contracts):
        classes[contract.split][why_missed(contract, entity)] += 1
    names = sorted(set(classes["dev"]) | set(classes["held-out"]),
                   key=lambda k: -(classes["dev"][k] + classes["held-out"][k]))  # fmt: skip
    out += [f"| {k} | {classes['dev'][k]} | {classes['held-out'][k]} |" for k in names]
    wrong: dict[str, Counter[str]] = {"dev": Counter(), "held-out": Counter()}
    for contract in contracts:
        for party, ok in zip(contract.parties, contract.correct, strict=True):
            if not ok:
                wrong[contract.split][party.found.split(":")[0] or "?"] += 1
    out += ["", "| wrong party found by | dev | held-out |", "|---|---|---|"]
    for k in sorted(set(wrong["dev"]) | set(wrong["held-out"])):
        out.append(f"| {k} | {wrong['dev'][k]} | {wrong['held-out'][k]} |")
    return "\n".join(out) + "\n"


def iter_misses(contracts: list[Contract]) -> Iterator[tuple[Contract, Entity]]:
    for contract in contracts:
        for entity, ok in zip(contract.entities, contract.recalled, strict=True):
            if not ok:
                yield contract, entity


if __name__ == "__main__":
    raise SystemExit(main())
