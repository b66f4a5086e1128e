"""The HTML report in a real browser (Debian's Chromium through Playwright).

Each test opens a report written to disk from file://, as a reader would, and
checks what the reader would notice: filters, deep links, the side-by-side
switch, keys, the page without JavaScript, that nothing leaves file://, that
hostile document text stays text, and that colours are readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.parse.document import parse_file, parse_text
from draftdiff.render.html import render_html
from tests.cli.test_named_parties import NEW as SUPPLY_NEW
from tests.cli.test_named_parties import OLD as SUPPLY_OLD
from tests.conftest import corpus_path
from tests.report.hostile import hostile_comparison
from tests.report.semantic import sample_comparison, with_findings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CORPUS_PAIRS = {
    "chatgpt": ("ota-terms", "pairs", "chatgpt-tos__2026-01-16__2026-06-29"),
    "csa": ("commonpaper-md", "pairs", "csa-1.0__csa-2.1"),
}


def write(folder: Path, name: str, comparison: Comparison) -> Path:
    path = folder / f"{name}.html"
    path.write_text(render_html(comparison), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    out = {
        "findings": write(folder, "findings", with_findings()),
        "v2v3": write(folder, "v2v3", sample_comparison("fund-v2-middle.md", "fund-v3-final.md")),
        "hostile": write(folder, "hostile", hostile_comparison()),
        "one_party": write(
            folder,
            "one_party",
            compare(
                parse_text(SUPPLY_OLD, path="supply-v1.md"),
                parse_text(SUPPLY_NEW, path="supply-v2.md"),
            ),
        ),
    }
    for name, parts in CORPUS_PAIRS.items():
        pair = corpus_path(*parts)
        comparison = compare(
            parse_file(next(pair.glob("old.*"))), parse_file(next(pair.glob("new.*")))
        )
        out[name] = write(folder, name, comparison)
    return out


class Opened:
    """A report open in a page, with every request and script error it caused."""

    def __init__(self, page: Page, path: Path, fragment: str = "") -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri() + fragment)

    def visible(self, selector: str) -> list[str]:
        """The `id` (or text) of each visible element matching `selector`."""
        return list(
            self.page.eval_on_selector_all(
                selector,
                "els => els.filter(e => e.offsetParent !== null || e.getClientRects().length)"
                ".map(e => e.id || e.textContent.trim())",
            )
        )

    def change_types(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                "#changes li.change",
                "els => els.filter(e => !e.hidden).map(e => e.dataset.type)",
            )
        )

    def clauses(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                "#redline section.clause", "els => els.filter(e => !e.hidden).map(e => e.id)"
            )
        )


OpenReport = Callable[..., Opened]
"""opened(name, fragment="") opens one of the `reports` in the test's page."""


@pytest.fixture
def opened(page: Page, reports: dict[str, Path]) -> OpenReport:
    def open_report(name: str, fragment: str = "") -> Opened:
        return Opened(page, reports[name], fragment)

    return open_report


def by_id(page: Page, element_id: str) -> str:
    # Clause ids hold dots and underscores: a CSS id selector would need escaping.
    return f'[id="{element_id}"]'


# --- warnings -------------------------------------------------------------------------


def test_a_party_not_found_is_a_visible_warning_and_its_duties_a_row_of_their_own(
    opened: OpenReport,
) -> None:
    report = opened("one_party")
    warnings = report.page.locator(".warnings .notice.warning")
    assert warnings.count() == 4 and warnings.first.is_visible()
    assert "only one party found (Supplier)" in warnings.first.inner_text()
    assert report.page.locator('[data-code="parties.unknown_subject"]').count() == 2
    rows = report.page.eval_on_selector_all(
        "table.ledger tbody tr", "rows => rows.map(r => r.className + ' ' + r.dataset.party)"
    )
    assert rows == [
        "group-own Supplier",
        "group-joint Parties (jointly)",
        "group-other Harbor Tools",
    ]
    burden = report.page.locator("p.burden").inner_text()
    assert "not computed: only one party found (Supplier)" in burden


