"""Several versions: pairs to pick, a clause's history through all three sample drafts,
loading in the background (threads and processes) with progress."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from draftdiff.errors import DraftdiffError
from draftdiff.parse.document import parse_file
from draftdiff.tui.background import in_daemon_thread, parse_files
from draftdiff.tui.history import clause_history
from draftdiff.tui.versions import VersionSet
from tests.tui.semantic_data import V1, V2, V3


@pytest.fixture(scope="module")
def three() -> VersionSet:
    versions = VersionSet([V1, V2, V3])
    versions.load(versions.consecutive())
    return versions


def history(versions: VersionSet, version: int, *ids: str) -> list[tuple[tuple[str, ...], str]]:
    consecutive = [versions.comparison(k) for k in versions.consecutive()]
    return [(s.ids, s.status) for s in clause_history(consecutive, version, ids)]


def test_pairs_offer_consecutive_versions_first_and_default_to_the_first() -> None:
    versions = VersionSet(["a.md", "b.md", "c.md", "d.md"])
    assert versions.pairs()[:3] == ((0, 1), (1, 2), (2, 3))
    assert set(versions.pairs()[3:]) == {(0, 2), (0, 3), (1, 3)}
    assert versions.default_pair == (0, 1)
    assert versions.pair_label((0, 2)) == "v1 a.md → v3 c.md"
    assert VersionSet(["old.md", "new.md"]).pair_label((0, 1)) == "old.md → new.md"
    same_name = VersionSet(["draft-1/terms.md", "draft-2/terms.md"])
    assert same_name.pair_label((0, 1)) == "draft-1/terms.md → draft-2/terms.md"


def test_a_moved_then_renumbered_clause_is_followed_through_every_version(
    three: VersionSet,
) -> None:
    # The tax exemption: 4.5 in v1, moved to 8.3 in v2, renumbered 8.2 in v3.
    assert history(three, 0, "4.5") == [
        (("4.5",), ""),
        (("8.3",), "moved"),
        (("8.2",), "renumbered"),
    ]
    # Asked from the last version, the same story.
    assert history(three, 2, "8.2") == history(three, 0, "4.5")


def test_a_split_clause_is_followed_into_both_parts(three: VersionSet) -> None:
    steps = history(three, 1, "5.4")
    assert steps[2] == (("5.4", "5.5"), "split")
    assert steps[0][0] == ("5.4",)


def test_a_clause_added_later_is_absent_from_earlier_versions(three: VersionSet) -> None:
    # 10.4 (consult within 72 hours) first appears in v3.
    steps = history(three, 2, "10.4")
    assert steps[0] == ((), "")
    assert steps[1] == ((), "")
    assert steps[2] == (("10.4",), "added")


def test_a_removed_clause_is_absent_from_later_versions(three: VersionSet) -> None:
    # v1 4.3 (the USD 500 billion target) is gone in v2.
    steps = history(three, 0, "4.3")
    assert steps[1] == ((), "removed")
    assert steps[2] == ((), "")


def test_load_reports_each_step_and_computes_only_what_is_missing() -> None:
    versions = VersionSet([V1, V2, V3])
    seen: list[tuple[str, int, int]] = []
    versions.load([(1, 2)], lambda stage, done, total: seen.append((stage, done, total)))
    assert seen[0] == ("Reading fund-v2-middle.md, fund-v3-final.md", 0, 3)
    assert seen[-1] == ("Compared fund-v2-middle.md → fund-v3-final.md", 3, 3)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)
    assert versions.has([(1, 2)]) and not versions.has([(0, 1)])
    seen.clear()
    versions.load([(0, 1), (1, 2)], lambda stage, done, total: seen.append((stage, done, total)))
    assert seen[0] == ("Reading fund-v1-early.md", 0, 2)  # v2 is parsed already


def test_a_pair_out_of_range_is_refused() -> None:
    with pytest.raises(IndexError):
        VersionSet([V1, V2]).load([(1, 0)])


def test_parsing_in_child_processes_gives_the_same_documents() -> None:
    done: list[int] = []
    parallel = parse_files([V1, V3], None, done.append, parallel=True)
    assert parallel == [parse_file(V1), parse_file(V3)]
    assert sorted(done) == [0, 1]


def test_a_child_process_error_names_the_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DraftdiffError, match=f"^{junk}: .*binary"):
        parse_files([V1, str(junk)], None, parallel=True)


def test_daemon_thread_hands_back_the_result_or_the_exception() -> None:
    async def run() -> tuple[int, str]:
        value = await in_daemon_thread(lambda: 6 * 7)
        try:
            await in_daemon_thread(lambda: int("seven"))
        except ValueError as err:
            return value, str(err)
        return value, ""

    assert asyncio.run(run()) == (42, "invalid literal for int() with base 10: 'seven'")
