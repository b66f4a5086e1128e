"""Provides the LibreOffice round trip for redlines: accept all = new, reject all = old.

For each (old, new) pair, `draftdiff redline` writes the redline; one headless
soffice run accepts every tracked change in every redline (and in every .docx
input, which may carry pending changes of its own), another rejects them, and
each exports the text (bench/libreoffice.py's macro). Then, paragraph by
paragraph with whitespace normalised and empty lines left out:

- accept all of the redline must equal LibreOffice's text of the new version;
- reject all must equal LibreOffice's text of the old version (accepted, as
  draftdiff reads it).

A text or Markdown side has no Word text of its own: its expected text is the
redline writer's one paragraph per clause, number then text.

    python -m bench.redline_roundtrip            # every corpus pair with .docx on both sides
    python -m bench.redline_roundtrip --samples  # the bundled sample drafts (text and .docx)
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from bench import libreoffice
from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_file
from draftdiff.render.docx_redline import RedlineOptions, redline_docx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def corpus_dir() -> Path | None:
    given = os.environ.get("DRAFTDIFF_CORPUS")
    for candidate in (Path(given) if given else None, ROOT.parent / "shared" / "corpus"):
        if candidate is not None and candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class Pair:
    name: str
    old: Path
    new: Path


@dataclass(frozen=True)
class Result:
    pair: Pair
    revisions: int
    accept_ok: bool
    reject_ok: bool
    detail: str = ""
    """The first paragraph that differs, when one does."""
    unplaced: int = 0


def corpus_pairs(corpus: Path) -> list[Pair]:
    """Every pair in the corpus whose new side is a .docx: the pairs/ folders (old and
    new both .docx, plus the one Markdown -> .docx pair) and WmlComparer's pairs.tsv."""
    out = []
    for folder in sorted(corpus.glob("*/pairs/*")) + sorted(corpus.glob("*/*/pairs/*")):
        new = folder / "new.docx"
        olds = sorted(folder.glob("old.*"))
        if new.is_file() and olds:
            out.append(Pair(folder.name, olds[0], new))
    table = corpus / "oxpt-wmlcomparer" / "pairs.tsv"
    if table.is_file():
        with table.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream, delimiter="\t"):
                old = table.parent / row["old"]
                new = table.parent / row["new"]
                if old.is_file() and new.is_file():
                    out.append(Pair(row["test_id"], old, new))
    return out


def sample_pairs() -> list[Pair]:
    out = []
    for ext in ("md", "docx"):
        files = [SAMPLES / f"fund-{v}.{ext}" for v in ("v1-early", "v2-middle", "v3-final")]
        out.extend(Pair(f"{a.stem}->{b.stem}.{ext}", a, b) for a, b in pairwise(files))
    out.append(
        Pair(
            "v1-early.md->v2-middle.docx",
            SAMPLES / "fund-v1-early.md",
            SAMPLES / "fund-v2-middle.docx",
        )
    )
    return out


def paragraphs(text: str) -> list[str]:
    """Lines with whitespace normalised, empty ones left out."""
    lines = (" ".join(line.replace("\u00a0", " ").split()) for line in text.split("\n"))
    return [line for line in lines if line]


def _first_difference(ours: Sequence[str], theirs: Sequence[str]) -> str:
    for index, (a, b) in enumerate(zip(ours, theirs, strict=False)):
        if a != b:
            return f"¶{index + 1}: {a[:70]!r} != {b[:70]!r}"
    if len(ours) != len(theirs):
        return f"{len(ours)} paragraphs != {len(theirs)}"
    return ""


def _clean_text(path: Path) -> str:
    """A text side's expected text: one paragraph per clause, number then text."""
    document = parse_file(path)
    lines = []
    for clause in document.walk():
        if clause.is_note:
            continue
        block = clause.block
        lines.append(f"{block.label} {block.text}" if block.label else block.text)
    return "\n".join(lines)


