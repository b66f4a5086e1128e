"""Measures how long the terminal browser takes to become usable on long drafts, against
`git diff --no-index --word-diff` on the same pair, in the same run.

"Usable" means the real program, started in a real terminal (tmux, 120x40), shows the
clause outline, the first change's redline and the footer: from then on every key
works. Also timed: the pipeline's stages on their own (parse both drafts, compare,
build the outline rows), a key press (`n`, next change) and a filter lifted (`u` twice:
the whole outline rebuilt) once the browser is up.

    python -m bench.tui_startup [--pages 10,100,250,500,1000] [--change-every 4] [--keep DIR]

The pairs come from bench/long_pair.py (the sample treaty repeated, renumbered, every
fourth part changed). Needs tmux and git.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.long_pair import WORDS_PER_PAGE, write_pair
from draftdiff.diff.compare import compare
from draftdiff.tui.background import parse_files
from draftdiff.tui.model import build_rows

COLS, ROWS = 120, 40
READY = "substantive change"
"""Printed in the outline's header once a comparison is on screen."""


def tmux(socket: Path, *args: str) -> str:
    return subprocess.run(
        ["tmux", "-S", str(socket), *args], capture_output=True, text=True, check=True
    ).stdout


def wait_for(socket: Path, text: str, timeout: float = 600) -> float:
    """Seconds until `text` shows on the screen (polling every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in tmux(socket, "capture-pane", "-p", "-J", "-t", "b"):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{text!r} not on screen after {timeout} s")


def heading(socket: Path) -> str:
    """The first line of the redline pane (the clause shown)."""
    first = tmux(socket, "capture-pane", "-p", "-t", "b").splitlines()[1]
    return first.split("▕", 1)[-1].strip()


def time_browser(old: Path, new: Path) -> dict[str, float]:
    """Start-up to usable; then `n` (median of three); then `u` twice: the outline
    narrowed to changed clauses and rebuilt whole again (the second is timed)."""
    with tempfile.TemporaryDirectory() as scratch:
        socket = Path(scratch) / "tmux.sock"
        command = f"{sys.executable} -m draftdiff {old} {new}; sleep 600"
        start = time.perf_counter()
        tmux(socket, "new-session", "-d", "-s", "b", "-x", str(COLS), "-y", str(ROWS), command)
        try:
            wait_for(socket, READY)
            usable = time.perf_counter() - start
            keys = []
            for _ in range(3):
                before = heading(socket)
                start = time.perf_counter()
                tmux(socket, "send-keys", "-t", "b", "n")
                while heading(socket) == before:
                    time.sleep(0.01)
                keys.append(time.perf_counter() - start)
            tmux(socket, "send-keys", "-t", "b", "u")
            wait_for(socket, "Filter: changes only")
            start = time.perf_counter()
            tmux(socket, "send-keys", "-t", "b", "u")
            wait_gone(socket, "Filter: changes only")
            rebuilt = time.perf_counter() - start
        finally:
            subprocess.run(["tmux", "-S", str(socket), "kill-server"], capture_output=True)
    return {"usable": usable, "key n": sorted(keys)[1], "rebuild": rebuilt}


def wait_gone(socket: Path, text: str, timeout: float = 600) -> None:
    start = time.perf_counter()
    while text in tmux(socket, "capture-pane", "-p", "-J", "-t", "b"):
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{text!r} still on screen after {timeout} s")
        time.sleep(0.02)


def time_stages(old: Path, new: Path) -> dict[str, float]:
    start = time.perf_counter()
    documents = parse_files([str(old), str(new)], None)
    parsed = time.perf_counter()
    comparison = compare(*documents)
    compared = time.perf_counter()
    rows = build_rows(comparison)
    built = time.perf_counter()
    return {
        "parse": parsed - start,
        "compare": compared - parsed,
        "rows": built - compared,
        "clauses": float(len(rows)),
    }


def time_git(old: Path, new: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        ["git", "diff", "--no-index", "--word-diff", str(old), str(new)],
        stdout=subprocess.DEVNULL,
        check=False,  # exit 1 = "they differ"
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="10,100,250,500,1000")
    parser.add_argument("--change-every", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="write the pairs here and keep them")
    args = parser.parse_args()
    for tool in ("tmux", "git"):
        if shutil.which(tool) is None:
            sys.exit(f"bench.tui_startup needs {tool}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="draftdiff-bench-"))
    print(
        f"{'pages':>6} {'clauses':>8} {'parse':>7} {'compare':>8} {'rows':>6} "
        f"{'usable':>8} {'key n':>7} {'rebuild':>8} {'git':>7} {'usable/git':>11}"
    )
    previous: tuple[int, float] | None = None
    for pages in (int(p) for p in args.pages.split(",")):
        old, new = write_pair(folder, pages, args.change_every)
        words = len(old.read_text(encoding="utf-8").split())
        stages = time_stages(old, new)
        browser = time_browser(old, new)
        git = min(time_git(old, new) for _ in range(3))
        print(
            f"{words / WORDS_PER_PAGE:>6.0f} {stages['clauses']:>8.0f} {stages['parse']:>6.2f}s "
            f"{stages['compare']:>7.2f}s {stages['rows']:>5.2f}s {browser['usable']:>7.2f}s "
            f"{browser['key n']:>6.2f}s {browser['rebuild']:>7.2f}s {git:>6.3f}s "
            f"{browser['usable'] / git:>10.0f}x"
        )
        if previous is not None:
            grew = (browser["usable"] / previous[1]) / (pages / previous[0])
            print(f"{'':>6} time grew {grew:.2f}x as fast as size since {previous[0]} pages")
        previous = (pages, browser["usable"])
    if args.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
