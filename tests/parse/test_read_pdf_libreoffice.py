"""The PDF reader against the .docx reader: LibreOffice prints .docx files to PDF and
the PDF's clause tree must be the .docx's.

Three documents, printed in one headless soffice run (about 5 s):
- the bundled sample fund-v1-early.docx (auto-numbered clauses);
- a four-page agreement built here with a running footer carrying the page number,
  a footnote, and clauses running over page breaks (its sentences repeat, so a body
  line recurs at the top of several pages: it must not be taken for a header);
- a two-column section of numbered clauses.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench import libreoffice
from bench.pdf_agreement import agreement, clause_texts, to_pdf
from draftdiff.model import BlockKind
from draftdiff.parse.document import parse_file
from tests.conftest import SAMPLES
from tests.parse.docx_build import docx, p, run

if not libreoffice.available():
    if os.environ.get("CI"):
        pytest.fail("soffice missing: .ci/run installs libreoffice-writer-nogui", pytrace=False)
    pytest.skip(
        "soffice not installed (apt-get install libreoffice-writer-nogui)", allow_module_level=True
    )

SENTENCE = (
    "The Supplier shall deliver the Goods to the premises of the Customer within thirty "
    "days of each order, and shall bear the cost of carriage, insurance and unloading until "
    "the Goods are accepted in writing by the Customer. "
)
FOOTER = "Acme Draft 3 - Confidential - Page "
NOTE = "Net sixty days is the Customer's standard term."
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:footnote>"
)


def _running() -> bytes:
    body = p("MASTER SUPPLY AGREEMENT", ppr='<w:jc w:val="center"/>')
    for n in range(1, 13):
        if n == 2:
            reference = (
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                '<w:footnoteReference w:id="2"/></w:r>'
            )
            runs = run("2. Price. The Customer shall pay the price within sixty days.")
            body += p(runs=runs + reference + run(" " + SENTENCE * 4))
        else:
            body += p(runs=run(f"{n}. Heading {n}. " + SENTENCE * 5))
    note = (
        '<w:footnote w:id="2"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        '<w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="18"/>'
        f'</w:rPr><w:t xml:space="preserve"> {NOTE}</w:t></w:r></w:p></w:footnote>'
    )
    footer = p(
        runs=run(FOOTER) + '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    )
    return docx(body, footnotes=_SEPARATORS + note, footers={"default": footer})


def _columns() -> bytes:
    body = p("TWO COLUMN TERMS", ppr='<w:jc w:val="center"/>')
    for n in range(1, 9):
        body += p(runs=run(f"{n}. Term {n}. " + SENTENCE * 3))
    return docx(body + '<w:sectPr><w:cols w:num="2" w:space="720"/></w:sectPr>')


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """name -> (PDF printed by LibreOffice, the .docx it was printed from)."""
    folder = tmp_path_factory.mktemp("pdf-lo")
    sources = {
        "running": folder / "running.docx",
        "columns": folder / "columns.docx",
        "fund-v1-early": folder / "fund-v1-early.docx",
    }
    sources["running"].write_bytes(_running())
    sources["columns"].write_bytes(_columns())
    shutil.copyfile(SAMPLES / "fund-v1-early.docx", sources["fund-v1-early"])
    to_pdf(list(sources.items()), folder)
    out = {name: (folder / f"{name}.pdf", path) for name, path in sources.items()}
    missing = [name for name, (pdf, _) in out.items() if not pdf.exists()]
    assert not missing, f"LibreOffice did not print {missing}"
    return out


@pytest.mark.parametrize("name", ["running", "columns", "fund-v1-early"])
def test_pdf_tree_is_the_docx_tree(printed: dict[str, tuple[Path, Path]], name: str) -> None:
    pdf, source = printed[name]
    result = agreement(name, pdf, source)
    assert result.numbered >= 8
    assert (result.numbers, result.extra) == (1.0, 0), result
    assert result.text_pooled >= 0.99, result


def test_running_footer_and_footnote_are_kept_apart(
    printed: dict[str, tuple[Path, Path]],
) -> None:
    pdf, _ = printed["running"]
    document = parse_file(pdf)
    assert [(t.kind, t.text) for t in document.page_texts] == [("footer", FOOTER.strip())]
    clauses = [c for top in document.clauses for c in top.walk()]
    assert not [c.id for c in clauses if "Confidential" in c.text]
    notes = [c for c in clauses if c.block.kind is BlockKind.NOTE]
    assert [n.text for n in notes] == [f"[Footnote: {NOTE}]"]
    price = next(c for c in clauses if c.id == "2")
    assert notes[0] in price.children
    # The reference mark is cut out of the clause text, not left as "days.2".
    assert clause_texts(document)["2"].startswith(
        "Price. The Customer shall pay the price within sixty days. The Supplier"
    )


def test_docx_against_its_own_pdf_reports_no_change(
    printed: dict[str, tuple[Path, Path]],
) -> None:
    # A reviewer comparing the Word draft with the PDF sent out must see nothing: the
    # sample's footer ("Draft of 10 February 2025") also opens its first page as body
    # text, and only the footer copies may go.
    from draftdiff.diff.compare import compare

    pdf, source = printed["fund-v1-early"]
    comparison = compare(parse_file(source), parse_file(pdf))
    assert [c.summary for c in comparison.changes] == []
