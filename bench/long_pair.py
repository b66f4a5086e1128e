"""Writes a synthetic long pair of drafts (~1,000 pages) built from the bundled samples.

Each "part" of the long agreement is a copy of the sample agreement's articles, renumbered
so that numbers keep running (Article 13 follows Article 12, and its sections are 13.1,
13.2, ...), and with "For Sector N:" after each number so that no two clauses have the
same words (a real long agreement repeats structure, not sentences). The old version is
made of copies of the middle draft; in the new version every `change_every`-th part is
the final draft instead, so the pair has the changes of v2 → v3 spread through it and the
rest unchanged. Cross-references ("Article 4", "Section 5.5") are renumbered with their part.

    python -m bench.long_pair OUT_DIR [--pages 1000] [--change-every 4]

A page is counted as 500 words, the usual figure for single-spaced legal text.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
WORDS_PER_PAGE = 500
ARTICLES_PER_PART = 12

_ARTICLE = re.compile(r"^## Article (\d+)(.*)$")
_SECTION = re.compile(r"^(\d+)\.(\d+) ")
_SUBPARA = re.compile(r"^(\([a-z]+\)) ")
_REFERENCE = re.compile(r"\b(Article|Section) (\d+)(\.\d+)?")


def split_sample(path: Path) -> tuple[str, str]:
    """(front matter up to the first article, the articles)."""
    text = path.read_text(encoding="utf-8")
    at = text.index("## Article 1 ")
    return text[:at], text[at:]


def renumber_part(body: str, part: int) -> str:
    """The articles of one part, renumbered by `part` * 12 and tagged with the sector."""
    offset = part * ARTICLES_PER_PART
    sector = f"For Sector {part + 1}: "

    def ref(match: re.Match[str]) -> str:
        return f"{match[1]} {int(match[2]) + offset}{match[3] or ''}"

    lines = []
    for line in body.splitlines():
        line = _REFERENCE.sub(ref, line) if not line.startswith("## ") else line
        if article := _ARTICLE.match(line):
            line = f"## Article {int(article[1]) + offset}{article[2]}"
        elif section := _SECTION.match(line):
            line = f"{int(section[1]) + offset}.{section[2]} {sector}{line[section.end() :]}"
        elif sub := _SUBPARA.match(line):
            line = f"{sub[1]} {sector}{line[sub.end() :]}"
        lines.append(line)
    return "\n".join(lines) + "\n\n"


def parts_for(pages: int, words_per_part: int) -> int:
    return max(1, round(pages * WORDS_PER_PAGE / words_per_part))


def build_pair(pages: int = 1000, change_every: int = 4) -> tuple[str, str]:
    """Texts of the old and new long drafts."""
    front_old, body_old = split_sample(SAMPLES / "fund-v2-middle.md")
    front_new, body_new = split_sample(SAMPLES / "fund-v3-final.md")
    count = parts_for(pages, len(renumber_part(body_old, 0).split()))
    old = [front_old]
    new = [front_new]
    for part in range(count):
        old.append(renumber_part(body_old, part))
        changed = change_every > 0 and part % change_every == 0
        new.append(renumber_part(body_new if changed else body_old, part))
    return "".join(old), "".join(new)


def write_pair(folder: Path, pages: int = 1000, change_every: int = 4) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    old_text, new_text = build_pair(pages, change_every)
    old_path, new_path = folder / f"long-{pages}p-old.md", folder / f"long-{pages}p-new.md"
    old_path.write_text(old_text, encoding="utf-8")
    new_path.write_text(new_text, encoding="utf-8")
    return old_path, new_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--change-every", type=int, default=4)
    args = parser.parse_args()
    for path in write_pair(args.out, args.pages, args.change_every):
        words = len(path.read_text(encoding="utf-8").split())
        print(f"{path}: {words} words, {words / WORDS_PER_PAGE:.0f} pages")


if __name__ == "__main__":
    main()
