"""Provides LibreOffice as an independent oracle for the .docx reader.

Two things are asked of a headless `soffice` (Debian's libreoffice-writer-nogui):

- `text_exports(files)`: its plain-text export, which prints each paragraph with
  the list label LibreOffice renders from numbering.xml ("3.2.", "(a)") in front;
- `revision_exports(files, accept=True|False)`: the same export after a Basic macro
  accepts (or rejects) every tracked change, i.e. Word's "Accept All"/"Reject All".

`label_agreement` then matches our paragraphs to LibreOffice's lines by their
text and compares the labels. Nothing here uses draftdiff's own numbering code.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_TEXT_FILTER = "txt:Text (encoded):UTF8"
_TIMEOUT = 600
# Basic library installed into a throwaway LibreOffice profile: open a file hidden,
# accept or reject all tracked changes through the dispatcher, store it as UTF-8 text.
_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script"
 script:name="Module1" script:language="StarBasic">
Sub ExportAll(sList As String, sMode As String)
  Dim aItems, aPair
  aItems = Split(sList, "|")
  For i = LBound(aItems) To UBound(aItems)
    aPair = Split(aItems(i), "&gt;")
    Export(aPair(0), aPair(1), sMode)
  Next i
End Sub

Sub Export(sIn As String, sOut As String, sMode As String)
  On Error Goto Failed
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden" : aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), "_blank", 0, aLoad())
  oHelper = createUnoService("com.sun.star.frame.DispatchHelper")
  oFrame = oDoc.getCurrentController().getFrame()
  If sMode = "accept" Then
    oHelper.executeDispatch(oFrame, ".uno:AcceptAllTrackedChanges", "", 0, Array())
  Else
    oHelper.executeDispatch(oFrame, ".uno:RejectAllTrackedChanges", "", 0, Array())
  End If
  Dim aStore(1) As New com.sun.star.beans.PropertyValue
  aStore(0).Name = "FilterName" : aStore(0).Value = "Text (encoded)"
  aStore(1).Name = "FilterOptions" : aStore(1).Value = "UTF8"
  oDoc.storeToURL(ConvertToURL(sOut), aStore())
  oDoc.close(True)
  Failed:
End Sub
</script:module>
"""


def available() -> bool:
    return SOFFICE is not None


def text_exports(
    files: Sequence[Path], out_dir: Path, timeout: float = _TIMEOUT
) -> dict[Path, str]:
    """LibreOffice's text export of each file (one soffice run for all of them).
    Files LibreOffice cannot open (or did not reach within `timeout`) are missing
    from the result."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        _soffice(
            profile,
            ["--convert-to", _TEXT_FILTER, "--outdir", str(out_dir), *map(str, files)],
            timeout,
        )
    out: dict[Path, str] = {}
    for file in files:
        target = out_dir / (file.stem + ".txt")
        if target.exists():
            out[file] = target.read_text(encoding="utf-8-sig")
    return out


def revision_exports(files: Sequence[Path], out_dir: Path, *, accept: bool) -> dict[Path, str]:
    """Text of each file after LibreOffice accepts (or rejects) all tracked changes.

    A fresh profile is initialised, its Standard Basic module replaced by ours, and
    one soffice run exports every file."""
    mode = "accept" if accept else "reject"
    targets = {file: out_dir / f"{file.stem}.{mode}.txt" for file in files}
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        _soffice(profile, ["--terminate_after_init"])
        module = Path(profile) / "user" / "basic" / "Standard" / "Module1.xba"
        module.write_text(_MODULE, encoding="utf-8")
        jobs = "|".join(f"{f.resolve()}>{t.resolve()}" for f, t in targets.items())
        _soffice(profile, [f'macro:///Standard.Module1.ExportAll("{jobs}","{mode}")'])
    return {
        file: target.read_text(encoding="utf-8-sig")
        for file, target in targets.items()
        if target.exists()
    }


def _soffice(profile: str, args: list[str], timeout: float = _TIMEOUT) -> bool:
    """Run soffice; False when it had to be stopped after `timeout` seconds (a file
    that hangs it). It runs in its own process group so that the soffice.bin the
    launcher script starts is stopped with it."""
    if SOFFICE is None:
        raise RuntimeError("soffice is not installed (apt-get install libreoffice-writer-nogui)")
    env = {**os.environ, "HOME": profile}
    process = subprocess.Popen(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            *args,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return False
    return True


@dataclass(frozen=True)
class Agreement:
    """How our labels compare with LibreOffice's on one document."""

    numbered: int
    """Paragraphs that carry a number on either side (and could be matched)."""
    agree: int
    unmatched: int
    """Our numbered paragraphs whose text was not found in LibreOffice's export."""
    mismatches: tuple[tuple[str, str, str], ...]
    """(ours, LibreOffice's, text) for the first disagreements."""
    known: int = 0
    """Disagreements where LibreOffice prints what its known deviation from Word gives
    (LibreOffice 7.4 ignores w:isLgl, "Section I.01" where Word prints "Section 1.01",
    and w:lvlRestart, restarting "(a)" after every "1." where Word goes on)."""

    @property
    def rate(self) -> float:
        """Share of numbered paragraphs whose label is Word's (known deviations count)."""
        return (self.agree + self.known) / self.numbered if self.numbered else 1.0


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u2011", "-").split())


