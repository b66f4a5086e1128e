"""Results are written whole, over regular files only: devices, pipes and links survive."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from draftdiff.errors import OutputError
from draftdiff.output import write_atomic


def test_existing_file_is_replaced_whole_with_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    # The same path as -o /dev/null or -o /dev/stdout: the target is not a regular file.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_writing_over_an_input_through_a_link_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("1.1 Text.", encoding="utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(draft)
    with pytest.raises(OutputError, match="refusing to overwrite an input document"):
        write_atomic(link, "report", inputs=[str(draft)])
    assert draft.read_text(encoding="utf-8") == "1.1 Text."