def _exports(files: Sequence[Path], work: Path, *, accept: bool) -> dict[Path, str]:
    """One soffice run for all files; a file it did not export (soffice stopped on
    the way, which happens now and then on a loaded machine) is tried again alone."""
    out = libreoffice.revision_exports(files, work, accept=accept)
    for file in files:
        for _ in range(2):
            if file not in out:
                out.update(libreoffice.revision_exports([file], work, accept=accept))
    return out


def run(pairs: Sequence[Pair], work: Path, *, comments: bool = False) -> list[Result]:
    """Write each pair's redline into `work` and check it through LibreOffice."""
    options = RedlineOptions(author="draftdiff", date="2026-03-01T00:00:00Z", comments=comments)
    redlines: dict[int, tuple[Path, int, int]] = {}
    inputs: dict[Path, Path] = {}
    for index, pair in enumerate(pairs):
        result = redline_docx(compare(parse_file(pair.old), parse_file(pair.new)), options)
        target = work / f"p{index:03d}-redline.docx"
        target.write_bytes(result.data)
        redlines[index] = (target, result.revisions, len(result.unplaced))
        for role, path in (("old", pair.old), ("new", pair.new)):
            if path.suffix == ".docx" and path not in inputs:
                copy = work / f"in{len(inputs):03d}-{role}.docx"
                shutil.copyfile(path, copy)
                inputs[path] = copy
    files = [r[0] for r in redlines.values()] + list(inputs.values())
    accepted = _exports(files, work, accept=True)
    rejected = _exports([r[0] for r in redlines.values()], work, accept=False)
    out = []
    for index, pair in enumerate(pairs):
        target, revisions, unplaced = redlines[index]
        expected = {}
        for role, path in (("old", pair.old), ("new", pair.new)):
            if path.suffix == ".docx":
                expected[role] = accepted.get(inputs[path])
            else:
                expected[role] = _clean_text(path)
        got_accept, got_reject = accepted.get(target), rejected.get(target)
        details = []
        accept_ok = reject_ok = False
        if got_accept is None or got_reject is None or None in expected.values():
            details.append("LibreOffice did not export a file")
        else:
            ours_a, want_a = paragraphs(got_accept), paragraphs(expected["new"] or "")
            ours_r, want_r = paragraphs(got_reject), paragraphs(expected["old"] or "")
            accept_ok, reject_ok = ours_a == want_a, ours_r == want_r
            if not accept_ok:
                details.append("accept " + _first_difference(ours_a, want_a))
            if not reject_ok:
                details.append("reject " + _first_difference(ours_r, want_r))
        out.append(Result(pair, revisions, accept_ok, reject_ok, "; ".join(details), unplaced))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", action="store_true", help="the bundled samples instead")
    parser.add_argument("--comments", action="store_true", help="write comments too")
    parser.add_argument("--only", metavar="TEXT", help="only pairs whose name holds TEXT")
    parser.add_argument("--keep", metavar="DIR", help="keep the redlines and exports in DIR")
    args = parser.parse_args(argv)
    if not libreoffice.available():
        print("soffice not found: apt-get install libreoffice-writer-nogui", file=sys.stderr)
        return 2
    if args.samples:
        pairs = sample_pairs()
    else:
        corpus = corpus_dir()
        if corpus is None:
            print("corpus not found: set DRAFTDIFF_CORPUS", file=sys.stderr)
            return 2
        pairs = corpus_pairs(corpus)
    if args.only:
        pairs = [p for p in pairs if args.only in p.name]
    with tempfile.TemporaryDirectory(prefix="redline-") as temp:
        work = Path(args.keep) if args.keep else Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        results = run(pairs, work, comments=args.comments)
    print("| pair | old | new | revisions | accept = new | reject = old | first difference |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r.pair.name} | {r.pair.old.name} | {r.pair.new.name} | {r.revisions} | "
            f"{'yes' if r.accept_ok else 'NO'} | {'yes' if r.reject_ok else 'NO'} | "
            f"{r.detail.replace('|', '/')} |"
        )
    both = sum(r.accept_ok and r.reject_ok for r in results)
    accepted = sum(r.accept_ok for r in results)
    rejected = sum(r.reject_ok for r in results)
    print(
        f"\n{both}/{len(results)} pairs round-trip both ways; accept {accepted}, reject {rejected}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
