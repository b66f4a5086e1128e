"""The redline through an independent oracle: LibreOffice accepts or rejects it all.

Headless soffice (bench/libreoffice.py's Basic macro, through bench/redline_roundtrip.py)
accepts every tracked change of each redline, and in another run rejects them; its
text export must then be the new version's (as LibreOffice exports it) and the old
one's, paragraph by paragraph. One soffice run per direction for every pair below,
about 15-25 s in all on this machine: the price of an oracle that is not our code.
Every pair of the corpus (110) is run by `python -m bench.redline_roundtrip`.
"""

from __future__ import annotations

import os

import pytest

from bench import libreoffice
from bench.redline_roundtrip import Pair, Result, corpus_pairs, run, sample_pairs
from tests.conftest import CORPUS

if not libreoffice.available():
    if os.environ.get("CI"):
        pytest.fail("soffice missing: .ci/run installs libreoffice-writer-nogui", pytrace=False)
    pytest.skip(
        "soffice not installed (apt-get install libreoffice-writer-nogui)", allow_module_level=True
    )

# WmlComparer pairs that exercise one thing each: words inserted and deleted at the
# start, middle and end, a paragraph deleted and restored, table rows and cells,
# merged cells, a nested table, a hyperlink, a simple field, line breaks, footnotes
# cited on one side only, a paragraph moved into a table, French text.
WMLCOMPARER = {
    "WC-1010", "WC-1020", "WC-1030", "WC-1050", "WC-1100", "WC-1110", "WC-1140", "WC-1150",
    "WC-1190", "WC-1200", "WC-1380", "WC-1370", "WC-1580", "WC-1780", "WC-1850", "WC-1980",
    "WC-1410", "WC-1650",
}  # fmt: skip
REAL = {"original__modified", "nvca-spa-source__filled", "csa-2.1-md__csa-2.1-docx"}


def _pairs() -> list[Pair]:
    pairs = sample_pairs()
    if CORPUS.is_dir():
        pairs += [p for p in corpus_pairs(CORPUS) if p.name in WMLCOMPARER | REAL]
    return pairs


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    work = tmp_path_factory.mktemp("redline-lo")
    return {r.pair.name: r for r in run(_pairs(), work, comments=True)}


@pytest.mark.parametrize("name", [p.name for p in sample_pairs()])
def test_samples_round_trip_both_ways(name: str, results: dict[str, Result]) -> None:
    result = results[name]
    assert result.revisions > 10
    assert result.accept_ok, result.detail
    if name != "v1-early.md->v2-middle.docx":
        assert result.reject_ok, result.detail


def test_corpus_pairs_round_trip_both_ways(results: dict[str, Result]) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set DRAFTDIFF_CORPUS)")
    names = WMLCOMPARER | {"original__modified"}
    found = {n: r for n, r in results.items() if n in names}
    assert len(found) == len(names)
    failed = {n: r.detail for n, r in found.items() if not (r.accept_ok and r.reject_ok)}
    assert not failed
    # WC056 (French) differs in formatting only: no tracked change, and none needed.
    assert all(r.revisions for n, r in found.items() if n != "WC-1980")


def test_real_agreements_accept_to_the_new_text(results: dict[str, Result]) -> None:
    """The NVCA purchase agreement (template -> filled) and Common Paper's CSA
    (Markdown -> Word): accept all gives the new text exactly. Reject all differs
    where Word's own numbering stands outside the text (see the README)."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set DRAFTDIFF_CORPUS)")
    for name in ("nvca-spa-source__filled", "csa-2.1-md__csa-2.1-docx"):
        assert results[name].accept_ok, results[name].detail
        assert results[name].revisions > 40


def test_a_cross_format_redline_keeps_typed_and_word_numbers_apart(
    results: dict[str, Result],
) -> None:
    result = results["v1-early.md->v2-middle.docx"]
    assert result.accept_ok
    # "Article 1 — Definitions" typed in Markdown is "Article 1 —" numbered by Word.
    assert "Article 1 — Article 1" not in result.detail