# --- self-contained -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["findings", "v2v3", "hostile", "chatgpt", "csa"])
def test_report_loads_nothing_but_itself_and_runs_without_errors(
    opened: OpenReport, name: str
) -> None:
    report = opened(name)
    report.page.wait_for_load_state("load")
    assert report.requests and all(u.startswith("file://") for u in report.requests), (
        report.requests
    )
    assert len(report.requests) == 1  # the report itself: no font, image, script or style
    # CSP violations and script errors show up here; our own inline code must pass.
    assert report.errors == []
    assert report.page.locator("#f-count").inner_text().startswith("showing ")


# --- filters ---------------------------------------------------------------------------


# The high-severity changes of v1 → v2, in report order: Velmora's softened duties and
# guarantee, and the key clauses (contributions, governance, security, entry into force)
# the schema's stakes raise (draftdiff/diff/stakes.py).
HIGH_V1_V2 = [
    "obligation.weakened",
    "obligation.removed",  # + clause.removed: old 4.3 and the capped duty it held
    "value.changed",
    "clause.modified",
    "permission.removed",  # + clause.removed: old 5.6
    "obligation.weakened",
    "guarantee.weakened",
    "condition.added",
    "clause.removed",
    "obligation.added",  # + clause.added: 10.3, in the security article
    "clause.modified",
]
HIGH_V1_V2_VELMORA = [
    "obligation.weakened",
    "obligation.removed",
    "permission.removed",
    "obligation.weakened",
    "guarantee.weakened",
    "condition.added",
]


def test_party_filter_keeps_only_that_partys_changes_and_their_clauses(opened: OpenReport) -> None:
    report = opened("findings")
    report.page.select_option("#f-party", label="Norland")
    # 2.6 and 4.4 are new clauses with new weak commitments: one finding each.
    assert report.change_types() == ["value.changed", "obligation.added", "obligation.added"]
    assert report.clauses() == ["clause-2.6", "clause-4.4", "clause-5.2"]
    report.page.select_option("#f-party", label="Velmora")
    assert report.change_types() == [
        "obligation.weakened",
        "obligation.removed",
        "permission.removed",
        "obligation.weakened",
        "guarantee.weakened",
        "condition.added",
        "permission.added",
        "permission.added",
    ]
    # The redefined terms (1.1(f), 1.1(i)) carry no party: a definition binds nobody.
    assert report.clauses() == [
        "clause-3.6",
        "old-clause-4.3",
        "clause-5.2",
        "old-clause-5.6",
        "clause-7.2",
        "clause-7.4",
        "clause-9.1",
    ]
    count = report.page.locator("#f-count").inner_text()
    assert count.startswith("showing 8/") and " 7/" in count


def test_type_filter_keeps_one_change_type(opened: OpenReport) -> None:
    report = opened("findings")
    report.page.select_option("#f-type", "obligation.weakened")
    assert report.change_types() == ["obligation.weakened", "obligation.weakened"]
    assert report.clauses() == ["clause-3.6", "clause-7.4"]
    report.page.select_option("#f-type", "substantive")
    types = report.change_types()
    assert "clause.renumbered" not in types and "clause.modified" in types
    assert "clause-4.3" not in report.clauses()  # 4.4 → 4.3 was only renumbered


def test_severity_filter_keeps_that_severity_or_higher(opened: OpenReport) -> None:
    report = opened("findings")
    report.page.select_option("#f-severity", "high")
    assert report.change_types() == HIGH_V1_V2
    report.page.select_option("#f-severity", "medium")
    severities = report.page.eval_on_selector_all(
        "#changes li.change", "els => els.filter(e => !e.hidden).map(e => e.dataset.severity)"
    )
    # 12 medium findings before clause.added/removed were folded into the provision found
    # with them (old 4.3, 5.6; new 2.6, 4.4, 7.2, 10.3), whose own severity stands.
    assert set(severities) == {"high", "medium"} and severities.count("medium") == 6


def test_type_filter_finds_a_change_by_its_facet(opened: OpenReport) -> None:
    # A new clause with a new duty is one finding, obligation.added + clause.added: the
    # clause.added filter still shows it, beside the new definition 1.1(e).
    report = opened("findings")
    report.page.select_option("#f-type", "clause.added")
    assert report.change_types() == [
        "obligation.added",  # 10.3, high: a commitment in the security article
        "clause.added",
        "obligation.added",
        "obligation.added",
        "permission.added",
    ]
    codes = report.page.eval_on_selector_all(
        "#changes li.change",
        "els => els.filter(e => !e.hidden).map(e => e.querySelector('.type').textContent)",
    )
    assert codes[0] == "obligation.added + clause.added"


