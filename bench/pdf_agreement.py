"""Provides the PDF reader's agreement figures: PDF parse against a reference parse.

Two sources of (PDF, reference) pairs:

- the CUAD sample contracts: each PDF beside CUAD's own text extraction (.txt);
- .docx files of the shared corpus and samples/, printed to PDF by LibreOffice
  (headless `soffice --convert-to pdf`), against the .docx parse.

Measures, per document (reference clause tree R, PDF clause tree P):

- numbers: share of R's numbered clauses (a printed number, not a note) whose id is
  also a numbered clause of P ("3(c)(iv)" found as "3(c)(iv)"); ids are compared
  without their unnumbered-paragraph steps ("10¶5(1)" as "10(1)": the paragraph count
  depends on where paragraphs were split, not on the numbers) and case folded
  ("FIRST" printed in capitals by Word's all-caps format is "First"), a repeated one
  taking a "+" per repeat;
- extra: numbered ids of P that R does not have (numbers the PDF reader invented);
- text: for each id in both, the clause's text (its own text plus the unnumbered
  paragraphs and notes that follow it up to the next numbered clause; page-number
  blocks of the reference left out) compared word by word with difflib's ratio;
  the mean over aligned clauses, and the pooled ratio (2 x matched words / all words);
  words are compared case folded and with straight quotes and dashes;
- whole: the same ratio over the whole documents' texts (front matter included).

    python -m bench.pdf_agreement [--pdf-dir DIR] [--libraries] [--out FILE]

`--libraries` also prints the raw text of pypdfium2 and pdfplumber against CUAD's
text (word similarity and seconds), the measurement behind the choice of PDFium.
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import libreoffice
from bench.shared_corpus import CORPUS
from draftdiff.model import BlockKind, Clause, Document
from draftdiff.parse.document import parse_file, parse_text

ROOT = Path(__file__).resolve().parent.parent
CUAD = Path("cuad") / "sample_contracts"
_SINGLE = "docx-real-legal/single"
# .docx files printed to PDF: every legal .docx of the corpus that LibreOffice opens,
# and the bundled samples. (name in the table, path under the corpus or ROOT)
DOCX = (
    ("nvca-model-coi", "corpus", "docx-real-legal/single/nvca-model-coi.docx"),
    (
        "cp-cloud-service",
        "corpus",
        "docx-real-legal/single/common-paper-cloud-service-agreement.docx",
    ),
    (
        "cp-data-processing",
        "corpus",
        "docx-real-legal/single/common-paper-data-processing-agreement.docx",
    ),
    (
        "cp-business-associate",
        "corpus",
        "docx-real-legal/single/common-paper-business-associate-agreement.docx",
    ),
    ("nvca-spa-source", "corpus", "docx-real-legal/pairs/nvca-spa-source__filled/old.docx"),
    ("nvca-spa-filled", "corpus", "docx-real-legal/pairs/nvca-spa-source__filled/new.docx"),
    ("VP004-legal-contract", "corpus", "docxodus-extras/VP004-Legal-Contract.docx"),
    ("DD002-dense-comments", "corpus", "docxodus-extras/DD002-DenseComments.docx"),
    ("DD001-footnotes", "corpus", "docxodus-extras/DD001-DenseBookmarkXrefFootnote.docx"),
    ("python-redlines-old", "corpus", "python-redlines/pairs/original__modified/old.docx"),
    ("python-redlines-new", "corpus", "python-redlines/pairs/original__modified/new.docx"),
    ("fund-v1-early", "root", "samples/fund-v1-early.docx"),
    ("fund-v2-middle", "root", "samples/fund-v2-middle.docx"),
    ("fund-v3-final", "root", "samples/fund-v3-final.docx"),
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
_UNNUMBERED_STEP = re.compile(r"¶\d+")
_PAGE_NUMBER = re.compile(r"\s*(?:-\s*\d+\s*-|page\s+\d+(?:\s+of\s+\d+)?|\d+)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Agreement:
    """How a PDF's clause tree agrees with its reference's."""

    name: str
    numbered: int
    found: int
    extra: int
    aligned: int
    text_mean: float
    text_pooled: float
    whole: float
    seconds: float
    """Time to read and structure the PDF."""

    @property
    def numbers(self) -> float:
        return self.found / self.numbered if self.numbered else 1.0


def words(text: str) -> list[str]:
    """Words for comparison: Unicode compatibility forms, straight quotes and dashes,
    case folded (Word's "all caps" prints capitals the .docx text does not have)."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split()


def ratio(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """(matched words, total words) of two word lists."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(a) + len(b)


def clause_texts(document: Document) -> dict[str, str]:
    """Each numbered clause's id and its text up to the next numbered clause."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for clause in _walk(document.clauses):
        if clause.block.kind is BlockKind.OTHER or _PAGE_NUMBER.fullmatch(clause.text):
            continue
        if clause.number and not clause.is_note:
            key = _number_path(clause.id).casefold()
            while key in out:
                key += "+"
            current = out[key] = []
        if current is not None:
            current.append(clause.text)
    return {key: " ".join(parts) for key, parts in out.items()}


def _number_path(clause_id: str) -> str:
    """The clause id without its unnumbered-paragraph steps: "10¶5(1)" is item (1)
    under the fifth paragraph of 10, and which paragraph that is depends on where a
    reader split paragraphs (a page break, an address block), not on numbering."""
    return _UNNUMBERED_STEP.sub("", clause_id) or clause_id


def whole_text(document: Document) -> str:
    return " ".join(
        c.text
        for c in _walk(document.clauses)
        if c.block.kind is not BlockKind.OTHER and not _PAGE_NUMBER.fullmatch(c.text)
    )


def _walk(clauses: Sequence[Clause]) -> Iterator[Clause]:
    for clause in clauses:
        yield from clause.walk()


def agreement(name: str, pdf: Path, reference: Path, *, clean: bool = False) -> Agreement:
    """Parse both files and measure how the PDF's tree agrees with the reference's.

    `clean`: parse a text reference without its page-number lines ("PAGE 2", "- 2 -",
    "7"), which CUAD's extraction keeps and which break its own clause tree (a
    "PAGE 2" line reads as a heading, and "(g)" after it loses its clause)."""
    if clean:
        kept = [
            line
            for line in reference.read_text(encoding="utf-8").split("\n")
            if not (line.strip() and _PAGE_NUMBER.fullmatch(line))
        ]
        ref = parse_text("\n".join(kept), path=str(reference), fmt="text")
    else:
        ref = parse_file(reference)
    start = time.perf_counter()
    got = parse_file(pdf)
    seconds = time.perf_counter() - start
    ref_texts, got_texts = clause_texts(ref), clause_texts(got)
    aligned = [key for key in ref_texts if key in got_texts]
    scores = [ratio(words(ref_texts[k]), words(got_texts[k])) for k in aligned]
    matched = sum(m for m, _ in scores)
    total = sum(t for _, t in scores)
    mean = sum(2 * m / t if t else 1.0 for m, t in scores) / len(scores) if scores else 0.0
    whole_m, whole_t = ratio(words(whole_text(ref)), words(whole_text(got)))
    return Agreement(
        name=name,
        numbered=len(ref_texts),
        found=len(aligned),
        extra=sum(1 for key in got_texts if key not in ref_texts),
        aligned=len(aligned),
        text_mean=mean,
        text_pooled=2 * matched / total if total else 1.0,
        whole=2 * whole_m / whole_t if whole_t else 1.0,
        seconds=seconds,
    )


def cuad_pairs(corpus: Path) -> list[tuple[str, Path, Path]]:
    folder = corpus / CUAD
    return [(pdf.stem, pdf, pdf.with_suffix(".txt")) for pdf in sorted(folder.glob("*.pdf"))]


def docx_pairs(corpus: Path, pdf_dir: Path) -> list[tuple[str, Path, Path]]:
    """(name, PDF, .docx) for each .docx LibreOffice printed (made into `pdf_dir`)."""
    sources = []
    for name, base, relative in DOCX:
        path = (corpus if base == "corpus" else ROOT) / relative
        if path.exists():
            sources.append((name, path))
    missing = [(n, p) for n, p in sources if not (pdf_dir / f"{n}.pdf").exists()]
    if missing:
        to_pdf(missing, pdf_dir)
    return [(n, pdf_dir / f"{n}.pdf", p) for n, p in sources if (pdf_dir / f"{n}.pdf").exists()]


def to_pdf(sources: Sequence[tuple[str, Path]], out_dir: Path) -> None:
    """Print each .docx to `out_dir`/<name>.pdf with one headless soffice run."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="pdf-src-") as staging,
        tempfile.TemporaryDirectory(prefix="lo-profile-") as profile,
    ):
        # Copies under the table's names: the corpus has several old.docx/new.docx.
        copies = []
        for name, path in sources:
            copy = Path(staging) / f"{name}.docx"
            shutil.copyfile(path, copy)
            copies.append(str(copy))
        # bench.libreoffice runs soffice in its own process group with a timeout.
        libreoffice._soffice(profile, ["--convert-to", "pdf", "--outdir", str(out_dir), *copies])


def library_rows(corpus: Path) -> list[str]:
    """Raw text of each library against CUAD's text: word similarity and seconds."""
    import pypdfium2 as pdfium

    rows = ["| contract | library | word similarity | seconds |", "|---|---|---:|---:|"]
    try:
        import pdfplumber
    except ImportError:
        pdfplumber = None
    for name, pdf, txt in cuad_pairs(corpus):
        reference = words(txt.read_text(encoding="utf-8"))
        start = time.perf_counter()
        document = pdfium.PdfDocument(pdf)
        text = "\n".join(page.get_textpage().get_text_bounded() for page in document)
        document.close()
        results = [("pypdfium2", text, time.perf_counter() - start)]
        if pdfplumber is not None:
            start = time.perf_counter()
            with pdfplumber.open(pdf) as plumbed:
                text = "\n".join(page.extract_text() or "" for page in plumbed.pages)
            results.append(("pdfplumber", text, time.perf_counter() - start))
        for library, text, seconds in results:
            matched, total = ratio(words(text), reference)
            rows.append(f"| {name} | {library} | {2 * matched / total:.4f} | {seconds:.2f} |")
    return rows


def table(rows: Sequence[Agreement]) -> list[str]:
    out = [
        "| document | numbered (ref) | same number | extra numbers | clause text (mean) "
        "| clause text (pooled) | whole text | PDF parse s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        mean, pooled = (
            (f"{row.text_mean:.3f}", f"{row.text_pooled:.3f}") if row.aligned else ("–", "–")
        )
        out.append(
            f"| {row.name} | {row.numbered} | {row.found} ({row.numbers:.1%}) | {row.extra} "
            f"| {mean} | {pooled} | {row.whole:.3f} | {row.seconds:.2f} |"
        )
    numbered = sum(r.numbered for r in rows)
    found = sum(r.found for r in rows)
    if rows:
        out.append(
            f"| **all** | {numbered} | {found} ({found / max(1, numbered):.1%}) "
            f"| {sum(r.extra for r in rows)} "
            f"| {_mean(r.text_mean for r in rows if r.aligned):.3f} | | "
            f"{sum(r.whole for r in rows) / len(rows):.3f} | {sum(r.seconds for r in rows):.2f} |"
        )
    return out


def _mean(values: Iterator[float]) -> float:
    found = list(values)
    return sum(found) / len(found) if found else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pdf-dir", type=Path, help="keep LibreOffice's PDFs here (reused)")
    parser.add_argument("--libraries", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    lines = ["## CUAD sample contracts: PDF against CUAD's text extraction", ""]
    lines += table([agreement(*pair) for pair in cuad_pairs(args.corpus)])
    lines += ["", "## CUAD, reference without its page-number lines", ""]
    lines += table([agreement(*pair, clean=True) for pair in cuad_pairs(args.corpus)])
    if libreoffice.available():
        with tempfile.TemporaryDirectory(prefix="pdf-lo-") as scratch:
            pdf_dir = args.pdf_dir or Path(scratch)
            pairs = docx_pairs(args.corpus, pdf_dir)
            lines += ["", "## .docx printed to PDF by LibreOffice, against the .docx parse", ""]
            lines += table([agreement(*pair) for pair in pairs])
    else:
        lines += ["", "(soffice not installed: the LibreOffice part was skipped)"]
    if args.libraries:
        lines += ["", "## Raw text layer: pypdfium2 against pdfplumber (CUAD text)", ""]
        lines += library_rows(args.corpus)
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
