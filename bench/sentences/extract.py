"""Provides the extraction of candidate sentences for the labelled sentence set.

Prints the unlabelled candidates (id, split, source, text); `sentences.tsv` beside
it is this list with a `labels` column written by hand (README.md there):

    python -m bench.sentences.extract > /tmp/candidates.tsv

Sources (all third-party, read from /work/shared/corpus): CUAD v1 clause texts
(CC BY 4.0, The Atticus Project), the three CUAD sample contracts' text
extractions (recitals, definitions, boilerplate), SPDX licence texts and Open
Terms Archive terms of service (ODC-BY 1.0). Each candidate is picked by a hash
of its text, so the same corpus always gives the same set.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.shared_corpus import CORPUS, cuad_csv

MIN_CHARS, MAX_CHARS = 30, 420
CUAD_PER_CATEGORY = 12
CUAD_SKIP = {"Document Name", "Parties", "Agreement Date", "Effective Date"}
PER_FILE = 12

_END = re.compile(r"(?<=[.;:!?])\s+(?=[\"“(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Inc|Ltd|Co|No|Sec|Corp|e\.g|i\.e|U\.S|etc|L\.L\.C|Mr|Ms|Dr|S\.A))\.$"
)
_MD = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_#`>]+|\\")


def sentences(text: str) -> Iterator[str]:
    """Rough sentences: split at . ; : ? ! before a capital, rejoining abbreviations."""
    text = re.sub(r"\s+", " ", text).strip()
    buffer = ""
    for piece in _END.split(text):
        buffer = f"{buffer} {piece}".strip() if buffer else piece
        if _ABBREV.search(buffer) or (buffer.endswith((";", ":")) and len(buffer) < MIN_CHARS):
            continue
        yield buffer
        buffer = ""
    if buffer:
        yield buffer


def _key(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _pick(found: dict[str, str], count: int) -> list[tuple[str, str]]:
    """`count` of the (text, source) candidates, the same ones every run."""
    usable = [(t, s) for t, s in found.items() if MIN_CHARS <= len(t) <= MAX_CHARS]
    return sorted(usable, key=lambda item: _key(item[0]))[:count]


def cuad() -> Iterator[tuple[str, str]]:
    csv.field_size_limit(10**9)
    with cuad_csv().open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    columns = [c for c in rows[0] if not c.endswith("Answer") and c != "Filename"]
    for column in columns:
        if column in CUAD_SKIP:
            continue
        found: dict[str, str] = {}
        for row in rows:
            try:
                clauses = ast.literal_eval(row[column] or "[]")
            except (ValueError, SyntaxError):
                continue
            for clause in clauses:
                for sentence in sentences(clause):
                    found.setdefault(sentence, f"cuad:{column}:{row['Filename'][:60]}")
        yield from _pick(found, CUAD_PER_CATEGORY)


def files() -> Iterator[tuple[str, str]]:
    paths = sorted((CORPUS / "cuad/sample_contracts").glob("*.txt"))
    paths += sorted((CORPUS / "spdx-licenses/pairs").glob("*/new.txt"))
    paths += sorted((CORPUS / "ota-terms/pairs").glob("*/new.md"))
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".md":
            text = _MD.sub(lambda m: m.group(1) or " ", text)
        found: dict[str, str] = {}
        # Paragraphs first (blank lines), so headings do not glue onto sentences.
        for paragraph in re.split(r"\n\s*\n", text):
            for sentence in sentences(paragraph):
                if sum(ch.isalpha() for ch in sentence) > 0.6 * len(sentence):
                    found.setdefault(sentence, f"{path.parent.name}/{path.name}")
        count = PER_FILE * 2 if "cuad" in str(path) else PER_FILE
        yield from _pick(found, count)


MIRROR = Path("/work/.mirror/maastrichtlawtech+law3027-advanced-legal-analytics/repo")
FULL_TEXTS = "data/CUAD_v1/full_contract_txt/"
FULL_CONTRACTS = 80
FULL_PER_CONTRACT = 2
GUARANTEE_CONTRACTS = 110
# A second pick from other full texts: sentences naming a guarantee word. This does
# favour the keyword rule's recall; its precision (disclaimers, "warranty period",
# "representations" as a noun) is what such sentences test.
_GUARANTEE_WORD = re.compile(r"warrant|represent|indemnif|guarant|hold\s+harmless|assur", re.I)
# Sections where guarantees live; chosen by heading, not by the words of the
# sentence, so the keyword rule gets no head start on what is picked.
_GUARANTEE_HEADING = re.compile(
    r"^\s*(?:[\dIVX]+[.)]?[\d.]*\s+)?[A-Z][A-Za-z ,;&]*"
    r"(?:REPRESENTATION|WARRANT|INDEMNIF|Representation|Warrant|Indemnif)[A-Za-z ,;&]*\.?\s*$",
    re.M,
)


def cuad_full() -> Iterator[tuple[str, str]]:
    """Sentences under representation, warranty and indemnity headings of CUAD full texts
    (fetched with the search tool's fetch; skipped when the mirror is absent)."""
    if not MIRROR.exists():
        return
    git = ["git", "--git-dir", str(MIRROR)]
    names = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD", FULL_TEXTS],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    names = sorted((n for n in names if n.endswith(".txt")), key=_key)
    taken = 0
    for name in names[: FULL_CONTRACTS * 3]:
        text = subprocess.run(
            [*git, "show", f"HEAD:{name}"], capture_output=True, text=True, errors="replace"
        ).stdout
        found: dict[str, str] = {}
        for heading in _GUARANTEE_HEADING.finditer(text):
            section = text[heading.end() : heading.end() + 2500]
            for paragraph in re.split(r"\n\s*\n", section):
                for sentence in sentences(paragraph):
                    found.setdefault(sentence, f"cuad-full:{Path(name).name[:60]}")
        picked = _pick(found, FULL_PER_CONTRACT)
        if picked:
            taken += 1
            yield from picked
        if taken >= FULL_CONTRACTS:
            break
    for name in names[FULL_CONTRACTS * 3 :][:GUARANTEE_CONTRACTS]:
        text = subprocess.run(
            [*git, "show", f"HEAD:{name}"], capture_output=True, text=True, errors="replace"
        ).stdout
        found = {}
        for paragraph in re.split(r"\n\s*\n", text):
            for sentence in sentences(paragraph):
                if _GUARANTEE_WORD.search(sentence):
                    found.setdefault(sentence, f"cuad-full-g:{Path(name).name[:60]}")
        yield from _pick(found, 1)


def main() -> None:
    seen: set[str] = set()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["id", "split", "source", "text"])
    for text, source in [*cuad(), *files(), *cuad_full()]:
        if text in seen:
            continue
        seen.add(text)
        key = _key(text)
        split = "dev" if int(key[:8], 16) % 2 == 0 else "heldout"
        out.writerow([key[:10], split, source, text])


if __name__ == "__main__":
    main()