def label_agreement(
    ours: Iterable[tuple[str, str, bool] | tuple[str, str, bool, str]],
    exported: str,
    window: int = 400,
) -> Agreement:
    """Compare our (label, text, cites_notes[, deviation]) paragraphs with LibreOffice's
    text export.

    Each of our paragraphs is looked for, in order, among the next `window` lines;
    the line's text before ours is LibreOffice's label. LibreOffice prints a footnote
    reference as its number, so for a paragraph citing notes a trailing number is
    not part of the label. Bullets (labels that are not numbers) are left out. The
    optional fourth item is the label LibreOffice's known deviation from Word gives;
    LibreOffice printing it counts as `known`, not as a disagreement."""
    lines = [_norm(line) for line in exported.split("\n")]
    position = 0
    numbered = agree = unmatched = known = 0
    mismatches: list[tuple[str, str, str]] = []
    for item in ours:
        label, text, cites_notes = item[0], item[1], item[2]
        deviation = item[3] if len(item) > 3 else label  # type: ignore[misc]
        full = _norm(text)
        if not full:
            continue
        if len(full) < 3 and not label:
            # Too short to find safely; a line that is exactly this text still
            # moves the position, so a numbered "x" after a plain "x" finds its own.
            if position < len(lines) and lines[position] == full:
                position += 1
            continue
        found = _find(lines, full, position, window)
        if found is None:
            unmatched += bool(label)
            continue
        position = found[0] + 1
        theirs = found[1]
        if len(theirs) > max(_LONGEST_LABEL, len(label)):
            # Our text ends a longer line (LibreOffice ran two paragraphs together,
            # or placed a note or text box elsewhere): there is no label to compare.
            # (Letter labels grow without bound: the 3,500th is 135 letters.)
            unmatched += bool(label)
            continue
        if cites_notes and not label.endswith(theirs[-1:] or "-"):
            theirs = re.sub(r"\s*\d+$", "", theirs)
        if not _is_number(label) and not _is_number(theirs):
            continue
        numbered += 1
        if _norm(label) == theirs:
            agree += 1
        elif _norm(deviation) == theirs:
            known += 1
        elif len(mismatches) < 12:
            mismatches.append((label, theirs, full[:40]))
    return Agreement(numbered, agree, unmatched, tuple(mismatches), known)


_LABEL_ROOM = 24
"""A label is short; a longer prefix means our text was probably found inside another line."""
_LONGEST_LABEL = 64
"""Longer than the labels Word spells ("Trois-mille-quatre-cent-quatre-vingt-dix-septième"):
a longer prefix than this and than our own label is another paragraph's text."""


def _find(lines: Sequence[str], full: str, start: int, window: int) -> tuple[int, str] | None:
    """The next line holding `full` (at its end, or by its first 60 characters), and the
    text before it; a line where that text is short enough to be a label comes first."""
    needle = full[:60]
    fallback: tuple[int, str] | None = None
    for index in range(start, min(len(lines), start + window)):
        line = lines[index]
        if line.endswith(full):
            prefix = line[: len(line) - len(full)].strip()
        elif len(full) > 60 and needle in line:
            prefix = line[: line.find(needle)].strip()
        else:
            continue
        if len(prefix) <= _LABEL_ROOM:
            return index, prefix
        fallback = fallback or (index, prefix)
    return fallback


def _is_number(label: str) -> bool:
    """A label with a digit or letter in any script (①, 七, Г count); the geometric
    shapes and dingbats Word uses as bullets (•, ◦, ▪, ➢) do not."""
    return any(char.isalnum() for char in label)
