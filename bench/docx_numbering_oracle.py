"""Compare draftdiff's Word list labels with LibreOffice's, file by file.

    .venv/bin/python -m bench.docx_numbering_oracle [FILE.docx ...]
    .venv/bin/python -m bench.docx_numbering_oracle --corpus [--split dev|held-out]
        [--table OUT.tsv]

`--corpus` runs over the fetched corpus of bench/docx_numbering_corpus.py (every
file there with list numbering), caching LibreOffice's export of each file by its
hash in /work/data/docx_corpus_exports, so a re-run after a rule change only
re-reads our side.

Without arguments it reads every numbered document of ../shared/corpus
(docx-real-legal, oxpt-docx-features/numbering, docxodus-extras) and the .docx
samples, converts them all with one headless `soffice` run, and prints, per file,
how many numbered paragraphs there are and the share whose label matches
LibreOffice's rendering, with the first disagreements. It also prints our read
time per file.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from copy import deepcopy as copy_tree
from pathlib import Path

from lxml import etree

from bench import docx_numbering_corpus as corpus
from bench.libreoffice import Agreement, available, label_agreement, text_exports
from draftdiff.parse.wordml.content import Paragraph, StoryReader
from draftdiff.parse.wordml.ns import qn
from draftdiff.parse.wordml.numbering import Numbering
from draftdiff.parse.wordml.package import Package, open_package
from draftdiff.parse.wordml.revisions import View
from draftdiff.parse.wordml.styles import Styles

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DRAFTDIFF_CORPUS", ROOT.parent / "shared" / "corpus"))
NUMBERED_SETS = ("docx-real-legal", "oxpt-docx-features/numbering", "docxodus-extras")


def numbered_files() -> list[Path]:
    """The corpus documents the oracle is asked about, plus the .docx samples."""
    files = [f for name in NUMBERED_SETS for f in sorted((CORPUS / name).rglob("*.docx"))]
    # A draft with pending tracked changes is checked by the accept/reject oracle
    # instead: LibreOffice's plain export numbers its deleted paragraphs too.
    samples = [f for f in sorted((ROOT / "samples").glob("*.docx")) if "tracked" not in f.name]
    return files + samples


def our_labels(path: Path) -> list[tuple[str, str, bool, str]]:
    """(label, text, cites notes, LibreOffice's label) for every body paragraph, tables
    and text boxes included. The last item is our label read as LibreOffice 7.4 reads
    the list definitions (see `_as_libreoffice_reads`)."""
    package = open_package(path.read_bytes(), str(path))
    styles = Styles(package.styles)
    out = []
    ours = _paragraphs(package, styles, package.numbering)
    as_read = _as_libreoffice_reads(package.numbering)
    # Most files use nothing LibreOffice skips: one reading serves both sides.
    theirs = ours if as_read is package.numbering else _paragraphs(package, styles, as_read)
    for para, plain in zip(ours, theirs, strict=True):
        label = para.label.text if para.label is not None and para.label.is_number else ""
        deviation = plain.label.text if plain.label is not None and plain.label.is_number else ""
        out.append((label, para.text, bool(para.notes), deviation))
    return out


def _paragraphs(
    package: Package, styles: Styles, numbering: etree._Element | None
) -> list[Paragraph]:
    reader = StoryReader(styles, Numbering(numbering, styles), View.ACCEPTED)
    return reader.paragraphs(package.body)


def _as_libreoffice_reads(numbering: etree._Element | None) -> etree._Element | None:
    """The list definitions without what LibreOffice 7.4 does not implement (each seen
    on probes built with tests/parse/docx_build.py): w:isLgl, w:lvlRestart, and a
    level's w:pStyle, which per ECMA-376 17.9.23 gives the level of a paragraph whose
    style names only the list (LibreOffice takes level 0 instead)."""
    if numbering is None:
        return None
    tags = (qn("w:isLgl"), qn("w:lvlRestart"), qn("w:pStyle"))
    if next(numbering.iter(*tags), None) is None:
        return numbering
    copy = copy_tree(numbering)
    for element in list(copy.iter(*tags)):
        parent = element.getparent()
        if parent is not None and parent.tag == qn("w:lvl"):
            parent.remove(element)
    return copy


def agreements(
    files: Sequence[Path], timing: dict[str, float] | None = None
) -> dict[Path, Agreement | None]:
    """Agreement per file; None where LibreOffice could not open the file."""
    with tempfile.TemporaryDirectory() as folder:
        # Files with the same name (old.docx/new.docx of several pairs) need own folders.
        exported: dict[Path, str] = {}
        groups: dict[str, list[Path]] = {}
        for file in files:
            groups.setdefault(file.name, []).append(file)
        round_index = 0
        while any(groups.values()):
            batch = [group.pop(0) for group in groups.values() if group]
            out = Path(folder) / str(round_index)
            out.mkdir()
            start = time.perf_counter()
            exported.update(text_exports(batch, out))
            if timing is not None:
                timing["libreoffice"] = timing.get("libreoffice", 0.0) + time.perf_counter() - start
            round_index += 1
        return {
            f: label_agreement(our_labels(f), exported[f]) if f in exported else None for f in files
        }


EXPORTS = Path("/work/data/docx_corpus_exports")
_BATCH = 30
_BATCH_SECONDS = 300


def has_numbering(path: Path) -> bool:
    """The package has list numbering in its body or styles (the files the oracle asks about)."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            parts = [n for n in ("word/document.xml", "word/styles.xml") if n in names]
            return "word/numbering.xml" in names and any(b"numPr" in package.read(n) for n in parts)
    except (zipfile.BadZipFile, OSError, KeyError):
        return False


def cached_exports(entries: Sequence[corpus.Entry]) -> dict[str, str | None]:
    """LibreOffice's text export per file hash; None where it cannot open the file.

    Exports are cached by hash; missing ones are made in batches (one soffice run
    each), and a batch that hangs is retried file by file so one bad file costs
    only itself."""
    EXPORTS.mkdir(parents=True, exist_ok=True)
    todo = [e for e in entries if not (EXPORTS / f"{e.sha}.txt").exists()]
    todo = [e for e in todo if not (EXPORTS / f"{e.sha}.failed").exists()]
    for start in range(0, len(todo), _BATCH):
        batch = todo[start : start + _BATCH]
        _export(batch, _BATCH_SECONDS)
        for entry in batch:
            if not (EXPORTS / f"{entry.sha}.txt").exists():
                _export([entry], 120)
        print(f"exported {min(start + _BATCH, len(todo))}/{len(todo)}", file=sys.stderr)
    out: dict[str, str | None] = {}
    for entry in entries:
        target = EXPORTS / f"{entry.sha}.txt"
        out[entry.sha] = target.read_text(encoding="utf-8-sig") if target.exists() else None
    return out


def _export(entries: Sequence[corpus.Entry], seconds: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        sources = []
        for entry in entries:
            source = Path(folder) / f"{entry.sha}.docx"
            shutil.copyfile(entry.file, source)
            sources.append(source)
        out = Path(folder) / "out"
        out.mkdir()
        texts = text_exports(sources, out, timeout=seconds)
        for entry, source in zip(entries, sources, strict=True):
            if source in texts:
                (EXPORTS / f"{entry.sha}.txt").write_text(texts[source], encoding="utf-8")
            elif len(entries) == 1:
                (EXPORTS / f"{entry.sha}.failed").write_text("", encoding="utf-8")


def corpus_main(argv: Sequence[str]) -> int:
    """Per-file agreement over the fetched corpus, dev and held-out totals apart."""
    entries = [e for e in corpus.load() if e.file.exists() and has_numbering(e.file)]
    if not entries:
        print("corpus not built: python -m bench.docx_numbering_corpus", file=sys.stderr)
        return 2
    if "--split" in argv:
        wanted = argv[argv.index("--split") + 1]
        entries = [e for e in entries if e.split == wanted]
    exports = cached_exports(entries)
    rows = []
    for entry in entries:
        exported = exports[entry.sha]
        try:
            result = label_agreement(our_labels(entry.file), exported) if exported else None
            error = "" if exported else "LibreOffice cannot open it"
        except Exception as exc:  # a crash of ours is a finding, not a reason to stop
            result, error = None, f"draftdiff: {type(exc).__name__}: {exc}"[:80]
        rows.append((entry, result, error))
    table = argv[argv.index("--table") + 1] if "--table" in argv else None
    lines = ["sha\tsplit\tlegal\tfile\tnumbered\tagree\tknown\tnote"]
    for entry, result, error in rows:
        name = f"{entry.repo}/{entry.path}"
        if result is None:
            lines.append(
                f"{entry.sha[:12]}\t{entry.split}\t{int(entry.legal)}\t{name}\t\t\t\t{error}"
            )
            continue
        lines.append(
            f"{entry.sha[:12]}\t{entry.split}\t{int(entry.legal)}\t{name}\t"
            f"{result.numbered}\t{result.agree}\t{result.known}\t"
        )
        if result.agree + result.known < result.numbered and "-q" not in argv:
            print(f"{name}  {result.agree + result.known}/{result.numbered}")
            for ours, theirs, text in result.mismatches[:6]:
                print(f"    ours {ours!r:>14}  LibreOffice {theirs!r:>14}  {text}")
    if table:
        Path(table).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for split in ("dev", "held-out"):
        for legal in (True, False, None):
            chosen = [
                r
                for e, r, _ in rows
                if r is not None and e.split == split and (legal is None or e.legal == legal)
            ]
            numbered = sum(r.numbered for r in chosen)
            agree = sum(r.agree + r.known for r in chosen)
            known = sum(r.known for r in chosen)
            perfect = sum(r.agree + r.known == r.numbered for r in chosen)
            kind = {True: "legal", False: "other", None: "all"}[legal]
            rate = agree / numbered if numbered else 1.0
            print(
                f"{split:<8} {kind:<5} files {len(chosen):>4} (all labels right: {perfect:>4})"
                f"  labels {agree:>6}/{numbered:<6} {rate:.2%}"
                f"  (LibreOffice's known deviations: {known})"
            )
    failed = sum(r is None for _, r, _ in rows)
    print(f"{failed} file(s) without a comparison (LibreOffice could not open it, or we crashed)")
    return 0


def main(argv: Sequence[str]) -> int:
    if "--corpus" in argv:
        return corpus_main(argv)
    if not available():
        print("soffice not found: apt-get install libreoffice-writer-nogui", file=sys.stderr)
        return 2
    if not argv and not CORPUS.is_dir():
        # Scoring the samples alone would print figures that look like the corpus's.
        print(f"corpus not found at {CORPUS} (set DRAFTDIFF_CORPUS)", file=sys.stderr)
        return 2
    files = [Path(a) for a in argv] or numbered_files()
    timing: dict[str, float] = {}
    results = agreements(files, timing)
    print(f"{'file':<70} {'numbered':>8} {'agree':>6} {'rate':>7} {'read s':>7}")
    ours_total = 0.0
    for file, result in results.items():
        start = time.perf_counter()
        our_labels(file)
        seconds = time.perf_counter() - start
        ours_total += seconds
        name = str(file.relative_to(CORPUS) if file.is_relative_to(CORPUS) else file.name)
        if result is None:
            print(f"{name:<70} {'LibreOffice cannot open it':>22} {seconds:7.2f}")
            continue
        print(
            f"{name:<70} {result.numbered:>8} {result.agree:>6} {result.rate:>7.1%} {seconds:7.2f}"
        )
        for ours, theirs, text in result.mismatches[:5]:
            print(f"    ours {ours!r:>14}  LibreOffice {theirs!r:>14}  {text}")
    peer = timing.get("libreoffice", 0.0)
    print(
        f"\nreading all {len(files)} files: draftdiff {ours_total:.1f} s, LibreOffice text export "
        f"{peer:.1f} s (one soffice run per batch, start-up included); "
        f"ratio {peer / ours_total:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
