"""Measures the change reports: render time and size, against difflib.HtmlDiff.

For the longest text pair of the shared corpus and for synthetic pairs of 100 to
1,000 pages, this times, in one run and on the same texts:

    compare        parse both versions and compare them (draftdiff's pipeline)
    html           render_html(comparison): the self-contained HTML report
    markdown       render_markdown(comparison): the pull-request comment
    HtmlDiff       difflib.HtmlDiff().make_file() on the same documents, one clause
                   per line (Python's own side-by-side HTML diff: the peer)

and prints sizes, times, the html/HtmlDiff time ratio, and how time per page
grows with size (1.0 = linear). With --browser it also opens the largest report
in Debian's Chromium and times loading it, filtering it and the side-by-side switch.

    python -m bench.report_render [CORPUS_DIR] [--pages 100,250,500,1000] [--browser]
"""

from __future__ import annotations

import argparse
import difflib
import gc
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.parse.document import parse_file, parse_text
from draftdiff.render.html import render_html
from draftdiff.render.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
LONGEST = ("ota-terms", "pairs", "spotify-tos__2024-03-27__2025-08-26")
WORDS_PER_PAGE = 500
"""A printed page of an agreement holds about 500 words."""

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    name: str
    pages: float
    clauses: int
    changes: int
    compare_s: float
    html_s: float
    html_bytes: int
    markdown_s: float
    peer_s: float
    peer_bytes: int


def timed(
    run: Callable[[], T], repeat: int = 1, clock: Callable[[], float] = time.process_time
) -> tuple[float, T]:
    """Best time of `repeat` runs, and the result. CPU time of this process by default:
    the machines this runs on are shared, and wall time there mostly measures the
    neighbours (on a quiet machine the two agree)."""
    best = float("inf")
    result: T
    for _ in range(repeat):
        gc.collect()
        start = clock()
        result = run()
        best = min(best, clock() - start)
    return best, result


def measure(name: str, load: Callable[[], Comparison], repeat: int) -> Row:
    compare_s, comparison = timed(load, repeat)
    html_s, html = timed(lambda: render_html(comparison), repeat)
    markdown_s, _ = timed(lambda: render_markdown(comparison), repeat)
    old_lines = comparison.old.plain_text().splitlines()
    new_lines = comparison.new.plain_text().splitlines()
    peer_s, peer = timed(lambda: difflib.HtmlDiff().make_file(old_lines, new_lines), repeat)
    words = len(comparison.new.plain_text().split())
    return Row(
        name,
        words / WORDS_PER_PAGE,
        len(comparison.pairs),
        len(comparison.changes),
        compare_s,
        html_s,
        len(html.encode("utf-8")),
        markdown_s,
        peer_s,
        len(peer.encode("utf-8")),
    )


# --- a synthetic agreement of any length ---------------------------------------------


def vocabulary() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.md")))
    return sorted(set(re.findall(r"[A-Za-z][a-z]+", text)))


