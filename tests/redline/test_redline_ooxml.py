"""`draftdiff redline`: the Word document it writes, read back without LibreOffice.

Our own reader reads a redline in both views (every change accepted, every change
rejected): the accepted view must be the new version's clauses, the original view
the old one's. The XML is checked against the schema's ordering rules that Word is
strict about, and the new version's package parts must survive untouched.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from lxml import etree

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_file
from draftdiff.parse.wordml.ns import qn, wval
from draftdiff.render.docx_redline import Redline, RedlineOptions, redline_docx
from tests.conftest import CORPUS, SAMPLES

OPTIONS = RedlineOptions(author="Jane Counsel", date="2026-03-01T09:30:00Z")


def _redline(old: Path, new: Path, options: RedlineOptions = OPTIONS) -> Redline:
    return redline_docx(compare(parse_file(old), parse_file(new)), options)


def _texts(path: Path, view: str = "accepted") -> list[str]:
    return [c.display_text for c in parse_file(path, view=view).walk() if not c.is_note]


def _document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


@pytest.fixture(scope="module")
def docx_redline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Redline]:
    result = _redline(SAMPLES / "fund-v1-early.docx", SAMPLES / "fund-v2-middle.docx")
    path = tmp_path_factory.mktemp("redline") / "redline.docx"
    path.write_bytes(result.data)
    return path, result


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("fund-v1-early.docx", "fund-v2-middle.docx"),
        ("fund-v2-middle.docx", "fund-v3-final.docx"),
        ("fund-v1-early.md", "fund-v2-middle.md"),
        ("fund-v2-middle.md", "fund-v3-final.md"),
    ],
)
def test_accepting_gives_the_new_version_and_rejecting_the_old(
    old: str, new: str, tmp_path: Path
) -> None:
    result = _redline(SAMPLES / old, SAMPLES / new)
    path = tmp_path / "redline.docx"
    path.write_bytes(result.data)
    assert result.revisions > 10
    assert not result.unplaced
    assert _texts(path, "accepted") == _texts(SAMPLES / new)
    assert _texts(path, "original") == _texts(SAMPLES / old)


def test_word_level_changes_moves_and_whole_clauses(docx_redline: tuple[Path, Redline]) -> None:
    path, _ = docx_redline
    root = _document_xml(path.read_bytes())
    deleted = ["".join(d.itertext()) for d in root.iter(qn("w:del"))]
    inserted = ["".join(i.itertext()) for i in root.iter(qn("w:ins"))]
    # 3.6: "shall adopt" became "shall use reasonable efforts to adopt": words, not the clause.
    assert "use reasonable efforts to " in inserted
    # 4.3 was removed: its whole text is one deleted run.
    assert any(d.startswith("Velmora shall continue to make Contributions") for d in deleted)
    # 4.5 moved to 8.3: the two halves of the move carry the same range name.
    starts = {
        kind: [wval(e, "name") for e in root.iter(qn(f"w:{kind}RangeStart"))]
        for kind in ("moveFrom", "moveTo")
    }
    assert starts["moveFrom"] and sorted(starts["moveFrom"]) == sorted(starts["moveTo"])
    moved_away = "".join("".join(e.itertext()) for e in root.iter(qn("w:moveFrom")))
    assert "exempt the Fund" in moved_away


def test_revisions_carry_author_date_and_unique_ids(docx_redline: tuple[Path, Redline]) -> None:
    root = _document_xml(docx_redline[0].read_bytes())
    revisions = [
        e for tag in ("w:ins", "w:del", "w:moveFrom", "w:moveTo") for e in root.iter(qn(tag))
    ]
    assert revisions
    assert {wval(e, "author") for e in revisions} == {"Jane Counsel"}
    assert {wval(e, "date") for e in revisions} == {"2026-03-01T09:30:00Z"}
    ids = Counter(
        wval(e, "id")
        for tag in ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:moveFromRangeStart")
        for e in root.iter(qn(tag))
        if e.getparent() is not None
    )
    assert max(ids.values()) == 1


def test_element_order_follows_the_schema(docx_redline: tuple[Path, Redline]) -> None:
    root = _document_xml(docx_redline[0].read_bytes())
    for run in root.iter(qn("w:r")):
        children = [c.tag for c in run]
        if qn("w:rPr") in children:
            assert children.index(qn("w:rPr")) == 0
    for paragraph in root.iter(qn("w:p")):
        tags = [c.tag for c in paragraph]
        if qn("w:pPr") in tags:
            assert tags.index(qn("w:pPr")) == 0
    for ppr in root.iter(qn("w:pPr")):
        tags = [c.tag for c in ppr]
        if qn("w:rPr") in tags:
            later = tags[tags.index(qn("w:rPr")) + 1 :]
            assert set(later) <= {qn("w:sectPr"), qn("w:pPrChange")}
            mark = ppr.find(qn("w:rPr"))
            marks = [c.tag for c in mark]
            revision_tags = {qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo")}
            firsts = [t for t in marks if t in revision_tags]
            assert marks[: len(firsts)] == firsts
    # Deleted text is w:delText, never w:t; w:delText only inside deletions.
    for deletion in [*root.iter(qn("w:del")), *root.iter(qn("w:moveFrom"))]:
        if deletion.getparent().tag != qn("w:rPr"):
            assert deletion.find(f".//{qn('w:t')}") is None
    for text in root.iter(qn("w:delText")):
        assert any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in text.iterancestors())


def test_the_new_packages_numbering_and_styles_survive(
    docx_redline: tuple[Path, Redline],
) -> None:
    with (
        zipfile.ZipFile(docx_redline[0]) as ours,
        zipfile.ZipFile(SAMPLES / "fund-v2-middle.docx") as theirs,
    ):
        for name in ("word/numbering.xml", "word/styles.xml"):
            assert ours.read(name) == theirs.read(name)
    labels = [c.block.label for c in parse_file(docx_redline[0]).walk() if c.block.label]
    assert "Article 1 —" in labels and len(labels) > 20
    docx.Document(str(docx_redline[0]))  # python-docx opens it


def test_text_drafts_give_a_clean_document_with_numbers_as_text(tmp_path: Path) -> None:
    result = _redline(SAMPLES / "fund-v1-early.md", SAMPLES / "fund-v2-middle.md")
    path = tmp_path / "r.docx"
    path.write_bytes(result.data)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("3.6 ") for t in texts)
    root = _document_xml(result.data)
    assert root.find(f".//{qn('w:numPr')}") is None
    styles = {p.style.name for p in document.paragraphs}
    assert ("Title" in styles and "Heading 1" in styles) or "Heading 2" in styles


def test_comments_state_the_semantic_findings(tmp_path: Path) -> None:
    options = RedlineOptions(author="Jane Counsel", date="2026-03-01T09:30:00Z", comments=True)
    result = _redline(SAMPLES / "fund-v1-early.docx", SAMPLES / "fund-v2-middle.docx", options)
    assert result.comments >= 3
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        comments = etree.fromstring(archive.read("word/comments.xml"))
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert "comments+xml" in types and "comments.xml" in rels
    texts = ["".join(c.itertext()) for c in comments.iter(qn("w:comment"))]
    assert any(
        t.startswith("obligation weakened: shall → shall use reasonable efforts") for t in texts
    )
    root = _document_xml(result.data)
    ids = {wval(c, "id") for c in comments.iter(qn("w:comment"))}
    assert ids == {wval(r, "id") for r in root.iter(qn("w:commentReference"))}
    ranges = {wval(r, "id") for r in root.iter(qn("w:commentRangeStart"))}
    assert ranges == {wval(r, "id") for r in root.iter(qn("w:commentRangeEnd"))}
    # Kept clauses get a range; added and removed ones a point inside their revision.
    assert ranges and ranges < ids
    for reference in root.iter(qn("w:commentReference")):
        if wval(reference, "id") not in ranges:
            assert reference.getparent().getparent().tag in (qn("w:ins"), qn("w:del"))
    # Comments do not change the text either view reads.
    path = tmp_path / "c.docx"
    path.write_bytes(result.data)
    assert _texts(path) == _texts(SAMPLES / "fund-v2-middle.docx")


def test_a_draft_with_pending_changes_is_redlined_from_its_accepted_text(tmp_path: Path) -> None:
    tracked = SAMPLES / "fund-v2-tracked.docx"
    result = _redline(SAMPLES / "fund-v1-early.docx", tracked)
    path = tmp_path / "r.docx"
    path.write_bytes(result.data)
    assert _texts(path) == _texts(tracked)
    assert _texts(path, "original") == _texts(SAMPLES / "fund-v1-early.docx")
    authors = {wval(e, "author") for e in _document_xml(result.data).iter(qn("w:ins"), qn("w:del"))}
    assert authors == {"Jane Counsel"}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("WC035-Footnote-After.docx", "WC035-Footnote-Before.docx"),
        ("WC035-Footnote-Before.docx", "WC035-Footnote-After.docx"),
        ("WC035-Endnote-After.docx", "WC035-Endnote-Before.docx"),
        ("WC020-FootNote-Before.docx", "WC020-FootNote-After-2.docx"),
    ],
)
def test_notes_cited_on_one_side_only_follow_their_reference(
    old: str, new: str, tmp_path: Path
) -> None:
    """A note cited only in the old version comes back, deleted, with its reference;
    one cited only in the new version is inserted with its reference. Our reader
    appends a note's text to the clause citing it, so both views show whether the
    note is there."""
    folder = CORPUS / "oxpt-wmlcomparer" / "docs"
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set DRAFTDIFF_CORPUS)")
    result = _redline(folder / old, folder / new)
    path = tmp_path / "r.docx"
    path.write_bytes(result.data)
    assert _texts(path) == _texts(folder / new)
    assert _texts(path, "original") == _texts(folder / old)
    with zipfile.ZipFile(path) as archive:
        notes = b"".join(archive.read(n) for n in archive.namelist() if n.endswith("notes.xml"))
    root = _document_xml(result.data)
    for tag in ("w:footnoteReference", "w:endnoteReference"):
        for reference in root.iter(qn(tag)):
            assert f'w:id="{wval(reference, "id")}"'.encode() in notes
