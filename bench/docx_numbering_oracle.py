"""Compare draftdiff's Word list labels with LibreOffice's, file by file.

    .venv/bin/python -m bench.docx_numbering_oracle [FILE.docx ...]

Without arguments it reads every numbered document of ../shared/corpus
(docx-real-legal, oxpt-docx-features/numbering, docxodus-extras) and the .docx
samples, converts them all with one headless `soffice` run, and prints, per file,
how many numbered paragraphs there are and the share whose label matches
LibreOffice's rendering, with the first disagreements. It also prints our read
time per file.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.libreoffice import Agreement, available, label_agreement, text_exports
from draftdiff.parse.wordml.content import StoryReader
from draftdiff.parse.wordml.numbering import Numbering
from draftdiff.parse.wordml.package import open_package
from draftdiff.parse.wordml.revisions import View
from draftdiff.parse.wordml.styles import Styles

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
NUMBERED_SETS = ("docx-real-legal", "oxpt-docx-features/numbering", "docxodus-extras")


def numbered_files() -> list[Path]:
    """The corpus documents the oracle is asked about, plus the .docx samples."""
    files = [f for name in NUMBERED_SETS for f in sorted((CORPUS / name).rglob("*.docx"))]
    # A draft with pending tracked changes is checked by the accept/reject oracle
    # instead: LibreOffice's plain export numbers its deleted paragraphs too.
    samples = [f for f in sorted((ROOT / "samples").glob("*.docx")) if "tracked" not in f.name]
    return files + samples


def our_labels(path: Path) -> list[tuple[str, str, bool]]:
    """(label, text, cites notes) for every body paragraph, tables and text boxes included."""
    package = open_package(path.read_bytes(), str(path))
    styles = Styles(package.styles)
    reader = StoryReader(styles, Numbering(package.numbering, styles), View.ACCEPTED)
    out = []
    for para in reader.paragraphs(package.body):
        label = para.label.text if para.label is not None and para.label.is_number else ""
        out.append((label, para.text, bool(para.notes)))
    return out


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


def main(argv: Sequence[str]) -> int:
    if not available():
        print("soffice not found: apt-get install libreoffice-writer-nogui", file=sys.stderr)
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