def test_filters_combine_and_reset_restores_everything(opened: OpenReport) -> None:
    report = opened("findings")
    total = len(report.change_types())
    report.page.select_option("#f-party", label="Velmora")
    report.page.select_option("#f-severity", "high")
    assert report.change_types() == HIGH_V1_V2_VELMORA
    report.page.select_option("#f-type", "clause.added")
    assert report.change_types() == []
    assert report.page.locator("#no-match").is_visible()
    report.page.click("#f-reset")
    assert len(report.change_types()) == total
    assert not report.page.locator("#no-match").is_visible()


def test_unchanged_clauses_can_be_hidden(opened: OpenReport) -> None:
    report = opened("v2v3")
    everything = report.clauses()
    report.page.uncheck("#f-unchanged")
    changed = report.clauses()
    assert 0 < len(changed) < len(everything)
    statuses = report.page.eval_on_selector_all(
        "#redline section.clause",
        "els => els.filter(e => !e.hidden).map(e => e.dataset.status)",
    )
    assert "unchanged" not in statuses


# --- deep links, keys, side by side ----------------------------------------------------


def test_deep_link_shows_the_clause_just_below_the_toolbar(opened: OpenReport, shots: Path) -> None:
    report = opened("findings", "#clause-3.6")
    page = report.page
    top = page.evaluate("document.getElementById('clause-3.6').getBoundingClientRect().top")
    toolbar = page.evaluate("document.querySelector('.toolbar').getBoundingClientRect().bottom")
    assert toolbar <= top <= toolbar + 40
    assert page.evaluate(
        "getComputedStyle(document.getElementById('clause-3.6')).backgroundColor"
    ) != ("rgba(0, 0, 0, 0)")  # :target is highlighted
    page.screenshot(path=shots / "deep-link-3.6.png")


def test_deep_links_reach_removed_and_parenthesised_clauses(opened: OpenReport) -> None:
    report = opened("findings")
    page = report.page
    for fragment, section in [
        ("#old-clause-4.3", "old-clause-4.3"),  # removed: only in the old version
        ("#clause-1.1_le_r", "clause-1.1_le_r"),  # 1.1(e)
        ("#old-clause-4.5", "clause-8.3"),  # moved: the old number leads to the new place
    ]:
        page.evaluate(f"location.hash = {fragment!r}")
        page.wait_for_function(
            f"document.querySelector('section.clause.current')?.id === {section!r}"
        )
        box = page.locator(by_id(page, section)).bounding_box()
        assert box is not None and 0 <= box["y"] < 900


def test_deep_link_to_a_filtered_out_clause_clears_the_filters(opened: OpenReport) -> None:
    report = opened("findings")
    page = report.page
    page.select_option("#f-party", label="Norland")
    assert "clause-9.1" not in report.clauses()
    page.evaluate("location.hash = '#clause-9.1'")
    page.wait_for_function("!document.getElementById('clause-9.1').hidden")
    assert page.input_value("#f-party") == ""
    assert page.locator(by_id(page, "clause-9.1")).is_visible()


def test_change_list_links_to_its_clause(opened: OpenReport) -> None:
    report = opened("findings")
    page = report.page
    page.locator("#changes li.change").first.locator("a.clause-link").click()
    assert page.evaluate("location.hash") == "#clause-3.6"
    assert page.locator(by_id(page, "clause-3.6")).is_visible()


def test_n_and_p_step_through_changed_clauses_in_order(opened: OpenReport) -> None:
    report = opened("findings")
    page = report.page
    page.keyboard.press("n")
    first = page.evaluate("document.querySelector('section.clause.current').id")
    page.keyboard.press("n")
    second = page.evaluate("document.querySelector('section.clause.current').id")
    page.keyboard.press("p")
    back = page.evaluate("document.querySelector('section.clause.current').id")
    changed = page.eval_on_selector_all(
        "#redline section.clause",
        "els => els.filter(e => e.dataset.status !== 'unchanged').map(e => e.id)",
    )
    assert [first, second] == changed[:2] and back == first
    assert page.evaluate("location.hash") == "#" + first
    # Typing in a filter does not move.
    page.focus("#f-party")
    page.keyboard.press("n")
    assert page.evaluate("document.querySelector('section.clause.current').id") == first