def synthetic_pair(pages: int, seed: int = 7) -> tuple[str, str]:
    """Two Markdown versions of an agreement of about `pages` pages: articles of eight
    60-word sections; the new version rewords 4% of sections, strengthens or weakens
    1%, deletes 1%, adds 1% and moves one article's last section to the next."""
    rng = random.Random(seed)
    words = vocabulary()
    sections = pages * WORDS_PER_PAGE // 60
    articles = max(1, sections // 8)

    def sentence(n: int) -> str:
        chosen = rng.choices(words, k=n)
        return " ".join(chosen).capitalize() + "."

    old: list[list[str]] = [
        [f"{sentence(20)} The Supplier shall {sentence(36)} {sentence(4)}" for _ in range(8)]
        for _ in range(articles)
    ]
    new = [list(article) for article in old]
    for article in new:
        for j, text in enumerate(article):
            roll = rng.random()
            if roll < 0.04:
                parts = text.split(" ")
                k = rng.randrange(len(parts))
                parts[k] = rng.choice(words)
                article[j] = " ".join(parts)
            elif roll < 0.05:
                article[j] = text.replace("shall", "shall use reasonable efforts to", 1)
            elif roll < 0.06:
                article[j] = ""
            elif roll < 0.07:
                article.insert(j, f"The Buyer may {sentence(40)}")
    if len(new) > 1:
        new[1].append(new[0].pop())
    return _markdown(old), _markdown(new)


def _markdown(articles: list[list[str]]) -> str:
    out = ["# Synthetic Supply Agreement", ""]
    for i, article in enumerate(articles, 1):
        out += [f"## Article {i} — Provisions {i}", ""]
        number = 0
        for text in article:
            if text:
                number += 1
                out += [f"{i}.{number} {text}", ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", default="100,250,500,1000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best kept)")
    parser.add_argument(
        "--browser", action="store_true", help="time the largest report in Chromium"
    )
    args = parser.parse_args()
    rows = []
    render_html(compare(parse_text("1. A.", path="a.md"), parse_text("1. B.", path="b.md")))
    pair = args.corpus.joinpath(*LONGEST)
    rows.append(
        measure(
            "corpus: " + pair.name,
            lambda: compare(parse_file(pair / "old.md"), parse_file(pair / "new.md")),
            args.repeat,
        )
    )
    largest: tuple[str, str] | None = None
    for pages in (int(p) for p in args.pages.split(",")):
        old, new = synthetic_pair(pages)
        largest = (old, new)
        rows.append(
            measure(
                f"synthetic {pages} pages",
                lambda old=old, new=new: compare(
                    parse_text(old, path="old.md"), parse_text(new, path="new.md")
                ),
                args.repeat,
            )
        )
    header = (
        "| pair | pages | clauses | changes | compare s | html s | html MB | markdown s "
        "| HtmlDiff s | HtmlDiff MB | html / HtmlDiff time | html ms / page |"
    )
    print(
        "Times are CPU seconds, best of "
        f"{args.repeat}; the template is compiled before the first figure.\n"
    )
    print(header)
    print("|---" * 12 + "|")
    for r in rows:
        print(
            f"| {r.name} | {r.pages:.0f} | {r.clauses} | {r.changes} | {r.compare_s:.2f} "
            f"| {r.html_s:.2f} | {r.html_bytes / 1e6:.2f} | {r.markdown_s:.2f} | {r.peer_s:.2f} "
            f"| {r.peer_bytes / 1e6:.2f} | {r.html_s / r.peer_s:.2f} "
            f"| {1000 * r.html_s / r.pages:.1f} |"
        )
    synthetic = [r for r in rows if r.name.startswith("synthetic")]
    if len(synthetic) >= 2:
        first, last = synthetic[0], synthetic[-1]
        scale = last.pages / first.pages

        def growth(a: float, b: float) -> str:
            return f"{(b / a) / scale:.2f}"

        print()
        print(
            f"Growth from {first.pages:.0f} to {last.pages:.0f} pages (x{scale:.1f}); "
            "time per page, last / first (1.00 = linear):"
        )
        print(
            f"  compare {growth(first.compare_s, last.compare_s)}, "
            f"html {growth(first.html_s, last.html_s)}, "
            f"markdown {growth(first.markdown_s, last.markdown_s)}, "
            f"HtmlDiff {growth(first.peer_s, last.peer_s)}; "
            f"html size per page {growth(first.html_bytes, last.html_bytes)}"
        )

    if args.browser and largest:
        old, new = largest
        browse(compare(parse_text(old, path="old.md"), parse_text(new, path="new.md")))


def browse(comparison: Comparison) -> None:
    """Open the report in Chromium (as tests/report/conftest.py does) and time what a
    reader waits for."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from tests.report.conftest import CHROMIUM, CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        path.write_text(render_html(comparison), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            wall = time.perf_counter  # the work happens in Chromium's processes
            load, _ = timed(lambda: page.goto(path.as_uri()), clock=wall)
            only, _ = timed(lambda: page.select_option("#f-type", "clause.removed"), clock=wall)
            reset, _ = timed(lambda: page.click("#f-reset"), clock=wall)
            side, _ = timed(
                lambda: (page.check("#sbs"), page.evaluate("document.body.offsetHeight")),
                clock=wall,
            )
            browser.close()
    print()
    print(
        f"Chromium, {len(comparison.pairs)} clauses (wall time): open {load:.2f} s, "
        f"filter one type {only:.2f} s, reset filters {reset:.2f} s, "
        f"side by side {side:.2f} s"
    )


if __name__ == "__main__":
    main()
