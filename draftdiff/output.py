"""Provides safe output: write a result file whole or not at all.

A report is written to a temporary file beside the target and renamed over it
only when complete, so an error or Ctrl-C never leaves half a file, and an
existing file is replaced only by a finished one. A target that is not a regular
file (a device such as /dev/null, a pipe) is written into instead: renaming over
it would replace the device. A symbolic link is followed, so the link survives.
Writing over one of the input documents is refused: a typo in -o must not
destroy a draft.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from draftdiff.errors import OutputError


def write_atomic(path: str | Path, content: str | bytes, *, inputs: Iterable[str] = ()) -> None:
    """Write `content` to `path` atomically; refuse to overwrite any of `inputs`."""
    target = Path(path)
    display = str(path)
    for given in inputs:
        with contextlib.suppress(OSError):
            if target.exists() and target.resolve() == Path(given).resolve():
                raise OutputError(
                    "refusing to overwrite an input document",
                    path=display,
                    hint="choose another output file",
                )
    if target.is_dir():
        raise OutputError("is a directory", path=display, hint="give a file name")
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.exists() and not target.resolve().is_file():
        # A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO): write into it.
        # Renaming a file over it would replace the device itself.
        _write_in_place(target, data, display)
        return
    # Follow a symbolic link, so the link stays and the file it points to is replaced.
    if target.is_symlink():
        target = target.resolve()
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise OutputError("folder does not exist", path=display)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror}", path=display) from None
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # Keep the permissions of a file being replaced; a new one gets the usual ones.
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        temp.chmod(mode)
        temp.replace(target)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {err.strerror}", path=display) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_in_place(target: Path, data: bytes, display: str) -> None:
    try:
        with target.open("wb") as stream:
            stream.write(data)
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror}", path=display) from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