def test_side_by_side_switch_shows_old_and_new_columns(opened: OpenReport, shots: Path) -> None:
    report = opened("findings", "#clause-9.1")
    page = report.page
    section = page.locator(by_id(page, "clause-9.1"))
    expect(section.locator(".inline")).to_be_visible()
    expect(section.locator(".sbs")).to_be_hidden()
    page.check("#sbs")
    expect(section.locator(".inline")).to_be_hidden()
    old, new = section.locator(".sbs .col.old"), section.locator(".sbs .col.new")
    expect(old).to_be_visible()
    expect(new).to_be_visible()
    assert old.locator("del").count() > 0 and old.locator("ins").count() == 0
    assert new.locator("ins").count() > 0 and new.locator("del").count() == 0
    old_box, new_box = old.bounding_box(), new.bounding_box()
    assert old_box and new_box and old_box["x"] < new_box["x"]  # side by side
    page.screenshot(path=shots / "side-by-side-9.1.png")
    page.uncheck("#sbs")
    expect(section.locator(".inline")).to_be_visible()


def test_split_clause_shows_each_part_as_its_own_paragraph(opened: OpenReport) -> None:
    report = opened("v2v3")
    page = report.page
    section = page.locator(by_id(page, "clause-5.4"))
    assert section.get_attribute("data-status") == "split"
    assert page.locator(by_id(page, "clause-5.5")).count() == 1  # the second part's anchor
    section.scroll_into_view_if_needed()  # off-screen clauses are laid out once in view
    paragraphs = section.locator(".inline p.text")
    assert paragraphs.count() == 2
    expect(paragraphs.nth(1)).to_have_text(
        re.compile(r"^The Board shall decide annually"), use_inner_text=True
    )
    page.check("#sbs")
    expect(section.locator(".sbs .col.new .part-id")).to_have_text(["5.4", "5.5"])


# --- without JavaScript, print, small screens ------------------------------------------


def test_without_javascript_everything_is_shown_and_side_by_side_still_works(
    chromium: Browser, reports: dict[str, Path], shots: Path
) -> None:
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(reports["findings"].resolve().as_uri())
        assert (
            page.locator("#changes li.change").count()
            == page.locator("#changes li.change:visible").count()
        )
        assert (
            page.locator("#redline section.clause").count()
            == page.locator("#redline section.clause:visible").count()
        )
        assert not page.locator("#filters").is_visible()  # filters need the script
        page.check("#sbs")
        side_by_side = page.locator(by_id(page, "clause-3.6") + " .sbs")
        side_by_side.scroll_into_view_if_needed()  # off-screen clauses are laid out once in view
        expect(side_by_side).to_be_visible()
        page.screenshot(path=shots / "no-javascript.png")
    finally:
        context.close()


def test_print_hides_the_controls_and_keeps_the_redline(opened: OpenReport, shots: Path) -> None:
    report = opened("findings")
    page = report.page
    page.emulate_media(media="print", color_scheme="dark")
    assert not page.locator(".toolbar").is_visible()
    assert page.locator(by_id(page, "clause-3.6") + " ins").first.is_visible()
    # Print is always dark on light, whatever the screen's scheme.
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    page.screenshot(path=shots / "print.png", full_page=True)


@pytest.mark.parametrize("name", ["findings", "v2v3", "chatgpt", "csa"])
@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)])
def test_report_fits_the_screen_in_both_schemes(
    opened: OpenReport, shots: Path, name: str, scheme: str, width: int
) -> None:
    report = opened(name)
    page = report.page
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.check("#sbs")
    # No sideways scrolling: long clause text and tables wrap or scroll inside.
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
    page.screenshot(path=shots / f"{name}-{scheme}-{width}.png")
    page.evaluate("document.getElementById('redline').scrollIntoView()")
    page.screenshot(path=shots / f"{name}-{scheme}-{width}-redline.png")


# --- hostile text ----------------------------------------------------------------------


