"""Provides a score of `draftdiff parse` against LibreOffice's numbers on long agreements.

    .venv/bin/python -m bench.long_agreement_numbering [FILE.docx ...] [--table OUT.md]

(bench/results/long_agreement_numbering.md holds the before/after tables; --table
writes only the current one.)

Without files it scores the LPA-style agreements bench/lpa_docx.py generates
(seeds 1-4; 1 and 2 were looked at while fixing, 3 and 4 were not; 5 and 6 with
"ARTICLE IV" / "Section 4.01" numbering, not tuned on either) plus the long
numbered agreements found in public repositories (`FOUND`, skipped if absent).

For every paragraph LibreOffice's text export prints with a number in front
("ARTICLE 2", "2.3.1", "(a)"), the paragraph is looked up in the parse's clause
list (in order, by its text) and counted as right when the clause that holds it
carries that number, i.e. the number a user sees in draftdiff. Apart from that
the clause ids are checked:

- `dup_ids`: ids with a "~n" suffix whose number LibreOffice does not print twice
  (the tree gave two clauses one number the document does not repeat);
- `misplaced`: numbered clauses whose parent's number is not the prefix their own
  number implies ("2.3.1" not under "2.3", a section not under its article, an
  article not at the top);
- `def_depth`: definitions ("X" means …) of one section not all at one depth.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import lpa_docx
from bench.libreoffice import available, text_exports
from draftdiff.cli import main as draftdiff_main

Json = dict[str, Any]
ROOT = Path(__file__).resolve().parent.parent
SEEDS = (1, 2, 3, 4)
ROMAN_SEEDS = (5, 6)
"""Generated with "ARTICLE IV" / "Section 4.01" (w:isLgl) numbering; not tuned on."""
TUNED = {1, 2}
FOUND: tuple[Path, ...] = ()
_TOC_LINE = re.compile(r"\t\s*[0-9ivxlc]+\s*$")
_LABEL = re.compile(
    r"^((?:ARTICLE|Article|Section|SECTION) [0-9IVXLC]+(?:\.[0-9]+)*\.?"
    r"|[0-9]+(?:\.[0-9]+)*\.?|[IVXLC]+\.[0-9]+(?:\.[0-9]+)*"
    r"|\([a-z]+\)|\([ivx]+\))\s+(\S.*)$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LEADING_ROMAN = re.compile(r"^((?:ARTICLE|Article|Section|SECTION) )?([IVXLC]+)\b")


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _decimal(label: str) -> str:
    """The label with its leading roman number in Arabic numerals: what Word prints for
    a w:isLgl level, where LibreOffice 7.4 prints "Section I.01"."""
    return _LEADING_ROMAN.sub(lambda m: (m.group(1) or "") + str(_roman(m.group(2))), label)


@dataclass(frozen=True)
class Score:
    name: str
    tuned: bool
    printed: int
    right: int
    known: int
    """Word's number where LibreOffice prints its known deviation (it ignores w:isLgl:
    "Section I.01" where Word and the parse say "Section 1.01")."""
    dup_ids: int
    misplaced: int
    def_depth: int
    misses: tuple[tuple[str, str, str], ...]

    @property
    def rate(self) -> float:
        return (self.right + self.known) / self.printed if self.printed else 1.0


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _flat(
    clauses: Sequence[Json], parent: Json | None = None
) -> Iterator[tuple[Json, Json | None, int]]:
    for clause in clauses:
        yield clause, parent, 0
        for child, up, depth in _flat(clause.get("children", []), clause):
            yield child, up, depth + 1


def _bare(number: str) -> str:
    return _decimal(re.sub(r"^(ARTICLE|Article|Section|SECTION)\s+", "", number)).rstrip(".")


def score(name: str, parsed: Json, exported: str, tuned: bool) -> Score:
    flat = [(c, up) for c, up, _ in _flat(parsed["clauses"])]
    texts = [_norm(c.get("heading", "") + " " + c.get("text", "")) for c, _ in flat]
    position = printed = right = known = 0
    misses: list[tuple[str, str, str]] = []
    labels: list[str] = []
    for line in exported.split("\n"):
        if _TOC_LINE.search(line):
            continue  # a table-of-contents entry: typed text, not a list label
        match = _LABEL.match(_norm(line))
        if not match:
            continue
        label, rest = match.group(1), match.group(2)[:50]
        window = range(position, min(len(flat), position + 400))
        labels.append(_bare(_norm(label)))
        printed += 1
        # A clause that starts with the text first: a TOC entry holds it further on.
        found = next((i for i in window if texts[i].startswith(rest)), None)
        if found is None:
            found = next((i for i in window if rest in texts[i]), None)
        if found is None:
            misses.append((label, "(not found)", rest[:30]))
            continue
        position = found
        number = flat[found][0].get("number", "")
        if not number and any(f"{label} {rest}" in texts[i] for i in window):
            # "24 months after ...": the number is the paragraph's own text, which the
            # parse keeps as text; LibreOffice printed no list label there.
            printed -= 1
            labels.pop()
            continue
        if _norm(number).rstrip(".") == _norm(label).rstrip("."):
            right += 1
        elif _norm(number).rstrip(".") == _decimal(_norm(label)).rstrip(".") and "." in label:
            known += 1
        elif len(misses) < 15:
            misses.append((label, number, rest[:30]))
    # A "~2" id is right where the document prints that number twice (a restarted list).
    printed_twice = {n for n, k in Counter(labels).items() if k > 1}
    # Children of a "~2" clause carry its suffix ("1.4.2~2(a)"): the first clause on
    # the path with one is the one that has to be printed twice.
    origin: dict[str, str] = {}
    for clause, up in flat:
        if "~" not in clause["id"]:
            continue
        inherited = up is not None and "~" in up["id"]
        origin[clause["id"]] = origin[up["id"]] if inherited and up else _bare(clause["number"])
    dup = sum(number not in printed_twice for number in origin.values())
    misplaced = 0
    for clause, up in flat:
        bare = _bare(clause.get("number", ""))
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)*", bare):
            continue
        parent = _bare(up.get("number", "")) if up else ""
        expected = bare.rsplit(".", 1)[0] if "." in bare else ""
        misplaced += parent != expected
    depths: dict[str, set[int]] = {}
    for clause, _up, depth in _flat(parsed["clauses"]):
        if clause.get("defines") and "means" in clause.get("text", "")[:80]:
            section = clause["id"].split("¶")[0]
            depths.setdefault(section.split(".")[0], set()).add(depth)
    def_depth = sum(len(d) > 1 for d in depths.values())
    misses = misses[:15]
    return Score(name, tuned, printed, right, known, dup, misplaced, def_depth, tuple(misses))


def _parse(path: Path) -> Json:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        draftdiff_main(["parse", str(path), "--format", "json"])
    parsed: Json = json.loads(out.getvalue())
    return parsed


def run(files: Sequence[tuple[Path, bool]]) -> list[Score]:
    with tempfile.TemporaryDirectory() as folder:
        # Copies under distinct names: LibreOffice names each export after its file, so
        # two "template.docx" would overwrite each other's text.
        copies = [Path(folder) / f"{i}-{f.name}" for i, (f, _) in enumerate(files)]
        for (file, _), copy in zip(files, copies, strict=True):
            shutil.copyfile(file, copy)
        out = Path(folder) / "out"
        out.mkdir()
        exports = text_exports(copies, out)
        return [
            score(_label(file), _parse(copy), exports[copy], tuned)
            for (file, tuned), copy in zip(files, copies, strict=True)
            if copy in exports
        ]


def _label(file: Path) -> str:
    """The file's name, with its folder when the name alone says little."""
    return f"{file.parent.name}/{file.name}" if file.name.startswith("template") else file.name


