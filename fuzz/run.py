"""Provides the coverage-guided fuzzing run (atheris, libFuzzer's engine for Python).

    python -m fuzz.run [--seconds N | --runs N] [--target NAME ...] [--keep DIR]

Without --target each of the five targets runs in turn (`every`, all five behind one
selector byte, is the short run CI does).

Each target runs in its own process: its draftdiff modules are imported under atheris'
instrumentation, seeded from fuzz/seeds.py, and fuzzed for the given time or number of
inputs. An input that raises anything but a DraftdiffError is a crash; libFuzzer writes
it to DIR (default fuzz/regressions/<target>/), where tests/hostile/test_fuzz.py replays
it as a regression test from then on. Prints one summary line per target.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NAMES = ("docx", "docx_xml", "text", "markdown", "schema", "every")
EACH = NAMES[:-1]


def _child(target: str, corpus: str, libfuzzer_args: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["draftdiff"]):
        from fuzz.targets import TARGETS

    function = TARGETS[target]

    def one(data: bytes) -> None:
        function(data)

    atheris.Setup([sys.argv[0], corpus, *libfuzzer_args], one)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz.run")
    parser.add_argument("--seconds", type=int, default=0)
    parser.add_argument("--runs", type=int, default=0)
    parser.add_argument("--target", action="append", choices=NAMES)
    parser.add_argument("--keep", type=Path, help="where crashing inputs go")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.child:
        _child(args.child, args.corpus, rest)
        return 0
    bound = [f"-max_total_time={args.seconds}"] if args.seconds else []
    bound += [f"-runs={args.runs}"] if args.runs else []
    if not bound:
        bound = ["-max_total_time=60"]
    failed = 0
    for target in args.target or EACH:
        crashes = args.keep or HERE / "regressions" / target
        crashes.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as corpus:
            from fuzz.seeds import write_seeds

            write_seeds(target, Path(corpus))
            command = [
                sys.executable,
                "-m",
                "fuzz.run",
                "--child",
                target,
                "--corpus",
                corpus,
                *bound,
                "-rss_limit_mb=3072",
                "-timeout=20",
                "-max_len=200000",
                f"-artifact_prefix={crashes}/",
                "-print_final_stats=1",
            ]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        log = done.stderr
        runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
        cov = re.findall(r"cov: (\d+)", log)
        found = "no crash" if done.returncode == 0 else f"CRASH (exit {done.returncode})"
        print(
            f"fuzz {target}: {runs[-1] if runs else '?'} inputs, "
            f"coverage {cov[-1] if cov else '?'} edges, {found}"
        )
        if done.returncode != 0:
            failed += 1
            tail = [line for line in log.splitlines() if line.strip()][-25:]
            print("\n".join(tail), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
