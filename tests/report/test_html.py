"""The HTML report's markup: self-contained, escaped, complete, in the promised order."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from draftdiff.diff.result import Change, Comparison, Ledger, Severity
from draftdiff.render.anchors import anchor
from draftdiff.render.html import render_html
from tests.report.hostile import hostile_comparison
from tests.report.semantic import sample_comparison, with_findings

OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "p", "h1", "h2", "h3",
    "div", "section", "dl", "dt", "dd", "strong", "form", "label", "select", "option", "input",
    "button", "output", "main", "table", "caption", "thead", "tbody", "tr", "th", "td", "span",
    "code", "ol", "ul", "li", "q", "mark", "del", "ins", "kbd", "footer", "script",
}  # fmt: skip


class Page(HTMLParser):
    """Every start tag with its attributes, the text of <style>/<script>, and all text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": []}
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]  # type: ignore[misc]

    def all_text(self) -> str:
        return "".join(self.text)


def page_of(comparison: Comparison) -> Page:
    return Page(render_html(comparison))


def test_report_is_self_contained() -> None:
    source = render_html(with_findings())
    page = Page(source)
    names = {tag for tag, _ in page.tags}
    assert not names & {"link", "img", "iframe", "object", "embed", "base", "video", "audio"}
    for _, attrs in page.tags:
        assert "src" not in attrs
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "@import" not in source and "url(" not in "".join(page.raw["style"])


def test_content_security_policy_allows_only_the_inlined_style_and_script() -> None:
    page = page_of(with_findings())
    csp = next(
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp and "unsafe-inline" not in csp
    for kind, directive in (("style", "style-src"), ("script", "script-src")):
        (block,) = page.raw[kind]
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_hostile_document_text_becomes_no_markup() -> None:
    page = page_of(hostile_comparison())
    assert {tag for tag, _ in page.tags} <= OUR_TAGS
    assert sum(1 for tag, _ in page.tags if tag == "script") == 1
    text = page.all_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert "{{ 7*7 }}" in text and "49" not in text
    for _, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs)  # no event handler attributes


def test_every_clause_of_both_versions_has_exactly_one_anchor() -> None:
    comparison = sample_comparison("fund-v2-middle.md", "fund-v3-final.md")
    ids = page_of(comparison).ids()
    assert len(ids) == len(set(ids))
    expected = {anchor(c.id, "new") for c in comparison.new.walk()}
    expected |= {anchor(c.id, "old") for c in comparison.old.walk()}
    assert expected <= set(ids)


def test_redline_sections_follow_the_comparison_pairs() -> None:
    comparison = sample_comparison("fund-v2-middle.md", "fund-v3-final.md")
    page = page_of(comparison)
    sections = [a for t, a in page.tags if t == "section" and "clause" in (a.get("class") or "")]
    assert [a["data-status"] for a in sections] == [p.status.value for p in comparison.pairs]
    # Only changed clauses carry a side-by-side copy; unchanged ones are shown once.
    sbs = sum(1 for t, a in page.tags if t == "div" and a.get("class") == "sbs")
    assert sbs == sum(1 for p in comparison.pairs if p.changed)


def test_changes_are_listed_most_severe_first_whatever_order_they_come_in() -> None:
    base = with_findings()
    shuffled = replace(base, changes=tuple(reversed(base.changes)))
    page = page_of(shuffled)
    severities = [a["data-severity"] for t, a in page.tags if t == "li" and a.get("data-type")]
    ranks = [Severity(s).rank for s in severities]  # type: ignore[arg-type]
    assert ranks == sorted(ranks) and len(ranks) == len(base.changes)


def test_ledger_shows_both_versions_with_deltas_and_one_sidedness() -> None:
    text = re.sub(r"\s+", " ", page_of(with_findings()).all_text())
    # Norland's two new obligations of its own are weak commitments: no duty yet; the
    # joint one ("The Parties shall consult") has a row of its own.
    assert "Norlandparty (own) 0 → 2 (+2)weak 0 → 2 0 → 0 6 → 6 0 → 0 0 → 0" in text
    assert (
        "Velmoraparty (own) 14 → 13 (−1)efforts only 0 → 2 4 → 4 1 → 2 (+1) 2 → 2 20 → 19 (−1)"
        in text
    )
    assert "Parties (jointly)all parties jointly (not in one-sidedness) 0 → 1 (+1)" in text
    assert "Boardnot a party 2 → 3 (+1)" in text
    assert "100% → 100%" in text
    assert (
        "old: Velmora bears 100% of the parties' own duties; "
        "new: Velmora bears 100% of the parties' own duties" in text
    )


def test_empty_ledgers_say_so_instead_of_an_empty_table() -> None:
    # Documents with no provisions at all (a bare list of definitions, say).
    page = page_of(replace(sample_comparison(), ledger_old=Ledger(), ledger_new=Ledger()))
    assert "No obligations, prohibitions, permissions or guarantees were found" in page.all_text()
    assert not any(a.get("class") == "ledger" for _, a in page.tags)


def test_header_names_files_schema_fallback_and_reader_notes() -> None:
    base = sample_comparison()
    new = replace(
        base.new,
        fallback="no numbered clauses found",
        notes=("3 tracked changes pending (shown accepted)",),
    )
    text = re.sub(r"\s+", " ", page_of(replace(base, new=new)).all_text())
    assert "samples/fund-v1-early.md" in text and "samples/fund-v2-middle.md" in text
    assert "schema agreement" in text
    assert "Compared paragraph by paragraph: no numbered clauses found" in text
    assert "Note: 3 tracked changes pending (shown accepted)" in text


def test_evidence_is_shown_with_its_clause_context_and_rule() -> None:
    text = re.sub(r"\s+", " ", page_of(with_findings()).all_text())
    assert "new 3.6 Velmora shall use reasonable efforts to adopt, within ninety (90) days" in text
    assert "lexicon.qualified_obligation: shall use ... efforts to" in text


@pytest.mark.parametrize("name", ["fund-v1-early.md", "fund-v3-final.md"])
def test_identical_versions_report_no_changes(name: str) -> None:
    comparison = sample_comparison(name, name)
    text = page_of(comparison).all_text()
    assert "No changes: the two versions read the same." in text


def test_a_change_without_clauses_is_listed_without_a_link() -> None:
    base = sample_comparison()
    loose = Change("value.changed", Severity.HIGH, "A figure changed somewhere", "Velmora")
    page = page_of(replace(base, changes=(loose, *base.changes)))
    first = next(a for t, a in page.tags if t == "li" and a.get("data-type"))
    assert first["data-type"] == "value.changed" and first["data-targets"] == ""
