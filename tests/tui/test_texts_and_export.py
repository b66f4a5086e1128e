"""What the panes show, as styled text: redlines, evidence highlights, badges, labels;
and the report the `e` key writes."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text

from draftdiff.diff.result import Change, Evidence, Op, Severity
from draftdiff.errors import OutputError
from draftdiff.tui.export import report_name, write_report
from draftdiff.tui.model import build_rows
from draftdiff.tui.texts import (
    DELETED,
    EVIDENCE,
    INSERTED,
    SEARCH_HIT,
    badge,
    changes_text,
    evidence_snippet,
    inline_redline,
    outline_label,
    side_texts,
)
from tests.diff.helpers import diff
from tests.tui.semantic_data import V2, V3, evidence, sample_comparison, semantic_sample


def styled(text: Text, style: Style) -> list[str]:
    """The pieces of `text` that carry `style`, in order."""
    return [text.plain[s.start : s.end] for s in text.spans if s.style == style]


def test_inline_redline_strikes_deletions_and_underlines_insertions() -> None:
    comparison = sample_comparison()
    pair = comparison.pair_for("new", "3.6")
    text = inline_redline(pair, comparison)
    assert text.plain == "".join(e.text for e in pair.edits)
    assert styled(text, INSERTED) == ["use reasonable efforts to "]
    assert styled(text, DELETED) == []


def test_evidence_is_highlighted_on_the_words_it_names_in_both_versions() -> None:
    comparison = semantic_sample()
    pair = comparison.pair_for("new", "3.6")
    found = [e for c in comparison.changes_for(pair) for e in c.evidence]
    text = inline_redline(pair, comparison, evidence=found)
    # "shall" (old, an equal run) and "shall use reasonable efforts to" (new, equal + inserted).
    highlighted = styled(text, EVIDENCE)
    assert "shall" in highlighted
    assert "".join(highlighted).count("use reasonable efforts to") == 1


def test_evidence_in_a_moved_clause_uses_its_own_versions_offsets() -> None:
    comparison = semantic_sample()
    pair = comparison.pair_for("new", "7.4")  # was 7.3, its duty weakened to efforts
    found = [e for c in comparison.changes_for(pair) for e in c.evidence]
    old, new = side_texts(pair, comparison, evidence=found)
    # Each version's cue on its own words: the new one's longer cue does not spill
    # over the old text ("shall permit persons designated by").
    assert styled(old, EVIDENCE) == ["shall"]
    assert styled(new, EVIDENCE) == ["shall use reasonable efforts to"]


def test_evidence_in_the_second_part_of_a_split_lands_in_that_part() -> None:
    comparison = sample_comparison("samples/fund-v2-middle.md", "samples/fund-v3-final.md")
    pair = comparison.pair_for("new", "5.5")
    assert pair.new == ("5.4", "5.5")
    # The samples' only split (5.4) is cosmetic, so no finding points into it: a cue
    # placed in the real text of its second part.
    cue = evidence(comparison, "new", "5.5", "annually", "test")
    text = inline_redline(pair, comparison, evidence=[cue])
    assert styled(text, EVIDENCE) == ["annually"]
    assert "\n" in text.plain  # the two parts show on their own lines


def test_evidence_about_another_clause_is_not_drawn_in_this_redline() -> None:
    comparison = semantic_sample()
    pair = comparison.pair_for("new", "3.6")
    # No finding on the samples cites another clause (a redefined term's evidence stays
    # in its definition), so the case is made: a cue in 4.1, offered to 3.6's redline.
    elsewhere = Evidence("new", "4.1", "shall", 8, "test")
    assert styled(inline_redline(pair, comparison, evidence=[elsewhere]), EVIDENCE) == []


def test_search_hits_are_highlighted_in_the_redline() -> None:
    comparison = sample_comparison()
    pair = comparison.pair_for("new", "3.6")
    text = inline_redline(pair, comparison, query="AGREEMENT")
    assert styled(text, SEARCH_HIT) == ["Agreement", "Agreement"]


def test_side_by_side_shows_each_versions_own_words() -> None:
    comparison = sample_comparison()
    pair = comparison.pair_for("new", "9.1")
    old, new = side_texts(pair, comparison)
    assert old.plain == comparison.clause("old", "9.1").text
    assert new.plain == comparison.clause("new", "9.1").text
    assert all(e.text in old.plain for e in pair.edits if e.op is Op.DELETE)


def test_evidence_snippet_quotes_the_sentence_around_the_cue() -> None:
    comparison = semantic_sample()
    condition = next(c for c in comparison.changes if c.type == "condition.added")
    (cue,) = condition.evidence  # 9.1's new carve-out
    snippet = evidence_snippet(cue, comparison)
    assert snippet.plain.startswith("new 9.1: …")
    assert styled(snippet, EVIDENCE) == ["to the extent permitted by the law of"]
    assert "due under Article 4, to the extent permitted by the law of Velmora." in snippet.plain
    assert snippet.plain.endswith("(lexicon.condition: to the extent permitted by the law of)")


def test_changes_list_puts_semantic_changes_before_clause_level_ones() -> None:
    comparison = semantic_sample()
    # Added 2.6 holds Norland's new weak commitment: one finding, with both facets.
    row = next(r for r in build_rows(comparison) if r.ids == "2.6")
    (change,) = row.changes
    plain = changes_text(row.changes, comparison).plain
    assert plain.startswith("LOW    obligation.added + clause.added  Norland")
    assert "intends to" in plain  # its evidence, quoted
    # Beside a more severe clause-level change, the finding with the evidence still comes
    # first.
    moved = Change("clause.moved", Severity.MEDIUM, "2.6 moved", old_clause="2.5", new_clause="2.6")
    plain = changes_text((moved, change), comparison).plain
    assert plain.index("obligation.added") < plain.index("clause.moved")
    assert plain.index("LOW") < plain.index("MEDIUM")


def test_badges_are_short_and_distinct_for_every_semantic_code() -> None:
    from draftdiff.tui.texts import SEMANTIC_CODES

    badges = [badge(code) for code in SEMANTIC_CODES]
    assert len(set(badges)) == len(badges)
    assert max(map(len, badges)) <= 6
    assert badge("obligation.weakened") == "duty↓"
    assert badge("guarantee.removed") == "−guar"
    assert badge("obligation.added", weak=True) == "+weak"
    assert "+weak" not in badges  # distinct from every code's own badge
    assert badge("permission.added", weak=True) == "+may"  # only obligations can be weak
    assert badge("something.new") == "something.new"  # a code added later still shows


def test_outline_label_shows_status_number_badges_and_title() -> None:
    rows = build_rows(semantic_sample())
    row = next(r for r in rows if r.ids == "9.1")
    label = outline_label(row)
    assert label.plain.startswith("~ 9.1 guar↓ +cond  ")
    assert "The Government of the Republic of Velmora guarantees" in label.plain


def test_a_new_weak_commitment_is_badged_weak_and_a_new_duty_as_a_duty() -> None:
    # Both are obligation.added; only the second binds (`draftdiff diff` v1 → v2 and
    # v2 → v3: "new weak commitment" against "new obligation").
    early = {r.ids: r for r in build_rows(semantic_sample())}
    assert outline_label(early["4.4"]).plain.startswith("+ 4.4 +weak  Norland will consider")
    assert outline_label(early["10.3"]).plain.startswith("+ 10.3 +weak  The Parties will")
    late = {r.ids: r for r in build_rows(sample_comparison(V2, V3))}
    assert outline_label(late["4.5"]).plain.startswith("+ 4.5 +duty  Norland undertakes to")
    assert outline_label(late["10.3"]).plain.startswith("+ 10.3 +weak  Norland supports")
    assert [c.type for c in late["10.3"].weak] == ["obligation.added"]
    assert late["4.5"].weak == ()


def test_clause_text_with_brackets_is_kept_verbatim_in_every_text() -> None:
    comparison = diff(
        ["1.1 The Supplier shall deliver by [insert date] [/note]."],
        ["1.1 The Supplier shall deliver by [bold]1 May 2025[/bold] [/note]."],
    )
    row = build_rows(comparison)[0]
    assert "by [bold]1 May 2025[/bold] [/not" in outline_label(row).plain
    old, new = side_texts(row.pair, comparison)
    assert old.plain == "The Supplier shall deliver by [insert date] [/note]."
    assert new.plain == "The Supplier shall deliver by [bold]1 May 2025[/bold] [/note]."
    assert "[/note]" in inline_redline(row.pair, comparison).plain


def test_report_is_the_self_contained_html_report(tmp_path: Path) -> None:
    comparison = sample_comparison()
    path = write_report(comparison, tmp_path)
    assert path.name == report_name(comparison, ".html")
    page = path.read_text(encoding="utf-8")
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert "Reconstruction Investment Fund Agreement" in page


def test_report_is_html_once_render_html_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = types.ModuleType("draftdiff.render.html")
    html.render_html = lambda c: f"<!doctype html><title>{c.new.title}</title>"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "draftdiff.render.html", html)
    path = write_report(sample_comparison(), tmp_path)
    assert path.name == "draftdiff-fund-v1-early-vs-fund-v2-middle.html"
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_report_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="folder does not exist"):
        write_report(sample_comparison(), tmp_path / "nowhere")
