"""The PDF reader on real PDFs (the CUAD sample contracts, beside CUAD's own text
extraction) and on broken ones: every bad PDF gets one line, exit 2, no traceback.

The agreement measure is bench.pdf_agreement's: clause numbers of the text version
found with the same id in the PDF's tree, and word similarity of the aligned clauses.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bench.pdf_agreement import agreement, clause_texts
from draftdiff.cli import main
from draftdiff.parse.document import parse_file
from tests.cli.test_errors import one_line_error, run
from tests.conftest import CORPUS

CUAD = CORPUS / "cuad" / "sample_contracts"
CONTRACTS = sorted(CUAD.glob("*.pdf")) if CUAD.is_dir() else []
needs_cuad = pytest.mark.skipif(not CONTRACTS, reason=f"CUAD sample contracts not at {CUAD}")


@needs_cuad
@pytest.mark.parametrize("pdf", CONTRACTS, ids=lambda p: p.stem.split("-")[0])
def test_cuad_pdf_tree_agrees_with_cuad_text(pdf: Path) -> None:
    # Against CUAD's text with its own page-number lines taken out (they break the
    # text's tree: "PAGE 2" reads as a heading); see bench/results/pdf_agreement.md.
    result = agreement(pdf.stem, pdf, pdf.with_suffix(".txt"), clean=True)
    assert result.numbered >= 40
    assert result.numbers >= 0.97, result
    assert result.extra <= 2, result
    assert result.text_pooled >= 0.95, result


@needs_cuad
def test_sentence_over_a_page_break_is_one_clause_and_page_numbers_are_dropped() -> None:
    document = parse_file(CUAD / "dyntek-1999-online-hosting-agreement.pdf")
    texts = clause_texts(document)
    # "... the fee for the provision of each" | - 2 - | "terminated Service shall ..."
    assert "the provision of each terminated Service shall cease" in texts["2"]
    every = [c.text for top in document.clauses for c in top.walk()]
    assert not [t for t in every if t.strip(" -").isdigit()]
    assert document.format == "pdf"


@needs_cuad
def test_running_legend_is_a_footer_not_a_clause() -> None:
    document = parse_file(CUAD / "ultragenyx-2013-supply-agreement.pdf")
    legend = "Certain information in this document has been omitted"
    footers = [p.text for p in document.page_texts if p.kind == "footer"]
    assert any(legend in text for text in footers), document.page_texts
    clauses = [c for top in document.clauses for c in top.walk()]
    assert not [c.id for c in clauses if legend in c.text]
    # The legend and the page number sat between Article 1 and Article 2 on every page.
    assert clause_texts(document)["1(3)"].startswith("Ultragenyx shall purchase the Product")


@needs_cuad
def test_cuad_pdf_reads_fast() -> None:
    import time

    # CPU time, not wall time: the test machine is shared.
    start = time.process_time()
    parse_file(CUAD / "sparklingspringwater-2002-software-license-and-maintenance-agreement.pdf")
    assert time.process_time() - start < 2.0


def _pdf(document: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _scanned() -> bytes:
    """One page holding only an image: what a scanner makes."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    bitmap = pdfium.PdfBitmap.new_native(200, 100, pdfium.raw.FPDFBitmap_BGR)
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(100, 400))
    page.insert_obj(image)
    page.gen_content()
    return _pdf(document)


def _encrypted() -> bytes:
    """A one-page PDF under the standard security handler with a user password."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <"
        + b"41" * 32
        + b"> /U <"
        + b"42" * 32
        + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    file_id = b"<00112233445566778899aabbccddeeff>"
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [%s %s] >>\n" % (
        len(objects) + 1,
        file_id,
        file_id,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _real_pdf() -> bytes:
    if CONTRACTS:
        return CONTRACTS[0].read_bytes()
    document = pdfium.PdfDocument.new()
    document.new_page(612, 792)
    return _pdf(document)


BAD = {
    "truncated": (lambda: _real_pdf()[: len(_real_pdf()) // 2], "is truncated"),
    "corrupt": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", "is not a valid PDF"),
    "encrypted": (_encrypted, "is encrypted: a password is needed"),
    "no-pages": (lambda: _pdf(pdfium.PdfDocument.new()), "is a PDF with no pages"),
    "scanned": (_scanned, "has no text layer (a scanned PDF?)"),
    "not-a-pdf": (lambda: b"PK\x05\x06" + b"\0" * 18, "is not a PDF"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_pdf_gets_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    make, problem = BAD[kind]
    bad = tmp_path / f"{kind}.pdf"
    bad.write_bytes(make())
    # In-process for speed; the subprocess test below covers the console script.
    code = main(["parse", str(bad)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1, err
    assert err.startswith(f"draftdiff: {bad}: {problem}"), err


def test_scanned_pdf_error_says_what_to_do(tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(_scanned())
    line = one_line_error(run("diff", str(bad), str(bad)))
    assert line.startswith(f"draftdiff: {bad}: has no text layer")
    assert "OCR" in line
