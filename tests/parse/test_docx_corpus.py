"""The .docx reader on real documents: every corpus file reads, in bounded time, and
the real pairs compare into something a reviewer can use."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from draftdiff.diff.compare import compare
from draftdiff.errors import InputError
from draftdiff.parse.document import parse_file
from tests.conftest import CORPUS, corpus_path

ALL_DOCX = sorted(CORPUS.rglob("*.docx"))
# Measured: the slowest corpus file (a 3,500-item list) reads in about 2 s on a CI
# machine; a hang or a quadratic blow-up would exceed this by far.
SECONDS_PER_FILE = 20


def test_corpus_has_the_docx_files() -> None:
    assert len(ALL_DOCX) >= 200


def test_every_corpus_docx_reads_without_an_exception_in_bounded_time() -> None:
    """Both views of every file; the original view only differs where revisions are."""
    slow = []
    for path in ALL_DOCX:
        for view in ("accepted", "original"):
            start = time.perf_counter()
            try:
                document = parse_file(path, view=view)
            except InputError as err:  # a clear refusal is allowed; none is expected here
                pytest.fail(f"{path}: {err}")
            seconds = time.perf_counter() - start
            if seconds > SECONDS_PER_FILE:
                slow.append(f"{path.name} {seconds:.1f}s")
            assert document.format == "docx"
            if not document.pending_revisions:
                break
    assert not slow


def _pair(name: str, *parts: str) -> tuple[Path, Path]:
    folder = corpus_path(name, *parts)
    return folder / "old.docx", folder / "new.docx"


def test_nvca_template_to_filled_agreement_reads_like_a_review() -> None:
    old_path, new_path = _pair("docx-real-legal", "pairs", "nvca-spa-source__filled")
    old, new = parse_file(old_path), parse_file(new_path)
    comparison = compare(old, new)
    counts = comparison.status_counts()
    # The clause skeleton survives: most clauses are paired, few rewritten beyond recognition.
    assert counts["unchanged"] >= 150
    assert 40 <= counts["modified"] <= 90
    assert counts["added"] <= 10
    # The 109 drafting footnotes of the template are removed, each under its own clause,
    # as low notes; none of their advice ("The Company may want to ...") reads as a duty.
    removed_notes = [c for c in comparison.changes if c.type == "note.removed"]
    assert len(removed_notes) >= 100
    assert {c.severity.value for c in removed_notes} == {"low"}
    assert any(c.old_clause == "2.2¶1" for c in removed_notes)
    from_notes = [
        c
        for c in comparison.changes
        if c.family not in ("note", "clause", "text", "heading")
        and c.old_clause is not None
        and comparison.clause("old", c.old_clause).is_note
    ]
    assert from_notes == []
    # Clauses set in Heading styles are provisions: a filled-in blank is a clause change,
    # never a mere heading edit.
    headings = [c for c in comparison.changes if c.type == "heading.changed"]
    assert len(headings) <= 5
    at_1_4_g = [c.type for c in comparison.changes if c.new_clause == "1.4(g)"]
    assert at_1_4_g == ["term.redefined"]  # the definition of "Indemnification Agreement"
    # Options chosen in brackets become plain word edits in the numbered clause.
    pair = comparison.pair_for("new", "1.4(g)")
    assert pair.text("old").endswith(
        "[list the individual director names], in the form of Exhibit D attached to this Agreement."
    )
    assert "Dana Lee; Victor Chen; Priya Rao" in pair.text("new")


def test_common_paper_csa_markdown_and_docx_compare_as_the_same_terms() -> None:
    folder = corpus_path("commonpaper-md", "pairs", "csa-2.1-md__csa-2.1-docx")
    md, word = parse_file(folder / "old.md"), parse_file(folder / "new.docx")
    comparison = compare(md, word)
    statuses = comparison.status_counts()
    # Every standard-terms clause of the Markdown is found in the Word file.
    assert statuses["removed"] == 0
    # What differs is real: curly quotes (cosmetic), "a." sub-items printed "(a)" in Word
    # (renumbered), and the order form / cover page only the .docx template has (added).
    reworded = [p for p in comparison.pairs if p.status.value == "modified" and not p.cosmetic]
    assert reworded == []
    renumbered = [p for p in comparison.pairs if p.status.value == "renumbered"]
    assert all(
        word.clause(p.new[0]).number == f"({md.clause(p.old[0]).number})" for p in renumbered
    )
    assert word.clause("1.1").text.startswith("Access and Use. During the Subscription Period")


def test_python_redlines_expected_redline_views_are_the_two_versions() -> None:
    folder = corpus_path("python-redlines", "pairs", "original__modified")
    redline = folder / "expected_redline.docx"
    accepted = compare(parse_file(folder / "new.docx"), parse_file(redline))
    original = compare(parse_file(folder / "old.docx"), parse_file(redline, view="original"))
    for comparison in (accepted, original):
        assert set(comparison.status_counts()) == {"unchanged"}
    assert parse_file(redline).pending_revisions == 9
    assert parse_file(redline).revision_authors == ("TestAuthor",)