def test_markup_and_template_syntax_in_documents_is_shown_as_text_and_never_runs(
    opened: OpenReport, shots: Path
) -> None:
    report = opened("hostile")
    page = report.page
    page.wait_for_load_state("load")
    for selector in ("#filters select", "#sbs"):  # interact, in case anything waits for it
        page.locator(selector).first.focus()
    page.check("#sbs")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert report.dialogs == []
    # Nothing from the documents became an element.
    for tag in ("img", "svg", "iframe", "b"):
        assert page.locator(f"main {tag}, header {tag}").count() == 0, tag
    assert page.locator("script").count() == 1  # the report's own
    assert page.locator('a[href^="javascript"]').count() == 0
    # Off-screen clauses skip layout (content-visibility) and so are missing from innerText;
    # the print stylesheet lays every clause out, so read the text as printed.
    page.emulate_media(media="print")
    text = page.locator("body").inner_text()
    page.emulate_media(media="screen")
    for shown in (
        "<script>window.__pwned = 1</script>",
        '<img src=x onerror="window.__pwned = 2">',
        "[here](javascript:window.__pwned=3)",
        '<a href="javascript:window.__pwned=4">here</a>',
        "{{ 7*7 }}",
        "{% if true %}",
        '<iframe src="javascript:window.__pwned=6"></iframe>',
        "</style></script><!--",
        '<script>window.__pwned = "summary"</script> {{ summary }}',
        '<script>window.__pwned = "rule"</script>',
        "Acme <b>Ltd</b>",
    ):
        assert shown in text, shown
    assert "49" not in text  # {{ 7*7 }} was not evaluated
    assert page.title().startswith('SUPPLY AGREEMENT <script>window.__pwned = "title"</script>')
    # The hostile party is offered by the filter, as text, and filtering by it works.
    page.select_option("#f-party", label='<img src=x onerror="window.__pwned = 7">')
    assert report.change_types() == ["obligation.weakened"]
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=shots / "hostile.png", full_page=True)
    assert report.errors == []


# --- contrast ---------------------------------------------------------------------------

CONTRAST = """
(selectors) => {
  function rgb(s) {
    const m = s.match(/[\\d.]+/g).map(Number);
    return m.length > 3 ? m : [...m, 1];
  }
  function lum(c) {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  }
  const out = [];
  for (const sel of selectors) {
    for (const el of [...document.querySelectorAll(sel)].slice(0, 5)) {
      if (!el.getClientRects().length) continue;
      const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      out.push([sel, Math.round(ratio * 100) / 100]);
    }
  }
  return out;
}
"""
CONTRAST_SELECTORS = [
    "body",
    "del",
    "ins",
    "mark",
    "del mark",
    "ins mark",
    ".sev-high",
    ".sev-medium",
    ".sev-low",
    ".sev-info",
    ".status-moved",
    ".status-added",
    ".status-removed",
    ".is-moved del",
    ".is-moved ins",
    ".is-unchanged .text",
    ".clause:target del",
    ".clause:target ins",
    ".ev-where",
    ".rule",
    ".version dt",
    ".notice-label",
    "a",
    "#f-count",
    ".part-id",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_meet_wcag_aa_contrast(opened: OpenReport, scheme: str) -> None:
    report = opened("findings", "#clause-9.1")
    page = report.page
    page.emulate_media(color_scheme=scheme)
    page.check("#sbs")
    ratios = page.evaluate(CONTRAST, CONTRAST_SELECTORS)
    measured = {sel for sel, _ in ratios}
    assert {"del", "ins", "mark", ".sev-high", ".status-moved", ".clause:target ins"} <= measured
    too_low = [(sel, r) for sel, r in ratios if r < 4.5]
    assert too_low == []


def test_colour_is_never_the_only_signal(opened: OpenReport) -> None:
    report = opened("findings")
    page = report.page
    styles = page.evaluate(
        """() => ({
          del: getComputedStyle(document.querySelector('#redline del')).textDecorationLine,
          ins: getComputedStyle(document.querySelector('#redline ins')).textDecorationLine,
        })"""
    )
    assert styles == {"del": "line-through", "ins": "underline"}
    badge = page.locator("#redline .clause-head .status-moved").first
    badge.scroll_into_view_if_needed()  # off-screen clauses are laid out once in view
    expect(badge).to_have_text("⇄ moved", use_inner_text=True)
    severities = page.locator("#changes .sev").all_inner_texts()
    assert all(re.match(r"^[▲◆▽·] (high|medium|low|info)$", s) for s in severities)
