"""Real version pairs from the shared corpus: what a reviewer must (not) be told."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.parse.document import parse_file
from tests.conftest import CORPUS, corpus_path


def compare_pair(*parts: str) -> Comparison:
    folder = corpus_path(*parts)
    old = next(folder.glob("old.*"))
    new = next(folder.glob("new.*"))
    return compare(parse_file(old), parse_file(new))


@pytest.mark.parametrize(
    "pair",
    [
        "claude-commercial-terms__2025-11-11__2026-03-11",
        "reddit-tos__2024-09-25__2024-10-01",
    ],
)
def test_markup_and_renumbering_only_pairs_report_no_substantive_change(pair: str) -> None:
    comparison = compare_pair("ota-terms", "pairs", pair)
    assert comparison.substantive == ()


def test_claude_terms_renumbering_1_to_a1_is_seen_as_renumbering() -> None:
    comparison = compare_pair(
        "ota-terms", "pairs", "claude-commercial-terms__2025-11-11__2026-03-11"
    )
    renumbered = [p for p in comparison.pairs if p.status.value == "renumbered"]
    assert len(renumbered) >= 10
    assert all(p.similarity == 1.0 for p in renumbered)


def test_csa_1_0_to_1_0_1_has_exactly_one_modified_clause() -> None:
    comparison = compare_pair("commonpaper-md", "pairs", "csa-1.0__csa-1.0.1")
    changed = [p for p in comparison.pairs if p.changed]
    assert [(p.status.value, p.old, p.new) for p in changed] == [
        ("modified", ("12.3",), ("12.3",)),
    ]
    inserted = "".join(e.text for e in changed[0].edits if e.op.name == "INSERT")
    assert "Discloser" in inserted


# Every text in the corpus, notes and licences included: they are documents too.
TEXT_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_corpus_text_parses_and_rebuilds_its_source(path: Path) -> None:
    document = parse_file(path)
    assert document.clause_count > 0
    source = path.read_bytes().decode("utf-8-sig")
    assert document.source_text() == source