def table(scores: Sequence[Score]) -> str:
    lines = [
        "| file | tuned on | printed numbers | right in parse | Word's where LibreOffice deviates "
        "| share | ~n ids | misplaced "
        "| definitions at >1 depth |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in scores:
        lines.append(
            f"| {s.name} | {'yes' if s.tuned else 'no'} | {s.printed} | {s.right} | {s.known} | "
            f"{s.rate:.1%} | {s.dup_ids} | {s.misplaced} | {s.def_depth} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not available():
        print("soffice is not installed", file=sys.stderr)
        return 2
    out_table = argv[argv.index("--table") + 1] if "--table" in argv else None
    paths = [Path(a) for a in argv if a.endswith(".docx")]
    with tempfile.TemporaryDirectory() as folder:
        files = [(p, False) for p in paths]
        if not paths:
            for seed in SEEDS + ROMAN_SEEDS:
                roman = seed in ROMAN_SEEDS
                target = Path(folder) / f"lpa-seed{seed}{'-roman' if roman else ''}.docx"
                target.write_bytes(lpa_docx.build(seed, roman=roman))
                files.append((target, seed in TUNED))
            files += [(p, False) for p in FOUND if p.exists()]
        scores = run(files)
    for s in scores:
        print(
            f"{s.name}: {s.right}+{s.known}/{s.printed} ({s.rate:.1%}) ~ids={s.dup_ids} "
            f"misplaced={s.misplaced} def_depth={s.def_depth}"
        )
        for miss in s.misses[:8]:
            print("   LibreOffice", repr(miss[0]), "parse", repr(miss[1]), miss[2])
    if out_table:
        Path(out_table).write_text(table(scores) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
